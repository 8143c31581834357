#!/usr/bin/env python3
"""Sixteenth held-out set of synthetic questionnaires for `bench/layout_bench.py`: workbooks that have
lived, with the marks of many edits and of other people's tools.

Written on 2026-12-07 by a helper that did not see the detector's code, its tests, its documentation or
the bench's README, did not read the git history and did not run the tool. It saw only: all of
bench/heldout_layouts15.py (the model for this file, whose helpers `_sheet_xml`, `_xml_cells`, `NS` and
`_one_sheet` this file imports); most of bench/heldout_layouts14.py (its docstring, imports, first
builder, fourth builder, registry and whole self-check; about 540 lines of its other builders were not
printed); most of bench/heldout_layouts13.py (its docstring, imports, self-check helpers
`_header_problems`, `_band_rows`, `_walk13` and `_plain_item_problems`, its last four feature checks and
its self-check; about 650 lines of its builders and first two feature checks were not printed); the
helper functions this file imports from the earlier sets, with what was printed around them:
bench/heldout_layouts.py: its module docstring, its top (imports, styles, `MarkItem`, `head` ... `save`)
and everything from its registry to the end (`collapse`,
`split_ref`, `_resolve_list`, `_validations_over`, `_hidden_by_merge`, `_check_xlsx`, `_check_csv`,
`_tuned_words`, `_near_duplicate`, `self_check`); bench/heldout_layouts4.py: its module docstring,
imports, style helpers and `expect`, `ROLE_HEADINGS` ... `_csv_problems`, `_shift` ... `_earlier_sets`;
bench/heldout_layouts5.py: its module docstring, `_sheet_part`, `_add_x14_list`, `_x14_lists`,
`X14_LAYOUTS` ... `_load`, `_all_earlier`, `_overlap_problems`; bench/heldout_layouts6.py: its module
docstring, imports and small constants (lines 1-225), `_excel_formula`, `_general`,
`_write_cached_values` (which this file uses to put cached results into formula cells) and its
self-check machinery (`SIDE_BY_SIDE` ... `_solid`, `FEATURES` ... the end); the module docstrings of
sets 2, 3 and 7 to 12 (to keep clear of what they cover and to follow their conventions); listings of
the top-level names of sets 1, 4, 5, 6, 13 and 14; the types and small helpers at the top of
Tests/oracle/questionnaire_layouts.py up to its first builder (and a listing of its top-level names);
the class `OneOf` in Tests/oracle/questionnaire_layouts_wild.py (about 25 lines around it; this file does
not use it); the module docstring of bench/layout_bench.py (lines 1-160); a few GitHub issue excerpts
about whole-column data validations (which say that Excel stores a validation over column E as
`E1:E1048576`); and small probes of how openpyxl 3.1 writes and reads sqref lists, tables, outlines and
defined names, run in a scratch folder; a LibreOffice 7.4 round trip of the written files (re-saved as
XLSX in the scratch folder, to see what another program keeps of them); and the workplace's notes on its
environment. Nothing is copied from a real or published template or product: every sheet, heading,
question, answer list and company name was written for this set.

Customers' questionnaires are years old: edited by many hands, copied between workbooks, run through
other people's tools. The eight files cover the marks that leaves, one main feature each, mixed with
ordinary drop-downs, comment and evidence columns and band rows:

- broken_list_validations: a hospice's volunteer-and-supporter platform review on two sheets whose
  drop-downs have lived: on "Volunteer Platform" one list (`='Drop-down Sources'!$A$2:$A$5`) with an
  sqref of SEVERAL ranges ("C6:C9 C11:C13"); a second list ("Compliant,Not compliant,Not assessed")
  added later by the customer's GRC tool over C12:C13, so two validations OVERLAP there; two rows whose
  list refers to ANOTHER WORKBOOK (the formula `'[Supplier Lists.xlsx]Lists'!$A$1:$A$4`, written with
  the workbook's name as Excel's dialog shows it; the package has no external-link part and no cached
  values, so nothing in the file holds that list); a row whose list is the defined name `ResponseList`,
  whose value is `#REF!$A$2:$A$5` (the sheet it named was deleted); a row whose list is a range on
  "Drop-down Sources" that was cleared (EMPTY); and on "Supporter Records" one list over the WHOLE column
  C (stored, as Excel stores `C:C`, as sqref `C1:C1048576`), which also covers the title, the header and
  the band rows;
- unheaded_owner_column: a wine merchant's online-shop questionnaire into which someone inserted an
  internal "owner" column of initials ("JH", "AP/RK") between the question and the answer, with NO
  heading (the inserted heading cell took the header's fill but no text), and whose heading row has a
  stray EMPTY cell (column F, a deleted column's leftover, empty on every row) between "Supplier comments"
  and "Evidence";
- inserted_rows_renumbered_ids: a borough council's parking-permit system assurance sheet with two rows
  INSERTED later without an id (one in each of the first two sections), ids that jump (1.3 to 1.5, 2.3
  to the inserted row to 2.6, 3.2 to 3.4, 3.4 to 3.6) and the id "3.4" TWICE (a row copied and reworded);
- table_with_totals_row: a recruitment agency's candidate-screening questionnaire held in an Excel TABLE
  (`xl/tables/table1.xml`, "tblScreening", B5:F19, banded rows, header row 5) with a TOTALS ROW (row 19:
  the label "Total" under "Ref", `SUBTOTAL(103, ...)` counts under "Question" and "Response", cached
  13 and 3); no band rows (a table holds none);
- collapsed_outline_hidden_column: a ski resort's lift-pass and gate-system questionnaire whose four
  sections are OUTLINE groups with the summary row above (the band row): two groups are COLLAPSED
  (their question rows `hidden="1" outlineLevel="1"`, the band row `collapsed="1"`), two expanded; and
  whose column C, "Previous answer" (last season's answers on every row), is HIDDEN in a collapsed
  column group between the question and the answer;
- copied_sheet_double_header: a library consortium's e-lending questionnaire on a sheet copied from
  another customer's workbook ("Vendor Questions (2)"), its title still naming the previous customer
  (Halvorsen Marine Insurance), as does one question; the header row PASTED TWICE (rows 4 and 5 hold the
  same headings); panes frozen below row 5 and print titles `$4:$4`; an "About This Form" sheet first;
- long_questions_and_links: a pension administrator's member-portal outsourcing review whose four
  requirements are each over 1,000 characters, with line breaks, "•" bullets, "a)" sub-points and "1)"
  numbering inside one cell; one of them is a hyperlink to the trustees' policy page; another question
  is a `HYPERLINK()` formula whose cached text is the question;
- dropdown_lost_on_pasted_rows: an airline's crew-rostering app questionnaire whose answer column lost
  its drop-down on the middle section: its rows were pasted in from an older copy, so the list's sqref
  is now "C7:C11 C21:C23", the pasted rows are white instead of input-yellow and two of them already
  hold free-typed answers ("Yes – signed off by the duty manager", "Partly").

Expectations follow the conventions stated in bench/heldout_layouts.py and sets 4 to 15:

- an item is a row holding a question (or a requirement to respond to) whose answer goes in a cell;
  titles, instructions, section rows, repeated headers, totals rows and notes under the table are not
  items;
- ids are the questionnaire's own, AS DISPLAYED (texts here, "3.4", "KV-A1"; a number 7 is "7");
- answer, comment and evidence cells are absolute references on the item's row; allowed answers are
  the drop-down's values in order, exactly as written (source "validation"); free text has [] and
  source None;
- `question` is the text the question cell shows (a formula's cached result), collapsed (`collapse`:
  line breaks, tabs and runs of spaces become single spaces, ends trimmed; bullets and sub-point labels
  are kept);
- `section` is the path of band rows, outermost first, [] where the sheet has none;
- `guidance` is None (no sheet of this set has a guidance column);
- existing answers and comments are the cells' texts as written (every one here is a text);
- a customer's or internal column (owner initials, last season's answers) has no role.

Conventions this set had to decide (each layout's `note` repeats its own):

- WHICH DROP-DOWN A CELL HAS is the one Excel shows: when two list validations cover one cell, this set
  takes Excel to apply the FIRST in file order (the first `<dataValidation>` of the sheet whose sqref
  holds the cell; a decision, not checked in Excel, which the files cannot be opened in here); the later
  one is never the allowed answers, and the two lists are never merged. An sqref of several ranges
  covers each of them; a validation over a whole column covers every row of it, but the title, header
  and band rows it covers are still no items. (Seen while the set was written: LibreOffice 7.4, opening
  and re-saving the file, lets the LATER validation win over C12:C13, drops the other-workbook formula
  and cuts the whole-column range to C1:C1012; the expectations describe the file as written here, not a
  copy another program has re-saved);
- a list drop-down that gives NO VALUES gives no allowed answers: a list referring to another workbook
  that is not in the file (`'[Supplier Lists.xlsx]Lists'!$A$1:$A$4`: Excel cannot read a closed
  workbook's cells for a drop-down, the arrow opens an empty list), a defined name whose value is a
  `#REF!` error, and a range whose cells are all empty each give [] and source None. The row is still an
  item and its answer cell is still the answer column's cell; the neighbouring rows' list is NOT borrowed
  (nothing in the file says those rows take it, and a list written in instructions or elsewhere is not
  a source, as set 11 decided);
- a column inserted without a heading between the question and the answer (initials of an internal
  owner) has no role; the answer column is the headed "Supplier answer" after it. A heading row with an
  empty cell over an empty column is still the header row: the empty column has no role, and the
  columns after it keep theirs ("Evidence");
- a row inserted without an id in a list of ids has id None: the questionnaire gives it none (it is
  neither the row above's id nor a number made up from its neighbours; a tool may generate one, which
  is not compared). Ids that jump (1.3 to 1.5) are kept as displayed; an id shown on two rows ("3.4"
  twice) is each row's id as displayed, so the two items share it and are told apart by their rows, as
  set 7's restarting ids are;
- an Excel Table: its header row is the sheet's header row (row 5), its data rows are the items, and its
  TOTALS ROW is not an item (no question; its `SUBTOTAL` cell under "Response" is a count, not an
  answer); the table's banding and filter buttons change nothing;
- rows in a COLLAPSED outline group are items like the shown rows: a collapsed group is a view (one
  click on "+" shows them, and the respondent must answer them), not a withdrawal: they are neither
  struck, greyed nor marked withdrawn (unlike set 3's hidden retired row; as set 7 decided for rows
  hidden by a filter). The band row that sums up a group is its section. A HIDDEN column of last
  season's answers has no role and never gives existing answers;
- a header pasted twice (row 5 a copy of row 4, directly under it): the header row is the FIRST (row 4,
  the one the print titles name), and row 5 is a repeated header (`skipped` {5: "repeated-header"}),
  not an item, as set 11 took the first of repeated print headers. The previous customer's name in the
  title changes nothing; a question that still names the previous customer is taken as written;
- a very long question is ONE item whose text is the whole cell, bullets, "a)" and "1)" labels
  included, collapsed (as set 5 decided for bullet lists); a hyperlink on a question cell adds nothing
  to the question (as set 13); a `HYPERLINK(url, text)` formula's question is its cached text, the
  friendly name Excel shows, never the address;
- an answer column whose drop-down survives on only some rows: a row without a validation has NO
  allowed answers ([] and source None), even in a column whose other rows offer Yes / No / Partly / Not
  applicable; its existing answer is the text typed ("Yes – signed off by the duty manager"). The rows
  are still items in the same answer column.

Run `python bench/heldout_layouts16.py` (arguments are ignored) to write every file into a temporary
folder and check, with openpyxl, zipfile, ElementTree and the csv module alone (the imported checks of
bench/heldout_layouts.py, heldout_layouts4.py and heldout_layouts5.py through heldout_layouts6's
`_run_set`, plus one check per layout of its feature, which reads the written file back, most of them
from its XML), that the expectations describe the files, that deliberate mistakes (the imported ones
and one per layout aimed at its feature) are caught, and that no sheet name or question repeats (or
nearly repeats) one of the tuned layouts or of the fifteen earlier held-out sets.

Where the imported checks cannot see a feature, this file says so and checks it itself (`REPLACED`,
`DECOYS16`, `_views`):
- they want exactly one list validation over a cell whose source is "validation", and none over a
  free-text cell, so their complaints that two validations cover broken_list_validations' C12:C13 and
  that its external, `#REF!` and emptied lists are drop-downs on free-text rows are replaced by
  `_feature_validations`, which reads the `<dataValidation>` elements in file order and works out the
  list Excel shows for every item;
- they want an id cell to hold the item's id, so their complaints about the two rows inserted without
  an id (id None under an id column) are replaced by `_feature_inserted_rows`;
- they want no hidden rows, so their complaints about the rows of the collapsed groups are replaced by
  `_feature_outline`, which wants exactly those rows hidden;
- they read formulas, not cached values, so long_questions_and_links is shown to them as a values-only
  copy (openpyxl's data_only reading, saved); `_feature_long_questions` reads the formula and its
  cached text from the sheet XML;
- they cannot read an sqref written `C:C` (openpyxl 3.1 fails to load such a sheet), which is one more
  reason the whole-column validation is written `C1:C1048576`, the form Excel itself saves;
- rows registered in `DECOYS16` (the totals row, the repeated header, notes under tables) are not
  complained about as rows that read like items; the feature checks check them.
"""

from __future__ import annotations

