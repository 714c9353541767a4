"""A required cell left empty: its hint describes the column in the reader's language
("physical, virtual eller appliance", never the English "or"), from the catalogue's
``field.description.<kind>.<field>``, whose English is the model's own description."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from inventory.cli.app import app
from inventory.language.i18n import t
from inventory.models.registry import RECORD_KINDS, field_specs

REPO = Path(__file__).resolve().parents[2]


def test_every_required_column_is_described_in_every_language() -> None:
    """The English is the model's description (one source of truth: a changed description
    fails here), Swedish and Norwegian say the same without English words."""
    required = [
        (kind, spec) for kind in RECORD_KINDS for spec in field_specs(kind) if spec.required
    ]
    assert len(required) >= 20
    for kind, spec in required:
        key = f"field.description.{kind}.{spec.name}"
        assert t(key, "en") == spec.description, key
        for lang in ("sv", "no"):
            text = t(key, lang)
            assert text != key and text != spec.description, (key, lang)
            for word in (" or ", "unique", "Site", "key", "Name", "Official"):
                assert word not in text, (key, lang, text)


EXPECTED = {
    "en": "Hint: Fill in kind (physical, virtual or appliance).",
    "sv": "Tips: Fyll i kind (physical, virtual eller appliance).",
    "no": "Tips: Fyll ut kind (physical, virtual eller appliance).",
}


@pytest.mark.parametrize("lang", ["en", "sv", "no"])
def test_an_empty_server_kind_is_hinted_in_the_language(tmp_path: Path, lang: str) -> None:
    gnosjo = tmp_path / "gnosjo"
    shutil.copytree(REPO / "samples" / "gnosjo", gnosjo)
    servers = gnosjo / "servrar.csv"
    raw = servers.read_bytes()
    row = b"\nesx01;GNO-ESX01;fysisk;"
    assert raw.count(row) == 1
    servers.write_bytes(raw.replace(row, b"\nesx01;GNO-ESX01;;"))
    db = f"sqlite:///{tmp_path / 'none.db'}"
    result = CliRunner().invoke(
        app, ["--db", db, "--lang", lang, "validate", str(gnosjo)], env={"COLUMNS": "400"}
    )
    assert result.exit_code == 1, result.output
    shown = " ".join(result.stdout.split())
    assert f"{servers}:2" in shown
    assert EXPECTED[lang] in shown
    assert not (tmp_path / "none.db").exists()


PLACEMENT = {
    "en": "Hint: Fill in site for the physical server.",
    "sv": "Tips: Fyll i platsen (kolumnen plats eller site) för den fysiska servern.",
    "no": "Tips: Fyll ut lokasjonen (kolonnen lokasjon eller site) for den fysiske serveren.",
}


@pytest.mark.parametrize("lang", ["en", "sv", "no"])
def test_a_physical_server_without_site_names_the_column_in_the_language(
    tmp_path: Path, lang: str
) -> None:
    """The file's header is "plats": the hint names the column as a Swedish or Norwegian
    file writes it, and the field name that works in every file."""
    gnosjo = tmp_path / "gnosjo"
    shutil.copytree(REPO / "samples" / "gnosjo", gnosjo)
    servers = gnosjo / "servrar.csv"
    raw = servers.read_bytes()
    row = b"\nesx01;GNO-ESX01;fysisk;SR1;"
    assert raw.count(row) == 1
    servers.write_bytes(raw.replace(row, b"\nesx01;GNO-ESX01;fysisk;;"))
    db = f"sqlite:///{tmp_path / 'none.db'}"
    result = CliRunner().invoke(
        app, ["--db", db, "--lang", lang, "validate", str(gnosjo)], env={"COLUMNS": "400"}
    )
    shown = " ".join(result.stdout.split())
    assert f"{servers}:2" in shown
    assert PLACEMENT[lang] in shown
