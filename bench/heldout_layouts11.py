#!/usr/bin/env python3
"""Eleventh held-out set of synthetic questionnaires for `bench/layout_bench.py`: questionnaires with
scoring machinery, cells the vendor must not touch, and input marked only by convention.

Written on 2026-12-07 by a helper that did not see the detector's code, its tests, its documentation
or the bench's README, and did not run the tool. It saw only: all of bench/heldout_layouts10.py and
bench/heldout_layouts9.py (the models for this file); the helper functions those two files import
from the earlier sets, with those files' module docstrings where read (bench/heldout_layouts.py:
its docstring and `collapse`, `split_ref`, `_resolve_list`, `_validations_over`, `_hidden_by_merge`,
`_check_xlsx`, `_check_csv`, `_tuned_words`, `_near_duplicate` and its `self_check`;
bench/heldout_layouts4.py: its docstring, style helpers, `expect`, `DECOYS`, `ROLE_HEADINGS` and
self-check machinery (`_role_problems` ... `_earlier_sets`), and, by accident, the first ten lines of
its first builder, numbered_question_text, which nothing here uses; bench/heldout_layouts5.py:
`FOREIGN_HEADINGS`, `_excused`, `_imported_view`, `_all_earlier`, `_overlap_problems`;
bench/heldout_layouts6.py: its docstring and self-check machinery (`REPLACED` ... `_solid`,
`FEATURE_ERRORS` ... `_run_set`); bench/heldout_layouts7.py: `_records`, `_list_values`;
bench/heldout_layouts8.py: `_header_choices`, `_bands`, `_heading_problems`, `_section_walk`); the
types and small helpers at the top of Tests/oracle/questionnaire_layouts.py, up to its first
builder; the first eighty lines of the module docstring of bench/layout_bench.py (which record the
earlier sets' blind runs); and listings of the top-level names of these files. Nothing is copied
from a real or published template or product: every sheet, heading, question, answer list and
company name was written for this set.

Customers rarely send a bare list of questions: the sheet scores the answers, carries columns and
rows the vendor must leave alone, and marks the cells to fill by a convention (a colour, a
placeholder, a symbol) rather than by a heading. The eight files cover that:

- scored_questionnaire_formulas: a food manufacturer's supplier scorecard: "Ref", "Question", "Max
  Points" (the customer's number per question), "Response" (drop-down Yes/No/Partial/N/A), "Score"
  (on every question row a formula over that row's response and points,
  `=IF(D7="Yes",C7,IF(D7="Partial",C7/2,0))`, grey, with its cached result), "Comments"; below the
  table a "Total" row with SUM formulas and a "Compliance %" formula row that takes N/A questions
  out of the denominator;
- print_repeated_headers: a water authority's contractor questionnaire laid out for printing on
  three pages: each page ends with a "Page n of 3" row, a blank spacer row follows and then the
  header row is repeated (rows 5, 17 and 26 hold the same headings), with a manual page break after
  each spacer, a print area and a landscape fit-to-width page set-up; two sections run on across a
  page break with no new section row; the drop-down covers the whole reply range, repeated headers
  and page rows included;
- shaded_input_cells: a law firm's supplier review whose instructions say "Complete the cells shaded
  yellow": the answer column's heading cell is EMPTY (styled like the other headings, no text), the
  answer and the optional comment cells of the question rows are the only cells filled solid
  yellow besides a legend swatch and a supplier-name field above the table; no drop-down, no
  protection; a note row inside the table ("Questions 2.5 and 2.6 apply only ...") has no yellow
  cell;
- non_list_validation_mixed: a biotech company's LIMS supplier questionnaire with one "Response"
  column whose data validation differs row by row: a Yes/No list on most rows, a whole number
  (>= 0) on the "How many ..." rows, a date (between 1 Jan 2015 and 31 Dec 2030) on the "When was
  your last ..." rows, a text length (<= 1,000) on the "Describe ..." rows, each with its own input
  message;
- two_row_grouped_header_vendor_block: an energy company's requirements matrix whose header is two
  rows tall: "Customer Requirement" merged over the id and requirement columns and "Vendor Response"
  merged over "Answer", "Explanation" and "Evidence Reference" on the top row, the column headings
  on the lower row; every requirement cell merged across three columns (B:D, heading included);
  panes frozen below the header;
- checkbox_symbol_dropdown: a hotel group's vendor checklist whose drop-down values are symbols and
  words, "☑ Yes", "☐ No", "◐ Partly", "— N/A", explained by a legend block above the table; a
  "Guidance" column filled on some rows;
- answer_cells_prefilled_formula_defaults: a credit union's due-diligence sheet whose answer cells
  start with a placeholder: a formula default (`="Not answered"`, `=IF(TRUE,"Select","")`, with its
  cached result) or the text "Select…" in grey italics; two questions already answered; a "Status"
  formula column ("Open" / "Answered") and an "open questions" counter above the table;
- csv_with_scoring_columns: a scored questionnaire exported as CSV (UTF-8 with a BOM, comma, CRLF,
  every field quoted): "Ref", "Control Question", "Vendor Answer (Yes/No/N/A)", "Points", "Weighted
  Score", "Notes", then a blank line and three "TOTAL ..." summary records.

Expectations follow the conventions stated in bench/heldout_layouts.py and sets 4 to 10:

- an item is a row holding a question (or a requirement to respond to) whose answer goes in a
  cell; titles, instructions, legends, form fields, section rows, notes, repeated headers, page
  rows, totals and summary lines are not items;
- ids are the questionnaire's own, as displayed;
- answer, comment and evidence cells are absolute references on the item's row; allowed answers
  are the drop-down's values in order, exactly as written (source "validation"), or the choices
  written in the answer column's header parentheses (source "header"); free text has [] and source
  None;
- `question` is the cell's text with whitespace collapsed (`collapse`);
- `section` is the path of plain section heading rows, outermost first, [] where the sheet has none;
- `guidance` is the guidance column's text where the sheet has one (None on a row whose guidance
  cell is empty), None where it has none;
- a customer column (points, weight, score, status) has no role.

Conventions this set had to decide (each layout's `note` repeats its own):

- scoring machinery is the customer's: the "Max Points" column, the "Score" formula column and the
  "Total" / "Compliance %" rows have no role and are not items; a Score cell is never an answer
  cell, although every one of them holds a value (a formula, cached 0) computed from the row's
  answer. The answer is the drop-down column the Score formula reads;
- a header repeated for printing, the "Page n of 3" rows and the blank spacer rows are not items;
  the sheet's header row is the FIRST header row. A section runs on across a page break: the items
  on a new page that come before any new section row keep the section of the last section row
  above (the repeated header and page row do not end it). A drop-down over the whole reply range
  does not make a repeated header or a page row an item;
- input marked by convention (cells shaded yellow as the instructions say): the answer column is
  the column of the first yellow cell on each question row, although its heading cell is empty; the
  second yellow column, headed "Comments (optional)", is the comment. The answers are FREE TEXT ([]
  and source None): the instructions ask for "Yes or No, with any detail" in words, but nothing in
  the file (no drop-down, no header choices) offers a list, and instructions are not a source. A
  yellow cell that is not on a question row (the legend swatch, the "Supplier name" field) is not an
  item, and a note row without yellow cells is not an item;
- a data validation that is not a list (whole number, date, text length) gives NO allowed answers:
  those rows are free-text items ([] and source None) like rows without any validation; only a list
  validation gives allowed answers (source "validation");
- a header two rows tall, a grouping row ("Customer Requirement" / "Vendor Response") over the
  column headings, has its header row on the LOWER row (the one holding "Answer"), as in set 9; a
  question cell merged across B:D has its text in B, and B is the question column; the covered C and
  D have no role;
- drop-down values made of a symbol and a word ("☑ Yes") are the allowed answers exactly as the list
  holds them, symbol and space included (never reduced to "Yes"); the legend above the table has
  no role and its rows are not items;
- an answer cell holding a placeholder (a formula default such as `="Not answered"` or
  `=IF(TRUE,"Select","")`, or the text "Select…") is the row's answer cell, and the row is an item:
  the question still awaits the vendor. Its `existing_answer` is None: a placeholder is not an
  answer (the sheet's own Status formula counts such rows as "Open"), and the vendor's answer
  replaces it. Only a value from the list is an existing answer. The "Status" column and the
  counter have no role;
- a scored CSV: "Vendor Answer (Yes/No/N/A)" gives the allowed answers ["Yes", "No", "N/A"] (source
  "header", as in sets 6 and 10); "Points" and "Weighted Score" have no role; the blank record and
  the "TOTAL ..." records after the table are not items; the file has no section rows (section []).

Run `python bench/heldout_layouts11.py` (arguments, such as `--self-check`, are ignored, as in set
10) to write every file into a temporary folder and check, with openpyxl, zipfile and the csv module
alone (the checks of bench/heldout_layouts.py, bench/heldout_layouts4.py, bench/heldout_layouts5.py
and bench/heldout_layouts6.py, imported, plus one check per layout of the feature it exercises),
that the expectations describe the files, that deliberate mistakes (the imported ones: an answer
column shifted either way, a dropped item, an item off by one row; and one per layout aimed at its
feature) are caught, and that no sheet name or question repeats (or nearly repeats) one of the tuned
layouts or of the ten earlier held-out sets.

Where the imported checks cannot see a feature, this file says so and checks it itself: their
heading patterns want an answer word over the answer column and a heading over every role column,
so their two complaints about the empty answer heading of shaded_input_cells are replaced by that
layout's feature check (the yellow cells), and their complaint that "Explanation" is no comment
heading (two_row_grouped_header_vendor_block; their pattern knows "explain", not "explanation") by
that layout's check of the three columns under "Vendor Response"; they compare an answer cell's stored value with the
existing answer, so their complaint that a placeholder cell of answer_cells_prefilled_formula_defaults
holds a formula or "Select…" where None is expected is replaced by that layout's check of every
placeholder; they want CSV records of one width and no allowed answers in a CSV, so for
csv_with_scoring_columns their complaints about the blank record's width and the header choices are
replaced by that layout's check.

openpyxl writes a formula without a cached result; Excel saves one. The builders of the three
layouts with formulas write the results Excel would have cached into the saved sheet XML
(`_cache_results`, zipfile and regular expressions), and their feature checks read them back with
`load_workbook(data_only=True)`.

From bench/heldout_layouts6.py this file imports, as sets 7 to 10 do, the self-check machinery:
`_run_set` (sets 6 to 10 are passed as the later sets, so that the questions are compared with theirs
too), the parts of `check_layout` (`_imported_problems`, `_feature_problems`, `_order_problems`) and
`_role`; from bench/heldout_layouts10.py `_every_row_an_item` and `_headings`; from
bench/heldout_layouts9.py `_only_sheet`, `_drop_down_problems` and `_walk`; from
bench/heldout_layouts8.py `_bands`; from bench/heldout_layouts7.py `_records`; from
bench/heldout_layouts4.py the style helpers, `DECOYS` and `expect`; from bench/heldout_layouts.py
`collapse`, `split_ref` and `_validations_over`.
"""

from __future__ import annotations

import copy
import csv
import io
import re
import sys
import zipfile
from datetime import date
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
from openpyxl.styles import Alignment, Font, PatternFill  # noqa: E402
from openpyxl.utils.cell import column_index_from_string, get_column_letter  # noqa: E402
from openpyxl.worksheet.cell_range import CellRange  # noqa: E402
from openpyxl.worksheet.datavalidation import DataValidation  # noqa: E402
from openpyxl.worksheet.pagebreak import Break  # noqa: E402

from heldout_layouts import _validations_over, collapse, split_ref  # noqa: E402
from heldout_layouts4 import (  # noqa: E402
    B_FONT,
    DECOYS,
    FRAME,
    MIDDLE,
    PAINT,
    WRAP,
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
    _role,
    _run_set,
)
from heldout_layouts7 import HELDOUT7_LAYOUTS, _records  # noqa: E402
from heldout_layouts8 import HELDOUT8_LAYOUTS, _bands  # noqa: E402
from heldout_layouts9 import (  # noqa: E402
    HELDOUT9_LAYOUTS,
    _drop_down_problems,
    _only_sheet,
    _walk,
)
from heldout_layouts10 import HELDOUT10_LAYOUTS, _every_row_an_item, _headings  # noqa: E402
from questionnaire_layouts import (  # noqa: E402
    ExpectedItem,
    ExpectedSheet,
    Layout,
    list_validation,
    ref,
)

