#!/usr/bin/env python3
"""Fourth held-out set of synthetic questionnaires for `bench/layout_bench.py`.

Written on 2026-12-07 by a helper that did not see the detector's code, its tests, its
documentation or the builders of the earlier held-out sets (only the types at the top of
Tests/oracle/questionnaire_layouts.py, the docstring, style helpers and self-check machinery of
bench/heldout_layouts.py, and the docstring, self-check and helpers of bench/heldout_layouts3.py).
Nothing is copied from a real template: every sheet, heading and question was written for this
set. The ten files cover layouts the earlier sets do not:

- numbered_question_text: no id column, each question starts with its own number ("3.2 Are ...");
- domain_merged_down_column: the domain name merged vertically down column A over its questions;
- rich_text_questions: questions stored as rich text (a bold lead-in run), with line breaks and
  non-breaking spaces inside the cell;
- protected_sheet_unlocked_cells: a protected sheet where only the answer and comment cells of the
  question rows (and the sign-off fields) are unlocked, beside a locked internal score formula;
- table_object_prior_year: an Excel Table (ListObject with a table style) holding the
  questionnaire, with last year's answers and comments carried over and a "Changed since last
  year? (Y/N)" column with its own Y/N drop-down that is NOT the answer;
- abbreviated_headers_whole_column: abbreviated headings ("Q#", "Qstn", "Resp.", "Cmnts",
  "Evid.") and a drop-down applied to the whole answer column, header and rows past the last
  question included, with a legend row below the questions;
- explain_and_na_columns: a "Yes/No" answer column followed by "If No, explain" and
  "N/A justification" columns, requirements written as statements;
- bom_crlf_quoted_csv: a CSV in UTF-8 with a BOM, CRLF line ends, every field quoted, trailing
  empty columns and a "Category" column repeated on every row;
- two_products_glossary: the same questions on two product sheets with different id prefixes,
  plus a glossary sheet;
- guidance_columns_before_answer: question in C after a domain code and a sub-domain name on every
  row, "Expected evidence" and "Reference standard" guidance columns before the answer in F.

Expectations follow the conventions stated in bench/heldout_layouts.py:

- an item is a row holding a question (or a requirement to respond to) whose answer goes in a
  cell; titles, supplier-detail form fields, instructions, legends, section rows, repeated
  headers, worked examples, sign-off and reviewer/assessor-only blocks are not items;
- ids are the questionnaire's own, as displayed (a number 3 is "3");
- answer, comment and evidence cells are absolute references on the item's row; allowed answers
  are the drop-down's values in order ("validation") or the choices written in the answer
  column's header ("header"); free text has [] and source None; a CSV has no drop-downs;
- `question` is the cell's text with whitespace collapsed (`collapse`: line breaks and
  non-breaking spaces become single spaces);
- `section` is the section heading where it is a plain heading row, [] where the sheet has none,
  and ANY where the grouping is a column (a merged domain cell, a category or domain-code column);
- `guidance` is None where the sheet has no guidance column, ANY where one could be read as such.

Conventions this set had to decide (each layout's `note` repeats its own):

- a number written only at the start of the question text is NOT taken for an id: the item's id
  is None and its question is the text as written, number included;
- the vertically merged domain cell, the category column and the domain-code/sub-domain columns
  are grouping, not ids (they repeat); items under them have id None;
- "Changed since last year? (Y/N)" is a supplementary field, not the answer, although it has a
  drop-down and choices in its header; the answer is the Response column, and last year's values
  in it (and in Comments) are existing answers and comments;
- with "Yes/No" + "If No, explain" + "N/A justification", the answer is the Yes/No column (allowed
  answers from its header), the comment cell is "If No, explain"; the N/A justification column is a
  second explanation column and is left unchecked (there is no slot for it);
- "Expected evidence" and "Reference standard" are the requester's guidance, not answer, comment
  or evidence cells; the evidence cell is "Evidence supplied";
- the legend row below an abbreviated sheet and the sign-off block of the protected sheet are not
  items; neither are rows past the last question that only carry the whole-column drop-down.

Run `python bench/heldout_layouts4.py` to write every file into a temporary folder and check, with
openpyxl and the csv module alone (the checks of bench/heldout_layouts.py, imported, plus this
file's own: column roles against the header, every question-like row is an item or a known decoy,
and one check per layout of the feature it exercises), that the expectations describe the files,
that deliberate mistakes (an answer column shifted either way, a dropped item, an item off by one
row) are caught, and that no sheet name or question repeats (or nearly repeats) one of the tuned
layouts or of the three earlier held-out sets.
"""

from __future__ import annotations

import codecs
import contextlib
import copy
import csv
import io
import re
import sys
import tempfile
from pathlib import Path
from typing import Any, Callable

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
ORACLE = ROOT / "Tests" / "oracle"
for _folder in (ORACLE, BENCH):
    if str(_folder) not in sys.path:
        sys.path.insert(0, str(_folder))

from openpyxl import Workbook  # noqa: E402
from openpyxl.cell.rich_text import CellRichText, TextBlock  # noqa: E402
from openpyxl.cell.text import InlineFont  # noqa: E402
from openpyxl.styles import Alignment, Border, Font, PatternFill, Protection, Side  # noqa: E402
from openpyxl.utils.cell import column_index_from_string, get_column_letter  # noqa: E402
from openpyxl.worksheet.table import Table, TableStyleInfo  # noqa: E402
from openpyxl.worksheet.worksheet import Worksheet  # noqa: E402

from heldout_layouts import (  # noqa: E402
    _check_csv,
    _check_xlsx,
    _near_duplicate,
    _tuned_words,
    collapse,
    split_ref,
)
from questionnaire_layouts import (  # noqa: E402
    ANY,
    ExpectedItem,
    ExpectedSheet,
    Layout,
    list_validation,
    ref,
)

# --- styles and small helpers (this set's own look) -------------------------------------------------

FACE = "Verdana"
H_FONT = Font(name=FACE, bold=True, color="FFFFFF", size=9)
H_FONT_DARK = Font(name=FACE, bold=True, color="1A1A1A", size=9)
T_FONT = Font(name=FACE, bold=True, size=15, color="17324D")
N_FONT = Font(name=FACE, italic=True, size=8, color="666666")
B_FONT = Font(name=FACE, size=9)
S_FONT = Font(name=FACE, bold=True, size=9, color="17324D")
EDGE = Side(style="thin", color="A5A5A5")
FRAME = Border(left=EDGE, right=EDGE, top=EDGE, bottom=EDGE)
WRAP = Alignment(wrap_text=True, vertical="top")
MIDDLE = Alignment(horizontal="center", vertical="center", wrap_text=True)
PAINT = {
    "navy": PatternFill("solid", fgColor="17324D"),
    "moss": PatternFill("solid", fgColor="4F6228"),
    "rust": PatternFill("solid", fgColor="984807"),
    "slate": PatternFill("solid", fgColor="44546A"),
    "plum": PatternFill("solid", fgColor="604A7B"),
    "cyan": PatternFill("solid", fgColor="DAEEF3"),
    "straw": PatternFill("solid", fgColor="FFF2CC"),
    "mist": PatternFill("solid", fgColor="F2F2F2"),
    "input": PatternFill("solid", fgColor="FFFFE1"),
}
YES_NO_NA = ["Yes", "No", "N/A"]

#: Rows of a questionnaire sheet that read like items (a question mark, or a long text in the
#: question column) but are not, per layout name: (sheet, row) -> why.
DECOYS: dict[str, dict[tuple[str, int], str]] = {}


def heading_row(ws: Worksheet, row: int, titles: dict[str, str], paint: str = "navy", dark: bool = False) -> None:
    for letter, text in titles.items():
        cell = ws[f"{letter}{row}"]
        cell.value = text
        cell.font = H_FONT_DARK if dark else H_FONT
        cell.fill = PAINT[paint]
        cell.border = FRAME
        cell.alignment = MIDDLE


def body_row(ws: Worksheet, row: int, values: dict[str, Any], letters: str = "") -> None:
    """Writes `values`; every letter of `letters` gets a border even when left blank."""
    for letter in set(letters) | set(values):
        cell = ws[f"{letter}{row}"]
        cell.border = FRAME
        cell.font = B_FONT
        cell.alignment = WRAP
        value = values.get(letter)
        if value is not None and value != "":
            cell.value = value


def band_row(ws: Worksheet, row: int, text: str, first: str, last: str, paint: str = "cyan") -> None:
    ws[f"{first}{row}"] = text
    ws[f"{first}{row}"].font = S_FONT
    ws[f"{first}{row}"].fill = PAINT[paint]
    ws.merge_cells(f"{first}{row}:{last}{row}")


def caption(ws: Worksheet, cell: str, text: str, merge: str | None = None) -> None:
    ws[cell] = text
    ws[cell].font = T_FONT
    if merge:
        ws.merge_cells(merge)


