"""The decision section holds every figure ``inventory study all`` prints, as the report
formats it, in the HTML text and the XLSX cells; several figures checked by hand from the
study files; the recommendation says how robust the lead is; years are years, MNOK has one
decimal, a share shows its formula."""

from __future__ import annotations

import csv
import io
import math
import re
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

import lxml.html
import openpyxl
import pytest
import yaml
from typer.testing import CliRunner

from inventory.cli.app import app
from inventory.language.formatting import format_cell, format_number
from inventory.language.i18n import Lang
from inventory.render.document import ColumnType, ReportDocument, Section, Table
from inventory.render.html import render_html
from inventory.render.xlsx import xlsx_bytes
from inventory.report.decision import decision_section, recommendation_text
from inventory.study import StudyResults, study_results
from inventory.study.alternatives import evaluate_alternatives
from inventory.study.inputs import AlternativesFile
from inventory.study.recommendation import recommendation

REPO = Path(__file__).resolve().parents[2]
STUDY = REPO / "samples" / "study"
LANGS: tuple[Lang, ...] = ("en", "sv", "no")
_MILLION = Decimal(1_000_000)
# what the report writes for a quarter, by hand: the Norwegian source writes "1. kv -2009"
_QUARTERS = {"en": "Q{q} {y}", "sv": "kv. {q} {y}", "no": "{q}. kv. {y}"}


@dataclass(frozen=True)
class Printed:
    """A figure ``inventory study all`` prints (``cli``, as it prints it), its value and
    how the report types it."""

    cli: str
    value: float | str
    type: ColumnType = "float"
    decimals: int | None = None

    def shown(self, lang: Lang) -> str:
        if isinstance(self.value, str):
            return self.value
        return format_cell(self.value, self.type, lang, self.decimals)


# What ``inventory study all`` prints, in English (the command line's default language),
# computed through the report's own formatting functions, as study/text.py formats it.


def _plain(value: Decimal) -> str:
    """A figure whole, or with two decimals (study/text.py's ``_number``)."""
    return format_number(value, "en", 0 if value == value.to_integral_value() else 2)


def _own(value: Decimal | int) -> str:
    """A weight, score or share with the decimals it has (study/text.py's ``_plain``):
    a share rounded to 0.1 % prints ``15.0``, never ``15``."""
    exponent = value.as_tuple().exponent if isinstance(value, Decimal) else 0
    assert isinstance(exponent, int) and exponent >= -4, value  # the samples' figures
    return format_number(value, "en", max(0, -exponent))


def _signed(value: Decimal) -> str:
    return ("+" if value > 0 else "") + _own(value)


def _millions(value: Decimal) -> str:
    return format_number(value / _MILLION, "en", 2)


def _quarter(text: str, lang: Lang) -> str:
    return _QUARTERS[lang].format(q=text[5], y=text[:4])


