"""Synthetic questionnaires in the layouts found "in the wild" that questionnaire_layouts.py does not
cover, each written at test time by openpyxl (or Python's csv module) with its ground truth known by
construction. test_questionnaire_wild.py reads them with `quire inspect` and `quire answer`.

Every builder takes a folder, writes one file into it and returns a `Layout` (questionnaire_layouts.py)
whose sheets are `WildSheet`s and whose items are `WildItem`s. The questions and every other text were
written for these tests (security-questionnaire style); nothing is copied from a real template.

The layout classes (builder names start with the class number):

1. answers as marks across columns, one column per choice (`w01`, `w02`, `w03`, `w17`);
2. two id columns, and columns mapping to other frameworks (`w04`, `w05`);
3. header rows that name a section, the header repeated with another section name (`w06`);
4. rows copied from the questionnaire by formula onto other visible sheets (`w07`);
5. section rows with short codes, legends below or beside the items, copyright footers (`w08`, `w09`);
6. fields for the receiving institution: reviewer blocks and columns, scoring sheets (`w10`, `w11`);
7. one questionnaire over several topic tabs, with instructions, scoring and change-log tabs (`w12`);
8. CSV exports whose header record repeats down the file, naming each section (`w13`, `w14`);
9. free-text vendor-details fields above the Yes/No questions (`w15`, `w16`).

What "expected" means is what a careful human reading the sheet would say (the rules of
questionnaire_layouts.py hold; the additions):

- A mark item (class 1) has no answer cell: `answer_cell` None, `allowed_answers` the choice headers
  in column order, `allowed_answers_source` "marks", `mark_cells` {choice: absolute ref of the
  item's cell in that choice's column}, `existing_answer` the header of the one marked column (a mark
  is `x`, `X`, `✓` or `1`) or None.
- `free_text` items are fields to fill with text (company name, address, ...): no allowed answers,
  and an answerer must never put Yes/No/N/A there.
- `writable` is the item's "an answer may be written here" flag (ANY = not checked).
- `section` may hold a `CodedSection(code, title)` (a section row with a short code in the id
  column and a title in the question column: the section text may be the title alone or the code
  and the title joined by spaces or punctuation) or be a `OneOf` of acceptable section paths.
- A `WildSheet`'s `header_row` may be a tuple of acceptable rows (two-row headers), a column's role
  a tuple of acceptable roles (None: the column may be left out); `mark_columns` are the choice
  columns (any role but a text role); `forbidden` are texts (framework mapping ids) that must never
  be an item's id or part of its section; `decoys` are rows a careless reader could take for items
  (legends, footers, reviewer fields) that are not items.
- A sheet with status "ignored" must never be written by `quire answer`.
"""

from __future__ import annotations

import csv
import datetime
import io
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from questionnaire_layouts import (
    ANY,
    BOLD,
    SECTION_FILL,
    TITLE_FONT,
    WRAP,
    YES_NO_NA,
    ExpectedItem,
    ExpectedSheet,
    Layout,
    header,
    list_validation,
    put,
    ref,
    save,
    section_row,
    widths,
)

__all__ = [
    "ANY", "CodedSection", "OneOf", "WildItem", "WildSheet", "WILD_LAYOUTS", "MARK_TEXTS", "csv_ref",
]

#: What vendors put in a choice column to mark it (the builders use these and only these).
MARK_TEXTS = ("x", "X", "\u2713", 1)

THIN = Side(style="thin", color="A6A6A6")
BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
INPUT_FILL = PatternFill("solid", fgColor="FFF2CC")
GREY_FILL = PatternFill("solid", fgColor="D9D9D9")
CENTER = Alignment(horizontal="center", vertical="center")
FOOTER_FONT = Font(italic=True, size=8, color="808080")
SUBTITLE_FONT = Font(italic=True, color="595959")


# --- expectation types ----------------------------------------------------------------------------


@dataclass(frozen=True)
class CodedSection:
    """One level of a section path from a row holding a short code (`V1`, `1.`, `A`) in the id
    column and a title in the question column. quire may give the title alone, or the code and the
    title joined by spaces or punctuation (`V1 Architecture`, `1. Governance`, `A - Organisation`)."""

    code: str
    title: str

    def matches(self, actual: Any) -> bool:
        if not isinstance(actual, str):
            return False
        text = " ".join(actual.split())
        if text == self.title:
            return True
        code = re.escape(self.code.rstrip("."))
        return re.fullmatch(code + r"\.?[\s:.\-\u2013\u2014)|]*" + re.escape(self.title), text) is not None

    def __str__(self) -> str:
        return f"{self.title!r} or {self.code!r} + {self.title!r}"


@dataclass(frozen=True)
class OneOf:
    """Any one of several acceptable values (for a section path: a list of levels each)."""

    options: tuple[Any, ...]

    def __str__(self) -> str:
        return "one of " + " | ".join(str(o) for o in self.options)


@dataclass
class WildItem(ExpectedItem):
    #: Choice header -> absolute reference of the item's cell in that choice's column (class 1).
    mark_cells: dict[str, str] | None = None
    #: A field for free text (company name, address, ...): never Yes/No/N/A.
    free_text: bool = False
    #: quire's `writable` for the item; ANY leaves it unchecked.
    writable: Any = True


@dataclass
class WildSheet(ExpectedSheet):
    #: The choice columns of a mark layout, in order (their role is not checked beyond "not a text role").
    mark_columns: list[str] = field(default_factory=list)
    #: The row holding the choice names (the header row, or the second row of a two-row header).
    mark_header_row: int | None = None
    #: Texts (framework mapping ids) that must never be an item's id nor appear in its section.
    forbidden: list[str] = field(default_factory=list)
    #: Row -> what it is, for rows that look like items but are not.
    decoys: dict[int, str] = field(default_factory=dict)
    #: A column whose merged cells group several item rows under one control id (class 2).
    group_column: str | None = None
    #: An ignored sheet whose copied cells are formulas with no cached value (class 4): the
    #: self-check proves every non-header cell below the header holds only a formula.
    formula_copy_rows: tuple[int, int] | None = None
    #: quire's `writable` for the sheet; ANY leaves it unchecked.
    writable: Any = ANY


def csv_ref(column: str, row: int) -> str:
    return f"${column}${row}"


def mark_cells(sheet: str | None, choices: list[str], columns: list[str], row: int) -> dict[str, str]:
    """{choice: ref} for an item on `row`; sheet None for CSV (the `$C$4` part only)."""
    return {
        choice: (csv_ref(column, row) if sheet is None else ref(sheet, column, row))
        for choice, column in zip(choices, columns)
    }


def questionnaire_sheet(name: str, header_row: Any, columns: dict[str, Any], **more: Any) -> WildSheet:
    return WildSheet(name, "questionnaire", header_row, columns, writable=True, **more)


def ignored_sheet(name: str, **more: Any) -> WildSheet:
    return WildSheet(name, "ignored", None, writable=False, **more)


# --- styling helpers ------------------------------------------------------------------------------


def title(ws: Worksheet, text: str, span: str | None = None, row: int = 1) -> None:
    ws.cell(row=row, column=1, value=text).font = TITLE_FONT
    if span:
        ws.merge_cells(span)


def subtitle(ws: Worksheet, row: int, text: str, span: str | None = None) -> None:
    cell = ws.cell(row=row, column=1, value=text)
    cell.font = SUBTITLE_FONT
    cell.alignment = WRAP
    if span:
        ws.merge_cells(span)


def boxed(ws: Worksheet, area: str) -> None:
    for row in ws[area]:
        for cell in row:
            cell.border = BOX


def input_cells(ws: Worksheet, *areas: str) -> None:
    for area in areas:
        for row in ws[area]:
            for cell in row:
                cell.fill = INPUT_FILL
                cell.border = BOX


def footer(ws: Worksheet, row: int, text: str, span: str) -> None:
    ws.cell(row=row, column=1, value=text).font = FOOTER_FONT
    ws.merge_cells(span)


def write_csv(path: Path, records: list[list[str]], delimiter: str, encoding: str, line_end: str) -> None:
    out = io.StringIO(newline="")
    writer = csv.writer(out, delimiter=delimiter, lineterminator=line_end, quoting=csv.QUOTE_MINIMAL)
    for record in records:
        writer.writerow(record)
    path.write_bytes(out.getvalue().encode(encoding))


# === 1. answers as marks across choice columns ====================================================


