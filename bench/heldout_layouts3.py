#!/usr/bin/env python3
"""Third held-out set of synthetic questionnaires for `bench/layout_bench.py`.

Written on 2026-12-07 by a helper that did not see the detector's code, its tests, or the builders
of the earlier held-out sets (only the docstring, style helpers and self-check machinery of
bench/heldout_layouts.py, the docstring, helpers and self-check of bench/heldout_layouts2.py, and
the types at the top of Tests/oracle/questionnaire_layouts.py). Nothing is copied from a real
template: every sheet, heading and question was written for this set. The ten files cover layouts
the earlier sets do not: a Google-Sheets-style checkbox column, a 0-5 maturity scale drop-down, a
table offset to column C under a logo block with frozen panes and an autofilter, sections that each
repeat a slightly reworded header, a UTF-16 tab-separated "Unicode Text" export, drop-downs
pre-filled with a "please select" placeholder, one answer column holding Yes/No, dates, numbers
and free text (with "select all that apply" questions), framework-mapping and weighting columns
around the answer with an exceptions table below, a "Vendor Information" form sheet before the
questionnaire and a "Definitions" sheet after it, and a hidden key column with a hidden, retired
question row.

Expectations follow the conventions stated in bench/heldout_layouts.py:

- an item is a row holding a question (or a requirement to respond to) whose answer goes in a
  cell; titles, supplier-detail form fields, instructions, legends, section rows, repeated
  headers, totals rows, exceptions/deviations tables, sign-off rows and hidden retired rows are not
  items;
- ids are the questionnaire's own, as displayed (a number 3 is "3");
- answer, comment and evidence cells are absolute references on the item's row; allowed answers
  are the drop-down's values in order ("validation"); free text, dates and numbers have [] and
  source None; `section` is the section heading where it is plain, else ANY; `guidance` is None
  where the sheet has no guidance column, ANY where a hint column could be read as one.

Conventions this set had to decide (each layout's `note` repeats its own):

- a checkbox column (booleans with a TRUE/FALSE list, as a Google Sheets export writes it) IS the
  answer column; its allowed answers are ["TRUE", "FALSE"]; an unticked box in a blank form is the
  default state, not an existing answer (existing_answer None); the free-text column beside it is
  the comment;
- a placeholder that is the first entry of a drop-down ("-- Please select --") is not an answer:
  a cell still showing it has no existing answer, and it is left out of the allowed answers;
- a hidden row holding a withdrawn question is not an item; a hidden internal-key column is not the
  id (the id is the displayed one);
- weighting, framework-mapping, score-formula and "expected format" columns are not answer,
  comment or evidence cells.

Run `python bench/heldout_layouts3.py` to write every file into a temporary folder and check, with
openpyxl and the csv module alone (the checks of bench/heldout_layouts.py, imported, plus this
file's own: column roles against the header, every long text in the question column is an item or
a known decoy, hidden rows/columns, the UTF-16 encoding), that the expectations describe the files,
that deliberate mistakes (a shifted answer column, a dropped item, an item off by one row) are
caught, and that no sheet name or question repeats (or nearly repeats) one of the tuned layouts or
of the first two held-out sets.
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
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side  # noqa: E402
from openpyxl.utils.cell import column_index_from_string, get_column_letter  # noqa: E402
from openpyxl.worksheet.datavalidation import DataValidation  # noqa: E402
from openpyxl.worksheet.worksheet import Worksheet  # noqa: E402

from heldout_layouts import (  # noqa: E402
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

FACE = "Arial"
HEAD = Font(name=FACE, bold=True, color="FFFFFF", size=10)
HEAD_DARK = Font(name=FACE, bold=True, color="000000", size=10)
TITLE_BIG = Font(name=FACE, bold=True, size=16, color="2E3B4E")
NOTE = Font(name=FACE, italic=True, size=9, color="595959")
PLAIN = Font(name=FACE, size=10)
BOLDF = Font(name=FACE, bold=True, size=10)
LINE = Side(style="thin", color="BFBFBF")
CELL_BOX = Border(left=LINE, right=LINE, top=LINE, bottom=LINE)
TOP_WRAP = Alignment(wrap_text=True, vertical="top")
CENTRE = Alignment(horizontal="center", vertical="center", wrap_text=True)
SHADES = {
    "ink": PatternFill("solid", fgColor="2E3B4E"),
    "teal": PatternFill("solid", fgColor="00695C"),
    "wine": PatternFill("solid", fgColor="7B1F3A"),
    "ochre": PatternFill("solid", fgColor="B7791F"),
    "steel": PatternFill("solid", fgColor="4A6274"),
    "grass": PatternFill("solid", fgColor="3C6E2F"),
    "sky": PatternFill("solid", fgColor="E3EEF9"),
    "sun": PatternFill("solid", fgColor="FFF4CE"),
    "stone": PatternFill("solid", fgColor="EFEFEF"),
    "google": PatternFill("solid", fgColor="D9EAD3"),
}

#: Rows of a questionnaire sheet that look like items (a long text in the question column, or a
#: question mark) but are not, per layout name: (sheet, row) -> why.
DECOYS: dict[str, dict[tuple[str, int], str]] = {}

#: Layouts whose blank answer cells hold a value that is not an answer, per layout name:
#: (value in the cell, whether that value is also the first entry of the drop-down list).
PLACEHOLDERS: dict[str, tuple[Any, bool]] = {}

#: Rows that the layout hides on purpose, per layout name: (sheet, row).
HIDDEN_ROWS: dict[str, set[tuple[str, int]]] = {}


def heads(ws: Worksheet, row: int, titles: dict[str, str], shade: str = "ink", dark_text: bool = False) -> None:
    for letter, text in titles.items():
        cell = ws[f"{letter}{row}"]
        cell.value = text
        cell.font = HEAD_DARK if dark_text else HEAD
        cell.fill = SHADES[shade]
        cell.border = CELL_BOX
        cell.alignment = CENTRE


def cells(ws: Worksheet, row: int, values: dict[str, Any], font: Font = PLAIN) -> None:
    for letter, value in values.items():
        cell = ws[f"{letter}{row}"]
        cell.border = CELL_BOX
        cell.font = font
        if value is None or value == "":
            continue
        cell.value = value
        if isinstance(value, str) and len(value) > 20:
            cell.alignment = TOP_WRAP


def strip(ws: Worksheet, row: int, text: str, first: str, last: str, shade: str = "sky") -> None:
    """A section band: bold text in `first`, merged to `last`."""
    ws[f"{first}{row}"] = text
    ws[f"{first}{row}"].font = BOLDF
    ws[f"{first}{row}"].fill = SHADES[shade]
    ws.merge_cells(f"{first}{row}:{last}{row}")


def line_note(ws: Worksheet, cell: str, text: str, merge: str | None = None) -> None:
    ws[cell] = text
    ws[cell].font = NOTE
    ws[cell].alignment = TOP_WRAP
    if merge:
        ws.merge_cells(merge)


def big_title(ws: Worksheet, cell: str, text: str, merge: str | None = None) -> None:
    ws[cell] = text
    ws[cell].font = TITLE_BIG
    if merge:
        ws.merge_cells(merge)


def widths(ws: Worksheet, **columns: float) -> None:
    for letter, width in columns.items():
        ws.column_dimensions[letter].width = width


def question_sheet(name: str, header_row: int, columns: dict[str, str]) -> ExpectedSheet:
    return ExpectedSheet(name, "questionnaire", header_row, columns)


def write_book(wb: Workbook, folder: Path, name: str) -> Path:
    path = folder / name
    wb.save(path)
    return path


def entry(
    sheet: str,
    row: int,
    question: str,
    answer_column: str,
    id_: str | None,
    *,
    comment: str | None = None,
    evidence: str | None = None,
    allowed: list[str] | None = None,
    existing: Any = None,
    existing_comment: str | None = None,
    section: Any = ANY,
    guidance: Any = None,
) -> ExpectedItem:
    allowed = list(allowed or [])
    return ExpectedItem(
        sheet=sheet,
        row=row,
        question=question,
        answer_cell=ref(sheet, answer_column, row),
        id=id_,
        section=section,
        comment_cell=ref(sheet, comment, row) if comment else None,
        evidence_cell=ref(sheet, evidence, row) if evidence else None,
        guidance=guidance,
        allowed_answers=allowed,
        allowed_answers_source="validation" if allowed else None,
        existing_answer=existing,
        existing_comment=existing_comment,
    )


# --- 1. Google-Sheets-style export: a checkbox (TRUE/FALSE) column beside a notes column ------------


def checkbox_requirements_export(folder: Path) -> Layout:
    name = checkbox_requirements_export.__name__
    sheet = "Baseline Controls"
    wb = Workbook()
    ws = wb.active
    ws.title = sheet
    ws["A1"] = "Minimum Security Requirements for Service Providers"
    ws["A1"].font = Font(name="Roboto", bold=True, size=14)
    ws["A2"] = "Tick the box in column C for every requirement your service meets today. Use column D to explain any gap."
    ws["A2"].font = Font(name="Roboto", italic=True, size=10)
    header = 4
    titles = {"A": "Req", "B": "Requirement", "C": "Meets requirement", "D": "Vendor notes"}
    for letter, text in titles.items():
        cell = ws[f"{letter}{header}"]
        cell.value = text
        cell.font = Font(name="Roboto", bold=True, size=10)
        cell.fill = SHADES["google"]
    ws.freeze_panes = "A5"
    groups = [
        ("Access control", [
            ("R1", "Every administrator sign-in to production is protected by a hardware key or passkey, not by SMS or app codes alone."),
            ("R2", "User accounts are disabled within one business day of an employee or contractor leaving."),
            ("R3", "Shared or generic accounts are not used to access customer data."),
            ("R4", "Privileged access rights are reviewed and re-approved at least every six months."),
        ]),
        ("Data protection", [
            ("R5", "Our data is encrypted wherever it is stored, backups and replicas included, with keys of 256 bits or more."),
            ("R6", "Encryption keys are stored apart from the data they protect and rotated at least annually."),
            ("R7", "Customer data is stored and processed only in the regions named in the contract."),
            ("R8", "Backups of customer data are proven by a full restore at least once a year."),
            ("R9", "Production data is never copied into development or test environments without masking."),
        ]),
        ("Operations and people", [
            ("R10", "Fixes rated critical reach every internet-facing system no later than two weeks after the vendor publishes them."),
            ("R11", "Security events from production systems are retained for at least 12 months."),
            ("R12", "A named person is accountable for information security and reports to senior management."),
            ("R13", "Staff complete security awareness training when hired and every year after."),
            ("R14", "You will tell us about a confirmed breach affecting our data within 48 hours."),
        ]),
    ]
    items: list[ExpectedItem] = []
    row = header + 1
    item_rows: list[int] = []
    for group, reqs in groups:
        ws[f"B{row}"] = group
        ws[f"B{row}"].font = Font(name="Roboto", bold=True, size=11)
        row += 1
        for req_id, text in reqs:
            ws[f"A{row}"] = req_id
            ws[f"B{row}"] = text
            ws[f"B{row}"].alignment = TOP_WRAP
            ws[f"C{row}"] = False  # an unticked checkbox
            ws[f"C{row}"].alignment = Alignment(horizontal="center")
            items.append(
                entry(sheet, row, text, "C", req_id, comment="D", allowed=["TRUE", "FALSE"], section=[group])
            )
            item_rows.append(row)
            row += 1
    # Google Sheets writes a checkbox as a boolean with a TRUE/FALSE list validation
    dv = DataValidation(type="list", formula1='"TRUE,FALSE"', allow_blank=True)
    ws.add_data_validation(dv)
    dv.add(f"C{item_rows[0]}:C{item_rows[-1]}")
    row += 1
    ws[f"A{row}"] = "Completed by (name, role, date):"
    ws[f"A{row}"].font = Font(name="Roboto", bold=True, size=10)
    widths(ws, A=8, B=80, C=18, D=45)
    PLACEHOLDERS[name] = (False, False)
    path = write_book(wb, folder, "baseline-controls-gsheets.xlsx")
    return Layout(
        name,
        path,
        "xlsx",
        [question_sheet(sheet, header, {"A": "id", "B": "question", "C": "answer", "D": "comment"})],
        items,
        note="The checkbox column C (booleans with a TRUE/FALSE list, as Google Sheets exports a checkbox) is the "
        "answer; allowed answers TRUE, FALSE. Every box is unticked (FALSE) in this blank form: that default "
        "state is not an existing answer. Vendor notes (D) is the comment column. Group names in B are sections.",
    )


# --- 2. maturity self-assessment: a 0-5 level drop-down fed by a rating-scale legend sheet -----------


def maturity_scale_dropdown(folder: Path) -> Layout:
    name = maturity_scale_dropdown.__name__
    sheet = "Maturity Self-Assessment"
    scale_sheet = "Rating Scale"
    wb = Workbook()
    ws = wb.active
    ws.title = sheet
    scale = wb.create_sheet(scale_sheet)
    big_title(scale, "A1", "Capability maturity scale")
    line_note(scale, "A2", "Use these levels for the 'Current level' column of the self-assessment.")
    heads(scale, 3, {"A": "Level", "B": "What it looks like"}, shade="steel")
    levels = [
        ("0 - Not performed", "The practice does not exist or is not carried out."),
        ("1 - Initial", "Carried out informally, depending on individuals."),
        ("2 - Repeatable", "Carried out consistently in parts of the organisation, not yet documented."),
        ("3 - Defined", "Documented, approved and applied across the organisation."),
        ("4 - Managed", "Measured against targets, with results reported to management."),
        ("5 - Optimising", "Continually improved using measurements and lessons learned."),
    ]
    for offset, (level, text) in enumerate(levels):
        cells(scale, 4 + offset, {"A": level, "B": text})
    widths(scale, A=20, B=70)
    choices = [level for level, _ in levels]

    big_title(ws, "A1", "Security Capability Maturity Self-Assessment", "A1:F1")
    line_note(
        ws,
        "A2",
        "Rate each practice with the level that best describes it today (see the Rating Scale tab), explain the basis "
        "for the rating and name the evidence you could show us. The score column is calculated.",
        "A2:F2",
    )
    header = 4
    heads(
        ws,
        header,
        {"A": "Practice ID", "B": "Practice", "C": "Current level", "D": "Basis for rating", "E": "Evidence reference", "F": "Score"},
        shade="steel",
    )
    domains = [
        ("Identify", [
            ("P01", "An inventory of hardware and software assets is maintained and reconciled against discovery scans."),
            ("P02", "Information assets are classified and labelled according to their sensitivity."),
            ("P03", "Security risks are assessed on a defined cycle and recorded in a risk register with named owners."),
            ("P04", "Security requirements for third parties are defined before contracts are signed."),
        ]),
        ("Protect", [
            ("P05", "Identities are provisioned from an authoritative HR source and deprovisioned automatically."),
            ("P06", "Secure configuration baselines exist for servers, endpoints and cloud services, and drift is monitored."),
            ("P07", "Software is built through a pipeline that includes static analysis and dependency scanning."),
            ("P08", "Sensitive data is protected in transit and at rest with centrally managed cryptographic keys."),
            ("P09", "Staff receive role-specific security training and completion rates are tracked."),
        ]),
        ("Detect", [
            ("P10", "Security logs from key systems are collected centrally and correlated to raise alerts."),
            ("P11", "Alerts are triaged around the clock against documented severity criteria."),
            ("P12", "Threat intelligence is used to tune detection rules and hunt for indicators of compromise."),
        ]),
        ("Respond & Recover", [
            ("P13", "Incident response roles, playbooks and escalation paths are documented and exercised."),
            ("P14", "Lessons learned from incidents feed back into controls and are tracked to closure."),
            ("P15", "Recovery time objectives are set for critical services and validated by failover tests."),
            ("P16", "Crisis communication with customers and regulators is planned and rehearsed."),
        ]),
    ]
    answered = {"P01": ("3 - Defined", "CMDB reconciled monthly with agent inventory"), "P10": ("2 - Repeatable", None)}
    items: list[ExpectedItem] = []
    row = header + 1
    first = row
    for domain, practices in domains:
        strip(ws, row, domain, "A", "F", shade="sky")
        row += 1
        for pid, text in practices:
            existing, basis = answered.get(pid, (None, None))
            cells(ws, row, {"A": pid, "B": text, "C": existing, "D": basis, "E": None})
            ws[f"F{row}"] = f'=IF(C{row}="","",VALUE(LEFT(C{row},1)))'
            items.append(
                entry(sheet, row, text, "C", pid, comment="D", evidence="E", allowed=choices, existing=existing,
                      existing_comment=basis, section=[domain])
            )
            row += 1
    last = row - 1
    list_validation(ws, f"'{scale_sheet}'!$A$4:$A$9", f"C{first}:C{last}")
    row += 1
    cells(ws, row, {"B": "Average maturity level", "F": f"=IFERROR(AVERAGE(F{first}:F{last}),\"\")"}, font=BOLDF)
    widths(ws, A=12, B=70, C=20, D=40, E=24, F=8)
    ws.freeze_panes = f"C{header + 1}"
    path = write_book(wb, folder, "maturity-self-assessment.xlsx")
    return Layout(
        name,
        path,
        "xlsx",
        [
            question_sheet(sheet, header, {"A": "id", "B": "question", "C": "answer", "D": "comment", "E": "evidence"}),
            ExpectedSheet(scale_sheet, "ignored"),
        ],
        items,
        note="Answer is the level drop-down (values from the Rating Scale legend sheet, which is not a questionnaire). "
        "The calculated Score column and the average row are not items or answer cells.",
    )


# --- 3. table offset to column C under a logo block; frozen panes; autofilter on the header ----------


def offset_table_under_logo(folder: Path) -> Layout:
    name = offset_table_under_logo.__name__
    sheet = "Supplier Review"
    wb = Workbook()
    ws = wb.active
    ws.title = sheet
    ws["C1"] = "HALVORSEN\nLOGISTICS"
    ws["C1"].font = Font(name=FACE, bold=True, size=18, color="FFFFFF")
    ws["C1"].fill = SHADES["wine"]
    ws["C1"].alignment = CENTRE
    ws.merge_cells("C1:D4")
    big_title(ws, "E1", "Third-Party Information Security Questionnaire", "E1:H2")
    line_note(ws, "E3", "Form ISQ-7 · Version 3.2 · Confidential once completed", "E3:H4")
    header = 6
    heads(
        ws,
        header,
        {"C": "Ref", "D": "Category", "E": "Question", "F": "Response", "G": "Comments", "H": "Evidence"},
        shade="wine",
    )
    rows = [
        ("Governance", "Has your information security policy been reviewed and re-approved by management within the last 12 months?"),
        ("Governance", "Do you keep a register of the data protection laws and regulations that apply to the services you provide to us?"),
        ("Governance", "Is information security a standing item on the agenda of your board or executive committee?"),
        ("People", "Are background checks, proportionate to the role, completed before new staff get access to client systems?"),
        ("People", "Do employment contracts include confidentiality obligations that continue after employment ends?"),
        ("People", "Can staff be sanctioned under your HR procedures for breaking security rules?"),
        ("Physical", "Are your offices and data rooms protected by badge access, with entry logs kept for at least 90 days?"),
        ("Physical", "Are visitors escorted at all times in areas where client information is handled?"),
        ("Technical", "Are laptops protected with full-disk encryption and a screen lock that engages after at most 10 minutes?"),
        ("Technical", "Is email filtered for malicious attachments and links before it reaches users' inboxes?"),
        ("Technical", "Do you block unapproved removable storage devices on company endpoints?"),
        ("Technical", "Are internet-facing services protected by a web application firewall or equivalent?"),
        ("Technical", "Is remote access to your internal network possible only through an encrypted VPN or zero-trust gateway with MFA?"),
        ("Suppliers", "Do you assess the security of your own critical subcontractors before engaging them?"),
        ("Suppliers", "Will you give us a list of sub-processors that may access our data, and tell us before it changes?"),
        ("Incidents", "Do you have a contact point for reporting security incidents that is staffed 24/7?"),
        ("Incidents", "Have you had a security incident in the past 24 months that had to be reported to a regulator or to customers?"),
        ("Continuity", "Is your business continuity plan tested at least annually, with results reported to management?"),
    ]
    choices = ["Yes", "No", "Partially", "Not applicable"]
    items: list[ExpectedItem] = []
    row = header + 1
    for number, (category, text) in enumerate(rows, start=1):
        ref_id = f"TP-{number:02d}"
        cells(ws, row, {"C": ref_id, "D": category, "E": text, "F": None, "G": None, "H": None})
        items.append(entry(sheet, row, text, "F", ref_id, comment="G", evidence="H", allowed=choices))
        row += 1
    last = row - 1
    list_validation(ws, choices, f"F{header + 1}:F{last}")
    ws.auto_filter.ref = f"C{header}:H{last}"
    ws.freeze_panes = f"F{header + 1}"
    widths(ws, A=2.5, B=2.5, C=8, D=14, E=70, F=16, G=40, H=24)
    for r in range(1, 5):
        ws.row_dimensions[r].height = 18
    path = write_book(wb, folder, "halvorsen-third-party-isq.xlsx")
    return Layout(
        name,
        path,
        "xlsx",
        [question_sheet(sheet, header, {"C": "id", "E": "question", "F": "answer", "G": "comment", "H": "evidence"})],
        items,
        note="Columns A-B are empty; a merged logo block sits in C1:D4 and a merged title beside it. The category "
        "column is per row, not a section heading.",
    )


# --- 4. one sheet, four sections, each with its own (slightly reworded) header row -------------------


def sections_with_own_headers(folder: Path) -> Layout:
    name = sections_with_own_headers.__name__
    sheet = "Security & Privacy"
    wb = Workbook()
    ws = wb.active
    ws.title = sheet
    big_title(ws, "A1", "Vendor Security and Privacy Questions", "A1:D1")
    line_note(ws, "A2", "Please answer every question in each section. Add remarks where the answer needs context.", "A2:D2")
    sections = [
        ("Section 1 - Organisational Security", ("Ref", "Question", "Response", "Remarks"), "OS", [
            "Do you have a dedicated security team, and how many people work in it?",
            "Is there a formal process for granting exceptions to security policy, with expiry dates?",
            "Do you carry cyber liability insurance that covers incidents affecting customers?",
            "Do technical staff have their security duties spelled out in their role profiles?",
        ]),
        ("Section 2 - Application Security", ("Ref.", "Question", "Answer", "Comments"), "AS", [
            "Do developers receive secure coding training at least once a year?",
            "Must a second engineer approve every pull request before it can be merged?",
            "Before a major version ships, is it checked for common web weaknesses such as injection and broken access control?",
            "Are secrets such as API keys kept out of source code repositories?",
            "Do you publish a vulnerability disclosure policy or run a bug bounty programme?",
        ]),
        ("Section 3 - Privacy", ("Reference", "Question text", "Vendor response", "Remarks / evidence"), "PV", [
            "Do you have a designated Data Protection Officer or privacy lead?",
            "Can you delete or return all of our personal data at the end of the contract?",
            "Is there an up-to-date inventory of the processing you carry out for us, as Article 30 of the GDPR requires?",
            "Is personal data transferred outside the UK or EEA, and if so under which safeguards?",
            "Do you fulfil data subject access requests within the statutory deadline?",
        ]),
        ("Section 4 - Hosting & Infrastructure", ("Ref", "Questions", "Reply", "Notes"), "HI", [
            "Is the service hosted in a third-party cloud, and which provider and regions are used?",
            "Are production environments logically separated from development and test?",
            "Is infrastructure defined as code, with changes deployed through an approved pipeline?",
            "Are hosts hardened against a recognised benchmark such as CIS?",
        ]),
    ]
    choices = ["Yes", "No", "N/A"]
    dv = list_validation(ws, choices)
    items: list[ExpectedItem] = []
    row = 4
    first_header: int | None = None
    for index, (band, titles, prefix, questions) in enumerate(sections):
        if index:
            row += 1  # a blank row between sections
        strip(ws, row, band, "A", "D", shade="stone")
        row += 1
        heads(ws, row, dict(zip("ABCD", titles)), shade="teal")
        if first_header is None:
            first_header = row
        row += 1
        for number, text in enumerate(questions, start=1):
            qid = f"{prefix}-{number}"
            cells(ws, row, {"A": qid, "B": text, "C": None, "D": None})
            dv.add(f"C{row}")
            items.append(entry(sheet, row, text, "C", qid, comment="D", allowed=choices, section=[band]))
            row += 1
    widths(ws, A=10, B=75, C=16, D=45)
    assert first_header is not None
    path = write_book(wb, folder, "vendor-security-privacy.xlsx")
    return Layout(
        name,
        path,
        "xlsx",
        [question_sheet(sheet, first_header, {"A": "id", "B": "question", "C": "answer", "D": "comment"})],
        items,
        note="Each section band is followed by its own header row; the wording changes (Response / Answer / Vendor "
        "response / Reply) but the columns do not. header_row is the first of them; the later ones are repeated "
        "headers, not items.",
    )


# --- 5. Excel "Unicode Text" export: UTF-16 LE with BOM, tab-separated, title line above the header ---


def utf16_tab_export(folder: Path) -> Layout:
    name = utf16_tab_export.__name__
    stem = "cloud-hosting-due-diligence"
    header_fields = ["Question ID", "Domain", "Question", "Vendor Answer", "Vendor Comment"]
    questions = [
        ("Hosting", "Which cloud provider(s) host the service, and in which regions is our data stored?",
         "AWS eu-west-1 (primary), eu-central-1 (backup)", None),
        ("Hosting", "Do you hold a current SOC 2 Type II report covering the hosting environment, and can it be shared under NDA?", None, None),
        ("Hosting", "Is the service deployed across at least two availability zones?", "Yes", None),
        ("Hosting", "Where is your primary operations centre located (for example Zürich or Dublin)?", None, None),
        ("Data", "Is our data logically segregated from other customers' data at the database level?", None, None),
        ("Data", "Are database backups encrypted and stored in a separate account or subscription?", None, None),
        ("Data", "How long is our data retained after termination before it is irrevocably deleted?", None, None),
        ("Access", "Do your support engineers need our approval before accessing our tenant?", None, None),
        ("Access", "Are all console and API actions by your staff logged with the individual's identity?", None, None),
        ("Access", "Is single sign-on via SAML 2.0 or OpenID Connect available to our users at no extra cost?", None, None),
        ("Security", "Do you run an external penetration test of the platform at least annually?\n"
         "Please state the date of the most recent test.", None, None),
        ("Security", "Are container images scanned for known vulnerabilities before deployment?", None, None),
        ("Security", "Is a DDoS protection service in place for public endpoints?", "Yes", "Provider-managed, always on — 10 Gbps+ mitigation"),
        ("Compliance", "Will you support our right to audit, including on-site visits with reasonable notice?", None, None),
        ("Compliance", "Is support provided from locations outside the EU — for example follow-the-sun teams?", None, None),
    ]
    width = len(header_fields)
    records: list[list[str]] = [
        ["Cloud Hosting Due Diligence – supplier responses"] + [""] * (width - 1),
        [""] * width,
        header_fields,
    ]
    header = 3
    items: list[ExpectedItem] = []
    for number, (domain, text, answer, comment) in enumerate(questions, start=1):
        qid = f"DD-{number:02d}"
        records.append([qid, domain, text, answer or "", comment or ""])
        row = len(records)
        items.append(
            entry(stem, row, text, "D", qid, comment="E", existing=answer, existing_comment=comment)
        )
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, delimiter="\t", lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerows(records)
    path = folder / f"{stem}.csv"
    path.write_bytes(codecs.BOM_UTF16_LE + buffer.getvalue().encode("utf-16-le"))
    return Layout(
        name,
        path,
        "csv",
        [ExpectedSheet(stem, "questionnaire", header, {"A": "id", "C": "question", "D": "answer", "E": "comment"})],
        items,
        csv=True,
        encoding="utf-16",
        delimiter="\t",
        note="Written as Excel's 'Unicode Text' export (UTF-16 LE with BOM, tab-separated, CRLF, every record padded "
        "to the same width) and saved with a .csv name. A title record and an empty record precede the header; "
        "one question holds a line break; a few answers are already filled in.",
    )


# --- 6. drop-downs pre-filled with a "please select" placeholder that belongs to the list -------------


def select_placeholder_prefilled(folder: Path) -> Layout:
    name = select_placeholder_prefilled.__name__
    sheet = "Processor Assessment"
    placeholder = "-- Please select --"
    wb = Workbook()
    ws = wb.active
    ws.title = sheet
    big_title(ws, "A1", "Data Processor Assessment", "A1:D1")
    line_note(
        ws,
        "A2",
        f"Choose an answer from each drop-down. Rows still showing '{placeholder}' are treated as unanswered.",
        "A2:D2",
    )
    header = 4
    heads(ws, header, {"A": "No.", "B": "Question", "C": "Answer", "D": "Additional information"}, shade="grass")
    yes_no = ["Yes", "No", "Not applicable"]
    often = ["Monthly", "Quarterly", "Annually", "Less often than annually"]
    role = ["Controller", "Processor", "Both"]
    groups = [
        ("Role and scope", [
            ("In relation to the personal data you will process for us, do you act as controller, processor or both?", role, "Processor"),
            ("Will you process special category data (health, biometric and the like) as part of this service?", yes_no, None),
            ("Will any personal data be processed by your affiliates in other countries?", yes_no, None),
        ]),
        ("Safeguards", [
            ("Have you completed a data protection impact assessment for this processing?", yes_no, None),
            ("How often do you review who has access to personal data held on our behalf?", often, "Quarterly"),
            ("Is personal data pseudonymised or anonymised wherever the purpose allows?", yes_no, None),
            ("How often are your privacy notices and internal data protection policies reviewed?", often, None),
            ("Do you use personal data received from us to train machine learning models?", yes_no, "No"),
            ("Are staff with access to personal data bound by a written duty of confidentiality?", yes_no, None),
        ]),
        ("Breaches and requests", [
            ("Do you have a documented procedure for personal data breaches, including telling us without undue delay?", yes_no, None),
            ("Have you reported a personal data breach to a supervisory authority in the last three years?", yes_no, None),
            ("How often do you test the personal data breach procedure?", often, None),
            ("Will you help us respond to requests from individuals exercising their rights?", yes_no, None),
            ("Can you provide evidence of deletion, such as a certificate, when data is erased at our request?", yes_no, None),
        ]),
    ]
    validations = {
        id(yes_no): list_validation(ws, [placeholder] + yes_no),
        id(often): list_validation(ws, [placeholder] + often),
        id(role): list_validation(ws, [placeholder] + role),
    }
    items: list[ExpectedItem] = []
    row = header + 1
    number = 0
    for group, questions in groups:
        strip(ws, row, group, "A", "D", shade="sun")
        row += 1
        for text, choices, existing in questions:
            number += 1
            cells(ws, row, {"A": number, "B": text, "C": existing or placeholder, "D": None})
            validations[id(choices)].add(f"C{row}")
            items.append(entry(sheet, row, text, "C", str(number), comment="D", allowed=choices, existing=existing, section=[group]))
            row += 1
    widths(ws, A=6, B=80, C=24, D=45)
    PLACEHOLDERS[name] = (placeholder, True)
    path = write_book(wb, folder, "data-processor-assessment.xlsx")
    return Layout(
        name,
        path,
        "xlsx",
        [question_sheet(sheet, header, {"A": "id", "B": "question", "C": "answer", "D": "comment"})],
        items,
        note=f"Every answer cell starts as '{placeholder}', the first entry of its drop-down. The placeholder is not an "
        "answer: a cell still showing it has no existing answer, and it is left out of allowed_answers (the "
        "remaining list values, in order). Three rows are already answered. Three different lists are used.",
    )


# --- 7. one answer column, several answer types: Yes/No, dates, numbers, free text, select-all ------


def mixed_answer_types(folder: Path) -> Layout:
    name = mixed_answer_types.__name__
    sheet = "Security Profile"
    wb = Workbook()
    ws = wb.active
    ws.title = sheet
    big_title(ws, "A1", "Supplier Security Profile", "A1:E1")
    header = 3
    heads(ws, header, {"A": "Ref", "B": "Question", "C": "Expected format", "D": "Answer", "E": "Notes"}, shade="ochre")
    yes_no = ["Yes", "No"]
    select_all = "Select all that apply (free text)"
    groups = [
        ("Organisation", [
            ("How many employees does your organisation have in total?", "Number"),
            ("How many of those employees work in dedicated security roles?", "Number"),
            ("Do you hold a current ISO/IEC 27001 certificate?", "Yes / No"),
            ("Date of your most recent ISO/IEC 27001 certification or surveillance audit", "Date"),
        ]),
        ("Testing", [
            ("Date of your last external penetration test", "Date"),
            ("Were all critical and high findings from that test remediated?", "Yes / No"),
            ("On average, how many days does it take you to remediate a critical vulnerability?", "Number"),
            ("Which of the following testing activities do you perform? Select all that apply: (a) automated "
             "vulnerability scanning, (b) authenticated scanning, (c) manual penetration testing, (d) red team "
             "exercises, (e) source code review.", select_all),
        ]),
        ("Resilience", [
            ("Date your disaster recovery plan was last tested", "Date"),
            ("What recovery point objective, in hours, do you commit to for customer data?", "Number"),
            ("Do you replicate customer data to a secondary site?", "Yes / No"),
            ("Which backup media do you use? Select all that apply: disk, tape, cloud object storage, other "
             "(please specify).", select_all),
            ("Describe how your backups are protected against ransomware.", "Free text"),
        ]),
        ("Workforce", [
            ("What percentage of staff completed phishing simulation exercises in the last 12 months?", "Number (%)"),
            ("Which of these sign-in methods are enforced for workforce accounts? Select all that apply: passwords "
             "with complexity rules, authenticator app, hardware security key, SMS one-time code, certificate-based "
             "login.", select_all),
            ("Do contractors go through the same onboarding security checks as employees?", "Yes / No"),
            ("Please describe any material changes to your security programme planned for the next 12 months.", "Free text"),
        ]),
    ]
    yes_no_dv = list_validation(ws, yes_no)
    date_dv = DataValidation(type="date", operator="greaterThan", formula1="36526", allow_blank=True,
                             error="Enter a date (DD/MM/YYYY)", showErrorMessage=True)
    whole_dv = DataValidation(type="whole", operator="between", formula1="0", formula2="1000000", allow_blank=True)
    share_dv = DataValidation(type="decimal", operator="between", formula1="0", formula2="100", allow_blank=True)
    for dv in (date_dv, whole_dv, share_dv):
        ws.add_data_validation(dv)
    items: list[ExpectedItem] = []
    row = header + 1
    number = 0
    for group, questions in groups:
        strip(ws, row, group, "A", "E", shade="sun")
        row += 1
        for text, kind in questions:
            number += 1
            qid = f"SP{number:02d}"
            cells(ws, row, {"A": qid, "B": text, "C": kind, "D": None, "E": None})
            allowed: list[str] = []
            if kind == "Yes / No":
                yes_no_dv.add(f"D{row}")
                allowed = yes_no
            elif kind == "Date":
                date_dv.add(f"D{row}")
                ws[f"D{row}"].number_format = "DD/MM/YYYY"
            elif kind == "Number":
                whole_dv.add(f"D{row}")
            elif kind == "Number (%)":
                share_dv.add(f"D{row}")
            items.append(entry(sheet, row, text, "D", qid, comment="E", allowed=allowed, section=[group], guidance=ANY))
            row += 1
    widths(ws, A=7, B=80, C=20, D=26, E=40)
    path = write_book(wb, folder, "supplier-security-profile.xlsx")
    return Layout(
        name,
        path,
        "xlsx",
        [question_sheet(sheet, header, {"A": "id", "B": "question", "D": "answer", "E": "comment"})],
        items,
        note="One answer column (D) takes Yes/No drop-downs, date and number validations and free text, row by row; "
        "only the Yes/No rows have allowed answers. 'Select all that apply' questions list their options in the "
        "question text and are answered in free text. The 'Expected format' column is a hint, not an answer.",
    )


# --- 8. wide sheet: framework-mapping columns between question and answer, a weighting column after,
#        and an exceptions / deviations table below the questionnaire ---------------------------------


def mapped_weighted_with_exceptions(folder: Path) -> Layout:
    name = mapped_weighted_with_exceptions.__name__
    sheet = "Control Assessment"
    wb = Workbook()
    ws = wb.active
    ws.title = sheet
    big_title(ws, "A1", "Supplier Control Assessment", "A1:J1")
    line_note(ws, "A2", "Framework references are for information only. Weighting is set by us and must not be changed.", "A2:J2")
    line_note(ws, "A3", "Responses: Fully met / Partially met / Not met / Not applicable.", "A3:J3")
    header = 5
    heads(
        ws,
        header,
        {
            "A": "Control ID", "B": "Control Area", "C": "Control Question", "D": "ISO/IEC 27001:2022",
            "E": "SOC 2 (TSC 2017)", "F": "NIST CSF 2.0", "G": "Supplier Response", "H": "Weighting",
            "I": "Supplier Commentary", "J": "Evidence Reference",
        },
        shade="ink",
    )
    controls = [
        ("AC-01", "Access Control", "Is access to information systems granted on least privilege and approved by the asset owner?", "A.5.15", "CC6.1", "PR.AA-05", 3),
        ("AC-02", "Access Control", "Are user access rights reviewed at defined intervals, with unused accounts removed?", "A.5.18", "CC6.2", "PR.AA-05", 3),
        ("AC-03", "Access Control", "Is multi-factor authentication enforced for every remote and privileged login?", "A.8.5", "CC6.1", "PR.AA-03", 3),
        ("AC-04", "Access Control", "Are privileged activities logged, with the logs protected from alteration?", "A.8.15", "CC7.2", "DE.CM-03", 2),
        ("CR-01", "Cryptography", "Is there a documented cryptography standard specifying approved algorithms and key lengths?", "A.8.24", "CC6.7", "PR.DS-01", 2),
        ("CR-02", "Cryptography", "Are cryptographic keys managed through a dedicated key management service or HSM?", "A.8.24", "CC6.1", "PR.DS-02", 2),
        ("OP-01", "Operations", "Are changes to production systems formally requested, tested and approved before release?", "A.8.32", "CC8.1", "PR.PS-01", 3),
        ("OP-02", "Operations", "Is anti-malware or endpoint detection and response deployed on all servers and workstations?", "A.8.7", "CC6.8", "DE.CM-09", 3),
        ("OP-03", "Operations", "Are capacity and performance of critical systems monitored against alert thresholds?", "A.8.6", "A1.1", "PR.IR-04", 1),
        ("OP-04", "Operations", "Do all servers and network devices take their time from one trusted NTP source?", "A.8.17", "CC7.2", "PR.PS-04", 1),
        ("VM-01", "Vulnerability Management", "Are vulnerability scans run at least monthly on all externally exposed assets?", "A.8.8", "CC7.1", "ID.RA-01", 3),
        ("VM-02", "Vulnerability Management", "Are remediation deadlines defined by severity and tracked until closure?", "A.8.8", "CC7.1", "ID.RA-06", 2),
        ("IR-01", "Incident Management", "Does an incident response plan define roles, severity levels and customer notification?", "A.5.24", "CC7.4", "RS.MA-01", 3),
        ("IR-02", "Incident Management", "Are forensic images and logs preserved for investigation after a security incident?", "A.5.28", "CC7.4", "RS.AN-07", 2),
        ("BC-01", "Business Continuity", "Have you carried out a business impact analysis that ranks critical processes for recovery?", "A.5.30", "A1.2", "ID.IM-04", 2),
        ("BC-02", "Business Continuity", "Are backups kept in a location geographically separate from the primary site?", "A.8.13", "A1.2", "PR.DS-11", 2),
    ]
    choices = ["Fully met", "Partially met", "Not met", "Not applicable"]
    filled = {"AC-02": ("Partially met", "See exception 1 below."), "OP-01": ("Fully met", None)}
    items: list[ExpectedItem] = []
    row = header + 1
    for cid, area, text, iso, soc, nist, weight in controls:
        existing, commentary = filled.get(cid, (None, None))
        cells(ws, row, {"A": cid, "B": area, "C": text, "D": iso, "E": soc, "F": nist, "G": existing, "H": weight,
                        "I": commentary, "J": None})
        ws[f"H{row}"].alignment = Alignment(horizontal="center")
        items.append(
            entry(sheet, row, text, "G", cid, comment="I", evidence="J", allowed=choices, existing=existing,
                  existing_comment=commentary)
        )
        row += 1
    last = row - 1
    list_validation(ws, choices, f"G{header + 1}:G{last}")
    row += 2
    strip(ws, row, "Exceptions / Deviations", "A", "J", shade="sky")
    row += 1
    line_note(ws, f"A{row}", "List every control above that you do not fully meet. Our risk team reviews each exception.", f"A{row}:J{row}")
    row += 1
    heads(ws, row, {"A": "No.", "B": "Control ID", "C": "Description of deviation", "D": "Compensating control",
                    "E": "Risk owner", "F": "Target date"}, shade="steel")
    decoys: dict[tuple[str, int], str] = {}
    for number in range(1, 6):
        row += 1
        if number == 1:
            cells(ws, row, {"A": number, "B": "AC-02",
                            "C": "Access reviews for corporate SaaS applications are annual rather than quarterly.",
                            "D": "Automated deprovisioning from the HR system", "E": "CISO", "F": "2027-03-31"})
            decoys[(sheet, row)] = "a vendor-filled exception row (exceptions table, not a question)"
        else:
            cells(ws, row, {"A": number, "B": None, "C": None, "D": None, "E": None, "F": None})
    DECOYS[name] = decoys
    widths(ws, A=11, B=22, C=62, D=16, E=16, F=14, G=18, H=11, I=40, J=24)
    ws.freeze_panes = f"D{header + 1}"
    path = write_book(wb, folder, "supplier-control-assessment.xlsx")
    return Layout(
        name,
        path,
        "xlsx",
        [question_sheet(sheet, header, {"A": "id", "C": "question", "G": "answer", "I": "comment", "J": "evidence"})],
        items,
        note="ISO / SOC 2 / NIST reference columns sit between the question and the answer; the customer-set "
        "Weighting column follows the answer and is not an answer. The Exceptions / Deviations table below the "
        "questionnaire (its own header, numbered rows, one filled in) holds no items.",
    )


# --- 9. "Vendor Information" form sheet first, then the questionnaire, then "Definitions" -------------


def vendor_info_sheet_first(folder: Path) -> Layout:
    name = vendor_info_sheet_first.__name__
    info_sheet, sheet, terms_sheet = "Vendor Information", "Security Controls Review", "Definitions"
    wb = Workbook()
    info = wb.active
    info.title = info_sheet
    big_title(info, "A1", "Vendor Information")
    line_note(info, "A2", "Complete this page before the questions on the next tab.")
    fields = [
        "Legal entity name", "Trading name (if different)", "Company registration number", "Registered address",
        "Website", "Main contact - name", "Main contact - email", "Security contact - name", "Security contact - email",
        "Service(s) provided to us", "Date completed",
    ]
    for offset, label in enumerate(fields):
        r = 4 + offset
        info[f"A{r}"] = label
        info[f"A{r}"].font = BOLDF
        info[f"B{r}"].border = CELL_BOX
        info[f"B{r}"].fill = SHADES["sun"]
    info["B4"] = "Fenwick Data Services Ltd"
    widths(info, A=32, B=50)

    ws = wb.create_sheet(sheet)
    big_title(ws, "A1", "Security Controls Review", "A1:F1")
    line_note(ws, "A2", "Select a response for each question and explain any answer other than 'Yes'. Terms in "
              "bold are defined on the Definitions tab.", "A2:F2")
    header = 4
    heads(ws, header, {"A": "No.", "B": "Topic", "C": "Question", "D": "Response", "E": "Explanation",
                       "F": "Document reference"}, shade="teal")
    rows = [
        ("Policy", "Do you have an acceptable use policy that all staff must acknowledge?"),
        ("Policy", "Are information security policies published where all staff can read them?"),
        ("Risk", "Do you perform a formal security risk assessment before introducing a new system or supplier?"),
        ("Risk", "Is residual risk formally accepted by a named executive?"),
        ("Assets", "Are company-owned mobile devices enrolled in a mobile device management solution?"),
        ("Assets", "Is there a process for securely wiping or destroying storage media at end of life?"),
        ("Network", "Is your internal network segmented so that a compromise of one zone does not expose the others?"),
        ("Network", "Are firewall rules reviewed at least every six months and unused rules removed?"),
        ("Network", "Is guest wireless access isolated from the corporate network?"),
        ("Monitoring", "Do you alert on repeated failed logins and impossible-travel sign-ins?"),
        ("Monitoring", "Are audit logs protected so that administrators cannot delete records of their own activity?"),
        ("Development", "Are third-party libraries tracked in a software bill of materials?"),
        ("Development", "Is deployment to production restricted to an automated pipeline rather than individual engineers?"),
        ("Cloud", "Is cloud configuration continuously assessed against a security baseline (CSPM)?"),
        ("Cloud", "Are the root or owner accounts of your cloud tenancies protected with hardware tokens and used only in emergencies?"),
        ("Resilience", "Do you have a documented playbook for responding to a ransomware attack?"),
    ]
    choices = ["Yes", "No", "In progress", "Not applicable"]
    items: list[ExpectedItem] = []
    row = header + 1
    for number, (topic, text) in enumerate(rows, start=1):
        qid = f"Q{number}"
        cells(ws, row, {"A": qid, "B": topic, "C": text, "D": None, "E": None, "F": None})
        items.append(entry(sheet, row, text, "D", qid, comment="E", evidence="F", allowed=choices))
        row += 1
    list_validation(ws, choices, f"D{header + 1}:D{row - 1}")
    widths(ws, A=6, B=14, C=75, D=16, E=40, F=24)

    terms = wb.create_sheet(terms_sheet)
    heads(terms, 1, {"A": "Term", "B": "Definition"}, shade="stone", dark_text=True)
    for offset, (term, meaning) in enumerate([
        ("CSPM", "Cloud security posture management: tooling that checks cloud settings against a baseline."),
        ("Impossible travel", "Sign-ins by one account from places too far apart for the time between them."),
        ("Residual risk", "The risk that remains after controls have been applied."),
        ("Software bill of materials", "A list of the components and libraries a piece of software is built from."),
        ("Zone", "A part of a network separated from others by filtering devices."),
    ], start=2):
        cells(terms, offset, {"A": term, "B": meaning})
    widths(terms, A=26, B=80)
    path = write_book(wb, folder, "fenwick-security-controls.xlsx")
    return Layout(
        name,
        path,
        "xlsx",
        [
            ExpectedSheet(info_sheet, "ignored"),
            question_sheet(sheet, header, {"A": "id", "C": "question", "D": "answer", "E": "comment", "F": "evidence"}),
            ExpectedSheet(terms_sheet, "ignored"),
        ],
        items,
        note="The first sheet is a supplier-details form (its fields are not items) and the last a glossary; only the "
        "middle sheet is a questionnaire. The Topic column is per row, not a section heading.",
    )


# --- 10. a hidden internal-key column between id and question; one hidden row with a retired question --


def hidden_key_and_retired_row(folder: Path) -> Layout:
    name = hidden_key_and_retired_row.__name__
    sheet = "IS Questions 2026"
    wb = Workbook()
    ws = wb.active
    ws.title = sheet
    big_title(ws, "A1", "Information Security Questions - 2026 cycle", "A1:E1")
    header = 3
    heads(ws, header, {"A": "Q#", "B": "Key", "C": "Question", "D": "Answer", "E": "Comments"}, shade="wine")
    ws.column_dimensions["B"].hidden = True
    groups = [
        ("Identity", [
            "Is there a single identity provider for all workforce applications?",
            "Are password-only logins disabled for every externally reachable application?",
            "Do service accounts have named owners, and are their credentials rotated?",
            "Are break-glass accounts monitored, with each use reviewed afterwards?",
            "Are joiner, mover and leaver changes driven automatically from the HR system?",
        ]),
        ("Endpoints", [
            "Are operating system updates enforced on laptops within 30 days?",
            "Has local administrator access been removed from standard users?",
            "Can lost or stolen devices be wiped remotely?",
            "Is application allow-listing used on high-risk endpoints?",
            "Is web filtering or browser isolation applied to user browsing?",
        ]),
        ("Data handling", [
            "Is data loss prevention configured for email and cloud storage?",
            "Do you still accept customer documents by fax?",  # retired: hidden row
            "Are links for files shared externally set to expire automatically?",
            "Is customer data classified as confidential by default?",
            "Do you prevent customer data from being pasted into public generative AI tools?",
        ]),
        ("Assurance", [
            "Has an independent auditor assessed your controls in the past year?",
            "Do you track findings from audits and assessments to closure with due dates?",
            "Is your internal audit function independent of IT operations?",
            "Do you test your controls against your own policies at least annually?",
            "Will you complete this questionnaire again if your services change materially?",
            "Do you agree to notify us of any significant change of ownership or control?",
        ]),
    ]
    retired = 12
    choices = ["Yes", "No", "N/A"]
    items: list[ExpectedItem] = []
    row = header + 1
    first = None
    number = 0
    hidden: set[tuple[str, int]] = set()
    decoys: dict[tuple[str, int], str] = {}
    for group, questions in groups:
        strip(ws, row, group, "A", "E", shade="stone")
        row += 1
        for text in questions:
            number += 1
            first = first or row
            cells(ws, row, {"A": number, "B": f"kq-{number:03d}", "C": text, "D": None, "E": None})
            if number == retired:
                ws.row_dimensions[row].hidden = True
                hidden.add((sheet, row))
                decoys[(sheet, row)] = "a retired question, hidden by the customer"
            else:
                items.append(entry(sheet, row, text, "D", str(number), comment="E", allowed=choices, section=[group]))
            row += 1
    list_validation(ws, choices, f"D{first}:D{row - 1}")
    widths(ws, A=6, B=12, C=78, D=14, E=45)
    HIDDEN_ROWS[name] = hidden
    DECOYS[name] = decoys
    path = write_book(wb, folder, "is-questions-2026.xlsx")
    return Layout(
        name,
        path,
        "xlsx",
        [question_sheet(sheet, header, {"A": "id", "C": "question", "D": "answer", "E": "comment"})],
        items,
        note="Column B (internal keys) is hidden; the id is the displayed Q# in column A. One row, a withdrawn "
        "question, is hidden (its number is skipped in the visible sequence): it is not an item.",
    )


# --- the set ----------------------------------------------------------------------------------------

HELDOUT3_LAYOUTS: list[Callable[[Path], Layout]] = [
    checkbox_requirements_export,
    maturity_scale_dropdown,
    offset_table_under_logo,
    sections_with_own_headers,
    utf16_tab_export,
    select_placeholder_prefilled,
    mixed_answer_types,
    mapped_weighted_with_exceptions,
    vendor_info_sheet_first,
    hidden_key_and_retired_row,
]

#: The same builders by layout name (the form `bench/layout_bench.py` takes for a group).
HELDOUT3_BY_NAME: dict[str, Callable[[Path], Layout]] = {builder.__name__: builder for builder in HELDOUT3_LAYOUTS}


# --- self-check -----------------------------------------------------------------------------------

#: What the header of a column with each role must (and, for answer/comment, must not) say.
ROLE_HEADINGS = {
    "id": re.compile(r"\b(ref|id|no|req)\b|#", re.I),
    "question": re.compile(r"question|requirement|practice", re.I),
    "answer": re.compile(r"answer|response|reply|meets|level", re.I),
    "comment": re.compile(r"note|remark|comment|explanation|basis|additional", re.I),
    "evidence": re.compile(r"evidence|document", re.I),
}


def _role_problems(letter: str, role: str, heading: Any, where: str) -> list[str]:
    text = collapse(heading) if isinstance(heading, str) else ""
    pattern = ROLE_HEADINGS.get(role)
    problems = []
    if pattern is not None and not pattern.search(text):
        problems.append(f"{where}: column {letter} ({role}) is headed {text!r}")
    if role == "answer" and ROLE_HEADINGS["comment"].search(text):
        problems.append(f"{where}: answer column {letter} is headed like a comment column ({text!r})")
    if role == "comment" and ROLE_HEADINGS["answer"].search(text):
        problems.append(f"{where}: comment column {letter} is headed like an answer column ({text!r})")
    return problems


def _placeholder_view(layout: Layout) -> Layout:
    """The layout as the raw file shows it: blank answer cells holding the placeholder, and the
    placeholder at the head of the drop-down list when it belongs to it (for the generic checks)."""
    if layout.name not in PLACEHOLDERS:
        return layout
    value, in_list = PLACEHOLDERS[layout.name]
    view = copy.deepcopy(layout)
    for item in view.items:
        if item.existing_answer is None:
            item.existing_answer = value
        if in_list:
            item.allowed_answers = [value] + item.allowed_answers
    return view


def _own_checks(layout: Layout) -> list[str]:
    """Checks beyond bench/heldout_layouts.py's."""
    problems: list[str] = []
    if not 8 <= len(layout.items) <= 30:
        problems.append(f"{len(layout.items)} items; the set wants 8-30 per file")
    placeholder = PLACEHOLDERS.get(layout.name)
    for item in layout.items:
        where = f"{item.sheet}!row {item.row}"
        if item.allowed_answers and item.allowed_answers_source not in ("validation", "header", "marks"):
            problems.append(f"{where}: unknown allowed_answers_source {item.allowed_answers_source!r}")
        if not item.allowed_answers and item.allowed_answers_source is not None:
            problems.append(f"{where}: a source without allowed answers")
        if placeholder is not None:
            if item.existing_answer == placeholder[0] or placeholder[0] in item.allowed_answers:
                problems.append(f"{where}: the placeholder {placeholder[0]!r} is taken for an answer")
    sheets = {sheet.name: sheet for sheet in layout.sheets}
    decoys = DECOYS.get(layout.name, {})
    item_rows = {(item.sheet, item.row) for item in layout.items}
    for key in decoys:
        if key in item_rows:
            problems.append(f"{key[0]}!row {key[1]}: both a decoy and an item")

    if layout.csv:
        problems += _csv_checks(layout, sheets, decoys, item_rows)
        return problems

    import openpyxl

    wb = openpyxl.load_workbook(layout.path)
    for sheet in layout.sheets:
        ws = wb[sheet.name]
        if sheet.status == "questionnaire" and ws.sheet_state != "visible":
            problems.append(f"sheet {sheet.name!r}: a questionnaire sheet that is hidden")
        if sheet.status != "questionnaire":
            continue
        for letter, role in sheet.columns.items():
            problems += _role_problems(letter, role, ws[f"{letter}{sheet.header_row}"].value, f"sheet {sheet.name!r}")
            if ws.column_dimensions[letter].hidden:
                problems.append(f"sheet {sheet.name!r}: column {letter} ({role}) is hidden")
        roles = {role: letter for letter, role in sheet.columns.items()}
        question_letter = roles.get("question")
        for row in range(sheet.header_row + 1, ws.max_row + 1):
            key = (sheet.name, row)
            texts = [c.value for c in ws[row] if isinstance(c.value, str)]
            question_like = any(re.search(r"\?\s*$", text) for text in texts)
            long_question = question_letter is not None and isinstance(ws[f"{question_letter}{row}"].value, str) and len(
                collapse(ws[f"{question_letter}{row}"].value)
            ) >= 30
            if (question_like or long_question) and key not in item_rows and key not in decoys:
                problems.append(f"{sheet.name}!row {row}: reads like an item but is neither an item nor a decoy")
            hidden = bool(ws.row_dimensions[row].hidden)
            if hidden and key in item_rows:
                problems.append(f"{sheet.name}!row {row}: an item on a hidden row")
            if hidden != (key in HIDDEN_ROWS.get(layout.name, set())):
                problems.append(f"{sheet.name}!row {row}: hidden is {hidden}, not as the layout says")
    for item in layout.items:
        sheet = sheets.get(item.sheet)
        if sheet is None:
            continue
        ws = wb[item.sheet]
        problems += _item_column_problems(item, sheet, lambda letter, row: ws[f"{letter}{row}"].value)
    return problems


