"""The models: aliases are unambiguous, schemas are current, templates map back."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from typer.testing import CliRunner

from inventory.cli.app import app
from inventory.models import (
    RECORD_KINDS,
    RECORD_MODELS,
    field_specs,
    header_aliases,
    kind_for_file_stem,
    normalise_header,
)
from inventory.models.enums import Capability, ServerKind, SiteKind
from inventory.models.export import check_schemas, write_templates

REPO = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize("kind", RECORD_KINDS)
def test_header_spellings_name_one_field_each(kind: str) -> None:
    seen: dict[str, str] = {}
    for spec in field_specs(kind):
        for spelling in (spec.name, *spec.aliases):
            key = normalise_header(spelling)
            assert seen.setdefault(key, spec.name) == spec.name, (kind, spelling)


def test_file_names_name_one_kind_each() -> None:
    seen: dict[str, str] = {}
    for model in RECORD_MODELS:
        for name in model.file_names:
            assert seen.setdefault(normalise_header(name), model.kind_name) == model.kind_name
            assert kind_for_file_stem(name.upper()) == model.kind_name


def test_enum_spellings_in_swedish_and_norwegian() -> None:
    assert SiteKind.parse("Skola") is SiteKind.SCHOOL
    assert SiteKind.parse("sykehjem") is SiteKind.CARE_HOME
    assert ServerKind.parse(" fysisk ") is ServerKind.PHYSICAL
    assert Capability.parse("e-post") is Capability.EMAIL
    assert Capability.parse("endpoint management") is Capability.ENDPOINT_MANAGEMENT
    assert ServerKind.parse("quantum") is None


def test_header_normalisation_folds_case_space_and_nbsp() -> None:
    aliases = header_aliases("server")
    assert aliases[normalise_header("  VÄRDNAMN ")] == "hostname"
    assert aliases[normalise_header("os\u00a0version")] == "os_version"
    assert aliases[normalise_header("Purchase_Date")] == "purchase_date"


def test_committed_schemas_are_current() -> None:
    assert check_schemas(REPO / "schemas") == []


def test_schemas_check_fails_on_a_stale_file(tmp_path: Path) -> None:
    runner = CliRunner()
    assert runner.invoke(app, ["schemas", str(tmp_path)]).exit_code == 0
    assert runner.invoke(app, ["schemas", "--check", str(tmp_path)]).exit_code == 0
    (tmp_path / "server.schema.json").write_text("{}", encoding="utf-8")
    result = runner.invoke(app, ["schemas", "--check", str(tmp_path)])
    assert result.exit_code == 1
    assert "stale" in result.output and "server.schema.json" in result.output


def test_templates_hold_every_column_and_map_back(tmp_path: Path) -> None:
    written = write_templates(tmp_path).written
    assert len(written) == len(RECORD_KINDS) + 1
    for model in RECORD_MODELS:
        path = tmp_path / f"{model.file_names[0]}.csv"
        with path.open(encoding="utf-8") as handle:
            header = next(csv.reader(handle))
        aliases = header_aliases(model.kind_name)
        assert [aliases[normalise_header(h)] for h in header] == [
            s.name for s in field_specs(model.kind_name)
        ]
    readme = (tmp_path / "README.md").read_text(encoding="utf-8")
    assert "värdnamn" in readme and "| hostname |" in readme
