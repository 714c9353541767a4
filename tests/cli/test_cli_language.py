"""The command line prints in the language of ``--lang`` (or ``INVENTORY_LANG``): headings,
table headers and summaries from the catalogues, numbers as the language writes them; and
English output holds no Swedish or Norwegian word."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from inventory.cli.app import app
from inventory.cli.common import counted, set_cli_lang
from inventory.language.i18n import translation_keys, translations
from inventory.store import InventoryStore

TARGET = Path(__file__).resolve().parents[2] / "samples" / "target.yaml"
NBSP = "\u00a0"


def _run(*args: str, env: dict[str, str] | None = None) -> Result:
    result = CliRunner().invoke(app, list(args), env=env, catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result


def _grouped(count: int, separator: str) -> str:
    return f"{count:,}".replace(",", separator)


@pytest.fixture(scope="module")
def client_devices(samples_db: str) -> int:
    with InventoryStore(samples_db) as store:
        return int(store.stats()["totals"]["client_devices"])


def test_stats_in_swedish_and_norwegian(samples_db: str, client_devices: int) -> None:
    swedish = _run("--db", samples_db, "--lang", "sv", "stats").stdout
    assert "Lagrad inventering (1 importkörning)" in swedish
    assert "posttyp" in swedish and "totalt" in swedish and "plats" in swedish
    # the samples hold 21,860 client devices: grouped with a no-break space in Swedish
    assert client_devices > 999
    assert _grouped(client_devices, NBSP) in swedish
    norwegian = _run("--db", samples_db, "stats", env={"INVENTORY_LANG": "no"}).stdout
    assert "Lagret kartlegging" in norwegian and "posttype" in norwegian
    assert "lokasjon" in norwegian and _grouped(client_devices, NBSP) in norwegian
    english = _run("--db", samples_db, "stats").stdout
    assert "Stored inventory (1 import run)" in english and "record kind" in english
    assert _grouped(client_devices, ",") in english


def test_gap_in_swedish(samples_db: str) -> None:
    swedish = _run(
        "--db",
        samples_db,
        "--lang",
        "sv",
        "gap",
        "--target",
        str(TARGET),
        "--date",
        "2026-12-01",
        "-m",
        "hylte",
    ).stdout
    for heading in (
        "Gap mot 'GGVVH",
        "per 2026-12-01",
        "Förutsättningar: per förmåga",
        "Byggblock:",
        "Största gapen efter risk",
        "Exponering för supportslut",
        "Datacenterkapacitet",
        "Förbindelser mot lägsta krav",
        "Arbetsinsats och kostnad per kommun",
        "Migreringsvågor",
        "Alla",
    ):
        assert heading in swedish, heading
    assert "hallplanering" not in swedish.lower()


def test_report_follows_the_global_language(samples_db: str, tmp_path: Path) -> None:
    printed = _run(
        "--db",
        samples_db,
        "--lang",
        "no",
        "report",
        "--target",
        str(TARGET),
        "--out",
        str(tmp_path),
        "--formats",
        "md",
        "--date",
        "2026-12-01",
    ).stdout
    assert "skrev " in printed and "diagramfiler til" in printed
    markdown = (tmp_path / "report.md").read_text(encoding="utf-8")
    assert "## Sammendrag" in markdown  # the report in Norwegian without report --lang


def _local_words() -> set[str]:
    """Words of the command line's Swedish and Norwegian texts that English never uses."""
    # the gap's values print as the report's texts: their English is English too (the
    # issues' hints name Swedish and Norwegian column headers: not theirs)
    english = " ".join(
        translations(key)["en"] for key in translation_keys() if not key.startswith("issue.")
    )
    words = set()
    for key in translation_keys():
        if key.startswith("cli."):
            for lang in ("sv", "no"):
                words |= {w.lower() for w in re.findall(r"[^\W\d_]{5,}", translations(key)[lang])}
    return {w for w in words if w not in english.lower()} | {"hallplanering"}


def test_english_output_has_no_swedish_or_norwegian_word(samples_db: str) -> None:
    words = _local_words()
    assert {"kommun", "förutsättningar", "kartlegging", "hallplanering"} <= words
    printed = (
        _run(
            "--db",
            samples_db,
            "gap",
            "--target",
            str(TARGET),
            "--date",
            "2026-12-01",
            "-m",
            "hylte",
        ).stdout
        + _run("--db", samples_db, "stats").stdout
    ).lower()
    # the target's own name is the user's text ('GGVVH gemensam IT-drift, ...'): not ours
    printed = re.sub(r"'[^']*'", "", printed)
    found = sorted(w for w in words if re.search(rf"\b{re.escape(w)}\b", printed))
    assert found == []


def test_validate_summary_counts_in_the_language() -> None:
    folder = str(TARGET.parent / "hylte")  # alone: its link to varnamo is an error
    lines = {
        lang: CliRunner()
        .invoke(app, ["--lang", lang, "validate", folder])
        .stdout.strip()
        .splitlines()[-1]
        for lang in ("en", "sv", "no")
    }
    assert re.fullmatch(
        r"Invalid: 1 municipality, \d+ files, [\d,]+ rows; 1 error,"
        r" 0 warnings\.",
        lines["en"],
    ), lines["en"]
    assert re.fullmatch(
        r"Ogiltig: 1 kommun, \d+ filer, [\d\xa0]+ rader; 1 fel,"
        r" 0 varningar\.",
        lines["sv"],
    ), lines["sv"]
    assert re.fullmatch(
        r"Ugyldig: 1 kommune, \d+ filer, [\d\xa0]+ rader; 1 feil,"
        r" 0 advarsler\.",
        lines["no"],
    ), lines["no"]


def test_counted_nouns_have_one_form_for_one() -> None:
    set_cli_lang("sv")
    try:
        assert counted("warning", 1) == "1 varning"
        assert counted("warning", 2) == "2 varningar"
        assert counted("row", 1200) == f"1{NBSP}200 rader"
    finally:
        set_cli_lang("en")
    assert counted("municipality", 1) == "1 municipality"
    assert counted("municipality", 0) == "0 municipalities"


def test_study_in_swedish() -> None:
    printed = _run("--lang", "sv", "study", "alternatives", str(TARGET.parent / "study")).stdout
    # The samples' scores: 1-tjanst 23 (criterion 6: 4), alternative 2 22 (criterion 6: 2).
    # With criterion 6's weight w: 19 + 4w = 20 + 2w at w = 0.5, written 0,5 in Swedish.
    assert "Alternativ: GGVVH" in printed
    assert "kriterium 6" in printed and "från 1 till 0,5 ger lika med 2" in printed
    english = _run("study", "alternatives", str(TARGET.parent / "study")).stdout
    assert "from 1 to 0.5 ties with 2" in english
