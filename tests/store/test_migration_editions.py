"""Migration 0003: the client edition of a municipality and the support end of a client."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from sqlalchemy import create_engine, inspect, text

from inventory.store import InventoryStore
from inventory.store.engine import alembic_config
from inventory.store.frames import row_hashes, stored_columns
from inventory.validate import validate_paths


def _columns(url: str, table: str) -> set[str]:
    engine = create_engine(url)
    names = {column["name"] for column in inspect(engine).get_columns(table)}
    engine.dispose()
    return names


def _inventory(root: Path) -> Path:
    folder = root / "exempel"
    folder.mkdir()
    (folder / "kommun.csv").write_text(
        "kod;namn;land;klientutgåva\nexempel;Exempel kommun;SE;Utbildning\n", encoding="utf-8"
    )
    (folder / "klienter.csv").write_text(
        "id;typ;os;aue\nCB1;chromebook;ChromeOS;2031-06-01\nPC1;laptop;Windows 11;\n",
        encoding="utf-8",
    )
    return folder


def test_new_columns_are_stored_and_survive_a_downgrade_and_upgrade(
    db_url: str, tmp_path: Path
) -> None:
    batch = validate_paths([_inventory(tmp_path)])
    assert batch.report.valid, batch.report.errors
    with InventoryStore(db_url) as store:
        store.import_batch(batch)
        snapshot = store.snapshot()
    municipality = snapshot.table("municipality")
    assert list(municipality["client_edition"]) == ["education"]
    clients = snapshot.table("client").set_index("id")
    assert str(clients.loc["CB1", "support_end"]) == "2031-06-01"
    assert clients["support_end"].isna().sum() == 1
    engine = create_engine(db_url)
    with engine.begin() as connection:
        command.downgrade(alembic_config(connection), "0002")
    engine.dispose()
    assert "client_edition" not in _columns(db_url, "municipality")
    assert "support_end" not in _columns(db_url, "client")
    engine = create_engine(db_url)
    with engine.begin() as connection:
        command.upgrade(alembic_config(connection), "head")
        rows = connection.execute(text("SELECT id, support_end FROM client ORDER BY id")).all()
        edition = connection.execute(text("SELECT client_edition FROM municipality")).one()
    engine.dispose()
    # the records stay; the dropped values are gone (import again to restore them)
    assert [(row[0], row[1]) for row in rows] == [("CB1", None), ("PC1", None)]
    assert edition == (None,)


def test_rows_are_hashed_again_so_a_reimport_changes_nothing(db_url: str, tmp_path: Path) -> None:
    """Hashes cover every field: after the upgrade (and after a downgrade and upgrade) the
    same files import as unchanged, not as every record updated."""
    folder = tmp_path / "exempel"
    folder.mkdir()
    (folder / "kommun.csv").write_text(
        "kod;namn;land\nexempel;Exempel kommun;NO\n", encoding="utf-8"
    )
    (folder / "klienter.csv").write_text(
        "id;typ;os;antal;inköpsdatum\nPC1;laptop;Windows 11;3;2024-02-01\n"
        "PC2;stationär;Windows 10;;\n",
        encoding="utf-8",
    )
    batch = validate_paths([folder])
    with InventoryStore(db_url) as store:
        store.import_batch(batch)
    engine = create_engine(db_url)
    with engine.begin() as connection:
        command.downgrade(alembic_config(connection), "0002")
        # at 0002 the hashes are those the code of that revision computes (no new field)
        checked = 0
        for table in batch.municipalities[0].tables.values():
            if table.kind not in ("client", "municipality"):
                continue
            checked += 1
            key = "code" if table.kind == "municipality" else "id"
            columns = stored_columns(table.frame, table.kind)
            columns.pop("support_end" if table.kind == "client" else "client_edition")
            expected = dict(
                zip(columns[key], row_hashes(columns, unique={key}).tolist(), strict=True)
            )
            stored: dict[object, object] = dict(
                connection.execute(text(f"SELECT {key}, row_hash FROM {table.kind}")).all()
            )
            assert stored == expected
        assert checked == 2
    with engine.begin() as connection:
        command.upgrade(alembic_config(connection), "head")
    engine.dispose()
    with InventoryStore(db_url) as store:
        again = store.import_batch(validate_paths([folder]))
    assert not again.changed
    assert again.totals.unchanged == 3