def marks_single_header(folder: Path) -> Layout:
    """Class 1, single header row: `Ref | Question | Yes | No | N/A | Comments`, the vendor marks one
    of the three narrow, centred choice columns with `x`, `X`, `✓` or `1`. A two-row title block
    above, two merged section rows inside the table. Four items are already marked (the existing
    answer is the marked column's header), six are not.

    Items: the ten question rows. Each has no answer cell; its mark cells are its C, D and E cells
    (Yes, No, N/A) and its comment cell is F. The section rows are sections, not items."""
    sheet = "Security Checklist"
    wb = Workbook()
    ws = wb.active
    ws.title = sheet
    title(ws, "Northwind Logistics \u2014 Supplier Security Checklist", "A1:F1")
    subtitle(ws, 2, "Mark the box that applies with an X. Use the Comments column to explain any No or N/A.", "A2:F2")
    header(ws, 4, ["Ref", "Question", "Yes", "No", "N/A", "Comments"])
    widths(ws, A=8, B=70, C=6, D=6, E=6, F=40)
    choices, columns = ["Yes", "No", "N/A"], ["C", "D", "E"]
    groups = [
        ("Access management", [
            ("AM-01", "Is multi-factor authentication required for all remote access to your network?", "Yes", "x", None),
            ("AM-02", "Are user accounts disabled within 24 hours of an employee leaving?", None, None, None),
            ("AM-03", "Do you review privileged access rights at least every quarter?", "No", "X",
             "Reviews are twice a year; quarterly reviews start in Q3 2026."),
            ("AM-04", "Is a unique account issued to every person who accesses customer data?", "Yes", "\u2713", None),
            ("AM-05", "Are default vendor passwords changed before systems go into production?", None, None, None),
        ]),
        ("Operations security", [
            ("OP-01", "Do you operate a change management process with documented approvals?", "N/A", 1,
             "Changes are made by the hosting provider under its own process."),
            ("OP-02", "Are security patches for critical vulnerabilities applied within 14 days?", None, None, None),
            ("OP-03", "Is anti-malware protection installed and kept up to date on all workstations and servers?", None, None, None),
            ("OP-04", "Are system clocks synchronised to a trusted time source?", None, None, None),
            ("OP-05", "Is capacity monitored so that outages caused by exhausted resources are prevented?", None, None, None),
        ]),
    ]
    items, skipped, row = [], {1: "title", 2: ("title", "instructions")}, 5
    for section, questions in groups:
        section_row(ws, row, section, f"A{row}:F{row}")
        skipped[row] = "section"
        row += 1
        for id_, question, answer, mark, comment in questions:
            put(ws, row, {"A": id_, "B": question, "F": comment})
            if answer is not None:
                ws[f"{columns[choices.index(answer)]}{row}"] = mark
            for column in columns:
                ws[f"{column}{row}"].alignment = CENTER
            items.append(
                WildItem(
                    sheet, row, question, None, id_, [section],
                    comment_cell=ref(sheet, "F", row),
                    allowed_answers=choices, allowed_answers_source="marks",
                    existing_answer=answer, existing_comment=comment,
                    mark_cells=mark_cells(sheet, choices, columns, row),
                )
            )
            row += 1
    boxed(ws, f"A4:F{row - 1}")
    ws.freeze_panes = "C5"
    columns_roles = {"A": "id", "B": "question", "F": "comment"}
    return Layout(
        "w01-marks-single-header",
        save(wb, folder, "marks-single-header.xlsx"),
        "xlsx",
        [questionnaire_sheet(sheet, 4, columns_roles, skipped=skipped, mark_columns=columns, mark_header_row=4)],
        items,
    )


def marks_two_row_header(folder: Path) -> Layout:
    """Class 1, two-row header: `No.`, `Requirement` and `Comments` are merged over rows 5-6, a merged
    `Response` spans the three choice columns in row 5 and the choices (`Compliant`, `Partially
    compliant`, `Not compliant`) are in row 6. The choice cells carry a drop-down holding only `X`,
    as "mark with X" templates do; four rows are already marked. Ids are plain numbers.

    Items: the twelve requirement rows (7-18); mark cells C, D, E; comment F; no sections. The header
    row may be reported as 5 or 6."""
    sheet = "Compliance Matrix"
    wb = Workbook()
    ws = wb.active
    ws.title = sheet
    title(ws, "Cloud Hosting Provider \u2014 Compliance Statement", "A1:F1")
    subtitle(ws, 2, "Issued by Group Procurement, version 1.4 (February 2026).")
    subtitle(ws, 3, "For each requirement, place an X under the column that best describes your compliance. "
                    "One mark per row.", "A3:F3")
    for column, text in (("A", "No."), ("B", "Requirement"), ("F", "Comments")):
        header(ws, 5, [text], first_column=ord(column) - 64)
        ws.merge_cells(f"{column}5:{column}6")
    header(ws, 5, ["Response"], first_column=3)
    ws.merge_cells("C5:E5")
    choices, columns = ["Compliant", "Partially compliant", "Not compliant"], ["C", "D", "E"]
    header(ws, 6, choices, first_column=3)
    widths(ws, A=6, B=70, C=12, D=12, E=12, F=40)
    rows = [
        ("The supplier encrypts all customer data at rest using AES-256 or stronger.", "Compliant", None),
        ("The supplier encrypts data in transit using TLS 1.2 or later on every external interface.", "Compliant", None),
        ("Customer data is hosted only in data centres located in the European Union.", "Partially compliant",
         "Backups are replicated to a UK region."),
        ("The supplier commissions an independent penetration test of the service at least once a year.", None, None),
        ("Security logs are retained for at least 12 months and protected from alteration.", None, None),
        ("The supplier notifies the customer of a security incident affecting its data within 48 hours.",
         "Not compliant", "Our contractual commitment is 72 hours."),
        ("Backups are taken daily and a restore is tested at least every quarter.", None, None),
        ("Administrative access to production systems requires multi-factor authentication.", None, None),
        ("The supplier maintains a business continuity plan for the service and tests it every year.", None, None),
        ("Staff with access to customer data are screened before employment.", None, None),
        ("The supplier holds a current ISO/IEC 27001 certificate whose scope covers the hosting service.", None, None),
        ("Sub-processors are contractually bound to security obligations equivalent to these.", None, None),
    ]
    items = []
    for number, (requirement, answer, comment) in enumerate(rows, start=1):
        row = 6 + number
        put(ws, row, {"A": number, "B": requirement, "F": comment})
        if answer is not None:
            ws[f"{columns[choices.index(answer)]}{row}"] = "X"
        for column in columns:
            ws[f"{column}{row}"].alignment = CENTER
        items.append(
            WildItem(
                sheet, row, requirement, None, str(number),
                comment_cell=ref(sheet, "F", row),
                allowed_answers=choices, allowed_answers_source="marks",
                existing_answer=answer, existing_comment=comment,
                mark_cells=mark_cells(sheet, choices, columns, row),
            )
        )
    last = 6 + len(rows)
    list_validation(ws, ["X"], f"C7:E{last}")
    boxed(ws, f"A5:F{last}")
    return Layout(
        "w02-marks-two-row-header",
        save(wb, folder, "marks-two-row-header.xlsx"),
        "xlsx",
        [questionnaire_sheet(sheet, (5, 6), {"A": "id", "B": "question", "F": "comment"},
                             skipped={1: "title"}, mark_columns=columns, mark_header_row=6)],
        items,
    )


def csv_marks(folder: Path) -> Layout:
    """Classes 1 and 8: the mark layout exported to CSV (comma, UTF-8, CRLF, every record padded to
    six fields): a title record, a blank record, `ID,Question,Yes,No,N/A,Comments`, eight items of
    which three are marked (`x`, `X`, `✓`).

    Items: the eight question records; mark cells C, D, E of each; comment F."""
    path = folder / "checklist-marks.csv"
    choices, columns = ["Yes", "No", "N/A"], ["C", "D", "E"]
    rows = [
        ("CL-01", "Do you keep an up-to-date inventory of all hardware and software assets?", "Yes", "x", ""),
        ("CL-02", "Is every asset assigned a named owner?", "", "", ""),
        ("CL-03", "Are removable storage devices blocked on company laptops?", "No", "X", "USB storage is allowed for the design team."),
        ("CL-04", "Are mobile devices that access company e-mail enrolled in device management?", "", "", ""),
        ("CL-05", "Is full-disk encryption enabled on all laptops?", "Yes", "\u2713", ""),
        ("CL-06", "Are screens locked automatically after 15 minutes of inactivity?", "", "", ""),
        ("CL-07", "Do you have a secure disposal process for devices that held customer data?", "", "", ""),
        ("CL-08", "Are lost or stolen devices reported and wiped remotely?", "", "", ""),
    ]
    records = [["Supplier Security Checklist (export)", "", "", "", "", ""], [""] * 6,
               ["ID", "Question", "Yes", "No", "N/A", "Comments"]]
    items = []
    for row, (id_, question, answer, mark, comment) in enumerate(rows, start=4):
        marks = ["", "", ""]
        if answer:
            marks[choices.index(answer)] = mark
        records.append([id_, question, *marks, comment])
        items.append(
            WildItem(
                "", row, question, None, id_,
                comment_cell=csv_ref("F", row),
                allowed_answers=choices, allowed_answers_source="marks",
                existing_answer=answer or None, existing_comment=comment or None,
                mark_cells=mark_cells(None, choices, columns, row),
            )
        )
    write_csv(path, records, ",", "utf-8", "\r\n")
    return Layout(
        "w03-csv-marks", path, "csv",
        [questionnaire_sheet("", 3, {"A": "id", "B": "question", "F": "comment"}, mark_columns=columns, mark_header_row=3)],
        items, csv=True, encoding="utf-8", delimiter=",",
    )


