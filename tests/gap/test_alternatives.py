"""Alternatives costed: several targets over one inventory, side by side; the CLI."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest
from typer.testing import CliRunner

from inventory.cli.app import app
from inventory.gap.alternatives import (
    ALTERNATIVE_COLUMNS,
    HIGH_RISK,
    TOP_RISKS,
    alternative_row,
    compare_alternatives,
)
from inventory.gap.result import GapReport
from inventory.store import InventoryStore
from inventory.study.results import StudyResults
from inventory.target.model import load_target
from inventory.validate.batch import ImportBatch
from tests.gap.test_scope import AS_OF, small_inventory, small_target

SAMPLES = Path(__file__).resolve().parents[2] / "samples"
runner = CliRunner()


def _own_figures(report: GapReport) -> dict[str, object]:
    """What the table must show for ``report``, read from the report itself."""
    case = report.business_case
    assert case is not None
    scores = sorted(report.risks["risk"].astype(int), reverse=True)
    weeks = (max(report.plan["end"]) - min(report.plan["start"])).days // 7
    overall = report.readiness_overall.set_index("municipality")["readiness_percent"]
    return {
        "effort_hours": report.total_hours,
        "labour_cost": report.total_cost,
        "one_time_low": case.one_time.low,
        "one_time_expected": case.one_time.expected,
        "one_time_high": case.one_time.high,
        "yearly_saving": None if case.yearly_saving is None else case.yearly_saving.expected,
        "npv": None if case.npv is None else case.npv.expected,
        "payback_year": case.payback_year,
        "high_risks": sum(score >= HIGH_RISK for score in scores),
        "risk_top": sum(scores[:TOP_RISKS]),
        "plan_months": round(weeks * 12 / 52, 1),
        "readiness_percent": overall["all"],
    }


def test_two_scopes_side_by_side_are_their_reports_figures() -> None:
    snapshot = small_inventory()
    everything, no_clients = small_target(None), small_target(["A1", "A2", "A3"])
    result = compare_alternatives(
        snapshot, [("all.yaml", everything), ("no-a4.yaml", no_clients)], as_of=AS_OF
    )
    table = result.table
    assert tuple(table.columns) == ALTERNATIVE_COLUMNS
    assert table["file"].tolist() == ["all.yaml", "no-a4.yaml"]
    assert table["scope"].tolist() == ["all areas (A-I)", "A1, A2, A3"]
    assert table.loc[1, "outside"] == "A4, B, C, D, E, F, G, H, I"
    for row, report in zip(table.to_dict("records"), result.reports, strict=True):
        for column, value in _own_figures(report).items():
            if value is None:
                assert pd.isna(row[column]), column  # not given: empty, never 0
            else:
                assert row[column] == pytest.approx(value), column
    # by hand from the target's unit efforts (small_inventory's docstring):
    efforts = everything.efforts
    datacentre = (
        efforts.link_upgrade_hours
        + efforts.physical_server_migration_hours
        + efforts.os_upgrade_hours
    )  # 24 + 16 + 6
    # bb's DNS/DHCP replaced by the joint one (160 h), which aa joins (40 h)
    dns = efforts.platform_replacement_hours + efforts.capability_onboarding_hours
    # ten laptops upgraded (1.5 h) and enrolled (1 h); Intune, which neither has,
    # introduced once (160 h) and joined by aa and bb (40 h each)
    clients = (
        10 * efforts.client_os_upgrade_hours
        + 10 * efforts.client_reenrolment_hours
        + efforts.platform_replacement_hours
        + 2 * efforts.capability_onboarding_hours
    )
    assert table.loc[1, "effort_hours"] == pytest.approx(datacentre + dns)
    assert table.loc[0, "effort_hours"] == pytest.approx(datacentre + dns + clients)
    assert table.loc[0, "labour_cost"] == pytest.approx(
        (datacentre + dns + clients) * efforts.hourly_rate
    )
    # the one without A4 has no client items at all
    assert (result.reports[1].items["domain"] != "clients").all()
    assert (result.reports[0].items["domain"] == "clients").any()


def test_a_known_report_is_reused_not_computed_again() -> None:
    snapshot = small_inventory()
    target = small_target(None)
    first = compare_alternatives(snapshot, [("a.yaml", target)], as_of=AS_OF)
    again = compare_alternatives(
        snapshot, [("a.yaml", target)], as_of=AS_OF, known=[(target, first.reports[0])]
    )
    assert again.reports[0] is first.reports[0]


def test_a_missing_figure_is_empty_not_zero() -> None:
    report = compare_alternatives(
        small_inventory(), [("a.yaml", small_target(None))], as_of=AS_OF
    ).reports[0]
    bare = GapReport(**{**report.__dict__, "readiness_overall": pd.DataFrame()})
    row = alternative_row(bare, None)
    assert row["readiness_percent"] is None


def test_extends_takes_the_base_sections_it_does_not_state() -> None:
    base, _ = load_target(SAMPLES / "target.yaml")
    alternative, issues = load_target(SAMPLES / "alternatives" / "target-s.yaml")
    assert issues == [] and base is not None and alternative is not None
    assert alternative.scope == ["A", "B"] and alternative.name != base.name
    assert alternative.capabilities == base.capabilities
    assert alternative.efforts == base.efforts
    # what the base left to defaults stays a default (the assumptions table says so)
    assert alternative.efforts.model_fields_set == base.efforts.model_fields_set


def test_extends_a_broken_or_circular_base_is_an_issue_at_the_line(tmp_path: Path) -> None:
    (tmp_path / "a.yaml").write_text("name: a\nextends: b.yaml\n", encoding="utf-8")
    (tmp_path / "b.yaml").write_text("extends: a.yaml\nname: b\n", encoding="utf-8")
    target, issues = load_target(tmp_path / "a.yaml")
    assert target is None
    assert any("circle" in issue.message for issue in issues)
    assert issues[-1].file == str(tmp_path / "a.yaml") and issues[-1].line == 2


# -- the command line ------------------------------------------------------------------------


@pytest.fixture(scope="module")
def stored(sample_batch: ImportBatch, tmp_path_factory: pytest.TempPathFactory) -> str:
    url = f"sqlite:///{tmp_path_factory.mktemp('altdb') / 'inventory.db'}"
    with InventoryStore(url) as store:
        store.import_batch(sample_batch)
    return url


ALTERNATIVES = [str(SAMPLES / "alternatives" / name) for name in ("target-s.yaml", "target-2.yaml")]


def _gap(stored: str, *args: str) -> list[str]:
    return ["--db", stored, "gap", "--date", "2026-11-23", "-m", "gnosjo", *args]


def test_cli_alternatives_json_are_each_targets_gap(stored: str) -> None:
    result = runner.invoke(
        app, _gap(stored, "-t", ALTERNATIVES[0], "-t", ALTERNATIVES[1], "--format", "json")
    )
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert set(data) >= {"alternatives", "notes"}
    rows = data["alternatives"]
    assert [set(row) for row in rows] == [set(ALTERNATIVE_COLUMNS)] * 2
    assert [row["scope"] for row in rows] == ["A1-A4, B", "all areas (A-I)"]
    for row, file in zip(rows, ALTERNATIVES, strict=True):
        single = runner.invoke(app, _gap(stored, "-t", file, "--format", "json"))
        assert single.exit_code == 0, single.output
        assert row["effort_hours"] == json.loads(single.stdout)["total_hours"]
    # S leaves security (E) and business systems (F) to each municipality: less work
    assert rows[0]["effort_hours"] < rows[1]["effort_hours"]


def test_cli_alternatives_text_and_csv(stored: str, tmp_path: Path) -> None:
    text = runner.invoke(app, _gap(stored, "-t", ALTERNATIVES[0], "-t", ALTERNATIVES[1]))
    assert text.exit_code == 0, text.output
    assert "Alternatives" in text.stdout and text.stdout.count("GGVVH") >= 2
    out = tmp_path / "alt"
    csv = runner.invoke(
        app,
        _gap(
            stored,
            "-t",
            ALTERNATIVES[0],
            "-t",
            ALTERNATIVES[1],
            "--format",
            "csv",
            "--out",
            str(out),
        ),
    )
    assert csv.exit_code == 0, csv.output
    frame = pd.read_csv(out / "alternatives.csv")
    assert tuple(frame.columns) == ALTERNATIVE_COLUMNS and len(frame) == 2


def test_cli_an_invalid_second_target_exits_1_naming_it(stored: str, tmp_path: Path) -> None:
    bad = tmp_path / "bad-alternative.yaml"
    bad.write_text("name: x\nscope: [A7]\n", encoding="utf-8")
    result = runner.invoke(app, _gap(stored, "-t", ALTERNATIVES[0], "-t", str(bad)))
    assert result.exit_code == 1
    assert str(bad) in result.output
    assert "scope" in result.output


# -- the report's decision section and inventory study -------------------------------------


def _study_with_targets(files: dict[str, str | None]) -> StudyResults:
    """A study's alternatives as the report reads them (scores already ranked)."""
    ranking: list[dict[str, object]] = [
        {
            "id": name,
            "name": f"Alternative {name}",
            "rank": rank,
            "total": str(total),
            "scores": {"c": total},
            "reconstructed": [],
            "target": file,
        }
        for rank, (total, (name, file)) in enumerate(
            zip((23, 21, 20), files.items(), strict=False), start=1
        )
    ]
    study = {
        "study": "Small study",
        "source": None,
        "file": "",
        "scored": True,
        "weights": {"c": "1"},
        "criteria": {"c": "c"},
        "ranking": ranking,
        "unscored": [],
        "sensitivity": None,
    }
    return StudyResults.model_validate({"folder": "study", "files": [], "alternatives": [study]})


