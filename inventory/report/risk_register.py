"""The risk register a board reads: risk, likelihood, consequence, mitigation and the wave
of the plan that removes it, built from the gap's findings (docs/method.md#risk-register).

Each finding becomes a risk of one *class* (``RISK_CLASSES``); alike findings are one row
with their count (the hypervisor hosts past end of life of every municipality, not one row
per host), so that a register of five municipalities has tens of rows, not hundreds.

* **Likelihood** (1-5: rare, unlikely, possible, likely, almost certain) starts from the
  class (``BASE_LIKELIHOOD``: past end of life 4, ending within the horizon 3, ...) and
  rises by one when no item of the plan removes the risk (it then lasts past the plan);
  the saving's risk is the share of its range below zero, in bands (``PROBABILITY_BANDS``).
* **Consequence** (1-5) is the risk ranking's where the finding is one of its gaps (the
  highest a gap of that capability and lifecycle state has, docs/method.md#risk), else
  the criticality of the most critical application affected and the number affected on
  the same steps, else the class's own (``CLASS_CONSEQUENCE``, ``CONTROL_CONSEQUENCE``).
* **Wave**: the last wave of the items that remove the risk (``REMOVED_BY``: the actions
  that remove each class, on the assets of the row), with the end of its package; ``None``
  ("—" in the report) when no item of the plan removes it.

Rows are ordered by likelihood x consequence, then consequence.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from inventory.analyse.lifecycle_labels import ReleaseNames
from inventory.gap.eol_plan import item_keys
from inventory.gap.money import MoneyRange, format_range
from inventory.gap.result import GapReport
from inventory.gap.risk import APPLICATION_STEPS, CRITICALITY_SCORE, step_score
from inventory.language.formatting import format_date, format_number
from inventory.language.i18n import Lang, t
from inventory.missing import is_missing
from inventory.render.document import Column, Paragraph, Section, Table

#: The classes of risk, in the order the method describes them.
RISK_CLASSES = (
    "eol",
    "single_point",
    "interconnect",
    "capacity",
    "compute",
    "security",
    "sequencing",
    "target_lifecycle",
    "cost_saving",
    "cost_unpriced",
)

#: Likelihood before the plan is taken into account (1-5).
BASE_LIKELIHOOD: Mapping[str, int] = {
    "eol:end_of_life": 4,
    "eol:ending": 3,
    "single_point": 3,
    "interconnect:bandwidth": 4,
    "interconnect:redundancy": 3,
    "capacity": 5,
    "compute": 5,
    "security": 3,
    "sequencing": 3,
    "target_lifecycle:past": 5,
    "target_lifecycle:ends_in_plan": 5,
    "target_lifecycle:ends_after_plan": 4,
    "target_lifecycle:unknown": 3,
    "cost_unpriced": 4,
}
#: Consequence of the classes that reach no application of their own (1-5).
CLASS_CONSEQUENCE: Mapping[str, int] = {
    "capacity": 4,
    "compute": 4,
    "sequencing": 3,
    "target_lifecycle": 3,
    "cost_saving": 4,
    "cost_unpriced": 3,
}
#: Consequence of a security control missing: what an attacker reaches without it.
CONTROL_CONSEQUENCE: Mapping[str, int] = {
    "mfa_for_all_staff": 5,
    "backup_immutable_copy": 5,
    "endpoint_security_on_managed_clients": 4,
    "segmented_zones": 4,
    "logging_to_siem": 3,
}
#: The joint capability whose onboarding brings a municipality up to a control.
CONTROL_CAPABILITY: Mapping[str, str] = {
    "mfa_for_all_staff": "identity_mfa",
    "backup_immutable_copy": "backup",
    "endpoint_security_on_managed_clients": "endpoint_security",
    "logging_to_siem": "logging_siem",
}
#: (below this probability, likelihood) for a probability (the saving below zero).
PROBABILITY_BANDS = ((0.10, 1), (0.30, 2), (0.50, 3), (0.70, 4))
#: The plan's actions that remove a risk of each class, on the row's assets.
REMOVED_BY: Mapping[str, frozenset[str]] = {
    # a new release or new hardware ends the end of life; a move alone does not
    "eol": frozenset(
        {
            "os_upgrade",
            "platform_upgrade",
            "platform_replacement",
            "network_device_replacement",
            "storage_replacement",
            "storage_migration",
            "client_os_upgrade",
            "application_harmonisation",
            "capability_onboarding",
        }
    ),
    # onto the target's clusters; a physical server moved stays a single server
    "single_point": frozenset({"virtual_server_migration", "host_registration"}),
    "interconnect": frozenset({"link_upgrade"}),
    "security": frozenset(
        {"capability_onboarding", "backup_onboarding", "platform_replacement", "platform_upgrade"}
    ),
}
#: An asset that runs only replaced applications goes with their replacement.
RETIRED_WITH = frozenset({"application_harmonisation"})
SUPERSEDED = "superseded-not-moved-or-upgraded"
_SPOF_KINDS = ("single_physical_server", "single_host_cluster", "single_host")
_UNMET_RULE = re.compile(r"^The plan could not meet the sequencing rule (\S+) ")


@dataclass(frozen=True)
class RiskEntry:
    """One row of the register, language-free: the report writes ``risk_class``'s sentence
    and mitigation with ``params`` (municipality codes, dates and amounts formatted there)."""

    risk_class: str
    variant: str
    likelihood: int
    consequence: int
    params: dict[str, Any] = field(default_factory=dict)
    #: the last wave of the items that remove it; None: no item of the plan does
    wave: int | None = None
    #: the end of the last package carrying those items
    removed_by: dt.date | None = None
    #: findings folded into the row (assets, links, municipalities, lines)
    count: int = 1

    @property
    def score(self) -> int:
        """Likelihood x consequence (1-25)."""
        return self.likelihood * self.consequence

    @property
    def level(self) -> str:
        """``high`` (15-25), ``medium`` (5-12) or ``low`` (1-4)."""
        return "high" if self.score >= 15 else "medium" if self.score >= 5 else "low"


def likelihood_of(base: int, planned: bool) -> int:
    """``base``, one higher (at most 5) when no item of the plan removes the risk."""
    return min(5, base + (0 if planned else 1))


def probability_likelihood(probability: float) -> int:
    """The likelihood band of a probability (``PROBABILITY_BANDS``; 0.7 or more: 5)."""
    for below, score in PROBABILITY_BANDS:
        if probability < below:
            return score
    return 5


class _Removal:
    """Which items of the plan remove a risk from which assets, and when."""

    def __init__(self, gap: GapReport) -> None:
        items = gap.items
        self.items = items
        self.keys = item_keys(items) if not items.empty else pd.Series(dtype=str)
        # the items' columns as lists and their rows per asset and per key, once: ``of``
        # runs per risk (nearly a thousand at 290 municipalities), not over every item
        self._assets = items["asset"].astype(str).tolist()
        self._actions = items["action"].astype(str).tolist()
        self._waves = [int(wave) for wave in items["wave"]]
        self._domains = items["domain"].astype(str).tolist()
        self._by_asset: dict[str, list[int]] = {}
        for row, asset in enumerate(self._assets):
            self._by_asset.setdefault(asset, []).append(row)
        self._by_key: dict[str, list[int]] = {}
        for row, key in enumerate(self.keys.astype(str).tolist()):
            self._by_key.setdefault(key, []).append(row)
        #: the item that removes each end-of-life asset (docs/method.md#plan)
        plan = gap.eol_plan
        self.eol_items = (
            dict(zip(plan["asset"].astype(str), plan["item_id"].astype(str), strict=True))
            if not plan.empty
            else {}
        )
        ends: dict[tuple[int, str], dt.date] = {}
        plan = gap.plan
        if not plan.empty:
            for wave, domain, end in zip(plan["wave"], plan["domain"], plan["end"], strict=True):
                ends[(int(wave), str(domain))] = max(end, ends.get((int(wave), str(domain)), end))
        self.ends = ends
        dropped = gap.dropped
        #: assets whose own items the plan leaves out: they run only applications that are
        #: replaced, and are retired with them (docs/method.md#plan)
        self.superseded = (
            set(dropped.loc[dropped["rule"] == SUPERSEDED, "asset"].astype(str))
            if not dropped.empty
            else set()
        )

    def of(
        self, risk_class: str, assets: Iterable[str], *, actions: frozenset[str] | None = None
    ) -> dict[str, tuple[int, dt.date | None]]:
        """Per asset (``code:id``) with a removing item: the last wave and its package's end."""
        wanted = set(assets)
        if self.items.empty or not wanted:
            return {}
        # a joint item names the instance it rebuilds by its node (``joint: code:id``): an
        # item counts for its own asset when that is wanted, else for its key
        allowed = actions or REMOVED_BY[risk_class]
        keyed: dict[int, str] = {}
        for asset in wanted:
            for row in self._by_asset.get(asset, ()):
                keyed[row] = asset
            for row in self._by_key.get(asset, ()):
                if self._assets[row] not in wanted:
                    keyed[row] = asset
        found: dict[str, tuple[int, dt.date | None]] = {}
        for row in sorted(keyed):  # in the items' order, as the plan lists them
            if self._actions[row] not in allowed:
                continue
            asset, wave = keyed[row], self._waves[row]
            known = found.get(asset)
            if known is None or wave > known[0]:
                found[asset] = (wave, self.ends.get((wave, self._domains[row])))
        return found

    def eol_item(self, assets: Iterable[str]) -> dict[str, tuple[int, dt.date | None]]:
        """Per end-of-life asset, the wave of the item ``gap.eol_plan`` says removes it."""
        items = self.items
        if items.empty:
            return {}
        waves = dict(
            zip(
                items["item_id"].astype(str),
                zip(items["wave"], items["domain"].astype(str), strict=True),
                strict=True,
            )
        )
        found: dict[str, tuple[int, dt.date | None]] = {}
        for asset in assets:
            item = waves.get(self.eol_items.get(asset, ""))
            if item is not None:
                found[asset] = (int(item[0]), self.ends.get((int(item[0]), item[1])))
        return found

    def retired(self, carried: Mapping[str, list[str]]) -> dict[str, tuple[int, dt.date | None]]:
        """Superseded assets (``asset -> the applications it runs``) removed when the last of
        their applications is replaced; an asset with an application not replaced is not."""
        found: dict[str, tuple[int, dt.date | None]] = {}
        for asset, applications in carried.items():
            if asset not in self.superseded or not applications:
                continue
            replaced = self.of("eol", applications, actions=RETIRED_WITH)
            if len(replaced) == len(set(applications)):
                found[asset] = _last(replaced.values())  # type: ignore[assignment]
        return found


