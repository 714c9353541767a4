"""``InventoryStore``: the stored inventory, on SQLite (default) or PostgreSQL."""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterator, Mapping, Sequence
from contextlib import contextmanager
from functools import cache
from itertools import groupby
from operator import itemgetter
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, Engine, select
from sqlalchemy.exc import DBAPIError

from inventory.errors import StoreError, UnknownMunicipalityError
from inventory.messages import Message
from inventory.models import RECORD_KINDS, field_specs
from inventory.store.counts import StoredCounts, count_records
from inventory.store.engine import (
    CommitFailed,
    database_exists,
    interrupts_deferred,
    migrate,
    open_engine,
    store_error,
    write_transaction,
)
from inventory.store.history import ImportRunInfo, RunDifference, diff_runs, list_runs
from inventory.store.schema import (
    FILE_ID,
    RECORD_TABLES,
    SOURCE_LINE,
    import_file,
    key_field,
)

# pandas, numpy, pyarrow, the importer (and validation), the reading of frames and the
# snapshot are imported by the methods that use them: counting rows (``stats``), the
# history and diffs need only SQLAlchemy and the schema, so ``inventory stats`` starts
# without them (tests/cli/test_lazy_imports.py).
if TYPE_CHECKING:
    import pandas as pd

    from inventory.snapshot import InventorySnapshot
    from inventory.store.importer import ImportResult, Progress, PrunePlan
    from inventory.store.references import RecordColumns
    from inventory.validate.batch import ImportBatch

_IN_CHUNK = 500  # municipalities per IN (...) list


def _said(wording: object, text: str | None) -> Message | str:
    """A failure's catalogue message as a parameter of another one (else its text)."""
    return wording if isinstance(wording, Message) else (text or "")