def small_print(ws: Worksheet, cell: str, text: str, merge: str | None = None) -> None:
    ws[cell] = text
    ws[cell].font = N_FONT
    ws[cell].alignment = WRAP
    if merge:
        ws.merge_cells(merge)


def col_widths(ws: Worksheet, **columns: float) -> None:
    for letter, width in columns.items():
        ws.column_dimensions[letter].width = width


def sheet_of(name: str, header_row: int, columns: dict[str, str]) -> ExpectedSheet:
    return ExpectedSheet(name, "questionnaire", header_row, columns)


def store(wb: Workbook, folder: Path, name: str) -> Path:
    path = folder / name
    wb.save(path)
    return path


def expect(
    sheet: str,
    row: int,
    question: str,
    answer_column: str,
    id_: str | None,
    *,
    comment: str | None = None,
    evidence: str | None = None,
    allowed: list[str] | None = None,
    source: str | None = None,
    existing: Any = None,
    existing_comment: str | None = None,
    section: Any = ANY,
    guidance: Any = None,
) -> ExpectedItem:
    allowed = list(allowed or [])
    return ExpectedItem(
        sheet=sheet,
        row=row,
        question=collapse(question),
        answer_cell=ref(sheet, answer_column, row),
        id=id_,
        section=section,
        comment_cell=ref(sheet, comment, row) if comment else None,
        evidence_cell=ref(sheet, evidence, row) if evidence else None,
        guidance=guidance,
        allowed_answers=allowed,
        allowed_answers_source=(source or "validation") if allowed else None,
        existing_answer=existing,
        existing_comment=existing_comment,
    )


# --- 1. no id column: each question starts with its own number --------------------------------------


def numbered_question_text(folder: Path) -> Layout:
    sheet = "Third-Party Return"
    wb = Workbook()
    ws = wb.active
    ws.title = sheet
    caption(ws, "A1", "Third-Party Information Security Assurance - Annual Return", "A1:C1")
    small_print(
        ws,
        "A2",
        "Pick a response from the list in column B for every question. Use column C for context or to name supporting documents.",
        "A2:C2",
    )
    heading_row(ws, 3, {"A": "Question", "B": "Response", "C": "Comments"})
    sections = [
        (
            "1. Governance",
            [
                "1.1 Is a named executive accountable for information security across the organisation?",
                "1.2 Has your security policy set been approved by senior management within the last twelve months?",
                "1.3 Are security responsibilities written into job descriptions for staff in technical roles?",
                "1.4 Do you report security risks to your board or an equivalent body at least quarterly?",
            ],
        ),
        (
            "2. Asset Management",
            [
                "2.1 Do you keep an up-to-date inventory of the servers and endpoints that process our data?",
                "2.2 Is every information asset assigned an owner who approves access to it?",
                "2.3 Are storage devices wiped or destroyed using a documented method before reuse or disposal?",
            ],
        ),
        (
            "3. Network Security",
            [
                "3.1 Are production networks separated from corporate office networks by firewalls or equivalent controls?",
                "3.2 Are firewall rule sets reviewed for unused or overly broad rules at least twice a year?",
                "3.3 Is remote administrative access only possible through a VPN or bastion host with multi-factor authentication?",
                "3.4 Do you run intrusion detection or prevention on traffic entering your hosting environment?",
            ],
        ),
        (
            "4. Incident Handling",
            [
                "4.1 Do you have an incident response plan that names roles, contact routes and escalation thresholds?",
                "4.2 Will you tell us about a security incident affecting our data within 48 hours of confirming it?",
                "4.3 Are lessons-learned reviews held and recorded after significant incidents?",
            ],
        ),
    ]
    items: list[ExpectedItem] = []
    answer_rows: list[int] = []
    row = 4
    for title_text, questions in sections:
        band_row(ws, row, title_text, "A", "C")
        row += 1
        for question in questions:
            body_row(ws, row, {"A": question}, "ABC")
            ws[f"B{row}"].fill = PAINT["input"]
            items.append(expect(sheet, row, question, "B", None, comment="C", allowed=YES_NO_NA, section=[title_text]))
            answer_rows.append(row)
            row += 1
    closing = row + 1
    small_print(ws, f"A{closing}", "Please return the completed workbook to your account manager together with any documents you refer to.")
    DECOYS["numbered_question_text"] = {(sheet, closing): "closing instruction"}
    list_validation(ws, YES_NO_NA, *[f"B{r}" for r in answer_rows])
    col_widths(ws, A=80, B=14, C=45)
    ws.freeze_panes = "A4"
    path = store(wb, folder, "supplier_assurance_numbered.xlsx")
    return Layout(
        name="numbered_question_text",
        path=path,
        format="xlsx",
        sheets=[sheet_of(sheet, 3, {"A": "question", "B": "answer", "C": "comment"})],
        items=items,
        note=(
            "No id column: each question starts with its number ('2.3 Are ...'). Convention: the number is NOT "
            "taken for an id (id None, a made-up id is fine) and the question is the text as written, number "
            "included. Section rows ('1. Governance') are plain sections. The instruction above the header and "
            "the closing note below the questions are not items."
        ),
    )


# --- 2. domain names merged vertically down column A ------------------------------------------------


def domain_merged_down_column(folder: Path) -> Layout:
    sheet = "Hosting Control Review"
    wb = Workbook()
    ws = wb.active
    ws.title = sheet
    caption(ws, "A1", "Hosting Provider Control Review", "A1:D1")
    small_print(ws, "A2", "To be completed by the supplier. Group Risk reviews every answer.", "A2:D2")
    heading_row(ws, 4, {"A": "Domain", "B": "Question", "C": "Answer", "D": "Supporting comments"}, paint="moss")
    domains = [
        (
            "Physical security",
            [
                "Are data-centre entrances controlled by badge readers and monitored by CCTV?",
                "Do visitors sign in and stay escorted while inside secure areas?",
                "Are server rooms fitted with fire suppression and environmental monitoring?",
                "Is access to hosting facilities reviewed and revoked when staff change roles?",
            ],
        ),
        (
            "Business continuity",
            [
                "Do you maintain a business continuity plan covering the services you deliver to us?",
                "Has the disaster recovery plan been exercised in the past year, with the results written up?",
                "Are recovery time and recovery point objectives defined for each customer-facing service?",
                "Is a secondary site or region available if the primary hosting location fails?",
            ],
        ),
        (
            "Change management",
            [
                "Must production changes be approved by someone other than the person who made them?",
                "Are emergency changes reviewed retrospectively within a set number of working days?",
                "Do you test changes in an environment separate from production before release?",
                "Can you roll back a failed deployment without restoring from backup?",
            ],
        ),
        (
            "Personnel",
            [
                "Are background checks carried out on staff before they are given access to customer data?",
                "Do employees sign confidentiality agreements as a condition of employment?",
                "Is security awareness training mandatory on joining and repeated every year?",
            ],
        ),
    ]
    choices = ["Yes", "No", "Partially", "Not applicable"]
    items: list[ExpectedItem] = []
    row = 5
    for domain, questions in domains:
        first = row
        for question in questions:
            body_row(ws, row, {"B": question}, "ABCD")
            items.append(expect(sheet, row, question, "C", None, comment="D", allowed=choices))
            row += 1
        ws[f"A{first}"] = domain
        ws[f"A{first}"].font = S_FONT
        ws[f"A{first}"].fill = PAINT["straw"]
        ws[f"A{first}"].alignment = Alignment(horizontal="center", vertical="center", wrap_text=True, text_rotation=90)
        ws.merge_cells(f"A{first}:A{row - 1}")
    list_validation(ws, choices, f"C5:C{row - 1}")
    col_widths(ws, A=8, B=70, C=16, D=40)
    path = store(wb, folder, "hosting_control_review.xlsx")
    return Layout(
        name="domain_merged_down_column",
        path=path,
        format="xlsx",
        sheets=[sheet_of(sheet, 4, {"B": "question", "C": "answer", "D": "comment"})],
        items=items,
        note=(
            "Column A holds each domain name once, in a cell merged down over that domain's questions (text "
            "rotated). The merged domain is grouping, not an id: id None; section ANY. Questions in B, answer "
            "drop-down in C, comment in D."
        ),
    )


# --- 3. rich-text questions with line breaks and non-breaking spaces --------------------------------


