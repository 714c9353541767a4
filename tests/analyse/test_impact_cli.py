"""``inventory impact`` end to end on a database holding the samples."""

from __future__ import annotations

import json
import subprocess
import sys

from tests.helpers import run_cli_raising as run


def test_impact_of_a_cluster_as_json(samples_db: str) -> None:
    result = run(samples_db, "impact", "vaggeryd:esx-cl01", "--format", "json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["node"] == "vaggeryd:cluster:esx-cl01"
    nodes = {dependent["node"] for dependent in data["dependents"]}
    assert "vaggeryd:application:app-procapita" in nodes
    assert data["client_devices"] == sum(group["devices"] for group in data["groups"])


def test_impact_as_text(samples_db: str) -> None:
    result = run(samples_db, "impact", "gnosjo:srv-procapita01", "--limit", "2")
    assert result.exit_code == 0, result.output
    assert result.output.startswith("Impact of gnosjo:server:srv-procapita01 (server):")
    assert "more (--limit, or --format json for all)" in result.output


def test_unknown_node_is_a_usage_error_naming_the_nearest(samples_db: str) -> None:
    process = subprocess.run(
        [
            sys.executable,
            "-c",
            "from inventory.cli.app import main; main()",
            "--db",
            samples_db,
            "impact",
            "vaggeryd:esx-cl1",
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert process.returncode == 2
    assert "No node 'vaggeryd:esx-cl1'" in process.stderr
    assert "vaggeryd:cluster:esx-cl01" in process.stderr
    assert "Traceback" not in process.stderr
