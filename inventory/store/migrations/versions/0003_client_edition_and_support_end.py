"""client edition of a municipality, support end of a client

``municipality.client_edition``: the Windows edition of the clients where a row names
none (enterprise, education, pro, home, ltsc). ``client.support_end``: the end of a
device's own software support (a Chromebook's auto-update expiration). Both optional.

The row hash covers every field, so the stored rows of both tables are hashed again (with
the fields of this revision, the importer's hashing): importing the same files after the
upgrade (or after a downgrade, with the old code) still changes nothing.

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-03 11:40:00
"""
from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from alembic import op

revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None


#: The fields of the two tables at this revision, in model order, with their SQL types.
_T, _I, _F, _D = sa.Text, sa.BigInteger, sa.Float, sa.Date
_FIELDS: dict[str, tuple[str, list[tuple[str, Any]]]] = {
    'municipality': ('code', [
        ('code', _T), ('official_code', _T), ('name', _T), ('country', _T),
        ('population', _I), ('employees', _I), ('students_with_devices', _I),
        ('it_staff_fte', _F), ('it_budget', _F), ('currency', _T), ('operating_model', _T),
        ('provider', _T), ('client_edition', _T)]),
    'client': ('id', [
        ('id', _T), ('kind', _T), ('vendor', _T), ('model', _T), ('os_product', _T),
        ('os_version', _T), ('managed_by', _T), ('user_group', _T), ('site', _T),
        ('quantity', _I), ('purchase_date', _D), ('warranty_end', _D), ('support_end', _D)]),
}
_NEW = {'municipality': 'client_edition', 'client': 'support_end'}


def _rehash(table: str, with_new: bool) -> None:
    """Hash every stored row of ``table`` again over its fields (with or without the new
    one), as the importer hashes them."""
    # Imported here: Alembic loads every revision to find the head, and opening a store
    # (``inventory stats``) must not import numpy/pandas for it.
    import numpy as np

    from inventory.store.frames import row_hashes

    key, fields = _FIELDS[table]
    fields = [(name, kind) for name, kind in fields if with_new or name != _NEW[table]]
    rows_table = sa.table(table, sa.column('municipality', sa.Text()),
                          sa.column('row_hash', sa.BigInteger()),
                          *(sa.column(name, kind()) for name, kind in fields))
    bind = op.get_bind()
    rows = bind.execute(sa.select(rows_table.c.municipality,
                                  *(rows_table.c[name] for name, _ in fields))).all()
    if not rows:
        return
    columns = {name: np.array([row[position + 1] for row in rows], dtype=object)
               for position, (name, _) in enumerate(fields)}
    hashes = row_hashes(columns, unique={key})
    bind.execute(
        rows_table.update().where(rows_table.c.municipality == sa.bindparam('m'),
                                  rows_table.c[key] == sa.bindparam('k'))
        .values(row_hash=sa.bindparam('h')),
        [{'m': row[0], 'k': columns[key][index], 'h': int(hashes[index])}
         for index, row in enumerate(rows)])


def upgrade() -> None:
    with op.batch_alter_table('municipality', schema=None) as batch_op:
        batch_op.add_column(sa.Column('client_edition', sa.Text(), nullable=True))
    with op.batch_alter_table('client', schema=None) as batch_op:
        batch_op.add_column(sa.Column('support_end', sa.Date(), nullable=True))
    for table in _FIELDS:
        _rehash(table, with_new=True)


def downgrade() -> None:
    with op.batch_alter_table('client', schema=None) as batch_op:
        batch_op.drop_column('support_end')
    with op.batch_alter_table('municipality', schema=None) as batch_op:
        batch_op.drop_column('client_edition')
    for table in _FIELDS:
        _rehash(table, with_new=False)
