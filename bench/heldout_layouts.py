#!/usr/bin/env python3
"""Held-out synthetic questionnaires for `bench/layout_bench.py`.

These workbooks are written in the styles customers actually send, with words, column positions
and sheet names that differ from everything under Tests/oracle, and they are NOT used while the
layout detector is developed: the detector's author does not read this file, so the bench's
figures on it say how the detector does on layouts it was not tuned to.

Every builder takes a folder, writes one file into it and returns a `Layout` (the type of
Tests/oracle/questionnaire_layouts.py), with the expectations a careful human would state:

- an item is a row holding a question (or a requirement to respond to) whose answer goes in a
  cell; titles, supplier-detail form fields, instructions, legends, section rows, repeated
  headers, sign-off and reviewer blocks are not items;
- ids are the questionnaire's own, as displayed;
- answer, comment and evidence cells are absolute references on the item's row; allowed answers
  are the drop-down's values in order (source "validation"), the choices written in the answer
  column's header (source "header"), or, for a row answered by marking one of several columns,
  the headers of those columns (source "marks"), with `answer_cell` None and `mark_cells`
  {choice: reference};
- `section` and `guidance` are left unchecked (ANY) unless they are plain.

Run `python bench/heldout_layouts.py` (or `bench/layout_bench.py --self-check`) to write every
file into a temporary folder and check, with openpyxl and the csv module alone, that the
expectations describe the files, and that no sheet name or question of this set repeats (or nearly
repeats) one of the tuned layouts (Tests/oracle: LAYOUTS, and WILD_LAYOUTS when it imports).

All texts were written for this benchmark; nothing is copied from a real template.
"""

from __future__ import annotations

import csv
import io
import re
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

ROOT = Path(__file__).resolve().parents[1]
ORACLE = ROOT / "Tests" / "oracle"
if str(ORACLE) not in sys.path:
    sys.path.insert(0, str(ORACLE))

from openpyxl import Workbook  # noqa: E402
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side  # noqa: E402
from openpyxl.worksheet.worksheet import Worksheet  # noqa: E402

from questionnaire_layouts import (  # noqa: E402
    ANY,
    ExpectedItem,
    ExpectedSheet,
    Layout,
    list_validation,
    ref,
)

# --- styles and small helpers (our own, so the files don't all look alike) -------------------------

TITLE = Font(bold=True, size=14, color="203864")
BOLD = Font(bold=True)
THIN = Side(style="thin", color="808080")
BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
WRAP_TOP = Alignment(wrap_text=True, vertical="top")
FILLS = {
    "green": PatternFill("solid", fgColor="375623"),
    "grey": PatternFill("solid", fgColor="595959"),
    "teal": PatternFill("solid", fgColor="1F6F78"),
    "plum": PatternFill("solid", fgColor="5B2C6F"),
    "amber": PatternFill("solid", fgColor="FFE699"),
    "pale": PatternFill("solid", fgColor="EDEDED"),
    "sand": PatternFill("solid", fgColor="FCE4D6"),
}


@dataclass
class MarkItem(ExpectedItem):
    """An item answered by marking one of several columns (x under Yes / No / N/A)."""

    mark_cells: dict[str, str] = field(default_factory=dict)


def head(ws: Worksheet, row: int, titles: dict[str, str], fill: str = "green", dark: bool = True) -> None:
    for letter, title in titles.items():
        cell = ws[f"{letter}{row}"]
        cell.value = title
        cell.font = Font(bold=True, color="FFFFFF" if dark else "000000")
        cell.fill = FILLS[fill]
        cell.alignment = Alignment(wrap_text=True, vertical="center", horizontal="center")
        cell.border = BOX


def fill_row(ws: Worksheet, row: int, values: dict[str, Any]) -> None:
    for letter, value in values.items():
        if value is None or value == "":
            continue
        cell = ws[f"{letter}{row}"]
        cell.value = value
        cell.border = BOX
        if isinstance(value, str) and len(value) > 25:
            cell.alignment = WRAP_TOP


def set_widths(ws: Worksheet, **columns: float) -> None:
    for letter, width in columns.items():
        ws.column_dimensions[letter].width = width


def title(ws: Worksheet, cell: str, text: str, merge: str | None = None) -> None:
    ws[cell] = text
    ws[cell].font = TITLE
    if merge:
        ws.merge_cells(merge)


def save(wb: Workbook, folder: Path, name: str) -> Path:
    path = folder / name
    wb.save(path)
    return path


# --- h01: supplier due-diligence form: details block, then Yes/No questions ------------------------


def supplier_due_diligence(folder: Path) -> Layout:
    sheet = "Supplier DD Form"
    wb = Workbook()
    ws = wb.active
    ws.title = sheet
    set_widths(ws, A=3, B=26, C=62, D=14, E=18, F=44)
    title(ws, "B1", "Third-Party Due Diligence \u2014 Information Security", "B1:F1")
    ws["B3"] = "Part 1: About the supplier"
    ws["B3"].font = BOLD
    for row, label in enumerate(
        [
            "Legal entity name",
            "Registered office address",
            "Company registration number",
            "Main contact (name and role)",
            "Contact e-mail address",
            "Date completed",
        ],
        start=4,
    ):
        ws.cell(row=row, column=2, value=label).font = BOLD
        ws.merge_cells(f"C{row}:F{row}")
        ws.cell(row=row, column=3).fill = FILLS["amber"]
    ws["B11"] = "Part 2: Security questions"
    ws["B11"].font = BOLD
    ws["B12"] = (
        "Pick Yes or No for every question. Use the Notes column to add context or to point to a "
        "document you are sending with this form."
    )
    ws["B12"].alignment = WRAP_TOP
    ws.merge_cells("B12:F12")
    head(ws, 14, {"B": "No.", "C": "Question", "D": "Category", "E": "Supplier Response", "F": "Notes"})
    questions = [
        ("2.1", "Policy", "Does your company have a written information security programme that a member of the leadership team owns?"),
        ("2.2", "People", "Have all staff who can reach our data signed a confidentiality undertaking?"),
        ("2.3", "Access", "Is access to our data limited to named individuals with a business need for it?"),
        ("2.4", "Access", "Do you require a second factor for every remote login to your network?"),
        ("2.5", "Data", "Is our data encrypted whenever it is stored on laptops, servers or removable media?"),
        ("2.6", "Data", "Do you hold our data in an environment kept apart from that of your other clients?"),
        ("2.7", "Incidents", "Have you suffered a security incident that had to be notified to a regulator in the past three years?"),
        ("2.8", "Incidents", "Is there a process to tell us about an incident affecting our data within 48 hours?"),
        ("2.9", "Physical", "Are your premises protected against unauthorised entry outside office hours?"),
        ("2.10", "Assurance", "Will you allow us, or an auditor we appoint, to review your security controls on reasonable notice?"),
    ]
    items = []
    for row, (number, category, question) in enumerate(questions, start=15):
        fill_row(ws, row, {"B": number, "C": question, "D": category})
        items.append(
            ExpectedItem(
                sheet, row, question, ref(sheet, "E", row), number, ANY,
                comment_cell=ref(sheet, "F", row),
                allowed_answers=["Yes", "No"], allowed_answers_source="validation",
            )
        )
    last = 14 + len(questions)
    list_validation(ws, ["Yes", "No"], f"E15:E{last}")
    ws[f"B{last + 2}"] = "Signed on behalf of the supplier"
    ws[f"B{last + 2}"].font = BOLD
    ws[f"B{last + 3}"] = "Name:"
    ws[f"B{last + 4}"] = "Position:"
    ws[f"B{last + 5}"] = "Signature:"
    columns = {"B": "id", "C": "question", "E": "answer", "F": "comment"}
    return Layout(
        "h01-supplier-due-diligence",
        save(wb, folder, "supplier-due-diligence.xlsx"),
        "xlsx",
        [ExpectedSheet(sheet, "questionnaire", 14, columns)],
        items,
    )


# --- h02: two-row header, the top row merged over groups -------------------------------------------


