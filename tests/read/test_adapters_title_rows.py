"""Title, parameter and blank rows above an export's header (report exports).

The header row is found by the profile's (or adapter's) header signature within the first
rows; the rows above it are named in a ``header-row`` note, and every record and issue
keeps the line of the original file. Fixtures: tests/data/exports/configmgr-report/
(a ConfigMgr SSRS report saved with its title and parameter lines) and glpi-blank-line/
(a GLPI export with a blank first line); the workbook and the RVTools tab are built here.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import openpyxl
from sqlalchemy import create_engine, text
from typer.testing import CliRunner

from inventory.cli.app import app
from inventory.issues import IssueCode, Severity
from inventory.validate import validate_paths

EXPORTS = Path(__file__).parents[1] / "data" / "exports"
runner = CliRunner()


def _import(db: str, folder: Path) -> int:
    """``inventory --db DB import FOLDER``: its exit code."""
    return runner.invoke(app, ["--db", db, "import", str(folder)]).exit_code


def _stored(db: str) -> dict[str, tuple[str, str, int]]:
    """id -> (kind, model, source_line) of the stored clients."""
    engine = create_engine(db)
    with engine.connect() as connection:
        rows = connection.execute(text("SELECT id, kind, model, source_line FROM client")).all()
    engine.dispose()
    return {row[0]: (row[1], row[2], row[3]) for row in rows}


def test_configmgr_report_with_title_and_parameter_lines_imports_with_original_lines(
    tmp_path: Path,
) -> None:
    folder = EXPORTS / "configmgr-report"
    export = folder / "Hardware_01A_Varnamo.csv"
    batch = validate_paths([folder])
    assert batch.report.valid, batch.report.issues
    notes = [i for i in batch.report.issues if i.code == IssueCode.HEADER_ROW]
    # Lines 1-3: report title, collection and run date; line 4 blank; the header is line 5.
    assert [(n.file, n.line, n.severity) for n in notes] == [(str(export), 5, Severity.INFO)]
    assert "1, 2, 3" in notes[0].message
    db = f"sqlite:///{tmp_path / 'inv.db'}"
    assert _import(db, folder) == 0
    # Data lines 6, 7, 8, 10 (line 9, the VMware server, is skipped by the profile).
    assert _stored(db) == {
        "VMO-LT-2231": ("laptop", "ThinkPad T14 Gen 3", 6),
        "VMO-DT-0815": ("desktop", "OptiPlex 7010", 7),
        "VMO-LT-2302": ("laptop", "ThinkPad X13 Yoga Gen 4", 8),
        "VMO-TB-0042": ("tablet", "Surface Pro 9", 10),
    }
    skipped = next(i for i in batch.report.issues if i.code == IssueCode.SKIPPED_PATH)
    assert skipped.line == 9


def test_an_error_below_title_lines_points_at_the_original_line(tmp_path: Path) -> None:
    folder = tmp_path / "varnamo"
    shutil.copytree(EXPORTS / "configmgr-report", folder)
    export = folder / "Hardware_01A_Varnamo.csv"
    # Chassis type 99 (no SMBIOS type) on the Dell, line 7 of the file.
    export.write_bytes(export.read_bytes().replace(b"7Q2M4Z3,35,", b"7Q2M4Z3,99,"))
    db = f"sqlite:///{tmp_path / 'inv.db'}"
    assert _import(db, folder) == 1
    batch = validate_paths([folder])
    errors = [i for i in batch.report.issues if i.severity == Severity.ERROR]
    assert [(e.code, e.file, e.line, e.value) for e in errors] == [
        (IssueCode.INVALID_ENUM, str(export), 7, "99")
    ]
    assert not (tmp_path / "inv.db").exists()  # nothing written


def test_glpi_export_with_a_blank_first_line_keeps_its_lines(tmp_path: Path) -> None:
    folder = EXPORTS / "glpi-blank-line"
    db = f"sqlite:///{tmp_path / 'inv.db'}"
    assert _import(db, folder) == 0
    # Line 1 blank, header line 2; data lines 3, 4, 5 (scrapped: skipped), 6.
    stored = _stored(db)
    assert {key: value[2] for key, value in stored.items()} == {
        "MT-0101": 3,
        "MT-0102": 4,
        "MT-0130": 6,
    }
    batch = validate_paths([folder])
    skipped = next(i for i in batch.report.issues if i.code == IssueCode.SKIPPED_PATH)
    assert (skipped.line, skipped.column) == (5, "Status")


def test_a_workbook_sheet_with_a_title_row_is_read_below_it(tmp_path: Path) -> None:
    folder = tmp_path / "varnamo"
    folder.mkdir()
    shutil.copy(EXPORTS / "configmgr" / "municipality.csv", folder)
    lines = (EXPORTS / "configmgr" / "Hardware_inventory_Varnamo.csv").read_text().splitlines()
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = "Hardware 01A"
    sheet.append(["Hardware 01A - Summary of computers in a specific collection"])  # row 1
    sheet.append(["Collection:", "All Desktop and Server Clients"])  # row 2
    sheet.append([])  # row 3, blank
    for line in lines:  # header row 4, data rows 5-9 (no quoted commas in this file)
        sheet.append(line.replace('"', "").split(","))
    path = folder / "Rapport.xlsx"
    workbook.save(path)
    batch = validate_paths([folder])
    assert batch.report.valid, batch.report.issues
    note = next(i for i in batch.report.issues if i.code == IssueCode.HEADER_ROW)
    assert (note.file, note.sheet, note.line) == (str(path), "Hardware 01A", 4)
    assert "rows 1, 2" in note.message
    db = f"sqlite:///{tmp_path / 'inv.db'}"
    assert _import(db, folder) == 0
    assert {key: value[2] for key, value in _stored(db).items()} == {
        "VMO-LT-2231": 5,
        "VMO-DT-0815": 6,
        "VMO-LT-2302": 7,
        "VMO-TB-0042": 9,
    }


def test_an_adapter_tab_with_a_title_line_is_recognised_and_read_below_it(
    tmp_path: Path,
) -> None:
    folder = tmp_path / "gnosjo"
    folder.mkdir()
    (folder / "municipality.csv").write_text(
        "code,official_code,name,country\ngnosjo,0617,Gnosjö kommun,SE\n", encoding="utf-8"
    )
    # An RVTools vInfo tab saved as CSV below a title line and a blank line.
    (folder / "RVTools_tabvInfo.csv").write_text(
        "RVTools export of vcenter01.gnosjo.local 2024-11-04\n"
        "\n"
        "VM,Powerstate,Template,CPUs,Memory,Provisioned MiB,Cluster,Host\n"
        "gno-dc01,poweredOn,False,2,8192,86016,,\n"
        "gno-fil01,poweredOff,False,4,16384,204800,,\n",
        encoding="utf-8",
    )
    batch = validate_paths([folder])
    assert batch.report.valid, batch.report.issues
    note = next(i for i in batch.report.issues if i.code == IssueCode.HEADER_ROW)
    assert note.line == 3
    db = f"sqlite:///{tmp_path / 'inv.db'}"
    assert _import(db, folder) == 0
    engine = create_engine(db)
    with engine.connect() as connection:
        rows = connection.execute(
            text("SELECT id, ram_gb, status, source_line FROM server ORDER BY id")
        ).all()
    engine.dispose()
    # 8192 MiB = 8 GB, 16384 MiB = 16 GB (memory is binary); lines 4 and 5 of the file.
    assert [tuple(row) for row in rows] == [
        ("gno-dc01", 8.0, "active", 4),
        ("gno-fil01", 16.0, "standby", 5),
    ]