def rich_text_questions(folder: Path) -> Layout:
    sheet = "Privacy Review"
    wb = Workbook()
    ws = wb.active
    ws.title = sheet
    caption(ws, "A1", "Personal Data Processing Review", "A1:D1")
    heading_row(ws, 3, {"A": "Ref", "B": "Question", "C": "Answer", "D": "Additional information"}, paint="plum")
    bold = InlineFont(b=True)
    italic = InlineFont(i=True)
    nb = "\u00a0"
    # Each question: the cell value (rich text or a plain string with breaks / non-breaking spaces).
    questions: list[Any] = [
        CellRichText(
            [TextBlock(bold, "Lawful basis: "), "Have you recorded the lawful basis for each purpose for which you process personal data?"]
        ),
        f"Do you keep a record of processing activities as required by Article{nb}30 of the GDPR?",
        CellRichText(
            [
                TextBlock(bold, "Data subject rights:"),
                "\nCan you locate, export and erase an individual's data within one month of a verified request?",
            ]
        ),
        f"Is a Data Protection Officer appointed?\nIf so, give their contact details in column{nb}D.",
        CellRichText(
            [
                TextBlock(bold, "Transfers: "),
                "Are personal data transferred outside the UK or EEA?\n",
                TextBlock(italic, "List the destination countries and the safeguard relied on."),
            ]
        ),
        "Do you carry out a data protection impact assessment before launching high-risk processing?",
        CellRichText(
            [TextBlock(bold, "Sub-processors: "), f"Will you give us at least 30{nb}days' notice before appointing a new sub-processor?"]
        ),
        "Are privacy notices shown to\nend users written in plain language and kept up to date?",
        CellRichText(
            [TextBlock(bold, "Minimisation: "), "Do product teams have to justify each new personal data field before it is collected?"]
        ),
        "Is personal data pseudonymised or anonymised before it is used for analytics or testing?",
        CellRichText(
            [
                TextBlock(bold, "Retention:"),
                f"{nb}Are retention periods set for each category of personal data and enforced automatically?",
            ]
        ),
        CellRichText(
            [
                TextBlock(bold, "Breach notification: "),
                f"Could you help us meet a 72{nb}hour regulator notification deadline\nafter a personal data breach?",
            ]
        ),
    ]
    choices = ["Yes", "No", "In progress", "N/A"]
    items: list[ExpectedItem] = []
    row = 4
    for number, value in enumerate(questions, start=1):
        id_ = f"PV-{number:02d}"
        body_row(ws, row, {"A": id_}, "ABCD")
        ws[f"B{row}"].value = value
        text = str(value)
        items.append(expect(sheet, row, text, "C", id_, comment="D", allowed=choices, section=[]))
        row += 1
    list_validation(ws, choices, f"C4:C{row - 1}")
    col_widths(ws, A=8, B=75, C=14, D=40)
    path = store(wb, folder, "privacy_review_richtext.xlsx")
    return Layout(
        name="rich_text_questions",
        path=path,
        format="xlsx",
        sheets=[sheet_of(sheet, 3, {"A": "id", "B": "question", "C": "answer", "D": "comment"})],
        items=items,
        note=(
            "Most questions are rich text: a bold lead-in run ('Retention:') then the question, some with an "
            "italic run; several cells contain line breaks and non-breaking spaces. The question is the whole "
            "cell's text, lead-in included, whitespace collapsed (a non-breaking space counts as a space). No "
            "section rows (section [])."
        ),
    )


# --- 4. protected sheet: only the answer and comment cells are unlocked -----------------------------


def protected_sheet_unlocked_cells(folder: Path) -> Layout:
    sheet = "Cloud Security Return"
    wb = Workbook()
    ws = wb.active
    ws.title = sheet
    caption(ws, "A1", "Cloud Platform Security Return", "A1:E1")
    small_print(
        ws,
        "A2",
        "This sheet is protected. Only the Response and Comments cells of each question can be edited; the score is worked out by us.",
        "A2:E2",
    )
    heading_row(ws, 4, {"A": "Control ID", "B": "Question", "C": "Response", "D": "Comments", "E": "Score (internal)"}, paint="slate")
    groups = [
        (
            "Identity and access",
            "IAM",
            [
                "Is multi-factor authentication enforced for every user who can reach the cloud management console?",
                "Are root or break-glass accounts kept in a vault and used only under a recorded procedure?",
                "Do you grant cloud permissions through roles rather than directly to individual users?",
                "Are access keys for service accounts rotated at least every 90 days?",
                "Is single sign-on used for the administrative tools that support our tenancy?",
                "Are dormant accounts disabled automatically after a defined period of inactivity?",
            ],
        ),
        (
            "Data protection",
            "DP",
            [
                "Are storage buckets and databases blocked from public access by default?",
                "Is customer data encrypted at rest with keys held in a dedicated key management service?",
                "Can customers bring or control their own encryption keys?",
                "Are database snapshots encrypted and restricted to the production account?",
                "Do you scan repositories and build logs for secrets such as passwords and API tokens?",
                "Is data moving between your internal services protected with TLS 1.2 or higher?",
            ],
        ),
    ]
    choices = ["Yes", "Partial", "No", "N/A"]
    unlocked = Protection(locked=False)
    items: list[ExpectedItem] = []
    answer_rows: list[int] = []
    row = 5
    for title_text, code, questions in groups:
        band_row(ws, row, title_text, "A", "E")
        row += 1
        for number, question in enumerate(questions, start=1):
            id_ = f"CS-{code}-{number:02d}"
            body_row(ws, row, {"A": id_, "B": question, "E": f'=IF(C{row}="Yes",2,IF(C{row}="Partial",1,0))'}, "ABCDE")
            for letter in "CD":
                ws[f"{letter}{row}"].protection = unlocked
                ws[f"{letter}{row}"].fill = PAINT["input"]
            ws[f"E{row}"].fill = PAINT["mist"]
            items.append(expect(sheet, row, question, "C", id_, comment="D", allowed=choices, section=[title_text]))
            answer_rows.append(row)
            row += 1
    row += 1
    for label in ("Completed by (name and role):", "Date completed:"):
        ws[f"A{row}"] = label
        ws[f"A{row}"].font = S_FONT
        ws[f"B{row}"].protection = unlocked
        ws[f"B{row}"].fill = PAINT["input"]
        ws[f"B{row}"].border = FRAME
        row += 1
    list_validation(ws, choices, *[f"C{r}" for r in answer_rows])
    ws.protection.sheet = True
    ws.protection.password = "return2027"
    col_widths(ws, A=14, B=70, C=12, D=40, E=10)
    path = store(wb, folder, "cloud_security_protected.xlsx")
    return Layout(
        name="protected_sheet_unlocked_cells",
        path=path,
        format="xlsx",
        sheets=[sheet_of(sheet, 4, {"A": "id", "B": "question", "C": "answer", "D": "comment"})],
        items=items,
        note=(
            "The sheet is protected (with a password); on question rows only Response and Comments are "
            "unlocked. 'Score (internal)' is a locked formula column for the requester, not an answer or "
            "comment. The unlocked sign-off fields below the questions are not items. Section rows are plain."
        ),
    )


# --- 5. an Excel Table holding the questionnaire, last year's answers carried over -------------------


def table_object_prior_year(folder: Path) -> Layout:
    sheet = "Renewal 2027"
    wb = Workbook()
    ws = wb.active
    ws.title = sheet
    caption(ws, "B2", "Annual Vendor Security Renewal - 2027")
    small_print(
        ws,
        "B3",
        "Your 2026 answers have been carried over. Check each one, update it where it no longer holds, and say whether anything changed.",
    )
    titles = {"B": "Ref", "C": "Question", "D": "Changed since last year? (Y/N)", "E": "Response", "F": "Comments"}
    for letter, text in titles.items():
        ws[f"{letter}5"] = text
    rows = [
        ("Do you hold a current ISO/IEC 27001 certificate whose scope covers the services you provide to us?", "Yes",
         "Certificate renewed March 2026; scope includes hosting and support."),
        ("Has an independent SOC 2 Type II report been issued for your platform in the last 12 months?", "Yes",
         "Report period January to December 2025, available under NDA."),
        ("Are penetration tests by an outside firm performed on internet-facing systems at least yearly?", "Yes", None),
        ("Are critical security patches applied to servers within 14 days of release?", "No",
         "Current target is 30 days; moving to 14 days in Q3."),
        ("Is endpoint detection and response software installed on all staff laptops?", "Yes", None),
        ("Do you retain security logs for at least twelve months?", "Yes", "Hot storage for 90 days, archive for 13 months."),
        ("Are logs forwarded to a monitored SIEM with alerts reviewed around the clock?", "Yes", None),
        ("Do any subcontractors have standing access to our data?", "No", None),
        ("Are software dependencies scanned for known vulnerabilities in the build pipeline?", "Yes", None),
        ("Has every engineer who commits code to the product been through secure development training in the past year?", "No", "Planned for all engineers by the end of 2026."),
        ("Do you use generative AI tools that could receive our confidential information?", None, None),
        ("Have you mapped your controls to the requirements of the EU NIS2 Directive?", None, None),
        ("Is a software bill of materials available for the product you supply to us?", None, None),
        ("Are passkeys or other phishing-resistant authenticators offered to your customers' users?", None, None),
    ]
    items: list[ExpectedItem] = []
    row = 6
    for number, (question, answer, comment) in enumerate(rows, start=1):
        id_ = f"R{number:02d}"
        for letter, value in {"B": id_, "C": question, "E": answer, "F": comment}.items():
            if value is not None:
                ws[f"{letter}{row}"] = value
        ws[f"C{row}"].alignment = WRAP
        ws[f"F{row}"].alignment = WRAP
        items.append(
            expect(sheet, row, question, "E", id_, comment="F", allowed=YES_NO_NA, existing=answer, existing_comment=comment, section=[])
        )
        row += 1
    last = row - 1
    table = Table(displayName="tblRenewal", ref=f"B5:F{last}")
    table.tableStyleInfo = TableStyleInfo(name="TableStyleMedium2", showRowStripes=True, showColumnStripes=False)
    ws.add_table(table)
    list_validation(ws, ["Y", "N"], f"D6:D{last}")
    list_validation(ws, YES_NO_NA, f"E6:E{last}")
    col_widths(ws, A=3, B=8, C=70, D=16, E=12, F=45)
    path = store(wb, folder, "renewal_table_prior_year.xlsx")
    return Layout(
        name="table_object_prior_year",
        path=path,
        format="xlsx",
        sheets=[sheet_of(sheet, 5, {"B": "id", "C": "question", "E": "answer", "F": "comment"})],
        items=items,
        note=(
            "The questionnaire is an Excel Table (tblRenewal, TableStyleMedium2) whose first row is the header. "
            "Ten questions carry last year's answers (and some comments) in Response/Comments: existing answers. "
            "'Changed since last year? (Y/N)', with its own Y/N drop-down, is a supplementary field and NOT the "
            "answer. The four new questions at the end are blank. No section rows (section [])."
        ),
    )


