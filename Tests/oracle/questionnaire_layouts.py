"""Synthetic questionnaires for `quire inspect`, each written at test time by openpyxl (or Python's
csv module) and returned with its ground truth, known by construction.

Every builder takes a folder, writes one file into it and returns a `Layout`: the file, the
arguments to pass after `quire inspect FILE --format json`, the expected sheets (in workbook
order, with status, header row and the roles of the columns that matter) and the expected items
(in order). The questions were written for these tests (security-questionnaire style); nothing is
copied from a real template.

What "expected" means here is what a careful human reading the sheet would say:

- An item is a row holding a question whose answer goes in a cell; titles, instructions, section
  headings, repeated headers, marker and totals rows, blank rows and continuation rows are not items.
- `question` is the question's text; a question continued on the next row is one item whose text
  is both parts joined (compared with whitespace collapsed, so a joining space or newline is
  equally right); a newline inside a cell is kept (same comparison).
- `row` is the row of the question's first line (the one holding the id and the answer cell).
- `answer_cell` / `comment_cell` / `evidence_cell` are absolute references on that row
  (`'Sheet Name'!$F$12`, or `Questions!$C$5` when the sheet name is letters, digits and `_` only);
  None when the sheet has no such column.
- `allowed_answers` are the drop-down's values in their order (source `validation`), the values
  written in the answer column's header (`Answer (Yes/No/N/A)`, source `header`), or [] for free
  text (source None). `answer_type` is `choice` when there are allowed answers, else `text`.
- `section` is the path of section headings the item sits under, outermost first, as written.
- `id` is the questionnaire's own id as displayed (a number 3 is "3"); None means the sheet has no
  id column, so quire must make one up (`id_generated` true; its text is not checked). A
  `SubId(base, sub)` is an id cell merged over several sub-question rows, told apart by a sub-item
  label: quire's id must start with `base`, then `sub` (any separator: `1.1a`, `1.1.a`, `1.1 (a)`).
- `existing_answer` / `existing_comment` are what the file already holds in those cells, or None.
- `guidance` is the text of a guidance column, None without one; `ANY` leaves a field unchecked.

Layout 15 (question text held only as a formula's cached value) is not built: openpyxl can't write
cached values, and the corpus workbooks (HECVAT, SAMM) cover it.
"""

from __future__ import annotations

import codecs
import csv
import io
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.workbook.defined_name import DefinedName
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

YES_NO_NA = ["Yes", "No", "N/A"]

BOLD = Font(bold=True)
HEADER_FILL = PatternFill("solid", fgColor="1F4E78")
HEADER_FONT = Font(bold=True, color="FFFFFF")
SECTION_FILL = PatternFill("solid", fgColor="D9E1F2")
TITLE_FONT = Font(bold=True, size=16)
WRAP = Alignment(wrap_text=True, vertical="top")


class _Any:
    """A field whose value is not checked."""

    def __repr__(self) -> str:
        return "ANY"


ANY: Any = _Any()


@dataclass(frozen=True)
class SubId:
    """The id of a sub-question whose id cell is merged over several rows: `base` then `sub`."""

    base: str
    sub: str

    def matches(self, actual: str) -> bool:
        if not actual.startswith(self.base):
            return False
        rest = actual[len(self.base) :]
        return re.fullmatch(r"[\s._\-/(\[]*" + re.escape(self.sub) + r"[)\]]?", rest) is not None

    def __str__(self) -> str:
        return f"{self.base} + {self.sub} (e.g. {self.base}{self.sub})"


@dataclass
class ExpectedItem:
    sheet: str
    row: int
    question: str
    answer_cell: str | None
    id: str | SubId | None
    section: list[str] = field(default_factory=list)
    comment_cell: str | None = None
    evidence_cell: str | None = None
    guidance: Any = None
    allowed_answers: list[str] = field(default_factory=list)
    allowed_answers_source: str | None = None
    existing_answer: str | None = None
    existing_comment: str | None = None

    @property
    def answer_type(self) -> str:
        return "choice" if self.allowed_answers else "text"


@dataclass
class ExpectedSheet:
    name: str
    status: str  # "questionnaire" or "ignored"
    header_row: int | None = None
    #: Column letter -> role, for the columns that matter (others are not checked).
    columns: dict[str, str] = field(default_factory=dict)
    #: Row -> skip reason (or a tuple of acceptable reasons), for the rows that show the layout's
    #: feature (others are not checked).
    skipped: dict[int, str | tuple[str, ...]] = field(default_factory=dict)


@dataclass
class Layout:
    name: str
    path: Path
    format: str
    sheets: list[ExpectedSheet]
    items: list[ExpectedItem]
    #: Extra arguments after `quire inspect FILE --format json`.
    args: list[str] = field(default_factory=list)
    #: For CSV: quire names the sheet, so only the `$C$5` part of a reference is compared, and
    #: the one sheet's name is not checked.
    csv: bool = False
    #: For CSV: how Python reads the file back (the builder self-check).
    encoding: str | None = None
    delimiter: str | None = None
    #: When `--sheet` is given, sheets other than the one named may be left out or ignored.
    only_sheet: str | None = None
    note: str = ""


# --- helpers ---------------------------------------------------------------------------------------


def quote_sheet(sheet: str) -> str:
    if re.fullmatch(r"[A-Za-z0-9_]+", sheet):
        return sheet
    return "'" + sheet.replace("'", "''") + "'"


def ref(sheet: str, column: str, row: int) -> str:
    return f"{quote_sheet(sheet)}!${column}${row}"


def list_validation(ws: Worksheet, formula: str | list[str], *ranges: str) -> DataValidation:
    """A list drop-down over `ranges`: a list of values is written inline (`"Yes,No,N/A"`), a
    string as it is (a range such as `Lists!$A$1:$A$4` or a defined name), as Excel stores it."""
    if isinstance(formula, list):
        formula = '"' + ",".join(formula) + '"'
    dv = DataValidation(type="list", formula1=formula, allow_blank=True, showDropDown=False)
    ws.add_data_validation(dv)
    for r in ranges:
        dv.add(r)
    return dv


def header(ws: Worksheet, row: int, titles: list[str], first_column: int = 1) -> None:
    for offset, title in enumerate(titles):
        cell = ws.cell(row=row, column=first_column + offset, value=title)
        cell.font = HEADER_FONT
        cell.fill = HEADER_FILL
        cell.alignment = Alignment(wrap_text=True, vertical="center")


def section_row(ws: Worksheet, row: int, text: str, span: str | None) -> None:
    ws.cell(row=row, column=1, value=text)
    if span:
        ws.merge_cells(span)
    ws.cell(row=row, column=1).font = BOLD
    ws.cell(row=row, column=1).fill = SECTION_FILL


def widths(ws: Worksheet, **columns: float) -> None:
    for letter, width in columns.items():
        ws.column_dimensions[letter].width = width


