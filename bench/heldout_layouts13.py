#!/usr/bin/env python3
"""Thirteenth held-out set of synthetic questionnaires for `bench/layout_bench.py`: one sheet with
several things on it, and years.

Written on 2026-12-07 by a helper that did not see the detector's code, its tests, its documentation
or the bench's README, did not read the git history and did not run the tool. It saw only: all of
bench/heldout_layouts12.py (the model for this file); the helper functions it imports from the earlier
sets (bench/heldout_layouts.py: `MarkItem`, `collapse`, `split_ref`, `_resolve_list`,
`_validations_over`, `_hidden_by_merge`, `_check_xlsx`, `_tuned_words`, `_near_duplicate`;
bench/heldout_layouts4.py: the style helpers, `expect`, `ROLE_HEADINGS` ... `_csv_problems`,
`_shift` ... `_mutations`; bench/heldout_layouts5.py: `FOREIGN_HEADINGS`, `_excused`, `_all_earlier`,
`_overlap_problems`; bench/heldout_layouts6.py: `_run_set`, `_imported_problems`, `_feature_problems`,
`_order_problems`, `_per_product`, `_letters`, `_rows_of`, `_role`, `_known_texts`,
`_one_item_per_row`; bench/heldout_layouts9.py: `_only_sheet`, `_questionnaires`, `_walk`,
`_drop_down_problems`, `_coordinate`; bench/heldout_layouts10.py: `_headings`;
bench/heldout_layouts11.py: `_all_validations_over`); the types and small helpers at the top of
Tests/oracle/questionnaire_layouts.py up to its first builder; and the module docstring of
bench/layout_bench.py. Nothing is copied from a real or published template or product: every sheet,
heading, question, answer list and company name was written for this set.

The six files:

- two_tables_one_sheet: a water company's telemetry supplier assessment whose one sheet holds
  "Part A" (header on row 4: "Ref", "Question", "Answer" (drop-down Yes/No/N/A), "Comment"; 8 items)
  and, after two blank rows and a new title on row 15, "Part B" (header on row 16: "No.",
  "Requirement", "Compliant?" (drop-down Compliant / Partially compliant / Not compliant),
  "Evidence"; 6 requirement statements numbered 1 to 6);
- question_continued_on_next_row: a housing association's repairs-app questionnaire in which four
  questions are too long for one row and continue in the question column of the next row; the
  id cell is MERGED over both rows, the answer and comment cells of the continuation row are empty
  and carry no drop-down;
- year_columns: a district council's annual supplier assurance return with "Response 2025" (last
  year's answers, filled, grey, no drop-down) beside "Response 2026" (empty, with the drop-down);
- details_form_then_table: a law firm's document-management questionnaire opening with a vertical
  "Supplier details" block (labels in A, input cells in B: "Registered company name", "Contact
  e-mail", "Date of completion") above a question table whose header is on row 10 (the brief's
  "Company name" and "Date completed" were reworded: the overlap check found them too close to
  fields of a tuned layout);
- many_domain_tabs: a rail operator's signalling-maintenance contractor questionnaire on eight small
  domain sheets ("1 Governance" ... "8 Continuity", 2 or 3 questions each, same columns), with a
  "Cover Sheet", a "How to Complete", a "Domain Summary" (COUNTIF formulas per domain) and a hidden
  "Answer Lists" sheet (the brief asked for "Cover", "Instructions", "Summary" and "Lists"; the
  tuned layouts use those four names, which the overlap check forbids, so each was lengthened);
- footnote_markers_and_links: a clinical-research company's eConsent vendor questionnaire whose
  questions carry footnote markers ("¹", "²", "*", "(see note 3)"), three of whose question cells are
  hyperlinks to the sponsor's policy page, and whose footnotes are listed under the table.

Expectations follow the conventions stated in bench/heldout_layouts.py and sets 4 to 12 (an item is a
row holding a question or requirement whose answer goes in a cell; ids as displayed; absolute
references on the item's row; allowed answers from the drop-down in order, source "validation", []
and None for free text; `question` collapsed; `section` the path of band rows, [] where there are
none; `guidance` None where the sheet has no guidance column).

Conventions this set had to decide (each layout's `note` repeats its own):

- two tables with different columns on one sheet: BOTH tables' rows are items, each read with its
  OWN header: Part A's items have answer C and comment D; Part B's have answer C ("Compliant?", its
  own drop-down) and EVIDENCE D, no comment cell, and ids "1" ... "6" as displayed. The second
  table's title and header rows and the blank gap are not items. The truth holds one header row
  and one set of column roles per sheet: the sheet's are the FIRST table's (header row 4: A id, B
  question, C answer, D comment); the second table's header (row 16: A id, B question, C answer, D
  evidence) is stated here and checked by `_feature_two_tables`. No band rows: section [];
- a question continued on the next row: one item, on the first row (the one with the id and the
  answer cell), whose question is both rows' text joined with a space (collapsed); the
  continuation row is not an item. The id cell is merged over both rows (the continuation row's id
  cell is hidden under the merge); its answer and comment cells are empty and have no drop-down;
- year columns: the answer column is the CURRENT year's, "Response 2026" (the latest year in the
  headings, the one left empty for this year's return and carrying the drop-down); "Response 2025"
  (last year's answers, grey) has no role, is never the existing answer and gives no allowed
  answers. Existing answers are therefore None;
- a details block above the question table: its three fields ARE items (each asks for an answer in
  a cell the supplier must fill): question = the label ("Registered company name", "Contact
  e-mail", "Date of completion"), answer cell the B cell on the label's row, id None (the block has no ids), free text
  ([] and None; the date cell is only formatted dd/mm/yyyy, no validation), section ["Supplier
  details"] (the band row over the block), no comment cell. They come first in the item order. The
  sheet's header row and columns are the question table's (row 10);
- domain tabs: each of the eight domain sheets is a questionnaire sheet (header row 3); its items'
  section is [] (the sheet's name is not a section; no band rows); "Cover Sheet", "How to
  Complete", "Domain Summary" (COUNTIF formulas) and the hidden "Answer Lists" are ignored; the
  drop-down is `='Answer Lists'!$A$2:$A$5` (Yes, No, Partial, N/A);
- footnote markers and links: `question` is the cell's text as written, markers included ("...
  coordinator account¹?", "...?*", "(see note 3)"), collapsed; a hyperlink on a question cell
  changes nothing (its target is not part of the question, nor guidance, nor evidence); the
  "Notes" label and the footnote rows under the table (each merged A:D) are not items, not
  sections and not guidance.

Run `python bench/heldout_layouts13.py` (arguments are ignored) to write every file into a temporary
folder and check, with openpyxl alone (the imported checks of bench/heldout_layouts.py,
heldout_layouts4.py and heldout_layouts5.py through heldout_layouts6's `_run_set`, plus one check per
layout of its feature, which reads the written file back), that the expectations describe the files,
that deliberate mistakes (the imported ones and one per layout aimed at its feature) are caught, and
that no sheet name or question repeats (or nearly repeats) one of the tuned layouts or of the twelve
earlier held-out sets.

Where the imported checks cannot see a feature, this file says so and checks it itself (`REPLACED`,
`DECOYS13`, `_views`):
- they hold one header per sheet, so two_tables_one_sheet is shown to them as two views, one per table
  (each with its own header row, roles and items); the first view's complaints about rows from the
  second table's title down, the second view's about its 6 items and its "Compliant?" heading, are
  replaced by `_feature_two_tables`;
- they want the question in one cell of the row, so their complaints about a continued question are
  replaced by `_feature_continued`; rows this file registers in `DECOYS13` (continuation rows,
  titles, footnotes) are not complained about as rows that read like items, and the feature checks
  check them;
- they want items below the header, so details_form_then_table is shown to them without its three
  details items, which `_feature_details` checks;
- they want every sheet visible, so their complaint that "Answer Lists" is hidden is replaced by
  `_feature_domain_tabs`, which wants it hidden.
"""

from __future__ import annotations

import copy
import re
import sys
import tempfile
from datetime import datetime
from pathlib import Path
from typing import Any, Callable

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
ORACLE = ROOT / "Tests" / "oracle"
for _folder in (ORACLE, BENCH):
    if str(_folder) not in sys.path:
        sys.path.insert(0, str(_folder))

import openpyxl  # noqa: E402
from openpyxl import Workbook  # noqa: E402
from openpyxl.styles import Font, PatternFill  # noqa: E402