# --- 6. abbreviated headings and a drop-down over the whole answer column ---------------------------


def abbreviated_headers_whole_column(folder: Path) -> Layout:
    sheet = "IT Sec Qstnr"
    wb = Workbook()
    ws = wb.active
    ws.title = sheet
    caption(ws, "A1", "IT Sec. Qstnr - Managed Svcs")
    heading_row(ws, 2, {"A": "Q#", "B": "Qstn", "C": "Resp.", "D": "Cmnts", "E": "Evid."}, paint="straw", dark=True)
    questions = [
        "Do you perform vulnerability scans of all managed hosts at least monthly?",
        "Are admin sessions to customer systems recorded and kept for review?",
        "Is customer data kept in logically separate databases or schemas per client?",
        "Do you use a ticketing system to authorise every change you make to our environment?",
        "Are your support engineers located only in countries we have approved?",
        "Do you restrict the use of USB storage on engineers' workstations?",
        "Are configuration baselines such as CIS benchmarks applied to the servers you manage?",
        "Do you alert us when monitoring detects a suspected compromise of our systems?",
        "Is anti-malware kept current on all Windows servers under your management?",
        "Are shared support credentials banned in favour of named accounts?",
        "Do you test restores of our backups at least every quarter?",
        "Are clocks synchronised across managed systems so that logs from different hosts line up?",
        "Will you return or destroy our data and confirm it in writing when the contract ends?",
    ]
    choices = ["Yes", "No", "Partial", "Not applicable"]
    items: list[ExpectedItem] = []
    row = 3
    for number, question in enumerate(questions, start=1):
        body_row(ws, row, {"A": number, "B": question}, "ABCDE")
        items.append(expect(sheet, row, question, "C", str(number), comment="D", evidence="E", allowed=choices, section=[]))
        row += 1
    legend = row + 1
    small_print(ws, f"B{legend}", "Key: Resp. = response, Cmnts = comments, Evid. = evidence reference (file name or link).")
    DECOYS["abbreviated_headers_whole_column"] = {(sheet, legend): "legend"}
    list_validation(ws, choices, "C1:C1048576")
    col_widths(ws, A=5, B=70, C=14, D=40, E=25)
    path = store(wb, folder, "itsec_qstnr_abbrev.xlsx")
    return Layout(
        name="abbreviated_headers_whole_column",
        path=path,
        format="xlsx",
        sheets=[sheet_of(sheet, 2, {"A": "id", "B": "question", "C": "answer", "D": "comment", "E": "evidence"})],
        items=items,
        note=(
            "Abbreviated headings: Q# (numbers 1..13, ids '1'..'13'), Qstn, Resp., Cmnts, Evid. The Resp. "
            "drop-down covers the whole column (C1:C1048576), header and rows past the last question included; "
            "those rows and the key/legend row below the questions are not items."
        ),
    )


# --- 7. Yes/No, then "If No, explain", then "N/A justification" -------------------------------------


def explain_and_na_columns(folder: Path) -> Layout:
    sheet = "Supplier Requirements"
    wb = Workbook()
    ws = wb.active
    ws.title = sheet
    caption(ws, "A1", "Contractual Security Requirements - Supplier Statement", "A1:F1")
    small_print(
        ws,
        "A2",
        "Write Yes or No against each requirement and explain every No. Where a requirement does not apply, leave "
        "Yes/No empty and give the reason under N/A justification.",
        "A2:F2",
    )
    heading_row(
        ws,
        4,
        {
            "A": "Ref",
            "B": "Requirement",
            "C": "Yes/No",
            "D": "If No, explain",
            "E": "N/A justification",
            "F": "Evidence (document name)",
        },
        paint="rust",
    )
    groups = [
        (
            "Secure development",
            [
                ("The supplier shall perform peer code review on every change merged into the main branch.", None, None),
                ("The supplier shall run static application security testing on each release candidate.", "Yes", None),
                ("Third-party libraries with known critical vulnerabilities must not be shipped in a release.", None, None),
                ("Production credentials must never be stored in source code or in configuration files under version control.", None, None),
                ("Security defects shall be fixed within timescales agreed with the customer according to severity.", "No",
                 "Our standard fix times are in the support policy; we propose to agree them per contract."),
            ],
        ),
        (
            "Operations",
            [
                ("The supplier shall monitor service availability and share monthly uptime reports.", None, None),
                ("Capacity planning shall ensure that peak demand does not degrade security controls.", None, None),
                ("Administrator actions on production systems must be logged with the individual's identity.", None, None),
                ("The supplier shall notify the customer in advance of planned maintenance that affects the service.", None, None),
                ("Removable media shall not be used to transfer customer data.", None, None),
                ("Hosting facilities used for the service shall be located within the United Kingdom.", None, None),
            ],
        ),
    ]
    items: list[ExpectedItem] = []
    row = 5
    number = 0
    for title_text, requirements in groups:
        band_row(ws, row, title_text, "A", "F", paint="mist")
        row += 1
        for requirement, answer, explanation in requirements:
            number += 1
            id_ = f"SR-{number:02d}"
            body_row(ws, row, {"A": id_, "B": requirement, "C": answer, "D": explanation}, "ABCDEF")
            items.append(
                expect(
                    sheet,
                    row,
                    requirement,
                    "C",
                    id_,
                    comment="D",
                    evidence="F",
                    allowed=["Yes", "No"],
                    source="header",
                    existing=answer,
                    existing_comment=explanation,
                    section=[title_text],
                )
            )
            row += 1
    row += 1
    ws[f"A{row}"] = "Signed for the supplier:"
    ws[f"A{row}"].font = S_FONT
    ws.merge_cells(f"A{row}:B{row}")
    ws[f"A{row + 1}"] = "Date:"
    ws[f"A{row + 1}"].font = S_FONT
    col_widths(ws, A=8, B=70, C=10, D=40, E=30, F=28)
    path = store(wb, folder, "supplier_requirements_yes_no.xlsx")
    return Layout(
        name="explain_and_na_columns",
        path=path,
        format="xlsx",
        sheets=[sheet_of(sheet, 4, {"A": "id", "B": "question", "C": "answer", "D": "comment", "F": "evidence"})],
        items=items,
        note=(
            "Requirements written as statements ('The supplier shall ...'), each an item. Answer is the 'Yes/No' "
            "column (no drop-down; allowed answers Yes, No from its header, source 'header'); the comment cell is "
            "'If No, explain'; 'N/A justification' is a second explanation column left unchecked; evidence is "
            "'Evidence (document name)'. Two rows are already answered (one No with its explanation). Sign-off "
            "rows are not items; section rows are plain."
        ),
    )


# --- 8. CSV: UTF-8 with BOM, CRLF, every field quoted, trailing empty columns -----------------------