# --- this set's answer lists and looks ----------------------------------------------------------------

SCORE_CHOICES = ["Yes", "No", "Partial", "N/A"]
PRINT_CHOICES = ["Yes", "No", "Partly", "Not relevant"]
YES_NO = ["Yes", "No"]
MATRIX_CHOICES = ["Yes", "Partial", "No", "N/A"]
SYMBOL_CHOICES = ["☑ Yes", "☐ No", "◐ Partly", "— N/A"]
DUE_CHOICES = ["Yes", "No", "In progress", "N/A"]
CSV_CHOICES = ["Yes", "No", "N/A"]

CALC_FILL = PatternFill("solid", fgColor="E7E6E6")
CALC_FONT = Font(name="Verdana", size=9, color="404040")
TOTAL_FONT = Font(name="Verdana", bold=True, size=9, color="17324D")
YELLOW_RGB = "FFFF00"
YELLOW = PatternFill("solid", fgColor=YELLOW_RGB)
NOTE_FONT = Font(name="Verdana", italic=True, size=8, color="595959")
PLACEHOLDER_FONT = Font(name="Verdana", italic=True, size=9, color="808080")
PAGE_FONT = Font(name="Verdana", italic=True, size=8, color="7F7F7F")
LEGEND_FONT = Font(name="Segoe UI Symbol", size=10)
GUIDE_FONT = Font(name="Verdana", italic=True, size=8, color="404040")


def _rgb(cell: Any) -> str | None:
    """The last six hex digits of a cell's solid fill colour, or None."""
    fill = cell.fill
    if fill is None or fill.fill_type != "solid" or not isinstance(fill.fgColor.rgb, str):
        return None
    return fill.fgColor.rgb[-6:].upper()


def _coordinate(reference: str | None) -> str | None:
    if reference is None:
        return None
    _, column, row = split_ref(reference)
    return f"{column}{row}"


def _cache_results(path: Path, results: dict[str, Any], sheet_index: int = 1) -> None:
    """Writes into the saved sheet XML the results Excel would have cached for the formula cells
    `results` names (openpyxl writes `<f>...</f><v />`): numbers as they are, text with `t="str"`."""
    part = f"xl/worksheets/sheet{sheet_index}.xml"
    with zipfile.ZipFile(path) as source:
        parts = {info.filename: source.read(info.filename) for info in source.infolist()}
    xml = parts[part].decode("utf-8")
    for coordinate, value in results.items():
        pattern = re.compile(rf'<c r="{coordinate}"((?: [a-z]+="[^"]*")*)><f>(.*?)</f><v\s*/>')
        match = pattern.search(xml)
        if match is None:
            raise ValueError(f"no formula cell {coordinate} to cache a result in")
        attributes = re.sub(r' t="[^"]*"', "", match.group(1))
        if isinstance(value, str):
            cell = f'<c r="{coordinate}"{attributes} t="str"><f>{match.group(2)}</f><v>{escape(value)}</v>'
        else:
            number = str(int(value)) if float(value).is_integer() else repr(float(value))
            cell = f'<c r="{coordinate}"{attributes}><f>{match.group(2)}</f><v>{number}</v>'
        xml = xml[:match.start()] + cell + xml[match.end():]
    parts[part] = xml.encode("utf-8")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for name, data in parts.items():
            target.writestr(name, data)


def _all_validations_over(ws: Any, coordinate: str) -> list[Any]:
    """Every data validation (of any type) whose range covers `coordinate`."""
    return [dv for dv in ws.data_validations.dataValidation
            if any(coordinate in CellRange(str(r)) for r in dv.sqref.ranges)]


# --- 1. a scored questionnaire: points, a Score formula per row, totals and a compliance rate ----------

SCORE_SHEET = "Supplier Scorecard"
SCORE_HEADER = {"A": "Ref", "B": "Question", "C": "Max Points", "D": "Response", "E": "Score", "F": "Comments"}
SCORE_HEADER_ROW = 5
#: (section, [(ref, question, max points, existing response, existing comment)])
SCORE_SECTIONS: list[tuple[str, list[tuple[str, str, int, str | None, str | None]]]] = [
    ("A. Governance", [
        ("SC-01", "Does a board-level sponsor receive a written summary of security risks in the hosted ERP service "
                  "at least twice a year?", 3, "Yes", "Half-yearly risk report to the operations board."),
        ("SC-02", "Are security responsibilities for the hosted ERP service split between your staff and ours in a "
                  "signed responsibility matrix?", 2, None, None),
        ("SC-03", "Have all staff with access to our ERP tenant signed an acceptable use statement in the past twelve "
                  "months?", 1, None, None),
    ]),
    ("B. Access", [
        ("SC-04", "Is every ERP administrator account tied to a named person and reviewed by our IT lead each "
                  "quarter?", 3, None, None),
        ("SC-05", "Are batch-job and integration credentials for the ERP stored in a secrets vault rather than in "
                  "scripts?", 2, None, None),
        ("SC-06", "Does sign-in to the ERP hosting console require a hardware token or an authenticator app?", 3,
         "Partial", "Authenticator app for our engineers; two legacy operator accounts still use passwords."),
        ("SC-07", "Are support staff given access to our production ERP only for the duration of an approved "
                  "ticket?", 2, None, None),
    ]),
    ("C. Data and recovery", [
        ("SC-08", "Are the ERP database and its file attachments encrypted on disk with keys that you rotate every "
                  "year?", 3, None, None),
        ("SC-09", "Is a full copy of the ERP database restored into an isolated environment and checked at least "
                  "every quarter?", 3, None, None),
        ("SC-10", "Can the ERP be brought back within twelve hours after the loss of the primary hosting site?", 2,
         None, None),
        ("SC-11", "Are recipe and supplier pricing tables masked before production data is copied to a test "
                  "system?", 1, "N/A", "No test copies of your production data are ever made."),
    ]),
    ("D. Monitoring and response", [
        ("SC-12", "Are failed administrator sign-ins to the ERP alerted to an analyst who acts on them the same "
                  "day?", 2, None, None),
        ("SC-13", "Do you keep database audit logs for the ERP for at least one year in a store we can search on "
                  "request?", 2, None, None),
        ("SC-14", "Would a confirmed breach of our ERP data be reported to our duty manager by telephone within "
                  "twelve hours?", 3, None, None),
        ("SC-15", "Has your incident response team run a tabletop exercise built around an ERP outage during the "
                  "last year?", 1, None, None),
    ]),
]
SCORE_TOTAL_LABEL, SCORE_RATE_LABEL = "Total", "Compliance %"


def _score_of(response: str | None, points: int) -> float:
    """What the Score formula gives: full points for Yes, half for Partial, nothing otherwise."""
    return float(points) if response == "Yes" else points / 2 if response == "Partial" else 0.0


def scored_questionnaire_formulas(folder: Path) -> Layout:
    name = "scored_questionnaire_formulas"
    wb = Workbook()
    ws = wb.active
    ws.title = SCORE_SHEET
    caption(ws, "A1", "Brannigan Foods – Hosted ERP Supplier Security Scorecard", "A1:F1")
    small_print(ws, "A2", "Supplier assurance · Procurement reference BF-PROC-2027-031 · Scoring model v2", "A2:F2")
    small_print(ws, "A3", "Choose a response in column D for every question. Yes scores the full Max Points, Partial "
                          "scores half, No and N/A score nothing; N/A questions are taken out of the Compliance % "
                          "denominator. Grey cells are calculated: do not type over them.", "A3:F3")
    heading_row(ws, SCORE_HEADER_ROW, SCORE_HEADER, paint="navy")
    items = []
    answer_cells = []
    cached: dict[str, Any] = {}
    decoys: dict[tuple[str, int], str] = {}
    row = SCORE_HEADER_ROW
    points_total = scored = not_applicable = 0.0
    for section, questions in SCORE_SECTIONS:
        row += 1
        band_row(ws, row, section, "A", "F", paint="cyan")
        for id_, question, points, existing, remark in questions:
            row += 1
            formula = f'=IF(D{row}="Yes",C{row},IF(D{row}="Partial",C{row}/2,0))'
            body_row(ws, row, {"A": id_, "B": question, "C": points, "D": existing, "E": formula, "F": remark},
                     "ABCDEF")
            for letter in "CE":
                ws[f"{letter}{row}"].fill = CALC_FILL
                ws[f"{letter}{row}"].font = CALC_FONT
                ws[f"{letter}{row}"].alignment = MIDDLE
            ws[f"E{row}"].number_format = "0.0"
            ws[f"D{row}"].alignment = MIDDLE
            answer_cells.append(f"D{row}")
            cached[f"E{row}"] = _score_of(existing, points)
            points_total += points
            scored += _score_of(existing, points)
            not_applicable += points if existing == "N/A" else 0
            items.append(expect(SCORE_SHEET, row, question, "D", id_, comment="F", allowed=SCORE_CHOICES,
                                existing=existing, existing_comment=remark, section=[section]))
    first, last = SCORE_HEADER_ROW + 1, row
    list_validation(ws, SCORE_CHOICES, *answer_cells)
    total_row, rate_row = last + 2, last + 3
    body_row(ws, total_row, {"B": SCORE_TOTAL_LABEL, "C": f"=SUM(C{first}:C{last})", "E": f"=SUM(E{first}:E{last})"},
             "ABCDEF")
    body_row(ws, rate_row, {"B": SCORE_RATE_LABEL,
                            "E": f'=IFERROR(E{total_row}/(C{total_row}-SUMIF(D{first}:D{last},"N/A",C{first}:C{last})),0)'},
             "ABCDEF")
    for r in (total_row, rate_row):
        ws[f"B{r}"].font = TOTAL_FONT
        for letter in "CE":
            ws[f"{letter}{r}"].fill = CALC_FILL
            ws[f"{letter}{r}"].font = TOTAL_FONT
            ws[f"{letter}{r}"].alignment = MIDDLE
        decoys[(SCORE_SHEET, r)] = "scoring row (formulas)"
    ws[f"E{rate_row}"].number_format = "0.0%"
    cached[f"C{total_row}"] = points_total
    cached[f"E{total_row}"] = scored
    cached[f"E{rate_row}"] = scored / (points_total - not_applicable)
    DECOYS[name] = decoys
    col_widths(ws, A=8, B=72, C=11, D=13, E=9, F=46)
    ws.freeze_panes = f"A{SCORE_HEADER_ROW + 1}"
    path = store(wb, folder, "Brannigan_ERP_supplier_scorecard_2027.xlsx")
    _cache_results(path, cached)
    return Layout(
        name=name,
        path=path,
        format="xlsx",
        sheets=[sheet_of(SCORE_SHEET, SCORE_HEADER_ROW, {"A": "id", "B": "question", "D": "answer", "F": "comment"})],
        items=items,
        note="A supplier scorecard, header on row 5: 'Ref' (id), 'Question', 'Max Points' (the customer's number per "
             "question), 'Response' (answer, drop-down 'Yes', 'No', 'Partial', 'N/A'), 'Score' (grey; on every "
             "question row a formula over that row's response and points, =IF(D7=\"Yes\",C7,IF(D7=\"Partial\","
             "C7/2,0)), results cached), 'Comments' (comment). CONVENTION: the scoring machinery is the customer's: "
             "'Max Points' and 'Score' have no role, a Score cell is never an answer cell although it holds a "
             "value; the 'Total' row (SUM formulas) and the 'Compliance %' row below the table are not items. "
             "Section rows give the section; three rows already answered (Yes, Partial, N/A).",
    )


# --- 2. a questionnaire laid out for printing: headers repeated on every page -----------------------

