"""Compare two report.json files and list their differences grouped by JSON path.

A developer tool for "behaviour unchanged" checks: write the report of the samples with
two versions of the code (``inventory demo --out A`` on the old commit, ``--out B`` on
the new one) and compare them::

    .venv/bin/python scripts/compare_report_json.py A/report.json B/report.json
    .venv/bin/python scripts/compare_report_json.py A/report.json B/report.json \\
        --ignore generated --ignore 'sections[id=plan].blocks[*].svg' --examples 5

Paths read like ``sections[id=gap-matrix].blocks[id=gap-scope].rows[3][2]``:

- a key of an object is ``.key``;
- a list whose items are all objects with a distinct ``id`` is matched by that id
  (``[id=...]``), so a section or table moving does not show as every later one changed;
- the cells of a row (a list of plain values, the same length on both sides) are compared
  position by position, and the position, the column, stays in the group;
- any other list is aligned like ``diff`` aligns lines (difflib), so one row inserted into a
  table shows as that row added, not as every row after it changed; rows (lists) are
  aligned on all their cells but the first, so a running number in the first column
  shows as that cell changed, not as every row after an inserted one changed. Rows replaced one for
  one, or having the same first cell, are compared cell by cell; an item among these
  objects that has an ``id`` is written ``[position:id=...]``. A removed item's position
  is the old file's, an added item's the new file's.

Differences are grouped by their path with list positions written ``[*]``, one group per
place in the report, with the count and the first examples (``before`` / ``after``; a long
text is cut to the part around its first difference). ``--ignore PATTERN`` (repeatable)
drops every difference whose path, or its grouped path, matches the shell-style pattern
(fnmatch: ``*`` matches anything, including dots and brackets; a literal ``[`` is written
``[[]``, which the tool does for you when the pattern holds ``[id=`` or ``[*]``).
``--json`` prints the groups as JSON for other scripts.

Exit status: 0 when the files are the same (after ignoring), 1 when they differ, 2 when a
file cannot be read (as ``diff``).
"""

from __future__ import annotations

import argparse
import difflib
import fnmatch
import json
import re
import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

#: How many characters of a text an example shows around its first difference.
EXCERPT = 160


@dataclass(frozen=True)
class Difference:
    """One difference: where (``path``; ``group``, the place in the report, is the path
    with the positions of aligned list items as ``[*]``; a cell keeps its column), what
    kind (changed, added, removed), the two values."""

    path: str
    kind: str
    before: Any = None
    after: Any = None
    group: str = ""


def _ids(items: Sequence[Any]) -> list[str] | None:
    """The items' ``id`` values when every item is an object with a distinct one."""
    if not items or not all(isinstance(item, dict) and "id" in item for item in items):
        return None
    ids = [str(item["id"]) for item in items]
    return ids if len(set(ids)) == len(ids) else None


def _canonical(value: Any) -> str:
    return json.dumps(value, sort_keys=True, ensure_ascii=False)


def differences(before: Any, after: Any, path: str = "", group: str = "") -> Iterator[Difference]:
    """Every difference between two JSON values, in document order."""
    if isinstance(before, dict) and isinstance(after, dict):
        for key in before:
            where, place = (f"{path}.{key}", f"{group}.{key}") if path else (str(key), str(key))
            if key not in after:
                yield Difference(where, "removed", before=before[key], group=place)
            else:
                yield from differences(before[key], after[key], where, place)
        for key in after:
            if key not in before:
                where, place = (f"{path}.{key}", f"{group}.{key}") if path else (str(key), str(key))
                yield Difference(where, "added", after=after[key], group=place)
    elif isinstance(before, list) and isinstance(after, list):
        yield from _list_differences(before, after, path, group)
    elif type(before) is not type(after) or before != after:
        yield Difference(path, "changed", before=before, after=after, group=group)