def test_decision_section_shows_scores_and_costs_side_by_side(tmp_path: Path) -> None:
    from inventory.render.document import Table
    from inventory.report.decision import cost_study_alternatives, decision_section

    snapshot = small_inventory()
    files = {}
    for name, scope in (("all", None), ("dc", ["A1"])):
        path = tmp_path / f"{name}.yaml"
        path.write_text(
            json.dumps(small_target(scope).model_dump(mode="json", exclude_unset=True)),
            encoding="utf-8",
        )  # JSON is YAML
        files[name] = str(path)
    study = _study_with_targets({**files, "unscored-target": None})
    main = small_target(["A1", "A2"])
    from inventory.gap.result import compute_gap

    gap = compute_gap(snapshot, main, as_of=AS_OF)
    costed = cost_study_alternatives(snapshot, study, main, gap, as_of=AS_OF)
    assert costed is not None
    assert costed.reports[-1] is gap  # the report's own target: reused, last
    section = decision_section(study, "en", costed)
    blocks = [block for _depth, part in section.walk() for block in part.blocks]
    table = next(b for b in blocks if isinstance(b, Table) and b.id == "study-alternatives")
    rows = [dict(zip([c.key for c in table.columns], row, strict=True)) for row in table.rows]
    by_name = {row["name"]: row for row in rows}
    hours = dict(zip(costed.table["file"], costed.table["effort_hours"], strict=True))
    scopes = dict(zip(costed.table["file"], costed.table["scope"], strict=True))
    for name, file in files.items():
        row = by_name[f"Alternative {name}"]
        assert row["hours"] == round(hours[file])
        assert row["scope"] == scopes[file]
    assert by_name["Alternative all"]["total"] == 23.0  # the score beside the cost
    assert by_name["Alternative unscored-target"]["hours"] is None  # not costed: empty
    assert any(str(row["name"]).startswith("This report's target") for row in rows)
    assert any(getattr(b, "method", None) == "alternatives" for b in blocks)