def two_row_merged_header(folder: Path) -> Layout:
    sheet = "Assessment 2025"
    wb = Workbook()
    ws = wb.active
    ws.title = sheet
    set_widths(ws, A=9, B=64, C=20, D=42, E=14, F=36)
    title(ws, "A1", "Information Security Requirements \u2014 Annual Supplier Review 2025", "A1:F1")
    ws["A2"] = "Issued by the Procurement Risk Office"
    head(ws, 4, {"A": "Requirement", "C": "Supplier Self-Assessment", "E": "Procurement Review (do not edit)"}, "teal")
    ws.merge_cells("A4:B4")
    ws.merge_cells("C4:D4")
    ws.merge_cells("E4:F4")
    head(
        ws, 5,
        {"A": "Ref", "B": "Requirement Description", "C": "Compliance Status", "D": "Supplier Justification",
         "E": "Reviewer Score", "F": "Reviewer Comment"},
        "pale", dark=False,
    )
    statements = [
        ("SR.01", "The supplier shall maintain an up-to-date inventory of the hardware and software used to deliver the contracted services."),
        ("SR.02", "The supplier shall apply security updates rated critical by the software maker within fourteen days."),
        ("SR.03", "The supplier shall restrict administrator rights to staff whose duties require them and review those rights every quarter."),
        ("SR.04", "The supplier shall record successful and failed logins to systems holding customer information and keep the records for one year."),
        ("SR.05", "The supplier shall test the restoration of backups of customer information at least twice a year."),
        ("SR.06", "The supplier shall ensure that any subcontractor handling customer information is bound by equivalent security obligations."),
        ("SR.07", "The supplier shall securely destroy customer information at the end of the contract and confirm this in writing."),
        ("SR.08", "The supplier shall commission an independent security test of its internet-facing systems every twelve months."),
        ("SR.09", "The supplier shall nominate a security contact who can be reached during business hours."),
    ]
    allowed = ["Compliant", "Partially Compliant", "Non-Compliant", "Not Applicable"]
    items = []
    for row, (id_, statement) in enumerate(statements, start=6):
        fill_row(ws, row, {"A": id_, "B": statement})
        items.append(
            ExpectedItem(
                sheet, row, statement, ref(sheet, "C", row), id_, ANY,
                comment_cell=ref(sheet, "D", row),
                allowed_answers=allowed, allowed_answers_source="validation",
            )
        )
    last = 5 + len(statements)
    list_validation(ws, allowed, f"C6:C{last}")
    list_validation(ws, ["0", "1", "2", "3"], f"E6:E{last}")
    columns = {"A": "id", "B": "question", "C": "answer", "D": "comment"}
    return Layout(
        "h02-two-row-merged-header",
        save(wb, folder, "two-row-merged-header.xlsx"),
        "xlsx",
        [ExpectedSheet(sheet, "questionnaire", 5, columns)],
        items,
    )


# --- h03: answered by an X under Yes / No / N/A --------------------------------------------------


def marks_across_columns(folder: Path) -> Layout:
    sheet = "Site Checklist"
    wb = Workbook()
    ws = wb.active
    ws.title = sheet
    set_widths(ws, A=7, B=66, C=7, D=7, E=7, F=40)
    title(ws, "A1", "Facility and Office Security Walkthrough", "A1:F1")
    ws["A2"] = "Place an X in the one column that applies to each check."
    choices = {"C": "Yes", "D": "No", "E": "N/A"}
    head(ws, 4, {"A": "Item", "B": "Check", **choices, "F": "Observations"}, "grey")
    groups = [
        ("Perimeter", [
            ("P1", "Is the building entrance staffed or controlled by badge readers during working hours?", "Yes"),
            ("P2", "Are delivery areas separated from rooms where information is processed?", None),
            ("P3", "Are visitors required to sign in and wear a visible pass?", None),
            ("P4", "Is the perimeter watched by cameras whose recordings are kept for at least 30 days?", None),
        ]),
        ("Server Room", [
            ("S1", "Is the server room locked, with entry limited to an approved list of people?", None),
            ("S2", "Is there fire suppression suitable for electrical equipment in the server room?", "No"),
            ("S3", "Do sensors raise an alarm when the server room gets too hot or too damp?", None),
            ("S4", "Is power to the server room backed by a UPS and a generator?", None),
        ]),
        ("Workstations", [
            ("W1", "Do screens lock automatically after a few minutes without use?", None),
            ("W2", "Are printouts collected promptly and confidential waste shredded?", None),
            ("W3", "Are cable locks or lockable drawers provided for laptops left in the office?", None),
        ]),
    ]
    items, skipped, row = [], {}, 5
    for group, checks in groups:
        ws.cell(row=row, column=1, value=group).font = BOLD
        ws.cell(row=row, column=1).fill = FILLS["pale"]
        ws.merge_cells(f"A{row}:F{row}")
        skipped[row] = "section"
        row += 1
        for id_, check, marked in checks:
            fill_row(ws, row, {"A": id_, "B": check})
            for letter, choice in choices.items():
                ws[f"{letter}{row}"].border = BOX
                ws[f"{letter}{row}"].alignment = Alignment(horizontal="center")
                if choice == marked:
                    ws[f"{letter}{row}"] = "x" if marked == "Yes" else "X"
            items.append(
                MarkItem(
                    sheet, row, check, None, id_, ANY,
                    comment_cell=ref(sheet, "F", row),
                    allowed_answers=list(choices.values()), allowed_answers_source="marks",
                    existing_answer=marked,
                    mark_cells={choice: ref(sheet, letter, row) for letter, choice in choices.items()},
                )
            )
            row += 1
    columns = {"A": "id", "B": "question", "F": "comment"}
    return Layout(
        "h03-marks-across-columns",
        save(wb, folder, "marks-across-columns.xlsx"),
        "xlsx",
        [ExpectedSheet(sheet, "questionnaire", 4, columns, skipped)],
        items,
    )


# --- h04: control id merged down over per-question ids -------------------------------------------


def merged_control_id(folder: Path) -> Layout:
    sheet = "Requirement Matrix"
    wb = Workbook()
    ws = wb.active
    ws.title = sheet
    set_widths(ws, A=11, B=11, C=66, D=16, E=24, F=40)
    title(ws, "A1", "Cloud Provider Control Matrix \u2014 Supplier Submission")
    head(ws, 2, {"A": "Control ID", "B": "Question ID", "C": "Assessment Question", "D": "Answer",
                 "E": "Evidence Reference", "F": "Additional Comments"}, "plum")
    controls = [
        ("AM-1", [
            "Is every asset that stores tenant data assigned a named owner?",
            "Is the asset register reconciled against discovery scans at least monthly?",
            "Are assets that leave service tracked until their storage has been sanitised?",
        ]),
        ("KM-2", [
            "Are encryption keys for tenant data generated inside a FIPS 140 validated module?",
            "Is access to key material split so that no single administrator can export a key?",
        ]),
        ("LG-3", [
            "Do audit logs capture administrator actions on the hypervisor and the control plane?",
            "Are log records protected against alteration by the people whose actions they record?",
            "Can tenants obtain the audit records that relate to their own resources?",
        ]),
        ("VM-4", [
            "Are container images scanned for known weaknesses before they are promoted to production?",
            "Is there a published target time for fixing each severity of vulnerability?",
        ]),
        ("BC-5", ["Has failover between regions been rehearsed during the past twelve months?"]),
    ]
    allowed = ["Yes", "No", "Not Applicable"]
    items, row = [], 3
    for control, questions in controls:
        first = row
        for number, question in enumerate(questions, start=1):
            qid = f"{control}.{number}"
            fill_row(ws, row, {"B": qid, "C": question})
            items.append(
                ExpectedItem(
                    sheet, row, question, ref(sheet, "D", row), qid, ANY,
                    comment_cell=ref(sheet, "F", row), evidence_cell=ref(sheet, "E", row),
                    allowed_answers=allowed, allowed_answers_source="validation",
                )
            )
            row += 1
        ws.cell(row=first, column=1, value=control).alignment = Alignment(vertical="center", horizontal="center")
        if row - 1 > first:
            ws.merge_cells(f"A{first}:A{row - 1}")
    list_validation(ws, allowed, f"D3:D{row - 1}")
    columns = {"B": "id", "C": "question", "D": "answer", "E": "evidence", "F": "comment"}
    return Layout(
        "h04-merged-control-id",
        save(wb, folder, "merged-control-id.xlsx"),
        "xlsx",
        [ExpectedSheet(sheet, "questionnaire", 2, columns)],
        items,
    )


