"""Names that do not exist are errors, in every command, never an empty result.

A municipality, node or import run named on the command line that does not exist is a
usage error (exit 2) listing what exists; a target file naming a municipality (or a
datacentre site) that is not stored is invalid input (exit 1) naming it and the stored
ones. Nothing is printed as a result and nothing is written.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest

from inventory.errors import TargetError, UnknownMunicipalityError
from inventory.gap.result import compute_gap
from inventory.snapshot import InventorySnapshot
from inventory.store import InventoryStore
from inventory.target.model import TargetArchitecture

REPO = Path(__file__).resolve().parents[2]
TARGET = REPO / "samples" / "target.yaml"
STORED = "gislaved, gnosjo, hylte, vaggeryd, varnamo"

#: Every command that takes --municipality, with what else it needs ({out}: a file path).
WITH_MUNICIPALITY = {
    "gap": ["gap", "--target", str(TARGET)],
    "gap csv": ["gap", "--target", str(TARGET), "--format", "csv", "--out", "{out}"],
    "list": ["list", "server"],
    "list json": ["list", "application", "--format", "json"],
    "lifecycle": ["lifecycle"],
    "overlap": ["overlap", "--format", "json"],
    "graph": ["graph", "--out", "{out}.graphml"],
    "normalise": ["normalise"],
    "propose-target": ["propose-target", "--out", "{out}.yaml"],
    "diagram architecture": ["diagram", "architecture", "--out", "{out}.svg"],
    "diagram target": ["diagram", "target", "--target", str(TARGET), "--out", "{out}.svg"],
    "history": ["history"],
    "diff": ["diff", "1", "1"],
    "export archimate": ["export", "archimate", "--target", str(TARGET), "--out", "{out}.xml"],
}


def _args(command: str, out: Path) -> list[str]:
    return [part.replace("{out}", str(out)) for part in WITH_MUNICIPALITY[command]]


@pytest.mark.parametrize("command", sorted(WITH_MUNICIPALITY))
def test_an_unknown_municipality_is_a_usage_error_listing_the_stored(
    command: str, inventory: Any, samples_db: str, tmp_path: Path
) -> None:
    out = tmp_path / "out" / "result"
    outcome = inventory("--db", samples_db, *_args(command, out), "-m", "jonkoping")
    assert outcome.code == 2, outcome.text
    assert "No stored municipality 'jonkoping'" in outcome.stderr
    assert f"Stored: {STORED}." in outcome.stderr
    assert "Traceback" not in outcome.text
    assert outcome.stdout == ""  # no empty table, no empty JSON list
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize("command", ["gap", "list", "overlap", "propose-target"])
def test_every_unknown_code_is_named_once_also_among_known_ones(
    command: str, inventory: Any, samples_db: str, tmp_path: Path
) -> None:
    outcome = inventory(
        "--db",
        samples_db,
        *_args(command, tmp_path / "x"),
        "-m",
        "gnosjo",
        "-m",
        "nassjo",
        "-m",
        "Gnosjo",
        "-m",
        "nassjo",
    )
    assert outcome.code == 2, outcome.text
    assert "No stored municipality 'nassjo', 'Gnosjo'." in outcome.stderr  # case matters


def test_an_unknown_municipality_on_an_empty_store_says_nothing_is_stored(
    inventory: Any, empty_db: str
) -> None:
    outcome = inventory("--db", empty_db, "lifecycle", "-m", "gnosjo")
    assert outcome.code == 2
    assert "No stored municipality 'gnosjo'" in outcome.stderr
    assert "Nothing is stored yet: run `inventory import FOLDER` first." in outcome.stderr


def test_a_hostile_name_is_echoed_escaped_literal_and_short(
    inventory: Any, samples_db: str
) -> None:
    name = "x\x1b[2J[bold]y[/bold] :x:" + "z" * 5000
    outcome = inventory("--db", samples_db, "overlap", "-m", name)
    assert outcome.code == 2
    assert "\x1b" not in outcome.stderr
    assert "x\\x1b[2J[bold]y[/bold] :x:" in outcome.stderr
    assert f"{len(name):,} characters" in outcome.stderr and len(outcome.stderr) < 1000


def test_diagram_municipality_on_a_view_it_does_not_narrow_is_a_usage_error(
    inventory: Any, samples_db: str, tmp_path: Path, files_under: Any
) -> None:
    for view in ("network", "overlap"):
        outcome = inventory(
            "--db", samples_db, "diagram", view, "-m", "gnosjo", "--out", str(tmp_path / "d.svg")
        )
        assert outcome.code == 2, outcome.text
        assert f"the {view} view shows every municipality" in outcome.stderr
    assert files_under(tmp_path) == {}


def test_an_unknown_node_or_run_is_a_usage_error(inventory: Any, samples_db: str) -> None:
    node = inventory("--db", samples_db, "impact", "gnosjo:server:nosuch")
    assert node.code == 2 and "No node 'gnosjo:server:nosuch'" in node.stderr
    run = inventory("--db", samples_db, "diff", "1", "7")
    assert run.code == 2 and "no import run 7" in run.stderr
    assert "Traceback" not in node.text + run.text


def test_the_store_refuses_unknown_municipalities_in_every_read(samples_db: str) -> None:
    with InventoryStore(samples_db) as store:
        with pytest.raises(UnknownMunicipalityError) as snapshot:
            store.snapshot(["gnosjo", "jonkoping"])
        assert snapshot.value.unknown == ["jonkoping"]
        assert ", ".join(snapshot.value.stored) == STORED
        with pytest.raises(UnknownMunicipalityError):
            store.records("server", ["jonkoping"])
        with pytest.raises(UnknownMunicipalityError):
            store.history("jonkoping")
        with pytest.raises(UnknownMunicipalityError):
            store.diff(1, 1, "jonkoping")
        assert store.snapshot(["gnosjo"]).municipalities == ["gnosjo"]


def test_the_library_calls_of_the_commands_refuse_unknown_municipalities(
    samples_db: str, sample_snapshot: InventorySnapshot, sample_target: TargetArchitecture
) -> None:
    """The checks live in the library (what the commands call), not in the commands."""
    import inventory
    from inventory.report.diagrams import view_diagrams

    with InventoryStore(samples_db) as store:
        with pytest.raises(UnknownMunicipalityError) as caught:
            inventory.load_snapshot(store, ["hylte", "jonkoping"], target=sample_target)
        assert caught.value.unknown == ["jonkoping"]
    for view in ("architecture", "target"):
        with pytest.raises(UnknownMunicipalityError) as caught:
            view_diagrams(sample_snapshot, view, municipality="jonkoping", target=sample_target)
        assert caught.value.unknown == ["jonkoping"]
    with pytest.raises(TargetError):  # the target names municipalities the snapshot lacks
        view_diagrams(sample_snapshot.only(["gnosjo"]), "network", target=sample_target)


# --- a target naming what is not stored ---------------------------------------------------


def _target(folder: Path, *replacements: tuple[str, str]) -> Path:
    text = TARGET.read_text(encoding="utf-8")
    for old, new in replacements:
        assert old in text
        text = text.replace(old, new)
    path = folder / "target.yaml"
    path.write_text(text, encoding="utf-8")
    return path


NOT_STORED = {
    "municipalities": (
        ("municipalities: [gislaved,", "municipalities: [jonkoping, gislaved,"),
        "'jonkoping' (in municipalities)",
    ),
    "primary datacentre": (
        ("primary: varnamo:DC1", "primary: nassjo:DC1"),
        "'nassjo' (in datacentres.primary)",
    ),
    "secondary datacentre": (
        ("secondary: gislaved:DC1", "secondary: habo:DC1"),
        "'habo' (in datacentres.secondary)",
    ),
}


@pytest.mark.parametrize("case", sorted(NOT_STORED))
@pytest.mark.parametrize("command", ["gap", "report", "diagram target", "diagram network"])
def test_a_target_naming_a_municipality_not_stored_is_an_error(
    case: str, command: str, inventory: Any, samples_db: str, tmp_path: Path
) -> None:
    replacement, named = NOT_STORED[case]
    target = _target(tmp_path, replacement)
    out = tmp_path / "out"
    args = {
        "gap": ["gap"],
        "report": ["report", "--out", str(out)],
        "diagram target": ["diagram", "target", "--out", str(out / "t.svg")],
        "diagram network": ["diagram", "network", "--out", str(out / "n.svg")],
    }[command]
    outcome = inventory("--db", samples_db, *args, "--target", str(target))
    assert outcome.code == 1, outcome.text
    assert "The target names municipalities that are not stored:" in outcome.stderr
    assert named in outcome.stderr
    assert f"Stored: {STORED}." in outcome.stderr
    assert "Traceback" not in outcome.text
    assert not out.exists()


def test_a_target_datacentre_its_municipality_lacks_is_an_error(
    inventory: Any, samples_db: str, tmp_path: Path
) -> None:
    target = _target(tmp_path, ("primary: varnamo:DC1", "primary: varnamo:DC9"))
    outcome = inventory("--db", samples_db, "gap", "--target", str(target))
    assert outcome.code == 1, outcome.text
    assert "datacentres.primary names site 'varnamo:DC9', which varnamo does not have" in (
        outcome.stderr
    )
    assert "Sites of varnamo: AZ-SDC, DC1, DC2" in outcome.stderr


def test_the_gap_library_refuses_a_snapshot_without_the_target_municipalities(
    sample_snapshot: InventorySnapshot, sample_target: TargetArchitecture
) -> None:
    with pytest.raises(TargetError) as caught:
        compute_gap(
            sample_snapshot.only(["gnosjo", "hylte"]), sample_target, as_of=dt.date(2026, 11, 23)
        )
    assert "'gislaved', 'varnamo', 'vaggeryd' (in municipalities)" in str(caught.value)
    assert caught.value.hint is not None and "Stored: gnosjo, hylte." in caught.value.hint
