#!/usr/bin/env python3
"""Ninth held-out set of synthetic questionnaires for `bench/layout_bench.py`: protected workbooks,
as customers really send them.

Written by a helper that did not see the detector's code, its tests, its documentation or the
bench's README. It saw only: all of bench/heldout_layouts8.py and bench/heldout_layouts7.py (the
models for this file); the docstrings, style and checking helpers and self-check machinery of
bench/heldout_layouts.py, bench/heldout_layouts4.py, bench/heldout_layouts5.py and
bench/heldout_layouts6.py (whose helpers this file imports), with four of their builders read to
keep clear of them (the fourth set's protected_sheet_unlocked_cells, the fifth set's
struck_through_withdrawn, the first set's two_row_merged_header and marks_across_columns); the types
and small helpers at the top of Tests/oracle/questionnaire_layouts.py, up to its first builder; the
module docstring of bench/layout_bench.py; and listings of the top-level names of these files.
Nothing is copied from a real or published template: every sheet, heading, question and answer list
was written for this set.

Many customers lock their questionnaire before sending it: the sheet is protected (often with a
password), every cell is locked by default, and only the cells the vendor must fill are unlocked
(`Protection(locked=False)`), usually shaded as input cells. The eight files cover that, in the
styles of a bank, a public body, an insurer, a hospital, a university, a SaaS buyer, a retailer and a
manufacturer:

- bank_classic_protected: a bank's third-party questionnaire: "Ref", "Question", "Response" (a
  drop-down), "Comments"; the sheet protected with a password; only the Response and Comments cells
  of the question rows are unlocked and shaded; title, classification line, a response key, the
  header and the section rows are locked; three rows already answered; a "Completed by" / "Date"
  sign-off block below the table whose two input cells are unlocked too;
- public_body_untitled_answer_column: a council's tender "Schedule 4" compliance matrix whose answer
  column is headed only "Supplier" (nothing says answer or response): the unlocked, green cells of
  that column are the only strong sign of where answers go; every answer is free text (no
  drop-down); the council's "Priority" column carries its own locked Mandatory/Desirable drop-down;
  the sheet lets the vendor select unlocked cells only (`selectLockedCells`); a "Supplier name"
  input field above the header; two requirements already answered;
- insurer_two_unlocked_columns: an insurer's due-diligence sheet with TWO unlocked columns beside
  each question that could both pass for the answer: a narrow "Answer" with a drop-down and a wide
  "Answer detail" for the explanation; before them, a locked, insurer-prefilled "Risk rating" column
  with its OWN High/Medium/Low drop-down; numeric question numbers; rows and columns may be
  resized under the protection;
- hospital_tier_locked_rows: a hospital trust's information-governance assessment sent to a Tier 2
  supplier: an "Applies to" column says "All tiers" or "Tier 1 only"; on the "Tier 1 only" rows the
  trust greyed and LOCKED the Response and Comments cells and wrote "Not required for Tier 2" in the
  response cell, although the drop-down (applied to the whole response range) still covers them;
- university_locked_structure: a university's technology assessment whose workbook STRUCTURE is
  protected (`lockStructure`, so sheets cannot be added, renamed or unhidden) and whose four sheets
  are all protected: a "Vendor Details" cover whose vendor-detail fields are unlocked input cells
  (not questions), two question sheets ("Part 1 Data", "Part 2 Platform") and a hidden "Lookups"
  sheet feeding three drop-down lists (answers, hosting model, patch timing); some questions free
  text;
- saas_column_style_unlocked: a SaaS buyer's review in which the answer and comment COLUMNS are
  unlocked as a whole: the columns' own style (`<col style>`, set with
  `ws.column_dimensions['D'].protection`, which openpyxl writes) is unlocked, and every cell written
  in those columns is unlocked too (header cells and section rows included), as Excel does when whole
  columns are selected and unlocked; a header two rows tall ("Ref", "Question", "Why we ask" merged
  down over both rows; "Vendor response" merged over "Answer" and "Comments"); the drop-down covers
  the whole answer range, section rows included; a "Why we ask" guidance column, filled on some rows;
  no password;
- retailer_merged_input_box: a retailer's checklist whose answer box on each question row is merged
  across D:E ("Supplier answer", itself merged D:E in the header), unlocked, white and framed, with
  a drop-down over the merged boxes of most rows and free text on the others; "Supplier notes" (F)
  unlocked; a locked "Weight" column;
- manufacturer_weighted_maturity: a manufacturer's OT-security maturity self-assessment: an unlocked
  "Current level (0–5)" drop-down, a locked "Weight" prefilled by the customer, a locked formula
  column "Weighted score" (`=IF(D9="","",C9*D9)`), locked subtotal rows per domain and total /
  maximum / percentage rows at the end; "Remarks" and "Evidence reference" unlocked.

Expectations follow the conventions stated in bench/heldout_layouts.py, bench/heldout_layouts4.py,
bench/heldout_layouts5.py, bench/heldout_layouts6.py, bench/heldout_layouts7.py and
bench/heldout_layouts8.py:

- an item is a row holding a question (or a requirement to respond to) whose answer goes in a
  cell; titles, covers, instructions, legends, section rows, repeated headers, totals, sign-off
  blocks and details forms (company name, contact) are not items;
- ids are the questionnaire's own, as displayed (a number 3 is "3");
- answer, comment and evidence cells are absolute references on the item's row; allowed answers
  are the drop-down's values in order, exactly as written (source "validation"), or the choices
  written in the answer column's header parentheses (source "header"); free text has [] and source
  None;
- `question` is the cell's text with whitespace collapsed;
- `section` is the path of plain section heading rows, outermost first, [] where the sheet has
  none;
- `guidance` is the guidance column's text where the sheet has one (None on a row whose guidance
  cell is empty), None where it has none;
- a locked, customer-prefilled column (risk rating, priority, weight, score formula, "Applies to",
  the customer's own review column) has no role, even when it has a drop-down of its own.

Conventions this set had to decide (each layout's `note` repeats its own):

- protection changes nothing about what an item is: an item's answer, comment and evidence cells
  are its unlocked input cells on its row; a sheet's locked cells (ids, questions, headers, section
  rows, legends) are never answer cells. Unlocked cells that are not on a question row (sign-off
  fields, a supplier-name field above the header, the cover's vendor-detail fields) are form fields,
  not items;
- an answer column headed with no answer word ("Supplier") is still the answer column when its
  cells are the row's only unlocked cells: answers are free text there ([] and source None) as the
  column has no drop-down; the requester's "Priority" column, locked and with its own drop-down, is
  not the answer;
- of two unlocked columns, the narrow one with the drop-down ("Answer") is the answer and the wide
  free-text one ("Answer detail") is the comment column, although its heading also says "Answer";
  the locked, prefilled "Risk rating" with its own drop-down has no role and its values are never
  allowed answers;
- LAYOUT 4 (hospital_tier_locked_rows): a question whose answer and comment cells the customer
  greyed and LOCKED because it does not apply to this vendor's tier ("Applies to" = "Tier 1 only",
  "Not required for Tier 2" written in the locked response cell) is NOT an item: the vendor cannot
  answer it, there is no cell for an answer, and writing into the locked cell would change a cell
  the customer closed. This matches the fifth set's withdrawn and lead-in rows. The drop-down that
  still covers those locked cells (it was applied to the whole range before they were locked) does
  not make them items. Their ids (IG04, IG05, ...) are skipped in the items' sequence;
- a workbook whose structure is protected is read like any other: the cover is an ignored sheet
  (its unlocked vendor-detail fields are not items), each question sheet a questionnaire sheet,
  and the hidden "Lookups" sheet an ignored sheet whose values give the allowed answers (source
  "validation");
- columns unlocked as a whole (column style) do not make every row of those columns an item: the
  section rows, whose answer and comment cells are unlocked only because the whole column is, are
  still section rows, and the header cells stay headings. A header two rows tall, some headings
  merged down over both rows and "Vendor response" merged over "Answer" and "Comments", has its
  header row on the LOWER row (row 6), the row holding the answer's and comment's own headings; a
  heading merged down from row 5 covers row 6 too;
- an answer box merged across two columns (D:E) has its answer cell at the box's top-left cell (D);
  the covered cell E has no role and is not the comment (the comment is "Supplier notes", F); the
  drop-down over the merged boxes gives the allowed answers;
- in the maturity self-assessment the answer is the unlocked "Current level (0–5)" drop-down, its
  allowed answers the texts "0" ... "5" as the list holds them; the locked "Weight" and the locked
  formula column "Weighted score" have no role; subtotal, total, maximum and percentage rows are not
  items.

openpyxl writes only the top-left cell of a merged range (with its style), so the checks below read
a merged range's lock state from that cell, as Excel does when it protects the sheet.

Run `python bench/heldout_layouts9.py` to write every file into a temporary folder and check, with
openpyxl alone (the checks of bench/heldout_layouts.py, bench/heldout_layouts4.py,
bench/heldout_layouts5.py and bench/heldout_layouts6.py, imported, plus one check per layout of the
feature it exercises), that the expectations describe the files, that deliberate mistakes (the
imported ones: an answer column shifted either way, a dropped item, an item off by one row; and one
per layout aimed at its feature) are caught, and that no sheet name or question repeats (or nearly
repeats) one of the tuned layouts or of the eight earlier held-out sets.

Every feature check checks the protection itself (`_lock_problems`): the sheet is protected and the
unlocked cells of each sheet are EXACTLY the items' answer, comment and evidence cells plus the form
fields registered in `OTHER_INPUTS` (and, for the column-style layout, every cell written in the
unlocked columns), so an item put on a locked cell, or a form field taken for an item, is caught.

Where the imported checks cannot see a feature, this file says so and checks it itself: their
heading patterns want an answer word in the answer heading, so their complaints about "Supplier"
(public_body_untitled_answer_column) and "Current level (0–5)" (manufacturer_weighted_maturity) are
replaced by those layouts' feature checks; their complaint that "Answer detail" reads like an answer
heading (insurer_two_unlocked_columns) is replaced by that layout's check of the two columns; their
complaint that the id and question headings of the two-row header are empty on the lower row
(saas_column_style_unlocked) is replaced by a check of the headings merged down over it; their
complaint that a sheet is hidden (university_locked_structure) is replaced by that layout's check
of the hidden lookups sheet.

From bench/heldout_layouts6.py this file imports, as bench/heldout_layouts7.py and
bench/heldout_layouts8.py do, the self-check machinery: `_run_set` (sets 6, 7 and 8 are passed as the
later sets, so that the questions are compared with theirs too), the parts of `check_layout`
(`_imported_problems`, `_feature_problems`, `_order_problems`) and `_role`; from
bench/heldout_layouts8.py `_bands`; from bench/heldout_layouts7.py `_list_values`; from
bench/heldout_layouts4.py the style helpers, `DECOYS`, `ROLE_HEADINGS` and `expect`; from
bench/heldout_layouts.py `collapse`, `split_ref`, `_resolve_list` and `_validations_over`.
"""

from __future__ import annotations

import copy
import re
import sys
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
from openpyxl.cell.cell import MergedCell  # noqa: E402
from openpyxl.styles import Alignment, Font, PatternFill, Protection  # noqa: E402
from openpyxl.utils.cell import column_index_from_string, get_column_letter  # noqa: E402
from openpyxl.workbook.protection import WorkbookProtection  # noqa: E402

