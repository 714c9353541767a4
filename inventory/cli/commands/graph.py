"""``inventory graph``: the dependency graph's size, its export, and what to look at."""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING, Annotated, Any

import typer
from rich.table import Table
from rich.text import Text

from inventory.cli.common import (
    OutputFormat,
    cli_lang,
    code_value,
    console,
    counted,
    number,
    print_json,
    say,
    stored_snapshot,
)
from inventory.cli.options import FormatOption, MunicipalitiesOption, OptionalOutFileOption
from inventory.messages import message_text

if TYPE_CHECKING:
    from inventory.analyse.graph import GraphFinding, GraphSummary

GRAPH_SUFFIXES = (".graphml", ".json")


def graph(
    ctx: typer.Context,
    municipality: MunicipalitiesOption = None,
    out: OptionalOutFileOption = None,
    run_check: Annotated[
        bool,
        typer.Option(
            "--check",
            help="List dependency cycles, unused platforms, idle servers,"
            " applications with no platform and sites with a single uplink.",
        ),
    ] = False,
    limit: Annotated[
        int,
        typer.Option(
            "--limit",
            min=0,
            help="With --check, text: list at most this many findings of each"
            " kind (0: all). JSON always lists all.",
        ),
    ] = 10,
    output_format: FormatOption = OutputFormat.TEXT,
) -> None:
    """Build the dependency graph of the stored inventory and print its size by node and
    edge kind. Client devices are grouped into fleets (never one node per device).

    Exit 0 also when --check finds something (findings are advice, not errors). The text
    output counts the findings per kind and municipality, then lists the first --limit of
    each kind; --format json lists them all. --out writes the graph: FILE.graphml
    (GraphML) or FILE.json (node-link JSON).

    Example: inventory graph --municipality vaggeryd --out vaggeryd.graphml --check
    """
    if out is not None and out.suffix.lower() not in GRAPH_SUFFIXES:
        raise typer.BadParameter(say("cli.graph.wrong_suffix", name=out.name), param_hint="--out")
    from inventory.analyse.graph import graph_run

    run = graph_run(stored_snapshot(ctx, municipality), out=out, run_check=run_check)
    summary, findings = run.summary, run.findings
    if output_format is OutputFormat.JSON:
        data: dict[str, Any] = {"summary": summary.to_json()}
        if findings is not None:
            data["findings"] = [finding.to_json() for finding in findings]
        if out is not None:
            data["written"] = str(out)
        print_json(data)
        return
    render_summary(summary)
    if findings is not None:
        render_findings(findings, limit=limit)
    if out is not None:
        console.print(Text(say("cli.graph.wrote", path=str(out))))


def render_summary(summary: GraphSummary) -> None:
    """Nodes and edges by kind, as two tables."""
    console.print(
        Text(
            say(
                "cli.graph.summary",
                municipalities=", ".join(summary.municipalities) or say("cli.graph.nothing"),
                nodes=counted("node", summary.nodes),
                edges=counted("edge", summary.edges),
                devices=counted("client_device", summary.client_devices),
            )
        )
    )
    for family, counts in (
        ("node_kind", summary.nodes_by_kind),
        ("edge_kind", summary.edges_by_kind),
    ):
        table = Table()
        table.add_column(say(f"cli.graph.{family}"))
        table.add_column(say("cli.col.count"), justify="right")
        for kind, count in counts.items():
            table.add_row(Text(code_value(family, kind)), number(count))
        console.print(table)


def render_findings(findings: list[GraphFinding], *, limit: int = 10) -> None:
    """Counts per kind of finding and municipality, then the first ``limit`` findings of
    each kind (0: all), most serious kind first."""
    if not findings:
        console.print(say("cli.graph.check_none"), markup=False)
        return
    by_code: dict[FindingCode, list[GraphFinding]] = {}
    for finding in findings:
        by_code.setdefault(finding.code, []).append(finding)
    municipalities = sorted({_municipality(finding.node) for finding in findings})
    from inventory.analyse.graph import FindingCode

    table = Table(title=say("cli.graph.check_title", count=len(findings)))
    table.add_column(say("cli.graph.finding"))
    for municipality in municipalities:
        table.add_column(municipality, justify="right")
    table.add_column(say("cli.total"), justify="right")
    for code in FindingCode:  # declared from the most serious down
        if code not in by_code:
            continue
        counts = Counter(_municipality(finding.node) for finding in by_code[code])
        table.add_row(
            Text(code_value("graph_finding", code)),
            *(number(counts[m]) if counts[m] else "" for m in municipalities),
            number(len(by_code[code])),
        )
    console.print(table)
    for code in FindingCode:
        listed = sorted(by_code.get(code, []), key=lambda finding: finding.node)
        shown = listed if limit == 0 else listed[:limit]
        for finding in shown:
            console.print(
                Text(
                    f"{code_value('graph_finding', finding.code)}  {finding.node}:"
                    f" {message_text(finding.text, cli_lang())}"
                )
            )
        if len(shown) < len(listed):
            console.print(
                Text(
                    say(
                        "cli.graph.more",
                        code=code_value("graph_finding", code),
                        count=len(listed) - len(shown),
                    ),
                    style="dim",
                )
            )


def _municipality(node: str) -> str:
    """The municipality code a node name starts with (``code:kind:id``)."""
    return node.split(":", 1)[0]


def register(app: typer.Typer) -> None:
    app.command()(graph)
