"""The dependency graph of an inventory: what is located in, hosted on, runs on what.

Every edge points from the dependent to its dependency (an application ``depends_on`` a
platform, a platform ``runs_on`` a cluster, a virtual server is ``hosted_on`` its cluster
or host, a server is ``located_in`` its site), so "what depends on X" is the set of
nodes that can reach X: see ``inventory.analyse.impact``.

Node ids are ``municipality:kind:key`` (``vaggeryd:server:srv01``,
``vaggeryd:cluster:esx-cl01``). Clients are never one node per device: they are
aggregated into client fleets per municipality, device kind, vendor and model, operating
system (product and version) and management platform, each carrying its device count
(sum of ``quantity``, 1 where empty).

Design decisions:

- A hypervisor host (any non-virtual server naming a cluster) is ``member_of`` its
  cluster; a virtual server naming a cluster is ``hosted_on`` it. Membership is
  structural, not a dependency: losing one host does not stop what runs on the cluster,
  so impact follows ``member_of`` only when every member host of a cluster is affected.
- A ``link`` is one edge from its ``a_site`` to its ``b_site`` (possibly another
  municipality's site) with ``bandwidth_mbps``, ``redundant``, ``link_kind``; links carry
  connectivity, not dependency, so impact and cycle checks ignore them.
- A referenced record outside the snapshot (a link to another municipality's site when
  the graph is built for one municipality) becomes a node with ``external=True``.
- Zones are not nodes (a zone is a segment, not a thing that fails); their firewalls are.

Construction is column-wise (pandas groupby/merge, ``add_edges_from`` over generated
tuples): no per-device nodes, no loops over pairs of assets.
"""

from __future__ import annotations

import enum
import io
import json
import sys
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import networkx as nx
import numpy as np
import pandas as pd

from inventory.echo import xml_text
from inventory.errors import NotFoundError
from inventory.messages import Code, Message, Param
from inventory.output_files import write_file_atomically
from inventory.snapshot import InventorySnapshot

#: Node kinds, in the order summaries list them.
NODE_KINDS: tuple[str, ...] = (
    "municipality",
    "site",
    "server",
    "cluster",
    "storage",
    "network_device",
    "platform",
    "application",
    "client_fleet",
)


class EdgeKind(enum.StrEnum):
    """What an edge (dependent -> dependency) means."""

    LOCATED_IN = "located_in"
    HOSTED_ON = "hosted_on"
    MEMBER_OF = "member_of"
    RUNS_ON = "runs_on"
    DEPENDS_ON = "depends_on"
    MANAGED_BY = "managed_by"
    REPLICATES_TO = "replicates_to"
    LINK = "link"


#: Edges along which a failure travels to the dependents (used by impact analysis).
DEPENDENCY_EDGE_KINDS: frozenset[str] = frozenset(
    {
        EdgeKind.LOCATED_IN,
        EdgeKind.HOSTED_ON,
        EdgeKind.RUNS_ON,
        EdgeKind.DEPENDS_ON,
        EdgeKind.MANAGED_BY,
        EdgeKind.REPLICATES_TO,
    }
)
#: Edges that make a dependency cycle (mutual storage replication is normal, not a cycle).
CYCLE_EDGE_KINDS: frozenset[str] = frozenset(
    {
        EdgeKind.HOSTED_ON,
        EdgeKind.RUNS_ON,
        EdgeKind.DEPENDS_ON,
        EdgeKind.MANAGED_BY,
    }
)

#: Reference fields that become edges: (record kind, field) -> edge kind.
_REFERENCE_EDGES: dict[tuple[str, str], EdgeKind] = {
    ("server", "site"): EdgeKind.LOCATED_IN,
    ("server", "host"): EdgeKind.HOSTED_ON,
    ("storage", "site"): EdgeKind.LOCATED_IN,
    ("storage", "replicates_to"): EdgeKind.REPLICATES_TO,
    ("network_device", "site"): EdgeKind.LOCATED_IN,
    ("platform", "runs_on"): EdgeKind.RUNS_ON,
    ("application", "depends_on"): EdgeKind.DEPENDS_ON,
}

