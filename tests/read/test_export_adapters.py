"""The RVTools, Hyper-V, Proxmox and NetBox adapters on realistic, untouched exports
(tests/data/exports/<tool>/, layouts and sources in tests/data/README.md).

Each fixture folder is imported by the CLI into a temporary SQLite store, and the stored
records are compared field by field with values written here by hand (unit conversions
worked out in the comments). A broken value in a copy of a fixture is an error at its
place in the export (sheet, row and column, or JSON path), and nothing is stored.
"""

from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path
from typing import Any

import openpyxl
import pandas as pd
import sqlalchemy

from inventory.issues import IssueCode, Severity
from inventory.store import InventoryStore
from inventory.validate import validate_paths
from tests.helpers import Outcome, run_main

EXPORTS = Path(__file__).resolve().parents[1] / "data" / "exports"
MiB = 2**20
GiB = 2**30


def _import(folder: Path, tmp_path: Path) -> tuple[Outcome, str]:
    url = f"sqlite:///{tmp_path / 'store.db'}"
    return run_main("--db", url, "import", str(folder)), url


def _records(url: str, kind: str) -> dict[str, dict[str, Any]]:
    with InventoryStore(url) as store:
        frame = store.records(kind)
    return {
        str(row["id"]): {
            str(key): (None if _missing(value) else value) for key, value in row.items()
        }
        for row in frame.to_dict("records")
    }


def _missing(value: Any) -> bool:
    return not isinstance(value, list | tuple) and bool(pd.isna(value))


def _subset(record: dict[str, Any], expected: dict[str, Any]) -> dict[str, Any]:
    return {key: record.get(key) for key in expected}


def _close(actual: Any, expected: float) -> bool:
    return actual is not None and abs(float(actual) - expected) < 1e-6


# --- RVTools ----------------------------------------------------------------------------