def printed_figures(results: StudyResults) -> Iterator[Printed]:
    """Every figure of ``inventory study all``'s text output (study/text.py), section by
    section, with the type the report gives it."""
    potential = results.potential
    assert potential is not None
    for area in potential.areas:
        for score in area.scores.values():
            yield Printed(_plain(score), float(score))
        yield Printed(_plain(area.total), float(area.total))
    for group in potential.groups:
        yield Printed(
            _own(group.potential_share_percent),
            float(group.potential_share_percent) / 100,
            "percent",
        )
        yield Printed(
            _own(group.reference_share_percent),
            float(group.reference_share_percent) / 100,
            "percent",
        )
        yield Printed(_signed(group.difference_points), float(group.difference_points), "float", 1)
    for study in results.alternatives:
        if not study.scored:
            yield from (Printed(alternative, alternative, "text") for alternative in study.unscored)
            continue
        yield from (
            Printed(f"(w {_own(weight)})", float(weight)) for weight in study.weights.values()
        )
        for option in study.ranking:
            yield Printed(str(option.rank), option.rank, "int")
            yield from (Printed(_own(score), score, "int") for score in option.scores.values())
            yield Printed(_own(option.total), float(option.total))
        assert study.sensitivity is not None
        for flip in study.sensitivity.flips:
            yield Printed(_own(flip.weight_from), float(flip.weight_from))
            yield Printed(_own(flip.tie_weight), float(flip.tie_weight))
            yield Printed(_signed(flip.change), float(flip.change))
    sharing = results.cost_sharing
    assert sharing is not None
    for cost in sharing.costs:
        yield Printed(_plain(cost.allocation.total), float(cost.allocation.total), "money")
        for part in cost.allocation.parts:
            yield Printed(
                format_number(part.share * 100, "en", 2) + " %", float(part.share), "percent"
            )
            yield Printed(_plain(part.amount), float(part.amount), "money")
            yield Printed(_millions(part.amount), float(part.amount / _MILLION), "money", 2)
    projection = results.projection
    assert projection is not None
    for year in projection.years:
        yield Printed(str(year.year), year.year, "year")
        for key in ("cost_without", "cost_with", "cost_saving"):
            value = getattr(year, key)
            if value is not None:
                yield Printed(_plain(value), float(value), "money", 1)
        for key in ("staff_without", "staff_with", "staff_saving"):
            value = getattr(year, key)
            if value is not None:
                yield Printed(_plain(value), float(value))
    yield Printed(
        f"{_own(projection.total_cost_saving)} {projection.cost_unit_label}",
        float(projection.total_cost_saving),
        "money",
        1,
    )
    plan = results.establishment_plan
    assert plan is not None
    for sub in plan.subprojects:
        yield Printed(_plain(sub.cost), float(sub.cost), "money")
        for quarter in (sub.start, sub.finish):
            if quarter:
                yield Printed(_quarter(quarter, "en"), quarter, "text")  # per language
    yield Printed(_plain(plan.total), float(plan.total), "money")
    for amount in plan.by_funding.values():
        yield Printed(_plain(amount), float(amount), "money")
    for by_year in plan.by_funding_and_year.values():
        for finished, amount in by_year.items():
            yield Printed(str(finished), finished, "year")
            yield Printed(_plain(amount), float(amount), "money")
    comparison = results.comparison
    assert comparison is not None
    for row in comparison.municipalities:
        yield Printed(_millions(row.it_cost), float(row.it_cost / _MILLION), "money", 2)
        for unit in (row.per_inhabitant, row.per_employee, row.per_device):
            assert unit is not None
            # the report keeps whole kronor per inhabitant (no false precision)
            yield Printed(_plain(unit.value), float(unit.value), "money")
        yield Printed(
            f"{row.counted_as.currency} {row.counted_as.year}", row.counted_as.year, "year"
        )


# -- the report's text and cells ------------------------------------------------------------


def _html_text(html: str, section: str = "decision-support") -> str:
    """The visible text of one section, cells apart (non-breaking spaces kept)."""
    found = lxml.html.fromstring(html).get_element_by_id(section)
    return re.sub(r"[ \t\r\n]+", " ", " ".join(found.itertext()))


def _html_rows(html: str, table_id: str) -> list[list[str]]:
    """The cell texts of one table of the HTML report."""
    table = lxml.html.fromstring(html).get_element_by_id(table_id)
    return [
        [str(cell.text_content()) for cell in row.findall("td")]
        for row in table.iter("tr")
        if row.findall("td")
    ]


def _cells(data: bytes) -> tuple[list[float], list[str]]:
    workbook: Any = openpyxl.load_workbook(io.BytesIO(data))
    numbers: list[float] = []
    texts: list[str] = []
    for sheet in workbook.worksheets:
        for row in sheet.iter_rows(values_only=True):
            for value in row:
                if isinstance(value, bool) or value is None:
                    continue
                if isinstance(value, int | float):
                    numbers.append(float(value))
                else:
                    texts.append(str(value))
    return numbers, texts


def _has_number(numbers: list[float], value: float) -> bool:
    return any(math.isclose(number, value, rel_tol=1e-9, abs_tol=1e-9) for number in numbers)


def _in_report(
    figure: Printed, lang: Lang, text: str, numbers: list[float], texts: list[str]
) -> list[str]:
    """What is missing of ``figure`` in the HTML text and in the XLSX cells."""
    shown = figure.shown(lang)
    if isinstance(figure.value, str):
        shown = (
            _quarter(figure.value, lang)
            if figure.type == "text" and _is_quarter(figure.value)
            else figure.value
        )
        missing = [] if shown in text else [f"HTML {shown!r}"]
        return missing + ([] if any(shown == cell for cell in texts) else [f"XLSX {shown!r}"])
    missing = [] if shown in text else [f"HTML {shown!r}"]
    return missing + (
        [] if _has_number(numbers, float(figure.value)) else [f"XLSX {figure.value!r}"]
    )


