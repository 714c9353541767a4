"""The consoles the commands print to: user text always comes out literally.

Values, names and file names in messages and tables come from other people's files. A
``TerminalConsole`` never reads them as rich markup (``[bold]``) or emoji codes
(``:x:``): markup and emoji are off, styles are given as ``Text`` styles. Control
characters (an ESC that would start a terminal escape sequence, a BEL, a bidirectional
override) are printed as escapes (``\\x1b``): in every string before it is measured, and
again in every segment rendered, whatever the renderable (a ``Text`` built from data, a
table cell, a title).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from rich.console import (
    Console,
    ConsoleOptions,
    ConsoleRenderable,
    HighlighterType,
    JustifyMethod,
    OverflowMethod,
    RenderHook,
    RenderResult,
)
from rich.segment import Segment
from rich.style import Style
from rich.text import Text

from inventory.echo import visible

#: Kept as they are on a terminal: line breaks of our own multi-line output, tabs.
_KEPT = "\n\t"


class _VisibleSegments:
    """A renderable drawn with the control characters of its text made visible."""

    def __init__(self, renderable: ConsoleRenderable) -> None:
        self.renderable = renderable

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        yield from _visible_segments(console.render(self.renderable, options))


def _visible_segments(segments: Iterable[Segment]) -> Iterator[Segment]:
    for segment in segments:
        if segment.control:  # rich's own cursor moves (progress bars), not text
            yield segment
        else:
            yield Segment(visible(segment.text, keep=_KEPT), segment.style)


class _VisibleControls(RenderHook):
    def process_renderables(self, renderables: list[ConsoleRenderable]) -> list[ConsoleRenderable]:
        return [_VisibleSegments(renderable) for renderable in renderables]


class TerminalConsole(Console):
    """A rich ``Console`` that prints text literally (see the module)."""

    def __init__(self, *, stderr: bool = False) -> None:
        super().__init__(stderr=stderr, highlight=False, soft_wrap=True, markup=False, emoji=False)
        self.push_render_hook(_VisibleControls())

    def render_str(
        self,
        text: str,
        *,
        style: str | Style = "",
        justify: JustifyMethod | None = None,
        overflow: OverflowMethod | None = None,
        emoji: bool | None = None,
        markup: bool | None = None,
        highlight: bool | None = None,
        highlighter: HighlighterType | None = None,
    ) -> Text:
        # Escaped before ``Text`` drops BEL, VT, FF and CR silently and before the width
        # of table cells is measured.
        return super().render_str(
            visible(text, keep=_KEPT),
            style=style,
            justify=justify,
            overflow=overflow,
            emoji=emoji,
            markup=markup,
            highlight=highlight,
            highlighter=highlighter,
        )
