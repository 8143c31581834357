#!/usr/bin/env python3
"""The workbooks auditors print come out of LibreOffice as documents: the Statement of
Applicability, a gap list, a review list and a vendor assessment are each converted to PDF by
LibreOffice headless, and the PDF (read with pypdf) must show, for every sheet:

- every column on every page: each header appears on each of the sheet's pages (one page wide,
  the header row repeated);
- every cell whole: each word of each text cell appears on the sheet's pages (a row too short
  for its wrapped text, or a column cut off, loses words);
- a footer on each page with the sheet's text (the as-of day) and "Page N of M", N counting up
  from 1 and M the document's page count;
- no more pages than the rows' heights need at full size (a sheet printed several columns a
  page, or rows that overlap and spill, would need more).

The sheets, their headers, row heights and footers come from openpyxl reading the same files.
Run by `make interop`."""
from __future__ import annotations

import math
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import openpyxl
from pypdf import PdfReader

ROOT = Path(__file__).resolve().parents[2]
QUIRE = os.environ.get("QUIRE_BIN", str(ROOT / ".build" / "debug" / "quire"))
LIBRARY = ["--library", str(ROOT / "samples" / "library")]
AS_OF = ["--as-of", "2026-11-29"]
# The printable height of a landscape page in points, the smaller of Letter (612) and A4 (595),
# less the margins quire writes (0.6 in top, 0.75 in bottom).
PRINTABLE_HEIGHT = 595 - (0.6 + 0.75) * 72


def write_workbooks(folder: Path) -> list[Path]:
    vendors = sorted(str(path) for path in (ROOT / "samples" / "vendors").iterdir()
                     if path.suffix in (".xlsx", ".csv"))
    runs = [
        ["soa", *LIBRARY, *AS_OF, "-o", str(folder / "soa.xlsx")],
        ["gaps", "--framework", "soc2-2017", *LIBRARY, *AS_OF, "--format", "xlsx", "-o", str(folder / "gaps.xlsx")],
        ["answer", str(ROOT / "samples" / "globex-vendor-assessment.xlsx"), *LIBRARY, *AS_OF,
         "-o", str(folder / "filled.xlsx"), "--review", str(folder / "review.xlsx")],
        ["assess", *vendors, *LIBRARY, "-o", str(folder / "vendors.xlsx")],
    ]
    for arguments in runs:
        subprocess.run([QUIRE, *arguments], check=True, capture_output=True)
    return [folder / name for name in ("soa.xlsx", "gaps.xlsx", "review.xlsx", "vendors.xlsx")]


def squeeze(text: str) -> str:
    """Text without whitespace: a PDF breaks wrapped cells into lines wherever the width falls."""
    return re.sub(r"\s+", "", text)


def footer_text(sheet) -> str:
    """The footer's left part as quire wrote it (`&L…&R…`), its `&&` back to `&`."""
    odd = sheet.oddFooter
    return (odd.left.text or "").replace("&&", "&") if odd and odd.left else ""


def check(workbook: Path, pdf: Path) -> list[str]:
    problems = []
    book = openpyxl.load_workbook(workbook)
    pages = [page.extract_text() or "" for page in PdfReader(pdf).pages]
    squeezed = [squeeze(page) for page in pages]
    # "Page N of M" on each page, in order.
    for number, text in enumerate(pages, start=1):
        if f"Page {number} of {len(pages)}" not in text:
            problems.append(f"{workbook.name}: page {number} lacks the footer 'Page {number} of {len(pages)}'")
    sheets = [sheet for sheet in book.worksheets if sheet.sheet_state == "visible"]
    footers = {sheet.title: footer_text(sheet) for sheet in sheets}
    owner: list[str | None] = []
    for text in squeezed:
        # The longest footer a page holds names its sheet (one footer may begin another).
        matches = [title for title, footer in footers.items() if footer and squeeze(footer) in text]
        owner.append(max(matches, key=lambda title: len(footers[title])) if matches else None)
    for number, title in enumerate(owner, start=1):
        if title is None:
            problems.append(f"{workbook.name}: page {number} carries no sheet's footer")
    for sheet in sheets:
        if not footers[sheet.title]:
            problems.append(f"{workbook.name}!{sheet.title}: no footer")
            continue
        mine = [index for index, title in enumerate(owner) if title == sheet.title]
        if not mine:
            problems.append(f"{workbook.name}!{sheet.title}: no page printed")
            continue
        headers = [cell.value for cell in sheet[1] if isinstance(cell.value, str)]
        for index in mine:
            missing = [header for header in headers if squeeze(header) not in squeezed[index]]
            if missing:
                problems.append(f"{workbook.name}!{sheet.title}: page {index + 1} lacks the columns {missing}")
        # Every word of every text cell is printed: a row too short for its text would cut it off.
        text = "".join(squeezed[index] for index in mine)
        for row in sheet.iter_rows(min_row=2):
            for cell in row:
                if not isinstance(cell.value, str) or cell.data_type == "f":
                    continue
                lost = [word for word in cell.value.split() if word not in text]
                if lost:
                    problems.append(f"{workbook.name}!{sheet.title}!{cell.coordinate}: {lost[:3]} not printed")
        # At full size the rows need this many pages; fitting the width only shrinks them.
        heights = [sheet.row_dimensions[row].height or 15 for row in range(1, sheet.max_row + 1)]
        needed = math.ceil(sum(heights[1:]) / (PRINTABLE_HEIGHT - heights[0])) if len(heights) > 1 else 1
        if len(mine) > max(needed, 1):
            problems.append(f"{workbook.name}!{sheet.title}: {len(mine)} pages where the rows need at most {needed}")
        setup = sheet.page_setup
        if setup.orientation is None or (sheet.print_title_rows or "").replace("$", "") != "1:1" or str(setup.fitToWidth) != "1":
            problems.append(f"{workbook.name}!{sheet.title}: print setup {setup.orientation}, "
                            f"titles {sheet.print_title_rows}, fit to width {setup.fitToWidth}")
        print(f"{workbook.name}!{sheet.title}: {len(mine)} of {len(pages)} pages, {len(headers)} columns on each, "
              f"{sheet.max_row - 1} rows, footer {footers[sheet.title]!r}")
    return problems


def main() -> int:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if not soffice:
        print("LibreOffice is not installed: run `make interop`, which installs libreoffice-calc-nogui")
        return 1
    problems = []
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        workbooks = write_workbooks(folder)
        result = subprocess.run(
            [soffice, "--headless", "--convert-to", "pdf", "--outdir", str(folder / "pdf"), *map(str, workbooks)],
            capture_output=True, timeout=300,
        )
        if result.returncode != 0:
            raise SystemExit(f"LibreOffice could not convert to PDF: {result.stderr.decode(errors='replace')}")
        for workbook in workbooks:
            pdf = folder / "pdf" / (workbook.stem + ".pdf")
            if not pdf.exists():
                problems.append(f"{workbook.name}: LibreOffice wrote no PDF")
                continue
            problems += check(workbook, pdf)
    for problem in problems:
        print(problem)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
