"""TerminalConsole: user text printed literally, control characters as escapes."""

from __future__ import annotations

import io

from rich.progress import Progress
from rich.table import Table
from rich.text import Text

from inventory.cli.terminal import TerminalConsole

HOSTILE = "[bold]x[/bold] :x: [/] \x1b[2J\x07\x0b\x0c\r\x85\x9b\u202e"
SHOWN = "[bold]x[/bold] :x: [/] \\x1b[2J\\x07\\x0b\\x0c\\r\\x85\\x9b\\u202e"


def printed(*objects: object, width: int = 200) -> str:
    console = TerminalConsole()
    console.file = io.StringIO()
    console.width = width
    console.print(*objects)
    output = console.file.getvalue()
    assert isinstance(output, str)
    return output


def test_a_string_is_printed_as_written() -> None:
    assert printed(HOSTILE) == SHOWN + "\n"


def test_text_objects_and_styles() -> None:
    # Text drops BEL, VT, FF and CR itself; what it keeps (ESC, C1, bidi) is escaped here.
    assert printed(Text("Error:", style="bold red"), Text("a\x1bb\x85\u202e")) == (
        "Error: a\\x1bb\\x85\\u202e\n"
    )


def test_table_cells_and_titles() -> None:
    table = Table(title=f"title {HOSTILE}")
    table.add_column("name")
    table.add_row(HOSTILE)
    table.add_row(Text("c\x1bd"))
    output = printed(table)
    assert output.count(SHOWN) == 2
    assert "c\\x1bd" in output
    assert not any(ch in output for ch in "\x1b\x07\x0b\x0c\r\x85\x9b\u202e")
    assert "\n" in output  # our own line breaks stay


def test_line_breaks_and_tabs_stay() -> None:
    assert printed("a\nb\tc") == "a\nb" + " " * 7 + "c\n"  # rich expands the tab (to 8)


def test_a_progress_bar_still_works() -> None:
    console = TerminalConsole(stderr=True)
    console.file = io.StringIO()
    with Progress("Storing", console=console, transient=True) as bar:
        task = bar.add_task("store", total=10)
        bar.update(task, completed=10)
    assert "Traceback" not in console.file.getvalue()
