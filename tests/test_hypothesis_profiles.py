"""Hypothesis profiles: ``ci`` (more examples, derandomised, no deadline) and ``dev``
(fewer), registered in tests/conftest.py and chosen by HYPOTHESIS_PROFILE or CI=true."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import settings

REPO = Path(__file__).resolve().parents[1]
THIS = Path(__file__).relative_to(REPO)


def _expected_profile() -> str:
    chosen = os.environ.get("HYPOTHESIS_PROFILE")
    if chosen:
        return chosen
    return "ci" if os.environ.get("CI", "").strip().lower() in ("true", "1", "yes") else "dev"


def test_ci_runs_more_examples_the_same_each_time_without_deadline() -> None:
    ci, dev = settings.get_profile("ci"), settings.get_profile("dev")
    assert ci.derandomize and ci.deadline is None
    assert ci.max_examples > dev.max_examples
    assert not dev.derandomize and dev.deadline is None


def test_the_profile_in_force_is_the_one_the_environment_names() -> None:
    expected = settings.get_profile(os.environ.get("EXPECTED_PROFILE") or _expected_profile())
    current = settings.default
    assert current is not None
    assert current.max_examples == expected.max_examples
    assert current.derandomize == expected.derandomize


@pytest.mark.parametrize(
    ("environment", "profile"),
    [({"CI": "true"}, "ci"), ({"CI": "true", "HYPOTHESIS_PROFILE": "dev"}, "dev"), ({}, "dev")],
)
def test_ci_or_the_variable_choose_the_profile(environment: dict[str, str], profile: str) -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("CI", "HYPOTHESIS_PROFILE")}
    env["EXPECTED_PROFILE"] = profile
    run = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-q",
            "-p",
            "no:randomly",
            "-n",
            "0",
            f"{THIS}::test_the_profile_in_force_is_the_one_the_environment_names",
        ],
        cwd=REPO,
        env={**env, **environment},
        capture_output=True,
        text=True,
        check=False,
    )
    assert run.returncode == 0, run.stdout + run.stderr
    assert "1 passed" in run.stdout
