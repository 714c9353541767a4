"""The business case of small hand-made inventories, line by line, computed by hand from
the target's numbers (docs/method.md#costs)."""

from __future__ import annotations

import datetime as dt
import math
from typing import Any

import pandas as pd
import pytest

from inventory.gap.assumptions import DEFAULT, STUDY, TARGET
from inventory.gap.cash_flow import timeline
from inventory.gap.costs import BusinessCase, business_case
from inventory.gap.money import MoneyRange
from inventory.snapshot import InventorySnapshot
from inventory.study.inputs import ItCostsFile
from inventory.target.model import TargetArchitecture

RATE = 1150
SWITCH = 25_000


def snapshot(**tables: pd.DataFrame) -> InventorySnapshot:
    return InventorySnapshot(
        tables=dict(tables),
        references=pd.DataFrame(
            columns=[
                "municipality",
                "source_kind",
                "source_id",
                "field",
                "target_kind",
                "target_municipality",
                "target_id",
            ]
        ),
    )


def municipalities(*rows: dict[str, Any]) -> pd.DataFrame:
    base = {
        "name": None,
        "country": "SE",
        "population": None,
        "employees": None,
        "students_with_devices": None,
        "it_staff_fte": None,
        "it_budget": None,
        "currency": "SEK",
    }
    return pd.DataFrame([{**base, **row} for row in rows])


def items(*rows: dict[str, Any]) -> pd.DataFrame:
    base = {
        "domain": "platforms",
        "asset": "",
        "node": "",
        "detail": "",
        "cost": 0.0,
        "tier": 1,
        "buys": "",
        "buy_quantity": 0.0,
    }
    columns = ["municipality", "action", "quantity", "unit_hours", *base]
    frame = pd.DataFrame([{**base, **row} for row in rows], columns=columns)
    frame["hours"] = frame["quantity"] * frame["unit_hours"]
    frame.insert(0, "item_id", [f"I{n:05d}" for n in range(1, len(frame) + 1)])
    return frame


def target(**sections: Any) -> TargetArchitecture:
    return TargetArchitecture.model_validate({"name": "test", **sections})


#: 10 hours of platform work, 3 access switches replaced (4 hours each) and bought.
WORK = items(
    {"municipality": "a", "action": "platform_upgrade", "quantity": 1.0, "unit_hours": 10.0},
    {
        "municipality": "b",
        "domain": "network",
        "action": "network_device_replacement",
        "quantity": 3.0,
        "unit_hours": 4.0,
        "buys": "network_device:access_switch",
        "buy_quantity": 3.0,
    },
)

#: Today 600,000 + 400,000 a year; after: one FTE at 800,000 and nothing else.
ECONOMICS = {
    "horizon_years": 5,
    "discount_rate_percent": 4,
    "uncertainty_percent": {"labour": 25, "investment": 15, "running": 25},
    "running": {"staff_fte": 1, "cost_per_fte": 800_000, "hosting_per_year": 0},
}


def two_municipalities() -> InventorySnapshot:
    return snapshot(
        municipality=municipalities(
            {"code": "a", "name": "A", "population": 30_000, "it_budget": 600_000},
            {"code": "b", "name": "B", "population": 10_000, "it_budget": 400_000},
        )
    )


def case_of(work: pd.DataFrame = WORK, **sections: Any) -> BusinessCase:
    chosen = target(**{"efforts": {"hourly_rate": RATE}, "economics": ECONOMICS, **sections})
    return business_case(two_municipalities(), chosen, work)


def line(case: BusinessCase, item: str) -> pd.Series:
    rows = case.lines[case.lines["item"] == item]
    assert len(rows) == 1, item
    return rows.iloc[0]


