"""Every command is thin: it parses its options, makes one library call and presents the
result (issue 16 item 2, as sqlite-utils' commands are).

Read with ``ast``: for every command function of ``inventory/cli/commands/*.py`` (those
``register`` hands to typer or decorated with ``.command``), the calls into ``inventory.*``
along each way through the function (an ``if`` and its ``else`` are two ways, a ``return``
ends one), the module's own helpers followed. A call into the command line's own
packages, the language and wording, errors and issues, or one of the named option
readers and presentation helpers below is not a library call. More than one library
call on one way fails the test, unless the command is listed in ``EXCEPTIONS`` with
the reason.
"""

from __future__ import annotations

import ast
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import pytest

COMMANDS = Path(__file__).resolve().parents[2] / "inventory" / "cli" / "commands"

#: Packages whose calls are presentation or wording, never a library call: the command
#: line itself, the messages and their language, text escaping, errors raised to the
#: user, issues printed (their line, severity word, a report of the warnings).
PRESENTATION_PACKAGES = ("cli", "language", "messages", "echo", "errors", "issues")

#: Calls that turn an option's value or file into the library's input (parsing options).
OPTION_READERS = {
    # --aliases / --overrides files -> the normaliser the analysis takes
    "inventory.analyse.lifecycle.lifecycle_normaliser",
    "inventory.analyse.normalise.Normaliser.default",
    # propose-target --efforts FILE -> the efforts the proposal takes
    "inventory.target.model.load_efforts",
    # study allocate --total/--key, synth's options -> the typed input
    "inventory.study.inputs.CostToShare",
    "inventory.synth.generate.SynthOptions",
    # synth's --rate values checked
    "inventory.synth.rates.rate_problem",
}

#: Calls that present a result (a table as CSV on standard output, money as the report
#: writes it, a note in the reader's language).
PRESENTERS = {
    "inventory.render.csv_safe.write_frame_csv",
    "inventory.gap.money.format_range",
    "inventory.gap.money.MoneyRange",
    "inventory.gap.money.MoneyRange.exact",
    "inventory.analyse.lifecycle.note_message",
}

#: Test hooks (the importer's named pause points), not work.
HOOKS = {"inventory.store.faults.fault_point"}

#: The interpreter's set-up for what a command loads (the garbage collector paused while
#: the libraries are imported), not work.
INTERPRETER = {"inventory.heap.no_cyclic_gc"}

#: Commands that still make more than one library call on one way, each with its reason.
#: Remove an entry when its command is made thin (the test then fails on a stale entry).
EXCEPTIONS: dict[str, str] = {}


@dataclass
class Module:
    """One command module: its functions and the names its imports bind."""

    path: Path
    functions: dict[str, ast.FunctionDef]
    imported: dict[str, str] = field(default_factory=dict)

    @classmethod
    def read(cls, path: Path) -> Module:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        functions = {node.name: node for node in tree.body if isinstance(node, ast.FunctionDef)}
        module = cls(path, functions)
        module.imported = _imports(node for node in tree.body)
        return module

    def commands(self) -> list[str]:
        """The functions typer runs: ``@x.command(...)`` or ``x.command(...)(f)``."""
        names = [
            name
            for name, function in self.functions.items()
            if any(_is_command_call(decorator) for decorator in function.decorator_list)
        ]
        for node in ast.walk(self.functions.get("register", ast.Pass())):
            if (
                isinstance(node, ast.Call)
                and _is_command_call(node.func)
                and node.args
                and isinstance(node.args[0], ast.Name)
            ):
                names.append(node.args[0].id)
        return names

    def library_calls(self, name: str, seen: frozenset[str] = frozenset()) -> int:
        """The most library calls on one way through function ``name`` (helpers of the
        module followed)."""
        function = self.functions[name]
        names = dict(self.imported)
        names.update(_imports([function]))
        ways = _ways(function.body, names, self, seen | {name})
        return max((len(way) for way, _ in ways), default=0)


def _is_command_call(node: ast.expr) -> bool:
    return (
        isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr == "command"
    )


def _imports(nodes: Iterable[ast.AST]) -> dict[str, str]:
    """Local name -> the ``inventory.*`` module it was imported from."""
    names: dict[str, str] = {}
    for node in nodes:
        for sub in ast.walk(node):
            if isinstance(sub, ast.ImportFrom) and sub.level == 0 and sub.module:
                if sub.module.split(".")[0] == "inventory":
                    for alias in sub.names:
                        names[alias.asname or alias.name] = f"{sub.module}.{alias.name}"
            elif isinstance(sub, ast.Import):
                for alias in sub.names:
                    if alias.name.split(".")[0] == "inventory" and alias.asname:
                        names[alias.asname] = alias.name
    return names


def _is_library(qualified: str) -> bool:
    package = qualified.split(".")[1] if qualified.count(".") else ""
    if package in PRESENTATION_PACKAGES:
        return False
    return qualified not in OPTION_READERS | PRESENTERS | HOOKS | INTERPRETER


#: One way through a function: the library calls on it, and whether it ended (return).
Way = tuple[frozenset[str], bool]


