"""The ArchiMate export (docs/method.md#archimate-export): a hand-made inventory of two
municipalities counted by hand, the samples' export validated against the exchange
schemas, read back, and every relationship checked against Archi's relationship tables
(ArchiMate 3.1 and 3.2) so that Archi opens the file."""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from inventory.export import archimate_model, model_xml, read_archimate, schema_errors
from inventory.export.exchange import ArchimateModel, identifier, xml_text
from inventory.gap.result import GapReport, compute_gap
from inventory.snapshot import InventorySnapshot
from inventory.target.model import TargetArchitecture
from inventory.validate import validate_paths

AS_OF = dt.date(2026, 1, 1)
ARCHI_TABLES = Path(__file__).resolve().parents[1] / "data" / "archimate"

#: Two municipalities, three sites, four servers, one link between the municipalities.
#: Names carry XML's special characters and Nordic letters: they must come back as written.
INVENTORY = {
    "alfa": {
        "municipality.csv": "code,name,country,population\nalfa,Ålvik & <Öby> kommun,SE,9000\n",
        "sites.csv": "id,name,kind\n"
        'DC1,"Datahall ""Ä"" & \'Ö\'",datacentre\n'
        "KH,Kommunhuset,office\n",
        "servers.csv": "id,hostname,kind,site,cluster,host,role,os_product,os_version,"
        "warranty_end\n"
        "esx01,ESX01,physical,DC1,cl1,,hypervisor,VMware ESXi,8.0 U3,2030-01-01\n"
        "srv01,SRV01,virtual,,cl1,esx01,application,Windows Server,2022,\n",
        "platforms.csv": "id,capability,vendor,product,version,deployment,runs_on\n"
        "p-ad,directory,Microsoft,Microsoft Active Directory,2019,on_prem,srv01\n",
        "network_devices.csv": "id,hostname,role,vendor,model,site\n"
        "core01,CORE01,core_switch,Acme,Box 1,DC1\n",
        "links.csv": "id,a_site,b_site,kind,bandwidth_mbps\nL1,DC1,beta:DC1,dark_fibre,10000\n",
        "applications.csv": "id,name,vendor,product,version,business_area,depends_on\n"
        "app1,Ärendehantering <Ä&Ö>,Acme,Acme Case,1,administration,p-ad\n",
    },
    "beta": {
        "municipality.csv": "code,name,country,population\nbeta,Bærum-lik kommune,NO,6000\n",
        "sites.csv": "id,name,kind\nDC1,Serverrom rådhuset,datacentre\n",
        "servers.csv": "id,hostname,kind,site,role,os_product,os_version,warranty_end\n"
        "srv01,SRV01,physical,DC1,mail,Windows Server,2012 R2,2030-01-01\n"
        "srv02,SRV02,physical,DC1,application,Red Hat Enterprise Linux,8,2030-01-01\n",
        "platforms.csv": "id,capability,vendor,product,version,deployment,runs_on\n"
        "p-mail,email,Microsoft,Microsoft Exchange Server,2016,on_prem,srv01\n",
        "storage.csv": "id,kind,vendor,model,version,site\nsan01,san,Acme,Box 2,1,DC1\n",
        "applications.csv": "id,name,vendor,product,version,business_area,depends_on\n"
        "app2,Fagsystem æøå,Acme,Acme Fag,1,education,srv02\n",
    },
}

TARGET: dict[str, Any] = {
    "name": "Felles drift & <mål>",
    "lifecycle": {"horizon_months": 12},
    "capabilities": {
        "hypervisor": {
            "products": [{"product": "VMware vSphere", "vendor": "VMware", "min_version": "8.0"}]
        },
        "directory": {
            "products": [{"product": "Microsoft Active Directory", "vendor": "Microsoft"}]
        },
        "email": {"products": [{"product": "Exchange Online", "vendor": "Microsoft"}]},
    },
    "server_os": [
        {"product": "Windows Server", "vendor": "Microsoft", "min_version": "2019"},
        {"product": "Red Hat Enterprise Linux", "vendor": "Red Hat", "min_version": "9"},
    ],
    "datacentres": {"primary": "alfa:DC1", "secondary": "beta:DC1"},
}


@pytest.fixture(scope="module")
def hand_made(tmp_path_factory: pytest.TempPathFactory) -> tuple[InventorySnapshot, GapReport]:
    folder = tmp_path_factory.mktemp("archimate")
    for code, files in INVENTORY.items():
        (folder / code).mkdir()
        for name, text in files.items():
            (folder / code / name).write_text(text, encoding="utf-8")
    batch = validate_paths([folder / code for code in INVENTORY])
    assert batch.report.valid, batch.report
    snapshot = InventorySnapshot.from_batch(batch)
    gap = compute_gap(snapshot, TargetArchitecture.model_validate(TARGET), as_of=AS_OF)
    return snapshot, gap


