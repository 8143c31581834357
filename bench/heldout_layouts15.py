#!/usr/bin/env python3
"""Fifteenth held-out set of synthetic questionnaires for `bench/layout_bench.py`: what a cell holds
against what it shows.

Written on 2026-12-07 by a helper that did not see the detector's code, its tests, its documentation
or the bench's README, did not read the git history and did not run the tool. It saw only: most of
bench/heldout_layouts14.py (the model for this file: its docstring, imports, the builders of its first
six layouts, its registry and its whole self-check; about 125 lines of its last two builders were not
printed) and most of bench/heldout_layouts13.py (its docstring, its first four builders, its last
builder, its registry and its self-check, whose helpers `_band_rows` and `_header_problems` this file
imports; about 180 lines around its fifth builder were not printed); the helper functions this file
imports from the earlier sets, with what was printed around them: bench/heldout_layouts.py: its module
docstring, its top (imports, styles, `MarkItem`, `head` ... `save`) and everything from `collapse` to
the end (`split_ref`, `_resolve_list`, `_validations_over`, `_hidden_by_merge`, `_check_xlsx`,
`_check_csv`, `_tuned_words`, `_near_duplicate`, `self_check`); bench/heldout_layouts4.py: its module
docstring, imports, style helpers and `expect`, `ROLE_HEADINGS` ... `_csv_problems`, `_shift` ...
`_earlier_sets`; bench/heldout_layouts5.py: the first lines of its docstring, `_sheet_part`,
`X14_LAYOUTS` ... `_load`, `_all_earlier`, `_overlap_problems`; bench/heldout_layouts6.py: its module
docstring, imports and small constants (lines 1-225), `_excel_formula`, `_general` and
`_write_cached_values`, and its self-check machinery (`SIDE_BY_SIDE` ... `_solid`, `FEATURES` ... the
end); listings of the top-level names of sets 1, 4, 5 and 6 (which show their builders' names); the
types and small helpers at the top of Tests/oracle/questionnaire_layouts.py up to its first builder
(and a listing of its top-level names); a grep for `OneOf` (which printed that class's fifteen lines in
Tests/oracle/questionnaire_layouts_wild.py; this file does not use it); the module docstring of
bench/layout_bench.py (lines 1-140); and the part of xlsxwriter's own worksheet.py that writes a
formula's cached value; and, after the set was finished, `git status --short`, which named
modified files under Sources/, Schemas/ and Tests/ whose contents were not opened. Nothing is copied
from a real or published template or product: every sheet, heading, question, answer list and company
name was written for this set.

Questionnaires come back partly filled (last year's answers, a colleague's draft), and what a cell
STORES is often not what Excel SHOWS. The eight files cover that, one main feature each, with drop-downs,
comment and evidence columns and band rows mixed in:

- typed_values_existing_answers: a credit union's member-banking-app questionnaire whose one "Response"
  column answers Yes/No rows (drop-down), date rows, percentage rows and number rows (a customer column
  "Format" says which), ten of its fourteen rows already answered with values of other types: booleans
  (TRUE/FALSE cells, `t="b"`, pasted over the Yes/No drop-down from a checklist tool), a date formatted
  `d mmm yyyy` (shown "14 Mar 2026"), percentages (0.62 formatted `0%` shown "62%", 0.993 formatted
  `0.0%` shown "99.3%") and whole numbers formatted `#,##0` (48250 shown "48,250", 1250000 shown
  "1,250,000"); one comment holds a line break;
- yes_no_number_format: a leisure trust's pool-booking-system questionnaire, migrated from a scoring
  template that kept answers as 1 and 0: every answer cell still carries the custom number format
  `"Yes";;"No"` (1 shows "Yes", 0 shows "No", text shows as typed) beside the new Yes/No/N/A drop-down;
  three old answers are stored 1, 0, 1 and two new ones as the texts "N/A" and "Yes"; the ids are texts
  that look like numbers, typed with a leading apostrophe ("01.1" ..., quotePrefix style);
- formatted_and_formula_ids: a property manager's tenant-portal questionnaire written by xlsxwriter on
  three sheets whose ids are not what they store: numbers 1.1 ... 2.3 formatted `0.00` (shown "1.10" ...
  "2.30"), numbers 7 ... 11 formatted `"Q-"000` (shown "Q-007" ... "Q-011", from the sender's question
  bank), and formulas `="AC-"&TEXT(ROW()-4,"00")` whose cached results ("AC-01" ...) xlsxwriter writes;
- formula_built_questions_shared: a community-energy co-operative's meter-data questionnaire whose
  questions are built by formulas joining a "Stem" column and a "Detail" column (grey builder columns
  F and G, right of the table): B6:B13 one SHARED formula (`<f t="shared" ref="B6:B13" si="1">F6&" "&G6`
  then `<f t="shared" si="1"/>`), B14:B17 `CONCATENATE(F14," ",G14)` each; the ids are the shared formula
  `ROW()-5` (A6:A17, si="0"); every cached value is written into the sheet XML (t="str" for texts), which
  openpyxl cannot do, so the saved file is patched with zipfile;
- csv_excel_text_fields: an auction house's online-bidding questionnaire as a CSV whose ids are written
  the Excel way to keep their leading zeros, as unquoted `="007"` fields, as is one existing answer
  (`="4"`); comma, UTF-8 without BOM, CRLF, section records;
- whitespace_in_headings_and_lists: an optician chain's practice-system and imaging-archive workbook
  whose headings carry non-breaking spaces ("Ref No.", "Supplier Response"), zero-width spaces (one
  after "Supplier Response", one before "Supplier comments"), line breaks ("Vendor\\nResponse") and a
  trailing space; whose drop-down list (on a visible "Choice Values" sheet) holds values with trailing
  spaces ("Yes ", "Partially "); and whose questions carry tabs, non-breaking spaces and leading and
  trailing spaces;
- existing_comments_last_year_left: a harbour authority's berth-system annual review whose column
  "2025 response (for reference)", LEFT of "Response", holds last year's answers on every row (grey, no
  drop-down); "Response" holds a colleague's draft on three rows; "Comments" is filled on seven rows
  (four with line breaks) and "Evidence reference" on five; the ids are texts "001" ... typed with an
  apostrophe;
- hidden_values_and_error_helper: a courier's parcel-tracking questionnaire (xlsxwriter) whose sender
  "cleared" last year's answers by formatting the filled answer cells (and one comment) `;;;`, so they
  show nothing while still holding "Yes", "No", "Partially"; two answers typed this year show normally;
  and whose "Mapped control" helper column (between the question and the answer) holds VLOOKUP formulas
  into a visible "Framework Map" sheet, four of them cached as the error `#N/A` (`t="e"`).

The runner's overlap check made three changes while the set was written: the list sheet first named
"Answer Choices" (a sheet name of set 12) is "Choice Values"; a certificate-renewal question too close to
one of set 5 and a hosting-provider question too close to one of set 14 were rewritten.

Expectations follow the conventions stated in bench/heldout_layouts.py and sets 4 to 14:

- an item is a row holding a question (or a requirement to respond to) whose answer goes in a cell;
  titles, instructions, section rows, notes under the table and builder or helper columns are not items;
- ids are the questionnaire's own, AS DISPLAYED (a number 3 is "3");
- answer, comment and evidence cells are absolute references on the item's row (for a CSV the sheet
  name is the file's stem; only the `$D$5` part is compared); allowed answers are the drop-down's values
  in order, exactly as written (source "validation"); free text has [] and source None; a CSV has no
  drop-downs;
- `question` is the text the question cell shows (a formula's cached result), collapsed (`collapse`: tabs,
  line breaks and non-breaking spaces become single spaces, ends trimmed);
- `section` is the path of band rows, outermost first, [] where the sheet has none;
- `guidance` is None (no sheet of this set has a guidance column);
- a customer's own column (a format hint, a weight, last year's answers, a builder or a mapping column)
  has no role.

Conventions this set had to decide (each layout's `note` repeats its own):

- EXISTING ANSWERS AND COMMENTS ARE WHAT EXCEL DISPLAYS, in the English (United Kingdom) locale the
  files are written for: a boolean cell is "TRUE" or "FALSE" (Excel's own words for it, not translated
  to Yes/No even under a Yes/No drop-down: the cell does not hold a drop-down value, and the respondent
  sees TRUE); a date is shown through its format (2026-03-14 formatted `d mmm yyyy` is "14 Mar 2026");
  a percentage through its format (0.62 with `0%` is "62%", 0.993 with `0.0%` is "99.3%"); a number
  with a thousands separator as shown ("1,250,000"); a 1 or 0 under `"Yes";;"No"` is "Yes" or "No",
  while a text under that format shows as typed ("N/A"); an existing comment is its text as written,
  line breaks kept (not collapsed: only questions are collapsed);
- a cell whose number format shows NOTHING (`;;;`) holds no existing answer or comment (None): the
  respondent sees an empty cell to fill, the instructions say last year's answers were cleared, and
  what the format hides is last year's leftover, not an answer given to this questionnaire. The cell
  is still the item's answer (or comment) cell;
- ids as displayed through number formats and formulas: 1.1 formatted `0.00` is "1.10" (however odd it
  looks: that is what every reader of the sheet cites), 7 formatted `"Q-"000` is "Q-007", a formula's
  cached result is the id ("AC-01"; `ROW()-5` cached 1 is "1"); a text id typed with an apostrophe
  keeps its leading zeros ("01.1", "001": the apostrophe is not part of the text);
- a question built by a formula is its cached result as shown; the stem and detail cells it joins are
  builder columns with no role (neither the detail nor the stem is the question), whether the formula
  is a shared formula, `&` or CONCATENATE;
- a CSV field written `="007"` is Excel's idiom for a text that keeps its leading zeros: Excel shows
  007, so the id is "007" (and an answer field `="4"` is the existing answer "4"); every other field is
  read as written;
- whitespace: headings are read with non-breaking spaces as spaces, zero-width spaces as nothing and
  line breaks as spaces (they name the same roles as their plain forms); questions are collapsed as
  always; a drop-down's values are kept EXACTLY as written, trailing spaces included ("Yes ",
  "Partially "), because the cell must hold that exact text to satisfy the validation;
- a column of last year's answers labelled with the year ("2025 response (for reference)") LEFT of a
  plain "Response" column has no role: the answer column is "Response" (this year's, with the
  drop-down), its texts are the existing answers, and last year's texts are never the existing answer;
- a helper column of lookup formulas, some cached as `#N/A`, has no role; an error value is nobody's
  answer, comment or question.

Run `python bench/heldout_layouts15.py` (arguments are ignored) to write every file into a temporary
folder and check, with openpyxl, zipfile, ElementTree and the csv module alone (the imported checks of
bench/heldout_layouts.py, heldout_layouts4.py and heldout_layouts5.py through heldout_layouts6's
`_run_set`, plus one check per layout of its feature, which reads the written file back and works out
what Excel displays), that the expectations describe the files, that deliberate mistakes (the
imported ones and one per layout aimed at its feature) are caught, and that no sheet name or question
repeats (or nearly repeats) one of the tuned layouts or of the fourteen earlier held-out sets.

Where the imported checks cannot see a display-versus-storage feature, this file says so and checks it
itself (`_views`, `REPLACED`, `DECOYS15`):
- they compare an answer, comment or id cell's STORED value with the expectation, so they are shown
  each item with the stored value wherever the expectation is the displayed one (True for "TRUE", a
  datetime for "14 Mar 2026", 0.62 for "62%", 1 for "Yes", "1.1" for "1.10", the hidden "Yes" behind
  `;;;` for None, the raw CSV field `="007"` for "007"); the feature checks compare every item with
  what the file displays (`_shows`), so a layout stating stored values is caught there;
- they read formulas, not cached values, so the two layouts with formula ids or questions are shown to
  them as a values-only copy (openpyxl's data_only reading, saved); the feature checks read the sheet
  XML for the shared formulas and cached values;
- rows registered in `DECOYS15` (notes under tables) are not complained about as rows that read like
  items; the feature checks check them; `REPLACED` is empty (kept for the same shape as set 14).
"""

from __future__ import annotations

import copy
import csv
import io
import re
import sys
import tempfile
import xml.etree.ElementTree as ET
import zipfile
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
from openpyxl.utils.cell import column_index_from_string  # noqa: E402

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
from heldout_layouts5 import _sheet_part  # noqa: E402
from heldout_layouts6 import (  # noqa: E402
    FEATURE_ERRORS,
    HELDOUT6_LAYOUTS,
    _feature_problems,
    _general,
    _imported_problems,
    _order_problems,
    _run_set,
)
from heldout_layouts7 import HELDOUT7_LAYOUTS  # noqa: E402
from heldout_layouts8 import HELDOUT8_LAYOUTS  # noqa: E402
from heldout_layouts9 import HELDOUT9_LAYOUTS  # noqa: E402
from heldout_layouts10 import HELDOUT10_LAYOUTS  # noqa: E402
from heldout_layouts11 import HELDOUT11_LAYOUTS  # noqa: E402
from heldout_layouts12 import HELDOUT12_LAYOUTS  # noqa: E402
from heldout_layouts13 import HELDOUT13_LAYOUTS, _band_rows, _header_problems  # noqa: E402
from heldout_layouts14 import HELDOUT14_LAYOUTS  # noqa: E402
from questionnaire_layouts import ExpectedItem, ExpectedSheet, Layout, list_validation, ref  # noqa: E402

