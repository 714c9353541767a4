"""Every command, run through the console script's entry point, with hostile and empty inputs.

Whatever a careless or hostile user hands the tool, it answers with a message and an exit
code the README defines (0 success, 1 invalid input or failure, 2 usage error), never
with a traceback. The cases are run in-process through ``inventory.cli.app.main`` (the
function the ``inventory`` script calls, with its error handling), so an exception that
escapes it fails the case with its traceback. A command added without cases here fails
``test_every_command_has_hostile_cases``.
"""

from __future__ import annotations

import contextlib
import shutil
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
import typer

from inventory.cli.app import app
from tests.helpers import run_main

REPO = Path(__file__).resolve().parents[2]
SAMPLES = REPO / "samples"
FAIL = frozenset({1, 2})
ANY = frozenset({0, 1, 2})


def _commands() -> set[str]:
    """Every command and sub-command of the ``inventory`` app, as typed on the line."""
    root = typer.main.get_command(app)
    assert isinstance(root, typer.core.TyperGroup)
    context = typer.Context(root)
    names: set[str] = set()
    for name in root.list_commands(context):  # imported on demand (inventory.cli.app)
        command = root.get_command(context, name)
        names.add(name)
        names.update(f"{name} {sub}" for sub in getattr(command, "commands", {}))
    return names


@dataclass
class Ground:
    """The files the hostile cases point at, built once per module."""

    root: Path
    empty_db: str  # an SQLite file with nothing stored (not even created yet)
    loaded_db: str  # the five sample municipalities stored
    sparse_db: str  # one municipality with its sites and nothing else
    sparse_target: Path  # a target for that one municipality
    not_a_db: str  # a text file passed as an SQLite database
    hostile_folder: Path  # a municipality folder with control characters, markup, formulas
    empty_folder: Path
    a_file: Path  # a plain file, used where a folder is expected
    yaml_bomb: Path
    target: Path
    extra: dict[str, Path] = field(default_factory=dict)


def _yaml_bomb(path: Path) -> Path:
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for level in range(1, 12):
        previous, name = chr(ord("a") + level - 1), chr(ord("a") + level)
        lines.append(f"{name}: &{name} [{', '.join(['*' + previous] * 9)}]")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _hostile_folder(root: Path) -> Path:
    """gnosjo with a site name full of terminal escapes, rich markup and a formula, and a
    file whose name carries an escape sequence."""
    folder = root / "hostile"
    shutil.copytree(SAMPLES / "gnosjo", folder)
    sites = folder / "platser.csv"
    header, first, *rest = sites.read_text(encoding="utf-8").splitlines()
    cells = first.split(",")
    cells[1] = "Evil \x1b[31mred\x07 [bold]bold[/bold] :x: =cmd|' /C calc'!A0"
    sites.write_text("\n".join([header, ",".join(cells), *rest]) + "\n", encoding="utf-8")
    (folder / "notes\x1b[2J.csv").write_text("a;b\n1;2\n", encoding="utf-8")
    return folder


def _sparse_store(root: Path) -> tuple[str, Path]:
    """hylte with only its municipality and sites files stored, and a target naming it: every
    other table empty, the shape of a first partial import."""
    folder = root / "sparse" / "hylte"
    folder.mkdir(parents=True)
    for name in ("municipality.csv", "sites.csv"):
        shutil.copy(SAMPLES / "hylte" / name, folder / name)
    url = f"sqlite:///{root / 'sparse.db'}"
    outcome = run_main("--db", url, "import", str(folder))
    assert outcome.code == 0, outcome.text
    text = (SAMPLES / "target.yaml").read_text(encoding="utf-8")
    for old, new in (
        ("municipalities: [gislaved, gnosjo, varnamo, vaggeryd, hylte]", "municipalities: [hylte]"),
        ("primary: varnamo:DC1", "primary: hylte:COLO1"),
        ("secondary: gislaved:DC1", "secondary: null"),
    ):
        assert old in text
        text = text.replace(old, new)
    target = root / "sparse-target.yaml"
    target.write_text(text, encoding="utf-8")
    return url, target