from heldout_layouts import _resolve_list, _validations_over, collapse, split_ref  # noqa: E402
from heldout_layouts4 import (  # noqa: E402
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
    _role,
    _run_set,
)
from heldout_layouts7 import HELDOUT7_LAYOUTS  # noqa: E402
from heldout_layouts8 import HELDOUT8_LAYOUTS  # noqa: E402
from heldout_layouts9 import HELDOUT9_LAYOUTS, _only_sheet  # noqa: E402
from heldout_layouts10 import HELDOUT10_LAYOUTS, _headings  # noqa: E402
from heldout_layouts11 import HELDOUT11_LAYOUTS, _all_validations_over  # noqa: E402
from heldout_layouts12 import HELDOUT12_LAYOUTS  # noqa: E402
from questionnaire_layouts import ExpectedItem, ExpectedSheet, Layout, list_validation, ref  # noqa: E402

# --- this set's answer lists and looks ----------------------------------------------------------------

YES_NO_NA = ["Yes", "No", "N/A"]
COMPLIANCE = ["Compliant", "Partially compliant", "Not compliant"]
YES_NO_NOT_APPLICABLE = ["Yes", "No", "Not applicable"]
YES_NO_PARTLY = ["Yes", "No", "Partly", "N/A"]
DOMAIN_CHOICES = ["Yes", "No", "Partial", "N/A"]

GREY = PatternFill("solid", fgColor="D9D9D9")
PART_FONT = Font(name="Verdana", bold=True, size=12, color="17324D")
LABEL_FONT = Font(name="Verdana", bold=True, size=9)
NOTE_FONT = Font(name="Verdana", italic=True, size=8, color="404040")
LINK_FONT = Font(name="Verdana", size=9, color="0563C1", underline="single")

#: Rows that are not items but that a reader could take for one: layout -> {(sheet, row): what it is}.
#: Filled by the builders (the files are the same each time).
DECOYS13: dict[str, dict[tuple[str, int], str]] = {}


def _decoy(layout_name: str, sheet: str, row: int, what: str) -> None:
    DECOYS13.setdefault(layout_name, {})[(sheet, row)] = what


# --- 1. two tables with different columns on one sheet ------------------------------------------------

TWO_SHEET = "Telemetry Supplier"
TWO_A_TITLE_ROW, TWO_A_HEADER_ROW = 3, 4
TWO_A_HEADER = {"A": "Ref", "B": "Question", "C": "Answer", "D": "Comment"}
TWO_A_ROLES = {"A": "id", "B": "question", "C": "answer", "D": "comment"}
TWO_B_TITLE_ROW, TWO_B_HEADER_ROW = 15, 16
TWO_B_HEADER = {"A": "No.", "B": "Requirement", "C": "Compliant?", "D": "Evidence"}
TWO_B_ROLES = {"A": "id", "B": "question", "C": "answer", "D": "evidence"}
#: (ref, question, existing answer, existing comment)
TWO_A_ROWS: list[tuple[str, str, str | None, str | None]] = [
    ("SQ-01", "Are the outstation radios that report reservoir levels authenticated before the telemetry server "
              "accepts their data?", "Yes", None),
    ("SQ-02", "Is the telemetry head-end hosted on servers dedicated to our account rather than shared with other "
              "utilities?", None, None),
    ("SQ-03", "Do your engineers reach our telemetry network only through the jump host we provide?", "No",
     "Two legacy pumping stations still use dial-up modems; their replacement is planned for next year."),
    ("SQ-04", "Are alarm thresholds for chlorine dosing protected from change by anyone other than our process "
              "engineers?", None, None),
    ("SQ-05", "Is the historian database that stores flow readings backed up every night to a separate site?", None,
     None),
    ("SQ-06", "Do you test firmware updates for the remote terminal units on a bench rig before installing them in "
              "the field?", None, None),
    ("SQ-07", "Are failed sign-in attempts on the SCADA operator screens logged and reviewed each week?", None, None),
    ("SQ-08", "Can the telemetry system keep raising alarms by text message if the link to the central control "
              "room is lost?", None, None),
]
#: (number, requirement, existing answer, evidence written)
TWO_B_ROWS: list[tuple[int, str, str | None, str | None]] = [
    (1, "The supplier shall hold certification to IEC 62443-2-4 for the service teams assigned to this contract.",
     "Compliant", "IEC 62443-2-4 certificate, issued March 2025"),
    (2, "The supplier shall give thirty days' notice before changing the subcontractor that maintains the "
        "outstations.", None, None),
    (3, "The supplier shall keep all telemetry data and its backups within the United Kingdom.",
     "Partially compliant", "Data residency statement v2 (backups in Ireland until June)"),
    (4, "The supplier shall let the company's auditors inspect the telemetry service once a year at no extra "
        "charge.", None, None),
    (5, "The supplier shall return all configuration files and data in an open format within twenty working days "
        "of termination.", None, None),
    (6, "The supplier shall report any loss of telemetry availability to the company's control room within one "
        "hour.", None, None),
]


def _two_a_rows() -> list[int]:
    return list(range(TWO_A_HEADER_ROW + 1, TWO_A_HEADER_ROW + 1 + len(TWO_A_ROWS)))


def _two_b_rows() -> list[int]:
    return list(range(TWO_B_HEADER_ROW + 1, TWO_B_HEADER_ROW + 1 + len(TWO_B_ROWS)))


def two_tables_one_sheet(folder: Path) -> Layout:
    name = "two_tables_one_sheet"
    wb = Workbook()
    ws = wb.active
    ws.title = TWO_SHEET
    caption(ws, "A1", "Brackenfield Water – Telemetry and SCADA Platform: Supplier Assessment", "A1:D1")
    small_print(ws, "A2", "Answer every question in Part A and state your compliance with every requirement in "
                          "Part B.", "A2:D2")
    ws[f"A{TWO_A_TITLE_ROW}"] = "Part A – Security questions"
    ws[f"A{TWO_A_TITLE_ROW}"].font = PART_FONT
    ws.merge_cells(f"A{TWO_A_TITLE_ROW}:D{TWO_A_TITLE_ROW}")
    heading_row(ws, TWO_A_HEADER_ROW, TWO_A_HEADER, paint="navy")
    items: list[ExpectedItem] = []
    for row, (id_, question, existing, remark) in zip(_two_a_rows(), TWO_A_ROWS):
        body_row(ws, row, {"A": id_, "B": question, "C": existing, "D": remark}, "ABCD")
        ws[f"C{row}"].alignment = MIDDLE
        ws[f"C{row}"].fill = PAINT["input"]
        items.append(expect(TWO_SHEET, row, question, "C", id_, comment="D", allowed=YES_NO_NA, existing=existing,
                            existing_comment=remark, section=[]))
    list_validation(ws, YES_NO_NA, *[f"C{row}" for row in _two_a_rows()])
    ws[f"A{TWO_B_TITLE_ROW}"] = "Part B – Contractual requirements"
    ws[f"A{TWO_B_TITLE_ROW}"].font = PART_FONT
    ws.merge_cells(f"A{TWO_B_TITLE_ROW}:D{TWO_B_TITLE_ROW}")
    _decoy(name, TWO_SHEET, TWO_B_TITLE_ROW, "the second table's title")
    heading_row(ws, TWO_B_HEADER_ROW, TWO_B_HEADER, paint="moss")
    _decoy(name, TWO_SHEET, TWO_B_HEADER_ROW, "the second table's header")
    for row, (number, requirement, existing, evidence) in zip(_two_b_rows(), TWO_B_ROWS):
        body_row(ws, row, {"A": number, "B": requirement, "C": existing, "D": evidence}, "ABCD")
        ws[f"A{row}"].alignment = MIDDLE
        ws[f"C{row}"].alignment = MIDDLE
        ws[f"C{row}"].fill = PAINT["input"]
        items.append(expect(TWO_SHEET, row, requirement, "C", str(number), evidence="D", allowed=COMPLIANCE,
                            existing=existing, section=[]))
    list_validation(ws, COMPLIANCE, f"C{_two_b_rows()[0]}:C{_two_b_rows()[-1]}")
    col_widths(ws, A=8, B=76, C=20, D=44)
    path = store(wb, folder, "Brackenfield_telemetry_supplier_assessment.xlsx")
    return Layout(
        name=name,
        path=path,
        format="xlsx",
        sheets=[sheet_of(TWO_SHEET, TWO_A_HEADER_ROW, dict(TWO_A_ROLES))],
        items=items,
        note="One sheet, two tables. Part A (title row 3, header row 4: 'Ref' id, 'Question', 'Answer' drop-down "
             "Yes/No/N/A, 'Comment'; 8 items, rows 5-12), two blank rows, then Part B (title row 15, header row 16: "
             "'No.' id, 'Requirement' question, 'Compliant?' drop-down Compliant/Partially compliant/Not compliant, "
             "'Evidence'; 6 items, rows 17-22, ids '1'-'6'). CONVENTION: both tables' rows are items, each read with "
             "its own header: Part B's items have evidence D and no comment cell. The sheet's header row and roles "
             "in this truth are Part A's; Part B's title and header rows are not items. No band rows: section [].",
    )


