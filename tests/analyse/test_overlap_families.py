"""Product families in overlap and gap: suite modules stay apart (shown with their suite),
renames and vendor spellings are one product."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

import pandas as pd
import pytest

from inventory.analyse.applications import function_groups, group_of
from inventory.analyse.normalise import Normaliser
from inventory.analyse.overlap import compute_overlap
from inventory.gap.blocks import gap_matrix
from inventory.snapshot import InventorySnapshot

SnapshotBuilder = Callable[[Mapping[str, Sequence[Mapping[str, Any]]]], InventorySnapshot]
A, B, C = "alvdal", "tynset", "rendalen"


def _app(
    m: str, key: str, vendor: str | None, product: str, area: str, users: int = 100
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


@pytest.fixture(scope="module")
def normaliser() -> Normaliser:
    return Normaliser.default()


@pytest.fixture
def products(snapshot_of: SnapshotBuilder, normaliser: Normaliser) -> pd.DataFrame:
    snapshot = snapshot_of(
        {
            "application": [
                # one suite, three modules, each municipality writes them its own way
                _app(A, "skole", "Visma", "Visma Flyt Skole", "education", 300),
                _app(B, "skole", "Visma Software AS", "Flyt skule", "education", 200),
                _app(A, "bhg", "Visma", "Flyt Barnehage", "education", 80),
                _app(C, "bhg", None, "VismaFlytBarnehage", "education", 60),
                _app(C, "bv", "Visma", "Visma Flyt Barnevern", "social_care", 20),
                # renames of one product
                _app(A, "erp", "Agresso", "Agresso M7", "finance"),
                _app(B, "erp", "Unit4", "Unit4 Business World", "finance"),
                _app(C, "erp", "Unit 4 AS", "Unit4 ERP 7", "finance"),
                # vendor spellings of one product
                _app(A, "gis", "Norkart AS", "Komtek", "building_planning"),
                _app(B, "gis", "Norkart", "Norkart Komtek", "building_planning"),
                _app(C, "gis", "NORKART", "KOMTEK", "building_planning"),
                _app(A, "journal", "CGM", "CGM Journal", "health"),
                _app(B, "journal", "CompuGroup Medical Norway AS", "CGM Journal", "health"),
            ]
        }
    )
    result = compute_overlap(snapshot, normaliser)
    rows = result.products[result.products["domain"] == "applications"]
    return rows.set_index("product_id")


def test_suite_modules_are_different_products_shown_with_their_suite(
    products: pd.DataFrame,
) -> None:
    assert products.loc["visma-flyt-skole", "sharing"] == "some"  # A and B, not C
    assert products.loc["visma-flyt-skole", "municipalities"] == f"{A}, {B}"
    assert products.loc["visma-flyt-barnehage", "municipalities"] == f"{A}, {C}"
    assert products.loc["visma-flyt-barnevern", "sharing"] == "unique"
    for module in ("visma-flyt-skole", "visma-flyt-barnehage", "visma-flyt-barnevern"):
        assert products.loc[module, "suite"] == "Visma Flyt"
    assert products["suite"].isna()["unit4-erp"]


def test_renames_and_vendor_spellings_are_one_product(products: pd.DataFrame) -> None:
    for product in ("unit4-erp", "komtek"):
        assert products.loc[product, "sharing"] == "all", product
        assert products.loc[product, "municipality_count"] == 3
    assert products.loc["cgm-journal", "municipalities"] == f"{A}, {B}"
    assert not any(str(pid).startswith(("unmatched", "unlisted", "?")) for pid in products.index)


def test_shared_applications_show_the_suite(
    snapshot_of: SnapshotBuilder, normaliser: Normaliser
) -> None:
    snapshot = snapshot_of(
        {
            "application": [
                _app(A, "s", "Visma", "Visma Flyt Skole", "education"),
                _app(B, "s", "Visma", "Flyt Skole", "education"),
                _app(A, "e", "Unit4", "Agresso", "finance"),
                _app(B, "e", None, "Unit4 ERP", "finance"),
            ]
        }
    )
    shared = compute_overlap(snapshot, normaliser).shared_applications.set_index("product_id")
    assert shared.loc["visma-flyt-skole", "suite"] == "Visma Flyt"
    assert shared.loc["visma-flyt-skole", "municipality_count"] == 2
    assert shared["suite"].isna()["unit4-erp"]


def test_suite_modules_never_share_a_function_group() -> None:
    # no municipality runs two of them side by side, which alone would make them "one job"
    assets = pd.DataFrame(
        {
            "capability": ["education"] * 4,
            "product_id": ["visma-flyt-skole", "visma-flyt-barnehage", "ist", "tempus"],
            "municipality": [A, B, C, "os"],
            "users": [300.0, 280.0, 250.0, 260.0],
        }
    )
    groups = group_of(function_groups(assets, {}))
    skole, barnehage = (
        groups[("education", "visma-flyt-skole")],
        groups[("education", "visma-flyt-barnehage")],
    )
    assert skole != barnehage  # siblings of one suite
    assert groups[("education", "ist")] == skole  # both school administration
    assert groups[("education", "tempus")] == barnehage  # both preschool
    assert groups[("education", "tempus")] != groups[("education", "ist")]


def test_gap_matrix_shows_the_suite_of_each_block(normaliser: Normaliser) -> None:
    blocks = pd.DataFrame(
        {
            "block_id": [
                "education:visma-flyt-skole:-",
                "education:visma-flyt-barnehage:-",
                "finance:unit4-erp:-",
            ],
            "domain": "applications",
            "capability": ["education", "education", "finance"],
            "product_id": ["visma-flyt-skole", "visma-flyt-barnehage", "unit4-erp"],
            "title": ["Flyt Skole", "Flyt Barnehage", "Unit4 ERP"],
            "cycle": None,
            "lifecycle_state": "unknown",
            "eol": None,
            "municipalities": [A, B, C],
            "assets": 1,
            "records": 1,
        }
    )
    matrix, _ = gap_matrix(blocks, [], normaliser)
    suites = matrix.set_index("product_id")["suite"]
    assert suites["visma-flyt-skole"] == suites["visma-flyt-barnehage"] == "Visma Flyt"
    assert suites.isna()["unit4-erp"]
    assert len(matrix) == 3  # two modules, two blocks
