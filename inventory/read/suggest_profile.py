"""``suggest_profile``: a draft mapping profile from an export's headers and values.

Headers are matched to fields with the alias tables of every record kind (exact, then
``rapidfuzz`` against every alias); the kind with the most matched headers is taken.
For an enum field, each distinct value seen is matched to the enum's spellings (any
language) the same way. Every guess carries its confidence as a YAML comment (100: an
alias as written), a header matched to nothing is listed as a comment, and a required
field without a column is marked ``TODO``: the draft is for a person to review.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import yaml
from rapidfuzz import fuzz, process

from inventory.language.i18n import Lang, t
from inventory.models.registry import RECORD_KINDS, field_specs, header_aliases, normalise_header
from inventory.read.delimited import head_rows
from inventory.read.workbook import sheet_heads

#: Below this similarity (0-100) a header or value is no guess at all.
MIN_SCORE = 80
#: Distinct values of an enum column looked at.
MAX_VALUES = 20


def _rows(path: Path) -> tuple[tuple[str, ...], ...]:
    if path.suffix.lower() == ".xlsx":
        heads = sheet_heads(path)
        return heads[0].rows if isinstance(heads, list) and heads else ()
    return head_rows(path)


def _header_index(rows: Sequence[Sequence[str]]) -> int:
    """The header row: the first with the most filled cells (title rows have few)."""
    widths = [sum(1 for cell in row if cell.strip()) for row in rows]
    return widths.index(max(widths)) if widths else 0


def _match_header(kind: str, header: str) -> tuple[str, int] | None:
    aliases = header_aliases(kind)
    exact = aliases.get(normalise_header(header))
    if exact is not None:
        return exact, 100
    found = process.extractOne(
        normalise_header(header), list(aliases), scorer=fuzz.ratio, score_cutoff=MIN_SCORE
    )
    return None if found is None else (aliases[found[0]], int(found[1]))


def _quote(text: str) -> str:
    dumped: str = yaml.safe_dump(text, allow_unicode=True, default_style=None).strip()
    return dumped.removesuffix("\n...").removesuffix("...").strip()


def _confidence(score: int, lang: Lang) -> str:
    return t("read.suggest.confidence", lang, score=str(score))


def suggest_profile(paths: Sequence[Path], lang: Lang = "en") -> str:
    """A draft profile (YAML text with comments) for the files ``paths``: one table per
    file, its kind and fields guessed. The comments and ``TODO`` notes are in ``lang``; the
    keys and values are the profile's own (the same in every language).

    >>> _ = (tmp / "export.csv").write_text("Device name,Serial number,OS\\nPC-1,X1,Windows\\n")
    >>> print(suggest_profile([tmp / "export.csv"]))
    name: export
    ...
          serial_number:  # confidence 100
            column: Serial number
    ...
    """
    lines = [
        f"name: {_quote(Path(paths[0]).stem.lower().replace(' ', '-')) if paths else 'draft'}",
        f"description: {t('read.suggest.description_todo', lang)}",
        f"source: {t('read.suggest.source_todo', lang)}",
        "tables:",
    ]
    for path in paths:
        rows = _rows(Path(path))
        if not rows:
            lines.append(f"  # {t('read.suggest.no_table', lang, path=str(path))}")
            continue
        index = _header_index(rows)
        header = [cell for cell in rows[index] if cell.strip()]
        data = rows[index + 1 :]
        matches = {
            kind: {h: m for h in header if (m := _match_header(kind, h)) is not None}
            for kind in RECORD_KINDS
            if kind != "municipality"
        }
        kind = max(matches, key=lambda k: (len(matches[k]), sum(s for _, s in matches[k].values())))
        chosen: dict[str, tuple[str, int]] = {}
        for written, (field, score) in sorted(matches[kind].items(), key=lambda i: -i[1][1]):
            if field not in chosen:
                chosen[field] = (written, score)
        used = {written for written, _ in chosen.values()}
        lines += [
            f"  - kind: {kind}  # "
            + t("read.suggest.matched", lang, matched=len(chosen), headers=len(header)),
            f"    files: [{_quote(Path(path).name)}]",
            "    signature: [" + ", ".join(_quote(w) for w, _ in chosen.values()) + "]",
            "    fields:",
        ]
        specs = {spec.name: spec for spec in field_specs(kind)}
        for name, spec in specs.items():
            if name not in chosen:
                if spec.required:
                    lines.append(f"      {name}: TODO  # {t('read.suggest.required', lang)}")
                continue
            written, score = chosen[name]
            lines.append(f"      {name}:  # {_confidence(score, lang)}")
            lines.append(f"        column: {_quote(written)}")
            if spec.enum is not None:
                position = rows[index].index(written)
                seen = list(
                    dict.fromkeys(
                        row[position].strip()
                        for row in data
                        if position < len(row) and row[position].strip()
                    )
                )
                if seen:
                    lines.append("        values:")
                    spellings = spec.enum.spellings()
                for value in seen[:MAX_VALUES]:
                    exact = spellings.get(value.casefold())
                    if exact is not None:
                        lines.append(
                            f"          {_quote(value)}: {exact}  # {_confidence(100, lang)}"
                        )
                        continue
                    near = process.extractOne(
                        value.casefold(), list(spellings), scorer=fuzz.ratio, score_cutoff=MIN_SCORE
                    )
                    if near is None:
                        lines.append(
                            f"          {_quote(value)}: TODO  # "
                            + t("read.suggest.no_value_near", lang, enum=spec.enum.__name__)
                        )
                    else:
                        lines.append(
                            f"          {_quote(value)}: {spellings[near[0]]}"
                            f"  # {_confidence(int(near[1]), lang)}"
                        )
        for written in header:
            if written not in used:
                lines.append(
                    f"      # {t('read.suggest.not_mapped', lang, header=_quote(written))}"
                )
    return "\n".join(lines) + "\n"
