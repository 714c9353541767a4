"""Reading and checking a study folder: every problem at once, each with file and line.

Pydantic checks each file's shape; the checks here add what spans records (unique ids,
references between them, scores within the scale, every criterion scored) with the line
the offending value was written on. Nothing is computed from an invalid folder.
"""

from __future__ import annotations

import enum
from collections import Counter
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, TypeAdapter, ValidationError

from inventory.errors import StudyInputError
from inventory.issues import InvalidInputError, Issue, IssueCode, IssueReport, template_key
from inventory.messages import Code, Message, MessageList
from inventory.study import inputs as files
from inventory.study.allocation import Basis
from inventory.study.inputs import (
    AlternativesFile,
    AreasFile,
    CostSharingFile,
    EstablishmentRow,
    ItCostsFile,
    PotentialScore,
    ProjectionFile,
)
from inventory.study.sources import (
    load_yaml_with_lines,
    read_csv_with_lines,
    validate_csv_rows,
    validate_yaml_document,
)
from inventory.yamlfile import LineMap, validation_detail

ModelT = TypeVar("ModelT", bound=BaseModel)


class Section(enum.StrEnum):
    """The parts of a study folder, each computed from its own files."""

    POTENTIAL = "potential"
    ALTERNATIVES = "alternatives"
    COST_SHARING = "cost-sharing"
    PROJECTION = "projection"
    ESTABLISHMENT = "establishment"
    COMPARISON = "comparison"


SECTION_FILES: dict[Section, tuple[str, ...]] = {
    Section.POTENTIAL: (files.AREAS_FILE, files.POTENTIAL_FILE),
    Section.ALTERNATIVES: (files.ALTERNATIVES_GLOB,),
    Section.COST_SHARING: (files.COST_SHARING_FILE,),
    Section.PROJECTION: (files.PROJECTION_FILE,),
    Section.ESTABLISHMENT: (files.ESTABLISHMENT_PLAN_FILE,),
    Section.COMPARISON: (files.IT_COSTS_FILE,),
}


class InvalidStudyInput(InvalidInputError, StudyInputError):
    """The study folder holds invalid input; ``report`` lists every issue."""

    def __init__(self, report: IssueReport) -> None:
        super().__init__(report, "The study input")


@dataclass
class StudyInputs:
    """The validated contents of a study folder (only the sections asked for)."""

    folder: Path
    areas: AreasFile | None = None
    potential_scores: dict[str, dict[str, Decimal]] | None = None
    alternatives: list[tuple[str, AlternativesFile]] = field(default_factory=list)
    cost_sharing: CostSharingFile | None = None
    projection: ProjectionFile | None = None
    establishment_rows: list[EstablishmentRow] | None = None
    it_costs: ItCostsFile | None = None
    files_read: list[str] = field(default_factory=list)


def _duplicates(
    ids: Iterable[str], where: str, lines: LineMap, file: str, what: str
) -> list[Issue]:
    ids = list(ids)
    counts = Counter(ids)
    issues = []
    for index, value in enumerate(ids):
        if counts[value] > 1 and ids.index(value) != index:
            first = lines.line_of((where, ids.index(value)))
            issues.append(
                Issue(
                    code=IssueCode.DUPLICATE_KEY,
                    file=file,
                    line=lines.line_of((where, index)),
                    value=value,
                    template=template_key(IssueCode.DUPLICATE_KEY, "study_twice"),
                    params={"what": _item(what), "value": repr(value), "first": str(first)},
                )
            )
    return issues


def _dangling(
    value: str,
    known: Collection[str],
    path: Sequence[str | int],
    lines: LineMap,
    file: str,
    what: str,
) -> Issue:
    return Issue(
        code=IssueCode.DANGLING_REFERENCE,
        file=file,
        line=lines.line_of(path),
        column=".".join(str(p) for p in path),
        value=value,
        template=template_key(IssueCode.DANGLING_REFERENCE, "study_unknown"),
        params={
            "what": _item(what),
            "value": repr(value),
            "known": ", ".join(sorted(known)) or Code("issue_word", "none"),
        },
    )


def _item(what: str) -> Code:
    """What a study file lists (``criterion``, ``allocation key``), as a term."""
    return Code("study_item", what.replace(" ", "_"))


def _read_yaml(
    path: Path, model: type[ModelT], issues: list[Issue]
) -> tuple[ModelT | None, LineMap]:
    document, lines, read_issues = load_yaml_with_lines(path)
    issues += read_issues
    if read_issues:
        return None, lines
    parsed, model_issues = validate_yaml_document(model, document, lines, str(path))
    issues += model_issues
    return parsed, lines


