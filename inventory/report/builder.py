"""The harmonisation report as a :class:`ReportDocument`: summary first, then the details.

:func:`analyse_inventory` runs the analyses once (overlap, gap against the target, the
study's decision support when its folder is there); :func:`build_report` lays the
results out in one language. The figures come from the analyses, never from the language,
so ``report.json`` holds the same numbers in English, Swedish and Norwegian.
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from inventory.analyse.assets import DOMAINS
from inventory.analyse.lifecycle_labels import with_release_labels
from inventory.analyse.normalise import Normaliser
from inventory.analyse.overlap import OverlapResult, compute_overlap
from inventory.gap.alternatives import Alternatives, compute_gaps
from inventory.gap.basis import GraphInBackground, gap_basis
from inventory.gap.blocks import matrix_rows
from inventory.gap.result import GapReport, target_scope
from inventory.heap import old_objects_frozen
from inventory.language.formatting import format_date
from inventory.language.i18n import Lang, code_text, t
from inventory.render.document import (
    Callout,
    Column,
    Figure,
    KeyFigure,
    KeyFigures,
    Paragraph,
    ReportDocument,
    Section,
    Table,
)
from inventory.render.views import ViewDiagram
from inventory.render.views.common import municipality_names
from inventory.report.board import board_figures, top_risk_blocks
from inventory.report.consolidation import (
    compute_callouts,
    consolidation_section,
    verdict_text,
)
from inventory.report.costs import business_case_section, key_figures, summary_blocks
from inventory.report.decision import (
    cost_study_alternatives,
    decision_section,
    study_alternative_targets,
)
from inventory.report.plan import plan_key_figures, plan_section, plan_table
from inventory.report.readiness import readiness_details, readiness_method, readiness_overview
from inventory.report.risk import risk_blocks, top_gaps
from inventory.report.risk_register import RiskEntry, risk_register, risk_register_section
from inventory.report.scope import scope_blocks
from inventory.report.tables import ColumnSpec, frame_table
from inventory.report.target_check import target_lifecycle_blocks
from inventory.snapshot import InventorySnapshot
from inventory.study.inputs import IT_COSTS_FILE, ItCostsFile
from inventory.study.recommendation import Recommendation, recommendation
from inventory.study.results import StudyResults
from inventory.target.model import TargetArchitecture

_KINDS = (
    "site",
    "server",
    "storage",
    "network_device",
    "link",
    "zone",
    "platform",
    "client",
    "application",
)


@dataclass
class ReportInputs:
    """Everything a report shows, computed once for every language."""

    snapshot: InventorySnapshot
    overlap: OverlapResult
    gap: GapReport | None
    target: TargetArchitecture | None
    study: StudyResults | None
    as_of: dt.date
    #: The study's alternatives costed (their target files' gaps), when they name targets.
    alternatives: Alternatives | None = None
    #: The risk register of the gap (``risk_register``), computed once for every language.
    risks: list[RiskEntry] | None = None

    def register(self) -> list[RiskEntry]:
        """The risk register (empty without a gap)."""
        if self.risks is None:
            self.risks = risk_register(self.gap) if self.gap is not None else []
        return self.risks

    def recommendation(self) -> Recommendation | None:
        """The lead of the study's scored alternatives and its robustness (None without)."""
        return recommendation(self.study, self.alternatives) if self.study is not None else None

    @property
    def names(self) -> dict[str, str]:
        """Municipality code -> name."""
        return municipality_names(self.snapshot.table("municipality"))


def analyse_inventory(
    snapshot: InventorySnapshot,
    target: TargetArchitecture | None,
    *,
    as_of: dt.date,
    study_folder: Path | None = None,
    normaliser: Normaliser | None = None,
) -> ReportInputs:
    """Run overlap, gap (when there is a target) and the study (when its folder exists)."""
    with old_objects_frozen():  # what was loaded before: out of the collector's passes
        return _analyse(
            snapshot, target, as_of=as_of, study_folder=study_folder, normaliser=normaliser
        )


