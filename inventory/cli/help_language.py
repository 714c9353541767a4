"""The command line's help and usage errors in the reader's language (issue 14).

The English texts stay where they are written (the commands' docstrings, ``help=`` of
their options, ``COMMANDS`` in ``app.py``): they are the English catalogue texts. In
Swedish or Norwegian, each command is given its catalogue texts once it is loaded
(``localise``), under keys derived from where the text sits:

- ``cli.help.<command path>``: a command's help (``cli.help.mapping.suggest``);
- ``cli.help.<command path>.summary``: the one line the root ``--help`` lists;
- ``cli.help.<command path>.option.<name>`` / ``.argument.<name>``: a parameter's help,
  ``<name>`` being the parameter's name (``cli.help.import.option.output_format``); the
  root command's are ``cli.help.root.option.<name>``.

click's (typer's) own words are translated too: the section headings and the
``[default: ...]``/``[required]`` notes (typer asks ``gettext`` for them: ``install``
points typer's lookup at our catalogue), the ``Usage:`` prefix (``LocalisedFormatter``)
and the usage errors, which click writes as English sentences (``localised_error``
rebuilds them from the exception's parts; ``cli.usage.*``).

In English nothing is replaced: the help is byte for byte what click prints.
The language must be known before click prints help: ``early_lang`` reads the global
``--lang`` from the arguments before the command name (also after ``--help``), else
``INVENTORY_LANG``. Light on purpose: the catalogue is one ``.mo`` read (no Babel).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any, Final, cast

import typer.core
from typer import _click as click
from typer._click.exceptions import (
    BadParameter,
    ClickException,
    MissingParameter,
    NoSuchOption,
    UsageError,
)
from typer._click.utils import echo

from inventory.cli.common import cli_lang
from inventory.cli.interruption import early_lang
from inventory.errors import InventoryError, RenderError, Wording
from inventory.language.i18n import Lang, t

__all__ = [
    "LocalisedFormatter",
    "argument_hint",
    "command_key",
    "early_lang",
    "help_number",
    "install",
    "localise",
    "localised_error",
    "metavar_name",
    "parameter_key",
    "summary_key",
]

#: The root command's key path (its own parameters: ``cli.help.root.option.db``).
ROOT = "root"


def command_key(path: Sequence[str]) -> str:
    """The key of a command's help: ``cli.help.import``, ``cli.help.mapping.suggest``."""
    return "cli.help." + ".".join(path or (ROOT,))


def summary_key(name: str) -> str:
    """The key of the one-line summary the root ``--help`` lists for command ``name``."""
    return f"cli.help.{name}.summary"


def parameter_key(path: Sequence[str], parameter: click.Parameter) -> str:
    """The key of a parameter's help: ``cli.help.import.option.prune``."""
    kind = "argument" if parameter.param_type_name == "argument" else "option"
    return f"{command_key(path)}.{kind}.{parameter.name}"


# --- the language, before click parses: ``interruption.early_lang`` (re-exported) ---------

# --- click's and typer's own words ------------------------------------------------------

#: typer's messages (``typer.core`` asks ``gettext`` for them) with their keys. Messages
#: with a ``{name!r}`` conversion are not here: their errors are rebuilt below.
TYPER_MESSAGES: Final[dict[str, str]] = {
    "Arguments": "cli.usage.heading.arguments",
    "Options": "cli.usage.heading.options",
    "Commands": "cli.usage.heading.commands",
    "default: {default}": "cli.usage.note.default",
    "required": "cli.usage.note.required",
    "env var: {var}": "cli.usage.note.env_var",
    "(dynamic)": "cli.usage.note.dynamic",
    "Missing command.": "cli.usage.missing_command",
    "Aborted!": "cli.usage.aborted",
}


def typer_text(message: str) -> str:
    """typer's ``gettext``: ``message`` in the command line's language."""
    lang = cli_lang()
    key = TYPER_MESSAGES.get(message)
    if lang == "en" or key is None:
        return message
    if key == "cli.usage.note.default":
        return _DefaultNote(t(key, lang, default="{default}"), lang)
    return t(key, lang)


#: A number as click writes a default or a range's bound (``1000``, ``0.233``, ``-1``).
_PLAIN_NUMBER: Final = re.compile(r"-?\d+(?:\.(?P<decimals>\d+))?")


