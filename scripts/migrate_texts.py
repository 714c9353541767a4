"""Move labels still written in Python (``inventory/render/texts/*.py`` ``TEXTS`` dicts:
English, Swedish, Norwegian) into the gettext catalogues (``inventory/render/catalogues``).

    python scripts/migrate_texts.py MODULE...   # e.g. inventory.render.texts.costs

Each module's keys are added to the ``.po`` files of every language (a key already there
with another text is an error) and the ``.mo`` files recompiled; delete the module after.
"""

from __future__ import annotations

import importlib
import sys

from inventory.render.catalogues import LOCALE_CODES, messages, po_path, write_catalogues

LANGS = ("en", "sv", "no")


def main(modules: list[str]) -> int:
    texts = {lang: messages(lang) if po_path(lang).exists() else {} for lang in LOCALE_CODES}
    for name in modules:
        table: dict[str, tuple[str, str, str]] = importlib.import_module(name).TEXTS
        for key, values in table.items():
            for lang, value in zip(LANGS, values, strict=True):
                if texts[lang].get(key, value) != value:
                    print(f"{name}: {key} differs from the catalogue's ({lang})")
                    return 1
                texts[lang][key] = value
    write_catalogues(texts)
    print(f"{sum(len(t) for t in texts.values()) // len(texts)} messages per language")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