def put(ws: Worksheet, row: int, values: dict[str, Any]) -> None:
    for letter, value in values.items():
        if value is None or value == "":
            continue
        cell = ws[f"{letter}{row}"]
        cell.value = value
        if isinstance(value, str) and len(value) > 30:
            cell.alignment = WRAP


def save(wb: Workbook, folder: Path, name: str) -> Path:
    path = folder / name
    wb.save(path)
    return path


def std_columns(id_: str | None, question: str, answer: str, comment: str | None = None) -> dict[str, str]:
    columns = {question: "question", answer: "answer"}
    if id_:
        columns[id_] = "id"
    if comment:
        columns[comment] = "comment"
    return columns


# --- 1. title block and instructions above the header ---------------------------------------------


def title_block(folder: Path) -> Layout:
    sheet = "Security Questionnaire"
    wb = Workbook()
    ws = wb.active
    ws.title = sheet
    ws["A1"] = "Acme Payments Ltd \u2014 Vendor Security Assessment"
    ws["A1"].font = TITLE_FONT
    ws.merge_cells("A1:D1")
    ws["A2"] = "Version 2.1, issued March 2024"
    ws["A3"] = "Company name:"
    ws["A3"].font = BOLD
    ws["A4"] = (
        "Instructions: please answer every question in the Response column by choosing Yes, No or N/A "
        "from the drop-down list. Use the Comments column to explain any answer other than Yes, and "
        "return the completed workbook to your Acme contact within 30 days."
    )
    ws["A4"].alignment = WRAP
    ws.merge_cells("A4:D5")
    header(ws, 7, ["Ref", "Question", "Response", "Comments"])
    widths(ws, A=8, B=70, C=14, D=40)
    questions = [
        ("Q1", "Does your organisation have a documented information security policy approved by senior management?"),
        ("Q2", "Is the information security policy reviewed at least annually?"),
        ("Q3", "The vendor maintains a named individual accountable for information security."),
        ("Q4", "Are background checks performed on all employees with access to customer data?"),
        ("Q5", "Do employees complete security awareness training when they join and every year thereafter?"),
        ("Q6", "Is there a formal disciplinary process for breaches of security policy?"),
        ("Q7", "The vendor holds an independent certification or audit report (ISO/IEC 27001 or SOC 2 Type II) covering the service."),
        ("Q8", "Are security requirements included in contracts with your own suppliers?"),
    ]
    items = []
    for offset, (id_, question) in enumerate(questions):
        row = 8 + offset
        put(ws, row, {"A": id_, "B": question})
        items.append(
            ExpectedItem(
                sheet, row, question, ref(sheet, "C", row), id_,
                comment_cell=ref(sheet, "D", row),
                allowed_answers=YES_NO_NA, allowed_answers_source="validation",
            )
        )
    list_validation(ws, YES_NO_NA, "C8:C15")
    return Layout(
        "01-title-block",
        save(wb, folder, "title-block.xlsx"),
        "xlsx",
        [ExpectedSheet(sheet, "questionnaire", 7, std_columns("A", "B", "C", "D"), {1: "title", 4: "instructions"})],
        items,
    )


# --- 2. section rows merged across the table ------------------------------------------------------


def merged_section_rows(folder: Path) -> Layout:
    sheet = "Questionnaire"
    wb = Workbook()
    ws = wb.active
    ws.title = sheet
    header(ws, 1, ["ID", "Question", "Answer", "Comment", "Evidence Reference", "Weight"])
    widths(ws, A=8, B=70, C=12, D=40, E=30, F=8)
    groups = [
        (
            "Governance and Policy",
            [
                ("GP-1", "Is there an information security management system (ISMS) in place?"),
                ("GP-2", "Confirm that security policies are communicated to all staff and contractors."),
                ("GP-3", "The vendor maintains a risk register that is reviewed by management at least quarterly."),
            ],
        ),
        (
            "Human Resources Security",
            [
                ("HR-1", "Are confidentiality or non-disclosure agreements signed by all personnel before access is granted?"),
                ("HR-2", "Is access removed within one business day when an employee leaves?"),
                ("HR-3", "Indicate whether contractors receive the same security training as employees."),
            ],
        ),
        (
            "Physical and Environmental Security",
            [
                ("PE-1", "Are data centres protected by badge access and CCTV?"),
                ("PE-2", "The vendor restricts visitor access to secure areas and keeps a visitor log."),
                ("PE-3", "Is equipment holding customer data securely wiped before disposal?"),
            ],
        ),
    ]
    allowed = ["Yes", "No", "Partial", "N/A"]
    items, skipped, row = [], {}, 2
    for title, questions in groups:
        section_row(ws, row, title, f"A{row}:F{row}")
        skipped[row] = "section"
        row += 1
        for weight, (id_, question) in enumerate(questions, start=1):
            put(ws, row, {"A": id_, "B": question, "F": weight})
            items.append(
                ExpectedItem(
                    sheet, row, question, ref(sheet, "C", row), id_, [title],
                    comment_cell=ref(sheet, "D", row), evidence_cell=ref(sheet, "E", row),
                    allowed_answers=allowed, allowed_answers_source="validation",
                )
            )
            row += 1
    # The drop-down covers the whole answer column of the table, section rows included, as
    # templates often do.
    list_validation(ws, allowed, f"C2:C{row - 1}")
    columns = std_columns("A", "B", "C", "D") | {"E": "evidence"}
    return Layout(
        "02-merged-section-rows",
        save(wb, folder, "merged-section-rows.xlsx"),
        "xlsx",
        [ExpectedSheet(sheet, "questionnaire", 1, columns, skipped)],
        items,
    )


def nested_section_rows(folder: Path) -> Layout:
    """Two levels of numbered section rows: a level-1 heading directly followed by a level-2 one,
    and a second level-2 heading under the same level-1 heading."""
    sheet = "Controls"
    wb = Workbook()
    ws = wb.active
    ws.title = sheet
    header(ws, 1, ["Ref", "Control Question", "Response", "Comments"])
    widths(ws, A=8, B=70, C=12, D=40)
    rows: list[tuple[str, Any]] = [
        ("1", "1 Organisational Controls"),
        ("2", "1.1 Information Security Policies"),
        ("q", ("1.1.1", "Has management approved a set of information security policies?")),
        ("q", ("1.1.2", "Are the policies published to, and acknowledged by, all employees?")),
        ("2", "1.2 Human Resource Security"),
        ("q", ("1.2.1", "Are candidates screened before employment in line with local law?")),
        ("q", ("1.2.2", "Do terms of employment state the employee's information security responsibilities?")),
        ("1", "2 Technical Controls"),
        ("2", "2.1 Cryptography"),
        ("q", ("2.1.1", "Is customer data encrypted at rest using AES-256 or an equivalent algorithm?")),
        ("q", ("2.1.2", "Are cryptographic keys held in a hardware security module or a managed key service?")),
        ("2", "2.2 Logging and Monitoring"),
        ("q", ("2.2.1", "Are security events collected centrally and retained for at least twelve months?")),
        ("q", ("2.2.2", "The vendor monitors its logs for suspicious activity around the clock.")),
    ]
    items, skipped, path, answer_rows = [], {}, [], []
    for row, (kind, value) in enumerate(rows, start=2):
        if kind == "1":
            path = [value]
        elif kind == "2":
            path = path[:1] + [value]
        if kind in ("1", "2"):
            section_row(ws, row, value, f"A{row}:D{row}")
            skipped[row] = "section"
            continue
        id_, question = value
        put(ws, row, {"A": id_, "B": question})
        answer_rows.append(f"C{row}")
        items.append(
            ExpectedItem(
                sheet, row, question, ref(sheet, "C", row), id_, list(path),
                comment_cell=ref(sheet, "D", row),
                allowed_answers=YES_NO_NA, allowed_answers_source="validation",
            )
        )
    list_validation(ws, YES_NO_NA, *answer_rows)
    return Layout(
        "02b-nested-section-rows",
        save(wb, folder, "nested-section-rows.xlsx"),
        "xlsx",
        [ExpectedSheet(sheet, "questionnaire", 1, std_columns("A", "B", "C", "D"), skipped)],
        items,
    )