def _is_quarter(text: str) -> bool:
    return len(text) == 6 and text[:4].isdigit() and text[4] == "Q"


def _document(results: StudyResults, lang: Lang) -> ReportDocument:
    return ReportDocument(title="t", lang=lang, sections=[decision_section(results, lang)])


@pytest.fixture(scope="module")
def results() -> StudyResults:
    return study_results(STUDY)


def test_the_figures_are_those_study_all_prints(
    results: StudyResults, monkeypatch: pytest.MonkeyPatch
) -> None:
    # (--lang en: the command line's language is process state other tests may have set;
    # the console is created once per process, so its width is set, not read from COLUMNS)
    from inventory.cli.common import console

    monkeypatch.setattr(console, "width", 300)
    output = CliRunner().invoke(
        app, ["--lang", "en", "study", "all", str(STUDY)], env={"COLUMNS": "300"}
    )
    assert output.exit_code == 0, output.output
    figures = list(printed_figures(results))
    assert len(figures) > 200  # every section of the output, not a few
    missing = sorted({figure.cli for figure in figures if figure.cli not in output.output})
    assert missing == []


@pytest.mark.parametrize("lang", LANGS)
def test_every_printed_figure_is_in_the_html_and_the_xlsx(
    results: StudyResults, lang: Lang
) -> None:
    document = _document(results, lang)
    text = _html_text(render_html(document))
    numbers, texts = _cells(xlsx_bytes(document))
    missing = [
        (figure.cli, gap)
        for figure in printed_figures(results)
        for gap in _in_report(figure, lang, text, numbers, texts)
    ]
    assert missing == []


def test_report_command_with_study_holds_every_figure(
    samples_db: str, tmp_path: Path, results: StudyResults
) -> None:
    out = tmp_path / "report"
    result = CliRunner().invoke(
        app,
        [
            "--db",
            samples_db,
            "report",
            "--target",
            str(REPO / "samples" / "target.yaml"),
            "--study",
            str(STUDY),
            "--out",
            str(out),
            "--lang",
            "sv",
        ],
    )
    assert result.exit_code == 0, result.output
    text = _html_text((out / "report.html").read_text("utf-8"))
    numbers, texts = _cells((out / "report.xlsx").read_bytes())
    missing = [
        (figure.cli, gap)
        for figure in printed_figures(results)
        for gap in _in_report(figure, "sv", text, numbers, texts)
    ]
    assert missing == []
    # the lead's computed cost stands in the recommendation (its target file is costed)
    recommendation_part = _html_text(
        (out / "report.html").read_text("utf-8"), "decision-recommendation"
    )
    assert "engångskostnad" in recommendation_part and "mnkr" in recommendation_part
    assert "alla områden (A-I)" in text and "all areas" not in text


# -- figures checked by hand from the study files -------------------------------------------


def _tables(document: ReportDocument) -> dict[str, Table]:
    return {table.id: table for table in document.tables()}


def _row(table: Table, key: str, value: object) -> dict[str, Any]:
    keys = [column.key for column in table.columns]
    return next(
        dict(zip(keys, row, strict=True)) for row in table.rows if row[keys.index(key)] == value
    )


def _sheet_rows(data: bytes, title_start: str) -> list[tuple[Any, ...]]:
    workbook: Any = openpyxl.load_workbook(io.BytesIO(data))
    sheet = next(s for s in workbook.worksheets if s.title.startswith(title_start))
    return list(sheet.iter_rows(values_only=True))


