"""The target-state view and the gap matrix's new rows, on a hand-made inventory of two
municipalities: every count below is worked out by hand from the rows written here."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import pytest

from inventory.analyse.normalise import Normaliser
from inventory.analyse.overlap import compute_overlap
from inventory.gap.blocks import matrix_rows
from inventory.gap.result import GapReport, compute_gap
from inventory.language.i18n import code_text, t
from inventory.render.dot import check_dot_syntax
from inventory.render.views.target import target_state, target_view
from inventory.report.builder import ReportInputs, build_report
from inventory.snapshot import InventorySnapshot
from inventory.target.model import TargetArchitecture
from inventory.validate import validate_paths

AS_OF = dt.date(2026, 1, 1)

SITES = "id,name,kind\nDC1,Datacentre,datacentre\n"
PLATFORMS = "id,capability,vendor,product,version,deployment\n"
SERVERS = "id,hostname,kind,site,cluster,host,role,os_product,os_version\n"
INVENTORY: dict[str, dict[str, str]] = {
    "testby": {
        "municipality.csv": "code,name,country,population\ntestby,Testby,SE,10000\n",
        "sites.csv": SITES,
        "servers.csv": SERVERS
        + "esx01,ESX01,physical,DC1,cl1,,hypervisor,VMware ESXi,8.0 U3\n"  # hypervisor: kept
        + "srv01,SRV01,virtual,DC1,cl1,,application,Windows Server,2022\n"  # kept
        + "srv02,SRV02,virtual,DC1,cl1,,application,Windows Server,2016\n"  # below 2019
        + "srv03,SRV03,virtual,DC1,cl1,,application,Ubuntu,18.04\n",  # not in the target
        "platforms.csv": PLATFORMS
        + "p1,email,Microsoft,Exchange Server,2016,on_prem\n"
        + "p2,email,Zimbra,Zimbra Collaboration,10,on_prem\n",
    },
    "andraby": {
        "municipality.csv": "code,name,country,population\nandraby,Andraby,SE,5000\n",
        "sites.csv": SITES,
        "servers.csv": SERVERS
        + "srv01,SRV01,physical,DC1,,,application,Windows Server,2016\n"  # below 2019
        + "srv02,SRV02,physical,DC1,,,application,Windows Server,2016\n",  # below 2019
        "platforms.csv": PLATFORMS
        + "p1,email,Microsoft,Exchange Server,2019,on_prem\n",  # same product as 2016
    },
}
TARGET: dict[str, Any] = {
    "name": "test",
    "lifecycle": {"horizon_months": 12},
    "capabilities": {
        "hypervisor": {
            "products": [{"product": "VMware vSphere", "vendor": "VMware", "min_version": "8.0"}]
        },
        "email": {"products": [{"product": "Exchange Online", "vendor": "Microsoft"}]},
    },
    "server_os": [
        {"product": "Windows Server", "vendor": "Microsoft", "min_version": "2019"},
        {"product": "Red Hat Enterprise Linux", "vendor": "Red Hat", "min_version": "9"},
    ],
}


@pytest.fixture(scope="module")
def inputs(tmp_path_factory: pytest.TempPathFactory) -> tuple[InventorySnapshot, GapReport]:
    root = tmp_path_factory.mktemp("target-view")
    for code, files in INVENTORY.items():
        (root / code).mkdir()
        for name, content in files.items():
            (root / code / name).write_text(content, encoding="utf-8")
    batch = validate_paths([root / code for code in INVENTORY])
    assert batch.report.valid, batch.report
    snapshot = InventorySnapshot.from_batch(batch)
    target = TargetArchitecture.model_validate(TARGET)
    return snapshot, compute_gap(snapshot, target, as_of=AS_OF)


def _by_capability(gap: GapReport, municipality: str | None) -> dict[str, Any]:
    return {state.capability: state for state in target_state(gap, municipality)}


def test_every_target_block_with_its_status_and_counts(
    inputs: tuple[InventorySnapshot, GapReport],
) -> None:
    _, gap = inputs
    states = _by_capability(gap, None)
    server_os = {block.title: block for block in states["server_os"].targets}
    windows = next(block for title, block in server_os.items() if "Windows" in title)
    # kept: testby srv01 (2022); to upgrade: testby srv02 + andraby srv01, srv02 (2016) = 3
    assert (windows.status, windows.assets_kept, windows.assets_to_upgrade) == ("kept", 1, 3)
    assert windows.municipalities == 2  # both run Windows Server today
    rhel = next(block for title, block in server_os.items() if "Red Hat" in title)
    assert (rhel.status, rhel.assets_kept, rhel.assets_to_upgrade) == ("new", 0, 0)
    # Ubuntu 18.04 goes: 1 product, 1 server, replaced within its family by RHEL
    gone = states["server_os"].eliminated
    assert (gone.products, gone.assets) == (1, 1)
    assert gone.replaced_by == (rhel.block_id,)
    # e-mail: Exchange 2016 (testby) and 2019 (andraby) are one product, Zimbra another:
    # 2 products, 1 + 1 + 1 = 3 platforms; Exchange Online runs nowhere: new
    email = states["email"]
    assert (email.eliminated.products, email.eliminated.assets) == (2, 3)
    assert [block.status for block in email.targets] == ["new"]
    hypervisor = states["hypervisor"]
    assert [(b.status, b.assets_kept) for b in hypervisor.targets] == [("kept", 1)]
    # 4 target blocks in all: 2 server OS, e-mail, hypervisor
    assert sum(len(state.targets) for state in states.values()) == 4


def test_one_municipality_counts_its_own_assets(
    inputs: tuple[InventorySnapshot, GapReport],
) -> None:
    _, gap = inputs
    states = _by_capability(gap, "andraby")
    windows = next(b for b in states["server_os"].targets if "Windows" in b.title)
    # andraby: only its two 2016 servers, to upgrade; none kept
    assert (windows.status, windows.assets_kept, windows.assets_to_upgrade) == ("changed", 0, 2)
    assert states["server_os"].eliminated is None  # Ubuntu is testby's
    email = states["email"].eliminated
    assert (email.products, email.assets) == (1, 1)  # its Exchange 2019 only
    # the hypervisor target is new to andraby (no host of its own)
    assert [b.status for b in states["hypervisor"].targets] == ["new"]


def test_the_diagram_draws_every_block_and_the_summaries(
    inputs: tuple[InventorySnapshot, GapReport],
) -> None:
    _, gap = inputs
    view = target_view(gap)
    check_dot_syntax(view.source)
    svg = view.render("svg").decode("utf-8")  # the real dot
    assert "more building blocks" not in view.source and "agg" not in view.source
    for label in (
        "Exchange Online",
        "Red Hat Enterprise Linux ≥ 9",
        "Windows Server ≥ 2019",
        "VMware",
    ):
        assert label in svg, label
    assert "Eliminated: 2 products, 3 assets" in svg  # e-mail, by hand above
    assert "Eliminated: 1 product, 1 asset" in svg  # server OS (Ubuntu)
    assert "Kept · 1 asset" in svg and "3 to upgrade" in svg
    # clusters: a domain holds its capabilities (Datacentre: hypervisor, server OS)
    groups = cluster_paths(view.source)
    server_os, hypervisor = (
        groups[code_text("capability", code, "en")] for code in ("server_os", "hypervisor")
    )
    assert server_os[0] == hypervisor[0] == t("rb.domain.datacentre", "en")
    sv = target_view(gap, "testby", name="Testby", lang="sv").source
    assert "Utgår: 2 produkter, 2 komponenter" in sv  # testby: Exchange 2016 + Zimbra


def cluster_paths(source: str) -> dict[str, tuple[str, ...]]:
    """Each cluster's label path (outer to inner) by its own label."""
    stack: list[str] = []
    paths: dict[str, tuple[str, ...]] = {}
    for line in source.splitlines():
        if re.match(r"\s*subgraph cluster_", line):
            stack.append("")
        elif (
            stack and re.match(r"\s*label=|\s*color=", line) and "label=" in line and not stack[-1]
        ):
            found = re.search(r'label=("([^"\\]|\\.)*"|[^ ]+)', line)
            stack[-1] = found.group(1).strip('"') if found else "?"
            paths[stack[-1]] = tuple(stack)
        elif line.strip() == "}" and stack:
            stack.pop()
    return paths


def test_the_gap_matrix_tables_list_the_new_blocks(
    inputs: tuple[InventorySnapshot, GapReport],
) -> None:
    snapshot, gap = inputs
    rows = matrix_rows(gap.matrix, gap.target_blocks)
    new = rows[rows["status"] == "new"]
    # RHEL (runs nowhere) and Exchange Online; Windows Server runs below 2019: not new
    assert sorted(new["capability"]) == ["email", "server_os"]
    assert new["assets"].tolist() == [0, 0] and set(new["municipalities"]) == {""}
    assert len(rows) == len(gap.matrix) + 2
    target = TargetArchitecture.model_validate(TARGET)
    document = build_report(
        ReportInputs(
            snapshot, compute_overlap(snapshot, Normaliser.default()), gap, target, None, AS_OF
        ),
        lang="en",
    )
    tables = {table.id: table for table in document.tables()}
    datacentre = tables["gap-matrix-datacentre"]
    products = [row[[c.key for c in datacentre.columns].index("title")] for row in datacentre.rows]
    assert any("Red Hat" in str(product) for product in products)
    platforms = tables["gap-matrix-platforms"]
    titles = [str(row[[c.key for c in platforms.columns].index("title")]) for row in platforms.rows]
    assert "Exchange Online" in titles