PRINT_SHEET = "Contractor Questionnaire"
PRINT_HEADER = {"A": "No.", "B": "Question", "C": "Reply", "D": "Remarks", "E": "Supporting Evidence"}
PRINT_HEADER_ROW = 5
#: Pages of entries: ("band", title) or ("item", (id, question, existing reply, existing remark)).
PRINT_PAGES: list[list[tuple[str, Any]]] = [
    [
        ("band", "1 Governance and personnel"),
        ("item", ("WA-01", "Are contractor staff who visit treatment works checked against the Authority's site "
                           "access list before each visit?", None, None)),
        ("item", ("WA-02", "Does your company name one manager who answers to the Authority for information security "
                           "on this contract?", "Yes", "Our Head of Compliance, R. Adeyemi.")),
        ("item", ("WA-03", "Are your field technicians briefed each year on how to report a lost laptop, phone or site "
                           "key?", None, None)),
        ("item", ("WA-04", "Will every subcontractor on this contract accept the Authority's information security "
                           "schedule in writing?", None, None)),
        ("band", "2 Operational technology"),
        ("item", ("WA-05", "Are telemetry outstations configured by your engineers only from laptops that the "
                           "Authority has approved?", None, None)),
        ("item", ("WA-06", "Is every change to pumping station control logic recorded with the engineer's name, the "
                           "date and the reason?", None, None)),
        ("item", ("WA-07", "Do you keep spare programmable controllers preloaded with firmware at a version agreed "
                           "with the Authority?", None, None)),
    ],
    [
        ("item", ("WA-08", "Are remote connections into the telemetry network made only through the Authority's jump "
                           "host?", None, None)),
        ("item", ("WA-09", "Will your engineers leave USB ports on control panels disabled once commissioning is "
                           "complete?", None, None)),
        ("item", ("WA-10", "Are default passwords on radios, routers and outstations changed before the equipment is "
                           "installed on site?", None, None)),
        ("band", "3 Information handling"),
        ("item", ("WA-11", "Are drawings of treatment works and reservoirs kept only in the Authority's document "
                           "system and never on personal devices?", None, None)),
        ("item", ("WA-12", "Is customer account information used by your meter readers deleted from handheld devices "
                           "at the end of each day?", "Partly",
                  "Handhelds are wiped weekly today; a daily wipe starts in May 2027.")),
    ],
    [
        ("item", ("WA-13", "Are paper job sheets that show site access codes shredded once the job is closed?", None,
                  None)),
        ("item", ("WA-14", "Is email between your staff and the Authority sent over TLS with certificate checking "
                           "enforced?", None, None)),
        ("band", "4 Incidents and continuity"),
        ("item", ("WA-15", "Will you report any suspected interference with Authority equipment to the control room "
                           "within one hour?", None, None)),
        ("item", ("WA-16", "Can you have engineers on site within four hours if a cyber incident forces a treatment "
                           "works into manual operation?", None, None)),
        ("item", ("WA-17", "Do you take part in the Authority's annual drill for running water treatment without "
                           "telemetry?", None, None)),
        ("item", ("WA-18", "Are your own systems that hold Authority data backed up daily to a location away from "
                           "your office?", None, None)),
    ],
]
#: Rows of the layout's print machinery, filled by the builder: kind -> rows.
PRINT_ROWS: dict[str, list[int]] = {}


def print_repeated_headers(folder: Path) -> Layout:
    name = "print_repeated_headers"
    wb = Workbook()
    ws = wb.active
    ws.title = PRINT_SHEET
    caption(ws, "A1", "Rosemere Water Authority – Contractor Information Security Questionnaire", "A1:E1")
    small_print(ws, "A2", "Print edition · Form RWA-CS-12 · Issue 4 · Return the signed paper copy or this workbook "
                          "to your contract manager.", "A2:E2")
    small_print(ws, "A3", "Print on A4 landscape. The column headings repeat at the top of every page; write your "
                          "reply in the Reply column.", "A3:E3")
    heading_row(ws, PRINT_HEADER_ROW, PRINT_HEADER, paint="slate")
    items = []
    decoys: dict[tuple[str, int], str] = {}
    rows: dict[str, list[int]] = {"header": [PRINT_HEADER_ROW], "page": [], "spacer": []}
    section: str | None = None
    row = PRINT_HEADER_ROW
    pages = len(PRINT_PAGES)
    for number, page in enumerate(PRINT_PAGES, start=1):
        if number > 1:
            row += 1
            rows["spacer"].append(row)
            ws.row_breaks.append(Break(id=row))
            row += 1
            heading_row(ws, row, PRINT_HEADER, paint="slate")
            rows["header"].append(row)
            decoys[(PRINT_SHEET, row)] = "header repeated for printing"
        for kind, entry in page:
            row += 1
            if kind == "band":
                section = entry
                band_row(ws, row, entry, "A", "E", paint="mist")
                continue
            id_, question, existing, remark = entry
            body_row(ws, row, {"A": id_, "B": question, "C": existing, "D": remark}, "ABCDE")
            ws[f"C{row}"].alignment = MIDDLE
            items.append(expect(PRINT_SHEET, row, question, "C", id_, comment="D", evidence="E",
                                allowed=PRINT_CHOICES, existing=existing, existing_comment=remark,
                                section=[section] if section else []))
        row += 1
        ws[f"E{row}"] = f"Page {number} of {pages}"
        ws[f"E{row}"].font = PAGE_FONT
        ws[f"E{row}"].alignment = Alignment(horizontal="right")
        rows["page"].append(row)
        decoys[(PRINT_SHEET, row)] = "page number row"
    PRINT_ROWS.clear()
    PRINT_ROWS.update(rows)
    DECOYS[name] = decoys
    list_validation(ws, PRINT_CHOICES, f"C{PRINT_HEADER_ROW + 1}:C{row}")
    col_widths(ws, A=8, B=70, C=13, D=42, E=26)
    ws.print_area = f"A1:E{row}"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    path = store(wb, folder, "RWA-CS-12_contractor_questionnaire_print.xlsx")
    return Layout(
        name=name,
        path=path,
        format="xlsx",
        sheets=[sheet_of(PRINT_SHEET, PRINT_HEADER_ROW, {"A": "id", "B": "question", "C": "answer", "D": "comment",
                                                         "E": "evidence"})],
        items=items,
        note="A contractor questionnaire laid out for printing on three pages: header on row 5 ('No.' = id, "
             "'Question', 'Reply' = answer with the drop-down 'Yes', 'No', 'Partly', 'Not relevant', 'Remarks' = "
             "comment, 'Supporting Evidence' = evidence); each page ends with a 'Page n of 3' row, then a blank "
             "spacer row (with a manual page break after it) and the header row repeated (rows 17 and 26). "
             "CONVENTION: the repeated headers, page rows and spacers are not items, and the header row is the "
             "FIRST one. A section runs on across a page break: the items at the top of pages 2 and 3, before any "
             "new section row, keep the section of the last section row above. The drop-down covers the whole "
             "reply range, repeated headers and page rows included, which makes none of them an item. Two rows "
             "already answered.",
    )


# --- 3. input marked only by a yellow fill; the answer column's heading is empty ---------------------

SHADE_SHEET = "Transcription Review"
SHADE_HEADER = {"A": "Ref", "B": "Question", "C": None, "D": "Comments (optional)"}
SHADE_HEADER_ROW = 6
SHADE_NOTE = "Questions 2.5 and 2.6 apply only if your transcribers work from home; otherwise leave them blank."
#: (section, [(ref or None for the note row, question, existing answer, existing comment)])
SHADE_SECTIONS: list[tuple[str, list[tuple[str | None, str, str | None, str | None]]]] = [
    ("1 Confidentiality", [
        ("1.1", "Do your transcribers sign a confidentiality agreement that names our firm before they receive any "
                "recordings?", "Yes – before their first assignment for the firm.", None),
        ("1.2", "Are recordings of client interviews deleted from your platform within thirty days of the transcript "
                "being delivered?", None, None),
        ("1.3", "Please describe how you stop transcribers from downloading audio files to their own devices.", None,
         None),
        ("1.4", "Are transcripts ever passed through speech-recognition services run by a third party? If so, which "
                "ones?", None, None),
    ]),
    ("2 Systems", [
        ("2.1", "Is the transcription platform hosted in a data centre that holds ISO/IEC 27001 certification?", "Yes",
         "Certificate copy attached to our tender response."),
        ("2.2", "Can our fee earners reach the platform through single sign-on with the firm's own directory?", None,
         None),
        ("2.3", "Which encryption protects recordings while they are uploaded and while they are stored?", None, None),
        ("2.4", "How quickly are security updates applied to the servers that store our recordings?", None, None),
        (None, SHADE_NOTE, None, None),
        ("2.5", "Must home-based transcribers work on company-managed laptops with full-disk encryption?", None,
         None),
        ("2.6", "Are home-based transcribers prevented from printing our transcripts?", None, None),
    ]),
    ("3 Assurance", [
        ("3.1", "May the firm's information security team review your transcription process once a year on "
                "reasonable notice?", None, None),
        ("3.2", "Name the insurer and the limit of your professional indemnity and cyber insurance.", None, None),
        ("3.3", "Have you suffered a data breach involving client recordings in the past three years?", None, None),
        ("3.4", "Who is our contact for security matters, and how can that person be reached out of hours?", None,
         None),
    ]),
]
#: Yellow cells that are not an item's answer or comment cell: coordinate -> what it is.
SHADE_OTHER = {"A3": "legend swatch", "B4": "supplier name field"}


def shaded_input_cells(folder: Path) -> Layout:
    name = "shaded_input_cells"
    wb = Workbook()
    ws = wb.active
    ws.title = SHADE_SHEET
    caption(ws, "A1", "Calloway & Finch LLP – Transcription Supplier Confidentiality Review", "A1:D1")
    small_print(ws, "A2", "Complete the cells shaded yellow. Give your answer (Yes or No, with any detail, or a short "
                          "description where the question asks for one) in the first yellow cell of each question "
                          "row, and anything further in the second. Please leave every other cell as it is.", "A2:D2")
    ws["A3"].fill = YELLOW
    ws["A3"].border = FRAME
    small_print(ws, "B3", "= a cell for you to complete")
    ws["A4"] = "Supplier name:"
    ws["A4"].font = Font(name="Verdana", bold=True, size=9)
    ws["B4"].fill = YELLOW
    ws["B4"].border = FRAME
    ws["B4"].font = B_FONT
    for letter, text in SHADE_HEADER.items():
        cell = ws[f"{letter}{SHADE_HEADER_ROW}"]
        cell.value = text
        cell.font = Font(name="Verdana", bold=True, color="FFFFFF", size=9)
        cell.fill = PAINT["plum"]
        cell.border = FRAME
        cell.alignment = MIDDLE
    items = []
    decoys: dict[tuple[str, int], str] = {}
    row = SHADE_HEADER_ROW
    for section, questions in SHADE_SECTIONS:
        row += 1
        band_row(ws, row, section, "A", "D", paint="mist")
        for id_, question, existing, remark in questions:
            row += 1
            if id_ is None:
                ws[f"B{row}"] = question
                ws[f"B{row}"].font = NOTE_FONT
                ws[f"B{row}"].alignment = WRAP
                decoys[(SHADE_SHEET, row)] = "note row inside the table (no yellow cell)"
                continue
            body_row(ws, row, {"A": id_, "B": question, "C": existing, "D": remark}, "ABCD")
            for letter in "CD":
                ws[f"{letter}{row}"].fill = YELLOW
            items.append(expect(SHADE_SHEET, row, question, "C", id_, comment="D", existing=existing,
                                existing_comment=remark, section=[section]))
    small_print(ws, f"A{row + 2}", "Thank you. Return the completed form to vendor.review@callowayfinch.example.")
    DECOYS[name] = decoys
    col_widths(ws, A=18, B=70, C=40, D=36)
    path = store(wb, folder, "CallowayFinch_transcription_supplier_review.xlsx")
    return Layout(
        name=name,
        path=path,
        format="xlsx",
        sheets=[sheet_of(SHADE_SHEET, SHADE_HEADER_ROW, {"A": "id", "B": "question", "C": "answer", "D": "comment"})],
        items=items,
        note="A law firm's supplier review whose instructions say 'Complete the cells shaded yellow'. Header on row "
             "6: 'Ref' (id), 'Question', an EMPTY heading cell over column C, 'Comments (optional)'. Only the C and "
             "D cells of the question rows are filled solid yellow (besides a legend swatch in A3 and the "
             "'Supplier name' field B4). No drop-down, no protection. CONVENTION: the answer column is C, the first "
             "yellow cell of each question row, although its heading is empty; D is the comment. Answers are free "
             "text ([] and source None): the instructions' 'Yes or No' is words, not a list the file offers. The "
             "legend swatch and the supplier-name field are not items; the note row 'Questions 2.5 and 2.6 apply "
             "only ...' (no yellow cell, no ref) is not an item. Section rows give the section; two rows already "
             "answered.",
    )