#: Node attributes per record kind: (column, attribute); ``label`` is what diagrams show.
_NODE_ATTRIBUTES: dict[str, tuple[tuple[str, str], ...]] = {
    "municipality": (("name", "label"), ("country", "country"), ("population", "population")),
    "site": (
        ("name", "label"),
        ("kind", "site_kind"),
        ("racks_total", "racks_total"),
        ("rack_units_free", "rack_units_free"),
        ("power_capacity_kw", "power_capacity_kw"),
    ),
    "server": (
        ("hostname", "label"),
        ("kind", "server_kind"),
        ("role", "role"),
        ("vendor", "vendor"),
        ("model", "model"),
        ("os_product", "os_product"),
        ("os_version", "os_version"),
        ("status", "status"),
        ("criticality", "criticality"),
    ),
    "storage": (
        ("kind", "storage_kind"),
        ("vendor", "vendor"),
        ("model", "model"),
        ("version", "version"),
        ("capacity_tb", "capacity_tb"),
    ),
    "network_device": (
        ("hostname", "label"),
        ("role", "role"),
        ("vendor", "vendor"),
        ("model", "model"),
        ("os_version", "os_version"),
        ("quantity", "quantity"),
    ),
    "platform": (
        ("product", "label"),
        ("capability", "capability"),
        ("vendor", "vendor"),
        ("product", "product"),
        ("version", "version"),
        ("deployment", "deployment"),
        ("criticality", "criticality"),
        ("licences", "licences"),
    ),
    "application": (
        ("name", "label"),
        ("vendor", "vendor"),
        ("product", "product"),
        ("version", "version"),
        ("business_area", "business_area"),
        ("deployment", "deployment"),
        ("criticality", "criticality"),
        ("users", "users"),
    ),
}

#: The columns that make a client fleet (with ``municipality``).
FLEET_KEYS: tuple[str, ...] = (
    "municipality",
    "kind",
    "vendor",
    "model",
    "os_product",
    "os_version",
    "managed_by",
)

GraphValue = str | int | float | bool


def node_id(municipality: str, kind: str, key: str) -> str:
    """The id of a node: ``municipality:kind:key``."""
    return f"{municipality}:{kind}:{key}"


@dataclass(frozen=True)
class NodeName:
    """A node as a user names it: ``vaggeryd:server:srv01``, ``vaggeryd:srv01`` or ``srv01``."""

    municipality: str | None
    kind: str | None
    key: str

    @classmethod
    def parse(cls, text: str) -> NodeName:
        """Split a user's node name into municipality, kind and key (each optional but key)."""
        text = text.strip()
        parts = text.split(":")
        if len(parts) >= 3 and parts[1] in NODE_KINDS:
            return cls(parts[0], parts[1], ":".join(parts[2:]))
        if len(parts) >= 2:
            return cls(parts[0], None, ":".join(parts[1:]))
        return cls(None, None, text)