# --- 3. question in C, drop-down in F, comment in G, other columns in between ---------------------


def answer_far_right(folder: Path) -> Layout:
    sheet = "Vendor Assessment"
    wb = Workbook()
    ws = wb.active
    ws.title = sheet
    ws["A1"] = "Vendor Risk Assessment \u2014 Security Controls"
    ws["A1"].font = TITLE_FONT
    header(ws, 3, ["ID", "Owner", "Question", "Guidance", "Framework Reference", "Answer", "Comments"])
    widths(ws, A=8, B=12, C=60, D=45, E=18, F=12, G=40)
    rows = [
        ("VA-01", "Security", "Do you have a designated Chief Information Security Officer or an equivalent role?",
         "Name the role and its reporting line in the comments.", "ISO 27001 A.5.2"),
        ("VA-02", "IT", "Is multi-factor authentication required for all administrative access?",
         "Include cloud consoles, VPN and privileged accounts.", "ISO 27001 A.8.5"),
        ("VA-03", "IT", "Are operating system and application patches applied within 30 days of release?",
         "Critical patches are expected within 7 days.", "ISO 27001 A.8.8"),
        ("VA-04", "Security", "The vendor performs an external penetration test at least once a year.",
         "Attach the executive summary of the latest report.", "ISO 27001 A.8.8"),
        ("VA-05", "HR", "Are employees required to acknowledge the acceptable use policy every year?",
         None, "ISO 27001 A.5.10"),
        ("VA-06", "Legal", "Has the vendor notified any customer of a personal data breach in the last 24 months?",
         "Answer Yes if any notification was made, even if no harm resulted.", "GDPR Art. 33"),
        ("VA-07", "IT", "Is production data kept out of development and test environments?",
         "Masked or synthetic data is acceptable.", "ISO 27001 A.8.33"),
        ("VA-08", "Security", "Confirm that a business continuity plan covering this service is tested every year.",
         "State the date of the last test in the comments.", "ISO 27001 A.5.30"),
    ]
    items = []
    for row, (id_, owner, question, guidance, reference) in enumerate(rows, start=4):
        put(ws, row, {"A": id_, "B": owner, "C": question, "D": guidance, "E": reference})
        items.append(
            ExpectedItem(
                sheet, row, question, ref(sheet, "F", row), id_,
                comment_cell=ref(sheet, "G", row), guidance=guidance,
                allowed_answers=YES_NO_NA, allowed_answers_source="validation",
            )
        )
    list_validation(ws, YES_NO_NA, "F4:F11")
    columns = std_columns("A", "C", "F", "G") | {"B": "owner", "D": "guidance"}
    return Layout(
        "03-answer-far-right",
        save(wb, folder, "answer-far-right.xlsx"),
        "xlsx",
        [ExpectedSheet(sheet, "questionnaire", 3, columns)],
        items,
    )


# --- 4. a hidden Lists sheet feeding the drop-downs (a range and a defined name) ------------------


def hidden_lists_sheet(folder: Path) -> Layout:
    sheet = "Questions"
    wb = Workbook()
    ws = wb.active
    ws.title = sheet
    lists = wb.create_sheet("Lists")
    lists.sheet_state = "hidden"
    answers = ["Yes", "No", "Partial", "Not applicable"]
    maturity = ["1 - Initial", "2 - Managed", "3 - Defined", "4 - Quantitatively Managed", "5 - Optimising"]
    for i, value in enumerate(answers, start=1):
        lists.cell(row=i, column=1, value=value)
    for i, value in enumerate(maturity, start=1):
        lists.cell(row=i, column=3, value=value)
    wb.defined_names["MaturityLevels"] = DefinedName("MaturityLevels", attr_text="Lists!$C$1:$C$5")

    header(ws, 1, ["ID", "Question", "Answer", "Comments"])
    widths(ws, A=8, B=70, C=26, D=40)
    rows = [
        ("DP-01", "Is personal data processed only on documented instructions from the customer?", answers),
        ("DP-02", "Do you keep a record of processing activities for the service?", answers),
        ("DP-03", "Is customer data stored exclusively within the European Economic Area?", answers),
        ("DP-04", "The vendor deletes or returns customer data within 30 days of contract termination.", answers),
        ("DP-05", "Are data protection impact assessments carried out for new processing?", answers),
        ("MAT-01", "Rate the maturity of your vulnerability management programme.", maturity),
        ("MAT-02", "Rate the maturity of your identity and access management processes.", maturity),
        ("MAT-03", "Rate the maturity of your security monitoring and incident response.", maturity),
        ("MAT-04", "Rate the maturity of your secure software development practices.", maturity),
    ]
    items = []
    for row, (id_, question, allowed) in enumerate(rows, start=2):
        put(ws, row, {"A": id_, "B": question})
        items.append(
            ExpectedItem(
                sheet, row, question, ref(sheet, "C", row), id_,
                comment_cell=ref(sheet, "D", row),
                allowed_answers=allowed, allowed_answers_source="validation",
            )
        )
    # As Excel stores them: no leading `=`.
    list_validation(ws, "Lists!$A$1:$A$4", "C2:C6")
    list_validation(ws, "MaturityLevels", "C7:C10")
    return Layout(
        "04-hidden-lists-sheet",
        save(wb, folder, "hidden-lists-sheet.xlsx"),
        "xlsx",
        [
            ExpectedSheet(sheet, "questionnaire", 1, std_columns("A", "B", "C", "D")),
            ExpectedSheet("Lists", "ignored"),
        ],
        items,
    )


# --- 5. four questionnaire tabs, an Instructions sheet and a Cover sheet ---------------------------


