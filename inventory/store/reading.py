"""Reading stored rows back column by column, near the speed of the database driver.

The rows of a SELECT come from the DBAPI cursor itself (``sqlite3``, ``psycopg``) in
chunks, without SQLAlchemy row objects or per-value result processors, and become one
numpy array per column: text through a table of distinct values (two million clients
name a few hundred sites, models and platforms: equal texts share one ``str`` object and
the work per value is a hash lookup in C), numbers as arrays. ``typed_values`` then gives
a column the dtype of ``ValidTable.frame`` (``Int64``, ``Float64``, ``boolean``, dates as
``datetime.date``, list fields as tuples) with work per *distinct* value only.

What SQLAlchemy's result processors did per value is done here per distinct value: ISO
date text (SQLite) to ``datetime.date``, 0/1 (SQLite booleans) to ``bool`` by the
``boolean`` array, JSON lists to tuples.
"""

from __future__ import annotations

import datetime as dt
import json
import typing
from collections.abc import Collection, Iterator, Sequence
from typing import Any, Literal

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
from sqlalchemy import Connection
from sqlalchemy.sql import Select

from inventory.heap import no_cyclic_gc
from inventory.models.registry import FieldSpec

_CHUNK = 50_000  # rows fetched at a time

#: How a column is read: ``text`` (equal texts share one object), ``plain`` (values as
#: the driver gives them, e.g. unique keys), ``int64`` (numbers, -1 where missing).
ColumnMode = Literal["text", "plain", "int64"]
_TYPED_DTYPES = {"int": "Int64", "float": "Float64", "bool": "boolean"}


def driver_statement(connection: Connection, statement: Select[Any]) -> tuple[str, Any]:
    """The SQL text and parameters of ``statement`` for the connection's DBAPI cursor
    (``IN`` lists expanded)."""
    compiled = statement.compile(
        dialect=connection.dialect, compile_kwargs={"render_postcompile": True}
    )
    params = compiled.params
    if compiled.positiontup is not None:
        return str(compiled), tuple(params[name] for name in compiled.positiontup)
    return str(compiled), params


def driver_query(
    connection: Connection, sql: str, params: Sequence[Any] = ()
) -> tuple[list[tuple[Any, ...]], Any]:
    """The rows of ``sql`` (placeholders written ``?``) run on the connection's DBAPI
    cursor, inside its transaction, as the driver gives them (no statement to compile,
    no row objects: a query of a few rows costs a tenth of one through SQLAlchemy), and
    the cursor's ``description``."""
    if connection.dialect.paramstyle != "qmark":  # psycopg
        sql = sql.replace("?", "%s")
    cursor = connection.connection.dbapi_connection.cursor()  # type: ignore[union-attr]
    try:
        cursor.execute(sql, tuple(params))
        return list(cursor.fetchall()), cursor.description
    except connection.dialect.loaded_dbapi.Error as error:  # (the driver's own cursor)
        from inventory.store.engine import store_error

        raise store_error(error, connection.engine.url, "use") from error
    finally:
        cursor.close()


def driver_batches(
    connection: Connection, sql: str, params: Sequence[Any] = (), size: int = _CHUNK
) -> Iterator[list[tuple[Any, ...]]]:
    """``driver_query``'s rows ``size`` at a time (only one batch of row tuples alive)."""
    if connection.dialect.paramstyle != "qmark":  # psycopg
        sql = sql.replace("?", "%s")
    cursor = connection.connection.dbapi_connection.cursor()  # type: ignore[union-attr]
    try:
        cursor.execute(sql, tuple(params))
        while rows := cursor.fetchmany(size):
            yield list(rows)
    except connection.dialect.loaded_dbapi.Error as error:  # (the driver's own cursor)
        from inventory.store.engine import store_error

        raise store_error(error, connection.engine.url, "use") from error
    finally:
        cursor.close()


