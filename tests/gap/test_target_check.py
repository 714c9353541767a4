"""The target's own minimum releases against the lifecycle catalogue at the report date
and the plan's end (docs/method.md#end-of-life). A catalogue of our own for ESXi and
Veeam, so the dates of the test are its inputs; states and advice worked out by hand."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pandas as pd
import pytest

from inventory.analyse.catalogue import Catalogue, Release
from inventory.analyse.normalise import Normaliser
from inventory.gap.blocks import target_blocks
from inventory.gap.result import GapReport
from inventory.gap.target_check import plan_end, target_lifecycle, target_notes
from inventory.language.i18n import LANGUAGES
from inventory.report.target_check import target_lifecycle_blocks
from inventory.target.model import TargetArchitecture

AS_OF = dt.date(2026, 11, 23)
END = dt.date(2030, 2, 4)  # the plan's end; horizon 12 months: 2031-02-04
HORIZON = 12


def _release(cycle: str, eol: dt.date | bool) -> Release:
    return Release(
        cycle=cycle,
        label=None,
        release_date=None,
        eol=eol,
        eoas=None,
        eoes=None,
        latest=None,
        lts=False,
    )


@pytest.fixture(scope="module")
def normaliser() -> Normaliser:
    base = Normaliser.default()
    products = dict(base.catalogue.products)
    products["vmware-esxi"] = dataclasses.replace(
        products["vmware-esxi"],
        releases=(
            _release("9.1", dt.date(2031, 12, 31)),  # outlasts 2031-02-04
            _release("9.0", dt.date(2031, 3, 1)),  # outlasts it too, and is lower
            _release("8.0", dt.date(2027, 10, 11)),  # ends in the plan
            _release("7.0", dt.date(2025, 10, 2)),
        ),
    )  # past at the report date
    products["veeam-backup-and-replication"] = dataclasses.replace(
        products["veeam-backup-and-replication"],
        releases=(_release("13", dt.date(2028, 11, 1)), _release("12", dt.date(2027, 2, 1))),
    )
    catalogue = Catalogue(products=products, commit=None, license="test")
    return Normaliser(catalogue, base.aliases)


def _table(normaliser: Normaliser, capabilities: dict[str, object]) -> pd.DataFrame:
    target = TargetArchitecture.model_validate({"name": "t", "capabilities": capabilities})
    table = target_lifecycle(
        target_blocks(target, normaliser), normaliser, as_of=AS_OF, end=END, horizon_months=HORIZON
    )
    return table.set_index("min_version")


def _choice(product: str, vendor: str, minimum: str) -> dict[str, object]:
    return {"products": [{"product": product, "vendor": vendor, "min_version": minimum}]}


def test_a_minimum_that_ends_during_the_plan_is_raised_to_the_lowest_that_outlasts_it(
    normaliser: Normaliser,
) -> None:
    table = _table(normaliser, {"hypervisor": _choice("VMware vSphere", "VMware", "8.0")})
    row = table.loc["8.0"]
    assert row["eol"] == dt.date(2027, 10, 11)
    # 2027-10-11 is within 12 months of 2026-11-23: ending; before 2030-02-04: past then
    assert (row["state_at_report"], row["state_at_plan_end"]) == ("ending", "end_of_life")
    assert row["verdict"] == "ends_in_plan"
    # 9.0 (2031-03-01) and 9.1 (2031-12-31) both outlast 2031-02-04: the lower one
    assert (row["option"], row["option_eol"]) == ("9.0", dt.date(2031, 3, 1))
    notes = [str(note) for note in target_notes(table.reset_index(), HORIZON)]
    assert notes == [
        "The target's VMware ESXi 8.0 reaches its end of support on 2027-10-11,"
        " before the plan ends (2030-02-04): raise min_version to 9.0"
        " (supported until 2031-03-01)."
    ]


def test_a_minimum_already_past_is_said_so(normaliser: Normaliser) -> None:
    row = _table(normaliser, {"hypervisor": _choice("VMware vSphere", "VMware", "7.0")}).loc["7.0"]
    assert (row["state_at_report"], row["verdict"]) == ("end_of_life", "past")


def test_a_minimum_within_the_horizon_after_the_plan_warns(normaliser: Normaliser) -> None:
    # 9.0 ends 2031-03-01: after the plan's end, and after 2031-02-04 (end + 12 months)
    assert (
        _table(normaliser, {"hypervisor": _choice("VMware vSphere", "VMware", "9.0")}).loc[
            "9.0", "verdict"
        ]
        == "ok"
    )
    table = target_lifecycle(
        target_blocks(
            TargetArchitecture.model_validate(
                {
                    "name": "t",
                    "capabilities": {"hypervisor": _choice("VMware vSphere", "VMware", "9.0")},
                }
            ),
            normaliser,
        ),
        normaliser,
        as_of=AS_OF,
        end=dt.date(2030, 6, 1),
        horizon_months=HORIZON,
    )
    # a plan ending 2030-06-01: 2031-03-01 is within 12 months after it
    assert table["state_at_plan_end"].tolist() == ["ending"]
    assert table["verdict"].tolist() == ["ends_after_plan"]


def test_no_release_lasts_long_enough_plan_the_next_upgrade(normaliser: Normaliser) -> None:
    table = _table(normaliser, {"backup": _choice("Veeam Backup & Replication", "Veeam", "12")})
    row = table.loc["12"]
    assert row["verdict"] == "ends_in_plan"
    # neither 12 (2027-02-01) nor 13 (2028-11-01) outlasts the plan: the longest, 13
    assert (row["option"], row["option_eol"]) == ("13", dt.date(2028, 11, 1))
    assert "the longest: 13, until 2028-11-01" in str(target_notes(table.reset_index(), HORIZON)[0])
    at_13 = _table(normaliser, {"backup": _choice("Veeam Backup & Replication", "Veeam", "13")})
    assert "plan the next upgrade" in str(target_notes(at_13.reset_index(), HORIZON)[0])


def test_an_unknown_product_is_a_note_never_silent(normaliser: Normaliser) -> None:
    table = _table(normaliser, {"monitoring": _choice("Zyxwv Monitor", "Zyxwv", "3")})
    assert table.loc["3", "verdict"] == "unknown"
    assert "check its support" in str(target_notes(table.reset_index(), HORIZON)[0])


def test_products_without_a_minimum_are_not_listed(normaliser: Normaliser) -> None:
    table = _table(
        normaliser, {"email": {"products": [{"product": "Exchange Online", "vendor": "Microsoft"}]}}
    )
    assert table.empty


def test_plan_end_is_the_last_package_end() -> None:
    plan = pd.DataFrame({"end": [dt.date(2028, 1, 3), dt.date(2030, 2, 4)]})
    assert plan_end(plan, AS_OF) == dt.date(2030, 2, 4)
    assert plan_end(pd.DataFrame(), AS_OF) == AS_OF


def test_the_samples_target_is_checked(gap_report: GapReport) -> None:
    table = gap_report.target_lifecycle
    assert {"vmware-esxi", "windows", "mssqlserver"} <= set(table["product_id"])
    # what the catalogue supports past the plan's end is not warned about
    sql = table[table["product_id"] == "mssqlserver"].iloc[0]
    assert sql["verdict"] == "ok"
    warned = table[table["verdict"] != "ok"]
    notes = [str(note) for note in gap_report.notes]  # messages: their English text
    for product in warned["product"]:
        assert any(note.startswith(f"The target's {product} ") for note in notes), product


def test_report_sentences_in_every_language(gap_report: GapReport) -> None:
    for lang in LANGUAGES:
        blocks = target_lifecycle_blocks(gap_report, lang)
        assert blocks[-1].id == "gap-target-lifecycle"
        assert len(blocks[-1].rows) == len(gap_report.target_lifecycle)
