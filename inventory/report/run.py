"""``inventory report`` as one call: the study folder chosen, everything analysed, the
report written."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from inventory.language.i18n import Lang
    from inventory.render.output import ReportFormat
    from inventory.report.writer import ReportFiles
    from inventory.snapshot import InventorySnapshot
    from inventory.target.model import TargetArchitecture


def study_folder(
    given: Path | None,
    target_file: Path,
    on_no_study_files: Callable[[Path], None] | None = None,
) -> Path | None:
    """The study folder given (its files are checked), else the ``study`` folder beside the
    target file when it holds study files; a default folder without any is handed to
    ``on_no_study_files`` (to be named), not read."""
    from inventory.study.loading import has_study_files

    if given is not None:
        return given
    default = target_file.parent / "study"
    if has_study_files(default):
        return default
    if default.is_dir() and on_no_study_files is not None:
        on_no_study_files(default)
    return None


def write_report_folder(
    snapshot: InventorySnapshot,
    target: TargetArchitecture,
    target_file: Path,
    out: Path,
    *,
    study: Path | None = None,
    as_of: dt.date | None = None,
    lang: Lang = "en",
    formats: Iterable[ReportFormat] | None = None,
    overrides: Path | None = None,
    on_no_study_files: Callable[[Path], None] | None = None,
) -> ReportFiles:
    """The whole report of ``snapshot`` against ``target`` (read from ``target_file``) in
    ``out``: the overlap, the gap as of ``as_of`` (default today), the decision support of
    the study folder (``study``, else :func:`study_folder` beside the target file), with
    the lifecycle ``overrides`` file, written in ``lang`` in ``formats`` (default all) and
    the diagrams. ``InvalidStudyInput`` for an invalid study folder (nothing written),
    ``OutputError`` when a file cannot be written (all or none)."""
    from inventory.analyse.lifecycle import lifecycle_normaliser
    from inventory.render.output import REPORT_FORMATS
    from inventory.report.builder import analyse_inventory
    from inventory.report.writer import write_full_report

    inputs = analyse_inventory(
        snapshot,
        target,
        as_of=as_of or dt.date.today(),
        study_folder=study_folder(study, target_file, on_no_study_files),
        normaliser=lifecycle_normaliser(None, overrides),
    )
    return write_full_report(
        inputs, out, lang=lang, formats=REPORT_FORMATS if formats is None else formats
    )