def bom_crlf_quoted_csv(folder: Path) -> Layout:
    sheet = "vendor_review_export"
    categories = [
        (
            "Access Control",
            "AC",
            [
                "Are user access rights recertified by managers at least every six months?",
                "Do leavers lose access to all systems on their last working day?",
                "Is the principle of least privilege applied to database administrators?",
                "Are password rules aligned with current NIST SP 800-63B guidance?",
            ],
        ),
        (
            "Encryption",
            "EN",
            [
                "Which encryption algorithms and key lengths protect stored customer records?",
                "Are certificates tracked so that none expire unnoticed?",
                "Who can access the master keys, and how is that access approved?",
            ],
        ),
        (
            "Vendor Management",
            "VM",
            [
                "Before signing with a key supplier of your own, do you review how it protects information?",
                "Are security obligations flowed down to subcontractors in written agreements?",
                "How often do you reassess the suppliers that host or process our data?",
            ],
        ),
        (
            "Resilience",
            "RS",
            [
                "Is the service designed to survive the loss of a single availability zone?",
                "What is the longest unplanned outage the service has had in the past two years?",
                "Are backups stored immutably so that ransomware cannot alter them?",
            ],
        ),
    ]
    width = 8
    records: list[list[str]] = [
        ["Vendor Risk Review - questionnaire export"] + [""] * (width - 1),
        [""] * width,
        ["Category", "Control ID", "Question", "Vendor Response", "Vendor Comments", "", "", ""],
    ]
    items: list[ExpectedItem] = []
    for category, code, questions in categories:
        for number, question in enumerate(questions, start=1):
            id_ = f"{code}-{number:02d}"
            records.append([category, id_, question, "", "", "", "", ""])
            items.append(expect(sheet, len(records), question, "D", id_, comment="E"))
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, quoting=csv.QUOTE_ALL, lineterminator="\r\n")
    writer.writerows(records)
    path = folder / "vendor_review_export.csv"
    path.write_bytes(codecs.BOM_UTF8 + buffer.getvalue().encode("utf-8"))
    return Layout(
        name="bom_crlf_quoted_csv",
        path=path,
        format="csv",
        sheets=[ExpectedSheet(sheet, "questionnaire", 3, {"B": "id", "C": "question", "D": "answer", "E": "comment"})],
        items=items,
        csv=True,
        encoding="utf-8-sig",
        delimiter=",",
        note=(
            "UTF-8 with a BOM, CRLF line ends, every field quoted (empty ones as \"\"), three trailing empty "
            "columns on every record, a title record and an all-empty record above the header. The Category "
            "column repeats on every row (grouping, section ANY); Control ID is the id. No drop-downs in a CSV."
        ),
    )


# --- 9. the same questions for two products, plus a glossary ----------------------------------------


def two_products_glossary(folder: Path) -> Layout:
    products = [
        ("Product A", "A", "Product A - Customer Portal (SaaS)", {1: ("Yes", None), 2: ("Yes", "SAML 2.0 and OIDC"), 5: ("No", None)}),
        ("Product B", "B", "Product B - Field Data Collector (installed)", {4: ("Yes", "Exported as CSV from the admin console.")}),
    ]
    questions = [
        "Is the product hosted in a multi-tenant environment shared with other customers?",
        "Does the product support SAML or OpenID Connect single sign-on for our staff?",
        "Can administrators set session time-outs and idle lock periods?",
        "Does the product keep an audit trail of user and administrator actions that we can export?",
        "Are file uploads scanned for malware before they are stored?",
        "Is role-based access control configurable by our own administrators?",
        "Are application-level security tests run against every major release of the product?",
        "Can our data be exported in an open format at any time during the contract?",
        "Does the product offer IP allow-listing for access to its administration pages?",
        "Are product security advisories published and sent to customers?",
    ]
    wb = Workbook()
    first = True
    items: list[ExpectedItem] = []
    sheets: list[ExpectedSheet] = []
    for name, prefix, banner, answered in products:
        ws = wb.active if first else wb.create_sheet()
        first = False
        ws.title = name
        caption(ws, "A1", banner, "A1:D1")
        small_print(ws, "A2", f"Answer for {name} only; the other product has its own sheet.", "A2:D2")
        heading_row(ws, 4, {"A": "ID", "B": "Question", "C": "Response", "D": "Notes"}, paint="navy")
        row = 5
        for number, question in enumerate(questions, start=1):
            id_ = f"{prefix}-{number:02d}"
            answer, note = answered.get(number, (None, None))
            body_row(ws, row, {"A": id_, "B": question, "C": answer, "D": note}, "ABCD")
            items.append(
                expect(name, row, question, "C", id_, comment="D", allowed=YES_NO_NA, existing=answer, existing_comment=note, section=[])
            )
            row += 1
        list_validation(ws, YES_NO_NA, f"C5:C{row - 1}")
        col_widths(ws, A=7, B=75, C=12, D=40)
        sheets.append(sheet_of(name, 4, {"A": "id", "B": "question", "C": "answer", "D": "comment"}))
    glossary = wb.create_sheet("Glossary")
    caption(glossary, "A1", "Glossary")
    heading_row(glossary, 3, {"A": "Term", "B": "Meaning"}, paint="slate")
    terms = [
        ("Tenant", "One customer's logically separate space within a shared service."),
        ("SSO", "Single sign-on: signing in once with the organisation's identity provider to reach several applications."),
        ("Audit trail", "A time-ordered record of who did what in the product, kept so that actions can be reviewed later."),
        ("Allow-list", "A list of network addresses permitted to connect; everything else is refused."),
        ("Security advisory", "A notice describing a vulnerability in the product, who is affected and how to fix it."),
    ]
    for offset, (term, meaning) in enumerate(terms):
        body_row(glossary, 4 + offset, {"A": term, "B": meaning}, "AB")
    col_widths(glossary, A=20, B=90)
    sheets.append(ExpectedSheet("Glossary", "ignored"))
    path = store(wb, folder, "two_product_security_review.xlsx")
    return Layout(
        name="two_products_glossary",
        path=path,
        format="xlsx",
        sheets=sheets,
        items=items,
        note=(
            "Two product sheets with the same ten questions in the same places, ids prefixed A- and B-; each is "
            "a questionnaire sheet and every row on both is an item (20 items). A few answers are already "
            "filled (different ones per product). The Glossary sheet (term/meaning) is ignored."
        ),
    )


# --- 10. grouping codes before the question, guidance columns before the answer ---------------------


def guidance_columns_before_answer(folder: Path) -> Layout:
    sheet = "Supplier Control Matrix"
    wb = Workbook()
    ws = wb.active
    ws.title = sheet
    caption(ws, "A1", "Supplier Control Assessment", "A1:H1")
    small_print(
        ws,
        "A2",
        "Columns D and E show what we expect to see and where the control comes from. Answer in column F, comment in G, "
        "and name the files you send in H.",
        "A2:H2",
    )
    heading_row(
        ws,
        4,
        {
            "A": "Domain code",
            "B": "Sub-domain",
            "C": "Control question",
            "D": "Expected evidence",
            "E": "Reference standard",
            "F": "Supplier response",
            "G": "Supplier comments",
            "H": "Evidence supplied",
        },
        paint="moss",
    )
    for letter in "DE":
        ws[f"{letter}4"].fill = PAINT["mist"]
        ws[f"{letter}4"].font = H_FONT_DARK
    rows = [
        ("GOV", "Risk management", "Do you run a formal information security risk assessment at least once a year?",
         "Latest risk register extract and its approval record", "ISO/IEC 27001:2022 clause 6.1.2"),
        ("GOV", "Policy exceptions", "Are exceptions to security policy logged, time-limited and approved by a risk owner?",
         "Exception log showing approvals and expiry dates", "ISO/IEC 27001:2022 A.5.1"),
        ("GOV", "Third parties", "Do your contracts with subcontractors include a right to audit their security?",
         "Contract template clause or a redacted agreement", "ISO/IEC 27001:2022 A.5.20"),
        ("IAM", "Joiners and leavers", "Are access requests approved by the data owner before accounts are created?",
         "Sample of three approved access requests", "NIST SP 800-53 AC-2"),
        ("IAM", "Privileged access", "Is privileged access granted just in time and removed automatically afterwards?",
         "Screenshot of the privileged access tool's configuration", "NIST SP 800-53 AC-6"),
        ("IAM", "Authentication", "Do remote workers authenticate with a second factor that cannot be phished, such as a hardware key?",
         "MFA policy and an enrolment report", "NIST SP 800-63B AAL3"),
        ("OPS", "Vulnerability management", "Are vulnerabilities triaged and given remediation deadlines according to a documented severity scale?",
         "Vulnerability management standard and a recent scan summary", "CIS Controls v8 7.2"),
        ("OPS", "Security monitoring", "Are alerts from security tooling investigated by an analyst within a defined response time?",
         "SOC runbook and alert-handling metrics", "CIS Controls v8 8.11"),
        ("OPS", "Hardening", "Are unnecessary services and default accounts removed from server images before deployment?",
         "Golden image build script or hardening checklist", "CIS Controls v8 4.1"),
        ("OPS", "Backup", "Are backup jobs monitored so that failures are noticed and re-run the same day?",
         "Backup job report covering the last month", "ISO/IEC 27001:2022 A.8.13"),
        ("DAT", "Classification", "Do you label documents and data stores according to a classification scheme?",
         "Classification policy and examples of labelled items", "ISO/IEC 27001:2022 A.5.12"),
        ("DAT", "Leakage prevention", "Are data loss prevention rules in place for e-mail and cloud file sharing?",
         "Summary of DLP rules and a sample incident report", "ISO/IEC 27001:2022 A.8.12"),
        ("DAT", "Deletion", "Can you prove that our records have been deleted from all live and backup systems?",
         "Deletion certificate template and backup expiry settings", "ISO/IEC 27001:2022 A.8.10"),
    ]
    choices = ["Fully met", "Partially met", "Not met", "Not applicable"]
    items: list[ExpectedItem] = []
    row = 5
    for code, sub, question, expected, standard in rows:
        body_row(ws, row, {"A": code, "B": sub, "C": question, "D": expected, "E": standard}, "ABCDEFGH")
        for letter in "DE":
            ws[f"{letter}{row}"].fill = PAINT["mist"]
            ws[f"{letter}{row}"].font = N_FONT
        items.append(expect(sheet, row, question, "F", None, comment="G", evidence="H", allowed=choices, guidance=ANY))
        row += 1
    list_validation(ws, choices, f"F5:F{row - 1}")
    col_widths(ws, A=8, B=18, C=60, D=36, E=26, F=16, G=36, H=24)
    path = store(wb, folder, "control_assessment_guided.xlsx")
    return Layout(
        name="guidance_columns_before_answer",
        path=path,
        format="xlsx",
        sheets=[
            sheet_of(sheet, 4, {"C": "question", "F": "answer", "G": "comment", "H": "evidence"})
        ],
        items=items,
        note=(
            "Columns A (domain code, repeated) and B (sub-domain name) on every row are grouping, not ids: id "
            "None, section ANY. The question is in C. D 'Expected evidence' and E 'Reference standard' are "
            "pre-filled requester guidance (guidance ANY), NOT answer/comment/evidence; the answer is F (drop-down), "
            "comment G, evidence H 'Evidence supplied'."
        ),
    )