def _calls_in(
    node: ast.AST, names: dict[str, str], module: Module, seen: frozenset[str]
) -> set[str]:
    """The library calls in an expression or a simple statement (helpers followed, their
    most expensive way taken)."""
    calls: set[str] = set()
    for sub in ast.walk(node):
        if not isinstance(sub, ast.Call):
            continue
        func = sub.func
        qualified = None
        if isinstance(func, ast.Name) and func.id in names:
            qualified = names[func.id]
        elif (
            isinstance(func, ast.Attribute)
            and isinstance(func.value, ast.Name)
            and func.value.id in names
        ):
            qualified = f"{names[func.value.id]}.{func.attr}"
        elif isinstance(func, ast.Name) and func.id in module.functions and func.id not in seen:
            helper = module.functions[func.id]
            helper_names = dict(module.imported)
            helper_names.update(_imports([helper]))
            ways = _ways(helper.body, helper_names, module, seen | {func.id})
            if ways:
                calls |= max((way for way, _ in ways), key=len)
        if qualified is not None and _is_library(qualified):
            calls.add(qualified)
    return calls


def _ways(
    body: list[ast.stmt], names: dict[str, str], module: Module, seen: frozenset[str]
) -> list[Way]:
    """Every way through ``body``: an ``if`` splits it, a ``return`` or ``raise`` ends one."""
    ways: list[Way] = [(frozenset(), False)]
    for statement in body:
        if isinstance(statement, ast.If):
            test = _calls_in(statement.test, names, module, seen)
            branches = _ways(statement.body, names, module, seen) + _ways(
                statement.orelse, names, module, seen
            )
            ways = [
                (way | test | branch, ended)
                for way, done in ways
                for branch, ended in (branches if not done else [(frozenset(), True)])
            ]
        elif isinstance(statement, ast.Try):
            inner = _ways(statement.body, names, module, seen)
            for handler in statement.handlers:
                inner += _ways(handler.body, names, module, seen)
            after = _ways(statement.finalbody, names, module, seen)
            ways = [
                (way | branch | last, ended or end)
                for way, done in ways
                for branch, ended in (inner if not done else [(frozenset(), True)])
                for last, end in after
            ]
        elif isinstance(statement, (ast.With, ast.For, ast.While)):
            head = set()
            if isinstance(statement, ast.With):
                for item in statement.items:
                    head |= _calls_in(item.context_expr, names, module, seen)
            else:
                head |= _calls_in(
                    statement.iter if isinstance(statement, ast.For) else statement.test,
                    names,
                    module,
                    seen,
                )
            inner = _ways(statement.body, names, module, seen)
            ways = [
                (way | head | branch, ended)
                for way, done in ways
                for branch, ended in (inner if not done else [(frozenset(), True)])
            ]
        elif isinstance(statement, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            continue  # a nested definition runs when called (its calls are in its caller)
        else:
            calls = _calls_in(statement, names, module, seen)
            ends = isinstance(statement, (ast.Return, ast.Raise))
            ways = [(way if done else way | calls, done or ends) for way, done in ways]
    return ways


def _all_commands() -> list[tuple[str, Module]]:
    found = []
    for path in sorted(COMMANDS.glob("*.py")):
        module = Module.read(path)
        found += [(f"{path.stem}.{name}", module) for name in module.commands()]
    return found


ALL = _all_commands()


def test_every_command_module_is_read() -> None:
    """Every command module has its commands found (none slips past the test)."""
    modules = {name.split(".")[0] for name, _ in ALL}
    expected = {path.stem for path in COMMANDS.glob("*.py")} - {"__init__"}
    assert modules == expected
    assert len(ALL) >= 27  # 23 commands, study's six sub-commands, mapping's two


@pytest.mark.parametrize(("command", "module"), ALL, ids=[name for name, _ in ALL])
def test_one_library_call(command: str, module: Module) -> None:
    calls = module.library_calls(command.split(".", 1)[1])
    if command in EXCEPTIONS:
        assert calls > 1, f"{command} is thin now: remove it from EXCEPTIONS"
    else:
        assert calls <= 1, f"{command} makes {calls} library calls on one way"


def _counted(source: str, command: str = "command") -> int:
    path = COMMANDS / "example.py"
    tree = ast.parse(source)
    module = Module(
        path,
        {node.name: node for node in tree.body if isinstance(node, ast.FunctionDef)},
        _imports(tree.body),
    )
    return module.library_calls(command)


def test_the_count_of_a_thick_command() -> None:
    """Two library calls in a row count two, a helper's call counts, a branch that
    returns is one way, presentation and option readers count nothing."""
    source = """
from inventory.gap.result import compute_gap
from inventory.cli.common import say, stored_snapshot
from inventory.analyse.lifecycle import lifecycle_normaliser

def helper(snapshot):
    from inventory.export import archimate_model
    return archimate_model(snapshot, None)

def command(ctx, costed):
    normaliser = lifecycle_normaliser(None, None)
    snapshot = stored_snapshot(ctx, None)
    if not costed:
        print(say("x"))
        return compute_gap(snapshot, None)
    gap = compute_gap(snapshot, None)
    helper(snapshot)

def thin(ctx, check):
    if check:
        compute_gap(None, None)
    else:
        helper(None)
"""
    assert _counted(source) == 2
    assert _counted(source, "thin") == 1
