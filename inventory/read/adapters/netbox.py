"""NetBox: the CSV exports of its lists (Export -> "All data (CSV)" or "Current view")
and a JSON dump of its REST API.

Each list is recognised by its header row (the table's column names, as NetBox writes
them) or, in JSON, by the ``url`` of its objects (``/api/dcim/devices/12/``): sites ->
site records, devices -> server, network device or storage records by their role, virtual
machines -> virtual servers, clusters -> hypervisor platforms, circuits -> links. Racks
and device types are read with the sites: a site's ``racks_total`` is its number of
racks and its ``rack_units_free`` the racks' heights less the heights of the devices
mounted in them (device types give the heights). The municipality is the tenant (else
the site's region): rows of another tenant or region are counted in a note, not read.
Documented in docs/adapters.md#netbox.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from inventory.issues import Issue, IssueCode, Severity, template_key
from inventory.messages import Message
from inventory.read.adapters.base import (
    Column,
    ColumnMap,
    ExportAdapter,
    ExportRow,
    RowPlace,
    build_table,
    cell_text,
    json_rows,
    load_json,
    probe_header,
    skipped_rows_note,
    table_rows,
)
from inventory.read.kinds import Probe, fold_name
from inventory.read.source import SourceTable

NAME = "netbox"

#: NetBox's device and VM statuses to the inventory's.
STATUS = {
    "active": "active",
    "planned": "planned",
    "staged": "planned",
    "offline": "standby",
    "failed": "standby",
    "inventory": "standby",
    "paused": "standby",
    "decommissioning": "decommissioning",
}

#: Device roles (as named in NetBox, compared folded) per record kind and the role or
#: storage kind they give; a role not listed is not read (PDU, patch panel, ...).
SERVER_ROLES = {
    "server": "",
    "tjener": "",
    "tjenar": "",
    "hypervisor": "hypervisor",
    "virtualiseringsvert": "hypervisor",
    "virtualiseringsvärd": "hypervisor",
    "vmhost": "hypervisor",
    "databaseserver": "database",
    "backupserver": "backup",
}
NETWORK_ROLES = {
    "coreswitch": "core_switch",
    "kjernesvitsj": "core_switch",
    "kjerneswitch": "core_switch",
    "kärnswitch": "core_switch",
    "distributionswitch": "distribution_switch",
    "distribusjonssvitsj": "distribution_switch",
    "accessswitch": "access_switch",
    "aksessvitsj": "access_switch",
    "aksesswitch": "access_switch",
    "accesswitch": "access_switch",
    "switch": "access_switch",
    "svitsj": "access_switch",
    "router": "router",
    "ruter": "router",
    "firewall": "firewall",
    "brannmur": "firewall",
    "brandvägg": "firewall",
    "wlancontroller": "wlan_controller",
    "accesspoint": "access_point",
    "aksesspunkt": "access_point",
    "accesspunkt": "access_point",
    "loadbalancer": "load_balancer",
    "vpngateway": "vpn_gateway",
}
STORAGE_ROLES = {
    "storage": "san",
    "lagring": "san",
    "san": "san",
    "nas": "nas",
    "backup": "backup_target",
    "backuptarget": "backup_target",
}
#: Circuit types to link kinds.
CIRCUIT_TYPES = {
    "internet": "internet",
    "mpls": "wan_mpls",
    "wanmpls": "wan_mpls",
    "darkfiber": "dark_fibre",
    "darkfibre": "dark_fibre",
    "morkfiber": "dark_fibre",
    "svartfiber": "dark_fibre",
    "fiber": "fibre",
    "fibre": "fibre",
    "sdwan": "sd_wan",
    "vpn": "vpn",
    "radio": "radio",
    "radiolink": "radio",
}


def _folded(mapping: dict[str, str]) -> dict[str, str]:
    return {fold_name(key): value for key, value in mapping.items()}


SERVER_ROLES, NETWORK_ROLES, STORAGE_ROLES, CIRCUIT_TYPES = (
    _folded(SERVER_ROLES),
    _folded(NETWORK_ROLES),
    _folded(STORAGE_ROLES),
    _folded(CIRCUIT_TYPES),
)

# Sources name the CSV column (NetBox's column heading) and the REST API key path.
_NAME = ("Name", "name")
_SITE = ("Site", "site.name")
_STATUS = ("Status", "status.value")
_ROLE = ("Role", "role.name", "device_role.name")
_TENANT = ("Tenant", "tenant.name")
_REGION = ("Region", "region.name")
_RACK = ("Rack", "rack.name")
_POSITION = ("Position", "Position (U)", "position")
_MODEL = ("Type", "Device Type", "device_type.model")
_MAKER = ("Manufacturer", "device_type.manufacturer.name", "manufacturer.name")
_HEIGHT = ("Height (U)", "U Height", "u_height")
_IP = ("IP Address", "Primary IP", "IPv4 Address", "primary_ip.address", "primary_ip4.address")


def _address(text: str) -> str:
    """``10.20.1.5/24`` -> ``10.20.1.5`` (NetBox writes an interface address)."""
    return text.split("/", 1)[0]


#: Computed columns (named so in places and docs): not in the export itself.
RACKS_COUNTED = "racks (counted from the racks list)"
FREE_UNITS = "free rack units (racks' heights less mounted devices' heights)"
DEVICE_HEIGHT = "device type height"

SITES = ColumnMap(
    "site",
    signature=("Name", "Region", "Facility"),
    columns=(
        Column("id", _NAME),
        Column("name", _NAME),
        Column("kind", constant="server_room"),
        Column("address", ("Physical address", "physical_address")),
        Column("racks_total", (RACKS_COUNTED,)),
        Column("rack_units_free", (FREE_UNITS,), unit="U"),
    ),
)
RACKS = ColumnMap("", signature=("Name", "Site", "Height (U)"), columns=())
DEVICE_TYPES = ColumnMap("", signature=("Manufacturer", "Model", "Height (U)"), columns=())
_DEVICE_COMMON = (
    Column("id", _NAME),
    Column("vendor", _MAKER),
    Column("model", _MODEL),
    Column("site", _SITE),
)
DEVICE_SERVERS = ColumnMap(
    "server",
    signature=("Name", "Role", "Type", "Site"),
    columns=(
        *_DEVICE_COMMON,
        Column("hostname", _NAME),
        Column("kind", constant="physical"),
        Column("role", _ROLE, values=SERVER_ROLES),
        Column("cluster", ("Cluster", "cluster.name")),
        Column("serial_number", ("Serial number", "Serial Number", "serial")),
        Column("ip_address", _IP, derive=_address),
        Column("rack_units", (DEVICE_HEIGHT,), unit="U"),
        Column("status", _STATUS, values=STATUS),
    ),
)
DEVICE_NETWORK = ColumnMap(
    "network_device",
    columns=(
        *_DEVICE_COMMON,
        Column("hostname", _NAME),
        Column("role", _ROLE, values=NETWORK_ROLES),
        Column("ip_address", _IP, derive=_address),
        Column("status", _STATUS, values=STATUS),
    ),
)
DEVICE_STORAGE = ColumnMap(
    "storage",
    columns=(
        *_DEVICE_COMMON,
        Column("kind", _ROLE, values=STORAGE_ROLES),
        Column("rack_units", (DEVICE_HEIGHT,), unit="U"),
    ),
)
VIRTUAL_MACHINES = ColumnMap(
    "server",
    signature=("Name", "Cluster", "vCPUs"),
    columns=(
        Column("id", _NAME),
        Column("hostname", _NAME),
        Column("kind", constant="virtual"),
        Column("site", _SITE),
        Column("cluster", ("Cluster", "cluster.name")),
        Column("cpu_cores", ("vCPUs", "vcpus")),
        # NetBox's memory field is in MB (binary, as memory is); its disk field was in GB
        # up to NetBox 3.7 and is in MB since 4.0 (the API dump is read as 4.x).
        Column("ram_gb", ("Memory (MB)", "Memory", "memory"), unit="MB"),
        Column(
            "storage_gb",
            ("Disk (GB)", "Disk (MB)", "disk"),
            unit="GB",
            units={"Disk (MB)": "MB", "disk": "MB"},
        ),
        Column("os_product", ("Platform", "platform.name")),
        Column("ip_address", _IP, derive=_address),
        Column("status", _STATUS, values=STATUS),
    ),
)
CLUSTERS = ColumnMap(
    "platform",
    signature=("Name", "Type", "Devices", "VMs"),
    columns=(
        Column("id", _NAME),
        Column("capability", constant="hypervisor"),
        Column("product", ("Type", "type.name")),
        Column("deployment", constant="on_prem"),
        Column("runs_on", _NAME),
    ),
)
CIRCUITS = ColumnMap(
    "link",
    signature=("Circuit ID", "Provider", "Type"),
    columns=(
        Column("id", ("Circuit ID", "cid")),
        Column(
            "a_site",
            (
                "Side A",
                "Termination A",
                "termination_a.site.name",
                "termination_a.termination.name",
            ),
        ),
        Column(
            "b_site",
            (
                "Side Z",
                "Termination Z",
                "termination_z.site.name",
                "termination_z.termination.name",
            ),
        ),
        Column("kind", ("Type", "type.name"), values=CIRCUIT_TYPES),
        Column(
            "bandwidth_mbps", ("Commit rate (Kbps)", "Commit Rate", "commit_rate"), unit="kbit/s"
        ),
        Column("provider", ("Provider", "provider.name")),
    ),
)

#: Each list of the export: its REST API endpoint and its CSV column map.
LISTS: dict[str, ColumnMap] = {
    "dcim/sites": SITES,
    "dcim/racks": RACKS,
    "dcim/device-types": DEVICE_TYPES,
    "dcim/devices": DEVICE_SERVERS,
    "virtualization/virtual-machines": VIRTUAL_MACHINES,
    "virtualization/clusters": CLUSTERS,
    "circuits/circuits": CIRCUITS,
}
#: The kinds a list gives records of (devices: by their roles).
LIST_KINDS = {
    "dcim/sites": ("site",),
    "dcim/devices": ("server", "network_device", "storage"),
    "virtualization/virtual-machines": ("server",),
    "virtualization/clusters": ("platform",),
    "circuits/circuits": ("link",),
}
_API_URL = re.compile(r"/api/([a-z-]+/[a-z-]+)/\d+/?$")


@dataclass
class NetBoxExport:
    """Every NetBox list found beside a file, by endpoint, with the issues of reading."""

    lists: dict[str, list[ExportRow]] = field(default_factory=dict)
    issues: list[Issue] = field(default_factory=list)

    def add(self, endpoint: str, rows: Iterable[ExportRow]) -> None:
        self.lists.setdefault(endpoint, []).extend(rows)


def _csv_list(header: Sequence[str]) -> str | None:
    """The endpoint whose CSV columns ``header`` has (device types before racks: both
    have a height; device types have a manufacturer)."""
    order = (
        "dcim/device-types",
        "dcim/racks",
        "virtualization/clusters",
        "dcim/devices",
        "virtualization/virtual-machines",
        "circuits/circuits",
        "dcim/sites",
    )
    for endpoint in order:
        if LISTS[endpoint].matches(header):
            return endpoint
    return None


def _json_lists(document: Any) -> list[tuple[str, list[Any], str]]:
    """The NetBox lists in a JSON document: a list, a paginated answer (``results``), or
    an object of those by any key; each with its endpoint and JSON path."""
    found: list[tuple[str, list[Any], str]] = []

    def endpoint_of(items: list[Any]) -> str | None:
        first = next((item for item in items if isinstance(item, dict)), None)
        match = None if first is None else _API_URL.search(str(first.get("url", "")))
        return None if match is None else match.group(1)

    def visit(value: Any, path: str, depth: int) -> None:
        if isinstance(value, list):
            endpoint = endpoint_of(value)
            if endpoint is not None:
                found.append((endpoint, value, path))
        elif isinstance(value, dict) and depth < 2:
            if isinstance(value.get("results"), list):
                visit(value["results"], f"{path}.results", depth + 1)
                return
            for key, item in value.items():
                name = f".{key}" if re.fullmatch(r"[A-Za-z_]\w*", key) else f"[{key!r}]"
                visit(item, path + name, depth + 1)

    visit(document, "$", 0)
    return found


def _file_lists(path: Path) -> tuple[list[tuple[str, list[ExportRow]]], list[Issue]]:
    """The NetBox lists of one file, with the issues of reading it."""
    if path.suffix.lower() == ".json":
        document, issue = load_json(path)
        if issue is not None:
            return [], [issue]
        return [
            (endpoint, json_rows(path, items, json_path))
            for endpoint, items, json_path in _json_lists(document)
        ], []
    rows, header, issues = table_rows(path, None, "server", path.parent.name, LISTS.values())
    endpoint = _csv_list(header)
    return ([] if endpoint is None else [(endpoint, rows)]), issues


@functools.lru_cache(maxsize=8)
def _export(folder: Path, stamp: tuple[tuple[str, int, int], ...]) -> NetBoxExport:
    export = NetBoxExport()
    for name, _, _ in stamp:
        lists, issues = _file_lists(folder / name)
        export.issues.extend(issues)
        for endpoint, rows in lists:
            export.add(endpoint, rows)
    return export


def _is_netbox(path: Path) -> bool:
    stat = path.stat()
    return _is_netbox_file(path, stat.st_size, stat.st_mtime_ns)


@functools.lru_cache(maxsize=256)
def _is_netbox_file(path: Path, size: int, mtime: int) -> bool:
    """True for a NetBox export (cached on the file's size and modification time: each
    kind's read looks over the folder again)."""
    if path.suffix.lower() == ".json":
        document, issue = load_json(path)
        return issue is None and bool(_json_lists(document))
    if path.suffix.lower() not in (".csv", ".txt", ".tsv"):
        return False
    from inventory.read.delimited import head_rows

    header = probe_header(Probe(path, None, head_rows(path)), LISTS.values())
    return header is not None and _csv_list(header) is not None


def folder_export(folder: Path) -> NetBoxExport:
    """The NetBox lists of every NetBox file in ``folder`` (cached on the files' sizes and
    modification times)."""
    stamp = tuple(
        (p.name, p.stat().st_size, p.stat().st_mtime_ns)
        for p in sorted(folder.iterdir())
        if p.is_file() and not p.name.startswith((".", "~")) and _is_netbox(p)
    )
    return _export(folder, stamp)


def _kinds_of(endpoint: str, rows: Sequence[ExportRow]) -> tuple[str, ...]:
    if endpoint != "dcim/devices":
        return LIST_KINDS.get(endpoint, ())
    maps = [_device_map(row)[0] for row in rows]
    kinds = {column_map.kind for column_map in maps if column_map is not None}
    return tuple(kind for kind in LIST_KINDS[endpoint] if kind in kinds)


def _device_map(row: ExportRow) -> tuple[ColumnMap | None, str]:
    role = fold_name(_first(row, _ROLE))
    if role in SERVER_ROLES:
        return DEVICE_SERVERS, role
    if role in NETWORK_ROLES:
        return DEVICE_NETWORK, role
    if role in STORAGE_ROLES:
        return DEVICE_STORAGE, role
    return None, role


def _first(row: ExportRow, names: Sequence[str]) -> str:
    for name in names:
        if name in row.values:
            return cell_text(row.values[name])
    return ""


class NetBoxAdapter(ExportAdapter):
    """NetBox CSV exports and REST API dump: see the module docstring."""

    name = NAME
    description = (
        "NetBox CSV exports (sites, racks, device types, devices, virtual"
        " machines, clusters, circuits) and REST API JSON dump"
    )

    def recognise_kinds(self, probe: Probe) -> tuple[str, ...]:
        if probe.sheet is not None:
            return ()
        if probe.path.suffix.lower() != ".json":
            header = probe_header(probe, LISTS.values())
            if header is None or _csv_list(header) is None:
                return ()
        lists, _ = _file_lists(probe.path)
        kinds: list[str] = []
        for endpoint, rows in lists:
            kinds.extend(kind for kind in _kinds_of(endpoint, rows) if kind not in kinds)
        return tuple(kinds)

    def not_read_reason(self, probe: Probe) -> Message | None:
        header = None if probe.sheet is not None else probe_header(probe, LISTS.values())
        endpoint = None if header is None else _csv_list(header)
        if endpoint == "dcim/racks":
            return Message("issue.part.skip.racks")
        if endpoint == "dcim/device-types":
            return Message("issue.part.skip.device_types")
        if endpoint == "dcim/devices":
            return Message("issue.part.skip.no_device_role")
        return None

    def read_sources(
        self, sources: Sequence[tuple[Path, str | None]], kind: str, municipality: str
    ) -> tuple[SourceTable | None, list[Issue]]:
        export = folder_export(sources[0][0].parent)
        files = {path for path, _ in sources}
        issues = [issue for issue in export.issues if issue.file in {str(p) for p in files}]
        reader = _KindReader(export, kind, municipality, files)
        rows = reader.rows()
        issues.extend(reader.notes)
        if not rows and any(issue.severity is Severity.ERROR for issue in issues):
            return None, issues
        return build_table(NAME, kind, municipality, rows), issues


class _KindReader:
    """The rows of one kind from an export, for one municipality."""

    def __init__(
        self, export: NetBoxExport, kind: str, municipality: str, files: set[Path]
    ) -> None:
        self.export = export
        self.kind = kind
        self.municipality = municipality
        self.files = files
        self.notes: list[Issue] = []
        self.skipped: dict[tuple[Path, Message], int] = {}
        sites = export.lists.get("dcim/sites", [])
        self.region = {_first(row, _NAME): _first(row, _REGION) for row in sites}

    def rows(self) -> list[tuple[ExportRow, ColumnMap]]:
        rows: list[tuple[ExportRow, ColumnMap]] = []
        for endpoint, kinds in LIST_KINDS.items():
            if self.kind not in kinds:
                continue
            listed = self.export.lists.get(endpoint, [])
            # A device list gives several kinds: its skipped rows are noted with the first.
            noting = _kinds_of(endpoint, listed)[:1] == (self.kind,)
            for row in listed:
                if row.place.file not in self.files or not self.ours(row, noting):
                    continue
                column_map = LISTS[endpoint]
                if endpoint == "dcim/devices":
                    found, _ = _device_map(row)
                    if found is None or found.kind != self.kind:
                        if found is None and noting:
                            role = _first(row, _ROLE) or "(none)"
                            self.skip(
                                row, Message("issue.part.skip.device_role", {"role": repr(role)})
                            )
                        continue
                    column_map = found
                    row = self.with_height(row)
                if endpoint == "dcim/sites":
                    row = self.with_racks(row)
                rows.append((row, column_map))
        for (path, why), count in self.skipped.items():
            self.notes.append(
                skipped_rows_note(NAME, path, None, count, why, self.municipality, self.kind)
            )
        return rows

    def skip(self, row: ExportRow, why: Message) -> None:
        key = (row.place.file, why)
        self.skipped[key] = self.skipped.get(key, 0) + 1

    def ours(self, row: ExportRow, noting: bool = True) -> bool:
        """True for a row of this municipality: its tenant, else its (site's) region,
        names the folder's municipality, or it has neither."""
        owner = (
            _first(row, _TENANT) or _first(row, _REGION) or self.region.get(_first(row, _SITE), "")
        )
        if not owner or fold_name(self.municipality) in fold_name(owner):
            return True
        if noting:
            self.skip(
                row,
                Message(
                    "issue.part.skip.other_owner",
                    {"owner": repr(owner), "municipality": repr(self.municipality)},
                ),
            )
        return False

    def heights(self) -> dict[tuple[str, str], float]:
        heights: dict[tuple[str, str], float] = {}
        for row in self.export.lists.get("dcim/device-types", []):
            height = _number(_first(row, _HEIGHT))
            if height is not None:
                heights[
                    (fold_name(_first(row, _MAKER)), fold_name(_first(row, ("Model", "model"))))
                ] = height
        return heights

    def height_of(self, row: ExportRow) -> float | None:
        return self.heights().get((fold_name(_first(row, _MAKER)), fold_name(_first(row, _MODEL))))

    def with_height(self, row: ExportRow) -> ExportRow:
        height = self.height_of(row)
        if height is None:
            return row
        return ExportRow({**row.values, DEVICE_HEIGHT: _shown(height)}, row.place, row.positions)

    def with_racks(self, row: ExportRow) -> ExportRow:
        """A site's row with its number of racks and free rack units."""
        site = _first(row, _NAME)
        racks = [
            rack for rack in self.export.lists.get("dcim/racks", []) if _first(rack, _SITE) == site
        ]
        values = dict(row.values)
        if racks:
            values[RACKS_COUNTED] = str(len(racks))
        heights = [_number(_first(rack, _HEIGHT)) for rack in racks]
        mounted = [
            device
            for device in self.export.lists.get("dcim/devices", [])
            if _first(device, _SITE) == site and _first(device, _RACK) and _first(device, _POSITION)
        ]
        used = [self.height_of(device) for device in mounted]
        if racks and None not in heights and None not in used:
            free = sum(h for h in heights if h is not None) - sum(u for u in used if u is not None)
            values[FREE_UNITS] = _shown(free)
        elif racks:
            self.notes.append(
                Issue(
                    code=IssueCode.MISSING_VALUE,
                    severity=Severity.WARNING,
                    file=str(row.place.file),
                    line=row.place.line,
                    municipality=self.municipality,
                    record_kind="site",
                    value=site,
                    template=template_key(IssueCode.MISSING_VALUE, "free_rack_units"),
                    params={"site": repr(site)},
                )
            )
        return ExportRow(values, row.place, row.positions)


def _number(text: str) -> float | None:
    try:
        return float(text.replace(",", "."))
    except ValueError:
        return None


def _shown(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else str(value)


__all__ = ["NetBoxAdapter", "RowPlace"]
