"""Identification measured on the labelled corpus: precision and coverage per category.

The corpus (``tests/data/identification/*.csv``, described in its README.md) holds
real-world spellings with the product, release cycle and edition they name. Each row is
run through ``Normaliser.default().match``; an *answer* is a product at or above
``LOW_CONFIDENCE``. Per category:

* precision = correct answers / answers (a wrong answer is worse than none);
* coverage = answers / rows that name a product (rows whose right answer is
  "unmatched" are left out of coverage: any answer to them is wrong).

``python -m benchmarks.identification`` prints the table and writes it into
``benchmarks/RESULTS.md`` (section "Identification"); ``tests/analyse/
test_identification_corpus.py`` asserts the targets on the same figures.
"""

from __future__ import annotations

import argparse
import csv
import inspect
import json
import re
import sys
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from inventory.analyse.normalise import LOW_CONFIDENCE, Normaliser, ProductMatch

REPO = Path(__file__).resolve().parent.parent
CORPUS = REPO / "tests" / "data" / "identification"
RESULTS = REPO / "benchmarks" / "RESULTS.md"
COLUMNS = (
    "category",
    "vendor",
    "product",
    "version",
    "model",
    "role",
    "expected_product",
    "expected_cycle",
    "expected_edition",
    "source",
)
CATEGORIES = (
    "server-os",
    "client-os",
    "hypervisor",
    "network-os",
    "storage",
    "database",
    "middleware",
    "business",
)
ROLES = frozenset({"server", "client", "network", "appliance", "storage", ""})
#: ``expected_cycle`` saying that the text names no cycle: reporting one is wrong.
NO_CYCLE = "-"
PRECISION_TARGET = 0.995
COVERAGE_TARGET = 0.95
SECTION = "## Identification"


@dataclass(frozen=True)
class CorpusRow:
    """One labelled spelling: what an inventory says and what it names."""

    file: str
    line: int
    category: str
    vendor: str
    product: str
    version: str
    model: str
    role: str
    expected_product: str
    expected_cycle: str
    expected_edition: str
    source: str

    @property
    def place(self) -> str:
        return f"{self.file}:{self.line}"

    @property
    def written(self) -> str:
        """The row as the inventory writes it, for messages."""
        parts = [
            f"{name}={value!r}"
            for name, value in (
                ("vendor", self.vendor),
                ("product", self.product),
                ("version", self.version),
                ("model", self.model),
                ("role", self.role),
            )
            if value
        ]
        return " ".join(parts)


@dataclass(frozen=True)
class Verdict:
    """What the normaliser answered for one row and whether that was right."""

    row: CorpusRow
    match: ProductMatch
    answered: bool
    correct: bool
    why: str  # empty when correct or not answered


@dataclass(frozen=True)
class CategoryFigures:
    """Precision and coverage of one category (or ``all``)."""

    category: str
    rows: int
    identifiable: int  # rows whose right answer is a product
    answers: int
    covered: int  # answers to rows that name a product
    correct: int
    wrong: int

    @property
    def precision(self) -> float:
        return self.correct / self.answers if self.answers else 1.0

    @property
    def coverage(self) -> float:
        return self.covered / self.identifiable if self.identifiable else 1.0


def read_corpus(folder: Path = CORPUS) -> list[CorpusRow]:
    """Every row of every ``*.csv`` in ``folder`` (``ValueError`` on a malformed file)."""
    rows: list[CorpusRow] = []
    for path in sorted(folder.glob("*.csv")):
        with path.open(encoding="utf-8", newline="") as handle:
            reader = csv.DictReader(handle)
            if tuple(reader.fieldnames or ()) != COLUMNS:
                raise ValueError(f"{path.name}: columns {reader.fieldnames}, expected {COLUMNS}")
            for record in reader:
                line = reader.line_num
                values = {name: (record[name] or "").strip() for name in COLUMNS}
                if None in record.values() or None in record:
                    raise ValueError(f"{path.name}:{line}: wrong number of cells")
                rows.append(CorpusRow(file=path.name, line=line, **values))
    return rows


def identify(normaliser: Normaliser, row: CorpusRow) -> ProductMatch:
    """What the normaliser makes of a row, called the way the analyses call it.

    A record kind's product column is the product (servers, clients, platforms); a row
    without one is matched on its model, as network devices and storage are. ``model``
    and ``role`` are passed as keywords when the matcher takes them.
    """
    parameters = inspect.signature(normaliser.match).parameters
    keywords: dict[str, Any] = {}
    product = row.product or None
    if "model" in parameters and row.model:
        keywords["model"] = row.model
    elif product is None:
        product = row.model or None
    if "role" in parameters and row.role:
        keywords["role"] = row.role
    return normaliser.match(row.vendor or None, product, row.version or None, **keywords)


