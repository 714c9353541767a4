"""``--help`` and usage errors in Swedish and Norwegian (issue 14, item 2).

Every command of ``COMMANDS`` (and every subcommand), every option and argument: its help
in sv/no is its catalogue text (``cli.help.*``), which differs from the English; the
English catalogue text is the one written in the code, so that a new or changed option
without a translation fails here. click's own words (``Usage:``, ``Options:``, the
usage errors) come from ``cli.usage.*``. In English the help is what click writes for the
command as it is declared, byte for byte.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest
import typer
from typer import _click as click
from typer._click.utils import make_default_short_help
from typer.testing import CliRunner

from inventory.cli.app import COMMANDS, app, load_command
from inventory.cli.help_language import (
    command_key,
    early_lang,
    help_number,
    parameter_key,
    summary_key,
    walk,
)
from inventory.language.i18n import Lang, translations
from tests.helpers import SAMPLES, run_main

LANGS: tuple[Lang, ...] = ("sv", "no")

#: click's English words that a Swedish or Norwegian help must not show.
ENGLISH_WORDS = (
    "Usage:",
    "Options:",
    "Arguments:",
    "Commands:",
    "default:",
    "[required]",
    "env var:",
    "Show this message and exit.",
    "[OPTIONS]",
    "COMMAND [ARGS]",
    # typer's type placeholders, click's number ranges and the arguments' names
    "<int",
    "<float",
    "<str>",
    "<path>",
    "<list[",
    "x>=",
    "<=x",
    "x<=",
    "{paths}",
    "{files}",
    "{run_a}",
)
#: The options' metavars and the arguments' names as the English help writes them (also in
#: its prose: "to FOLDER", "after RUN_A").
ENGLISH_NAMES = re.compile(
    r"(?<!\w)(FILE|FILES|DIR|CODE|LANG|YYYY-MM-DD|FOLDER|RUN_A|RUN_B|OUT)(?!\w)"
)


def _flat(text: str) -> str:
    """``text`` with its whitespace runs as one space (click wraps to the terminal)."""
    return " ".join(text.split())


def _squeezed(text: str) -> str:
    """``text`` without whitespace: click may wrap a line after a hyphen."""
    return "".join(text.split())


def _every_command() -> Iterator[tuple[tuple[str, ...], click.Command]]:
    for name in sorted(COMMANDS):
        yield from walk(load_command(name), (name,))


def _root() -> click.Command:
    return typer.main.get_command(app)


def _all() -> list[tuple[tuple[str, ...], click.Command]]:
    return [((), _root()), *_every_command()]


def _is_sentence(text: str) -> bool:
    """English that is prose, not a list of values (``svg, png, pdf or dot.``)."""
    return len(re.findall(r"[A-Za-z]{3,}", text)) >= 3


def _help(lang: Lang | None, *args: str) -> str:
    prefix = ["--lang", lang] if lang else []
    result = CliRunner().invoke(app, [*prefix, *args, "--help"], terminal_width=100)
    assert result.exit_code == 0, result.output
    return result.output


# --- the catalogue holds every help text ---------------------------------------------------


@pytest.mark.parametrize("path", [path for path, _ in _all()], ids=lambda p: " ".join(p) or "root")
def test_every_command_and_parameter_has_its_help_in_every_language(path: tuple[str, ...]) -> None:
    command = dict(_all())[path]
    texts: list[tuple[str, str]] = []
    if command.help:
        texts.append((command_key(path), command.help))
    for parameter in command.params:
        text = getattr(parameter, "help", None)
        assert text, f"{' '.join(path)} {parameter.name}: no help text"
        texts.append((parameter_key(path, parameter), text))
    assert texts
    for key, english in texts:
        known = translations(key)
        assert known["en"] == english, f"{key}: the English catalogue text is not the code's"
        for lang in LANGS:
            assert known[lang], f"{key}: no {lang} text"
            if _is_sentence(english):
                assert known[lang] != english, f"{key}: the {lang} text is the English"


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_the_listed_summary_is_the_first_sentence_of_the_translated_help(name: str) -> None:
    for lang in ("en", *LANGS):
        summary = translations(summary_key(name))[lang]
        whole = translations(command_key((name,)))[lang]
        assert summary == make_default_short_help(whole, 10_000), (name, lang)


# --- the help printed -------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("path", [path for path, _ in _all()], ids=lambda p: " ".join(p) or "root")
def test_the_help_printed_is_the_catalogues(lang: Lang, path: tuple[str, ...]) -> None:
    command = dict(_all())[path]
    printed = _help(lang, *path)
    assert not ENGLISH_NAMES.findall(printed), f"{' '.join(path)} --help in {lang}"
    shown = _squeezed(printed)
    for word in ENGLISH_WORDS:
        word = _squeezed(word)
        assert word not in shown, f"{' '.join(path)} --help in {lang} shows {word!r}"
    if command.help:
        for paragraph in translations(command_key(path))[lang].split("\n\n"):
            assert _squeezed(paragraph) in shown
    for parameter in command.params:
        assert _squeezed(translations(parameter_key(path, parameter))[lang]) in shown
    if hasattr(command, "commands"):
        heading = {"sv": "Kommandon:", "no": "Kommandoer:"}[lang]
        assert heading in shown


def test_the_swedish_import_help_line_by_line() -> None:
    lines = _help("sv", "import").splitlines()
    assert lines[0] == "Användning: inventory import [FLAGGOR] {sökvägar}..."
    assert lines[2] == (
        "  Kontrollera och lagra inventeringar: skapade / ändrade / oförändrade / borttagna"
        " per typ."
    )
    assert "Argument:" in lines and "Flaggor:" in lines
    text = "\n".join(lines)
    assert "Kommunmappar, eller mappar med en mapp per kommun.  [obligatoriskt]" in text
    assert "(tabeller och rader); json: resultatet som data." in text
    assert "[standard: text]" in text
    assert "  sökvägar... <lista av sökväg>  Kommunmappar, eller mappar med en mapp per" in text
    assert "  --max-issues <heltal>        Lista högst så här många problem" in text
    assert "[standard: 1 000; minst 1]" in _flat(text)  # (Swedish grouping: a no-break space)
    assert "  --help                       Visa den här hjälptexten och avsluta." in text
    # the options keep their English names
    for option in ("--prune", "--dry-run", "--format", "--max-issues", "--mapping"):
        assert option in text


def test_the_norwegian_root_help_lists_the_commands_in_norwegian() -> None:
    text = _help("no")
    assert text.startswith("Bruk: inventory [VALG] KOMMANDO [ARGUMENTER]...\n")
    assert "\nValg:\n" in text and "\nKommandoer:\n" in text
    assert "  stats           Tell de lagrede postene per kommune og posttype.\n" in text
    assert "[miljøvariabel: INVENTORY_LANG; standard: en]" in _flat(text)


def test_the_language_is_read_wherever_it_is_given() -> None:
    swedish = "Räkna de lagrade posterna per kommun och posttyp."
    runner = CliRunner()
    for args, env in (
        (["--lang", "sv", "stats", "--help"], {}),
        (["--lang=sv", "stats", "--help"], {}),
        (["stats", "--help"], {"INVENTORY_LANG": "sv"}),
        (["--lang", "swedish", "stats", "--help"], {"INVENTORY_LANG": "no"}),
    ):
        result = runner.invoke(app, args, env=env, terminal_width=100)
        assert result.exit_code == 0 and swedish in result.output, (args, env)
    # --help is eager: the language after it counts too
    result = runner.invoke(app, ["--help", "--lang", "sv"], terminal_width=100)
    assert "Räkna de lagrade posterna per kommun och posttyp." in result.output
    assert early_lang(["--db", "--lang", "stats"], {}) == "en"  # (--lang is --db's value)
    assert early_lang(["stats", "--lang", "sv"], {}) == "en"  # (a command's own --lang)
    assert early_lang(["--lang", "xx"], {"INVENTORY_LANG": "no"}) == "en"


# --- English: what click writes, byte for byte ----------------------------------------------


def _english_as_declared(path: tuple[str, ...]) -> str:
    """The help click writes for the command as declared (nothing of ours involved)."""
    root = _root()
    context = click.Context(root, info_name="inventory", terminal_width=100)
    command = root
    for name in path:
        command = load_command(name) if command is root else command.commands[name]  # type: ignore[attr-defined]
        context = click.Context(command, info_name=name, parent=context, terminal_width=100)
    return command.get_help(context) + "\n"


@pytest.mark.parametrize("path", [path for path, _ in _all()], ids=lambda p: " ".join(p) or "root")
def test_english_help_is_unchanged(path: tuple[str, ...]) -> None:
    _help("sv", *path)  # a Swedish run before leaves nothing behind
    expected = _english_as_declared(path)
    if not path:  # the root lists the commands from COMMANDS (their modules not loaded)
        assert _help(None) == _help("en") == expected
        return
    assert _help(None, *path) == expected
    assert _help("en", *path) == expected


# --- usage errors, through the real command line ------------------------------------------

#: ``inventory ARGS`` → what standard error says, written by hand, per language.
USAGE_ERRORS: list[tuple[tuple[str, ...], Lang, list[str]]] = [
    (
        ("--nope",),
        "sv",
        [
            "Användning: inventory [FLAGGOR] KOMMANDO [ARGUMENT]...",
            "Skriv 'inventory --help' för hjälp.",
            "",
            "Fel: Okänd flagga: --nope",
        ],
    ),
    (
        ("--nope",),
        "no",
        [
            "Bruk: inventory [VALG] KOMMANDO [ARGUMENTER]...",
            "Skriv 'inventory --help' for hjelp.",
            "",
            "Feil: Ukjent valg: --nope",
        ],
    ),
    (
        ("import",),
        "sv",
        [
            "Användning: inventory import [FLAGGOR] {sökvägar}...",
            "Skriv 'inventory import --help' för hjälp.",
            "",
            "Fel: Argument saknas: 'sökvägar'.",
        ],
    ),
    (("import",), "no", ["Feil: Argument mangler: 'stier'."]),
    (("import", "--prun"), "no", ["Feil: Ukjent valg: --prun (Mulige valg: --dry-run, --prune)"]),
    (
        ("stats", "--format", "xml"),
        "sv",
        ["Fel: Ogiltigt värde för '--format': 'xml' är inte något av 'text', 'json'."],
    ),
    (
        ("lifecycle", "--months", "abc"),
        "no",
        ["Feil: Ugyldig verdi for '--months': 'abc' er ikke et gyldig heltall."],
    ),
    (
        ("import", "--max-issues", "0", "x"),
        "sv",
        ["Fel: Ogiltigt värde för '--max-issues': '0' är mindre än det minsta tillåtna värdet, 1."],
    ),
    (("gap",), "sv", ["Fel: Flagga saknas: '--target' / '-t'."]),
    (("gap",), "no", ["Feil: Valg mangler: '--target' / '-t'."]),
    (
        ("gap", "--target", "no-such-target.yaml"),
        "no",
        ["Feil: Ugyldig verdi for '--target' / '-t': Filen 'no-such-target.yaml' finnes ikke."],
    ),
    (("stat",), "sv", ["Fel: Okänt kommando 'stat'."]),
    (("list", "server", "b", "c"), "no", ["Feil: Uventede ekstra argumenter (b c)"]),
    (("stats", "--format"), "sv", ["Fel: Flaggan '--format' kräver ett värde."]),
    (("mapping", "list", "--help=x"), "no", ["Feil: Valget '--help' tar ingen verdi."]),
    # the checks of our own options (common.parse_optional_date, options.DateOption,
    # common.parse_lang_option)
    (
        ("report", "--lang", "xx", "-t", str(SAMPLES / "target.yaml"), "--out", "unused"),
        "sv",
        ["Fel: Ogiltigt värde för --lang: okänt språk 'xx'; använd något av: en, sv, no."],
    ),
    (
        ("lifecycle", "--date", "2020-13-01"),
        "sv",
        ["Fel: Ogiltigt värde för --date: '2020-13-01' är inte ett datum; skriv ÅÅÅÅ-MM-DD."],
    ),
    (
        ("lifecycle", "--date", "1800-01-01"),
        "no",
        ["Feil: Ugyldig verdi for --date: 1800-01-01 ligger utenfor 1900-01-01 .. 2999-12-31."],
    ),
    (
        ("lifecycle", "--date="),
        "no",
        ["Feil: Ugyldig verdi for --date: oppgi en dato som ÅÅÅÅ-MM-DD."],
    ),
]


@pytest.mark.parametrize(("args", "lang", "expected"), USAGE_ERRORS)
def test_usage_errors_in_the_readers_language(
    args: tuple[str, ...], lang: Lang, expected: list[str]
) -> None:
    outcome = run_main("--lang", lang, *args)
    assert outcome.code == 2, outcome.text
    lines = outcome.stderr.splitlines()
    assert lines[-len(expected) :] == expected
    for word in ("Usage:", "Error:", "Try '", "No such", "Missing", "Invalid value"):
        assert word not in outcome.text


def test_usage_errors_stay_english_in_english() -> None:
    outcome = run_main("import", "--prun")
    assert outcome.stderr.splitlines() == [
        "Usage: inventory import [OPTIONS] {paths}...",
        "Try 'inventory import --help' for help.",
        "",
        "Error: No such option: --prun (Possible options: --dry-run, --prune)",
    ]


@pytest.mark.parametrize(
    ("lang", "error", "hint"),
    [("en", "Error:", "Hint:"), ("sv", "Fel:", "Tips:"), ("no", "Feil:", "Tips:")],
)
def test_a_failure_is_labelled_in_the_readers_language(
    tmp_path: Path, lang: Lang, error: str, hint: str
) -> None:
    database = f"sqlite:///{tmp_path / 'no-such-folder' / 'x.db'}"
    outcome = run_main("--lang", lang, "--db", database, "stats")
    assert outcome.code == 1
    first, second = outcome.stderr.splitlines()[:2]
    assert first.startswith(f"{error} ") and second.startswith(f"{hint} ")


def test_a_group_without_its_command_shows_its_help_not_escapes() -> None:
    """``inventory mapping`` prints the group's help (it printed ``\\n`` literally)."""
    outcome = run_main("--lang", "sv", "mapping")
    assert outcome.code == 2
    assert "\\n" not in outcome.text
    assert "Kommandon:" in outcome.text.splitlines()