def _last(removals: Iterable[tuple[int, dt.date | None]]) -> tuple[int | None, dt.date | None]:
    chosen = list(removals)
    if not chosen:
        return None, None
    wave = max(wave for wave, _ in chosen)
    ends = [end for w, end in chosen if w == wave and end is not None]
    return wave, max(ends) if ends else None


def _codes(values: Iterable[Any]) -> tuple[str, ...]:
    return tuple(sorted({str(value) for value in values}))


def _eol_entries(gap: GapReport, removal: _Removal) -> list[RiskEntry]:
    """End-of-life assets that applications depend on, per capability and lifecycle state,
    split into those a plan item removes and those none does."""
    eol = gap.eol
    if eol.empty:
        return []
    eol = eol[
        eol["lifecycle_state"].isin(["end_of_life", "ending"])
        & (pd.to_numeric(eol["dependent_application_count"]).fillna(0) > 0)
    ]
    if eol.empty:
        return []
    risks = gap.risks[gap.risks["applications"] > 0]
    worst = risks.groupby(["capability", "lifecycle_state"])["consequence"].max().to_dict()
    removed = removal.of("eol", eol["asset"].astype(str))
    removed.update(removal.eol_item(a for a in eol["asset"].astype(str) if a not in removed))
    removed.update(
        removal.retired(
            {
                asset: [app.replace(":application:", ":", 1) for app in apps.split(";") if app]
                for asset, apps in zip(
                    eol["asset"].astype(str), eol["dependent_applications"].astype(str), strict=True
                )
                if asset not in removed
            }
        )
    )
    planned = eol["asset"].astype(str).isin(removed.keys())
    entries = []
    names = ReleaseNames()  # releases as people write them, not the catalogue's cycle ids
    for (capability, state, is_planned), group in eol.groupby(
        [eol["capability"], eol["lifecycle_state"], planned], sort=True
    ):
        applications = {
            app
            for apps in group["dependent_applications"].astype(str)
            for app in apps.split(";")
            if app
        }
        consequence = int(
            worst.get(
                (capability, state),
                step_score(int(group["dependent_application_count"].max()), APPLICATION_STEPS),
            )
        )
        wave, end = _last(removed[a] for a in group["asset"].astype(str) if a in removed)
        cycles: dict[str, set[str]] = {}
        for product, cycle in zip(
            group["product"].astype(str), group["cycle"].fillna("").astype(str), strict=True
        ):
            cycles.setdefault(product, set()).add(cycle)
        products = [
            f"{product} {', '.join(sorted(names.label(product, c) for c in found if c))}".strip()
            for product, found in sorted(cycles.items())
        ]
        entries.append(
            RiskEntry(
                "eol",
                str(state),
                likelihood_of(BASE_LIKELIHOOD[f"eol:{state}"], bool(is_planned)),
                consequence,
                {
                    "count": len(group),
                    "products": ", ".join(products),
                    "municipalities": _codes(group["municipality"]),
                    "applications": len(applications),
                },
                wave,
                end,
                len(group),
            )
        )
    return entries