# --- h05: mapping columns to other frameworks between the question and the answer ----------------


def framework_mapping_columns(folder: Path) -> Layout:
    sheet = "Mapped Controls"
    wb = Workbook()
    ws = wb.active
    ws.title = sheet
    set_widths(ws, A=5, B=14, C=62, D=14, E=10, F=12, G=16, H=42)
    head(ws, 1, {"A": "#", "B": "Domain", "C": "Question", "D": "ISO/IEC 27001:2022", "E": "SOC 2",
                 "F": "NIST CSF 2.0", "G": "Response", "H": "Explanation"}, "teal")
    rows = [
        ("Identity", "Are user accounts created only after a documented request is approved by the user's manager?", "A.5.18", "CC6.2", "PR.AA-05"),
        ("Identity", "Is single sign-on with the customer's identity provider available for the product?", "A.8.5", "CC6.1", "PR.AA-03"),
        ("Cryptography", "Are TLS certificates for public endpoints renewed automatically before they expire?", "A.8.24", "CC6.7", "PR.DS-02"),
        ("Cryptography", "Is data held in databases protected with encryption managed by a key service?", "A.8.24", "CC6.1", "PR.DS-01"),
        ("Operations", "Are changes to production reviewed and approved by someone other than their author?", "A.8.32", "CC8.1", "PR.PS-01"),
        ("Operations", "Do you watch production systems for capacity problems and alert on thresholds?", "A.8.6", "A1.1", "DE.CM-01"),
        ("Resilience", "Is there a written recovery plan with recovery time objectives for the service?", "A.5.30", "A1.3", "RC.RP-01"),
        ("Resilience", "Are copies of production backups kept in a second geographic region?", "A.8.13", "A1.2", "PR.DS-11"),
        ("Privacy", "Can a customer export all of its records in a machine-readable format on request?", "A.5.34", "C1.2", "GV.OC-03"),
        ("Privacy", "Do you keep a record of every system in which personal data about the customer's users is stored?", "A.5.34", "C1.1", "ID.AM-07"),
    ]
    allowed = ["Yes", "No", "Partial", "Not Applicable"]
    items = []
    for number, (domain, question, iso, soc2, csf) in enumerate(rows, start=1):
        row = number + 1
        fill_row(ws, row, {"A": number, "B": domain, "C": question, "D": iso, "E": soc2, "F": csf})
        items.append(
            ExpectedItem(
                sheet, row, question, ref(sheet, "G", row), str(number), ANY,
                comment_cell=ref(sheet, "H", row),
                allowed_answers=allowed, allowed_answers_source="validation",
            )
        )
    list_validation(ws, allowed, f"G2:G{len(rows) + 1}")
    columns = {"A": "id", "C": "question", "G": "answer", "H": "comment"}
    return Layout(
        "h05-framework-mapping-columns",
        save(wb, folder, "framework-mapping-columns.xlsx"),
        "xlsx",
        [ExpectedSheet(sheet, "questionnaire", 1, columns)],
        items,
    )


# --- h06: section rows carrying a short code, drop-down over them too ---------------------------


def section_code_rows(folder: Path) -> Layout:
    sheet = "Security Controls"
    wb = Workbook()
    ws = wb.active
    ws.title = sheet
    set_widths(ws, A=10, B=70, C=14, D=44)
    title(ws, "A1", "Information Risk Questionnaire for Service Providers")
    ws["A2"] = "Version 3. Answer Y, N or NA for each control."
    head(ws, 4, {"A": "Code", "B": "Control Statement / Question", "C": "Vendor Answer", "D": "Vendor Comment"}, "grey")
    groups = [
        ("ORG", "Organisation of Security", [
            "Is responsibility for information risk assigned to a committee that meets at least twice a year?",
            "Are conflicting duties separated so that no one person can both request and approve access?",
            "Do you keep in contact with relevant authorities and specialist security forums?",
        ]),
        ("HRS", "Human Resources", [
            "Are references and identity checked before a new starter receives system access?",
            "Do managers confirm, on a leaver's last day, that equipment and badges have been returned?",
            "Is security awareness measured, for example with simulated phishing exercises?",
        ]),
        ("OPS", "Operations", [
            "Are written operating procedures available to the people who run the service?",
            "Is malware protection kept current on every server and desktop?",
            "Do all servers take their time from an authoritative clock source?",
        ]),
        ("COM", "Communications", [
            "Are wireless networks in your offices kept apart from the network that carries client data?",
            "Is e-mail on your domains protected by SPF, DKIM and DMARC?",
        ]),
    ]
    allowed = ["Y", "N", "NA"]
    items, skipped, row = [], {}, 5
    for code, name, questions in groups:
        ws.cell(row=row, column=1, value=code)
        ws.cell(row=row, column=2, value=name)
        for column in (1, 2, 3, 4):
            ws.cell(row=row, column=column).fill = FILLS["sand"]
            ws.cell(row=row, column=column).font = BOLD
        skipped[row] = "section"
        row += 1
        for number, question in enumerate(questions, start=1):
            id_ = f"{code}-{number:02d}"
            fill_row(ws, row, {"A": id_, "B": question})
            items.append(
                ExpectedItem(
                    sheet, row, question, ref(sheet, "C", row), id_, ANY,
                    comment_cell=ref(sheet, "D", row),
                    allowed_answers=allowed, allowed_answers_source="validation",
                )
            )
            row += 1
    list_validation(ws, allowed, f"C5:C{row - 1}")
    columns = {"A": "id", "B": "question", "C": "answer", "D": "comment"}
    return Layout(
        "h06-section-code-rows",
        save(wb, folder, "section-code-rows.xlsx"),
        "xlsx",
        [ExpectedSheet(sheet, "questionnaire", 4, columns, skipped)],
        items,
    )


# --- h07: a response key table above the questions, feeding the drop-down -----------------------


def legend_table_above(folder: Path) -> Layout:
    sheet = "Vendor Self-Assessment"
    wb = Workbook()
    ws = wb.active
    ws.title = sheet
    set_widths(ws, A=22, B=40, C=62, D=22, E=40)
    title(ws, "A1", "Security & Privacy Vendor Assessment")
    ws["A3"] = "Response key"
    ws["A3"].font = BOLD
    head(ws, 4, {"A": "Response", "B": "Use when"}, "pale", dark=False)
    legend = [
        ("Fully Implemented", "The practice is in place for the whole service and evidence can be supplied on request."),
        ("Partially Implemented", "The practice covers some systems, sites or teams only; say which in the details."),
        ("Planned", "Work has been approved and scheduled; give the expected completion date in the details."),
        ("Not Implemented", "The practice is not in place and no work is scheduled; describe any alternative measure."),
    ]
    for row, (value, meaning) in enumerate(legend, start=5):
        fill_row(ws, row, {"A": value, "B": meaning})
    head(ws, 10, {"A": "Question #", "B": "Topic", "C": "Question", "D": "Response", "E": "Details"}, "green")
    questions = [
        ("Governance", "Do you review and re-approve your security policies on a fixed schedule?"),
        ("Risk", "Is there a risk assessment method that is applied to new products and to major changes?"),
        ("Identity", "Are privileged accounts protected with phishing-resistant authentication such as security keys?"),
        ("Identity", "Is access removed automatically when the HR system records that a person has left?"),
        ("Data", "Are retention periods defined for each category of customer record and enforced automatically?"),
        ("Data", "Is customer content masked or synthesised before it is used for testing?"),
        ("Engineering", "Do code changes pass static analysis and dependency checks before they can be merged?"),
        ("Engineering", "Are secrets such as API keys kept in a vault rather than in configuration files?"),
        ("Monitoring", "Are alerts from your detection tools triaged by an on-call analyst at all hours?"),
        ("Privacy", "Can requests from individuals to access or erase their data be fulfilled within one month?"),
    ]
    allowed = [value for value, _ in legend]
    items = []
    for number, (topic, question) in enumerate(questions, start=1):
        row = 10 + number
        id_ = f"Q-{number:02d}"
        fill_row(ws, row, {"A": id_, "B": topic, "C": question})
        items.append(
            ExpectedItem(
                sheet, row, question, ref(sheet, "D", row), id_, ANY,
                comment_cell=ref(sheet, "E", row),
                allowed_answers=allowed, allowed_answers_source="validation",
            )
        )
    list_validation(ws, "$A$5:$A$8", f"D11:D{10 + len(questions)}")
    columns = {"A": "id", "C": "question", "D": "answer", "E": "comment"}
    return Layout(
        "h07-legend-table-above",
        save(wb, folder, "legend-table-above.xlsx"),
        "xlsx",
        [ExpectedSheet(sheet, "questionnaire", 10, columns)],
        items,
    )


