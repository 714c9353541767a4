"""Readiness (docs/method.md#readiness): per capability the share of assets ready, per domain
the mean of its capabilities, overall the mean of the domains; all computed by hand here."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pandas as pd
import pytest

from inventory.gap.readiness import ALL, NO_ASSET_NOTE, OFF_JOINT_NOTE, readiness
from inventory.gap.result import GapReport, compute_gap
from inventory.snapshot import InventorySnapshot
from inventory.target.model import TargetArchitecture
from inventory.validate import validate_paths

# Windows Server 2012 R2 ended 2023-10-10; ESXi 8.0 ends 2027-10-11, after this date plus
# the 12 months' horizon (2027-01-01); RHEL 8 and Windows Server 2022 are in support.
AS_OF = dt.date(2026, 1, 1)

MUNICIPALITY = "code,name,country,population,employees\ntestby,Testby kommun,SE,10000,800\n"
SITES = "id,name,kind\nDC1,Datacentre,datacentre\n"


def gap_of(folder: Path, files: dict[str, str], target: dict[str, Any]) -> GapReport:
    """The gap of a hand-made inventory (one municipality, ``testby``) against ``target``."""
    inventory = folder / "testby"
    inventory.mkdir()
    for name, text in {"municipality.csv": MUNICIPALITY, "sites.csv": SITES, **files}.items():
        (inventory / name).write_text(text, encoding="utf-8")
    batch = validate_paths([inventory])
    assert batch.report.valid, batch.report
    snapshot = InventorySnapshot.from_batch(batch)
    return compute_gap(
        snapshot,
        TargetArchitecture.model_validate(
            {"name": "test", "lifecycle": {"horizon_months": 12}, **target}
        ),
        as_of=AS_OF,
    )


def row(frame: pd.DataFrame, **where: str) -> pd.Series:
    """The one row of ``frame`` matching ``where``."""
    mask = pd.Series(True, index=frame.index)
    for column, value in where.items():
        mask &= frame[column] == value
    assert int(mask.sum()) == 1, (where, frame)
    return frame[mask].iloc[0]


DATACENTRE_TARGET: dict[str, Any] = {
    "capabilities": {
        "hypervisor": {
            "products": [{"product": "VMware vSphere", "vendor": "VMware", "min_version": "8.0"}]
        }
    },
    "server_os": [
        {"product": "Windows Server", "vendor": "Microsoft", "min_version": "2012"},
        {"product": "Red Hat Enterprise Linux", "vendor": "Red Hat", "min_version": "9"},
    ],
}
DATACENTRE_SERVERS = (
    "id,hostname,kind,site,cluster,host,role,os_product,os_version\n"
    "esx01,ESX01,physical,DC1,cl1,,hypervisor,VMware ESXi,8.0 U3\n"
    "srv01,SRV01,virtual,DC1,cl1,,application,Windows Server,2022\n"  # included, supported
    "srv02,SRV02,virtual,DC1,cl1,,application,Windows Server,2012 R2\n"  # included, past EOL
    "srv03,SRV03,virtual,DC1,cl1,,application,Red Hat Enterprise Linux,8\n"  # changed
    "srv04,SRV04,virtual,DC1,cl1,,application,Red Hat Enterprise Linux,8\n"  # changed
)


def test_capability_domain_and_overall_by_hand(tmp_path: Path) -> None:
    gap = gap_of(tmp_path, {"servers.csv": DATACENTRE_SERVERS}, DATACENTRE_TARGET)
    matrix = gap.matrix.set_index("block_id")
    # the premises: 2012 R2 is at the minimum (included) yet past its end of life
    assert matrix.loc["server_os:windows-server:2012-r2", "status"] == "included"
    assert matrix.loc["server_os:windows-server:2012-r2", "lifecycle_state"] == "end_of_life"
    assert matrix.loc["server_os:rhel:8", "status"] == "changed"
    server_os = row(gap.readiness, municipality="testby", capability="server_os")
    # 4 servers: srv01 ready; srv02 included but past end of life; srv03, srv04 changed
    assert (server_os["assets"], server_os["ready_assets"]) == (4, 1)
    assert server_os["readiness_percent"] == pytest.approx(100.0 * 1 / 4)  # 25 %
    hypervisor = row(gap.readiness, municipality="testby", capability="hypervisor")
    assert (hypervisor["assets"], hypervisor["ready_assets"]) == (1, 1)
    assert hypervisor["readiness_percent"] == pytest.approx(100.0)
    datacentre = row(gap.readiness_domains, municipality="testby", domain="datacentre")
    # the mean of the capabilities, not 2 ready of 5 assets (40 %)
    assert datacentre["capabilities"] == 2
    assert (datacentre["assets"], datacentre["ready_assets"]) == (5, 2)
    assert datacentre["readiness_percent"] == pytest.approx((25.0 + 100.0) / 2)  # 62.5
    overall = gap.readiness_overall.set_index("municipality")["readiness_percent"]
    assert overall["testby"] == pytest.approx(62.5)  # one domain
    assert overall[ALL] == pytest.approx(62.5)  # one municipality
    assert gap.readiness_overall.set_index("municipality").loc["testby", "domains"] == 1


def test_a_client_fleet_cannot_swamp_the_datacentre(tmp_path: Path) -> None:
    target: dict[str, Any] = {
        "server_os": [
            {"product": "Red Hat Enterprise Linux", "vendor": "Red Hat", "min_version": "9"}
        ],
        "clients": [
            {
                "user_group": "student",
                "kinds": ["chromebook"],
                "os": [{"product": "ChromeOS", "vendor": "Google"}],
                "management": "Google Admin console",
            }
        ],
    }
    files = {
        "servers.csv": "id,hostname,kind,site,role,os_product,os_version\n"
        "srv01,SRV01,physical,DC1,application,Red Hat Enterprise Linux,8\n",
        "clients.csv": "id,kind,os_product,os_version,user_group,site,quantity\n"
        "cb1,chromebook,ChromeOS,,student,DC1,10000\n",
        "platforms.csv": "id,capability,vendor,product,deployment\n"
        "p-gadmin,endpoint_management,Google,Google Admin console,saas\n",
    }
    gap = gap_of(tmp_path, files, target)
    client_os = row(gap.readiness, municipality="testby", capability="client_os")
    assert (client_os["assets"], client_os["ready_assets"]) == (10_000, 10_000)
    management = row(gap.readiness, municipality="testby", capability="endpoint_management")
    assert management["readiness_percent"] == pytest.approx(100.0)
    datacentre = row(gap.readiness_domains, municipality="testby", domain="datacentre")
    assert datacentre["readiness_percent"] == pytest.approx(0.0)  # RHEL 8 below 9
    clients = row(gap.readiness_domains, municipality="testby", domain="clients")
    assert clients["readiness_percent"] == pytest.approx((100.0 + 100.0) / 2)
    overall = float(row(gap.readiness_overall, municipality="testby")["readiness_percent"])
    # the documented mean of the two domains: (0 + 100) / 2 = 50 %, where counting devices
    # would say 10,001 ready of 10,002 (99.99 %)
    assert overall == pytest.approx((0.0 + 100.0) / 2)
    assert overall < 100.0 * 10_001 / 10_002


def test_a_target_capability_the_municipality_lacks_is_zero(tmp_path: Path) -> None:
    target = {
        **DATACENTRE_TARGET,
        "capabilities": {
            **DATACENTRE_TARGET["capabilities"],
            "backup": {
                "products": [
                    {
                        "product": "Veeam Backup & Replication",
                        "vendor": "Veeam",
                        "min_version": "12",
                    }
                ]
            },
        },
    }
    gap = gap_of(tmp_path, {"servers.csv": DATACENTRE_SERVERS}, target)
    backup = row(gap.readiness, municipality="testby", capability="backup")
    assert (backup["assets"], backup["ready_assets"], backup["note"]) == (0, 0, NO_ASSET_NOTE)
    assert backup["readiness_percent"] == 0.0
    datacentre = row(gap.readiness_domains, municipality="testby", domain="datacentre")
    assert datacentre["readiness_percent"] == pytest.approx((25.0 + 100.0 + 0.0) / 3, abs=0.05)


def test_off_the_joint_instance_is_not_ready() -> None:
    """A directory on the target product in two municipalities; the joint operation keeps
    one: the other is not ready (its note says why), and ``all`` is the municipalities'
    mean (100 + 0) / 2."""
    assets = pd.DataFrame(
        {
            "municipality": ["a", "b"],
            "domain": ["platforms", "platforms"],
            "capability": ["directory", "directory"],
            "block_id": ["directory:ad:-"] * 2,
            "count": [1, 1],
            "lifecycle_state": ["unknown", "unknown"],
        }
    )
    matrix = pd.DataFrame({"block_id": ["directory:ad:-"], "status": ["included"]})
    result = readiness(assets, matrix, off_joint=pd.Series([False, True]))
    by_code = result.capabilities.set_index("municipality")
    assert by_code.loc["a", "readiness_percent"] == 100.0
    assert by_code.loc["b", "readiness_percent"] == 0.0
    assert by_code.loc["b", "note"] == f"1 {OFF_JOINT_NOTE}"
    assert result.overall_fraction() == pytest.approx((1.0 + 0.0) / 2)
    without = readiness(assets, matrix)
    assert without.overall_fraction() == pytest.approx(1.0)


def test_samples_datacentre_moves_the_overall_figure(gap_report: GapReport) -> None:
    """On the samples each municipality's overall figure is the mean of its domains, so
    its datacentre weighs a fifth, whatever its share of the assets."""
    domains = gap_report.readiness_domains
    overall = gap_report.readiness_overall.set_index("municipality")["readiness_percent"]
    for code in gap_report.municipalities:
        own = domains[domains["municipality"] == code]
        assert len(own) == 5
        assert overall[code] == pytest.approx(own["readiness_percent"].mean(), abs=0.1)
    assert overall[ALL] == pytest.approx(overall.drop(ALL).mean(), abs=0.1)
    datacentre = domains[(domains["municipality"] == ALL) & (domains["domain"] == "datacentre")]
    assert float(datacentre["readiness_percent"].iloc[0]) < 30.0
    # no asset past or near its end of life is counted ready
    exposed = gap_report.eol[gap_report.eol["kind"] == "server"]
    assert not exposed.empty
