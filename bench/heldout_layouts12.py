#!/usr/bin/env python3
"""Twelfth held-out set of synthetic questionnaires for `bench/layout_bench.py`: the shapes an answer
takes, and where its choices come from.

Written on 2026-12-07 by a helper that did not see the detector's code, its tests, its documentation
or the bench's README, and did not run the tool. It saw only: all of bench/heldout_layouts11.py and
bench/heldout_layouts10.py (the models for this file); the helper functions those two files (and this
one) import from the earlier sets: bench/heldout_layouts.py: its module docstring, its top (imports,
styles, `MarkItem`, `head` ... `save`) and everything from `collapse` to the end (`_resolve_list`,
`_validations_over`, `_hidden_by_merge`, `_check_xlsx`, `_check_csv`, `_tuned_words`, `_near_duplicate`,
`self_check`); bench/heldout_layouts4.py: its module docstring, style helpers, `expect`, `DECOYS` and
its self-check machinery (`ROLE_HEADINGS` ... `_csv_problems`, `check_layout` ... `self_check`);
bench/heldout_layouts5.py: `FOREIGN_HEADINGS`, `_excused`, `_imported_view`, `_roles`, `_load`,
`_all_earlier`, `_overlap_problems`; bench/heldout_layouts6.py: its module docstring and self-check
machinery (`SIDE_BY_SIDE` ... `_solid`, `FEATURES` ... the end, including `_per_product`, `_run_set`
and its `_aimed_mistake`); bench/heldout_layouts7.py: `_records`, `_list_values`;
bench/heldout_layouts8.py: `_header_choices`, `_bands`, `_heading_problems`, `_section_walk`;
bench/heldout_layouts9.py: `_questionnaires` ... `_heading`; the types and small helpers at the top
of Tests/oracle/questionnaire_layouts.py, up to its first builder (and, through a grep for a sheet
name, two lines of one of its builders: that a tuned layout has a sheet named "Lists", which is why
this set's list sheet is called "Reason Lists"); the first eighty lines of the module docstring of
bench/layout_bench.py (which record the earlier sets' blind runs); the lines of the module docstrings
of sets 5, 7, 8 and 9 that hold the word "mark"; and listings of the top-level names of these files.
Nothing is copied from a real or published template or product: every sheet, heading, question,
answer list and company name was written for this set.

An answer is not always one word picked from a list in one cell: it may be a number, several choices,
a mark in one of two columns, or three answers on one row; and the list it is picked from may live
in a formula, a table or a list that changes with another cell. The eight files cover that:

- cascading_dropdowns: a freight company's warehouse-management questionnaire: "Answer" has a plain
  list drop-down (a range of the hidden "Reason Lists" sheet: Yes, No, Partially, N/A), and
  "Reason" beside it has a DEPENDENT drop-down, `=INDIRECT(SUBSTITUTE($C7,"/",""))`, over names
  defined per answer on the hidden sheet (`Yes`, `No`, `Partially`, `NA` -> the reasons for that
  answer); an "Evidence" column;
- custom_validation_formula: a museum trust's ticketing questionnaire whose "Response" cells carry a
  CUSTOM data validation, `=OR(C7="Yes",C7="No",C7="N/A")` (one range over the response column,
  relative to its first cell), with an input message and the error message "Answer Yes, No or N/A";
  no list validation anywhere;
- percentage_and_number_answers: a telecom operator's contact-centre questionnaire whose one
  "Response" column mixes Yes/No rows (list validation) with rows asking for a percentage (cells
  formatted 0%), a number of days or a count (cells formatted 0), and a "Unit" column saying which
  ("Yes/No", "%", "days", "count"); two number rows already answered (97%, 2);
- multi_select_answers: a payments company's tokenisation questionnaire, no section rows: "Select all
  that apply" rows whose "Options" cell lists the choices separated by semicolons ("AES-256; RSA-2048;
  TLS 1.2; TLS 1.3") and whose answer cell takes several of them, semicolon-separated, with no
  drop-down; between them ordinary Yes/No/N/A rows with a list drop-down and an empty Options cell;
- maturity_matrix_three_columns: an airport's baggage-systems supplier maturity sheet: per control,
  three answer columns "Documented", "Implemented", "Monitored", each with its own Yes/No drop-down,
  grouped under a merged heading on the row above the header, and one "Notes" column;
- per_site_columns: a bank's colocation assessment answered per data-centre site: "Frankfurt",
  "Dublin", "Virginia" under a merged "Site" heading, each with its own Yes/No drop-down, beside a
  "Guidance" column and one "Comments" column;
- dropdown_from_table_column: a schools trust's learning-platform assessment whose drop-down is
  `=AnswerChoices`, a defined name referring to the structured reference `tblChoices[Choice]`: the
  "Choice" column of an Excel Table on a visible "Answer Choices" sheet (with a "Meaning" column);
- yes_no_columns_with_x_and_dates: a pharmaceutical distributor's courier checklist answered by an X
  in a "Yes" or a "No" column, with a "Date implemented" column (date validation) beside them and an
  "Evidence link" column (some hyperlinks).

Expectations follow the conventions stated in bench/heldout_layouts.py and sets 4 to 11:

- an item is a row holding a question (or a requirement to respond to) whose answer goes in a
  cell; titles, instructions, legends, section rows, list sheets and notes are not items;
- ids are the questionnaire's own, as displayed;
- answer, comment and evidence cells are absolute references on the item's row; allowed answers
  are the drop-down's values in order, exactly as written (source "validation"), the choices
  written in the answer column's header (source "header"), the choices written per row as text in an
  options column (source "options", as set 10 since its blind run), or, for a row answered by
  marking one of several columns, those columns' headings (source "marks", `answer_cell` None and
  `mark_cells` {choice: reference}, bench/heldout_layouts.py's `MarkItem`); free text has [] and
  source None;
- `question` is the cell's text with whitespace collapsed (`collapse`);
- `section` is the path of plain section heading rows, outermost first, [] where the sheet has none;
- `guidance` is the guidance column's text where the sheet has one (None on a row whose guidance
  cell is empty), None where it has none;
- a customer column (units, options, dates, list sheets) has no role.

Conventions this set had to decide (each layout's `note` repeats its own):

- a dependent (cascading) drop-down: the allowed answers are those of the ANSWER column's own plain
  list, ["Yes", "No", "Partially", "N/A"] (source "validation"); the "Reason" column, whose list is
  `=INDIRECT(...)` of the row's answer, is the COMMENT column: it is where the vendor explains the
  answer, in words the customer chose for each answer. Its values are constrained, but a comment
  cell has no allowed answers in this truth, and the reasons are never allowed answers of the item.
  The hidden "Reason Lists" sheet is ignored (not a questionnaire);
- a CUSTOM validation that only accepts equality with text constants, `=OR(C7="Yes",C7="No",
  C7="N/A")`, gives the allowed answers ["Yes", "No", "N/A"], in the order the formula names them,
  source "validation": the answer cell's data validation is what restricts it, the error message
  ("Answer Yes, No or N/A") says the same, and a careful human reads the three values off the
  formula. (Set 11's whole-number, date and text-length validations give no allowed answers: they
  name no values.) Only a custom formula that is an OR of `cell="text"` tests of the cell itself is
  read so;
- a row whose answer is a number (a percentage, a number of days, a count) is an item in the same
  answer column as the Yes/No rows; it is free text ([] and source None: no list offers its answer);
  the "Unit" column ("%", "days", "count", "Yes/No") has no role and is never header choices. A number
  already in an answer cell is the existing answer AS DISPLAYED: 0.97 formatted 0% is "97%", 2
  formatted 0 is "2" (as ids are taken as displayed);
- a "Select all that apply" row is an item whose allowed answers are the choices of its "Options" cell
  split at the semicolons, in order, source "options" (as set 10's per-row options since its blind
  run); the answer cell takes one or more of them joined by "; " (the sheet's instructions), and an
  existing answer is the cell's text as written ("AES-256; TLS 1.2; TLS 1.3"). The truth has no field
  for "several may be chosen"; the question's wording says it. The Yes/No/N/A rows keep their
  drop-down's list (source "validation"); "Options" has no role;
- three answer columns per row (Documented / Implemented / Monitored; Frankfurt / Dublin / Virginia)
  give THREE items per row, one per answer column, in column order, as set 6 gave two for two
  products side by side: the vendor must fill every column, and one item per row would leave two
  thirds of the sheet unanswered. The three items share the row's question (and guidance). The
  first column's item has the row's id as displayed ("MM-04", "DC-03"); the others' ids add the
  column's heading in brackets ("MM-04 [Implemented]", "DC-03 [Dublin]"), as the bench records for
  set 6's second product ("AS-3 [Harbor Mobile]"), so that every item's id is unique. The one notes
  or comments column of the row is the comment cell of all three items (it is the row's only place
  to explain any of them). The merged grouping heading ("Maturity ...", "Site") is on the row above
  the header; the header row is the row with the column headings, as in sets 8, 9 and 11;
- a drop-down whose list is a defined name referring to a Table column (`AnswerChoices` =
  `tblChoices[Choice]`) gives the column's data values, in table order, header excluded (source
  "validation"); the "Answer Choices" sheet holding the Table is visible and ignored;
- a row answered by an X under "Yes" or "No" is a mark item (`MarkItem`: `answer_cell` None,
  `mark_cells` {"Yes": C, "No": D} on its row, allowed answers ["Yes", "No"], source "marks"); its
  existing answer is the heading of the marked column ("X" or "x" alike). Both mark columns have the
  role "answer" in the sheet's columns (the answer is given in them, as a side-by-side sheet has
  several answer columns). "Date implemented" (a date validation, filled on Yes rows) is not the
  answer, not the comment and has no role; "Evidence link" is the evidence cell.

Run `python bench/heldout_layouts12.py` (arguments, such as `--self-check`, are ignored, as in sets 10
and 11) to write every file into a temporary folder and check, with openpyxl, zipfile and the csv
module alone (the checks of bench/heldout_layouts.py, bench/heldout_layouts4.py,
bench/heldout_layouts5.py and bench/heldout_layouts6.py, imported, plus one check per layout of the
feature it exercises, which reads the written file back), that the expectations describe the files,
that deliberate mistakes (the imported ones: an answer column shifted either way, a dropped item, an
item off by one row; and one per layout aimed at its feature) are caught, and that no sheet name or
question repeats (or nearly repeats) one of the tuned layouts or of the eleven earlier held-out sets.

Where the imported checks cannot see a feature, this file says so and checks it itself:
- their heading patterns want an answer word over the answer column and a comment word over the
  comment column, so their complaints about "Reason" (cascading_dropdowns), "Documented" /
  "Implemented" / "Monitored", "Frankfurt" / "Dublin" / "Virginia" and "Yes" / "No" as answer headings
  are replaced by those layouts' feature checks, which check the headings;
- they want a LIST validation where the source is "validation", so their complaint that the custom
  validation's answer cells have none is replaced by `_feature_custom_formula`;
- they compare an answer cell's stored value with the existing answer, so their complaint that a
  number cell holds 0.97 where "97%" is expected is replaced by `_feature_numbers` (the value as
  displayed);
- they know the sources "validation", "header" and "marks", so their complaint about "options" is
  replaced by `_feature_multi_select`, as in set 10;
- they hold one answer column per sheet, so a three-column sheet is shown to them once per answer
  column (heldout_layouts6's `_per_product`, with this file's roles: the k-th answer column and the
  shared comment column), with each item's id as its row shows it; their complaint that a mark item
  has no answer cell in the sheet's answer column is replaced by `_feature_marks`;
- they cannot resolve a defined name that refers to a structured reference (openpyxl raises), so
  dropdown_from_table_column is shown to them as a copy whose name refers to the Table column's cells
  (`'Answer Choices'!$A$4:$A$8`); `_feature_table_choices` checks the real name and the Table;
- they want every sheet visible, so their complaint that "Reason Lists" is hidden is replaced by
  `_feature_cascading`, which wants it hidden.

From bench/heldout_layouts6.py this file imports, as sets 7 to 11 do, the self-check machinery:
`_run_set` (sets 6 to 11 are passed as the later sets, so that the questions are compared with theirs
too), the parts of `check_layout` (`_imported_problems`, `_feature_problems`, `_order_problems`),
`_per_product`, `_letters`, `_rows_of` and `_role`; from bench/heldout_layouts11.py
`_all_validations_over`; from bench/heldout_layouts10.py `_headings`; from bench/heldout_layouts9.py
`_only_sheet`, `_drop_down_problems` and `_walk`; from bench/heldout_layouts4.py the style helpers
and `expect`; from bench/heldout_layouts.py `MarkItem`, `collapse`, `split_ref`,
`_resolve_list` and `_validations_over`.
"""