def test_one_time_saving_payback_and_npv_by_hand() -> None:
    case = case_of()
    labour = (10 + 3 * 4) * RATE  # 22 hours x 1,150 = 25,300
    investment = 3 * SWITCH  # 75,000 (the documented default price of an access switch)
    one_time = labour + investment  # 100,300
    assert line(case, "platform_upgrade")["amount"] == 10 * RATE
    switches = line(case, "network_device_replacement")
    assert (switches["work_quantity"], switches["unit_hours"], switches["quantity"]) == (3, 4, 12)
    bought = line(case, "network_device:access_switch")
    assert (bought["quantity"], bought["unit"], bought["unit_price"]) == (3, "device", SWITCH)
    assert bought["kind"] == "investment" and bought["source"] == DEFAULT
    assert case.one_time.expected == pytest.approx(one_time)
    today = 600_000 + 400_000
    after = 1 * 800_000
    saving = today - after  # 200,000 a year
    assert case.running_today == MoneyRange.exact(today)
    assert case.running_after.expected == pytest.approx(after)
    assert case.yearly_saving is not None
    assert case.yearly_saving.expected == pytest.approx(saving)
    # no plan given: the migration is year 1 (its whole cost), the saving runs in years 2-6
    # payback: cumulative -100,300 after year 1, +99,700 after year 2
    assert case.payback_year == 2 and case.payback_within_horizon
    # NPV: each year's flow at the end of its year, at 4 %
    npv = -one_time / 1.04 + sum(saving / 1.04**t for t in range(2, 7))
    assert case.npv is not None
    assert case.npv.expected == pytest.approx(npv)


def test_ranges_per_line_kind_by_hand() -> None:
    case = case_of()
    labour, investment = 22 * RATE, 3 * SWITCH
    # labour +/- 25 %, investment +/- 15 %
    assert case.one_time.low == pytest.approx(labour * 0.75 + investment * 0.85)
    assert case.one_time.high == pytest.approx(labour * 1.25 + investment * 1.15)
    # the cost after +/- 25 %; today's stated cost has no spread
    assert case.running_after.low == pytest.approx(600_000)
    assert case.running_after.high == pytest.approx(1_000_000)
    assert case.yearly_saving == MoneyRange(1_000_000 - 1_000_000, 200_000, 1_000_000 - 600_000)
    annuity = sum(1 / 1.04**t for t in range(2, 7))  # the saving in years 2-6
    assert case.npv is not None
    assert case.npv.low == pytest.approx(0 * annuity - (labour * 1.25 + investment * 1.15) / 1.04)
    assert case.npv.high == pytest.approx(
        400_000 * annuity - (labour * 0.75 + investment * 0.85) / 1.04
    )
    # best case: low one-time, high saving; worst: the saving may be 0, never paid back
    assert case.payback_best == 2 and case.payback_worst is None


def test_a_price_with_no_value_is_a_visible_line_not_zero() -> None:
    # EUR: the default prices are SEK list prices, so an access switch has no price
    case = case_of(currency="EUR")
    bought = line(case, "network_device:access_switch")
    assert not bought["priced"] and math.isnan(bought["amount"])
    assert bought["quantity"] == 3 and "SEK" in bought["note"]
    assert case.not_priced >= 1
    assert case.one_time.expected == pytest.approx(22 * RATE)  # the labour only
    assert any(
        "Not priced: network_device:access_switch (3.0 device)" in note
        for note in map(str, case.notes)
    )
    # a price the target states in its currency is used
    priced = case_of(currency="EUR", prices={"network_device": {"access_switch": 2_000}})
    assert line(priced, "network_device:access_switch")["amount"] == 3 * 2_000
    assert line(priced, "network_device:access_switch")["source"] == TARGET


def test_payback_beyond_the_horizon_and_never() -> None:
    slow = case_of(
        items(
            {
                "municipality": "a",
                "action": "platform_replacement",
                "quantity": 1.0,
                "unit_hours": 1000.0,
            }
        )
    )
    # 1,000 h x 1,150 = 1,150,000 in year 1 against 200,000 a year in years 2-6:
    # -1,150,000 + 5 x 200,000 = -150,000 at the end: not paid back within the horizon
    assert slow.payback_year is None
    assert not slow.payback_within_horizon
    assert len(slow.cash_flow) == 6
    assert slow.cash_flow["cumulative"].iloc[-1] == pytest.approx(-150_000)


