"""the size of each import file

``import_file.bytes``: the size in bytes of the file as its import read it (NULL: not
known, or recorded before this revision). A re-import compares a file's size with it
before hashing the file: a file of another size is another file (it is read, not hashed
first); a file of the same size is compared by its SHA-256 as before.

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-04 18:40:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("import_file", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column(
                "bytes",
                sa.BigInteger(),
                nullable=True,
                comment=(
                    "the file's size in bytes as its import read it (NULL: not known,"
                    " or before 0008)"
                ),
            )
        )


def downgrade() -> None:
    with op.batch_alter_table("import_file", schema=None) as batch_op:
        batch_op.drop_column("bytes")