# --- this set's answer lists, formats and looks ------------------------------------------------------

CU_CHOICES = ["Yes", "No", "N/A"]
POOL_CHOICES = ["Yes", "No", "N/A"]
PORTAL_CHOICES = ["Yes", "No", "Partly", "N/A"]
METER_CHOICES = ["Yes", "No", "Partial", "N/A"]
OPTIC_CHOICES = ["Yes ", "No", "Partially ", "Not applicable"]
HARBOUR_CHOICES = ["Yes", "No", "Partly", "N/A"]
COURIER_CHOICES = ["Yes", "No", "Partially", "N/A"]

YES_NO_FORMAT = '"Yes";;"No"'
HIDDEN_FORMAT = ";;;"
Q_FORMAT = '"Q-"000'

GREY = PatternFill("solid", fgColor="D9D9D9")
GREY_FONT = Font(name="Verdana", size=9, color="595959")

#: Rows that are not items but that a reader could take for one: layout -> {(sheet, row): what it is}.
#: Filled by the builders (the files are the same each time).
DECOYS15: dict[str, dict[tuple[str, int], str]] = {}


def _decoy(layout_name: str, sheet: str, row: int, what: str) -> None:
    DECOYS15.setdefault(layout_name, {})[(sheet, row)] = what


# --- what Excel shows -------------------------------------------------------------------------------


def _shows(value: Any, number_format: str | None = "General") -> str | None:
    """A cell's value as Excel (English, United Kingdom) displays it, for the number formats this set uses;
    None for an empty cell, "" for a value the format hides. Raises ValueError for any other format, so a
    file that changed is noticed."""
    if value is None:
        return None
    fmt = number_format or "General"
    if fmt == HIDDEN_FORMAT:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, datetime):
        if fmt == "d mmm yyyy":
            return f"{value.day} {value:%b %Y}"
        if fmt == "dd/mm/yyyy":
            return f"{value:%d/%m/%Y}"
        raise ValueError(f"unexpected date format {fmt!r}")
    if isinstance(value, (int, float)):
        if fmt == "General":
            return _general(value)
        if fmt == "0.00":
            return f"{value:.2f}"
        if fmt == "0%":
            return f"{value * 100:.0f}%"
        if fmt == "0.0%":
            return f"{value * 100:.1f}%"
        if fmt == "0.00%":
            return f"{value * 100:.2f}%"
        if fmt == "#,##0":
            return f"{value:,.0f}"
        if fmt == Q_FORMAT:
            return f"Q-{value:03.0f}"
        if fmt == YES_NO_FORMAT:
            return "Yes" if value > 0 else ("No" if value == 0 else "")
        raise ValueError(f"unexpected number format {fmt!r}")
    return str(value)  # a text: the formats used here have no text section, so it shows as typed


def _existing(cell: Any) -> str | None:
    """The existing answer or comment a cell holds as displayed: None when it shows nothing."""
    shown = _shows(cell.value, cell.number_format)
    return shown if shown else None


def _csv_shows(field: str) -> str:
    """A CSV field as Excel shows it: `="007"` (Excel's text-formula idiom) is 007, anything else as written."""
    match = re.fullmatch(r'="((?:[^"]|"")*)"', field)
    return match.group(1).replace('""', '"') if match else field


# --- 1. answers already given as booleans, dates, percentages and numbers ------------------------------

CU_SHEET = "Member App Assurance"
CU_HEADER = {"A": "Ref", "B": "Question", "C": "Format", "D": "Response", "E": "Comments"}
CU_ROLES = {"A": "id", "B": "question", "D": "answer", "E": "comment"}
CU_HEADER_ROW = 4
#: kind -> (the customer's Format text, the answer cell's number format, the drop-down's values or None)
CU_KINDS: dict[str, tuple[str, str, list[str] | None]] = {
    "yesno": ("Yes / No", "General", CU_CHOICES),
    "date": ("Date", "d mmm yyyy", None),
    "pct0": ("Percentage", "0%", None),
    "pct1": ("Percentage", "0.0%", None),
    "pct2": ("Percentage", "0.00%", None),
    "number": ("Number", "#,##0", None),
}
CU_NOTE = "Percentages, dates and numbers are formatted for you: type 97% or 0.97, a date as 14/03/2026."
#: (section, [(ref, question, kind, value as stored, existing comment)])
CU_SECTIONS: list[tuple[str, list[tuple[str, str, str, Any, str | None]]]] = [
    ("1. Accounts and access", [
        ("1.1", "Must members confirm every new payee with a one-time passcode sent to their registered phone?",
         "yesno", True, None),
        ("1.2", "Is a member's app session ended automatically after ten minutes without activity?", "yesno", False,
         "Sessions end after fifteen minutes today.\nTen minutes from the June release."),
        ("1.3", "Are staff logins to the back-office console accepted only from the credit union's branch "
                "network?", "yesno", "Yes", None),
        ("1.4", "What percentage of member accounts have turned on biometric sign-in?", "pct0", 0.62, None),
        ("1.5", "How many privileged administrator accounts exist on the banking platform today?", "number", None,
         None),
    ]),
    ("2. Testing and recovery", [
        ("2.1", "Date of the most recent independent penetration test of the member app", "date",
         datetime(2026, 3, 14), "Carried out by an outside testing firm; summary available under NDA."),
        ("2.2", "Were all critical findings of that test fixed before the next app release went live?", "yesno",
         True, None),
        ("2.3", "Date on which a full restore of the core ledger from backup was last rehearsed", "date", None,
         None),
        ("2.4", "What share of last quarter's app releases passed automated security scanning with no "
                "high-severity findings?", "pct1", 0.993, None),
        ("2.5", "Is the disaster recovery site at least fifty miles from the primary data centre?", "yesno", None,
         None),
    ]),
    ("3. Scale and coverage", [
        ("3.1", "How many member records does the platform hold in total, closed accounts included?", "number",
         48250, None),
        ("3.2", "How many card payment authorisations did the platform process last month?", "number", 1250000,
         "Figure for February 2026."),
        ("3.3", "Are the fraud-detection rules reviewed by the credit union's risk committee at least twice a "
                "year?", "yesno", False, "Reviewed once a year by the board at present."),
        ("3.4", "What average monthly availability did the member app achieve over the past twelve months?", "pct2",
         None, None),
    ]),
]


def typed_values_existing_answers(folder: Path) -> Layout:
    name = "typed_values_existing_answers"
    wb = Workbook()
    ws = wb.active
    ws.title = CU_SHEET
    caption(ws, "A1", "Corriemoor Credit Union – Member Banking App: Supplier Assurance Questionnaire (2026 refresh)",
            "A1:E1")
    small_print(ws, "A2", "Some answers were carried over from our checklist tool. Check each one, answer the rest in "
                          "the Response column in the format shown in column C, and explain in Comments.", "A2:E2")
    heading_row(ws, CU_HEADER_ROW, CU_HEADER, paint="slate")
    items: list[ExpectedItem] = []
    list_cells: list[str] = []
    row = CU_HEADER_ROW
    for section, questions in CU_SECTIONS:
        row += 1
        band_row(ws, row, section, "A", "E", paint="mist")
        for id_, question, kind, stored, remark in questions:
            row += 1
            label, number_format, choices = CU_KINDS[kind]
            body_row(ws, row, {"A": id_, "B": question, "C": label, "D": stored, "E": remark}, "ABCDE")
            cell = ws[f"D{row}"]
            cell.number_format = number_format
            cell.alignment = MIDDLE
            cell.fill = PAINT["input"]
            ws[f"C{row}"].font = GREY_FONT
            if choices:
                list_cells.append(f"D{row}")
            items.append(expect(CU_SHEET, row, question, "D", id_, comment="E", allowed=choices,
                                existing=_existing(cell), existing_comment=remark, section=[section]))
    list_validation(ws, CU_CHOICES, *list_cells)
    row += 2
    small_print(ws, f"A{row}", CU_NOTE, f"A{row}:E{row}")
    _decoy(name, CU_SHEET, row, "a note on typing numbers and dates")
    col_widths(ws, A=7, B=70, C=13, D=16, E=42)
    ws.freeze_panes = f"A{CU_HEADER_ROW + 1}"
    path = store(wb, folder, "Corriemoor_member_app_assurance_2026.xlsx")
    return Layout(
        name=name,
        path=path,
        format="xlsx",
        sheets=[sheet_of(CU_SHEET, CU_HEADER_ROW, dict(CU_ROLES))],
        items=items,
        note="Header on row 4: 'Ref' (id A, '1.1' ...), 'Question' (B), 'Format' (C, the customer's hint: Yes / No, "
             "Date, Percentage, Number; no role), 'Response' (answer D), 'Comments' (comment E); three band rows "
             "(section [band text]). Items: all 14 rows. Yes/No rows carry a Yes/No/N/A drop-down (source validation);"
             " date, percentage and number rows are free text ([] and None). Ten rows already answered, most with "
             "values of other types. CONVENTION: the existing answer is what Excel displays: booleans TRUE/FALSE "
             "(pasted over the drop-down) are 'TRUE'/'FALSE'; 2026-03-14 formatted 'd mmm yyyy' is '14 Mar 2026'; "
             "0.62 formatted '0%' is '62%', 0.993 formatted '0.0%' is '99.3%'; 48250 and 1250000 formatted '#,##0' "
             "are '48,250' and '1,250,000'. Existing comments as written (one has a line break). The note under "
             "the table is not an item.",
    )


# --- 2. answers kept as 1 and 0 under a "Yes";;"No" number format ----------------------------------------

POOL_SHEET = "Booking System Review"
POOL_HEADER = {"A": "Ref", "B": "Question", "C": "Supplier response", "D": "Weight", "E": "Supplier notes"}
POOL_ROLES = {"A": "id", "B": "question", "C": "answer", "E": "comment"}
POOL_HEADER_ROW = 5
#: (section, [(ref typed with an apostrophe, question, weight, answer as stored, existing note)])
POOL_SECTIONS: list[tuple[str, list[tuple[str, str, int, Any, str | None]]]] = [
    ("01 Customer accounts", [
        ("01.1", "Can swimmers open an account without giving more than their name, e-mail address and date of "
                 "birth?", 2, None, None),
        ("01.2", "Are a parent's and a child's accounts linked so that only the parent can book lessons for the "
                 "child?", 3, 1, None),
        ("01.3", "Is an account locked after repeated wrong passwords, with a reset link sent to the account's "
                 "e-mail address?", 2, None, None),
        ("01.4", "Are the photos printed on membership cards deleted when the membership ends?", 1, 0,
         "Photos are kept until the member asks for removal."),
    ]),
    ("02 Payments and bookings", [
        ("02.1", "Are card payments handed to a PCI DSS certified provider without the booking system storing card "
                 "numbers?", 3, None, None),
        ("02.2", "Can leisure-centre staff issue refunds only up to a limit set by the trust's finance team?", 2,
         None, None),
        ("02.3", "Is every change to class prices and timetables logged with the name of the staff member who made "
                 "it?", 1, 1, None),
        ("02.4", "Are direct debit mandates held by your payment bureau rather than in the booking database?", 2,
         None, None),
    ]),
    ("03 Operations", [
        ("03.1", "Do the poolside turnstiles keep admitting members with valid passes if the booking system cannot "
                 "be reached?", 3, "N/A", "The trust's turnstiles are supplied and run by another company."),
        ("03.2", "Will the trust's data be exported in a usable format at no charge when the contract ends?", 2,
         "Yes", None),
        ("03.3", "Is there a tested plan for restoring bookings if the database is damaged during the January "
                 "membership rush?", 2, None, None),
        ("03.4", "Must your support staff get the trust's approval before they open a customer's account?", 1,
         None, None),
    ]),
]


