"""Helpers the test folders share: ``from tests.helpers import dump_tables, run_cli``.

One module instead of copies in each folder's conftest (which cannot be imported by name
everywhere) and instead of fixtures that hand out classes of static methods. Fixtures stay
in the conftest files; plain functions and data live here:

- running the CLI in-process: ``run_cli`` / ``run_json`` (Typer's runner, one database),
  ``run_main`` (the console script's ``main`` with its own error handling), ``Cli``;
- what is really stored: ``dump_tables``, ``stored_files``, ``stored_content``;
- inputs built by hand: ``make_batch`` (a validated batch without files),
  ``write_inventory`` and ``gnosjo_clients`` (folders on disk), zip files and workbooks
  written byte by byte (``write_zip``, ``write_workbook``);
- reading results: ``row_at``, ``issue_codes``, ``header_mapping``.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import io
import json
import struct
import sys
import traceback
import zlib
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd
from sqlalchemy import MetaData, create_engine, select
from typer.testing import CliRunner, Result

from inventory.cli.app import app, main
from inventory.issues import IssueReport
from inventory.models import field_specs
from inventory.read.source import SourceTable
from inventory.snapshot import InventorySnapshot
from inventory.validate.batch import REFERENCE_COLUMNS, ImportBatch, MunicipalityBatch, ValidTable

REPO = Path(__file__).resolve().parents[1]
SAMPLES = REPO / "samples"
#: The five GGVVH sample municipalities, in the order the README imports them.
FIVE = ("gislaved", "gnosjo", "varnamo", "vaggeryd", "hylte")


# --- the CLI in-process -------------------------------------------------------------------


def run_cli(db_url: str, *args: str, catch_exceptions: bool = True) -> Result:
    """``inventory --db URL ARGS`` through Typer's runner; with ``catch_exceptions`` (the
    default) an exception stays on ``result.exception``, without it the test fails on it."""
    return CliRunner().invoke(app, ["--db", db_url, *args], catch_exceptions=catch_exceptions)


def run_cli_raising(db_url: str, *args: str) -> Result:
    """``run_cli`` letting an exception through: the test fails with its traceback."""
    return run_cli(db_url, *args, catch_exceptions=False)


def run_json(db_url: str, *args: str) -> tuple[Result, Any]:
    """Run a command with ``--format json`` and parse what it printed on stdout (an object
    for most commands, a list for ``list``)."""
    result = run_cli(db_url, *args, "--format", "json")
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    return result, json.loads(result.stdout)


@dataclass(frozen=True)
class Outcome:
    """Exit code and what was printed; ``code`` 99 when an exception escaped ``main``."""

    code: int
    stdout: str
    stderr: str

    @property
    def text(self) -> str:
        return self.stdout + self.stderr


def run_main(*argv: str) -> Outcome:
    """``inventory ARGV`` as the console script runs it (its error handling included),
    output captured; an exception escaping ``main`` is code 99 with its traceback on
    ``stderr`` (what a user would see)."""
    stdout, stderr = io.StringIO(), io.StringIO()
    saved = sys.argv
    sys.argv = ["inventory", *argv]
    code = 0
    try:
        with contextlib.redirect_stdout(stdout), contextlib.redirect_stderr(stderr):
            main()
    except SystemExit as exit_:
        code = exit_.code if isinstance(exit_.code, int) else (0 if exit_.code is None else 1)
    except BaseException:
        stderr.write(traceback.format_exc())
        code = 99
    finally:
        sys.argv = saved
    return Outcome(code, stdout.getvalue(), stderr.getvalue())


def exit_code_and_output(*argv: str) -> tuple[int, str]:
    """``run_main``'s exit code and everything printed (standard output, then errors)."""
    outcome = run_main(*argv)
    return outcome.code, outcome.text


@dataclass
class Cli:
    """``inventory --db URL ...`` in-process, against one SQLite file."""

    database: Path

    @property
    def url(self) -> str:
        return f"sqlite:///{self.database}"

    def __call__(self, *args: str) -> Result:
        return run_cli(self.url, *args)

    def json(self, *args: str) -> tuple[Result, list[dict[str, Any]]]:
        """Run with ``--format json``; the issues of the report printed on stdout."""
        result = self(*args, "--format", "json")
        assert "Traceback" not in result.output, result.output
        printed: dict[str, Any] = json.loads(result.stdout)
        issues: list[dict[str, Any]] = printed.get("report", printed)["issues"]
        return result, issues

    def dump(self) -> dict[str, list[tuple[Any, ...]]]:
        """Every row of every table, sorted."""
        return dump_tables(self.url)


