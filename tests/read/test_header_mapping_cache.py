"""``map_headers`` maps a header that gave no issue and looked at no cell once per
process (every municipality's file of a kind has the same header): a header mapped from
that cache must give exactly what mapping it afresh gives, for any file, and a caller
changing its mapping must not change the next one."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
from hypothesis import given, settings
from hypothesis import strategies as st

from inventory.read import headers
from inventory.read.headers import map_headers
from inventory.read.source import SourceTable

CELLS = st.sampled_from(
    [
        "id",
        "ID",
        "hostname",
        "Värdnamn",
        "Servernavn",
        "kind",
        "Typ",
        "site",
        "RAM (GB)",
        "Minne (MiB)",
        "ram_gb",
        "cpu_cores",
        "#note",
        "",
        " ",
        "unknown column",
        "ip_address",
        "status",
    ]
)


def _source(header: list[str], filled: bool, name: str) -> SourceTable:
    cells = pd.DataFrame({str(i): ["x" if filled else ""] for i in range(len(header))})
    return SourceTable(
        path=Path(f"{name}/servers.csv"),
        kind="server",
        municipality=name,
        format="csv",
        sha256="0",
        encoding="utf-8",
        delimiter=",",
        header=header,
        header_line=1,
        cells=cells,
        lines=[2],
    )


def _outcome(source: SourceTable, cached: bool) -> tuple[object, ...]:
    if not cached:
        headers._CLEAN_MAPPINGS.clear()
    mapping, issues = map_headers(source)
    return (
        mapping.fields,
        mapping.written,
        mapping.ignored,
        mapping.units,
        mapping.language,
        [issue.model_dump() for issue in issues],
    )


@settings(max_examples=300, deadline=None)
@given(header=st.lists(CELLS, min_size=1, max_size=8), filled=st.booleans())
def test_cached_mapping_as_mapped_afresh(header: list[str], filled: bool) -> None:
    first = _source(header, filled, "m1")
    second = _source(list(header), not filled, "m2")
    expected = [_outcome(first, cached=False), _outcome(second, cached=False)]
    _outcome(first, cached=False)  # (now maybe in the cache)
    assert [_outcome(first, cached=True), _outcome(second, cached=True)] == expected


def test_a_changed_mapping_leaves_the_next_alone() -> None:
    headers._CLEAN_MAPPINGS.clear()
    source = _source(["id", "hostname", "kind"], True, "m1")
    mapping, issues = map_headers(source)
    assert issues == [] and len(headers._CLEAN_MAPPINGS) == 1
    mapping.fields[9] = "site"
    mapping.written["x"] = "site"
    mapping.ignored.append(9)
    again, _ = map_headers(source)
    assert again.fields == {0: "id", 1: "hostname", 2: "kind"}
    assert again.written == {"id": "id", "hostname": "hostname", "kind": "kind"}
    assert again.ignored == []