@dataclass
class GraphSummary:
    """The size of a graph by node kind and edge kind."""

    municipalities: list[str]
    nodes: int
    edges: int
    nodes_by_kind: dict[str, int]
    edges_by_kind: dict[str, int]
    client_devices: int

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class InventoryGraph:
    """A dependency graph (networkx ``MultiDiGraph``) with lookup and export helpers.

    Every node has ``kind``, ``municipality`` and ``key``; every edge has ``kind`` (an
    ``EdgeKind`` value) and is keyed by it (links by ``link:<municipality>:<id>``).
    """

    graph: nx.MultiDiGraph
    _index: dict[str, list[str]] | None = field(default=None, repr=False)

    def summary(self) -> GraphSummary:
        """Counts of nodes by kind and of edges by kind."""
        node_kinds = Counter(kind for _, kind in self.graph.nodes(data="kind"))
        edge_kinds = Counter(kind for _, _, kind in self.graph.edges(data="kind"))
        municipalities = sorted(
            {str(m) for _, m in self.graph.nodes(data="municipality") if m is not None}
        )
        devices = sum(int(d) for _, d in self.graph.nodes(data="devices", default=0))
        return GraphSummary(
            municipalities=municipalities,
            nodes=self.graph.number_of_nodes(),
            edges=self.graph.number_of_edges(),
            nodes_by_kind={k: node_kinds[k] for k in NODE_KINDS if node_kinds[k]},
            edges_by_kind={str(k): edge_kinds[k] for k in EdgeKind if edge_kinds[k]},
            client_devices=devices,
        )

    def node(self, node: str) -> dict[str, Any]:
        """The attributes of a node (by id)."""
        return dict(self.graph.nodes[node])

    def nodes_of_kind(self, kind: str) -> list[str]:
        """The ids of every node of one kind."""
        return [node for node, k in self.graph.nodes(data="kind") if k == kind]

    def resolve(self, name: str) -> str:
        """The node id a user means by ``name`` (full id, ``municipality:key`` or ``key``).

        Raises ``NotFoundError`` (with the nearest node names as hint) when nothing or more
        than one node matches.
        """
        if name in self.graph:
            return name
        wanted = NodeName.parse(name)
        if self._index is None:
            index: dict[str, list[str]] = {}
            for node, key in self.graph.nodes(data="key"):
                index.setdefault(str(key).casefold(), []).append(node)
            self._index = index
        candidates = [
            node
            for node in self._index.get(wanted.key.casefold(), [])
            if (
                wanted.municipality is None
                or self.graph.nodes[node]["municipality"].casefold()
                == wanted.municipality.casefold()
            )
            and (wanted.kind is None or self.graph.nodes[node]["kind"] == wanted.kind)
        ]
        if len(candidates) == 1:
            return candidates[0]
        if candidates:
            raise NotFoundError(
                Message(
                    "error.graph.ambiguous", {"name": repr(name), "count": str(len(candidates))}
                ),
                hint=Message(
                    "error.graph.ambiguous.hint", {"nodes": ", ".join(sorted(candidates))}
                ),
            )
        nearest = self.nearest(name)
        hint = (
            Message("error.graph.nearest", {"nodes": ", ".join(nearest)})
            if nearest
            else Message("error.graph.empty")
        )
        raise NotFoundError(Message("error.graph.unknown", {"name": repr(name)}), hint=hint)

    def nearest(self, name: str, limit: int = 3) -> list[str]:
        """The node ids whose names look most like ``name`` (compared in the same form:
        full id, ``municipality:key`` or ``key``)."""
        wanted = NodeName.parse(name)
        if wanted.kind is not None:
            choices = {node: node for node in self.graph.nodes}
        elif wanted.municipality is not None:
            choices = {
                node: f"{data.get('municipality')}:{data.get('key')}"
                for node, data in self.graph.nodes(data=True)
            }
        else:
            choices = {node: str(data.get("key")) for node, data in self.graph.nodes(data=True)}
        from rapidfuzz import fuzz, process  # (only for a node that is not found)

        return [
            node
            for _, _, node in process.extract(
                name, choices, scorer=fuzz.ratio, processor=str.casefold, limit=limit
            )
        ]

    def to_graphml(self, path: Path) -> None:
        """Write the graph as GraphML (node and edge attributes included), whole or not at
        all (``OutputError``, see ``inventory.output_files``)."""
        write_file_atomically(path, self.graphml_bytes())

    def graphml_bytes(self) -> bytes:
        """The graph as GraphML, always well-formed XML 1.0: a character XML does not allow
        (a control character stored by an older version, U+FFFE, U+FFFF) is an escape."""
        buffer = io.BytesIO()
        nx.write_graphml(_xml_graph(self.graph), buffer)
        return buffer.getvalue()

    def to_node_link_json(self) -> dict[str, Any]:
        """The graph as node-link JSON data (``nodes`` and ``edges``)."""
        data: dict[str, Any] = nx.node_link_data(self.graph, edges="edges")
        return data

    def write(self, path: Path) -> None:
        """Write GraphML (``.graphml``) or node-link JSON (``.json``), by file suffix."""
        if path.suffix.lower() == ".json":
            write_file_atomically(
                path, json.dumps(self.to_node_link_json(), ensure_ascii=False).encode("utf-8")
            )
        else:
            self.to_graphml(path)


def _xml_value(value: Any) -> Any:
    return xml_text(value) if isinstance(value, str) else value


def _xml_data(data: dict[Any, Any]) -> dict[Any, Any]:
    return {_xml_value(key): _xml_value(value) for key, value in data.items()}