#: vInfo as RVTools 4.x writes it (a subset of its 90-odd columns, in RVTools' order).
VINFO_HEADER = [
    "VM",
    "Powerstate",
    "Template",
    "SRM Placeholder",
    "Config status",
    "DNS Name",
    "Connection state",
    "Guest state",
    "Heartbeat",
    "PowerOn",
    "CPUs",
    "Memory",
    "NICs",
    "Disks",
    "Total disk capacity MiB",
    "EnableUUID",
    "CBT",
    "Primary IP Address",
    "Network #1",
    "Provisioned MiB",
    "In Use MiB",
    "Unshared MiB",
    "HA Restart Priority",
    "Annotation",
    "Datacenter",
    "Cluster",
    "Host",
    "OS according to the configuration file",
    "OS according to the VMware Tools",
    "VM ID",
    "VM UUID",
    "VI SDK Server",
]
VINFO_ROWS = [
    [
        "gno-dc01",
        "poweredOn",
        False,
        False,
        "green",
        "gno-dc01.gnosjo.local",
        "connected",
        "running",
        "green",
        dt.datetime(2024, 10, 1, 6, 2),
        2,
        8192,
        1,
        1,
        81920,
        True,
        False,
        "10.61.10.11",
        "VLAN10-Server",
        86016,
        61440,
        61440,
        "medium",
        "Domänkontrollant",
        "DC-Gnosjö",
        "Kluster-Rådhuset",
        "esx01.gnosjo.local",
        "Microsoft Windows Server 2022 (64-bit)",
        "Microsoft Windows Server 2022 (64-bit)",
        "vm-1001",
        "4211a0c1-0001-4b7e-9c31-5f0d8a1b2c01",
        "vcenter.gnosjo.local",
    ],
    [
        "gno-procapita01",
        "poweredOn",
        False,
        False,
        "green",
        "gno-procapita01.gnosjo.local",
        "connected",
        "running",
        "green",
        dt.datetime(2024, 10, 1, 6, 5),
        8,
        32768,
        1,
        2,
        409600,
        True,
        True,
        "10.61.10.25",
        "VLAN10-Server",
        419840,
        301056,
        301056,
        "high",
        "Procapita IFO/ÄO",
        "DC-Gnosjö",
        "Kluster-Rådhuset",
        "esx02.gnosjo.local",
        "Microsoft Windows Server 2019 (64-bit)",
        "Microsoft Windows Server 2019 (64-bit)",
        "vm-1002",
        "4211a0c1-0002-4b7e-9c31-5f0d8a1b2c02",
        "vcenter.gnosjo.local",
    ],
    [
        "gno-gammal-ekonomi",
        "poweredOff",
        False,
        False,
        "green",
        "",
        "connected",
        "notRunning",
        "gray",
        None,
        4,
        16384,
        1,
        1,
        204800,
        False,
        False,
        "",
        "VLAN10-Server",
        208896,
        102400,
        102400,
        "medium",
        "Raindance, ska avvecklas",
        "DC-Gnosjö",
        "Kluster-Rådhuset",
        "esx02.gnosjo.local",
        "Microsoft Windows Server 2012 R2 (64-bit)",
        "",
        "vm-1003",
        "4211a0c1-0003-4b7e-9c31-5f0d8a1b2c03",
        "vcenter.gnosjo.local",
    ],
    [
        "mall-win2022",
        "poweredOff",
        True,
        False,
        "green",
        "",
        "connected",
        "notRunning",
        "gray",
        None,
        2,
        4096,
        1,
        1,
        61440,
        False,
        False,
        "",
        "VLAN10-Server",
        65536,
        20480,
        20480,
        "medium",
        "Mall",
        "DC-Gnosjö",
        "Kluster-Rådhuset",
        "esx01.gnosjo.local",
        "Microsoft Windows Server 2022 (64-bit)",
        "",
        "vm-1004",
        "4211a0c1-0004-4b7e-9c31-5f0d8a1b2c04",
        "vcenter.gnosjo.local",
    ],
]
VHOST_HEADER = [
    "Host",
    "Datacenter",
    "Cluster",
    "Config status",
    "in Maintenance Mode",
    "CPU Model",
    "Speed",
    "# CPU",
    "Cores per CPU",
    "# Cores",
    "CPU usage %",
    "# Memory",
    "Memory usage %",
    "# NICs",
    "# HBAs",
    "# VMs",
    "# vCPUs",
    "vRAM",
    "ESX Version",
    "Vendor",
    "Model",
    "Serial number",
    "Service tag",
    "BIOS Version",
    "Object ID",
    "UUID",
    "VI SDK Server",
]
VHOST_ROWS = [
    [
        "esx01.gnosjo.local",
        "DC-Gnosjö",
        "Kluster-Rådhuset",
        "green",
        False,
        "Intel(R) Xeon(R) Gold 6338 CPU @ 2.00GHz",
        2000,
        2,
        32,
        64,
        14,
        524288,
        41,
        4,
        2,
        2,
        4,
        12288,
        "VMware ESXi 7.0.3 build-21930508",
        "Dell Inc.",
        "PowerEdge R750",
        "4XQ2JK3",
        "4XQ2JK3",
        "1.9.2",
        "host-21",
        "4c4c4544-0058-5110-8032-b4c04f4a4b33",
        "vcenter.gnosjo.local",
    ],
    [
        "esx02.gnosjo.local",
        "DC-Gnosjö",
        "Kluster-Rådhuset",
        "green",
        False,
        "Intel(R) Xeon(R) Gold 6338 CPU @ 2.00GHz",
        2000,
        2,
        32,
        64,
        22,
        524288,
        56,
        4,
        2,
        2,
        12,
        49152,
        "VMware ESXi 7.0.3 build-21930508",
        "Dell Inc.",
        "PowerEdge R750",
        "4XQ2JK4",
        "4XQ2JK4",
        "1.9.2",
        "host-22",
        "4c4c4544-0058-5110-8032-b4c04f4a4b34",
        "vcenter.gnosjo.local",
    ],
]
VCLUSTER_HEADER = [
    "Name",
    "Config status",
    "OverallStatus",
    "NumHosts",
    "numEffectiveHosts",
    "TotalCpu",
    "NumCpuCores",
    "NumCpuThreads",
    "Effective Cpu",
    "TotalMemory",
    "Effective Memory",
    "HA enabled",
    "Failover Level",
    "DRS enabled",
    "DRS default VM behavior",
    "Datacenter",
    "Object ID",
    "VI SDK Server",
]
VCLUSTER_ROWS = [
    [
        "Kluster-Rådhuset",
        "green",
        "green",
        2,
        2,
        256000,
        128,
        256,
        240000,
        1099511627776,
        1030792151040,
        True,
        1,
        True,
        "fullyAutomated",
        "DC-Gnosjö",
        "domain-c8",
        "vcenter.gnosjo.local",
    ]
]
VDATASTORE_HEADER = [
    "Name",
    "Config status",
    "Address",
    "Accessible",
    "Type",
    "# VMs total",
    "# VMs",
    "Capacity MiB",
    "Provisioned MiB",
    "In Use MiB",
    "Free MiB",
    "Free %",
    "SIOC enabled",
    "# Hosts",
    "Hosts",
    "Cluster name",
    "Block size",
    "Version",
    "Datacenter",
    "Object ID",
    "URL",
]
VDATASTORE_ROWS = [
    [
        "DS-Unity-01",
        "green",
        "",
        True,
        "VMFS",
        3,
        3,
        4194304,
        3145728,
        2097152,
        2097152,
        50,
        False,
        2,
        "esx01.gnosjo.local, esx02.gnosjo.local",
        "",
        1,
        "6.82",
        "DC-Gnosjö",
        "datastore-31",
        "ds:///vmfs/volumes/63a1b2c3-d4e5f6a7-1b2c-3d4e5f6a7b8c/",
    ],
    [
        "NFS-Backup",
        "green",
        "10.61.20.5:/backup",
        True,
        "NFS",
        0,
        0,
        8388608,
        1048576,
        524288,
        7864320,
        94,
        False,
        2,
        "esx01.gnosjo.local, esx02.gnosjo.local",
        "",
        "",
        "3",
        "DC-Gnosjö",
        "datastore-32",
        "ds:///vmfs/volumes/2a1b3c4d-5e6f7a8b/",
    ],
]
#: Tabs not read (a header each, as in the export).
OTHER_SHEETS = {
    "vCPU": ["VM", "Powerstate", "Template", "CPUs", "Sockets", "Cores p/s", "Max", "Overall"],
    "vDisk": ["VM", "Powerstate", "Template", "Disk", "Capacity MiB", "Raw", "Disk Mode"],
    "vSource": ["Name", "OS type", "API type", "API version", "Version", "Build", "Fullname"],
    "vLicense": ["Name", "Key", "Labels", "Cost Unit", "Total", "Used", "Expiration Date"],
    "vMetaData": ["RVTools major version", "RVTools version", "xlsx creation datetime"],
}