def _sla_worst(rows: pd.DataFrame) -> int:
    return max((CRITICALITY_SCORE.get(str(c), 1) for c in rows["criticality"]), default=1)


def _single_point_entries(gap: GapReport, removal: _Removal) -> list[RiskEntry]:
    """Servers that are single points of failure under applications whose service level
    requires redundancy (the SLA table), one row per server."""
    sla = gap.sla
    if sla.empty:
        return []
    kinds = sla["gap_kinds"].astype(str).str.split(";")
    entries = []
    for kind in _SPOF_KINDS:
        rows = sla[kinds.map(lambda found, kind=kind: kind in found)]
        for server, group in rows.groupby(rows["infrastructure"].astype(str), sort=True):
            removed = removal.of("single_point", [server])
            wave, end = _last(removed.values())
            apps = len(set(group["application"]))
            entries.append(
                RiskEntry(
                    "single_point",
                    kind,
                    likelihood_of(BASE_LIKELIHOOD["single_point"], bool(removed)),
                    max(_sla_worst(group), step_score(apps, APPLICATION_STEPS)),
                    {
                        "server": server.partition(":")[2],
                        "municipalities": _codes(group["municipality"]),
                        "applications": apps,
                        "critical": int((group["criticality"].astype(str) == "critical").sum()),
                    },
                    wave,
                    end,
                )
            )
    return entries