def test_the_plan_spreads_the_cost_and_the_saving_starts_at_its_end() -> None:
    start = dt.date(2027, 1, 4)
    packages = pd.DataFrame(
        {
            "start": [dt.date(2027, 1, 4), dt.date(2028, 1, 4)],
            "end": [dt.date(2028, 1, 4), dt.date(2028, 7, 4)],
            "cost": [1_000_000.0, 500_000.0],
        }
    )
    flow = timeline(
        packages,
        start,
        MoneyRange.exact(1_500_000),
        MoneyRange.exact(400_000),
        horizon_years=2,
        rate_percent=4,
    )
    # years from the start: [2027-01-04, 2028-01-04) 365 days, [2028-01-04, 2029-01-04)
    # 366 days (29 Feb 2028), then 365 and 365; the plan ends 2028-07-04, the saving runs
    # two years from there: 184 days of year 2, all of year 3, 181 days of year 4
    assert 184 + 365 + 181 == 730
    year2 = -500_000 + 400_000 * 184 / 366
    year4 = 400_000 * 181 / 365
    table = flow.table
    assert list(table["year"]) == [1, 2, 3, 4]
    assert list(table["starts"]) == [
        dt.date(2027, 1, 4),
        dt.date(2028, 1, 4),
        dt.date(2029, 1, 4),
        dt.date(2030, 1, 4),
    ]
    assert list(table["net"]) == [-1_000_000, round(year2), 400_000, round(year4)]
    npv = -1_000_000 / 1.04 + year2 / 1.04**2 + 400_000 / 1.04**3 + year4 / 1.04**4
    assert flow.npv.expected == pytest.approx(npv)
    # cumulative: -1,000,000; -1,298,907; -898,907; -700,550: not paid back
    assert flow.payback_year is None
    assert flow.plan_years == pytest.approx(547 / 365.25)  # 2027-01-04 to 2028-07-04
    # a saving of 1,000,000: -1,000,000; -997,268; +2,732 -> year 3, mostly in 2029
    faster = timeline(
        packages,
        start,
        MoneyRange.exact(1_500_000),
        MoneyRange.exact(1_000_000),
        horizon_years=2,
        rate_percent=4,
    )
    assert faster.payback_year == 3 and faster.calendar_year(3) == 2029


def test_running_cost_after_counted_from_the_inventory() -> None:
    municipality = municipalities(
        {
            "code": "a",
            "name": "A",
            "population": 5000,
            "employees": 400,
            "students_with_devices": 300,
            "it_staff_fte": 3,
            "it_budget": 5_000_000,
        }
    )
    servers = pd.DataFrame(
        {
            "id": ["h1", "h2", "vm1", "old"],
            "kind": ["physical", "physical", "virtual", "physical"],
            "power_w": [500.0, None, None, 300.0],
            "status": ["active", None, None, "retired"],
        }
    )
    clients = pd.DataFrame(
        {"id": ["c1", "c2"], "kind": ["laptop", "printer"], "quantity": [100, 10]}
    )
    inventory = snapshot(
        municipality=municipality,
        server=servers.assign(municipality="a"),
        client=clients.assign(municipality="a"),
    )
    chosen = target(
        datacentres={"primary": "a:DC1", "watts_per_physical_server": 400},
        economics={
            "running": {
                "lines": [
                    {"name": "M365", "per": "user", "price_per_year": 4300},
                    {"name": "Backup", "per": "server", "price_per_year": 1500},
                    {"name": "MDM", "per": "device", "price_per_year": 100},
                ]
            }
        },
    )
    case = business_case(inventory, chosen, items())
    # staff not stated: today's 3 FTE x the default 780,000 (no staff saving)
    assert line(case, "staff")["amount"] == 3 * 780_000
    # energy: the two hosts in service (500 W + 400 W default) x 8,760 h x 1.5 SEK/kWh
    assert line(case, "hosting")["quantity"] == pytest.approx(0.9 * 8760)
    assert line(case, "hosting")["amount"] == pytest.approx(0.9 * 8760 * 1.5)
    assert line(case, "licence:M365")["amount"] == 400 * 4300
    assert line(case, "licence:Backup")["amount"] == 3 * 1500  # h1, h2, vm1 in service
    assert line(case, "licence:MDM")["amount"] == 100 * 100  # printers not counted
    # renewal: 2 hosts x 150,000 / 6 years; 100 laptops x 12,000 / 4; 10 printers x 15,000 / 4
    assert line(case, "renewal:physical_server")["amount"] == pytest.approx(2 * 150_000 / 6)
    assert line(case, "renewal:client_device:laptop")["amount"] == pytest.approx(100 * 12_000 / 4)
    assert line(case, "renewal:client_device:printer")["amount"] == pytest.approx(10 * 15_000 / 4)
    expected_after = (
        3 * 780_000
        + 0.9 * 8760 * 1.5
        + 400 * 4300
        + 3 * 1500
        + 100 * 100
        + 2 * 150_000 / 6
        + 100 * 12_000 / 4
        + 10 * 15_000 / 4
    )
    assert case.running_after.expected == pytest.approx(expected_after)
    today = case.today.iloc[0]
    assert today["source"] == "municipality_table" and today["comparable"] == "unknown"
    assert today["staff_cost"] == 3 * 780_000