# --- h08: an internal-use block beside the table and an assessor block below it -----------------


def internal_use_block(folder: Path) -> Layout:
    sheet = "Privacy & Data Handling"
    wb = Workbook()
    ws = wb.active
    ws.title = sheet
    set_widths(ws, A=7, B=58, C=40, D=16, E=36, F=3, G=18, H=14, I=34)
    title(ws, "A1", "Data Protection Questionnaire for Processors")
    ws["G2"] = "FOR INTERNAL USE ONLY \u2014 not to be completed by the supplier"
    ws["G2"].font = BOLD
    ws["G2"].fill = FILLS["amber"]
    ws.merge_cells("G2:I2")
    head(ws, 3, {"A": "Ref", "B": "Question", "C": "Guidance for Respondent", "D": "Answer", "E": "Comment"}, "plum")
    head(ws, 3, {"G": "Reviewer", "H": "Risk Rating", "I": "Reviewer Notes"}, "amber", dark=False)
    rows = [
        ("DP1", "Do you act only on the customer's documented instructions when processing personal data?",
         "Describe how instructions are recorded and who may give them."),
        ("DP2", "Is a data protection officer or privacy lead appointed?", "Give the name and contact details in the comment."),
        ("DP3", "Are personal data transfers outside the UK and EEA covered by an approved transfer mechanism?",
         "For example standard contractual clauses or an adequacy decision."),
        ("DP4", "Do you notify the customer before adding or replacing a sub-processor?", None),
        ("DP5", "Can you delete or return all personal data when the service ends?", "State the timescale in days."),
        ("DP6", "Are records of processing activities maintained for the services you provide to us?", None),
        ("DP7", "Do you carry out impact assessments before starting high-risk processing?", None),
        ("DP8", "Are personal data breaches logged, including those that were not reported to a regulator?",
         "Internal logs are enough; we do not need to see them."),
        ("DP9", "Will you help the customer answer requests from data subjects within the legal deadline?", None),
    ]
    allowed = ["Yes", "No", "Not applicable"]
    items = []
    for row, (id_, question, guidance) in enumerate(rows, start=4):
        fill_row(ws, row, {"A": id_, "B": question, "C": guidance})
        items.append(
            ExpectedItem(
                sheet, row, question, ref(sheet, "D", row), id_, ANY,
                comment_cell=ref(sheet, "E", row), guidance=guidance,
                allowed_answers=allowed, allowed_answers_source="validation",
            )
        )
    last = 3 + len(rows)
    list_validation(ws, allowed, f"D4:D{last}")
    list_validation(ws, ["Low", "Medium", "High"], f"H4:H{last}")
    block = last + 3
    ws[f"A{block}"] = "Assessor use only"
    ws[f"A{block}"].font = BOLD
    ws[f"A{block + 1}"] = "Assessed by:"
    ws[f"A{block + 2}"] = "Date of assessment:"
    ws[f"A{block + 3}"] = "Overall outcome:"
    for r in (block + 1, block + 2, block + 3):
        ws.merge_cells(f"A{r}:B{r}")
        ws[f"C{r}"].fill = FILLS["amber"]
    list_validation(ws, ["Approved", "Approved with conditions", "Rejected"], f"C{block + 3}")
    columns = {"A": "id", "B": "question", "C": "guidance", "D": "answer", "E": "comment"}
    return Layout(
        "h08-internal-use-block",
        save(wb, folder, "internal-use-block.xlsx"),
        "xlsx",
        [ExpectedSheet(sheet, "questionnaire", 3, columns)],
        items,
    )


# --- h09: a read-me, the vendor's tab, an assessor scoring tab and a change log ------------------


def scoring_and_change_log_tabs(folder: Path) -> Layout:
    wb = Workbook()
    readme = wb.active
    readme.title = "Read Me"
    title(readme, "A1", "Application and Hosting Security Review")
    for row, line in enumerate(
        [
            "Step 1. Complete every row of the Vendor Response tab.",
            "Step 2. Choose a response from the list; explain anything other than Yes under Supporting Information.",
            "Step 3. Leave the Reviewer Marks tab alone: our reviewers fill it in after you return the file.",
            "Step 4. E-mail the workbook back to the person who sent it to you.",
        ],
        start=3,
    ):
        readme.cell(row=row, column=1, value=line)
    set_widths(readme, A=110)

    sheet = "Vendor Response"
    ws = wb.create_sheet(sheet)
    set_widths(ws, A=7, B=12, C=64, D=16, E=44)
    title(ws, "A1", "Application and Hosting Security")
    head(ws, 3, {"A": "Item", "B": "Area", "C": "Question", "D": "Response", "E": "Supporting Information"}, "green")
    questions = [
        ("Design", "Is threat modelling carried out for new features that handle customer data?"),
        ("Design", "Are security requirements recorded alongside functional requirements in your backlog?"),
        ("Build", "Are third-party libraries pinned to reviewed versions and monitored for advisories?"),
        ("Build", "Is every production release built by an automated pipeline from version control?"),
        ("Test", "Does each release go through dynamic application security testing?"),
        ("Hosting", "Are production workloads hosted in a tier III (or equivalent) facility or a major public cloud region?"),
        ("Hosting", "Is administrative access to hosting accounts restricted to a bastion host or a zero-trust gateway?"),
        ("Operate", "Are web application firewall rules tuned and reviewed after each significant incident?"),
        ("Operate", "Can you produce a software bill of materials for the product on request?"),
    ]
    allowed = ["Yes", "No", "In progress", "Not applicable"]
    items = []
    for number, (area, question) in enumerate(questions, start=1):
        row = 3 + number
        id_ = f"A{number}"
        fill_row(ws, row, {"A": id_, "B": area, "C": question})
        items.append(
            ExpectedItem(
                sheet, row, question, ref(sheet, "D", row), id_, ANY,
                comment_cell=ref(sheet, "E", row),
                allowed_answers=allowed, allowed_answers_source="validation",
            )
        )
    list_validation(ws, allowed, f"D4:D{3 + len(questions)}")

    scoring = wb.create_sheet("Reviewer Marks")
    set_widths(scoring, A=7, B=12, C=18, D=14, E=50)
    head(scoring, 1, {"A": "Item", "B": "Area", "C": "Vendor Response", "D": "Score (0-3)", "E": "Assessor Rationale"}, "amber", dark=False)
    for number, (area, _) in enumerate(questions, start=1):
        row = 1 + number
        fill_row(scoring, row, {"A": f"A{number}", "B": area, "C": f"='Vendor Response'!D{3 + number}"})
    total = 2 + len(questions)
    scoring[f"C{total}"] = "Total"
    scoring[f"C{total}"].font = BOLD
    scoring[f"D{total}"] = f"=SUM(D2:D{total - 1})"
    list_validation(scoring, ["0", "1", "2", "3"], f"D2:D{total - 1}")

    log = wb.create_sheet("Revision History")
    set_widths(log, A=10, B=12, C=16, D=70)
    head(log, 1, {"A": "Version", "B": "Date", "C": "Changed by", "D": "Description of change"}, "grey")
    for row, entry in enumerate(
        [
            ("1.0", "2024-02-01", "Risk Office", "First issue."),
            ("1.1", "2024-09-12", "Risk Office", "Reworded item A4 so that it covers container builds as well."),
            ("1.2", "2025-04-30", "AppSec team", "Added item A9 on the software bill of materials and the Reviewer Marks tab."),
        ],
        start=2,
    ):
        fill_row(log, row, dict(zip("ABCD", entry)))

    sheets = [
        ExpectedSheet("Read Me", "ignored"),
        ExpectedSheet(sheet, "questionnaire", 3, {"A": "id", "C": "question", "D": "answer", "E": "comment"}),
        ExpectedSheet("Reviewer Marks", "ignored"),
        ExpectedSheet("Revision History", "ignored"),
    ]
    return Layout("h09-scoring-and-change-log-tabs", save(wb, folder, "scoring-and-change-log-tabs.xlsx"), "xlsx", sheets, items)