def _xml_graph(graph: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """``graph`` as XML 1.0 can hold it: every string (node id, edge key, attribute name
    and value) with the characters XML does not allow as visible escapes (``\\x1b``).

    The strings are escaped before any writer sees them: networkx writes with lxml when
    it is installed, and lxml refuses such a string rather than writing it.
    """
    copy = type(graph)()
    copy.graph.update(_xml_data(graph.graph))
    copy.add_nodes_from(
        (_xml_value(node), _xml_data(data)) for node, data in graph.nodes(data=True)
    )
    copy.add_edges_from(
        (_xml_value(u), _xml_value(v), _xml_value(key), _xml_data(data))
        for u, v, key, data in graph.edges(keys=True, data=True)
    )
    return copy


# -- building -------------------------------------------------------------------------------


def build_graph(snapshot: InventorySnapshot, *, municipalities: bool = False) -> InventoryGraph:
    """The dependency graph of a snapshot (``municipalities``: add a node per municipality).

    >>> build_graph(snapshot).summary().nodes_by_kind  # the five samples
    {'site': 65, 'server': 422, 'cluster': 6, ...}
    """
    graph = nx.MultiDiGraph()
    known = _known_municipalities(snapshot)
    kinds = ["site", "server", "storage", "network_device", "platform", "application"]
    if municipalities:
        frame = snapshot.table("municipality")
        graph.add_nodes_from(_node_items(frame["code"], frame["code"], "municipality", frame))
    for kind in kinds:
        frame = snapshot.table(kind)
        graph.add_nodes_from(_node_items(frame["municipality"], frame["id"], kind, frame))

    refs = snapshot.references
    refs = refs[refs["kind"] != "client"]
    edges = [_reference_edges(refs), _cluster_edges(snapshot.table("server"), known)]
    fleets, fleet_edges = _client_fleets(snapshot)
    graph.add_nodes_from(_fleet_items(fleets))
    edges.append(fleet_edges)
    frame = (
        pd.concat([e for e in edges if not e.empty], ignore_index=True)
        if any(not e.empty for e in edges)
        else _empty_edges()
    )
    frame = frame.drop_duplicates(subset=["source", "target", "key"])
    graph.add_edges_from(_edge_items(frame))
    links = _link_edges(snapshot.table("link"), snapshot.references)
    graph.add_edges_from(_edge_items(links))
    _add_cluster_attributes(graph, frame)
    _mark_external(
        graph,
        pd.concat(
            [frame["source"], frame["target"], links["source"], links["target"]], ignore_index=True
        ),
    )
    return InventoryGraph(graph)


def _known_municipalities(snapshot: InventorySnapshot) -> set[str]:
    codes = set(snapshot.municipalities)
    for frame in snapshot.tables.values():
        if "municipality" in frame.columns:
            codes.update(str(code) for code in frame["municipality"].dropna().unique())
    return codes


def _plain_values(column: pd.Series) -> list[GraphValue | None]:
    """A column as GraphML-friendly Python scalars (``None`` for missing), column-wise.

    Texts are the column's own string objects (a snapshot shares equal texts; a copy per
    node would cost the graph of a national inventory hundreds of MiB), or one string per
    distinct text of a pandas string column.
    """
    if column.dtype == object:
        raw = column.to_numpy(dtype=object)
        values = np.full(len(column), None, dtype=object)
        is_text = np.fromiter((type(value) is str for value in raw), dtype=bool, count=len(raw))
        values[is_text] = raw[is_text]
        other = column.notna().to_numpy() & ~is_text
        if other.any():
            # str() of an enum member is its value (node attributes hold no list fields)
            values[other] = column[other].astype(str).to_numpy(dtype=object)
        plain: list[GraphValue | None] = values.tolist()
        return plain
    if isinstance(column.dtype, pd.StringDtype):
        codes, texts = pd.factorize(column)  # missing values get code -1
        table = np.array([*texts.astype(object), None], dtype=object)
        shared: list[GraphValue | None] = table[codes].tolist()
        return shared
    as_objects = column.astype(object)
    converted: list[GraphValue | None] = as_objects.where(column.notna(), None).tolist()
    return converted


def _shared(ids: pd.Series) -> list[Any]:
    """Node ids and edge keys as interned strings: an edge's ends are then the very string
    objects of its nodes (networkx keeps the objects it is given in its adjacency)."""
    return [sys.intern(value) if type(value) is str else value for value in ids.tolist()]


def _attribute_dicts(frame: pd.DataFrame) -> Iterator[dict[str, GraphValue]]:
    """One attribute dict per row (missing values left out)."""
    names = list(frame.columns)
    columns = [_plain_values(frame[name]) for name in names]
    for values in zip(*columns, strict=True):
        yield {name: value for name, value in zip(names, values, strict=True) if value is not None}


def _ids(municipality: pd.Series, kind: str, key: pd.Series) -> pd.Series:
    return municipality.astype(str) + f":{kind}:" + key.astype(str)


def _node_items(
    municipality: pd.Series, key: pd.Series, kind: str, frame: pd.DataFrame
) -> Iterator[tuple[str, dict[str, GraphValue]]]:
    spec = [(column, attr) for column, attr in _NODE_ATTRIBUTES[kind] if column in frame]
    attrs = pd.DataFrame({attr: frame[column] for column, attr in spec}, index=frame.index)
    attrs.insert(0, "key", key.astype(str))
    attrs.insert(0, "municipality", municipality.astype(str))
    attrs.insert(0, "kind", kind)
    ids = _ids(municipality, kind, key)
    for node, data in zip(_shared(ids), _attribute_dicts(attrs), strict=True):
        data.setdefault("label", str(data["key"]))
        yield node, data


def _empty_edges() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "source": pd.Series(dtype=object),
            "target": pd.Series(dtype=object),
            "key": pd.Series(dtype=object),
        }
    )