def marks_unnamed_question_header(folder: Path) -> Layout:
    """Class 1, a header that names neither the question nor the answer: `Ref | Safeguard | Always |
    Often | Rarely | Never | Remarks`. The question column's header is a word of the sheet's own
    (not `Question`, `Requirement`, `Control`), and the only sign of where the answer goes is the
    run of four frequency choices (`Always`, `Often`, `Rarely`, `Never`), which the vendor marks
    with `x`, `X`, `✓` or `1`. A title and an instruction line above the header (row 3), two merged
    section rows inside the table; four items are already marked.

    Items: the ten safeguard rows. Each has no answer cell; its mark cells are its C, D, E and F
    cells (Always, Often, Rarely, Never) and its comment cell is G. The section rows are sections."""
    sheet = "Engineering Survey"
    wb = Workbook()
    ws = wb.active
    ws.title = sheet
    title(ws, "Fabrikam Cloud \u2014 Secure Development Survey", "A1:G1")
    subtitle(ws, 2, "Tick how often each safeguard is followed in your release process; one tick per line.", "A2:G2")
    choices, columns = ["Always", "Often", "Rarely", "Never"], ["C", "D", "E", "F"]
    header(ws, 3, ["Ref", "Safeguard", *choices, "Remarks"])
    widths(ws, A=9, B=68, C=8, D=8, E=8, F=8, G=38)
    groups = [
        ("Code review and testing", [
            ("SD-101", "Does a second engineer approve every merge request before it reaches the main branch?",
             "Always", "\u2713", None),
            ("SD-102", "Are static analysis findings rated high triaged before a build is promoted?", None, None, None),
            ("SD-103", "Do automated tests run on every commit to a shared branch?", "Often", "x",
             "Nightly only for the legacy billing module."),
            ("SD-104", "Are third-party libraries checked against a vulnerability feed when a build runs?", None, None, None),
            ("SD-105", "Is fuzzing applied to parsers that accept input from outside the company?", None, None, None),
        ]),
        ("Build and release", [
            ("SD-201", "Are release artefacts signed before they are published to customers?", "Always", 1, None),
            ("SD-202", "Do build agents start from a clean image for each pipeline run?", None, None, None),
            ("SD-203", "Are production deployments made only from the pipeline, never by hand?", "Rarely", "X",
             "Hotfixes are still copied manually by the on-call lead."),
            ("SD-204", "Are secrets injected at deploy time instead of being stored in repositories?", None, None, None),
            ("SD-205", "Can a failed release be rolled back within one hour?", None, None, None),
        ]),
    ]
    items, skipped, row = [], {1: "title", 2: ("title", "instructions")}, 4
    for section, questions in groups:
        section_row(ws, row, section, f"A{row}:G{row}")
        skipped[row] = "section"
        row += 1
        for id_, question, answer, mark, comment in questions:
            put(ws, row, {"A": id_, "B": question, "G": comment})
            if answer is not None:
                ws[f"{columns[choices.index(answer)]}{row}"] = mark
            for column in columns:
                ws[f"{column}{row}"].alignment = CENTER
            items.append(
                WildItem(
                    sheet, row, question, None, id_, [section],
                    comment_cell=ref(sheet, "G", row),
                    allowed_answers=choices, allowed_answers_source="marks",
                    existing_answer=answer, existing_comment=comment,
                    mark_cells=mark_cells(sheet, choices, columns, row),
                )
            )
            row += 1
    boxed(ws, f"A3:G{row - 1}")
    return Layout(
        "w17-marks-unnamed-question-header",
        save(wb, folder, "marks-unnamed-question-header.xlsx"),
        "xlsx",
        [questionnaire_sheet(sheet, 3, {"A": "id", "B": "question", "G": "comment"}, skipped=skipped,
                             mark_columns=columns, mark_header_row=3)],
        items,
    )


# === 2. two id columns; mapping columns to other frameworks =======================================


def two_id_columns(folder: Path) -> Layout:
    """Class 2: a control id (`AC-1`) in column A merged down over its questions, a per-question id
    (`AC-1.1`, `AC-1.2`) in column B, the question in C, a Yes/No/N/A drop-down in D, comments in E.
    One control has a single question (its A cell is not merged). Two answers already given.

    Items: the eleven question rows; the id is the per-question one in B (unique), never the control
    id. The control id groups the questions: a section path of [] or [control id] is accepted."""
    sheet = "Control Questions"
    wb = Workbook()
    ws = wb.active
    ws.title = sheet
    title(ws, "Identity & Access Control Review", "A1:E1")
    subtitle(ws, 2, "Answer each question. A control may have several questions.")
    header(ws, 4, ["Control ID", "Question ID", "Question", "Response", "Comments"])
    widths(ws, A=11, B=12, C=70, D=12, E=40)
    controls = [
        ("AC-1", [
            ("Is there a documented access control policy?", "Yes", None),
            ("Is the access control policy reviewed at least annually?", None, None),
            ("Are exceptions to the access control policy approved and recorded?", None, None),
        ]),
        ("AC-2", [
            ("Are user accounts created only after a documented approval?", None, None),
            ("Are inactive accounts disabled automatically after 90 days?", None, None),
        ]),
        ("AC-3", [("Is access to production systems granted on the principle of least privilege?", None, None)]),
        ("IA-1", [
            ("Is multi-factor authentication enforced for all users of the service?", None, None),
            ("Are passwords required to be at least 12 characters long?", "No", "The minimum is 10 characters plus MFA."),
            ("Are authentication attempts rate-limited to slow down brute-force attacks?", None, None),
        ]),
        ("IA-2", [
            ("Are service accounts inventoried and assigned an owner?", None, None),
            ("Are the credentials of service accounts rotated at least annually?", None, None),
        ]),
    ]
    items, row = [], 5
    for control, questions in controls:
        first = row
        for number, (question, answer, comment) in enumerate(questions, start=1):
            id_ = f"{control}.{number}"
            put(ws, row, {"B": id_, "C": question, "D": answer, "E": comment})
            items.append(
                WildItem(
                    sheet, row, question, ref(sheet, "D", row), id_, OneOf(([], [control])),
                    comment_cell=ref(sheet, "E", row),
                    allowed_answers=YES_NO_NA, allowed_answers_source="validation",
                    existing_answer=answer, existing_comment=comment,
                )
            )
            row += 1
        ws.cell(row=first, column=1, value=control).alignment = Alignment(vertical="top")
        ws.cell(row=first, column=1).font = BOLD
        if row - 1 > first:
            ws.merge_cells(f"A{first}:A{row - 1}")
    list_validation(ws, YES_NO_NA, f"D5:D{row - 1}")
    input_cells(ws, f"D5:E{row - 1}")
    columns = {"A": ("section", "other"), "B": "id", "C": "question", "D": "answer", "E": "comment"}
    return Layout(
        "w04-two-id-columns",
        save(wb, folder, "two-id-columns.xlsx"),
        "xlsx",
        [questionnaire_sheet(sheet, 4, columns, skipped={1: "title"}, group_column="A")],
        items,
    )


def framework_mapping_columns(folder: Path) -> Layout:
    """Class 2: after `ID | Question | Answer | Comments` come three columns mapping each question to
    other frameworks (`ISO 27001`, `NIST 800-53`, `SOC 2`) holding ids such as `A.5.15`, `AC-2`,
    `CC6.1` (two in some cells). Section rows merged across the whole table.

    Items: the ten question rows; ids from A; the mapping columns have role "other" and their ids
    are never an item's id nor part of its section."""
    sheet = "Questionnaire"
    wb = Workbook()
    ws = wb.active
    ws.title = sheet
    title(ws, "Data Processing Security Questionnaire", "A1:G1")
    subtitle(ws, 2, "Framework references are given for information only; they need no answer.", "A2:G2")
    header(ws, 4, ["ID", "Question", "Answer", "Comments", "ISO 27001", "NIST 800-53", "SOC 2"])
    widths(ws, A=9, B=66, C=12, D=36, E=14, F=14, G=10)
    groups = [
        ("Identity and access", [
            ("IAM-01", "Is access to customer data limited to staff who need it for their role?", "A.5.15", "AC-2", "CC6.1"),
            ("IAM-02", "Is multi-factor authentication enforced for every administrator?", "A.8.5", "IA-2", "CC6.1"),
            ("IAM-03", "Are access rights reviewed by the data owner at least twice a year?", "A.5.18", "AC-6", "CC6.3"),
            ("IAM-04", "Are privileged actions logged and attributable to a named person?", "A.8.2, A.8.15", "AC-6(9)", "CC6.3"),
        ]),
        ("Cryptography", [
            ("CRY-01", "Is customer data encrypted at rest?", "A.8.24", "SC-28", "CC6.1"),
            ("CRY-02", "Is all traffic between your service and its users encrypted with TLS 1.2 or later?", "A.8.24", "SC-8", "CC6.7"),
            ("CRY-03", "Are encryption keys managed in a dedicated key management service?", "A.8.24", "SC-12", "CC6.1"),
        ]),
        ("Logging", [
            ("LOG-01", "Are security events from production systems collected in a central log platform?", "A.8.15", "AU-2", "CC7.2"),
            ("LOG-02", "Are logs retained for at least one year?", "A.8.15", "AU-11", "CC7.2"),
            ("LOG-03", "Are alerts from the log platform triaged around the clock?", "A.8.16", "SI-4", "CC7.3"),
        ]),
    ]
    items, skipped, forbidden, answer_cells, row = [], {1: "title"}, set(), [], 5
    for section, questions in groups:
        section_row(ws, row, section, f"A{row}:G{row}")
        skipped[row] = "section"
        row += 1
        for id_, question, iso, nist, soc in questions:
            put(ws, row, {"A": id_, "B": question, "E": iso, "F": nist, "G": soc})
            for value in (iso, nist, soc):
                forbidden.add(value)
                forbidden.update(part.strip() for part in value.split(","))
            answer_cells.append(f"C{row}")
            items.append(
                WildItem(
                    sheet, row, question, ref(sheet, "C", row), id_, [section],
                    comment_cell=ref(sheet, "D", row),
                    allowed_answers=YES_NO_NA, allowed_answers_source="validation",
                )
            )
            row += 1
    list_validation(ws, YES_NO_NA, *answer_cells)
    boxed(ws, f"A4:G{row - 1}")
    columns = {"A": "id", "B": "question", "C": "answer", "D": "comment", "E": "other", "F": "other", "G": "other"}
    return Layout(
        "w05-framework-mapping-columns",
        save(wb, folder, "framework-mapping-columns.xlsx"),
        "xlsx",
        [questionnaire_sheet(sheet, 4, columns, skipped=skipped, forbidden=sorted(forbidden))],
        items,
    )