def _check_areas(areas: AreasFile, lines: LineMap, file: str) -> list[Issue]:
    issues = _duplicates((g.id for g in areas.groups), "groups", lines, file, "group")
    seen: dict[str, int | None] = {}
    for g_index, group in enumerate(areas.groups):
        for a_index, area in enumerate(group.areas):
            line = lines.line_of(("groups", g_index, "areas", a_index))
            if area.id in seen:
                issues.append(
                    Issue(
                        code=IssueCode.DUPLICATE_KEY,
                        file=file,
                        line=line,
                        value=area.id,
                        template=template_key(IssueCode.DUPLICATE_KEY, "study_area_twice"),
                        params={"value": repr(area.id), "first": str(seen[area.id])},
                    )
                )
            seen[area.id] = line
    total = sum((g.reference_share_percent for g in areas.groups), Decimal(0))
    if total != 100:
        issues.append(
            Issue(
                code=IssueCode.INCONSISTENT_VALUES,
                file=file,
                line=lines.line_of(("groups",)),
                value=str(total),
                template=template_key(IssueCode.INCONSISTENT_VALUES, "study_shares"),
                params={"total": str(total)},
            )
        )
    return issues


_SCORE = TypeAdapter(PotentialScore)


def _read_potential(
    path: Path, areas: AreasFile, issues: list[Issue]
) -> dict[str, dict[str, Decimal]] | None:
    table, read_issues = read_csv_with_lines(path)
    issues += read_issues
    if table is None:
        return None
    file = str(path)
    area_ids = areas.area_ids()
    before = len(issues)
    if "municipality" not in table.header:
        issues.append(
            Issue(
                code=IssueCode.MISSING_COLUMN,
                file=file,
                line=1,
                column="municipality",
                template=template_key(IssueCode.MISSING_COLUMN, "study_municipality"),
            )
        )
    for index, column in enumerate(table.header, start=1):
        if column != "municipality" and column not in area_ids:
            issues.append(
                Issue(
                    code=IssueCode.UNKNOWN_HEADER,
                    file=file,
                    line=1,
                    column=column,
                    column_index=index,
                    template=template_key(IssueCode.UNKNOWN_HEADER, "study_area"),
                    params={
                        "column": repr(column),
                        "file": files.AREAS_FILE,
                        "areas": ", ".join(area_ids),
                    },
                )
            )
    missing = [a for a in area_ids if a not in table.header]
    if missing:
        issues.append(
            Issue(
                code=IssueCode.MISSING_COLUMN,
                file=file,
                line=1,
                template=template_key(IssueCode.MISSING_COLUMN, "study_areas"),
                params={"areas": ", ".join(missing), "count": len(missing)},
            )
        )
    scores: dict[str, dict[str, Decimal]] = {}
    first_line: dict[str, int] = {}
    for row in table.rows:
        municipality = row.cells.get("municipality")
        if municipality is None:
            issues.append(
                Issue(
                    code=IssueCode.MISSING_VALUE,
                    file=file,
                    line=row.line,
                    row=row.row,
                    column="municipality",
                    column_index=table.column_index("municipality"),
                    template=template_key(IssueCode.MISSING_VALUE, "study_municipality"),
                )
            )
            continue
        if municipality in scores:
            issues.append(
                Issue(
                    code=IssueCode.DUPLICATE_KEY,
                    file=file,
                    line=row.line,
                    row=row.row,
                    column="municipality",
                    value=municipality,
                    template=template_key(IssueCode.DUPLICATE_KEY, "study_row_twice"),
                    params={"value": repr(municipality), "first": str(first_line[municipality])},
                )
            )
            continue
        first_line[municipality] = row.line
        row_scores: dict[str, Decimal] = {}
        for area in area_ids:
            text = row.cells.get(area)
            try:
                row_scores[area] = Decimal(0) if text is None else _SCORE.validate_python(text)
            except ValidationError as error:
                detail = error.errors()[0]
                code = (
                    IssueCode.OUT_OF_RANGE
                    if detail["type"].startswith(("less", "greater"))
                    else IssueCode.INVALID_NUMBER
                )
                issues.append(
                    Issue(
                        code=code,
                        file=file,
                        line=row.line,
                        row=row.row,
                        column=area,
                        column_index=table.column_index(area),
                        value=text,
                        template=template_key(code, "study_potential"),
                        params={"detail": validation_detail(detail)},
                    )
                )
        scores[municipality] = row_scores
    return None if len(issues) > before else scores