# --- 4. one answer column, a different kind of validation per row -------------------------------------

MIXED_SHEET = "LIMS Supplier Questions"
MIXED_HEADER = {"A": "Q-ID", "B": "Question", "C": "Response", "D": "Comments"}
MIXED_HEADER_ROW = 4
LIST, WHOLE, DATE, TEXT = "list", "whole", "date", "textLength"
EARLIEST, LATEST = date(2015, 1, 1), date(2030, 12, 31)
#: (section, [(id, question, validation kind, existing answer, existing comment)])
MIXED_SECTIONS: list[tuple[str, list[tuple[str, str, str, str | None, str | None]]]] = [
    ("Company and staff", [
        ("LQ-01", "Is the LIMS hosting service inside the scope of an ISO/IEC 27001 certificate your company holds "
                  "today?", LIST, "Yes", None),
        ("LQ-02", "How many of your employees can reach customer data in the production LIMS?", WHOLE, None, None),
        ("LQ-03", "When was your last independent penetration test of the LIMS completed?", DATE, None, None),
        ("LQ-04", "Describe the background checks carried out before a new engineer receives production access.",
         TEXT, "Criminal record and employment history checks through an accredited screening firm, repeated every "
               "three years.", None),
    ]),
    ("Data integrity", [
        ("LQ-05", "Are audit trails of sample results protected so that no user, administrators included, can edit "
                  "them?", LIST, "No", "Database administrators can alter them; a change is planned for Q3 2027."),
        ("LQ-06", "Is electronic signature in the LIMS configured to meet 21 CFR Part 11 requirements?", LIST, None,
         None),
        ("LQ-07", "How many days of database transaction logs do you keep for point-in-time recovery?", WHOLE, None,
         None),
        ("LQ-08", "Describe how instrument data files are checked for completeness when they are imported.", TEXT,
         None, None),
        ("LQ-09", "Are validated configuration changes released only after a documented test by your quality team?",
         LIST, None, None),
    ]),
    ("Resilience", [
        ("LQ-10", "When was your last full disaster recovery test of the LIMS platform?", DATE, None, None),
        ("LQ-11", "Are backups of customer LIMS databases kept in a second region under separate administrative "
                  "control?", LIST, None, None),
        ("LQ-12", "How many hours of laboratory data could be lost at most if the primary database failed?", WHOLE,
         None, None),
        ("LQ-13", "When was your last review of the access rights held by your support engineers?", DATE, None, None),
    ]),
    ("Support", [
        ("LQ-14", "Is remote support to on-premises LIMS servers started only after the customer approves each "
                  "session?", LIST, None, None),
        ("LQ-15", "Describe how you will tell us of a vulnerability that affects the LIMS version we run.", TEXT, None,
         None),
    ]),
]
MIXED_WORDING = {WHOLE: "How many ", DATE: "When was your last ", TEXT: "Describe "}


def _serial(day: date) -> int:
    """Excel's serial number of a date (1900 date system)."""
    return (day - date(1899, 12, 30)).days


def non_list_validation_mixed(folder: Path) -> Layout:
    wb = Workbook()
    ws = wb.active
    ws.title = MIXED_SHEET
    caption(ws, "A1", "Tessaly Biotech – Laboratory Information System Supplier Questionnaire", "A1:D1")
    small_print(ws, "A2", "Each response cell accepts one kind of answer: pick Yes or No from the list, enter a whole "
                          "number, a date, or a description of up to 1,000 characters. The cell's message says which.",
                "A2:D2")
    heading_row(ws, MIXED_HEADER_ROW, MIXED_HEADER, paint="moss")
    items = []
    cells: dict[str, list[str]] = {LIST: [], WHOLE: [], DATE: [], TEXT: []}
    row = MIXED_HEADER_ROW
    for section, questions in MIXED_SECTIONS:
        row += 1
        band_row(ws, row, section, "A", "D", paint="straw")
        for id_, question, kind, existing, remark in questions:
            row += 1
            body_row(ws, row, {"A": id_, "B": question, "C": existing, "D": remark}, "ABCD")
            ws[f"C{row}"].fill = PAINT["input"]
            ws[f"C{row}"].alignment = MIDDLE if kind != TEXT else WRAP
            if kind == DATE:
                ws[f"C{row}"].number_format = "dd mmm yyyy"
            cells[kind].append(f"C{row}")
            items.append(expect(MIXED_SHEET, row, question, "C", id_, comment="D",
                                allowed=YES_NO if kind == LIST else None, existing=existing,
                                existing_comment=remark, section=[section]))
    list_validation(ws, YES_NO, *cells[LIST]).prompt = "Choose Yes or No."
    whole = DataValidation(type="whole", operator="greaterThanOrEqual", formula1="0", allow_blank=True,
                           showInputMessage=True, showErrorMessage=True, promptTitle="Number",
                           prompt="Enter a whole number (0 or more).", errorTitle="Not a number",
                           error="Please enter a whole number of 0 or more.")
    when = DataValidation(type="date", operator="between", formula1=str(_serial(EARLIEST)),
                          formula2=str(_serial(LATEST)), allow_blank=True, showInputMessage=True,
                          showErrorMessage=True, promptTitle="Date", prompt="Enter a date, for example 14/03/2026.",
                          errorTitle="Not a date", error="Please enter a date between 2015 and 2030.")
    text = DataValidation(type="textLength", operator="lessThanOrEqual", formula1="1000", allow_blank=True,
                          showInputMessage=True, showErrorMessage=True, promptTitle="Description",
                          prompt="Up to 1,000 characters.", errorTitle="Too long",
                          error="Please shorten your answer to 1,000 characters or fewer.")
    for dv, kind in ((whole, WHOLE), (when, DATE), (text, TEXT)):
        ws.add_data_validation(dv)
        for coordinate in cells[kind]:
            dv.add(coordinate)
    col_widths(ws, A=9, B=74, C=28, D=44)
    ws.freeze_panes = f"A{MIXED_HEADER_ROW + 1}"
    path = store(wb, folder, "Tessaly_LIMS_supplier_questionnaire.xlsx")
    return Layout(
        name="non_list_validation_mixed",
        path=path,
        format="xlsx",
        sheets=[sheet_of(MIXED_SHEET, MIXED_HEADER_ROW, {"A": "id", "B": "question", "C": "answer", "D": "comment"})],
        items=items,
        note="A LIMS supplier questionnaire, header on row 4: 'Q-ID' (id), 'Question', 'Response' (answer), "
             "'Comments' (comment); section rows. The Response cells carry a different data validation per row: a "
             "list 'Yes', 'No' on six rows, a whole number >= 0 on the 'How many ...' rows, a date between 2015 "
             "and 2030 on the 'When was your last ...' rows, a text length <= 1000 on the 'Describe ...' rows, each "
             "with an input message. CONVENTION: only a list validation gives allowed answers (source validation); "
             "the whole-number, date and text-length rows are free-text items ([] and source None). Three rows "
             "already answered (two Yes/No, one description).",
    )


# --- 5. a header two rows tall, grouped into the customer's and the vendor's columns ---------------------

MATRIX_SHEET = "Requirements Matrix"
MATRIX_TOP, MATRIX_HEADER_ROW = 5, 6
MATRIX_GROUPS = {"A5:D5": "Customer Requirement", "E5:G5": "Vendor Response"}
MATRIX_HEADER = {"A": "Req. ID", "B": "Requirement", "E": "Answer", "F": "Explanation", "G": "Evidence Reference"}
#: (section, [(id, requirement, existing answer, existing explanation, existing evidence)])
MATRIX_SECTIONS: list[tuple[str, list[tuple[str, str, str | None, str | None, str | None]]]] = [
    ("1. Meter security", [
        ("CR-1.1", "Meter firmware must be signed, and meters must refuse unsigned updates. Confirm how this is "
                   "enforced.", None, None, None),
        ("CR-1.2", "Are the cryptographic keys in each meter unique to that device and generated inside a secure "
                   "element?", "Yes", "Keys are generated in the secure element during manufacture and never leave "
                                      "it.", "MTR-SEC-004 Key provisioning.pdf"),
        ("CR-1.3", "Describe how a meter that has been physically opened is detected and reported to the head-end "
                   "system.", None, None, None),
        ("CR-1.4", "Will the supplier provide firmware security updates for the meters for at least fifteen years?",
         None, None, None),
    ]),
    ("2. Head-end system and data", [
        ("CR-2.1", "Is consumption data encrypted end to end from the meter to the head-end system?", None, None, None),
        ("CR-2.2", "The head-end system must be hosted in the customer's country. State the hosting locations you "
                   "propose.", None, None, None),
        ("CR-2.3", "Are operator actions on the head-end system, such as disconnections and tariff changes, logged "
                   "against a named user?", None, None, None),
        ("CR-2.4", "Can remote disconnection commands be set up so that two operators must approve each batch?", None,
         None, None),
    ]),
    ("3. Operations", [
        ("CR-3.1", "Are supplier staff who operate the head-end system vetted to the standard the customer "
                   "specifies?", None, None, None),
        ("CR-3.2", "Describe the supplier's process for coordinated disclosure of vulnerabilities reported by "
                   "researchers.", None, None, None),
        ("CR-3.3", "Will the supplier send the customer a monthly report of security events on the head-end "
                   "system?", None, None, None),
        ("CR-3.4", "Is a software bill of materials for the meter firmware made available to the customer?", None,
         None, None),
    ]),
    ("4. Continuity", [
        ("CR-4.1", "Can meters keep recording consumption for at least sixty days if contact with the head-end "
                   "system is lost?", None, None, None),
        ("CR-4.2", "Is a standby head-end system kept at a second site and tested twice a year?", None, None, None),
        ("CR-4.3", "Will the supplier place in escrow the source code needed to keep the head-end system running?",
         "Partial", "Escrow covers the head-end application; the meter data store is a third-party product.", None),
    ]),
]


def two_row_grouped_header_vendor_block(folder: Path) -> Layout:
    wb = Workbook()
    ws = wb.active
    ws.title = MATRIX_SHEET
    caption(ws, "A1", "Quillon Energy – Smart Metering Platform: Customer Requirements Response", "A1:G1")
    small_print(ws, "A2", "Tender QE-2027-SMP · Appendix C · Security requirements", "A2:G2")
    small_print(ws, "A3", "Respond in the Vendor Response columns only. Do not change the Customer Requirement "
                          "columns.", "A3:G3")
    for span, text in MATRIX_GROUPS.items():
        first = span.split(":")[0]
        ws[first] = text
        ws[first].font = Font(name="Verdana", bold=True, color="FFFFFF", size=10)
        ws[first].fill = PAINT["slate"] if text.startswith("Customer") else PAINT["moss"]
        ws[first].alignment = MIDDLE
        ws.merge_cells(span)
    heading_row(ws, MATRIX_HEADER_ROW, MATRIX_HEADER, paint="navy")
    ws.merge_cells(f"B{MATRIX_HEADER_ROW}:D{MATRIX_HEADER_ROW}")
    items = []
    answer_cells = []
    row = MATRIX_HEADER_ROW
    for section, requirements in MATRIX_SECTIONS:
        row += 1
        band_row(ws, row, section, "A", "G", paint="cyan")
        for id_, requirement, existing, explanation, evidence in requirements:
            row += 1
            body_row(ws, row, {"A": id_, "B": requirement, "E": existing, "F": explanation, "G": evidence}, "ABEFG")
            ws.merge_cells(f"B{row}:D{row}")
            ws[f"E{row}"].alignment = MIDDLE
            ws[f"E{row}"].fill = PAINT["input"]
            answer_cells.append(f"E{row}")
            items.append(expect(MATRIX_SHEET, row, requirement, "E", id_, comment="F", evidence="G",
                                allowed=MATRIX_CHOICES, existing=existing, existing_comment=explanation,
                                section=[section]))
    list_validation(ws, MATRIX_CHOICES, *answer_cells)
    col_widths(ws, A=10, B=30, C=26, D=22, E=12, F=44, G=30)
    ws.freeze_panes = f"A{MATRIX_HEADER_ROW + 1}"
    path = store(wb, folder, "QE-2027-SMP_AppendixC_requirements_response.xlsx")
    return Layout(
        name="two_row_grouped_header_vendor_block",
        path=path,
        format="xlsx",
        sheets=[sheet_of(MATRIX_SHEET, MATRIX_HEADER_ROW, {"A": "id", "B": "question", "E": "answer", "F": "comment",
                                                           "G": "evidence"})],
        items=items,
        note="A requirements matrix whose header is two rows tall: row 5 groups the columns ('Customer Requirement' "
             "merged A5:D5, 'Vendor Response' merged E5:G5), row 6 holds 'Req. ID' (id), 'Requirement' (merged "
             "B6:D6, question), 'Answer' (drop-down 'Yes', 'Partial', 'No', 'N/A'), 'Explanation' (comment), "
             "'Evidence Reference' (evidence). Panes frozen below row 6. CONVENTION: the header row is the LOWER "
             "row, 6; every requirement cell is merged across B:D, its text in B (the question column); C and D "
             "have no role. Section rows give the section; requirements are questions or statements; two rows "
             "already answered.",
    )