# --- h10: a cover page, a visible list of options and eight topic tabs ---------------------------


def many_tabs(folder: Path) -> Layout:
    wb = Workbook()
    cover = wb.active
    cover.title = "Cover Page"
    title(cover, "A1", "Supplier Information Security Assessment \u2014 Full Version")
    for row, label in enumerate(["Supplier:", "Service in scope:", "Respondent:", "Submission date:"], start=3):
        cover.cell(row=row, column=1, value=label).font = BOLD
    cover["A9"] = "Complete tabs A to H. Each answer must be chosen from the list; add remarks where helpful."
    set_widths(cover, A=28, B=50)

    options = wb.create_sheet("Options")
    options["A1"] = "Response values"
    options["A1"].font = BOLD
    allowed = ["Yes", "No", "Not Applicable"]
    for row, value in enumerate(allowed, start=2):
        options.cell(row=row, column=1, value=value)

    tabs = [
        ("A-Org Security", "Part A \u2014 Organisational Security", [
            "Is there an approved statement of information security objectives for the current year?",
            "Are security responsibilities written into the job descriptions of key roles?",
            "Is an independent review of the security programme carried out at planned intervals?",
            "Are exceptions to security policy approved, time-limited and recorded?",
        ]),
        ("B-Asset Mgmt", "Part B \u2014 Asset Management", [
            "Is removable media containing client data labelled and logged?",
            "Are assets returned and checked when a contract with a contractor ends?",
            "Is acceptable use of company devices set out in an agreement that users sign?",
            "Do you classify information by sensitivity and label documents accordingly?",
        ]),
        ("C-Identity", "Part C \u2014 Identity and Authentication", [
            "Are default passwords changed before any system is connected to your network?",
            "Do password rules follow current guidance, including checks against known breached passwords?",
            "Are service accounts owned by a named person and barred from interactive login?",
            "Is emergency ('break-glass') access monitored and reviewed after every use?",
        ]),
        ("D-Crypto", "Part D \u2014 Cryptography", [
            "Is there a documented policy for choosing cryptographic algorithms and key lengths?",
            "Are keys retired and destroyed according to a defined lifecycle?",
            "Are backups encrypted with keys stored apart from the backup media?",
        ]),
        ("E-Ops Security", "Part E \u2014 Operations Security", [
            "Is capacity planned so that the service can absorb a forecast year of growth?",
            "Are administrator activities logged to a system those administrators cannot change?",
            "Is software installation on production servers limited to approved packages?",
            "Are technical vulnerabilities ranked by exposure and business impact before they are fixed?",
        ]),
        ("F-Network", "Part F \u2014 Network Security", [
            "Is the network divided into zones with controlled traffic between them?",
            "Are the configurations of network devices backed up and compared against a baseline?",
            "Is inbound remote access limited to approved, managed devices?",
        ]),
        ("G-Dev Lifecycle", "Part G \u2014 Development Lifecycle", [
            "Do programmers attend secure development training on a cycle of two years at most?",
            "Are development, test and production environments kept separate?",
            "Are code repositories protected by branch rules that require a review?",
            "Is outsourced development supervised against your secure coding standard?",
        ]),
        ("H-Suppliers", "Part H \u2014 Supplier Relationships", [
            "Do contracts with your suppliers include the right to audit their security?",
            "Is the security of critical suppliers reassessed every year?",
            "Do you have exit plans for suppliers whose failure would interrupt the service?",
        ]),
    ]
    sheets = [ExpectedSheet("Cover Page", "ignored"), ExpectedSheet("Options", "ignored")]
    items = []
    for name, heading, questions in tabs:
        ws = wb.create_sheet(name)
        letter = name[0]
        title(ws, "A1", heading)
        head(ws, 2, {"A": "No.", "B": "Requirement", "C": "Response", "D": "Remarks"}, "teal")
        set_widths(ws, A=7, B=70, C=18, D=40)
        for number, question in enumerate(questions, start=1):
            row = 2 + number
            id_ = f"{letter}.{number}"
            fill_row(ws, row, {"A": id_, "B": question})
            items.append(
                ExpectedItem(
                    name, row, question, ref(name, "C", row), id_, ANY,
                    comment_cell=ref(name, "D", row),
                    allowed_answers=allowed, allowed_answers_source="validation",
                )
            )
        list_validation(ws, "Options!$A$2:$A$4", f"C3:C{2 + len(questions)}")
        sheets.append(ExpectedSheet(name, "questionnaire", 2, {"A": "id", "B": "question", "C": "answer", "D": "comment"}))
    return Layout("h10-many-tabs", save(wb, folder, "many-tabs.xlsx"), "xlsx", sheets, items)


# --- h11: a wide sheet, the choices written in the answer column's header ------------------------


def header_choices_wide(folder: Path) -> Layout:
    sheet = "Hosting Due Diligence"
    wb = Workbook()
    ws = wb.active
    ws.title = sheet
    set_widths(ws, A=12, B=14, C=7, D=60, E=11, F=40, G=20, H=40)
    title(ws, "A1", "Hosting Provider Due Diligence Checklist", "A1:H1")
    head(ws, 2, {"A": "Domain", "B": "Sub-domain", "C": "Ref", "D": "Question", "E": "Criticality",
                 "F": "Guidance for Vendor", "G": "Vendor Answer (Yes / No / Partial)", "H": "Vendor Commentary"}, "plum")
    rows = [
        ("Facilities", "Location", "Are all sites that host the service in countries approved in the contract?", "High",
         "List every site, including disaster recovery sites."),
        ("Facilities", "Resilience", "Does each hosting site have at least two independent power feeds?", "Medium", None),
        ("Platform", "Tenancy", "Are customer workloads isolated from one another at the hypervisor or container runtime level?", "High",
         "Explain the isolation boundary you rely on."),
        ("Platform", "Hardening", "Are host operating systems built from a hardened image that is rebuilt at least monthly?", "Medium", None),
        ("Platform", "Monitoring", "Is file integrity monitoring enabled on hosts that run customer workloads?", "Medium",
         "Name the tool and where its alerts go."),
        ("Operations", "Access", "Do your engineers need a ticket reference to open a session on production hosts?", "High", None),
        ("Operations", "Support", "Is support provided only by staff located in the regions listed in the contract?", "Medium", None),
        ("Exit", "Portability", "Will you provide a complete export of hosted data in an open format at exit?", "High",
         "Give the formats and the time an export takes."),
    ]
    items = []
    for number, (domain, sub, question, criticality, guidance) in enumerate(rows, start=1):
        row = 2 + number
        id_ = f"HD-{number}"
        fill_row(ws, row, {"A": domain, "B": sub, "C": id_, "D": question, "E": criticality, "F": guidance})
        items.append(
            ExpectedItem(
                sheet, row, question, ref(sheet, "G", row), id_, ANY,
                comment_cell=ref(sheet, "H", row), guidance=ANY,
                allowed_answers=["Yes", "No", "Partial"], allowed_answers_source="header",
            )
        )
    columns = {"C": "id", "D": "question", "G": "answer", "H": "comment"}
    return Layout(
        "h11-header-choices-wide",
        save(wb, folder, "header-choices-wide.xlsx"),
        "xlsx",
        [ExpectedSheet(sheet, "questionnaire", 2, columns)],
        items,
    )


# --- h12: question text merged across several columns, comment merged too -----------------------


