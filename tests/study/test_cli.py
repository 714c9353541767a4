"""``inventory study ...`` through typer's CliRunner: exit codes and JSON output."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from inventory.cli.app import app

SAMPLES = Path(__file__).resolve().parents[2] / "samples" / "study"
runner = CliRunner()


def _json(*args: str) -> tuple[int, object]:
    result = runner.invoke(app, ["study", *args, "--format", "json"])
    return result.exit_code, json.loads(result.stdout) if result.stdout.strip() else None


def test_potential_json() -> None:
    code, data = _json("potential", str(SAMPLES))
    assert code == 0 and isinstance(data, dict)
    assert [g["potential_share_percent"] for g in data["groups"]] == ["60.0", "15.0", "25.0"]
    assert [g["reference_share_percent"] for g in data["groups"]] == ["40", "25", "35"]


def test_alternatives_json_and_what_if_weight() -> None:
    code, data = _json("alternatives", str(SAMPLES))
    assert code == 0 and isinstance(data, list)
    ggvvh = data[0]
    assert {r["id"]: r["total"] for r in ggvvh["ranking"]} == {
        "1-tjanst": "23",
        "1-teknik": "22",
        "2": "22",
        "S": "21",
    }
    assert ggvvh["sensitivity"]["smallest_flip"]["tie_weight"] == "0.5"
    code, data = _json("alternatives", str(SAMPLES), "--weight", "7=0,25")
    assert code == 0 and isinstance(data, list)
    assert data[0]["ranking"][0]["id"] == "2"


@pytest.mark.parametrize("weight", ["7", "x=1", "7=-1", "7=abc", "99=1"])
def test_bad_weight_is_a_usage_error(weight: str) -> None:
    result = runner.invoke(app, ["study", "alternatives", str(SAMPLES), "--weight", weight])
    assert result.exit_code == 2


def test_allocate_json_and_given_total() -> None:
    code, data = _json("allocate", str(SAMPLES), "--total", "1 000 001", "--key", "melhus-2013")
    assert code == 0 and isinstance(data, dict)
    amounts = {c["cost"]: [p["amount"] for p in c["allocation"]["parts"]] for c in data["costs"]}
    assert amounts["establishment"] == ["3000000", "2000000"]
    assert amounts["yearly-operations"] == ["7440000", "4960000"]
    assert sum(int(a) for a in amounts["command-line"]) == 1_000_001
    result = runner.invoke(app, ["study", "allocate", str(SAMPLES), "--total", "5"])
    assert result.exit_code == 2
    result = runner.invoke(
        app, ["study", "allocate", str(SAMPLES), "--total", "5", "--key", "nope"]
    )
    assert result.exit_code == 2


def test_projection_json() -> None:
    code, data = _json("projection", str(SAMPLES))
    assert code == 0 and isinstance(data, dict)
    assert data["establishment_plan"]["total"] == "5130000"
    assert data["establishment_plan"]["by_funding"] == {
        "investment": "4580000",
        "operations": "550000",
    }
    assert data["projection"]["total_cost_saving"] == "10.4"


def test_compare_text_prints_definitions_and_warning() -> None:
    result = runner.invoke(app, ["study", "compare", str(SAMPLES)])
    assert result.exit_code == 0
    assert "in-house-2023" in result.stdout and "outsourced-2023" in result.stdout
    assert "Warning: IT cost is not defined alike" in result.stdout


def test_all_json_is_the_study_results() -> None:
    code, data = _json("all", str(SAMPLES))
    assert code == 0 and isinstance(data, dict)
    assert set(data) >= {
        "potential",
        "alternatives",
        "cost_sharing",
        "projection",
        "establishment_plan",
        "comparison",
        "warnings",
    }
    assert [w["code"] for w in data["warnings"]] == ["definitions-differ"] * 2


@pytest.mark.parametrize(
    "command", ["potential", "alternatives", "allocate", "projection", "compare", "all"]
)
def test_every_command_prints_text(command: str) -> None:
    result = runner.invoke(app, ["study", command, str(SAMPLES)])
    assert result.exit_code == 0, result.output
    assert result.stdout.strip()


def test_invalid_input_exits_1_with_the_issue_report(tmp_path: Path) -> None:
    folder = tmp_path / "study"
    shutil.copytree(SAMPLES, folder)
    shutil.copytree(SAMPLES.parent / "alternatives", tmp_path / "alternatives")
    plan = folder / "establishment-plan.csv"
    plan.write_text(plan.read_text("utf-8").replace("1000000", "lots"), "utf-8")
    code, data = _json("projection", str(folder))
    assert code == 1 and isinstance(data, dict)
    assert data["valid"] is False
    [issue] = data["issues"]
    assert (issue["code"], issue["line"], issue["column"]) == ("invalid-number", 8, "cost")
    assert "projection" not in data and "establishment_plan" not in data
    result = runner.invoke(app, ["study", "projection", str(folder)])
    assert result.exit_code == 1
    assert "invalid-number" in result.stderr and "establishment-plan.csv:8" in result.stderr
    assert not result.stdout.strip()


def test_missing_file_exits_1(tmp_path: Path) -> None:
    result = runner.invoke(app, ["study", "allocate", str(tmp_path)])
    assert result.exit_code == 1
    assert "path-not-found" in result.stderr


def test_help_with_example() -> None:
    result = runner.invoke(app, ["study", "--help"])
    assert result.exit_code == 0
    for command in ("potential", "alternatives", "allocate", "projection", "compare", "all"):
        assert command in result.stdout
        help_text = runner.invoke(app, ["study", command, "--help"]).stdout
        assert "Example: inventory study " + command in help_text