def _interconnect_entries(gap: GapReport, removal: _Removal) -> list[RiskEntry]:
    """Interconnects below the target's bandwidth or without the redundancy it requires,
    one row per link, with the applications that need redundancy at its ends (SLA)."""
    links = gap.interconnects
    if links.empty:
        return []
    links = links[links["link"].astype(str).ne("") & ~links["compliant"].astype(bool)]
    sla = gap.sla
    uplink = sla[sla["gap_kinds"].astype(str).str.contains("single_uplink")]
    entries = []
    for row in links.to_dict("records"):
        short_bandwidth = not bool(row["meets_bandwidth"])
        variant = "bandwidth" if short_bandwidth else "redundancy"
        if short_bandwidth and not bool(row["meets_redundancy"]):
            variant = "both"
        at_ends = uplink[
            uplink["infrastructure"].astype(str).isin([str(row["a_site"]), str(row["b_site"])])
        ]
        removed = removal.of("interconnect", [str(row["link"])])
        wave, end = _last(removed.values())
        base = BASE_LIKELIHOOD[
            "interconnect:bandwidth" if short_bandwidth else "interconnect:redundancy"
        ]
        apps = int(row["dependent_application_count"])
        entries.append(
            RiskEntry(
                "interconnect",
                variant,
                likelihood_of(base, bool(removed)),
                max(_sla_worst(at_ends), step_score(apps, APPLICATION_STEPS)),
                {
                    "link": str(row["link"]).partition(":")[2],
                    "a_site": str(row["a_site"]),
                    "b_site": str(row["b_site"]),
                    "municipalities": _codes([row["municipality"]]),
                    "bandwidth": float(row["bandwidth_mbps"]),
                    "minimum": float(row["min_bandwidth_mbps"]),
                    "applications": apps,
                    "sla": len(set(at_ends["application"])),
                },
                wave,
                end,
            )
        )
    return entries