# --- what is really stored ----------------------------------------------------------------


def dump_tables(url: str) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table (reflected, read with a fresh engine), sorted: what is
    really stored, for comparing a database before and after."""
    engine = create_engine(url)
    try:
        metadata = MetaData()
        metadata.reflect(engine)
        with engine.connect() as connection:
            return {
                name: sorted(connection.execute(select(table)).all(), key=repr)
                for name, table in sorted(metadata.tables.items())
            }
    finally:
        engine.dispose()


def stored_files(db_url: str) -> list[dict[str, Any]]:
    """The import_file rows (provenance) of the newest import run."""
    engine = create_engine(db_url)
    try:
        metadata = MetaData()
        metadata.reflect(engine, only=["import_file"])
        table = metadata.tables["import_file"]
        with engine.connect() as connection:
            newest = connection.execute(
                select(table.c.run_id).order_by(table.c.run_id.desc()).limit(1)
            ).scalar()
            rows = connection.execute(select(table).where(table.c.run_id == newest))
            return [dict(row._mapping) for row in rows]
    finally:
        engine.dispose()


def issue_codes(report: dict[str, Any]) -> list[str]:
    """The codes of a JSON report's issues, in order."""
    return [str(issue["code"]) for issue in report["issues"]]


def header_mapping(row: dict[str, Any]) -> dict[str, str]:
    """The header mapping stored with an import_file row."""
    mapping: dict[str, str] = json.loads(row["header_mapping"])
    return mapping


def content(snapshot: InventorySnapshot) -> dict[str, list[tuple[str, ...]]]:
    """The records of a snapshot as sorted text tuples (comparable across stores)."""

    def text(value: Any) -> str:
        if value is None or value is pd.NA or (isinstance(value, float) and pd.isna(value)):
            return ""
        return str(value)

    return {
        kind: sorted(
            tuple(text(v) for v in row) for row in frame.itertuples(index=False, name=None)
        )
        for kind, frame in sorted(snapshot.tables.items())
        if not frame.empty
    }


def folder_content(folder: Path) -> dict[str, list[tuple[str, ...]]]:
    """What storing ``folder`` alone gives."""
    from inventory.validate import validate_paths

    batch = validate_paths([folder])
    assert batch.report.valid, batch.report.errors[:3]
    return content(InventorySnapshot.from_batch(batch))


def stored_content(url: str) -> dict[str, list[tuple[str, ...]]]:
    """What the store at ``url`` holds, as ``content`` gives it."""
    from inventory.store import InventoryStore

    with InventoryStore(url) as store:
        return content(store.snapshot())


# --- reading results ----------------------------------------------------------------------


def row_at(frame: pd.DataFrame, key: tuple[str, str]) -> pd.Series:
    """The one row of ``frame`` at ``key`` (a full key of its two-level index)."""
    row = frame.loc[key]
    assert isinstance(row, pd.Series), key
    return row


# --- validated batches built by hand (no files) ------------------------------------------

_DTYPES = {"int": "Int64", "float": "Float64", "bool": "boolean"}

Rows = dict[str, list[dict[str, Any]]]


def valid_table(kind: str, municipality: str, rows: list[dict[str, Any]]) -> ValidTable:
    """A ValidTable as validation would hand it over (dtypes as documented)."""
    columns: dict[str, pd.Series] = {}
    for spec in field_specs(kind):
        values = [row.get(spec.name) for row in rows]
        columns[spec.name] = pd.Series(values, dtype=_DTYPES.get(spec.value_type, object))
    frame = pd.DataFrame(columns)
    frame["_line"] = pd.Series(range(2, len(rows) + 2), dtype="Int64")
    data = repr(rows).encode()
    source = SourceTable(
        path=Path(f"/inventories/{municipality}/{kind}.csv"),
        kind=kind,
        municipality=municipality,
        format="csv",
        sha256=hashlib.sha256(data).hexdigest(),
        encoding="utf-8",
        delimiter=";",
        header=list(columns),
        header_line=1,
        cells=pd.DataFrame(),
        lines=list(range(2, len(rows) + 2)),
    )
    mapping = {name.upper(): name for name in columns}
    return ValidTable(
        kind=kind, municipality=municipality, source=source, header_mapping=mapping, frame=frame
    )


def municipality_row(code: str) -> dict[str, Any]:
    return {
        "code": code,
        "name": f"{code.title()} kommun",
        "country": "SE",
        "population": 10_000,
        "it_budget": 1.5e7,
        "operating_model": "in_house",
    }


