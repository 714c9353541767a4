"""``inventory import`` says how many rows it left unchecked because they are unchanged
since their import (row-level re-import): never silent."""

from __future__ import annotations

import shutil
from pathlib import Path

from tests.cli.conftest import Run
from tests.test_api import data_rows


def test_a_reimport_with_one_row_changed_says_how_many_rows_were_not_checked_again(
    inventory: Run, samples_dir: Path, tmp_path: Path
) -> None:
    folder = tmp_path / "varnamo"
    shutil.copytree(samples_dir / "varnamo", folder)
    url = f"sqlite:///{tmp_path / 'inventory.db'}"
    assert inventory("--db", url, "import", str(folder)).code == 0
    clients = folder / "clients.csv"
    lines = clients.read_text(encoding="utf-8").splitlines(keepends=True)
    header = lines[0].rstrip("\n").split(",")
    cells = lines[1].rstrip("\n").split(",")
    cells[header.index("quantity")] = str(int(cells[header.index("quantity")]) + 1)
    lines[1] = ",".join(cells) + "\n"
    clients.write_text("".join(lines), encoding="utf-8")
    again = inventory("--db", url, "import", str(folder))
    assert again.code == 0, again.stderr
    # every row of the folder but the changed one (the other files are not even read)
    rows = sum(data_rows(path) for path in folder.iterdir()) - 1
    assert f"{rows:,} rows unchanged since their last import" in again.stderr
    reread = inventory("--db", url, "import", str(folder), "--reread", "--dry-run")
    assert "unchanged since their last import" not in reread.stderr