def _item_column_problems(item: ExpectedItem, sheet: ExpectedSheet, value_at: Callable[[str, int], Any]) -> list[str]:
    """The item's cells sit in the columns its sheet's roles name; the question and id are there."""
    from heldout_layouts import split_ref

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
    if isinstance(item.id, str) and "id" in roles:
        value = value_at(roles["id"], item.row)
        if value is None or str(value) != item.id:
            problems.append(f"{where}: the id column holds {value!r}, not {item.id!r}")
    return problems


def _csv_checks(
    layout: Layout,
    sheets: dict[str, ExpectedSheet],
    decoys: dict[tuple[str, int], str],
    item_rows: set[tuple[str, int]],
) -> list[str]:
    problems: list[str] = []
    raw = layout.path.read_bytes()
    if layout.encoding == "utf-16":
        if not raw.startswith(codecs.BOM_UTF16_LE):
            problems.append("a UTF-16 file without the little-endian BOM")
        text = raw.decode("utf-16")
        if text.count("\n") != text.count("\r\n") + _inner_newlines(text, layout.delimiter):
            problems.append("records are not CRLF-terminated")
    else:
        text = raw.decode(layout.encoding or "utf-8")
    records = list(csv.reader(io.StringIO(text, newline=""), delimiter=layout.delimiter or ",", strict=True))
    widths_seen = {len(record) for record in records}
    if len(widths_seen) != 1:
        problems.append(f"records of differing widths {sorted(widths_seen)} (Excel pads them)")
    sheet = layout.sheets[0]
    roles = {role: letter for letter, role in sheet.columns.items()}

    def value_at(letter: str, row: int) -> Any:
        record = records[row - 1]
        index = column_index_from_string(letter) - 1
        return record[index] if index < len(record) else None

    for letter, role in sheet.columns.items():
        problems += _role_problems(letter, role, value_at(letter, sheet.header_row), "header")
    question_letter = roles.get("question")
    for row in range(sheet.header_row + 1, len(records) + 1):
        question = value_at(question_letter, row) if question_letter else None
        key = (sheet.name, row)
        if isinstance(question, str) and len(collapse(question)) >= 30 and key not in item_rows and key not in decoys:
            problems.append(f"row {row}: reads like an item but is neither an item nor a decoy")
    for item in layout.items:
        problems += _item_column_problems(item, sheet, value_at)
    return problems