import copy
import re
import sys
import tempfile
import xml.etree.ElementTree as ET
import zipfile
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
from openpyxl.utils.cell import column_index_from_string, range_boundaries  # noqa: E402
from openpyxl.workbook.defined_name import DefinedName  # noqa: E402
from openpyxl.worksheet.filters import AutoFilter  # noqa: E402
from openpyxl.worksheet.properties import Outline  # noqa: E402
from openpyxl.worksheet.table import Table, TableColumn, TableStyleInfo  # noqa: E402

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
    _run_set,
    _write_cached_values,
)
from heldout_layouts7 import HELDOUT7_LAYOUTS  # noqa: E402
from heldout_layouts8 import HELDOUT8_LAYOUTS  # noqa: E402
from heldout_layouts9 import HELDOUT9_LAYOUTS  # noqa: E402
from heldout_layouts10 import HELDOUT10_LAYOUTS  # noqa: E402
from heldout_layouts11 import HELDOUT11_LAYOUTS  # noqa: E402
from heldout_layouts12 import HELDOUT12_LAYOUTS  # noqa: E402
from heldout_layouts13 import HELDOUT13_LAYOUTS, _band_rows, _header_problems  # noqa: E402
from heldout_layouts14 import HELDOUT14_LAYOUTS  # noqa: E402
from heldout_layouts15 import HELDOUT15_LAYOUTS, NS, _one_sheet, _sheet_xml, _xml_cells  # noqa: E402
from questionnaire_layouts import ExpectedItem, ExpectedSheet, Layout, list_validation, ref  # noqa: E402

# --- this set's answer lists and looks ----------------------------------------------------------------

HOSPICE_CHOICES = ["Yes", "No", "Partial", "N/A"]
HOSPICE_GRC_CHOICES = ["Compliant", "Not compliant", "Not assessed"]
HOSPICE_WHOLE_CHOICES = ["Yes", "No", "N/A"]
WINE_CHOICES = ["Yes", "No", "Partly", "N/A"]
PERMIT_CHOICES = ["Yes", "No", "In part", "N/A"]
SCREEN_CHOICES = ["Yes", "No", "Partially", "Not applicable"]
SKI_CHOICES = ["Yes", "No", "Partly", "N/A"]
LIBRARY_CHOICES = ["Yes", "No", "Partial", "N/A"]
PENSION_CHOICES = ["Yes", "No", "Partially", "N/A"]
CREW_CHOICES = ["Yes", "No", "Partly", "Not applicable"]

GREY = PatternFill("solid", fgColor="D9D9D9")
GREY_FONT = Font(name="Verdana", size=8, color="7F7F7F")
LINK_FONT = Font(name="Verdana", size=9, color="0563C1", underline="single")
PASTED_FONT = Font(name="Calibri", size=11)

#: Rows that are not items but that a reader could take for one: layout -> {(sheet, row): what it is}.
#: Filled by the builders (the files are the same each time).
DECOYS16: dict[str, dict[tuple[str, int], str]] = {}


def _decoy(layout_name: str, sheet: str, row: int, what: str) -> None:
    DECOYS16.setdefault(layout_name, {})[(sheet, row)] = what


def _input(ws: Any, coordinate: str) -> None:
    ws[coordinate].fill = PAINT["input"]
    ws[coordinate].alignment = MIDDLE


# --- 1. drop-downs that have lived: several ranges, an overlap, another workbook, #REF!, empty, C:C --------

HOSPICE_FILE = "KestrelVale_volunteer_supporter_platform_review.xlsx"
HOSPICE_MAIN, HOSPICE_WHOLE, HOSPICE_LISTS = "Volunteer Platform", "Supporter Records", "Drop-down Sources"
HOSPICE_MAIN_HEADER = {"A": "Ref", "B": "Question", "C": "Response", "D": "Comments", "E": "Evidence"}
HOSPICE_MAIN_ROLES = {"A": "id", "B": "question", "C": "answer", "D": "comment", "E": "evidence"}
HOSPICE_MAIN_HEADER_ROW = 4
HOSPICE_WHOLE_HEADER = {"A": "Ref", "B": "Question", "C": "Response", "D": "Comments"}
HOSPICE_WHOLE_ROLES = {"A": "id", "B": "question", "C": "answer", "D": "comment"}
HOSPICE_WHOLE_HEADER_ROW = 3
HOSPICE_RANGE = f"'{HOSPICE_LISTS}'!$A$2:$A$5"
HOSPICE_EMPTY_RANGE = f"'{HOSPICE_LISTS}'!$C$2:$C$6"
HOSPICE_EXTERNAL = "'[Supplier Lists.xlsx]Lists'!$A$1:$A$4"
HOSPICE_NAME = "ResponseList"
HOSPICE_NAME_VALUE = "#REF!$A$2:$A$5"
HOSPICE_WHOLE_SQREF = "C1:C1048576"
#: kind of list -> what Excel shows for it (None: the list gives no values)
HOSPICE_KINDS: dict[str, list[str] | None] = {
    "list": HOSPICE_CHOICES, "overlap": HOSPICE_CHOICES, "external": None, "ref": None, "empty": None,
}
#: (section, [(ref, question, kind of list, existing answer, existing comment, existing evidence)])
HOSPICE_SECTIONS: list[tuple[str, list[tuple[str, str, str, str | None, str | None, str | None]]]] = [
    ("A. Access and accounts", [
        ("KV-A1", "Are volunteer coordinators' accounts limited to the volunteers of their own hospice shop or "
                  "ward?", "list", None, None, None),
        ("KV-A2", "Is a volunteer's access to the rota app removed within one working day of their leaving the "
                  "hospice?", "list", "Yes", None, "Leavers procedure v4"),
        ("KV-A3", "Do administrators need a second sign-in factor before they can export volunteer records?",
         "list", None, None, None),
        ("KV-A4", "Can the hospice see a log of every export of supporter data made by your own staff?", "list",
         None, None, None),
    ]),
    ("B. Supporter and donor data", [
        ("KV-B1", "Are Gift Aid declarations stored with the date and the exact wording each supporter agreed "
                  "to?", "list", None, None, None),
        ("KV-B2", "Are legacy pledges visible only to the hospice's legacy team and its chief executive?",
         "overlap", None, None, None),
        ("KV-B3", "Are supporters' contact preferences applied to every mailing list before an appeal is "
                  "sent?", "overlap", "Partial", "Applied to postal appeals; SMS lists are checked by hand.",
         None),
    ]),
    ("C. Hosting and continuity", [
        ("KV-C1", "Is supporter data hosted only in data centres within the United Kingdom, backups included?",
         "external", None, None, None),
        ("KV-C2", "Are nightly backups of the platform kept for thirty days and proved by a test restore every "
                  "quarter?", "external", "Yes", None, None),
        ("KV-C3", "Would the hospice be told within 48 hours if a security incident touched its supporters' "
                  "records?", "ref", None, None, None),
        ("KV-C4", "Is there a written plan for running the Christmas appeal if the platform were unavailable "
                  "for a week?", "empty", None, None, None),
    ]),
]
#: "Supporter Records": (section, [(ref, question, existing answer, existing comment)])
HOSPICE_WHOLE_SECTIONS: list[tuple[str, list[tuple[str, str, str | None, str | None]]]] = [
    ("D. Data protection", [
        ("KV-D1", "Can a supporter's record be erased on request while keeping just enough to honour their "
                  "opt-out from appeals?", None, None),
        ("KV-D2", "Are records of supporters who have died flagged at once so that no further appeal letters "
                  "reach their families?", "Yes", None),
        ("KV-D3", "Is the hospice lottery's player data held in a database apart from the donor records?", None,
         None),
        ("KV-D4", "Do you keep a written record of each kind of processing you carry out for the hospice?", None,
         None),
    ]),
    ("E. Your people and subcontractors", [
        ("KV-E1", "Are the engineers who support the platform based in the United Kingdom or the European "
                  "Economic Area?", None, None),
        ("KV-E2", "Is every subcontractor able to reach supporter data named in a schedule to the contract?",
         None, None),
        ("KV-E3", "Do your support staff repeat training on handling bereaved supporters' data every year?",
         "No", "Covered by general data protection training only."),
    ]),
]
HOSPICE_NOTE = "If a drop-down shows no choices, type your answer and explain it in Comments."


def _hospice_rows() -> dict[str, list[int]]:
    """kind of list -> the item rows of "Volunteer Platform" that carry it (the layout is fixed)."""
    rows: dict[str, list[int]] = {}
    row = HOSPICE_MAIN_HEADER_ROW
    for _, questions in HOSPICE_SECTIONS:
        row += 1
        for _, _, kind, _, _, _ in questions:
            row += 1
            rows.setdefault(kind, []).append(row)
    return rows


def _runs(rows: list[int], column: str) -> list[str]:
    """Consecutive rows as ranges of one column: [6, 7, 8, 11] -> ["C6:C8", "C11"]."""
    out: list[str] = []
    start = prev = None
    for row in sorted(rows) + [None]:
        if start is not None and (row is None or row != prev + 1):
            out.append(f"{column}{start}" if start == prev else f"{column}{start}:{column}{prev}")
            start = None
        if row is not None and start is None:
            start = row
        prev = row
    return out


def broken_list_validations(folder: Path) -> Layout:
    name = "broken_list_validations"
    wb = Workbook()
    ws = wb.active
    ws.title = HOSPICE_MAIN
    caption(ws, "A1", "Kestrel Vale Hospice – Volunteer and Supporter Platform: Supplier Security Questions", "A1:E1")
    small_print(ws, "A2", "Choose a response from the drop-down where one is offered, and add comments and "
                          "evidence references where you can.", "A2:E2")
    heading_row(ws, HOSPICE_MAIN_HEADER_ROW, HOSPICE_MAIN_HEADER, paint="plum")
    items: list[ExpectedItem] = []
    row = HOSPICE_MAIN_HEADER_ROW
    for section, questions in HOSPICE_SECTIONS:
        row += 1
        band_row(ws, row, section, "A", "E", paint="mist")
        for id_, question, kind, existing, remark, evidence in questions:
            row += 1
            body_row(ws, row, {"A": id_, "B": question, "C": existing, "D": remark, "E": evidence}, "ABCDE")
            _input(ws, f"C{row}")
            items.append(expect(HOSPICE_MAIN, row, question, "C", id_, comment="D", evidence="E",
                                allowed=HOSPICE_KINDS[kind], existing=existing, existing_comment=remark,
                                section=[section]))
    row += 2
    small_print(ws, f"A{row}", HOSPICE_NOTE, f"A{row}:E{row}")
    _decoy(name, HOSPICE_MAIN, row, "a note under the table")
    rows = _hospice_rows()
    # file order: the sheet's own list (several ranges), then the GRC tool's list over two of its rows,
    # then the lists that give nothing
    list_validation(ws, HOSPICE_RANGE, *_runs(rows["list"] + rows["overlap"], "C"))
    list_validation(ws, HOSPICE_GRC_CHOICES, *_runs(rows["overlap"], "C"))
    list_validation(ws, HOSPICE_EXTERNAL, *_runs(rows["external"], "C"))
    list_validation(ws, HOSPICE_NAME, *_runs(rows["ref"], "C"))
    list_validation(ws, HOSPICE_EMPTY_RANGE, *_runs(rows["empty"], "C"))
    col_widths(ws, A=8, B=70, C=14, D=40, E=26)
    ws.freeze_panes = f"A{HOSPICE_MAIN_HEADER_ROW + 1}"

    ws2 = wb.create_sheet(HOSPICE_WHOLE)
    caption(ws2, "A1", "Kestrel Vale Hospice – Supporter Records", "A1:D1")
    heading_row(ws2, HOSPICE_WHOLE_HEADER_ROW, HOSPICE_WHOLE_HEADER, paint="plum")
    row = HOSPICE_WHOLE_HEADER_ROW
    for section, questions in HOSPICE_WHOLE_SECTIONS:
        row += 1
        band_row(ws2, row, section, "A", "D", paint="mist")
        for id_, question, existing, remark in questions:
            row += 1
            body_row(ws2, row, {"A": id_, "B": question, "C": existing, "D": remark}, "ABCD")
            _input(ws2, f"C{row}")
            items.append(expect(HOSPICE_WHOLE, row, question, "C", id_, comment="D", allowed=HOSPICE_WHOLE_CHOICES,
                                existing=existing, existing_comment=remark, section=[section]))
    list_validation(ws2, HOSPICE_WHOLE_CHOICES, HOSPICE_WHOLE_SQREF)
    col_widths(ws2, A=8, B=70, C=14, D=40)

    lists = wb.create_sheet(HOSPICE_LISTS)
    lists["A1"], lists["C1"] = "Response", "Assurance level (retired)"
    lists["A1"].font = lists["C1"].font = Font(bold=True)
    for offset, value in enumerate(HOSPICE_CHOICES, start=2):
        lists[f"A{offset}"] = value
    wb.defined_names[HOSPICE_NAME] = DefinedName(HOSPICE_NAME, attr_text=HOSPICE_NAME_VALUE)
    path = store(wb, folder, HOSPICE_FILE)
    return Layout(
        name=name,
        path=path,
        format="xlsx",
        sheets=[sheet_of(HOSPICE_MAIN, HOSPICE_MAIN_HEADER_ROW, dict(HOSPICE_MAIN_ROLES)),
                sheet_of(HOSPICE_WHOLE, HOSPICE_WHOLE_HEADER_ROW, dict(HOSPICE_WHOLE_ROLES)),
                ExpectedSheet(HOSPICE_LISTS, "ignored")],
        items=items,
        note="Two questionnaire sheets and a visible, ignored 'Drop-down Sources'. 'Volunteer Platform' (header row "
             "4: 'Ref' id A, 'Question' B, 'Response' answer C, 'Comments' D, 'Evidence' E; three band rows; 11 "
             "items): its validations, in file order: (1) ='Drop-down Sources'!$A$2:$A$5 (Yes/No/Partial/N/A) over "
             "'C6:C9 C11:C13' (an sqref of several ranges); (2) \"Compliant,Not compliant,Not assessed\" over "
             "C12:C13, OVERLAPPING (1); (3) ='[Supplier Lists.xlsx]Lists'!$A$1:$A$4 over C15:C16 (another workbook, "
             "not in the file); (4) =ResponseList over C17 (a defined name whose value is #REF!$A$2:$A$5); (5) "
             "='Drop-down Sources'!$C$2:$C$6 over C18 (a range whose cells are empty). CONVENTION: a cell takes the "
             "FIRST validation in file order that covers it, so C12:C13 give Yes/No/Partial/N/A; a list that gives "
             "no values (3, 4, 5) gives [] and source None, the row is still an item and the neighbours' list is "
             "not borrowed. 'Supporter Records' (header row 3: Ref A, Question B, Response C, Comments D; two band "
             "rows; 7 items): one list Yes/No/N/A over the WHOLE column C (sqref C1:C1048576, as Excel saves C:C), "
             "which covers title, header and band rows too; those rows are no items. The note under the first "
             "table is not an item. Five rows already answered.",
    )


