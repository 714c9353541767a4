"""RVTools: the xlsx export of a vCenter (one workbook, one sheet per tab).

vInfo gives the virtual servers, vHost the hypervisor hosts (both server records, read
as one table), vCluster the clusters (hypervisor platform records running on the
cluster) and vDatastore the datastores (storage records). Memory and disk are in MiB
(RVTools 4.x headers say ``MiB``; older versions wrote ``MB`` for the same binary
figure). The other tabs (vCPU, vMemory, vDisk, vPartition, vNetwork, ...) repeat what
vInfo sums up, or describe parts the inventory has no record for: they are named in an
info note, not read. The tabs may also come as CSV files (RVTools' ``-c ExportAll2csv``
writes ``RVTools_tabvInfo.csv``, ...): they are recognised by their header rows.
Documented in docs/adapters.md#rvtools.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path

from inventory.issues import Issue
from inventory.messages import Message
from inventory.read.adapters.base import (
    Column,
    ColumnMap,
    ExportAdapter,
    ExportRow,
    build_table,
    cell_text,
    probe_header,
    skipped_rows_note,
    table_rows,
)
from inventory.read.kinds import Probe, fold_name
from inventory.read.source import SourceTable

NAME = "rvtools"

#: vInfo's power state to the inventory's status (a VM switched off is kept, not used).
POWER_STATE = {"poweredon": "active", "poweredoff": "standby", "suspended": "standby"}

#: vDatastore's Type to the storage kind: block datastores sit on a SAN (or vSAN), NFS
#: ones on a NAS.
DATASTORE_TYPE = {"vmfs": "san", "vsan": "san", "vvol": "san", "nfs": "nas", "nfs41": "nas"}


def _esx_product(text: str) -> str:
    """``VMware ESXi 7.0.3 build-21930508`` -> ``VMware ESXi``."""
    match = re.match(r"^(.*?)\s+\d", text)
    return match.group(1) if match else text


def _esx_version(text: str) -> str:
    """``VMware ESXi 7.0.3 build-21930508`` -> ``7.0.3``."""
    match = re.search(r"\s(\d+(?:\.\d+)*)", text)
    return match.group(1) if match else ""


def _os_product(text: str) -> str:
    """``Microsoft Windows Server 2019 (64-bit)`` -> ``Microsoft Windows Server 2019``."""
    return re.sub(r"\s*\((?:32|64)-bit\)\s*$", "", text)


#: Sheet -> its column map. Signature: the columns that tell the tab apart.
SHEETS: dict[str, ColumnMap] = {
    "vInfo": ColumnMap(
        "server",
        signature=("VM", "Powerstate", "CPUs", "Memory"),
        columns=(
            Column("id", ("VM",)),
            Column("hostname", ("DNS Name",)),
            Column("kind", constant="virtual"),
            Column("cluster", ("Cluster",)),
            Column("host", ("Host",)),
            Column("cpu_cores", ("CPUs",)),
            Column("ram_gb", ("Memory",), unit="MiB"),
            Column("storage_gb", ("Provisioned MiB", "Provisioned MB"), unit="MiB"),
            Column(
                "os_product",
                ("OS according to the configuration file", "OS according to the VMware Tools"),
                derive=_os_product,
            ),
            Column("ip_address", ("Primary IP Address",)),
            Column("status", ("Powerstate",), values=POWER_STATE),
        ),
    ),
    "vHost": ColumnMap(
        "server",
        signature=("Host", "# Cores", "# Memory"),
        columns=(
            Column("id", ("Host",)),
            Column("hostname", ("Host",)),
            Column("kind", constant="physical"),
            Column("role", constant="hypervisor"),
            Column("cluster", ("Cluster",)),
            Column("vendor", ("Vendor",)),
            Column("model", ("Model",)),
            Column("serial_number", ("Serial number", "Service tag")),
            Column("cpu_cores", ("# Cores",)),
            Column("ram_gb", ("# Memory",), unit="MiB"),
            Column("os_product", ("ESX Version",), derive=_esx_product),
            Column("os_version", ("ESX Version",), derive=_esx_version),
            Column("status", constant="active"),
        ),
    ),
    "vCluster": ColumnMap(
        "platform",
        signature=("Name", "NumHosts", "TotalMemory"),
        columns=(
            Column("id", ("Name",)),
            Column("capability", constant="hypervisor"),
            Column("vendor", constant="VMware"),
            Column("product", constant="VMware vSphere"),
            Column("deployment", constant="on_prem"),
            Column("runs_on", ("Name",)),
        ),
    ),
    "vDatastore": ColumnMap(
        "storage",
        signature=("Name", "Type", "Capacity MiB"),
        columns=(
            Column("id", ("Name",)),
            Column("kind", ("Type",), values=DATASTORE_TYPE),
            Column("capacity_tb", ("Capacity MiB", "Capacity MB"), unit="MiB"),
            Column("used_tb", ("In Use MiB", "In Use MB"), unit="MiB"),
            Column("version", ("Version",)),
        ),
    ),
}

#: RVTools tabs known and not read, and why (named in an info note).
OTHER_TABS = {
    fold_name(tab): why
    for tabs, why in (
        (
            (
                "vCPU",
                "vMemory",
                "vDisk",
                "vPartition",
                "vTools",
                "vSnapshot",
                "vCD",
                "vUSB",
                "vFloppy",
                "vFileInfo",
                "vRP",
            ),
            Message("issue.part.skip.vinfo_sums"),
        ),
        (
            (
                "vNetwork",
                "vNIC",
                "vSwitch",
                "vPort",
                "dvSwitch",
                "dvPort",
                "vSC_VMK",
                "vHBA",
                "vMultiPath",
            ),
            Message("issue.part.skip.networking"),
        ),
        (
            ("vSource", "vLicense", "vHealth", "vMetaData"),
            Message("issue.part.skip.vcenter"),
        ),
    )
    for tab in tabs
}


def _tab(name: str) -> str:
    """A sheet title or CSV file name's tab: ``RVTools_tabvInfo`` -> ``vinfo``."""
    folded = fold_name(name)
    return folded.removeprefix("rvtoolstab")


