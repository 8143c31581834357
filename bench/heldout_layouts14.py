#!/usr/bin/env python3
"""Fourteenth held-out set of synthetic questionnaires for `bench/layout_bench.py`: files as other
programs write them, and headers that are not one plain row.

Written on 2026-12-07 by a helper that did not see the detector's code, its tests, its documentation
or the bench's README, did not read the git history and did not run the tool. It saw only: all of
bench/heldout_layouts13.py (the model for this file, whose helpers `_plain_item_problems`,
`_header_problems` and `_band_rows` this file imports); the helper functions it imports from the
earlier sets, with what was printed around them: bench/heldout_layouts.py: its module docstring, its
top (imports, styles, `MarkItem`, `head` ... `save`) and everything from `collapse` to the end
(`split_ref`, `_resolve_list`, `_validations_over`, `_hidden_by_merge`, `_check_xlsx`, `_check_csv`,
`_tuned_words`, `_near_duplicate`, `self_check`); bench/heldout_layouts4.py: its module docstring, the
style helpers, `expect`, `ROLE_HEADINGS` ... `_csv_problems`, `_shift` ... `_mutations`;
bench/heldout_layouts5.py: `FOREIGN_HEADINGS`, `_excused`, `_imported_view`, `_roles`, `_load`,
`_all_earlier`, `_overlap_problems`; bench/heldout_layouts6.py: its self-check machinery
(`SIDE_BY_SIDE` ... `_solid`, `FEATURES` ... the end); bench/heldout_layouts9.py: `_only_sheet`;
bench/heldout_layouts10.py: `_headings` and `_every_row_an_item` (not used); bench/heldout_layouts11.py:
`_all_validations_over` and the fifteen lines after it (the top of its scored layout's constants and
first question); the module docstrings of sets 2 to 12 (to keep clear of what they cover); two CSV
builders, read because the brief asked how earlier sets state a CSV's answer cells (set 3's
`utf16_tab_export` and set 11's `csv_with_scoring_columns` with its row list); a grep for `encoding=`
/ `delimiter=` over the bench files, which also showed single lines of CSV builders of sets 1, 2, 4,
5, 10 and 11 (`csv=True`, their encodings and delimiters); listings of the top-level names of sets 1,
4, 5 and 6 (which showed the names of their builders and two header constants of the first set's CSV
layouts, `H14_HEADER` and `H15_HEADER`); the types and small helpers at the top of
Tests/oracle/questionnaire_layouts.py up to its first builder (and a listing of its top-level names,
i.e. the builder names); the whole module docstring of bench/layout_bench.py (which records the
earlier sets' blind runs); and `git status --short`, which named modified files under Sources/ and
Tests/ whose contents were not opened. Nothing is copied from a real or published template or
product: every sheet, heading, question, answer list and company name was written for this set.

Most questionnaires are saved by Excel, but many are not: a portal's minimal XLSX writer, a Python
script using xlsxwriter, Excel's own "CSV (semicolon)" on a European machine; and many headers are
not one plain row of headings. The eight files cover that, with drop-down answer lists where a
workbook would carry one:

- minimal_writer_no_cell_refs: a dairy co-operative's milk-collection platform review written by a
  tender portal's minimal XLSX writer: the package is built here with `zipfile` alone (content types,
  two relationship parts, the workbook, one sheet; NO styles part, no theme, no shared strings, no
  docProps); every text is an inline string (`t="inlineStr"`); no `<row>` and no `<c>` carries an `r`
  attribute (legal in ECMA-376: a row without `r` follows the previous row, a cell without `r` the
  previous cell), so blank rows are written as empty `<row/>` elements and blank cells between values
  as empty `<c/>`; no `<dimension>`; section rows are a text in column A alone (no merge, no style);
  a list validation ("Yes,No,In progress,N/A") over the answer cells; a footer line under the table.
  openpyxl 3.1 reads such a sheet (it counts rows and cells in order when `r` is missing), so the
  imported checks read it as they read any file; the feature check also counts the positions itself
  from the XML and compares;
- xlsxwriter_rich_text_questions: a ferry operator's booking-platform questionnaire written by
  xlsxwriter (shared strings, `spans` on the rows): every question cell is a RICH string, a bold
  lead-in run ("Passenger manifests. ") then a normal run, four of them with a line break inside the
  normal run; the answer drop-down is `='Picklist Values'!$A$2:$A$5`, a range on a second, visible
  sheet; merged band rows; an "Evidence" column;
- eu_semicolon_csv_decimal_commas: an architecture practice's BIM-platform questionnaire as Excel
  saves a CSV on a French-language machine: semicolons, Windows-1252 (no BOM; ’ – é in the
  questions and comments), CRLF, every record padded to the table's width (";;;;"); a title record
  and a blank record above the header (row 3); section records ("1 – ..."); a "Weighting" column
  holding decimal commas ("1,25") that is NOT the answer; the answers are free text;
- two_row_header_two_groups: a veterinary group's practice-management system questionnaire whose
  header is two rows tall: "Ref" and "Question" each merged DOWN over both rows; "Supplier response"
  merged ACROSS "Answer" (drop-down) and "Explanation"; and beside it a second group, "Buyer
  evaluation", merged across "Rating" (the buyer's own drop-down: Accepted / Clarification needed /
  Rejected, grey) and "Evaluator notes" (grey); under the table a two-line contact note ("Who do I
  ask about this form?" and its answer);
- answer_left_of_question: a film studio's content-security questionnaire for VFX vendors whose
  columns are "Response | Ref | Question | Notes": the answer drop-down is column A, LEFT of the id
  and the question; band rows merged A:D put their text in the answer column;
- non_list_validation_answered: a gym chain's membership-platform questionnaire whose one "Response"
  column holds Yes/No/N/A rows (list validation), "How many ..." rows with a WHOLE-NUMBER validation
  (>= 0, format 0) and "Date of ..." rows with a DATE validation (between 1 Jan 2015 and 31 Dec 2030,
  format dd/mm/yyyy); one number row (14) and one date row (18 November 2025) already answered;
- column_number_row_under_header: a fire and rescue service's mobilising-system maintenance return,
  a public-sector form whose headings row is followed by a row NUMBERING the columns (1, 2, 3, 4, 5,
  stored as numbers, italic), which the instructions refer to ("enter your response in column 3");
  the item numbers are whole numbers 1 to 12 too; requirements ("The supplier shall ...") and
  questions mixed; a "Met / Partially met / Not met / Not applicable" drop-down;
- heading_words_split_over_two_rows: a brewery's trade-ordering portal review whose headings were
  typed over two rows of cells, neither merged nor wrapped: "Ref." / "no.", "Question" / "text",
  "Supplier" / "response", "Supplier" / "remarks", "Evidence" / "reference" (the upper row alone
  cannot tell the two "Supplier" columns apart); no section rows.

The brief also offered a UTF-16 LE "Unicode text" export; it is left out because set 3's
`utf16_tab_export` is exactly that (UTF-16 LE with BOM, tabs, CRLF, a title and a blank record, a
line break in a question, `.csv` name), and the brief's item 8 (another real shape) was taken twice
instead (the column-number row and the heading words split over two rows). The brief's items 5 and 7
(a two-row grouped header; non-list validations) have relatives in sets 9 and 11
(saas_column_style_unlocked, two_row_grouped_header_vendor_block; non_list_validation_mixed); this
set's versions add what those do not: a SECOND group of buyer-only columns with a drop-down of its
own, and non-list answers already given (a date and a number, compared as displayed).

Expectations follow the conventions stated in bench/heldout_layouts.py and sets 4 to 13:

- an item is a row holding a question (or a requirement to respond to) whose answer goes in a cell;
  titles, instructions, legends, section rows, repeated headers, footers, notes, details and sign-off
  form fields are not items;
- ids are the questionnaire's own, as displayed (a number 3 is "3");
- answer, comment and evidence cells are absolute references on the item's row (for a CSV the sheet
  name is the file's stem, as sets 3 and 11 write it; only the `$D$5` part is compared); allowed
  answers are the drop-down's values in order, exactly as written (source "validation"); free text
  has [] and source None; a CSV has no drop-downs;
- `question` is the cell's text with whitespace collapsed (`collapse`);
- `section` is the path of section rows (band rows, or in a CSV section records), outermost first, []
  where the sheet has none;
- `guidance` is None (no sheet of this set has a guidance column);
- a customer column (weighting, the buyer's rating and notes) has no role.

Conventions this set had to decide (each layout's `note` repeats its own):

- a workbook without `r` attributes is read by position: the n-th `<row>` element is row n (an empty
  `<row/>` is a blank row and counts), the m-th `<c>` element of a row is column m (an empty `<c/>` is
  a blank cell and counts). Answer cells and rows are stated in those positions. With no styles at
  all, a row holding only a short text in column A (the id column), nothing else, is a section row:
  its items' section is [that text]; the footer line under the table ("Exported by ...", also text in
  A only) is NOT a section and not an item (it follows the last question);
- a rich-text question cell (bold lead-in run + normal run) is ONE question: the text of all runs
  joined as stored, lead-in included ("Passenger manifests. Are manifests ..."), collapsed (the line
  break inside becomes a space); the bold run is neither guidance nor a section. Formatting never
  splits or shortens a question;
- a drop-down given as a range on another sheet (`'Picklist Values'!$A$2:$A$5`) gives that range's
  values in order (source "validation"); "Picklist Values" is a visible, ignored sheet;
- a European CSV is read with its own delimiter (";") and encoding (Windows-1252) and its texts are
  given in Unicode (’ – é); rows are records of the file as written (title row 1, blank row 2, header
  row 3); a column of decimal-comma numbers ("Weighting": "1,25") is the customer's and has no role,
  and its commas are part of the field (never a delimiter); the answers are free text ([] and None:
  a CSV has no drop-down and the "Response" heading names no choices);
- a header two rows tall whose upper row groups columns ("Supplier response" over "Answer" and
  "Explanation") and whose "Ref" and "Question" are merged down over both rows has its header row on
  the LOWER row (as sets 8, 9 and 11); a heading merged down from the upper row covers the lower row.
  Of two groups, the answer is the one the SUPPLIER fills: "Answer" under "Supplier response"; the
  buyer's "Rating" (under "Buyer evaluation", grey, with its own Accepted / Clarification needed /
  Rejected drop-down) and "Evaluator notes" have no role, and the buyer's list is never the allowed
  answers. "Explanation" is the comment;
- an answer column LEFT of the question ("Response | Ref | Question | Notes") is still the answer
  column: answer A, id B, question C, comment D. A band row's text stands in A (the merge starts
  there); the band row is a section row, not an answer;
- non-list validations: a row whose answer cell carries a whole-number or a date validation is an
  item (it asks for an answer in that cell, a number of staff or a date), with allowed answers []
  and source None (those validations name no values; as set 11 decided); "Date of your last
  penetration test of the membership platform" has no question mark and is still an item. An answer
  already in such a cell is the existing answer AS DISPLAYED, as set 12 takes numbers: 14 formatted
  "0" is "14", the date 2025-11-18 formatted dd/mm/yyyy is "18/11/2025";
- a row that numbers the columns under the headings (1 ... 5) is part of the header, not an item
  (it holds no question, its "1" in the id column is no id) and not a section; the header row is the
  row of HEADINGS (row 5), the one holding each column's words; the items start below the numbering
  row. Whole-number item numbers are ids as displayed ("1" ... "12");
- headings typed over two rows of cells, unmerged: each column's heading is its upper and lower
  words together ("Supplier response", "Supplier remarks"); the header row is the LOWER row (the one
  next to the table, as for a grouped two-row header), and the upper row is part of the header, not
  an item. Roles: "Ref. no." id, "Question text" question, "Supplier response" answer, "Supplier
  remarks" comment, "Evidence reference" evidence.

Run `python bench/heldout_layouts14.py` (arguments are ignored) to write every file into a temporary
folder and check, with openpyxl, zipfile, ElementTree and the csv module alone (the imported checks of
bench/heldout_layouts.py, heldout_layouts4.py and heldout_layouts5.py through heldout_layouts6's
`_run_set`, plus one check per layout of its feature, which reads the written file back), that the
expectations describe the files, that deliberate mistakes (the imported ones and one per layout aimed
at its feature) are caught, and that no sheet name or question repeats (or nearly repeats) one of the
tuned layouts or of the thirteen earlier held-out sets.

Where the imported checks cannot see a feature, this file says so and checks it itself (`REPLACED`,
`DECOYS14`, `_views`):
- their heading patterns want a heading on the header row over every role column and know "explain"
  but not "explanation", so their complaints that the merged-down "Ref" and "Question" are headed ''
  on row 5 and that "Explanation" is no comment heading (two_row_header_two_groups), and that "text"
  and "reference" are no question and evidence headings (heading_words_split_over_two_rows), are
  replaced by those layouts' feature checks, which check both header rows;
- they compare an answer cell's stored value with the existing answer, so non_list_validation_answered
  is shown to them with the stored values (14 and a datetime); `_feature_non_list` checks the values as
  displayed;
- rows this file registers in `DECOYS14` (the minimal writer's footer, the xlsxwriter file's notice, the
  two-line contact note whose first line is a question, the gym form's note, the column-number row) are
  not complained about as rows that read like items; the feature checks check them.
"""

