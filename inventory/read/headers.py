"""Map the headers of a file, in English, Swedish or Norwegian, to the model's fields."""

from __future__ import annotations

import functools
from dataclasses import dataclass, field

import pandas as pd

from inventory.echo import find_control
from inventory.issues import (
    Issue,
    IssueCode,
    IssueParam,
    Severity,
    control_character_problem,
    template_key,
)
from inventory.messages import Code
from inventory.models.registry import field_specs, header_aliases, normalise_header
from inventory.read.limits import excerpt
from inventory.read.source import SourceTable
from inventory.read.suggest import file_language, header_candidates, nearest, normalised_header
from inventory.read.units import Unit, column_unit, find_unit, split_header

NOTE_PREFIX = "#"
#: Unknown headers listed per file, each with a suggestion; the rest are counted.
MAX_UNKNOWN_LISTED = 20


@dataclass
class HeaderMapping:
    """Which column holds which field, and which columns are ignored.

    ``fields`` maps a 0-based column position to its field name; ``written`` maps each
    header as written in the file to its field name (kept as provenance); ``ignored``
    lists the positions of note columns (header starting with ``#``) and of columns
    without header and without values; ``units`` maps a field to the unit its header
    names (``Minne (MiB)``), in which the column's plain numbers are.
    """

    fields: dict[int, str] = field(default_factory=dict)
    written: dict[str, str] = field(default_factory=dict)
    ignored: list[int] = field(default_factory=list)
    units: dict[str, Unit] = field(default_factory=dict)
    language: str | None = None  # of the header row: sv, nb, nn or en (suggest.file_language)

    def copy(self) -> HeaderMapping:
        """A mapping equal to this one that shares none of its containers."""
        return HeaderMapping(
            fields=dict(self.fields),
            written=dict(self.written),
            ignored=list(self.ignored),
            units=dict(self.units),
            language=self.language,
        )

    def position_of(self, field_name: str) -> int | None:
        """The 0-based column position of a field, or None when the file lacks it."""
        for position, name in self.fields.items():
            if name == field_name:
                return position
        return None


def _column_is_empty(source: SourceTable, position: int) -> bool:
    if not source.has_column(position) or source.row_count == 0:
        return True
    column = source.text_column(position)
    texts = column if isinstance(column, pd.Series) else column.to_pandas()
    return bool((texts.str.strip() == "").all())


@functools.cache
def _known_headers(kind: str, language: str | None) -> dict[str, str]:
    """The header spellings of ``kind`` in ``language`` (and English), each with its field.
    Built once per kind and language: each unknown header's suggestion compares with it."""
    return header_candidates(kind, language)


def _nearest_header(text: str, kind: str, language: str | None = None) -> str | None:
    """The header ``text`` most likely is (``suggest.nearest``: never a short or partial
    match, nor one as close to another field)."""
    return nearest(text, _known_headers(kind, language))


def _with_unit(written: str, kind: str) -> tuple[str, Unit] | None:
    """The field and unit of a header that names a unit after a field's name (``Minne
    (GB)``, ``RAM [MiB]``, ``Disk i TB``), when that field is measured in units."""
    parts = split_header(written)
    if parts is None:
        return None
    field_name = header_aliases(kind).get(normalise_header(parts[0]))
    spec = None if field_name is None else {s.name: s for s in field_specs(kind)}[field_name]
    column = None if spec is None else column_unit(spec.name, spec.unit)
    unit = None if column is None else find_unit(parts[1], column.dimension)
    return None if field_name is None or unit is None else (field_name, unit)