class InventoryStore:
    """The inventory database: opens (creating and migrating when needed), imports, reads.

    >>> from inventory.validate import validate_paths
    >>> store = InventoryStore(f"sqlite:///{tmp / 'inventory.db'}")
    >>> store.import_batch(validate_paths([samples / "varnamo"])).totals.created
    416
    >>> store.close()
    """

    def __init__(self, url: str) -> None:
        self.url = url
        self.engine: Engine = open_engine(url)
        #: The run of the last import this object committed (set the moment it commits,
        #: with Ctrl-C deferred, so that an interrupted caller can tell what was stored).
        self.last_run_id: int | None = None
        try:
            migrate(self.engine)
        except BaseException:
            self.engine.dispose()
            raise

    def close(self) -> None:
        """Release the database connections."""
        with interrupts_deferred():  # the pool logs a traceback for a close cut short
            self.engine.dispose()

    def __enter__(self) -> InventoryStore:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    # --- writing -------------------------------------------------------------------------

    def import_batch(
        self,
        batch: ImportBatch,
        *,
        prune: bool = False,
        dry_run: bool = False,
        progress: Progress | None = None,
        on_prune: PrunePlan | None = None,
    ) -> ImportResult:
        """Store a validated batch in one transaction (upsert on municipality and key).

        ``prune`` deletes stored records of the imported municipalities and record kinds
        that the new files no longer hold; ``on_prune`` is called with those keys before
        they go. ``dry_run`` computes everything and rolls back. ``progress(done, total)``
        is called as rows are stored. Raises ``StoreError`` for an invalid batch.
        """
        if not batch.report.valid:
            raise StoreError(
                Message("error.store.batch_invalid"),
                hint=Message("error.store.batch_invalid.hint"),
            )
        from inventory.store.importer import DryRunRollback, prepare_batch
        from inventory.store.importer import import_batch as _import_batch

        self.last_run_id = None
        prepared = prepare_batch(batch)
        result: ImportResult | None = None

        def committed() -> None:
            self.last_run_id = result.run_id if result is not None else None

        try:
            with write_transaction(self.engine, on_commit=committed) as connection:
                try:
                    result = _import_batch(
                        connection,
                        prepared,
                        prune=prune,
                        dry_run=dry_run,
                        progress=progress,
                        on_prune=on_prune,
                    )
                except (DBAPIError, connection.dialect.loaded_dbapi.Error) as error:
                    # (the driver's own error: the bulk writes use its cursor, COPY on
                    # PostgreSQL)
                    raise store_error(error, self.engine.url, "write to") from error
        except DryRunRollback as rollback:
            return rollback.result
        except StoreError as error:
            if isinstance(error, CommitFailed):
                raise
            raise StoreError(
                Message("error.store.rolled_back", {"reason": _said(error.wording, str(error))}),
                hint=Message(
                    "error.store.rolled_back.hint", {"hint": _said(error.hint_wording, error.hint)}
                ),
            ) from error
        return result

    # --- reading -------------------------------------------------------------------------

    def _read(self, statement: Any) -> list[Any]:
        with self.engine.connect() as connection:
            return list(connection.execute(statement).all())

    @contextmanager
    def _one_read(self) -> Iterator[Connection]:
        """A connection whose reads all see one state of the database (one read
        transaction; REPEATABLE READ on PostgreSQL), even while an import commits."""
        with self.engine.connect() as connection:
            if connection.dialect.name == "postgresql":
                connection.execution_options(isolation_level="REPEATABLE READ")
            with connection.begin():
                yield connection

    def _read_frame(
        self,
        statement: Any,
        names: Sequence[str],
        integers: Collection[str] = (),
        connection: Connection | None = None,
    ) -> pd.DataFrame:
        """The rows of ``statement`` as an object frame (on ``connection`` if given, else
        on a connection of its own), read column by column from the driver's cursor
        (``inventory.store.reading``): equal texts share one object, so memory grows
        with the rows, not with rows times columns of separate strings. Columns named in
        ``integers`` become int64 (-1 where missing), never a Python int per row."""
        from inventory.store.reading import column_modes, frame_of, read_columns

        if connection is None:
            with self.engine.connect() as own:
                return self._read_frame(statement, names, integers, own)
        arrays = read_columns(connection, statement, column_modes(names, {}, integers=integers))
        return frame_of(dict(zip(names, arrays, strict=True)))

    def records(
        self, kind: str, municipalities: Sequence[str] | None = None, *, provenance: bool = False
    ) -> pd.DataFrame:
        """Stored records of one kind: ``municipality`` plus every field (ValidTable dtypes);
        with ``provenance`` also where each came from: ``source_tool`` (an adapter's or
        profile's name, or ``native``), ``source_file``, ``source_sheet``, ``source_line``.

        ``UnknownMunicipalityError`` for a named municipality that is not stored.
        """
        self._check_named(municipalities)
        frame = self._records(kind, municipalities, lines=False)
        if not provenance:
            return frame
        return frame.merge(
            self._provenance(kind, municipalities),
            on=["municipality", key_field(kind)],
            how="left",
            sort=False,
        )

    def _provenance(self, kind: str, municipalities: Sequence[str] | None) -> pd.DataFrame:
        """Each stored record's source tool, file, sheet and line (its ``import_file``)."""
        import pandas as pd

        table = RECORD_TABLES[kind]
        key = key_field(kind)
        statement = select(
            table.c.municipality,
            table.c[key],
            import_file.c.source_tool,
            import_file.c.path,
            import_file.c.sheet,
            table.c[SOURCE_LINE],
        ).select_from(table.outerjoin(import_file, import_file.c.id == table.c[FILE_ID]))
        if municipalities is not None:
            statement = statement.where(table.c.municipality.in_(list(municipalities)))
        names = ["municipality", key, "source_tool", "source_file", "source_sheet", "source_line"]
        frame = pd.DataFrame(
            [tuple(row) for row in self._read(statement)], columns=names, dtype=object
        )
        frame["source_line"] = frame["source_line"].astype("Int64")
        return frame

    def _records(
        self,
        kind: str,
        municipalities: Sequence[str] | None,
        *,
        lines: bool,
        connection: Connection | None = None,
    ) -> pd.DataFrame:
        """``records``, with ``lines`` also the ``source_line`` column (int64, last)."""
        if kind not in RECORD_TABLES:
            raise StoreError(
                Message("error.store.unknown_kind", {"kind": repr(kind)}),
                hint=Message("error.store.unknown_kind.hint", {"kinds": ", ".join(RECORD_KINDS)}),
            )
        table = RECORD_TABLES[kind]
        specs = {spec.name: spec for spec in field_specs(kind)}
        names = ["municipality", *specs]
        if lines:
            names.append(SOURCE_LINE)
        statement = select(*(table.c[name] for name in names))
        if municipalities is not None:
            statement = statement.where(table.c.municipality.in_(list(municipalities)))
        if connection is None:
            with self.engine.connect() as own:
                return self._records(kind, municipalities, lines=lines, connection=own)
        from inventory.store.reading import column_modes, read_columns, sorted_order

        key = key_field(kind)
        arrays = read_columns(
            connection, statement, column_modes(names, specs, plain={key}, integers={SOURCE_LINE})
        )
        # Sorted here, not in SQL: the order must not depend on the database's collation.
        order = sorted_order(arrays[0], arrays[names.index(key)])
        if order is not None:
            arrays = [values[order] for values in arrays]
        from inventory.store.reading import frame_of, typed_values

        return frame_of(
            {
                name: typed_values(values, specs[name]) if name in specs else values
                for name, values in zip(names, arrays, strict=True)
            }
        )

    def references(self, municipalities: Sequence[str] | None = None) -> pd.DataFrame:
        """Stored resolved references (columns ``REFERENCE_COLUMNS``), derived rows
        expanded from the record values (``inventory.store.references``)."""
        import numpy as np
        import pandas as pd

        from inventory.store.references import STORED_NAMES, expand, select_stored

        with self._one_read() as connection:

            def read_records(kind: str, codes: list[str], fields: list[str]) -> RecordColumns:
                table = RECORD_TABLES[kind]
                names = ["municipality", "id", "line", *fields]
                columns = [
                    table.c.municipality,
                    table.c[key_field(kind)],
                    table.c[SOURCE_LINE],
                    *(table.c[name] for name in fields),
                ]
                frames = [
                    self._read_frame(
                        select(*columns).where(table.c.municipality.in_(chunk)),
                        names,
                        {"line"},
                        connection,
                    )
                    for chunk in (
                        codes[start : start + _IN_CHUNK]
                        for start in range(0, len(codes), _IN_CHUNK)
                    )
                ]
                frame = pd.concat(frames, ignore_index=True) if len(frames) > 1 else frames[0]
                return {
                    name: frame[name].to_numpy(dtype=np.int64 if name == "line" else object)
                    for name in names
                }

            stored = self._read_frame(
                select_stored(municipalities), list(STORED_NAMES), {"order"}, connection
            )
            return expand(stored, read_records)

    def snapshot(self, municipalities: Sequence[str] | None = None) -> InventorySnapshot:
        """Every record kind and the references, as the analyses read them: one state of
        the database, derived references expanded from the records read (not read a
        second time). ``UnknownMunicipalityError`` for a named municipality that is not
        stored (never an empty part that looks like a result)."""
        import numpy as np

        from inventory.snapshot import InventorySnapshot
        from inventory.store.references import STORED_NAMES, expand, isin, select_stored

        with self._one_read() as connection:
            self._check_named(municipalities, connection)
            read = {
                kind: self._records(kind, municipalities, lines=True, connection=connection)
                for kind in RECORD_KINDS
            }
            stored = self._read_frame(
                select_stored(municipalities), list(STORED_NAMES), {"order"}, connection
            )

        def from_read(kind: str, codes: list[str], fields: list[str]) -> RecordColumns:
            frame = read[kind]
            names = {
                "municipality": "municipality",
                "id": key_field(kind),
                "line": SOURCE_LINE,
                **{name: name for name in fields},
            }
            columns = {
                name: frame[column].to_numpy(dtype=np.int64 if name == "line" else object)
                for name, column in names.items()
            }
            wanted = isin(columns["municipality"], codes)
            return (
                columns
                if wanted.all()
                else {name: values[wanted] for name, values in columns.items()}
            )

        references = expand(stored, from_read)
        tables = {kind: read.pop(kind).drop(columns=[SOURCE_LINE]) for kind in RECORD_KINDS}
        return InventorySnapshot(tables=tables, references=references)

    def municipality_codes(self, connection: Connection | None = None) -> list[str]:
        """Codes of the stored municipalities, sorted."""
        table = RECORD_TABLES["municipality"]
        statement = select(table.c.municipality).distinct().order_by(table.c.municipality)
        rows = self._read(statement) if connection is None else connection.execute(statement)
        return [str(row[0]) for row in rows]

    def _check_named(
        self, municipalities: Sequence[str] | None, connection: Connection | None = None
    ) -> None:
        """``UnknownMunicipalityError`` for a code in ``municipalities`` that is not stored."""
        if municipalities:
            UnknownMunicipalityError.check(municipalities, self.municipality_codes(connection))

    def stored_keys(self) -> StoredKeys:
        """``known_keys`` read when asked: the municipalities at once (a loose scan of
        each record table's primary key), the keys of a kind, of every municipality in
        one statement, when some municipality's are first asked. What validation is given
        on import: references name few kinds (a re-import whose typed rows name sites
        reads none of the stored server keys). Read while the store is open."""
        from inventory.store.reading import stored_municipalities

        with self.engine.connect() as connection:
            codes = list(
                dict.fromkeys(
                    code
                    for table in RECORD_TABLES.values()
                    for code in stored_municipalities(connection, table.name)
                )
            )
        return StoredKeys(codes, self._keys_of_kind)

    def _keys_of_kind(self, kind: str) -> dict[str, set[str]]:
        """The stored keys of one kind (``cluster``: the clusters servers name), by
        municipality (those holding none left out)."""
        with self.engine.connect() as connection:
            return _read_keys(connection, kind)

    def known_keys(
        self, municipalities: Sequence[str] | None = None
    ) -> dict[str, dict[str, set[str]]]:
        """Stored keys: municipality -> record kind -> keys; kind ``cluster`` holds the
        clusters servers name (for validating ``code:id`` references). Only the kinds a
        reference may name are read (and ``municipality``): every stored municipality is
        a key, the keys of the other kinds (clients, applications ...) are left out.
        (``stored_keys``: the same, read when asked.)"""
        from inventory.store.reading import stored_municipalities

        keys: dict[str, dict[str, set[str]]] = {}
        listed = None if municipalities is None else list(municipalities)
        if listed is not None and not listed:
            return keys
        with self.engine.connect() as connection:
            for kind, table in RECORD_TABLES.items():
                if kind not in _named_kinds():  # no reference names them: their codes only
                    for code in stored_municipalities(connection, table.name):
                        if listed is None or code in listed:
                            keys.setdefault(code, {})
                    continue
                for code, found in _read_keys(connection, kind, listed).items():
                    keys.setdefault(code, {})[kind] = found
            for code, found in _read_keys(connection, "cluster", listed).items():
                keys.setdefault(code, {})["cluster"] = found
        return keys

    def stats(self) -> StoredCounts:
        """Stored record counts per municipality and kind, totals per kind, runs.

        ``{"municipalities": {code: {kind: n}}, "totals": {kind: n}, "import_runs": n}``;
        every kind appears (0 when none), ``client_devices`` adds up client quantities
        (``inventory.store.counts``, which ``inventory stats`` reads without this class
        when it can).
        """
        with self.engine.connect() as connection:
            return count_records(lambda sql: connection.exec_driver_sql(sql).fetchall())

    # --- history -------------------------------------------------------------------------

    def history(self, municipality: str | None = None) -> list[ImportRunInfo]:
        """Every import run, oldest first (optionally only those of one municipality, which
        must be stored: ``UnknownMunicipalityError``)."""
        self._check_named([municipality] if municipality is not None else None)
        with self.engine.connect() as connection:
            return list_runs(connection, municipality)

    def diff(self, run_a: int, run_b: int, municipality: str | None = None) -> RunDifference:
        """What changed after run ``run_a`` up to run ``run_b`` (``NotFoundError`` for an
        unknown run, ``UnknownMunicipalityError`` for a municipality that is not stored)."""
        self._check_named([municipality] if municipality is not None else None)
        with self.engine.connect() as connection:
            return diff_runs(connection, run_a, run_b, municipality)

    def connection(self) -> Connection:
        """A plain read connection (the caller closes it)."""
        return self.engine.connect()