from __future__ import annotations

import copy
import csv
import io
import re
import sys
import zipfile
import xml.etree.ElementTree as ET
from datetime import datetime
from pathlib import Path
from typing import Any, Callable
from xml.sax.saxutils import escape

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
ORACLE = ROOT / "Tests" / "oracle"
for _folder in (ORACLE, BENCH):
    if str(_folder) not in sys.path:
        sys.path.insert(0, str(_folder))

import openpyxl  # noqa: E402
from openpyxl import Workbook  # noqa: E402
from openpyxl.styles import Font, PatternFill  # noqa: E402
from openpyxl.utils.datetime import to_excel  # noqa: E402
from openpyxl.worksheet.datavalidation import DataValidation  # noqa: E402

from heldout_layouts import _hidden_by_merge, _resolve_list, _validations_over, collapse, split_ref  # noqa: E402
from heldout_layouts4 import (  # noqa: E402
    FRAME,
    H_FONT,
    MIDDLE,
    PAINT,
    band_row,
    body_row,
    caption,
    col_widths,
    expect,
    heading_row,
    sheet_of,
    small_print,
    store,
)
from heldout_layouts6 import (  # noqa: E402
    FEATURE_ERRORS,
    HELDOUT6_LAYOUTS,
    _feature_problems,
    _imported_problems,
    _order_problems,
    _run_set,
)
from heldout_layouts7 import HELDOUT7_LAYOUTS  # noqa: E402
from heldout_layouts8 import HELDOUT8_LAYOUTS  # noqa: E402
from heldout_layouts9 import HELDOUT9_LAYOUTS, _only_sheet  # noqa: E402
from heldout_layouts10 import HELDOUT10_LAYOUTS  # noqa: E402
from heldout_layouts11 import HELDOUT11_LAYOUTS, _all_validations_over  # noqa: E402
from heldout_layouts12 import HELDOUT12_LAYOUTS  # noqa: E402
from heldout_layouts13 import HELDOUT13_LAYOUTS, _band_rows, _header_problems, _plain_item_problems  # noqa: E402
from questionnaire_layouts import ExpectedItem, ExpectedSheet, Layout, list_validation, ref  # noqa: E402

# --- this set's answer lists and looks ----------------------------------------------------------------

COLLECTION_CHOICES = ["Yes", "No", "In progress", "N/A"]
FERRY_CHOICES = ["Yes", "No", "Partially", "Not applicable"]
VET_CHOICES = ["Yes", "No", "Partial", "Not applicable"]
VET_BUYER_CHOICES = ["Accepted", "Clarification needed", "Rejected"]
STUDIO_CHOICES = ["Yes", "No", "Partially", "N/A"]
GYM_CHOICES = ["Yes", "No", "N/A"]
FIRE_CHOICES = ["Met", "Partially met", "Not met", "Not applicable"]
BREWERY_CHOICES = ["Yes", "No", "Partly", "N/A"]

GREY = PatternFill("solid", fgColor="D9D9D9")
ITALIC_SMALL = Font(name="Verdana", italic=True, size=8, color="404040")

#: Rows that are not items but that a reader could take for one: layout -> {(sheet, row): what it is}.
#: Filled by the builders (the files are the same each time).
DECOYS14: dict[str, dict[tuple[str, int], str]] = {}


def _decoy(layout_name: str, sheet: str, row: int, what: str) -> None:
    DECOYS14.setdefault(layout_name, {})[(sheet, row)] = what


# --- 1. a minimal XLSX writer: inline strings, no r attributes, no styles ---------------------------------

NS_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
NS_DOC_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
NS_PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
MINIMAL_PARTS = ["[Content_Types].xml", "_rels/.rels", "xl/workbook.xml", "xl/_rels/workbook.xml.rels",
                 "xl/worksheets/sheet1.xml"]

MIN_SHEET = "Tanker App Review"
MIN_HEADER = {"A": "Question ID", "B": "Question", "C": "Answer", "D": "Supplier comment"}
MIN_ROLES = {"A": "id", "B": "question", "C": "answer", "D": "comment"}
MIN_FOOTER = "Exported by TenderDesk 5.2 on 30/11/2026 at 14:02 - 12 questions, 3 sections"
#: (section, [(id, question, existing answer, existing comment)])
MIN_SECTIONS: list[tuple[str, list[tuple[str, str, str | None, str | None]]]] = [
    ("A - Farm and collection data", [
        ("AV-01", "Are the GPS tracks of collection tankers kept no longer than the period set in our data "
                  "schedule?", None, None),
        ("AV-02", "Can a member farm see only its own collection volumes and milk quality results in the app?",
         "Yes", None),
        ("AV-03", "Are the sample barcodes scanned at the farm gate linked to the laboratory result without "
                  "anyone re-keying them?", None, None),
        ("AV-04", "Is bulk-tank temperature data sent from the farm sensors over an encrypted connection?", None,
         None),
    ]),
    ("B - Drivers and in-cab terminals", [
        ("AV-05", "Do tanker drivers sign in to the handheld terminals with their own PIN rather than a shared "
                  "depot code?", None, None),
        ("AV-06", "Can a lost handheld terminal be locked remotely by the transport office?", None, None),
        ("AV-07", "Are firmware updates for the in-cab terminals signed by the manufacturer and checked before "
                  "they install?", "In progress", "Signature checks arrive with terminal firmware 4.2, due in "
                                                  "the spring."),
        ("AV-08", "Is the route planner reachable only from the co-operative's own network or through its VPN?",
         None, None),
    ]),
    ("C - Service continuity", [
        ("AV-09", "Will milk collection carry on from the terminals' offline schedules if your data centre is "
                  "down for a whole day?", None, None),
        ("AV-10", "Are payments to member farms worked out from collection records that cannot be edited after "
                  "the driver's sign-off?", None, None),
        ("AV-11", "Will you tell the co-operative before moving the platform to a different hosting provider?",
         None, None),
        ("AV-12", "Is the collection history of a farm that leaves the co-operative exported to that farm and "
                  "then deleted?", None, None),
    ]),
]


def _xml_cell(value: str | None) -> str:
    if value is None:
        return "<c/>"
    return f'<c t="inlineStr"><is><t>{escape(value)}</t></is></c>'


def _xml_row(values: list[str | None]) -> str:
    """Every value given is written, a None as an empty <c/> (the writer writes each row to its own width)."""
    if not values:
        return "<row/>"
    return "<row>" + "".join(_xml_cell(v) for v in values) + "</row>"


def _minimal_rows() -> tuple[list[list[str | None]], list[ExpectedItem], dict[int, str], int, int]:
    """The sheet's rows (1-based positions = list index + 1), the items, the section rows, the header row
    and the footer row."""
    rows: list[list[str | None]] = [
        ["Ashcombe Vale Dairy Co-operative - Milk Collection Platform: Supplier Security Review"],
        ["Generated by the co-operative's tender portal. Choose an answer in column C for every question."],
        [],
        list(MIN_HEADER.values()),
    ]
    header_row = len(rows)
    items: list[ExpectedItem] = []
    bands: dict[int, str] = {}
    for index, (section, questions) in enumerate(MIN_SECTIONS):
        if index:
            rows.append([])
        rows.append([section])
        bands[len(rows)] = section
        for id_, question, existing, remark in questions:
            rows.append([id_, question, existing, remark])
            items.append(expect(MIN_SHEET, len(rows), question, "C", id_, comment="D", allowed=COLLECTION_CHOICES,
                                existing=existing, existing_comment=remark, section=[section]))
    rows.append([])
    rows.append([MIN_FOOTER])
    return rows, items, bands, header_row, len(rows)


def _write_minimal_xlsx(path: Path, sheet_name: str, rows: list[list[str | None]], answer_cells: list[str],
                        choices: list[str]) -> None:
    content_types = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/xl/workbook.xml" '
        'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
        '<Override PartName="/xl/worksheets/sheet1.xml" '
        'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
        '</Types>')
    package_rels = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<Relationships xmlns="{NS_PKG_REL}">'
        '<Relationship Id="rId1" '
        'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
        'Target="xl/workbook.xml"/></Relationships>')
    workbook = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<workbook xmlns="{NS_MAIN}" xmlns:r="{NS_DOC_REL}">'
        f'<sheets><sheet name="{escape(sheet_name)}" sheetId="1" r:id="rId1"/></sheets></workbook>')
    workbook_rels = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<Relationships xmlns="{NS_PKG_REL}">'
        '<Relationship Id="rId1" '
        'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" '
        'Target="worksheets/sheet1.xml"/></Relationships>')
    listed = escape('"' + ",".join(choices) + '"')
    sheet = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<worksheet xmlns="{NS_MAIN}"><sheetData>'
        + "".join(_xml_row(list(values)) for values in rows)
        + '</sheetData>'
        f'<dataValidations count="1"><dataValidation type="list" allowBlank="1" showErrorMessage="1" '
        f'sqref="{" ".join(answer_cells)}"><formula1>{listed}</formula1></dataValidation></dataValidations>'
        '</worksheet>')
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, text in zip(MINIMAL_PARTS, (content_types, package_rels, workbook, workbook_rels, sheet)):
            zf.writestr(name, text)


def minimal_writer_no_cell_refs(folder: Path) -> Layout:
    name = "minimal_writer_no_cell_refs"
    rows, items, _, header_row, footer_row = _minimal_rows()
    _decoy(name, MIN_SHEET, footer_row, "the export footer")
    path = folder / "AshcombeVale_collection_platform_review.xlsx"
    _write_minimal_xlsx(path, MIN_SHEET, rows, [split_ref(item.answer_cell)[1] + str(item.row) for item in items],
                        COLLECTION_CHOICES)
    return Layout(
        name=name,
        path=path,
        format="xlsx",
        sheets=[sheet_of(MIN_SHEET, header_row, dict(MIN_ROLES))],
        items=items,
        note="A milk-collection platform review written by a portal's minimal XLSX writer: no styles part, no theme, "
             "no shared strings, every text an inline string, NO r attribute on any <row> or <c>, no <dimension>. "
             "CONVENTION: positions are counted in order (an empty <row/> is a blank row, an empty <c/> a blank cell)."
             " Header on row 4. Items: the 12 rows with an id in 'Question ID' (A, as written: 'AV-01' ...) and a "
             "question in 'Question' (B); answer cell C ('Answer'), allowed answers Yes, No, In progress, N/A from the"
             " list validation (source validation); comment cell D ('Supplier comment'); no evidence; guidance None. "
             "Sections: a row holding only a short text in A (three: 'A - ...', 'B - ...', 'C - ...') is a section "
             "row; the footer 'Exported by ...' under the table is neither a section nor an item. Two rows already "
             "answered.",
    )


