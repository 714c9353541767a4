"""The report's risk-ranked gaps: the top ten in the summary, every gap in the gap section,
each with its consequence, exposure and why (docs/method.md#risk)."""

from __future__ import annotations

import re
from typing import Any

from inventory.analyse.lifecycle_labels import release_texts, with_release_labels
from inventory.gap.result import GapReport
from inventory.language.i18n import Lang, t
from inventory.messages import MessageList, cell_texts, message_text
from inventory.render.document import Paragraph
from inventory.report.tables import ColumnSpec, frame_table

TOP_GAPS = 10

_COLUMNS = [
    ColumnSpec("rank", "risk.col_rank", "int"),
    ColumnSpec("gap_message", "risk.col_gap"),
    ColumnSpec("municipality", "column.municipality"),
    ColumnSpec("domain", "column.domain", codes="domain"),
    ColumnSpec("product", "column.product"),
    ColumnSpec("cycle", "column.version"),
    ColumnSpec("status", "column.status", codes="status"),
    ColumnSpec("eol", "column.end_of_life", "date"),
    ColumnSpec("assets", "column.assets", "int"),
    ColumnSpec("applications", "risk.col_applications", "int"),
    ColumnSpec("people", "risk.col_people", "int"),
    ColumnSpec("consequence", "risk.col_consequence", "int"),
    ColumnSpec("exposure", "risk.col_exposure", "int"),
    ColumnSpec("risk", "risk.col_risk", "int"),
    ColumnSpec("reasons_message", "risk.col_reasons"),
]


def risk_method(lang: Lang) -> Paragraph:
    """The ranking in one sentence, linked to docs/method.md#risk."""
    return Paragraph(text=t("risk.method", lang), method="risk")


#: The summary's few, short columns (the gap section has them all).
_TOP_COLUMNS = [
    ColumnSpec("rank", "risk.col_rank", "int"),
    ColumnSpec("what", "top.col_what"),
    ColumnSpec("municipality", "column.municipality"),
    ColumnSpec("consequence", "risk.col_consequence", "int"),
    ColumnSpec("exposure", "risk.col_exposure", "int"),
    ColumnSpec("risk", "risk.col_risk", "int"),
    ColumnSpec("reason", "top.col_reason"),
]
#: Longest "what" and "main reason" texts in the summary (characters).
WHAT_CHARS, REASON_CHARS = 40, 60


def _cut(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip(" ,;") + "…"


def _unlisted(text: str) -> str:
    """``text`` without its parenthesised lists (nested ones too)."""
    count = 1
    while count:
        text, count = re.subn(r"\s*\([^()]*\)", "", text)
    return text.strip()


def short_reason(reasons: str, limit: int = REASON_CHARS) -> str:
    """The reasons of a gap in at most ``limit`` characters: the lifecycle first (what makes
    it urgent), lists of names left out, whole parts while they fit."""
    parts = [_unlisted(part) for part in reasons.split("; ")]
    parts = [part for part in parts if part]
    parts.sort(key=lambda part: 0 if "end of life" in part else 1)  # stable otherwise
    shown = ""
    for part in parts:
        longer = f"{shown}; {part}" if shown else part
        if len(longer) > limit:
            break
        shown = longer
    return shown or _cut(parts[0] if parts else "", limit)


_LIFECYCLE_REASONS = frozenset(
    {
        "risk.reason.past_eol_on",
        "risk.reason.past_eol",
        "risk.reason.ending_on",
        "risk.reason.ending",
    }
)


def short_reason_message(reasons: object, lang: Lang, limit: int = REASON_CHARS) -> str:
    """:func:`short_reason` of a gap's reasons as messages (``gap.risk``), in ``lang``: the
    lifecycle part first, then the others in order, whole parts while they fit."""
    if not isinstance(reasons, MessageList):
        return short_reason(str(reasons), limit)
    parts = sorted(reasons.parts, key=lambda part: 0 if part.key in _LIFECYCLE_REASONS else 1)
    texts = [text for text in (_unlisted(message_text(part, lang)) for part in parts) if text]
    shown = ""
    for text in texts:
        longer = f"{shown}; {text}" if shown else text
        if len(longer) > limit:
            break
        shown = longer
    return shown or _cut(texts[0] if texts else "", limit)


def top_gaps(gap: GapReport, lang: Lang, limit: int = TOP_GAPS) -> list[Any]:
    """The method sentence and the ``limit`` gaps of highest risk (summary): few, short
    columns; every gap with every column is in the gap section (``risk_blocks``)."""
    top = gap.risks.sort_values("rank").head(limit)
    prefix = top["municipality"].astype(str) + ": "
    names = [
        name[len(p) :] if name.startswith(p) else name
        for name, p in zip(
            map(str, cell_texts(list(top["gap_message"]), lang)), prefix, strict=True
        )
    ]
    # a release as people write it ("Windows Server 2012 R2"), not the catalogue's cycle id
    product = release_texts(top["product"], top["cycle"])
    top = top.assign(
        what=[
            _cut(f"{name} ({kind})" if kind else name, WHAT_CHARS)
            for name, kind in zip(names, product, strict=True)
        ],
        reason=[short_reason_message(reasons, lang) for reasons in top["reasons_message"]],
    )
    return [
        risk_method(lang),
        frame_table(
            t("section.top_gaps", lang),
            top,
            _TOP_COLUMNS,
            lang,
            table_id="summary-top-gaps",
            name=t("rb.sheet_top_gaps", lang),
            note=t("top.note", lang, shown=len(top), total=len(gap.risks)),
        ),
    ]


def risk_blocks(gap: GapReport, lang: Lang) -> list[Any]:
    """The method sentence and every gap, ranked (gap section)."""
    return [
        risk_method(lang),
        frame_table(
            t("risk.title", lang),
            with_release_labels(gap.risks.sort_values("rank"), "product"),
            _COLUMNS,
            lang,
            table_id="gap-risks",
            name=t("risk.sheet", lang),
        ),
    ]