def yes_no_number_format(folder: Path) -> Layout:
    wb = Workbook()
    ws = wb.active
    ws.title = POOL_SHEET
    caption(ws, "A1", "Brightwater Leisure Trust – Pool and Class Booking System: Supplier Review", "A1:E1")
    small_print(ws, "A2", "This review replaces last year's scored return. Answers kept from it were recorded as 1 "
                          "(Yes) and 0 (No); choose from the list in column C for every answer you give or change.",
                "A2:E2")
    small_print(ws, "A3", "Weights are the trust's own and are not to be changed.", "A3:E3")
    heading_row(ws, POOL_HEADER_ROW, POOL_HEADER, paint="moss")
    items: list[ExpectedItem] = []
    cells: list[str] = []
    row = POOL_HEADER_ROW
    for section, questions in POOL_SECTIONS:
        row += 1
        band_row(ws, row, section, "A", "E", paint="straw")
        for id_, question, weight, stored, remark in questions:
            row += 1
            body_row(ws, row, {"A": id_, "B": question, "C": stored, "D": weight, "E": remark}, "ABCDE")
            ws[f"A{row}"].quotePrefix = True
            cell = ws[f"C{row}"]
            cell.number_format = YES_NO_FORMAT
            cell.alignment = MIDDLE
            cell.fill = PAINT["input"]
            ws[f"D{row}"].alignment = MIDDLE
            cells.append(f"C{row}")
            items.append(expect(POOL_SHEET, row, question, "C", id_, comment="E", allowed=POOL_CHOICES,
                                existing=_existing(cell), existing_comment=remark, section=[section]))
    list_validation(ws, POOL_CHOICES, *cells)
    col_widths(ws, A=8, B=72, C=18, D=9, E=42)
    ws.freeze_panes = f"A{POOL_HEADER_ROW + 1}"
    path = store(wb, folder, "Brightwater_booking_system_supplier_review.xlsx")
    return Layout(
        name="yes_no_number_format",
        path=path,
        format="xlsx",
        sheets=[sheet_of(POOL_SHEET, POOL_HEADER_ROW, dict(POOL_ROLES))],
        items=items,
        note="Header on row 5: 'Ref' (id A), 'Question' (B), 'Supplier response' (answer C, drop-down Yes/No/N/A, "
             "source validation), 'Weight' (D, the trust's numbers; no role), 'Supplier notes' (comment E); three "
             "band rows (section [band text]). Items: all 12 rows. Every answer cell carries the custom number "
             "format '\"Yes\";;\"No\"' left from a 1/0 scoring template. CONVENTION: the existing answer is what "
             "Excel displays: a stored 1 is 'Yes', a stored 0 is 'No', a text ('N/A', 'Yes') shows as typed. Five "
             "rows already answered (1, 0, 1, 'N/A', 'Yes'). Ids are texts typed with a leading apostrophe "
             "('01.1' ... quotePrefix), kept with their leading zero.",
    )


# --- 3. ids shown through number formats, and ids computed by formulas (xlsxwriter) ------------------------

PORTAL_FILE = "LumenLane_tenant_portal_supplier_questionnaire.xlsx"
PORTAL_SHEETS = ["Portal Hosting", "Tenant Support", "Access Reviews"]
#: sheet -> (header row, headings)
PORTAL_HEADERS: dict[str, tuple[int, dict[str, str]]] = {
    "Portal Hosting": (4, {"A": "No.", "B": "Question", "C": "Answer", "D": "Comments"}),
    "Tenant Support": (5, {"A": "Q ref", "B": "Question", "C": "Answer", "D": "Comments"}),
    "Access Reviews": (4, {"A": "Control ID", "B": "Question", "C": "Answer", "D": "Comments"}),
}
PORTAL_ROLES = {"A": "id", "B": "question", "C": "answer", "D": "comment"}
PORTAL_AC_FORMULA = '="AC-"&TEXT(ROW()-4,"00")'
#: Portal Hosting: (section, [(id stored as a number, question, existing answer, existing comment)])
PORTAL_HOSTING: list[tuple[str, list[tuple[float, str, str | None, str | None]]]] = [
    ("1 Hosting and network", [
        (1.1, "Is the tenant portal hosted in a data centre whose ISO 27001 certificate covers the services it "
              "provides to you?", None, None),
        (1.2, "Are the portal's web servers placed behind a web application firewall that blocks common injection "
              "attacks?", "Yes", None),
        (1.3, "Is administrative access to the hosting environment possible only through a bastion host with its "
              "own sign-in?", None, None),
        (1.4, "Is an alert raised to your on-call engineer when the portal's certificate is within a fortnight of "
              "expiring?", None, None),
    ]),
    ("2 Tenant data", [
        (2.1, "Are copies of applicants' identity documents deleted once their tenancy application has been "
              "decided?", None, None),
        (2.2, "Can a tenant see the full history of repair requests and messages linked to their own tenancy?",
         None, None),
        (2.3, "Are landlords' bank details for rent payments visible only to the accounts team of Lumen Lane?", None,
         None),
    ]),
]
#: Tenant Support: (id stored as a number, question, existing answer, existing comment)
PORTAL_SUPPORT: list[tuple[int, str, str | None, str | None]] = [
    (7, "Are the people staffing the tenant support line trained to recognise callers impersonating a tenant?",
     None, None),
    (8, "Do support agents confirm a caller's identity with at least two facts before discussing a tenancy?", None,
     None),
    (9, "Are recordings of support calls deleted after the period stated in your privacy notice?", None, None),
    (10, "Can support agents reset a tenant's portal password without the tenant being notified?", "No", None),
    (11, "Does your ticketing system reach the portal through an account that can read only the data it needs?",
     None, None),
]
#: Access Reviews: (question, existing answer, existing comment); ids are ="AC-"&TEXT(ROW()-4,"00")
PORTAL_ACCESS: list[tuple[str, str | None, str | None]] = [
    ("Are the portal accounts of Lumen Lane staff reviewed by their line managers every quarter?", None, None),
    ("Are portal accounts that have not signed in for ninety days disabled automatically?", None, None),
    ("Is each letting agent's account limited to the properties that agent manages?", None, None),
    ("Are changes to a portal user's role recorded with the name of whoever approved them?", "Partly",
     "Approver names are recorded for landlord accounts; staff role changes are logged without them."),
    ("Do you send Lumen Lane a list of your own staff with access to the portal at least twice a year?", None,
     None),
]


def formatted_and_formula_ids(folder: Path) -> Layout:
    import xlsxwriter

    path = folder / PORTAL_FILE
    wb = xlsxwriter.Workbook(str(path))
    title = wb.add_format({"bold": True, "font_size": 13, "font_color": "#203864"})
    small = wb.add_format({"italic": True, "font_size": 9, "font_color": "#595959", "text_wrap": True})
    head = wb.add_format({"bold": True, "font_color": "#FFFFFF", "bg_color": "#2F5597", "border": 1,
                          "align": "center", "valign": "vcenter", "text_wrap": True})
    band = wb.add_format({"bold": True, "bg_color": "#E2EFDA", "border": 1})
    wrap = wb.add_format({"text_wrap": True, "valign": "top", "border": 1})
    answer = wb.add_format({"bg_color": "#FFF9E5", "border": 1, "align": "center", "valign": "top"})
    id_two = wb.add_format({"num_format": "0.00", "border": 1, "valign": "top", "align": "left"})
    id_q = wb.add_format({"num_format": Q_FORMAT, "border": 1, "valign": "top", "align": "left"})
    id_text = wb.add_format({"border": 1, "valign": "top"})
    items: list[ExpectedItem] = []

    def table(ws: Any, sheet: str, heading: str, intro: str) -> int:
        header_row, headings = PORTAL_HEADERS[sheet]
        ws.write(0, 0, heading, title)
        ws.merge_range(1, 0, 1, 3, intro, small)
        for letter, text in headings.items():
            ws.write(f"{letter}{header_row}", text, head)
        ws.set_column("A:A", 11)
        ws.set_column("B:B", 72)
        ws.set_column("C:C", 12)
        ws.set_column("D:D", 42)
        ws.freeze_panes(header_row, 0)
        return header_row

    def answer_cells(ws: Any, row: int, existing: str | None, remark: str | None) -> None:
        ws.write(row - 1, 2, existing, answer) if existing else ws.write_blank(row - 1, 2, None, answer)
        ws.write(row - 1, 3, remark, wrap) if remark else ws.write_blank(row - 1, 3, None, wrap)

    def drop_down(ws: Any, cells: list[str]) -> None:
        ws.data_validation(cells[0], {"validate": "list", "source": list(PORTAL_CHOICES), "multi_range": " ".join(cells)})

    # Portal Hosting: numbers formatted 0.00
    sheet = PORTAL_SHEETS[0]
    ws = wb.add_worksheet(sheet)
    row = table(ws, sheet, "Lumen Lane Property Management – Tenant Portal: Supplier Questionnaire, Part 1",
                "Answer from the list in column C; explain anything other than Yes in Comments.")
    cells = []
    for section, questions in PORTAL_HOSTING:
        row += 1
        ws.merge_range(row - 1, 0, row - 1, 3, section, band)
        for number, question, existing, remark in questions:
            row += 1
            ws.write_number(row - 1, 0, number, id_two)
            ws.write(row - 1, 1, question, wrap)
            answer_cells(ws, row, existing, remark)
            cells.append(f"C{row}")
            items.append(expect(sheet, row, question, "C", f"{number:.2f}", comment="D", allowed=PORTAL_CHOICES,
                                existing=existing, existing_comment=remark, section=[section]))
    drop_down(ws, cells)
    # Tenant Support: numbers formatted "Q-"000
    sheet = PORTAL_SHEETS[1]
    ws = wb.add_worksheet(sheet)
    row = table(ws, sheet, "Lumen Lane Property Management – Tenant Portal: Supplier Questionnaire, Part 2",
                "Question numbers are those of our master question bank, so this part does not start at Q-001.")
    cells = []
    for number, question, existing, remark in PORTAL_SUPPORT:
        row += 1
        ws.write_number(row - 1, 0, number, id_q)
        ws.write(row - 1, 1, question, wrap)
        answer_cells(ws, row, existing, remark)
        cells.append(f"C{row}")
        items.append(expect(sheet, row, question, "C", f"Q-{number:03d}", comment="D", allowed=PORTAL_CHOICES,
                            existing=existing, existing_comment=remark, section=[]))
    drop_down(ws, cells)
    # Access Reviews: ids computed by a formula, cached results written by xlsxwriter
    sheet = PORTAL_SHEETS[2]
    ws = wb.add_worksheet(sheet)
    row = table(ws, sheet, "Lumen Lane Property Management – Tenant Portal: Supplier Questionnaire, Part 3",
                "Control IDs are worked out by the sheet; do not type over them.")
    cells = []
    for question, existing, remark in PORTAL_ACCESS:
        row += 1
        id_ = f"AC-{row - 4:02d}"
        ws.write_formula(row - 1, 0, PORTAL_AC_FORMULA, id_text, id_)
        ws.write(row - 1, 1, question, wrap)
        answer_cells(ws, row, existing, remark)
        cells.append(f"C{row}")
        items.append(expect(sheet, row, question, "C", id_, comment="D", allowed=PORTAL_CHOICES,
                            existing=existing, existing_comment=remark, section=[]))
    drop_down(ws, cells)
    wb.close()
    return Layout(
        name="formatted_and_formula_ids",
        path=path,
        format="xlsx",
        sheets=[sheet_of(s, PORTAL_HEADERS[s][0], dict(PORTAL_ROLES)) for s in PORTAL_SHEETS],
        items=items,
        note="Written by xlsxwriter; three questionnaire sheets with the same roles (id A, question B, answer C with "
             "a Yes/No/Partly/N/A drop-down, source validation, comment D). 'Portal Hosting' (header row 4, two band "
             "rows): ids are NUMBERS 1.1 ... 2.3 formatted '0.00'; 'Tenant Support' (header row 5, no bands): ids "
             "are numbers 7 ... 11 formatted '\"Q-\"000'; 'Access Reviews' (header row 4, no bands): ids are "
             "formulas =\"AC-\"&TEXT(ROW()-4,\"00\") with their cached results. CONVENTION: ids as displayed: "
             "'1.10' ... '2.30', 'Q-007' ... 'Q-011', 'AC-01' ... 'AC-05'. Three rows already answered.",
    )


# --- 4. questions built by formulas from a stem and a detail column, one of them shared ------------------

METER_SHEET = "Meter Data Platform"
METER_HEADER = {"A": "Q#", "B": "Question", "C": "Response", "D": "Comments"}
METER_BUILDER = {"F": "Stem", "G": "Detail"}
METER_ROLES = {"A": "id", "B": "question", "C": "answer", "D": "comment"}
METER_HEADER_ROW = 5
METER_FIRST, METER_SHARED_LAST = 6, 13
#: (stem, detail, existing response, existing comment); the question is stem & " " & detail
METER_ROWS: list[tuple[str, str, str | None, str | None]] = [
    ("Are half-hourly meter readings", "encrypted on their way from the data collector to the platform?", None, None),
    ("Can a member", "see and download every reading the co-operative holds about their home?", "Yes", None),
    ("Does the platform", "keep readings that identify a household apart from the pooled data used for "
                          "forecasting?", None, None),
    ("Are members' choices about sharing readings with researchers", "recorded with the date and the wording they "
                                                                     "agreed to?", None, None),
    ("Is access by your analysts to household-level readings", "approved by the co-operative case by case?", None,
     None),
    ("Does the platform", "reject meter data files that arrive without a valid signature from the data collector?",
     None, None),
    ("Are the tariff and bill calculations", "checked against an independent recalculation before bills go out?",
     "Partial", "Checked each month on a sample of 200 bills, not on every bill."),
    ("Can the co-operative's board members", "view generation and demand dashboards without seeing any member's "
                                             "personal details?", None, None),
    ("Is the solar export data", "kept for no longer than the six years our funders require?", None, None),
    ("Are the API keys issued to the community battery operator", "limited to the sites it manages?", None, None),
    ("Does your team", "rehearse restoring the readings database from backup at least once a quarter?", None, None),
    ("Will you give the co-operative three months' notice", "before you stop supporting a meter model its members "
                                                             "use?", None, None),
]


