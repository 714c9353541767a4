"""the raw hashes of a file's rows, per import file

``import_file.raw_hashes``: the raw hash of each row of the file (``inventory.store.rawrows``)
in the file's order, as 8-byte little-endian signed integers. A re-import reads the raw
hashes of a municipality's records of a kind from its last import's file when the
records are exactly that file's rows (one value a row, no table scan); otherwise, and for
files recorded before this revision or without raw hashes (NULL), from the records.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-04 15:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("import_file", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column(
                "raw_hashes",
                sa.LargeBinary(),
                nullable=True,
                comment=(
                    "the raw hash of each row in file order, 8-byte little-endian signed"
                    " integers (NULL: not recorded, or before 0007)"
                ),
            )
        )


def downgrade() -> None:
    with op.batch_alter_table("import_file", schema=None) as batch_op:
        batch_op.drop_column("raw_hashes")
