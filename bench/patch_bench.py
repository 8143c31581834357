#!/usr/bin/env python3
"""Patching speed: `quire debug patch` writing "Yes" into the answer column of every row of the
200k-row benchmark workbook (bench/data, made by bench/run.py), next to `quire cat --format count`
reading the same workbook. Goal: patching at most 2x reading."""
from __future__ import annotations

import os
import statistics
import subprocess
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
QUIRE = os.environ.get("QUIRE_BIN", str(ROOT / ".build" / "release" / "quire"))
RUNS = int(os.environ.get("BENCH_RUNS", "3"))


def median(command: list[str]) -> float:
    times = []
    for _ in range(RUNS):
        start = time.perf_counter()
        subprocess.run(command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> int:
    source = ROOT / "bench" / "data" / "questionnaire-200k.v1.xlsx"
    if not source.exists():
        print(f"{source} is missing: run bench/run.py (make bench) first")
        return 1
    with tempfile.TemporaryDirectory() as folder:
        read = median([QUIRE, "cat", str(source), "--format", "count"])
        # The last row is given, so that the patch is timed, not a read to find it.
        patch = median([QUIRE, "debug", "patch", str(source), "F", str(Path(folder) / "patched.xlsx"), "--rows", "200001"])
    print(f"200k rows: read {read:.2f} s, patch the answer column {patch:.2f} s, ratio {patch / read:.1f} "
          f"(goal <= 2: {'met' if patch <= 2 * read else 'NOT met'})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