def test_cost_key_shows_formula_populations_and_shares(results: StudyResults) -> None:
    sharing = yaml.safe_load((STUDY / "cost-sharing.yaml").read_text("utf-8"))
    melhus, gauldal = (party["population"] for party in sharing["parties"])
    # 50 % equally between two, 50 % by population: 0.25 + 0.5 * 14,700 / 21,000 = 0.60
    share = 0.5 / 2 + 0.5 * melhus / (melhus + gauldal)
    assert math.isclose(share, 0.60)
    establishment = next(c["amount"] for c in sharing["costs"] if c["id"] == "establishment")
    document = _document(results, "no")
    key = _tables(document)["study-key-melhus-2013"]
    row = _row(key, "party", "Melhus")
    assert row["measure_population"] == melhus
    assert math.isclose(row["share"], share)
    html = _html_text(render_html(document))
    # the share with what it comes from, never a bare "60,0 %"
    assert [
        format_cell(melhus, "int", "no"),
        format_cell(share, "percent", "no"),
        "50\xa0% × 1/2 + 50\xa0% × 14\xa0700/21\xa0000 = 25,0\xa0% + 35,0\xa0% = 60,0\xa0%",
    ] == [
        cell
        for index, cell in enumerate(_html_rows(render_html(document), "study-key-melhus-2013")[0])
        if index in (1, 4, 5)
    ]
    assert "50\xa0% likt + 50\xa0% etter folketall" in html
    allocation = _row(_tables(document)["study-cost-sharing"], "party", "Melhus")
    assert allocation["amount"] == establishment * share  # 5,000,000 × 0.6 = 3,000,000
    data = xlsx_bytes(document)
    assert any(
        r[0] == "Melhus" and r[1] == melhus and math.isclose(r[-2], share)
        for r in _sheet_rows(data, "Fordelingsnøkkel")
    )


def test_projection_years_are_years_and_mnok_has_one_decimal(results: StudyResults) -> None:
    projection = yaml.safe_load((STUDY / "projection.yaml").read_text("utf-8"))
    years = {row["year"]: row for row in projection["years"]}
    saving_2010 = (
        years[2010]["without_collaboration"]["cost"] - years[2010]["with_collaboration"]["cost"]
    )  # 14.8 - 12.4 = 2.4
    both = [row for row in years.values() if "with_collaboration" in row]
    total = sum(Decimal(str(r["without_collaboration"]["cost"])) for r in both) - sum(
        Decimal(str(r["with_collaboration"]["cost"])) for r in both
    )
    assert total == Decimal("10.4")  # 60.5 - 50.1
    cases: tuple[tuple[Lang, str, str], ...] = (("en", "2.4", "10.4"), ("sv", "2,4", "10,4"))
    for lang, saving, sum_text in cases:
        document = _document(results, lang)
        table = _tables(document)["study-projection"]
        assert table.columns[0].type == "year"
        assert math.isclose(_row(table, "year", 2010)["cost_saving"], saving_2010)
        rendered = render_html(document)
        point = "." if lang == "en" else ","
        row_2010 = next(r for r in _html_rows(rendered, "study-projection") if r[0] == "2010")
        assert row_2010[:4] == ["2010", f"14{point}8", f"12{point}4", saving]
        html = _html_text(rendered)
        assert "2,007" not in html and "2\xa0007" not in html and "2007" in html
        assert f"= {sum_text} MNOK" in html
    rows = _sheet_rows(xlsx_bytes(_document(results, "en")), "Projection")
    workbook: Any = openpyxl.load_workbook(io.BytesIO(xlsx_bytes(_document(results, "en"))))
    sheet = workbook["Projection"]
    assert sheet["A2"].value == 2007 and sheet["A2"].number_format == "0"
    assert sheet["B2"].number_format == "#,##0.0"
    assert any(r[0] == 2010 and math.isclose(r[3], saving_2010) for r in rows)


def test_potential_and_establishment_by_hand(results: StudyResults) -> None:
    with (STUDY / "potential.csv").open(encoding="utf-8") as file:
        scores = list(csv.DictReader(file))
    points = {area: sum(int(row[area]) for row in scores) for area in "ABCDEFGHI"}
    it_drift = (points["A"] + points["B"]) / sum(points.values())  # (405 + 195) / 1,000
    assert math.isclose(it_drift, 0.6)
    document = _document(results, "sv")
    groups = _tables(document)["study-potential-groups"]
    row = _row(groups, "group", "IT-drift")
    assert math.isclose(row["potential"], it_drift) and math.isclose(
        row["difference"], it_drift * 100 - 40
    )
    with (STUDY / "establishment-plan.csv").open(encoding="utf-8") as file:
        items = list(csv.DictReader(file))
    investment_2010 = sum(
        int(item["cost"])
        for item in items
        if item["funding"] == "investment" and item["finish"].endswith("2010")
    )
    assert investment_2010 == 3_530_000
    by_year = _tables(document)["study-establishment-years"]
    assert [2010, investment_2010] in [row[1:] for row in by_year.rows]
    html = _html_text(render_html(document))
    assert format_cell(investment_2010, "money", "sv") in html  # 3 530 000
    assert "kv. 1 2009" in html  # 15.1 starts "1. kv -2009"