def _inner_newlines(text: str, delimiter: str | None) -> int:
    """Line feeds inside quoted fields (they are not record ends)."""
    count = 0
    for record in csv.reader(io.StringIO(text, newline=""), delimiter=delimiter or ","):
        count += sum(field.count("\n") for field in record)
    return count


def _words_of(registry: list[Callable[[Path], Layout]] | dict[str, Callable[[Path], Layout]], folder: Path, label: str) -> tuple[set[str], set[str], list[str]]:
    """Sheet names and questions of another held-out set (built quietly, never printed)."""
    builders = list(registry.values()) if isinstance(registry, dict) else list(registry)
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
    try:
        from heldout_layouts import HELDOUT_LAYOUTS

        got = _words_of(HELDOUT_LAYOUTS, folder, "heldout1")
        sheets |= got[0]
        questions |= got[1]
        notes += got[2]
    except Exception as error:  # noqa: BLE001
        notes.append(f"first held-out set not compared ({type(error).__name__}: {error})")
    try:
        from heldout_layouts2 import HELDOUT2_LAYOUTS

        got = _words_of(HELDOUT2_LAYOUTS, folder, "heldout2")
        sheets |= got[0]
        questions |= got[1]
        notes += got[2]
    except Exception as error:  # noqa: BLE001
        notes.append(f"second held-out set not compared ({type(error).__name__}: {error})")
    return sheets, questions, notes


