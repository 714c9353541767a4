"""The business case in the report: the summary's sentence and key figures, and the
"Business case" section (cost lines, today's cost per municipality, assumptions, who pays).

Amounts in prose are ranges rounded as a person writes them (``gap.money``); tables show
amounts rounded to thousands. Every figure links to docs/method.md (#costs, #ranges,
#assumptions, #cost-key).
"""

from __future__ import annotations

import math
from typing import Any

import pandas as pd

from inventory.gap.cost_key import JOINT
from inventory.gap.costs import BusinessCase
from inventory.gap.money import MoneyRange, format_range, format_signed, table_amount
from inventory.gap.running import AFTER_COUNTS, COST_PARTS, cost_part
from inventory.language.formatting import format_number, number_symbols
from inventory.language.i18n import Lang, code_text, t
from inventory.messages import Message, message_text
from inventory.render.document import Callout, KeyFigure, Paragraph, Section, Table
from inventory.report.tables import ColumnSpec, frame_table


def _range(value: MoneyRange | None, case: BusinessCase, lang: Lang) -> str:
    return t("costs.not_known", lang) if value is None else format_range(value, case.currency, lang)


def _payback(case: BusinessCase, lang: Lang) -> str:
    if case.payback_year is not None:
        text = t(
            "costs.payback_year", lang, year=case.payback_year, calendar=case.payback_calendar_year
        )
    elif case.yearly_saving is None or case.yearly_saving.expected <= 0:
        text = t("costs.payback_never", lang)
    else:
        text = t("costs.payback_beyond", lang, years=case.horizon_years)
    return text + _payback_range(case, lang)


def _case_year(calendar: int | None, case: BusinessCase, lang: Lang) -> str:
    if calendar is None:
        return t("costs.payback_case_none", lang, years=case.horizon_years)
    return str(calendar)


def _payback_range(case: BusinessCase, lang: Lang) -> str:
    """``; best case 2031, worst case none within the plan and 5 years`` when the best or
    worst case pays back in another year than the expected one (a saving whose range
    crosses zero has a worst case that never pays back)."""
    if case.yearly_saving is None:
        return ""
    if case.payback_best == case.payback_year == case.payback_worst:
        return ""
    return t(
        "costs.payback_range",
        lang,
        best=_case_year(case.payback_best_calendar_year, case, lang),
        worst=_case_year(case.payback_worst_calendar_year, case, lang),
    )


def _rate(value: float, lang: Lang) -> str:
    return format_number(value, lang, 0 if float(value).is_integer() else 1)


def summary_text(case: BusinessCase, lang: Lang) -> str:
    """The one-time cost, yearly saving, payback and NPV in one sentence, then the method."""
    if case.yearly_saving is None:
        text = t(
            "costs.summary_no_saving",
            lang,
            one_time=_range(case.one_time, case, lang),
            after=_range(case.running_after, case, lang),
        )
    else:
        text = t(
            "costs.summary",
            lang,
            one_time=_range(case.one_time, case, lang),
            today=_range(case.running_today, case, lang),
            after=_range(case.running_after, case, lang),
            saving=_range(case.yearly_saving, case, lang),
            payback=_payback(case, lang),
            years=case.horizon_years,
            rate=_rate(case.discount_rate_percent, lang),
            npv=_range(case.npv, case, lang),
        )
    rate = case.lines.loc[case.lines["kind"] == "labour", "unit_price"].dropna()
    method = t(
        "costs.method",
        lang,
        rate=format_number(float(rate.iloc[0]), lang, 0) if not rate.empty else "–",
        currency=case.currency,
        years=case.horizon_years,
        **{kind: _rate(value, lang) for kind, value in case.uncertainty_percent.items()},
    )
    return f"{text} {method}"


def summary_blocks(case: BusinessCase, lang: Lang) -> list[Any]:
    """The summary's paragraph on the business case (linked to docs/method.md#costs) and
    a warning when lines are not priced or today's costs are not like with like."""
    blocks: list[Any] = [Paragraph(text=summary_text(case, lang), method="costs")]
    who = who_pays_more(case, lang)
    if who:
        blocks.append(Paragraph(text=who, method="cost-key"))
    warning = _warning(case, lang)
    if warning is not None:
        blocks.append(warning)
    return blocks