def several_tabs(folder: Path) -> Layout:
    wb = Workbook()
    cover = wb.active
    cover.title = "Cover"
    cover["A1"] = "Third-Party Security Questionnaire 2024"
    cover["A1"].font = TITLE_FONT
    for row, label in enumerate(["Vendor name:", "Service assessed:", "Completed by:", "Date completed:"], start=3):
        cover.cell(row=row, column=1, value=label).font = BOLD
    cover["A8"] = "Please return the completed questionnaire by 30 June 2024."
    widths(cover, A=24, B=40)

    instructions = wb.create_sheet("Instructions")
    instructions["A1"] = "How to complete this questionnaire"
    instructions["A1"].font = TITLE_FONT
    instructions["A3"] = "1. Answer every question on the Governance, Access, Data and Vendors tabs."
    instructions["A4"] = "2. Choose Yes, No or N/A from the drop-down list in the Answer column."
    instructions["A5"] = "3. Explain every No or N/A answer in the Comments column."
    instructions["A7"] = "Answer"
    instructions["B7"] = "Meaning"
    instructions["A7"].font = instructions["B7"].font = BOLD
    legend = [
        ("Yes", "The control is in place and operating effectively."),
        ("No", "The control is not in place; describe any compensating controls."),
        ("N/A", "The control does not apply to the service being assessed."),
    ]
    for row, (answer, meaning) in enumerate(legend, start=8):
        instructions.cell(row=row, column=1, value=answer)
        instructions.cell(row=row, column=2, value=meaning)
    widths(instructions, A=12, B=70)

    tabs = {
        "Governance": [
            ("GOV-01", "Is there a board-approved information security strategy?"),
            ("GOV-02", "Are information security roles and responsibilities documented?"),
            ("GOV-03", "The vendor reports security metrics to senior management at least quarterly."),
            ("GOV-04", "Is compliance with security policies checked by internal audit?"),
        ],
        "Access": [
            ("ACC-01", "Are user access rights reviewed at least every six months?"),
            ("ACC-02", "Is single sign-on supported for customer accounts?"),
            ("ACC-03", "Are shared or generic accounts prohibited?"),
            ("ACC-04", "Confirm that privileged sessions are recorded."),
        ],
        "Data": [
            ("DAT-01", "Is customer data classified according to a documented scheme?"),
            ("DAT-02", "Are backups encrypted and stored in a separate location?"),
            ("DAT-03", "Is data in transit protected with TLS 1.2 or later?"),
            ("DAT-04", "The vendor logically separates each customer's data from other customers' data."),
        ],
        "Vendors": [
            ("VEN-01", "Do you assess the security of your own suppliers before onboarding them?"),
            ("VEN-02", "Are sub-processors bound by data protection terms equivalent to yours?"),
            ("VEN-03", "Is a current list of sub-processors available to customers?"),
        ],
    }
    sheets = [ExpectedSheet("Cover", "ignored"), ExpectedSheet("Instructions", "ignored")]
    items = []
    for name, questions in tabs.items():
        ws = wb.create_sheet(name)
        header(ws, 1, ["ID", "Question", "Answer", "Comments"])
        widths(ws, A=8, B=70, C=12, D=40)
        for row, (id_, question) in enumerate(questions, start=2):
            put(ws, row, {"A": id_, "B": question})
            items.append(
                ExpectedItem(
                    name, row, question, ref(name, "C", row), id_,
                    comment_cell=ref(name, "D", row),
                    allowed_answers=YES_NO_NA, allowed_answers_source="validation",
                )
            )
        list_validation(ws, YES_NO_NA, f"C2:C{len(questions) + 1}")
        sheets.append(ExpectedSheet(name, "questionnaire", 1, std_columns("A", "B", "C", "D")))
    return Layout("05-several-tabs", save(wb, folder, "several-tabs.xlsx"), "xlsx", sheets, items)


def unnamed_cover_and_legend(folder: Path) -> Layout:
    """Like layout 5, but the cover and the instructions sheets have names that don't say what they
    are ("Overview", "Key"), so they must be passed over for what they hold: form fields and
    numbered instructions, and a two-column legend of answers and their meaning."""
    wb = Workbook()
    overview = wb.active
    overview.title = "Overview"
    overview["A1"] = "Supplier Assurance Questionnaire"
    overview["A1"].font = TITLE_FONT
    for row, label in enumerate(["Supplier name:", "Contact e-mail:", "Services provided:", "Date:"], start=3):
        overview.cell(row=row, column=1, value=label).font = BOLD
    overview["A9"] = "1. Complete the Controls tab; every question needs an answer."
    overview["A10"] = "2. Where the answer is No, describe any compensating control in the Comments column."
    overview["A11"] = "3. Send the completed file back to your procurement contact; do not convert it to PDF."
    widths(overview, A=30, B=50)

    key = wb.create_sheet("Key")
    key["A1"] = "Answer"
    key["B1"] = "What it means"
    key["A1"].font = key["B1"].font = BOLD
    legend = [
        ("Yes", "The control is fully implemented across the whole service."),
        ("Partial", "The control is implemented for some systems or locations only; explain which."),
        ("No", "The control is not implemented; describe any compensating controls."),
        ("N/A", "The control does not apply to the service; explain why."),
    ]
    for row, (answer, meaning) in enumerate(legend, start=2):
        key.cell(row=row, column=1, value=answer)
        key.cell(row=row, column=2, value=meaning)
    widths(key, A=12, B=70)

    sheet = "Controls"
    ws = wb.create_sheet(sheet)
    header(ws, 1, ["ID", "Question", "Answer", "Comments"])
    widths(ws, A=8, B=70, C=12, D=40)
    allowed = ["Yes", "Partial", "No", "N/A"]
    questions = [
        ("C-01", "Is a vulnerability management policy in place and approved?"),
        ("C-02", "Are critical vulnerabilities remediated within 14 days?"),
        ("C-03", "The supplier scans its external perimeter for vulnerabilities at least weekly."),
        ("C-04", "Are the results of vulnerability scans reported to management?"),
    ]
    items = []
    for row, (id_, question) in enumerate(questions, start=2):
        put(ws, row, {"A": id_, "B": question})
        items.append(
            ExpectedItem(
                sheet, row, question, ref(sheet, "C", row), id_,
                comment_cell=ref(sheet, "D", row),
                allowed_answers=allowed, allowed_answers_source="validation",
            )
        )
    list_validation(ws, allowed, "C2:C5")
    sheets = [
        ExpectedSheet("Overview", "ignored"),
        ExpectedSheet("Key", "ignored"),
        ExpectedSheet(sheet, "questionnaire", 1, std_columns("A", "B", "C", "D")),
    ]
    return Layout("05b-unnamed-cover-and-legend", save(wb, folder, "unnamed-cover-and-legend.xlsx"), "xlsx", sheets, items)


# --- 6. ids merged over sub-question rows, sections in a merged column -----------------------------


