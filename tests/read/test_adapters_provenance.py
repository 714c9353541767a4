"""Stored provenance (source tool, file, sheet, line) and exports of two tools in one folder.

Every stored record names the tool its file came from (an adapter's or profile's name, or
``native``), the file, sheet and line, on SQLite and PostgreSQL (``db_url``). An Intune
and a ConfigMgr export of clients in one folder are read as one kind, each record keeping
its tool; the same device in both is one record when the two agree and an error naming
both places when they differ. Fixtures: tests/data/exports/intune and configmgr.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from sqlalchemy import create_engine, text
from typer.testing import CliRunner

from inventory.cli.app import app
from inventory.issues import IssueCode, Severity
from inventory.store import InventoryStore
from inventory.validate import validate_paths

EXPORTS = Path(__file__).parents[1] / "data" / "exports"
INTUNE = "DevicesWithInventory_2024-11-04T08_12_30.csv"
CONFIGMGR = "Hardware_inventory_Varnamo.csv"
runner = CliRunner()


def _two_tools(tmp_path: Path) -> Path:
    """Gislaved's folder with its Intune export and a ConfigMgr export of other PCs."""
    folder = tmp_path / "gislaved"
    shutil.copytree(EXPORTS / "intune", folder)
    shutil.copy(EXPORTS / "configmgr" / CONFIGMGR, folder)
    return folder


def _provenance(url: str) -> dict[str, tuple[str, str, str | None, int]]:
    """id -> (tool, file name, sheet, line) as ``InventoryStore.records`` gives them."""
    with InventoryStore(url) as store:
        frame = store.records("client", provenance=True)
    return {
        str(row["id"]): (
            str(row["source_tool"]),
            Path(str(row["source_file"])).name,
            None if row["source_sheet"] is None else str(row["source_sheet"]),
            int(row["source_line"]),
        )
        for row in frame.to_dict("records")
    }


def test_stored_records_carry_their_source_tool(db_url: str, tmp_path: Path) -> None:
    folder = _two_tools(tmp_path)
    result = runner.invoke(app, ["--db", db_url, "import", str(folder)])
    assert result.exit_code == 0, result.output
    assert _provenance(db_url) == {
        # Intune: the BYOD Galaxy on line 5 is skipped
        "5CG3281XKL": ("intune", INTUNE, None, 2),
        "CZC2147B8M": ("intune", INTUNE, None, 3),
        "DMPZK7Q1LMN4": ("intune", INTUNE, None, 4),
        "G6TZ91XYN72Q": ("intune", INTUNE, None, 6),
        # ConfigMgr: the VMware server on line 5 is skipped
        "VMO-LT-2231": ("configmgr", CONFIGMGR, None, 2),
        "VMO-DT-0815": ("configmgr", CONFIGMGR, None, 3),
        "VMO-LT-2302": ("configmgr", CONFIGMGR, None, 4),
        "VMO-TB-0042": ("configmgr", CONFIGMGR, None, 6),
    }
    # The municipality file is the inventory's own layout.
    with InventoryStore(db_url) as store:
        municipality = store.records("municipality", provenance=True)
    assert municipality["source_tool"].tolist() == ["native"]
    engine = create_engine(db_url)
    with engine.connect() as connection:
        files = connection.execute(
            text(
                "SELECT source_tool, rows FROM import_file WHERE kind = 'client'"
                " ORDER BY source_tool"
            )
        ).all()
    engine.dispose()
    assert [tuple(row) for row in files] == [("configmgr", 4), ("intune", 4)]


def test_list_json_shows_the_provenance(tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'inv.db'}"
    assert runner.invoke(app, ["--db", db, "import", str(EXPORTS / "configmgr")]).exit_code == 0
    result = runner.invoke(app, ["--db", db, "list", "client", "--format", "json", "--provenance"])
    assert result.exit_code == 0, result.output
    records = {record["id"]: record for record in json.loads(result.output)}
    tablet = records["VMO-TB-0042"]
    assert (
        tablet["source_tool"],
        Path(tablet["source_file"]).name,
        tablet["source_sheet"],
        tablet["source_line"],
    ) == ("configmgr", CONFIGMGR, None, 6)
    plain = runner.invoke(app, ["--db", db, "list", "client", "--format", "json"])
    assert "source_tool" not in json.loads(plain.output)[0]


def test_the_same_device_alike_in_both_exports_is_one_record(tmp_path: Path) -> None:
    folder = _two_tools(tmp_path)
    # The HP EliteBook of the Intune export (line 2) also in ConfigMgr's, alike.
    export = folder / CONFIGMGR
    export.write_text(
        export.read_text(encoding="utf-8")
        + "5CG3281XKL,HP,HP EliteBook 840 G10 Notebook PC,5CG3281XKL,10,"
        "Windows,10.0.22631.4317,16384\r\n",
        encoding="utf-8",
    )
    batch = validate_paths([folder])
    assert batch.report.valid, batch.report.issues
    note = next(
        i for i in batch.report.issues if i.code == IssueCode.SKIPPED_PATH and i.value == "1"
    )
    assert note.severity == Severity.INFO and "5CG3281XKL" in note.message
    db = f"sqlite:///{tmp_path / 'inv.db'}"
    assert runner.invoke(app, ["--db", db, "import", str(folder)]).exit_code == 0
    assert _provenance(db)["5CG3281XKL"] == ("intune", INTUNE, None, 2)
    assert len(_provenance(db)) == 8


def test_the_same_device_with_other_values_is_an_error_naming_both_places(
    tmp_path: Path,
) -> None:
    folder = _two_tools(tmp_path)
    export = folder / CONFIGMGR
    # ConfigMgr says the EliteBook runs Windows 10 (10.0.19045), Intune 10.0.22631.4317.
    export.write_text(
        export.read_text(encoding="utf-8")
        + "5CG3281XKL,HP,HP EliteBook 840 G10 Notebook PC,5CG3281XKL,10,"
        "Windows,10.0.19045,16384\r\n",
        encoding="utf-8",
    )
    batch = validate_paths([folder])
    errors = [i for i in batch.report.issues if i.severity == Severity.ERROR]
    assert [(e.code, Path(e.file or "").name, e.line, e.value, e.column) for e in errors] == [
        (IssueCode.INCONSISTENT_VALUES, CONFIGMGR, 7, "5CG3281XKL", "os_version")
    ]
    assert f"{folder / INTUNE} line 2 (intune)" in errors[0].message
    assert f"{export} line 7 (configmgr)" in errors[0].message
    db = f"sqlite:///{tmp_path / 'inv.db'}"
    assert runner.invoke(app, ["--db", db, "import", str(folder)]).exit_code == 1
    assert not (tmp_path / "inv.db").exists()


def test_an_error_in_the_second_tools_rows_points_at_its_export(tmp_path: Path) -> None:
    folder = _two_tools(tmp_path)
    export = folder / CONFIGMGR
    # Chassis type 99 on the Dell (line 3 of the ConfigMgr export).
    export.write_text(
        export.read_text(encoding="utf-8").replace(",7Q2M4Z3,35,", ",7Q2M4Z3,99,"), encoding="utf-8"
    )
    batch = validate_paths([folder])
    errors = [i for i in batch.report.issues if i.severity == Severity.ERROR]
    assert [(e.code, e.file, e.line, e.row) for e in errors] == [
        (IssueCode.INVALID_ENUM, str(export), 3, 2)
    ]
