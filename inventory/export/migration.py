"""The implementation-and-migration part of the ArchiMate model: the Baseline and Target
plateaus, one gap per domain that changes, and the programme, its waves and the plan's
packages as work packages (docs/method.md#archimate-export)."""

from __future__ import annotations

import re

from inventory.export.builder import ModelBuilder, record_text
from inventory.export.exchange import identifier
from inventory.export.views import ViewPlan
from inventory.gap.blocks import DOMAINS
from inventory.gap.result import GapReport
from inventory.language.i18n import Lang, t


class MigrationMapper:
    """Adds the migration elements to a model whose baseline and target blocks are made
    (the attributes below are the baseline mapper's)."""

    build: ModelBuilder
    gap: GapReport
    lang: Lang
    record: dict[tuple[str, str, str], str]  # (municipality, kind, id) → element
    target: dict[str, str]  # target block id → element
    matrix: dict[str, tuple[str, str, str]]  # block → (status, domain, target block)
    baseline_block: dict[str, str]  # element → its matrix block

    def migration(self) -> ViewPlan:
        """Plateaus, gaps and work packages; returns what the migration view shows."""
        build, lang = self.build, self.lang
        folder = t("archimate.folder.migration", lang)
        baseline = build.element(
            ("plateau", "baseline"), "Plateau", t("archimate.baseline", lang), folder=folder
        )
        target = build.element(
            ("plateau", "target"),
            "Plateau",
            t("archimate.target", lang, target=self.gap.target_name),
            folder=folder,
        )
        for ident in list(build.elements):
            if ident in build.municipality_of:
                build.relate("Aggregation", baseline, ident)
        for ident in self.target.values():
            build.relate("Aggregation", target, ident)
        capacity = self.gap.capacity
        datacentres: list[str] = []
        for row in capacity[capacity["role"].isin(["primary", "secondary"])].itertuples():
            code, _, key = str(row.site).partition(":")
            site = self.record.get((code, "site", key))
            if build.relate("Aggregation", target, site) is not None and site is not None:
                datacentres.append(site)
        blocks = self.gap.target_blocks
        groups = [
            (
                t(f"rb.domain.{domain}", lang),
                tuple(
                    self.target[str(block)]
                    for block in blocks.loc[blocks["domain"] == domain, "block_id"]
                ),
            )
            for domain in DOMAINS
        ]
        groups.append((t("archimate.datacentres", lang), tuple(datacentres)))
        build.relate("Triggering", baseline, target)
        gaps = self._gaps(baseline, target, folder)
        packages = self._work_packages(target, gaps, folder)
        return ViewPlan(
            baseline=baseline,
            target=target,
            gaps=tuple(gaps.values()),
            programme=packages[0],
            waves=packages[1],
            packages=packages[2],
            target_groups=tuple(groups),
        )

    def _gaps(self, baseline: str, target: str, folder: str) -> dict[str, str]:
        """One gap per domain with a baseline block changed or eliminated or a target
        block changed or new."""
        build, lang = self.build, self.lang
        matrix, blocks = self.gap.matrix, self.gap.target_blocks
        gaps: dict[str, str] = {}
        for domain in DOMAINS:
            rows = matrix[matrix["domain"] == domain]["status"].value_counts()
            ours = blocks[blocks["domain"] == domain]
            changed_target = int((ours["baseline_blocks_changed"] > 0).sum())
            new = int(((ours["status"] == "new") & (ours["baseline_blocks_changed"] == 0)).sum())
            changed, eliminated = int(rows.get("changed", 0)), int(rows.get("eliminated", 0))
            if not (changed or eliminated or changed_target or new):
                continue
            ident = build.element(
                ("gap", domain),
                "Gap",
                t("archimate.gap_name", lang, domain=t(f"rb.domain.{domain}", lang)),
                folder=folder,
                documentation=t(
                    "archimate.gap_documentation",
                    lang,
                    included=int(rows.get("included", 0)),
                    changed=changed,
                    eliminated=eliminated,
                    new=new,
                ),
            )
            gaps[domain] = ident
            build.relate("Association", ident, baseline)
            build.relate("Association", ident, target)
        for element, block in self.baseline_block.items():
            status, domain, _ = self.matrix[block]
            if status in ("changed", "eliminated"):
                build.relate("Association", gaps.get(domain), element)
        for row in self.gap.target_blocks.itertuples(index=False):
            ident = self.target[str(row.block_id)]
            if build.status_of[ident] in ("target_changed", "target_new"):
                build.relate("Association", gaps.get(str(row.domain)), ident)
        return gaps

    def _work_packages(
        self, target: str, gaps: dict[str, str], folder: str
    ) -> tuple[str, tuple[str, ...], tuple[tuple[str, ...], ...]]:
        """The programme, its waves (``GapReport.waves``) and the plan's packages."""
        build, lang, plan = self.build, self.lang, self.gap.plan
        programme = build.element(
            ("work_package", "programme"),
            "WorkPackage",
            t("archimate.programme", lang, target=self.gap.target_name),
            folder=folder,
        )
        build.relate("Realization", programme, target)
        waves: list[str] = []
        packages: list[tuple[str, ...]] = []
        for row in self.gap.waves.itertuples(index=False):
            number = int(str(row.wave))
            ours = plan[plan["wave"] == number] if not plan.empty else plan
            domain = str(row.domains).split(";")[0]
            wave = build.element(
                ("wave", number),
                "WorkPackage",
                t(
                    "archimate.wave_name",
                    lang,
                    number=number,
                    domain=t(f"rb.domain.{domain}", lang),
                ),
                folder=folder,
                properties=[
                    ("start", record_text(min(ours["start"])) if len(ours) else ""),
                    ("end", record_text(max(ours["end"])) if len(ours) else ""),
                    ("hours", record_text(row.hours)),
                ],
            )
            build.relate("Composition", programme, wave)
            if waves:
                build.relate("Triggering", waves[-1], wave)
            waves.append(wave)
            members = []
            for package in ours.itertuples(index=False):
                number_in_domain = re.search(r"(\d+)$", str(package.name))
                ident = build.element(
                    ("package", str(package.package)),
                    "WorkPackage",
                    t(
                        "archimate.package_name",
                        lang,
                        package=str(package.package),
                        domain=t(f"rb.domain.{package.domain}", lang),
                        number=number_in_domain.group(1) if number_in_domain else "",
                    ).strip(),
                    folder=folder,
                    properties=[
                        ("start", record_text(package.start)),
                        ("end", record_text(package.end)),
                        ("hours", record_text(package.hours)),
                        ("critical", t(f"archimate.yes_no.{bool(package.critical)}", lang)),
                    ],
                )
                build.relate("Composition", wave, ident)
                build.relate("Association", ident, gaps.get(str(package.domain)))
                members.append(ident)
            packages.append(tuple(members))
        for package in plan.itertuples(index=False):
            after = identifier("element", "package", str(package.package))
            for first in str(package.depends_on).split():
                build.relate("Triggering", identifier("element", "package", first), after)
        return programme, tuple(waves), tuple(packages)