def _signed_percent(percent: float, lang: Lang) -> str:
    """``+20``, ``-19`` (``−19``: the locale's minus sign, as the amounts beside it); a
    change that rounds to 0 has no sign."""
    rounded = round(percent)
    sign = "+" if rounded > 0 else (number_symbols(lang).minus if rounded < 0 else "")
    return sign + format_number(abs(rounded), lang, 0)


def who_pays_more(case: BusinessCase, lang: Lang) -> str:
    """One sentence: the municipalities that pay more per year after the merger than
    today under the key, by how much (amount and %), and those that pay less; empty when
    today's cost or the key's shares are not known."""
    rows = case.shares[
        (case.shares["municipality"] != JOINT) & case.shares["yearly_change"].notna()
    ]
    if rows.empty:
        return ""

    def named(frame: pd.DataFrame) -> str:
        parts = [
            t(
                "costs.who_change",
                lang,
                name=name,
                amount=format_signed(float(change), case.currency, lang),
                percent=_signed_percent(float(percent), lang),
            )
            for name, change, percent in zip(
                frame["name"], frame["yearly_change"], frame["yearly_change_percent"], strict=True
            )
        ]
        return (
            t("costs.list_and", lang, items=", ".join(parts[:-1]), last=parts[-1])
            if len(parts) > 1
            else parts[0]
        )

    more = rows[rows["yearly_change"] > 0].sort_values("yearly_change", ascending=False)
    less = rows[rows["yearly_change"] <= 0].sort_values("yearly_change")
    if more.empty:
        return t("costs.who_none_more", lang, keyname=case.key_name)
    text = t(
        "costs.who_more",
        lang,
        keyname=case.key_name,
        more=named(more),
        count=len(more),
        total=len(rows),
    )
    if not less.empty:
        text += " " + t("costs.who_less", lang, less=named(less))
    return text + " " + t("costs.who_other_key", lang)


def _payback_figure(case: BusinessCase, lang: Lang) -> tuple[str | int, str]:
    """The payback card's figure (the calendar year as a number, "after 2035" beyond the
    horizon) and its note (the year from the plan's start, then the best and worst case)."""
    if case.yearly_saving is None:
        return t("costs.not_known", lang), ""
    value: str | int
    if case.payback_year is not None and case.payback_calendar_year is not None:
        value = int(case.payback_calendar_year)  # a year: a number cell, never "2,034"
        note = t("summary.payback_note_year", lang, year=case.payback_year)
    else:
        last = case.cash_flow["starts"].iloc[-1] if not case.cash_flow.empty else None
        value = (
            t("summary.payback_after", lang, year=last.year)
            if last is not None
            else t("costs.kf_payback_none", lang, years=case.horizon_years)
        )
        note = t("costs.kf_payback_none", lang, years=case.horizon_years)
    return value, note + _payback_range(case, lang)


def key_figures(case: BusinessCase, lang: Lang) -> list[KeyFigure]:
    """One-time cost, yearly saving, payback and NPV as written ranges; payback is the
    calendar year, its note the best and worst case."""
    payback, payback_note = _payback_figure(case, lang)
    return [
        KeyFigure(
            label=t("costs.kf_one_time", lang),
            value=_range(case.one_time, case, lang),
            value_type="text",
        ),
        KeyFigure(
            label=t("costs.kf_saving", lang),
            value=_range(case.yearly_saving, case, lang),
            value_type="text",
        ),
        KeyFigure(
            label=t("costs.kf_payback", lang),
            value=payback,
            value_type="year" if isinstance(payback, int) else "text",
            note=payback_note,
        ),
        KeyFigure(
            label=t(
                "costs.kf_npv",
                lang,
                years=case.horizon_years,
                rate=_rate(case.discount_rate_percent, lang),
            ),
            value=_range(case.npv, case, lang),
            value_type="text",
        ),
    ]