def build_rvtools(path: Path, *, memory: Any = None) -> Path:
    """An RVTools export as RVTools writes it: vInfo first, the other tabs after, numbers
    as numbers. ``memory`` replaces gno-procapita01's Memory cell (a broken value)."""
    workbook = openpyxl.Workbook()
    sheets: list[tuple[str, list[Any], list[list[Any]]]] = [
        ("vInfo", VINFO_HEADER, [list(row) for row in VINFO_ROWS]),
        ("vCPU", OTHER_SHEETS["vCPU"], [["gno-dc01", "poweredOn", False, 2, 1, 2, 0, 120]]),
        (
            "vDisk",
            OTHER_SHEETS["vDisk"],
            [["gno-dc01", "poweredOn", False, "Hard disk 1", 81920, False, "persistent"]],
        ),
        (
            "vSource",
            OTHER_SHEETS["vSource"],
            [
                [
                    "vcenter.gnosjo.local",
                    "linux-x64",
                    "VirtualCenter",
                    "7.0.3",
                    "7.0.3",
                    "22357613",
                    "VMware vCenter Server 7.0.3",
                ]
            ],
        ),
        ("vCluster", VCLUSTER_HEADER, VCLUSTER_ROWS),
        ("vHost", VHOST_HEADER, VHOST_ROWS),
        ("vDatastore", VDATASTORE_HEADER, VDATASTORE_ROWS),
        (
            "vLicense",
            OTHER_SHEETS["vLicense"],
            [["VMware vSphere 7 Standard", "XXXXX", "", "cpuPackage", 4, 4, ""]],
        ),
        ("vMetaData", OTHER_SHEETS["vMetaData"], [[4, "4.6.1.0", "2024-11-04 08:12"]]),
    ]
    if memory is not None:
        sheets[0][2][1][VINFO_HEADER.index("Memory")] = memory
    workbook.remove(workbook.active)
    for title, header, rows in sheets:
        sheet = workbook.create_sheet(title)
        sheet.append(header)
        for row in rows:
            sheet.append(row)
    workbook.save(path)
    return path


def _folder(tmp_path: Path, tool: str, name: str) -> Path:
    folder = tmp_path / name
    shutil.copytree(EXPORTS / tool, folder)
    return folder