def make_batch(
    municipalities: dict[str, Rows], references: list[dict[str, str]] | None = None
) -> ImportBatch:
    """A valid ImportBatch: per municipality code, rows per record kind (the municipality
    row is added when not given)."""
    parts = []
    for code, kinds in municipalities.items():
        tables = {
            "municipality": valid_table(
                "municipality", code, kinds.get("municipality", [municipality_row(code)])
            )
        }
        for kind, rows in kinds.items():
            if kind != "municipality":
                tables[kind] = valid_table(kind, code, rows)
        parts.append(
            MunicipalityBatch(code=code, folder=Path(f"/inventories/{code}"), tables=tables)
        )
    frame = pd.DataFrame(references or [], columns=list(REFERENCE_COLUMNS), dtype=object)
    return ImportBatch(municipalities=parts, references=frame, report=IssueReport())


def sample_rows() -> Rows:
    """A small municipality with every value type."""
    return {
        "site": [
            {
                "id": "DC1",
                "name": "Stadshuset",
                "kind": "datacentre",
                "racks_total": 4,
                "power_capacity_kw": 20.5,
                "ups": True,
                "generator": False,
            },
            {"id": "0480", "name": "Skola", "kind": "school"},
        ],
        "server": [
            {
                "id": "esx01",
                "hostname": "esx01.kommun.se",
                "kind": "physical",
                "site": "DC1",
                "cluster": "CL1",
                "cpu_cores": 32,
                "ram_gb": 512.0,
                "purchase_date": dt.date(2019, 5, 1),
                "os_product": "VMware ESXi",
                "os_version": "6.7",
            },
            {
                "id": "srv-ad01",
                "kind": "virtual",
                "cluster": "CL1",
                "host": "esx01",
                "os_product": "Windows Server",
                "os_version": "2012 R2",
            },
        ],
        "zone": [
            {
                "id": "Z1",
                "name": "Skolnät",
                "purpose": "school",
                "vlans": (10, 20),
                "sites": ("0480",),
                "prefixes": ("10.0.0.0/16",),
            }
        ],
        "client": [
            {
                "id": f"CB-{n:03d}",
                "kind": "chromebook",
                "vendor": "Lenovo",
                "quantity": 30 if n % 2 else None,
                "site": "0480",
                "warranty_end": dt.date(2026, 6, 30),
            }
            for n in range(20)
        ],
    }


# --- inventory folders on disk ------------------------------------------------------------


def write_inventory(root: Path, code: str, version: int, clients: int = 0) -> Path:
    """An inventory folder on disk; ``version`` changes values and the set of keys."""
    folder = root / f"{code}-v{version}" / code
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "municipality.csv").write_text(
        f"code,name,country,population\n{code},{code.title()} kommun,SE,{9000 + version}\n",
        encoding="utf-8",
    )
    sites = [f"S{n};Skola {n};skola" for n in range(version, version + 5)]
    (folder / "sites.csv").write_text(
        "id;namn;typ\nDC1;Stadshuset;datacenter\n" + "\n".join(sites) + "\n", encoding="utf-8"
    )
    (folder / "servers.csv").write_text(
        "id,hostname,kind,site,cluster,os_version\n"
        f"esx01,esx01,physical,DC1,CL1,{version}.0\n"
        f"srv{version},srv{version},virtual,,CL1,2019\n",
        encoding="utf-8",
    )
    if clients:
        rows = [
            f"C{n:06d},laptop,S{version},{1 + (n + version) % 3}"
            for n in range(version * 7, version * 7 + clients)
        ]
        (folder / "clients.csv").write_text(
            "id,kind,site,quantity\n" + "\n".join(rows) + "\n", encoding="utf-8"
        )
    return folder


def gnosjo_clients(root: Path, clients: list[tuple[str, str]]) -> Path:
    """``root/gnosjo``: the municipality, two sites (S1, S2) and ``(id, site)`` clients."""
    folder = root / "gnosjo"
    folder.mkdir(parents=True)
    (folder / "municipality.csv").write_text(
        "code,name,country\ngnosjo,Gnosjö,SE\n", encoding="utf-8"
    )
    (folder / "sites.csv").write_text("id,kind\nS1,school\nS2,office\n", encoding="utf-8")
    (folder / "clients.csv").write_text(
        "id,kind,site\n" + "".join(f"{key},laptop,{site}\n" for key, site in clients),
        encoding="utf-8",
    )
    return folder