# === 3. header rows that name the section =========================================================


def section_header_rows(folder: Path) -> Layout:
    """Class 3: a three-row title block, then the header `ID | Required questions | Answer | Notes`,
    seven items, a blank row, and the same header again as `ID | Optional questions | Answer | Notes`
    with five more items. The question column's header names the section.

    Items: the twelve question rows; section ["Required questions"] for the first seven and
    ["Optional questions"] for the last five. Row 5 is the header; row 14 is a repeated header."""
    sheet = "Vendor Questions"
    wb = Workbook()
    ws = wb.active
    ws.title = sheet
    title(ws, "Managed Service Provider \u2014 Security Questionnaire", "A1:D1")
    subtitle(ws, 2, "Version 3.0, January 2026")
    subtitle(ws, 3, "Answer every required question. Optional questions help us scope the assessment and may be "
                    "left blank.", "A3:D3")
    widths(ws, A=8, B=72, C=12, D=40)
    blocks = [
        (5, "Required questions", [
            ("R-01", "Do you have a named person accountable for the security of the managed service?", "Yes", None),
            ("R-02", "Are your staff's remote connections to customer environments made through a hardened jump host?", None, None),
            ("R-03", "Is every administrative session to a customer environment logged?", None, None),
            ("R-04", "Are customer credentials stored in an encrypted password vault?", None, None),
            ("R-05", "Do you notify customers before making changes to their environments?", "Yes", "Through the change calendar."),
            ("R-06", "Are your engineers trained on secure administration every year?", None, None),
            ("R-07", "Do you carry professional indemnity insurance that covers security incidents?", None, None),
        ]),
        (14, "Optional questions", [
            ("O-01", "Do you offer a security operations centre service to customers?", None, None),
            ("O-02", "Can customers receive a copy of the logs of their administrative sessions?", None, None),
            ("O-03", "Do you hold a recognised managed-service security certification?", None, None),
            ("O-04", "Can you support customer-run penetration tests against managed systems?", None, None),
            ("O-05", "Do you provide a named technical account manager?", None, None),
        ]),
    ]
    items, ranges = [], []
    for header_at, section, questions in blocks:
        header(ws, header_at, ["ID", section, "Answer", "Notes"])
        for offset, (id_, question, answer, comment) in enumerate(questions, start=1):
            row = header_at + offset
            put(ws, row, {"A": id_, "B": question, "C": answer, "D": comment})
            items.append(
                WildItem(
                    sheet, row, question, ref(sheet, "C", row), id_, [section],
                    comment_cell=ref(sheet, "D", row),
                    allowed_answers=YES_NO_NA, allowed_answers_source="validation",
                    existing_answer=answer, existing_comment=comment,
                )
            )
        ranges.append(f"C{header_at + 1}:C{header_at + len(questions)}")
        input_cells(ws, f"C{header_at + 1}:D{header_at + len(questions)}")
    list_validation(ws, YES_NO_NA, *ranges)
    return Layout(
        "w06-section-header-rows",
        save(wb, folder, "section-header-rows.xlsx"),
        "xlsx",
        [questionnaire_sheet(sheet, 5, {"A": "id", "B": "question", "C": "answer", "D": "comment"},
                             skipped={1: "title", 3: ("title", "instructions"), 14: "repeated-header"})],
        items,
    )


# === 4. rows copied by formula onto other sheets ==================================================


def formula_copy_sheets(folder: Path) -> Layout:
    """Class 4: the questionnaire on "Questions", and two visible sheets that copy it by formula:
    "Summary" (`='Questions'!B4` ... and a COUNTA of the answers) and "Print View" (the same copy,
    named for printing). openpyxl stores no cached values, so the copies' cells hold only formulas:
    to quire (which reads cached values) they are empty. Their literal headers are real text.

    Items: the eight questions on "Questions". "Summary" and "Print View" are not questionnaires
    (status "ignored") and are never written."""
    wb = Workbook()
    sheet = "Questions"
    ws = wb.active
    ws.title = sheet
    title(ws, "Payment Services Security Review", "A1:D1")
    header(ws, 3, ["ID", "Question", "Answer", "Comments"])
    widths(ws, A=8, B=70, C=12, D=40)
    allowed = ["Yes", "No", "Partially", "N/A"]
    rows = [
        ("PS-01", "Is your cardholder data environment segmented from the rest of your network?", None, None),
        ("PS-02", "Do you hold a current PCI DSS attestation of compliance?", "Yes", "Level 1 service provider, 2025 AOC."),
        ("PS-03", "Are primary account numbers rendered unreadable wherever they are stored?", None, None),
        ("PS-04", "Is file integrity monitoring deployed on systems in the cardholder data environment?", None, None),
        ("PS-05", "Are payment pages protected against unauthorised script changes?", "No", None),
        ("PS-06", "Are quarterly external vulnerability scans performed by an approved scanning vendor?", None, None),
        ("PS-07", "Is access to cardholder data logged and reviewed daily?", None, None),
        ("PS-08", "Do you have an incident response plan that covers payment card compromise?", None, None),
    ]
    items = []
    for row, (id_, question, answer, comment) in enumerate(rows, start=4):
        put(ws, row, {"A": id_, "B": question, "C": answer, "D": comment})
        items.append(
            WildItem(
                sheet, row, question, ref(sheet, "C", row), id_,
                comment_cell=ref(sheet, "D", row),
                allowed_answers=allowed, allowed_answers_source="validation",
                existing_answer=answer, existing_comment=comment,
            )
        )
    last = 3 + len(rows)
    list_validation(ws, allowed, f"C4:C{last}")
    input_cells(ws, f"C4:D{last}")

    summary = wb.create_sheet("Summary")
    title(summary, "Summary of responses", "A1:C1")
    header(summary, 3, ["ID", "Question", "Answer"])
    widths(summary, A=8, B=70, C=12)
    for row in range(4, last + 1):
        for column in "ABC":
            summary[f"{column}{row}"] = f"='{sheet}'!{column}{row}"
    summary[f"B{last + 2}"] = "Questions answered"
    summary[f"B{last + 2}"].font = BOLD
    summary[f"C{last + 2}"] = f"=COUNTA('{sheet}'!C4:C{last})"

    printable = wb.create_sheet("Print View")
    header(printable, 1, ["ID", "Question", "Answer", "Comments"])
    widths(printable, A=8, B=70, C=12, D=40)
    for row in range(4, last + 1):
        for column in "ABCD":
            printable[f"{column}{row - 2}"] = f"='{sheet}'!{column}{row}"
    printable.print_title_rows = "1:1"

    return Layout(
        "w07-formula-copy-sheets",
        save(wb, folder, "formula-copy-sheets.xlsx"),
        "xlsx",
        [
            questionnaire_sheet(sheet, 3, {"A": "id", "B": "question", "C": "answer", "D": "comment"}, skipped={1: "title"}),
            ignored_sheet("Summary", formula_copy_rows=(4, last)),
            ignored_sheet("Print View", formula_copy_rows=(2, last - 2)),
        ],
        items,
    )


# === 5. short-code section rows, legends, footers =================================================


