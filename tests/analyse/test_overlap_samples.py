"""Overlap on the GGVVH samples: the planted shared and unique products (samples/README.md)."""

from __future__ import annotations

import pytest

from inventory.analyse.normalise import Normaliser
from inventory.analyse.overlap import OverlapResult, compute_overlap
from inventory.snapshot import InventorySnapshot
from tests.helpers import row_at as _row


@pytest.fixture(scope="module")
def normaliser() -> Normaliser:
    return Normaliser.default()


@pytest.fixture(scope="module")
def result(sample_snapshot: InventorySnapshot, normaliser: Normaliser) -> OverlapResult:
    return compute_overlap(sample_snapshot, normaliser)


def _product(snapshot: InventorySnapshot, normaliser: Normaliser, kind: str, reference: str) -> str:
    """The canonical product id of one record (``municipality:key``), by the normaliser."""
    municipality, key = reference.split(":")
    frame = snapshot.table(kind)
    row = frame[(frame["municipality"] == municipality) & (frame["id"] == key)].iloc[0]
    product = row["product"] if row["product"] is not None else row["name"]
    found = normaliser.match(row["vendor"], product, row["version"]).product_id
    assert found is not None, reference
    return found


# A platform is in its capability's domain (assets.domain_of), as in the gap report.
@pytest.mark.parametrize(
    ("key", "domain", "capability"),
    [
        ("p-ad", "platforms", "directory"),
        ("p-entra", "platforms", "identity_mfa"),
        ("p-intune", "clients", "endpoint_management"),
    ],
)
def test_platforms_shared_by_all_five(
    result: OverlapResult,
    normaliser: Normaliser,
    sample_snapshot: InventorySnapshot,
    key: str,
    domain: str,
    capability: str,
) -> None:
    product = _product(sample_snapshot, normaliser, "platform", f"hylte:{key}")
    assert result.sharing(domain, capability)[product] == "all"


@pytest.mark.parametrize(
    "key", ["app-sitevision", "app-byggr", "app-npo", "app-kivra", "app-tendsign", "app-etjanster"]
)
def test_applications_shared_by_all_five(
    result: OverlapResult, normaliser: Normaliser, sample_snapshot: InventorySnapshot, key: str
) -> None:
    product = _product(sample_snapshot, normaliser, "application", f"gislaved:{key}")
    shared = result.shared_applications.set_index("product_id")
    assert shared.loc[product, "municipality_count"] == 5


@pytest.mark.parametrize(
    ("kind", "reference", "domain", "capability"),
    [
        ("platform", "hylte:p-hyperv", "datacentre", "hypervisor"),
        ("platform", "hylte:p-backup", "datacentre", "backup"),
        ("platform", "varnamo:p-siem", "platforms", "logging_siem"),
    ],
)
def test_unique_platforms(
    result: OverlapResult,
    normaliser: Normaliser,
    sample_snapshot: InventorySnapshot,
    kind: str,
    reference: str,
    domain: str,
    capability: str,
) -> None:
    product = _product(sample_snapshot, normaliser, kind, reference)
    assert result.sharing(domain, capability)[product] == "unique"


@pytest.mark.parametrize("reference", ["hylte:app-treserva", "varnamo:app-combine"])
def test_unique_social_care_systems(
    result: OverlapResult,
    normaliser: Normaliser,
    sample_snapshot: InventorySnapshot,
    reference: str,
) -> None:
    product = _product(sample_snapshot, normaliser, "application", reference)
    assert result.sharing("applications", "social_care")[product] == "unique"
    assert product not in set(result.shared_applications["product_id"])


@pytest.mark.parametrize(
    ("reference", "municipalities"),
    [
        ("gnosjo:app-procapita", "gislaved, gnosjo, vaggeryd"),
        ("varnamo:app-personec", "gislaved, vaggeryd, varnamo"),
        ("gnosjo:app-raindance", "gislaved, gnosjo, vaggeryd"),
        ("hylte:app-heroma", "gnosjo, hylte"),
        ("gnosjo:app-earkiv", "gislaved, gnosjo, vaggeryd, varnamo"),
    ],
)
def test_business_applications_shared_by_several(
    result: OverlapResult,
    normaliser: Normaliser,
    sample_snapshot: InventorySnapshot,
    reference: str,
    municipalities: str,
) -> None:
    product = _product(sample_snapshot, normaliser, "application", reference)
    shared = result.shared_applications.set_index("product_id")
    assert shared.loc[product, "municipalities"] == municipalities


def test_similarity_and_harmonisation(result: OverlapResult) -> None:
    matrix = result.similarity.to_numpy()
    assert (matrix == matrix.T).all() and ((matrix >= 0) & (matrix <= 1)).all()
    # Hylte (outsourced, Hyper-V, Meraki, its own systems) is the least like the others
    others = result.similarity.where(result.similarity < 1).mean()
    assert others.idxmin() == "hylte"
    index = result.harmonisation.set_index(["domain", "capability"])
    assert index.loc[("platforms", "directory"), "top_share"] == 1.0
    # one capability for the hypervisor platforms and their hosts (as the gap matrix):
    # ESXi: a platform in four municipalities and hosts 4 + 2 + 3 + 6; Hyper-V: Hylte's
    # platform and hosts hv01-hv03
    hypervisor = _row(index, ("datacentre", "hypervisor"))
    esxi, hyper_v = 4 + (4 + 2 + 3 + 6), 1 + 3
    assert hypervisor["products"] == 2
    assert hypervisor["top_share"] == pytest.approx(esxi / (esxi + hyper_v))
