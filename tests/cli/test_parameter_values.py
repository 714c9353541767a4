"""Text, flag and choice option values read without pydantic give what typer's own
coercion gives: the same value, or the same usage error (``inventory.cli.parameter_values``).

Compared on every parameter of every command of the real command line, and on a small
typer command with the kinds of parameters the tool does not use yet (a ``Literal``, a
case-sensitive choice).
"""

from __future__ import annotations

import enum
from pathlib import Path
from typing import Annotated, Any, Literal

import pytest
import typer
from typer import _click as click
from typer._coercion import build_runtime_param
from typer.core import _TyperParameter
from typer.testing import CliRunner

from inventory.cli.app import COMMANDS, app, load_command
from inventory.cli.parameter_values import LightValue, light_value


class Colour(enum.StrEnum):
    RED = "red"
    DARK_BLUE = "Dark-Blue"


def _sample(
    text: Annotated[str, typer.Option()] = "a",
    maybe: Annotated[str | None, typer.Option()] = None,
    flag: Annotated[bool, typer.Option()] = False,
    colour: Annotated[Colour, typer.Option()] = Colour.RED,
    exact: Annotated[Colour, typer.Option(case_sensitive=True)] = Colour.RED,
    size: Annotated[Literal["s", "m", "L"], typer.Option()] = "s",
    count: Annotated[int, typer.Option(min=1)] = 1,
    path: Annotated[Path | None, typer.Option()] = None,
    many: Annotated[list[str] | None, typer.Option()] = None,
) -> None:
    """A command with one parameter of each kind."""


def _sample_app() -> typer.Typer:
    holder = typer.Typer(add_completion=False)
    holder.command()(_sample)
    return holder


def _sample_command() -> click.Command:
    return typer.main.get_command(_sample_app())


#: Values as the parser hands them over (text), and those a default or flag gives.
VALUES: list[Any] = [
    "red",
    "RED",
    "Dark-Blue",
    "dark-blue",
    "s",
    "L",
    "l",
    "xl",
    "",
    " padded ",
    "ä-ö\u00a0\u200b",
    "\x1b[31m",
    "5",
    "0",
    True,
    False,
    Colour.RED,
]


def _outcome(coercion: Any, value: Any, param: _TyperParameter, ctx: click.Context) -> Any:
    try:
        result = coercion.coerce(value, param=param, ctx=ctx)
    except click.ClickException as error:
        return ("error", type(error).__name__, error.format_message())
    return ("value", type(result), result)


def _parameters(command: click.Command) -> list[tuple[click.Command, _TyperParameter]]:
    found = [(command, param) for param in command.params if isinstance(param, _TyperParameter)]
    for sub in getattr(command, "commands", {}).values():
        found += _parameters(sub)
    return found


def _all_parameters() -> list[tuple[click.Command, _TyperParameter]]:
    root = typer.main.get_command(app)
    found = _parameters(root)
    for name in COMMANDS:
        found += _parameters(load_command(name))
    found += _parameters(_sample_command())
    return found


def test_a_light_value_is_typers_value_or_typers_error() -> None:
    compared = 0
    for command, param in _all_parameters():
        light = light_value(param.type_descriptor)
        if light is None or param.multiple or param.nargs != 1:
            continue
        ctx = click.Context(command)
        choices = list(param.type_descriptor.choices or ())
        values = [*VALUES, *choices, *(str(choice).upper() for choice in choices)]
        for value in values:
            own = _outcome(build_runtime_param(param.type_descriptor), value, param, ctx)
            assert _outcome(light, value, param, ctx) == own, (command.name, param.name, value)
            compared += 1
    assert compared > 500  # every text, flag and choice option of the command line


def test_only_text_flags_and_choices_are_light() -> None:
    command = _sample_command()
    light = {
        param.name
        for param in command.params
        if isinstance(param, _TyperParameter) and light_value(param.type_descriptor) is not None
    }
    assert light == {"text", "maybe", "flag", "colour", "exact", "size"}


def test_the_command_line_reads_its_options_through_them() -> None:
    root = typer.main.get_command(app)
    ctx = root.make_context("inventory", ["--debug", "stats"])
    assert ctx.params["lang"] == "en" and ctx.params["debug"] is True and ctx.params["db"] is None
    for name in ("lang", "db"):
        param = next(param for param in root.params if param.name == name)
        assert isinstance(param, _TyperParameter)
        assert isinstance(param._runtime_param, LightValue)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--colour", "green"], "Value error, 'green' is not one of 'red', 'Dark-Blue'."),
        (["--exact", "red "], "Value error, 'red ' is not one of 'red', 'Dark-Blue'."),
        (["--size", "xl"], "Value error, 'xl' is not one of 's', 'm', 'L'."),
        (["--count", "0"], "Input should be greater than or equal to 1"),
    ],
)
def test_a_value_not_accepted_is_typers_usage_error(args: list[str], message: str) -> None:
    result = CliRunner().invoke(_sample_app(), args)
    assert result.exit_code == 2
    assert message in " ".join(result.output.replace("│", " ").split()), result.output