def test_it_costs_name_the_difference_in_definitions(results: StudyResults) -> None:
    costs = yaml.safe_load((STUDY / "it-costs.yaml").read_text("utf-8"))
    gnosjo = next(m for m in costs["municipalities"] if m["municipality"] == "gnosjo")
    per_inhabitant = gnosjo["it_cost"] / gnosjo["population"]  # 12,350,000 / 9,500 = 1,300
    document = _document(results, "sv")
    row = _row(_tables(document)["study-it-costs"], "name", "Gnosjö")
    assert math.isclose(row["per_inhabitant"], per_inhabitant)
    html = _html_text(render_html(document))
    # Hylte's outsourced price includes telephony, the others' IT cost leaves it out
    assert "Hylte räknar in telefoni i sin IT-kostnad, Gislaved gör det inte." in html
    assert "telephony" not in html and "in-house-2023" not in html


# -- the recommendation ---------------------------------------------------------------------


def test_the_samples_one_point_lead_is_stated_as_close(results: StudyResults) -> None:
    study = yaml.safe_load((STUDY / "alternatives-ggvvh.yaml").read_text("utf-8"))
    scores = {alt["id"]: alt["scores"] for alt in study["alternatives"]}
    tjanst, two = sum(scores["1-tjanst"].values()), sum(scores["2"].values())  # 23, 22
    # criterion 6 (weight 1): 1 Tjänst 4, 2 scores 2: level at 1 - (23 - 22) / (4 - 2)
    tie = 1 - (tjanst - two) / (scores["1-tjanst"]["6"] - scores["2"]["6"])
    assert tie == 0.5
    found = recommendation(results)
    assert found is not None and not found.robust
    text = {lang: recommendation_text(found, lang) for lang in LANGS}
    assert "close" in text["en"] and "from 1 to 0.5" in text["en"]
    assert "criterion 6" in text["en"] and "not as a settled choice" in text["en"]
    assert "nära varandra" in text["sv"] and "från 1 till 0,5" in text["sv"]
    assert "förstudie" in text["sv"]
    assert "nær hverandre" in text["no"] and "fra 1 til 0,5" in text["no"]
    assert "forprosjekt" in text["no"]
    for sentence in text.values():
        assert "Rank 1" not in sentence and "recommended direction" not in sentence


def _own_study(scores: dict[str, dict[str, int]]) -> StudyResults:
    criteria = sorted({c for s in scores.values() for c in s})
    study = AlternativesFile.model_validate(
        {
            "study": "Egen utredning",
            "criteria": [{"id": c, "name": f"kriterium {c}"} for c in criteria],
            "alternatives": [
                {"id": a, "name": f"Alternativ {a}", "scores": s} for a, s in scores.items()
            ],
        }
    )
    return StudyResults(folder="x", files=[], alternatives=[evaluate_alternatives(study)])


def test_a_clear_lead_is_stated_as_holding() -> None:
    # x 4+4+4+1 = 13, y 2+2+3+4 = 11: y draws level only when d's weight rises to
    # 1 + 2/3 (+67 %, beyond half a weight)
    results = _own_study(
        {"x": {"a": 4, "b": 4, "c": 4, "d": 1}, "y": {"a": 2, "b": 2, "c": 3, "d": 4}}
    )
    found = recommendation(results)
    assert found is not None and found.robust
    text = recommendation_text(found, "en")
    assert "holds when any single weight is halved or raised by half" in text
    assert "from 1 to 1.6667" in text and "2 points ahead" in text
    section = decision_section(results, "sv")
    rec = next(s for _d, s in section.walk() if s.id == "decision-recommendation")
    assert "Rangordningen står sig" in str(rec.blocks[0].model_dump())


def test_tied_alternatives_have_no_lead() -> None:
    found = recommendation(_own_study({"x": {"a": 3, "b": 2}, "y": {"a": 2, "b": 3}}))
    assert found is not None and found.tied
    assert "do not separate them" in recommendation_text(found, "en")


def test_section_without_study_parts_has_only_what_is_given() -> None:
    section = decision_section(_own_study({"x": {"a": 3}, "y": {"a": 1}}), "en")
    ids = [s.id for _d, s in section.walk()]
    assert ids == [
        "decision-support",
        "decision-recommendation",
        "decision-alternatives",
        "decision-sensitivity",
    ]
    document = ReportDocument(title="t", sections=[section])
    assert isinstance(document.sections[0], Section)