def _list_differences(
    before: list[Any], after: list[Any], path: str, group: str
) -> Iterator[Difference]:
    before_ids, after_ids = _ids(before), _ids(after)
    if before_ids is not None and after_ids is not None:
        by_id = dict(zip(after_ids, after, strict=True))
        for item_id, item in zip(before_ids, before, strict=True):
            where, place = f"{path}[id={item_id}]", f"{group}[id={item_id}]"
            if item_id in by_id:
                yield from differences(item, by_id[item_id], where, place)
            else:
                yield Difference(where, "removed", before=item, group=place)
        known = set(before_ids)
        for item_id, item in zip(after_ids, after, strict=True):
            if item_id not in known:
                where, place = f"{path}[id={item_id}]", f"{group}[id={item_id}]"
                yield Difference(where, "added", after=item, group=place)
        return
    if len(before) == len(after) and not any(
        isinstance(item, (list, dict)) for item in [*before, *after]
    ):
        # the cells of a row, the values of a figure: compared position by position, and
        # the position (the column) stays in the group
        for index, (left, right) in enumerate(zip(before, after, strict=True)):
            yield from differences(left, right, f"{path}[{index}]", f"{group}[{index}]")
        return
    # rows are aligned on every cell but the first: a running number (item I00305 becoming
    # I00302 when three rows before it go) does not make every later row look changed
    rows = all(isinstance(item, list) and len(item) > 1 for item in [*before, *after])
    matcher = difflib.SequenceMatcher(
        a=[_canonical(item[1:] if rows else item) for item in before],
        b=[_canonical(item[1:] if rows else item) for item in after],
        autojunk=False,
    )
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            for offset in range(i2 - i1 if rows else 0):
                where, place = f"{path}[{i1 + offset}]", f"{group}[*]"
                yield from differences(before[i1 + offset], after[j1 + offset], where, place)
            continue
        pairs = _pairs(before[i1:i2], after[j1:j2])
        for i, j in pairs:
            left, right = before[i1 + i], after[j1 + j]
            label = _label(left, right)
            where = f"{path}[{i1 + i}{':' + label if label else ''}]"
            yield from differences(left, right, where, f"{group}[{label or '*'}]")
        paired_before = {i for i, _ in pairs}
        paired_after = {j for _, j in pairs}
        for index in range(i2 - i1):
            if index not in paired_before:
                where = f"{path}[{i1 + index}]"
                removed = before[i1 + index]
                yield Difference(where, "removed", before=removed, group=f"{group}[*]")
        for index in range(j2 - j1):
            if index not in paired_after:
                where = f"{path}[{j1 + index}]"
                added = after[j1 + index]
                yield Difference(where, "added", after=added, group=f"{group}[*]")


def _label(before: Any, after: Any) -> str:
    """``id=...`` when both items are objects with the same id (a table among paragraphs),
    else nothing (the item is known by its position)."""
    if (
        isinstance(before, dict)
        and isinstance(after, dict)
        and before.get("id") is not None
        and before.get("id") == after.get("id")
    ):
        return f"id={before['id']}"
    return ""


def _pairs(before: list[Any], after: list[Any]) -> list[tuple[int, int]]:
    """Which items of a replaced stretch are the same item changed: one for one when the
    stretch keeps its length, else rows (lists) whose first cell is the same."""
    if len(before) == len(after):
        return [(i, i) for i in range(len(before))]
    if not before or not after:
        return []
    if not all(isinstance(item, list) and item for item in [*before, *after]):
        return []
    firsts = {_canonical(item[0]): j for j, item in enumerate(after)}
    if len(firsts) != len(after):
        return []
    keys = [_canonical(item[0]) for item in before]
    if len(set(keys)) != len(keys):
        return []
    return [(i, firsts[key]) for i, key in enumerate(keys) if key in firsts]


def _pattern(text: str) -> str:
    """A pattern as fnmatch reads it: ``[id=...]`` and ``[*]`` are literal brackets."""
    return re.sub(r"\[((?:\d+:)?id=[^\]]*|\*|\d+)\]", lambda m: "[[]" + m.group(1) + "]", text)


def ignored(difference: Difference, patterns: Sequence[str]) -> bool:
    """The difference's path or grouped path matches one of the patterns."""
    return any(
        fnmatch.fnmatchcase(difference.path, _pattern(pattern))
        or fnmatch.fnmatchcase(difference.group, _pattern(pattern))
        or fnmatch.fnmatchcase(difference.path, pattern)
        for pattern in patterns
    )


