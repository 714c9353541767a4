"""Bad option values are usage errors (exit 2) saying what is allowed, in every command.

Dates, counts, languages, paths that must exist, numbers: each checked where the option is
parsed, before anything is read or written, never a traceback or a silently ignored value.
Bad files behind good options (a study folder without study files, a target with an
endless horizon) are invalid input (exit 1) with their place.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest

REPO = Path(__file__).resolve().parents[2]
TARGET = str(REPO / "samples" / "target.yaml")
STUDY = REPO / "samples" / "study"

#: Every command with a --date option (the analysis date), ready to run but for --date.
WITH_DATE = {
    "gap": ["gap", "--target", TARGET],
    "lifecycle": ["lifecycle"],
    "report": ["report", "--target", TARGET, "--out", "{out}"],
    "diagram": ["diagram", "target", "--target", TARGET, "--out", "{out}/t.svg"],
    "propose-target": ["propose-target"],
}
BAD_DATES = {
    "0001-01-01": "is outside 1900-01-01 .. 2999-12-31",
    "9999-12-31": "is outside 1900-01-01 .. 2999-12-31",
    "2024-02-30": "'2024-02-30' is not a date; write YYYY-MM-DD",
    "3/5/2024": "'3/5/2024' is not a date",
    "tomorrow": "'tomorrow' is not a date",
}


def _args(args: list[str], out: Path) -> list[str]:
    return [part.replace("{out}", str(out)) for part in args]


@pytest.mark.parametrize("date", sorted(BAD_DATES))
@pytest.mark.parametrize("command", sorted(WITH_DATE))
def test_a_bad_date_is_a_usage_error(
    command: str, date: str, inventory: Any, samples_db: str, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    outcome = inventory("--db", samples_db, *_args(WITH_DATE[command], out), "--date", date)
    assert outcome.code == 2, outcome.text
    assert "Invalid value for --date" in outcome.stderr and BAD_DATES[date] in outcome.stderr
    assert "Traceback" not in outcome.text
    assert not out.exists()


@pytest.mark.parametrize("months", ["99999999999", "1201", "-1", "twelve"])
def test_lifecycle_months_outside_the_range_is_a_usage_error(
    months: str, inventory: Any, samples_db: str
) -> None:
    outcome = inventory("--db", samples_db, "lifecycle", "--months", months)
    assert outcome.code == 2, outcome.text
    assert "'--months'" in outcome.stderr and "Traceback" not in outcome.text


def test_lifecycle_at_the_edges_of_the_ranges_works(inventory: Any, samples_db: str) -> None:
    outcome = inventory(
        "--db",
        samples_db,
        "lifecycle",
        "--months",
        "1200",
        "--date",
        "2999-12-31",
        "--format",
        "json",
    )
    assert outcome.code == 0, outcome.text
    assert '"as_of": "2999-12-31"' in outcome.stdout


@pytest.mark.parametrize("command", ["report", "diagram"])
@pytest.mark.parametrize("lang", ["xx", "EN-US", "", "deutsch"])
def test_an_unknown_language_is_a_usage_error_listing_the_languages(
    command: str, lang: str, inventory: Any, samples_db: str, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    args = {
        "report": ["report", "--target", TARGET, "--out", str(out)],
        "diagram": ["diagram", "network", "--out", str(out / "n.svg")],
    }[command]
    outcome = inventory("--db", samples_db, *args, "--lang", lang)
    assert outcome.code == 2, outcome.text
    assert f"unknown language '{lang}'; use one of: en, sv, no." in outcome.stderr
    assert not out.exists()


def test_a_language_spelt_otherwise_is_accepted(
    inventory: Any, samples_db: str, tmp_path: Path
) -> None:
    out = tmp_path / "n.dot"
    outcome = inventory(
        "--db",
        samples_db,
        "diagram",
        "network",
        "--out",
        str(out),
        "--format",
        "dot",
        "--lang",
        "Svenska",
    )
    assert outcome.code == 0, outcome.text
    assert out.exists()


#: Path options that must name something that exists (a file, or a folder).
MISSING_PATHS = {
    "gap --target": ["gap", "--target", "{missing}"],
    "report --target": ["report", "--target", "{missing}", "--out", "{out}"],
    "report --study": ["report", "--target", TARGET, "--out", "{out}", "--study", "{missing}"],
    "diagram --target": ["diagram", "target", "--target", "{missing}", "--out", "{out}/t.svg"],
    "lifecycle --aliases": ["lifecycle", "--aliases", "{missing}"],
    "overlap --aliases": ["overlap", "--aliases", "{missing}"],
    "normalise --aliases": ["normalise", "--aliases", "{missing}"],
    "propose-target --efforts": ["propose-target", "--efforts", "{missing}"],
    "study all FOLDER": ["study", "all", "{missing}"],
    "study potential FOLDER": ["study", "potential", "{missing}"],
}


@pytest.mark.parametrize("option", sorted(MISSING_PATHS))
def test_a_path_that_does_not_exist_is_a_usage_error(
    option: str, inventory: Any, samples_db: str, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    args = [
        part.replace("{missing}", str(tmp_path / "nowhere")).replace("{out}", str(out))
        for part in MISSING_PATHS[option]
    ]
    outcome = inventory("--db", samples_db, *args)
    assert outcome.code == 2, outcome.text
    assert "does not exist" in outcome.stderr and str(tmp_path / "nowhere") in outcome.stderr
    assert not out.exists()


def test_a_file_where_a_study_folder_is_expected_is_a_usage_error(
    inventory: Any, samples_db: str, tmp_path: Path
) -> None:
    outcome = inventory("study", "all", TARGET)
    assert outcome.code == 2 and "is a file" in outcome.stderr
    outcome = inventory(
        "--db",
        samples_db,
        "report",
        "--target",
        TARGET,
        "--out",
        str(tmp_path / "out"),
        "--study",
        TARGET,
    )
    assert outcome.code == 2 and "is a file" in outcome.stderr


# --- study folders -------------------------------------------------------------------


def test_study_all_on_a_folder_without_study_files_names_the_files_expected(
    inventory: Any, tmp_path: Path
) -> None:
    (tmp_path / "README.md").write_text("notes\n", encoding="utf-8")
    for output in ("text", "json"):
        outcome = inventory("study", "all", str(tmp_path), "--format", output)
        assert outcome.code == 1, outcome.text
        assert "The folder holds no study file." in outcome.text
        assert "areas.yaml with potential.csv, alternatives*.yaml, cost-sharing.yaml" in (
            outcome.text
        )
        assert str(tmp_path) in outcome.text


def test_a_study_section_with_a_file_missing_is_an_error(inventory: Any, tmp_path: Path) -> None:
    shutil.copy(STUDY / "areas.yaml", tmp_path)  # potential.csv missing
    shutil.copy(STUDY / "it-costs.yaml", tmp_path)
    outcome = inventory("study", "all", str(tmp_path))
    assert outcome.code == 1, outcome.text
    assert "No potential.csv in the study folder (needed for potential)." in outcome.stderr
    assert outcome.stdout == ""


def test_report_with_a_study_folder_without_study_files_writes_nothing(
    inventory: Any, samples_db: str, tmp_path: Path
) -> None:
    study = tmp_path / "study"
    study.mkdir()
    out = tmp_path / "out"
    outcome = inventory(
        "--db", samples_db, "report", "--target", TARGET, "--out", str(out), "--study", str(study)
    )
    assert outcome.code == 1, outcome.text
    assert "The folder holds no study file." in outcome.stderr
    assert "1 error in the study folder: nothing was computed." in outcome.stderr
    assert "Traceback" not in outcome.text and not out.exists()


@pytest.mark.parametrize(
    "number", ["1e999999999", "1e-999999999", "0.12345678901", "12345678901234567890123456"]
)
def test_study_numbers_out_of_bounds_are_errors_at_their_line(
    number: str, inventory: Any, tmp_path: Path
) -> None:
    study = tmp_path / "study"
    shutil.copytree(STUDY, study)
    costs = study / "cost-sharing.yaml"
    lines = costs.read_text(encoding="utf-8").splitlines()
    line = next(n for n, text in enumerate(lines, 1) if "amount: 5000000," in text)
    lines[line - 1] = lines[line - 1].replace("amount: 5000000,", f"amount: {number},")
    costs.write_text("\n".join(lines) + "\n", encoding="utf-8")
    outcome = inventory("study", "allocate", str(study))
    assert outcome.code == 1, outcome.text
    assert f"cost-sharing.yaml:{line}, column 'costs.0.amount'" in outcome.stderr
    # in our own words (e.g. "amount has more than 25 digits"), not pydantic's English
    assert "has more than" in outcome.stderr


@pytest.mark.parametrize(
    ("option", "value"),
    [
        ("--total", "1e999999999"),
        ("--total", "1e-999999999"),
        ("--total", "-5"),
        ("--total", "nan"),
        ("--total", "inf"),
        ("--total", "1,024,000"),
        ("--weight", "6=1e999999999"),
        ("--weight", "6=1e-999999999"),
        ("--weight", "6=-1"),
        ("--weight", "6=nan"),
        ("--weight", "6"),
        ("--weight", "=0.5"),
    ],
)
def test_study_numbers_on_the_command_line_are_bounded(
    option: str, value: str, inventory: Any
) -> None:
    command = ["allocate", "--key", "melhus-2013"] if option == "--total" else ["alternatives"]
    outcome = inventory("study", command[0], str(STUDY), *command[1:], option, value)
    assert outcome.code == 2, outcome.text
    assert f"Invalid value for {option}" in outcome.stderr


# --- targets and outputs -------------------------------------------------------------


def test_a_target_horizon_beyond_a_century_is_refused_at_its_line(
    inventory: Any, samples_db: str, tmp_path: Path
) -> None:
    text = Path(TARGET).read_text(encoding="utf-8")
    assert "lifecycle:\n  horizon_months: 12" in text
    target = tmp_path / "target.yaml"
    target.write_text(
        text.replace("horizon_months: 12", "horizon_months: 99999999999"), encoding="utf-8"
    )
    line = text.splitlines().index("  horizon_months: 12") + 1
    outcome = inventory("--db", samples_db, "gap", "--target", str(target))
    assert outcome.code == 1, outcome.text
    assert f"target.yaml:{line}, column 'lifecycle.horizon_months'" in outcome.stderr


def test_target_numbers_that_are_not_finite_are_refused(
    inventory: Any, samples_db: str, tmp_path: Path
) -> None:
    text = Path(TARGET).read_text(encoding="utf-8")
    target = tmp_path / "target.yaml"
    target.write_text(text.replace("hourly_rate: 1150", "hourly_rate: .nan"), encoding="utf-8")
    assert target.read_text(encoding="utf-8") != text
    outcome = inventory("--db", samples_db, "gap", "--target", str(target))
    assert outcome.code == 1, outcome.text
    assert "efforts.hourly_rate" in outcome.stderr and "finite number" in outcome.stderr


def test_gap_out_without_csv_is_a_usage_error(
    inventory: Any, samples_db: str, tmp_path: Path
) -> None:
    outcome = inventory(
        "--db", samples_db, "gap", "--target", TARGET, "--out", str(tmp_path / "gap")
    )
    assert outcome.code == 2 and "--out is for --format csv." in outcome.stderr
    assert not (tmp_path / "gap").exists()


@pytest.mark.parametrize("command", ["gap", "overlap"])
def test_csv_tables_below_a_file_are_one_line(
    command: str, inventory: Any, samples_db: str, tmp_path: Path
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("keep me\n", encoding="utf-8")
    args = ["gap", "--target", TARGET] if command == "gap" else ["overlap"]
    outcome = inventory(
        "--db", samples_db, *args, "--format", "csv", "--out", str(blocker / "tables")
    )
    assert outcome.code == 1, outcome.text
    assert "Not a directory" in outcome.stderr and "Traceback" not in outcome.text
    assert blocker.read_text(encoding="utf-8") == "keep me\n"


def test_propose_target_never_replaces_a_file(
    inventory: Any, samples_db: str, tmp_path: Path
) -> None:
    mine = tmp_path / "target.yaml"
    shutil.copy(TARGET, mine)
    before = mine.read_bytes()
    outcome = inventory("--db", samples_db, "propose-target", "--out", str(mine))
    assert outcome.code == 1, outcome.text
    assert "exists: propose-target never replaces a file" in outcome.stderr
    assert mine.read_bytes() == before
    new = tmp_path / "drafts" / "target.yaml"
    assert inventory("--db", samples_db, "propose-target", "--out", str(new)).code == 0
    assert new.read_text(encoding="utf-8").startswith(("name:", "#"))