@pytest.fixture(scope="module")
def ground(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Ground]:
    root = tmp_path_factory.mktemp("hostile")
    loaded = f"sqlite:///{root / 'loaded.db'}"
    five = ("gislaved", "gnosjo", "varnamo", "vaggeryd", "hylte")
    outcome = run_main("--db", loaded, "import", *(str(SAMPLES / code) for code in five))
    assert outcome.code == 0, outcome.text
    not_a_db = root / "notes.db"
    not_a_db.write_text("this is not a database\n" * 100, encoding="utf-8")
    empty_folder = root / "empty"
    empty_folder.mkdir()
    a_file = root / "a-file.txt"
    a_file.write_text("plain text\n", encoding="utf-8")
    target = root / "target.yaml"
    shutil.copy(SAMPLES / "target.yaml", target)
    sparse_db, sparse_target = _sparse_store(root)
    yield Ground(
        root=root,
        empty_db=f"sqlite:///{root / 'empty.db'}",
        loaded_db=loaded,
        sparse_db=sparse_db,
        sparse_target=sparse_target,
        not_a_db=f"sqlite:///{not_a_db}",
        hostile_folder=_hostile_folder(root),
        empty_folder=empty_folder,
        a_file=a_file,
        yaml_bomb=_yaml_bomb(root / "bomb.yaml"),
        target=target,
    )


