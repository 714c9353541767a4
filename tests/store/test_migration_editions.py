"""Migration 0003: the client edition of a municipality and the support end of a client."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from sqlalchemy import create_engine, inspect, text

from inventory.store import InventoryStore
from inventory.store.engine import alembic_config
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
        "kod;namn;land;klientutgåva\nexempel;Exempel kommun;SE;Utbildning\n", encoding="utf-8")
    (folder / "klienter.csv").write_text(
        "id;typ;os;aue\nCB1;chromebook;ChromeOS;2031-06-01\nPC1;laptop;Windows 11;\n",
        encoding="utf-8")
    return folder


def test_new_columns_are_stored_and_survive_a_downgrade_and_upgrade(
        db_url: str, tmp_path: Path) -> None:
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