# --- 2. xlsxwriter: rich-text questions with line breaks, the list on another sheet ------------------------

FERRY_SHEET, FERRY_OPTIONS = "Booking Platform", "Picklist Values"
FERRY_HEADER = {"A": "Ref", "B": "Question", "C": "Response", "D": "Comments", "E": "Evidence"}
FERRY_ROLES = {"A": "id", "B": "question", "C": "answer", "D": "comment", "E": "evidence"}
FERRY_HEADER_ROW = 5
FERRY_RANGE = f"'{FERRY_OPTIONS}'!$A$2:$A$5"
FERRY_NOTICE = "Generated from the Northgate Ferries supplier assurance tracker - please keep the rows and sheets " \
               "in this order."
#: (section, [(ref, bold lead-in, the rest (may hold a line break), existing answer, comment, evidence)])
FERRY_SECTIONS: list[tuple[str, list[tuple[str, str, str, str | None, str | None, str | None]]]] = [
    ("Passenger data", [
        ("FB-01", "Passenger manifests. ", "Are manifests for each sailing encrypted while stored, and deleted when "
                                           "the retention period set by the port authority ends?", None, None, None),
        ("FB-02", "Travel documents. ", "Are passport numbers taken at online check-in masked on every screen except "
                                        "the check-in desk view?", None, None, None),
        ("FB-03", "Special assistance. ", "Are passengers' medical and mobility notes visible only to the crew who "
                                          "need them for that sailing?\nDescribe how that access is granted.", None,
         None, None),
        ("FB-04", "Loyalty accounts. ", "Must loyalty members enter a one-time code before changing their e-mail "
                                        "address or saved card?", None, None, None),
    ]),
    ("Vehicles and freight", [
        ("FB-05", "Vehicle registrations. ", "Are number plates read by the port cameras matched to bookings without "
                                             "being kept for more than 30 days?", None, None, None),
        ("FB-06", "Freight declarations. ", "Can hauliers upload dangerous-goods declarations only from an "
                                            "authenticated account?\nSay whether a second person must approve each "
                                            "one.", "Yes", "The duty freight officer approves every declaration "
                                                           "before loading.", None),
        ("FB-07", "Deck plans. ", "Is the vehicle-deck loading plan protected from change once the loading officer "
                                  "has signed it off?", None, None, None),
    ]),
    ("Terminal and onboard operations", [
        ("FB-08", "Check-in kiosks. ", "Are the self-service kiosks in the terminal buildings locked down so that "
                                       "passengers cannot reach the operating system?", None, None, None),
        ("FB-09", "Cancelled sailings. ", "When a sailing is cancelled, are rebooking messages sent only from the "
                                          "sender domains we have registered with you?", None, None, None),
        ("FB-10", "Onboard Wi-Fi. ", "Is the passengers' onboard Wi-Fi kept on a network separate from the ship's "
                                     "booking and crew systems?", "Partially", "Separate on four vessels; the two "
                                                                              "oldest share a switch until refit.",
         "Fleet network diagram NF-NET-07"),
        ("FB-11", "Peak season. ", "Has the booking platform been load-tested at twice the bookings we took in our "
                                   "busiest hour last summer?\nAttach the summary of the latest test.", None, None,
         None),
        ("FB-12", "Early sailings. ", "Is out-of-hours support staffed on the days when our first sailing leaves "
                                      "before 06:00?\nGive the hours your support desk is staffed.", None, None, None),
    ]),
]


def xlsxwriter_rich_text_questions(folder: Path) -> Layout:
    import xlsxwriter

    name = "xlsxwriter_rich_text_questions"
    path = folder / "NorthgateFerries_booking_platform_questionnaire.xlsx"
    wb = xlsxwriter.Workbook(str(path))
    ws = wb.add_worksheet(FERRY_SHEET)
    options = wb.add_worksheet(FERRY_OPTIONS)
    title = wb.add_format({"bold": True, "font_size": 14, "font_color": "#1F3864"})
    small = wb.add_format({"italic": True, "font_size": 9, "font_color": "#595959", "text_wrap": True})
    head = wb.add_format({"bold": True, "font_color": "#FFFFFF", "bg_color": "#1F3864", "border": 1,
                          "align": "center", "valign": "vcenter", "text_wrap": True})
    band = wb.add_format({"bold": True, "bg_color": "#DDEBF7", "border": 1})
    bold = wb.add_format({"bold": True})
    wrap = wb.add_format({"text_wrap": True, "valign": "top", "border": 1})
    answer = wb.add_format({"bg_color": "#FFF9E5", "border": 1, "align": "center", "valign": "top"})
    ws.write(0, 0, "Northgate Ferries - Booking and Check-in Platform: Supplier Security Questionnaire", title)
    ws.write(1, 0, "Version 2 - issued by Fleet IT Assurance", small)
    ws.merge_range(2, 0, 2, 4, "Pick a response from the list in column C. Use Comments to explain any answer other "
                               "than Yes and name supporting documents under Evidence.", small)
    for letter, text in FERRY_HEADER.items():
        ws.write(f"{letter}{FERRY_HEADER_ROW}", text, head)
    items: list[ExpectedItem] = []
    runs: list[str] = []
    row = FERRY_HEADER_ROW
    for section, questions in FERRY_SECTIONS:
        row += 1
        ws.merge_range(row - 1, 0, row - 1, 4, section, band)
        first = row + 1
        for id_, lead, rest, existing, remark, evidence in questions:
            row += 1
            ws.write(row - 1, 0, id_, wrap)
            ws.write_rich_string(row - 1, 1, bold, lead, rest, wrap)
            ws.write(row - 1, 2, existing, answer) if existing else ws.write_blank(row - 1, 2, None, answer)
            ws.write(row - 1, 3, remark, wrap) if remark else ws.write_blank(row - 1, 3, None, wrap)
            ws.write(row - 1, 4, evidence, wrap) if evidence else ws.write_blank(row - 1, 4, None, wrap)
            items.append(expect(FERRY_SHEET, row, lead + rest, "C", id_, comment="D", evidence="E",
                                allowed=FERRY_CHOICES, existing=existing, existing_comment=remark, section=[section]))
        runs.append(f"C{first}:C{row}")
    ws.data_validation(runs[0], {"validate": "list", "source": "=" + FERRY_RANGE, "multi_range": " ".join(runs)})
    notice_row = row + 2
    ws.merge_range(notice_row - 1, 0, notice_row - 1, 4, FERRY_NOTICE, small)
    _decoy(name, FERRY_SHEET, notice_row, "the tracker's notice under the table")
    ws.set_column("A:A", 9)
    ws.set_column("B:B", 70)
    ws.set_column("C:C", 15)
    ws.set_column("D:E", 36)
    ws.freeze_panes(FERRY_HEADER_ROW, 0)
    options.write(0, 0, "Answer options", bold)
    options.write_column(1, 0, FERRY_CHOICES)
    options.set_column("A:A", 20)
    wb.close()
    return Layout(
        name=name,
        path=path,
        format="xlsx",
        sheets=[sheet_of(FERRY_SHEET, FERRY_HEADER_ROW, dict(FERRY_ROLES)), ExpectedSheet(FERRY_OPTIONS, "ignored")],
        items=items,
        note="Written by xlsxwriter (shared strings). Header on row 5. Items: the 12 rows under three merged band rows"
             " (section [band text]); id A ('Ref': 'FB-01' ...), question B, answer cell C ('Response'), allowed "
             "answers Yes, No, Partially, Not applicable from the drop-down ='Picklist Values'!$A$2:$A$5 (source "
             "validation), comment D ('Comments'), evidence E ('Evidence'); guidance None. Every question cell is rich"
             " text: a bold lead-in run ('Passenger manifests. ') and a normal run, four with a line break. "
             "CONVENTION: the question is all runs joined, lead-in included, collapsed; 'Picklist Values' is a "
             "visible, ignored sheet; the tracker's notice under the table is not an item. Two rows already answered.",
    )


# --- 3. a European Excel CSV: semicolons, Windows-1252, title and blank line, decimal commas ----------------

EU_NAME = "Menard_BIM_platform_supplier_questionnaire"
EU_TITLE = "Atelier Ménard & Associés – BIM collaboration platform: supplier questionnaire (v1.4)"
EU_HEADER = ["No.", "Question", "Weighting", "Response", "Comments"]
EU_ROLES = {"A": "id", "B": "question", "D": "answer", "E": "comment"}
EU_HEADER_ROW = 3
#: (section, [(no., question, weighting as written, existing response, existing comment)])
EU_SECTIONS: list[tuple[str, list[tuple[str, str, str, str | None, str | None]]]] = [
    ("1 – Access to project data", [
        ("1.1", "Are drawings and BIM models shared with outside engineers only through the platform, never as e-mail "
                "attachments?", "1,5", None, None),
        ("1.2", "Can the practice’s project leads withdraw a consultant’s access to one project without touching "
                "their other projects?", "1,25", None, None),
        ("1.3", "Are the Genève and Besançon studios’ project folders kept in separate workspaces with separate "
                "permissions?", "1", None, None),
        ("1.4", "Is every download of a model file logged with the user, the time and the model version?", "0,75",
         "Yes", "Download logs are kept for 24 months – exportable on request."),
    ]),
    ("2 – Hosting and resilience", [
        ("2.1", "Are the practice’s models stored in data centres in France or another EU member state?", "2", "Yes",
         "Primary site near Lyon (Vénissieux), replica in Frankfurt."),
        ("2.2", "Is the render farm – including every render node – patched within one month of a security "
                "update?", "0,5", None, None),
        ("2.3", "Can a deleted model be restored from a backup taken no more than 24 hours earlier?", "1,5", None,
         None),
        ("2.4", "Will you give us 90 days’ notice before ending support for a file format the practice uses?", "0,5",
         None, None),
    ]),
    ("3 – People and subcontractors", [
        ("3.1", "Do your staff who can open client models sign a confidentiality undertaking written for "
                "architectural work?", "1", None, None),
        ("3.2", "Are the subcontractors that host or support the platform named in an annex to the contract?",
         "0,75", None, None),
        ("3.3", "Is multi-factor sign-in required for every account, the practice’s site architects on tablets "
                "included?", "1,25", None, None),
        ("3.4", "Will security incidents affecting our projects be reported to our data protection officer within "
                "48 hours?", "1", None, None),
    ]),
]


