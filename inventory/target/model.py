"""The target architecture for merged operations: a YAML file validated by these models.

A target names, per capability, the product (or products) the merged organisation will
run and their minimum version; client standards; network minimums; the lifecycle
policy; the security baseline; SLA levels by application criticality; the primary and
secondary datacentre; optionally the business applications kept per business area; and
the unit efforts and hourly rate that price the migration.
"""

from __future__ import annotations

import json
from collections.abc import Collection
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from inventory.echo import shorten, visible
from inventory.errors import TargetError
from inventory.issues import Issue, IssueCode, template_key
from inventory.messages import Message, MessageList
from inventory.models.enums import (
    BusinessArea,
    Capability,
    ClientKind,
    Criticality,
    UserGroup,
    ZonePurpose,
)
from inventory.target.economics import CostKey, Economics, PlanFrame, StudyArea, UnitPrices
from inventory.yamlfile import (
    SCHEMA_HINT,
    YamlDocument,
    load_yaml_model,
    read_yaml_file,
    validate_document,
)

SCHEMA_FILE = "target.schema.json"


class _Strict(BaseModel):
    # inf and nan are no efforts, rates or capacities: refused with their line.
    model_config = ConfigDict(extra="forbid", use_enum_values=True, allow_inf_nan=False)


class ProductChoice(_Strict):
    """A product the target allows, with its minimum version."""

    product: str = Field(
        description="Product as users write it; normalised on use", examples=["VMware vSphere ESXi"]
    )
    vendor: str | None = None
    min_version: str | None = Field(
        default=None, description="Lowest acceptable version", examples=["8.0"]
    )


class CapabilityTarget(_Strict):
    """What the target runs for one capability."""

    products: list[ProductChoice] = Field(
        min_length=1, description="Allowed products, preferred first"
    )
    deployment: str | None = Field(
        default=None, description="on_prem, hosted, saas or iaas, if fixed"
    )
    instances: int = Field(
        default=1,
        ge=1,
        description="How many instances the joint"
        " operation runs (one directory, one tenant, one backup ...);"
        " more than one keeps that many municipalities' own",
    )
    runs_at: str | None = Field(
        default=None,
        description="Where the joint instance runs:"
        " a datacentre written code:site, or saas; absent = the"
        " primary datacentre (saas for a saas deployment)",
    )
    note: str | None = None


class ApplicationAreaTarget(_Strict):
    """The business application(s) the merged organisation runs in one business area.

    One product per function of the area (social care records, payroll, ...): the area
    lists the products kept; a product used today in the area that the list leaves out
    is harmonised onto the listed product that does the same job.
    """

    products: list[ProductChoice] = Field(
        min_length=1, description="Products kept in the area, most widely used first"
    )
    note: str | None = None


class ClientStandard(_Strict):
    """The standard for one user group's devices (of the listed kinds)."""

    user_group: UserGroup
    kinds: list[ClientKind] = Field(
        default_factory=list, description="Device kinds allowed; empty = any"
    )
    os: list[ProductChoice] = Field(min_length=1)
    management: str = Field(description="Management platform product, e.g. Microsoft Intune")


class InterconnectMinimum(_Strict):
    """Minimum for links between the municipalities' sites (and to the datacentres)."""

    min_bandwidth_mbps: float = Field(ge=0)
    redundant: bool = True


class NetworkTarget(_Strict):
    interconnect: InterconnectMinimum
    required_zones: list[ZonePurpose] = Field(default_factory=list)


class LifecyclePolicy(_Strict):
    """Nothing in the target may be past, or within N months of, its end of life."""

    # At most 100 years: a date that far ahead is still a date (no overflow).
    horizon_months: int = Field(default=12, ge=0, le=1200)


class SecurityBaseline(_Strict):
    """The security level that shall apply ("vilken nivå ska gälla")."""

    mfa_for_all_staff: bool = True
    endpoint_security_on_managed_clients: bool = True
    backup_immutable_copy: bool = True
    logging_to_siem: bool = True
    segmented_zones: bool = True


class SlaLevel(_Strict):
    """Service level for applications of one criticality."""

    availability_percent: float = Field(ge=0, le=100)
    redundancy_required: bool = False
    recovery_time_hours: float | None = Field(default=None, ge=0)