def _warning(case: BusinessCase, lang: Lang) -> Callout | None:
    if not case.notes:
        return None
    head = (
        t("costs.not_priced", lang, count=case.not_priced, currency=case.currency)
        if case.not_priced
        else ""
    )
    licences = (
        t("costs.unstated_licences", lang, products=", ".join(case.unstated_licences))
        if case.unstated_licences
        else ""
    )
    # the other notes: messages in the report's language (a few remain English text)
    notes = [
        message_text(note, lang) if isinstance(note, Message) else note
        for note in case.notes
        if note != case.licence_note
    ]
    return Callout(
        level="warning",
        title=t("costs.notes_title", lang),
        text="\n".join(filter(None, [licences, head, *notes])),
    )


def _translated(frame: pd.DataFrame, column: str, prefix: str, lang: Lang) -> pd.Series:
    return frame[column].map(lambda value: t(f"{prefix}.{value}", lang))


def _bought(key: str, lang: Lang) -> str:
    """What a price key buys (``physical_server``, ``network_device:router``), in ``lang``."""
    kind, _, what = key.partition(":")
    if kind == "network_device":
        return f"{code_text('asset_kind', kind, lang)}: {code_text('capability', what, lang)}"
    if kind == "client_device":
        return code_text("client_kind", what, lang)
    return t(f"gs.cost.buy.{key}", lang) if key in ("physical_server", "storage_tb") else key


def _line_label(item: str, label: str, unit: str, lang: Lang, kind_of: str = "") -> str:
    kind, _, rest = item.partition(":")
    if kind_of == "labour":  # an action's work (its code)
        return code_text("action", item, lang)
    if kind_of == "investment":  # what is bought (a price key)
        return _bought(item, lang)
    if item == "staff":
        return t("costs.item.staff", lang)
    if item == "hosting":
        return t("costs.item.energy" if unit == "kWh" else "costs.item.hosting", lang)
    if item == "links":
        return t("costs.item.links", lang)
    if kind == "renewal":
        return t("costs.item.renewal", lang, what=_bought(rest, lang))
    if kind == "it_cost":
        return t("costs.item.it_cost", lang, name=label.partition(": ")[2] or rest)
    return rest if kind == "licence" else label


def _thousands(frame: pd.DataFrame, columns: list[str]) -> pd.DataFrame:
    for column in columns:
        frame[column] = frame[column].astype(float).map(table_amount)
    return frame


def lines_table(case: BusinessCase, lang: Lang) -> Table:
    lines = case.lines.copy()
    lines["label"] = [
        _line_label(item, label, unit, lang, kind)
        for item, label, unit, kind in zip(
            lines["item"], lines["label"], lines["unit"], lines["kind"], strict=True
        )
    ]
    lines["phase"] = _translated(lines, "phase", "costs.phase", lang)
    lines["kind"] = _translated(lines, "kind", "costs.kind", lang)
    lines["source"] = _translated(lines, "source", "costs.source", lang)
    lines["unit"] = _translated(lines, "unit", "costs.unit", lang)
    lines = _thousands(lines, ["amount", "low", "high"])
    money = case.currency
    return frame_table(
        t("costs.lines", lang),
        lines,
        [
            ColumnSpec("line_id", "costs.col_id"),
            ColumnSpec("phase", "costs.col_phase"),
            ColumnSpec("kind", "costs.col_kind"),
            ColumnSpec("label", "costs.col_line"),
            ColumnSpec("work_quantity", "costs.col_work_quantity", "float"),
            ColumnSpec("unit_hours", "costs.col_unit_hours", "float"),
            ColumnSpec("quantity", "costs.col_quantity", "float"),
            ColumnSpec("unit", "report.unit"),
            ColumnSpec("unit_price", "costs.col_unit_price", "float", money),
            ColumnSpec("amount", "costs.col_amount", "money", money),
            ColumnSpec("low", "costs.col_low", "money", money),
            ColumnSpec("high", "costs.col_high", "money", money),
            ColumnSpec("source", "costs.col_source"),
            ColumnSpec("note_message", "column.note"),
        ],
        lang,
        table_id="cost-lines",
        name=t("costs.lines", lang),
        note=t("costs.lines_note", lang),
    )


