"""The report reads the study's and the gap's results as typed objects (issue 16).

The report once turned ``StudyResults`` back into a dict (``to_json()``), read it with
``.get()`` chains and validated it again where it needed the model; the costed
alternatives were read as ``to_dict("records")`` rows by column name; the assumptions
table stored its units as English text with the currency filled in, mapped back by the
report. Now ``ReportInputs.study`` is the ``StudyResults``, the costed rows are
``study.costed.CostedAlternative`` and the assumptions store a unit key and the currency.
"""

from __future__ import annotations

import ast
import datetime as dt
import os
from pathlib import Path

import pytest

from inventory.gap.assumptions import ASSUMPTION_UNITS, CURRENCY_HOUR, YEARS, assumptions_table
from inventory.language.i18n import Lang
from inventory.render.document import Table
from inventory.report.builder import ReportInputs, analyse_inventory
from inventory.report.costs import assumptions_table as assumptions_section_table
from inventory.snapshot import InventorySnapshot
from inventory.study.costed import costed_alternatives
from inventory.study.results import StudyResults
from inventory.target.model import TargetArchitecture

REPORT = Path(__file__).resolve().parents[2] / "inventory" / "report"
AS_OF = dt.date(2026, 11, 23)

# -- the check: no dict round trip of a result in inventory/report/ ---------------------------

#: Calls that turn a typed result into a dict (or back): the report never needs them.
_ROUND_TRIPS = frozenset({"to_json", "model_dump", "model_dump_json", "asdict", "model_validate"})
#: Parameter names that hold a study's or a gap's results.
_RESULT_NAMES = ("study", "results", "costed", "alternatives", "found")


def _string_key(node: ast.AST) -> bool:
    return isinstance(node, ast.Subscript) and (
        isinstance(node.slice, ast.Constant) and isinstance(node.slice.value, str)
    )


def _get_call(node: ast.AST) -> bool:
    return (
        isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr == "get"
    )


def _untyped(annotation: ast.AST) -> bool:
    """``dict[...]``, ``Mapping[...]``, ``Any`` (also ``X | None``): no attribute to check."""
    text = ast.unparse(annotation)
    return any(word in text for word in ("dict[", "Mapping[", "Any", "dict |", "Mapping |"))


def dict_round_trips(source: str, name: str = "<source>") -> list[str]:
    """Where ``source`` turns a result into a dict and reads it by key: a round-trip call
    (``to_json()``, ``model_dump()``, ``asdict()``, ``model_validate()``), a ``.get()``
    chain or a ``.get()`` on a string-keyed subscript, a string key on a string key
    (``x["a"]["b"]`` on a dict), the costed alternatives' table read as dict records, and
    a parameter for a result typed as a dict, ``Mapping`` or ``Any``."""
    found = []
    for node in ast.walk(ast.parse(source)):
        where = f"{name}:{getattr(node, 'lineno', 0)}"
        if isinstance(node, ast.Call):
            called = node.func
            callee = (
                called.attr
                if isinstance(called, ast.Attribute)
                else called.id
                if isinstance(called, ast.Name)
                else ""
            )
            if callee in _ROUND_TRIPS:
                found.append(f"{where}: {callee}()")
            if (
                _get_call(node)
                and isinstance(called, ast.Attribute)
                and (_get_call(called.value) or _string_key(called.value))
            ):
                found.append(f"{where}: .get() chain {ast.unparse(node)}")
            if (
                callee == "to_dict"
                and isinstance(called, ast.Attribute)
                and isinstance(called.value, ast.Attribute)
                and called.value.attr == "table"
            ):
                found.append(f"{where}: costed rows as dicts {ast.unparse(node)}")
        if isinstance(node, ast.Subscript) and _string_key(node) and _string_key(node.value):
            found.append(f"{where}: nested string keys {ast.unparse(node)}")
        if isinstance(node, ast.FunctionDef):
            arguments = [*node.args.posonlyargs, *node.args.args, *node.args.kwonlyargs]
            for argument in arguments:
                annotation = argument.annotation
                if (
                    argument.arg in _RESULT_NAMES
                    and annotation is not None
                    and _untyped(annotation)
                ):
                    found.append(f"{where}: {argument.arg} typed as {ast.unparse(annotation)}")
    return found


def test_the_report_reads_no_result_as_a_dict() -> None:
    modules = sorted(REPORT.glob("*.py"))
    assert len(modules) > 10  # the check reads the package
    found = [
        problem
        for module in modules
        for problem in dict_round_trips(module.read_text("utf-8"), module.name)
    ]
    assert found == []