# --- 2. questions continued on the next row -------------------------------------------------------------

CONT_SHEET = "Repairs App Questions"
CONT_HEADER = {"A": "Q No.", "B": "Question", "C": "Response", "D": "Supporting comments"}
CONT_HEADER_ROW = 4
#: (section, [(id, question, continuation or None, existing answer, existing comment)])
CONT_SECTIONS: list[tuple[str, list[tuple[str, str, str | None, str | None, str | None]]]] = [
    ("1. Tenant data", [
        ("1.1", "Is the tenant information shown to operatives limited to",
         "the name, address and access notes needed for the repair job?", None, None),
        ("1.2", "Can tenants' vulnerability flags be seen only by staff the association has approved?", None, None,
         None),
        ("1.3", "Are photographs that operatives take inside tenants' homes stored in the",
         "UK and deleted once the repair has been signed off?", "Yes", None),
        ("1.4", "Is every change to a tenant's contact details recorded with who made it and when?", None, None,
         None),
    ]),
    ("2. Operatives' devices", [
        ("2.1", "Are operatives' phones enrolled in device management so that a lost phone can be wiped?", None,
         "Yes", None),
        ("2.2", "Does the app lock itself after five minutes without use and require the",
         "operative's PIN or fingerprint to open again?", None, None),
        ("2.3", "Can the app keep working in tower blocks without signal and upload finished jobs later?", None,
         None, None),
        ("2.4", "Is job data kept on the phone for offline use held in encrypted storage?", None, None, None),
    ]),
    ("3. Service and support", [
        ("3.1", "Will you give the association's housing officers read-only access to the",
         "scheduling history of any property for at least six years?", "No",
         "Six years is available as an export; read-only access in the app covers three years."),
        ("3.2", "Is support available on Saturdays, when the association runs its emergency repairs?", None, None,
         None),
        ("3.3", "Are the app's release notes sent to the association before each update reaches operatives?", None,
         None, None),
    ]),
]


def question_continued_on_next_row(folder: Path) -> Layout:
    name = "question_continued_on_next_row"
    wb = Workbook()
    ws = wb.active
    ws.title = CONT_SHEET
    caption(ws, "A1", "Pellow Housing Association – Repairs Scheduling App: Supplier Questionnaire", "A1:D1")
    small_print(ws, "A2", "Choose a response for each question; long questions run over two rows.", "A2:D2")
    heading_row(ws, CONT_HEADER_ROW, CONT_HEADER, paint="plum")
    items = []
    answer_cells = []
    row = CONT_HEADER_ROW
    for section, questions in CONT_SECTIONS:
        row += 1
        band_row(ws, row, section, "A", "D", paint="straw")
        for id_, first, rest, existing, remark in questions:
            row += 1
            body_row(ws, row, {"A": id_, "B": first, "C": existing, "D": remark}, "ABCD")
            ws[f"A{row}"].alignment = MIDDLE
            ws[f"C{row}"].alignment = MIDDLE
            ws[f"C{row}"].fill = PAINT["input"]
            answer_cells.append(f"C{row}")
            question = collapse(first + " " + rest) if rest else first
            items.append(expect(CONT_SHEET, row, question, "C", id_, comment="D", allowed=YES_NO_NOT_APPLICABLE,
                                existing=existing, existing_comment=remark, section=[section]))
            if rest:
                body_row(ws, row + 1, {"B": rest}, "ABCD")
                ws.merge_cells(f"A{row}:A{row + 1}")
                _decoy(name, CONT_SHEET, row + 1, "the continuation of the question above")
                row += 1
    list_validation(ws, YES_NO_NOT_APPLICABLE, *answer_cells)
    col_widths(ws, A=7, B=70, C=16, D=44)
    ws.freeze_panes = f"A{CONT_HEADER_ROW + 1}"
    path = store(wb, folder, "Pellow_repairs_app_supplier_questionnaire.xlsx")
    return Layout(
        name=name,
        path=path,
        format="xlsx",
        sheets=[sheet_of(CONT_SHEET, CONT_HEADER_ROW, {"A": "id", "B": "question", "C": "answer", "D": "comment"})],
        items=items,
        note="A repairs-app questionnaire, header on row 4: 'Q No.' (id), 'Question', 'Response' (drop-down Yes/No/"
             "Not applicable), 'Supporting comments' (comment); three band rows. Four questions continue in the "
             "question column of the next row. CONVENTION: one item on the first row, question = both rows' text "
             "joined with a space (collapsed); the continuation row is not an item. The id cell is merged over "
             "both rows; the continuation row's answer and comment cells are empty and have no drop-down. Three "
             "rows already answered (one of them continued).",
    )


# --- 3. last year's and this year's response columns -----------------------------------------------------

YEAR_SHEET = "Assurance Return"
YEAR_HEADER = {"A": "Ref", "B": "Question", "C": "Response 2025", "D": "Response 2026", "E": "Comments"}
YEAR_HEADER_ROW = 5
YEAR_PREVIOUS, YEAR_CURRENT = "C", "D"
#: (section, [(ref, question, last year's response)])
YEAR_SECTIONS: list[tuple[str, list[tuple[str, str, str | None]]]] = [
    ("Information security", [
        ("AR-01", "Do you still hold a current Cyber Essentials Plus certificate covering the payroll service?", "Yes"),
        ("AR-02", "Has the encryption of the payslips you email to council staff been tested since the last return?",
         "Yes"),
        ("AR-03", "Were any payroll files sent to the wrong recipient during the year?", "No"),
        ("AR-04", "Are the BACS submission credentials held only by staff on the authorised signatories list?",
         "Yes"),
    ]),
    ("Personnel", [
        ("AR-05", "Are leavers removed from the payroll bureau's systems within one working day?", "Yes"),
        ("AR-06", "Have all staff with access to council employee records passed a basic disclosure check?", "Yes"),
        ("AR-07", "Did you tell the council about every change of your key personnel during the year?", "N/A"),
    ]),
    ("Continuity", [
        ("AR-08", "Have you changed the hosting provider of the payroll system since the last return?", "No"),
        ("AR-09", "Was the payroll recovery plan tested this year, including a full pay run from the standby site?",
         "No"),
        ("AR-10", "Could the council's monthly pay run still be made on time if your main office closed for a week?",
         None),
    ]),
]


def year_columns(folder: Path) -> Layout:
    wb = Workbook()
    ws = wb.active
    ws.title = YEAR_SHEET
    caption(ws, "A1", "Kestrel Vale District Council – Payroll Bureau: Annual Supplier Assurance Return", "A1:E1")
    small_print(ws, "A2", "Return year 2026 · Procurement & Contracts", "A2:E2")
    small_print(ws, "A3", "Last year's responses are shown in grey for reference. Give this year's response in "
                          "'Response 2026' and explain any change in Comments.", "A3:E3")
    heading_row(ws, YEAR_HEADER_ROW, YEAR_HEADER, paint="slate")
    items = []
    cells = []
    row = YEAR_HEADER_ROW
    for section, questions in YEAR_SECTIONS:
        row += 1
        band_row(ws, row, section, "A", "E", paint="cyan")
        for id_, question, previous in questions:
            row += 1
            body_row(ws, row, {"A": id_, "B": question, YEAR_PREVIOUS: previous}, "ABCDE")
            ws[f"{YEAR_PREVIOUS}{row}"].fill = GREY
            ws[f"{YEAR_PREVIOUS}{row}"].alignment = MIDDLE
            ws[f"{YEAR_CURRENT}{row}"].fill = PAINT["input"]
            ws[f"{YEAR_CURRENT}{row}"].alignment = MIDDLE
            cells.append(f"{YEAR_CURRENT}{row}")
            items.append(expect(YEAR_SHEET, row, question, YEAR_CURRENT, id_, comment="E", allowed=YES_NO_NA,
                                section=[section]))
    list_validation(ws, YES_NO_NA, *cells)
    col_widths(ws, A=8, B=72, C=14, D=14, E=40)
    ws.freeze_panes = f"A{YEAR_HEADER_ROW + 1}"
    path = store(wb, folder, "KVDC_payroll_assurance_return_2026.xlsx")
    return Layout(
        name="year_columns",
        path=path,
        format="xlsx",
        sheets=[sheet_of(YEAR_SHEET, YEAR_HEADER_ROW, {"A": "id", "B": "question", "D": "answer", "E": "comment"})],
        items=items,
        note="An annual assurance return, header on row 5: 'Ref' (id), 'Question', 'Response 2025' (last year's "
             "answers, grey, no drop-down), 'Response 2026' (empty, drop-down Yes/No/N/A), 'Comments' (comment); "
             "band rows. CONVENTION: the answer column is the current year's, 'Response 2026' (the latest year, "
             "left empty for this return, with the drop-down); 'Response 2025' has no role and is never the "
             "existing answer, so every existing answer is None.",
    )


