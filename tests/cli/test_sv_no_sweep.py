"""A sweep of the command line in Swedish and Norwegian: no English left (issue 14, item 2).

Every command's and subcommand's ``--help``, and real runs of a representative set of
commands over the samples and the broken inputs the tests use (tests/data/broken-samples,
a Gnosjö copy with files of tests/data/broken in place of its own, an export of another
tool, a broken target and lifecycle file), text output, dry runs and the failure paths that
are cheap to provoke (usage errors, a missing store, an unknown key or kind), run in-process
as the console script runs them (``tests.helpers.run_main``).

Each line printed is checked against ``ENGLISH``, a curated list of English function words
and domain words, outside what is not prose: quoted values ('…', "…", `…`), codes and
names written with ``-``, ``_``, ``/``, ``.``, ``:`` or digits (issue codes, paths, option
names, keys), the names of products and other values of the input files and the bundled
catalogues (user values: "Citrix Virtual Apps and Desktops"), and a few proper names
(The Open Group's exchange format, Archi's menu). ``inventory list`` of every kind is in
the set: its text shows the fields under the language's header words and coded values as
its words (``--format json`` keeps the stored names and codes: data, not checked here).

``PENDING`` names the English still printed by other parts, each with who fixes it (see
/work/notes/s18/help14-to-*.md): the sweep removes exactly that text before it looks.

The numbers of the help (defaults, ranges) are checked too: a decimal comma and grouped
thousands in sv/no, as Babel's data writes them.
"""

from __future__ import annotations

import csv
import json
import re
import shutil
from collections.abc import Iterator
from functools import cache
from pathlib import Path

import pytest
import yaml

from inventory.cli.app import COMMANDS, load_command
from inventory.cli.help_language import walk
from inventory.language.i18n import Lang
from inventory.models.registry import RECORD_KINDS
from tests.helpers import run_main

REPO = Path(__file__).resolve().parents[2]
SAMPLES = REPO / "samples"
TARGET = SAMPLES / "target.yaml"
BROKEN = REPO / "tests" / "data" / "broken"
MUNICIPALITIES = ("gislaved", "gnosjo", "hylte", "vaggeryd", "varnamo")

#: English words that never occur in Swedish or Norwegian prose (curated: no word both
#: languages share, such as "server", "total", "risk", "per", "for", "in", "at", "by").
ENGLISH: frozenset[str] = frozenset(
    """
    the and of with without from that which this these those is are was were has have been
    not or on into could would will can should must cannot does see used using because when
    where what than only more every each none yes nothing
    file files folder folders row rows column columns sheet header headers line lines empty
    missing invalid valid unknown expected found stored written wrote created updated
    unchanged deleted imported error errors warning warnings hint
    municipalities servers devices clients applications platforms clusters networks links
    zones datacentre records values kinds runs checks steps
    wave waves hours weeks days months years end life supported ending included alone moves
    effort costs saving shared unique
    """.split()  # noqa: SIM905 (a word list reads best as words)
)

#: English still printed by other parts (removed before the sweep looks), with its owner;
#: empty now: the zipfile module's text (english14) and the column descriptions in the
#: missing-value hint (validators14) were the last ones.
PENDING: dict[str, str] = {}

#: Proper names and a program's own menu, written as their owners write them.
PROPER_NAMES = (
    "The Open Groups",
    "The Open Group",
    "Model Exchange File Format",
    "File > Import > Open Exchange XML Model",
)

#: The usual file names of a record kind, listed as the values they are.
_FILE_NAMES = re.compile(r"(de vanliga namnen är|de vanlige navnene er) [^.;]*")
_QUOTED = re.compile(r"'[^'\n]*'|\"[^\"\n]*\"|`[^`\n]*`|«[^»\n]*»|“[^”\n]*”")
_CODE = re.compile(r"[-_/\\.:=@<>0-9]")
_PUNCTUATION = ".,;:()[]{}!?|*+~…"
_YAML_KEY = re.compile(r"^\s*(?:- )?[a-z_]+:(?=\s|$)")


def _strings(value: object) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _strings(key)
            yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)


def _words(text: str) -> list[str]:
    return [word.strip(_PUNCTUATION).lower() for word in text.split()]


