"""``inventory list`` shows every value whole, however wide the terminal.

A server has some twenty fields; in an 80-character terminal a table of them crushed every
column to "…" and showed no value at all. When the table does not fit, each record is
shown as its fields one per line (as psql's expanded display does). The values expected
here are read off samples/gnosjo/servrar.csv by hand.
"""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from tests.cli.test_list_language import ESX01_NO, ESX01_SV

#: Gnosjö's first server, samples/gnosjo/servrar.csv line 2, as stored (Swedish values
#: typed: fysisk -> physical, virtualiseringsvärd -> hypervisor, hög -> high).
ESX01 = {
    "id": "esx01",
    "hostname": "GNO-ESX01",
    "kind": "physical",
    "site": "SR1",
    "cluster": "esx-cl01",
    "role": "hypervisor",
    "model": "PowerEdge R740",
    "serial_number": "DE92478689",
    "os_product": "VMware ESXi",
    "os_version": "7.0 U2",
    "ip_address": "10.17.100.11",
    "power_w": "455.5",
    "purchase_date": "2021-09-27",
    "warranty_end": "2026-09-27",
    "criticality": "high",
}


def _list(db: str, columns: int, *args: str) -> str:
    """``inventory --db DB ARGS`` in its own process with a terminal ``columns`` wide (the
    console reads COLUMNS when it starts, as in a user's shell)."""
    result = subprocess.run(
        [sys.executable, "-c", "from inventory.cli.app import main; main()", "--db", db, *args],
        env={**os.environ, "COLUMNS": str(columns)},
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout


@pytest.mark.parametrize(
    ("lang", "heading", "first", "more", "expected", "host"),
    [
        ("en", "server: 40 records", "Record 1 of 40", "38 more not shown", ESX01, "host"),
        ("sv", "server: 40 poster", "Post 1 av 40", "38 till visas inte", ESX01_SV, "värd"),
        ("no", "server: 40 poster", "Post 1 av 40", "38 til vises ikke", ESX01_NO, "vert"),
    ],
)
def test_a_record_wider_than_the_terminal_is_shown_field_by_field(
    samples_db: str,
    lang: str,
    heading: str,
    first: str,
    more: str,
    expected: dict[str, str],
    host: str,
) -> None:
    text = _list(samples_db, 80, "--lang", lang, "list", "server", "-m", "gnosjo", "--limit", "2")
    lines = text.splitlines()
    assert lines[0] == heading
    assert lines[1] == first
    assert "…" not in text
    assert all(len(line) <= 80 for line in lines)
    fields = {}
    for line in lines[2 : lines.index(first.replace("1", "2", 1))]:
        cells = [cell.strip() for cell in line.strip("│").split("│")]
        if len(cells) == 2:
            fields[cells[0]] = cells[1]
    # (in sv and no under the language's header words, codes as its words: see
    # tests/cli/test_list_language.py)
    assert {name: fields[name] for name in expected} == expected
    # empty fields (esx01 has no host) are left out, not shown blank
    assert host not in fields
    assert more in " ".join(text.split())


def test_a_table_that_fits_stays_a_table(samples_db: str) -> None:
    narrow = _list(samples_db, 80, "list", "site", "-m", "gnosjo")
    assert "Record 1 of 8" in narrow and "power_capacity_kw" in narrow
    wide = _list(samples_db, 400, "list", "server", "-m", "gnosjo", "--limit", "2")
    assert "Record 1 of" not in wide
    assert "GNO-ESX01" in wide and "DE92478689" in wide and "…" not in wide
