"""Control characters in the input: rejected at their cell, never stored, never echoed raw.

ESC, BEL, VT, FF, the other C0 controls but TAB/LF/CR, DEL, the C1 controls and the
bidirectional formatting characters are a ``control-character`` error at the cell (file,
physical line, row, column name and position) in every column type (text, key,
identifier, number, enumeration, list, date, boolean) and in headers, in UTF-8, cp1252
and UTF-16 files; a rejected import leaves every table as it was. TAB, and LF or CR
inside a quoted cell, are data and are stored as written.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from tests.helpers import dump_tables, run_cli, run_json

SERVERS = "servrar.csv"  # cp1252, ';', CRLF (as Excel writes it)
SITES = "platser.csv"  # UTF-8, ','
CLIENTS = "klienter.csv"
APPS = "verksamhetssystem.csv"
NETWORK = "natverk.csv"
STORAGE = "lagring.csv"

#: Characters that must never reach a terminal or an XML file raw.
RAW_CONTROLS = ("\x1b", "\x07", "\x0b", "\x0c", "\x7f", "\x85", "\x9b", "\u202e", "\u2066")


def _dialect(name: str) -> tuple[str, str, str]:
    """Encoding, delimiter and line end of a gnosjo sample file."""
    return ("cp1252", ";", "\r\n") if name == SERVERS else ("utf-8", ",", "\n")


def plant(
    folder: Path, name: str, line: int, column: str, value: str, *, encoding: str | None = None
) -> int:
    """Set the cell of ``column`` (header as written) on physical ``line`` of a sample file
    (no quoting: the samples have none) and return the column's 1-based position.

    Lines are split on the file's own line end only: a VT, FF or NEL in a cell is no line
    end (``str.splitlines`` would take it for one).
    """
    own_encoding, delimiter, end = _dialect(name)
    lines = (folder / name).read_bytes().decode(own_encoding).split(end)
    header = lines[0].split(delimiter)
    cells = lines[line - 1].split(delimiter)
    position = header.index(column)
    cells[position] = value
    lines[line - 1] = delimiter.join(cells)
    (folder / name).write_bytes(end.join(lines).encode(encoding or own_encoding))
    return position + 1


def control_issues(report: dict[str, Any]) -> list[dict[str, Any]]:
    return [issue for issue in report["issues"] if issue["code"] == "control-character"]


# (file, physical line, column as written, planted value): one per column type and character.
CASES = {
    "esc in a text (utf-8)": (SITES, 3, "namn", "Kommunhuset\x1b[2J Gnosjö"),
    "bel in a host name (cp1252)": (SERVERS, 2, "värdnamn", "GNO-ESX01\x07"),
    "vt after a number (cp1252)": (SERVERS, 3, "minne gb", "768\x0b"),
    "ff after an enumeration": (NETWORK, 2, "roll", "kärnswitch\x0c"),
    "c1 csi in a model": (CLIENTS, 4, "modell", "ThinkPad\x9b31m L14"),
    "del in a model": (STORAGE, 2, "modell", "AFF\x7fA150"),
    "rlo in a list": (APPS, 3, "beroenden", "p-entra;\u202ep-ad"),
    "lri after a date": (CLIENTS, 2, "inköpsdatum", "2020-09-06\u2066"),
    "nel inside a key": (SITES, 4, "plats-id", "SK\x85ESKILS"),
    "fs after a boolean": (SITES, 2, "avbrottsfri kraft", "ja\x1c"),
    "unit separator inside a serial (cp1252)": (SERVERS, 4, "serienummer", "DE76\x1f917602"),
}


@pytest.mark.parametrize("case", list(CASES))
def test_a_control_character_is_an_error_at_its_cell_and_nothing_is_written(
    case: str, loaded_db: str, municipality_copy: Path
) -> None:
    name, line, column, value = CASES[case]
    position = plant(municipality_copy, name, line, column, value)
    before = dump_tables(loaded_db)
    result, data = run_json(loaded_db, "import", str(municipality_copy))
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    found = control_issues(data["report"])
    assert len(found) == 1, found
    issue = found[0]
    assert issue["file"].endswith(name)
    assert (issue["line"], issue["row"]) == (line, line - 1)
    assert (issue["column"], issue["column_index"]) == (column, position)
    assert issue["value"] == value  # the cell as read, for scripts
    assert issue["severity"] == "error"
    assert not any(ch in issue["message"] for ch in RAW_CONTROLS)
    same_cell = [
        other
        for other in data["report"]["issues"]
        if (other["file"], other["row"], other["column"])
        == (issue["file"], issue["row"], issue["column"])
        and other is not issue
    ]
    assert same_cell == []  # the value is rejected as a whole, once
    assert dump_tables(loaded_db) == before


def test_utf16_file_with_a_control_character(loaded_db: str, municipality_copy: Path) -> None:
    position = plant(municipality_copy, SITES, 5, "namn", "Mossle\x1bskolan", encoding="utf-16")
    before = dump_tables(loaded_db)
    result, data = run_json(loaded_db, "import", str(municipality_copy))
    assert result.exit_code == 1
    [issue] = control_issues(data["report"])
    assert (issue["line"], issue["row"], issue["column_index"]) == (5, 4, position)
    assert dump_tables(loaded_db) == before


def test_a_control_character_in_a_header(loaded_db: str, municipality_copy: Path) -> None:
    plant(municipality_copy, SERVERS, 1, "värdnamn", "värd\x1bnamn")
    result, data = run_json(loaded_db, "validate", str(municipality_copy))
    assert result.exit_code == 1
    [issue] = control_issues(data)
    assert issue["file"].endswith(SERVERS)
    assert (issue["line"], issue["row"]) == (1, None)
    assert (issue["column"], issue["column_index"]) == ("värd\x1bnamn", 2)
    assert "ESC (U+001B)" in issue["message"]
    # shown once as what it is, not again as an unknown header
    assert [
        i["code"] for i in data["issues"] if i["column_index"] == 2 and i["file"].endswith(SERVERS)
    ] == ["control-character"]


def test_validate_text_output_is_literal_and_escaped(
    municipality_copy: Path, tmp_path: Path
) -> None:
    plant(municipality_copy, SITES, 3, "namn", "[bold]Kommun[/bold] :x: \x1b[2J\x07")
    plant(municipality_copy, SITES, 1, "ägare", "äga\x1bre")
    (municipality_copy / "evil\x1b[31mname.csv").write_text("x\n", encoding="utf-8")
    result = run_cli(f"sqlite:///{tmp_path / 'none.db'}", "validate", str(municipality_copy))
    assert result.exit_code == 1
    out = result.output
    assert not any(ch in out for ch in RAW_CONTROLS)
    assert (
        "error control-character at " in out
        and "platser.csv:3, row 2, column 'namn' (#2): '[bold]Kommun[/bold] :x: \\x1b[2J\\x07'"
        " holds the control character ESC (U+001B) at character 25 (and 1 more)."
        in out
    )
    assert "platser.csv:1, column 'äga\\x1bre' (#12)" in out
    assert "evil\\x1b[31mname.csv" in out
    assert "❌" not in out  # :x: is not an emoji code here


def test_tab_and_line_breaks_in_quoted_cells_are_data(
    fresh_db: str, municipality_copy: Path
) -> None:
    lines = (municipality_copy / SITES).read_text(encoding="utf-8").split("\n")
    lines[1] = lines[1].replace("Serverrummet kommunhuset", '"Serverrummet\nkommunhuset"')
    lines[2] = (
        lines[2]
        .replace("Kommunhuset Gnosjö", '"Kommunhuset\r\nGnosjö"')
        .replace("Järnvägsgatan 2", "Järnvägsgatan\t2")
    )
    (municipality_copy / SITES).write_text("\n".join(lines), encoding="utf-8")
    result = run_cli(fresh_db, "import", str(municipality_copy))
    assert result.exit_code == 0, result.output
    _, data = run_json(fresh_db, "list", "site", "-m", "gnosjo")
    stored = {row["id"]: row for row in data}
    assert stored["SR1"]["name"] == "Serverrummet\nkommunhuset"
    assert stored["KH"]["name"] == "Kommunhuset\r\nGnosjö"
    assert stored["KH"]["address"] == "Järnvägsgatan\t2"
    text = run_cli(fresh_db, "list", "site", "-m", "gnosjo").output
    assert "\r" not in text  # a CR cannot overwrite what the line showed


def test_line_numbers_stay_right_after_a_multi_line_cell(
    municipality_copy: Path, tmp_path: Path
) -> None:
    lines = (municipality_copy / SITES).read_text(encoding="utf-8").split("\n")
    lines[1] = lines[1].replace("Serverrummet kommunhuset", '"Serverrummet\n\nkommunhuset"')
    (municipality_copy / SITES).write_text("\n".join(lines), encoding="utf-8")
    # physical line 8 holds row 5: row 1 spans lines 2 to 4
    plant(municipality_copy, SITES, 8, "namn", "Hiller\x1bskolan")
    _, data = run_json(f"sqlite:///{tmp_path / 'none.db'}", "validate", str(municipality_copy))
    [issue] = control_issues(data)
    assert (issue["row"], issue["line"]) == (5, 8)


def test_a_large_column_is_checked_row_by_row(municipality_copy: Path, tmp_path: Path) -> None:
    """70,000 distinct keys (typed row by row, checked on their bytes) and a model column
    (typed by its distinct values): only the control characters are errors, not an en
    dash, a degree sign or a no-break space (bytes that start C1 and bidi characters too)."""
    header, first = (municipality_copy / CLIENTS).read_text(encoding="utf-8").split("\n")[:2]
    cells = first.split(",")
    rows = []
    for number in range(70_000):
        cells[0] = f"PC-{number:06d}"
        cells[3] = f"Model {number % 300}"
        rows.append(",".join(cells))
    rows[10] = rows[10].replace("PC-000010", "PC–000010")  # en dash: E2 80 93
    rows[11] = rows[11].replace("PC-000011", "PC°000011")  # degree: C2 B0
    rows[12] = rows[12].replace("Model 12", "Model\u00a012")  # no-break space: C2 A0
    rows[69_990] = rows[69_990].replace("PC-069990", "PC-069990\x1b[0m")
    rows[50_000] = rows[50_000].replace("Model 200", "Model\u202e200")
    (municipality_copy / CLIENTS).write_text("\n".join([header, *rows]) + "\n", encoding="utf-8")
    result, data = run_json(f"sqlite:///{tmp_path / 'none.db'}", "validate", str(municipality_copy))
    assert result.exit_code == 1
    found = sorted((issue["row"], issue["line"], issue["column"]) for issue in control_issues(data))
    assert found == [(50_001, 50_002, "modell"), (69_991, 69_992, "inventarienummer")]
    assert [
        issue["code"]
        for issue in data["issues"]
        if issue["severity"] == "error" and issue["file"].endswith(CLIENTS)
    ] == ["control-character", "control-character"]


def test_json_report_never_holds_a_raw_control(municipality_copy: Path, tmp_path: Path) -> None:
    plant(municipality_copy, CLIENTS, 3, "modell", "Elite\x9b2J\u202eBook")
    result = run_cli(
        f"sqlite:///{tmp_path / 'none.db'}", "validate", str(municipality_copy), "--format", "json"
    )
    assert result.exit_code == 1
    assert not any(ch in result.stdout for ch in RAW_CONTROLS)
    [issue] = control_issues(json.loads(result.stdout))
    assert issue["value"] == "Elite\x9b2J\u202eBook"  # escaped in the text, exact in the data
