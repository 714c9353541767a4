"""Identification that never guesses wrong (issue 12): vendors, roles, abstaining with
candidates, the review file round trip, one identity and one label for unlisted products.

Every class is tested with spellings of our own, not only the issue's examples.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from inventory.analyse.aliases import AliasFileError, normalise_name
from inventory.analyse.identity import REVIEW_SUFFIX, product_label, same_unlisted, unlisted_id
from inventory.analyse.lifecycle_report import lifecycle_exposure
from inventory.analyse.normalise import LOW_CONFIDENCE, Normaliser
from inventory.analyse.normalise_review import normalise_snapshot
from inventory.analyse.overlap import compute_overlap
from inventory.cli.app import app
from inventory.errors import OutputError
from inventory.gap.result import compute_gap
from inventory.issues import IssueCode
from inventory.snapshot import InventorySnapshot
from inventory.target.model import TargetArchitecture

SnapshotBuilder = Callable[[Mapping[str, Sequence[Mapping[str, Any]]]], InventorySnapshot]
AS_OF = dt.date(2026, 11, 23)


@pytest.fixture(scope="module")
def normaliser() -> Normaliser:
    return Normaliser.default()


def _taken(
    normaliser: Normaliser,
    vendor: str | None,
    product: str | None,
    version: str | None,
    role: Any = None,
) -> str | None:
    match = normaliser.match(vendor, product, version, role)
    if match.product_id is not None:
        assert match.confidence >= LOW_CONFIDENCE or match.cycle is not None
    return match.product_id


# --- vendor-aware matching -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("vendor", "model", "version"),
    [
        ("Cisco", "Catalyst 2960-X", "IOS 15.2(7)E8"),
        ("Cisco Systems, Inc.", "WS-C2960X-48FPD-L", "15.2(7)E8"),
        ("CISCO", "Catalyst 3560-CX", "IOS 15.2(4)E10"),
        ("Cisco Systems AB", "C2960L-24PS", "ios 15.2(7)e4"),
        ("Cisco", "ISR 2911", "IOS 15.7(3)M8"),
    ],
)
def test_cisco_ios_on_a_cisco_switch_is_never_apple_ios(
    normaliser: Normaliser, vendor: str, model: str, version: str
) -> None:
    for role in (None, "network"):
        assert _taken(normaliser, vendor, model, version, role) == "cisco-ios"


@pytest.mark.parametrize(
    ("vendor", "product", "version", "role", "expected"),
    [
        ("Apple", "iPhone 13", "iOS 17.5.1", None, "ios"),
        ("Apple Inc.", "iOS", "16.7", None, "ios"),
        (None, "iOS 17.5", None, "client", "ios"),
        (None, "IOS 15.2", None, "network", "cisco-ios"),
        ("Cisco", "IOS", "15.2(7)E8", None, "cisco-ios"),
    ],
)
def test_ios_is_decided_by_the_vendor_or_the_record_role(
    normaliser: Normaliser,
    vendor: str | None,
    product: str,
    version: str | None,
    role: Any,
    expected: str,
) -> None:
    assert _taken(normaliser, vendor, product, version, role) == expected


@pytest.mark.parametrize("product", ["IOS 15.2", "ios 12.2(55)SE", "IOS"])
def test_ios_without_vendor_or_role_is_reviewed_with_both_candidates(
    normaliser: Normaliser, product: str
) -> None:
    match = normaliser.match(None, product, None)
    assert (match.product_id, match.status, match.method) == (None, "review", "review")
    assert {candidate for candidate, _ in match.candidates} == {"cisco-ios", "ios"}
    assert "give the vendor" in match.note


@pytest.mark.parametrize(
    ("vendor", "model", "expected"),
    [
        ("Cisco", "MX250", "meraki"),
        ("Cisco Meraki", "MX450", "meraki"),
        ("Meraki", "MX 105", "meraki"),
        ("Cisco Systems Norway AS", "mx250", "meraki"),
        ("Juniper", "MX204", "juniper-junos"),
        ("Juniper Networks, Inc.", "MX480", "juniper-junos"),
        ("JNPR", "MX 960", "juniper-junos"),
        # both vendors sold an MX80: only the vendor tells
        ("Cisco", "MX80", "meraki"),
        ("Juniper", "MX80", "juniper-junos"),
    ],
)
def test_model_patterns_apply_only_for_their_vendor(
    normaliser: Normaliser, vendor: str, model: str, expected: str
) -> None:
    assert _taken(normaliser, vendor, model, None, "network") == expected


@pytest.mark.parametrize("model", ["MX80", "mx 80", "MX-80"])
def test_a_model_two_vendors_make_is_reviewed_when_no_vendor_says_which(
    normaliser: Normaliser, model: str
) -> None:
    match = normaliser.match(None, model, None, "network")
    assert match.status == "review"
    assert {candidate for candidate, _ in match.candidates} == {"meraki", "juniper-junos"}


@pytest.mark.parametrize(
    ("vendor", "product"),
    [
        ("Fortinet", "PAN-OS 10.2"),
        ("Palo Alto Networks", "FortiOS 7.2"),
        ("Juniper", "Meraki MX64"),
        ("Tietoevry", "Flyt Skole"),
        ("HPE", "Catalyst 9300"),
        ("Fortinet", "PA-3220"),
    ],
)
def test_a_name_of_another_known_vendors_product_is_not_taken(
    normaliser: Normaliser, vendor: str, product: str
) -> None:
    match = normaliser.match(vendor, product, None)
    assert match.product_id is None and match.status == "review"
    assert match.candidates and "is a product of" in match.note


@pytest.mark.parametrize(
    ("vendor", "product", "expected"),
    [
        ("Atea", "Microsoft 365", "microsoft-365"),  # a reseller we do not know
        ("Dell", "VMware ESXi 8.0", "vmware-esxi"),  # the product names its own vendor
        ("Microsoft Corporation", "Windows Server 2019", "windows-server"),
        ("MICROSOFT AB", "Exchange Server 2019", "msexchange"),
    ],
)
def test_an_unknown_reseller_or_a_vendor_in_the_name_does_not_block(
    normaliser: Normaliser, vendor: str, product: str, expected: str
) -> None:
    assert _taken(normaliser, vendor, product, None) == expected


@pytest.mark.parametrize(
    ("vendor", "product", "version", "model", "expected"),
    [
        ("Lenovo", "Windows", "11 23H2", None, "windows"),
        ("HP Inc.", "Windows 10 Pro", None, None, "windows"),
        ("Samsung", "Android", "14 (One UI 6.1)", None, "android"),
        ("Acer", "ChromeOS", None, None, "chromeos"),
        ("Dell Technologies", "Windows 11", None, None, "windows"),
        # HP's ProCurve switches are HPE Aruba's AOS-S today (HP -> HPE -> Aruba)
        ("HP", None, "YA.16.10.0025", "HP 2530-24G", "arubaos-switch"),
        ("Hewlett-Packard", None, "KB.16.10.0020", "5406R zl2", "arubaos-switch"),
    ],
)
def test_a_device_maker_does_not_block_the_os_it_ships(
    normaliser: Normaliser,
    vendor: str,
    product: str | None,
    version: str | None,
    model: str | None,
    expected: str,
) -> None:
    for role in (None, "client" if model is None else "network"):
        assert _taken(normaliser, vendor, product or model, version, role) == expected


# --- abstain instead of guess ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("product", "version", "candidate"),
    [
        ("Windws Servr", "2019", "windows-server"),
        ("Ubunntu", "22.04", "ubuntu"),
        ("Ubuntu Toolkit", "22.04", "ubuntu"),
        ("Windows Server Update Tool", None, "windows-server"),
        ("VMware ESXi Host Client Plugin", None, "vmware-esxi"),
    ],
)
def test_below_the_threshold_the_row_is_reviewed_with_its_candidates(
    normaliser: Normaliser, product: str, version: str | None, candidate: str
) -> None:
    match = normaliser.match(None, product, version)
    assert (match.product_id, match.cycle, match.status) == (None, None, "review")
    assert match.candidates[0][0] == candidate
    assert 0 < match.candidates[0][1] < LOW_CONFIDENCE
    assert match.title == product  # shown as written, never as the candidate


def test_no_fuzzy_match_is_taken_below_the_threshold(normaliser: Normaliser) -> None:
    names = [
        "Windos 10",
        "Micosoft Exchange",
        "Redhat Enterprise Linx 8",
        "Citix Virtual Apps",
        "Veam Backup",
        "Fortigte",
        "Ubunto Server",
        "Debain 12",
        "Postgre SQL 15",
    ]
    for name in names:
        match = normaliser.match(None, name, None)
        if match.product_id is not None:
            assert match.confidence >= LOW_CONFIDENCE, name
        else:
            assert match.status in ("review", "unmatched"), name


# --- roles ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("written", "cycle"),
    [
        ("Windows filserver 2016", "2016"),
        ("Win srv 2019 std", "2019"),
        ("W2k16 fil", "2016"),
        ("Windows skrivarserver 2019", "2019"),
        ("Windows DC 2012 R2", "2012-r2"),
        ("Windows 2022 filserver", "2022"),
        ("Windows utskriftsserver 2016", "2016"),
        ("Windows domenekontroller 2019", "2019"),
        ("windows terminalserver 2012r2", "2012-r2"),
    ],
)
def test_a_loosely_written_server_os_is_a_server_os(
    normaliser: Normaliser, written: str, cycle: str
) -> None:
    for role in ("server", None):
        match = normaliser.match(None, written, None, role)
        assert (match.product_id, match.cycle) == ("windows-server", cycle), (written, role)


@pytest.mark.parametrize("written", ["Windows 10", "Windows 11 Pro", "Win 10 Enterprise"])
def test_a_client_os_on_a_server_is_reviewed_not_guessed(
    normaliser: Normaliser, written: str
) -> None:
    match = normaliser.match(None, written, None, "server")
    assert match.product_id is None and match.status == "review"
    assert "windows" in {candidate for candidate, _ in match.candidates}


@pytest.mark.parametrize(
    ("vendor", "model", "version"),
    [
        ("Apple", "AirPort", "iOS 7"),
        (None, "Android Switch", None),
        ("Google", "ChromeOS", None),
        (None, "Windows 10", None),
        (None, "macOS", "14"),
    ],
)
def test_a_network_device_is_never_identified_as_a_client_os(
    normaliser: Normaliser, vendor: str | None, model: str, version: str | None
) -> None:
    match = normaliser.match(vendor, model, version, "network")
    definition = normaliser.product(match.product_id)
    assert definition is None or "client" not in definition.roles


def test_on_the_samples_no_network_device_or_server_is_a_client_os(
    sample_snapshot: InventorySnapshot, normaliser: Normaliser
) -> None:
    frame = normalise_snapshot(sample_snapshot, normaliser)
    client_products = {pid for pid, d in normaliser.products.items() if "client" in d.roles}
    network = frame[frame["kind"] == "network_device"]
    servers = frame[(frame["kind"] == "server") & (frame["aspect"] == "os")]
    assert not network.empty and not servers.empty
    assert not set(network["product_id"].dropna()) & client_products
    assert not set(servers["product_id"].dropna()) & client_products
    ios = network[network["product_written"].str.contains("2960", na=False)]
    assert set(ios["product_id"]) == {"cisco-ios"}


# --- labels ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("vendor", "product", "label"),
    [
        ("KS", "KS FIKS", "KS FIKS"),
        ("Infoland", "Infoland", "Infoland"),
        ("Norkart AS", "Norkart Kommunekart", "Norkart Kommunekart"),
        ("Visma", "Flyt Skole", "Visma Flyt Skole"),
        ("CGM", "CompuGroup Medical Journal", "CompuGroup Medical Journal"),
        ("Tieto Sverige AB", "Tieto Lifecare", "Tieto Lifecare"),
        (None, "Procapita", "Procapita"),
        ("Sokigo", None, "Sokigo"),
        ("  ks ", "ks  fiks", "ks fiks"),
    ],
)
def test_a_label_prints_the_vendor_once(
    vendor: str | None, product: str | None, label: str
) -> None:
    assert product_label(vendor, product) == label


def test_overlap_labels_never_repeat_the_vendor(
    snapshot_of: SnapshotBuilder, normaliser: Normaliser
) -> None:
    apps = [
        ("a", "KS", "KS FIKS Meldingsformidler"),
        ("b", "Infoland", "Infoland"),
        ("c", "Acme Data AB", "Acme Data Portal"),
    ]
    snapshot = snapshot_of(
        {
            "application": [
                {
                    "municipality": m,
                    "id": key,
                    "name": product,
                    "vendor": vendor,
                    "product": product,
                    "business_area": "case_management",
                }
                for m in ("gnosjo", "hylte")
                for key, vendor, product in apps
            ]
        }
    )
    labels = {
        label.removesuffix(REVIEW_SUFFIX)
        for label in compute_overlap(snapshot, normaliser).usage["product"]
    }
    assert {"KS FIKS Meldingsformidler", "Infoland", "Acme Data Portal"} <= labels
    for label in labels:
        words = label.casefold().split()
        assert words[:1] != words[1:2], label


# --- unlisted products: one identity everywhere ---------------------------------------------


@pytest.mark.parametrize(
    ("first", "second"),
    [
        (("Norkart", "Kommunekart"), ("Norkart AS", "Kommunekart")),
        (("Norkart AS", "Norkart Kommunekart"), (None, "Norkart Kommunekart")),
        (("Acme Oy", "Acme Vault"), ("ACME Oy Ab", "acme vault")),
        (("Acme GmbH", "Vault-Pro"), ("Acme", "Vault Pro")),
    ],
)
def test_spellings_of_one_unlisted_product_get_one_identity(
    first: tuple[str | None, str], second: tuple[str | None, str]
) -> None:
    assert same_unlisted(unlisted_id(*first), unlisted_id(*second))


def test_unlisted_products_of_two_vendors_stay_apart() -> None:
    assert not same_unlisted(unlisted_id("Acme", "Portal"), unlisted_id("Zenith", "Portal"))


def _unlisted_platform_snapshot(snapshot_of: SnapshotBuilder) -> InventorySnapshot:
    """Every municipality runs one platform the catalogue does not list, spelled its way."""
    spellings = {
        "gnosjo": ("Acme Backup AB", "Acme Vault"),
        "hylte": ("Acme Backup", "ACME VAULT"),
        "vaggeryd": ("ACME BACKUP A/S", "Acme Vault 9.1"),
    }
    return snapshot_of(
        {
            "municipality": [
                {"municipality": m, "code": m, "name": m.title(), "country": "SE"}
                for m in spellings
            ],
            "platform": [
                {
                    "municipality": m,
                    "id": "p-backup",
                    "capability": "backup",
                    "vendor": vendor,
                    "product": product,
                    "version": "9",
                }
                for m, (vendor, product) in spellings.items()
            ],
        }
    )


def test_an_unlisted_platform_everyone_runs_is_shared_in_overlap(
    snapshot_of: SnapshotBuilder, normaliser: Normaliser
) -> None:
    result = compute_overlap(_unlisted_platform_snapshot(snapshot_of), normaliser)
    assert result.sharing("datacentre", "backup") == {"unlisted:acme-backup:acme vault": "all"}


def test_an_unlisted_platform_the_target_keeps_is_kept_at_no_cost(
    snapshot_of: SnapshotBuilder,
) -> None:
    target = TargetArchitecture.model_validate(
        {
            "name": "keep the backup",
            "municipalities": ["gnosjo", "hylte", "vaggeryd"],
            "capabilities": {
                "backup": {"products": [{"product": "Acme Vault", "vendor": "Acme Backup"}]}
            },
        }
    )
    report = compute_gap(_unlisted_platform_snapshot(snapshot_of), target, as_of=AS_OF)
    backup = report.matrix[report.matrix["capability"] == "backup"]
    assert list(backup["status"]) == ["included"]
    assert backup.iloc[0]["municipalities"] == "gnosjo;hylte;vaggeryd"
    assert not backup["detail"].str.contains("replaced by").any()
    # no replacement, no upgrade: no migration item (and so no cost) names the platform
    assert not report.items["detail"].astype(str).str.contains("Acme", case=False).any()


# --- the review file round trip -------------------------------------------------------------

INVENTORY = {
    "municipality.csv": "code,name,country\ntestby,Testby,SE\n",
    "sites.csv": "id,name,kind\nDC1,Datahall,datacentre\n",
    "servers.csv": (
        "id,hostname,kind,role,site,os_product,os_version\n"
        "s1,TB-S1,virtual,file,DC1,Windws Servr,2019\n"
        "s2,TB-S2,virtual,file,DC1,Windows Server Update Tool,\n"
        "s3,TB-S3,virtual,file,DC1,Windows Server,2022\n"
    ),
    "network_devices.csv": (
        "id,hostname,role,vendor,model,os_version,site,quantity\n"
        "sw1,TB-SW1,access_switch,,MX80,18.107,DC1,1\n"
    ),
}


def _import(tmp_path: Path) -> tuple[CliRunner, str]:
    folder = tmp_path / "testby"
    folder.mkdir()
    for name, text in INVENTORY.items():
        (folder / name).write_text(text, encoding="utf-8")
    url = f"sqlite:///{tmp_path / 'inventory.db'}"
    runner = CliRunner()
    imported = runner.invoke(app, ["--db", url, "import", str(folder)])
    assert imported.exit_code == 0, imported.output
    return runner, url


def test_review_file_round_trip(tmp_path: Path) -> None:
    runner, url = _import(tmp_path)
    review = tmp_path / "review.csv"
    written = runner.invoke(
        app, ["--db", url, "normalise", "--review-file", str(review), "--format", "json"]
    )
    assert written.exit_code == 0, written.output
    rows = list(csv.DictReader(io.StringIO(review.read_text(encoding="utf-8"))))
    by_product = {row["product"]: row for row in rows}
    assert set(by_product) == {"Windws Servr", "Windows Server Update Tool", "MX80"}
    assert all(row["decision"] == "" for row in rows)
    assert by_product["Windws Servr"]["candidates"].startswith("windows-server ")
    assert {c.split()[0] for c in by_product["MX80"]["candidates"].split("; ")} == {
        "juniper-junos",
        "meraki",
    }
    # the person decides two rows and leaves one
    by_product["Windws Servr"]["decision"] = "windows-server"
    by_product["MX80"]["decision"] = "meraki"
    with review.open("w", encoding="utf-8", newline="") as stream:
        writer = csv.DictWriter(stream, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    again = runner.invoke(
        app, ["--db", url, "normalise", "--aliases", str(review), "--format", "json", "--all"]
    )
    assert again.exit_code == 0, again.output
    items = {item["product"]: item for item in json.loads(again.output)}
    assert (
        items["Windws Servr"]["product_id"],
        items["Windws Servr"]["cycle"],
        items["Windws Servr"]["method"],
        items["Windws Servr"]["reason"],
    ) == ("windows-server", "2019", "user-alias", "ok")
    assert (items["MX80"]["product_id"], items["MX80"]["method"]) == ("meraki", "user-alias")
    assert items["Windows Server Update Tool"]["reason"] == "review"
    # an existing review file (it may hold decisions) is never replaced
    before = review.read_bytes()
    refused = runner.invoke(app, ["--db", url, "normalise", "--review-file", str(review)])
    assert isinstance(refused.exception, OutputError)  # main() prints it, exit 1
    assert "never replaced" in str(refused.exception)
    assert review.read_bytes() == before


@pytest.mark.parametrize(
    ("decision", "fragment"),
    [
        ("Windows Server", "no known product id"),
        ("windows-servr", "no known product id"),
    ],
)
def test_a_review_decision_that_names_no_product_is_an_error_at_its_line(
    tmp_path: Path, decision: str, fragment: str
) -> None:
    path = tmp_path / "review.csv"
    path.write_text(
        f"decision,product,version\n,Foo,1\n{decision},Windws Servr,2019\n", encoding="utf-8"
    )
    with pytest.raises(AliasFileError) as caught:
        Normaliser.default(path)
    [issue] = caught.value.issues
    assert issue.code is IssueCode.INVALID_VALUE and (issue.file, issue.line) == (str(path), 3)
    assert fragment in str(issue)


def test_a_review_file_without_the_decision_column_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "review.csv"
    path.write_text("product,version\nFoo,1\n", encoding="utf-8")
    with pytest.raises(AliasFileError) as caught:
        Normaliser.default(path)
    [issue] = caught.value.issues
    assert issue.code is IssueCode.MISSING_COLUMN and (issue.file, issue.line) == (str(path), 1)
    assert "decision" in str(issue)


# --- frames ---------------------------------------------------------------------------------


def test_match_frame_carries_status_and_candidates(normaliser: Normaliser) -> None:
    frame = pd.DataFrame(
        {"v": [None, "Cisco", None], "p": ["IOS 15.2", "IOS", "Qwxz"], "ver": [None, "15.2", None]},
        dtype=object,
    )
    result = normaliser.match_frame(frame, "v", "p", "ver")
    assert list(result["status"]) == ["review", "identified", "unmatched"]
    assert result.loc[0, "candidates"] in ("cisco-ios 0.50; ios 0.50", "ios 0.50; cisco-ios 0.50")
    roles = normaliser.match_frame(
        frame, "v", "p", "ver", role=pd.Series(["client", "network", None], dtype=object)
    )
    assert list(roles["product_id"])[:2] == ["ios", "cisco-ios"]


def test_lifecycle_shows_a_reviewed_name_as_unmatched_not_as_a_product(
    snapshot_of: SnapshotBuilder, normaliser: Normaliser
) -> None:
    snapshot = snapshot_of(
        {
            "client": [
                {
                    "municipality": "hylte",
                    "id": "c1",
                    "kind": "laptop",
                    "os_product": "Wndows",
                    "os_version": "10 22H2",
                    "quantity": 40,
                },
                {
                    "municipality": "hylte",
                    "id": "c2",
                    "kind": "laptop",
                    "os_product": "Qwxzy OS",
                    "quantity": 2,
                },
            ]
        }
    )
    products = lifecycle_exposure(snapshot, normaliser, as_of=AS_OF).products
    assert set(products["title"]) == {"Wndows (unmatched, review)", "Qwxzy OS"}
    assert products["product_id"].isna().all()
    assert set(products["lifecycle_state"]) == {"unknown"}


@pytest.mark.parametrize(
    ("vendor", "product", "version", "role", "model", "expected"),
    [
        ("Cisco", "IOS", "16.9.4", "network", "ISR4331/K9", "cisco-ios-xe"),
        ("Cisco", "IOS", "15.2(7)E8", "network", "WS-C2960X-24PS-L", "cisco-ios"),
        (None, "iOS/iPadOS", "17.5.1", "client", "iPad Air (5th generation)", "ipados"),
        ("Apple", "iOS", "16.7.8", "client", "iPad (9th generation)", "ipados"),
        (None, "iOS/iPadOS", "17.5.1", "client", "iPhone 13", "ios"),
        (None, "Windows", "10 22H2", "client", "Apple iPad", "windows"),  # another vendor's
    ],
)
def test_a_model_says_more_than_a_family_name_of_its_vendor(
    normaliser: Normaliser,
    vendor: str | None,
    product: str,
    version: str,
    role: Any,
    model: str,
    expected: str,
) -> None:
    assert normaliser.match(vendor, product, version, role, model).product_id == expected


_SPELLINGS = st.text(alphabet=st.sampled_from("abcxyzåöø019 -./()"), min_size=1, max_size=24)


@settings(
    max_examples=8,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(
    st.lists(_SPELLINGS, min_size=1, max_size=12),
    st.sampled_from([None, "server", "client", "network"]),
)
def test_every_decided_spelling_matches_its_decision(
    tmp_path: Path, spellings: list[str], role: Any
) -> None:
    """Whatever a person wrote, the decision they put next to it is what it matches then
    (method user-alias), whatever the row's role; spellings with no letter or digit are
    refused at their line."""
    named = [text for text in spellings if normalise_name(text)]
    path = tmp_path / f"review-{abs(hash((tuple(spellings), role)))}.csv"
    with path.open("w", encoding="utf-8", newline="") as stream:
        writer = csv.writer(stream)
        writer.writerow(["decision", "product", "version"])
        writer.writerows(["windows", text, ""] for text in spellings)
    if len(named) < len(spellings):
        with pytest.raises(AliasFileError) as caught:
            Normaliser.default(path)
        assert {issue.code for issue in caught.value.issues} == {IssueCode.MISSING_VALUE}
        assert all("product cell is empty" in str(issue) for issue in caught.value.issues)
        return
    normaliser = Normaliser.default(path)
    for text in named:
        match = normaliser.match(None, text, None, role)
        assert (match.product_id, match.method) == ("windows", "user-alias"), text
