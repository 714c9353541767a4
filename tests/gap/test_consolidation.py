"""Consolidation: one instance per capability, the merge priced once, by hand.

Every expected figure is written out from the inventory below and the target's unit
efforts (``target.efforts``), never copied from the output.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pandas as pd

from inventory.analyse.graph import build_graph
from inventory.analyse.normalise import Normaliser
from inventory.gap.blocks import baseline_assets, baseline_blocks, gap_matrix, target_blocks
from inventory.gap.capacity import site_capacity
from inventory.gap.consolidation import (
    JOINT,
    Consolidation,
    ConsolidationTable,
    consolidate,
    off_joint_instance,
    on_joint_instance,
)
from inventory.gap.dependents import DependencyIndex
from inventory.gap.effort import migration_items
from inventory.gap.interconnect import interconnect_gaps
from inventory.snapshot import InventorySnapshot
from inventory.target.model import TargetArchitecture
from tests.analyse.conftest import build_snapshot

AS_OF = dt.date(2026, 11, 23)
A, B, C = "aa", "bb", "cc"
EMPLOYEES = {A: 100, B: 200, C: 300}
WINDOWS_SERVERS = {A: 10, B: 20, C: 30}


def inventory(
    platforms: list[dict[str, Any]], clients: list[dict[str, Any]] | None = None
) -> InventorySnapshot:
    """Three municipalities, each with a datacentre, two domain controllers and
    10/20/30 Windows member servers, 100/200/300 employees; ``platforms`` as given."""
    records: dict[str, list[dict[str, Any]]] = {
        "municipality": [
            {
                "municipality": m,
                "code": m,
                "name": m.title(),
                "country": "SE",
                "employees": EMPLOYEES[m],
                "students_with_devices": 2 * EMPLOYEES[m],
            }
            for m in (A, B, C)
        ],
        "site": [{"municipality": m, "id": "DC1", "kind": "datacentre"} for m in (A, B, C)],
        "server": [
            *(
                {
                    "municipality": m,
                    "id": f"dc0{n}",
                    "kind": "virtual",
                    "site": "DC1",
                    "role": "domain_controller",
                    "os_product": "Windows Server",
                    "os_version": "2022",
                }
                for m in (A, B, C)
                for n in (1, 2)
            ),
            *(
                {
                    "municipality": m,
                    "id": f"app{n:02d}",
                    "kind": "virtual",
                    "site": "DC1",
                    "role": "application",
                    "os_product": "Windows Server",
                    "os_version": "2022",
                }
                for m in (A, B, C)
                for n in range(WINDOWS_SERVERS[m])
            ),
            # a Linux server is not joined to the directory
            *(
                {
                    "municipality": m,
                    "id": "web01",
                    "kind": "virtual",
                    "site": "DC1",
                    "role": "web",
                    "os_product": "Red Hat Enterprise Linux",
                    "os_version": "9",
                }
                for m in (A, B, C)
            ),
        ],
        "platform": platforms,
    }
    if clients:
        records["client"] = clients
    return build_snapshot(records)


def directories(**extra: Any) -> list[dict[str, Any]]:
    """Each municipality its own Active Directory."""
    return [
        {
            "municipality": m,
            "id": "p-ad",
            "capability": "directory",
            "vendor": "Microsoft",
            "product": "Microsoft Active Directory",
            "version": "2019",
            **extra,
        }
        for m in (A, B, C)
    ]


def target_of(capabilities: dict[str, Any]) -> TargetArchitecture:
    return TargetArchitecture.model_validate(
        {
            "name": "consolidation test",
            "capabilities": capabilities,
            "datacentres": {"primary": f"{A}:DC1"},
        }
    )


def run(
    snapshot: InventorySnapshot, target: TargetArchitecture
) -> tuple[Consolidation, pd.DataFrame]:
    normaliser = Normaliser.default()
    assets = baseline_assets(snapshot, normaliser, AS_OF, fleets=True)
    targets = target_blocks(target, normaliser)
    matrix, _ = gap_matrix(baseline_blocks(assets), targets, normaliser)
    return consolidate(snapshot, target, assets, matrix, targets, normaliser), assets


def hours_of(lines: pd.DataFrame) -> float:
    return round(float((lines["quantity"] * lines["unit_hours"]).sum()), 1)


AD = {"directory": {"products": [{"product": "Microsoft Active Directory", "vendor": "Microsoft"}]}}


def test_three_directories_merge_into_the_primary_municipalitys() -> None:
    target = target_of(AD)
    result, _ = run(inventory(directories()), target)
    e = target.efforts
    # bb and cc merge into aa's (the primary datacentre's municipality): per directory the
    # fixed merge, per employee the account, per Windows member server the rejoin (the
    # domain controllers retire, the Linux server is not joined)
    expected = (
        2 * e.directory_consolidation_hours
        + (200 + 300) * e.directory_migration_hours_per_user
        + (20 + 30) * e.server_rejoin_hours
    )
    assert expected == 2 * 160 + 500 * 0.1 + 50 * 2  # the defaults: 470 hours
    row = result.table.iloc[0]
    assert (row["capability"], row["instances_today"], row["instances_target"]) == (
        "directory",
        3,
        1,
    )
    assert row["kept"] == f"{A}:Microsoft Active Directory"
    assert row["merging"] == f"{C}:Microsoft Active Directory; {B}:Microsoft Active Directory"
    assert row["hours"] == expected
    assert row["cost"] == expected * e.hourly_rate
    assert "primary datacentre" in row["note"]
    assert hours_of(result.lines) == expected
    lines = result.lines.set_index(["municipality", "action"])
    assert lines.loc[(B, "user_migration"), "quantity"] == 200
    assert lines.loc[(C, "server_rejoin"), "quantity"] == 30
    assert A not in set(result.lines["municipality"])
    ConsolidationTable.validate(result.table)


def test_runs_at_decides_which_is_kept() -> None:
    capabilities = {"directory": {**AD["directory"], "runs_at": f"{C}:DC1"}}
    target = target_of(capabilities)
    result, _ = run(inventory(directories()), target)
    e = target.efforts
    expected = (
        2 * e.directory_consolidation_hours
        + (100 + 200) * e.directory_migration_hours_per_user
        + (10 + 20) * e.server_rejoin_hours
    )
    row = result.table.iloc[0]
    assert row["kept"].startswith(f"{C}:")
    assert row["hours"] == expected
    assert "runs_at" in row["note"]


def test_instances_two_keeps_two() -> None:
    capabilities = {"directory": {**AD["directory"], "instances": 2}}
    target = target_of(capabilities)
    result, _ = run(inventory(directories()), target)
    e = target.efforts
    # kept: aa (primary datacentre's municipality), then cc (the largest by users, 300)
    expected = (
        e.directory_consolidation_hours
        + 200 * e.directory_migration_hours_per_user
        + 20 * e.server_rejoin_hours
    )
    row = result.table.iloc[0]
    assert row["instances_target"] == 2
    assert row["kept"] == f"{A}:Microsoft Active Directory; {C}:Microsoft Active Directory"
    assert row["merging"] == f"{B}:Microsoft Active Directory"
    assert row["hours"] == expected
    assert set(result.lines["municipality"]) == {B}


def test_a_shared_directory_counts_once() -> None:
    platforms = directories()
    platforms[2] = {**platforms[2], "runs_on": [f"{A}:dc01"]}  # cc uses aa's directory
    target = target_of(AD)
    result, _ = run(inventory(platforms), target)
    e = target.efforts
    row = result.table.iloc[0]
    assert row["instances_today"] == 2
    assert row["merging"] == f"{B}:Microsoft Active Directory"
    assert row["hours"] == (
        e.directory_consolidation_hours
        + 200 * e.directory_migration_hours_per_user
        + 20 * e.server_rejoin_hours
    )


SIEM = {"logging_siem": {"products": [{"product": "Microsoft Sentinel", "vendor": "Microsoft"}]}}


def test_a_siem_none_has_is_introduced_once_and_joined_by_each() -> None:
    target = target_of(SIEM)
    result, _ = run(inventory([]), target)
    e = target.efforts
    expected = e.platform_replacement_hours + 3 * e.capability_onboarding_hours
    assert expected == 160 + 3 * 40
    row = result.table.iloc[0]
    assert (row["instances_today"], row["instances_target"]) == (0, 1)
    assert row["kept"] == f"{JOINT}:Microsoft Sentinel (new)"
    assert row["hours"] == expected
    introduced = result.lines[result.lines["action"] == "platform_introduction"]
    assert introduced["municipality"].tolist() == [JOINT]
    assert introduced["quantity"].tolist() == [1.0]
    onboarding = result.lines[result.lines["action"] == "capability_onboarding"]
    assert sorted(onboarding["municipality"]) == [A, B, C]


def test_a_siem_one_runs_is_kept_and_the_others_join_it() -> None:
    platforms = [
        {
            "municipality": B,
            "id": "p-siem",
            "capability": "logging_siem",
            "vendor": "Microsoft",
            "product": "Microsoft Sentinel",
        }
    ]
    target = target_of(SIEM)
    result, _ = run(inventory(platforms), target)
    e = target.efforts
    row = result.table.iloc[0]
    assert row["kept"] == f"{B}:Microsoft Sentinel"
    assert row["hours"] == 2 * e.capability_onboarding_hours  # aa and cc join: no introduction
    assert "platform_introduction" not in set(result.lines["action"])
    assert "largest by users" in row["note"]


def test_mail_merges_per_mailbox_and_a_product_change_is_a_replacement() -> None:
    platforms = [
        {
            "municipality": A,
            "id": "p-mail",
            "capability": "email",
            "vendor": "Microsoft",
            "product": "Exchange Online",
            "deployment": "saas",
        },
        {
            "municipality": B,
            "id": "p-mail",
            "capability": "email",
            "vendor": "Microsoft",
            "product": "Exchange Online",
            "deployment": "saas",
        },
        {
            "municipality": C,
            "id": "p-mail",
            "capability": "email",
            "vendor": "Microsoft",
            "product": "Microsoft Exchange Server",
            "version": "2016",
        },
    ]
    target = target_of(
        {
            "email": {
                "products": [{"product": "Exchange Online", "vendor": "Microsoft"}],
                "deployment": "saas",
            }
        }
    )
    snapshot = inventory(platforms)
    result, assets = run(snapshot, target)
    e = target.efforts
    # bb: the same product, tenant to tenant: the fixed merge and a mailbox per employee;
    # cc: Exchange Server to the joint Exchange Online: a replacement and its mailboxes
    expected_b = e.directory_consolidation_hours + 200 * e.mailbox_migration_hours
    expected_c = e.platform_replacement_hours + 300 * e.mailbox_migration_hours
    lines = result.lines
    assert hours_of(lines[lines["municipality"] == B]) == expected_b
    assert hours_of(lines[lines["municipality"] == C]) == expected_c
    assert result.table.iloc[0]["hours"] == expected_b + expected_c
    # the matrix's own replacement of cc's Exchange Server is not counted a second time
    normaliser = Normaliser.default()
    targets = target_blocks(target, normaliser)
    matrix, _ = gap_matrix(baseline_blocks(assets), targets, normaliser)
    dependencies = DependencyIndex(build_graph(snapshot))
    sites, _ = site_capacity(snapshot, target, dependencies)
    items = migration_items(
        snapshot,
        target,
        assets,
        matrix,
        targets,
        interconnect_gaps(snapshot, target, dependencies),
        sites,
        dependencies,
        normaliser,
        result,
    )
    replacements = items[items["action"] == "platform_replacement"]
    assert replacements["municipality"].tolist() == [C]
    mail = items[items["domain"] == result.table.iloc[0]["domain"]]
    assert round(float(mail["hours"].sum()), 1) == expected_b + expected_c


def test_devices_move_with_their_tenant() -> None:
    platforms = [
        {
            "municipality": m,
            "id": "p-intune",
            "capability": "endpoint_management",
            "vendor": "Microsoft",
            "product": "Microsoft Intune",
        }
        for m in (A, B)
    ]
    clients = [
        {
            "municipality": B,
            "id": "PC-1",
            "kind": "laptop",
            "os_product": "Windows",
            "os_version": "11 24H2",
            "managed_by": "p-intune",
            "user_group": "staff",
            "quantity": 50,
        }
    ]
    target = target_of(
        {
            "endpoint_management": {
                "products": [{"product": "Microsoft Intune", "vendor": "Microsoft"}]
            }
        }
    )
    result, _ = run(inventory(platforms, clients), target)
    e = target.efforts
    # bb's 50 managed laptops are reset and enrolled in the joint tenant; cc has no
    # device management: it joins
    assert result.table.iloc[0]["hours"] == (
        50 * e.device_tenant_move_hours + e.capability_onboarding_hours
    )


def test_readiness_mask_marks_the_merging_instances() -> None:
    result, assets = run(inventory(directories()), target_of(AD))
    off = off_joint_instance(assets, result)
    marked = assets[off]
    assert sorted(zip(marked["municipality"], marked["record_id"], strict=True)) == [
        (B, "p-ad"),
        (C, "p-ad"),
    ]
    assert (on_joint_instance(assets, result) == ~off).all()
    assert result.instance_keys == {f"{m}:p-ad" for m in (A, B, C)}


def test_a_municipality_no_link_joins_to_the_datacentre_gets_a_new_link() -> None:
    snapshot = inventory(directories())  # no links at all: bb and cc reach no datacentre
    target = target_of(AD)
    result, assets = run(snapshot, target)
    normaliser = Normaliser.default()
    targets = target_blocks(target, normaliser)
    matrix, _ = gap_matrix(baseline_blocks(assets), targets, normaliser)
    dependencies = DependencyIndex(build_graph(snapshot))
    sites, _ = site_capacity(snapshot, target, dependencies)
    interconnects = interconnect_gaps(snapshot, target, dependencies)
    items = migration_items(
        snapshot,
        target,
        assets,
        matrix,
        targets,
        interconnects,
        sites,
        dependencies,
        normaliser,
        result,
    )
    links = items[items["action"] == "link_upgrade"]
    # aa holds the primary datacentre; bb and cc each need a link to it
    assert sorted(links["municipality"]) == [B, C]
    assert links["hours"].tolist() == [target.efforts.link_upgrade_hours] * 2
    assert links["detail"].str.contains("not priced: review").all()