from __future__ import annotations

import copy
import re
import sys
import tempfile
import zipfile
from datetime import date, datetime
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
from openpyxl.styles import Font  # noqa: E402
from openpyxl.utils.cell import column_index_from_string, get_column_letter, range_boundaries  # noqa: E402
from openpyxl.workbook.defined_name import DefinedName  # noqa: E402
from openpyxl.worksheet.cell_range import CellRange  # noqa: E402
from openpyxl.worksheet.datavalidation import DataValidation  # noqa: E402
from openpyxl.worksheet.table import Table, TableStyleInfo  # noqa: E402

from heldout_layouts import MarkItem, _resolve_list, _validations_over, collapse, split_ref  # noqa: E402
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
    _letters,
    _order_problems,
    _per_product,
    _role,
    _rows_of,
    _run_set,
)
from heldout_layouts7 import HELDOUT7_LAYOUTS  # noqa: E402
from heldout_layouts8 import HELDOUT8_LAYOUTS  # noqa: E402
from heldout_layouts9 import (  # noqa: E402
    HELDOUT9_LAYOUTS,
    _drop_down_problems,
    _only_sheet,
    _walk,
)
from heldout_layouts10 import HELDOUT10_LAYOUTS, _headings  # noqa: E402
from heldout_layouts11 import HELDOUT11_LAYOUTS, _all_validations_over  # noqa: E402
from questionnaire_layouts import (  # noqa: E402
    ExpectedItem,
    ExpectedSheet,
    Layout,
    list_validation,
    ref,
)

# --- this set's answer lists and looks ----------------------------------------------------------------

CASCADE_CHOICES = ["Yes", "No", "Partially", "N/A"]
CUSTOM_CHOICES = ["Yes", "No", "N/A"]
YES_NO = ["Yes", "No"]
YES_NO_NA = ["Yes", "No", "N/A"]
TABLE_CHOICES = ["Met", "Partly met", "Not met", "Planned", "Not relevant"]
MARKS = ["Yes", "No"]

GROUP_FONT = Font(name="Verdana", bold=True, color="FFFFFF", size=10)
UNIT_FONT = Font(name="Verdana", italic=True, size=9, color="404040")
OPTIONS_FONT = Font(name="Consolas", size=9, color="1F3864")
GUIDE_FONT = Font(name="Verdana", italic=True, size=8, color="404040")
LINK_FONT = Font(name="Verdana", size=9, color="0563C1", underline="single")
MARK_FONT = Font(name="Verdana", bold=True, size=10)
LIST_HEAD = Font(name="Calibri", bold=True, size=11)


def _row_id(item_id: Any) -> Any:
    """The id as the item's row shows it: "MM-04 [Implemented]" -> "MM-04"."""
    return re.sub(r" \[[^\]]+\]$", "", item_id) if isinstance(item_id, str) else item_id


def _anchor(dv: Any) -> tuple[str, int]:
    """The top-left cell of a validation's range, which its relative references are relative to (this set
    writes every such validation over one range; openpyxl keeps a validation's ranges as a set)."""
    ranges = [CellRange(str(r)) for r in dv.sqref.ranges]
    return get_column_letter(min(r.min_col for r in ranges)), min(r.min_row for r in ranges)


def _covers(dv: Any, coordinate: str) -> bool:
    return any(coordinate in CellRange(str(r)) for r in dv.sqref.ranges)


# --- 1. a dependent drop-down: the Reason list follows the row's answer --------------------------------

CASCADE_SHEET = "WMS Vendor Review"
CASCADE_LISTS = "Reason Lists"
CASCADE_HEADER = {"A": "Ref", "B": "Question", "C": "Answer", "D": "Reason", "E": "Evidence"}
CASCADE_HEADER_ROW = 5
CASCADE_ANSWER_RANGE = f"'{CASCADE_LISTS}'!$A$2:$A$5"
#: Answer -> the reasons the customer offers for it (the named range of that answer, on the list sheet).
CASCADE_REASONS: dict[str, list[str]] = {
    "Yes": ["Fully in place across the service", "Certified by an independent auditor", "Contractually committed"],
    "No": ["Planned within 6 months", "Planned within 12 months", "Risk accepted by management",
           "Compensating control in place"],
    "Partially": ["Some sites or systems only", "Manual process, not automated", "Being rolled out now"],
    "N/A": ["Feature not used by this service", "Handled by the customer"],
}
#: (section, [(ref, question, existing answer, existing reason, evidence)])
CASCADE_SECTIONS: list[tuple[str, list[tuple[str, str, str | None, str | None, str | None]]]] = [
    ("1 Access control", [
        ("HF-01", "Are warehouse operators' handheld scanner logins tied to individual accounts rather than shared "
                  "shift logins?", "Yes", "Fully in place across the service", "WMS-ACC-02 Handheld sign-in.pdf"),
        ("HF-02", "Is access to the WMS administration console restricted to named staff connecting from approved "
                  "network locations?", None, None, None),
        ("HF-03", "Are the accounts of seasonal pickers disabled automatically on the day their agency contract "
                  "ends?", None, None, None),
        ("HF-04", "Do the customer-facing inventory portals require a second sign-in factor from every user?",
         "Partially", "Being rolled out now", None),
    ]),
    ("2 Data protection", [
        ("HF-05", "Are consignee names and delivery addresses encrypted in the WMS database and in its backups?",
         None, None, None),
        ("HF-06", "Is stock and order data for our account kept logically separate from other shippers' data?",
         None, None, None),
        ("HF-07", "Are shipping labels and load manifests purged from the print servers once a trailer has left "
                  "the dock?", None, None, None),
        ("HF-08", "Can you export our complete inventory movement history in CSV or JSON within five working days "
                  "of a request?", None, None, None),
    ]),
    ("3 Operations", [
        ("HF-09", "Are changes to pick-path and slotting rules tested in a staging copy of the warehouse before "
                  "release?", None, None, None),
        ("HF-10", "Is the WMS watched around the clock, with an on-call engineer reachable during our night "
                  "shifts?", None, None, None),
        ("HF-11", "Can goods receipt and dispatch carry on with paper pick lists for at least one shift if the WMS "
                  "is down?", "No", "Planned within 6 months", None),
        ("HF-12", "Are the interfaces to carrier booking systems authenticated with a separate key per carrier "
                  "that you rotate?", None, None, None),
    ]),
    ("4 Supplier management", [
        ("HF-13", "Are the hosting provider and any label-printing subcontractors named in your contract with "
                  "us?", None, None, None),
        ("HF-14", "Do you review the security of your warehouse robotics and conveyor control vendors at least "
                  "every two years?", "N/A", "Feature not used by this service", None),
        ("HF-15", "Will you tell our logistics control tower within eight hours of an incident that stops order "
                  "processing?", None, None, None),
    ]),
]


def _reason_name(answer: str) -> str:
    """The defined name holding the reasons for an answer: the answer without "/" (a name cannot hold one)."""
    return answer.replace("/", "")


def _reason_formula(row: int) -> str:
    return f'INDIRECT(SUBSTITUTE($C{row},"/",""))'


def cascading_dropdowns(folder: Path) -> Layout:
    wb = Workbook()
    ws = wb.active
    ws.title = CASCADE_SHEET
    caption(ws, "A1", "Halloran Freight – Warehouse Management Service: Vendor Security Review", "A1:E1")
    small_print(ws, "A2", "Logistics IT Assurance · Review HF-VR-2027-09 · Version 1.2", "A2:E2")
    small_print(ws, "A3", "Choose an Answer first; the Reason list then offers the reasons that fit that answer. "
                          "Name any supporting document in Evidence.", "A3:E3")
    heading_row(ws, CASCADE_HEADER_ROW, CASCADE_HEADER, paint="slate")
    items = []
    answer_cells = []
    row = CASCADE_HEADER_ROW
    first = last = 0
    for section, questions in CASCADE_SECTIONS:
        row += 1
        band_row(ws, row, section, "A", "E", paint="mist")
        for id_, question, existing, reason, evidence in questions:
            row += 1
            first, last = first or row, row
            body_row(ws, row, {"A": id_, "B": question, "C": existing, "D": reason, "E": evidence}, "ABCDE")
            ws[f"C{row}"].alignment = MIDDLE
            ws[f"C{row}"].fill = PAINT["input"]
            ws[f"D{row}"].fill = PAINT["input"]
            answer_cells.append(f"C{row}")
            items.append(expect(CASCADE_SHEET, row, question, "C", id_, comment="D", evidence="E",
                                allowed=CASCADE_CHOICES, existing=existing, existing_comment=reason,
                                section=[section]))
    answers = list_validation(ws, CASCADE_ANSWER_RANGE, *answer_cells)
    answers.prompt, answers.showInputMessage = "Choose Yes, No, Partially or N/A.", True
    reasons = DataValidation(type="list", formula1=_reason_formula(first), allow_blank=True, showInputMessage=True,
                             prompt="Choose the reason that best fits your answer.", showErrorMessage=True,
                             errorTitle="Reason", error="Pick a reason from the list for the answer you gave.")
    ws.add_data_validation(reasons)
    reasons.add(f"D{first}:D{last}")
    col_widths(ws, A=8, B=72, C=13, D=34, E=32)
    ws.freeze_panes = f"A{CASCADE_HEADER_ROW + 1}"
    lists = wb.create_sheet(CASCADE_LISTS)
    lists["A1"] = "Answers"
    lists["A1"].font = LIST_HEAD
    for offset, answer in enumerate(CASCADE_CHOICES, start=2):
        lists[f"A{offset}"] = answer
    for index, answer in enumerate(CASCADE_CHOICES, start=3):
        letter = get_column_letter(index)
        name = _reason_name(answer)
        lists[f"{letter}1"] = name
        lists[f"{letter}1"].font = LIST_HEAD
        values = CASCADE_REASONS[answer]
        for offset, reason in enumerate(values, start=2):
            lists[f"{letter}{offset}"] = reason
        wb.defined_names[name] = DefinedName(
            name, attr_text=f"'{CASCADE_LISTS}'!${letter}$2:${letter}${1 + len(values)}")
    col_widths(lists, A=12, C=34, D=34, E=30, F=32)
    lists.sheet_state = "hidden"
    path = store(wb, folder, "Halloran_WMS_vendor_security_review.xlsx")
    return Layout(
        name="cascading_dropdowns",
        path=path,
        format="xlsx",
        sheets=[sheet_of(CASCADE_SHEET, CASCADE_HEADER_ROW, {"A": "id", "B": "question", "C": "answer",
                                                             "D": "comment", "E": "evidence"}),
                ExpectedSheet(CASCADE_LISTS, "ignored")],
        items=items,
        note="A warehouse-management questionnaire, header on row 5: 'Ref' (id), 'Question', 'Answer' (drop-down "
             "from the hidden 'Reason Lists' sheet: 'Yes', 'No', 'Partially', 'N/A'), 'Reason' (a DEPENDENT "
             "drop-down, =INDIRECT(SUBSTITUTE($C7,\"/\",\"\")), over names defined per answer: Yes, No, Partially, "
             "NA -> that answer's reasons), 'Evidence' (evidence). CONVENTION: the allowed answers are the Answer "
             "column's own list (source validation); 'Reason' is the COMMENT column (the vendor's explanation, "
             "in the customer's words for each answer); its reasons are never allowed answers. The hidden list "
             "sheet is ignored. Section rows give the section; four rows already answered, each with a reason "
             "from its answer's list (Yes, Partially, No, N/A).",
    )


# --- 2. a custom validation formula instead of a list ------------------------------------------------