# --- 6. a drop-down of symbols and words, explained by a legend above the table -------------------------

SYMBOL_SHEET = "Guest Data Checklist"
SYMBOL_HEADER = {"A": "Ref", "B": "Question", "C": "Guidance", "D": "Response", "E": "Comments"}
SYMBOL_HEADER_ROW = 9
SYMBOL_LEGEND_ROW = 4
SYMBOL_LEGEND = [
    "The control is in place for every hotel and system in scope.",
    "The control is not in place; explain in Comments.",
    "In place for some hotels or systems only; name the gaps in Comments.",
    "Does not apply to the service you provide; say why in Comments.",
]
#: (section, [(ref, question, guidance, existing response, existing comment)])
SYMBOL_SECTIONS: list[tuple[str, list[tuple[str, str, str | None, str | None, str | None]]]] = [
    ("Guest data", [
        ("GD-01", "Are scans of guests' passports deleted from your systems once check-in is complete?", None, None,
         None),
        ("GD-02", "Is guest payment card data handled only by a PCI DSS validated service and never stored by you?",
         "Tokenisation by the payment provider counts as ☑ Yes.", "☑ Yes", None),
        ("GD-03", "Can a guest's profile and stay history be erased on request across every hotel within thirty "
                  "days?", None, None, None),
        ("GD-04", "Are guest loyalty accounts protected against takeover, with an alert for each sign-in from a new "
                  "device?", None, None, None),
    ]),
    ("Booking engine", [
        ("GD-05", "Is the booking engine tested for injection and access control flaws before every major release?",
         None, None, None),
        ("GD-06", "Are booking confirmation emails sent from a domain that publishes SPF, DKIM and an enforcing DMARC "
                  "record?", "Name the sending domain in Comments.", None, None),
        ("GD-07", "Does the booking engine slow down repeated look-ups of reservations by confirmation number?", None,
         None, None),
        ("GD-08", "Are rate and availability interfaces to online travel agents protected with separate credentials "
                  "for each partner?", None, None, None),
    ]),
    ("Guest Wi-Fi and hotel systems", [
        ("GD-09", "Is the guest Wi-Fi portal kept apart from the property management and point-of-sale networks?",
         None, "◐ Partly", "Separated at 41 hotels; 3 older hotels share a switch, to be replaced by June."),
        ("GD-10", "Are keycard encoding stations kept up to date and limited to front-desk staff accounts?", None,
         None, None),
        ("GD-11", "Are in-room tablets reset at every checkout so that no guest account or browsing data remains?",
         "Applies only if you supply the in-room tablets.", None, None),
    ]),
    ("Service management", [
        ("GD-12", "Do your staff reach hotel systems remotely only through a gateway that records each session?", None,
         None, None),
        ("GD-13", "Will you tell us within one day of a security incident that may affect guests of our hotels?", None,
         None, None),
        ("GD-14", "Do you review the security of each new hotel before its systems are connected to your platform?",
         None, None, None),
    ]),
]


def checkbox_symbol_dropdown(folder: Path) -> Layout:
    name = "checkbox_symbol_dropdown"
    wb = Workbook()
    ws = wb.active
    ws.title = SYMBOL_SHEET
    caption(ws, "A1", "Marrowgate Hotels – Guest Data Vendor Checklist", "A1:E1")
    small_print(ws, "A2", "Group IT Security · Choose one response per question from the list; the symbols print in "
                          "black and white.", "A2:E2")
    ws["A3"] = "How to answer"
    ws["A3"].font = Font(name="Verdana", bold=True, size=9)
    for offset, (choice, meaning) in enumerate(zip(SYMBOL_CHOICES, SYMBOL_LEGEND)):
        row = SYMBOL_LEGEND_ROW + offset
        ws[f"A{row}"] = choice
        ws[f"A{row}"].font = LEGEND_FONT
        ws[f"A{row}"].border = FRAME
        ws[f"B{row}"] = meaning
        ws[f"B{row}"].font = B_FONT
        ws.merge_cells(f"B{row}:E{row}")
    heading_row(ws, SYMBOL_HEADER_ROW, SYMBOL_HEADER, paint="plum")
    items = []
    answer_cells = []
    row = SYMBOL_HEADER_ROW
    for section, questions in SYMBOL_SECTIONS:
        row += 1
        band_row(ws, row, section, "A", "E", paint="straw")
        for id_, question, guidance, existing, remark in questions:
            row += 1
            body_row(ws, row, {"A": id_, "B": question, "C": guidance, "D": existing, "E": remark}, "ABCDE")
            ws[f"C{row}"].font = GUIDE_FONT
            ws[f"D{row}"].font = LEGEND_FONT
            ws[f"D{row}"].alignment = MIDDLE
            answer_cells.append(f"D{row}")
            items.append(expect(SYMBOL_SHEET, row, question, "D", id_, comment="E", allowed=SYMBOL_CHOICES,
                                existing=existing, existing_comment=remark, section=[section],
                                guidance=collapse(guidance) if guidance else None))
    list_validation(ws, SYMBOL_CHOICES, *answer_cells)
    col_widths(ws, A=10, B=70, C=34, D=13, E=42)
    ws.freeze_panes = f"A{SYMBOL_HEADER_ROW + 1}"
    path = store(wb, folder, "Marrowgate_guest_data_vendor_checklist.xlsx")
    return Layout(
        name=name,
        path=path,
        format="xlsx",
        sheets=[sheet_of(SYMBOL_SHEET, SYMBOL_HEADER_ROW, {"A": "id", "B": "question", "C": "guidance", "D": "answer",
                                                           "E": "comment"})],
        items=items,
        note="A hotel group's checklist, header on row 9: 'Ref' (id), 'Question', 'Guidance' (guidance, filled on "
             "three rows, None elsewhere), 'Response' (answer), 'Comments' (comment). The drop-down's values are "
             "symbols and words, '☑ Yes', '☐ No', '◐ Partly', '— N/A', explained by a legend block in rows 3-7. "
             "CONVENTION: the allowed answers are the list's values exactly as written, symbol and space included "
             "(never 'Yes', 'No', ...); the legend has no role and its rows are not items. Section rows give the "
             "section; two rows already answered ('☑ Yes', '◐ Partly').",
    )


# --- 7. answer cells holding placeholders: formula defaults and "Select…" -----------------------------

DUE_SHEET = "Provider Due Diligence"
DUE_HEADER = {"A": "Ref", "B": "Question", "C": "Answer", "D": "Comments", "E": "Status"}
DUE_HEADER_ROW = 5
NOT_ANSWERED = '="Not answered"'
SELECT_FORMULA = '=IF(TRUE,"Select","")'
SELECT_TEXT = "Select…"
#: What Excel shows for each placeholder (the cached result of the formula defaults).
PLACEHOLDER_SHOWN = {NOT_ANSWERED: "Not answered", SELECT_FORMULA: "Select", SELECT_TEXT: "Select…"}
#: (section, [(ref, question, what the answer cell holds: a placeholder or an answer, existing comment)])
DUE_SECTIONS: list[tuple[str, list[tuple[str, str, str, str | None]]]] = [
    ("Governance", [
        ("CU-01", "Does your board approve the information security programme that covers the services you provide to "
                  "credit unions?", "Yes", "Approved by the board on 9 September 2026."),
        ("CU-02", "Can you share the report of your latest SOC 2 Type II examination, and was it issued without "
                  "qualification?", SELECT_TEXT, None),
        ("CU-03", "Is there a documented process for telling us about changes in the ownership or control of your "
                  "company?", NOT_ANSWERED, None),
    ]),
    ("Member data", [
        ("CU-04", "Are member account numbers and balances encrypted in every database and file transfer you operate "
                  "for us?", SELECT_FORMULA, None),
        ("CU-05", "Do your staff need a recorded business reason before they can look up an individual member's "
                  "records?", SELECT_TEXT, None),
        ("CU-06", "Are the statements and notices printed for our members produced in a facility with controlled "
                  "entry?", NOT_ANSWERED, None),
        ("CU-07", "Is member data used for fraud analytics kept in the country and deleted when our contract ends?",
         "No", "Fraud models are trained in an EU region; deletion at exit is contractual."),
    ]),
    ("Card and payment services", [
        ("CU-08", "Are card authorisation systems watched around the clock for unusual transaction volumes?",
         SELECT_FORMULA, None),
        ("CU-09", "Can our own staff set daily limits and block card use by country from the credit union's "
                  "console?", SELECT_TEXT, None),
        ("CU-10", "Are PIN change and card activation services protected against automated guessing?", NOT_ANSWERED,
         None),
        ("CU-11", "Is the payment switch built so that the failure of a single component does not stop card "
                  "authorisations?", SELECT_FORMULA, None),
    ]),
    ("Resilience and exit", [
        ("CU-12", "Have you tested failover of the card processing platform to the secondary site in the past twelve "
                  "months?", SELECT_TEXT, None),
        ("CU-13", "Would you keep serving our members for at least six months after either party gives notice to end "
                  "the contract?", NOT_ANSWERED, None),
        ("CU-14", "Will you return all member data in a documented format within thirty days of the contract "
                  "ending?", SELECT_FORMULA, None),
        ("CU-15", "Are your critical suppliers, such as the card scheme gateway, covered by your business continuity "
                  "plan?", SELECT_TEXT, None),
    ]),
]


def _status_formula(row: int) -> str:
    return f'=IF(OR(C{row}="",C{row}="Select…",C{row}="Select",C{row}="Not answered"),"Open","Answered")'


def answer_cells_prefilled_formula_defaults(folder: Path) -> Layout:
    wb = Workbook()
    ws = wb.active
    ws.title = DUE_SHEET
    caption(ws, "A1", "Pellucid Community Credit Union – Service Provider Due Diligence", "A1:E1")
    small_print(ws, "A2", "Every answer cell starts with a placeholder ('Select…', 'Select' or 'Not answered'). "
                          "Replace it with Yes, No, In progress or N/A from the list; the Status column updates "
                          "itself.", "A2:E2")
    ws["A3"] = "Questions still open:"
    ws["A3"].font = Font(name="Verdana", bold=True, size=9)
    heading_row(ws, DUE_HEADER_ROW, DUE_HEADER, paint="rust")
    items = []
    answer_cells = []
    cached: dict[str, Any] = {}
    row = DUE_HEADER_ROW
    open_count = 0
    for section, questions in DUE_SECTIONS:
        row += 1
        band_row(ws, row, section, "A", "E", paint="cyan")
        for id_, question, held, remark in questions:
            row += 1
            body_row(ws, row, {"A": id_, "B": question, "C": held, "D": remark, "E": _status_formula(row)}, "ABCDE")
            ws[f"C{row}"].alignment = MIDDLE
            ws[f"E{row}"].fill = CALC_FILL
            ws[f"E{row}"].font = CALC_FONT
            ws[f"E{row}"].alignment = MIDDLE
            placeholder = held in PLACEHOLDER_SHOWN
            if placeholder:
                ws[f"C{row}"].font = PLACEHOLDER_FONT
                open_count += 1
            if held in (NOT_ANSWERED, SELECT_FORMULA):
                cached[f"C{row}"] = PLACEHOLDER_SHOWN[held]
            cached[f"E{row}"] = "Open" if placeholder else "Answered"
            answer_cells.append(f"C{row}")
            items.append(expect(DUE_SHEET, row, question, "C", id_, comment="D", allowed=DUE_CHOICES,
                                existing=None if placeholder else held, existing_comment=remark, section=[section]))
    last = row
    ws["C3"] = f'=COUNTIF(E{DUE_HEADER_ROW + 1}:E{last},"Open")'
    ws["C3"].font = TOTAL_FONT
    ws["C3"].fill = CALC_FILL
    cached["C3"] = open_count
    list_validation(ws, DUE_CHOICES, *answer_cells)
    col_widths(ws, A=8, B=72, C=16, D=44, E=12)
    ws.freeze_panes = f"A{DUE_HEADER_ROW + 1}"
    path = store(wb, folder, "Pellucid_CU_service_provider_due_diligence.xlsx")
    _cache_results(path, cached)
    return Layout(
        name="answer_cells_prefilled_formula_defaults",
        path=path,
        format="xlsx",
        sheets=[sheet_of(DUE_SHEET, DUE_HEADER_ROW, {"A": "id", "B": "question", "C": "answer", "D": "comment"})],
        items=items,
        note="A credit union's due-diligence sheet, header on row 5: 'Ref' (id), 'Question', 'Answer' (answer, "
             "drop-down 'Yes', 'No', 'In progress', 'N/A'), 'Comments' (comment), 'Status' (a formula, 'Open' / "
             "'Answered'; no role); an 'open questions' counter (COUNTIF) above the table. Thirteen answer cells "
             "hold a placeholder: the formula =\"Not answered\" or =IF(TRUE,\"Select\",\"\") (results cached) or the "
             "text 'Select…' in grey italics. CONVENTION: these rows are items (the question awaits the vendor; "
             "the placeholder cell is the answer cell, to be overwritten) and their existing_answer is None (a "
             "placeholder is not an answer; the sheet's own Status counts them 'Open'). Two rows hold a real answer "
             "('Yes', 'No'). Section rows give the section.",
    )