def grouped(found: Sequence[Difference]) -> dict[str, list[Difference]]:
    """The differences by grouped path, in the order their places first differ."""
    groups: dict[str, list[Difference]] = {}
    for difference in found:
        groups.setdefault(difference.group, []).append(difference)
    return groups


def excerpt(before: Any, after: Any) -> tuple[str, str]:
    """The two values as short texts: a long text cut to the part around its first
    difference (``…`` marks what was cut)."""
    if isinstance(before, str) and isinstance(after, str):
        left, right = before, after
    else:  # as JSON: a number and the same digits as text are told apart
        left, right = _canonical(before), _canonical(after)
    if len(left) <= EXCERPT and len(right) <= EXCERPT:
        return left, right
    start = next(
        (i for i, (a, b) in enumerate(zip(left, right, strict=False)) if a != b),
        min(len(left), len(right)),
    )
    begin = max(0, start - EXCERPT // 4)

    def cut(text: str) -> str:
        piece = text[begin : begin + EXCERPT]
        return ("…" if begin else "") + piece + ("…" if begin + EXCERPT < len(text) else "")

    return cut(left), cut(right)


def _shown(difference: Difference) -> dict[str, Any]:
    if difference.kind == "changed":
        before, after = excerpt(difference.before, difference.after)
        return {"path": difference.path, "kind": "changed", "before": before, "after": after}
    value = difference.before if difference.kind == "removed" else difference.after
    text = value if isinstance(value, str) else _canonical(value)
    if len(text) > EXCERPT:
        text = text[:EXCERPT] + "…"
    return {"path": difference.path, "kind": difference.kind, "value": text}


def report(groups: dict[str, list[Difference]], examples: int) -> dict[str, Any]:
    """The groups as data: per grouped path, the count by kind and the first examples."""
    return {
        group: {
            "count": len(items),
            "kinds": {
                kind: sum(d.kind == kind for d in items)
                for kind in ("changed", "added", "removed")
                if any(d.kind == kind for d in items)
            },
            "examples": [_shown(d) for d in items[:examples]],
        }
        for group, items in groups.items()
    }


def _text(summary: dict[str, Any]) -> str:
    lines: list[str] = []
    total = sum(entry["count"] for entry in summary.values())
    lines.append(f"{total} difference(s) in {len(summary)} place(s)")
    for group, entry in summary.items():
        kinds = ", ".join(f"{count} {kind}" for kind, count in entry["kinds"].items())
        lines.append("")
        lines.append(f"{group}  ({kinds})")
        for example in entry["examples"]:
            if example["kind"] == "changed":
                lines.append(f"  {example['path']}")
                lines.append(f"    - {example['before']}")
                lines.append(f"    + {example['after']}")
            else:
                sign = "-" if example["kind"] == "removed" else "+"
                lines.append(f"  {example['path']} ({example['kind']})")
                lines.append(f"    {sign} {example['value']}")
        if entry["count"] > len(entry["examples"]):
            lines.append(f"  … and {entry['count'] - len(entry['examples'])} more")
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description="Differences between two report.json files, grouped by JSON path."
    )
    parser.add_argument("before", type=Path, help="the report.json of the old code")
    parser.add_argument("after", type=Path, help="the report.json of the new code")
    parser.add_argument(
        "--ignore",
        action="append",
        default=[],
        metavar="PATTERN",
        help="drop differences whose path matches (fnmatch; repeatable), e.g. generated",
    )
    parser.add_argument(
        "--examples", type=int, default=3, metavar="N", help="examples shown per path (3)"
    )
    parser.add_argument("--json", action="store_true", help="print the groups as JSON")
    options = parser.parse_args(argv)
    try:
        before = json.loads(options.before.read_text(encoding="utf-8"))
        after = json.loads(options.after.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        print(f"compare_report_json: {error}", file=sys.stderr)
        return 2
    found = [d for d in differences(before, after) if not ignored(d, options.ignore)]
    summary = report(grouped(found), options.examples)
    if options.json:
        print(json.dumps(summary, ensure_ascii=False, indent=2))
    else:
        print(_text(summary))
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
