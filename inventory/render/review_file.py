"""The product names to review (``inventory normalise``), and the review file written for
the decisions: a new CSV file with an empty decision column, never over an existing one.

Example::

    run = normalise_review_run(snapshot, Normaliser.default(), review_file=Path("review.csv"))
    [item.reason for item in run.items]   # "review", "no_release_cycle", ...
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path

from inventory.analyse.normalise import Normaliser
from inventory.analyse.normalise_review import ReviewItem, normalisation_review, review_frame
from inventory.echo import visible
from inventory.errors import OutputError
from inventory.language.i18n import Lang, t
from inventory.output_files import created_file, make_folder
from inventory.render.csv_safe import write_frame_csv
from inventory.snapshot import InventorySnapshot


@dataclass(frozen=True)
class NormaliseRun:
    """The names listed and the review file written (``None``: none asked for)."""

    items: list[ReviewItem]
    written: Path | None


def normalise_review_run(
    snapshot: InventorySnapshot,
    normaliser: Normaliser,
    *,
    include_all: bool = False,
    review_file: Path | None = None,
    lang: Lang = "en",
) -> NormaliseRun:
    """The names of ``snapshot`` that did not normalise cleanly (every name with
    ``include_all``), and with ``review_file`` those to review written there as a new CSV
    file in ``lang`` (an existing file may hold decisions: ``OutputError``, nothing
    written)."""
    items = normalisation_review(snapshot, normaliser, include_all=include_all)
    if review_file is not None:
        write_review_file(review_file, items, lang)
    return NormaliseRun(items, review_file)


def write_review_file(path: Path, items: list[ReviewItem], lang: Lang = "en") -> None:
    """The items to review (not those that matched cleanly) as a new CSV file."""
    make_folder(path.parent)
    text = io.StringIO()
    write_frame_csv(review_frame([item for item in items if item.reason != "ok"], lang), text)
    try:
        with created_file(path) as stream:
            stream.write(text.getvalue().encode("utf-8"))
    except FileExistsError as error:
        raise OutputError(
            t("cli.exists.review_file", lang, path=visible(str(path))),
            hint=t("cli.exists.new_name_hint", lang),
        ) from error
