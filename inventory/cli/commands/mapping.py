"""``inventory mapping``: mapping profiles for the exports of other tools.

``inventory mapping list`` lists the built-in profiles; ``inventory mapping suggest FILE``
drafts a profile from a file's headers and values. The ``--mapping`` / ``--from`` options
of ``validate`` and ``import`` are declared here once (what they do:
``inventory.validate.profiled``).
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from inventory.cli.common import OutputFormat, cli_lang, console, print_json, say
from inventory.cli.options import FormatOption

MappingOption = Annotated[
    list[Path] | None,
    typer.Option(
        "--mapping",
        help="A mapping profile (YAML) for exports of another tool; may be given"
        " more than once. See docs/adapters.md.",
    ),
]
FromOption = Annotated[
    str | None,
    typer.Option(
        "--from",
        help="Read files not understood by name with this adapter or profile only"
        " (intune, configmgr, lansweeper, chromeos, glpi, snipeit, or a --mapping's name).",
    ),
]


app = typer.Typer(
    help="Mapping profiles: how the exports of other tools are read.", no_args_is_help=True
)


@app.command("list")
def list_profiles(
    output: FormatOption = OutputFormat.TEXT,
) -> None:
    """List the built-in mapping profiles (the exports recognised by their headers).

    Example: inventory mapping list
    """
    from inventory.read.profiles import builtin_profiles

    rows = [
        {
            "name": r.name,
            "description": r.description,
            "file": r.origin,
            "kinds": [t.kind for t in r.profile.tables],
        }
        for r in builtin_profiles()
    ]
    if output is OutputFormat.JSON:
        print_json(rows)
        return
    from inventory.language.i18n import translations

    for row in rows:
        # a built-in profile's description in the language; one without a text as written
        key = f"cli.mapping.profile.{row['name']}"
        description = say(key) if any(translations(key).values()) else row["description"]
        console.print(f"{row['name']:<12} {description}", markup=False)


@app.command("suggest")
def suggest(
    files: Annotated[
        list[Path],
        typer.Argument(help="Export files (CSV, TSV, XLSX).", exists=True, dir_okay=False),
    ],
    out: Annotated[
        Path | None, typer.Option("--out", help="Write the draft here instead of printing it.")
    ] = None,
) -> None:
    """Draft a mapping profile from the headers and values of FILES, for you to review.

    Each guess carries its confidence as a YAML comment; a column matched to no field is
    listed as a comment too.

    Example: inventory mapping suggest export.csv --out my-tool.yaml
    """
    from inventory.read.suggest_profile import suggest_profile

    text = suggest_profile(files, cli_lang())
    if out is None:
        console.print(text, markup=False, end="")
    else:
        out.write_text(text, encoding="utf-8")
        console.print(say("cli.mapping.wrote", path=str(out)), markup=False)


def register(root: typer.Typer) -> None:
    root.add_typer(app, name="mapping")