def test_an_rvtools_workbook_imports_as_it_comes_and_matches_field_by_field(tmp_path: Path) -> None:
    folder = _folder(tmp_path, "rvtools", "gnosjo")
    build_rvtools(folder / "RVTools_export_all_2024-11-04_08.12.33.xlsx")
    outcome, url = _import(folder, tmp_path)
    assert outcome.code == 0, outcome.text
    servers = _records(url, "server")
    # the template (mall-win2022) is no server: 3 VMs + 2 hosts
    assert sorted(servers) == [
        "esx01.gnosjo.local",
        "esx02.gnosjo.local",
        "gno-dc01",
        "gno-gammal-ekonomi",
        "gno-procapita01",
    ]
    procapita = servers["gno-procapita01"]
    assert _subset(
        procapita,
        {
            "hostname": 0,
            "kind": 0,
            "cluster": 0,
            "host": 0,
            "cpu_cores": 0,
            "os_product": 0,
            "ip_address": 0,
            "status": 0,
        },
    ) == {
        "hostname": "gno-procapita01.gnosjo.local",
        "kind": "virtual",
        "cluster": "Kluster-Rådhuset",
        "host": "esx02.gnosjo.local",
        "cpu_cores": 8,
        "os_product": "Microsoft Windows Server 2019",
        "ip_address": "10.61.10.25",
        "status": "active",
    }
    assert _close(procapita["ram_gb"], 32768 / 1024)  # 32768 MiB = 32 GB (JEDEC)
    # storage is decimal: 419840 MiB * 2^20 B / 10^9 = 440.234 GB
    assert _close(procapita["storage_gb"], 419840 * MiB / 1e9)
    assert servers["gno-dc01"]["ram_gb"] == 8  # 8192 MiB = 8 GB
    assert servers["gno-gammal-ekonomi"]["status"] == "standby"  # poweredOff
    assert servers["gno-gammal-ekonomi"]["hostname"] is None
    host = servers["esx02.gnosjo.local"]
    assert _subset(
        host,
        {
            "kind": 0,
            "role": 0,
            "cluster": 0,
            "vendor": 0,
            "model": 0,
            "serial_number": 0,
            "cpu_cores": 0,
            "os_product": 0,
            "os_version": 0,
        },
    ) == {
        "kind": "physical",
        "role": "hypervisor",
        "cluster": "Kluster-Rådhuset",
        "vendor": "Dell Inc.",
        "model": "PowerEdge R750",
        "serial_number": "4XQ2JK4",
        "cpu_cores": 64,
        "os_product": "VMware ESXi",
        "os_version": "7.0.3",
    }
    assert host["ram_gb"] == 512  # 524288 MiB / 1024 = 512 GB
    platform = _records(url, "platform")["Kluster-Rådhuset"]
    assert _subset(platform, {"capability": 0, "vendor": 0, "product": 0, "deployment": 0}) == {
        "capability": "hypervisor",
        "vendor": "VMware",
        "product": "VMware vSphere",
        "deployment": "on_prem",
    }
    assert list(platform["runs_on"]) == ["Kluster-Rådhuset"]
    storage = _records(url, "storage")
    assert {key: value["kind"] for key, value in storage.items()} == {
        "DS-Unity-01": "san",
        "NFS-Backup": "nas",
    }
    # 4194304 MiB * 2^20 / 10^12 = 4.398 TB; in use 2097152 MiB = 2.199 TB
    assert _close(storage["DS-Unity-01"]["capacity_tb"], 4194304 * MiB / 1e12)
    assert _close(storage["DS-Unity-01"]["used_tb"], 2097152 * MiB / 1e12)
    assert storage["DS-Unity-01"]["version"] == "6.82"


def test_rvtools_tabs_not_read_are_named_in_notes_not_skipped_silently(tmp_path: Path) -> None:
    folder = _folder(tmp_path, "rvtools", "gnosjo")
    build_rvtools(folder / "RVTools_export_all.xlsx")
    report = validate_paths([folder]).report
    assert report.valid, [issue.message for issue in report.issues]
    notes = {
        issue.sheet
        for issue in report.issues
        if issue.code is IssueCode.SKIPPED_PATH
        and issue.severity is Severity.INFO
        and "not read" in issue.message
    }
    assert {"vCPU", "vDisk", "vSource", "vLicense", "vMetaData"} <= notes
    template = [issue for issue in report.issues if "templates" in issue.message]
    assert [(issue.sheet, issue.value) for issue in template] == [("vInfo", "1")]


def test_a_broken_rvtools_value_is_an_error_at_its_sheet_row_and_column_and_nothing_is_stored(
    tmp_path: Path,
) -> None:
    folder = _folder(tmp_path, "rvtools", "gnosjo")
    build_rvtools(folder / "RVTools_export_all.xlsx", memory="32 GX")
    report = validate_paths([folder]).report
    errors = [issue for issue in report.issues if issue.severity is Severity.ERROR]
    assert len(errors) == 1, [issue.message for issue in errors]
    error = errors[0]
    # gno-procapita01 is vInfo's second data row, sheet row 3; Memory is column 12
    assert (error.code, error.sheet, error.line, error.row, error.column, error.column_index) == (
        IssueCode.INVALID_NUMBER,
        "vInfo",
        3,
        2,
        "Memory",
        12,
    )
    assert error.file is not None and error.file.endswith("RVTools_export_all.xlsx")
    outcome, url = _import(folder, tmp_path)
    assert outcome.code == 1
    with InventoryStore(url) as store:
        assert store.records("server").empty
        assert store.records("municipality").empty


# --- Hyper-V ----------------------------------------------------------------------------