def _edition_key(text: str) -> str:
    return re.sub(r"[^0-9a-z]+", "", text.casefold())


def judge(normaliser: Normaliser, row: CorpusRow) -> Verdict:
    """Whether the normaliser answers the row, and whether the answer is right."""
    found = identify(normaliser, row)
    answered = found.product_id is not None and found.confidence >= LOW_CONFIDENCE
    if not answered:
        return Verdict(row, found, False, False, "")
    why = ""
    if found.product_id != row.expected_product:
        why = f"product {found.product_id!r}, expected {row.expected_product or 'unmatched'!r}"
    elif row.expected_cycle == NO_CYCLE and found.cycle is not None:
        why = f"cycle {found.cycle!r}, but the text names no cycle"
    elif row.expected_cycle not in ("", NO_CYCLE) and found.cycle != row.expected_cycle:
        why = f"cycle {found.cycle!r}, expected {row.expected_cycle!r}"
    else:
        edition = getattr(found, "edition", None)
        if (
            row.expected_edition
            and isinstance(edition, str)
            and _edition_key(edition) != _edition_key(row.expected_edition)
        ):
            why = f"edition {edition!r}, expected {row.expected_edition!r}"
    return Verdict(row, found, True, not why, why)


def judge_all(rows: Iterable[CorpusRow], normaliser: Normaliser | None = None) -> list[Verdict]:
    """``judge`` over rows with the packaged normaliser (or the one given)."""
    normaliser = normaliser or Normaliser.default()
    return [judge(normaliser, row) for row in rows]


def figures(verdicts: Sequence[Verdict]) -> list[CategoryFigures]:
    """Figures per category, in the order of ``CATEGORIES``, then ``all``."""

    def count(category: str, chosen: Sequence[Verdict]) -> CategoryFigures:
        identifiable = [v for v in chosen if v.row.expected_product]
        return CategoryFigures(
            category=category,
            rows=len(chosen),
            identifiable=len(identifiable),
            answers=sum(v.answered for v in chosen),
            correct=sum(v.correct for v in chosen),
            wrong=sum(v.answered and not v.correct for v in chosen),
            covered=sum(v.answered for v in identifiable),
        )

    present = {v.row.category for v in verdicts}
    order = [c for c in CATEGORIES if c in present] + sorted(present - set(CATEGORIES))
    table = [count(c, [v for v in verdicts if v.row.category == c]) for c in order]
    return [*table, count("all", verdicts)]


def _percent(value: float) -> str:
    return f"{100 * value:.1f} %"


