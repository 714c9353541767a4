"""Header and value words in Swedish, Norwegian (bokmål, nynorsk) and English, and the
"did you mean" hints (issue 15, item 4)."""

from __future__ import annotations

import inspect

import pandas as pd
import pytest

from inventory.issues import IssueCode, IssueReport
from inventory.models import enums, field_specs
from inventory.models.base import LANGUAGES, LocalisedEnum
from inventory.models.registry import RECORD_KINDS, normalise_header
from inventory.read import map_headers
from inventory.read.suggest import file_language, nearest, negated
from inventory.validate.records import build_valid_table
from inventory.validate.values import ColumnPlace, parse_column
from tests.validate.conftest import make_source

ENUMS = [
    cls
    for _, cls in inspect.getmembers(enums, inspect.isclass)
    if issubclass(cls, LocalisedEnum) and cls is not LocalisedEnum
]


# --- every header word maps to its field, in every kind ----------------------------------------


@pytest.mark.parametrize("kind", RECORD_KINDS)
def test_every_header_word_of_every_language_maps_to_its_field(kind: str) -> None:
    specs = field_specs(kind)
    for language in LANGUAGES:
        for spec in specs:
            for spelling in spec.words.of(language):
                written = spelling.upper() if language == "en" else spelling.title()
                mapping, issues = map_headers(make_source(kind, [written], [[""]]))
                assert mapping.fields == {0: spec.name}, (kind, language, spelling, issues)


@pytest.mark.parametrize("kind", RECORD_KINDS)
def test_no_header_word_means_two_fields_of_one_kind(kind: str) -> None:
    meaning: dict[str, str] = {}
    for spec in field_specs(kind):
        for spelling in (spec.name, *spec.words.all()):
            key = normalise_header(spelling)
            assert meaning.setdefault(key, spec.name) == spec.name, (kind, spelling)


@pytest.mark.parametrize("kind", RECORD_KINDS)
def test_every_field_has_words_in_swedish_bokmal_nynorsk_and_english(kind: str) -> None:
    for spec in field_specs(kind):
        missing = [language for language in LANGUAGES if not spec.words.of(language)]
        assert missing == [], (kind, spec.name)


@pytest.mark.parametrize(
    ("kind", "header", "field"),
    [
        # the issue's examples
        ("site", "Adresse", "address"),
        ("server", "IP-adresse", "ip_address"),
        ("server", "Servernavn", "hostname"),
        ("server", "OS-versjon", "os_version"),
        ("server", "Garanti til", "warranty_end"),
        ("network_device", "Driftsstatus", "status"),
        ("application", "Antall brukere", "users"),
        # nynorsk, Swedish and English from municipal lists and exporting tools
        ("application", "Systemeigar", "owner"),
        ("application", "Tal på brukarar", "users"),
        ("municipality", "Innbyggjarar", "population"),
        ("server", "Tenarnamn", "hostname"),
        ("client", "Garanti går ut", "warranty_end"),
        ("application", "Avtale går ut", "contract_end"),
        ("site", "Besöksadress", "address"),
        ("server", "Datornamn", "hostname"),
        ("client", "Inventarienummer", "id"),
        ("application", "Informationsklassning", "data_classification"),
        ("server", "Computer Name", "hostname"),
        ("server", "Serial No", "serial_number"),
        ("link", "Circuit ID", "id"),
        ("storage", "Usable Capacity", "capacity_tb"),
    ],
)
def test_municipal_headers_are_known(kind: str, header: str, field: str) -> None:
    mapping, issues = map_headers(make_source(kind, [header], [[""]]))
    assert mapping.fields == {0: field}, issues


# --- every value word parses to its value -------------------------------------------------------


@pytest.mark.parametrize("enum_type", ENUMS, ids=[cls.__name__ for cls in ENUMS])
def test_every_value_word_of_every_language_parses_to_its_value(
    enum_type: type[LocalisedEnum],
) -> None:
    for member in enum_type:
        for spelling in enum_type.words(str(member)).all():
            for written in (spelling, spelling.upper(), f" {spelling.capitalize()} "):
                assert enum_type.parse(written) == member, (enum_type.__name__, written)


@pytest.mark.parametrize("enum_type", ENUMS, ids=[cls.__name__ for cls in ENUMS])
def test_no_value_word_means_two_values(enum_type: type[LocalisedEnum]) -> None:
    meaning: dict[str, str] = {}
    for member in enum_type:
        value = str(member)
        for spelling in (value, *enum_type.words(value).all()):
            assert meaning.setdefault(spelling.casefold(), value) == value, spelling