# --- 4. a details block above the question table ----------------------------------------------------------

DETAIL_SHEET = "DMS Supplier Form"
DETAIL_BAND_ROW = 4
DETAIL_FIELDS = ["Registered company name", "Contact e-mail", "Date of completion"]
DETAIL_SECTION = "Supplier details"
DETAIL_HEADER = {"A": "ID", "B": "Question", "C": "Answer", "D": "Notes"}
DETAIL_HEADER_ROW = 10
#: (section, [(id, question, existing answer, existing note)])
DETAIL_SECTIONS: list[tuple[str, list[tuple[str, str, str | None, str | None]]]] = [
    ("A. Confidentiality", [
        ("DM-01", "Are client matter files encrypted with keys that the firm alone can revoke?", None, None),
        ("DM-02", "Can ethical walls between matters be enforced so that screened fee earners cannot open the "
                  "files?", "Yes", None),
        ("DM-03", "Is every document opened, printed or downloaded recorded in an audit trail the firm can search?",
         None, None),
    ]),
    ("B. Access", [
        ("DM-04", "Do fee earners sign in through the firm's own identity provider with a second factor?", None, None),
        ("DM-05", "Can the firm's IT team remove a leaver's access to every matter within one hour?", None, None),
        ("DM-06", "Are your support staff prevented from opening document content unless the firm grants access for "
                  "a ticket?", "No", "Support can see metadata; opening content needs a session the firm approves."),
    ]),
    ("C. Retention", [
        ("DM-07", "Can retention periods be set per matter type and applied automatically when a matter closes?",
         None, None),
        ("DM-08", "Can a legal hold stop the deletion of documents in a matter under dispute?", None, None),
        ("DM-09", "Are deleted documents purged from backups within ninety days of their disposal?", None, None),
    ]),
]


def _detail_rows() -> list[int]:
    return list(range(DETAIL_BAND_ROW + 1, DETAIL_BAND_ROW + 1 + len(DETAIL_FIELDS)))


def details_form_then_table(folder: Path) -> Layout:
    wb = Workbook()
    ws = wb.active
    ws.title = DETAIL_SHEET
    caption(ws, "A1", "Marlowe & Finch LLP – Document Management Service: Supplier Questionnaire", "A1:D1")
    small_print(ws, "A2", "Complete the supplier details, then answer every question in the table below.", "A2:D2")
    band_row(ws, DETAIL_BAND_ROW, DETAIL_SECTION, "A", "D", paint="mist")
    items = []
    for row, label in zip(_detail_rows(), DETAIL_FIELDS):
        ws[f"A{row}"] = label
        ws[f"A{row}"].font = LABEL_FONT
        body_row(ws, row, {}, "B")
        ws[f"B{row}"].fill = PAINT["input"]
        items.append(ExpectedItem(sheet=DETAIL_SHEET, row=row, question=label, answer_cell=ref(DETAIL_SHEET, "B", row),
                                  id=None, section=[DETAIL_SECTION]))
    ws[f"B{_detail_rows()[-1]}"].number_format = "dd/mm/yyyy"
    heading_row(ws, DETAIL_HEADER_ROW, DETAIL_HEADER, paint="rust")
    cells = []
    row = DETAIL_HEADER_ROW
    for section, questions in DETAIL_SECTIONS:
        row += 1
        band_row(ws, row, section, "A", "D", paint="straw")
        for id_, question, existing, remark in questions:
            row += 1
            body_row(ws, row, {"A": id_, "B": question, "C": existing, "D": remark}, "ABCD")
            ws[f"C{row}"].alignment = MIDDLE
            ws[f"C{row}"].fill = PAINT["input"]
            cells.append(f"C{row}")
            items.append(expect(DETAIL_SHEET, row, question, "C", id_, comment="D", allowed=YES_NO_PARTLY,
                                existing=existing, existing_comment=remark, section=[section]))
    list_validation(ws, YES_NO_PARTLY, *cells)
    col_widths(ws, A=16, B=72, C=12, D=44)
    path = store(wb, folder, "MarloweFinch_DMS_supplier_questionnaire.xlsx")
    return Layout(
        name="details_form_then_table",
        path=path,
        format="xlsx",
        sheets=[sheet_of(DETAIL_SHEET, DETAIL_HEADER_ROW, {"A": "id", "B": "question", "C": "answer",
                                                           "D": "comment"})],
        items=items,
        note="A 'Supplier details' band (row 4) over three label/input rows (A5:A7 'Registered company name', "
             "'Contact e-mail', 'Date of completion'; input cells B5:B7, B7 formatted as a date, no validation), then a question table, "
             "header on row 10: 'ID', 'Question', 'Answer' (drop-down Yes/No/Partly/N/A), 'Notes' (comment); band "
             "rows. CONVENTION: the three details fields are items: question = the label, answer cell B on its "
             "row, id None, free text, section ['Supplier details'], no comment cell; they come first. The sheet's "
             "header row and roles are the table's.",
    )


# --- 5. eight small domain sheets with cover, instructions, summary and lists ---------------------------------

TABS_HEADER = {"A": "Ref", "B": "Question", "C": "Answer", "D": "Comments"}
TABS_HEADER_ROW = 3
TABS_LISTS, TABS_COVER, TABS_HELP, TABS_SUMMARY = "Answer Lists", "Cover Sheet", "How to Complete", "Domain Summary"
TABS_RANGE = f"'{TABS_LISTS}'!$A$2:$A$5"
#: (sheet, title, [(ref, question, existing answer, existing comment)])
TABS_DOMAINS: list[tuple[str, str, list[tuple[str, str, str | None, str | None]]]] = [
    ("1 Governance", "Domain 1 – Governance", [
        ("GV-1", "Has your board named one director as accountable for the security of the signalling work you do "
                 "for us?", "Yes", None),
        ("GV-2", "Do you keep a register of the security risks arising from your maintenance contracts, reviewed "
                 "each quarter?", None, None),
    ]),
    ("2 People", "Domain 2 – People", [
        ("PE-1", "Are technicians who visit our relay rooms and equipment cabins vetted to the level our safety case "
                 "requires?", None, None),
        ("PE-2", "Do contract staff lose their access to our sites on the day their assignment ends?", "Partial",
         "Badges are cancelled the same day; lineside keys are recovered within a week."),
        ("PE-3", "Are your technicians taught to challenge people they do not know near lineside equipment?", None,
         None),
    ]),
    ("3 Lineside Sites", "Domain 3 – Lineside sites", [
        ("LS-1", "Are keys to relay rooms and location cases signed out and back in against a named technician?",
         None, None),
        ("LS-2", "Do you report a damaged or forced lineside cabinet to our signalling control before leaving the "
                 "site?", None, None),
    ]),
    ("4 System Access", "Domain 4 – System access", [
        ("SA-1", "Are the maintenance terminals that connect to interlockings kept in locked storage when not in "
                 "use?", None, None),
        ("SA-2", "Does each engineer sign in to the signalling maintenance tools with a personal account?", None,
         None),
    ]),
    ("5 Networks", "Domain 5 – Networks and media", [
        ("NW-1", "Is the laptop used for interlocking data downloads barred from connecting to the internet?", "Yes",
         None),
        ("NW-2", "Are removable drives scanned on a standalone station before they are plugged into signalling "
                 "equipment?", None, None),
    ]),
    ("6 Change Control", "Domain 6 – Change control", [
        ("CH-1", "Is every change to interlocking data checked by a second engineer who did not prepare it?", None,
         None),
        ("CH-2", "Do you keep the previous version of the data so that a change can be reversed within the same "
                 "possession?", None, None),
    ]),
    ("7 Incidents", "Domain 7 – Incidents", [
        ("IN-1", "Would you tell our signalling control within one hour of finding malware on a maintenance laptop?",
         None, None),
        ("IN-2", "Have your engineers rehearsed the response to a tampered axle counter in the last two years?",
         None, None),
    ]),
    ("8 Continuity", "Domain 8 – Continuity", [
        ("CO-1", "Can you send a qualified signalling technician to any of our routes within four hours, day or "
                 "night?", None, None),
        ("CO-2", "Are spare parts for relay-based interlockings held in at least two of your depots?", None, None),
    ]),
]


def _quoted(sheet: str) -> str:
    return "'" + sheet.replace("'", "''") + "'"


def _countif(sheet: str, first: int, last: int, choice: str) -> str:
    return f'=COUNTIF({_quoted(sheet)}!$C${first}:$C${last},"{choice}")'