def _analyse(
    snapshot: InventorySnapshot,
    target: TargetArchitecture | None,
    *,
    as_of: dt.date,
    study_folder: Path | None,
    normaliser: Normaliser | None,
) -> ReportInputs:
    if target is not None:
        snapshot = target_scope(snapshot, target)
    # the gap's graph built on another core while the normaliser and the study load here
    graph = GraphInBackground(snapshot) if target is not None and _cores() > 1 else None
    try:
        normaliser = normaliser or Normaliser.default()
        it_costs = _study_it_costs(study_folder)  # read once: the gap's and the alternatives'
        study = None
        if study_folder is not None and study_folder.is_dir():
            from inventory.study import study_results  # only when a study is there

            study = study_results(study_folder)
        # the study first: the gaps of its alternatives' targets and of the report's own
        # (last) start together, on one basis, on every core while the overlap is computed
        alternative_targets = study_alternative_targets(study)
        targets: list[TargetArchitecture] = []
        for _, alternative in alternative_targets:
            if alternative != target and alternative not in targets:
                targets.append(alternative)
        if target is not None:
            targets.append(target)
        # what every gap reads of the inventory, once; the overlap reads its assets too
        basis = (
            gap_basis(
                snapshot,
                as_of=as_of,
                normaliser=normaliser,
                horizon_months=targets[-1].lifecycle.horizon_months,
                graph=graph.result() if graph is not None else None,
            )
            if targets
            else None
        )
    finally:
        if graph is not None:
            graph.close()
    reports, overlap = compute_gaps(
        snapshot,
        targets,
        as_of=as_of,
        normaliser=normaliser,
        it_costs=it_costs,
        basis=basis,
        meanwhile=lambda: compute_overlap(
            snapshot, normaliser, basis.every_asset() if basis is not None else None
        ),
        # every gap on another core while the overlap is computed here, when there are
        # cores enough (else the last, the report's own, here after the overlap)
        all_forked=True,
    )
    gap = reports[-1] if target is not None else None
    alternatives = cost_study_alternatives(
        snapshot,
        study,
        target,
        gap,
        as_of=as_of,
        normaliser=normaliser,
        it_costs=it_costs,
        targets=alternative_targets,
        known=list(zip(targets, reports, strict=True)),
    )
    return ReportInputs(
        snapshot,
        overlap,
        gap,
        target,
        study,
        as_of,
        alternatives,
        risk_register(gap) if gap is not None else None,
    )


def _cores() -> int:
    return os.cpu_count() or 1


def _study_it_costs(folder: Path | None) -> ItCostsFile | None:
    """The study's it-costs.yaml (today's IT cost per municipality), when there is one."""
    if folder is None or not (folder / IT_COSTS_FILE).is_file():
        return None
    from inventory.study.loading import Section as StudySection
    from inventory.study.loading import load_study_inputs

    return load_study_inputs(folder, [StudySection.COMPARISON]).it_costs


# -- headline figures ----------------------------------------------------------------------