def _meter_rows() -> list[int]:
    return list(range(METER_FIRST, METER_FIRST + len(METER_ROWS)))


def _patch_cells(path: Path, sheet_name: str, cells: dict[str, tuple[str, Any]]) -> None:
    """Replaces formula cells openpyxl wrote (`<c r=..><f>..</f><v/></c>`) with `(the <f> element as XML, the cached
    value)`, keeping each cell's style: a text cache gets t="str", a number none. The part is re-parsed to prove it
    well-formed."""
    with zipfile.ZipFile(path) as src:
        part = _sheet_part(src, sheet_name)
        entries = [(info, src.read(info.filename)) for info in src.infolist()]
    patched: dict[str, bytes] = {}
    for info, data in entries:
        if info.filename != part:
            continue
        text = data.decode("utf-8")
        for coordinate, (formula_xml, value) in cells.items():
            pattern = re.compile(rf'<c r="{coordinate}"(?P<attrs>[^>]*)><f>.*?</f><v\s*/></c>')
            match = pattern.search(text)
            if match is None:
                raise ValueError(f"{coordinate}: no formula cell with an empty cached value")
            attrs = re.sub(r'\s+t="[^"]*"', "", match.group("attrs"))
            kind = ' t="str"' if isinstance(value, str) else ""
            cached = escape(value) if isinstance(value, str) else repr(value)
            text = text[: match.start()] + f'<c r="{coordinate}"{attrs}{kind}>{formula_xml}<v>{cached}</v></c>' \
                + text[match.end():]
        ET.fromstring(text)
        patched[part] = text.encode("utf-8")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as dst:
        for info, data in entries:
            dst.writestr(info, patched.get(info.filename, data))


def formula_built_questions_shared(folder: Path) -> Layout:
    wb = Workbook()
    ws = wb.active
    ws.title = METER_SHEET
    caption(ws, "A1", "Sandpiper Community Energy – Smart Meter Data Platform: Supplier Questions", "A1:D1")
    small_print(ws, "A2", "Questions are assembled from the builder columns F and G. Answer in column C and add "
                          "comments in column D.", "A2:D2")
    small_print(ws, "F4", "Question builder – do not edit", "F4:G4")
    heading_row(ws, METER_HEADER_ROW, METER_HEADER, paint="navy")
    for letter, text in METER_BUILDER.items():
        cell = ws[f"{letter}{METER_HEADER_ROW}"]
        cell.value = text
        cell.font = Font(name="Verdana", bold=True, size=9, color="595959")
        cell.fill = GREY
    items: list[ExpectedItem] = []
    patches: dict[str, tuple[str, Any]] = {}
    last = _meter_rows()[-1]
    for row, (stem, detail, existing, remark) in zip(_meter_rows(), METER_ROWS):
        question = f"{stem} {detail}"
        shared = row <= METER_SHARED_LAST
        formula = f'F{row}&" "&G{row}' if shared else f'CONCATENATE(F{row}," ",G{row})'
        body_row(ws, row, {"A": "=ROW()-5", "B": "=" + formula, "C": existing, "D": remark, "F": stem, "G": detail},
                 "ABCD")
        for letter in "FG":
            ws[f"{letter}{row}"].fill = GREY
            ws[f"{letter}{row}"].font = GREY_FONT
        ws[f"A{row}"].alignment = MIDDLE
        ws[f"C{row}"].alignment = MIDDLE
        ws[f"C{row}"].fill = PAINT["input"]
        number = row - 5
        id_xml = f'<f t="shared" ref="A{METER_FIRST}:A{last}" si="0">ROW()-5</f>' if row == METER_FIRST \
            else '<f t="shared" si="0"/>'
        patches[f"A{row}"] = (id_xml, number)
        if not shared:
            question_xml = f"<f>{escape(formula)}</f>"
        elif row == METER_FIRST:
            question_xml = f'<f t="shared" ref="B{METER_FIRST}:B{METER_SHARED_LAST}" si="1">{escape(formula)}</f>'
        else:
            question_xml = '<f t="shared" si="1"/>'
        patches[f"B{row}"] = (question_xml, question)
        items.append(expect(METER_SHEET, row, question, "C", str(number), comment="D", allowed=METER_CHOICES,
                            existing=existing, existing_comment=remark, section=[]))
    list_validation(ws, METER_CHOICES, f"C{METER_FIRST}:C{last}")
    col_widths(ws, A=6, B=72, C=13, D=40, E=3, F=34, G=52)
    ws.freeze_panes = f"A{METER_HEADER_ROW + 1}"
    path = store(wb, folder, "Sandpiper_meter_data_platform_questions.xlsx")
    _patch_cells(path, METER_SHEET, patches)
    return Layout(
        name="formula_built_questions_shared",
        path=path,
        format="xlsx",
        sheets=[sheet_of(METER_SHEET, METER_HEADER_ROW, dict(METER_ROLES))],
        items=items,
        note="Header on row 5: 'Q#' (id A), 'Question' (B), 'Response' (answer C, drop-down Yes/No/Partial/N/A, "
             "source validation), 'Comments' (comment D); builder columns 'Stem' (F) and 'Detail' (G), grey, under "
             "'Question builder – do not edit' (no role). No band rows: section []. Items: the 12 rows 6-17. Every "
             "question cell is a formula joining F and G: B6:B13 ONE SHARED formula (F6&\" \"&G6, si=1), B14:B17 "
             "CONCATENATE(F14,\" \",G14); every id is the shared formula ROW()-5 (A6:A17, si=0); the cached results "
             "are in the file. CONVENTION: the question is the cached text as shown ('Are half-hourly meter "
             "readings encrypted ...'); the id is the cached number as shown ('1' ... '12'); neither the stem nor "
             "the detail is the question. Two rows already answered.",
    )


# --- 5. a CSV keeping leading zeros the Excel way: ="007" ---------------------------------------------------

AUCTION_NAME = "Greyfriars_online_bidding_supplier_questions"
AUCTION_HEADER = ["Q No", "Question", "Answer", "Notes"]
AUCTION_ROLES = {"A": "id", "B": "question", "C": "answer", "D": "comment"}
AUCTION_HEADER_ROW = 1
#: (section, [(number, question, existing answer as written in the file, existing note)])
AUCTION_SECTIONS: list[tuple[str, list[tuple[int, str, str | None, str | None]]]] = [
    ("Bidder registration", [
        (1, "Are new bidders' identities checked against an official document before their first bid is accepted?",
         None, None),
        (2, "Is each paddle number tied to one verified account, so that it cannot be passed between people?", "Yes",
         "Paddles are issued per account, per sale."),
        (3, "Are bidders' card details for deposits held by a payment provider, not by the bidding platform?", None,
         None),
        (4, "Can the auction house bar a bidder from every future sale with a single action?", None, None),
    ]),
    ("Live sales", [
        (5, "Is the live video stream of a sale shown only to registered bidders who are signed in?", None, None),
        (6, "Are online bids time-stamped by a clock synchronised with a trusted time source?", None, None),
        (7, "Within how many hours are a sale's bid records copied to a second site?", '="4"',
         "Copied every four hours during a sale, then once the sale closes."),
        (8, "Can the auctioneer's console keep taking room and telephone bids if the internet link drops during a "
            "sale?", None, None),
    ]),
    ("Records and support", [
        (9, "Are the records of who bid on each lot kept for the six years that anti-money-laundering checks "
            "require?", None, None),
        (10, "Is consignors' personal data held apart from the public catalogue data?", "Yes", None),
        (11, "Will you tell the auction house before a new subcontractor starts handling bidder data?", None, None),
        (12, "Are support staff prevented from altering a bid once the hammer has fallen?", None, None),
        (13, "Are catalogue images and documents uploaded by consignors scanned for malware?", None, None),
    ]),
]


def _csv_field(text: str) -> str:
    """A field as Excel's CSV writer puts it: an `="..."` field unquoted, others quoted only when they must be."""
    if re.fullmatch(r'="[^"]*"', text):
        return text
    if any(ch in text for ch in ',"\r\n'):
        return '"' + text.replace('"', '""') + '"'
    return text


def csv_excel_text_fields(folder: Path) -> Layout:
    width = len(AUCTION_HEADER)
    records: list[list[str]] = [list(AUCTION_HEADER)]
    items: list[ExpectedItem] = []
    for section, questions in AUCTION_SECTIONS:
        records.append([section] + [""] * (width - 1))
        for number, question, existing, remark in questions:
            raw_id = f'="{number:03d}"'
            records.append([raw_id, question, existing or "", remark or ""])
            items.append(expect(AUCTION_NAME, len(records), question, "C", _csv_shows(raw_id), comment="D",
                                existing=_csv_shows(existing) if existing else None, existing_comment=remark,
                                section=[section]))
    text = "".join(",".join(_csv_field(f) for f in record) + "\r\n" for record in records)
    path = folder / f"{AUCTION_NAME}.csv"
    path.write_bytes(text.encode("utf-8"))
    return Layout(
        name="csv_excel_text_fields",
        path=path,
        format="csv",
        sheets=[sheet_of(AUCTION_NAME, AUCTION_HEADER_ROW, dict(AUCTION_ROLES))],
        items=items,
        csv=True,
        encoding="utf-8",
        delimiter=",",
        note="A comma CSV, UTF-8 without BOM, CRLF, header on row 1: 'Q No' (id A), 'Question' (B), 'Answer' (answer "
             "C, free text: [] and None), 'Notes' (comment D). Three section records (the title alone in A). Items: "
             "the 13 records under them. Every id is written the Excel way to keep its leading zeros, as an "
             "UNQUOTED field =\"001\" ... =\"013\"; one existing answer is written =\"4\". CONVENTION: such a field "
             "is what Excel shows for it: ids '001' ... '013', the existing answer '4'. Three rows already answered.",
    )


# --- 6. whitespace in headings, questions and drop-down values -----------------------------------------------

OPTIC_SHEETS = ["Practice System", "Imaging Archive"]
OPTIC_LISTS = "Choice Values"
OPTIC_RANGE = f"'{OPTIC_LISTS}'!$A$2:$A$5"
OPTIC_HEADERS: dict[str, tuple[int, dict[str, str]]] = {
    "Practice System": (4, {"A": "Ref\u00a0No.", "B": "Question", "C": "Supplier\u00a0Response\u200b",
                            "D": "\u200bSupplier\u00a0comments"}),
    "Imaging Archive": (3, {"A": "Item\u00a0#", "B": "Question", "C": "Vendor\nResponse", "D": "Vendor\ncomments ",
                            "E": "Evidence\u00a0\u00a0reference"}),
}
OPTIC_ROLES = {
    "Practice System": {"A": "id", "B": "question", "C": "answer", "D": "comment"},
    "Imaging Archive": {"A": "id", "B": "question", "C": "answer", "D": "comment", "E": "evidence"},
}
#: Practice System: (section, [(ref, question as typed, existing answer, existing comment)])
OPTIC_PRACTICE: list[tuple[str, list[tuple[str, str, str | None, str | None]]]] = [
    ("Patient records", [
        ("MO-01", "Are patients' prescription histories encrypted in the\u00a0practice database and in its backups?",
         None, None),
        ("MO-02", "Can a locum optometrist be given access that ends by itself on the last day of their booking?",
         None, None),
        ("MO-03", "  Is every change to a patient's clinical notes recorded with the user, the time and the earlier "
                  "wording?  ", None, None),
        ("MO-04", "Are referral letters to hospital eye clinics sent through a secure, approved mail service?\u00a0",
         None, None),
    ]),
    ("Appointments and reminders", [
        ("MO-05", "Do appointment reminder texts leave out the reason for the appointment?", "No",
         "Reminder wording is set by each branch.\nA central template is due in May."),
        ("MO-06", "Can patients\tcancel or move an appointment online without creating an account?", None, None),
        ("MO-07", "Is the online booking page protected against automated bookings that fill the diary?", None, None),
    ]),
]
#: Imaging Archive: (ref, question as typed, existing answer, existing comment, existing evidence)
OPTIC_IMAGING: list[tuple[str, str, str | None, str | None, str | None]] = [
    ("RI-01", "Are retinal photographs and OCT scans\tstored in the United Kingdom only?", None, None, None),
    ("RI-02", "Is image data sent from the scanners to the archive over an encrypted link?", None, None, None),
    ("RI-03", "Can an optometrist at one branch open images taken at another branch only when the patient has "
              "been  referred there?", None, None, None),
    ("RI-04", "Are images removed from the scanners' local disks once the archive has confirmed receipt?",
     "Not applicable", "Our scanners write straight to the archive and keep no local copy.", "Scanner set-up sheet "
                                                                                           "v3"),
    ("RI-05", "Is the archive's storage checked for damaged image files at least once a month?", None, None, None),
    ("RI-06", "Will the practice's images be returned in DICOM format if it leaves your service?", None, None, None),
]


