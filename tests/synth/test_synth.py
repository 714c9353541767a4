"""The synthetic generator: reproducible, valid by default, invalid exactly where asked."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import numpy as np
from typer.testing import CliRunner

from inventory.cli.app import app
from inventory.synth.catalogue import APPLICATION_BY_KEY
from inventory.synth.generate import SynthOptions, generate_inventories
from inventory.synth.population import municipality_populations
from inventory.validate import validate_paths


def _small(municipalities: int, seed: int, invalid_rows: int = 0) -> SynthOptions:
    return SynthOptions(
        municipalities,
        seed,
        client_rows_per_inhabitant=0.01,
        servers_per_inhabitant=0.002,
        invalid_rows=invalid_rows,
    )


def _digest(folder: Path) -> dict[str, str]:
    return {
        path.relative_to(folder).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*.csv"))
    }


def test_same_seed_same_bytes_and_other_seed_other_bytes(tmp_path: Path) -> None:
    first = generate_inventories(tmp_path / "a", _small(4, 11))
    generate_inventories(tmp_path / "b", _small(4, 11))
    generate_inventories(tmp_path / "c", _small(4, 12))
    assert len(_digest(tmp_path / "a")) == 40
    assert _digest(tmp_path / "a") == _digest(tmp_path / "b")
    assert _digest(tmp_path / "a") != _digest(tmp_path / "c")
    assert first.municipalities == ["m001", "m002", "m003", "m004"]


def test_population_distribution_is_like_swedens() -> None:
    populations = municipality_populations(290, seed=1)
    assert len(populations) == 290
    assert 14_000 <= np.median(populations) <= 18_000
    assert populations.max() == 985_000
    assert 7_000_000 <= populations.sum() <= 11_000_000
    assert sorted(municipality_populations(290, seed=2)) == sorted(populations)


def test_small_synthetic_inventory_validates_cleanly(tmp_path: Path) -> None:
    result = generate_inventories(tmp_path, _small(3, 5))
    batch = validate_paths([tmp_path])
    assert batch.report.valid, [issue.message for issue in batch.report.issues[:5]]
    assert batch.report.stats["rows"]["client"] == result.rows["client"]
    assert sorted(m.code for m in batch.municipalities) == ["m001", "m002", "m003"]
    links = batch.municipalities[1].tables["link"].frame
    assert "m001:DC1" in set(links["b_site"])  # neighbours are linked
    apps = batch.municipalities[0].tables["application"].frame
    assert 40 <= len(apps) <= 60
    assert {APPLICATION_BY_KEY[key.removeprefix("app-")].name for key in apps["id"]} >= set(
        apps["name"]
    )


def test_invalid_rows_give_the_planted_issues_at_their_lines(tmp_path: Path) -> None:
    result = generate_inventories(tmp_path, _small(2, 9, invalid_rows=5))
    assert len(result.planted_errors) == 5
    batch = validate_paths([tmp_path])
    assert not batch.report.valid
    found = {
        (Path(str(i.file)).relative_to(tmp_path).as_posix(), i.line, i.code.value)
        for i in batch.report.issues
    }
    planted = {(e.file, e.line, e.code) for e in result.planted_errors}
    assert found == planted
    assert {e.code for e in result.planted_errors} == {
        "invalid-enum",
        "ambiguous-date",
        "dangling-reference",
        "out-of-range",
        "duplicate-key",
    }


def test_cli_writes_and_reports_json(tmp_path: Path) -> None:
    out = tmp_path / "synth"
    run = CliRunner().invoke(
        app,
        [
            "synth",
            "--municipalities",
            "2",
            "--seed",
            "3",
            "--out",
            str(out),
            "--client-rows-per-inhabitant",
            "0.01",
            "--servers-per-inhabitant",
            "0.002",
            "--invalid-rows",
            "1",
            "--format",
            "json",
        ],
    )
    assert run.exit_code == 0, run.output
    summary = json.loads(run.output)
    assert summary["municipalities"] == 2 and len(summary["planted_errors"]) == 1
    assert summary["rows"]["client"] == sum(
        len((out / code / "clients.csv").read_text().splitlines()) - 1 for code in ("m001", "m002")
    )