def headline_figures(inputs: ReportInputs) -> dict[str, float | int | None]:
    """The numbers the summary and ``inventory demo`` show (language-free)."""
    snapshot = inputs.snapshot
    clients = snapshot.table("client")
    devices = int(pd.to_numeric(clients["quantity"], errors="coerce").fillna(1).sum())
    municipalities = snapshot.table("municipality")
    figures: dict[str, float | int | None] = {
        "municipalities": len(snapshot.municipalities),
        "population": int(
            pd.to_numeric(municipalities["population"], errors="coerce").fillna(0).sum()
        ),
        "records": int(sum(len(snapshot.table(kind)) for kind in _KINDS)),
        "servers": len(snapshot.table("server")),
        "client_devices": devices,
        "applications": len(snapshot.table("application")),
        "shared_capabilities": int(inputs.overlap.harmonisation["shared_by_all"].astype(bool).sum())
        if not inputs.overlap.harmonisation.empty
        else 0,
        "mean_similarity": _mean_similarity(inputs.overlap),
        "readiness": None,
        "eol_assets": None,
        "effort_hours": None,
        "cost": None,
        "waves": None,
        "risks": None,
        "high_risks": None,
    }
    gap = inputs.gap
    if gap is not None:
        # the mean over domains of all municipalities together (docs/method.md#readiness)
        overall = gap.readiness_overall
        together = overall.loc[overall["municipality"] == "all", "readiness_percent"]
        figures["readiness"] = (
            round(float(together.iloc[0]) / 100.0, 4) if not together.empty else None
        )
        eol = gap.eol[gap.eol["lifecycle_state"] == "end_of_life"]
        figures["eol_assets"] = int(pd.to_numeric(eol["devices"], errors="coerce").fillna(1).sum())
        figures["effort_hours"] = gap.total_hours
        case = gap.business_case
        if case is not None:  # the expected one-time cost; prose shows its range
            figures["cost"] = round(case.one_time.expected, -3)
            figures.update(
                one_time_low=round(case.one_time.low, -3),
                one_time_high=round(case.one_time.high, -3),
                yearly_saving=None
                if case.yearly_saving is None
                else round(case.yearly_saving.expected, -3),
                yearly_saving_low=None
                if case.yearly_saving is None
                else round(case.yearly_saving.low, -3),
                yearly_saving_high=None
                if case.yearly_saving is None
                else round(case.yearly_saving.high, -3),
                payback_year=case.payback_year,
                payback_calendar_year=case.payback_calendar_year,
                npv=None if case.npv is None else round(case.npv.expected, -3),
            )
            # no payback within the cash flow: "after" its last year, as the summary's card
            if (
                case.payback_calendar_year is None
                and case.yearly_saving is not None
                and not case.cash_flow.empty
            ):
                figures["payback_after_year"] = int(case.cash_flow["starts"].iloc[-1].year)
        figures["waves"] = len(gap.waves)
        register = inputs.register()  # docs/method.md#risk-register
        figures["risks"] = len(register)
        figures["high_risks"] = sum(entry.level == "high" for entry in register)
        plan = gap.plan
        if not plan.empty and gap.plan_start is not None:  # start to the last package's end
            last = max(pd.Timestamp(end) for end in plan["end"])
            figures["plan_weeks"] = int((last - pd.Timestamp(gap.plan_start)).days // 7)
            figures["plan_end_year"] = int(last.year)
    return figures


def _mean_similarity(overlap: OverlapResult) -> float | None:
    matrix = overlap.similarity
    if matrix.shape[0] < 2:
        return None
    values = matrix.to_numpy(dtype=float)
    upper = values[np.triu_indices(values.shape[0], k=1)]  # each pair once, no diagonal
    return round(float(upper.mean()), 4)


# -- sections ------------------------------------------------------------------------------


def _summary(inputs: ReportInputs, lang: Lang) -> Section:
    figures = headline_figures(inputs)
    names = inputs.names
    intro = t(
        "rb.intro",
        lang,
        count=figures["municipalities"],
        names=", ".join(names.get(code, code) for code in inputs.snapshot.municipalities),
        date=format_date(inputs.as_of, lang),
    )
    if inputs.target is not None:
        intro += " " + t("rb.intro_target", lang, target=inputs.target.name)
    key = [
        KeyFigure(
            label=t("rb.kf_municipalities", lang), value=figures["municipalities"], value_type="int"
        ),
        KeyFigure(label=t("rb.kf_population", lang), value=figures["population"], value_type="int"),
        KeyFigure(label=t("rb.kf_servers", lang), value=figures["servers"], value_type="int"),
        KeyFigure(
            label=t("rb.kf_devices", lang), value=figures["client_devices"], value_type="int"
        ),
        KeyFigure(
            label=t("rb.kf_applications", lang), value=figures["applications"], value_type="int"
        ),
        KeyFigure(
            label=t("rb.kf_similarity", lang),
            value=figures["mean_similarity"],
            value_type="percent",
        ),
    ]
    if inputs.gap is not None:
        key += [
            KeyFigure(
                label=t("column.readiness", lang), value=figures["readiness"], value_type="percent"
            ),
            KeyFigure(label=t("rb.kf_eol", lang), value=figures["eol_assets"], value_type="int"),
            KeyFigure(
                label=t("column.effort_hours", lang),
                value=None if figures["effort_hours"] is None else round(figures["effort_hours"]),
                value_type="int",
            ),
            # (one-time cost, saving and payback are on the first screen, board_figures)
            *(
                key_figures(inputs.gap.business_case, lang)[3:]
                if inputs.gap.business_case is not None
                else []
            ),
            *plan_key_figures(inputs.gap, lang),
        ]
    gap = inputs.gap
    # first what the board decides on: recommendation, costs, payback, first wave, risks
    blocks: list[Any] = [
        Paragraph(text=intro),
        board_figures(gap, inputs.study, inputs.recommendation(), lang),
    ]
    if gap is not None:
        blocks += top_risk_blocks(inputs.register(), inputs.names, lang)
    blocks.append(KeyFigures(figures=key))
    if gap is not None and gap.business_case is not None:
        blocks += summary_blocks(gap.business_case, lang)
    if gap is not None:
        verdict = gap.capacity_verdict
        blocks.append(
            Callout(
                level="info" if verdict.fits_combined else "warning",
                title=t("section.capacity", lang),
                text=verdict_text(verdict, lang),
            )
        )
        blocks += [readiness_method(gap, lang), readiness_overview(gap, inputs.names, lang)]
        blocks += top_gaps(gap, lang)
        blocks.append(plan_table(gap, lang, table_id="summary-plan"))
    blocks.append(_harmonisation_top(inputs.overlap, lang))
    return Section(id="summary", title=t("section.summary", lang), blocks=blocks)


def _harmonisation_top(overlap: OverlapResult, lang: Lang) -> Table:
    frame = overlap.harmonisation.sort_values(
        ["products", "top_share"], ascending=[False, True], kind="stable"
    ).head(10)
    return frame_table(
        t("rb.least_harmonised", lang),
        frame,
        _HARMONISATION_COLUMNS,
        lang,
        table_id="summary-harmonisation",
        name=t("rb.sheet_least", lang),
    )


_MATRIX_COLUMNS = [
    ColumnSpec("domain", "column.domain", codes="domain"),
    ColumnSpec("capability", "column.capability", codes="capability"),
    ColumnSpec("title", "column.product"),
    ColumnSpec("cycle", "column.version"),
    ColumnSpec("municipalities", "column.municipality"),
    ColumnSpec("assets", "column.assets", "int"),
    ColumnSpec("status", "column.status", codes="status"),
    ColumnSpec("reason", "column.reason", codes="reason"),
    ColumnSpec("target_title", "rb.col_target"),
    ColumnSpec("eol", "column.end_of_life", "date"),
]


def _matrix_columns(domain: str) -> list[ColumnSpec]:
    """The gap matrix columns of a domain; business applications show their suite (suite
    modules are different products of one suite, never one product)."""
    if domain != "applications":
        return _MATRIX_COLUMNS
    at = next(n for n, spec in enumerate(_MATRIX_COLUMNS) if spec.key == "title") + 1
    return [*_MATRIX_COLUMNS[:at], ColumnSpec("suite", "rb.col_suite"), *_MATRIX_COLUMNS[at:]]


_HARMONISATION_COLUMNS = [
    ColumnSpec("domain", "column.domain", codes="domain"),
    ColumnSpec("capability", "column.capability", codes="capability"),
    ColumnSpec("products", "rb.col_products", "int"),
    ColumnSpec("municipalities", "rb.col_municipalities", "int"),
    ColumnSpec("assets", "column.assets", "int"),
    ColumnSpec("top_product", "rb.col_top_product"),
    ColumnSpec("top_share", "rb.col_top_share", "percent"),
]


def _counts_by_municipality(frame: pd.DataFrame) -> dict[str, int]:
    """Rows per municipality code (codes without rows are absent)."""
    counts = frame["municipality"].value_counts(sort=False, dropna=True)
    return {str(code): int(count) for code, count in counts.items()}


def _devices_by_municipality(clients: pd.DataFrame) -> dict[str, int]:
    """Client devices per municipality code: the quantities, 1 where none is given."""
    quantities = pd.to_numeric(clients["quantity"], errors="coerce").fillna(1)
    totals = quantities.groupby(
        clients["municipality"], sort=False, dropna=True, observed=True
    ).sum()
    return {str(code): int(total) for code, total in totals.items()}


def _inventory(inputs: ReportInputs, lang: Lang) -> Section:
    snapshot = inputs.snapshot
    names = inputs.names
    # One pass over each table (not one per municipality: that grew with municipalities
    # times rows).
    counts_by_kind = {kind: _counts_by_municipality(snapshot.table(kind)) for kind in _KINDS}
    devices = _devices_by_municipality(snapshot.table("client"))
    rows = []
    for code in snapshot.municipalities:
        row: dict[str, Any] = {"municipality": names.get(code, code)}
        for kind in _KINDS:
            row[kind] = counts_by_kind[kind].get(code, 0)
        row["devices"] = devices.get(code, 0)
        rows.append(row)
    columns = [Column(key="municipality", label=t("column.municipality", lang))]
    columns += [Column(key=kind, label=t(f"rb.kind.{kind}", lang), type="int") for kind in _KINDS]
    columns.append(Column(key="devices", label=t("rb.kf_devices", lang), type="int"))
    counts = Table.from_records(
        t("rb.inventory_counts", lang),
        columns,
        rows,
        id="inventory-counts",
        name=t("rb.sheet_inventory", lang),
    )
    organisation = frame_table(
        t("rb.organisation", lang),
        snapshot.table("municipality"),
        [
            ColumnSpec("name", "column.municipality"),
            ColumnSpec("country", "rb.col_country", codes="country"),
            ColumnSpec("population", "rb.kf_population", "int"),
            ColumnSpec("employees", "rb.col_employees", "int"),
            ColumnSpec("students_with_devices", "rb.col_students", "int"),
            ColumnSpec("it_staff_fte", "rb.col_it_staff", "float"),
            ColumnSpec("it_budget", "rb.col_it_budget", "money"),
            ColumnSpec("currency", "rb.col_currency"),
            ColumnSpec("operating_model", "rb.col_operating_model", codes="operating_model"),
            ColumnSpec("provider", "rb.col_provider"),
        ],
        lang,
        table_id="inventory-organisation",
        name=t("rb.sheet_organisation", lang),
    )
    return Section(
        id="inventory", title=t("section.inventory", lang), blocks=[organisation, counts]
    )


def _overlap(inputs: ReportInputs, figures: list[Figure], lang: Lang) -> Section:
    overlap = inputs.overlap
    names = inputs.names
    similarity_rows = []
    for code in overlap.similarity.index:
        row: dict[str, Any] = {"municipality": names.get(str(code), str(code))}
        row.update(
            {str(other): float(value) for other, value in overlap.similarity.loc[code].items()}
        )
        similarity_rows.append(row)
    columns = [Column(key="municipality", label=t("column.municipality", lang))]
    columns += [
        Column(key=str(code), label=names.get(str(code), str(code)), type="percent")
        for code in overlap.similarity.columns
    ]
    similarity = Table.from_records(
        t("rb.similarity", lang),
        columns,
        similarity_rows,
        id="overlap-similarity",
        name=t("rb.sheet_similarity", lang),
        note=t("rb.similarity_note", lang),
    )
    blocks: list[Any] = [
        Paragraph(text=t("rb.overlap_intro", lang)),
        similarity,
        frame_table(
            t("rb.harmonisation", lang),
            overlap.harmonisation,
            _HARMONISATION_COLUMNS,
            lang,
            table_id="overlap-harmonisation",
            name=t("rb.sheet_harmonisation", lang),
        ),
        frame_table(
            t("rb.products", lang),
            overlap.products,
            [
                ColumnSpec("domain", "column.domain", codes="domain"),
                ColumnSpec("capability", "column.capability", codes="capability"),
                ColumnSpec("product", "column.product"),
                ColumnSpec("suite", "rb.col_suite"),
                ColumnSpec("sharing", "rb.col_sharing", codes="sharing"),
                ColumnSpec("municipality_count", "rb.col_municipalities", "int"),
                ColumnSpec("municipalities", "column.municipality"),
                ColumnSpec("assets", "column.assets", "int"),
            ],
            lang,
            table_id="overlap-products",
            name=t("rb.sheet_products", lang),
        ),
        frame_table(
            t("rb.shared_applications", lang),
            overlap.shared_applications,
            [
                ColumnSpec("product", "column.product"),
                ColumnSpec("suite", "rb.col_suite"),
                ColumnSpec("municipality_count", "rb.col_municipalities", "int"),
                ColumnSpec("municipalities", "column.municipality"),
                ColumnSpec("applications", "rb.kind.application", "int"),
                ColumnSpec("users", "rb.col_users", "int"),
                ColumnSpec("annual_cost", "rb.col_annual_cost", "money"),
                ColumnSpec("business_areas", "rb.col_business_area", codes="capability"),
            ],
            lang,
            table_id="overlap-shared-applications",
            name=t("rb.sheet_shared_apps", lang),
        ),
        *figures,
    ]
    return Section(id="overlap", title=t("section.overlap", lang), blocks=blocks)


def _gap_sections(gap: GapReport, figures: dict[str, list[Figure]], lang: Lang) -> list[Section]:
    money = gap.currency
    matrix_parts = []
    rows = matrix_rows(gap.matrix, gap.target_blocks)  # new target blocks as rows too
    # releases as people write them (2012 R2), not the catalogue's cycle ids (2012-r2)
    rows = with_release_labels(rows, product_id="product_id")
    for domain in DOMAINS:
        part = rows[rows["domain"] == domain]
        if part.empty:
            continue
        matrix_parts.append(
            Section(
                id=f"gap-{domain}",
                title=t(f"rb.domain.{domain}", lang),
                blocks=[
                    frame_table(
                        f"{t('section.gap_matrix', lang)}: {t(f'rb.domain.{domain}', lang)}",
                        part,
                        _matrix_columns(domain),
                        lang,
                        table_id=f"gap-matrix-{domain}",
                        name=f"{t('rb.sheet_gap', lang)} {code_text('domain', domain, lang)}",
                    )
                ],
            )
        )
    gap_matrix = Section(
        id="gap-matrix",
        title=t("section.gap_matrix", lang),
        blocks=[
            Paragraph(text=t("rb.gap_intro", lang)),
            *scope_blocks(gap, lang),
            *readiness_details(gap, {}, lang),
            *risk_blocks(gap, lang),
            frame_table(
                t("rb.target_blocks", lang),
                gap.target_blocks,
                [
                    ColumnSpec("domain", "column.domain", codes="domain"),
                    ColumnSpec("capability", "column.capability", codes="capability"),
                    ColumnSpec("title", "column.product"),
                    ColumnSpec("min_version", "rb.col_min_version"),
                    ColumnSpec("status", "column.status", codes="status"),
                ],
                lang,
                table_id="gap-target-blocks",
                name=t("rb.sheet_target", lang),
            ),
            *target_lifecycle_blocks(gap, lang),
            *figures.get("target", []),
        ],
        subsections=matrix_parts,
    )
    eol = Section(
        id="end-of-life",
        title=t("section.end_of_life", lang),
        blocks=[
            frame_table(
                t("section.end_of_life", lang),
                with_release_labels(gap.eol, "product"),
                [
                    ColumnSpec("municipality", "column.municipality"),
                    ColumnSpec("domain", "column.domain", codes="domain"),
                    ColumnSpec("kind", "rb.col_kind", codes="asset_kind"),
                    ColumnSpec("asset_message", "column.item"),
                    ColumnSpec("product", "column.product"),
                    ColumnSpec("cycle", "column.version"),
                    ColumnSpec("lifecycle_state", "column.status", codes="lifecycle"),
                    ColumnSpec("eol", "column.end_of_life", "date"),
                    ColumnSpec("note_message", "column.note"),
                    ColumnSpec("devices", "column.count", "int"),
                    ColumnSpec("dependent_application_count", "rb.col_dependent_apps", "int"),
                ],
                lang,
                table_id="eol",
                name=t("section.end_of_life", lang),
            )
        ],
    )
    findings = Section(
        id="findings",
        title=t("rb.findings", lang),
        subsections=[
            Section(
                id="security",
                title=t("section.security", lang),
                blocks=[
                    frame_table(
                        t("section.security", lang),
                        gap.security,
                        [
                            ColumnSpec("municipality", "column.municipality"),
                            ColumnSpec("control", "rb.col_control", codes="control"),
                            ColumnSpec("today_message", "rb.col_today"),
                            ColumnSpec("target_message", "rb.col_target"),
                            ColumnSpec("compliant", "rb.col_compliant", "bool"),
                        ],
                        lang,
                        table_id="security",
                        name=t("section.security", lang),
                    )
                ],
            ),
            Section(
                id="capacity",
                title=t("section.capacity", lang),
                blocks=[
                    Callout(
                        level="info" if gap.capacity_verdict.fits_combined else "warning",
                        text=verdict_text(gap.capacity_verdict, lang),
                    ),
                    *compute_callouts(gap, lang),
                    frame_table(
                        t("section.capacity", lang),
                        gap.capacity,
                        [
                            ColumnSpec("site", "column.site"),
                            ColumnSpec("name", "rb.col_name"),
                            ColumnSpec("role", "rb.col_role", codes="site_role"),
                            ColumnSpec("physical_servers", "rb.kind.server", "int"),
                            ColumnSpec("storage_systems", "rb.kind.storage", "int"),
                            ColumnSpec("rack_units_used", "column.rack_units", "float"),
                            ColumnSpec("rack_units_free", "rb.col_ru_free", "int"),
                            ColumnSpec("power_free_kw", "column.power_kw", "float"),
                            ColumnSpec("issues_message", "column.reason"),
                        ],
                        lang,
                        table_id="capacity",
                        name=t("section.capacity", lang),
                    ),
                ],
            ),
            Section(
                id="interconnects",
                title=t("section.network", lang),
                blocks=[
                    frame_table(
                        t("section.network", lang),
                        gap.interconnects,
                        [
                            ColumnSpec("link", "column.link"),
                            ColumnSpec("a_site", "column.site"),
                            ColumnSpec("b_site", "rb.col_b_site"),
                            ColumnSpec("kind", "rb.col_kind", codes="link_kind"),
                            ColumnSpec("bandwidth_mbps", "column.bandwidth_mbps", "float"),
                            ColumnSpec("redundant", "column.redundant", "bool"),
                            ColumnSpec("compliant", "rb.col_compliant", "bool"),
                            ColumnSpec("detail_message", "column.reason"),
                        ],
                        lang,
                        table_id="interconnects",
                        name=t("rb.sheet_interconnects", lang),
                    ),
                    *figures.get("network", []),
                ],
            ),
            Section(
                id="sla",
                title=t("section.sla", lang),
                blocks=[
                    frame_table(
                        t("section.sla", lang),
                        gap.sla,
                        [
                            ColumnSpec("municipality", "column.municipality"),
                            ColumnSpec("name", "column.application"),
                            ColumnSpec("criticality", "column.severity", codes="criticality"),
                            ColumnSpec("availability_percent", "rb.col_availability", "float"),
                            ColumnSpec("detail_message", "column.reason"),
                        ],
                        lang,
                        table_id="sla",
                        name=t("section.sla", lang),
                    )
                ],
            ),
        ],
    )
    effort = Section(
        id="effort-cost",
        title=t("section.effort_cost", lang),
        blocks=[
            frame_table(
                t("section.effort_cost", lang),
                _joint_named(gap.effort, lang),
                [
                    ColumnSpec("municipality", "column.municipality"),
                    ColumnSpec("domain", "column.domain", codes="domain"),
                    ColumnSpec("hours", "column.effort_hours", "float"),
                    ColumnSpec("cost", "column.cost", "money", money),
                ],
                lang,
                table_id="effort",
                name=t("section.effort_cost", lang),
            ),
            frame_table(
                t("rb.items", lang),
                _joint_named(gap.items, lang),
                [
                    ColumnSpec("item_id", "column.item"),
                    ColumnSpec("municipality", "column.municipality"),
                    ColumnSpec("domain", "column.domain", codes="domain"),
                    ColumnSpec("action", "rb.col_action", codes="action"),
                    ColumnSpec("asset_message", "rb.col_asset"),
                    ColumnSpec("detail_message", "column.reason"),
                    ColumnSpec("quantity", "column.count", "float"),
                    ColumnSpec("hours", "column.effort_hours", "float"),
                    ColumnSpec("cost", "column.cost", "money", money),
                    ColumnSpec("wave", "column.wave", "int"),
                ],
                lang,
                table_id="items",
                name=t("rb.sheet_items", lang),
            ),
        ],
    )
    costs = (
        [business_case_section(gap.business_case, lang)] if gap.business_case is not None else []
    )
    return [gap_matrix, consolidation_section(gap, lang), eol, findings, effort, *costs]


def _joint_named(frame: pd.DataFrame, lang: Lang) -> pd.DataFrame:
    """``frame`` with the joint operation's pseudo-municipality ``joint`` named in ``lang``."""
    if "municipality" not in frame.columns:
        return frame
    named = frame["municipality"].replace({"joint": code_text("party", "joint", lang)})
    return frame.assign(municipality=named)


def figure_of(view: ViewDiagram, svg: str, image_path: str | None = None) -> Figure:
    """A report figure for a rendered view (SVG sanitised when the HTML is written)."""
    return Figure(
        id=f"fig-{view.name}"[:64].lower(),
        caption=view.title,
        svg=svg,
        dot=view.source,
        image_path=image_path,
    )


def build_report(
    inputs: ReportInputs,
    *,
    lang: Lang,
    figures: dict[str, list[Figure]] | None = None,
    generated: dt.datetime | None = None,
) -> ReportDocument:
    """The report in ``lang``: executive summary, then inventory, overlap, gap, decision.

    ``figures`` are the rendered diagrams per view (``architecture``, ``network``,
    ``target``, ``overlap``), placed in the sections they illustrate.
    """
    figures = figures or {}
    sections = [
        _summary(inputs, lang),
        _inventory(inputs, lang),
        _overlap(inputs, figures.get("overlap", []), lang),
    ]
    if inputs.gap is not None:
        sections += _gap_sections(inputs.gap, figures, lang)
        if inputs.target is not None:
            sections.append(plan_section(inputs.gap, inputs.target.plan, lang))
    if inputs.study is not None:
        sections.append(
            decision_section(inputs.study, lang, inputs.alternatives, names=inputs.names)
        )
    if inputs.gap is not None:  # right after the decision (or the plan, without a study)
        sections.append(
            risk_register_section(inputs.gap, inputs.names, lang, entries=inputs.register())
        )
    architecture = figures.get("architecture", [])
    if architecture:
        sections.append(
            Section(
                id="diagrams",
                title=t("section.diagrams", lang),
                blocks=[Paragraph(text=t("rb.diagrams_intro", lang)), *architecture],
            )
        )
    title = t("report.default_title", lang)
    subtitle = inputs.target.name if inputs.target else ""
    extra: dict[str, Any] = {"generated": generated} if generated else {}
    return ReportDocument(title=title, subtitle=subtitle, lang=lang, sections=sections, **extra)
