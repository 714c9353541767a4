"""The command line starts without its heavy libraries (issue 17: an instant CLI).

``inventory --help`` and ``inventory COMMAND --help`` import no pandas, pyarrow,
SQLAlchemy, Alembic, Jinja2 or networkx: the commands are registered by name and their
modules import what a run needs when it runs. Structural (which modules are loaded in a
fresh interpreter), never a timing.
"""

from __future__ import annotations

import importlib
import json
import os
import pkgutil
import sqlite3
import subprocess
import sys
import textwrap
from contextlib import closing
from pathlib import Path
from typing import Any

import pytest
import typer
from typer.testing import CliRunner

from inventory.cli import commands
from inventory.cli.app import COMMANDS, app, load_command

REPO = Path(__file__).resolve().parents[2]
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


# --- inventory stats: a plain SQLite file is counted with sqlite3 alone -----------------

#: Run ``inventory ARGS`` in a fresh interpreter; after its output, on standard error, the
#: heavy modules it loaded (one line after ``LOADED:``).
_RUN = textwrap.dedent(
    """
    import sys

    from inventory.cli import main

    HEAVY = {heavy!r}
    sys.argv = ["inventory", *sys.argv[1:]]
    try:
        main()
    except SystemExit as exit_:
        code = exit_.code
    else:
        code = 0
    loaded = [name for name in HEAVY if name in sys.modules]
    print("LOADED:" + ",".join(loaded), file=sys.stderr)
    sys.exit(code)
    """
)

#: What ``inventory stats`` may not load on an SQLite file at the newest schema: the
#: counts are read with ``sqlite3`` (``inventory.store.counts``), the option values without
#: typer's pydantic adapters (``inventory.cli.parameter_values``). rich and Babel (the
#: table and its numbers) are allowed.
STATS_MUST_NOT_LOAD = (
    "sqlalchemy",
    "alembic",
    "pydantic",
    "pandas",
    "pyarrow",
    "numpy",
    "networkx",
    "jinja2",
    "openpyxl",
    "rapidfuzz",
    "inventory.snapshot",
    "inventory.store.importer",
    "inventory.validate",
    "inventory.read",
    "inventory.analyse",
    "inventory.models",
    "inventory.store.engine",
    "inventory.store.schema",
    "inventory.store.store",
)


def _stored_counts(url: str) -> dict[str, Any]:
    """The store's rows counted with sqlite3 (not through the package), as ``stats``
    reports them."""
    from inventory.models import RECORD_KINDS

    path = url.removeprefix("sqlite:///")
    with closing(sqlite3.connect(path)) as database:
        per: dict[str, dict[str, int]] = {}
        for kind in RECORD_KINDS:
            for code, count in database.execute(
                f"SELECT municipality, count(*) FROM {kind} GROUP BY municipality"
            ):
                per.setdefault(code, dict.fromkeys(RECORD_KINDS, 0))[kind] = count
        devices = dict(
            database.execute(
                "SELECT municipality, sum(coalesce(quantity, 1)) FROM client GROUP BY municipality"
            ).fetchall()
        )
        runs = database.execute("SELECT count(*) FROM import_run").fetchone()[0]
    totals = {kind: sum(counts[kind] for counts in per.values()) for kind in RECORD_KINDS}
    return {
        "municipalities": {
            code: {**per[code], "client_devices": devices.get(code, 0)} for code in sorted(per)
        },
        "totals": {**totals, "client_devices": sum(devices.values())},
        "import_runs": runs,
    }


@pytest.mark.parametrize("output_format", ["json", "text"])
def test_stats_loads_only_what_counting_needs(samples_db: str, output_format: str) -> None:
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            _RUN.format(heavy=STATS_MUST_NOT_LOAD),
            "--db",
            samples_db,
            "stats",
            "--format",
            output_format,
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert result.stderr.strip().splitlines()[-1] == "LOADED:", result.stderr
    expected = _stored_counts(samples_db)
    # The five samples, by hand from their files: 422 servers, 5 municipalities, one run.
    assert expected["totals"]["server"] == 422
    assert sorted(expected["municipalities"]) == [
        "gislaved",
        "gnosjo",
        "hylte",
        "vaggeryd",
        "varnamo",
    ]
    if output_format == "json":
        assert json.loads(result.stdout) == expected
    else:
        rows = {
            line.split("│")[1].strip(): [
                cell.strip().replace(",", "") for cell in line.split("│")[2:-1]
            ]
            for line in result.stdout.splitlines()
            if line.count("│") > 2
        }
        codes = list(expected["municipalities"])
        for kind, total in expected["totals"].items():
            assert rows[kind] == [
                *(str(expected["municipalities"][code][kind]) for code in codes),
                str(total),
            ]


@pytest.mark.parametrize("lang", ["sv", "no"])
def test_stats_in_every_language_and_from_the_environment_loads_no_more(
    samples_db: str, lang: str
) -> None:
    """The database named by ``INVENTORY_DB`` and the language by ``--lang``: the same
    light path (numbers written as the language writes them)."""
    result = subprocess.run(
        [sys.executable, "-c", _RUN.format(heavy=STATS_MUST_NOT_LOAD), "--lang", lang, "stats"],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "INVENTORY_DB": samples_db},
    )
    assert result.returncode == 0, result.stderr
    assert result.stderr.strip().splitlines()[-1] == "LOADED:", result.stderr
    sites = _stored_counts(samples_db)["totals"]["site"]
    label = {"sv": "plats", "no": "lokasjon"}[lang]
    row = next(line for line in result.stdout.splitlines() if line.startswith(f"│ {label} "))
    assert row.split("│")[-2].strip() == str(sites)  # 65: no group separator


# --- validate, and the libraries only a part of a run needs -----------------------------


def test_validate_without_a_database_loads_no_store_or_graph_library(tmp_path: Path) -> None:
    """``inventory validate`` where no database file exists yet: nothing stored to read
    (no SQLAlchemy), and the samples form no dependency cycle (no networkx)."""
    samples = REPO / "samples"
    folders = [
        str(samples / code) for code in ("gislaved", "gnosjo", "hylte", "vaggeryd", "varnamo")
    ]
    heavy = ("sqlalchemy", "alembic", "networkx", "pandera", "jinja2", "xlsxwriter")
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            _RUN.format(heavy=heavy),
            "--db",
            f"sqlite:///{tmp_path / 'inventory.db'}",
            "validate",
            *folders,
        ],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    assert result.stderr.strip().splitlines()[-1] == "LOADED:", result.stderr
    assert not (tmp_path / "inventory.db").exists()


def test_the_report_writers_libraries_load_when_a_report_is_written() -> None:
    """xlsxwriter and markdown-it load where the XLSX and the method page are written (the
    demo's and report's writer process), not with the analysis."""
    code = (
        "import sys; import inventory.report, inventory.demo, inventory.report.method_page,"
        " inventory.render.xlsx, inventory.analyse.graph, inventory.validate.references;"
        " print(','.join(m for m in ('xlsxwriter', 'markdown_it')"
        " if m in sys.modules))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=300
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == ""