class DatacentreTarget(_Strict):
    """The consolidated datacentres, written ``code:site`` (e.g. ``varnamo:DC1``)."""

    primary: str = Field(pattern=r"^[a-z0-9][a-z0-9_-]*:.+$")
    secondary: str | None = Field(default=None, pattern=r"^[a-z0-9][a-z0-9_-]*:.+$")
    rack_units_per_physical_server: int = Field(
        default=2, ge=1, description="Used when a server has no rack_units"
    )
    watts_per_physical_server: float = Field(
        default=400, ge=0, description="Used when a server has no power_w"
    )
    # Compute capacity of the target clusters (docs/method.md#consolidation)
    vcpu_per_core: float = Field(
        default=4,
        ge=1,
        description="vCPUs the target clusters may run per physical core"
        " (overcommit ratio; 4:1 is the usual figure for server workloads)",
    )
    usable_ram_share: float = Field(
        default=0.75,
        gt=0,
        le=1,
        description="Share of the hosts' RAM that VMs may use (the"
        " rest is the HA failover reserve: one host of four)",
    )
    usable_storage_share: float = Field(
        default=0.7,
        gt=0,
        le=1,
        description="Share of the datastores' capacity VMs may fill"
        " (the rest is slack space: vSAN asks for 25-30 %)",
    )


class UnitEfforts(_Strict):
    """Hours of work per unit of change, and the hourly rate that prices them."""

    physical_server_migration_hours: float = Field(default=16, ge=0)
    virtual_server_migration_hours: float = Field(default=4, ge=0)
    os_upgrade_hours: float = Field(default=6, ge=0)
    storage_migration_hours_per_tb: float = Field(default=2, ge=0)
    network_device_replacement_hours: float = Field(
        default=4,
        ge=0,
        description="An access switch replaced (and a network device of a"
        " role with no hours of its own): swapped in its rack, patched, configured",
    )
    link_upgrade_hours: float = Field(default=24, ge=0)
    platform_replacement_hours: float = Field(default=160, ge=0)
    platform_upgrade_hours: float = Field(default=40, ge=0)
    client_reenrolment_hours: float = Field(default=1, ge=0)
    client_os_upgrade_hours: float = Field(default=1.5, ge=0)
    application_move_hours: float = Field(default=40, ge=0)
    application_harmonisation_hours: float = Field(default=300, ge=0)
    # Consolidation onto the joint operation's single instances (docs/method.md)
    access_point_replacement_hours: float = Field(default=1, ge=0)
    # Network devices replaced by role (docs/method.md#network-and-storage): an access
    # switch is swapped in its rack (network_device_replacement_hours); a device carrying
    # routing, rules or tunnels has its configuration migrated, tested and cut over in a
    # service window. The project's estimates, per device (a firewall pair is two).
    core_switch_replacement_hours: float = Field(
        default=24,
        ge=0,
        description="A core switch replaced: VLANs, routing and uplinks"
        " migrated, cut over in a service window, per device",
    )
    distribution_switch_replacement_hours: float = Field(
        default=8,
        ge=0,
        description="A distribution switch replaced: its VLANs, trunks and"
        " uplinks moved, per device",
    )
    firewall_replacement_hours: float = Field(
        default=24,
        ge=0,
        description="A firewall replaced: rule base, NAT and VPN migrated"
        " and tested, cut over in a service window, per device (a pair: twice)",
    )
    router_replacement_hours: float = Field(
        default=16, ge=0, description="A router replaced: routing and links migrated, per device"
    )
    wlan_controller_replacement_hours: float = Field(
        default=16,
        ge=0,
        description="A WLAN controller replaced: SSIDs, policies and the"
        " access points re-joined, per device",
    )
    load_balancer_replacement_hours: float = Field(
        default=24,
        ge=0,
        description="A load balancer replaced: virtual services,"
        " certificates and health checks migrated, per device",
    )
    vpn_gateway_replacement_hours: float = Field(
        default=16,
        ge=0,
        description="A VPN gateway replaced: tunnels and remote-access"
        " profiles migrated, per device",
    )
    storage_replacement_hours: float = Field(default=24, ge=0)
    server_hardware_replacement_hours: float = Field(
        default=16,
        ge=0,
        description="A physical server or host past its hardware support"
        " replaced like for like: rack, install, move its workloads, decommission",
    )
    host_retirement_hours: float = Field(
        default=4,
        ge=0,
        description="A hypervisor host past its hardware support at a site"
        " given up, retired once its VMs have moved onto the target clusters: maintenance"
        " mode, removed from its cluster and management, wiped, taken out of the rack",
    )
    client_device_replacement_hours: float = Field(
        default=1,
        ge=0,
        description="A client device past its own support end replaced:"
        " zero-touch enrolment, hand-over, wipe and recycle the old one",
    )
    directory_consolidation_hours: float = Field(
        default=160,
        ge=0,
        description="Per directory or tenant merged into the joint one:"
        " trust or sync, cut-over, clean-up",
    )
    directory_migration_hours_per_user: float = Field(default=0.1, ge=0)
    mailbox_migration_hours: float = Field(default=0.2, ge=0)
    device_tenant_move_hours: float = Field(
        default=1,
        ge=0,
        description="A client device moved to the joint tenant (reset, re-enrolment)",
    )
    server_rejoin_hours: float = Field(
        default=2, ge=0, description="A server joined to the joint directory"
    )
    host_registration_hours: float = Field(
        default=4,
        ge=0,
        description="A hypervisor host registered to the joint management"
        " plane (vCenter): disconnect, add, networking and permissions",
    )
    backup_onboarding_hours_per_server: float = Field(default=1, ge=0)
    monitoring_onboarding_hours_per_device: float = Field(default=0.5, ge=0)
    capability_onboarding_hours: float = Field(
        default=40,
        ge=0,
        description="Per municipality joining a joint capability that is introduced once",
    )
    hourly_rate: float = Field(default=1000, ge=0)

    def network_replacement_hours(self) -> dict[str, float]:
        """Hours to replace one network device, by role (``NetworkRole`` value); a role
        not named here takes ``network_device_replacement_hours``."""
        return {
            "access_switch": self.network_device_replacement_hours,
            "access_point": self.access_point_replacement_hours,
            "core_switch": self.core_switch_replacement_hours,
            "distribution_switch": self.distribution_switch_replacement_hours,
            "firewall": self.firewall_replacement_hours,
            "router": self.router_replacement_hours,
            "wlan_controller": self.wlan_controller_replacement_hours,
            "load_balancer": self.load_balancer_replacement_hours,
            "vpn_gateway": self.vpn_gateway_replacement_hours,
        }


