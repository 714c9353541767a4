"""``inventory import``: validate inventory folders and store them in one transaction."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from inventory.cli import interruption
from inventory.cli.commands.mapping import FromOption, MappingOption
from inventory.cli.commands.validate import render_report
from inventory.cli.common import (
    OutputFormat,
    console_err,
    print_json,
    say,
    show_progress,
    state,
)
from inventory.cli.options import FormatOption, MaxIssuesOption
from inventory.errors import Interrupted

if TYPE_CHECKING:
    from inventory.issues import IssueReport
    from inventory.store import ImportResult, InventoryStore
    from inventory.validate.batch import ImportBatch

#: Imports with fewer rows than this finish too quickly for a progress bar to help.
PROGRESS_MIN_ROWS = 20_000


def import_(
    ctx: typer.Context,
    paths: Annotated[
        list[Path],
        typer.Argument(
            help="Municipality folders, or folders holding one folder per municipality."
        ),
    ],
    prune: Annotated[
        bool,
        typer.Option(
            "--prune",
            help="Delete stored records of the imported municipalities and record"
            " kinds that the new files no longer hold (listed before they go).",
        ),
    ] = False,
    dry_run: Annotated[
        bool,
        typer.Option(
            "--dry-run", help="Compute and print everything, then roll back: nothing is written."
        ),
    ] = False,
    output_format: FormatOption = OutputFormat.TEXT,
    max_issues: MaxIssuesOption = 1000,
    ignore_unknown: Annotated[
        bool,
        typer.Option(
            "--ignore-unknown",
            help="A file or sheet in a municipality folder that is not"
            " understood (no kind by its name or header) is a warning, not an error.",
        ),
    ] = False,
    mapping: MappingOption = None,
    source: FromOption = None,
    reread: Annotated[
        bool,
        typer.Option(
            "--reread",
            help="Read and check every folder, also those whose files are byte for"
            " byte those of their last import (by default left unread, their records"
            " unchanged).",
        ),
    ] = False,
) -> None:
    """Validate and store inventories: created / updated / unchanged / deleted per kind.

    Invalid input is reported (every issue, exit 1) and nothing is written. Re-importing
    the same files changes nothing. Records are only deleted with --prune. Ctrl-C (exit
    130) says whether the import was stored: it is stored whole or not at all.

    --format text: tables; json: the validation report and the counts.

    Example: inventory import samples/* --prune --dry-run
    """
    store: InventoryStore | None = None
    try:
        interruption.note(_nothing_written())
        # the libraries load here: a Ctrl-C meanwhile says that nothing was written
        from inventory.cli.views import render_import_result
        from inventory.store import InventoryStore, stored_known_keys
        from inventory.store.faults import fault_point
        from inventory.store.unchanged import unchanged_folders
        from inventory.validate.profiled import validate_with_profiles

        fault_point("start")
        db_url = state(ctx).resolved_db_url
        # read first: a database that cannot be used stops the import before any file is read
        known_keys = stored_known_keys(db_url)
        # A profile or adapter chosen on the command line may read unchanged files
        # otherwise than their last import did: then every folder is read.
        unchanged = (
            unchanged_folders(db_url) if not reread and mapping is None and source is None else None
        )
        batch = validate_with_profiles(
            paths,
            mapping,
            source,
            known_keys=known_keys,
            max_issues=max_issues,
            ignore_unknown=ignore_unknown,
            unchanged=unchanged,
        )
        as_json = output_format is OutputFormat.JSON
        if not batch.report.valid:
            if as_json:
                print_json({"valid": False, "report": batch.report.to_json(), "import": None})
            else:
                render_report(batch.report)
                console_err.print(say("cli.import.nothing_imported"), markup=False)
            raise typer.Exit(1)
        if not as_json:
            _print_warnings(batch.report)
            if batch.unchanged:
                console_err.print(
                    say(
                        "cli.import.unchanged_folders",
                        count=len(batch.unchanged),
                        codes=", ".join(f.code for f in batch.unchanged),
                    ),
                    markup=False,
                )
        store = InventoryStore(db_url)
        with store:
            result = _store(store, batch, prune=prune, dry_run=dry_run, as_json=as_json)
        if store.last_run_id is not None:  # a Ctrl-C after this command's end says so too
            interruption.note(_stored(store.last_run_id))
        fault_point("printing")
        if as_json:
            print_json(
                {"valid": True, "report": batch.report.to_json(), "import": result.to_json()}
            )
        else:
            render_import_result(result)
    except KeyboardInterrupt:
        # The store notes a committed run the moment it commits: the message says the truth.
        run_id = store.last_run_id if store is not None else None
        raise Interrupted(_nothing_written() if run_id is None else _stored(run_id)) from None
    fault_point("printed")


def _nothing_written() -> str:
    return say("cli.import.interrupted")


def _stored(run_id: int) -> str:
    return say("cli.import.interrupted_stored", run=str(run_id))


def _print_warnings(report: IssueReport) -> None:
    from inventory.issues import IssueReport, Severity

    warnings = IssueReport(cap=report.cap)
    warnings.extend(i for i in report.all_issues() if i.severity is Severity.WARNING)
    warnings.stats = report.stats
    if warnings.issues:
        render_report(warnings)


def _store(
    store: InventoryStore, batch: ImportBatch, *, prune: bool, dry_run: bool, as_json: bool
) -> ImportResult:
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeRemainingColumn

    from inventory.cli.views import render_prune_plan

    rows = sum(len(t.frame) for m in batch.municipalities for t in m.tables.values())
    on_prune = None if as_json else render_prune_plan
    if not show_progress() or rows < PROGRESS_MIN_ROWS:
        return store.import_batch(batch, prune=prune, dry_run=dry_run, on_prune=on_prune)
    with Progress(
        say("cli.import.storing"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeRemainingColumn(),
        console=console_err,
        transient=True,
    ) as bar:
        task = bar.add_task("store", total=rows)

        def advance(done: int, total: int) -> None:
            bar.update(task, completed=done, total=total)

        return store.import_batch(
            batch, prune=prune, dry_run=dry_run, progress=advance, on_prune=on_prune
        )


def register(app: typer.Typer) -> None:
    app.command("import")(import_)