def _cases(g: Ground) -> dict[str, list[tuple[list[str], frozenset[int]]]]:
    """Per command: argument lists (after ``--db URL``) and the exit codes allowed."""
    out = g.root / "out"
    below_file = str(g.a_file / "below")
    missing = str(g.root / "no-such-thing")
    return {
        "validate": [
            ([str(g.hostile_folder)], FAIL),
            ([str(g.empty_folder)], FAIL),
            ([missing], FAIL),
            ([str(g.a_file)], FAIL),
            ([str(SAMPLES / "gnosjo"), "--max-issues", "-5"], FAIL),
        ],
        "import": [
            ([str(g.hostile_folder)], FAIL),
            ([str(g.empty_folder)], FAIL),
            ([missing, "--dry-run"], FAIL),
        ],
        "list": [
            (["sites", "-m", "nosuch"], FAIL),
            (["no-such-kind"], FAIL),
            (["sites", "--limit", "-1"], ANY),
        ],
        "stats": [([], ANY)],
        "history": [(["-m", "nosuch"], ANY)],
        "diff": [(["1", "999999"], FAIL), (["-1", "0"], FAIL)],
        "graph": [
            (["-m", "nosuch"], FAIL),
            (["--out", below_file], FAIL),
            (["--limit", "-3"], ANY),
        ],
        "impact": [(["no-such-node"], FAIL), (["\x1b[2J"], FAIL)],
        "normalise": [
            (["-m", "nosuch"], FAIL),
            (["--aliases", str(g.yaml_bomb)], FAIL),
            (["--aliases", missing], FAIL),
        ],
        "lifecycle": [
            (["--months", "99999999999"], FAIL),
            (["--date", "2024-13-40"], FAIL),
            (["-m", "nosuch"], FAIL),
            (["--aliases", str(g.yaml_bomb)], FAIL),
        ],
        "overlap": [(["-m", "nosuch"], FAIL), (["--out", below_file], FAIL)],
        "propose-target": [
            (["-m", "nosuch"], FAIL),
            (["--out", below_file], FAIL),
            (["--efforts", str(g.yaml_bomb)], FAIL),
        ],
        "gap": [
            (["--target", str(g.yaml_bomb)], FAIL),
            (["--target", missing], FAIL),
            (["--target", str(g.target), "-m", "nosuch"], FAIL),
            (["--target", str(g.target), "--out", below_file], FAIL),
        ],
        "diagram": [
            (["no-such-view", "--out", str(out / "x.svg")], FAIL),
            (["network", "--out", below_file], FAIL),
            (["target", "--out", str(out / "t.svg")], FAIL),
            (["network", "--out", str(out / "n.svg"), "--lang", "xx"], FAIL),
        ],
        "report": [
            (["--target", str(g.target), "--out", below_file], FAIL),
            (["--target", str(g.target), "--out", str(out), "--lang", "xx"], FAIL),
            (["--target", str(g.target), "--out", str(out), "--study", missing], FAIL),
            (["--target", str(g.yaml_bomb), "--out", str(out)], FAIL),
        ],
        "schemas": [([str(g.a_file), "--check"], FAIL)],
        "templates": [([below_file], FAIL)],
        "synth": [
            (["--out", below_file], FAIL),
            (["--out", str(out), "--seed", "-1"], FAIL),
            (["--out", str(out), "--client-rows-per-inhabitant", "inf"], FAIL),
            (["--out", str(out), "--client-rows-per-inhabitant", "nan"], FAIL),
        ],
        "demo": [(["--out", below_file], FAIL)],
        "study": [(["all", str(g.empty_folder)], FAIL)],
        "study potential": [([str(g.empty_folder)], FAIL), ([missing], FAIL)],
        "study alternatives": [
            ([str(g.empty_folder)], FAIL),
            ([str(SAMPLES / "study"), "--weight", "x=inf"], FAIL),
        ],
        "study allocate": [([str(g.empty_folder)], FAIL)],
        "study projection": [([str(g.empty_folder)], FAIL)],
        "study compare": [([str(g.empty_folder)], FAIL)],
        "study all": [([str(g.empty_folder)], FAIL), ([g.yaml_bomb.parent.as_posix()], FAIL)],
        "export": [([], ANY)],
        "export archimate": [
            (["--target", str(g.yaml_bomb), "--out", str(out / "m.xml")], FAIL),
            (["--target", missing, "--out", str(out / "m.xml")], FAIL),
            (["--target", str(g.target), "--out", below_file], FAIL),
            (["--target", str(g.target), "--out", str(out / "m.xml"), "-m", "nosuch"], FAIL),
            (["--target", str(g.target), "--out", str(out / "m.xml"), "--lang", "xx"], FAIL),
        ],
        "mapping": [([], ANY)],
        "mapping list": [([], ANY)],
        "mapping suggest": [
            ([missing], FAIL),
            ([str(g.a_file)], ANY),
            ([str(g.yaml_bomb)], ANY),
            ([str(SAMPLES / "gnosjo" / "servrar.csv"), "--out", below_file], FAIL),
        ],
    }


def _databases(g: Ground) -> dict[str, str]:
    return {"empty": g.empty_db, "loaded": g.loaded_db, "sparse": g.sparse_db}


def test_every_command_has_hostile_cases(ground: Ground) -> None:
    assert set(_commands()) <= set(_cases(ground)), "add hostile cases for new commands"


def _run_all(ground: Ground, databases: dict[str, str]) -> list[str]:
    failures = []
    for command, cases in _cases(ground).items():
        for argv, allowed in cases:
            for label, db in databases.items():
                outcome = run_main("--db", db, *command.split(), *argv)
                place = f"[{label}] inventory {command} {' '.join(map(repr, argv))}"
                if "Traceback" in outcome.text or outcome.code not in allowed:
                    failures.append(f"{place}: exit {outcome.code}\n{outcome.text[-1500:]}")
                elif "\x1b" in outcome.text or "\x07" in outcome.text:
                    failures.append(f"{place}: a raw control character reached the terminal")
    return failures


def test_no_command_ends_in_a_traceback(ground: Ground) -> None:
    failures = _run_all(ground, _databases(ground))
    assert not failures, f"{len(failures)} cases failed:\n\n" + "\n\n".join(failures)