def test_a_hyperv_get_vm_export_imports_with_its_type_line(tmp_path: Path) -> None:
    folder = _folder(tmp_path, "hyperv", "tynset")
    outcome, url = _import(folder, tmp_path)
    assert outcome.code == 0, outcome.text
    servers = _records(url, "server")
    assert sorted(servers) == [
        "HV-TYNSET01",
        "HV-TYNSET02",
        "tyn-dc01",
        "tyn-fil01",
        "tyn-gerica01",
        "tyn-sak01",
    ]
    gerica = servers["tyn-gerica01"]
    assert _subset(gerica, {"kind": 0, "host": 0, "cpu_cores": 0, "status": 0}) == {
        "kind": "virtual",
        "host": "HV-TYNSET01",
        "cpu_cores": 8,
        "status": "active",
    }
    assert gerica["ram_gb"] == 16  # MemoryStartup 17179869184 B / 2^30 = 16 GB
    assert servers["tyn-sak01"]["ram_gb"] == 8  # 8589934592 B / 2^30
    assert servers["tyn-fil01"]["ram_gb"] == 6  # 6442450944 B / 2^30
    assert servers["tyn-sak01"]["status"] == "standby"  # Off
    assert servers["tyn-fil01"]["status"] == "standby"  # Saved
    assert _subset(servers["HV-TYNSET02"], {"kind": 0, "role": 0, "os_product": 0}) == {
        "kind": "physical",
        "role": "hypervisor",
        "os_product": "Microsoft Hyper-V",
    }


def test_a_broken_hyperv_value_is_an_error_at_its_line_and_column(tmp_path: Path) -> None:
    folder = _folder(tmp_path, "hyperv", "tynset")
    export = folder / "Get-VM_HV-TYNSET.csv"
    text = export.read_text()
    export.write_text(text.replace('"17179869184","False"', '"16 GB RAM","False"', 1))
    report = validate_paths([folder]).report
    errors = [issue for issue in report.issues if issue.severity is Severity.ERROR]
    assert len(errors) == 1, [issue.message for issue in errors]
    # line 1 #TYPE, line 2 header, tyn-gerica01 on line 4 (its second data row)
    header = text.splitlines()[1].split(",")
    column = header.index('"MemoryStartup"') + 1
    assert (errors[0].line, errors[0].row, errors[0].column, errors[0].column_index) == (
        4,
        2,
        "MemoryStartup",
        column,
    )


# --- Proxmox VE -------------------------------------------------------------------------


def test_a_proxmox_cluster_resources_dump_imports(tmp_path: Path) -> None:
    folder = _folder(tmp_path, "proxmox", "alvdal")
    outcome, url = _import(folder, tmp_path)
    assert outcome.code == 0, outcome.text
    servers = _records(url, "server")
    # 2 nodes, 3 VMs and a container; the template mal-windows2022 is left out
    assert sorted(servers) == [
        "alv-dc01",
        "alv-ephorte01",
        "alv-overvaking",
        "alv-visma01",
        "pve-alvdal01",
        "pve-alvdal02",
    ]
    node = servers["pve-alvdal01"]
    assert _subset(node, {"kind": 0, "role": 0, "cpu_cores": 0, "os_product": 0, "status": 0}) == {
        "kind": "physical",
        "role": "hypervisor",
        "cpu_cores": 32,
        "os_product": "Proxmox VE",
        "status": "active",
    }
    assert _close(node["ram_gb"], 270415560704 / GiB)  # 251.84 GB (memory: 1 GB = 2^30 B)
    assert _close(node["storage_gb"], 100861726720 / 1e9)  # 100.86 GB (decimal)
    ephorte = servers["alv-ephorte01"]
    assert _subset(ephorte, {"kind": 0, "host": 0, "cpu_cores": 0, "status": 0}) == {
        "kind": "virtual",
        "host": "pve-alvdal01",
        "cpu_cores": 8,
        "status": "active",
    }
    assert ephorte["ram_gb"] == 16  # 17179869184 B / 2^30
    assert _close(ephorte["storage_gb"], 214748364800 / 1e9)  # 200 GiB = 214.75 GB
    assert servers["alv-visma01"]["status"] == "standby"  # stopped
    storage = _records(url, "storage")
    # local storage is part of its node; the shared ceph-vm is listed per node, read once
    assert sorted(storage) == ["ceph-vm", "pbs-alvdal"]
    assert storage["ceph-vm"]["kind"] == "san" and storage["pbs-alvdal"]["kind"] == (
        "backup_target"
    )
    assert _close(storage["ceph-vm"]["capacity_tb"], 11544872091648 / 1e12)  # 10.5 TiB
    assert _close(storage["ceph-vm"]["used_tb"], 2748779069440 / 1e12)  # 2.5 TiB


