"""The main job on the bundled samples: import, analyse, write every report and diagram.

``run_demo(out_dir)`` validates the five sample municipalities, imports them into a fresh
SQLite file in ``out_dir``, reads them back from the store, runs overlap and the gap
against ``samples/target.yaml`` (with the study's decision support from
``samples/study``, its alternatives costed with their targets in ``samples/alternatives``),
and writes ``report.html``, ``report.xlsx``, ``report.md``,
``report.json`` and ``diagrams/`` there. ``inventory demo`` prints the result.

The samples are validated and imported into the demo's database by a process forked
beside this one (``_store_samples``: validation, the store and its SQLAlchemy) while this
one loads the libraries of the analysis and the report and reads the packaged product
catalogue (on one core, about a second); this one then reads the stored inventory back.
The module imports only what validation needs, the rest when ``run_demo`` runs. Without
``fork``, or when the worker fails or dies, the same steps run here, in the same order, so
every error is the one they raise here. While the analysis runs, another worker draws the
inventory's diagrams (``InventoryViewsAhead``), which the report takes when it is written.

Python's cyclic garbage collector leaves the libraries and the stored inventory alone
while the demo runs (``inventory.heap.old_objects_frozen``): they live until the end,
and every full collection of the analysis would otherwise walk them again.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import gc
import sqlite3
import time
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import inventory
from inventory.errors import InventoryError, OutputError, TargetError
from inventory.forked import InBackground
from inventory.heap import old_objects_frozen
from inventory.issues import IssueCode, IssueReport, Severity, issue_line
from inventory.language.i18n import Lang
from inventory.messages import Message
from inventory.validate import validate_paths

if TYPE_CHECKING:
    from inventory.report import ReportFiles
    from inventory.target.model import TargetArchitecture

DEFAULT_OUT_DIR = Path("out/demo")
#: The demo's own database file: never ``inventory.db``, the default store of the folder a
#: user runs the tool in (``inventory demo --out .`` must not replace it).
DATABASE_FILE = "demo.db"


class SamplesNotFoundError(InventoryError):
    """The bundled ``samples/`` folder cannot be found."""


class DemoInputError(InventoryError):
    """The bundled samples or target do not validate (a bug in the samples)."""


@dataclass
class DemoResult:
    """Where the demo wrote its files and the headline figures it found."""

    out_dir: Path
    database_url: str
    samples: Path
    files: ReportFiles
    figures: dict[str, float | int | None]
    stored_records: int
    seconds: float
    #: ISO 4217 code of the money figures: the target's currency
    currency: str = "SEK"

    def to_json(self) -> dict[str, Any]:
        """The result as JSON-ready data (paths as text)."""
        return {
            "out_dir": str(self.out_dir),
            "database_url": self.database_url,
            "samples": str(self.samples),
            "reports": {fmt: str(path) for fmt, path in self.files.reports.items()},
            "diagrams": len(self.files.diagrams),
            "diagram_folder": str(self.out_dir / "diagrams"),
            "figures": self.figures,
            "currency": self.currency,
            "stored_records": self.stored_records,
            "seconds": round(self.seconds, 1),
        }


def find_samples() -> Path:
    """The ``samples/`` folder: the checkout's (beside the package), else the working dir's."""
    candidates = [
        Path(inventory.__file__).resolve().parent.parent / "samples",
        Path.cwd() / "samples",
    ]
    for candidate in candidates:
        if (candidate / "target.yaml").is_file():
            return candidate
    raise SamplesNotFoundError(
        Message("error.demo.samples_missing"), hint=Message("error.demo.samples_missing_hint")
    )


def _municipality_folders(samples: Path) -> list[Path]:
    """The municipality folders of ``samples`` (the study folder and the alternatives'
    target files are not inventories)."""
    return sorted(
        folder
        for folder in samples.iterdir()
        if folder.is_dir()
        and folder.name not in ("study", "alternatives")
        and not folder.name.startswith(".")
    )


def _refuse_a_database_the_demo_did_not_write(database: Path, samples: set[str]) -> None:
    """Raise unless ``database`` is missing or holds no municipality but the samples'.

    The demo replaces its database on every run; a file of that name holding anything
    else (another inventory, or not a database at all) is somebody's data.
    """
    if not database.exists() and not database.is_symlink():
        return
    stored: set[str] | None = None
    if not database.is_symlink():
        try:
            uri = f"{database.resolve().as_uri()}?mode=ro"
            with contextlib.closing(sqlite3.connect(uri, uri=True)) as connection:
                stored = {row[0] for row in connection.execute("SELECT code FROM municipality")}
        except sqlite3.Error:
            stored = None
    if stored is None or not stored <= samples:
        raise OutputError(
            Message("error.demo.database_exists", {"database": str(database)}),
            hint=Message("error.demo.database_exists_hint"),
        )


def _store_samples(
    folders: list[Path], out_dir: Path, target_file: Path, lang: Lang = "en"
) -> None:
    """Validate ``folders`` and import them into a fresh demo database in ``out_dir``
    (after the checks that come first: a database the demo did not write, invalid
    samples, an invalid target). Runs in the worker forked by ``run_demo``."""
    batch = validate_paths(folders)
    out_dir.mkdir(parents=True, exist_ok=True)
    database = out_dir / DATABASE_FILE
    _refuse_a_database_the_demo_did_not_write(
        database, {folder.code for folder in batch.municipalities}
    )
    for stale in (
        database,
        database.with_name(DATABASE_FILE + "-wal"),
        database.with_name(DATABASE_FILE + "-shm"),
    ):
        stale.unlink(missing_ok=True)  # a fresh database every run
    if not batch.report.valid:
        raise DemoInputError(
            Message("error.demo.samples_invalid", {"report": _errors_text(batch.report, lang)}),
            hint=Message("error.demo.samples_invalid_hint"),
        )
    _checked_target(target_file)
    from inventory.store import InventoryStore

    with InventoryStore(_database_url(database)) as store:
        store.import_batch(batch)


def _errors_text(report: IssueReport, lang: Lang) -> str:
    """The errors of ``report``, one line each with its place (``issue_line``), as
    ``inventory validate`` prints them, plus the notice when some were not kept."""
    return "\n".join(
        issue_line(issue, lang)
        for issue in report.all_issues()
        if issue.severity is Severity.ERROR or issue.code is IssueCode.TOO_MANY_ISSUES
    )


def _database_url(database: Path) -> str:
    return f"sqlite:///{database.resolve()}"


def _checked_target(target_file: Path) -> TargetArchitecture:
    """The target of ``target_file``; ``TargetError`` with its problems if it is invalid."""
    from inventory.target.model import load_target

    target, issues = load_target(target_file)
    if target is None:
        raise TargetError(
            Message(
                "error.demo.target_invalid",
                {"problems": "; ".join(issue.message for issue in issues)},
            )
        )
    return target


#: Objects allocated (less freed) between two collections of the youngest generation
#: while the demo runs (Python's default is 700): the libraries, the catalogue and the
#: stored inventory live as long as the demo, and walking them on every full collection
#: cost about a tenth of its CPU time.
_YOUNG_OBJECTS = 100_000


def run_demo(
    out_dir: Path = DEFAULT_OUT_DIR,
    *,
    samples: Path | None = None,
    lang: Lang = "en",
    as_of: dt.date | None = None,
) -> DemoResult:
    """Import the samples into a fresh database in ``out_dir`` and write every report.

    >>> result = run_demo(Path("out/demo"))  # doctest: +SKIP
    >>> result.files.reports["html"]  # doctest: +SKIP
    PosixPath('out/demo/report.html')
    """
    started = time.perf_counter()
    samples = samples or find_samples()
    as_of = as_of or dt.date.today()
    with old_objects_frozen(young_objects=_YOUNG_OBJECTS):
        stored: InBackground[None] = InBackground(
            _store_samples,
            _municipality_folders(samples),
            out_dir,
            samples / "target.yaml",
            lang,
        )
        try:
            # loaded while the samples are validated and stored beside (module's text)
            from inventory.analyse.normalise import Normaliser
            from inventory.report import (
                InventoryViewsAhead,
                analyse_inventory,
                headline_figures,
                write_full_report,
            )
            from inventory.store import InventoryStore
            from inventory.target.model import load_target

            normaliser = Normaliser.default()  # the packaged catalogue, read once per process
            target, _ = load_target(samples / "target.yaml")
            stored.result()  # (made here if the worker could not: its errors raised here)
        finally:
            stored.close()  # an error (or Ctrl-C) while loading: the worker stops too
        if target is None:  # (the file changed since the worker checked it)
            target = _checked_target(samples / "target.yaml")
        database_url = _database_url(out_dir / DATABASE_FILE)
        with InventoryStore(database_url) as store:
            snapshot = store.snapshot()
        gc.freeze()  # the snapshot lives until the end too
        # the inventory's diagrams drawn in a worker while the analysis runs here
        ahead = InventoryViewsAhead(snapshot, target, lang)
        try:
            inputs = analyse_inventory(
                snapshot,
                target,
                as_of=as_of,
                study_folder=samples / "study",
                normaliser=normaliser,
            )
            files = write_full_report(inputs, out_dir, lang=lang, ahead=ahead)
        finally:
            ahead.close()  # (when the analysis failed: the worker stops too)
    stored_records = sum(
        len(frame) for kind, frame in snapshot.tables.items() if kind != "municipality"
    )
    return DemoResult(
        out_dir=out_dir,
        database_url=database_url,
        samples=samples,
        files=files,
        figures=headline_figures(inputs),
        stored_records=stored_records,
        seconds=time.perf_counter() - started,
        currency=target.currency,
    )
