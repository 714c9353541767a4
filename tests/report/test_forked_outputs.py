"""The report's outputs shared between this process and a forked one (issue 17): each
job's bytes once, the same as computed here, whoever computes them."""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable

import pytest

from inventory.report.writer import _outputs

needs_fork = pytest.mark.skipif(
    "fork" not in multiprocessing.get_all_start_methods(), reason="no fork on this platform"
)


def _jobs(here: int) -> dict[str, Callable[[], bytes]]:
    """Six jobs; each says what it is and whether it ran in this process."""

    def job(name: str) -> Callable[[], bytes]:
        return lambda: f"{name}:{'here' if os.getpid() == here else 'forked'}".encode()

    return {name: job(name) for name in ("html", "xlsx", "md", "json", "m.md", "m.html")}


@needs_fork
def test_every_job_once_the_first_here_the_others_shared() -> None:
    outputs = _outputs(_jobs(os.getpid()), workers=2)
    assert list(outputs) == ["html", "xlsx", "md", "json", "m.md", "m.html"]
    assert outputs["html"] == b"html:here"
    assert outputs["xlsx"] == b"xlsx:forked"  # the worker starts at once with the second
    for name, value in outputs.items():
        assert value.split(b":")[0] == name.encode()


def test_one_worker_computes_everything_here() -> None:
    outputs = _outputs(_jobs(os.getpid()), workers=1)
    assert all(value.endswith(b":here") for value in outputs.values())


def _dies() -> bytes:
    os._exit(5)  # the worker process ends without an answer


@needs_fork
def test_a_worker_that_dies_leaves_its_jobs_here() -> None:
    here = os.getpid()
    jobs = _jobs(here)
    xlsx = jobs["xlsx"]

    def dies_there() -> bytes:
        return xlsx() if os.getpid() == here else _dies()

    jobs["xlsx"] = dies_there
    outputs = _outputs(jobs, workers=2)
    assert outputs["xlsx"] == b"xlsx:here"
    assert set(outputs) == set(_jobs(here))