def today_table(case: BusinessCase, lang: Lang) -> Table:
    today = case.today.copy()
    today["source"] = _translated(today, "source", "costs.source", lang)
    today["comparable"] = _translated(today, "comparable", "costs.comparable", lang)
    for column in ("includes", "excludes"):  # the studies' cost parts, known ones translated
        today[column] = [
            "; ".join(
                code_text("cost_part", cost_part(part), lang) if part in COST_PARTS else part
                for part in str(text).split("; ")
                if part
            )
            for text in today[column]
        ]
    today = _thousands(
        today,
        [
            "it_cost",
            "staff_cost",
            "platform_cost",
            "link_cost",
            "not_itemised",
            "carried_in_cost",
            "carried_outside_cost",
            "not_carried",
        ],
    )
    money = case.currency
    return frame_table(
        t("costs.today", lang),
        today,
        [
            ColumnSpec("name", "column.municipality"),
            ColumnSpec("it_cost", "costs.col_it_cost", "money", money),
            ColumnSpec("source", "costs.col_source"),
            ColumnSpec("definition", "costs.col_definition"),
            ColumnSpec("includes", "costs.col_includes"),
            ColumnSpec("excludes", "costs.col_excludes"),
            ColumnSpec("comparable", "costs.col_comparable"),
            ColumnSpec("staff_fte", "rb.col_it_staff", "float"),
            ColumnSpec("staff_cost", "costs.col_staff_cost", "money", money),
            ColumnSpec("platform_cost", "costs.col_platform_cost", "money", money),
            ColumnSpec("link_cost", "costs.col_link_cost", "money", money),
            ColumnSpec("not_itemised", "costs.col_not_itemised", "money", money),
            # the lines paid today and after alike (gap.carried), within and outside it
            ColumnSpec("carried_in_cost", "costs.col_carried_in_cost", "money", money),
            ColumnSpec("carried_outside_cost", "costs.col_carried_outside_cost", "money", money),
            ColumnSpec("not_carried", "costs.col_not_carried", "money", money),
            ColumnSpec("note_message", "column.note"),
        ],
        lang,
        table_id="cost-today",
        name=t("costs.today", lang),
        note=t(
            "costs.today_note",
            lang,
            counts=", ".join(
                code_text("cost_part", cost_part(part), lang) for part in AFTER_COUNTS
            ),
        ),
    )


def _assumption_unit(unit: str, currency: str, lang: Lang) -> str:
    """A unit key of the assumptions table (``gap.assumptions.ASSUMPTION_UNITS``) in
    ``lang``, a unit of money in ``currency``."""
    return t(f"costs.assumption_unit.{unit}", lang, currency=currency)


def assumptions_table(case: BusinessCase, lang: Lang) -> Table:
    frame = case.assumptions.copy()
    frame["source"] = _translated(frame, "source", "costs.source", lang)
    frame["unit"] = [
        _assumption_unit(str(unit), str(currency), lang)
        for unit, currency in zip(frame["unit"], frame["currency"], strict=True)
    ]
    return frame_table(
        t("costs.assumptions", lang),
        frame,
        [
            ColumnSpec("parameter", "costs.col_parameter"),
            ColumnSpec("value", "report.value", "float"),
            ColumnSpec("unit", "report.unit"),
            ColumnSpec("source", "costs.col_source"),
            ColumnSpec("note", "column.note"),
        ],
        lang,
        table_id="cost-assumptions",
        name=t("costs.assumptions", lang),
    )


