"""Every seed figure of issue 8, computed from samples/study (which hold only inputs)."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
import yaml

from inventory.study import StudyResults, study_results

SAMPLES = Path(__file__).resolve().parents[2] / "samples" / "study"


@pytest.fixture(scope="module")
def results() -> StudyResults:
    return study_results(SAMPLES)


def test_areas_are_grouped_as_the_ggvvh_study_groups_them(results: StudyResults) -> None:
    assert results.potential is not None
    groups = {g.name: g.areas for g in results.potential.groups}
    assert groups == {
        "IT-drift": ["A", "B"],
        "Förändringshantering": ["C", "D"],
        "Systemförvaltning & vidmakthållande": ["E", "F", "G", "H", "I"],
    }


def test_potential_60_15_25_against_today_40_25_35(results: StudyResults) -> None:
    assert results.potential is not None
    shares = [
        (g.potential_share_percent, g.reference_share_percent, g.difference_points)
        for g in results.potential.groups
    ]
    assert shares == [
        (Decimal(60), Decimal(40), Decimal(20)),
        (Decimal(15), Decimal(25), Decimal(-10)),
        (Decimal(25), Decimal(35), Decimal(-10)),
    ]
    assert results.potential.focus_group == "it-drift"
    assert results.potential.municipalities == [
        "gislaved",
        "gnosjo",
        "varnamo",
        "vaggeryd",
        "hylte",
    ]


def test_ggvvh_sums_come_from_the_individual_scores() -> None:
    document = yaml.safe_load((SAMPLES / "alternatives-ggvvh.yaml").read_text("utf-8"))
    assert len(document["criteria"]) == 7
    assert {c["weight"] for c in document["criteria"]} == {1}
    # the input file holds scores only, no totals (target: the file that costs it)
    assert all(
        set(alt) <= {"id", "name", "scope", "scores", "description", "target"}
        for alt in document["alternatives"]
    )
    sums = {alt["id"]: sum(alt["scores"].values()) for alt in document["alternatives"]}
    assert sums == {"S": 21, "1-teknik": 22, "1-tjanst": 23, "2": 22}


def test_ggvvh_ranking(results: StudyResults) -> None:
    ggvvh = next(a for a in results.alternatives if a.file.endswith("ggvvh.yaml"))
    assert ggvvh.scored
    totals = {r.id: r.total for r in ggvvh.ranking}
    assert totals == {"S": 21, "1-teknik": 22, "1-tjanst": 23, "2": 22}
    ranks = {r.id: r.rank for r in ggvvh.ranking}
    assert ranks == {"1-tjanst": 1, "1-teknik": 2, "2": 2, "S": 4}
    assert all(not r.reconstructed for r in ggvvh.ranking)


def test_ringerike_alternatives_are_listed_unscored(results: StudyResults) -> None:
    ringerike = next(a for a in results.alternatives if a.file.endswith("ringerike.yaml"))
    assert not ringerike.scored
    assert ringerike.ranking == [] and ringerike.sensitivity is None
    assert ringerike.unscored == [
        "0",
        "0+",
        "felles-drift",
        "felles-ressurser",
        "ny-organisasjon",
        "eksisterende-selskap",
        "nytt-selskap",
    ]


def test_melhus_key_reproduces_the_report(results: StudyResults) -> None:
    assert results.cost_sharing is not None
    parts = {
        c.cost: {p.party: p.amount for p in c.allocation.parts} for c in results.cost_sharing.costs
    }
    million = Decimal(1_000_000)
    assert parts["establishment"] == {
        "melhus": Decimal("3.0") * million,
        "midtre-gauldal": Decimal("2.0") * million,
    }
    assert parts["yearly-operations"] == {
        "melhus": Decimal("7.44") * million,
        "midtre-gauldal": Decimal("4.96") * million,
    }
    for cost in results.cost_sharing.costs:
        assert sum(p.amount for p in cost.allocation.parts) == cost.allocation.total


def test_projection_table_2007_2012(results: StudyResults) -> None:
    projection = results.projection
    assert projection is not None
    assert [y.year for y in projection.years] == list(range(2007, 2013))
    without = [y.cost_without for y in projection.years]
    assert without == [Decimal(x) for x in ("10.9", "12.2", "14.3", "14.8", "15.4", "16")]
    assert [y.staff_without for y in projection.years] == [9, 10, 12, 13, 14, 14]
    savings = {y.year: y.cost_saving for y in projection.years if y.cost_saving is not None}
    assert savings == {
        2009: Decimal("1.9"),
        2010: Decimal("2.4"),
        2011: Decimal("2.9"),
        2012: Decimal("3.2"),
    }
    staff = {y.year: y.staff_saving for y in projection.years if y.staff_saving is not None}
    assert staff == {2009: 0, 2010: 1, 2011: 2, 2012: 2}
    assert projection.total_cost_saving == Decimal("10.4")
    assert projection.total_cost_saving_amount == Decimal(10_400_000)


def test_establishment_plan_totals_come_from_the_rows(results: StudyResults) -> None:
    plan = results.establishment_plan
    assert plan is not None
    assert [s.subproject for s in plan.subprojects] == [f"15.{n}" for n in range(1, 11)]
    assert plan.total == 5_130_000
    assert plan.by_funding == {"investment": 4_580_000, "operations": 550_000}
    assert plan.by_funding_and_year["investment"] == {2009: 1_050_000, 2010: 3_530_000}
    assert plan.by_funding_and_year["operations"] == {2009: 550_000}
    first = plan.subprojects[0]
    assert first.cost == 750_000 and first.unpriced_items == ["Organisatorisk idriftsettelse"]
    assert (first.start, first.finish) == ("2009Q1", "2009Q3")
    assert (plan.first_quarter, plan.last_quarter) == ("2009Q1", "2010Q3")


def test_comparable_costs_carry_their_definition(results: StudyResults) -> None:
    comparison = results.comparison
    assert comparison is not None
    document = yaml.safe_load((SAMPLES / "it-costs.yaml").read_text("utf-8"))
    by_code = {m["municipality"]: m for m in document["municipalities"]}
    for row in comparison.municipalities:
        source = by_code[row.municipality]
        assert row.per_inhabitant is not None and row.per_device is not None
        expected = (Decimal(source["it_cost"]) / source["population"]).quantize(Decimal("0.01"))
        assert row.per_inhabitant.value == expected
        for figure in (row.per_inhabitant, row.per_employee, row.per_device):
            assert figure is not None
            assert "SEK 2023; incl. it staff" in figure.label
            assert figure.definition == source["definition"]
    hylte = next(r for r in comparison.municipalities if r.municipality == "hylte")
    assert hylte.per_inhabitant is not None and "telephony" in hylte.per_inhabitant.counted
    assert not comparison.comparable
    assert {d.aspect for d in comparison.differences} == {"includes", "excludes"}
    assert [w.code.value for w in results.warnings] == ["definitions-differ"] * 2
    assert all(w.municipality == "hylte" for w in results.warnings)


def test_results_are_json_able(results: StudyResults) -> None:
    data = results.to_json()
    assert data["cost_sharing"]["costs"][0]["allocation"]["parts"][0]["amount"] == "3000000"
    assert StudyResults.model_validate(data).to_json() == data
