"""Vendor normalisation: every spelling of one company is one vendor id."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from inventory.analyse.vendors import (
    VendorFileError,
    parse_vendor_text,
    vendor_id,
    vendor_key,
    vendor_table,
    vendor_title,
    vendors_agree,
)


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        # legal forms, case and punctuation
        ("Norkart", "norkart"),
        ("Norkart AS", "norkart"),
        ("NORKART A/S", "norkart"),
        ("norkart as.", "norkart"),
        ("Sokigo AB", "sokigo"),
        ("Sokigo Aktiebolag", "sokigo"),
        ("Formpipe Software AB (publ)", "formpipe"),
        ("Cisco Systems, Inc.", "cisco"),
        ("cisco systems inc", "cisco"),
        ("Juniper Networks Ltd", "juniper"),
        ("Fortinet GmbH", "fortinet"),
        ("Dell EMC Corporation", "dell"),
        ("Stratsys Oy Ab", "stratsys"),
        ("IST Group A/S", "ist"),
        ("ACOS ASA", "acos"),
        ("Framsikt AS", "framsikt"),
        ("Vitec Software Group AB (publ)", "vitec"),
        # country words and accents
        ("Esri Sverige AB", "esri"),
        ("ESRI Norge AS", "esri"),
        ("Lantmäteriet", "lantmateriet"),
        ("Lantmateriet", "lantmateriet"),
        ("Tieto Sweden AB", "tietoevry"),
        # abbreviations and former names
        ("CGM", "compugroup-medical"),
        ("CompuGroup Medical Norway AS", "compugroup-medical"),
        ("Profdoc", "compugroup-medical"),
        ("Tieto", "tietoevry"),
        ("EVRY ASA", "tietoevry"),
        ("TietoEVRY", "tietoevry"),
        ("Tieto Enator", "tietoevry"),
        ("Agresso", "unit4"),
        ("Unit 4", "unit4"),
        ("Logica", "cgi"),
        ("WM-data", "cgi"),
        ("Tekis AB", "sokigo"),
        ("KS Digital", "ks"),
        ("Kommunesektorens organisasjon", "ks"),
        ("Meraki", "cisco"),
        ("Hewlett-Packard", "hp"),
        ("HP Inc.", "hp"),
        ("Hewlett Packard Enterprise", "hpe"),
        ("HPE", "hpe"),
        ("VMware by Broadcom", "vmware"),
        ("Broadcom Inc.", "broadcom"),
        ("Microsoft Corp.", "microsoft"),
        ("MS", "microsoft"),
    ],
)
def test_spellings_of_one_vendor_map_to_its_id(written: str, expected: str) -> None:
    assert vendor_id(written) == expected


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("Bergen Kartdata AS", "bergen kartdata"),
        ("Acme Oy", "ACME Oy Ab"),
        ("Acme A/S", "Acme ApS"),
        ("AB Nordic Systems", "Nordic Systems AB"),
        ("Tønsberg Data AS", "Tonsberg Data"),
        ("Smith & Co", "Smith and Co."),
    ],
)
def test_unknown_vendors_agree_across_legal_forms(first: str, second: str) -> None:
    assert vendor_id(first) == vendor_id(second)
    assert vendor_id(first) is not None


def test_unknown_vendor_is_a_slug_and_empty_is_none() -> None:
    assert vendor_id("Bergen Kartdata AS") == "bergen-kartdata"
    assert vendor_id(None) is None
    assert vendor_id("") is None
    assert vendor_id("  -- ") is None
    assert vendor_id("AB") == "ab"  # a suffix alone is a name, not nothing


def test_titles_and_agreement() -> None:
    assert vendor_title("compugroup-medical") == "CompuGroup Medical"
    assert vendor_title("cisco") == "Cisco"
    assert vendor_title("bergen-kartdata") == "Bergen Kartdata"
    assert vendors_agree("Meraki", "Cisco Systems")
    assert vendors_agree("Aruba Networks", "HPE")  # a brand and its group
    assert vendors_agree("HP", "Hewlett Packard Enterprise")  # the 2015 split, related
    assert vendors_agree("VMware", "Broadcom")
    assert not vendors_agree("Cisco", "Juniper")
    assert not vendors_agree("Apple", "Cisco")
    assert not vendors_agree(None, "Cisco")


@given(st.text(min_size=1, max_size=40))
def test_a_legal_suffix_never_changes_the_vendor(name: str) -> None:
    if not vendor_key(name):
        return  # no letters or digits: not a vendor name
    assert vendor_id(name + " AB") == vendor_id(name)
    assert vendor_id(name + " AS") == vendor_id(name)
    assert vendor_id(name + ", Inc.") == vendor_id(name)
    assert vendor_id(name.upper()) == vendor_id(name.upper() + " OY AB")


def test_vendor_file_errors_name_the_line() -> None:
    text = (
        "vendors:\n"
        "  - {id: acme, title: Acme}\n"
        "  - {id: other, title: Other, names: [ACME AB]}\n"
        "  - {id: third, title: Third, parent: nobody}\n"
    )
    with pytest.raises(VendorFileError) as raised:
        parse_vendor_text(text, "vendors.yaml")
    message = str(raised.value)
    assert "vendors.yaml:3: other: the name 'ACME AB' is also a name of 'acme'" in message
    assert "vendors.yaml:4: third: unknown vendor id 'nobody'" in message
    with pytest.raises(VendorFileError, match=r"vendors.yaml:2: vendors.0.title"):
        parse_vendor_text("vendors:\n  - {id: acme}\n", "vendors.yaml")


def test_every_vendor_the_alias_file_names_is_a_known_vendor() -> None:
    # a vendor written in aliases.yaml but missing here would become a slug of its own,
    # and a row naming the same company another way would not agree with it
    from importlib import resources

    import yaml

    text = resources.files("inventory.data").joinpath("aliases.yaml").read_text("utf-8")
    document = yaml.safe_load(text)
    table = vendor_table()
    written = {str(name) for name in document.get("vendors", ())}
    for entry in document["products"]:
        written |= {str(v) for v in (entry.get("vendor"), *entry.get("vendors", ())) if v}
    unknown = sorted(name for name in written if table.id_of(name) not in table.vendors)
    assert unknown == [], f"add these to inventory/data/vendors.yaml: {unknown}"