def many_domain_tabs(folder: Path) -> Layout:
    wb = Workbook()
    cover = wb.active
    cover.title = TABS_COVER
    caption(cover, "A1", "Harrowgate Rail – Signalling Maintenance Contractor Security Questionnaire")
    small_print(cover, "A3", "Issued by: Rail Systems Assurance")
    small_print(cover, "A4", "Version 3.0 · issued 2 November 2026")
    small_print(cover, "A5", "One tab per domain; the Domain Summary tab counts your answers.")
    col_widths(cover, A=90)
    helper = wb.create_sheet(TABS_HELP)
    caption(helper, "A1", "How to complete this questionnaire")
    for row, text in enumerate([
        "1. Work through the eight domain tabs in order.",
        "2. Choose Yes, No, Partial or N/A from the drop-down in the Answer column of every row.",
        "3. Explain every Partial or No in Comments, with the date by which it will be resolved.",
        "4. Do not add, remove or rename tabs; the Domain Summary tab reads them by name.",
    ], start=3):
        small_print(helper, f"A{row}", text)
    col_widths(helper, A=100)
    sheets = [ExpectedSheet(TABS_COVER, "ignored"), ExpectedSheet(TABS_HELP, "ignored")]
    items = []
    spans: list[tuple[str, int, int]] = []
    for sheet_name, title, questions in TABS_DOMAINS:
        ws = wb.create_sheet(sheet_name)
        caption(ws, "A1", title, "A1:D1")
        heading_row(ws, TABS_HEADER_ROW, TABS_HEADER, paint="navy")
        rows = []
        for row, (id_, question, existing, remark) in enumerate(questions, start=TABS_HEADER_ROW + 1):
            body_row(ws, row, {"A": id_, "B": question, "C": existing, "D": remark}, "ABCD")
            ws[f"C{row}"].alignment = MIDDLE
            ws[f"C{row}"].fill = PAINT["input"]
            rows.append(row)
            items.append(expect(sheet_name, row, question, "C", id_, comment="D", allowed=DOMAIN_CHOICES,
                                existing=existing, existing_comment=remark, section=[]))
        list_validation(ws, TABS_RANGE, f"C{rows[0]}:C{rows[-1]}")
        col_widths(ws, A=8, B=72, C=12, D=44)
        sheets.append(sheet_of(sheet_name, TABS_HEADER_ROW, {"A": "id", "B": "question", "C": "answer",
                                                             "D": "comment"}))
        spans.append((sheet_name, rows[0], rows[-1]))
    summary = wb.create_sheet(TABS_SUMMARY)
    caption(summary, "A1", "Summary of answers by domain")
    heading_row(summary, 3, {"A": "Domain", "B": "Yes", "C": "No", "D": "Partial", "E": "N/A", "F": "Unanswered"},
                paint="slate")
    for row, (sheet_name, first, last) in enumerate(spans, start=4):
        summary[f"A{row}"] = sheet_name
        for letter, choice in zip("BCDE", DOMAIN_CHOICES):
            summary[f"{letter}{row}"] = _countif(sheet_name, first, last, choice)
        summary[f"F{row}"] = f"=COUNTBLANK({_quoted(sheet_name)}!$C${first}:$C${last})"
    total = 4 + len(spans)
    summary[f"A{total}"] = "Total"
    for letter in "BCDEF":
        summary[f"{letter}{total}"] = f"=SUM({letter}4:{letter}{total - 1})"
    col_widths(summary, A=22)
    sheets.append(ExpectedSheet(TABS_SUMMARY, "ignored"))
    lists = wb.create_sheet(TABS_LISTS)
    lists["A1"] = "Answer"
    for row, choice in enumerate(DOMAIN_CHOICES, start=2):
        lists[f"A{row}"] = choice
    lists.sheet_state = "hidden"
    sheets.append(ExpectedSheet(TABS_LISTS, "ignored"))
    path = store(wb, folder, "Harrowgate_signalling_contractor_questionnaire.xlsx")
    return Layout(
        name="many_domain_tabs",
        path=path,
        format="xlsx",
        sheets=sheets,
        items=items,
        note="Twelve sheets: 'Cover Sheet', 'How to Complete', eight domain sheets ('1 Governance' ... '8 Continuity', header "
             "on row 3: 'Ref' id, 'Question', 'Answer' drop-down ='Answer Lists'!$A$2:$A$5 (Yes, No, Partial, N/A), "
             "'Comments'; 2 or 3 questions each), 'Domain Summary' (COUNTIF / COUNTBLANK formulas per domain) and a "
             "hidden 'Answer Lists'. CONVENTION: every domain sheet is a questionnaire sheet; its items' section is [] (the sheet "
             "name is not a section; no band rows); the other four sheets are ignored. Three rows already answered.",
    )


# --- 6. footnote markers, links in question cells and footnotes under the table ------------------------------

NOTE_SHEET = "eConsent Vendor Qs"
NOTE_HEADER = {"A": "Ref", "B": "Question", "C": "Answer", "D": "Comments"}
NOTE_HEADER_ROW = 4
POLICY = "https://policies.calloway-research.example/vendor-security"
MARKERS = ["¹", "²", "*", "(see note 3)"]
FOOTNOTES = [
    "¹ Applies to production systems only.",
    "² Includes contract research staff working at the trial site.",
    "³ 'Privileged' means any account able to change a study's configuration or export participant data.",
    "* Answer for any subcontractor that hosts or supports the platform as well as for yourselves.",
]
#: (section, [(ref, question as written, policy anchor for a link or None, existing answer, existing comment)])
NOTE_SECTIONS: list[tuple[str, list[tuple[str, str, str | None, str | None, str | None]]]] = [
    ("Identity and access", [
        ("EC-01", "Is multi-factor authentication enforced for every study coordinator account¹?", "#mfa", None, None),
        ("EC-02", "Are accounts with privileged access (see note 3) to the platform limited to named sponsor staff?",
         None, None, None),
        ("EC-03", "Do site staff lose access to a study within one working day of leaving the site team²?", None,
         None, None),
    ]),
    ("Participant data", [
        ("EC-04", "Are consent signatures bound to the signer's identity with an audit trail that meets 21 CFR Part "
                  "11?*", "#signatures", None, None),
        ("EC-05", "Are participants' consent records stored in the country where the trial site is located¹?", None,
         "Yes", None),
        ("EC-06", "Can a participant withdraw consent in the app, with the withdrawal reaching the site within 24 "
                  "hours?", None, None, None),
        ("EC-07", "Is participant data de-identified before it is used to test new releases of the platform?",
         "#test-data", "No", "Most modules test on synthetic data; one older module still uses a masked copy."),
    ]),
    ("Operations", [
        ("EC-08", "Are the consent videos shown to participants version-controlled and approved before each "
                  "release*?", None, None, None),
        ("EC-09", "Are backups of the consent database restored in a test at least twice a year¹?", None, None, None),
        ("EC-10", "Will you notify the sponsor's pharmacovigilance team within 24 hours of an incident affecting "
                  "participant data?", None, None, None),
    ]),
]


def footnote_markers_and_links(folder: Path) -> Layout:
    name = "footnote_markers_and_links"
    wb = Workbook()
    ws = wb.active
    ws.title = NOTE_SHEET
    caption(ws, "A1", "Calloway Clinical Research – eConsent Platform: Vendor Security Questionnaire", "A1:D1")
    small_print(ws, "A2", "Questions marked with a number or an asterisk have a note at the foot of the sheet. "
                          "Linked questions open the relevant section of our Vendor Security Policy.", "A2:D2")
    heading_row(ws, NOTE_HEADER_ROW, NOTE_HEADER, paint="moss")
    items = []
    cells = []
    row = NOTE_HEADER_ROW
    for section, questions in NOTE_SECTIONS:
        row += 1
        band_row(ws, row, section, "A", "D", paint="cyan")
        for id_, question, anchor, existing, remark in questions:
            row += 1
            body_row(ws, row, {"A": id_, "B": question, "C": existing, "D": remark}, "ABCD")
            if anchor:
                ws[f"B{row}"].hyperlink = POLICY + anchor
                ws[f"B{row}"].font = LINK_FONT
            ws[f"C{row}"].alignment = MIDDLE
            ws[f"C{row}"].fill = PAINT["input"]
            cells.append(f"C{row}")
            items.append(expect(NOTE_SHEET, row, question, "C", id_, comment="D", allowed=YES_NO_NA,
                                existing=existing, existing_comment=remark, section=[section]))
    list_validation(ws, YES_NO_NA, *cells)
    row += 2
    ws[f"A{row}"] = "Notes"
    ws[f"A{row}"].font = LABEL_FONT
    _decoy(name, NOTE_SHEET, row, "the notes label")
    for text in FOOTNOTES:
        row += 1
        ws[f"A{row}"] = text
        ws[f"A{row}"].font = NOTE_FONT
        ws.merge_cells(f"A{row}:D{row}")
        _decoy(name, NOTE_SHEET, row, "a footnote")
    col_widths(ws, A=8, B=74, C=12, D=44)
    path = store(wb, folder, "Calloway_eConsent_vendor_security_questionnaire.xlsx")
    return Layout(
        name=name,
        path=path,
        format="xlsx",
        sheets=[sheet_of(NOTE_SHEET, NOTE_HEADER_ROW, {"A": "id", "B": "question", "C": "answer", "D": "comment"})],
        items=items,
        note="An eConsent vendor questionnaire, header on row 4: 'Ref' (id), 'Question', 'Answer' (drop-down Yes/No/"
             "N/A), 'Comments' (comment); band rows. Questions carry footnote markers ('¹', '²', '*', '(see note "
             "3)'); three question cells are hyperlinks to the sponsor's policy page; under the table, after a "
             "blank row, a 'Notes' label and four footnotes, each merged A:D. CONVENTION: the question is the "
             "cell's text as written, markers included (collapsed); the link changes nothing; the notes label and "
             "footnotes are not items, sections or guidance. Two rows already answered.",
    )