def _reference_edges(refs: pd.DataFrame) -> pd.DataFrame:
    """Edges for the reference fields in ``_REFERENCE_EDGES`` (one per resolved reference)."""
    parts = []
    for (kind, field_name), edge_kind in _REFERENCE_EDGES.items():
        rows = refs[(refs["kind"] == kind) & (refs["field"] == field_name)]
        if rows.empty:
            continue
        parts.append(
            pd.DataFrame(
                {
                    "source": _ids(rows["municipality"], kind, rows["id"]),
                    "target": (
                        rows["target_municipality"].astype(str)
                        + ":"
                        + rows["target_kind"].astype(str)
                        + ":"
                        + rows["target_id"].astype(str)
                    ),
                    "key": str(edge_kind),
                }
            )
        )
    return pd.concat(parts, ignore_index=True) if parts else _empty_edges()


def split_qualified(
    municipality: pd.Series, value: pd.Series, known: set[str]
) -> tuple[pd.Series, pd.Series]:
    """``code:key`` values split into (municipality, key); others keep their own municipality."""
    text = value.astype(str)
    parts = text.str.partition(":")
    qualified = (parts[1] == ":") & parts[0].isin(known)
    return (municipality.astype(str).where(~qualified, parts[0]), text.where(~qualified, parts[2]))


def _cluster_edges(servers: pd.DataFrame, known: set[str]) -> pd.DataFrame:
    """Hosts ``member_of`` and virtual servers ``hosted_on`` the cluster they name."""
    rows = servers[servers["cluster"].notna()]
    if rows.empty:
        return _empty_edges()
    owner, name = split_qualified(rows["municipality"], rows["cluster"], known)
    virtual = rows["kind"].astype(str) == "virtual"
    return pd.DataFrame(
        {
            "source": _ids(rows["municipality"], "server", rows["id"]),
            "target": _ids(owner, "cluster", name),
            "key": np.where(virtual, str(EdgeKind.HOSTED_ON), str(EdgeKind.MEMBER_OF)),
        }
    )