def _check_alternatives(study: AlternativesFile, lines: LineMap, file: str) -> list[Issue]:
    issues = _duplicates((c.id for c in study.criteria), "criteria", lines, file, "criterion")
    issues += _duplicates(
        (a.id for a in study.alternatives), "alternatives", lines, file, "alternative"
    )
    criteria = [c.id for c in study.criteria]
    low, high = study.scale_minimum, study.scale_maximum
    for index, alternative in enumerate(study.alternatives):
        costed_by = Path(file).parent / (alternative.target or "")
        if alternative.target is not None and not costed_by.is_file():
            issues.append(
                Issue(
                    code=IssueCode.PATH_NOT_FOUND,
                    file=file,
                    line=lines.line_of(("alternatives", index, "target")),
                    column=f"alternatives.{index}.target",
                    value=alternative.target,
                    template=template_key(IssueCode.PATH_NOT_FOUND, "study_target"),
                    params={"alternative": repr(alternative.id), "path": str(costed_by)},
                )
            )
        if not alternative.scores:
            continue  # listed without scores, as in the Ringerike letter
        base = ("alternatives", index, "scores")
        for criterion, score in alternative.scores.items():
            if criterion not in criteria:
                issues.append(
                    _dangling(criterion, criteria, (*base, criterion), lines, file, "criterion")
                )
            elif not low <= score <= high:
                issues.append(
                    Issue(
                        code=IssueCode.OUT_OF_RANGE,
                        file=file,
                        line=lines.line_of((*base, criterion)),
                        column=".".join(str(p) for p in (*base, criterion)),
                        value=str(score),
                        template=template_key(IssueCode.OUT_OF_RANGE, "study_score"),
                        params={
                            "score": str(score),
                            "alternative": repr(alternative.id),
                            "criterion": criterion,
                            "low": str(low),
                            "high": str(high),
                        },
                    )
                )
        absent = [c for c in criteria if c not in alternative.scores]
        if absent:
            issues.append(
                Issue(
                    code=IssueCode.MISSING_VALUE,
                    file=file,
                    line=lines.line_of(base),
                    column=".".join(str(p) for p in base),
                    template=template_key(IssueCode.MISSING_VALUE, "study_scores"),
                    params={
                        "alternative": repr(alternative.id),
                        "criteria": ", ".join(absent),
                        "count": len(absent),
                    },
                )
            )
    return issues


def _check_cost_sharing(sharing: CostSharingFile, lines: LineMap, file: str) -> list[Issue]:
    issues = _duplicates((p.id for p in sharing.parties), "parties", lines, file, "party")
    issues += _duplicates((k.id for k in sharing.keys), "keys", lines, file, "key")
    keys = {k.id: k for k in sharing.keys}
    for index, key in enumerate(sharing.keys):
        for c_index, component in enumerate(key.components):
            if component.basis is Basis.EQUAL:
                continue
            lacking = [p.id for p in sharing.parties if p.measure(component.basis) is None]
            if lacking:
                issues.append(
                    Issue(
                        code=IssueCode.MISSING_VALUE,
                        file=file,
                        line=lines.line_of(("keys", index, "components", c_index, "basis")),
                        value=component.basis.value,
                        template=template_key(IssueCode.MISSING_VALUE, "study_basis"),
                        params={
                            "key": repr(key.id),
                            "basis": component.basis.value,
                            "parties": ", ".join(lacking),
                        },
                    )
                )
            elif (
                sum((p.measure(component.basis) or Decimal(0) for p in sharing.parties), Decimal(0))
                == 0
            ):
                issues.append(
                    Issue(
                        code=IssueCode.INCONSISTENT_VALUES,
                        file=file,
                        line=lines.line_of(("keys", index, "components", c_index, "basis")),
                        value=component.basis.value,
                        template=template_key(IssueCode.INCONSISTENT_VALUES, "study_zero_basis"),
                        params={"key": repr(key.id), "basis": component.basis.value},
                    )
                )
    for index, cost in enumerate(sharing.costs):
        if cost.key not in keys:
            issues.append(
                _dangling(cost.key, keys, ("costs", index, "key"), lines, file, "allocation key")
            )
    return issues


def _check_projection(projection: ProjectionFile, lines: LineMap, file: str) -> list[Issue]:
    return _duplicates((str(y.year) for y in projection.years), "years", lines, file, "year")


def _read_establishment(path: Path, issues: list[Issue]) -> list[EstablishmentRow] | None:
    table, read_issues = read_csv_with_lines(path)
    issues += read_issues
    if table is None:
        return None
    rows, row_issues = validate_csv_rows(EstablishmentRow, table)
    issues += row_issues
    for row, source in zip(rows, table.rows, strict=False):
        if row.start and row.start > row.finish and not row_issues:
            issues.append(
                Issue(
                    code=IssueCode.INCONSISTENT_VALUES,
                    file=str(path),
                    line=source.line,
                    row=source.row,
                    column="start",
                    column_index=table.column_index("start"),
                    value=row.start,
                    template=template_key(IssueCode.INCONSISTENT_VALUES, "study_starts_after"),
                    params={"start": str(row.start), "finish": str(row.finish)},
                )
            )
    return None if row_issues else rows


