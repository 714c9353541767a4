"""The library API: what the ``inventory`` commands run, as functions a script can call.

A municipality's monthly import, scripted (see the README, "Use it from Python")::

    import datetime as dt
    import inventory

    batch = inventory.validate_inventory(["exports/2026-11"], source="intune")
    with inventory.open_store("sqlite:///inventory.db") as store:
        result = inventory.import_inventory(["exports/2026-11"], store, prune=True)
        snapshot = inventory.load_snapshot(store)
    target = inventory.read_target("target.yaml")
    gap = inventory.compute_gap(snapshot, target, as_of=dt.date.today())
    inventory.write_report(inventory.analyse_inventory(snapshot, target), "out/2026-11")

Invalid input, one way everywhere: a function given input it cannot use raises
:class:`~inventory.issues.InvalidInputError`, whose ``report`` (an ``IssueReport``)
and ``issues`` list every problem with its file, line, column and code; nothing was
stored or computed. That holds for inventory folders and mapping profiles
(:func:`validate_inventory`, :func:`import_inventory`), target files (:func:`read_target`) and
study folders (:func:`analyse_inventory`, :func:`study_results`: ``InvalidStudyInput`` is an
``InvalidInputError``). A valid input's warnings and notes stay in the result
(``batch.report``). Everything else the tool cannot do (a database that cannot be
opened, a municipality named that is not stored, a file in the way of a report) is
another :class:`~inventory.errors.InventoryError`, with a ``hint``.

The stages below are the lower-level modules (``inventory.validate``, ``inventory.store``,
``inventory.gap`` ...): a function here only adapts them to that rule and to plain
arguments (paths as ``str`` or ``Path``, a database as a URL or a file path).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from inventory.errors import NothingStoredError, StoreError, UnknownMunicipalityError
from inventory.issues import InvalidInputError

if TYPE_CHECKING:
    from decimal import Decimal

    from inventory.analyse.normalise import Normaliser
    from inventory.analyse.overlap import OverlapResult
    from inventory.gap.alternatives import Alternatives
    from inventory.language.i18n import Lang
    from inventory.render.output import ReportFormat
    from inventory.report import ReportFiles, ReportInputs
    from inventory.snapshot import InventorySnapshot
    from inventory.store import ImportResult, InventoryStore
    from inventory.store.importer import Progress, PrunePlan
    from inventory.study.alternatives import AlternativesResult
    from inventory.target.model import TargetArchitecture
    from inventory.validate.batch import ImportBatch

__all__ = [
    "FolderImport",
    "StudyAlternatives",
    "analyse_inventory",
    "compute_overlap",
    "import_folders",
    "import_inventory",
    "load_snapshot",
    "open_store",
    "read_target",
    "study_alternatives",
    "validate_folders",
    "validate_inventory",
    "write_report",
]

#: The store ``open_store`` opens when given no URL: ``inventory.db`` in the current folder
#: (as the command line's default).
DEFAULT_DATABASE = "inventory.db"

PathLike = str | Path


def validate_inventory(
    paths: Iterable[PathLike],
    *,
    mapping: Sequence[PathLike] = (),
    source: str | None = None,
    ignore_unknown: bool = False,
    store: InventoryStore | None = None,
    max_issues: int = 1000,
) -> ImportBatch:
    """Read and check inventory folders (``inventory validate``): what an import would
    store. ``InvalidInputError`` (every issue) when any file is invalid.

    ``paths``: municipality folders, or folders holding one folder per municipality.
    ``mapping``: mapping profiles (YAML) for exports of other tools (``--mapping``);
    ``source``: read files not understood by their name with this adapter or profile
    only (``--from``: ``intune``, ``configmgr``, ``lansweeper``, ... or a profile's name).
    ``ignore_unknown``: a file or sheet not understood is a warning, not an error.
    ``store``: ``code:id`` references may name the records already stored there.

    >>> batch = validate_inventory([samples / "varnamo"])
    >>> batch.report.valid, batch.report.stats["rows"]["server"]
    (True, 150)
    >>> validate_inventory([samples / "gislaved"])  # a link to varnamo:DC1, not stored
    Traceback (most recent call last):
    inventory.issues.InvalidInputError: The inventory is invalid (1 error).
    """
    from inventory.read.profiles import chosen_recognisers
    from inventory.validate import validate_paths

    known_keys = store.known_keys() if store is not None else None
    with chosen_recognisers([Path(file) for file in mapping], source) as profile_issues:
        batch = validate_paths(
            [Path(path) for path in paths],
            known_keys=known_keys,
            max_issues=max_issues,
            ignore_unknown=ignore_unknown,
        )
    batch.report.issues[:0] = profile_issues
    if not batch.report.valid:
        raise InvalidInputError(batch.report, "The inventory")
    return batch


def open_store(url: PathLike = DEFAULT_DATABASE) -> InventoryStore:
    """The inventory database at ``url`` (created and migrated when needed); use it in a
    ``with`` block so that it is closed.

    ``url``: a database URL (``sqlite:///inventory.db``,
    ``postgresql+psycopg://user@host/inventory``) or the path of an SQLite file.
    ``StoreError`` (with a hint) when it cannot be opened.
    """
    from inventory.store import InventoryStore

    text = str(url)
    if "://" not in text:  # a file path: the SQLite file there
        text = f"sqlite:///{Path(text).resolve()}"
    return InventoryStore(text)


def import_inventory(
    paths: Iterable[PathLike],
    store: InventoryStore,
    *,
    mapping: Sequence[PathLike] = (),
    source: str | None = None,
    ignore_unknown: bool = False,
    prune: bool = False,
    dry_run: bool = False,
    max_issues: int = 1000,
) -> ImportResult:
    """Validate inventory folders and store them in one transaction (``inventory
    import``): created / updated / unchanged / deleted per municipality and kind.

    Invalid input raises ``InvalidInputError`` and nothing is written. ``prune`` deletes
    stored records of the imported municipalities and kinds that the files no longer
    hold; ``dry_run`` computes everything and writes nothing. The other options are
    :func:`validate_inventory`'s.
    """
    batch = validate_inventory(
        paths,
        mapping=mapping,
        source=source,
        ignore_unknown=ignore_unknown,
        store=store,
        max_issues=max_issues,
    )
    return store.import_batch(batch, prune=prune, dry_run=dry_run)


def validate_folders(
    paths: Iterable[PathLike],
    database_url: str,
    *,
    mapping: Sequence[PathLike] = (),
    source: str | None = None,
    ignore_unknown: bool = False,
    max_issues: int = 1000,
    on_unreadable_database: Callable[[StoreError], None] | None = None,
) -> ImportBatch:
    """Check inventory folders against what the database at ``database_url`` holds
    (``inventory validate``): ``code:id`` references may name stored records. The database
    is only read, never created; one that cannot be read is handed to
    ``on_unreadable_database`` (when given; raised otherwise) and the folders are checked
    without it. ``InvalidInputError`` (its ``report`` lists every issue) when any file is
    invalid. The other options are :func:`validate_inventory`'s.

    >>> batch = validate_folders([samples / "varnamo"], f"sqlite:///{tmp / 'none.db'}")
    >>> batch.report.valid, (tmp / "none.db").exists()
    (True, False)
    """
    from inventory.store.database_file import sqlite_file_not_created

    try:
        if sqlite_file_not_created(database_url):  # nothing stored: no SQLAlchemy to load
            known_keys = None
        else:
            from inventory.store import stored_known_keys

            known_keys = stored_known_keys(database_url)
    except StoreError as error:
        if on_unreadable_database is None:
            raise
        on_unreadable_database(error)
        known_keys = None
    return _valid_batch(paths, mapping, source, known_keys, max_issues, ignore_unknown)


def _valid_batch(
    paths: Iterable[PathLike],
    mapping: Sequence[PathLike],
    source: str | None,
    known_keys: Any,
    max_issues: int,
    ignore_unknown: bool,
    unchanged: Any = None,
) -> ImportBatch:
    """The folders validated with their mapping profiles; ``InvalidInputError`` when any
    file is invalid (what ``validate_folders`` and ``import_folders`` both do)."""
    from inventory.validate.profiled import validate_with_profiles

    batch = validate_with_profiles(
        [Path(path) for path in paths],
        [Path(file) for file in mapping] or None,
        source,
        known_keys=known_keys,
        max_issues=max_issues,
        ignore_unknown=ignore_unknown,
        unchanged=unchanged,
    )
    if not batch.report.valid:
        raise InvalidInputError(batch.report, "The inventory")
    return batch


@dataclass(frozen=True)
class FolderImport:
    """What :func:`import_folders` did: the validated ``batch`` (its report's warnings,
    the folders left unread as ``unchanged``) and what the store did with it."""

    batch: ImportBatch
    result: ImportResult


def import_folders(
    paths: Iterable[PathLike],
    database_url: str,
    *,
    mapping: Sequence[PathLike] = (),
    source: str | None = None,
    ignore_unknown: bool = False,
    prune: bool = False,
    dry_run: bool = False,
    reread: bool = False,
    max_issues: int = 1000,
    on_validated: Callable[[ImportBatch], None] | None = None,
    progress: Progress | None = None,
    on_prune: PrunePlan | None = None,
    on_committed: Callable[[int], None] | None = None,
) -> FolderImport:
    """Validate inventory folders and store them in the database at ``database_url`` in
    one transaction (``inventory import``).

    The database is read first (``StoreError`` before any file is read when it cannot be
    used) and opened for writing only once every file is valid: invalid input raises
    ``InvalidInputError`` and nothing is written, no database created. A folder whose
    files are byte for byte those of its last import is left unread (its records
    unchanged) unless ``reread``, ``mapping`` or ``source`` is given (a profile or adapter
    may read the files otherwise than their last import did).

    ``on_validated(batch)`` is called once the files are valid, before anything is
    written; ``progress(done, total)`` and ``on_prune(keys)`` as
    ``InventoryStore.import_batch``; ``on_committed(run_id)`` as soon as the import is
    stored, also when a Ctrl-C stops the function after the commit.
    """
    from inventory.store import InventoryStore, stored_known_keys
    from inventory.store.engine import database_exists
    from inventory.store.faults import fault_point
    from inventory.store.unchanged import unchanged_folders

    fault_point("start")
    # read first: a database that cannot be used stops the import before any file is
    # read; one that exists is opened once, for the reads before and the import after
    store = InventoryStore(database_url) if database_exists(database_url) else None
    try:
        known_keys = stored_known_keys(database_url, store)
        unchanged: Any = None
        if not mapping and source is None:  # (a profile may read files otherwise: no check)
            unchanged = unchanged_folders(database_url, store)
            if reread:  # every file and row read, their raw hashes still recorded
                unchanged = unchanged.every_row()
        batch = _valid_batch(
            paths, mapping, source, known_keys, max_issues, ignore_unknown, unchanged
        )
        if on_validated is not None:
            on_validated(batch)
        if store is None:
            store = InventoryStore(database_url)
        with store:
            result = store.import_batch(
                batch, prune=prune, dry_run=dry_run, progress=progress, on_prune=on_prune
            )
    finally:
        if store is not None:
            try:
                store.close()
            finally:
                # the store notes a committed run the moment it commits: said even on a
                # Ctrl-C
                if store.last_run_id is not None and on_committed is not None:
                    on_committed(store.last_run_id)
    return FolderImport(batch, result)


def load_snapshot(
    store: InventoryStore,
    municipalities: Sequence[str] | None = None,
    *,
    target: TargetArchitecture | None = None,
) -> InventorySnapshot:
    """The stored inventory as the analyses read it: of ``municipalities``, else of those
    ``target`` names, else of all.

    ``UnknownMunicipalityError`` for a code in ``municipalities`` that is not stored,
    ``TargetError`` for one the target names, ``NothingStoredError`` when nothing is.
    """
    stored = store.municipality_codes()
    UnknownMunicipalityError.check(municipalities or (), stored)
    if not stored:
        raise NothingStoredError()
    if target is not None:
        target.check_stored(stored)
    scope = municipalities or (target.municipalities if target is not None else None)
    return store.snapshot(list(scope) if scope else None)


def read_target(path: PathLike) -> TargetArchitecture:
    """The target architecture in ``path`` (YAML; ``extends`` followed).

    ``InvalidInputError`` with every problem and its line when the file is invalid.

    >>> read_target(samples / "target.yaml").currency
    'SEK'
    """
    from inventory.target.model import load_target

    target, issues = load_target(Path(path))
    if target is None:
        raise InvalidInputError(issues, str(path))
    return target


def compute_overlap(
    snapshot: InventorySnapshot, normaliser: Normaliser | None = None
) -> OverlapResult:
    """Products per capability and municipality, similarity and shared applications
    (``inventory overlap``); ``normaliser``: the packaged catalogue unless given."""
    from inventory.analyse.normalise import Normaliser
    from inventory.analyse.overlap import compute_overlap as overlap_of

    return overlap_of(snapshot, normaliser or Normaliser.default())


def analyse_inventory(
    snapshot: InventorySnapshot,
    target: TargetArchitecture | None = None,
    *,
    as_of: dt.date | None = None,
    study: PathLike | None = None,
    normaliser: Normaliser | None = None,
) -> ReportInputs:
    """Everything the report shows: overlap, the gap against ``target`` (when given) as of
    ``as_of`` (default today) and the study's decision support (``study``: a study
    folder). ``InvalidInputError`` (``InvalidStudyInput``) for an invalid study folder."""
    from inventory.report import analyse_inventory as analyses_of

    return analyses_of(
        snapshot,
        target,
        as_of=as_of or dt.date.today(),
        study_folder=Path(study) if study is not None else None,
        normaliser=normaliser,
    )


def write_report(
    inputs: ReportInputs,
    folder: PathLike,
    *,
    lang: Lang = "en",
    formats: Iterable[ReportFormat] | None = None,
) -> ReportFiles:
    """Write ``report.html``, ``report.xlsx``, ``report.md`` and ``report.json`` (or the
    ``formats`` given) and the diagrams (``diagrams/``) into ``folder``, in ``lang``
    (``en``, ``sv`` or ``no``): all files or none (``OutputError``)."""
    from inventory.render.output import REPORT_FORMATS
    from inventory.report import write_full_report

    return write_full_report(
        inputs, Path(folder), lang=lang, formats=REPORT_FORMATS if formats is None else formats
    )


@dataclass(frozen=True)
class StudyAlternatives:
    """The study's alternatives ranked by weighted score (one result per alternatives
    file) and, when asked for, each alternative that names a target file costed: the gap
    of that target over the stored inventory (``None`` when none names one)."""

    ranking: list[AlternativesResult]
    costed: Alternatives | None = None

    def to_json(self) -> dict[str, Any]:
        """``ranking`` (each result as data) and ``costed`` (``None`` when not costed)."""
        return {
            "ranking": [result.model_dump(mode="json") for result in self.ranking],
            "costed": self.costed.to_json() if self.costed is not None else None,
        }


def study_alternatives(
    folder: PathLike,
    *,
    weights: dict[str, Decimal] | None = None,
    snapshot: Callable[[], InventorySnapshot] | None = None,
    as_of: dt.date | None = None,
) -> StudyAlternatives:
    """The alternatives of the study ``folder`` ranked by weighted score (``inventory study
    alternatives``), with ``weights`` (criterion -> weight) as what-if weights.

    With ``snapshot`` (called once the study folder is valid: the stored inventory), every
    alternative that names a target file is costed too: its gap over that inventory as of
    ``as_of`` (default today), with the study's comparable IT costs (it-costs.yaml) when
    the folder has them (``--costed``). ``InvalidInputError`` (``InvalidStudyInput``) for
    an invalid study folder; ``TargetError`` naming a target file that is missing or
    invalid.
    """
    from inventory.report.decision import cost_study_alternatives
    from inventory.study.inputs import IT_COSTS_FILE
    from inventory.study.loading import Section, load_study_inputs
    from inventory.study.results import study_results

    study = Path(folder)
    results = study_results(study, {Section.ALTERNATIVES}, weight_overrides=weights or {})
    if snapshot is None:
        return StudyAlternatives(list(results.alternatives))
    it_costs = (
        load_study_inputs(study, [Section.COMPARISON]).it_costs
        if (study / IT_COSTS_FILE).is_file()
        else None
    )
    costed = cost_study_alternatives(
        snapshot(), results, None, None, as_of=as_of or dt.date.today(), it_costs=it_costs
    )
    return StudyAlternatives(list(results.alternatives), costed)
