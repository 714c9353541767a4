"""Releases in the plan's and the risks' texts as people write them ("Windows Server 2012
R2", "Microsoft SQL Server 2014 SP3"), from the catalogue's own release labels; the cycle id
where there is none (RHEL 8, Ubuntu 22.04)."""

from __future__ import annotations

import datetime as dt

import pytest

from inventory.analyse.catalogue import CatalogueProduct, Release
from inventory.analyse.lifecycle_labels import ReleaseNames, release_label, release_texts
from inventory.gap.result import GapReport, compute_gap
from inventory.target.model import TargetArchitecture
from tests.analyse.conftest import build_snapshot

AS_OF = dt.date(2026, 11, 23)
M = "testby"


@pytest.mark.parametrize(
    ("title", "cycle", "written"),
    [
        ("Windows Server", "2012-r2", "Windows Server 2012 R2"),  # label names the product
        ("Windows Server", "2012", "Windows Server 2012"),  # no label: the cycle
        ("Microsoft SQL Server", "12.0-sp3", "Microsoft SQL Server 2014 SP3"),  # code name out
        ("Microsoft SQL Server", "13.0-sp2", "Microsoft SQL Server 2016 SP2"),
        ("Red Hat Enterprise Linux", "8", "Red Hat Enterprise Linux 8"),
        ("Ubuntu", "22.04", "Ubuntu 22.04"),
        ("Oracle Database", "12.2", "Oracle Database 12c Release 2"),
        ("Microsoft Exchange", "2016", "Microsoft Exchange 2016"),  # not its latest CU/SU
        ("VMware ESXi", "7.0", "VMware ESXi 7.0"),
        ("Acme Payroll", "4-2", "Acme Payroll 4-2"),  # outside the catalogue: as written
        ("Windows Server", None, "Windows Server"),
    ],
)
def test_release_texts_of_several_products(title: str, cycle: str | None, written: str) -> None:
    assert release_texts([title], [cycle]) == [written]


def test_placeholders_and_the_title_are_taken_out_of_a_label() -> None:
    def product(label: str, cycle: str) -> CatalogueProduct:
        release = Release(
            cycle=cycle,
            label=label,
            release_date=None,
            eol=None,
            eoas=None,
            eoes=None,
            latest=None,
            lts=False,
        )
        return CatalogueProduct(
            slug="x",
            title="Apple macOS",
            category="os",
            tags=(),
            alternate_names=(),
            releases=(release,),
        )

    assert (
        release_label(product("OS X __RELEASE_CYCLE__ (__CODENAME__)", "10.9"), "10.9")
        == "OS X 10.9"
    )
    assert release_label(product("macOS 14 '__CODENAME__'", "14"), "14") == "14"
    assert release_label(product("__RELEASE_CYCLE__", "7-lts"), "7-lts") == "7-lts"
    assert release_label(None, "2012-r2") == "2012-r2"
    # the label alone, and by the product's catalogue id where the title is not its own
    names = ReleaseNames()
    assert names.label("Windows Server", "2012-r2") == "2012 R2"
    assert names.text("Win Srv", "2012-r2", "windows-server") == "Win Srv 2012 R2"


@pytest.fixture(scope="module")
def gap() -> GapReport:
    """A Windows Server 2012 R2 server running SQL Server 2014 SP3 that Procapita needs."""
    snapshot = build_snapshot(
        {
            "municipality": [{"municipality": M, "code": M, "name": "Testby", "country": "SE"}],
            "site": [{"municipality": M, "id": "DC", "name": "DC", "kind": "datacentre"}],
            "server": [
                {
                    "municipality": M,
                    "id": "srv-sql",
                    "kind": "physical",
                    "site": "DC",
                    "role": "database",
                    "os_product": "Windows Server",
                    "os_version": "2012 R2",
                    "warranty_end": dt.date(2030, 1, 1),
                    "criticality": "critical",
                }
            ],
            "application": [
                {
                    "municipality": M,
                    "id": "app-procapita",
                    "name": "Procapita",
                    "vendor": "Tietoevry",
                    "product": "Procapita",
                    "depends_on": ["srv-sql", "p-sql"],
                    "users": 114,
                    "criticality": "critical",
                }
            ],
            "platform": [
                {
                    "municipality": M,
                    "id": "p-sql",
                    "capability": "database",
                    "product": "Microsoft SQL Server",
                    "vendor": "Microsoft",
                    "version": "2014 SP3",
                    "servers": "srv-sql",
                }
            ],
        }
    )
    target = TargetArchitecture.model_validate(
        {
            "name": "labels",
            "lifecycle": {"horizon_months": 12},
            "server_os": [
                {"product": "Windows Server", "vendor": "Microsoft", "min_version": "2022"}
            ],
            "capabilities": {
                "database": {
                    "products": [
                        {
                            "product": "Microsoft SQL Server",
                            "vendor": "Microsoft",
                            "min_version": "2022",
                        }
                    ]
                }
            },
            "datacentres": {"primary": f"{M}:DC"},
        }
    )
    return compute_gap(snapshot, target, as_of=AS_OF)


def test_the_plan_names_releases_as_people_write_them(gap: GapReport) -> None:
    details = dict(zip(gap.items["action"], gap.items["detail"], strict=False))
    assert details["os_upgrade"].startswith("Windows Server 2012 R2 -> Windows Server 2022")
    # (the SQL Server instance merges into the joint one: its line names no release)
    text = " ".join(gap.items["detail"].astype(str))
    assert "2012-r2" not in text and "12.0-sp3" not in text
    # the cycle id stays the key of the tables
    assert set(gap.eol_plan["cycle"]) >= {"2012-r2", "12.0-sp3"}


def test_the_risks_name_releases_as_people_write_them(gap: GapReport) -> None:
    from inventory.report.risk import top_gaps
    from inventory.report.risk_register import risk_register

    products = {str(e.params.get("products")) for e in risk_register(gap) if e.risk_class == "eol"}
    joined = " ".join(products)
    assert "Windows Server 2012 R2" in joined and "Microsoft SQL Server 2014 SP3" in joined
    assert "2012-r2" not in joined and "12.0-sp3" not in joined
    rendered = repr(top_gaps(gap, "en"))
    assert "Windows Server 2012 R2" in rendered and "2012-r2" not in rendered


def test_the_tables_show_the_release_and_the_data_keeps_the_cycle(gap: GapReport) -> None:
    from inventory.analyse.lifecycle_labels import with_release_labels
    from inventory.report.risk import risk_blocks

    table = risk_blocks(gap, "en")[1]
    version = [c.key for c in table.columns].index("cycle")
    assert {row[version] for row in table.rows} == {"2012 R2", "2014 SP3"}
    shown = with_release_labels(gap.eol, "product").set_index("asset")
    assert shown.at[f"{M}:srv-sql", "cycle"] == "2012 R2"
    assert gap.eol.set_index("asset").at[f"{M}:srv-sql", "cycle"] == "2012-r2"


def test_client_fleets_read_as_written_and_keep_their_key(gap_report: GapReport) -> None:
    upgrades = gap_report.items[gap_report.items["action"] == "client_os_upgrade"]
    shown = dict(zip(upgrades["asset"], upgrades["asset_message"], strict=True))
    # the key the plan and the end-of-life check match on; the text people read
    assert shown["gnosjo: Windows 10-22h2"] == "gnosjo: Windows 10 22H2"
