"""File names derived from data: slugified, portable, and always inside the output folder."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from inventory.errors import RenderError
from inventory.render.output import write_diagram
from inventory.render.paths import output_path, path_inside, safe_filename, slugify


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Gnosjö", "gnosjo"),
        ("Værnes Ørland Ås", "vaernes-orland-as"),
        ("Midtre Gauldal / DC1", "midtre-gauldal-dc1"),
        ("../../etc/passwd", "etc-passwd"),
        ("C:\\Windows\\system32", "c-windows-system32"),
        ("<script>alert(1)</script>", "script-alert-1-script"),
        ("", "unnamed"),
        ("...", "unnamed"),
        ("日本", "unnamed"),
        ("CON", "con-file"),
        ("nul", "nul-file"),
    ],
)
def test_safe_filename(text: str, expected: str) -> None:
    assert safe_filename(text) == expected


def test_long_names_are_cut_with_a_distinguishing_hash() -> None:
    first = safe_filename("server " * 40 + "a", suffix=".svg")
    second = safe_filename("server " * 40 + "b", suffix=".svg")
    assert first != second
    assert len(first) <= 80 + len(".svg")
    assert first.endswith(".svg")


def test_suffix_is_never_data() -> None:
    with pytest.raises(ValueError):
        safe_filename("x", suffix="/../evil")


@given(st.text())
def test_any_text_gives_a_plain_name(text: str) -> None:
    name = safe_filename(text, suffix=".dot")
    stem = name.removesuffix(".dot")
    assert stem and set(stem) <= set("abcdefghijklmnopqrstuvwxyz0123456789-")
    assert slugify(text) == "" or stem.startswith(slugify(text)[:40].rstrip("-"))


@pytest.mark.parametrize("name", ["../x.svg", "a/../../x.svg", "/etc/passwd", "..", "", "."])
def test_path_inside_refuses_escapes(tmp_path: Path, name: str) -> None:
    with pytest.raises(RenderError):
        path_inside(tmp_path, name)


def test_path_inside_refuses_symlink_out_of_the_folder(tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    folder = tmp_path / "out"
    folder.mkdir()
    os.symlink(outside, folder / "diagrams")
    with pytest.raises(RenderError, match="outside"):
        path_inside(folder, "diagrams/x.svg")


def test_path_inside_allows_subfolders(tmp_path: Path) -> None:
    assert path_inside(tmp_path, "diagrams/gnosjo.svg") == tmp_path.resolve() / "diagrams" / (
        "gnosjo.svg"
    )
    assert output_path(tmp_path, "../Gnosjö", suffix=".svg", subfolder="../diagrams") == (
        tmp_path.resolve() / "diagrams" / "gnosjo.svg"
    )


def test_write_diagram_names_files_from_data_inside_the_folder(tmp_path: Path) -> None:
    written = write_diagram(
        "digraph { a }", tmp_path, "../../Gnosjö <x>", subfolder="diagrams", formats=("dot", "svg")
    )
    assert written["dot"] == tmp_path.resolve() / "diagrams" / "gnosjo-x.dot"
    assert written["dot"].read_text(encoding="utf-8") == "digraph { a }"
    assert written["svg"].read_bytes().startswith(b"<?xml")
    assert sorted(p.name for p in (tmp_path / "diagrams").iterdir()) == [
        "gnosjo-x.dot",
        "gnosjo-x.svg",
    ]