HELDOUT4_LAYOUTS: list[Callable[[Path], Layout]] = [
    numbered_question_text,
    domain_merged_down_column,
    rich_text_questions,
    protected_sheet_unlocked_cells,
    table_object_prior_year,
    abbreviated_headers_whole_column,
    explain_and_na_columns,
    bom_crlf_quoted_csv,
    two_products_glossary,
    guidance_columns_before_answer,
]

#: The same builders by layout name (the form `bench/layout_bench.py` takes for a group).
HELDOUT4_BY_NAME: dict[str, Callable[[Path], Layout]] = {builder.__name__: builder for builder in HELDOUT4_LAYOUTS}


# --- self-check -----------------------------------------------------------------------------------

#: What the header of a column with each role must (and, for answer/comment, must not) say.
ROLE_HEADINGS = {
    "id": re.compile(r"\b(ref|id|no)\b|#", re.I),
    "question": re.compile(r"question|qstn|requirement", re.I),
    "answer": re.compile(r"answer|response|\bresp\.|reply|\byes\s*/\s*no\b", re.I),
    "comment": re.compile(r"comment|cmnts|\bnotes?\b|remark|explain|additional", re.I),
    "evidence": re.compile(r"evidence|\bevid\.|document", re.I),
}


def _role_problems(letter: str, role: str, heading: Any, where: str) -> list[str]:
    text = collapse(heading) if isinstance(heading, str) else ""
    problems = []
    pattern = ROLE_HEADINGS.get(role)
    if pattern is not None and not pattern.search(text):
        problems.append(f"{where}: column {letter} ({role}) is headed {text!r}")
    if role == "answer" and ROLE_HEADINGS["comment"].search(text):
        problems.append(f"{where}: answer column {letter} is headed like a comment column ({text!r})")
    if role == "comment" and ROLE_HEADINGS["answer"].search(text):
        problems.append(f"{where}: comment column {letter} is headed like an answer column ({text!r})")
    if role in ("answer", "comment", "evidence") and re.search(r"expected|reference standard|changed since|score", text, re.I):
        problems.append(f"{where}: {role} column {letter} is a guidance/supplementary column ({text!r})")
    return problems


def _item_column_problems(item: ExpectedItem, sheet: ExpectedSheet, value_at: Callable[[str, int], Any]) -> list[str]:
    """The item's cells sit in the columns its sheet's roles name; the question and id are there."""
    problems: list[str] = []
    where = f"{item.sheet}!row {item.row}"
    roles = {role: letter for letter, role in sheet.columns.items()}
    for role, reference in (("answer", item.answer_cell), ("comment", item.comment_cell), ("evidence", item.evidence_cell)):
        want = roles.get(role)
        got = split_ref(reference)[1] if reference else None
        if want != got:
            problems.append(f"{where}: {role} cell in column {got}, the sheet's {role} column is {want}")
    if "question" in roles and collapse(value_at(roles["question"], item.row)) != collapse(item.question):
        problems.append(f"{where}: the question column does not hold the item's question")
    if "id" in roles:
        value = value_at(roles["id"], item.row)
        if not isinstance(item.id, str) or value is None or str(value) != item.id:
            problems.append(f"{where}: the id column holds {value!r}, the item's id is {item.id!r}")
    elif item.id is not None:
        problems.append(f"{where}: an id {item.id!r} on a sheet without an id column")
    return problems


def _generic_problems(layout: Layout) -> list[str]:
    problems: list[str] = []
    if not 8 <= len(layout.items) <= 30:
        problems.append(f"{len(layout.items)} items; the set wants 8-30 per file")
    for item in layout.items:
        where = f"{item.sheet}!row {item.row}"
        if item.allowed_answers and item.allowed_answers_source not in ("validation", "header", "marks"):
            problems.append(f"{where}: unknown allowed_answers_source {item.allowed_answers_source!r}")
        if not item.allowed_answers and item.allowed_answers_source is not None:
            problems.append(f"{where}: a source without allowed answers")
        if item.question != collapse(item.question):
            problems.append(f"{where}: the question is not given as collapse gives it")
        if item.existing_comment is not None and item.comment_cell is None:
            problems.append(f"{where}: an existing comment without a comment cell")
    decoys = DECOYS.get(layout.name, {})
    for key in decoys:
        if key in {(item.sheet, item.row) for item in layout.items}:
            problems.append(f"{key[0]}!row {key[1]}: both a decoy and an item")
    return problems


def _xlsx_problems(layout: Layout) -> list[str]:
    import openpyxl

    problems: list[str] = []
    wb = openpyxl.load_workbook(layout.path)
    sheets = {sheet.name: sheet for sheet in layout.sheets}
    decoys = DECOYS.get(layout.name, {})
    item_rows = {(item.sheet, item.row) for item in layout.items}
    for sheet in layout.sheets:
        ws = wb[sheet.name]
        if ws.sheet_state != "visible":
            problems.append(f"sheet {sheet.name!r} is hidden")
        if sheet.status != "questionnaire":
            if any((sheet.name, r) in item_rows for r in range(1, ws.max_row + 1)):
                problems.append(f"sheet {sheet.name!r}: items on an ignored sheet")
            continue
        for letter, role in sheet.columns.items():
            problems += _role_problems(letter, role, ws[f"{letter}{sheet.header_row}"].value, f"sheet {sheet.name!r}")
            if ws.column_dimensions[letter].hidden:
                problems.append(f"sheet {sheet.name!r}: column {letter} ({role}) is hidden")
        question_letter = {role: letter for letter, role in sheet.columns.items()}.get("question")
        for row in range(sheet.header_row + 1, ws.max_row + 1):
            key = (sheet.name, row)
            texts = [c.value for c in ws[row] if isinstance(c.value, str)]
            question_like = any(re.search(r"\?\s*$", text) for text in texts)
            value = ws[f"{question_letter}{row}"].value if question_letter else None
            long_text = isinstance(value, str) and len(collapse(value)) >= 30
            if (question_like or long_text) and key not in item_rows and key not in decoys:
                problems.append(f"{sheet.name}!row {row}: reads like an item but is neither an item nor a decoy")
            if ws.row_dimensions[row].hidden:
                problems.append(f"{sheet.name}!row {row}: a hidden row")
    for item in layout.items:
        sheet = sheets.get(item.sheet)
        if sheet is None:
            continue
        ws = wb[item.sheet]
        problems += _item_column_problems(item, sheet, lambda letter, row: ws[f"{letter}{row}"].value)
    return problems


def _csv_problems(layout: Layout) -> list[str]:
    problems: list[str] = []
    text = layout.path.read_bytes().decode(layout.encoding or "utf-8")
    records = list(csv.reader(io.StringIO(text, newline=""), delimiter=layout.delimiter or ",", strict=True))
    if len({len(record) for record in records}) != 1:
        problems.append("records of differing widths")
    sheet = layout.sheets[0]

    def value_at(letter: str, row: int) -> Any:
        record = records[row - 1] if row - 1 < len(records) else []
        index = column_index_from_string(letter) - 1
        return record[index] if index < len(record) else None

    for letter, role in sheet.columns.items():
        problems += _role_problems(letter, role, value_at(letter, sheet.header_row), "header")
    question_letter = {role: letter for letter, role in sheet.columns.items()}.get("question")
    item_rows = {(item.sheet, item.row) for item in layout.items}
    decoys = DECOYS.get(layout.name, {})
    for row in range(sheet.header_row + 1, len(records) + 1):
        question = value_at(question_letter, row) if question_letter else None
        key = (sheet.name, row)
        looks = isinstance(question, str) and (len(collapse(question)) >= 30 or question.strip().endswith("?"))
        if looks and key not in item_rows and key not in decoys:
            problems.append(f"row {row}: reads like an item but is neither an item nor a decoy")
    for item in layout.items:
        problems += _item_column_problems(item, sheet, value_at)
    return problems