def help_number(text: str, lang: Lang) -> str:
    """A number of the help (a default, a range's bound) as ``lang`` writes numbers, by
    Babel's data (``0,233``, ``1 000`` in sv/no: ``language.formatting``), with the
    decimals it has; any other text as it is. A whole number below 1000 is written the same
    in every language (and Babel is not loaded for it)."""
    match = _PLAIN_NUMBER.fullmatch(text)
    if lang == "en" or match is None or (text.isdigit() and int(text) < 1000):
        return text
    from decimal import Decimal

    from inventory.language.formatting import format_number

    return format_number(Decimal(text), lang, len(match["decimals"] or ""))


class _DefaultNote(str):
    """typer's ``default: {default}`` in ``lang``: ``format`` writes a number default as
    ``lang`` writes numbers (``[standard: 0,233]``); other defaults (choices, paths, lists)
    are values to type and stay as they are."""

    lang: Lang

    def __new__(cls, text: str, lang: Lang) -> _DefaultNote:
        note = super().__new__(cls, text)
        note.lang = lang
        return note

    def format(self, *args: object, **kwargs: object) -> str:
        default = kwargs.get("default")
        if isinstance(default, str):
            kwargs["default"] = help_number(default, self.lang)
        return str(self).format(*args, **kwargs)


def install() -> None:
    """Point typer's message lookup at ``typer_text`` (English stays English)."""
    typer.core._ = typer_text  # type: ignore[attr-defined]


#: typer's type placeholders in the help (``<int>``, ``<list[Path]>``, ``<int range>``).
_TYPE_PLACEHOLDER: Final = re.compile(
    r"<(?P<list>list\[)?(?P<type>int range|float range|int|float|str|Path|path|dir|file)\]?>"
)
#: A bound of a number range as click writes it in the help (``x>=1``, ``1<=x<=2000``).
_NUMBER = r"-?\d+(?:\.\d+)?"
_RANGE: Final = re.compile(
    rf"(?<![\w.])(?:(?P<low>{_NUMBER})<=x<=(?P<high>{_NUMBER})|x>=(?P<min>{_NUMBER})"
    rf"|x<=(?P<max>{_NUMBER}))(?=[\];]|$)"
)
#: An option's metavar at the end of its term in the help (``--out FILE``, ``--date YYYY-MM-DD``).
_METAVAR: Final = re.compile(r"(?<= )(?P<name>[A-Z]+(?:[-_][A-Z]+)*)$")
#: An argument's name on the usage line (``{paths}...``, ``[folder]``) or in the help.
_ARGUMENT: Final = re.compile(r"(?<![\w-])(?P<name>[a-z][a-z_]*)(?=\}|\]|\.\.\.|\s|$)")


def argument_name(name: str, lang: Lang) -> str:
    """An argument's name (``paths``) as the help and usage errors show it in ``lang``
    (``cli.usage.argument_name.<name>``; the name itself in English or without a text)."""
    if lang == "en":
        return name
    try:
        return t(f"cli.usage.argument_name.{name}", lang)
    except RenderError:
        return name


def argument_hint(name: str, lang: Lang) -> str:
    """How a command's own usage error names its argument ``name``: ``KIND`` in English,
    the usage line's name in sv/no (``'typ'``)."""
    return name.upper() if lang == "en" else f"'{argument_name(name, lang)}'"


def metavar_name(term: str, lang: Lang) -> str:
    """An option's term (``-o, --out FILE``) with its metavar in ``lang`` (``--out FIL``;
    ``cli.usage.metavar_name.<name>``; a metavar without a text as it is)."""

    def said(match: re.Match[str]) -> str:
        key = "cli.usage.metavar_name." + match["name"].lower().replace("-", "_")
        try:
            return t(key, lang)
        except RenderError:
            return match["name"]

    return _METAVAR.sub(said, term)


def type_placeholders(text: str, lang: Lang) -> str:
    """typer's ``<int>``, ``<list[Path]>`` in ``text`` in ``lang`` (choices stay as they are:
    they are the values to type)."""

    def said(match: re.Match[str]) -> str:
        kind = t(f"cli.usage.type.{match['type'].lower().replace(' ', '_')}", lang)
        return f"<{t('cli.usage.type.list', lang, item=kind)}>" if match["list"] else f"<{kind}>"

    return _TYPE_PLACEHOLDER.sub(said, text)


