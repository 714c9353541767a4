"""The business-application part of a proposal: one system per function of each area.

Per business area the products are put into function groups (``analyse.applications``:
products no municipality runs side by side do the same job). In each group of two or
more products, the product with the most users over all municipalities is kept (a
municipality weighs with its users; ties go to more municipalities); the others are
replaced, which costs ``application_harmonisation_hours`` per municipality that must
change system. Products alone in their group are kept as they are.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from inventory.analyse.applications import FunctionGroup, function_groups
from inventory.messages import Message, MessageList
from inventory.target.model import ApplicationAreaTarget, ProductChoice, UnitEfforts


@dataclass(frozen=True)
class ApplicationAlternative:
    """One product of a function group with what choosing it would cost."""

    product_id: str
    product: str
    vendor: str | None
    municipalities: list[str]
    users: int
    changing_municipalities: list[str]
    effort_hours: float
    chosen: bool


@dataclass
class ApplicationProposal:
    """The proposal for one function of a business area and why."""

    business_area: str
    alternatives: list[ApplicationAlternative]
    why: Message

    @property
    def reason(self) -> str:
        """The reasoning in English (``why`` is the message, shown in any language)."""
        return str(self.why)

    @property
    def chosen(self) -> ApplicationAlternative | None:
        return next((a for a in self.alternatives if a.chosen), None)


def _mode(values: pd.Series) -> str | None:
    modes = values.dropna().astype(str).mode()
    return str(modes.iloc[0]) if not modes.empty else None


def _propose_group(
    group: FunctionGroup, assets: pd.DataFrame, everyone: list[str], efforts: UnitEfforts
) -> ApplicationProposal:
    rows = assets[(assets["capability"] == group.area) & assets["product_id"].isin(group.products)]
    users_of = {
        str(code): set(map(str, part["product_id"])) for code, part in rows.groupby("municipality")
    }
    alternatives = []
    for product_id, part in rows.groupby("product_id", sort=True):
        own = sorted(set(map(str, part["municipality"])))
        changing = sorted(code for code in users_of if product_id not in users_of[code])
        alternatives.append(
            ApplicationAlternative(
                product_id=str(product_id),
                product=_mode(part["product_written"]) or "",
                vendor=_mode(part["vendor_written"]),
                municipalities=own,
                users=int(part["users"].sum()),
                changing_municipalities=changing,
                effort_hours=round(len(changing) * efforts.application_harmonisation_hours, 1),
                chosen=False,
            )
        )
    alternatives.sort(key=lambda a: (-a.users, -len(a.municipalities), a.product_id))
    best = alternatives[0]
    alternatives[0] = ApplicationAlternative(**{**best.__dict__, "chosen": True})
    if len(alternatives) == 1:
        reason = Message(
            "target.reason.only_product",
            {"product": best.product, "count": len(best.municipalities), "total": len(everyone)},
        )
    else:
        others = MessageList(
            tuple(
                Message(
                    "target.reason.product_users",
                    {
                        "product": a.product,
                        "municipalities": ", ".join(a.municipalities),
                        "users": a.users,
                    },
                )
                for a in alternatives[1:]
            )
        )
        reason = Message(
            "target.reason.most_users",
            {
                "product": best.product,
                "users": best.users,
                "municipalities": ", ".join(best.municipalities),
                "others": others,
                "changing": ", ".join(best.changing_municipalities),
                "hours": best.effort_hours,
            },
        )
    return ApplicationProposal(group.area, alternatives, reason)


def propose_applications(
    assets: pd.DataFrame,
    population: dict[str, float],
    municipalities: list[str],
    efforts: UnitEfforts,
) -> tuple[dict[str, ApplicationAreaTarget], list[ApplicationProposal]]:
    """Per business area the products kept (``applications`` section) and the reasoning.

    ``assets`` is ``analyse.applications.application_assets``.
    """
    proposals = [
        _propose_group(group, assets, municipalities, efforts)
        for group in function_groups(assets, population)
    ]
    areas: dict[str, ApplicationAreaTarget] = {}
    for area in sorted({p.business_area for p in proposals}):
        kept = sorted(
            (p for p in proposals if p.business_area == area and p.chosen),
            key=lambda p: -(p.chosen.users if p.chosen else 0),
        )
        products = [
            ProductChoice(product=p.chosen.product, vendor=p.chosen.vendor)
            for p in kept
            if p.chosen
        ]
        replaced = [
            f"{a.product} -> {p.chosen.product}"
            for p in kept
            if p.chosen
            for a in p.alternatives
            if not a.chosen
        ]
        note = ("Harmonise: " + "; ".join(replaced)) if replaced else None
        areas[area] = ApplicationAreaTarget(products=products, note=note)
    return areas, [p for p in proposals if len(p.alternatives) > 1]
