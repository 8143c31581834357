"""The workbooks people print (Statement of Applicability, gap list, review list, vendor
assessment, any listing written with --format xlsx) carry their print setup, as openpyxl reads it:
landscape (the SoA summary portrait), one page wide and as many down as needed, the header row
repeated on every page, a footer with the as-of day on the left and "Page N of M" on the right,
every cell wrapped, and a row tall enough for the lines its longest cell takes. `make interop`
then prints them through LibreOffice (Tests/interop/print_check.py)."""
from __future__ import annotations

import math
import os
import subprocess
from pathlib import Path

import openpyxl
import pytest
from terminal import run_on_terminal

ROOT = Path(__file__).resolve().parents[2]
LIBRARY = ["--library", str(ROOT / "samples" / "library")]
AS_OF = ["--as-of", "2026-11-29"]
pytestmark = pytest.mark.quire


def quire(*arguments: str) -> None:
    result = subprocess.run([os.environ["QUIRE_BIN"], *arguments], capture_output=True, timeout=300)
    assert result.returncode == 0, result.stderr.decode(errors="replace")


@pytest.fixture(scope="module")
def workbooks(tmp_path_factory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("print")
    vendors = sorted(str(p) for p in (ROOT / "samples" / "vendors").iterdir() if p.suffix in (".xlsx", ".csv"))
    quire("soa", *LIBRARY, *AS_OF, "-o", str(folder / "soa.xlsx"))
    quire("gaps", "--framework", "iso27001-2022", *LIBRARY, *AS_OF, "--format", "xlsx", "-o", str(folder / "gaps.xlsx"))
    quire("answer", str(ROOT / "samples" / "contoso-cloud-review.xlsx"), *LIBRARY, *AS_OF,
          "-o", str(folder / "filled.xlsx"), "--review", str(folder / "review.xlsx"))
    quire("assess", *vendors, *LIBRARY, "-o", str(folder / "vendors.xlsx"))
    quire("controls", *LIBRARY, "--format", "xlsx", "-o", str(folder / "controls.xlsx"))
    return {path.stem: path for path in folder.glob("*.xlsx") if path.stem != "filled"}


FOOTERS = {
    "soa": "as of 2026-11-29",
    "gaps": "Gaps, as of 2026-11-29",
    "review": "Review list for contoso-cloud-review.xlsx, as of 2026-11-29",
    "vendors": "Vendor assessment: ",
    "controls": "Controls",
}


@pytest.mark.parametrize("name", sorted(FOOTERS))
def test_every_sheet_prints_one_page_wide_with_its_header_on_each_page_and_a_footer(workbooks, name):
    book = openpyxl.load_workbook(workbooks[name])
    sheets = [sheet for sheet in book.worksheets if sheet.sheet_state == "visible"]
    assert sheets
    for sheet in sheets:
        setup = sheet.page_setup
        portrait = name == "soa" and sheet.title == "Summary"
        assert setup.orientation == ("portrait" if portrait else "landscape"), sheet.title
        assert sheet.sheet_properties.pageSetUpPr.fitToPage is True
        assert (setup.fitToWidth, setup.fitToHeight) == (1, 0)
        assert sheet.print_title_rows == "$1:$1"
        assert sheet.print_options.gridLines is True
        assert FOOTERS[name] in sheet.oddFooter.left.text
        assert sheet.oddFooter.right.text == "Page &P of &N"


@pytest.mark.parametrize("name", sorted(FOOTERS))
def test_every_row_is_as_tall_as_the_lines_its_longest_cell_wraps_into(workbooks, name):
    """The lines a cell's text takes at 1.3 characters to a unit of column width (wider than
    quire's own estimate of 1.1 and than any font renders): a row must be at least that tall, at
    15 points a line."""
    book = openpyxl.load_workbook(workbooks[name])
    tall = 0
    for sheet in book.worksheets:
        if sheet.sheet_state != "visible":
            continue
        widths = {letter: dimension.width for letter, dimension in sheet.column_dimensions.items() if dimension.width}
        for row in sheet.iter_rows():
            lines = 1
            for cell in row:
                if not isinstance(cell.value, str):
                    continue
                assert cell.alignment.wrap_text, f"{sheet.title}!{cell.coordinate} does not wrap"
                width = widths.get(cell.column_letter, 8.43)
                per_line = width * 1.3
                needed = sum(max(1, math.ceil(len(paragraph) / per_line)) for paragraph in cell.value.split("\n"))
                lines = max(lines, needed)
            height = sheet.row_dimensions[row[0].row].height
            if lines > 1:
                assert height is not None and height >= 15 * lines, (sheet.title, row[0].row, lines, height)
                tall += 1
    assert tall > 0 or name == "controls"


def test_a_workbook_is_not_written_to_a_terminal_but_to_a_file_or_a_pipe(tmp_path):
    """--format xlsx without -o on a pipe writes the workbook; openpyxl opens it."""
    result = subprocess.run([os.environ["QUIRE_BIN"], "frameworks", "--format", "xlsx"], capture_output=True, timeout=60)
    assert result.returncode == 0
    (tmp_path / "frameworks.xlsx").write_bytes(result.stdout)
    sheet = openpyxl.load_workbook(tmp_path / "frameworks.xlsx").active
    assert sheet.title == "Frameworks" and sheet.max_row > 3


def test_a_workbook_asked_for_on_a_terminal_is_refused_with_what_to_do():
    status, output = run_on_terminal([os.environ["QUIRE_BIN"], "frameworks", "--format", "xlsx"])
    assert status != 0
    assert b"-o FILE.xlsx" in output and b"PK" not in output