def table_lines(table: Sequence[CategoryFigures]) -> list[str]:
    """The figures as a Markdown table."""
    lines = [
        "| category | rows | rows naming a product | answers | correct | wrong"
        " | precision | coverage |",
        "|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for entry in table:
        name = f"**{entry.category}**" if entry.category == "all" else entry.category
        lines.append(
            f"| {name} | {entry.rows} | {entry.identifiable} | {entry.answers}"
            f" | {entry.correct} | {entry.wrong} | {_percent(entry.precision)}"
            f" | {_percent(entry.coverage)} |"
        )
    return lines


def wrong_lines(verdicts: Sequence[Verdict], limit: int = 50) -> list[str]:
    """The wrong answers, one line each (place, what was written, what went wrong)."""
    wrong = [v for v in verdicts if v.answered and not v.correct]
    lines = [f"{v.row.place}: {v.row.written}: {v.why}" for v in wrong[:limit]]
    if len(wrong) > limit:
        lines.append(f"... and {len(wrong) - limit} more")
    return lines


def section_lines(table: Sequence[CategoryFigures]) -> list[str]:
    """The "Identification" section of RESULTS.md."""
    total = next(entry for entry in table if entry.category == "all")
    return [
        SECTION,
        "",
        f"The labelled corpus (`tests/data/identification/`, {total.rows} spellings from"
        " public exports, vendors' documents and forums) run through"
        " `Normaliser.default().match`, the way the analyses call it. An answer is a"
        f" product at or above the review threshold (confidence {LOW_CONFIDENCE});"
        " precision = correct answers / answers (product, and the release cycle and"
        " edition where the row names them); coverage = answers / rows that name a"
        " product. Targets: precision >= 99.5 % in every category, coverage >= 95 %"
        " overall. Written by `python -m benchmarks.identification`; asserted by"
        " `tests/analyse/test_identification_corpus.py`.",
        "",
        *table_lines(table),
    ]


def replace_section(text: str, heading: str, lines: Sequence[str]) -> str:
    """``text`` with the section under ``heading`` replaced (or added before the notes)."""
    body = "\n".join(lines).rstrip("\n") + "\n"
    pattern = re.compile(rf"^{re.escape(heading)}\n.*?(?=^## |\Z)", re.MULTILINE | re.DOTALL)
    if pattern.search(text):
        return pattern.sub(lambda _: body + "\n", text, count=1).rstrip("\n") + "\n"
    notes = re.search(r"^## Notes$", text, re.MULTILINE)
    if notes is None:
        return text.rstrip("\n") + "\n\n" + body
    return text[: notes.start()] + body + "\n" + text[notes.start() :]


def corpus_problems(rows: Sequence[CorpusRow], normaliser: Normaliser) -> list[str]:
    """What is wrong with the corpus itself: unknown categories, roles, product ids or
    cycles, sources that are not web addresses (a typo must not pass as a wrong answer)."""
    problems = []
    for row in rows:
        where = f"{row.place}:"
        if row.category not in CATEGORIES or row.file != f"{row.category}.csv":
            problems.append(f"{where} category {row.category!r} in {row.file}")
        if row.role not in ROLES:
            problems.append(f"{where} role {row.role!r}")
        if not (row.vendor or row.product or row.model):
            problems.append(f"{where} nothing written")
        if not re.match(r"^https?://\S+$", row.source):
            problems.append(f"{where} source {row.source!r} is not a web address")
        if not row.expected_product:
            if row.expected_cycle or row.expected_edition:
                problems.append(f"{where} a cycle or edition for an unmatched row")
            continue
        definition = normaliser.product(row.expected_product)
        if definition is None:
            problems.append(f"{where} unknown product id {row.expected_product!r}")
        elif (
            row.expected_cycle not in ("", NO_CYCLE)
            and normaliser.catalogue.release(definition.cycles_from, row.expected_cycle) is None
        ):
            problems.append(f"{where} {row.expected_product} has no cycle {row.expected_cycle!r}")
    return problems


def report(folder: Path = CORPUS) -> dict[str, Any]:
    """Everything the test and RESULTS.md need, as plain data."""
    normaliser = Normaliser.default()
    rows = read_corpus(folder)
    verdicts = judge_all(rows, normaliser)
    table = figures(verdicts)
    return {
        "figures": [
            asdict(entry) | {"precision": entry.precision, "coverage": entry.coverage}
            for entry in table
        ],
        "table": table_lines(table),
        "section": section_lines(table),
        "wrong": wrong_lines(verdicts, limit=len(verdicts)),
        "problems": corpus_problems(rows, normaliser),
    }


def main(argv: Sequence[str] | None = None) -> int:
    """Print the corpus figures and write them into RESULTS.md (``--json``: print only)."""
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks.identification",
        description="Precision and coverage of product identification on the labelled corpus.",
    )
    parser.add_argument(
        "--out",
        type=Path,
        default=RESULTS,
        help="the results file whose Identification section is rewritten",
    )
    parser.add_argument("--wrong", action="store_true", help="also list every wrong answer")
    parser.add_argument(
        "--json",
        action="store_true",
        help="print the figures, wrong answers and corpus problems as JSON; write nothing",
    )
    arguments = parser.parse_args(sys.argv[1:] if argv is None else list(argv))
    figures_report = report()
    if arguments.json:
        print(json.dumps(figures_report, indent=1))
        return 0
    lines = figures_report["section"]
    print("\n".join(lines))
    if arguments.wrong:
        print("\n".join(["", "Wrong answers:", *figures_report["wrong"]]))
    for problem in figures_report["problems"]:
        print(f"corpus problem: {problem}", file=sys.stderr)
    existing = arguments.out.read_text(encoding="utf-8") if arguments.out.exists() else ""
    arguments.out.write_text(replace_section(existing, SECTION, lines), encoding="utf-8")
    return 1 if figures_report["problems"] else 0


if __name__ == "__main__":
    raise SystemExit(main())