def merged_question_cells(folder: Path) -> Layout:
    sheet = "IT General Controls"
    wb = Workbook()
    ws = wb.active
    ws.title = sheet
    set_widths(ws, A=12, B=20, C=20, D=20, E=20, F=18, G=16, H=16, I=16)
    title(ws, "A1", "IT General Controls Questionnaire \u2014 FY26 Audit", "A1:I1")
    head(ws, 3, {"A": "Control No.", "B": "Control Question", "F": "Response", "G": "Management Comment"}, "grey")
    ws.merge_cells("B3:E3")
    ws.merge_cells("G3:I3")
    questions = [
        "Are user access requests to the financial system approved before access is granted?",
        "Is a periodic review of user access to the financial system performed and evidenced?",
        "Are changes to the financial system tested and approved before release to production?",
        "Are developers prevented from migrating their own changes to production?",
        "Are failures of scheduled batch jobs in the financial system investigated and resolved?",
        "Are database administrator accounts for the financial system restricted and monitored?",
        "Is the financial system backed up daily, and are restores tested?",
        "Are password settings on the financial system configured according to policy?",
    ]
    allowed = ["Yes", "No", "N/A", "Exception noted"]
    items = []
    for number, question in enumerate(questions, start=1):
        row = 3 + number
        id_ = f"ITGC-{number:02d}"
        fill_row(ws, row, {"A": id_, "B": question})
        ws.merge_cells(f"B{row}:E{row}")
        ws.merge_cells(f"G{row}:I{row}")
        ws.row_dimensions[row].height = 32
        items.append(
            ExpectedItem(
                sheet, row, question, ref(sheet, "F", row), id_, ANY,
                comment_cell=ref(sheet, "G", row),
                allowed_answers=allowed, allowed_answers_source="validation",
            )
        )
    list_validation(ws, allowed, f"F4:F{3 + len(questions)}")
    columns = {"A": "id", "B": "question", "F": "answer", "G": "comment"}
    return Layout(
        "h12-merged-question-cells",
        save(wb, folder, "merged-question-cells.xlsx"),
        "xlsx",
        [ExpectedSheet(sheet, "questionnaire", 3, columns)],
        items,
    )


# --- h13: tick one of three status columns under a merged group header --------------------------


def marks_grouped_header(folder: Path) -> Layout:
    sheet = "Premises Review"
    wb = Workbook()
    ws = wb.active
    ws.title = sheet
    set_widths(ws, A=8, B=64, C=9, D=9, E=11, F=40)
    title(ws, "A1", "Premises Security Self-Assessment")
    head(ws, 3, {"A": "Ref", "B": "Control", "C": "Status (mark one)", "F": "Comments"}, "green")
    ws.merge_cells("A3:A4")
    ws.merge_cells("B3:B4")
    ws.merge_cells("C3:E3")
    ws.merge_cells("F3:F4")
    choices = {"C": "Fully", "D": "Partly", "E": "Not at all"}
    head(ws, 4, choices, "pale", dark=False)
    controls = [
        ("Are keys and access cards issued against a signature and recovered when people leave?", None),
        ("Is there an intruder alarm that is tested at least once a year?", None),
        ("Are rooms holding network equipment kept locked when unattended?", "Partly"),
        ("Is a clear-desk rule in force and checked by spot inspections?", None),
        ("Are fire exits kept clear and fire drills held every year?", None),
        ("Is access to loading bays supervised while the doors are open?", None),
        ("Are CCTV recordings reviewed after any reported security event?", None),
        ("Is equipment taken off site signed out and signed back in?", None),
    ]
    items = []
    for number, (control, marked) in enumerate(controls, start=1):
        row = 4 + number
        id_ = f"PR-{number}"
        fill_row(ws, row, {"A": id_, "B": control})
        for letter, choice in choices.items():
            ws[f"{letter}{row}"].border = BOX
            ws[f"{letter}{row}"].alignment = Alignment(horizontal="center")
            if choice == marked:
                ws[f"{letter}{row}"] = "\u2713"
        items.append(
            MarkItem(
                sheet, row, control, None, id_, ANY,
                comment_cell=ref(sheet, "F", row),
                allowed_answers=list(choices.values()), allowed_answers_source="marks",
                existing_answer=marked,
                mark_cells={choice: ref(sheet, letter, row) for letter, choice in choices.items()},
            )
        )
    columns = {"A": "id", "B": "question", "F": "comment"}
    return Layout(
        "h13-marks-grouped-header",
        save(wb, folder, "marks-grouped-header.xlsx"),
        "xlsx",
        [ExpectedSheet(sheet, "questionnaire", 4, columns)],
        items,
    )


# --- CSV: h14, a review export with a section record and the header before each section ----------

H14_HEADER = ["Question ID", "Domain", "Question", "Vendor Response", "Explanation"]
H14_SECTIONS = [
    ("Section 1 \u2014 Access Management", "Access", [
        ("AM-01", "Are all user accounts tied to an identifiable person?", "Yes", ""),
        ("AM-02", "Is access to production approved by the service owner before it is granted?", "", ""),
        ("AM-03", "Are the access rights of people who change role adjusted within five working days?", "", ""),
    ]),
    ("Section 2 \u2014 Logging and Monitoring", "Logging", [
        ("LM-01", "Are authentication failures on internet-facing services alerted on?", "", ""),
        ("LM-02", "Are logs shipped off the host where they are generated within minutes?", "", ""),
        ("LM-03", "Is there a documented process for investigating alerts out of hours?", "", ""),
    ]),
    ("Section 3 \u2014 Incident Response", "Incidents", [
        ("IR-01", "Has your incident response plan been updated within the past year?", "", ""),
        ("IR-02", "Do you keep forensic images of affected systems after a serious incident?", "No",
         "Images are taken only when our insurer asks for them; see policy IR-7, \"Evidence handling\"."),
        ("IR-03", "Are lessons learned from incidents tracked to completion?", "", ""),
    ]),
]


def csv_repeated_header_records(folder: Path) -> Layout:
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(["Annual Security Review \u2014 Export"])
    writer.writerow([])
    row = 2
    items, skipped, header_row = [], {}, None
    for index, (section, domain, questions) in enumerate(H14_SECTIONS):
        writer.writerow([section, "", "", "", ""])
        writer.writerow(H14_HEADER)
        row += 2
        skipped[row - 1] = "section"
        if index == 0:
            header_row = row
        else:
            skipped[row] = "repeated-header"
        for id_, question, answer, explanation in questions:
            writer.writerow([id_, domain, question, answer, explanation])
            row += 1
            items.append(
                ExpectedItem(
                    "", row, question, f"$D${row}", id_, ANY,
                    comment_cell=f"$E${row}",
                    existing_answer=answer or None, existing_comment=explanation or None,
                )
            )
        writer.writerow([])
        row += 1
    writer.writerow(["End of export"])
    path = folder / "security-review-export.csv"
    path.write_bytes(out.getvalue().encode("utf-8"))
    return Layout(
        "h14-csv-repeated-header-records",
        path,
        "csv",
        [ExpectedSheet("", "questionnaire", header_row, {"A": "id", "C": "question", "D": "answer", "E": "comment"}, skipped)],
        items,
        csv=True,
        encoding="utf-8",
        delimiter=",",
    )


# --- CSV: h15, a GRC tool's export: semicolons, BOM, LF, a date column ---------------------------

H15_HEADER = ["Control Reference", "Control Domain", "Question Text", "Answer", "Answer Comment", "Last Updated"]
H15_ROWS = [
    ("CR-3.1", "Cryptography", "Are encryption keys for customer data rotated on a documented schedule?", "Yes",
     "Every 12 months through the cloud key service; older keys kept for decryption only.", "2025-03-14"),
    ("CR-3.2", "Cryptography", "Are TLS 1.0 and 1.1 disabled on all customer-facing endpoints?", "", "", ""),
    ("AS-4.1", "Asset Security", "Must staff report a missing laptop or phone the same day so that it can be erased from afar?", "", "", ""),
    ("AS-4.2", "Asset Security", "Do phones and tablets that receive corporate mail have to be registered with your mobile management platform?", "", "", ""),
    ("TP-5.1", "Third Parties", "Do you review the SOC reports or certifications of your hosting providers every year?", "", "", ""),
    ("TP-5.2", "Third Parties", "Is there an inventory of suppliers with access to customer information?", "Partially",
     "Held by procurement; security reviews it twice a year.", "2025-01-07"),
    ("CP-6.1", "Continuity", "Are recovery point objectives defined and met for each production database?", "", "", ""),
    ("CP-6.2", "Continuity", "Have staff practised working from an alternative site within the last year?", "", "", ""),
]