def test_an_invalid_alternative_target_is_an_error_naming_it(tmp_path: Path) -> None:
    from inventory.errors import TargetError
    from inventory.report.decision import cost_study_alternatives

    bad = tmp_path / "bad.yaml"
    bad.write_text("name: x\nscope: [Z]\n", encoding="utf-8")
    with pytest.raises(TargetError, match=r"bad\.yaml"):
        cost_study_alternatives(
            small_inventory(), _study_with_targets({"x": str(bad)}), None, None, as_of=AS_OF
        )


def test_study_alternatives_costed_json(stored: str) -> None:
    result = runner.invoke(
        app,
        [
            "--db",
            stored,
            "study",
            "alternatives",
            str(SAMPLES / "study"),
            "--costed",
            "--date",
            "2026-11-23",
            "--format",
            "json",
        ],
    )
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    targets = {
        option["id"]: option["target"] for study in data["ranking"] for option in study["ranking"]
    }
    assert targets["S"] == targets["1-teknik"] and targets["S"].endswith("target-s.yaml")
    costed = {row["file"]: row for row in data["costed"]["alternatives"]}
    assert set(costed) == {targets["S"], targets["2"]}
    assert costed[targets["S"]]["scope"] == "A1-A4, B"
    assert costed[targets["S"]]["effort_hours"] < costed[targets["2"]]["effort_hours"]


