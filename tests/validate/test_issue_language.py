"""``inventory --lang sv|no validate``: every issue in the reader's language, with its place.

A municipality folder (a copy of the Gnosjö sample) with broken files of tests/data/broken
in place of three of its own: a servers file with a row of extra cells, a links file
without its required columns and an empty zones file. The Swedish and Norwegian runs print
each issue's message and hint from its template in that language, at the same place as
the English run, and nothing of the English templates.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from inventory.cli.app import app

REPO = Path(__file__).resolve().parents[2]
BROKEN = REPO / "tests" / "data" / "broken"


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    gnosjo = tmp_path_factory.mktemp("issues") / "gnosjo"
    shutil.copytree(REPO / "samples" / "gnosjo", gnosjo)
    shutil.copy(BROKEN / "extra_cells.csv", gnosjo / "servrar.csv")
    shutil.copy(BROKEN / "missing_columns.csv", gnosjo / "länkar.csv")
    shutil.copy(BROKEN / "empty.csv", gnosjo / "zoner.csv")
    return gnosjo


def _validate(folder: Path, *options: str) -> tuple[int, str]:
    db = f"sqlite:///{folder.parent / 'none.db'}"
    result = CliRunner().invoke(app, ["--db", db, *options, "validate", str(folder)])
    return result.exit_code, " ".join(result.stdout.split())  # lines as printed, unwrapped


@pytest.fixture(scope="module")
def english(folder: Path) -> list[dict[str, object]]:
    code, _ = _validate(folder)
    assert code == 1
    db = f"sqlite:///{folder.parent / 'none.db'}"
    result = CliRunner().invoke(app, ["--db", db, "validate", str(folder), "--format", "json"])
    issues: list[dict[str, object]] = json.loads(result.stdout)["issues"]
    return issues


EXPECTED = {
    "sv": [
        "fel extra-cells vid {f}/servrar.csv:3, rad 2: Raden har 4 celler, rubrikraden har 3."
        " Tips: Ett värde kan innehålla avgränsaren utan citattecken: sätt värdet inom dubbla"
        " citattecken, eller ta bort de extra cellerna.",
        "fel missing-column vid {f}/länkar.csv:1: Obligatoriska kolumner saknas: a_site,"
        " b_site, kind. Tips: Lägg till kolumnerna i rubrikraden (`inventory templates DIR`"
        " skriver en mall med alla kolumner).",
        "fel empty-file vid {f}/zoner.csv: Filen eller bladet är tomt: det finns inget att"
        " läsa. Tips: Fyll i den (en inventeringsfil: rubrikraden och en rad per post), eller"
        " ta bort den.",
        "varning missing-value vid {f}/servrar.csv:2, rad 1, kolumn 'kind' (#3): Den virtuella"
        " servern srv01 anger varken kluster eller värd",
        "fel dangling-reference vid {f}/plattformar.csv:2, rad 1, kolumn 'körs på' (#7):"
        " plattform p-vsphere anger server eller kluster 'esx-cl01', som den här kommunen inte"
        " har. Närmaste befintliga nyckel: 'srv01'. Tips: Lägg till server eller kluster",
        "Ogiltig: 1 kommun, 9 filer,",
    ],
    "no": [
        "feil extra-cells ved {f}/servrar.csv:3, rad 2: Raden har 4 celler, overskriftsraden"
        " har 3. Tips: En verdi kan inneholde skilletegnet uten anførselstegn",
        "feil missing-column ved {f}/länkar.csv:1: Obligatoriske kolonner mangler: a_site,"
        " b_site, kind. Tips: Legg kolonnene til i overskriftsraden",
        "feil empty-file ved {f}/zoner.csv: Filen eller arket er tomt: det er ingenting å lese."
        " Tips: Fyll den ut (en kartleggingsfil: overskriftsraden og én rad per post), eller"
        " fjern den.",
        "advarsel missing-value ved {f}/servrar.csv:2, rad 1, kolonne 'kind' (#3): Den"
        " virtuelle serveren srv01 oppgir verken klynge eller vert",
        "feil dangling-reference ved {f}/plattformar.csv:2, rad 1, kolonne 'körs på' (#7):"
        " plattform p-vsphere oppgir server eller klynge 'esx-cl01', som denne kommunen ikke"
        " har. Nærmeste eksisterende nøkkel: 'srv01'. Tips: Legg til server eller klynge",
        "Ugyldig: 1 kommune, 9 filer,",
    ],
}


@pytest.mark.parametrize("lang", ["sv", "no"])
def test_validate_prints_each_issue_in_the_language_at_its_place(
    folder: Path, english: list[dict[str, object]], lang: str
) -> None:
    code, printed = _validate(folder, "--lang", lang)
    assert code == 1
    for expected in EXPECTED[lang]:
        assert expected.format(f=folder) in printed, expected
    codes = [str(issue["code"]) for issue in english]
    assert {
        "extra-cells",
        "missing-column",
        "empty-file",
        "missing-value",
        "dangling-reference",
    } <= set(codes)
    for issue in english:  # nothing of the English templates, whatever the issue
        assert str(issue["message"]) not in printed, issue["message"]
        assert issue["hint"] is None or str(issue["hint"]) not in printed, issue["hint"]
    for word in ("Hint:", " at ", ", row ", "column '", "error ", "warning "):
        assert word not in printed, word
    severities = {"sv": ("fel", "varning"), "no": ("feil", "advarsel")}[lang]
    started = sum(printed.count(f"{word} {code} ") for word in severities for code in set(codes))
    assert started == len(codes)  # one line per issue, each in the language


def test_the_json_report_keeps_english_text_with_the_code_and_its_parameters(
    english: list[dict[str, object]],
) -> None:
    empty = next(issue for issue in english if issue["code"] == "empty-file")
    assert empty["message"] == "The file or sheet is empty: there is nothing to read."
    assert (empty["template"], empty["params"]) == ("issue.empty-file", {})
    extra = next(issue for issue in english if issue["code"] == "extra-cells")
    assert extra["message"] == "This row has 4 cells, the header has 3."
    assert (extra["template"], extra["params"]) == ("issue.extra-cells", {"found": 4, "width": 3})
    assert (extra["line"], extra["row"]) == (3, 2)
