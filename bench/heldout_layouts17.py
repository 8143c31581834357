#!/usr/bin/env python3
"""Seventeenth held-out set of synthetic questionnaires for `bench/layout_bench.py`: where the id and the
question live.

Written on 2026-12-07 by a helper that did not see the detector's code, its tests, its documentation or
the bench's README, did not read the git history and did not run the tool. It saw only: most of
bench/heldout_layouts16.py (the model for this file, whose helper `_runs` this file imports; about 160
lines in the middle of its builders and feature checks were not printed); of bench/heldout_layouts15.py
its docstring, imports and display helpers (lines 1-300), its CSV builder and its self-check helpers
from its registry to `_xml_cells` (whose `_one_sheet` this file imports); of bench/heldout_layouts14.py
its docstring and imports; of bench/heldout_layouts13.py `_header_problems`, `_band_rows` (imported
here) and the first lines of `_walk13`, with its docstring; the module docstrings of sets 2, 3 and 5 to
13 (parts of those of sets 8 to 10 were cut in the printing); the helpers this file imports from the
earlier sets, with what was printed around them: bench/heldout_layouts.py: its docstring and everything
from `collapse` to `self_check` (`split_ref`, `_resolve_list`, `_validations_over`, `_hidden_by_merge`,
`_check_xlsx`, `_check_csv`, `_tuned_words`, `_near_duplicate`); bench/heldout_layouts4.py: its
docstring, its style helpers and `expect`, `ROLE_HEADINGS` ... `_csv_problems`, `_shift` ...
`_earlier_sets`; bench/heldout_layouts5.py: `_overlap_problems` and `_sheet_part`;
bench/heldout_layouts6.py: its imports, `_excel_formula`, `_general`, `_write_cached_values` and its
self-check machinery (`FEATURE_ERRORS` ... the end); listings of the top-level names of sets 1, 4, 6
and 15; the types and small helpers at the top of Tests/oracle/questionnaire_layouts.py up to its
first builder (and a listing of its top-level names); the module docstring of bench/layout_bench.py
(lines 1-175). Two looks went further than the brief allowed, and are recorded here: a grep for
`OneOf` over bench/*.py also printed one line of bench/layout_bench.py past its docstring (line 321, a
docstring line saying a truth's OneOf gives several accepted values and ANY leaves a field out); and a
grep of Tests/oracle/ for `class OneOf` and the printing of lines 100-150 of
Tests/oracle/questionnaire_layouts_wild.py (the end of a class matching a text against a title with or
without a code before it, then `OneOf`, `WildItem` and the first fields of `WildSheet`); nothing else of
that file was read, and this file uses only `OneOf` from it. Also run: `git status --short` (twice:
nothing, then only this file), `ls bench/`, set 16's self-check once, and small probes of the written files in a scratch
folder. Nothing is copied from a real or published template or product: every sheet, heading,
question, answer list and company name was written for this set.

Customers put a question's reference in many places besides a plain "Ref" column: typed before the
question, on the question cell's first line, split over two cells or between a band row and a number
column, with list punctuation, in roman numerals, as letters under a lead-in, right of everything else;
and some questionnaires give none at all. The eight files cover that, one main feature each, mixed with
ordinary drop-downs, comment and evidence columns and band rows:

- id_prefixed_question_text: a botanic garden's membership-and-ticketing questionnaire with NO id
  column: on "Friends Membership System" every question cell starts "1.2 Are ..."; on "Questions Added
  2027" questions added by an insurer, an auditor and the trustees keep their own numbering, in four
  forms on one sheet: "[CY-01] Do ...", "Q7: Are ...", "TR-03 – Will ...", "12) Do ...";
- id_line_break_question_cell: a dental group's booking-and-imaging cloud review whose one text column,
  "Reference / Question", holds the reference on the first line and the question under it
  ("PR.4\\nIs patching ..."), some with an empty line or a trailing space between, one question running
  on to a second line of its own;
- id_split_domain_and_number: a haulier's driver-app and depot-systems questionnaire: on "Driver App"
  the reference is split over two cells under one merged "Ref" heading, a domain code ("HR") and a
  number (2); on "Depot Systems" the "No." column holds only the number and the band row the code
  ("WM – Warehouse management"); each sheet's instructions say how a reference is quoted ("e.g. HR-2",
  "e.g. WM.3");
- dotted_roman_lettered_ids: a housing co-operative's tenant-portal assurance schedule: ids with
  trailing dots ("1.1.", "2.4."), section rows with their number in the id column ("1." / "Governance",
  not merged), a lead-in row "2.3." with no answer box of its own and lettered rows "a.", "b.", "c."
  under it, and a second sheet of roman-numeral ids ("III.1" ... "IV.3") under "III. ..." bands;
- title_column_beside_question: a theatre's box-office questionnaire whose every row has a short bold
  "Topic" ("Data at rest", "Refund limits") beside the "Question" that asks (one row without a Topic);
- no_ids_numbered_sections_only: an animal rescue's adoption-and-kennel platform: "Adopter Portal" has
  no ids, and four of its questions START with a number that is part of the wording ("24-hour
  monitoring ...", "2 or more administrators: ...", "3rd-party payment pages: ...", "90 days: ...");
  on "Kennel Systems" the "No." column is filled only on the section rows (1, 2, 3), never on a question;
- csv_id_question_one_field: a bike-share scheme's CSV (UTF-8, comma, CRLF) whose one "Question" field
  holds the id, " - ", the question and its choices: "2.1 - Are ... channel? (Yes / No / Partially)";
  three questions ask for free text and list none; section records "1 - Rider accounts";
- id_column_right_of_question: a wildlife park's keeper-and-visitor-systems review whose "Question ID"
  is the LAST column ("WP-101" ..., each a hyperlink to the park's question portal), after a "Standard
  clause" mapping column ("AR 2.1", repeated on several rows) that stands nearer and looks like an id.

Expectations follow the conventions stated in bench/heldout_layouts.py and sets 4 to 16:

- an item is a row holding a question (or a requirement to respond to) whose answer goes in a cell;
  titles, instructions, section rows, lead-ins without an answer box and notes are not items;
- ids are the questionnaire's own, as displayed, with this set's readings below; None where the
  questionnaire gives none (a tool may make one up, which is not compared);
- answer, comment and evidence cells are absolute references on the item's row (for the CSV the sheet
  name is the file's stem; only the `$B$5` part is compared); allowed answers are the drop-down's values
  in order, exactly as written (source "validation"); free text has [] and source None;
- `question` is the question cell's text, collapsed (`collapse`), with this set's readings below;
- `section` is the path of band rows (or section records), outermost first, [] where there are none,
  ANY where the grouping is a column (a domain-code column);
- `guidance` is None except on the one sheet with a title column (below);
- existing answers and comments are the cells' texts as written.

Conventions this set had to decide (each layout's `note` repeats its own):

- A REFERENCE TYPED BEFORE THE QUESTION is the item's id, as a reviewer quotes it back, without the
  punctuation that wraps or follows it: "1.2 Are ..." -> "1.2"; "Q7: Are ..." -> "Q7"; "[CY-01] Do ..."
  -> "CY-01"; "TR-03 – Will ..." -> "TR-03"; "12) Do ..." -> "12"; "2.1 - Are ..." (CSV) -> "2.1". THIS
  DEPARTS FROM SET 4 (numbered_question_text gave such rows id None and kept the number in the
  question); this set's brief asks for the id a reviewer would quote, and a reviewer answering "1.2
  Are ..." writes "1.2". The question is then genuinely either text: `OneOf(the text after the
  reference and its separator, the whole cell)`, both collapsed (given as `TextOneOf`, a OneOf whose
  `lower()` gives its first form, so that the runner's repeat check, and a later set's, can compare it
  as a text);
- a REFERENCE ON THE CELL'S FIRST LINE ("PR.4\\nIs patching ...") is the id (the first line, trimmed:
  "PR.4"); the question is OneOf(everything after the first line break, the whole cell), collapsed, so
  a question running on to a further line keeps all its lines;
- a REFERENCE SPLIT OVER TWO CELLS (domain code | number under one merged "Ref") or held partly by the
  band row (code) and partly by the id column (number) is the reference as the form tells the supplier
  to quote it: the instructions say "e.g. HR-2" on one sheet and "e.g. WM.3" on the other, so the ids are
  "HR-2", "DV-3", "WM.1", "YG.4" (never the bare number, which restarts and repeats; set 7's restarting
  numbers stayed bare because nothing on that sheet joined them to their category). The split columns
  get no role in the sheet's `columns` (no one column holds the id);
- a TRAILING DOT is list punctuation: "1.1." is `OneOf("1.1.", "1.1")` (both are what a reader quotes);
  roman ids are as displayed ("IV.2"); a section row whose number stands in the id column and title in
  the question column has the title alone as its section (as set 10 decided): ["Governance"];
- a LEAD-IN ("2.3. Which of the following accounts need ...? Answer on each lettered line below.") whose
  answer cell is grey with no drop-down is not an item (set 5); each LETTERED ROW under it is an item,
  its id `SubId("2.3", "a")` (the parent's number without its trailing dot, then the letter: "2.3.a",
  "2.3(a)", "2.3 a" ... as set 5 decided for letter-only id cells; a form keeping both trailing dots,
  "2.3.a.", is one SubId cannot express), its question its own cell's text, not joined to the lead-in
  (set 5);
- a SHORT TITLE COLUMN beside the question column ("Topic" | "Question"): the question is the
  "Question" cell, the one that asks; the title is the question's GUIDANCE, as set 10 decided for
  title_and_detail_columns (it places the question, it asks nothing, it changes on every row so it is no
  section); a row whose title is empty has guidance None;
- NO ID AT ALL: id None; a number that opens a question's wording ("2 or more administrators: ...",
  "90 days: ...") is part of the question and not its id; a section row's number is not its questions'
  id; a "No." column filled only on section rows has no role;
- CHOICES LISTED IN THE QUESTION ("... (Yes/No/N/A)", "(Yes / No / Partially)") in a CSV, which has no
  drop-down and whose header names none, are the row's allowed answers, in order, trimmed, "N/A" one
  choice, source "options" (per-row choices, as sets 10 and 12 give an options column's); the question
  keeps them (they are part of the text as written, in both forms of its OneOf); a question listing none
  is free text ([] and None);
- an ID COLUMN RIGHT OF EVERYTHING ("Question ID", last) is the id column wherever it stands; a mapping
  column between ("Standard clause", repeated values) has no role and is never the id; a hyperlink on
  an id cell adds nothing (the id is the text shown).

Run `python bench/heldout_layouts17.py` (arguments are ignored) to write every file into a temporary
folder and check, with openpyxl and the csv module alone (the imported checks of bench/heldout_layouts.py,
heldout_layouts4.py and heldout_layouts5.py through heldout_layouts6's `_run_set`, plus one check per
layout of its feature, which reads the written file back and works the ids, questions, sections,
guidance and choices out of it by itself), that the expectations describe the files, that deliberate
mistakes (the imported ones and one per layout aimed at its feature) are caught, and that no sheet name
or question repeats (or nearly repeats) one of the tuned layouts or of the sixteen earlier held-out sets.

Where the imported checks cannot see a feature, this file says so and checks it itself (`_views`,
`DECOYS17`, `REPLACED`):
- they want the question to be one cell's whole text, the id one cell's value (or None on a sheet
  without an id column) and only the sources "validation", "header" and "marks"; so they are shown a
  view stating, wherever the expectation is one of this set's readings of a cell: the whole cell for a
  OneOf question (when the cell is one of its forms; otherwise its first form, so a wrong question
  stays wrong), the id cell's value for a OneOf or SubId id (when it is one of their forms), None for an
  id on a sheet without an id column (typed in the question cell, or joined from two cells), and no
  allowed answers for the CSV's "options"; every one of those is checked against the file by the
  layout's feature check;
- rows registered in `DECOYS17` (the lead-in, a note under a table) are not complained about as rows
  that read like items; the feature checks check them; `REPLACED` is empty (kept for the same shape as
  set 16).

Where the bench itself is concerned: this set is the first held-out set to give OneOf for `question` and
for `id` (it never puts a SubId inside a OneOf); bench/layout_bench.py's docstring line quoted above says a
truth's OneOf gives several accepted values, which is what these expectations mean.
"""

from __future__ import annotations

import copy
import csv
import io
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
from openpyxl.styles import Alignment, Font, PatternFill  # noqa: E402
from openpyxl.utils.cell import column_index_from_string  # noqa: E402