def gnosjo_server_rows() -> list[list[str]]:
    """samples/gnosjo/servrar.csv (cp1252, ';') as rows of text, header first."""
    text = (SAMPLES / "gnosjo" / "servrar.csv").read_bytes().decode("cp1252")
    return [line.split(";") for line in text.splitlines()]


# --- zip files written byte by byte: parts with any declared size ------------------------


@dataclass
class ZipPart:
    """One zip member: its raw deflate stream, CRC-32, true and declared sizes."""

    name: str
    deflated: bytes | Iterable[bytes]
    crc: int
    size: int
    declared: int | None = None  # the size written into the headers (default: the true one)


def deflate_part(name: str, data: bytes) -> ZipPart:
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    return ZipPart(
        name, compressor.compress(data) + compressor.flush(), zlib.crc32(data), len(data)
    )


def repeated_part(name: str, head: bytes, chunk: bytes, times: int, tail: bytes) -> ZipPart:
    """``head + chunk * times + tail`` deflated without building it: after a full flush the
    deflater starts afresh, so each chunk compresses to the same bytes (a zip bomb)."""
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    first = compressor.compress(head) + compressor.flush(zlib.Z_FULL_FLUSH)
    block = compressor.compress(chunk) + compressor.flush(zlib.Z_FULL_FLUSH)
    assert compressor.compress(chunk) + compressor.flush(zlib.Z_FULL_FLUSH) == block
    last = compressor.compress(tail) + compressor.flush()
    crc = zlib.crc32(head)
    for _ in range(times):
        crc = zlib.crc32(chunk, crc)
    crc = zlib.crc32(tail, crc)
    return ZipPart(
        name, [first, *[block] * times, last], crc, len(head) + len(chunk) * times + len(tail)
    )


def write_zip(path: Path, parts: list[ZipPart]) -> None:
    """A zip of deflated parts, headers written by hand (zipfile cannot write raw data)."""
    local = bytearray()
    central = bytearray()
    for part in parts:
        data = part.deflated if isinstance(part.deflated, bytes) else b"".join(part.deflated)
        name = part.name.encode()
        declared = part.size if part.declared is None else part.declared
        offset = len(local)
        local += (
            struct.pack(
                "<IHHHHHIIIHH",
                0x04034B50,
                20,
                0,
                8,
                0,
                0x21,
                part.crc,
                len(data),
                declared,
                len(name),
                0,
            )
            + name
            + data
        )
        central += (
            struct.pack(
                "<IHHHHHHIIIHHHHHII",
                0x02014B50,
                20,
                20,
                0,
                8,
                0,
                0x21,
                part.crc,
                len(data),
                declared,
                len(name),
                0,
                0,
                0,
                0,
                0,
                offset,
            )
            + name
        )
    end = struct.pack(
        "<IHHHHIIH", 0x06054B50, 0, 0, len(parts), len(parts), len(central), len(local), 0
    )
    path.write_bytes(bytes(local + central + end))


WORKBOOK_PARTS = {
    "[Content_Types].xml": (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/'
        'vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/xl/workbook.xml" ContentType="application/'
        'vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
        '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/'
        'vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>'
    ),
    "_rels/.rels": (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
        'relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>'
    ),
    "xl/workbook.xml": (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
        ' xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
        '<sheets><sheet name="{title}" sheetId="1" r:id="rId1"/></sheets></workbook>'
    ),
    "xl/_rels/workbook.xml.rels": (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
        'relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>'
    ),
}
SHEET_HEAD = (
    b'<?xml version="1.0" encoding="UTF-8"?><worksheet'
    b' xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
)
SHEET_TAIL = b"</sheetData></worksheet>"


def write_workbook(path: Path, sheet: ZipPart | bytes, title: str = "servers") -> Path:
    """A minimal .xlsx (no styles, no shared strings) whose one sheet is ``sheet``: the
    XML of its rows (between ``SHEET_HEAD`` and ``SHEET_TAIL``) or a ready part."""
    parts = [
        deflate_part(name, text.replace("{title}", title).encode())
        for name, text in WORKBOOK_PARTS.items()
    ]
    if isinstance(sheet, bytes):
        sheet = deflate_part("xl/worksheets/sheet1.xml", SHEET_HEAD + sheet + SHEET_TAIL)
    write_zip(path, [*parts, sheet])
    return path


def inline_row(number: int, *values: str) -> bytes:
    """A sheet row of inline strings."""
    cells = "".join(f'<c t="inlineStr"><is><t>{value}</t></is></c>' for value in values)
    return f'<row r="{number}">{cells}</row>'.encode()
