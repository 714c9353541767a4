"""What stats, list, history, diff, impact, graph, overlap, lifecycle and diagram print
comes out in the language of ``--lang``: sentences, table headings and the code values in
the tables (a lifecycle state, a node kind) in Swedish and Norwegian, none of the English
texts they replace. Run through the command line on the stored samples."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from inventory.cli.app import app

#: Per command: its arguments, then per language the texts it must print and the English
#: ones it must not (those the language's texts replace).
CASES: dict[str, tuple[list[str], dict[str, tuple[list[str], list[str]]]]] = {
    "stats": (
        ["stats"],
        {
            "sv": (
                ["Lagrad inventering (1 importkörning)", "posttyp", "nätverksenhet"],
                ["Stored inventory", "record kind", "network_device"],
            ),
            "no": (
                ["Lagret kartlegging (1 importkjøring)", "posttype", "nettverksenhet"],
                ["Stored inventory", "record kind", "network_device"],
            ),
        },
    ),
    # samples/hylte/zones.csv: six zones
    "list": (
        ["list", "zone", "-m", "hylte"],
        {
            "sv": (["zon: 6 poster"], ["records"]),
            "no": (["sone: 6 poster"], ["records"]),
        },
    ),
    "history": (
        ["history", "-m", "gnosjo"],
        {
            "sv": (
                ["Importkörningar", "körning", "startad", "nya"],
                ["Import runs", "started", "created"],
            ),
            "no": (
                ["Importkjøringer", "kjøring", "startet", "nye"],
                ["Import runs", "started", "created"],
            ),
        },
    ),
    "diff": (
        ["diff", "1", "1", "-m", "hylte"],
        {
            "sv": (
                ["Körningar 1 -> 1 för hylte: 0 nya, 0 ändrade, 0 borttagna."],
                ["Runs 1", "created", "deleted"],
            ),
            "no": (
                ["Kjøringer 1 -> 1 for hylte: 0 nye, 0 endret, 0 slettet."],
                ["Runs 1", "created", "deleted"],
            ),
        },
    ),
    "impact": (
        ["impact", "vaggeryd:esx-cl01", "--limit", "1"],
        {
            "sv": (
                [
                    "Påverkan av vaggeryd:cluster:esx-cl01 (Kluster): 85 beroende i 1 kommun,"
                    " 762 klientenheter",
                    "avstånd",
                    "benämning",
                    "Klientgrupp",
                    "... och 84 till (--limit, eller --format json för alla).",
                ],
                [
                    "Impact of",
                    "dependents",
                    "municipality",
                    "distance",
                    "client_fleet",
                    "and 84 more",
                ],
            ),
            "no": (
                [
                    "Konsekvens av vaggeryd:cluster:esx-cl01 (Klynge): 85 avhengige i 1 kommune,"
                    " 762 klientenheter",
                    "avstand",
                    "betegnelse",
                    "Klientgruppe",
                ],
                ["Impact of", "dependents", "distance", "client_fleet", "and 84 more"],
            ),
        },
    ),
    "graph": (
        ["graph", "--check", "--limit", "1", "-m", "gnosjo"],
        {
            "sv": (
                [
                    "Beroendegraf för gislaved, gnosjo, varnamo:",
                    "noder",
                    "kanter",
                    "nodtyp",
                    "kanttyp",
                    "Placerad i",
                    "Grafkontroll: 25 fynd",
                    "Server som inte kör något",
                    "Enda förbindelse",
                    "... och 17 till (--limit 0 listar alla",
                ],
                [
                    "Dependency graph",
                    "nodes",
                    "node kind",
                    "edge kind",
                    "located_in",
                    "Graph check",
                    "findings",
                    "idle_server",
                    "single_uplink",
                    "more",
                ],
            ),
            "no": (
                [
                    "Avhengighetsgraf for gislaved, gnosjo, varnamo:",
                    "nodetype",
                    "kanttype",
                    "Plassert i",
                    "Grafkontroll: 25 funn",
                    "Server som ikke kjører noe",
                    "Bare ett samband",
                    "... og 17 til (--limit 0 viser alle",
                ],
                [
                    "Dependency graph",
                    "node kind",
                    "edge kind",
                    "located_in",
                    "Graph check",
                    "findings",
                    "idle_server",
                    "single_uplink",
                    "more",
                ],
            ),
        },
    ),
    "overlap": (
        ["overlap", "-m", "gnosjo", "-m", "hylte"],
        {
            "sv": (
                [
                    "Likhet (viktad Jaccard",
                    "0,37",
                    "Harmoniseringsindex per förmåga",
                    "Produkter per förmåga (antal komponenter)",
                    "Verksamhetssystem som flera kommuner använder",
                    "förmåga",
                    "vanligast",
                    "Accesspunkter",
                    "Nät",
                    "Alla kommuner",
                    "58\u00a0%",
                ],
                [
                    "Similarity",
                    "Harmonisation index",
                    "Products per capability",
                    "Business applications used",
                    "most common",
                    "access_point",
                    "network",
                    "0.37",
                ],
            ),
            "no": (
                [
                    "Likhet (vektet Jaccard",
                    "0,37",
                    "Harmoniseringsindeks per kapabilitet",
                    "Produkter per kapabilitet (antall komponenter)",
                    "Fagsystemer som flere kommuner bruker",
                    "vanligst",
                    "Nett",
                    "Alle kommuner",
                    "58\u00a0%",
                ],
                [
                    "Similarity",
                    "Harmonisation index",
                    "Products per capability",
                    "Business applications used",
                    "most common",
                    "access_point",
                    "network",
                    "0.37",
                ],
            ),
        },
    ),
    "lifecycle": (
        ["lifecycle", "-m", "gnosjo", "--date", "2026-12-01"],
        {
            "sv": (
                [
                    "Livscykel per 2026-12-01 (upphör = inom 12 månader): Har support",
                    "Supportslut passerat eller nära",
                    "läge",
                    "månader kvar",
                    "komponenter",
                    "anmärkning",
                    "operativsystem",
                ],
                [
                    "Lifecycle as of",
                    "end_of_life",
                    "Past end of life",
                    "months left",
                    "assets",
                    "note",
                ],
            ),
            "no": (
                [
                    "Livssyklus per 2026-12-01 (slutter = innen 12 måneder): Har støtte",
                    "Passert støtteslutt eller snart",
                    "tilstand",
                    "måneder igjen",
                    "merknad",
                    "operativsystem",
                ],
                [
                    "Lifecycle as of",
                    "end_of_life",
                    "Past end of life",
                    "months left",
                    "assets",
                    "note",
                ],
            ),
        },
    ),
    "lifecycle --check-catalogue": (
        ["lifecycle", "--check-catalogue", "-m", "gnosjo"],
        {
            "sv": (
                ["Katalogkontroll: ", " av produkterna som används "],
                ["Catalogue check", "the products in use"],
            ),
            "no": (
                ["Katalogkontroll: ", " av produktene som er i bruk "],
                ["Catalogue check", "the products in use"],
            ),
        },
    ),
    "diagram": (
        ["diagram", "network", "--format", "dot", "--out", "{out}"],
        {
            "sv": (["skrev "], ["wrote"]),
            "no": (["skrev "], ["wrote"]),
        },
    ),
}


@pytest.mark.parametrize("lang", ["sv", "no"])
@pytest.mark.parametrize("command", sorted(CASES))
def test_a_command_prints_in_the_language_asked_for(
    command: str, lang: str, samples_db: str, tmp_path: Path
) -> None:
    args, expected = CASES[command]
    args = [arg.replace("{out}", str(tmp_path / "network.dot")) for arg in args]
    result = CliRunner().invoke(
        app, ["--db", samples_db, "--lang", lang, *args], env={"COLUMNS": "300"}
    )
    # --check-catalogue exits 1 when it finds a cycle to correct
    assert result.exit_code in ((0, 1) if "--check-catalogue" in args else (0,)), result.output
    present, absent = expected[lang]
    for text in present:
        assert text in result.stdout, text
    for text in absent:
        assert text not in result.stdout, text


def test_an_empty_store_says_so_in_the_language(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'none.db'}"
    for lang, text in (
        ("sv", "Inget är lagrat ännu: kör först `inventory import MAPP`."),
        ("no", "Ingenting er lagret ennå: kjør først `inventory import MAPPE`."),
        ("en", "Nothing is stored yet: run `inventory import FOLDER` first."),
    ):
        result = CliRunner().invoke(app, ["--db", url, "--lang", lang, "list"])
        assert result.exit_code == 0, result.output
        assert result.stdout.strip() == text
    assert not (tmp_path / "none.db").exists()  # a read never creates the database


def test_english_output_keeps_its_words_and_codes(samples_db: str) -> None:
    """English prints the codes scripts read (``end_of_life``, ``idle_server``)."""
    result = CliRunner().invoke(
        app,
        ["--db", samples_db, "graph", "--check", "--limit", "1", "-m", "gnosjo"],
        env={"COLUMNS": "300"},
    )
    assert result.exit_code == 0, result.output
    for text in (
        "Dependency graph of gislaved, gnosjo, varnamo:",
        "node kind",
        "located_in",
        "Graph check: 25 findings",
        "idle_server  ... and 17 more",
    ):
        assert text in result.stdout, text


def test_an_invalid_target_is_summed_up_in_the_language(samples_db: str, tmp_path: Path) -> None:
    target = tmp_path / "target.yaml"
    target.write_text("name: [unclosed\n", encoding="utf-8")
    out = str(tmp_path / "t.svg")
    printed = {}
    for lang in ("en", "sv", "no"):
        result = CliRunner().invoke(
            app,
            [
                "--db",
                samples_db,
                "--lang",
                lang,
                "diagram",
                "target",
                "--target",
                str(target),
                "--out",
                out,
            ],
        )
        assert result.exit_code == 1, result.output
        printed[lang] = result.stderr.splitlines()[-1]
    assert printed["en"] == f"1 error in {target}: nothing was computed."
    assert printed["sv"] == f"1 fel i {target}: ingenting beräknades."
    assert printed["no"] == f"1 feil i {target}: ingenting ble beregnet."
    assert not (tmp_path / "t.svg").exists()


#: Texts the library builds as messages (graph findings, lifecycle notes, catalogue
#: findings), per command and language: present in the language, the English gone. The
#: samples: srv-app01 of Gislaved runs nothing, site KH has one 10 Gbit/s dark fibre link
#: (L03), ChromeOS is evergreen with no support_end given, Ubuntu 12.10 outlives 13.04.
LIBRARY_TEXTS: dict[str, tuple[list[str], dict[str, tuple[list[str], list[str]]]]] = {
    "graph": (
        ["graph", "--check", "--limit", "2"],
        {
            "sv": (
                [
                    "gislaved:server:srv-app01: Kör ingenting: ingen plattform, applikation"
                    " eller virtuell server är beroende av den.",
                    "gislaved:site:KH: En enda förbindelse: gislaved:L03, Svartfiber,"
                    " 10 000 Mbit/s.",
                ],
                ["Runs nothing", "A single link", "depends on it"],
            ),
            "no": (
                [
                    "gislaved:server:srv-app01: Kjører ingenting: ingen plattform,"
                    " applikasjon eller virtuell server er avhengig av den.",
                    "gislaved:site:KH: Én enkelt forbindelse: gislaved:L03, Mørk fiber,"
                    " 10 000 Mbit/s.",
                ],
                ["Runs nothing", "A single link", "depends on it"],
            ),
        },
    ),
    "lifecycle": (
        ["lifecycle", "--all"],
        {
            "sv": (
                ["evergreen-OS: supporten upphör per enhet, ange dess support_end (AUE)"],
                ["support ends per device"],
            ),
            "no": (
                ["evergreen-OS: støtten opphører per enhet, oppgi dens support_end (AUE)"],
                ["support ends per device"],
            ),
        },
    ),
    "check-catalogue": (
        ["lifecycle", "--check-catalogue", "--all"],
        {
            "sv": (
                [
                    "ubuntu 12.10: Ubuntu 12.10 (släppt 2012-10-18) har support till"
                    " 2014-05-16, efter att den nyare 13.04 (släppt 2013-04-25) upphör"
                    " 2014-01-27",
                ],
                ["released", "is supported", "ends on"],
            ),
            "no": (
                [
                    "ubuntu 12.10: Ubuntu 12.10 (utgitt 2012-10-18) har støtte til"
                    " 2014-05-16, etter at den nyere 13.04 (utgitt 2013-04-25) opphører"
                    " 2014-01-27",
                ],
                ["released", "is supported", "ends on"],
            ),
        },
    ),
}


def _plain_spaces(text: str) -> str:
    """Babel's group separators (no-break and narrow no-break spaces) as plain spaces."""
    return text.replace("\u00a0", " ").replace("\u202f", " ")


