"""One capability -> domain mapping everywhere: the samples' gap tables, overlap, the report's
tables (gap matrix, readiness, target blocks, ...) and the diagrams' groups (target view,
the architecture view's platforms) each put a capability under the same one domain, the
one ``analyse.assets.domain_of`` names."""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict

from inventory.analyse.assets import DOMAINS, domain_of
from inventory.analyse.normalise import Normaliser
from inventory.analyse.overlap import compute_overlap
from inventory.gap.result import compute_gap
from inventory.language.i18n import code_text, t
from inventory.render.views import build_views
from inventory.report.builder import ReportInputs, build_report
from inventory.snapshot import InventorySnapshot
from inventory.target.model import TargetArchitecture

AS_OF = dt.date(2026, 11, 23)
_FONT = re.compile(r'<FONT POINT-SIZE="10">([^<]*)</FONT>')


def node_groups(source: str) -> list[tuple[tuple[str, ...], str]]:
    """Every node's cluster label path (outer to inner) and its detail line (DOT text)."""
    stack: list[str] = []
    nodes: list[tuple[tuple[str, ...], str]] = []
    for line in source.splitlines():
        stripped = line.strip()
        if stripped.startswith("subgraph cluster_"):
            stack.append("")
        elif stack and not stack[-1] and re.match(r"(color|label)=", stripped):
            found = re.search(r'\blabel=("(?:[^"\\]|\\.)*"|\S+)', stripped)
            stack[-1] = found.group(1).strip('"') if found else "?"
        elif stripped == "}" and stack:
            stack.pop()
        elif re.match(r"n\d+ \[", stripped):
            detail = _FONT.search(stripped)
            nodes.append((tuple(stack), detail.group(1) if detail else ""))
    return nodes


def test_each_capability_sits_in_one_domain_everywhere(
    sample_snapshot: InventorySnapshot, sample_target: TargetArchitecture
) -> None:
    gap = compute_gap(sample_snapshot, sample_target, as_of=AS_OF)
    overlap = compute_overlap(sample_snapshot, Normaliser.default())
    seen: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    frames = {
        **gap.to_tables(),
        "overlap.usage": overlap.usage,
        "overlap.harmonisation": overlap.harmonisation,
    }
    for name, frame in frames.items():
        if {"capability", "domain"} <= set(frame.columns):
            for capability, domain in zip(frame["capability"], frame["domain"], strict=True):
                seen[str(capability)][str(domain)].add(name)
    capabilities = set(seen)
    # what a report cell or a diagram label shows -> the code behind it
    domain_code = {
        shown: domain
        for domain in DOMAINS
        for shown in (domain, t(f"rb.domain.{domain}", "en"), code_text("domain", domain, "en"))
    }
    capability_code = {
        shown: capability
        for capability in capabilities
        for shown in (capability, code_text("capability", capability, "en"))
    }
    document = build_report(
        ReportInputs(sample_snapshot, overlap, gap, sample_target, None, AS_OF), lang="en"
    )
    tables = 0
    for table in document.tables():
        keys = [column.key for column in table.columns]
        if "domain" in keys and "capability" in keys:
            tables += 1
            at, on = keys.index("domain"), keys.index("capability")
            for row in table.rows:
                capability = capability_code.get(str(row[on]), str(row[on]))
                seen[capability][domain_code.get(str(row[at]), str(row[at]))].add(table.id)
    assert tables >= 4  # gap matrix per domain, readiness per capability, target blocks
    views = build_views("target", sample_snapshot, gap=gap)
    for code in sample_snapshot.municipalities:
        views += build_views("target", sample_snapshot, municipality=code, gap=gap)
    grouped = 0
    for view in views:  # target view: domain cluster > capability cluster > blocks
        for path, _ in node_groups(view.source):
            if len(path) == 2:
                grouped += 1
                seen[capability_code.get(path[1], path[1])][domain_code[path[0]]].add(view.name)
    platforms = t("view.layer_platforms", "en")
    for view in build_views("architecture", sample_snapshot):  # platforms by domain
        for path, detail in node_groups(view.source):
            if path[:1] == (platforms,):  # never straight in the layer: in its domain
                assert len(path) == 2, (view.name, detail)
                grouped += 1
                # (the detail line names the capability as the tables do)
                seen[capability_code.get(detail, detail)][domain_code[path[1]]].add(view.name)
    assert grouped > 100
    wrong = {
        capability: {domain: sorted(where) for domain, where in domains.items()}
        for capability, domains in seen.items()
        if set(domains) != {domain_of(capability)}
    }
    assert wrong == {}