# --- 8. a scored questionnaire exported as CSV: points, weighted score, totals at the end ---------------

CSV_NAME = "VSA-2027-014_scored_responses"
CSV_HEADER = ["Ref", "Control Question", "Vendor Answer (Yes/No/N/A)", "Points", "Weighted Score", "Notes"]
#: (ref, question, points, existing answer, existing note)
CSV_ROWS: list[tuple[str, str, int, str | None, str | None]] = [
    ("EM-01", "Are subscriber lists stored encrypted and kept separate from other clients' lists?", 5, "Yes", None),
    ("EM-02", "Is double opt-in available for every sign-up form hosted on your platform?", 3, None, None),
    ("EM-03", "Are unsubscribe requests honoured within forty-eight hours across all of our sending domains?", 4,
     None, None),
    ("EM-04", "Do platform users sign in through single sign-on or with a second factor?", 5, "Yes",
     "SAML single sign-on with our identity provider."),
    ("EM-05", "Are API keys for the sending service limited to single functions and revocable by us?", 4, "No",
     "Keys are account-wide today; scoped keys are on the roadmap for Q2."),
    ("EM-06", "Is every campaign send logged together with the user who approved it?", 2, None, None),
    ("EM-07", "Are bounce and complaint records deleted after a fixed retention period?", 2, None, None),
    ("EM-08", "Do you check uploaded contact lists for spreadsheet formula injection before importing them?", 3, None,
     None),
    ("EM-09", "Can open tracking be switched off for the recipients of one region only?", 2, "N/A",
     "We do not use open tracking at all."),
    ("EM-10", "Is the platform covered by a yearly penetration test whose summary we may read?", 4, None, None),
    ("EM-11", "Are the subprocessors that receive subscriber data listed in the data processing agreement?", 3, None,
     None),
    ("EM-12", "Can deleted subscriber records be purged from backups within ninety days?", 3, None, None),
    ("EM-13", "Would you tell us within twenty-four hours of unauthorised access to our subscriber data?", 5, None,
     None),
    ("EM-14", "Are the sending IP addresses dedicated to our account rather than shared with other clients?", 1, "No",
     None),
    ("EM-15", "Is a public status page kept that shows delivery delays and outages?", 1, None, None),
]


def _weighted(answer: str | None, points: int) -> str:
    """The export's per-row score: the points for Yes, 0 for No or no answer, blank for N/A."""
    return "" if answer == "N/A" else str(points) if answer == "Yes" else "0"


def _csv_totals() -> list[list[str]]:
    available = sum(points for _, _, points, answer, _ in CSV_ROWS if answer != "N/A")
    achieved = sum(points for _, _, points, answer, _ in CSV_ROWS if answer == "Yes")
    return [
        ["TOTAL POINTS AVAILABLE", "", "", str(available), "", ""],
        ["TOTAL WEIGHTED SCORE", "", "", "", str(achieved), ""],
        ["TOTAL SCORE %", "", "", "", f"{100 * achieved / available:.1f}%", ""],
    ]


def csv_with_scoring_columns(folder: Path) -> Layout:
    records: list[list[str]] = [list(CSV_HEADER)]
    items = []
    for id_, question, points, answer, note in CSV_ROWS:
        records.append([id_, question, answer or "", str(points), _weighted(answer, points), note or ""])
        items.append(expect(CSV_NAME, len(records), question, "C", id_, comment="F", allowed=CSV_CHOICES,
                            source="header", existing=answer, existing_comment=note, section=[]))
    records.append([])
    records += _csv_totals()
    buffer = io.StringIO(newline="")
    csv.writer(buffer, quoting=csv.QUOTE_ALL, lineterminator="\r\n").writerows(records)
    path = folder / f"{CSV_NAME}.csv"
    path.write_bytes(b"\xef\xbb\xbf" + buffer.getvalue().encode("utf-8"))
    return Layout(
        name="csv_with_scoring_columns",
        path=path,
        format="csv",
        sheets=[sheet_of(CSV_NAME, 1, {"A": "id", "B": "question", "C": "answer", "F": "comment"})],
        items=items,
        csv=True,
        encoding="utf-8-sig",
        delimiter=",",
        note="A scored questionnaire exported as CSV (UTF-8 with a BOM, comma, CRLF, every field quoted). Header on "
             "row 1: 'Ref' (id), 'Control Question' (question), 'Vendor Answer (Yes/No/N/A)' (answer; allowed "
             "answers 'Yes', 'No', 'N/A' from the header, source header), 'Points' and 'Weighted Score' (the "
             "customer's scoring: no role), 'Notes' (comment). Fifteen item records, then a blank line and three "
             "summary records ('TOTAL POINTS AVAILABLE', 'TOTAL WEIGHTED SCORE', 'TOTAL SCORE %'), which are not "
             "items. No section rows (section []). Five rows already answered (Yes, Yes, No, N/A, No).",
    )


# --- the registry ---------------------------------------------------------------------------------------

HELDOUT11_LAYOUTS: list[Callable[[Path], Layout]] = [
    scored_questionnaire_formulas,
    print_repeated_headers,
    shaded_input_cells,
    non_list_validation_mixed,
    two_row_grouped_header_vendor_block,
    checkbox_symbol_dropdown,
    answer_cells_prefilled_formula_defaults,
    csv_with_scoring_columns,
]

#: The same builders by layout name (the form `bench/layout_bench.py` takes for a group).
HELDOUT11_BY_NAME: dict[str, Callable[[Path], Layout]] = {b.__name__: b for b in HELDOUT11_LAYOUTS}


# --- self-check -----------------------------------------------------------------------------------

#: Complaints of the imported checks that this file replaces with a check of its own, per layout.
REPLACED: dict[str, list[tuple[re.Pattern[str], str]]] = {
    "shaded_input_cells": [
        (re.compile(r": column C \(answer\) is headed ''$"), "_feature_shaded: the first yellow column"),
        (re.compile(r": column C \(answer\) has no heading$"), "_feature_shaded: the first yellow column"),
    ],
    "two_row_grouped_header_vendor_block": [
        (re.compile(r": column F \(comment\) is headed 'Explanation'$"),
         "_feature_grouped_header: 'Explanation' under 'Vendor Response' is the comment"),
    ],
    "answer_cells_prefilled_formula_defaults": [
        (re.compile(r"!row \d+: C\d+ holds '(=\"Not answered\"|=IF\(TRUE,\"Select\",\"\"\)|Select…)', expected None$"),
         "_feature_placeholders: every placeholder, its cached result and the items' existing answers"),
    ],
    "csv_with_scoring_columns": [
        (re.compile(r"^records of differing widths$"),
         "_feature_scored_csv: the table's records, the blank record and the summary records"),
        (re.compile(r"^row \d+: a CSV has no drop-downs; allowed answers must be \[\]$"),
         "_feature_scored_csv: the header names the choices"),
    ],
}


def _is_replaced(layout: Layout, problem: str) -> bool:
    return any(pattern.search(problem) for pattern, _ in REPLACED.get(layout.name, []))


def _header_problems(ws: Any, sheet: ExpectedSheet, want: dict[str, Any]) -> list[str]:
    got = {letter: ws[f"{letter}{sheet.header_row}"].value for letter in want}
    return [] if got == want else [f"headings {got}, expected {want}"]


# --- one check per layout of the feature it exercises ---------------------------------------------


def _feature_scored(layout: Layout) -> list[str]:
    problems: list[str] = []
    wb = openpyxl.load_workbook(layout.path)
    values = openpyxl.load_workbook(layout.path, data_only=True)
    sheet = _only_sheet(layout)
    ws, shown = wb[sheet.name], values[sheet.name]
    problems += _header_problems(ws, sheet, SCORE_HEADER)
    headings = _headings(ws, sheet.header_row)
    points, score, answer = headings["Max Points"], headings["Score"], headings["Response"]
    if points in sheet.columns or score in sheet.columns or _role(sheet, "answer") != answer:
        problems.append("'Max Points' or 'Score' has a role, or the answer is not 'Response'")
    total_points = total_score = not_applicable = 0.0
    for item in layout.items:
        if split_ref(item.answer_cell)[1] != answer:
            problems.append(f"row {item.row}: the answer cell is not in 'Response'")
        formula = ws[f"{score}{item.row}"].value
        if formula != f'=IF({answer}{item.row}="Yes",{points}{item.row},IF({answer}{item.row}="Partial",' \
                      f'{points}{item.row}/2,0))':
            problems.append(f"row {item.row}: the Score cell holds {formula!r}, not the row's formula")
        weight = ws[f"{points}{item.row}"].value
        if not isinstance(weight, int) or weight < 1:
            problems.append(f"row {item.row}: no Max Points number")
            continue
        want = _score_of(ws[f"{answer}{item.row}"].value, weight)
        if shown[f"{score}{item.row}"].value != want:
            problems.append(f"row {item.row}: cached score {shown[f'{score}{item.row}'].value!r}, expected {want}")
        if _rgb(ws[f"{score}{item.row}"]) != "E7E6E6":
            problems.append(f"row {item.row}: the Score cell is not grey")
        total_points += weight
        total_score += want
        not_applicable += weight if item.existing_answer == "N/A" else 0
        if item.allowed_answers != SCORE_CHOICES:
            problems.append(f"row {item.row}: allowed answers {item.allowed_answers}")
    if sorted({item.existing_answer for item in layout.items} - {None}) != ["N/A", "Partial", "Yes"]:
        problems.append("the answered rows do not cover Yes, Partial and N/A")
    decoys = sorted(row for (s, row) in DECOYS.get(layout.name, {}) if s == sheet.name)
    last = max(item.row for item in layout.items)
    labels = [ws[f"{_role(sheet, 'question')}{row}"].value for row in decoys]
    if labels != [SCORE_TOTAL_LABEL, SCORE_RATE_LABEL] or any(row <= last for row in decoys):
        return problems + [f"scoring rows {decoys} labelled {labels}, expected Total and Compliance % below the table"]
    total_row, rate_row = decoys
    first = sheet.header_row + 1
    want_formulas = {f"{points}{total_row}": f"=SUM({points}{first}:{points}{last})",
                     f"{score}{total_row}": f"=SUM({score}{first}:{score}{last})"}
    for coordinate, formula in want_formulas.items():
        if ws[coordinate].value != formula:
            problems.append(f"{coordinate}: {ws[coordinate].value!r}, expected {formula!r}")
    rate = ws[f"{score}{rate_row}"].value
    if not (isinstance(rate, str) and rate.startswith("=") and "SUMIF(" in rate and '"N/A"' in rate
            and f"{score}{total_row}" in rate) or ws[f"{score}{rate_row}"].number_format != "0.0%":
        problems.append(f"the Compliance % cell holds {rate!r}, not a percentage formula over the totals")
    cached = (shown[f"{points}{total_row}"].value, shown[f"{score}{total_row}"].value, shown[f"{score}{rate_row}"].value)
    want_cached = (total_points, total_score, total_score / (total_points - not_applicable))
    if any(got is None or abs(got - want) > 1e-9 for got, want in zip(cached, want_cached)):
        problems.append(f"cached totals {cached}, expected {want_cached}")
    if any((sheet.name, row) in {(i.sheet, i.row) for i in layout.items} for row in decoys):
        problems.append("a scoring row taken for an item")
    problems += _drop_down_problems(wb, ws, layout, sheet)
    problems += _walk(ws, layout, sheet)
    return problems


