"""The Alembic migrations build exactly the tables the models describe."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import Engine, create_engine, inspect, text

from inventory.store import InventoryStore
from inventory.store.database_file import VERSION_TABLE, head_revision
from inventory.store.engine import alembic_config
from inventory.store.schema import RECORD_TABLES, metadata


def _migrated_one_by_one(url: str) -> None:
    """Every migration run from the first, as Alembic runs them (not the new-database
    shortcut the store takes)."""
    engine = create_engine(url)
    with engine.begin() as connection:
        command.upgrade(alembic_config(connection), "head")
    engine.dispose()


def _schema(engine: Engine) -> dict[str, Any]:
    """Everything the database says of its tables: columns (type, nullability, default),
    primary and foreign keys, indexes, unique and check constraints, table by table."""
    inspector = inspect(engine)

    def described(rows: list[Any], key: Callable[[Any], Any] = repr) -> list[Any]:
        return sorted((dict(row) for row in rows), key=key)

    schema: dict[str, Any] = {}
    for table in sorted(inspector.get_table_names()):
        schema[table] = {
            # by name: a migration appends the columns it adds, and nothing in the store
            # reads or writes a column by its position (every statement names its columns)
            "columns": sorted(
                (c["name"], str(c["type"]), c["nullable"], c.get("default"))
                for c in inspector.get_columns(table)
            ),
            "primary key": inspector.get_pk_constraint(table),
            "foreign keys": described(inspector.get_foreign_keys(table)),
            "indexes": described(inspector.get_indexes(table)),
            "unique": described(inspector.get_unique_constraints(table)),
            "checks": described(inspector.get_check_constraints(table)),
        }
    return schema


def test_a_new_database_gets_the_schema_every_migration_builds(
    db_url: str, request: pytest.FixtureRequest, tmp_path: Path
) -> None:
    """The store creates a new database's schema in one step (the metadata's tables and
    the version stamp): the very tables, columns, keys, indexes and constraints that
    running every migration from the first builds, and the same revision."""
    twin = (
        f"sqlite:///{tmp_path / 'migrated.db'}"
        if db_url.startswith("sqlite")
        else request.getfixturevalue("postgres_database")()
    )
    InventoryStore(db_url).close()
    _migrated_one_by_one(twin)
    shortcut, migrated = create_engine(db_url), create_engine(twin)
    with shortcut.connect() as one, migrated.connect() as other:
        revisions = [
            list(connection.execute(text(f"SELECT version_num FROM {VERSION_TABLE}")).scalars())
            for connection in (one, other)
        ]
    assert revisions == [[head_revision()], [head_revision()]]
    created, by_migrations = _schema(shortcut), _schema(migrated)
    shortcut.dispose()
    migrated.dispose()
    assert set(created) == set(metadata.tables) | {VERSION_TABLE}
    assert created == by_migrations


def test_migrated_database_matches_the_metadata(db_url: str) -> None:
    _migrated_one_by_one(db_url)
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
