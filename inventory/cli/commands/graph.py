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
    output_format: Annotated[OutputFormat, typer.Option(
        "--format", help="text: tables; json: summary (and findings).")] = OutputFormat.TEXT,
) -> None:
    """Build the dependency graph of the stored inventory and print its size by node and
    edge kind. Client devices are grouped into fleets (never one node per device).

    Exit 0 also when --check finds something (findings are advice, not errors).

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
        render_findings(findings)
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


def render_findings(findings: list[GraphFinding]) -> None:
    """Counts per kind of finding, then one line per finding (node: message)."""
    if not findings:
        console.print("The graph check found nothing to look at.")
        return
    counts = Counter(str(finding.code) for finding in findings)
    table = Table(title=f"Graph check: {len(findings):,} findings")
    table.add_column("finding")
    table.add_column("count", justify="right")
    for code in FindingCode:
        if counts[code]:
            table.add_row(str(code), f"{counts[code]:,}")
    console.print(table)
    for finding in findings:
        console.print(Text(f"{finding.code}  {finding.node}: {finding.message}"))


def register(app: typer.Typer) -> None:
    app.command()(graph)