def merged_ids_and_section_column(folder: Path) -> Layout:
    sheet = "Controls"
    wb = Workbook()
    ws = wb.active
    ws.title = sheet
    header(ws, 1, ["Domain", "Ref", "Sub", "Question", "Response", "Comments"])
    widths(ws, A=22, B=8, C=6, D=70, E=12, F=40)
    domains = [
        (
            "Identity and Access Management",
            [
                ("1.1", [
                    ("a", "Is multi-factor authentication enforced for remote access?"),
                    ("b", "Is multi-factor authentication enforced for administrative consoles?"),
                    ("c", "Is multi-factor authentication offered to the customer's end users?"),
                ]),
                ("1.2", [(None, "Are passwords stored using a salted, adaptive hashing algorithm?")]),
                ("1.3", [
                    ("a", "Are dormant accounts disabled after 90 days of inactivity?"),
                    ("b", "Are disabled accounts deleted after a further 90 days?"),
                ]),
            ],
        ),
        (
            "Data Protection",
            [
                ("2.1", [(None, "Is customer data encrypted at rest?")]),
                ("2.2", [
                    ("a", "Are encryption keys rotated at least annually?"),
                    ("b", "Are encryption keys separate for each customer?"),
                    ("c", "Can customers supply and manage their own keys?"),
                ]),
                ("2.3", [(None, "The vendor securely erases storage media before reuse.")]),
            ],
        ),
    ]
    allowed = ["Yes", "No", "Partial", "N/A"]
    items, row = [], 2
    for domain, refs in domains:
        domain_first = row
        for base, subs in refs:
            ref_first = row
            for sub, question in subs:
                put(ws, row, {"C": sub, "D": question})
                items.append(
                    ExpectedItem(
                        sheet, row, question, ref(sheet, "E", row), SubId(base, sub) if sub else base, [domain],
                        comment_cell=ref(sheet, "F", row),
                        allowed_answers=allowed, allowed_answers_source="validation",
                    )
                )
                row += 1
            ws.cell(row=ref_first, column=2, value=base).alignment = Alignment(vertical="top")
            if row - 1 > ref_first:
                ws.merge_cells(f"B{ref_first}:B{row - 1}")
        ws.cell(row=domain_first, column=1, value=domain).alignment = Alignment(vertical="top", wrap_text=True)
        ws.merge_cells(f"A{domain_first}:A{row - 1}")
    list_validation(ws, allowed, f"E2:E{row - 1}")
    columns = {"A": "section", "D": "question", "E": "answer", "F": "comment"}
    return Layout(
        "06-merged-ids-and-section-column",
        save(wb, folder, "merged-ids-and-section-column.xlsx"),
        "xlsx",
        [ExpectedSheet(sheet, "questionnaire", 1, columns)],
        items,
    )


# --- 7. continuation rows and a wrapped line inside a cell ----------------------------------------


def continuation_rows(folder: Path) -> Layout:
    sheet = "Assessment"
    wb = Workbook()
    ws = wb.active
    ws.title = sheet
    header(ws, 1, ["ID", "Question", "Answer", "Comments"])
    widths(ws, A=8, B=90, C=12, D=40)
    # (row, id, text of this row); a row without id continues the question above it.
    rows = [
        (2, "AC-01", "Do you enforce unique user IDs for all personnel?"),
        (3, "AC-02", "Are access rights to production systems reviewed at least quarterly by the system owner and"),
        (4, None, "revoked within 24 hours of an employee leaving?"),
        (5, "AC-03", "Do you encrypt customer data at rest\nusing AES-256 or a stronger algorithm?"),
        (6, "AC-04", "The vendor maintains an inventory of privileged accounts."),
        (7, "AC-05", "Are security incidents affecting customer data reported to the customer within 72 hours, including"),
        (8, None, "the nature of the incident, the data affected and the remediation steps taken?"),
    ]
    items, answer_cells, skipped = [], [], {}
    for row, id_, text in rows:
        put(ws, row, {"A": id_, "B": text})
        ws[f"B{row}"].alignment = WRAP
        if id_ is None:
            items[-1].question += " " + text
            skipped[row] = "continuation"
            continue
        answer_cells.append(f"C{row}")
        items.append(
            ExpectedItem(
                sheet, row, text, ref(sheet, "C", row), id_,
                comment_cell=ref(sheet, "D", row),
                allowed_answers=YES_NO_NA, allowed_answers_source="validation",
            )
        )
    list_validation(ws, YES_NO_NA, *answer_cells)
    return Layout(
        "07-continuation-rows",
        save(wb, folder, "continuation-rows.xlsx"),
        "xlsx",
        [ExpectedSheet(sheet, "questionnaire", 1, std_columns("A", "B", "C", "D"), skipped)],
        items,
    )


# --- 8. free-text answers, no id column ------------------------------------------------------------


def free_text_answers(folder: Path) -> Layout:
    sheet = "Due Diligence"
    wb = Workbook()
    ws = wb.active
    ws.title = sheet
    header(ws, 1, ["Question", "Vendor Response", "Notes"])
    widths(ws, A=70, B=60, C=30)
    questions = [
        "Describe your process for onboarding a new customer securely.",
        "Provide the locations of all data centres used to deliver the service.",
        "List the third-party security certifications your organisation currently holds.",
        "Explain how customer data is segregated in your multi-tenant environment.",
        "Do you hold cyber insurance? If so, state the amount of cover.",
        "Provide contact details for your security team.",
    ]
    items = []
    for row, question in enumerate(questions, start=2):
        put(ws, row, {"A": question})
        items.append(ExpectedItem(sheet, row, question, ref(sheet, "B", row), None, comment_cell=ref(sheet, "C", row)))
    return Layout(
        "08-free-text-answers",
        save(wb, folder, "free-text-answers.xlsx"),
        "xlsx",
        [ExpectedSheet(sheet, "questionnaire", 1, std_columns(None, "A", "B", "C"))],
        items,
    )


# --- 9. a different drop-down on every row ---------------------------------------------------------


def per_row_dropdowns(folder: Path) -> Layout:
    sheet = "Maturity"
    wb = Workbook()
    ws = wb.active
    ws.title = sheet
    header(ws, 1, ["ID", "Question", "Response", "Comments"])
    widths(ws, A=8, B=70, C=24, D=40)
    rows = [
        ("M-01", "What is the status of your security awareness programme?", ["Not started", "In progress", "Implemented"]),
        ("M-02", "How often are vulnerability scans run against internet-facing systems?",
         ["Never", "Annually", "Quarterly", "Monthly", "Weekly"]),
        ("M-03", "To what extent is your asset inventory automated?", ["None", "Partial", "Full"]),
        ("M-04", "Select the maturity level of your change management process.",
         ["Level 1", "Level 2", "Level 3", "Level 4", "Level 5"]),
        ("M-05", "Is a disaster recovery plan documented?", ["Yes", "No"]),
        ("M-06", "How are security logs reviewed?", ["Manually", "Semi-automated", "Fully automated (SIEM)"]),
    ]
    items = []
    for row, (id_, question, allowed) in enumerate(rows, start=2):
        put(ws, row, {"A": id_, "B": question})
        list_validation(ws, allowed, f"C{row}")
        items.append(
            ExpectedItem(
                sheet, row, question, ref(sheet, "C", row), id_,
                comment_cell=ref(sheet, "D", row),
                allowed_answers=allowed, allowed_answers_source="validation",
            )
        )
    return Layout(
        "09-per-row-dropdowns",
        save(wb, folder, "per-row-dropdowns.xlsx"),
        "xlsx",
        [ExpectedSheet(sheet, "questionnaire", 1, std_columns("A", "B", "C", "D"))],
        items,
    )