def _by_name(model: ArchimateModel, name: str) -> str:
    (found,) = [element.identifier for element in model.elements if element.name == name]
    return found


def test_hand_made_inventory_counted_by_hand(
    hand_made: tuple[InventorySnapshot, GapReport],
) -> None:
    snapshot, gap = hand_made
    # the premises the counts below rest on (from the gap's own matrix)
    status = gap.matrix.set_index("block_id")["status"]
    assert status["server_os:windows-server:2012-r2"] == "changed"  # below 2019
    assert status["server_os:rhel:8"] == "changed"  # below 9
    assert status["server_os:windows-server:2022"] == "included"
    assert status["hypervisor:vmware-esxi:8.0"] == "included"
    mail = gap.matrix[gap.matrix["capability"] == "email"]
    assert list(mail["status"]) == ["eliminated"]  # Exchange Online instead
    assert set(gap.matrix["status"]) == {"included", "changed", "eliminated"}
    model = archimate_model(snapshot, gap, lang="en")
    types = Counter(element.type for element in model.elements)
    waves, packages = len(gap.waves), len(gap.plan)
    assert waves >= 1 and packages >= waves
    # 3 sites; 4 servers + cluster cl1; storage san01 + network device core01
    assert types["Location"] == 3
    assert types["Node"] == 4 + 1
    assert types["Device"] == 1 + 1
    # baseline: 2 platforms + the OS release cycles per municipality (alfa: ESXi 8.0,
    # Windows Server 2022; beta: Windows Server 2012 R2, RHEL 8); target: vSphere,
    # Windows Server, RHEL, Active Directory, Exchange Online
    assert types["SystemSoftware"] == 2 + (2 + 2) + 5
    assert types["ApplicationComponent"] == 2  # no applications section: baseline only
    assert types["CommunicationNetwork"] == 1
    assert types["Plateau"] == 2
    assert types["Gap"] == 2  # datacentre (two OS upgrades), platforms (mail replaced)
    assert types["WorkPackage"] == 1 + waves + packages  # programme, waves, packages
    assert sum(types.values()) == len(model.elements)

    relations = Counter(relation.type for relation in model.relationships)
    baseline_elements = 3 + 5 + 2 + 6 + 2 + 1  # everything of the two municipalities
    # sites hold esx01 (alfa), srv01 and srv02 (beta), core01 and san01; cl1 holds esx01;
    # the baseline plateau its elements, the target plateau 5 blocks and 2 datacentres
    assert relations["Aggregation"] == 3 + 2 + 1 + baseline_elements + (5 + 2)
    # cl1 runs srv01 (virtual); 4 servers run their OS; srv01s run p-ad and p-mail
    assert relations["Assignment"] == 1 + 4 + 2
    assert relations["Serving"] == 2  # p-ad serves app1, srv02 serves app2
    with_gap = sum(1 for domain in gap.plan["domain"] if domain in ("datacentre", "platforms"))
    # link to its 2 sites; 4 OS and 2 platforms to their target block; 2 gaps to 2
    # plateaus; gaps to what changes: 2012 R2, RHEL 8, Exchange 2016 and the target's
    # Windows Server, RHEL (changed) and Exchange Online (new); packages to their gap
    assert relations["Association"] == 2 + 6 + 2 * 2 + 3 + 3 + with_gap
    depends = sum(len(str(text).split()) for text in gap.plan["depends_on"])
    assert relations["Triggering"] == 1 + (waves - 1) + depends
    assert relations["Composition"] == waves + packages
    assert relations["Realization"] == 1
    assert relations["Flow"] == 0
    assert sum(relations.values()) == len(model.relationships)

    # one landscape, one baseline view per municipality, the target and the migration
    assert len(model.views) == 1 + 2 + 1 + 1
    names = {element.name for element in model.elements}
    assert {
        "Datahall \"Ä\" & 'Ö'",
        "Ärendehantering <Ä&Ö>",
        "Fagsystem æøå",
        "Serverrom rådhuset",
    } <= names
    assert "Target: Felles drift & <mål>" in names
    assert "Baseline: Ålvik & <Öby> kommun" in {view.name for view in model.views}
    link = next(e for e in model.elements if e.type == "CommunicationNetwork")
    assert link.name == "Datahall \"Ä\" & 'Ö' – Serverrom rådhuset"

    # properties of a record: municipality, record id, product, version, end of life, state
    rhel = next(e for e in model.elements if e.name == "SRV02")
    assert dict(rhel.properties)["municipality"] == "beta"
    assert dict(rhel.properties)["record_id"] == "srv02"
    assert dict(rhel.properties)["version"] == "8"
    assert dict(rhel.properties)["end_of_life"] == "2029-05-31"  # RHEL 8's in the catalogue
    old_windows = dict(
        next(e for e in model.elements if e.name == "Windows Server 2012 R2").properties
    )
    assert old_windows["gap_status"] == "changed"
    assert old_windows["lifecycle_state"] == "past end of life"  # 2023-10-10
    exchange = dict(
        next(e for e in model.elements if e.name == "Microsoft Exchange Server 2016").properties
    )
    assert exchange["gap_status"] == "eliminated"
    assert exchange["lifecycle_state"] == "past end of life"  # ended 2025-10-14
    assert exchange["end_of_life"] == "2025-10-14"
    online = dict(next(e for e in model.elements if e.name == "Exchange Online").properties)
    assert online["target_status"] == "new"
    rhel9 = dict(
        next(e for e in model.elements if e.name == "Red Hat Enterprise Linux 9").properties
    )
    assert (rhel9["target_status"], rhel9["min_version"]) == ("changed (upgrade)", "9")


