"""What the commands print is in the language of ``--lang``: run through the command line
in Swedish and Norwegian on the stored samples (or a small folder of their files), each
command's sentences, headings and values are in that language, and the English they
printed before is gone."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner, Result

from inventory.cli.app import app

SAMPLES = Path(__file__).resolve().parents[2] / "samples"
TARGET = SAMPLES / "target.yaml"


def _run(*args: str, code: int = 0) -> Result:
    result = CliRunner().invoke(app, list(args), catch_exceptions=False)
    assert result.exit_code == code, result.output
    return result


def _gap(db: str, lang: str) -> str:
    # a wide terminal: every cell on one line
    result = CliRunner().invoke(
        app,
        [
            "--db",
            db,
            "--lang",
            lang,
            "gap",
            "--target",
            str(TARGET),
            "--date",
            "2026-12-01",
            "-m",
            "hylte",
        ],
        env={"COLUMNS": "250"},
        catch_exceptions=False,
    )
    assert result.exit_code == 0, result.output
    return result.stdout


@pytest.mark.parametrize(
    ("lang", "words"),
    [
        # hylte's server room is emptied into the target datacentres (site role), its
        # applications are business critical, a wave is named after its domain, the joint
        # operation's work is a row of its own, a lifecycle state and a risk's reasons
        (
            "sv",
            [
                "Töms",
                "Verksamhetskritisk",
                "Våg 1: Nät",
                "Gemensam drift",
                "Supportslut passerat",
                "verksamhetssystem",
                "Uppgradering av förbindelse",
                "saknar redundant förbindelse",
            ],
        ),
        (
            "no",
            [
                "Tømmes",
                "Virksomhetskritisk",
                "Bølge 1: Nett",
                "Felles drift",
                "Passert støtteslutt",
                "fagsystem",
                "Oppgradering av samband",
                "mangler redundant samband",
            ],
        ),
    ],
)
def test_gap_values_in_the_language(samples_db: str, lang: str, words: list[str]) -> None:
    printed = _gap(samples_db, lang)
    for word in words:
        assert word in printed, word
    for english in (
        "Evacuated",
        "Critical",
        "Wave 1",
        "Joint operation",
        "joint",
        "End of life",
        "end_of_life",
        "Link upgrade",
        "link_upgrade",
        "depends on the site",
        "business applications",
        "evacuate to",
    ):
        assert english not in printed, english


def test_gap_values_in_english(samples_db: str) -> None:
    printed = _gap(samples_db, "en")
    for word in (
        "Evacuated",
        "Critical",
        "Wave 1: Network",
        "Joint operation",
        "End of life",
        "Link upgrade",
        "depends on the site without a redundant interconnect",
    ):
        assert word in printed, word
    assert "end_of_life" not in printed and "link_upgrade" not in printed


@pytest.mark.parametrize(
    ("lang", "words", "english"),
    [
        (
            "sv",
            [
                "Ett skifte är den vikt där utmanaren",
                "inkl. IT-personal",
                "exkl. telefoni",
                "Hylte räknar in telefoni i sin IT-kostnad",
                "efter invånarantal",
                "avrundat till 1 NOK",
            ],
            ["A flip is", "incl.", "excl.", "not defined alike", "by population", "rounded to"],
        ),
        (
            "no",
            [
                "Et skifte er vekten der utfordreren",
                "inkl. IKT-personell",
                "ekskl. telefoni",
                "etter folketall",
                "avrundet til 1 NOK",
            ],
            ["A flip is", "incl.", "excl.", "not defined alike", "by population", "rounded to"],
        ),
    ],
)
def test_study_sentences_in_the_language(lang: str, words: list[str], english: list[str]) -> None:
    printed = _run("--lang", lang, "study", "all", str(SAMPLES / "study")).stdout
    for word in words:
        assert word in printed, word
    for text in english:
        assert text not in printed, text


@pytest.mark.parametrize(
    ("lang", "words"),
    [
        (
            "sv",
            [
                "2 kommuner",
                "invånare",
                "posttyp",
                "rader",
                "klient",
                "verksamhetssystem",
                "3 ogiltiga rader inplanterade",
            ],
        ),
        (
            "no",
            [
                "2 kommuner",
                "innbyggere",
                "posttype",
                "rader",
                "klient",
                "fagsystem",
                "3 ugyldige rader plantet",
            ],
        ),
    ],
)
def test_synth_in_the_language(tmp_path: Path, lang: str, words: list[str]) -> None:
    printed = _run(
        "--lang",
        lang,
        "synth",
        "--municipalities",
        "2",
        "--invalid-rows",
        "3",
        "--out",
        str(tmp_path / "synth"),
    ).stdout
    for word in words:
        assert word in printed, word
    for english in (
        "municipalities",
        "inhabitants",
        "record kind",
        "application",
        "invalid rows planted",
    ):
        assert english not in printed, english


@pytest.mark.parametrize(
    ("lang", "wrote", "kept", "nothing"),
    [
        ("sv", "Skrev 11 filer till", "Behöll 11 filer som redan fanns", "Ingenting skrevs"),
        (
            "no",
            "Skrev 11 filer til",
            "Beholdt 11 filer som allerede fantes",
            "Ingenting ble skrevet",
        ),
    ],
)
def test_templates_in_the_language(
    tmp_path: Path, lang: str, wrote: str, kept: str, nothing: str
) -> None:
    # ten record kinds and README.md: written once, kept the second time
    first = _run("--lang", lang, "templates", str(tmp_path)).stdout
    assert wrote in first and "Wrote" not in first
    second = _run("--lang", lang, "templates", str(tmp_path)).stdout
    assert kept in second and nothing in second
    assert "Kept" not in second and "Nothing written" not in second


@pytest.mark.parametrize(
    ("lang", "missing", "again", "current", "wrote"),
    [
        ("sv", "saknas:", "Kör `inventory schemas`", "är aktuella", "Skrev 19 schemafiler"),
        ("no", "mangler:", "Kjør `inventory schemas`", "er oppdatert", "Skrev 19 skjemafiler"),
    ],
)
def test_schemas_in_the_language(
    tmp_path: Path, lang: str, missing: str, again: str, current: str, wrote: str
) -> None:
    folder = str(tmp_path / "schemas")
    checked = _run("--lang", lang, "schemas", "--check", folder, code=1).stdout
    assert missing in checked and again in checked
    assert "missing" not in checked and "Run " not in checked
    written = _run("--lang", lang, "schemas", folder).stdout
    assert wrote in written and "schema files" not in written
    assert current in _run("--lang", lang, "schemas", "--check", folder).stdout


@pytest.mark.parametrize(
    ("lang", "words"),
    [
        (
            "sv",
            [
                "Produktnamn att granska",
                "låg säkerhet är under 0,85",
                "orsak",
                "skrivet som",
                "klient operativsystem",
                "Skrev ",
                "beslutskolumnen",
            ],
        ),
        (
            "no",
            [
                "Produktnavn til gjennomgang",
                "lav sikkerhet er under 0,85",
                "årsak",
                "skrevet som",
                "klient operativsystem",
                "Skrev ",
                "beslutningskolonnen",
            ],
        ),
    ],
)
def test_normalise_in_the_language(
    samples_db: str, tmp_path: Path, lang: str, words: list[str]
) -> None:
    result = CliRunner().invoke(
        app,
        [
            "--db",
            samples_db,
            "--lang",
            lang,
            "normalise",
            "-m",
            "hylte",
            "--all",
            "--review-file",
            str(tmp_path / "review.csv"),
        ],
        env={"COLUMNS": "250"},
        catch_exceptions=False,
    )
    assert result.exit_code == 0, result.output
    printed = result.stdout + result.stderr
    for word in words:
        assert word in printed, word
    for english in (
        "Product names to review",
        "low confidence",
        "written as",
        "client os",
        "Wrote ",
        "decision column",
    ):
        assert english not in printed, english


@pytest.mark.parametrize(
    ("lang", "words"),
    [
        (
            "sv",
            [
                "Föreslagen målarkitektur",
                "förmåga",
                "motivering",
                "Säkerhetskopiering",
                "Verksamhetssystem: ett system per funktion",
                "Datacenter: primärt",
                "Lägsta krav på förbindelser",
                "Skrev ",
            ],
        ),
        (
            "no",
            [
                "Foreslått målarkitektur",
                "kapabilitet",
                "begrunnelse",
                "Sikkerhetskopiering",
                "Fagsystemer: ett system per funksjon",
                "Datasentre: primært",
                "Minstekrav til samband",
                "Skrev ",
            ],
        ),
    ],
)
def test_propose_target_in_the_language(
    samples_db: str, tmp_path: Path, lang: str, words: list[str]
) -> None:
    result = CliRunner().invoke(
        app,
        [
            "--db",
            samples_db,
            "--lang",
            lang,
            "propose-target",
            "--date",
            "2026-12-01",
            "--out",
            str(tmp_path / "target.yaml"),
        ],
        env={"COLUMNS": "250"},
        catch_exceptions=False,
    )
    assert result.exit_code == 0, result.output
    for word in words:
        assert word in result.stdout, word
    for english in (
        "Proposed target",
        "capability",
        "reasoning",
        "Business applications",
        "Datacentres:",
        "Interconnect minimum",
        "Wrote ",
    ):
        assert english not in result.stdout, english


@pytest.mark.parametrize(
    ("lang", "wrote", "refused"),
    [
        ("sv", "skrev ", "finns redan: export ersätter aldrig"),
        ("no", "skrev ", "finnes allerede: export erstatter aldri"),
    ],
)
def test_export_in_the_language(
    inventory: Callable[..., Any],
    samples_db: str,
    tmp_path: Path,
    lang: str,
    wrote: str,
    refused: str,
) -> None:
    out = tmp_path / "model.xml"
    args = [
        "--db",
        samples_db,
        "--lang",
        lang,
        "export",
        "archimate",
        "--target",
        str(TARGET),
        "--out",
        str(out),
        "--date",
        "2026-12-01",
        "-m",
        "hylte",
    ]
    written = inventory(*args)
    assert written.code == 0, written.text
    assert written.stdout.startswith(wrote) and " element" in written.stdout
    assert "relationships" not in written.stdout and "Note:" not in written.stdout
    again = inventory(*args)
    assert again.code == 1 and refused in again.stderr and "never replaces" not in again.stderr


@pytest.mark.parametrize(
    ("lang", "words"),
    [
        ("sv", ["okänt format pdf; använd"]),
        ("no", ["ukjent format pdf; bruk"]),
    ],
)
def test_usage_errors_in_the_language(
    samples_db: str, tmp_path: Path, lang: str, words: list[str]
) -> None:
    report = _run(
        "--db",
        samples_db,
        "--lang",
        lang,
        "report",
        "--target",
        str(TARGET),
        "--out",
        str(tmp_path),
        "--formats",
        "pdf",
        code=2,
    )
    assert words[0] in report.output and "unknown format" not in report.output
    gap = _run(
        "--db",
        samples_db,
        "--lang",
        lang,
        "gap",
        "--target",
        str(TARGET),
        "--format",
        "csv",
        code=2,
    )
    assert "--format csv" in gap.output and "give --out DIR" not in gap.output


@pytest.mark.parametrize(
    ("lang", "words"),
    [
        ("sv", ["fel unknown-municipality vid", "rad 9", "Ingenting importerades."]),
        ("no", ["feil unknown-municipality ved", "rad 9", "Ingenting ble importert."]),
    ],
)
def test_import_refusal_in_the_language(tmp_path: Path, lang: str, words: list[str]) -> None:
    # hylte alone: its link to varnamo:DC1 names a municipality neither imported nor stored
    result = _run(
        "--db",
        f"sqlite:///{tmp_path / 'db.sqlite'}",
        "--lang",
        lang,
        "import",
        str(SAMPLES / "hylte"),
        code=1,
    )
    printed = result.stdout + result.stderr
    for word in words:
        assert word in printed, word
    for english in ("error unknown", "-municipality at", "Nothing was imported"):
        assert english not in printed, english


@pytest.mark.parametrize(
    ("lang", "words"),
    [
        ("sv", ["Skrev utkastet till mappningsprofil", "granska det"]),
        ("no", ["Skrev utkastet til tilordningsprofil", "gå gjennom det"]),
    ],
)
def test_mapping_suggest_in_the_language(tmp_path: Path, lang: str, words: list[str]) -> None:
    printed = _run(
        "--lang",
        lang,
        "mapping",
        "suggest",
        str(SAMPLES / "hylte" / "servers.csv"),
        "--out",
        str(tmp_path / "profile.yaml"),
    ).stdout
    for word in words:
        assert word in printed, word
    assert "Wrote the draft profile" not in printed


@pytest.mark.parametrize(
    ("lang", "given", "number", "weight"),
    [
        ("sv", "Angivet belopp", "är inte ett tal >= 0", "skriv KRITERIUM=VIKT"),
        ("no", "Oppgitt beløp", "er ikke et tall >= 0", "skriv KRITERIUM=VEKT"),
    ],
)
def test_study_options_in_the_language(lang: str, given: str, number: str, weight: str) -> None:
    folder = str(SAMPLES / "study")
    # the amount given on the command line is a cost of its own, named in the language
    result = CliRunner().invoke(
        app,
        ["--lang", lang, "study", "allocate", folder, "--total", "1000000", "--key", "melhus-2013"],
        env={"COLUMNS": "250"},
        catch_exceptions=False,
    )
    assert result.exit_code == 0, result.output
    assert given in result.stdout and "Given total" not in result.stdout
    bad_total = _run(
        "--lang", lang, "study", "allocate", folder, "--total", "x1", "--key", "melhus-2013", code=2
    ).output
    assert number in bad_total and "is not a number" not in bad_total
    bad_weight = _run(
        "--lang", lang, "study", "alternatives", folder, "--weight", "6", code=2
    ).output
    assert weight in bad_weight and "CRITERION=WEIGHT" not in bad_weight