CUSTOM_SHEET = "Ticketing Supplier Qs"
CUSTOM_HEADER = {"A": "ID", "B": "Question", "C": "Response", "D": "Comments"}
CUSTOM_HEADER_ROW = 5
CUSTOM_ERROR = "Answer Yes, No or N/A"
#: (section, [(id, question, existing response, existing comment)])
CUSTOM_SECTIONS: list[tuple[str, list[tuple[str, str, str | None, str | None]]]] = [
    ("A. Visitor data", [
        ("VM-01", "Are visitor names and email addresses collected at booking used only to deliver tickets and "
                  "visit information?", None, None),
        ("VM-02", "Can members of the public ask for their booking history to be deleted through a self-service "
                  "form?", None, None),
        ("VM-03", "Is marketing consent recorded apart from the ticket purchase, together with the wording the "
                  "visitor was shown?", None, None),
        ("VM-04", "Are school group bookings that name pupils kept apart from general admission records?", "N/A",
         "We do not handle school group bookings; the Trust's learning team takes them by phone."),
    ]),
    ("B. Payments", [
        ("VM-05", "Are card payments taken at the museum's shop and admission tills handled by point-to-point "
                  "encrypted terminals?", "Yes", None),
        ("VM-06", "Is the online checkout built on a payment provider's hosted fields rather than on your own "
                  "servers?", None, None),
        ("VM-07", "Must a refund above an agreed amount be approved by a second member of the Trust's staff?", None,
         None),
    ]),
    ("C. Platform", [
        ("VM-08", "Is the ticketing platform tested against ticket-scalping bots before each major exhibition goes "
                  "on sale?", "No", "Bot protection relies on the provider's rate limits; no dedicated test."),
        ("VM-09", "Can the Trust's box-office staff sign in with the Trust's own accounts instead of platform "
                  "passwords?", None, None),
        ("VM-10", "Are barcodes scanned at the galleries' entrances checked against the live booking so that "
                  "copied tickets are refused?", None, None),
        ("VM-11", "Do you patch the operating system of the self-service kiosks in our foyer at least once a "
                  "month?", None, None),
    ]),
    ("D. Service continuity", [
        ("VM-12", "Can timed-entry tickets still be scanned offline if the museum's internet link fails?", None,
         None),
        ("VM-13", "Is there a written plan for moving our ticketing to another supplier when the contract ends?",
         None, None),
        ("VM-14", "Would an outage on a sold-out exhibition weekend be escalated to a named manager within fifteen "
                  "minutes?", None, None),
        ("VM-15", "Are daily copies of our booking data kept for at least thirty days in a separate region?", None,
         None),
    ]),
]


def _custom_formula(column: str, row: int, choices: list[str]) -> str:
    return "OR(" + ",".join(f'{column}{row}="{choice}"' for choice in choices) + ")"


def _custom_values(formula: str, column: str, row: int) -> list[str] | None:
    """The text constants of a custom formula that is an OR of `cell="text"` tests of `column``row`."""
    match = re.fullmatch(r"=?OR\((.*)\)", formula.strip())
    if match is None:
        return None
    parts = match.group(1).split(",")
    found = [re.fullmatch(rf'{column}{row}="([^"]*)"', part.strip()) for part in parts]
    return [m.group(1) for m in found] if all(found) else None


def custom_validation_formula(folder: Path) -> Layout:
    wb = Workbook()
    ws = wb.active
    ws.title = CUSTOM_SHEET
    caption(ws, "A1", "Verrill Museum Trust – Ticketing and Admissions Platform: Supplier Questionnaire", "A1:D1")
    small_print(ws, "A2", "Digital Services · Procurement VMT-2027-TIX", "A2:D2")
    small_print(ws, "A3", "Type your response in column C; each response cell accepts Yes, No or N/A. Use Comments "
                          "for anything we should know.", "A3:D3")
    heading_row(ws, CUSTOM_HEADER_ROW, CUSTOM_HEADER, paint="plum")
    items = []
    row = CUSTOM_HEADER_ROW
    first = last = 0
    for section, questions in CUSTOM_SECTIONS:
        row += 1
        band_row(ws, row, section, "A", "D", paint="straw")
        for id_, question, existing, remark in questions:
            row += 1
            first, last = first or row, row
            body_row(ws, row, {"A": id_, "B": question, "C": existing, "D": remark}, "ABCD")
            ws[f"C{row}"].alignment = MIDDLE
            ws[f"C{row}"].fill = PAINT["input"]
            items.append(expect(CUSTOM_SHEET, row, question, "C", id_, comment="D", allowed=CUSTOM_CHOICES,
                                existing=existing, existing_comment=remark, section=[section]))
    dv = DataValidation(type="custom", formula1=_custom_formula("C", first, CUSTOM_CHOICES), allow_blank=True,
                        showInputMessage=True, promptTitle="Response", prompt="Type Yes, No or N/A.",
                        showErrorMessage=True, errorStyle="stop", errorTitle="Invalid response", error=CUSTOM_ERROR)
    ws.add_data_validation(dv)
    dv.add(f"C{first}:C{last}")
    col_widths(ws, A=8, B=74, C=12, D=46)
    ws.freeze_panes = f"A{CUSTOM_HEADER_ROW + 1}"
    path = store(wb, folder, "VMT-2027-TIX_supplier_questionnaire.xlsx")
    return Layout(
        name="custom_validation_formula",
        path=path,
        format="xlsx",
        sheets=[sheet_of(CUSTOM_SHEET, CUSTOM_HEADER_ROW, {"A": "id", "B": "question", "C": "answer",
                                                           "D": "comment"})],
        items=items,
        note="A ticketing supplier questionnaire, header on row 5: 'ID' (id), 'Question', 'Response' (answer), "
             "'Comments' (comment); section rows. The Response cells carry a CUSTOM data validation, "
             "=OR(C7=\"Yes\",C7=\"No\",C7=\"N/A\") over C7:C24 (relative to C7), error message 'Answer Yes, No "
             "or N/A'; there is no list validation. CONVENTION: a custom formula that only tests the cell for "
             "equality with text constants gives those constants as the allowed answers, in the formula's order: "
             "['Yes', 'No', 'N/A'], source validation. Three rows already answered (N/A, Yes, No).",
    )


# --- 3. Yes/No rows and number rows (percentages, days, counts) in one answer column ----------------------

NUMBER_SHEET = "Contact Centre Review"
NUMBER_HEADER = {"A": "Ref", "B": "Question", "C": "Unit", "D": "Response", "E": "Comments"}
NUMBER_HEADER_ROW = 5
PERCENT, DAYS, COUNT, YESNO = "%", "days", "count", "Yes/No"
NUMBER_FORMATS = {PERCENT: "0%", DAYS: "0", COUNT: "0"}
#: (section, [(ref, question, unit, stored answer (a number on number rows), existing comment)])
NUMBER_SECTIONS: list[tuple[str, list[tuple[str, str, str, Any, str | None]]]] = [
    ("Workforce", [
        ("CC-01", "What percentage of the agents handling our customers completed security awareness training in the "
                  "last twelve months?", PERCENT, 0.97, None),
        ("CC-02", "Are agents screened for criminal records before they take calls for our brands?", YESNO, "Yes",
         None),
        ("CC-03", "How many agents currently work on our account across all of your sites?", COUNT, None, None),
        ("CC-04", "Within how many days of an agent leaving are their network and telephony accounts removed?", DAYS,
         None, None),
    ]),
    ("Access and devices", [
        ("CC-05", "Are agent desktops locked down so that files cannot be copied to USB storage?", YESNO, None, None),
        ("CC-06", "What proportion of agent workstations received the latest critical security patch within "
                  "fourteen days?", PERCENT, None, None),
        ("CC-07", "Is card data given over the phone captured with keypad-tone masking so that agents never hear "
                  "it?", YESNO, None, None),
        ("CC-08", "How many of your staff hold administrator rights on the contact-centre telephony platform?",
         COUNT, None, None),
    ]),
    ("Incidents", [
        ("CC-09", "How many security incidents affecting our customers' data did you record in your contact centres "
                  "last year?", COUNT, 2, "Both were misdirected emails; neither involved payment data."),
        ("CC-10", "What is your target number of days for completing the investigation of a reported "
                  "social-engineering call?", DAYS, None, None),
        ("CC-11", "Are call recordings that hold identity verification answers reviewed for signs of fraud?", YESNO,
         None, None),
    ]),
    ("Quality and records", [
        ("CC-12", "What percentage of calls does your quality team sample each month for data-handling errors?",
         PERCENT, None, None),
        ("CC-13", "After how many days are the call recordings made for our account deleted?", DAYS, None, None),
        ("CC-14", "Do team leaders check that agents do not write customer details on paper at their desks?", YESNO,
         None, None),
        ("CC-15", "Must home-working agents take calls in a room where they cannot be overheard?", YESNO, "No",
         "A headset and a closed door are required; a separate room is not."),
    ]),
]


def _displayed(value: Any, number_format: str) -> str | None:
    """A stored number as Excel displays it in this layout's formats (0% and 0)."""
    if value is None:
        return None
    if isinstance(value, str):
        return value
    if number_format == "0%":
        return f"{round(value * 100):d}%"
    if number_format == "0":
        return f"{round(value):d}"
    return str(value)


def percentage_and_number_answers(folder: Path) -> Layout:
    wb = Workbook()
    ws = wb.active
    ws.title = NUMBER_SHEET
    caption(ws, "A1", "Castellan Telecom – Contact Centre Outsourcing: Security and Data Handling Review", "A1:E1")
    small_print(ws, "A2", "Supplier Risk · Review CT-BPO-2027-04", "A2:E2")
    small_print(ws, "A3", "The Unit column says what each response should be: Yes or No from the list, a percentage, "
                          "a number of days or a count. Type numbers only; the cells are formatted for you.", "A3:E3")
    heading_row(ws, NUMBER_HEADER_ROW, NUMBER_HEADER, paint="navy")
    items = []
    yes_no_cells = []
    row = NUMBER_HEADER_ROW
    for section, questions in NUMBER_SECTIONS:
        row += 1
        band_row(ws, row, section, "A", "E", paint="cyan")
        for id_, question, unit, stored, remark in questions:
            row += 1
            body_row(ws, row, {"A": id_, "B": question, "C": unit, "D": stored, "E": remark}, "ABCDE")
            ws[f"C{row}"].font = UNIT_FONT
            ws[f"C{row}"].alignment = MIDDLE
            ws[f"D{row}"].alignment = MIDDLE
            ws[f"D{row}"].fill = PAINT["input"]
            if unit == YESNO:
                yes_no_cells.append(f"D{row}")
                items.append(expect(NUMBER_SHEET, row, question, "D", id_, comment="E", allowed=YES_NO,
                                    existing=stored, existing_comment=remark, section=[section]))
            else:
                ws[f"D{row}"].number_format = NUMBER_FORMATS[unit]
                items.append(expect(NUMBER_SHEET, row, question, "D", id_, comment="E",
                                    existing=_displayed(stored, NUMBER_FORMATS[unit]), existing_comment=remark,
                                    section=[section]))
    list_validation(ws, YES_NO, *yes_no_cells)
    col_widths(ws, A=8, B=72, C=9, D=12, E=44)
    ws.freeze_panes = f"A{NUMBER_HEADER_ROW + 1}"
    path = store(wb, folder, "Castellan_contact_centre_security_review.xlsx")
    return Layout(
        name="percentage_and_number_answers",
        path=path,
        format="xlsx",
        sheets=[sheet_of(NUMBER_SHEET, NUMBER_HEADER_ROW, {"A": "id", "B": "question", "D": "answer",
                                                           "E": "comment"})],
        items=items,
        note="A contact-centre questionnaire, header on row 5: 'Ref' (id), 'Question', 'Unit' ('Yes/No', '%', "
             "'days', 'count'; no role), 'Response' (answer), 'Comments' (comment); section rows. Yes/No rows have "
             "a list drop-down 'Yes', 'No'; percentage rows are formatted 0%, day and count rows 0, without any "
             "validation. CONVENTION: the number rows are items in the same answer column, free text ([] and "
             "source None); 'Unit' is never header choices. A number already in an answer cell is the existing "
             "answer as displayed: 0.97 formatted 0% is '97%', 2 formatted 0 is '2'. Four rows already answered "
             "(97%, Yes, 2, No).",
    )


# --- 4. multi-select rows ("Select all that apply") among Yes/No rows -------------------------------------