class TargetArchitecture(_Strict):
    """The jointly chosen target architecture for merged operations."""

    name: str
    description: str | None = None
    municipalities: list[str] = Field(
        default_factory=list, description="Codes of the municipalities in scope; empty = all stored"
    )
    currency: str = "SEK"
    capabilities: dict[Capability, CapabilityTarget] = Field(default_factory=dict)
    applications: dict[BusinessArea, ApplicationAreaTarget] | None = Field(
        default=None,
        description="Business application standards per business area;"
        " absent = applications are not harmonised",
    )
    server_os: list[ProductChoice] = Field(
        default_factory=list, description="Server operating systems allowed on servers"
    )
    clients: list[ClientStandard] = Field(default_factory=list)
    network: NetworkTarget | None = None
    lifecycle: LifecyclePolicy = Field(default_factory=LifecyclePolicy)
    security: SecurityBaseline = Field(default_factory=SecurityBaseline)
    sla: dict[Criticality, SlaLevel] = Field(default_factory=dict)
    datacentres: DatacentreTarget | None = None
    efforts: UnitEfforts = Field(default_factory=UnitEfforts)
    prices: UnitPrices = Field(default_factory=UnitPrices)
    economics: Economics = Field(default_factory=Economics)
    cost_key: CostKey = Field(default_factory=CostKey)
    plan: PlanFrame = Field(default_factory=PlanFrame)
    scope: list[StudyArea] | None = Field(
        default=None, description="Study areas run jointly (A1-A4, B-I); absent = all"
    )
    extends: str | None = Field(
        default=None,
        description="A target file (path relative to this one) whose sections"
        " this file takes unless it states them itself, e.g. an alternative that changes"
        " only name and scope",
    )

    def named_municipalities(self) -> dict[str, str]:
        """Every municipality code the target names -> where (``municipalities``,
        ``datacentres.primary``, ``datacentres.secondary``)."""
        named = dict.fromkeys(self.municipalities, "municipalities")
        if self.datacentres is not None:
            for role, site in (
                ("primary", self.datacentres.primary),
                ("secondary", self.datacentres.secondary),
            ):
                if site is not None:
                    named.setdefault(site.partition(":")[0], f"datacentres.{role}")
        return named

    def check_stored(self, stored: Collection[str], *, datacentres: bool = True) -> None:
        """Raise ``TargetError`` when the target names a municipality that is not in
        ``stored`` (in ``municipalities``; with ``datacentres`` also in ``datacentres``).

        An error, not a warning: a gap report, its effort, cost and waves silently
        computed for fewer municipalities than the target lists look right and are not
        (a misspelt code, an import forgotten).
        """
        unknown: dict[str, list[str]] = {}
        for code, where in self.named_municipalities().items():
            if code not in stored and (datacentres or where == "municipalities"):
                unknown.setdefault(where, []).append(f"'{visible(shorten(code, 60))}'")
        if not unknown:
            return
        names = MessageList(
            tuple(
                Message("error.target.unstored.where", {"codes": ", ".join(codes), "where": where})
                for where, codes in unknown.items()
            )
        )
        raise TargetError(
            Message("error.target.unstored", {"names": names}),
            hint=(
                Message("error.target.unstored.hint_stored", {"stored": ", ".join(sorted(stored))})
                if stored
                else Message("error.target.unstored.hint")
            ),
        )


