"""Counts printed with their noun in the right form for 1 and for many, in en/sv/no
(issue 14, item 2): the graph and impact summaries, the ArchiMate export line and the
end-of-life title of ``inventory gap``."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from inventory.analyse.graph import GraphSummary
from inventory.cli.commands.graph import render_summary
from inventory.cli.common import console, counted, say, set_cli_lang
from inventory.language.i18n import Lang, t


@pytest.fixture
def speak() -> Iterator[None]:
    yield
    set_cli_lang("en")


def _summary(lang: Lang, size: int) -> str:
    set_cli_lang(lang)
    summary = GraphSummary(
        municipalities=["hylte"],
        nodes=size,
        edges=size,
        nodes_by_kind={"server": size},
        edges_by_kind={"runs_on": size},
        client_devices=size,
    )
    with console.capture() as captured:
        render_summary(summary)
    return " ".join(captured.get().splitlines()[0].split())


@pytest.mark.parametrize(
    ("lang", "one", "many"),
    [
        (
            "en",
            "Dependency graph of hylte: 1 node, 1 edge, 1 client device in fleets",
            "Dependency graph of hylte: 1,204 nodes, 1,204 edges, 1,204 client devices in fleets",
        ),
        (
            "sv",
            "Beroendegraf för hylte: 1 nod, 1 kant, 1 klientenhet i klientgrupper",
            "Beroendegraf för hylte: 1 204 noder, 1 204 kanter, 1 204 klientenheter i"
            " klientgrupper",
        ),
        (
            "no",
            "Avhengighetsgraf for hylte: 1 node, 1 kant, 1 klientenhet i klientgrupper",
            "Avhengighetsgraf for hylte: 1 204 noder, 1 204 kanter, 1 204 klientenheter i"
            " klientgrupper",
        ),
    ],
)
def test_graph_summary(speak: None, lang: Lang, one: str, many: str) -> None:
    assert _summary(lang, 1) == one
    assert _summary(lang, 1204).replace("\u00a0", " ") == many


@pytest.mark.parametrize(
    ("lang", "one", "many"),
    [
        (
            "en",
            "Impact of hylte:S1 (server): 1 dependent in 1 municipality, 1 client device",
            "Impact of hylte:S1 (server): 7 dependents in 2 municipalities, 7 client devices",
        ),
        (
            "sv",
            "Påverkan av hylte:S1 (server): 1 beroende i 1 kommun, 1 klientenhet",
            "Påverkan av hylte:S1 (server): 7 beroende i 2 kommuner, 7 klientenheter",
        ),
        (
            "no",
            "Konsekvens av hylte:S1 (server): 1 avhengig i 1 kommune, 1 klientenhet",
            "Konsekvens av hylte:S1 (server): 7 avhengige i 2 kommuner, 7 klientenheter",
        ),
    ],
)
def test_impact_summary(speak: None, lang: Lang, one: str, many: str) -> None:
    """The words ``render_impact`` passes (a count each, through ``counted``)."""
    set_cli_lang(lang)
    for size, municipalities, expected in ((1, 1, one), (7, 2, many)):
        text = say(
            "cli.impact.summary",
            node="hylte:S1",
            kind="server",
            dependents=counted("dependent", size),
            municipalities=counted("municipality", municipalities),
            devices=counted("client_device", size),
        )
        assert text == expected


@pytest.mark.parametrize(
    ("lang", "one", "many"),
    [
        ("en", "wrote m.xml: 1 element (1 Node), 1 relationship, 1 view",
         "wrote m.xml: 3 elements (3 Node), 2 relationships, 4 views"),
        ("sv", "skrev m.xml: 1 element (1 Node), 1 relation, 1 vy",
         "skrev m.xml: 3 element (3 Node), 2 relationer, 4 vyer"),
        ("no", "skrev m.xml: 1 element (1 Node), 1 relasjon, 1 visning",
         "skrev m.xml: 3 elementer (3 Node), 2 relasjoner, 4 visninger"),
    ],
)  # fmt: skip
def test_export_line(speak: None, lang: Lang, one: str, many: str) -> None:
    set_cli_lang(lang)
    for (elements, relationships, views), expected in (((1, 1, 1), one), ((3, 2, 4), many)):
        text = say(
            "cli.export.wrote",
            file="m.xml",
            elements=counted("element", elements),
            kinds=f"{elements} Node",
            relationships=counted("relationship", relationships),
            views=counted("view", views),
        )
        assert text == expected


@pytest.mark.parametrize(
    ("lang", "one", "many"),
    [
        ("en", "End-of-life exposure (1 row; 1 asset/device)",
         "End-of-life exposure (12 rows; 340 assets/devices)"),
        ("sv", "Exponering för supportslut (1 rad; 1 komponent/enhet)",
         "Exponering för supportslut (12 rader; 340 komponenter/enheter)"),
        ("no", "Eksponering for slutt på støtte (1 rad; 1 komponent/enhet)",
         "Eksponering for slutt på støtte (12 rader; 340 komponenter/enheter)"),
    ],
)  # fmt: skip
def test_end_of_life_title(lang: Lang, one: str, many: str) -> None:
    """The words ``cli.present.gap`` passes (a count each, through its plural noun)."""
    for rows, assets, expected in (("1", "1", one), ("12", "340", many)):
        text = t(
            "cli.gap.eol_title",
            lang,
            rows=t("cli.count.row", lang, count=rows),
            assets=t("cli.count.asset_device", lang, count=assets),
        )
        assert text == expected
