"""Mapping profiles: the built-in exports import untouched; a wrong profile is named by line."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import create_engine, text
from typer.testing import CliRunner

from inventory.cli.app import app
from inventory.read.profiles import load_profile
from inventory.read.suggest_profile import suggest_profile

EXPORTS = Path(__file__).parents[1] / "data" / "exports"
runner = CliRunner()

# Expected records, written by hand from each fixture: (id, kind, vendor, model, os_product,
# os_version, purchase_date, warranty_end, support_end, user_group). Rows a profile skips
# (personal devices, servers, monitors, scrapped ...) are absent.
EXPECTED: dict[str, dict[str, tuple[Any, ...]]] = {
    "intune": {  # the Personal (BYOD) Galaxy is skipped
        "5CG3281XKL": (
            "laptop",
            "HP",
            "HP EliteBook 840 G10 Notebook PC",
            "Windows",
            "10.0.22631.4317",
            None,
            None,
            None,
            None,
        ),
        "CZC2147B8M": (
            "desktop",
            "HP",
            "HP EliteDesk 800 G6 Desktop Mini PC",
            "Windows",
            "10.0.19045.5011",
            None,
            None,
            None,
            None,
        ),
        "DMPZK7Q1LMN4": (
            "tablet",
            "Apple",
            "iPad (9th generation)",
            "iPadOS",
            "17.6.1",
            None,
            None,
            None,
            None,
        ),
        "G6TZ91XYN72Q": (
            "smartphone",
            "Apple",
            "iPhone 14",
            "iOS",
            "18.0.1",
            None,
            None,
            None,
            None,
        ),
    },
    "configmgr": {  # chassis 10 notebook, 35 mini PC, 31 convertible, 30 tablet; the VM
        # server is skipped
        "VMO-LT-2231": (
            "laptop",
            "LENOVO",
            "ThinkPad T14 Gen 3",
            "Microsoft Windows 11 Enterprise",
            "10.0.22631",
            None,
            None,
            None,
            None,
        ),
        "VMO-DT-0815": (
            "desktop",
            "Dell Inc.",
            "OptiPlex 7010",
            "Microsoft Windows 10 Enterprise",
            "10.0.19045",
            None,
            None,
            None,
            None,
        ),
        "VMO-LT-2302": (
            "laptop",
            "LENOVO",
            "ThinkPad X13 Yoga Gen 4",
            "Microsoft Windows 11 Enterprise",
            "10.0.22631",
            None,
            None,
            None,
            None,
        ),
        "VMO-TB-0042": (
            "tablet",
            "Microsoft Corporation",
            "Surface Pro 9",
            "Microsoft Windows 11 Pro",
            "10.0.22631",
            None,
            None,
            None,
            None,
        ),
    },
    "lansweeper": {  # the monitor and the Win 2022 server are skipped
        "HYL-KLIENT-031": (
            "laptop",
            "Dell Inc.",
            "Latitude 5440",
            "Win 11",
            "23H2",
            dt.date(2023, 5, 12),
            dt.date(2026, 5, 12),
            None,
            None,
        ),
        "HYL-KLIENT-107": (
            "desktop",
            "HP",
            "HP ProDesk 400 G7 Microtower PC",
            "Win 10",
            "22H2",
            dt.date(2020, 11, 3),
            dt.date(2023, 11, 3),
            None,
            None,
        ),
        "HYL-KLIENT-212": (
            "desktop",
            "LENOVO",
            "ThinkCentre M70q Gen 3",
            "Win 11",
            "23H2",
            dt.date(2024, 2, 20),
            dt.date(2027, 2, 20),
            None,
            None,
        ),
    },
    "chromeos": {  # the deprovisioned Samsung is skipped; AUE -> support_end
        "5CD1234ABC": (
            "chromebook",
            "HP",
            "HP Chromebook 11 G9 EE",
            "ChromeOS",
            "130.0.6723.94",
            None,
            None,
            dt.date(2029, 6, 30),
            "student",
        ),
        "NXHPJED00A123": (
            "chromebook",
            "Acer",
            "Acer Chromebook 311 (C722)",
            "ChromeOS",
            "130.0.6723.94",
            None,
            None,
            dt.date(2031, 6, 30),
            "staff",
        ),
        "PF2XY7ZQ": (
            "chromebook",
            "Lenovo",
            "Lenovo 300e Chromebook Gen 3",
            "ChromeOS",
            "129.0.6668.99",
            None,
            None,
            dt.date(2030, 6, 30),
            "shared",
        ),
    },
    "glpi": {  # the scrapped (Kassert) PC is skipped
        "MT-0101": (
            "laptop",
            "Dell Inc.",
            "Latitude 7440",
            "Microsoft Windows 11 Pro",
            "23H2",
            dt.date(2023, 9, 1),
            dt.date(2026, 9, 1),
            None,
            None,
        ),
        "MT-0102": (
            "desktop",
            "LENOVO",
            "ThinkCentre M90q Gen 4",
            "Microsoft Windows 11 Pro",
            "23H2",
            dt.date(2024, 1, 15),
            dt.date(2027, 1, 15),
            None,
            None,
        ),
        "MT-0130": (
            "tablet",
            "Microsoft Corporation",
            "Surface Go 3",
            "Microsoft Windows 11 Pro",
            "23H2",
            dt.date(2022, 10, 20),
            dt.date(2024, 10, 20),
            None,
            None,
        ),
    },
    "snipeit": {  # the monitor and the archived PC are skipped
        "GNO-00412": (
            "laptop",
            "Lenovo",
            "ThinkPad L14 Gen 4",
            None,
            None,
            dt.date(2023, 10, 2),
            dt.date(2026, 10, 2),
            None,
            None,
        ),
        "GNO-00413": (
            "desktop",
            "HP",
            "HP Elite Mini 800 G9",
            None,
            None,
            dt.date(2023, 10, 2),
            dt.date(2026, 10, 2),
            None,
            None,
        ),
        "GNO-00501": (
            "tablet",
            "Apple",
            "iPad 10.9 (10th gen)",
            None,
            None,
            dt.date(2024, 1, 18),
            dt.date(2025, 1, 18),
            None,
            None,
        ),
    },
}
# The line of the first stored record in each export (provenance): the header is line 1.
FIRST_LINE = {"intune": 2, "configmgr": 2, "lansweeper": 2, "chromeos": 2, "glpi": 2, "snipeit": 2}


def _date(value: Any) -> dt.date | None:
    return None if value is None else dt.date.fromisoformat(str(value)[:10])


@pytest.mark.parametrize("tool", sorted(EXPECTED))
def test_export_imports_untouched_and_matches_field_by_field(tool: str, tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'inv.db'}"
    result = runner.invoke(app, ["--db", db, "import", str(EXPORTS / tool)])
    assert result.exit_code == 0, result.output
    engine = create_engine(db)
    with engine.connect() as connection:
        rows = connection.execute(
            text(
                "SELECT id, kind, vendor, model, os_product, os_version, purchase_date,"
                " warranty_end, support_end, user_group, source_line FROM client"
            )
        ).all()
        files = (
            connection.execute(text("SELECT path FROM import_file WHERE kind='client'"))
            .scalars()
            .all()
        )
    stored = {
        row[0]: (
            row[1],
            row[2],
            row[3],
            row[4],
            row[5],
            _date(row[6]),
            _date(row[7]),
            _date(row[8]),
            row[9],
        )
        for row in rows
    }
    assert stored == EXPECTED[tool]
    assert min(row[10] for row in rows) == FIRST_LINE[tool]
    assert [Path(f).parent.name for f in files] == [tool]  # the export itself, by its path


def test_chosen_with_from_and_error_points_at_export_line(tmp_path: Path) -> None:
    folder = tmp_path / "hylte"
    shutil.copytree(EXPORTS / "lansweeper", folder)
    export = folder / "Lansweeper_assets_Hylte.csv"
    # An unknown chassis on the export's line 3: the error names that file and line.
    export.write_text(
        export.read_text(encoding="utf-8-sig").replace('"Mini Tower"', '"Rack Mount Chassis"'),
        encoding="utf-8",
    )
    result = runner.invoke(app, ["validate", str(folder), "--from", "lansweeper"])
    assert result.exit_code == 1
    assert "invalid-enum at" in result.output
    assert f"{export}:3" in result.output.replace("\n", "")


def test_profile_with_wrong_field_names_its_file_and_line(tmp_path: Path) -> None:
    profile = tmp_path / "cmdb.yaml"
    profile.write_text(
        "name: cmdb\n"  # 1
        "description: Our CMDB\n"  # 2
        "tables:\n"  # 3
        "  - kind: client\n"  # 4
        "    signature: [Tag, Typ]\n"  # 5
        "    fields:\n"  # 6
        "      id: Tag\n"  # 7
        "      knd: Typ\n",  # 8: no field 'knd'
        encoding="utf-8",
    )
    loaded, issues = load_profile(profile)
    assert loaded is None
    assert [(i.code, i.file, i.line) for i in issues] == [("unknown-field", str(profile), 8)]
    assert "'kind'" in (issues[0].hint or "")
    result = runner.invoke(app, ["validate", str(EXPORTS / "intune"), "--mapping", str(profile)])
    assert result.exit_code == 1
    assert f"unknown-field at {profile}:8" in result.output.replace("\n", "")


def test_user_profile_reads_own_export(tmp_path: Path) -> None:
    folder = tmp_path / "gnosjo"
    folder.mkdir()
    shutil.copy(EXPORTS / "snipeit" / "municipality.csv", folder)
    (folder / "utdrag.csv").write_text(
        "Tagg;Typ;Minne\nK-1;Bärbar;8192\nK-2;Stationär;16384\nK-3;Skärm;\n", encoding="utf-8"
    )
    profile = tmp_path / "cmdb.yaml"
    profile.write_text(
        "name: cmdb\ndescription: Vår CMDB\ntables:\n  - kind: client\n"
        "    signature: [Tagg, Typ]\n    fields:\n      id: Tagg\n      kind:\n"
        "        column: Typ\n        values: {Bärbar: laptop, Stationär: desktop}\n"
        "      quantity: {constant: 1}\n    skip:\n      - column: Typ\n"
        "        values: [Skärm]\n        reason: skärmar är inga klienter\n",
        encoding="utf-8",
    )
    result = runner.invoke(app, ["validate", str(folder), "--mapping", str(profile)])
    assert result.exit_code == 0, result.output
    # 3 data rows - 1 skipped screen = 2 client rows, + 1 municipality row
    assert "3 rows" in result.output
    assert "1 row left out by the cmdb profile" in result.output.replace("\n", " ")


def test_unrecognised_export_is_still_unknown_file(tmp_path: Path) -> None:
    folder = tmp_path / "hylte"
    shutil.copytree(EXPORTS / "lansweeper", folder)
    (folder / "Lansweeper_assets_Hylte.csv").unlink()
    (folder / "export-2024.csv").write_text("Foo,Bar,Baz\n1,2,3\n", encoding="utf-8")
    result = runner.invoke(app, ["validate", str(folder)])
    assert result.exit_code == 1
    assert "unknown-file" in result.output
    assert "lansweeper (Lansweeper asset export" in result.output.replace("\n", " ")


def test_suggest_drafts_fields_and_enum_values_with_confidence(tmp_path: Path) -> None:
    export = tmp_path / "enheter-export.csv"
    export.write_text(
        "Inventarienummer,Enhetstyp,Tillverkare,Okänd kolumn\n"
        "K-1,Bärbar dator,Lenovo,x\nK-2,Surfplatta,Apple,y\nK-3,Laptopp,HP,z\n",
        encoding="utf-8",
    )
    draft = suggest_profile([export])
    assert "  - kind: client  # 3 of 4 headers matched" in draft
    assert "      id:  # confidence 100\n        column: Inventarienummer" in draft
    assert "          Bärbar dator: laptop  # confidence 100" in draft
    assert "          Surfplatta: tablet  # confidence 100" in draft
    assert "      # not mapped: Okänd kolumn" in draft
    # "Laptopp" is a near spelling of "laptop": a guess, below 100
    line = next(line for line in draft.splitlines() if line.strip().startswith("Laptopp"))
    assert "laptop  # confidence" in line and "confidence 100" not in line