def _capacity_entries(gap: GapReport) -> list[RiskEntry]:
    """Room and power (hallplanering) and the clusters' compute for what moves."""
    entries = []
    verdict = gap.capacity_verdict
    if not verdict.fits_combined:
        entries.append(
            RiskEntry(
                "capacity",
                "",
                likelihood_of(BASE_LIKELIHOOD["capacity"], False),
                CLASS_CONSEQUENCE["capacity"],
                {
                    "rack_units": verdict.short_rack_units,
                    "kw": verdict.short_kw,
                    "servers": verdict.moving_physical_servers,
                },
            )
        )
    compute = gap.compute_verdict
    if compute is not None and not compute.fits:
        short = gap.compute[gap.compute["short"] > 0] if not gap.compute.empty else gap.compute
        entries.append(
            RiskEntry(
                "compute",
                "",
                likelihood_of(BASE_LIKELIHOOD["compute"], False),
                CLASS_CONSEQUENCE["compute"],
                {
                    "vms": compute.moving_vms,
                    "hosts": compute.hosts,
                    "short": tuple(
                        (str(r), float(s), str(u))
                        for r, s, u in zip(
                            short["resource"], short["short"], short["unit"], strict=True
                        )
                    ),
                },
            )
        )
    return entries


def _security_entries(gap: GapReport, removal: _Removal) -> list[RiskEntry]:
    """Baseline controls not met, one row per control and whether the plan brings them."""
    security = gap.security
    if security.empty:
        return []
    missing = security[~security["compliant"].astype(bool)]
    entries = []
    for control, group in missing.groupby(missing["control"].astype(str), sort=True):
        capability = CONTROL_CAPABILITY.get(control)
        per_municipality: dict[str, tuple[int, dt.date | None]] = {}
        for code, affected in zip(
            group["municipality"].astype(str), group["affected"].fillna("").astype(str), strict=True
        ):
            assets = [f"{code}: {capability}"] if capability else []
            assets += [a for a in affected.split(";") if ":" in a]
            removed = removal.of("security", assets)
            if removed:
                per_municipality[code] = _last(removed.values())  # type: ignore[assignment]
        for is_planned in (True, False):
            codes = [
                c
                for c in group["municipality"].astype(str)
                if (c in per_municipality) == is_planned
            ]
            if not codes:
                continue
            wave, end = _last(v for c, v in per_municipality.items() if c in codes)
            entries.append(
                RiskEntry(
                    "security",
                    control,
                    likelihood_of(BASE_LIKELIHOOD["security"], is_planned),
                    CONTROL_CONSEQUENCE.get(control, 3),
                    {"municipalities": _codes(codes)},
                    wave,
                    end,
                    len(codes),
                )
            )
    return entries


def _sequencing_entries(gap: GapReport) -> list[RiskEntry]:
    """Sequencing rules the plan could not meet (the gap's notes)."""
    rules = [m.group(1) for note in gap.notes if (m := _UNMET_RULE.match(str(note)))]
    return [
        RiskEntry(
            "sequencing",
            "",
            likelihood_of(BASE_LIKELIHOOD["sequencing"], False),
            CLASS_CONSEQUENCE["sequencing"],
            {"rule": rule},
        )
        for rule in rules
    ]


def _target_lifecycle_entries(gap: GapReport) -> list[RiskEntry]:
    """The target's own releases that end before, or soon after, the plan does."""
    table = gap.target_lifecycle
    if table.empty:
        return []
    entries = []
    for row in table.itertuples(index=False):
        verdict = str(row.verdict)
        if verdict == "ok":
            continue
        entries.append(
            RiskEntry(
                "target_lifecycle",
                verdict,
                likelihood_of(BASE_LIKELIHOOD[f"target_lifecycle:{verdict}"], False),
                CLASS_CONSEQUENCE["target_lifecycle"],
                {
                    "product": f"{row.product} {row.min_version}".strip(),
                    "eol": _date(row.eol),
                    "plan_end": _date(row.plan_end),
                },
            )
        )
    return entries


def _date(value: Any) -> dt.date | None:
    if is_missing(value):
        return None
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        return None