def test_the_check_finds_the_old_dict_reading() -> None:
    """What report/ did before (decision.py, builder.py, board.py), each found."""
    old = """
def study_target_files(study: dict[str, Any]) -> list[str]:
    files = [
        option.get("target")
        for result in study.get("alternatives", [])
        for option in result.get("ranking", [])
    ]
    return files

def recommendation_figure(study: Mapping[str, Any] | None, found, lang): ...

def analyse(folder):
    study = study_results(folder).to_json()
    results = StudyResults.model_validate(dict(study))
    first = study.get("alternatives", {}).get("ranking")
    name = study["alternatives"]["name"]
    rows = [row["one_time_expected"] for row in costed.table.to_dict("records")]
"""
    found = dict_round_trips(old)
    kinds = sorted(problem.split(": ", 1)[1].split(" ", 1)[0] for problem in found)
    assert kinds == sorted(
        [
            "study",  # study: dict[str, Any]
            "study",  # study: Mapping[str, Any] | None
            "to_json()",
            "model_validate()",
            ".get()",  # .get("alternatives", {}).get("ranking")
            "nested",  # study["alternatives"]["name"]
            "costed",  # costed.table.to_dict("records")
        ]
    ), found
    # a dict of the report's own (a row it builds) is no result: not found
    assert dict_round_trips('row = {"a": 1}\nvalue = row["a"]\nnames.get(code, code)\n') == []


# -- the samples: the study typed, the costed rows typed --------------------------------------


@pytest.fixture(scope="module")
def samples_inputs(
    sample_snapshot: InventorySnapshot, sample_target: TargetArchitecture, samples_dir: Path
) -> ReportInputs:
    return analyse_inventory(
        sample_snapshot, sample_target, as_of=AS_OF, study_folder=samples_dir / "study"
    )


@pytest.fixture(scope="module")
def samples_dir() -> Path:
    return Path(__file__).resolve().parents[2] / "samples"


def test_the_report_holds_the_study_results_and_reads_costed_rows_typed(
    samples_inputs: ReportInputs, samples_dir: Path
) -> None:
    assert isinstance(samples_inputs.study, StudyResults)
    costed = samples_inputs.alternatives
    assert costed is not None
    table = costed.table
    rows = costed_alternatives(table)
    assert [row.file for row in rows] == list(table["file"])
    # the lead (1 Tjänst) names ../alternatives/target-s.yaml: its figures are that row's
    found = samples_inputs.recommendation()
    assert found is not None and found.lead_id == "1-tjanst" and found.cost is not None
    wanted = os.path.normpath(str(samples_dir / "alternatives" / "target-s.yaml"))
    at = [os.path.normpath(str(file)) for file in table["file"]].index(wanted)
    assert found.cost.one_time_expected == float(table["one_time_expected"].iloc[at])
    assert found.cost.one_time_low == float(table["one_time_low"].iloc[at])
    assert found.cost.scope == str(table["scope"].iloc[at])
    assert rows[at].effort_hours == float(table["effort_hours"].iloc[at])
    assert rows[at].high_risks == int(table["high_risks"].iloc[at])
    # the report's own target is last, with no file
    assert samples_inputs.target is not None
    assert rows[-1].file == "" and rows[-1].alternative == samples_inputs.target.name


# -- the assumptions' units: a key and the currency, written in the reader's language ---------


def test_the_assumptions_store_a_unit_key_and_the_currency(
    sample_target: TargetArchitecture,
) -> None:
    table = assumptions_table(sample_target, None).set_index("parameter")
    assert set(table["unit"]) <= set(ASSUMPTION_UNITS)
    assert set(table["currency"]) == {"SEK"}  # samples/target.yaml's currency
    assert table.at["efforts.hourly_rate", "unit"] == CURRENCY_HOUR
    assert table.at["economics.horizon_years", "unit"] == YEARS
    # samples/target.yaml: Microsoft 365 E3 per user, Veeam per server, TOPdesk per organisation
    assert table.at["economics.running.lines.Microsoft 365 E3", "unit"] == "currency_user_year"
    assert table.at["economics.running.lines.Veeam Data Platform", "unit"] == (
        "currency_server_year"
    )
    assert table.at["economics.running.lines.TOPdesk", "unit"] == "currency_organisation_year"


@pytest.mark.parametrize(
    ("lang", "rate", "user", "organisation", "horizon"),
    [
        ("en", "SEK/hour", "SEK/user/year", "SEK/organisation/year", "years"),
        ("sv", "SEK/timme", "SEK/användare/år", "SEK/organisation/år", "år"),
        ("no", "SEK/time", "SEK/bruker/år", "SEK/organisasjon/år", "år"),
    ],
)
def test_the_report_writes_each_unit_in_its_language(
    samples_inputs: ReportInputs, lang: Lang, rate: str, user: str, organisation: str, horizon: str
) -> None:
    gap = samples_inputs.gap
    assert gap is not None and gap.business_case is not None
    table: Table = assumptions_section_table(gap.business_case, lang)
    keys = [column.key for column in table.columns]
    unit = {row[keys.index("parameter")]: row[keys.index("unit")] for row in table.rows}
    assert unit["efforts.hourly_rate"] == rate
    assert unit["economics.running.lines.Microsoft 365 E3"] == user
    assert unit["economics.running.lines.TOPdesk"] == organisation
    assert unit["economics.horizon_years"] == horizon