def check_layout(layout: Layout) -> list[str]:
    """Every check of one built layout against its file."""
    view = _placeholder_view(layout)
    problems = _check_csv(view) if layout.csv else _check_xlsx(view)
    problems += _own_checks(layout)
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
    from heldout_layouts import split_ref

    sheet, column, row = split_ref(reference)
    return ref(sheet or "", get_column_letter(column_index_from_string(column) + columns), row + rows)


def _mutations(layout: Layout) -> list[tuple[str, Layout]]:
    """Deliberately wrong versions of a layout, each of which the checks must catch."""
    out: list[tuple[str, Layout]] = []
    shifted = copy.deepcopy(layout)
    for sheet in shifted.sheets:
        moved_to = {
            get_column_letter(column_index_from_string(letter) + 1)
            for letter, role in sheet.columns.items()
            if role == "answer"
        }
        columns = {letter: role for letter, role in sheet.columns.items() if role != "answer" and letter not in moved_to}
        columns.update({letter: "answer" for letter in moved_to})
        sheet.columns = columns
    for item in shifted.items:
        item.answer_cell = _shift(item.answer_cell, columns=1)
    out.append(("answer column shifted one to the right", shifted))
    dropped = copy.deepcopy(layout)
    del dropped.items[len(dropped.items) // 2]
    out.append(("an item left out", dropped))
    moved = copy.deepcopy(layout)
    first = moved.items[0]
    first.row += 1
    first.answer_cell = _shift(first.answer_cell, rows=1)
    first.comment_cell = _shift(first.comment_cell, rows=1)
    first.evidence_cell = _shift(first.evidence_cell, rows=1)
    out.append(("first item one row too low", moved))
    return out


def self_check(verbose: bool = True) -> int:
    """Writes every file of this set into a temporary folder and checks its expectations; returns the
    number of problems (0 when every layout is described by its expectations and every deliberate
    mistake is caught)."""
    total = 0
    with tempfile.TemporaryDirectory(prefix="quire-heldout3-") as tmp:
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
        for builder in HELDOUT3_LAYOUTS:
            name = builder.__name__
            sub = folder / "set3" / name
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
            for item in layout.items:
                text = collapse(item.question)
                if _near_duplicate(text, tuned_questions) is not None:
                    problems.append(f"question too close to a tuned layout's: {text!r}")
                if _near_duplicate(text, earlier_questions) is not None:
                    problems.append(f"question too close to one of an earlier held-out set: {text!r}")
                if text in seen_questions:
                    problems.append(f"question repeated in this set: {text!r}")
                seen_questions.add(text)
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
        print(f"self-check: {len(HELDOUT3_LAYOUTS)} held-out layouts (set 3), {items_total} items, {total} problem(s)")
    return total


if __name__ == "__main__":
    sys.exit(1 if self_check() else 0)