# --- a separate process: the environment variable, and nothing heavy loaded --------------

_PROBE = textwrap.dedent(
    """
    import sys

    from inventory.cli import main

    sys.argv = ["inventory", *sys.argv[1:]]
    try:
        main()
    except SystemExit:
        pass
    heavy = ("pandas", "pyarrow", "sqlalchemy", "alembic", "jinja2", "networkx", "babel")
    print("LOADED:" + ",".join(name for name in heavy if name in sys.modules), file=sys.stderr)
    """
)


@pytest.mark.parametrize(
    ("args", "env", "expected", "loaded"),
    [
        # (import's help has a default of 1 000: Babel's number data, nothing else)
        (["import", "--help"], {"INVENTORY_LANG": "sv"}, "Användning: inventory import", "babel"),
        (["--lang", "no", "--help"], {}, "Bruk: inventory [VALG] KOMMANDO [ARGUMENTER]...", ""),
        (["--lang", "no", "gap", "--help"], {}, "Sammenlign de lagrede kartleggingene", ""),
    ],
)
def test_the_translated_help_starts_as_light_as_the_english(
    args: list[str], env: dict[str, str], expected: str, loaded: str
) -> None:
    result = subprocess.run(
        [sys.executable, "-c", _PROBE, *args],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "COLUMNS": "100", **env},
    )
    assert expected in result.stdout, result.stdout + result.stderr
    assert result.stderr.strip().splitlines()[-1] == f"LOADED:{loaded}", result.stderr


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        (
            "sv",
            [
                "--municipalities <heltal>",
                "[standard: 5; 1–2 000]",
                "rows-per-inhabitant <tal>",
                "[standard: 0,233]",
                "[standard: 0,0233]",
            ],
        ),
        (
            "no",
            [
                "--municipalities <heltall>",
                "[standard: 5; 1–2 000]",
                "per-inhabitant <tall>",
                "[standard: 0,233]",
                "[standard: 0,0233]",
            ],
        ),
    ],
)
def test_types_ranges_and_numbers_in_the_synth_help(lang: Lang, expected: list[str]) -> None:
    """Numbers (defaults, a range's bounds) as the language writes them: decimal comma, a
    no-break space between thousands (Babel's data); English as click writes it."""
    shown = _flat(_help(lang, "synth"))
    for part in expected:
        assert part in shown
    assert "0.233" not in shown and "2000" not in shown
    english = _flat(_help(None, "synth"))
    assert "--municipalities <int range>" in english and "1<=x<=2000" in english
    assert "[default: 0.233]" in english and "[default: 0.0233]" in english


