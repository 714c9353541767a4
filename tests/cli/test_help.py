"""Every command has help text with an example; usage errors exit 2."""

from __future__ import annotations

from typing import Any

import typer
from typer.testing import CliRunner

from inventory.cli.app import app


def _is_group(command: Any) -> bool:
    return hasattr(command, "commands")


def _commands() -> dict[str, Any]:
    root = typer.main.get_command(app)
    assert _is_group(root)
    context = typer.Context(root)
    found: dict[str, Any] = {}
    for name in root.list_commands(context):  # type: ignore[attr-defined]
        command = root.get_command(context, name)  # type: ignore[attr-defined]
        found[name] = command
        if _is_group(command):
            for sub_name, sub in command.commands.items():
                found[f"{name} {sub_name}"] = sub
    return found


def test_every_command_has_help_and_an_example() -> None:
    commands = _commands()
    assert {"schemas", "templates"} <= set(commands)
    runner = CliRunner()
    for name, command in commands.items():
        assert command.help, f"{name} has no help text"
        if _is_group(command):
            continue
        result = runner.invoke(app, [*name.split(), "--help"])
        assert result.exit_code == 0, name
        assert "Example:" in result.output, f"{name} --help shows no example"


def test_unknown_command_is_a_usage_error() -> None:
    result = CliRunner().invoke(app, ["no-such-command"])
    assert result.exit_code == 2


def test_version() -> None:
    result = CliRunner().invoke(app, ["--version"])
    assert result.exit_code == 0 and result.output.startswith("inventory ")