# --- the registry ---------------------------------------------------------------------------------------

HELDOUT13_LAYOUTS: list[Callable[[Path], Layout]] = [
    two_tables_one_sheet,
    question_continued_on_next_row,
    year_columns,
    details_form_then_table,
    many_domain_tabs,
    footnote_markers_and_links,
]

#: The same builders by layout name (the form `bench/layout_bench.py` takes for a group).
HELDOUT13_BY_NAME: dict[str, Callable[[Path], Layout]] = {b.__name__: b for b in HELDOUT13_LAYOUTS}


# --- self-check -----------------------------------------------------------------------------------

_READS_LIKE = re.compile(r"^(.*)!row (\d+): reads like an item but is neither an item nor a decoy$")
_QUESTION_CELL = re.compile(r"^(.*)!row (\d+): (no cell in the row holds the question|the question column does not "
                            r"hold the item's question)")

#: Complaints of the imported checks that this file replaces with a check of its own, per layout (besides
#: rows registered in DECOYS13, and the per-view complaints of `_view_replaced`).
REPLACED: dict[str, list[tuple[re.Pattern[str], str]]] = {
    "many_domain_tabs": [
        (re.compile(r"^sheet 'Answer Lists' is hidden$"), "_feature_domain_tabs: the list sheet is hidden and ignored"),
    ],
}


def _is_replaced(layout: Layout, problem: str) -> bool:
    if any(pattern.search(problem) for pattern, _ in REPLACED.get(layout.name, [])):
        return True
    decoys = DECOYS13.get(layout.name, {})
    match = _READS_LIKE.match(problem)
    if match and (match.group(1), int(match.group(2))) in decoys:
        return True  # the feature check checks the decoys
    match = _QUESTION_CELL.match(problem)
    if match and layout.name == "question_continued_on_next_row" \
            and decoys.get((match.group(1), int(match.group(2)) + 1)) == "the continuation of the question above":
        return True  # _feature_continued: the joined question of a continued row
    return False


def _view_replaced(layout: Layout, k: int) -> Callable[[Layout, str], bool]:
    """two_tables_one_sheet's views: the first view's complaints about rows from Part B's title down, the second
    view's about its item count and its 'Compliant?' heading, are checked by `_feature_two_tables`."""
    def replaced(whole: Layout, problem: str) -> bool:
        if _is_replaced(whole, problem):
            return True
        if k == 0:
            match = _READS_LIKE.match(problem)
            return bool(match and int(match.group(2)) >= TWO_B_TITLE_ROW)
        return bool(re.match(r"^\d+ items; the set wants 8-30 per file$", problem)
                    or re.search(r": column C \(answer\) is headed 'Compliant\?'$", problem))
    return replaced


def _views(layout: Layout) -> list[Layout]:
    """The layout as the imported checks can read it (see the module docstring)."""
    if layout.name == "two_tables_one_sheet":
        first, second = copy.deepcopy(layout), copy.deepcopy(layout)
        first.items = [item for item in first.items if item.row < TWO_B_TITLE_ROW]
        second.items = [item for item in second.items if item.row >= TWO_B_TITLE_ROW]
        second.sheets = [sheet_of(TWO_SHEET, TWO_B_HEADER_ROW, dict(TWO_B_ROLES))]
        return [first, second]
    if layout.name == "details_form_then_table":
        view = copy.deepcopy(layout)
        view.items = [item for item in view.items if item.row > DETAIL_HEADER_ROW]
        return [view]
    return [copy.deepcopy(layout)]


def _header_problems(ws: Any, row: int, want: dict[str, Any]) -> list[str]:
    got = {letter: ws[f"{letter}{row}"].value for letter in want}
    return [] if got == want else [f"headings on row {row}: {got}, expected {want}"]


def _band_rows(ws: Any) -> dict[int, str]:
    """Rows whose A cell starts a one-row merge across several columns and holds text."""
    return {m.min_row: ws.cell(m.min_row, 1).value for m in ws.merged_cells.ranges
            if m.min_row == m.max_row and m.min_col == 1 and m.max_col > 1
            and isinstance(ws.cell(m.min_row, 1).value, str)}


def _walk13(ws: Any, layout: Layout, sheet_name: str, question: str, first: int, last: int,
            min_bands: int = 0) -> list[str]:
    """Rows first..last: a registered decoy is no item; a band row sets the section; every item's section is the
    band above it ([] before any); every other row with text in the question column, or a cell ending in '?', is a
    problem."""
    problems: list[str] = []
    decoys = DECOYS13.get(layout.name, {})
    bands = _band_rows(ws)
    items = {item.row: item for item in layout.items if item.sheet == sheet_name}
    section: str | None = None
    seen_bands = set()
    for row in range(first, last + 1):
        if (sheet_name, row) in decoys:
            if row in items:
                problems.append(f"row {row}: both a decoy ({decoys[(sheet_name, row)]}) and an item")
        elif row in bands:
            section = bands[row]
            seen_bands.add(section)
            if row in items:
                problems.append(f"row {row}: a band row taken for an item")
        elif row in items:
            want = [section] if section else []
            if items[row].section != want:
                problems.append(f"row {row}: section {items[row].section!r}, the band above says {want!r}")
        elif (isinstance(ws[f"{question}{row}"].value, str)
              or any(isinstance(c.value, str) and c.value.rstrip().endswith("?") for c in ws[row])):
            problems.append(f"row {row}: a question-like row that is neither an item, a band nor a decoy")
    if len(seen_bands) < min_bands:
        problems.append(f"fewer than {min_bands} band rows")
    return problems


def _plain_item_problems(wb: Any, ws: Any, item: ExpectedItem, columns: dict[str, str], choices: list[str],
                         question: Any = None) -> list[str]:
    """An item of an ordinary table row: its cells in the roles' columns on its row, its question and id those of
    the row, its allowed answers the one drop-down over its answer cell (and `choices`), its existing answer and
    comment those of the cells."""
    problems: list[str] = []
    where = f"row {item.row}"
    roles = {role: letter for letter, role in columns.items()}
    for role, reference in (("answer", item.answer_cell), ("comment", item.comment_cell),
                            ("evidence", item.evidence_cell)):
        want = ref(item.sheet, roles[role], item.row) if role in roles else None
        if reference != want:
            problems.append(f"{where}: {role} cell {reference}, expected {want}")
    text = collapse(ws[f"{roles['question']}{item.row}"].value) if question is None else question
    if item.question != text:
        problems.append(f"{where}: question {item.question!r}, the row says {text!r}")
    value = ws[f"{roles['id']}{item.row}"].value
    if item.id != (str(value) if value is not None else None):
        problems.append(f"{where}: id {item.id!r}, the row shows {value!r}")
    found = _validations_over(ws, f"{roles['answer']}{item.row}")
    values = _resolve_list(wb, item.sheet, found[0].formula1) if len(found) == 1 else None
    if values != choices or item.allowed_answers != choices or item.allowed_answers_source != "validation":
        problems.append(f"{where}: allowed answers {item.allowed_answers} ({item.allowed_answers_source}), the "
                        f"drop-down gives {values}, expected {choices}")
    if item.existing_answer != ws[f"{roles['answer']}{item.row}"].value:
        problems.append(f"{where}: existing answer {item.existing_answer!r} differs from the cell")
    if "comment" in roles and item.existing_comment != ws[f"{roles['comment']}{item.row}"].value:
        problems.append(f"{where}: existing comment {item.existing_comment!r} differs from the cell")
    if "comment" not in roles and item.existing_comment is not None:
        problems.append(f"{where}: an existing comment without a comment column")
    if item.guidance is not None:
        problems.append(f"{where}: guidance on a sheet without a guidance column")
    return problems