def _scope_saving(
    scope: list[str] | None, staff_fte: float, extra: list[dict[str, object]]
) -> float:
    """The yearly saving of a target of ``scope`` over a (600,000) and b (400,000), a
    running Microsoft 365 today (100 users, carried), staff at 100,000 per FTE."""
    from inventory.gap.costs import business_case
    from inventory.target.model import TargetArchitecture
    from tests.gap.test_costs import items, municipalities, snapshot

    inventory = snapshot(
        municipality=municipalities(
            {"code": "a", "name": "A", "employees": 100, "it_budget": 600_000},
            {"code": "b", "name": "B", "employees": 50, "it_budget": 400_000},
        ),
        platform=pd.DataFrame(
            {
                "municipality": ["a", "b"],
                "id": ["p1", "p1"],
                "capability": ["collaboration"] * 2,
                "product": ["Microsoft 365"] * 2,
            }
        ),
    )
    chosen = TargetArchitecture.model_validate(
        {
            "name": f"scope {scope}",
            "scope": scope,
            "economics": {
                "running": {
                    "staff_fte": staff_fte,
                    "cost_per_fte": 100_000,
                    "hosting_per_year": 0,
                    "lines": [
                        {"name": "Microsoft 365 E3", "per": "user", "price_per_year": 4300},
                        *extra,
                    ],
                }
            },
        }
    )
    case = business_case(inventory, chosen, items())
    assert case.yearly_saving is not None
    return case.yearly_saving.expected


def test_a_scopes_saving_is_the_sum_over_its_areas_and_the_full_scope_adds_the_rest() -> None:
    # Microsoft 365 runs today in both: 150 users x 4,300 = 645,000 carried, in neither
    # side of the saving; today's cost less it is split by the areas' reference shares
    # (study_areas.yaml): A1-A4 and B 8 % each, C and D 12.5 %, E-I 7 % each
    rest = 1_000_000 - 150 * 4300  # 355,000
    shares = {
        "A1": 8,
        "A2": 8,
        "A3": 8,
        "A4": 8,
        "B": 8,
        "C": 12.5,
        "D": 12.5,
        "E": 7,
        "F": 7,
        "G": 7,
        "H": 7,
        "I": 7,
    }
    # the joint staff of A and B: 4 FTE (0.8 per area, as their shares are equal); the
    # full scope runs 10 FTE and a SIEM (area E, 50,000)
    narrow = _scope_saving(["A", "B"], 4, [])
    per_area_narrow = {
        area: shares[area] / 100 * rest - 0.8 * 100_000 for area in ("A1", "A2", "A3", "A4", "B")
    }
    assert narrow == pytest.approx(sum(per_area_narrow.values()))  # 0.4 x 355,000 - 400,000
    assert narrow == pytest.approx(0.4 * 355_000 - 400_000)
    siem = {"name": "SIEM", "per": "organisation", "price_per_year": 50_000}
    full = _scope_saving(None, 10, [siem])
    # the other areas: their share of the rest less their 6 FTE and the SIEM
    others = (
        sum(shares[area] for area in ("C", "D", "E", "F", "G", "H", "I")) / 100 * rest
        - 6 * 100_000
        - 50_000
    )
    assert full == pytest.approx(narrow + others)
    assert full == pytest.approx(355_000 - 10 * 100_000 - 50_000)