def whitespace_in_headings_and_lists(folder: Path) -> Layout:
    wb = Workbook()
    first = wb.active
    items: list[ExpectedItem] = []
    for index, sheet in enumerate(OPTIC_SHEETS):
        ws = first if index == 0 else wb.create_sheet(sheet)
        ws.title = sheet
        header_row, headings = OPTIC_HEADERS[sheet]
        last = max(headings)
        caption(ws, "A1", f"Maplestone Opticians – {sheet}: Supplier Questions", f"A1:{last}1")
        small_print(ws, "A2", "Choose a response from the list for each question.", f"A2:{last}2")
        heading_row(ws, header_row, headings, paint="plum")
        roles = OPTIC_ROLES[sheet]
        cells: list[str] = []
        row = header_row
        rows: list[tuple[str | None, tuple[Any, ...]]] = []
        if sheet == "Practice System":
            for section, questions in OPTIC_PRACTICE:
                rows.append((section, ()))
                rows += [(section, (*q, None)) for q in questions]
        else:
            rows = [(None, q) for q in OPTIC_IMAGING]
        for section, values in rows:
            row += 1
            if not values:
                band_row(ws, row, section or "", "A", last, paint="cyan")
                continue
            id_, question, existing, remark, evidence = values
            body_row(ws, row, {"A": id_, "B": question, "C": existing, "D": remark,
                               **({"E": evidence} if "E" in roles else {})}, "ABCD" + ("E" if "E" in roles else ""))
            ws[f"C{row}"].alignment = MIDDLE
            ws[f"C{row}"].fill = PAINT["input"]
            cells.append(f"C{row}")
            items.append(expect(sheet, row, question, "C", id_, comment="D",
                                evidence="E" if "E" in roles else None, allowed=OPTIC_CHOICES, existing=existing,
                                existing_comment=remark, section=[section] if section else []))
        list_validation(ws, OPTIC_RANGE, *cells)
        col_widths(ws, A=9, B=72, C=16, D=40, E=26)
    lists = wb.create_sheet(OPTIC_LISTS)
    lists["A1"] = "Choices"
    lists["A1"].font = Font(bold=True)
    for offset, value in enumerate(OPTIC_CHOICES, start=2):
        lists[f"A{offset}"] = value
    path = store(wb, folder, "Maplestone_practice_and_imaging_questions.xlsx")
    return Layout(
        name="whitespace_in_headings_and_lists",
        path=path,
        format="xlsx",
        sheets=[sheet_of(s, OPTIC_HEADERS[s][0], dict(OPTIC_ROLES[s])) for s in OPTIC_SHEETS]
        + [ExpectedSheet(OPTIC_LISTS, "ignored")],
        items=items,
        note="Two questionnaire sheets and a visible, ignored 'Choice Values' sheet. 'Practice System' (header row "
             "4: 'Ref<nbsp>No.' id A, 'Question' B, 'Supplier<nbsp>Response<zwsp>' answer C, '<zwsp>Supplier<nbsp>"
             "comments' comment D; two band rows); 'Imaging Archive' (header row 3: 'Item<nbsp>#' id A, 'Question' B, "
             "'Vendor\\nResponse' answer C, 'Vendor\\ncomments ' comment D, 'Evidence<nbsp><nbsp>reference' evidence "
             "E; no bands). Both answer columns' drop-down is ='Choice Values'!$A$2:$A$5. CONVENTION: headings are "
             "read with nbsp as space, zero-width space as nothing, line break as space; allowed answers are the "
             "list's values EXACTLY: 'Yes ', 'No', 'Partially ', 'Not applicable' (trailing spaces kept; a cell "
             "must hold that text to pass the validation); questions (with tabs, nbsp, leading/trailing and double "
             "spaces) are collapsed. 13 items, two already answered ('No', 'Not applicable').",
    )


# --- 7. comments and evidence already filled, last year's answers to the left ------------------------------

HARBOUR_SHEET = "Berth System Review"
HARBOUR_HEADER = {"A": "Ref", "B": "Question", "C": "2025 response (for reference)", "D": "Response",
                  "E": "Comments", "F": "Evidence reference"}
HARBOUR_ROLES = {"A": "id", "B": "question", "D": "answer", "E": "comment", "F": "evidence"}
HARBOUR_HEADER_ROW = 5
HARBOUR_PREVIOUS = "C"
#: (section, [(ref typed with an apostrophe, question, last year's response, response, comment, evidence)])
HARBOUR_SECTIONS: list[tuple[str, list[tuple[str, str, str, str | None, str | None, str | None]]]] = [
    ("Berth bookings", [
        ("001", "Can shipping agents book a berth only for vessels registered to their own agency?", "No", "Yes",
         "Agency check added in the 2025 upgrade.", "Release notes v7.2"),
        ("002", "Are berth allocations changed by the harbour master's office recorded with the reason for the "
                "change?", "Yes", None, None, None),
        ("003", "Is the berth booking service open to agents outside office hours, when most late arrivals are "
                "booked?", "Partly", None, "Weekday evenings only.\nWeekend cover is being tendered.", None),
        ("004", "Are pilotage requests passed to the pilot station through an authenticated interface rather than "
                "by e-mail?", "No", "Partly", "Interface live for the inner harbour;\nthe outer anchorage still uses "
                                               "e-mail.", "PCS-ICD-014 interface specification"),
    ]),
    ("Vessel and cargo data", [
        ("005", "Are AIS vessel positions shown to users outside the harbour authority delayed or restricted?",
         "Yes", None, None, None),
        ("006", "Are dangerous-cargo manifests visible only to harbour staff on duty and to the emergency "
                "services?", "Yes", None, "Fire service access added in January.", None),
        ("007", "Is crew list data deleted once the vessel has sailed and the retention period has passed?", "No",
         None, None, None),
        ("008", "Do customs declarations pass through the system without being kept longer than the customs "
                "authority allows?", "Yes", None, "Declarations are held for 30 days,\nthen purged automatically."
                                                  "\nSee the retention schedule.", "Retention schedule RS-3"),
    ]),
    ("Service management", [
        ("009", "Is the port community system's database copied every night to a site away from the harbour "
                "estate?", "Yes", "Yes", None, "Backup report, March 2026"),
        ("010", "Can the harbour master's office go on allocating berths from a printed schedule if the system "
                "fails?", "Yes", None, "Printed schedule produced at 06:00 and 18:00.", None),
        ("011", "Are security patches applied to the system within the times agreed in the service contract?",
         "Partly", None, None, None),
        ("012", "Does your service desk warn the harbour authority of planned outages at least five working days "
                "ahead?", "Yes", None, "Notice is given through the port's change calendar.\nUrgent fixes are "
                                       "announced by phone.", None),
        ("013", "Have your staff who support the system passed the port's own security vetting?", "N/A", None, None,
         "Vetting register extract"),
    ]),
]


def existing_comments_last_year_left(folder: Path) -> Layout:
    wb = Workbook()
    ws = wb.active
    ws.title = HARBOUR_SHEET
    caption(ws, "A1", "Tidewell Harbour Authority – Berth Booking and Port Community System: Annual Supplier Review",
            "A1:F1")
    small_print(ws, "A2", "Review year 2026", "A2:F2")
    small_print(ws, "A3", "Last year's responses are shown in grey for reference only. Give this year's response in "
                          "column D; comments and evidence already entered by your colleagues can be kept or "
                          "updated.", "A3:F3")
    heading_row(ws, HARBOUR_HEADER_ROW, HARBOUR_HEADER, paint="navy")
    items: list[ExpectedItem] = []
    cells: list[str] = []
    row = HARBOUR_HEADER_ROW
    for section, questions in HARBOUR_SECTIONS:
        row += 1
        band_row(ws, row, section, "A", "F", paint="cyan")
        for id_, question, previous, response, remark, evidence in questions:
            row += 1
            body_row(ws, row, {"A": id_, "B": question, "C": previous, "D": response, "E": remark, "F": evidence},
                     "ABCDEF")
            ws[f"A{row}"].quotePrefix = True
            ws[f"C{row}"].fill = GREY
            ws[f"C{row}"].font = GREY_FONT
            ws[f"C{row}"].alignment = MIDDLE
            ws[f"D{row}"].fill = PAINT["input"]
            ws[f"D{row}"].alignment = MIDDLE
            cells.append(f"D{row}")
            items.append(expect(HARBOUR_SHEET, row, question, "D", id_, comment="E", evidence="F",
                                allowed=HARBOUR_CHOICES, existing=response, existing_comment=remark,
                                section=[section]))
    list_validation(ws, HARBOUR_CHOICES, *cells)
    col_widths(ws, A=7, B=66, C=15, D=13, E=40, F=28)
    ws.freeze_panes = f"A{HARBOUR_HEADER_ROW + 1}"
    path = store(wb, folder, "Tidewell_berth_system_annual_review_2026.xlsx")
    return Layout(
        name="existing_comments_last_year_left",
        path=path,
        format="xlsx",
        sheets=[sheet_of(HARBOUR_SHEET, HARBOUR_HEADER_ROW, dict(HARBOUR_ROLES))],
        items=items,
        note="Header on row 5: 'Ref' (id A, texts '001' ... typed with an apostrophe), 'Question' (B), '2025 response "
             "(for reference)' (C, last year's answers on every row, grey, no drop-down: no role), 'Response' "
             "(answer D, drop-down Yes/No/Partly/N/A, source validation), 'Comments' (comment E), 'Evidence "
             "reference' (evidence F); three band rows. Items: all 13 rows. CONVENTION: the answer column is "
             "'Response' (this year's); last year's column LEFT of it is never the existing answer. Existing "
             "answers: the colleague's draft in D on three rows. Existing comments: seven rows, four with line "
             "breaks (kept as written). Evidence references filled on five rows.",
    )


# --- 8. answers hidden by a ;;; format, and #N/A in a helper column (xlsxwriter) ----------------------------

COURIER_SHEET, COURIER_MAP = "Tracking Platform", "Framework Map"
COURIER_HEADER = {"A": "ID", "B": "Question", "C": "Mapped control", "D": "Answer", "E": "Comments"}
COURIER_ROLES = {"A": "id", "B": "question", "D": "answer", "E": "comment"}
COURIER_HEADER_ROW = 4
COURIER_INSTRUCTION = ("Last year's answers have been cleared. Choose an answer for every question; the mapped "
                       "control is filled in by the sheet.")
COURIER_NOTE = "Mapped control shows #N/A where a question has no control in the framework map yet."
#: id -> the control the Framework Map gives it (ids without one look up #N/A)
COURIER_CONTROLS: dict[str, str] = {
    "QC-01": "ISO 27001 A.8.24", "QC-02": "ISO 27001 A.8.11", "QC-04": "ISO 27001 A.5.15", "QC-05": "ISO 27001 A.8.1",
    "QC-06": "ISO 27001 A.8.3", "QC-08": "ISO 27001 A.8.28", "QC-09": "ISO 27001 A.8.22", "QC-11": "ISO 27001 A.8.26",
}
#: (section, [(id, question, answer as stored, hidden?, comment as stored, comment hidden?)])
COURIER_SECTIONS: list[tuple[str, list[tuple[str, str, str | None, bool, str | None, bool]]]] = [
    ("Parcels and tracking", [
        ("QC-01", "Are the tracking links sent to recipients hard to guess and valid only until the parcel is "
                  "delivered?", None, False, None, False),
        ("QC-02", "Is a recipient's delivery address hidden from the driver app once the parcel has been delivered?",
         "Yes", True, None, False),
        ("QC-03", "Are proof-of-delivery photos kept for no more than ninety days?", "Yes", False, None, False),
        ("QC-04", "Can customer service agents see a parcel's contents description only when a customer has raised "
                  "a query?", None, False, None, False),
    ]),
    ("Drivers and devices", [
        ("QC-05", "Does the driver app stop showing the day's route once the driver has finished the shift?", "No",
         True, "Routes stay visible until midnight.", True),
        ("QC-06", "Are van telematics data and driver app data kept in separate databases with separate access "
                  "rights?", None, False, None, False),
        ("QC-07", "Is a driver's location tracked only during working hours?", None, False, None, False),
        ("QC-08", "Are signatures captured on delivery stored in a form that cannot be reused on another document?",
         "Yes", True, None, False),
    ]),
    ("Operations", [
        ("QC-09", "Are the depot sorting scanners on a network kept apart from the office computers?", "Partially",
         False, "Two depots still share a switch; separation is planned for the third quarter.", False),
        ("QC-10", "Is the tracking platform load-tested each year at the parcel volumes of the Christmas peak?", None,
         False, None, False),
        ("QC-11", "Are the webhooks that send delivery events to retailers signed so that retailers can check where "
                  "they came from?", "Partially", True, None, False),
        ("QC-12", "Will retailers be told within 24 hours if tracking data about their customers is exposed?", None,
         False, None, False),
    ]),
]


