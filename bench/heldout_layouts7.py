#!/usr/bin/env python3
"""Seventh held-out set of synthetic questionnaires for `bench/layout_bench.py`.

Written on 2026-12-07 by a helper that did not see the detector's code, its tests, its
documentation or the builders of the earlier held-out sets. It saw only the types and small helpers
at the top of Tests/oracle/questionnaire_layouts.py (up to the first builder), the docstring, style
helpers and self-check machinery of bench/heldout_layouts.py, bench/heldout_layouts4.py,
bench/heldout_layouts5.py and bench/heldout_layouts6.py (whose style and checking helpers this file
imports), the module docstrings of bench/heldout_layouts2.py and bench/heldout_layouts3.py, the
docstring of bench/layout_bench.py, and a listing of the top-level names of these files. Nothing is
copied from a real template: every sheet, heading and question was written for this set. The eight
files cover layouts the earlier sets do not:

- domain_tabs_applicability_column: a "Start Here" cover and then one small sheet per domain (five),
  each with its own header row at a different row (2 to 6) and not quite the same columns (one
  table starts in column B, one has "Notes" and "Evidence"); on the workforce sheet an
  "Applicable (Y/N)" column with its own Y/N drop-down stands BEFORE the "Response" column;
- question_as_answer_heading: a UTF-8 CSV of requirements written as statements ("The supplier
  shall ..."), the question column headed "Control Requirement" and the answer column headed by a
  question, "Do you comply? (Yes/No)", with section records and a "Source Standard" column;
- numbered_dropdown_choices: drop-down values that carry a code ("1 - Yes", "2 - No", "3 - Not
  Applicable"; and a second, numbered frequency list "1 - Continuously" ... "5 - Not performed" on
  some rows), a legend of the codes above the header, and existing answers chosen from the lists;
- category_merged_ids_restart: a "Category" column merged vertically over each category's rows and
  a "#" column whose numbers restart at 1 in every category, so the ids 1, 2, 3 ... repeat;
- two_question_blocks_per_row: a one-page checklist printed in two blocks side by side: questions
  1-8 in A-C (No. / Question / Reply) and 9-16 in E-G, a blank spacer column between them;
- hidden_sheet_behind_cover: a workbook whose only visible sheet is a "Welcome" cover naming the
  questionnaire tab, which is hidden (state "hidden"); the drop-down list lives on a very hidden
  "ddLists" sheet;
- autofilter_left_applied: a questionnaire sent with the customer's AutoFilter still applied on an
  internal "Internal Reviewer" column, so the rows of the other reviewer are hidden by the filter;
- guidance_line_below_question: helper text written on the row directly BELOW some of the
  questions, merged across the question, response and comment columns, in small grey italics.

Expectations follow the conventions stated in bench/heldout_layouts.py, bench/heldout_layouts4.py,
bench/heldout_layouts5.py and bench/heldout_layouts6.py:

- an item is a row holding a question (or a requirement to respond to) whose answer goes in a
  cell; titles, cover sheets, instructions, legends, section rows, repeated headers, guidance lines
  and totals are not items;
- ids are the questionnaire's own, as displayed (a number 3 is "3");
- answer, comment and evidence cells are absolute references on the item's row; allowed answers
  are the drop-down's values in order ("validation") or the choices written in the answer column's
  header ("header"); free text has [] and source None;
- `question` is the cell's text with whitespace collapsed (`collapse`);
- `section` is the path of plain section heading rows (or, in a CSV, section records), outermost
  first, [] where the sheet has none, and ANY where the grouping is a column (a merged category
  column, a domain column);
- `guidance` is the guidance column's text where the sheet has one, None where it has none.

Conventions this set had to decide (each layout's `note` repeats its own):

- one sheet per domain: each domain sheet is a questionnaire sheet with its own header row; the
  cover is ignored; a domain sheet has no section rows, so its items' section is [] (the sheet name
  is not a section). An "Applicable (Y/N)" column with its own Y/N drop-down before the answer
  column is a supplementary field, not the answer: the answer is "Response" (its drop-down gives
  the allowed answers), and the applicability column has no role;
- an answer column headed by a question ("Do you comply? (Yes/No)") is the answer column; the
  choices in its parentheses are the allowed answers, source "header" (in a CSV as in a workbook);
  a "Control Requirement" column of statements is the question column and each statement an item;
- drop-down values that carry a code are taken exactly as written, code included: "1 - Yes", not
  "Yes" or "1"; an existing answer is the cell's value ("2 - No");
- ids that restart at 1 in each category are still the questionnaire's own ids, as displayed: the
  first question of every category has id "1", so ids repeat on the sheet (the item is told apart by
  its row; its category is the merged cell beside it, a grouping column, so `section` is ANY); the
  category is NOT folded into the id;
- two question blocks side by side on one page give TWO items per row, left block first: each has
  its own block's id, question and reply cell. Items are listed in row order, left then right, so
  the ids run 1, 9, 2, 10, ...; the blank spacer column has no role. This is a plausible print
  layout (a checklist fitted to one landscape page), so it is kept;
- a hidden questionnaire sheet is still the questionnaire when the workbook's visible sheets hold
  no questions and the cover tells the vendor to answer on that tab: its items are expected as on a
  visible sheet; the very hidden sheet of drop-down values is ignored (its values still give the
  allowed answers);
- rows hidden only by an AutoFilter the customer left applied are items like the shown rows: a
  filter on an internal reviewer column is a view, not a withdrawal (unlike the third set's hidden
  retired row, these rows are not struck, greyed or marked withdrawn); the "Internal Reviewer" and
  "Domain" columns have no role (the domain column is grouping, so `section` is ANY);
- a line of helper text on the row directly below a question, merged across the question,
  response and comment columns, in small grey italics and without an id, is that question's
  guidance (its text, collapsed); it is not an item; a question without such a line has guidance
  None.

Run `python bench/heldout_layouts7.py` to write every file into a temporary folder and check, with
openpyxl and the csv module alone (the checks of bench/heldout_layouts.py, bench/heldout_layouts4.py,
bench/heldout_layouts5.py and bench/heldout_layouts6.py, imported, plus one check per layout of the
feature it exercises), that the expectations describe the files, that deliberate mistakes (the
imported ones: an answer column shifted either way, a dropped item, an item off by one row; and one
per layout aimed at its feature) are caught, and that no sheet name or question repeats (or nearly
repeats) one of the tuned layouts or of the six earlier held-out sets.

Where the imported checks cannot see a feature, this file says so and checks it itself: they hold
one answer column per sheet, so the two-block sheet is shown to them once per block; they look for
guidance among the item row's cells, so the guidance-line layout is shown to them with guidance
None and `_feature_guidance_lines` checks the line below; their complaints that a sheet is hidden
(hidden_sheet_behind_cover) or a row is hidden (autofilter_left_applied) are replaced by the
feature checks of those layouts; their "a CSV has no drop-downs" complaint about header choices in
a CSV is replaced by a check that the header names them; and the "id on two rows" check is
skipped for the layout whose ids restart per category, whose feature check verifies the
restart instead.

From bench/heldout_layouts6.py this file imports, rather than copies, the self-check machinery the
two sets share: `_run_set`, the runner behind `self_check` (it builds every file, runs
`check_layout` on each layout and on its deliberate mistakes, checks each layout's name, format,
note and 12-18 items, compares the questions with the tuned layouts and the six earlier sets, set
6's HELDOUT6_LAYOUTS given as the later set, and prints the lines); the three parts of
`check_layout`: `_imported_problems` (the imported checks' complaints, less those replaced here),
`_feature_problems` (catching FEATURE_ERRORS and, here, StopIteration) and `_order_problems` (items
per row, sheet and row order, an id on two rows); `_per_product`, which with this file's
`_block_roles` splits the two-block sheet into one view per block; and the small helpers
`_letters`, `_role` and `_rows_of`.
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
from openpyxl.styles import Alignment, Font  # noqa: E402
from openpyxl.utils.cell import column_index_from_string  # noqa: E402

from heldout_layouts import _validations_over, collapse, split_ref  # noqa: E402
from heldout_layouts4 import (  # noqa: E402
    DECOYS,
    WRAP,
    YES_NO_NA,
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
from heldout_layouts5 import _excused  # noqa: E402
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
from questionnaire_layouts import (  # noqa: E402
    ANY,
    ExpectedSheet,
    Layout,
    list_validation,
    ref,
)

# --- this set's few extra looks and lists ---------------------------------------------------------

GUIDE_FONT = Font(name="Verdana", italic=True, size=8, color="7F7F7F")
YES_NO = ["Yes", "No"]
Y_N = ["Y", "N"]
CODED_YES = ["1 - Yes", "2 - No", "3 - Not Applicable"]
CODED_FREQUENCY = ["1 - Continuously", "2 - Monthly", "3 - Quarterly", "4 - Annually", "5 - Not performed"]
BASELINE_CHOICES = ["Yes", "No", "Partially", "N/A"]
PICKLIST = ["Yes", "No", "Partial", "Not Applicable"]


# --- 1. one sheet per domain, header rows at different rows, an applicability column ----------------

#: sheet -> (header row, {letter: heading}, roles, [(id, question, free text?)])
DOMAIN_TABS: list[tuple[str, int, dict[str, str], dict[str, str], list[tuple[str, str, bool]]]] = [
    (
        "D1 Governance", 4,
        {"A": "Ref", "B": "Question", "C": "Response", "D": "Comments"},
        {"A": "id", "B": "question", "C": "answer", "D": "comment"},
        [
            ("GV-01", "Has your board or an executive committee formally approved the information security policy "
                      "within the past year?", False),
            ("GV-02", "Is a named executive accountable for security risk decisions across the company?", False),
            ("GV-03", "Do you keep a risk register that records the owner and treatment plan for each security risk?", False),
        ],
    ),
    (
        "D2 Workforce", 6,
        {"A": "Ref", "B": "Question", "C": "Applicable (Y/N)", "D": "Response", "E": "Comments"},
        {"A": "id", "B": "question", "D": "answer", "E": "comment"},
        [
            ("WF-01", "Are contractors with access to customer data bound by the same confidentiality terms as "
                      "employees?", False),
            ("WF-02", "Do staff complete a phishing simulation at least twice a year?", False),
            ("WF-03", "Is access revoked on the contractor's last working day when an engagement ends early?", False),
        ],
    ),
    (
        "D3 Hosting", 3,
        {"A": "ID", "B": "Question", "C": "Response", "D": "Notes", "E": "Evidence"},
        {"A": "id", "B": "question", "C": "answer", "D": "comment", "E": "evidence"},
        [
            ("HS-01", "Which cloud regions host production copies of our data?", True),
            ("HS-02", "Are hypervisor and host operating system patches applied within the timeframes set by your "
                      "vulnerability policy?", False),
            ("HS-03", "Is inbound administrative access to servers restricted to a bastion or privileged access "
                      "gateway?", False),
        ],
    ),
    (
        "D4 Software", 5,
        {"B": "Ref", "C": "Question", "D": "Response", "E": "Comments"},
        {"B": "id", "C": "question", "D": "answer", "E": "comment"},
        [
            ("SW-01", "Do developers receive secure-coding training tailored to the languages they use?", False),
            ("SW-02", "Are third-party libraries scanned for known vulnerabilities before each release?", False),
            ("SW-03", "Is production code deployed only through a pipeline that enforces peer review?", False),
        ],
    ),
    (
        "D5 Continuity", 2,
        {"A": "No.", "B": "Question", "C": "Response", "D": "Comments"},
        {"A": "id", "B": "question", "C": "answer", "D": "comment"},
        [
            ("BC-01", "When did you last restore a full production backup in a test, and did it meet the recovery "
                      "time objective?", True),
            ("BC-02", "Are backups stored in a location that an attacker with domain-administrator rights could not "
                      "delete?", False),
            ("BC-03", "Do you notify customers of a service-affecting outage within a contractual timeframe?", False),
        ],
    ),
]
APPLICABLE_SHEET = "D2 Workforce"


def domain_tabs_applicability_column(folder: Path) -> Layout:
    wb = Workbook()
    cover = wb.active
    cover.title = "Start Here"
    caption(cover, "A1", "Annual Supplier Security Review")
    small_print(cover, "A3", "Each tab covers one domain. Answer every question on the five domain tabs; use "
                             "the comments column to qualify an answer.", "A3:F4")
    small_print(cover, "A6", "Return the completed workbook to your account manager within fifteen working days.")
    col_widths(cover, A=90)
    sheets = [ExpectedSheet("Start Here", "ignored")]
    items = []
    for name, header, headings, roles, rows in DOMAIN_TABS:
        ws = wb.create_sheet(name)
        caption(ws, "A1", f"{name[3:]} questions")
        for line in range(2, header):
            small_print(ws, f"A{line}", [
                "Select a response from the list in each response cell.",
                "Where a control is provided by a parent company, say so in the comments.",
                "Mark 'Applicable' N where the activity is not performed for our contract.",
                "Questions marked with an asterisk need supporting documents.",
            ][line - 2])
        heading_row(ws, header, headings, paint="slate")
        by_role = {role: letter for letter, role in roles.items()}
        letters = "".join(headings)
        answer = by_role["answer"]
        for offset, (id_, question, free) in enumerate(rows):
            row = header + 1 + offset
            body_row(ws, row, {by_role["id"]: id_, by_role["question"]: question}, letters)
            choices = [] if free else (YES_NO if name == APPLICABLE_SHEET else YES_NO_NA)
            if choices:
                list_validation(ws, choices, f"{answer}{row}")
            items.append(expect(name, row, question, answer, id_, comment=by_role.get("comment"),
                                evidence=by_role.get("evidence"), allowed=choices, section=[]))
        if name == APPLICABLE_SHEET:
            list_validation(ws, Y_N, f"C{header + 1}:C{header + len(rows)}")
        col_widths(ws, **{by_role["question"]: 64, by_role["id"]: 9, answer: 14})
        sheets.append(sheet_of(name, header, roles))
    path = store(wb, folder, "supplier-review-by-domain.xlsx")
    return Layout(
        name="domain_tabs_applicability_column",
        path=path,
        format="xlsx",
        sheets=sheets,
        items=items,
        note="One sheet per domain after a cover: each domain sheet is a questionnaire sheet with its own "
             "header row (rows 2 to 6) and columns; the cover is ignored; no section rows, so section []. "
             "On 'D2 Workforce' the 'Applicable (Y/N)' column (own Y/N drop-down) before 'Response' is a "
             "supplementary field with no role; the answer is 'Response' (Yes/No drop-down).",
    )


# --- 2. CSV: the answer column is headed by a question ------------------------------------------------

ATTESTATION_HEADER = ["Control No.", "Control Requirement", "Do you comply? (Yes/No)", "Comments / Justification",
                      "Source Standard"]
ATTESTATION: list[tuple[str, list[tuple[str, str, str]]]] = [
    ("Section 1 – Identity and Access", [
        ("1.1", "The supplier shall enforce phishing-resistant multi-factor authentication for all remote access "
                "to systems holding customer data.", "ISO 27001 A.8.5"),
        ("1.2", "The supplier shall review privileged accounts at least quarterly and remove those no longer "
                "required.", "ISO 27001 A.8.2"),
        ("1.3", "The supplier shall disable shared or generic user accounts, or log which individual used them "
                "each time.", "ISO 27001 A.5.16"),
        ("1.4", "The supplier shall lock an account after a defined number of consecutive failed sign-in "
                "attempts.", "NIST 800-53 AC-7"),
    ]),
    ("Section 2 – Data Protection", [
        ("2.1", "The supplier shall encrypt customer data at rest using AES-256 or an equivalent algorithm.",
         "ISO 27001 A.8.24"),
        ("2.2", "The supplier shall hold encryption keys in a hardware security module or a managed key service.",
         "NIST 800-53 SC-12"),
        ("2.3", "The supplier shall return or destroy customer data within 30 days of contract termination and "
                "certify it in writing.", "GDPR Art. 28(3)(g)"),
        ("2.4", "The supplier shall not process customer personal data outside the countries listed in the data "
                "processing agreement.", "GDPR Art. 44"),
        ("2.5", "The supplier shall classify customer information and label it according to that classification.",
         "ISO 27001 A.5.12"),
    ]),
    ("Section 3 – Operations", [
        ("3.1", "The supplier shall retain security event logs for at least twelve months, with ninety days "
                "immediately searchable.", "NIST 800-53 AU-11"),
        ("3.2", "The supplier shall scan internet-facing systems for vulnerabilities at least monthly.",
         "CIS Control 7"),
        ("3.3", "The supplier shall remediate critical vulnerabilities within fourteen days of discovery.",
         "CIS Control 7"),
        ("3.4", "The supplier shall report a confirmed security incident affecting the customer within 48 hours.",
         "ISO 27001 A.5.24"),
        ("3.5", "The supplier shall test its incident response plan through an exercise at least annually.",
         "NIST 800-53 IR-3"),
    ]),
]


def question_as_answer_heading(folder: Path) -> Layout:
    width = len(ATTESTATION_HEADER)
    blank = [""] * (width - 1)
    records = [
        ["Supplier Control Attestation – FY2027"] + blank,
        ["Answer every requirement Yes or No; explain any No and any compensating control in the comments."] + blank,
        ATTESTATION_HEADER,
    ]
    sheet = "control-attestation"
    items = []
    for section, rows in ATTESTATION:
        records.append([section] + blank)
        for id_, requirement, source in rows:
            records.append([id_, requirement, "", "", source])
            row = len(records)
            items.append(expect(sheet, row, requirement, "C", id_, comment="D", allowed=YES_NO, source="header",
                                section=[section]))
    records.append(["End of requirements"] + blank)
    path = folder / "control-attestation.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows(records)
    return Layout(
        name="question_as_answer_heading",
        path=path,
        format="csv",
        sheets=[sheet_of(sheet, 3, {"A": "id", "B": "question", "C": "answer", "D": "comment"})],
        items=items,
        csv=True,
        encoding="utf-8",
        delimiter=",",
        note="The answer column is headed by a question, 'Do you comply? (Yes/No)': it is the answer column and "
             "its choices are the allowed answers ['Yes', 'No'], source 'header'. 'Control Requirement' holds "
             "statements ('The supplier shall ...'), each an item. Section records give the section; "
             "'Source Standard' has no role.",
    )


# --- 3. drop-down values carrying a code ----------------------------------------------------------------

CODED: list[tuple[str, list[tuple[str, str, list[str], str | None, str | None]]]] = [
    ("A. Data Handling", [
        ("A1", "Do you keep an up-to-date inventory of where our data is stored, including backups?", CODED_YES, None, None),
        ("A2", "When several clients share one database, is every query scoped so that it cannot return another client's rows?", CODED_YES, None, None),
        ("A3", "How often do you verify that deletion requests have been carried out across all copies?",
         CODED_FREQUENCY, None, None),
        ("A4", "Are printouts containing customer data shredded or placed in locked confidential waste bins?",
         CODED_YES, "1 - Yes", None),
        ("A5", "Are removable media ports disabled on laptops used to handle our data?", CODED_YES, None, None),
    ]),
    ("B. Access Management", [
        ("B1", "Are user access rights to our environment approved by a line manager before they are granted?",
         CODED_YES, "2 - No", "Approved by the service desk lead today; manager approval is planned for Q3."),
        ("B2", "How often are dormant accounts identified and disabled?", CODED_FREQUENCY, None, None),
        ("B3", "Do administrators use separate accounts for privileged tasks and everyday work?", CODED_YES, None, None),
        ("B4", "Is single sign-on used for the internal tools that support our service?", CODED_YES, None, None),
        ("B5", "Are factory-set credentials on routers, printers and cameras replaced during installation?", CODED_YES,
         None, None),
    ]),
    ("C. Monitoring and Testing", [
        ("C1", "How often is a penetration test of the service carried out by an independent firm?", CODED_FREQUENCY,
         "4 - Annually", None),
        ("C2", "Are alerts from your monitoring tools reviewed by staff around the clock?", CODED_YES, None, None),
        ("C3", "Do you monitor for our data appearing on paste sites or criminal forums?", CODED_YES, None, None),
        ("C4", "How often are firewall rule sets reviewed for rules that are no longer needed?", CODED_FREQUENCY,
         None, None),
    ]),
]


def numbered_dropdown_choices(folder: Path) -> Layout:
    wb = Workbook()
    ws = wb.active
    ws.title = "Supplier Risk Review"
    caption(ws, "A1", "Third-Party Risk Review – Security and Privacy")
    small_print(ws, "A2", "Choose a response code from the list in each Response cell.", "A2:D2")
    small_print(ws, "A3", "Response codes: 1 = Yes, 2 = No, 3 = Not Applicable. Frequency questions use their own "
                          "codes (1 = Continuously to 5 = Not performed).", "A3:D3")
    heading_row(ws, 5, {"A": "Item #", "B": "Question", "C": "Response", "D": "Additional Information"}, paint="plum")
    yes_rows, frequency_rows = [], []
    items = []
    row = 5
    for section, rows in CODED:
        row += 1
        band_row(ws, row, section, "A", "D")
        for id_, question, choices, existing, remark in rows:
            row += 1
            body_row(ws, row, {"A": id_, "B": question, "C": existing, "D": remark}, "ABCD")
            (yes_rows if choices is CODED_YES else frequency_rows).append(f"C{row}")
            items.append(expect(ws.title, row, question, "C", id_, comment="D", allowed=choices, existing=existing,
                                existing_comment=remark, section=[section]))
    list_validation(ws, CODED_YES, *yes_rows)
    list_validation(ws, CODED_FREQUENCY, *frequency_rows)
    col_widths(ws, A=8, B=70, C=22, D=40)
    path = store(wb, folder, "third-party-risk-review.xlsx")
    return Layout(
        name="numbered_dropdown_choices",
        path=path,
        format="xlsx",
        sheets=[sheet_of(ws.title, 5, {"A": "id", "B": "question", "C": "answer", "D": "comment"})],
        items=items,
        note="Drop-down values carry a code ('1 - Yes', '2 - No', '3 - Not Applicable'; frequency rows "
             "'1 - Continuously' ... '5 - Not performed'): allowed answers are taken exactly as written, code "
             "included; existing answers are the cells' values ('2 - No'). The code legend above the header is "
             "not an item. Sections are the band rows.",
    )


# --- 4. merged category column, ids restarting at 1 -----------------------------------------------------

CATEGORIES: list[tuple[str, list[str]]] = [
    ("Physical Security", [
        "Is entry to your data centre or server room controlled by badge or biometric readers?",
        "Are visitors escorted at all times while in areas that hold customer systems?",
        "Is CCTV footage of secure areas kept for at least thirty days?",
        "Are delivery and loading areas separated from rooms holding IT equipment?",
    ]),
    ("Endpoint Security", [
        "Is full-disk encryption enforced on every company laptop?",
        "Can staff install software on their workstations without IT approval?",
        "Does every server and desktop report to a behavioural threat-detection agent that your team watches?",
        "Are lost or stolen devices wiped remotely once reported?",
    ]),
    ("Network Security", [
        "Is your corporate wireless network separated from the network that hosts production systems?",
        "Are outbound connections from production servers limited to an approved list of destinations?",
        "Do you use a web application firewall in front of customer-facing applications?",
        "Is remote access for staff provided only through a VPN or zero-trust access broker?",
    ]),
    ("Privacy", [
        "Is one named person formally responsible for signing off privacy decisions in your organisation?",
        "Do you keep a record of processing activities for the personal data you handle for us?",
        "Before our personal data is used for a new purpose, is the change assessed for its effect on individuals?",
    ]),
]


def category_merged_ids_restart(folder: Path) -> Layout:
    wb = Workbook()
    ws = wb.active
    ws.title = "Baseline Review"
    caption(ws, "A1", "Security Baseline Review")
    heading_row(ws, 3, {"A": "Category", "B": "#", "C": "Question", "D": "Answer", "E": "Remarks"}, paint="moss")
    items = []
    row = 3
    answer_rows = []
    for category, questions in CATEGORIES:
        first = row + 1
        for number, question in enumerate(questions, start=1):
            row += 1
            body_row(ws, row, {"A": category if number == 1 else None, "B": number, "C": question}, "ABCDE")
            answer_rows.append(f"D{row}")
            items.append(expect(ws.title, row, question, "D", str(number), comment="E", allowed=BASELINE_CHOICES))
        ws.merge_cells(f"A{first}:A{row}")
        ws[f"A{first}"].alignment = Alignment(vertical="center", horizontal="center", wrap_text=True)
    list_validation(ws, BASELINE_CHOICES, *answer_rows)
    col_widths(ws, A=18, B=5, C=70, D=14, E=36)
    path = store(wb, folder, "security-baseline-review.xlsx")
    return Layout(
        name="category_merged_ids_restart",
        path=path,
        format="xlsx",
        sheets=[sheet_of(ws.title, 3, {"B": "id", "C": "question", "D": "answer", "E": "comment"})],
        items=items,
        note="The 'Category' column is merged vertically over each category's rows and the '#' numbers restart at "
             "1 in every category. Ids are as displayed ('1', '2', ...), so they repeat on the sheet; the category "
             "is not folded into the id. The category column is grouping: section ANY.",
    )


# --- 5. two question blocks side by side -------------------------------------------------------------------

LEFT_BLOCK = [
    "Is your security policy published where every employee can read it?",
    "Do new hires sign an acceptable use agreement before getting system access?",
    "Is there a named person who handles security incidents out of hours?",
    "Are company laptops set to lock after fifteen minutes of inactivity?",
    "Do you use a password manager approved by your IT team?",
    "Are email attachments scanned for malware before delivery?",
    "Is access to the office restricted outside business hours?",
    "Are backups of your key systems taken at least daily?",
]
RIGHT_BLOCK = [
    "Do you check references for staff who will handle our data?",
    "Is customer data excluded from non-production environments?",
    "Do you run a vulnerability scan after every major infrastructure change?",
    "Is your domain's email protected with SPF, DKIM and DMARC?",
    "Are mobile phones that receive work email enrolled in device management?",
    "Do you review your suppliers' security at least once a year?",
    "Is there a documented procedure for reporting a lost laptop?",
    "Have you had a data breach that required regulator notification in the last three years?",
]


def two_question_blocks_per_row(folder: Path) -> Layout:
    wb = Workbook()
    ws = wb.active
    ws.title = "One-Page Checklist"
    caption(ws, "A1", "Small Supplier Security Checklist")
    small_print(ws, "A2", "Answer all sixteen questions: 1-8 on the left, 9-16 on the right. Pick Yes or No.", "A2:G2")
    heading_row(ws, 4, {"A": "No.", "B": "Question", "C": "Reply", "E": "No.", "F": "Question", "G": "Reply"},
                paint="rust")
    items = []
    for offset, (left, right) in enumerate(zip(LEFT_BLOCK, RIGHT_BLOCK)):
        row = 5 + offset
        left_id, right_id = offset + 1, offset + 1 + len(LEFT_BLOCK)
        body_row(ws, row, {"A": left_id, "B": left, "E": right_id, "F": right}, "ABCEFG")
        items.append(expect(ws.title, row, left, "C", str(left_id), allowed=YES_NO, section=[]))
        items.append(expect(ws.title, row, right, "G", str(right_id), allowed=YES_NO, section=[]))
    list_validation(ws, YES_NO, f"C5:C{4 + len(LEFT_BLOCK)}", f"G5:G{4 + len(RIGHT_BLOCK)}")
    col_widths(ws, A=5, B=48, C=9, D=3, E=5, F=48, G=9)
    ws.page_setup.orientation = "landscape"
    ws.page_setup.fitToWidth = 1
    path = store(wb, folder, "small-supplier-checklist.xlsx")
    return Layout(
        name="two_question_blocks_per_row",
        path=path,
        format="xlsx",
        sheets=[sheet_of(ws.title, 4, {"A": "id", "B": "question", "C": "answer",
                                       "E": "id", "F": "question", "G": "answer"})],
        items=items,
        note="A one-page checklist in two blocks: questions 1-8 in A-C and 9-16 in E-G on the same rows, a blank "
             "spacer column D. Two items per row, left block first (ids 1, 9, 2, 10, ...), each with its own "
             "block's id, question and Reply cell (Yes/No drop-down). The spacer has no role.",
    )


# --- 6. hidden questionnaire sheet behind a cover ---------------------------------------------------------

HIDDEN_QUESTIONS: list[tuple[str, list[tuple[str, str]]]] = [
    ("Secure Development", [
        ("SD-1", "Are threat models produced for new features that change how customer data flows?"),
        ("SD-2", "Is static code analysis run automatically on every merge request?"),
        ("SD-3", "Do commit hooks or scanners block tokens and private keys from being pushed to your git hosting?"),
        ("SD-4", "Do you commission an independent code review before major releases?"),
        ("SD-5", "Is there a documented process for external researchers to report vulnerabilities to you?"),
    ]),
    ("Third Parties", [
        ("TP-1", "Do you maintain a list of subprocessors that can access our data, and notify us of changes?"),
        ("TP-2", "Are your critical suppliers contractually required to report incidents to you promptly?"),
        ("TP-3", "Do you assess a new supplier's security before sharing any customer data with them?"),
        ("TP-4", "Can you flow down our audit rights to the subprocessors that host our data?"),
        ("TP-5", "Are supplier accounts on your systems reviewed and removed when contracts end?"),
    ]),
    ("Data Retention", [
        ("DR-1", "Is there a written schedule stating how long each category of customer record is retained?"),
        ("DR-2", "Are deleted records purged from backups when the backup retention period expires?"),
        ("DR-3", "Can you export all of our data in a machine-readable format on request?"),
        ("DR-4", "Are log files that contain personal data pseudonymised or minimised where possible?"),
    ]),
]
HIDDEN_SHEET = "Assessment Items"


def hidden_sheet_behind_cover(folder: Path) -> Layout:
    wb = Workbook()
    cover = wb.active
    cover.title = "Welcome"
    caption(cover, "A1", "Vendor Security Assessment Portal Export")
    small_print(cover, "A3", f"Please answer every question on the '{HIDDEN_SHEET}' tab. If you cannot see that tab, "
                             "right-click any tab, choose Unhide and select it.", "A3:H4")
    small_print(cover, "A6", "Questions about this assessment? Contact vendor-risk@example.com.")
    ws = wb.create_sheet(HIDDEN_SHEET)
    lists = wb.create_sheet("ddLists")
    lists["A1"] = "Responses"
    for index, value in enumerate(PICKLIST, start=2):
        lists[f"A{index}"] = value
    caption(ws, "A1", "Vendor Security Assessment")
    small_print(ws, "A2", "Select a response; give a document name or link under Evidence Reference.", "A2:E2")
    heading_row(ws, 4, {"A": "Question ID", "B": "Question", "C": "Response", "D": "Comments",
                        "E": "Evidence Reference"})
    items = []
    answer_rows = []
    row = 4
    for section, rows in HIDDEN_QUESTIONS:
        row += 1
        band_row(ws, row, section, "A", "E")
        for id_, question in rows:
            row += 1
            body_row(ws, row, {"A": id_, "B": question}, "ABCDE")
            answer_rows.append(f"C{row}")
            items.append(expect(HIDDEN_SHEET, row, question, "C", id_, comment="D", evidence="E", allowed=PICKLIST,
                                section=[section]))
    list_validation(ws, "ddLists!$A$2:$A$5", *answer_rows)
    col_widths(ws, A=12, B=70, C=16, D=36, E=28)
    ws.sheet_state = "hidden"
    lists.sheet_state = "veryHidden"
    wb.active = 0
    path = store(wb, folder, "vendor-assessment-export.xlsx")
    return Layout(
        name="hidden_sheet_behind_cover",
        path=path,
        format="xlsx",
        sheets=[
            ExpectedSheet("Welcome", "ignored"),
            sheet_of(HIDDEN_SHEET, 4, {"A": "id", "B": "question", "C": "answer", "D": "comment", "E": "evidence"}),
            ExpectedSheet("ddLists", "ignored"),
        ],
        items=items,
        note="The only visible sheet is a cover that tells the vendor to answer on the hidden 'Assessment Items' "
             "tab: that hidden sheet is still the questionnaire, its items expected as on a visible sheet. The "
             "very hidden 'ddLists' sheet is ignored; its values give the allowed answers (validation).",
    )


# --- 7. an AutoFilter left applied ---------------------------------------------------------------------------

FILTERED: list[tuple[str, str, str]] = [
    ("DD-01", "Identity", "Are passwords for service accounts rotated at least every ninety days or replaced by "
                          "managed identities?"),
    ("DD-02", "Identity", "Is conditional access used to block sign-ins from unmanaged devices?"),
    ("DD-03", "Identity", "Are access requests and approvals recorded in a ticketing system?"),
    ("DD-04", "Encryption", "Is TLS 1.2 or higher enforced on every public endpoint of the service?"),
    ("DD-05", "Encryption", "Are database backups encrypted with keys separate from the production keys?"),
    ("DD-06", "Encryption", "Do you prevent staff from emailing unencrypted customer files outside the company?"),
    ("DD-07", "Logging", "Are administrator actions in the cloud console logged to a store administrators cannot "
                         "alter?"),
    ("DD-08", "Logging", "Do you synchronise all system clocks to a trusted time source?"),
    ("DD-09", "Logging", "Are failed login spikes raised as alerts to your security team?"),
    ("DD-10", "Resilience", "Would the loss of a single hosting facility take the service we buy from you offline?"),
    ("DD-11", "Resilience", "Have you defined recovery point and recovery time objectives for the service you "
                            "provide us?"),
    ("DD-12", "Resilience", "Is there a tested plan for operating if your primary office becomes unavailable?"),
    ("DD-13", "Governance", "Does your internal audit function review security controls at least annually?"),
    ("DD-14", "Governance", "Are security exceptions time-limited and approved by a senior manager?"),
    ("DD-15", "Governance", "Does your insurance policy pay for notifying and compensating clients after a breach?"),
    ("DD-16", "Governance", "Are security responsibilities written into every job description that involves system "
                            "administration?"),
]
REVIEWERS = ["M. Okafor", "M. Okafor", "L. Brandt"]
SHOWN_REVIEWER = "M. Okafor"


def autofilter_left_applied(folder: Path) -> Layout:
    wb = Workbook()
    ws = wb.active
    ws.title = "Due Diligence Log"
    caption(ws, "A1", "Supplier Due Diligence – Information Security")
    small_print(ws, "A2", "Internal use: column F shows which of our reviewers will assess each answer.", "A2:F2")
    heading_row(ws, 3, {"A": "Ref", "B": "Domain", "C": "Question", "D": "Response", "E": "Comments",
                        "F": "Internal Reviewer"})
    items = []
    last = 3 + len(FILTERED)
    for offset, (id_, domain, question) in enumerate(FILTERED):
        row = 4 + offset
        reviewer = REVIEWERS[offset % len(REVIEWERS)]
        body_row(ws, row, {"A": id_, "B": domain, "C": question, "F": reviewer}, "ABCDEF")
        if reviewer != SHOWN_REVIEWER:
            ws.row_dimensions[row].hidden = True
        items.append(expect(ws.title, row, question, "D", id_, comment="E", allowed=YES_NO_NA))
    list_validation(ws, YES_NO_NA, f"D4:D{last}")
    ws.auto_filter.ref = f"A3:F{last}"
    ws.auto_filter.add_filter_column(5, [SHOWN_REVIEWER])
    col_widths(ws, A=8, B=14, C=70, D=12, E=36, F=16)
    path = store(wb, folder, "supplier-due-diligence-log.xlsx")
    return Layout(
        name="autofilter_left_applied",
        path=path,
        format="xlsx",
        sheets=[sheet_of(ws.title, 3, {"A": "id", "C": "question", "D": "answer", "E": "comment"})],
        items=items,
        note="The customer's AutoFilter on 'Internal Reviewer' is still applied, so the other reviewer's rows are "
             "hidden by the filter. They are items like the shown rows (a filter is a view, not a withdrawal). "
             "'Internal Reviewer' and 'Domain' have no role; the domain column is grouping: section ANY.",
    )


# --- 8. guidance on the line below the question ----------------------------------------------------------

GUIDED: list[tuple[str, str, str | None]] = [
    ("HC-1", "Is the hosting environment certified to ISO/IEC 27001 or covered by a SOC 2 Type II report?",
     "Attach the certificate or the latest report, and state the period it covers."),
    ("HC-2", "Are production and staging environments in separate cloud accounts or subscriptions?", None),
    ("HC-3", "Is infrastructure defined as code and changed only through reviewed commits?",
     "Manual console changes in an emergency are acceptable if they are logged and reconciled afterwards."),
    ("HC-4", "Are storage buckets prevented from being made public by an organisation-wide policy?",
     "A service control policy, Azure Policy or organisation constraint counts; a naming convention alone does not."),
    ("HC-5", "Do container images come only from a private registry that scans them on upload?", None),
    ("HC-6", "Are cloud administrator roles granted just in time rather than permanently?",
     "Name the tool used for elevation if there is one."),
    ("HC-7", "Is customer data in the hosting environment replicated to a second region?",
     "If yes, list the regions in the Comments column."),
    ("HC-8", "Are unused cloud resources and snapshots identified and removed on a schedule?", None),
    ("HC-9", "Do you receive and act on your cloud provider's security advisories?",
     "Describe who monitors advisories and how quickly they are triaged."),
    ("HC-10", "Is network traffic between services encrypted inside the hosting environment?", None),
    ("HC-11", "Are cloud audit logs exported to a separate account that the operations team cannot modify?",
     "Give the retention period of the exported logs."),
    ("HC-12", "Is a cost or usage anomaly alert configured to detect possible cryptomining or account abuse?", None),
    ("HC-13", "Do you hold a current penetration test report covering the hosting environment?",
     "A summary letter from the testing firm is enough; we do not need the full report."),
]


def guidance_line_below_question(folder: Path) -> Layout:
    wb = Workbook()
    ws = wb.active
    ws.title = "Hosting Controls"
    caption(ws, "A1", "Cloud Hosting Controls Review")
    small_print(ws, "A2", "Helper text in grey italics under a question explains what we expect in the answer.", "A2:D2")
    heading_row(ws, 4, {"A": "Ref", "B": "Question", "C": "Response", "D": "Comments"}, paint="navy")
    DECOYS["guidance_line_below_question"] = {}
    items = []
    answer_rows = []
    row = 4
    for id_, question, guide in GUIDED:
        row += 1
        body_row(ws, row, {"A": id_, "B": question}, "ABCD")
        answer_rows.append(f"C{row}")
        items.append(expect(ws.title, row, question, "C", id_, comment="D", allowed=YES_NO_NA, section=[],
                            guidance=guide))
        if guide:
            row += 1
            ws[f"B{row}"] = guide
            ws[f"B{row}"].font = GUIDE_FONT
            ws[f"B{row}"].alignment = WRAP
            ws.merge_cells(f"B{row}:D{row}")
            DECOYS["guidance_line_below_question"][(ws.title, row)] = "guidance line below a question"
    list_validation(ws, YES_NO_NA, *answer_rows)
    col_widths(ws, A=8, B=72, C=12, D=40)
    path = store(wb, folder, "cloud-hosting-controls.xlsx")
    return Layout(
        name="guidance_line_below_question",
        path=path,
        format="xlsx",
        sheets=[sheet_of(ws.title, 4, {"A": "id", "B": "question", "C": "answer", "D": "comment"})],
        items=items,
        note="Helper text on the row directly below some questions, merged across B:D in small grey italics and "
             "without an id, is that question's guidance (its text, collapsed) and not an item; a question "
             "without such a line has guidance None.",
    )


# --- the registry ---------------------------------------------------------------------------------------

HELDOUT7_LAYOUTS: list[Callable[[Path], Layout]] = [
    domain_tabs_applicability_column,
    question_as_answer_heading,
    numbered_dropdown_choices,
    category_merged_ids_restart,
    two_question_blocks_per_row,
    hidden_sheet_behind_cover,
    autofilter_left_applied,
    guidance_line_below_question,
]

#: The same builders by layout name (the form `bench/layout_bench.py` takes for a group).
HELDOUT7_BY_NAME: dict[str, Callable[[Path], Layout]] = {b.__name__: b for b in HELDOUT7_LAYOUTS}


# --- self-check -----------------------------------------------------------------------------------

#: Layouts whose rows hold two items (two question blocks side by side).
TWO_PER_ROW = {"two_question_blocks_per_row"}

#: Layouts whose guidance is a line below the question (the imported checks look for guidance among
#: the row's own cells, so they are shown None and `_feature_guidance_lines` checks the lines).
LINE_GUIDANCE = {"guidance_line_below_question"}

#: Layouts whose ids repeat on a sheet on purpose (checked by the layout's feature check instead).
REPEATING_IDS = {"category_merged_ids_restart"}

#: Complaints of the imported checks that this file replaces with a check of its own, per layout.
REPLACED: dict[str, list[tuple[re.Pattern[str], str]]] = {
    "question_as_answer_heading": [
        (re.compile(r": a CSV has no drop-downs; allowed answers must be \[\]$"),
         "_feature_question_heading: the header names the choices"),
    ],
    "hidden_sheet_behind_cover": [
        (re.compile(r"^sheet '.*' is hidden$"), "_feature_hidden_sheet: the hidden sheet is the questionnaire"),
    ],
    "autofilter_left_applied": [
        (re.compile(r"!row \d+: a hidden row$"), "_feature_autofilter: rows hidden by the filter are items"),
    ],
}


def _is_replaced(layout: Layout, problem: str) -> bool:
    if _excused(layout, problem):
        return True
    return any(pattern.search(problem) for pattern, _ in REPLACED.get(layout.name, []))


def _block_roles(sheet: ExpectedSheet, k: int) -> dict[str, str]:
    """The column roles of a two-block sheet as the k-th block's view shows them: the k-th column of
    every role that has one per block, a role with a single column as it is."""
    roles: dict[str, str] = {}
    for role in set(sheet.columns.values()):
        letters = _letters(sheet, role)
        if len(letters) == 1:
            roles[letters[0]] = role
        elif k < len(letters):
            roles[letters[k]] = role
    return roles


def _imported_views(layout: Layout) -> list[Layout]:
    view = copy.deepcopy(layout)
    if layout.name in LINE_GUIDANCE:
        for item in view.items:
            item.guidance = None
    # heldout_layouts6's split of a side-by-side sheet, one layout per block (the k-th item of every
    # row, the k-th column of every role)
    return _per_product(view, _block_roles) if layout.name in TWO_PER_ROW else [view]


def _records(layout: Layout) -> list[list[str]]:
    text = layout.path.read_bytes().decode(layout.encoding or "utf-8")
    return list(csv.reader(io.StringIO(text, newline=""), delimiter=layout.delimiter or ",", strict=True))


def _list_values(ws: Any, coordinate: str) -> list[str] | None:
    found = _validations_over(ws, coordinate)
    if len(found) != 1:
        return None
    formula = found[0].formula1.strip()
    return formula[1:-1].split(",") if formula.startswith('"') else None


# --- one check per layout of the feature it exercises ---------------------------------------------


def _feature_domain_tabs(layout: Layout) -> list[str]:
    problems: list[str] = []
    wb = openpyxl.load_workbook(layout.path)
    first = layout.sheets[0]
    if first.status != "ignored" or any(item.sheet == first.name for item in layout.items):
        problems.append("the cover is not an ignored sheet without items")
    domains = [s for s in layout.sheets if s.status == "questionnaire"]
    if len(domains) < 5:
        problems.append(f"{len(domains)} domain sheets, expected five")
    if len({s.header_row for s in domains}) != len(domains):
        problems.append("the domain sheets share a header row; the layout wants each at its own row")
    applicable = []
    for sheet in domains:
        ws = wb[sheet.name]
        on_sheet = [item for item in layout.items if item.sheet == sheet.name]
        if len(on_sheet) != 3:
            problems.append(f"sheet {sheet.name!r}: {len(on_sheet)} items, expected 3")
        if any(item.section != [] for item in on_sheet):
            problems.append(f"sheet {sheet.name!r}: a section on a sheet without section rows")
        for cell in ws[sheet.header_row]:
            if cell.value == "Applicable (Y/N)":
                applicable.append((sheet, cell.column_letter))
    if len(applicable) != 1:
        return problems + [f"{len(applicable)} 'Applicable (Y/N)' columns, expected one"]
    sheet, letter = applicable[0]
    ws = wb[sheet.name]
    answer = _role(sheet, "answer")
    if letter in sheet.columns:
        problems.append(f"the applicability column {letter} has the role {sheet.columns[letter]!r}")
    if column_index_from_string(letter) >= column_index_from_string(answer):
        problems.append("the applicability column does not stand before the answer column")
    for item in layout.items:
        if item.sheet != sheet.name:
            continue
        if _list_values(ws, f"{letter}{item.row}") != Y_N:
            problems.append(f"row {item.row}: no Y/N drop-down in the applicability column")
        for what, reference in (("answer", item.answer_cell), ("comment", item.comment_cell)):
            if reference and split_ref(reference)[1] == letter:
                problems.append(f"row {item.row}: the {what} cell is the applicability column")
        if item.allowed_answers == Y_N:
            problems.append(f"row {item.row}: allowed answers are the applicability choices")
    return problems


def _feature_question_heading(layout: Layout) -> list[str]:
    problems: list[str] = []
    records = _records(layout)
    sheet = layout.sheets[0]
    header = records[sheet.header_row - 1]
    answer_heading = header[column_index_from_string(_role(sheet, "answer")) - 1]
    question_heading = header[column_index_from_string(_role(sheet, "question")) - 1]
    if "?" not in answer_heading or not answer_heading.endswith("(Yes/No)"):
        problems.append(f"the answer heading {answer_heading!r} is not a question naming Yes/No")
    if question_heading != "Control Requirement":
        problems.append(f"the question heading is {question_heading!r}")
    section = None
    by_row = {item.row: item for item in layout.items}
    for row in range(sheet.header_row + 1, len(records) + 1):
        record = records[row - 1]
        if row in by_row:
            item = by_row[row]
            if item.section != [section]:
                problems.append(f"row {row}: section {item.section!r}, the record above says {section!r}")
            if item.question.endswith("?") or not item.question.startswith("The supplier shall"):
                problems.append(f"row {row}: the requirement is not a statement")
            if item.allowed_answers != YES_NO or item.allowed_answers_source != "header":
                problems.append(f"row {row}: allowed answers {item.allowed_answers} ({item.allowed_answers_source}), "
                                "expected the header's Yes/No")
            elif not all(choice in answer_heading for choice in item.allowed_answers):
                problems.append(f"row {row}: the header does not name {item.allowed_answers}")
        elif record[0].startswith("Section "):
            section = record[0]
        elif any(record[1:]):
            problems.append(f"row {row}: a record with fields that is neither an item nor a section")
    return problems


def _feature_numbered(layout: Layout) -> list[str]:
    problems: list[str] = []
    sheet = layout.sheets[0]
    ws = openpyxl.load_workbook(layout.path)[sheet.name]
    answer = _role(sheet, "answer")
    coded = re.compile(r"^\d+ - \S")
    kinds = set()
    for item in layout.items:
        values = _list_values(ws, f"{answer}{item.row}")
        if values != item.allowed_answers:
            problems.append(f"row {item.row}: drop-down {values}, expected {item.allowed_answers}")
        if not item.allowed_answers or not all(coded.match(v) for v in item.allowed_answers):
            problems.append(f"row {item.row}: allowed answers {item.allowed_answers} do not carry their codes")
        kinds.add(tuple(item.allowed_answers))
        if item.existing_answer is not None and item.existing_answer not in item.allowed_answers:
            problems.append(f"row {item.row}: existing answer {item.existing_answer!r} is not a coded value")
    if len(kinds) < 2:
        problems.append("the layout wants two coded lists")
    if sum(item.existing_answer is not None for item in layout.items) < 2:
        problems.append("too few existing coded answers")
    return problems


def _feature_category_ids(layout: Layout) -> list[str]:
    problems: list[str] = []
    sheet = layout.sheets[0]
    ws = openpyxl.load_workbook(layout.path)[sheet.name]
    id_letter = _role(sheet, "id")
    merged = [m for m in ws.merged_cells.ranges if m.min_col == m.max_col == 1 and m.min_row > sheet.header_row]
    category_of: dict[int, str] = {}
    for m in merged:
        for row in range(m.min_row, m.max_row + 1):
            category_of[row] = ws.cell(m.min_row, 1).value
    if len(merged) < 3:
        problems.append(f"{len(merged)} merged categories, expected three or more")
    runs: dict[str, list[str]] = {}
    for item in layout.items:
        category = category_of.get(item.row)
        if category is None:
            problems.append(f"row {item.row}: not under a merged category")
            continue
        runs.setdefault(category, []).append(item.id)
        if item.section is not ANY:
            problems.append(f"row {item.row}: section {item.section!r}; the category is a grouping column (ANY)")
        if str(ws[f"{id_letter}{item.row}"].value) != item.id:
            problems.append(f"row {item.row}: id {item.id!r}, the sheet shows {ws[f'{id_letter}{item.row}'].value!r}")
    for category, ids in runs.items():
        if ids != [str(n) for n in range(1, len(ids) + 1)]:
            problems.append(f"category {category!r}: ids {ids} do not restart at 1")
    rows = [r for m in merged for r in range(m.min_row, m.max_row + 1)]
    if sorted(rows) != sorted(item.row for item in layout.items):
        problems.append("the merged categories do not cover exactly the item rows")
    return problems


def _feature_two_blocks(layout: Layout) -> list[str]:
    problems: list[str] = []
    sheet = layout.sheets[0]
    ws = openpyxl.load_workbook(layout.path)[sheet.name]
    roles = ("id", "question", "answer")
    letters = {role: _letters(sheet, role) for role in roles}
    if any(len(found) != 2 for found in letters.values()):
        return [f"roles {letters}: expected two blocks of id, question and answer columns"]
    blocks = [[letters[role][k] for role in roles] for k in range(2)]
    headings = [[ws[f"{c}{sheet.header_row}"].value for c in block] for block in blocks]
    if headings[0] != headings[1]:
        problems.append(f"the blocks are headed differently: {headings}")
    gap = column_index_from_string(blocks[1][0]) - column_index_from_string(blocks[0][-1])
    if gap != 2:
        problems.append("the blocks are not separated by one spacer column")
    else:
        spacer = ws.cell(1, column_index_from_string(blocks[0][-1]) + 1).column_letter
        if spacer in sheet.columns or any(ws[f"{spacer}{r}"].value is not None for r in range(1, ws.max_row + 1)):
            problems.append(f"the spacer column {spacer} is not empty or has a role")
    for row, group in _rows_of(layout).items():
        if len(group) != 2:
            problems.append(f"row {row[1]}: {len(group)} items, expected one per block")
            continue
        for k, item in enumerate(group):
            id_letter, question_letter, answer_letter = blocks[k]
            if split_ref(item.answer_cell)[1] != answer_letter:
                problems.append(f"row {item.row}: item {k + 1} answers in the wrong block")
            if collapse(ws[f"{question_letter}{item.row}"].value) != item.question:
                problems.append(f"row {item.row}: item {k + 1}'s question is not its block's")
            if str(ws[f"{id_letter}{item.row}"].value) != item.id:
                problems.append(f"row {item.row}: item {k + 1}'s id is not its block's")
    ids = [int(item.id) for item in layout.items if isinstance(item.id, str) and item.id.isdigit()]
    if sorted(ids) != list(range(1, len(layout.items) + 1)):
        problems.append("the ids are not 1..n across both blocks")
    return problems


def _feature_hidden_sheet(layout: Layout) -> list[str]:
    problems: list[str] = []
    wb = openpyxl.load_workbook(layout.path)
    states = {s.name: wb[s.name].sheet_state for s in layout.sheets}
    visible = [name for name, state in states.items() if state == "visible"]
    questionnaires = [s for s in layout.sheets if s.status == "questionnaire"]
    if len(questionnaires) != 1 or states[questionnaires[0].name] != "hidden":
        return problems + ["the questionnaire sheet is not the one hidden sheet"]
    name = questionnaires[0].name
    if len(visible) != 1:
        problems.append(f"visible sheets {visible}, expected only the cover")
    else:
        cover = wb[visible[0]]
        text = " ".join(str(c.value) for r in cover.iter_rows() for c in r if c.value is not None)
        if f"'{name}'" not in text:
            problems.append("the cover does not name the questionnaire tab")
    very = [n for n, state in states.items() if state == "veryHidden"]
    if len(very) != 1 or next(s for s in layout.sheets if s.name == very[0]).status != "ignored":
        problems.append("no very hidden, ignored list sheet")
    else:
        ws = wb[name]
        for item in layout.items:
            _, column, row = split_ref(item.answer_cell)
            found = _validations_over(ws, f"{column}{row}")
            if not found or very[0] not in found[0].formula1:
                problems.append(f"row {row}: the drop-down does not come from the very hidden sheet")
    if any(item.sheet != name for item in layout.items) or len(layout.items) < 8:
        problems.append("the hidden sheet's questions are not all items")
    return problems


def _feature_autofilter(layout: Layout) -> list[str]:
    problems: list[str] = []
    sheet = layout.sheets[0]
    ws = openpyxl.load_workbook(layout.path)[sheet.name]
    if not ws.auto_filter.ref or not ws.auto_filter.filterColumn:
        return ["no AutoFilter with a filter applied"]
    column = ws.auto_filter.filterColumn[0]
    letter = ws.cell(1, column.colId + 1).column_letter
    shown = set(column.filters.filter)
    if letter in sheet.columns:
        problems.append(f"the filtered column {letter} has a role")
    hidden = {r for r in range(sheet.header_row + 1, ws.max_row + 1) if ws.row_dimensions[r].hidden}
    filtered = {r for r in range(sheet.header_row + 1, ws.max_row + 1)
                if ws[f"{letter}{r}"].value is not None and ws[f"{letter}{r}"].value not in shown}
    if hidden != filtered:
        problems.append(f"hidden rows {sorted(hidden)} are not the rows the filter hides {sorted(filtered)}")
    rows = {item.row for item in layout.items}
    if len(hidden) < 4:
        problems.append("too few rows hidden by the filter")
    if not hidden <= rows:
        problems.append(f"rows hidden by the filter are not items: {sorted(hidden - rows)}")
    table = set(range(sheet.header_row + 1, ws.max_row + 1))
    if rows != table:
        problems.append("the items are not every row of the filtered table")
    return problems


def _guidance_line(ws: Any, row: int, first: str, last: str) -> str | None:
    """The text of a helper line at `row` (merged `first`..`last`, small italics, no id), or None."""
    merged = [m for m in ws.merged_cells.ranges if m.min_row == m.max_row == row]
    cell = ws[f"{first}{row}"]
    if (len(merged) == 1 and merged[0].coord == f"{first}{row}:{last}{row}" and isinstance(cell.value, str)
            and cell.font.i and ws[f"A{row}"].value is None):
        return collapse(cell.value)
    return None


def _feature_guidance_lines(layout: Layout) -> list[str]:
    problems: list[str] = []
    sheet = layout.sheets[0]
    ws = openpyxl.load_workbook(layout.path)[sheet.name]
    question, comment = _role(sheet, "question"), _role(sheet, "comment")
    rows = {item.row for item in layout.items}
    lines = 0
    for item in layout.items:
        below = _guidance_line(ws, item.row + 1, question, comment)
        if item.guidance != below:
            problems.append(f"row {item.row}: guidance {item.guidance!r}, the line below says {below!r}")
        if below is not None:
            lines += 1
            if item.row + 1 in rows:
                problems.append(f"row {item.row + 1}: a guidance line taken for an item")
    if not 6 <= lines < len(layout.items):
        problems.append(f"{lines} guidance lines on {len(layout.items)} questions: the set wants some, not all")
    for row in range(sheet.header_row + 1, ws.max_row + 1):
        if row not in rows and _guidance_line(ws, row, question, comment) is None and ws[f"{question}{row}"].value:
            problems.append(f"row {row}: neither an item nor a guidance line")
    return problems


FEATURES: dict[str, Callable[[Layout], list[str]]] = {
    "domain_tabs_applicability_column": _feature_domain_tabs,
    "question_as_answer_heading": _feature_question_heading,
    "numbered_dropdown_choices": _feature_numbered,
    "category_merged_ids_restart": _feature_category_ids,
    "two_question_blocks_per_row": _feature_two_blocks,
    "hidden_sheet_behind_cover": _feature_hidden_sheet,
    "autofilter_left_applied": _feature_autofilter,
    "guidance_line_below_question": _feature_guidance_lines,
}


def check_layout(layout: Layout) -> list[str]:
    """Every check of one built layout against its file: the imported ones (on the views they can
    read, less the complaints this file replaces), the layout's own feature check and the order of
    items and ids (heldout_layouts6's helpers for each)."""
    problems = _imported_problems(layout, _imported_views(layout), _is_replaced)
    problems += _feature_problems(layout, FEATURES, FEATURE_ERRORS + (StopIteration,))
    problems += _order_problems(layout, 2 if layout.name in TWO_PER_ROW else 1,
                                ids_may_repeat=layout.name in REPEATING_IDS)
    return problems


# --- deliberate mistakes aimed at each layout's feature ---------------------------------------------


def _aimed_mistake(layout: Layout) -> tuple[str, Layout] | None:
    wrong = copy.deepcopy(layout)
    name = layout.name
    if name == "domain_tabs_applicability_column":
        for item in wrong.items:
            if item.sheet == APPLICABLE_SHEET:
                item.answer_cell = ref(item.sheet, "C", item.row)
                item.allowed_answers = list(Y_N)
        return "the applicability column taken for the answer", wrong
    if name == "question_as_answer_heading":
        for item in wrong.items:
            item.allowed_answers, item.allowed_answers_source = [], None
        return "the question-shaped heading's choices ignored", wrong
    if name == "numbered_dropdown_choices":
        for item in wrong.items:
            item.allowed_answers = [v.split(" - ", 1)[1] for v in item.allowed_answers]
        return "codes stripped from the drop-down values", wrong
    if name == "category_merged_ids_restart":
        for index, item in enumerate(wrong.items, start=1):
            item.id = str(index)
        return "ids numbered straight through the sheet", wrong
    if name == "two_question_blocks_per_row":
        wrong.items = copy.deepcopy([group[0] for group in _rows_of(layout).values()])
        return "one item per row (left block only)", wrong
    if name == "hidden_sheet_behind_cover":
        wrong.sheets[1].status = "ignored"
        wrong.items = []
        return "the hidden questionnaire sheet ignored", wrong
    if name == "autofilter_left_applied":
        ws = openpyxl.load_workbook(layout.path)[layout.sheets[0].name]
        wrong.items = [item for item in wrong.items if not ws.row_dimensions[item.row].hidden]
        return "rows hidden by the filter dropped", wrong
    if name == "guidance_line_below_question":
        for item in wrong.items:
            item.guidance = None
        return "guidance lines not read", wrong
    return None


# --- running the set ----------------------------------------------------------------------------------


def self_check(verbose: bool = True) -> int:
    """Writes every file of this set into a temporary folder and checks its expectations (with
    heldout_layouts6's runner, which also compares the questions with set 6's); returns the number
    of problems (0 when every layout is described by its expectations, every deliberate mistake is
    caught and nothing repeats an earlier set)."""
    return _run_set(7, HELDOUT7_LAYOUTS, check_layout, _aimed_mistake, later=((6, "sixth", HELDOUT6_LAYOUTS),),
                    formats=("xlsx", "csv"), one_item_per_row=False, items_per_file=(12, 18), verbose=verbose)


if __name__ == "__main__":
    sys.exit(1 if self_check() else 0)