def _sheet_map(probe: Probe) -> tuple[str, ColumnMap] | None:
    header = probe_header(probe, SHEETS.values())
    if header is None:
        return None
    name = _tab(probe.sheet if probe.sheet is not None else probe.path.stem)
    for sheet, column_map in SHEETS.items():
        if name == fold_name(sheet) and column_map.matches(header):
            return sheet, column_map
    if probe.sheet is None:  # a CSV tab under another name: by its header alone
        for sheet, column_map in SHEETS.items():
            if column_map.matches(header) and sheet != "vCluster":
                return sheet, column_map
    return None


class RVToolsAdapter(ExportAdapter):
    """RVTools xlsx (or its CSV tabs): see the module docstring."""

    name = NAME
    description = "RVTools xlsx: vInfo, vHost, vCluster, vDatastore"

    def recognise(self, probe: Probe) -> str | None:
        found = _sheet_map(probe)
        return None if found is None else found[1].kind

    def not_read_reason(self, probe: Probe) -> Message | None:
        if probe.sheet is None:
            return None
        return OTHER_TABS.get(_tab(probe.sheet))

    def read_sources(
        self, sources: Sequence[tuple[Path, str | None]], kind: str, municipality: str
    ) -> tuple[SourceTable | None, list[Issue]]:
        rows: list[tuple[ExportRow, ColumnMap]] = []
        issues: list[Issue] = []
        for path, sheet in sources:
            read, header, read_issues = table_rows(path, sheet, kind, municipality, SHEETS.values())
            issues.extend(read_issues)
            probe = Probe(path, sheet, (tuple(header),))
            found = _sheet_map(probe)
            if found is None or found[1].kind != kind:
                continue
            templates = 0
            for row in read:
                if found[0] == "vInfo" and cell_text(row.values.get("Template")).lower() == "true":
                    templates += 1  # a template is a VM image to clone, not a server
                    continue
                rows.append((row, found[1]))
            if templates:
                issues.append(
                    skipped_rows_note(
                        NAME,
                        path,
                        sheet,
                        templates,
                        Message("issue.part.skip.vm_templates"),
                        municipality,
                        kind,
                    )
                )
        if not rows and any(issue.severity == "error" for issue in issues):
            return None, issues
        return build_table(NAME, kind, municipality, rows), issues