def eu_semicolon_csv_decimal_commas(folder: Path) -> Layout:
    width = len(EU_HEADER)
    records: list[list[str]] = [[EU_TITLE] + [""] * (width - 1), [""] * width, list(EU_HEADER)]
    items: list[ExpectedItem] = []
    for section, questions in EU_SECTIONS:
        records.append([section] + [""] * (width - 1))
        for number, question, weight, existing, remark in questions:
            records.append([number, question, weight, existing or "", remark or ""])
            items.append(expect(EU_NAME, len(records), question, "D", number, comment="E", existing=existing,
                                existing_comment=remark, section=[section]))
    buffer = io.StringIO(newline="")
    csv.writer(buffer, delimiter=";", lineterminator="\r\n").writerows(records)
    path = folder / f"{EU_NAME}.csv"
    path.write_bytes(buffer.getvalue().encode("cp1252"))
    return Layout(
        name="eu_semicolon_csv_decimal_commas",
        path=path,
        format="csv",
        sheets=[sheet_of(EU_NAME, EU_HEADER_ROW, dict(EU_ROLES))],
        items=items,
        csv=True,
        encoding="cp1252",
        delimiter=";",
        note="A CSV as Excel saves it on a French-language machine: semicolon-separated, Windows-1252 without BOM (’ –"
             " é), CRLF, every record padded to five fields. Row 1 a title record, row 2 a blank record, header on row"
             " 3. Items: the 12 records with a 'No.' (A, id as written: '1.1' ...) and a 'Question' (B); answer cell D"
             " ('Response'), free text ([] and None: a CSV has no drop-down and the heading names no choices); comment"
             " E ('Comments'); 'Weighting' (C, decimal commas such as '1,25') is the customer's and has no role. "
             "Sections: the three records holding only a title in A ('1 – ...'). CONVENTION: rows are the file's "
             "records, read with ';' and cp1252; texts are given in Unicode. Two rows already answered.",
    )


# --- 4. a two-row header: merged-down Ref/Question, a supplier group and a buyer group ---------------------

VET_SHEET = "PMS Supplier Response"
VET_UPPER_ROW, VET_HEADER_ROW = 4, 5
VET_UPPER = {"A": "Ref", "B": "Question", "C": "Supplier response", "E": "Buyer evaluation"}
VET_LOWER = {"C": "Answer", "D": "Explanation", "E": "Rating", "F": "Evaluator notes"}
VET_MERGES = {"A4:A5", "B4:B5", "C4:D4", "E4:F4"}
VET_ROLES = {"A": "id", "B": "question", "C": "answer", "D": "comment"}
VET_CONTACT = ("Who do I ask about this form?",
               "The group procurement team answers clarification requests until the deadline and shares every answer "
               "with all suppliers.")
#: (section, [(ref, question, existing answer, existing explanation)])
VET_SECTIONS: list[tuple[str, list[tuple[str, str, str | None, str | None]]]] = [
    ("Clinical records", [
        ("VG-01", "Are clinical notes locked against editing once the consulting vet has finalised them, with later "
                  "additions shown as amendments?", None, None),
        ("VG-02", "Can each practice in the group see only its own clients' records unless a client has been "
                  "transferred?", None, None),
        ("VG-03", "Does every controlled-drug register entry need a second sign-in by the dispensing vet?", "Yes",
         "A PIN or staff card at the dispensary terminal."),
        ("VG-04", "Are results from the reference laboratories imported over an authenticated interface rather "
                  "than by e-mail?", None, None),
    ]),
    ("Clients and payments", [
        ("VG-05", "Do card payments taken at reception go through a terminal that keeps card numbers out of the "
                  "practice-management system?", None, None),
        ("VG-06", "Do pet owners reach the appointment portal through accounts protected by a one-time code?", None,
         None),
        ("VG-07", "Are vaccination reminder texts sent without revealing the animal's diagnosis?", None, None),
        ("VG-08", "Can an owner's request to close their account be met without losing the clinical history the "
                  "regulator requires us to keep?", "Partial", "Owner details are erased; the clinical history is "
                                                               "kept under a pseudonym for the statutory period."),
    ]),
    ("Operations", [
        ("VG-09", "Is the imaging archive of X-rays and ultrasound scans backed up to a location outside the practice "
                  "building?", None, None),
        ("VG-10", "Could an out-of-hours emergency clinic still open booked patients' records if its internet link "
                  "to your service failed?", None, None),
        ("VG-11", "Are software updates installed outside clinic opening hours unless they fix an urgent security "
                  "flaw?", None, None),
        ("VG-12", "Do you keep a record of every support session in which your staff viewed our client data?", None,
         None),
    ]),
]


def two_row_header_two_groups(folder: Path) -> Layout:
    name = "two_row_header_two_groups"
    wb = Workbook()
    ws = wb.active
    ws.title = VET_SHEET
    caption(ws, "A1", "Fenwick & Lowry Veterinary Group – Practice Management System: Supplier Questionnaire",
            "A1:F1")
    small_print(ws, "A2", "Complete the Supplier response columns only. The Buyer evaluation columns are kept for "
                          "the group's evaluation panel.", "A2:F2")
    for letter, text in VET_UPPER.items():
        ws[f"{letter}{VET_UPPER_ROW}"] = text
    for letter, text in VET_LOWER.items():
        ws[f"{letter}{VET_HEADER_ROW}"] = text
    for letter in "ABCDEF":
        for row in (VET_UPPER_ROW, VET_HEADER_ROW):
            cell = ws[f"{letter}{row}"]
            cell.font = H_FONT
            cell.fill = PAINT["slate"] if letter in "EF" else PAINT["moss"]
            cell.border = FRAME
            cell.alignment = MIDDLE
    for merged in sorted(VET_MERGES):
        ws.merge_cells(merged)
    items: list[ExpectedItem] = []
    answers: list[str] = []
    ratings: list[str] = []
    row = VET_HEADER_ROW
    for section, questions in VET_SECTIONS:
        row += 1
        band_row(ws, row, section, "A", "F", paint="straw")
        for id_, question, existing, remark in questions:
            row += 1
            body_row(ws, row, {"A": id_, "B": question, "C": existing, "D": remark}, "ABCDEF")
            ws[f"C{row}"].alignment = MIDDLE
            ws[f"C{row}"].fill = PAINT["input"]
            ws[f"E{row}"].fill = GREY
            ws[f"F{row}"].fill = GREY
            answers.append(f"C{row}")
            ratings.append(f"E{row}")
            items.append(expect(VET_SHEET, row, question, "C", id_, comment="D", allowed=VET_CHOICES,
                                existing=existing, existing_comment=remark, section=[section]))
    list_validation(ws, VET_CHOICES, *answers)
    list_validation(ws, VET_BUYER_CHOICES, *ratings)
    row += 1
    for text in VET_CONTACT:
        row += 1
        small_print(ws, f"A{row}", text, f"A{row}:F{row}")
        _decoy(name, VET_SHEET, row, "a contact note under the table")
    col_widths(ws, A=8, B=70, C=14, D=40, E=20, F=30)
    ws.freeze_panes = f"C{VET_HEADER_ROW + 1}"
    path = store(wb, folder, "FenwickLowry_PMS_supplier_questionnaire.xlsx")
    return Layout(
        name=name,
        path=path,
        format="xlsx",
        sheets=[sheet_of(VET_SHEET, VET_HEADER_ROW, dict(VET_ROLES))],
        items=items,
        note="A header two rows tall (rows 4-5): 'Ref' (A4:A5) and 'Question' (B4:B5) merged down; 'Supplier response'"
             " merged over C4:D4 above 'Answer' (C5) and 'Explanation' (D5); 'Buyer evaluation' merged over E4:F4 "
             "above 'Rating' (E5, grey, the buyer's own drop-down Accepted/Clarification needed/Rejected) and "
             "'Evaluator notes' (F5, grey). CONVENTION: the header row is the LOWER row (5). Items: the 12 rows under "
             "three merged band rows (section [band text]); id A ('VG-01' ...), question B, answer cell C, allowed "
             "answers Yes, No, Partial, Not applicable from its drop-down (source validation), comment D "
             "('Explanation'); the buyer's columns have no role and their list is never the allowed answers. Under the"
             " table a two-line contact note (a question and its answer, each merged A:F) that is not an item. Two "
             "rows already answered.",
    )


# --- 5. the answer column left of the question -----------------------------------------------------------------

STUDIO_SHEET = "Vendor Content Security"
STUDIO_HEADER = {"A": "Response", "B": "Ref", "C": "Question", "D": "Notes"}
STUDIO_ROLES = {"A": "answer", "B": "id", "C": "question", "D": "comment"}
STUDIO_HEADER_ROW = 4
#: (section, [(ref, question, existing response, existing note)])
STUDIO_SECTIONS: list[tuple[str, list[tuple[str, str, str | None, str | None]]]] = [
    ("Unreleased content", [
        ("LH-01", "Are unreleased shots stored only on servers inside your secured post-production area, never on "
                  "personal laptops?", None, None),
        ("LH-02", "Are artists' workstations blocked from reaching personal cloud storage and webmail?", None, None),
        ("LH-03", "Is every transfer of plates and renders to or from the studio made through the transfer service "
                  "the studio has approved?", "Yes", None),
        ("LH-04", "Are review copies watermarked with a mark that identifies the person who received them?", None,
         None),
    ]),
    ("Your facility", [
        ("LH-05", "Is entry to the screening room and the machine room logged by badge and reviewed each month?",
         None, None),
        ("LH-06", "Are phones and cameras left in lockers before artists enter the production floor?", None, None),
        ("LH-07", "Are visitors escorted whenever they are in an area where our footage can be seen?", None, None),
    ]),
    ("Staff and freelancers", [
        ("LH-08", "Do freelancers sign the studio's non-disclosure terms before they are given any shot to work "
                  "on?", "Partially", "Freelancers sign our own NDA on joining; the studio's terms are signed at "
                                      "the start of each project."),
        ("LH-09", "Is a freelancer's access to a project removed within one day of their last booked shift?", None,
         None),
        ("LH-10", "Are your staff told how to report a suspected leak of footage, and to whom?", None, None),
        ("LH-11", "Have your artists completed content-protection training within the past twelve months?", None,
         None),
        ("LH-12", "Will you tell the studio within four hours if footage from one of our projects appears online?",
         None, None),
    ]),
]


def answer_left_of_question(folder: Path) -> Layout:
    wb = Workbook()
    ws = wb.active
    ws.title = STUDIO_SHEET
    caption(ws, "A1", "Lantern Hill Studios – Visual Effects Vendors: Content Security Questionnaire", "A1:D1")
    small_print(ws, "A2", "Choose your response in column A, to the left of each question, and add notes in column "
                          "D where needed.", "A2:D2")
    heading_row(ws, STUDIO_HEADER_ROW, STUDIO_HEADER, paint="plum")
    items: list[ExpectedItem] = []
    cells: list[str] = []
    row = STUDIO_HEADER_ROW
    for section, questions in STUDIO_SECTIONS:
        row += 1
        band_row(ws, row, section, "A", "D", paint="mist")
        for id_, question, existing, remark in questions:
            row += 1
            body_row(ws, row, {"A": existing, "B": id_, "C": question, "D": remark}, "ABCD")
            ws[f"A{row}"].alignment = MIDDLE
            ws[f"A{row}"].fill = PAINT["input"]
            cells.append(f"A{row}")
            items.append(expect(STUDIO_SHEET, row, question, "A", id_, comment="D", allowed=STUDIO_CHOICES,
                                existing=existing, existing_comment=remark, section=[section]))
    list_validation(ws, STUDIO_CHOICES, *cells)
    col_widths(ws, A=14, B=8, C=74, D=44)
    ws.freeze_panes = f"A{STUDIO_HEADER_ROW + 1}"
    path = store(wb, folder, "LanternHill_VFX_vendor_content_security.xlsx")
    return Layout(
        name="answer_left_of_question",
        path=path,
        format="xlsx",
        sheets=[sheet_of(STUDIO_SHEET, STUDIO_HEADER_ROW, dict(STUDIO_ROLES))],
        items=items,
        note="Columns 'Response | Ref | Question | Notes', header on row 4. Items: the 12 rows under three band rows "
             "merged A:D (section [band text]; the band's text stands in A); answer cell A, LEFT of the id and the "
             "question, allowed answers Yes, No, Partially, N/A from its drop-down (source validation); id B ('LH-01' "
             "...); question C; comment D ('Notes'). CONVENTION: the answer column is the one with the 'Response' "
             "heading and the drop-down, even left of the question; a band row is a section row although its text "
             "stands in the answer column. Two rows already answered.",
    )


