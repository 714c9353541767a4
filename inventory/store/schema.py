"""The database tables, derived from the record models (the single source of truth).

One table per record kind (named after the kind) with one column per model field, the
``municipality`` code, and bookkeeping columns: the row hash used to detect changes and
the provenance of the values (import run, file and line). ``import_run`` and
``import_file`` record every import; ``record_change`` keeps what each run changed, so
``inventory diff`` can show what happened between two imports; ``reference`` holds the
resolved references of the stored municipalities.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import (
    BigInteger,
    Boolean,
    Column,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    Table,
    Text,
)
from sqlalchemy.types import TypeEngine

from inventory.models import RECORD_KINDS, field_specs
from inventory.models.registry import FieldSpec, ValueType, model_for

#: Bookkeeping columns of every record table (no model field has these names).
ROW_HASH = "row_hash"
RUN_ID = "import_run_id"
FILE_ID = "import_file_id"
SOURCE_LINE = "source_line"
BOOKKEEPING_COLUMNS = (ROW_HASH, RUN_ID, FILE_ID, SOURCE_LINE)

_COLUMN_TYPES: dict[ValueType, type[TypeEngine[Any]]] = {
    "text": Text, "enum": Text, "int": BigInteger, "float": Float, "bool": Boolean,
    "date": Date, "int_list": Text, "text_list": Text,
}

metadata = MetaData(naming_convention={
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
})

import_run = Table(
    "import_run", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("started_at", DateTime(timezone=True), nullable=False),
    Column("finished_at", DateTime(timezone=True)),
    Column("tool_version", Text, nullable=False),
    Column("paths", Text, nullable=False, comment="JSON list of the paths imported"),
    Column("municipalities", Text, nullable=False, comment="JSON list of municipality codes"),
    Column("prune", Boolean, nullable=False),
    Column("counts", Text, comment="JSON: created/updated/unchanged/deleted per kind"),
)

import_file = Table(
    "import_file", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("run_id", Integer, ForeignKey("import_run.id"), nullable=False, index=True),
    Column("municipality", Text, nullable=False),
    Column("kind", Text, nullable=False),
    Column("path", Text, nullable=False),
    Column("sha256", Text, nullable=False),
    Column("format", Text, nullable=False),
    Column("encoding", Text),
    Column("delimiter", Text),
    Column("sheet", Text),
    Column("header_mapping", Text, nullable=False, comment="JSON: header as written -> field"),
    Column("rows", BigInteger, nullable=False),
)

record_change = Table(
    "record_change", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("run_id", Integer, ForeignKey("import_run.id"), nullable=False),
    Column("municipality", Text, nullable=False),
    Column("kind", Text, nullable=False),
    Column("record_id", Text, nullable=False),
    Column("change", Text, nullable=False, comment="created, updated or deleted"),
    Column("fields", Text, comment="JSON: updated {field: [old, new]}; deleted: old values"),
    Index(None, "run_id", "municipality"),
)

reference = Table(
    "reference", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("municipality", Text, nullable=False, index=True),
    Column("kind", Text, nullable=False),
    Column("record_id", Text, nullable=False),
    Column("field", Text, nullable=False),
    Column("target_municipality", Text, nullable=False),
    Column("target_kind", Text, nullable=False),
    Column("target_id", Text, nullable=False),
)


def key_field(kind: str) -> str:
    """The field holding a record kind's natural key (``code`` for municipalities)."""
    return model_for(kind).key_field


def _field_column(spec: FieldSpec, kind: str) -> Column[Any]:
    # Required fields are left nullable: validation enforces them, and a model change that
    # makes a field optional then needs no migration.
    is_key = spec.name == key_field(kind)
    return Column(spec.name, _COLUMN_TYPES[spec.value_type](), primary_key=is_key,
                  nullable=not is_key)


def _record_table(kind: str) -> Table:
    return Table(
        kind, metadata,
        Column("municipality", Text, primary_key=True),
        *(_field_column(spec, kind) for spec in field_specs(kind)),
        Column(ROW_HASH, BigInteger, nullable=False),
        Column(RUN_ID, Integer, ForeignKey("import_run.id"), nullable=False),
        Column(FILE_ID, Integer, ForeignKey("import_file.id"), nullable=False),
        Column(SOURCE_LINE, Integer),
    )


#: One table per record kind, in import order.
RECORD_TABLES: dict[str, Table] = {kind: _record_table(kind) for kind in RECORD_KINDS}