MULTI_SHEET = "Crypto and Platform"
MULTI_HEADER = {"A": "Q Ref", "B": "Question", "C": "Options", "D": "Answer", "E": "Comments"}
MULTI_HEADER_ROW = 4
MULTI_SEPARATOR = "; "
SELECT_ALL = "Select all that apply."
#: (ref, question, options ("" for a Yes/No/N/A row), existing answer, existing comment)
MULTI_ROWS: list[tuple[str, str, str, str | None, str | None]] = [
    ("OP-01", "Which of the following protect card data that the vault holds or sends? Select all that apply.",
     "AES-256; RSA-2048; TLS 1.2; TLS 1.3", "AES-256; TLS 1.2; TLS 1.3", None),
    ("OP-02", "Are primary account numbers replaced by tokens before they reach any system outside the vault?", "",
     "Yes", None),
    ("OP-03", "Where are the vault's encryption keys generated and kept? Select all that apply.",
     "Cloud HSM; On-premises HSM; Cloud KMS; Software key store", None, None),
    ("OP-04", "Are detokenisation requests accepted only from an allow-list of our merchant services?", "", None,
     None),
    ("OP-05", "Which attestations cover the tokenisation service today? Select all that apply.",
     "PCI DSS Level 1 AOC; SOC 2 Type II; ISO/IEC 27001; PCI 3DS", "PCI DSS Level 1 AOC; ISO/IEC 27001",
     "The SOC 2 Type II period ends in June; the report follows in August."),
    ("OP-06", "Do the tokens preserve the card number's format, so that our systems can keep showing the last four "
              "digits?", "", None, None),
    ("OP-07", "How may our services authenticate their calls to the vault API? Select all that apply.",
     "Mutual TLS; OAuth 2.0 client credentials; Signed JWT; Static API key", None, None),
    ("OP-08", "Must vault administrators work from a dedicated privileged-access workstation?", "", "No",
     "Administrators use managed laptops with a separate admin profile."),
    ("OP-09", "In which hosting regions can our vault instance run? Select all that apply.",
     "EU (Frankfurt); EU (Paris); UK (London); US (Ohio)", None, None),
    ("OP-10", "Are data-encryption keys rotated without taking the tokenisation service offline?", "", None, None),
    ("OP-11", "Which events in our tenant does the vault log? Select all that apply.",
     "Token creation; Detokenisation; Key rotation; Administrator sign-in; Configuration change", None, None),
    ("OP-12", "Can we read the logs of detokenisation calls in near real time?", "", None, None),
    ("OP-13", "Through which channels can we report a suspected compromise to your security team? Select all that "
              "apply.", "24x7 phone line; Security email inbox; Customer portal ticket; Named account manager", None,
     None),
    ("OP-14", "Is the vault penetration-tested by an independent firm at least once a year?", "", None, None),
]


def _options(text: Any) -> list[str]:
    return [part.strip() for part in text.split(";") if part.strip()] if isinstance(text, str) else []


def multi_select_answers(folder: Path) -> Layout:
    wb = Workbook()
    ws = wb.active
    ws.title = MULTI_SHEET
    caption(ws, "A1", "Orrin Pay – Card Tokenisation Vault: Vendor Questionnaire", "A1:E1")
    small_print(ws, "A2", "For questions marked 'Select all that apply', type every option that applies in the "
                          "Answer cell, exactly as written in Options and separated by semicolons (for example "
                          "'Cloud HSM; Cloud KMS'). Answer the other questions from the drop-down.", "A2:E2")
    heading_row(ws, MULTI_HEADER_ROW, MULTI_HEADER, paint="moss")
    items = []
    single_cells = []
    for row, (id_, question, options, existing, remark) in enumerate(MULTI_ROWS, start=MULTI_HEADER_ROW + 1):
        body_row(ws, row, {"A": id_, "B": question, "C": options, "D": existing, "E": remark}, "ABCDE")
        ws[f"D{row}"].fill = PAINT["input"]
        if options:
            ws[f"C{row}"].font = OPTIONS_FONT
            choices = _options(options)
            items.append(expect(MULTI_SHEET, row, question, "D", id_, comment="E", allowed=choices, source="options",
                                existing=existing, existing_comment=remark, section=[]))
        else:
            ws[f"D{row}"].alignment = MIDDLE
            single_cells.append(f"D{row}")
            items.append(expect(MULTI_SHEET, row, question, "D", id_, comment="E", allowed=YES_NO_NA,
                                existing=existing, existing_comment=remark, section=[]))
    list_validation(ws, YES_NO_NA, *single_cells)
    col_widths(ws, A=8, B=66, C=40, D=30, E=40)
    ws.freeze_panes = f"A{MULTI_HEADER_ROW + 1}"
    path = store(wb, folder, "OrrinPay_tokenisation_vendor_questionnaire.xlsx")
    return Layout(
        name="multi_select_answers",
        path=path,
        format="xlsx",
        sheets=[sheet_of(MULTI_SHEET, MULTI_HEADER_ROW, {"A": "id", "B": "question", "D": "answer", "E": "comment"})],
        items=items,
        note="A tokenisation vendor questionnaire, header on row 4: 'Q Ref' (id), 'Question', 'Options', 'Answer' "
             "(answer), 'Comments' (comment); no section rows (section []). Seven 'Select all that apply' rows list "
             "their choices in 'Options' separated by semicolons and have no drop-down; seven Yes/No/N/A rows have "
             "a list drop-down and an empty Options cell. CONVENTION: a multi-select row's allowed answers are its "
             "Options split at the semicolons, in order, source 'options' (as set 10's per-row options); its answer "
             "is one or more of them joined by '; ' in the answer cell, and an existing answer is the cell's text "
             "as written ('AES-256; TLS 1.2; TLS 1.3'). 'Options' has no role. Four rows already answered (two "
             "multi-select, two Yes/No).",
    )


# --- 5 and 6. three answer columns per row: maturity levels, and sites -----------------------------------

MATRIX_SHEET = "Control Maturity"
MATRIX_HEADER = {"A": "Control ID", "B": "Control Requirement", "C": "Documented", "D": "Implemented",
                 "E": "Monitored", "F": "Notes"}
MATRIX_HEADER_ROW = 5
MATRIX_GROUP = ("C4:E4", "Maturity – choose Yes or No in each column")
MATRIX_COLUMNS = ["C", "D", "E"]
#: (section, [(id, requirement, (documented, implemented, monitored), existing note)])
MATRIX_SECTIONS: list[tuple[str, list[tuple[str, str, tuple[str | None, ...], str | None]]]] = [
    ("Governance", [
        ("MM-01", "Access to the baggage sortation control system is granted only on a formal request approved by "
                  "the airport's engineering lead.", ("Yes", "No", None), "Approval is by email today; the request "
                                                                          "form goes live in May."),
        ("MM-02", "Security duties of the supplier's field engineers working airside are defined and assigned to "
                  "named people.", (None, None, None), None),
    ]),
    ("Technical controls", [
        ("MM-03", "Programmable logic controllers on the sortation lines run only firmware versions the airport has "
                  "approved in writing.", (None, None, None), None),
        ("MM-04", "Remote maintenance connections to the baggage systems are opened for each job and closed when "
                  "the work ends.", ("Yes", "Yes", "No"), "Sessions are logged; nothing alerts us yet when a "
                                                          "session stays open overnight."),
    ]),
    ("Resilience", [
        ("MM-05", "Spare controllers and drive units are stocked on site so that a failed sorter can be restored "
                  "within four hours.", (None, None, None), None),
        ("MM-06", "Failover of the baggage reconciliation servers is rehearsed with the airport operations centre at "
                  "least once a year.", (None, None, None), None),
    ]),
]

SITE_SHEET = "Site Controls"
SITE_HEADER = {"A": "Ref", "B": "Control question", "C": "Guidance", "D": "Frankfurt", "E": "Dublin",
               "F": "Virginia", "G": "Comments"}
SITE_HEADER_ROW = 5
SITE_GROUP = ("D4:F4", "Site")
SITE_COLUMNS = ["D", "E", "F"]
#: (section, [(ref, question, guidance, (Frankfurt, Dublin, Virginia), existing comment)])
SITE_SECTIONS: list[tuple[str, list[tuple[str, str, str | None, tuple[str | None, ...], str | None]]]] = [
    ("Perimeter and entry", [
        ("DC-01", "Is every visitor escorted from reception to the bank's cage and back again?",
         "Include contractors and delivery drivers.", (None, None, None), None),
        ("DC-02", "Are vehicle barriers or bollards installed in front of the building's entrances?", None,
         ("Yes", "Yes", "No"), "Bollards at the Virginia site are due to be installed in the second quarter."),
    ]),
    ("Inside the data hall", [
        ("DC-03", "Are the bank's racks enclosed in a locked cage that opens only with a badge and a PIN?",
         "A shared suite with locked racks does not count.", (None, None, None), None),
        ("DC-04", "Is CCTV footage covering the data hall kept for at least ninety days?", None, (None, None, None),
         None),
    ]),
    ("Power and environment", [
        ("DC-05", "Can the site run for at least 48 hours on generator fuel stored on the premises?",
         "State the measured figure per site in Comments.", ("Yes", None, None), None),
        ("DC-06", "Is fire in the data hall put out by a gas system rather than by water sprinklers?", None,
         (None, None, None), None),
    ]),
]


def _column_id(row_id: str, k: int, heading: str) -> str:
    """The id of the k-th answer column's item on a row: the row's id, then the column's heading."""
    return row_id if k == 0 else f"{row_id} [{heading}]"


def _grouped_heading(ws: Any, span: str, text: str, paint: str) -> None:
    first = span.split(":")[0]
    ws[first] = text
    ws[first].font = GROUP_FONT
    ws[first].fill = PAINT[paint]
    ws[first].alignment = MIDDLE
    ws.merge_cells(span)


def maturity_matrix_three_columns(folder: Path) -> Layout:
    wb = Workbook()
    ws = wb.active
    ws.title = MATRIX_SHEET
    caption(ws, "A1", "Thornbury Airport – Baggage Handling Systems: Supplier Control Maturity", "A1:F1")
    small_print(ws, "A2", "Airport Technology Assurance · BHS maintenance contract TA-BHS-2027", "A2:F2")
    small_print(ws, "A3", "For each control, say whether it is documented, implemented and monitored: choose Yes or "
                          "No in each of the three columns. Explain any No in Notes.", "A3:F3")
    _grouped_heading(ws, *MATRIX_GROUP, paint="moss")
    heading_row(ws, MATRIX_HEADER_ROW, MATRIX_HEADER, paint="navy")
    items = []
    cells: dict[str, list[str]] = {letter: [] for letter in MATRIX_COLUMNS}
    row = MATRIX_HEADER_ROW
    for section, controls in MATRIX_SECTIONS:
        row += 1
        band_row(ws, row, section, "A", "F", paint="cyan")
        for id_, requirement, answers, note in controls:
            row += 1
            values = {"A": id_, "B": requirement, "F": note}
            values.update({letter: answer for letter, answer in zip(MATRIX_COLUMNS, answers)})
            body_row(ws, row, values, "ABCDEF")
            for k, (letter, answer) in enumerate(zip(MATRIX_COLUMNS, answers)):
                ws[f"{letter}{row}"].alignment = MIDDLE
                ws[f"{letter}{row}"].fill = PAINT["input"]
                cells[letter].append(f"{letter}{row}")
                items.append(expect(MATRIX_SHEET, row, requirement, letter,
                                    _column_id(id_, k, MATRIX_HEADER[letter]), comment="F", allowed=YES_NO,
                                    existing=answer, existing_comment=note, section=[section]))
    for letter in MATRIX_COLUMNS:
        dv = list_validation(ws, YES_NO, *cells[letter])
        dv.promptTitle, dv.prompt, dv.showInputMessage = MATRIX_HEADER[letter], "Yes or No", True
    col_widths(ws, A=11, B=70, C=13, D=13, E=13, F=44)
    ws.freeze_panes = f"C{MATRIX_HEADER_ROW + 1}"
    path = store(wb, folder, "Thornbury_BHS_supplier_control_maturity.xlsx")
    return Layout(
        name="maturity_matrix_three_columns",
        path=path,
        format="xlsx",
        sheets=[sheet_of(MATRIX_SHEET, MATRIX_HEADER_ROW, {"A": "id", "B": "question", "C": "answer", "D": "answer",
                                                           "E": "answer", "F": "comment"})],
        items=items,
        note="A control maturity sheet, header on row 5 ('Control ID' = id, 'Control Requirement' = question, "
             "'Documented', 'Implemented', 'Monitored' = three answer columns, each with its own drop-down 'Yes', "
             "'No', 'Notes' = comment), under a merged grouping heading over C4:E4 on row 4. CONVENTION: THREE "
             "items per row, one per answer column in column order, sharing the row's question; the first "
             "('Documented') has the row's id ('MM-04'), the others add the column's heading in brackets "
             "('MM-04 [Implemented]', 'MM-04 [Monitored]'); the row's 'Notes' cell is the comment cell of all "
             "three. Section rows give the section; six controls, 18 items; one control fully answered (Yes, Yes, "
             "No) and one partly (Yes, No, -), each with a note.",
    )


