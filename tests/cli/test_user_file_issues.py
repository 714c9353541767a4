"""A user's alias file, review file or lifecycle overrides file that is invalid is reported
the one way invalid input is: ``InvalidInputError`` carrying issues with their code, file
and line (templates in en/sv/no), printed one line each by the command line; nothing is
computed or written."""

from __future__ import annotations

from pathlib import Path

import pytest

from inventory.analyse.aliases import AliasFileError
from inventory.analyse.catalogue import LifecycleOverridesError
from inventory.analyse.lifecycle import lifecycle_normaliser
from inventory.analyse.normalise import Normaliser
from inventory.issues import InvalidInputError, IssueCode
from tests.cli.conftest import Run

#: Two problems: a cycle the catalogue does not know without its eol (the entry starts on
#: line 2) and a product that is in no catalogue, without a title (line 5).
OVERRIDES = """cycles:
  - product: ios
    cycle: '28'
    source: x
  - product: windws
    cycle: '11'
    eol: 2030-01-01
    source: x
  - product: ios
    cycle: '28'
    eol: 2031-01-01
    source: y
"""

#: A review file: a decision that is no product id on line 3, an empty product on line 4.
REVIEW = "decision,product,version\n,Foo,1\nno such id,Windws Servr,2019\nwindows-server,,\n"


def _places(error: InvalidInputError) -> list[tuple[IssueCode, str | None, int | None]]:
    return [(issue.code, issue.file, issue.line) for issue in error.issues]


def test_an_overrides_file_lists_every_problem_with_code_and_line(tmp_path: Path) -> None:
    path = tmp_path / "overrides.yaml"
    path.write_text(OVERRIDES, encoding="utf-8")
    with pytest.raises(LifecycleOverridesError) as raised:
        lifecycle_normaliser(None, path)
    assert isinstance(raised.value, InvalidInputError)
    assert _places(raised.value) == [
        (IssueCode.MISSING_VALUE, str(path), 2),
        (IssueCode.INVALID_VALUE, str(path), 5),
        (IssueCode.DUPLICATE_KEY, str(path), 9),
    ]
    assert str(raised.value) == f"{path} is invalid (3 errors)."
    assert "Cycle '28' of 'ios' is new: give its eol." in raised.value.issues[0].message


def test_a_review_file_lists_every_problem_with_code_line_and_column(tmp_path: Path) -> None:
    path = tmp_path / "review.csv"
    path.write_text(REVIEW, encoding="utf-8")
    with pytest.raises(AliasFileError) as raised:
        Normaliser.default(path)
    assert isinstance(raised.value, InvalidInputError)
    assert _places(raised.value) == [
        (IssueCode.INVALID_VALUE, str(path), 3),
        (IssueCode.MISSING_VALUE, str(path), 4),
    ]
    assert [issue.column for issue in raised.value.issues] == ["decision", "product"]


def test_an_alias_file_of_bad_yaml_is_an_invalid_yaml_issue(tmp_path: Path) -> None:
    path = tmp_path / "aliases.yaml"
    path.write_text("products:\n  - id: ok\n    names: [A\n  - id: b\n", encoding="utf-8")
    with pytest.raises(AliasFileError) as raised:
        Normaliser.default(path)
    assert _places(raised.value) == [(IssueCode.INVALID_YAML, str(path), 4)]


def test_export_with_a_bad_overrides_file_prints_each_issue_and_writes_nothing(
    inventory: Run, samples_db: str, samples_dir: Path, tmp_path: Path
) -> None:
    overrides = tmp_path / "overrides.yaml"
    overrides.write_text(OVERRIDES, encoding="utf-8")
    out = tmp_path / "model.xml"
    ran = inventory(
        "--db",
        samples_db,
        "export",
        "archimate",
        "--target",
        str(samples_dir / "target.yaml"),
        "--out",
        str(out),
        "--lifecycle-overrides",
        str(overrides),
    )
    assert ran.code == 1
    assert f"error missing-value at {overrides}:2: Cycle '28' of 'ios' is new" in ran.stderr
    assert f"error invalid-value at {overrides}:5: Product 'windws' is not" in ran.stderr
    assert f"error duplicate-key at {overrides}:9: Cycle '28' of 'ios' is given" in ran.stderr
    assert f"{overrides} is invalid (3 errors)." in ran.stderr
    assert not out.exists() and list(tmp_path.iterdir()) == [overrides]


@pytest.mark.parametrize(
    ("lang", "words"),
    [
        ("sv", ["fel invalid-value vid", "kolumn 'decision'", "är inget känt produkt-id"]),
        ("no", ["feil invalid-value ved", "kolonne 'decision'", "er ingen kjent produkt-id"]),
    ],
)
def test_normalise_with_a_bad_review_file_speaks_the_language_and_writes_nothing(
    inventory: Run, samples_db: str, tmp_path: Path, lang: str, words: list[str]
) -> None:
    review = tmp_path / "review.csv"
    review.write_text(REVIEW, encoding="utf-8")
    out = tmp_path / "new-review.csv"
    ran = inventory(
        "--db",
        samples_db,
        "--lang",
        lang,
        "normalise",
        "--aliases",
        str(review),
        "--review-file",
        str(out),
    )
    assert ran.code == 1
    for word in words:
        assert word in ran.stderr, ran.stderr
    assert f"{review}:3" in ran.stderr and f"{review}:4" in ran.stderr
    assert not out.exists()