def _unit_issue(
    kind: str, field_name: str, unit: Unit, written: str
) -> tuple[IssueCode, dict[str, IssueParam], Severity] | None:
    """What a header's unit says: the wrong dimension (an error, the column is not read),
    a conversion (info), or nothing when the unit is the field's own."""
    spec = {s.name: s for s in field_specs(kind)}[field_name]
    column = column_unit(spec.name, spec.unit)
    assert column is not None  # _with_unit found the unit for this field's dimension
    if unit.dimension != column.dimension:
        return (
            IssueCode.WRONG_UNIT,
            {
                "header": repr(excerpt(written.strip())),
                "field": field_name,
                "symbol": unit.symbol,
                "found": Code("issue_dimension", unit.dimension.value),
                "expected": Code("issue_dimension", column.dimension.value),
                "unit": column.unit.symbol,
                "units": Code("issue_units", "memory" if column.memory else column.dimension.value),
            },
            Severity.ERROR,
        )
    factor = column.factor(unit)
    if factor == 1:
        return None
    return (
        IssueCode.UNIT_FROM_HEADER,
        {
            "header": repr(excerpt(written.strip())),
            "field": field_name,
            "symbol": unit.symbol,
            "unit": column.unit.symbol,
            "factor": f"{factor:.12g}",
        },
        Severity.INFO,
    )


def map_headers(source: SourceTable) -> tuple[HeaderMapping, list[Issue]]:
    """Map each header cell of ``source`` to a field of its record kind.

    Matching ignores case, spaces (also non-breaking), underscores and zero-width
    characters, and accepts every alias of the model (``värdnamn`` and ``vertsnavn`` are
    ``hostname``). A header starting with ``#`` marks a note column, kept out of the
    import. Issues: ``blank-header``, ``duplicate-header`` (also two aliases of one
    field), ``unknown-header`` (with the nearest known name; the first
    ``MAX_UNKNOWN_LISTED`` listed, the rest counted in one issue, and a single issue when
    no column at all is known), ``control-character`` (the
    column is not read) and one ``missing-column`` listing every required field the file
    lacks.

    Example::

        mapping, issues = map_headers(table)   # header: Värdnamn;Typ;ID
        mapping.fields                          # {0: 'hostname', 1: 'kind', 2: 'id'}
    """
    key = (source.kind, tuple(source.header))
    known = _CLEAN_MAPPINGS.get(key)
    if known is not None:
        return known.copy(), []
    mapping, issues, read_cells = _map_headers(source)
    if not issues and not read_cells:
        if len(_CLEAN_MAPPINGS) >= _CLEAN_MAPPINGS_KEPT:
            _CLEAN_MAPPINGS.clear()
        _CLEAN_MAPPINGS[key] = mapping.copy()
    return mapping, issues


#: The mappings of headers that gave no issue and whose mapping looked at no cell (a blank
#: header looks at its column), by record kind and header: every municipality's file of a
#: kind usually has the same header; it is mapped once per process.
_CLEAN_MAPPINGS: dict[tuple[str, tuple[str, ...]], HeaderMapping] = {}
_CLEAN_MAPPINGS_KEPT = 1 << 10