def _cost_entries(gap: GapReport) -> list[RiskEntry]:
    """A saving whose range reaches below zero; cost lines not priced."""
    case = gap.business_case
    if case is None:
        return []
    entries = []
    saving = case.yearly_saving
    if saving is not None and saving.low < 0:
        width = saving.high - saving.low
        below = 1.0 if saving.high <= 0 or width <= 0 else -saving.low / width
        # banded as the reader sees it, in whole percent (29.9 % is written and read as 30)
        percent = round(below * 100)
        entries.append(
            RiskEntry(
                "cost_saving",
                "",
                probability_likelihood(percent / 100),
                CLASS_CONSEQUENCE["cost_saving"],
                {"saving": saving, "currency": case.currency, "percent": percent},
            )
        )
    unpriced = case.not_priced + len(case.unstated_licences)
    if unpriced:
        entries.append(
            RiskEntry(
                "cost_unpriced",
                "",
                likelihood_of(BASE_LIKELIHOOD["cost_unpriced"], True),
                CLASS_CONSEQUENCE["cost_unpriced"],
                {"lines": case.not_priced, "licences": ", ".join(case.unstated_licences)},
                count=unpriced,
            )
        )
    return entries


def risk_register(gap: GapReport) -> list[RiskEntry]:
    """The register of ``gap``, highest likelihood x consequence first (then consequence,
    the applications affected, the order of ``RISK_CLASSES``)."""
    removal = _Removal(gap)
    entries = [
        *_eol_entries(gap, removal),
        *_single_point_entries(gap, removal),
        *_interconnect_entries(gap, removal),
        *_capacity_entries(gap),
        *_security_entries(gap, removal),
        *_sequencing_entries(gap),
        *_target_lifecycle_entries(gap),
        *_cost_entries(gap),
    ]
    order = {name: at for at, name in enumerate(RISK_CLASSES)}
    return sorted(
        entries,
        key=lambda e: (
            -e.score,
            -e.consequence,
            -int(e.params.get("applications", 0)),
            order[e.risk_class],
        ),
    )


# -- in the report ---------------------------------------------------------------------------

#: Mitigations written per class; a class with an ``_unplanned`` text uses it without a wave.
_UNPLANNED_TEXT = frozenset({"eol", "single_point", "interconnect", "security"})


def _names_of(codes: Iterable[str], names: Mapping[str, str], lang: Lang) -> str:
    shown = [names.get(code, code) for code in codes]
    if len(shown) > 1:
        return t("costs.list_and", lang, items=", ".join(shown[:-1]), last=shown[-1])
    return shown[0] if shown else ""


def _site(node: str, names: Mapping[str, str]) -> str:
    code, _, site = node.partition(":")
    return f"{names.get(code, code)} {site}".strip()


def _number(value: float, lang: Lang) -> str:
    return format_number(value, lang, 0 if float(value).is_integer() else 1)


def _shortfall(short: tuple[tuple[str, float, str], ...], lang: Lang) -> str:
    parts = []
    for resource, amount, unit in short:
        key = {
            "vcpu": "rr.resource.vcpu",
            "ram": "rr.resource.ram_gb",
            "datastore": "rr.resource.datastore_tb",
        }.get(resource, "rr.resource.other")
        parts.append(t(key, lang, amount=_number(amount, lang), unit=unit, resource=resource))
    if len(parts) > 1:
        return t("costs.list_and", lang, items=", ".join(parts[:-1]), last=parts[-1])
    return parts[0] if parts else ""


def _counted(noun: str, count: int, lang: Lang) -> str:
    """The count with its noun, 1 asset or 3 assets (``rr.n.<noun>.one`` / ``.other``)."""
    return t(
        f"rr.n.{noun}.{'one' if count == 1 else 'other'}", lang, n=format_number(count, lang, 0)
    )


def risk_text(entry: RiskEntry, names: Mapping[str, str], lang: Lang) -> str:
    """The risk's sentence in ``lang`` (municipality names, dates and amounts formatted)."""
    params: dict[str, Any] = {}
    for key, value in entry.params.items():
        if key == "municipalities":
            params[key] = _names_of(value, names, lang)
        elif key in ("a_site", "b_site"):
            params[key] = _site(str(value), names)
        elif isinstance(value, dt.date):
            params[key] = format_date(value, lang)
        elif isinstance(value, MoneyRange):
            params[key] = format_range(value, str(entry.params["currency"]), lang)
        elif key == "short":
            params[key] = _shortfall(value, lang)
        elif key == "count" and entry.risk_class == "eol":
            params[key] = _counted("asset", int(value), lang)
        elif key == "applications":
            params[key] = _counted("application", int(value), lang)
        elif key in ("servers", "vms", "hosts"):  # the servers that move, the hosts: 1 or many
            noun = {"servers": "gs.n.moving_server", "vms": "gs.n.moving_vm"}.get(key, "gs.n.host")
            params[key] = t(noun, lang, count=_number(value, lang))
        elif key == "rule":
            params[key] = t(f"plan.rule.{value}", lang)
        elif key == "licences":
            params[key] = value or t("rr.none_listed", lang)
        elif isinstance(value, int | float) and not isinstance(value, bool):
            params[key] = _number(value, lang)
        else:
            params[key] = value
    for key in ("eol", "plan_end"):  # a date the catalogue does not know
        if key in params and params[key] is None:
            params[key] = "–"
    key = f"rr.risk.{entry.risk_class}" + (f".{entry.variant}" if entry.variant else "")
    return t(key, lang, **params)


