"""The Alembic migrations build exactly the tables the models describe."""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import create_engine, inspect

from inventory.store import InventoryStore
from inventory.store.database_file import head_revision
from inventory.store.schema import RECORD_TABLES, metadata


def test_migrated_database_matches_the_metadata(db_url: str) -> None:
    InventoryStore(db_url).close()
    engine = create_engine(db_url)
    with engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        assert context.get_current_revision() == head_revision()
        differences = compare_metadata(context, metadata)
    engine.dispose()
    assert differences == []


def test_every_record_kind_has_a_table_keyed_by_municipality_and_id(db_url: str) -> None:
    InventoryStore(db_url).close()
    engine = create_engine(db_url)
    inspector = inspect(engine)
    for kind, table in RECORD_TABLES.items():
        key = inspector.get_pk_constraint(kind)["constrained_columns"]
        assert key == ["municipality", "code" if kind == "municipality" else "id"]
        assert {column["name"] for column in inspector.get_columns(kind)} == set(
            table.columns.keys()
        )
    engine.dispose()


def test_opening_twice_does_not_migrate_again(db_url: str) -> None:
    InventoryStore(db_url).close()
    InventoryStore(db_url).close()
    engine = create_engine(db_url)
    with engine.connect() as connection:
        assert MigrationContext.configure(connection).get_current_revision() == head_revision()
    engine.dispose()