def test_hand_made_export_is_valid_and_reads_back(
    hand_made: tuple[InventorySnapshot, GapReport],
) -> None:
    snapshot, gap = hand_made
    model = archimate_model(snapshot, gap, lang="no")
    document = model_xml(model)
    assert schema_errors(document) == []
    assert read_archimate(document) == model
    # the same inventory gives the same identifiers and bytes (stable across runs)
    assert model_xml(archimate_model(snapshot, gap, lang="no")) == document
    # Norwegian generated names
    assert {"Dagens situasjon", "Målarkitektur: Felles drift & <mål>"} <= {
        element.name for element in model.elements
    }
    views = {view.name for view in model.views}
    assert "Dagens situasjon: Bærum-lik kommune" in views
    assert "Målarkitektur" in views


def test_an_invalid_document_is_caught() -> None:
    """The validation is real: a relationship to an element that does not exist fails."""
    model = ArchimateModel(identifier="id-m", name="m")
    document = model_xml(model).replace(
        b"</model>",
        b'<relationships><relationship identifier="id-r" source="id-x"'
        b' target="id-y" xsi:type="Serving"/></relationships></model>',
    )
    assert any("id-x" in error for error in schema_errors(document))


def _archi_rules(version: str) -> dict[tuple[str, str], str]:
    """Archi's table: (source type, target type) → the relationship letters allowed."""
    letters = {}
    for source in ET.parse(ARCHI_TABLES / f"relationships-{version}.xml").getroot():
        for target in source:
            letters[(source.get("concept", ""), target.get("concept", ""))] = target.get(
                "relations", ""
            )
    return letters


#: Archi's letter for each relationship type (its relationships.xml key).
LETTER = {
    "Aggregation": "g",
    "Assignment": "i",
    "Association": "o",
    "Composition": "c",
    "Flow": "f",
    "Realization": "r",
    "Serving": "v",
    "Triggering": "t",
}


#: The element types Archi lets each viewpoint the export uses show (its viewpoints.xml;
#: Layered shows every type).
VIEWPOINTS = {
    "Physical": {"Location", "Node", "Device", "CommunicationNetwork"},
    "Implementation and Migration": {
        "Location",
        "Node",
        "Device",
        "SystemSoftware",
        "CommunicationNetwork",
        "ApplicationComponent",
        "Plateau",
        "Gap",
        "WorkPackage",
    },
}


