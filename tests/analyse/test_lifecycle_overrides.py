"""Local lifecycle overrides (validated with their lines) and the catalogue data check."""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import json
import sys
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from inventory.analyse.catalogue import (
    Catalogue,
    LifecycleOverridesError,
    check_catalogue,
    default_catalogue,
)
from inventory.analyse.lifecycle import LifecycleState, lifecycle_normaliser, lifecycle_status
from inventory.cli import main
from inventory.cli.app import app

DAY = dt.date(2026, 6, 1)


def _write(tmp_path: Path, text: str, name: str = "overrides.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


VALID = """\
# our contract and the vendors' letters
cycles:
  - product: windows
    cycle: 11-23h2-w
    eol: 2027-03-31
    source: "Microsoft ESU for Windows 11 23H2, agreement 2026-02"
  - product: ios
    cycle: "27"
    eol: false
    release_date: 2026-09-14
    source: Apple newsroom 2026-09
  - product: ios
    cycle: "16"
    lts: true
    source: "Apple keeps iOS 16 patched for devices that cannot run 17"
  - product: skolplattform
    title: Skolplattformen
    cycle: "4"
    eol: 2028-06-30
    source: "Vendor letter 2025-11"
"""


def test_overrides_correct_and_add_facts(tmp_path: Path) -> None:
    normaliser = lifecycle_normaliser(None, _write(tmp_path, VALID))
    corrected = lifecycle_status("windows", "11-23h2-w", DAY, normaliser=normaliser)
    assert (corrected.state, corrected.eol) == (LifecycleState.ENDING, dt.date(2027, 3, 31))
    # the packaged data is unchanged for everyone else
    assert lifecycle_status("windows", "11-23h2-w", DAY).state is LifecycleState.END_OF_LIFE
    added = normaliser.catalogue.release("ios", "27")
    assert added is not None and added.eol is False
    assert normaliser.catalogue.products["ios"].releases[0].cycle == "27"  # newest first
    assert normaliser.match("Apple", "iOS", "27.1").cycle == "27"
    new = normaliser.catalogue.products["skolplattform"]
    assert new.title == "Skolplattformen" and new.releases[0].eol == dt.date(2028, 6, 30)
    # other facts of a corrected cycle stay the catalogue's
    release = normaliser.catalogue.release("ios", "16")
    assert release is not None and release.lts and release.eol is False
    assert release.release_date == dt.date(2022, 9, 12)


@pytest.mark.parametrize(
    ("text", "line", "says"),
    [
        (
            "cycles:\n  - product: windows\n    cycle: 11-23h2-w\n    eol: soon\n    source: x\n",
            4,
            "cycles.0.eol",
        ),
        ("cycles:\n  - product: windows\n    cycle: 11-23h2-w\n    eol: 2027-01-01\n", 2, "source"),
        (
            "cycles:\n  - product: windows\n    cycle: 11-23h2-w\n    eol: 2027-01-01\n"
            "    source: x\n    ends: 2027-01-01\n",
            6,
            "ends",
        ),
        (
            "cycles:\n  - product: ios\n    cycle: '16'\n    lts: true\n    source: a\n"
            "  - product: ios\n    cycle: '16'\n    lts: false\n    source: b\n",
            6,
            "given twice",
        ),
        (
            "cycles:\n  - product: hyper-v\n    cycle: '2016'\n    eol: 2030-01-01\n"
            "    source: x\n",
            2,
            "takes its release cycles from 'windows-server'",
        ),
        (
            "cycles:\n  - product: windws\n    cycle: '11'\n    eol: 2030-01-01\n    source: x\n",
            2,
            "not in the catalogue: give a title",
        ),
        ("cycles:\n  - product: ios\n    cycle: '28'\n    source: x\n", 2, "is new: give its eol"),
        ("cycles:\n  - product: ios\n   cycle: '28'\n", 3, "Not valid YAML"),
        ("cycles: []\n", 1, "cycles"),
    ],
)
def test_a_bad_overrides_file_names_the_line(
    tmp_path: Path, text: str, line: int, says: str
) -> None:
    path = _write(tmp_path, text)
    with pytest.raises(LifecycleOverridesError) as raised:
        lifecycle_normaliser(None, path)
    message = "\n".join(str(issue) for issue in raised.value.issues)
    assert f"{path}:{line}" in message and says in message, message


def test_unreadable_overrides_files(tmp_path: Path) -> None:
    latin = tmp_path / "latin.yaml"
    latin.write_bytes("cycles:\n  - product: ios\n    source: Bokf\xf6ring\n".encode("cp1252"))
    empty = _write(tmp_path, "# nothing yet\n", "empty.yaml")
    for path, says in ((latin, f"{latin}:3"), (empty, "empty")):
        with pytest.raises(LifecycleOverridesError) as raised:
            lifecycle_normaliser(None, path)
        assert says in "\n".join(str(issue) for issue in raised.value.issues)


# --- the data check --------------------------------------------------------------------------


def _catalogue(releases: list[dict[str, Any]]) -> Catalogue:
    return Catalogue.from_json({"products": {"demo": {"title": "Demo OS", "releases": releases}}})


def test_an_older_cycle_outliving_a_newer_one_is_flagged() -> None:
    catalogue = _catalogue(
        [
            {"releaseCycle": "3", "releaseDate": "2024-01-01", "eol": "2026-01-01"},
            {"releaseCycle": "2", "releaseDate": "2023-01-01", "eol": "2027-01-01"},
            {"releaseCycle": "1", "releaseDate": "2022-01-01", "eol": False},
        ]
    )
    findings = check_catalogue(catalogue)
    assert [(f.older, f.newer) for f in findings] == [("1", "2"), ("2", "3")]
    assert findings[0].older_end is None and "no end announced" in findings[0].message
    assert findings[1].message == (
        "Demo OS 2 (released 2023-01-01) is supported until"
        " 2027-01-01, after the newer 3 (released 2024-01-01)"
        " ends on 2026-01-01"
    )


def test_long_term_cycles_other_tracks_and_service_packs_are_not_flagged() -> None:
    catalogue = _catalogue(
        [
            {"releaseCycle": "3-w", "releaseDate": "2024-01-01", "eol": "2025-01-01"},
            {"releaseCycle": "2-e", "releaseDate": "2023-01-01", "eol": "2026-01-01"},
            {
                "releaseCycle": "2-lts",
                "releaseDate": "2023-01-01",
                "eol": "2033-01-01",
                "lts": True,
            },
            {"releaseCycle": "1", "releaseDate": "2020-01-01", "eol": "2030-01-01", "lts": True},
            {"releaseCycle": "5.0-sp2", "releaseDate": "2021-06-01", "eol": "2029-01-01"},
            {"releaseCycle": "6.0", "releaseDate": "2021-01-01", "eol": "2028-01-01"},
            {"releaseCycle": "5.0-sp1", "releaseDate": "2019-01-01", "eol": "2020-01-01"},
            {"releaseCycle": "5.0", "releaseDate": "2018-01-01", "eol": "2019-01-01"},
        ]
    )
    # 5.0 with its service packs is one line ending 2029, after 6.0 (2028): one finding
    assert [(f.older, f.newer) for f in check_catalogue(catalogue)] == [("5.0-sp2", "6.0")]


def test_the_shipped_catalogue_for_the_products_that_matter() -> None:
    catalogue = default_catalogue()
    assert (
        check_catalogue(catalogue, ["windows", "windows-server", "ipados", "mssqlserver", "rhel"])
        == []
    )
    # iOS 16 and 15 are kept patched for phones that cannot run 17: flagged for a person
    flagged = {f.older for f in check_catalogue(catalogue, ["ios"])}
    assert {"15", "16"} <= flagged


# --- the command line ------------------------------------------------------------------------


def test_check_catalogue_command(samples_db: str, tmp_path: Path) -> None:
    runner = CliRunner()
    found = runner.invoke(app, ["--db", samples_db, "lifecycle", "--check-catalogue"])
    assert found.exit_code == 1, found.output
    assert "outlive a newer one" in found.output and "ios 16:" in found.output
    listed = runner.invoke(
        app, ["--db", samples_db, "lifecycle", "--check-catalogue", "--format", "json"]
    )
    assert listed.exit_code == 1
    findings = json.loads(listed.output)
    assert {
        "product": "ios",
        "older": "16",
        "newer": "17",
        "older_end": None,
        "newer_end": "2025-05-13",
    }.items() <= next(f for f in findings if (f["product"], f["older"]) == ("ios", "16")).items()
    # marking each listed cycle long-term (with its source) settles the check
    acknowledged = _write(
        tmp_path,
        "cycles:\n"
        + "".join(
            f"  - product: {f['product']}\n    cycle: '{f['older']}'\n    lts: true\n"
            "    source: checked by hand\n"
            for f in findings
        ),
    )
    clean = runner.invoke(
        app,
        [
            "--db",
            samples_db,
            "lifecycle",
            "--check-catalogue",
            "--lifecycle-overrides",
            str(acknowledged),
            "--format",
            "json",
        ],
    )
    assert clean.exit_code == 0, clean.output
    assert json.loads(clean.output) == []
    text = runner.invoke(
        app,
        [
            "--db",
            samples_db,
            "lifecycle",
            "--check-catalogue",
            "--lifecycle-overrides",
            str(acknowledged),
        ],
    )
    assert text.exit_code == 0 and "no cycle of the products in use" in text.output
    whole = runner.invoke(
        app, ["--db", samples_db, "lifecycle", "--check-catalogue", "--all", "--format", "json"]
    )
    assert whole.exit_code == 1 and len(json.loads(whole.output)) > 100


def test_overrides_reach_lifecycle_and_gap(
    samples_db: str, tmp_path: Path, samples_dir: Path
) -> None:
    runner = CliRunner()
    later = _write(
        tmp_path,
        "cycles:\n  - product: windows\n    cycle: 11-23h2-w\n"
        "    eol: 2031-12-31\n    source: our test\n",
    )
    args = ["--db", samples_db, "lifecycle", "--date", "2026-11-23", "--all", "--format", "csv"]
    before = runner.invoke(app, args)
    after = runner.invoke(app, [*args, "--lifecycle-overrides", str(later)])
    assert before.exit_code == after.exit_code == 0
    assert ",11-23h2-w,end_of_life,2025-11-11," in before.output
    assert ",11-23h2-w,supported,2031-12-31," in after.output
    gap = runner.invoke(
        app,
        [
            "--db",
            samples_db,
            "gap",
            "--target",
            str(samples_dir / "target.yaml"),
            "--date",
            "2026-11-23",
            "--format",
            "json",
            "--lifecycle-overrides",
            str(later),
        ],
    )
    assert gap.exit_code == 0, gap.output
    eol = (
        json.loads(gap.output)["tables"]["eol"]
        if "tables" in json.loads(gap.output)
        else json.loads(gap.output)["eol"]
    )
    assert not [row for row in eol if row["cycle"] == "11-23h2-w"]


def test_a_bad_overrides_file_on_the_command_line(samples_db: str, tmp_path: Path) -> None:
    """Through the console script's ``main``: one message with the line, exit 1."""
    bad = _write(
        tmp_path,
        "cycles:\n  - product: windows\n    cycle: 11-23h2-w\n"
        "    eol: 2031-13-45\n    source: typo\n",
    )
    for command in (
        ["lifecycle"],
        ["lifecycle", "--check-catalogue"],
        ["gap", "--target", str(REPO / "samples" / "target.yaml")],
    ):
        code, output = _main("--db", samples_db, *command, "--lifecycle-overrides", str(bad))
        assert code == 1, output
        assert f"{bad}:4" in output and "'2031-13-45' is not a valid date" in output
        assert "Traceback" not in output


REPO = Path(__file__).resolve().parents[2]


def _main(*argv: str) -> tuple[int, str]:
    out, err = io.StringIO(), io.StringIO()
    saved, sys.argv = sys.argv, ["inventory", *argv]
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            main()
        code = 0
    except SystemExit as exit_:
        code = exit_.code if isinstance(exit_.code, int) else 1
    finally:
        sys.argv = saved
    return code, out.getvalue() + err.getvalue()
