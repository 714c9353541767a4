"""Security baseline: the level each municipality has today against the level that shall apply.

("Vilken nivå har vi idag, vilken ska gälla.") One row per municipality and control of
the target's ``security`` baseline: MFA for all staff, endpoint security on managed
clients, backup with an immutable or offline copy, logging to a SIEM, segmented zones
(the target's required zone purposes).
"""

from __future__ import annotations

from typing import Any, cast

import pandas as pd

from inventory.gap.blocks import FIRMWARE_CLIENT_KINDS
from inventory.messages import Code, Message, MessageList, english
from inventory.snapshot import InventorySnapshot
from inventory.target.model import TargetArchitecture

SECURITY_COLUMNS = (
    "municipality",
    "control",
    "required",
    "today",
    "target",
    "compliant",
    "affected",
)


def _ids(code: str, ids: pd.Series) -> str:
    """``code:id;...`` of a municipality's platforms."""
    return ";".join(f"{code}:{value}" for value in ids.astype(str).tolist())


def _names(frame: pd.DataFrame) -> str:
    return ", ".join(sorted(set(frame["product"].astype(str))))


def _zones(zones: list[str]) -> Message | MessageList:
    return (
        MessageList(
            tuple(Message("gs.code", {"code": Code("zone_purpose", zone)}) for zone in zones), ", "
        )
        if zones
        else Message("gs.sec.none")
    )


def _immutable_stores(snapshot: InventorySnapshot) -> set[tuple[str, str]]:
    storage = snapshot.table("storage")
    offline = storage["immutable"].astype("boolean").fillna(False).astype(bool) | (
        storage["kind"].astype(str) == "tape"
    )
    return set(zip(storage.loc[offline, "municipality"], storage.loc[offline, "id"], strict=True))


def _replicates_to_immutable(
    snapshot: InventorySnapshot, immutable: set[tuple[str, str]]
) -> set[str]:
    """Municipalities with a store that replicates to an immutable or offline store."""
    refs = snapshot.references
    refs = refs[(refs["kind"] == "storage") & (refs["field"] == "replicates_to")]
    hits = [
        m
        for m, tm, tid in zip(
            refs["municipality"], refs["target_municipality"], refs["target_id"], strict=True
        )
        if (tm, tid) in immutable
    ]
    return set(map(str, hits))


