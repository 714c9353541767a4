"""Fixtures for the hostile-input tests: a copy of samples/gnosjo to damage, an SQLite
store that already holds it, the CLI, and a dump of every table (what is really stored)."""

from __future__ import annotations

import json
import shutil
import sqlite3
import struct
import zlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner, Result

from inventory.cli.app import app

SAMPLES = Path(__file__).resolve().parents[2] / "samples"


@dataclass
class Cli:
    """``inventory --db URL ...`` in-process, against one SQLite file."""

    database: Path

    @property
    def url(self) -> str:
        return f"sqlite:///{self.database}"

    def __call__(self, *args: str) -> Result:
        return CliRunner().invoke(app, ["--db", self.url, *args])

    def json(self, *args: str) -> tuple[Result, list[dict[str, Any]]]:
        """Run with ``--format json``; the issues of the report printed on stdout."""
        result = self(*args, "--format", "json")
        assert "Traceback" not in result.output, result.output
        printed: dict[str, Any] = json.loads(result.stdout)
        issues: list[dict[str, Any]] = printed.get("report", printed)["issues"]
        return result, issues

    def dump(self) -> dict[str, list[tuple[Any, ...]]]:
        """Every row of every table, sorted."""
        with sqlite3.connect(self.database) as connection:
            names = [
                row[0]
                for row in connection.execute(
                    "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"
                )
            ]
            dump = {
                name: sorted(connection.execute(f'SELECT * FROM "{name}"').fetchall(), key=repr)
                for name in names
            }
        connection.close()
        return dump


@pytest.fixture(scope="session")
def loaded_database(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An SQLite file holding the five sample municipalities (gnosjo's links name two
    others), imported once per session."""
    database = tmp_path_factory.mktemp("store") / "five.db"
    result = Cli(database)("import", str(SAMPLES))
    assert result.exit_code == 0, result.output
    return database


@pytest.fixture
def cli(loaded_database: Path, tmp_path: Path) -> Cli:
    """The CLI on a private copy of the store holding the five samples."""
    database = tmp_path / "store.db"
    shutil.copyfile(loaded_database, database)
    return Cli(database)


@pytest.fixture
def gnosjo(tmp_path: Path) -> Path:
    """A private copy of samples/gnosjo (folder ``in/gnosjo``) to damage."""
    folder = tmp_path / "in" / "gnosjo"
    shutil.copytree(SAMPLES / "gnosjo", folder)
    return folder


def gnosjo_server_rows() -> list[list[str]]:
    """samples/gnosjo/servrar.csv (cp1252, ';') as rows of text, header first."""
    text = (SAMPLES / "gnosjo" / "servrar.csv").read_bytes().decode("cp1252")
    return [line.split(";") for line in text.splitlines()]


@pytest.fixture
def server_rows() -> Callable[[], list[list[str]]]:
    return gnosjo_server_rows


# --- zip files written byte by byte: parts with any declared size ----------------------


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


class ZipKit:
    """The zip helpers above, for the tests (conftest modules cannot be imported)."""

    ZipPart = ZipPart
    deflate_part = staticmethod(deflate_part)
    repeated_part = staticmethod(repeated_part)
    write_zip = staticmethod(write_zip)
    write_workbook = staticmethod(write_workbook)
    inline_row = staticmethod(inline_row)
    sheet_head = SHEET_HEAD
    sheet_tail = SHEET_TAIL


@pytest.fixture
def zips() -> type[ZipKit]:
    return ZipKit