def test_today_from_the_study_with_what_it_counts() -> None:
    study = ItCostsFile.model_validate(
        {
            "study": "test",
            "definitions": [
                {
                    "id": "own",
                    "description": "own",
                    "currency": "SEK",
                    "year": 2023,
                    "includes": [
                        "it staff",
                        "infrastructure",
                        "licences",
                        "client devices",
                        "communication",
                    ],
                },
                {
                    "id": "contract",
                    "description": "contract incl. telephony",
                    "currency": "SEK",
                    "year": 2023,
                    "includes": [
                        "it staff",
                        "infrastructure",
                        "licences",
                        "client devices",
                        "communication",
                        "telephony",
                    ],
                },
            ],
            "municipalities": [
                {"municipality": "a", "name": "A", "it_cost": 700_000, "definition": "own"},
                {"municipality": "b", "name": "B", "it_cost": 450_000, "definition": "contract"},
            ],
        }
    )
    chosen = target(efforts={"hourly_rate": RATE}, economics=ECONOMICS)
    case = business_case(two_municipalities(), chosen, WORK, it_costs=study)
    assert case.running_today == MoneyRange.exact(700_000 + 450_000)
    today = case.today.set_index("municipality")
    assert (today.loc["a", "source"], today.loc["a", "comparable"]) == (STUDY, "yes")
    assert today.loc["b", "comparable"] == "no" and "telephony" in str(today.loc["b", "note"])
    assert not case.comparable
    notes = [str(note) for note in case.notes]  # messages: their English text
    assert any("telephony" in note and "not like with like" in note for note in notes)


def test_today_not_known_means_no_saving() -> None:
    inventory = snapshot(municipality=municipalities({"code": "a", "name": "A"}))
    case = business_case(inventory, target(economics=ECONOMICS), WORK)
    assert case.running_today is None and case.yearly_saving is None and case.npv is None
    assert any("not known for a" in note for note in map(str, case.notes))


def test_assumptions_say_where_each_number_comes_from() -> None:
    case = case_of()
    table = case.assumptions.set_index("parameter")
    assert table.loc["efforts.hourly_rate", "source"] == TARGET
    assert table.loc["efforts.hourly_rate", "value"] == RATE
    assert table.loc["efforts.os_upgrade_hours", "source"] == DEFAULT
    assert table.loc["prices.network_device.access_switch", "source"] == DEFAULT
    assert table.loc["economics.discount_rate_percent", "value"] == 4
    assert table.loc["economics.discount_rate_percent", "source"] == TARGET
    assert table.loc["economics.uncertainty_percent.investment", "value"] == 15
    assert table.loc["cost_key.equal", "source"] == DEFAULT
    # every unit effort of the target is listed
    assert {f"efforts.{name}" for name in type(target().efforts).model_fields} <= set(table.index)


def test_the_business_case_reaches_the_json() -> None:
    payload = case_of().to_json()
    assert payload["one_time"]["expected"] == 22 * RATE + 3 * SWITCH
    assert payload["payback_year"] == 2  # year 1 is the migration (no plan given)
    assert {"cost_lines", "assumptions", "cost_shares", "running_today", "cash_flow"} <= set(
        payload
    )
    assert [row["year"] for row in payload["cash_flow"]] == [1, 2, 3, 4, 5, 6]