def number_ranges(text: str, lang: Lang) -> str:
    """click's ``x>=1``, ``1<=x<=2000`` in ``text`` in words of ``lang``, the numbers as
    ``lang`` writes them (``1–2 000``)."""

    def said(match: re.Match[str]) -> str:
        if match["low"] is not None:
            low, high = help_number(match["low"], lang), help_number(match["high"], lang)
            return t("cli.usage.range.between", lang, low=low, high=high)
        if match["min"] is not None:
            return t("cli.usage.range.at_least", lang, limit=help_number(match["min"], lang))
        return t("cli.usage.range.at_most", lang, limit=help_number(match["max"], lang))

    return _RANGE.sub(said, text)


def _argument_names(text: str, lang: Lang) -> str:
    return _ARGUMENT.sub(lambda match: argument_name(match["name"], lang), text)


class LocalisedFormatter(click.HelpFormatter):
    """click's help formatter with the ``Usage:`` prefix, the arguments' names, the options'
    metavars, typer's type placeholders and click's number ranges in the command line's
    language."""

    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        lang = cli_lang()
        if prefix is None and lang != "en":
            prefix = t("cli.usage.usage", lang) + " "
        if lang != "en":
            args = " ".join(
                _argument_names(part, lang) if part[:1] in "{[" and part[1:2].islower() else part
                for part in args.split(" ")
            )
        super().write_usage(prog, args, prefix)

    def write_dl(
        self, rows: Sequence[tuple[str, str]], col_max: int = 30, col_spacing: int = 2
    ) -> None:
        lang = cli_lang()
        if lang != "en":
            rows = [
                (
                    type_placeholders(
                        _first_word(term, lang)
                        if _is_argument(term)
                        else metavar_name(term, lang)
                        if term.startswith("-")
                        else term,
                        lang,
                    ),
                    number_ranges(text, lang),
                )
                for term, text in rows
            ]
        super().write_dl(rows, col_max, col_spacing)


def _is_argument(term: str) -> bool:
    """An argument's row (``paths... <list[Path]>``), not an option's or a command's."""
    return not term.startswith("-") and " <" in term


def _first_word(term: str, lang: Lang) -> str:
    """An argument's term (``paths... <list[Path]>``) with its name in ``lang``."""
    name, _, rest = term.partition(" ")
    return _argument_names(name, lang) + (f" {rest}" if rest else "")


class LocalisedContext(click.Context):
    """A context whose help and usage lines are written by ``LocalisedFormatter``."""

    formatter_class = LocalisedFormatter


# --- help texts -------------------------------------------------------------------------


def localise(command: click.Command, path: Sequence[str], lang: Lang) -> None:
    """Give ``command`` (at ``path``: ``()`` for the root) and its parameters, its
    ``--help`` option and its subcommands their help in ``lang`` (nothing in English)."""
    if lang == "en":
        return
    command.context_class = LocalisedContext
    if command.options_metavar == "[OPTIONS]":
        command.options_metavar = t("cli.usage.metavar.options", lang)
    if getattr(command, "subcommand_metavar", None) == "COMMAND [ARGS]...":
        command.subcommand_metavar = t("cli.usage.metavar.command", lang)  # type: ignore[attr-defined]
    if command.help:
        command.help = t(command_key(path), lang)
    for parameter in command.params:
        if getattr(parameter, "help", None):
            parameter.help = t(parameter_key(path, parameter), lang)  # type: ignore[attr-defined]
    help_option = command.get_help_option(click.Context(command))
    if help_option is not None:
        help_option.help = t("cli.usage.help_option", lang)
    subcommands: Mapping[str, click.Command] = getattr(command, "commands", {})
    for name, subcommand in subcommands.items():
        localise(subcommand, (*path, name), lang)


def walk(
    command: click.Command, path: tuple[str, ...]
) -> Iterable[tuple[tuple[str, ...], click.Command]]:
    """``command`` at ``path`` and every subcommand below it, with their paths."""
    yield path, command
    subcommands: Mapping[str, click.Command] = getattr(command, "commands", {})
    for name, subcommand in subcommands.items():
        yield from walk(subcommand, (*path, name))


# --- usage errors -----------------------------------------------------------------------

#: click's usage messages (``UsageError.message``) with the key of their translation; the
#: groups are the key's placeholders.
USAGE_MESSAGES: Final[tuple[tuple[str, str], ...]] = (
    (r"No such command '(?P<name>.*)'\.", "cli.usage.no_such_command"),
    (
        r"Got unexpected extra argument\(s\) \((?P<extra>.*)\)",
        "cli.usage.extra_arguments",
    ),
    (r"Missing command\.", "cli.usage.missing_command"),
    (
        r"Option '(?P<option>.*)' does not take a value\.",
        "cli.usage.option_takes_no_value",
    ),
    (
        r"Option '(?P<option>.*)' requires an argument\.",
        "cli.usage.option_requires_value",
    ),
    (
        r"Option '(?P<option>.*)' requires (?P<count>\d+) arguments\.",
        "cli.usage.option_requires_values",
    ),
    (
        r"Argument '(?P<argument>.*)' takes (?P<count>\d+) values\.",
        "cli.usage.argument_takes_values",
    ),
)

