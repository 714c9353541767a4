"""The baseline and the target as an ArchiMate 3.1 model (docs/method.md#archimate-export).

``archimate_model(snapshot, gap)`` maps the stored inventory and the gap report onto
ArchiMate's technology, application and implementation-and-migration elements:

* sites → ``Location``; servers and hypervisor clusters → ``Node``; storage systems and
  network devices → ``Device`` (a specialisation of node); platforms (directory, mail,
  backup, ...) and each municipality's server operating systems and hypervisors (one
  element per release cycle) → ``SystemSoftware``; business applications →
  ``ApplicationComponent``; links between sites → ``CommunicationNetwork``;
* relationships, each allowed by ArchiMate 3.1 and 3.2 between its two element types:
  a site aggregates the physical servers, storage and network devices in it; a cluster
  aggregates its hosts and is assigned to its virtual servers (a virtual server without a
  cluster: its host); a server is assigned to its operating system and to the platforms
  that run on it; platforms and servers serve the applications that depend on them; a
  link is associated with its two sites; storage flows to its replica;
* the target's building blocks (``GapReport.target_blocks``) → ``SystemSoftware`` or
  ``ApplicationComponent``, each kept, changed or new; a baseline element is associated
  (directed) with the target block its matrix row names;
* a Baseline and a Target ``Plateau`` (aggregating their elements; the target also its
  datacentres), one ``Gap`` per domain that changes, associated with both plateaus and
  with what changes, and ``WorkPackage`` elements for the programme, its waves and the
  plan's packages (dates, dependencies as triggering);
* views laid out on a grid (``export.views``).

Client devices and network zones are not mapped: the model says so in its documentation
and ``ArchimateModel.notes``.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

import pandas as pd

from inventory.analyse.assets import derive_assets
from inventory.analyse.normalise import Normaliser
from inventory.export.builder import ModelBuilder, cycle_label, record_text
from inventory.export.exchange import (
    ArchimateModel,
    Element,
    Folder,
    Relationship,
    View,
    identifier,
)
from inventory.export.migration import MigrationMapper
from inventory.export.views import build_views
from inventory.gap.result import GapReport
from inventory.language.formatting import format_number
from inventory.language.i18n import Lang, t
from inventory.snapshot import InventorySnapshot

#: Record kinds whose assets carry lifecycle and gap status onto elements.
_ASSET_KINDS = ("server", "platform", "network_device", "storage", "application")

#: Property keys in the order elements list them (``archimate.property.<key>`` names them).
PROPERTY_KEYS = (
    "municipality",
    "record_id",
    "product",
    "version",
    "end_of_life",
    "lifecycle_state",
    "gap_status",
    "target_status",
    "min_version",
    "quantity",
    "bandwidth_mbps",
    "start",
    "end",
    "hours",
    "critical",
)

#: Element types in the order the model and its folders list them.
ELEMENT_TYPES = (
    "Location",
    "Node",
    "Device",
    "SystemSoftware",
    "ApplicationComponent",
    "CommunicationNetwork",
    "Plateau",
    "Gap",
    "WorkPackage",
)


def _references(
    snapshot: InventorySnapshot,
) -> dict[tuple[str, str, str, str], list[tuple[str, str, str]]]:
    """(municipality, kind, id, field) → the records it names (municipality, kind, id)."""
    found: dict[tuple[str, str, str, str], list[tuple[str, str, str]]] = defaultdict(list)
    refs = snapshot.references
    for row in refs.itertuples(index=False):
        found[(str(row.municipality), str(row.kind), str(row.id), str(row.field))].append(
            (str(row.target_municipality), str(row.target_kind), str(row.target_id))
        )
    return found


def _assets(
    snapshot: InventorySnapshot, gap: GapReport, normaliser: Normaliser
) -> dict[tuple[str, str, str], dict[str, object]]:
    """The gap's derivation of assets (lifecycle and block per record), by record."""
    assets = derive_assets(snapshot, normaliser, gap.as_of, gap.horizon_months, kinds=_ASSET_KINDS)
    rows = assets.loc[
        :,
        [
            "municipality",
            "kind",
            "record_id",
            "block_id",
            "title",
            "cycle",
            "version_written",
            "eol",
            "lifecycle_state",
        ],
    ]
    found: dict[tuple[str, str, str], dict[str, object]] = {}
    for row in rows.to_dict("records"):
        key = (str(row["municipality"]), str(row["kind"]), str(row["record_id"]))
        found.setdefault(key, {str(name): value for name, value in row.items()})
    return found