def per_site_columns(folder: Path) -> Layout:
    wb = Workbook()
    ws = wb.active
    ws.title = SITE_SHEET
    caption(ws, "A1", "Wexcombe Bank – Colocation Provider: Physical Security by Site", "A1:G1")
    small_print(ws, "A2", "Third-Party Assurance · Colocation framework WB-COLO-2027 · one column per data-centre "
                          "site used by the bank", "A2:G2")
    small_print(ws, "A3", "Answer Yes or No separately for each site. Use Comments to describe any difference "
                          "between sites.", "A3:G3")
    _grouped_heading(ws, *SITE_GROUP, paint="rust")
    heading_row(ws, SITE_HEADER_ROW, SITE_HEADER, paint="slate")
    items = []
    cells: dict[str, list[str]] = {letter: [] for letter in SITE_COLUMNS}
    row = SITE_HEADER_ROW
    for section, questions in SITE_SECTIONS:
        row += 1
        band_row(ws, row, section, "A", "G", paint="straw")
        for id_, question, guidance, answers, remark in questions:
            row += 1
            values = {"A": id_, "B": question, "C": guidance, "G": remark}
            values.update({letter: answer for letter, answer in zip(SITE_COLUMNS, answers)})
            body_row(ws, row, values, "ABCDEFG")
            ws[f"C{row}"].font = GUIDE_FONT
            for k, (letter, answer) in enumerate(zip(SITE_COLUMNS, answers)):
                ws[f"{letter}{row}"].alignment = MIDDLE
                ws[f"{letter}{row}"].fill = PAINT["input"]
                cells[letter].append(f"{letter}{row}")
                items.append(expect(SITE_SHEET, row, question, letter, _column_id(id_, k, SITE_HEADER[letter]),
                                    comment="G", allowed=YES_NO, existing=answer, existing_comment=remark,
                                    section=[section], guidance=collapse(guidance) if guidance else None))
    for letter in SITE_COLUMNS:
        list_validation(ws, YES_NO, *cells[letter])
    col_widths(ws, A=8, B=62, C=30, D=12, E=12, F=12, G=44)
    ws.freeze_panes = f"D{SITE_HEADER_ROW + 1}"
    path = store(wb, folder, "Wexcombe_colocation_physical_security_by_site.xlsx")
    return Layout(
        name="per_site_columns",
        path=path,
        format="xlsx",
        sheets=[sheet_of(SITE_SHEET, SITE_HEADER_ROW, {"A": "id", "B": "question", "C": "guidance", "D": "answer",
                                                       "E": "answer", "F": "answer", "G": "comment"})],
        items=items,
        note="One questionnaire answered per data-centre site, header on row 5: 'Ref' (id), 'Control question', "
             "'Guidance' (guidance, filled on three rows), 'Frankfurt', 'Dublin', 'Virginia' (three answer "
             "columns, each with its own drop-down 'Yes', 'No', under 'Site' merged over D4:F4 on row 4), "
             "'Comments' (comment). CONVENTION: the sites are answered side by side like products: THREE items per "
             "row, one per site in column order, sharing the question and guidance; the Frankfurt item has the "
             "row's id ('DC-03'), the others name their site ('DC-03 [Dublin]', 'DC-03 [Virginia]'); the row's "
             "Comments cell is the comment cell of all three. Section rows give the section; six questions, 18 "
             "items; one row answered for every site (Yes, Yes, No, with a comment), one for Frankfurt only.",
    )


# --- 7. a drop-down from an Excel Table column, through a defined name ----------------------------------

TABLE_SHEET = "Learning Platform Review"
TABLE_LISTS = "Answer Choices"
TABLE_HEADER = {"A": "Ref", "B": "Question", "C": "Answer", "D": "Comments", "E": "Evidence"}
TABLE_HEADER_ROW = 4
TABLE_NAME, TABLE_COLUMN, CHOICE_NAME = "tblChoices", "Choice", "AnswerChoices"
TABLE_TOP = 3  # the Table's header row on the choices sheet
TABLE_MEANINGS = [
    "The requirement is met in full for every school in the Trust.",
    "Met for some schools, year groups or features; say which in Comments.",
    "Not met today.",
    "Not met today; give the planned date in Comments.",
    "The requirement does not concern the service offered.",
]
#: (section, [(ref, question, existing answer, existing comment)])
TABLE_SECTIONS: list[tuple[str, list[tuple[str, str, str | None, str | None]]]] = [
    ("Pupil data", [
        ("AS-01", "Is pupil data processed only to provide the learning platform and never used for advertising?",
         "Met", None),
        ("AS-02", "Can the Trust set how long pupils' submitted work is kept after they leave a school?", None, None),
        ("AS-03", "Are pupils under thirteen prevented from creating accounts without their school's "
                  "involvement?", None, None),
    ]),
    ("Safeguarding", [
        ("AS-04", "Are teachers alerted when a pupil's message contains words that suggest a risk of harm?", None,
         None),
        ("AS-05", "Is chat between pupils switched off by default until a school chooses to enable it?",
         "Partly met", "Off by default for primary schools; secondary schools start with chat on."),
        ("AS-06", "Are your staff who can view pupil content checked against the children's barred list?", None,
         None),
    ]),
    ("Platform security", [
        ("AS-07", "Do pupils sign in through the Trust's identity provider, including with QR badges in primary "
                  "schools?", None, None),
        ("AS-08", "Is the platform scanned for vulnerabilities every week, with critical findings fixed within seven "
                  "days?", None, None),
        ("AS-09", "Are uploaded files checked for malware before other pupils or teachers can open them?", None,
         None),
        ("AS-10", "Are administrator actions in each school's tenant recorded and visible to the Trust's IT team?",
         None, None),
    ]),
    ("Contract and exit", [
        ("AS-11", "Will maintenance windows avoid exam periods, with their dates agreed with the Trust in advance?",
         None, None),
        ("AS-12", "Is the Trust's data returned and then deleted within sixty days of the contract ending?", None,
         None),
        ("AS-13", "Are new subprocessors announced to the Trust at least thirty days before they start work?", None,
         None),
        ("AS-14", "Will you answer the Trust's data protection impact assessment questions again each academic "
                  "year?", None, None),
    ]),
]


def _table_range() -> str:
    return f"$A${TABLE_TOP + 1}:$A${TABLE_TOP + len(TABLE_CHOICES)}"


def _table_column(wb: Any, sheet_name: str, table_name: str, column: str) -> list[str] | None:
    """The data values of a Table's column, in order (header row excluded), or None."""
    ws = wb[sheet_name]
    table = ws.tables.get(table_name)
    if table is None:
        return None
    min_col, min_row, max_col, max_row = range_boundaries(table.ref)
    names = [c.name for c in table.tableColumns]
    if column not in names:
        return None
    index = min_col + names.index(column)
    return [str(ws.cell(r, index).value) for r in range(min_row + 1, max_row + 1)
            if ws.cell(r, index).value is not None]


def dropdown_from_table_column(folder: Path) -> Layout:
    wb = Workbook()
    ws = wb.active
    ws.title = TABLE_SHEET
    caption(ws, "A1", "Ashgrove Schools Trust – Learning Platform Supplier Assessment", "A1:E1")
    small_print(ws, "A2", "Choose an answer from the list for every question (the choices and what they mean are on "
                          "the 'Answer Choices' sheet). Explain anything other than Met in Comments.", "A2:E2")
    heading_row(ws, TABLE_HEADER_ROW, TABLE_HEADER, paint="plum")
    items = []
    answer_cells = []
    row = TABLE_HEADER_ROW
    for section, questions in TABLE_SECTIONS:
        row += 1
        band_row(ws, row, section, "A", "E", paint="mist")
        for id_, question, existing, remark in questions:
            row += 1
            body_row(ws, row, {"A": id_, "B": question, "C": existing, "D": remark}, "ABCDE")
            ws[f"C{row}"].alignment = MIDDLE
            ws[f"C{row}"].fill = PAINT["input"]
            answer_cells.append(f"C{row}")
            items.append(expect(TABLE_SHEET, row, question, "C", id_, comment="D", evidence="E",
                                allowed=TABLE_CHOICES, existing=existing, existing_comment=remark,
                                section=[section]))
    list_validation(ws, CHOICE_NAME, *answer_cells)
    col_widths(ws, A=8, B=74, C=14, D=44, E=28)
    ws.freeze_panes = f"A{TABLE_HEADER_ROW + 1}"
    choices = wb.create_sheet(TABLE_LISTS)
    choices["A1"] = "Answer choices used on the Learning Platform Review sheet (edit the table to change the list)"
    choices["A1"].font = LIST_HEAD
    choices[f"A{TABLE_TOP}"], choices[f"B{TABLE_TOP}"] = TABLE_COLUMN, "Meaning"
    for offset, (choice, meaning) in enumerate(zip(TABLE_CHOICES, TABLE_MEANINGS), start=1):
        choices[f"A{TABLE_TOP + offset}"] = choice
        choices[f"B{TABLE_TOP + offset}"] = meaning
    table = Table(displayName=TABLE_NAME, ref=f"A{TABLE_TOP}:B{TABLE_TOP + len(TABLE_CHOICES)}")
    table.tableStyleInfo = TableStyleInfo(name="TableStyleMedium4", showRowStripes=True, showColumnStripes=False,
                                          showFirstColumn=False, showLastColumn=False)
    choices.add_table(table)
    col_widths(choices, A=16, B=66)
    wb.defined_names[CHOICE_NAME] = DefinedName(CHOICE_NAME, attr_text=f"{TABLE_NAME}[{TABLE_COLUMN}]")
    path = store(wb, folder, "Ashgrove_learning_platform_supplier_assessment.xlsx")
    return Layout(
        name="dropdown_from_table_column",
        path=path,
        format="xlsx",
        sheets=[sheet_of(TABLE_SHEET, TABLE_HEADER_ROW, {"A": "id", "B": "question", "C": "answer", "D": "comment",
                                                         "E": "evidence"}),
                ExpectedSheet(TABLE_LISTS, "ignored")],
        items=items,
        note="A learning-platform assessment, header on row 4: 'Ref' (id), 'Question', 'Answer' (answer), 'Comments' "
             "(comment), 'Evidence' (evidence); section rows. The answer drop-down is =AnswerChoices, a defined "
             "name referring to the structured reference tblChoices[Choice]: the 'Choice' column of an Excel Table "
             "on the visible 'Answer Choices' sheet (with a 'Meaning' column). CONVENTION: the allowed answers are "
             "the Table column's data values in table order, header excluded: 'Met', 'Partly met', 'Not met', "
             "'Planned', 'Not relevant' (source validation); the choices sheet is ignored. Two rows already "
             "answered.",
    )


# --- 8. an X under "Yes" or "No", with a date column and an evidence link --------------------------------

MARK_SHEET = "Courier Checklist"
MARK_HEADER = {"A": "Ref", "B": "Requirement", "C": "Yes", "D": "No", "E": "Date implemented", "F": "Evidence link"}
MARK_HEADER_ROW = 5
MARK_COLUMNS = {"Yes": "C", "No": "D"}
EARLIEST, LATEST = date(2000, 1, 1), date(2030, 12, 31)
EVIDENCE_BASE = "https://evidence.ravelstone-couriers.example/meridale/"
#: (section, [(ref, requirement, mark: (column heading, the mark written) or None, date implemented, evidence)])
MARK_SECTIONS: list[tuple[str, list[tuple[str, str, tuple[str, str] | None, date | None, str | None]]]] = [
    ("Vehicles", [
        ("ML-01", "Are vans carrying our consignments fitted with alarmed, deadlocked load compartments?",
         ("Yes", "X"), date(2024, 3, 14), "vehicle-security-spec.pdf"),
        ("ML-02", "Is every vehicle tracked by GPS, with an alert when it leaves the planned route?", ("Yes", "X"),
         date(2023, 9, 1), "telematics-alert-rules.pdf"),
        ("ML-03", "Are loaded vehicles never left unattended with the engine running?", None, None, None),
    ]),
    ("Drivers", [
        ("ML-04", "Do drivers carry photo identification issued by your company on every collection?", None, None,
         None),
        ("ML-05", "Are drivers trained every year in what to do during an attempted theft or hijacking?", None, None,
         None),
        ("ML-06", "Is a new driver's employment history for the previous five years verified before the first "
                  "delivery?", ("No", "X"), None, None),
    ]),
    ("Cold chain and tracking", [
        ("ML-07", "Are temperature loggers in the load compartment monitored remotely throughout each journey?",
         ("Yes", "x"), date(2025, 1, 20), None),
        ("ML-08", "Does a temperature excursion raise an alert in your control room within ten minutes?", None, None,
         None),
        ("ML-09", "Are telematics data and delivery records kept for at least two years?", None, None, None),
    ]),
    ("Handover and records", [
        ("ML-10", "Is a signature and a photograph captured at handover for every controlled-drug consignment?",
         None, None, None),
        ("ML-11", "Are undelivered parcels returned to a secured depot rather than kept in a vehicle overnight?",
         None, None, None),
        ("ML-12", "Are handheld delivery devices protected by a PIN and able to be wiped remotely?", None, None,
         None),
        ("ML-13", "Is entry to your depot's secure cage recorded by badge, with camera footage kept for thirty "
                  "days?", None, None, None),
        ("ML-14", "Will you tell our duty pharmacist within two hours of any loss or suspected theft of a "
                  "consignment?", None, None, None),
    ]),
]


