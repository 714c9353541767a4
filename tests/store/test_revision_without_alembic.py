"""Opening a database at the newest revision loads no Alembic (issue 17: ``inventory stats``
well under a second): the revision is read with SQLAlchemy and compared with the migration
scripts' file names; Alembic is imported only when a migration runs. Structural checks
(which modules a fresh interpreter loads), never a timing."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from alembic import command
from alembic.script import ScriptDirectory
from sqlalchemy import create_engine, text

from inventory.errors import StoreError
from inventory.store import InventoryStore
from inventory.store.database_file import MIGRATIONS, head_revision, known_revisions
from inventory.store.engine import alembic_config

#: Opens the store at argv[1], counts its records, prints whether Alembic was loaded.
_OPEN = textwrap.dedent(
    """
    import sys

    from inventory.store import InventoryStore

    with InventoryStore(sys.argv[1]) as store:
        store.stats()
    print("alembic" in sys.modules, "alembic.runtime.migration" in sys.modules)
    """
)


def _alembic_loaded(url: str) -> str:
    result = subprocess.run(
        [sys.executable, "-c", _OPEN, url], capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


def test_the_revisions_are_the_ones_alembic_reads_from_the_scripts() -> None:
    scripts = ScriptDirectory.from_config(alembic_config())
    alembic_order = [script.revision for script in scripts.walk_revisions()][::-1]
    assert known_revisions() == alembic_order  # oldest first, one chain
    assert head_revision() == scripts.get_current_head()
    # every script in the folder is one of them (none named otherwise, none skipped)
    scripts_in_folder = [
        path.name for path in (MIGRATIONS / "versions").glob("*.py") if path.name != "__init__.py"
    ]
    assert len(scripts_in_folder) == len(known_revisions())


def test_opening_a_current_database_loads_no_alembic(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'inventory.db'}"
    # new: the newest schema is created at once, stamped with the newest revision
    assert _alembic_loaded(url) == "False False"
    assert _alembic_loaded(url) == "False False"  # at the newest revision: not loaded


def test_an_older_database_is_upgraded_by_alembic(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'inventory.db'}"
    older = known_revisions()[-2]
    engine = create_engine(url)
    with engine.begin() as connection:
        command.upgrade(alembic_config(connection), older)
    assert _alembic_loaded(url) == "True True"  # a migration to run: Alembic runs it
    with engine.connect() as connection:
        stamped = list(connection.execute(text("SELECT version_num FROM alembic_version")))
    engine.dispose()
    assert stamped == [(head_revision(),)]
    assert _alembic_loaded(url) == "False False"


def test_a_version_table_with_two_revisions_is_refused_and_left_as_it_is(
    tmp_path: Path,
) -> None:
    url = f"sqlite:///{tmp_path / 'inventory.db'}"
    InventoryStore(url).close()
    engine = create_engine(url)
    with engine.begin() as connection:
        connection.execute(text("INSERT INTO alembic_version VALUES ('0002')"))
    with pytest.raises(StoreError) as refused:
        InventoryStore(url)
    message = str(refused.value)
    assert message.startswith(f"Cannot read the schema version of the database {tmp_path}")
    assert "its alembic_version table holds more than one revision" in message
    assert "'0002'" in message and repr(head_revision()) in message
    with engine.connect() as connection:
        stored = sorted(connection.execute(text("SELECT version_num FROM alembic_version")))
    engine.dispose()
    assert stored == sorted([("0002",), (head_revision(),)])