def _feature_print(layout: Layout) -> list[str]:
    problems: list[str] = []
    wb = openpyxl.load_workbook(layout.path)
    sheet = _only_sheet(layout)
    ws = wb[sheet.name]
    header = [ws.cell(sheet.header_row, c).value for c in range(1, 6)]
    if header != list(PRINT_HEADER.values()):
        return [f"header {header}, expected {list(PRINT_HEADER.values())}"]
    repeated = [r for r in range(sheet.header_row + 1, ws.max_row + 1)
                if [ws.cell(r, c).value for c in range(1, 6)] == header]
    pages = [r for r in range(sheet.header_row + 1, ws.max_row + 1)
             if re.fullmatch(r"Page \d+ of \d+", str(ws[f"E{r}"].value or ""))]
    if len(repeated) != 2 or len(pages) != 3:
        return problems + [f"repeated headers on rows {repeated}, page rows {pages}: expected two and three"]
    for number, row in enumerate(pages, start=1):
        if ws[f"E{row}"].value != f"Page {number} of 3" or any(ws.cell(row, c).value for c in range(1, 5)):
            problems.append(f"row {row}: not a bare 'Page {number} of 3' row")
    breaks = sorted(b.id for b in ws.row_breaks.brk)
    for page_row, header_row, brk in zip(pages, repeated, breaks + [None] * 2):
        spacer = page_row + 1
        if header_row != spacer + 1 or any(ws.cell(spacer, c).value is not None for c in range(1, 6)):
            problems.append(f"row {header_row}: the repeated header does not follow a page row and a blank spacer")
        if brk != spacer:
            problems.append(f"no manual page break after the spacer row {spacer}")
    if len(breaks) != 2:
        problems.append(f"{len(breaks)} manual page breaks, expected two")
    if not ws.print_area or ws.page_setup.orientation != "landscape" or not ws.sheet_properties.pageSetUpPr.fitToPage:
        problems.append("no print area or landscape fit-to-page set-up")
    item_rows = {item.row for item in layout.items}
    if item_rows & set(repeated + pages + [p + 1 for p in pages]):
        problems.append("a repeated header, page row or spacer taken for an item")
    decoys = {row for (s, row) in DECOYS.get(layout.name, {}) if s == sheet.name}
    if set(repeated) - decoys:
        problems.append("a repeated header not registered as a decoy")
    # The sections run on across the page breaks: an item right after a repeated header has a section.
    after = [item for item in layout.items if item.row - 1 in repeated]
    if len(after) != 2 or any(not item.section for item in after):
        problems.append("no item right after a repeated header keeping the section from the page before")
    answer = _role(sheet, "answer")
    covering = _validations_over(ws, f"{answer}{repeated[0]}")
    if len(covering) != 1 or not _validations_over(ws, f"{answer}{pages[0]}"):
        problems.append("the drop-down does not cover the whole reply range (repeated headers and page rows)")
    if sum(item.existing_answer is not None for item in layout.items) != 2:
        problems.append("expected two rows already answered")
    problems += _drop_down_problems(wb, ws, layout, sheet)
    problems += _walk(ws, layout, sheet, min_bands=4)
    return problems


def _feature_shaded(layout: Layout) -> list[str]:
    problems: list[str] = []
    wb = openpyxl.load_workbook(layout.path)
    sheet = _only_sheet(layout)
    ws = wb[sheet.name]
    problems += _header_problems(ws, sheet, SHADE_HEADER)
    answer, comment = _role(sheet, "answer"), _role(sheet, "comment")
    if ws[f"{answer}{sheet.header_row}"].value is not None or _rgb(ws[f"{answer}{sheet.header_row}"]) is None:
        problems.append("the answer column's heading cell is not an empty, styled heading")
    if ws[f"{comment}{sheet.header_row}"].value != "Comments (optional)":
        problems.append("the comment column is not 'Comments (optional)'")
    instructions = " ".join(str(ws[f"A{r}"].value or "") for r in range(1, sheet.header_row))
    if "Complete the cells shaded yellow" not in instructions:
        problems.append("the instructions do not say to complete the yellow cells")
    if ws.data_validations.dataValidation or ws.protection.sheet:
        problems.append("a drop-down or protection: the layout marks input by colour alone")
    yellow = {c.coordinate for r in ws.iter_rows() for c in r if _rgb(c) == YELLOW_RGB}
    item_cells = {_coordinate(ref_) for item in layout.items for ref_ in (item.answer_cell, item.comment_cell) if ref_}
    if yellow != item_cells | set(SHADE_OTHER):
        problems.append(f"yellow cells that are not item cells: {sorted(yellow - item_cells - set(SHADE_OTHER))}; "
                        f"item cells that are not yellow: {sorted(item_cells - yellow)}")
    for item in layout.items:
        first_yellow = next((c.column_letter for c in ws[item.row] if _rgb(c) == YELLOW_RGB), None)
        if split_ref(item.answer_cell)[1] != first_yellow:
            problems.append(f"row {item.row}: the answer is not the row's first yellow cell ({first_yellow})")
        if item.allowed_answers or item.allowed_answers_source is not None:
            problems.append(f"row {item.row}: allowed answers without a list in the file")
    for coordinate in SHADE_OTHER:
        if int(re.sub(r"\D", "", coordinate)) >= sheet.header_row:
            problems.append(f"{coordinate}: a yellow non-item cell inside the table")
    notes = [row for (s, row) in DECOYS.get(layout.name, {}) if s == sheet.name]
    if len(notes) != 1 or ws[f"B{notes[0]}"].value != SHADE_NOTE or any(_rgb(c) for c in ws[notes[0]]):
        problems.append("no note row without yellow cells inside the table")
    if sum(item.existing_answer is not None for item in layout.items) != 2:
        problems.append("expected two rows already answered")
    problems += _walk(ws, layout, sheet)
    return problems


def _feature_mixed(layout: Layout) -> list[str]:
    problems: list[str] = []
    wb = openpyxl.load_workbook(layout.path)
    sheet = _only_sheet(layout)
    ws = wb[sheet.name]
    answer, comment = _role(sheet, "answer"), _role(sheet, "comment")
    kinds: dict[str, int] = {}
    for item in layout.items:
        coordinate = f"{answer}{item.row}"
        found = _all_validations_over(ws, coordinate)
        if len(found) != 1:
            problems.append(f"row {item.row}: {len(found)} validations over the answer cell")
            continue
        dv = found[0]
        kinds[dv.type] = kinds.get(dv.type, 0) + 1
        wording = next((kind for kind, start in MIXED_WORDING.items() if item.question.startswith(start)), LIST)
        if dv.type != wording:
            problems.append(f"row {item.row}: a {dv.type} validation on a question worded for {wording}")
        if dv.type == LIST:
            if item.allowed_answers != YES_NO or item.allowed_answers_source != "validation":
                problems.append(f"row {item.row}: allowed answers {item.allowed_answers} under the Yes/No list")
        else:
            if item.allowed_answers or item.allowed_answers_source is not None:
                problems.append(f"row {item.row}: allowed answers {item.allowed_answers} under a {dv.type} "
                                "validation, which gives none")
            if not dv.prompt or not dv.showInputMessage:
                problems.append(f"row {item.row}: the {dv.type} validation has no input message")
        if dv.type == WHOLE and (dv.operator, dv.formula1) != ("greaterThanOrEqual", "0"):
            problems.append(f"row {item.row}: the whole-number validation is not >= 0")
        if dv.type == DATE and (dv.operator, dv.formula1, dv.formula2) != (
                "between", str(_serial(EARLIEST)), str(_serial(LATEST))):
            problems.append(f"row {item.row}: the date validation is not between 2015 and 2030")
        if dv.type == TEXT and (dv.operator, dv.formula1) != ("lessThanOrEqual", "1000"):
            problems.append(f"row {item.row}: the text-length validation is not <= 1000")
        if _all_validations_over(ws, f"{comment}{item.row}"):
            problems.append(f"row {item.row}: a validation over the comment cell")
    if kinds.get(LIST, 0) < 5 or any(kinds.get(kind, 0) < 2 for kind in (WHOLE, DATE, TEXT)):
        problems.append(f"validation kinds {kinds}: the layout wants several lists and at least two of each other")
    problems += _drop_down_problems(wb, ws, layout, sheet)
    problems += _walk(ws, layout, sheet)
    return problems


def _feature_grouped_header(layout: Layout) -> list[str]:
    problems: list[str] = []
    wb = openpyxl.load_workbook(layout.path)
    sheet = _only_sheet(layout)
    ws = wb[sheet.name]
    top, low = sheet.header_row - 1, sheet.header_row
    merged = {m.coord for m in ws.merged_cells.ranges}
    for span, text in MATRIX_GROUPS.items():
        first = span.split(":")[0]
        if span not in merged or ws[first].value != text or int(re.sub(r"\D", "", first)) != top:
            problems.append(f"no grouping heading {text!r} merged over {span} on the row above the header")
    problems += _header_problems(ws, sheet, MATRIX_HEADER)
    question, answer = _role(sheet, "question"), _role(sheet, "answer")
    vendor_roles = {role: ws[f"{_role(sheet, role)}{low}"].value for role in ("answer", "comment", "evidence")}
    if vendor_roles != {"answer": "Answer", "comment": "Explanation", "evidence": "Evidence Reference"}:
        problems.append(f"the vendor's columns have the roles {vendor_roles}")
    if f"{question}{low}:D{low}" not in merged:
        problems.append("the 'Requirement' heading is not merged across B:D")
    vendor = range(column_index_from_string("E"), column_index_from_string("G") + 1)
    if any(column_index_from_string(letter) not in vendor for letter, role in sheet.columns.items()
           if role in ("answer", "comment", "evidence")):
        problems.append("a response column outside the 'Vendor Response' group")
    if ws.freeze_panes != f"A{low + 1}":
        problems.append(f"panes frozen at {ws.freeze_panes}, expected below the header (A{low + 1})")
    if "C" in sheet.columns or "D" in sheet.columns:
        problems.append("a column covered by the merged requirement has a role")
    for item in layout.items:
        if f"{question}{item.row}:D{item.row}" not in merged:
            problems.append(f"row {item.row}: the requirement is not merged across B:D")
        if collapse(ws[f"{question}{item.row}"].value) != item.question:
            problems.append(f"row {item.row}: the requirement's text is not in {question}")
        if split_ref(item.answer_cell)[1] != answer:
            problems.append(f"row {item.row}: the answer is not in 'Answer'")
    problems += _drop_down_problems(wb, ws, layout, sheet)
    problems += _walk(ws, layout, sheet)
    return problems


