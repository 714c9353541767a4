"""The samples' report in Swedish and Norwegian holds no English code and no English message.

The report is written as ``inventory demo`` writes it (HTML, XLSX, Markdown with every
diagram), in ``sv`` and in ``no``; what a reader sees is read back (the HTML's text
without scripts, styles and the diagrams' DOT source; the SVG labels are kept; every XLSX
sheet name and text cell; the Markdown). The values that come from the users' own data
(municipality names, record ids, product, vendor and site names, the study's own texts)
are taken out first: they may be English and stay as written. Then it fails on

(a) a code value a table asked a text for and found none (``i18n.untranslated_codes``);
(b) a code value of any family of the catalogues (``i18n.code_families``) shown as
    itself (``os_upgrade``, ``included``, ``high``), unless it is also a Swedish or
    Norwegian word;
(c) a phrase of an English catalogue text (longer than 14 characters, between
    placeholders) that its translation does not have;
(d) English function words (``the``, ``of``, ``with``) in running text: a sentence the
    analyses still write in English.

Each offence is printed with its context so that a failure says what to translate.
"""

from __future__ import annotations

import datetime as dt
import re
import string
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from inventory.gap.plan import rule_table
from inventory.language.i18n import (
    Lang,
    code_families,
    t,
    translation_keys,
    translations,
    untranslated_codes,
)
from inventory.models.registry import field_specs
from inventory.report import ReportInputs, analyse_inventory, write_full_report
from inventory.snapshot import InventorySnapshot
from inventory.target.model import TargetArchitecture

REPO = Path(__file__).resolve().parents[2]
AS_OF = dt.date(2026, 12, 1)
LANGS: tuple[Lang, ...] = ("sv", "no")
#: Codes that are also Swedish or Norwegian words (or the same loanword in all three).
NATIVE_WORDS = frozenset(
    {
        "all",
        "it",
        "hr",
        "backup",
        "database",
        "integration",
        "administration",
        "router",
        "server",
        "medium",
        "present",
        "ram",
        "radio",
        "internet",
        "vpn",
        "hypervisor",
        "san",
        "nas",
        "storage",
        "kiosk",
        "print",
        "object",
        "other",
    }
)
#: English words that do not occur in Swedish or Norwegian running text.
ENGLISH_WORDS = frozenset(
    {
        "the",
        "of",
        "with",
        "and",
        "which",
        "from",
        "into",
        "within",
        "without",
        "only",
        "each",
        "every",
        "is",
        "are",
        "has",
        "have",
        "not",
        "alone",
        "past",
        "serves",
        "runs",
        "replaced",
        "its",
        "their",
        "none",
        "where",
        "when",
        "moves",
        "merging",
    }
)
#: How many offences a failure lists (the rest are counted).
SHOWN = 60


class _VisibleText(HTMLParser):
    """The text a reader sees: no script, style, DOT source (``<pre>``) or SVG tooltip."""

    _HIDDEN = frozenset({"script", "style", "pre", "title"})
    _BREAKS = frozenset(
        {
            "p",
            "td",
            "th",
            "li",
            "h1",
            "h2",
            "h3",
            "h4",
            "tr",
            "div",
            "caption",
            "figcaption",
            "text",
            "summary",
            "dt",
            "dd",
            "a",
            "span",
            "tspan",
            "option",
            "button",
            "label",
        }
    )

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.hidden = 0
        self.parts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self._HIDDEN:
            self.hidden += 1

    def handle_endtag(self, tag: str) -> None:
        if tag in self._HIDDEN:
            self.hidden = max(0, self.hidden - 1)
        if tag in self._BREAKS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self.hidden:
            self.parts.append(data)


def html_text(html: str) -> str:
    parser = _VisibleText()
    parser.feed(html)
    return "".join(parser.parts)


def xlsx_texts(path: Path) -> Iterator[tuple[str, str]]:
    """(where, text) of every sheet name and text cell."""
    workbook = openpyxl.load_workbook(path, read_only=True)
    for sheet in workbook.worksheets:
        yield f"sheet name {sheet.title!r}", sheet.title
        for row in sheet.iter_rows(values_only=True):
            for value in row:
                if isinstance(value, str) and value.strip():
                    yield f"sheet {sheet.title!r}", value


