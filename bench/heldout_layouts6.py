#!/usr/bin/env python3
"""Sixth held-out set of synthetic questionnaires for `bench/layout_bench.py`.

Written on 2026-12-07 by a helper that did not see the detector's code, its tests, its
documentation or the builders of the earlier held-out sets. It saw only the types and small helpers
at the top of Tests/oracle/questionnaire_layouts.py (up to the first builder, plus its LAYOUTS registry;
printing the registry also showed the last fifteen lines of that file's last builder,
override_two_tier_header, by accident, which nothing here uses), the docstring, style helpers and self-check machinery of
bench/heldout_layouts.py, bench/heldout_layouts4.py and bench/heldout_layouts5.py (whose style and
checking helpers this file imports), the module docstrings of bench/heldout_layouts2.py and
bench/heldout_layouts3.py, the docstring of bench/layout_bench.py, and a listing of the top-level
names of these files and of Tests/oracle/questionnaire_layouts_wild.py. Nothing is copied from a
real template: every sheet, heading and question was written for this set. The ten files cover
layouts the earlier sets do not:

- answer_box_below_question: a form converted from a Word document: no header row at all; each
  question is one row (id in A, text merged across B:F) and its answer box is the row BELOW it,
  merged across the same width and shaded; a few boxes carry a Yes/No drop-down, the rest are free
  text; a declaration and sign-off block follows the last question;
- key_value_form_no_header: a key–value form without any header row: the question in A, the answer
  in B, in blocks under bold (unfilled) section titles, after a block of company-detail fields; the
  drop-downs are written with `showDropDown="1"`, which in OOXML HIDES the in-cell arrow;
- two_products_side_by_side: one question list answered for two products at once, with
  "Response – Harbor Web" / "Comments – Harbor Web" / "Response – Harbor Mobile" / "Comments –
  Harbor Mobile" columns, each product's answer column with its own drop-down;
- numeric_ids_two_decimals: ids stored as numbers with the number format "0.00" (1.01 ... 1.09,
  then 1.1 shown as "1.10", then 1.11), with a "Compliant / Partially compliant / Non-compliant /
  Not applicable" drop-down;
- formula_built_questions: question texts built by formulas from the service and processor names
  typed above the table (`="Does "&$B$3&" ..."`) and question numbers built by `=A7+0.1`, with the
  cached results written into the sheet XML (openpyxl writes none, so the saved file is patched
  with zipfile); a cached number such as 1.2000000000000002 is displayed "1.2";
- xlsm_line_break_headers: a macro-enabled workbook (`.xlsm`, the workbook part's content type
  `application/vnd.ms-excel.sheet.macroEnabled.main+xml`, no VBA project, as Excel saves a macro
  workbook whose macros were removed), with headings broken over two lines ("Vendor\\nResponse",
  "Supporting\\nEvidence"), a frozen pane below the header, and the requester's "Instructions"
  column standing directly right of the answer column, before the comments;
- questions_after_long_preamble: one sheet whose question table starts on row 200+, after long
  instructions, a spaced vendor-details form, a Term/Definition table, a document checklist, a
  revision-history table and scoring notes;
- notes_and_hyperlinks: guidance held in cell notes (comments) attached to the question cells, a
  note on the answer heading, and a "Framework Reference" column of hyperlinks;
- arabic_right_to_left: a questionnaire written entirely in Arabic ("الرقم", "السؤال", "الإجابة",
  "الملاحظات", "الأدلة الداعمة"; answers "نعم", "لا", "جزئياً", "لا ينطبق") on a right-to-left sheet;
- ansi_csv_header_choices: a comma CSV saved by Excel's "CSV (Comma delimited)" in Windows-1252,
  with smart quotes, apostrophes, en dashes, "€" and accented letters, a title record, section
  records, and the answer column headed "Response (Yes/No/N/A)".

Expectations follow the conventions stated in bench/heldout_layouts.py, bench/heldout_layouts4.py
and bench/heldout_layouts5.py:

- an item is a row holding a question (or a requirement to respond to) whose answer goes in a
  cell; titles, supplier-detail form fields, instructions, legends, definitions, section rows,
  repeated headers, document checklists, revision histories, declaration, sign-off and
  reviewer-only blocks are not items;
- ids are the questionnaire's own, as displayed (a number 3 is "3"; "2.10" stays "2.10");
- answer, comment and evidence cells are absolute references on the item's row (one exception
  below); allowed answers are the drop-down's values in order ("validation") or the choices
  written in the answer column's header ("header"); free text has [] and source None;
- `question` is the cell's text with whitespace collapsed (`collapse`);
- `section` is the path of plain section heading rows (outermost first), [] where the sheet has
  none;
- `guidance` is the guidance column's text where the sheet has one, None where it has none.

Conventions this set had to decide (each layout's `note` repeats its own):

- in a form whose answer box is the row below the question, the item's `row` is the question's
  row (the one holding the id), and `answer_cell` is the top-left cell of the merged box on the
  row below: the only place in the heldout sets where the answer cell is not on the item's row. A
  sheet with no header row has `header_row` None; its `columns` give the roles of the columns that
  hold the id and question (and, for the key–value form, the answer);
- a drop-down whose arrow is hidden (`showDropDown="1"`) is still a drop-down: its list is the
  allowed answers, source "validation";
- in a key–value form, the company-detail fields ("Legal entity name", ...) are form fields, not
  items, and each bold title row is a section heading;
- two products answered side by side give TWO items per row, one per product, in column order:
  each has its product's own answer and comment cells, and both have the row's id as displayed and
  the same question. Why: the customer wants both answers; one item per row (answer cell in the
  first product's column) would leave half the questionnaire blank, and one answer copied into
  both columns would misstate the product that differs;
- a numeric id is taken as displayed with its number format: a cell holding 1.1 formatted "0.00"
  has id "1.10", not "1.1"; a cached formula result 1.2000000000000002 in General format has id
  "1.2";
- a question built by a formula is its cached result, as Excel shows it;
- `.xlsm` files have `format` "xlsm" (the file's own extension); the checks read them like XLSX;
- an "Instructions" column written by the requester is the guidance column even when it stands
  directly right of the answer column; it is neither the comment nor the answer;
- a question table that starts on row 200+ is the questionnaire; nothing above its header row is an
  item, however question-like ("What if a question does not apply?"), and the Term/Definition
  table is not a questionnaire;
- a cell note attached to a question cell is that item's guidance (its text as written, author
  not included); an item without a note has guidance None; a note on a heading is nobody's
  guidance; a column of framework hyperlinks has no role;
- an Arabic questionnaire keeps its roles ("الإجابة" is the answer, "الملاحظات" the comment,
  "الأدلة الداعمة" the evidence) and its drop-down values exactly as written; right-to-left only
  changes how the sheet is shown, so column letters are as stored (A is the rightmost on screen);
- a CSV's answer column headed "Response (Yes/No/N/A)" gives the allowed answers ["Yes", "No",
  "N/A"], source "header", like the same heading in a workbook (the earlier sets' checks say "a CSV
  has no drop-downs", which is still true: these choices come from the header); a CSV in
  Windows-1252 is read as such, and its questions are given in Unicode (“ ” ’ – € é).

Run `python bench/heldout_layouts6.py` to write every file into a temporary folder and check, with
openpyxl, zipfile, ElementTree and the csv module alone, that the expectations describe the files
(the checks of bench/heldout_layouts.py, bench/heldout_layouts4.py and bench/heldout_layouts5.py,
imported, plus one check per layout of the feature it exercises), that deliberate mistakes (the
imported ones: an answer column shifted either way, a dropped item, an item off by one row; and one
per layout aimed at its feature) are caught, and that no sheet name or question repeats (or nearly
repeats) one of the tuned layouts or of the five earlier held-out sets.

Where the imported checks cannot see a feature, this file says so and checks it itself: they need a
header row, so a headerless sheet is shown to them with header row 0 and no column roles (the
item's columns are then checked here against the real roles), and their complaint that the
answer box below a question is "not on the item's row" is replaced by a check that it is exactly
the merged box below; they take an id to be the cell's stored value, so they are shown the value stored in the file they
read ("1.1"; for the formula layout, the value in the values-only copy, which openpyxl writes at 16
significant digits) while this file checks the displayed one; they read formulas,
not cached values, so the formula layout is shown to them as a values-only copy; they hold one
answer column per sheet, so the two-product sheet is shown to them once per product; their heading
patterns are English, so their complaints about the Arabic headings are replaced by an Arabic
check (heldout_layouts5's mechanism); and their "a CSV has no drop-downs" complaint about header
choices in a CSV is replaced by a check that the header names them.

bench/heldout_layouts7.py imports this self-check machinery (`_run_set` with `_known_texts`, the
parts of `check_layout`, `_per_product`), so a change to it changes set 7's checks too; the
parameters it takes for set 7 leave this set's checks as they were.
"""

from __future__ import annotations

import contextlib
import copy
import csv
import io
import re
import sys
import tempfile
import xml.etree.ElementTree as ET
import zipfile
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
from openpyxl.comments import Comment  # noqa: E402
from openpyxl.styles import Alignment, Font  # noqa: E402
from openpyxl.utils.cell import column_index_from_string, get_column_letter  # noqa: E402
from openpyxl.worksheet.cell_range import CellRange  # noqa: E402