# --- 6. whole-number and date validations beside Yes/No rows, some answered ----------------------------------

GYM_SHEET = "Membership Platform"
GYM_HEADER = {"A": "Ref", "B": "Question", "C": "Response", "D": "Comments"}
GYM_ROLES = {"A": "id", "B": "question", "C": "answer", "D": "comment"}
GYM_HEADER_ROW = 4
GYM_DATE_FORMAT = "dd/mm/yyyy"
GYM_FIRST_DATE, GYM_LAST_DATE = datetime(2015, 1, 1), datetime(2030, 12, 31)
GYM_NOTE = "Enter dates as dd/mm/yyyy and counts as whole numbers; the form rejects anything else in those cells."
#: (section, [(ref, question, kind "list" / "whole" / "date", existing value as stored, existing comment)])
GYM_SECTIONS: list[tuple[str, list[tuple[str, str, str, Any, str | None]]]] = [
    ("Members' data", [
        ("PP-01", "Is members' payment card data handled only by your payment provider and never stored on the "
                  "platform?", "list", None, None),
        ("PP-02", "Are members' readings from the smart body-composition scales kept apart from their contact "
                  "details?", "list", None, None),
        ("PP-03", "Can members download their full history of club visits and class bookings themselves?", "list",
         None, None),
        ("PP-04", "How many staff at your company can view members' personal details?", "whole", 14,
         "Support team of 11 plus three database administrators."),
    ]),
    ("Club entry", [
        ("PP-05", "Are the turnstile controllers at each club updated over an encrypted connection?", "list", None,
         None),
        ("PP-06", "Can a member's entry card be blocked at every club within five minutes of being reported lost?",
         "list", None, None),
        ("PP-07", "How many clubs can a single club manager's account open doors for remotely?", "whole", None, None),
        ("PP-08", "Does the app's door-release feature reject a replayed copy of an earlier unlock request?", "list",
         None, None),
    ]),
    ("Testing and assurance", [
        ("PP-09", "Date of your last penetration test of the membership platform", "date", datetime(2025, 11, 18),
         None),
        ("PP-10", "Did that test cover the member app as well as the web portal?", "list", None, None),
        ("PP-11", "Date by which the high-risk findings of that test were, or will be, closed", "date", None, None),
        ("PP-12", "Will you share a summary of your next penetration test within 30 days of receiving its "
                  "report?", "list", None, None),
    ]),
]


def _displayed(value: Any, number_format: str) -> str | None:
    """A cell's value as Excel shows it, for the formats this layout uses."""
    if value is None:
        return None
    if isinstance(value, datetime):
        if number_format != GYM_DATE_FORMAT:
            raise ValueError(f"unexpected date format {number_format!r}")
        return value.strftime("%d/%m/%Y")
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    return str(value)


def non_list_validation_answered(folder: Path) -> Layout:
    name = "non_list_validation_answered"
    wb = Workbook()
    ws = wb.active
    ws.title = GYM_SHEET
    caption(ws, "A1", "Pulse & Pace Fitness – Membership and Club Entry Platform: Supplier Questionnaire", "A1:D1")
    small_print(ws, "A2", "Answer every row in the Response column: pick Yes, No or N/A, or type the number or date "
                          "asked for.", "A2:D2")
    heading_row(ws, GYM_HEADER_ROW, GYM_HEADER, paint="rust")
    lists = DataValidation(type="list", formula1='"' + ",".join(GYM_CHOICES) + '"', allow_blank=True)
    whole = DataValidation(type="whole", operator="greaterThanOrEqual", formula1="0", allow_blank=True,
                           showErrorMessage=True, error="Enter a whole number of 0 or more.",
                           showInputMessage=True, prompt="A whole number")
    dates = DataValidation(type="date", operator="between", formula1=str(int(to_excel(GYM_FIRST_DATE))),
                           formula2=str(int(to_excel(GYM_LAST_DATE))), allow_blank=True, showErrorMessage=True,
                           error="Enter a date between 01/01/2015 and 31/12/2030.", showInputMessage=True,
                           prompt="A date as dd/mm/yyyy")
    for dv in (lists, whole, dates):
        ws.add_data_validation(dv)
    items: list[ExpectedItem] = []
    row = GYM_HEADER_ROW
    for section, questions in GYM_SECTIONS:
        row += 1
        band_row(ws, row, section, "A", "D", paint="cyan")
        for id_, question, kind, stored, remark in questions:
            row += 1
            body_row(ws, row, {"A": id_, "B": question, "C": stored, "D": remark}, "ABCD")
            cell = ws[f"C{row}"]
            cell.alignment = MIDDLE
            cell.fill = PAINT["input"]
            {"list": lists, "whole": whole, "date": dates}[kind].add(f"C{row}")
            if kind == "date":
                cell.number_format = GYM_DATE_FORMAT
            elif kind == "whole":
                cell.number_format = "0"
            items.append(expect(GYM_SHEET, row, question, "C", id_, comment="D",
                                allowed=GYM_CHOICES if kind == "list" else None,
                                existing=_displayed(stored, cell.number_format), existing_comment=remark,
                                section=[section]))
    row += 2
    small_print(ws, f"A{row}", GYM_NOTE, f"A{row}:D{row}")
    _decoy(name, GYM_SHEET, row, "a note on entering dates and numbers")
    col_widths(ws, A=8, B=72, C=14, D=44)
    path = store(wb, folder, "PulsePace_membership_platform_questionnaire.xlsx")
    return Layout(
        name=name,
        path=path,
        format="xlsx",
        sheets=[sheet_of(GYM_SHEET, GYM_HEADER_ROW, dict(GYM_ROLES))],
        items=items,
        note="Header on row 4: 'Ref' (id A: 'PP-01' ...), 'Question' (B), 'Response' (answer cell C), 'Comments' "
             "(comment D); three band rows (section [band text]). Items: all 12 rows under the bands. The Response "
             "cells carry a Yes/No/N/A list on eight rows (allowed answers Yes, No, N/A, source validation), a "
             "WHOLE-NUMBER validation (>= 0, format 0) on the two 'How many ...' rows and a DATE validation "
             "(01/01/2015-31/12/2030, format dd/mm/yyyy) on the two 'Date of/by ...' rows. CONVENTION: the number and "
             "date rows are items (the date rows too, although they have no question mark), free text: [] and None; an"
             " existing answer is taken as displayed: 14 is '14', the date 2025-11-18 is '18/11/2025'. The note under "
             "the table is not an item. Two rows already answered (a number and a date).",
    )


# --- 7. a row numbering the columns under the headings ------------------------------------------------------

FIRE_SHEET = "Mobilising Supplier Return"
FIRE_HEADER = {"A": "Item no.", "B": "Requirement / question", "C": "Supplier response",
               "D": "Additional information", "E": "Evidence ref."}
FIRE_ROLES = {"A": "id", "B": "question", "C": "answer", "D": "comment", "E": "evidence"}
FIRE_HEADER_ROW, FIRE_NUMBER_ROW = 5, 6
FIRE_INSTRUCTION = ("Enter your response in column 3 by choosing from the list, any additional information in "
                    "column 4 and the reference of each evidence document in column 5. Do not change columns 1 and 2.")
#: (section, [(item no., text, existing response, existing information, existing evidence)])
FIRE_SECTIONS: list[tuple[str, list[tuple[int, str, str | None, str | None, str | None]]]] = [
    ("Availability of the mobilising system", [
        (1, "The supplier shall restore call-handling functions within 15 minutes of a failure of the primary "
            "mobilising server.", None, None, None),
        (2, "The supplier shall keep a standby mobilising system at the secondary control room and test it every "
            "quarter.", None, None, None),
        (3, "Is the link between the mobilising system and the station end equipment monitored, with alerts raised "
            "in the control room?", None, None, None),
        (4, "The supplier shall give at least ten working days' notice of planned maintenance that affects call "
            "handling.", "Met", "Our change calendar goes to the control room manager every month.", None),
    ]),
    ("Security of the system", [
        (5, "Are remote support connections to the mobilising system opened only at the request of the control "
            "room supervisor?", None, None, None),
        (6, "The supplier shall install security patches on the mobilising servers within 14 days of release, or "
            "explain in writing why not.", None, None, None),
        (7, "Are the gazetteer and hydrant data loaded into the system checked for tampering before they are "
            "used?", None, None, None),
        (8, "Is access to incident records limited to control room staff and officers named by the service?", None,
         None, None),
        (9, "The supplier shall keep an audit log of every change to appliance availability for at least seven "
            "years.", None, None, None),
    ]),
    ("Support and training", [
        (10, "Is a support engineer on call day and night who can reach the control room within four hours?",
         "Partially met", "Four hours during the day; six hours overnight at weekends.", "SLA schedule B, version 3"),
        (11, "The supplier shall train new control room operators on each major release before it goes live.", None,
         None, None),
        (12, "Will the supplier take part in the service's yearly exercise simulating the loss of the whole control "
             "room?", None, None, None),
    ]),
]


def column_number_row_under_header(folder: Path) -> Layout:
    name = "column_number_row_under_header"
    wb = Workbook()
    ws = wb.active
    ws.title = FIRE_SHEET
    caption(ws, "A1", "Wexcombe Fire and Rescue Service – Supplier Return", "A1:E1")
    small_print(ws, "A2", "Lot 2: maintenance and support of the mobilising system", "A2:E2")
    small_print(ws, "A3", FIRE_INSTRUCTION, "A3:E3")
    heading_row(ws, FIRE_HEADER_ROW, FIRE_HEADER, paint="navy")
    for index, letter in enumerate("ABCDE", start=1):
        cell = ws[f"{letter}{FIRE_NUMBER_ROW}"]
        cell.value = index
        cell.font = ITALIC_SMALL
        cell.alignment = MIDDLE
        cell.border = FRAME
    _decoy(name, FIRE_SHEET, FIRE_NUMBER_ROW, "the row numbering the columns")
    items: list[ExpectedItem] = []
    cells: list[str] = []
    row = FIRE_NUMBER_ROW
    for section, requirements in FIRE_SECTIONS:
        row += 1
        band_row(ws, row, section, "A", "E", paint="straw")
        for number, text, existing, info, evidence in requirements:
            row += 1
            body_row(ws, row, {"A": number, "B": text, "C": existing, "D": info, "E": evidence}, "ABCDE")
            ws[f"A{row}"].alignment = MIDDLE
            ws[f"C{row}"].alignment = MIDDLE
            ws[f"C{row}"].fill = PAINT["input"]
            cells.append(f"C{row}")
            items.append(expect(FIRE_SHEET, row, text, "C", str(number), comment="D", evidence="E",
                                allowed=FIRE_CHOICES, existing=existing, existing_comment=info, section=[section]))
    list_validation(ws, FIRE_CHOICES, *cells)
    col_widths(ws, A=9, B=72, C=17, D=40, E=22)
    ws.freeze_panes = f"A{FIRE_NUMBER_ROW + 1}"
    path = store(wb, folder, "Wexcombe_FRS_mobilising_supplier_return.xlsx")
    return Layout(
        name=name,
        path=path,
        format="xlsx",
        sheets=[sheet_of(FIRE_SHEET, FIRE_HEADER_ROW, dict(FIRE_ROLES))],
        items=items,
        note="Headings on row 5: 'Item no.', 'Requirement / question', 'Supplier response', 'Additional information', "
             "'Evidence ref.'; row 6 numbers the columns 1 2 3 4 5 (numbers, italic), and the instruction on row 3 "
             "refers to them ('column 3'). CONVENTION: the header row is the headings row (5); the numbering row is "
             "part of the header, not an item (its 1 is no id) and not a section. Items: the 12 rows under three band "
             "rows (section [band text]), statements ('The supplier shall ...') and questions alike; id A as displayed"
             " ('1' ... '12', whole numbers); question B; answer cell C, allowed answers Met, Partially met, Not met, "
             "Not applicable from its drop-down (source validation); comment D; evidence E. Two rows already answered.",
    )