class _Mapper(MigrationMapper):
    """Builds the elements and relationships of one model."""

    def __init__(
        self, snapshot: InventorySnapshot, gap: GapReport, lang: Lang, normaliser: Normaliser
    ) -> None:
        self.snapshot, self.gap, self.lang = snapshot, gap, lang
        self.build = ModelBuilder(lang)
        self.refs = _references(snapshot)
        self.assets = _assets(snapshot, gap, normaliser)
        #: baseline block → (status, domain, target block) of the gap matrix
        self.matrix: dict[str, tuple[str, str, str]] = {
            str(block): (str(status), str(domain), record_text(target))
            for block, status, domain, target in gap.matrix.loc[
                :, ["block_id", "status", "domain", "target_block"]
            ].itertuples(index=False, name=None)
        }
        self.record: dict[tuple[str, str, str], str] = {}  # (municipality, kind, id) → element
        self.clusters: dict[tuple[str, str], str] = {}
        self.target: dict[str, str] = {}  # target block id → element
        self.baseline_block: dict[str, str] = {}  # element → its matrix block

    # -- helpers ------------------------------------------------------------------------

    def _lifecycle(self, municipality: str, kind: str, record: str) -> list[tuple[str, str]]:
        asset = self.assets.get((municipality, kind, record))
        if asset is None:
            return []
        state = record_text(asset["lifecycle_state"])
        return [
            ("product", record_text(asset["title"])),
            (
                "version",
                cycle_label(record_text(asset["cycle"])) or record_text(asset["version_written"]),
            ),
            ("end_of_life", record_text(asset["eol"])),
            ("lifecycle_state", t(f"archimate.state.{state}", self.lang) if state else ""),
        ]

    def _block_status(self, element: str, block: str) -> list[tuple[str, str]]:
        """The gap status of the baseline block an element belongs to (none outside the
        joint scope, where the gap has no row)."""
        if block not in self.matrix:
            return []
        status = self.matrix[block][0]
        self.build.status_of[element] = status
        self.baseline_block[element] = block
        return [("gap_status", t(f"archimate.status.{status}", self.lang))]

    def _asset_block(self, municipality: str, kind: str, record: str) -> str | None:
        asset = self.assets.get((municipality, kind, record))
        return str(asset["block_id"]) if asset is not None else None

    def _referenced(self, code: str, key: str, target: tuple[str, str, str]) -> str | None:
        """The element of a record that ``code:key`` refers to; a record of a municipality
        that is not exported is named in a note (its relationship is left out)."""
        found = (
            self.clusters.get((target[0], target[2]))
            if target[1] == "cluster"
            else self.record.get(target)
        )
        if found is None:
            self.build.notes.append(
                t(
                    "archimate.note.reference_outside",
                    self.lang,
                    record=f"{code}:{key}",
                    target=f"{target[0]}:{target[2]}",
                )
            )
        return found

    def _ref(
        self, municipality: str, kind: str, record: str, field_: str
    ) -> list[tuple[str, str, str]]:
        return self.refs.get((municipality, kind, record, field_), [])

    # -- baseline -----------------------------------------------------------------------

    def sites(self) -> None:
        for row in self.snapshot.table("site").itertuples(index=False):
            code, key = str(row.municipality), str(row.id)
            self.record[(code, "site", key)] = self.build.element(
                ("site", code, key),
                "Location",
                record_text(row.name) or key,
                municipality=code,
                properties=[("municipality", code), ("record_id", key)],
            )

    def servers(self) -> None:
        servers = self.snapshot.table("server")
        for row in servers.itertuples(index=False):
            code, key = str(row.municipality), str(row.id)
            ident = self.build.element(
                ("server", code, key),
                "Node",
                record_text(row.hostname) or key,
                municipality=code,
                properties=[
                    ("municipality", code),
                    ("record_id", key),
                    *self._lifecycle(code, "server", key),
                ],
            )
            self.record[(code, "server", key)] = ident
            cluster = record_text(row.cluster)
            if cluster:
                self.clusters.setdefault(
                    (code, cluster),
                    self.build.element(
                        ("cluster", code, cluster),
                        "Node",
                        cluster,
                        municipality=code,
                        properties=[("municipality", code), ("record_id", cluster)],
                    ),
                )
        for row in servers.itertuples(index=False):
            code, key = str(row.municipality), str(row.id)
            ident = self.record[(code, "server", key)]
            cluster_node = self.clusters.get((code, record_text(row.cluster)))
            if str(row.kind) == "virtual":
                hosts = [
                    self.record.get(target) for target in self._ref(code, "server", key, "host")
                ]
                # a virtual server runs on its cluster (it moves between the hosts)
                runs_on = cluster_node or (hosts[0] if hosts else None)
                if runs_on is None:
                    self.build.notes.append(
                        t("archimate.note.no_host", self.lang, municipality=code, server=key)
                    )
                self.build.relate("Assignment", runs_on, ident)
            else:
                self.build.relate("Aggregation", cluster_node, ident)
                for target in self._ref(code, "server", key, "site"):
                    self.build.relate("Aggregation", self.record.get(target), ident)
            self._operating_system(code, key, ident)

    def _operating_system(self, code: str, key: str, server: str) -> None:
        """The server's operating system (or hypervisor, or appliance release): one
        element per municipality and release cycle, assigned from each server on it."""
        block = self._asset_block(code, "server", key)
        if block is None:
            return
        asset = self.assets[(code, "server", key)]
        name = " ".join(
            part
            for part in (record_text(asset["title"]), cycle_label(record_text(asset["cycle"])))
            if part
        )
        system = self.build.element(
            ("system_software", code, block),
            "SystemSoftware",
            name,
            municipality=code,
            properties=[("municipality", code), *self._lifecycle(code, "server", key)],
        )
        if system not in self.build.status_of:
            extra = self._block_status(system, block)
            if extra:
                element = self.build.elements[system]
                self.build.elements[system] = Element(
                    element.identifier,
                    element.type,
                    element.name,
                    element.documentation,
                    (*element.properties, *extra),
                )
        self.build.relate("Assignment", server, system)

    def devices(self) -> None:
        for kind in ("storage", "network_device"):
            for row in self.snapshot.table(kind).itertuples(index=False):
                code, key = str(row.municipality), str(row.id)
                name = record_text(getattr(row, "hostname", None)) or key
                model = " ".join(p for p in (record_text(row.vendor), record_text(row.model)) if p)
                quantity = record_text(getattr(row, "quantity", None))
                ident = self._baseline_element(
                    (kind, code, key),
                    "Device",
                    f"{name} ({model})" if model else name,
                    code,
                    kind,
                    key,
                    extra=[("quantity", quantity if quantity != "1" else "")],
                )
                for target in self._ref(code, kind, key, "site"):
                    self.build.relate("Aggregation", self.record.get(target), ident)
        for row in self.snapshot.table("storage").itertuples(index=False):
            code, key = str(row.municipality), str(row.id)
            for target in self._ref(code, "storage", key, "replicates_to"):
                self.build.relate(
                    "Flow", self.record[(code, "storage", key)], self._referenced(code, key, target)
                )

    def _baseline_element(
        self,
        key: tuple[str, str, str],
        type_: str,
        name: str,
        code: str,
        kind: str,
        record: str,
        *,
        extra: Iterable[tuple[str, str]] = (),
    ) -> str:
        """An element of one inventory record with its lifecycle and gap status."""
        block = self._asset_block(code, kind, record)
        ident = identifier("element", *key)
        status = self._block_status(ident, block) if block is not None else []
        ident = self.build.element(
            key,
            type_,
            name,
            municipality=code,
            properties=[
                ("municipality", code),
                ("record_id", record),
                *self._lifecycle(code, kind, record),
                *status,
                *extra,
            ],
        )
        self.record[(code, kind, record)] = ident
        return ident

    def platforms(self) -> None:
        for row in self.snapshot.table("platform").itertuples(index=False):
            code, key = str(row.municipality), str(row.id)
            name = " ".join(p for p in (record_text(row.product), record_text(row.version)) if p)
            ident = self._baseline_element(
                ("platform", code, key), "SystemSoftware", name, code, "platform", key
            )
            for target in self._ref(code, "platform", key, "runs_on"):
                self.build.relate("Assignment", self._referenced(code, key, target), ident)

    def applications(self) -> None:
        for row in self.snapshot.table("application").itertuples(index=False):
            code, key = str(row.municipality), str(row.id)
            ident = self._baseline_element(
                ("application", code, key),
                "ApplicationComponent",
                record_text(row.name) or key,
                code,
                "application",
                key,
            )
            for target in self._ref(code, "application", key, "depends_on"):
                self.build.relate("Serving", self._referenced(code, key, target), ident)

    def links(self) -> None:
        for row in self.snapshot.table("link").itertuples(index=False):
            code, key = str(row.municipality), str(row.id)
            ends = [self._ref(code, "link", key, side) for side in ("a_site", "b_site")]
            names = [self._site_name(found[0]) if found else "?" for found in ends]
            ident = self.build.element(
                ("link", code, key),
                "CommunicationNetwork",
                f"{names[0]} – {names[1]}",
                municipality=code,
                properties=[
                    ("municipality", code),
                    ("record_id", key),
                    ("bandwidth_mbps", record_text(row.bandwidth_mbps)),
                ],
            )
            self.record[(code, "link", key)] = ident
            for found in ends:
                for target in found:
                    site = self.record.get(target)
                    if site is None:  # the other municipality is not exported
                        self.build.notes.append(
                            t(
                                "archimate.note.link_end",
                                self.lang,
                                link=key,
                                municipality=code,
                                site=f"{target[0]}:{target[2]}",
                            )
                        )
                    self.build.relate("Association", site, ident)

    def _site_name(self, target: tuple[str, str, str]) -> str:
        ident = self.record.get(target)
        return self.build.elements[ident].name if ident else f"{target[0]}:{target[2]}"

    # -- target ---------------------------------------------------------------------------

    def target_blocks(self) -> None:
        folder = t("archimate.folder.target", self.lang)
        for row in self.gap.target_blocks.itertuples(index=False):
            status = (
                "changed"
                if int(str(row.baseline_blocks_changed)) > 0
                else "new"
                if str(row.status) == "new"
                else "kept"
            )
            type_ = (
                "ApplicationComponent" if str(row.domain) == "applications" else "SystemSoftware"
            )
            version = record_text(row.min_version)
            ident = self.build.element(
                ("target", str(row.block_id)),
                type_,
                f"{row.title} {version}".strip() if version else str(row.title),
                folder=folder,
                properties=[
                    ("product", str(row.product)),
                    ("min_version", version),
                    ("target_status", t(f"archimate.target.{status}", self.lang)),
                ],
            )
            self.target[str(row.block_id)] = ident
            self.build.status_of[ident] = f"target_{status}"
        # each baseline element with its place in the target
        for element, block in self.baseline_block.items():
            status, _, target_block = self.matrix[block]
            target = self.target.get(target_block)
            self.build.relate(
                "Association",
                element,
                target,
                directed=True,
                name=t(f"archimate.maps.{status}", self.lang),
            )


