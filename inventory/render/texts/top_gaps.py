"""Labels of the summary's top gaps: a short table, the full list in the gap section
(docs/method.md#risk)."""

from __future__ import annotations

TEXTS: dict[str, tuple[str, str, str]] = {
    "top.col_what": ("What", "Vad", "Hva"),
    "top.col_reason": ("Main reason", "Främsta skäl", "Viktigste grunn"),
    "top.note": (
        "The {shown} gaps of highest risk of {total}; every gap with all its reasons and"
        " affected applications is in the gap section (gaps by risk).",
        "De {shown} gapen med högst risk av {total}; alla gap med samtliga skäl och berörda"
        " system finns i gapavsnittet (gap efter risk).",
        "De {shown} gapene med høyest risiko av {total}; alle gap med alle grunner og"
        " berørte systemer står i gapavsnittet (gap etter risiko).",
    ),
}