# --- 8. heading words typed over two rows of cells ----------------------------------------------------------

BREW_SHEET = "Trade Portal Review"
BREW_UPPER_ROW, BREW_HEADER_ROW = 4, 5
BREW_UPPER = {"A": "Ref.", "B": "Question", "C": "Supplier", "D": "Supplier", "E": "Evidence"}
BREW_LOWER = {"A": "no.", "B": "text", "C": "response", "D": "remarks", "E": "reference"}
BREW_ROLES = {"A": "id", "B": "question", "C": "answer", "D": "comment", "E": "evidence"}
#: (ref, question, existing answer, existing remark, existing evidence)
BREW_ROWS: list[tuple[str, str, str | None, str | None, str | None]] = [
    ("TP-01", "Do trade customers sign in to the ordering portal with their own accounts rather than one login per "
              "pub?", None, None, None),
    ("TP-02", "Can the credit limits of licensed premises be changed only by our finance team?", None, None, None),
    ("TP-03", "Is every duty-suspended stock movement recorded so that it can be traced to the order behind it?",
     None, None, None),
    ("TP-04", "Is the trade price list hidden from visitors who have not signed in, and protected from scraping?",
     None, None, None),
    ("TP-05", "Are drivers' proof-of-delivery photos stored against the order and removed after two years?", "Yes",
     None, None),
    ("TP-06", "Can a pub manager order for another venue only when head office has linked the two accounts?", None,
     None, None),
    ("TP-07", "Are cask-return records synchronised with the warehouse system at least once an hour?", None, None,
     None),
    ("TP-08", "Is the buyer's age checked for every sale made through the portal's public web shop?", "Partly",
     "Checked at the door on delivery; an online check is due to go live in March.", "Age-check-procedure-2026.pdf"),
    ("TP-09", "Are the card details of trade accounts tokenised by your payment provider?", None, None, None),
    ("TP-10", "Do you rehearse restoring the order database at least twice a year?", None, None, None),
    ("TP-11", "Is our list of trade customers kept out of any marketing you send on your own behalf?", None, None,
     None),
    ("TP-12", "Will you tell us before adding a subcontractor that can see order or customer data?", None, None,
     None),
]


def heading_words_split_over_two_rows(folder: Path) -> Layout:
    wb = Workbook()
    ws = wb.active
    ws.title = BREW_SHEET
    caption(ws, "A1", "Copperkettle Brewing Co. – Trade Ordering Portal: Supplier Review", "A1:E1")
    small_print(ws, "A2", "Please answer each question from the list and give remarks and evidence where you can.",
                "A2:E2")
    heading_row(ws, BREW_UPPER_ROW, BREW_UPPER, paint="rust")
    heading_row(ws, BREW_HEADER_ROW, BREW_LOWER, paint="rust")
    items: list[ExpectedItem] = []
    cells: list[str] = []
    for row, (id_, question, existing, remark, evidence) in enumerate(BREW_ROWS, start=BREW_HEADER_ROW + 1):
        body_row(ws, row, {"A": id_, "B": question, "C": existing, "D": remark, "E": evidence}, "ABCDE")
        ws[f"C{row}"].alignment = MIDDLE
        ws[f"C{row}"].fill = PAINT["input"]
        cells.append(f"C{row}")
        items.append(expect(BREW_SHEET, row, question, "C", id_, comment="D", evidence="E", allowed=BREWERY_CHOICES,
                            existing=existing, existing_comment=remark, section=[]))
    list_validation(ws, BREWERY_CHOICES, f"{cells[0]}:{cells[-1]}")
    col_widths(ws, A=8, B=72, C=12, D=40, E=26)
    path = store(wb, folder, "Copperkettle_trade_portal_supplier_review.xlsx")
    return Layout(
        name="heading_words_split_over_two_rows",
        path=path,
        format="xlsx",
        sheets=[sheet_of(BREW_SHEET, BREW_HEADER_ROW, dict(BREW_ROLES))],
        items=items,
        note="Headings typed over two rows of cells, not merged: row 4 'Ref.', 'Question', 'Supplier', 'Supplier', "
             "'Evidence'; row 5 'no.', 'text', 'response', 'remarks', 'reference'. CONVENTION: each heading is both "
             "rows' words ('Supplier response'); the header row is the LOWER row (5), and row 4 is part of the header."
             " Items: the 12 rows under the header; id A ('TP-01' ...), question B, answer cell C, allowed answers "
             "Yes, No, Partly, N/A from its drop-down (source validation), comment D ('Supplier remarks'), evidence E "
             "('Evidence reference'). No section rows (section []). Two rows already answered.",
    )


# --- the registry ---------------------------------------------------------------------------------------

HELDOUT14_LAYOUTS: list[Callable[[Path], Layout]] = [
    minimal_writer_no_cell_refs,
    xlsxwriter_rich_text_questions,
    eu_semicolon_csv_decimal_commas,
    two_row_header_two_groups,
    answer_left_of_question,
    non_list_validation_answered,
    column_number_row_under_header,
    heading_words_split_over_two_rows,
]

#: The same builders by layout name (the form `bench/layout_bench.py` takes for a group).
HELDOUT14_BY_NAME: dict[str, Callable[[Path], Layout]] = {b.__name__: b for b in HELDOUT14_LAYOUTS}


# --- self-check -----------------------------------------------------------------------------------

_READS_LIKE = re.compile(r"^(.*)!row (\d+): reads like an item but is neither an item nor a decoy$")

#: Complaints of the imported checks that this file replaces with a check of its own, per layout (besides
#: rows registered in DECOYS14).
REPLACED: dict[str, list[tuple[re.Pattern[str], str]]] = {
    "two_row_header_two_groups": [
        (re.compile(r"^sheet 'PMS Supplier Response': column A \(id\) is headed ''$"),
         "_feature_two_groups: 'Ref' merged down over rows 4-5"),
        (re.compile(r"^sheet 'PMS Supplier Response': column B \(question\) is headed ''$"),
         "_feature_two_groups: 'Question' merged down over rows 4-5"),
        (re.compile(r"^sheet 'PMS Supplier Response': column D \(comment\) is headed 'Explanation'$"),
         "_feature_two_groups: 'Explanation' under 'Supplier response'"),
    ],
    "heading_words_split_over_two_rows": [
        (re.compile(r"^sheet 'Trade Portal Review': column B \(question\) is headed 'text'$"),
         "_feature_split_words: 'Question' / 'text'"),
        (re.compile(r"^sheet 'Trade Portal Review': column E \(evidence\) is headed 'reference'$"),
         "_feature_split_words: 'Evidence' / 'reference'"),
    ],
}


def _is_replaced(layout: Layout, problem: str) -> bool:
    if any(pattern.search(problem) for pattern, _ in REPLACED.get(layout.name, [])):
        return True
    match = _READS_LIKE.match(problem)
    return bool(match and (match.group(1), int(match.group(2))) in DECOYS14.get(layout.name, {}))


def _views(layout: Layout) -> list[Layout]:
    """The layout as the imported checks can read it (see the module docstring)."""
    view = copy.deepcopy(layout)
    if layout.name == "non_list_validation_answered":
        ws = openpyxl.load_workbook(layout.path)[GYM_SHEET]
        for item in view.items:
            if item.existing_answer is not None and not item.allowed_answers:
                item.existing_answer = ws[f"C{item.row}"].value
    return [view]


def _walk14(ws: Any, layout: Layout, sheet_name: str, question: str, first: int, last: int, bands: dict[int, str],
            min_bands: int = 0) -> list[str]:
    """Rows first..last: a registered decoy is no item; a band row (of `bands`) sets the section; every item's
    section is the band above it ([] before any); every other row with text in the question column, or a cell
    ending in '?', is a problem."""
    problems: list[str] = []
    decoys = DECOYS14.get(layout.name, {})
    items = {item.row: item for item in layout.items if item.sheet == sheet_name}
    section: str | None = None
    seen = set()
    for row in range(first, last + 1):
        if (sheet_name, row) in decoys:
            if row in items:
                problems.append(f"row {row}: both a decoy ({decoys[(sheet_name, row)]}) and an item")
        elif row in bands:
            section = bands[row]
            seen.add(section)
            if row in items:
                problems.append(f"row {row}: a band row taken for an item")
        elif row in items:
            want = [section] if section else []
            if items[row].section != want:
                problems.append(f"row {row}: section {items[row].section!r}, the band above says {want!r}")
        elif (isinstance(ws[f"{question}{row}"].value, str)
              or any(isinstance(c.value, str) and c.value.rstrip().endswith("?") for c in ws[row])):
            problems.append(f"row {row}: a question-like row that is neither an item, a band nor a decoy")
    if len(seen) < min_bands:
        problems.append(f"fewer than {min_bands} band rows")
    return problems


def _answered(layout: Layout, low: int = 1, high: int = 2) -> list[str]:
    count = sum(item.existing_answer is not None for item in layout.items)
    return [] if low <= count <= high else [f"{count} rows already answered, the set wants {low}-{high}"]


# --- one check per layout of the feature it exercises ---------------------------------------------


def _positions(sheet_xml: bytes) -> dict[tuple[int, int], str | None]:
    """(row, column) -> inline text, counted in document order (no r attributes), empty cells included."""
    root = ET.fromstring(sheet_xml)
    data = root.find(f"{{{NS_MAIN}}}sheetData")
    out: dict[tuple[int, int], str | None] = {}
    for row_no, row in enumerate(data.findall(f"{{{NS_MAIN}}}row"), start=1):
        for col_no, cell in enumerate(row.findall(f"{{{NS_MAIN}}}c"), start=1):
            texts = [t.text or "" for t in cell.iter(f"{{{NS_MAIN}}}t")]
            out[(row_no, col_no)] = "".join(texts) if texts else None
    return out