# --- 2. an owner column inserted without a heading, and a stray empty heading cell ----------------------

WINE_SHEET = "Shop Platform Review"
WINE_HEADER: dict[str, str | None] = {"A": "No.", "B": "Question", "C": None, "D": "Supplier answer",
                                      "E": "Supplier comments", "F": None, "G": "Evidence"}
WINE_ROLES = {"A": "id", "B": "question", "D": "answer", "E": "comment", "G": "evidence"}
WINE_OWNER, WINE_STRAY = "C", "F"
WINE_HEADER_ROW = 4
#: (section, [(number, question, owner initials, existing answer, existing comment, existing evidence)])
WINE_SECTIONS: list[tuple[str, list[tuple[int, str, str | None, str | None, str | None, str | None]]]] = [
    ("Customer accounts and age checks", [
        (1, "Is every online buyer's age confirmed through an identity check before their first order of wine "
            "or spirits is dispatched?", "JH", None, None, None),
        (2, "Are customers' saved delivery addresses and past orders shown only after they sign in with their "
            "own password?", "JH", "Yes", None, None),
        (3, "Is a full card number ever displayed to the merchant's staff anywhere in the order screens?", "AP",
         None, None, None),
        (4, "Are accounts that have placed no order for three years closed and their personal details "
            "removed?", None, None, None, None),
        (5, "Must a customer enter a one-time code before the e-mail address on their account can be changed?",
         "AP/RK", None, None, None),
    ]),
    ("Payments and fulfilment", [
        (6, "Are card payments taken on a hosted payment page, so that card details never pass through the shop's "
            "own servers?", "RK", "Yes", "Payment pages are hosted by our acquirer.", "PCI attestation 2026"),
        (7, "Does the courier integration pass on only the name, address and telephone number that the driver "
            "needs?", "RK", None, None, None),
        (8, "Are en primeur reservations and cellar-storage records backed up apart from the web shop "
            "database?", "TB", None, None, None),
        (9, "Is the discount-code engine protected against codes being guessed or used beyond their limit?",
         "AP", None, None, None),
        (10, "Are refunds above £500 approved by a second member of the merchant's staff before they are paid?",
         "JH", "Partly", "A second approval is needed above £1,000 today.", None),
    ]),
    ("Running the platform", [
        (11, "Are plug-ins and themes checked for known vulnerabilities before each update of the shop?", "TB",
         None, None, None),
        (12, "Is the shop's administration area reachable only from the merchant's offices or through its "
             "VPN?", "TB", None, None, None),
        (13, "Are security alerts from your hosting provider passed on to the merchant within one working day?",
         "RK", None, None, None),
        (14, "If the contract ends, will you hand over the product catalogue, customer list and order history "
             "as CSV files?", None, None, None, None),
    ]),
]


def unheaded_owner_column(folder: Path) -> Layout:
    wb = Workbook()
    ws = wb.active
    ws.title = WINE_SHEET
    caption(ws, "A1", "Corbett & Hale Wine Merchants – Online Shop Platform: Vendor Questionnaire", "A1:G1")
    small_print(ws, "A2", "Select an answer for each question in the Supplier answer column and give any detail "
                          "in Supplier comments.", "A2:G2")
    heading_row(ws, WINE_HEADER_ROW, WINE_HEADER, paint="rust")
    items: list[ExpectedItem] = []
    cells: list[str] = []
    row = WINE_HEADER_ROW
    for section, questions in WINE_SECTIONS:
        row += 1
        band_row(ws, row, section, "A", "G", paint="straw")
        for number, question, owner, existing, remark, evidence in questions:
            row += 1
            body_row(ws, row, {"A": number, "B": question, "C": owner, "D": existing, "E": remark, "G": evidence},
                     "ABCDEG")
            ws[f"C{row}"].font = GREY_FONT
            ws[f"C{row}"].alignment = MIDDLE
            _input(ws, f"D{row}")
            cells.append(f"D{row}")
            items.append(expect(WINE_SHEET, row, question, "D", str(number), comment="E", evidence="G",
                                allowed=WINE_CHOICES, existing=existing, existing_comment=remark,
                                section=[section]))
    list_validation(ws, WINE_CHOICES, f"{cells[0]}:{cells[-1]}")
    col_widths(ws, A=6, B=70, C=7, D=15, E=40, F=4, G=24)
    ws.freeze_panes = f"A{WINE_HEADER_ROW + 1}"
    path = store(wb, folder, "CorbettHale_shop_platform_vendor_questionnaire.xlsx")
    return Layout(
        name="unheaded_owner_column",
        path=path,
        format="xlsx",
        sheets=[sheet_of(WINE_SHEET, WINE_HEADER_ROW, dict(WINE_ROLES))],
        items=items,
        note="Header on row 4: 'No.' (id A, whole numbers 1-14 shown '1' ...), 'Question' (B), then column C "
             "INSERTED later WITHOUT A HEADING (its heading cell has the header's fill, no text) holding an internal "
             "owner's initials ('JH', 'AP/RK', ...) on most rows, 'Supplier answer' (answer D, drop-down Yes/No/"
             f"Partly/N/A over {cells[0]}:{cells[-1]}, source validation), 'Supplier comments' (comment E), a STRAY "
             "EMPTY heading cell over column F (empty on every row), 'Evidence' (evidence G). Three band rows. "
             "CONVENTION: the unheaded owner column and the empty column have no role; the header row is still row "
             "4 and the columns after the gap keep their roles. Items: all 14 rows; three already answered.",
    )


# --- 3. rows inserted without ids, ids renumbered with gaps and a duplicate ----------------------------------

PERMIT_SHEET = "Permit System"
PERMIT_HEADER = {"A": "Ref", "B": "Question", "C": "Response", "D": "Comments"}
PERMIT_ROLES = {"A": "id", "B": "question", "C": "answer", "D": "comment"}
PERMIT_HEADER_ROW = 5
#: (section, [(ref as displayed or None for a row inserted without one, question, existing answer, comment)])
PERMIT_SECTIONS: list[tuple[str, list[tuple[str | None, str, str | None, str | None]]]] = [
    ("1. Permit applications", [
        ("1.1", "Are residents' proof-of-address documents deleted once their permit application has been "
                "decided?", None, None),
        ("1.2", "Can a resident view and cancel their own parking permits online without telephoning the "
                "council?", "Yes", None),
        (None, "Are blue badge holders' medical details kept out of the permit records that enforcement officers "
               "can see?", None, None),
        ("1.3", "When officers scan a street, is a virtual permit matched to the vehicle registration rather than "
                "to the resident's name?", None, None),
        ("1.5", "Are refunds for cancelled permits paid only to the card or account that paid for the permit?",
         None, None),
    ]),
    ("2. Enforcement devices", [
        ("2.1", "Are the handheld devices carried by civil enforcement officers encrypted and locked with a "
                "PIN?", None, None),
        ("2.2", "Is each photograph taken for a penalty charge notice stored with the device, the officer and "
                "the time?", None, None),
        ("2.3", "Can a lost enforcement handheld be wiped remotely by your service desk within an hour of the "
                "loss being reported?", "In part", "Within four hours outside office hours."),
        (None, "Are recordings from officers' body-worn cameras uploaded over an encrypted link at the end of each "
               "shift?", None, None),
        ("2.6", "Do the handhelds keep issuing notices offline and upload them once a mobile signal returns?",
         None, None),
    ]),
    ("3. Data and hosting", [
        ("3.1", "Is the permit system hosted in the United Kingdom, including its backups and its disaster "
                "recovery copy?", None, None),
        ("3.2", "Are council officers' accounts tied to the council's own directory so that leavers lose access "
                "at once?", None, None),
        ("3.4", "Is the public page for paying penalty charges tested by an independent penetration tester "
                "every year?", None, None),
        ("3.4", "Are vehicle keeper enquiries to the DVLA made only by named officers, each logged against a "
                "penalty charge?", None, None),
        ("3.6", "Are changes to the system's hosting arrangements agreed in advance with the council's "
                "information governance lead?", None, None),
    ]),
]
PERMIT_NOTE = "Rows without a reference were added after the 2025 review; they are to be answered like the rest."


def _permit_ids() -> list[str | None]:
    return [id_ for _, questions in PERMIT_SECTIONS for id_, _, _, _ in questions]


def inserted_rows_renumbered_ids(folder: Path) -> Layout:
    name = "inserted_rows_renumbered_ids"
    wb = Workbook()
    ws = wb.active
    ws.title = PERMIT_SHEET
    caption(ws, "A1", "Borough of Ashwick – Parking Permits and Enforcement System: Supplier Assurance", "A1:D1")
    small_print(ws, "A2", "Annual supplier assurance, 2026 edition. Choose a response for every row.", "A2:D2")
    small_print(ws, "A3", PERMIT_NOTE, "A3:D3")
    heading_row(ws, PERMIT_HEADER_ROW, PERMIT_HEADER, paint="navy")
    items: list[ExpectedItem] = []
    row = PERMIT_HEADER_ROW
    for section, questions in PERMIT_SECTIONS:
        row += 1
        band_row(ws, row, section, "A", "D", paint="cyan")
        for id_, question, existing, remark in questions:
            row += 1
            body_row(ws, row, {"A": id_, "B": question, "C": existing, "D": remark}, "ABCD")
            ws[f"A{row}"].number_format = "@"
            _input(ws, f"C{row}")
            items.append(expect(PERMIT_SHEET, row, question, "C", id_, comment="D", allowed=PERMIT_CHOICES,
                                existing=existing, existing_comment=remark, section=[section]))
    list_validation(ws, PERMIT_CHOICES, f"C{PERMIT_HEADER_ROW + 2}:C{row}")
    col_widths(ws, A=7, B=72, C=13, D=40)
    ws.freeze_panes = f"A{PERMIT_HEADER_ROW + 1}"
    path = store(wb, folder, "Ashwick_permit_system_supplier_assurance_2026.xlsx")
    return Layout(
        name=name,
        path=path,
        format="xlsx",
        sheets=[sheet_of(PERMIT_SHEET, PERMIT_HEADER_ROW, dict(PERMIT_ROLES))],
        items=items,
        note="Header on row 5: 'Ref' (id A, texts), 'Question' (B), 'Response' (answer C, drop-down Yes/No/In part/"
             "N/A over C7:C23, band rows included, source validation), 'Comments' (comment D); three band rows. Items: "
             "all 15 rows. Two rows (9 and 16) were INSERTED later with an empty Ref cell: CONVENTION: their id is "
             "None (not the row above's id, not a number made up). The ids jump (1.3 to 1.5; 2.3, the inserted row, "
             "2.6; 3.2 to 3.4; 3.4 to 3.6) and '3.4' is shown on TWO rows: each is that row's id as displayed (the "
             "two items share it). The instruction on row 3 is not an item. Two rows already answered.",
    )


# --- 4. an Excel Table with banded rows and a totals row ------------------------------------------------------

SCREEN_SHEET = "Screening Vendor"
SCREEN_TABLE = "tblScreening"
SCREEN_HEADER = {"B": "Ref", "C": "Question", "D": "Response", "E": "Comments", "F": "Evidence"}
SCREEN_ROLES = {"B": "id", "C": "question", "D": "answer", "E": "comment", "F": "evidence"}
SCREEN_HEADER_ROW = 5
SCREEN_STYLE = "TableStyleMedium2"
#: column -> (totalsRowLabel, totalsRowFunction) of the table's totals row
SCREEN_TOTALS: dict[str, tuple[str | None, str | None]] = {"B": ("Total", None), "C": (None, "count"),
                                                           "D": (None, "count")}
#: (ref, question, existing answer, existing comment, existing evidence)
SCREEN_ROWS: list[tuple[str, str, str | None, str | None, str | None]] = [
    ("SC-01", "Are candidates' right-to-work documents checked against the original or through an approved digital "
              "identity provider?", None, None, None),
    ("SC-02", "Are criminal record check results visible only to the screening officer assigned to the candidate?",
     "Yes", None, "Role matrix, screening module"),
    ("SC-03", "Are candidates told which checks will be carried out before they give consent to screening?", None,
     None, None),
    ("SC-04", "Is each referee's e-mail domain confirmed as belonging to the employer it names before a reference "
              "is accepted?", None, None, None),
    ("SC-05", "Are the screening files of unsuccessful candidates deleted six months after the vacancy closes?",
     "Partially", "Deleted after twelve months at present; six months from the next release.", None),
    ("SC-06", "Can hiring managers at Pennant's clients see a screening outcome without opening the documents behind "
              "it?", None, None, None),
    ("SC-07", "Are documents uploaded by candidates scanned for malware before any screening officer opens "
              "them?", None, None, None),
    ("SC-08", "Are credit reference checks run only for roles that the client has marked as handling money?", None,
     None, None),
    ("SC-09", "Are overseas criminal record checks obtained only through providers recognised in the country "
              "concerned?", None, None, None),
    ("SC-10", "Is every access by your support staff to a candidate's file logged and reviewed each month?",
     "Yes", None, None),
    ("SC-11", "Does a candidate receive a copy of any adverse finding, with time to dispute it, before the client "
              "is told?", None, None, None),
    ("SC-12", "Have all findings of the latest external penetration test of the screening portal been closed?",
     None, None, None),
    ("SC-13", "Would screening carry on from a standby environment if the main platform were down for more than "
              "four hours?", None, None, None),
]
SCREEN_NOTE = "The Total row counts the questions and the responses given so far; it updates as you answer."


def _screen_rows() -> tuple[int, int, int]:
    """The first and last data rows and the totals row of the table."""
    first = SCREEN_HEADER_ROW + 1
    last = first + len(SCREEN_ROWS) - 1
    return first, last, last + 1