@cache
def _values() -> tuple[re.Pattern[str], frozenset[str]]:
    """The multi-word values of the inputs and the bundled catalogues that hold an English
    word (product, vendor and application names, headers of other tools' exports), as one
    pattern, and every leading or trailing run of their words (a table cell wraps)."""
    data = REPO / "inventory" / "data"
    found: set[str] = set()
    for path in [data / "aliases.yaml", data / "business_systems.yaml", data / "vendors.yaml"]:
        found.update(_strings(yaml.safe_load(path.read_text(encoding="utf-8"))))
    for path in SAMPLES.rglob("*.yaml"):
        found.update(_strings(yaml.safe_load(path.read_text(encoding="utf-8"))))
    found.update(_strings(json.loads((data / "endoflife-date.json").read_text(encoding="utf-8"))))
    for path in [*SAMPLES.rglob("*.csv"), *(REPO / "tests" / "data").rglob("*.csv")]:
        raw = path.read_bytes()
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError:
            text = raw.decode("cp1252", errors="replace")
        delimiter = ";" if text.count(";") > text.count(",") else ","
        for row in csv.reader(text.splitlines(), delimiter=delimiter):
            found.update(row)
    kept = sorted(
        {
            value.strip()
            for value in found
            if " " in value.strip() and len(value) < 120 and set(_words(value)) & ENGLISH
        },
        key=len,
        reverse=True,
    )
    parts: set[str] = set()
    for value in kept:
        words = value.split()
        for end in range(1, len(words)):
            parts.add(" ".join(words[:end]))
            parts.add(" ".join(words[end:]))
    return re.compile("|".join(re.escape(value) for value in kept)), frozenset(parts)


def english_words(line: str) -> list[str]:
    """The English words of ``line`` outside quoted values, codes, paths, option names,
    the inputs' own values and proper names."""
    values, parts = _values()
    for text in (*PENDING, *PROPER_NAMES):
        line = line.replace(text, " ")
    line = _FILE_NAMES.sub(" ", _QUOTED.sub(" ", line))
    line = values.sub(" ", line)
    cells = [cell.strip() for cell in re.split(r"[│┃|]", line)]
    line = " ".join(cell for cell in cells if cell.rstrip("…").strip() not in parts)
    found = []
    for token in line.split():
        word = token.strip(_PUNCTUATION)
        if token.startswith("-") or _CODE.search(word):
            continue
        if word.lower() in ENGLISH:
            found.append(word.lower())
    return found


def test_the_sweep_finds_english_and_nothing_else() -> None:
    """The checker itself: English prose is found, what is not prose is left alone."""
    assert english_words("Error: the file is missing. Hint: add the column") == [
        "error",
        "the",
        "file",
        "is",
        "missing",
        "hint",
        "the",
        "column",
    ]
    assert english_words("fel missing-column vid /tmp/the file/x.csv:1: kolumn 'the file'") == []
    assert english_words("Fel: Ogiltigt värde för --out-file: `inventory templates DIR`") == []
    assert english_words("│ Fjärråtkomst │ Citrix Virtual Apps and Desktops │ 100 % │") == []
    assert english_words("│ plattform programvara │ Citrix Virtual Apps and    │ 2203 │") == []
    assert english_words("ArchiMate 3.1-modell i The Open Groups Model Exchange File Format") == []
    assert english_words("Fel: kind är obligatoriskt. Tips: Fyll i kind (physical, or x)") == ["or"]