def _courier_map_range() -> str:
    return f"'{COURIER_MAP}'!$A$2:$B${len(COURIER_CONTROLS) + 1}"


def hidden_values_and_error_helper(folder: Path) -> Layout:
    import xlsxwriter

    name = "hidden_values_and_error_helper"
    path = folder / "Quillon_parcel_tracking_supplier_questionnaire.xlsx"
    wb = xlsxwriter.Workbook(str(path))
    ws = wb.add_worksheet(COURIER_SHEET)
    mapping = wb.add_worksheet(COURIER_MAP)
    title = wb.add_format({"bold": True, "font_size": 13, "font_color": "#833C0B"})
    small = wb.add_format({"italic": True, "font_size": 9, "font_color": "#595959", "text_wrap": True})
    head = wb.add_format({"bold": True, "font_color": "#FFFFFF", "bg_color": "#833C0B", "border": 1,
                          "align": "center", "valign": "vcenter", "text_wrap": True})
    band = wb.add_format({"bold": True, "bg_color": "#FBE5D6", "border": 1})
    wrap = wb.add_format({"text_wrap": True, "valign": "top", "border": 1})
    helper = wb.add_format({"font_color": "#7F7F7F", "valign": "top", "border": 1})
    answer = wb.add_format({"bg_color": "#FFF9E5", "border": 1, "align": "center", "valign": "top"})
    hidden_answer = wb.add_format({"bg_color": "#FFF9E5", "border": 1, "align": "center", "valign": "top",
                                   "num_format": HIDDEN_FORMAT})
    hidden_wrap = wb.add_format({"text_wrap": True, "valign": "top", "border": 1, "num_format": HIDDEN_FORMAT})
    bold = wb.add_format({"bold": True})
    ws.write(0, 0, "Quillon Couriers – Parcel Tracking Platform: Supplier Security Questionnaire", title)
    ws.merge_range(1, 0, 1, 4, COURIER_INSTRUCTION, small)
    for letter, text in COURIER_HEADER.items():
        ws.write(f"{letter}{COURIER_HEADER_ROW}", text, head)
    items: list[ExpectedItem] = []
    cells: list[str] = []
    row = COURIER_HEADER_ROW
    for section, questions in COURIER_SECTIONS:
        row += 1
        ws.merge_range(row - 1, 0, row - 1, 4, section, band)
        for id_, question, stored, hidden, remark, remark_hidden in questions:
            row += 1
            ws.write(row - 1, 0, id_, wrap)
            ws.write(row - 1, 1, question, wrap)
            ws.write_formula(row - 1, 2, f"=VLOOKUP(A{row},{_courier_map_range()},2,FALSE)", helper,
                             COURIER_CONTROLS.get(id_, "#N/A"))
            look = hidden_answer if hidden else answer
            ws.write(row - 1, 3, stored, look) if stored else ws.write_blank(row - 1, 3, None, look)
            look = hidden_wrap if remark_hidden else wrap
            ws.write(row - 1, 4, remark, look) if remark else ws.write_blank(row - 1, 4, None, look)
            cells.append(f"D{row}")
            items.append(expect(COURIER_SHEET, row, question, "D", id_, comment="E", allowed=COURIER_CHOICES,
                                existing=None if hidden else stored, existing_comment=None if remark_hidden else remark,
                                section=[section]))
    ws.data_validation(cells[0], {"validate": "list", "source": list(COURIER_CHOICES), "multi_range": " ".join(cells)})
    note_row = row + 2
    ws.merge_range(note_row - 1, 0, note_row - 1, 4, COURIER_NOTE, small)
    _decoy(name, COURIER_SHEET, note_row, "a note on the helper column")
    ws.set_column("A:A", 8)
    ws.set_column("B:B", 70)
    ws.set_column("C:C", 18)
    ws.set_column("D:D", 13)
    ws.set_column("E:E", 42)
    ws.freeze_panes(COURIER_HEADER_ROW, 0)
    mapping.write(0, 0, "ID", bold)
    mapping.write(0, 1, "Control", bold)
    for offset, (id_, control) in enumerate(COURIER_CONTROLS.items(), start=1):
        mapping.write(offset, 0, id_)
        mapping.write(offset, 1, control)
    mapping.set_column("A:B", 18)
    wb.close()
    return Layout(
        name=name,
        path=path,
        format="xlsx",
        sheets=[sheet_of(COURIER_SHEET, COURIER_HEADER_ROW, dict(COURIER_ROLES)), ExpectedSheet(COURIER_MAP, "ignored")],
        items=items,
        note="Written by xlsxwriter. Header on row 4: 'ID' (id A), 'Question' (B), 'Mapped control' (C: VLOOKUP into the"
             " visible, ignored 'Framework Map' sheet, cached results, four of them the error #N/A; no role), 'Answer' "
             "(answer D, drop-down Yes/No/Partially/N/A, source validation), 'Comments' (comment E); three merged band"
             " rows. Items: all 12 rows. Four answer cells and one comment cell still hold last year's texts under the"
             " number format ';;;', which shows nothing. CONVENTION: a cell that shows nothing holds no existing "
             "answer or comment (None): the instructions say last year's answers were cleared, and the respondent "
             "sees empty cells. Two answers typed this year show normally ('Yes', 'Partially'), one with a comment. "
             "The note under the table is not an item.",
    )


# --- the registry ---------------------------------------------------------------------------------------

HELDOUT15_LAYOUTS: list[Callable[[Path], Layout]] = [
    typed_values_existing_answers,
    yes_no_number_format,
    formatted_and_formula_ids,
    formula_built_questions_shared,
    csv_excel_text_fields,
    whitespace_in_headings_and_lists,
    existing_comments_last_year_left,
    hidden_values_and_error_helper,
]

#: The same builders by layout name (the form `bench/layout_bench.py` takes for a group).
HELDOUT15_BY_NAME: dict[str, Callable[[Path], Layout]] = {b.__name__: b for b in HELDOUT15_LAYOUTS}


# --- self-check -----------------------------------------------------------------------------------

_READS_LIKE = re.compile(r"^(.*)!row (\d+): reads like an item but is neither an item nor a decoy$")

#: Layouts whose ids or questions are formulas (the imported checks read a values-only copy).
FORMULA15 = {"formatted_and_formula_ids", "formula_built_questions_shared"}

#: Complaints of the imported checks that this file replaces with a check of its own, per layout (besides
#: rows registered in DECOYS15). None are needed: the display features are handled by `_views`.
REPLACED: dict[str, list[tuple[re.Pattern[str], str]]] = {}


def _is_replaced(layout: Layout, problem: str) -> bool:
    if any(pattern.search(problem) for pattern, _ in REPLACED.get(layout.name, [])):
        return True
    match = _READS_LIKE.match(problem)
    return bool(match and (match.group(1), int(match.group(2))) in DECOYS15.get(layout.name, {}))


def _roles_of(layout: Layout, sheet_name: str) -> dict[str, str]:
    sheet = next(s for s in layout.sheets if s.name == sheet_name)
    return {role: letter for letter, role in sheet.columns.items()}


def _records(layout: Layout) -> list[list[str]]:
    text = layout.path.read_bytes().decode(layout.encoding or "utf-8")
    return list(csv.reader(io.StringIO(text, newline=""), delimiter=layout.delimiter or ",", strict=True))


def _field(records: list[list[str]], reference: str | None) -> str | None:
    if reference is None:
        return None
    _, column, row = split_ref(reference)
    record = records[row - 1] if row - 1 < len(records) else []
    index = column_index_from_string(column) - 1
    return record[index] if index < len(record) else ""


def _views(layout: Layout, scratch: Path) -> list[Layout]:
    """The layout as the imported checks can read it (see the module docstring): wherever an expectation is the
    value a cell DISPLAYS and the cell stores something else, the view states the stored value (so a wrong
    expectation stays wrong in the view too); formula layouts are shown as a values-only copy."""
    view = copy.deepcopy(layout)
    if layout.csv:
        records = _records(layout)
        for item in view.items:
            roles = _roles_of(layout, item.sheet)
            raw_id = _field(records, ref(item.sheet, roles["id"], item.row)) if "id" in roles else None
            if raw_id and item.id == _csv_shows(raw_id):
                item.id = raw_id
            raw = _field(records, item.answer_cell)
            if raw and item.existing_answer == _csv_shows(raw):
                item.existing_answer = raw
        return [view]
    if layout.name in FORMULA15:
        values = openpyxl.load_workbook(layout.path, data_only=True)
        view.path = scratch / f"values-only-{layout.path.name}"
        values.save(view.path)
    wb = openpyxl.load_workbook(view.path)
    for item in view.items:
        if item.sheet not in wb.sheetnames:
            continue
        ws = wb[item.sheet]
        roles = _roles_of(layout, item.sheet)
        if "id" in roles:
            cell = ws[f"{roles['id']}{item.row}"]
            if cell.value is not None and item.id == _shows(cell.value, cell.number_format):
                item.id = str(cell.value)
        for field, reference in (("existing_answer", item.answer_cell), ("existing_comment", item.comment_cell)):
            if reference is None:
                continue
            _, column, row = split_ref(reference)
            cell = ws[f"{column}{row}"]
            if getattr(item, field) == _existing(cell):
                setattr(item, field, cell.value)
    return [view]


def _walk15(ws: Any, layout: Layout, sheet_name: str, question: str, first: int, last: int, bands: dict[int, str],
            min_bands: int = 0) -> list[str]:
    """Rows first..last: a registered decoy is no item; a band row (of `bands`) sets the section; every item's
    section is the band above it ([] before any); every other row with text in the question column, or a cell
    ending in '?', is a problem."""
    problems: list[str] = []
    decoys = DECOYS15.get(layout.name, {})
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


def _shown_item_problems(wb: Any, values: Any, item: ExpectedItem, columns: dict[str, str],
                         choices: list[str] | None) -> list[str]:
    """An item of an ordinary table row, against what the file DISPLAYS: its cells in the roles' columns on its row;
    its question the question cell's shown text (a formula's cached result), collapsed; its id the id cell as shown
    through its number format; its allowed answers the one list drop-down over its answer cell (`choices`, or none
    at all for free text); its existing answer and comment those cells as shown (None when they show nothing).
    `values` is the same workbook read with data_only (cached results)."""
    problems: list[str] = []
    where = f"{item.sheet}!row {item.row}"
    ws, vws = wb[item.sheet], values[item.sheet]
    roles = {role: letter for letter, role in columns.items()}
    for role, reference in (("answer", item.answer_cell), ("comment", item.comment_cell),
                            ("evidence", item.evidence_cell)):
        want = ref(item.sheet, roles[role], item.row) if role in roles else None
        if reference != want:
            problems.append(f"{where}: {role} cell {reference}, expected {want}")
    cell = vws[f"{roles['question']}{item.row}"]
    text = collapse(_shows(cell.value, cell.number_format))
    if item.question != text:
        problems.append(f"{where}: question {item.question!r}, the cell shows {text!r}")
    if "id" in roles:
        cell = vws[f"{roles['id']}{item.row}"]
        shown = _shows(cell.value, cell.number_format)
        if item.id != shown:
            problems.append(f"{where}: id {item.id!r}, the cell shows {shown!r}")
    found = _validations_over(ws, f"{roles['answer']}{item.row}")
    if choices:
        got = _resolve_list(wb, item.sheet, found[0].formula1) if len(found) == 1 else None
        if got != choices or item.allowed_answers != choices or item.allowed_answers_source != "validation":
            problems.append(f"{where}: allowed answers {item.allowed_answers} ({item.allowed_answers_source}), the "
                            f"drop-down gives {got}, expected {choices}")
    elif found or item.allowed_answers or item.allowed_answers_source is not None:
        problems.append(f"{where}: a drop-down or allowed answers on a free-text row")
    shown = _existing(vws[f"{roles['answer']}{item.row}"])
    if item.existing_answer != shown:
        problems.append(f"{where}: existing answer {item.existing_answer!r}, the cell shows {shown!r}")
    if "comment" in roles:
        shown = _existing(vws[f"{roles['comment']}{item.row}"])
        if item.existing_comment != shown:
            problems.append(f"{where}: existing comment {item.existing_comment!r}, the cell shows {shown!r}")
    elif item.existing_comment is not None:
        problems.append(f"{where}: an existing comment without a comment column")
    if item.guidance is not None:
        problems.append(f"{where}: guidance on a sheet without a guidance column")
    return problems


def _books(layout: Layout) -> tuple[Any, Any]:
    return openpyxl.load_workbook(layout.path), openpyxl.load_workbook(layout.path, data_only=True)


def _one_sheet(layout: Layout) -> ExpectedSheet:
    sheets = [s for s in layout.sheets if s.status == "questionnaire"]
    if len(sheets) != 1:
        raise ValueError(f"{len(sheets)} questionnaire sheets, expected one")
    return sheets[0]


def _sheet_xml(layout: Layout, sheet_name: str) -> str:
    with zipfile.ZipFile(layout.path) as zf:
        return zf.read(_sheet_part(zf, sheet_name)).decode("utf-8")


NS = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main"}