def test_a_broken_proxmox_value_is_an_error_at_its_json_path(tmp_path: Path) -> None:
    folder = _folder(tmp_path, "proxmox", "alvdal")
    export = folder / "cluster-resources.json"
    document = json.loads(export.read_text())
    document[3]["maxcpu"] = "åtte"  # alv-ephorte01, the list's fourth object
    export.write_text(json.dumps(document))
    report = validate_paths([folder]).report
    errors = [issue for issue in report.issues if issue.severity is Severity.ERROR]
    assert len(errors) == 1, [issue.message for issue in errors]
    assert (errors[0].column, errors[0].row, errors[0].value) == ("$[3].maxcpu", 4, "åtte")
    outcome, url = _import(folder, tmp_path)
    assert outcome.code == 1
    with InventoryStore(url) as store:
        assert store.records("server").empty


def test_a_json_file_that_does_not_parse_is_named(tmp_path: Path) -> None:
    folder = _folder(tmp_path, "proxmox", "alvdal")
    (folder / "cluster-resources.json").write_text('[{"id": "node/pve1", "type": "node",')
    report = validate_paths([folder]).report
    unknown = [issue for issue in report.issues if issue.severity is Severity.ERROR]
    assert [issue.code for issue in unknown] == [IssueCode.UNKNOWN_FILE]


# --- NetBox -----------------------------------------------------------------------------


def test_a_netbox_csv_export_set_imports_with_the_tenant_as_municipality(tmp_path: Path) -> None:
    folder = _folder(tmp_path, "netbox/vaggeryd", "vaggeryd")
    outcome, url = _import(folder, tmp_path)
    assert outcome.code == 0, outcome.text
    sites = _records(url, "site")
    # Värnamo's site (another tenant) is not read
    assert sorted(sites) == ["Kommunhuset Vaggeryd serverrum", "Skillingaryd skola"]
    main = sites["Kommunhuset Vaggeryd serverrum"]
    assert _subset(main, {"kind": 0, "address": 0, "racks_total": 0}) == {
        "kind": "server_room",
        "address": "Västra Storgatan 14, 568 80 Skillingaryd",
        "racks_total": 2,
    }
    # racks A1 + A2 = 42 + 42 = 84 U; mounted: esx01 2 + esx02 2 + core01 1 (A1),
    # backup01 1 + san01 2 + fw01 1 (A2) = 9 U; the PDU has no position: 84 - 9 = 75
    assert main["rack_units_free"] == 84 - (2 + 2 + 1 + 1 + 2 + 1)
    school = sites["Skillingaryd skola"]
    assert (school["racks_total"], school["rack_units_free"]) == (1, 12 - 1)
    servers = _records(url, "server")
    assert sorted(servers) == [
        "vag-backup01",
        "vag-dc01",
        "vag-ecos01",
        "vag-esx01",
        "vag-esx02",
        "vag-esx03",
        "vag-treserva01",
    ]
    assert _subset(
        servers["vag-esx01"],
        {
            "kind": 0,
            "role": 0,
            "site": 0,
            "cluster": 0,
            "vendor": 0,
            "model": 0,
            "serial_number": 0,
            "ip_address": 0,
            "rack_units": 0,
            "status": 0,
        },
    ) == {
        "kind": "physical",
        "role": "hypervisor",
        "site": "Kommunhuset Vaggeryd serverrum",
        "cluster": "Kluster-Vaggeryd",
        "vendor": "Dell",
        "model": "PowerEdge R750",
        "serial_number": "8HJK2L3",
        "ip_address": "10.65.1.21",
        "rack_units": 2,
        "status": "active",
    }
    assert servers["vag-backup01"]["role"] == "backup"
    assert servers["vag-esx03"]["status"] == "planned"
    assert _subset(
        servers["vag-treserva01"],
        {
            "kind": 0,
            "cluster": 0,
            "cpu_cores": 0,
            "ram_gb": 0,
            "storage_gb": 0,
            "os_product": 0,
            "ip_address": 0,
        },
    ) == {
        "kind": "virtual",
        "cluster": "Kluster-Vaggeryd",
        "cpu_cores": 8,
        "ram_gb": 32768 / 1024,  # Memory (MB) 32768 = 32 GB (memory MB are binary)
        "storage_gb": 500,
        "os_product": "Windows Server 2019",
        "ip_address": "10.65.10.30",
    }
    assert servers["vag-ecos01"]["status"] == "standby"  # Offline
    network = _records(url, "network_device")
    assert {key: (value["role"], value["vendor"]) for key, value in network.items()} == {
        "vag-core01": ("core_switch", "HPE"),
        "vag-fw01": ("firewall", "Fortinet"),
        "sky-sw01": ("access_switch", "Cisco"),
    }
    storage = _records(url, "storage")
    assert _subset(storage["vag-san01"], {"kind": 0, "vendor": 0, "model": 0, "rack_units": 0}) == {
        "kind": "san",
        "vendor": "Dell",
        "model": "PowerStore 500T",
        "rack_units": 2,
    }
    platform = _records(url, "platform")
    assert sorted(platform) == ["Kluster-Vaggeryd"]
    assert platform["Kluster-Vaggeryd"]["product"] == "VMware vSphere"
    links = _records(url, "link")
    assert _subset(
        links["VE-MF-0042"],
        {"a_site": 0, "b_site": 0, "kind": 0, "bandwidth_mbps": 0, "provider": 0},
    ) == {
        "a_site": "Kommunhuset Vaggeryd serverrum",
        "b_site": "Skillingaryd skola",
        "kind": "dark_fibre",
        "bandwidth_mbps": 10_000_000 / 1000,  # Kbps -> Mbit/s
        "provider": "Vaggeryds Energi",
    }
    assert (links["VE-FIB-0107"]["kind"], links["VE-FIB-0107"]["bandwidth_mbps"]) == ("fibre", 1000)


