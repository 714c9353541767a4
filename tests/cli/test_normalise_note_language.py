"""normalise's match notes (why a name went to review) in the reader's language: in the
CLI table, the CSV listing and the review file; the English note (JSON, ``note``) as it
was. The store: Hylte's samples with a client OS written ``Wndows`` (228 laptops) and
Visma's Flyt Skole given as Tietoevry's."""

from __future__ import annotations

import csv
import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from inventory.analyse.normalise import Normaliser
from inventory.language.i18n import Lang
from inventory.messages import message_text

SAMPLES = Path(__file__).resolve().parents[2] / "samples"

from inventory.cli.app import app  # noqa: E402


def _edit(path: Path, change: dict[str, dict[str, str]]) -> None:
    with path.open(encoding="utf-8", newline="") as file:
        rows = list(csv.DictReader(file))
    for row in rows:
        row.update(change.get(row["id"], {}))
    with path.open("w", encoding="utf-8", newline="") as file:
        writer = csv.DictWriter(file, list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)


@pytest.fixture(scope="module")
def review_db(tmp_path_factory: pytest.TempPathFactory) -> str:
    folder = tmp_path_factory.mktemp("normalise-notes") / "hylte"
    shutil.copytree(SAMPLES / "hylte", folder)
    links = folder / "links.csv"  # the link to Värnamo: not in this store
    links.write_text(
        "".join(line for line in links.open(encoding="utf-8") if "varnamo" not in line),
        encoding="utf-8",
    )
    _edit(folder / "clients.csv", {"PC-KH-001": {"os_product": "Wndows", "os_version": "10"}})
    _edit(
        folder / "applications.csv",
        {"app-npo": {"vendor": "Tietoevry", "product": "Flyt Skole", "version": ""}},
    )
    db = f"sqlite:///{folder.parent / 'inventory.db'}"
    result = CliRunner().invoke(app, ["--db", db, "import", str(folder)])
    assert result.exit_code == 0, result.output
    return db


NOTES = {
    "en": [
        "(spelled like 'windows')",
        "(Flyt Skole is a product of Visma, the row names Tietoevry)",
    ],
    "sv": [
        "(stavat som 'windows')",
        "(Flyt Skole är en produkt från Visma, raden anger Tietoevry)",
    ],
    "no": [
        "(stavet som 'windows')",
        "(Flyt Skole er et produkt fra Visma, raden oppgir Tietoevry)",
    ],
}


@pytest.mark.parametrize("lang", ["en", "sv", "no"])
def test_the_table_gives_the_notes_in_the_language(review_db: str, lang: str) -> None:
    result = CliRunner().invoke(
        app, ["--db", review_db, "--lang", lang, "normalise"], env={"COLUMNS": "400"}
    )
    assert result.exit_code == 0, result.output
    shown = " ".join(result.stdout.split())
    for note in NOTES[lang]:
        assert note in shown, note
    if lang != "en":
        assert "spelled like" not in shown and "is a product of" not in shown


@pytest.mark.parametrize("lang", ["sv", "no"])
def test_the_review_file_and_csv_give_the_notes_in_the_language(
    review_db: str, lang: str, tmp_path: Path
) -> None:
    review = tmp_path / "review.csv"
    result = CliRunner().invoke(
        app,
        ["--db", review_db, "--lang", lang, "normalise", "--review-file", str(review)],
        env={"COLUMNS": "400"},
    )
    assert result.exit_code == 0, result.output
    with review.open(encoding="utf-8") as file:
        notes = {row["product"]: row["note"] for row in csv.DictReader(file)}
    assert notes["Wndows"] == NOTES[lang][0].strip("()")
    assert notes["Flyt Skole"] == NOTES[lang][1].strip("()")
    listing = CliRunner().invoke(
        app, ["--db", review_db, "--lang", lang, "normalise", "--format", "csv"]
    )
    rows = {row["product"]: row for row in csv.DictReader(listing.stdout.splitlines())}
    assert rows["Wndows"]["note"] == NOTES[lang][0].strip("()")
    assert "note_message" not in rows["Wndows"]
    # the filled review file still reads back as aliases (the note is not read)
    text = review.read_text(encoding="utf-8").replace(",windows 0.83,", "windows,windows 0.83,", 1)
    filled = tmp_path / "filled.csv"
    filled.write_text(text, encoding="utf-8")
    again = CliRunner().invoke(
        app,
        ["--db", review_db, "normalise", "--aliases", str(filled), "--format", "json"],
    )
    assert again.exit_code == 0, again.output
    taken = {item["product"]: item for item in json.loads(again.stdout)}
    assert taken["Wndows"]["reason"] != "review" and taken["Wndows"]["product_id"] == "windows"


def test_json_keeps_the_english_note(review_db: str) -> None:
    result = CliRunner().invoke(
        app, ["--db", review_db, "--lang", "sv", "normalise", "--format", "json"]
    )
    notes = {item["product"]: item["note"] for item in json.loads(result.stdout)}
    assert notes["Wndows"] == "spelled like 'windows'"


#: Notes of the matcher itself (no store): a record role that does not fit, a version that
#: is not the product's, written by hand in each language.
ROLE_NOTES = {
    "en": "Windows runs on client records, this is a server record; version '10 22H2' is"
    " no Windows Server version",
    "sv": "Windows körs på poster av typen klient, detta är en post av typen server;"
    " versionen '10 22H2' är ingen version av Windows Server",
    "no": "Windows kjører på poster av typen klient, dette er en post av typen server;"
    " versjonen '10 22H2' er ingen versjon av Windows Server",
}


@pytest.mark.parametrize("lang", ["en", "sv", "no"])
def test_the_matchers_notes_are_messages(lang: Lang) -> None:
    match = Normaliser.default().match(None, "Windows", "10 22H2", role="server")
    assert match.status == "review" and match.note_message is not None
    assert match.note == ROLE_NOTES["en"]
    assert message_text(match.note_message, lang) == ROLE_NOTES[lang]
