"""source tool of an imported file

``import_file.source_tool``: the tool that wrote the file its records come from: an
adapter's or a mapping profile's name (``intune``, ``configmgr``, ``rvtools``), or
``native`` for a file in the inventory's own layout. A table joined from several files,
sheets or tools is recorded as one ``import_file`` row per file and sheet, and each
record's ``import_file_id`` names its own (with ``source_line``: its line there).

Files imported before this revision: the four Python adapters wrote their name as the
``format`` (``rvtools``, ``netbox``, ``hyperv``, ``proxmox``), which becomes their source
tool; for the other files it was not recorded (NULL: a native file and a profile's export
were both ``csv`` or ``xlsx``).

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-03 20:00:00
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None

#: The adapters that recorded their name as the file's format before this revision.
_ADAPTER_FORMATS = ('rvtools', 'netbox', 'hyperv', 'proxmox')


def upgrade() -> None:
    with op.batch_alter_table('import_file', schema=None) as batch_op:
        batch_op.add_column(sa.Column(
            'source_tool', sa.Text(), nullable=True,
            comment='adapter or profile name, or native (NULL: imported before 0004)'))
    files = sa.table('import_file', sa.column('format', sa.Text()),
                     sa.column('source_tool', sa.Text()))
    op.execute(files.update().where(files.c.format.in_(_ADAPTER_FORMATS))
               .values(source_tool=files.c.format))


def downgrade() -> None:
    with op.batch_alter_table('import_file', schema=None) as batch_op:
        batch_op.drop_column('source_tool')
