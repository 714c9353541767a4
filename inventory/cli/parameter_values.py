"""Option values in text, flags and choices read without pydantic (issue 17: an instant CLI).

typer 0.29 turns every option value into its Python type through a pydantic
``TypeAdapter`` built when the command runs: importing pydantic and building the adapters
cost about as much as the rest of ``inventory stats``. A text value (``--db``,
``--lang``), a flag (``--debug``, ``--help``) and a choice (``--format``) need none of it:
after ``install()`` those parameters get a coercion that returns what typer's adapter
returns, and hand every other value, and every value they do not accept, to typer's own
(so an error reads exactly as typer words it). Numbers, paths, lists and dates keep
typer's coercion. ``tests/cli/test_parameter_values.py`` compares the two.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from typer._coercion import RuntimeParam, TypeDescriptor, build_runtime_param
from typer._param_types import choice_coercion_annotation, coerce_cli_choice
from typer.core import _TyperParameter

if TYPE_CHECKING:
    from typer._click import Context


@dataclass(frozen=True)
class LightValue(RuntimeParam):
    """A text, flag or choice parameter's value as typer's adapter gives it, else typer's
    own coercion."""

    descriptor: TypeDescriptor

    def _coerce_value(self, value: Any, param: _TyperParameter, ctx: Context) -> Any:
        if self.annotation is bool and isinstance(value, bool):
            return value
        if isinstance(value, str):
            if self.annotation is str:
                return str(value)  # what the adapter's str validation returns
            choice = choice_coercion_annotation(self.annotation, self.parameter_info)
            if choice is not None:
                try:
                    return coerce_cli_choice(
                        value, choices=choice[0], case_sensitive=choice[1], ctx=ctx
                    )
                except ValueError:
                    pass  # typer's adapter words the error
        return build_runtime_param(self.descriptor)._coerce_value(value, param=param, ctx=ctx)


def light_value(descriptor: TypeDescriptor) -> LightValue | None:
    """The light coercion of a single text, flag or choice value without a parser or file
    of its own; ``None`` for any other parameter."""
    annotation = descriptor.annotation
    if descriptor.parameter_info.parser is not None or descriptor.file_annotation is not None:
        return None
    if (
        annotation is str
        or annotation is bool
        or choice_coercion_annotation(annotation, descriptor.parameter_info)
    ):
        return LightValue(
            parameter_info=descriptor.parameter_info, annotation=annotation, descriptor=descriptor
        )
    return None


def install() -> None:
    """Every typer parameter that ``light_value`` takes is coerced by it (once per
    process; typer builds its own coercion for the others, as before)."""
    original: Callable[[_TyperParameter], RuntimeParam] = _TyperParameter.get_runtime_param
    if getattr(original, "_light", False):
        return

    def get_runtime_param(self: _TyperParameter) -> RuntimeParam:
        if self._runtime_param is None and not self.multiple and self.nargs == 1:
            self._runtime_param = light_value(self.type_descriptor)
        return original(self)

    get_runtime_param._light = True  # type: ignore[attr-defined]
    _TyperParameter.get_runtime_param = get_runtime_param  # type: ignore[method-assign]
