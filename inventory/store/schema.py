"""The database tables, derived from the record models (the single source of truth).

One table per record kind (named after the kind) with one column per model field, the
``municipality`` code, and bookkeeping columns: the row hash used to detect changes and
the provenance of the values (import run, file and line). ``import_run`` and
``import_file`` record every import; ``record_change`` keeps what each run changed, so
``inventory diff`` can show what happened between two imports; ``reference`` holds the
resolved references of the stored municipalities.

Two compact forms keep bulk imports small:

- ``record_change`` rows with change ``created_many`` stand for many created records:
  ``fields`` holds their keys (a JSON list), ``record_id`` the first of them.
- A ``reference`` row with ``derived`` true stands for the references one field holds
  when they all name records of the same municipality by their plain key (``site`` of
  clients naming ``DC1``): for every stored record of (``municipality``, ``kind``) with
  a value in ``field``, the reference to the record of ``target_kind`` with that key, in
  the order of the records' lines. A record with a row of its own for the field (e.g. a
  ``code:id`` reference to another municipality) keeps that row instead. Its
  ``record_id`` and ``target_id`` are ``*``.
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
    LargeBinary,
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
#: A hash of the row's cells as written (``inventory.store.rawrows``; NULL before 0005).
RAW_HASH = "raw_hash"
BOOKKEEPING_COLUMNS = (ROW_HASH, RUN_ID, FILE_ID, SOURCE_LINE, RAW_HASH)

_COLUMN_TYPES: dict[ValueType, type[TypeEngine[Any]]] = {
    "text": Text,
    "enum": Text,
    "int": BigInteger,
    "float": Float,
    "bool": Boolean,
    "date": Date,
    "int_list": Text,
    "text_list": Text,
}

#: ``record_change.change`` of a row standing for many created records (keys in ``fields``).
CREATED_MANY = "created_many"
#: ``reference.record_id`` and ``target_id`` of a derived row (it names no single record).
DERIVED_ID = "*"

CHANGE_COMMENT = "created, updated or deleted (one record); created_many (keys in fields)"
FIELDS_COMMENT = "JSON: updated {field: [old, new]}; deleted: old values; created_many: the keys"
SOURCE_TOOL_COMMENT = "adapter or profile name, or native (NULL: imported before 0004)"
#: ``import_file``: the raw hash of each row of the file, in its order (``raw_blob``).
FILE_RAW_HASHES = "raw_hashes"
FILE_RAW_HASHES_COMMENT = (
    "the raw hash of each row in file order, 8-byte little-endian signed integers"
    " (NULL: not recorded, or before 0007)"
)
#: ``import_file``: the size of the file in bytes as its import read it (migration 0008).
FILE_BYTES = "bytes"
FILE_BYTES_COMMENT = (
    "the file's size in bytes as its import read it (NULL: not known, or before 0008)"
)
ROWS_NOT_VALIDATED_COMMENT = (
    "rows recognised unchanged since their import, not typed nor checked again (NULL: before 0006)"
)
DERIVED_COMMENT = (
    "true: stands for every stored record's value in field, a key of"
    " target_kind in the same municipality"
)

metadata = MetaData(
    naming_convention={
        "ix": "ix_%(table_name)s_%(column_0_N_name)s",
        "uq": "uq_%(table_name)s_%(column_0_N_name)s",
        "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
        "pk": "pk_%(table_name)s",
    }
)

import_run = Table(
    "import_run",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("started_at", DateTime(timezone=True), nullable=False),
    Column("finished_at", DateTime(timezone=True)),
    Column("tool_version", Text, nullable=False),
    Column("paths", Text, nullable=False, comment="JSON list of the paths imported"),
    Column("municipalities", Text, nullable=False, comment="JSON list of municipality codes"),
    Column("prune", Boolean, nullable=False),
    Column("counts", Text, comment="JSON: created/updated/unchanged/deleted per kind"),
    Column("rows_not_validated", BigInteger, comment=ROWS_NOT_VALIDATED_COMMENT),
)

import_file = Table(
    "import_file",
    metadata,
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
    Column("source_tool", Text, comment=SOURCE_TOOL_COMMENT),
    Column(FILE_RAW_HASHES, LargeBinary, comment=FILE_RAW_HASHES_COMMENT),
    Column(FILE_BYTES, BigInteger, comment=FILE_BYTES_COMMENT),
)

record_change = Table(
    "record_change",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("run_id", Integer, ForeignKey("import_run.id"), nullable=False),
    Column("municipality", Text, nullable=False),
    Column("kind", Text, nullable=False),
    Column("record_id", Text, nullable=False),
    Column("change", Text, nullable=False, comment=CHANGE_COMMENT),
    Column("fields", Text, comment=FIELDS_COMMENT),
    Index(None, "run_id", "municipality"),
)

reference = Table(
    "reference",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("municipality", Text, nullable=False, index=True),
    Column("kind", Text, nullable=False),
    Column("record_id", Text, nullable=False),
    Column("field", Text, nullable=False),
    Column("target_municipality", Text, nullable=False),
    Column("target_kind", Text, nullable=False),
    Column("target_id", Text, nullable=False),
    Column("derived", Boolean, comment=DERIVED_COMMENT),
)


def key_field(kind: str) -> str:
    """The field holding a record kind's natural key (``code`` for municipalities)."""
    return model_for(kind).key_field


#: One instance of each column type the record tables share (Boolean, a schema type
#: bound to its table, excepted): SQLAlchemy adapts a type instance to each engine's
#: dialect once, on its first statement, so every engine that opens the store (a
#: re-import opens several) adapts a few types, not one per column of every table.
_SHARED_TYPES: dict[type[TypeEngine[Any]], TypeEngine[Any]] = {
    kind: kind() for kind in {*_COLUMN_TYPES.values(), Integer} if kind is not Boolean
}


def _column_type(kind: type[TypeEngine[Any]]) -> TypeEngine[Any]:
    shared = _SHARED_TYPES.get(kind)
    return kind() if shared is None else shared


def _field_column(spec: FieldSpec, kind: str) -> Column[Any]:
    # Required fields are left nullable: validation enforces them, and a model change that
    # makes a field optional then needs no migration.
    is_key = spec.name == key_field(kind)
    return Column(
        spec.name,
        _column_type(_COLUMN_TYPES[spec.value_type]),
        primary_key=is_key,
        nullable=not is_key,
    )


def _record_table(kind: str) -> Table:
    return Table(
        kind,
        metadata,
        Column("municipality", _column_type(Text), primary_key=True),
        *(_field_column(spec, kind) for spec in field_specs(kind)),
        Column(ROW_HASH, _column_type(BigInteger), nullable=False),
        Column(RUN_ID, _column_type(Integer), ForeignKey("import_run.id"), nullable=False),
        Column(FILE_ID, _column_type(Integer), ForeignKey("import_file.id"), nullable=False),
        Column(SOURCE_LINE, _column_type(Integer)),
        Column(RAW_HASH, _column_type(BigInteger)),
    )


#: One table per record kind, in import order.
RECORD_TABLES: dict[str, Table] = {kind: _record_table(kind) for kind in RECORD_KINDS}
