"""``inventory list`` in the reader's language (issue 14, item 2).

Text output: each field under the first header word its language accepts for it (so that
it can be written back as a file's header: ``värdnamn``, ``vertsnavn``), coded values as
the report's words for them (``code.criticality.high``: Hög, Høy) or, where the report has
none, as the first word the language accepts for them on import (``physical``: fysisk),
yes/no as words, numbers and dates as the language writes them (455,5; 768 for a stored
768.0; Norwegian dates 27.09.2021). Free text stays as stored. English keeps
the canonical names and codes; ``--format json`` is the same data in every language.
"""

from __future__ import annotations

import json
import re

import pytest

from inventory.cli.common import console
from inventory.language.i18n import Lang, translation_keys, translations
from inventory.models.base import Language
from inventory.models.registry import RECORD_KINDS, field_specs
from tests.helpers import run_main

#: Gnosjö's esx01, samples/gnosjo/servrar.csv line 2, read by hand, as the sv file writes
#: it (its own headers: värdnamn, typ, roll, kritikalitet …; values fysisk,
#: virtualiseringsvärd, aktiv, hög) except the criticality, which is the report's word.
ESX01_SV = {
    "kommun": "gnosjo",
    "server-id": "esx01",
    "värdnamn": "GNO-ESX01",
    "typ": "fysisk",
    "plats": "SR1",
    "kluster": "esx-cl01",
    "roll": "virtualiseringsvärd",
    "tillverkare": "Dell",
    "modell": "PowerEdge R740",
    "serienummer": "DE92478689",
    "operativsystem": "VMware ESXi",
    "os-version": "7.0 U2",
    "ip-adress": "10.17.100.11",
    "effekt w": "455,5",
    "minne gb": "768",
    "kärnor": "48",
    "status": "aktiv",
    "inköpsdatum": "2021-09-27",
    "garanti till": "2026-09-27",
    "kritikalitet": "Hög",
}
#: The same record in Norwegian bokmål.
ESX01_NO = {
    "kommune": "gnosjo",
    "server-id": "esx01",
    "vertsnavn": "GNO-ESX01",
    "type": "fysisk",
    "lokasjon": "SR1",
    "klynge": "esx-cl01",
    "rolle": "virtualiseringsvert",
    "produsent": "Dell",
    "modell": "PowerEdge R740",
    "serienummer": "DE92478689",
    "operativsystem": "VMware ESXi",
    "os-versjon": "7.0 U2",
    "ip-adresse": "10.17.100.11",
    "effekt w": "455,5",
    "status": "aktiv",
    "innkjøpsdato": "27.09.2021",
    "garanti til": "27.09.2026",
    "kritikalitet": "Høy",
}
#: And in English, as stored.
ESX01_EN = {
    "municipality": "gnosjo",
    "id": "esx01",
    "hostname": "GNO-ESX01",
    "kind": "physical",
    "role": "hypervisor",
    "status": "active",
    "criticality": "high",
}


def _table(text: str) -> list[list[str]]:
    """The header and rows of a rich table printed whole (``┃`` header, ``│`` rows)."""
    return [
        [cell.strip() for cell in re.split(r"[│┃]", line)[1:-1]]
        for line in text.splitlines()
        if line.startswith(("│", "┃"))
    ]


@pytest.fixture
def wide(monkeypatch: pytest.MonkeyPatch) -> None:
    """A terminal wide enough for every kind's table (one line a record)."""
    monkeypatch.setattr(console, "_width", 3000)


@pytest.mark.parametrize(
    ("lang", "expected"), [("sv", ESX01_SV), ("no", ESX01_NO), ("en", ESX01_EN)]
)
def test_a_server_is_listed_in_the_readers_words(
    samples_db: str, wide: None, lang: str, expected: dict[str, str]
) -> None:
    outcome = run_main("--lang", lang, "--db", samples_db, "list", "server", "-m", "gnosjo")
    assert outcome.code == 0, outcome.text
    header, *rows = _table(outcome.stdout)
    first = dict(zip(header, rows[0], strict=True))
    assert {label: first[label] for label in expected} == expected


def test_english_text_is_the_stored_names_and_codes(samples_db: str, wide: None) -> None:
    outcome = run_main("--db", samples_db, "list", "server", "-m", "gnosjo")
    header, *_ = _table(outcome.stdout)
    assert header == [
        name
        for name in ["municipality", *(spec.name for spec in field_specs("server"))]
        if name in header  # (columns without a value are left out)
    ]
    assert "hostname" in header and "warranty_end" in header


@pytest.mark.parametrize("kind", RECORD_KINDS)
def test_json_is_the_same_data_in_every_language(samples_db: str, kind: str) -> None:
    shown = {
        lang: run_main("--lang", lang, "--db", samples_db, "list", kind, "--format", "json")
        for lang in ("en", "sv", "no")
    }
    assert shown["sv"].stdout == shown["en"].stdout == shown["no"].stdout
    records = json.loads(shown["en"].stdout)
    assert records, kind
    if kind == "server":
        esx01 = next(r for r in records if r["municipality"] == "gnosjo" and r["id"] == "esx01")
        assert (esx01["kind"], esx01["role"], esx01["criticality"]) == (
            "physical",
            "hypervisor",
            "high",
        )


@pytest.mark.parametrize("lang", ["sv", "no"])
@pytest.mark.parametrize("kind", RECORD_KINDS)
def test_every_kind_every_field_and_code_in_the_language(
    samples_db: str, wide: None, kind: str, lang: Lang
) -> None:
    """Every kind of the samples: each label is a header word of its field in the language,
    each coded value is not the stored English code (unless the language writes it alike)
    and reads back on import as that code where it is an import word; free text is as
    stored."""
    language: Language = "nb" if lang == "no" else "sv"
    records = json.loads(run_main("--db", samples_db, "list", kind, "--format", "json").stdout)
    header, *rows = _table(run_main("--lang", lang, "--db", samples_db, "list", kind).stdout)
    assert len(rows) == len(records)
    specs = {spec.name: spec for spec in field_specs(kind)}
    by_label = {}
    for label in header:
        if label in ("kommun", "kommune"):
            by_label[label] = "municipality"
            continue
        (name,) = [n for n, spec in specs.items() if spec.words.of(language)[:1] == (label,)]
        by_label[label] = name
    coded = 0
    for record, row in zip(records, rows, strict=True):
        for label, cell in zip(header, row, strict=True):
            name = by_label[label]
            stored = record[name]
            spec = specs.get(name)
            if stored is None:
                assert cell == ""
            elif spec is not None and spec.enum is not None:
                coded += 1
                accepted = {w.casefold() for w in spec.enum.words(stored).of(language)}
                reports = {
                    translations(key)[lang]
                    for key in translation_keys()
                    if key.startswith("code.") and key.endswith(f".{stored}")
                }
                assert cell.casefold() in accepted or cell in reports, (label, stored, cell)
                # never the English code, unless the language writes it alike
                assert cell != stored or stored.casefold() in accepted or stored in reports
                if cell.casefold() in accepted:  # an import word reads back as the code
                    assert spec.enum.parse(cell) is spec.enum(stored)
            elif spec is not None and spec.value_type == "bool":
                assert (
                    cell
                    == {"sv": {True: "ja", False: "nej"}, "no": {True: "ja", False: "nei"}}[lang][
                        stored
                    ]
                )
            elif isinstance(stored, str) and spec is not None and spec.value_type == "text":
                assert cell == stored
    assert coded, kind
