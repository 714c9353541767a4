"""Product normalisation: real-world spellings, user aliases, alias file errors, frames."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from inventory.analyse.aliases import AliasFileError, normalise_name
from inventory.analyse.normalise import (
    LOW_CONFIDENCE,
    MATCH_COLUMNS,
    Normaliser,
    candidates_text,
)
from inventory.analyse.normalise_review import normalisation_review, normalise_snapshot
from inventory.cli.app import app
from inventory.issues import InvalidInputError, IssueCode

# (vendor, product, version) as written in real inventories -> (product_id, cycle)
SPELLINGS = [
    (None, "Win Srv 2019", None, "windows-server", "2019"),
    (None, "W2k19", None, "windows-server", "2019"),
    (None, "W2k12R2", None, "windows-server", "2012-r2"),
    (None, "Win2019", None, "windows-server", "2019"),
    (None, "WS2012R2", None, "windows-server", "2012-r2"),
    (None, "Microsoft Windows Server 2019 Standard", None, "windows-server", "2019"),
    ("Microsoft", "Windows Server", "2012 R2", "windows-server", "2012-r2"),
    (None, "Windows Server 2022 Datacenter", None, "windows-server", "2022"),
    (None, "Windows Server 2008 R2", None, "windows-server", "2008-r2-sp1"),
    (None, "ESXi 7.0u3", None, "vmware-esxi", "7.0"),
    (None, "VMware ESXi", "7.0 U3", "vmware-esxi", "7.0"),
    (None, "vSphere ESXi 6.7", None, "vmware-esxi", "6.7"),
    ("VMware", "VMware vSphere", "8.0 U2", "vmware-esxi", "8.0"),
    (None, "MS SQL 2016", None, "mssqlserver", "13.0-sp3"),
    (None, "SQL Server 2014", None, "mssqlserver", "12.0-sp3"),
    ("Microsoft", "Microsoft SQL Server 2019 Standard", None, "mssqlserver", "15.0"),
    (None, "RHEL 8", None, "rhel", "8"),
    (None, "Red Hat Enterprise Linux Server 7.9", None, "rhel", "7"),
    (None, "Red Hat Enterprise Linux", "8.6", "rhel", "8"),
    (None, "Ubuntu Server 22.04 LTS", None, "ubuntu", "22.04"),
    (None, "Ubuntu", "22.04.3", "ubuntu", "22.04"),
    (None, "Hyper-V 2016", None, "hyper-v", "2016"),
    (None, "Exchange Server 2016 CU23", None, "msexchange", "2016"),
    (None, "Veeam B&R 12", None, "veeam-backup-and-replication", "12"),
    ("Veeam", "Veeam Backup & Replication", "12.1", "veeam-backup-and-replication", "12"),
    (None, "Win 11 Pro 23H2", None, "windows", "11-23h2-w"),
    (None, "Windows 11 Enterprise 23H2", None, "windows", "11-23h2-e"),
    (None, "Windows", "10 22H2", "windows", "10-22h2"),
    (None, "Windows 10", "22H2", "windows", "10-22h2"),
    (None, "Windows 10 Enterprise LTSC 2019", None, "windows", "10-1809-e-lts"),
    (None, "macOS Sonoma", None, "macos", "14"),
    (None, "macOS", "14.5", "macos", "14"),
    (None, "iPadOS 17", None, "ipados", "17"),
    (None, "FortiOS 7.2", None, "fortios", "7.2"),
    ("Fortinet", "FortiGate 100F", "v7.2.5", "fortios", "7.2"),
    (None, "PAN-OS 10.1", None, "pan-os", "10.1"),
    ("Palo Alto Networks", "PA-3220", "PAN-OS 10.2.9", "pan-os", "10.2"),
    (None, "Cisco IOS-XE 17.3", None, "cisco-ios-xe", "17.3"),
    ("Cisco", "Catalyst 9300", "17.03.04a", "cisco-ios-xe", "17.3"),
    ("Cisco", "Catalyst 3850-24XS", "IOS XE 16.12.1", "cisco-ios-xe", "16.12"),
    (None, "Citrix Virtual Apps 1912 LTSR", None, "citrix-vad", "1912"),
    ("Citrix", "Citrix Virtual Apps and Desktops", "7 2203 LTSR", "citrix-vad", "2203"),
    ("NetApp", "AFF A250", "ONTAP 9.13.1", "netapp-ontap", "9.13.1"),
    (None, "PostgreSQL", "15.4", "postgresql", "15"),
    (None, "Zabbix", "6.0 LTS", "zabbix", "6.0"),
]

# Products outside the catalogue: canonical id, no cycle.
NOT_IN_CATALOGUE = [
    ("Chrome OS", "chromeos"),
    ("ChromeOS Flex", "chromeos-flex"),
    ("SCCM", "mecm"),
    ("ConfigMgr", "mecm"),
    ("MECM", "mecm"),
    ("Intune", "intune"),
    ("Jamf Pro", "jamf-pro"),
    ("M365", "microsoft-365"),
    ("O365", "microsoft-365"),
    ("Office 365", "microsoft-365"),
    ("AD DS", "active-directory"),
    ("ArubaOS-CX 10.10", "arubaos-cx"),
    ("Procapita", "procapita"),
    ("Lifecare SP", "lifecare-sp"),
    ("Lifecare", "lifecare"),
]


@pytest.fixture(scope="module")
def normaliser() -> Normaliser:
    return Normaliser.default()


@pytest.mark.parametrize(("vendor", "product", "version", "product_id", "cycle"), SPELLINGS)
def test_real_world_spelling_maps_to_product_and_cycle(
    normaliser: Normaliser,
    vendor: str | None,
    product: str,
    version: str | None,
    product_id: str,
    cycle: str,
) -> None:
    match = normaliser.match(vendor, product, version)
    assert (match.product_id, match.cycle) == (product_id, cycle)
    assert match.confidence >= LOW_CONFIDENCE
    assert match.method in ("exact", "alias")


@pytest.mark.parametrize(("product", "product_id"), NOT_IN_CATALOGUE)
def test_products_outside_the_catalogue_normalise_through_the_alias_table(
    normaliser: Normaliser, product: str, product_id: str
) -> None:
    match = normaliser.match(None, product, None)
    assert match.product_id == product_id
    assert match.cycle is None
    assert match.confidence == 1.0


def test_canonical_titles(normaliser: Normaliser) -> None:
    assert normaliser.match(None, "W2k19", None).title == "Windows Server"
    assert normaliser.match(None, "esxi", "6.7").title == "VMware ESXi"


def test_the_version_as_written_is_kept(normaliser: Normaliser) -> None:
    assert normaliser.match(None, "VMware ESXi", "7.0 U3").version == "7.0 U3"
    assert normaliser.match(None, "Windows Server 2012 R2 Standard", None).version == "2012 r2"


def test_a_typo_is_not_taken_but_reviewed_with_its_candidate(normaliser: Normaliser) -> None:
    match = normaliser.match(None, "Windws Servr", "2019")
    assert (match.product_id, match.cycle, match.method, match.status) == (
        None,
        None,
        "review",
        "review",
    )
    assert [product_id for product_id, _ in match.candidates] == ["windows-server"]
    assert 0 < match.confidence < LOW_CONFIDENCE
    assert match.title == "Windws Servr"


def test_extra_words_put_the_name_on_review_instead_of_taking_it(normaliser: Normaliser) -> None:
    match = normaliser.match(None, "Windows Server Update Tool", None)
    assert match.product_id is None and match.status == "review"
    assert match.candidates == (("windows-server", 0.7),)
    assert "Windows Server" in match.note


def test_unknown_name_is_unmatched(normaliser: Normaliser) -> None:
    match = normaliser.match("Acme", "Qwertyuiop Zxcv", "1.0")
    assert (match.product_id, match.method, match.confidence) == (None, "none", 0.0)
    assert match.title == "Qwertyuiop Zxcv"


def test_empty_names_are_unmatched(normaliser: Normaliser) -> None:
    assert normaliser.match(None, None, None).method == "none"
    assert normaliser.match(None, "   ", "1").product_id is None


def test_a_version_less_specific_than_the_cycles_is_a_guess_for_review(
    normaliser: Normaliser,
) -> None:
    match = normaliser.match(None, "Windows 11", None)
    assert match.product_id == "windows"
    assert match.cycle is not None and match.cycle.startswith("11-")
    assert match.confidence < LOW_CONFIDENCE


def test_normalise_name_splits_glued_versions() -> None:
    assert normalise_name("VMware ESXi 7.0U3") == "vmware esxi 7.0 u3"
    assert normalise_name("WS2012R2") == "ws 2012 r2"
    assert normalise_name("Cisco IOS-XE") == "cisco ios xe"


# --- user aliases -------------------------------------------------------------------------

USER_ALIASES = """\
products:
  - id: procapita
    title: Lifecare Procapita (CGI)
    names: [Proc VoO, Procapita]
  - id: windows-server
    names: [Serveros]
  - id: our-intranet
    title: Our intranet
    lifecycle: evergreen
    names: [Intranätet]
  - id: esx-family
    title: Our ESX family
    names: [ESXi]
    lifecycle_of: vmware-esxi
