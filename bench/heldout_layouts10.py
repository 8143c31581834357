#!/usr/bin/env python3
"""Tenth held-out set of synthetic questionnaires for `bench/layout_bench.py`: questionnaires
exported from platforms and saved by programs other than Excel.

Written on 2026-12-07 by a helper that did not see the detector's code, its tests, its documentation
or the bench's README. It saw only: all of bench/heldout_layouts9.py and bench/heldout_layouts8.py
(the models for this file); the docstrings, style and checking helpers and self-check machinery of
bench/heldout_layouts.py, bench/heldout_layouts4.py, bench/heldout_layouts5.py,
bench/heldout_layouts6.py and bench/heldout_layouts7.py (whose helpers this file imports), with a few
of their builders read to keep clear of them (the first set's two CSV exports, h14 and h15; the
fourth set's table_object_prior_year and bom_crlf_quoted_csv and the first lines of
abbreviated_headers_whole_column; the seventh set's question_as_answer_heading and the last lines of
domain_tabs_applicability_column); the types and small helpers at the top of
Tests/oracle/questionnaire_layouts.py, up to its first builder; the module docstring of
bench/layout_bench.py (which records the earlier sets' blind runs); a listing of the top-level names
of these files; and, by accident, the subjects of the last three commits (`git log --oneline`).
Nothing is copied from a real or published template or product: every sheet, heading, question,
answer list, platform and company name was written for this set.

Many questionnaires reach a vendor not as a hand-made spreadsheet but as an EXPORT from a
procurement, GRC or third-party-risk platform, or saved by a program other than Excel. The eight
files cover that:

- tprm_platform_flat_export: a third-party-risk platform's flat export, one row per question from
  A1, with machine-ish columns ("Question ID" holding numbers, "Section Name", "Sub-Section",
  "Question Text", "Response Type", "Response Options", "Response", "Response Comment", "Attachment
  Required", "Weight", "Last Updated By"), an AutoFilter and a second "Export Info" sheet. The
  allowed answers are written per row as TEXT in "Response Options" ("Yes;No;N/A", "Yes | No | Not
  Applicable", "Yes;No;In Progress;N/A"), with no drop-down anywhere; "Text" rows leave the options
  cell empty;
- rfx_csv_multiline_export: a procurement suite's "RFx" export as a UTF-8 CSV (no BOM, CRLF between
  records): a block of key/value records ("Event ID", "Buyer", "Response Due", ...) and a blank
  record before the header, questions holding line breaks (LF) inside quoted fields (bullet and
  numbered lists), a blank record and a trailing summary record ("Total questions: 15", ...);
- split_hierarchical_ids: a GRC platform's export where every question carries its id in parts,
  "Domain Code" ("AC") and "Question No." (the number 3, restarting at 1 in every domain), with the
  joined display id in a third column, "Question Ref" ("TPRM-AC-003"); a two-line export banner
  above the header; a "Domain" name column;
- inline_strings_plain_export: a workbook written by a reporting program, not Excel: every value,
  numbers included, stored as an inline string ("2.10", a weight "3"); no styles part, no theme,
  no shared strings, no column widths; a plain header (nothing bold); section rows that are only
  a whole-number "Item No" and a title; a drop-down on the answer cells;
- conditional_follow_up_rows: a portal export with conditional follow-up questions: "If Yes, state
  ...", "If No, explain ..." rows whose "Parent Question ID" names the parent and whose "Display
  Condition" says when the portal shows them; each follow-up has its own id and answer cell, some
  free text, some with their own drop-down (Yes/No, or a frequency list);
- previous_response_prefilled: a reassessment export whose "Previous Response" and "Previous
  Comments" columns hold last year's answers (grey, prefilled by the platform) beside the empty
  "Response" (with the drop-down) and "Comments" columns; two questions new this year have no
  previous response;
- title_and_detail_columns: a question-library export whose question is split into "Question" (a
  short title, "Encryption at rest") and "Question Detail" (the full text that asks), with choices
  in the answer header "Answer (Yes/No/N/A)", "Remarks" and "Supporting Document";
- sharepoint_list_table_export: a SharePoint list exported to Excel: an Excel Table object (header
  row, banded rows) from A1 whose built-in "Title" column, never renamed, holds the questions, a
  "Ref" column, and six HIDDEN metadata columns at the end ("ID", "Content Type", "Modified",
  "Created By", "Item Type", "Path"); the list's choice column "Response" is exported as plain text
  (no drop-down).

Expectations follow the conventions stated in bench/heldout_layouts.py and sets 4 to 9:

- an item is a row holding a question (or a requirement to respond to) whose answer goes in a
  cell; titles, export banners, metadata blocks, instructions, legends, section rows, repeated
  headers, totals and summary lines are not items;
- ids are the questionnaire's own, as displayed (a number 20411 is "20411");
- answer, comment and evidence cells are absolute references on the item's row; allowed answers
  are the drop-down's values in order, exactly as written (source "validation"), or the choices
  written in the answer column's header parentheses (source "header"); free text has [] and source
  None;
- `question` is the cell's text with whitespace collapsed (`collapse`);
- `section` is the path of plain section heading rows, outermost first, [] where the sheet has none,
  and ANY where the grouping is a column;
- `guidance` is the guidance column's text where the sheet has one (None on a row whose guidance
  cell is empty), None where it has none.

Conventions this set had to decide (each layout's `note` repeats its own):

- LAYOUT 1 (tprm_platform_flat_export), allowed answers written per row as text. CHANGED AFTER THE
  BLIND RUN (by the tool's author, once the set was tuned): the tool now reads such a column as each
  row's allowed answers, source "options", and the truth below expects that; what follows is the
  blind run's convention, kept for the record: the bench had no source for them. "validation" means the answer cell's drop-down and "header" the answer heading's
  parentheses; the "Response Options" text is another column of the row, the platform's record of
  what its own form offered, which the file does not enforce (the Response cell accepts any text).
  So the allowed answers are [] with source None on EVERY row, choice rows included, and "Response
  Options" and "Response Type" have no role. The other machine columns ("Attachment Required", a
  flag, not an evidence cell; "Weight"; "Last Updated By") have no role; "Section Name" and
  "Sub-Section" repeat on every row (grouping columns: section ANY); the numeric "Question ID" is the
  id as displayed; the "Export Info" sheet is ignored;
- a CSV whose quoted fields hold line breaks is read as records: an item's `row` is the number of
  its RECORD in the file (as Excel numbers rows when it opens the file: one row per record), not of
  the physical line it starts on, so every item below a multi-line question has a row smaller than
  its line number; its question is the field with whitespace collapsed (the line breaks and list
  markers' spacing become single spaces). The key/value records, blank records and the trailing
  summary record are not items; the header row is the header record's number;
- a hierarchical id given in parts and joined: the joined display id ("Question Ref",
  "TPRM-AC-003") is the id; "Domain Code" and "Question No." are its parts and have no role
  ("Question No." restarts in every domain, so it identifies no item on its own); the "Domain"
  column is grouping (section ANY);
- a workbook stored with inline strings only, no styles and no theme is read like any other:
  numbers written as text are ids as written ("2.10" stays "2.10", never "2.1"); a row whose "Item
  No" is a whole number ("2") with a short title in the question column and nothing in the answer,
  comment and weight cells (and no drop-down) is a section heading row, and its items' section is
  [title] (the title as written, its number not included);
- conditional follow-ups ("If Yes, ...", "Parent Question ID" filled) are items like their parents:
  each has its own id (from "Question ID", never the parent's) and its own answer cell; its allowed
  answers are its own drop-down's values or [] for free text; "Parent Question ID" and "Display
  Condition" have no role, and a follow-up is an item whatever its parent's current answer;
- prefilled previous answers: the answer column is "Response" (empty on every row, so
  `existing_answer` is None on every item) and the comment column "Comments" (empty too); "Previous
  Response" and "Previous Comments" have no role and their values are never existing answers or
  comments; a question new this year (no previous response) is an item like the rest;
- LAYOUT 7 (title_and_detail_columns), a question split into "Question" (short title) and "Question
  Detail" (full text): the item's question is the "Question Detail" text, the one that asks and that
  an answer responds to ("Encryption at rest" asks nothing); the short "Question" title is the
  guidance column (requester's text that helps place the question), so every item's guidance is its
  title, collapsed; the allowed answers are the header's ["Yes", "No", "N/A"] (source "header"; "N/A"
  is one choice, as in sets 6 and 8);
- a SharePoint list export: the built-in "Title" column holding the questions is the question
  column; the questionnaire's own "Ref" is the id, not SharePoint's "ID" (a list-item number with
  gaps); the hidden metadata columns have no role; the choice column exported as text has no
  drop-down, so its items are free text ([] and source None); the Table's header row is the header
  row.

Run `python bench/heldout_layouts10.py` to write every file into a temporary folder and check, with
openpyxl, zipfile and the csv module alone (the checks of bench/heldout_layouts.py,
bench/heldout_layouts4.py, bench/heldout_layouts5.py and bench/heldout_layouts6.py, imported, plus
one check per layout of the feature it exercises), that the expectations describe the files, that
deliberate mistakes (the imported ones: an answer column shifted either way, a dropped item, an item
off by one row; and one per layout aimed at its feature) are caught, and that no sheet name or
question repeats (or nearly repeats) one of the tuned layouts or of the nine earlier held-out sets.

Where the imported checks cannot see a feature, this file says so and checks it itself: their
heading patterns take "Response Comment" (tprm_platform_flat_export) for an answer heading, and want
a question word over the question column, so their complaints about "Response Comment" and about
SharePoint's "Title" (sharepoint_list_table_export) are replaced by those layouts' feature checks,
which check the headings; they compare a CSV item's question with the raw field, line breaks
included, and want records of one width, so for rfx_csv_multiline_export their complaints that a
question is not a field of its record and that records differ in width are replaced by that layout's
check (every question is its field collapsed; the table's records are of one width and the metadata
records are key/value pairs).

openpyxl 3.1 writes every string as an inline string itself, so every earlier openpyxl-built file
holds inline strings too; what inline_strings_plain_export adds is that nothing else is stored: no
numbers, no styles part, no theme, a plain header. Its builder strips the saved package with zipfile
and its feature check reads the package parts.

From bench/heldout_layouts6.py this file imports, as sets 7, 8 and 9 do, the self-check machinery:
`_run_set` (sets 6, 7, 8 and 9 are passed as the later sets, so that the questions are compared with
theirs too), the parts of `check_layout` (`_imported_problems`, `_feature_problems`,
`_order_problems`) and `_role`; from bench/heldout_layouts9.py `_only_sheet`, `_drop_down_problems`
and `_walk`; from bench/heldout_layouts7.py `_records`; from bench/heldout_layouts4.py the style
helpers and `expect`; from bench/heldout_layouts.py `collapse`, `split_ref` and `_validations_over`.
"""

from __future__ import annotations

import copy
import csv
import io
import re
import sys
import zipfile
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
from openpyxl.styles import Alignment, Font, PatternFill  # noqa: E402
from openpyxl.utils.cell import column_index_from_string, get_column_letter, range_boundaries  # noqa: E402
from openpyxl.worksheet.table import Table, TableStyleInfo  # noqa: E402

