#!/usr/bin/env python3
"""Second held-out set of synthetic questionnaires for `bench/layout_bench.py`.

Written on 2026-12-07 by a helper that did not see the detector's code, its tests or the first
held-out set's layouts (only the docstring, style helpers and self-check machinery of
bench/heldout_layouts.py, and the types at the top of Tests/oracle/questionnaire_layouts.py).
Nothing is copied from a real template: every sheet, heading and question was written for this
set, in the styles customers send (deep headers after a supplier form, hierarchical numbering,
assessor-only columns, multi-tab workbooks with cover/summary sheets, X marks, a cp1252
semicolon CSV, merged question cells, two-row headers, follow-up rows, an answer column left of
the question).

Expectations follow the conventions stated in bench/heldout_layouts.py:

- an item is a row holding a question (or a requirement to respond to) whose answer goes in a
  cell; titles, supplier-detail form fields, instructions, legends, example rows, section rows,
  totals rows, repeated headers, sign-off and reviewer/assessor blocks are not items;
- a follow-up row ("If yes, ...") with its own answer cell is an item of its own;
- ids are the questionnaire's own, as displayed (a number 3 is "3", 1.2 is "1.2");
- answer, comment and evidence cells are absolute references on the item's row; allowed answers
  are the drop-down's values in order ("validation"), the choices written in the answer column's
  header ("header"), or the headers of the choice columns of a row answered by an X ("marks",
  with `answer_cell` None and `mark_cells`); free text has [] and source None;
- `section` is left unchecked (ANY); `guidance` is the text of a guidance column where there is
  one, else None.

Run `python bench/heldout_layouts2.py` to write every file into a temporary folder and check,
with openpyxl and the csv module alone (the checks of bench/heldout_layouts.py, imported, plus a
few of this file's own), that the expectations describe the files and that no sheet name or
question repeats (or nearly repeats) one of the tuned layouts or of the first held-out set.
"""

from __future__ import annotations

import csv
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
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side  # noqa: E402
from openpyxl.workbook.defined_name import DefinedName  # noqa: E402
from openpyxl.worksheet.worksheet import Worksheet  # noqa: E402

