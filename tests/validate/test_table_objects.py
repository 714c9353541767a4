"""``ValidTable.objects``: while validation runs, the key's and the reference fields'
values of each table, which the references read instead of looking the columns up in
each frame. They must be exactly the frame's values (``frame[name].to_numpy(dtype=object)``)
of every table, built alone or with other files of its kind, and validation empties them.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np
import pytest

import inventory.validate as validate
from inventory.models.registry import field_specs, model_for
from inventory.validate import references, validate_paths

SAMPLES = Path(__file__).resolve().parents[2] / "samples"


def _object_fields(kind: str) -> set[str]:
    return (
        {model_for(kind).key_field}
        | {spec.name for spec in field_specs(kind) if spec.references or spec.pseudo_references}
        | ({"cluster"} if kind == "server" else set())
    )


@pytest.mark.parametrize("built_alone_from", [1 << 16, 1])  # batched; each file alone
def test_objects_are_the_frames_values(
    monkeypatch: pytest.MonkeyPatch, built_alone_from: int
) -> None:
    monkeypatch.setattr(validate, "BATCHED_BELOW_ROWS", built_alone_from)
    seen: list[tuple[str, str, str]] = []
    resolve = references.resolve_references

    def check(municipalities: Any, *args: Any) -> Any:
        for batch in municipalities:
            for kind, table in batch.tables.items():
                assert set(table.objects) == _object_fields(kind) & set(table.frame.columns)
                for name, values in table.objects.items():
                    expected = table.frame[name].to_numpy(dtype=object)
                    assert values.dtype == object
                    assert values.shape == expected.shape
                    # the same objects, missing values included (None as None)
                    assert all(a is b for a, b in zip(values, expected, strict=True))
                    assert not values.flags.writeable
                    assert table.column_objects(name) is values
                    seen.append((batch.code, kind, name))
                # a field not held: read from the frame
                assert np.array_equal(
                    table.column_objects("_line"), table.frame["_line"].to_numpy(dtype=object)
                )
        return resolve(municipalities, *args)

    monkeypatch.setattr(validate, "resolve_references", check)
    folders = [SAMPLES / name for name in ("gislaved", "gnosjo", "hylte", "vaggeryd", "varnamo")]
    batch = validate_paths(folders)
    assert len(seen) > 50
    assert {kind for _code, kind, _name in seen} >= {"server", "client", "application", "site"}
    for municipality in batch.municipalities:
        for table in municipality.tables.values():
            assert table.objects == {}  # emptied: the store reads the frames