from heldout_layouts import (  # noqa: E402
    _check_csv,
    _check_xlsx,
    _tuned_words,
    _validations_over,
    collapse,
    split_ref,
)
from heldout_layouts4 import (  # noqa: E402
    B_FONT,
    DECOYS,
    FRAME,
    PAINT,
    WRAP,
    YES_NO_NA,
    _csv_problems,
    _generic_problems,
    _item_column_problems,
    _mutations,
    _words_of,
    _xlsx_problems,
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
from heldout_layouts5 import (  # noqa: E402
    FOREIGN_HEADINGS,
    HELDOUT5_LAYOUTS,
    _all_earlier,
    _excused,
    _overlap_problems,
    _sheet_part,
)
from questionnaire_layouts import (  # noqa: E402
    ExpectedItem,
    ExpectedSheet,
    Layout,
    list_validation,
    ref,
)

# DECOYS (heldout_layouts4's registry of rows that read like items but are not) and
# FOREIGN_HEADINGS (heldout_layouts5's heading words per non-English layout) are extended below
# with this set's layouts, so that the imported checks see them.

# --- this set's few extra looks and registries ------------------------------------------------------

QUESTION_BOLD = Font(name="Verdana", bold=True, size=9)
SECTION_PLAIN_BOLD = Font(name="Verdana", bold=True, size=10, color="000000")
LINK_FONT = Font(name="Verdana", size=9, color="0563C1", underline="single")
LABEL = Alignment(vertical="top", wrap_text=True)

#: Rows of a headerless sheet that are neither items, answer boxes nor section titles, per layout:
#: (sheet, row) -> why. Kept apart from DECOYS so the imported checks' "both a decoy and an item"
#: rule still applies to DECOYS alone.
FORM_ROWS: dict[str, dict[tuple[str, int], str]] = {}

COMPLIANCE = ["Compliant", "Partially compliant", "Non-compliant", "Not applicable"]
ARABIC_CHOICES = ["نعم", "لا", "جزئياً", "لا ينطبق"]
MACRO_WORKBOOK_TYPE = "application/vnd.ms-excel.sheet.macroEnabled.main+xml"
PLAIN_WORKBOOK_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"


def _box(ws: Any, row: int, first: str, last: str) -> None:
    """A shaded, bordered input box merged across `first`..`last` on one row."""
    for index in range(column_index_from_string(first), column_index_from_string(last) + 1):
        cell = ws.cell(row=row, column=index)
        cell.border = FRAME
        cell.fill = PAINT["input"]
        cell.font = B_FONT
        cell.alignment = WRAP
    ws.merge_cells(f"{first}{row}:{last}{row}")


# --- 1. a Word form: the answer box is the row below the question ------------------------------------

ASSURANCE_FORM: list[tuple[str, list[tuple[str, str, list[str], str | None]]]] = [
    ("B1. Governance and Policy", [
        ("B1.1", "Describe how your information security policy is approved, communicated to staff and "
                 "reviewed, and give the date of its most recent review.", [], None),
        ("B1.2", "Is a named executive accountable for information security, and does that person report "
                 "on it to your board at least once a year?", ["Yes", "No"], None),
        ("B1.3", "Which external certifications or attestations (for example ISO/IEC 27001, SOC 2 Type II "
                 "or Cyber Essentials Plus) does the service hold today?", [],
         "ISO/IEC 27001:2022, certificate valid to March 2028; SOC 2 Type II report for calendar year 2026."),
    ]),
    ("B2. People and Access", [
        ("B2.1", "Are background checks proportionate to the role carried out before staff or contractors "
                 "are given access to our data?", ["Yes", "No"], None),
        ("B2.2", "Explain how joiner, mover and leaver requests are approved and how quickly access is "
                 "removed when someone leaves.", [], None),
        ("B2.3", "Is multi-factor authentication enforced for every remote connection into your corporate "
                 "network?", ["Yes", "No"], "Yes"),
        ("B2.4", "How often are privileged accounts recertified, and who signs off the review?", [], None),
    ]),
    ("B3. Operations and Resilience", [
        ("B3.1", "Outline your patching targets for critical and high-severity vulnerabilities on "
                 "internet-facing systems.", [], None),
        ("B3.2", "Do you keep offline or immutable backups that would survive a ransomware attack on your "
                 "primary environment?", ["Yes", "No"], None),
        ("B3.3", "State the recovery time and recovery point objectives you commit to for the service we "
                 "are buying.", [], None),
        ("B3.4", "When did you last run a full disaster-recovery exercise, and what did it find?", [], None),
    ]),
    ("B4. Incidents and Subcontractors", [
        ("B4.1", "Describe how, and within what time, you would tell us about a security incident "
                 "affecting our information.", [], None),
        ("B4.2", "List the subcontractors that will store or process our data, with the country each "
                 "operates from.", [], None),
        ("B4.3", "Are your subcontractors bound by security obligations at least as strict as those in "
                 "our contract with you?", ["Yes", "No"], None),
    ]),
]


def answer_box_below_question(folder: Path) -> Layout:
    name = "answer_box_below_question"
    sheet = "Assurance Form Part B"
    wb = Workbook()
    ws = wb.active
    ws.title = sheet
    col_widths(ws, A=9, B=24, C=24, D=24, E=24, F=24)
    caption(ws, "A1", "Third-Party Assurance Form – Part B: Information Security", "A1:F1")
    small_print(ws, "A2", "Please answer in the shaded box directly beneath each question. The form was "
                "prepared in Word; make a box taller if you need more room.", "A2:F2")
    form_rows = {(sheet, 1): "title", (sheet, 2): "instructions"}
    items: list[ExpectedItem] = []
    boxes_by_choice: dict[tuple[str, ...], list[str]] = {}
    row = 4
    for section, questions in ASSURANCE_FORM:
        band_row(ws, row, section, "A", "F")
        row += 1
        for id_, text, choices, existing in questions:
            ws[f"A{row}"] = id_
            ws[f"A{row}"].font = QUESTION_BOLD
            ws[f"A{row}"].alignment = LABEL
            ws[f"B{row}"] = text
            ws[f"B{row}"].font = B_FONT
            ws[f"B{row}"].alignment = WRAP
            ws.merge_cells(f"B{row}:F{row}")
            ws.row_dimensions[row].height = 30
            _box(ws, row + 1, "B", "F")
            ws.row_dimensions[row + 1].height = 48
            if existing:
                ws[f"B{row + 1}"] = existing
            if choices:
                boxes_by_choice.setdefault(tuple(choices), []).append(f"B{row + 1}:F{row + 1}")
            item = expect(sheet, row, text, "B", id_, allowed=choices, existing=existing, section=[section])
            item.answer_cell = ref(sheet, "B", row + 1)
            items.append(item)
            row += 2
    for choices, ranges in boxes_by_choice.items():
        list_validation(ws, list(choices), *ranges)
    row += 1
    band_row(ws, row, "Declaration", "A", "F")
    ws[f"B{row + 1}"] = ("I confirm that the answers given in this form are complete and accurate to the best "
                         "of my knowledge, and that I am authorised to give them on behalf of the supplier.")
    ws[f"B{row + 1}"].alignment = WRAP
    ws.merge_cells(f"B{row + 1}:F{row + 1}")
    form_rows[(sheet, row + 1)] = "declaration"
    for offset, label in enumerate(("Name", "Position", "Date signed"), start=2):
        ws[f"A{row + offset}"] = label
        ws[f"A{row + offset}"].font = QUESTION_BOLD
        _box(ws, row + offset, "B", "F")
        form_rows[(sheet, row + offset)] = "sign-off field"
    FORM_ROWS[name] = form_rows
    DECOYS[name] = {}
    return Layout(
        name,
        store(wb, folder, "third-party-assurance-form.xlsx"),
        "xlsx",
        [ExpectedSheet(sheet, "questionnaire", None, {"A": "id", "B": "question"})],
        items,
        note=(
            "A Word form pasted into Excel: no header row (header_row None); each question is one row "
            "(id in A, text merged B:F) and its answer box is the merged, shaded row below it. The "
            "item's row is the question's row; its answer cell is the box's top-left cell B on the row "
            "below. Yes/No boxes have a drop-down, the others are free text. The declaration and "
            "sign-off fields are not items."
        ),
    )


# --- 2. a key-value form without any header ----------------------------------------------------------

PROFILE_DETAILS = ["Legal entity name", "Registered office address", "Company registration number",
                   "Security contact (name and email)", "Date completed"]

PROFILE_BLOCKS: list[tuple[str, list[tuple[str, bool, str | None]]]] = [
    ("Data protection", [
        ("Do you act as a data processor, a controller, or both, for the personal data we will share "
         "with you?", False, None),
        ("Is customer data logically separated from other tenants' data at the storage layer?", True, "Yes"),
        ("Are encryption keys for customer data held in a hardware security module or a managed key "
         "service?", True, None),
        ("Describe how a customer can export all of its data at the end of the contract, and in which "
         "formats.", False, None),
        ("Will any customer data be used to train machine-learning models, including your own?", True, "No"),
        ("Which of your staff roles can decrypt customer data, and under what approval?", False, None),
    ]),
    ("Identity and access", [
        ("Can customers enforce single sign-on through their own SAML or OIDC identity provider?", True, None),
        ("Do your support engineers need customer approval before they can view a tenant's data?", True, None),
        ("How are administrative actions taken by your staff in a customer environment logged and made "
         "available to the customer?", False, None),
        ("Are API keys scoped to least privilege, and can customers rotate them on demand?", True, None),
    ]),
    ("Resilience and monitoring", [
        ("In which cloud regions is the service hosted, and can a customer pin its data to one region?",
         False, None),
        ("What monthly availability do you commit to in your service level agreement?", False, "99.95%"),
        ("Is there a public status page that reports incidents and planned maintenance?", True, None),
        ("Are the service's security logs kept for a year or longer, with extracts available to customers on "
         "request?", True, None),
        ("How do you detect and respond to suspicious activity within a customer tenant outside office "
         "hours?", False, None),
    ]),
]

PROFILE_CHOICES = ["Yes", "No", "Partially"]


def key_value_form_no_header(folder: Path) -> Layout:
    name = "key_value_form_no_header"
    sheet = "CSP Security Profile"
    wb = Workbook()
    ws = wb.active
    ws.title = sheet
    col_widths(ws, A=70, B=45)
    caption(ws, "A1", "Cloud Service Provider – Security Profile")
    small_print(ws, "A2", "Fill in column B. Where a list is provided, pick a value (Alt+Down opens it).")
    form_rows = {(sheet, 1): "title", (sheet, 2): "instructions"}
    ws["A4"] = "About your organisation"
    ws["A4"].font = SECTION_PLAIN_BOLD
    row = 5
    for label in PROFILE_DETAILS:
        body_row(ws, row, {"A": label}, "AB")
        ws[f"B{row}"].fill = PAINT["input"]
        form_rows[(sheet, row)] = "company-detail field"
        row += 1
    items: list[ExpectedItem] = []
    listed: list[str] = []
    for section, questions in PROFILE_BLOCKS:
        row += 1
        ws[f"A{row}"] = section
        ws[f"A{row}"].font = SECTION_PLAIN_BOLD
        row += 1
        for text, choice, existing in questions:
            body_row(ws, row, {"A": text, "B": existing}, "AB")
            ws[f"B{row}"].fill = PAINT["input"]
            if choice:
                listed.append(f"B{row}")
            items.append(expect(sheet, row, text, "B", None, allowed=PROFILE_CHOICES if choice else None,
                                existing=existing, section=[section]))
            row += 1
    dv = list_validation(ws, PROFILE_CHOICES, *listed)
    dv.showDropDown = True  # OOXML: "1" hides the in-cell arrow; the list still applies
    row += 1
    ws[f"A{row}"] = "Sign-off"
    ws[f"A{row}"].font = SECTION_PLAIN_BOLD
    form_rows[(sheet, row)] = "sign-off heading"
    for label in ("Completed by", "Job title"):
        row += 1
        body_row(ws, row, {"A": label}, "AB")
        form_rows[(sheet, row)] = "sign-off field"
    FORM_ROWS[name] = form_rows
    DECOYS[name] = {key: why for key, why in form_rows.items() if why == "company-detail field"}
    return Layout(
        name,
        store(wb, folder, "csp-security-profile.xlsx"),
        "xlsx",
        [ExpectedSheet(sheet, "questionnaire", None, {"A": "question", "B": "answer"})],
        items,
        note=(
            "A key–value form with no header row (header_row None): question in A, answer in B, under "
            "bold section titles. The company-detail fields and the sign-off fields are not items. The "
            "drop-downs have showDropDown=\"1\" (the arrow is hidden); their list is still the allowed "
            "answers, source validation. No id column: ids are None."
        ),
    )


# --- 3. two products answered side by side --------------------------------------------------------------

PRODUCTS = ["Harbor Web", "Harbor Mobile"]
PRODUCT_CHOICES = ["Yes", "No", "Planned", "Not applicable"]

PRODUCT_QUESTIONS: list[tuple[str, list[tuple[str, str, tuple[str | None, str | None], tuple[str | None, str | None]]]]] = [
    ("Application security", [
        ("AS-1", "Is every release scanned with static and dynamic application security testing before it "
                 "reaches production?", ("Yes", "Yes"), (None, None)),
        ("AS-2", "Are third-party libraries tracked in a software bill of materials and checked for known "
                 "vulnerabilities?", (None, None), (None, None)),
        ("AS-3", "Has an independent penetration test of the product been completed in the last twelve "
                 "months?", ("Yes", "No"), ("Report dated September 2026.", "Mobile test booked for Q2 2027.")),
        ("AS-4", "Are session tokens invalidated on the server when a user signs out or changes their "
                 "password?", (None, None), (None, None)),
    ]),
    ("Data handling", [
        ("DH-1", "Is customer content encrypted when it is cached locally in the browser or on the "
                 "device?", (None, None), (None, None)),
        ("DH-2", "Can an administrator remotely revoke access and wipe locally cached data for a lost "
                 "device?", ("Not applicable", "Yes"), (None, None)),
        ("DH-3", "Are crash reports and analytics stripped of personal data before they leave the user's "
                 "device?", (None, None), (None, None)),
        ("DH-4", "Does the product pin TLS certificates or otherwise resist interception by a rogue "
                 "certificate authority?", (None, None), (None, None)),
    ]),
]


def two_products_side_by_side(folder: Path) -> Layout:
    name = "two_products_side_by_side"
    sheet = "Product Security Review"
    wb = Workbook()
    ws = wb.active
    ws.title = sheet
    col_widths(ws, A=8, B=60, C=16, D=30, E=16, F=30)
    caption(ws, "A1", "Harbor Suite – Product Security Review", "A1:F1")
    small_print(ws, "A2", "Answer for each product separately; where both products behave the same, give the "
                "same answer twice.", "A2:F2")
    header = 4
    heading_row(ws, header, {
        "A": "Ref", "B": "Question",
        "C": f"Response – {PRODUCTS[0]}", "D": f"Comments – {PRODUCTS[0]}",
        "E": f"Response – {PRODUCTS[1]}", "F": f"Comments – {PRODUCTS[1]}",
    }, paint="slate")
    ws.freeze_panes = f"C{header + 1}"
    items: list[ExpectedItem] = []
    rows: list[int] = []
    row = header + 1
    for section, questions in PRODUCT_QUESTIONS:
        band_row(ws, row, section, "A", "F", paint="mist")
        row += 1
        for id_, text, answers, comments in questions:
            body_row(ws, row, {"A": id_, "B": text, "C": answers[0], "D": comments[0], "E": answers[1],
                               "F": comments[1]}, "ABCDEF")
            for answer_column, comment_column, answer, comment in zip("CE", "DF", answers, comments):
                items.append(expect(sheet, row, text, answer_column, id_, comment=comment_column,
                                    allowed=PRODUCT_CHOICES, existing=answer, existing_comment=comment,
                                    section=[section]))
            rows.append(row)
            row += 1
    for column in "CE":  # one drop-down per product column, as two people set them up
        list_validation(ws, PRODUCT_CHOICES, *(f"{column}{r}" for r in rows))
    DECOYS[name] = {}
    return Layout(
        name,
        store(wb, folder, "harbor-suite-product-review.xlsx"),
        "xlsx",
        [sheet_of(sheet, header, {"A": "id", "B": "question", "C": "answer", "D": "comment", "E": "answer",
                                  "F": "comment"})],
        items,
        note=(
            "Two products answered side by side: each question row holds TWO items, in column order: "
            "Harbor Web (answer C, comment D) then Harbor Mobile (answer E, comment F), with the same id "
            "and question. One item per row would leave one product unanswered; copying one answer "
            "into both columns would misstate the product that differs (see AS-3 and DH-2)."
        ),
    )


# --- 4. numeric ids shown with two decimals -----------------------------------------------------------

ASSESSMENT_REQUIREMENTS: list[tuple[str, list[tuple[float, str, str | None, str | None]]]] = [
    ("1. Governance and Risk Management", [
        (1.01, "The supplier maintains an information security management system whose scope covers the "
               "services provided to us.", "Compliant", None),
        (1.02, "Security roles and responsibilities are documented and assigned to named individuals.", None, None),
        (1.03, "A risk assessment of the services is performed at least annually and after any significant "
               "change.", None, None),
        (1.04, "Identified risks are recorded in a register with owners, treatment plans and target dates.", None, None),
        (1.05, "Security policies are reviewed at planned intervals and approved by senior management.",
         "Partially compliant", "Two of nine policies are past their review date; both are scheduled for January."),
        (1.06, "Staff acknowledge the acceptable use policy on joining and after each material revision.", None, None),
        (1.07, "An internal audit programme tests the operation of key security controls every year.", None, None),
        (1.08, "Exceptions to security policy are time-limited, risk-assessed and approved by the policy "
               "owner.", None, None),
        (1.09, "Security performance is reported to senior management through a defined set of metrics.", None, None),
        (1.1, "The supplier notifies us in writing of any change in the ownership or control of the "
              "company.", None, None),
        (1.11, "Contracts with the supplier's own suppliers include a right to audit their security "
               "controls.", None, None),
    ]),
    ("2. Technical Safeguards", [
        (2.01, "Engineers reach production only from managed devices and with phishing-resistant second factors "
               "such as FIDO2 keys.", None, None),
        (2.02, "Endpoint detection and response software runs on all servers and staff laptops.", None, None),
        (2.03, "Network traffic between the production and corporate environments is filtered and logged.", None, None),
        (2.04, "Encryption keys are rotated at least annually and whenever compromise is suspected.", None, None),
        (2.05, "Security events are correlated centrally and alerts are triaged around the clock.", None, None),
    ]),
]


def numeric_ids_two_decimals(folder: Path) -> Layout:
    name = "numeric_ids_two_decimals"
    sheet = "Supplier Control Checks"
    wb = Workbook()
    ws = wb.active
    ws.title = sheet
    col_widths(ws, A=8, B=70, C=22, D=40, E=24)
    caption(ws, "A1", "Supplier Control Assessment")
    small_print(ws, "A2", "Select a compliance status for every requirement. The numbers in column A are "
                "fixed; please do not renumber or insert rows.")
    header = 4
    heading_row(ws, header, {"A": "No.", "B": "Requirement", "C": "Vendor Response",
                             "D": "Justification / Comments", "E": "Evidence Reference"}, paint="moss")
    items: list[ExpectedItem] = []
    answer_rows: list[int] = []
    row = header + 1
    for section, requirements in ASSESSMENT_REQUIREMENTS:
        band_row(ws, row, section, "A", "E")
        row += 1
        for number, text, answer, comment in requirements:
            body_row(ws, row, {"A": number, "B": text, "C": answer, "D": comment}, "ABCDE")
            ws[f"A{row}"].number_format = "0.00"
            ws[f"A{row}"].alignment = Alignment(horizontal="left", vertical="top")
            shown = f"{number:.2f}"
            items.append(expect(sheet, row, text, "C", shown, comment="D", evidence="E", allowed=COMPLIANCE,
                                existing=answer, existing_comment=comment, section=[section]))
            answer_rows.append(row)
            row += 1
    list_validation(ws, COMPLIANCE, f"C{answer_rows[0]}:C{answer_rows[10]}", f"C{answer_rows[11]}:C{answer_rows[-1]}")
    DECOYS[name] = {}
    return Layout(
        name,
        store(wb, folder, "supplier-control-assessment.xlsx"),
        "xlsx",
        [sheet_of(sheet, header, {"A": "id", "B": "question", "C": "answer", "D": "comment", "E": "evidence"})],
        items,
        note=(
            "Ids are numbers formatted \"0.00\": 1.01 ... 1.09, then the cell holding 1.1 shows \"1.10\", "
            "then 1.11. Ids are as displayed (\"1.10\", not \"1.1\"). The answer drop-down is Compliant / "
            "Partially compliant / Non-compliant / Not applicable."
        ),
    )


# --- 5. questions and numbers built by formulas, with cached values ----------------------------------

SERVICE = "Ledgerly Payroll"
PROCESSOR = "Ledgerly Ltd"

#: (formula or literal text, is a formula); `{svc}` and `{proc}` stand for $B$2 and $B$3.
PROCESSOR_SECTIONS: list[tuple[str, float, list[str]]] = [
    ("1 Processing and purpose", 1.1, [
        "=Does {proc} process personal data only on our documented instructions when providing {svc}?",
        "=Can {proc} list every category of personal data that {svc} will hold about our employees?",
        "Is personal data deleted or returned to us, at our choice, when the contract ends?",
        "=Will {proc} tell us before using personal data from {svc} for any new purpose?",
    ]),
    ("2 International transfers", 2.1, [
        "=Is all personal data in {svc} stored within the United Kingdom or the European Economic Area?",
        "=Where {proc} transfers data abroad, which transfer mechanism (adequacy, SCCs or the IDTA) does "
        "it rely on?",
        "Are transfer risk assessments documented for every country that receives our data?",
    ]),
    ("3 Sub-processors and rights", 3.1, [
        "=Does {proc} give us at least 30 days' notice before adding a sub-processor to {svc}?",
        "How are data subject access and erasure requests passed to us, and within what time?",
        "=Has {proc} appointed a data protection officer, and how can we contact them?",
        "Has every employee or contractor who may see our payroll records signed a confidentiality undertaking?",
        "=Will {proc} assist with data protection impact assessments relating to {svc}?",
    ]),
    ("4 Breaches", 4.1, [
        "=How soon after becoming aware of a personal data breach will {proc} notify us?",
        "Do you keep a record of all personal data breaches, including those not reported to a regulator?",
        "=Which of {proc}'s staff will be on call to handle a breach affecting {svc} outside business hours?",
    ]),
]


def _excel_formula(template: str) -> str:
    """`=Does {proc} ... {svc}?` -> `="Does "&$B$3&" ... "&$B$2&"?"` (Excel's own concatenation)."""
    parts = re.split(r"(\{svc\}|\{proc\})", template[1:])
    pieces = []
    for part in parts:
        if part == "{svc}":
            pieces.append("$B$2")
        elif part == "{proc}":
            pieces.append("$B$3")
        elif part:
            pieces.append('"' + part.replace('"', '""') + '"')
    return "=" + "&".join(pieces)


def _general(value: Any) -> str:
    """A number as Excel's General format shows it in a normal-width cell (up to ten digits)."""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return format(value, ".10g") if isinstance(value, float) else str(value)


def _write_cached_values(path: Path, sheet_name: str, cached: dict[str, Any]) -> None:
    """Puts Excel's cached results into the formula cells openpyxl wrote with an empty `<v/>`:
    strings get t="str", numbers keep no type; the part is re-parsed to prove it well-formed."""
    with zipfile.ZipFile(path) as src:
        part = _sheet_part(src, sheet_name)
        entries = [(info, src.read(info.filename)) for info in src.infolist()]
    patched: dict[str, bytes] = {}
    for info, data in entries:
        if info.filename != part:
            continue
        text = data.decode("utf-8")
        for coordinate, value in cached.items():
            pattern = re.compile(rf'<c r="{coordinate}"(?P<attrs>[^>]*)><f>(?P<f>.*?)</f><v\s*/></c>')
            match = pattern.search(text)
            if match is None:
                raise ValueError(f"{coordinate}: no formula cell with an empty cached value")
            attrs = re.sub(r'\s+t="[^"]*"', "", match.group("attrs"))
            if isinstance(value, str):
                cell = f'<c r="{coordinate}"{attrs} t="str"><f>{match.group("f")}</f><v>{escape(value)}</v></c>'
            else:
                cell = f'<c r="{coordinate}"{attrs}><f>{match.group("f")}</f><v>{value!r}</v></c>'
            text = text[: match.start()] + cell + text[match.end() :]
        ET.fromstring(text)  # well-formed, or this raises
        patched[part] = text.encode("utf-8")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as dst:
        for info, data in entries:
            dst.writestr(info, patched.get(info.filename, data))


def formula_built_questions(folder: Path) -> Layout:
    name = "formula_built_questions"
    sheet = "Processor Questions"
    wb = Workbook()
    ws = wb.active
    ws.title = sheet
    col_widths(ws, A=8, B=80, C=14, D=40)
    caption(ws, "A1", "Data Processor Questionnaire")
    body_row(ws, 2, {"A": "Service under review", "B": SERVICE})
    body_row(ws, 3, {"A": "Processor", "B": PROCESSOR})
    header = 5
    heading_row(ws, header, {"A": "Q No.", "B": "Question", "C": "Answer", "D": "Comments"}, paint="plum")
    cached: dict[str, Any] = {}
    items: list[ExpectedItem] = []
    answer_rows: list[int] = []
    row = header + 1
    for section, first_number, questions in PROCESSOR_SECTIONS:
        band_row(ws, row, section, "A", "D", paint="straw")
        row += 1
        number = first_number
        for index, template in enumerate(questions):
            if index == 0:
                id_cell: Any = first_number
            else:
                id_cell = f"=A{row - 1}+0.1"
                number = number + 0.1
                cached[f"A{row}"] = number
            if template.startswith("="):
                question_cell = _excel_formula(template)
                text = template[1:].format(svc=SERVICE, proc=PROCESSOR)
                cached[f"B{row}"] = text
            else:
                question_cell = text = template
            body_row(ws, row, {"A": id_cell, "B": question_cell}, "ABCD")
            ws[f"A{row}"].alignment = Alignment(horizontal="left", vertical="top")
            shown = _general(number)
            items.append(expect(sheet, row, text, "C", shown, comment="D", allowed=YES_NO_NA, section=[section]))
            answer_rows.append(row)
            row += 1
    list_validation(ws, YES_NO_NA, *(f"C{r}" for r in answer_rows))
    path = store(wb, folder, "processor-questions.xlsx")
    _write_cached_values(path, sheet, cached)
    DECOYS[name] = {}
    return Layout(
        name,
        path,
        "xlsx",
        [sheet_of(sheet, header, {"A": "id", "B": "question", "C": "answer", "D": "comment"})],
        items,
        note=(
            "Most questions are formulas joining text with the service and processor names typed in B2 "
            "and B3; the question is the formula's cached result. The first number of each section is "
            "typed, the rest are =A(n-1)+0.1 with cached floating-point results such as "
            "1.2000000000000002, shown in General format as \"1.2\": ids are as displayed."
        ),
    )


# --- 6. a macro-enabled workbook, two-line headings, instructions right of the answer ---------------

REVIEW_QUESTIONS: list[tuple[str, list[tuple[str, str, str, str | None, str | None]]]] = [
    ("Endpoint and network", [
        ("EN-01", "Are all company laptops encrypted with full-disk encryption that is enforced centrally?",
         "Name the tool used (for example BitLocker or FileVault) and how compliance is reported.", "Yes",
         "Intune compliance policy; weekly report to the IT manager."),
        ("EN-02", "Is USB mass storage blocked or restricted on devices that can reach our data?",
         "If some roles are allowed USB storage, explain the exception process in your comments.", None, None),
        ("EN-03", "Are inbound and outbound firewall rules reviewed at least every six months?",
         "Give the date of the last completed review.", None, None),
        ("EN-04", "Is remote access to your network only possible through a managed VPN or zero-trust "
                  "gateway?", "State whether split tunnelling is permitted.", None, None),
        ("EN-05", "Do you filter email for malicious attachments and links before it is delivered to users?",
         "Mention attachment sandboxing if you use it.", "Yes", None),
        ("EN-06", "Are unsupported operating systems removed from the network or isolated from it?",
         "List any exceptions with their planned retirement date.", None, None),
    ]),
    ("Secure development", [
        ("SD-01", "Is every developer required to complete secure coding training on joining and then yearly, "
                  "with completion tracked?",
         "Attach the course outline or syllabus as supporting evidence.", None, None),
        ("SD-02", "Must a second engineer approve each pull request before it can be merged to the release "
                  "branch?",
         "Say whether the review is enforced by branch protection rules.", None, None),
        ("SD-03", "Are secrets kept out of source code repositories and scanned for automatically?",
         "Name the secret-scanning tool and where it runs.", "Partial",
         "Scanning runs in CI for new repositories only; legacy repositories are being onboarded."),
        ("SD-04", "Is production data prohibited from being copied into test or development environments?",
         "If masked copies are used, describe how the masking works.", None, None),
        ("SD-05", "Are infrastructure changes deployed through reviewed code rather than by hand?",
         "Describe the tooling, pipelines and approvals involved.", None, None),
    ]),
    ("Supplier management", [
        ("SM-01", "Before signing a critical supplier, do you review its security posture through a "
                  "questionnaire, an audit or a certification check?",
         "Describe the assessment method and how often it is repeated.", None, None),
        ("SM-02", "Are supplier security assessments repeated when a supplier's service changes "
                  "materially?", "An example from the last year is helpful but optional.", None, None),
        ("SM-03", "Do you maintain an inventory of suppliers that can access your customers' data?",
         "We do not need the inventory itself, only confirmation that it exists.", None, None),
    ]),
]

REVIEW_CHOICES = ["Yes", "No", "Partial", "N/A"]


def _make_macro_enabled(path: Path) -> None:
    """Gives the saved workbook part Excel's macro-enabled content type (no VBA project is needed:
    Excel saves a macro workbook whose macros were removed the same way)."""
    with zipfile.ZipFile(path) as src:
        entries = [(info, src.read(info.filename)) for info in src.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as dst:
        for info, data in entries:
            if info.filename == "[Content_Types].xml":
                text = data.decode("utf-8")
                if text.count(PLAIN_WORKBOOK_TYPE) != 1:
                    raise ValueError("expected one plain workbook content type")
                data = text.replace(PLAIN_WORKBOOK_TYPE, MACRO_WORKBOOK_TYPE).encode("utf-8")
            dst.writestr(info, data)


def xlsm_line_break_headers(folder: Path) -> Layout:
    name = "xlsm_line_break_headers"
    cover = "Read This First"
    sheet = "Vendor Review"
    wb = Workbook()
    first = wb.active
    first.title = cover
    col_widths(first, A=100)
    caption(first, "A1", "Annual Vendor Security Review")
    for offset, text in enumerate([
        "This workbook contains macros that lock the review columns once you press Submit. Enable content "
        "if Excel asks; the questions can be answered either way.",
        "Work through the Vendor Review tab from top to bottom. The Instructions column tells you what a "
        "complete answer looks like for each control.",
        "Keep comments factual and short; attach documents in the Supporting Evidence column by file name.",
        "Return the workbook to your relationship manager by the date in your covering email.",
    ], start=3):
        small_print(first, f"A{offset}", text)
    ws = wb.create_sheet(sheet)
    col_widths(ws, A=9, B=60, C=13, D=44, E=40, F=28)
    caption(ws, "A1", "Vendor Review – Controls")
    header = 2
    heading_row(ws, header, {"A": "Control\nRef", "B": "Control\nQuestion", "C": "Vendor\nResponse",
                             "D": "Instructions", "E": "Vendor\nComments", "F": "Supporting\nEvidence"},
                paint="rust")
    ws.row_dimensions[header].height = 30
    ws.freeze_panes = f"C{header + 1}"
    items: list[ExpectedItem] = []
    answer_rows: list[int] = []
    row = header + 1
    for section, questions in REVIEW_QUESTIONS:
        band_row(ws, row, section, "A", "F", paint="straw")
        row += 1
        for id_, text, instruction, answer, comment in questions:
            body_row(ws, row, {"A": id_, "B": text, "C": answer, "D": instruction, "E": comment}, "ABCDEF")
            ws[f"D{row}"].fill = PAINT["mist"]
            items.append(expect(sheet, row, text, "C", id_, comment="E", evidence="F", allowed=REVIEW_CHOICES,
                                existing=answer, existing_comment=comment, section=[section],
                                guidance=instruction))
            answer_rows.append(row)
            row += 1
    list_validation(ws, REVIEW_CHOICES, *(f"C{r}" for r in answer_rows))
    wb.active = 1
    path = store(wb, folder, "vendor-security-review.xlsm")
    _make_macro_enabled(path)
    DECOYS[name] = {}
    return Layout(
        name,
        path,
        "xlsm",
        [ExpectedSheet(cover, "ignored"),
         sheet_of(sheet, header, {"A": "id", "B": "question", "C": "answer", "E": "comment", "F": "evidence"})],
        items,
        note=(
            "A macro-enabled workbook (.xlsm, macro-enabled workbook content type, no VBA part). Headings "
            "are broken over two lines (\"Vendor\\nResponse\"); the pane is frozen below the header. The "
            "requester's Instructions column D stands right of the answer C and is the guidance, not the "
            "comment (E) or the evidence (F). The cover sheet is ignored."
        ),
    )


# --- 7. the question table starts on row 200+ -----------------------------------------------------------

PREAMBLE_INSTRUCTIONS = [
    "Why we ask",
    "Group Procurement asks every supplier that will handle our information to complete this assessment "
    "before a contract is signed and every two years afterwards.",
    "Your answers decide which contractual security schedule applies and whether our security team needs "
    "to review your service in more depth.",
    "Who should complete it?",
    "The assessment should be completed by someone responsible for information security at your "
    "organisation, not by the sales team.",
    "Where you are unsure of an answer, ask the relevant owner inside your organisation rather than guessing.",
    "Give dates as day, month and year, and amounts in pounds sterling unless a question says otherwise.",
    "How to answer",
    "Answer each question in Part 7 in the Response column. Use Additional Information to explain partial "
    "answers or compensating controls.",
    "Answers that are not supported by evidence may be scored as if the control were absent.",
    "Do not change the wording of the questions or delete rows; add rows below the last question if you "
    "need them.",
    "What if a question does not apply?",
    "Choose N/A in the Response column and give the reason in Additional Information.",
    "Confidentiality",
    "We treat your answers and any documents you provide as confidential and use them only for supplier "
    "assurance.",
    "If you require a non-disclosure agreement before sharing evidence, contact the procurement lead named "
    "in your invitation.",
    "Deadlines",
    "Please return the completed workbook within fifteen working days of receiving it.",
    "Late returns delay onboarding: contracts cannot be signed until the assessment has been reviewed.",
    "After you submit",
    "Our security team may ask follow-up questions or request a call to walk through your answers.",
    "Where gaps are found we will agree a remediation plan with target dates, which becomes part of the "
    "contract.",
    "Contact",
    "Questions about this workbook can be sent to the supplier assurance mailbox given in your invitation.",
    "Thank you for your time and cooperation.",
]

PREAMBLE_FIELDS: list[tuple[str, list[str]]] = [
    ("Company", ["Registered company name", "Trading name (if different)", "Company registration number",
                 "VAT number", "Registered address", "Website", "Parent company", "Number of employees"]),
    ("Contacts", ["Account manager", "Account manager email", "Security lead", "Security lead email",
                  "Data protection officer", "Data protection officer email", "Out-of-hours incident phone number"]),
    ("Certifications", ["ISO/IEC 27001 certificate number", "Certificate expiry date", "SOC 2 report period",
                        "Other certifications held"]),
    ("Insurance", ["Insurer", "Cyber insurance limit", "Policy renewal date"]),
    ("Privacy registration", ["Lead supervisory authority", "Data protection fee registration number",
                              "EU representative (if any)", "Version of your privacy policy"]),
    ("Service", ["Service name", "Service description", "Hosting provider", "Hosting locations",
                 "Expected contract start date"]),
]

PREAMBLE_TERMS = [
    ("Asset", "Any information, system, device or facility that has value to the organisation and must "
              "therefore be protected."),
    ("Availability", "The property of being accessible and usable on demand by an authorised person or system."),
    ("Business continuity", "The capability to keep delivering services at acceptable levels after a "
                            "disruptive event."),
    ("Change", "Any addition, modification or removal of anything that could affect the service, including "
               "configuration."),
    ("Confidentiality", "The property that information is not made available or disclosed to unauthorised "
                        "people or processes."),
    ("Control", "A measure that modifies risk, including policies, procedures, practices and technical "
                "mechanisms."),
    ("Customer data", "All data, including personal data, that we or our users provide to you or that you "
                      "generate on our behalf."),
    ("Data controller", "The party that decides the purposes and means of processing personal data."),
    ("Data processor", "A party that processes personal data on behalf of, and on the instructions of, a "
                       "controller."),
    ("Encryption", "The transformation of data into a form that cannot be read without the correct key."),
    ("Evidence", "A document, screenshot, report or record showing that a control exists and operates as "
                 "described."),
    ("Incident", "An event that has compromised, or may have compromised, the confidentiality, integrity or "
                 "availability of customer data."),
    ("Integrity", "The property of accuracy and completeness of information and of processing methods."),
    ("Least privilege", "Granting users and systems only the access they need to perform their duties, and "
                        "no more."),
    ("Multi-factor authentication", "Authentication that requires two or more independent factors, such as "
                                    "a password and a hardware token."),
    ("Personal data", "Any information relating to an identified or identifiable natural person."),
    ("Penetration test", "An authorised simulated attack carried out to find exploitable weaknesses in a system."),
    ("Privileged account", "An account with rights beyond those of a standard user, such as administrator or "
                           "root access."),
    ("Recovery point objective", "The maximum period of data loss, measured in time, that is acceptable after "
                                 "an outage."),
    ("Recovery time objective", "The target time within which a service must be restored after a disruption."),
    ("Risk", "The effect of uncertainty on objectives, usually expressed as a combination of likelihood and "
             "impact."),
    ("Security event", "An identified occurrence indicating a possible breach of policy or failure of controls."),
    ("Segregation of duties", "Dividing critical tasks among different people so that no one person can "
                              "misuse a process alone."),
    ("Sub-processor", "A third party engaged by a processor to carry out processing activities on customer data."),
    ("Supplier", "The organisation completing this assessment and any of its affiliates providing the service."),
    ("Third party", "Any organisation other than the supplier and us, including the supplier's own suppliers."),
    ("Vulnerability", "A weakness in an asset or control that can be exploited by a threat."),
    ("Vulnerability scan", "An automated test that identifies known weaknesses in systems and applications."),
    ("Zero trust", "A security model in which no user or device is trusted by default, even inside the "
                   "network perimeter."),
]

PREAMBLE_DOCUMENTS = [
    "Information security policy (current version)",
    "ISO/IEC 27001 certificate and Statement of Applicability",
    "Most recent SOC 2 Type II report, if you have one",
    "Executive summary of the latest external penetration test",
    "Business continuity plan (the table of contents is enough)",
    "Incident response plan",
    "List of sub-processors with their locations",
    "Data flow diagram for the service",
    "Cyber insurance certificate",
    "Organisation chart of the security function",
    "Secure development policy",
    "Latest disaster-recovery test report",
]

PREAMBLE_REVISIONS = [
    ("1.0", "2019-04-01", "First issue."),
    ("1.1", "2019-10-14", "Clarified the scope of Part 2."),
    ("2.0", "2020-06-30", "Reorganised the questions by control domain."),
    ("2.1", "2021-01-18", "Added questions on remote working."),
    ("2.2", "2021-09-07", "Removed a duplicated backup question."),
    ("3.0", "2022-03-21", "Aligned the definitions with ISO/IEC 27000:2018."),
    ("3.1", "2022-11-02", "Added cyber insurance fields to Part 2."),
    ("3.2", "2023-05-15", "Reworded the incident notification question."),
    ("3.3", "2023-12-04", "Added software supply chain questions."),
    ("4.0", "2024-06-10", "Introduced the scoring approach in Part 6."),
    ("4.1", "2025-02-24", "Added data residency questions."),
    ("4.2", "2026-01-12", "Updated contact details and deadlines."),
]

PREAMBLE_SCORING = [
    "Each answer is scored by our security team; you do not need to score your own answers.",
    "A Yes supported by evidence scores full marks; a Yes without evidence scores half.",
    "Partial answers are scored according to the explanation given in Additional Information.",
    "Questions marked critical must be answered Yes, or a remediation plan agreed, before onboarding.",
    "The overall score sets the review frequency: high scores every two years, low scores every year.",
    "Scores are shared with you on request once the review is complete.",
]

ONBOARDING_QUESTIONS: list[tuple[str, list[tuple[str, str]]]] = [
    ("Governance", [
        ("OA-01", "Has your security programme been assessed by an independent party in the last two years, "
                  "and what was the scope?"),
        ("OA-02", "Is there a security steering group that meets at least quarterly and minutes its decisions?"),
        ("OA-03", "Do you track completion of mandatory security training and follow up with staff who miss "
                  "the deadline?"),
        ("OA-04", "Are security duties written into the job descriptions of staff who administer production "
                  "systems?"),
        ("OA-05", "Does your board receive a written report on cyber risk at least twice a year?"),
    ]),
    ("Technical security", [
        ("OA-06", "Do you run authenticated vulnerability scans of all servers at least monthly?"),
        ("OA-07", "Are web applications protected by a web application firewall whose rules are maintained by "
                  "a named team?"),
        ("OA-08", "Is administrative access to network devices restricted to a dedicated management network?"),
        ("OA-09", "Are laptop operating systems and browsers updated automatically within fourteen days of a "
                  "release?"),
        ("OA-10", "Do you test restores from backup at least quarterly and keep a record of the results?"),
    ]),
    ("Privacy", [
        ("OA-11", "Is a privacy impact assessment carried out before any new processing of personal data "
                  "begins?"),
        ("OA-12", "Are personal data fields masked in support tools so that agents see only what they need?"),
        ("OA-13", "Do you keep our customers' personal data only for as long as the contract requires?"),
        ("OA-14", "Are staff forbidden from storing customer personal data on removable media?"),
        ("OA-15", "Can you produce an audit trail of who accessed a given customer's personal data in the "
                  "last 90 days?"),
    ]),
]

ONBOARDING_CHOICES = ["Yes", "No", "Partial", "N/A"]


def questions_after_long_preamble(folder: Path) -> Layout:
    name = "questions_after_long_preamble"
    sheet = "Onboarding Assessment"
    wb = Workbook()
    ws = wb.active
    ws.title = sheet
    col_widths(ws, A=30, B=80, C=14, D=45)
    caption(ws, "A1", "Supplier Onboarding Security Assessment")
    small_print(ws, "A2", "Version 4.2 – issued by Group Procurement")
    row = 4
    band_row(ws, row, "Part 1 – How to complete this assessment", "A", "D", paint="mist")
    row += 1
    for text in PREAMBLE_INSTRUCTIONS:
        ws[f"A{row}"] = text
        ws.merge_cells(f"A{row}:D{row}")
        ws[f"A{row}"].font = SECTION_PLAIN_BOLD if len(text) < 40 else B_FONT
        ws[f"A{row}"].alignment = WRAP
        row += 2  # a blank line after every paragraph, as in the printed original
    band_row(ws, row, "Part 2 – Vendor details", "A", "D", paint="mist")
    row += 1
    for group, fields in PREAMBLE_FIELDS:
        ws[f"A{row}"] = group
        ws[f"A{row}"].font = SECTION_PLAIN_BOLD
        row += 1
        for label in fields:
            body_row(ws, row, {"A": label}, "AB")
            ws[f"B{row}"].fill = PAINT["input"]
            row += 2  # spaced form: a blank row between fields
    band_row(ws, row, "Part 3 – Definitions", "A", "D", paint="mist")
    row += 1
    heading_row(ws, row, {"A": "Term", "B": "Definition"}, paint="slate")
    row += 1
    for term, definition in PREAMBLE_TERMS:
        body_row(ws, row, {"A": term, "B": definition})
        row += 1
    row += 1
    band_row(ws, row, "Part 4 – Documents to attach", "A", "D", paint="mist")
    row += 1
    for document in PREAMBLE_DOCUMENTS:
        ws[f"A{row}"] = "☐"
        ws[f"B{row}"] = document
        row += 1
    row += 1
    band_row(ws, row, "Part 5 – Revision history", "A", "D", paint="mist")
    row += 1
    heading_row(ws, row, {"A": "Version", "B": "Change", "C": "Date"}, paint="slate")
    row += 1
    for version, date, change in PREAMBLE_REVISIONS:
        body_row(ws, row, {"A": version, "B": change, "C": date})
        row += 1
    row += 1
    band_row(ws, row, "Part 6 – Scoring", "A", "D", paint="mist")
    row += 1
    for text in PREAMBLE_SCORING:
        ws[f"A{row}"] = text
        ws.merge_cells(f"A{row}:D{row}")
        ws[f"A{row}"].alignment = WRAP
        row += 2
    band_row(ws, row, "Part 7 – Security questions", "A", "D", paint="navy")
    ws[f"A{row}"].font = Font(name="Verdana", bold=True, size=10, color="FFFFFF")
    small_print(ws, f"A{row + 1}", "Answer every question. Grey rows are headings.", f"A{row + 1}:D{row + 1}")
    header = row + 3
    if header < 200:
        raise ValueError(f"the preamble ends too early (header on row {header})")
    heading_row(ws, header, {"A": "Question Ref", "B": "Question", "C": "Response", "D": "Additional Information"})
    items: list[ExpectedItem] = []
    answer_rows: list[int] = []
    row = header + 1
    for section, questions in ONBOARDING_QUESTIONS:
        band_row(ws, row, section, "A", "D", paint="mist")
        row += 1
        for id_, text in questions:
            body_row(ws, row, {"A": id_, "B": text}, "ABCD")
            items.append(expect(sheet, row, text, "C", id_, comment="D", allowed=ONBOARDING_CHOICES,
                                section=[section]))
            answer_rows.append(row)
            row += 1
    list_validation(ws, ONBOARDING_CHOICES, f"C{answer_rows[0]}:C{answer_rows[-1]}")
    ws.freeze_panes = f"A{header + 1}"
    DECOYS[name] = {}
    return Layout(
        name,
        store(wb, folder, "supplier-onboarding-assessment.xlsx"),
        "xlsx",
        [sheet_of(sheet, header, {"A": "id", "B": "question", "C": "answer", "D": "comment"})],
        items,
        note=(
            f"The question table's header is on row {header}, after instructions (with question-like "
            "sub-headings), a spaced vendor-details form, a Term/Definition table, a document checklist, "
            "a revision history and scoring notes; nothing above the header is an item. Sections are the "
            "grey rows inside the table; the \"Part 7\" banner above the header is a part title, not a "
            "section."
        ),
    )


# --- 8. guidance in cell notes, hyperlinks in a reference column ---------------------------------------

CLOUD_QUESTIONS: list[tuple[str, str, str | None, tuple[str, str], str | None]] = [
    ("CC-01", "Do you enforce a minimum password length of at least twelve characters for all user accounts?",
     "Include service accounts. If passwords are not used at all, describe the alternative in Comments.",
     ("NIST SP 800-63B 5.1.1", "https://pages.nist.gov/800-63-3/sp800-63b.html"), "Yes"),
    ("CC-02", "Are cloud console root or owner accounts protected by hardware security keys and used only in "
              "emergencies?", "We mean the account that owns the cloud organisation or subscription.",
     ("CIS AWS 1.6", "https://www.cisecurity.org/benchmark/amazon_web_services"), None),
    ("CC-03", "Is infrastructure in your cloud accounts continuously checked against a configuration baseline "
              "such as the CIS Benchmarks?", None,
     ("CIS Benchmarks", "https://www.cisecurity.org/cis-benchmarks"), None),
    ("CC-04", "Are storage buckets and blobs blocked from public access by an organisation-wide policy?",
     "A setting on each bucket alone does not count; we are asking about a guard-rail.",
     ("CSA CCM DSP-17", "https://cloudsecurityalliance.org/research/cloud-controls-matrix"), None),
    ("CC-05", "Do you use separate cloud accounts or subscriptions for production, staging and development?",
     None, ("CSA CCM IVS-05", "https://cloudsecurityalliance.org/research/cloud-controls-matrix"), "Yes"),
    ("CC-06", "Are cloud audit trails enabled in every region and protected from deletion?",
     "For example CloudTrail or the Azure Activity Log. State the retention period in Comments.",
     ("ISO/IEC 27017 CLD.12.4.5", "https://www.iso.org/standard/43757.html"), None),
    ("CC-07", "Is access to production granted just in time and revoked automatically after a set period?",
     None, ("NIST SP 800-53 AC-2(2)", "https://csrc.nist.gov/projects/risk-management/sp800-53-controls"), None),
    ("CC-08", "Are container images signed and verified before they are deployed?",
     "If you do not run containers, answer N/A.",
     ("SLSA", "https://slsa.dev/spec/v1.0/"), "N/A"),
    ("CC-09", "Do you scan infrastructure-as-code templates for misconfigurations before deployment?", None,
     ("CSA CCM AIS-05", "https://cloudsecurityalliance.org/research/cloud-controls-matrix"), None),
    ("CC-10", "Are workloads that handle our data isolated in their own network segment or virtual network?",
     None, ("ISO/IEC 27001 A.8.22", "https://www.iso.org/standard/27001"), None),
    ("CC-11", "Is customer data replicated to a second region, and is failover tested at least annually?",
     "Give the date of the last failover test in Comments.",
     ("ISO/IEC 27001 A.8.14", "https://www.iso.org/standard/27001"), None),
    ("CC-12", "Do you monitor your cloud provider's security bulletins and act on those that affect you?", None,
     ("CSA CCM TVM-01", "https://cloudsecurityalliance.org/research/cloud-controls-matrix"), None),
    ("CC-13", "Are cloud spending and resource creation monitored to detect cryptomining or similar abuse?",
     "Budget alerts alone are acceptable if someone reviews them every day.",
     ("CIS Controls 13", "https://www.cisecurity.org/controls"), None),
    ("CC-14", "Can you give us your cloud provider's current SOC 2 report on request?", None,
     ("AICPA SOC 2", "https://www.aicpa-cima.com/topic/audit-assurance/audit-and-assurance-greater-than-soc-2"),
     None),
    ("CC-15", "Is deletion of cloud resources that hold customer data protected by a retention lock or soft "
              "delete?", None,
     ("ISO/IEC 27001 A.8.13", "https://www.iso.org/standard/27001"), None),
]

HEADER_NOTE = "Pick Yes, No or N/A from the list. Explain anything other than Yes in Comments."


def notes_and_hyperlinks(folder: Path) -> Layout:
    name = "notes_and_hyperlinks"
    sheet = "Cloud Controls Review"
    wb = Workbook()
    ws = wb.active
    ws.title = sheet
    col_widths(ws, A=8, B=75, C=10, D=40, E=28)
    header = 1
    heading_row(ws, header, {"A": "ID", "B": "Question", "C": "Answer", "D": "Comments",
                             "E": "Framework Reference"}, paint="navy")
    ws[f"C{header}"].comment = Comment(HEADER_NOTE, "Cloud Security Office", width=240, height=80)
    ws.freeze_panes = "A2"
    items: list[ExpectedItem] = []
    row = header + 1
    for id_, text, note, (label, url), answer in CLOUD_QUESTIONS:
        body_row(ws, row, {"A": id_, "B": text, "C": answer, "E": label}, "ABCDE")
        ws[f"E{row}"].hyperlink = url
        ws[f"E{row}"].font = LINK_FONT
        if note:
            ws[f"B{row}"].comment = Comment(note, "Cloud Security Office", width=260, height=90)
        items.append(expect(sheet, row, text, "C", id_, comment="D", allowed=YES_NO_NA, existing=answer,
                            section=[], guidance=note))
        row += 1
    list_validation(ws, YES_NO_NA, f"C{header + 1}:C{row - 1}")
    DECOYS[name] = {}
    return Layout(
        name,
        store(wb, folder, "cloud-controls-review.xlsx"),
        "xlsx",
        [sheet_of(sheet, header, {"A": "id", "B": "question", "C": "answer", "D": "comment"})],
        items,
        note=(
            "Guidance is held in cell notes on the question cells: an item's guidance is its note's text "
            "(author not included); items without a note have guidance None; the note on the Answer "
            "heading is nobody's guidance. Column E holds hyperlinks to framework references and has no "
            "role. No sections."
        ),
    )


# --- 9. an Arabic, right-to-left questionnaire ------------------------------------------------------------

ARABIC_SECTIONS: list[tuple[str, list[tuple[str, str, str | None, str | None]]]] = [
    ("الحوكمة", [
        ("1-1", "هل لدى المنشأة سياسة معتمدة للأمن السيبراني تتم مراجعتها سنوياً على الأقل؟", "نعم",
         "آخر مراجعة في شهر مارس ٢٠٢٦."),
        ("1-2", "هل توجد إدارة مستقلة للأمن السيبراني ترتبط مباشرة بالإدارة العليا؟", None, None),
        ("1-3", "هل يتلقى جميع الموظفين تدريباً للتوعية بالأمن السيبراني عند التعيين وبشكل دوري؟", None, None),
        ("1-4", "هل تُجرى تقييمات لمخاطر الأمن السيبراني قبل إطلاق الأنظمة الجديدة؟", None, None),
    ]),
    ("إدارة الهويات والصلاحيات", [
        ("2-1", "هل يُطبَّق التحقق متعدد العوامل على جميع الحسابات ذات الصلاحيات الهامة؟", "جزئياً",
         "مطبّق على حسابات الخوادم فقط، ويجري توسيعه ليشمل قواعد البيانات."),
        ("2-2", "هل تُراجَع صلاحيات المستخدمين بشكل دوري ويُوثَّق ذلك؟", None, None),
        ("2-3", "هل تُلغى صلاحيات الموظفين فور انتهاء علاقتهم التعاقدية؟", None, None),
        ("2-4", "هل تُستخدم حسابات مستقلة لمهام الإدارة بدلاً من الحسابات اليومية؟", None, None),
    ]),
    ("حماية البيانات", [
        ("3-1", "هل تُشفَّر بيانات العميل أثناء النقل وعند التخزين؟", None, None),
        ("3-2", "هل تُستضاف بيانات العميل داخل المملكة العربية السعودية؟", None, None),
        ("3-3", "هل تُصنَّف البيانات وفقاً لمستويات حساسيتها قبل معالجتها؟", None, None),
        ("3-4", "هل يتم إتلاف البيانات بطريقة آمنة عند انتهاء فترة الاحتفاظ بها؟", None, None),
    ]),
    ("استمرارية الأعمال", [
        ("4-1", "هل توجد خطة معتمدة لاستمرارية الأعمال يتم اختبارها سنوياً؟", None, None),
        ("4-2", "هل تُحفظ النسخ الاحتياطية في موقع منفصل ويُختبر استرجاعها بشكل دوري؟", None, None),
        ("4-3", "هل تلتزمون بإبلاغنا عن الحوادث السيبرانية المؤثرة خلال ٧٢ ساعة من اكتشافها؟", None, None),
    ]),
]

FOREIGN_HEADINGS["arabic_right_to_left"] = {
    "id": re.compile(r"الرقم|^رقم"),
    "question": re.compile(r"السؤال"),
    "answer": re.compile(r"الإجابة|الرد"),
    "comment": re.compile(r"الملاحظات|ملاحظات|التعليق"),
    "evidence": re.compile(r"الأدلة|الدليل|المستندات"),
}


def arabic_right_to_left(folder: Path) -> Layout:
    name = "arabic_right_to_left"
    sheet = "تقييم الموردين"
    wb = Workbook()
    ws = wb.active
    ws.title = sheet
    ws.sheet_view.rightToLeft = True
    col_widths(ws, A=8, B=70, C=14, D=40, E=30)
    caption(ws, "A1", "استبيان تقييم الأمن السيبراني للموردين", "A1:E1")
    small_print(ws, "A2", "يرجى اختيار الإجابة من القائمة المنسدلة وإضافة الملاحظات والأدلة عند الحاجة.", "A2:E2")
    header = 4
    heading_row(ws, header, {"A": "الرقم", "B": "السؤال", "C": "الإجابة", "D": "الملاحظات", "E": "الأدلة الداعمة"},
                paint="moss")
    right = Alignment(horizontal="right", vertical="top", wrap_text=True, readingOrder=2)
    items: list[ExpectedItem] = []
    answer_rows: list[int] = []
    row = header + 1
    for section, questions in ARABIC_SECTIONS:
        band_row(ws, row, section, "A", "E")
        ws[f"A{row}"].alignment = right
        row += 1
        for id_, text, answer, comment in questions:
            body_row(ws, row, {"A": id_, "B": text, "C": answer, "D": comment}, "ABCDE")
            for letter in "BD":
                ws[f"{letter}{row}"].alignment = right
            items.append(expect(sheet, row, text, "C", id_, comment="D", evidence="E", allowed=ARABIC_CHOICES,
                                existing=answer, existing_comment=comment, section=[section]))
            answer_rows.append(row)
            row += 1
    list_validation(ws, ARABIC_CHOICES, *(f"C{r}" for r in answer_rows))
    DECOYS[name] = {}
    return Layout(
        name,
        store(wb, folder, "supplier-cyber-assessment-ar.xlsx"),
        "xlsx",
        [sheet_of(sheet, header, {"A": "id", "B": "question", "C": "answer", "D": "comment", "E": "evidence"})],
        items,
        note=(
            "Arabic throughout, on a right-to-left sheet: \"الرقم\" is the id, \"السؤال\" the question, "
            "\"الإجابة\" the answer (drop-down نعم / لا / جزئياً / لا ينطبق, kept exactly), \"الملاحظات\" "
            "the comment and \"الأدلة الداعمة\" the evidence. Column letters are as stored: A is the "
            "rightmost column on screen."
        ),
    )


# --- 10. a Windows-1252 CSV with header choices ---------------------------------------------------------

ANSI_TITLE = "Supplier Privacy & Data Protection Questionnaire – v2.3"
ANSI_HEADER = ["Ref", "Question", "Response (Yes/No/N/A)", "Comments"]
ANSI_SECTIONS: list[tuple[str, list[tuple[str, str, str | None, str | None]]]] = [
    ("Section 1 – Lawful basis and transparency", [
        ("PR-01", "Is a record of processing activities (Art. 30 GDPR) kept for the services you provide to us?",
         "Yes", "Maintained in our privacy tool and reviewed every quarter."),
        ("PR-02", "Have the privacy notices your end users see been reviewed for readability and updated within "
                  "the last year?",
         None, None),
        ("PR-03", "Do you rely on “legitimate interests” for any processing, and if so, is a balancing test on "
                  "file?", None, None),
        ("PR-04", "Is consent, where used, recorded with the date, the wording shown and the user’s choice?",
         None, None),
    ]),
    ("Section 2 – Data subjects’ rights", [
        ("PR-05", "Can you locate all of a data subject’s records across production systems and backups "
                  "within one week?", None, None),
        ("PR-06", "Do you honour objections to direct marketing within 48 hours of the request?", None, None),
        ("PR-07", "Are rectification requests logged with the before and after values and the requester’s "
                  "identity check?", None, None),
        ("PR-08", "Is there a named contact (e.g. your DPO or “délégué à la protection des données”) for "
                  "rights requests?", "Yes", "Zoë Lefèvre, dpo@example.eu"),
    ]),
    ("Section 3 – Retention, transfers and insurance", [
        ("PR-09", "Is personal data deleted automatically once its retention period – as set out in our "
                  "schedule – has expired?", None, None),
        ("PR-10", "Are transfers to the United States covered by the EU–US Data Privacy Framework or by "
                  "Standard Contractual Clauses?", None, None),
        ("PR-11", "Do you hold cyber and privacy liability insurance of at least €5 million per claim?", "No",
         "Current cover is €2 million; the 2027 renewal raises it to €5 million."),
        ("PR-12", "Has a supervisory authority (for example the CNIL or the Autorité de protection des données) "
                  "investigated your company in the past three years?", None, None),
        ("PR-13", "Are pseudonymised data sets kept apart from the keys needed to re-identify people?", None, None),
        ("PR-14", "Will you tell us about any request for our data you receive from a public authority, unless "
                  "the law forbids it?", None, None),
    ]),
]


def ansi_csv_header_choices(folder: Path) -> Layout:
    name = "ansi_csv_header_choices"
    width = len(ANSI_HEADER)
    blank = [""] * width
    records: list[list[str]] = [[ANSI_TITLE] + blank[1:], list(blank), list(ANSI_HEADER)]
    header = len(records)
    items: list[ExpectedItem] = []
    allowed = ["Yes", "No", "N/A"]
    for section, questions in ANSI_SECTIONS:
        records.append([section] + blank[1:])
        for id_, text, answer, comment in questions:
            records.append([id_, text, answer or "", comment or ""])
            row = len(records)
            items.append(ExpectedItem(sheet="", row=row, question=text, answer_cell=f"$C${row}", id=id_,
                                      section=[section], comment_cell=f"$D${row}", allowed_answers=allowed,
                                      allowed_answers_source="header", existing_answer=answer,
                                      existing_comment=comment))
    buffer = io.StringIO(newline="")
    csv.writer(buffer, lineterminator="\r\n").writerows(records)  # Excel's minimal quoting and CRLF
    path = folder / "privacy-questionnaire-ansi.csv"
    path.write_bytes(buffer.getvalue().encode("cp1252"))
    DECOYS[name] = {}
    return Layout(
        name,
        path,
        "csv",
        [ExpectedSheet("", "questionnaire", header, {"A": "id", "B": "question", "C": "answer", "D": "comment"})],
        items,
        csv=True,
        encoding="cp1252",
        delimiter=",",
        note=(
            "Saved by Excel as \"CSV (Comma delimited)\": Windows-1252, CRLF, minimal quoting, a title "
            "record, a blank record, then the header on record 3 and section records. Questions are given "
            "in Unicode (“ ” ’ – € é). The answer column is headed \"Response (Yes/No/N/A)\", so the allowed "
            "answers are [\"Yes\", \"No\", \"N/A\"] from the header, as in a workbook."
        ),
    )


# --- the registry ---------------------------------------------------------------------------------------

HELDOUT6_LAYOUTS: list[Callable[[Path], Layout]] = [
    answer_box_below_question,
    key_value_form_no_header,
    two_products_side_by_side,
    numeric_ids_two_decimals,
    formula_built_questions,
    xlsm_line_break_headers,
    questions_after_long_preamble,
    notes_and_hyperlinks,
    arabic_right_to_left,
    ansi_csv_header_choices,
]

#: The same builders by layout name (the form `bench/layout_bench.py` takes for a group).
HELDOUT6_BY_NAME: dict[str, Callable[[Path], Layout]] = {b.__name__: b for b in HELDOUT6_LAYOUTS}


# --- self-check -----------------------------------------------------------------------------------

#: Layouts whose rows may hold one item per product (two answer columns on one sheet).
SIDE_BY_SIDE = {"two_products_side_by_side"}

#: Layouts whose question and id cells are formulas (the imported checks read a values-only copy,
#: which openpyxl writes with the cached numbers at 16 significant digits).
FORMULA_LAYOUTS = {"formula_built_questions"}

#: Layouts whose ids are numbers taken as displayed (the imported checks compare the stored value).
NUMBER_IDS = {"numeric_ids_two_decimals", "formula_built_questions"}

#: Layouts whose guidance is a cell note, not a cell's text (the imported checks look for guidance
#: among the row's cell texts, so they are shown None and `_feature_notes` checks the notes).
NOTE_GUIDANCE = {"notes_and_hyperlinks"}

#: Complaints of the imported checks that this file replaces with a check of its own, per layout:
#: (pattern, the check that replaces it).
REPLACED: dict[str, list[tuple[re.Pattern[str], str]]] = {
    "answer_box_below_question": [
        (re.compile(r": answer cell .+ is not on the item's row$"), "_feature_answer_below: the merged box below"),
    ],
    "ansi_csv_header_choices": [
        (re.compile(r": a CSV has no drop-downs; allowed answers must be \[\]$"),
         "_feature_ansi_csv: the header names the choices"),
    ],
}

#: On a sheet without a header row the imported checks see no column roles, so they complain about
#: every item's columns; `_headerless_columns` checks them against the real roles instead.
HEADERLESS_REPLACED = [
    re.compile(r": \w+ cell in column [A-Z]+, the sheet's \w+ column is None$"),
    re.compile(r": an id .* on a sheet without an id column$"),
]


def _has_headerless_sheet(layout: Layout) -> bool:
    return any(s.status == "questionnaire" and s.header_row is None for s in layout.sheets)


def _is_replaced(layout: Layout, problem: str) -> bool:
    if _excused(layout, problem):  # heldout_layouts5: foreign headings (here, the Arabic ones)
        return True
    if any(pattern.search(problem) for pattern, _ in REPLACED.get(layout.name, [])):
        return True
    return _has_headerless_sheet(layout) and any(pattern.search(problem) for pattern in HEADERLESS_REPLACED)


def _letters(sheet: ExpectedSheet, role: str) -> list[str]:
    return sorted((l for l, r in sheet.columns.items() if r == role), key=column_index_from_string)


def _role(sheet: ExpectedSheet, role: str) -> str:
    found = _letters(sheet, role)
    if not found:
        raise KeyError(f"no {role} column")
    return found[0]


def _rows_of(layout: Layout) -> dict[tuple[str, int], list[ExpectedItem]]:
    grouped: dict[tuple[str, int], list[ExpectedItem]] = {}
    for item in layout.items:
        grouped.setdefault((item.sheet, item.row), []).append(item)
    return grouped


def _product_roles(sheet: ExpectedSheet, k: int) -> dict[str, str]:
    """The column roles of a side-by-side sheet as the k-th product's view shows them: the k-th
    answer and comment columns, every other role as it is."""
    answers, comments = _letters(sheet, "answer"), _letters(sheet, "comment")
    roles = {l: r for l, r in sheet.columns.items() if r not in ("answer", "comment")}
    if k < len(answers):
        roles[answers[k]] = "answer"
    if k < len(comments):
        roles[comments[k]] = "comment"
    return roles


def _per_product(view: Layout,
                 roles_at: Callable[[ExpectedSheet, int], dict[str, str]] = _product_roles) -> list[Layout]:
    """A side-by-side sheet as the imported checks can see it: one layout per product column pair,
    holding the k-th item of every row and, by default, the k-th answer and comment columns
    (`roles_at(sheet, k)` gives the k-th layout's column roles; heldout_layouts7 passes its own for
    two question blocks on one row)."""
    grouped = list(_rows_of(view).values())
    width = max((len(g) for g in grouped), default=1)
    width = max(width, max((len(_letters(s, "answer")) for s in view.sheets), default=1))
    out = []
    for k in range(width):
        part = copy.deepcopy(view)
        part.items = [copy.deepcopy(g[k]) for g in grouped if len(g) > k]
        for sheet in part.sheets:
            sheet.columns = roles_at(sheet, k)
        out.append(part)
    return out


def _shown(cell: Any) -> str | None:
    """A cell's value as Excel displays it, for the number formats this set uses."""
    value = cell.value
    if value is None:
        return None
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return f"{value:.2f}" if cell.number_format == "0.00" else _general(value)
    return str(value)


def _stored_ids(path: Path, sheet: ExpectedSheet) -> dict[str, str]:
    """Displayed id -> the stored value as `str` gives it, over the whole id column of `path` (not
    row by row, so an item put on the wrong row still meets the id of that row)."""
    ws = openpyxl.load_workbook(path)[sheet.name]
    letter = _role(sheet, "id")
    return {_shown(c): str(c.value) for (c,) in ws.iter_rows(min_col=column_index_from_string(letter),
                                                              max_col=column_index_from_string(letter))
            if isinstance(c.value, (int, float))}


def _imported_views(layout: Layout, scratch: Path) -> list[Layout]:
    """The layout as the imported checks can read it (see the module docstring)."""
    view = copy.deepcopy(layout)
    if layout.name in FORMULA_LAYOUTS:
        values = openpyxl.load_workbook(layout.path, data_only=True)
        view.path = scratch / f"values-only-{layout.path.name}"
        values.save(view.path)
    stored: dict[str, dict[str, str]] = {}
    if layout.name in NUMBER_IDS:
        stored = {s.name: _stored_ids(view.path, s) for s in layout.sheets if s.status == "questionnaire"}
    for item in view.items:
        if isinstance(item.id, str) and item.id in stored.get(item.sheet, {}):
            item.id = stored[item.sheet][item.id]
        if layout.name in NOTE_GUIDANCE:
            item.guidance = None
    for sheet in view.sheets:
        if sheet.status == "questionnaire" and sheet.header_row is None:
            sheet.header_row = 0
            sheet.columns = {}
    return _per_product(view) if layout.name in SIDE_BY_SIDE else [view]


def _headerless_columns(layout: Layout) -> list[str]:
    """Item columns of a headerless sheet against its real roles; an answer box on another row is
    left to the feature check."""
    sheets = {s.name: s for s in layout.sheets if s.status == "questionnaire" and s.header_row is None}
    if not sheets or layout.csv:
        return []
    wb = openpyxl.load_workbook(layout.path)
    problems: list[str] = []
    for item in layout.items:
        sheet = sheets.get(item.sheet)
        if sheet is None:
            continue
        ws = wb[item.sheet]
        seen = copy.copy(item)
        if item.answer_cell and split_ref(item.answer_cell)[2] != item.row:
            seen.answer_cell = None
        problems += _item_column_problems(seen, sheet, lambda letter, row: ws[f"{letter}{row}"].value)
    return problems


def _solid(cell: Any) -> str | None:
    return cell.fill.fgColor.rgb if cell.fill is not None and cell.fill.fill_type == "solid" else None


# --- one check per layout of the feature it exercises ---------------------------------------------


def _feature_answer_below(layout: Layout) -> list[str]:
    problems: list[str] = []
    sheet = layout.sheets[0]
    if sheet.header_row is not None:
        problems.append("the Word form declares a header row")
    if "answer" in sheet.columns.values():
        problems.append("the Word form declares an answer column (the answer is a row, not a column)")
    ws = openpyxl.load_workbook(layout.path)[sheet.name]
    question, id_letter = _role(sheet, "question"), _role(sheet, "id")
    q_index = column_index_from_string(question)
    starts = {(m.min_row, m.min_col): m for m in ws.merged_cells.ranges}
    used: set[int] = set()
    for item in layout.items:
        _, column, box = split_ref(item.answer_cell)
        if column != question or box != item.row + 1:
            problems.append(f"row {item.row}: answer cell {column}{box} is not the box below the question")
        for row, what in ((item.row, "question"), (box, "answer box")):
            merged = starts.get((row, q_index))
            if merged is None or merged.max_row != row or merged.max_col - merged.min_col < 3:
                problems.append(f"row {row}: the {what} is not merged across the form's width")
        if _solid(ws.cell(box, q_index)) != PAINT["input"].fgColor.rgb:
            problems.append(f"row {box}: the answer box is not shaded as an input")
        if ws[f"{id_letter}{box}"].value is not None:
            problems.append(f"row {box}: the answer box row has an id")
        used |= {item.row, box}
    form = FORM_ROWS.get(layout.name, {})
    section = None
    sections_of = {item.row: item.section for item in layout.items}
    for row in range(1, ws.max_row + 1):
        if all(c.value is None for c in ws[row]) or row in used - set(sections_of) or (sheet.name, row) in form:
            continue
        first = ws.cell(row, 1)
        if row in sections_of:
            if sections_of[row] != [section]:
                problems.append(f"row {row}: section {sections_of[row]!r}, the band above says {section!r}")
        elif _solid(first) == PAINT["cyan"].fgColor.rgb and (row, 1) in starts:
            section = first.value
        else:
            problems.append(f"row {row}: neither a question, an answer box, a section nor a form row")
    chosen = sum(bool(item.allowed_answers) for item in layout.items)
    if not 0 < chosen < len(layout.items):
        problems.append("the form wants a mix of Yes/No boxes and free-text boxes")
    return problems


def _feature_key_value(layout: Layout) -> list[str]:
    problems: list[str] = []
    sheet = layout.sheets[0]
    if sheet.header_row is not None:
        problems.append("the key-value form declares a header row")
    ws = openpyxl.load_workbook(layout.path)[sheet.name]
    question, answer = _role(sheet, "question"), _role(sheet, "answer")
    heading_fills = {PAINT[p].fgColor.rgb for p in ("navy", "moss", "rust", "slate", "plum")}
    if any(_solid(c) in heading_fills for r in ws.iter_rows() for c in r):
        problems.append("a cell is painted like a header")
    lists = [dv for dv in ws.data_validations.dataValidation if dv.type == "list"]
    if not lists or not all(dv.showDropDown for dv in lists):
        problems.append("the drop-downs do not hide their arrow (showDropDown=\"1\")")
    covered = {f"{get_column_letter(c)}{r}" for dv in lists for rng in dv.sqref.ranges for r, c in CellRange(str(rng)).cells}
    listed = {f"{split_ref(i.answer_cell)[1]}{i.row}" for i in layout.items if i.allowed_answers}
    if covered != listed:
        problems.append(f"drop-downs cover {sorted(covered)}, the choice items' answers are {sorted(listed)}")
    if len(listed) < 5:
        problems.append("too few hidden-arrow drop-downs")
    by_row = {item.row: item for item in layout.items}
    form = FORM_ROWS.get(layout.name, {})
    section = None
    for row in range(1, ws.max_row + 1):
        value = ws[f"{question}{row}"].value
        if value is None:
            continue
        if row in by_row:
            if by_row[row].section != [section]:
                problems.append(f"row {row}: section {by_row[row].section!r}, the title above is {section!r}")
            if split_ref(by_row[row].answer_cell)[1] != answer:
                problems.append(f"row {row}: the answer is not in column {answer}")
        elif (sheet.name, row) in form:
            if ws[f"{question}{row}"].font.b:
                section = None
        elif ws[f"{question}{row}"].font.b:
            section = value
        else:
            problems.append(f"row {row}: {value!r} is neither an item, a section title nor a form field")
    return problems


def _feature_two_products(layout: Layout) -> list[str]:
    problems: list[str] = []
    sheet = layout.sheets[0]
    ws = openpyxl.load_workbook(layout.path)[sheet.name]
    answers, comments = _letters(sheet, "answer"), _letters(sheet, "comment")
    if len(answers) != 2 or len(comments) != 2:
        return [f"answer columns {answers} and comment columns {comments}: expected two of each"]
    products = []
    for answer, comment in zip(answers, comments):
        said = [collapse(ws[f"{letter}{sheet.header_row}"].value) or "" for letter in (answer, comment)]
        names = [text.split("–", 1)[1].strip() if "–" in text else None for text in said]
        if names[0] is None or names[0] != names[1]:
            problems.append(f"columns {answer}/{comment} ({said}) do not name one product")
        if column_index_from_string(comment) != column_index_from_string(answer) + 1:
            problems.append(f"comment column {comment} is not right of answer column {answer}")
        products.append(names[0])
    if len(set(products)) != 2:
        problems.append(f"products {products} are not two different ones")
    groups = _rows_of(layout)
    differ = 0
    for (_, row), group in groups.items():
        if [split_ref(i.answer_cell)[1] for i in group] != answers:
            problems.append(f"row {row}: items answer in {[split_ref(i.answer_cell)[1] for i in group]}, not {answers}")
            continue
        if [split_ref(i.comment_cell)[1] if i.comment_cell else None for i in group] != comments:
            problems.append(f"row {row}: the comment cells do not follow the products")
        if len({str(i.id) for i in group}) != 1 or len({i.question for i in group}) != 1:
            problems.append(f"row {row}: the two products' items differ in id or question")
        differ += group[0].existing_answer != group[1].existing_answer
    if not differ:
        problems.append("no row where the products' answers differ")
    per_column = []
    for answer in answers:
        found = {id(dv) for (_, row) in groups for dv in _validations_over(ws, f"{answer}{row}")}
        if len(found) != 1:
            problems.append(f"column {answer}: {len(found)} drop-downs, expected its own one")
        per_column.append(found)
    if len(per_column) == 2 and per_column[0] == per_column[1]:
        problems.append("the two product columns share one drop-down")
    return problems


def _feature_numeric_ids(layout: Layout) -> list[str]:
    problems: list[str] = []
    sheet = layout.sheets[0]
    ws = openpyxl.load_workbook(layout.path)[sheet.name]
    id_letter = _role(sheet, "id")
    differs = 0
    for item in layout.items:
        cell = ws[f"{id_letter}{item.row}"]
        if isinstance(cell.value, bool) or not isinstance(cell.value, (int, float)) or cell.number_format != "0.00":
            problems.append(f"row {item.row}: id cell {cell.value!r} ({cell.number_format}) is not a number shown as 0.00")
            continue
        if f"{cell.value:.2f}" != item.id:
            problems.append(f"row {item.row}: id {item.id!r}, the cell shows {cell.value:.2f}")
        differs += str(cell.value) != f"{cell.value:.2f}"
    if not differs:
        problems.append("no id whose stored value differs from what it shows (1.1 shown as 1.10)")
    if any(item.allowed_answers != COMPLIANCE for item in layout.items):
        problems.append("the answers are not the compliance scale")
    return problems


def _feature_formulas(layout: Layout) -> list[str]:
    problems: list[str] = []
    sheet = layout.sheets[0]
    formulas = openpyxl.load_workbook(layout.path)[sheet.name]
    results = openpyxl.load_workbook(layout.path, data_only=True)[sheet.name]
    question, id_letter = _role(sheet, "question"), _role(sheet, "id")
    built = typed = numbered = fuzzy = 0
    for item in layout.items:
        written = formulas[f"{question}{item.row}"].value
        shown = results[f"{question}{item.row}"].value
        if collapse(shown) != item.question:
            problems.append(f"row {item.row}: the cell shows {shown!r}, not the item's question")
        if isinstance(written, str) and written.startswith("="):
            built += 1
            if "$B$2" not in written and "$B$3" not in written:
                problems.append(f"row {item.row}: the question formula does not use the names above the table")
        else:
            typed += 1
        raw_id = formulas[f"{id_letter}{item.row}"].value
        value = results[f"{id_letter}{item.row}"].value
        if isinstance(raw_id, str):
            numbered += 1
            if raw_id != f"={id_letter}{item.row - 1}+0.1":
                problems.append(f"row {item.row}: id formula {raw_id!r}")
        if not isinstance(value, (int, float)) or _general(value) != item.id:
            problems.append(f"row {item.row}: id {item.id!r}, the cell shows {value!r}")
        elif str(value) != item.id:
            fuzzy += 1
    if built < 8 or typed < 3 or numbered < 8 or fuzzy < 3:
        problems.append(f"formula questions {built}, typed {typed}, formula ids {numbered}, "
                        f"ids with floating-point noise {fuzzy}: too few")
    with zipfile.ZipFile(layout.path) as zf:
        xml = zf.read(_sheet_part(zf, sheet.name)).decode("utf-8")
    for match in re.finditer(r'<c r="([A-Z]+\d+)"([^>]*)><f>[^<]*</f>(<v\s*/>|<v>([^<]*)</v>)?</c>', xml):
        if not match.group(4):
            problems.append(f"{match.group(1)}: a formula without a cached value")
    return problems


def _feature_xlsm(layout: Layout) -> list[str]:
    problems: list[str] = []
    if layout.path.suffix != ".xlsm" or layout.format != "xlsm":
        problems.append(f"{layout.path.name} ({layout.format}) is not an .xlsm")
    with zipfile.ZipFile(layout.path) as zf:
        types = ET.fromstring(zf.read("[Content_Types].xml"))
    workbook = [o.get("ContentType") for o in types if o.get("PartName") == "/xl/workbook.xml"]
    if workbook != [MACRO_WORKBOOK_TYPE]:
        problems.append(f"the workbook part's content type is {workbook}")
    wb = openpyxl.load_workbook(layout.path)
    questionnaires = [s for s in layout.sheets if s.status == "questionnaire"]
    if len(questionnaires) != 1 or [s.status for s in layout.sheets] != ["ignored", "questionnaire"]:
        return problems + ["expected an ignored cover sheet, then one questionnaire sheet"]
    sheet = questionnaires[0]
    ws = wb[sheet.name]
    for letter, role in sheet.columns.items():
        if "\n" not in str(ws[f"{letter}{sheet.header_row}"].value):
            problems.append(f"column {letter} ({role}): the heading is not broken over two lines")
    if ws.freeze_panes != f"C{sheet.header_row + 1}":
        problems.append(f"frozen pane at {ws.freeze_panes}")
    guide = get_column_letter(column_index_from_string(_role(sheet, "answer")) + 1)
    if ws[f"{guide}{sheet.header_row}"].value != "Instructions" or guide in sheet.columns:
        problems.append(f"column {guide} is not the roleless Instructions column right of the answer")
    for item in layout.items:
        text = ws[f"{guide}{item.row}"].value
        if not text or item.guidance != text:
            problems.append(f"row {item.row}: guidance {item.guidance!r}, the Instructions cell holds {text!r}")
    return problems


def _feature_preamble(layout: Layout) -> list[str]:
    problems: list[str] = []
    sheet = layout.sheets[0]
    ws = openpyxl.load_workbook(layout.path)[sheet.name]
    if sheet.header_row < 200:
        problems.append(f"the header is on row {sheet.header_row}, not 200 or below")
    filled = [r for r in range(1, sheet.header_row) if any(c.value is not None for c in ws[r])]
    if len(filled) < 100:
        problems.append(f"only {len(filled)} rows of preamble")
    if [r for r in filled if ws[f"A{r}"].value == "Term" and ws[f"B{r}"].value == "Definition"] == []:
        problems.append("no Term/Definition table above the questions")
    asking = [r for r in filled for c in ws[r] if isinstance(c.value, str) and c.value.rstrip().endswith("?")]
    if len(asking) < 2:
        problems.append("no question-like lines in the preamble")
    if min(item.row for item in layout.items) <= sheet.header_row:
        problems.append("an item above the question table")
    return problems


def _feature_notes(layout: Layout) -> list[str]:
    problems: list[str] = []
    sheet = layout.sheets[0]
    ws = openpyxl.load_workbook(layout.path)[sheet.name]
    question = _role(sheet, "question")
    noted = 0
    for item in layout.items:
        note = ws[f"{question}{item.row}"].comment
        text = note.text if note is not None else None
        if item.guidance != text:
            problems.append(f"row {item.row}: guidance {item.guidance!r}, the note says {text!r}")
        noted += note is not None
    if not 6 <= noted < len(layout.items):
        problems.append(f"{noted} notes on {len(layout.items)} questions: the set wants notes on some, not all")
    heading_note = ws[f"{_role(sheet, 'answer')}{sheet.header_row}"].comment
    if heading_note is None or any(item.guidance == heading_note.text for item in layout.items):
        problems.append("no note on the answer heading, or it is taken for an item's guidance")
    links = [c.column_letter for c in ws[sheet.header_row] if c.value == "Framework Reference"]
    if len(links) != 1 or links[0] in sheet.columns:
        return problems + ["no roleless Framework Reference column"]
    for item in layout.items:
        link = ws[f"{links[0]}{item.row}"].hyperlink
        if link is None or not str(link.target).startswith("https://"):
            problems.append(f"row {item.row}: no hyperlink in the reference column")
    return problems


def _feature_rtl(layout: Layout) -> list[str]:
    problems: list[str] = []
    sheet = layout.sheets[0]
    ws = openpyxl.load_workbook(layout.path)[sheet.name]
    if not ws.sheet_view.rightToLeft:
        problems.append("the sheet is not right-to-left")
    arabic = re.compile(r"[\u0600-\u06FF]")
    if not arabic.search(sheet.name):
        problems.append("the sheet name is not Arabic")
    patterns = FOREIGN_HEADINGS[layout.name]
    for letter, role in sheet.columns.items():
        heading = collapse(ws[f"{letter}{sheet.header_row}"].value) or ""
        if not patterns[role].search(heading):
            problems.append(f"column {letter} ({role}) is headed {heading!r}, not an Arabic {role} heading")
        for other, pattern in patterns.items():
            if other != role and pattern.search(heading):
                problems.append(f"column {letter} ({role}) is headed like a {other} column ({heading!r})")
    for item in layout.items:
        if not arabic.search(item.question) or not item.question.endswith("؟"):
            problems.append(f"row {item.row}: the question is not an Arabic question")
        if item.allowed_answers != ARABIC_CHOICES:
            problems.append(f"row {item.row}: allowed answers {item.allowed_answers} are not the Arabic choices")
    return problems


def _feature_ansi_csv(layout: Layout) -> list[str]:
    problems: list[str] = []
    raw = layout.path.read_bytes()
    if raw.startswith(b"\xef\xbb\xbf"):
        problems.append("a UTF-8 BOM on a Windows-1252 file")
    try:
        raw.decode("utf-8")
        problems.append("the file decodes as UTF-8: it is not Windows-1252 text")
    except UnicodeDecodeError:
        pass
    for character in "“”’–€é":
        if character.encode("cp1252") not in raw:
            problems.append(f"no {character!r} in the file")
    text = raw.decode(layout.encoding or "cp1252")
    if text.count("\n") != text.count("\r\n"):
        problems.append("not every line ends in CRLF")
    if not re.search(r'"[^"\r\n]*,[^"\r\n]*"', text):
        problems.append("no quoted field holding a comma")
    records = list(csv.reader(io.StringIO(text, newline=""), delimiter=layout.delimiter or ",", strict=True))
    sheet = layout.sheets[0]
    heading = records[sheet.header_row - 1][column_index_from_string(_role(sheet, "answer")) - 1]
    for item in layout.items:
        if item.allowed_answers != ["Yes", "No", "N/A"] or item.allowed_answers_source != "header":
            problems.append(f"row {item.row}: allowed answers {item.allowed_answers} "
                            f"({item.allowed_answers_source}), expected the header's Yes/No/N/A")
        elif not all(choice in heading for choice in item.allowed_answers):
            problems.append(f"row {item.row}: the header {heading!r} does not name {item.allowed_answers}")
    return problems


FEATURES: dict[str, Callable[[Layout], list[str]]] = {
    "answer_box_below_question": _feature_answer_below,
    "key_value_form_no_header": _feature_key_value,
    "two_products_side_by_side": _feature_two_products,
    "numeric_ids_two_decimals": _feature_numeric_ids,
    "formula_built_questions": _feature_formulas,
    "xlsm_line_break_headers": _feature_xlsm,
    "questions_after_long_preamble": _feature_preamble,
    "notes_and_hyperlinks": _feature_notes,
    "arabic_right_to_left": _feature_rtl,
    "ansi_csv_header_choices": _feature_ansi_csv,
}


#: What a feature check may raise on a layout it cannot read (reported as a problem, not raised).
FEATURE_ERRORS: tuple[type[Exception], ...] = (KeyError, AttributeError, TypeError, ValueError, IndexError)


def _imported_problems(layout: Layout, views: list[Layout], is_replaced: Callable[[Layout, str], bool]) -> list[str]:
    """The imported checks' complaints about `views` (the layout as they can read it), once each,
    less those `is_replaced(layout, problem)` says this file checks itself."""
    problems: list[str] = []
    for view in views:
        found = (_check_csv(view) + _csv_problems(view)) if view.csv else (_check_xlsx(view) + _xlsx_problems(view))
        for problem in found + _generic_problems(view):
            if not is_replaced(layout, problem) and problem not in problems:
                problems.append(problem)
    return problems


def _feature_problems(layout: Layout, features: dict[str, Callable[[Layout], list[str]]],
                      errors: tuple[type[Exception], ...] = FEATURE_ERRORS) -> list[str]:
    """The layout's own feature check from `features`; one problem when it has none or it raises
    one of `errors`."""
    feature = features.get(layout.name)
    if feature is None:
        return ["no feature check for this layout"]
    try:
        return feature(layout)
    except errors as error:
        return [f"the feature check cannot read the layout ({type(error).__name__}: {error})"]


def _order_problems(layout: Layout, per_row: int, ids_may_repeat: bool = False) -> list[str]:
    """More than `per_row` items on one row, items out of sheet and row order, and (unless
    `ids_may_repeat`) one id on two rows of a sheet."""
    problems: list[str] = []
    if any(len(group) > per_row for group in _rows_of(layout).values()):
        problems.append(f"more than {per_row} item(s) on one row")
    order = {sheet.name: index for index, sheet in enumerate(layout.sheets)}
    keys = [(order.get(item.sheet, -1), item.row) for item in layout.items]
    if keys != sorted(keys):
        problems.append("items are not in sheet and row order")
    if not ids_may_repeat:
        first_row: dict[tuple[str, str], int] = {}
        for item in layout.items:
            if isinstance(item.id, str):
                row = first_row.setdefault((item.sheet, item.id), item.row)
                if row != item.row:
                    problems.append(f"id {item.id!r} on rows {row} and {item.row}")
    return problems


def check_layout(layout: Layout) -> list[str]:
    """Every check of one built layout against its file: the imported ones (on the views they can
    read, less the complaints this file replaces), the headerless column check, the layout's own
    feature check and the order of items and ids."""
    with tempfile.TemporaryDirectory(prefix="quire-heldout6-views-") as scratch:
        problems = _imported_problems(layout, _imported_views(layout, Path(scratch)), _is_replaced)
    problems += _headerless_columns(layout)
    problems += _feature_problems(layout, FEATURES)
    problems += _order_problems(layout, 2 if layout.name in SIDE_BY_SIDE else 1)
    return problems


# --- deliberate mistakes aimed at each layout's feature ---------------------------------------------


def _aimed_mistake(layout: Layout) -> tuple[str, Layout] | None:
    wrong = copy.deepcopy(layout)
    name = layout.name
    if name == "answer_box_below_question":
        for item in wrong.items:
            item.answer_cell = ref(item.sheet, "B", item.row)
        return "answers on the question rows", wrong
    if name == "key_value_form_no_header":
        sheet, row = next(key for key, why in DECOYS[name].items())
        wrong.items.insert(0, ExpectedItem(sheet, row, "Legal entity name", ref(sheet, "B", row), None, section=[]))
        return "a company-detail field taken for an item", wrong
    if name == "two_products_side_by_side":
        wrong.items = [group[0] for group in _rows_of(layout).values()]
        wrong.items = copy.deepcopy(wrong.items)
        return "one item per row (first product only)", wrong
    if name == "numeric_ids_two_decimals":
        for item in wrong.items:
            item.id = str(float(item.id))
        return "ids as stored, not as displayed", wrong
    if name == "formula_built_questions":
        ws = openpyxl.load_workbook(layout.path)[layout.sheets[0].name]
        for item in wrong.items:
            item.question = collapse(str(ws[f"B{item.row}"].value))
        return "questions read as formula text", wrong
    if name == "xlsm_line_break_headers":
        ws = openpyxl.load_workbook(layout.path)["Vendor Review"]
        for item in wrong.items:
            item.comment_cell = ref(item.sheet, "D", item.row)
            item.existing_comment = ws[f"D{item.row}"].value
        return "the Instructions column taken for the comment", wrong
    if name == "questions_after_long_preamble":
        sheet = layout.sheets[0].name
        ws = openpyxl.load_workbook(layout.path)[sheet]
        row = next(r for r in range(1, layout.sheets[0].header_row) if ws[f"A{r}"].value == "Encryption")
        wrong.items.insert(0, ExpectedItem(sheet, row, ws[f"B{row}"].value, ref(sheet, "C", row), "Encryption"))
        return "a definition taken for an item", wrong
    if name == "notes_and_hyperlinks":
        for item in wrong.items:
            item.guidance = None
        return "notes not read as guidance", wrong
    if name == "arabic_right_to_left":
        for item in wrong.items:
            item.allowed_answers = ["Yes", "No", "Partial", "N/A"]
        return "the drop-down values translated", wrong
    if name == "ansi_csv_header_choices":
        for item in wrong.items:
            item.allowed_answers, item.allowed_answers_source = [], None
        return "header choices ignored", wrong
    return None


# --- running the set ----------------------------------------------------------------------------------


#: A later held-out set to compare with: (its number, its ordinal, its builders).
LaterSet = tuple[int, str, list[Callable[[Path], Layout]]]


def _known_texts(folder: Path,
                 later: tuple[LaterSet, ...] = ()) -> tuple[dict[str, tuple[set[str], set[str]]], list[str]]:
    """Sheet names and questions of the tuned layouts, of the five earlier held-out sets and of the
    `later` ones (heldout_layouts7 passes set 6), built quietly, never printed."""
    sets = [(5, "fifth", HELDOUT5_LAYOUTS), *later]
    with contextlib.redirect_stdout(io.StringIO()):
        tuned = _tuned_words(folder / "tuned")
        earlier = _all_earlier(folder / "earlier")
        words = [_words_of(list(builders), folder / f"earlier{n}", f"heldout{n}") for n, _, builders in sets]
    notes = tuned[2] + earlier[2] + [note for got in words for note in got[2]]
    for (n, _, _), got in zip(sets, words):
        if not got[1]:
            notes.append(f"heldout{n}: no questions found to compare")
    known = {
        "a tuned layout": (tuned[0], tuned[1]),
        "an earlier held-out set (1-4)": (earlier[0], earlier[1]),
    }
    for (_, ordinal, _), got in zip(sets, words):
        known[f"the {ordinal} held-out set"] = (got[0], got[1])
    return known, notes


def _one_item_per_row(layout: Layout) -> Layout:
    """For the repeat check: a side-by-side row's two items share their question on purpose."""
    single = copy.copy(layout)
    single.items = [group[0] for group in _rows_of(layout).values()]
    return single


def _run_set(number: int, builders: list[Callable[[Path], Layout]], check: Callable[[Layout], list[str]],
             aimed_mistake: Callable[[Layout], tuple[str, Layout] | None], *, later: tuple[LaterSet, ...] = (),
             formats: tuple[str, ...] = ("xlsx", "xlsm", "csv"), one_item_per_row: bool = True,
             items_per_file: tuple[int, int] | None = None, verbose: bool = True) -> int:
    """The self-check of held-out set `number` (this file's and heldout_layouts7's): writes every
    file of `builders` into a temporary folder, runs `check` on each layout and on its deliberate
    mistakes (the imported `_mutations` and `aimed_mistake`'s), checks its name, format (one of
    `formats`), note and, when given, its item count (`items_per_file`, inclusive), and that its
    questions repeat none of the tuned layouts, the earlier sets or the `later` sets given (with
    `one_item_per_row`, only each row's first item is compared: a side-by-side row's items share
    their question on purpose). Prints a line per layout and a summary; returns the number of
    problems."""
    total = 0
    items_total = tried = caught = 0
    with tempfile.TemporaryDirectory(prefix=f"quire-heldout{number}-") as tmp:
        folder = Path(tmp)
        known, notes = _known_texts(folder / "known", later)
        for note in notes:
            print(f"note: {note}")
        seen: set[str] = set()
        for builder in builders:
            name = builder.__name__
            target = folder / f"set{number}" / name
            target.mkdir(parents=True)
            try:
                layout = builder(target)
            except Exception as error:  # noqa: BLE001
                print(f"{name}: FAIL, the builder raised {type(error).__name__}: {error}")
                total += 1
                continue
            problems = check(layout)
            if layout.name != name:
                problems.append(f"the layout calls itself {layout.name!r}")
            suffix = layout.path.suffix.lstrip(".")
            if layout.format != suffix or layout.format not in formats or layout.csv != (suffix == "csv"):
                problems.append(f"format {layout.format!r} (csv={layout.csv}) does not match {layout.path.name}")
            if not layout.note:
                problems.append("the layout states no note")
            if items_per_file is not None and not items_per_file[0] <= len(layout.items) <= items_per_file[1]:
                problems.append(f"{len(layout.items)} items; this set wants {items_per_file[0]}-{items_per_file[1]} "
                                "per file")
            single = _one_item_per_row(layout) if one_item_per_row else layout
            problems += _overlap_problems(single, known, seen)
            seen |= {collapse(item.question) for item in single.items}
            mistakes = _mutations(layout)
            aimed = aimed_mistake(layout)
            if aimed is None:
                problems.append("no deliberate mistake aimed at this layout's feature")
            else:
                mistakes.append(aimed)
            for label, wrong in mistakes:
                tried += 1
                if check(wrong):
                    caught += 1
                else:
                    problems.append(f"self-check blind spot: a layout with the mistake '{label}' passes")
            items_total += len(layout.items)
            total += len(problems)
            if verbose or problems:
                print(f"{name}: {layout.format}, {len(layout.items)} items, {'ok' if not problems else f'FAIL ({len(problems)})'}")
            for problem in problems:
                print(f"    {problem}")
        if len({builder.__name__ for builder in builders}) != len(builders):
            print("two builders share a name")
            total += 1
        print(f"deliberate mistakes caught: {caught}/{tried}")
        print(f"self-check: {len(builders)} held-out layouts (set {number}), {items_total} items, {total} problem(s)")
    return total


def self_check(verbose: bool = True) -> int:
    """Writes every file of this set into a temporary folder and checks its expectations; returns the
    number of problems (0 when every layout is described by its expectations, every deliberate
    mistake is caught and nothing repeats an earlier set)."""
    return _run_set(6, HELDOUT6_LAYOUTS, check_layout, _aimed_mistake, verbose=verbose)

if __name__ == "__main__":
    sys.exit(1 if self_check() else 0)