#: The value messages of a bad parameter (``BadParameter.message``) from typer's own
#: checks: choices and paths.
VALUE_MESSAGES: Final[tuple[tuple[str, str], ...]] = (
    (
        r"(?:Value error, )?(?P<value>'.*') is not one of (?P<choices>.*)\.",
        "cli.usage.value.not_a_choice",
    ),
    (r"file (?P<path>'.*') does not exist\.", "cli.usage.value.no_file"),
    (r"dir (?P<path>'.*') does not exist\.", "cli.usage.value.no_directory"),
    (r"path (?P<path>'.*') does not exist\.", "cli.usage.value.no_path"),
    (
        r"(?:file|dir|path) (?P<path>'.*') is a file\.",
        "cli.usage.value.is_a_file",
    ),
    (
        r"(?:file|dir|path) (?P<path>'.*') is a directory\.",
        "cli.usage.value.is_a_directory",
    ),
    (
        r"(?:file|dir|path) (?P<path>'.*') is not readable\.",
        "cli.usage.value.not_readable",
    ),
    (
        r"(?:file|dir|path) (?P<path>'.*') is not writable\.",
        "cli.usage.value.not_writable",
    ),
    (
        r"Value (?P<value>'.*') is not a valid (?P<type>\w+)\.",
        "cli.usage.value.not_valid",
    ),
)

#: pydantic's error types (typer converts option values with pydantic) with their keys;
#: the error's context (``ge``, ``le``, ...) fills the placeholders.
PYDANTIC_ERRORS: Final[dict[str, str]] = {
    "int_parsing": "cli.usage.value.not_an_integer",
    "int_from_float": "cli.usage.value.not_an_integer",
    "float_parsing": "cli.usage.value.not_a_number",
    "bool_parsing": "cli.usage.value.not_a_boolean",
    "greater_than_equal": "cli.usage.value.at_least",
    "greater_than": "cli.usage.value.more_than",
    "less_than_equal": "cli.usage.value.at_most",
    "less_than": "cli.usage.value.less_than",
    "date_parsing": "cli.usage.value.not_a_date",
    "date_from_datetime_parsing": "cli.usage.value.not_a_date",
}


def _matched(text: str, table: Iterable[tuple[str, str]], lang: Lang) -> str | None:
    for pattern, key in table:
        match = re.fullmatch(pattern, text, re.S)  # (compiled on first use: re's cache)
        if match is not None:
            return t(key, lang, **match.groupdict())
    return None


def value_message(error: BadParameter, lang: Lang) -> str:
    """What was wrong with a parameter's value, in ``lang``; a message of our own code (a
    command's check) or one this module does not know is kept as it is."""
    cause = error.__cause__
    errors: Callable[[], list[dict[str, Any]]] | None = getattr(cause, "errors", None)
    if errors is not None and type(cause).__name__ == "ValidationError":
        details = errors()
        if details:
            kind = str(details[0].get("type", ""))
            context = details[0].get("ctx") or {}
            if kind in PYDANTIC_ERRORS:
                return t(
                    PYDANTIC_ERRORS[kind],
                    lang,
                    value=repr(details[0].get("input")),
                    **{
                        name: value
                        for name, value in context.items()
                        if name in ("ge", "gt", "le", "lt")
                    },
                )
            if kind == "value_error" and "error" in context:
                inner = _matched(str(context["error"]), VALUE_MESSAGES, lang)
                if inner is not None:
                    return inner
    return _matched(error.message, VALUE_MESSAGES, lang) or error.message


def _parameter_hint(error: BadParameter, lang: Lang) -> str | None:
    hint: Sequence[str] | str | None = error.param_hint
    if hint is None and error.param is not None:
        hint = error.param.get_error_hint()
        if error.param.param_type_name == "argument" and error.param.name:
            hint = f"'{argument_name(error.param.name, lang)}'"  # as the usage line names it
        envvar = getattr(error.param, "envvar", None)
        english = f" (env var: '{envvar}')"  # (typer's, in English)
        if isinstance(envvar, str) and isinstance(hint, str) and hint.endswith(english):
            said = t("cli.usage.note.env_var", lang, var=f"'{envvar}'")
            hint = f"{hint.removesuffix(english)} ({said})"
    if hint is not None and not isinstance(hint, str):
        return " / ".join(repr(part) for part in hint)
    return hint


