"""A delimited file's SHA-256 is computed when its table's ``sha256`` is first read
(``DigestLater``): validation reads none. Read, it must be the digest of the file's bytes
as read, whatever the encoding and however the file was read (alone, with others,
memory-mapped), and the same once computed."""

from __future__ import annotations

import codecs
import hashlib
import pickle
from pathlib import Path

import pytest

from inventory.read import delimited, read_table
from inventory.read.source import DigestLater, TableRequest
from inventory.read.tables import read_tables
from inventory.validate import validate_paths
from tests.helpers import FIVE, SAMPLES

TEXTS = {
    "plain.csv": b"id,name\na,b\n",
    "swedish.csv": "id;namn\nå;ä\n".encode(),
    "cp1252.csv": "id;namn\nå;ä\n".encode("cp1252"),
    "bom.csv": codecs.BOM_UTF8 + b"id,name\na,b\n",
    "utf16.csv": "id,name\na,b\n".encode("utf-16"),
    "title.csv": b"Servers\nid,name\na,b\n",
    "quoted.csv": b'id,name\na,"b\nc"\n',
    "empty.csv": b"",
    "header_only.csv": b"id,name\n",
    "wide.csv": b"id,name\na,b,c\n",
}


def _expected(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_digest_when_read_is_the_files(tmp_path: Path) -> None:
    requests = []
    for name, raw in TEXTS.items():
        path = tmp_path / name
        path.write_bytes(raw)
        requests.append(TableRequest(path, "server", "testby"))
    together = read_tables(requests)
    alone = [read_table(request.path, "server", "testby") for request in requests]
    for request, (table, _), (single, _) in zip(requests, together, alone, strict=True):
        if table is None:
            assert single is None
            continue
        assert single is not None
        assert isinstance(table.__dict__["_sha256"], DigestLater)  # not computed yet
        assert table.sha256 == _expected(request.path) == single.sha256
        assert str(table.__dict__["_sha256"]) == table.sha256  # computed once, kept
        assert table.provenance()[0][0].sha256 == table.sha256


def test_digest_of_a_mapped_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(delimited, "MAP_FROM_BYTES", 64)
    path = tmp_path / "servers.csv"
    path.write_bytes(b"id,name\n" + b"".join(b"s%d,n%d\n" % (i, i) for i in range(100)))
    table, _ = read_table(path, "server", "testby")
    assert table is not None
    assert table.sha256 == _expected(path)


def test_validation_computes_no_digest_and_pickles_it() -> None:
    batch = validate_paths([SAMPLES / name for name in FIVE[:2]])
    sources = [
        table.source
        for municipality in batch.municipalities
        for table in municipality.tables.values()
    ]
    csv_sources = [source for source in sources if source.format == "csv"]
    assert csv_sources
    assert all(isinstance(source.__dict__["_sha256"], DigestLater) for source in csv_sources)
    later = csv_sources[0].__dict__["_sha256"]
    assert pickle.loads(pickle.dumps(later))() == later()
    for source in sources:
        assert source.sha256 == _expected(source.path)