def mitigation_text(entry: RiskEntry, lang: Lang) -> str:
    """What removes or reduces the risk (per class; without a wave, what to add)."""
    unplanned = entry.wave is None and entry.risk_class in _UNPLANNED_TEXT
    return t(f"rr.mitigation.{entry.risk_class}" + ("_unplanned" if unplanned else ""), lang)


def wave_text(entry: RiskEntry, lang: Lang, *, dated: bool = False) -> str:
    """The wave number (``dated``: with the end of its package), or "—" when no item of
    the plan removes the risk."""
    if entry.wave is None:
        return t("rr.no_wave", lang)
    if dated and entry.removed_by is not None:
        return t("rr.wave_by", lang, wave=entry.wave, date=format_date(entry.removed_by, lang))
    return str(entry.wave)


_COLUMNS = [
    Column(key="rank", label="rr.col_rank", type="int"),
    Column(key="risk", label="rr.col_risk"),
    Column(key="likelihood", label="rr.col_likelihood", type="int"),
    Column(key="consequence", label="rr.col_consequence", type="int"),
    Column(key="level", label="rr.col_level"),
    Column(key="mitigation", label="rr.col_mitigation"),
    Column(key="wave", label="rr.col_wave"),
    Column(key="removed_by", label="rr.col_removed_by", type="date"),
]


def register_table(
    entries: list[RiskEntry],
    names: Mapping[str, str],
    lang: Lang,
    *,
    table_id: str = "risk-register",
    title: str | None = None,
    keys: tuple[str, ...] | None = None,
    note: str = "",
    labels: Mapping[str, str] | None = None,
) -> Table:
    """The register as a report table (``keys``: the columns to show, all by default;
    ``labels``: other label keys for some of them)."""
    labels = labels or {}
    # the wave with the date its last package ends, in one column
    shown = keys or tuple(column.key for column in _COLUMNS if column.key != "removed_by")
    columns = [
        column.model_copy(update={"label": t(labels.get(column.key, column.label), lang)})
        for column in _COLUMNS
        if column.key in shown
    ]
    rows = [
        {
            "rank": rank,
            "risk": risk_text(entry, names, lang),
            "likelihood": entry.likelihood,
            "consequence": entry.consequence,
            "level": t(f"rr.level.{entry.level}", lang),
            "mitigation": mitigation_text(entry, lang),
            "wave": wave_text(entry, lang, dated=True),  # (a bare "5" would be a number as text)
            "removed_by": entry.removed_by,
        }
        for rank, entry in enumerate(entries, start=1)
    ]
    return Table.from_records(
        title or t("rr.title", lang),
        columns,
        rows,
        id=table_id,
        name=t("rr.sheet", lang),
        note=note,
    )


def register_note(entries: list[RiskEntry], lang: Lang) -> str:
    """Says how many risks no item of the plan removes (never left unsaid)."""
    unplanned = sum(entry.wave is None for entry in entries)
    if not entries:
        return t("rr.none", lang)
    if not unplanned:
        return t("rr.note_all_planned", lang)
    return t("rr.note_unplanned", lang, count=unplanned, total=len(entries))


def risk_register_section(
    gap: GapReport, names: Mapping[str, str], lang: Lang, *, entries: list[RiskEntry] | None = None
) -> Section:
    """The register as its own section (right after the decision section)."""
    entries = risk_register(gap) if entries is None else entries
    return Section(
        id=SECTION_ID,
        title=t("rr.section", lang),
        blocks=[
            Paragraph(text=t("rr.method", lang), method="risk-register"),
            register_table(entries, names, lang, note=register_note(entries, lang)),
        ],
    )


#: The register's anchor in the report (the summary links to it).
SECTION_ID = "risk-register"
