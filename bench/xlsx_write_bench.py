#!/usr/bin/env python3
"""Write benchmark: a new workbook of ROWS x 10 columns written by Quire, xlsxwriter and openpyxl.

    .venv/bin/python bench/xlsx_write_bench.py                 # 200k rows, 3 runs each
    .venv/bin/python bench/xlsx_write_bench.py --rows 20000 --runs 5

Environment: QUIRE_BIN (default .build/release/quire; build with `swift build -c release`).

Every tool writes the same cells: a header row and ROWS rows of five text and five number
columns, each value a pure function of the row number (bench_row below, and
benchmarkWorkbookBytes(rows:) in Sources/Spreadsheet/XLSX/Writer/SampleWorkbook.swift; change
both together). Every timing is a whole process, from spawn to exit, generating the values
included; runs are interleaved so a noisy moment hurts every tool a little.

- quire: `quire debug write-bench ROWS OUT.xlsx` (a hidden command): XLSXWorkbookWriter with
  shared strings, a frozen header and an auto-filter, parts deflated at zlib level 6 (the
  writer's default), each row made as it is written.
- quire-level1: the same at zlib level 1 (`--level 1`): faster, for files a quarter larger.
- xlsxwriter: xlsxwriter 3 in `constant_memory` mode (rows flushed as written, inline strings),
  with a frozen header and an auto-filter.
- openpyxl: openpyxl with `write_only=True`, `ws.append(row)`.
- floor: Python's zlib, in-process, deflating Quire's own uncompressed sheet XML and shared
  strings on one core at level 1 and at level 6: what a writer producing this XML spends on
  compression alone. Quire deflates 1 MiB pieces on other cores while it builds the XML, so its
  time is about the longer of building the XML on one core and deflating it on the rest.

Peak RSS is each process's own (os.wait4); the parent stays small because the output checks
run in child processes, since Linux carries a forked parent's RSS into the child's maximum.

The outputs are checked before anything is timed: python-calamine reads every file back and
the first, a middle and the last row must equal bench_row in all three.
"""

from __future__ import annotations

import argparse
import math
import os
import statistics
import subprocess
import sys
import tempfile
import time
import zipfile
import zlib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

SECTIONS = [
    "Access Control", "Asset Management", "Business Continuity", "Cryptography", "Human Resources",
    "Incident Response", "Vendor Management",
]
ANSWERS = ["Yes", "No", "N/A"]
HEADERS = ["ID", "Section", "Question", "Answer", "Score", "Weight", "Count", "Owner", "Comment", "Risk"]


def bench_row(i: int) -> list[object]:
    """Row i (0-based) of the data, as benchmarkWorkbookBytes(rows:) makes it; None is an empty cell."""
    section = SECTIONS[i % 7]
    return [
        f"Q-{i:06d}",
        section,
        f"Question {i % 5000}: does the organisation review {section.lower()} controls at least annually?",
        ANSWERS[i % 3],
        (i % 1000) / 8,
        i / 7,
        i % 97,
        f"owner{i % 11}@example.com",
        None if i % 5 == 0 else f"Reviewed in cycle {i % 40}; see ticket SEC-{i % 900}",
        (i % 13) * 1.5,
    ]


# --- the Python writers, each run as its own process (`--worker TOOL ROWS OUT`) ---------------------


def write_xlsxwriter(rows: int, out: str) -> None:
    import xlsxwriter

    workbook = xlsxwriter.Workbook(out, {"constant_memory": True})
    sheet = workbook.add_worksheet("Bench")
    sheet.write_row(0, 0, HEADERS)
    sheet.freeze_panes(1, 0)
    sheet.autofilter(0, 0, rows, len(HEADERS) - 1)
    for i in range(rows):
        sheet.write_row(i + 1, 0, bench_row(i))
    workbook.close()


def write_openpyxl(rows: int, out: str) -> None:
    from openpyxl import Workbook

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("Bench")
    sheet.append(HEADERS)
    for i in range(rows):
        sheet.append(bench_row(i))
    workbook.save(out)


WORKERS = {"xlsxwriter": write_xlsxwriter, "openpyxl": write_openpyxl}


# --- timing -------------------------------------------------------------------------------------------


def run_once(command: list[str]) -> tuple[float, float]:
    """Runs a command; returns its wall time in seconds and its peak RSS in MB."""
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - start
    stderr = process.stderr.read().decode(errors="replace") if process.stderr else ""
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        sys.exit(f"{' '.join(command)} exited {process.returncode}: {stderr.strip()}")
    return elapsed, usage.ru_maxrss / 1024


def floor_seconds(quire_output: Path, runs: int, level: int) -> tuple[float, int, int]:
    """Best time for zlib to deflate Quire's sheet and shared strings; also their sizes in and out."""
    with zipfile.ZipFile(quire_output) as archive:
        parts = [archive.read("xl/worksheets/sheet1.xml"), archive.read("xl/sharedStrings.xml")]
    best = float("inf")
    compressed = 0
    for _ in range(runs):
        start = time.perf_counter()
        compressed = 0
        for part in parts:
            deflater = zlib.compressobj(level, zlib.DEFLATED, -15)
            compressed += len(deflater.compress(part)) + len(deflater.flush())
        best = min(best, time.perf_counter() - start)
    return best, sum(map(len, parts)), compressed


def same_value(got: object, want: object, tolerance: float) -> bool:
    if isinstance(want, (int, float)):
        return isinstance(got, (int, float)) and math.isclose(got, want, rel_tol=tolerance)
    return got == want