first, second = itemgetter(0), itemgetter(1)


class StoredKeys(Mapping[str, Mapping[str, set[str]]]):
    """``InventoryStore.known_keys`` read when asked (``InventoryStore.stored_keys``):
    equal to it; a municipality's keys of one kind (``keys[code].get(kind)``) read the
    keys of that kind only, of every municipality at once; iterating a municipality's
    kinds reads them all."""

    def __init__(self, codes: Sequence[str], read: Callable[[str], dict[str, set[str]]]) -> None:
        self._codes = dict.fromkeys(codes)  # (each municipality's view made when asked:
        self._read = read  # held here, it would hold this back in a cycle)
        self._by_kind: dict[str, dict[str, set[str]]] = {}

    def keys_of_kind(self, kind: str) -> dict[str, set[str]]:
        """Municipality -> its stored keys of ``kind`` (read once)."""
        found = self._by_kind.get(kind)
        if found is None:
            found = self._by_kind[kind] = self._read(kind) if kind in _named_kinds() else {}
        return found

    def __getitem__(self, code: str) -> Mapping[str, set[str]]:
        if code not in self._codes:
            raise KeyError(code)
        return _KindsOf(self, code)

    def __iter__(self) -> Iterator[str]:
        return iter(self._codes)

    def __len__(self) -> int:
        return len(self._codes)