# --- one check per layout of the feature it exercises ---------------------------------------------


def _feature_two_tables(layout: Layout) -> list[str]:
    problems: list[str] = []
    wb = openpyxl.load_workbook(layout.path)
    sheet = _only_sheet(layout)
    ws = wb[sheet.name]
    if sheet.header_row != TWO_A_HEADER_ROW or sheet.columns != TWO_A_ROLES:
        problems.append("the sheet's header row and roles are not Part A's")
    problems += _header_problems(ws, TWO_A_HEADER_ROW, TWO_A_HEADER)
    problems += _header_problems(ws, TWO_B_HEADER_ROW, TWO_B_HEADER)
    if not str(ws[f"A{TWO_B_TITLE_ROW}"].value).startswith("Part B") \
            or not str(ws[f"A{TWO_A_TITLE_ROW}"].value).startswith("Part A"):
        problems.append("the tables' titles are not 'Part A' and 'Part B'")
    a_rows, b_rows = _two_a_rows(), _two_b_rows()
    for row in range(a_rows[-1] + 1, TWO_B_TITLE_ROW):
        if any(c.value is not None for c in ws[row]):
            problems.append(f"row {row}: the gap between the tables is not blank")
    if TWO_B_TITLE_ROW - a_rows[-1] - 1 < 1:
        problems.append("no blank gap between the tables")
    by_row = {item.row: item for item in layout.items}
    if sorted(by_row) != a_rows + b_rows or len(layout.items) != len(by_row):
        problems.append(f"items on rows {sorted(by_row)}, expected {a_rows + b_rows}")
    for row in a_rows:
        if row in by_row:
            problems += _plain_item_problems(wb, ws, by_row[row], TWO_A_ROLES, YES_NO_NA)
    for row in b_rows:
        if row in by_row:
            item = by_row[row]
            problems += _plain_item_problems(wb, ws, item, TWO_B_ROLES, COMPLIANCE)
            if isinstance(ws[f"A{row}"].value, int) is False:
                problems.append(f"row {row}: Part B's number is not a number")
    for item in layout.items:
        if item.section != []:
            problems.append(f"row {item.row}: section {item.section!r} on a sheet without band rows")
    if sum(ws[f"D{row}"].value is not None for row in b_rows) < 2:
        problems.append("the layout wants Part B evidence on two rows at least")
    problems += _walk13(ws, layout, sheet.name, "B", TWO_A_HEADER_ROW + 1, ws.max_row)
    return problems


def _feature_continued(layout: Layout) -> list[str]:
    problems: list[str] = []
    wb = openpyxl.load_workbook(layout.path)
    sheet = _only_sheet(layout)
    ws = wb[sheet.name]
    problems += _header_problems(ws, sheet.header_row, CONT_HEADER)
    decoys = DECOYS13.get(layout.name, {})
    merged = {m.coord for m in ws.merged_cells.ranges}
    continued = 0
    for item in layout.items:
        row = item.row
        nxt = (sheet.name, row + 1) in decoys
        text = collapse(f"{ws[f'B{row}'].value} {ws[f'B{row + 1}'].value}") if nxt else collapse(ws[f"B{row}"].value)
        problems += _plain_item_problems(wb, ws, item, sheet.columns, YES_NO_NOT_APPLICABLE, question=text)
        if nxt:
            continued += 1
            if f"A{row}:A{row + 1}" not in merged:
                problems.append(f"row {row}: the id cell is not merged over the continuation row")
            if ws[f"C{row + 1}"].value is not None or ws[f"D{row + 1}"].value is not None \
                    or _all_validations_over(ws, f"C{row + 1}"):
                problems.append(f"row {row + 1}: a continuation row with an answer, a comment or a drop-down")
            if str(ws[f"B{row}"].value).rstrip().endswith("?") or not str(ws[f"B{row + 1}"].value).endswith("?"):
                problems.append(f"row {row}: the question does not run on into the next row")
    if continued < 4 or any(what != "the continuation of the question above" for what in decoys.values()):
        problems.append(f"{continued} continued questions: the layout wants four")
    if not any(item.existing_answer is not None and (sheet.name, item.row + 1) in decoys for item in layout.items):
        problems.append("no continued question already answered")
    problems += _walk13(ws, layout, sheet.name, "B", sheet.header_row + 1, ws.max_row, min_bands=3)
    return problems


def _feature_years(layout: Layout) -> list[str]:
    problems: list[str] = []
    wb = openpyxl.load_workbook(layout.path)
    sheet = _only_sheet(layout)
    ws = wb[sheet.name]
    problems += _header_problems(ws, sheet.header_row, YEAR_HEADER)
    years = {letter: int(m.group(1)) for letter, text in _headings_by_letter(ws, sheet.header_row).items()
             if (m := re.fullmatch(r"Response (\d{4})", text))}
    current = max(years, key=years.get) if years else None
    if _role(sheet, "answer") != current or len(years) != 2:
        problems.append(f"the answer column is {_role(sheet, 'answer')}, the latest year's is {current}")
    previous = [letter for letter in years if letter != current]
    if any(letter in sheet.columns for letter in previous):
        problems.append("last year's column has a role")
    filled = 0
    for item in layout.items:
        problems += _plain_item_problems(wb, ws, item, sheet.columns, YES_NO_NA)
        for letter in previous:
            cell = ws[f"{letter}{item.row}"]
            if cell.fill.fgColor.rgb not in ("00D9D9D9", "FFD9D9D9") or _all_validations_over(ws, cell.coordinate):
                problems.append(f"row {item.row}: last year's cell is not grey or carries a validation")
            filled += cell.value is not None
        if current and ws[f"{current}{item.row}"].value is not None:
            problems.append(f"row {item.row}: this year's response is not empty")
    if filled < len(layout.items) - 2:
        problems.append(f"only {filled} of last year's responses are filled")
    problems += _walk13(ws, layout, sheet.name, "B", sheet.header_row + 1, ws.max_row, min_bands=3)
    return problems


def _headings_by_letter(ws: Any, row: int) -> dict[str, str]:
    return {letter: text for text, letter in _headings(ws, row).items()}


def _feature_details(layout: Layout) -> list[str]:
    problems: list[str] = []
    wb = openpyxl.load_workbook(layout.path)
    sheet = _only_sheet(layout)
    ws = wb[sheet.name]
    problems += _header_problems(ws, sheet.header_row, DETAIL_HEADER)
    details = [item for item in layout.items if item.row < sheet.header_row]
    if [item.row for item in details] != _detail_rows() or layout.items[:len(details)] != details:
        problems.append(f"details items on rows {[item.row for item in details]}, expected {_detail_rows()} first")
    if ws[f"A{DETAIL_BAND_ROW}"].value != DETAIL_SECTION:
        problems.append("no 'Supplier details' band over the block")
    for item in details:
        row = item.row
        want = ExpectedItem(sheet=sheet.name, row=row, question=ws[f"A{row}"].value,
                            answer_cell=ref(sheet.name, "B", row), id=None, section=[DETAIL_SECTION])
        if item != want:
            problems.append(f"row {row}: details item {item}, expected {want}")
        if ws[f"B{row}"].value is not None or _all_validations_over(ws, f"B{row}"):
            problems.append(f"row {row}: the details input is not an empty cell without validation")
    if [ws[f"A{row}"].value for row in _detail_rows()] != DETAIL_FIELDS:
        problems.append("the details labels are not the three fields")
    if ws[f"B{_detail_rows()[-1]}"].number_format != "dd/mm/yyyy":
        problems.append("the date field is not formatted as a date")
    for row in range(_detail_rows()[-1] + 1, sheet.header_row):
        if any(c.value is not None for c in ws[row]):
            problems.append(f"row {row}: not blank between the block and the table")
    for item in layout.items:
        if item.row > sheet.header_row:
            problems += _plain_item_problems(wb, ws, item, sheet.columns, YES_NO_PARTLY)
    problems += _walk13(ws, layout, sheet.name, "B", sheet.header_row + 1, ws.max_row, min_bands=3)
    return problems