def check_output(tool: str, rows: int, path: Path) -> None:
    """python-calamine reads the file back; the header and sampled rows must equal bench_row."""
    from python_calamine import CalamineWorkbook

    data = CalamineWorkbook.from_path(str(path)).get_sheet_by_name("Bench").to_python()
    if len(data) != rows + 1:
        sys.exit(f"{tool}: {path} has {len(data)} rows, expected {rows + 1}")
    if data[0] != HEADERS:
        sys.exit(f"{tool}: header {data[0]} != {HEADERS}")
    # xlsxwriter writes numbers with 16 significant digits ("%.16g"), so 10000/7 comes back one
    # unit in the 16th digit off; Quire writes the shortest text that reads back exactly.
    tolerance = 0.0 if tool.startswith("quire") else 1e-15
    for i in sorted({0, rows // 2, rows - 1} - {-1}):
        want = ["" if v is None else v for v in bench_row(i)]
        got = data[i + 1]
        same = len(got) == len(want) and all(
            same_value(g, w, tolerance) for g, w in zip(got, want)
        )
        if not same:
            sys.exit(f"{tool}: row {i} is {got}, expected {want}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rows", type=int, default=200_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--tools", default="quire,quire-level1,xlsxwriter,openpyxl")
    parser.add_argument("--worker", nargs=3, metavar=("TOOL", "ROWS", "OUT"), help=argparse.SUPPRESS)
    parser.add_argument("--check", nargs=3, metavar=("TOOL", "ROWS", "FILE"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        tool, rows, out = args.worker
        WORKERS[tool](int(rows), out)
        return
    if args.check:
        tool, rows, path = args.check
        check_output(tool, int(rows), Path(path))
        return

    quire = Path(os.environ.get("QUIRE_BIN", ROOT / ".build/release/quire"))
    if not quire.is_file():
        sys.exit(f"QUIRE_BIN={quire}: no such file; build with `swift build -c release` or set QUIRE_BIN")
    tools = [t.strip() for t in args.tools.split(",") if t.strip()]
    with tempfile.TemporaryDirectory(prefix="xlsx-write-bench-") as folder:
        outputs = {tool: Path(folder) / f"{tool}.xlsx" for tool in tools}
        quire_commands = {
            "quire": [str(quire), "debug", "write-bench", str(args.rows)],
            "quire-level1": [str(quire), "debug", "write-bench", str(args.rows), "--level", "1"],
        }
        commands = {
            tool: quire_commands[tool] + [str(outputs[tool])]
            if tool in quire_commands
            else [sys.executable, __file__, "--worker", tool, str(args.rows), str(outputs[tool])]
            for tool in tools
        }
        # One untimed run each: warms the page cache and produces the files to check.
        for tool in tools:
            run_once(commands[tool])
            run_once([sys.executable, __file__, "--check", tool, str(args.rows), str(outputs[tool])])
        times: dict[str, list[float]] = {tool: [] for tool in tools}
        memory: dict[str, float] = {tool: 0.0 for tool in tools}
        for run in range(args.runs):
            for tool in tools:
                seconds, rss = run_once(commands[tool])
                times[tool].append(seconds)
                memory[tool] = max(memory[tool], rss)
                print(f"run {run + 1}/{args.runs} {tool}: {seconds:.3f} s", file=sys.stderr)
        sizes = {tool: outputs[tool].stat().st_size for tool in tools}
        floors = {}
        if "quire" in tools:
            floors = {level: floor_seconds(outputs["quire"], max(args.runs, 3), level) for level in (6, 1)}

    print(f"\n{args.rows:,} rows x {len(HEADERS)} columns, median of {args.runs} runs (whole process)\n")
    print("| tool | median s | min s | peak RSS MB | file MB | vs quire |")
    print("|---|---:|---:|---:|---:|---:|")
    base = statistics.median(times["quire"]) if "quire" in times else None
    for tool in tools:
        median = statistics.median(times[tool])
        ratio = f"{median / base:.2f}x" if base else ""
        print(
            f"| {tool} | {median:.3f} | {min(times[tool]):.3f} | {memory[tool]:.0f} | "
            f"{sizes[tool] / 1e6:.1f} | {ratio} |"
        )
    for level, (seconds, raw, packed) in floors.items():
        print(f"| floor (zlib level {level}, one core) | {seconds:.3f} | | | {packed / 1e6:.1f} | "
              f"{seconds / base:.2f}x |")
    if floors and base:
        print(f"\nThe floors deflate Quire's {floors[6][1] / 1e6:.1f} MB of XML.")
        goals = []
        level6 = floors[6][0]
        goals.append((f"quire (level 6) within 1.5x of the level-6 floor: {base / level6:.2f}x", base <= 1.5 * level6))
        if "quire-level1" in times:
            level1 = statistics.median(times["quire-level1"])
            ratio = level1 / floors[1][0]
            print(f"(not a goal) quire-level1 / level-1 floor = {ratio:.2f}x: building the XML on one core "
                  "costs more than deflating it at level 1")
        if "xlsxwriter" in times:
            ratio = statistics.median(times["xlsxwriter"]) / base
            goals.append((f"quire at least 5x faster than xlsxwriter constant_memory: {ratio:.1f}x", ratio >= 5))
        for text, met in goals:
            print(f"- {text}: {'MET' if met else 'NOT MET'}")


if __name__ == "__main__":
    main()