def stored_municipalities(connection: Connection, table: str) -> list[str]:
    """The municipalities holding records in the record table ``table``, in order: one
    index seek each (a loose scan of the primary key, which starts with the
    municipality), not a read of every record as ``SELECT DISTINCT`` makes."""
    quote = connection.dialect.identifier_preparer.quote
    name, code = quote(table), quote("municipality")
    rows, _description = driver_query(
        connection,
        f"WITH RECURSIVE found(code) AS (SELECT min({code}) FROM {name}"
        f" UNION ALL SELECT (SELECT min({code}) FROM {name} WHERE {code} > found.code)"
        " FROM found WHERE found.code IS NOT NULL)"
        " SELECT code FROM found WHERE code IS NOT NULL",
    )
    return [str(row[0]) for row in rows]


def marks(count: int) -> str:
    """``count`` placeholders for ``driver_query`` (an ``IN`` list)."""
    return ", ".join("?" * count)


def result_processors(
    connection: Connection, columns: Sequence[Any], description: Any
) -> list[typing.Callable[[Any], Any] | None]:
    """What SQLAlchemy does to each value of these table columns read by
    ``driver_query`` (None: nothing; SQLite: ISO text to dates, 0/1 to booleans)."""
    dialect = connection.dialect
    return [
        column.type.dialect_impl(dialect).result_processor(dialect, entry[1])
        for column, entry in zip(columns, description, strict=True)
    ]


class _TextColumn:
    """Chunks of one text column; equal texts end up as one object."""

    def __init__(self, shared: dict[str, str]) -> None:
        self.shared = shared
        self.chunks: list[np.ndarray[Any, Any]] = []

    def add(self, values: Sequence[Any]) -> None:
        array = np.fromiter(values, dtype=object, count=len(values))
        codes, uniques = pd.factorize(array)
        if not all(type(value) is str for value in uniques):
            # not all text (SQLite keeps what it is given): as it is, value by value
            self.chunks.append(array)
            return
        shared = self.shared
        lookup = np.empty(len(uniques) + 1, dtype=object)
        lookup[:-1] = [shared.setdefault(value, value) for value in uniques]
        lookup[-1] = None
        self.chunks.append(lookup[codes])  # code -1 (missing): the None

    def values(self) -> np.ndarray[Any, Any]:
        return _joined(self.chunks, object)


class _PlainColumn:
    def __init__(self) -> None:
        self.chunks: list[np.ndarray[Any, Any]] = []

    def add(self, values: Sequence[Any]) -> None:
        self.chunks.append(np.fromiter(values, dtype=object, count=len(values)))

    def values(self) -> np.ndarray[Any, Any]:
        return _joined(self.chunks, object)


class _IntColumn:
    def __init__(self) -> None:
        self.chunks: list[np.ndarray[Any, Any]] = []

    def add(self, values: Sequence[Any]) -> None:
        self.chunks.append(
            np.fromiter(
                (-1 if value is None else value for value in values),
                dtype=np.int64,
                count=len(values),
            )
        )

    def values(self) -> np.ndarray[Any, Any]:
        return _joined(self.chunks, np.int64)


def _joined(chunks: list[np.ndarray[Any, Any]], dtype: Any) -> np.ndarray[Any, Any]:
    if not chunks:
        return np.empty(0, dtype=dtype)
    return chunks[0] if len(chunks) == 1 else np.concatenate(chunks)


def read_columns(
    connection: Connection, statement: Select[Any], modes: Sequence[ColumnMode]
) -> list[np.ndarray[Any, Any]]:
    """The rows of ``statement`` as one array per selected column (``modes`` says how
    each is read), in the order the database returns them, on ``connection`` (inside
    its transaction: the same state of the database as its other reads)."""
    shared: dict[str, str] = {}
    columns = [
        _TextColumn(shared)
        if mode == "text"
        else _IntColumn()
        if mode == "int64"
        else _PlainColumn()
        for mode in modes
    ]
    sql, params = driver_statement(connection, statement)
    cursor = connection.connection.dbapi_connection.cursor()  # type: ignore[union-attr]
    try:
        # reading makes millions of row tuples freed again at once (no cycles): every
        # collection would walk them all
        with no_cyclic_gc():
            cursor.execute(sql, params)
            while rows := cursor.fetchmany(_CHUNK):
                for column, values in zip(columns, zip(*rows, strict=True), strict=True):
                    column.add(values)
                del rows
    except connection.dialect.loaded_dbapi.Error as error:  # (the driver's own cursor)
        from inventory.store.engine import store_error

        raise store_error(error, connection.engine.url, "use") from error
    finally:
        cursor.close()
    return [column.values() for column in columns]