def test_a_netbox_rest_api_dump_imports(tmp_path: Path) -> None:
    folder = _folder(tmp_path, "netbox/nome", "nome")
    outcome, url = _import(folder, tmp_path)
    assert outcome.code == 0, outcome.text
    sites = _records(url, "site")
    assert sorted(sites) == ["Nome rådhus serverrom", "Ulefoss skole"]  # not Bø (other tenant)
    # rack R1 42 U; hv01 2 + hv02 2 + kjerne01 1 + brannmur01 1 + nas01 2 = 8 U mounted
    assert (
        sites["Nome rådhus serverrom"]["racks_total"],
        sites["Nome rådhus serverrom"]["rack_units_free"],
    ) == (1, 42 - 8)
    assert (sites["Ulefoss skole"]["racks_total"], sites["Ulefoss skole"]["rack_units_free"]) == (
        None,
        None,
    )
    servers = _records(url, "server")
    assert sorted(servers) == [
        "nome-elements01",
        "nome-gammel-web",
        "nome-gerica01",
        "nome-hv01",
        "nome-hv02",
    ]
    assert _subset(
        servers["nome-hv01"],
        {
            "kind": 0,
            "role": 0,
            "vendor": 0,
            "model": 0,
            "serial_number": 0,
            "cluster": 0,
            "ip_address": 0,
            "rack_units": 0,
        },
    ) == {
        "kind": "physical",
        "role": "hypervisor",
        "vendor": "HPE",
        "model": "ProLiant DL380 Gen10",
        "serial_number": "CZJ0123ABC",
        "cluster": "Nome-klynge",
        "ip_address": "10.40.1.21",
        "rack_units": 2,
    }
    gerica = servers["nome-gerica01"]
    assert (gerica["cpu_cores"], gerica["ram_gb"], gerica["os_product"]) == (
        8,
        32768 / 1024,
        "Windows Server 2022",
    )  # memory 32768 MB = 32 GB
    assert _close(gerica["storage_gb"], 512000 / 1000)  # disk 512000 MB (NetBox 4) = 512 GB
    assert _close(servers["nome-elements01"]["storage_gb"], 204800 / 1000)  # 204.8 GB
    assert servers["nome-gammel-web"]["status"] == "decommissioning"
    network = _records(url, "network_device")
    assert {key: value["role"] for key, value in network.items()} == {
        "nome-kjerne01": "core_switch",
        "nome-brannmur01": "firewall",
    }
    assert _subset(
        _records(url, "storage")["nome-nas01"], {"kind": 0, "vendor": 0, "rack_units": 0}
    ) == {"kind": "nas", "vendor": "Synology", "rack_units": 2}
    assert _records(url, "platform")["Nome-klynge"]["product"] == "Microsoft Hyper-V"
    link = _records(url, "link")["TNS-20931"]
    assert _subset(
        link, {"a_site": 0, "b_site": 0, "kind": 0, "bandwidth_mbps": 0, "provider": 0}
    ) == {
        "a_site": "Nome rådhus serverrom",
        "b_site": "Ulefoss skole",
        "kind": "dark_fibre",
        "bandwidth_mbps": 10_000_000 / 1000,
        "provider": "Telenor",
    }


def test_a_broken_netbox_csv_value_is_an_error_at_its_file_line_and_column(tmp_path: Path) -> None:
    folder = _folder(tmp_path, "netbox/vaggeryd", "vaggeryd")
    export = folder / "netbox_virtual_machines.csv"
    export.write_text(export.read_text().replace(",8,32768,", ",åtta,32768,"))
    report = validate_paths([folder]).report
    errors = [issue for issue in report.issues if issue.severity is Severity.ERROR]
    assert len(errors) == 1, [issue.message for issue in errors]
    # vag-treserva01 is the file's line 3 (second data row); vCPUs is column 8
    assert (
        Path(errors[0].file or "").name,
        errors[0].line,
        errors[0].row,
        errors[0].column,
        errors[0].column_index,
        errors[0].value,
    ) == ("netbox_virtual_machines.csv", 3, 2, "vCPUs", 8, "åtta")