# --- 10. allowed answers written in the answer column's header -------------------------------------


def header_allowed_answers(folder: Path) -> Layout:
    wb = Workbook()
    tables = [
        (
            "Checklist",
            "Answer (Yes/No/N/A)",
            ["Yes", "No", "N/A"],
            [
                (1, "The vendor maintains a documented information security policy approved by management."),
                (2, "The vendor encrypts all customer data in transit over public networks."),
                (3, "The vendor performs background checks on staff with privileged access."),
                (4, "The vendor has a tested incident response plan."),
                (5, "The vendor retains audit logs for at least one year."),
            ],
        ),
        (
            "Checklist 2",
            "Response (Yes / No / Partially)",
            ["Yes", "No", "Partially"],
            [
                (6, "Software releases pass a security code review before deployment."),
                (7, "Open-source components are scanned for known vulnerabilities."),
                (8, "Secrets are kept out of source code repositories."),
                (9, "The vendor runs a bug bounty or vulnerability disclosure programme."),
            ],
        ),
    ]
    sheets, items = [], []
    for index, (name, answer_header, allowed, rows) in enumerate(tables):
        ws = wb.active if index == 0 else wb.create_sheet()
        ws.title = name
        header(ws, 1, ["#", "Requirement", answer_header, "Remarks"])
        widths(ws, A=6, B=70, C=20, D=40)
        for row, (number, requirement) in enumerate(rows, start=2):
            put(ws, row, {"A": number, "B": requirement})
            items.append(
                ExpectedItem(
                    name, row, requirement, ref(name, "C", row), str(number),
                    comment_cell=ref(name, "D", row),
                    allowed_answers=allowed, allowed_answers_source="header",
                )
            )
        sheets.append(ExpectedSheet(name, "questionnaire", 1, std_columns("A", "B", "C", "D")))
    return Layout("10-header-allowed-answers", save(wb, folder, "header-allowed-answers.xlsx"), "xlsx", sheets, items)


# --- 11. the header repeated before each section ---------------------------------------------------


def repeated_headers(folder: Path) -> Layout:
    sheet = "Questions"
    wb = Workbook()
    ws = wb.active
    ws.title = sheet
    ws["A1"] = "Cloud Service Security Assessment"
    ws["A1"].font = TITLE_FONT
    widths(ws, A=10, B=80, C=12, D=45)
    titles = ["ID", "Question", "Answer", "Additional Information"]
    groups = [
        (
            "Application Security",
            [
                ("APP-01", "Do you follow a secure software development lifecycle?"),
                ("APP-02", "Are web applications tested against the OWASP Top 10 before release?"),
                ("APP-03", "Is a web application firewall deployed in front of the service?"),
            ],
        ),
        (
            "Data Security",
            [
                ("DATA-01", "Is customer data encrypted in transit and at rest?"),
                ("DATA-02", "Are database backups tested by restoring them at least quarterly?"),
                ("DATA-03", "The vendor can delete a single customer's data on request."),
                ("DATA-04", "Is data loss prevention tooling used on employee endpoints?"),
            ],
        ),
        (
            "Network Security",
            [
                ("NET-01", "Are production networks separated from corporate networks by firewalls?"),
                ("NET-02", "Is intrusion detection or prevention in place on the production network?"),
                ("NET-03", "Are firewall rules reviewed at least every six months?"),
            ],
        ),
    ]
    items, skipped, answer_ranges, row = [], {}, [], 3
    for index, (title, questions) in enumerate(groups):
        section_row(ws, row, title, None)
        skipped[row] = "section"
        header(ws, row + 1, titles)
        if index > 0:
            skipped[row + 1] = "repeated-header"
        first = row + 2
        for offset, (id_, question) in enumerate(questions):
            r = first + offset
            put(ws, r, {"A": id_, "B": question})
            items.append(
                ExpectedItem(
                    sheet, r, question, ref(sheet, "C", r), id_, [title],
                    comment_cell=ref(sheet, "D", r),
                    allowed_answers=["Yes", "No"], allowed_answers_source="validation",
                )
            )
        last = first + len(questions) - 1
        answer_ranges.append(f"C{first}:C{last}")
        row = last + 2  # one blank row between groups
    list_validation(ws, ["Yes", "No"], *answer_ranges)
    return Layout(
        "11-repeated-headers",
        save(wb, folder, "repeated-headers.xlsx"),
        "xlsx",
        [ExpectedSheet(sheet, "questionnaire", 4, std_columns("A", "B", "C", "D"), skipped)],
        items,
    )


# --- 12. a table that stops at a marker row and resumes after blank rows ---------------------------


def marker_rows(folder: Path) -> Layout:
    sheet = "Assessment"
    wb = Workbook()
    ws = wb.active
    ws.title = sheet
    ws["A1"] = "Supplier Information Security Review"
    ws["A1"].font = TITLE_FONT
    header(ws, 2, ["ID", "Question", "Answer", "Comments", "Weight"])
    widths(ws, A=8, B=70, C=12, D=40, E=8)
    part_a = [
        (3, "A.1", "Is an information security officer appointed?", 2),
        (4, "A.2", "Are security policies reviewed annually?", 1),
        (5, "A.3", "Is security training mandatory for all staff?", 1),
        (6, "A.4", "The vendor keeps records of training completion.", 1),
    ]
    part_b = [
        (11, "B.1", "Are firewalls configured to deny all traffic by default?", 3),
        (12, "B.2", "Is remote access only possible through an encrypted VPN?", 2),
        (13, "B.3", "Is endpoint protection installed on all laptops?", 2),
        (14, "B.4", "Is the use of removable media restricted by technical controls?", 1),
    ]
    items = []
    for row, id_, question, weight in part_a + part_b:
        put(ws, row, {"A": id_, "B": question, "E": weight})
        items.append(
            ExpectedItem(
                sheet, row, question, ref(sheet, "C", row), id_,
                comment_cell=ref(sheet, "D", row),
                allowed_answers=YES_NO_NA, allowed_answers_source="validation",
            )
        )
    ws["B7"] = "End of Section A"
    ws["B7"].font = BOLD
    ws["B15"] = "Total"
    ws["B15"].font = BOLD
    ws["E15"] = "=SUM(E3:E14)"
    ws["A17"] = "Please return the completed questionnaire to security@example.com."
    list_validation(ws, YES_NO_NA, "C3:C6", "C11:C14")
    return Layout(
        "12-marker-rows",
        save(wb, folder, "marker-rows.xlsx"),
        "xlsx",
        [ExpectedSheet(sheet, "questionnaire", 2, std_columns("A", "B", "C", "D"), {7: "marker", 15: "marker", 17: ("marker", "instructions")})],
        items,
    )