def test_products_with_no_yearly_licence_line_are_listed_never_hidden() -> None:
    capabilities = {
        "hypervisor": {"products": [{"product": "VMware vSphere"}]},
        "endpoint_management": {"products": [{"product": "Microsoft Intune"}]},
    }
    clients = [
        {"user_group": "staff", "os": [{"product": "Windows"}], "management": "Microsoft Intune"}
    ]
    running: dict[str, Any] = {
        "staff_fte": 1,
        "cost_per_fte": 800_000,
        "hosting_per_year": 0,
        "lines": [
            # names Windows Server (the longest product its name holds), not Windows
            {"name": "Windows Server Datacenter (2 hosts)", "price_per_year": 50_000},
            {
                "name": "Microsoft 365 E3",
                "per": "user",
                "price_per_year": 0,
                "products": ["microsoft intune"],
            },
        ],
    }
    case = case_of(
        capabilities=capabilities,
        clients=clients,
        server_os=[{"product": "Windows Server"}],
        economics={**ECONOMICS, "running": running},
    )
    # the target runs VMware vSphere, Microsoft Intune, Windows Server, Windows: the lines
    # pay for Windows Server (by name) and Intune (listed): two are left
    assert case.unstated_licences == ["VMware vSphere", "Windows"]
    assert case.licence_note is not None and case.licence_note in case.notes
    assert "VMware vSphere, Windows" in case.licence_note
    rows = case.assumptions[
        case.assumptions["parameter"].str.startswith("economics.running.lines.")
    ].set_index("parameter")
    for product in ("VMware vSphere", "Windows"):
        name = f"economics.running.lines.{product}"
        assert rows.at[name, "source"] == "none" and rows["value"].isna()[name]
        assert "not stated" in str(rows.at[name, "note"])
    # the Windows Server line is in the cost after: 800,000 staff + 50,000
    assert case.running_after.expected == pytest.approx(800_000 + 50_000)


def test_each_municipality_pays_its_key_share_and_gets_its_own_npv() -> None:
    case = case_of()
    # key 50 % equal, 50 % population: a 0.5 x 0.5 + 0.5 x 30/40 = 0.625, b 0.375
    shares = case.shares.set_index("municipality")
    after = 800_000
    assert shares.loc["a", "yearly_by_key"] == pytest.approx(0.625 * after)  # 500,000
    assert shares.loc["a", "yearly_change"] == pytest.approx(500_000 - 600_000)
    assert shares.loc["a", "yearly_change_percent"] == pytest.approx(-100 / 6)
    assert shares.loc["b", "yearly_change"] == pytest.approx(300_000 - 400_000)
    # own NPV: the key share of the one-time cost in year 1, own saving in years 2-6, 4 %
    one_time = 22 * RATE + 3 * SWITCH  # 100,300
    annuity = sum(1 / 1.04**t for t in range(2, 7))
    npv_a = -0.625 * one_time / 1.04 + 100_000 * annuity
    assert shares.loc["a", "npv"] == pytest.approx(npv_a)
    assert shares.loc["a", "payback_year"] == 2  # -62,688 after year 1, +37,313 after 2
    # the municipalities' NPVs add up to the business case's
    assert case.npv is not None
    assert shares.loc[["a", "b"], "npv"].sum() == pytest.approx(case.npv.expected)


def test_the_report_says_who_pays_more_and_the_payback_range() -> None:
    from inventory.report.costs import key_figures, who_pays_more

    # after: 1,200,000 (staff 1.5 FTE x 800,000): a 0.625 x = 750,000 (600,000 today),
    # b 450,000 (400,000 today): both pay more
    running = {"staff_fte": 1.5, "cost_per_fte": 800_000, "hosting_per_year": 0}
    case = case_of(economics={**ECONOMICS, "running": running})
    text = who_pays_more(case, "en")
    assert "2 of 2 municipalities pay more per year" in text
    assert "A (+150 kSEK a year, +25 %) and B (+50.0 kSEK a year, +12 %)" in text
    sv = who_pays_more(case, "sv")
    assert "betalar 2 av 2 kommuner mer per år" in sv and "A (+150 tkr per år, +25 %)" in sv
    # the saving of case_of() is 0 to 400,000: best case year 2, worst case never; the card
    # holds the figure (the calendar year), its note the year from the start, best and worst
    plain = case_of()
    payback = next(f for f in key_figures(plain, "en") if f.label == "Payback")
    if plain.payback_year is not None:
        assert payback.value == plain.payback_calendar_year and payback.value_type == "year"
        assert payback.note.startswith(f"year {plain.payback_year} from the plan's start")
    else:  # beyond the horizon: "after" the cash flow's last year
        last = plain.cash_flow["starts"].iloc[-1].year
        assert payback.value == f"after {last}"
    assert payback.note.endswith(
        "; best case "
        + str(plain.payback_best_calendar_year)
        + ", worst case none within the plan and 5 years"
    )