from heldout_layouts import _validations_over, collapse, split_ref  # noqa: E402
from heldout_layouts4 import (  # noqa: E402
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
from heldout_layouts8 import HELDOUT8_LAYOUTS  # noqa: E402
from heldout_layouts9 import (  # noqa: E402
    HELDOUT9_LAYOUTS,
    _drop_down_problems,
    _only_sheet,
    _walk,
)
from questionnaire_layouts import (  # noqa: E402
    ANY,
    ExpectedSheet,
    Layout,
    list_validation,
    ref,
)

# --- this set's answer lists and looks ----------------------------------------------------------------

SPLIT_CHOICES = ["Yes", "No", "Partially", "Not Applicable"]
PLAIN_CHOICES = ["Yes", "No", "Partial", "N/A"]
YES_NO = ["Yes", "No"]
AUDIT_FREQUENCY = ["Monthly", "Quarterly", "Annually", "Never"]
HR_CHOICES = ["Yes", "No", "Partially", "Not applicable"]
LIBRARY_CHOICES = ["Yes", "No", "N/A"]

EXPORT_HEAD = Font(name="Calibri", bold=True, size=11)
EXPORT_BODY = Font(name="Calibri", size=11)
EXPORT_FILL = PatternFill("solid", fgColor="D9D9D9")
TEAL_HEAD = Font(name="Arial", bold=True, size=10, color="FFFFFF")
TEAL_FILL = PatternFill("solid", fgColor="0E6E6E")
ARIAL = Font(name="Arial", size=10)
PREVIOUS_FONT = Font(name="Verdana", italic=True, size=9, color="7F7F7F")
FOLLOW_UP = Alignment(wrap_text=True, vertical="top", indent=2)


def _is_any(value: Any) -> bool:
    """True for ANY, or a deep copy of it."""
    return isinstance(value, type(ANY))


def _headings(ws: Any, row: int) -> dict[str, str]:
    """Heading text -> column letter on `row`."""
    return {c.value: c.column_letter for c in ws[row] if isinstance(c.value, str)}


def _every_row_an_item(ws: Any, layout: Layout, sheet: ExpectedSheet, skip: set[int] = frozenset()) -> list[str]:
    """In a flat export every row below the header (but `skip`) is an item."""
    rows = {item.row for item in layout.items if item.sheet == sheet.name}
    want = set(range(sheet.header_row + 1, ws.max_row + 1)) - set(skip)
    problems = [f"row {row}: a row of the export that is not an item" for row in sorted(want - rows)]
    problems += [f"row {row}: an item outside the export's rows" for row in sorted(rows - want)]
    return problems


# --- 1. a third-party-risk platform's flat export: options written per row as text ----------------------

TPRM_SHEET = "Assessment Export"
TPRM_INFO = "Export Info"
TPRM_HEADER = ["Question ID", "Section Name", "Sub-Section", "Question Text", "Response Type", "Response Options",
               "Response", "Response Comment", "Attachment Required", "Weight", "Last Updated By"]
TPRM_SELECT, TPRM_TEXT = "Single Select", "Text"
#: (id, section, sub-section, question, type, options, response, comment, attachment required, weight, updated by)
TPRM_ROWS: list[tuple[int, str, str, str, str, str, str | None, str | None, str, int, str]] = [
    (20411, "Information Security Program", "Policy",
     "Is your information security policy reviewed and re-approved by management at least every twelve months?",
     TPRM_SELECT, "Yes;No;N/A", "Yes", "Last approved by the executive committee on 19 November 2026.", "Yes", 5,
     "k.ibarra@corvane.example"),
    (20412, "Information Security Program", "Policy",
     "Describe how exceptions to your security policies are requested, approved, time-limited and tracked.",
     TPRM_TEXT, "", None, None, "No", 3, "system"),
    (20415, "Information Security Program", "Risk Management",
     "Does your organization complete a documented review of information security risks, with a treatment plan, "
     "every year?",
     TPRM_SELECT, "Yes | No | Not Applicable", None, None, "Yes", 4, "system"),
    (20431, "Access Management", "Identity",
     "Is multi-factor authentication required for every workforce login to email and collaboration suites?",
     TPRM_SELECT, "Yes;No;N/A", None, None, "No", 5, "system"),
    (20432, "Access Management", "Identity",
     "Are service accounts inventoried, given a named owner and barred from interactive sign-in?",
     TPRM_SELECT, "Yes;No;In Progress;N/A", None, None, "No", 3, "system"),
    (20436, "Access Management", "Privileged Access",
     "Are privileged actions on production databases logged to a store that administrators themselves cannot "
     "alter?", TPRM_SELECT, "Yes | No | Not Applicable", None, None, "Yes", 4, "system"),
    (20437, "Access Management", "Privileged Access",
     "How many of your employees currently hold administrative rights in the production environment?",
     TPRM_TEXT, "", None, None, "No", 2, "system"),
    (20450, "Data Security", "Encryption",
     "Are client files protected with TLS 1.2 or higher whenever they cross a public network?",
     TPRM_SELECT, "Yes;No;N/A", None, None, "No", 4, "system"),
    (20451, "Data Security", "Encryption",
     "Which key management service or hardware module protects the keys that encrypt client data at rest?",
     TPRM_TEXT, "", "A cloud KMS with customer-managed keys, rotated yearly; root keys held in an HSM.", None, "No",
     3, "k.ibarra@corvane.example"),
    (20455, "Data Security", "Retention",
     "Is client data purged from production and backup systems within a defined period after the contract "
     "ends?", TPRM_SELECT, "Yes;No;In Progress;N/A", None, None, "Yes", 4, "system"),
    (20470, "Vulnerability Management", "Scanning",
     "Are authenticated vulnerability scans run against every internet-facing host at least monthly?",
     TPRM_SELECT, "Yes | No | Not Applicable", None, None, "Yes", 4, "system"),
    (20472, "Vulnerability Management", "Patching",
     "What is your target time to remediate a vulnerability rated critical on an exposed system?",
     TPRM_TEXT, "", None, None, "No", 3, "system"),
    (20474, "Vulnerability Management", "Testing",
     "Has an independent firm penetration-tested the in-scope application during the past twelve months?",
     TPRM_SELECT, "Yes | No | Not Applicable", "No", "Next test booked with an outside firm for April 2027.",
     "Yes", 5, "d.okoro@corvane.example"),
    (20490, "Business Resilience", "Continuity",
     "Is the continuity plan for the contracted services exercised at least once every year?",
     TPRM_SELECT, "Yes;No;N/A", None, None, "Yes", 4, "system"),
    (20492, "Business Resilience", "Backup",
     "Are backups of client data test-restored at least once per quarter?",
     TPRM_SELECT, "Yes;No;In Progress;N/A", None, None, "No", 3, "system"),
    (20493, "Business Resilience", "Backup",
     "Describe where backup copies are kept and how they are shielded from deletion by an intruder.",
     TPRM_TEXT, "", None, None, "No", 3, "system"),
]
TPRM_INFO_ROWS = [
    ("Platform", "Orchard Lane TPRM"),
    ("Assessment", "Annual Security Review 2027 – Corvane Systems AS"),
    ("Assessment ID", "ASM-2027-00388"),
    ("Requested by", "Larkspur Mutual Insurance – Third-Party Risk"),
    ("Exported on", "2027-02-14 08:51 UTC"),
    ("Exported by", "vendor portal user k.ibarra@corvane.example"),
    ("Filter", "All questions"),
]


def _split_options(text: Any) -> list[str]:
    """The choices a "Response Options" cell names ("Yes;No;N/A" or "Yes | No | Not Applicable")."""
    if not isinstance(text, str) or not text.strip():
        return []
    return [part.strip() for part in re.split(r"[;|]", text)]


def tprm_platform_flat_export(folder: Path) -> Layout:
    wb = Workbook()
    ws = wb.active
    ws.title = TPRM_SHEET
    for index, text in enumerate(TPRM_HEADER, start=1):
        cell = ws.cell(1, index, text)
        cell.font = EXPORT_HEAD
        cell.fill = EXPORT_FILL
    items = []
    for row, record in enumerate(TPRM_ROWS, start=2):
        qid, section, sub, question, kind, options, response, remark, attach, weight, updated = record
        values = [qid, section, sub, question, kind, options or None, response, remark, attach, weight, updated]
        for index, value in enumerate(values, start=1):
            cell = ws.cell(row, index)
            cell.font = EXPORT_BODY
            if value is not None:
                cell.value = value
        ws.cell(row, 4).alignment = WRAP
        # Changed after the blind run (see the note): the row's options are its allowed answers.
        choices = [part.strip() for part in re.split(r"[;|\n]", options or "") if part.strip()]
        items.append(expect(TPRM_SHEET, row, question, "G", str(qid), comment="H", existing=response,
                            existing_comment=remark, allowed=choices if len(choices) >= 2 else None,
                            source="options" if len(choices) >= 2 else None))
    last = 1 + len(TPRM_ROWS)
    ws.auto_filter.ref = f"A1:K{last}"
    ws.freeze_panes = "A2"
    col_widths(ws, A=12, B=28, C=18, D=80, E=14, F=26, G=24, H=40, I=12, J=8, K=26)
    info = wb.create_sheet(TPRM_INFO)
    for row, (key, value) in enumerate(TPRM_INFO_ROWS, start=1):
        info.cell(row, 1, key).font = EXPORT_HEAD
        info.cell(row, 2, value).font = EXPORT_BODY
    col_widths(info, A=16, B=60)
    path = store(wb, folder, "ASM-2027-00388_questionnaire_export.xlsx")
    return Layout(
        name="tprm_platform_flat_export",
        path=path,
        format="xlsx",
        sheets=[sheet_of(TPRM_SHEET, 1, {"A": "id", "D": "question", "G": "answer", "H": "comment"}),
                ExpectedSheet(TPRM_INFO, "ignored")],
        items=items,
        note="A third-party-risk platform's flat export: header on row 1 ('Question ID' holding numbers, shown "
             "'20411' ...; 'Section Name'; 'Sub-Section'; 'Question Text'; 'Response Type'; 'Response Options'; "
             "'Response' = answer; 'Response Comment' = comment; 'Attachment Required'; 'Weight'; 'Last Updated "
             "By'), every row below it an item. CONVENTION, changed after the blind run (set 10 was then tuned): "
             "the choices written per row as text in 'Response Options' ('Yes;No;N/A', 'Yes | No | Not "
             "Applicable', ...) are the row's allowed answers, in order, source 'options' (the blind run's "
             "convention was [] with source None, there being no such source then); a 'Text' row with no options "
             "has [] and None. 'Response Options' and 'Response Type' have no role in this truth. 'Attachment Required' is a flag, not an evidence cell; 'Weight' and "
             "'Last Updated By' have no role; 'Section Name'/'Sub-Section' are grouping columns (section ANY). "
             "The 'Export Info' sheet is ignored. Three rows already answered (one free-text).",
    )


# --- 2. a procurement suite's RFx export as CSV: metadata block, multi-line questions, summary ---------

RFX_SHEET = "RFP-2027-0117_questionnaire_export"
RFX_HEADER = ["Line", "Question ID", "Section", "Question", "Response", "Supplier Comments", "Mandatory"]
RFX_META = [
    ("Event ID", "RFP-2027-0117"),
    ("Event Title", "Managed Print and Scan Services – Supplier Security Questionnaire"),
    ("Buyer", "Ardmore Health Partners"),
    ("Event Owner", "Procurement, Digital Category"),
    ("Response Due", "31/03/2027 17:00 GMT"),
    ("Exported On", "14/02/2027 09:42"),
]
#: (question id, section, question (may hold line breaks), mandatory, existing response, existing comment)
RFX_QUESTIONS: list[tuple[str, str, str, str, str | None, str | None]] = [
    ("SEC-001", "Device Security",
     "Are multifunction devices delivered with their default administrator passwords replaced by unique values "
     "before installation?", "Yes", None, None),
    ("SEC-002", "Device Security",
     "Describe how device firmware is kept current across the fleet. Please cover:\n"
     "- how new firmware is tested before you release it\n"
     "- the target time to deploy a critical fix\n"
     "- how devices that miss an update are detected", "Yes", None, None),
    ("SEC-003", "Device Security",
     "Can scan-to-email and scan-to-folder be limited to users who have authenticated at the device?", "Yes",
     None, None),
    ("SEC-004", "Device Security",
     "Is the internal disk or flash storage of each device encrypted, and is it wiped or shredded when the device "
     "leaves our site?", "Yes", None, None),
    ("SEC-005", "Data Handling",
     "Will any print content, scanned images or usage logs containing patient information leave our network?\n"
     "If so, state where they are stored and for how long.", "Yes", None, None),
    ("SEC-006", "Data Handling",
     "Which metadata about print jobs (user names, document titles, page counts) does your fleet management "
     "portal keep?", "No", None, None),
    ("SEC-007", "Data Handling",
     "Is the print management server software installed to a documented, hardened build standard?", "Yes", None,
     None),
    ("SEC-008", "Data Handling",
     "Confirm that held print release, where a job prints only after the user badges in at the device, is "
     "offered on every model in your proposal.", "No", None, None),
    ("SEC-009", "Remote Support",
     "How do your engineers connect to our devices and print servers for remote diagnostics?\n"
     "Include the tool used, how each session is approved, and whether sessions are recorded.", "Yes", None,
     None),
    ("SEC-010", "Remote Support",
     "Are field engineers who attend our hospitals vetted to the level required for work in clinical areas?",
     "Yes", None, None),
    ("SEC-011", "Remote Support",
     "Does each remote support engineer have a personal account, with no vendor credentials shared between "
     "staff?", "Yes", None, None),
    ("SEC-012", "Supplier Governance",
     "Provide the certifications held by the entity delivering the service (for example ISO/IEC 27001 or Cyber "
     "Essentials Plus) and their expiry dates.", "Yes", None, None),
    ("SEC-013", "Supplier Governance",
     "Have you published a Data Security and Protection Toolkit assessment for the current year?", "Yes",
     "Yes – Standards Met, published 20/06/2026", None),
    ("SEC-014", "Supplier Governance",
     "List every subcontractor who will install, maintain or dispose of devices under this contract, giving:\n"
     "1. the company name\n"
     "2. its part in the service\n"
     "3. where its staff are based", "No", None, None),
    ("SEC-015", "Supplier Governance",
     "Will you tell us within 24 hours of a security incident affecting devices or data covered by this "
     "contract?", "Yes", "Yes", "Through the service desk and the named account manager, by phone and email."),
]


def _first_lines(records: list[list[str]]) -> list[int]:
    """The physical line (1-based) on which each record starts, counting the line breaks inside fields."""
    out, line = [], 1
    for record in records:
        out.append(line)
        line += 1 + sum(value.count("\n") for value in record)
    return out


def rfx_csv_multiline_export(folder: Path) -> Layout:
    records: list[list[str]] = [[key, value] for key, value in RFX_META]
    records.append([])
    records.append(list(RFX_HEADER))
    header_row = len(records)
    items = []
    for line, (qid, section, question, mandatory, existing, remark) in enumerate(RFX_QUESTIONS, start=1):
        records.append([str(line), qid, section, question, existing or "", remark or "", mandatory])
        items.append(expect(RFX_SHEET, len(records), question, "E", qid, comment="F", existing=existing,
                            existing_comment=remark))
    mandatory = sum(q[3] == "Yes" for q in RFX_QUESTIONS)
    answered = sum(q[4] is not None for q in RFX_QUESTIONS)
    records.append([])
    records.append([f"Total questions: {len(RFX_QUESTIONS)}", f"Mandatory: {mandatory}", f"Answered: {answered}"])
    buffer = io.StringIO(newline="")
    csv.writer(buffer, lineterminator="\r\n").writerows(records)
    path = folder / f"{RFX_SHEET}.csv"
    path.write_bytes(buffer.getvalue().encode("utf-8"))
    return Layout(
        name="rfx_csv_multiline_export",
        path=path,
        format="csv",
        sheets=[sheet_of(RFX_SHEET, header_row, {"B": "id", "D": "question", "E": "answer", "F": "comment"})],
        items=items,
        csv=True,
        encoding="utf-8",
        delimiter=",",
        note="A procurement suite's RFx export as CSV (UTF-8, no BOM, CRLF between records, LF inside quoted "
             "fields). Six key/value records ('Event ID', 'Buyer', 'Response Due', ...) and a blank record come "
             "before the header (record 8: 'Line', 'Question ID' = id, 'Section', 'Question', 'Response' = "
             "answer, 'Supplier Comments' = comment, 'Mandatory'); a blank record and a summary record ('Total "
             "questions: 15', ...) end the file; none is an item. CONVENTION: rows are RECORDS, as Excel shows "
             "them: a question holding line breaks (bullet and numbered lists) is one record, so the items below "
             "it have rows smaller than their physical line numbers; its question is the field collapsed. "
             "'Section' is a grouping column (section ANY); 'Line' and 'Mandatory' have no role. Answers are free "
             "text ([], a CSV without header choices); two rows already answered.",
    )


# --- 3. a GRC export: the id in two parts, and the joined display id in a third column ------------------

SPLIT_SHEET = "Questionnaire Responses"
SPLIT_HEADER = {"A": "Domain Code", "B": "Question No.", "C": "Question Ref", "D": "Domain", "E": "Question",
                "F": "Vendor Answer", "G": "Vendor Notes", "H": "Evidence Filename"}
SPLIT_HEADER_ROW = 4
#: (domain code, domain, [(question, free text?, existing answer, existing notes, evidence file)])
SPLIT_DOMAINS: list[tuple[str, str, list[tuple[str, bool, str | None, str | None, str | None]]]] = [
    ("AC", "Access Control", [
        ("Are user accounts on systems holding our shipment data reviewed by their owners at least every six "
         "months?", False, "Yes", "Quarterly for privileged accounts, half-yearly for all others.",
         "Access_review_procedure_v3.pdf"),
        ("Is single sign-on with multi-factor authentication enforced for your staff using our customs "
         "declaration portal?", False, None, None, None),
        ("Do warehouse operators sign in to handheld scanners with personal credentials rather than a shared "
         "shift login?", False, None, None, None),
        ("Describe how access is withdrawn when a driver or agency worker stops working on our contract.", True,
         None, None, None),
    ]),
    ("DP", "Data Protection", [
        ("Is consignee personal data (names, addresses, phone numbers) encrypted in every database that stores "
         "it?", False, None, None, None),
        ("Are proof-of-delivery photos and signatures deleted once the retention period agreed with us has "
         "passed?", False, None, None, None),
        ("In which countries are our shipment records stored or viewed, support staff included?", True, None,
         None, None),
    ]),
    ("NS", "Network Security", [
        ("Are depot networks that connect sorting machinery kept separate from head-office networks?", False,
         None, None, None),
        ("Are inbound calls to your track-and-trace APIs filtered by a web application firewall?", False, None,
         None, None),
        ("Is traffic from vehicle telematics units authenticated before it reaches your platform?", False,
         "Partially", "Mutual TLS on the new fleet; older units use API keys until they are replaced in 2027.",
         None),
    ]),
    ("IR", "Incident Response", [
        ("Would a breach exposing our customers' delivery addresses be reported to our security team within 24 "
         "hours of discovery?", False, None, None, None),
        ("Do you run an incident exercise built around a ransomware scenario at least once a year?", False, None,
         None, None),
        ("Are security alerts from depot and head-office systems watched outside business hours?", False, None,
         None, None),
    ]),
    ("BC", "Business Continuity", [
        ("Could parcels still be sorted and dispatched by hand if your routing platform were down for a whole "
         "day?", False, None, None, None),
        ("Are recovery time objectives for the routing platform written down and tested?", False, None, None,
         None),
        ("Is a copy of the shipment database kept in a second region that can take over within four hours?",
         False, None, None, None),
    ]),
]


def _joined_id(code: str, number: int) -> str:
    return f"TPRM-{code}-{number:03d}"


def split_hierarchical_ids(folder: Path) -> Layout:
    wb = Workbook()
    ws = wb.active
    ws.title = SPLIT_SHEET
    ws["A1"] = "Tallowbrook Risk Cloud · Questionnaire export"
    ws["A1"].font = Font(name="Arial", bold=True, size=12)
    ws["A2"] = ("Halden Logistics – Annual Vendor Review 2027 · Vendor: Corvane Systems AS · Generated 14 Feb 2027 "
                "10:03 UTC by m.sato")
    ws["A2"].font = Font(name="Arial", italic=True, size=9, color="595959")
    for letter, text in SPLIT_HEADER.items():
        cell = ws[f"{letter}{SPLIT_HEADER_ROW}"]
        cell.value = text
        cell.font = TEAL_HEAD
        cell.fill = TEAL_FILL
        cell.alignment = MIDDLE
    items = []
    choice_cells = []
    row = SPLIT_HEADER_ROW
    for code, domain, questions in SPLIT_DOMAINS:
        for number, (question, free, existing, notes, evidence) in enumerate(questions, start=1):
            row += 1
            joined = _joined_id(code, number)
            values = {"A": code, "B": number, "C": joined, "D": domain, "E": question, "F": existing, "G": notes,
                      "H": evidence}
            for letter in SPLIT_HEADER:
                cell = ws[f"{letter}{row}"]
                cell.font = ARIAL
                cell.border = FRAME
                cell.alignment = WRAP
                if values[letter] is not None:
                    cell.value = values[letter]
            ws[f"B{row}"].alignment = Alignment(horizontal="center", vertical="top")
            if not free:
                choice_cells.append(f"F{row}")
            items.append(expect(SPLIT_SHEET, row, question, "F", joined, comment="G", evidence="H",
                                allowed=[] if free else SPLIT_CHOICES, existing=existing, existing_comment=notes))
    list_validation(ws, SPLIT_CHOICES, *choice_cells)
    col_widths(ws, A=9, B=9, C=15, D=20, E=74, F=16, G=42, H=30)
    ws.freeze_panes = f"E{SPLIT_HEADER_ROW + 1}"
    path = store(wb, folder, "Halden_AVR2027_questionnaire_responses.xlsx")
    return Layout(
        name="split_hierarchical_ids",
        path=path,
        format="xlsx",
        sheets=[sheet_of(SPLIT_SHEET, SPLIT_HEADER_ROW, {"C": "id", "E": "question", "F": "answer", "G": "comment",
                                                         "H": "evidence"})],
        items=items,
        note="A GRC platform's export, header on row 4 under a two-line export banner. Each question's id is given "
             "in parts, 'Domain Code' ('AC') and 'Question No.' (a number restarting at 1 in every domain), and "
             "joined in 'Question Ref' ('TPRM-AC-003'). CONVENTION: the joined display id 'Question Ref' is the id; "
             "the parts have no role ('Question No.' repeats, so it identifies nothing alone). 'Domain' is a "
             "grouping column (section ANY). 'Vendor Answer' is the answer (drop-down 'Yes', 'No', 'Partially', "
             "'Not Applicable'; two questions free text), 'Vendor Notes' the comment, 'Evidence Filename' the "
             "evidence. Two rows already answered.",
    )


# --- 4. a program's export: inline strings only, numbers as text, no styles, plain header ----------------

PLAIN_SHEET = "qnr_export"
PLAIN_HEADER = {"A": "Item No", "B": "Question", "C": "Answer", "D": "Comment", "E": "Weight"}
PLAIN_APPLICATION = "Fernleaf Reporting Engine"
PLAIN_CREATOR = "svc-grc-export"
#: (section number, title, [(item no, question, weight, existing answer, existing comment)])
PLAIN_SECTIONS: list[tuple[str, str, list[tuple[str, str, str, str | None, str | None]]]] = [
    ("1", "Governance", [
        ("1.1", "Does a named director hold accountability for the security of the member records you "
                "administer?", "3", None, None),
        ("1.2", "Are your controls audited by an independent party under ISAE 3402 or SOC 2 every year?", "3",
         "Yes", "ISAE 3402 Type II, period to 30 September 2026."),
        ("1.3", "Do administrators complete security awareness training before they may handle member records?",
         "2", None, None),
    ]),
    ("2", "Member data protection", [
        ("2.1", "Are member records encrypted in the administration database and in all of its backups?", "3",
         None, None),
        ("2.2", "Is access to members' bank details limited to the staff who process payments?", "3", None, None),
        ("2.3", "Is a change to a member's bank account confirmed by a call-back before the next payment run?",
         "3", None, None),
        ("2.4", "Are bulk extracts of member data logged and approved by a second person?", "2", None, None),
        ("2.5", "Are test environments loaded only with masked or synthetic member data?", "2", None, None),
        ("2.6", "Can members protect their online pension accounts with a second authentication factor?", "2",
         None, None),
        ("2.7", "Are documents uploaded by members scanned for malware before staff open them?", "1", "Partial",
         "The member portal scans uploads; email attachments are checked only by the mail gateway."),
        ("2.8", "Is member data held only in data centres located in the United Kingdom?", "2", None, None),
        ("2.9", "Are death notifications and beneficiary details protected like all other member records?", "1",
         None, None),
        ("2.10", "Will you tell the trustees before a new system starts to process member data?", "2", None,
         None),
    ]),
    ("3", "Incidents and continuity", [
        ("3.1", "Would the trustees be told of a data breach involving members within 48 hours?", "3", None,
         None),
        ("3.2", "Could pension payments still be made on time if the administration platform failed on payroll "
                "day?", "3", None, None),
        ("3.3", "Is recovery of the administration platform rehearsed at least once a year?", "2", None, None),
    ]),
]
NS_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"


def _as_bare_export(path: Path) -> None:
    """Rewrites the saved package the way a reporting program would have written it: every cell an inline
    string (openpyxl 3.1 already writes strings so; any shared string is inlined), no styles part, no
    theme, no sheet view or format defaults, and the program's own name in the document properties."""
    with zipfile.ZipFile(path) as source:
        parts = {info.filename: source.read(info.filename) for info in source.infolist()}
    shared: list[str] = []
    if "xl/sharedStrings.xml" in parts:
        import xml.etree.ElementTree as ET

        root = ET.fromstring(parts.pop("xl/sharedStrings.xml"))
        shared = ["".join(t.text or "" for t in si.iter(f"{{{NS_MAIN}}}t")) for si in root.findall(f"{{{NS_MAIN}}}si")]
    for name in ("xl/styles.xml", "xl/theme/theme1.xml"):
        parts.pop(name, None)
    types = parts["[Content_Types].xml"].decode("utf-8")
    types = re.sub(r'<Override PartName="/xl/(styles|theme/theme1|sharedStrings)\.xml"[^>]*/>', "", types)
    parts["[Content_Types].xml"] = types.encode("utf-8")
    rels = parts["xl/_rels/workbook.xml.rels"].decode("utf-8")
    rels = re.sub(r'<Relationship [^>]*Target="/?(xl/)?(styles|theme/theme1|sharedStrings)\.xml"[^>]*/>', "", rels)
    parts["xl/_rels/workbook.xml.rels"] = rels.encode("utf-8")
    for name in [n for n in parts if re.fullmatch(r"xl/worksheets/sheet\d+\.xml", n)]:
        xml = parts[name].decode("utf-8")

        def inline(match: re.Match[str]) -> str:
            from xml.sax.saxutils import escape

            return f'<c{match.group(1)} t="inlineStr"><is><t>{escape(shared[int(match.group(2))])}</t></is></c>'

        xml = re.sub(r'<c([^>]*?) t="s"><v>(\d+)</v></c>', inline, xml)
        xml = re.sub(r"<sheetViews>.*?</sheetViews>", "", xml)
        xml = re.sub(r"<sheetFormatPr[^>]*/>", "", xml)
        xml = re.sub(r"<pageMargins[^>]*/>", "", xml)
        parts[name] = xml.encode("utf-8")
    parts["docProps/app.xml"] = re.sub(
        rb"<Application>.*?</Application><AppVersion>.*?</AppVersion>",
        f"<Application>{PLAIN_APPLICATION}</Application><AppVersion>4.2</AppVersion>".encode(),
        parts["docProps/app.xml"])
    parts["docProps/core.xml"] = re.sub(rb"<dc:creator>.*?</dc:creator>",
                                        f"<dc:creator>{PLAIN_CREATOR}</dc:creator>".encode(),
                                        parts["docProps/core.xml"])
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for name, data in parts.items():
            target.writestr(name, data)


def inline_strings_plain_export(folder: Path) -> Layout:
    wb = Workbook()
    ws = wb.active
    ws.title = PLAIN_SHEET
    for letter, text in PLAIN_HEADER.items():
        ws[f"{letter}1"] = text
    items = []
    answer_cells = []
    row = 1
    for number, title, questions in PLAIN_SECTIONS:
        row += 1
        ws[f"A{row}"] = number
        ws[f"B{row}"] = title
        for item_no, question, weight, existing, remark in questions:
            row += 1
            for letter, value in zip("ABCDE", (item_no, question, existing, remark, weight)):
                if value is not None:
                    ws[f"{letter}{row}"] = value
            answer_cells.append(f"C{row}")
            items.append(expect(PLAIN_SHEET, row, question, "C", item_no, comment="D", allowed=PLAIN_CHOICES,
                                existing=existing, existing_comment=remark, section=[title]))
    list_validation(ws, PLAIN_CHOICES, *answer_cells)
    path = store(wb, folder, "qnr_export_CPT-2027-02.xlsx")
    _as_bare_export(path)
    return Layout(
        name="inline_strings_plain_export",
        path=path,
        format="xlsx",
        sheets=[sheet_of(PLAIN_SHEET, 1, {"A": "id", "B": "question", "C": "answer", "D": "comment"})],
        items=items,
        note="A workbook written by a reporting program, not Excel: every value is an inline string, numbers "
             "included ('2.10', weights '3'); no styles part, no theme, no column widths; a plain header on row 1 "
             "('Item No' = id, 'Question', 'Answer' = answer with the drop-down 'Yes', 'No', 'Partial', 'N/A', "
             "'Comment' = comment, 'Weight' = no role). CONVENTION: ids are the text as written ('2.10' stays "
             "'2.10'); a row whose 'Item No' is a whole number ('2') with a short title and nothing else is a "
             "section heading row, and its items' section is [title] (title as written, number not included). Two "
             "rows already answered.",
    )


# --- 5. a portal export with conditional follow-up questions --------------------------------------------

FOLLOW_SHEET = "Conditional Questions"
FOLLOW_HEADER = {"A": "Question ID", "B": "Parent Question ID", "C": "Display Condition", "D": "Question",
                 "E": "Response", "F": "Comments"}
FOLLOW_HEADER_ROW = 4
#: (section, [(id, parent id, question, choices ([] = free text), existing response, existing comment)])
FOLLOW_SECTIONS: list[tuple[str, list[tuple[str, str | None, str, list[str], str | None, str | None]]]] = [
    ("1. Certifications and testing", [
        ("SAQ-101", None, "Does your company hold a current ISO/IEC 27001 certificate covering the localisation "
                          "service?", YES_NO, "Yes", None),
        ("SAQ-102", "SAQ-101", "If Yes, state the certification body and the date on which the certificate "
                               "expires.", [], "Certified by an accredited body, certificate IS 771204, expires 18 "
                                               "May 2028.", None),
        ("SAQ-103", None, "Has an outside firm penetration-tested your content workflow platform in the past "
                          "twelve months?", YES_NO, None, None),
        ("SAQ-104", "SAQ-103", "If Yes, were all findings rated high or critical fixed and then retested?", YES_NO,
         None, None),
        ("SAQ-105", "SAQ-103", "If No, explain when the next test is planned and which firm will carry it out.", [],
         None, None),
    ]),
    ("2. Pre-release content", [
        ("SAQ-110", None, "Are unreleased films and episodes kept only in encrypted form on your servers and "
                          "workstations?", YES_NO, None, None),
        ("SAQ-111", None, "Do you apply forensic watermarks to the screener copies you send to translators?",
         YES_NO, None, None),
        ("SAQ-112", "SAQ-111", "If No, describe how a leaked copy could be traced back to the person who leaked "
                               "it.", [], None, None),
        ("SAQ-113", None, "Are subtitling workstations blocked from uploading files to personal cloud storage?",
         YES_NO, None, None),
    ]),
    ("3. Artificial intelligence", [
        ("SAQ-120", None, "Do you run machine translation or other AI tools over our scripts or subtitles?", YES_NO,
         "Yes", "Only for first-draft subtitles, always reviewed by a linguist."),
        ("SAQ-121", "SAQ-120", "If Yes, name the tools and say whether each runs in your own environment or as a "
                               "third-party service.", [], None, None),
        ("SAQ-122", "SAQ-120", "If Yes, can you guarantee that our content is never used to train models offered "
                               "to other customers?", YES_NO, None, None),
    ]),
    ("4. Freelancers and subcontractors", [
        ("SAQ-130", None, "Do freelance translators work on our content outside your own offices?", YES_NO, None,
         None),
        ("SAQ-131", "SAQ-130", "If Yes, how often do you audit the security of their home working set-up?",
         AUDIT_FREQUENCY, None, None),
        ("SAQ-132", None, "Are all subcontractors bound by confidentiality terms at least as strict as those in our "
                          "contract?", YES_NO, None, None),
        ("SAQ-133", "SAQ-132", "If No, list the subcontractors concerned and the confidentiality terms they have "
                               "signed.", [], None, None),
    ]),
]


def _condition(parent: str, question: str) -> str:
    return f"{parent} = {'Yes' if question.startswith('If Yes') else 'No'}"


def conditional_follow_up_rows(folder: Path) -> Layout:
    wb = Workbook()
    ws = wb.active
    ws.title = FOLLOW_SHEET
    caption(ws, "A1", "Northlight Media – Supplier Assurance Questionnaire (portal export)", "A1:F1")
    small_print(ws, "A2", "Rows with a Parent Question ID are follow-up questions: the portal shows them only when "
                          "the parent's response meets the Display Condition. Answer every follow-up that applies.",
                "A2:F2")
    heading_row(ws, FOLLOW_HEADER_ROW, FOLLOW_HEADER, paint="slate")
    items = []
    by_list: dict[tuple[str, ...], list[str]] = {}
    row = FOLLOW_HEADER_ROW
    for section, questions in FOLLOW_SECTIONS:
        row += 1
        band_row(ws, row, section, "A", "F", paint="cyan")
        for id_, parent, question, choices, existing, remark in questions:
            row += 1
            body_row(ws, row, {"A": id_, "B": parent, "C": _condition(parent, question) if parent else None,
                               "D": question, "E": existing, "F": remark}, "ABCDEF")
            if parent:
                ws[f"D{row}"].alignment = FOLLOW_UP
                ws[f"C{row}"].font = Font(name="Verdana", italic=True, size=8, color="595959")
            if choices:
                by_list.setdefault(tuple(choices), []).append(f"E{row}")
            items.append(expect(FOLLOW_SHEET, row, question, "E", id_, comment="F", allowed=choices,
                                existing=existing, existing_comment=remark, section=[section]))
    for choices, cells in by_list.items():
        list_validation(ws, list(choices), *cells)
    col_widths(ws, A=11, B=12, C=16, D=72, E=22, F=40)
    ws.freeze_panes = f"A{FOLLOW_HEADER_ROW + 1}"
    path = store(wb, folder, "Northlight_supplier_assurance_export.xlsx")
    return Layout(
        name="conditional_follow_up_rows",
        path=path,
        format="xlsx",
        sheets=[sheet_of(FOLLOW_SHEET, FOLLOW_HEADER_ROW, {"A": "id", "D": "question", "E": "answer",
                                                           "F": "comment"})],
        items=items,
        note="A portal export with conditional follow-ups, header on row 4: 'Question ID' (id), 'Parent Question "
             "ID', 'Display Condition', 'Question', 'Response' (answer), 'Comments' (comment); section rows. "
             "CONVENTION: a follow-up ('If Yes, ...', 'If No, ...', its parent named in 'Parent Question ID') is an "
             "item like its parent, with its OWN id (never the parent's) and its own answer cell, whatever the "
             "parent's answer; its allowed answers are its own drop-down's (Yes/No, or 'Monthly', 'Quarterly', "
             "'Annually', 'Never') or [] for free text. 'Parent Question ID' and 'Display Condition' have no role. "
             "Three rows already answered (one free-text follow-up).",
    )


# --- 6. a reassessment export: last year's answers prefilled beside the empty answer column --------------

PREV_SHEET = "Reassessment 2027"
PREV_HEADER = {"A": "Question Ref", "B": "Question", "C": "Previous Response", "D": "Response",
               "E": "Previous Comments", "F": "Comments"}
PREV_HEADER_ROW = 5
#: (section, [(ref, question, previous response, previous comment)])
PREV_SECTIONS: list[tuple[str, list[tuple[str, str, str | None, str | None]]]] = [
    ("Employee data", [
        ("HR-01", "Is employee salary and bank information encrypted at field level in the HR database?", "Yes",
         None),
        ("HR-02", "Can our HR administrators limit which managers may see sickness and disciplinary records?", "Yes",
         None),
        ("HR-03", "Are right-to-work documents from rejected candidates deleted when the retention period ends?",
         "Partially", "Automatic deletion for rejected candidates planned for Q3 2026."),
        ("HR-04", "Is our employee data handled only by your staff located in the UK and the EU?", "Yes", None),
    ]),
    ("Platform security", [
        ("HR-05", "Are tenants isolated so that one customer's administrators can never query another customer's "
                  "records?", "Yes", None),
        ("HR-06", "Was the payroll integration API inside the scope of your most recent penetration test?", "No",
         "To be added to the 2026 test scope."),
        ("HR-07", "Are administrator sign-ins to the HR platform protected by phishing-resistant "
                  "authentication?", "Partially", "Hardware keys for support staff; engineering to follow."),
        ("HR-08", "Are audit logs of changes to pay and contract details kept for at least seven years?", "Yes",
         None),
    ]),
    ("Operations and changes", [
        ("HR-09", "Will you schedule releases outside our payroll processing window when we ask?", "Yes", None),
        ("HR-10", "Is a public status page kept that records incidents affecting the HR platform?", "Yes", None),
        ("HR-11", "Has a security incident affected customer data since the previous assessment?", "No", None),
        ("HR-12", "Do you still hold the certifications reported last year, with no major nonconformity "
                  "raised since?", "Yes", None),
        ("HR-13", "Will a newly appointed subprocessor handle our employee data this year?", None, None),
        ("HR-14", "Will the AI features you release this year process our employees' records?", None, None),
    ]),
]


def previous_response_prefilled(folder: Path) -> Layout:
    wb = Workbook()
    ws = wb.active
    ws.title = PREV_SHEET
    caption(ws, "A1", "Annual reassessment – Brackenfield HR Cloud", "A1:F1")
    small_print(ws, "A2", "Assessment ANN-2027-HR-044 · Vendor: Brackenfield Software Ltd · Due 15/04/2027", "A2:F2")
    small_print(ws, "A3", "Previous assessment completed 02/03/2026 (approved). Your previous responses are shown in "
                          "grey for reference only: enter this year's response in the Response column, even where "
                          "nothing has changed. HR-13 and HR-14 are new this year.", "A3:F3")
    heading_row(ws, PREV_HEADER_ROW, PREV_HEADER, paint="moss")
    items = []
    answer_cells = []
    row = PREV_HEADER_ROW
    for section, questions in PREV_SECTIONS:
        row += 1
        band_row(ws, row, section, "A", "F", paint="straw")
        for id_, question, previous, previous_comment in questions:
            row += 1
            body_row(ws, row, {"A": id_, "B": question, "C": previous, "E": previous_comment}, "ABCDEF")
            for letter in "CE":
                ws[f"{letter}{row}"].font = PREVIOUS_FONT
                ws[f"{letter}{row}"].fill = PAINT["mist"]
            ws[f"C{row}"].alignment = MIDDLE
            ws[f"D{row}"].fill = PAINT["input"]
            ws[f"D{row}"].alignment = MIDDLE
            answer_cells.append(f"D{row}")
            items.append(expect(PREV_SHEET, row, question, "D", id_, comment="F", allowed=HR_CHOICES,
                                section=[section]))
    list_validation(ws, HR_CHOICES, *answer_cells)
    col_widths(ws, A=12, B=70, C=16, D=16, E=36, F=40)
    ws.freeze_panes = f"C{PREV_HEADER_ROW + 1}"
    path = store(wb, folder, "ANN-2027-HR-044_reassessment_export.xlsx")
    return Layout(
        name="previous_response_prefilled",
        path=path,
        format="xlsx",
        sheets=[sheet_of(PREV_SHEET, PREV_HEADER_ROW, {"A": "id", "B": "question", "D": "answer", "F": "comment"})],
        items=items,
        note="A reassessment export, header on row 5: 'Question Ref' (id), 'Question', 'Previous Response', "
             "'Response', 'Previous Comments', 'Comments'; section rows. CONVENTION: the answer is 'Response' (D, "
             "drop-down 'Yes', 'No', 'Partially', 'Not applicable'), empty on every row, so existing_answer is None "
             "everywhere; the comment is 'Comments' (F), empty too. 'Previous Response' (C) and 'Previous "
             "Comments' (E), last year's answers prefilled in grey by the platform, have no role and are never "
             "existing answers or comments. HR-13 and HR-14, new this year, have no previous response and are "
             "items like the rest.",
    )


# --- 7. a question-library export: a short title and the full question in two columns -------------------

LIB_SHEET = "Hosting Question Pack"
LIB_HEADER = {"A": "Library Ref", "B": "Question", "C": "Question Detail", "D": "Answer (Yes/No/N/A)",
              "E": "Remarks", "F": "Supporting Document"}
LIB_HEADER_ROW = 3
#: (ref, short title, full question, existing answer, existing remark)
LIB_ROWS: list[tuple[str, str, str, str | None, str | None]] = [
    ("CH-002", "Hosting locations",
     "Are all data centres and cloud regions that will hold our data inside the European Economic Area? List any "
     "exception in the remarks.", "No", "Disaster recovery copies are held in Zurich (Switzerland)."),
    ("CH-005", "Tenant isolation",
     "Is our environment separated from other customers at the network, compute and storage layers, and is that "
     "separation tested?", None, None),
    ("CH-007", "Encryption at rest",
     "Is every volume, object store and database snapshot that holds our data encrypted with AES-256 or "
     "stronger?", "Yes", None),
    ("CH-009", "Customer-held keys",
     "Can we supply and revoke our own encryption keys, so that revoking them leaves our data unreadable to "
     "you?", None, None),
    ("CH-012", "Hypervisor patching",
     "Are security fixes for the virtualisation layer applied within fourteen days of release without downtime "
     "for us?", None, None),
    ("CH-013", "Administrative access",
     "Do your engineers reach our hosts only through a bastion service that records every session?", None, None),
    ("CH-016", "Backup immutability",
     "Are backups of our systems written to storage where nobody can alter or delete them for at least thirty "
     "days?", None, None),
    ("CH-018", "Region failover",
     "Can our workloads be moved to a second region within eight hours if the primary region is lost?", None,
     None),
    ("CH-020", "DDoS protection",
     "Is protection against volumetric and application-layer denial of service included for our public "
     "endpoints at no extra charge?", None, None),
    ("CH-023", "Log access",
     "Will we get near-real-time access to the platform logs for our tenancy, in a format our SIEM can "
     "ingest?", None, None),
    ("CH-025", "Physical security",
     "Are the halls that house our equipment guarded around the clock and entered only with two-factor access "
     "control?", None, None),
    ("CH-027", "Exit support",
     "At the end of the contract, will you export our data and machine images in open formats and then certify "
     "their deletion?", None, None),
    ("CH-030", "Service reporting",
     "Do you send us a monthly report on the capacity, availability and incidents of the services we use?", None,
     None),
]


def title_and_detail_columns(folder: Path) -> Layout:
    wb = Workbook()
    ws = wb.active
    ws.title = LIB_SHEET
    ws["A1"] = "Question library export – Cloud Hosting pack (v3) · Kestrow Analytics vendor review"
    ws["A1"].font = Font(name="Calibri", bold=True, size=13)
    ws["A2"] = "Answer in column D; give any exception or detail in Remarks and name the document that shows it."
    ws["A2"].font = Font(name="Calibri", italic=True, size=10, color="595959")
    for letter, text in LIB_HEADER.items():
        cell = ws[f"{letter}{LIB_HEADER_ROW}"]
        cell.value = text
        cell.font = EXPORT_HEAD
        cell.fill = PatternFill("solid", fgColor="BDD7EE")
        cell.border = FRAME
        cell.alignment = Alignment(wrap_text=True, vertical="center")
    items = []
    for offset, (id_, title, detail, existing, remark) in enumerate(LIB_ROWS, start=1):
        row = LIB_HEADER_ROW + offset
        values = {"A": id_, "B": title, "C": detail, "D": existing, "E": remark}
        for letter in LIB_HEADER:
            cell = ws[f"{letter}{row}"]
            cell.font = EXPORT_BODY
            cell.border = FRAME
            cell.alignment = WRAP
            if values.get(letter) is not None:
                cell.value = values[letter]
        ws[f"B{row}"].font = EXPORT_HEAD
        items.append(expect(LIB_SHEET, row, detail, "D", id_, comment="E", evidence="F", allowed=LIBRARY_CHOICES,
                            source="header", existing=existing, existing_comment=remark, section=[],
                            guidance=collapse(title)))
    col_widths(ws, A=11, B=24, C=76, D=14, E=40, F=28)
    ws.freeze_panes = f"A{LIB_HEADER_ROW + 1}"
    path = store(wb, folder, "Kestrow_cloud_hosting_question_pack_v3.xlsx")
    return Layout(
        name="title_and_detail_columns",
        path=path,
        format="xlsx",
        sheets=[sheet_of(LIB_SHEET, LIB_HEADER_ROW, {"A": "id", "B": "guidance", "C": "question", "D": "answer",
                                                     "E": "comment", "F": "evidence"})],
        items=items,
        note="A question-library export, header on row 3: 'Library Ref' (id), 'Question' (a short bold title, "
             "'Encryption at rest'), 'Question Detail' (the full text that asks), 'Answer (Yes/No/N/A)', "
             "'Remarks' (comment), 'Supporting Document' (evidence). CONVENTION: the item's question is the "
             "'Question Detail' text (the one an answer responds to; a title asks nothing); the short 'Question' "
             "title is the guidance column, so every item's guidance is its title. Allowed answers are the "
             "header's ['Yes', 'No', 'N/A'] (source header; no drop-down). No section rows (section []); two rows "
             "already answered.",
    )


# --- 8. a SharePoint list exported to Excel: a Table, the questions in "Title", hidden metadata ------------

SP_SHEET = "Vendor Security List"
SP_VISIBLE = ["Ref", "Title", "Category", "Response", "Comments", "Evidence Link"]
SP_METADATA = ["ID", "Content Type", "Modified", "Created By", "Item Type", "Path"]
SP_HEADER = SP_VISIBLE + SP_METADATA
SP_PATH = "sites/VendorRisk/Lists/Vendor Security Questions"
SP_TABLE = "VendorSecurityQuestions"
#: (ref, list item ID, category, question, existing response, existing comment, modified, created by)
SP_ROWS: list[tuple[str, int, str, str, str | None, str | None, datetime, str]] = [
    ("WC-01", 2, "Confidentiality",
     "Are your staff who may see privileged client documents bound by written confidentiality undertakings?", "Yes",
     "Clause 14 of every employment contract, re-acknowledged each year.", datetime(2027, 1, 21, 10, 4), "Priya Raman"),
    ("WC-02", 3, "Confidentiality",
     "Can matter files we upload be restricted so that only named people in your firm can open them?", None, None,
     datetime(2027, 1, 12, 9, 30), "Priya Raman"),
    ("WC-03", 4, "Confidentiality",
     "Do you keep a record of every download of our documents, showing who downloaded what and when?", None, None,
     datetime(2027, 1, 12, 9, 31), "Priya Raman"),
    ("WC-04", 6, "Confidentiality",
     "Would you resist a third party's demand to disclose our data and tell us of it, unless the law forbids "
     "telling us?", None, None, datetime(2027, 1, 12, 9, 35), "Priya Raman"),
    ("WC-05", 7, "Access",
     "Is sign-in to the portal we use enforced through our own identity provider?", None, None,
     datetime(2027, 1, 12, 9, 38), "Priya Raman"),
    ("WC-06", 8, "Access",
     "Are your support engineers prevented from viewing the content of our documents while troubleshooting?", None,
     None, datetime(2027, 1, 12, 9, 40), "Tom Ashdown"),
    ("WC-07", 9, "Access",
     "Are guest accounts created for opposing counsel switched off automatically when a matter closes?", None, None,
     datetime(2027, 1, 12, 9, 41), "Tom Ashdown"),
    ("WC-08", 12, "Access",
     "How soon is a user's access removed after we deactivate that user in our directory?", None, None,
     datetime(2027, 1, 13, 14, 2), "Tom Ashdown"),
    ("WC-09", 13, "Infrastructure",
     "Are the servers hosting our document repository located in the United Kingdom?", "Yes", None,
     datetime(2027, 1, 21, 10, 6), "Priya Raman"),
    ("WC-10", 14, "Infrastructure",
     "Is email sent by your platform on our behalf signed with DKIM and covered by an enforcing DMARC policy?", None,
     None, datetime(2027, 1, 13, 14, 5), "Tom Ashdown"),
    ("WC-11", 15, "Infrastructure",
     "Can the mobile apps that open our documents block copy, paste and screenshots?", None, None,
     datetime(2027, 1, 13, 14, 7), "Tom Ashdown"),
    ("WC-12", 17, "Infrastructure",
     "Is each release of the document platform checked for known vulnerable components before it is deployed?",
     None, None, datetime(2027, 1, 13, 14, 9), "Tom Ashdown"),
    ("WC-13", 18, "Resilience",
     "Can a deleted matter workspace be recovered for up to ninety days after its deletion?", None, None,
     datetime(2027, 1, 13, 14, 12), "Priya Raman"),
    ("WC-14", 19, "Resilience",
     "Has the document platform been available more than 99.9 percent of the time over the past twelve months?",
     "Yes", "99.96%, as measured by the public status page.", datetime(2027, 1, 21, 10, 9), "Priya Raman"),
    ("WC-15", 21, "Resilience",
     "Are litigation holds we set respected even when a user tries to delete the documents concerned?", None, None,
     datetime(2027, 1, 13, 14, 15), "Priya Raman"),
]


def _hidden_letters(ws: Any) -> set[str]:
    """The columns hidden by any column dimension (openpyxl may group adjacent ones into one)."""
    out: set[str] = set()
    for dimension in ws.column_dimensions.values():
        if dimension.hidden:
            low = dimension.min or column_index_from_string(dimension.index)
            high = dimension.max or low
            out |= {get_column_letter(c) for c in range(low, high + 1)}
    return out


def sharepoint_list_table_export(folder: Path) -> Layout:
    wb = Workbook()
    ws = wb.active
    ws.title = SP_SHEET
    for index, text in enumerate(SP_HEADER, start=1):
        ws.cell(1, index, text)
    items = []
    for row, (id_, item_id, category, question, response, remark, modified, author) in enumerate(SP_ROWS, start=2):
        values = [id_, question, category, response, remark, None, item_id, "Item", modified, author, "Item",
                  SP_PATH]
        for index, value in enumerate(values, start=1):
            if value is not None:
                ws.cell(row, index, value)
        ws.cell(row, 2).alignment = WRAP
        ws.cell(row, 9).number_format = "dd/mm/yyyy hh:mm"
        items.append(expect(SP_SHEET, row, question, "D", id_, comment="E", evidence="F", existing=response,
                            existing_comment=remark))
    last = 1 + len(SP_ROWS)
    table = Table(displayName=SP_TABLE, ref=f"A1:{get_column_letter(len(SP_HEADER))}{last}")
    table.tableStyleInfo = TableStyleInfo(name="TableStyleLight9", showRowStripes=True, showColumnStripes=False,
                                          showFirstColumn=False, showLastColumn=False)
    ws.add_table(table)
    col_widths(ws, A=9, B=78, C=16, D=14, E=40, F=24)
    for offset in range(len(SP_METADATA)):
        ws.column_dimensions[get_column_letter(len(SP_VISIBLE) + 1 + offset)].hidden = True
    path = store(wb, folder, "Vendor_Security_Questions_list_export.xlsx")
    return Layout(
        name="sharepoint_list_table_export",
        path=path,
        format="xlsx",
        sheets=[sheet_of(SP_SHEET, 1, {"A": "id", "B": "question", "D": "answer", "E": "comment", "F": "evidence"})],
        items=items,
        note="A SharePoint list exported to Excel: an Excel Table (banded rows) from A1, its header row the header "
             "row ('Ref' = id, 'Title' = question, 'Category', 'Response' = answer, 'Comments' = comment, "
             "'Evidence Link' = evidence), then six HIDDEN metadata columns ('ID', 'Content Type', 'Modified', "
             "'Created By', 'Item Type', 'Path') with no role. CONVENTION: SharePoint's built-in 'Title' column, "
             "never renamed, holds the questions and is the question column; the id is the questionnaire's own "
             "'Ref', not SharePoint's 'ID' (list-item numbers with gaps). The list's choice column is exported as "
             "text without a drop-down: free text ([] and source None). 'Category' is a grouping column (section "
             "ANY). Three rows already answered.",
    )


# --- the registry ---------------------------------------------------------------------------------------

HELDOUT10_LAYOUTS: list[Callable[[Path], Layout]] = [
    tprm_platform_flat_export,
    rfx_csv_multiline_export,
    split_hierarchical_ids,
    inline_strings_plain_export,
    conditional_follow_up_rows,
    previous_response_prefilled,
    title_and_detail_columns,
    sharepoint_list_table_export,
]

#: The same builders by layout name (the form `bench/layout_bench.py` takes for a group).
HELDOUT10_BY_NAME: dict[str, Callable[[Path], Layout]] = {b.__name__: b for b in HELDOUT10_LAYOUTS}


# --- self-check -----------------------------------------------------------------------------------

#: Complaints of the imported checks that this file replaces with a check of its own, per layout.
REPLACED: dict[str, list[tuple[re.Pattern[str], str]]] = {
    "tprm_platform_flat_export": [
        (re.compile(r": comment column [A-Z]+ is headed like an answer column \('Response Comment'\)$"),
         "_feature_platform_options: 'Response' and 'Response Comment' headings"),
        (re.compile(r"unknown allowed_answers_source 'options'$"),
         "_feature_platform_options: the row's options, source 'options' (since the blind run)"),
    ],
    "rfx_csv_multiline_export": [
        (re.compile(r"^records of differing widths$"),
         "_feature_rfx_csv: key/value metadata records, table records of one width"),
        (re.compile(r"^row \d+: the question is not a field of the record "),
         "_feature_rfx_csv: every question is its field collapsed (line breaks inside)"),
    ],
    "sharepoint_list_table_export": [
        (re.compile(r": column [A-Z]+ \(question\) is headed 'Title'$"),
         "_feature_sharepoint: the built-in 'Title' column holds the questions"),
    ],
}


def _is_replaced(layout: Layout, problem: str) -> bool:
    return any(pattern.search(problem) for pattern, _ in REPLACED.get(layout.name, []))


# --- one check per layout of the feature it exercises ---------------------------------------------


def _feature_platform_options(layout: Layout) -> list[str]:
    problems: list[str] = []
    wb = openpyxl.load_workbook(layout.path)
    sheet = _only_sheet(layout)
    ws = wb[sheet.name]
    headings = [c.value for c in ws[sheet.header_row]]
    if headings != TPRM_HEADER:
        return [f"header {headings}, expected {TPRM_HEADER}"]
    letter = {text: get_column_letter(index) for index, text in enumerate(headings, start=1)}
    roles = (_role(sheet, "id"), _role(sheet, "question"), _role(sheet, "answer"), _role(sheet, "comment"))
    want = (letter["Question ID"], letter["Question Text"], letter["Response"], letter["Response Comment"])
    if roles != want:
        problems.append(f"roles in columns {roles}, expected {want}")
    for text in ("Section Name", "Sub-Section", "Response Type", "Response Options", "Attachment Required", "Weight",
                 "Last Updated By"):
        if letter[text] in sheet.columns:
            problems.append(f"the machine column {text!r} has a role")
    if ws.data_validations.dataValidation:
        problems.append("the export carries a drop-down: the layout is about options written as text")
    if not ws.auto_filter.ref or not ws.auto_filter.ref.startswith(f"A{sheet.header_row}:"):
        problems.append("no AutoFilter over the export")
    problems += _every_row_an_item(ws, layout, sheet)
    separators: set[str] = set()
    free = 0
    for item in layout.items:
        kind = ws[f"{letter['Response Type']}{item.row}"].value
        options = ws[f"{letter['Response Options']}{item.row}"].value
        # Since the blind run (see the note): the row's own options, source "options"; none on a text row.
        want_choices = _split_options(options) if options else []
        want_source = "options" if len(want_choices) >= 2 else None
        if item.allowed_answers != (want_choices if want_source else []) or item.allowed_answers_source != want_source:
            problems.append(f"row {item.row}: allowed answers {item.allowed_answers} ({item.allowed_answers_source}); "
                            f"the row's options are {want_choices} ({want_source})")
        if kind == TPRM_TEXT:
            free += 1
            if options:
                problems.append(f"row {item.row}: a free-text question with options {options!r}")
        elif kind == TPRM_SELECT:
            choices = _split_options(options)
            if len(choices) < 3:
                problems.append(f"row {item.row}: a select question without options")
            separators |= {"|" if "|" in options else ";"}
            if item.existing_answer is not None and item.existing_answer not in choices:
                problems.append(f"row {item.row}: the existing response is not one of the row's options")
        else:
            problems.append(f"row {item.row}: response type {kind!r}")
        if not isinstance(ws[f"{letter['Question ID']}{item.row}"].value, int):
            problems.append(f"row {item.row}: the platform's question id is not a number")
        if not _is_any(item.section):
            problems.append(f"row {item.row}: section {item.section!r}; 'Section Name' is a grouping column (ANY)")
        if item.evidence_cell is not None:
            problems.append(f"row {item.row}: the 'Attachment Required' flag taken for an evidence cell")
    if free < 3 or separators != {";", "|"}:
        problems.append(f"{free} free-text rows and option separators {sorted(separators)}: the layout wants both "
                        "styles and a few text rows")
    if sum(item.existing_answer is not None for item in layout.items) < 2:
        problems.append("too few rows already answered")
    info = [s for s in layout.sheets if s.name == TPRM_INFO]
    if len(info) != 1 or info[0].status != "ignored" or wb[TPRM_INFO]["A1"].value != "Platform":
        problems.append("no ignored 'Export Info' sheet")
    return problems


def _feature_rfx_csv(layout: Layout) -> list[str]:
    problems: list[str] = []
    raw = layout.path.read_bytes()
    if raw.startswith(b"\xef\xbb\xbf") or layout.encoding != "utf-8" or layout.delimiter != ",":
        problems.append("not a comma-separated UTF-8 file without a BOM")
    text = raw.decode("utf-8")
    records = _records(layout)
    sheet = layout.sheets[0]
    header = sheet.header_row
    if records[header - 1] != RFX_HEADER:
        problems.append(f"record {header} is {records[header - 1]}, not the header")
    meta = records[:header - 1]
    pairs = meta[:-1]
    if not meta or meta[-1] != [] or len(pairs) < 4 or any(len(r) != 2 or not r[0] or not r[1] for r in pairs):
        problems.append("no block of key/value records and a blank record before the header")
    embedded = sum(value.count("\n") for record in records for value in record)
    if text.count("\r\n") != len(records) or text.count("\n") - text.count("\r\n") != embedded or embedded < 6:
        problems.append("records do not end in CRLF with bare LFs inside quoted fields")
    question = column_index_from_string(_role(sheet, "question")) - 1
    answer = column_index_from_string(_role(sheet, "answer")) - 1
    rows = {item.row: item for item in layout.items}
    last = max(rows)
    if last > len(records):
        return problems + [f"an item on row {last}, past the file's {len(records)} records"]
    for row in range(header, last + 1):
        if len(records[row - 1]) != len(RFX_HEADER):
            problems.append(f"record {row} of the table has {len(records[row - 1])} fields")
        if row > header and row not in rows:
            problems.append(f"record {row}: a record of the table that is not an item")
    if records[last:] != [[], [f"Total questions: {len(layout.items)}", records[-1][1], records[-1][2]]] \
            or not records[-1][1].startswith("Mandatory: "):
        problems.append("no blank record and summary record ('Total questions: n', ...) after the table")
    starts = _first_lines(records)
    multi = below = 0
    for row, item in rows.items():
        value = records[row - 1][question]
        if item.question != collapse(value):
            problems.append(f"row {row}: question {item.question!r}, the record's field collapsed is "
                            f"{collapse(value)!r}")
        multi += "\n" in value
        below += starts[row - 1] != row
        if (records[row - 1][answer] or None) != item.existing_answer:
            problems.append(f"row {row}: the record's response differs from the existing answer")
        if item.allowed_answers or item.allowed_answers_source is not None:
            problems.append(f"row {row}: allowed answers in a CSV without header choices")
        if not _is_any(item.section):
            problems.append(f"row {row}: section {item.section!r}; 'Section' is a grouping column (ANY)")
    if multi < 4 or below < 8:
        problems.append(f"{multi} multi-line questions, {below} items below one: the layout wants several")
    return problems


def _feature_split_ids(layout: Layout) -> list[str]:
    problems: list[str] = []
    wb = openpyxl.load_workbook(layout.path)
    sheet = _only_sheet(layout)
    ws = wb[sheet.name]
    headings = _headings(ws, sheet.header_row)
    code, number, joined = headings["Domain Code"], headings["Question No."], headings["Question Ref"]
    if _role(sheet, "id") != joined or code in sheet.columns or number in sheet.columns:
        problems.append("the id is not the joined 'Question Ref', or a part of it has a role")
    if headings.get("Domain") in sheet.columns:
        problems.append("the 'Domain' grouping column has a role")
    numbers: dict[str, list[int]] = {}
    for item in layout.items:
        part_code, part_number, shown = (ws[f"{letter}{item.row}"].value for letter in (code, number, joined))
        if not isinstance(part_code, str) or not isinstance(part_number, int):
            problems.append(f"row {item.row}: the id parts are not a code and a number")
            continue
        if shown != _joined_id(part_code, part_number) or item.id != shown:
            problems.append(f"row {item.row}: id {item.id!r}, the joined display id is {shown!r}")
        numbers.setdefault(part_code, []).append(part_number)
        if not _is_any(item.section):
            problems.append(f"row {item.row}: section {item.section!r}; 'Domain' is a grouping column (ANY)")
    if len(numbers) < 4 or any(found != list(range(1, len(found) + 1)) for found in numbers.values()):
        problems.append(f"question numbers per domain {numbers}: the layout wants them to restart at 1 in each")
    problems += _drop_down_problems(wb, ws, layout, sheet)
    free = sum(not item.allowed_answers for item in layout.items)
    if not 2 <= free <= 4:
        problems.append(f"{free} free-text questions, expected a few")
    problems += _every_row_an_item(ws, layout, sheet)
    if not str(ws["A1"].value).endswith("Questionnaire export") or "Generated" not in str(ws["A2"].value):
        problems.append("no export banner above the header")
    return problems


def _feature_inline_strings(layout: Layout) -> list[str]:
    problems: list[str] = []
    with zipfile.ZipFile(layout.path) as package:
        names = set(package.namelist())
        sheet_xml = package.read("xl/worksheets/sheet1.xml").decode("utf-8")
        app = package.read("docProps/app.xml").decode("utf-8")
    if {"xl/styles.xml", "xl/sharedStrings.xml"} & names or any(n.startswith("xl/theme/") for n in names):
        problems.append("the package holds a styles part, a theme or shared strings")
    cells = re.findall(r"<c\b[^>]*>", sheet_xml)
    if not cells or any('t="inlineStr"' not in c for c in cells) or any(re.search(r'\ss="', c) for c in cells):
        problems.append("a cell that is not an unstyled inline string")
    if "<v>" in sheet_xml:
        problems.append("a value stored outside an inline string (a number, a shared string)")
    if f"<Application>{PLAIN_APPLICATION}</Application>" not in app:
        problems.append("the document properties do not name the exporting program")
    wb = openpyxl.load_workbook(layout.path)
    sheet = _only_sheet(layout)
    ws = wb[sheet.name]
    if [c.value for c in ws[sheet.header_row]] != list(PLAIN_HEADER.values()) \
            or any(c.font is not None and c.font.b for c in ws[sheet.header_row]):
        problems.append("the header is not the plain, unstyled header")
    if any(not isinstance(c.value, str) for r in ws.iter_rows() for c in r if c.value is not None):
        problems.append("a value that reads back as something other than text")
    id_, question, answer = _role(sheet, "id"), _role(sheet, "question"), _role(sheet, "answer")
    rows = {item.row: item for item in layout.items}
    title: str | None = None
    number: str | None = None
    sections = 0
    for row in range(sheet.header_row + 1, ws.max_row + 1):
        shown = ws[f"{id_}{row}"].value
        if isinstance(shown, str) and re.fullmatch(r"\d+", shown):
            number, title = shown, ws[f"{question}{row}"].value
            sections += 1
            if row in rows or any(ws.cell(row, c).value is not None for c in range(3, ws.max_column + 1)) \
                    or _validations_over(ws, f"{answer}{row}"):
                problems.append(f"row {row}: a section row that is an item or holds more than a number and a title")
        elif row in rows:
            item = rows[row]
            if item.id != shown or not re.fullmatch(rf"{number}\.\d+", shown or ""):
                problems.append(f"row {row}: id {item.id!r}, the cell's text is {shown!r} under section {number!r}")
            if item.section != [title]:
                problems.append(f"row {row}: section {item.section!r}, the section row above says {title!r}")
        elif any(c.value is not None for c in ws[row]):
            problems.append(f"row {row}: neither an item nor a section row")
    if sections < 3 or not any(item.id.endswith(".10") for item in layout.items):
        problems.append("fewer than three section rows, or no id like '2.10' that a number would change")
    problems += _drop_down_problems(wb, ws, layout, sheet)
    return problems


def _feature_follow_ups(layout: Layout) -> list[str]:
    problems: list[str] = []
    wb = openpyxl.load_workbook(layout.path)
    sheet = _only_sheet(layout)
    ws = wb[sheet.name]
    headings = _headings(ws, sheet.header_row)
    if list(headings) != list(FOLLOW_HEADER.values()):
        problems.append(f"headings {list(headings)}, expected {list(FOLLOW_HEADER.values())}")
    parent_col, condition_col = headings["Parent Question ID"], headings["Display Condition"]
    if parent_col in sheet.columns or condition_col in sheet.columns or _role(sheet, "id") != headings["Question ID"]:
        problems.append("the parent or condition column has a role, or the id is not 'Question ID'")
    seen: dict[str, int] = {}
    follow_ups = with_list = free = 0
    for item in layout.items:
        own, parent = ws[f"{headings['Question ID']}{item.row}"].value, ws[f"{parent_col}{item.row}"].value
        if item.id != own:
            problems.append(f"row {item.row}: id {item.id!r}, the row's own Question ID is {own!r}")
        if parent is not None:
            follow_ups += 1
            condition = ws[f"{condition_col}{item.row}"].value
            if parent not in seen or not str(condition).startswith(f"{parent} = ") \
                    or not re.match(r"^If (Yes|No), ", item.question):
                problems.append(f"row {item.row}: a follow-up whose parent {parent!r} is not an item above it, or "
                                "whose condition or wording does not fit")
            if item.id == parent:
                problems.append(f"row {item.row}: the follow-up carries its parent's id")
            if split_ref(item.answer_cell)[2] != item.row:
                problems.append(f"row {item.row}: the follow-up's answer cell is not on its own row")
            if item.allowed_answers:
                with_list += 1
            else:
                free += 1
        elif item.question.startswith("If "):
            problems.append(f"row {item.row}: a conditional question without a parent")
        seen[str(own)] = item.row
    if follow_ups < 6 or with_list < 2 or free < 3:
        problems.append(f"{follow_ups} follow-ups ({with_list} with a drop-down, {free} free text): the layout wants "
                        "several of each")
    if not any(item.allowed_answers == AUDIT_FREQUENCY for item in layout.items):
        problems.append("no follow-up with its own frequency list")
    problems += _drop_down_problems(wb, ws, layout, sheet)
    problems += _walk(ws, layout, sheet)
    return problems


def _feature_previous_response(layout: Layout) -> list[str]:
    problems: list[str] = []
    wb = openpyxl.load_workbook(layout.path)
    sheet = _only_sheet(layout)
    ws = wb[sheet.name]
    headings = _headings(ws, sheet.header_row)
    previous, answer = headings["Previous Response"], headings["Response"]
    previous_comment, comment = headings["Previous Comments"], headings["Comments"]
    if column_index_from_string(answer) != column_index_from_string(previous) + 1:
        problems.append("'Previous Response' does not stand beside 'Response'")
    if (_role(sheet, "answer"), _role(sheet, "comment")) != (answer, comment) \
            or previous in sheet.columns or previous_comment in sheet.columns:
        problems.append("the answer and comment are not 'Response' and 'Comments', or a previous column has a role")
    carried = new = 0
    for item in layout.items:
        if item.existing_answer is not None or item.existing_comment is not None:
            problems.append(f"row {item.row}: an existing answer or comment where Response and Comments are empty")
        comment_at = split_ref(item.comment_cell)[1] if item.comment_cell else None
        if split_ref(item.answer_cell)[1] != answer or comment_at != comment:
            problems.append(f"row {item.row}: the answer or comment cell is not in 'Response' / 'Comments'")
        if ws[f"{answer}{item.row}"].value is not None or ws[f"{comment}{item.row}"].value is not None:
            problems.append(f"row {item.row}: the Response or Comments cell is not empty")
        old = ws[f"{previous}{item.row}"].value
        if old is None:
            new += 1
        elif old in HR_CHOICES:
            carried += 1
        else:
            problems.append(f"row {item.row}: previous response {old!r} is not one of the list's values")
        if _validations_over(ws, f"{previous}{item.row}"):
            problems.append(f"row {item.row}: a drop-down over the previous response")
        if not ws[f"{previous}{item.row}"].font.i:
            problems.append(f"row {item.row}: the previous response is not shown in grey italics")
    if carried < 10 or not 1 <= new <= 3:
        problems.append(f"{carried} rows with a previous response and {new} new questions")
    if sum(ws[f"{previous_comment}{item.row}"].value is not None for item in layout.items) < 2:
        problems.append("too few previous comments")
    problems += _drop_down_problems(wb, ws, layout, sheet)
    problems += _walk(ws, layout, sheet)
    return problems


def _feature_title_and_detail(layout: Layout) -> list[str]:
    problems: list[str] = []
    wb = openpyxl.load_workbook(layout.path)
    sheet = _only_sheet(layout)
    ws = wb[sheet.name]
    headings = _headings(ws, sheet.header_row)
    title_col, detail_col = headings["Question"], headings["Question Detail"]
    if (_role(sheet, "guidance"), _role(sheet, "question")) != (title_col, detail_col):
        problems.append("the short 'Question' title is not the guidance and 'Question Detail' not the question")
    answer = _role(sheet, "answer")
    heading = ws[f"{answer}{sheet.header_row}"].value
    if ws.data_validations.dataValidation:
        problems.append("a drop-down on a sheet whose choices are in the answer header")
    for item in layout.items:
        title, detail = ws[f"{title_col}{item.row}"].value, ws[f"{detail_col}{item.row}"].value
        if not isinstance(title, str) or not isinstance(detail, str):
            problems.append(f"row {item.row}: no title and detail")
            continue
        if item.question != collapse(detail) or item.guidance != collapse(title):
            problems.append(f"row {item.row}: question {item.question!r} / guidance {item.guidance!r}, expected the "
                            "detail / the title")
        if "?" in title or len(title) > 30 or "?" not in detail or len(detail) < 3 * len(title):
            problems.append(f"row {item.row}: the title is not a short label, or the detail does not ask")
        if item.allowed_answers != LIBRARY_CHOICES or item.allowed_answers_source != "header" \
                or heading != f"Answer ({'/'.join(item.allowed_answers)})":
            problems.append(f"row {item.row}: allowed answers {item.allowed_answers} "
                            f"({item.allowed_answers_source}), the header says {heading!r}")
        if item.section != []:
            problems.append(f"row {item.row}: section {item.section!r} on a sheet without section rows")
    problems += _every_row_an_item(ws, layout, sheet)
    return problems


def _feature_sharepoint(layout: Layout) -> list[str]:
    problems: list[str] = []
    wb = openpyxl.load_workbook(layout.path)
    sheet = _only_sheet(layout)
    ws = wb[sheet.name]
    headings = [c.value for c in ws[sheet.header_row]]
    if headings != SP_HEADER:
        return [f"header {headings}, expected {SP_HEADER}"]
    tables = list(ws.tables.values())
    if len(tables) != 1:
        return problems + [f"{len(tables)} tables on the sheet"]
    table = tables[0]
    min_col, min_row, max_col, max_row = range_boundaries(table.ref)
    last = max(item.row for item in layout.items)
    if (min_col, min_row, max_col, max_row) != (1, sheet.header_row, len(SP_HEADER), last):
        problems.append(f"the table {table.ref} does not span exactly the header and the items")
    if [column.name for column in table.tableColumns] != SP_HEADER:
        problems.append("the table's column names differ from the header cells")
    style = table.tableStyleInfo
    if style is None or not style.name or not style.showRowStripes:
        problems.append("the table has no banded style")
    letter = {text: get_column_letter(index) for index, text in enumerate(SP_HEADER, start=1)}
    hidden = _hidden_letters(ws)
    if {letter[text] for text in SP_METADATA} != hidden:
        problems.append(f"hidden columns {sorted(hidden)}, expected the six metadata columns")
    if any(letter[text] in sheet.columns for text in SP_METADATA) or letter["Category"] in sheet.columns:
        problems.append("a metadata or grouping column has a role")
    if _role(sheet, "question") != letter["Title"] or _role(sheet, "id") != letter["Ref"]:
        problems.append("the question is not in 'Title' or the id not in 'Ref'")
    if ws.data_validations.dataValidation:
        problems.append("a drop-down: the list's choice column is exported as text")
    item_ids = []
    for item in layout.items:
        list_id = ws[f"{letter['ID']}{item.row}"].value
        item_ids.append(list_id)
        if not isinstance(list_id, int) or item.id == str(list_id) or item.id != ws[f"{letter['Ref']}{item.row}"].value:
            problems.append(f"row {item.row}: id {item.id!r}: not the row's 'Ref', or SharePoint's ID")
        kind_and_path = (ws[f"{letter['Item Type']}{item.row}"].value, ws[f"{letter['Path']}{item.row}"].value)
        if kind_and_path != ("Item", SP_PATH) \
                or not isinstance(ws[f"{letter['Modified']}{item.row}"].value, datetime):
            problems.append(f"row {item.row}: the metadata columns are not filled")
        if item.allowed_answers or item.allowed_answers_source is not None:
            problems.append(f"row {item.row}: allowed answers without a drop-down")
        if not _is_any(item.section):
            problems.append(f"row {item.row}: section {item.section!r}; 'Category' is a grouping column (ANY)")
    if item_ids == list(range(1, len(item_ids) + 1)) or item_ids != sorted(item_ids):
        problems.append("SharePoint's list-item IDs should rise with gaps")
    problems += _every_row_an_item(ws, layout, sheet)
    return problems


FEATURES: dict[str, Callable[[Layout], list[str]]] = {
    "tprm_platform_flat_export": _feature_platform_options,
    "rfx_csv_multiline_export": _feature_rfx_csv,
    "split_hierarchical_ids": _feature_split_ids,
    "inline_strings_plain_export": _feature_inline_strings,
    "conditional_follow_up_rows": _feature_follow_ups,
    "previous_response_prefilled": _feature_previous_response,
    "title_and_detail_columns": _feature_title_and_detail,
    "sharepoint_list_table_export": _feature_sharepoint,
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
    if name == "tprm_platform_flat_export":
        ws = openpyxl.load_workbook(layout.path)[TPRM_SHEET]
        # The row's options given to the row below it (a list read one row off).
        by_row = {item.row: _split_options(ws[f"F{item.row}"].value) for item in wrong.items}
        for item in wrong.items:
            choices = by_row.get(item.row + 1) or []
            item.allowed_answers = choices
            item.allowed_answers_source = "options" if choices else None
        return "each row given the next row's 'Response Options'", wrong
    if name == "rfx_csv_multiline_export":
        starts = _first_lines(_records(layout))
        for item in wrong.items:
            line = starts[item.row - 1]
            item.row = line
            item.answer_cell = ref(item.sheet, "E", line)
            item.comment_cell = ref(item.sheet, "F", line)
        return "rows counted as physical lines, not records", wrong
    if name == "split_hierarchical_ids":
        ws = openpyxl.load_workbook(layout.path)[SPLIT_SHEET]
        for item in wrong.items:
            item.id = str(ws[f"B{item.row}"].value)
        return "the 'Question No.' part taken for the id", wrong
    if name == "inline_strings_plain_export":
        for item in wrong.items:
            item.id = f"{float(item.id):g}"
        return "ids written as text read as numbers ('2.10' as '2.1')", wrong
    if name == "conditional_follow_up_rows":
        ws = openpyxl.load_workbook(layout.path)[FOLLOW_SHEET]
        for item in wrong.items:
            parent = ws[f"B{item.row}"].value
            if parent:
                item.id = parent
        return "the follow-ups given their parent's id", wrong
    if name == "previous_response_prefilled":
        ws = openpyxl.load_workbook(layout.path)[PREV_SHEET]
        for item in wrong.items:
            item.answer_cell = ref(item.sheet, "C", item.row)
            item.existing_answer = ws[f"C{item.row}"].value
        return "the prefilled 'Previous Response' taken for the answer", wrong
    if name == "title_and_detail_columns":
        for item in wrong.items:
            item.question, item.guidance = item.guidance, item.question
        return "the short title taken for the question and the detail for guidance", wrong
    if name == "sharepoint_list_table_export":
        ws = openpyxl.load_workbook(layout.path)[SP_SHEET]
        for item in wrong.items:
            item.id = str(ws[f"G{item.row}"].value)
        return "SharePoint's list-item 'ID' taken for the id", wrong
    return None


# --- running the set ----------------------------------------------------------------------------------


def self_check(verbose: bool = True) -> int:
    """Writes every file of this set into a temporary folder and checks its expectations (with
    heldout_layouts6's runner, which also compares the questions with sets 6, 7, 8 and 9); returns the
    number of problems (0 when every layout is described by its expectations, every deliberate mistake is
    caught and nothing repeats an earlier set)."""
    return _run_set(10, HELDOUT10_LAYOUTS, check_layout, _aimed_mistake,
                    later=((6, "sixth", HELDOUT6_LAYOUTS), (7, "seventh", HELDOUT7_LAYOUTS),
                           (8, "eighth", HELDOUT8_LAYOUTS), (9, "ninth", HELDOUT9_LAYOUTS)),
                    formats=("xlsx", "csv"), one_item_per_row=False, items_per_file=(12, 18), verbose=verbose)


if __name__ == "__main__":
    sys.exit(1 if self_check() else 0)