# --- 13. a questionnaire already partly answered ---------------------------------------------------


def answered(folder: Path) -> Layout:
    sheet = "Supplier's Answers"
    wb = Workbook()
    ws = wb.active
    ws.title = sheet
    header(ws, 1, ["ID", "Question", "Answer", "Comment"])
    widths(ws, A=8, B=70, C=12, D=50)
    rows = [
        ("S-01", "Is an information security policy in place?", "Yes", "Policy v4.2, approved January 2024."),
        ("S-02", "Are all laptops protected with full-disk encryption?", "Yes", None),
        ("S-03", "Is customer data ever stored outside the EU?", "No", "All processing takes place in Frankfurt and Dublin."),
        ("S-04", "Does the service support customer-managed encryption keys?", "N/A", "The service stores no customer content."),
        ("S-05", "Are penetration test reports shared with customers under NDA?", None, "To be confirmed by our legal team."),
        ("S-06", "The vendor maintains cyber insurance covering data breaches.", None, None),
    ]
    items = []
    for row, (id_, question, answer, comment) in enumerate(rows, start=2):
        put(ws, row, {"A": id_, "B": question, "C": answer, "D": comment})
        items.append(
            ExpectedItem(
                sheet, row, question, ref(sheet, "C", row), id_,
                comment_cell=ref(sheet, "D", row),
                allowed_answers=YES_NO_NA, allowed_answers_source="validation",
                existing_answer=answer, existing_comment=comment,
            )
        )
    list_validation(ws, YES_NO_NA, "C2:C7")
    return Layout(
        "13-answered",
        save(wb, folder, "answered.xlsx"),
        "xlsx",
        [ExpectedSheet(sheet, "questionnaire", 1, std_columns("A", "B", "C", "D"))],
        items,
    )


# --- 14. validations over whole columns and most of the sheet --------------------------------------


def huge_validation_ranges(folder: Path) -> Layout:
    sheet = "Questions"
    wb = Workbook()
    ws = wb.active
    ws.title = sheet
    header(ws, 1, ["ID", "Question", "Owner", "Priority", "Reference", "Answer", "Comments"])
    widths(ws, A=8, B=70, C=10, D=10, E=12, F=12, G=40)
    rows = [
        ("R-01", "Is there a documented patch management procedure?", "IT", "High", "CIS 7"),
        ("R-02", "Are vulnerability scans performed at least monthly?", "Security", "High", "CIS 7"),
        ("R-03", "Is anti-malware software installed on all servers?", "IT", "Medium", "CIS 10"),
        ("R-04", "The vendor monitors public sources for leaked employee credentials.", "Security", "Low", "CIS 16"),
        ("R-05", "Are end-of-life systems isolated from the production network?", "IT", "Medium", "CIS 12"),
    ]
    items = []
    for row, (id_, question, owner, priority, reference) in enumerate(rows, start=2):
        put(ws, row, {"A": id_, "B": question, "C": owner, "D": priority, "E": reference})
        items.append(
            ExpectedItem(
                sheet, row, question, ref(sheet, "F", row), id_,
                comment_cell=ref(sheet, "G", row),
                allowed_answers=YES_NO_NA, allowed_answers_source="validation",
            )
        )
    list_validation(ws, YES_NO_NA, "F1:F1048576")
    list_validation(ws, ["Low", "Medium", "High"], "N1:XFD1048576")
    return Layout(
        "14-huge-validation-ranges",
        save(wb, folder, "huge-validation-ranges.xlsx"),
        "xlsx",
        [ExpectedSheet(sheet, "questionnaire", 1, std_columns("A", "B", "F", "G"))],
        items,
    )


# --- 16. the same small questionnaire as CSV in several dialects -----------------------------------

CSV_TITLE = "Supplier Security Questionnaire"
CSV_HEADER = ["ID", "Question", "Answer", "Comments"]
#: Rows 4..8 (row 1 title, row 2 blank, row 3 header). Fields hold every delimiter tried here, a
#: newline and doubled quotes; é, ü and € are in Windows-1252 too.
CSV_ROWS = [
    ["SEC-01", "Do you encrypt customer data at rest, and in transit; if so, with which algorithms?", "Yes",
     "AES-256 at rest; TLS 1.2+ in transit"],
    ["SEC-02", "Describe your backup process:\nfrequency, retention and how restores are tested.", "", ""],
    ["SEC-03", "The vendor maintains a register of sub-processors (e.g. Café Müller GmbH) and notifies customers of changes.",
     "No", "Updated quarterly | next review in Q3"],
    ["SEC-04", "Provide the annual security budget in € and the number of dedicated staff.", "", ""],
    ["SEC-05", 'Is the "admin" account renamed or disabled on delivery?', "Yes", 'Renamed to "svc-root";\tdisabled for logins'],
]


@dataclass(frozen=True)
class CSVDialect:
    name: str
    delimiter: str
    #: Codec for writing; "utf-8-sig" and "utf-16" write a byte order mark (utf-16 little-endian here).
    encoding: str
    line_end: str


CSV_DIALECTS = [
    CSVDialect("comma-utf8-crlf", ",", "utf-8", "\r\n"),
    CSVDialect("semicolon-utf8-bom-lf", ";", "utf-8-sig", "\n"),
    CSVDialect("tab-utf16le-bom-crlf", "\t", "utf-16-le-bom", "\r\n"),
    CSVDialect("pipe-utf8-lf", "|", "utf-8", "\n"),
    CSVDialect("comma-windows1252-crlf", ",", "cp1252", "\r\n"),
    CSVDialect("semicolon-windows1252-crlf", ";", "cp1252", "\r\n"),
]


def csv_text(dialect: CSVDialect) -> str:
    out = io.StringIO(newline="")
    writer = csv.writer(out, delimiter=dialect.delimiter, lineterminator=dialect.line_end, quoting=csv.QUOTE_MINIMAL)
    writer.writerow([CSV_TITLE])
    writer.writerow([])
    writer.writerow(CSV_HEADER)
    for record in CSV_ROWS:
        writer.writerow(record)
    return out.getvalue()


def csv_bytes(dialect: CSVDialect) -> bytes:
    text = csv_text(dialect)
    if dialect.encoding == "utf-16-le-bom":
        return codecs.BOM_UTF16_LE + text.encode("utf-16-le")
    return text.encode(dialect.encoding)


def csv_read_encoding(dialect: CSVDialect) -> str:
    return {"utf-16-le-bom": "utf-16", "utf-8-sig": "utf-8-sig"}.get(dialect.encoding, dialect.encoding)