def _feature_minimal(layout: Layout) -> list[str]:
    problems: list[str] = []
    with zipfile.ZipFile(layout.path) as zf:
        names = zf.namelist()
        sheet_xml = zf.read("xl/worksheets/sheet1.xml")
    if sorted(names) != sorted(MINIMAL_PARTS):
        problems.append(f"package parts {names}, expected only {MINIMAL_PARTS}")
    text = sheet_xml.decode("utf-8")
    if re.search(r"<(row|c)\b[^>]*\br=", text):
        problems.append("a <row> or <c> carries an r attribute")
    if "<dimension" in text or " s=" in text:
        problems.append("the sheet has a <dimension> or styled cells")
    valued = re.findall(r"<c\b([^>/]*)>", text)
    if not valued or any('t="inlineStr"' not in attributes for attributes in valued):
        problems.append("a cell with a value is not an inline string")
    if text.count("<row/>") < 3 or text.count("<c/>") < 5:
        problems.append("the layout wants blank rows as <row/> and blank cells as <c/>")
    wb = openpyxl.load_workbook(layout.path)
    sheet = _only_sheet(layout)
    ws = wb[sheet.name]
    positions = _positions(sheet_xml)
    seen_by_openpyxl = {(c.row, c.column): c.value for r in ws.iter_rows() for c in r if c.value is not None}
    counted = {key: value for key, value in positions.items() if value is not None}
    if counted != seen_by_openpyxl:
        problems.append("openpyxl and the counted positions disagree")
    rows, _, bands, header_row, footer_row = _minimal_rows()
    if sheet.header_row != header_row or sheet.columns != MIN_ROLES:
        problems.append(f"header row {sheet.header_row} / roles {sheet.columns}, expected {header_row} / {MIN_ROLES}")
    if {letter: counted.get((header_row, i)) for i, letter in enumerate("ABCD", start=1)} != MIN_HEADER:
        problems.append("the header is not on the expected row")
    found_bands = {r: counted[(r, 1)] for r in range(header_row + 1, ws.max_row + 1)
                   if (r, 1) in counted and not any((r, c) in counted for c in range(2, 5))
                   and (sheet.name, r) not in DECOYS14.get(layout.name, {})}
    if found_bands != bands:
        problems.append(f"section rows {found_bands}, expected {bands}")
    if counted.get((footer_row, 1)) != MIN_FOOTER or footer_row <= max(item.row for item in layout.items):
        problems.append("the footer is not under the table")
    for item in layout.items:
        problems += _plain_item_problems(wb, ws, item, sheet.columns, COLLECTION_CHOICES)
    problems += _walk14(ws, layout, sheet.name, "B", header_row + 1, ws.max_row, bands, min_bands=3)
    problems += _answered(layout)
    return problems


def _feature_rich_text(layout: Layout) -> list[str]:
    problems: list[str] = []
    wb = openpyxl.load_workbook(layout.path)
    rich = openpyxl.load_workbook(layout.path, rich_text=True)
    sheet = _only_sheet(layout)
    ws = wb[sheet.name]
    if [s.name for s in layout.sheets] != [FERRY_SHEET, FERRY_OPTIONS] or layout.sheets[1].status != "ignored":
        problems.append("the option sheet is not the second, ignored sheet")
    if wb[FERRY_OPTIONS].sheet_state != "visible" or wb[FERRY_OPTIONS]["A1"].value != "Answer options":
        problems.append("the option sheet is not visible with its heading")
    problems += _header_problems(ws, sheet.header_row, FERRY_HEADER)
    with zipfile.ZipFile(layout.path) as zf:
        names = zf.namelist()
        sheet_xml = zf.read("xl/worksheets/sheet1.xml").decode("utf-8")
    if "xl/sharedStrings.xml" not in names or 'inlineStr' in sheet_xml or 'spans="' not in sheet_xml:
        problems.append("not written the way xlsxwriter writes (shared strings, row spans)")
    breaks = 0
    for item in layout.items:
        value = rich[sheet.name][f"B{item.row}"].value
        blocks = list(value) if not isinstance(value, str) else []
        if len(blocks) != 2 or not getattr(getattr(blocks[0], "font", None), "b", False) \
                or getattr(getattr(blocks[1], "font", None), "b", False):
            problems.append(f"row {item.row}: the question is not a bold lead-in run and a plain run")
            continue
        if not str(blocks[0]).endswith(". ") or not item.question.startswith(collapse(str(blocks[0]))):
            problems.append(f"row {item.row}: the bold lead-in is not the start of the question")
        breaks += "\n" in str(blocks[1])
        problems += _plain_item_problems(wb, ws, item, sheet.columns, FERRY_CHOICES)
        found = _validations_over(ws, f"C{item.row}")
        if not found or found[0].formula1 != FERRY_RANGE:
            problems.append(f"row {item.row}: the drop-down is not {FERRY_RANGE}")
        if item.existing_answer is None and item.evidence_cell and ws[f"E{item.row}"].value is not None:
            problems.append(f"row {item.row}: evidence on an unanswered row")
    if breaks != 4:
        problems.append(f"{breaks} questions hold a line break, the layout wants 4")
    if _resolve_list(wb, sheet.name, FERRY_RANGE) != FERRY_CHOICES:
        problems.append("the option range does not hold the choices")
    problems += _walk14(ws, layout, sheet.name, "B", sheet.header_row + 1, ws.max_row, _band_rows(ws), min_bands=3)
    problems += _answered(layout)
    return problems


def _feature_eu_csv(layout: Layout) -> list[str]:
    problems: list[str] = []
    raw = layout.path.read_bytes()
    if raw.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")):
        problems.append("the file starts with a byte-order mark")
    try:
        raw.decode("utf-8")
        problems.append("the file decodes as UTF-8: it is not Windows-1252")
    except UnicodeDecodeError:
        pass
    for byte, what in ((b"\x92", "’"), (b"\x96", "–"), (b"\xe9", "é")):
        if byte not in raw:
            problems.append(f"no {what} encoded as Windows-1252")
    if raw.count(b"\r\n") != raw.count(b"\n"):
        problems.append("a line does not end with CRLF")
    text = raw.decode(layout.encoding or "utf-8")
    records = list(csv.reader(io.StringIO(text, newline=""), delimiter=layout.delimiter or ",", strict=True))
    if {len(record) for record in records} != {len(EU_HEADER)}:
        problems.append("records are not all padded to the table's width")
    if records[0][0] != EU_TITLE or any(records[0][1:]) or any(records[1]):
        problems.append("rows 1 and 2 are not the title and a blank record")
    sheet = layout.sheets[0]
    if sheet.header_row != EU_HEADER_ROW or records[EU_HEADER_ROW - 1] != EU_HEADER or sheet.columns != EU_ROLES:
        problems.append(f"the header is not record {EU_HEADER_ROW} with roles {EU_ROLES}")
    if sum(len(line.split(",")) != len(EU_HEADER) for line in text.split("\r\n")[EU_HEADER_ROW:] if line) < 10:
        problems.append("too few records that a comma reading would break")
    by_row = {item.row: item for item in layout.items}
    section = None
    commas = 0
    for row in range(EU_HEADER_ROW + 1, len(records) + 1):
        record = records[row - 1]
        if record[0] and not any(record[1:]):
            section = record[0]
            if row in by_row or not re.match(r"^\d – ", section):
                problems.append(f"row {row}: a section record taken for an item, or not a section title")
            continue
        item = by_row.get(row)
        if item is None:
            problems.append(f"row {row}: a record that is neither an item nor a section")
            continue
        if (item.id, item.question, item.existing_answer, item.existing_comment) != \
                (record[0], record[1], record[3] or None, record[4] or None):
            problems.append(f"row {row}: the item does not match its record")
        if item.answer_cell != ref(sheet.name, "D", row) or item.comment_cell != ref(sheet.name, "E", row) \
                or item.evidence_cell is not None:
            problems.append(f"row {row}: the item's cells are not D and E on its record")
        if item.allowed_answers or item.allowed_answers_source is not None or item.guidance is not None:
            problems.append(f"row {row}: allowed answers or guidance on a free-text CSV row")
        if item.section != ([section] if section else []):
            problems.append(f"row {row}: section {item.section!r}, the records say {section!r}")
        if not re.fullmatch(r"\d+(,\d+)?", record[2]):
            problems.append(f"row {row}: the weighting {record[2]!r} is not a decimal-comma number")
        commas += "," in record[2]
    if commas < 6:
        problems.append("the layout wants decimal commas in most weightings")
    if len(by_row) != len(layout.items) or any(row > len(records) for row in by_row):
        problems.append("items off the file's records")
    problems += _answered(layout)
    return problems


def _feature_two_groups(layout: Layout) -> list[str]:
    problems: list[str] = []
    wb = openpyxl.load_workbook(layout.path)
    sheet = _only_sheet(layout)
    ws = wb[sheet.name]
    if sheet.header_row != VET_HEADER_ROW or sheet.columns != VET_ROLES:
        problems.append(f"header row {sheet.header_row} / roles {sheet.columns}, expected {VET_HEADER_ROW} / "
                        f"{VET_ROLES} (the buyer's columns have no role)")
    merges = {m.coord for m in ws.merged_cells.ranges}
    if not VET_MERGES <= merges:
        problems.append(f"the header merges {sorted(VET_MERGES - merges)} are missing")
    problems += _header_problems(ws, VET_UPPER_ROW, VET_UPPER)
    problems += _header_problems(ws, VET_HEADER_ROW, VET_LOWER)
    for letter in "AB":
        if ws[f"{letter}{VET_HEADER_ROW}"].value is not None or not _hidden_by_merge(ws, letter, VET_HEADER_ROW):
            problems.append(f"{letter}{VET_HEADER_ROW} is not covered by the heading merged down")
    for item in layout.items:
        problems += _plain_item_problems(wb, ws, item, sheet.columns, VET_CHOICES)
        buyer = _validations_over(ws, f"E{item.row}")
        if len(buyer) != 1 or _resolve_list(wb, sheet.name, buyer[0].formula1) != VET_BUYER_CHOICES:
            problems.append(f"row {item.row}: the buyer's Rating has no drop-down of its own")
        for letter in "EF":
            cell = ws[f"{letter}{item.row}"]
            if cell.value is not None or cell.fill.fgColor.rgb not in ("00D9D9D9", "FFD9D9D9"):
                problems.append(f"row {item.row}: the buyer's cell {letter} is filled in or not grey")
    problems += _walk14(ws, layout, sheet.name, "B", VET_HEADER_ROW + 1, ws.max_row, _band_rows(ws), min_bands=3)
    problems += _answered(layout)
    return problems


def _feature_answer_left(layout: Layout) -> list[str]:
    problems: list[str] = []
    wb = openpyxl.load_workbook(layout.path)
    sheet = _only_sheet(layout)
    ws = wb[sheet.name]
    problems += _header_problems(ws, sheet.header_row, STUDIO_HEADER)
    if sheet.columns != STUDIO_ROLES:
        problems.append(f"roles {sheet.columns}, expected {STUDIO_ROLES}")
    bands = _band_rows(ws)
    for row, text in bands.items():
        if _validations_over(ws, f"A{row}"):
            problems.append(f"row {row}: the band's cell in the answer column carries the drop-down")
    for item in layout.items:
        problems += _plain_item_problems(wb, ws, item, sheet.columns, STUDIO_CHOICES)
        if split_ref(item.answer_cell)[1] != "A":
            problems.append(f"row {item.row}: the answer is not in column A, left of the question")
    problems += _walk14(ws, layout, sheet.name, "C", sheet.header_row + 1, ws.max_row, bands, min_bands=3)
    problems += _answered(layout)
    return problems


def _gym_kinds() -> dict[str, str]:
    return {id_: kind for _, questions in GYM_SECTIONS for id_, _, kind, _, _ in questions}


