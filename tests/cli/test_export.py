"""``inventory export archimate``: writes the model and says what it wrote; a municipality
that is not stored is a usage error; an existing file is replaced only with --force."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Any

from inventory.export import read_archimate, schema_errors

REPO = Path(__file__).resolve().parents[2]
TARGET = str(REPO / "samples" / "target.yaml")
DAY = "2026-11-23"


def test_writes_the_model_and_says_what(inventory: Any, samples_db: str, tmp_path: Path) -> None:
    out = tmp_path / "models" / "model.xml"
    outcome = inventory(
        "--db",
        samples_db,
        "export",
        "archimate",
        "--target",
        TARGET,
        "--out",
        str(out),
        "--date",
        DAY,
        "--lang",
        "sv",
        "-m",
        "gnosjo",
    )
    assert outcome.code == 0, outcome.text
    document = out.read_bytes()
    assert schema_errors(document) == []
    model = read_archimate(out)
    types = Counter(element.type for element in model.elements)
    relations = len(model.relationships)
    # the line names the file and the counts it holds, read back from the file itself
    first = outcome.stdout.splitlines()[0]
    assert first.startswith(f"wrote {out}: {len(model.elements)} elements (")
    assert f"{types['Node']} Node" in first and f"{types['Location']} Location" in first
    assert f"{relations} relationships, {len(model.views)} views" in first
    assert "Note: Klienter finns inte i modellen" in outcome.stdout  # what is left out
    # gnosjo's link to Gislaved's datacentre keeps only its own end, and says so
    assert (
        "Note: Förbindelsen L-GIS i gnosjo slutar i gislaved:DC1, en kommun som inte"
        " exporteras" in outcome.stdout
    )
    # only gnosjo: its baseline view, in Swedish
    assert [v.name for v in model.views if v.name.startswith("Nuläge")] == ["Nuläge: Gnosjö kommun"]


def test_json_says_the_same(inventory: Any, samples_db: str, tmp_path: Path) -> None:
    out = tmp_path / "model.xml"
    outcome = inventory(
        "--db",
        samples_db,
        "export",
        "archimate",
        "--target",
        TARGET,
        "--out",
        str(out),
        "--date",
        DAY,
        "-m",
        "hylte",
        "--format",
        "json",
    )
    assert outcome.code == 0, outcome.text
    summary = json.loads(outcome.stdout)
    model = read_archimate(out)
    assert summary["elements"] == dict(Counter(e.type for e in model.elements))
    assert summary["views"] == [view.name for view in model.views]


def test_an_unknown_municipality_is_a_usage_error(
    inventory: Any, samples_db: str, tmp_path: Path
) -> None:
    out = tmp_path / "model.xml"
    outcome = inventory(
        "--db",
        samples_db,
        "export",
        "archimate",
        "--target",
        TARGET,
        "--out",
        str(out),
        "-m",
        "jonkoping",
    )
    assert outcome.code == 2, outcome.text
    assert "No stored municipality 'jonkoping'" in outcome.stderr
    assert outcome.stdout == ""
    assert not out.exists()


def test_an_existing_file_is_replaced_only_with_force(
    inventory: Any, samples_db: str, tmp_path: Path
) -> None:
    out = tmp_path / "model.xml"
    out.write_text("an architect's own model", encoding="utf-8")
    args = (
        "--db",
        samples_db,
        "export",
        "archimate",
        "--target",
        TARGET,
        "--out",
        str(out),
        "--date",
        DAY,
        "-m",
        "gnosjo",
    )
    refused = inventory(*args)
    assert refused.code == 1, refused.text
    assert "exists" in refused.stderr and "--force" in refused.stderr
    assert out.read_text(encoding="utf-8") == "an architect's own model"
    replaced = inventory(*args, "--force")
    assert replaced.code == 0, replaced.text
    assert schema_errors(out.read_bytes()) == []
