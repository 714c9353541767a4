"""parse_column: a control character is a control-character error in every value type, on
every path (a few rows in Python, distinct values in Arrow, distinct keys on their bytes)."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from inventory.models import field_specs
from inventory.validate.values import ColumnPlace, parse_column

#: (record kind, field) -> a valid value of it (the rows that are not planted): a key, a
#: text, a float, an int, a date, an enumeration, an address, a boolean and two lists.
FIELDS = {
    ("server", "id"): "id-{}",
    ("server", "hostname"): "srv{}",
    ("server", "ram_gb"): "{}",
    ("server", "cpu_cores"): "8",
    ("server", "purchase_date"): "2024-01-02",
    ("server", "kind"): "physical",
    ("server", "ip_address"): "10.0.0.1",
    ("site", "ups"): "ja",
    ("zone", "vlans"): "10;11",
    ("application", "depends_on"): "p-ad, p-{}",
}
#: row -> planted value (the character at the end, in the middle, alone)
PLANTED = {1: "a\x1b[31mb", 2: "\u202eabc", 4: "\x0b", 5: "x\x9b", 6: "8\x7f"}


@pytest.mark.parametrize("rows", [8, 3_000, 70_000])
@pytest.mark.parametrize(("kind", "field"), list(FIELDS))
def test_control_characters_on_every_path(kind: str, field: str, rows: int) -> None:
    spec = {spec.name: spec for spec in field_specs(kind)}[field]
    values = [FIELDS[kind, field].format(number) for number in range(rows)]
    for row, value in PLANTED.items():
        values[row] = value
    values[3] = "tab\there"  # TAB is data (it fails as a number or date, not as a control)
    place = ColumnPlace("servers.csv", field, 2, np.arange(2, rows + 2))
    parsed = parse_column(spec, pd.Series(values, dtype="str"), place)
    control = [
        (issue.row, issue.line, issue.value)
        for issue in parsed.issues
        if issue.code == "control-character"
    ]
    assert control == [(row + 1, row + 2, value) for row, value in PLANTED.items()]
    others = {issue.row for issue in parsed.issues if issue.code != "control-character"}
    assert not others & {row + 1 for row in PLANTED}  # one issue per rejected cell
    assert parsed.values.iloc[list(PLANTED)].isna().all()
