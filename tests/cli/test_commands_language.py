"""What stats, list, history, diff, impact, graph, overlap, lifecycle and diagram print
comes out in the language of ``--lang``: sentences, table headings and the code values in
the tables (a lifecycle state, a node kind) in Swedish and Norwegian, none of the English
texts they replace. Run through the command line on the stored samples."""

from __future__ import annotations

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
                ["Lagrad inventering (1 importkörningar)", "posttyp", "nätverksenhet"],
                ["Stored inventory", "record kind", "network_device"],
            ),
            "no": (
                ["Lagret kartlegging (1 importkjøringer)", "posttype", "nettverksenhet"],
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
