"""The benchmark runs end to end at small sizes and writes a well-formed RESULTS.md.

Only the shape of the output is checked: timings are never asserted.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


def test_quick_benchmark_writes_a_results_table(tmp_path: Path) -> None:
    out = tmp_path / "RESULTS.md"
    completed = subprocess.run(
        [
            sys.executable,
            "-m",
            "benchmarks",
            "--quick",
            "--rows",
            "3000",
            "--naive-rows",
            "300",
            "--out",
            str(out),
            "--work",
            str(tmp_path / "work"),
        ],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert completed.returncode == 0, completed.stderr[-3000:]
    text = out.read_text(encoding="utf-8")
    assert completed.stdout.strip() == text.strip()
    assert text.startswith("# Benchmark results")
    for heading in (
        "## Machine",
        "## One client file: 3,000 rows",
        "## Targets",
        "## Analysis stages by scale",
        "## Whole run at 2 municipalities",
        "## Identification",
    ):
        assert heading in text
    for step in (
        "our validate",
        "frictionless validate",
        "our import",
        "sqlite-utils insert --csv",
        "naive: pydantic + ORM object per row",
        "floor: pyarrow read_csv + sqlite3 executemany",
    ):
        row = next(line for line in text.splitlines() if line.startswith(f"| {step}"))
        cells = [cell.strip() for cell in row.strip("|").split("|")]
        assert len(cells) == 5
        assert float(cells[1]) > 0  # seconds
        assert re.fullmatch(r"[\d,]+", cells[3])  # peak RSS MiB
    for ratio in (
        "validate: frictionless / ours",
        "import: sqlite-utils / ours",
        "import: ours / floor",
        "scaling import: 2/1 municipalities",
    ):
        row = next(line for line in text.splitlines() if line.startswith(f"| {ratio}"))
        cells = [cell.strip() for cell in row.strip("|").split("|")]
        assert float(cells[1]) > 0
        assert cells[3] in {"yes", "**no**"}
    stage_rows = [
        line
        for line in text.splitlines()
        if re.match(r"\| (import|snapshot|graph|overlap|gap|report) \|", line)
    ]
    assert [row.split("|")[1].strip() for row in stage_rows][:3] == ["import", "snapshot", "graph"]
    for row in stage_rows:
        assert len(re.findall(r"\d+\.\d+ \([\d,]+\)", row)) == 2  # at 1 and 2 municipalities


def test_identification_alone_rewrites_only_its_section(tmp_path: Path) -> None:
    out = tmp_path / "RESULTS.md"
    out.write_text(
        "# Benchmark results\n\n## Targets\n\nkept\n\n## Identification\n\nold\n"
        "\n## Notes\n\n- kept too\n",
        encoding="utf-8",
    )
    completed = subprocess.run(
        [
            sys.executable,
            "-m",
            "benchmarks",
            "--only",
            "identification",
            "--rows",
            "2000",
            "--work",
            str(tmp_path / "work"),
            "--baseline-code",
            str(REPO),
            "--out",
            str(out),
        ],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert completed.returncode == 0, completed.stderr[-3000:]
    text = out.read_text(encoding="utf-8")
    assert "\n## Targets\n\nkept\n" in text and text.endswith("## Notes\n\n- kept too\n")
    assert "\nold\n" not in text and text.count("## Identification\n") == 1
    assert text.count("## Identification speed\n") == 1
    section = text[text.index("## Identification") : text.index("## Notes")]
    for category in ("server-os", "client-os", "network-os", "**all**"):
        assert f"| {category} |" in section
    for step in (
        "identification, this code",
        "identification, baseline code",
        "floor: pandas.factorize of the same columns",
    ):
        row = next(line for line in section.splitlines() if line.startswith(f"| {step} |"))
        assert float(row.split("|")[2]) > 0  # seconds
        assert "2,000 rows identified" in row or step.startswith("floor")
    ratio = next(
        line
        for line in section.splitlines()
        if line.startswith("| identification of the client file: this code / baseline")
    )
    assert ratio.split("|")[4].strip() in {"yes", "**no**"}