def table_with_totals_row(folder: Path) -> Layout:
    name = "table_with_totals_row"
    wb = Workbook()
    ws = wb.active
    ws.title = SCREEN_SHEET
    caption(ws, "B2", "Pennant Talent – Candidate Screening Platform: Supplier Security Questionnaire")
    small_print(ws, "B3", "Answer in the Response column of the table; the filter buttons and the Total row belong "
                          "to the table and can be left as they are.", "B3:F3")
    heading_row(ws, SCREEN_HEADER_ROW, SCREEN_HEADER, paint="slate")
    first, last, totals = _screen_rows()
    items: list[ExpectedItem] = []
    for row, (id_, question, existing, remark, evidence) in zip(range(first, last + 1), SCREEN_ROWS):
        body_row(ws, row, {"B": id_, "C": question, "D": existing, "E": remark, "F": evidence}, "BCDEF")
        ws[f"D{row}"].alignment = MIDDLE
        items.append(expect(SCREEN_SHEET, row, question, "D", id_, comment="E", evidence="F", allowed=SCREEN_CHOICES,
                            existing=existing, existing_comment=remark, section=[]))
    ws[f"B{totals}"] = "Total"
    cached: dict[str, Any] = {}
    for letter, (_, function) in SCREEN_TOTALS.items():
        if function == "count":
            heading = SCREEN_HEADER[letter]
            ws[f"{letter}{totals}"] = f"=SUBTOTAL(103,{SCREEN_TABLE}[{heading}])"
            column = {"C": 1, "D": 2}[letter]
            cached[f"{letter}{totals}"] = sum(1 for r in SCREEN_ROWS if r[column] is not None)
    _decoy(name, SCREEN_SHEET, totals, "the table's totals row")
    table = Table(displayName=SCREEN_TABLE, name=SCREEN_TABLE, ref=f"B{SCREEN_HEADER_ROW}:F{totals}",
                  totalsRowCount=1)
    table.tableColumns = [TableColumn(id=index, name=heading, totalsRowLabel=SCREEN_TOTALS.get(letter, (None,))[0],
                                      totalsRowFunction=SCREEN_TOTALS.get(letter, (None, None))[1])
                          for index, (letter, heading) in enumerate(SCREEN_HEADER.items(), start=1)]
    table.autoFilter = AutoFilter(ref=f"B{SCREEN_HEADER_ROW}:F{last}")
    table.tableStyleInfo = TableStyleInfo(name=SCREEN_STYLE, showFirstColumn=False, showLastColumn=False,
                                          showRowStripes=True, showColumnStripes=False)
    ws.add_table(table)
    list_validation(ws, SCREEN_CHOICES, f"D{first}:D{last}")
    note_row = totals + 2
    small_print(ws, f"B{note_row}", SCREEN_NOTE, f"B{note_row}:F{note_row}")
    _decoy(name, SCREEN_SHEET, note_row, "a note under the table")
    col_widths(ws, A=3, B=9, C=70, D=15, E=40, F=28)
    ws.freeze_panes = f"A{SCREEN_HEADER_ROW + 1}"
    path = store(wb, folder, "PennantTalent_screening_platform_questionnaire.xlsx")
    _write_cached_values(path, SCREEN_SHEET, cached)
    return Layout(
        name=name,
        path=path,
        format="xlsx",
        sheets=[sheet_of(SCREEN_SHEET, SCREEN_HEADER_ROW, dict(SCREEN_ROLES))],
        items=items,
        note=f"The questions are an Excel TABLE '{SCREEN_TABLE}' (xl/tables/table1.xml) over B{SCREEN_HEADER_ROW}:F"
             f"{totals}, style {SCREEN_STYLE} with banded rows, an AutoFilter over B{SCREEN_HEADER_ROW}:F{last} and "
             f"a TOTALS ROW (row {totals}: 'Total' under Ref, SUBTOTAL(103,...) under Question and Response with "
             f"cached counts). CONVENTION: the table's header row is the header row ({SCREEN_HEADER_ROW}: 'Ref' id B, "
             "'Question' C, 'Response' answer D, 'Comments' E, 'Evidence' F); its data rows are the 13 items "
             f"(drop-down Yes/No/Partially/Not applicable over D{first}:D{last}, source validation); the totals row "
             "is not an item (its SUBTOTAL under Response is a count, not an answer). No band rows: section []. "
             "Column A is an empty margin. The note under the table is not an item. Three rows already answered.",
    )


# --- 5. collapsed outline groups and a hidden column of last season's answers ------------------------------

SKI_SHEET = "Lift Systems"
SKI_HEADER = {"A": "Ref", "B": "Question", "C": "Previous answer", "D": "Response", "E": "Comments"}
SKI_ROLES = {"A": "id", "B": "question", "D": "answer", "E": "comment"}
SKI_HIDDEN = "C"
SKI_HEADER_ROW = 4
#: (section, collapsed?, [(ref, question, last season's answer, existing answer, existing comment)])
SKI_SECTIONS: list[tuple[str, bool, list[tuple[str, str, str, str | None, str | None]]]] = [
    ("Lift passes and guest accounts", False, [
        ("LP-01", "Are season-pass photographs used only at the lift gates and deleted when the pass expires?",
         "Yes", None, None),
        ("LP-02", "Can a guest block a lost RFID card from the resort app so that nobody else can ride with it?",
         "Yes", "Yes", None),
        ("LP-03", "Is a child's pass history on a family account visible only to the adults named on that "
                  "account?", "Partly", None, None),
        ("LP-04", "Are ski-school bookings shared with each instructor only for the lessons that instructor "
                  "teaches?", "No", None, None),
    ]),
    ("Gate readers", True, [
        ("GR-01", "Do the lift gates keep reading passes from a local copy of the valid-pass list when the network "
                  "is down?", "Yes", None, None),
        ("GR-02", "Is the valid-pass list sent to the gates signed, so that a gate rejects a list that has been "
                  "altered?", "No", None, None),
        ("GR-03", "Are the maintenance ports of the gate readers locked and switched off when no engineer is using "
                  "them?", "Partly", "Partly", "Locked on the upper lifts; the village gates follow this summer."),
        ("GR-04", "Are records of each passage through a gate kept no longer than the end of the following "
                  "season?", "Yes", None, None),
    ]),
    ("Payments and top-ups", True, [
        ("PT-01", "Are card payments in the resort app handled by a certified payment provider rather than by the "
                  "ticketing system?", "Yes", None, None),
        ("PT-02", "Is a day pass refunded automatically when every lift stays shut for the day because of high "
                  "wind?", "No", None, None),
        ("PT-03", "Must a guest confirm a code before a saved card is charged for a new pass?", "No", None, None),
        ("PT-04", "Can pass prices set in the back office be changed only by the resort's ticketing office?",
         "Yes", None, None),
    ]),
    ("Operations", False, [
        ("OP-01", "Is the ticketing back office backed up every night to a location off the mountain?", "Yes",
         None, None),
        ("OP-02", "Are your engineers on call at weekends and on public holidays throughout the winter season?",
         "Partly", None, None),
        ("OP-03", "Are software updates for the gate readers installed only outside lift opening hours?", "Yes",
         None, None),
        ("OP-04", "Are your staff's remote sessions on the resort's systems recorded so that the resort can review "
                  "them?", "No", None, None),
    ]),
]


def _ski_rows() -> tuple[dict[int, str], list[int], list[int]]:
    """The band rows, the rows hidden in collapsed groups and the band rows of collapsed groups."""
    bands: dict[int, str] = {}
    hidden: list[int] = []
    collapsed: list[int] = []
    row = SKI_HEADER_ROW
    for section, folded, questions in SKI_SECTIONS:
        row += 1
        bands[row] = section
        if folded:
            collapsed.append(row)
            hidden += list(range(row + 1, row + 1 + len(questions)))
        row += len(questions)
    return bands, hidden, collapsed


def collapsed_outline_hidden_column(folder: Path) -> Layout:
    wb = Workbook()
    ws = wb.active
    ws.title = SKI_SHEET
    caption(ws, "A1", "Hollin Peaks Ski Resort – Lift Pass and Gate System: Supplier Questionnaire", "A1:E1")
    small_print(ws, "A2", "Each section can be folded with the + and – buttons at the left. Please answer every "
                          "question in the Response column.", "A2:E2")
    heading_row(ws, SKI_HEADER_ROW, SKI_HEADER, paint="moss")
    ws.sheet_properties.outlinePr = Outline(summaryBelow=False, summaryRight=True)
    ws.sheet_format.outlineLevelRow = 1
    items: list[ExpectedItem] = []
    cells: list[str] = []
    row = SKI_HEADER_ROW
    for section, folded, questions in SKI_SECTIONS:
        row += 1
        band_row(ws, row, section, "A", "E", paint="straw")
        band = row
        for id_, question, previous, existing, remark in questions:
            row += 1
            body_row(ws, row, {"A": id_, "B": question, "C": previous, "D": existing, "E": remark}, "ABCDE")
            ws[f"C{row}"].fill = GREY
            ws[f"C{row}"].font = GREY_FONT
            _input(ws, f"D{row}")
            cells.append(f"D{row}")
            items.append(expect(SKI_SHEET, row, question, "D", id_, comment="E", allowed=SKI_CHOICES,
                                existing=existing, existing_comment=remark, section=[section]))
        ws.row_dimensions.group(band + 1, row, outline_level=1, hidden=folded)
        if folded:
            ws.row_dimensions[band].collapsed = True
    list_validation(ws, SKI_CHOICES, *cells)
    col_widths(ws, A=8, B=70, C=14, D=13, E=40)
    ws.column_dimensions.group(SKI_HIDDEN, SKI_HIDDEN, outline_level=1, hidden=True)
    ws.column_dimensions["D"].collapsed = True
    ws.freeze_panes = f"A{SKI_HEADER_ROW + 1}"
    path = store(wb, folder, "HollinPeaks_lift_pass_gate_system_questionnaire.xlsx")
    _, hidden, collapsed = _ski_rows()
    return Layout(
        name="collapsed_outline_hidden_column",
        path=path,
        format="xlsx",
        sheets=[sheet_of(SKI_SHEET, SKI_HEADER_ROW, dict(SKI_ROLES))],
        items=items,
        note="Header on row 4: 'Ref' (id A), 'Question' (B), 'Previous answer' (C: last season's answers on every "
             "row, HIDDEN in a collapsed column group; no role), 'Response' (answer D, drop-down Yes/No/Partly/N/A, "
             "source validation), 'Comments' (comment E). Four band rows, each the summary row (above: summaryBelow "
             f"0) of an outline group of its questions; the groups under rows {collapsed} are COLLAPSED (rows "
             f"{hidden[0]}-{hidden[3]} and {hidden[4]}-{hidden[-1]} hidden, outline level 1), the other two expanded. "
             "CONVENTION: the rows of a collapsed group are items like the shown ones (a fold is a view, not a "
             "withdrawal); their section is the band row above. The hidden previous answers are never existing "
             "answers. Items: all 16 rows; two already answered (one in a collapsed group).",
    )


# --- 6. a sheet copied from another customer's workbook, its header pasted twice -------------------------------

LIBRARY_FILE = "Thornbury_Libraries_elending_platform_questionnaire.xlsx"
LIBRARY_README, LIBRARY_SHEET = "About This Form", "Vendor Questions (2)"
LIBRARY_HEADER = {"A": "Ref", "B": "Question", "C": "Response", "D": "Comments"}
LIBRARY_ROLES = {"A": "id", "B": "question", "C": "answer", "D": "comment"}
LIBRARY_HEADER_ROW, LIBRARY_REPEAT_ROW = 4, 5
LIBRARY_OLD_CUSTOMER = "Halvorsen Marine Insurance"
LIBRARY_NEW_CUSTOMER = "Thornbury Libraries Consortium"
LIBRARY_TITLE = f"{LIBRARY_OLD_CUSTOMER} – Supplier Security Questionnaire 2024"
#: (section, [(ref, question, existing answer, existing comment)])
LIBRARY_SECTIONS: list[tuple[str, list[tuple[str, str, str | None, str | None]]]] = [
    ("Borrower accounts", [
        ("EL-01", "Do borrowers sign in to the e-lending app with their library card number and PIN, checked "
                  "against the library's own system?", None, None),
        ("EL-02", "Is a borrower's loan history deleted as each loan ends, unless the borrower has chosen to keep "
                  "it?", "Yes", None),
        ("EL-03", "Are junior library cards prevented from borrowing titles outside the age bands the library "
                  "sets?", None, None),
        ("EL-04", "Can library staff reset a borrower's PIN only after confirming who the borrower is?", None,
         None),
    ]),
    ("Content and devices", [
        ("EL-05", "Is what borrowers read, and how far they read, kept out of any statistics shared with "
                  "publishers?", "Partial", "Publishers receive loan counts per title, never per borrower."),
        ("EL-06", "Are downloaded audiobooks protected so that they cannot be played once the loan period is "
                  "over?", None, None),
        ("EL-07", "Has the app been tested with screen readers by people who rely on them?", None, None),
        ("EL-08", "Are the consortium's catalogue records and branding held apart from other library services on "
                  "your platform?", None, None),
    ]),
    ("Service", [
        ("EL-09", f"Will {LIBRARY_OLD_CUSTOMER} be told within 24 hours of any incident that affects its data?",
         None, None),
        ("EL-10", "Can your support staff see a borrower's name only while a library's support ticket about that "
                  "borrower is open?", None, None),
        ("EL-11", "Is the lending service available for at least 99.5% of each month, announced maintenance "
                  "excepted?", None, None),
        ("EL-12", "Is the library given ninety days' notice before a publisher's titles are withdrawn from the "
                  "service?", None, None),
        ("EL-13", "Can the consortium check your data protection controls through an audit or an independent "
                  "report?", None, None),
    ]),
]


