"""The risk register (docs/method.md#risk-register) on a small hand-made inventory, and the
summary's first screen against the sections it links to."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

import pytest

from inventory.analyse.normalise import Normaliser
from inventory.analyse.overlap import compute_overlap
from inventory.gap.result import GapReport, compute_gap
from inventory.gap.risk import APPLICATION_STEPS, CRITICALITY_SCORE, step_score
from inventory.render.document import KeyFigures, Table
from inventory.render.html import render_html
from inventory.report.board import first_wave
from inventory.report.builder import ReportInputs, build_report
from inventory.report.risk_register import (
    CONTROL_CONSEQUENCE,
    PROBABILITY_BANDS,
    RiskEntry,
    probability_likelihood,
    risk_register,
    risk_text,
    wave_text,
)
from inventory.snapshot import InventorySnapshot
from inventory.target.model import TargetArchitecture
from inventory.validate import validate_paths

# ESXi 6.7 ended 2022-10-15 and Windows Server 2012 R2 2023-10-10: both past on this date.
AS_OF = dt.date(2026, 11, 23)

TARGET: dict[str, Any] = {
    "name": "test",
    "lifecycle": {"horizon_months": 12},
    "capabilities": {
        "hypervisor": {
            "products": [{"product": "VMware vSphere", "vendor": "VMware", "min_version": "8.0"}]
        }
    },
    "server_os": [{"product": "Windows Server", "vendor": "Microsoft", "min_version": "2022"}],
    # a high application needs redundancy: a single physical server under one is a risk
    "sla": {"high": {"availability_percent": 99.5, "redundancy_required": True}},
}


def _inventory(folder: Path) -> Path:
    """Three ESXi 6.7 hosts in one cluster carrying 13 VMs with an application each (2
    critical, 400 users the most); a physical Windows Server 2012 R2 server in no cluster
    with one high application of 30 users. No security platform of any kind."""
    inventory = folder / "testby"
    inventory.mkdir()
    servers = ["id,hostname,kind,site,cluster,host,role,os_product,os_version"]
    servers += [
        f"esx0{n},ESX0{n},physical,DC1,cl1,,hypervisor,VMware ESXi,6.7 U3" for n in (1, 2, 3)
    ]
    servers += [
        f"vm{n:02},VM{n:02},virtual,DC1,cl1,,application,Windows Server,2022" for n in range(1, 14)
    ]
    servers.append("old01,OLD01,physical,DC1,,,application,Windows Server,2012 R2")
    applications = ["id,name,vendor,product,business_area,deployment,depends_on,users,criticality"]
    for n in range(1, 14):
        criticality = "critical" if n <= 2 else "medium"
        users = 400 if n == 1 else 50
        applications.append(
            f"app{n:02},System {n:02},Vendor,Product {n:02},finance,on_prem,"
            f"vm{n:02},{users},{criticality}"
        )
    applications.append("app14,System 14,Vendor,Product 14,finance,on_prem,old01,30,high")
    files = {
        "municipality.csv": "code,name,country,population,employees\n"
        "testby,Testby kommun,SE,10000,800\n",
        "sites.csv": "id,name,kind\nDC1,Datacentre,datacentre\n",
        "servers.csv": "\n".join(servers) + "\n",
        "applications.csv": "\n".join(applications) + "\n",
    }
    for name, text in files.items():
        (inventory / name).write_text(text, encoding="utf-8")
    return inventory


@pytest.fixture(scope="module")
def made(tmp_path_factory: pytest.TempPathFactory) -> tuple[InventorySnapshot, GapReport]:
    batch = validate_paths([_inventory(tmp_path_factory.mktemp("register"))])
    assert batch.report.valid, batch.report
    snapshot = InventorySnapshot.from_batch(batch)
    return snapshot, compute_gap(snapshot, TargetArchitecture.model_validate(TARGET), as_of=AS_OF)


def _one(entries: list[RiskEntry], risk_class: str, variant: str, **params: Any) -> RiskEntry:
    found = [
        e
        for e in entries
        if e.risk_class == risk_class
        and e.variant == variant
        and all(e.params.get(k) == v for k, v in params.items())
    ]
    assert len(found) == 1, (risk_class, variant, [(e.risk_class, e.variant) for e in entries])
    return found[0]


def _waves(gap: GapReport, assets: set[str], actions: set[str]) -> set[int]:
    items = gap.items
    rows = items[items["asset"].isin(assets) & items["action"].isin(actions)]
    return {int(wave) for wave in rows["wave"]}


def test_end_of_life_rows_group_alike_assets_with_their_counts(
    made: tuple[InventorySnapshot, GapReport],
) -> None:
    _, gap = made
    entries = risk_register(gap)
    hosts = _one(entries, "eol", "end_of_life", products="VMware ESXi 6.7")
    # three hosts of one capability and state: one row, 13 applications depend on them
    assert (hosts.count, hosts.params["applications"]) == (3, 13)
    # consequence: the risk ranking's for these hosts: 2 critical applications (5), 13
    # applications (10 or more: 5), 400 users (100-999: 3) -> 5
    assert (
        hosts.consequence
        == max(CRITICALITY_SCORE["critical"], step_score(13, APPLICATION_STEPS), 3)
        == 5
    )
    # likelihood: past end of life (4); the plan upgrades the hosts (os_upgrade): +0
    upgraded = _waves(gap, {"testby:esx01", "testby:esx02", "testby:esx03"}, {"os_upgrade"})
    assert upgraded, "the plan upgrades the hosts"
    assert hosts.likelihood == 4 + 0
    assert hosts.wave == max(upgraded)  # removed when the last host is upgraded
    assert hosts.score == 20 and hosts.level == "high"
    old = _one(entries, "eol", "end_of_life", products="Windows Server 2012 R2")
    # one server, one high application of 30 users: max(high 4, 1 application 2, 30
    # people 2) = 4; past end of life and upgraded by the plan: 4
    assert (old.count, old.params["applications"]) == (1, 1)
    assert old.consequence == max(4, step_score(1, APPLICATION_STEPS), 2) == 4
    assert old.likelihood == 4
    # the sentence counts one asset and one application in the singular
    assert "1 asset past end of life, carrying 1 application" in risk_text(old, {}, "en")


def test_a_single_server_under_a_service_level_that_needs_redundancy(
    made: tuple[InventorySnapshot, GapReport],
) -> None:
    _, gap = made
    single = _one(risk_register(gap), "single_point", "single_physical_server")
    assert single.params["server"] == "old01" and single.params["applications"] == 1
    # consequence: high (4) against one application (2) -> 4; likelihood: possible (3),
    # and no item of the plan removes it (a physical server is not virtualised): +1 -> 4
    assert single.consequence == max(4, 2) == 4
    assert not _waves(gap, {"testby:old01"}, {"virtual_server_migration", "host_registration"})
    assert single.likelihood == 3 + 1 and single.wave is None
    assert wave_text(single, "sv") == "—"


def test_missing_security_controls_by_control(made: tuple[InventorySnapshot, GapReport]) -> None:
    _, gap = made
    missing = gap.security[~gap.security["compliant"].astype(bool)]
    entries = [e for e in risk_register(gap) if e.risk_class == "security"]
    # one row per missing control (one municipality here), consequence from the control
    assert sorted(e.variant for e in entries) == sorted(missing["control"])
    for entry in entries:
        assert entry.consequence == CONTROL_CONSEQUENCE[entry.variant]
        # possible (3), one more when no item brings the municipality to the baseline
        assert entry.likelihood == (3 if entry.wave is not None else 3 + 1)


def test_the_register_is_ordered_by_likelihood_times_consequence(
    made: tuple[InventorySnapshot, GapReport],
) -> None:
    _, gap = made
    entries = risk_register(gap)
    scores = [(e.score, e.consequence) for e in entries]
    assert scores == sorted(scores, reverse=True)
    assert entries[0].score == max(e.likelihood * e.consequence for e in entries)


def test_the_saving_below_zero_in_bands() -> None:
    # -19 to 44: 19 of 63 below zero = 0.30 -> band 0.30-0.50: 3
    assert probability_likelihood(19 / 63) == 3
    assert [probability_likelihood(p) for p in (0.0, 0.1, 0.29, 0.5, 0.69, 0.7, 1.0)] == [
        1,
        2,
        2,
        4,
        4,
        5,
        5,
    ]
    assert PROBABILITY_BANDS[0] == (0.10, 1)


# -- the summary's first screen ------------------------------------------------------------


@pytest.fixture(scope="module")
def inputs(made: tuple[InventorySnapshot, GapReport]) -> ReportInputs:
    snapshot, gap = made
    target = TargetArchitecture.model_validate(TARGET)
    return ReportInputs(
        snapshot, compute_overlap(snapshot, Normaliser.default()), gap, target, None, AS_OF
    )


def test_the_summary_leads_with_the_register_and_the_first_wave(inputs: ReportInputs) -> None:
    gap = inputs.gap
    assert gap is not None
    document = build_report(inputs, lang="en")
    summary = document.sections[0]
    board = next(b for b in summary.blocks if isinstance(b, KeyFigures))
    figures = {f.label: f for f in board.figures}
    # no study folder: said so, not left out
    assert figures["Recommended alternative"].value == "none compared"
    assert "no alternatives were compared" in figures["Recommended alternative"].note
    # the first wave's date: the earliest start of the lowest wave's packages
    lowest = int(gap.plan["wave"].min())
    start = min(gap.plan.loc[gap.plan["wave"] == lowest, "start"])
    wave = first_wave(gap)
    assert wave is not None and (wave.wave, wave.start) == (lowest, start)
    from inventory.language.formatting import format_date

    assert figures["First wave starts"].value == format_date(start, "en")
    assert figures["First wave starts"].section == "plan"
    # the three risks are the register's first three, in its order
    table = next(b for b in summary.blocks if isinstance(b, Table) and b.id == "summary-risks")
    register = next(s for s in document.sections if s.id == "risk-register")
    full = next(b for b in register.blocks if isinstance(b, Table))
    assert table.column_values("risk") == full.column_values("risk")[:3]
    assert len(full.rows) == len(risk_register(gap))
    # the register comes right after the plan (no study: no decision section)
    ids = [s.id for s in document.sections]
    assert ids.index("risk-register") == ids.index("plan") + 1
    # every link of the page goes to a section or table that exists on it
    html = render_html(document)
    anchors = set(re.findall(r'\sid="([^"]+)"', html))
    links = set(re.findall(r'href="#([^"]+)"', html))
    assert {"risk-register", "plan"} <= links
    assert links - {"top"} <= anchors


# -- on the samples, with the study ---------------------------------------------------------


@pytest.fixture(scope="module")
def samples_inputs(
    sample_snapshot: InventorySnapshot, sample_target: TargetArchitecture, samples_dir: Path
) -> ReportInputs:
    from inventory.report.builder import analyse_inventory

    return analyse_inventory(
        sample_snapshot, sample_target, as_of=AS_OF, study_folder=samples_dir / "study"
    )


@pytest.fixture(scope="module")
def samples_dir() -> Path:
    return Path(__file__).resolve().parents[2] / "samples"


@pytest.mark.parametrize("lang", ["en", "sv", "no"])
def test_the_first_screen_equals_the_sections(samples_inputs: ReportInputs, lang: Any) -> None:
    from inventory.gap.money import format_range
    from inventory.language.formatting import format_date
    from inventory.study.recommendation import recommendation

    gap = samples_inputs.gap
    assert gap is not None and gap.business_case is not None
    case = gap.business_case
    document = build_report(samples_inputs, lang=lang)
    board = next(b for b in document.sections[0].blocks if isinstance(b, KeyFigures))
    recommended, one_time, saving, payback, wave = board.figures
    # cost and saving as the business case section writes them (ranges rounded as a person
    # writes them), and that section's paragraph says the same
    section = next(s for s in document.sections if s.id == one_time.section)
    text = " ".join(b.text for b in section.blocks if hasattr(b, "text"))
    assert one_time.value == format_range(case.one_time, case.currency, lang)
    assert case.yearly_saving is not None
    assert saving.value == format_range(case.yearly_saving, case.currency, lang)
    assert str(one_time.value) in text and str(saving.value) in text
    # payback: the samples' expected saving does not pay back within the plan + 5 years:
    # "after" the cash flow's last calendar year; the best case is a year, as in the section
    assert case.payback_year is None
    last = case.cash_flow["starts"].iloc[-1].year
    assert str(last) in str(payback.value)
    assert str(case.payback_best_calendar_year) in payback.note
    # the first wave: the earliest start of wave 1's packages, linked to the plan
    lowest = gap.plan[gap.plan["wave"] == gap.plan["wave"].min()]
    assert wave.value == format_date(min(lowest["start"]), lang) and wave.section == "plan"
    # the recommendation: the study's lead, not robust on the samples (a 1-point lead)
    assert samples_inputs.study is not None
    found = recommendation(samples_inputs.study, samples_inputs.alternatives)
    assert found is not None and not found.robust
    assert str(recommended.value) in found.lead_name
    assert recommended.section == "decision-recommendation"
    # the register right after the decision section
    ids = [s.id for s in document.sections]
    assert ids.index("risk-register") == ids.index("decision-support") + 1
    # every link resolves to an id of the page
    html = render_html(document)
    anchors = set(re.findall(r'\sid="([^"]+)"', html))
    links = set(re.findall(r'href="#([^"]+)"', html))
    assert {"business-case", "plan", "risk-register", "decision-recommendation"} <= links
    assert links - {"top"} <= anchors