def coded_sections_legend_below(folder: Path) -> Layout:
    """Class 5: section rows holding a short code in the id column and a short title in the question
    column (`V1 | Architecture and Design`), with no answer drop-down; status symbols `✓`, `P`, `✗`,
    `N/A` in a drop-down; below the table a `Symbol | Meaning` legend explaining each symbol row by
    row (long meanings in the question column), and a copyright footer.

    Items: the ten question rows (ids V1.1 ...); their section is the coded row above them. The
    section rows, the legend's five rows and the footer are not items."""
    sheet = "Assessment"
    wb = Workbook()
    ws = wb.active
    ws.title = sheet
    title(ws, "Application Security Verification \u2014 Supplier Self-Assessment", "A1:D1")
    subtitle(ws, 2, "Complete the Status column with the symbols explained in the legend below the table.", "A2:D2")
    header(ws, 4, ["Ref", "Control question", "Status", "Comments"])
    widths(ws, A=8, B=72, C=10, D=40)
    symbols = ["\u2713", "P", "\u2717", "N/A"]
    groups = [
        ("V1", "Architecture and Design", [
            ("Is a threat model produced for every significant change to the application?", "\u2713", None),
            ("Are all application components identified together with their security functions?", None, None),
            ("Is there a single, vetted mechanism for authentication used by every part of the application?", None, None),
        ]),
        ("V2", "Authentication", [
            ("Are user passwords at least 12 characters long?", None, None),
            ("Is a breached-password check performed when a password is set or changed?", "P", "Due June 2026."),
            ("Is multi-factor authentication available to all users?", None, None),
            ("Are authentication failures logged without recording the password?", None, None),
        ]),
        ("V3", "Session Management", [
            ("Are session tokens generated with at least 128 bits of entropy?", None, None),
            ("Are sessions invalidated on logout and after 30 minutes of inactivity?", None, None),
            ("Are session cookies set with the Secure, HttpOnly and SameSite attributes?", None, None),
        ]),
    ]
    items, skipped, ranges, row = [], {1: "title", 2: ("title", "instructions")}, [], 5
    for code, section, questions in groups:
        put(ws, row, {"A": code, "B": section})
        for column in "ABCD":
            ws[f"{column}{row}"].fill = SECTION_FILL
            ws[f"{column}{row}"].font = BOLD
        skipped[row] = "section"
        row += 1
        first = row
        for number, (question, answer, comment) in enumerate(questions, start=1):
            id_ = f"{code}.{number}"
            put(ws, row, {"A": id_, "B": question, "C": answer, "D": comment})
            items.append(
                WildItem(
                    sheet, row, question, ref(sheet, "C", row), id_, [CodedSection(code, section)],
                    comment_cell=ref(sheet, "D", row),
                    allowed_answers=symbols, allowed_answers_source="validation",
                    existing_answer=answer, existing_comment=comment,
                )
            )
            row += 1
        ranges.append(f"C{first}:C{row - 1}")
    list_validation(ws, symbols, *ranges)
    boxed(ws, f"A4:D{row - 1}")
    legend_at = row + 1
    decoys = {}
    ws[f"A{legend_at}"], ws[f"B{legend_at}"] = "Symbol", "Meaning"
    ws[f"A{legend_at}"].font = ws[f"B{legend_at}"].font = BOLD
    decoys[legend_at] = "legend header"
    legend = [
        ("\u2713", "Implemented and operating for the whole application."),
        ("P", "Planned: give the expected completion date in the Comments column."),
        ("\u2717", "Not implemented, and no implementation is planned."),
        ("N/A", "Does not apply to this application; explain why in the Comments column."),
    ]
    for offset, (symbol, meaning) in enumerate(legend, start=1):
        put(ws, legend_at + offset, {"A": symbol, "B": meaning})
        ws[f"A{legend_at + offset}"].alignment = CENTER
        decoys[legend_at + offset] = f"legend row {symbol!r}"
    boxed(ws, f"A{legend_at}:B{legend_at + len(legend)}")
    footer_at = legend_at + len(legend) + 2
    footer(ws, footer_at, "\u00a9 2026 Example Corp. All rights reserved.", f"A{footer_at}:D{footer_at}")
    decoys[footer_at] = "copyright footer"
    return Layout(
        "w08-coded-sections-legend-below",
        save(wb, folder, "coded-sections-legend-below.xlsx"),
        "xlsx",
        [questionnaire_sheet(sheet, 4, {"A": "id", "B": "question", "C": "answer", "D": "comment"},
                             skipped=skipped, decoys=decoys)],
        items,
    )


def numbered_sections_legend_beside(folder: Path) -> Layout:
    """Class 5: numbered section rows (`1. | Governance`, `2. | People`, `3. | Technology`) with no
    drop-down; a Pass/Fail/N/A drop-down on the item rows; an "Answer key" legend beside the table in
    columns F:G (each answer with a sentence explaining it, on the same rows as the first section
    and items); a confidentiality and copyright footer under the table.

    Items: the ten numbered question rows; section the numbered row above; the legend is neither an
    item nor the items' guidance (guidance None), and its columns take no text role."""
    sheet = "Checklist"
    wb = Workbook()
    ws = wb.active
    ws.title = sheet
    title(ws, "Information Security Baseline \u2014 Supplier Checklist", "A1:D1")
    header(ws, 3, ["#", "Requirement", "Result", "Remarks"])
    widths(ws, A=6, B=70, C=10, D=40, E=3, F=10, G=60)
    ws["F3"] = "Answer key"
    ws["F3"].font = BOLD
    ws.merge_cells("F3:G3")
    key = [
        ("Pass", "The requirement is fully met and evidence can be provided on request."),
        ("Fail", "The requirement is not met; describe the remediation plan and its date in the Remarks column."),
        ("N/A", "The requirement does not apply to the services supplied; explain why in the Remarks column."),
    ]
    for row, (answer, meaning) in enumerate(key, start=4):
        ws[f"F{row}"], ws[f"G{row}"] = answer, meaning
        ws[f"G{row}"].alignment = WRAP
    boxed(ws, "F3:G6")
    groups = [
        ("1.", "Governance", [
            "Information security responsibilities are assigned to named roles.",
            "Security policies are approved by management and reviewed every year.",
            "An information security risk assessment is carried out at least annually.",
        ]),
        ("2.", "People", [
            "Employees sign a confidentiality agreement before they start work.",
            "Security awareness training is completed by every employee each year.",
            "Access is revoked on the last working day of a leaver.",
        ]),
        ("3.", "Technology", [
            "Endpoints run supported operating systems with automatic updates enabled.",
            "Firewalls protect every connection between internal networks and the internet.",
            "Backups of business data are kept offline or immutable.",
            "Administrator accounts are used only for administrative tasks.",
        ]),
    ]
    allowed = ["Pass", "Fail", "N/A"]
    existing = {"1.2": ("Pass", None), "2.3": ("Fail", "Revocation takes up to three days; automation due Q2.")}
    items, skipped, ranges, row = [], {1: "title"}, [], 4
    for code, section, requirements in groups:
        put(ws, row, {"A": code, "B": section})
        for column in "ABCD":
            ws[f"{column}{row}"].fill = SECTION_FILL
            ws[f"{column}{row}"].font = BOLD
        skipped[row] = "section"
        row += 1
        first = row
        for number, requirement in enumerate(requirements, start=1):
            id_ = f"{code.rstrip('.')}.{number}"
            answer, comment = existing.get(id_, (None, None))
            put(ws, row, {"A": id_, "B": requirement, "C": answer, "D": comment})
            items.append(
                WildItem(
                    sheet, row, requirement, ref(sheet, "C", row), id_, [CodedSection(code, section)],
                    comment_cell=ref(sheet, "D", row),
                    allowed_answers=allowed, allowed_answers_source="validation",
                    existing_answer=answer, existing_comment=comment,
                )
            )
            row += 1
        ranges.append(f"C{first}:C{row - 1}")
    list_validation(ws, allowed, *ranges)
    boxed(ws, f"A3:D{row - 1}")
    footer_at = row + 1
    footer(ws, footer_at, "Example Corp \u2014 Confidential. \u00a9 2026 Example Corp. All rights reserved.",
           f"A{footer_at}:D{footer_at}")
    columns = {"A": "id", "B": "question", "C": "answer", "D": "comment", "F": ("other", None), "G": ("other", None)}
    return Layout(
        "w09-numbered-sections-legend-beside",
        save(wb, folder, "numbered-sections-legend-beside.xlsx"),
        "xlsx",
        [questionnaire_sheet(sheet, 3, columns, skipped=skipped, decoys={footer_at: "copyright footer"})],
        items,
    )


# === 6. fields for the receiving institution ======================================================


