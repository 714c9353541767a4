"""Issues of export adapters and mapping profiles in the reader's language, with their place.

A GLPI export of three Norwegian municipalities read through a mapping profile that maps
two of them (the rows of Seljord map to none: an error; Nome's rows: a note), a NetBox CSV
export set with rows of another tenant, a device of no server role and a racks list
(notes), and a Proxmox JSON export that does not parse. ``inventory --lang sv|no validate`` prints each
issue's message and hint from its template in Swedish or Norwegian bokmål, at the same
place as the English run, and none of the English texts.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from inventory.cli.app import app
from inventory.issues import IssueCode
from inventory.read.adapters.base import load_json
from inventory.render.issues import issue_line
from tests.read.test_adapters_profile_rules import ROWS, _setup

EXPORTS = Path(__file__).resolve().parents[1] / "data" / "exports"


def _run(*arguments: str, lang: str | None = None) -> tuple[int, str]:
    options = ["--lang", lang] if lang else []
    result = CliRunner().invoke(app, ["--db", "sqlite:///unused.db", *options, *arguments])
    return result.exit_code, " ".join(result.stdout.split())  # lines as printed, unwrapped


def _english(*arguments: str) -> list[str]:
    """The English message and hint of every issue of the JSON run."""
    code, out = _run(*arguments, "--format", "json")
    assert code in (0, 1), out
    issues = json.loads(out)["issues"]
    assert issues
    return [text for issue in issues for text in (issue["message"], issue["hint"]) if text]


@pytest.fixture()
def glpi(tmp_path: Path) -> tuple[Path, Path]:
    midt, _nome, profile = _setup(tmp_path, ROWS)
    return midt, profile


EXPECTED_GLPI = {
    "sv": [
        "info skipped-path vid {f}:3, kolumn 'Entity': 2 rad(er) i denna export hör till andra"
        " kommuner enligt kolumnen 'Entity' (nome 2); de läses i de kommunernas mappar, inte"
        " här. Tips: Inget att göra om det stämmer; profilens kommunvärden ({p}) anger vems"
        " varje rad är.",
        "fel unknown-municipality vid {f}:6, kolumn 'Entity': 2 rad(er) anger 'Seljord"
        " kommune' i kolumnen 'Entity', som profilen glpi-vestfold inte knyter till någon"
        " kommun: rad 6, 7; de läses inte. Tips: Lägg till 'Seljord kommune' bland profilens"
        " kommunvärden ({p}), kopplat till kommunens mappnamn.",
        "Ogiltig: 1 kommun, 2 filer, 3 rader; 1 fel, 0 varningar.",
    ],
    "no": [
        "info skipped-path ved {f}:3, kolonne 'Entity': 2 rad(er) i denne eksporten hører til"
        " andre kommuner etter kolonnen 'Entity' (nome 2); de leses i de kommunenes mapper,"
        " ikke her. Tips: Ingenting å gjøre om det stemmer; profilens kommuneverdier ({p})"
        " angir hvem hver rad tilhører.",
        "feil unknown-municipality ved {f}:6, kolonne 'Entity': 2 rad(er) oppgir 'Seljord"
        " kommune' i kolonnen 'Entity', som profilen glpi-vestfold ikke knytter til noen"
        " kommune: linje 6, 7; de leses ikke. Tips: Legg til 'Seljord kommune' blant profilens"
        " kommuneverdier ({p}), knyttet til kommunens mappenavn.",
        "Ugyldig: 1 kommune, 2 filer, 3 rader; 1 feil, 0 advarsler.",
    ],
}


@pytest.mark.parametrize("lang", ["sv", "no"])
def test_a_profile_s_unmapped_municipality_reads_in_the_reader_s_language(
    glpi: tuple[Path, Path], lang: str
) -> None:
    midt, profile = glpi
    arguments = ("validate", str(midt), "--mapping", str(profile))
    english = _english(*arguments)
    assert any("Seljord" in text for text in english)
    code, out = _run(*arguments, lang=lang)
    assert code == 1
    export = midt / "glpi-alle.csv"
    for line in EXPECTED_GLPI[lang]:
        assert line.format(f=export, p=profile) in out, (line, out)
    for text in english:
        assert text not in out, text
    for word in ("Hint:", " at ", "row(s)", "line(s)", "column '", "error ", " municipalit"):
        assert word not in out, word


EXPECTED_NETBOX = {
    "sv": [
        "info skipped-path vid {f}/netbox_devices.csv: 1 rad i denna export från netbox läses"
        " inte som server: dess roll 'PDU' är ingen roll för server, nätverksenhet eller"
        " lagring. Tips: Inget att göra om det stämmer; docs/adapters.md visar vad varje"
        " adapter läser.",
        "info skipped-path vid {f}/netbox_sites.csv: 1 rad i denna export från netbox läses"
        " inte som site: den hör till 'Värnamo kommun', en annan tenant eller region än"
        " 'vaggeryd'.",
        "info skipped-path vid {f}/netbox_racks.csv: netbox_racks.csv är en del av en export"
        " från netbox som inte läses: racken läses med platserna (antal rack, lediga"
        " rackenheter).",
    ],
    "no": [
        "info skipped-path ved {f}/netbox_devices.csv: 1 rad i denne eksporten fra netbox"
        " leses ikke som server: rollen 'PDU' er ingen rolle for server, nettverksenhet eller"
        " lagring. Tips: Ingenting å gjøre om det stemmer; docs/adapters.md viser hva hver"
        " adapter leser.",
        "info skipped-path ved {f}/netbox_sites.csv: 1 rad i denne eksporten fra netbox leses"
        " ikke som site: den tilhører 'Värnamo kommun', en annen tenant eller region enn"
        " 'vaggeryd'.",
        "info skipped-path ved {f}/netbox_racks.csv: netbox_racks.csv er en del av en eksport"
        " fra netbox som ikke leses: rackene leses med lokasjonene (antall rack, ledige"
        " rackenheter).",
    ],
}


@pytest.mark.parametrize("lang", ["sv", "no"])
def test_an_adapter_s_rows_not_read_are_said_in_the_reader_s_language(
    tmp_path: Path, lang: str
) -> None:
    folder = tmp_path / "vaggeryd"
    shutil.copytree(EXPORTS / "netbox" / "vaggeryd", folder)
    english = [
        text for text in _english("validate", str(folder)) if "row" in text or "rack" in text
    ]
    assert len(english) >= 6  # notes of rows and files not read
    code, out = _run("validate", str(folder), lang=lang)
    assert code == 0, out
    for line in EXPECTED_NETBOX[lang]:
        assert line.format(f=folder) in out, (line, out)
    for text in english:
        assert text not in out, text


def test_a_proxmox_json_that_does_not_parse_is_said_with_its_place(tmp_path: Path) -> None:
    export = tmp_path / "cluster-resources.json"
    export.write_text('[{"id": "node/pve1",\n "type": "node",', encoding="utf-8")
    document, issue = load_json(export, "alvdal")
    assert document is None and issue is not None
    assert (issue.code, issue.file, issue.line) == (IssueCode.INVALID_JSON, str(export), 2)
    assert issue_line(issue, "en") == (
        f"error invalid-json at {export}:2: cluster-resources.json is not a readable JSON"
        " document at line 2, column 17: Expecting property name enclosed in double quotes."
        " Hint: Export it again with the tool's JSON output (UTF-8), untouched."
    )
    assert issue_line(issue, "sv") == (
        f"fel invalid-json vid {export}:2: cluster-resources.json är inget läsbart"
        " JSON-dokument på rad 2, kolumn 17: Expecting property name enclosed in double"
        " quotes. Tips: Exportera den igen med verktygets JSON-utdata (UTF-8), oförändrad."
    )
    assert issue_line(issue, "no") == (
        f"feil invalid-json ved {export}:2: cluster-resources.json er ikke et lesbart"
        " JSON-dokument på linje 2, kolonne 17: Expecting property name enclosed in double"
        " quotes. Tips: Eksporter den på nytt med verktøyets JSON-utdata (UTF-8), uendret."
    )
