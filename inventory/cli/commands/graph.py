"""``inventory graph``: the dependency graph's size, its export, and what to look at."""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.table import Table
from rich.text import Text

from inventory.analyse.graph import (
    FindingCode,
    GraphFinding,
    GraphSummary,
    build_graph,
    check,
)
from inventory.cli.common import OutputFormat, console, print_json, stored_snapshot

GRAPH_SUFFIXES = (".graphml", ".json")


def graph(
    ctx: typer.Context,
    municipality: Annotated[list[str] | None, typer.Option(
        "--municipality", "-m", help="Only this municipality (code); repeat for more.")] = None,
    out: Annotated[Path | None, typer.Option(
        "--out", dir_okay=False, help="Write the graph: FILE.graphml (GraphML) or FILE.json"
        " (node-link JSON).")] = None,
    run_check: Annotated[bool, typer.Option(
        "--check", help="List dependency cycles, unused platforms, idle servers,"
        " applications with no platform and sites with a single uplink.")] = False,
    limit: Annotated[int, typer.Option(
        "--limit", min=0, help="With --check, text: list at most this many findings of each"
        " kind (0: all). JSON always lists all.")] = 10,
    output_format: Annotated[OutputFormat, typer.Option(
        "--format", help="text: tables; json: summary (and findings).")] = OutputFormat.TEXT,
) -> None:
    """Build the dependency graph of the stored inventory and print its size by node and
    edge kind. Client devices are grouped into fleets (never one node per device).

    Exit 0 also when --check finds something (findings are advice, not errors). The text
    output counts the findings per kind and municipality, then lists the first --limit of
    each kind; --format json lists them all.

    Example: inventory graph --municipality vaggeryd --out vaggeryd.graphml --check
    """
    if out is not None and out.suffix.lower() not in GRAPH_SUFFIXES:
        raise typer.BadParameter(f"{out.name}: write .graphml or .json.", param_hint="--out")
    inventory_graph = build_graph(stored_snapshot(ctx, municipality))
    if out is not None:
        inventory_graph.write(out)
    summary = inventory_graph.summary()
    findings = check(inventory_graph) if run_check else None
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
        console.print(Text(f"Wrote {out}"))


def render_summary(summary: GraphSummary) -> None:
    """Nodes and edges by kind, as two tables."""
    console.print(Text(f"Dependency graph of {', '.join(summary.municipalities) or 'nothing'}:"
                       f" {summary.nodes:,} nodes, {summary.edges:,} edges,"
                       f" {summary.client_devices:,} client devices in fleets"))
    for title, counts in (("node kind", summary.nodes_by_kind),
                          ("edge kind", summary.edges_by_kind)):
        table = Table()
        table.add_column(title)
        table.add_column("count", justify="right")
        for kind, count in counts.items():
            table.add_row(Text(kind), f"{count:,}")
        console.print(table)


def render_findings(findings: list[GraphFinding], *, limit: int = 10) -> None:
    """Counts per kind of finding and municipality, then the first ``limit`` findings of
    each kind (0: all), most serious kind first."""
    if not findings:
        console.print("The graph check found nothing to look at.")
        return
    by_code: dict[FindingCode, list[GraphFinding]] = {}
    for finding in findings:
        by_code.setdefault(finding.code, []).append(finding)
    municipalities = sorted({_municipality(finding.node) for finding in findings})
    table = Table(title=f"Graph check: {len(findings):,} findings")
    table.add_column("finding")
    for municipality in municipalities:
        table.add_column(municipality, justify="right")
    table.add_column("total", justify="right")
    for code in FindingCode:  # declared from the most serious down
        if code not in by_code:
            continue
        counts = Counter(_municipality(finding.node) for finding in by_code[code])
        table.add_row(str(code), *(f"{counts[m]:,}" if counts[m] else "" for m in
                                   municipalities), f"{len(by_code[code]):,}")
    console.print(table)
    for code in FindingCode:
        listed = sorted(by_code.get(code, []), key=lambda finding: finding.node)
        shown = listed if limit == 0 else listed[:limit]
        for finding in shown:
            console.print(Text(f"{finding.code}  {finding.node}: {finding.message}"))
        if len(shown) < len(listed):
            console.print(Text(f"{code}  ... and {len(listed) - len(shown):,} more"
                               " (--limit 0 lists all, --format json too)", style="dim"))


def _municipality(node: str) -> str:
    """The municipality code a node name starts with (``code:kind:id``)."""
    return node.split(":", 1)[0]


def register(app: typer.Typer) -> None:
    app.command()(graph)
