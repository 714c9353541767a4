"""The harmonisation report: analyses once, laid out per language, written in four formats."""

from inventory.report.builder import (
    ReportInputs,
    analyse_inventory,
    build_report,
    headline_figures,
)
from inventory.report.writer import (
    InventoryViewsAhead,
    ReportFiles,
    report_views,
    write_full_report,
)

__all__ = [
    "InventoryViewsAhead",
    "ReportFiles",
    "ReportInputs",
    "analyse_inventory",
    "build_report",
    "headline_figures",
    "report_views",
    "write_full_report",
]