# --- one check per layout of the feature it exercises ---------------------------------------------


def _feature_numbered(layout: Layout, wb: Any) -> list[str]:
    problems = []
    sheet = layout.sheets[0]
    if "id" in sheet.columns.values():
        problems.append("the numbered layout declares an id column")
    for item in layout.items:
        match = re.match(r"(\d+)\.(\d+) ", item.question)
        if item.id is not None or match is None:
            problems.append(f"row {item.row}: expected id None and a question starting with its number")
            continue
        section = item.section[0] if isinstance(item.section, list) and item.section else ""
        if not section.startswith(match.group(1) + ". "):
            problems.append(f"row {item.row}: number {match.group(0).strip()} under section {section!r}")
    return problems


def _feature_domain_merge(layout: Layout, wb: Any) -> list[str]:
    problems = []
    ws = wb[layout.sheets[0].name]
    vertical = [m for m in ws.merged_cells.ranges if m.min_col == m.max_col == 1 and m.max_row > m.min_row]
    if len(vertical) < 3:
        problems.append(f"only {len(vertical)} vertical merges in column A")
    for item in layout.items:
        cover = [m for m in vertical if m.min_row <= item.row <= m.max_row]
        if len(cover) != 1 or not isinstance(ws.cell(cover[0].min_row, 1).value, str):
            problems.append(f"row {item.row}: not under a merged domain cell")
    covered = {r for m in vertical for r in range(m.min_row, m.max_row + 1)}
    if covered != {item.row for item in layout.items}:
        problems.append("the merged domain cells do not span exactly the question rows")
    return problems


def _feature_rich_text(layout: Layout, wb: Any) -> list[str]:
    import openpyxl

    rich_wb = openpyxl.load_workbook(layout.path, rich_text=True)
    ws = rich_wb[layout.sheets[0].name]
    rich = breaks = spaces = 0
    for item in layout.items:
        value = ws[f"B{item.row}"].value
        if isinstance(value, CellRichText):
            if any(isinstance(block, TextBlock) and block.font.b for block in value):
                rich += 1
        text = str(value)
        breaks += "\n" in text
        spaces += "\u00a0" in text
    problems = []
    if rich < 6 or breaks < 4 or spaces < 4:
        problems.append(f"rich text cells {rich}, with line breaks {breaks}, with non-breaking spaces {spaces}: too few")
    return problems


def _feature_protected(layout: Layout, wb: Any) -> list[str]:
    problems = []
    ws = wb[layout.sheets[0].name]
    if not ws.protection.sheet:
        problems.append("the sheet is not protected")
    for item in layout.items:
        editable = {split_ref(r)[1] for r in (item.answer_cell, item.comment_cell) if r}
        for column in "ABCDE":
            locked = ws[f"{column}{item.row}"].protection.locked
            if locked == (column in editable):
                problems.append(f"row {item.row}: {column} locked={locked}")
    return problems


def _feature_table(layout: Layout, wb: Any) -> list[str]:
    from openpyxl.utils.cell import range_boundaries

    problems = []
    sheet = layout.sheets[0]
    ws = wb[sheet.name]
    tables = list(ws.tables.values())
    if len(tables) != 1:
        return [f"{len(tables)} tables on the sheet"]
    table = tables[0]
    min_col, min_row, max_col, max_row = range_boundaries(table.ref)
    if min_row != sheet.header_row:
        problems.append(f"the table starts on row {min_row}, not on the header row {sheet.header_row}")
    rows = [item.row for item in layout.items]
    if max_row != max(rows) or min(rows) != min_row + 1:
        problems.append("the table does not span exactly the header and the questions")
    names = [column.name for column in table.tableColumns]
    headings = [ws.cell(min_row, c).value for c in range(min_col, max_col + 1)]
    if names != headings:
        problems.append(f"table columns {names} != header cells {headings}")
    if table.tableStyleInfo is None or not table.tableStyleInfo.name:
        problems.append("the table has no style")
    changed = [c for c in range(min_col, max_col + 1) if "changed since" in str(ws.cell(min_row, c).value).lower()]
    if len(changed) != 1:
        problems.append("no 'Changed since last year' column")
    else:
        letter = get_column_letter(changed[0])
        if letter in sheet.columns:
            problems.append("the 'Changed since last year' column is given a role")
        if not any(letter in str(dv.sqref) for dv in ws.data_validations.dataValidation):
            problems.append("the 'Changed since last year' column has no drop-down")
    if sum(item.existing_answer is not None for item in layout.items) < 8:
        problems.append("too few carried-over answers")
    return problems


def _feature_whole_column(layout: Layout, wb: Any) -> list[str]:
    sheet = layout.sheets[0]
    ws = wb[sheet.name]
    answer = {role: letter for letter, role in sheet.columns.items()}["answer"]
    whole = f"{answer}1:{answer}1048576"
    if not any(str(r) == whole for dv in ws.data_validations.dataValidation for r in dv.sqref.ranges):
        return [f"no drop-down over {whole}"]
    return []


def _feature_explain_na(layout: Layout, wb: Any) -> list[str]:
    sheet = layout.sheets[0]
    ws = wb[sheet.name]
    headings = [collapse(c.value) for c in ws[sheet.header_row] if isinstance(c.value, str)]
    problems = []
    for want in ("Yes/No", "If No, explain", "N/A justification"):
        if want not in headings:
            problems.append(f"no {want!r} column")
    if any(item.allowed_answers_source != "header" for item in layout.items):
        problems.append("the Yes/No answers should come from the header")
    if not any(item.existing_answer == "No" and item.existing_comment for item in layout.items):
        problems.append("no answered No with an explanation")
    return problems


def _feature_csv(layout: Layout, wb: Any) -> list[str]:
    problems = []
    raw = layout.path.read_bytes()
    if not raw.startswith(codecs.BOM_UTF8):
        problems.append("no UTF-8 BOM")
    text = raw[len(codecs.BOM_UTF8) :].decode("utf-8")
    if not text.endswith("\r\n") or text.count("\n") != text.count("\r\n"):
        problems.append("records are not all CRLF-terminated")
    field_pattern = r'"(?:[^"]|"")*"'
    for number, line in enumerate(text.split("\r\n")[:-1], start=1):
        if not re.fullmatch(f"{field_pattern}(?:,{field_pattern})*", line):
            problems.append(f"line {number}: not every field is quoted")
    records = list(csv.reader(io.StringIO(text, newline=""), strict=True))
    header = records[layout.sheets[0].header_row - 1]
    if header[-3:] != ["", "", ""]:
        problems.append("no trailing empty columns")
    for item in layout.items:
        record = records[item.row - 1]
        if record[-3:] != ["", "", ""] or not record[0]:
            problems.append(f"row {item.row}: no trailing empty columns or no category")
    return problems


def _feature_two_products(layout: Layout, wb: Any) -> list[str]:
    problems = []
    questionnaires = [sheet.name for sheet in layout.sheets if sheet.status == "questionnaire"]
    if len(questionnaires) != 2:
        return [f"{len(questionnaires)} product sheets"]
    lists = [[(item.row, item.question) for item in layout.items if item.sheet == name] for name in questionnaires]
    if lists[0] != lists[1]:
        problems.append("the product sheets do not hold the same questions in the same rows")
    prefixes = [{str(item.id).split("-")[0] for item in layout.items if item.sheet == name} for name in questionnaires]
    if any(len(p) != 1 for p in prefixes) or prefixes[0] == prefixes[1]:
        problems.append(f"id prefixes {prefixes} are not one per sheet and different")
    if not any(sheet.status == "ignored" for sheet in layout.sheets):
        problems.append("no ignored glossary sheet")
    return problems


def _feature_guidance(layout: Layout, wb: Any) -> list[str]:
    problems = []
    sheet = layout.sheets[0]
    ws = wb[sheet.name]
    used = {split_ref(r)[1] for item in layout.items for r in (item.answer_cell, item.comment_cell, item.evidence_cell) if r}
    for letter in "ABDE":
        if letter in used or letter in sheet.columns:
            problems.append(f"grouping/guidance column {letter} is given a role")
        for item in layout.items:
            if not ws[f"{letter}{item.row}"].value:
                problems.append(f"row {item.row}: column {letter} is empty")
    if any(item.id is not None for item in layout.items):
        problems.append("an id on a sheet without an id column")
    return problems


FEATURES: dict[str, Callable[[Layout, Any], list[str]]] = {
    "numbered_question_text": _feature_numbered,
    "domain_merged_down_column": _feature_domain_merge,
    "rich_text_questions": _feature_rich_text,
    "protected_sheet_unlocked_cells": _feature_protected,
    "table_object_prior_year": _feature_table,
    "abbreviated_headers_whole_column": _feature_whole_column,
    "explain_and_na_columns": _feature_explain_na,
    "bom_crlf_quoted_csv": _feature_csv,
    "two_products_glossary": _feature_two_products,
    "guidance_columns_before_answer": _feature_guidance,
}