def reviewer_block_and_scoring_sheet(folder: Path) -> Layout:
    """Class 6: a vendor sheet whose table is followed by a grey "For reviewer use only" block with
    labels in the question column and input cells in the answer column (`Reviewer name`, `Date
    reviewed`, `Risk rating` with a Low/Medium/High/Critical drop-down, `Reviewer comments`); and a
    visible "Assessor Scoring" sheet listing the same questions (literal text) with the vendor's
    response copied by formula, a Score drop-down (0-3), a Weight and Assessor comments.

    Items: the nine vendor questions. The reviewer block is not items; "Assessor Scoring" is
    ignored and never written."""
    wb = Workbook()
    sheet = "Vendor Questionnaire"
    ws = wb.active
    ws.title = sheet
    title(ws, "Higher Education Vendor Security Questionnaire", "A1:D1")
    subtitle(ws, 2, "Vendors complete columns C and D only.")
    header(ws, 4, ["ID", "Question", "Vendor Response", "Vendor Comments"])
    widths(ws, A=8, B=70, C=16, D=40)
    questions = [
        ("VQ-01", "Does your product support single sign-on through SAML 2.0 or OpenID Connect?", "Yes", None),
        ("VQ-02", "Is student data encrypted at rest within your service?", None, None),
        ("VQ-03", "Will any student data be stored or processed outside the country?", None, None),
        ("VQ-04", "Do you conduct annual security awareness training for all staff?", None, None),
        ("VQ-05", "Has your service been assessed against the WCAG 2.1 AA accessibility standard?", "No",
         "An assessment is booked for May 2026."),
        ("VQ-06", "Do you have a documented incident response plan?", None, None),
        ("VQ-07", "Can the institution export all of its data in a standard format at any time?", None, None),
        ("VQ-08", "Are your application's dependencies scanned for known vulnerabilities?", None, None),
        ("VQ-09", "Do you retain audit logs of administrative actions for at least one year?", None, None),
    ]
    items = []
    for row, (id_, question, answer, comment) in enumerate(questions, start=5):
        put(ws, row, {"A": id_, "B": question, "C": answer, "D": comment})
        items.append(
            WildItem(
                sheet, row, question, ref(sheet, "C", row), id_,
                comment_cell=ref(sheet, "D", row),
                allowed_answers=YES_NO_NA, allowed_answers_source="validation",
                existing_answer=answer, existing_comment=comment,
            )
        )
    last = 4 + len(questions)
    list_validation(ws, YES_NO_NA, f"C5:C{last}")
    input_cells(ws, f"C5:D{last}")
    block = last + 2
    ws[f"A{block}"] = "For reviewer use only"
    ws[f"A{block}"].font = BOLD
    ws.merge_cells(f"A{block}:D{block}")
    decoys = {block: "'For reviewer use only' heading"}
    for offset, label in enumerate(["Reviewer name", "Date reviewed", "Risk rating", "Reviewer comments"], start=1):
        ws[f"B{block + offset}"] = label
        decoys[block + offset] = f"reviewer field {label!r}"
    for row in range(block, block + 5):
        for column in "ABCD":
            ws[f"{column}{row}"].fill = GREY_FILL
    list_validation(ws, ["Low", "Medium", "High", "Critical"], f"C{block + 3}")

    scoring = wb.create_sheet("Assessor Scoring")
    title(scoring, "Assessor scoring \u2014 internal use", "A1:F1")
    header(scoring, 3, ["ID", "Question", "Vendor Response", "Score", "Weight", "Assessor comments"])
    widths(scoring, A=8, B=70, C=16, D=8, E=8, F=40)
    for offset, (id_, question, _, _) in enumerate(questions):
        row = 4 + offset
        put(scoring, row, {"A": id_, "B": question, "E": 3 if offset < 3 else 1})
        scoring[f"C{row}"] = f"='{sheet}'!C{5 + offset}"
    end = 3 + len(questions)
    list_validation(scoring, ["0", "1", "2", "3"], f"D4:D{end}")
    scoring[f"B{end + 2}"] = "Weighted score"
    scoring[f"B{end + 2}"].font = BOLD
    scoring[f"D{end + 2}"] = f"=SUMPRODUCT(D4:D{end},E4:E{end})"
    return Layout(
        "w10-reviewer-block-and-scoring-sheet",
        save(wb, folder, "reviewer-block-and-scoring-sheet.xlsx"),
        "xlsx",
        [
            questionnaire_sheet(sheet, 4, {"A": "id", "B": "question", "C": "answer", "D": "comment"},
                                skipped={1: "title"}, decoys=decoys),
            ignored_sheet("Assessor Scoring"),
        ],
        items,
    )


def institution_columns_and_evaluation_sheet(folder: Path) -> Layout:
    """Class 6: a supplier sheet with two columns for the buyer's assessor right of the supplier's
    (`Assessor rating` with an Acceptable/Needs follow-up/Unacceptable drop-down, `Assessor notes`),
    a "To be completed by the institution" block under the table (`Institution contact`, `Date
    received`, `Overall risk rating` and `Decision` drop-downs), and an "Evaluation" sheet listing
    the questions with Score, Weight and Evaluator comments columns.

    Items: the eight supplier questions, answered in C with comments in D. The assessor columns
    are neither answer nor comment; the block is not items; "Evaluation" is ignored."""
    wb = Workbook()
    sheet = "Security Questions"
    ws = wb.active
    ws.title = sheet
    title(ws, "Supplier Security Due Diligence", "A1:F1")
    header(ws, 3, ["Ref", "Question", "Answer", "Explanation", "Assessor rating", "Assessor notes"])
    for column in "EF":
        ws[f"{column}3"].fill = GREY_FILL
        ws[f"{column}3"].font = BOLD
    widths(ws, A=8, B=66, C=12, D=40, E=18, F=36)
    questions = [
        ("SD-01", "Is there a formal information security programme with executive sponsorship?"),
        ("SD-02", "Are all systems that store institutional data hosted in tier III data centres or better?"),
        ("SD-03", "Are your developers trained in secure coding at least every two years?"),
        ("SD-04", "Is institutional data deleted from all systems, including backups, at the end of the contract?"),
        ("SD-05", "Do you perform static code analysis as part of every build?"),
        ("SD-06", "Are third-party libraries kept within one major version of the latest release?"),
        ("SD-07", "Is an independent audit of your security controls performed every year?"),
        ("SD-08", "Do you monitor your service's availability from outside your own network?"),
    ]
    items = []
    for row, (id_, question) in enumerate(questions, start=4):
        put(ws, row, {"A": id_, "B": question})
        items.append(
            WildItem(
                sheet, row, question, ref(sheet, "C", row), id_,
                comment_cell=ref(sheet, "D", row),
                allowed_answers=YES_NO_NA, allowed_answers_source="validation",
            )
        )
    last = 3 + len(questions)
    list_validation(ws, YES_NO_NA, f"C4:C{last}")
    list_validation(ws, ["Acceptable", "Needs follow-up", "Unacceptable"], f"E4:E{last}")
    input_cells(ws, f"C4:D{last}")
    for row in range(4, last + 1):
        for column in "EF":
            ws[f"{column}{row}"].fill = GREY_FILL
    block = last + 2
    ws[f"A{block}"] = "To be completed by the institution"
    ws[f"A{block}"].font = BOLD
    ws.merge_cells(f"A{block}:D{block}")
    decoys = {block: "'To be completed by the institution' heading"}
    labels = ["Institution contact", "Date received", "Overall risk rating", "Decision"]
    for offset, label in enumerate(labels, start=1):
        ws[f"B{block + offset}"] = label
        decoys[block + offset] = f"institution field {label!r}"
        for column in "ABCD":
            ws[f"{column}{block + offset}"].fill = GREY_FILL
    list_validation(ws, ["Low", "Medium", "High"], f"C{block + 3}")
    list_validation(ws, ["Approved", "Approved with conditions", "Rejected"], f"C{block + 4}")

    evaluation = wb.create_sheet("Evaluation")
    title(evaluation, "Evaluation of supplier responses", "A1:E1")
    header(evaluation, 3, ["Ref", "Question", "Score", "Weight", "Evaluator comments"])
    widths(evaluation, A=8, B=66, C=8, D=8, E=40)
    for row, (id_, question) in enumerate(questions, start=4):
        put(evaluation, row, {"A": id_, "B": question, "D": 2 if id_ in ("SD-01", "SD-04", "SD-07") else 1})
    list_validation(evaluation, ["0", "1", "2", "3", "4", "5"], f"C4:C{last}")
    columns = {"A": "id", "B": "question", "C": "answer", "D": "comment", "E": ("other", None), "F": ("other", None)}
    return Layout(
        "w11-institution-columns-and-evaluation-sheet",
        save(wb, folder, "institution-columns-and-evaluation-sheet.xlsx"),
        "xlsx",
        [
            questionnaire_sheet(sheet, 3, columns, skipped={1: "title"}, decoys=decoys),
            ignored_sheet("Evaluation"),
        ],
        items,
    )


# === 7. several topic tabs, instructions, scoring and change log =================================