def csv_grc_export(folder: Path) -> Layout:
    out = io.StringIO(newline="")
    writer = csv.writer(out, delimiter=";", lineterminator="\n")
    writer.writerow(H15_HEADER)
    items = []
    for row, record in enumerate(H15_ROWS, start=2):
        writer.writerow(record)
        id_, _, question, answer, comment, _ = record
        items.append(
            ExpectedItem(
                "", row, question, f"$D${row}", id_, ANY,
                comment_cell=f"$E${row}",
                existing_answer=answer or None, existing_comment=comment or None,
            )
        )
    path = folder / "grc-tool-export.csv"
    path.write_bytes(out.getvalue().encode("utf-8-sig"))
    return Layout(
        "h15-csv-grc-export",
        path,
        "csv",
        [ExpectedSheet("", "questionnaire", 1, {"A": "id", "C": "question", "D": "answer", "E": "comment"})],
        items,
        csv=True,
        encoding="utf-8-sig",
        delimiter=";",
    )


# --- the registry ----------------------------------------------------------------------------------

HELDOUT_LAYOUTS: dict[str, Callable[[Path], Layout]] = {
    "h01-supplier-due-diligence": supplier_due_diligence,
    "h02-two-row-merged-header": two_row_merged_header,
    "h03-marks-across-columns": marks_across_columns,
    "h04-merged-control-id": merged_control_id,
    "h05-framework-mapping-columns": framework_mapping_columns,
    "h06-section-code-rows": section_code_rows,
    "h07-legend-table-above": legend_table_above,
    "h08-internal-use-block": internal_use_block,
    "h09-scoring-and-change-log-tabs": scoring_and_change_log_tabs,
    "h10-many-tabs": many_tabs,
    "h11-header-choices-wide": header_choices_wide,
    "h12-merged-question-cells": merged_question_cells,
    "h13-marks-grouped-header": marks_grouped_header,
    "h14-csv-repeated-header-records": csv_repeated_header_records,
    "h15-csv-grc-export": csv_grc_export,
}


# --- self-check: the expectations describe the files (openpyxl and csv only) ---------------------


def collapse(value: Any) -> Any:
    return " ".join(value.split()) if isinstance(value, str) else value


def split_ref(reference: str) -> tuple[str | None, str, int]:
    """`'Sheet''s'!$C$5` -> ("Sheet's", "C", 5); `$C$5` -> (None, "C", 5)."""
    sheet, bang, cell = reference.rpartition("!")
    name: str | None = None
    if bang:
        name = sheet[1:-1].replace("''", "'") if sheet.startswith("'") and sheet.endswith("'") else sheet
    match = re.fullmatch(r"\$?([A-Z]{1,3})\$?(\d+)", cell)
    if not match:
        raise ValueError(f"not a cell reference: {reference!r}")
    return name, match.group(1), int(match.group(2))


def _resolve_list(wb: Any, sheet: str, formula: str) -> list[str]:
    from openpyxl.utils.cell import range_boundaries

    formula = formula.strip().lstrip("=")
    if formula.startswith('"') and formula.endswith('"'):
        return [part for part in formula[1:-1].split(",")]
    if formula in wb.defined_names:
        destinations = list(wb.defined_names[formula].destinations)
        target_sheet, area = destinations[0]
    elif "!" in formula:
        target_sheet, area = formula.rsplit("!", 1)
        if target_sheet.startswith("'"):
            target_sheet = target_sheet[1:-1].replace("''", "'")
    else:
        target_sheet, area = sheet, formula
    min_col, min_row, max_col, max_row = range_boundaries(area.replace("$", ""))
    ws = wb[target_sheet]
    return [
        str(ws.cell(row=r, column=c).value)
        for r in range(min_row, max_row + 1)
        for c in range(min_col, max_col + 1)
        if ws.cell(row=r, column=c).value is not None
    ]


def _validations_over(ws: Any, coordinate: str) -> list[Any]:
    from openpyxl.worksheet.cell_range import CellRange

    return [
        dv
        for dv in ws.data_validations.dataValidation
        if dv.type == "list" and any(coordinate in CellRange(str(r)) for r in dv.sqref.ranges)
    ]


def _hidden_by_merge(ws: Any, column: str, row: int) -> bool:
    """True when the cell is inside a merged range but not its top-left cell."""
    from openpyxl.utils.cell import column_index_from_string

    col = column_index_from_string(column)
    for merged in ws.merged_cells.ranges:
        if merged.min_row <= row <= merged.max_row and merged.min_col <= col <= merged.max_col:
            return (row, col) != (merged.min_row, merged.min_col)
    return False


def _check_xlsx(layout: Layout) -> list[str]:
    import openpyxl

    problems: list[str] = []
    wb = openpyxl.load_workbook(layout.path)
    expected_names = [sheet.name for sheet in layout.sheets]
    if wb.sheetnames != expected_names:
        problems.append(f"sheets {wb.sheetnames} != expected {expected_names}")
    statuses = {sheet.name: sheet for sheet in layout.sheets}
    for item in layout.items:
        where = f"{item.sheet}!row {item.row}"
        expected_sheet = statuses.get(item.sheet)
        if expected_sheet is None or expected_sheet.status != "questionnaire":
            problems.append(f"{where}: item on a sheet that is not a questionnaire sheet")
            continue
        if item.row <= (expected_sheet.header_row or 0):
            problems.append(f"{where}: item above or on the header row {expected_sheet.header_row}")
        ws = wb[item.sheet]
        marks = getattr(item, "mark_cells", None) or {}
        cells = {"answer": item.answer_cell, "comment": item.comment_cell, "evidence": item.evidence_cell}
        cells.update({f"mark {choice}": reference for choice, reference in marks.items()})
        for what, reference in cells.items():
            if reference is None:
                continue
            sheet_name, column, row = split_ref(reference)
            if (sheet_name, row) != (item.sheet, item.row):
                problems.append(f"{where}: {what} cell {reference} is not on the item's row")
            if _hidden_by_merge(ws, column, row):
                problems.append(f"{where}: {what} cell {reference} is hidden under a merged range")
        if marks:
            if item.answer_cell is not None or item.allowed_answers_source != "marks":
                problems.append(f"{where}: a mark item needs answer_cell None and source 'marks'")
            if list(marks) != item.allowed_answers:
                problems.append(f"{where}: mark choices {list(marks)} != allowed answers {item.allowed_answers}")
            marked = []
            for choice, reference in marks.items():
                _, column, row = split_ref(reference)
                heading = ws[f"{column}{expected_sheet.header_row}"].value
                if collapse(heading) != choice:
                    problems.append(f"{where}: the header above mark column {column} is {heading!r}, not {choice!r}")
                if ws[f"{column}{row}"].value not in (None, ""):
                    marked.append(choice)
                if _validations_over(ws, f"{column}{row}"):
                    problems.append(f"{where}: mark cell {column}{row} has a drop-down")
            want = [item.existing_answer] if item.existing_answer else []
            if marked != want:
                problems.append(f"{where}: marked columns {marked}, expected {want}")
        else:
            if item.answer_cell is None:
                problems.append(f"{where}: no answer cell and no mark cells")
                continue
            _, column, row = split_ref(item.answer_cell)
            coordinate = f"{column}{row}"
            if ws[coordinate].value != item.existing_answer:
                problems.append(f"{where}: {coordinate} holds {ws[coordinate].value!r}, expected {item.existing_answer!r}")
            validations = _validations_over(ws, coordinate)
            if item.allowed_answers_source == "validation":
                if len(validations) != 1:
                    problems.append(f"{where}: {len(validations)} list validations over {coordinate}")
                else:
                    got = _resolve_list(wb, item.sheet, validations[0].formula1)
                    if got != item.allowed_answers:
                        problems.append(f"{where}: drop-down gives {got}, expected {item.allowed_answers}")
            elif validations:
                problems.append(f"{where}: {coordinate} has a drop-down but the item expects none")
            if item.allowed_answers_source == "header":
                heading = str(ws[f"{column}{expected_sheet.header_row}"].value or "")
                if not all(answer in heading for answer in item.allowed_answers):
                    problems.append(f"{where}: header {heading!r} lacks {item.allowed_answers}")
            if item.allowed_answers_source is None and item.allowed_answers:
                problems.append(f"{where}: allowed answers without a source")
        if item.comment_cell:
            _, column, row = split_ref(item.comment_cell)
            value = ws[f"{column}{row}"].value
            if value != item.existing_comment:
                problems.append(f"{where}: comment cell holds {value!r}, expected {item.existing_comment!r}")
        texts = [collapse(c.value) for c in ws[item.row] if isinstance(c.value, str) and len(c.value) >= 15]
        if collapse(item.question) not in texts:
            problems.append(f"{where}: no cell in the row holds the question {item.question!r}")
        if isinstance(item.id, str):
            values = [str(c.value) for c in ws[item.row] if c.value is not None]
            if item.id not in values:
                problems.append(f"{where}: id {item.id!r} not in the row")
        if isinstance(item.guidance, str):
            texts = [collapse(c.value) for c in ws[item.row] if isinstance(c.value, str)]
            if collapse(item.guidance) not in texts:
                problems.append(f"{where}: guidance {item.guidance!r} not in the row")
    for sheet in layout.sheets:
        on_sheet = [item for item in layout.items if item.sheet == sheet.name]
        if sheet.status == "questionnaire" and not on_sheet:
            problems.append(f"sheet {sheet.name!r}: a questionnaire sheet without items")
        if sheet.status == "questionnaire":
            ws = wb[sheet.name]
            for letter, role in sheet.columns.items():
                if ws[f"{letter}{sheet.header_row}"].value is None and not _hidden_by_merge(ws, letter, sheet.header_row):
                    # a two-row header may put the heading in the row above (merged down)
                    above = ws[f"{letter}{sheet.header_row - 1}"].value if sheet.header_row > 1 else None
                    if above is None:
                        problems.append(f"sheet {sheet.name!r}: column {letter} ({role}) has no heading")
    return problems


