"""The study input JSON Schemas: current in schemas/, and the samples conform to them."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import jsonschema  # type: ignore[import-untyped]
import pytest
import yaml

from inventory.study.inputs import schema_files

REPO = Path(__file__).resolve().parents[2]
SAMPLES = REPO / "samples" / "study"


def test_schema_files_are_current() -> None:
    files = schema_files()
    assert files and all(name.startswith("study-") for name in files)
    for name, text in files.items():
        assert (REPO / "schemas" / name).read_text("utf-8") == text, name


@pytest.mark.parametrize(
    ("sample", "schema"),
    [
        ("areas.yaml", "study-areas"),
        ("alternatives-ggvvh.yaml", "study-alternatives"),
        ("alternatives-ringerike.yaml", "study-alternatives"),
        ("cost-sharing.yaml", "study-cost-sharing"),
        ("projection.yaml", "study-projection"),
        ("it-costs.yaml", "study-it-costs"),
    ],
)
def test_yaml_samples_conform(sample: str, schema: str) -> None:
    document = yaml.safe_load((SAMPLES / sample).read_text("utf-8"))
    # YAML floats are read as text by the tool (Decimal); mirror that here
    jsonschema.validate(
        json.loads(json.dumps(document, default=str)),
        json.loads(schema_files()[f"{schema}.schema.json"]),
    )


@pytest.mark.parametrize(
    ("sample", "schema"),
    [
        ("potential.csv", "study-potential-row"),
        ("establishment-plan.csv", "study-establishment-row"),
    ],
)
def test_csv_rows_conform(sample: str, schema: str) -> None:
    validator = jsonschema.Draft202012Validator(json.loads(schema_files()[f"{schema}.schema.json"]))
    with (SAMPLES / sample).open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            cells = {k: v for k, v in row.items() if v}
            assert not list(validator.iter_errors(cells)), row
