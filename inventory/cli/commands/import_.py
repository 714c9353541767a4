"""``inventory import``: validate inventory folders and store them in one transaction."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeRemainingColumn

from inventory.cli import interruption
from inventory.cli.commands.mapping import FromOption, MappingOption, validate_with_profiles
from inventory.cli.commands.validate import render_report
from inventory.cli.common import OutputFormat, console_err, print_json, show_progress, state
from inventory.cli.views import render_import_result, render_prune_plan
from inventory.errors import Interrupted
from inventory.issues import IssueReport, Severity
from inventory.store import ImportResult, InventoryStore, stored_known_keys
from inventory.store.faults import fault_point
from inventory.validate.batch import ImportBatch

NOTHING_WRITTEN = "Interrupted: nothing was written."

#: Imports with fewer rows than this finish too quickly for a progress bar to help.
PROGRESS_MIN_ROWS = 20_000


def import_(
    ctx: typer.Context,
    paths: Annotated[list[Path], typer.Argument(
        help="Municipality folders, or folders holding one folder per municipality.")],
    prune: Annotated[bool, typer.Option(
        "--prune", help="Delete stored records of the imported municipalities and record"
        " kinds that the new files no longer hold (listed before they go).")] = False,
    dry_run: Annotated[bool, typer.Option(
        "--dry-run", help="Compute and print everything, then roll back: nothing is"
        " written.")] = False,
    output_format: Annotated[OutputFormat, typer.Option(
        "--format", help="text: tables; json: the validation report and the counts.")
    ] = OutputFormat.TEXT,
    max_issues: Annotated[int, typer.Option(
        "--max-issues", min=1, help="List at most this many issues (the rest are counted).")
    ] = 1000,
    ignore_unknown: Annotated[bool, typer.Option(
        "--ignore-unknown", help="A file or sheet in a municipality folder that is not"
        " understood (no kind by its name or header) is a warning, not an error.")] = False,
    mapping: MappingOption = None,
    source: FromOption = None,
) -> None:
    """Validate and store inventories: created / updated / unchanged / deleted per kind.

    Invalid input is reported (every issue, exit 1) and nothing is written. Re-importing
    the same files changes nothing. Records are only deleted with --prune. Ctrl-C (exit
    130) says whether the import was stored: it is stored whole or not at all.

    Example: inventory import samples/* --prune --dry-run
    """
    store: InventoryStore | None = None
    try:
        interruption.note(NOTHING_WRITTEN)
        fault_point("start")
        db_url = state(ctx).resolved_db_url
        # read first: a database that cannot be used stops the import before any file is read
        known_keys = stored_known_keys(db_url)
        batch = validate_with_profiles(paths, mapping, source, known_keys=known_keys,
                                        max_issues=max_issues,
                                        ignore_unknown=ignore_unknown)
        as_json = output_format is OutputFormat.JSON
        if not batch.report.valid:
            if as_json:
                print_json({"valid": False, "report": batch.report.to_json(), "import": None})
            else:
                render_report(batch.report)
                console_err.print("Nothing was imported.", markup=False)
            raise typer.Exit(1)
        if not as_json:
            _print_warnings(batch.report)
        store = InventoryStore(db_url)
        with store:
            result = _store(store, batch, prune=prune, dry_run=dry_run, as_json=as_json)
        if store.last_run_id is not None:  # a Ctrl-C after this command's end says so too
            interruption.note(_stored(store.last_run_id))
        fault_point("printing")
        if as_json:
            print_json({"valid": True, "report": batch.report.to_json(),
                        "import": result.to_json()})
        else:
            render_import_result(result)
    except KeyboardInterrupt:
        # The store notes a committed run the moment it commits: the message says the truth.
        run_id = store.last_run_id if store is not None else None
        raise Interrupted(NOTHING_WRITTEN if run_id is None else _stored(run_id)) from None
    fault_point("printed")


def _stored(run_id: int) -> str:
    return f"Interrupted after the import was stored (run {run_id})."


def _print_warnings(report: IssueReport) -> None:
    warnings = IssueReport(cap=report.cap)
    warnings.extend(i for i in report.all_issues() if i.severity is Severity.WARNING)
    warnings.stats = report.stats
    if warnings.issues:
        render_report(warnings)


def _store(store: InventoryStore, batch: ImportBatch, *, prune: bool, dry_run: bool,
           as_json: bool) -> ImportResult:
    rows = sum(len(t.frame) for m in batch.municipalities for t in m.tables.values())
    on_prune = None if as_json else render_prune_plan
    if not show_progress() or rows < PROGRESS_MIN_ROWS:
        return store.import_batch(batch, prune=prune, dry_run=dry_run, on_prune=on_prune)
    with Progress("Storing", BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
                  console=console_err, transient=True) as bar:
        task = bar.add_task("store", total=rows)

        def advance(done: int, total: int) -> None:
            bar.update(task, completed=done, total=total)

        return store.import_batch(batch, prune=prune, dry_run=dry_run, progress=advance,
                                  on_prune=on_prune)


def register(app: typer.Typer) -> None:
    app.command("import")(import_)
