"""The business-systems catalogue: validated data, families, and what the normaliser makes
of the spellings municipal system lists use."""

from __future__ import annotations

import pytest
import yaml

from inventory.analyse.aliases import normalise_name
from inventory.analyse.business_catalogue import (
    AREAS,
    BusinessCatalogueError,
    business_catalogue,
    parse_business_catalogue,
)
from inventory.analyse.normalise import Normaliser
from inventory.analyse.vendors import vendor_table
from inventory.data import __file__ as data_init


@pytest.fixture(scope="module")
def normaliser() -> Normaliser:
    return Normaliser.default()


def test_catalogue_covers_both_countries_and_records_its_sources() -> None:
    catalogue = business_catalogue()
    systems = list(catalogue.systems.values())
    assert len(systems) >= 120
    assert sum("se" in s.countries for s in systems) >= 60
    assert sum("no" in s.countries for s in systems) >= 60
    assert all(s.source.strip() for s in systems)
    assert all(s.vendor in vendor_table().vendors for s in systems)
    assert {s.area for s in systems} <= set(AREAS)
    for wanted in (
        "procapita",
        "lifecare",
        "treserva",
        "pulsen-combine",
        "raindance",
        "unit4-erp",
        "heroma",
        "visma-personec",
        "platina",
        "public-360",
        "ephorte",
        "websak",
        "w3d3",
        "castor",
        "byggr",
        "gerica",
        "profil",
        "cgm-journal",
        "komtek",
        "isy-case",
        "isy-park",
        "visma-flyt-skole",
        "visma-flyt-barnehage",
        "visma-flyt-barnevern",
        "visma-flyt-sampro",
        "ist",
        "vklass",
        "infomentor",
        "unikum",
        "tempus",
        "framsikt",
        "stratsys",
        "ks-svarut",
        "ks-svarinn",
    ):
        assert wanted in catalogue, wanted


def test_no_business_id_or_name_is_also_in_the_aliases_file() -> None:
    path = data_init.replace("__init__.py", "aliases.yaml")
    with open(path, encoding="utf-8") as handle:
        products = yaml.safe_load(handle)["products"]
    alias_names = {
        normalise_name(name): entry["id"]
        for entry in products
        for name in (entry["id"], *entry.get("names", ()))
    }
    for system in business_catalogue().systems.values():
        assert system.id not in {entry["id"] for entry in products}
        for name in (system.id, *system.names, *system.former_names):
            assert normalise_name(name) not in alias_names, (system.id, name)


def test_suite_siblings_are_different_products_of_one_suite() -> None:
    catalogue = business_catalogue()
    assert catalogue.suite_of("visma-flyt-skole") == "visma-flyt"
    assert catalogue.suite_title("visma-flyt") == "Visma Flyt"
    assert {
        "visma-flyt-barnehage",
        "visma-flyt-barnevern",
        "visma-flyt-sampro",
        "visma-flyt-ppt",
    } <= set(catalogue.siblings("visma-flyt-skole"))
    assert catalogue.area_of("visma-flyt-skole") == "school"
    assert catalogue.area_of("visma-flyt-barnehage") == "preschool"
    assert catalogue.area_of("visma-flyt-barnevern") == "child-welfare"
    assert catalogue.suite_of("ks-svarut") == catalogue.suite_of("ks-svarinn") == "ks-fiks"
    assert catalogue.suite_of("raindance") is None and catalogue.siblings("raindance") == ()
    assert catalogue.suite_of("not-a-system") is None
    assert catalogue.area_of(None) is None
    assert catalogue.successor_of("procapita") == "lifecare"


@pytest.mark.parametrize(
    ("vendor", "product", "expected"),
    [
        # renames: one product under every name
        ("Unit4", "Agresso", "unit4-erp"),
        (None, "Agresso M7", "unit4-erp"),
        (None, "Unit4 ERP 7", "unit4-erp"),
        ("Unit 4 AS", "Unit4 Business World", "unit4-erp"),
        ("Agresso", "Business World", "unit4-erp"),
        ("EVRY", "ePhorte 5", "ephorte"),
        ("Sikri AS", "Elements", "ephorte"),
        (None, "Profdoc Vision", "cgm-vision"),
        # suite siblings stay apart, however written
        ("Visma", "Flyt Skole", "visma-flyt-skole"),
        (None, "VismaFlytSkole", "visma-flyt-skole"),
        (None, "Visma Flyt Barnehage", "visma-flyt-barnehage"),
        ("Visma Software AS", "Flyt Barnevern", "visma-flyt-barnevern"),
        (None, "Flyt Sampro", "visma-flyt-sampro"),
        ("KS", "SvarUt", "ks-svarut"),
        ("KS Digital", "FIKS SvarInn", "ks-svarinn"),
        (None, "Lifecare SP", "lifecare-sp"),
        (None, "Tieto Lifecare", "lifecare"),
        ("Norconsult", "ISY Park", "isy-park"),
        # vendor written twice or in another spelling
        ("Infoland", "Infoland", "infoland"),
        ("Norkart AS", "Komtek", "komtek"),
        ("Norkart", "Norkart Komtek", "komtek"),
        ("CGM", "CGM Journal", "cgm-journal"),
        ("CompuGroup Medical", "CGM Journal", "cgm-journal"),
        ("Tekis", "ByggR", "byggr"),
    ],
)
def test_spellings_from_system_lists(
    normaliser: Normaliser, vendor: str | None, product: str, expected: str
) -> None:
    assert normaliser.match(vendor, product, None).product_id == expected


def test_a_suite_name_alone_names_no_module(normaliser: Normaliser) -> None:
    assert normaliser.match("Visma", "Visma Flyt", None).product_id is None


def _problems(text: str) -> str:
    with pytest.raises(BusinessCatalogueError) as raised:
        parse_business_catalogue(text, "business.yaml", known_vendors=frozenset({"acme"}))
    return str(raised.value)


def test_catalogue_errors_name_the_line() -> None:
    message = _problems(
        "systems:\n"
        "  - {id: one, title: One, vendor: acme, area: school, countries: [se],\n"
        "     source: x, suite: nowhere, successor: two}\n"
        "  - {id: other, title: Other, vendor: nobody, area: school, countries: [no],\n"
        "     source: x, names: [ONE]}\n"
    )
    assert "business.yaml:3: one: unknown suite 'nowhere'" in message
    assert "business.yaml:3: one: successor 'two' is not another system" in message
    assert "business.yaml:4: other: unknown vendor id 'nobody'" in message
    assert "business.yaml:4: other: the name 'ONE' is also a name of 'one'" in message
    message = _problems(
        "systems:\n"
        "  - {id: one, title: One, vendor: acme, area: spaceflight, countries: [dk],\n"
        "     source: x}\n"
    )
    assert "business.yaml:2: systems.0.area: area must be one of 'school', " in message
    assert "business.yaml:2: systems.0.countries.0: countries must be one of 'se', 'no'" in message


def test_unquoted_no_means_norway() -> None:
    catalogue = parse_business_catalogue(
        "systems:\n  - {id: one, title: One, vendor: acme, area: school, countries: [se, no],"
        " source: x}\n",
        "business.yaml",
        known_vendors=frozenset({"acme"}),
    )
    assert catalogue.systems["one"].countries == ("se", "no")