def _client_fleets(snapshot: InventorySnapshot) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Client fleets (one row per fleet) and their ``located_in``/``managed_by`` edges."""
    clients = snapshot.table("client")
    if clients.empty:
        return pd.DataFrame(columns=[*FLEET_KEYS, "node", "devices", "rows"]), _empty_edges()
    keys = list(FLEET_KEYS)
    devices = clients["quantity"].astype("Float64").fillna(1).astype("int64")
    grouped = clients[keys].assign(devices=devices).groupby(keys, dropna=False, sort=True)
    fleet_no = grouped.ngroup()
    fleets = grouped["devices"].agg(devices="sum", rows="size").reset_index()
    fleets["node"] = _ids(fleets["municipality"], "client_fleet", _fleet_keys(fleets))

    refs = snapshot.references
    parts = []
    by_site = pd.DataFrame(
        {
            "fleet": fleet_no,
            "municipality": clients["municipality"],
            "site": clients["site"],
            "devices": devices,
        }
    ).dropna(subset=["site"])
    if not by_site.empty:
        by_site = (
            by_site.groupby(["fleet", "municipality", "site"], sort=False)["devices"]
            .sum()
            .reset_index()
        )
        targets = _scalar_targets(clients, "client", refs, "site")
        by_site = by_site.merge(targets, on=["municipality", "site"], how="inner")
        parts.append(
            pd.DataFrame(
                {
                    "source": fleets["node"].to_numpy()[by_site["fleet"].to_numpy()],
                    "target": by_site["target"].to_numpy(),
                    "key": str(EdgeKind.LOCATED_IN),
                    "devices": by_site["devices"].to_numpy(),
                }
            )
        )
    managed = fleets[fleets["managed_by"].notna()]
    if not managed.empty:
        targets = _scalar_targets(clients, "client", refs, "managed_by")
        managed = managed.merge(targets, on=["municipality", "managed_by"], how="inner")
        parts.append(
            pd.DataFrame(
                {
                    "source": managed["node"].to_numpy(),
                    "target": managed["target"].to_numpy(),
                    "key": str(EdgeKind.MANAGED_BY),
                    "devices": managed["devices"].to_numpy(),
                }
            )
        )
    edges = pd.concat(parts, ignore_index=True) if parts else _empty_edges()
    return fleets, edges


def _scalar_targets(
    frame: pd.DataFrame, kind: str, refs: pd.DataFrame, column: str
) -> pd.DataFrame:
    """(municipality, value of ``column``) -> target node id, from one row per distinct value.

    Resolving one representative row per distinct value keeps the work small when the
    frame has millions of rows (clients) that name a few hundred sites and platforms.
    """
    rows = frame.loc[frame[column].notna(), ["municipality", "id", column]].drop_duplicates(
        subset=["municipality", column]
    )
    resolved = refs[refs["id"].isin(set(rows["id"]))]
    resolved = resolved[(resolved["kind"] == kind) & (resolved["field"] == column)]
    merged = rows.merge(resolved, on=["municipality", "id"], how="inner")
    merged["target"] = (
        merged["target_municipality"].astype(str)
        + ":"
        + merged["target_kind"].astype(str)
        + ":"
        + merged["target_id"].astype(str)
    )
    return merged[["municipality", column, "target"]]


def _text(column: pd.Series) -> pd.Series:
    return column.astype(object).where(column.notna(), "").astype(str).str.strip()


def _fleet_keys(fleets: pd.DataFrame) -> pd.Series:
    """Readable fleet keys: ``kind/vendor model/os version/managed_by`` (made unique)."""

    def joined(*columns: str) -> pd.Series:
        text = _text(fleets[columns[0]])
        for column in columns[1:]:
            text = (text + " " + _text(fleets[column])).str.strip()
        return text.where(text != "", "-")

    key = (
        joined("kind")
        + "/"
        + joined("vendor", "model")
        + "/"
        + joined("os_product", "os_version")
        + "/"
        + joined("managed_by")
    )
    repeat = key.groupby([fleets["municipality"], key]).cumcount()
    return key.where(repeat == 0, key + "#" + (repeat + 1).astype(str))


def _fleet_items(fleets: pd.DataFrame) -> Iterator[tuple[str, dict[str, GraphValue]]]:
    if fleets.empty:
        return
    attrs = pd.DataFrame(
        {
            "kind": "client_fleet",
            "municipality": fleets["municipality"].astype(str),
            "key": fleets["node"].str.split(":", n=2).str[2],
            "client_kind": fleets["kind"],
            "vendor": fleets["vendor"],
            "model": fleets["model"],
            "os_product": fleets["os_product"],
            "os_version": fleets["os_version"],
            "managed_by": fleets["managed_by"],
            "devices": fleets["devices"],
            "rows": fleets["rows"],
        }
    )
    attrs["label"] = attrs["key"]
    yield from zip(_shared(fleets["node"]), _attribute_dicts(attrs), strict=True)


def _link_edges(links: pd.DataFrame, refs: pd.DataFrame) -> pd.DataFrame:
    """One ``link`` edge per link, from its a-site to its b-site (any municipality)."""
    if links.empty:
        return _empty_edges()
    refs = refs[refs["kind"] == "link"]
    ends = {}
    for end in ("a_site", "b_site"):
        rows = refs[refs["field"] == end]
        ends[end] = pd.DataFrame(
            {
                "municipality": rows["municipality"],
                "id": rows["id"],
                end: (
                    rows["target_municipality"].astype(str)
                    + ":"
                    + rows["target_kind"].astype(str)
                    + ":"
                    + rows["target_id"].astype(str)
                ),
            }
        )
    frame = links.merge(
        ends["a_site"].drop_duplicates(["municipality", "id"]),
        on=["municipality", "id"],
        suffixes=("_raw", ""),
    ).merge(
        ends["b_site"].drop_duplicates(["municipality", "id"]),
        on=["municipality", "id"],
        suffixes=("_raw", ""),
    )
    return pd.DataFrame(
        {
            "source": frame["a_site"],
            "target": frame["b_site"],
            "key": "link:" + frame["municipality"].astype(str) + ":" + frame["id"].astype(str),
            "kind": str(EdgeKind.LINK),
            "link_id": frame["id"],
            "owner": frame["municipality"],
            "link_kind": frame["kind"],
            "bandwidth_mbps": frame["bandwidth_mbps"],
            "redundant": frame["redundant"],
            "provider": frame["provider"],
        }
    )


def _edge_items(frame: pd.DataFrame) -> Iterable[tuple[str, str, str, dict[str, GraphValue]]]:
    if frame.empty:
        return []
    attrs = frame.drop(columns=["source", "target", "key"])
    if "kind" not in attrs:
        attrs.insert(0, "kind", frame["key"])
    attrs = attrs.loc[:, attrs.notna().any()] if not attrs.empty else attrs
    return zip(
        _shared(frame["source"]),
        _shared(frame["target"]),
        _shared(frame["key"]),
        _attribute_dicts(attrs),
        strict=True,
    )


def _add_cluster_attributes(graph: nx.MultiDiGraph, edges: pd.DataFrame) -> None:
    """Clusters (nodes only named by servers and references): kind, key, host/VM counts."""
    clusters = pd.concat([edges["source"], edges["target"]]).drop_duplicates()
    clusters = clusters[clusters.str.split(":", n=2).str[1] == "cluster"]
    into = edges[edges["target"].isin(set(clusters))]
    hosts = into[into["key"] == EdgeKind.MEMBER_OF].groupby("target").size()
    guests = into[into["key"] == EdgeKind.HOSTED_ON].groupby("target").size()
    for node in clusters.tolist():
        municipality, _, key = node.split(":", 2)
        graph.add_node(
            node,
            kind="cluster",
            municipality=municipality,
            key=key,
            label=key,
            hosts=int(hosts.get(node, 0)),
            virtual_servers=int(guests.get(node, 0)),
        )


def _mark_external(graph: nx.MultiDiGraph, endpoints: pd.Series) -> None:
    """Give nodes named by references but absent from the snapshot their kind and a flag."""
    for node in endpoints.drop_duplicates().tolist():
        data = graph.nodes[node]
        if "kind" not in data:
            municipality, kind, key = node.split(":", 2)
            data.update(kind=kind, municipality=municipality, key=key, label=key, external=True)


# -- checks -----------------------------------------------------------------------------------


class FindingCode(enum.StrEnum):
    """What an architect should look at in a graph."""

    #: The same problem as the validation issue: spelled as that public code
    #: (``IssueCode.DEPENDENCY_CYCLE``, docs/reliability.md), not ``dependency_cycle``.
    DEPENDENCY_CYCLE = "dependency-cycle"
    UNUSED_PLATFORM = "unused_platform"
    IDLE_SERVER = "idle_server"
    APPLICATION_WITHOUT_PLATFORM = "application_without_platform"
    SINGLE_UPLINK = "single_uplink"


@dataclass(frozen=True)
class GraphFinding:
    """One thing the graph check found, on one node (a cycle lists all its nodes)."""

    code: FindingCode
    node: str
    text: Message  # the reader's language where shown (``messages.message_text``)
    nodes: tuple[str, ...] = ()

    @property
    def message(self) -> str:
        """The English text (JSON, callers that only print)."""
        return str(self.text)

    def to_json(self) -> dict[str, Any]:
        return {
            "code": str(self.code),
            "node": self.node,
            "message": self.message,
            "nodes": list(self.nodes),
        }


def check(inventory_graph: InventoryGraph) -> list[GraphFinding]:
    """What an architect should look at: cycles, unused platforms, idle servers,
    applications with nothing to run on and sites with a single uplink.

    A platform is used when an application depends on it, it manages clients, or (a
    hypervisor) what it runs on hosts virtual servers. Only platforms of a capability
    that the inventory names as a dependency somewhere (or hypervisors) are judged:
    services such as backup, DNS or monitoring serve everything and nobody lists them.
    A platform with user licences (Microsoft 365 for 2,600 staff) is used by its users.
    Applications deployed as SaaS are not expected to name a platform or server, and
    external nodes (outside the snapshot) are not judged. One pass over the edges, one
    over the nodes.
    """
    graph = inventory_graph.graph
    used_platforms: set[str] = set()  # an application depends on it or it manages clients
    used_servers: set[str] = set()  # something is hosted on, runs on or depends on it
    placed_applications: set[str] = set()  # depends on something
    member_of: dict[str, list[str]] = {}
    site_links: dict[str, list[dict[str, Any]]] = {}
    runs_on: list[tuple[str, str]] = []
    hosting: set[str] = set()
    dependencies: list[tuple[str, str]] = []
    # the raw adjacency (public API): one Python step per edge, nothing more
    for source, neighbours in graph.adjacency():
        for target, keyed in neighbours.items():
            for data in keyed.values():
                kind = data.get("kind")
                if kind == EdgeKind.LINK:
                    site_links.setdefault(source, []).append(data)
                    if target != source:
                        site_links.setdefault(target, []).append(data)
                    continue
                if kind == EdgeKind.MEMBER_OF:
                    member_of.setdefault(source, []).append(target)
                    continue
                if kind in CYCLE_EDGE_KINDS:
                    dependencies.append((source, target))
                if kind in (EdgeKind.HOSTED_ON, EdgeKind.RUNS_ON, EdgeKind.DEPENDS_ON):
                    used_servers.add(target)
                if kind in (EdgeKind.DEPENDS_ON, EdgeKind.MANAGED_BY):
                    used_platforms.add(target)
                if kind == EdgeKind.DEPENDS_ON:
                    placed_applications.add(source)
                elif kind == EdgeKind.RUNS_ON:
                    runs_on.append((source, target))
                elif kind == EdgeKind.HOSTED_ON:
                    hosting.add(target)
    findings = _cycles(dependencies)
    used_platforms.update(platform for platform, target in runs_on if target in hosting)
    judged = {graph.nodes[platform].get("capability") for platform in used_platforms}
    judged.add("hypervisor")
    for node, data in graph.nodes(data=True):
        if data.get("external"):
            continue
        kind = data.get("kind")
        if (
            kind == "platform"
            and node not in used_platforms
            and data.get("capability") in judged
            and not data.get("licences")
        ):
            findings.append(
                GraphFinding(
                    FindingCode.UNUSED_PLATFORM,
                    node,
                    Message(
                        "graph.finding.unused_platform",
                        {
                            "capability": Code(
                                "capability", str(data.get("capability")), code_in_english=True
                            ),
                            "label": str(data.get("label")),
                        },
                    ),
                )
            )
        elif (
            kind == "server"
            and node not in used_servers
            and not any(cluster in used_servers for cluster in member_of.get(node, ()))
        ):
            findings.append(
                GraphFinding(FindingCode.IDLE_SERVER, node, Message("graph.finding.idle_server"))
            )
        elif (
            kind == "application"
            and node not in placed_applications
            and data.get("deployment") != "saas"
        ):
            findings.append(
                GraphFinding(
                    FindingCode.APPLICATION_WITHOUT_PLATFORM,
                    node,
                    Message("graph.finding.no_platform", {"label": str(data.get("label"))}),
                )
            )
        elif kind == "site" and len(site_links.get(node, ())) == 1:
            link = site_links[node][0]
            bandwidth = link.get("bandwidth_mbps")
            key = (
                "graph.finding.single_uplink"
                + ("_speed" if bandwidth is not None else "")
                + ("_redundant" if link.get("redundant") else "")
            )
            params: dict[str, Param] = {
                "link": f"{link.get('owner')}:{link.get('link_id')}",
                "kind": Code("link_kind", str(link.get("link_kind")), code_in_english=True),
            }
            if bandwidth is not None:
                params["mbps"] = round(float(bandwidth))
            findings.append(GraphFinding(FindingCode.SINGLE_UPLINK, node, Message(key, params)))
    return findings


def _cycles(edges: list[tuple[str, str]]) -> list[GraphFinding]:
    """One finding per strongly connected group of dependencies (listing one cycle in it).

    Edges whose source nothing depends on, or whose target depends on nothing, cannot
    be on a cycle: pruning them first leaves (nearly) nothing for the component search.
    """
    while edges:
        sources = {source for source, _ in edges}
        targets = {target for _, target in edges}
        kept = [(u, v) for u, v in edges if u in targets and v in sources]
        if len(kept) == len(edges):
            break
        edges = kept
    dependencies = nx.DiGraph(edges)
    findings = []
    for component in nx.strongly_connected_components(dependencies):
        if len(component) == 1:
            (only,) = component
            if not dependencies.has_edge(only, only):
                continue
        cycle = [u for u, _ in nx.find_cycle(dependencies.subgraph(component))]
        first = min(cycle)
        start = cycle.index(first)
        cycle = cycle[start:] + cycle[:start]
        findings.append(
            GraphFinding(
                FindingCode.DEPENDENCY_CYCLE,
                first,
                Message("graph.finding.dependency_cycle", {"cycle": " -> ".join([*cycle, first])}),
                tuple(cycle),
            )
        )
    return findings


@dataclass(frozen=True)
class GraphRun:
    """What ``inventory graph`` shows: the graph's size by kind, what ``check`` found
    (``None`` when not asked) and the file the graph was written to (``None``: none)."""

    summary: GraphSummary
    findings: list[GraphFinding] | None
    written: Path | None


def graph_run(
    snapshot: InventorySnapshot, *, out: Path | None = None, run_check: bool = False
) -> GraphRun:
    """Build the dependency graph of ``snapshot``, write it to ``out`` (GraphML or
    node-link JSON, by suffix) and, with ``run_check``, check it (``check``)."""
    inventory_graph = build_graph(snapshot)
    if out is not None:
        inventory_graph.write(out)
    findings = check(inventory_graph) if run_check else None
    return GraphRun(inventory_graph.summary(), findings, out)
