#!/usr/bin/env python3
"""LibreOffice opens what quire writes: each workbook quire writes (the writer's sample, the
crosswalk, the Statement of Applicability, a filled customer workbook and its review list, other programs' workbooks
patched in place, a vendor assessment) is converted to CSV by
LibreOffice headless, sheet by sheet, and every text cell LibreOffice reads must equal what
openpyxl reads from the same file. The formulas quire writes itself (the assessment's scores) must
recalculate in LibreOffice to the value quire cached. A review list a reviewer decided and LibreOffice
saved (the workbook list, and the CSV list saved as a workbook) applies: exactly the decided cells
change. What `quire cat` says a cell shows under its number format (its `shown`, else its value) must
equal the text LibreOffice's CSV export shows for the same cell, over a grid of formats and values
(`number_formats_as_shown`). Run by `make interop`."""
from __future__ import annotations

import csv
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import re

import openpyxl

ROOT = Path(__file__).resolve().parents[2]
QUIRE = os.environ.get("QUIRE_BIN", str(ROOT / ".build" / "debug" / "quire"))
FIXTURES = ROOT / "Tests" / "Fixtures" / "xlsx"
LIBRARY = ["--library", str(ROOT / "samples" / "library"), "--as-of", "2026-11-29"]


def write_workbooks(folder: Path) -> list[Path]:
    runs = {
        "sample.xlsx": ["debug", "sample-workbook", str(folder / "sample.xlsx")],
        "crosswalk.xlsx": ["crosswalk", *LIBRARY, "-o", str(folder / "crosswalk.xlsx")],
        "soa.xlsx": ["soa", *LIBRARY, "-o", str(folder / "soa.xlsx")],
        "filled.xlsx": ["answer", str(ROOT / "samples" / "globex-vendor-assessment.xlsx"), *LIBRARY,
                        "-o", str(folder / "filled.xlsx"), "--review", str(folder / "review.xlsx")],
        # Patched copies of other programs' workbooks: namespace prefixes, cells inserted beyond
        # the used range; formulas and array formulas kept around written cells.
        "patched-prefixed.xlsx": ["debug", "patch", str(FIXTURES / "calamine-nonstandard-xml-ns-prefix.xlsx"), "AZ",
                                  str(folder / "patched-prefixed.xlsx")],
        "patched-formulas.xlsx": ["debug", "patch", str(FIXTURES / "sheetjs-formulae_test_simple.xlsx"), "A",
                                  str(folder / "patched-formulas.xlsx")],
        # A vendor assessment: its score cells are formulas LibreOffice recalculates.
        "vendors.xlsx": ["assess", *[str(ROOT / "samples" / "vendors" / name) for name in (
            "northwind-hosting-caiq-style.xlsx", "fabrikam-analytics-marks.xlsx", "tailspin-payroll-freetext.csv")],
            "--library", str(ROOT / "samples" / "library"), "-o", str(folder / "vendors.xlsx")],
    }
    for arguments in runs.values():
        subprocess.run([QUIRE, *arguments], check=True, capture_output=True)
    return [folder / name for name in runs] + [folder / "review.xlsx"]


def convert(workbook: Path, folder: Path, as_shown: bool = False) -> dict[str, list[list[str]]]:
    """Every sheet as LibreOffice reads it, through its CSV export of all sheets: the values, or with
    `as_shown` the texts its number formats show."""
    out = folder / workbook.stem
    out.mkdir()
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    # 44 = comma, 34 = quote, 76 = UTF-8; the ninth field saves the cells as shown; the last, -1,
    # exports every sheet to NAME-SHEET.csv.
    result = subprocess.run(
        [soffice, "--headless", "--convert-to", 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,'
         f'{"true" if as_shown else "false"},false,false,-1',
         "--outdir", str(out), str(workbook)],
        capture_output=True, timeout=300,
    )
    if result.returncode != 0:
        raise SystemExit(f"LibreOffice could not convert {workbook.name}: {result.stderr.decode(errors='replace')}")
    sheets = {}
    for path in out.glob("*.csv"):
        sheet = path.stem[len(workbook.stem) + 1:]
        with path.open(newline="", encoding="utf-8") as handle:
            sheets[sheet] = list(csv.reader(handle))
    return sheets


def normalise(text: str) -> str:
    """Both readers' text in one form: `_xHHHH_` escapes decoded (openpyxl leaves them), line
    ends as LF (LibreOffice's CSV export writes LF for a cell's CR and CRLF)."""
    text = re.sub(r"_x([0-9A-Fa-f]{4})_", lambda m: chr(int(m.group(1), 16)), text)
    return text.replace("\r\n", "\n").replace("\r", "\n")


def cell_values(path: Path) -> dict[tuple[str, str], object]:
    book = openpyxl.load_workbook(path)
    return {(sheet.title, cell.coordinate): cell.value for sheet in book for row in sheet.iter_rows() for cell in row
            if cell.value is not None}


