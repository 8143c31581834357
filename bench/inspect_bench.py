#!/usr/bin/env python3
"""Questionnaire import benchmark: `quire inspect --format json` against openpyxl loading the
same workbook (the least any Python tool must do before it can look for questions: cells,
styles, validations and merged ranges in memory).

Run with `make bench` (after bench/run.py), or directly: `.venv/bin/python bench/inspect_bench.py`.
Inputs: a generated 1,000-question workbook (title block, sections, a hidden list sheet feeding
the answer drop-down), the sample questionnaire, and the corpus questionnaires in
../shared/corpus when they are there. Each tool runs BENCH_RUNS times (default 5; openpyxl 3);
the median wall time is reported, and quire's as a ratio of openpyxl's (below 1 is faster).
"""
from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import openpyxl
from openpyxl.worksheet.datavalidation import DataValidation

ROOT = Path(__file__).resolve().parents[1]
QUIRE = os.environ.get("QUIRE_BIN", str(ROOT / ".build" / "release" / "quire"))
RUNS = int(os.environ.get("BENCH_RUNS", "5"))
CORPUS = Path(os.environ.get("QUIRE_CORPUS", ROOT.parent / "shared" / "corpus")) / "questionnaires"


def thousand_questions(path: Path) -> Path:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "Questionnaire"
    sheet["A1"] = "Vendor security questionnaire (generated for the benchmark)"
    sheet["A2"] = "Answer every question; explain each No in the comments column."
    sheet.append([])
    sheet.append(["Ref", "Question", "Answer", "Comments"])
    row = 5
    for section in range(20):
        sheet.cell(row=row, column=1, value=f"Section {section + 1}")
        sheet.merge_cells(start_row=row, start_column=1, end_row=row, end_column=4)
        row += 1
        for number in range(50):
            sheet.cell(row=row, column=1, value=f"S{section + 1}.{number + 1}")
            sheet.cell(row=row, column=2, value=f"Do you operate control {number + 1} of area {section + 1} and review it yearly?")
            row += 1
    lists = workbook.create_sheet("Lists")
    for index, value in enumerate(["Yes", "No", "N/A"], start=1):
        lists.cell(row=index, column=1, value=value)
    lists.sheet_state = "hidden"
    validation = DataValidation(type="list", formula1="=Lists!$A$1:$A$3")
    validation.add(f"C5:C{row}")
    sheet.add_data_validation(validation)
    workbook.save(path)
    return path


def median_seconds(command: list[str], runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> int:
    with tempfile.TemporaryDirectory() as folder:
        files = [thousand_questions(Path(folder) / "thousand.xlsx"), ROOT / "samples" / "questionnaire.xlsx"]
        files += sorted(CORPUS.glob("*/*.xlsx")) if CORPUS.exists() else []
        print(f"{'file':<44} {'items':>6} {'quire ms':>9} {'openpyxl ms':>12} {'ratio':>6}")
        for path in files:
            result = subprocess.run([QUIRE, "inspect", str(path), "--format", "json"], capture_output=True, check=True)
            items = result.stdout.count(b'"id_generated"')
            quire = median_seconds([QUIRE, "inspect", str(path), "--format", "json"], RUNS)
            peer = median_seconds(
                [sys.executable, "-c", f"import openpyxl; openpyxl.load_workbook({str(path)!r}, data_only=True)"],
                max(1, min(RUNS, 3)),
            )
            print(f"{path.name[:44]:<44} {items:>6} {quire * 1000:>9.0f} {peer * 1000:>12.0f} {quire / peer:>6.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
