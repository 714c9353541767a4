"""The main job on the bundled samples: import, analyse, write every report and diagram.

``run_demo(out_dir)`` validates the five sample municipalities, imports them into a fresh
SQLite file in ``out_dir``, reads them back from the store, runs overlap and the gap
against ``samples/target.yaml`` (with the study's decision support from
``samples/study``, its alternatives costed with their targets in ``samples/alternatives``),
and writes ``report.html``, ``report.xlsx``, ``report.md``,
``report.json`` and ``diagrams/`` there. ``inventory demo`` prints the result.

The samples are validated in a process forked beside this one while this one loads the
libraries of the store, the analysis and the report (on one core, over a second): the
module imports only what validation needs, the rest when ``run_demo`` runs.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import sqlite3
import time
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import inventory
from inventory.errors import InventoryError, OutputError, TargetError
from inventory.forked import InBackground
from inventory.language.i18n import Lang
from inventory.messages import Message
from inventory.validate import ImportBatch, validate_paths

if TYPE_CHECKING:
    from inventory.report import ReportFiles

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
    validation: InBackground[ImportBatch] = InBackground(
        validate_paths, _municipality_folders(samples)
    )
    try:
        # loaded while the samples are validated beside (see the module's text)
        from inventory.report import analyse_inventory, headline_figures, write_full_report
        from inventory.store import InventoryStore
        from inventory.target.model import load_target

        batch = validation.result()
    finally:
        validation.close()  # an error (or Ctrl-C) while loading: the worker stops too
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
    database_url = f"sqlite:///{database.resolve()}"
    if not batch.report.valid:
        raise DemoInputError(
            Message("error.demo.samples_invalid", {"report": str(batch.report)}),
            hint=Message("error.demo.samples_invalid_hint"),
        )
    target, issues = load_target(samples / "target.yaml")
    if target is None:
        raise TargetError(
            Message(
                "error.demo.target_invalid",
                {"problems": "; ".join(issue.message for issue in issues)},
            )
        )
    with InventoryStore(database_url) as store:
        store.import_batch(batch)
        snapshot = store.snapshot()
    inputs = analyse_inventory(snapshot, target, as_of=as_of, study_folder=samples / "study")
    files = write_full_report(inputs, out_dir, lang=lang)
    stored = sum(len(frame) for kind, frame in snapshot.tables.items() if kind != "municipality")
    return DemoResult(
        out_dir=out_dir,
        database_url=database_url,
        samples=samples,
        files=files,
        figures=headline_figures(inputs),
        stored_records=stored,
        seconds=time.perf_counter() - started,
        currency=target.currency,
    )
