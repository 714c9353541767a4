"""The command line starts without its heavy libraries (issue 17: an instant CLI).

``inventory --help`` and ``inventory COMMAND --help`` import no pandas, pyarrow,
SQLAlchemy, Alembic, Jinja2 or networkx: the commands are registered by name and their
modules import what a run needs when it runs. Structural (which modules are loaded in a
fresh interpreter), never a timing.
"""

from __future__ import annotations

import importlib
import pkgutil
import subprocess
import sys
import textwrap

import pytest
import typer
from typer.testing import CliRunner

from inventory.cli import commands
from inventory.cli.app import COMMANDS, app, load_command

HEAVY = ("pandas", "pyarrow", "sqlalchemy", "alembic", "jinja2", "networkx")

#: Run in a fresh interpreter: ``inventory ARGS --help`` (and, for a command group, each
#: of its commands' help), then print the heavy modules loaded, one per line.
_PROBE = textwrap.dedent(
    """
    import sys

    from typer.testing import CliRunner

    from inventory.cli.app import app, load_command

    HEAVY = {heavy!r}
    name = sys.argv[1]
    runs = [["--help"]] if name == "--help" else [[name, "--help"]]
    if name != "--help":
        group = load_command(name)
        runs += [[name, sub, "--help"] for sub in getattr(group, "commands", {{}})]
    for args in runs:
        result = CliRunner().invoke(app, args)
        if result.exit_code != 0:
            sys.exit(f"inventory {{' '.join(args)}}: exit {{result.exit_code}}: {{result.output}}")
        loaded = [module for module in HEAVY if module in sys.modules]
        if loaded:
            sys.exit(f"inventory {{' '.join(args)}} loaded {{', '.join(loaded)}}")
    """
).format(heavy=HEAVY)


def _probe(name: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", _PROBE, name], capture_output=True, text=True, timeout=120
    )


def test_importing_the_command_line_loads_no_heavy_library() -> None:
    code = (
        "import sys; import inventory.cli.app; import inventory.cli;"
        f" print(','.join(m for m in {HEAVY!r} if m in sys.modules))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == ""


@pytest.mark.parametrize("name", ["--help", *sorted(COMMANDS)])
def test_help_loads_no_heavy_library(name: str) -> None:
    result = _probe(name)
    assert result.returncode == 0, result.stderr.strip()


def test_every_command_module_is_registered() -> None:
    """A command module added under inventory/cli/commands is in ``COMMANDS`` (else the
    command line would not know it)."""
    with_commands = set()
    for info in pkgutil.iter_modules(commands.__path__):
        module = importlib.import_module(f"{commands.__name__}.{info.name}")
        if hasattr(module, "register"):
            with_commands.add(info.name)
    assert with_commands == {module for module, _ in COMMANDS.values()}


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_the_listed_help_is_the_commands_own(name: str) -> None:
    """The root help's one-line texts (kept in ``COMMANDS`` so that the modules need not
    be imported) are the first sentence of each command's own help."""
    command = load_command(name)
    assert command.name == name
    assert COMMANDS[name][1] == command.get_short_help_str(limit=10_000)


def test_root_help_lists_every_command() -> None:
    result = CliRunner().invoke(app, ["--help"], terminal_width=200)
    assert result.exit_code == 0
    listed = result.output.split("Commands:")[1].split()
    for name in COMMANDS:
        assert name in listed
    assert "Count the stored records per municipality and record kind." in result.output


def test_an_unknown_command_is_still_a_usage_error() -> None:
    result = CliRunner().invoke(app, ["stat"])
    assert result.exit_code == 2
    assert "No such command 'stat'" in result.output


def test_the_root_command_finds_each_command_by_name() -> None:
    root = typer.main.get_command(app)
    assert isinstance(root, typer.core.TyperGroup)
    context = typer.Context(root)
    assert root.list_commands(context) == sorted(COMMANDS)
    assert root.get_command(context, "no-such-command") is None


def test_the_kinds_list_names_are_the_models() -> None:
    from inventory.cli.commands.list_ import KINDS
    from inventory.models import RECORD_KINDS

    assert KINDS == RECORD_KINDS