def test_a_cost_no_package_carries_falls_in_year_one_never_lost() -> None:
    start = dt.date(2027, 1, 4)
    packages = pd.DataFrame({"start": [start], "end": [dt.date(2027, 6, 1)], "cost": [0.0]})
    flow = timeline(
        packages,
        start,
        MoneyRange.exact(300_000),
        MoneyRange.exact(100_000),
        horizon_years=3,
        rate_percent=0,
    )
    assert flow.table["one_time"].sum() == 300_000
    assert flow.table["one_time"].iloc[0] == 300_000
    # the saving runs three years from 2027-06-01: 215 days of year 1 ... 365 - 150 ...
    assert flow.table["saving"].sum() == pytest.approx(300_000, abs=2)
    assert flow.npv.expected == pytest.approx(0, abs=2)  # 0 % rate: -300,000 + 3 x 100,000


# -- carried lines (docs/method.md#costs, "Carried lines") --------------------------------


def _carried_inventory(laptops: int, budget_a: float) -> InventorySnapshot:
    """a runs Microsoft 365 today (its platform table says so), b does not; a may have
    laptops, whose renewal it pays today (its budget holds them)."""
    tables: dict[str, pd.DataFrame] = {
        "municipality": municipalities(
            {"code": "a", "name": "A", "employees": 100, "it_budget": budget_a},
            {"code": "b", "name": "B", "employees": 50, "it_budget": 400_000},
        ),
        "platform": pd.DataFrame(
            {
                "municipality": ["a"],
                "id": ["p1"],
                "capability": ["collaboration"],
                "product": ["Microsoft 365"],
            }
        ),
    }
    if laptops:
        tables["client"] = pd.DataFrame(
            {"municipality": ["a"], "id": ["c1"], "kind": ["laptop"], "quantity": [laptops]}
        )
    return snapshot(**tables)


#: Areas A and B run jointly (40 % of the reference spend); one FTE, no hosting, Microsoft
#: 365 per user.
CARRIED_TARGET = {
    "scope": ["A", "B"],
    "economics": {
        "uncertainty_percent": {"labour": 25, "investment": 15, "running": 25},
        "running": {
            "staff_fte": 1,
            "cost_per_fte": 800_000,
            "hosting_per_year": 0,
            "lines": [{"name": "Microsoft 365 E3", "per": "user", "price_per_year": 4300}],
        },
    },
}


