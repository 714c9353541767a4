"""Figures' SVG sanitised before the page is rendered (while the report's other diagrams
still render): the page is the same, an entry for another prefix or text is not used."""

from __future__ import annotations

from inventory.render.html import (
    SanitisedSvgs,
    figure_id_prefix,
    render_html,
    sanitise_ahead,
)
from inventory.render.svg import sanitise_svg
from tests.render.conftest import PAYLOAD_NAMES, sample_document


def test_the_page_with_figures_sanitised_ahead_is_the_same_page() -> None:
    for lang, payloads in (("en", None), ("sv", PAYLOAD_NAMES)):
        document = sample_document(lang, payloads)  # type: ignore[arg-type]
        figures = document.figures()
        assert figures
        done: SanitisedSvgs = {}
        for figure in figures:
            sanitise_ahead(figure.svg, figure_id_prefix(figure.id), done)
        assert render_html(document, sanitised=done) == render_html(document)
        assert all(
            done[(figure_id_prefix(figure.id), figure.svg)]
            == sanitise_svg(figure.svg, id_prefix=figure_id_prefix(figure.id))
            for figure in figures
        )


def test_an_entry_for_another_prefix_or_text_is_not_used() -> None:
    document = sample_document("no")
    figure = document.figures()[0]
    wrong: SanitisedSvgs = {
        ("other-", figure.svg): "<svg>other prefix</svg>",
        (figure_id_prefix(figure.id), figure.svg + " "): "<svg>other text</svg>",
    }
    page = render_html(document, sanitised=wrong)
    assert page == render_html(document)
    assert "other prefix" not in page and "other text" not in page
