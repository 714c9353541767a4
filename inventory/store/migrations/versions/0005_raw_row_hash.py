"""raw row hash of every record

``raw_hash`` on every record table: a hash of the row's cells as written in its file
(the raw texts of the mapped columns, with the header mapping, the file's language and
units and the tool version as a salt; ``inventory.store.rawrows``). A re-import takes a
row whose raw hash is stored for its municipality and record kind as that stored record,
without typing and checking it again.

Records imported before this revision have none (NULL): their rows are typed and
checked on the next import, which records their raw hash.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-03 23:10:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

#: The record tables (as in ``inventory.store.schema.RECORD_TABLES`` at this revision).
_RECORD_TABLES = (
    "municipality",
    "site",
    "server",
    "storage",
    "network_device",
    "link",
    "zone",
    "platform",
    "client",
    "application",
)


def upgrade() -> None:
    for name in _RECORD_TABLES:
        with op.batch_alter_table(name, schema=None) as batch_op:
            batch_op.add_column(sa.Column("raw_hash", sa.BigInteger(), nullable=True))


def downgrade() -> None:
    for name in _RECORD_TABLES:
        with op.batch_alter_table(name, schema=None) as batch_op:
            batch_op.drop_column("raw_hash")