def check_layout(layout: Layout) -> list[str]:
    """Every check of one built layout against its file."""
    problems = _check_csv(layout) if layout.csv else _check_xlsx(layout)
    problems += _generic_problems(layout)
    problems += _csv_problems(layout) if layout.csv else _xlsx_problems(layout)
    feature = FEATURES.get(layout.name)
    if feature is None:
        problems.append("no feature check for this layout")
    else:
        wb = None
        if not layout.csv:
            import openpyxl

            wb = openpyxl.load_workbook(layout.path)
        problems += feature(layout, wb)
    keys = [(item.sheet, item.row) for item in layout.items]
    if len(keys) != len(set(keys)):
        problems.append("two items on one row")
    order = {sheet.name: index for index, sheet in enumerate(layout.sheets)}
    if keys != sorted(keys, key=lambda key: (order.get(key[0], -1), key[1])):
        problems.append("items are not in sheet and row order")
    ids = [(item.sheet, item.id) for item in layout.items if isinstance(item.id, str)]
    if len(ids) != len(set(ids)):
        problems.append("ids repeat on a sheet")
    return problems


def _shift(reference: str | None, columns: int = 0, rows: int = 0) -> str | None:
    if reference is None:
        return None
    sheet, column, row = split_ref(reference)
    return ref(sheet or "", get_column_letter(column_index_from_string(column) + columns), row + rows)


def _shifted_answers(layout: Layout, by: int) -> Layout:
    shifted = copy.deepcopy(layout)
    for sheet in shifted.sheets:
        moved_to = {
            get_column_letter(column_index_from_string(letter) + by)
            for letter, role in sheet.columns.items()
            if role == "answer"
        }
        columns = {letter: role for letter, role in sheet.columns.items() if role != "answer" and letter not in moved_to}
        columns.update({letter: "answer" for letter in moved_to})
        sheet.columns = columns
    for item in shifted.items:
        item.answer_cell = _shift(item.answer_cell, columns=by)
    return shifted


def _mutations(layout: Layout) -> list[tuple[str, Layout]]:
    """Deliberately wrong versions of a layout, each of which the checks must catch."""
    out: list[tuple[str, Layout]] = [("answer column shifted one to the right", _shifted_answers(layout, 1))]
    if all(column_index_from_string(split_ref(i.answer_cell)[1]) > 1 for i in layout.items if i.answer_cell):
        out.append(("answer column shifted one to the left", _shifted_answers(layout, -1)))
    dropped = copy.deepcopy(layout)
    del dropped.items[len(dropped.items) // 2]
    out.append(("an item left out", dropped))
    dropped_last = copy.deepcopy(layout)
    del dropped_last.items[-1]
    out.append(("the last item left out", dropped_last))
    moved = copy.deepcopy(layout)
    first = moved.items[0]
    first.row += 1
    first.answer_cell = _shift(first.answer_cell, rows=1)
    first.comment_cell = _shift(first.comment_cell, rows=1)
    first.evidence_cell = _shift(first.evidence_cell, rows=1)
    out.append(("first item one row too low", moved))
    moved_up = copy.deepcopy(layout)
    last = moved_up.items[-1]
    last.row -= 1
    last.answer_cell = _shift(last.answer_cell, rows=-1)
    last.comment_cell = _shift(last.comment_cell, rows=-1)
    last.evidence_cell = _shift(last.evidence_cell, rows=-1)
    out.append(("last item one row too high", moved_up))
    return out


def _words_of(builders: list[Callable[[Path], Layout]], folder: Path, label: str) -> tuple[set[str], set[str], list[str]]:
    """Sheet names and questions of another set (built quietly, never printed)."""
    sheets: set[str] = set()
    questions: set[str] = set()
    notes: list[str] = []
    for index, builder in enumerate(builders):
        sub = folder / f"{label}-{index:02d}"
        sub.mkdir(parents=True, exist_ok=True)
        try:
            with contextlib.redirect_stdout(io.StringIO()):
                layout = builder(sub)
        except Exception as error:  # noqa: BLE001
            notes.append(f"a {label} layout was not compared ({type(error).__name__})")
            continue
        if not layout.csv:
            sheets.update(s.name for s in layout.sheets if s.name)
        questions.update(collapse(i.question) for i in layout.items)
    return sheets, questions, notes


def _earlier_sets(folder: Path) -> tuple[set[str], set[str], list[str]]:
    sheets: set[str] = set()
    questions: set[str] = set()
    notes: list[str] = []
    for module, attribute, label in (
        ("heldout_layouts", "HELDOUT_LAYOUTS", "heldout1"),
        ("heldout_layouts2", "HELDOUT2_LAYOUTS", "heldout2"),
        ("heldout_layouts3", "HELDOUT3_LAYOUTS", "heldout3"),
    ):
        try:
            with contextlib.redirect_stdout(io.StringIO()):
                registry = getattr(__import__(module), attribute)
            builders = list(registry.values()) if isinstance(registry, dict) else list(registry)
            got = _words_of(builders, folder, label)
        except Exception as error:  # noqa: BLE001
            notes.append(f"{label} not compared ({type(error).__name__}: {error})")
            continue
        sheets |= got[0]
        questions |= got[1]
        notes += got[2]
        if not got[1]:
            notes.append(f"{label}: no questions found to compare")
    return sheets, questions, notes


def self_check(verbose: bool = True) -> int:
    """Writes every file of this set into a temporary folder and checks its expectations; returns the
    number of problems (0 when every layout is described by its expectations and every deliberate
    mistake is caught)."""
    total = 0
    with tempfile.TemporaryDirectory(prefix="quire-heldout4-") as tmp:
        folder = Path(tmp)
        with contextlib.redirect_stdout(io.StringIO()):
            tuned_sheets, tuned_questions, notes = _tuned_words(folder / "tuned")
        earlier_sheets, earlier_questions, earlier_notes = _earlier_sets(folder / "earlier")
        for note in notes + earlier_notes:
            print(f"note: {note}")
        seen_questions: set[str] = set()
        seen_names: set[str] = set()
        items_total = 0
        mutations_total = 0
        mutations_caught = 0
        for builder in HELDOUT4_LAYOUTS:
            name = builder.__name__
            sub = folder / "set4" / name
            sub.mkdir(parents=True)
            try:
                layout = builder(sub)
            except Exception as error:  # noqa: BLE001
                print(f"{name}: FAIL, the builder raised {type(error).__name__}: {error}")
                total += 1
                continue
            problems = check_layout(layout)
            if layout.name != name:
                problems.append(f"the layout calls itself {layout.name!r}")
            if name in seen_names:
                problems.append("two builders share a name")
            seen_names.add(name)
            if layout.format != ("csv" if layout.csv else "xlsx") or layout.path.suffix.lstrip(".") != layout.format:
                problems.append(f"format {layout.format!r} does not match the file {layout.path.name}")
            if not layout.note:
                problems.append("the layout states no note")
            for sheet in layout.sheets:
                if layout.csv:
                    continue
                if sheet.name in tuned_sheets:
                    problems.append(f"sheet name {sheet.name!r} is also used by a tuned layout")
                if sheet.name in earlier_sheets:
                    problems.append(f"sheet name {sheet.name!r} is also used by an earlier held-out set")
            own: dict[str, set[str]] = {}
            for item in layout.items:
                text = collapse(item.question)
                if _near_duplicate(text, tuned_questions) is not None:
                    problems.append(f"question too close to a tuned layout's: {text!r}")
                if _near_duplicate(text, earlier_questions) is not None:
                    problems.append(f"question too close to one of an earlier held-out set: {text!r}")
                if text in seen_questions:
                    problems.append(f"question repeated from another layout of this set: {text!r}")
                if text in own.setdefault(item.sheet, set()):
                    problems.append(f"question repeated on sheet {item.sheet!r}: {text!r}")
                own[item.sheet].add(text)
            seen_questions |= {collapse(item.question) for item in layout.items}
            for label, wrong in _mutations(layout):
                mutations_total += 1
                if check_layout(wrong):
                    mutations_caught += 1
                else:
                    problems.append(f"self-check blind spot: a layout with the mistake '{label}' passes")
            items_total += len(layout.items)
            total += len(problems)
            if verbose or problems:
                status = "ok" if not problems else f"FAIL ({len(problems)})"
                print(f"{name}: {layout.format}, {len(layout.items)} items, {status}")
            for problem in problems:
                print(f"    {problem}")
        print(f"deliberate mistakes caught: {mutations_caught}/{mutations_total}")
        print(f"self-check: {len(HELDOUT4_LAYOUTS)} held-out layouts (set 4), {items_total} items, {total} problem(s)")
    return total


if __name__ == "__main__":
    sys.exit(1 if self_check() else 0)
