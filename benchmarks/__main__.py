"""``python -m benchmarks``: run the benchmarks and write ``benchmarks/RESULTS.md``."""

from benchmarks.run import main

if __name__ == "__main__":
    raise SystemExit(main())