def topic_tabs_with_change_log(folder: Path) -> Layout:
    """Class 7: one questionnaire over three topic tabs with the same columns (`ID | Question |
    Answer | Comments`, header in row 3 under the tab's title), an "Instructions" tab, a "Scoring"
    tab of COUNTA/COUNTIF formulas per topic, and a "Change Log" tab (`Version | Date | Change`)
    whose changes quote questions in full ("Changed question 4.2 'Do you encrypt backups?' to ...").

    Items: the twenty-one questions on the three topic tabs (seven each). Instructions, Scoring and Change Log are
    ignored and never written."""
    wb = Workbook()
    instructions = wb.active
    instructions.title = "Instructions"
    title(instructions, "Third-Party Risk Questionnaire 2026")
    lines = [
        "1. Answer every question on the Access Control, Data Protection and Operations tabs.",
        "2. Choose Yes, No or N/A from the drop-down list in the Answer column.",
        "3. Explain every No or N/A in the Comments column.",
        "4. Do not change the Scoring tab; it is calculated from your answers.",
        "5. The Change Log lists what changed since last year's version.",
    ]
    for row, line in enumerate(lines, start=3):
        instructions[f"A{row}"] = line
    widths(instructions, A=100)
    tabs = {
        "Access Control": [
            ("AC-01", "Is access to your systems granted through named accounts only?", None),
            ("AC-02", "Is multi-factor authentication enforced for remote access?", None),
            ("AC-03", "Are administrator rights restricted to a documented list of people?", None),
            ("AC-04", "Are access rights reviewed at least every six months?", None),
            ("AC-05", "Is access removed promptly when staff change role?", None),
            ("AC-06", "Are service accounts prevented from logging in interactively?", None),
            ("AC-07", "Are failed login attempts monitored and alerted on?", None),
        ],
        "Data Protection": [
            ("DP-01", "Are all backups encrypted at rest with AES-256 or stronger?", "Yes"),
            ("DP-02", "Is customer data classified by sensitivity?", None),
            ("DP-03", "Is customer data kept only in the regions agreed in the contract?", "Yes"),
            ("DP-04", "Are test environments free of real customer data?", None),
            ("DP-05", "Is customer data deleted within 30 days of contract termination?", None),
            ("DP-06", "Do you keep a record of every sub-processor that handles customer data?", None),
            ("DP-07", "Is personal data pseudonymised in analytics and reporting systems?", None),
        ],
        "Operations": [
            ("OP-01", "Are critical security patches applied within 14 days?", None),
            ("OP-02", "Is malware protection centrally managed?", None),
            ("OP-03", "Are production changes approved before they are deployed?", None),
            ("OP-04", "Is the service monitored for availability around the clock?", None),
            ("OP-05", "Are disaster recovery arrangements tested every year?", None),
            ("OP-06", "Are configuration baselines defined for servers and network devices?", None),
            ("OP-07", "Is capacity planning reviewed at least quarterly?", None),
        ],
    }
    sheets = [ignored_sheet("Instructions")]
    items = []
    for name, questions in tabs.items():
        ws = wb.create_sheet(name)
        title(ws, name, "A1:D1")
        header(ws, 3, ["ID", "Question", "Answer", "Comments"])
        widths(ws, A=8, B=70, C=12, D=40)
        for row, (id_, question, answer) in enumerate(questions, start=4):
            put(ws, row, {"A": id_, "B": question, "C": answer})
            items.append(
                WildItem(
                    name, row, question, ref(name, "C", row), id_,
                    comment_cell=ref(name, "D", row),
                    allowed_answers=YES_NO_NA, allowed_answers_source="validation",
                    existing_answer=answer,
                )
            )
        last = 3 + len(questions)
        list_validation(ws, YES_NO_NA, f"C4:C{last}")
        input_cells(ws, f"C4:D{last}")
        sheets.append(questionnaire_sheet(name, 3, {"A": "id", "B": "question", "C": "answer", "D": "comment"},
                                          skipped={1: "title"}))

    scoring = wb.create_sheet("Scoring")
    title(scoring, "Scoring", "A1:E1")
    header(scoring, 3, ["Tab", "Questions", "Answered", "Yes answers", "Score"])
    widths(scoring, A=20, B=12, C=12, D=12, E=10)
    for row, name in enumerate(tabs, start=4):
        quoted = f"'{name}'"
        scoring[f"A{row}"] = name
        scoring[f"B{row}"] = f"=COUNTA({quoted}!B4:B10)"
        scoring[f"C{row}"] = f"=COUNTA({quoted}!C4:C10)"
        scoring[f"D{row}"] = f'=COUNTIF({quoted}!C4:C10,"Yes")'
        scoring[f"E{row}"] = f"=IFERROR(D{row}/B{row},0)"
        scoring[f"E{row}"].number_format = "0%"
    scoring["A7"] = "Total"
    scoring["A7"].font = BOLD
    for column in "BCD":
        scoring[f"{column}7"] = f"=SUM({column}4:{column}6)"
    scoring["E7"] = "=IFERROR(D7/B7,0)"
    sheets.append(ignored_sheet("Scoring"))

    log = wb.create_sheet("Change Log")
    header(log, 1, ["Version", "Date", "Change"])
    widths(log, A=10, B=12, C=100)
    changes = [
        ("1.0", datetime.date(2025, 1, 15), "First issue."),
        ("1.1", datetime.date(2025, 4, 2),
         "Changed question 4.2 'Do you encrypt backups?' to 'Are all backups encrypted at rest with AES-256 or stronger?'"),
        ("1.1", datetime.date(2025, 4, 2),
         "Added question DP-05 'Is customer data deleted within 30 days of contract termination?'"),
        ("1.2", datetime.date(2025, 9, 30),
         "Removed question AC-09 'Do you allow shared administrator accounts?' because AC-01 covers it."),
        ("1.2", datetime.date(2025, 9, 30),
         "Reworded OP-01: is the patching window for critical vulnerabilities 14 days rather than 30 days?"),
        ("2.0", datetime.date(2026, 1, 12), "Split the Security tab into Access Control, Data Protection and Operations."),
    ]
    for row, (version, day, change) in enumerate(changes, start=2):
        log[f"A{row}"], log[f"B{row}"], log[f"C{row}"] = version, day, change
        log[f"B{row}"].number_format = "yyyy-mm-dd"
        log[f"C{row}"].alignment = WRAP
    sheets.append(ignored_sheet("Change Log"))
    return Layout("w12-topic-tabs-with-change-log", save(wb, folder, "topic-tabs-with-change-log.xlsx"), "xlsx", sheets, items)


# === 8. CSV exports with section-naming repeated headers ==========================================


def csv_section_headers(folder: Path) -> Layout:
    """Class 8: a CSV export (comma, UTF-8, CRLF, every record padded to three fields) with no id
    column: a title record, then `Access Control,Answer,Comments`, four questions, a blank record,
    `Encryption,Answer,Comments`, three questions, a blank record, `Incident Response,Answer,Comments`
    and four questions. Some answers already given.

    Items: the eleven question records, ids generated; section = the first field of the header
    record above; the header record in row 3 is the header, rows 9 and 14 are repeated headers."""
    path = folder / "export-section-headers.csv"
    blocks = [
        ("Access Control", [
            ("Are user accounts reviewed at least quarterly?", "Yes", ""),
            ("Is multi-factor authentication required for administrators?", "Yes", "Hardware keys for all admins."),
            ("Are shared accounts prohibited on production systems?", "", ""),
            ("Is remote access limited to company-managed devices?", "", ""),
        ]),
        ("Encryption", [
            ("Is data encrypted at rest on all servers and databases?", "", ""),
            ("Are TLS certificates monitored for expiry?", "No", "Renewal is manual today."),
            ("Are encryption keys rotated at least once a year?", "", ""),
        ]),
        ("Incident Response", [
            ("Is there a documented incident response plan?", "", ""),
            ("Are customers notified of incidents affecting their data within 72 hours?", "", ""),
            ("Is the incident response plan rehearsed at least once a year?", "", ""),
            ("Are lessons learned from incidents recorded and acted upon?", "", ""),
        ]),
    ]
    records = [["Vendor Security Review - export 2026-02-01", "", ""], ["", "", ""]]
    items, skipped = [], {}
    for index, (section, questions) in enumerate(blocks):
        if index:
            records.append(["", "", ""])
        records.append([section, "Answer", "Comments"])
        if index:
            skipped[len(records)] = "repeated-header"
        else:
            header_row = len(records)
        for question, answer, comment in questions:
            records.append([question, answer, comment])
            row = len(records)
            items.append(
                WildItem("", row, question, csv_ref("B", row), None, [section], comment_cell=csv_ref("C", row),
                         existing_answer=answer or None, existing_comment=comment or None)
            )
    write_csv(path, records, ",", "utf-8", "\r\n")
    return Layout(
        "w13-csv-section-headers", path, "csv",
        [questionnaire_sheet("", header_row, {"A": "question", "B": "answer", "C": "comment"}, skipped=skipped)],
        items, csv=True, encoding="utf-8", delimiter=",",
    )


def csv_ids_section_headers(folder: Path) -> Layout:
    """Class 8: a CSV export (semicolon, UTF-8 with byte order mark, LF, padded to four fields) with
    ids: `#;Physical Security;Response;Notes`, then the same header naming `Environmental Controls`
    and `Equipment Disposal`, each over its questions, blank records between.

    Items: the ten question records; ids from column A; section = the question column's header
    above; row 3 is the header, rows 9 and 14 repeated headers."""
    path = folder / "export-ids-section-headers.csv"
    blocks = [
        ("Physical Security", [
            ("PS-1", "Are offices and server rooms protected by electronic access control?", "Yes", ""),
            ("PS-2", "Are visitors signed in and escorted at all times?", "", ""),
            ("PS-3", "Is CCTV footage of entrances kept for at least 30 days?", "", ""),
            ("PS-4", "Are access badges deactivated on the day an employee leaves?", "", ""),
        ]),
        ("Environmental Controls", [
            ("EC-1", "Are server rooms fitted with automatic fire suppression?", "N/A", "No server rooms; all hosting is in the cloud."),
            ("EC-2", "Is equipment protected by uninterruptible power supplies?", "", ""),
            ("EC-3", "Are temperature and humidity in equipment rooms monitored with alerts?", "", ""),
        ]),
        ("Equipment Disposal", [
            ("ED-1", "Is storage media destroyed or securely wiped before disposal?", "", ""),
            ("ED-2", "Are certificates of destruction kept for disposed media?", "", ""),
            ("ED-3", "Is a disposal register maintained for devices that held customer data?", "", ""),
        ]),
    ]
    records = [["Physical and Environmental Security Questionnaire", "", "", ""], ["", "", "", ""]]
    items, skipped = [], {}
    for index, (section, questions) in enumerate(blocks):
        if index:
            records.append(["", "", "", ""])
        records.append(["#", section, "Response", "Notes"])
        if index:
            skipped[len(records)] = "repeated-header"
        else:
            header_row = len(records)
        for id_, question, answer, comment in questions:
            records.append([id_, question, answer, comment])
            row = len(records)
            items.append(
                WildItem("", row, question, csv_ref("C", row), id_, [section], comment_cell=csv_ref("D", row),
                         existing_answer=answer or None, existing_comment=comment or None)
            )
    write_csv(path, records, ";", "utf-8-sig", "\n")
    return Layout(
        "w14-csv-ids-section-headers", path, "csv",
        [questionnaire_sheet("", header_row, {"A": "id", "B": "question", "C": "answer", "D": "comment"}, skipped=skipped)],
        items, csv=True, encoding="utf-8-sig", delimiter=";",
    )


# === 9. free-text vendor details above the Yes/No questions =======================================