@pytest.mark.parametrize("lang", ["sv", "no"])
@pytest.mark.parametrize("command", sorted(LIBRARY_TEXTS))
def test_library_findings_and_notes_print_in_the_language(
    command: str, lang: str, samples_db: str
) -> None:
    args, expected = LIBRARY_TEXTS[command]
    result = CliRunner().invoke(
        app, ["--db", samples_db, "--lang", lang, *args], env={"COLUMNS": "400"}
    )
    # --check-catalogue exits 1: the catalogue has cycles to correct
    assert result.exit_code == (1 if "--check-catalogue" in args else 0), result.output
    shown = " ".join(_plain_spaces(result.stdout).split())
    present, absent = expected[lang]
    for text in present:
        assert text in shown, text
    for text in absent:
        assert text not in shown, text


def test_library_findings_stay_english_in_english_and_json(samples_db: str) -> None:
    runner = CliRunner()
    text = runner.invoke(
        app, ["--db", samples_db, "graph", "--check", "--limit", "2"], env={"COLUMNS": "400"}
    ).stdout
    assert "gislaved:site:KH: A single link: gislaved:L03 (dark_fibre, 10,000 Mbit/s)." in text
    for lang in ("en", "sv"):
        data = json.loads(
            runner.invoke(
                app, ["--db", samples_db, "--lang", lang, "graph", "--check", "--format", "json"]
            ).stdout
        )
        by_node = {finding["node"]: finding["message"] for finding in data["findings"]}
        assert by_node["gislaved:server:srv-app01"] == (
            "Runs nothing: no platform, application or virtual server depends on it."
        )
        checked = json.loads(
            runner.invoke(
                app,
                [
                    "--db",
                    samples_db,
                    "--lang",
                    lang,
                    "lifecycle",
                    "--check-catalogue",
                    "--all",
                    "--format",
                    "json",
                ],
            ).stdout
        )
        ubuntu = next(f for f in checked if (f["product"], f["older"]) == ("ubuntu", "12.10"))
        assert ubuntu["message"] == (
            "Ubuntu 12.10 (released 2012-10-18) is supported until 2014-05-16, after the"
            " newer 13.04 (released 2013-04-25) ends on 2014-01-27"
        )