def _map_headers(source: SourceTable) -> tuple[HeaderMapping, list[Issue], bool]:
    """``map_headers``, and whether the mapping looked at a column's cells."""
    aliases = header_aliases(source.kind)
    mapping = HeaderMapping(language=file_language(source.kind, source.header))
    read_cells = False
    issues: list[Issue] = []
    first_position: dict[str, int] = {}
    unknown: list[int] = []  # positions of unknown headers

    def issue(
        code: IssueCode,
        position: int,
        params: dict[str, IssueParam],
        severity: Severity = Severity.ERROR,
        situation: str | None = None,
    ) -> Issue:
        return Issue(
            code=code,
            severity=severity,
            file=source.display_name,
            line=source.header_line,
            column=source.header[position],
            column_index=position + 1,
            municipality=source.municipality,
            record_kind=source.kind,
            template=template_key(code, situation),
            params=params,
        )

    for position, written in enumerate(source.header):
        if find_control(written) is not None:  # before normalising, which folds some
            params, situation = control_character_problem(written, header=True)
            issues.append(issue(IssueCode.CONTROL_CHARACTER, position, params, situation=situation))
            continue
        normalised = normalised_header(written)
        if normalised.startswith(NOTE_PREFIX):
            mapping.ignored.append(position)
            continue
        if not normalised:
            read_cells = True
            if _column_is_empty(source, position):
                mapping.ignored.append(position)
            else:
                issues.append(
                    issue(IssueCode.BLANK_HEADER, position, {"position": str(position + 1)})
                )
            continue
        field_name = aliases.get(normalised)
        with_unit = None if field_name is not None else _with_unit(written, source.kind)
        if with_unit is not None:
            field_name = with_unit[0]
            unit_issue = _unit_issue(source.kind, *with_unit, written)
            if unit_issue is not None:
                issues.append(
                    issue(
                        unit_issue[0],
                        position,
                        unit_issue[1],
                        unit_issue[2],
                        situation="header" if unit_issue[0] is IssueCode.WRONG_UNIT else None,
                    )
                )
                if unit_issue[0] is IssueCode.WRONG_UNIT:
                    continue
        if field_name is None:
            unknown.append(position)
            if len(unknown) <= MAX_UNKNOWN_LISTED:  # a suggestion each, for the listed only
                near = _nearest_header(written, source.kind, mapping.language)
                unknown_params: dict[str, IssueParam] = {
                    "header": repr(excerpt(written.strip())),
                    "kind": source.kind,
                }
                if near:
                    unknown_params["suggestion"] = repr(near)
                issues.append(
                    issue(
                        IssueCode.UNKNOWN_HEADER,
                        position,
                        unknown_params,
                        situation="suggested" if near else None,
                    )
                )
            continue
        if field_name in first_position:
            earlier = first_position[field_name]
            issues.append(
                issue(
                    IssueCode.DUPLICATE_HEADER,
                    position,
                    {
                        "header": repr(written.strip()),
                        "position": str(position + 1),
                        "other": repr(source.header[earlier].strip()),
                        "other_position": str(earlier + 1),
                        "field": repr(field_name),
                    },
                )
            )
            continue
        first_position[field_name] = position
        mapping.fields[position] = field_name
        if with_unit is not None:
            mapping.units[field_name] = with_unit[1]
        mapping.written[written] = field_name

    if len(unknown) > 1 and not first_position:
        # Not one known column: the file is not of its kind (or its header row is not the
        # first line). One issue, quoting no more of the file than a short prefix.
        unlisted = {IssueCode.UNKNOWN_HEADER, IssueCode.BLANK_HEADER}
        return (
            mapping,
            [
                *(i for i in issues if i.code not in unlisted),
                Issue(
                    code=IssueCode.UNKNOWN_HEADER,
                    file=source.display_name,
                    line=source.header_line,
                    municipality=source.municipality,
                    record_kind=source.kind,
                    value=str(len(source.header)),
                    template=template_key(IssueCode.UNKNOWN_HEADER, "none_known"),
                    params={
                        "count": len(source.header),
                        "kind": source.kind,
                        "first": repr(excerpt(source.header[unknown[0]].strip(), 20)),
                    },
                ),
            ],
            read_cells,
        )
    if len(unknown) > MAX_UNKNOWN_LISTED:
        issues.append(
            Issue(
                code=IssueCode.UNKNOWN_HEADER,
                file=source.display_name,
                line=source.header_line,
                municipality=source.municipality,
                record_kind=source.kind,
                value=str(len(unknown) - MAX_UNKNOWN_LISTED),
                template=template_key(IssueCode.UNKNOWN_HEADER, "more"),
                params={"count": len(unknown) - MAX_UNKNOWN_LISTED},
            )
        )
    missing = [
        spec.name
        for spec in field_specs(source.kind)
        if spec.required and spec.name not in first_position
    ]
    if missing:
        listed = ", ".join(missing)
        issues.append(
            Issue(
                code=IssueCode.MISSING_COLUMN,
                file=source.display_name,
                line=source.header_line,
                municipality=source.municipality,
                record_kind=source.kind,
                value=listed,
                template=template_key(
                    IssueCode.MISSING_COLUMN, None if len(missing) == 1 else "several"
                ),
                params={"columns": listed},
            )
        )
    return mapping, issues, read_cells
