"""Overlap between three hand-built municipalities with known shared and unique products."""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping, Sequence
from typing import Any

import pandas as pd
import pytest

from inventory.analyse.normalise import Normaliser
from inventory.analyse.overlap import OverlapResult, compute_overlap
from inventory.snapshot import InventorySnapshot
from inventory.validate.batch import REFERENCE_COLUMNS
from tests.helpers import row_at as _row

A, B, C = "gislaved", "gnosjo", "hylte"

SnapshotBuilder = Callable[[Mapping[str, Sequence[Mapping[str, Any]]]], InventorySnapshot]


def _cell(frame: pd.DataFrame, row: str, column: str) -> float:
    """One numeric cell of ``frame``."""
    value = frame.loc[row, column]
    assert isinstance(value, float), (row, column, value)
    return value


def _records() -> dict[str, list[dict[str, Any]]]:
    """A and B alike (other spellings and versions of the same products), C different."""

    def platform(
        m: str,
        key: str,
        capability: str,
        vendor: str | None,
        product: str,
        version: str | None = None,
    ) -> dict[str, Any]:
        return {
            "municipality": m,
            "id": key,
            "capability": capability,
            "vendor": vendor,
            "product": product,
            "version": version,
        }

    def app(
        m: str, key: str, vendor: str | None, product: str, area: str, users: int
    ) -> dict[str, Any]:
        return {
            "municipality": m,
            "id": key,
            "name": product,
            "vendor": vendor,
            "product": product,
            "business_area": area,
            "users": users,
        }

    return {
        "municipality": [
            {"municipality": m, "code": m, "name": m.title(), "country": "SE"} for m in (A, B, C)
        ],
        "platform": [
            platform(A, "p-mail", "email", "Microsoft", "Exchange", "2019"),
            platform(B, "p-mail", "email", None, "Microsoft Exchange Server 2016"),
            platform(C, "p-mail", "email", "Microsoft", "Microsoft 365"),
            platform(A, "p-ad", "directory", "Microsoft", "Active Directory"),
            platform(B, "p-ad", "directory", None, "AD DS", "2016"),
            platform(C, "p-ad", "directory", "Microsoft", "Active Directory"),
            platform(A, "p-mdm", "endpoint_management", "Microsoft", "Intune"),
            platform(B, "p-mdm", "endpoint_management", "Microsoft", "Intune"),
            platform(C, "p-mdm", "endpoint_management", "Google", "Google Workspace"),
        ],
        "application": [
            app(A, "a1", "TietoEnator", "Procapita", "social_care", 400),
            app(B, "a1", "Tieto", "Procapita VoO", "social_care", 150),
            app(C, "a1", "Tietoevry", "Lifecare", "social_care", 120),
            app(A, "a2", "Visma", "Proceedo", "finance", 50),
            app(B, "a2", "Visma", "Proceedo", "finance", 20),
            app(C, "a2", "Visma", "Proceedo", "finance", 30),
        ],
        "client": [
            {
                "municipality": A,
                "id": "c1",
                "kind": "laptop",
                "os_product": "Windows",
                "os_version": "11",
                "managed_by": "p-mdm",
                "quantity": 100,
            },
            {
                "municipality": B,
                "id": "c1",
                "kind": "laptop",
                "os_product": "Windows",
                "os_version": "10",
                "managed_by": "p-mdm",
                "quantity": 50,
            },
            {
                "municipality": C,
                "id": "c1",
                "kind": "chromebook",
                "os_product": "ChromeOS",
                "managed_by": "p-mdm",
                "quantity": 200,
            },
            {
                "municipality": C,
                "id": "c2",
                "kind": "laptop",
                "os_product": "Windows 11 Enterprise",
                "managed_by": "p-mdm",
                "quantity": 20,
            },
        ],
    }


@pytest.fixture(scope="module")
def normaliser() -> Normaliser:
    return Normaliser.default()


@pytest.fixture
def result(snapshot_of: SnapshotBuilder, normaliser: Normaliser) -> OverlapResult:
    return compute_overlap(snapshot_of(_records()), normaliser)


def test_shared_by_all_some_and_unique(result: OverlapResult) -> None:
    assert result.sharing("platforms", "email") == {"msexchange": "some", "microsoft-365": "unique"}
    assert result.sharing("platforms", "directory") == {"active-directory": "all"}
    assert result.sharing("clients", "client_os") == {"windows": "all", "chromeos": "unique"}
    assert result.sharing("clients", "endpoint_management") == {
        "intune": "some",
        "google-workspace": "unique",
    }
    assert result.sharing("clients", "client_management") == {
        "intune": "some",
        "google-workspace": "unique",
    }


def test_asset_counts_weighted_by_quantity(result: OverlapResult) -> None:
    usage = result.usage.set_index(["capability", "municipality", "product_id"])["assets"]
    assert usage[("client_os", C, "windows")] == 20
    assert usage[("client_os", C, "chromeos")] == 200
    assert usage[("client_management", A, "intune")] == 100


def test_similarity_matrix(result: OverlapResult) -> None:
    matrix = result.similarity
    assert list(matrix.index) == [A, B, C]
    assert matrix.loc[A, B] == pytest.approx(1.0)  # same products, other spellings
    assert matrix.loc[A, C] == pytest.approx(matrix.loc[C, A])
    assert 0 < _cell(matrix, A, C) < _cell(matrix, A, B)
    assert (matrix.to_numpy().diagonal() == 1.0).all()
    by_domain = result.similarity_by_domain.set_index(
        ["municipality_a", "municipality_b", "domain"]
    )["similarity"]
    # platforms: A and C share only the directory of two capabilities (1 / (1 + 2 * 1));
    # endpoint management is in the clients domain, as in the gap report
    assert by_domain[(A, C, "platforms")] == pytest.approx(1 / 3)


def test_harmonisation_index(result: OverlapResult) -> None:
    index = result.harmonisation.set_index(["domain", "capability"])
    email = _row(index, ("platforms", "email"))
    assert (email["products"], email["top_product_id"]) == (2, "msexchange")
    assert email["top_share"] == pytest.approx(2 / 3)
    client_os = _row(index, ("clients", "client_os"))
    assert (client_os["top_product_id"], client_os["assets"]) == ("chromeos", 370)
    assert client_os["top_share"] == pytest.approx(200 / 370, abs=1e-4)
    assert _row(index, ("platforms", "directory"))["top_share"] == 1.0


def test_shared_business_applications(result: OverlapResult) -> None:
    shared = result.shared_applications
    assert list(shared["product_id"]) == ["proceedo", "procapita"]
    procapita = shared.set_index("product_id").loc["procapita"]
    assert (procapita["municipalities"], procapita["users"]) == (f"{A}, {B}", 550)


def test_json_and_tables(result: OverlapResult) -> None:
    data = json.loads(json.dumps(result.to_json()))
    assert data["similarity"][A][B] == 1.0
    assert {row["product_id"] for row in data["shared_applications"]} == {"proceedo", "procapita"}
    assert set(result.to_tables()) == {
        "usage",
        "products",
        "similarity",
        "harmonisation",
        "shared_applications",
    }


def test_empty_snapshot(normaliser: Normaliser) -> None:
    nothing = InventorySnapshot(tables={}, references=pd.DataFrame(columns=list(REFERENCE_COLUMNS)))
    empty = compute_overlap(nothing, normaliser)
    assert empty.municipalities == [] and empty.usage.empty and empty.products.empty
    json.dumps(empty.to_json())