from heldout_layouts import _resolve_list, _validations_over, collapse, split_ref  # noqa: E402
from heldout_layouts4 import (  # noqa: E402
    B_FONT,
    DECOYS,
    FRAME,
    MIDDLE,
    PAINT,
    ROLE_HEADINGS,
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
from heldout_layouts7 import HELDOUT7_LAYOUTS, _list_values  # noqa: E402
from heldout_layouts8 import HELDOUT8_LAYOUTS, _bands  # noqa: E402
from questionnaire_layouts import (  # noqa: E402
    ANY,
    ExpectedItem,
    ExpectedSheet,
    Layout,
    list_validation,
    ref,
)

# --- this set's answer lists, looks and registry ------------------------------------------------------

BANK_CHOICES = ["Yes", "No", "In progress", "Not applicable"]
PRIORITIES = ["Mandatory", "Desirable"]
INSURER_CHOICES = ["Yes", "No", "Partially", "Not applicable"]
RISK_RATINGS = ["High", "Medium", "Low"]
TRUST_CHOICES = ["Met", "Partially met", "Not met"]
UNI_CHOICES = ["Yes", "No", "Not applicable"]
UNI_HOSTING = ["Vendor data centre", "Public cloud", "On campus", "Hybrid"]
UNI_PATCHING = ["Within 7 days", "Within 30 days", "Within 90 days", "Longer than 90 days"]
SAAS_CHOICES = ["Yes", "No", "Partial", "On roadmap", "N/A"]
RETAIL_CHOICES = ["Yes – fully", "Yes – partly", "No", "Does not apply"]
LEVELS = ["0", "1", "2", "3", "4", "5"]

UNLOCKED = Protection(locked=False)
GREYED = PatternFill("solid", fgColor="BFBFBF")
GREY_TEXT = Font(name="Verdana", italic=True, size=9, color="595959")
INPUT_FILLS = {
    "straw": PAINT["straw"],
    "green": PatternFill("solid", fgColor="E2EFDA"),
    "blue": PatternFill("solid", fgColor="DDEBF7"),
    "peach": PatternFill("solid", fgColor="FCE4D6"),
    "input": PAINT["input"],
    "white": PatternFill("solid", fgColor="FFFFFF"),
}
LABEL_FONT = Font(name="Verdana", bold=True, size=9)
TOTAL_FONT = Font(name="Verdana", bold=True, size=9, color="17324D")

#: Unlocked cells that are not an item's answer, comment or evidence cell (sign-off fields, details
#: forms), per layout: (sheet, coordinate) -> what the field is. Every other unlocked cell must be an
#: item's cell (see `_lock_problems`).
OTHER_INPUTS: dict[str, dict[tuple[str, str], str]] = {}

#: Columns unlocked as a whole by a column style, per layout: sheet -> letters.
WHOLE_COLUMNS: dict[str, dict[str, tuple[str, ...]]] = {}


def _input(ws: Any, coordinate: str, fill: str, centre: bool = False) -> None:
    """An unlocked, shaded, framed input cell."""
    cell = ws[coordinate]
    cell.protection = UNLOCKED
    cell.fill = INPUT_FILLS[fill]
    cell.border = FRAME
    cell.font = B_FONT
    cell.alignment = MIDDLE if centre else WRAP


def _form_field(ws: Any, layout_name: str, row: int, label: str, label_cell: str, input_cell: str,
                fill: str, merge: str | None = None) -> None:
    """A label and an unlocked input cell that is a form field, not an item."""
    ws[f"{label_cell}{row}"] = label
    ws[f"{label_cell}{row}"].font = LABEL_FONT
    _input(ws, f"{input_cell}{row}", fill)
    if merge:
        ws.merge_cells(merge)
    OTHER_INPUTS.setdefault(layout_name, {})[(ws.title, f"{input_cell}{row}")] = label


# --- 1. a bank's classic protected questionnaire -------------------------------------------------------

BANK_SHEET = "TPSQ Controls"
#: (section, [(id, question, existing answer, existing comment)])
BANK_SECTIONS: list[tuple[str, list[tuple[str, str, str | None, str | None]]]] = [
    ("1. Governance and oversight", [
        ("TP-1.1", "Has your board received a written report on cyber risk within the last twelve months?", "Yes",
         "Quarterly risk pack to the Audit & Risk Committee; latest issued October 2026."),
        ("TP-1.2", "Does your firm employ a dedicated information security function that is independent of IT "
                   "operations?", None, None),
        ("TP-1.3", "Are your security policies mapped to a recognised framework such as ISO/IEC 27001, NIST CSF "
                   "or PCI DSS?", None, None),
    ]),
    ("2. Access to bank systems and data", [
        ("TP-2.1", "Are privileged credentials for systems that process our payment files kept in a vault that "
                   "logs every checkout?", None, None),
        ("TP-2.2", "Is access to our customer account data restricted by role and approved by a named data "
                   "owner?", None, None),
        ("TP-2.3", "Are the network accounts of leavers disabled within one business day of their departure?",
         "In progress", "Automated HR feed goes live in March 2027; today the cut-off is three days."),
    ]),
    ("3. Protection of bank data", [
        ("TP-3.1", "Are card numbers and account numbers masked when they are displayed to your support "
                   "agents?", None, None),
        ("TP-3.2", "Do data loss prevention controls inspect email and web uploads from endpoints that handle our "
                   "data?", None, None),
        ("TP-3.3", "Are the encryption keys that protect our data rotated at least once a year?", None, None),
    ]),
    ("4. Operational resilience", [
        ("TP-4.1", "Can the service we outsource to you be restored within four hours of a severe disruption?",
         None, None),
        ("TP-4.2", "Have you rehearsed recovery from a destructive ransomware attack in the past year?", "No",
         None),
        ("TP-4.3", "Do you keep an immutable copy of backups that production administrator credentials cannot "
                   "reach?", None, None),
    ]),
    ("5. Fourth parties", [
        ("TP-5.1", "Do you maintain a register of the subcontractors that support the services you deliver to the "
                   "bank?", None, None),
        ("TP-5.2", "Would you give us ninety days' notice before moving our workload to a new subcontractor?",
         None, None),
        ("TP-5.3", "Are your critical subcontractors' controls assessed before onboarding and every year "
                   "afterwards?", None, None),
    ]),
]


def bank_classic_protected(folder: Path) -> Layout:
    name = "bank_classic_protected"
    OTHER_INPUTS[name] = {}
    wb = Workbook()
    ws = wb.active
    ws.title = BANK_SHEET
    caption(ws, "A1", "Northgate Mutual Bank – Third-Party Security Questionnaire", "A1:D1")
    small_print(ws, "A2", "Form TPRM-07 v5 · Third-Party Risk Management · Classification: Confidential once "
                          "completed", "A2:D2")
    small_print(ws, "A3", "This sheet is protected. Enter your responses in the shaded cells only; every other cell "
                          "is locked.", "A3:D3")
    small_print(ws, "A4", "Response key: Yes = fully in place · No = not in place · In progress = being implemented "
                          "(give a target date) · Not applicable = explain why in Comments", "A4:D4")
    heading_row(ws, 6, {"A": "Ref", "B": "Question", "C": "Response", "D": "Comments"}, paint="navy")
    items = []
    answer_cells = []
    row = 6
    for section, questions in BANK_SECTIONS:
        row += 1
        band_row(ws, row, section, "A", "D", paint="cyan")
        for id_, question, existing, remark in questions:
            row += 1
            body_row(ws, row, {"A": id_, "B": question, "C": existing, "D": remark}, "ABCD")
            _input(ws, f"C{row}", "straw", centre=True)
            _input(ws, f"D{row}", "straw")
            answer_cells.append(f"C{row}")
            items.append(expect(BANK_SHEET, row, question, "C", id_, comment="D", allowed=BANK_CHOICES,
                                existing=existing, existing_comment=remark, section=[section]))
    list_validation(ws, BANK_CHOICES, *answer_cells)
    row += 2
    ws[f"A{row}"] = "Sign-off"
    ws[f"A{row}"].font = LABEL_FONT
    _form_field(ws, name, row + 1, "Completed by (name and job title):", "A", "B", "straw")
    _form_field(ws, name, row + 2, "Date completed:", "A", "B", "straw")
    col_widths(ws, A=22, B=78, C=15, D=46)
    ws.freeze_panes = "C7"
    ws.protection.sheet = True
    ws.protection.password = "NMB-tprm07"
    path = store(wb, folder, "NMB_TPRM-07_third_party_security_questionnaire.xlsx")
    return Layout(
        name=name,
        path=path,
        format="xlsx",
        sheets=[sheet_of(BANK_SHEET, 6, {"A": "id", "B": "question", "C": "answer", "D": "comment"})],
        items=items,
        note="A bank's classic protected questionnaire (password-protected sheet). Header on row 6: 'Ref' (id "
             "TP-1.1 ...), 'Question', 'Response' (answer, drop-down 'Yes', 'No', 'In progress', 'Not "
             "applicable') and 'Comments' (comment). Only the Response and Comments cells of the question rows "
             "are unlocked and shaded; title, response key, header and section rows are locked. Section rows "
             "give the section; three rows already answered. The unlocked 'Completed by' and 'Date completed' "
             "fields below the table are a sign-off block, not items.",
    )


# --- 2. a public body's matrix: the answer column headed only "Supplier" ---------------------------------

COUNCIL_SHEET = "Schedule 4 Matrix"
#: (section, [(id, requirement, priority, existing answer)])
COUNCIL_SECTIONS: list[tuple[str, list[tuple[str, str, str, str | None]]]] = [
    ("Hosting and location", [
        ("IS-01", "The Contractor must host all Council data in data centres located within the United Kingdom.",
         "Mandatory", "All hosting is in our Manchester and Slough facilities; no Council data leaves the UK."),
        ("IS-02", "Describe how the hosting environment is segregated from the Contractor's other customers.",
         "Mandatory", None),
        ("IS-03", "State the monthly availability target for the service and explain how it is measured.",
         "Desirable", None),
    ]),
    ("Personnel security", [
        ("IS-04", "The Contractor must ensure that every person with access to Council data holds at least "
                  "Baseline Personnel Security Standard clearance.", "Mandatory", None),
        ("IS-05", "Explain how a team member's access to Council systems is removed once their role on the "
                  "contract ends.", "Mandatory", None),
        ("IS-06", "Confirm whether any support will be delivered from outside the United Kingdom and, if so, "
                  "from which countries.", "Mandatory", None),
    ]),
    ("Information handling", [
        ("IS-07", "The Contractor must mark and handle Council information according to the Council's "
                  "information classification scheme.", "Mandatory", None),
        ("IS-08", "Describe the method used to erase Council data from storage media that are repaired, reused "
                  "or disposed of.", "Mandatory", None),
        ("IS-09", "The Contractor must move Council data only over connections encrypted in line with current "
                  "national cyber security guidance.", "Mandatory", None),
        ("IS-10", "Set out the time within which a personal data breach will be reported to the Council's Data "
                  "Protection Officer.", "Mandatory", "Within 24 hours of discovery, by phone and by email."),
    ]),
    ("Assurance and audit", [
        ("IS-11", "The Contractor must hold Cyber Essentials Plus certification for the whole term of the "
                  "contract.", "Mandatory", None),
        ("IS-12", "Describe the scope and frequency of independent penetration testing of the proposed service.",
         "Desirable", None),
        ("IS-13", "Explain how the Council will receive the findings of security audits and the plans to resolve "
                  "them.", "Desirable", None),
        ("IS-14", "The Contractor must allow the Council or its nominated auditor to inspect the security of the "
                  "service on reasonable notice.", "Mandatory", None),
    ]),
]


def public_body_untitled_answer_column(folder: Path) -> Layout:
    name = "public_body_untitled_answer_column"
    OTHER_INPUTS[name] = {}
    wb = Workbook()
    ws = wb.active
    ws.title = COUNCIL_SHEET
    caption(ws, "A1", "Harbourside Regional Council", "A1:D1")
    small_print(ws, "A2", "Invitation to Tender HRC/ICT/2027/014 · Schedule 4: Information Security Requirements",
                "A2:D2")
    _form_field(ws, name, 4, "Supplier name:", "A", "B", "green")
    small_print(ws, "A5", "For every requirement, describe in the green cell how your proposal meets it. Mandatory "
                          "requirements must be met in full. Do not alter the requirement text: the sheet is "
                          "protected and only the green cells can be selected.", "A5:D5")
    heading_row(ws, 7, {"A": "Req. ID", "B": "Requirement", "C": "Priority", "D": "Supplier"}, paint="moss")
    items = []
    priority_cells = []
    row = 7
    for section, requirements in COUNCIL_SECTIONS:
        row += 1
        band_row(ws, row, section, "A", "D", paint="mist")
        for id_, requirement, priority, existing in requirements:
            row += 1
            body_row(ws, row, {"A": id_, "B": requirement, "C": priority, "D": existing}, "ABCD")
            ws[f"C{row}"].alignment = MIDDLE
            _input(ws, f"D{row}", "green")
            priority_cells.append(f"C{row}")
            items.append(expect(COUNCIL_SHEET, row, requirement, "D", id_, existing=existing, section=[section]))
    list_validation(ws, PRIORITIES, *priority_cells)
    col_widths(ws, A=10, B=70, C=13, D=62)
    ws.protection.sheet = True
    ws.protection.password = "hrc-ict-2027"
    ws.protection.selectLockedCells = True
    path = store(wb, folder, "HRC-ICT-2027-014_Schedule4_security_requirements.xlsx")
    return Layout(
        name=name,
        path=path,
        format="xlsx",
        sheets=[sheet_of(COUNCIL_SHEET, 7, {"A": "id", "B": "question", "D": "answer"})],
        items=items,
        note="A council's tender compliance matrix (protected, only unlocked cells selectable). Header on row 7: "
             "'Req. ID' (id), 'Requirement' (question; statements 'The Contractor must ...' and 'Describe ...' "
             "are items), 'Priority' and 'Supplier'. 'Supplier' says nothing of answers, but its green cells are "
             "the only unlocked cells on the requirement rows: it is the answer column, free text ([] and source "
             "None, no drop-down). The council's 'Priority' column (locked, with its own Mandatory/Desirable "
             "drop-down) has no role. No comment column. The unlocked 'Supplier name' field above the header is a "
             "form field, not an item. Section rows give the section; two requirements already answered.",
    )


# --- 3. an insurer's sheet: two unlocked columns and a locked risk rating with its own drop-down -----

INSURER_SHEET = "Vendor DD 2027"
#: (section, [(question, risk rating, existing answer, existing detail)])
INSURER_SECTIONS: list[tuple[str, list[tuple[str, str, str | None, str | None]]]] = [
    ("A. Policy and contracts", [
        ("Does a member of your senior leadership team sign off the information security policy each year?",
         "Medium", "Yes", "Signed by the Chief Operating Officer on 14 January 2027."),
        ("Do you carry cyber liability insurance that would cover losses arising from a breach of our "
         "policyholder data?", "High", None, None),
        ("Are security obligations written into the contracts you hold with your own outsourced providers?",
         "Medium", None, None),
    ]),
    ("B. Technical controls", [
        ("Are policyholder records held in databases on a network segment that cannot be reached from the "
         "internet?", "High", None, None),
        ("Is endpoint detection and response software running on every laptop used by staff working on our "
         "account?", "High", None, None),
        ("Do you block USB mass-storage devices on the machines that can open our files?", "Low", "Partially",
         "Blocked on all laptops; two scanning workstations in the post room are exempt."),
        ("Are web applications that display our policyholder data tested against the OWASP Top 10 before each "
         "release?", "Medium", None, None),
        ("Is mail exchanged between your domain and ours protected by enforced TLS?", "Low", None, None),
    ]),
    ("C. Incidents", [
        ("Would you inform our Chief Information Security Officer of a suspected compromise within 24 hours?",
         "High", None, None),
        ("Do you retain forensic images and logs for at least ninety days after a security incident?", "Medium",
         None, None),
        ("Has your incident response plan been rehearsed with an external facilitator in the last eighteen "
         "months?", "Low", None, None),
    ]),
    ("D. Privacy", [
        ("Is policyholder data used only for the purposes listed in our data sharing agreement?", "High", None,
         None),
        ("Could you produce, within one month, every record you hold about a named policyholder?", "Medium", None,
         None),
        ("Are claims documents containing health information stored apart from general correspondence?", "High",
         None, None),
        ("Do you pseudonymise policyholder data before using it for analytics or software testing?", "Medium",
         None, None),
    ]),
]


def insurer_two_unlocked_columns(folder: Path) -> Layout:
    name = "insurer_two_unlocked_columns"
    OTHER_INPUTS[name] = {}
    wb = Workbook()
    ws = wb.active
    ws.title = INSURER_SHEET
    caption(ws, "A1", "Meridian Assurance Group – Vendor Security Due Diligence", "A1:E1")
    small_print(ws, "A2", "Procurement & Outsourcing Risk · The risk rating of each question is set by Meridian and "
                          "cannot be changed.", "A2:E2")
    small_print(ws, "A3", "Choose an answer in the blue Answer cell, then use Answer detail to describe the control, "
                          "its scope and any exceptions. Rows and columns can be resized.", "A3:E3")
    heading_row(ws, 5, {"A": "Q No.", "B": "Question", "C": "Risk rating", "D": "Answer", "E": "Answer detail"},
                paint="plum")
    items = []
    answer_cells = []
    rating_cells = []
    row, number = 5, 0
    for section, questions in INSURER_SECTIONS:
        row += 1
        band_row(ws, row, section, "A", "E", paint="straw")
        for question, rating, existing, detail in questions:
            row += 1
            number += 1
            body_row(ws, row, {"A": number, "B": question, "C": rating, "D": existing, "E": detail}, "ABCDE")
            ws[f"A{row}"].alignment = Alignment(horizontal="center", vertical="top")
            ws[f"C{row}"].alignment = MIDDLE
            ws[f"C{row}"].fill = PAINT["mist"]
            _input(ws, f"D{row}", "blue", centre=True)
            _input(ws, f"E{row}", "blue")
            answer_cells.append(f"D{row}")
            rating_cells.append(f"C{row}")
            items.append(expect(INSURER_SHEET, row, question, "D", str(number), comment="E", allowed=INSURER_CHOICES,
                                existing=existing, existing_comment=detail, section=[section]))
    list_validation(ws, RISK_RATINGS, *rating_cells)
    list_validation(ws, INSURER_CHOICES, *answer_cells)
    col_widths(ws, A=7, B=72, C=11, D=14, E=64)
    ws.freeze_panes = "A6"
    ws.protection.sheet = True
    ws.protection.password = "MAG-dd"
    ws.protection.formatRows = False
    ws.protection.formatColumns = False
    path = store(wb, folder, "Meridian_vendor_security_due_diligence_2027.xlsx")
    return Layout(
        name=name,
        path=path,
        format="xlsx",
        sheets=[sheet_of(INSURER_SHEET, 5, {"A": "id", "B": "question", "D": "answer", "E": "comment"})],
        items=items,
        note="An insurer's protected due-diligence sheet, header on row 5. Two unlocked columns could pass for the "
             "answer: the narrow 'Answer' (D, drop-down 'Yes', 'No', 'Partially', 'Not applicable') is the answer, "
             "and the wide free-text 'Answer detail' (E) is the comment column, although its heading also says "
             "'Answer'. The insurer's 'Risk rating' (C) is locked and prefilled, with its OWN High/Medium/Low "
             "drop-down: no role, and its values are never allowed answers. 'Q No.' ids are numbers shown '1' ... "
             "'15'. Section rows give the section; two rows already answered.",
    )


# --- 4. a hospital's tiered assessment: rows locked for this vendor's tier ------------------------------

TRUST_SHEET = "IG Supplier Assessment"
TIER_ALL, TIER_ONE = "All tiers", "Tier 1 only"
NOT_REQUIRED = "Not required for Tier 2"
#: (section, [(id, question, applies to, existing answer, existing comment)])
TRUST_SECTIONS: list[tuple[str, list[tuple[str, str, str, str | None, str | None]]]] = [
    ("Governance", [
        ("IG01", "Has your organisation published a Data Security and Protection Toolkit assessment with the "
                 "status 'Standards Met'?", TIER_ALL, "Met", "2025/26 submission, published 28 June 2026."),
        ("IG02", "Is a named senior person accountable for information governance across your organisation?",
         TIER_ALL, None, None),
        ("IG03", "Do all of your staff, temporary workers included, complete data security awareness training "
                 "at least every twelve months?", TIER_ALL, None, None),
    ]),
    ("Patient information", [
        ("IG04", "Will any patient-identifiable data be processed outside the Trust's network under this "
                 "contract?", TIER_ONE, None, None),
        ("IG05", "Is patient data that you hold encrypted with keys the Trust can revoke?", TIER_ONE, None, None),
        ("IG06", "Will you tell the Trust before any of your staff is given remote access to a clinical system?",
         TIER_ALL, None, None),
        ("IG07", "Is there a Caldicott Guardian, or an equivalent role, overseeing your use of patient "
                 "information?", TIER_ONE, None, None),
    ]),
    ("Access and devices", [
        ("IG08", "Are your engineers' laptops that connect to Trust equipment centrally managed and patched every "
                 "month?", TIER_ALL, None, None),
        ("IG09", "Is remote support to Trust systems carried out only through the Trust's approved remote access "
                 "gateway?", TIER_ALL, "Partially met", "Two legacy imaging systems still use a vendor modem."),
        ("IG10", "Are audit trails of every access to patient records kept for at least eight years?", TIER_ONE,
         None, None),
        ("IG11", "Can default passwords on the medical devices you supply be changed before they are "
                 "installed?", TIER_ALL, None, None),
        ("IG12", "Will you provide a completed MDS2 security disclosure form for each device model you supply?",
         TIER_ALL, None, None),
    ]),
    ("Continuity", [
        ("IG13", "Is there a documented plan to keep supporting the Trust if your service desk is unavailable for "
                 "more than a day?", TIER_ALL, None, None),
        ("IG14", "Can you restore clinical data held for the Trust to a point no older than fifteen minutes?",
         TIER_ONE, None, None),
        ("IG15", "Will you take part in the Trust's yearly business continuity exercise when invited?", TIER_ALL,
         None, None),
        ("IG16", "Are the Trust's urgent incident contacts written into your out-of-hours escalation procedure?",
         TIER_ALL, None, None),
        ("IG17", "Do you hold ISO 22301 certification, or can you show an equivalent continuity programme?",
         TIER_ALL, None, None),
    ]),
]


def hospital_tier_locked_rows(folder: Path) -> Layout:
    name = "hospital_tier_locked_rows"
    OTHER_INPUTS[name] = {}
    wb = Workbook()
    ws = wb.active
    ws.title = TRUST_SHEET
    caption(ws, "A1", "St Brannock's Hospitals NHS Foundation Trust", "A1:E1")
    small_print(ws, "A2", "Supplier Information Governance Assessment · Digital Services · Version 3.1", "A2:E2")
    ws["A3"] = "Supplier tier for this contract:"
    ws["A3"].font = LABEL_FONT
    ws.merge_cells("A3:B3")
    ws["C3"] = "Tier 2 – no access to patient-identifiable data"
    ws["C3"].font = LABEL_FONT
    ws.merge_cells("C3:E3")
    small_print(ws, "A4", "Questions marked 'Tier 1 only' do not apply to Tier 2 suppliers: their response cells "
                          "have been greyed out and locked by the Trust.", "A4:E4")
    small_print(ws, "A5", "Met = fully in place · Partially met = in place with gaps (describe them) · Not met = not "
                          "in place", "A5:E5")
    heading_row(ws, 7, {"A": "Ref", "B": "Question", "C": "Applies to", "D": "Response", "E": "Comments"},
                paint="slate")
    items = []
    decoys: dict[tuple[str, int], str] = {}
    row = 7
    for section, questions in TRUST_SECTIONS:
        row += 1
        band_row(ws, row, section, "A", "E", paint="cyan")
        for id_, question, applies, existing, remark in questions:
            row += 1
            if applies == TIER_ONE:
                body_row(ws, row, {"A": id_, "B": question, "C": applies, "D": NOT_REQUIRED}, "ABCDE")
                for letter in "DE":
                    ws[f"{letter}{row}"].fill = GREYED
                ws[f"D{row}"].font = GREY_TEXT
                decoys[(TRUST_SHEET, row)] = "not applicable to this tier: answer cell greyed and locked"
                continue
            body_row(ws, row, {"A": id_, "B": question, "C": applies, "D": existing, "E": remark}, "ABCDE")
            _input(ws, f"D{row}", "input", centre=True)
            _input(ws, f"E{row}", "input")
            items.append(expect(TRUST_SHEET, row, question, "D", id_, comment="E", allowed=TRUST_CHOICES,
                                existing=existing, existing_comment=remark, section=[section]))
    DECOYS[name] = decoys
    list_validation(ws, TRUST_CHOICES, f"D8:D{row}")
    col_widths(ws, A=7, B=74, C=13, D=24, E=46)
    ws.freeze_panes = "A8"
    ws.protection.sheet = True
    ws.protection.password = "SBH-IG31"
    path = store(wb, folder, "SBH_supplier_IG_assessment_tier2.xlsx")
    return Layout(
        name=name,
        path=path,
        format="xlsx",
        sheets=[sheet_of(TRUST_SHEET, 7, {"A": "id", "B": "question", "D": "answer", "E": "comment"})],
        items=items,
        note="A hospital trust's protected assessment sent to a Tier 2 supplier; header on row 7: 'Ref', "
             "'Question', 'Applies to' (no role), 'Response' (drop-down 'Met', 'Partially met', 'Not met'), "
             "'Comments'. CONVENTION: the five 'Tier 1 only' rows (IG04, IG05, IG07, IG10, IG14), whose Response "
             "and Comments cells the trust greyed and LOCKED and whose response cell reads 'Not required for "
             "Tier 2', are NOT items: the vendor cannot answer them and writing there would change a cell the "
             "customer closed; the drop-down still covering them (applied to the whole range D8:D...) does not "
             "make them items. The twelve 'All tiers' rows are items (ids as displayed, with gaps); section rows "
             "give the section; two rows already answered.",
    )


# --- 5. a university's workbook with its structure locked and every sheet protected ----------------------

UNI_COVER = "Vendor Details"
UNI_PART1 = "Part 1 Data"
UNI_PART2 = "Part 2 Platform"
UNI_LISTS = "Lookups"
UNI_LIST_RANGES = {"answers": f"{UNI_LISTS}!$A$2:$A$4", "hosting": f"{UNI_LISTS}!$B$2:$B$5",
                   "patching": f"{UNI_LISTS}!$C$2:$C$5"}
UNI_LIST_VALUES = {"answers": UNI_CHOICES, "hosting": UNI_HOSTING, "patching": UNI_PATCHING, "free": []}
#: sheet -> [(id, question, list kind, existing answer, existing information)]
UNI_QUESTIONS: dict[str, list[tuple[str, str, str, str | None, str | None]]] = {
    UNI_PART1: [
        ("1.1", "Will the product store student records, marks or coursework submitted by our learners?", "answers",
         "Yes", "Coursework files and feedback only; marks stay in the student records system."),
        ("1.2", "Where will data belonging to the university be hosted?", "hosting", None, None),
        ("1.3", "Is the university's data kept logically separate from that of other institutions using the "
                "product?", "answers", None, None),
        ("1.4", "Can the university export all of its data in an open format at any point during the contract?",
         "answers", None, None),
        ("1.5", "Does the product process special category data, such as disability or health information about "
                "students?", "answers", None, None),
        ("1.6", "List every country in which university data or its backups may be stored.", "free", None, None),
        ("1.7", "Will the product pass any university data to analytics or advertising services?", "answers", None,
         None),
    ],
    UNI_PART2: [
        ("2.1", "Does the product support single sign-on through SAML 2.0 with the university's identity "
                "provider?", "answers", None, None),
        ("2.2", "Do the pages that students use meet WCAG 2.2 level AA?", "answers", None, None),
        ("2.3", "Can permissions be configured so that teaching assistants see only the modules they support?",
         "answers", None, None),
        ("2.4", "How soon after release are security patches applied to the platform's servers?", "patching",
         "Within 30 days", None),
        ("2.5", "Is the platform's architecture reviewed by an independent party at least once a year?", "answers",
         None, None),
        ("2.6", "Describe how the product records changes to marks and lets administrators review them.", "free",
         None, None),
        ("2.7", "Are security and accessibility fixes delivered at no extra charge during the contract?", "answers",
         None, None),
    ],
}


def university_locked_structure(folder: Path) -> Layout:
    name = "university_locked_structure"
    OTHER_INPUTS[name] = {}
    wb = Workbook()
    cover = wb.active
    cover.title = UNI_COVER
    caption(cover, "A1", "Kestrel Valley University – Third-Party Technology Assessment", "A1:C1")
    small_print(cover, "A2", "Information Services · Please complete the orange fields below, then answer both "
                             "question sheets. The workbook structure is locked: do not add, rename or remove "
                             "sheets.", "A2:C2")
    for row, label in enumerate(["Vendor name", "Product name and version", "Main contact", "Contact email",
                                 "Date completed"], start=4):
        _form_field(cover, name, row, label, "A", "B", "peach")
    small_print(cover, "A10", "Return the completed workbook to procurement@kestrelvalley.example.ac.uk.", "A10:C10")
    col_widths(cover, A=28, B=52, C=20)
    cover.protection.sheet = True
    cover.protection.password = "kvu"

    lists = wb.create_sheet(UNI_LISTS)
    for letter, (heading, values) in zip("ABC", [("Answer", UNI_CHOICES), ("Hosting", UNI_HOSTING),
                                                  ("Patching", UNI_PATCHING)]):
        lists[f"{letter}1"] = heading
        for index, value in enumerate(values, start=2):
            lists[f"{letter}{index}"] = value
    lists.protection.sheet = True
    lists.protection.password = "kvu"

    items = []
    sheets = [ExpectedSheet(UNI_COVER, "ignored")]
    for sheet_name, heading in ((UNI_PART1, "Part 1 – Institutional data"), (UNI_PART2, "Part 2 – The platform")):
        ws = wb.create_sheet(sheet_name, index=len(wb.sheetnames) - 1)
        caption(ws, "A1", heading, "A1:E1")
        small_print(ws, "A2", "Select an answer in each orange cell; use Additional information for anything the "
                              "list cannot say.", "A2:E2")
        titles = {"A": "Ref", "B": "Question", "C": "Vendor answer", "D": "Additional information"}
        roles = {"A": "id", "B": "question", "C": "answer", "D": "comment"}
        evidence = None
        if sheet_name == UNI_PART2:
            titles["E"] = "Supporting document"
            roles["E"] = "evidence"
            evidence = "E"
        heading_row(ws, 4, titles, paint="rust")
        by_list: dict[str, list[str]] = {}
        for offset, (id_, question, kind, existing, info) in enumerate(UNI_QUESTIONS[sheet_name]):
            row = 5 + offset
            body_row(ws, row, {"A": id_, "B": question, "C": existing, "D": info}, "".join(titles))
            for letter in titles:
                if letter in "CDE":
                    _input(ws, f"{letter}{row}", "peach", centre=letter == "C")
            if kind != "free":
                by_list.setdefault(kind, []).append(f"C{row}")
            items.append(expect(sheet_name, row, question, "C", id_, comment="D", evidence=evidence,
                                allowed=UNI_LIST_VALUES[kind], existing=existing, existing_comment=info, section=[]))
        for kind, cells in by_list.items():
            list_validation(ws, UNI_LIST_RANGES[kind], *cells)
        col_widths(ws, A=6, B=76, C=22, D=44, E=30)
        ws.protection.sheet = True
        ws.protection.password = "kvu"
        sheets.append(sheet_of(sheet_name, 4, roles))
    lists.sheet_state = "hidden"
    sheets.append(ExpectedSheet(UNI_LISTS, "ignored"))
    wb.security = WorkbookProtection(workbookPassword="kvu-structure", lockStructure=True)
    path = store(wb, folder, "KVU_third_party_technology_assessment.xlsx")
    return Layout(
        name=name,
        path=path,
        format="xlsx",
        sheets=sheets,
        items=items,
        note="A university workbook with its STRUCTURE protected (lockStructure) and every sheet protected. The "
             "'Vendor Details' cover is ignored: its unlocked orange fields (vendor name, product, contact, date) "
             "are a details form, not items. 'Part 1 Data' and 'Part 2 Platform' are questionnaire sheets, header "
             "on row 4: 'Ref', 'Question', 'Vendor answer' (answer), 'Additional information' (comment) and, on "
             "Part 2, 'Supporting document' (evidence). The drop-downs take their values from the HIDDEN "
             "'Lookups' sheet (ignored; source validation): 'Yes', 'No', 'Not applicable'; a hosting list for "
             "1.2; a patch-timing list for 2.4. Questions 1.6 and 2.6 are free text. No section rows (section "
             "[]); two rows already answered.",
    )


# --- 6. a SaaS buyer's review: whole columns unlocked by their style, a header two rows tall --------------

SAAS_SHEET = "App Security Review"
#: (section, [(id, question, why we ask, existing answer, existing comment)])
SAAS_SECTIONS: list[tuple[str, list[tuple[str, str, str | None, str | None, str | None]]]] = [
    ("Identity and access", [
        ("IAM-1", "Can our administrators enforce SAML single sign-on and switch off password login for all of "
                  "our users?", "We require every business application to sit behind our identity provider.",
         "Yes", "Available on the Business plan and above."),
        ("IAM-2", "Does the product create and remove user accounts automatically through SCIM?", None, None,
         None),
        ("IAM-3", "Are your employees' sessions in our tenant written to an audit log that we can view?",
         "Support staff access is the main insider risk we track for SaaS tools.", None, None),
        ("IAM-4", "Can sign-in to our tenant be limited to a list of IP address ranges?", None, None, None),
    ]),
    ("Tenant data", [
        ("DAT-1", "Is our tenant data encrypted at rest with a key that is unique to our tenant?", None, None, None),
        ("DAT-2", "Can we choose the region where our tenant data is stored?",
         "Our customers' contracts restrict where their data may be held.", "Partial",
         "EU and US regions today; UK region planned."),
        ("DAT-3", "Is data we delete purged from live systems within 30 days and from backups within 90 days?",
         None, None, None),
        ("DAT-4", "Are files uploaded by our users scanned for malware before other users can open them?", None,
         None, None),
    ]),
    ("Application security", [
        ("APP-1", "Do your release notes flag which changes fix security issues?", None, None, None),
        ("APP-2", "Is every pull request to the product scanned by static analysis before it is merged?",
         "Name the tool if you can.", None, None),
        ("APP-3", "Do you run a public bug bounty programme covering the product?", None, None, None),
        ("APP-4", "Are API tokens limited to specific permissions and given an expiry date?", None, None, None),
    ]),
    ("Service operations", [
        ("OPS-1", "Is the service's status shown on a public status page with its incident history?", None, None,
         None),
        ("OPS-2", "Do you give customers thirty days' notice before a change that removes a feature they use?",
         "We need time to retrain staff and update our own procedures.", None, None),
        ("OPS-3", "Are production changes deployed through automated pipelines that can roll them back?", None,
         None, None),
    ]),
]
SAAS_TOP, SAAS_HEADER = 5, 6


def saas_column_style_unlocked(folder: Path) -> Layout:
    name = "saas_column_style_unlocked"
    OTHER_INPUTS[name] = {}
    WHOLE_COLUMNS[name] = {SAAS_SHEET: ("D", "E")}
    wb = Workbook()
    ws = wb.active
    ws.title = SAAS_SHEET
    caption(ws, "A1", "Lumenfold – SaaS Vendor Security Review", "A1:F1")
    small_print(ws, "A2", "Answer in columns D and E. The rest of the sheet is locked; the last column is for "
                          "Lumenfold's reviewer.", "A2:F2")
    small_print(ws, "A3", "Review cycle: onboarding and every second renewal.", "A3:F3")
    heading_row(ws, SAAS_TOP, {"A": "Ref", "B": "Question", "C": "Why we ask", "D": "Vendor response",
                               "F": "Lumenfold review"}, paint="navy")
    heading_row(ws, SAAS_HEADER, {"D": "Answer", "E": "Comments"}, paint="slate")
    for letter in "ABCF":
        ws.merge_cells(f"{letter}{SAAS_TOP}:{letter}{SAAS_HEADER}")
    ws.merge_cells(f"D{SAAS_TOP}:E{SAAS_TOP}")
    items = []
    row = SAAS_HEADER
    for section, questions in SAAS_SECTIONS:
        row += 1
        band_row(ws, row, section, "A", "C", paint="mist")
        for letter in "DEF":
            ws[f"{letter}{row}"].fill = PAINT["mist"]
        for id_, question, why, existing, remark in questions:
            row += 1
            body_row(ws, row, {"A": id_, "B": question, "C": why, "D": existing, "E": remark}, "ABCDEF")
            ws[f"C{row}"].font = Font(name="Verdana", italic=True, size=8, color="404040")
            _input(ws, f"D{row}", "input", centre=True)
            _input(ws, f"E{row}", "input")
            ws[f"F{row}"].fill = PAINT["mist"]
            items.append(expect(SAAS_SHEET, row, question, "D", id_, comment="E", allowed=SAAS_CHOICES,
                                existing=existing, existing_comment=remark, section=[section],
                                guidance=collapse(why) if why else None))
    last = row
    list_validation(ws, SAAS_CHOICES, f"D{SAAS_HEADER + 1}:D{last + 20}")
    small_print(ws, f"A{last + 2}", "End of review.")
    # The customer selected columns D:E and unlocked them: the columns' style is unlocked, and so is every
    # cell already written in them (headers and section rows included), as Excel does.
    for letter in ("D", "E"):
        ws.column_dimensions[letter].protection = UNLOCKED
    for cells in ws.iter_rows(min_row=1, max_row=ws.max_row, min_col=4, max_col=5):
        for cell in cells:
            if not isinstance(cell, MergedCell) and (cell.value is not None or cell.has_style):
                cell.protection = UNLOCKED
    col_widths(ws, A=8, B=66, C=40, D=14, E=44, F=18)
    ws.freeze_panes = f"A{SAAS_HEADER + 1}"
    ws.protection.sheet = True
    path = store(wb, folder, "Lumenfold_SaaS_vendor_security_review.xlsx")
    return Layout(
        name=name,
        path=path,
        format="xlsx",
        sheets=[sheet_of(SAAS_SHEET, SAAS_HEADER, {"A": "id", "B": "question", "C": "guidance", "D": "answer",
                                                  "E": "comment"})],
        items=items,
        note="A SaaS buyer's protected review (no password) whose answer and comment COLUMNS D:E are unlocked as a "
             "whole: the columns' style is unlocked and so is every cell written in them, header cells and section "
             "rows included. The header is two rows tall: 'Ref', 'Question', 'Why we ask' and 'Lumenfold review' "
             "merged down over rows 5-6, 'Vendor response' merged over 'Answer' and 'Comments' on row 6; the "
             "header row is the LOWER row, 6. Section rows stay section rows although their D and E cells are "
             "unlocked; 'Answer' (drop-down 'Yes', 'No', 'Partial', 'On roadmap', 'N/A', over the whole range) is "
             "the answer, 'Comments' the comment, 'Why we ask' the guidance (None where empty); 'Lumenfold "
             "review' (locked) has no role. Two rows already answered.",
    )


# --- 7. a retailer's checklist: the answer box merged across two columns --------------------------------

RETAIL_SHEET = "Supplier Checklist 2027"
#: (section, [(question, weight, free text?, existing answer, existing note)])
RETAIL_SECTIONS: list[tuple[str, list[tuple[str, int, bool, str | None, str | None]]]] = [
    ("Store systems", [
        ("Will the point-of-sale terminals you supply receive security updates for at least five years after "
         "purchase?", 3, False, "Yes – fully", "Seven years from the end of sale for the T8 range."),
        ("Are card readers checked for tampering devices before they are installed in our stores?", 3, False,
         None, None),
        ("Is the in-store guest Wi-Fi you manage kept apart from the network used by tills and stock systems?", 2,
         False, None, None),
        ("Describe how remote maintenance connections to our store systems are authorised and logged.", 2, True,
         None, None),
    ]),
    ("Online store", [
        ("Are checkout pages protected against injected scripts, for example with a content security policy?", 3,
         False, None, None),
        ("Are customer passwords stored with a salted, slow hashing algorithm such as bcrypt or Argon2?", 3, False,
         None, None),
        ("Is bot mitigation in place to stop credential stuffing against customer accounts?", 2, False,
         "Yes – partly", "Rate limiting only; a bot-management service is being trialled."),
        ("Which payment service provider takes the card payments made on the website?", 1, True, None, None),
    ]),
    ("People", [
        ("Are seasonal workers given their own logins rather than a shared account?", 2, False, None, None),
        ("Do staff who handle customer returns receive guidance on spotting refund fraud?", 1, False, None, None),
    ]),
    ("Warehouses and delivery", [
        ("Are warehouse handheld scanners locked down so that they run only approved apps?", 2, False, None, None),
        ("Are the EDI messages exchanged with our distribution centres signed or encrypted?", 2, False, None, None),
        ("Would you tell us within a day if a courier partner suffered a breach involving our customers' "
         "addresses?", 3, False, None, None),
        ("List the certifications your organisation holds, such as PCI DSS, ISO/IEC 27001 or Cyber Essentials.", 1,
         True, None, None),
    ]),
]


def retailer_merged_input_box(folder: Path) -> Layout:
    name = "retailer_merged_input_box"
    OTHER_INPUTS[name] = {}
    wb = Workbook()
    ws = wb.active
    ws.title = RETAIL_SHEET
    caption(ws, "A1", "Brightwater Stores plc – Supplier Information Security Checklist", "A1:F1")
    small_print(ws, "A2", "Complete the white boxes and add notes where useful. Weights are set by Brightwater and "
                          "cannot be changed.", "A2:F2")
    _form_field(ws, name, 3, "Supplier:", "A", "B", "white", merge="B3:C3")
    heading_row(ws, 5, {"A": "No.", "B": "Question", "C": "Weight", "D": "Supplier answer", "F": "Supplier notes"},
                paint="rust")
    ws.merge_cells("D5:E5")
    items = []
    choice_boxes = []
    row, number = 5, 0
    for section, questions in RETAIL_SECTIONS:
        row += 1
        band_row(ws, row, section, "A", "F", paint="straw")
        for question, weight, free, existing, remark in questions:
            row += 1
            number += 1
            body_row(ws, row, {"A": number, "B": question, "C": weight, "F": remark}, "ABCEF")
            ws[f"A{row}"].alignment = Alignment(horizontal="center", vertical="top")
            ws[f"C{row}"].alignment = MIDDLE
            ws[f"C{row}"].fill = PAINT["mist"]
            for letter in "DE":
                _input(ws, f"{letter}{row}", "white", centre=not free)
            ws.merge_cells(f"D{row}:E{row}")
            if existing:
                ws[f"D{row}"] = existing
            _input(ws, f"F{row}", "white")
            if not free:
                choice_boxes.append(f"D{row}:E{row}")
            items.append(expect(RETAIL_SHEET, row, question, "D", str(number), comment="F",
                                allowed=[] if free else RETAIL_CHOICES, existing=existing, existing_comment=remark,
                                section=[section]))
    list_validation(ws, RETAIL_CHOICES, *choice_boxes)
    col_widths(ws, A=6, B=70, C=9, D=13, E=13, F=44)
    ws.protection.sheet = True
    ws.protection.password = "bws"
    path = store(wb, folder, "Brightwater_supplier_infosec_checklist_2027.xlsx")
    return Layout(
        name=name,
        path=path,
        format="xlsx",
        sheets=[sheet_of(RETAIL_SHEET, 5, {"A": "id", "B": "question", "D": "answer", "F": "comment"})],
        items=items,
        note="A retailer's protected checklist whose answer box on each question row is merged across D:E "
             "('Supplier answer', merged D5:E5 in the header), unlocked, white and framed. The answer cell is the "
             "box's top-left cell D; the covered E has no role and is not the comment ('Supplier notes', F, "
             "unlocked, is). The drop-down over the merged boxes ('Yes – fully', 'Yes – partly', 'No', 'Does not "
             "apply') gives the allowed answers; the 'Describe'/'Which'/'List' rows are free text. 'No.' ids are "
             "numbers shown '1' ... '14'; the locked 'Weight' has no role. The unlocked 'Supplier:' field above "
             "the header is a form field, not an item. Section rows give the section; two rows answered.",
    )


# --- 8. a manufacturer's weighted maturity self-assessment ------------------------------------------------

PLANT_SHEET = "OT Maturity"
#: (section, [(id, requirement, weight)])
PLANT_SECTIONS: list[tuple[str, list[tuple[str, str, int]]]] = [
    ("1. Network segmentation", [
        ("NS-01", "Plant control networks are separated from the office network by a firewall whose rule set is "
                  "documented.", 3),
        ("NS-02", "Traffic between cells of a production line is restricted to the protocols each cell needs.", 2),
        ("NS-03", "Wireless links on the shop floor are inventoried and protected with enterprise authentication.",
         2),
        ("NS-04", "Connections from supplied machines to the vendor's cloud services pass through an industrial "
                  "DMZ.", 3),
    ]),
    ("2. Remote access", [
        ("RA-01", "Remote access by the supplier's engineers is granted per session and approved by plant staff.",
         3),
        ("RA-02", "Remote sessions into the plant use multi-factor authentication and are recorded.", 3),
        ("RA-03", "Engineering laptops brought on site are scanned for malware before they connect to machine "
                  "controllers.", 2),
        ("RA-04", "Default accounts on PLCs, HMIs and drives are disabled or given unique passwords at "
                  "commissioning.", 3),
    ]),
    ("3. Assets and change", [
        ("AC-01", "An inventory of controllers, firmware versions and installed software is kept for every machine "
                  "supplied.", 2),
        ("AC-02", "Firmware and software updates for supplied machines are tested by the supplier before they are "
                  "released to us.", 2),
        ("AC-03", "Changes to PLC logic are versioned, and the previous version can be restored.", 2),
        ("AC-04", "The supplier publishes security advisories for its products and tells us of those that affect "
                  "our machines.", 1),
    ]),
    ("4. Recovery", [
        ("RC-01", "Controller programs and configurations are backed up after every change and kept off the "
                  "machine.", 3),
        ("RC-02", "Our maintenance team can rebuild a machine from backup using the supplier's documented "
                  "procedure.", 2),
        ("RC-03", "Spare parts holding firmware are stocked at a version with no known critical vulnerabilities.",
         1),
    ]),
]


def manufacturer_weighted_maturity(folder: Path) -> Layout:
    name = "manufacturer_weighted_maturity"
    OTHER_INPUTS[name] = {}
    wb = Workbook()
    ws = wb.active
    ws.title = PLANT_SHEET
    caption(ws, "A1", "Ostrander Components – OT Supplier Security Maturity", "A1:G1")
    small_print(ws, "A2", "Levels: 0 not in place · 1 initial · 2 repeatable · 3 defined · 4 managed · 5 optimised",
                "A2:G2")
    small_print(ws, "A3", "Select the level your organisation has reached for each requirement. Weights are set by "
                          "Ostrander; the weighted score and totals are calculated automatically.", "A3:G3")
    heading_row(ws, 5, {"A": "Ref", "B": "Requirement", "C": "Weight", "D": "Current level (0–5)",
                        "E": "Weighted score", "F": "Remarks", "G": "Evidence reference"}, paint="slate")
    items = []
    decoys: dict[tuple[str, int], str] = {}
    answer_cells = []
    subtotal_rows = []
    row = 5
    for section, requirements in PLANT_SECTIONS:
        row += 1
        band_row(ws, row, section, "A", "G", paint="cyan")
        first = row + 1
        for id_, requirement, weight in requirements:
            row += 1
            body_row(ws, row, {"A": id_, "B": requirement, "C": weight,
                               "E": f'=IF(D{row}="","",C{row}*D{row})'}, "ABCDEFG")
            for letter in "CE":
                ws[f"{letter}{row}"].alignment = MIDDLE
                ws[f"{letter}{row}"].fill = PAINT["mist"]
            _input(ws, f"D{row}", "blue", centre=True)
            _input(ws, f"F{row}", "blue")
            _input(ws, f"G{row}", "blue")
            answer_cells.append(f"D{row}")
            items.append(expect(PLANT_SHEET, row, requirement, "D", id_, comment="F", evidence="G", allowed=LEVELS,
                                section=[section]))
        row += 1
        body_row(ws, row, {"B": f"Subtotal – {section.split('. ', 1)[1]}", "E": f"=SUM(E{first}:E{row - 1})"},
                 "ABCDEFG")
        for letter in "BE":
            ws[f"{letter}{row}"].font = TOTAL_FONT
        subtotal_rows.append(row)
        decoys[(PLANT_SHEET, row)] = "domain subtotal (formula)"
    row += 2
    weights = "+".join(f"SUM(C{r - len(reqs)}:C{r - 1})" for r, (_, reqs) in zip(subtotal_rows, PLANT_SECTIONS))
    for label, formula in (("Total weighted score", "=" + "+".join(f"E{r}" for r in subtotal_rows)),
                           ("Maximum possible score", f"=5*({weights})"),
                           ("Maturity (% of maximum)", f"=IF(E{row + 1}=0,0,E{row}/E{row + 1})")):
        body_row(ws, row, {"B": label, "E": formula}, "BE")
        ws[f"B{row}"].font = TOTAL_FONT
        decoys[(PLANT_SHEET, row)] = "total row (formula)"
        row += 1
    ws[f"E{row - 1}"].number_format = "0%"
    DECOYS[name] = decoys
    list_validation(ws, LEVELS, *answer_cells)
    col_widths(ws, A=8, B=70, C=8, D=14, E=12, F=40, G=24)
    ws.freeze_panes = "C6"
    ws.protection.sheet = True
    ws.protection.password = "ostr-ot"
    path = store(wb, folder, "Ostrander_OT_supplier_maturity_self_assessment.xlsx")
    return Layout(
        name=name,
        path=path,
        format="xlsx",
        sheets=[sheet_of(PLANT_SHEET, 5, {"A": "id", "B": "question", "D": "answer", "F": "comment",
                                          "G": "evidence"})],
        items=items,
        note="A manufacturer's protected OT maturity self-assessment, header on row 5. The answer is the unlocked "
             "'Current level (0–5)' (D, drop-down '0' ... '5', the texts as the list holds them); 'Remarks' (F) is "
             "the comment and 'Evidence reference' (G) the evidence, both unlocked. The customer's locked 'Weight' "
             "(C) and the locked formula column 'Weighted score' (E, =C*D) have no role. Domain rows give the "
             "section; the locked subtotal rows after each domain and the total, maximum and percentage rows at "
             "the end are not items. Requirements are statements; none answered yet.",
    )


# --- the registry ---------------------------------------------------------------------------------------

HELDOUT9_LAYOUTS: list[Callable[[Path], Layout]] = [
    bank_classic_protected,
    public_body_untitled_answer_column,
    insurer_two_unlocked_columns,
    hospital_tier_locked_rows,
    university_locked_structure,
    saas_column_style_unlocked,
    retailer_merged_input_box,
    manufacturer_weighted_maturity,
]

#: The same builders by layout name (the form `bench/layout_bench.py` takes for a group).
HELDOUT9_BY_NAME: dict[str, Callable[[Path], Layout]] = {b.__name__: b for b in HELDOUT9_LAYOUTS}


# --- self-check -----------------------------------------------------------------------------------

#: Complaints of the imported checks that this file replaces with a check of its own, per layout.
REPLACED: dict[str, list[tuple[re.Pattern[str], str]]] = {
    "public_body_untitled_answer_column": [
        (re.compile(r": column [A-Z]+ \(answer\) is headed 'Supplier'$"),
         "_feature_untitled_answer: the unlocked column under a heading without an answer word"),
    ],
    "insurer_two_unlocked_columns": [
        (re.compile(r": comment column [A-Z]+ is headed like an answer column \('Answer detail'\)$"),
         "_feature_two_unlocked: the wide free-text column beside the drop-down"),
        (re.compile(r": column [A-Z]+ \(comment\) is headed 'Answer detail'$"),
         "_feature_two_unlocked: the wide free-text column beside the drop-down"),
    ],
    "university_locked_structure": [
        (re.compile(r"^sheet 'Lookups' is hidden$"), "_feature_locked_structure: the hidden lookups sheet"),
    ],
    "saas_column_style_unlocked": [
        (re.compile(r": column [A-Z]+ \((id|question)\) is headed ''$"),
         "_feature_column_style: headings merged down over the two header rows"),
    ],
    "manufacturer_weighted_maturity": [
        (re.compile(r": column [A-Z]+ \(answer\) is headed 'Current level \(0–5\)'$"),
         "_feature_weighted_maturity: the level column"),
    ],
}


def _is_replaced(layout: Layout, problem: str) -> bool:
    return any(pattern.search(problem) for pattern, _ in REPLACED.get(layout.name, []))


def _questionnaires(layout: Layout) -> list[ExpectedSheet]:
    return [s for s in layout.sheets if s.status == "questionnaire"]


def _only_sheet(layout: Layout) -> ExpectedSheet:
    found = _questionnaires(layout)
    if len(found) != 1:
        raise ValueError(f"{len(found)} questionnaire sheets, expected one")
    return found[0]


def _coordinate(reference: str | None) -> str | None:
    if reference is None:
        return None
    _, column, row = split_ref(reference)
    return f"{column}{row}"


def _written(ws: Any) -> dict[str, Any]:
    """The cells stored in the sheet (not merged-over ones), by coordinate: call before reading any other
    cell, as openpyxl creates a cell on first access."""
    return {cell.coordinate: cell for cell in list(ws._cells.values()) if not isinstance(cell, MergedCell)}


def _lock_problems(layout: Layout, wb: Any, sheet_name: str) -> list[str]:
    """The sheet is protected, and its unlocked cells are exactly the items' answer, comment and evidence
    cells on it, the form fields of OTHER_INPUTS and, for columns unlocked as a whole (WHOLE_COLUMNS), every
    cell written in them; no item cell is a form field, and every item cell is unlocked."""
    problems: list[str] = []
    ws = wb[sheet_name]
    written = _written(ws)
    if not ws.protection.sheet:
        problems.append(f"sheet {sheet_name!r} is not protected")
    item_cells: set[str] = set()
    for item in layout.items:
        if item.sheet != sheet_name:
            continue
        for reference in (item.answer_cell, item.comment_cell, item.evidence_cell):
            coordinate = _coordinate(reference)
            if coordinate:
                item_cells.add(coordinate)
    forms = {coordinate for (sheet, coordinate) in OTHER_INPUTS.get(layout.name, {}) if sheet == sheet_name}
    if item_cells & forms:
        problems.append(f"sheet {sheet_name!r}: form fields taken for item cells: {sorted(item_cells & forms)}")
    whole = WHOLE_COLUMNS.get(layout.name, {}).get(sheet_name, ())
    by_column = {c for c, cell in written.items() if cell.column_letter in whole}
    unlocked = {c for c, cell in written.items() if cell.protection.locked is False}
    expected = item_cells | forms | by_column
    for coordinate in sorted(expected - unlocked):
        problems.append(f"{sheet_name}!{coordinate}: expected an unlocked input cell, it is locked")
    for coordinate in sorted(unlocked - expected):
        problems.append(f"{sheet_name}!{coordinate}: unlocked, but neither an item's cell nor a form field")
    for letter in whole:
        if ws.column_dimensions[letter].protection.locked is not False:
            problems.append(f"sheet {sheet_name!r}: column {letter}'s style is not unlocked")
    return problems


def _walk(ws: Any, layout: Layout, sheet: ExpectedSheet, min_bands: int = 3) -> list[str]:
    """Each item's section is the band row above it ([] before any band); every other row below the header
    with text in the question column, or a cell ending in '?', is a registered decoy."""
    problems: list[str] = []
    bands = {row: text for row, text in _bands(ws).items() if row > sheet.header_row}
    question = _role(sheet, "question")
    items = {item.row: item for item in layout.items if item.sheet == sheet.name}
    decoys = DECOYS.get(layout.name, {})
    section: str | None = None
    for row in range(sheet.header_row + 1, ws.max_row + 1):
        if row in bands:
            section = bands[row]
        elif row in items:
            want = [section] if section else []
            if items[row].section != want:
                problems.append(f"row {row}: section {items[row].section!r}, the band above says {want!r}")
        elif (isinstance(ws[f"{question}{row}"].value, str)
              or any(isinstance(c.value, str) and c.value.rstrip().endswith("?") for c in ws[row])):
            if (sheet.name, row) not in decoys:
                problems.append(f"row {row}: a question-like row that is neither an item, a band nor a decoy")
    if len(set(bands.values())) < min_bands:
        problems.append(f"fewer than {min_bands} section bands")
    return problems


def _drop_down_problems(wb: Any, ws: Any, layout: Layout, sheet: ExpectedSheet) -> list[str]:
    """Every item with allowed answers has one drop-down over its answer cell giving them; free-text items
    have none."""
    problems: list[str] = []
    for item in layout.items:
        if item.sheet != sheet.name:
            continue
        coordinate = _coordinate(item.answer_cell)
        found = _validations_over(ws, coordinate)
        if not item.allowed_answers:
            if found:
                problems.append(f"row {item.row}: a free-text item over a drop-down")
            continue
        if len(found) != 1:
            problems.append(f"row {item.row}: {len(found)} drop-downs over the answer cell")
            continue
        values = _resolve_list(wb, sheet.name, found[0].formula1)
        if values != item.allowed_answers or item.allowed_answers_source != "validation":
            problems.append(f"row {item.row}: allowed answers {item.allowed_answers} "
                            f"({item.allowed_answers_source}), the drop-down gives {values}")
    return problems


def _heading(ws: Any, letter: str, row: int) -> Any:
    """The heading over a column at `row`: the cell's value, or that of the merged range covering it."""
    column = column_index_from_string(letter)
    for merged in ws.merged_cells.ranges:
        if merged.min_row <= row <= merged.max_row and merged.min_col <= column <= merged.max_col:
            return ws.cell(merged.min_row, merged.min_col).value
    return ws[f"{letter}{row}"].value


# --- one check per layout of the feature it exercises ---------------------------------------------


def _feature_bank(layout: Layout) -> list[str]:
    wb = openpyxl.load_workbook(layout.path)
    sheet = _only_sheet(layout)
    problems = _lock_problems(layout, wb, sheet.name)
    ws = wb[sheet.name]
    if not ws.protection.password:
        problems.append("the sheet has no password")
    problems += _drop_down_problems(wb, ws, layout, sheet)
    problems += _walk(ws, layout, sheet)
    answer, comment = _role(sheet, "answer"), _role(sheet, "comment")
    if any(item.allowed_answers != BANK_CHOICES for item in layout.items):
        problems.append(f"an item without the allowed answers {BANK_CHOICES}")
    filled = [item for item in layout.items if item.existing_answer is not None]
    if len(filled) < 3 or any(ws[f"{answer}{item.row}"].protection.locked for item in filled):
        problems.append("fewer than three rows answered in unlocked cells")
    forms = [coordinate for (s, coordinate) in OTHER_INPUTS[layout.name] if s == sheet.name]
    last = max(item.row for item in layout.items)
    if len(forms) != 2 or any(int(re.sub(r"\D", "", c)) <= last + 1 for c in forms):
        problems.append("no two-field sign-off block below the table")
    for row, text in _bands(ws).items():
        if row <= sheet.header_row:
            continue
        if not ws.cell(row, 1).protection.locked or ws[f"{answer}{row}"].protection.locked is False:
            problems.append(f"row {row}: the section row {text!r} is not locked")
    if ws[f"{answer}{sheet.header_row}"].protection.locked is False or ws[f"{comment}1"].protection.locked is False:
        problems.append("the header or title is unlocked")
    legend = " ".join(str(ws[f"A{r}"].value) for r in range(1, sheet.header_row))
    if not all(choice in legend for choice in BANK_CHOICES):
        problems.append("no response key above the header")
    return problems


def _feature_untitled_answer(layout: Layout) -> list[str]:
    wb = openpyxl.load_workbook(layout.path)
    sheet = _only_sheet(layout)
    problems = _lock_problems(layout, wb, sheet.name)
    ws = wb[sheet.name]
    answer = _role(sheet, "answer")
    heading = ws[f"{answer}{sheet.header_row}"].value
    if heading != "Supplier" or ROLE_HEADINGS["answer"].search(heading or "") or "comment" in sheet.columns.values():
        problems.append(f"the answer heading {heading!r} names the answer, or the sheet has a comment column")
    if not ws.protection.selectLockedCells:
        problems.append("locked cells can be selected: the layout wants only the input cells selectable")
    problems += _drop_down_problems(wb, ws, layout, sheet)
    priority = next((c.column_letter for c in ws[sheet.header_row] if c.value == "Priority"), None)
    if priority is None or priority in sheet.columns:
        return problems + ["no 'Priority' column without a role"]
    for item in layout.items:
        if item.allowed_answers or item.allowed_answers_source is not None:
            problems.append(f"row {item.row}: allowed answers on a free-text sheet")
        if split_ref(item.answer_cell)[1] != answer:
            problems.append(f"row {item.row}: the answer is not in the 'Supplier' column")
        if _list_values(ws, f"{priority}{item.row}") != PRIORITIES or ws[f"{priority}{item.row}"].protection.locked \
                is False:
            problems.append(f"row {item.row}: the priority is not a locked cell with its own drop-down")
        unlocked = [c.column_letter for c in ws[item.row] if c.protection.locked is False]
        if unlocked != [answer]:
            problems.append(f"row {item.row}: unlocked cells {unlocked}, expected only the answer")
    statements = sum(item.question.startswith("The Contractor must") for item in layout.items)
    if statements < 4 or sum(item.existing_answer is not None for item in layout.items) < 2:
        problems.append("too few statements or existing answers")
    problems += _walk(ws, layout, sheet)
    return problems


def _feature_two_unlocked(layout: Layout) -> list[str]:
    wb = openpyxl.load_workbook(layout.path)
    sheet = _only_sheet(layout)
    problems = _lock_problems(layout, wb, sheet.name)
    ws = wb[sheet.name]
    answer, comment = _role(sheet, "answer"), _role(sheet, "comment")
    headings = (ws[f"{answer}{sheet.header_row}"].value, ws[f"{comment}{sheet.header_row}"].value)
    if headings != ("Answer", "Answer detail"):
        problems.append(f"answer and comment headed {headings}, expected ('Answer', 'Answer detail')")
    if ws.column_dimensions[comment].width <= 2 * ws.column_dimensions[answer].width:
        problems.append("the explanation column is not the wide one")
    problems += _drop_down_problems(wb, ws, layout, sheet)
    rating = next((c.column_letter for c in ws[sheet.header_row] if c.value == "Risk rating"), None)
    if rating is None or rating in sheet.columns:
        return problems + ["no 'Risk rating' column without a role"]
    for item in layout.items:
        if item.allowed_answers != INSURER_CHOICES:
            problems.append(f"row {item.row}: allowed answers {item.allowed_answers}, expected {INSURER_CHOICES}")
        if _validations_over(ws, f"{comment}{item.row}"):
            problems.append(f"row {item.row}: the explanation cell has a drop-down")
        cell = ws[f"{rating}{item.row}"]
        if cell.value not in RISK_RATINGS or cell.protection.locked is False \
                or _list_values(ws, f"{rating}{item.row}") != RISK_RATINGS:
            problems.append(f"row {item.row}: the risk rating is not locked, prefilled and with its own drop-down")
        for reference in (item.answer_cell, item.comment_cell):
            if reference and split_ref(reference)[1] == rating:
                problems.append(f"row {item.row}: an item cell in the risk rating column")
    if [item.id for item in layout.items] != [str(n) for n in range(1, len(layout.items) + 1)]:
        problems.append("the 'Q No.' ids do not run 1..n")
    problems += _walk(ws, layout, sheet)
    return problems


def _feature_tiered(layout: Layout) -> list[str]:
    wb = openpyxl.load_workbook(layout.path)
    sheet = _only_sheet(layout)
    problems = _lock_problems(layout, wb, sheet.name)
    ws = wb[sheet.name]
    answer, comment, id_letter = _role(sheet, "answer"), _role(sheet, "comment"), _role(sheet, "id")
    applies = next((c.column_letter for c in ws[sheet.header_row] if c.value == "Applies to"), None)
    if applies is None or applies in sheet.columns:
        return problems + ["no 'Applies to' column without a role"]
    if "Tier 2" not in str(ws["C3"].value):
        problems.append("the sheet does not say which tier it was sent to")
    rows = {item.row: item for item in layout.items}
    decoys = DECOYS.get(layout.name, {})
    not_required = 0
    for row in range(sheet.header_row + 1, ws.max_row + 1):
        tier = ws[f"{applies}{row}"].value
        if tier == TIER_ONE:
            not_required += 1
            cells = [ws[f"{answer}{row}"], ws[f"{comment}{row}"]]
            if row in rows or (sheet.name, row) not in decoys:
                problems.append(f"row {row}: a 'Tier 1 only' row must be a decoy, not an item")
            if any(c.protection.locked is False or c.fill.fgColor.rgb != GREYED.fgColor.rgb for c in cells):
                problems.append(f"row {row}: a 'Tier 1 only' row whose response cells are not greyed and locked")
            if cells[0].value != NOT_REQUIRED or not _validations_over(ws, f"{answer}{row}"):
                problems.append(f"row {row}: the locked response cell does not say {NOT_REQUIRED!r} under the "
                                "drop-down")
        elif tier == TIER_ALL:
            if row not in rows or rows[row].id != ws[f"{id_letter}{row}"].value:
                problems.append(f"row {row}: an 'All tiers' row that is not an item")
    if not_required < 4:
        problems.append(f"{not_required} 'Tier 1 only' rows, expected several")
    ranges = [str(r) for dv in ws.data_validations.dataValidation for r in dv.sqref.ranges]
    if len(ranges) != 1:
        problems.append(f"drop-down ranges {ranges}: the layout wants one range over the whole response column")
    problems += _drop_down_problems(wb, ws, layout, sheet)
    problems += _walk(ws, layout, sheet)
    return problems


def _feature_locked_structure(layout: Layout) -> list[str]:
    problems: list[str] = []
    wb = openpyxl.load_workbook(layout.path)
    if wb.security is None or not wb.security.lockStructure or not wb.security.workbookPassword:
        problems.append("the workbook structure is not protected with a password")
    statuses = [(s.name, s.status, wb[s.name].sheet_state) for s in layout.sheets]
    want = [(UNI_COVER, "ignored", "visible"), (UNI_PART1, "questionnaire", "visible"),
            (UNI_PART2, "questionnaire", "visible"), (UNI_LISTS, "ignored", "hidden")]
    if statuses != want:
        problems.append(f"sheets {statuses}, expected {want}")
    for name in wb.sheetnames:
        if not wb[name].protection.sheet:
            problems.append(f"sheet {name!r} is not protected")
    cover_fields = [c for (s, c) in OTHER_INPUTS.get(layout.name, {}) if s == UNI_COVER]
    if len(cover_fields) < 4:
        problems.append("the cover has too few vendor-detail fields")
    problems += _lock_problems(layout, wb, UNI_COVER)
    if any(item.sheet not in (UNI_PART1, UNI_PART2) for item in layout.items):
        problems.append("items outside the two question sheets")
    kinds: set[tuple[str, ...]] = set()
    for sheet in _questionnaires(layout):
        problems += _lock_problems(layout, wb, sheet.name)
        ws = wb[sheet.name]
        problems += _drop_down_problems(wb, ws, layout, sheet)
        problems += _walk(ws, layout, sheet, min_bands=0)
        for item in layout.items:
            if item.sheet != sheet.name or not item.allowed_answers:
                continue
            kinds.add(tuple(item.allowed_answers))
            formula = _validations_over(ws, _coordinate(item.answer_cell))[0].formula1
            if not formula.startswith(f"{UNI_LISTS}!"):
                problems.append(f"{sheet.name}!row {item.row}: the drop-down does not come from the hidden sheet")
    if len(kinds) != 3:
        problems.append(f"{len(kinds)} drop-down lists used, expected three")
    if sum(not item.allowed_answers for item in layout.items) != 2:
        problems.append("expected two free-text questions")
    return problems


def _feature_column_style(layout: Layout) -> list[str]:
    wb = openpyxl.load_workbook(layout.path)
    sheet = _only_sheet(layout)
    problems = _lock_problems(layout, wb, sheet.name)
    ws = wb[sheet.name]
    if ws.protection.password:
        problems.append("the layout wants a sheet protected without a password")
    top, low = sheet.header_row - 1, sheet.header_row
    for letter, text in (("A", "Ref"), ("B", "Question"), ("C", "Why we ask")):
        merged = [m.coord for m in ws.merged_cells.ranges if m.coord == f"{letter}{top}:{letter}{low}"]
        if not merged or _heading(ws, letter, low) != text:
            problems.append(f"column {letter}: {text!r} is not merged down over the two header rows")
    if _heading(ws, "D", top) != "Vendor response" or "D5:E5" not in {m.coord for m in ws.merged_cells.ranges}:
        problems.append("'Vendor response' is not merged over the answer and comment headings")
    answer, comment, guide = _role(sheet, "answer"), _role(sheet, "comment"), _role(sheet, "guidance")
    if (ws[f"{answer}{low}"].value, ws[f"{comment}{low}"].value) != ("Answer", "Comments"):
        problems.append("the lower header row does not hold 'Answer' and 'Comments'")
    if ws[f"{answer}{low}"].protection.locked is not False:
        problems.append("the header cells of the unlocked columns are locked: not a whole-column unlock")
    bands = {row: text for row, text in _bands(ws).items() if row > low}
    for row in bands:
        if ws[f"{answer}{row}"].protection.locked is not False or (sheet.name, row) in {(i.sheet, i.row)
                                                                                         for i in layout.items}:
            problems.append(f"row {row}: a section row whose answer cell is not unlocked, or taken for an item")
    if len(bands) < 3:
        problems.append("fewer than three section rows")
    found = _validations_over(ws, f"{answer}{next(iter(bands))}") if bands else []
    if not found:
        problems.append("the drop-down does not cover the whole answer range (section rows included)")
    guided = 0
    for item in layout.items:
        value = ws[f"{guide}{item.row}"].value
        want = collapse(value) if value else None
        if item.guidance != want:
            problems.append(f"row {item.row}: guidance {item.guidance!r}, the 'Why we ask' cell says {want!r}")
        guided += want is not None
    if not 3 <= guided <= len(layout.items) - 3:
        problems.append(f"{guided} rows with guidance: the layout wants some, not all")
    problems += _drop_down_problems(wb, ws, layout, sheet)
    problems += _walk(ws, layout, sheet)
    return problems


def _feature_merged_box(layout: Layout) -> list[str]:
    wb = openpyxl.load_workbook(layout.path)
    sheet = _only_sheet(layout)
    problems = _lock_problems(layout, wb, sheet.name)
    ws = wb[sheet.name]
    answer, comment = _role(sheet, "answer"), _role(sheet, "comment")
    covered = get_column_letter(column_index_from_string(answer) + 1)
    merged = {m.coord for m in ws.merged_cells.ranges}
    if f"{answer}{sheet.header_row}:{covered}{sheet.header_row}" not in merged:
        problems.append("the answer heading is not merged across the box's two columns")
    if covered in sheet.columns or comment == covered:
        problems.append(f"the covered column {covered} has a role")
    free = 0
    for item in layout.items:
        box = f"{answer}{item.row}:{covered}{item.row}"
        if box not in merged:
            problems.append(f"row {item.row}: no answer box merged across {box}")
        if _coordinate(item.answer_cell) != f"{answer}{item.row}":
            problems.append(f"row {item.row}: the answer cell is not the box's top-left cell")
        if item.comment_cell and split_ref(item.comment_cell)[1] == covered:
            problems.append(f"row {item.row}: the covered half of the answer box taken for the comment")
        if not item.allowed_answers:
            free += 1
        elif item.allowed_answers != RETAIL_CHOICES:
            problems.append(f"row {item.row}: allowed answers {item.allowed_answers}, expected {RETAIL_CHOICES}")
    if not 2 <= free <= 5:
        problems.append(f"{free} free-text rows, expected a few")
    sqrefs = [str(r) for dv in ws.data_validations.dataValidation for r in dv.sqref.ranges]
    if not sqrefs or any(not re.fullmatch(rf"{answer}(\d+):{covered}\1", s) for s in sqrefs):
        problems.append(f"drop-down ranges {sqrefs} do not cover the merged boxes")
    weight = next((c.column_letter for c in ws[sheet.header_row] if c.value == "Weight"), None)
    if weight is None or weight in sheet.columns:
        problems.append("no 'Weight' column without a role")
    problems += _drop_down_problems(wb, ws, layout, sheet)
    problems += _walk(ws, layout, sheet)
    return problems


def _feature_weighted_maturity(layout: Layout) -> list[str]:
    wb = openpyxl.load_workbook(layout.path)
    sheet = _only_sheet(layout)
    problems = _lock_problems(layout, wb, sheet.name)
    ws = wb[sheet.name]
    answer = _role(sheet, "answer")
    if ws[f"{answer}{sheet.header_row}"].value != "Current level (0–5)":
        problems.append("the answer is not the 'Current level (0–5)' column")
    headings = {c.value: c.column_letter for c in ws[sheet.header_row] if c.value}
    weight, score = headings.get("Weight"), headings.get("Weighted score")
    if weight is None or score is None or weight in sheet.columns or score in sheet.columns:
        return problems + ["no 'Weight' and 'Weighted score' columns without a role"]
    for item in layout.items:
        formula = ws[f"{score}{item.row}"].value
        if not (isinstance(formula, str) and formula.startswith("=")
                and f"{weight}{item.row}" in formula and f"{answer}{item.row}" in formula):
            problems.append(f"row {item.row}: no weighted-score formula over the weight and the level")
        if not isinstance(ws[f"{weight}{item.row}"].value, int):
            problems.append(f"row {item.row}: no prefilled weight")
        if item.allowed_answers != LEVELS:
            problems.append(f"row {item.row}: allowed answers {item.allowed_answers}, expected {LEVELS}")
        if split_ref(item.answer_cell)[1] in (weight, score):
            problems.append(f"row {item.row}: the answer is a locked customer column")
    totals = [row for (s, row) in DECOYS.get(layout.name, {}) if s == sheet.name]
    if len(totals) < 5 or any(not str(ws[f"{score}{row}"].value).startswith("=") for row in totals):
        problems.append("too few subtotal and total rows, or ones without a formula")
    question = _role(sheet, "question")
    if any(not re.match(r"^(Subtotal|Total|Maximum|Maturity)\b", str(ws[f"{question}{row}"].value))
           for row in totals):
        problems.append("a decoy that is not a subtotal or total row")
    problems += _drop_down_problems(wb, ws, layout, sheet)
    problems += _walk(ws, layout, sheet)
    return problems


FEATURES: dict[str, Callable[[Layout], list[str]]] = {
    "bank_classic_protected": _feature_bank,
    "public_body_untitled_answer_column": _feature_untitled_answer,
    "insurer_two_unlocked_columns": _feature_two_unlocked,
    "hospital_tier_locked_rows": _feature_tiered,
    "university_locked_structure": _feature_locked_structure,
    "saas_column_style_unlocked": _feature_column_style,
    "retailer_merged_input_box": _feature_merged_box,
    "manufacturer_weighted_maturity": _feature_weighted_maturity,
}


def check_layout(layout: Layout) -> list[str]:
    """Every check of one built layout against its file: the imported ones (less the complaints this
    file replaces), the layout's own feature check and the order of items and ids (heldout_layouts6's
    helpers for each)."""
    problems = _imported_problems(layout, [copy.deepcopy(layout)], _is_replaced)
    problems += _feature_problems(layout, FEATURES, FEATURE_ERRORS + (StopIteration,))
    problems += _order_problems(layout, 1)
    return problems


# --- deliberate mistakes aimed at each layout's feature ---------------------------------------------


def _aimed_mistake(layout: Layout) -> tuple[str, Layout] | None:
    wrong = copy.deepcopy(layout)
    name = layout.name
    if name == "bank_classic_protected":
        for (sheet, coordinate), label in OTHER_INPUTS[name].items():
            row = int(re.sub(r"\D", "", coordinate))
            wrong.items.append(ExpectedItem(sheet, row, label, ref(sheet, "B", row), None, section=[]))
        return "the unlocked sign-off fields taken for items", wrong
    if name == "public_body_untitled_answer_column":
        ws = openpyxl.load_workbook(layout.path)[COUNCIL_SHEET]
        for item in wrong.items:
            item.answer_cell = ref(item.sheet, "C", item.row)
            item.existing_answer = ws[f"C{item.row}"].value
            item.allowed_answers, item.allowed_answers_source = list(PRIORITIES), "validation"
        return "the locked 'Priority' drop-down taken for the answer", wrong
    if name == "insurer_two_unlocked_columns":
        for item in wrong.items:
            item.answer_cell, item.comment_cell = item.comment_cell, None
            item.existing_answer, item.existing_comment = item.existing_comment, None
            item.allowed_answers, item.allowed_answers_source = [], None
        return "the wide 'Answer detail' column taken for the answer", wrong
    if name == "hospital_tier_locked_rows":
        ws = openpyxl.load_workbook(layout.path)[TRUST_SHEET]
        for sheet, row in DECOYS[name]:
            wrong.items.append(ExpectedItem(sheet, row, collapse(ws[f"B{row}"].value), ref(sheet, "D", row),
                                            ws[f"A{row}"].value, section=ANY, comment_cell=ref(sheet, "E", row),
                                            allowed_answers=list(TRUST_CHOICES), allowed_answers_source="validation",
                                            existing_answer=NOT_REQUIRED))
        wrong.items.sort(key=lambda item: item.row)
        return "the locked 'Tier 1 only' rows taken for items", wrong
    if name == "university_locked_structure":
        for (sheet, coordinate), label in OTHER_INPUTS[name].items():
            row = int(re.sub(r"\D", "", coordinate))
            wrong.items.insert(0, ExpectedItem(sheet, row, label, ref(sheet, "B", row), None, section=[]))
        wrong.items.sort(key=lambda item: (wrong.sheets.index(next(s for s in wrong.sheets if s.name == item.sheet)),
                                           item.row))
        wrong.sheets[0].status = "questionnaire"
        wrong.sheets[0].header_row = 3
        wrong.sheets[0].columns = {"A": "question", "B": "answer"}
        return "the cover's vendor-detail fields taken for items", wrong
    if name == "saas_column_style_unlocked":
        ws = openpyxl.load_workbook(layout.path)[SAAS_SHEET]
        for row, text in _bands(ws).items():
            if row <= SAAS_HEADER:
                continue
            wrong.items.append(ExpectedItem(SAAS_SHEET, row, text, ref(SAAS_SHEET, "D", row), None, section=[],
                                            comment_cell=ref(SAAS_SHEET, "E", row),
                                            allowed_answers=list(SAAS_CHOICES), allowed_answers_source="validation"))
        wrong.items.sort(key=lambda item: item.row)
        return "the section rows (unlocked by the column style) taken for items", wrong
    if name == "retailer_merged_input_box":
        for item in wrong.items:
            item.comment_cell = ref(item.sheet, "E", item.row)
            item.existing_comment = None
        return "the covered half of the merged answer box taken for the comment", wrong
    if name == "manufacturer_weighted_maturity":
        ws = openpyxl.load_workbook(layout.path)[PLANT_SHEET]
        for item in wrong.items:
            item.answer_cell = ref(item.sheet, "E", item.row)
            item.existing_answer = ws[f"E{item.row}"].value
        return "the locked weighted-score formula column taken for the answer", wrong
    return None


# --- running the set ----------------------------------------------------------------------------------


def self_check(verbose: bool = True) -> int:
    """Writes every file of this set into a temporary folder and checks its expectations (with
    heldout_layouts6's runner, which also compares the questions with sets 6, 7 and 8); returns the number
    of problems (0 when every layout is described by its expectations, every deliberate mistake is caught
    and nothing repeats an earlier set)."""
    return _run_set(9, HELDOUT9_LAYOUTS, check_layout, _aimed_mistake,
                    later=((6, "sixth", HELDOUT6_LAYOUTS), (7, "seventh", HELDOUT7_LAYOUTS),
                           (8, "eighth", HELDOUT8_LAYOUTS)),
                    formats=("xlsx",), one_item_per_row=False, items_per_file=(12, 18), verbose=verbose)


if __name__ == "__main__":
    sys.exit(1 if self_check() else 0)
