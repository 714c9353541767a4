"""What the tool echoes of user data: literal, with control characters visible, bounded.

Values stored by an older version (before control characters were rejected) are planted
in a copy of the five-sample store with SQL. Every output then shows them escaped
(``\\x1b``), never raw: the terminal (``list``, ``diff``, ``impact``, error messages),
JSON, GraphML (which stays well-formed XML) and ``report.md``. Rich markup and emoji codes
in values (``[bold]``, ``:x:``) are printed as written. A huge cell is never echoed whole.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import networkx as nx
import pytest
from sqlalchemy import create_engine, text
from typer.testing import CliRunner, Result

from inventory.cli.app import app
from inventory.cli.common import console, console_err

REPO = Path(__file__).resolve().parents[2]
#: A site name as an older version could have stored it.
HOSTILE = "[bold]Kommun[/bold] :x: \x1b[2J\x07\x0b\x85\u202eend"
#: How it is shown: markup and emoji codes as written, controls as Python escapes.
SHOWN = "[bold]Kommun[/bold] :x: \\x1b[2J\\x07\\x0b\\x85\\u202eend"
RAW_CONTROLS = ("\x1b", "\x07", "\x0b", "\x0c", "\x7f", "\x85", "\x9b", "\u202e")


def run(db_url: str, *args: str) -> Result:
    """The CLI in-process on a wide terminal (no table cell wraps a value).

    The consoles' width is set for the call: a console reads COLUMNS once when it is made,
    so the environment alone depends on what the process held when the CLI was imported.
    """
    saved = [(each, each._width) for each in (console, console_err)]
    try:
        for each, _ in saved:
            each.width = 400
        return CliRunner().invoke(app, ["--db", db_url, *args], env={"COLUMNS": "400"})
    finally:
        for each, width in saved:
            each._width = width


def raw_controls(output: str) -> list[str]:
    return [repr(ch) for ch in RAW_CONTROLS if ch in output]


def plant(db_url: str, table: str, column: str, value: str, **where: str) -> None:
    """Store ``value`` as an older version could have (the row hash made stale, so that the
    next import of the file compares the fields)."""
    condition = " AND ".join(f"{name} = :{name}" for name in where)
    engine = create_engine(db_url)
    try:
        with engine.begin() as connection:
            changed = connection.execute(
                text(f"UPDATE {table} SET {column} = :value, row_hash = 0 WHERE {condition}"),
                {"value": value, **where},
            )
            assert changed.rowcount == 1
    finally:
        engine.dispose()


@pytest.fixture
def hostile_db(fresh_db: str) -> str:
    """The five samples with hostile text in a site name (a server room of gnosjo)."""
    plant(fresh_db, "site", "name", HOSTILE, municipality="gnosjo", id="SR1")
    return fresh_db


def test_list_shows_stored_values_literally_and_escaped(hostile_db: str) -> None:
    result = run(hostile_db, "list", "site", "-m", "gnosjo")
    assert result.exit_code == 0, result.output
    assert raw_controls(result.output) == []
    assert SHOWN in result.output
    assert "❌" not in result.output


def test_list_json_keeps_the_value_and_escapes_it(hostile_db: str) -> None:
    result = run(hostile_db, "list", "site", "-m", "gnosjo", "--format", "json")
    assert result.exit_code == 0
    assert raw_controls(result.stdout) == []  # \u escapes in the JSON text
    names = {row["id"]: row["name"] for row in json.loads(result.stdout)}
    assert names["SR1"] == HOSTILE


def test_diff_shows_the_old_value_escaped(hostile_db: str, municipality_copy: Path) -> None:
    # --reread: the hostile value was planted in the database, not in the file; a file
    # unchanged since its import is otherwise taken as stored (docs/reliability.md)
    imported = run(hostile_db, "import", "--reread", str(municipality_copy))
    assert imported.exit_code == 0, imported.output
    history = json.loads(run(hostile_db, "history", "--format", "json").stdout)
    first, last = history[0]["id"], history[-1]["id"]
    result = run(hostile_db, "diff", str(first), str(last), "-m", "gnosjo")
    assert result.exit_code == 0, result.output
    assert raw_controls(result.output) == []
    assert f"name: {SHOWN} -> Serverrummet kommunhuset" in result.output
    assert "~ gnosjo site SR1" in result.output


def test_graphml_stays_well_formed(hostile_db: str, tmp_path: Path) -> None:
    plant(
        hostile_db,
        "server",
        "hostname",
        "GNO\x01ESX\x1b01\ufffe",
        municipality="gnosjo",
        id="esx01",
    )
    out = tmp_path / "graph.graphml"
    result = run(hostile_db, "graph", "-m", "gnosjo", "--out", str(out))
    assert result.exit_code == 0, result.output
    data = out.read_bytes()
    assert not any(byte < 0x20 and byte not in b"\t\n\r" for byte in data)
    ET.fromstring(data)  # well-formed XML 1.0
    graph = nx.read_graphml(out)
    labels = {node: attributes.get("label") for node, attributes in graph.nodes(data=True)}
    assert labels["gnosjo:site:SR1"] == "[bold]Kommun[/bold] :x: \\x1b[2J\\x07\\x0b\x85\u202eend"
    assert labels["gnosjo:server:esx01"] == "GNO\\x01ESX\\x1b01\\ufffe"


def test_report_md_escapes_control_characters(hostile_db: str, tmp_path: Path) -> None:
    out = tmp_path / "report"
    result = run(
        hostile_db,
        "report",
        "--target",
        str(REPO / "samples" / "target.yaml"),
        "--out",
        str(out),
        "--formats",
        "md",
    )
    assert result.exit_code == 0, result.output
    markdown = (out / "report.md").read_text(encoding="utf-8")
    assert raw_controls(markdown) == []
    assert not any(ord(ch) < 0x20 and ch not in "\t\n" for ch in markdown)
    # markdown-escaped: a backslash before each escape, the brackets of the markup too
    assert (
        "| \\[bold\\]Kommun\\[/bold\\] :x: \\\\x1b\\[2J\\\\x07\\\\x0b\\\\x85\\\\u202eend |"
    ) in markdown


def test_a_usage_error_naming_stored_nodes_escapes_them(hostile_db: str) -> None:
    plant(hostile_db, "server", "id", "esx01\x1b[2J", municipality="gnosjo", id="esx01")
    result = run(hostile_db, "impact", "gnosjo:server:esx0\x1b[2J")
    assert result.exit_code == 2
    assert raw_controls(result.output) == []
    assert "esx01\\x1b[2J" in result.output


def test_an_error_message_naming_a_path_is_printed_literally(
    hostile_db: str, tmp_path: Path
) -> None:
    """The console script's own error line (``Error: ... Hint: ...``), not the test runner's."""
    in_the_way = tmp_path / "[bold]out :x: \x1b[2J"
    in_the_way.write_text("a file, not a folder", encoding="utf-8")
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            "from inventory.cli import main; main()",
            "--db",
            hostile_db,
            "graph",
            "--out",
            str(in_the_way / "g.graphml"),
        ],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        check=False,
        env={**os.environ, "COLUMNS": "400"},
    )
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert raw_controls(result.stderr) == []
    assert f"Error: Cannot write {tmp_path}/[bold]out :x: \\x1b[2J" in result.stderr
    assert "❌" not in result.stderr


def test_a_huge_cell_is_never_echoed_whole(municipality_copy: Path, tmp_path: Path) -> None:
    """A 90,000-character enumeration cell and a 900-character header (the reader refuses
    longer ones): the issues quote their start and end and say how long they are."""
    sites = municipality_copy / "platser.csv"
    lines = sites.read_text(encoding="utf-8").split("\n")
    huge = "skola" + "x" * 89_995
    lines[3] = lines[3].replace(",skola,", f",{huge},")
    lines[0] = lines[0].replace("ägare", "ä" * 900)
    sites.write_text("\n".join(lines), encoding="utf-8")
    db_url = f"sqlite:///{tmp_path / 'none.db'}"
    result = run(db_url, "validate", str(municipality_copy))
    assert result.exit_code == 1
    assert len(result.output) < 20_000
    assert "(90,000 characters)" in result.output
    assert "(900 characters)" in result.output
    report = json.loads(run(db_url, "validate", str(municipality_copy), "--format", "json").stdout)
    bad_enum = [issue for issue in report["issues"] if issue["code"] == "invalid-enum"]
    assert bad_enum and all(
        len(issue["value"]) < 150 and len(issue["message"]) < 1_100 for issue in bad_enum
    )
    assert bad_enum[0]["value"].endswith("x (90,000 characters)")
    assert (bad_enum[0]["line"], bad_enum[0]["row"], bad_enum[0]["column"]) == (4, 3, "typ")
    long_header = [issue for issue in report["issues"] if issue["column_index"] == 12]
    assert long_header and all(len(issue["column"]) < 150 for issue in long_header)


def test_every_json_issue_field_is_bounded(municipality_copy: Path, tmp_path: Path) -> None:
    """Long cells in a number and a date column (each with its own message)."""
    servers = municipality_copy / "servrar.csv"
    lines = servers.read_bytes().decode("cp1252").split("\r\n")
    cells = lines[1].split(";")
    cells[10] = "1" * 90_000  # kärnor: a number too long to be one
    cells[19] = "2024-" * 18_000  # inköpsdatum
    lines[1] = ";".join(cells)
    servers.write_bytes("\r\n".join(lines).encode("cp1252"))
    result = run(
        f"sqlite:///{tmp_path / 'none.db'}", "validate", str(municipality_copy), "--format", "json"
    )
    assert result.exit_code == 1
    issues: list[dict[str, Any]] = json.loads(result.stdout)["issues"]
    at_row = [
        issue for issue in issues if issue["row"] == 1 and issue["file"].endswith("servrar.csv")
    ]
    assert {issue["column"] for issue in at_row} >= {"kärnor", "inköpsdatum"}
    for issue in issues:
        for name in ("value", "column"):
            assert issue[name] is None or len(issue[name]) < 150, (name, issue[name][:200])
        for name in ("message", "hint"):
            assert issue[name] is None or len(issue[name]) < 1_100, (name, issue[name][:200])
    assert len(result.stdout) < 200_000


def test_any_usage_error_escapes_what_it_quotes(tmp_path: Path) -> None:
    """click prints usage errors itself; a message quoting a value as written (not as
    repr) gets its control characters escaped all the same."""
    result = run(
        f"sqlite:///{tmp_path / 'none.db'}",
        "report",
        "--target",
        str(REPO / "samples" / "target.yaml"),
        "--out",
        str(tmp_path / "r"),
        "--formats",
        "md,x\x1b[2J[bold]y",
    )
    assert result.exit_code == 2
    assert raw_controls(result.output) == []
    assert "x\\x1b[2J[bold]y" in result.output
    assert not (tmp_path / "r").exists()