def security_gaps(snapshot: InventorySnapshot, target: TargetArchitecture) -> pd.DataFrame:
    """Per municipality and baseline control: today's level, the target level, compliance."""
    baseline = target.security
    platforms = snapshot.table("platform")
    clients = snapshot.table("client")
    municipalities = snapshot.table("municipality").set_index("code")
    # Column by column: the three columns needed, not a copy of every client row.
    is_device = ~clients["kind"].astype(str).isin(FIRMWARE_CLIENT_KINDS)
    device_municipality = clients["municipality"][is_device]
    devices = pd.to_numeric(clients["quantity"][is_device], errors="coerce").fillna(1)
    managed = devices.where(clients["managed_by"][is_device].notna(), 0)
    device_totals = devices.groupby(device_municipality).sum()
    managed_totals = managed.groupby(device_municipality).sum()
    zones = snapshot.table("zone")
    immutable = _immutable_stores(snapshot)
    replicating = _replicates_to_immutable(snapshot, immutable)
    with_copy = {str(m) for m, _ in immutable}
    required_zones = [str(z) for z in (target.network.required_zones if target.network else [])]
    # Each municipality's platforms and zone purposes, split once (not a comparison of
    # every row per municipality).
    # (the rows of each group by position; a group's frame made only when it is read)
    named = platforms.assign(capability=platforms["capability"].astype(str))
    split = named.groupby(["municipality", "capability"], sort=False, dropna=True)
    own_platforms: dict[tuple[str, str], Any] = {}
    for key, positions in split.indices.items():
        code, capability = cast(tuple[object, object], key)
        own_platforms[(str(code), str(capability))] = positions
    none = platforms.iloc[:0]

    def platforms_of(code: str, capability: str) -> pd.DataFrame:
        positions = own_platforms.get((code, capability))
        return none if positions is None else named.iloc[positions]

    zone_purposes = {
        code: set(purposes.astype(str))
        for code, purposes in zones.groupby("municipality", sort=False, dropna=True)["purpose"]
    }
    rows = []
    for code in snapshot.municipalities:
        mfa = platforms_of(code, "identity_mfa")
        licences = pd.to_numeric(mfa["licences"], errors="coerce").sum()
        employees = municipalities["employees"].get(code) if "employees" in municipalities else None
        employees = None if employees is None or pd.isna(employees) else int(employees)
        mfa_covered = not mfa.empty and (
            employees is None or licences == 0 or licences >= employees
        )
        mfa_today = (
            Message("gs.sec.no_mfa")
            if mfa.empty
            else Message(
                "gs.sec.mfa_coverage",
                {
                    "names": _names(mfa),
                    "licences": int(licences),
                    "employees": employees,
                    "percent": round(min(100.0, 100.0 * licences / employees)),
                },
            )
            if employees and licences
            else Message("gs.plain", {"text": _names(mfa)})
        )
        rows.append(
            (
                code,
                "mfa_for_all_staff",
                baseline.mfa_for_all_staff,
                mfa_today,
                Message("gs.sec.mfa_target"),
                mfa_covered,
                _ids(code, mfa["id"]),
            )
        )
        edr = platforms_of(code, "endpoint_security")
        total = int(device_totals.get(code, 0))
        unmanaged = total - int(managed_totals.get(code, 0))
        rows.append(
            (
                code,
                "endpoint_security_on_managed_clients",
                baseline.endpoint_security_on_managed_clients,
                Message(
                    "gs.sec.unmanaged",
                    {
                        "names": (
                            _names(edr) if not edr.empty else Message("gs.sec.no_endpoint_security")
                        ),
                        "unmanaged": unmanaged,
                        "total": total,
                    },
                ),
                Message("gs.sec.endpoint_target"),
                not edr.empty,
                _ids(code, edr["id"]),
            )
        )
        has_copy = code in with_copy or code in replicating
        rows.append(
            (
                code,
                "backup_immutable_copy",
                baseline.backup_immutable_copy,
                Message("gs.sec.copy" if has_copy else "gs.sec.no_copy"),
                Message("gs.sec.copy_target"),
                has_copy,
                _ids(code, platforms_of(code, "backup")["id"]),
            )
        )
        siem = platforms_of(code, "logging_siem")
        rows.append(
            (
                code,
                "logging_to_siem",
                baseline.logging_to_siem,
                (
                    Message("gs.plain", {"text": _names(siem)})
                    if not siem.empty
                    else Message("gs.sec.no_siem")
                ),
                Message("gs.sec.siem_target"),
                not siem.empty,
                "",
            )
        )
        present = zone_purposes.get(code, set())
        missing = [zone for zone in required_zones if zone not in present]
        rows.append(
            (
                code,
                "segmented_zones",
                baseline.segmented_zones,
                Message(
                    "gs.sec.zones_missing",
                    {"zones": _zones(sorted(present)), "missing": _zones(missing)},
                )
                if missing
                else Message("gs.sec.zones", {"zones": _zones(sorted(present))}),
                Message("gs.sec.zones", {"zones": _zones(required_zones)}),
                not missing,
                ";".join(missing),
            )
        )
    table = pd.DataFrame(rows, columns=list(SECURITY_COLUMNS))
    # messages, in the report's language (``today``/``target`` are their English)
    table["today_message"] = table["today"].astype(object)
    table["target_message"] = table["target"].astype(object)
    table["today"] = english(table["today_message"])
    table["target"] = english(table["target_message"])
    # A control the target does not require is compliant whatever exists today.
    table["compliant"] = table["compliant"] | ~table["required"]
    return table