from heldout_layouts import (  # noqa: E402
    MarkItem,
    _check_csv,
    _check_xlsx,
    _near_duplicate,
    _tuned_words,
    collapse,
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

HEAD_FONT = Font(name="Calibri", bold=True, color="FFFFFF", size=10)
BIG = Font(name="Calibri", bold=True, size=15, color="0B3D2E")
SMALL_GREY = Font(name="Calibri", italic=True, size=9, color="7F7F7F")
STRONG = Font(name="Calibri", bold=True)
ITALIC = Font(name="Calibri", italic=True)
HAIR = Side(style="hair", color="A6A6A6")
GRID = Border(left=HAIR, right=HAIR, top=HAIR, bottom=HAIR)
WRAPPED = Alignment(wrap_text=True, vertical="top")
PALETTE = {
    "navy": PatternFill("solid", fgColor="17375E"),
    "rust": PatternFill("solid", fgColor="843C0C"),
    "slate": PatternFill("solid", fgColor="44546A"),
    "olive": PatternFill("solid", fgColor="4F6228"),
    "ash": PatternFill("solid", fgColor="808080"),
    "mist": PatternFill("solid", fgColor="DDEBF7"),
    "cream": PatternFill("solid", fgColor="FFF2CC"),
    "blush": PatternFill("solid", fgColor="F8CBAD"),
    "fog": PatternFill("solid", fgColor="F2F2F2"),
}

#: Rows that look like questions but are not items, per layout name: (sheet, row) -> why.
DECOYS: dict[str, dict[tuple[str, int], str]] = {}


def headings(ws: Worksheet, row: int, titles: dict[str, str], fill: str = "navy") -> None:
    for letter, text in titles.items():
        cell = ws[f"{letter}{row}"]
        cell.value = text
        cell.font = HEAD_FONT
        cell.fill = PALETTE[fill]
        cell.border = GRID
        cell.alignment = Alignment(wrap_text=True, vertical="center", horizontal="center")


def write_row(ws: Worksheet, row: int, values: dict[str, Any], font: Font | None = None) -> None:
    for letter, value in values.items():
        if value is None or value == "":
            continue
        cell = ws[f"{letter}{row}"]
        cell.value = value
        cell.border = GRID
        if isinstance(value, str) and len(value) > 20:
            cell.alignment = WRAPPED
        if font is not None:
            cell.font = font


def boxes(ws: Worksheet, row: int, letters: str, fill: str | None = None) -> None:
    """Borders (and a fill) on empty cells the respondent is meant to write in."""
    for letter in letters:
        cell = ws[f"{letter}{row}"]
        cell.border = GRID
        if fill:
            cell.fill = PALETTE[fill]


def band(ws: Worksheet, row: int, text: str, first: str, last: str, fill: str = "mist") -> None:
    """A section (or banner) row: text in `first`, merged to `last`."""
    ws[f"{first}{row}"] = text
    ws[f"{first}{row}"].font = STRONG
    ws[f"{first}{row}"].fill = PALETTE[fill]
    ws.merge_cells(f"{first}{row}:{last}{row}")


def banner(ws: Worksheet, cell: str, text: str, merge: str | None = None, font: Font = BIG) -> None:
    ws[cell] = text
    ws[cell].font = font
    if merge:
        ws.merge_cells(merge)
        ws[cell].alignment = WRAPPED


def col_widths(ws: Worksheet, **columns: float) -> None:
    for letter, width in columns.items():
        ws.column_dimensions[letter].width = width


def asked(name: str, header_row: int, columns: dict[str, str]) -> ExpectedSheet:
    """A questionnaire sheet's expectation."""
    return ExpectedSheet(name, "questionnaire", header_row, columns)


def save_book(wb: Workbook, folder: Path, name: str) -> Path:
    path = folder / name
    wb.save(path)
    return path


# --- 1. header row far down, after an instruction block and a supplier-details form ----------------


def deep_header_after_form(folder: Path) -> Layout:
    sheet = "Supplier Assurance"
    wb = Workbook()
    ws = wb.active
    ws.title = sheet
    col_widths(ws, A=24, B=70, C=20, D=44)
    banner(ws, "A1", "Third-Party Information Security Assurance Form", "A1:D1")
    banner(ws, "A2", "Form ISA-7, version 4.2 - issued by Procurement Risk", font=SMALL_GREY)
    banner(
        ws,
        "A4",
        "Please complete Part A with your organisation's details and answer every question in Part B. "
        "Choose an answer from the drop-down list in the 'Supplier Answer' column and use the "
        "'Supporting Statement' column to explain partial answers or to point to evidence. Return the "
        "completed form to your procurement contact within 15 working days.",
        "A4:D8",
        font=ITALIC,
    )
    ws["A10"] = "Part A - Supplier details"
    ws["A10"].font = STRONG
    for row, label in enumerate(
        ["Company legal name", "Registered address", "Contact name and role", "Contact email", "Date completed"],
        start=11,
    ):
        ws[f"A{row}"] = label
        ws[f"A{row}"].font = STRONG
        ws.merge_cells(f"B{row}:D{row}")
        boxes(ws, row, "B", fill="cream")
    ws["A17"] = "Part B - Security questions"
    ws["A17"].font = STRONG
    header_row = 18
    headings(ws, header_row, {"A": "Ref", "B": "Control Question", "C": "Supplier Answer", "D": "Supporting Statement"})
    choices = ["Yes", "No", "Partially", "Not applicable"]
    dv = list_validation(ws, choices)
    blocks = [
        (
            "Governance & Policy",
            [
                "Is there an information security policy that has been approved by senior management and reviewed "
                "within the last twelve months?",
                "Has a named individual been given overall accountability for information security across your "
                "organisation?",
                "Do you maintain a risk register that records information security risks together with their "
                "owners and treatment plans?",
                "Are your security controls independently audited, for example through ISO/IEC 27001 certification "
                "or a SOC 2 Type II report?",
            ],
        ),
        (
            "Access Management",
            [
                "Are user accounts issued only after a documented approval from the account holder's line manager?",
                "Is multi-factor authentication enforced for all remote access to your corporate network and cloud "
                "consoles?",
                "Are the access rights of leavers revoked on or before their last working day?",
                "Are privileged accounts reviewed at least quarterly by someone independent of the account holders?",
                "Do shared or generic log-in accounts exist on the systems that will process our data?",
            ],
        ),
        (
            "Data Protection",
            [
                "Is customer information held on your disks and databases encrypted with AES-256 or a comparable "
                "cipher?",
                "Is all data in transit between our users and your service protected with TLS 1.2 or higher?",
                "Are encryption keys held in a dedicated key management service with access restricted to named "
                "administrators?",
                "Will our data be stored and processed only within the European Economic Area?",
            ],
        ),
        (
            "Operations",
            [
                "Are security patches rated critical applied to internet-facing systems within 14 days of release?",
                "Is anti-malware software installed and kept up to date on all servers and end-user devices?",
                "Do you commission an external penetration test of the service at least once a year?",
                "Would you notify us within 48 hours of confirming a security incident that affects our data?",
            ],
        ),
    ]
    items: list[ExpectedItem] = []
    row = header_row + 1
    number = 1
    for section, questions in blocks:
        band(ws, row, section, "A", "D")
        row += 1
        for question in questions:
            ident = f"B{number}"
            write_row(ws, row, {"A": ident, "B": question})
            boxes(ws, row, "CD", fill="cream")
            dv.add(f"C{row}")
            items.append(
                ExpectedItem(
                    sheet, row, question, ref(sheet, "C", row), ident, section=ANY,
                    comment_cell=ref(sheet, "D", row), allowed_answers=choices, allowed_answers_source="validation",
                )
            )
            row += 1
            number += 1
    row += 1
    ws[f"A{row}"] = "Declaration"
    ws[f"A{row}"].font = STRONG
    row += 1
    banner(
        ws, f"A{row}",
        "I confirm that the information given in this form is accurate and complete to the best of my knowledge.",
        f"A{row}:D{row}", font=ITALIC,
    )
    for label in ["Name:", "Job title:", "Signature and date:"]:
        row += 1
        ws[f"A{row}"] = label
        ws.merge_cells(f"B{row}:D{row}")
        boxes(ws, row, "B")
    path = save_book(wb, folder, "supplier-assurance-form.xlsx")
    return Layout(
        "deep_header_after_form", path, "xlsx",
        [asked(sheet, header_row, {"A": "id", "B": "question", "C": "answer", "D": "comment"})],
        items,
    )


# --- 2. hierarchical numbering: whole numbers are headings, 1.1 / 1.1.1 are questions ---------------


def hierarchical_numbering(folder: Path) -> Layout:
    sheet = "Control Review 2027"
    wb = Workbook()
    ws = wb.active
    ws.title = sheet
    picks = wb.create_sheet("Picklists")
    picks["A1"] = "Response values"
    picks["A1"].font = STRONG
    choices = ["Yes", "No", "Partial", "Planned"]
    for offset, value in enumerate(choices, start=2):
        picks[f"A{offset}"] = value
    picks["C1"] = "Owner teams"
    picks["C1"].font = STRONG
    for offset, value in enumerate(["Security", "IT", "HR", "Facilities", "Legal"], start=2):
        picks[f"C{offset}"] = value
    wb.defined_names["ReplyChoices"] = DefinedName("ReplyChoices", attr_text="Picklists!$A$2:$A$5")
    col_widths(ws, A=9, B=78, C=16, D=48)
    banner(ws, "A1", "Annual Supplier Control Review", "A1:D1")
    banner(ws, "A2", "Respond to every numbered requirement. Whole-number rows are headings and need no response.",
           "A2:D2", font=SMALL_GREY)
    header_row = 4
    headings(ws, header_row, {"A": "No.", "B": "Requirement", "C": "Response", "D": "Explanation"}, fill="slate")
    # (number as typed, text, is_heading). Excel turns a typed 1.1 into the number 1.1; 1.1.1 stays text.
    rows: list[tuple[Any, str, bool]] = [
        (1, "Organisational Security", True),
        (1.1, "Does your organisation perform background screening on staff before they are granted access to "
              "customer data?", False),
        ("1.1.1", "Does that screening include criminal record checks where local law permits them?", False),
        ("1.1.2", "Are contractors and agency workers screened to the same standard as employees?", False),
        (1.2, "Do all employees complete security awareness training when they join and at least annually "
              "afterwards?", False),
        ("1.2.1", "Does the awareness programme include simulated phishing exercises?", False),
        (1.3, "Are confidentiality or non-disclosure obligations signed by every person with access to customer "
              "information?", False),
        (2, "Physical and Environmental Security", True),
        (2.1, "Are your data centres protected by badge-controlled entry and CCTV that is monitored around the "
              "clock?", False),
        (2.2, "Is visitor access to secure areas logged, with visitors escorted at all times?", False),
        ("2.2.1", "Are visitor logs retained for at least ninety days?", False),
        (2.3, "Are redundant power supplies and fire suppression installed in the rooms that house production "
              "equipment?", False),
        (3, "Vendor and Supply-Chain Management", True),
        (3.1, "Do you keep an inventory of the sub-processors and other suppliers that will have access to our "
              "data?", False),
        ("3.1.1", "Will you tell us in advance before adding or replacing a sub-processor?", False),
        (3.2, "Are security requirements written into your contracts with those suppliers?", False),
        (3.3, "Do you assess the security posture of critical suppliers before onboarding them and at least every "
              "two years?", False),
        ("3.3.1", "Are findings from those supplier assessments tracked until they are closed?", False),
        (4, "Secure Disposal", True),
        (4.1, "Are storage media wiped or physically destroyed to a recognised standard before they leave your "
              "control?", False),
        (4.2, "Can you provide a certificate of destruction on request?", False),
    ]
    items: list[ExpectedItem] = []
    row = header_row + 1
    for number, text, is_heading in rows:
        if is_heading:
            write_row(ws, row, {"A": number, "B": text}, font=STRONG)
            for letter in "ABCD":
                ws[f"{letter}{row}"].fill = PALETTE["fog"]
        else:
            write_row(ws, row, {"A": number, "B": text})
            boxes(ws, row, "CD")
            if isinstance(number, str):
                ws[f"B{row}"].alignment = Alignment(wrap_text=True, vertical="top", indent=2)
            items.append(
                ExpectedItem(
                    sheet, row, text, ref(sheet, "C", row), str(number), section=ANY,
                    comment_cell=ref(sheet, "D", row), allowed_answers=choices, allowed_answers_source="validation",
                )
            )
        row += 1
    # One drop-down over the whole response column, heading rows included (as customers do it).
    list_validation(ws, "ReplyChoices", f"C{header_row + 1}:C{row - 1}")
    path = save_book(wb, folder, "control-review-hierarchy.xlsx")
    return Layout(
        "hierarchical_numbering", path, "xlsx",
        [
            asked(sheet, header_row, {"A": "id", "B": "question", "C": "answer", "D": "comment"}),
            ExpectedSheet("Picklists", "ignored"),
        ],
        items,
    )


# --- 3. vendor response drop-down, then assessor-only columns and a risk-score formula --------------


def assessor_columns_after_response(folder: Path) -> Layout:
    sheet = "Cyber Risk Responses"
    wb = Workbook()
    ws = wb.active
    ws.title = sheet
    guide = wb.create_sheet("Rating Guide")
    col_widths(ws, A=12, B=20, C=66, D=16, E=36, F=20, G=32, H=11)
    banner(ws, "A1", "Vendor Cyber Risk Assessment", "A1:H1")
    band(ws, 2, "TO BE COMPLETED BY THE VENDOR", "A", "E", fill="cream")
    band(ws, 2, "FOR ASSESSOR USE ONLY", "F", "H", fill="blush")
    header_row = 3
    headings(ws, header_row, {"A": "Question ID", "B": "Domain", "C": "Question", "D": "Vendor Response",
                              "E": "Vendor Comments"}, fill="rust")
    headings(ws, header_row, {"F": "Assessor Rating", "G": "Assessor Notes", "H": "Risk Score"}, fill="ash")
    choices = ["Yes", "No", "Partial", "N/A"]
    questions = [
        ("AC-01", "Access Control", "Are role-based access profiles defined for each application that will handle "
                                    "our records?"),
        ("AC-02", "Access Control", "Do passwords for interactive accounts require at least 12 characters, or is a "
                                    "passwordless method used instead?"),
        ("AC-03", "Access Control", "Are failed login attempts limited, with lockouts alerted to your security team?"),
        ("AC-04", "Access Control", "Is administrative access to production performed through a bastion host or a "
                                    "privileged access management tool?"),
        ("AC-05", "Access Control", "Are service account credentials rotated automatically and never embedded in "
                                    "source code?"),
        ("CR-01", "Cryptography", "Are backup copies encrypted with keys that are separate from those used for live "
                                  "data?"),
        ("CR-02", "Cryptography", "Do you prevent the use of deprecated protocols such as SSL 3.0, TLS 1.0 and TLS "
                                  "1.1 on every public endpoint?"),
        ("CR-03", "Cryptography", "Are cryptographic keys rotated on a defined schedule and immediately after a "
                                  "suspected compromise?"),
        ("CR-04", "Cryptography", "Can customers supply or manage their own encryption keys for the service?"),
        ("IR-01", "Incident Response", "Do you have a documented incident response plan that assigns roles, "
                                       "escalation paths and communication steps?"),
        ("IR-02", "Incident Response", "Has the incident response plan been exercised through a tabletop or live "
                                       "simulation in the past year?"),
        ("IR-03", "Incident Response", "Is a security operations function able to triage alerts twenty-four hours a "
                                       "day, seven days a week?"),
        ("IR-04", "Incident Response", "Do you preserve forensic evidence such as disk images and logs when "
                                       "investigating an incident?"),
        ("IR-05", "Incident Response", "Following an incident, do you share a root-cause report with the customers "
                                       "affected?"),
        ("LG-01", "Logging & Monitoring", "Are security events from servers, network devices and cloud services "
                                          "collected in a central log platform?"),
        ("LG-02", "Logging & Monitoring", "Are logs protected against tampering, for example by write-once storage "
                                          "or cryptographic hashing?"),
        ("LG-03", "Logging & Monitoring", "Are audit logs for production systems kept for at least twelve months?"),
        ("LG-04", "Logging & Monitoring", "Are alerts raised automatically when an administrator account is created "
                                          "or its privileges change?"),
    ]
    first = header_row + 1
    last = first + len(questions) - 1
    list_validation(ws, choices, f"D{first}:D{last}")
    list_validation(ws, ["Satisfactory", "Needs improvement", "Unsatisfactory"], f"F{first}:F{last}")
    items: list[ExpectedItem] = []
    for row, (ident, domain, question) in enumerate(questions, start=first):
        write_row(ws, row, {"A": ident, "B": domain, "C": question})
        boxes(ws, row, "DE", fill="cream")
        boxes(ws, row, "FG", fill="fog")
        ws[f"H{row}"] = f'=IF(D{row}="No",3,IF(D{row}="Partial",2,IF(D{row}="Yes",0,"")))'
        ws[f"H{row}"].fill = PALETTE["fog"]
        items.append(
            ExpectedItem(
                sheet, row, question, ref(sheet, "D", row), ident, section=ANY, comment_cell=ref(sheet, "E", row),
                allowed_answers=choices, allowed_answers_source="validation",
            )
        )
    total = last + 2
    ws[f"G{total}"] = "Total risk score"
    ws[f"G{total}"].font = STRONG
    ws[f"H{total}"] = f"=SUM(H{first}:H{last})"
    guide["A1"] = "How assessors rate vendor responses"
    guide["A1"].font = BIG
    headings(guide, 3, {"A": "Rating", "B": "Meaning"}, fill="ash")
    for row, (rating, meaning) in enumerate(
        [
            ("Satisfactory", "The control is in place and the evidence supports the vendor's response."),
            ("Needs improvement", "The control exists but has gaps that should be closed within six months."),
            ("Unsatisfactory", "The control is missing or ineffective; escalate to the risk committee."),
        ],
        start=4,
    ):
        write_row(guide, row, {"A": rating, "B": meaning})
    guide["A8"] = "Risk Score is calculated from the vendor response: No = 3, Partial = 2, Yes = 0."
    path = save_book(wb, folder, "vendor-risk-assessment.xlsx")
    return Layout(
        "assessor_columns_after_response", path, "xlsx",
        [
            asked(sheet, header_row, {"A": "id", "C": "question", "D": "answer", "E": "comment"}),
            ExpectedSheet("Rating Guide", "ignored"),
        ],
        items,
    )


# --- 4. cover + notes + three identical domain tabs + a COUNTIF summary ----------------------------


def cover_notes_domains_summary(folder: Path) -> Layout:
    wb = Workbook()
    cover = wb.active
    cover.title = "Front Sheet"
    notes = wb.create_sheet("Completion Notes")
    domains = [
        (
            "A. People", "Domain A - People Security", "A",
            [
                "Are employees' security responsibilities described in their job descriptions or employment "
                "contracts?",
                "Is there a disciplinary process for staff who breach security policies?",
                "Are staff reminded of their confidentiality obligations when they leave the organisation?",
                "Do developers and administrators receive role-specific security training beyond the general "
                "awareness course?",
                "Is a clean desk and clear screen rule in force in offices where our information is handled?",
                "Are remote workers required to use company-managed devices to reach customer data?",
            ],
        ),
        (
            "B. Technology", "Domain B - Technology Security", "B",
            [
                "Is an up-to-date inventory of hardware and software assets maintained?",
                "Are servers built from hardened baseline images aligned with CIS benchmarks or a similar standard?",
                "Is the production network segmented from office and development networks?",
                "Are your public web applications protected by a web application firewall?",
                "Is full-disk encryption enabled on every laptop issued to staff?",
                "Are removable storage devices blocked or restricted on company endpoints?",
                "Do you scan your external attack surface for vulnerabilities at least monthly?",
            ],
        ),
        (
            "C. Resilience", "Domain C - Resilience", "C",
            [
                "Is there a business continuity plan covering the services you provide to us?",
                "Have recovery time and recovery point objectives been defined for those services?",
                "Are backups tested by performing a full restore at least twice a year?",
                "Is at least one copy of backup data held offline or in an immutable store?",
                "Was the disaster recovery plan tested within the last twelve months, with the results documented?",
                "Are critical services hosted in more than one geographically separate data centre or availability "
                "zone?",
            ],
        ),
    ]
    summary_name = "Results Overview"
    header_row = 4
    answer_head = "Answer (Yes/No/N/A)"
    choices = ["Yes", "No", "N/A"]
    items: list[ExpectedItem] = []
    sheets = [ExpectedSheet("Front Sheet", "ignored"), ExpectedSheet("Completion Notes", "ignored")]
    spans: list[tuple[str, str, int, int]] = []
    for sheet, heading, prefix, questions in domains:
        ws = wb.create_sheet(sheet)
        col_widths(ws, A=6, B=74, C=14, D=26, E=36)
        banner(ws, "A1", heading, "A1:E1")
        ws["A2"] = "Domain owner:"
        ws["A2"].font = STRONG
        ws.merge_cells("A2:B2")
        boxes(ws, 2, "C")
        headings(ws, header_row, {"A": "#", "B": "Question", "C": answer_head, "D": "Evidence Reference",
                                  "E": "Remarks"}, fill="olive")
        first = header_row + 1
        for row, question in enumerate(questions, start=first):
            ident = f"{prefix}{row - header_row}"
            write_row(ws, row, {"A": ident, "B": question})
            boxes(ws, row, "CDE")
            items.append(
                ExpectedItem(
                    sheet, row, question, ref(sheet, "C", row), ident, section=ANY,
                    comment_cell=ref(sheet, "E", row), evidence_cell=ref(sheet, "D", row),
                    allowed_answers=choices, allowed_answers_source="header",
                )
            )
        spans.append((sheet, heading, first, first + len(questions) - 1))
        sheets.append(
            ExpectedSheet(sheet, "questionnaire", header_row,
                          {"A": "id", "B": "question", "C": "answer", "D": "evidence", "E": "comment"})
        )
    summary = wb.create_sheet(summary_name)
    sheets.append(ExpectedSheet(summary_name, "ignored"))
    # Cover: title and supplier form fields.
    col_widths(cover, A=28, B=50)
    banner(cover, "A2", "Annual Security Attestation 2027", "A2:B2")
    banner(cover, "A3", "Confidential once completed", font=SMALL_GREY)
    for row, label in enumerate(["Supplier name", "Completed by", "Position", "Date of completion",
                                 "Contract reference"], start=6):
        cover[f"A{row}"] = label
        cover[f"A{row}"].font = STRONG
        boxes(cover, row, "B", fill="cream")
    # Notes: numbered instructions (not questions).
    col_widths(notes, A=5, B=100)
    banner(notes, "A1", "How to complete this attestation")
    for row, text in enumerate(
        [
            "Work through the three domain tabs (People, Technology, Resilience) in any order.",
            "Type Yes, No or N/A in the Answer column for every numbered question.",
            "Where you answer No, use the Remarks column to describe compensating measures or planned dates.",
            "Give a document name, section or link in Evidence Reference; do not paste confidential content.",
            "The Results Overview tab counts your answers automatically; please do not edit it.",
            "Save the workbook under its original name and return it by e-mail.",
        ],
        start=3,
    ):
        notes[f"A{row}"] = row - 2
        notes[f"B{row}"] = text
        notes[f"B{row}"].alignment = WRAPPED
    # Summary: COUNTIF over each domain's answer column.
    col_widths(summary, A=34, B=10, C=10, D=10, E=14)
    banner(summary, "A1", "Results Overview")
    headings(summary, 3, {"A": "Domain", "B": "Yes", "C": "No", "D": "N/A", "E": "Unanswered"}, fill="olive")
    for row, (sheet, heading, first, last) in enumerate(spans, start=4):
        area = f"'{sheet}'!$C${first}:$C${last}"
        summary[f"A{row}"] = heading
        summary[f"B{row}"] = f'=COUNTIF({area},"Yes")'
        summary[f"C{row}"] = f'=COUNTIF({area},"No")'
        summary[f"D{row}"] = f'=COUNTIF({area},"N/A")'
        summary[f"E{row}"] = f"=COUNTBLANK({area})"
    total = 4 + len(spans)
    summary[f"A{total}"] = "All domains"
    summary[f"A{total}"].font = STRONG
    for letter in "BCDE":
        summary[f"{letter}{total}"] = f"=SUM({letter}4:{letter}{total - 1})"
    path = save_book(wb, folder, "annual-security-attestation.xlsx")
    return Layout("cover_notes_domains_summary", path, "xlsx", sheets, items)


# --- 5. Yes / No / N/A columns answered with an X, plus comments; an example row above -------------


def x_marks_privacy_checklist(folder: Path) -> Layout:
    sheet = "GDPR Processor Checklist"
    name = "x_marks_privacy_checklist"
    wb = Workbook()
    ws = wb.active
    ws.title = sheet
    col_widths(ws, A=7, B=72, C=7, D=7, E=7, F=40)
    banner(ws, "A1", "Data Processor Privacy Checklist", "A1:F1")
    banner(ws, "A2", "Put an X in one of the Yes / No / N/A columns for each numbered item, and add a comment "
                     "wherever you mark No or N/A.", "A2:F2", font=ITALIC)
    header_row = 4
    headings(ws, header_row, {"A": "Item", "B": "Requirement", "C": "Yes", "D": "No", "E": "N/A", "F": "Comments"},
             fill="navy")
    example_row = header_row + 1
    write_row(ws, example_row, {"A": "e.g.", "B": "Example only: Do you appoint a representative in the Union "
                                                  "under Article 27?", "C": "X",
                                "F": "Illustration of how to mark a row - not part of the checklist"},
              font=SMALL_GREY)
    DECOYS.setdefault(name, {})[(sheet, example_row)] = "example row, pre-marked for illustration"
    blocks = [
        ("Records and lawful basis", [
            "Do you process personal data only on documented instructions from the controller?",
            "Do you maintain a record of the processing activities you carry out on our behalf?",
            "Have you appointed a data protection officer or an equivalent privacy lead?",
        ]),
        ("Data subject rights", [
            "Can you locate and export all personal data relating to a given individual within ten working days?",
            "Can you erase or anonymise an individual's data on request without affecting other customers' "
            "records?",
            "Will you forward to us, without delay, any data subject request you receive directly?",
        ]),
        ("Security of processing", [
            "Is personal data pseudonymised wherever the purpose of processing allows it?",
            "Are test and development environments populated only with synthetic or masked data?",
            "Is access to personal data limited to staff who need it to deliver the contracted service?",
        ]),
        ("Transfers and sub-processors", [
            "Will any personal data be transferred to a country outside the EEA or the UK?",
            "Where such transfers occur, are Standard Contractual Clauses or another approved safeguard in place?",
            "Do your sub-processors sign data processing terms at least as protective as the ones you sign with us?",
        ]),
        ("Breach handling", [
            "Will you inform us of a personal data breach without undue delay and within 24 hours of becoming "
            "aware of it?",
            "Does your breach notification state the categories and approximate number of data subjects affected?",
            "Do you keep an internal register of all personal data breaches, including those not reported to a "
            "supervisory authority?",
        ]),
    ]
    items: list[ExpectedItem] = []
    row = example_row + 1
    number = 1
    for section, questions in blocks:
        band(ws, row, section, "A", "F", fill="mist")
        row += 1
        for question in questions:
            write_row(ws, row, {"A": number, "B": question})
            boxes(ws, row, "CDEF")
            for letter in "CDE":
                ws[f"{letter}{row}"].alignment = Alignment(horizontal="center")
            items.append(
                MarkItem(
                    sheet, row, question, None, str(number), section=ANY, comment_cell=ref(sheet, "F", row),
                    allowed_answers=["Yes", "No", "N/A"], allowed_answers_source="marks",
                    mark_cells={"Yes": ref(sheet, "C", row), "No": ref(sheet, "D", row), "N/A": ref(sheet, "E", row)},
                )
            )
            row += 1
            number += 1
    row += 1
    for label in ["Completed by (name and role):", "Date:"]:
        ws[f"A{row}"] = label
        ws.merge_cells(f"A{row}:B{row}")
        ws.merge_cells(f"C{row}:F{row}")
        boxes(ws, row, "C")
        row += 1
    path = save_book(wb, folder, "privacy-checklist.xlsx")
    return Layout(
        name, path, "xlsx",
        [asked(sheet, header_row, {"A": "id", "B": "question", "F": "comment"})],
        items,
    )


# --- 6. semicolon CSV in cp1252 with a title line, multi-line quoted questions, a blank record ------


def semicolon_cp1252_export(folder: Path) -> Layout:
    stem = "supplier-review-export"
    path = folder / f"{stem}.csv"
    records: list[list[str]] = [
        ["Supplier security review \u2013 export 07.12.2026", "", "", "", ""],
        ["No", "Topic", "Question", "Supplier answer", "Supplier comment"],
    ]
    header_row = 2
    entries: list[tuple[str, str, str] | None] = [
        ("1", "Secure development", "Do you follow a documented secure software development lifecycle that "
                                    "includes threat modelling for new features?"),
        ("2", "Secure development", "Is every code change peer-reviewed before it is merged into the main branch?"),
        ("3", "Secure development", "Are static application security testing (SAST) and software composition "
                                    "analysis run automatically in your build pipeline?"),
        ("4", "Secure development", "Are third-party and open-source libraries tracked in a software bill of "
                                    "materials?\nIf so, how quickly are components with known critical "
                                    "vulnerabilities replaced?"),
        ("5", "Secure development", "Are production secrets kept out of source repositories and injected at "
                                    "deploy time from a vault?"),
        ("6", "Vulnerability management", "How often do you run authenticated vulnerability scans against the "
                                          "infrastructure that hosts our data?"),
        ("7", "Vulnerability management", "What are your target remediation times for vulnerabilities\nrated "
                                          "critical, high and medium?"),
        ("8", "Vulnerability management", "Do you run a bug bounty or a responsible disclosure programme that "
                                          "outside researchers can use?"),
        None,
        ("9", "Cloud hosting", "Which cloud providers and regions will host the service, and is each customer\u2019s "
                               "data kept in a separate account?"),
        ("10", "Cloud hosting", "Are cloud configuration baselines enforced, with drift detected automatically "
                                "(for example by a CSPM tool)?"),
        ("11", "Cloud hosting", "Is the root or \u201cbreak-glass\u201d account of each cloud subscription "
                                "protected by a hardware security key and monitored for use?"),
        ("12", "Assurance", "Do you hold cyber insurance cover of at least \u20ac5 million, and will you provide "
                            "the certificate on request?"),
        ("13", "Assurance", "Have you suffered a security breach in the last three years that you had to report "
                            "to a regulator or to customers?"),
        ("14", "Assurance", "Please list the security certifications you currently hold\n(e.g. ISO/IEC 27001, "
                            "SOC 2, Cyber Essentials Plus) and when each one expires."),
    ]
    items: list[ExpectedItem] = []
    for entry in entries:
        if entry is None:
            records.append(["", "", "", "", ""])
            continue
        ident, topic, question = entry
        records.append([ident, topic, question, "", ""])
        row = len(records)
        items.append(
            ExpectedItem(stem, row, question, ref(stem, "D", row), ident, section=ANY, comment_cell=ref(stem, "E", row))
        )
    records.append(["Exported from the vendor portal \u2013 14 questions", "", "", "", ""])
    with path.open("w", encoding="cp1252", newline="") as handle:
        writer = csv.writer(handle, delimiter=";", lineterminator="\r\n")
        writer.writerows(records)
    return Layout(
        "semicolon_cp1252_export", path, "csv",
        [ExpectedSheet(stem, "questionnaire", header_row, {"A": "id", "C": "question", "D": "answer", "E": "comment"})],
        items, csv=True, encoding="cp1252", delimiter=";",
    )


# --- 7. questions merged over B:D, answer in E from a list on a hidden sheet -------------------------


def merged_question_hidden_list(folder: Path) -> Layout:
    sheet = "Resilience & Recovery"
    lists_name = "Dropdown Values"
    wb = Workbook()
    ws = wb.active
    ws.title = sheet
    hidden = wb.create_sheet(lists_name)
    hidden.sheet_state = "hidden"
    choices = ["Fully in place", "Partially in place", "Planned", "Not in place", "Not applicable"]
    hidden["A1"] = "Statement"
    for offset, value in enumerate(choices, start=2):
        hidden[f"A{offset}"] = value
    hidden["B1"] = "Criticality"
    for offset, value in enumerate(["Low", "Medium", "High"], start=2):
        hidden[f"B{offset}"] = value
    col_widths(ws, A=9, B=30, C=30, D=30, E=22, F=40)
    banner(ws, "A1", "Operational Resilience Questionnaire", "A1:F1")
    header_row = 3
    headings(ws, header_row, {"A": "Ref", "B": "Question", "E": "Supplier Statement", "F": "Comments"}, fill="navy")
    ws.merge_cells(f"B{header_row}:D{header_row}")
    dv = list_validation(ws, f"'{lists_name}'!$A$2:$A${len(choices) + 1}")
    blocks = [
        ("1", "Business continuity", [
            "Has a business impact analysis been completed for the services delivered to us within the last two "
            "years?",
            "Are alternative working arrangements in place if your main office becomes unavailable?",
            "Are key-person dependencies identified, with deputies trained to cover critical roles?",
            "Do continuity plans cover the failure of your own critical suppliers, such as hosting and payment "
            "providers?",
        ]),
        ("2", "Backup and restore", [
            "Are backups taken at least daily for the databases that hold our information?",
            "Are backup copies stored in a location that an outage at the primary site would not affect?",
            "Is access to backup consoles restricted to a small group and protected by multi-factor authentication?",
            "Are restore tests documented, with the time taken compared to the agreed recovery time objective?",
        ]),
        ("3", "Capacity and availability", [
            "Is capacity monitored against thresholds that trigger action before performance degrades?",
            "Do you publish a service status page and notify customers of unplanned outages?",
            "Is the service protected against distributed denial-of-service attacks?",
            "Did the service meet its contracted availability target in each of the last twelve months?",
        ]),
    ]
    items: list[ExpectedItem] = []
    row = header_row + 1
    for part, section, questions in blocks:
        band(ws, row, f"{part}. {section}", "A", "F", fill="fog")
        row += 1
        for index, question in enumerate(questions, start=1):
            ident = f"R{part}.{index:02d}"
            write_row(ws, row, {"A": ident, "B": question})
            ws.merge_cells(f"B{row}:D{row}")
            ws.row_dimensions[row].height = 32
            boxes(ws, row, "EF", fill="cream")
            dv.add(f"E{row}")
            items.append(
                ExpectedItem(
                    sheet, row, question, ref(sheet, "E", row), ident, section=ANY, comment_cell=ref(sheet, "F", row),
                    allowed_answers=choices, allowed_answers_source="validation",
                )
            )
            row += 1
    path = save_book(wb, folder, "resilience-questionnaire.xlsx")
    return Layout(
        "merged_question_hidden_list", path, "xlsx",
        [
            asked(sheet, header_row, {"A": "id", "B": "question", "E": "answer", "F": "comment"}),
            ExpectedSheet(lists_name, "ignored"),
        ],
        items,
    )


# --- 8. two-row header: "Supplier Response" over Answer / Evidence / Comments; a guidance column ----


def grouped_two_row_header(folder: Path) -> Layout:
    sheet = "SDLC Requirements"
    wb = Workbook()
    ws = wb.active
    ws.title = sheet
    col_widths(ws, A=10, B=60, C=36, D=20, E=30, F=34)
    banner(ws, "A1", "Secure Development Requirements for Software Suppliers", "A1:F1")
    headings(ws, 3, {"A": "Req. ID", "B": "Requirement", "C": "What we look for", "D": "Supplier Response"},
             fill="slate")
    for letter in "ABC":
        ws.merge_cells(f"{letter}3:{letter}4")
    ws.merge_cells("D3:F3")
    header_row = 4
    headings(ws, header_row, {"D": "Answer", "E": "Evidence / Link", "F": "Comments"}, fill="slate")
    choices = ["Compliant", "Partially compliant", "Not compliant", "Not applicable"]
    dv = list_validation(ws, choices)
    blocks = [
        ("Design", [
            ("The supplier shall document security requirements for every new product feature before development "
             "begins.", "A template or ticket field in which security requirements are captured."),
            ("The supplier shall perform threat modelling for changes that alter trust boundaries or data flows.",
             "A recent threat model and the method used (for example STRIDE)."),
            ("The supplier shall define approved frameworks and libraries and restrict the use of unapproved "
             "components.", "An allow-list or dependency policy."),
        ]),
        ("Build", [
            ("All source code shall be held in version control with branch protection on release branches.",
             "Screenshot of the branch protection settings."),
            ("Developers shall sign their commits or otherwise authenticate every change pushed to the shared "
             "repository.", "Commit signing, or push access bound to single sign-on."),
            ("Build pipelines shall run automated security tests and fail the build on findings above an agreed "
             "severity.", "Pipeline configuration and the severity gate applied."),
            ("Build artefacts shall be produced on isolated runners and their integrity verified before "
             "deployment.", "Provenance attestations or published checksums."),
        ]),
        ("Test and release", [
            ("Dynamic application security testing shall be performed against a staging environment before each "
             "major release.", "Summary of the latest DAST report."),
            ("Security defects shall be tracked to closure against remediation deadlines set by severity.",
             "Defect tracker extract showing the age of open findings."),
            ("Production deployments shall require approval by someone other than the author of the change.",
             "Change approval records for a recent release."),
            ("The supplier shall be able to roll back a faulty release within one hour.",
             "Rollback runbook or the record of the last rollback."),
            ("Release notes shall state security fixes so that customers can judge how urgently to upgrade.",
             "Sample release notes."),
        ]),
    ]
    items: list[ExpectedItem] = []
    row = header_row + 1
    number = 1
    for section, requirements in blocks:
        band(ws, row, section, "A", "F", fill="mist")
        row += 1
        for requirement, hint in requirements:
            ident = f"SDR-{number:02d}"
            write_row(ws, row, {"A": ident, "B": requirement, "C": hint})
            ws[f"C{row}"].font = SMALL_GREY
            boxes(ws, row, "DEF", fill="cream")
            dv.add(f"D{row}")
            items.append(
                ExpectedItem(
                    sheet, row, requirement, ref(sheet, "D", row), ident, section=ANY,
                    comment_cell=ref(sheet, "F", row), evidence_cell=ref(sheet, "E", row), guidance=hint,
                    allowed_answers=choices, allowed_answers_source="validation",
                )
            )
            row += 1
            number += 1
    path = save_book(wb, folder, "secure-development-requirements.xlsx")
    return Layout(
        "grouped_two_row_header", path, "xlsx",
        [
            ExpectedSheet(sheet, "questionnaire", header_row,
                          {"A": "id", "B": "question", "C": "guidance", "D": "answer", "E": "evidence", "F": "comment"})
        ],
        items,
    )


# --- 9. Yes/No questions, each sometimes followed by an "If yes/no ..." row with its own answer ----


def follow_up_rows(folder: Path) -> Layout:
    sheet = "Detection and Response"
    wb = Workbook()
    ws = wb.active
    ws.title = sheet
    col_widths(ws, A=7, B=70, C=30, D=40)
    banner(ws, "A1", "Incident Detection & Response - Supplier Questions", "A1:D1")
    header_row = 2
    headings(ws, header_row, {"A": "Q#", "B": "Question", "C": "Response", "D": "Additional information"},
             fill="rust")
    choices = ["Yes", "No"]
    dv = list_validation(ws, choices)
    # (id, text); an id ending in a letter is a follow-up answered in free text.
    rows = [
        (1, "Do you have a dedicated team responsible for responding to security incidents?"),
        ("1a", "If yes, how many people are in the team, and is it in-house or outsourced?"),
        (2, "Do you use a security information and event management (SIEM) platform?"),
        ("2a", "If yes, which product is it and which log sources feed into it?"),
        (3, "Are security incidents classified by severity using a documented scheme?"),
        (4, "Have you had a security incident affecting customer data in the past 24 months?"),
        ("4a", "If yes, please describe what happened and the corrective actions taken:"),
        (5, "Do you retain the logs needed to reconstruct user and administrator activity for at least one year?"),
        ("5a", "If no, state the log retention period that currently applies:"),
        (6, "Is there an on-call rota so that critical alerts are acted on outside business hours?"),
        (7, "Do you test your ability to detect attacks, for example through purple-team or red-team exercises?"),
        ("7a", "If yes, when was the most recent exercise and what did it cover?"),
        (8, "Will you give us a named contact for communications during an incident?"),
        ("8a", "If yes, please give that contact's role and how to reach them out of hours:"),
    ]
    items: list[ExpectedItem] = []
    for row, (ident, text) in enumerate(rows, start=header_row + 1):
        follow_up = isinstance(ident, str)
        write_row(ws, row, {"A": ident, "B": text})
        boxes(ws, row, "CD")
        if follow_up:
            ws[f"B{row}"].font = ITALIC
            ws[f"B{row}"].alignment = Alignment(wrap_text=True, vertical="top", indent=3)
            ws[f"C{row}"].fill = PALETTE["fog"]
        else:
            dv.add(f"C{row}")
        items.append(
            ExpectedItem(
                sheet, row, text, ref(sheet, "C", row), str(ident), section=ANY, comment_cell=ref(sheet, "D", row),
                allowed_answers=[] if follow_up else choices,
                allowed_answers_source=None if follow_up else "validation",
            )
        )
    note = header_row + len(rows) + 2
    banner(ws, f"A{note}", "Thank you. Please return this sheet to your account manager together with any "
                           "supporting documents.", f"A{note}:D{note}", font=SMALL_GREY)
    path = save_book(wb, folder, "incident-detection-questions.xlsx")
    return Layout(
        "follow_up_rows", path, "xlsx",
        [asked(sheet, header_row, {"A": "id", "B": "question", "C": "answer", "D": "comment"})],
        items,
    )


# --- 10. free-text reply column to the LEFT of the reference and question -------------------------


def reply_left_of_question(folder: Path) -> Layout:
    sheet = "Personnel Controls"
    wb = Workbook()
    ws = wb.active
    ws.title = sheet
    col_widths(ws, A=46, B=8, C=70, D=30)
    banner(ws, "A1", "Personnel Security Questionnaire", "A1:D1")
    banner(ws, "A2", "Write your reply in the left-hand column, next to each reference.", "A2:D2", font=SMALL_GREY)
    header_row = 4
    headings(ws, header_row, {"A": "Reply", "B": "Ref", "C": "Question", "D": "Remarks"}, fill="olive")
    blocks = [
        ("Before employment", [
            "Describe the pre-employment checks carried out for staff who will support our account.",
            "How do you verify the identity and right to work of new starters?",
            "What security topics are covered in your induction programme, and how is completion tracked?",
        ]),
        ("During employment", [
            "How are security responsibilities communicated to contractors who are not on your payroll?",
            "Explain how access is adjusted when an employee moves to a different role.",
            "How do you watch for insider threats while respecting employees' privacy?",
            "Which roles do you consider sensitive, and do they receive enhanced vetting?",
            "How often are staff asked to re-acknowledge your acceptable use policy?",
            "Describe the security awareness measures you report to management, such as phishing click rates.",
        ]),
        ("Termination and change", [
            "What happens to company equipment and access badges when someone leaves?",
            "Are exit interviews used to remind leavers of their continuing confidentiality duties? Please explain.",
        ]),
    ]
    items: list[ExpectedItem] = []
    row = header_row + 1
    number = 1
    for section, questions in blocks:
        band(ws, row, section, "A", "D", fill="fog")
        row += 1
        for question in questions:
            ident = f"PS{number:02d}"
            write_row(ws, row, {"B": ident, "C": question})
            boxes(ws, row, "AD", fill="cream")
            items.append(
                ExpectedItem(sheet, row, question, ref(sheet, "A", row), ident, section=ANY,
                             comment_cell=ref(sheet, "D", row))
            )
            row += 1
            number += 1
    path = save_book(wb, folder, "personnel-security-questions.xlsx")
    return Layout(
        "reply_left_of_question", path, "xlsx",
        [asked(sheet, header_row, {"A": "answer", "B": "id", "C": "question", "D": "comment"})],
        items,
    )


HELDOUT2_LAYOUTS: list[Callable[[Path], Layout]] = [
    deep_header_after_form,
    hierarchical_numbering,
    assessor_columns_after_response,
    cover_notes_domains_summary,
    x_marks_privacy_checklist,
    semicolon_cp1252_export,
    merged_question_hidden_list,
    grouped_two_row_header,
    follow_up_rows,
    reply_left_of_question,
]

#: The same builders by layout name (the form `bench/layout_bench.py` takes for a group).
HELDOUT2_BY_NAME: dict[str, Callable[[Path], Layout]] = {builder.__name__: builder for builder in HELDOUT2_LAYOUTS}


# --- self-check -----------------------------------------------------------------------------------


def _own_checks(layout: Layout) -> list[str]:
    """Checks beyond bench/heldout_layouts.py's: sizes, hidden sheets, and rows that read like a
    question (a string ending in "?") below the header of a questionnaire sheet but are no item."""
    problems: list[str] = []
    if not 8 <= len(layout.items) <= 30:
        problems.append(f"{len(layout.items)} items; the set wants 8-30 per file")
    for item in layout.items:
        if item.allowed_answers and item.allowed_answers_source not in ("validation", "header", "marks"):
            source = item.allowed_answers_source
            problems.append(f"{item.sheet}!row {item.row}: unknown allowed_answers_source {source!r}")
        if not item.allowed_answers and item.allowed_answers_source is not None:
            problems.append(f"{item.sheet}!row {item.row}: a source without allowed answers")
    if layout.csv:
        return problems
    import openpyxl

    wb = openpyxl.load_workbook(layout.path)
    decoys = DECOYS.get(layout.name, {})
    item_rows = {(item.sheet, item.row) for item in layout.items}
    for sheet in layout.sheets:
        ws = wb[sheet.name]
        if sheet.status == "questionnaire" and ws.sheet_state != "visible":
            problems.append(f"sheet {sheet.name!r}: a questionnaire sheet that is hidden")
        if sheet.status != "questionnaire":
            continue
        for row in range(sheet.header_row + 1, ws.max_row + 1):
            texts = [c.value for c in ws[row] if isinstance(c.value, str)]
            question_like = any(re.search(r"\?\s*$", text) for text in texts)
            if question_like and (sheet.name, row) not in item_rows and (sheet.name, row) not in decoys:
                problems.append(f"{sheet.name}!row {row}: reads like a question but is neither an item nor a decoy")
    for (sheet_name, row), _why in decoys.items():
        if (sheet_name, row) in item_rows:
            problems.append(f"{sheet_name}!row {row}: both a decoy and an item")
    return problems


def _first_heldout_words(folder: Path) -> tuple[set[str], set[str], list[str]]:
    """Sheet names and questions of the first held-out set (built, never printed), to keep clear of."""
    sheets: set[str] = set()
    questions: set[str] = set()
    try:
        from heldout_layouts import HELDOUT_LAYOUTS
    except Exception as error:  # noqa: BLE001
        return sheets, questions, [f"first held-out set not compared ({type(error).__name__}: {error})"]
    notes: list[str] = []
    for index, builder in enumerate(HELDOUT_LAYOUTS.values()):
        sub = folder / f"heldout1-{index:02d}"
        sub.mkdir(parents=True, exist_ok=True)
        try:
            layout = builder(sub)
        except Exception as error:  # noqa: BLE001
            notes.append(f"a first-set layout was not compared ({type(error).__name__})")
            continue
        sheets.update(s.name for s in layout.sheets if s.name)
        questions.update(collapse(i.question) for i in layout.items)
    return sheets, questions, notes


def self_check(verbose: bool = True) -> int:
    """Writes every file of this set into a temporary folder and checks its expectations; returns the
    number of problems (0 when every layout is described by its expectations)."""
    total = 0
    with tempfile.TemporaryDirectory(prefix="quire-heldout2-") as tmp:
        folder = Path(tmp)
        tuned_sheets, tuned_questions, notes = _tuned_words(folder / "tuned")
        first_sheets, first_questions, first_notes = _first_heldout_words(folder / "first")
        for note in notes + first_notes:
            print(f"note: {note}")
        seen_questions: set[str] = set()
        seen_names: set[str] = set()
        items_total = 0
        for builder in HELDOUT2_LAYOUTS:
            name = builder.__name__
            sub = folder / "set2" / name
            sub.mkdir(parents=True)
            try:
                layout = builder(sub)
            except Exception as error:  # noqa: BLE001
                print(f"{name}: FAIL, the builder raised {type(error).__name__}: {error}")
                total += 1
                continue
            problems = _check_csv(layout) if layout.csv else _check_xlsx(layout)
            problems += _own_checks(layout)
            if layout.name != name:
                problems.append(f"the layout calls itself {layout.name!r}")
            if name in seen_names:
                problems.append("two builders share a name")
            seen_names.add(name)
            if layout.format != ("csv" if layout.csv else "xlsx") or layout.path.suffix.lstrip(".") != layout.format:
                problems.append(f"format {layout.format!r} does not match the file {layout.path.name}")
            keys = [(item.sheet, item.row) for item in layout.items]
            if len(keys) != len(set(keys)):
                problems.append("two items on one row")
            order = {sheet.name: index for index, sheet in enumerate(layout.sheets)}
            if keys != sorted(keys, key=lambda key: (order.get(key[0], -1), key[1])):
                problems.append("items are not in sheet and row order")
            ids = [(item.sheet, item.id) for item in layout.items if isinstance(item.id, str)]
            if len(ids) != len(set(ids)):
                problems.append("ids repeat on a sheet")
            for sheet in layout.sheets:
                if layout.csv:
                    continue
                if sheet.name in tuned_sheets:
                    problems.append(f"sheet name {sheet.name!r} is also used by a tuned layout")
                if sheet.name in first_sheets:
                    problems.append(f"sheet name {sheet.name!r} is also used by the first held-out set")
            for item in layout.items:
                text = collapse(item.question)
                if _near_duplicate(text, tuned_questions) is not None:
                    problems.append(f"question too close to a tuned layout's: {text!r}")
                if _near_duplicate(text, first_questions) is not None:
                    problems.append(f"question too close to one of the first held-out set: {text!r}")
                if text in seen_questions:
                    problems.append(f"question repeated in this set: {text!r}")
                seen_questions.add(text)
            items_total += len(layout.items)
            total += len(problems)
            if verbose or problems:
                status = "ok" if not problems else f"FAIL ({len(problems)})"
                print(f"{name}: {layout.format}, {len(layout.items)} items, {status}")
            for problem in problems:
                print(f"    {problem}")
        print(f"self-check: {len(HELDOUT2_LAYOUTS)} held-out layouts (set 2), {items_total} items, {total} problem(s)")
    return total


if __name__ == "__main__":
    sys.exit(1 if self_check() else 0)