@pytest.mark.parametrize(
    ("kind", "field", "written", "value"),
    [
        # the issue's examples
        ("site", "kind", "Datarom", "server_room"),
        ("link", "kind", "Internett", "internet"),
        ("link", "kind", "Mørkfiber", "dark_fibre"),
        ("network_device", "role", "Aksesswitch", "access_switch"),
        ("application", "deployment", "Sky", "saas"),
        ("site", "kind", "Sky", "cloud_region"),
        ("network_device", "management", "Sky", "cloud"),
        ("server", "status", "Skal fases ut", "decommissioning"),
        # nynorsk, Swedish, English
        ("server", "status", "Skal fasast ut", "decommissioning"),
        ("server", "status", "Ska avvecklas", "decommissioning"),
        ("server", "status", "Ute av drift", "retired"),
        ("server", "status", "In production", "active"),
        ("site", "kind", "Sjukeheim", "care_home"),
        ("site", "kind", "Skule", "school"),
        ("application", "criticality", "Høg", "high"),
        ("application", "data_classification", "Unntatt offentlighet", "confidential"),
        ("application", "data_classification", "Fortruleg", "confidential"),
        ("application", "business_area", "Accounting", "finance"),
        ("application", "business_area", "Rekneskap", "finance"),
        ("client", "kind", "Berbar PC", "laptop"),
        ("client", "user_group", "Tilsette", "staff"),
        ("municipality", "operating_model", "Vertskommune", "shared"),
    ],
)
def test_municipal_values_are_known(kind: str, field: str, written: str, value: str) -> None:
    spec = {s.name: s for s in field_specs(kind)}[field]
    parsed = parse_column(
        spec, pd.Series([written], dtype="str"), ColumnPlace("x.csv", field, 1, [2])
    )
    assert parsed.issues == [] and parsed.values.iloc[0] == value


# --- hints: never across meanings --------------------------------------------------------------


def _enum_hint(kind: str, field: str, written: str, language: str | None = None) -> str:
    spec = {s.name: s for s in field_specs(kind)}[field]
    parsed = parse_column(
        spec,
        pd.Series([written], dtype="str"),
        ColumnPlace("x.csv", field, 1, [2]),
        language=language,
    )
    (issue,) = parsed.issues
    assert issue.code is IssueCode.INVALID_ENUM
    return issue.message


NEGATIONS = [
    "not {}",
    "non-{}",
    "ikke {}",
    "ikkje {}",
    "ej {}",
    "inte {}",
    "icke {}",
    "icke-{}",
    "in{}",
    "u{}",
]


@pytest.mark.parametrize("enum_type", ENUMS, ids=[cls.__name__ for cls in ENUMS])
def test_a_negated_value_is_never_suggested_as_its_positive(enum_type: type[LocalisedEnum]) -> None:
    for member in enum_type:
        value = str(member)
        for spelling in (value, *enum_type.words(value).all()):
            for pattern in NEGATIONS:
                written = pattern.format(spelling)
                if enum_type.parse(written) is not None:
                    continue  # a word of its own ("internet" is not in+"ternet")
                candidates = {
                    s: str(m) for m in enum_type for s in (str(m), *enum_type.words(str(m)).all())
                }
                near = nearest(written, candidates)
                assert near is None or candidates[near] != value, (written, near)


@pytest.mark.parametrize(
    ("kind", "field", "written"),
    [
        ("application", "data_classification", "not public"),
        ("application", "data_classification", "ikke offentlig"),
        ("application", "data_classification", "ej publik"),
        ("application", "data_classification", "icke-offentlig"),
        ("server", "status", "ikke i drift"),
        ("server", "status", "inaktiv"),
        ("server", "status", "not active"),
        ("network_device", "management", "non-cloud"),
    ],
)
def test_negations_get_no_suggestion(kind: str, field: str, written: str) -> None:
    assert "Did you mean" not in _enum_hint(kind, field, written)


@pytest.mark.parametrize(
    ("kind", "field", "written", "suggested"),
    [
        ("link", "kind", "Internnet", "internet"),
        ("application", "business_area", "Økonommi", "finance"),
        ("server", "status", "Planerd", "planned"),
        ("network_device", "role", "Brannmurr", "firewall"),
        ("site", "kind", "Datacentr", "datacentre"),
    ],
)
def test_a_misspelling_gets_its_value_suggested(
    kind: str, field: str, written: str, suggested: str
) -> None:
    assert f"Did you mean {suggested!r}?" in _enum_hint(kind, field, written)