def _distinct_map(
    values: np.ndarray[Any, Any], convert: typing.Callable[[Any], Any]
) -> np.ndarray[Any, Any]:
    """``convert`` applied once per distinct non-missing value (missing stays None)."""
    codes, uniques = pd.factorize(values)
    lookup = np.empty(len(uniques) + 1, dtype=object)
    lookup[:-1] = [convert(value) for value in uniques]
    lookup[-1] = None
    return typing.cast(np.ndarray[Any, Any], lookup[codes])


def _date(value: Any) -> Any:
    """A stored date: ISO text on SQLite, already a date on PostgreSQL."""
    if isinstance(value, str):
        return dt.date.fromisoformat(value)
    return value


def _json_to_tuple(text: Any) -> Any:
    return tuple(json.loads(text))


def typed_values(values: np.ndarray[Any, Any], spec: FieldSpec) -> Any:
    """One field's column read back with the dtype of ``ValidTable.frame``."""
    if spec.value_type in _TYPED_DTYPES:
        return pd.array(values, dtype=typing.cast(Any, _TYPED_DTYPES[spec.value_type]))
    if spec.many:
        return _distinct_map(values, _json_to_tuple)
    if spec.value_type == "date":
        return _distinct_map(values, _date)
    return values


def column_modes(
    names: Sequence[str],
    specs: dict[str, FieldSpec],
    *,
    plain: Collection[str] = (),
    integers: Collection[str] = (),
) -> list[ColumnMode]:
    """How to read each column: text unless named in ``plain`` (unique keys) or
    ``integers``, or a number field."""
    modes: list[ColumnMode] = []
    for name in names:
        spec = specs.get(name)
        if name in integers:
            modes.append("int64")
        elif name in plain or (spec is not None and spec.value_type in _TYPED_DTYPES):
            modes.append("plain")
        else:
            modes.append("text")
    return modes


def sorted_order(
    municipalities: np.ndarray[Any, Any], keys: np.ndarray[Any, Any]
) -> np.ndarray[Any, Any] | None:
    """The row order by municipality, then key, as Python orders the texts (code point
    order, whatever the database's collation); ``None`` when the rows are in it already.

    Sorted by Arrow (UTF-8 bytes sort in code point order); keys that are not all text
    are sorted by pandas.
    """
    count = len(keys)
    try:
        table = pa.table(
            {
                "municipality": pa.array(municipalities, type=pa.string()),
                "key": pa.array(keys, type=pa.string()),
            }
        )
    except (pa.ArrowInvalid, pa.ArrowTypeError):
        frame = pd.DataFrame({"municipality": municipalities, "key": keys}, dtype=object)
        order = frame.sort_values(["municipality", "key"], kind="stable").index.to_numpy()
    else:
        order = pc.sort_indices(
            table, sort_keys=[("municipality", "ascending"), ("key", "ascending")]
        ).to_numpy()
    if count == 0 or bool((order == np.arange(count)).all()):
        return None
    return typing.cast(np.ndarray[Any, Any], order)


def frame_of(columns: dict[str, Any]) -> pd.DataFrame:
    """A frame of the columns as they are: object arrays stay object (no inferred text
    dtype), typed arrays keep their dtype; nothing is copied."""
    return pd.DataFrame(
        {
            name: pd.Series(values, dtype=object, copy=False)
            if isinstance(values, np.ndarray) and values.dtype == object
            else values
            for name, values in columns.items()
        },
        columns=list(columns),
        copy=False,
    )
