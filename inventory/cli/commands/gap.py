"""``inventory gap``: the harmonisation gap between the stored inventories and a target, or
several targets (alternatives) side by side."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

import typer

from inventory.cli.common import (
    TableFormat,
    cli_lang,
    console,
    load_target_or_exit,
    nothing_stored,
    open_store,
    print_json,
    say,
    stored_snapshot,
    write_tables,
)
from inventory.cli.options import (
    DateOption,
    MunicipalitiesOption,
    OptionalOutDirOption,
    OverridesOption,
    TableFormatOption,
    TargetsOption,
)
from inventory.errors import NothingStoredError

if TYPE_CHECKING:
    from inventory.target.model import TargetArchitecture


def gap(
    ctx: typer.Context,
    target_files: TargetsOption,
    as_of: DateOption = None,
    municipality: MunicipalitiesOption = None,
    output_format: TableFormatOption = TableFormat.TEXT,
    out: OptionalOutDirOption = None,
    overrides: OverridesOption = None,
) -> None:
    """Compare the stored inventories with a target architecture: TOGAF gap matrix,
    readiness, end-of-life exposure, security baseline, datacentre capacity,
    interconnects, SLA gaps, effort and cost, migration waves.

    With several --target files: the gap of each over the same inventory and date, and
    one table of the alternatives side by side (--format csv: alternatives.csv).

    Exit 1 when a target file is invalid (every problem listed with its line) or names a
    municipality that is not stored, or when nothing is stored; exit 2 for a --municipality
    that is not stored.

    Several --target files give one table of the alternatives: cost range, saving,
    payback, NPV, effort, duration, risk, readiness. --format text: a summary; json: the
    full report; csv: one file per table into the folder --out.

    Example: inventory gap --target samples/target.yaml --format csv --out gap/

    Example: inventory gap -t samples/target.yaml -t samples/alternatives/target-s.yaml
    """
    from inventory.analyse.lifecycle import lifecycle_normaliser
    from inventory.cli.present.gap import render_gap
    from inventory.gap.result import compute_gap

    day = as_of or dt.date.today()
    if output_format is TableFormat.CSV and out is None:
        raise typer.BadParameter(say("cli.gap.csv_needs_out"), param_hint="--out")
    if out is not None and output_format is not TableFormat.CSV:
        raise typer.BadParameter(say("cli.gap.out_is_for_csv"), param_hint="--out")
    as_json = output_format is TableFormat.JSON
    targets = [load_target_or_exit(path, as_json=as_json) for path in target_files]
    if municipality:
        targets = [
            target.model_copy(update={"municipalities": list(municipality)}) for target in targets
        ]
    if len(targets) > 1:
        _alternatives(
            ctx,
            list(zip(target_files, targets, strict=True)),
            municipality,
            day,
            output_format,
            out,
            overrides,
        )
        return
    target = targets[0]
    snapshot = stored_snapshot(ctx, municipality, target=target)
    report = compute_gap(
        snapshot, target, as_of=day, normaliser=lifecycle_normaliser(None, overrides)
    )
    if output_format is TableFormat.JSON:
        print_json(report.to_json())
    elif output_format is TableFormat.CSV:
        assert out is not None
        written = write_tables(report.to_tables(), out)
        console.print(say("cli.wrote_tables", count=len(written), folder=str(out)), markup=False)
    else:
        for part in render_gap(report, cli_lang()):
            console.print(part)


def _alternatives(
    ctx: typer.Context,
    targets: list[tuple[Path, TargetArchitecture]],
    municipality: list[str] | None,
    day: dt.date,
    output_format: TableFormat,
    out: Path | None,
    overrides: Path | None,
) -> None:
    """The gap of each target over one stored inventory, compared
    (``compare_stored_alternatives``)."""
    from inventory.analyse.lifecycle import lifecycle_normaliser
    from inventory.cli.present.gap import alternatives_text
    from inventory.gap.alternatives import compare_stored_alternatives
    from inventory.messages import message_text

    if nothing_stored(ctx, municipality):  # (an SQLite file that is not there stays so)
        raise NothingStoredError()
    with open_store(ctx) as store:
        result = compare_stored_alternatives(
            store,
            [(str(path), target) for path, target in targets],
            municipality,
            as_of=day,
            normaliser=lifecycle_normaliser(None, overrides),
        )
    if output_format is TableFormat.JSON:
        print_json(result.to_json())
    elif output_format is TableFormat.CSV:
        assert out is not None
        written = write_tables({"alternatives": result.table}, out)
        console.print(say("cli.wrote_table", count=len(written), folder=str(out)), markup=False)
    else:
        console.print(alternatives_text(result, cli_lang()))
        for note in result.notes:
            console.print(say("cli.note", text=message_text(note, cli_lang())), markup=False)


def register(app: typer.Typer) -> None:
    app.command("gap")(gap)