def vendor_details_section(folder: Path) -> Layout:
    """Class 9: inside the table, a "Vendor details" section of short labelled fields with ids
    (`Company name` (already filled), `Headquarters address`, `Website URL`, `Primary contact email`,
    `Date completed` with a date validation, not a list), then a "Security controls" section of
    Yes/No/N/A questions with a drop-down.

    Items: all thirteen rows with ids. The five details are free text (allowed answers [], never
    Yes/No/N/A); the eight questions are choices."""
    sheet = "Questionnaire"
    wb = Workbook()
    ws = wb.active
    ws.title = sheet
    title(ws, "Vendor Security Questionnaire 2026", "A1:D1")
    subtitle(ws, 2, "Please fill in every yellow cell. Vendor details are free text; security controls use the "
                    "Yes/No/N/A drop-down.", "A2:D2")
    header(ws, 4, ["ID", "Question", "Response", "Additional information"])
    widths(ws, A=8, B=64, C=34, D=40)
    details = [
        ("VD-1", "Company name", "Northwind Traders Ltd"),
        ("VD-2", "Headquarters address", None),
        ("VD-3", "Website URL", None),
        ("VD-4", "Primary contact email", None),
        ("VD-5", "Date completed", None),
    ]
    controls = [
        ("SC-1", "Do you maintain an information security policy approved by senior management?", "Yes"),
        ("SC-2", "Is customer data encrypted in transit and at rest?", None),
        ("SC-3", "Are employees trained on information security when they join and every year after?", None),
        ("SC-4", "Is multi-factor authentication enforced for access to systems holding customer data?", None),
        ("SC-5", "Do you perform vulnerability scans of internet-facing systems at least monthly?", None),
        ("SC-6", "Do you have an incident response plan that is tested every year?", None),
        ("SC-7", "Are backups taken daily and restores tested?", None),
        ("SC-8", "Has your organisation suffered a data breach in the last three years?", None),
    ]
    items, skipped = [], {1: "title", 2: ("title", "instructions")}
    section_row(ws, 5, "Vendor details", "A5:D5")
    skipped[5] = "section"
    for row, (id_, label, value) in enumerate(details, start=6):
        put(ws, row, {"A": id_, "B": label, "C": value})
        items.append(
            WildItem(sheet, row, label, ref(sheet, "C", row), id_, ["Vendor details"],
                     comment_cell=ref(sheet, "D", row), existing_answer=value, free_text=True)
        )
    date_check = DataValidation(type="date", operator="greaterThan", formula1="43831", allow_blank=True)
    ws.add_data_validation(date_check)
    date_check.add("C10")
    ws["C10"].number_format = "yyyy-mm-dd"
    section_row(ws, 11, "Security controls", "A11:D11")
    skipped[11] = "section"
    for row, (id_, question, answer) in enumerate(controls, start=12):
        put(ws, row, {"A": id_, "B": question, "C": answer})
        items.append(
            WildItem(sheet, row, question, ref(sheet, "C", row), id_, ["Security controls"],
                     comment_cell=ref(sheet, "D", row),
                     allowed_answers=YES_NO_NA, allowed_answers_source="validation", existing_answer=answer)
        )
    last = 11 + len(controls)
    list_validation(ws, YES_NO_NA, f"C12:C{last}")
    input_cells(ws, "C6:D10", f"C12:D{last}")
    return Layout(
        "w15-vendor-details-section",
        save(wb, folder, "vendor-details-section.xlsx"),
        "xlsx",
        [questionnaire_sheet(sheet, 4, {"A": "id", "B": "question", "C": "answer", "D": "comment"}, skipped=skipped)],
        items,
    )


def vendor_details_no_ids(folder: Path) -> Layout:
    """Class 9, no id column and no section rows: under `Question | Answer | Comments` the first
    five rows are vendor details (`Company name`, `Registered address`, `Website URL`, `Security
    contact email`, `Date completed`), then seven Yes/No questions with a drop-down.

    Items: all twelve rows, ids generated; the five details are free text, the seven questions
    choices (Yes, No)."""
    sheet = "Supplier Form"
    wb = Workbook()
    ws = wb.active
    ws.title = sheet
    title(ws, "Supplier Onboarding \u2014 Information Security", "A1:C1")
    header(ws, 3, ["Question", "Answer", "Comments"])
    widths(ws, A=70, B=34, C=40)
    details = ["Company name", "Registered address", "Website URL", "Security contact email", "Date completed"]
    questions = [
        ("Do you have a dedicated information security team?", None),
        ("Are your systems protected by a firewall at every internet connection?", "Yes"),
        ("Do you run anti-malware software on all endpoints?", None),
        ("Are software updates installed within 30 days of release?", None),
        ("Do you use multi-factor authentication for e-mail?", None),
        ("Do you back up business data at least daily?", None),
        ("Do you share customer data with any third party?", None),
    ]
    items = []
    for row, label in enumerate(details, start=4):
        put(ws, row, {"A": label})
        items.append(WildItem(sheet, row, label, ref(sheet, "B", row), None, comment_cell=ref(sheet, "C", row),
                              free_text=True))
    first = 4 + len(details)
    for row, (question, answer) in enumerate(questions, start=first):
        put(ws, row, {"A": question, "B": answer})
        items.append(
            WildItem(sheet, row, question, ref(sheet, "B", row), None, comment_cell=ref(sheet, "C", row),
                     allowed_answers=["Yes", "No"], allowed_answers_source="validation", existing_answer=answer)
        )
    last = first + len(questions) - 1
    list_validation(ws, ["Yes", "No"], f"B{first}:B{last}")
    input_cells(ws, f"B4:C{last}")
    return Layout(
        "w16-vendor-details-no-ids",
        save(wb, folder, "vendor-details-no-ids.xlsx"),
        "xlsx",
        [questionnaire_sheet(sheet, 3, {"A": "question", "B": "answer", "C": "comment"}, skipped={1: "title"})],
        items,
    )


# --- the registry ----------------------------------------------------------------------------------

def marks_number_column_and_no_choice(folder: Path) -> Layout:
    """Class 1 and 2 together: the id column is headed `No.` and one choice column is headed `No`,
    so both headers read as an id; the choice column must stay a choice, and the ids come from
    the `No.` column. The question column's header is `Control` (a weak name), marks are `X`.

    Items: the eight rows under the header; mark cells C, D, E; comment F; ids 1 to 8."""
    sheet = "Checklist"
    wb = Workbook()
    ws = wb.active
    ws.title = sheet
    title(ws, "Contoso Facilities \u2014 Hosting Checklist", "A1:F1")
    header(ws, 3, ["No.", "Control", "Yes", "No", "N/A", "Remarks"])
    choices, columns = ["Yes", "No", "N/A"], ["C", "D", "E"]
    rows = [
        ("Do the data centres hosting our data hold a current ISO 27001 certificate?", "Yes"),
        ("Is physical access to server halls logged and reviewed every month?", "No"),
        ("Are diesel generators tested under load at least twice a year?", None),
        ("Is customer hardware kept in locked cages or racks?", "N/A"),
        ("Are visitors to the server halls escorted at all times?", None),
        ("Is fire suppression in the server halls inspected every year?", "Yes"),
        ("Are cooling failures alarmed to an operator around the clock?", None),
        ("Is there a second site that can take over within a day?", None),
    ]
    items = []
    for offset, (question, answer) in enumerate(rows):
        row = 4 + offset
        put(ws, row, {"A": offset + 1, "B": question})
        if answer is not None:
            ws[f"{columns[choices.index(answer)]}{row}"] = "X"
        items.append(
            WildItem(
                sheet, row, question, None, str(offset + 1), [],
                comment_cell=ref(sheet, "F", row),
                allowed_answers=choices, allowed_answers_source="marks",
                existing_answer=answer,
                mark_cells=mark_cells(sheet, choices, columns, row),
            )
        )
    return Layout(
        "w18-marks-number-column-and-no-choice",
        save(wb, folder, "marks-number-column.xlsx"),
        "xlsx",
        [questionnaire_sheet(sheet, 3, {"A": "id", "B": "question", "F": "comment"}, skipped={1: "title"},
                             mark_columns=columns, mark_header_row=3)],
        items,
    )


WILD_LAYOUTS: dict[str, Callable[[Path], Layout]] = {
    "w01-marks-single-header": marks_single_header,
    "w02-marks-two-row-header": marks_two_row_header,
    "w03-csv-marks": csv_marks,
    "w04-two-id-columns": two_id_columns,
    "w05-framework-mapping-columns": framework_mapping_columns,
    "w06-section-header-rows": section_header_rows,
    "w07-formula-copy-sheets": formula_copy_sheets,
    "w08-coded-sections-legend-below": coded_sections_legend_below,
    "w09-numbered-sections-legend-beside": numbered_sections_legend_beside,
    "w10-reviewer-block-and-scoring-sheet": reviewer_block_and_scoring_sheet,
    "w11-institution-columns-and-evaluation-sheet": institution_columns_and_evaluation_sheet,
    "w12-topic-tabs-with-change-log": topic_tabs_with_change_log,
    "w13-csv-section-headers": csv_section_headers,
    "w14-csv-ids-section-headers": csv_ids_section_headers,
    "w15-vendor-details-section": vendor_details_section,
    "w16-vendor-details-no-ids": vendor_details_no_ids,
    "w17-marks-unnamed-question-header": marks_unnamed_question_header,
    "w18-marks-number-column-and-no-choice": marks_number_column_and_no_choice,
}
