"""The code values inside graph findings (a platform's capability, a link's kind) read in
the reader's language: their own text in Swedish and Norwegian, the code itself in English
(the text scripts and ``--format json`` have always had)."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from inventory.analyse.graph import FindingCode, build_graph, check
from inventory.cli.app import app
from inventory.language.i18n import Lang
from inventory.messages import message_text
from inventory.snapshot import InventorySnapshot

#: tests/analyse/conftest.py: Vaggeryd's p-unused is an Oracle Database platform
#: (capability database) nothing depends on.
UNUSED = {
    "en": "No application depends on this database platform (Oracle Database)"
    " and it manages no clients.",
    "sv": "Ingen applikation är beroende av plattformen Oracle Database (Databaser),"
    " och den förvaltar inga klienter.",
    "no": "Ingen applikasjon er avhengig av plattformen Oracle Database (Databaser),"
    " og den forvalter ingen klienter.",
}


@pytest.mark.parametrize("lang", ["en", "sv", "no"])
def test_an_unused_platform_names_its_capability_in_the_language(
    two_municipalities: InventorySnapshot, lang: Lang
) -> None:
    findings = check(build_graph(two_municipalities))
    (unused,) = [f for f in findings if f.code is FindingCode.UNUSED_PLATFORM]
    assert message_text(unused.text, lang) == UNUSED[lang]
    assert str(unused.text) == UNUSED["en"]
    assert unused.to_json()["message"] == UNUSED["en"]


def _plain(text: str) -> str:
    return " ".join(text.replace("\u00a0", " ").replace("\u202f", " ").split())


#: samples: Gislaved's site KH has one link, L03, a 10 Gbit/s dark fibre.
SINGLE_LINK = {
    "en": "gislaved:site:KH: A single link: gislaved:L03 (dark_fibre, 10,000 Mbit/s).",
    "sv": "gislaved:site:KH: En enda förbindelse: gislaved:L03, Svartfiber, 10 000 Mbit/s.",
    "no": "gislaved:site:KH: Én enkelt forbindelse: gislaved:L03, Mørk fiber, 10 000 Mbit/s.",
}


@pytest.mark.parametrize("lang", ["en", "sv", "no"])
def test_graph_check_prints_the_link_kind_in_the_language(samples_db: str, lang: str) -> None:
    result = CliRunner().invoke(
        app,
        ["--db", samples_db, "--lang", lang, "graph", "--check", "--limit", "0"],
        env={"COLUMNS": "400"},
    )
    assert result.exit_code == 0, result.output
    shown = _plain(result.stdout)
    assert SINGLE_LINK[lang] in shown
    if lang != "en":
        assert "dark_fibre" not in shown and "(fibre," not in shown
        # 1 finding or many: the title's noun agrees with the count
        assert {"sv": "Grafkontroll: 339 fynd", "no": "Grafkontroll: 339 funn"}[lang] in shown


def test_the_json_findings_keep_the_codes(samples_db: str) -> None:
    result = CliRunner().invoke(
        app, ["--db", samples_db, "--lang", "no", "graph", "--check", "--format", "json"]
    )
    by_node = {f["node"]: f["message"] for f in json.loads(result.stdout)["findings"]}
    assert by_node["gislaved:site:KH"] == SINGLE_LINK["en"].removeprefix("gislaved:site:KH: ")
