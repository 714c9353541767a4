"""``inventory graph`` end to end on a database holding the samples."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import networkx as nx

from tests.helpers import run_cli
from tests.helpers import run_cli_raising as run


def test_summary_as_json(samples_db: str) -> None:
    result = run(samples_db, "graph", "--format", "json")
    assert result.exit_code == 0, result.output
    summary = json.loads(result.output)["summary"]
    assert summary["municipalities"] == ["gislaved", "gnosjo", "hylte", "vaggeryd", "varnamo"]
    assert summary["nodes_by_kind"]["cluster"] == 6
    assert summary["edges_by_kind"]["link"] > 0


def test_one_municipality_graphml_export_and_check(samples_db: str, tmp_path: Path) -> None:
    out = tmp_path / "hylte.graphml"
    result = run(samples_db, "graph", "-m", "hylte", "--out", str(out), "--check")
    assert result.exit_code == 0, result.output
    assert "Graph check:" in result.output and f"Wrote {out}" in result.output
    graph = nx.read_graphml(out, force_multigraph=True)
    assert graph.nodes["hylte:cluster:hv-cl01"]["kind"] == "cluster"
    # Hylte's link to Värnamo ends at an external node
    assert graph.nodes["varnamo:site:DC1"]["external"] is True


def test_node_link_json_export(samples_db: str, tmp_path: Path) -> None:
    out = tmp_path / "graph.json"
    result = run(samples_db, "graph", "--out", str(out), "--check", "--format", "json")
    data = json.loads(result.output)
    assert data["written"] == str(out)
    assert {finding["code"] for finding in data["findings"]} >= {"single_uplink"}
    exported = json.loads(out.read_text(encoding="utf-8"))
    assert len(exported["nodes"]) == data["summary"]["nodes"]
    assert len(exported["edges"]) == data["summary"]["edges"]


def test_unknown_suffix_is_a_usage_error(samples_db: str, tmp_path: Path) -> None:
    result = run_cli(samples_db, "graph", "--out", str(tmp_path / "graph.png"))
    assert result.exit_code == 2
    assert not (tmp_path / "graph.png").exists()


def test_unknown_municipality_is_a_usage_error_listing_the_stored_ones(samples_db: str) -> None:
    process = subprocess.run(
        [
            sys.executable,
            "-c",
            "from inventory.cli.app import main; main()",
            "--db",
            samples_db,
            "graph",
            "-m",
            "jonkoping",
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert process.returncode == 2
    assert "No stored municipality 'jonkoping'" in process.stderr
    assert "gislaved, gnosjo, hylte, vaggeryd, varnamo" in process.stderr


def test_check_counts_per_municipality_and_lists_up_to_the_limit(samples_db: str) -> None:
    everything = json.loads(run(samples_db, "graph", "--check", "--format", "json").output)
    idle = sorted(f["node"] for f in everything["findings"] if f["code"] == "idle_server")
    assert len(idle) > 3
    result = run(samples_db, "graph", "--check", "--limit", "3")
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    listed = [
        line.split()[1].rstrip(":")
        for line in lines
        if line.startswith("idle_server ") and "..." not in line
    ]
    assert listed == idle[:3]
    assert f"idle_server  ... and {len(idle) - 3:,} more" in result.output
    row = next(line for line in lines if line.startswith("│ idle_server"))
    cells = [cell.strip() for cell in row.strip("│").split("│")]
    per_municipality = {
        m: sum(node.startswith(f"{m}:") for node in idle)
        for m in ("gislaved", "gnosjo", "hylte", "vaggeryd", "varnamo")
    }
    assert cells[1:] == [
        *(f"{n:,}" if n else "" for n in per_municipality.values()),
        f"{len(idle):,}",
    ]
    unlimited = run(samples_db, "graph", "--check", "--limit", "0").output
    assert sum(
        line.startswith("idle_server  ") and "..." not in line for line in unlimited.splitlines()
    ) == len(idle)
    assert "more (--limit 0" not in unlimited
