"""Risk-ranked gaps (docs/method.md#risk): consequence x exposure, each factor by hand."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pandas as pd

from inventory.gap.result import GapReport, compute_gap
from inventory.gap.risk import APPLICATION_STEPS, PEOPLE_STEPS, step_score
from inventory.snapshot import InventorySnapshot
from inventory.target.model import TargetArchitecture
from inventory.validate import validate_paths

# ESXi 6.7 ended 2022-10-15, Windows Server 2012 R2 2023-10-10, Windows 11 23H2 (Home/Pro,
# the date taken when the edition is not known) 2025-11-11: all past on this date.
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
    "clients": [
        {
            "user_group": "staff",
            "kinds": ["laptop"],
            "os": [{"product": "Windows", "vendor": "Microsoft", "min_version": "11 24H2"}],
            "management": "Microsoft Intune",
        }
    ],
}


def _inventory(folder: Path) -> Path:
    """Three ESXi 6.7 hosts in one cluster carrying 13 VMs with an application each (2
    critical, 400 users the most); a physical Windows Server 2012 R2 server in no cluster
    with one high application of 30 users; 5,000 laptops on Windows 11 23H2; at the same
    site a firewall and 20 access points past their support end (their warranty)."""
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
        "clients.csv": "id,kind,os_product,os_version,user_group,site,quantity\n"
        "pc1,laptop,Windows,11 23H2,staff,DC1,5000\n",
        "network_devices.csv": "id,hostname,role,vendor,model,site,quantity,warranty_end\n"
        "fw01,FW01,firewall,Acme,Wall 1,DC1,1,2024-06-30\n"
        "ap01,AP01,access_point,Acme,Air 1,DC1,20,2024-06-30\n",
    }
    for name, text in files.items():
        (inventory / name).write_text(text, encoding="utf-8")
    return inventory


def _gap(folder: Path) -> GapReport:
    batch = validate_paths([_inventory(folder)])
    assert batch.report.valid, batch.report
    return compute_gap(
        InventorySnapshot.from_batch(batch), TargetArchitecture.model_validate(TARGET), as_of=AS_OF
    )


def _only(risks: pd.DataFrame, gap: str) -> pd.Series:
    rows = risks[risks["gap"] == gap]
    assert len(rows) == 1, (gap, risks["gap"].tolist())
    return rows.iloc[0]


def test_the_scales() -> None:
    assert [step_score(n, APPLICATION_STEPS) for n in (0, 1, 2, 4, 5, 9, 10, 13)] == [
        1,
        2,
        3,
        3,
        4,
        4,
        5,
        5,
    ]
    assert [step_score(n, PEOPLE_STEPS) for n in (0, 1, 99, 100, 999, 1_000, 9_999, 10_000)] == [
        1,
        2,
        2,
        3,
        3,
        4,
        4,
        5,
    ]


def test_hosts_past_end_of_life_outrank_an_old_windows_feature_update(tmp_path: Path) -> None:
    risks = _gap(tmp_path).risks
    hosts = _only(risks, "testby: esx01, esx02, esx03")
    # consequence: 2 critical applications (5); 13 applications (10 or more: 5);
    # the largest has 400 users (100-999: 3) -> the highest, 5
    assert (hosts["applications"], hosts["critical_applications"], hosts["people"]) == (13, 2, 400)
    assert (hosts["criticality_score"], hosts["applications_score"], hosts["people_score"]) == (
        5,
        5,
        3,
    )
    assert hosts["consequence"] == max(5, 5, 3)
    # exposure: past end of life (3); three hosts in the cluster, no single point of
    # failure (+0); no interconnects known, so no missing path (+0)
    assert (
        hosts["lifecycle_score"],
        hosts["single_point_of_failure"],
        hosts["no_redundant_path"],
    ) == (3, False, False)
    assert hosts["exposure"] == 3 + 0 + 0
    assert hosts["risk"] == 5 * 3
    assert hosts["assets"] == 3
    clients = _only(risks, "Windows 11 23H2 (W)")
    # consequence: no application depends on a laptop (1, 1); 5,000 devices (1,000-9,999:
    # 4) -> 4; exposure: past end of life, 3
    assert (
        clients["criticality_score"],
        clients["applications_score"],
        clients["people_score"],
        clients["consequence"],
    ) == (1, 1, 4, 4)
    assert (clients["lifecycle_score"], clients["exposure"]) == (3, 3)
    assert clients["risk"] == 4 * 3
    assert clients["assets"] == 5000 and clients["kind"] == "block"
    assert hosts["rank"] < clients["rank"]
    # the VMs run the target's Windows Server 2022: no gap, no row
    assert not risks["gap"].str.contains("vm0").any()


def test_a_single_physical_server_adds_to_the_exposure(tmp_path: Path) -> None:
    risks = _gap(tmp_path).risks
    old = _only(risks, "testby: old01")
    # consequence: one high application (4), one application (2), 30 users (2) -> 4
    assert (
        old["criticality_score"],
        old["applications_score"],
        old["people_score"],
        old["consequence"],
    ) == (4, 2, 2, 4)
    # exposure: past end of life (3) + a physical server in no cluster (+1) = 4
    assert (old["lifecycle_score"], old["single_point_of_failure"], old["exposure"]) == (
        3,
        True,
        3 + 1,
    )
    assert old["risk"] == 4 * 4
    assert "single physical server" in old["reasons"]
    assert list(risks["rank"]) == list(range(1, len(risks) + 1))
    assert risks["risk"].is_monotonic_decreasing


def test_samples_eol_hosts_carrying_applications_rank_above_windows_updates(
    gap_report: GapReport,
) -> None:
    risks = gap_report.risks
    hosts = risks[
        (risks["capability"] == "hypervisor")
        & (risks["kind"] == "asset")
        & (risks["lifecycle_state"] == "end_of_life")
    ]
    windows = risks[
        (risks["capability"] == "client_os") & risks["product"].str.startswith("Windows")
    ]
    assert not hosts.empty and not windows.empty
    carrying = hosts[hosts["applications"] >= 10]
    assert not carrying.empty
    assert carrying["rank"].max() < windows["rank"].min()
    # Vaggeryd's hosts: past end of life, 13 applications, behind an interconnect that is
    # not redundant (its one link to Värnamo)
    vaggeryd = hosts[hosts["municipality"] == "vaggeryd"].iloc[0]
    assert vaggeryd["applications"] == 13 and bool(vaggeryd["no_redundant_path"])
    # every gap asset is in one row: the rows' assets are the assets not ready for a
    # reason other than the joint instance
    matrix = gap_report.matrix
    open_blocks = matrix[matrix["status"] != "included"]
    assert risks["assets"].sum() >= open_blocks["assets"].sum()


def test_a_network_device_serves_its_site(tmp_path: Path) -> None:
    risks = _gap(tmp_path).risks
    firewall = _only(risks, "testby: fw01")
    # on the path to the servers of DC1: the 14 applications of its servers (2 critical)
    # and the 5,000 devices at the site -> consequence max(5, 5, 4) = 5; past its support
    # end (3), nothing known about a second firewall or a path (+0) -> 5 x 3
    assert (firewall["applications"], firewall["critical_applications"], firewall["people"]) == (
        14,
        2,
        5000,
    )
    assert (firewall["consequence"], firewall["exposure"], firewall["risk"]) == (5, 3, 15)
    assert firewall["reasons"].startswith("serves site testby:DC1")
    points = _only(risks, "testby: ap01")
    # an access point serves the site's devices, not its servers: people 5,000 (4)
    assert (points["applications"], points["people"], points["assets"]) == (0, 5000, 20)
    assert (points["consequence"], points["exposure"], points["risk"]) == (4, 3, 12)


def test_a_fleets_risk_names_its_release_and_dates_its_end_of_life_per_language() -> None:
    """A client fleet's risk row is named by its release as people write it (not the
    catalogue's cycle id) and its end of life is a date in the reader's format."""
    import datetime as dt

    from inventory.gap.risk import _Affected, _reasons
    from inventory.messages import message_text

    nothing = _Affected(applications=0, critical=0, worst="", users=0, names=())
    reasons = _reasons(nothing, 3422, "end_of_life", dt.date(2025, 11, 11), "changed", "", "")
    assert "past end of life 11/11/2025" in message_text(reasons, "en")
    assert "2025-11-11" in message_text(reasons, "sv")
    assert "11.11.2025" in message_text(reasons, "no")
    assert reasons.to_json()["parts"][-1]["params"]["eol"] == "2025-11-11"