def saved_by_libreoffice(path: Path, folder: Path) -> Path:
    """The file as LibreOffice saves it after opening it: a workbook of LibreOffice's own writing."""
    out = folder / f"lo-{path.stem}"
    out.mkdir()
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    subprocess.run([soffice, "--headless", "--convert-to", "xlsx", "--outdir", str(out), str(path)],
                   capture_output=True, timeout=300, check=True)
    return out / f"{path.stem}.xlsx"


def review_round_trip(folder: Path, kind: str) -> int:
    """A reviewer decides two proposals in the review list (kind "xlsx", or "csv" saved as a
    workbook), LibreOffice saves it, and `quire apply` writes exactly those answers."""
    work = folder / f"loop-{kind}"
    work.mkdir()
    filled = work / "filled.xlsx"
    review = work / f"review.{kind}"
    subprocess.run([QUIRE, "answer", str(ROOT / "samples" / "globex-vendor-assessment.xlsx"), *LIBRARY,
                    "-o", str(filled), "--review", str(review)], check=True, capture_output=True)
    if kind == "csv":
        with review.open(encoding="utf-8", newline="") as handle:
            rows = list(csv.reader(handle))
        header = rows[0]
        column = {name: header.index(name) for name in ("proposed_value", "decision", "final_answer",
                                                        "final_comment", "answer_cell", "comment_cell", "proposed_comment")}
        cells = rows[1:]
        get = lambda row, name: row[column[name]]
        def put(row, name, value): row[column[name]] = value
    else:
        book = openpyxl.load_workbook(review)
        sheet = book["Review"]
        titles = [cell.value for cell in sheet[1]]
        names = {"proposed_value": "Proposed answer", "decision": "Decision", "final_answer": "Final answer",
                 "final_comment": "Final comment", "answer_cell": "Cell", "comment_cell": "Comment cell",
                 "proposed_comment": "Proposed comment"}
        column = {name: titles.index(title) for name, title in names.items()}
        cells = [list(row) for row in sheet.iter_rows(min_row=2)]
        get = lambda row, name: row[column[name]].value or ""
        def put(row, name, value): row[column[name]].value = value
    chosen = [row for row in cells if get(row, "proposed_value") in ("Yes", "No") and get(row, "comment_cell")][:2]
    if len(chosen) < 2:
        print(f"review.{kind}: fewer than two proposals with a comment cell to decide")
        return 1
    accept, change = chosen
    put(accept, "decision", "Accept")
    put(change, "decision", "Change")
    changed_to = "No" if get(change, "proposed_value") == "Yes" else "Yes"
    put(change, "final_answer", changed_to)
    put(change, "final_comment", "Confirmed with the platform team.")
    # Accept writes the proposal and its comment; Change the final answer and final comment.
    expected = {
        get(accept, "answer_cell"): get(accept, "proposed_value"),
        get(accept, "comment_cell"): get(accept, "proposed_comment"),
        get(change, "answer_cell"): changed_to,
        get(change, "comment_cell"): "Confirmed with the platform team.",
    }
    if kind == "csv":
        with review.open("w", encoding="utf-8", newline="") as handle:
            csv.writer(handle, lineterminator="\r\n").writerows([header, *cells])
    else:
        book.save(review)
    saved = saved_by_libreoffice(review, work)
    final = work / "final.xlsx"
    result = subprocess.run([QUIRE, "apply", str(saved), "--to", str(filled), "-o", str(final)], capture_output=True)
    if result.returncode != 0:
        print(f"review.{kind} saved by LibreOffice: quire apply failed: {result.stderr.decode()}")
        return 1
    before, after = cell_values(filled), cell_values(final)
    changes = {key: after.get(key) for key in set(before) | set(after) if before.get(key) != after.get(key)}
    wanted = {}
    for reference, value in expected.items():
        sheet_name, _, cell = reference.rpartition("!")
        wanted[(sheet_name.strip("'").replace("''", "'"), cell.replace("$", ""))] = value
    if changes != wanted:
        print(f"review.{kind} saved by LibreOffice: apply changed {changes}, expected {wanted}")
        return 1
    print(f"review.{kind} decided and saved by LibreOffice: apply wrote exactly the {len(wanted)} decided cells")
    return 0


#: Number formats and values compared with LibreOffice's display. Left out, each for a stated reason:
#: fractions (`# ?/?`: quire shows the value), the locale's short date
#: (built-in 14 and 22: quire keeps ISO 8601), `#.##` on a whole number (Excel shows "1.", LibreOffice
#: "1"), and serial dates before 1900-03-01 (LibreOffice counts them a day off Excel's phantom leap day).
FORMAT_CODES = [
    "0", "0.00", "#,##0", "#,##0.00", "0%", "0.00%", "0.0%", "0.00E+00", "00000", '"Q-"000', '"AC-"00',
    '"Yes";;"No"', '"Yes";"No";"No"', ";;;", "#,##0 ;(#,##0)", "#,##0.00;[Red](#,##0.00)", "0.0", "#,##0,",
    "$#,##0.00", "[$€-407] #,##0.00", "0.000", '"Ref "0', "000-00-0000", "[>=1000]#,##0;0.0",
    "0.00_);(0.00)", '0 "days"', "dd/mm/yyyy", "mm/dd/yyyy", "d-mmm-yy", "d mmmm yyyy",
    "dddd, d mmmm yyyy", "yyyy-mm-dd hh:mm", "h:mm AM/PM", "mmm yyyy", "dd.mm.yy", "[h]:mm", "@",
]
FORMAT_VALUES = [0, 1, 7, 0.97, -3.5, 1234567.891, 0.5, 12, 45979, 45979.75, 61, 2958465]