def markdown_text(markdown: str) -> str:
    """The Markdown without fenced code (DOT sources) and link targets."""
    markdown = re.sub(r"```.*?```", "", markdown, flags=re.S)
    return re.sub(r"\]\([^)]*\)", "]", markdown)


def _strings(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, list | tuple):
        for item in value:
            yield from _strings(item)


_DATA_COLUMNS = (
    "title",
    "target_title",
    "product",
    "suite",
    "top_product",
    "name",
    "site",
    "a_site",
    "b_site",
    "link",
    "what",
    "gap",
    "kept",
    "merging",
    "municipalities",
    "cycle",
    "min_version",
    "option",
)


def user_values(inputs: ReportInputs, target: TargetArchitecture) -> list[str]:
    """Texts that come from the users' own data, longest first: every text cell of the
    snapshot, the product and record names the analyses carry from it, the target's and
    the study's own texts."""
    values: set[str] = set()
    for kind, frame in inputs.snapshot.tables.items():
        # enumerated fields hold codes (a server's kind, a link's kind), not the users' words
        coded = {spec.name for spec in field_specs(kind) if spec.enum is not None}
        for column in frame.columns:
            if column not in coded and (
                frame[column].dtype == object or str(frame[column].dtype).startswith("str")
            ):
                values.update(str(v) for v in frame[column].dropna().unique())
    frames = [
        inputs.overlap.products,
        inputs.overlap.harmonisation,
        inputs.overlap.shared_applications,
    ]
    if inputs.gap is not None:
        frames += list(inputs.gap.to_tables().values())
    for frame in frames:
        for column in _DATA_COLUMNS:
            if column in frame.columns:
                values.update(str(v) for v in frame[column].dropna().unique())
    values.update(_strings(inputs.study or {}))
    values.add(target.name)
    # the whole target file as its authors wrote it (product choices, the economics' own
    # notes and sources), not only its capabilities
    values.update(_strings(target.model_dump(mode="json")))
    # documents cited by the sequencing rules keep their published titles (the rule's own
    # sentence beside them is translated)
    values.update(str(title) for title in rule_table()["source"])
    codes = {code for family in code_families().values() for code in family}
    # short values would take letters out of words; a code is never the users' own word
    return sorted(
        (v for v in values if len(v.strip()) > 2 and v not in codes), key=len, reverse=True
    )


#: Code families whose codes are identifiers the studies themselves write in every language
#: (the GGVVH areas A1-A4, B-I stand beside their translated names), not English words.
IDENTIFIER_FAMILIES = frozenset({"study_area"})


@dataclass(frozen=True)
class Offence:
    check: str
    found: str
    where: str
    context: str

    def __str__(self) -> str:
        return f"[{self.check}] {self.found!r} in {self.where}: …{self.context}…"


@dataclass
class Reader:
    """The visible texts of one language's report, the users' data taken out."""

    lang: Lang
    texts: list[tuple[str, str]]

    def offences(self) -> list[Offence]:
        found: list[Offence] = []
        found += self._codes()
        found += self._messages()
        found += self._english_words()
        return found

    def _each(
        self, pattern: re.Pattern[str], check: str, words: Iterable[str] = ()
    ) -> Iterator[Offence]:
        for where, text in self.texts:
            for match in pattern.finditer(text):
                start, end = max(0, match.start() - 50), match.end() + 50
                yield Offence(check, match.group(0), where, " ".join(text[start:end].split()))

    def _codes(self) -> list[Offence]:
        codes = set()
        for family, values in code_families().items():
            if family in IDENTIFIER_FAMILIES:
                continue
            for code in values:
                text = t(f"code.{family}.{code}", self.lang)
                if code.casefold() != text.casefold() and code.casefold() not in NATIVE_WORDS:
                    codes.add(code)
        pattern = re.compile(
            r"(?<![\w./#:-])("
            + "|".join(re.escape(code) for code in sorted(codes, key=len, reverse=True))
            + r")(?![\w/#:-])"
        )
        return list(self._each(pattern, "b: English code"))

    def _messages(self) -> list[Offence]:
        phrases = set()
        for key in translation_keys():
            texts = translations(key)
            english, own = texts["en"], texts[self.lang]
            if english == own:
                continue
            for literal, _, _, _ in string.Formatter().parse(english):
                phrase = literal.strip(" .,;:()")
                if len(phrase) > 14 and " " in phrase and phrase not in own:
                    phrases.add(phrase)
        if not phrases:
            return []
        pattern = re.compile("|".join(re.escape(p) for p in sorted(phrases, key=len, reverse=True)))
        return list(self._each(pattern, "c: English message"))

    def _english_words(self) -> list[Offence]:
        pattern = re.compile(r"(?<![\w/#.-])(" + "|".join(sorted(ENGLISH_WORDS)) + r")(?= [a-z])")
        return list(self._each(pattern, "d: English sentence"))


