"""The deliberately broken sample (tests/data/broken-samples): each mistake, its code and place."""

from __future__ import annotations

from pathlib import Path

from inventory.validate import validate_paths

BROKEN = Path(__file__).resolve().parents[1] / "data" / "broken-samples"


def test_each_planted_mistake_is_reported_at_its_place() -> None:
    batch = validate_paths([BROKEN])
    assert not batch.report.valid
    found = {
        (issue.code.value, Path(str(issue.file)).name, issue.line, issue.column)
        for issue in batch.report.issues
    }
    assert found == {
        ("unknown-header", "servrar.csv", 1, "värdnman"),
        ("dangling-reference", "servrar.csv", 4, "plats"),
        ("ambiguous-date", "servrar.csv", 5, "inköpsdatum"),
        ("duplicate-key", "servrar.csv", 6, "server-id"),
    }
    values = {issue.code.value: issue.value for issue in batch.report.issues}
    assert (values["dangling-reference"], values["ambiguous-date"]) == ("SR9", "3/5/2024")