def _feature_non_list(layout: Layout) -> list[str]:
    problems: list[str] = []
    wb = openpyxl.load_workbook(layout.path)
    sheet = _only_sheet(layout)
    ws = wb[sheet.name]
    problems += _header_problems(ws, sheet.header_row, GYM_HEADER)
    kinds = _gym_kinds()
    by_id = {item.id: item for item in layout.items}
    if set(by_id) != set(kinds):
        problems.append(f"items {sorted(by_id, key=str)}, expected every row of the table ({sorted(kinds)})")
    answered_kinds = []
    for item in layout.items:
        cell = ws[f"C{item.row}"]
        found = _all_validations_over(ws, cell.coordinate)
        types = [dv.type for dv in found]
        kind = kinds.get(item.id)
        if types != [kind]:
            problems.append(f"row {item.row}: validations {types}, expected one {kind}")
            continue
        if kind == "list":
            problems += _plain_item_problems(wb, ws, item, sheet.columns, GYM_CHOICES)
            continue
        if item.allowed_answers or item.allowed_answers_source is not None:
            problems.append(f"row {item.row}: allowed answers from a {kind} validation")
        want_format = GYM_DATE_FORMAT if kind == "date" else "0"
        if cell.number_format != want_format:
            problems.append(f"row {item.row}: the {kind} cell is formatted {cell.number_format!r}")
        if item.existing_answer != _displayed(cell.value, cell.number_format):
            problems.append(f"row {item.row}: existing answer {item.existing_answer!r}, the cell shows "
                            f"{_displayed(cell.value, cell.number_format)!r}")
        if cell.value is not None:
            answered_kinds.append(kind)
            if kind == "date" and not isinstance(cell.value, datetime):
                problems.append(f"row {item.row}: the date answer is not stored as a date")
            if kind == "whole" and not isinstance(cell.value, int):
                problems.append(f"row {item.row}: the number answer is not stored as a number")
        if (item.question, item.id, item.answer_cell, item.comment_cell, item.existing_comment) != (
                collapse(ws[f"B{item.row}"].value), ws[f"A{item.row}"].value, ref(sheet.name, "C", item.row),
                ref(sheet.name, "D", item.row), ws[f"D{item.row}"].value):
            problems.append(f"row {item.row}: question, id or cells differ from the row")
        if kind == "date" and found[0].operator != "between":
            problems.append(f"row {item.row}: the date validation is not a range")
    if sorted(answered_kinds) != ["date", "whole"]:
        problems.append(f"answered non-list rows {answered_kinds}, the layout wants one date and one number")
    if sorted(kinds.values()).count("date") < 2 or sorted(kinds.values()).count("whole") < 2:
        problems.append("the layout wants two date rows and two number rows")
    if not any(not item.question.endswith("?") for item in layout.items):
        problems.append("the layout wants a date row worded without a question mark")
    problems += _walk14(ws, layout, sheet.name, "B", sheet.header_row + 1, ws.max_row, _band_rows(ws), min_bands=3)
    problems += _answered(layout)
    return problems


def _feature_column_numbers(layout: Layout) -> list[str]:
    problems: list[str] = []
    wb = openpyxl.load_workbook(layout.path)
    sheet = _only_sheet(layout)
    ws = wb[sheet.name]
    if sheet.header_row != FIRE_HEADER_ROW or sheet.columns != FIRE_ROLES:
        problems.append(f"header row {sheet.header_row} / roles {sheet.columns}, expected {FIRE_HEADER_ROW} / "
                        f"{FIRE_ROLES}")
    problems += _header_problems(ws, FIRE_HEADER_ROW, FIRE_HEADER)
    numbers = [ws[f"{letter}{FIRE_NUMBER_ROW}"].value for letter in "ABCDE"]
    if numbers != [1, 2, 3, 4, 5] or not all(ws[f"{l}{FIRE_NUMBER_ROW}"].font.i for l in "ABCDE"):
        problems.append(f"row {FIRE_NUMBER_ROW} does not number the columns 1-5 in italics: {numbers}")
    if any(_validations_over(ws, f"{l}{FIRE_NUMBER_ROW}") for l in "ABCDE"):
        problems.append("a drop-down over the numbering row")
    instruction = ws["A3"].value or ""
    if "column 3" not in instruction or FIRE_HEADER["C"] != "Supplier response" \
            or numbers[2] != 3 or {r: l for l, r in sheet.columns.items()}.get("answer") != "C":
        problems.append("the instruction's 'column 3' is not the answer column")
    if any(item.row <= FIRE_NUMBER_ROW for item in layout.items):
        problems.append("an item on or above the numbering row")
    for item in layout.items:
        problems += _plain_item_problems(wb, ws, item, sheet.columns, FIRE_CHOICES)
        if not isinstance(ws[f"A{item.row}"].value, int):
            problems.append(f"row {item.row}: the item number is not a whole number")
    problems += _walk14(ws, layout, sheet.name, "B", FIRE_HEADER_ROW + 1, ws.max_row, _band_rows(ws), min_bands=3)
    problems += _answered(layout)
    return problems


def _feature_split_words(layout: Layout) -> list[str]:
    problems: list[str] = []
    wb = openpyxl.load_workbook(layout.path)
    sheet = _only_sheet(layout)
    ws = wb[sheet.name]
    if sheet.header_row != BREW_HEADER_ROW or sheet.columns != BREW_ROLES:
        problems.append(f"header row {sheet.header_row} / roles {sheet.columns}, expected {BREW_HEADER_ROW} / "
                        f"{BREW_ROLES}")
    problems += _header_problems(ws, BREW_UPPER_ROW, BREW_UPPER)
    problems += _header_problems(ws, BREW_HEADER_ROW, BREW_LOWER)
    if any(m.min_row <= BREW_HEADER_ROW and m.max_row >= BREW_UPPER_ROW for m in ws.merged_cells.ranges):
        problems.append("a merge in the header rows: the words are meant to stand in separate cells")
    if BREW_UPPER["C"] != BREW_UPPER["D"]:
        problems.append("the upper row is meant to leave the two Supplier columns alike")
    joined = {letter: f"{BREW_UPPER[letter]} {BREW_LOWER[letter]}" for letter in "ABCDE"}
    want = {"A": "Ref. no.", "B": "Question text", "C": "Supplier response", "D": "Supplier remarks",
            "E": "Evidence reference"}
    if joined != want:
        problems.append(f"the joined headings are {joined}")
    for item in layout.items:
        problems += _plain_item_problems(wb, ws, item, sheet.columns, BREWERY_CHOICES)
        if item.section != []:
            problems.append(f"row {item.row}: section {item.section!r} on a sheet without section rows")
    if [item.row for item in layout.items] != list(range(BREW_HEADER_ROW + 1, BREW_HEADER_ROW + 1 + len(BREW_ROWS))):
        problems.append("the items are not every row under the header")
    problems += _walk14(ws, layout, sheet.name, "B", BREW_HEADER_ROW + 1, ws.max_row, {})
    problems += _answered(layout)
    return problems


FEATURES: dict[str, Callable[[Layout], list[str]]] = {
    "minimal_writer_no_cell_refs": _feature_minimal,
    "xlsxwriter_rich_text_questions": _feature_rich_text,
    "eu_semicolon_csv_decimal_commas": _feature_eu_csv,
    "two_row_header_two_groups": _feature_two_groups,
    "answer_left_of_question": _feature_answer_left,
    "non_list_validation_answered": _feature_non_list,
    "column_number_row_under_header": _feature_column_numbers,
    "heading_words_split_over_two_rows": _feature_split_words,
}


def check_layout(layout: Layout) -> list[str]:
    """Every check of one built layout against its file: the imported ones (on the view they can read, less the
    complaints this file replaces), the layout's own feature check and the order of items and ids."""
    problems: list[str] = []
    try:
        for problem in _imported_problems(layout, _views(layout), _is_replaced):
            if problem not in problems:
                problems.append(problem)
    except (IndexError, ValueError, KeyError) as error:
        problems = [f"the imported checks cannot read the layout ({type(error).__name__}: {error})"]
    problems += _feature_problems(layout, FEATURES, FEATURE_ERRORS + (StopIteration,))
    problems += _order_problems(layout, 1)
    return problems


# --- deliberate mistakes aimed at each layout's feature ---------------------------------------------


def _moved(item: ExpectedItem, rows: int) -> None:
    item.row += rows
    for field in ("answer_cell", "comment_cell", "evidence_cell"):
        reference = getattr(item, field)
        if reference is not None:
            sheet, column, row = split_ref(reference)
            setattr(item, field, ref(sheet or "", column, row + rows))


def _aimed_mistake(layout: Layout) -> tuple[str, Layout] | None:
    wrong = copy.deepcopy(layout)
    name = layout.name
    if name == "minimal_writer_no_cell_refs":
        rows, _, _, _, _ = _minimal_rows()
        blank = [index for index, values in enumerate(rows, start=1) if not values]
        for item in wrong.items:
            _moved(item, -sum(b < item.row for b in blank))
        for sheet in wrong.sheets:
            sheet.header_row -= sum(b < sheet.header_row for b in blank)
        return "rows counted without the empty <row/> elements", wrong
    if name == "xlsxwriter_rich_text_questions":
        for item, lead in zip(wrong.items, [q[1] for _, qs in FERRY_SECTIONS for q in qs]):
            item.question = collapse(lead)
        return "only the bold lead-in run taken for the question", wrong
    if name == "eu_semicolon_csv_decimal_commas":
        for item in wrong.items:
            _moved(item, -2)
        for sheet in wrong.sheets:
            sheet.header_row = 1
        return "rows numbered from the header (the title and blank records not counted)", wrong
    if name == "two_row_header_two_groups":
        for item in wrong.items:
            item.answer_cell = ref(item.sheet, "E", item.row)
            item.comment_cell = ref(item.sheet, "F", item.row)
            item.allowed_answers = list(VET_BUYER_CHOICES)
            item.existing_answer = item.existing_comment = None
        for sheet in wrong.sheets:
            sheet.columns = {"A": "id", "B": "question", "E": "answer", "F": "comment"}
        return "the buyer's Rating column taken for the answer", wrong
    if name == "answer_left_of_question":
        ws = openpyxl.load_workbook(layout.path)[STUDIO_SHEET]
        for item in wrong.items:
            item.answer_cell = ref(item.sheet, "D", item.row)
            item.existing_answer = ws[f"D{item.row}"].value
            item.comment_cell = item.existing_comment = None
        for sheet in wrong.sheets:
            sheet.columns = {"B": "id", "C": "question", "D": "answer"}
        return "the answer looked for right of the question (Notes)", wrong
    if name == "non_list_validation_answered":
        wrong.items = [item for item in wrong.items if item.allowed_answers]
        return "the whole-number and date rows left out", wrong
    if name == "column_number_row_under_header":
        for sheet in wrong.sheets:
            sheet.header_row = FIRE_NUMBER_ROW
        return "the column-number row taken for the header", wrong
    if name == "heading_words_split_over_two_rows":
        for sheet in wrong.sheets:
            sheet.header_row = BREW_UPPER_ROW
        wrong.items.insert(0, ExpectedItem(BREW_SHEET, BREW_HEADER_ROW, "text", ref(BREW_SHEET, "C", BREW_HEADER_ROW),
                                           "no.", section=[], comment_cell=ref(BREW_SHEET, "D", BREW_HEADER_ROW),
                                           evidence_cell=ref(BREW_SHEET, "E", BREW_HEADER_ROW),
                                           existing_answer="response", existing_comment="remarks"))
        return "the header read as the upper row, its lower words row taken for an item", wrong
    return None


# --- running the set ----------------------------------------------------------------------------------


def self_check(verbose: bool = True) -> int:
    """Writes every file of this set into a temporary folder and checks its expectations (with heldout_layouts6's
    runner, which also compares the questions with sets 6 to 13); returns the number of problems (0 when every
    layout is described by its expectations, every deliberate mistake is caught and nothing repeats an earlier
    set)."""
    return _run_set(14, HELDOUT14_LAYOUTS, check_layout, _aimed_mistake,
                    later=((6, "sixth", HELDOUT6_LAYOUTS), (7, "seventh", HELDOUT7_LAYOUTS),
                           (8, "eighth", HELDOUT8_LAYOUTS), (9, "ninth", HELDOUT9_LAYOUTS),
                           (10, "tenth", HELDOUT10_LAYOUTS), (11, "eleventh", HELDOUT11_LAYOUTS),
                           (12, "twelfth", HELDOUT12_LAYOUTS), (13, "thirteenth", HELDOUT13_LAYOUTS)),
                    formats=("xlsx", "csv"), one_item_per_row=True, items_per_file=(8, 20), verbose=verbose)


if __name__ == "__main__":
    sys.exit(1 if self_check() else 0)