def _mark_item(row: int, question: str, id_: str, section: str, marked: str | None) -> MarkItem:
    return MarkItem(sheet=MARK_SHEET, row=row, question=collapse(question), answer_cell=None, id=id_,
                    section=[section], evidence_cell=ref(MARK_SHEET, "F", row), allowed_answers=list(MARKS),
                    allowed_answers_source="marks", existing_answer=marked,
                    mark_cells={choice: ref(MARK_SHEET, letter, row) for choice, letter in MARK_COLUMNS.items()})


def yes_no_columns_with_x_and_dates(folder: Path) -> Layout:
    wb = Workbook()
    ws = wb.active
    ws.title = MARK_SHEET
    caption(ws, "A1", "Meridale Pharma Logistics – Courier Subcontractor Security Checklist", "A1:F1")
    small_print(ws, "A2", "Quality & Security · Checklist MPL-QS-118 · Rev. C", "A2:F2")
    small_print(ws, "A3", "Put an X under Yes or No for every requirement. Where the answer is Yes, enter the date "
                          "the measure was put in place and a link to the evidence.", "A3:F3")
    heading_row(ws, MARK_HEADER_ROW, MARK_HEADER, paint="navy")
    items = []
    dated = []
    row = MARK_HEADER_ROW
    for section, requirements in MARK_SECTIONS:
        row += 1
        band_row(ws, row, section, "A", "F", paint="cyan")
        for id_, requirement, mark, when, evidence in requirements:
            row += 1
            body_row(ws, row, {"A": id_, "B": requirement}, "ABCDEF")
            for letter in ("C", "D"):
                ws[f"{letter}{row}"].alignment = MIDDLE
                ws[f"{letter}{row}"].font = MARK_FONT
            if mark is not None:
                ws[f"{MARK_COLUMNS[mark[0]]}{row}"] = mark[1]
            cell = ws[f"E{row}"]
            cell.number_format = "dd/mm/yyyy"
            cell.alignment = MIDDLE
            dated.append(f"E{row}")
            if when is not None:
                cell.value = datetime(when.year, when.month, when.day)
            if evidence:
                link = ws[f"F{row}"]
                link.value = evidence
                link.hyperlink = EVIDENCE_BASE + evidence
                link.font = LINK_FONT
            items.append(_mark_item(row, requirement, id_, section, mark[0] if mark else None))
    when = DataValidation(type="date", operator="between", formula1=str((EARLIEST - date(1899, 12, 30)).days),
                          formula2=str((LATEST - date(1899, 12, 30)).days), allow_blank=True, showInputMessage=True,
                          promptTitle="Date implemented", prompt="Enter the date, for example 14/03/2024.",
                          showErrorMessage=True, errorTitle="Not a date",
                          error="Please enter a date between 2000 and 2030.")
    ws.add_data_validation(when)
    for coordinate in dated:
        when.add(coordinate)
    col_widths(ws, A=8, B=74, C=7, D=7, E=16, F=30)
    ws.freeze_panes = f"A{MARK_HEADER_ROW + 1}"
    path = store(wb, folder, "MPL-QS-118_courier_security_checklist.xlsx")
    return Layout(
        name="yes_no_columns_with_x_and_dates",
        path=path,
        format="xlsx",
        sheets=[sheet_of(MARK_SHEET, MARK_HEADER_ROW, {"A": "id", "B": "question", "C": "answer", "D": "answer",
                                                       "F": "evidence"})],
        items=items,
        note="A courier checklist answered by marks, header on row 5: 'Ref' (id), 'Requirement' (question), 'Yes' "
             "and 'No' (mark columns, no drop-down), 'Date implemented' (a date validation, filled on Yes rows), "
             "'Evidence link' (evidence, some hyperlinks). CONVENTION: every row is a mark item (answer_cell None, "
             "mark_cells {'Yes': C, 'No': D}, allowed answers ['Yes', 'No'], source 'marks'); its existing answer "
             "is the heading of the column holding the mark ('X' or 'x'). Both mark columns have the role answer "
             "in the sheet's columns. 'Date implemented' is not the answer, not the comment and has no role. "
             "Section rows give the section; four rows already answered (three Yes with dates, one No).",
    )


# --- the registry ---------------------------------------------------------------------------------------

HELDOUT12_LAYOUTS: list[Callable[[Path], Layout]] = [
    cascading_dropdowns,
    custom_validation_formula,
    percentage_and_number_answers,
    multi_select_answers,
    maturity_matrix_three_columns,
    per_site_columns,
    dropdown_from_table_column,
    yes_no_columns_with_x_and_dates,
]

#: The same builders by layout name (the form `bench/layout_bench.py` takes for a group).
HELDOUT12_BY_NAME: dict[str, Callable[[Path], Layout]] = {b.__name__: b for b in HELDOUT12_LAYOUTS}


# --- self-check -----------------------------------------------------------------------------------

#: Layouts whose rows hold one item per answer column: name -> the answer columns in order.
MULTI_ANSWER: dict[str, list[str]] = {
    "maturity_matrix_three_columns": MATRIX_COLUMNS,
    "per_site_columns": SITE_COLUMNS,
}

#: Complaints of the imported checks that this file replaces with a check of its own, per layout.
REPLACED: dict[str, list[tuple[re.Pattern[str], str]]] = {
    "cascading_dropdowns": [
        (re.compile(r": column D \(comment\) is headed 'Reason'$"),
         "_feature_cascading: 'Reason', the dependent drop-down, is the comment"),
        (re.compile(r"^sheet 'Reason Lists' is hidden$"), "_feature_cascading: the list sheet is hidden and ignored"),
    ],
    "custom_validation_formula": [
        (re.compile(r"!row \d+: 0 list validations over C\d+$"),
         "_feature_custom_formula: the custom validation over every response cell gives the allowed answers"),
    ],
    "percentage_and_number_answers": [
        (re.compile(r"!row \d+: D\d+ holds (0\.\d+|\d+), expected '\d+%?'$"),
         "_feature_numbers: a number's existing answer is the value as displayed"),
    ],
    "multi_select_answers": [
        (re.compile(r": unknown allowed_answers_source 'options'$"),
         "_feature_multi_select: the row's Options, source 'options' (as set 10)"),
    ],
    "maturity_matrix_three_columns": [
        (re.compile(r": column [CDE] \(answer\) is headed '(Documented|Implemented|Monitored)'$"),
         "_feature_maturity: the three maturity columns are the answer columns"),
        (re.compile(r"^6 items; the set wants 8-30 per file$"),
         "_run_set: each per-column view holds a third of the items; the file's 18 are counted whole"),
    ],
    "per_site_columns": [
        (re.compile(r": column [DEF] \(answer\) is headed '(Frankfurt|Dublin|Virginia)'$"),
         "_feature_sites: the three site columns are the answer columns"),
        (re.compile(r"^6 items; the set wants 8-30 per file$"),
         "_run_set: each per-column view holds a third of the items; the file's 18 are counted whole"),
    ],
    "yes_no_columns_with_x_and_dates": [
        (re.compile(r": column [CD] \(answer\) is headed '(Yes|No)'$"),
         "_feature_marks: the 'Yes' and 'No' mark columns"),
        (re.compile(r"!row \d+: answer cell in column None, the sheet's answer column is [CD]$"),
         "_feature_marks: a mark item's cells are its mark cells"),
    ],
}


def _is_replaced(layout: Layout, problem: str) -> bool:
    return any(pattern.search(problem) for pattern, _ in REPLACED.get(layout.name, []))


def _shared_comment_roles(sheet: ExpectedSheet, k: int) -> dict[str, str]:
    """The column roles of a three-column sheet as its k-th view shows them: the k-th answer column and
    every other role (the one comment column is shared by the row's items)."""
    answers = _letters(sheet, "answer")
    roles = {letter: role for letter, role in sheet.columns.items() if role != "answer"}
    if k < len(answers):
        roles[answers[k]] = "answer"
    return roles


def _resolved_copy(path: Path, scratch: Path) -> Path:
    """A copy of the table-choices workbook whose defined name refers to the Table column's cells, which the
    imported checks can resolve (openpyxl cannot resolve a structured reference)."""
    target = scratch / f"resolved-{path.name}"
    with zipfile.ZipFile(path) as source:
        parts = {info.filename: source.read(info.filename) for info in source.infolist()}
    xml = parts["xl/workbook.xml"].decode("utf-8")
    structured = f'<definedName name="{CHOICE_NAME}">{TABLE_NAME}[{TABLE_COLUMN}]</definedName>'
    cells = f"<definedName name=\"{CHOICE_NAME}\">'{TABLE_LISTS}'!{_table_range()}</definedName>"
    if structured not in xml:
        raise ValueError("no structured-reference name to resolve")
    parts["xl/workbook.xml"] = xml.replace(structured, cells).encode("utf-8")
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as out:
        for name, data in parts.items():
            out.writestr(name, data)
    return target


def _imported_views(layout: Layout, scratch: Path) -> list[Layout]:
    """The layout as the imported checks can read it (see the module docstring)."""
    view = copy.deepcopy(layout)
    if layout.name == "dropdown_from_table_column":
        view.path = _resolved_copy(layout.path, scratch)
    if layout.name in MULTI_ANSWER:
        for item in view.items:
            item.id = _row_id(item.id)
        return _per_product(view, _shared_comment_roles)
    return [view]


def _header_problems(ws: Any, sheet: ExpectedSheet, want: dict[str, Any]) -> list[str]:
    got = {letter: ws[f"{letter}{sheet.header_row}"].value for letter in want}
    return [] if got == want else [f"headings {got}, expected {want}"]


# --- one check per layout of the feature it exercises ---------------------------------------------


