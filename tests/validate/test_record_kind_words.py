"""Record kinds inside Swedish and Norwegian sentences are words ("plattform", "kluster" /
"klynge", "förbindelse" / "linje"), not the English codes; English keeps the codes, its
lines unchanged."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from inventory.cli.app import app
from inventory.issues import issue_texts
from inventory.language.i18n import t
from inventory.messages import Message
from inventory.models.registry import RECORD_KINDS
from inventory.read.discover import _recognised_note

REPO = Path(__file__).resolve().parents[2]

EXPECTED = {
    "en": [
        "platform p-vsphere names server or cluster 'esx-cl09', which this municipality"
        " does not have.",
        "Add server or cluster 'esx-cl09' to its file",
        "link L03 names 'gislavd:DC1', but no municipality 'gislavd' is in this import",
        "By its first rows it is nearest to: zone (7 of 7 cells",
    ],
    "sv": [
        "plattform p-vsphere anger server eller kluster 'esx-cl09', som den här kommunen inte har.",
        "Lägg till server eller kluster 'esx-cl09' i dess fil",
        "förbindelse L03 anger 'gislavd:DC1', men ingen kommun 'gislavd' finns",
        "Efter de första raderna ligger den närmast: zon (7 av 7 celler",
    ],
    "no": [
        "plattform p-vsphere oppgir server eller klynge 'esx-cl09', som denne kommunen ikke har.",
        "Legg til server eller klynge 'esx-cl09' i filen",
        "linje L03 oppgir 'gislavd:DC1', men ingen kommune 'gislavd' finnes",
        "Etter de første radene ligger den nærmest: sone (7 av 7 celler",
    ],
}


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    gnosjo = tmp_path_factory.mktemp("kinds") / "gnosjo"
    shutil.copytree(REPO / "samples" / "gnosjo", gnosjo)
    for name, old, new in (
        ("plattformar.csv", "lokal,esx-cl01,,kritisk", "lokal,esx-cl09,,kritisk"),
        ("länkar.csv", "L03,SR1,SK-ESKILS,", "L03,SR1,gislavd:DC1,"),
    ):
        path = gnosjo / name
        text = path.read_bytes().decode("utf-8")
        assert text.count(old) == 1, old
        path.write_bytes(text.replace(old, new).encode("utf-8"))
    (gnosjo / "zoner.csv").rename(gnosjo / "mina-nät.csv")
    return gnosjo


@pytest.mark.parametrize("lang", ["en", "sv", "no"])
def test_validate_names_record_kinds_in_the_language(folder: Path, lang: str) -> None:
    db = f"sqlite:///{folder.parent / 'none.db'}"
    result = CliRunner().invoke(
        app, ["--db", db, "--lang", lang, "validate", str(folder)], env={"COLUMNS": "1000"}
    )
    assert result.exit_code == 1, result.output
    shown = " ".join(result.stdout.split())
    for text in EXPECTED[lang]:
        assert text in shown, text
    if lang != "en":
        for code in ("platform p-vsphere", "or cluster", "link L03", "nearest to: zone"):
            assert code not in shown
    assert not (folder.parent / "none.db").exists()


def test_every_record_kind_and_cluster_has_its_word() -> None:
    for kind in (*RECORD_KINDS, "cluster"):
        for lang in ("en", "sv", "no"):
            assert t(f"code.record_kind.{kind}", lang) != f"code.record_kind.{kind}"


def test_a_file_read_by_its_header_names_the_kind_in_the_language() -> None:
    how = Message("issue.part.by_name", {"name": "'datorer'"})
    note = _recognised_note(Path("datorer.csv"), None, "client", how, "gnosjo")
    assert "is read as client records" in issue_texts(note, "en")[0]
    assert "läses som poster av typen klient" in issue_texts(note, "sv")[0]
    assert "poster av typen client" not in issue_texts(note, "sv")[0]
