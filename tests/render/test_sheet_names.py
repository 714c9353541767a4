"""The sheets of the samples' report.xlsx: named in the report's language, at most 31
characters (Excel's limit), unique, and never cut inside a word."""

from __future__ import annotations

import datetime as dt
import io
import re
from pathlib import Path

import openpyxl
import pytest

from inventory.language.i18n import Lang
from inventory.render.xlsx import MAX_SHEET_NAME, sheet_names, xlsx_bytes
from inventory.report import ReportInputs, analyse_inventory
from inventory.report.builder import build_report
from inventory.snapshot import InventorySnapshot
from inventory.target.model import TargetArchitecture

STUDY = Path(__file__).resolve().parents[2] / "samples" / "study"
#: Sheet names spelt the same in English and the other language (loanwords, "Gap <domain>").
SAME_IN_BOTH = re.compile(r"^(Gap( .*)?|Organisation|Potential( .*)?)$")


@pytest.fixture(scope="module")
def inputs(sample_snapshot: InventorySnapshot, sample_target: TargetArchitecture) -> ReportInputs:
    return analyse_inventory(
        sample_snapshot, sample_target, as_of=dt.date(2026, 12, 1), study_folder=STUDY
    )


def _sheets(inputs: ReportInputs, lang: Lang) -> tuple[list[str], list[str]]:
    """The sheet names report.xlsx has, and the names its tables asked for."""
    document = build_report(inputs, lang=lang)
    workbook = openpyxl.load_workbook(io.BytesIO(xlsx_bytes(document)), read_only=True)
    return workbook.sheetnames[1:], [table.name or table.title for table in document.tables()]


def test_sheet_names_are_translated_short_unique_and_whole_words(inputs: ReportInputs) -> None:
    english, _ = _sheets(inputs, "en")
    for lang in ("sv", "no"):
        sheets, asked = _sheets(inputs, lang)
        assert len(sheets) == len(english) == len(asked)
        assert all(len(name) <= MAX_SHEET_NAME for name in sheets)
        assert len({name.casefold() for name in sheets}) == len(sheets)
        # the same table's sheet in English and here: different words, but for loanwords
        same = [
            name
            for name, other in zip(sheets, english, strict=True)
            if name == other and not SAME_IN_BOTH.match(name)
        ]
        assert same == [], lang
        for name, wanted in zip(sheets, asked, strict=True):
            stem = re.sub(r" \(\d+\)$", "", name)  # a second table of the same name
            wanted = re.sub(r"[\[\]:*?/\\]", " ", re.sub(r"\s+", " ", wanted)).strip()
            assert wanted.startswith(stem), (name, wanted)
            rest = wanted[len(stem) :]
            assert rest == "" or not rest[0].isalnum(), f"{name!r} cuts a word of {wanted!r}"


def test_a_long_title_is_cut_where_a_reader_would() -> None:
    # before the colon, before the comma, after the last whole word within 31 characters
    assert sheet_names(["Who pays: the cost key and where the work lands"]) == ["Who pays"]
    assert sheet_names(["Yearly IT cost today, per municipality"]) == ["Yearly IT cost today"]
    # 33 characters, no colon or comma: "Årlig IT-kostnad i dag per" (26) + " kommun"
    assert sheet_names(["Årlig IT-kostnad i dag per kommun"]) == ["Årlig IT-kostnad i dag per"]
    assert sheet_names(["y" * 40]) == ["y" * 31]  # one word: cut at Excel's limit