def _xml_cells(sheet_xml: str) -> dict[str, ET.Element]:
    root = ET.fromstring(sheet_xml)
    return {c.get("r"): c for c in root.iterfind(".//m:sheetData/m:row/m:c", NS)}


# --- one check per layout of the feature it exercises ---------------------------------------------


def _feature_typed_values(layout: Layout) -> list[str]:
    problems: list[str] = []
    wb, values = _books(layout)
    sheet = _one_sheet(layout)
    ws = wb[sheet.name]
    if sheet.header_row != CU_HEADER_ROW or sheet.columns != CU_ROLES:
        problems.append(f"header row {sheet.header_row} / roles {sheet.columns}, expected {CU_HEADER_ROW} / {CU_ROLES}")
    problems += _header_problems(ws, CU_HEADER_ROW, CU_HEADER)
    kinds = {id_: kind for _, questions in CU_SECTIONS for id_, _, kind, _, _ in questions}
    if sorted(item.id for item in layout.items) != sorted(kinds):
        problems.append("the items are not every row of the table")
    stored_types: dict[str, int] = {}
    differs = 0
    for item in layout.items:
        kind = kinds.get(item.id, "yesno")
        label, number_format, choices = CU_KINDS[kind]
        problems += _shown_item_problems(wb, values, item, sheet.columns, choices)
        cell = ws[f"D{item.row}"]
        if cell.number_format != number_format or ws[f"C{item.row}"].value != label:
            problems.append(f"row {item.row}: the {kind} row's answer cell is formatted {cell.number_format!r} under "
                            f"{ws[f'C{item.row}'].value!r}")
        if cell.value is not None:
            stored_types[type(cell.value).__name__] = stored_types.get(type(cell.value).__name__, 0) + 1
            differs += item.existing_answer != str(cell.value)
    want = {"bool": 4, "datetime": 1, "float": 2, "int": 2, "str": 1}
    if stored_types != want:
        problems.append(f"stored answers by type {stored_types}, the layout wants {want}")
    if differs < 9:
        problems.append(f"only {differs} existing answers differ from their stored values")
    cells = _xml_cells(_sheet_xml(layout, sheet.name))
    booleans = [c for c in cells.values() if c.get("t") == "b"]
    if len(booleans) != 4 or any(not c.get("r", "").startswith("D") for c in booleans):
        problems.append("the answers are not four t=\"b\" cells in column D")
    if not any(item.existing_comment and "\n" in item.existing_comment for item in layout.items):
        problems.append("no existing comment with a line break")
    problems += _walk15(ws, layout, sheet.name, "B", CU_HEADER_ROW + 1, ws.max_row, _band_rows(ws), min_bands=3)
    return problems


def _feature_yes_no_format(layout: Layout) -> list[str]:
    problems: list[str] = []
    wb, values = _books(layout)
    sheet = _one_sheet(layout)
    ws = wb[sheet.name]
    if sheet.header_row != POOL_HEADER_ROW or sheet.columns != POOL_ROLES:
        problems.append(f"header row {sheet.header_row} / roles {sheet.columns}")
    problems += _header_problems(ws, POOL_HEADER_ROW, POOL_HEADER)
    numbers = texts = 0
    for item in layout.items:
        problems += _shown_item_problems(wb, values, item, sheet.columns, POOL_CHOICES)
        cell = ws[f"C{item.row}"]
        if cell.number_format != YES_NO_FORMAT:
            problems.append(f"row {item.row}: the answer cell is formatted {cell.number_format!r}")
        if isinstance(cell.value, int) and not isinstance(cell.value, bool):
            numbers += 1
        elif isinstance(cell.value, str):
            texts += 1
        id_cell = ws[f"A{item.row}"]
        if not (isinstance(id_cell.value, str) and id_cell.quotePrefix and id_cell.value.startswith("0")):
            problems.append(f"row {item.row}: the id is not a text with a leading zero typed with an apostrophe")
        if not isinstance(ws[f"D{item.row}"].value, int):
            problems.append(f"row {item.row}: the weight is not a number")
    if numbers != 3 or texts != 2:
        problems.append(f"{numbers} answers stored as numbers and {texts} as texts, the layout wants 3 and 2")
    shown = sorted(item.existing_answer for item in layout.items if item.existing_answer)
    if shown != ["N/A", "No", "Yes", "Yes", "Yes"]:
        problems.append(f"existing answers {shown}")
    problems += _walk15(ws, layout, sheet.name, "B", POOL_HEADER_ROW + 1, ws.max_row, _band_rows(ws), min_bands=3)
    return problems


def _feature_formatted_ids(layout: Layout) -> list[str]:
    problems: list[str] = []
    wb, values = _books(layout)
    if wb.sheetnames != PORTAL_SHEETS or [s.name for s in layout.sheets] != PORTAL_SHEETS:
        problems.append(f"sheets {wb.sheetnames}, expected {PORTAL_SHEETS}")
    with zipfile.ZipFile(layout.path) as zf:
        names = zf.namelist()
    if "xl/sharedStrings.xml" not in names:
        problems.append("not written the way xlsxwriter writes (shared strings)")
    for sheet in layout.sheets:
        ws, vws = wb[sheet.name], values[sheet.name]
        header_row, headings = PORTAL_HEADERS[sheet.name]
        if sheet.header_row != header_row or sheet.columns != PORTAL_ROLES:
            problems.append(f"{sheet.name}: header row {sheet.header_row} / roles {sheet.columns}")
        problems += _header_problems(ws, header_row, headings)
        on_sheet = [item for item in layout.items if item.sheet == sheet.name]
        if len(on_sheet) < 5:
            problems.append(f"{sheet.name}: {len(on_sheet)} items, the layout wants five at least")
        cells = _xml_cells(_sheet_xml(layout, sheet.name))
        for item in on_sheet:
            problems += _shown_item_problems(wb, values, item, sheet.columns, PORTAL_CHOICES)
            cell, cached = ws[f"A{item.row}"], vws[f"A{item.row}"].value
            if sheet.name == "Portal Hosting":
                ok = isinstance(cell.value, float) and cell.number_format == "0.00" and item.id != str(cell.value) \
                    and item.id.endswith("0")
            elif sheet.name == "Tenant Support":
                ok = isinstance(cell.value, int) and cell.number_format == Q_FORMAT \
                    and re.fullmatch(r"Q-0\d\d", item.id or "") is not None and cell.value >= 7
            else:
                xml = cells.get(f"A{item.row}")
                formula = xml.find("m:f", NS) if xml is not None else None
                ok = (cell.value == PORTAL_AC_FORMULA and formula is not None and xml.get("t") == "str"
                      and cached == f"AC-{item.row - 4:02d}" == item.id)
            if not ok:
                problems.append(f"{sheet.name}!row {item.row}: the id {item.id!r} is not the layout's kind of id "
                                f"({cell.value!r}, {cell.number_format!r})")
        bands = {r: text for r, text in _band_rows(ws).items() if r > header_row}
        if (sheet.name == "Portal Hosting") != bool(bands):
            problems.append(f"{sheet.name}: band rows {bands}")
        problems += _walk15(ws, layout, sheet.name, "B", header_row + 1, ws.max_row, bands,
                            min_bands=2 if bands else 0)
    return problems


def _feature_formula_questions(layout: Layout) -> list[str]:
    problems: list[str] = []
    wb, values = _books(layout)
    sheet = _one_sheet(layout)
    ws, vws = wb[sheet.name], values[sheet.name]
    if sheet.header_row != METER_HEADER_ROW or sheet.columns != METER_ROLES:
        problems.append(f"header row {sheet.header_row} / roles {sheet.columns}")
    problems += _header_problems(ws, METER_HEADER_ROW, {**METER_HEADER, **METER_BUILDER})
    if [item.row for item in layout.items] != _meter_rows():
        problems.append(f"items on rows {[item.row for item in layout.items]}, expected {_meter_rows()}")
    cells = _xml_cells(_sheet_xml(layout, sheet.name))
    last = _meter_rows()[-1]
    for item in layout.items:
        row = item.row
        problems += _shown_item_problems(wb, values, item, sheet.columns, METER_CHOICES)
        joined = f"{ws[f'F{row}'].value} {ws[f'G{row}'].value}"
        if vws[f"B{row}"].value != joined or item.question != collapse(joined):
            problems.append(f"row {row}: the cached question is not the stem and the detail joined")
        question, number = cells.get(f"B{row}"), cells.get(f"A{row}")
        if question is None or number is None:
            problems.append(f"row {row}: no id or question cell in the XML")
            continue
        f_q, f_n = question.find("m:f", NS), number.find("m:f", NS)
        if f_q is None or f_n is None or question.get("t") != "str" or question.findtext("m:v", None, NS) != joined:
            problems.append(f"row {row}: the question cell is not a formula with its cached text (t=\"str\")")
            continue
        if row <= METER_SHARED_LAST:
            want_master = row == METER_FIRST
            if f_q.get("t") != "shared" or f_q.get("si") != "1" or (f_q.get("ref") is not None) != want_master \
                    or bool(f_q.text) != want_master:
                problems.append(f"row {row}: the question is not part of the shared formula si=1")
            if want_master and (f_q.get("ref") != f"B{METER_FIRST}:B{METER_SHARED_LAST}" or f_q.text != 'F6&" "&G6'):
                problems.append("the shared question formula's master is not B6's F6&\" \"&G6")
            if ws[f"B{row}"].value != f'=F{row}&" "&G{row}':
                problems.append(f"row {row}: openpyxl does not read the shared formula as this row's own")
        elif f_q.get("t") is not None or f_q.text != f'CONCATENATE(F{row}," ",G{row})':
            problems.append(f"row {row}: the question is not a CONCATENATE formula of its own")
        if f_n.get("t") != "shared" or f_n.get("si") != "0" or number.findtext("m:v", None, NS) != str(row - 5) \
                or (row == METER_FIRST) != (f_n.get("ref") == f"A{METER_FIRST}:A{last}"):
            problems.append(f"row {row}: the id is not the shared formula ROW()-5 with its cached number")
        if vws[f"A{row}"].value != row - 5:
            problems.append(f"row {row}: the cached id is {vws[f'A{row}'].value!r}")
        for letter in "FG":
            if ws[f"{letter}{row}"].fill.fgColor.rgb not in ("00D9D9D9", "FFD9D9D9"):
                problems.append(f"row {row}: builder cell {letter} is not grey")
    if sum(item.existing_answer is not None for item in layout.items) != 2:
        problems.append("the layout wants two rows already answered")
    problems += _walk15(ws, layout, sheet.name, "B", METER_HEADER_ROW + 1, ws.max_row, _band_rows(ws))
    return problems


def _feature_csv_text_fields(layout: Layout) -> list[str]:
    problems: list[str] = []
    raw = layout.path.read_bytes()
    if raw.startswith(b"\xef\xbb\xbf") or raw.count(b"\r\n") != raw.count(b"\n"):
        problems.append("the file has a BOM or a line not ending with CRLF")
    lines = raw.decode("utf-8").split("\r\n")
    records = _records(layout)
    if {len(r) for r in records} != {len(AUCTION_HEADER)}:
        problems.append("records of differing widths")
    sheet = layout.sheets[0]
    if sheet.header_row != AUCTION_HEADER_ROW or records[0] != AUCTION_HEADER or sheet.columns != AUCTION_ROLES:
        problems.append("the header is not record 1 with the layout's roles")
    by_row = {item.row: item for item in layout.items}
    section = None
    wrapped = 0
    for row in range(AUCTION_HEADER_ROW + 1, len(records) + 1):
        record = records[row - 1]
        if record[0] and not any(record[1:]):
            section = record[0]
            if row in by_row:
                problems.append(f"row {row}: a section record taken for an item")
            continue
        item = by_row.get(row)
        if item is None:
            problems.append(f"row {row}: a record that is neither an item nor a section")
            continue
        if not re.fullmatch(r'="\d{3}"', record[0]) or not lines[row - 1].startswith(record[0] + ","):
            problems.append(f"row {row}: the id is not written as an unquoted =\"NNN\" field")
        wrapped += record[2].startswith('="')
        want = (_csv_shows(record[0]), record[1], _csv_shows(record[2]) or None, record[3] or None)
        if (item.id, item.question, item.existing_answer, item.existing_comment) != want:
            problems.append(f"row {row}: the item {(item.id, item.existing_answer)} does not match what Excel shows "
                            f"for the record {want[0]!r}, {want[2]!r}")
        if item.answer_cell != ref(sheet.name, "C", row) or item.comment_cell != ref(sheet.name, "D", row) \
                or item.evidence_cell is not None:
            problems.append(f"row {row}: the item's cells are not C and D on its record")
        if item.allowed_answers or item.allowed_answers_source is not None or item.guidance is not None:
            problems.append(f"row {row}: allowed answers or guidance on a free-text CSV row")
        if item.section != ([section] if section else []):
            problems.append(f"row {row}: section {item.section!r}, the records say {section!r}")
    if wrapped != 1:
        problems.append(f"{wrapped} answers written =\"...\", the layout wants one")
    if len(by_row) != len(layout.items) or any(row > len(records) for row in by_row):
        problems.append("items off the file's records")
    return problems


