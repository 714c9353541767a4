"""Labels of report parts kept next to each other by topic, merged into ``i18n``'s table.

Each module of this package holds ``TEXTS: dict[str, tuple[str, str, str]]`` (English,
Swedish, Norwegian bokmål), like ``i18n._TEXTS``; a key may be defined once only.
"""

from __future__ import annotations

import importlib
import pkgutil


def topic_texts() -> dict[str, tuple[str, str, str]]:
    """Every topic module's ``TEXTS``, merged; a key defined twice is a ``ValueError``."""
    merged: dict[str, tuple[str, str, str]] = {}
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
        module = importlib.import_module(f"{__name__}.{info.name}")
        texts: dict[str, tuple[str, str, str]] = module.TEXTS
        twice = merged.keys() & texts.keys()
        if twice:
            raise ValueError(f"labels defined twice: {sorted(twice)} ({info.name})")
        merged.update(texts)
    return merged
