"""Proxmox VE: ``pvesh get /cluster/resources --output-format json`` (or ``json-pretty``,
or the API's own answer ``{"data": [...]}``).

One JSON list of the cluster's resources, each with a ``type``: ``node`` (a hypervisor
host: physical server), ``qemu`` and ``lxc`` (a virtual machine or container: virtual
server, on its ``node``), ``storage`` (one entry per node and storage; a shared storage
such as NFS or Ceph is one storage record, a node's local storage is part of the node and
not read) and ``pool``/``sdn`` (not read). Sizes (``maxmem``, ``maxdisk``, ``disk``) are
in bytes. The cluster's name is not in this list, so servers get no ``cluster``.
Documented in docs/adapters.md#proxmox-ve.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from inventory.issues import Issue, IssueCode, template_key
from inventory.messages import Message
from inventory.read.adapters.base import (
    Column,
    ColumnMap,
    ExportAdapter,
    ExportRow,
    build_table,
    cell_text,
    json_rows,
    load_json,
    skipped_rows_note,
)
from inventory.read.kinds import Probe
from inventory.read.source import SourceTable

NAME = "proxmox"

#: A guest's status to the inventory's status.
GUEST_STATUS = {
    "running": "active",
    "stopped": "standby",
    "paused": "standby",
    "suspended": "standby",
}
#: A node's status.
NODE_STATUS = {"online": "active", "offline": "standby", "unknown": "standby"}
#: A storage plugin (``plugintype``) to the storage kind.
STORAGE_PLUGIN = {
    "nfs": "nas",
    "cifs": "nas",
    "glusterfs": "nas",
    "cephfs": "nas",
    "rbd": "san",
    "iscsi": "san",
    "iscsidirect": "san",
    "lvm": "san",
    "zfs": "san",
    "pbs": "backup_target",
}

NODES = ColumnMap(
    "server",
    columns=(
        Column("id", ("node",)),
        Column("hostname", ("node",)),
        Column("kind", constant="physical"),
        Column("role", constant="hypervisor"),
        Column("cpu_cores", ("maxcpu",)),
        Column("ram_gb", ("maxmem",), unit="B"),
        Column("storage_gb", ("maxdisk",), unit="B"),
        Column("os_product", constant="Proxmox VE"),
        Column("status", ("status",), values=NODE_STATUS),
    ),
)
GUESTS = ColumnMap(
    "server",
    columns=(
        Column("id", ("name",)),
        Column("hostname", ("name",)),
        Column("kind", constant="virtual"),
        Column("host", ("node",)),
        Column("cpu_cores", ("maxcpu",)),
        Column("ram_gb", ("maxmem",), unit="B"),
        Column("storage_gb", ("maxdisk",), unit="B"),
        Column("status", ("status",), values=GUEST_STATUS),
    ),
)
STORAGE = ColumnMap(
    "storage",
    columns=(
        Column("id", ("storage",)),
        Column("kind", ("plugintype",), values=STORAGE_PLUGIN),
        Column("capacity_tb", ("maxdisk",), unit="B"),
        Column("used_tb", ("disk",), unit="B"),
    ),
)

_TYPES = {"node", "qemu", "lxc", "storage", "pool", "sdn", "network"}


def resources(document: Any) -> tuple[list[Any], str] | None:
    """The resource list of a ``/cluster/resources`` answer and its JSON path, or None
    when the document is not one."""
    items, path = document, "$"
    if isinstance(document, dict) and isinstance(document.get("data"), list):
        items, path = document["data"], "$.data"
    if not isinstance(items, list) or not items:
        return None
    typed = [
        item
        for item in items
        if isinstance(item, dict) and item.get("type") in _TYPES and isinstance(item.get("id"), str)
    ]
    return (items, path) if len(typed) == len(items) else None


class ProxmoxAdapter(ExportAdapter):
    """Proxmox VE ``/cluster/resources``: see the module docstring."""

    name = NAME
    description = "Proxmox VE pvesh get /cluster/resources (JSON)"

    def recognise_kinds(self, probe: Probe) -> tuple[str, ...]:
        if probe.sheet is not None or probe.path.suffix.lower() != ".json":
            return ()
        document, issue = load_json(probe.path)
        found = None if issue is not None else resources(document)
        if found is None:
            return ()
        types = {item["type"] for item in found[0]}
        kinds = ["server"] if types & {"node", "qemu", "lxc"} else []
        return (*kinds, *(["storage"] if "storage" in types else []))

    def read_sources(
        self, sources: Sequence[tuple[Path, str | None]], kind: str, municipality: str
    ) -> tuple[SourceTable | None, list[Issue]]:
        rows: list[tuple[ExportRow, ColumnMap]] = []
        issues: list[Issue] = []
        for path, _ in sources:
            document, issue = load_json(path, municipality)
            found = None if issue is not None else resources(document)
            if issue is not None or found is None:
                issues.append(
                    issue
                    or Issue(
                        code=IssueCode.INVALID_JSON,
                        file=str(path),
                        municipality=municipality,
                        template=template_key(IssueCode.INVALID_JSON, "not_cluster_resources"),
                        params={"name": path.name},
                    )
                )
                continue
            rows_here, skipped = _rows(path, *found, kind)
            rows.extend(rows_here)
            for why, count in skipped.items():
                issues.append(skipped_rows_note(NAME, path, None, count, why, municipality, kind))
        if not rows and issues:
            return None, issues
        return build_table(NAME, kind, municipality, rows), issues


def _rows(
    path: Path, items: list[Any], json_path: str, kind: str
) -> tuple[list[tuple[ExportRow, ColumnMap]], dict[Message, int]]:
    rows: list[tuple[ExportRow, ColumnMap]] = []
    skipped: dict[Message, int] = {}
    seen_storage: set[str] = set()

    def skip(why: Message) -> None:
        skipped[why] = skipped.get(why, 0) + 1

    for row in json_rows(path, items, json_path):
        kind_of = row.values.get("type")
        if kind == "server" and kind_of == "node":
            rows.append((row, NODES))
        elif kind == "server" and kind_of in ("qemu", "lxc"):
            if cell_text(row.values.get("template")) in ("1", "true"):
                skip(Message("issue.part.skip.proxmox_templates"))
            else:
                rows.append((row, GUESTS))
        elif kind == "storage" and kind_of == "storage":
            name = cell_text(row.values.get("storage"))
            if cell_text(row.values.get("shared")) not in ("1", "true"):
                skip(Message("issue.part.skip.local_storage"))
            elif name in seen_storage:
                skip(Message("issue.part.skip.shared_storage"))
            else:
                seen_storage.add(name)
                rows.append((row, STORAGE))
    return rows, skipped