def _check_csv(layout: Layout) -> list[str]:
    from openpyxl.utils.cell import column_index_from_string

    problems: list[str] = []
    raw = layout.path.read_bytes()
    text = raw.decode(layout.encoding or "utf-8")
    records = list(csv.reader(io.StringIO(text, newline=""), delimiter=layout.delimiter or ",", strict=True))
    sheet = layout.sheets[0]
    if not records[sheet.header_row - 1] or not any(records[sheet.header_row - 1]):
        problems.append(f"header row {sheet.header_row} is empty")
    for row, reason in sheet.skipped.items():
        if reason == "repeated-header" and records[row - 1] != records[sheet.header_row - 1]:
            problems.append(f"row {row} is not a copy of the header row")

    def field_at(reference: str | None) -> str | None:
        if reference is None:
            return None
        _, column, row = split_ref(reference)
        record = records[row - 1]
        index = column_index_from_string(column) - 1
        return record[index] if index < len(record) else ""

    for item in layout.items:
        where = f"row {item.row}"
        for reference in (item.answer_cell, item.comment_cell):
            if reference is not None and split_ref(reference)[2] != item.row:
                problems.append(f"{where}: {reference} is not on the item's row")
        if (field_at(item.answer_cell) or None) != item.existing_answer:
            problems.append(f"{where}: answer field {field_at(item.answer_cell)!r}, expected {item.existing_answer!r}")
        if (field_at(item.comment_cell) or None) != item.existing_comment:
            problems.append(f"{where}: comment field {field_at(item.comment_cell)!r}, expected {item.existing_comment!r}")
        record = records[item.row - 1]
        if item.question not in record:
            problems.append(f"{where}: the question is not a field of the record {record!r}")
        if isinstance(item.id, str) and item.id not in record:
            problems.append(f"{where}: id {item.id!r} not in the record")
        if item.allowed_answers:
            problems.append(f"{where}: a CSV has no drop-downs; allowed answers must be []")
    return problems


def _tuned_words(folder: Path) -> tuple[set[str], set[str], list[str]]:
    """Sheet names and question texts of the tuned layouts (Tests/oracle), to keep clear of them."""
    notes: list[str] = []
    registries: list[dict[str, Callable[[Path], Layout]]] = []
    from questionnaire_layouts import LAYOUTS

    registries.append(LAYOUTS)
    try:
        from questionnaire_layouts_wild import WILD_LAYOUTS  # type: ignore[import-not-found]

        registries.append(WILD_LAYOUTS)
    except Exception as error:  # noqa: BLE001 - the wild set may not exist yet
        notes.append(f"questionnaire_layouts_wild not compared ({type(error).__name__}: {error})")
    sheets: set[str] = set()
    questions: set[str] = set()
    for registry in registries:
        for name, builder in registry.items():
            sub = folder / ("tuned-" + re.sub(r"[^A-Za-z0-9_.-]", "_", name))
            sub.mkdir(parents=True, exist_ok=True)
            try:
                layout = builder(sub)
            except Exception as error:  # noqa: BLE001
                notes.append(f"tuned layout {name} not compared: {type(error).__name__}: {error}")
                continue
            sheets.update(s.name for s in layout.sheets if s.name)
            questions.update(collapse(i.question) for i in layout.items)
    return sheets, questions, notes


def _near_duplicate(text: str, others: set[str], threshold: float = 0.85) -> str | None:
    """A text of `others` that `text` (nearly) repeats, or None."""
    import difflib

    lowered = text.lower()
    for other in others:
        matcher = difflib.SequenceMatcher(None, lowered, other.lower())
        if matcher.real_quick_ratio() >= threshold and matcher.quick_ratio() >= threshold and matcher.ratio() >= threshold:
            return other
    return None


def self_check(verbose: bool = True) -> int:
    """Writes every held-out file into a temporary folder and checks its expectations; returns the
    number of problems (0 when every layout is described by its expectations)."""
    total = 0
    with tempfile.TemporaryDirectory(prefix="quire-heldout-") as tmp:
        folder = Path(tmp)
        tuned_sheets, tuned_questions, notes = _tuned_words(folder)
        for note in notes:
            print(f"note: {note}")
        seen_questions: set[str] = set()
        items_total = 0
        for name, builder in HELDOUT_LAYOUTS.items():
            sub = folder / name
            sub.mkdir()
            try:
                layout = builder(sub)
            except Exception as error:  # noqa: BLE001
                print(f"{name}: FAIL, the builder raised {type(error).__name__}: {error}")
                total += 1
                continue
            problems = _check_csv(layout) if layout.csv else _check_xlsx(layout)
            if layout.name != name:
                problems.append(f"the layout calls itself {layout.name!r}")
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
                if sheet.name and sheet.name in tuned_sheets:
                    problems.append(f"sheet name {sheet.name!r} is also used by a tuned layout")
            for item in layout.items:
                text = collapse(item.question)
                twin = _near_duplicate(text, tuned_questions)
                if twin is not None:
                    problems.append(f"question too close to a tuned layout's: {text!r} ~ {twin!r}")
                if text in seen_questions:
                    problems.append(f"question repeated in the held-out set: {text!r}")
                seen_questions.add(text)
            items_total += len(layout.items)
            total += len(problems)
            if verbose or problems:
                status = "ok" if not problems else f"FAIL ({len(problems)})"
                print(f"{name}: {len(layout.items)} items, {status}")
            for problem in problems:
                print(f"    {problem}")
        print(f"self-check: {len(HELDOUT_LAYOUTS)} held-out layouts, {items_total} items, {total} problem(s)")
    return total


if __name__ == "__main__":
    sys.exit(1 if self_check() else 0)
