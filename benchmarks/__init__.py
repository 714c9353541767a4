"""Benchmarks of the import and the analysis stages against the tools users would pick.

Run ``python -m benchmarks`` (or ``./run bench``); see ``benchmarks/README.md``. Every
measurement runs in its own subprocess (``benchmarks.tasks``) so that its peak memory is
its own; the ratios come from one run on the same files.
"""
