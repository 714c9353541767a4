"""``import_file.bytes`` (migration 0008): each imported file records its size, and a
re-import takes a file of another size for another file without hashing it; a file of
the same size is compared by its SHA-256 as before (SQLite and PostgreSQL)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import create_engine, select

from inventory.api import import_folders
from inventory.store import rawrows
from inventory.store.engine import alembic_config
from inventory.store.schema import FILE_BYTES, import_file

SAMPLES = Path(__file__).resolve().parents[2] / "samples"
MUNICIPALITIES = ("gislaved", "gnosjo", "hylte", "vaggeryd", "varnamo")


def _recorded(url: str) -> dict[tuple[int, Path], int | None]:
    """(run, file) -> the size its import recorded."""
    engine = create_engine(url)
    try:
        with engine.connect() as connection:
            rows = connection.execute(
                select(import_file.c.run_id, import_file.c.path, import_file.c[FILE_BYTES])
            ).all()
    finally:
        engine.dispose()
    return {(int(run), Path(path)): size for run, path, size in rows}


def _hashed(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """The files the store hashes from now on."""
    names: list[Path] = []
    original = rawrows.file_sha256

    def hashing(path: Path) -> str:
        names.append(Path(path))
        return original(path)

    monkeypatch.setattr(rawrows, "file_sha256", hashing)
    return names


@pytest.fixture
def folders(tmp_path: Path) -> list[Path]:
    return [shutil.copytree(SAMPLES / name, tmp_path / name) for name in MUNICIPALITIES]


def test_each_file_records_its_size(db_url: str, folders: list[Path]) -> None:
    import_folders(folders, db_url)
    recorded = _recorded(db_url)
    hylte = folders[MUNICIPALITIES.index("hylte")]
    for file in hylte.iterdir():
        assert recorded[(1, file)] == len(file.read_bytes())


def test_a_file_of_another_size_is_read_without_hashing_it_first(
    db_url: str, folders: list[Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    import_folders(folders, db_url)
    hylte = folders[MUNICIPALITIES.index("hylte")]
    clients = hylte / "clients.csv"
    _longer_model(clients)  # four bytes more
    hashed = _hashed(monkeypatch)
    done = import_folders(folders, db_url)
    assert (done.result.totals.created, done.result.totals.updated) == (0, 1)
    assert clients not in hashed  # (the other files of the folder are)
    assert hylte / "sites.csv" in hashed
    assert _recorded(db_url)[(2, clients)] == len(clients.read_bytes())


def test_a_file_of_the_same_size_is_compared_by_its_hash(
    db_url: str, folders: list[Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    import_folders(folders, db_url)
    hylte = folders[MUNICIPALITIES.index("hylte")]
    clients = hylte / "clients.csv"
    text = clients.read_text(encoding="utf-8")
    header, first, *rest = text.splitlines(keepends=True)
    model = header.rstrip("\n").split(",").index("model")
    cells = first.rstrip("\n").split(",")
    cells[model] = cells[model][:-1] + ("X" if cells[model][-1] != "X" else "Y")  # same size
    clients.write_text("".join([header, ",".join(cells) + "\n", *rest]), encoding="utf-8")
    assert len(clients.read_bytes()) == len(text.encode())
    hashed = _hashed(monkeypatch)
    done = import_folders(folders, db_url)
    assert (done.result.totals.created, done.result.totals.updated) == (0, 1)
    assert clients in hashed


def test_a_database_from_before_0008_hashes_and_then_records(
    db_url: str, folders: list[Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    import_folders(folders, db_url)
    engine = create_engine(db_url)
    with engine.begin() as connection:
        command.downgrade(alembic_config(connection), "0007")
    engine.dispose()
    hylte = folders[MUNICIPALITIES.index("hylte")]
    _longer_model(hylte / "clients.csv")
    hashed = _hashed(monkeypatch)
    done = import_folders(folders, db_url)  # (migrated to 0008 on opening: no sizes)
    assert done.result.totals.updated == 1
    assert hylte / "clients.csv" in hashed
    recorded = _recorded(db_url)
    assert {size for (run, _name), size in recorded.items() if run == 1} == {None}
    assert recorded[(2, hylte / "clients.csv")] == len((hylte / "clients.csv").read_bytes())


def _longer_model(file: Path) -> None:
    """`` (2)`` after the model of the first client."""
    header, first, *rest = file.read_text(encoding="utf-8").splitlines(keepends=True)
    model = header.rstrip("\n").split(",").index("model")
    cells = first.rstrip("\n").split(",")
    cells[model] += " (2)"
    file.write_text("".join([header, ",".join(cells) + "\n", *rest]), encoding="utf-8")
