"""A re-import in which a few rows changed reads the stored records of the changed keys
once: validation reads them to look for a key taken by an unchanged row (``RawRows._held``)
and, on SQLite, hands them to the import (``RawRows.held_records``) when it runs on the same
connection and no other connection wrote in between (``PRAGMA data_version``). What is
stored and logged is the same either way (SQLite and PostgreSQL)."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import shutil
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import create_engine, select, text

from inventory.api import import_folders
from inventory.store import importer
from inventory.store.importer import _changed_fields, _Stored
from inventory.store.schema import record_change
from inventory.validate import ImportBatch

SAMPLES = Path(__file__).resolve().parents[2] / "samples"


def _clients(folder: Path) -> tuple[list[str], list[list[str]]]:
    rows = list(csv.reader(io.StringIO((folder / "clients.csv").read_text(encoding="utf-8"))))
    return rows[0], rows[1:]


def _change_models(folder: Path, lines: list[int]) -> dict[str, str]:
    """Append `` (2)`` to the model of the client rows ``lines`` (0-based); their keys ->
    the model as it was."""
    header, rows = _clients(folder)
    key, model = header.index("id"), header.index("model")
    was = {}
    for line in lines:
        was[rows[line][key]] = rows[line][model]
        rows[line][model] = f"{rows[line][model]} (2)"
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows([header, *rows])
    (folder / "clients.csv").write_text(out.getvalue(), encoding="utf-8")
    return was


def _changes(url: str, run_id: int) -> dict[str, dict[str, Any]]:
    engine = create_engine(url)
    try:
        with engine.connect() as connection:
            rows = connection.execute(
                select(record_change.c.record_id, record_change.c.fields).where(
                    record_change.c.run_id == run_id, record_change.c.change == "updated"
                )
            ).all()
    finally:
        engine.dispose()
    return {str(key): json.loads(fields) for key, fields in rows}


def _held_reads(monkeypatch: pytest.MonkeyPatch) -> list[bool]:
    """For each file the import updates records of: whether it took the records
    validation read (True) or read them itself."""
    taken: list[bool] = []
    original = importer._Writer._records_of

    def spying(self: Any, *args: Any, held: Any = None, **kwargs: Any) -> Any:
        taken.append(held is not None)
        return original(self, *args, held=held, **kwargs)

    monkeypatch.setattr(importer._Writer, "_records_of", spying)
    return taken


@pytest.fixture
def imported(db_url: str, tmp_path: Path) -> tuple[str, Path]:
    folder = shutil.copytree(SAMPLES / "varnamo", tmp_path / "varnamo")
    import_folders([folder], db_url)
    return db_url, folder


def test_the_changed_records_are_read_once_and_logged_with_their_values(
    imported: tuple[str, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    url, folder = imported
    was = _change_models(folder, [0, 7])
    taken = _held_reads(monkeypatch)
    done = import_folders([folder], url)
    assert (done.result.totals.created, done.result.totals.updated) == (0, 2)
    assert done.result.run_id is not None
    assert _changes(url, done.result.run_id) == {
        key: {"model": [model, f"{model} (2)"]} for key, model in was.items()
    }
    # SQLite: the rows validation read; PostgreSQL: read again by the import
    assert taken == [url.startswith("sqlite")]


def test_a_write_by_another_connection_in_between_is_read(
    imported: tuple[str, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Another process changes a stored record after validation, before the import: the
    import reads the records itself and logs the values it replaces, as they are then."""
    url, folder = imported
    was = _change_models(folder, [3])
    ((key, model),) = was.items()
    header, rows = _clients(folder)
    vendor = rows[3][header.index("vendor")]

    def meanwhile(_batch: ImportBatch) -> None:
        engine = create_engine(url)
        try:
            with engine.begin() as connection:
                connection.execute(
                    text("UPDATE client SET vendor = 'Elsewhere' WHERE id = :key"), {"key": key}
                )
        finally:
            engine.dispose()

    taken = _held_reads(monkeypatch)
    done = import_folders([folder], url, on_validated=meanwhile)
    assert done.result.totals.updated == 1
    assert done.result.run_id is not None
    assert _changes(url, done.result.run_id) == {
        key: {"vendor": ["Elsewhere", vendor], "model": [model, f"{model} (2)"]}
    }
    assert taken == [False]


def test_changed_fields_are_the_fields_whose_values_differ() -> None:
    before = _Stored(
        rows={"a": 0, "b": 1},
        columns={
            "model": ["X1", "Y2"],
            "site": ["KH", None],
            "purchase_date": [dt.date(2024, 1, 2), dt.date(2023, 5, 6)],
        },
    )
    names = ["model", "site", "purchase_date", "quantity"]
    keys = ["a", "b", "c"]
    new: list[list[Any]] = [
        ["X1 (2)", "Y2", "Z3"],  # model
        ["KH", "KH", None],  # site
        [dt.date(2024, 1, 2), dt.date(2023, 5, 7), dt.date(2020, 1, 1)],  # purchase_date
        [None, 2, None],  # quantity: no stored column, so None before
    ]
    assert _changed_fields(names, keys, new, before) == [
        {"model": ["X1", "X1 (2)"]},
        {
            "site": [None, "KH"],
            "purchase_date": [dt.date(2023, 5, 6), dt.date(2023, 5, 7)],
            "quantity": [None, 2],
        },
        # "c" is not stored: every value that is not None differs
        {"model": [None, "Z3"], "purchase_date": [None, dt.date(2020, 1, 1)]},
    ]
    assert _changed_fields(names, [], [[], [], [], []], before) == []
    assert before.record("b") == {
        "model": "Y2",
        "site": None,
        "purchase_date": dt.date(2023, 5, 6),
    }
    assert before.record("c") == {}