def archimate_model(
    snapshot: InventorySnapshot,
    gap: GapReport,
    *,
    lang: Lang = "en",
    normaliser: Normaliser | None = None,
) -> ArchimateModel:
    """The baseline and the target of ``gap`` as an ArchiMate model with its views.

    ``snapshot`` is the inventory ``gap`` was computed from (only the municipalities of
    the gap are mapped); ``normaliser`` the one the gap used (lifecycle per record).
    Generated names (plateaus, gaps, work packages, views, folders, properties) are in
    ``lang``; record names are the inventory's own.
    """
    snapshot = snapshot.only(gap.municipalities)
    mapper = _Mapper(snapshot, gap, lang, normaliser or Normaliser.default())
    mapper.sites()
    mapper.servers()
    mapper.devices()
    mapper.platforms()
    mapper.applications()
    mapper.links()
    mapper.target_blocks()
    plan = mapper.migration()
    build = mapper.build
    clients = snapshot.table("client")
    if not clients.empty:
        devices = int(pd.to_numeric(clients["quantity"], errors="coerce").fillna(1).sum())
        build.notes.append(
            t(
                "archimate.note.clients",
                lang,
                rows=t(
                    "archimate.n.inventory_row", lang, count=format_number(len(clients), lang, 0)
                ),
                devices=t("archimate.n.device", lang, count=format_number(devices, lang, 0)),
            )
        )
    zones = snapshot.table("zone")
    if not zones.empty:
        build.notes.append(
            t("archimate.note.zones", lang, count=format_number(len(zones), lang, 0))
        )
    order = {type_: index for index, type_ in enumerate(ELEMENT_TYPES)}
    elements = tuple(
        sorted(
            build.elements.values(),
            key=lambda e: (order[e.type], build.folders[e.identifier], e.name, e.identifier),
        )
    )
    relationships = tuple(
        sorted(build.relationships.values(), key=lambda r: (r.type, r.source, r.target))
    )
    municipality_names = {
        str(row.code): record_text(row.name) or str(row.code)
        for row in snapshot.table("municipality").itertuples(index=False)
    }
    views = build_views(
        elements,
        relationships,
        plan,
        lang=lang,
        municipality_of=build.municipality_of,
        status_of=build.status_of,
        municipality_names=municipality_names,
    )
    notes = tuple(dict.fromkeys(build.notes))
    used = {key for element in elements for key, _ in element.properties}
    return ArchimateModel(
        identifier=identifier("model", gap.target_name, *gap.municipalities),
        name=t("archimate.model_name", lang, target=gap.target_name),
        documentation="\n".join(
            (
                t(
                    "archimate.model_documentation",
                    lang,
                    municipalities=", ".join(municipality_names.values()),
                    date=gap.as_of.isoformat(),
                ),
                *notes,
            )
        ),
        elements=elements,
        relationships=relationships,
        views=views,
        organizations=_organizations(
            build, elements, relationships, views, lang, municipality_names
        ),
        property_names=tuple(
            (key, t(f"archimate.property.{key}", lang)) for key in PROPERTY_KEYS if key in used
        ),
        notes=notes,
    )