def _feature_domain_tabs(layout: Layout) -> list[str]:
    problems: list[str] = []
    wb = openpyxl.load_workbook(layout.path)
    domains = [name for name, _, _ in TABS_DOMAINS]
    want = [TABS_COVER, TABS_HELP, *domains, TABS_SUMMARY, TABS_LISTS]
    if wb.sheetnames != want or [s.name for s in layout.sheets] != want:
        problems.append(f"sheets {wb.sheetnames}, expected {want}")
    for sheet in layout.sheets:
        ws = wb[sheet.name]
        should_hide = sheet.name == TABS_LISTS
        if (ws.sheet_state == "hidden") != should_hide:
            problems.append(f"sheet {sheet.name!r} is {ws.sheet_state}")
        if (sheet.status == "questionnaire") != (sheet.name in domains):
            problems.append(f"sheet {sheet.name!r} has status {sheet.status!r}")
        if sheet.name not in domains:
            if any(item.sheet == sheet.name for item in layout.items):
                problems.append(f"items on the ignored sheet {sheet.name!r}")
            continue
        problems += _header_problems(ws, sheet.header_row, TABS_HEADER)
        on_sheet = [item for item in layout.items if item.sheet == sheet.name]
        if not 2 <= len(on_sheet) <= 3:
            problems.append(f"sheet {sheet.name!r}: {len(on_sheet)} items, the layout wants 2 or 3")
        for item in on_sheet:
            problems += _plain_item_problems(wb, ws, item, sheet.columns, DOMAIN_CHOICES)
            found = _validations_over(ws, f"C{item.row}")
            if not found or found[0].formula1 != TABS_RANGE:
                problems.append(f"{sheet.name}!row {item.row}: the drop-down is not {TABS_RANGE}")
            if item.section != []:
                problems.append(f"{sheet.name}!row {item.row}: section {item.section!r}, the sheet has no band rows")
        problems += _walk13(ws, layout, sheet.name, "B", sheet.header_row + 1, ws.max_row)
    if wb[TABS_LISTS]["A1"].value != "Answer" or _resolve_list(wb, domains[0], TABS_RANGE) != DOMAIN_CHOICES:
        problems.append("the list sheet does not hold the answers")
    summary = wb[TABS_SUMMARY]
    formulas = " ".join(str(c.value) for r in summary.iter_rows() for c in r if isinstance(c.value, str))
    for name in domains:
        for choice in DOMAIN_CHOICES:
            if f'{_quoted(name)}!$C$' not in formulas or f'"{choice}")' not in formulas:
                problems.append(f"the summary does not count {choice!r} on {name!r}")
                break
    if formulas.count("=COUNTIF(") != len(domains) * len(DOMAIN_CHOICES):
        problems.append("the summary does not hold one COUNTIF per domain and answer")
    if sum(item.existing_answer is not None for item in layout.items) != 3:
        problems.append("expected three rows already answered")
    return problems


def _feature_footnotes(layout: Layout) -> list[str]:
    problems: list[str] = []
    wb = openpyxl.load_workbook(layout.path)
    sheet = _only_sheet(layout)
    ws = wb[sheet.name]
    problems += _header_problems(ws, sheet.header_row, NOTE_HEADER)
    links = 0
    for item in layout.items:
        cell = ws[f"B{item.row}"]
        problems += _plain_item_problems(wb, ws, item, sheet.columns, YES_NO_NA, question=cell.value)
        if cell.hyperlink is not None:
            links += 1
            if not str(cell.hyperlink.target).startswith(POLICY):
                problems.append(f"row {item.row}: the link does not lead to the policy page")
            if POLICY in item.question:
                problems.append(f"row {item.row}: the link's target taken into the question")
    for marker in MARKERS:
        if not any(marker in item.question for item in layout.items):
            problems.append(f"no question carries the marker {marker!r}")
    if not any(item.question.endswith("?*") for item in layout.items) \
            or not any(item.question.endswith("¹?") for item in layout.items):
        problems.append("the layout wants markers both before and after the question mark")
    if links != 3:
        problems.append(f"{links} linked question cells, expected 3")
    decoys = {row: what for (name, row), what in DECOYS13.get(layout.name, {}).items() if name == sheet.name}
    notes = sorted(row for row, what in decoys.items() if what == "a footnote")
    last_item = max(item.row for item in layout.items)
    if [ws[f"A{row}"].value for row in notes] != FOOTNOTES or not notes or notes[0] <= last_item:
        problems.append("the footnotes under the table are not the registered decoys")
    for row in notes:
        if f"A{row}:D{row}" not in {m.coord for m in ws.merged_cells.ranges}:
            problems.append(f"row {row}: the footnote is not merged A:D")
    for marker in ("¹", "²", "³", "*"):
        if not any(text.startswith(marker) for text in FOOTNOTES):
            problems.append(f"no footnote for {marker!r}")
    problems += _walk13(ws, layout, sheet.name, "B", sheet.header_row + 1, ws.max_row, min_bands=3)
    return problems


FEATURES: dict[str, Callable[[Layout], list[str]]] = {
    "two_tables_one_sheet": _feature_two_tables,
    "question_continued_on_next_row": _feature_continued,
    "year_columns": _feature_years,
    "details_form_then_table": _feature_details,
    "many_domain_tabs": _feature_domain_tabs,
    "footnote_markers_and_links": _feature_footnotes,
}


def check_layout(layout: Layout) -> list[str]:
    """Every check of one built layout against its file: the imported ones (on the views they can read, less the
    complaints this file replaces; an item beyond the file's last row, which they cannot read, is reported as a
    problem), the layout's own feature check and the order of items and ids."""
    problems: list[str] = []
    try:
        for k, view in enumerate(_views(layout)):
            replaced = _view_replaced(layout, k) if layout.name == "two_tables_one_sheet" else _is_replaced
            for problem in _imported_problems(layout, [view], replaced):
                if problem not in problems:
                    problems.append(problem)
    except (IndexError, ValueError, KeyError) as error:
        problems = [f"the imported checks cannot read the layout ({type(error).__name__}: {error})"]
    problems += _feature_problems(layout, FEATURES, FEATURE_ERRORS + (StopIteration,))
    problems += _order_problems(layout, 1)
    return problems


# --- deliberate mistakes aimed at each layout's feature ---------------------------------------------


def _aimed_mistake(layout: Layout) -> tuple[str, Layout] | None:
    wrong = copy.deepcopy(layout)
    name = layout.name
    if name == "two_tables_one_sheet":
        for item in wrong.items:
            if item.row > TWO_B_HEADER_ROW:
                item.comment_cell, item.evidence_cell = item.evidence_cell, None
        return "Part B read with Part A's columns (its Evidence taken for a comment)", wrong
    if name == "question_continued_on_next_row":
        ws = openpyxl.load_workbook(layout.path)[CONT_SHEET]
        for item in wrong.items:
            item.question = collapse(ws[f"B{item.row}"].value)
        return "a continued question cut at the end of its first row", wrong
    if name == "year_columns":
        ws = openpyxl.load_workbook(layout.path)[YEAR_SHEET]
        for item in wrong.items:
            item.answer_cell = ref(item.sheet, YEAR_PREVIOUS, item.row)
            item.existing_answer = ws[f"{YEAR_PREVIOUS}{item.row}"].value
        for sheet in wrong.sheets:
            sheet.columns = {"A": "id", "B": "question", YEAR_PREVIOUS: "answer", "E": "comment"}
        return "last year's column (Response 2025) taken for the answer", wrong
    if name == "details_form_then_table":
        wrong.items = [item for item in wrong.items if item.row > DETAIL_HEADER_ROW]
        return "the details fields left out", wrong
    if name == "many_domain_tabs":
        for item in wrong.items:
            item.section = [item.sheet]
        return "each domain sheet's name taken for a section", wrong
    if name == "footnote_markers_and_links":
        for item in wrong.items:
            text = item.question
            for marker in MARKERS:
                text = text.replace(marker, "")
            item.question = collapse(text)
        return "the footnote markers stripped from the questions", wrong
    return None


# --- running the set ----------------------------------------------------------------------------------


def self_check(verbose: bool = True) -> int:
    """Writes every file of this set into a temporary folder and checks its expectations (with heldout_layouts6's
    runner, which also compares the questions with sets 6 to 12); returns the number of problems (0 when every
    layout is described by its expectations, every deliberate mistake is caught and nothing repeats an earlier
    set)."""
    return _run_set(13, HELDOUT13_LAYOUTS, check_layout, _aimed_mistake,
                    later=((6, "sixth", HELDOUT6_LAYOUTS), (7, "seventh", HELDOUT7_LAYOUTS),
                           (8, "eighth", HELDOUT8_LAYOUTS), (9, "ninth", HELDOUT9_LAYOUTS),
                           (10, "tenth", HELDOUT10_LAYOUTS), (11, "eleventh", HELDOUT11_LAYOUTS),
                           (12, "twelfth", HELDOUT12_LAYOUTS)),
                    formats=("xlsx",), one_item_per_row=True, items_per_file=(8, 20), verbose=verbose)


if __name__ == "__main__":
    sys.exit(1 if self_check() else 0)