@pytest.mark.parametrize(
    ("candidates", "written"),
    [
        # a short word is not compared: it would match the start of a long one
        ({"slukkeanlegg": "fire_suppression", "kod": "code"}, "slug"),
        ({"helse": "health", "hr": "hr"}, "hrm"),
        # a partial match is no match: "brann" starts "brannslukking"
        ({"brannslukking": "fire_suppression"}, "brann"),
        ({"ärendehantering": "document_management", "hr och lön": "hr"}, "Accounting"),
        # two meanings as close: ambiguous, nothing offered
        ({"fiber": "fibre", "fibra": "other"}, "fibre"),
    ],
)
def test_no_suggestion_when_it_would_be_a_guess(candidates: dict[str, str], written: str) -> None:
    assert nearest(written, candidates) is None


def test_negation_is_symmetric_and_spots_prefixes() -> None:
    assert negated("offentlig", "ikke offentlig") and negated("ikke offentlig", "offentlig")
    assert negated("uoffentlig", "offentlig") and negated("unmanaged", "managed")
    assert not negated("skal fases ut", "fases ut") and not negated("mørkfiber", "mørk fiber")


def test_an_unknown_header_gets_no_partial_or_short_suggestion() -> None:
    source = make_source("site", ["ID", "Typ", "slug", "brann"], [["DC1", "datacentre", "", ""]])
    _, issues = map_headers(source)
    unknown = [i for i in issues if i.code is IssueCode.UNKNOWN_HEADER]
    assert [i.column for i in unknown] == ["slug", "brann"]
    assert all("Did you mean" not in (i.hint or "") for i in unknown)


def test_an_unknown_header_gets_a_suggestion_in_the_files_language() -> None:
    source = make_source(
        "server", ["Servernavn", "IP-adresse", "Garanti utløpr"], [["a", "10.0.0.1", ""]]
    )
    _, issues = map_headers(source)
    (issue,) = [i for i in issues if i.code is IssueCode.UNKNOWN_HEADER]
    assert issue.hint is not None and "Did you mean 'garanti utløper'?" in issue.hint


# --- the file's language, and enum errors in it ------------------------------------------------


@pytest.mark.parametrize(
    ("kind", "header", "language"),
    [
        ("server", ["Servernavn", "IP-adresse", "Driftsstatus"], "nb"),
        ("server", ["Tenarnamn", "IP-adresse", "Driftsstatus"], "nn"),
        ("server", ["Värdnamn", "Typ", "Garanti till"], "sv"),
        ("server", ["id", "kind", "hostname", "warranty_end"], "en"),
        ("application", ["Systemeigar", "Tal på brukarar", "Namn"], "nn"),
        ("site", ["Platsnamn", "Adress", "Typ"], "sv"),
        ("site", ["xyz", "abc"], None),
    ],
)
def test_the_language_of_a_file_is_told_by_its_headers(
    kind: str, header: list[str], language: str | None
) -> None:
    assert file_language(kind, header) == language


def _enum_issue_in_file(kind: str, header: list[str], row: list[str]) -> str:
    source = make_source(kind, header, [row])
    mapping, _ = map_headers(source)
    report = IssueReport()
    build_valid_table(source, mapping, report)
    (issue,) = [i for i in report.all_issues() if i.code is IssueCode.INVALID_ENUM]
    assert issue.hint is not None
    return issue.hint


def test_an_enum_error_in_a_swedish_file_lists_the_swedish_names() -> None:
    hint = _enum_issue_in_file(
        "server", ["Server-ID", "Typ", "Plats", "Driftstatus"], ["s1", "fysisk", "DC1", "nedstängd"]
    )
    assert hint.startswith("Allowed, with the Swedish names:")
    assert "active (aktiv, i drift, drift)" in hint
    assert "decommissioning (avvecklas, under avveckling, ska avvecklas)" in hint
    assert "fases ut" not in hint  # a Norwegian word is not offered to a Swedish file


def test_an_enum_error_in_a_norwegian_file_lists_the_norwegian_names() -> None:
    hint = _enum_issue_in_file(
        "server",
        ["Server-ID", "Type", "Lokasjon", "Driftsstatus"],
        ["s1", "fysisk", "DC1", "nedstengt"],
    )
    assert hint.startswith("Allowed, with the Norwegian names:")
    assert "decommissioning (fases ut, skal fases ut, utfasing)" in hint
    assert "retired (faset ut, avviklet, ute av drift)" in hint


def test_an_enum_error_in_a_nynorsk_file_lists_the_nynorsk_names() -> None:
    hint = _enum_issue_in_file(
        "application",
        ["System-ID", "Namn", "Tal på brukarar", "Kritikalitet"],
        ["a1", "Sak", "10", "enorm"],
    )
    assert "Norwegian (nynorsk)" in hint and "high (høg" in hint and "low (låg" in hint