def _check_it_costs(costs: ItCostsFile, lines: LineMap, file: str) -> list[Issue]:
    issues = _duplicates(
        (d.id for d in costs.definitions), "definitions", lines, file, "definition"
    )
    issues += _duplicates(
        (m.municipality for m in costs.municipalities),
        "municipalities",
        lines,
        file,
        "municipality",
    )
    known = [d.id for d in costs.definitions]
    for index, entry in enumerate(costs.municipalities):
        if entry.definition not in known:
            issues.append(
                _dangling(
                    entry.definition,
                    known,
                    ("municipalities", index, "definition"),
                    lines,
                    file,
                    "definition",
                )
            )
    return issues


def _present(folder: Path, pattern: str) -> list[Path]:
    return sorted(folder.glob(pattern))


def _expected_files() -> MessageList:
    """The files of every section ("areas.yaml with potential.csv, ...") in the reader's
    language."""
    return MessageList(
        tuple(
            Message("study.expected_pair", {"first": names[0], "second": names[1]})
            if len(names) == 2
            else Message("study.expected_file", {"file": ", ".join(names)})
            for names in SECTION_FILES.values()
        ),
        separator=", ",
    )


def has_study_files(folder: Path) -> bool:
    """Whether ``folder`` holds a file of any study section."""
    return folder.is_dir() and any(
        _present(folder, name) for names in SECTION_FILES.values() for name in names
    )


def load_study_inputs(folder: Path, sections: Collection[Section] | None = None) -> StudyInputs:
    """Read and check the study files in ``folder``; raise ``InvalidStudyInput`` on errors.

    ``sections=None`` reads every section whose files are present: a section with only some
    of its files, or a folder with no study file at all, is an error (never an empty
    result). A section asked for by name must have its files.
    """
    report = IssueReport()
    issues: list[Issue] = []
    if not folder.is_dir():
        issues.append(
            Issue(
                code=IssueCode.PATH_NOT_FOUND,
                file=str(folder),
                template=template_key(IssueCode.PATH_NOT_FOUND, "study_folder"),
            )
        )
        report.extend(issues)
        raise InvalidStudyInput(report)
    wanted = list(Section) if sections is None else list(sections)
    inputs = StudyInputs(folder=folder)
    for section in wanted:
        found = {name: _present(folder, name) for name in SECTION_FILES[section]}
        if not all(found.values()):
            # Asked for by name, or begun (areas.yaml without potential.csv): never skipped
            # without a word.
            if sections is not None or any(found.values()):
                absent = [name for name, paths in found.items() if not paths]
                issues.append(
                    Issue(
                        code=IssueCode.PATH_NOT_FOUND,
                        file=str(folder),
                        template=template_key(IssueCode.PATH_NOT_FOUND, "study_section"),
                        params={"files": ", ".join(absent), "section": section.value},
                    )
                )
            continue
        inputs.files_read += [str(p) for paths in found.values() for p in paths]
        _load_section(section, folder, inputs, issues)
    if sections is None and not inputs.files_read and not issues:
        issues.append(
            Issue(
                code=IssueCode.PATH_NOT_FOUND,
                file=str(folder),
                template=template_key(IssueCode.PATH_NOT_FOUND, "study_no_file"),
                params={"expected": _expected_files()},
            )
        )
    report.extend(issues)
    if not report.valid:
        raise InvalidStudyInput(report)
    return inputs


def _load_section(section: Section, folder: Path, inputs: StudyInputs, issues: list[Issue]) -> None:
    def load(name: str, model: type[ModelT], check: Any) -> ModelT | None:
        path = folder / name
        parsed, lines = _read_yaml(path, model, issues)
        if parsed is None:
            return None
        problems = check(parsed, lines, str(path))
        issues.extend(problems)
        return None if problems else parsed

    if section is Section.POTENTIAL:
        inputs.areas = load(files.AREAS_FILE, AreasFile, _check_areas)
        if inputs.areas is not None:
            inputs.potential_scores = _read_potential(
                folder / files.POTENTIAL_FILE, inputs.areas, issues
            )
    elif section is Section.ALTERNATIVES:
        for path in _present(folder, files.ALTERNATIVES_GLOB):
            study = load(path.name, AlternativesFile, _check_alternatives)
            if study is not None:
                inputs.alternatives.append((str(path), study))
    elif section is Section.COST_SHARING:
        inputs.cost_sharing = load(files.COST_SHARING_FILE, CostSharingFile, _check_cost_sharing)
    elif section is Section.PROJECTION:
        inputs.projection = load(files.PROJECTION_FILE, ProjectionFile, _check_projection)
    elif section is Section.ESTABLISHMENT:
        inputs.establishment_rows = _read_establishment(
            folder / files.ESTABLISHMENT_PLAN_FILE, issues
        )
    elif section is Section.COMPARISON:
        inputs.it_costs = load(files.IT_COSTS_FILE, ItCostsFile, _check_it_costs)