def read_report(folder: Path, lang: Lang, data: list[str]) -> Reader:
    texts = [
        ("report.html", html_text((folder / "report.html").read_text("utf-8"))),
        ("report.md", markdown_text((folder / "report.md").read_text("utf-8"))),
        *xlsx_texts(folder / "report.xlsx"),
    ]
    pattern = re.compile("|".join(re.escape(value) for value in data))
    # the users' own values out (longest first, as whole strings): they stay as written
    return Reader(lang, [(where, pattern.sub(" ", text)) for where, text in texts])


@pytest.fixture(scope="module")
def inputs(sample_snapshot: InventorySnapshot, sample_target: TargetArchitecture) -> ReportInputs:
    return analyse_inventory(
        sample_snapshot, sample_target, as_of=AS_OF, study_folder=REPO / "samples" / "study"
    )


@pytest.fixture(scope="module")
def data_values(inputs: ReportInputs, sample_target: TargetArchitecture) -> list[str]:
    return user_values(inputs, sample_target)


@pytest.mark.slow
@pytest.mark.parametrize("lang", LANGS)
def test_report_shows_no_english_code_or_message(
    lang: Lang,
    inputs: ReportInputs,
    data_values: list[str],
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    folder = tmp_path_factory.mktemp(f"report-{lang}")
    # (the record is per process: other tests in this worker may have asked for codes)
    before = untranslated_codes()
    write_full_report(inputs, folder, lang=lang, formats=("html", "md", "xlsx"))
    untranslated = sorted(untranslated_codes() - before)
    assert not untranslated, f"(a) codes without a text: {untranslated}"
    offences = read_report(folder, lang, data_values).offences()
    counted: dict[tuple[str, str], int] = {}
    first: dict[tuple[str, str], Offence] = {}
    for offence in offences:
        key = (offence.check, offence.found)
        counted[key] = counted.get(key, 0) + 1
        first.setdefault(key, offence)
    lines = [
        f"{counted[key]}x {first[key]}" for key in sorted(counted, key=lambda k: (-counted[k], k))
    ]
    assert not lines, (
        f"{len(offences)} English texts in the {lang} report"
        f" ({len(lines)} distinct):\n" + "\n".join(lines[:SHOWN])
    )


def test_reader_finds_english_and_leaves_the_users_data() -> None:
    """The checks themselves, on a text made for them: the user's product name with
    English words in it stays, a code and an English sentence are found."""
    reader = read_report_text(
        "sv",
        [
            ("cell", "Uppgradering av Windows Server File Services with care"),
            ("cell", "Åtgärd: os_upgrade"),
            ("cell", "Status: included; Behålls"),
            ("cell", "alone can host what moves"),
        ],
        ["Windows Server File Services with care"],
    )
    found = {(o.check[0], o.found) for o in reader.offences()}
    assert ("b", "os_upgrade") in found and ("b", "included") in found
    assert ("d", "alone") in found
    assert not any("Windows" in o.context or o.found == "care" for o in reader.offences())


def read_report_text(lang: Lang, texts: list[tuple[str, str]], data: list[str]) -> Reader:
    pattern = re.compile("|".join(re.escape(value) for value in data))
    return Reader(lang, [(where, pattern.sub(" ", text)) for where, text in texts])
