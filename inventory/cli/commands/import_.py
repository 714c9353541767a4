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
    from rich.progress import Progress, TaskID

    from inventory.issues import IssueReport
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
    as_json = output_format is OutputFormat.JSON
    try:
        interruption.note(_nothing_written())
        # the libraries load here: a Ctrl-C meanwhile says that nothing was written
        from inventory.api import import_folders
        from inventory.cli.views import render_import_result, render_prune_plan
        from inventory.issues import InvalidInputError
        from inventory.store.faults import fault_point

        with _ProgressBar() as bar:
            try:
                done = import_folders(
                    paths,
                    state(ctx).resolved_db_url,
                    mapping=mapping or (),
                    source=source,
                    ignore_unknown=ignore_unknown,
                    prune=prune,
                    dry_run=dry_run,
                    reread=reread,
                    max_issues=max_issues,
                    on_validated=lambda batch: _validated(batch, bar, as_json=as_json),
                    progress=bar.advance,
                    on_prune=None if as_json else render_prune_plan,
                    on_committed=lambda run_id: interruption.note(_stored(run_id)),
                )
            except InvalidInputError as error:
                if as_json:
                    print_json({"valid": False, "report": error.report.to_json(), "import": None})
                else:
                    render_report(error.report)
                    console_err.print(say("cli.import.nothing_imported"), markup=False)
                raise typer.Exit(1) from None
        fault_point("printing")
        if as_json:
            print_json(
                {
                    "valid": True,
                    "report": done.batch.report.to_json(),
                    "import": done.result.to_json(),
                }
            )
        else:
            render_import_result(done.result)
    except KeyboardInterrupt:
        # import_folders notes a committed run the moment it commits: the message says the truth
        raise Interrupted(interruption.message()) from None
    fault_point("printed")


def _nothing_written() -> str:
    return say("cli.import.interrupted")


def _stored(run_id: int) -> str:
    return say("cli.import.interrupted_stored", run=str(run_id))


def _validated(batch: ImportBatch, bar: _ProgressBar, *, as_json: bool) -> None:
    """The files are valid: their warnings and the folders left unread, then the progress
    bar of a large import."""
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
        # rows recognised unchanged since their import: not checked again, said
        unchanged_rows = int(batch.report.stats.get("rows_unchanged", 0))
        if unchanged_rows:
            console_err.print(say("cli.import.unchanged_rows", count=unchanged_rows), markup=False)
    rows = sum(len(t.frame) for m in batch.municipalities for t in m.tables.values())
    if show_progress() and rows >= PROGRESS_MIN_ROWS:
        bar.start(rows)


def _print_warnings(report: IssueReport) -> None:
    from inventory.issues import IssueReport, Severity

    warnings = IssueReport(cap=report.cap)
    warnings.extend(i for i in report.all_issues() if i.severity is Severity.WARNING)
    warnings.stats = report.stats
    if warnings.issues:
        render_report(warnings)


class _ProgressBar:
    """The bar of storing a large import on standard error (started by ``start``; a
    small import or a pipe has none)."""

    def __init__(self) -> None:
        self._bar: Progress | None = None
        self._task: TaskID | None = None

    def __enter__(self) -> _ProgressBar:
        return self

    def __exit__(self, *_: object) -> None:
        if self._bar is not None:
            self._bar.stop()

    def start(self, rows: int) -> None:
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeRemainingColumn

        self._bar = Progress(
            say("cli.import.storing"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeRemainingColumn(),
            console=console_err,
            transient=True,
        )
        self._bar.start()
        self._task = self._bar.add_task("store", total=rows)

    def advance(self, done: int, total: int) -> None:
        if self._bar is not None and self._task is not None:
            self._bar.update(self._task, completed=done, total=total)


def register(app: typer.Typer) -> None:
    app.command("import")(import_)
