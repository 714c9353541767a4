"""Discovery lists a folder once with what each entry is (``_typed_entries``): the same
entries, in the same order, as sorting ``iterdir``'s paths, and "regular file" exactly
for an entry that is a file and no link (links, folders, fifos and dangling links take
the checks that ask the file system)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from inventory.read.discover import _entries, _is_hidden, _typed_entries

NAMES = st.sets(
    st.text(
        alphabet=st.sampled_from(list("aAbB0Z_-.~ äÅé")),
        min_size=1,
        max_size=6,
    ).filter(lambda name: name not in {".", ".."}),
    max_size=12,
)


@settings(max_examples=60, deadline=None)
@given(names=NAMES)
def test_entries_in_the_order_of_sorted_paths(
    tmp_path_factory: pytest.TempPathFactory, names: set[str]
) -> None:
    folder = tmp_path_factory.mktemp("listing")
    for name in names:
        (folder / name).write_text("x", encoding="utf-8")
    expected = sorted(path for path in folder.iterdir() if not _is_hidden(path))
    assert _entries(folder) == expected
    assert [path for path, _ in _typed_entries(folder)] == expected
    assert all(regular for _, regular in _typed_entries(folder))


def test_regular_only_for_a_file_that_is_no_link(tmp_path: Path) -> None:
    folder = tmp_path / "m"
    folder.mkdir()
    (folder / "servers.csv").write_text("id\n", encoding="utf-8")
    (folder / "sub").mkdir()
    outside = tmp_path / "outside.csv"
    outside.write_text("id\n", encoding="utf-8")
    (folder / "link_in.csv").symlink_to(folder / "servers.csv")
    (folder / "link_out.csv").symlink_to(outside)
    (folder / "dangling.csv").symlink_to(folder / "nothing.csv")
    (folder / "to_sub").symlink_to(folder / "sub")
    os.mkfifo(folder / "fifo.csv")
    (folder / ".hidden.csv").write_text("id\n", encoding="utf-8")
    (folder / "~$lock.csv").write_text("id\n", encoding="utf-8")
    found = dict(_typed_entries(folder))
    assert sorted(path.name for path in found) == [
        "dangling.csv",
        "fifo.csv",
        "link_in.csv",
        "link_out.csv",
        "servers.csv",
        "sub",
        "to_sub",
    ]
    for path, regular in found.items():
        assert regular == (path.is_file() and not path.is_symlink()), path.name
    assert [path.name for path, regular in found.items() if regular] == ["servers.csv"]