def test_a_carried_line_is_equal_before_and_after_and_leaves_the_saving_alone() -> None:
    without = business_case(_carried_inventory(0, 600_000), target(**CARRIED_TARGET), items())
    # a runs Microsoft 365 today: its 100 users are carried; b's 50 are added
    carried = without.lines[without.lines["item"] == "licence:Microsoft 365 E3"]
    assert sorted(carried["phase"]) == ["after", "carried"]
    m365_a = carried[carried["phase"] == "carried"].iloc[0]
    assert (m365_a["quantity"], m365_a["amount"]) == (100, 100 * 4300)  # 430,000
    assert m365_a["low"] == m365_a["high"] == m365_a["amount"]  # same on both sides
    assert carried[carried["phase"] == "after"].iloc[0]["amount"] == 50 * 4300  # 215,000
    # today 1,000,000 less the carried 430,000 = 570,000: A and B 40 %, the rest kept
    rest = 1_000_000 - 430_000
    kept = 0.6 * rest  # 342,000
    changed = 800_000 + 50 * 4300  # staff and b's new licences: 1,015,000
    assert line(without, "kept_outside_scope")["amount"] == pytest.approx(kept)
    assert without.running_today == MoneyRange.exact(1_000_000)
    assert without.running_after.expected == pytest.approx(changed + kept + 430_000)
    saving = 0.4 * rest - changed  # 228,000 - 1,015,000 = -787,000
    assert without.yearly_saving is not None
    assert without.yearly_saving.expected == pytest.approx(saving)
    # only the changed lines are uncertain (+/- 25 %): the carried and kept ones cancel
    assert without.yearly_saving.low == pytest.approx(saving - 0.25 * changed)
    assert without.yearly_saving.high == pytest.approx(saving + 0.25 * changed)
    # ten laptops a pays today (its budget 30,000 higher): carried, the saving unchanged
    renewal = 10 * 12_000 / 4  # the default laptop price over the default 4 years
    with_laptops = business_case(
        _carried_inventory(10, 600_000 + renewal), target(**CARRIED_TARGET), items()
    )
    laptops = line(with_laptops, "renewal:client_device:laptop")
    assert laptops["phase"] == "carried" and laptops["amount"] == pytest.approx(renewal)
    assert with_laptops.running_today == MoneyRange.exact(1_000_000 + renewal)
    assert with_laptops.running_after.expected == pytest.approx(changed + kept + 430_000 + renewal)
    assert with_laptops.yearly_saving is not None
    assert with_laptops.yearly_saving.expected == pytest.approx(saving)
    today = with_laptops.today.set_index("municipality")
    assert today.loc["a", "carried_in_cost"] == pytest.approx(430_000 + renewal)
    assert today.loc["a", "not_carried"] == pytest.approx(600_000 - 430_000)


def test_a_definition_that_leaves_devices_out_keeps_their_renewal_out_of_both() -> None:
    study = ItCostsFile.model_validate(
        {
            "study": "test",
            "definitions": [
                {
                    "id": "no-devices",
                    "description": "IT only",
                    "currency": "SEK",
                    "year": 2023,
                    "includes": ["it staff", "infrastructure", "licences", "communication"],
                    "excludes": ["client devices"],
                }
            ],
            "municipalities": [
                {"municipality": "a", "name": "A", "it_cost": 600_000, "definition": "no-devices"},
                {"municipality": "b", "name": "B", "it_cost": 400_000, "definition": "no-devices"},
            ],
        }
    )
    case = business_case(
        _carried_inventory(10, 600_000), target(**CARRIED_TARGET), items(), it_costs=study
    )
    renewal = 10 * 12_000 / 4
    today = case.today.set_index("municipality")
    # the laptops are paid outside the stated IT cost: shown, in neither total
    assert today.loc["a", "carried_outside_cost"] == pytest.approx(renewal)
    assert today.loc["a", "carried_in_cost"] == pytest.approx(430_000)
    assert "client devices" in str(today.loc["a", "note"])
    assert line(case, "renewal:client_device:laptop")["phase"] == "carried"
    rest = 1_000_000 - 430_000
    changed = 800_000 + 50 * 4300
    assert case.running_after.expected == pytest.approx(changed + 0.6 * rest + 430_000)
    assert case.yearly_saving is not None
    assert case.yearly_saving.expected == pytest.approx(0.4 * rest - changed)


def test_a_change_per_municipality_reads_with_the_locales_minus_sign() -> None:
    """The report's "Gislaveds kommun (-7.92 MSEK a year, -19 %)": the amount
    (gap.money.format_signed) and the percentage carry the same minus sign, the locale's
    ('-' in English, U+2212 in Swedish and Norwegian); a change rounding to 0 has none."""
    from inventory.gap.money import format_signed
    from inventory.report.costs import _signed_percent

    assert (format_signed(-7_920_000, "SEK", "en"), _signed_percent(-18.6, "en")) == (
        "-7.92 MSEK",
        "-19",
    )
    assert (format_signed(-7_920_000, "SEK", "sv"), _signed_percent(-18.6, "sv")) == (
        "\u22127,92 mnkr",
        "\u221219",
    )
    assert _signed_percent(-18.6, "no") == "\u221219"
    assert _signed_percent(20.2, "sv") == "+20"
    assert _signed_percent(-0.3, "en") == "0"