def test_analysing_commands_on_an_empty_store_say_so(ground: Ground) -> None:
    """Nothing stored: every analysing command says so in one line and exits 1 or 2."""
    analysing = [
        ["gap", "--target", str(ground.target)],
        ["report", "--target", str(ground.target), "--out", str(ground.root / "o")],
        ["diagram", "target", "--target", str(ground.target), "--out", str(ground.root / "t.svg")],
        ["overlap"],
        ["graph"],
        ["lifecycle"],
        ["normalise"],
        ["propose-target"],
    ]
    for argv in analysing:
        outcome = run_main("--db", ground.empty_db, *argv)
        assert outcome.code in FAIL, (argv, outcome.text)
        assert "Traceback" not in outcome.text
        assert "inventory import" in outcome.text, (argv, outcome.text)


def test_analysing_commands_work_on_a_partial_inventory(ground: Ground) -> None:
    """Only municipality and sites stored (a first partial import): every analysis and
    every output still runs and exits 0 (empty tables are tables, not crashes)."""
    out = ground.root / "sparse-out"
    commands = [
        ["gap", "--target", str(ground.sparse_target)],
        ["gap", "--target", str(ground.sparse_target), "--format", "json"],
        ["report", "--target", str(ground.sparse_target), "--out", str(out)],
        ["diagram", "target", "--target", str(ground.sparse_target), "--out", str(out / "t.svg")],
        ["diagram", "architecture", "-m", "hylte", "--out", str(out / "a.svg")],
        ["diagram", "network", "--out", str(out / "n.svg")],
        ["overlap"],
        ["graph", "--check"],
        ["lifecycle"],
        ["normalise"],
        ["propose-target"],
        ["list", "site"],
        ["stats"],
        ["history"],
    ]
    for argv in commands:
        outcome = run_main("--db", ground.sparse_db, *argv)
        assert outcome.code == 0, (argv, outcome.text[-3000:])
    assert (out / "report.html").is_file()


@pytest.mark.parametrize("db_kind", ["not-a-db", "bad-port", "no-scheme", "newer"])
def test_every_store_command_refuses_a_bad_database(
    ground: Ground, db_kind: str, tmp_path: Path
) -> None:
    urls = {
        "not-a-db": ground.not_a_db,
        "bad-port": "postgresql+psycopg://u:s3cretpw@localhost:notaport/db",
        "no-scheme": "u:s3cretpw@localhost/db",
    }
    if db_kind == "newer":
        newer = tmp_path / "newer.db"
        shutil.copy(ground.loaded_db.removeprefix("sqlite:///"), newer)
        import sqlite3

        with contextlib.closing(sqlite3.connect(newer)) as connection:
            connection.execute("UPDATE alembic_version SET version_num = 'ffff9999'")
            connection.commit()
        urls["newer"] = f"sqlite:///{newer}"
    for argv in (
        ["stats"],
        ["list", "sites"],
        ["history"],
        ["import", str(SAMPLES / "gnosjo")],
        ["overlap"],
    ):
        outcome = run_main("--db", urls[db_kind], *argv)
        assert outcome.code in FAIL, (db_kind, argv, outcome.text)
        assert "Traceback" not in outcome.text, (db_kind, argv, outcome.text)
        assert "s3cretpw" not in outcome.text, (db_kind, argv, outcome.text)
        assert outcome.stderr.strip(), (db_kind, argv)


def test_cases_name_only_real_commands() -> None:
    commands = set(_commands())
    fake = Ground(
        root=Path("/nonexistent"),
        empty_db="",
        loaded_db="",
        sparse_db="",
        sparse_target=Path("/"),
        not_a_db="",
        hostile_folder=Path("/"),
        empty_folder=Path("/"),
        a_file=Path("/"),
        yaml_bomb=Path("/"),
        target=Path("/"),
    )
    assert set(_cases(fake)) <= commands | {"study"}
    assert app.info.name == "inventory"