def load_target(path: Path) -> tuple[TargetArchitecture | None, list[Issue]]:
    """Read and validate a target architecture file; issues carry the line of each problem.

    A file with ``extends`` takes every top-level section of that target file (itself
    valid) that it does not state; its own sections replace the base's whole.

    Example::

        target, issues = load_target(Path("samples/target.yaml"))
    """
    return _load_target(path, ())


def _load_target(
    path: Path, chain: tuple[Path, ...]
) -> tuple[TargetArchitecture | None, list[Issue]]:
    document, issues = read_yaml_file(path)
    if document is None:
        return None, issues
    base_name = document.data.get("extends") if isinstance(document.data, dict) else None
    if not isinstance(base_name, str):
        return validate_document(
            TargetArchitecture, document, str(path), hint=_TARGET_HINT, code=IssueCode.INVALID_VALUE
        )
    here = path.resolve()
    base_path = path.parent / base_name
    line = document.lines.line_of(("extends",))
    if base_path.resolve() in (*chain, here):
        return None, [
            Issue(
                code=IssueCode.INVALID_VALUE,
                file=str(path),
                line=line,
                column="extends",
                value=visible(shorten(base_name, 80)),
                template=template_key(IssueCode.INVALID_VALUE, "extends_circle"),
            )
        ]
    base, base_issues = _load_target(base_path, (*chain, here))
    if base is None:
        return None, [
            *base_issues,
            Issue(
                code=IssueCode.INVALID_VALUE,
                file=str(path),
                line=line,
                column="extends",
                value=visible(shorten(base_name, 80)),
                template=template_key(IssueCode.INVALID_VALUE, "extends_invalid"),
                params={"path": visible(shorten(str(base_path), 120))},
            ),
        ]
    # what the base stated (not its defaults), then this file's own sections over it
    merged = {
        **base.model_dump(mode="json", exclude_unset=True, exclude={"extends"}),
        **document.data,
    }
    return validate_document(
        TargetArchitecture,
        YamlDocument(merged, document.lines),
        str(path),
        hint=_TARGET_HINT,
        code=IssueCode.INVALID_VALUE,
    )


_TARGET_HINT = SCHEMA_HINT


def target_schema() -> dict[str, Any]:
    schema = TargetArchitecture.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = SCHEMA_FILE
    return schema


def schema_files() -> dict[str, str]:
    """The schema files this module publishes (see ``inventory schemas``)."""
    text = json.dumps(target_schema(), ensure_ascii=False, indent=2, sort_keys=True) + "\n"
    return {SCHEMA_FILE: text}


def load_efforts(path: Path) -> tuple[UnitEfforts | None, list[Issue]]:
    """Read a YAML file of unit efforts (the ``efforts`` section of a target on its own).

    Example::

        efforts, issues = load_efforts(Path("efforts.yaml"))
    """
    return load_yaml_model(path, UnitEfforts)
