"""``inventory synth`` never overwrites, and refuses option values it cannot honour.

A municipality folder synth would write (``OUT/m001`` ...) that already holds anything is
refused before a byte is written, whether it holds a real inventory or an earlier run; a
seed below 0 and a rate that is infinite, not a number, negative or absurd are usage
errors (exit 2), not tracebacks.
"""

from __future__ import annotations

import hashlib
import math
import shutil
from pathlib import Path

import pytest

from inventory.synth.generate import SynthOptions
from tests.helpers import exit_code_and_output as run_main

SAMPLES = Path(__file__).resolve().parents[2] / "samples"


def _digests(folder: Path) -> dict[str, str]:
    return {
        str(path.relative_to(folder)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def test_a_real_inventory_where_synth_writes_stays_byte_identical(tmp_path: Path) -> None:
    out = tmp_path / "out"
    shutil.copytree(SAMPLES / "gnosjo", out / "m002")  # Swedish file names, real data
    (out / "m001").mkdir()
    (out / "m001" / "servers.csv").write_text("id,kind\nsrv-1,physical\n", encoding="utf-8")
    before = _digests(out)
    code, output = run_main("synth", "--municipalities", "3", "--out", str(out))
    assert code == 1, output
    assert "Traceback" not in output
    assert "already holds files" in output and "m001/servers.csv" in output
    assert "m002/kommun.csv" in output and "nothing was written" in output
    assert _digests(out) == before
    assert sorted(path.name for path in out.iterdir()) == ["m001", "m002"]  # no m003


def test_a_second_run_into_the_same_folder_is_refused(tmp_path: Path) -> None:
    out = tmp_path / "out"
    first = run_main("synth", "--municipalities", "2", "--seed", "4", "--out", str(out))
    assert first[0] == 0, first[1]
    written = _digests(out)
    code, output = run_main("synth", "--municipalities", "2", "--seed", "5", "--out", str(out))
    assert code == 1 and "Traceback" not in output
    assert _digests(out) == written


def test_a_link_where_synth_writes_is_refused_and_not_followed(tmp_path: Path) -> None:
    out = tmp_path / "out"
    (out / "m001").mkdir(parents=True)
    elsewhere = tmp_path / "elsewhere.csv"
    (out / "m001" / "clients.csv").symlink_to(elsewhere)  # dangling: writing would create it
    code, output = run_main("synth", "--municipalities", "1", "--out", str(out))
    assert code == 1 and "clients.csv" in output and "Traceback" not in output
    assert not elsewhere.exists()


@pytest.mark.parametrize(
    "option",
    [
        ["--seed", "-1"],
        ["--client-rows-per-inhabitant", "inf"],
        ["--client-rows-per-inhabitant", "nan"],
        ["--client-rows-per-inhabitant", "-inf"],
        ["--client-rows-per-inhabitant", "1e300"],
        ["--servers-per-inhabitant", "-0.5"],
        ["--servers-per-inhabitant", "NaN"],
        ["--servers-per-inhabitant", "Infinity"],
        ["--invalid-rows", "-3"],
    ],
)
def test_values_synth_cannot_honour_are_usage_errors(tmp_path: Path, option: list[str]) -> None:
    out = tmp_path / "out"
    code, output = run_main("synth", "--municipalities", "1", *option, "--out", str(out))
    assert code == 2, output
    assert "Traceback" not in output
    assert option[0] in output  # names the option
    assert not out.exists()


@pytest.mark.parametrize(
    "options",
    [
        {"seed": -1},
        {"municipalities": -2},
        {"client_rows_per_inhabitant": math.inf},
        {"servers_per_inhabitant": math.nan},
        {"client_rows_per_inhabitant": -1.0},
    ],
)
def test_the_library_refuses_them_too(options: dict[str, float]) -> None:
    with pytest.raises(ValueError, match=next(iter(options))):
        SynthOptions(**options)  # type: ignore[arg-type]
