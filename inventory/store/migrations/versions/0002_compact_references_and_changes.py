"""compact references and record changes

``reference.derived``: one row stands for the plain same-municipality references of a
field (see ``inventory.store.schema``). ``record_change`` rows may have change
``created_many`` (the created keys in ``fields``); only comments change there.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-29 21:00:00
"""
from __future__ import annotations

import json

import sqlalchemy as sa
from alembic import op


revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None

_OLD_CHANGE = 'created, updated or deleted'
_OLD_FIELDS = 'JSON: updated {field: [old, new]}; deleted: old values'
_NEW_CHANGE = 'created, updated or deleted (one record); created_many (keys in fields)'
_NEW_FIELDS = ('JSON: updated {field: [old, new]}; deleted: old values;'
               ' created_many: the keys')
_DERIVED = ('true: stands for every stored record\'s value in field, a key of target_kind'
            ' in the same municipality')
#: The key field of the record kinds that had derivable reference fields at this revision.
_KEYS = {'client': 'id', 'server': 'id', 'storage': 'id', 'network_device': 'id',
         'link': 'id', 'zone': 'id'}


def _comments(change: str, fields: str, old_change: str, old_fields: str) -> None:
    if not op.get_context().dialect.supports_comments:
        return
    op.alter_column('record_change', 'change', existing_type=sa.Text(),
                    existing_nullable=False, comment=change, existing_comment=old_change)
    op.alter_column('record_change', 'fields', existing_type=sa.Text(),
                    existing_nullable=True, comment=fields, existing_comment=old_fields)


def upgrade() -> None:
    with op.batch_alter_table('reference', schema=None) as batch_op:
        batch_op.add_column(sa.Column('derived', sa.Boolean(), nullable=True,
                                      comment=_DERIVED))
    _comments(_NEW_CHANGE, _NEW_FIELDS, _OLD_CHANGE, _OLD_FIELDS)


def downgrade() -> None:
    """Expand the compact rows into one row per reference / created record, then drop
    the column."""
    bind = op.get_bind()
    reference = sa.table('reference', sa.column('id', sa.Integer()),
                         sa.column('municipality', sa.Text()), sa.column('kind', sa.Text()),
                         sa.column('record_id', sa.Text()), sa.column('field', sa.Text()),
                         sa.column('target_municipality', sa.Text()),
                         sa.column('target_kind', sa.Text()),
                         sa.column('target_id', sa.Text()),
                         sa.column('derived', sa.Boolean()))
    markers = bind.execute(sa.select(reference.c.municipality, reference.c.kind,
                                     reference.c.field, reference.c.target_kind)
                           .where(reference.c.derived.is_(True))).all()
    for municipality, kind, field, target_kind in markers:
        records = sa.table(kind, sa.column('municipality', sa.Text()),
                           sa.column(_KEYS[kind], sa.Text()), sa.column(field, sa.Text()))
        own = {row[0] for row in bind.execute(
            sa.select(reference.c.record_id).where(
                reference.c.municipality == municipality, reference.c.kind == kind,
                reference.c.field == field, sa.or_(reference.c.derived.is_(None),
                                                   reference.c.derived.is_(False))))}
        rows = [{'municipality': municipality, 'kind': kind, 'record_id': key,
                 'field': field, 'target_municipality': municipality,
                 'target_kind': target_kind, 'target_id': value}
                for key, value in bind.execute(
                    sa.select(records.c[_KEYS[kind]], records.c[field]).where(
                        records.c.municipality == municipality,
                        records.c[field].is_not(None)))
                if key not in own]
        if rows:
            bind.execute(reference.insert(), rows)
    bind.execute(reference.delete().where(reference.c.derived.is_(True)))

    change = sa.table('record_change', sa.column('id', sa.Integer()),
                      sa.column('run_id', sa.Integer()), sa.column('municipality', sa.Text()),
                      sa.column('kind', sa.Text()), sa.column('record_id', sa.Text()),
                      sa.column('change', sa.Text()), sa.column('fields', sa.Text()))
    many = bind.execute(sa.select(change.c.id, change.c.run_id, change.c.municipality,
                                  change.c.kind, change.c.fields)
                        .where(change.c.change == 'created_many')
                        .order_by(change.c.id)).all()
    for _id, run_id, municipality, kind, keys in many:
        bind.execute(change.insert(), [
            {'run_id': run_id, 'municipality': municipality, 'kind': kind,
             'record_id': key, 'change': 'created', 'fields': None}
            for key in json.loads(keys)])
    bind.execute(change.delete().where(change.c.change == 'created_many'))
    _comments(_OLD_CHANGE, _OLD_FIELDS, _NEW_CHANGE, _NEW_FIELDS)
    with op.batch_alter_table('reference', schema=None) as batch_op:
        batch_op.drop_column('derived')