def shares_table(case: BusinessCase, lang: Lang) -> Table:
    frame = case.shares.copy()
    frame.loc[frame["municipality"] == JOINT, "name"] = t("costs.joint", lang)
    frame = _thousands(
        frame,
        [
            "one_time_by_key",
            "work_cost",
            "joint_share",
            "work_and_joint",
            "yearly_by_key",
            "today_yearly",
            "yearly_change",
            "npv",
        ],
    )
    frame["yearly_change_percent"] = frame["yearly_change_percent"].round(1)
    # a calendar year as text (no thousands separator); none: not within the years analysed
    frame["payback_calendar_year"] = [
        ""
        if municipality == JOINT or math.isnan(npv)
        else _case_year(None if math.isnan(year) else int(year), case, lang)
        for municipality, year, npv in zip(
            frame["municipality"],
            frame["payback_calendar_year"].astype(float),
            frame["npv"].astype(float),
            strict=True,
        )
    ]
    for column in (
        "one_time_by_key_per_inhabitant",
        "work_per_inhabitant",
        "yearly_by_key_per_inhabitant",
        "today_per_inhabitant",
    ):
        frame[column] = frame[column].map(lambda v: v if math.isnan(v) else float(round(v)))
    money = case.currency
    return frame_table(
        t("costs.shares", lang),
        frame,
        [
            ColumnSpec("name", "column.municipality"),
            ColumnSpec("population", "rb.kf_population", "int"),
            ColumnSpec("share", "rb.col_share", "percent"),
            ColumnSpec("one_time_by_key", "costs.col_one_time_by_key", "money", money),
            ColumnSpec(
                "one_time_by_key_per_inhabitant", "costs.col_one_time_by_key_pi", "money", money
            ),
            ColumnSpec("work_hours", "costs.col_work_hours", "float"),
            ColumnSpec("work_cost", "costs.col_work_cost", "money", money),
            ColumnSpec("joint_share", "costs.col_joint_share", "money", money),
            ColumnSpec("work_and_joint", "costs.col_work_and_joint", "money", money),
            ColumnSpec("work_per_inhabitant", "costs.col_work_pi", "money", money),
            ColumnSpec("yearly_by_key", "costs.col_yearly_by_key", "money", money),
            ColumnSpec(
                "yearly_by_key_per_inhabitant", "costs.col_yearly_by_key_pi", "money", money
            ),
            ColumnSpec("today_yearly", "costs.col_today_yearly", "money", money),
            ColumnSpec("today_per_inhabitant", "costs.col_today_pi", "money", money),
            ColumnSpec("yearly_change", "costs.col_yearly_change", "money", money),
            ColumnSpec("yearly_change_percent", "costs.col_yearly_change_pct", "float"),
            ColumnSpec("payback_calendar_year", "costs.col_own_payback"),
            ColumnSpec("npv", "costs.col_own_npv", "money", money),
        ],
        lang,
        table_id="cost-shares",
        name=t("costs.shares", lang),
    )


def cash_flow_table(case: BusinessCase, lang: Lang) -> Table:
    frame = _thousands(
        case.cash_flow.copy(), ["one_time", "saving", "net", "cumulative", "present_value"]
    )
    money = case.currency
    return frame_table(
        t("costs.cash_flow", lang),
        frame,
        [
            ColumnSpec("year", "costs.col_year", "int"),
            ColumnSpec("starts", "costs.col_starts", "date"),
            ColumnSpec("one_time", "costs.col_spent", "money", money),
            ColumnSpec("saving", "costs.col_saving", "money", money),
            ColumnSpec("net", "costs.col_net", "money", money),
            ColumnSpec("cumulative", "costs.col_cumulative", "money", money),
            ColumnSpec("present_value", "costs.col_present_value", "money", money),
        ],
        lang,
        table_id="cost-cash-flow",
        name=t("costs.cash_flow", lang),
        note=t(
            "costs.cash_flow_note",
            lang,
            years=case.horizon_years,
            rate=_rate(case.discount_rate_percent, lang),
        ),
    )


def business_case_section(case: BusinessCase, lang: Lang) -> Section:
    """The gap part's "Business case": the method, the lines, today's cost, the assumptions
    and who pays."""
    blocks: list[Any] = [Paragraph(text=summary_text(case, lang), method="costs")]
    warning = _warning(case, lang)
    if warning is not None:
        blocks.append(warning)
    blocks += [
        lines_table(case, lang),
        *([cash_flow_table(case, lang)] if not case.cash_flow.empty else []),
        today_table(case, lang),
        Paragraph(text=t("costs.assumptions_intro", lang), method="assumptions"),
        assumptions_table(case, lang),
        Paragraph(
            text=" ".join(
                filter(
                    None,
                    [t("costs.shares_intro", lang, name=case.key_name), who_pays_more(case, lang)],
                )
            ),
            method="cost-key",
        ),
        shares_table(case, lang),
    ]
    return Section(id="business-case", title=t("costs.section", lang), blocks=blocks)
