"""client edition of a municipality, support end of a client

``municipality.client_edition``: the Windows edition of the clients where a row names
none (enterprise, education, pro, home, ltsc). ``client.support_end``: the end of a
device's own software support (a Chromebook's auto-update expiration). Both optional.

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-03 11:40:00
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('municipality', schema=None) as batch_op:
        batch_op.add_column(sa.Column('client_edition', sa.Text(), nullable=True))
    with op.batch_alter_table('client', schema=None) as batch_op:
        batch_op.add_column(sa.Column('support_end', sa.Date(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('client', schema=None) as batch_op:
        batch_op.drop_column('support_end')
    with op.batch_alter_table('municipality', schema=None) as batch_op:
        batch_op.drop_column('client_edition')
