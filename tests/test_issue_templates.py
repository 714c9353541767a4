"""One message template per issue code (and situation), in every language.

Every issue code the package uses has its templates (``issues.TEMPLATES``) in English,
Swedish and Norwegian with the same placeholders; every situation and sentence part the
code names is declared; the same problem (an empty file) reads the same wherever it is
found; the English line of an issue is ``str(issue)``.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from openpyxl import Workbook

from inventory.issues import (
    TEMPLATES,
    Issue,
    IssueCode,
    Severity,
    issue_line,
    issue_texts,
    template_key,
)
from inventory.language.catalogues import placeholders
from inventory.language.i18n import translations
from inventory.read import read_table
from inventory.read.units import Dimension
from inventory.validate.values import _LANGUAGE_NAMES
from inventory.yamlfile import read_yaml_file

PACKAGE = Path(__file__).resolve().parents[1] / "inventory"


def _trees() -> list[tuple[Path, ast.Module]]:
    return [
        (path, ast.parse(path.read_text(encoding="utf-8")))
        for path in sorted(PACKAGE.rglob("*.py"))
    ]


def _texts(key: str) -> dict[str, str]:
    """The texts of ``key``; of a plural message (``key.one``/``key.other``) the form for
    many, after checking that the form for one has the same placeholders."""
    texts = translations(key)
    if not any(texts.values()) and any(translations(f"{key}.one").values()):
        one, texts = translations(f"{key}.one"), translations(f"{key}.other")
        for lang, text in one.items():
            assert text and placeholders(text) == placeholders(texts[lang]), (key, lang)
    return {str(lang): text for lang, text in texts.items()}


def test_every_template_has_its_message_in_every_language_with_the_same_placeholders() -> None:
    for code, situations in TEMPLATES.items():
        for situation in situations:
            stem = template_key(code, situation)
            message, hint = _texts(f"{stem}.message"), _texts(f"{stem}.hint")
            assert all(message.values()), (stem, message)
            assert len({frozenset(placeholders(text)) for text in message.values()}) == 1, stem
            assert all(hint.values()) or not any(hint.values()), (stem, hint)
            assert len({frozenset(placeholders(text)) for text in hint.values()}) == 1, stem
            for lang in ("sv", "no"):  # translated, unless the template is placeholders only
                words = message["en"]
                for name in placeholders(words):
                    words = words.replace("{" + name + "}", "")
                if any(ch.isalpha() for ch in words):
                    assert message[lang] != message["en"], (stem, lang)


def test_every_issue_code_named_in_the_package_has_templates() -> None:
    named: set[str] = set()
    for _, tree in _trees():
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Attribute)
                and isinstance(node.value, ast.Name)
                and node.value.id == "IssueCode"
            ):
                named.add(node.attr)
    assert named, "no IssueCode found: the scan is broken"
    assert sorted(name for name in named if IssueCode[name] not in TEMPLATES) == []
    assert sorted(code.value for code in IssueCode if code not in TEMPLATES) == []


def test_every_situation_and_sentence_part_named_in_the_package_exists() -> None:
    """Literal situations of ``template_key`` and literal ``issue.…`` keys of messages."""
    situations = parts = 0
    for path, tree in _trees():
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            name = getattr(node.func, "id", getattr(node.func, "attr", None))
            args = node.args
            for code, situation in _literal_situations(name, node):
                assert situation in TEMPLATES[code], (path.name, node.lineno, situation)
                situations += 1
            if (
                name == "Message"
                and args
                and isinstance(args[0], ast.Constant)
                and str(args[0].value).startswith("issue.")
            ):
                assert all(_texts(str(args[0].value)).values()), (path.name, args[0].value)
                parts += 1
    assert situations > 40 and parts > 15


#: Helpers that take a situation of a fixed code: name -> (code, position of the situation).
_FIXED = {
    "_too_large": (IssueCode.WORKBOOK_TOO_LARGE, 1),
    "_unreadable": (IssueCode.UNREADABLE_WORKBOOK, 1),
}


def _literal_situations(name: str | None, call: ast.Call) -> list[tuple[IssueCode, str]]:
    """The code and literal situations of ``template_key(IssueCode.X, "s")`` (both of
    ``"s" if … else "t"``), ``Problem(IssueCode.X, params, "s")``,
    ``_issue(IssueCode.X, file, "s")``, the workbook helpers and the mapping profile's
    ``_profile_issue(path, line, "s", params, code=IssueCode.X)`` (invalid-yaml by
    default)."""
    args = call.args
    if name in _FIXED:
        code, position = _FIXED[name]
    elif (
        name in ("template_key", "Problem", "_issue")
        and args
        and isinstance(args[0], ast.Attribute)
        and getattr(args[0].value, "id", None) == "IssueCode"
    ):
        code, position = IssueCode[args[0].attr], {"template_key": 1}.get(name, 2)
    elif name == "_profile_issue":
        code, position = IssueCode.INVALID_YAML, 2
        for keyword in call.keywords:
            if keyword.arg == "code" and isinstance(keyword.value, ast.Attribute):
                code = IssueCode[keyword.value.attr]
    else:
        return []
    argument = args[position] if len(args) > position else None
    branches = [argument.body, argument.orelse] if isinstance(argument, ast.IfExp) else [argument]
    return [
        (code, branch.value)
        for branch in branches
        if isinstance(branch, ast.Constant) and isinstance(branch.value, str)
    ]


def test_no_issue_of_the_readers_and_validation_is_english_text_only() -> None:
    """Every ``Issue(...)`` built in ``inventory/read`` (adapters and mapping profiles
    included) and ``inventory/validate`` that is given a ``message`` also carries its
    ``template``: none reads in English whatever the language."""
    calls = 0
    for path, tree in _trees():
        relative = path.relative_to(PACKAGE).parts
        if relative[0] not in ("read", "validate"):
            continue
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "Issue":
                calls += 1
                keywords = {keyword.arg for keyword in node.keywords}
                assert "message" not in keywords or "template" in keywords, (
                    "/".join(relative),
                    node.lineno,
                )
    assert calls > 30


def test_terms_in_issues_are_in_every_language() -> None:
    for dimension in Dimension:
        assert all(_texts(f"code.issue_dimension.{dimension.value}").values()), dimension
    for dimension in (Dimension.DATA_RATE, Dimension.DATA, Dimension.POWER, Dimension.RACK_UNITS):
        assert all(_texts(f"code.issue_units.{dimension.value}").values()), dimension
    assert all(_texts("code.issue_units.memory").values())
    for language in _LANGUAGE_NAMES:
        assert all(_texts(f"code.issue_language.{language}").values()), language


def test_an_undeclared_situation_is_refused() -> None:
    with pytest.raises(ValueError, match="no issue template empty-file nowhere"):
        template_key(IssueCode.EMPTY_FILE, "nowhere")


def test_the_english_line_is_the_issue_as_text_and_the_others_use_the_template() -> None:
    issue = Issue(
        code=IssueCode.INVALID_NUMBER,
        file="gnosjo/servrar.csv",
        line=3,
        row=2,
        column="RAM",
        column_index=4,
        value="3x",
        params={"text": "'3x'"},
    )
    assert (
        issue_line(issue, "en")
        == str(issue)
        == (
            "error invalid-number at gnosjo/servrar.csv:3, row 2, column 'RAM' (#4): '3x' is not"
            " a number. Hint: Write digits with a decimal comma or point (3,5 or 3.5); thousands"
            " may be separated by a space (1 024). Leave the cell empty when the value is"
            " unknown."
        )
    )
    assert issue_line(issue, "sv").startswith(
        "fel invalid-number vid gnosjo/servrar.csv:3, rad 2, kolumn 'RAM' (#4): '3x' är inte"
        " ett tal. Tips: Skriv siffror med decimalkomma"
    )
    assert issue_line(issue, "no").startswith(
        "feil invalid-number ved gnosjo/servrar.csv:3, rad 2, kolonne 'RAM' (#4): '3x' er"
        " ikke et tall. Tips: Skriv sifre med desimalkomma"
    )
    assert issue.model_dump(mode="json")["params"] == {"text": "'3x'"}


def test_a_message_given_as_text_reads_the_same_in_every_language() -> None:
    issue = Issue(code=IssueCode.INVALID_VALUE, message="Something else.", hint="Do this.")
    assert issue.template is None
    assert issue_texts(issue, "sv") == issue_texts(issue, "en") == ("Something else.", "Do this.")


def test_numbers_in_a_message_are_written_the_language_s_way() -> None:
    issue = Issue(
        code=IssueCode.TOO_MANY_ISSUES, severity=Severity.INFO, params={"count": 12345, "cap": 1000}
    )
    assert issue.message == "12,345 more issues were not listed (the cap is 1,000)."
    assert issue_texts(issue, "sv")[0] == (
        "12\xa0345 problem till listades inte (gränsen är 1\xa0000)."
    )


def test_the_empty_file_issue_reads_the_same_wherever_it_is_found(tmp_path: Path) -> None:
    """An empty CSV file, an empty workbook file, an empty sheet and an empty YAML file."""
    (tmp_path / "sites.csv").write_bytes(b"")
    (tmp_path / "servers.xlsx").write_bytes(b"  \n")
    book = Workbook()
    book.worksheets[0].title = "Servrar"
    book.save(tmp_path / "book.xlsx")
    (tmp_path / "target.yaml").write_text("# nothing yet\n", encoding="utf-8")
    found = [
        read_table(tmp_path / "sites.csv", "site", "gnosjo")[1],
        read_table(tmp_path / "servers.xlsx", "server", "gnosjo")[1],
        read_table(tmp_path / "book.xlsx", "server", "gnosjo")[1],
        read_yaml_file(tmp_path / "target.yaml")[1],
    ]
    issues = [issue for each in found for issue in each if issue.code is IssueCode.EMPTY_FILE]
    assert len(issues) == 4
    assert {(issue.message, issue.hint) for issue in issues} == {
        (
            "The file or sheet is empty: there is nothing to read.",
            "Fill it in (an inventory file: the header row and one row per record), or remove it.",
        )
    }
    assert [issue.sheet for issue in issues] == [None, None, "Servrar", None]
    assert issues[2].place == f"{tmp_path / 'book.xlsx'}[Servrar]"
    assert {issue_texts(issue, "no") for issue in issues} == {
        (
            "Filen eller arket er tomt: det er ingenting å lese.",
            "Fyll den ut (en kartleggingsfil: overskriftsraden og én rad per post), eller fjern"
            " den.",
        )
    }