def copied_sheet_double_header(folder: Path) -> Layout:
    name = "copied_sheet_double_header"
    wb = Workbook()
    readme = wb.active
    readme.title = LIBRARY_README
    caption(readme, "A1", f"{LIBRARY_NEW_CUSTOMER} – E-lending Platform Tender 2027")
    for row, text in ((3, f"Please answer the questions on the sheet '{LIBRARY_SHEET}' and return this workbook by "
                           "30 January 2027."),
                      (4, "The questions were adapted from a template shared with us by another organisation; "
                          "its name still appears in the title."),
                      (5, "Contact: procurement@thornbury-libraries.example")):
        small_print(readme, f"A{row}", text)
    col_widths(readme, A=110)
    ws = wb.create_sheet(LIBRARY_SHEET)
    caption(ws, "A1", LIBRARY_TITLE, "A1:D1")
    small_print(ws, "A2", "Return the completed workbook to the vendor management team at "
                          f"{LIBRARY_OLD_CUSTOMER} by the date in your invitation.", "A2:D2")
    heading_row(ws, LIBRARY_HEADER_ROW, LIBRARY_HEADER, paint="navy")
    heading_row(ws, LIBRARY_REPEAT_ROW, LIBRARY_HEADER, paint="navy")
    _decoy(name, LIBRARY_SHEET, LIBRARY_REPEAT_ROW, "the header pasted a second time")
    items: list[ExpectedItem] = []
    cells: list[str] = []
    row = LIBRARY_REPEAT_ROW
    for section, questions in LIBRARY_SECTIONS:
        row += 1
        band_row(ws, row, section, "A", "D", paint="cyan")
        for id_, question, existing, remark in questions:
            row += 1
            body_row(ws, row, {"A": id_, "B": question, "C": existing, "D": remark}, "ABCD")
            _input(ws, f"C{row}")
            cells.append(f"C{row}")
            items.append(expect(LIBRARY_SHEET, row, question, "C", id_, comment="D", allowed=LIBRARY_CHOICES,
                                existing=existing, existing_comment=remark, section=[section]))
    list_validation(ws, LIBRARY_CHOICES, *cells)
    col_widths(ws, A=8, B=72, C=13, D=42)
    ws.freeze_panes = f"A{LIBRARY_REPEAT_ROW + 1}"
    ws.print_title_rows = f"{LIBRARY_HEADER_ROW}:{LIBRARY_HEADER_ROW}"
    path = store(wb, folder, LIBRARY_FILE)
    sheet = sheet_of(LIBRARY_SHEET, LIBRARY_HEADER_ROW, dict(LIBRARY_ROLES))
    sheet.skipped = {LIBRARY_REPEAT_ROW: "repeated-header"}
    return Layout(
        name=name,
        path=path,
        format="xlsx",
        sheets=[ExpectedSheet(LIBRARY_README, "ignored"), sheet],
        items=items,
        note=f"An '{LIBRARY_README}' sheet (ignored) from the new customer ({LIBRARY_NEW_CUSTOMER}), then the "
             "questionnaire "
             f"'{LIBRARY_SHEET}', copied from another workbook: its title still reads '{LIBRARY_TITLE}'. The headings "
             f"'Ref' (id A), 'Question' (B), 'Response' (answer C, drop-down Yes/No/Partial/N/A, source validation), "
             f"'Comments' (comment D) stand on row {LIBRARY_HEADER_ROW} AND, pasted a second time, on row "
             f"{LIBRARY_REPEAT_ROW}; panes frozen below row {LIBRARY_REPEAT_ROW}; print titles "
             f"${LIBRARY_HEADER_ROW}:${LIBRARY_HEADER_ROW}. CONVENTION: the header row is the FIRST "
             f"({LIBRARY_HEADER_ROW}); "
             f"row {LIBRARY_REPEAT_ROW} is a repeated header (skipped), not an item. The previous customer's name in "
             "the title changes nothing; question EL-09 still names it and is taken as written. Three band rows; 13 "
             "items; two already answered.",
    )


# --- 7. very long questions with lists inside the cell, and hyperlinks ----------------------------------------

PENSION_SHEET = "Outsourcing Review"
PENSION_HEADER = {"A": "Ref", "B": "Requirement", "C": "Response", "D": "Supporting comments"}
PENSION_ROLES = {"A": "id", "B": "question", "C": "answer", "D": "comment"}
PENSION_HEADER_ROW = 4
PENSION_POLICY = "https://www.meridian-pensions.example/trustees/outsourcing-policy-template.pdf"
PENSION_PRINCIPLES = "https://www.meridian-pensions.example/trustees/outsourcing-principles"
PENSION_LONG_OR01 = (
    "Describe, and confirm that you operate, a documented outsourcing and subcontracting policy covering every "
    "party that supports the member portal or the administration service. The policy must at least:\n"
    "• name each subcontractor, the service it provides and the country from which it provides that service;\n"
    "• set out how a new subcontractor is assessed before it is given any access to member data, including:\n"
    "   a) a review of its information security certification or of an equivalent independent report;\n"
    "   b) a check of its financial standing and of any regulatory action taken against it in the last three "
    "years;\n"
    "   c) its written agreement to the same data protection obligations that bind you;\n"
    "• require the trustees' written consent before a subcontractor is appointed or replaced, with at least sixty "
    "days' notice;\n"
    "• give the trustees, their auditors and the Pensions Regulator the right to obtain information about each "
    "subcontractor's controls;\n"
    "• describe how a subcontractor's access is withdrawn, and member data recovered or destroyed, when its "
    "engagement ends.\n"
    "Please also state whether your board reviewed the policy in the last twelve months. A template of the "
    "policy the trustees expect is linked from this cell."
)
PENSION_LONG_OR02 = (
    "Confirm that you keep an exit plan for the administration service that would let the scheme move to another "
    "administrator, or bring the service in house, without losing member records or interrupting payments. The "
    "exit plan should cover:\n"
    "1) the records to be handed over, namely:\n"
    "   a) member and beneficiary records, including historic salary and contribution data;\n"
    "   b) the complete audit trail of benefit calculations and of payments made;\n"
    "   c) scanned correspondence, with the index that links each document to a member record;\n"
    "2) the formats in which the data will be provided, and how their completeness will be reconciled with the "
    "trustees;\n"
    "3) the support you will give during a transition of at least twelve months, including:\n"
    "   • read-only access to your systems for the incoming administrator's staff;\n"
    "   • knowledge-transfer sessions led by your senior administrators;\n"
    "   • continued payment of pensions until the new payroll has run in parallel without differences;\n"
    "4) how, and by when, the copies of scheme data held by you and your subcontractors will be securely "
    "destroyed after handover, with a certificate of destruction for each.\n"
    "State when the exit plan was last tested or reviewed, and by whom."
)
PENSION_LONG_MP01 = (
    "The member portal must protect members' accounts against takeover, above all where a member can change bank "
    "details or ask to transfer out. Please confirm that the portal:\n"
    "• asks for a one-time passcode, sent to a phone number or e-mail address already held on record, before any "
    "of the following:\n"
    "   a) a change of the bank account into which the pension is paid;\n"
    "   b) a request to transfer benefits to another pension scheme;\n"
    "   c) a change of the member's postal or e-mail address;\n"
    "• holds pension payments to a newly changed bank account for at least five working days, and writes to the "
    "member's previous address to tell them of the change;\n"
    "• checks every transfer request against the Pensions Regulator's warning signs of pension scams and refers "
    "doubtful cases to the trustees before anything is paid;\n"
    "• locks an account after repeated failed sign-in attempts and tells the member by letter;\n"
    "• records each sign-in, change and request, with the time, the device and the network address, and keeps "
    "those records for at least seven years.\n"
    "Where any of these is not in place, describe the controls you use instead and when the gap will be closed."
)
PENSION_LONG_MP02 = (
    "If a security incident or personal data breach affects scheme members, you must notify the trustees without "
    "undue delay and in any case within 24 hours of becoming aware of it. Your first notification must include, "
    "as far as it is known at the time:\n"
    "a) a description of the incident and of how it was detected;\n"
    "b) the categories and the approximate number of members and records concerned;\n"
    "c) the likely consequences for members, for example a risk of fraudulent transfers or of identity theft;\n"
    "d) the measures taken or proposed to contain the incident and to reduce its effects;\n"
    "e) the name and contact details of the person leading your response.\n"
    "You must also:\n"
    "• keep the trustees informed at least once a day until the incident is closed;\n"
    "• preserve logs and other evidence, and make them available to any forensic investigator the trustees "
    "appoint;\n"
    "• provide a written root-cause report within twenty working days, setting out the actions you will take to "
    "prevent a recurrence.\n"
    "Confirm that your incident procedures meet each of these requirements, and say which, if any, they do not."
)
PENSION_FORMULA_TEXT = "Have you read the trustees' outsourcing principles, and can you meet each of them?"
PENSION_FORMULA = f'=HYPERLINK("{PENSION_PRINCIPLES}","{PENSION_FORMULA_TEXT}")'
#: (section, [(ref, question text (as the cell shows it), how it is written, existing answer, existing comment)])
PENSION_SECTIONS: list[tuple[str, list[tuple[str, str, str, str | None, str | None]]]] = [
    ("Outsourcing and exit", [
        ("OR-01", PENSION_LONG_OR01, "link", None, None),
        ("OR-02", PENSION_LONG_OR02, "text", None, None),
        ("OR-03", "Do you hold an ISAE 3402 or AAF 01/20 assurance report on the administration service, issued in "
                  "the last twelve months?", "text", "Yes", "AAF 01/20 report for the year to 31 March 2026."),
        ("OR-04", PENSION_FORMULA_TEXT, "formula", None, None),
    ]),
    ("Member portal", [
        ("MP-01", PENSION_LONG_MP01, "text", "Partially",
         "One-time passcodes are in place for bank changes and transfers.\nAddress changes follow in the autumn "
         "release."),
        ("MP-02", PENSION_LONG_MP02, "text", None, None),
        ("MP-03", "Can the member portal be used with screen readers and with the large-text settings of phones and "
                  "browsers?", "text", None, None),
        ("MP-04", "Are documents members upload, such as death and marriage certificates, stored encrypted and kept "
                  "no longer than the scheme's retention schedule allows?", "text", None, None),
        ("MP-05", "Do the trustees approve changes to the wording of benefit illustrations before they appear in the "
                  "portal?", "text", None, None),
    ]),
]