def csv_questionnaire(dialect: CSVDialect) -> Callable[[Path], Layout]:
    def build(folder: Path) -> Layout:
        path = folder / f"questionnaire-{dialect.name}.csv"
        path.write_bytes(csv_bytes(dialect))
        items = []
        for row, (id_, question, answer, comment) in enumerate(CSV_ROWS, start=4):
            items.append(
                ExpectedItem(
                    "", row, question, f"$C${row}", id_,
                    comment_cell=f"$D${row}",
                    existing_answer=answer or None, existing_comment=comment or None,
                )
            )
        return Layout(
            f"16-csv-{dialect.name}",
            path,
            "csv",
            [ExpectedSheet("", "questionnaire", 3, std_columns("A", "B", "C", "D"))],
            items,
            csv=True,
            encoding=csv_read_encoding(dialect),
            delimiter=dialect.delimiter,
        )

    build.__name__ = f"csv_{dialect.name.replace('-', '_')}"
    return build


# --- 17. ambiguous layouts read with column and row options ----------------------------------------


def override_bilingual(folder: Path) -> Layout:
    """Two long-text question columns (English and German); the options pick the German one."""
    sheet = "Fragebogen"
    wb = Workbook()
    ws = wb.active
    ws.title = sheet
    header(ws, 1, ["Nr.", "Question (EN)", "Frage (DE)", "Answer / Antwort", "Comment / Kommentar"])
    widths(ws, A=6, B=60, C=60, D=30, E=30)
    rows = [
        (1, "Is access to customer data logged?", "Wird der Zugriff auf Kundendaten protokolliert?"),
        (2, "Describe how long logs are retained and where they are stored.",
         "Beschreiben Sie, wie lange Protokolle aufbewahrt und wo sie gespeichert werden."),
        (3, "Are the activities of administrators reviewed regularly?",
         "Werden die Aktivitäten von Administratoren regelmäßig überprüft?"),
        (4, "Provide the name of your data protection officer.", "Nennen Sie den Namen Ihres Datenschutzbeauftragten."),
    ]
    items = []
    for row, (number, english, german) in enumerate(rows, start=2):
        put(ws, row, {"A": number, "B": english, "C": german})
        items.append(
            ExpectedItem(sheet, row, german, ref(sheet, "D", row), str(number), comment_cell=ref(sheet, "E", row), guidance=ANY)
        )
    return Layout(
        "17a-override-bilingual",
        save(wb, folder, "override-bilingual.xlsx"),
        "xlsx",
        [ExpectedSheet(sheet, "questionnaire", 1, std_columns("A", "C", "D", "E"))],
        items,
        args=["--question-column", "C", "--answer-column", "D", "--comment-column", "E", "--id-column", "A"],
    )


def override_two_tier_header(folder: Path) -> Layout:
    """A second round of questions under a two-tier header, with a long `Context` column and two
    drop-down columns (the supplier's answer and the assessor's rating); the options name the sheet,
    the header row and every column."""
    wb = Workbook()
    first = wb.active
    first.title = "Round 1"
    header(first, 1, ["Ref", "Question", "Answer", "Comment"])
    for row, (id_, question) in enumerate(
        [
            ("R1-01", "Is there an information security policy?"),
            ("R1-02", "Are staff trained in security awareness every year?"),
        ],
        start=2,
    ):
        put(first, row, {"A": id_, "B": question})
    list_validation(first, ["Yes", "No"], "C2:C3")

    sheet = "Round 2"
    ws = wb.create_sheet(sheet)
    ws["A1"] = "Follow-up questions"
    ws["A1"].font = TITLE_FONT
    ws["D3"] = "Supplier"
    ws["F3"] = "Assessor"
    ws.merge_cells("D3:E3")
    ws.merge_cells("F3:G3")
    ws["D3"].font = ws["F3"].font = BOLD
    header(ws, 4, ["Ref", "Question", "Context", "Answer", "Comment", "Rating", "Assessor Notes"])
    widths(ws, A=8, B=50, C=60, D=12, E=30, F=14, G=30)
    rows = [
        ("FU-01", "Is the incident response plan tested?",
         "In round 1 you described an incident response plan but did not say whether it has ever been exercised; "
         "a tabletop exercise counts as a test."),
        ("FU-02", "Are backups kept offline?",
         "Round 1 answers mention cloud snapshots only; we need to know whether a copy is kept that ransomware "
         "could not reach."),
        ("FU-03", "Is the penetration test scope the whole service?",
         "The summary you sent covers the customer portal; please confirm whether the public API and the mobile "
         "applications were also in scope."),
        ("FU-04", "Is MFA enforced for all staff?",
         "Your answer on remote access covered VPN users only; this question is about every employee and "
         "contractor signing in to corporate systems."),
    ]
    items = []
    for row, (id_, question, context) in enumerate(rows, start=5):
        put(ws, row, {"A": id_, "B": question, "C": context})
        items.append(
            ExpectedItem(
                sheet, row, question, ref(sheet, "D", row), id_,
                comment_cell=ref(sheet, "E", row), guidance=ANY,
                allowed_answers=["Yes", "No"], allowed_answers_source="validation",
            )
        )
    list_validation(ws, ["Yes", "No"], "D5:D8")
    list_validation(ws, ["Accepted", "Rejected", "Follow-up"], "F5:F8")
    return Layout(
        "17b-override-two-tier-header",
        save(wb, folder, "override-two-tier-header.xlsx"),
        "xlsx",
        [ExpectedSheet(sheet, "questionnaire", 4, std_columns("A", "B", "D", "E"))],
        items,
        args=[
            "--sheet", sheet, "--header-row", "4", "--question-column", "B", "--answer-column", "D",
            "--comment-column", "E", "--id-column", "A",
        ],
        only_sheet=sheet,
    )


# --- the registry ----------------------------------------------------------------------------------

LAYOUTS: dict[str, Callable[[Path], Layout]] = {
    "01-title-block": title_block,
    "02-merged-section-rows": merged_section_rows,
    "02b-nested-section-rows": nested_section_rows,
    "03-answer-far-right": answer_far_right,
    "04-hidden-lists-sheet": hidden_lists_sheet,
    "05-several-tabs": several_tabs,
    "05b-unnamed-cover-and-legend": unnamed_cover_and_legend,
    "06-merged-ids-and-section-column": merged_ids_and_section_column,
    "07-continuation-rows": continuation_rows,
    "08-free-text-answers": free_text_answers,
    "09-per-row-dropdowns": per_row_dropdowns,
    "10-header-allowed-answers": header_allowed_answers,
    "11-repeated-headers": repeated_headers,
    "12-marker-rows": marker_rows,
    "13-answered": answered,
    "14-huge-validation-ranges": huge_validation_ranges,
    **{f"16-csv-{d.name}": csv_questionnaire(d) for d in CSV_DIALECTS},
    "17a-override-bilingual": override_bilingual,
    "17b-override-two-tier-header": override_two_tier_header,
}