def error_message(error: ClickException, lang: Lang) -> str:
    """The message of ``error`` (what click prints after ``Error:``) in ``lang``."""
    if isinstance(error, MissingParameter):
        hint = _parameter_hint(error, lang)
        kind = error.param_type or (error.param.param_type_name if error.param else "parameter")
        if kind not in ("argument", "option"):
            kind = "parameter"
        text = t(f"cli.usage.missing.{kind}", lang, name=hint or "")
        extra = error.param.get_missing_message(error.ctx) if error.param else None
        details = [part for part in (error.message, extra) if part]
        if details:
            choices = [
                t("cli.usage.choose_from", lang) + part.removeprefix("Choose from:")
                if part.startswith("Choose from:")
                else part
                for part in details
            ]
            text = text.removesuffix(".") + ". " + ". ".join(choices)
        return text
    if isinstance(error, BadParameter):
        message = value_message(error, lang)
        hint = _parameter_hint(error, lang)
        if hint is None:
            return t("cli.usage.invalid_value", lang, message=message)
        return t("cli.usage.invalid_value_for", lang, name=hint, message=message)
    if isinstance(error, NoSuchOption):
        message = error.message
        if message.startswith("No such option: "):  # (click's own; a caller's kept)
            message = t(
                "cli.usage.no_such_option", lang, option=message.removeprefix("No such option: ")
            )
        if error.possibilities:
            message += " " + t(
                "cli.usage.possible_options", lang, options=", ".join(sorted(error.possibilities))
            )
        return message
    if isinstance(error, UsageError):
        return _matched(error.message, USAGE_MESSAGES, lang) or error.message
    return error.format_message()


class LocalisedUsageError(UsageError):
    """A usage error printed in the command line's language: the usage line, the hint to
    ``--help`` and the message, as click prints them in English."""

    def __init__(self, original: UsageError, lang: Lang) -> None:
        super().__init__(error_message(original, lang), original.ctx)
        self.exit_code = original.exit_code
        self.lang = lang

    def format_message(self) -> str:
        return self.message

    def show(self, file: Any = None) -> None:
        if file is None:
            file = click._compat.get_text_stderr()
        hint = ""
        if self.ctx is not None and self.ctx.command.get_help_option(self.ctx) is not None:
            hint = t(
                "cli.usage.try_help",
                self.lang,
                command=self.ctx.command_path,
                option=self.ctx.help_option_names[0],
            )
            hint += "\n"
        color = None
        if self.ctx is not None:
            color = self.ctx.color
            echo(f"{self.ctx.get_usage()}\n{hint}", file=file, color=color)
        echo(t("cli.usage.error", self.lang, message=self.message), file=file, color=color)


def localised_error(error: ClickException, lang: Lang) -> ClickException:
    """``error`` to print in ``lang``: itself in English and for what is not a usage error
    (help printed because no command was given, too)."""
    if lang == "en" or not isinstance(error, UsageError):
        return error
    if type(error).__name__ == "NoArgsIsHelpError" or isinstance(error, LocalisedUsageError):
        return error
    return LocalisedUsageError(error, lang)


# -- operational failures -------------------------------------------------------------------


def wording_text(wording: Wording, lang: Lang) -> str:
    """A catalogue message (``inventory.messages.Message`` or ``errors.Said``) in ``lang``."""
    from inventory.messages import Param, param_text

    params = {name: param_text(cast(Param, value), lang) for name, value in wording.params.items()}
    return t(wording.key, lang, **params)


def failure_texts(error: InventoryError, lang: Lang) -> tuple[str, str | None]:
    """An operational failure's message and hint in ``lang``: from its catalogue message
    when it has one (``error.wording``), else its text as it is; the English text when
    the catalogue cannot word it (a damaged installation: the failure is still told)."""
    try:
        message = str(error) if error.wording is None else wording_text(error.wording, lang)
        hint = error.hint
        if error.hint_wording is not None:
            hint = wording_text(error.hint_wording, lang)
    except (RenderError, KeyError, IndexError, ValueError):  # (a key or a placeholder)
        return str(error), error.hint
    return message, hint
