"""Synthetic inventories at national scale, in the import format, reproducible from a seed.

``generate_inventories(out, SynthOptions(municipalities=290, seed=1))`` writes one folder
per municipality with a CSV per record kind (English headers): sizes follow a population
distribution like Sweden's, products and versions come from the real catalogue, the hub
datacentres of neighbouring municipalities are linked (``code:DC1``), and on request some
rows are made invalid (each listed with the issue code the validator should report).

Big tables (servers, clients) are generated column-wise with NumPy and written with the
Arrow CSV writer: no Python loop per row.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.csv as pa_csv
from numpy.typing import NDArray

from inventory.errors import OutputError
from inventory.messages import Message, Param
from inventory.output_files import NewFiles
from inventory.synth.catalogue import (
    APPLICATIONS,
    CLIENT_MODELS,
    HYPERVISORS,
    NETWORK_GEAR,
    SERVER_HARDWARE,
    SERVER_OPERATING_SYSTEMS,
    ApplicationProduct,
)
from inventory.synth.population import municipality_populations
from inventory.synth.rates import (
    CLIENT_ROWS_PER_INHABITANT,
    SERVERS_PER_INHABITANT,
    rate_problem,
)

Columns = dict[str, NDArray[np.str_] | list[str]]
StrArray = NDArray[np.str_]

EPOCH = np.datetime64("2024-06-01")


@dataclass(frozen=True)
class SynthOptions:
    """What to generate. The same options and seed always give the same bytes.

    Raises ``ValueError`` for a negative count or seed (NumPy seeds are non-negative) and
    for a rate that is not a finite number from 0 to ``MAX_ROWS_PER_INHABITANT``.
    """

    municipalities: int = 5
    seed: int = 1
    client_rows_per_inhabitant: float = CLIENT_ROWS_PER_INHABITANT
    servers_per_inhabitant: float = SERVERS_PER_INHABITANT
    invalid_rows: int = 0

    def __post_init__(self) -> None:
        for name in ("municipalities", "seed", "invalid_rows"):
            if getattr(self, name) < 0:
                raise ValueError(f"{name} must not be negative: {getattr(self, name)}")
        for name in ("client_rows_per_inhabitant", "servers_per_inhabitant"):
            problem = rate_problem(getattr(self, name))
            if problem:
                raise ValueError(f"{name}: {problem}")


@dataclass(frozen=True)
class PlantedError:
    """A cell made invalid on purpose, and the issue the validator should report for it."""

    file: str  # relative to the output folder
    line: int  # physical line (the header is line 1)
    column: str
    value: str
    code: str  # expected IssueCode value


@dataclass
class SynthResult:
    """What ``generate_inventories`` wrote."""

    out: Path
    municipalities: list[str]
    population: int
    rows: dict[str, int] = field(default_factory=dict)
    planted_errors: list[PlantedError] = field(default_factory=list)

    def to_json(self) -> dict[str, object]:
        return {
            "out": str(self.out),
            "municipalities": len(self.municipalities),
            "population": self.population,
            "rows": self.rows,
            "planted_errors": [asdict(error) for error in self.planted_errors],
        }


@dataclass
class _Municipality:
    code: str
    official_code: str
    population: int
    index: int
    tables: dict[str, Columns] = field(default_factory=dict)


def _pick(
    rng: np.random.Generator, options: list[str], size: int, weights: list[float] | None = None
) -> StrArray:
    choices = np.asarray(options, dtype=np.str_)
    probabilities = None
    if weights is not None:
        probabilities = np.asarray(weights, dtype=np.float64) / float(np.sum(weights))
    return choices[rng.choice(len(choices), size=size, p=probabilities)]


def _numbered(prefix: str, count: int, start: int = 1, width: int = 3) -> StrArray:
    if count <= 0:
        return np.zeros(0, dtype=np.str_)
    numbers = np.arange(start, start + count).astype(np.str_)
    return np.char.add(prefix, np.char.zfill(numbers, width))


def _dates(rng: np.random.Generator, size: int, years_back: int) -> NDArray[np.datetime64]:
    return EPOCH - rng.integers(30, 365 * years_back, size=size).astype("timedelta64[D]")


def _iso(days: NDArray[np.datetime64]) -> StrArray:
    return np.datetime_as_string(days, unit="D").astype(np.str_)


def _sites(m: _Municipality, rng: np.random.Generator) -> Columns:
    schools = max(1, m.population // 2500)
    care = max(1, m.population // 5000)
    offices = max(0, m.population // 20000)
    ids = [
        "DC1",
        "DC2",
        "KH",
        *_numbered("KONTOR-", offices).tolist(),
        *_numbered("SKOLA-", schools).tolist(),
        *_numbered("VB-", care).tolist(),
    ]
    kinds = [
        "datacentre",
        "server_room",
        "office",
        *["office"] * offices,
        *["school"] * schools,
        *["care_home"] * care,
    ]
    count = len(ids)
    racks = np.maximum(2, m.population // 4000 + rng.integers(0, 4, size=count))
    is_dc = np.asarray([kind in ("datacentre", "server_room") for kind in kinds])
    capacity = np.where(is_dc, racks * 5.0, 0.0)
    used = np.round(capacity * rng.uniform(0.2, 0.9, size=count), 1)
    return {
        "id": ids,
        "name": [f"{m.code} {site_id}" for site_id in ids],
        "kind": kinds,
        "racks_total": np.where(is_dc, racks, 0).astype(np.str_),
        "rack_units_free": np.where(is_dc, rng.integers(0, 200, size=count), 0).astype(np.str_),
        "power_capacity_kw": capacity.astype(np.str_),
        "power_used_kw": used.astype(np.str_),
        "ups": np.where(is_dc, "yes", "no"),
    }


def _servers(m: _Municipality, options: SynthOptions, rng: np.random.Generator) -> Columns:
    total = max(12, round(m.population * options.servers_per_inhabitant))
    hosts = max(2, total // 25)
    vms = total - hosts
    platform, host_os, version = HYPERVISORS[
        rng.choice(len(HYPERVISORS), p=[0.15, 0.45, 0.25, 0.1, 0.05])
    ]
    m.tables["_hypervisor"] = {"product": [platform], "version": [version]}
    host_ids = _numbered("host", hosts)
    host_clusters = np.char.add("cl", np.char.zfill((np.arange(hosts) // 8 + 1).astype(np.str_), 2))
    hardware = SERVER_HARDWARE[int(rng.integers(len(SERVER_HARDWARE)))]
    vm_ids = _numbered("vm", vms, width=5)
    vm_host = rng.integers(0, hosts, size=vms)
    os_index = rng.choice(
        len(SERVER_OPERATING_SYSTEMS),
        size=vms,
        p=_normalised([w for _, _, w in SERVER_OPERATING_SYSTEMS]),
    )
    os_product = np.asarray([p for p, _, _ in SERVER_OPERATING_SYSTEMS], dtype=np.str_)
    os_version = np.asarray([v for _, v, _ in SERVER_OPERATING_SYSTEMS], dtype=np.str_)
    roles = _pick(
        rng,
        [
            "application",
            "database",
            "file",
            "web",
            "domain_controller",
            "terminal",
            "management",
            "print",
            "monitoring",
        ],
        vms,
        [50, 12, 6, 8, 3, 8, 6, 3, 4],
    )
    bought = _dates(rng, hosts, 7)
    ids = np.concatenate([host_ids, vm_ids])
    index = np.arange(total)
    empty_vm = np.full(vms, "", dtype=np.str_)
    return {
        "id": ids,
        "hostname": np.char.add(f"{m.code[:6].upper()}-", np.char.upper(ids)),
        "kind": np.concatenate([np.full(hosts, "physical"), np.full(vms, "virtual")]),
        "site": np.concatenate([np.where(np.arange(hosts) % 2 == 0, "DC1", "DC2"), empty_vm]),
        "cluster": np.concatenate([host_clusters, host_clusters[vm_host]]),
        "host": np.concatenate([np.full(hosts, "", dtype=np.str_), host_ids[vm_host]]),
        "role": np.concatenate([np.full(hosts, "hypervisor"), roles]),
        "vendor": np.concatenate([np.full(hosts, hardware[0]), empty_vm]),
        "model": np.concatenate([np.full(hosts, hardware[1]), empty_vm]),
        "cpu_cores": np.concatenate(
            [np.full(hosts, 48), rng.choice([2, 4, 8, 16], size=vms)]
        ).astype(np.str_),
        "ram_gb": np.concatenate(
            [np.full(hosts, 768), rng.choice([4, 8, 16, 32, 64], size=vms)]
        ).astype(np.str_),
        "os_product": np.concatenate([np.full(hosts, host_os), os_product[os_index]]),
        "os_version": np.concatenate([np.full(hosts, version), os_version[os_index]]),
        "ip_address": np.char.add(
            f"10.{m.index % 250}.",
            np.char.add(
                (100 + index // 250).astype(np.str_),
                np.char.add(".", (index % 250 + 1).astype(np.str_)),
            ),
        ),
        "rack_units": np.concatenate([np.full(hosts, hardware[2]), np.zeros(vms, np.int64)]).astype(
            np.str_
        ),
        "status": _pick(rng, ["active", "active", "active", "decommissioning"], total),
        "purchase_date": np.concatenate([_iso(bought), empty_vm]),
        "warranty_end": np.concatenate([_iso(bought + np.timedelta64(5 * 365, "D")), empty_vm]),
        "criticality": _pick(rng, ["low", "medium", "high", "critical"], total, [2, 5, 3, 1]),
    }


def _normalised(weights: Sequence[float]) -> NDArray[np.float64]:
    array = np.asarray(weights, dtype=np.float64)
    normalised: NDArray[np.float64] = array / float(array.sum())
    return normalised


def _rack_units_fix(columns: Columns) -> None:
    """Virtual servers take no rack units: leave the cell empty rather than writing 0."""
    units = np.asarray(columns["rack_units"])
    columns["rack_units"] = np.where(np.asarray(columns["kind"]) == "virtual", "", units)


def _clients(
    m: _Municipality, options: SynthOptions, rng: np.random.Generator, sites: Columns
) -> Columns:
    count = max(10, round(m.population * options.client_rows_per_inhabitant))
    weights = [18, 6, 6, 4, 4, 22, 12, 8, 6, 3, 5, 3, 1, 1, 1, 1]
    model = rng.choice(len(CLIENT_MODELS), size=count, p=_normalised(weights))
    column = list(zip(*CLIENT_MODELS, strict=True))
    kind, vendor, name, os_product, os_version, group = (
        np.asarray(values, dtype=np.str_)[model] for values in column
    )
    windows10 = (os_product == "Windows") & (rng.random(count) < 0.3)
    os_version = np.where(windows10, "10 22H2", os_version)
    managed = np.where(
        os_product == "ChromeOS", "p-google-admin", np.where(kind == "printer", "", "p-intune")
    )
    site_ids = np.asarray(sites["id"], dtype=np.str_)[2:]  # not the datacentres
    bought = _dates(rng, count, 6)
    return {
        "id": _numbered("C", count, width=7),
        "kind": kind,
        "vendor": vendor,
        "model": name,
        "os_product": os_product,
        "os_version": os_version,
        "managed_by": managed,
        "user_group": group,
        "site": site_ids[rng.integers(0, len(site_ids), size=count)],
        "quantity": np.full(count, "1"),
        "purchase_date": _iso(bought),
        "warranty_end": _iso(bought + np.timedelta64(4 * 365, "D")),
    }


def _network(m: _Municipality, rng: np.random.Generator, sites: Columns) -> Columns:
    site_ids = np.asarray(sites["id"], dtype=np.str_)
    count = len(site_ids)
    core = NETWORK_GEAR["core_switch"][int(rng.integers(3))]
    firewall = NETWORK_GEAR["firewall"][int(rng.integers(3))]
    access = NETWORK_GEAR["access_switch"][int(rng.integers(4))]
    ap = NETWORK_GEAR["access_point"][int(rng.integers(3))]
    fixed = [
        ("core01", "core_switch", core, "DC1"),
        ("core02", "core_switch", core, "DC2"),
        ("fw01", "firewall", firewall, "DC1"),
        ("fw02", "firewall", firewall, "DC2"),
    ]
    lower = np.char.lower(site_ids)
    ids = (
        [f for f, _, _, _ in fixed]
        + np.char.add("as-", lower).tolist()
        + np.char.add("ap-", lower).tolist()
    )
    roles = [r for _, r, _, _ in fixed] + ["access_switch"] * count + ["access_point"] * count
    kit = [k for _, _, k, _ in fixed] + [access] * count + [ap] * count
    return {
        "id": ids,
        "role": roles,
        "vendor": [k[0] for k in kit],
        "model": [k[1] for k in kit],
        "os_version": [k[2] for k in kit],
        "site": [s for _, _, _, s in fixed] + site_ids.tolist() * 2,
        "quantity": ["1"] * 4
        + rng.integers(1, 12, size=count).astype(np.str_).tolist()
        + rng.integers(4, 60, size=count).astype(np.str_).tolist(),
    }


def _links(
    m: _Municipality, rng: np.random.Generator, sites: Columns, neighbours: list[str]
) -> Columns:
    others = np.asarray(sites["id"], dtype=np.str_)[1:]
    count = len(others)
    bandwidth = _pick(rng, ["100", "1000", "10000"], count + len(neighbours), [1, 6, 3])
    return {
        "id": [*_numbered("L", count).tolist(), *[f"X-{code}" for code in neighbours]],
        "a_site": ["DC1"] * (count + len(neighbours)),
        "b_site": [*others.tolist(), *[f"{code}:DC1" for code in neighbours]],
        "kind": [
            *_pick(rng, ["fibre", "dark_fibre", "wan_mpls"], count, [6, 3, 1]).tolist(),
            *_pick(rng, ["dark_fibre", "fibre", "vpn"], len(neighbours)).tolist(),
        ],
        "bandwidth_mbps": bandwidth,
        "redundant": _pick(rng, ["yes", "no"], count + len(neighbours), [2, 1]),
    }


def _zones() -> Columns:
    purposes = ["admin", "school", "care", "iot", "guest", "dmz", "management"]
    return {
        "id": [f"Z-{p.upper()}" for p in purposes],
        "purpose": purposes,
        "vlans": [str(10 * (i + 1)) for i in range(len(purposes))],
        "sites": ["DC1;KH"] * len(purposes),
        "firewall": ["fw01"] * len(purposes),
    }


def _platforms(m: _Municipality, rng: np.random.Generator, servers: Columns) -> Columns:
    hypervisor = m.tables["_hypervisor"]
    vm_ids = [str(v) for v in np.asarray(servers["id"])[np.asarray(servers["kind"]) == "virtual"]]
    sql = str(rng.choice(["2014", "2016", "2019", "2022"], p=[0.1, 0.3, 0.4, 0.2]))
    veeam = str(rng.choice(["10", "11", "12.1"], p=[0.15, 0.35, 0.5]))
    mail = str(
        rng.choice(
            ["Microsoft Exchange Server 2016", "Microsoft Exchange Server 2019", "Exchange Online"],
            p=[0.2, 0.3, 0.5],
        )
    )
    rows = [
        (
            "p-hypervisor",
            "hypervisor",
            str(hypervisor["product"][0]),
            str(hypervisor["version"][0]),
            "cl01",
        ),
        ("p-ad", "directory", "Microsoft Active Directory", "2019", ";".join(vm_ids[:2])),
        ("p-entra", "identity_mfa", "Microsoft Entra ID", "P1", ""),
        ("p-m365", "collaboration", "Microsoft 365", "E3", ""),
        ("p-intune", "endpoint_management", "Microsoft Intune", "2405", ""),
        ("p-google-admin", "endpoint_management", "Google Admin console", "2024", ""),
        ("p-sql", "database", "Microsoft SQL Server", sql, ";".join(vm_ids[2:4])),
        ("p-backup", "backup", "Veeam Backup & Replication", veeam, vm_ids[4]),
        (
            "p-email",
            "email",
            mail.removesuffix(" 2016").removesuffix(" 2019"),
            mail.rsplit(" ", 1)[-1] if mail[-1].isdigit() else "Exchange Online",
            "",
        ),
        ("p-edr", "endpoint_security", "Microsoft Defender for Endpoint", "P2", ""),
        ("p-print", "print", "PaperCut MF", "22.1", vm_ids[5]),
        ("p-dns", "dns_dhcp", "Windows Server DNS and DHCP", "2019", ";".join(vm_ids[:2])),
    ]
    return {
        "id": [r[0] for r in rows],
        "capability": [r[1] for r in rows],
        "product": [r[2] for r in rows],
        "version": [r[3] for r in rows],
        "runs_on": [r[4] for r in rows],
    }


def _applications(m: _Municipality, rng: np.random.Generator, servers: Columns) -> Columns:
    slots: dict[str, list[ApplicationProduct]] = {}
    for product in APPLICATIONS:
        slots.setdefault(product.slot, []).append(product)
    names = sorted(slots)
    wanted = min(len(names), 40 + int(rng.integers(0, 14)) + (m.population > 50_000) * 4)
    chosen = [
        slots[name][int(rng.integers(len(slots[name])))]
        for name in rng.choice(names, size=wanted, replace=False)
    ]
    vm_ids = np.asarray(servers["id"])[np.asarray(servers["kind"]) == "virtual"]
    servers_for = vm_ids[6 : 6 + len(chosen)] if len(vm_ids) > 6 else vm_ids
    depends = [
        f"{servers_for[i % len(servers_for)]};p-ad" if app.needs_server else "p-entra"
        for i, app in enumerate(chosen)
    ]
    return {
        "id": [f"app-{app.key}" for app in chosen],
        "name": [app.name for app in chosen],
        "vendor": [app.vendor for app in chosen],
        "product": [app.product for app in chosen],
        "version": [app.version for app in chosen],
        "business_area": [app.business_area for app in chosen],
        "deployment": [app.deployment for app in chosen],
        "depends_on": depends,
        "users": [str(max(5, round(app.users_per_1000 * m.population / 1000))) for app in chosen],
        "criticality": [app.criticality for app in chosen],
    }


def _municipality(m: _Municipality) -> Columns:
    return {
        "code": [m.code],
        "official_code": [m.official_code],
        "name": [f"Synthetic municipality {m.index + 1}"],
        "country": ["SE"],
        "population": [str(m.population)],
        "employees": [str(round(m.population * 0.085))],
        "currency": ["SEK"],
        "operating_model": ["in_house"],
    }


def _neighbours(index: int) -> list[str]:
    """Municipalities linked to this one: the previous one, and one further back."""
    return [f"m{other + 1:03d}" for other in (index - 1, index - 7) if other >= 0]


FILE_STEMS = {
    "municipality": "municipality",
    "site": "sites",
    "server": "servers",
    "storage": "storage",
    "network_device": "network_devices",
    "link": "links",
    "zone": "zones",
    "platform": "platforms",
    "client": "clients",
    "application": "applications",
}


def _storage(rng: np.random.Generator) -> Columns:
    capacity = rng.integers(20, 400, size=2)
    return {
        "id": ["san01", "bk01"],
        "kind": ["san", "backup_target"],
        "vendor": ["Dell", "HPE"],
        "model": ["PowerStore 1200T", "StoreOnce 3640"],
        "site": ["DC1", "DC2"],
        "capacity_tb": capacity.astype(np.str_),
        "used_tb": (capacity // 2).astype(np.str_),
        "replicates_to": ["bk01", ""],
    }


def _build(m: _Municipality, options: SynthOptions) -> None:
    rng = np.random.default_rng([options.seed, m.index])
    sites = _sites(m, rng)
    servers = _servers(m, options, rng)
    _rack_units_fix(servers)
    m.tables.update(
        {
            "municipality": _municipality(m),
            "site": sites,
            "server": servers,
            "storage": _storage(rng),
            "network_device": _network(m, rng, sites),
            "link": _links(m, rng, sites, _neighbours(m.index)),
            "zone": _zones(),
            "platform": _platforms(m, rng, servers),
            "client": _clients(m, options, rng, sites),
            "application": _applications(m, rng, servers),
        }
    )
    del m.tables["_hypervisor"]


def _write_table(new: NewFiles, path: Path, columns: Columns) -> int:
    """Write one new CSV (empty strings as empty cells); returns the number of rows.

    The file is created, never replaced: ``FileExistsError`` if it appeared meanwhile.
    """
    arrays = {}
    for name, values in columns.items():
        text = np.asarray(values, dtype=np.str_)
        arrays[name] = pa.array(text, type=pa.string(), mask=text == "")
    table = pa.table(arrays)
    with new.file(path) as stream:
        pa_csv.write_csv(table, stream, pa_csv.WriteOptions(quoting_style="needed"))
    return int(table.num_rows)


#: Mistakes planted on request: (column, bad value or None for a duplicate key, issue code).
MISTAKES: tuple[tuple[str, str | None, str], ...] = (
    ("kind", "laptopp", "invalid-enum"),
    ("purchase_date", "3/5/2024", "ambiguous-date"),
    ("site", "NO-SUCH-SITE", "dangling-reference"),
    ("quantity", "0", "out-of-range"),
    ("id", None, "duplicate-key"),
)


def _plant_errors(
    m: _Municipality, count: int, first_mistake: int, rng: np.random.Generator
) -> list[PlantedError]:
    """Make ``count`` client rows of ``m`` invalid, one mistake per row."""
    clients = m.tables["client"]
    rows = len(clients["id"])
    count = min(count, rows - 1)
    if count <= 0:
        return []
    chosen = np.sort(rng.choice(np.arange(1, rows), size=count, replace=False))
    planted = []
    for number, row in enumerate(chosen.tolist()):
        column, bad, code = MISTAKES[(first_mistake + number) % len(MISTAKES)]
        cells = np.asarray(clients[column], dtype=np.str_).astype(object)
        value = str(cells[0]) if bad is None else bad
        cells[row] = value
        clients[column] = cells.astype(np.str_)
        planted.append(
            PlantedError(
                file=f"{m.code}/{FILE_STEMS['client']}.csv",
                line=row + 2,
                column=column,
                value=value,
                code=code,
            )
        )
    return planted


def _municipality_code(index: int) -> str:
    return f"m{index + 1:03d}"


def _existing_files_error(out: Path, existing: list[Path]) -> OutputError:
    shown = ", ".join(str(path) for path in existing[:5])
    said: dict[str, Param] = {"out": str(out), "shown": shown}
    return OutputError(
        Message("error.synth.existing_more", {**said, "count": str(len(existing) - 5)})
        if len(existing) > 5
        else Message("error.synth.existing", said),
        hint=Message("error.synth.existing.hint"),
    )


def _refuse_existing_files(out: Path, municipalities: int) -> None:
    """Raise ``OutputError`` if a municipality folder synth would write holds anything."""
    existing = []
    for index in range(municipalities):
        folder = out / _municipality_code(index)
        if folder.is_dir():
            existing += sorted(folder.iterdir())
        elif folder.exists() or folder.is_symlink():
            existing.append(folder)
    if existing:
        raise _existing_files_error(out, existing)


def generate_inventories(out: Path, options: SynthOptions) -> SynthResult:
    """Write ``options.municipalities`` synthetic inventories under ``out`` (one folder each).

    Nothing is ever overwritten: when a municipality folder it would write (``out/m001``
    ...) already holds anything, ``OutputError`` lists those files before anything is
    written, and each file is created exclusively. A failure half way (a full disk)
    removes what this run wrote.

    >>> result = generate_inventories(tmp / "synth", SynthOptions(2, seed=7))
    >>> result.rows["municipality"], result.rows["server"]
    (2, 904)
    """
    _refuse_existing_files(out, options.municipalities)
    with NewFiles() as new:
        return _generate(new, out, options)


def _generate(new: NewFiles, out: Path, options: SynthOptions) -> SynthResult:
    populations = municipality_populations(options.municipalities, options.seed)
    new.folder(out)
    result = SynthResult(
        out=out,
        municipalities=[],
        population=int(populations.sum()),
        rows=dict.fromkeys(FILE_STEMS, 0),
    )
    count = max(1, options.municipalities)
    for index, population in enumerate(populations.tolist()):
        m = _Municipality(
            code=_municipality_code(index),
            official_code=f"{index + 1:04d}",
            population=int(population),
            index=index,
        )
        _build(m, options)
        errors = options.invalid_rows // count + (index < options.invalid_rows % count)
        if errors:
            error_rng = np.random.default_rng([options.seed, index, 1])
            result.planted_errors += _plant_errors(m, errors, len(result.planted_errors), error_rng)
        folder = new.folder(out / m.code)
        for kind, columns in m.tables.items():
            path = folder / f"{FILE_STEMS[kind]}.csv"
            try:
                result.rows[kind] += _write_table(new, path, columns)
            except FileExistsError as error:  # appeared since the check: still never replaced
                raise _existing_files_error(out, [path]) from error
        result.municipalities.append(m.code)
    return result
