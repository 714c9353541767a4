"""rows not validated again, per import run

``import_run.rows_not_validated``: how many rows the run recognised as unchanged since
their import and did not type and check again (``inventory.store.rawrows``: rows whose
raw hash is stored, files byte for byte their last import's). 0 when every row of the
files read was checked (``--reread``, a first import); folders left unread as a whole
are not counted (their files are recorded in the run, their records counted unchanged).

Runs stored before this revision have none (NULL).

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-04 03:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("import_run", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column(
                "rows_not_validated",
                sa.BigInteger(),
                nullable=True,
                comment=(
                    "rows recognised unchanged since their import, not typed nor checked"
                    " again (NULL: before 0006)"
                ),
            )
        )


def downgrade() -> None:
    with op.batch_alter_table("import_run", schema=None) as batch_op:
        batch_op.drop_column("rows_not_validated")