def test_a_rate_is_typed_as_the_help_writes_it(tmp_path: Path) -> None:
    """The sv/no help shows synth's rates with a decimal comma (``0,233``): typed so, they
    write the same bytes as with a point; a bad one is a usage error in the language."""
    written = {}
    for rate in ("0,005", "0.005"):
        out = tmp_path / rate
        outcome = run_main(
            "--lang", "sv", "synth", "--out", str(out), "--municipalities", "1",
            "--client-rows-per-inhabitant", rate, "--servers-per-inhabitant", rate,
        )  # fmt: skip
        assert outcome.code == 0, outcome.text
        written[rate] = {
            str(path.relative_to(out)): path.read_bytes() for path in out.rglob("*.csv")
        }
    assert written["0,005"] == written["0.005"] and written["0.005"]
    outcome = run_main(
        "--lang", "sv", "synth", "--out", str(tmp_path / "x"), "--client-rows-per-inhabitant", "-1"
    )  # fmt: skip
    assert outcome.code == 2
    assert (
        "Fel: Ogiltigt värde för '--client-rows-per-inhabitant': \u22121 är inte ett tal från 0"
        " till 1\u00a0000" in outcome.stderr
    )
    english = run_main("synth", "--out", str(tmp_path / "y"), "--servers-per-inhabitant", "x,y")
    assert english.code == 2
    assert "Invalid value for '--servers-per-inhabitant': 'x,y' is not a valid number." in (
        english.stderr
    )
    assert not (tmp_path / "x").exists() and not (tmp_path / "y").exists()


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("0.233", "sv", "0,233"),
        ("0.0233", "no", "0,0233"),
        ("1000", "sv", "1\u00a0000"),
        ("1200", "no", "1\u00a0200"),
        ("-5", "sv", "\u22125"),
        ("12", "sv", "12"),
        ("1000", "en", "1000"),
        ("0.5", "en", "0.5"),
        ("html,xlsx", "sv", "html,xlsx"),  # a default that is not a number: as it is
        (".", "no", "."),
    ],
)
def test_help_numbers(text: str, lang: Lang, expected: str) -> None:
    assert help_number(text, lang) == expected