def _feature_cascading(layout: Layout) -> list[str]:
    problems: list[str] = []
    wb = openpyxl.load_workbook(layout.path)
    sheet = _only_sheet(layout)
    ws = wb[sheet.name]
    problems += _header_problems(ws, sheet, CASCADE_HEADER)
    answer, reason = _role(sheet, "answer"), _role(sheet, "comment")
    if ws[f"{reason}{sheet.header_row}"].value != "Reason" or ws[f"{answer}{sheet.header_row}"].value != "Answer":
        problems.append("the comment column is not 'Reason' or the answer column not 'Answer'")
    lists = [s for s in layout.sheets if s.name == CASCADE_LISTS]
    if len(lists) != 1 or lists[0].status != "ignored" or wb[CASCADE_LISTS].sheet_state != "hidden":
        problems.append("the list sheet is not a hidden, ignored sheet")
    names: dict[str, list[str]] = {}
    for choice in CASCADE_CHOICES:
        name = _reason_name(choice)
        if name not in wb.defined_names:
            problems.append(f"no defined name {name!r} for the reasons of {choice!r}")
            continue
        destinations = list(wb.defined_names[name].destinations)
        if len(destinations) != 1 or destinations[0][0] != CASCADE_LISTS:
            problems.append(f"the name {name!r} does not refer to one range on the list sheet")
            continue
        names[choice] = _resolve_list(wb, sheet.name, name)
        if names[choice] != CASCADE_REASONS[choice]:
            problems.append(f"the name {name!r} gives {names[choice]}, expected {CASCADE_REASONS[choice]}")
    answered = set()
    for item in layout.items:
        coordinate = f"{answer}{item.row}"
        found = _validations_over(ws, coordinate)
        if len(found) != 1 or found[0].formula1 != CASCADE_ANSWER_RANGE:
            problems.append(f"row {item.row}: the answer cell's drop-down is not the plain list on the list sheet")
        elif _resolve_list(wb, sheet.name, found[0].formula1) != item.allowed_answers:
            problems.append(f"row {item.row}: the answer list gives something else than {item.allowed_answers}")
        if item.allowed_answers != CASCADE_CHOICES or item.allowed_answers_source != "validation":
            problems.append(f"row {item.row}: allowed answers {item.allowed_answers} ({item.allowed_answers_source})")
        if any(choice in reasons for reasons in CASCADE_REASONS.values() for choice in item.allowed_answers):
            problems.append(f"row {item.row}: a reason taken for an allowed answer")
        if item.comment_cell is None or split_ref(item.comment_cell)[1:] != (reason, item.row):
            problems.append(f"row {item.row}: the comment cell is not the row's Reason cell")
            continue
        dependent = _validations_over(ws, f"{reason}{item.row}")
        if len(dependent) != 1:
            problems.append(f"row {item.row}: {len(dependent)} drop-downs over the Reason cell")
            continue
        column, anchor = _anchor(dependent[0])
        if column != reason or dependent[0].formula1 != _reason_formula(anchor) or anchor > item.row:
            problems.append(f"row {item.row}: the Reason drop-down is {dependent[0].formula1!r} anchored at "
                            f"{column}{anchor}, not INDIRECT of the row's answer")
        if item.existing_answer is not None:
            answered.add(item.existing_answer)
            if item.existing_comment not in names.get(item.existing_answer, []):
                problems.append(f"row {item.row}: the reason {item.existing_comment!r} is not in the list for "
                                f"{item.existing_answer!r}")
        elif item.existing_comment is not None:
            problems.append(f"row {item.row}: a reason without an answer")
    if answered != set(CASCADE_CHOICES):
        problems.append(f"the answered rows cover {sorted(answered)}: the layout wants every answer once")
    problems += _walk(ws, layout, sheet, min_bands=4)
    return problems


def _feature_custom_formula(layout: Layout) -> list[str]:
    problems: list[str] = []
    wb = openpyxl.load_workbook(layout.path)
    sheet = _only_sheet(layout)
    ws = wb[sheet.name]
    problems += _header_problems(ws, sheet, CUSTOM_HEADER)
    if any(dv.type == "list" for dv in ws.data_validations.dataValidation):
        problems.append("a list validation on a sheet whose answers are checked by a custom formula")
    answer = _role(sheet, "answer")
    for item in layout.items:
        if split_ref(item.answer_cell)[1] != answer:
            problems.append(f"row {item.row}: the answer cell is not in 'Response'")
            continue
        found = _all_validations_over(ws, f"{answer}{item.row}")
        if len(found) != 1 or found[0].type != "custom":
            problems.append(f"row {item.row}: {len(found)} validations over the answer cell, not one custom formula")
            continue
        dv = found[0]
        column, anchor = _anchor(dv)
        values = _custom_values(dv.formula1, column, anchor)
        if values is None or column != answer:
            problems.append(f"row {item.row}: the custom formula {dv.formula1!r} is not an OR of text tests of the "
                            "response cell")
            continue
        if item.allowed_answers != values or item.allowed_answers_source != "validation":
            problems.append(f"row {item.row}: allowed answers {item.allowed_answers} ({item.allowed_answers_source}), "
                            f"the formula accepts {values}")
        if dv.error != CUSTOM_ERROR or not dv.showErrorMessage or dv.errorStyle not in (None, "stop"):
            problems.append(f"row {item.row}: no stopping error message {CUSTOM_ERROR!r}")
        if item.existing_answer is not None and item.existing_answer not in values:
            problems.append(f"row {item.row}: the existing answer is not accepted by the formula")
        if _all_validations_over(ws, f"{_role(sheet, 'comment')}{item.row}"):
            problems.append(f"row {item.row}: a validation over the comment cell")
    if len(ws.data_validations.dataValidation) != 1:
        problems.append("the sheet should carry exactly one (custom) validation")
    if sum(item.existing_answer is not None for item in layout.items) != 3:
        problems.append("expected three rows already answered")
    problems += _walk(ws, layout, sheet, min_bands=4)
    return problems


def _feature_numbers(layout: Layout) -> list[str]:
    problems: list[str] = []
    wb = openpyxl.load_workbook(layout.path)
    sheet = _only_sheet(layout)
    ws = wb[sheet.name]
    problems += _header_problems(ws, sheet, NUMBER_HEADER)
    unit_col = _headings(ws, sheet.header_row)["Unit"]
    answer = _role(sheet, "answer")
    if unit_col in sheet.columns:
        problems.append("the Unit column has a role")
    kinds: dict[str, int] = {}
    answered_numbers: dict[str, int] = {}
    for item in layout.items:
        unit = ws[f"{unit_col}{item.row}"].value
        kinds[unit] = kinds.get(unit, 0) + 1
        cell = ws[f"{answer}{item.row}"]
        if split_ref(item.answer_cell)[1] != answer:
            problems.append(f"row {item.row}: the answer cell is not in 'Response'")
            continue
        if unit == YESNO:
            if item.allowed_answers != YES_NO or item.allowed_answers_source != "validation":
                problems.append(f"row {item.row}: a Yes/No row with allowed answers {item.allowed_answers}")
            if item.existing_answer != cell.value:
                problems.append(f"row {item.row}: existing answer {item.existing_answer!r}, the cell holds "
                                f"{cell.value!r}")
        elif unit in NUMBER_FORMATS:
            if item.allowed_answers or item.allowed_answers_source is not None:
                problems.append(f"row {item.row}: a number row ({unit}) with allowed answers {item.allowed_answers}")
            if _all_validations_over(ws, cell.coordinate):
                problems.append(f"row {item.row}: a validation over a number answer")
            if cell.number_format != NUMBER_FORMATS[unit]:
                problems.append(f"row {item.row}: a {unit} answer cell formatted {cell.number_format!r}")
            if cell.value is not None:
                if not isinstance(cell.value, (int, float)) or isinstance(cell.value, bool):
                    problems.append(f"row {item.row}: a number row holding {cell.value!r}")
                answered_numbers[unit] = answered_numbers.get(unit, 0) + 1
            if item.existing_answer != _displayed(cell.value, cell.number_format):
                problems.append(f"row {item.row}: existing answer {item.existing_answer!r}, the cell shows "
                                f"{_displayed(cell.value, cell.number_format)!r}")
        else:
            problems.append(f"row {item.row}: unit {unit!r}")
    if kinds.get(YESNO, 0) < 5 or any(kinds.get(unit, 0) < 3 for unit in NUMBER_FORMATS):
        problems.append(f"units {kinds}: the layout wants several Yes/No rows and at least three of each number kind")
    if not answered_numbers.get(PERCENT) or not answered_numbers.get(COUNT):
        problems.append("no answered percentage or count row")
    if not any(item.existing_answer and item.existing_answer.endswith("%") for item in layout.items):
        problems.append("no existing percentage answer shown as displayed")
    problems += _drop_down_problems(wb, ws, layout, sheet)
    problems += _walk(ws, layout, sheet, min_bands=4)
    return problems


def _feature_multi_select(layout: Layout) -> list[str]:
    problems: list[str] = []
    wb = openpyxl.load_workbook(layout.path)
    sheet = _only_sheet(layout)
    ws = wb[sheet.name]
    problems += _header_problems(ws, sheet, MULTI_HEADER)
    options_col = _headings(ws, sheet.header_row)["Options"]
    answer = _role(sheet, "answer")
    if options_col in sheet.columns:
        problems.append("the Options column has a role")
    multi = single = several = 0
    for item in layout.items:
        text = ws[f"{options_col}{item.row}"].value
        coordinate = f"{answer}{item.row}"
        if item.section != []:
            problems.append(f"row {item.row}: section {item.section!r} on a sheet without section rows")
        if text:
            multi += 1
            choices = _options(text)
            if MULTI_SEPARATOR.join(choices) != text or len(choices) < 4:
                problems.append(f"row {item.row}: options {text!r} are not four or more choices separated by '; '")
            if item.allowed_answers != choices or item.allowed_answers_source != "options":
                problems.append(f"row {item.row}: allowed answers {item.allowed_answers} "
                                f"({item.allowed_answers_source}), the Options cell lists {choices}")
            if not item.question.endswith(SELECT_ALL):
                problems.append(f"row {item.row}: a multi-select row whose question does not say '{SELECT_ALL}'")
            if _all_validations_over(ws, coordinate):
                problems.append(f"row {item.row}: a validation over a multi-select answer")
            if item.existing_answer is not None:
                picked = item.existing_answer.split(MULTI_SEPARATOR)
                if any(choice not in choices for choice in picked) or ws[coordinate].value != item.existing_answer:
                    problems.append(f"row {item.row}: the existing answer {item.existing_answer!r} is not choices of "
                                    "the row joined by '; '")
                several += len(picked) >= 2
        else:
            single += 1
            if "Select all" in item.question:
                problems.append(f"row {item.row}: a multi-select question without options")
            found = _validations_over(ws, coordinate)
            values = _resolve_list(wb, sheet.name, found[0].formula1) if len(found) == 1 else None
            if values != YES_NO_NA or item.allowed_answers != values or item.allowed_answers_source != "validation":
                problems.append(f"row {item.row}: allowed answers {item.allowed_answers}, the drop-down gives {values}")
    if multi < 5 or single < 5 or several < 2:
        problems.append(f"{multi} multi-select rows ({several} answered with several choices), {single} single rows")
    problems += _walk(ws, layout, sheet, min_bands=0)
    rows = {item.row for item in layout.items}
    if rows != set(range(sheet.header_row + 1, ws.max_row + 1)):
        problems.append("a row below the header that is not an item")
    return problems


def _three_column_problems(layout: Layout, header: dict[str, str], group: tuple[str, str],
                           columns: list[str]) -> list[str]:
    """A sheet whose rows are answered in three columns: the grouping heading, one drop-down per column,
    three items per row in column order with the ids, question, guidance and shared comment cell of the
    convention, and the existing answers of the cells."""
    problems: list[str] = []
    wb = openpyxl.load_workbook(layout.path)
    sheet = _only_sheet(layout)
    ws = wb[sheet.name]
    problems += _header_problems(ws, sheet, header)
    span, text = group
    first = span.split(":")[0]
    if span not in {m.coord for m in ws.merged_cells.ranges} or ws[first].value != text \
            or int(re.sub(r"\D", "", first)) != sheet.header_row - 1:
        problems.append(f"no grouping heading {text!r} merged over {span} on the row above the header")
    if CellRange(span).min_col != column_index_from_string(columns[0]) \
            or CellRange(span).max_col != column_index_from_string(columns[-1]):
        problems.append("the grouping heading does not span exactly the answer columns")
    if _letters(sheet, "answer") != columns:
        problems.append(f"answer columns {_letters(sheet, 'answer')}, expected {columns}")
    comment = _role(sheet, "comment")
    guidance = next((letter for letter, role in sheet.columns.items() if role == "guidance"), None)
    id_col, question_col = _role(sheet, "id"), _role(sheet, "question")
    own: dict[str, Any] = {}
    for letter in columns:
        found = [dv for dv in ws.data_validations.dataValidation if dv.type == "list"
                 and all(CellRange(str(r)).min_col == CellRange(str(r)).max_col == column_index_from_string(letter)
                         for r in dv.sqref.ranges)]
        if len(found) != 1:
            problems.append(f"column {letter}: {len(found)} drop-downs of its own")
        else:
            own[letter] = found[0]
    full = partial = 0
    for (_, row), group_items in _rows_of(layout).items():
        row_id = ws[f"{id_col}{row}"].value
        if len(group_items) != len(columns):
            problems.append(f"row {row}: {len(group_items)} items, expected one per answer column")
            continue
        marked = 0
        for k, (item, letter) in enumerate(zip(group_items, columns)):
            if split_ref(item.answer_cell)[1:] != (letter, row):
                problems.append(f"row {row}: item {k + 1}'s answer cell is {item.answer_cell}, expected {letter}{row}")
            if item.id != _column_id(str(row_id), k, header[letter]):
                problems.append(f"row {row}: id {item.id!r}, expected {_column_id(str(row_id), k, header[letter])!r}")
            if item.question != collapse(ws[f"{question_col}{row}"].value):
                problems.append(f"row {row}: item {k + 1}'s question is not the row's")
            if item.comment_cell is None or split_ref(item.comment_cell)[1:] != (comment, row) \
                    or item.existing_comment != ws[f"{comment}{row}"].value:
                problems.append(f"row {row}: item {k + 1} does not share the row's comment cell")
            if guidance is not None:
                value = ws[f"{guidance}{row}"].value
                if item.guidance != (collapse(value) if value else None):
                    problems.append(f"row {row}: item {k + 1}'s guidance {item.guidance!r}, the cell says {value!r}")
            dv = own.get(letter)
            if dv is None or not _covers(dv, f"{letter}{row}") \
                    or _resolve_list(wb, sheet.name, dv.formula1) != item.allowed_answers \
                    or item.allowed_answers_source != "validation":
                problems.append(f"row {row}: item {k + 1}'s allowed answers are not its column's drop-down")
            if item.existing_answer != ws[f"{letter}{row}"].value:
                problems.append(f"row {row}: item {k + 1}'s existing answer differs from {letter}{row}")
            marked += item.existing_answer is not None
        full += marked == len(columns)
        partial += 0 < marked < len(columns)
    if full < 1 or partial < 1:
        problems.append(f"{full} rows fully and {partial} partly answered: the layout wants one of each at least")
    ids = [item.id for item in layout.items]
    if len(ids) != len(set(ids)):
        problems.append("two items share an id")
    problems += _walk(ws, layout, sheet)
    return problems


