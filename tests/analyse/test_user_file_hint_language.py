"""An invalid alias file or lifecycle overrides file: the issue, the failure and its hint
in the reader's language, with our own check's words (never "(på engelska)" around a
text of ours)."""

from __future__ import annotations

from pathlib import Path

import pytest

from inventory.analyse.aliases import AliasFileError, load_alias_file
from inventory.analyse.catalogue import (
    LifecycleOverridesError,
    default_catalogue,
    load_lifecycle_overrides,
)
from inventory.cli.help_language import failure_texts
from inventory.issues import issue_texts
from inventory.language.i18n import Lang

ALIAS_HINTS = {
    "en": "See `inventory normalise --help` for the alias schema.",
    "sv": "Se `inventory normalise --help` för aliasfilens schema.",
    "no": "Se `inventory normalise --help` for aliasfilens skjema.",
}
BLANK_NAME = {
    "en": "products.0.names: name '---' is blank after normalisation.",
    "sv": "products.0.names: namnet '---' blir tomt när det normaliseras.",
    "no": "products.0.names: navnet '---' blir tomt når det normaliseres.",
}


@pytest.mark.parametrize("lang", ["en", "sv", "no"])
def test_an_alias_name_that_normalises_to_nothing(tmp_path: Path, lang: Lang) -> None:
    path = tmp_path / "aliases.yaml"
    path.write_text("products:\n  - id: ok\n    names: ['---']\n", encoding="utf-8")
    with pytest.raises(AliasFileError) as raised:
        load_alias_file(path)
    [issue] = raised.value.issues
    assert (issue.code.value, issue.file, issue.line, issue.column) == (
        "invalid-value",
        str(path),
        3,
        "products.0.names",
    )
    assert issue_texts(issue, lang) == (BLANK_NAME[lang], ALIAS_HINTS[lang])
    assert failure_texts(raised.value, lang)[1] == ALIAS_HINTS[lang]


OVERRIDES_HINTS = {
    "en": "See `inventory lifecycle --help`: cycles with product, cycle, eol ... and source.",
    "sv": "Se `inventory lifecycle --help`: cycles med product, cycle, eol ... och source.",
    "no": "Se `inventory lifecycle --help`: cycles med product, cycle, eol ... og source.",
}
BAD_DATE = {
    "en": "Not valid YAML: '2031-13-45' is not a valid date.",
    "sv": "Ogiltig YAML: '2031-13-45' är inget giltigt datum.",
    "no": "Ugyldig YAML: '2031-13-45' er ikke en gyldig dato.",
}


@pytest.mark.parametrize("lang", ["en", "sv", "no"])
def test_an_overrides_file_with_a_date_that_is_none(tmp_path: Path, lang: Lang) -> None:
    path = tmp_path / "overrides.yaml"
    path.write_text(
        "cycles:\n  - product: windows\n    cycle: 11-23h2-w\n    eol: 2031-13-45\n"
        "    source: typo\n",
        encoding="utf-8",
    )
    with pytest.raises(LifecycleOverridesError) as raised:
        load_lifecycle_overrides(path, default_catalogue())
    [issue] = raised.value.issues
    assert (issue.code.value, issue.file, issue.line) == ("invalid-yaml", str(path), 4)
    assert issue_texts(issue, lang)[0] == BAD_DATE[lang]
    assert failure_texts(raised.value, lang)[1] == OVERRIDES_HINTS[lang]
