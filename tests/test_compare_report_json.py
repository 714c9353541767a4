"""scripts/compare_report_json.py on report.json files written by hand.

Each case holds a small document shaped like report.json (sections with ids, blocks, tables
with rows of cells); the expected differences are read off the two documents by eye.
"""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

SCRIPT = Path(__file__).resolve().parents[1] / "scripts" / "compare_report_json.py"


def _load() -> ModuleType:
    spec = importlib.util.spec_from_file_location("compare_report_json", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


compare = _load()


def _table(table_id: str, rows: list[list[Any]]) -> dict[str, Any]:
    return {"kind": "table", "id": table_id, "columns": [{"key": "a"}], "rows": rows}


def _report(**changes: Any) -> dict[str, Any]:
    """Two sections: ``summary`` (a paragraph and a table) and ``plan`` (a table)."""
    document: dict[str, Any] = {
        "title": "Report",
        "generated": "2026-12-03T10:00:00Z",
        "sections": [
            {
                "id": "summary",
                "title": "Summary",
                "blocks": [
                    {"kind": "paragraph", "text": "5 municipalities."},
                    _table("figures", [["servers", 422], ["clients", 21860]]),
                ],
            },
            {
                "id": "plan",
                "title": "Plan",
                "blocks": [
                    _table("packages", [["P01", "Network 1", 36], ["P02", "Datacentre 1", 16]])
                ],
            },
        ],
    }
    document.update(changes)
    return document


def _run(tmp_path: Path, before: Any, after: Any, *options: str) -> tuple[int, str, dict[str, Any]]:
    """The tool's exit status, its text output and its --json output."""
    old, new = tmp_path / "before.json", tmp_path / "after.json"
    old.write_text(json.dumps(before), encoding="utf-8")
    new.write_text(json.dumps(after), encoding="utf-8")
    text = subprocess.run(
        [sys.executable, str(SCRIPT), str(old), str(new), *options],
        capture_output=True,
        text=True,
        check=False,
    )
    data = subprocess.run(
        [sys.executable, str(SCRIPT), str(old), str(new), "--json", *options],
        capture_output=True,
        text=True,
        check=False,
    )
    assert text.returncode == data.returncode, text.stderr + data.stderr
    return text.returncode, text.stdout, json.loads(data.stdout)


def test_the_same_document_has_no_difference(tmp_path: Path) -> None:
    status, text, groups = _run(tmp_path, _report(), _report())
    assert (status, groups) == (0, {})
    assert text.strip() == "0 difference(s) in 0 place(s)"


def test_sections_are_matched_by_id_not_by_position(tmp_path: Path) -> None:
    before = _report()
    after = _report()
    after["sections"].reverse()
    after["sections"][0]["title"] = "Migration plan"
    status, _, groups = _run(tmp_path, before, after)
    assert status == 1
    assert groups == {
        "sections[id=plan].title": {
            "count": 1,
            "kinds": {"changed": 1},
            "examples": [
                {
                    "path": "sections[id=plan].title",
                    "kind": "changed",
                    "before": "Plan",
                    "after": "Migration plan",
                }
            ],
        }
    }


def test_a_row_inserted_is_one_row_added_not_every_row_after_it_changed(tmp_path: Path) -> None:
    before = _report()
    after = _report()
    packages = after["sections"][1]["blocks"][0]["rows"]
    packages.insert(1, ["P01b", "Host retirement", 2])
    _, _, groups = _run(tmp_path, before, after)
    # the section's blocks all have ids: the table is known by its id; the row by its position
    assert list(groups) == ["sections[id=plan].blocks[id=packages].rows[*]"]
    assert groups["sections[id=plan].blocks[id=packages].rows[*]"]["examples"] == [
        {
            "path": "sections[id=plan].blocks[id=packages].rows[1]",
            "kind": "added",
            "value": '["P01b", "Host retirement", 2]',
        }
    ]


def test_cells_are_grouped_by_their_column(tmp_path: Path) -> None:
    before = _report()
    after = _report()
    after["sections"][1]["blocks"][0]["rows"] = [["P01", "Network 1", 35], ["P02", "DC 1", 15]]
    _, text, groups = _run(tmp_path, before, after)
    column = "sections[id=plan].blocks[id=packages].rows[*]"
    assert {group: entry["count"] for group, entry in groups.items()} == {
        f"{column}[1]": 1,
        f"{column}[2]": 2,
    }
    assert [e["path"] for e in groups[f"{column}[2]"]["examples"]] == [
        "sections[id=plan].blocks[id=packages].rows[0][2]",
        "sections[id=plan].blocks[id=packages].rows[1][2]",
    ]
    assert "3 difference(s) in 2 place(s)" in text
    assert "    - 36\n    + 35" in text


def test_keys_added_removed_and_a_changed_type(tmp_path: Path) -> None:
    before = _report(currency="SEK", pages=3)
    after = _report(lang="sv", pages="3")
    _, _, groups = _run(tmp_path, before, after)
    assert {group: entry["kinds"] for group, entry in groups.items()} == {
        "currency": {"removed": 1},
        "pages": {"changed": 1},
        "lang": {"added": 1},
    }
    assert groups["pages"]["examples"][0] == {
        "path": "pages",
        "kind": "changed",
        "before": "3",
        "after": '"3"',
    }


def test_ignore_drops_paths_by_pattern(tmp_path: Path) -> None:
    before = _report()
    after = _report(generated="2026-12-04T00:00:00Z")
    after["sections"][0]["blocks"][1]["rows"][0][1] = 421
    status, _, groups = _run(tmp_path, before, after, "--ignore", "generated")
    assert status == 1
    # a block among blocks without ids is aligned by position and named by its id too
    assert [e["path"] for entry in groups.values() for e in entry["examples"]] == [
        "sections[id=summary].blocks[1:id=figures].rows[0][1]"
    ]
    assert list(groups) == ["sections[id=summary].blocks[id=figures].rows[*][1]"]
    # a grouped path, brackets and ids as written, matches too
    status, _, groups = _run(
        tmp_path,
        before,
        after,
        "--ignore",
        "generated",
        "--ignore",
        "sections[id=summary].blocks[id=figures].rows[*][1]",
    )
    assert (status, groups) == (0, {})
    # and so does a wildcard over the rest of a path
    status, _, _ = _run(tmp_path, before, after, "--ignore", "gen*", "--ignore", "sections*")
    assert status == 0


def test_a_long_text_is_shown_around_its_first_difference(tmp_path: Path) -> None:
    words = " ".join(f"word{i}" for i in range(200))
    before = _report(text=words + " the plan ends 11/03/2030 (166 weeks).")
    after = _report(text=words + " the plan ends 04/03/2030 (165 weeks).")
    _, _, groups = _run(tmp_path, before, after)
    example = groups["text"]["examples"][0]
    assert example["before"].startswith("…") and example["after"].startswith("…")
    assert "ends 11/03/2030 (166 weeks)." in example["before"]
    assert "ends 04/03/2030 (165 weeks)." in example["after"]
    assert len(example["before"]) <= compare.EXCERPT + 2


def test_examples_limits_what_is_shown_not_what_is_counted(tmp_path: Path) -> None:
    before = _report(values=list(range(10)))
    after = _report(values=[value + 1 for value in range(10)])
    _, text, groups = _run(tmp_path, before, after, "--examples", "2")
    assert groups["values[0]"]["count"] == 1  # cells of a list of numbers keep their place
    assert len(groups) == 10
    rows_before = _report(rows=[[i, "x"] for i in range(6)])
    rows_after = _report(rows=[[i, "y"] for i in range(6)])
    _, text, groups = _run(tmp_path, rows_before, rows_after, "--examples", "2")
    assert groups["rows[*][1]"]["count"] == 6
    assert len(groups["rows[*][1]"]["examples"]) == 2
    assert "… and 4 more" in text


def test_an_unreadable_file_is_exit_status_2(tmp_path: Path) -> None:
    (tmp_path / "broken.json").write_text("{not json", encoding="utf-8")
    result = subprocess.run(
        [sys.executable, str(SCRIPT), str(tmp_path / "broken.json"), str(tmp_path / "none")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 2
    assert result.stderr.startswith("compare_report_json: ")


@pytest.mark.parametrize(
    ("before", "after", "expected"),
    [
        # rows of a stretch that changed length are paired by their first cell
        (
            [["L09", "Host registration", 12], ["L10", "Link upgrade", 2]],
            [["L09", "Host registration", 4], ["L10b", "Host retirement", 10], ["L10", "Link", 2]],
            [
                ("rows[0][2]", "changed"),
                ("rows[1][1]", "changed"),
                ("rows[1]", "added"),
            ],
        ),
        # a running number in the first column: the rows after one removed are the same rows
        (
            [["I1", "esx01", 16], ["I2", "srv-app01", 6], ["I3", "srv-app02", 6]],
            [["I1", "srv-app01", 6], ["I2", "srv-app02", 6]],
            [("rows[0]", "removed"), ("rows[1][0]", "changed"), ("rows[2][0]", "changed")],
        ),
        # objects without ids are aligned like lines
        ([{"a": 1}, {"a": 2}], [{"a": 2}], [("rows[0]", "removed")]),
    ],
)
def test_differences_in_document_order(
    before: list[Any], after: list[Any], expected: list[tuple[str, str]]
) -> None:
    found = [(d.path, d.kind) for d in compare.differences({"rows": before}, {"rows": after})]
    assert found == expected