from heldout_layouts import _resolve_list, _validations_over, collapse  # noqa: E402
from heldout_layouts4 import (  # noqa: E402
    MIDDLE,
    PAINT,
    S_FONT,
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
from heldout_layouts9 import HELDOUT9_LAYOUTS  # noqa: E402
from heldout_layouts10 import HELDOUT10_LAYOUTS  # noqa: E402
from heldout_layouts11 import HELDOUT11_LAYOUTS  # noqa: E402
from heldout_layouts12 import HELDOUT12_LAYOUTS  # noqa: E402
from heldout_layouts13 import HELDOUT13_LAYOUTS, _band_rows, _header_problems  # noqa: E402
from heldout_layouts14 import HELDOUT14_LAYOUTS  # noqa: E402
from heldout_layouts15 import HELDOUT15_LAYOUTS, _one_sheet  # noqa: E402
from heldout_layouts16 import HELDOUT16_LAYOUTS, _runs  # noqa: E402
from questionnaire_layouts import ANY, ExpectedItem, ExpectedSheet, Layout, SubId, list_validation, ref  # noqa: E402
from questionnaire_layouts_wild import OneOf  # noqa: E402


class TextOneOf(OneOf):
    """A question accepted in either of two forms (a `OneOf` of texts, first the question without the id typed
    before it, then the whole cell). `lower()` gives the first form lowered, so that the runner's repeat check
    (and a later set's, which compares texts with `.lower()`) can compare it like a text."""

    def lower(self) -> str:
        return str(self.options[0]).lower()


def _either(rest: str, whole: str) -> TextOneOf:
    """The question without its id prefix, or the whole cell, both collapsed."""
    return TextOneOf((collapse(rest), collapse(whole)))


# --- this set's answer lists and looks ----------------------------------------------------------------

GARDEN_CHOICES = ["Yes", "No", "Partly", "N/A"]
DENTAL_CHOICES = ["Yes", "No", "Partially", "Not applicable"]
FREIGHT_CHOICES = ["Yes", "No", "Partial", "N/A"]
HOUSING_CHOICES = ["Yes", "No", "Partly", "N/A"]
PLAYHOUSE_CHOICES = ["Yes", "No", "Partially", "N/A"]
RESCUE_CHOICES = ["Yes", "No", "In part", "N/A"]
PARK_CHOICES = ["Yes", "No", "Partly", "Not applicable"]

GREY = PatternFill("solid", fgColor="D9D9D9")
GREY_FONT = Font(name="Verdana", size=8, color="7F7F7F")
LINK_FONT = Font(name="Verdana", size=9, color="0563C1", underline="single")
SECTION_FILL = "straw"

#: Rows that are not items but that a reader could take for one: layout -> {(sheet, row): what it is}.
#: Filled by the builders (the files are the same each time).
DECOYS17: dict[str, dict[tuple[str, int], str]] = {}


def _decoy(layout_name: str, sheet: str, row: int, what: str) -> None:
    DECOYS17.setdefault(layout_name, {})[(sheet, row)] = what


def _input(ws: Any, coordinate: str) -> None:
    ws[coordinate].fill = PAINT["input"]
    ws[coordinate].alignment = MIDDLE


def _section_row(ws: Any, row: int, values: dict[str, Any], letters: str) -> None:
    """A section row that is NOT merged: its number in the id column, its title in the question column, the whole
    row filled and bold (as a customer formats a heading row by hand)."""
    body_row(ws, row, values, letters)
    for letter in letters:
        ws[f"{letter}{row}"].fill = PAINT[SECTION_FILL]
        ws[f"{letter}{row}"].font = S_FONT


# --- 1. no id column: the id typed at the start of the question, in five forms -------------------------------

GARDEN_FILE = "Fernhollow_membership_ticketing_security_questions.xlsx"
GARDEN_MAIN, GARDEN_ADDED = "Friends Membership System", "Questions Added 2027"
GARDEN_HEADER = {"A": "Question", "B": "Response", "C": "Comments"}
GARDEN_ROLES = {"A": "question", "B": "answer", "C": "comment"}
GARDEN_HEADER_ROW = 4
#: form -> (how the cell is written, the pattern that reads the id and the question back)
PREFIX_FORMS: dict[str, tuple[str, re.Pattern[str]]] = {
    "dotted": ("{id} {q}", re.compile(r"(?P<id>\d+(?:\.\d+)+) (?P<rest>\S.*)", re.S)),
    "q_colon": ("{id}: {q}", re.compile(r"(?P<id>Q\d+): (?P<rest>\S.*)", re.S)),
    "bracketed": ("[{id}] {q}", re.compile(r"\[(?P<id>[A-Z]{2}-\d{2})\] (?P<rest>\S.*)", re.S)),
    "dash": ("{id} – {q}", re.compile(r"(?P<id>[A-Z]{2}-\d{2}) – (?P<rest>\S.*)", re.S)),
    "paren": ("{id}) {q}", re.compile(r"(?P<id>\d+)\) (?P<rest>\S.*)", re.S)),
}
#: sheet -> [(band, [(form, id, question, existing answer, existing comment)])]
GARDEN_SHEETS: dict[str, list[tuple[str, list[tuple[str, str, str, str | None, str | None]]]]] = {
    GARDEN_MAIN: [
        ("Part 1 – Member records", [
            ("dotted", "1.1", "Are Friends' membership numbers generated at random rather than in sequence, so that "
                              "one member cannot guess another's?", None, None),
            ("dotted", "1.2", "Can a member update their Gift Aid status and postal address online without calling the "
                              "membership office?", "Yes", None),
            ("dotted", "1.3", "Are lapsed members' records anonymised two years after their last renewal?", None, None),
        ]),
        ("Part 2 – Online ticket sales", [
            ("dotted", "2.1", "Are timed-entry tickets bought online protected against copying, for example by a code "
                              "that opens the turnstile only once?", None, None),
            ("dotted", "2.2", "Is the ticket shop's checkout tested for weaknesses each time a new season's products "
                              "are loaded?", None, None),
            ("dotted", "2.3", "Are garden volunteers on the admissions desk given accounts that can sell tickets but "
                              "cannot issue refunds?", "Partly", "Refunds are blocked; voids are still allowed."),
        ]),
        ("Part 3 – Hosting and support", [
            ("dotted", "3.1", "Does your support team respond to security incidents reported at weekends within four "
                              "hours?", None, None),
            ("dotted", "3.2", "Is the membership database copied each night to a second site run by a different "
                              "provider?", None, None),
        ]),
    ],
    GARDEN_ADDED: [
        ("From our cyber insurer", [
            ("bracketed", "CY-01", "Do you keep offline copies of the ticketing database that ransomware on your "
                                   "network could not reach?", None, None),
            ("bracketed", "CY-02", "Has a specialist tested in the last year whether your staff report a convincing "
                                   "phishing e-mail?", None, None),
        ]),
        ("From the external auditor", [
            ("q_colon", "Q7", "Are changes to membership prices approved by someone other than the person who enters "
                              "them?", None, None),
            ("q_colon", "Q8", "Can the gardens obtain a list of every user of the system with their role and the date "
                              "they last signed in?", "Yes", None),
        ]),
        ("From the board of trustees", [
            ("dash", "TR-03", "Will the trustees hear of any breach involving members' bank details before it is "
                              "reported to the regulator?", None, None),
            ("dash", "TR-04", "Is there an agreed way to hand the membership data back if the gardens change "
                              "supplier?", None, None),
        ]),
        ("Carried over from 2025", [
            ("paren", "12", "Do you screen new support staff before they are given access to members' records?", None,
             None),
            ("paren", "13", "Are support sessions on the gardens' systems ended automatically after thirty minutes "
                            "without activity?", None, None),
        ]),
    ],
}
GARDEN_NOTES = {
    GARDEN_MAIN: "Each question begins with its number. Choose a response from the list and explain anything other "
                 "than Yes.",
    GARDEN_ADDED: "These questions were added by our insurer, our auditor and the trustees, each in its own numbering; "
                  "please keep that numbering when you refer to them.",
}


def _written(form: str, id_: str, question: str) -> str:
    return PREFIX_FORMS[form][0].format(id=id_, q=question)


def id_prefixed_question_text(folder: Path) -> Layout:
    wb = Workbook()
    items: list[ExpectedItem] = []
    first = True
    for sheet_name, sections in GARDEN_SHEETS.items():
        ws = wb.active if first else wb.create_sheet(sheet_name)
        ws.title = sheet_name
        first = False
        caption(ws, "A1", "Fernhollow Botanic Gardens – Membership and Ticketing System: Security Questions", "A1:C1")
        small_print(ws, "A2", GARDEN_NOTES[sheet_name], "A2:C2")
        heading_row(ws, GARDEN_HEADER_ROW, GARDEN_HEADER, paint="moss")
        cells: list[str] = []
        row = GARDEN_HEADER_ROW
        for band, questions in sections:
            row += 1
            band_row(ws, row, band, "A", "C", paint="straw")
            for form, id_, question, existing, remark in questions:
                row += 1
                whole = _written(form, id_, question)
                body_row(ws, row, {"A": whole, "B": existing, "C": remark}, "ABC")
                _input(ws, f"B{row}")
                cells.append(f"B{row}")
                items.append(expect(sheet_name, row, _either(question, whole), "B", id_, comment="C",
                                    allowed=GARDEN_CHOICES, existing=existing, existing_comment=remark,
                                    section=[band]))
        list_validation(ws, GARDEN_CHOICES, *_runs([int(c[1:]) for c in cells], "B"))
        col_widths(ws, A=80, B=14, C=40)
        ws.freeze_panes = f"A{GARDEN_HEADER_ROW + 1}"
    path = store(wb, folder, GARDEN_FILE)
    return Layout(
        name="id_prefixed_question_text",
        path=path,
        format="xlsx",
        sheets=[sheet_of(GARDEN_MAIN, GARDEN_HEADER_ROW, dict(GARDEN_ROLES)),
                sheet_of(GARDEN_ADDED, GARDEN_HEADER_ROW, dict(GARDEN_ROLES))],
        items=items,
        note="Two sheets, header on row 4 of each: 'Question' (A), 'Response' (answer B, drop-down Yes/No/Partly/N/A, "
             "source validation), 'Comments' (C); NO id column. Every question cell starts with the question's "
             "reference: on 'Friends Membership System' always '1.2 Are ...' (8 items under three band rows); on "
             "'Questions Added 2027' four forms, two questions each, under four band rows naming who added "
             "them: '[CY-01] Do ...', 'Q7: Are ...', 'TR-03 – Will ...', '12) Do ...' (8 items). CONVENTION (this "
             "set departs from set 4's numbered_question_text, which gave such rows id None): the id is the "
             "reference a reviewer quotes back, without the punctuation that wraps or follows it: '1.2', 'CY-01' (no "
             "brackets), 'Q7' (no colon), 'TR-03' (no dash), '12' (no parenthesis); the question is OneOf(the text "
             "after the reference and its separator, the whole cell), both collapsed. Sections are the band rows as "
             "written. Three rows answered.",
    )


# --- 2. id and question in one cell, on two lines ------------------------------------------------------------

DENTAL_FILE = "MarlowStreet_booking_imaging_cloud_review.xlsx"
DENTAL_SHEET = "Clinic Cloud Review"
DENTAL_HEADER = {"A": "Reference / Question", "B": "Answer", "C": "Supporting comments", "D": "Evidence"}
DENTAL_ROLES = {"A": "question", "B": "answer", "C": "comment", "D": "evidence"}
DENTAL_HEADER_ROW = 5
#: how the line break after the id is written
DENTAL_JOINS = {"plain": "{id}\n{q}", "blank": "{id}\n\n{q}", "space": "{id} \n{q}"}
#: (section, [(id, question (may hold a line break of its own), join, existing answer, comment, evidence)])
DENTAL_SECTIONS: list[tuple[str, list[tuple[str, str, str, str | None, str | None, str | None]]]] = [
    ("Patient records", [
        ("PR.1", "Are patients' medical histories visible only to the clinicians treating them at the practice they "
                 "attend?", "plain", None, None, None),
        ("PR.2", "Is a patient's consent to appointment reminders by text message stored with the date it was "
                 "given?", "plain", "Yes", None, "Consent screen, booking module"),
        ("PR.3", "Are records of patients who have not attended for ten years archived out of the everyday booking "
                 "screens?", "blank", None, None, None),
        ("PR.4", "Is patching of the booking servers completed within fourteen days of a critical fix being "
                 "released?", "space", None, None, None),
    ]),
    ("Imaging", [
        ("IM.1", "Are X-ray and intra-oral camera images encrypted while they travel from the surgery to your cloud "
                 "store?", "plain", None, None, None),
        ("IM.2", "Can a dentist share an image with a referral hospital through a link that expires?", "plain", None,
         None, None),
        ("IM.3", "Are images kept for the periods in the group's records retention schedule and then deleted?\n"
                 "Tell us how each deletion is recorded.", "plain", "Partially",
         "Deletion runs yearly; a deletion report is being added.", None),
        ("IM.4", "Is the imaging viewer on surgery PCs kept up to date by your service rather than by practice "
                 "staff?", "blank", None, None, None),
    ]),
    ("Clinic operations", [
        ("CO.1", "Do reception staff sign in with their own accounts rather than a shared practice login?", "plain",
         None, None, None),
        ("CO.2", "Are card payments for treatment taken through a terminal that never passes card numbers to the "
                 "booking system?", "plain", None, None, None),
        ("CO.3", "Could the practices still see the day's appointment list if their internet connection failed?",
         "space", None, None, None),
        ("CO.4", "Is every look at a patient's record by your support staff logged and shown to the practice on "
                 "request?", "plain", None, None, None),
    ]),
]


def id_line_break_question_cell(folder: Path) -> Layout:
    wb = Workbook()
    ws = wb.active
    ws.title = DENTAL_SHEET
    caption(ws, "A1", "Marlow Street Dental Group – Booking and Imaging Cloud: Supplier Review", "A1:D1")
    small_print(ws, "A2", "Each cell in the first column gives the question's reference on its first line and the "
                          "question below it.", "A2:D2")
    small_print(ws, "A3", "Answer from the list; put document names or links in Evidence.", "A3:D3")
    heading_row(ws, DENTAL_HEADER_ROW, DENTAL_HEADER, paint="slate")
    items: list[ExpectedItem] = []
    cells: list[int] = []
    row = DENTAL_HEADER_ROW
    for section, questions in DENTAL_SECTIONS:
        row += 1
        band_row(ws, row, section, "A", "D", paint="mist")
        for id_, question, join, existing, remark, evidence in questions:
            row += 1
            whole = DENTAL_JOINS[join].format(id=id_, q=question)
            body_row(ws, row, {"A": whole, "B": existing, "C": remark, "D": evidence}, "ABCD")
            ws.row_dimensions[row].height = 15 * (2 + whole.count("\n") + len(question) // 70)
            _input(ws, f"B{row}")
            cells.append(row)
            items.append(expect(DENTAL_SHEET, row, _either(question, whole), "B", id_, comment="C", evidence="D",
                                allowed=DENTAL_CHOICES, existing=existing, existing_comment=remark,
                                section=[section]))
    list_validation(ws, DENTAL_CHOICES, *_runs(cells, "B"))
    col_widths(ws, A=75, B=15, C=40, D=28)
    ws.freeze_panes = f"A{DENTAL_HEADER_ROW + 1}"
    path = store(wb, folder, DENTAL_FILE)
    return Layout(
        name="id_line_break_question_cell",
        path=path,
        format="xlsx",
        sheets=[sheet_of(DENTAL_SHEET, DENTAL_HEADER_ROW, dict(DENTAL_ROLES))],
        items=items,
        note="Header on row 5: 'Reference / Question' (A), 'Answer' (answer B, drop-down Yes/No/Partially/Not "
             "applicable, source validation), 'Supporting comments' (C), 'Evidence' (D); three band rows; NO id "
             "column. Every question cell holds the reference on its first line and the question under it "
             "('PR.4\\nIs patching ...'); two cells have an empty line between them ('PR.3\\n\\nAre ...'), two a "
             "space before the break ('PR.4 \\n...'), and IM.3's question runs on to a second line of its own. "
             "CONVENTION: the id is the first line, trimmed ('PR.4'); the question is OneOf(everything after the "
             "first line break, the whole cell), collapsed (IM.3's two lines are both its question). 12 items; two "
             "already answered.",
    )


# --- 3. an id split over two columns, and an id column holding only the number -------------------------------

FREIGHT_FILE = "Ridgeback_Freight_driver_app_depot_systems.xlsx"
FREIGHT_APP, FREIGHT_DEPOT = "Driver App", "Depot Systems"
FREIGHT_APP_HEADER: dict[str, str | None] = {"A": "Ref", "B": None, "C": "Question", "D": "Response", "E": "Notes"}
FREIGHT_APP_ROLES = {"C": "question", "D": "answer", "E": "comment"}
FREIGHT_DEPOT_HEADER = {"A": "No.", "B": "Question", "C": "Response", "D": "Notes"}
FREIGHT_DEPOT_ROLES = {"B": "question", "C": "answer", "D": "comment"}
FREIGHT_HEADER_ROW = 4
FREIGHT_APP_NOTE = ("When you refer to a question, quote its reference as the domain code, a hyphen and the number, "
                    "e.g. HR-2.")
FREIGHT_DEPOT_NOTE = "References combine the section code and the question number with a full stop, e.g. WM.3."
#: "Driver App": (domain code, number, question, existing answer, existing note)
FREIGHT_APP_ROWS: list[tuple[str, int, str, str | None, str | None]] = [
    ("HR", 1, "Are drivers' licence checks with the licensing authority repeated at least every six months?", None,
     None),
    ("HR", 2, "Is a driver's account in the app disabled on the day their agency placement ends?", "Yes", None),
    ("HR", 3, "Are drivers' hours-of-rest records visible to their own transport manager and to no other depot?",
     None, None),
    ("DV", 1, "Do the in-cab tablets lock after two minutes without use and ask for the driver's PIN to unlock?", None,
     None),
    ("DV", 2, "Are proof-of-delivery photos and customer signatures uploaded over an encrypted connection?", None,
     None),
    ("DV", 3, "Can your helpdesk locate and wipe an in-cab tablet that a driver reports lost?", "Partial",
     "Wipe yes; location only while the tablet is switched on."),
    ("DV", 4, "Are app updates tested on the tablet model Ridgeback uses before they are pushed to the fleet?", None,
     None),
]
#: "Depot Systems": (band "CODE – title", [(number, question, existing answer, existing note)])
FREIGHT_DEPOT_SECTIONS: list[tuple[str, list[tuple[int, str, str | None, str | None]]]] = [
    ("WM – Warehouse management", [
        (1, "Are pick-list scanners assigned to named warehouse staff rather than shared between shifts?", None, None),
        (2, "Is a stock adjustment above a set value approved by a supervisor before it is posted?", None, None),
        (3, "Are customers' consignment details removed from the warehouse system a year after delivery?", None,
         None),
    ]),
    ("YG – Yard and gate", [
        (1, "Do the gate cameras read number plates without keeping images of drivers' faces?", None, None),
        (2, "Is the yard booking portal for hauliers protected against automated mass bookings?", "No",
         "Planned for the spring release."),
        (3, "Are the barrier controllers at the depot gates on a network separate from office computers?", None, None),
        (4, "Can the depot open its gates by hand if the yard system cannot be reached?", None, None),
    ]),
]


def id_split_domain_and_number(folder: Path) -> Layout:
    wb = Workbook()
    ws = wb.active
    ws.title = FREIGHT_APP
    caption(ws, "A1", "Ridgeback Freight – Driver App and Depot Systems: Supplier Questionnaire", "A1:E1")
    small_print(ws, "A2", FREIGHT_APP_NOTE, "A2:E2")
    heading_row(ws, FREIGHT_HEADER_ROW, FREIGHT_APP_HEADER, paint="rust")
    ws.merge_cells(f"A{FREIGHT_HEADER_ROW}:B{FREIGHT_HEADER_ROW}")
    items: list[ExpectedItem] = []
    row = FREIGHT_HEADER_ROW
    for code, number, question, existing, remark in FREIGHT_APP_ROWS:
        row += 1
        body_row(ws, row, {"A": code, "B": number, "C": question, "D": existing, "E": remark}, "ABCDE")
        ws[f"A{row}"].alignment = ws[f"B{row}"].alignment = MIDDLE
        _input(ws, f"D{row}")
        items.append(expect(FREIGHT_APP, row, question, "D", f"{code}-{number}", comment="E", allowed=FREIGHT_CHOICES,
                            existing=existing, existing_comment=remark, section=ANY))
    list_validation(ws, FREIGHT_CHOICES, f"D{FREIGHT_HEADER_ROW + 1}:D{row}")
    col_widths(ws, A=6, B=5, C=72, D=13, E=40)
    ws.freeze_panes = f"A{FREIGHT_HEADER_ROW + 1}"

    ws2 = wb.create_sheet(FREIGHT_DEPOT)
    caption(ws2, "A1", "Ridgeback Freight – Depot Systems", "A1:D1")
    small_print(ws2, "A2", FREIGHT_DEPOT_NOTE, "A2:D2")
    heading_row(ws2, FREIGHT_HEADER_ROW, FREIGHT_DEPOT_HEADER, paint="rust")
    cells: list[int] = []
    row = FREIGHT_HEADER_ROW
    for band, questions in FREIGHT_DEPOT_SECTIONS:
        row += 1
        band_row(ws2, row, band, "A", "D", paint="straw")
        code = band.split()[0]
        for number, question, existing, remark in questions:
            row += 1
            body_row(ws2, row, {"A": number, "B": question, "C": existing, "D": remark}, "ABCD")
            ws2[f"A{row}"].alignment = MIDDLE
            _input(ws2, f"C{row}")
            cells.append(row)
            items.append(expect(FREIGHT_DEPOT, row, question, "C", f"{code}.{number}", comment="D",
                                allowed=FREIGHT_CHOICES, existing=existing, existing_comment=remark, section=[band]))
    list_validation(ws2, FREIGHT_CHOICES, *_runs(cells, "C"))
    col_widths(ws2, A=6, B=72, C=13, D=40)
    ws2.freeze_panes = f"A{FREIGHT_HEADER_ROW + 1}"
    path = store(wb, folder, FREIGHT_FILE)
    return Layout(
        name="id_split_domain_and_number",
        path=path,
        format="xlsx",
        sheets=[sheet_of(FREIGHT_APP, FREIGHT_HEADER_ROW, dict(FREIGHT_APP_ROLES)),
                sheet_of(FREIGHT_DEPOT, FREIGHT_HEADER_ROW, dict(FREIGHT_DEPOT_ROLES))],
        items=items,
        note="'Driver App' (header row 4: 'Ref' MERGED over A:B, 'Question' C, 'Response' answer D, 'Notes' comment E; "
             "no band rows; 7 items): the reference is SPLIT over two cells, a domain code in A ('HR', 'DV') and a "
             "number in B (1, 2, 3 ... restarting in each domain); row 2 says 'quote its reference as the domain "
             "code, a hyphen and the number, e.g. HR-2'. 'Depot Systems' (header row 4: 'No.' A, 'Question' B, "
             "'Response' answer C, 'Notes' comment D; band rows 'WM – Warehouse management', 'YG – Yard and gate'; "
             "7 items): the id column holds ONLY the number (1, 2, 3 ... restarting), the band row holds the code; row "
             "2 says references combine code and number with a full stop, e.g. WM.3. CONVENTION: the id is the "
             "reference as the form tells the supplier to quote it: 'HR-2', 'DV-3', 'WM.1', 'YG.4' (not the bare "
             "number, which repeats; this differs from set 7's restarting numbers, where nothing on the sheet joined "
             "them to their category). The split id columns get no role in the sheets' columns (the id is not one "
             "column's text). 'Driver App''s domain code is a grouping column: section ANY there; 'Depot Systems' "
             "items have the band row as section. Drop-downs Yes/No/Partial/N/A. Three rows answered.",
    )


# --- 4. ids with trailing dots, roman numerals, and lettered rows under a lead-in ----------------------------

HOUSING_FILE = "Northmere_Housing_tenant_portal_assurance_schedule.xlsx"
HOUSING_ONE, HOUSING_TWO = "Part One Controls", "Part Two Annex"
HOUSING_ONE_HEADER = {"A": "Item No.", "B": "Question", "C": "Response", "D": "Comments"}
HOUSING_TWO_HEADER = {"A": "Ref", "B": "Question", "C": "Response", "D": "Comments"}
HOUSING_ROLES = {"A": "id", "B": "question", "C": "answer", "D": "comment"}
HOUSING_HEADER_ROW = 4
HOUSING_LEAD_IN = ("Which of the following accounts need a second sign-in factor? Answer on each lettered line "
                   "below.")
#: "Part One Controls": rows in order: ("section", "1.", title) | ("item", "1.1.", question, existing, comment) |
#: ("lead-in", "2.3.", text) | ("letter", "a.", question, existing, comment)
HOUSING_ONE_ROWS: list[tuple[Any, ...]] = [
    ("section", "1.", "Governance"),
    ("item", "1.1.", "Has the co-operative's management committee been told who in your company answers for the "
                     "portal's security?", None, None),
    ("item", "1.2.", "Do you review this portal's security risks with the co-operative at least once a year?", None,
     None),
    ("item", "1.3.", "Are subcontractors who could see tenants' data bound by the same confidentiality terms as "
                     "you?", "Yes", None),
    ("section", "2.", "Repairs and tenancy data"),
    ("item", "2.1.", "Are repair reports that mention a tenant's health or disability visible only to the housing "
                     "officers who need them?", None, None),
    ("item", "2.2.", "Are photographs that tenants upload with repair requests stripped of their location data?",
     None, None),
    ("lead-in", "2.3.", HOUSING_LEAD_IN),
    ("letter", "a.", "Tenants' own portal accounts", "Yes", None),
    ("letter", "b.", "Co-operative staff accounts that can see rent records", None, None),
    ("letter", "c.", "Contractors' accounts used to close repair jobs", "No", "Contractors sign in with a password "
                                                                              "only."),
    ("item", "2.4.", "Are tenancy agreements signed through the portal kept in a form that shows whether they were "
                     "altered after signing?", None, None),
]
#: "Part Two Annex": (band, [(ref, question, existing answer, existing comment)])
HOUSING_TWO_SECTIONS: list[tuple[str, list[tuple[str, str, str | None, str | None]]]] = [
    ("III. Rent payments", [
        ("III.1", "Are tenants' direct debit details held by the payment bureau and never stored in the portal?",
         None, None),
        ("III.2", "Does the portal show each tenant only their own rent statement, even where two tenants share a "
                  "surname and an address?", None, None),
        ("III.3", "Are arrears letters produced by the portal checked by a co-operative officer before they are "
                  "sent?", None, None),
    ]),
    ("IV. Portal hosting", [
        ("IV.1", "Is the tenant portal hosted by a provider holding an independent security certification for that "
                 "service?", None, None),
        ("IV.2", "Are the portal's web pages scanned for known vulnerabilities at least once a month?", None, None),
        ("IV.3", "Would the co-operative receive a copy of its data in a common format within ten working days of "
                 "asking?", None, None),
    ]),
]


def _housing_one_rows() -> dict[int, tuple[Any, ...]]:
    return {HOUSING_HEADER_ROW + offset: entry for offset, entry in enumerate(HOUSING_ONE_ROWS, start=1)}


def dotted_roman_lettered_ids(folder: Path) -> Layout:
    name = "dotted_roman_lettered_ids"
    wb = Workbook()
    ws = wb.active
    ws.title = HOUSING_ONE
    caption(ws, "A1", "Northmere Housing Co-operative – Tenant Portal: Assurance Schedule", "A1:D1")
    small_print(ws, "A2", "Part One. Answer every numbered and lettered line that has a response box.", "A2:D2")
    heading_row(ws, HOUSING_HEADER_ROW, HOUSING_ONE_HEADER, paint="navy")
    items: list[ExpectedItem] = []
    cells: list[int] = []
    section: list[str] = []
    parent = ""
    for row, entry in _housing_one_rows().items():
        kind, label, text = entry[0], entry[1], entry[2]
        if kind == "section":
            _section_row(ws, row, {"A": label, "B": text}, "ABCD")
            section = [text]
            continue
        body_row(ws, row, {"A": label, "B": text, "C": entry[3] if len(entry) > 3 else None,
                           "D": entry[4] if len(entry) > 4 else None}, "ABCD")
        ws[f"A{row}"].alignment = MIDDLE
        if kind == "lead-in":
            ws[f"C{row}"].fill = ws[f"D{row}"].fill = GREY
            parent = label.rstrip(".")
            _decoy(name, HOUSING_ONE, row, "a lead-in to the lettered lines, with no answer box of its own")
            continue
        _input(ws, f"C{row}")
        cells.append(row)
        if kind == "letter":
            ws[f"A{row}"].alignment = Alignment(horizontal="right", vertical="top")
            id_: Any = SubId(parent, label.rstrip("."))
        else:
            id_ = OneOf((label, label.rstrip(".")))
        items.append(expect(HOUSING_ONE, row, text, "C", id_, comment="D", allowed=HOUSING_CHOICES,
                            existing=entry[3], existing_comment=entry[4], section=list(section)))
    list_validation(ws, HOUSING_CHOICES, *_runs(cells, "C"))
    col_widths(ws, A=9, B=72, C=13, D=40)
    ws.freeze_panes = f"A{HOUSING_HEADER_ROW + 1}"

    ws2 = wb.create_sheet(HOUSING_TWO)
    caption(ws2, "A1", "Northmere Housing Co-operative – Assurance Schedule, Part Two", "A1:D1")
    small_print(ws2, "A2", "Sections III and IV continue the schedule.", "A2:D2")
    heading_row(ws2, HOUSING_HEADER_ROW, HOUSING_TWO_HEADER, paint="navy")
    row = HOUSING_HEADER_ROW
    cells = []
    for band, questions in HOUSING_TWO_SECTIONS:
        row += 1
        band_row(ws2, row, band, "A", "D", paint="cyan")
        for id_, question, existing, remark in questions:
            row += 1
            body_row(ws2, row, {"A": id_, "B": question, "C": existing, "D": remark}, "ABCD")
            _input(ws2, f"C{row}")
            cells.append(row)
            items.append(expect(HOUSING_TWO, row, question, "C", id_, comment="D", allowed=HOUSING_CHOICES,
                                existing=existing, existing_comment=remark, section=[band]))
    list_validation(ws2, HOUSING_CHOICES, *_runs(cells, "C"))
    col_widths(ws2, A=9, B=72, C=13, D=40)
    path = store(wb, folder, HOUSING_FILE)
    return Layout(
        name=name,
        path=path,
        format="xlsx",
        sheets=[sheet_of(HOUSING_ONE, HOUSING_HEADER_ROW, dict(HOUSING_ROLES)),
                sheet_of(HOUSING_TWO, HOUSING_HEADER_ROW, dict(HOUSING_ROLES))],
        items=items,
        note="'Part One Controls' (header row 4: 'Item No.' id A, 'Question' B, 'Response' answer C, 'Comments' D): "
             "ids written with TRAILING DOTS ('1.1.', '2.4.'); section rows are NOT merged: '1.' / '2.' in A and a "
             "short title in B, the row filled and bold; row 12 ('2.3.') is a lead-in ('Which of the following "
             "accounts need a second sign-in factor? Answer on each lettered line below.') whose answer and comment "
             "cells are grey with no drop-down; under it three lettered rows 'a.', 'b.', 'c.' each with its own "
             "answer cell. 'Part Two Annex' (header row 4: 'Ref' A, ...): band rows 'III. Rent payments' and 'IV. "
             "Portal hosting', ids in ROMAN numerals 'III.1' ... 'IV.3'. CONVENTIONS: a trailing dot is list "
             "punctuation, so the id is OneOf('1.1.', '1.1'); roman ids are as displayed; a section row with its "
             "number in the id column has the title alone as its section (as set 10 decided): ['Governance']; the "
             "lead-in is NOT an item (set 5); each lettered row IS an item whose id is SubId('2.3', 'a') (its "
             "parent's number, trailing dot dropped, then the letter: '2.3.a', '2.3(a)', '2.3 a' ...) and whose "
             "question is its own cell ('Tenants' own portal accounts'), not joined to the lead-in (set 5). "
             "Drop-downs Yes/No/Partly/N/A. 15 items; three rows answered.",
    )


# --- 5. a short title column beside the question column --------------------------------------------------------

PLAYHOUSE_FILE = "Lanternhill_Playhouse_box_office_supplier_questions.xlsx"
PLAYHOUSE_SHEET = "Box Office System"
PLAYHOUSE_HEADER = {"A": "Ref", "B": "Topic", "C": "Question", "D": "Response", "E": "Comments", "F": "Evidence"}
PLAYHOUSE_ROLES = {"A": "id", "B": "guidance", "C": "question", "D": "answer", "E": "comment", "F": "evidence"}
PLAYHOUSE_HEADER_ROW = 4
#: (section, [(ref, topic or None, question, existing answer, existing comment, existing evidence)])
PLAYHOUSE_SECTIONS: list[tuple[str, list[tuple[str, str | None, str, str | None, str | None, str | None]]]] = [
    ("Patron data", [
        ("BO-01", "Data at rest", "Is every patron's booking history stored encrypted on disk, backups included?",
         None, None, None),
        ("BO-02", "Staff accounts", "Does a named box office manager approve each new staff account before it can sell "
                                    "tickets?", "Yes", None, "Account request form BO-7"),
        ("BO-03", "Marketing consent", "Are patrons' choices about marketing e-mails honoured by every campaign tool "
                                       "that receives the mailing list?", None, None, None),
        ("BO-04", "Access needs", "Are the access needs patrons tell you about, such as wheelchair spaces, shown only "
                                  "to front-of-house staff on the night?", None, None, None),
    ]),
    ("Sales and payments", [
        ("BO-05", "Card payments", "Are card payments at the box office window taken on terminals that keep card "
                                   "numbers out of the ticketing system?", None, None, None),
        ("BO-06", "Refund limits", "Must a second member of staff approve refunds above the amount the playhouse "
                                   "sets?", "Partially", "Above £250 only; the playhouse asked for £100.", None),
        ("BO-07", None, "Are complimentary tickets recorded with the name of the staff member who issued them?", None,
         None, None),
        ("BO-08", "Purchase limits", "Can the system stop one buyer taking more seats for a sold-out performance than "
                                     "the limit allows?", None, None, None),
    ]),
    ("Running the service", [
        ("BO-09", "Patching", "Are security updates to the box office servers applied within a month of their "
                              "release?", None, None, None),
        ("BO-10", "Availability", "Will ticket sales carry on during a performance evening if your main data centre "
                                  "goes down?", None, None, None),
        ("BO-11", "Audit trail", "Are records of who changed a seating plan or a price kept for at least a year?",
         None, None, None),
        ("BO-12", "Exit", "When the contract ends, will you return the patron database with its full purchase "
                          "history?", None, None, None),
    ]),
]


def title_column_beside_question(folder: Path) -> Layout:
    wb = Workbook()
    ws = wb.active
    ws.title = PLAYHOUSE_SHEET
    caption(ws, "A1", "Lanternhill Playhouse – Box Office and Patron System: Supplier Questions", "A1:F1")
    small_print(ws, "A2", "The Topic column names what each question is about; answer the question itself in "
                          "Response.", "A2:F2")
    heading_row(ws, PLAYHOUSE_HEADER_ROW, PLAYHOUSE_HEADER, paint="plum")
    items: list[ExpectedItem] = []
    cells: list[int] = []
    row = PLAYHOUSE_HEADER_ROW
    for section, questions in PLAYHOUSE_SECTIONS:
        row += 1
        band_row(ws, row, section, "A", "F", paint="mist")
        for id_, topic, question, existing, remark, evidence in questions:
            row += 1
            body_row(ws, row, {"A": id_, "B": topic, "C": question, "D": existing, "E": remark, "F": evidence},
                     "ABCDEF")
            ws[f"B{row}"].font = Font(name="Verdana", size=9, bold=True)
            _input(ws, f"D{row}")
            cells.append(row)
            items.append(expect(PLAYHOUSE_SHEET, row, question, "D", id_, comment="E", evidence="F",
                                allowed=PLAYHOUSE_CHOICES, existing=existing, existing_comment=remark,
                                section=[section], guidance=topic))
    list_validation(ws, PLAYHOUSE_CHOICES, *_runs(cells, "D"))
    col_widths(ws, A=8, B=20, C=66, D=14, E=40, F=26)
    ws.freeze_panes = f"C{PLAYHOUSE_HEADER_ROW + 1}"
    path = store(wb, folder, PLAYHOUSE_FILE)
    return Layout(
        name="title_column_beside_question",
        path=path,
        format="xlsx",
        sheets=[sheet_of(PLAYHOUSE_SHEET, PLAYHOUSE_HEADER_ROW, dict(PLAYHOUSE_ROLES))],
        items=items,
        note="Header on row 4: 'Ref' (id A), 'Topic' (B: a short bold title per question, 'Data at rest', 'Refund "
             "limits' ...; empty on BO-07), 'Question' (C), 'Response' (answer D, drop-down Yes/No/Partially/N/A, "
             "source validation), 'Comments' (E), 'Evidence' (F); three band rows. CONVENTION (as set 10 decided for "
             "title_and_detail_columns): the question is the 'Question' cell, the one that asks; the Topic is the "
             "question's GUIDANCE (the requester's words placing it; guidance None on BO-07, whose Topic is empty); "
             "it is neither part of the question nor a section (it changes on every row; the band rows are the "
             "sections). 12 items; two already answered.",
    )


# --- 6. no ids at all, questions that start with numbers, and numbers only on section rows ----------------------

RESCUE_FILE = "Brackenford_Animal_Rescue_adoption_kennel_platform.xlsx"
RESCUE_PORTAL, RESCUE_KENNEL = "Adopter Portal", "Kennel Systems"
RESCUE_PORTAL_HEADER = {"A": "Question", "B": "Answer", "C": "Remarks"}
RESCUE_PORTAL_ROLES = {"A": "question", "B": "answer", "C": "comment"}
RESCUE_PORTAL_HEADER_ROW = 3
RESCUE_KENNEL_HEADER = {"A": "No.", "B": "Question", "C": "Answer", "D": "Remarks"}
RESCUE_KENNEL_ROLES = {"B": "question", "C": "answer", "D": "comment"}
RESCUE_KENNEL_HEADER_ROW = 4
#: "Adopter Portal": (question, existing answer, existing remark); several start with a number that is no id
RESCUE_PORTAL_ROWS: list[tuple[str, str | None, str | None]] = [
    ("24-hour monitoring of the adoption website: is someone alerted if it stops responding overnight?", None, None),
    ("2 or more administrators: can at least two rescue staff manage adopter accounts, so that no single person "
     "holds all access?", "Yes", None),
    ("3rd-party payment pages: are adoption fees and donations taken on your payment provider's pages rather than "
     "the rescue's own?", None, None),
    ("Are home-check reports written by volunteers visible only to the rehoming team?", None, None),
    ("Is an adopter's application deleted once it is withdrawn or refused, after the period stated in the privacy "
     "notice?", "In part", "Refused applications are deleted; withdrawn ones are kept."),
    ("90 days: are failed sign-in attempts on adopter accounts kept for at least this long?", None, None),
]
#: "Kennel Systems": (section number, title, [(question, existing answer, existing remark)])
RESCUE_KENNEL_SECTIONS: list[tuple[int, str, list[tuple[str, str | None, str | None]]]] = [
    (1, "Animal records", [
        ("Are medical notes on each animal kept with the name of the vet or staff member who wrote them?", None, None),
        ("Can kennel staff see a dog's behaviour warnings on their handheld before they enter its kennel?", None,
         None),
        ("Are photographs of animals published on the website only after a member of staff approves them?", None,
         None),
    ]),
    (2, "Microchips and vets", [
        ("Are keeper details linked to a microchip number checked with the chip's database before an animal is "
         "rehomed?", None, None),
        ("Are test results e-mailed by vet practices imported without passing through anyone's personal mailbox?",
         None, None),
        ("When an animal is rehomed, is the change of microchip keeper confirmed in writing to the new owner?", "Yes",
         None),
    ]),
    (3, "Service and support", [
        ("Can your support engineers reach the kennel system only through a connection the rescue approves each "
         "time?", None, None),
        ("Would you tell the rescue within a working day if a change to the platform altered how adopter data is "
         "shared?", None, None),
    ]),
]


def no_ids_numbered_sections_only(folder: Path) -> Layout:
    wb = Workbook()
    ws = wb.active
    ws.title = RESCUE_PORTAL
    caption(ws, "A1", "Brackenford Animal Rescue – Adopter Portal: Supplier Questions", "A1:C1")
    heading_row(ws, RESCUE_PORTAL_HEADER_ROW, RESCUE_PORTAL_HEADER, paint="moss")
    items: list[ExpectedItem] = []
    row = RESCUE_PORTAL_HEADER_ROW
    for question, existing, remark in RESCUE_PORTAL_ROWS:
        row += 1
        body_row(ws, row, {"A": question, "B": existing, "C": remark}, "ABC")
        _input(ws, f"B{row}")
        items.append(expect(RESCUE_PORTAL, row, question, "B", None, comment="C", allowed=RESCUE_CHOICES,
                            existing=existing, existing_comment=remark, section=[]))
    list_validation(ws, RESCUE_CHOICES, f"B{RESCUE_PORTAL_HEADER_ROW + 1}:B{row}")
    col_widths(ws, A=80, B=13, C=40)

    ws2 = wb.create_sheet(RESCUE_KENNEL)
    caption(ws2, "A1", "Brackenford Animal Rescue – Kennel Systems", "A1:D1")
    small_print(ws2, "A2", "Sections are numbered; the questions within them are not.", "A2:D2")
    heading_row(ws2, RESCUE_KENNEL_HEADER_ROW, RESCUE_KENNEL_HEADER, paint="moss")
    cells: list[int] = []
    row = RESCUE_KENNEL_HEADER_ROW
    for number, title, questions in RESCUE_KENNEL_SECTIONS:
        row += 1
        _section_row(ws2, row, {"A": number, "B": title}, "ABCD")
        ws2[f"A{row}"].alignment = MIDDLE
        for question, existing, remark in questions:
            row += 1
            body_row(ws2, row, {"B": question, "C": existing, "D": remark}, "ABCD")
            _input(ws2, f"C{row}")
            cells.append(row)
            items.append(expect(RESCUE_KENNEL, row, question, "C", None, comment="D", allowed=RESCUE_CHOICES,
                                existing=existing, existing_comment=remark, section=[title]))
    list_validation(ws2, RESCUE_CHOICES, *_runs(cells, "C"))
    col_widths(ws2, A=6, B=76, C=13, D=40)
    path = store(wb, folder, RESCUE_FILE)
    return Layout(
        name="no_ids_numbered_sections_only",
        path=path,
        format="xlsx",
        sheets=[sheet_of(RESCUE_PORTAL, RESCUE_PORTAL_HEADER_ROW, dict(RESCUE_PORTAL_ROLES)),
                sheet_of(RESCUE_KENNEL, RESCUE_KENNEL_HEADER_ROW, dict(RESCUE_KENNEL_ROLES))],
        items=items,
        note="'Adopter Portal' (header row 3: 'Question' A, 'Answer' B, 'Remarks' C; no id column, no band rows; 6 "
             "items): no question has an id, but four START WITH A NUMBER that is part of the question, not a "
             "reference ('24-hour monitoring ...', '2 or more administrators: ...', '3rd-party payment pages: ...', "
             "'90 days: ...'). 'Kennel Systems' (header row 4: 'No.' A, 'Question' B, 'Answer' C, 'Remarks' D; 8 "
             "items): the 'No.' column is filled ONLY on the three section rows (1, 2, 3 as numbers, the title in B, "
             "the row filled and bold, not merged); question rows leave it empty. CONVENTION: every item's id is None "
             "(the questionnaire gives none; a tool may make one up, which is not compared): a number that opens a "
             "question's wording is not its id, and a section's number is not its questions' id. Questions are the "
             "cells as written, numbers included. A section row's title alone is the section (as set 10 decided): "
             "['Animal records']. 'No.' has no role. Drop-downs Yes/No/In part/N/A. Three rows answered.",
    )


# --- 7. a CSV whose one field holds the id, the question and the choices ---------------------------------------

BIKE_NAME = "Spokeway_bike_share_supplier_security_questions"
BIKE_TITLE = "Spokeway Bike Share – Supplier Security Questions (rider app and dock network)"
BIKE_INSTRUCTION = ("Answer in the Response column with one of the choices shown after each question, where there are "
                    "any.")
BIKE_HEADER = ["Question", "Response", "Comments"]
BIKE_ROLES = {"A": "question", "B": "answer", "C": "comment"}
BIKE_HEADER_ROW = 3
#: (section record, [(id, question with its choices as written, existing answer, existing comment)])
BIKE_SECTIONS: list[tuple[str, list[tuple[str, str, str | None, str | None]]]] = [
    ("1 - Rider accounts", [
        ("1.1", "Are riders' journey histories kept for no longer than twelve months? (Yes/No/N/A)", "Yes", None),
        ("1.2", "Can a rider close their account and remove their payment card in the app without help? (Yes/No)",
         None, None),
        ("1.3", "Is a one-time code sent by text needed before a rider's e-mail address can be changed? (Yes/No/N/A)",
         None, None),
        ("1.4", "Describe how riders under 18 are prevented from hiring bikes.", None, None),
    ]),
    ("2 - Docks and bikes", [
        ("2.1", "Are the docking stations' controllers updated over a signed, encrypted channel? "
                "(Yes / No / Partially)", "Partially", "Signed, not yet encrypted, on the oldest docks."),
        ("2.2", "Do docks keep releasing bikes to riders with a valid code when they lose their mobile connection? "
                "(Yes/No/N/A)", None, None),
        ("2.3", "Is each use of a maintenance key to open a dock logged, with the engineer's name? "
                "(Yes/No/Partially)", None, None),
        ("2.4", "List every place where GPS positions of bikes are stored, including backups.", None, None),
    ]),
    ("3 - Service", [
        ("3.1", "Do you have a tested plan for running the scheme if the rider app is down for a whole day? "
                "(Yes/No/N/A)", None, None),
        ("3.2", "Are penetration tests of the rider app carried out by a firm independent of your developers? "
                "(Yes/No)", "Yes", "Annual test; report available under NDA."),
        ("3.3", "Will the council be told of a breach affecting rider data within 24 hours of you confirming it? "
                "(Yes/No/N/A)", None, None),
        ("3.4", "Which company hosts the scheme's back office, and in which country?", None, None),
    ]),
]
BIKE_CHOICES_AT_END = re.compile(r"\((?P<choices>[^()/]+(?:/[^()/]+)+)\)$")


#: The lists the questions give, as a reader takes them (the feature check wants each item's to be one of them).
BIKE_LISTS = [["Yes", "No", "N/A"], ["Yes", "No"], ["Yes", "No", "Partially"]]


def _choices_in(text: str) -> list[str]:
    """The choices a question lists in parentheses at its end, split at the slashes, 'N/A' kept whole ('(Yes/No/N/A)'
    -> ['Yes', 'No', 'N/A']; '(Yes / No / Partially)' -> ['Yes', 'No', 'Partially']), or []."""
    match = BIKE_CHOICES_AT_END.search(text)
    if match is None:
        return []
    return [part.strip() for part in re.findall(r"N/A|[^/]+", match.group("choices"))]


def csv_id_question_one_field(folder: Path) -> Layout:
    width = len(BIKE_HEADER)
    records: list[list[str]] = [[BIKE_TITLE, "", ""], [BIKE_INSTRUCTION, "", ""], list(BIKE_HEADER)]
    items: list[ExpectedItem] = []
    for section, questions in BIKE_SECTIONS:
        records.append([section] + [""] * (width - 1))
        for id_, question, existing, remark in questions:
            whole = f"{id_} - {question}"
            records.append([whole, existing or "", remark or ""])
            choices = _choices_in(question)
            items.append(expect(BIKE_NAME, len(records), _either(question, whole), "B", id_, comment="C",
                                allowed=choices, source="options" if choices else None, existing=existing,
                                existing_comment=remark, section=[section]))
    buffer = io.StringIO(newline="")
    csv.writer(buffer, lineterminator="\r\n").writerows(records)
    path = folder / f"{BIKE_NAME}.csv"
    path.write_bytes(buffer.getvalue().encode("utf-8"))
    return Layout(
        name="csv_id_question_one_field",
        path=path,
        format="csv",
        sheets=[sheet_of(BIKE_NAME, BIKE_HEADER_ROW, dict(BIKE_ROLES))],
        items=items,
        csv=True,
        encoding="utf-8",
        delimiter=",",
        note="A comma CSV, UTF-8 without BOM, CRLF, every record three fields wide: a title record (row 1), an "
             "instruction record (row 2: answer 'with one of the choices shown after each question'), the header on "
             "row 3 ('Question' A, 'Response' answer B, 'Comments' C; no id column), three section records ('1 - "
             "Rider accounts', ...). Each item's one field holds the id, ' - ' and the question, most ending in their "
             "choices: '2.1 - Are ... channel? (Yes / No / Partially)'; three ask for free text and list none. "
             "CONVENTIONS: the id is the number before ' - ' ('2.1'); the question is OneOf(the text after ' - ', the "
             "whole field), the choices in parentheses kept in both (they are part of the text as written); the "
             "allowed answers are the choices the question lists, in order, trimmed ('Yes', 'No', 'Partially'), "
             "source 'options' (per-row choices, as sets 10 and 12 give an options column's; a CSV has no drop-down "
             "and its header names none); a question listing none is free text ([] and None). Sections are the "
             "section records as written. 12 items; three answered.",
    )


# --- 8. the id column at the far right, after a mapping column that looks like one -----------------------------

PARK_FILE = "Whitcombe_Wildlife_Park_keeper_visitor_systems_review.xlsx"
PARK_SHEET = "Park Systems Review"
PARK_HEADER = {"A": "Question", "B": "Response", "C": "Comments", "D": "Evidence", "E": "Standard clause",
               "F": "Question ID"}
PARK_ROLES = {"A": "question", "B": "answer", "C": "comment", "D": "evidence", "F": "id"}
PARK_HEADER_ROW = 4
PARK_PORTAL = "https://questions.whitcombe-park.example/q/"
PARK_NOTE = ("Question IDs link to the park's question portal, where earlier answers and any follow-up questions are "
             "kept.")
#: (section, [(question id, question, standard clause, existing answer, existing comment, existing evidence)])
PARK_SECTIONS: list[tuple[str, list[tuple[str, str, str, str | None, str | None, str | None]]]] = [
    ("Animal records", [
        ("WP-101", "Is each animal's medication record signed off by the keeper who gave the dose?", "AR 2.1", None,
         None, None),
        ("WP-102", "Can keepers record observations on tablets in enclosures where there is no mobile signal?",
         "AR 2.1", "Yes", None, "Offline mode release notes"),
        ("WP-103", "Are breeding-programme records shared with other collections only through the studbook keeper's "
                   "account?", "AR 3.4", None, None, None),
        ("WP-104", "Is the location of the antivenom for each venomous species recorded in the system and checked "
                   "monthly?", "AR 3.4", None, None, None),
        ("WP-105", "Are records of animal escapes and near misses locked against editing once they are closed?",
         "AR 5.0", None, None, None),
    ]),
    ("Visitor systems", [
        ("WP-106", "Are annual pass photographs deleted when a pass has not been renewed within three months?",
         "VS 1.2", None, None, None),
        ("WP-107", "Is the online ticket shop protected by a web application firewall?", "VS 1.2", None, None, None),
        ("WP-108", "Are the visitor Wi-Fi hotspots kept apart from the network used by the keepers' systems?",
         "VS 4.1", "Partly", "Separate network at the entrance; shared at the cafe.", None),
        ("WP-109", "Are car registration numbers read by the car park cameras deleted after thirty days?", "VS 4.1",
         None, None, None),
        ("WP-110", "Are school booking contacts' details removed once the visit has been invoiced and paid?",
         "VS 4.1", None, None, None),
    ]),
    ("Support and hosting", [
        ("WP-111", "Do you test restoring the keeper records database from backup at least twice a year?", "SH 1.0",
         None, None, None),
        ("WP-112", "Are the park's administrator passwords for your systems changed whenever an engineer who knew "
                   "them leaves your company?", "SH 1.0", None, None, None),
        ("WP-113", "Is the keeper records system covered by your out-of-hours support during the park's winter "
                   "closure?", "SH 2.2", None, None, None),
    ]),
]


def id_column_right_of_question(folder: Path) -> Layout:
    name = "id_column_right_of_question"
    wb = Workbook()
    ws = wb.active
    ws.title = PARK_SHEET
    caption(ws, "A1", "Whitcombe Wildlife Park – Keeper Records and Visitor Systems: Supplier Review", "A1:F1")
    small_print(ws, "A2", "Standard clause shows where each question comes from in the park's own IT standard.",
                "A2:F2")
    heading_row(ws, PARK_HEADER_ROW, PARK_HEADER, paint="slate")
    items: list[ExpectedItem] = []
    cells: list[int] = []
    row = PARK_HEADER_ROW
    for section, questions in PARK_SECTIONS:
        row += 1
        band_row(ws, row, section, "A", "F", paint="cyan")
        for id_, question, clause, existing, remark, evidence in questions:
            row += 1
            body_row(ws, row, {"A": question, "B": existing, "C": remark, "D": evidence, "E": clause, "F": id_},
                     "ABCDEF")
            ws[f"E{row}"].font = GREY_FONT
            ws[f"F{row}"].hyperlink = PARK_PORTAL + id_
            ws[f"F{row}"].font = LINK_FONT
            _input(ws, f"B{row}")
            cells.append(row)
            items.append(expect(PARK_SHEET, row, question, "B", id_, comment="C", evidence="D", allowed=PARK_CHOICES,
                                existing=existing, existing_comment=remark, section=[section]))
    list_validation(ws, PARK_CHOICES, *_runs(cells, "B"))
    row += 2
    small_print(ws, f"A{row}", PARK_NOTE, f"A{row}:F{row}")
    _decoy(name, PARK_SHEET, row, "a note under the table")
    col_widths(ws, A=72, B=14, C=38, D=26, E=12, F=12)
    ws.freeze_panes = f"B{PARK_HEADER_ROW + 1}"
    path = store(wb, folder, PARK_FILE)
    return Layout(
        name=name,
        path=path,
        format="xlsx",
        sheets=[sheet_of(PARK_SHEET, PARK_HEADER_ROW, dict(PARK_ROLES))],
        items=items,
        note="Header on row 4: 'Question' (A), 'Response' (answer B, drop-down Yes/No/Partly/Not applicable, source "
             "validation), 'Comments' (C), 'Evidence' (D), 'Standard clause' (E: the park's own mapping, 'AR 2.1', "
             "'VS 4.1' ..., the same clause on several rows, grey), 'Question ID' (F, the LAST column: 'WP-101' ... "
             "'WP-113', each cell a hyperlink to the park's question portal); three band rows; a note under the "
             "table. CONVENTION: the id is the 'Question ID' cell wherever the column stands (here right of "
             "everything else); the mapping clause, nearer the question and id-like, has no role and is never the "
             "id; the hyperlink adds nothing (the id is the text shown). The note is not an item. 13 items; two "
             "already answered.",
    )


# --- the registry ---------------------------------------------------------------------------------------

HELDOUT17_LAYOUTS: list[Callable[[Path], Layout]] = [
    id_prefixed_question_text,
    id_line_break_question_cell,
    id_split_domain_and_number,
    dotted_roman_lettered_ids,
    title_column_beside_question,
    no_ids_numbered_sections_only,
    csv_id_question_one_field,
    id_column_right_of_question,
]

#: The same builders by layout name (the form `bench/layout_bench.py` takes for a group).
HELDOUT17_BY_NAME: dict[str, Callable[[Path], Layout]] = {b.__name__: b for b in HELDOUT17_LAYOUTS}


# --- self-check -----------------------------------------------------------------------------------

_READS_LIKE = re.compile(r"^(.*)!row (\d+): reads like an item but is neither an item nor a decoy$")

#: Complaints of the imported checks that this file replaces with a check of its own, per layout (besides rows
#: registered in DECOYS17). None are needed: what they cannot read is handled by `_views`.
REPLACED: dict[str, list[tuple[re.Pattern[str], str]]] = {}


def _is_replaced(layout: Layout, problem: str) -> bool:
    if any(pattern.search(problem) for pattern, _ in REPLACED.get(layout.name, [])):
        return True
    match = _READS_LIKE.match(problem)
    return bool(match and (match.group(1), int(match.group(2))) in DECOYS17.get(layout.name, {}))


def _by_role(sheet: ExpectedSheet) -> dict[str, str]:
    return {role: letter for letter, role in sheet.columns.items()}


def _records(layout: Layout) -> list[list[str]]:
    text = layout.path.read_bytes().decode(layout.encoding or "utf-8")
    return list(csv.reader(io.StringIO(text, newline=""), delimiter=layout.delimiter or ",", strict=True))


def _views(layout: Layout) -> list[Layout]:
    """The layout as the imported checks can read it. They want the question to be one cell's whole text, the id one
    cell's value (or None on a sheet without an id column) and only the sources 'validation', 'header' and 'marks';
    so the view states, wherever the expectation is one of this set's readings of the same cell: the whole cell for
    a question given as OneOf (when the cell is one of its forms; otherwise the first form, so that a wrong question
    stays wrong); the id cell's value for an id given as OneOf or SubId (when it is one of its forms); None for an id
    on a sheet without an id column (an id typed in the question cell, or joined from two cells); and no allowed
    answers for the CSV's per-row choices (source 'options'). The feature checks check every one of those against
    the file."""
    view = copy.deepcopy(layout)
    sheets = {sheet.name: sheet for sheet in layout.sheets}
    records = _records(layout) if layout.csv else None
    wb = None if layout.csv else openpyxl.load_workbook(layout.path)
    for item in view.items:
        roles = _by_role(sheets[item.sheet])

        def value(letter: str) -> Any:
            if records is not None:
                record = records[item.row - 1] if item.row - 1 < len(records) else []
                index = column_index_from_string(letter) - 1
                return record[index] if index < len(record) else None
            return wb[item.sheet][f"{letter}{item.row}"].value

        if isinstance(item.question, OneOf):
            whole = collapse(value(roles["question"]))
            item.question = whole if whole in item.question.options else item.question.options[0]
        if "id" not in roles:
            item.id = None
        elif isinstance(item.id, (OneOf, SubId)):
            shown = value(roles["id"])
            shown = None if shown is None else str(shown)
            if isinstance(item.id, OneOf) and shown in item.id.options:
                item.id = shown
            elif isinstance(item.id, SubId) and shown is not None and shown.rstrip(".").strip("()") == item.id.sub:
                item.id = shown
        if item.allowed_answers_source == "options":
            item.allowed_answers, item.allowed_answers_source = [], None
    return [view]


def _same(got: Any, want: Any) -> bool:
    """Equal; a OneOf matches only a OneOf of the same options (in any order), ANY only ANY (a copy of it too)."""
    if want is ANY or got is ANY:
        return isinstance(got, type(ANY)) and isinstance(want, type(ANY))
    if isinstance(got, OneOf) or isinstance(want, OneOf):
        return (isinstance(got, OneOf) and isinstance(want, OneOf)
                and sorted(map(repr, got.options)) == sorted(map(repr, want.options)))
    return got == want


def _roles_problems(sheet: ExpectedSheet, header_row: int, roles: dict[str, str]) -> list[str]:
    if sheet.header_row != header_row or sheet.columns != roles:
        return [f"{sheet.name}: header row {sheet.header_row} / roles {sheet.columns}, expected {header_row} / {roles}"]
    return []


def _item17(wb: Any, ws: Any, item: ExpectedItem, columns: dict[str, str], *, question: Any, id_: Any,
            choices: list[str], section: Any, guidance: Any = None) -> list[str]:
    """An item of a table row against what its row holds: its cells in the roles' columns on its row; its question,
    id, section and guidance as the feature check read them from the file; its allowed answers the one list
    drop-down over its answer cell (`choices`, or none at all when `choices` is empty); its existing answer and
    comment those cells' texts."""
    problems: list[str] = []
    where = f"{item.sheet}!row {item.row}"
    roles = {role: letter for letter, role in columns.items()}
    for role, reference in (("answer", item.answer_cell), ("comment", item.comment_cell),
                            ("evidence", item.evidence_cell)):
        want = ref(item.sheet, roles[role], item.row) if role in roles else None
        if reference != want:
            problems.append(f"{where}: {role} cell {reference}, expected {want}")
    for what, got, want in (("question", item.question, question), ("id", item.id, id_),
                            ("section", item.section, section), ("guidance", item.guidance, guidance)):
        if not _same(got, want):
            problems.append(f"{where}: {what} {got!r}, the file says {want!r}")
    found = _validations_over(ws, f"{roles['answer']}{item.row}")
    if choices:
        got = _resolve_list(wb, item.sheet, found[0].formula1) if len(found) == 1 else None
        if got != choices or item.allowed_answers != choices or item.allowed_answers_source != "validation":
            problems.append(f"{where}: allowed answers {item.allowed_answers} ({item.allowed_answers_source}), the "
                            f"drop-down gives {got}, expected {choices}")
    elif found or item.allowed_answers or item.allowed_answers_source is not None:
        problems.append(f"{where}: a drop-down or allowed answers on a free-text row")
    if item.existing_answer != ws[f"{roles['answer']}{item.row}"].value:
        problems.append(f"{where}: existing answer {item.existing_answer!r} differs from the cell")
    comment = ws[f"{roles['comment']}{item.row}"].value if "comment" in roles else None
    if item.existing_comment != comment:
        problems.append(f"{where}: existing comment {item.existing_comment!r} differs from the cell")
    return problems


def _walk17(ws: Any, layout: Layout, sheet_name: str, question: str, first: int, last: int, bands: dict[int, str],
            *, min_bands: int = 0) -> list[str]:
    """Rows first..last: a registered decoy is no item; a band row (of `bands`) is no item; every other row with
    text in the question column, or a cell ending in '?', must be an item."""
    problems: list[str] = []
    decoys = DECOYS17.get(layout.name, {})
    items = {item.row for item in layout.items if item.sheet == sheet_name}
    for row in range(first, last + 1):
        if (sheet_name, row) in decoys or row in bands:
            if row in items:
                problems.append(f"{sheet_name}!row {row}: a decoy or band row taken for an item")
        elif row not in items and (isinstance(ws[f"{question}{row}"].value, str)
                                   or any(isinstance(c.value, str) and c.value.rstrip().endswith("?")
                                          for c in ws[row])):
            problems.append(f"{sheet_name}!row {row}: a question-like row that is neither an item, a band nor a decoy")
    if len(bands) < min_bands:
        problems.append(f"{sheet_name}: fewer than {min_bands} band rows")
    return problems


def _section_of(row: int, bands: dict[int, str]) -> list[str]:
    """The band above `row` ([] before any)."""
    above = [r for r in bands if r < row]
    return [bands[max(above)]] if above else []


def _answered(layout: Layout, want: int) -> list[str]:
    count = sum(item.existing_answer is not None for item in layout.items)
    return [] if count == want else [f"{count} rows already answered, the layout wants {want}"]


def _sheets_problems(layout: Layout, wb: Any, want: list[str]) -> list[str]:
    if wb.sheetnames != want or [s.name for s in layout.sheets] != want \
            or any(s.status != "questionnaire" for s in layout.sheets):
        return [f"sheets {wb.sheetnames} / {[(s.name, s.status) for s in layout.sheets]}, expected {want}"]
    return []


def _read_prefix(text: str) -> tuple[str, str, str] | None:
    """(form, id, rest) of a question cell that starts with its reference in one of PREFIX_FORMS, or None. Exactly
    one form must read it."""
    found = [(form, m.group("id"), m.group("rest")) for form, (_, pattern) in PREFIX_FORMS.items()
             if (m := pattern.fullmatch(text))]
    return found[0] if len(found) == 1 else None


# --- one check per layout of the feature it exercises ---------------------------------------------


def _feature_prefixed(layout: Layout) -> list[str]:
    problems: list[str] = []
    wb = openpyxl.load_workbook(layout.path)
    problems += _sheets_problems(layout, wb, [GARDEN_MAIN, GARDEN_ADDED])
    for sheet in layout.sheets:
        ws = wb[sheet.name]
        problems += _roles_problems(sheet, GARDEN_HEADER_ROW, GARDEN_ROLES)
        problems += _header_problems(ws, GARDEN_HEADER_ROW, GARDEN_HEADER)
        if ws.max_column != 3:
            problems.append(f"{sheet.name}: {ws.max_column} columns; the sheet wants no id column")
        bands = {r: t for r, t in _band_rows(ws).items() if r > GARDEN_HEADER_ROW}
        forms: dict[str, int] = {}
        for item in (i for i in layout.items if i.sheet == sheet.name):
            text = ws[f"A{item.row}"].value
            read = _read_prefix(text) if isinstance(text, str) else None
            if read is None:
                problems.append(f"{sheet.name}!row {item.row}: the question cell does not start with one reference")
                continue
            form, id_, rest = read
            forms[form] = forms.get(form, 0) + 1
            problems += _item17(wb, ws, item, sheet.columns, question=_either(rest, text), id_=id_,
                                choices=GARDEN_CHOICES, section=_section_of(item.row, bands))
            if item.id != id_ or any(mark in str(item.id) for mark in "[]():– "):
                problems.append(f"{sheet.name}!row {item.row}: id {item.id!r}, the reference is {id_!r}")
        if sheet.name == GARDEN_MAIN and set(forms) != {"dotted"}:
            problems.append(f"{sheet.name}: forms {forms}, the sheet wants only '1.2 ...'")
        if sheet.name == GARDEN_ADDED and (len(forms) < 4 or min(forms.values()) < 2):
            problems.append(f"{sheet.name}: forms {forms}, the sheet wants four forms, two questions each")
        problems += _walk17(ws, layout, sheet.name, "A", GARDEN_HEADER_ROW + 1, ws.max_row, bands, min_bands=3)
    problems += _answered(layout, 3)
    return problems


def _feature_line_break(layout: Layout) -> list[str]:
    problems: list[str] = []
    wb = openpyxl.load_workbook(layout.path)
    sheet = _one_sheet(layout)
    ws = wb[sheet.name]
    problems += _sheets_problems(layout, wb, [DENTAL_SHEET])
    problems += _roles_problems(sheet, DENTAL_HEADER_ROW, DENTAL_ROLES)
    problems += _header_problems(ws, DENTAL_HEADER_ROW, DENTAL_HEADER)
    bands = {r: t for r, t in _band_rows(ws).items() if r > DENTAL_HEADER_ROW}
    blank = spaced = two_lines = 0
    for item in layout.items:
        text = ws[f"A{item.row}"].value
        first, newline, rest = text.partition("\n")
        if not newline or not re.fullmatch(r"[A-Z]{2}\.\d+", first.strip()) or not rest.strip():
            problems.append(f"row {item.row}: the cell is not a reference line over a question")
            continue
        blank += rest.startswith("\n")
        spaced += first != first.strip()
        two_lines += "\n" in rest.strip("\n")
        problems += _item17(wb, ws, item, sheet.columns, question=_either(rest, text), id_=first.strip(),
                            choices=DENTAL_CHOICES, section=_section_of(item.row, bands))
        if not ws[f"A{item.row}"].alignment.wrap_text:
            problems.append(f"row {item.row}: the question cell does not wrap, so its two lines would not show")
    if not (blank >= 2 and spaced >= 2 and two_lines >= 1):
        problems.append(f"{blank} empty lines after the reference, {spaced} spaces before the break, {two_lines} "
                        "two-line questions; the layout wants 2, 2 and 1")
    problems += _walk17(ws, layout, sheet.name, "A", DENTAL_HEADER_ROW + 1, ws.max_row, bands, min_bands=3)
    problems += _answered(layout, 2)
    return problems


def _feature_split_ids(layout: Layout) -> list[str]:
    problems: list[str] = []
    wb = openpyxl.load_workbook(layout.path)
    problems += _sheets_problems(layout, wb, [FREIGHT_APP, FREIGHT_DEPOT])
    app, depot = layout.sheets
    ws, ws2 = wb[FREIGHT_APP], wb[FREIGHT_DEPOT]
    problems += _roles_problems(app, FREIGHT_HEADER_ROW, FREIGHT_APP_ROLES)
    problems += _roles_problems(depot, FREIGHT_HEADER_ROW, FREIGHT_DEPOT_ROLES)
    problems += _header_problems(ws, FREIGHT_HEADER_ROW, FREIGHT_APP_HEADER)
    problems += _header_problems(ws2, FREIGHT_HEADER_ROW, FREIGHT_DEPOT_HEADER)
    if f"A{FREIGHT_HEADER_ROW}:B{FREIGHT_HEADER_ROW}" not in {str(m) for m in ws.merged_cells.ranges}:
        problems.append("'Ref' is not merged over the two cells of the reference")
    # how each sheet tells the supplier to quote a reference: "e.g. HR-2" / "e.g. WM.3"
    joins = []
    for sheet_ws in (ws, ws2):
        match = re.search(r"e\.g\. ([A-Z]{2})([-.])(\d+)\.?$", str(sheet_ws["A2"].value))
        joins.append(match.group(2) if match else None)
    if joins != ["-", "."]:
        problems.append(f"the instructions join code and number with {joins}, the layout wants '-' then '.'")
    numbers: list[int] = []
    for item in (i for i in layout.items if i.sheet == FREIGHT_APP):
        code, number = ws[f"A{item.row}"].value, ws[f"B{item.row}"].value
        if not (isinstance(code, str) and re.fullmatch(r"[A-Z]{2}", code) and isinstance(number, int)):
            problems.append(f"{FREIGHT_APP}!row {item.row}: no domain code and number in A and B")
            continue
        numbers.append(number)
        problems += _item17(wb, ws, item, app.columns, question=collapse(ws[f"C{item.row}"].value),
                            id_=f"{code}{joins[0]}{number}", choices=FREIGHT_CHOICES, section=ANY)
    bands = {r: t for r, t in _band_rows(ws2).items() if r > FREIGHT_HEADER_ROW}
    for item in (i for i in layout.items if i.sheet == FREIGHT_DEPOT):
        number = ws2[f"A{item.row}"].value
        section = _section_of(item.row, bands)
        code = re.match(r"([A-Z]{2}) – ", section[0]) if section else None
        if not isinstance(number, int) or code is None:
            problems.append(f"{FREIGHT_DEPOT}!row {item.row}: no number in A, or no coded band above")
            continue
        numbers.append(number)
        problems += _item17(wb, ws2, item, depot.columns, question=collapse(ws2[f"B{item.row}"].value),
                            id_=f"{code.group(1)}{joins[1]}{number}", choices=FREIGHT_CHOICES, section=section)
    if numbers.count(1) < 4:
        problems.append("the numbers do not restart in each domain and section")
    if len({str(i.id) for i in layout.items}) != len(layout.items):
        problems.append("two items share an id")
    problems += _walk17(ws, layout, FREIGHT_APP, "C", FREIGHT_HEADER_ROW + 1, ws.max_row, {})
    problems += _walk17(ws2, layout, FREIGHT_DEPOT, "B", FREIGHT_HEADER_ROW + 1, ws2.max_row, bands, min_bands=2)
    problems += _answered(layout, 3)
    return problems


def _feature_dotted(layout: Layout) -> list[str]:
    problems: list[str] = []
    wb = openpyxl.load_workbook(layout.path)
    problems += _sheets_problems(layout, wb, [HOUSING_ONE, HOUSING_TWO])
    one, two = layout.sheets
    ws, ws2 = wb[HOUSING_ONE], wb[HOUSING_TWO]
    problems += _roles_problems(one, HOUSING_HEADER_ROW, HOUSING_ROLES)
    problems += _roles_problems(two, HOUSING_HEADER_ROW, HOUSING_ROLES)
    problems += _header_problems(ws, HOUSING_HEADER_ROW, HOUSING_ONE_HEADER)
    problems += _header_problems(ws2, HOUSING_HEADER_ROW, HOUSING_TWO_HEADER)
    items = {item.row: item for item in layout.items if item.sheet == HOUSING_ONE}
    decoys = DECOYS17.get(layout.name, {})
    sections: dict[int, str] = {}
    parent: str | None = None
    letters = lead_ins = 0
    for row in range(HOUSING_HEADER_ROW + 1, ws.max_row + 1):
        label, text = ws[f"A{row}"].value, ws[f"B{row}"].value
        boxed = bool(_validations_over(ws, f"C{row}"))
        if isinstance(label, str) and re.fullmatch(r"\d+\.", label):
            sections[row] = text
            if boxed or ws[f"A{row}"].fill.fgColor.rgb != PAINT[SECTION_FILL].fgColor.rgb or row in items:
                problems.append(f"{HOUSING_ONE}!row {row}: a section row that is not filled, has a box or is an item")
        elif isinstance(label, str) and re.fullmatch(r"\d+\.\d+\.", label) and not boxed:
            lead_ins += 1
            parent = label.rstrip(".")
            if ws[f"C{row}"].fill.fgColor.rgb != GREY.fgColor.rgb or row in items \
                    or (HOUSING_ONE, row) not in decoys:
                problems.append(f"{HOUSING_ONE}!row {row}: the lead-in is not greyed, or is an item, or no decoy")
        elif row in items:
            item = items[row]
            if isinstance(label, str) and re.fullmatch(r"\d+\.\d+\.", label):
                want: Any = OneOf((label, label.rstrip(".")))
            elif isinstance(label, str) and re.fullmatch(r"[a-z]\.", label) and parent is not None:
                want = SubId(parent, label.rstrip("."))
                letters += 1
            else:
                problems.append(f"{HOUSING_ONE}!row {row}: the id cell holds {label!r}")
                continue
            if not label.endswith("."):
                problems.append(f"{HOUSING_ONE}!row {row}: the id has no trailing dot")
            problems += _item17(wb, ws, item, one.columns, question=collapse(text), id_=want,
                                choices=HOUSING_CHOICES, section=_section_of(row, sections))
    if (len(sections), lead_ins, letters) != (2, 1, 3):
        problems.append(f"{len(sections)} section rows, {lead_ins} lead-ins, {letters} lettered rows; the layout wants "
                        "2, 1 and 3")
    bands = {r: t for r, t in _band_rows(ws2).items() if r > HOUSING_HEADER_ROW}
    for item in (i for i in layout.items if i.sheet == HOUSING_TWO):
        label = ws2[f"A{item.row}"].value
        section = _section_of(item.row, bands)
        numeral = re.match(r"([IVX]+)\. ", section[0]) if section else None
        if numeral is None or not re.fullmatch(rf"{numeral.group(1)}\.\d+", str(label)):
            problems.append(f"{HOUSING_TWO}!row {item.row}: the id {label!r} does not carry its band's numeral")
        problems += _item17(wb, ws2, item, two.columns, question=collapse(ws2[f"B{item.row}"].value),
                            id_=str(label), choices=HOUSING_CHOICES, section=section)
    problems += _walk17(ws, layout, HOUSING_ONE, "B", HOUSING_HEADER_ROW + 1, ws.max_row, sections, min_bands=2)
    problems += _walk17(ws2, layout, HOUSING_TWO, "B", HOUSING_HEADER_ROW + 1, ws2.max_row, bands, min_bands=2)
    problems += _answered(layout, 3)
    return problems


def _feature_title_column(layout: Layout) -> list[str]:
    problems: list[str] = []
    wb = openpyxl.load_workbook(layout.path)
    sheet = _one_sheet(layout)
    ws = wb[sheet.name]
    problems += _sheets_problems(layout, wb, [PLAYHOUSE_SHEET])
    problems += _roles_problems(sheet, PLAYHOUSE_HEADER_ROW, PLAYHOUSE_ROLES)
    problems += _header_problems(ws, PLAYHOUSE_HEADER_ROW, PLAYHOUSE_HEADER)
    bands = {r: t for r, t in _band_rows(ws).items() if r > PLAYHOUSE_HEADER_ROW}
    untitled = 0
    for item in layout.items:
        topic, question = ws[f"B{item.row}"].value, ws[f"C{item.row}"].value
        if topic is None:
            untitled += 1
        elif len(topic) > 30 or topic.rstrip().endswith("?") or not ws[f"B{item.row}"].font.b:
            problems.append(f"row {item.row}: the Topic {topic!r} is not a short bold title")
        if not (isinstance(question, str) and question.rstrip().endswith("?")):
            problems.append(f"row {item.row}: the Question cell does not ask")
        problems += _item17(wb, ws, item, sheet.columns, question=collapse(question), id_=ws[f"A{item.row}"].value,
                            choices=PLAYHOUSE_CHOICES, section=_section_of(item.row, bands),
                            guidance=collapse(topic))
    if untitled != 1:
        problems.append(f"{untitled} rows without a Topic, the layout wants 1")
    if len({ws[f"B{i.row}"].value for i in layout.items}) != len(layout.items):
        problems.append("a Topic repeats (it would be a grouping column, not a title per question)")
    problems += _walk17(ws, layout, sheet.name, "C", PLAYHOUSE_HEADER_ROW + 1, ws.max_row, bands, min_bands=3)
    problems += _answered(layout, 2)
    return problems


def _feature_no_ids(layout: Layout) -> list[str]:
    problems: list[str] = []
    wb = openpyxl.load_workbook(layout.path)
    problems += _sheets_problems(layout, wb, [RESCUE_PORTAL, RESCUE_KENNEL])
    portal, kennel = layout.sheets
    ws, ws2 = wb[RESCUE_PORTAL], wb[RESCUE_KENNEL]
    problems += _roles_problems(portal, RESCUE_PORTAL_HEADER_ROW, RESCUE_PORTAL_ROLES)
    problems += _roles_problems(kennel, RESCUE_KENNEL_HEADER_ROW, RESCUE_KENNEL_ROLES)
    problems += _header_problems(ws, RESCUE_PORTAL_HEADER_ROW, RESCUE_PORTAL_HEADER)
    problems += _header_problems(ws2, RESCUE_KENNEL_HEADER_ROW, RESCUE_KENNEL_HEADER)
    if ws.max_column != 3:
        problems.append(f"{RESCUE_PORTAL}: {ws.max_column} columns; the sheet wants no id column")
    opening_numbers = 0
    for item in (i for i in layout.items if i.sheet == RESCUE_PORTAL):
        text = ws[f"A{item.row}"].value
        opening_numbers += bool(re.match(r"\d", text))
        problems += _item17(wb, ws, item, portal.columns, question=collapse(text), id_=None, choices=RESCUE_CHOICES,
                            section=[])
    if opening_numbers < 4:
        problems.append(f"{opening_numbers} questions open with a number, the layout wants 4")
    sections: dict[int, str] = {}
    for row in range(RESCUE_KENNEL_HEADER_ROW + 1, ws2.max_row + 1):
        number = ws2[f"A{row}"].value
        if number is not None:
            if not isinstance(number, int) or _validations_over(ws2, f"C{row}") \
                    or ws2[f"B{row}"].fill.fgColor.rgb != PAINT[SECTION_FILL].fgColor.rgb:
                problems.append(f"{RESCUE_KENNEL}!row {row}: the No. column holds {number!r} off a section row")
            sections[row] = ws2[f"B{row}"].value
    for item in (i for i in layout.items if i.sheet == RESCUE_KENNEL):
        if ws2[f"A{item.row}"].value is not None:
            problems.append(f"{RESCUE_KENNEL}!row {item.row}: a question row with a number")
        problems += _item17(wb, ws2, item, kennel.columns, question=collapse(ws2[f"B{item.row}"].value), id_=None,
                            choices=RESCUE_CHOICES, section=_section_of(item.row, sections))
    if list(range(1, len(sections) + 1)) != [ws2[f"A{r}"].value for r in sorted(sections)] or len(sections) < 3:
        problems.append("the section rows are not numbered 1, 2, 3 ...")
    problems += _walk17(ws, layout, RESCUE_PORTAL, "A", RESCUE_PORTAL_HEADER_ROW + 1, ws.max_row, {})
    problems += _walk17(ws2, layout, RESCUE_KENNEL, "B", RESCUE_KENNEL_HEADER_ROW + 1, ws2.max_row, sections,
                        min_bands=3)
    problems += _answered(layout, 3)
    return problems


def _feature_csv_one_field(layout: Layout) -> list[str]:
    problems: list[str] = []
    raw = layout.path.read_bytes()
    if raw.startswith(b"\xef\xbb\xbf") or raw.count(b"\r\n") != raw.count(b"\n") or not raw.endswith(b"\r\n"):
        problems.append("the file is not UTF-8 without a BOM with CRLF line ends")
    records = _records(layout)
    sheet = layout.sheets[0]
    if len(layout.sheets) != 1 or layout.delimiter != "," or layout.encoding != "utf-8":
        problems.append("the layout does not describe one comma-separated UTF-8 sheet")
    problems += _roles_problems(sheet, BIKE_HEADER_ROW, BIKE_ROLES)
    if records[BIKE_HEADER_ROW - 1] != BIKE_HEADER:
        problems.append(f"header record {records[BIKE_HEADER_ROW - 1]}, expected {BIKE_HEADER}")
    if len({len(record) for record in records}) != 1:
        problems.append("records of differing widths")
    items = {item.row: item for item in layout.items}
    section: list[str] = []
    listed = free = sections = 0
    for row in range(BIKE_HEADER_ROW + 1, len(records) + 1):
        field, answer, comment = records[row - 1]
        if re.fullmatch(r"\d+ - \S.*", field) and not answer and not comment:
            section = [field]
            sections += 1
            if row in items:
                problems.append(f"row {row}: a section record taken for an item")
            continue
        match = re.fullmatch(r"(?P<id>\d+\.\d+) - (?P<rest>\S.*)", field)
        if match is None or row not in items:
            if field:
                problems.append(f"row {row}: a record that is neither an item nor a section")
            continue
        item = items[row]
        where = f"row {row}"
        choices = _choices_in(field)
        listed += bool(choices)
        free += not choices
        for what, got, want in (("question", item.question, _either(match.group("rest"), field)),
                                ("id", item.id, match.group("id")), ("section", item.section, section),
                                ("allowed answers", item.allowed_answers, choices),
                                ("source", item.allowed_answers_source, "options" if choices else None),
                                ("existing answer", item.existing_answer, answer or None),
                                ("existing comment", item.existing_comment, comment or None),
                                ("answer cell", item.answer_cell, ref(sheet.name, "B", row)),
                                ("comment cell", item.comment_cell, ref(sheet.name, "C", row)),
                                ("evidence cell", item.evidence_cell, None), ("guidance", item.guidance, None)):
            if not _same(got, want):
                problems.append(f"{where}: {what} {got!r}, the file says {want!r}")
        if choices and (choices not in BIKE_LISTS or any(c not in field.split("(")[-1] for c in choices)):
            problems.append(f"{where}: the choices {choices} are not a list the question gives")
    if set(items) - {r for r in range(BIKE_HEADER_ROW + 1, len(records) + 1)}:
        problems.append("an item off the file's records")
    if (sections, free) != (3, 3) or listed < 8:
        problems.append(f"{sections} section records, {listed} questions listing choices, {free} free-text; the layout "
                        "wants 3, at least 8 and 3")
    if not any(" / " in item.question.options[1] for item in layout.items if isinstance(item.question, OneOf)):
        problems.append("no question lists its choices with spaces round the slashes")
    problems += _answered(layout, 3)
    return problems


def _feature_id_right(layout: Layout) -> list[str]:
    problems: list[str] = []
    wb = openpyxl.load_workbook(layout.path)
    sheet = _one_sheet(layout)
    ws = wb[sheet.name]
    problems += _sheets_problems(layout, wb, [PARK_SHEET])
    problems += _roles_problems(sheet, PARK_HEADER_ROW, PARK_ROLES)
    problems += _header_problems(ws, PARK_HEADER_ROW, PARK_HEADER)
    if ws.max_column != 6:
        problems.append(f"{ws.max_column} columns: the Question ID column is not the last")
    bands = {r: t for r, t in _band_rows(ws).items() if r > PARK_HEADER_ROW}
    clauses: list[str] = []
    for item in layout.items:
        id_cell = ws[f"F{item.row}"]
        clauses.append(ws[f"E{item.row}"].value)
        if id_cell.hyperlink is None or id_cell.hyperlink.target != PARK_PORTAL + str(id_cell.value):
            problems.append(f"row {item.row}: the id cell is not a link to its question on the portal")
        problems += _item17(wb, ws, item, sheet.columns, question=collapse(ws[f"A{item.row}"].value),
                            id_=id_cell.value, choices=PARK_CHOICES, section=_section_of(item.row, bands))
        if item.id == ws[f"E{item.row}"].value:
            problems.append(f"row {item.row}: the mapping clause taken for the id")
    if sum(clauses.count(c) > 1 for c in set(clauses)) < 4 \
            or not all(re.fullmatch(r"[A-Z]{2} \d\.\d", c) for c in clauses):
        problems.append("the mapping clauses do not repeat like a mapping, or do not look like references")
    ids = [item.id for item in layout.items]
    if len(set(ids)) != len(ids):
        problems.append("the Question IDs are not unique")
    problems += _walk17(ws, layout, sheet.name, "A", PARK_HEADER_ROW + 1, ws.max_row, bands, min_bands=3)
    problems += _answered(layout, 2)
    return problems


FEATURES: dict[str, Callable[[Layout], list[str]]] = {
    "id_prefixed_question_text": _feature_prefixed,
    "id_line_break_question_cell": _feature_line_break,
    "id_split_domain_and_number": _feature_split_ids,
    "dotted_roman_lettered_ids": _feature_dotted,
    "title_column_beside_question": _feature_title_column,
    "no_ids_numbered_sections_only": _feature_no_ids,
    "csv_id_question_one_field": _feature_csv_one_field,
    "id_column_right_of_question": _feature_id_right,
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


def _aimed_mistake(layout: Layout) -> tuple[str, Layout] | None:
    wrong = copy.deepcopy(layout)
    name = layout.name
    if name == "id_prefixed_question_text":
        wb = openpyxl.load_workbook(layout.path)
        for item in wrong.items:
            text = wb[item.sheet][f"A{item.row}"].value
            item.id = text[: len(text) - len(_read_prefix(text)[2])].strip()
        return "the references kept with their brackets, colons, dashes and parentheses", wrong
    if name == "id_line_break_question_cell":
        for item in wrong.items:
            item.question = collapse(str(item.id))
        return "the reference line taken for the question", wrong
    if name == "id_split_domain_and_number":
        for item in wrong.items:
            item.id = re.split(r"[-.]", str(item.id))[-1]
        return "the bare number taken for the id", wrong
    if name == "dotted_roman_lettered_ids":
        wb = openpyxl.load_workbook(layout.path)
        for item in wrong.items:
            if isinstance(item.id, SubId):
                item.id = wb[item.sheet][f"A{item.row}"].value
        return "the lettered rows given the bare letter as id", wrong
    if name == "title_column_beside_question":
        wb = openpyxl.load_workbook(layout.path)
        for item in wrong.items:
            topic = wb[item.sheet][f"B{item.row}"].value
            if topic:
                item.question, item.guidance = topic, None
        return "the Topic taken for the question", wrong
    if name == "no_ids_numbered_sections_only":
        for item in wrong.items:
            if item.sheet == RESCUE_KENNEL:
                number = next(n for n, title, _ in RESCUE_KENNEL_SECTIONS if [title] == item.section)
                item.id = str(number)
        return "the section's number taken for its questions' id", wrong
    if name == "csv_id_question_one_field":
        for item in wrong.items:
            item.allowed_answers, item.allowed_answers_source = [], None
        return "the choices listed in the questions ignored", wrong
    if name == "id_column_right_of_question":
        wb = openpyxl.load_workbook(layout.path)
        for item in wrong.items:
            item.id = wb[item.sheet][f"E{item.row}"].value
        return "the mapping clause taken for the id", wrong
    return None


# --- running the set ----------------------------------------------------------------------------------


def self_check(verbose: bool = True) -> int:
    """Writes every file of this set into a temporary folder and checks its expectations (with heldout_layouts6's
    runner, which also compares the questions with sets 6 to 16); returns the number of problems (0 when every
    layout is described by its expectations, every deliberate mistake is caught and nothing repeats an earlier
    set)."""
    return _run_set(17, HELDOUT17_LAYOUTS, check_layout, _aimed_mistake,
                    later=((6, "sixth", HELDOUT6_LAYOUTS), (7, "seventh", HELDOUT7_LAYOUTS),
                           (8, "eighth", HELDOUT8_LAYOUTS), (9, "ninth", HELDOUT9_LAYOUTS),
                           (10, "tenth", HELDOUT10_LAYOUTS), (11, "eleventh", HELDOUT11_LAYOUTS),
                           (12, "twelfth", HELDOUT12_LAYOUTS), (13, "thirteenth", HELDOUT13_LAYOUTS),
                           (14, "fourteenth", HELDOUT14_LAYOUTS), (15, "fifteenth", HELDOUT15_LAYOUTS),
                           (16, "sixteenth", HELDOUT16_LAYOUTS)),
                    formats=("xlsx", "csv"), one_item_per_row=True, items_per_file=(8, 20), verbose=verbose)


if __name__ == "__main__":
    sys.exit(1 if self_check() else 0)
