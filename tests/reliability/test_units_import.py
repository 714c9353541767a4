"""Units end to end (issue 15, item 3): the real CLI on a copy of samples/gnosjo.

A unit of the wrong dimension rejects the import at its place and writes nothing; units
in cells and headers are stored converted to the field's unit.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from inventory.store import InventoryStore
from tests.helpers import dump_tables, run_json

LINKS = "länkar.csv"  # länk-id,a-plats,b-plats,typ,bandbredd mbps,...
SERVERS = "servrar.csv"  # cp1252, ';'


def _rewrite(path: Path, encoding: str, edit: Any) -> None:
    lines = path.read_bytes().decode(encoding).splitlines()
    end = "\r\n" if encoding == "cp1252" else "\n"
    path.write_bytes((end.join(edit(lines)) + end).encode(encoding))


def _set_link_bandwidth(folder: Path, line: int, value: str) -> None:
    def edit(lines: list[str]) -> list[str]:
        cells = lines[line - 1].split(",")
        cells[4] = value
        lines[line - 1] = ",".join(cells)
        return lines

    _rewrite(folder / LINKS, "utf-8", edit)


def test_a_wrong_unit_rejects_the_import_at_its_place_and_writes_nothing(
    loaded_db: str, municipality_copy: Path
) -> None:
    _set_link_bandwidth(municipality_copy, 3, "16 GB")
    before = dump_tables(loaded_db)
    result, output = run_json(loaded_db, "import", str(municipality_copy))
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert output["valid"] is False and output["import"] is None
    (issue,) = [i for i in output["report"]["issues"] if i["code"] == "wrong-unit"]
    assert (
        Path(issue["file"]).name,
        issue["line"],
        issue["row"],
        issue["column"],
        issue["column_index"],
        issue["value"],
    ) == (LINKS, 3, 2, "bandbredd mbps", 5, "16 GB")
    assert "Mbit/s" in issue["message"] and "Mbit/s" in issue["hint"]
    assert dump_tables(loaded_db) == before


def test_a_wrong_unit_in_the_header_rejects_the_import(
    loaded_db: str, municipality_copy: Path
) -> None:
    _rewrite(
        municipality_copy / LINKS,
        "utf-8",
        lambda lines: [lines[0].replace("bandbredd mbps", "Bandbredd (kW)"), *lines[1:]],
    )
    before = dump_tables(loaded_db)
    result, output = run_json(loaded_db, "import", str(municipality_copy))
    assert result.exit_code == 1
    (issue,) = [i for i in output["report"]["issues"] if i["code"] == "wrong-unit"]
    assert (issue["line"], issue["column"], issue["column_index"]) == (1, "Bandbredd (kW)", 5)
    assert dump_tables(loaded_db) == before


def test_units_in_cells_and_headers_are_stored_in_the_fields_unit(
    fresh_db: str, municipality_copy: Path
) -> None:
    _set_link_bandwidth(municipality_copy, 2, "10 Gbit/s")  # L02
    _set_link_bandwidth(municipality_copy, 3, "500 Mbps")  # L03

    def servers(lines: list[str]) -> list[str]:
        header = lines[0].replace("minne gb", "Minne (MiB)").replace("effekt w", "Effekt (kW)")
        first = lines[1].split(";")  # esx01: 768 GB of memory, 455,5 W
        first[11], first[17] = "786432", "0,4555"  # 768 x 1024 MiB; 455.5 W in kW
        return [header, ";".join(first), *lines[2:]]

    _rewrite(municipality_copy / SERVERS, "cp1252", servers)
    result, output = run_json(fresh_db, "import", str(municipality_copy))
    assert result.exit_code == 0, result.output
    infos = [i for i in output["report"]["issues"] if i["code"] == "unit-from-header"]
    assert sorted(i["column"] for i in infos) == ["Effekt (kW)", "Minne (MiB)"]
    with InventoryStore(fresh_db) as store:
        links = store.records("link", ["gnosjo"]).set_index("id")
        servers_stored = store.records("server", ["gnosjo"]).set_index("id")
    assert links.loc["L02", "bandwidth_mbps"] == 10 * 1000  # 10 Gbit/s
    assert links.loc["L03", "bandwidth_mbps"] == 500
    assert servers_stored.loc["esx01", "ram_gb"] == 786432 / 1024  # MiB -> GB (JEDEC)
    assert servers_stored.loc["esx01", "power_w"] == 0.4555 * 1000