def _feature_whitespace(layout: Layout) -> list[str]:
    problems: list[str] = []
    wb, values = _books(layout)
    want_sheets = OPTIC_SHEETS + [OPTIC_LISTS]
    if wb.sheetnames != want_sheets or [s.name for s in layout.sheets] != want_sheets \
            or layout.sheets[-1].status != "ignored" or wb[OPTIC_LISTS].sheet_state != "visible":
        problems.append(f"sheets {wb.sheetnames}: expected two questionnaires and the visible, ignored list sheet")
    listed = [wb[OPTIC_LISTS][f"A{r}"].value for r in range(2, 6)]
    if listed != OPTIC_CHOICES or sum(v.endswith(" ") for v in listed) != 2:
        problems.append(f"the list sheet holds {listed}, expected two values with trailing spaces")
    headings = ""
    for sheet in layout.sheets[:2]:
        ws = wb[sheet.name]
        header_row, want = OPTIC_HEADERS[sheet.name]
        if sheet.header_row != header_row or sheet.columns != OPTIC_ROLES[sheet.name]:
            problems.append(f"{sheet.name}: header row {sheet.header_row} / roles {sheet.columns}")
        problems += _header_problems(ws, header_row, want)
        headings += "".join(str(ws[f"{letter}{header_row}"].value) for letter in want)
        for letter, text in want.items():
            plain = collapse(text.replace("\u200b", ""))
            if plain == text:
                continue
            if not re.fullmatch(r"(Ref No\.|Item #|Supplier Response|Supplier comments|Vendor Response|"
                                r"Vendor comments|Evidence reference)", plain):
                problems.append(f"{sheet.name}: heading {letter} reads {plain!r} once its whitespace is plain")
        for item in (i for i in layout.items if i.sheet == sheet.name):
            problems += _shown_item_problems(wb, values, item, sheet.columns, OPTIC_CHOICES)
            found = _validations_over(ws, f"C{item.row}")
            if not found or found[0].formula1 != OPTIC_RANGE:
                problems.append(f"{sheet.name}!row {item.row}: the drop-down is not {OPTIC_RANGE}")
        bands = _band_rows(ws)
        problems += _walk15(ws, layout, sheet.name, "B", header_row + 1, ws.max_row, bands,
                            min_bands=2 if sheet.name == "Practice System" else 0)
    for char, what in (("\u00a0", "a non-breaking space"), ("\u200b", "a zero-width space"), ("\n", "a line break")):
        if headings.count(char) < 2:
            problems.append(f"fewer than two headings hold {what}")
    typed = [q for _, qs in OPTIC_PRACTICE for _, q, _, _ in qs] + [q for _, q, _, _, _ in OPTIC_IMAGING]
    for char, what in (("\t", "a tab"), ("\u00a0", "a non-breaking space"), ("  ", "a double space")):
        if sum(char in q for q in typed) < 2:
            problems.append(f"fewer than two questions hold {what}")
    if not any(q != q.strip() for q in typed):
        problems.append("no question with leading or trailing spaces")
    if any("\t" in item.question or "\u00a0" in item.question for item in layout.items):
        problems.append("a question is not collapsed")
    if sorted(item.existing_answer for item in layout.items if item.existing_answer) != ["No", "Not applicable"]:
        problems.append("the layout wants 'No' and 'Not applicable' already answered")
    return problems


def _feature_last_year_left(layout: Layout) -> list[str]:
    problems: list[str] = []
    wb, values = _books(layout)
    sheet = _one_sheet(layout)
    ws = wb[sheet.name]
    if sheet.header_row != HARBOUR_HEADER_ROW or sheet.columns != HARBOUR_ROLES:
        problems.append(f"header row {sheet.header_row} / roles {sheet.columns}")
    problems += _header_problems(ws, HARBOUR_HEADER_ROW, HARBOUR_HEADER)
    if "2025" not in HARBOUR_HEADER[HARBOUR_PREVIOUS] or column_index_from_string(HARBOUR_PREVIOUS) >= \
            column_index_from_string({r: l for l, r in HARBOUR_ROLES.items()}["answer"]):
        problems.append("last year's column is not labelled 2025 and left of the answer")
    previous_differs = comments = broken = evidence = 0
    for item in layout.items:
        problems += _shown_item_problems(wb, values, item, sheet.columns, HARBOUR_CHOICES)
        last_year = ws[f"{HARBOUR_PREVIOUS}{item.row}"]
        if last_year.value is None or last_year.fill.fgColor.rgb not in ("00D9D9D9", "FFD9D9D9") \
                or _validations_over(ws, last_year.coordinate):
            problems.append(f"row {item.row}: last year's cell is empty, not grey or carries a drop-down")
        previous_differs += last_year.value != item.existing_answer
        comments += item.existing_comment is not None
        broken += bool(item.existing_comment and "\n" in item.existing_comment)
        evidence += ws[f"F{item.row}"].value is not None
        id_cell = ws[f"A{item.row}"]
        if not (isinstance(id_cell.value, str) and id_cell.quotePrefix and re.fullmatch(r"0\d\d", id_cell.value)):
            problems.append(f"row {item.row}: the id is not a three-digit text typed with an apostrophe")
    answered = [item.existing_answer for item in layout.items if item.existing_answer]
    if len(answered) != 3 or previous_differs < len(layout.items) - 2:
        problems.append(f"{len(answered)} draft answers, last year's differ on {previous_differs} rows")
    if comments != 7 or broken != 4 or evidence != 5:
        problems.append(f"{comments} comments ({broken} with line breaks) and {evidence} evidence references; the "
                        "layout wants 7 (4) and 5")
    problems += _walk15(ws, layout, sheet.name, "B", HARBOUR_HEADER_ROW + 1, ws.max_row, _band_rows(ws), min_bands=3)
    return problems


def _feature_hidden_values(layout: Layout) -> list[str]:
    problems: list[str] = []
    wb, values = _books(layout)
    sheet = _one_sheet(layout)
    ws, vws = wb[sheet.name], values[sheet.name]
    if [s.name for s in layout.sheets] != [COURIER_SHEET, COURIER_MAP] or layout.sheets[1].status != "ignored" \
            or wb[COURIER_MAP].sheet_state != "visible":
        problems.append("the framework map is not the second, visible, ignored sheet")
    if sheet.header_row != COURIER_HEADER_ROW or sheet.columns != COURIER_ROLES:
        problems.append(f"header row {sheet.header_row} / roles {sheet.columns}")
    problems += _header_problems(ws, COURIER_HEADER_ROW, COURIER_HEADER)
    mapped = {wb[COURIER_MAP][f"A{r}"].value: wb[COURIER_MAP][f"B{r}"].value
              for r in range(2, wb[COURIER_MAP].max_row + 1)}
    cells = _xml_cells(_sheet_xml(layout, sheet.name))
    hidden_answers = hidden_comments = shown_answers = errors = 0
    for item in layout.items:
        problems += _shown_item_problems(wb, values, item, sheet.columns, COURIER_CHOICES)
        answer, comment = ws[f"D{item.row}"], ws[f"E{item.row}"]
        if answer.number_format == HIDDEN_FORMAT:
            hidden_answers += 1
            if not answer.value or item.existing_answer is not None:
                problems.append(f"row {item.row}: a hidden answer cell without a value, or taken as answered")
        elif answer.value is not None:
            shown_answers += 1
        if comment.number_format == HIDDEN_FORMAT:
            hidden_comments += 1
            if not comment.value or item.existing_comment is not None:
                problems.append(f"row {item.row}: a hidden comment cell without a value, or taken as a comment")
        helper = cells.get(f"C{item.row}")
        want = mapped.get(item.id, "#N/A")
        if helper is None or helper.find("m:f", NS) is None or helper.findtext("m:v", None, NS) != want \
                or (helper.get("t") == "e") != (want == "#N/A") or vws[f"C{item.row}"].value != want:
            problems.append(f"row {item.row}: the mapped control is not a lookup cached as {want!r}")
        errors += want == "#N/A"
    if (hidden_answers, hidden_comments, shown_answers, errors) != (4, 1, 2, 4):
        problems.append(f"{hidden_answers} hidden answers, {hidden_comments} hidden comments, {shown_answers} shown "
                        f"answers, {errors} #N/A lookups; the layout wants 4, 1, 2 and 4")
    problems += _walk15(ws, layout, sheet.name, "B", COURIER_HEADER_ROW + 1, ws.max_row, _band_rows(ws), min_bands=3)
    return problems


FEATURES: dict[str, Callable[[Layout], list[str]]] = {
    "typed_values_existing_answers": _feature_typed_values,
    "yes_no_number_format": _feature_yes_no_format,
    "formatted_and_formula_ids": _feature_formatted_ids,
    "formula_built_questions_shared": _feature_formula_questions,
    "csv_excel_text_fields": _feature_csv_text_fields,
    "whitespace_in_headings_and_lists": _feature_whitespace,
    "existing_comments_last_year_left": _feature_last_year_left,
    "hidden_values_and_error_helper": _feature_hidden_values,
}


def check_layout(layout: Layout) -> list[str]:
    """Every check of one built layout against its file: the imported ones (on the view they can read, less the
    complaints this file replaces), the layout's own feature check and the order of items and ids."""
    problems: list[str] = []
    try:
        with tempfile.TemporaryDirectory(prefix="quire-heldout15-views-") as scratch:
            for problem in _imported_problems(layout, _views(layout, Path(scratch)), _is_replaced):
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
    if name == "typed_values_existing_answers":
        ws = openpyxl.load_workbook(layout.path)[CU_SHEET]
        for item in wrong.items:
            value = ws[f"D{item.row}"].value
            item.existing_answer = None if value is None else str(value)
        return "existing answers as stored ('True', '2026-03-14 00:00:00', '0.62', '1250000')", wrong
    if name == "yes_no_number_format":
        ws = openpyxl.load_workbook(layout.path)[POOL_SHEET]
        for item in wrong.items:
            value = ws[f"C{item.row}"].value
            item.existing_answer = None if value is None else str(value)
        return "existing answers as stored ('1', '0') instead of as shown ('Yes', 'No')", wrong
    if name == "formatted_and_formula_ids":
        wb = openpyxl.load_workbook(layout.path)
        for item in wrong.items:
            item.id = str(wb[item.sheet][f"A{item.row}"].value)
        return "ids as stored ('1.1', '7', the formula text)", wrong
    if name == "formula_built_questions_shared":
        ws = openpyxl.load_workbook(layout.path)[METER_SHEET]
        for item in wrong.items:
            item.question = collapse(ws[f"G{item.row}"].value)
        return "the question read from the Detail builder column", wrong
    if name == "csv_excel_text_fields":
        for item in wrong.items:
            item.id = str(int(item.id))
        return "ids read as numbers, leading zeros lost ('7')", wrong
    if name == "whitespace_in_headings_and_lists":
        for item in wrong.items:
            item.allowed_answers = [value.strip() for value in item.allowed_answers]
        return "the drop-down values' trailing spaces trimmed", wrong
    if name == "existing_comments_last_year_left":
        ws = openpyxl.load_workbook(layout.path)[HARBOUR_SHEET]
        for item in wrong.items:
            item.existing_answer = ws[f"{HARBOUR_PREVIOUS}{item.row}"].value
        return "last year's answers taken for the existing answers", wrong
    if name == "hidden_values_and_error_helper":
        ws = openpyxl.load_workbook(layout.path)[COURIER_SHEET]
        for item in wrong.items:
            item.existing_answer = ws[f"D{item.row}"].value
            item.existing_comment = ws[f"E{item.row}"].value
        return "the values hidden by ;;; taken as existing answers and comments", wrong
    return None


# --- running the set ----------------------------------------------------------------------------------


def self_check(verbose: bool = True) -> int:
    """Writes every file of this set into a temporary folder and checks its expectations (with heldout_layouts6's
    runner, which also compares the questions with sets 6 to 14); returns the number of problems (0 when every
    layout is described by its expectations, every deliberate mistake is caught and nothing repeats an earlier
    set)."""
    return _run_set(15, HELDOUT15_LAYOUTS, check_layout, _aimed_mistake,
                    later=((6, "sixth", HELDOUT6_LAYOUTS), (7, "seventh", HELDOUT7_LAYOUTS),
                           (8, "eighth", HELDOUT8_LAYOUTS), (9, "ninth", HELDOUT9_LAYOUTS),
                           (10, "tenth", HELDOUT10_LAYOUTS), (11, "eleventh", HELDOUT11_LAYOUTS),
                           (12, "twelfth", HELDOUT12_LAYOUTS), (13, "thirteenth", HELDOUT13_LAYOUTS),
                           (14, "fourteenth", HELDOUT14_LAYOUTS)),
                    formats=("xlsx", "csv"), one_item_per_row=True, items_per_file=(8, 20), verbose=verbose)


if __name__ == "__main__":
    sys.exit(1 if self_check() else 0)
