"""Hyper-V: ``Get-VM | Export-Csv`` (Windows PowerShell writes a ``#TYPE
Microsoft.HyperV.PowerShell.VirtualMachine`` line above the header unless
``-NoTypeInformation`` is given; the reader skips it).

One row per virtual machine of the host (or cluster node) the command ran on: virtual
server records. Memory properties (``MemoryStartup``, ``MemoryAssigned``) are in bytes.
Disk sizes are not in Get-VM's output (``HardDrives`` is a collection, written as its
type name), so ``storage_gb`` stays empty. Documented in docs/adapters.md#hyper-v.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from inventory.issues import Issue
from inventory.read.adapters.base import (
    Column,
    ColumnMap,
    ExportAdapter,
    ExportRow,
    build_table,
    cell_text,
    probe_header,
    table_rows,
)
from inventory.read.kinds import Probe
from inventory.read.source import SourceTable

NAME = "hyperv"

#: Get-VM's State to the inventory's status (a saved or paused VM is kept, not in use).
VM_STATE = {
    "running": "active",
    "off": "standby",
    "saved": "standby",
    "paused": "standby",
    "starting": "active",
    "stopping": "active",
}

VIRTUAL_MACHINES = ColumnMap(
    "server",
    signature=("VMName", "VMId", "ProcessorCount", "MemoryStartup", "ComputerName"),
    columns=(
        Column("id", ("VMName", "Name")),
        Column("kind", constant="virtual"),
        Column("host", ("ComputerName",)),
        Column("cpu_cores", ("ProcessorCount",)),
        Column("ram_gb", ("MemoryStartup",), unit="B"),
        Column("status", ("State",), values=VM_STATE),
    ),
)

#: The Hyper-V host a VM runs on (``ComputerName``): a hypervisor host record, placed at
#: the first VM that names it (Get-VM says nothing else of the host).
HOSTS = ColumnMap(
    "server",
    columns=(
        Column("id", ("ComputerName",)),
        Column("hostname", ("ComputerName",)),
        Column("kind", constant="physical"),
        Column("role", constant="hypervisor"),
        Column("os_product", constant="Microsoft Hyper-V"),
    ),
)


class HyperVAdapter(ExportAdapter):
    """Hyper-V ``Get-VM | Export-Csv``: see the module docstring."""

    name = NAME
    description = "Hyper-V Get-VM | Export-Csv"

    def recognise(self, probe: Probe) -> str | None:
        header = probe_header(probe, (VIRTUAL_MACHINES,))
        if probe.sheet is None and header is not None and VIRTUAL_MACHINES.matches(header):
            return "server"
        return None

    def read_sources(
        self, sources: Sequence[tuple[Path, str | None]], kind: str, municipality: str
    ) -> tuple[SourceTable | None, list[Issue]]:
        rows: list[tuple[ExportRow, ColumnMap]] = []
        issues: list[Issue] = []
        hosts: set[str] = set()
        for path, sheet in sources:
            read, _, read_issues = table_rows(path, sheet, kind, municipality, (VIRTUAL_MACHINES,))
            issues.extend(read_issues)
            for row in read:
                rows.append((row, VIRTUAL_MACHINES))
                host = cell_text(row.values.get("ComputerName"))
                if host and host not in hosts:  # the host, known by its name only
                    hosts.add(host)
                    rows.append((row, HOSTS))
        if not rows and any(issue.severity == "error" for issue in issues):
            return None, issues
        return build_table(NAME, kind, municipality, rows), issues
