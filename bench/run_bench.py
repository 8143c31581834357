#!/usr/bin/env python3
"""Nightly runs: `quire run` over 100 generated questionnaires (30 to 1,000 items each, fixed
seed, CSV and XLSX) against samples/library, the first time, again with nothing changed, and
the next night (as of a day later, when none of the evidence the answers consulted changed
state), next to the sum of single `quire answer` commands on the same files.

Goals (issue 16): the first run within 1.5x of (sum of the single-command times) / cores; the
unchanged re-run under 10% of the first.

Run by `make bench`, or `.venv/bin/python bench/run_bench.py` after `make release`.
BENCH_QUESTIONNAIRES (default 100) and BENCH_RUNS (default 3) change the size and repetitions.
"""
from __future__ import annotations

import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import xlsxwriter

sys.path.insert(0, str(Path(__file__).resolve().parent))
from answer_bench import questions  # noqa: E402  (the same question generator)

ROOT = Path(__file__).resolve().parents[1]
QUIRE = os.environ.get("QUIRE_BIN", str(ROOT / ".build" / "release" / "quire"))
COUNT = int(os.environ.get("BENCH_QUESTIONNAIRES", "100"))
RUNS = int(os.environ.get("BENCH_RUNS", "3"))
OUT = ROOT / "bench" / "out"


def generate(folder: Path, count: int = COUNT, items: tuple[int, int] = (30, 1000), seed: int = 16,
             digits: int = 3) -> list[Path]:
    """`count` questionnaires of `items` questions each (fixed seed), half CSV, half XLSX with a
    drop-down."""
    rng = random.Random(seed)
    files = []
    for index in range(count):
        texts = questions(rng.randint(*items), offset=rng.randint(0, 5000))
        if index % 2:
            path = folder / f"q{index:0{digits}d}.csv"
            lines = ["ID,Question,Answer,Comment"] + [f"Q{n + 1},\"{text}\",," for n, text in enumerate(texts)]
            path.write_text("\r\n".join(lines) + "\r\n", encoding="utf-8")
        else:
            path = folder / f"q{index:0{digits}d}.xlsx"
            book = xlsxwriter.Workbook(str(path))
            book.set_properties({"created": __import__("datetime").datetime(2026, 1, 1)})
            sheet = book.add_worksheet("Questions")
            sheet.write_row(0, 0, ["ID", "Question", "Answer", "Comment"])
            for n, text in enumerate(texts):
                sheet.write_row(n + 1, 0, [f"Q{n + 1}", text])
            sheet.data_validation(1, 2, len(texts), 2, {"validate": "list", "source": ["Yes", "No", "N/A"]})
            book.close()
        files.append(path)
    return files


def timed(command: list[str], cwd: Path, ok=(0, 1)) -> float:
    start = time.perf_counter()
    run = subprocess.run(command, cwd=cwd, capture_output=True)
    elapsed = time.perf_counter() - start
    if run.returncode not in ok:
        sys.exit(f"{' '.join(command)} exited {run.returncode}: {run.stderr.decode()[-2000:]}")
    return elapsed


def main() -> int:
    quire = str(Path(QUIRE).resolve())
    folder = Path(tempfile.mkdtemp(prefix="run-bench-"))
    try:
        shutil.copytree(ROOT / "samples" / "library", folder / "library")
        inputs = folder / "questionnaires"
        inputs.mkdir()
        files = generate(inputs)
        items = sum(len(f.read_text(encoding="utf-8").splitlines()) - 1 if f.suffix == ".csv" else 0 for f in files)
        (folder / "nightly.yaml").write_text(
            "format: quire-pipeline/1\nas_of: \"2026-11-29\"\nlibrary: [library]\noutput: out\n"
            "answer:\n  questionnaires: [\"questionnaires/*\"]\n",
            encoding="utf-8",
        )
        cores = os.cpu_count() or 1
        singles = []
        for _ in range(RUNS):
            total = 0.0
            for path in files:
                total += timed([quire, "answer", str(path), "--library", "library", "--as-of", "2026-11-29",
                                "-o", str(folder / ("single" + path.suffix))], folder)
            singles.append(total)
        firsts, reruns, nexts = [], [], []
        for _ in range(RUNS):
            shutil.rmtree(folder / "out", ignore_errors=True)
            firsts.append(timed([quire, "run", "nightly.yaml", "--quiet"], folder))
            reruns.append(timed([quire, "run", "nightly.yaml", "--quiet"], folder))
            nexts.append(timed([quire, "run", "nightly.yaml", "--quiet", "--as-of", "2026-11-30"], folder))
        single = statistics.median(singles)
        first = statistics.median(firsts)
        rerun = statistics.median(reruns)
        following = statistics.median(nexts)
        budget = 1.5 * single / cores
        print(f"{COUNT} questionnaires ({len(files)} files), {cores} cores, {RUNS} runs each; quire {quire}")
        print(f"{'what':<44}{'median s':>10}")
        print(f"{'sum of single quire answer commands':<44}{single:>10.2f}")
        print(f"{'quire run, first':<44}{first:>10.2f}")
        print(f"{'quire run, again with nothing changed':<44}{rerun:>10.2f}")
        print(f"{'quire run, the next day (no evidence lapsed)':<44}{following:>10.2f}")
        print(f"first run / (sum of singles / cores): {first / (single / cores):.2f} (goal <= 1.5): "
              + ("met" if first <= budget else "MISSED"))
        print(f"re-run / first run: {rerun / first:.1%} (goal < 10%): " + ("met" if rerun < 0.1 * first else "MISSED"))
        print(f"next day / first run: {following / first:.1%}")
        OUT.mkdir(parents=True, exist_ok=True)
        (OUT / "run.json").write_text(json.dumps({
            "questionnaires": COUNT, "cores": cores, "runs": RUNS, "single_sum_s": single, "first_s": first,
            "rerun_s": rerun, "next_day_s": following, "first_ratio": first / (single / cores),
            "rerun_share": rerun / first, "next_day_share": following / first,
        }, indent=2) + "\n", encoding="utf-8")
        return 0
    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
