"""Counts printed with their noun in the right form for 1 and for many, in en/sv/no
(issue 14, item 2): the graph and impact summaries, the ArchiMate export line and the
end-of-life title of ``inventory gap``."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from inventory.analyse.graph import GraphSummary
from inventory.cli.commands.graph import render_summary
from inventory.cli.common import console, counted, say, set_cli_lang
from inventory.language.formatting import format_number
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


# --- the report and the ArchiMate model's notes ------------------------------------------

MOVING = {
    "en": ("the 1 virtual server that moves and the 1 physical server re-platformed onto them",
           "the 1,204 virtual servers that move and the 3 physical servers re-platformed onto"
           " them"),
    "sv": ("den 1 virtuella server som flyttas och den 1 fysiska server som flyttas dit som"
           " virtuell server",
           "de 1 204 virtuella servrar som flyttas och de 3 fysiska servrar som flyttas dit som"
           " virtuella servrar"),
    "no": ("den 1 virtuelle serveren som flyttes og den 1 fysiske serveren som flyttes dit som"
           " virtuell server",
           "de 1 204 virtuelle serverne som flyttes og de 3 fysiske serverne som flyttes dit som"
           " virtuelle servere"),
}  # fmt: skip


@pytest.mark.parametrize("lang", ["en", "sv", "no"])
def test_what_moves_onto_the_clusters(lang: Lang) -> None:
    """The ``what`` of ``gs.compute.*`` as ``gap.capacity`` builds it."""
    from inventory.messages import Message, message_text

    def what(vms: int, servers: int) -> Message:
        replatformed = Message("gs.n.replatformed", {"count": servers})
        return Message(
            "gs.compute.what_both",
            {"vms": Message("gs.n.moving_vm", {"count": vms}), "servers": replatformed},
        )

    one, many = MOVING[lang]
    assert message_text(what(1, 1), lang) == one
    assert message_text(what(1204, 3), lang).replace("\u00a0", " ") == many


@pytest.mark.parametrize(
    ("lang", "one", "many"),
    [
        ("en", "The target datacentres lack 4 U of rack space and 2 kW of power for the 1"
               " physical server that moves",
         "The target clusters (2 hosts) lack 8 vCPU for the 14 virtual servers that move"),
        ("sv", "Måldatacentren saknar 4 U rackutrymme och 2 kW effekt för den 1 fysiska server"
               " som flyttas",
         "Målklustren (2 värdar) saknar 8 vCPU för de 14 virtuella servrar som flyttas"),
        ("no", "Måldatasentrene mangler 4 U rackplass og 2 kW effekt for den 1 fysiske serveren"
               " som flyttes",
         "Målklyngene (2 verter) mangler 8 vCPU for de 14 virtuelle serverne som flyttes"),
    ],
)  # fmt: skip
def test_risk_register_capacity_and_compute(lang: Lang, one: str, many: str) -> None:
    from inventory.report.risk_register import RiskEntry, risk_text

    capacity = RiskEntry("capacity", "", 3, 3, {"rack_units": 4, "kw": 2, "servers": 1})
    assert risk_text(capacity, {}, lang) == one
    compute = RiskEntry(
        "compute", "", 3, 3, {"vms": 14, "hosts": 2, "short": (("vcpu", 8.0, "vCPU"),)}
    )
    assert risk_text(compute, {}, lang).startswith(many.split(" 8 vCPU")[0])
    assert risk_text(compute, {}, lang).endswith(many.split(" 8 vCPU")[1])


@pytest.mark.parametrize(
    ("lang", "texts"),
    [
        ("en", ("1 physical server or appliance in service, 0.4 kW x 8,760 h",
                "12 physical servers and appliances in service, 4.8 kW x 8,760 h",
                "1 device", "7 devices", "1 client device at the site",
                "7 client devices at the site")),
        ("sv", ("1 fysisk server eller dedikerad enhet i drift, 0,4 kW x 8 760 h",
                "12 fysiska servrar och dedikerade enheter i drift, 4,8 kW x 8 760 h",
                "1 enhet", "7 enheter", "1 klientenhet på platsen",
                "7 klientenheter på platsen")),
        ("no", ("1 fysisk server eller dedikert enhet i drift, 0,4 kW x 8 760 t",
                "12 fysiske servere og dedikerte enheter i drift, 4,8 kW x 8 760 t",
                "1 enhet", "7 enheter", "1 klientenhet på lokasjonen",
                "7 klientenheter på lokasjonen")),
    ],
)  # fmt: skip
def test_energy_and_risk_reasons(lang: Lang, texts: tuple[str, ...]) -> None:
    from inventory.messages import Message, message_text

    shown = [
        message_text(Message("gs.cost.energy", {"count": 1, "kw": 0.4, "hours": 8760}), lang),
        message_text(Message("gs.cost.energy", {"count": 12, "kw": 4.8, "hours": 8760}), lang),
        message_text(Message("risk.reason.devices", {"count": 1}), lang),
        message_text(Message("risk.reason.devices", {"count": 7}), lang),
        message_text(Message("risk.reason.site_devices", {"count": 1}), lang),
        message_text(Message("risk.reason.site_devices", {"count": 7}), lang),
    ]
    assert [text.replace("\u00a0", " ") for text in shown] == list(texts)


@pytest.mark.parametrize(
    ("lang", "zones", "clients"),
    [
        ("en", ("(1 zone)", "(3 zones)"), ("(1 inventory row, 1 device)",
                                           "(2 inventory rows, 1,500 devices)")),
        ("sv", ("(1 zon)", "(3 zoner)"), ("(1 rad i inventeringen, 1 enhet)",
                                          "(2 rader i inventeringen, 1 500 enheter)")),
        ("no", ("(1 sone)", "(3 soner)"), ("(1 rad i kartleggingen, 1 enhet)",
                                           "(2 rader i kartleggingen, 1 500 enheter)")),
    ],
)  # fmt: skip
def test_archimate_notes(lang: Lang, zones: tuple[str, str], clients: tuple[str, str]) -> None:
    """The words ``export.archimate`` passes (the counts formatted, then their nouns)."""
    for count, expected in zip(("1", "3"), zones, strict=True):
        assert expected in t("archimate.note.zones", lang, count=count)
    for (rows, devices), expected in zip(((1, 1), (2, 1500)), clients, strict=True):
        text = t(
            "archimate.note.clients",
            lang,
            rows=t("archimate.n.inventory_row", lang, count=format_number(rows, lang, 0)),
            devices=t("archimate.n.device", lang, count=format_number(devices, lang, 0)),
        )
        assert expected in text.replace("\u00a0", " ")


@pytest.mark.parametrize(
    ("lang", "one", "many", "legend"),
    [
        ("en", "1 host · 1 VM", "2 hosts · 14 VMs", "n hosts · m VMs"),
        ("sv", "1 värd · 1 VM", "2 värdar · 14 VM", "n värdar · m VM"),
        ("no", "1 vert · 1 VM", "2 verter · 14 VM", "n verter · m VM"),
    ],
)
def test_cluster_label(lang: Lang, one: str, many: str, legend: str) -> None:
    """A hypervisor cluster's label in the architecture diagrams, and the legend's."""
    from inventory.render.views.architecture import _hosts_vms

    assert (_hosts_vms(lang, 1, 1), _hosts_vms(lang, 2, 14), _hosts_vms(lang, "n", "m")) == (
        one,
        many,
        legend,
    )


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("en", "The target clusters (1 host) lack 8 vCPU for the 1 virtual server that moves"),
        ("sv", "Målklustren (1 värd) saknar 8 vCPU för den 1 virtuella server som flyttas"),
        ("no", "Målklyngene (1 vert) mangler 8 vCPU for den 1 virtuelle serveren som flyttes"),
    ],
)
def test_one_host_one_vm(lang: Lang, expected: str) -> None:
    """A one-host cluster short for one VM, in the register and in the gap's own words."""
    from inventory.messages import Message, MessageList, message_text
    from inventory.report.risk_register import RiskEntry, risk_text

    entry = RiskEntry(
        "compute", "", 3, 3, {"vms": 1, "hosts": 1, "short": (("vcpu", 8.0, "vCPU"),)}
    )
    text = risk_text(entry, {}, lang)
    assert text.split(" 8 vCPU")[0] == expected.split(" 8 vCPU")[0]
    assert text.endswith(expected.split(" 8 vCPU")[1])
    gap = Message(
        "gs.compute.fits",
        {
            "where": "DC1",
            "hosts": Message("gs.n.host", {"count": 1}),
            "moving": Message("gs.n.moving_vm", {"count": 1}),
            "parts": MessageList(()),
        },
    )
    assert (
        message_text(gap, lang)
        == {
            "en": "The clusters at DC1 (1 host) can run the 1 virtual server that moves ().",
            "sv": "Klustren i DC1 (1 värd) kan köra den 1 virtuella server som flyttas ().",
            "no": "Klyngene i DC1 (1 vert) kan kjøre den 1 virtuelle serveren som flyttes ().",
        }[lang]
    )


@pytest.mark.parametrize(
    ("lang", "texts"),
    [
        ("en", ("1 hour", "1,200 hours", "1 week, to 2027", "40 weeks, to 2027")),
        ("sv", ("1 timme", "1 200 timmar", "1 vecka, till 2027", "40 veckor, till 2027")),
        ("no", ("1 time", "1 200 timer", "1 uke, til 2027", "40 uker, til 2027")),
    ],
)
def test_demo_effort_and_plan(speak: None, lang: Lang, texts: tuple[str, ...]) -> None:
    """The words ``inventory demo`` passes (its figures formatted, as ``_number`` does)."""
    set_cli_lang(lang)
    shown = (
        say("cli.demo.hours", count=format_number(1, lang, 0)),
        say("cli.demo.hours", count=format_number(1200, lang, 0)),
        say("cli.demo.plan_value", count=format_number(1, lang, 0), year="2027"),
        say("cli.demo.plan_value", count=format_number(40, lang, 0), year="2027"),
    )
    assert tuple(text.replace("\u00a0", " ") for text in shown) == texts