class _KindsOf(Mapping[str, set[str]]):
    """One municipality's stored keys, by kind (``StoredKeys``)."""

    def __init__(self, keys: StoredKeys, code: str) -> None:
        self._keys, self._code = keys, code

    def __getitem__(self, kind: str) -> set[str]:
        return self._keys.keys_of_kind(kind)[self._code]

    def __iter__(self) -> Iterator[str]:
        return (
            kind
            for kind in (*RECORD_TABLES, "cluster")
            if self._code in self._keys.keys_of_kind(kind)
        )

    def __len__(self) -> int:
        return sum(1 for _ in self)


def _read_keys(
    connection: Connection, kind: str, listed: Sequence[str] | None = None
) -> dict[str, set[str]]:
    """The stored keys of one kind (``cluster``: the clusters servers name) by
    municipality, of the ``listed`` municipalities only when given (those holding none
    left out)."""
    from inventory.store.reading import driver_query, marks

    quote = connection.dialect.identifier_preparer.quote
    code = quote("municipality")
    among = "" if listed is None else f"{code} IN ({marks(len(listed))})"
    if kind == "cluster":
        cluster = quote("cluster")
        sql = (
            f"SELECT DISTINCT {code}, {cluster} FROM {quote('server')}"
            f" WHERE {cluster} IS NOT NULL" + (f" AND {among}" if among else "")
        )
    else:
        sql = f"SELECT {code}, {quote(key_field(kind))} FROM {quote(RECORD_TABLES[kind].name)}"
        sql += f" WHERE {among}" if among else ""
    rows, _description = driver_query(connection, sql, listed or ())
    found: dict[str, set[str]] = {}
    # (rows mostly come by municipality, the primary key's order: a set per run)
    for municipality, keys in groupby(rows, first):
        found.setdefault(municipality, set()).update(map(second, keys))
    return found


@cache
def _named_kinds() -> frozenset[str]:
    """The kinds ``known_keys`` reads keys of."""
    from inventory.validate.references import referenced_kinds

    return referenced_kinds() | {"municipality"}


def stored_known_keys(
    url: str, store: InventoryStore | None = None
) -> Mapping[str, Mapping[str, set[str]]] | None:
    """The keys stored in the database at ``url`` (``InventoryStore.known_keys``), None
    when there is no database yet: never creates one (an SQLite file that does not exist
    gives None). ``StoreError`` when the database cannot be read. ``store``: that
    database already open, read through it (and left open) when asked
    (``InventoryStore.stored_keys``: keep it open while they are used)."""
    if store is not None:
        return store.stored_keys()  # (read when asked, through the open store)
    if not database_exists(url):
        return None
    with InventoryStore(url) as store:
        return store.known_keys()