def _check_with_archi(model: ArchimateModel) -> None:
    """What Archi's importer needs: every reference resolves, every relationship is
    allowed between its element types (3.1 and 3.2), every view node has bounds and every
    connection joins the boxes of its relationship's own elements."""
    types = {element.identifier: element.type for element in model.elements}
    relations = {relation.identifier: relation for relation in model.relationships}
    rules = [_archi_rules("3.1"), _archi_rules("3.2")]
    for relation in model.relationships:
        pair = (types[relation.source], types[relation.target])
        for table in rules:
            assert LETTER[relation.type] in table[pair], (relation.type, pair)
    identifiers = [
        *types,
        *relations,
        *(view.identifier for view in model.views),
        *(node.identifier for view in model.views for node in view.all_nodes()),
        *(line.identifier for view in model.views for line in view.connections),
    ]
    assert len(identifiers) == len(set(identifiers))  # xs:ID: unique in the document
    assert all(ident[0].isalpha() or ident[0] == "_" for ident in identifiers)
    for view in model.views:
        boxes = {node.identifier: node for node in view.all_nodes()}
        assert boxes, view.name
        shown = {types[node.element] for node in boxes.values() if node.element is not None}
        assert view.viewpoint == "Layered" or shown <= VIEWPOINTS[view.viewpoint], view.name
        for node in boxes.values():
            assert node.bounds.w > 0 and node.bounds.h > 0
            assert node.element is None or node.element in types
            assert node.element is not None or node.label  # a group has a label
            for child in node.children:  # inside its group
                assert node.bounds.x <= child.bounds.x
                assert child.bounds.x + child.bounds.w <= node.bounds.x + node.bounds.w
                assert child.bounds.y + child.bounds.h <= node.bounds.y + node.bounds.h
        for line in view.connections:
            relation = relations[line.relationship]
            assert boxes[line.source].element == relation.source
            assert boxes[line.target].element == relation.target
    in_folders: list[str] = []

    def walk(folder: Any) -> None:
        in_folders.extend(folder.items)
        for sub in folder.folders:
            walk(sub)

    for folder in model.organizations:
        walk(folder)
    assert sorted(in_folders) == sorted(
        [*types, *relations, *(view.identifier for view in model.views)]
    )


def test_hand_made_export_opens_in_archi(hand_made: tuple[InventorySnapshot, GapReport]) -> None:
    _check_with_archi(archimate_model(*hand_made, lang="sv"))


@pytest.mark.slow
def test_samples_export_validates_round_trips_and_opens_in_archi(
    sample_snapshot: InventorySnapshot,
    gap_report: GapReport,
) -> None:
    model = archimate_model(sample_snapshot, gap_report, lang="sv")
    document = model_xml(model)
    assert schema_errors(document) == []
    back = read_archimate(document)
    assert back == model
    _check_with_archi(model)
    types = Counter(element.type for element in model.elements)
    servers = sample_snapshot.table("server")
    clusters = servers.dropna(subset=["cluster"]).drop_duplicates(["municipality", "cluster"])
    assert types["Node"] == len(servers) + len(clusters)
    assert types["Location"] == len(sample_snapshot.table("site"))
    assert types["Device"] == (
        len(sample_snapshot.table("storage")) + len(sample_snapshot.table("network_device"))
    )
    assert types["CommunicationNetwork"] == len(sample_snapshot.table("link"))
    assert types["ApplicationComponent"] == len(sample_snapshot.table("application")) + int(
        (gap_report.target_blocks["domain"] == "applications").sum()
    )
    assert types["WorkPackage"] == 1 + len(gap_report.waves) + len(gap_report.plan)
    # Swedish names, UTF-8 on disk
    assert "Nuläge: Gnosjö kommun" in {view.name for view in model.views}
    assert "Gnosjö".encode() in document
    assert any("Klienter finns inte i modellen" in note for note in model.notes)


@settings(
    max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    site=st.text(min_size=1, max_size=30),
    application=st.text(min_size=1, max_size=30),
    host=st.text(alphabet="&<>\"'ÅÄÖæøå \x01", min_size=1, max_size=12),
)
def test_any_record_names_survive_the_export(
    hand_made: tuple[InventorySnapshot, GapReport],
    site: str,
    application: str,
    host: str,
) -> None:
    """Names as the inventory writes them (any Unicode, XML's special characters) come
    back from the file as written (characters XML 1.0 cannot hold as their escape), and
    the file stays valid."""
    snapshot, gap = hand_made
    tables = {kind: frame.copy() for kind, frame in snapshot.tables.items()}
    tables["site"].loc[0, "name"] = site
    tables["application"].loc[0, "name"] = application
    tables["server"].loc[0, "hostname"] = host
    renamed = InventorySnapshot(tables=tables, references=snapshot.references)
    document = model_xml(archimate_model(renamed, gap))
    assert schema_errors(document) == []
    names = {element.identifier: element.name for element in read_archimate(document).elements}
    keys = {
        kind: (str(tables[kind].loc[0, "municipality"]), str(tables[kind].loc[0, "id"]))
        for kind in ("site", "application", "server")
    }
    assert names[identifier("element", "site", *keys["site"])] == xml_text(site)
    assert names[identifier("element", "application", *keys["application"])] == xml_text(
        application
    )
    assert names[identifier("element", "server", *keys["server"])] == xml_text(host)