def number_formats_as_shown(folder: Path) -> int:
    """quire's `shown` text against LibreOffice's displayed text, format by value."""
    path = folder / "number-formats.xlsx"
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Formats"
    for row, code in enumerate(FORMAT_CODES, start=1):
        for column, value in enumerate(FORMAT_VALUES, start=1):
            cell = sheet.cell(row, column, value)
            cell.number_format = code
    book.save(path)
    rows = convert(path, folder, as_shown=True)["Formats"]
    read = json.loads(subprocess.run([QUIRE, "cat", str(path), "--format", "json"], check=True,
                                     capture_output=True).stdout)
    failures = compared = 0
    for cell in read["sheets"][0]["cells"]:
        column = openpyxl.utils.cell.column_index_from_string(re.match(r"[A-Z]+", cell["ref"]).group())
        row = int(re.search(r"\d+", cell["ref"]).group())
        code = FORMAT_CODES[row - 1]
        value = FORMAT_VALUES[column - 1]
        seen = rows[row - 1][column - 1]
        if code == "[h]:mm" and value > 1e6:
            continue  # a duration LibreOffice cannot show (#FMT)
        if cell["type"] == "date" and 1 <= value < 61:
            continue  # LibreOffice counts these serials a day off Excel's phantom 1900-02-29
        ours = cell.get("shown")
        if ours is None:
            raw = cell["value"]
            ours = str(raw) if not isinstance(raw, float) or not raw.is_integer() else str(int(raw))
        compared += 1
        if ours != seen:
            print(f"number-formats.xlsx!{cell['ref']} ({code!r}, {value!r}): quire shows {ours!r}, LibreOffice {seen!r}")
            failures += 1
    print(f"number-formats.xlsx: {compared} cells shown as LibreOffice shows them"
          + (f", {failures} differ" if failures else ""))
    return failures if compared >= len(FORMAT_CODES) * len(FORMAT_VALUES) * 3 // 4 else failures + 1


def main() -> int:
    if not (shutil.which("soffice") or shutil.which("libreoffice")):
        print("LibreOffice is not installed: run `make interop`, which installs libreoffice-calc-nogui")
        return 1
    failures = 0
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        for workbook in write_workbooks(folder):
            sheets = convert(workbook, folder)
            book = openpyxl.load_workbook(workbook)
            checked = 0
            for sheet in book.worksheets:
                if sheet.sheet_state != "visible":
                    continue
                rows = sheets.get(sheet.title)
                if rows is None:
                    print(f"{workbook.name}: LibreOffice exported no sheet {sheet.title!r}")
                    failures += 1
                    continue
                for row in sheet.iter_rows():
                    for cell in row:
                        # Formulas are LibreOffice's to recalculate; only stored text is compared.
                        if not isinstance(cell.value, str) or cell.data_type == "f":
                            continue
                        seen = rows[cell.row - 1][cell.column - 1] if cell.row <= len(rows) and cell.column <= len(rows[cell.row - 1]) else None
                        if seen is None or normalise(seen) != normalise(cell.value):
                            print(f"{workbook.name}!{sheet.title}!{cell.coordinate}: LibreOffice {seen!r}, openpyxl {cell.value!r}")
                            failures += 1
                        checked += 1
            formulas = 0
            if workbook.name == "vendors.xlsx":
                cached = openpyxl.load_workbook(workbook, data_only=True)
                for sheet in book.worksheets:
                    for row in sheet.iter_rows():
                        for cell in row:
                            if cell.data_type != "f":
                                continue
                            value = cached[sheet.title][cell.coordinate].value
                            seen = sheets[sheet.title][cell.row - 1][cell.column - 1]
                            if not isinstance(value, (int, float)) or abs(float(seen) - value) > 1e-6:
                                print(f"{workbook.name}!{sheet.title}!{cell.coordinate}: {cell.value} gives {seen!r} "
                                      f"in LibreOffice, quire cached {value!r}")
                                failures += 1
                            formulas += 1
                if formulas == 0:
                    print(f"{workbook.name}: no formula cells found")
                    failures += 1
            print(f"{workbook.name}: {len(sheets)} sheets converted by LibreOffice; {checked} text cells agree"
                  + (f"; {formulas} formulas recalculate to the cached value" if formulas else ""))
        for kind in ("xlsx", "csv"):
            failures += review_round_trip(folder, kind)
        failures += number_formats_as_shown(folder)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