"""


def test_user_aliases_add_names_and_override_built_in_ones(tmp_path: Path) -> None:
    path = tmp_path / "aliases.yaml"
    path.write_text(USER_ALIASES, encoding="utf-8")
    normaliser = Normaliser.default(path)
    proc = normaliser.match(None, "Proc VoO", None)
    assert (proc.product_id, proc.title, proc.method) == (
        "procapita",
        "Lifecare Procapita (CGI)",
        "user-alias",
    )
    server = normaliser.match(None, "Serveros", "2019")
    assert (server.product_id, server.cycle, server.method) == (
        "windows-server",
        "2019",
        "user-alias",
    )
    assert normaliser.match(None, "Intranätet", None).product_id == "our-intranet"
    # "ESXi" was a built-in name of vmware-esxi; the user's entry wins and keeps its cycles.
    esx = normaliser.match(None, "ESXi", "7.0 U3")
    assert (esx.product_id, esx.cycle, esx.method) == ("esx-family", "7.0", "user-alias")
    # The built-in table is untouched for everyone else.
    assert Normaliser.default().match(None, "ESXi", "7.0").product_id == "vmware-esxi"


@pytest.mark.parametrize(
    ("text", "line", "fragment"),
    [
        ("products:\n  - id: ok\n    names: [A]\n  - id: Bad Id\n    names: [B]\n", 4, "id"),
        ("products:\n  - id: ok\n    nmaes: [A]\n", 3, "nmaes"),
        ("products:\n  - id: ok\n    patterns: ['(unclosed']\n", 3, "regular expression"),
        ("products:\n  - id: ok\n    lifecycle: forever\n", 3, "lifecycle"),
        ("products:\n  - id: ok\n    names: [A\n  - id: b\n", 4, "Not valid YAML"),
    ],
)
def test_invalid_alias_file_names_the_line(
    tmp_path: Path, text: str, line: int, fragment: str
) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(AliasFileError) as caught:
        Normaliser.default(path)
    message = "\n".join(str(issue) for issue in caught.value.issues)
    assert f"{path}:{line}" in message
    assert fragment in message


def test_missing_alias_file_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(AliasFileError) as caught:
        Normaliser.default(tmp_path / "nope.yaml")
    assert [issue.code for issue in caught.value.issues] == [IssueCode.PATH_NOT_FOUND]
    assert caught.value.issues[0].file == str(tmp_path / "nope.yaml")
    assert isinstance(caught.value, InvalidInputError)


# --- column-wise matching --------------------------------------------------------------------

_VENDORS = st.sampled_from([None, "Microsoft", "VMware", "Cisco", "Dell", "Acme"])
_PRODUCTS = st.sampled_from(
    [
        None,
        "Windows Server",
        "W2k19",
        "ESXi",
        "vSphere ESXi 6.7",
        "Windows",
        "Catalyst 9300",
        "Procapita",
        "Unknown thing",
        "RHEL",
        "Windows Server 2012 R2",
    ]
)
_VERSIONS = st.sampled_from([None, "2019", "7.0 U3", "10 22H2", "8.6", "17.3.4", "", "x"])


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(st.tuples(_VENDORS, _PRODUCTS, _VERSIONS), min_size=0, max_size=40),
    st.integers(min_value=0, max_value=1000),
)
def test_match_frame_equals_row_wise_match(
    rows: list[tuple[str | None, str | None, str | None]], offset: int
) -> None:
    normaliser = Normaliser.default()
    frame = pd.DataFrame(rows, columns=["v", "p", "ver"], dtype=object)
    frame.index = pd.RangeIndex(offset, offset + len(frame))
    result = normaliser.match_frame(frame, "v", "p", "ver")
    assert list(result.columns) == list(MATCH_COLUMNS)
    assert list(result.index) == list(frame.index)
    for (index, row), (_, got) in zip(frame.iterrows(), result.iterrows(), strict=True):
        expected = normaliser.match(row["v"], row["p"], row["ver"])
        for name in MATCH_COLUMNS:
            value = got[name]
            value = (
                None if value is None or (isinstance(value, float) and pd.isna(value)) else value
            )
            wanted = (
                candidates_text(expected.candidates)
                if name == "candidates"
                else getattr(expected, name)
            )
            assert value == wanted, (index, name)


def test_match_frame_accepts_pandas_string_columns(normaliser: Normaliser) -> None:
    frame = pd.DataFrame(
        {
            "v": pd.array(["Microsoft", None], dtype="string"),
            "p": pd.array(["Windows Server", "ESXi"], dtype="string"),
            "ver": pd.array(["2019", pd.NA], dtype="string"),
        }
    )
    result = normaliser.match_frame(frame, "v", "p", "ver")
    assert list(result["product_id"]) == ["windows-server", "vmware-esxi"]
    assert result.loc[0, "cycle"] == "2019"


# --- the review list ---------------------------------------------------------------------


def test_review_lists_unmatched_and_low_confidence_names_with_counts(snapshot_of) -> None:  # type: ignore[no-untyped-def]
    snapshot = snapshot_of(
        {
            "client": [
                {
                    "municipality": "hylte",
                    "id": "c1",
                    "kind": "laptop",
                    "os_product": "Windows",
                    "os_version": "11 23H2",
                    "quantity": 300,
                },
                {
                    "municipality": "hylte",
                    "id": "c2",
                    "kind": "laptop",
                    "os_product": "Wndows",
                    "os_version": "10 22H2",
                    "quantity": 40,
                },
                {
                    "municipality": "gnosjo",
                    "id": "c9",
                    "kind": "laptop",
                    "os_product": "Wndows",
                    "os_version": "10 22H2",
                    "quantity": 2,
                },
            ],
            "application": [
                {"municipality": "hylte", "id": "a1", "name": "Stödsystem X", "vendor": "Acme"},
                {"municipality": "gnosjo", "id": "a2", "name": "Treserva", "product": "Treserva"},
            ],
            "server": [
                {
                    "municipality": "gnosjo",
                    "id": "s1",
                    "os_product": "VMware ESXi",
                    "kind": "physical",
                },
            ],
        }
    )
    normaliser = Normaliser.default()
    frame = normalise_snapshot(snapshot, normaliser)
    assert set(frame["kind"]) == {"client", "application", "server"}
    items = {
        (item.reason, item.product): item for item in normalisation_review(snapshot, normaliser)
    }
    unmatched = items[("unmatched", "Stödsystem X")]
    assert (unmatched.kind, unmatched.count, unmatched.municipalities) == (
        "application",
        1,
        ("hylte",),
    )
    typo = items[("review", "Wndows")]
    assert (typo.product_id, typo.count, typo.records) == (None, 42, 2)
    assert typo.candidates == "windows 0.83" and "spelled like" in typo.note
    assert typo.municipalities == ("gnosjo", "hylte")
    no_cycle = items[("no_cycle", "VMware ESXi")]
    assert no_cycle.product_id == "vmware-esxi"
    assert ("ok", "Windows") not in items and ("ok", "Treserva") not in items
    everything = normalisation_review(snapshot, normaliser, include_all=True)
    assert {item.product for item in everything if item.reason == "ok"} >= {"Windows", "Treserva"}


def test_cli_normalise_lists_names_for_review(
    sqlite_url: str, samples_dir: Path, tmp_path: Path
) -> None:
    runner = CliRunner()
    folders = [
        str(samples_dir / code) for code in ("gislaved", "gnosjo", "hylte", "vaggeryd", "varnamo")
    ]
    imported = runner.invoke(app, ["--db", sqlite_url, "import", *folders])
    assert imported.exit_code == 0, imported.output
    result = runner.invoke(app, ["--db", sqlite_url, "normalise", "--format", "json", "--all"])
    assert result.exit_code == 0, result.output
    items = json.loads(result.output)
    assert items and {"reason", "product", "product_id", "count", "municipalities"} <= set(items[0])
    esxi = [
        item for item in items if item["kind"] == "server" and item["product_id"] == "vmware-esxi"
    ]
    assert {"gislaved", "gnosjo"} <= {code for item in esxi for code in item["municipalities"]}
    assert {item["cycle"] for item in esxi if item["version"] == "7.0 U3"} == {"7.0"}
    old_servers = [
        item
        for item in items
        if item["product_id"] == "windows-server" and item["cycle"] == "2012-r2"
    ]
    assert old_servers and all(item["reason"] == "ok" for item in old_servers)

    bad = tmp_path / "aliases.yaml"
    bad.write_text("products:\n  - id: x\n    names: 5\n", encoding="utf-8")
    failed = runner.invoke(app, ["--db", sqlite_url, "normalise", "--aliases", str(bad)])
    assert failed.exit_code == 1
    assert isinstance(failed.exception, AliasFileError | SystemExit)