def test_a_broken_netbox_json_value_is_an_error_at_its_json_path_and_nothing_is_stored(
    tmp_path: Path,
) -> None:
    folder = _folder(tmp_path, "netbox/nome", "nome")
    export = folder / "netbox-api-dump.json"
    document = json.loads(export.read_text())
    document["circuits/circuits"]["results"][0]["commit_rate"] = "ti gigabit"
    export.write_text(json.dumps(document, ensure_ascii=False))
    report = validate_paths([folder]).report
    errors = [issue for issue in report.issues if issue.severity is Severity.ERROR]
    assert len(errors) == 1, [issue.message for issue in errors]
    assert errors[0].column == "$['circuits/circuits'].results[0].commit_rate"
    outcome, url = _import(folder, tmp_path)
    assert outcome.code == 1
    with InventoryStore(url) as store:
        assert store.records("link").empty and store.records("site").empty


def test_a_reference_error_points_at_the_exports_row_and_column(tmp_path: Path) -> None:
    folder = _folder(tmp_path, "netbox/vaggeryd", "vaggeryd")
    export = folder / "netbox_devices.csv"
    export.write_text(
        export.read_text().replace(
            "sky-sw01,Active,Vaggeryds kommun,Skillingaryd skola",
            "sky-sw01,Active,Vaggeryds kommun,Hagafors skola",
        )
    )
    report = validate_paths([folder]).report
    errors = [issue for issue in report.issues if issue.severity is Severity.ERROR]
    assert [
        (issue.code, Path(issue.file or "").name, issue.line, issue.column, issue.column_index)
        for issue in errors
    ] == [
        # sky-sw01 is line 9 of the devices export; Site is its 4th column
        (IssueCode.DANGLING_REFERENCE, "netbox_devices.csv", 9, "Site", 4)
    ]


def test_an_export_is_recognised_whatever_its_file_is_called(tmp_path: Path) -> None:
    folder = _folder(tmp_path, "proxmox", "alvdal")
    (folder / "cluster-resources.json").rename(folder / "ressurser-2024-11-04.json")
    report = validate_paths([folder]).report
    assert report.valid, [issue.message for issue in report.issues]
    adapters = {
        (Path(issue.file or "").name, issue.record_kind)
        for issue in report.issues
        if issue.code is IssueCode.KIND_RECOGNISED
    }
    assert adapters == {
        ("ressurser-2024-11-04.json", "server"),
        ("ressurser-2024-11-04.json", "storage"),
    }


def test_stored_records_keep_the_tool_file_sheets_columns_and_line(tmp_path: Path) -> None:
    folder = _folder(tmp_path, "rvtools", "gnosjo")
    workbook = build_rvtools(folder / "RVTools_export_all.xlsx")
    outcome, url = _import(folder, tmp_path)
    assert outcome.code == 0, outcome.text
    engine = sqlalchemy.create_engine(url)
    with engine.connect() as connection:
        # One import_file row per sheet the records come from (vInfo and vHost are both
        # servers), each with the tool.
        files = {
            (row.kind, row.sheet): row
            for row in connection.execute(
                sqlalchemy.text(
                    "SELECT kind, path, format, sheet, header_mapping, source_tool, rows"
                    " FROM import_file"
                )
            )
        }
        lines: dict[str, tuple[int, str]] = {
            str(row[0]): (int(row[1]), str(row[2]))
            for row in connection.execute(
                sqlalchemy.text(
                    "SELECT server.id, source_line, import_file.sheet FROM server"
                    " JOIN import_file ON import_file.id = server.import_file_id"
                )
            )
        }
    engine.dispose()
    assert {key for key in files if key[0] == "server"} == {
        ("server", "vInfo"),
        ("server", "vHost"),
    }
    vinfo, vhost = files[("server", "vInfo")], files[("server", "vHost")]
    assert (Path(vinfo.path), vinfo.format, vinfo.source_tool, vinfo.rows) == (
        workbook,
        "rvtools",
        "rvtools",
        3,
    )
    assert (Path(vhost.path), vhost.source_tool, vhost.rows) == (workbook, "rvtools", 2)
    assert json.loads(vinfo.header_mapping)["Memory"] == "ram_gb"
    assert json.loads(vinfo.header_mapping)["# Memory"] == "ram_gb"
    storage = files[("storage", "vDatastore")]
    assert (storage.format, storage.source_tool) == ("rvtools", "rvtools")
    # vInfo rows 2, 3, 4 (the template on row 5 is left out); vHost rows 2, 3
    assert lines == {
        "gno-dc01": (2, "vInfo"),
        "gno-procapita01": (3, "vInfo"),
        "gno-gammal-ekonomi": (4, "vInfo"),
        "esx01.gnosjo.local": (2, "vHost"),
        "esx02.gnosjo.local": (3, "vHost"),
    }