@pytest.mark.parametrize(
    ("lang", "command", "expected"),
    [
        ("sv", "diagram", ["-o, --out FIL ", "-m, --municipality KOD ", "--date ÅÅÅÅ-MM-DD "]),
        ("no", "diagram", ["-o, --out FIL ", "-m, --municipality KODE ", "--lang SPRÅK "]),
        ("sv", "demo", ["-o, --out MAPP "]),
        ("no", "demo", ["-o, --out MAPPE "]),
        ("sv", "diff", ["efter KÖRNING_A till och med KÖRNING_B"]),
        ("no", "schemas", ["til MAPPE."]),
    ],
)
def test_metavars_and_argument_names_in_the_language(
    lang: Lang, command: str, expected: list[str]
) -> None:
    shown = _flat(_help(lang, command))
    for part in expected:
        assert part in shown, part
    english = _help(None, command)
    assert (
        "--out FILE" in english
        or "--out DIR" in english
        or "RUN_A" in english
        or ("FOLDER" in english)
    )


def test_argument_names_in_usage_lines() -> None:
    assert _help("sv", "diff").splitlines()[0] == (
        "Användning: inventory diff [FLAGGOR] {körning_a} {körning_b}"
    )
    assert _help("no", "list").splitlines()[0] == "Bruk: inventory list [VALG] [type]"
    assert _help(None, "list").splitlines()[0] == "Usage: inventory list [OPTIONS] [kind]"
