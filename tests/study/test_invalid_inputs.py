"""Bad study input: every problem with its code and place; nothing is computed."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from inventory.issues import Issue
from inventory.study import InvalidStudyInput, Section, study_results

SAMPLES = Path(__file__).resolve().parents[2] / "samples" / "study"


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    target = tmp_path / "study"
    shutil.copytree(SAMPLES, target)
    # the alternatives name their target files beside the study (../alternatives/)
    shutil.copytree(SAMPLES.parent / "alternatives", tmp_path / "alternatives")
    return target


def _edit(path: Path, old: str, new: str) -> int:
    """Replace ``old`` once; return the 1-based line where the new text starts."""
    text = path.read_text("utf-8")
    assert text.count(old) == 1, old
    index = text.index(old)
    path.write_text(text.replace(old, new), "utf-8")
    return text[:index].count("\n") + 1


def _issues(folder: Path, *sections: Section) -> list[Issue]:
    with pytest.raises(InvalidStudyInput) as caught:
        study_results(folder, set(sections) or None)
    return caught.value.report.errors


def test_score_outside_scale_names_the_line(folder: Path) -> None:
    file = folder / "alternatives-ggvvh.yaml"
    line = _edit(
        file,
        '{"1": 2, "2": 4, "3": 4, "4": 2, "5": 2, "6": 4, "7": 3}',
        '{"1": 2, "2": 4, "3": 4, "4": 2, "5": 2, "6": 4, "7": 5}',
    )
    [issue] = _issues(folder, Section.ALTERNATIVES)
    assert (issue.code.value, issue.file, issue.line) == ("out-of-range", str(file), line)
    assert issue.value == "5" and issue.column == "alternatives.0.scores.7"


def test_unscored_criterion_and_unknown_criterion(folder: Path) -> None:
    file = folder / "alternatives-ggvvh.yaml"
    line = _edit(
        file,
        '{"1": 3, "2": 4, "3": 3, "4": 2, "5": 2, "6": 4, "7": 4}',
        '{"1": 3, "2": 4, "3": 3, "4": 2, "5": 2, "6": 4, "8": 4}',
    )
    issues = _issues(folder, Section.ALTERNATIVES)
    assert sorted((i.code.value, i.line) for i in issues) == [
        ("dangling-reference", line),
        ("missing-value", line),
    ]
    dangling = next(i for i in issues if i.code.value == "dangling-reference")
    assert dangling.value == "8" and "Known: 1, 2, 3, 4, 5, 6, 7" in (dangling.hint or "")


def test_wrong_type_and_unknown_field_in_yaml(folder: Path) -> None:
    file = folder / "cost-sharing.yaml"
    line = _edit(file, "population: 6300}", "population: many}")
    field_line = _edit(file, "  - id: melhus-2013\n", "  - id: melhus-2013\n    colour: red\n")
    issues = _issues(folder, Section.COST_SHARING)
    assert sorted((i.code.value, i.line, i.column) for i in issues) == [
        ("invalid-number", line, "parties.1.population"),
        ("unknown-field", field_line + 1, "keys.0.colour"),
    ]
    assert all(i.file == str(file) for i in issues)


def test_key_percentages_and_dangling_key(folder: Path) -> None:
    file = folder / "cost-sharing.yaml"
    _edit(file, "{basis: population, percent: 50}", "{basis: population, percent: 40}")
    issues = _issues(folder, Section.COST_SHARING)
    [issue] = issues
    assert "add up to 90" in issue.message and issue.line is not None
    text = file.read_text("utf-8").splitlines()
    assert text[issue.line - 1].strip().startswith("- id: melhus-2013")

    (folder / "cost-sharing.yaml").write_text(
        SAMPLES.joinpath("cost-sharing.yaml").read_text("utf-8"), "utf-8"
    )
    line = _edit(file, "amount: 5000000, key: melhus-2013", "amount: 5000000, key: melhus")
    [issue] = _issues(folder, Section.COST_SHARING)
    assert (issue.code.value, issue.line, issue.value) == ("dangling-reference", line, "melhus")


def test_key_dividing_by_a_measure_a_party_lacks(folder: Path) -> None:
    file = folder / "cost-sharing.yaml"
    line = _edit(file, "{basis: population, percent: 50}", "{basis: devices, percent: 50}")
    [issue] = _issues(folder, Section.COST_SHARING)
    assert (issue.code.value, issue.line) == ("missing-value", line)
    assert "melhus, midtre-gauldal" in issue.message


def test_key_dividing_by_a_measure_that_adds_up_to_zero(folder: Path) -> None:
    file = folder / "cost-sharing.yaml"
    _edit(file, "population: 14700}", "population: 0}")
    _edit(file, "population: 6300}", "population: 0}")
    line = _edit(file, "{basis: population, percent: 50}", "{basis: population, percent: 50} ")
    [issue] = _issues(folder, Section.COST_SHARING)
    assert (issue.code.value, issue.line) == ("inconsistent-values", line)


def test_invalid_yaml_names_the_line(folder: Path) -> None:
    file = folder / "projection.yaml"
    line = _edit(file, "  - {year: 2008,", "  - {year: 2008,,: [")
    [issue] = _issues(folder, Section.PROJECTION)
    assert issue.code.value == "invalid-yaml" and issue.file == str(file)
    assert issue.line is not None and line <= issue.line <= line + 1


def test_duplicate_year(folder: Path) -> None:
    file = folder / "projection.yaml"
    line = _edit(file, "{year: 2008,", "{year: 2007,")
    [issue] = _issues(folder, Section.PROJECTION)
    assert (issue.code.value, issue.line, issue.value) == ("duplicate-key", line, "2007")


def test_potential_score_out_of_range_names_row_and_column(folder: Path) -> None:
    file = folder / "potential.csv"
    _edit(file, "gnosjo,80,30,", "gnosjo,80,130,")
    _edit(file, "hylte,80,40,20", "hylte,80,40,x")
    issues = _issues(folder, Section.POTENTIAL)
    places = sorted(
        (i.code.value, i.line, i.row, i.column, i.column_index, i.value) for i in issues
    )
    assert places == [("invalid-number", 6, 5, "C", 4, "x"), ("out-of-range", 3, 2, "B", 3, "130")]


def test_potential_unknown_area_column(folder: Path) -> None:
    file = folder / "potential.csv"
    _edit(file, "municipality,A,B,C,D,E,F,G,H,I", "municipality,A,B,C,D,E,F,G,H,J")
    issues = _issues(folder, Section.POTENTIAL)
    assert sorted((i.code.value, i.column) for i in issues) == [
        ("missing-column", None),
        ("unknown-header", "J"),
    ]
    unknown = next(i for i in issues if i.code.value == "unknown-header")
    assert (unknown.line, unknown.column_index) == (1, 10)


def test_establishment_plan_bad_quarter_and_extra_cells(folder: Path) -> None:
    file = folder / "establishment-plan.csv"
    quarter_line = _edit(file, "15.8,E-post,,3. kv -2010,50000", "15.8,E-post,,autumn 2010,50000")
    cells_line = _edit(
        file,
        "15.9,PC-drift,,3. kv -2010,600000,investment",
        "15.9,PC-drift,,3. kv -2010,600000,investment,x",
    )
    issues = _issues(folder, Section.ESTABLISHMENT)
    found = sorted((i.line or 0, i.code.value, i.column or "", i.column_index or 0) for i in issues)
    assert found == [
        (
            quarter_line,
            "invalid-value",
            "finish",
            4,
        ),
        (cells_line, "extra-cells", "", 0),
    ]


def test_ambiguous_thousands_in_a_cell(folder: Path) -> None:
    file = folder / "establishment-plan.csv"
    line = _edit(file, "15.9,PC-drift,,3. kv -2010,600000", '15.9,PC-drift,,3. kv -2010,"1,024"')
    [issue] = _issues(folder, Section.ESTABLISHMENT)
    assert (issue.line, issue.column, issue.column_index, issue.value) == (line, "cost", 5, "1,024")
    assert "ambiguous" in issue.message


def test_definition_reference_in_it_costs(folder: Path) -> None:
    file = folder / "it-costs.yaml"
    line = _edit(
        file, "devices: 3000, definition: outsourced-2023", "devices: 3000, definition: outsourced"
    )
    [issue] = _issues(folder, Section.COMPARISON)
    assert (issue.code.value, issue.line, issue.value) == ("dangling-reference", line, "outsourced")


def test_missing_files_and_folder(tmp_path: Path) -> None:
    [issue] = _issues(tmp_path / "nowhere")
    assert issue.code.value == "path-not-found"
    [issue] = _issues(tmp_path, Section.COST_SHARING)
    assert issue.code.value == "path-not-found" and "cost-sharing.yaml" in issue.message
    # without named sections a folder with no study file is an error too, never nothing
    [issue] = _issues(tmp_path)
    assert issue.code.value == "path-not-found" and "no study file" in issue.message
    assert "areas.yaml with potential.csv" in (issue.hint or "")


def test_all_problems_are_reported_at_once(folder: Path) -> None:
    _edit(folder / "projection.yaml", "{year: 2008,", "{year: 2007,")
    _edit(folder / "it-costs.yaml", "definition: outsourced-2023", "definition: x")
    _edit(folder / "potential.csv", "gnosjo,80,30,", "gnosjo,80,130,")
    issues = _issues(folder)
    assert {Path(i.file or "").name for i in issues} == {
        "projection.yaml",
        "it-costs.yaml",
        "potential.csv",
    }


def test_missing_alternative_target_names_the_line(folder: Path) -> None:
    file = folder / "alternatives-ggvvh.yaml"
    line = _edit(file, "target: ../alternatives/target-2.yaml", "target: nowhere.yaml")
    [issue] = _issues(folder, Section.ALTERNATIVES)
    assert issue.code == "path-not-found" and issue.line == line
    assert issue.column == "alternatives.3.target" and "'2'" in issue.message