def _feature_symbols(layout: Layout) -> list[str]:
    problems: list[str] = []
    wb = openpyxl.load_workbook(layout.path)
    sheet = _only_sheet(layout)
    ws = wb[sheet.name]
    problems += _header_problems(ws, sheet, SYMBOL_HEADER)
    legend = [ws[f"A{SYMBOL_LEGEND_ROW + k}"].value for k in range(len(SYMBOL_CHOICES))]
    if legend != SYMBOL_CHOICES or ws[f"A{SYMBOL_LEGEND_ROW - 1}"].value != "How to answer":
        problems.append(f"legend {legend}, expected the list's values under 'How to answer'")
    if SYMBOL_LEGEND_ROW + len(SYMBOL_CHOICES) > sheet.header_row:
        problems.append("the legend is not above the header")
    if any(not re.match(r"^[^\x00-\x7f] \w", choice) for choice in SYMBOL_CHOICES):
        problems.append("a list value that is not a symbol, a space and a word")
    guidance = _role(sheet, "guidance")
    guided = 0
    for item in layout.items:
        if item.allowed_answers != SYMBOL_CHOICES or item.allowed_answers_source != "validation":
            problems.append(f"row {item.row}: allowed answers {item.allowed_answers}, expected {SYMBOL_CHOICES}")
        if item.existing_answer is not None and item.existing_answer not in SYMBOL_CHOICES:
            problems.append(f"row {item.row}: the existing answer is not a value of the list")
        value = ws[f"{guidance}{item.row}"].value
        if item.guidance != (collapse(value) if value else None):
            problems.append(f"row {item.row}: guidance {item.guidance!r}, the Guidance cell says {value!r}")
        guided += value is not None
    if not 2 <= guided <= len(layout.items) - 2:
        problems.append(f"{guided} rows with guidance: the layout wants some, not all")
    if sum(item.existing_answer is not None for item in layout.items) != 2:
        problems.append("expected two rows already answered")
    problems += _drop_down_problems(wb, ws, layout, sheet)
    problems += _walk(ws, layout, sheet)
    return problems


def _feature_placeholders(layout: Layout) -> list[str]:
    problems: list[str] = []
    wb = openpyxl.load_workbook(layout.path)
    values = openpyxl.load_workbook(layout.path, data_only=True)
    sheet = _only_sheet(layout)
    ws, shown = wb[sheet.name], values[sheet.name]
    problems += _header_problems(ws, sheet, DUE_HEADER)
    answer = _role(sheet, "answer")
    status = _headings(ws, sheet.header_row)["Status"]
    if status in sheet.columns:
        problems.append("the Status column has a role")
    kinds: dict[str, int] = {}
    open_rows = 0
    for item in layout.items:
        if split_ref(item.answer_cell)[1] != answer:
            problems.append(f"row {item.row}: the answer is not in 'Answer'")
            continue
        held = ws[f"{answer}{item.row}"].value
        if held in PLACEHOLDER_SHOWN:
            kinds[held] = kinds.get(held, 0) + 1
            open_rows += 1
            if item.existing_answer is not None:
                problems.append(f"row {item.row}: placeholder {held!r} taken for an existing answer "
                                f"({item.existing_answer!r})")
            if shown[f"{answer}{item.row}"].value != PLACEHOLDER_SHOWN[held]:
                problems.append(f"row {item.row}: the placeholder shows {shown[f'{answer}{item.row}'].value!r}, "
                                f"expected {PLACEHOLDER_SHOWN[held]!r}")
            if not ws[f"{answer}{item.row}"].font.i:
                problems.append(f"row {item.row}: the placeholder is not in grey italics")
            if shown[f"{status}{item.row}"].value != "Open":
                problems.append(f"row {item.row}: a placeholder row whose Status is not 'Open'")
        elif held in DUE_CHOICES:
            if item.existing_answer != held:
                problems.append(f"row {item.row}: existing answer {item.existing_answer!r}, the cell holds {held!r}")
            if shown[f"{status}{item.row}"].value != "Answered":
                problems.append(f"row {item.row}: an answered row whose Status is not 'Answered'")
        else:
            problems.append(f"row {item.row}: the answer cell holds {held!r}, neither a placeholder nor an answer")
        if ws[f"{status}{item.row}"].value != _status_formula(item.row):
            problems.append(f"row {item.row}: no Status formula over the answer cell")
        if item.allowed_answers != DUE_CHOICES:
            problems.append(f"row {item.row}: allowed answers {item.allowed_answers}")
    if len(kinds) != 3 or min(kinds.values()) < 3 or len(layout.items) - open_rows != 2:
        problems.append(f"placeholders {kinds} and {len(layout.items) - open_rows} answers: the layout wants each "
                        "placeholder several times and two answers")
    if any(placeholder in DUE_CHOICES or PLACEHOLDER_SHOWN[placeholder] in DUE_CHOICES
           for placeholder in PLACEHOLDER_SHOWN):
        problems.append("a placeholder that is also a value of the list")
    counter = ws["C3"].value
    if not (isinstance(counter, str) and counter.startswith("=COUNTIF(")) or shown["C3"].value != open_rows:
        problems.append(f"the open-questions counter holds {counter!r} (shown {shown['C3'].value!r}), expected a "
                        f"COUNTIF showing {open_rows}")
    problems += _drop_down_problems(wb, ws, layout, sheet)
    problems += _walk(ws, layout, sheet)
    return problems


def _feature_scored_csv(layout: Layout) -> list[str]:
    problems: list[str] = []
    raw = layout.path.read_bytes()
    if not raw.startswith(b"\xef\xbb\xbf") or layout.encoding != "utf-8-sig" or layout.delimiter != ",":
        problems.append("not a comma-separated UTF-8 file with a BOM")
    text = raw.decode("utf-8-sig")
    records = _records(layout)
    sheet = layout.sheets[0]
    if text.count("\r\n") != len(records) or text.count("\n") != len(records):
        problems.append("records do not end in CRLF")
    if any(line and not re.fullmatch(r'"[^"]*"(,"[^"]*")*', line) for line in text.split("\r\n")):
        problems.append("a field that is not quoted")
    if records[sheet.header_row - 1] != CSV_HEADER:
        return problems + [f"record {sheet.header_row} is {records[sheet.header_row - 1]}, not the header"]
    letter = {heading: get_column_letter(k) for k, heading in enumerate(CSV_HEADER, start=1)}
    if letter["Points"] in sheet.columns or letter["Weighted Score"] in sheet.columns:
        problems.append("a scoring column has a role")
    rows = {item.row: item for item in layout.items}
    last = max(rows)
    for row in range(sheet.header_row + 1, last + 1):
        if row not in rows:
            problems.append(f"record {row}: a record of the table that is not an item")
        if len(records[row - 1]) != len(CSV_HEADER):
            problems.append(f"record {row} has {len(records[row - 1])} fields")
    tail = records[last:]
    if tail != [[]] + _csv_totals():
        problems.append(f"after the table {tail}, expected a blank record and the three TOTAL records")
    if any(row > last for row in rows):
        problems.append("an item after the table")
    answer = column_index_from_string(_role(sheet, "answer")) - 1
    inside = re.search(r"\(([^()]*)\)\s*$", records[sheet.header_row - 1][answer]).group(1)
    choices = re.findall(r"N/A|[^/]+", inside)  # "N/A" is one choice, as in sets 6, 8 and 10
    for row, item in rows.items():
        record = records[row - 1]
        if item.allowed_answers != choices or item.allowed_answers_source != "header":
            problems.append(f"row {row}: allowed answers {item.allowed_answers} ({item.allowed_answers_source}), the "
                            f"header names {choices}")
        if (record[answer] or None) != item.existing_answer:
            problems.append(f"row {row}: the record's answer differs from the existing answer")
        points, weighted = record[3], record[4]
        if not points.isdigit() or weighted != _weighted(record[answer] or None, int(points)):
            problems.append(f"row {row}: points {points!r} and weighted score {weighted!r} do not fit the answer")
        if item.section != []:
            problems.append(f"row {row}: section {item.section!r} in a CSV without section rows")
    if sum(item.existing_answer is not None for item in layout.items) < 4:
        problems.append("too few rows already answered")
    return problems


FEATURES: dict[str, Callable[[Layout], list[str]]] = {
    "scored_questionnaire_formulas": _feature_scored,
    "print_repeated_headers": _feature_print,
    "shaded_input_cells": _feature_shaded,
    "non_list_validation_mixed": _feature_mixed,
    "two_row_grouped_header_vendor_block": _feature_grouped_header,
    "checkbox_symbol_dropdown": _feature_symbols,
    "answer_cells_prefilled_formula_defaults": _feature_placeholders,
    "csv_with_scoring_columns": _feature_scored_csv,
}


def check_layout(layout: Layout) -> list[str]:
    """Every check of one built layout against its file: the imported ones (less the complaints this
    file replaces; an item beyond the file's last record, which they cannot read, is reported as a
    problem), the layout's own feature check and the order of items and ids (heldout_layouts6's helpers
    for each)."""
    try:
        problems = _imported_problems(layout, [copy.deepcopy(layout)], _is_replaced)
    except IndexError as error:  # an item beyond the file's last record or row
        problems = [f"the imported checks cannot read the layout (IndexError: {error})"]
    problems += _feature_problems(layout, FEATURES, FEATURE_ERRORS + (StopIteration,))
    problems += _order_problems(layout, 1)
    return problems


# --- deliberate mistakes aimed at each layout's feature ---------------------------------------------


def _aimed_mistake(layout: Layout) -> tuple[str, Layout] | None:
    wrong = copy.deepcopy(layout)
    name = layout.name
    if name == "scored_questionnaire_formulas":
        ws = openpyxl.load_workbook(layout.path)[SCORE_SHEET]
        for item in wrong.items:
            item.answer_cell = ref(item.sheet, "E", item.row)
            item.existing_answer = ws[f"E{item.row}"].value
            item.allowed_answers, item.allowed_answers_source = [], None
        return "the Score formula column taken for the answer", wrong
    if name == "print_repeated_headers":
        headers = PRINT_ROWS["header"]
        bands = _bands(openpyxl.load_workbook(layout.path)[PRINT_SHEET])
        for item in wrong.items:
            band_above = max((r for r in bands if r < item.row), default=0)
            if any(band_above < h < item.row for h in headers[1:]):
                item.section = []
        return "the section ended by each repeated header", wrong
    if name == "shaded_input_cells":
        for item in wrong.items:
            item.answer_cell, item.comment_cell = item.comment_cell, item.answer_cell
            item.existing_answer, item.existing_comment = item.existing_comment, item.existing_answer
        return "the 'Comments (optional)' column taken for the answer and the unheaded one for the comment", wrong
    if name == "non_list_validation_mixed":
        for item in wrong.items:
            item.allowed_answers, item.allowed_answers_source = list(YES_NO), "validation"
        return "every row given the Yes/No list, whatever its validation", wrong
    if name == "two_row_grouped_header_vendor_block":
        for sheet in wrong.sheets:
            sheet.header_row = MATRIX_TOP
        return "the grouping row taken for the header", wrong
    if name == "checkbox_symbol_dropdown":
        for item in wrong.items:
            item.allowed_answers = [choice.split(" ", 1)[1] for choice in SYMBOL_CHOICES]
            if item.existing_answer:
                item.existing_answer = item.existing_answer.split(" ", 1)[1]
        return "the list's symbols stripped ('Yes', 'No', ...)", wrong
    if name == "answer_cells_prefilled_formula_defaults":
        ws = openpyxl.load_workbook(layout.path, data_only=True)[DUE_SHEET]
        for item in wrong.items:
            item.existing_answer = ws[f"C{item.row}"].value
        return "the placeholders taken for existing answers", wrong
    if name == "csv_with_scoring_columns":
        records = _records(layout)
        for row in range(len(records) - 2, len(records) + 1):
            record = records[row - 1]
            wrong.items.append(ExpectedItem(CSV_NAME, row, record[0], ref(CSV_NAME, "C", row), record[0], section=[],
                                            comment_cell=ref(CSV_NAME, "F", row), allowed_answers=list(CSV_CHOICES),
                                            allowed_answers_source="header"))
        return "the TOTAL summary records taken for items", wrong
    return None


# --- running the set ----------------------------------------------------------------------------------


def self_check(verbose: bool = True) -> int:
    """Writes every file of this set into a temporary folder and checks its expectations (with
    heldout_layouts6's runner, which also compares the questions with sets 6 to 10); returns the number of
    problems (0 when every layout is described by its expectations, every deliberate mistake is caught and
    nothing repeats an earlier set)."""
    return _run_set(11, HELDOUT11_LAYOUTS, check_layout, _aimed_mistake,
                    later=((6, "sixth", HELDOUT6_LAYOUTS), (7, "seventh", HELDOUT7_LAYOUTS),
                           (8, "eighth", HELDOUT8_LAYOUTS), (9, "ninth", HELDOUT9_LAYOUTS),
                           (10, "tenth", HELDOUT10_LAYOUTS)),
                    formats=("xlsx", "csv"), one_item_per_row=False, items_per_file=(12, 18), verbose=verbose)


if __name__ == "__main__":
    sys.exit(1 if self_check() else 0)