def _feature_maturity(layout: Layout) -> list[str]:
    return _three_column_problems(layout, MATRIX_HEADER, MATRIX_GROUP, MATRIX_COLUMNS)


def _feature_sites(layout: Layout) -> list[str]:
    problems = _three_column_problems(layout, SITE_HEADER, SITE_GROUP, SITE_COLUMNS)
    guided = sum(item.guidance is not None for item in layout.items)
    if not 3 <= guided <= len(layout.items) - 3:
        problems.append(f"{guided} items with guidance: the layout wants some, not all")
    return problems


def _feature_table_choices(layout: Layout) -> list[str]:
    problems: list[str] = []
    wb = openpyxl.load_workbook(layout.path)
    sheet = _only_sheet(layout)
    ws = wb[sheet.name]
    problems += _header_problems(ws, sheet, TABLE_HEADER)
    choices_sheet = [s for s in layout.sheets if s.name == TABLE_LISTS]
    if len(choices_sheet) != 1 or choices_sheet[0].status != "ignored" or wb[TABLE_LISTS].sheet_state != "visible":
        problems.append("the choices sheet is not a visible, ignored sheet")
    tables = dict(wb[TABLE_LISTS].tables.items())
    if list(tables) != [TABLE_NAME]:
        problems.append(f"tables {list(tables)} on the choices sheet, expected {TABLE_NAME!r}")
    values = _table_column(wb, TABLE_LISTS, TABLE_NAME, TABLE_COLUMN)
    if values != TABLE_CHOICES:
        problems.append(f"the table column gives {values}, expected {TABLE_CHOICES}")
    name = wb.defined_names.get(CHOICE_NAME)
    if name is None or name.attr_text != f"{TABLE_NAME}[{TABLE_COLUMN}]":
        problems.append(f"the name {CHOICE_NAME!r} does not refer to the structured reference "
                        f"{TABLE_NAME}[{TABLE_COLUMN}]")
    with zipfile.ZipFile(layout.path) as package:
        sheet_xml = package.read("xl/worksheets/sheet1.xml").decode("utf-8")
    if f"<formula1>{CHOICE_NAME}</formula1>" not in sheet_xml:
        problems.append("the drop-down's formula is not the defined name")
    answer = _role(sheet, "answer")
    for item in layout.items:
        found = _validations_over(ws, f"{answer}{item.row}")
        if len(found) != 1 or found[0].formula1 != CHOICE_NAME:
            problems.append(f"row {item.row}: the answer cell's drop-down is not ={CHOICE_NAME}")
        if item.allowed_answers != values or item.allowed_answers_source != "validation":
            problems.append(f"row {item.row}: allowed answers {item.allowed_answers} ({item.allowed_answers_source}), "
                            f"the table column gives {values}")
        if item.existing_answer is not None and item.existing_answer not in TABLE_CHOICES:
            problems.append(f"row {item.row}: the existing answer is not a choice of the table")
    if sum(item.existing_answer is not None for item in layout.items) != 2:
        problems.append("expected two rows already answered")
    problems += _walk(ws, layout, sheet, min_bands=4)
    return problems


def _feature_marks(layout: Layout) -> list[str]:
    problems: list[str] = []
    wb = openpyxl.load_workbook(layout.path)
    sheet = _only_sheet(layout)
    ws = wb[sheet.name]
    problems += _header_problems(ws, sheet, MARK_HEADER)
    headings = _headings(ws, sheet.header_row)
    marks = {choice: headings[choice] for choice in MARKS}
    if _letters(sheet, "answer") != list(marks.values()):
        problems.append(f"answer columns {_letters(sheet, 'answer')}, expected the mark columns {list(marks.values())}")
    date_col, evidence = headings["Date implemented"], headings["Evidence link"]
    if date_col in sheet.columns or _role(sheet, "evidence") != evidence:
        problems.append("the date column has a role, or the evidence is not 'Evidence link'")
    if any(dv.type == "list" for dv in ws.data_validations.dataValidation):
        problems.append("a drop-down on a sheet answered by marks")
    dates = [dv for dv in ws.data_validations.dataValidation if dv.type == "date"]
    answered: dict[str, int] = {}
    links = 0
    for item in layout.items:
        if not isinstance(item, MarkItem) or item.answer_cell is not None:
            problems.append(f"row {item.row}: not a mark item without an answer cell")
            continue
        want = {choice: ref(sheet.name, letter, item.row) for choice, letter in marks.items()}
        if item.mark_cells != want or item.allowed_answers != MARKS or item.allowed_answers_source != "marks":
            problems.append(f"row {item.row}: mark cells {item.mark_cells}, allowed {item.allowed_answers} "
                            f"({item.allowed_answers_source})")
        written = {choice: ws[f"{letter}{item.row}"].value for choice, letter in marks.items()}
        held = [choice for choice, value in written.items() if value is not None]
        if any(value not in (None, "X", "x") for value in written.values()) or len(held) > 1:
            problems.append(f"row {item.row}: marks {written}, expected at most one X")
        if item.existing_answer != (held[0] if held else None):
            problems.append(f"row {item.row}: existing answer {item.existing_answer!r}, marked {held}")
        when = ws[f"{date_col}{item.row}"]
        if not any(_covers(dv, when.coordinate) for dv in dates):
            problems.append(f"row {item.row}: no date validation over the Date implemented cell")
        if (when.value is not None) != (item.existing_answer == "Yes") \
                or (when.value is not None and not isinstance(when.value, datetime)):
            problems.append(f"row {item.row}: a date {when.value!r} where the answer is {item.existing_answer!r}")
        if item.evidence_cell is None or split_ref(item.evidence_cell)[1:] != (evidence, item.row):
            problems.append(f"row {item.row}: the evidence cell is not the row's Evidence link")
        if ws[f"{evidence}{item.row}"].hyperlink is not None:
            links += 1
        if item.existing_answer:
            answered[item.existing_answer] = answered.get(item.existing_answer, 0) + 1
        if item.comment_cell is not None:
            problems.append(f"row {item.row}: a comment cell on a sheet without a comment column")
    if answered.get("Yes", 0) < 2 or answered.get("No", 0) < 1 or links < 2:
        problems.append(f"answered {answered}, {links} evidence links: the layout wants Yes and No marks and links")
    if not any(ws[f"{letter}{item.row}"].value == "x" for item in layout.items for letter in marks.values()):
        problems.append("no lower-case x mark")
    problems += _walk(ws, layout, sheet, min_bands=4)
    return problems


FEATURES: dict[str, Callable[[Layout], list[str]]] = {
    "cascading_dropdowns": _feature_cascading,
    "custom_validation_formula": _feature_custom_formula,
    "percentage_and_number_answers": _feature_numbers,
    "multi_select_answers": _feature_multi_select,
    "maturity_matrix_three_columns": _feature_maturity,
    "per_site_columns": _feature_sites,
    "dropdown_from_table_column": _feature_table_choices,
    "yes_no_columns_with_x_and_dates": _feature_marks,
}


def check_layout(layout: Layout) -> list[str]:
    """Every check of one built layout against its file: the imported ones (on the views they can read,
    less the complaints this file replaces; an item beyond the file's last row, which they cannot read,
    is reported as a problem), the layout's own feature check and the order of items and ids
    (heldout_layouts6's helpers for each; three items on a row where the layout answers three columns)."""
    with tempfile.TemporaryDirectory(prefix="quire-heldout12-views-") as scratch:
        try:
            problems = _imported_problems(layout, _imported_views(layout, Path(scratch)), _is_replaced)
        except (IndexError, ValueError) as error:  # an item beyond the file's last row, a name not found
            problems = [f"the imported checks cannot read the layout ({type(error).__name__}: {error})"]
    problems += _feature_problems(layout, FEATURES, FEATURE_ERRORS + (StopIteration,))
    problems += _order_problems(layout, len(MULTI_ANSWER.get(layout.name, [None])))
    return problems


# --- deliberate mistakes aimed at each layout's feature ---------------------------------------------


def _aimed_mistake(layout: Layout) -> tuple[str, Layout] | None:
    wrong = copy.deepcopy(layout)
    name = layout.name
    if name == "cascading_dropdowns":
        for item in wrong.items:
            item.allowed_answers, item.allowed_answers_source = list(CASCADE_REASONS["No"]), "validation"
        return "the reasons for 'No' (the dependent list) taken for the allowed answers", wrong
    if name == "custom_validation_formula":
        for item in wrong.items:
            item.allowed_answers, item.allowed_answers_source = [], None
        return "the custom formula's values ignored (free text)", wrong
    if name == "percentage_and_number_answers":
        for item in wrong.items:
            if not item.allowed_answers:
                item.allowed_answers, item.allowed_answers_source = list(YES_NO), "validation"
        return "the number rows given the Yes/No list", wrong
    if name == "multi_select_answers":
        for item in wrong.items:
            if item.allowed_answers_source == "options":
                item.allowed_answers, item.allowed_answers_source = [], None
        return "the multi-select rows' options ignored (free text)", wrong
    if name == "maturity_matrix_three_columns":
        wrong.items = copy.deepcopy([group[0] for group in _rows_of(layout).values()])
        return "one item per row ('Documented' only)", wrong
    if name == "per_site_columns":
        for item in wrong.items:
            item.id = _row_id(item.id)
        return "the sites' items given the row's id, not naming the site", wrong
    if name == "dropdown_from_table_column":
        for item in wrong.items:
            item.allowed_answers = [TABLE_COLUMN] + list(TABLE_CHOICES)
        return "the Table column read with its header ('Choice') as a value", wrong
    if name == "yes_no_columns_with_x_and_dates":
        ws = openpyxl.load_workbook(layout.path)[MARK_SHEET]
        wrong.items = [ExpectedItem(item.sheet, item.row, item.question, ref(item.sheet, "E", item.row), item.id,
                                    section=item.section, evidence_cell=item.evidence_cell,
                                    existing_answer=ws[f"E{item.row}"].value) for item in layout.items]
        return "the 'Date implemented' column taken for the answer", wrong
    return None


# --- running the set ----------------------------------------------------------------------------------


def self_check(verbose: bool = True) -> int:
    """Writes every file of this set into a temporary folder and checks its expectations (with
    heldout_layouts6's runner, which also compares the questions with sets 6 to 11; only each row's first
    item, since a three-column row's items share their question on purpose); returns the number of problems
    (0 when every layout is described by its expectations, every deliberate mistake is caught and nothing
    repeats an earlier set)."""
    return _run_set(12, HELDOUT12_LAYOUTS, check_layout, _aimed_mistake,
                    later=((6, "sixth", HELDOUT6_LAYOUTS), (7, "seventh", HELDOUT7_LAYOUTS),
                           (8, "eighth", HELDOUT8_LAYOUTS), (9, "ninth", HELDOUT9_LAYOUTS),
                           (10, "tenth", HELDOUT10_LAYOUTS), (11, "eleventh", HELDOUT11_LAYOUTS)),
                    formats=("xlsx",), one_item_per_row=True, items_per_file=(12, 18), verbose=verbose)


if __name__ == "__main__":
    sys.exit(1 if self_check() else 0)
