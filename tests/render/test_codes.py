"""Every code the analyses can produce has a text in every language (``code.<family>.*``)."""

from __future__ import annotations

import pytest

from inventory.analyse.assets import CAPABILITY_DOMAIN, DOMAINS
from inventory.gap.effort import ACTION_TIER
from inventory.language.i18n import code_families, translations

FAMILIES = code_families()


@pytest.mark.parametrize(
    ("family", "codes"),
    [
        ("domain", tuple(DOMAINS)),
        ("capability", tuple(CAPABILITY_DOMAIN)),
        ("action", tuple(ACTION_TIER)),
    ],
)
def test_every_code_of_the_analyses_has_its_texts(family: str, codes: tuple[str, ...]) -> None:
    missing = sorted(set(codes) - set(FAMILIES.get(family, ())))
    assert missing == [], f"code.{family}: no text for {missing}"
    for code in codes:
        texts = translations(f"code.{family}.{code}")
        assert all(text.strip() for text in texts.values()), (family, code, texts)
