"""Editions and tracks: Windows Enterprise/Education vs Home/Pro vs LTSC, the edition a
municipality declares, the conservative date where none is known, a device's own support
end and evergreen operating systems without one. Dates computed by hand from
inventory/data/endoflife-date.json."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping, Sequence
from typing import Any

import pandas as pd
import pytest

from inventory.analyse.editions import (
    EDITION_UNKNOWN,
    cycle_edition,
    edition_written,
    prefer_edition,
)
from inventory.analyse.lifecycle import (
    OWN_SUPPORT_END,
    SUPPORT_END_MISSING,
    TABLET_ON_IOS,
    LifecycleState,
    lifecycle_status,
)
from inventory.analyse.lifecycle_report import lifecycle_exposure
from inventory.analyse.normalise import Normaliser
from inventory.analyse.normalise_review import normalise_snapshot
from inventory.models.enums import ClientEdition
from inventory.snapshot import InventorySnapshot

SnapshotBuilder = Callable[[Mapping[str, Sequence[Mapping[str, Any]]]], InventorySnapshot]
DAY = dt.date(2026, 6, 1)


@pytest.fixture(scope="module")
def normaliser() -> Normaliser:
    return Normaliser.default()


@pytest.mark.parametrize(
    ("product", "version", "cycle"),
    [
        # Enterprise and Education: the (E) cycle, never the LTSC one that shares its label
        ("Windows 10 Enterprise", "21H2", "10-21h2-e"),
        ("Win10 Education", "21H2", "10-21h2-e"),
        ("Microsoft Windows 11 Enterprise", "24H2", "11-24h2-e"),
        ("Windows 11 Education", "24H2", "11-24h2-e"),
        ("Windows 11 Enterprise multi-session", "23H2", "11-23h2-e"),
        ("Windows 11 IoT Enterprise", "24H2", "11-24h2-e"),
        # Swedish and Norwegian edition names
        ("Windows 11 Utbildning", "24H2", "11-24h2-e"),
        ("Windows 11 Utdanning", "23H2", "11-23h2-e"),
        ("Windows 11 Hem", "23H2", "11-23h2-w"),
        ("Windows 10 Hjem", "21H2", "10-21h2-w"),
        # Home and Pro, and no edition: the (W) cycle
        ("Windows 11 Pro", "24H2", "11-24h2-w"),
        ("Windows 11 Pro for Workstations", "23H2", "11-23h2-w"),
        ("Windows 11 Pro Education", "23H2", "11-23h2-w"),  # Microsoft: the Home/Pro servicing
        ("Windows 10 Pro Education", "21H2", "10-21h2-w"),
        ("Windows 11", "24H2", "11-24h2-w"),
        # LTSC only where LTSC or LTSB is written; "LTS" alone is no servicing channel
        ("Windows 10 Enterprise LTSC", "21H2", "10-21h2-e-lts"),
        ("Windows 10 Enterprise LTSC 2019", None, "10-1809-e-lts"),
        ("Windows 10 Enterprise LTSB 2016", None, "10-1607-e-lts"),
        ("Windows 11 Enterprise LTSC 2024", None, "11-24h2-e-lts"),
        ("Windows 10 IoT Enterprise LTSC 2021", None, "10-21h2-iot-lts"),
        ("Windows 10 Enterprise 2019 LTSC", None, "10-1809-e-lts"),
        ("Windows 10 Enterprise 2016 LTSB", None, "10-1607-e-lts"),
        ("Windows 11 IoT Enterprise 2024 LTSC", None, "11-24h2-iot-lts"),
        ("Windows 10 Enterprise LTS", "21H2", "10-21h2-e"),
        # build numbers as Intune, SCCM and AD report them
        ("Windows 11 Enterprise", "10.0.22631.3447", "11-23h2-e"),
        ("Windows 11 Enterprise", "10.0.26100.2605", "11-24h2-e"),
        ("Windows 10 Education", "10.0.19044.5011", "10-21h2-e"),
        ("Windows 11 Pro", "10.0.22621.4317", "11-22h2-w"),
        ("Windows", "10.0.19045.4291", "10-22h2"),
    ],
)
def test_the_edition_written_picks_the_cycle(
    normaliser: Normaliser, product: str, version: str | None, cycle: str
) -> None:
    assert normaliser.match("Microsoft", product, version).cycle == cycle


@pytest.mark.parametrize(
    "product",
    ["Win 10 Enterprise", "Windows 10 Education", "Windows 11 Enterprise", "Windows 10 Utbildning"],
)
def test_an_edition_without_version_never_takes_a_long_term_cycle(
    normaliser: Normaliser, product: str
) -> None:
    found = normaliser.match(None, product, None)
    assert found.product_id == "windows"
    assert found.cycle is not None and "lts" not in cycle_edition(found.cycle)


def test_enterprise_and_pro_of_one_release_end_on_their_own_dates() -> None:
    # Windows 11 23H2: (W) ended 2025-11-11, (E) ends 2026-11-10
    pro = lifecycle_status("windows", "11-23h2-w", DAY)
    enterprise = lifecycle_status("windows", "11-23h2-e", DAY)
    assert (pro.state, pro.eol) == (LifecycleState.END_OF_LIFE, dt.date(2025, 11, 11))
    assert (enterprise.state, enterprise.eol) == (LifecycleState.ENDING, dt.date(2026, 11, 10))
    ltsc = lifecycle_status("windows", "10-21h2-e-lts", DAY)
    assert (ltsc.state, ltsc.eol) == (LifecycleState.ENDING, dt.date(2027, 1, 12))


def test_ios_and_ipados_read_their_own_dates(normaliser: Normaliser) -> None:
    iphone = normaliser.match("Apple", "iOS", "17.5")
    ipad = normaliser.match("Apple", "iPadOS", "17.5")
    assert (iphone.product_id, ipad.product_id) == ("ios", "ipados")
    assert lifecycle_status(iphone.product_id, iphone.cycle, DAY).eol == dt.date(2025, 5, 13)
    # iPadOS 17 still gets updates for iPads that cannot run 18: no end announced
    assert lifecycle_status(ipad.product_id, ipad.cycle, DAY).state is LifecycleState.SUPPORTED


@pytest.mark.parametrize(
    ("texts", "edition"),
    [
        (("Windows 11 Enterprise", None), ClientEdition.ENTERPRISE),
        (("Windows 11", "Education 23H2"), ClientEdition.EDUCATION),
        (("Windows 10 Enterprise LTSC 2021", None), ClientEdition.LTSC),
        (("Windows 10", "Long-Term Servicing Channel"), ClientEdition.LTSC),
        (("Windows 11 Företag", None), ClientEdition.ENTERPRISE),
        (("Windows 11", "23H2"), None),
        (("Windows 11 Pro Education", None), ClientEdition.PRO),
        ((None, None), None),
    ],
)
def test_edition_written(
    texts: tuple[str | None, str | None], edition: ClientEdition | None
) -> None:
    assert edition_written(*texts) is edition


@pytest.mark.parametrize(
    ("spelling", "edition"),
    [
        ("Enterprise", "enterprise"),
        ("utbildning", "education"),
        ("Utdanning", "education"),
        ("Företag", "enterprise"),
        ("bedrift", "enterprise"),
        ("LTSB", "ltsc"),
        ("Hjem", "home"),
    ],
)
def test_client_edition_spellings(spelling: str, edition: str) -> None:
    parsed = ClientEdition.parse(spelling)
    assert parsed is not None and str(parsed) == edition


def test_prefer_edition_keeps_cycles_without_edition() -> None:
    from inventory.analyse.catalogue import default_catalogue

    windows = default_catalogue().products["windows"]
    tens = [r for r in windows.releases if r.cycle.startswith("10-")]
    assert max(prefer_edition(tens, ("e",)), key=lambda r: r.release_date or DAY).cycle == "10-22h2"
    assert {cycle_edition(r.cycle) for r in prefer_edition(tens, ("e", "lts"))} == {("e", "lts")}


# --- a whole inventory: declared editions, unknown editions, a device's own support end ----


def _records(declared: dict[str, str | None]) -> dict[str, list[dict[str, Any]]]:
    return {
        "municipality": [
            {
                "municipality": code,
                "code": code,
                "name": code.title(),
                "country": "SE",
                "client_edition": edition,
            }
            for code, edition in declared.items()
        ],
        "client": [
            *(
                {
                    "municipality": code,
                    "id": "pc",
                    "kind": "laptop",
                    "os_product": "Windows 11",
                    "os_version": "23H2",
                    "quantity": 10,
                }
                for code in declared
            ),
            *(
                {
                    "municipality": code,
                    "id": "pro",
                    "kind": "laptop",
                    "os_product": "Windows 11 Pro",
                    "os_version": "23H2",
                    "quantity": 3,
                }
                for code in declared
            ),
            {
                "municipality": "alfa",
                "id": "cb-old",
                "kind": "chromebook",
                "os_product": "ChromeOS",
                "quantity": 40,
                "support_end": dt.date(2026, 3, 1),
            },
            {
                "municipality": "alfa",
                "id": "cb-new",
                "kind": "chromebook",
                "os_product": "Chrome OS",
                "quantity": 60,
                "support_end": dt.date(2032, 6, 1),
            },
            {
                "municipality": "alfa",
                "id": "cb-unknown",
                "kind": "chromebook",
                "os_product": "ChromeOS",
                "quantity": 7,
            },
            {
                "municipality": "alfa",
                "id": "ipad",
                "kind": "tablet",
                "os_product": "iPadOS",
                "os_version": "17.7",
                "quantity": 5,
                "support_end": dt.date(2026, 9, 1),
            },
            {
                "municipality": "alfa",
                "id": "ipad-ios",
                "kind": "tablet",
                "os_product": "iOS",
                "os_version": "17.5",
                "quantity": 8,
            },
            {
                "municipality": "alfa",
                "id": "iphone",
                "kind": "smartphone",
                "os_product": "iOS",
                "os_version": "17.5",
                "quantity": 9,
            },
        ],
    }


def test_declared_edition_settles_rows_that_name_none(
    snapshot_of: SnapshotBuilder, normaliser: Normaliser
) -> None:
    snapshot = snapshot_of(_records({"alfa": "education", "beta": "ltsc", "gamma": None}))
    frame = normalise_snapshot(snapshot, normaliser).set_index(["municipality", "record_id"])
    assert frame.loc[("alfa", "pc"), "cycle"] == "11-23h2-e"
    assert "education: declared by the municipality" in str(frame.loc[("alfa", "pc"), "note"])
    # 23H2 has no LTSC release: an LTSC declaration means the Enterprise track
    assert frame.loc[("beta", "pc"), "cycle"] == "11-23h2-e"
    # nothing declared: the conservative (W) cycle, said so
    assert frame.loc[("gamma", "pc"), "cycle"] == "11-23h2-w"
    assert EDITION_UNKNOWN in str(frame.loc[("gamma", "pc"), "note"])
    # a row that names its edition keeps it, whatever the municipality declares
    for code in ("alfa", "beta", "gamma"):
        assert frame.loc[(code, "pro"), "cycle"] == "11-23h2-w"
        assert EDITION_UNKNOWN not in str(frame.loc[(code, "pro"), "note"])


def test_lifecycle_output_says_which_dates_are_conservative(
    snapshot_of: SnapshotBuilder, normaliser: Normaliser
) -> None:
    snapshot = snapshot_of(_records({"alfa": "enterprise", "gamma": None}))
    exposure = lifecycle_exposure(snapshot, normaliser, as_of=DAY)
    rows = {
        (r["municipalities"], r["title"], r["cycle"], r["note"]): (r["lifecycle_state"], r["eol"])
        for r in exposure.products.to_dict("records")
    }
    assert rows[
        ("alfa", "Windows", "11-23h2-e", "edition enterprise: declared by the municipality")
    ] == ("ending", dt.date(2026, 11, 10))
    assert rows[("gamma", "Windows", "11-23h2-w", EDITION_UNKNOWN)] == (
        "end_of_life",
        dt.date(2025, 11, 11),
    )


def test_a_device_support_end_and_evergreen_os_without_one(
    snapshot_of: SnapshotBuilder, normaliser: Normaliser
) -> None:
    snapshot = snapshot_of(_records({"alfa": None}))
    exposure = lifecycle_exposure(snapshot, normaliser, as_of=DAY, warn_months=12)
    chrome = exposure.products[exposure.products["title"] == "ChromeOS"].set_index("assets")
    assert chrome.loc[40, "lifecycle_state"] == "end_of_life"  # AUE 2026-03-01
    assert chrome.loc[40, "eol"] == dt.date(2026, 3, 1)
    assert chrome.loc[60, "lifecycle_state"] == "supported"  # AUE 2032-06-01
    assert {chrome.loc[40, "note"], chrome.loc[60, "note"]} == {OWN_SUPPORT_END}
    # no AUE: unknown, not supported, and the row says what is missing
    assert chrome.loc[7, "lifecycle_state"] == "unknown"
    assert chrome.loc[7, "note"] == SUPPORT_END_MISSING
    # a device's own end before the catalogue's (iPadOS 17: no end announced) decides
    ipad = exposure.products[exposure.products["title"] == "iPadOS"].iloc[0]
    assert (ipad["lifecycle_state"], ipad["eol"]) == ("ending", dt.date(2026, 9, 1))
    states = exposure.states.set_index(["municipality", "kind", "lifecycle_state"])["assets"]
    assert states[("alfa", "client", "unknown")] == 7
    assert "evergreen" not in set(exposure.states["lifecycle_state"])


def test_an_evergreen_service_stays_evergreen_and_a_later_own_end_never_extends() -> None:
    assert lifecycle_status("intune", None, DAY).state is LifecycleState.EVERGREEN
    assert lifecycle_status("chromeos", None, DAY, device=True).state is LifecycleState.UNKNOWN
    # a support end after the catalogue's end of life does not extend it
    late = lifecycle_status(
        "windows", "11-23h2-w", DAY, support_end=dt.date(2030, 1, 1), device=True
    )
    assert (late.state, late.eol) == (LifecycleState.END_OF_LIFE, dt.date(2025, 11, 11))


def test_row_facts_keep_the_frame_aligned(
    snapshot_of: SnapshotBuilder, normaliser: Normaliser
) -> None:
    snapshot = snapshot_of(_records({"alfa": None}))
    frame = normalise_snapshot(snapshot, normaliser)
    assert len(frame) == len(snapshot.table("client"))
    ends = frame.set_index("record_id")["support_end"]
    assert ends["cb-old"] == dt.date(2026, 3, 1)
    assert pd.isna(ends["cb-unknown"]) and pd.isna(ends["pc"])


def test_the_end_of_life_section_carries_the_note(
    snapshot_of: SnapshotBuilder, normaliser: Normaliser
) -> None:
    from inventory.analyse.graph import build_graph
    from inventory.gap.blocks import baseline_assets
    from inventory.gap.dependents import DependencyIndex
    from inventory.gap.eol import eol_exposure

    snapshot = snapshot_of(_records({"alfa": None}))
    assets = baseline_assets(snapshot, normaliser, DAY, 12, fleets=True)
    table = eol_exposure(assets, DependencyIndex(build_graph(snapshot)))
    notes = {
        (product, devices): note
        for product, devices, note in zip(
            table["product"], table["devices"], table["note"], strict=True
        )
    }
    assert notes[("Windows", 10)] == EDITION_UNKNOWN  # "Windows 11" 23H2
    assert notes[("Windows", 3)] == ""  # "Windows 11 Pro" 23H2: the edition is written
    assert notes[("ChromeOS", 40)] == OWN_SUPPORT_END  # the Chromebooks past their AUE
    assert set(table.loc[table["product"] == "ChromeOS", "devices"]) == {40}


def test_a_tablet_written_ios_keeps_the_shorter_ios_dates_and_says_so(
    snapshot_of: SnapshotBuilder, normaliser: Normaliser
) -> None:
    snapshot = snapshot_of(_records({"alfa": None}))
    exposure = lifecycle_exposure(snapshot, normaliser, as_of=DAY)
    ios = exposure.products[exposure.products["title"] == "iOS"].set_index("assets")
    # iOS 17 ended 2025-05-13 (iPadOS 17: no end announced): both rows read iOS's date
    assert set(ios["eol"]) == {dt.date(2025, 5, 13)}
    assert ios.loc[8, "note"] == TABLET_ON_IOS
    assert ios.loc[9, "note"] == ""  # a phone runs iOS: nothing to say


@pytest.mark.parametrize(
    ("cycle", "text"),
    [
        ("11-24h2-e", "11 24H2 Enterprise"),
        ("10-21h2-e-lts", "10 21H2 Enterprise LTSC"),
        ("11-24h2-iot-lts", "11 24H2 IoT Enterprise LTSC"),
        ("11-24h2-w", "11 24H2"),
        ("10-22h2", "10 22H2"),
    ],
)
def test_a_proposed_minimum_reads_back_as_its_cycle(
    normaliser: Normaliser, cycle: str, text: str
) -> None:
    from inventory.target.cycles import _version_text

    release = normaliser.catalogue.release("windows", cycle)
    assert release is not None
    assert _version_text(normaliser, "windows", release) == text
    assert normaliser.match("Microsoft", "Windows", text).cycle == cycle


@pytest.mark.parametrize(
    ("edition_header", "edition", "end_header"),
    [
        ("klientutgåva", "Utbildning", "supportslut"),
        ("windows-utgave", "Utdanning", "support til"),
        ("klientutgave", "bedrift", "automatisk uppdatering till"),
        ("windows-utgåva", "LTSB", "AUE"),
        ("client edition", "Enterprise", "auto-update expiration"),
    ],
)
def test_the_new_columns_read_swedish_and_norwegian(
    tmp_path: Any, edition_header: str, edition: str, end_header: str
) -> None:
    from inventory.validate import validate_paths

    folder = tmp_path / "exempel"
    folder.mkdir()
    (folder / "kommun.csv").write_text(
        f"kod;namn;land;{edition_header}\nexempel;Exempel;SE;{edition}\n", encoding="utf-8"
    )
    (folder / "klienter.csv").write_text(
        f"id;typ;os;{end_header}\nCB1;chromebook;ChromeOS;01.06.2031\n", encoding="utf-8"
    )
    batch = validate_paths([folder])
    assert batch.report.valid, batch.report.errors
    tables = batch.municipalities[0].tables
    declared = tables["municipality"].frame["client_edition"].iloc[0]
    assert str(ClientEdition.parse(str(declared))) == str(ClientEdition.parse(edition))
    assert tables["client"].frame["support_end"].iloc[0] == dt.date(2031, 6, 1)


def test_an_unknown_client_edition_lists_the_allowed_ones(tmp_path: Any) -> None:
    from inventory.validate import validate_paths

    folder = tmp_path / "exempel"
    folder.mkdir()
    (folder / "kommun.csv").write_text(
        "kod;namn;land;klientutgåva\nexempel;Exempel;SE;Ultimate\n", encoding="utf-8"
    )
    batch = validate_paths([folder])
    errors = batch.report.errors
    assert len(errors) == 1 and errors[0].line == 2 and errors[0].column == "klientutgåva"
    assert "enterprise" in errors[0].message + str(errors[0].hint)
