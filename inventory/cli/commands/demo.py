"""``inventory demo``: the main job on the bundled samples."""

from __future__ import annotations

from typing import TYPE_CHECKING

import typer

from inventory.cli.common import OutputFormat, cli_lang, console, print_json, say
from inventory.cli.options import FormatOption, OptionalOutDirOption
from inventory.language.i18n import t

if TYPE_CHECKING:
    from inventory.demo import DemoResult


def _number(value: float | int | None, digits: int = 0) -> str:
    from inventory.language.formatting import format_number

    if value is None:
        return "-"
    return format_number(value, cli_lang(), digits)


def _percent(fraction: float | int | None) -> str:
    from inventory.language.formatting import format_percent

    return "-" if fraction is None else format_percent(fraction, cli_lang())


def _year(value: float | int | None) -> str:
    from inventory.language.formatting import format_year

    return "-" if value is None else format_year(value)


def _payback(figures: dict[str, float | int | None]) -> str:
    """The payback year as the summary's card writes it ("after 2035" past the cash flow)."""
    after = figures.get("payback_after_year")
    if figures.get("payback_calendar_year") is None and after is not None:
        return t("summary.payback_after", cli_lang(), year=int(after))
    return _year(figures.get("payback_calendar_year"))


def _money(figures: dict[str, float | int | None], key: str, currency: str) -> str:
    """A cost as people write it: the one-time cost with its range, never to the krona."""
    from inventory.gap.money import MoneyRange, format_range

    expected = figures.get(key)
    if expected is None:
        return "-"
    prefix = "one_time" if key == "cost" else key
    low, high = figures.get(f"{prefix}_low"), figures.get(f"{prefix}_high")
    if low is None or high is None:
        return format_range(MoneyRange.exact(float(expected)), currency, cli_lang())
    return format_range(MoneyRange(float(low), float(expected), float(high)), currency, cli_lang())


def _print_result(result: DemoResult) -> None:
    figures = result.figures
    rows = [
        ("municipalities", _number(figures["municipalities"])),
        ("population", _number(figures["population"])),
        ("servers", _number(figures["servers"])),
        ("client_devices", _number(figures["client_devices"])),
        ("applications", _number(figures["applications"])),
        ("similarity", _percent(figures.get("mean_similarity"))),
        ("readiness", _percent(figures.get("readiness"))),
        ("eol", _number(figures["eol_assets"])),
        ("effort", say("cli.demo.hours", count=_number(figures["effort_hours"]))),
        ("one_time", _money(figures, "cost", result.currency)),
        ("saving", _money(figures, "yearly_saving", result.currency)),
        ("payback", _payback(figures)),
        (
            "plan",
            say(
                "cli.demo.plan_value",
                count=_number(figures.get("plan_weeks")),
                year=_year(figures.get("plan_end_year")),
            ),
        ),
    ]
    labels = [say(f"cli.demo.{key}") for key, _ in rows]
    width = max(len(label) for label in labels) + 2
    lines = [
        say(
            "cli.demo.imported",
            count=result.stored_records,
            samples=str(result.samples),
            database=result.database_url,
        ),
        "",
    ]
    lines += [f"  {label:<{width}}{value}" for label, (_, value) in zip(labels, rows, strict=True)]
    lines.append("")
    lines += [f"  {fmt:<5} {path}" for fmt, path in result.files.reports.items()]
    lines.append(
        "  "
        + say(
            "cli.demo.diagrams",
            count=len(result.files.diagrams),
            folder=str(result.out_dir / "diagrams"),
        )
    )
    lines.append(
        "\n"
        + say(
            "cli.demo.done", seconds=round(result.seconds), path=str(result.files.reports["html"])
        )
        if "html" in result.files.reports
        else ""
    )
    for line in lines:
        console.print(line, markup=False)


def demo(
    out: OptionalOutDirOption = None,
    output_format: FormatOption = OutputFormat.TEXT,
) -> None:
    """Run the main job on the bundled samples: import the five municipalities into a
    fresh SQLite file, analyse overlap and the gap against samples/target.yaml, and
    write every report and diagram.

    --out: the folder for the database, reports and diagrams (default: out/demo).
    Text: a summary; --format json: the paths and headline figures.

    Example: inventory demo --out out/demo
    """
    from inventory.heap import no_cyclic_gc

    with no_cyclic_gc():  # while the libraries load: ~150 collections of what all lives on
        from inventory.demo import DEFAULT_OUT_DIR, run_demo
    result = run_demo(out or DEFAULT_OUT_DIR, lang=cli_lang())
    if output_format is OutputFormat.JSON:
        print_json(result.to_json())
    else:
        _print_result(result)


def register(app: typer.Typer) -> None:
    app.command("demo")(demo)