# --- the runs ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def inputs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The broken inputs: a Gnosjö copy with three broken files, one with each of a few
    other broken files as its servers file, a broken target and a broken lifecycle file."""
    work = tmp_path_factory.mktemp("sweep")
    three = work / "three" / "gnosjo"
    shutil.copytree(SAMPLES / "gnosjo", three)
    shutil.copy(BROKEN / "extra_cells.csv", three / "servrar.csv")
    shutil.copy(BROKEN / "missing_columns.csv", three / "länkar.csv")
    shutil.copy(BROKEN / "empty.csv", three / "zoner.csv")
    found = {"three": three}
    for name in (
        "corrupt.xlsx",
        "missing_cells.csv",
        "cp1252.csv",
        "unterminated_quote.csv",
        "duplicate_alias_header.csv",
        "header_only.csv",
        "binary.csv",
    ):
        folder = work / name.replace(".", "_") / "gnosjo"
        shutil.copytree(SAMPLES / "gnosjo", folder)
        (folder / "servrar.csv").unlink()
        shutil.copy(BROKEN / name, folder / f"servrar{Path(name).suffix}")
        found[name] = folder
    pruned = work / "pruned" / "gnosjo"  # two client rows gone: a pruning import's plan
    shutil.copytree(SAMPLES / "gnosjo", pruned)
    clients = (pruned / "klienter.csv").read_bytes().splitlines(keepends=True)
    (pruned / "klienter.csv").write_bytes(b"".join(clients[:-2]))
    found["pruned"] = pruned
    found["target"] = work / "broken-target.yaml"
    found["target"].write_text("datacentres: [1, 2]\nfoo: bar\n", encoding="utf-8")
    found["overrides"] = work / "broken-overrides.yaml"
    found["overrides"].write_text(
        "cycles:\n  - product: nosuch\n    cycle: x\n    eol: maybe\n", encoding="utf-8"
    )
    found["work"] = work
    return found


def _runs(lang: Lang, db: str, inputs: dict[str, Path]) -> list[tuple[str, ...]]:
    """What runs in ``lang``: the database ``db`` holds the samples (imported in sv)."""
    out = inputs["work"] / lang
    empty = f"sqlite:///{out / 'empty.db'}"
    samples = [str(SAMPLES / name) for name in MUNICIPALITIES]
    study = str(SAMPLES / "study")
    out.mkdir(exist_ok=True)
    empty_file = out / "empty-profile.yaml"  # a mapping profile with nothing in it
    empty_file.write_text("", encoding="utf-8")
    runs: list[tuple[str, ...]] = [
        # nothing stored, a store that cannot be
        ("--db", empty, "stats"),
        ("--db", empty, "gap", "--target", str(TARGET)),
        ("--db", empty, "overlap"),
        ("--db", empty, "impact", "nowhere:x"),
        ("--db", f"sqlite:///{out / 'no' / 'such' / 'folder.db'}", "stats"),
        ("--db", "mysql://somewhere/x", "stats"),
        # validate: the samples, the broken ones, another tool's export
        ("validate", *samples),
        ("validate", str(inputs["three"])),
        ("validate", str(REPO / "tests" / "data" / "broken-samples")),
        *(("validate", str(inputs[name])) for name in inputs if name.endswith(("xlsx", "csv"))),
        ("validate", str(REPO / "tests" / "data" / "exports" / "intune")),
        (
            "validate",
            str(REPO / "tests" / "data" / "exports" / "glpi"),
            "--mapping",
            str(empty_file),
        ),
        ("validate", str(out / "nowhere")),
        # import: a dry run, the stored samples again, a broken folder (nothing written)
        ("--db", db, "import", *samples, "--dry-run"),
        ("--db", db, "import", *samples),
        ("--db", db, "import", str(inputs["three"])),
        ("--db", db, "import", str(inputs["pruned"]), "--prune", "--dry-run"),
        # what the stored samples say
        ("--db", db, "stats"),
        ("--db", db, "history"),
        ("--db", db, "diff", "1", "2"),
        ("--db", db, "diff", "1", "99"),
        ("--db", db, "graph", "--check"),
        ("--db", db, "impact", "vaggeryd:esx-cl01"),
        ("--db", db, "impact", "nosuch"),
        ("--db", db, "lifecycle"),
        ("--db", db, "lifecycle", "--lifecycle-overrides", str(inputs["overrides"])),
        ("--db", db, "normalise"),
        ("--db", db, "overlap"),
        ("--db", db, "propose-target"),
        ("--db", db, "gap", "--target", str(TARGET), "--date", "2026-12-01"),
        ("--db", db, "gap", "--target", str(inputs["target"])),
        ("--db", db, "diagram", "network", "--out", str(out / "network.svg")),
        ("--db", db, "diagram", "target", "--out", str(out / "target.svg")),
        ("--db", db, "diagram", "network", "-m", "gnosjo", "--out", str(out / "n.svg")),
        ("--db", db, "diagram", "nosuch", "--out", str(out / "x.svg")),
        ("--db", db, "graph", "--out", str(out / "graph.txt")),
        *(("--db", db, "list", kind) for kind in RECORD_KINDS),
        ("--db", db, "list", "nosuch"),
        ("--db", db, "list", "server", "-m", "nowhere"),
        ("--db", db, "report", "--target", str(TARGET), "--out", str(out), "--formats", "x"),
        # the study, mapping profiles, schemas, templates, synth
        ("study", "all", study),
        ("study", "alternatives", study, "--weight", "6=0,4"),
        ("study", "alternatives", study, "--weight", "nonsense"),
        ("study", "allocate", study, "--total", "1000000", "--key", "nosuch"),
        ("study", "all", str(out)),
        ("mapping", "list"),
        ("mapping", "suggest", str(REPO / "tests" / "data" / "exports" / "intune" / _intune())),
        ("schemas", str(out / "schemas"), "--check"),
        ("templates", str(out / "templates")),
        ("synth", "--municipalities", "2", "--out", str(out / "synth"), "--invalid-rows", "2"),
        ("synth", "--municipalities", "0", "--out", str(out / "synth0")),
        ("synth", "--servers-per-inhabitant", "-1", "--out", str(out / "synth1")),
        ("synth", "--servers-per-inhabitant", "many", "--out", str(out / "synth1")),
        # usage errors
        ("stats", "--bogus"),
        ("nosuchcommand",),
        ("import",),
        ("gap",),
        ("--db", db, "lifecycle", "--date", "2026-13-01"),
    ]
    return runs


def _intune() -> str:
    return next(
        path.name for path in (REPO / "tests" / "data" / "exports" / "intune").glob("Devices*")
    )


def _help_paths() -> list[tuple[str, ...]]:
    paths: list[tuple[str, ...]] = [()]
    for name in sorted(COMMANDS):
        paths += [path for path, _ in walk(load_command(name), (name,))]
    return paths


@pytest.fixture(scope="module")
def db(inputs: dict[str, Path]) -> str:
    """The samples stored (imported in Swedish: the import's own lines are swept there)."""
    url = f"sqlite:///{inputs['work'] / 'samples.db'}"
    samples = [str(SAMPLES / name) for name in MUNICIPALITIES]
    outcome = run_main("--lang", "sv", "--db", url, "import", *samples)
    assert outcome.code == 0, outcome.text
    return url


@pytest.mark.parametrize("lang", ["sv", "no"])
def test_no_english_in_what_the_commands_print(
    lang: Lang, db: str, inputs: dict[str, Path]
) -> None:
    runs = [(*path, "--help") for path in _help_paths()] + _runs(lang, db, inputs)
    (inputs["work"] / lang).mkdir(exist_ok=True)
    english: list[str] = []
    for args in runs:
        outcome = run_main("--lang", lang, *args)
        shown = " ".join(args)
        assert outcome.code in (0, 1, 2), f"inventory {shown}: exit {outcome.code}\n{outcome.text}"
        lines = outcome.text.splitlines()
        if "--help" in args:  # (prose wrapped at the terminal's width: one text)
            lines = [" ".join(outcome.text.split())]
        if args[:2] == ("mapping", "suggest"):  # a YAML draft: its keys are the format's
            lines = [_YAML_KEY.sub(" ", line) for line in lines]
        for line in lines:
            words = english_words(line)
            if words:
                english.append(f"inventory {shown}\n    {words}: {line.strip()}")
    assert not english, f"{len(english)} lines with English:\n" + "\n".join(english[:40])


#: A number in a default or a range of the help as click writes it in English.
_ENGLISH_NUMBER = re.compile(r"\[[^\]]*(?<![\w.,])(\d+\.\d+|\d{4,})(?![\w.,])[^\]]*\]")


@pytest.mark.parametrize("lang", ["sv", "no"])
def test_the_numbers_of_the_help_are_the_languages(lang: Lang) -> None:
    """No ``[standard: 0.233]``, no ``1–2000``: defaults and ranges as the language writes
    numbers (the English help keeps click's)."""
    points = []
    for path in _help_paths():
        text = " ".join(run_main("--lang", lang, *path, "--help").text.split())
        points += [f"{' '.join(path)}: {match[0]}" for match in _ENGLISH_NUMBER.finditer(text)]
    assert not points, points
    english = " ".join(run_main("synth", "--help").text.split())
    assert "[default: 0.233]" in english and "1<=x<=2000" in english


@pytest.mark.parametrize(
    ("lang", "line"),
    [
        ("en", "  gnosjo client: MOB-VB-HILLER-036, PAD-VB-HILLER-035"),
        ("sv", "  gnosjo klient: MOB-VB-HILLER-036, PAD-VB-HILLER-035"),
        ("no", "  gnosjo klient: MOB-VB-HILLER-036, PAD-VB-HILLER-035"),
    ],
)
def test_the_prune_plan_names_the_kind_in_the_language(
    lang: Lang, line: str, db: str, inputs: dict[str, Path]
) -> None:
    """The records a pruning import would delete, by kind as the language names it (the
    sample's last two client rows are gone from the copy); a dry run writes nothing."""
    args = ("--lang", lang, "--db", db, "import", str(inputs["pruned"]), "--prune", "--dry-run")
    outcome = run_main(*args)
    assert outcome.code == 0, outcome.text
    assert line in outcome.stdout.splitlines()
    assert run_main(*args).stdout == outcome.stdout  # (nothing was deleted)