def _organizations(
    build: ModelBuilder,
    elements: tuple[Element, ...],
    relationships: tuple[Relationship, ...],
    views: tuple[View, ...],
    lang: Lang,
    municipality_names: dict[str, str],
) -> tuple[Folder, ...]:
    """Folders: one per element type, inside it one per municipality (the target's blocks
    and the migration elements in their own); relationships by type; the views."""
    tree: dict[str, dict[str, list[str]]] = {}
    for element in elements:
        top, sub = build.folders[element.identifier]
        tree.setdefault(top, {}).setdefault(municipality_names.get(sub, sub), []).append(
            element.identifier
        )
    folders = [
        Folder(
            label=top,
            folders=tuple(Folder(label=sub, items=tuple(items)) for sub, items in subs.items()),
        )
        for top, subs in tree.items()
    ]
    by_type: dict[str, list[str]] = {}
    for relationship in relationships:
        by_type.setdefault(relationship.type, []).append(relationship.identifier)
    folders.append(
        Folder(
            label=t("archimate.folder.relationships", lang),
            folders=tuple(
                Folder(label=t(f"archimate.relationship.{type_}", lang), items=tuple(items))
                for type_, items in by_type.items()
            ),
        )
    )
    folders.append(
        Folder(
            label=t("archimate.folder.views", lang), items=tuple(view.identifier for view in views)
        )
    )
    return tuple(folders)
