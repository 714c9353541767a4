"""Issues of export adapters and mapping profiles in the reader's language, with their place.

A GLPI export of three Norwegian municipalities read through a mapping profile that maps
two of them (the rows of Seljord map to none: an error; Nome's rows: a note), a NetBox CSV
export set with rows of another tenant, a device of no server role and a racks list
(notes), a Proxmox JSON export that does not parse, and an Intune and a ConfigMgr export
disagreeing on one device. ``inventory --lang sv|no validate`` prints each issue's message
and hint from its template in Swedish or Norwegian bokmål, at the same place as the
English run, and none of the English texts.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from inventory.cli.app import app
from inventory.issues import IssueCode, issue_line
from inventory.read.adapters.base import load_json
from inventory.read.profiles import parse_profile
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
        "info skipped-path vid {f}:3, kolumn 'Entity': 2 rader i denna export hör till andra"
        " kommuner enligt kolumnen 'Entity' (nome 2); de läses i de kommunernas mappar, inte"
        " här. Tips: Inget att göra om det stämmer; profilens kommunvärden ({p}) anger vems"
        " varje rad är.",
        "fel unknown-municipality vid {f}:6, kolumn 'Entity': 2 rader anger 'Seljord"
        " kommune' i kolumnen 'Entity', som profilen glpi-vestfold inte knyter till någon"
        " kommun: rader 6, 7; de läses inte. Tips: Lägg till 'Seljord kommune' bland profilens"
        " kommunvärden ({p}), kopplat till kommunens mappnamn.",
        "Ogiltig: 1 kommun, 2 filer, 3 rader; 1 fel, 0 varningar.",
    ],
    "no": [
        "info skipped-path ved {f}:3, kolonne 'Entity': 2 rader i denne eksporten hører til"
        " andre kommuner etter kolonnen 'Entity' (nome 2); de leses i de kommunenes mapper,"
        " ikke her. Tips: Ingenting å gjøre om det stemmer; profilens kommuneverdier ({p})"
        " angir hvem hver rad tilhører.",
        "feil unknown-municipality ved {f}:6, kolonne 'Entity': 2 rader oppgir 'Seljord"
        " kommune' i kolonnen 'Entity', som profilen glpi-vestfold ikke knytter til noen"
        " kommune: linjer 6, 7; de leses ikke. Tips: Legg til 'Seljord kommune' blant profilens"
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
        " JSON-dokument på rad 2, kolumn 17: tolken säger (på engelska): Expecting property"
        " name enclosed in double quotes. Tips: Exportera den igen med verktygets"
        " JSON-utdata (UTF-8), oförändrad."
    )
    assert issue_line(issue, "no") == (
        f"feil invalid-json ved {export}:2: cluster-resources.json er ikke et lesbart"
        " JSON-dokument på linje 2, kolonne 17: tolkeren sier (på engelsk): Expecting property"
        " name enclosed in double quotes. Tips: Eksporter den på nytt med verktøyets"
        " JSON-utdata (UTF-8), uendret."
    )


EXPECTED_TWO_TOOLS = {
    "sv": "fel inconsistent-values vid {c}:7, kolumn 'os_version': Posten '5CG3281XKL' finns i"
    " två exporter med olika värden: {i} rad 2 (intune) och {c} rad 7 (configmgr) (os_version"
    " '10.0.22631.4317' / '10.0.19045'); den andra läses inte. Tips: Rätta posten i det"
    " verktyg som har fel, eller behåll bara en av exporterna i mappen.",
    "no": "feil inconsistent-values ved {c}:7, kolonne 'os_version': Posten '5CG3281XKL'"
    " finnes i to eksporter med ulike verdier: {i} linje 2 (intune) og {c} linje 7"
    " (configmgr) (os_version '10.0.22631.4317' / '10.0.19045'); den andre leses ikke. Tips:"
    " Rett posten i verktøyet som har feil, eller behold bare én av eksportene i mappen.",
}


@pytest.mark.parametrize("lang", ["sv", "no"])
def test_one_device_two_tools_differing_names_both_places_in_the_reader_s_language(
    tmp_path: Path, lang: str
) -> None:
    """An Intune and a ConfigMgr export disagreeing on a device's OS version."""
    folder = tmp_path / "gislaved"
    shutil.copytree(EXPORTS / "intune", folder)
    configmgr = folder / "Hardware_inventory_Varnamo.csv"
    shutil.copy(EXPORTS / "configmgr" / configmgr.name, configmgr)
    with configmgr.open("a", encoding="utf-8", newline="") as file:
        file.write(
            "5CG3281XKL,HP,HP EliteBook 840 G10 Notebook PC,5CG3281XKL,10,"
            "Windows,10.0.19045,16384\r\n"
        )
    intune = folder / "DevicesWithInventory_2024-11-04T08_12_30.csv"
    english = [text for text in _english("validate", str(folder)) if "two exports" in text]
    assert len(english) == 1
    code, out = _run("validate", str(folder), lang=lang)
    assert code == 1
    assert EXPECTED_TWO_TOOLS[lang].format(c=configmgr, i=intune) in out, out
    assert english[0] not in out and " line " not in out


def test_a_wrong_mapping_profile_is_said_at_its_lines_in_the_reader_s_language() -> None:
    """A field of no record kind (with the nearest field) and a rule without a source."""
    text = (
        "name: glpi-gnosjo\ndescription: GLPI\ntables:\n  - kind: client\n"
        "    signature: [Name]\n    fields:\n      id: Name\n      modell: Model\n"
        "      vendor: {}\n"
    )
    profile, issues = parse_profile(text, Path("glpi-gnosjo.yaml"))
    assert profile is None
    assert [(issue.code, issue.line) for issue in issues] == [
        (IssueCode.UNKNOWN_FIELD, 8),
        (IssueCode.INVALID_YAML, 9),
    ]
    fields = (
        "id, kind, vendor, model, os_product, os_version, managed_by, user_group, site,"
        " quantity, purchase_date, warranty_end, support_end"
    )
    assert [issue_line(issue, "sv") for issue in issues] == [
        "fel unknown-field vid glpi-gnosjo.yaml:8: 'modell' är inget fält i poster av typen"
        f" client. Tips: Menade du 'model'? Fälten för client är: {fields}.",
        "fel invalid-yaml vid glpi-gnosjo.yaml:9: Fältet 'vendor' behöver ett av column,"
        " columns, template eller constant. Tips: Skriv `column: <rubrik>`, `columns:"
        ' [<rubrik>, ...]` (den första ifyllda), `template: "{<rubrik>} {<rubrik>}"` eller'
        " `constant: <värde>`.",
    ]
    assert [issue_line(issue, "no") for issue in issues] == [
        "feil unknown-field ved glpi-gnosjo.yaml:8: 'modell' er ikke et felt i poster av typen"
        f" client. Tips: Mente du 'model'? Feltene for client er: {fields}.",
        "feil invalid-yaml ved glpi-gnosjo.yaml:9: Feltet 'vendor' trenger ett av column,"
        " columns, template eller constant. Tips: Skriv `column: <overskrift>`, `columns:"
        ' [<overskrift>, ...]` (den første utfylte), `template: "{<overskrift>}'
        ' {<overskrift>}"` eller `constant: <verdi>`.',
    ]
    assert issues[1].message == (
        "Field 'vendor' needs one of column, columns, template or constant."
    )