def long_questions_and_links(folder: Path) -> Layout:
    wb = Workbook()
    ws = wb.active
    ws.title = PENSION_SHEET
    caption(ws, "A1", "Meridian Pension Administration – Member Portal Outsourcing Review", "A1:D1")
    small_print(ws, "A2", "Respond to each requirement from the list and set out how you meet it in Supporting "
                          "comments. Some requirements have several parts: answer Yes only if every part is met.",
                "A2:D2")
    heading_row(ws, PENSION_HEADER_ROW, PENSION_HEADER, paint="slate")
    items: list[ExpectedItem] = []
    cells: list[str] = []
    cached: dict[str, Any] = {}
    row = PENSION_HEADER_ROW
    for section, questions in PENSION_SECTIONS:
        row += 1
        band_row(ws, row, section, "A", "D", paint="mist")
        for id_, question, written, existing, remark in questions:
            row += 1
            body_row(ws, row, {"A": id_, "B": PENSION_FORMULA if written == "formula" else question, "C": existing,
                               "D": remark}, "ABCD")
            if written == "link":
                ws[f"B{row}"].hyperlink = PENSION_POLICY
                ws[f"B{row}"].font = LINK_FONT
            elif written == "formula":
                ws[f"B{row}"].font = LINK_FONT
                cached[f"B{row}"] = question
            ws.row_dimensions[row].height = 15 * (1 + len(question) // 80 + question.count("\n"))
            _input(ws, f"C{row}")
            cells.append(f"C{row}")
            items.append(expect(PENSION_SHEET, row, question, "C", id_, comment="D", allowed=PENSION_CHOICES,
                                existing=existing, existing_comment=remark, section=[section]))
    list_validation(ws, PENSION_CHOICES, *cells)
    col_widths(ws, A=8, B=95, C=13, D=45)
    ws.freeze_panes = f"A{PENSION_HEADER_ROW + 1}"
    path = store(wb, folder, "Meridian_member_portal_outsourcing_review.xlsx")
    _write_cached_values(path, PENSION_SHEET, cached)
    return Layout(
        name="long_questions_and_links",
        path=path,
        format="xlsx",
        sheets=[sheet_of(PENSION_SHEET, PENSION_HEADER_ROW, dict(PENSION_ROLES))],
        items=items,
        note="Header on row 4: 'Ref' (id A), 'Requirement' (question B), 'Response' (answer C, drop-down Yes/No/"
             "Partially/N/A, source validation), 'Supporting comments' (comment D); two band rows. Four requirements "
             "(OR-01, OR-02, MP-01, MP-02) are each OVER 1,000 characters in one cell, with line breaks, '•' "
             "bullets, 'a)' sub-points and '1)' numbering. CONVENTION: each is ONE item whose question is the whole "
             "cell, bullets and labels kept, collapsed. OR-01's cell is a hyperlink to the trustees' policy "
             "template, which adds nothing to the question. OR-04 is the formula =HYPERLINK(url, text) with its "
             "cached result: its question is the text shown, never the address. Items: all 9 rows; two already "
             "answered (one comment holds a line break, kept).",
    )


# --- 8. an answer column whose drop-down was lost on pasted rows -----------------------------------------------

CREW_SHEET = "Rostering App"
CREW_HEADER = {"A": "Item no.", "B": "Question", "C": "Response", "D": "Explanatory notes", "E": "Evidence"}
CREW_ROLES = {"A": "id", "B": "question", "C": "answer", "D": "comment", "E": "evidence"}
CREW_HEADER_ROW = 5
CREW_VERSION = "Version 3.2 – section B was brought over from the 2024 edition of this questionnaire."
#: (section, pasted from the older copy?, [(id, question, existing answer, existing comment, existing evidence)])
CREW_SECTIONS: list[tuple[str, bool, list[tuple[str, str, str | None, str | None, str | None]]]] = [
    ("A. Crew data", False, [
        ("CR-01", "Are crew members' passport and licence details visible only to the crewing office and to the crew "
                  "member concerned?", None, None, None),
        ("CR-02", "Do planners see a crew member's medical certificate expiry date without the medical details "
                  "behind it?", "Yes", None, None),
        ("CR-03", "Can a duty swap in the app go ahead only when both crew members involved have approved it?",
         None, None, None),
        ("CR-04", "Are crew home addresses hidden from colleagues who use the app's duty-swap board?", None, None,
         None),
        ("CR-05", "Is app access for crew who leave the airline removed on their last day of service?", None, None,
         None),
    ]),
    ("B. Rostering rules", True, [
        ("CR-06", "Are flight time limitation rules checked by the rostering engine before any roster is "
                  "published?", None, None, None),
        ("CR-07", "Is every manual override of a fatigue warning recorded with the planner's name and the "
                  "reason?", "Yes – signed off by the duty manager", None, "Override log extract, March 2026"),
        ("CR-08", "Are roster changes made within 72 hours of a duty sent to the crew member by push message and "
                  "e-mail?", None, None, None),
        ("CR-09", "Are standby and reserve duties counted against duty limits in the same way as flying duties?",
         "Partly", "Home standby is counted; airport standby from the next rule-set release.", None),
        ("CR-10", "Can the airline's safety department run its own reports on fatigue warnings without asking your "
                  "staff?", None, None, None),
        ("CR-11", "Are changes to the rule set tested in a separate environment before they go live?", None, None,
         None),
        ("CR-12", "Is the version of the rule set used for each published roster kept for audits by the aviation "
                  "authority?", None, None, None),
    ]),
    ("C. Service and support", False, [
        ("CR-13", "Is the rostering service available to planners around the clock, including during your "
                  "maintenance windows?", None, None, None),
        ("CR-14", "Will you give the airline a full season's notice before retiring a feature its crews rely on?",
         None, None, None),
        ("CR-15", "Are your engineers' connections to the production rostering system approved by the airline each "
                  "time?", None, None, None),
    ]),
]


def dropdown_lost_on_pasted_rows(folder: Path) -> Layout:
    wb = Workbook()
    ws = wb.active
    ws.title = CREW_SHEET
    caption(ws, "A1", "Skerry Air – Crew Rostering App: Supplier Security Questionnaire", "A1:E1")
    small_print(ws, "A2", "Please respond to every question in column C and explain any response other than a "
                          "plain Yes in the notes.", "A2:E2")
    small_print(ws, "A3", CREW_VERSION, "A3:E3")
    heading_row(ws, CREW_HEADER_ROW, CREW_HEADER, paint="rust")
    items: list[ExpectedItem] = []
    kept: list[int] = []
    row = CREW_HEADER_ROW
    for section, pasted, questions in CREW_SECTIONS:
        row += 1
        band_row(ws, row, section, "A", "E", paint="mist")
        for id_, question, existing, remark, evidence in questions:
            row += 1
            body_row(ws, row, {"A": id_, "B": question, "C": existing, "D": remark, "E": evidence}, "ABCDE")
            if pasted:
                for letter in "ABCDE":
                    ws[f"{letter}{row}"].font = PASTED_FONT
            else:
                _input(ws, f"C{row}")
                kept.append(row)
            items.append(expect(CREW_SHEET, row, question, "C", id_, comment="D", evidence="E",
                                allowed=None if pasted else CREW_CHOICES, existing=existing, existing_comment=remark,
                                section=[section]))
    sqref = _runs(kept, "C")
    list_validation(ws, CREW_CHOICES, *sqref)
    col_widths(ws, A=9, B=70, C=16, D=40, E=28)
    ws.freeze_panes = f"A{CREW_HEADER_ROW + 1}"
    path = store(wb, folder, "SkerryAir_crew_rostering_app_questionnaire.xlsx")
    return Layout(
        name="dropdown_lost_on_pasted_rows",
        path=path,
        format="xlsx",
        sheets=[sheet_of(CREW_SHEET, CREW_HEADER_ROW, dict(CREW_ROLES))],
        items=items,
        note="Header on row 5: 'Item no.' (id A), 'Question' (B), 'Response' (answer C), 'Explanatory notes' "
             "(comment D), 'Evidence' (evidence E); three band rows. The rows of section B were pasted in from an "
             "older copy, which removed the answer column's drop-down and input fill there: the list Yes/No/Partly/"
             f"Not applicable now covers only '{' '.join(sqref)}'. CONVENTION: rows with the drop-down have its "
             "values (source validation); the pasted rows have NO allowed answers ([] and None), the column's list "
             "is not borrowed; they are still items with their answer cell in C. Existing answers: 'Yes' on a row "
             "with the drop-down, and on pasted rows the texts typed ('Yes – signed off by the duty manager', "
             "'Partly'). Items: all 15 rows.",
    )


# --- the registry ---------------------------------------------------------------------------------------

HELDOUT16_LAYOUTS: list[Callable[[Path], Layout]] = [
    broken_list_validations,
    unheaded_owner_column,
    inserted_rows_renumbered_ids,
    table_with_totals_row,
    collapsed_outline_hidden_column,
    copied_sheet_double_header,
    long_questions_and_links,
    dropdown_lost_on_pasted_rows,
]

#: The same builders by layout name (the form `bench/layout_bench.py` takes for a group).
HELDOUT16_BY_NAME: dict[str, Callable[[Path], Layout]] = {b.__name__: b for b in HELDOUT16_LAYOUTS}


# --- self-check -----------------------------------------------------------------------------------

_READS_LIKE = re.compile(r"^(.*)!row (\d+): reads like an item but is neither an item nor a decoy$")

#: Layouts whose question cells hold formulas (the imported checks read a values-only copy).
FORMULA16 = {"long_questions_and_links"}

#: Layouts whose ids may stand on two rows (the questionnaire shows "3.4" twice).
REPEATED_IDS16 = {"inserted_rows_renumbered_ids"}


def _rows_pattern(rows: list[int]) -> str:
    return "(" + "|".join(str(r) for r in sorted(rows)) + ")"


def _replaced() -> dict[str, list[tuple[re.Pattern[str], str]]]:
    """Complaints of the imported checks that this file replaces with a check of its own, per layout (besides rows
    registered in DECOYS16); the rows are those the builders write."""
    kinds = _hospice_rows()
    broken = kinds["external"] + kinds["ref"] + kinds["empty"]
    inserted = [row for row, id_ in zip(_permit_item_rows(), _permit_ids()) if id_ is None]
    _, hidden, _ = _ski_rows()
    return {
        "broken_list_validations": [
            (re.compile(rf"^{re.escape(HOSPICE_MAIN)}!row {_rows_pattern(broken)}: C\1 has a drop-down but the item "
                        r"expects none$"),
             "_feature_validations: a list that gives no values (another workbook, #REF!, empty cells)"),
            (re.compile(rf"^{re.escape(HOSPICE_MAIN)}!row {_rows_pattern(kinds['overlap'])}: 2 list validations over "
                        r"C\1$"),
             "_feature_validations: two validations overlap; the first in file order applies"),
        ],
        "inserted_rows_renumbered_ids": [
            (re.compile(rf"^{re.escape(PERMIT_SHEET)}!row {_rows_pattern(inserted)}: the id column holds None, the "
                        r"item's id is None$"),
             "_feature_inserted_rows: a row inserted without an id has id None"),
        ],
        "collapsed_outline_hidden_column": [
            (re.compile(rf"^{re.escape(SKI_SHEET)}!row {_rows_pattern(hidden)}: a hidden row$"),
             "_feature_outline: the rows of the collapsed groups are hidden, and are items"),
        ],
    }


def _permit_item_rows() -> list[int]:
    rows: list[int] = []
    row = PERMIT_HEADER_ROW
    for _, questions in PERMIT_SECTIONS:
        row += 1
        for _ in questions:
            row += 1
            rows.append(row)
    return rows


REPLACED: dict[str, list[tuple[re.Pattern[str], str]]] = _replaced()


def _is_replaced(layout: Layout, problem: str) -> bool:
    if any(pattern.search(problem) for pattern, _ in REPLACED.get(layout.name, [])):
        return True
    match = _READS_LIKE.match(problem)
    return bool(match and (match.group(1), int(match.group(2))) in DECOYS16.get(layout.name, {}))


def _views(layout: Layout, scratch: Path) -> list[Layout]:
    """The layout as the imported checks can read it: a formula layout as a values-only copy."""
    view = copy.deepcopy(layout)
    if layout.name in FORMULA16:
        values = openpyxl.load_workbook(layout.path, data_only=True)
        view.path = scratch / f"values-only-{layout.path.name}"
        values.save(view.path)
    return [view]


def _walk16(ws: Any, layout: Layout, sheet_name: str, question: str, first: int, last: int, bands: dict[int, str],
            min_bands: int = 0) -> list[str]:
    """Rows first..last: a registered decoy is no item; a band row (of `bands`) sets the section; every item's
    section is the band above it ([] before any); every other row with text in the question column, or a cell
    ending in '?', is a problem."""
    problems: list[str] = []
    decoys = DECOYS16.get(layout.name, {})
    items = {item.row: item for item in layout.items if item.sheet == sheet_name}
    section: str | None = None
    seen = set()
    for row in range(first, last + 1):
        if (sheet_name, row) in decoys:
            if row in items:
                problems.append(f"{sheet_name}!row {row}: both a decoy ({decoys[(sheet_name, row)]}) and an item")
        elif row in bands:
            section = bands[row]
            seen.add(section)
            if row in items:
                problems.append(f"{sheet_name}!row {row}: a band row taken for an item")
        elif row in items:
            want = [section] if section else []
            if items[row].section != want:
                problems.append(f"{sheet_name}!row {row}: section {items[row].section!r}, the band above says {want!r}")
        elif (isinstance(ws[f"{question}{row}"].value, str)
              or any(isinstance(c.value, str) and c.value.rstrip().endswith("?") for c in ws[row])):
            problems.append(f"{sheet_name}!row {row}: a question-like row that is neither an item, a band nor a decoy")
    if len(seen) < min_bands:
        problems.append(f"{sheet_name}: fewer than {min_bands} band rows")
    return problems


def _item_problems(wb: Any, ws: Any, item: ExpectedItem, columns: dict[str, str], choices: list[str] | None, *,
                   lists: bool = True, shown: Any = None) -> list[str]:
    """An item of an ordinary table row: its cells in the roles' columns on its row; its question the question
    cell's text (or `shown`, what a formula cell shows), collapsed; its id the id cell's value as text (None when
    empty); with `lists`, its allowed answers the one list drop-down over its answer cell (`choices`, or no list
    validation at all when `choices` is empty); its existing answer and comment those cells' texts."""
    problems: list[str] = []
    where = f"{item.sheet}!row {item.row}"
    roles = {role: letter for letter, role in columns.items()}
    for role, reference in (("answer", item.answer_cell), ("comment", item.comment_cell),
                            ("evidence", item.evidence_cell)):
        want = ref(item.sheet, roles[role], item.row) if role in roles else None
        if reference != want:
            problems.append(f"{where}: {role} cell {reference}, expected {want}")
    text = collapse(ws[f"{roles['question']}{item.row}"].value if shown is None else shown)
    if item.question != text:
        problems.append(f"{where}: question {item.question!r}, the cell shows {text!r}")
    if "id" in roles:
        value = ws[f"{roles['id']}{item.row}"].value
        if item.id != (None if value is None else str(value)):
            problems.append(f"{where}: id {item.id!r}, the cell holds {value!r}")
    if lists:
        found = _validations_over(ws, f"{roles['answer']}{item.row}")
        if choices:
            got = _resolve_list(wb, item.sheet, found[0].formula1) if len(found) == 1 else None
            if got != choices or item.allowed_answers != choices or item.allowed_answers_source != "validation":
                problems.append(f"{where}: allowed answers {item.allowed_answers} ({item.allowed_answers_source}), "
                                f"the drop-down gives {got}, expected {choices}")
        elif found or item.allowed_answers or item.allowed_answers_source is not None:
            problems.append(f"{where}: a drop-down or allowed answers on a free-text row")
    if item.existing_answer != ws[f"{roles['answer']}{item.row}"].value:
        problems.append(f"{where}: existing answer {item.existing_answer!r} differs from the cell")
    if "comment" in roles:
        if item.existing_comment != ws[f"{roles['comment']}{item.row}"].value:
            problems.append(f"{where}: existing comment {item.existing_comment!r} differs from the cell")
    elif item.existing_comment is not None:
        problems.append(f"{where}: an existing comment without a comment column")
    if item.guidance is not None:
        problems.append(f"{where}: guidance on a sheet without a guidance column")
    return problems


def _answered(layout: Layout, want: int) -> list[str]:
    count = sum(item.existing_answer is not None for item in layout.items)
    return [] if count == want else [f"{count} rows already answered, the layout wants {want}"]


def _roles_problems(sheet: ExpectedSheet, header_row: int, roles: dict[str, str]) -> list[str]:
    if sheet.header_row != header_row or sheet.columns != roles:
        return [f"{sheet.name}: header row {sheet.header_row} / roles {sheet.columns}, expected {header_row} / {roles}"]
    return []


def _sheet_root(layout: Layout, sheet_name: str) -> ET.Element:
    return ET.fromstring(_sheet_xml(layout, sheet_name))


def _xml_validations(root: ET.Element) -> list[tuple[list[str], str]]:
    """The sheet's list validations in file order: (sqref ranges, formula1)."""
    found = []
    for dv in root.iterfind("m:dataValidations/m:dataValidation", NS):
        if dv.get("type") == "list":
            found.append(((dv.get("sqref") or "").split(), dv.findtext("m:formula1", "", NS)))
    return found


def _covers(ranges: list[str], coordinate: str) -> bool:
    _, column, row = split_ref(coordinate)
    col = column_index_from_string(column)
    for area in ranges:
        min_col, min_row, max_col, max_row = range_boundaries(area)
        if min_col <= col <= max_col and min_row <= row <= max_row:
            return True
    return False


def _excel_list(wb: Any, sheet: str, formula: str) -> list[str]:
    """The values Excel's drop-down offers for a list formula, as this set decides: an inline list's values; a range's
    non-empty cells in order; a defined name's range; NOTHING ([]) for another workbook's range, a #REF! name or a
    range of empty cells."""
    formula = formula.strip().lstrip("=")
    if formula.startswith('"'):
        return formula[1:-1].split(",")
    if formula.startswith("'[") or formula.startswith("["):
        return []
    if formula in wb.defined_names:
        text = wb.defined_names[formula].attr_text
        if "#REF!" in text:
            return []
        formula = text
    return _resolve_list(wb, sheet, formula)


# --- one check per layout of the feature it exercises ---------------------------------------------


def _feature_validations(layout: Layout) -> list[str]:
    problems: list[str] = []
    wb = openpyxl.load_workbook(layout.path)
    want_sheets = [HOSPICE_MAIN, HOSPICE_WHOLE, HOSPICE_LISTS]
    if wb.sheetnames != want_sheets or [s.name for s in layout.sheets] != want_sheets \
            or layout.sheets[2].status != "ignored" or wb[HOSPICE_LISTS].sheet_state != "visible":
        problems.append(f"sheets {wb.sheetnames}: expected two questionnaires and the visible, ignored list sheet")
    with zipfile.ZipFile(layout.path) as zf:
        if any("externalLink" in name for name in zf.namelist()):
            problems.append("the package holds an external link part: the other workbook's list could be read")
    if wb.defined_names.get(HOSPICE_NAME) is None or wb.defined_names[HOSPICE_NAME].attr_text != HOSPICE_NAME_VALUE:
        problems.append(f"the defined name {HOSPICE_NAME} is not {HOSPICE_NAME_VALUE}")
    lists = wb[HOSPICE_LISTS]
    if [lists[f"A{r}"].value for r in range(2, 6)] != HOSPICE_CHOICES or lists["C1"].value is None \
            or any(lists[f"C{r}"].value is not None for r in range(2, 7)):
        problems.append("the list sheet does not hold the answers in A and an emptied column under C1")
    kinds = _hospice_rows()
    for sheet in layout.sheets[:2]:
        ws = wb[sheet.name]
        root = _sheet_root(layout, sheet.name)
        validations = _xml_validations(root)
        main = sheet.name == HOSPICE_MAIN
        header_row = HOSPICE_MAIN_HEADER_ROW if main else HOSPICE_WHOLE_HEADER_ROW
        problems += _roles_problems(sheet, header_row, HOSPICE_MAIN_ROLES if main else HOSPICE_WHOLE_ROLES)
        problems += _header_problems(ws, header_row, HOSPICE_MAIN_HEADER if main else HOSPICE_WHOLE_HEADER)
        for item in (i for i in layout.items if i.sheet == sheet.name):
            problems += _item_problems(wb, ws, item, sheet.columns, None, lists=False)
            cell = f"C{item.row}"
            covering = [(ranges, formula) for ranges, formula in validations if _covers(ranges, cell)]
            if not covering:
                problems.append(f"{sheet.name}!row {item.row}: no list validation covers the answer cell")
                continue
            shown = _excel_list(wb, sheet.name, covering[0][1])
            want_source = "validation" if shown else None
            if item.allowed_answers != shown or item.allowed_answers_source != want_source:
                problems.append(f"{sheet.name}!row {item.row}: allowed answers {item.allowed_answers} "
                                f"({item.allowed_answers_source}), Excel shows {shown} from {covering[0][1]!r}")
            if main:
                kind = next(k for k, rows in kinds.items() if item.row in rows)
                if (len(covering) == 2) != (kind == "overlap"):
                    problems.append(f"{sheet.name}!row {item.row}: {len(covering)} validations cover a {kind} row")
        if main:
            formulas = [formula for _, formula in validations]
            sqrefs = [ranges for ranges, _ in validations]
            if formulas != [HOSPICE_RANGE, '"' + ",".join(HOSPICE_GRC_CHOICES) + '"', HOSPICE_EXTERNAL, HOSPICE_NAME,
                            HOSPICE_EMPTY_RANGE]:
                problems.append(f"the validations' formulas in file order are {formulas}")
            if len(sqrefs[0]) < 2 or not all(_covers(sqrefs[0], f"C{r}") for r in kinds["overlap"]):
                problems.append("the first validation's sqref is not several ranges covering the overlap rows")
            if not kinds["external"] or not kinds["ref"] or not kinds["empty"] or len(kinds["overlap"]) < 2:
                problems.append("the layout wants rows of every broken kind and two overlap rows")
            bands = _band_rows(ws)
        else:
            if [r for r, _ in validations] != [[HOSPICE_WHOLE_SQREF]]:
                problems.append(f"the second sheet's validations are {validations}, expected one over "
                                f"{HOSPICE_WHOLE_SQREF}")
            bands = _band_rows(ws)
            for row in [1, header_row, *bands]:
                if not _validations_over(ws, f"C{row}"):
                    problems.append(f"{sheet.name}!row {row}: the whole-column list does not cover it")
        problems += _walk16(ws, layout, sheet.name, "B", header_row + 1, ws.max_row, bands,
                            min_bands=3 if main else 2)
    problems += _answered(layout, 5)
    return problems


def _feature_owner_column(layout: Layout) -> list[str]:
    problems: list[str] = []
    wb = openpyxl.load_workbook(layout.path)
    sheet = _one_sheet(layout)
    ws = wb[sheet.name]
    problems += _roles_problems(sheet, WINE_HEADER_ROW, WINE_ROLES)
    problems += _header_problems(ws, WINE_HEADER_ROW, WINE_HEADER)
    for letter in (WINE_OWNER, WINE_STRAY):
        cell = ws[f"{letter}{WINE_HEADER_ROW}"]
        if cell.value is not None or cell.fill.fill_type != "solid":
            problems.append(f"the heading cell {letter}{WINE_HEADER_ROW} is not an empty, filled heading cell")
        if letter in sheet.columns:
            problems.append(f"the unheaded column {letter} has a role")
    owners = 0
    for item in layout.items:
        problems += _item_problems(wb, ws, item, sheet.columns, WINE_CHOICES)
        owner = ws[f"{WINE_OWNER}{item.row}"].value
        if owner is not None:
            owners += 1
            if not re.fullmatch(r"[A-Z]{2}(/[A-Z]{2})?", owner):
                problems.append(f"row {item.row}: the owner cell holds {owner!r}, not initials")
        if ws[f"{WINE_STRAY}{item.row}"].value is not None:
            problems.append(f"row {item.row}: the column under the stray empty heading is not empty")
        if not re.fullmatch(r"\d+", item.id or "") or not isinstance(ws[f"A{item.row}"].value, int):
            problems.append(f"row {item.row}: the id is not a whole number shown as such")
    if owners < len(layout.items) - 3:
        problems.append(f"only {owners} rows carry an owner's initials")
    columns = [column_index_from_string(letter) for letter in ("B", WINE_OWNER, "D")]
    if columns != sorted(columns):
        problems.append("the owner column is not between the question and the answer")
    problems += _walk16(ws, layout, sheet.name, "B", WINE_HEADER_ROW + 1, ws.max_row, _band_rows(ws), min_bands=3)
    problems += _answered(layout, 3)
    return problems


def _feature_inserted_rows(layout: Layout) -> list[str]:
    problems: list[str] = []
    wb = openpyxl.load_workbook(layout.path)
    sheet = _one_sheet(layout)
    ws = wb[sheet.name]
    problems += _roles_problems(sheet, PERMIT_HEADER_ROW, PERMIT_ROLES)
    problems += _header_problems(ws, PERMIT_HEADER_ROW, PERMIT_HEADER)
    if [item.row for item in layout.items] != _permit_item_rows():
        problems.append(f"items on rows {[item.row for item in layout.items]}, expected {_permit_item_rows()}")
    for item in layout.items:
        problems += _item_problems(wb, ws, item, sheet.columns, PERMIT_CHOICES)
    ids = [item.id for item in layout.items]
    shown = [ws[f"A{row}"].value for row in _permit_item_rows()]
    if ids != shown or ids != _permit_ids():
        problems.append(f"ids {ids}, the sheet shows {shown}")
    if ids.count(None) != 2:
        problems.append(f"{ids.count(None)} rows without an id, the layout wants 2")
    repeated = sorted({i for i in ids if i is not None and ids.count(i) > 1})
    if repeated != ["3.4"] or ids.count("3.4") != 2:
        problems.append(f"ids shown twice: {repeated}, the layout wants '3.4' twice")
    numbered = [tuple(int(part) for part in i.split(".")) for i in ids if i is not None]
    jumps = sum(1 for a, b in zip(numbered, numbered[1:]) if a[0] == b[0] and b[1] - a[1] > 1)
    if jumps < 3:
        problems.append(f"{jumps} jumps in the numbering, the layout wants 3 at least")
    for index, item in enumerate(layout.items):
        if item.id is None:
            before, after = layout.items[index - 1], layout.items[index + 1]
            if before.id is None or after.id is None or before.section != item.section != after.section:
                problems.append(f"row {item.row}: the inserted row is not between id'd rows of its section")
    problems += _walk16(ws, layout, sheet.name, "B", PERMIT_HEADER_ROW + 1, ws.max_row, _band_rows(ws), min_bands=3)
    problems += _answered(layout, 2)
    return problems


def _feature_table(layout: Layout) -> list[str]:
    problems: list[str] = []
    wb = openpyxl.load_workbook(layout.path)
    sheet = _one_sheet(layout)
    ws = wb[sheet.name]
    problems += _roles_problems(sheet, SCREEN_HEADER_ROW, SCREEN_ROLES)
    problems += _header_problems(ws, SCREEN_HEADER_ROW, SCREEN_HEADER)
    with zipfile.ZipFile(layout.path) as zf:
        parts = [name for name in zf.namelist() if name.startswith("xl/tables/")]
        table = ET.fromstring(zf.read("xl/tables/table1.xml")) if "xl/tables/table1.xml" in parts else None
    if table is None or len(parts) != 1:
        problems.append(f"table parts {parts}, expected xl/tables/table1.xml alone")
        return problems
    first, last, totals = _screen_rows()
    min_col, min_row, max_col, max_row = range_boundaries(table.get("ref", ""))
    if (table.get("displayName"), min_row, max_row, table.get("totalsRowCount"), table.get("headerRowCount", "1")) \
            != (SCREEN_TABLE, SCREEN_HEADER_ROW, totals, "1", "1"):
        problems.append(f"the table is {table.attrib}, expected {SCREEN_TABLE} over rows {SCREEN_HEADER_ROW}-{totals} "
                        "with one header and one totals row")
    style = table.find("m:tableStyleInfo", NS)
    if style is None or style.get("showRowStripes") != "1":
        problems.append("the table's rows are not banded")
    auto = table.find("m:autoFilter", NS)
    if auto is None or range_boundaries(auto.get("ref", ""))[3] != last:
        problems.append("the table's filter does not stop above the totals row")
    columns = table.findall("m:tableColumns/m:tableColumn", NS)
    letters = list(SCREEN_HEADER)
    names = [c.get("name") for c in columns]
    if names != [ws.cell(SCREEN_HEADER_ROW, col).value for col in range(min_col, max_col + 1)] \
            or names != list(SCREEN_HEADER.values()):
        problems.append("the table's columns are not the header row's headings")
    for letter, column in zip(letters, columns):
        label, function = SCREEN_TOTALS.get(letter, (None, None))
        if (column.get("totalsRowLabel"), column.get("totalsRowFunction")) != (label, function):
            problems.append(f"column {letter}: the totals row is {column.attrib}")
    if [item.row for item in layout.items] != list(range(first, last + 1)):
        problems.append(f"items on rows {[item.row for item in layout.items]}, expected the data rows {first}-{last}")
    if DECOYS16.get(layout.name, {}).get((sheet.name, totals)) != "the table's totals row":
        problems.append("the totals row is not registered as no item")
    cells = _xml_cells(_sheet_xml(layout, sheet.name))
    for letter, (label, function) in SCREEN_TOTALS.items():
        cell = cells.get(f"{letter}{totals}")
        if function == "count":
            heading = SCREEN_HEADER[letter]
            if cell is None or cell.findtext("m:f", None, NS) != f"SUBTOTAL(103,{SCREEN_TABLE}[{heading}])" \
                    or cell.findtext("m:v", None, NS) is None:
                problems.append(f"{letter}{totals}: not a SUBTOTAL count with its cached value")
        elif ws[f"{letter}{totals}"].value != label:
            problems.append(f"{letter}{totals}: the totals label is not {label!r}")
    if any(m.min_row <= totals and m.max_row >= SCREEN_HEADER_ROW for m in ws.merged_cells.ranges):
        problems.append("a merged range inside the table")
    for item in layout.items:
        problems += _item_problems(wb, ws, item, sheet.columns, SCREEN_CHOICES)
        if item.section != []:
            problems.append(f"row {item.row}: section {item.section!r} in a table without band rows")
    problems += _walk16(ws, layout, sheet.name, "C", SCREEN_HEADER_ROW + 1, ws.max_row, {})
    problems += _answered(layout, 3)
    return problems


def _feature_outline(layout: Layout) -> list[str]:
    problems: list[str] = []
    wb = openpyxl.load_workbook(layout.path)
    sheet = _one_sheet(layout)
    ws = wb[sheet.name]
    problems += _roles_problems(sheet, SKI_HEADER_ROW, SKI_ROLES)
    problems += _header_problems(ws, SKI_HEADER_ROW, SKI_HEADER)
    root = _sheet_root(layout, sheet.name)
    outline = root.find("m:sheetPr/m:outlinePr", NS)
    if outline is None or outline.get("summaryBelow") != "0":
        problems.append("the outline's summary rows are not above the groups")
    sheet_format = root.find("m:sheetFormatPr", NS)
    if sheet_format is None or sheet_format.get("outlineLevelRow") != "1":
        problems.append("the sheet does not declare one row outline level")
    rows = {int(r.get("r")): r for r in root.iterfind("m:sheetData/m:row", NS)}
    bands, hidden, collapsed = _ski_rows()
    found_bands = {row: text for row, text in _band_rows(ws).items() if row > SKI_HEADER_ROW}
    if found_bands != bands:
        problems.append(f"band rows {found_bands}, expected {bands}")
    really_hidden = sorted(r for r, e in rows.items() if e.get("hidden") == "1")
    if really_hidden != hidden:
        problems.append(f"hidden rows {really_hidden}, expected the rows of the collapsed groups {hidden}")
    grouped = sorted(r for r, e in rows.items() if e.get("outlineLevel") == "1")
    item_rows = [item.row for item in layout.items]
    if grouped != item_rows:
        problems.append(f"rows in outline groups {grouped}, expected every question row {item_rows}")
    if sorted(r for r, e in rows.items() if e.get("collapsed") == "1") != collapsed:
        problems.append("the collapsed groups' band rows are not marked collapsed")
    if len(collapsed) != 2 or len(bands) - len(collapsed) != 2:
        problems.append("the layout wants two collapsed and two expanded groups")
    if not set(hidden) <= set(item_rows):
        problems.append("a row of a collapsed group is not an item")
    column = ws.column_dimensions[SKI_HIDDEN]
    if not column.hidden or column.outlineLevel != 1:
        problems.append(f"column {SKI_HIDDEN} is not hidden in a column group")
    if SKI_HIDDEN in sheet.columns:
        problems.append(f"the hidden column {SKI_HIDDEN} has a role")
    differs = 0
    for item in layout.items:
        problems += _item_problems(wb, ws, item, sheet.columns, SKI_CHOICES)
        previous = ws[f"{SKI_HIDDEN}{item.row}"].value
        if previous is None:
            problems.append(f"row {item.row}: no previous answer in the hidden column")
        differs += previous != item.existing_answer
    if differs < len(layout.items) - 2:
        problems.append("the hidden previous answers agree with too many existing answers")
    if not any(item.existing_answer for item in layout.items if item.row in hidden):
        problems.append("the layout wants an answered row inside a collapsed group")
    problems += _walk16(ws, layout, sheet.name, "B", SKI_HEADER_ROW + 1, ws.max_row, bands, min_bands=4)
    problems += _answered(layout, 2)
    return problems


def _feature_copied_sheet(layout: Layout) -> list[str]:
    problems: list[str] = []
    wb = openpyxl.load_workbook(layout.path)
    want = [LIBRARY_README, LIBRARY_SHEET]
    if wb.sheetnames != want or [s.name for s in layout.sheets] != want or layout.sheets[0].status != "ignored":
        problems.append(f"sheets {wb.sheetnames}, expected the ignored read-me then the questionnaire")
    sheet = _one_sheet(layout)
    ws = wb[sheet.name]
    problems += _roles_problems(sheet, LIBRARY_HEADER_ROW, LIBRARY_ROLES)
    problems += _header_problems(ws, LIBRARY_HEADER_ROW, LIBRARY_HEADER)
    problems += _header_problems(ws, LIBRARY_REPEAT_ROW, LIBRARY_HEADER)
    if sheet.skipped != {LIBRARY_REPEAT_ROW: "repeated-header"}:
        problems.append(f"skipped rows {sheet.skipped}, expected the pasted header as a repeated header")
    if LIBRARY_OLD_CUSTOMER not in str(ws["A1"].value) or "Thornbury" not in layout.path.name \
            or LIBRARY_NEW_CUSTOMER not in str(wb[LIBRARY_README]["A1"].value):
        problems.append("the title does not name the previous customer, or the file does not belong to the new one")
    if sum(LIBRARY_OLD_CUSTOMER in item.question for item in layout.items) != 1:
        problems.append("the layout wants one question still naming the previous customer")
    if ws.freeze_panes != f"A{LIBRARY_REPEAT_ROW + 1}":
        problems.append(f"panes frozen at {ws.freeze_panes}")
    book = ET.fromstring(zipfile.ZipFile(layout.path).read("xl/workbook.xml"))
    titles = [(d.get("localSheetId"), d.text) for d in book.iterfind("m:definedNames/m:definedName", NS)
              if d.get("name") == "_xlnm.Print_Titles"]
    if titles != [("1", f"'{LIBRARY_SHEET}'!${LIBRARY_HEADER_ROW}:${LIBRARY_HEADER_ROW}")]:
        problems.append(f"print titles {titles}, expected the first header row")
    if any(item.row <= LIBRARY_REPEAT_ROW for item in layout.items):
        problems.append("an item on or above the pasted header")
    for item in layout.items:
        problems += _item_problems(wb, ws, item, sheet.columns, LIBRARY_CHOICES)
    problems += _walk16(ws, layout, sheet.name, "B", LIBRARY_HEADER_ROW + 1, ws.max_row, _band_rows(ws), min_bands=3)
    problems += _answered(layout, 2)
    return problems


def _feature_long_questions(layout: Layout) -> list[str]:
    problems: list[str] = []
    wb = openpyxl.load_workbook(layout.path)
    values = openpyxl.load_workbook(layout.path, data_only=True)
    sheet = _one_sheet(layout)
    ws, vws = wb[sheet.name], values[sheet.name]
    problems += _roles_problems(sheet, PENSION_HEADER_ROW, PENSION_ROLES)
    problems += _header_problems(ws, PENSION_HEADER_ROW, PENSION_HEADER)
    cells = _xml_cells(_sheet_xml(layout, sheet.name))
    long_ = linked = formulas = 0
    for item in layout.items:
        problems += _item_problems(wb, ws, item, sheet.columns, PENSION_CHOICES, shown=vws[f"B{item.row}"].value)
        raw = ws[f"B{item.row}"].value
        xml = cells.get(f"B{item.row}")
        if "http" in item.question:
            problems.append(f"row {item.row}: a link's address taken into the question")
        if xml is not None and xml.find("m:f", NS) is not None:
            formulas += 1
            if raw != PENSION_FORMULA or xml.get("t") != "str" or xml.findtext("m:v", None, NS) != item.question:
                problems.append(f"row {item.row}: the question is not the HYPERLINK formula's cached text")
        if ws[f"B{item.row}"].hyperlink is not None:
            linked += 1
            if ws[f"B{item.row}"].hyperlink.target != PENSION_POLICY:
                problems.append(f"row {item.row}: the link does not lead to the policy template")
        if len(item.question) > 1000:
            long_ += 1
            if "\n" not in raw or "•" not in item.question or not re.search(r"\ba\)", item.question):
                problems.append(f"row {item.row}: a long question without line breaks, bullets and a) sub-points")
    if long_ != 4:
        problems.append(f"{long_} questions over 1,000 characters, the layout wants 4")
    if not any(re.search(r"\b1\) ", item.question) for item in layout.items):
        problems.append("no question numbers its points 1), 2) ...")
    if (linked, formulas) != (1, 1):
        problems.append(f"{linked} hyperlinked question cells and {formulas} HYPERLINK formulas, the layout wants 1 "
                        "each")
    if not any(item.existing_comment and "\n" in item.existing_comment for item in layout.items):
        problems.append("no existing comment with a line break")
    problems += _walk16(ws, layout, sheet.name, "B", PENSION_HEADER_ROW + 1, ws.max_row, _band_rows(ws), min_bands=2)
    problems += _answered(layout, 2)
    return problems


def _feature_lost_dropdown(layout: Layout) -> list[str]:
    problems: list[str] = []
    wb = openpyxl.load_workbook(layout.path)
    sheet = _one_sheet(layout)
    ws = wb[sheet.name]
    problems += _roles_problems(sheet, CREW_HEADER_ROW, CREW_ROLES)
    problems += _header_problems(ws, CREW_HEADER_ROW, CREW_HEADER)
    validations = _xml_validations(_sheet_root(layout, sheet.name))
    if len(validations) != 1 or len(validations[0][0]) != 2:
        problems.append(f"validations {validations}, expected one list over two ranges")
    pasted = {id_ for _, was_pasted, questions in CREW_SECTIONS if was_pasted for id_, *_ in questions}
    without = typed = 0
    for item in layout.items:
        is_pasted = item.id in pasted
        problems += _item_problems(wb, ws, item, sheet.columns, [] if is_pasted else CREW_CHOICES)
        cell = ws[f"C{item.row}"]
        if is_pasted != (cell.fill.fill_type != "solid"):
            problems.append(f"row {item.row}: the answer cell's fill does not match its history")
        if is_pasted:
            without += 1
            typed += item.existing_answer is not None and item.existing_answer not in CREW_CHOICES
            if cell.font.name != PASTED_FONT.name:
                problems.append(f"row {item.row}: the pasted row does not keep the older copy's font")
    if without * 2 < len(layout.items) - 1 or without == len(layout.items):
        problems.append(f"{without} rows without the drop-down, the layout wants about half")
    if typed < 1:
        problems.append("no pasted row holds a free-typed answer outside the list")
    problems += _walk16(ws, layout, sheet.name, "B", CREW_HEADER_ROW + 1, ws.max_row, _band_rows(ws), min_bands=3)
    problems += _answered(layout, 3)
    return problems


FEATURES: dict[str, Callable[[Layout], list[str]]] = {
    "broken_list_validations": _feature_validations,
    "unheaded_owner_column": _feature_owner_column,
    "inserted_rows_renumbered_ids": _feature_inserted_rows,
    "table_with_totals_row": _feature_table,
    "collapsed_outline_hidden_column": _feature_outline,
    "copied_sheet_double_header": _feature_copied_sheet,
    "long_questions_and_links": _feature_long_questions,
    "dropdown_lost_on_pasted_rows": _feature_lost_dropdown,
}


def check_layout(layout: Layout) -> list[str]:
    """Every check of one built layout against its file: the imported ones (on the view they can read, less the
    complaints this file replaces), the layout's own feature check and the order of items and ids."""
    problems: list[str] = []
    try:
        with tempfile.TemporaryDirectory(prefix="quire-heldout16-views-") as scratch:
            for problem in _imported_problems(layout, _views(layout, Path(scratch)), _is_replaced):
                if problem not in problems:
                    problems.append(problem)
    except (IndexError, ValueError, KeyError) as error:
        problems = [f"the imported checks cannot read the layout ({type(error).__name__}: {error})"]
    problems += _feature_problems(layout, FEATURES, FEATURE_ERRORS + (StopIteration,))
    problems += _order_problems(layout, 1, ids_may_repeat=layout.name in REPEATED_IDS16)
    return problems


# --- deliberate mistakes aimed at each layout's feature ---------------------------------------------


def _aimed_mistake(layout: Layout) -> tuple[str, Layout] | None:
    wrong = copy.deepcopy(layout)
    name = layout.name
    if name == "broken_list_validations":
        for item in wrong.items:
            if item.sheet == HOSPICE_MAIN and not item.allowed_answers:
                item.allowed_answers, item.allowed_answers_source = list(HOSPICE_CHOICES), "validation"
        return "the lists that give nothing filled with the neighbouring rows' list", wrong
    if name == "unheaded_owner_column":
        ws = openpyxl.load_workbook(layout.path)[WINE_SHEET]
        for item in wrong.items:
            item.answer_cell = ref(item.sheet, WINE_OWNER, item.row)
            item.existing_answer = ws[f"{WINE_OWNER}{item.row}"].value
            item.allowed_answers, item.allowed_answers_source = [], None
        for sheet in wrong.sheets:
            sheet.columns = {"A": "id", "B": "question", WINE_OWNER: "answer", "E": "comment", "G": "evidence"}
        return "the unheaded owner column taken for the answer", wrong
    if name == "inserted_rows_renumbered_ids":
        for index, item in enumerate(wrong.items):
            if item.id is None:
                item.id = wrong.items[index - 1].id
        return "the inserted rows given the id of the row above", wrong
    if name == "table_with_totals_row":
        _, _, totals = _screen_rows()
        wrong.items.append(ExpectedItem(SCREEN_SHEET, totals, "Total", ref(SCREEN_SHEET, "D", totals), "Total",
                                        section=[], comment_cell=ref(SCREEN_SHEET, "E", totals),
                                        evidence_cell=ref(SCREEN_SHEET, "F", totals)))
        return "the table's totals row taken for an item", wrong
    if name == "collapsed_outline_hidden_column":
        _, hidden, _ = _ski_rows()
        wrong.items = [item for item in wrong.items if item.row not in hidden]
        return "the questions of the collapsed groups left out", wrong
    if name == "copied_sheet_double_header":
        for sheet in wrong.sheets:
            if sheet.status == "questionnaire":
                sheet.header_row, sheet.skipped = LIBRARY_REPEAT_ROW, {}
        return "the pasted second header row taken for the header", wrong
    if name == "long_questions_and_links":
        ws = openpyxl.load_workbook(layout.path)[PENSION_SHEET]
        for item in wrong.items:
            raw = ws[f"B{item.row}"].value
            if "\n" in raw:
                item.question = collapse(raw.split("\n")[0])
        return "long questions cut at their first line break", wrong
    if name == "dropdown_lost_on_pasted_rows":
        for item in wrong.items:
            item.allowed_answers, item.allowed_answers_source = list(CREW_CHOICES), "validation"
        return "the column's list given to the pasted rows too", wrong
    return None


# --- running the set ----------------------------------------------------------------------------------


def self_check(verbose: bool = True) -> int:
    """Writes every file of this set into a temporary folder and checks its expectations (with heldout_layouts6's
    runner, which also compares the questions with sets 6 to 15); returns the number of problems (0 when every
    layout is described by its expectations, every deliberate mistake is caught and nothing repeats an earlier
    set)."""
    return _run_set(16, HELDOUT16_LAYOUTS, check_layout, _aimed_mistake,
                    later=((6, "sixth", HELDOUT6_LAYOUTS), (7, "seventh", HELDOUT7_LAYOUTS),
                           (8, "eighth", HELDOUT8_LAYOUTS), (9, "ninth", HELDOUT9_LAYOUTS),
                           (10, "tenth", HELDOUT10_LAYOUTS), (11, "eleventh", HELDOUT11_LAYOUTS),
                           (12, "twelfth", HELDOUT12_LAYOUTS), (13, "thirteenth", HELDOUT13_LAYOUTS),
                           (14, "fourteenth", HELDOUT14_LAYOUTS), (15, "fifteenth", HELDOUT15_LAYOUTS)),
                    formats=("xlsx",), one_item_per_row=True, items_per_file=(8, 20), verbose=verbose)


if __name__ == "__main__":
    sys.exit(1 if self_check() else 0)
