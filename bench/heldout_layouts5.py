#!/usr/bin/env python3
"""Fifth held-out set of synthetic questionnaires for `bench/layout_bench.py`.

Written on 2026-12-07 by a helper that did not see the detector's code, its tests, its
documentation or the builders of the earlier held-out sets (only the types at the top of
Tests/oracle/questionnaire_layouts.py, the docstring, style helpers and self-check machinery of
bench/heldout_layouts.py, the docstrings of bench/heldout_layouts2.py and bench/heldout_layouts3.py,
and all of bench/heldout_layouts4.py, whose style and checking helpers this file imports; a listing
of top-level definitions also showed the names of the earlier builders and of the tuned layouts, and
the one-line comments above the first set's builders). Nothing is copied from a real template:
every sheet, heading and question was written for this set. The ten files cover layouts the
earlier sets do not:

- x14_list_other_sheet: the answer drop-down exists only in Excel's extension form (an
  `x14:dataValidation` inside the sheet's `<extLst>`, `<xm:f>Choices!$A$2:$A$5</xm:f>`), which is
  how Excel stores a list that refers to another sheet; openpyxl cannot write (or read) it, so the
  saved file's sheet XML is post-processed with zipfile;
- comment_left_of_answer: the "Supplier remarks" column stands BEFORE the "Supplier response"
  column, with an evidence column after it;
- lettered_sub_questions: parent questions ("4.1 ... If yes:") followed by sub-rows whose id cell
  holds only a letter ("(a)", "(b)"), each with its own answer cell, some by drop-down and some
  free text; one parent is only a lead-in ("please state:") with a greyed answer cell;
- outline_grouped_sections: rows grouped with Excel's outline (domain rows at level 0, sub-domain
  rows at level 1, questions at level 2, summary rows above the detail), the drop-down taking its
  values from a workbook-level defined name over a visible picklist sheet;
- symbol_headings: headings that are a symbol or emoji plus a word ("✔ Response", "💬 Comments"),
  a guidance column, and drop-down values that carry emoji ("✅ Yes");
- german_questionnaire: a questionnaire written entirely in German ("Nr.", "Frage", "Antwort",
  "Erläuterung", "Nachweis"; answers "Ja", "Nein", "Teilweise", "Nicht zutreffend");
- score_beside_yes_no: a "In place? (Yes/No)" drop-down beside a "Maturity score (0-5)" column
  with a whole-number validation between 0 and 5;
- spaced_bullet_questions: very long narrative questions holding bullet or numbered lists inside
  the cell, with an empty spacer row between every two questions;
- sep_hint_semicolon_csv: a semicolon CSV whose first line is Excel's delimiter hint `sep=;`, with
  ids such as "2.10" beside "2.1" and a quoted note that contains the delimiter;
- struck_through_withdrawn: a versioned questionnaire whose withdrawn questions stay visible, struck
  through, marked "Withdrawn" in a requester's Status column, with a change-history sheet.

Expectations follow the conventions stated in bench/heldout_layouts.py and bench/heldout_layouts4.py:

- an item is a row holding a question (or a requirement to respond to) whose answer goes in a
  cell; titles, supplier-detail form fields, instructions, legends, section rows, repeated
  headers, worked examples, sign-off and reviewer/assessor-only blocks are not items;
- ids are the questionnaire's own, as displayed (a number 3 is "3"; "2.10" stays "2.10");
- answer, comment and evidence cells are absolute references on the item's row; allowed answers
  are the drop-down's values in order ("validation") or the choices written in the answer
  column's header ("header"); free text has [] and source None; a CSV has no drop-downs;
- `question` is the cell's text with whitespace collapsed (`collapse`: line breaks and
  non-breaking spaces become single spaces; bullet characters are kept);
- `section` is the path of plain section heading rows (outermost first), [] where the sheet has
  none, and ANY where the grouping is a column;
- `guidance` is the guidance column's text where the sheet has one, None where it has none.

Conventions this set had to decide (each layout's `note` repeats its own):

- a drop-down stored only as an `x14:dataValidation` is a drop-down like any other: its allowed
  answers are the referenced cells' values in order, source "validation"; the sheet holding the
  choices is a visible "ignored" sheet;
- a list drop-down whose formula is a defined name gives the named range's values in order
  (source "validation");
- a parent question whose own answer cell is meant to be filled (it has a drop-down and is not
  greyed out) is an item; a parent that is only a lead-in ("please state:"), its answer cell
  greyed out with no drop-down, is not an item;
- a sub-row whose id cell holds only a letter ("(a)") is identified by its parent's id then the
  letter: `SubId(parent, letter)` (so "4.1(a)", "4.1.a" or "4.1 (a)" are all right); its
  question is its own cell's text, not joined to the parent's;
- where a Yes/No column and a numeric maturity score sit side by side, the Yes/No column is the
  answer; the score (with its own whole-number validation) is supplementary and has no role;
- a comment column placed before the answer column is still the comment column;
- headings in another language or led by a symbol keep their roles ("Antwort" is the answer,
  "Erläuterung" the comment, "Nachweis" the evidence; "✔ Response" the answer);
- drop-down values are taken exactly as written, emoji included ("✅ Yes");
- blank spacer rows between questions are neither items nor the end of the table; a question
  holding a bullet list is one item whose text is the whole cell, bullets included;
- in a CSV whose first line is Excel's `sep=;` hint, the delimiter is the one the hint names and
  the hint line is neither a title nor the header; rows are counted as records of the file as it
  is written, so the hint line is row 1 and the header row 2 (Excel hides the hint line when it
  opens the file, but answers written back must land on the file's own records);
- a withdrawn question that stays visible, struck through, marked "Withdrawn" and with a greyed
  answer cell without a drop-down, is not an item; the requester's Status column (Unchanged / New /
  Reworded / Withdrawn) is not the answer; "Change History" is an ignored sheet;
- groups of the row outline are all expanded: a collapsed group hides its rows, and hidden rows (a
  topic of the third set) are not what this layout is about.

Run `python bench/heldout_layouts5.py` to write every file into a temporary folder and check, with
openpyxl, zipfile, ElementTree and the csv module alone (the checks of bench/heldout_layouts.py and
bench/heldout_layouts4.py, imported, plus one check per layout of the feature it exercises), that
the expectations describe the files, that deliberate mistakes (an answer column shifted either way,
a dropped item, an item off by one row) are caught, and that no sheet name or question repeats (or
nearly repeats) one of the tuned layouts or of the four earlier held-out sets.

Where the imported checks cannot see a feature, this file checks it itself and says so: openpyxl
drops `x14` validations, so the x14 layout's allowed answers are checked from the sheet XML (the
imported checks see that layout without allowed answers); the imported checks take a sub-row's id
to be its cell text, so they see "(a)" where the expectation holds `SubId`; the imported heading
patterns are English, so their complaints about the German headings are replaced by a German
check; the `sep=;` hint line is narrower than the records, so the imported width check is replaced
by one that skips it.
"""

from __future__ import annotations

import contextlib
import copy
import csv
import io
import re
import sys
import tempfile
import warnings
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

from openpyxl import Workbook  # noqa: E402
from openpyxl.styles import Alignment, Font  # noqa: E402
from openpyxl.utils.cell import column_index_from_string  # noqa: E402
from openpyxl.workbook.defined_name import DefinedName  # noqa: E402
from openpyxl.worksheet.cell_range import CellRange  # noqa: E402
from openpyxl.worksheet.datavalidation import DataValidation  # noqa: E402
from openpyxl.worksheet.properties import Outline  # noqa: E402

from heldout_layouts import (  # noqa: E402
    _check_csv,
    _check_xlsx,
    _near_duplicate,
    _resolve_list,
    _tuned_words,
    _validations_over,
    collapse,
    split_ref,
)
from heldout_layouts4 import (  # noqa: E402
    B_FONT,
    DECOYS,
    FACE,
    FRAME,
    HELDOUT4_LAYOUTS,
    PAINT,
    ROLE_HEADINGS,
    YES_NO_NA,
    _csv_problems,
    _earlier_sets,
    _generic_problems,
    _mutations,
    _words_of,
    _xlsx_problems,
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
from questionnaire_layouts import (  # noqa: E402
    ExpectedItem,
    ExpectedSheet,
    Layout,
    SubId,
    list_validation,
)

# DECOYS is heldout_layouts4's registry (rows that read like items but are not), keyed by layout
# name; this set adds its own layouts' rows to it so that the imported checks see them.

# --- this set's few extra looks ---------------------------------------------------------------------

STRUCK = Font(name=FACE, size=9, strike=True, color="808080")
DOMAIN_FONT = Font(name=FACE, bold=True, size=11, color="17324D")
LETTER = Alignment(horizontal="right", vertical="top", indent=1)
SUB_TEXT = Alignment(wrap_text=True, vertical="top", indent=2)

#: How a sub-row's id cell displays its letter.
SUB_LABEL = "({})"


# --- 1. a drop-down stored only as an x14 extension, referring to another sheet ---------------------

NS_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
NS_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
NS_PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
NS_MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
NS_X14AC = "http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac"
NS_X14 = "http://schemas.microsoft.com/office/spreadsheetml/2009/9/main"
NS_XM = "http://schemas.microsoft.com/office/excel/2006/main"
X14_VALIDATION_URI = "{CCE6A557-97BC-4b89-ADB6-D9C93CAAB3DF}"


def _sheet_part(zf: zipfile.ZipFile, sheet_name: str) -> str:
    """The ZIP member holding `sheet_name`'s XML (workbook.xml -> its relationships)."""
    book = ET.fromstring(zf.read("xl/workbook.xml"))
    rels = ET.fromstring(zf.read("xl/_rels/workbook.xml.rels"))
    rid = next(s.get(f"{{{NS_REL}}}id") for s in book.iter(f"{{{NS_MAIN}}}sheet") if s.get("name") == sheet_name)
    target = next(r.get("Target") for r in rels.iter(f"{{{NS_PKG_REL}}}Relationship") if r.get("Id") == rid)
    return target.lstrip("/") if target.startswith("/") else "xl/" + target


def _add_x14_list(path: Path, sheet_name: str, formula: str, sqref: str) -> None:
    """Adds a list drop-down in Excel 2010's extension form to a saved workbook, as Excel writes it
    for a list on another sheet: the root declares mc/x14ac and mc:Ignorable, the <extLst> is the
    worksheet's last child, x14 is declared on <ext> and xm on <x14:dataValidations>."""
    with zipfile.ZipFile(path) as src:
        part = _sheet_part(src, sheet_name)
        entries = [(info, src.read(info.filename)) for info in src.infolist()]
    patched: dict[str, bytes] = {}
    for info, data in entries:
        if info.filename != part:
            continue
        text = data.decode("utf-8")
        if "<extLst" in text or "mc:Ignorable" in text:
            raise ValueError(f"{part} already has an extension list")
        root = re.search(r"<worksheet\b[^>]*>", text)
        if root is None or root.group(0).endswith("/>"):
            raise ValueError(f"{part}: no worksheet root")
        opened = root.group(0)[:-1] + f' xmlns:mc="{NS_MC}" mc:Ignorable="x14ac" xmlns:x14ac="{NS_X14AC}">'
        extension = (
            f'<extLst><ext uri="{X14_VALIDATION_URI}" xmlns:x14="{NS_X14}">'
            f'<x14:dataValidations count="1" xmlns:xm="{NS_XM}">'
            '<x14:dataValidation type="list" allowBlank="1" showInputMessage="1" showErrorMessage="1">'
            f"<x14:formula1><xm:f>{formula}</xm:f></x14:formula1>"
            f"<xm:sqref>{sqref}</xm:sqref>"
            "</x14:dataValidation></x14:dataValidations></ext></extLst>"
        )
        if not text.rstrip().endswith("</worksheet>"):
            raise ValueError(f"{part}: the worksheet element does not close the part")
        text = text[: root.start()] + opened + text[root.end() :]
        text = text[: text.rindex("</worksheet>")] + extension + "</worksheet>"
        ET.fromstring(text)  # well-formed, or this raises
        patched[part] = text.encode("utf-8")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as dst:
        for info, data in entries:
            dst.writestr(info, patched.get(info.filename, data))


def _x14_lists(path: Path, sheet_name: str) -> tuple[ET.Element, list[tuple[str | None, str, list[str]]]]:
    """The sheet's XML root and its x14 validations: (type, formula, sqref ranges)."""
    with zipfile.ZipFile(path) as zf:
        root = ET.fromstring(zf.read(_sheet_part(zf, sheet_name)))
    found = []
    for dv in root.iter(f"{{{NS_X14}}}dataValidation"):
        formula = dv.find(f"{{{NS_X14}}}formula1/{{{NS_XM}}}f")
        sqref = dv.find(f"{{{NS_XM}}}sqref")
        found.append((dv.get("type"), (formula.text or "") if formula is not None else "", (sqref.text or "").split() if sqref is not None else []))
    return root, found


def x14_list_other_sheet(folder: Path) -> Layout:
    sheet = "SaaS Assessment"
    wb = Workbook()
    ws = wb.active
    ws.title = sheet
    caption(ws, "A1", "SaaS Application Security Assessment", "A1:D1")
    small_print(
        ws,
        "A2",
        "Choose an answer for every question from the list in column C (the options are on the Choices tab). Add detail in column D.",
        "A2:D2",
    )
    heading_row(ws, 4, {"A": "Item No.", "B": "Assessment question", "C": "Vendor answer", "D": "Vendor comments"}, paint="plum")
    sections = [
        (
            "Application security",
            [
                "Is every release of the application scanned by a dynamic application security testing tool before it goes live?",
                "Are the OWASP Top 10 risks covered in the coding standards your developers follow?",
                "Can outside researchers report flaws to you under a published disclosure policy or a paid bounty scheme?",
                "Are session tokens invalidated on the server as soon as a user logs out?",
                "Is input from API clients validated against a schema before it is processed?",
                "Before each major release, do you test for broken access control between tenants?",
            ],
        ),
        (
            "Hosting and operations",
            [
                "Is the production instance that would serve us hosted only in EU cloud regions?",
                "Are infrastructure changes deployed only through reviewed infrastructure-as-code pipelines?",
                "Do you keep a tested runbook for restoring the service after the loss of a whole region?",
                "Are operating system images rebuilt at least monthly to pick up security fixes?",
                "Is administrative access to production hosts brokered through a privileged access management tool?",
            ],
        ),
        (
            "Customer data",
            [
                "Is each customer's data tagged with a tenant identifier that every query is filtered on?",
                "Can we choose how long records are kept after they are deleted in the application?",
                "Are exports of customer data logged with the name of the person who ran them?",
                "Are copies of production data barred from development and test environments?",
                "Will you purge our data from backups within 90 days of the contract ending?",
            ],
        ),
    ]
    choices = ["Yes", "No", "Partially", "Not applicable"]
    items: list[ExpectedItem] = []
    spans: list[str] = []
    row = 5
    number = 0
    for title_text, questions in sections:
        band_row(ws, row, title_text, "A", "D", paint="mist")
        row += 1
        first = row
        for question in questions:
            number += 1
            body_row(ws, row, {"A": number, "B": question}, "ABCD")
            ws[f"C{row}"].fill = PAINT["input"]
            items.append(expect(sheet, row, question, "C", str(number), comment="D", allowed=choices, section=[title_text]))
            row += 1
        spans.append(f"C{first}:C{row - 1}")
    col_widths(ws, A=9, B=78, C=16, D=42)
    ws.freeze_panes = "A5"
    lists = wb.create_sheet("Choices")
    heading_row(lists, 1, {"A": "Answer option", "B": "Use it when"}, paint="slate")
    meanings = [
        "The control is in place for the whole service.",
        "The control is not in place.",
        "The control covers part of the service; say which part in your comments.",
        "The control does not apply to the service; say why in your comments.",
    ]
    for offset, (choice, meaning) in enumerate(zip(choices, meanings), start=2):
        body_row(lists, offset, {"A": choice, "B": meaning}, "AB")
    col_widths(lists, A=18, B=70)
    path = store(wb, folder, "saas_assessment_x14_list.xlsx")
    _add_x14_list(path, sheet, f"Choices!$A$2:$A${len(choices) + 1}", " ".join(spans))
    return Layout(
        name="x14_list_other_sheet",
        path=path,
        format="xlsx",
        sheets=[
            sheet_of(sheet, 4, {"A": "id", "B": "question", "C": "answer", "D": "comment"}),
            ExpectedSheet("Choices", "ignored"),
        ],
        items=items,
        note=(
            "The answer drop-down over the question rows of column C exists ONLY as an x14:dataValidation in the "
            "sheet's <extLst> (formula Choices!$A$2:$A$5, sqref listing the three blocks of question rows), as "
            "Excel stores a list on another sheet; there is no classic <dataValidation>. Allowed answers are the "
            "Choices cells in order (Yes, No, Partially, Not applicable), source 'validation'. Item No. holds "
            "numbers 1..16 (ids '1'..'16'); section rows are plain; the visible Choices sheet is ignored."
        ),
    )


# --- 2. the remarks column before the response column ----------------------------------------------


def comment_left_of_answer(folder: Path) -> Layout:
    sheet = "Workforce and Endpoint"
    wb = Workbook()
    ws = wb.active
    ws.title = sheet
    caption(ws, "A1", "Workforce and Endpoint Security - Supplier Assurance", "A1:E1")
    heading_row(
        ws,
        3,
        {"A": "Ref", "B": "Control question", "C": "Supplier remarks", "D": "Supplier response", "E": "Evidence reference"},
        paint="rust",
    )
    rows: list[tuple[str, str | None, str | None]] = [
        ("Do all staff with access to customer systems complete security induction before their first login?", "Compliant",
         "Induction is a prerequisite in our identity workflow."),
        ("Are laptops protected by full-disk encryption that is enforced centrally?", "Compliant", None),
        ("Are idle workstations locked by policy rather than left to each user's settings?", None, None),
        ("Is mobile device management used for phones that receive company e-mail?", None,
         "Awaiting confirmation from our mobility team."),
        ("Are printed documents containing customer information shredded on site or by a certified contractor?", None, None),
        ("Is a clear desk rule in force in the offices where customer work is done?", None, None),
        ("Do contractors receive the same security training as permanent employees?", "Partially compliant",
         "Long-term contractors only; short engagements get a briefing sheet."),
        ("Are disciplinary procedures in place for breaches of the security policy?", None, None),
        ("Is a leaver's building pass deactivated on their last day of employment?", None, None),
        ("Are phishing simulation exercises run for all staff at least twice a year?", None, None),
        ("Is local administrator access on workstations restricted to the IT support team?", None, None),
        ("Are browser extensions controlled through an allow-list on managed devices?", None, None),
        ("Is a named person responsible for answering security questions from customers?", None, None),
        ("Do staff working from home follow a written remote-working security standard?", None, None),
    ]
    choices = ["Compliant", "Partially compliant", "Non-compliant", "Not applicable"]
    items: list[ExpectedItem] = []
    row = 4
    for number, (question, answer, remark) in enumerate(rows, start=1):
        id_ = f"WE-{number:02d}"
        body_row(ws, row, {"A": id_, "B": question, "C": remark, "D": answer}, "ABCDE")
        ws[f"D{row}"].fill = PAINT["input"]
        items.append(
            expect(sheet, row, question, "D", id_, comment="C", evidence="E", allowed=choices, existing=answer, existing_comment=remark, section=[])
        )
        row += 1
    list_validation(ws, choices, f"D4:D{row - 1}")
    col_widths(ws, A=8, B=70, C=40, D=20, E=24)
    path = store(wb, folder, "workforce_endpoint_remarks_first.xlsx")
    return Layout(
        name="comment_left_of_answer",
        path=path,
        format="xlsx",
        sheets=[sheet_of(sheet, 3, {"A": "id", "B": "question", "C": "comment", "D": "answer", "E": "evidence"})],
        items=items,
        note=(
            "The comment column ('Supplier remarks', C) stands BEFORE the answer column ('Supplier response', D, "
            "drop-down); evidence reference in E. Three rows are answered (two with remarks) and one has a remark "
            "but no answer yet. No section rows (section [])."
        ),
    )


# --- 3. parent questions with lettered sub-rows ----------------------------------------------------


def lettered_sub_questions(folder: Path) -> Layout:
    sheet = "Data Handling"
    wb = Workbook()
    ws = wb.active
    ws.title = sheet
    caption(ws, "A1", "Data Handling and Protection Questionnaire", "A1:D1")
    small_print(
        ws,
        "A2",
        "Where a question says 'If yes', answer its lettered parts as well. Grey cells need no answer.",
        "A2:D2",
    )
    heading_row(ws, 3, {"A": "No.", "B": "Question", "C": "Response", "D": "Comments"}, paint="moss")
    # (parent id, parent text, parent answerable?, [(letter, text, drop-down?)]); a parent without
    # sub-rows is a plain question.
    sections = [
        (
            "4 Cryptography",
            [
                ("4.1", "Is customer data encrypted while it is stored? If yes:", True, [
                    ("a", "Which encryption algorithm and key length are used?", False),
                    ("b", "Are the encryption keys kept apart from the data they protect?", True),
                    ("c", "How often are the data encryption keys rotated?", False),
                ]),
                ("4.2", "Is data encrypted in transit between our users and your service?", True, []),
                ("4.3", "For the TLS certificates that protect your public endpoints, please state:", False, [
                    ("a", "Which certificate authority issues them?", False),
                    ("b", "Are the certificates renewed automatically before they expire?", True),
                ]),
            ],
        ),
        (
            "5 Backup and recovery",
            [
                ("5.1", "Do you back up the data you hold on our behalf? If yes:", True, [
                    ("a", "How often are backups taken, and how long is each one kept?", False),
                    ("b", "Are backup copies held in a second location at least 100 km from the primary site?", True),
                    ("c", "When was a restore from backup last tested, and did it succeed?", False),
                ]),
                ("5.2", "Are backups protected from deletion by a compromised administrator account?", True, []),
            ],
        ),
        (
            "6 Data location",
            [
                ("6.1", "Is any of our data processed outside the European Economic Area? If yes:", True, [
                    ("a", "In which countries is it processed?", False),
                    ("b", "Which transfer mechanism applies, for example standard contractual clauses?", False),
                ]),
                ("6.2", "Can you share, on request, a list of every location where our data is stored?", True, []),
            ],
        ),
    ]
    items: list[ExpectedItem] = []
    dropdown_cells: list[str] = []
    decoys: dict[tuple[str, int], str] = {}
    row = 4
    for title_text, parents in sections:
        band_row(ws, row, title_text, "A", "D")
        row += 1
        for parent_id, parent_text, answerable, subs in parents:
            body_row(ws, row, {"A": parent_id, "B": parent_text}, "ABCD")
            if answerable:
                ws[f"C{row}"].fill = PAINT["input"]
                dropdown_cells.append(f"C{row}")
                items.append(expect(sheet, row, parent_text, "C", parent_id, comment="D", allowed=YES_NO_NA, section=[title_text]))
            else:
                for letter in "CD":
                    ws[f"{letter}{row}"].fill = PAINT["mist"]
                decoys[(sheet, row)] = "lead-in parent: its answer cell is greyed out and has no drop-down"
            row += 1
            for letter, text, dropdown in subs:
                body_row(ws, row, {"A": SUB_LABEL.format(letter), "B": text}, "ABCD")
                ws[f"A{row}"].alignment = LETTER
                ws[f"B{row}"].alignment = SUB_TEXT
                ws[f"C{row}"].fill = PAINT["input"]
                if dropdown:
                    dropdown_cells.append(f"C{row}")
                items.append(
                    expect(
                        sheet,
                        row,
                        text,
                        "C",
                        SubId(parent_id, letter),  # type: ignore[arg-type]
                        comment="D",
                        allowed=YES_NO_NA if dropdown else None,
                        section=[title_text],
                    )
                )
                row += 1
    DECOYS["lettered_sub_questions"] = decoys
    list_validation(ws, YES_NO_NA, *dropdown_cells)
    col_widths(ws, A=7, B=80, C=22, D=40)
    path = store(wb, folder, "data_handling_sub_questions.xlsx")
    return Layout(
        name="lettered_sub_questions",
        path=path,
        format="xlsx",
        sheets=[sheet_of(sheet, 3, {"A": "id", "B": "question", "C": "answer", "D": "comment"})],
        items=items,
        note=(
            "Parent questions 4.1, 5.1 and 6.1 ('... If yes:') have their own Yes/No/N/A drop-down and are items; "
            "4.3 ('... please state:') is only a lead-in, its answer cells greyed out with no drop-down, and is NOT "
            "an item. Each lettered sub-row has '(a)', '(b)', '(c)' alone in the id cell and its own answer cell "
            "(a drop-down for yes/no parts, free text for the others): an item with id SubId(parent, letter), e.g. "
            "4.1 + a, and its own cell's text as the question. Section rows are plain."
        ),
    )



# --- 4. rows grouped with Excel's outline; drop-down from a defined name ----------------------------


def outline_grouped_sections(folder: Path) -> Layout:
    sheet = "Security Baseline"
    wb = Workbook()
    ws = wb.active
    ws.title = sheet
    caption(ws, "A1", "Minimum Security Baseline - Supplier Attestation", "A1:D1")
    small_print(ws, "A2", "Rows are grouped by domain and sub-domain: use the outline buttons on the left to fold them.", "A2:D2")
    small_print(ws, "A3", "Answer every requirement from the drop-down in column C.", "A3:D3")
    heading_row(ws, 5, {"A": "Control Ref", "B": "Requirement / question", "C": "Answer", "D": "Notes"}, paint="slate")
    domains = [
        (
            "Domain A - Identity and access",
            [
                (
                    "A.1 Accounts",
                    [
                        "Does each person who uses your systems have a unique account that is never shared?",
                        "Are accounts created only after a documented request has been approved?",
                        "Are contractors' accounts set to expire on the end date of their engagement?",
                        "Is interactive desktop sign-in disabled for accounts used only by applications and scripts?",
                    ],
                ),
                (
                    "A.2 Authentication",
                    [
                        "Are new passwords checked against lists of known breached passwords?",
                        "Is multi-factor authentication required to read e-mail from outside the corporate network?",
                        "Are repeated failed sign-in attempts throttled to stop password guessing?",
                    ],
                ),
            ],
        ),
        (
            "Domain B - Logging and monitoring",
            [
                (
                    "B.1 Collection",
                    [
                        "Are authentication events from all production systems sent to a central log store?",
                        "Are logs protected so that administrators cannot alter or delete entries about themselves?",
                    ],
                ),
                (
                    "B.2 Review",
                    [
                        "Is someone on call outside office hours to act on high-severity security alerts?",
                        "Are detection rules reviewed and tuned after each significant incident?",
                        "Do you measure the average time taken to detect and contain security incidents?",
                    ],
                ),
            ],
        ),
        (
            "Domain C - Supplier oversight",
            [
                (
                    "C.1 Onboarding",
                    [
                        "Are new suppliers ranked by risk before they receive any of our information?",
                        "Must high-risk suppliers provide an independent audit report before the contract is signed?",
                    ],
                ),
                (
                    "C.2 Ongoing review",
                    [
                        "Are a supplier's security arrangements reassessed when it reports a breach?",
                        "Do you keep an exit plan for each supplier that is critical to the service?",
                    ],
                ),
            ],
        ),
    ]
    choices = ["Met", "Partly met", "Not met", "Not applicable"]
    items: list[ExpectedItem] = []
    answer_rows: list[int] = []
    row = 6
    for domain, subs in domains:
        band_row(ws, row, domain, "A", "D", paint="straw")
        ws[f"A{row}"].font = DOMAIN_FONT
        row += 1
        for sub, questions in subs:
            band_row(ws, row, sub, "A", "D", paint="cyan")
            ws.row_dimensions[row].outlineLevel = 1
            row += 1
            for number, question in enumerate(questions, start=1):
                id_ = f"{sub.split()[0]}.{number}"
                body_row(ws, row, {"A": id_, "B": question}, "ABCD")
                ws[f"C{row}"].fill = PAINT["input"]
                ws.row_dimensions[row].outlineLevel = 2
                items.append(expect(sheet, row, question, "C", id_, comment="D", allowed=choices, section=[domain, sub]))
                answer_rows.append(row)
                row += 1
    ws.sheet_properties.outlinePr = Outline(summaryBelow=False, summaryRight=True)
    ws.sheet_format.outlineLevelRow = 2
    list_validation(ws, "ResponseOptions", *[f"C{r}" for r in answer_rows])
    col_widths(ws, A=12, B=78, C=16, D=40)
    option_values = wb.create_sheet("Option Values")
    heading_row(option_values, 1, {"A": "Response options", "B": "Owner of this list"}, paint="moss")
    for offset, choice in enumerate(choices, start=2):
        body_row(option_values, offset, {"A": choice}, "A")
    option_values["B2"] = "Third-party risk team"
    col_widths(option_values, A=22, B=28)
    wb.defined_names["ResponseOptions"] = DefinedName("ResponseOptions", attr_text=f"'Option Values'!$A$2:$A${len(choices) + 1}")
    path = store(wb, folder, "security_baseline_outline.xlsx")
    return Layout(
        name="outline_grouped_sections",
        path=path,
        format="xlsx",
        sheets=[
            sheet_of(sheet, 5, {"A": "id", "B": "question", "C": "answer", "D": "comment"}),
            ExpectedSheet("Option Values", "ignored"),
        ],
        items=items,
        note=(
            "Rows are grouped with Excel's row outline, summary rows above the detail (summaryBelow=0): domain "
            "rows at level 0, sub-domain rows at level 1, questions at level 2; every group is expanded (no hidden "
            "rows). Section is the path [domain, sub-domain]. The drop-down's formula is the defined name "
            "ResponseOptions ('Option Values'!$A$2:$A$5): allowed answers Met, Partly met, Not met, Not applicable, source "
            "'validation'. The visible Option Values sheet is ignored."
        ),
    )


# --- 5. symbol and emoji headings, emoji in the drop-down values ------------------------------------


def symbol_headings(folder: Path) -> Layout:
    sheet = "App Privacy Check"
    wb = Workbook()
    ws = wb.active
    ws.title = sheet
    caption(ws, "A1", "📱 Mobile & Web App Privacy Check", "A1:F1")
    heading_row(
        ws,
        2,
        {"A": "#", "B": "❓ Question", "C": "ℹ️ Guidance", "D": "✔ Response", "E": "💬 Comments", "F": "📎 Evidence"},
        paint="navy",
    )
    rows = [
        ("Does the app collect location data from users' devices?", "Include background collection and coarse location."),
        ("Are analytics or advertising SDKs embedded in the mobile app?", "Name each SDK and what it receives."),
        ("Can users delete their own account and data from within the app?", "Say how long deletion takes to complete."),
        ("Is the app aimed at children, or does it knowingly collect data from under-16s?", "Age gates and parental consent count as controls."),
        ("Is the app's traffic protected with certificate pinning?", "Applies to the iOS and Android builds."),
        ("Are crash reports scrubbed of personal data before they leave the device?", "Screenshots and logs attached to crashes included."),
        ("Do you sign the app binaries and protect the signing keys in hardware?", "An HSM or a managed signing service both count."),
        ("Is jailbreak or root detection built into the mobile app?", "Describe what the app does when it detects one."),
        ("Are secrets such as API keys kept out of the shipped app package?", "Keys fetched at run time after sign-in are fine."),
        ("Is consent recorded before any marketing message is sent to a user?", "Keep a timestamp and the wording shown."),
        ("Does the web front end send a strict Content Security Policy header?", "Report-only mode does not count."),
        ("Are cookies that carry session identifiers flagged Secure and HttpOnly?", "SameSite settings can go in the comments."),
        ("Is personal data saved in the app's local storage encrypted on the device?", "Platform keystores count as encryption."),
        ("Are the app's third-party libraries checked against a vulnerability database before each store release?",
         "Software composition analysis reports are good evidence."),
    ]
    choices = ["✅ Yes", "❌ No", "➖ Not applicable"]
    items: list[ExpectedItem] = []
    row = 3
    for number, (question, guidance) in enumerate(rows, start=1):
        body_row(ws, row, {"A": number, "B": question, "C": guidance}, "ABCDEF")
        ws[f"C{row}"].fill = PAINT["mist"]
        ws[f"D{row}"].fill = PAINT["input"]
        items.append(
            expect(sheet, row, question, "D", str(number), comment="E", evidence="F", allowed=choices, section=[], guidance=guidance)
        )
        row += 1
    list_validation(ws, choices, f"D3:D{row - 1}")
    col_widths(ws, A=5, B=64, C=40, D=18, E=36, F=24)
    ws.freeze_panes = "C3"
    path = store(wb, folder, "app_privacy_check_symbols.xlsx")
    return Layout(
        name="symbol_headings",
        path=path,
        format="xlsx",
        sheets=[sheet_of(sheet, 2, {"A": "id", "B": "question", "D": "answer", "E": "comment", "F": "evidence"})],
        items=items,
        note=(
            "Headings are a symbol or emoji plus a word: '#', '❓ Question', 'ℹ️ Guidance', '✔ Response', "
            "'💬 Comments', '📎 Evidence'. The answer is '✔ Response' (D); its drop-down values carry emoji and are "
            "taken exactly as written ('✅ Yes', '❌ No', '➖ Not applicable'). 'ℹ️ Guidance' (C) is a guidance "
            "column: guidance is its text. Ids are the numbers 1..14. No section rows (section [])."
        ),
    )


# --- 6. a questionnaire written in German --------------------------------------------------------------


def german_questionnaire(folder: Path) -> Layout:
    sheet = "Fragenkatalog"
    wb = Workbook()
    ws = wb.active
    ws.title = sheet
    caption(ws, "A1", "Lieferantenbewertung Informationssicherheit", "A1:E1")
    small_print(
        ws,
        "A2",
        "Bitte beantworten Sie jede Frage über die Auswahlliste in Spalte C und erläutern Sie Ihre Antwort in Spalte D. "
        "Nennen Sie in Spalte E die Dokumente, die Sie als Nachweis beifügen.",
        "A2:E2",
    )
    heading_row(ws, 4, {"A": "Nr.", "B": "Frage", "C": "Antwort", "D": "Erläuterung", "E": "Nachweis"}, paint="navy")
    sections = [
        (
            "1 Organisation der Informationssicherheit",
            [
                ("Verfügt Ihr Unternehmen über ein zertifiziertes Informationssicherheits-Managementsystem (z. B. nach ISO/IEC 27001)?",
                 "Ja", "Zertifikat gültig bis März 2028; Geltungsbereich umfasst Rechenzentrum und Support."),
                ("Ist ein Informationssicherheitsbeauftragter benannt, der direkt an die Geschäftsleitung berichtet?", "Ja", None),
                ("Werden Sicherheitsrichtlinien mindestens jährlich überprüft und bei Bedarf aktualisiert?", None, None),
                ("Werden Informationssicherheitsrisiken systematisch erfasst, bewertet und behandelt?", None, None),
            ],
        ),
        (
            "2 Personal",
            [
                ("Werden Mitarbeitende vor Arbeitsbeginn schriftlich zur Vertraulichkeit verpflichtet?", None, None),
                ("Nehmen alle Mitarbeitenden regelmäßig an Schulungen zur Informationssicherheit teil?", None, None),
                ("Werden Zugriffsrechte beim Austritt von Mitarbeitenden unverzüglich entzogen?", None, None),
            ],
        ),
        (
            "3 Technische Maßnahmen",
            [
                ("Werden Daten bei der Übertragung über öffentliche Netze verschlüsselt?", None, None),
                ("Werden Sicherheitsupdates für Server und Arbeitsplätze zeitnah eingespielt?", "Teilweise",
                 "Server innerhalb von 14 Tagen, Arbeitsplätze innerhalb von 30 Tagen."),
                ("Ist der Fernzugriff auf Ihre Systeme durch eine Zwei-Faktor-Authentisierung geschützt?", None, None),
                ("Werden Protokolldaten zentral gesammelt und auf Auffälligkeiten ausgewertet?", None, None),
                ("Sind alle Endgeräte durch einen aktuellen Virenschutz oder eine Lösung zur Angriffserkennung geschützt?", None, None),
            ],
        ),
        (
            "4 Notfallmanagement",
            [
                ("Existiert ein dokumentiertes Notfallkonzept für die Dienste, die Sie für uns erbringen?", None, None),
                ("Werden Datensicherungen regelmäßig auf ihre Wiederherstellbarkeit getestet?", None, None),
                ("Melden Sie uns Sicherheitsvorfälle, die unsere Daten betreffen, innerhalb von 24 Stunden?", None, None),
            ],
        ),
    ]
    choices = ["Ja", "Nein", "Teilweise", "Nicht zutreffend"]
    items: list[ExpectedItem] = []
    answer_rows: list[int] = []
    row = 5
    for title_text, questions in sections:
        band_row(ws, row, title_text, "A", "E")
        row += 1
        for number, (question, answer, remark) in enumerate(questions, start=1):
            id_ = f"{title_text.split()[0]}.{number}"
            body_row(ws, row, {"A": id_, "B": question, "C": answer, "D": remark}, "ABCDE")
            ws[f"C{row}"].fill = PAINT["input"]
            items.append(
                expect(
                    sheet,
                    row,
                    question,
                    "C",
                    id_,
                    comment="D",
                    evidence="E",
                    allowed=choices,
                    existing=answer,
                    existing_comment=remark,
                    section=[title_text],
                )
            )
            answer_rows.append(row)
            row += 1
    row += 1
    for label in ("Ort, Datum:", "Name und Funktion:", "Unterschrift:"):
        ws[f"A{row}"] = label
        ws[f"A{row}"].font = B_FONT
        ws[f"C{row}"].border = FRAME
        ws.merge_cells(f"A{row}:B{row}")
        row += 1
    list_validation(ws, choices, *[f"C{r}" for r in answer_rows])
    col_widths(ws, A=6, B=80, C=18, D=45, E=28)
    path = store(wb, folder, "lieferantenfragebogen_informationssicherheit.xlsx")
    return Layout(
        name="german_questionnaire",
        path=path,
        format="xlsx",
        sheets=[sheet_of(sheet, 4, {"A": "id", "B": "question", "C": "answer", "D": "comment", "E": "evidence"})],
        items=items,
        note=(
            "Everything is in German: 'Nr.' (ids 1.1 ...), 'Frage' (question), 'Antwort' (answer, drop-down Ja, "
            "Nein, Teilweise, Nicht zutreffend), 'Erläuterung' (comment), 'Nachweis' (evidence). Section rows "
            "('1 Organisation der Informationssicherheit') are plain. Two rows answered Ja, one Teilweise, with "
            "explanations. The sign-off fields (Ort, Datum / Name und Funktion / Unterschrift) are not items."
        ),
    )


# --- 7. a Yes/No answer beside a 0-5 maturity score --------------------------------------------------


def score_beside_yes_no(folder: Path) -> Layout:
    sheet = "Maturity Self-Review"
    wb = Workbook()
    ws = wb.active
    ws.title = sheet
    caption(ws, "A1", "Operational Resilience Self-Review", "A1:F1")
    small_print(
        ws,
        "A2",
        "Say whether each control is in place, then score its maturity from 0 to 5.",
        "A2:F2",
    )
    small_print(
        ws,
        "A3",
        "Maturity scale: 0 non-existent, 1 initial, 2 repeatable, 3 defined, 4 managed, 5 optimised.",
        "A3:F3",
    )
    heading_row(
        ws,
        4,
        {
            "A": "ID",
            "B": "Control question",
            "C": "In place? (Yes/No)",
            "D": "Maturity score (0-5)",
            "E": "Comments / rationale",
            "F": "Evidence",
        },
        paint="moss",
    )
    sections = [
        (
            "Asset and configuration",
            [
                ("Is there a single register of hardware and software assets, kept current by automated discovery?", "Yes", 3,
                 "Discovery runs nightly; cloud assets imported hourly."),
                ("Is the asset register reconciled against purchasing records at least once a year?", "No", 1, None),
                ("Are unauthorised software installations detected and removed?", None, None, None),
                ("Do configuration changes to network devices go through peer review?", None, None, None),
                ("Is drift from approved configuration baselines reported automatically?", None, None, None),
            ],
        ),
        (
            "Threat and vulnerability",
            [
                ("Are threat intelligence feeds used to decide which patches to apply first?", None, None, None),
                ("Is there an agreed time limit for fixing critical vulnerabilities on internet-facing systems?", "Yes", 4, None),
                ("Are penetration test findings tracked to closure with named owners?", None, None, None),
                ("Are end-of-life operating systems isolated or scheduled for replacement?", None, None, None),
                ("Are the security tools themselves monitored so that a silent failure is noticed?", None, None, None),
            ],
        ),
        (
            "Recovery",
            [
                ("Is there a documented recovery order for the systems that support our service?", None, None, None),
                ("Were the recovery time objectives met in your most recent recovery exercise?", None, None, None),
                ("Are crisis communication templates prepared for customers and regulators?", None, None, None),
                ("Must a post-incident review be completed before a major incident is closed?", None, None, None),
            ],
        ),
    ]
    items: list[ExpectedItem] = []
    answer_rows: list[int] = []
    row = 5
    number = 0
    for title_text, questions in sections:
        band_row(ws, row, title_text, "A", "F", paint="mist")
        row += 1
        for question, answer, score, remark in questions:
            number += 1
            id_ = f"MR-{number:02d}"
            body_row(ws, row, {"A": id_, "B": question, "C": answer, "D": score, "E": remark}, "ABCDEF")
            for letter in "CD":
                ws[f"{letter}{row}"].fill = PAINT["input"]
            items.append(
                expect(
                    sheet,
                    row,
                    question,
                    "C",
                    id_,
                    comment="E",
                    evidence="F",
                    allowed=["Yes", "No"],
                    existing=answer,
                    existing_comment=remark,
                    section=[title_text],
                )
            )
            answer_rows.append(row)
            row += 1
    list_validation(ws, ["Yes", "No"], *[f"C{r}" for r in answer_rows])
    score = DataValidation(
        type="whole",
        operator="between",
        formula1="0",
        formula2="5",
        allow_blank=True,
        showErrorMessage=True,
        errorTitle="Maturity score",
        error="Enter a whole number from 0 to 5.",
    )
    ws.add_data_validation(score)
    for r in answer_rows:
        score.add(f"D{r}")
    col_widths(ws, A=8, B=70, C=14, D=14, E=40, F=24)
    path = store(wb, folder, "resilience_yes_no_maturity.xlsx")
    return Layout(
        name="score_beside_yes_no",
        path=path,
        format="xlsx",
        sheets=[sheet_of(sheet, 4, {"A": "id", "B": "question", "C": "answer", "E": "comment", "F": "evidence"})],
        items=items,
        note=(
            "'In place? (Yes/No)' (C, drop-down Yes/No) is the answer; 'Maturity score (0-5)' (D), with a whole-number "
            "validation between 0 and 5 and a scale legend above the header, is supplementary and has no role. Three "
            "rows are answered (with scores in D); one has a comment. Section rows are plain."
        ),
    )


# --- 8. long questions with bullet lists, a spacer row between every two -----------------------------


def spaced_bullet_questions(folder: Path) -> Layout:
    sheet = "Narrative Due Diligence"
    wb = Workbook()
    ws = wb.active
    ws.title = sheet
    caption(ws, "A1", "Supplier Due Diligence - Narrative Responses", "A1:D1")
    heading_row(ws, 3, {"A": "Question ref", "B": "Question", "C": "Response", "D": "Supporting documents"}, paint="plum")
    yes_no_partly = ["Yes", "No", "Partly"]
    rows: list[tuple[str, list[str] | None]] = [
        ("Describe how your organisation governs information security. Include:\n"
         "• the committee or forum that oversees security and how often it meets\n"
         "• who chairs it and who attends\n"
         "• how its decisions and any exceptions are recorded", None),
        ("Which of the following certifications or attestations do you hold for the services in scope?\n"
         "• ISO/IEC 27001\n• SOC 2 Type II\n• Cyber Essentials Plus\n• PCI DSS\n"
         "List the ones you hold and attach the certificates.", None),
        ("In the last three years, has your organisation had a security breach that:\n"
         "• affected customer data, or\n"
         "• had to be reported to a regulator, or\n"
         "• caused a service outage of more than four hours?", ["Yes", "No"]),
        ("Explain how you manage vulnerabilities from discovery to closure, covering:\n"
         "– the tools used to find them\n– how severity is rated\n– the target fix time for each severity\n"
         "– how exceptions are approved", None),
        ("Outline your approach to secure software development:\n"
         "1) the training given to developers\n2) code review and testing before release\n"
         "3) how open-source components are chosen and kept up to date", None),
        ("Are all of the following in place for privileged users?\n"
         "• separate administrator accounts\n• hardware-backed multi-factor authentication\n"
         "• recording of administrative sessions\n• a quarterly review of who holds privileged rights", yes_no_partly),
        ("Describe the business continuity arrangements for the contracted service, including:\n"
         "• the disruption scenarios you have planned for\n• the date of the last full test\n"
         "• the recovery objectives you are committed to", None),
        ("Which parts of the service, if any, are subcontracted? For each subcontractor give:\n"
         "• its name and country\n• what it does for you\n• which of our data it can access", None),
        ("Can you accept each of these contract terms?\n"
         "• a right to audit on 30 days' notice\n• notice of a breach within 24 hours\n"
         "• return of our data in a machine-readable format on exit\n"
         "If not, say in your response which ones you cannot accept.", yes_no_partly),
        ("Summarise the insurance you carry that would respond to a cyber incident:\n"
         "• the type of policy\n• the limit of indemnity\n• the excess", None),
        ("Tell us about any changes planned for the next 12 months that could affect the security of the service, such as:\n"
         "• a change of hosting provider\n• a merger or acquisition\n• the retirement of a product version", None),
        ("Confirm that you can provide each of these within five working days of our request:\n"
         "• access logs for our tenant\n• the list of your staff with access to our data\n"
         "• the summary of your latest penetration test", yes_no_partly),
    ]
    items: list[ExpectedItem] = []
    row = 4
    for number, (question, choices) in enumerate(rows, start=1):
        id_ = f"DD-{number}"
        body_row(ws, row, {"A": id_, "B": question}, "ABCD")
        ws[f"C{row}"].fill = PAINT["input"]
        ws.row_dimensions[row].height = 15 * (question.count("\n") + 1)
        if choices:
            list_validation(ws, choices, f"C{row}")
        items.append(expect(sheet, row, question, "C", id_, evidence="D", allowed=choices, section=[]))
        ws.row_dimensions[row + 1].height = 6
        row += 2
    small_print(ws, f"A{row}", "Thank you. Please send the completed sheet and your supporting documents to our procurement team.", f"A{row}:D{row}")
    DECOYS["spaced_bullet_questions"] = {(sheet, row): "closing note"}
    col_widths(ws, A=12, B=90, C=50, D=30)
    path = store(wb, folder, "narrative_due_diligence_spaced.xlsx")
    return Layout(
        name="spaced_bullet_questions",
        path=path,
        format="xlsx",
        sheets=[sheet_of(sheet, 3, {"A": "id", "B": "question", "C": "answer", "D": "evidence"})],
        items=items,
        note=(
            "Twelve long narrative questions, each holding a list inside the cell (• bullets, – dashes or 1) 2) 3) "
            "numbers) after line breaks; each is one item whose question is the whole cell, bullets kept, whitespace "
            "collapsed. An empty, 6-point spacer row separates every two questions (not items, not the end of the "
            "table). Most answers are free text; DD-3 has a Yes/No drop-down and DD-6, DD-9, DD-12 Yes/No/Partly. "
            "'Supporting documents' is the evidence column; there is no comment column. The closing note is not an "
            "item. No section rows (section [])."
        ),
    )


# --- 9. CSV with Excel's "sep=;" hint line ------------------------------------------------------------


def sep_hint_semicolon_csv(folder: Path) -> Layout:
    sheet = "cloud_provider_assessment"
    domains = [
        (
            "Governance",
            [
                ("Does your cloud governance policy assign an owner to every cloud account and subscription?", "Yes",
                 "Owners are recorded in the account vending tool; reviewed quarterly."),
                ("Are sudden rises in cloud spending investigated in case they signal a compromised account?", None, None),
                ("Is there a register of the managed cloud services you rely on, showing where your responsibility ends?", None, None),
            ],
        ),
        (
            "Cloud operations",
            [
                ("Are organisation-wide guardrails, such as service control policies, applied to all cloud accounts?", "Yes", None),
                ("Is logging of control-plane activity switched on in every region, including regions you do not use?", None, None),
                ("Are security group rules that expose management ports to the internet blocked automatically?", None, None),
                ("Do you use a cloud security posture management tool, and who reviews what it finds?", None, None),
                ("Are container images scanned and signed before they are deployed to production clusters?", "Partly",
                 "Scanning is in place; signing goes live in Q2 2027."),
                ("Is Kubernetes role-based access control set up so that no workload runs with cluster-admin rights?", None, None),
                ("Are serverless functions given only the permissions each one needs?", None, None),
                ("How do you detect and rotate credentials that have been exposed in a public code repository?", None, None),
                ("Do storage lifecycle rules delete data automatically once its retention period has ended?", None, None),
                ("Are cloud resources tagged with an owner and a data classification?", "Yes",
                 "Untagged resources are flagged; deployment fails without an owner tag."),
            ],
        ),
        (
            "Exit",
            [
                ("Can you provide an exit plan showing how our workloads would move to another provider?", None, None),
                ("Is the format of a full data export documented and free of proprietary encodings?", None, None),
                ("Will you support us through a transition period of at least six months after termination?", None, None),
            ],
        ),
    ]
    records: list[list[str]] = [["Question ID", "Domain", "Question", "Provider answer", "Provider notes"]]
    items: list[ExpectedItem] = []
    for number, (domain, questions) in enumerate(domains, start=1):
        for sub, (question, answer, note) in enumerate(questions, start=1):
            id_ = f"{number}.{sub}"
            records.append([id_, domain, question, answer or "", note or ""])
            # row 1 is the sep= line, so record k of `records` is row k + 1
            items.append(expect(sheet, len(records) + 1, question, "D", id_, comment="E", existing=answer, existing_comment=note))
    buffer = io.StringIO(newline="")
    buffer.write("sep=;\r\n")
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerows(records)
    path = folder / "cloud_provider_assessment.csv"
    path.write_bytes(buffer.getvalue().encode("utf-8"))
    return Layout(
        name="sep_hint_semicolon_csv",
        path=path,
        format="csv",
        sheets=[ExpectedSheet(sheet, "questionnaire", 2, {"A": "id", "C": "question", "D": "answer", "E": "comment"})],
        items=items,
        csv=True,
        encoding="utf-8",
        delimiter=";",
        note=(
            "First line 'sep=;' (Excel's delimiter hint), then a semicolon-separated header and 16 records, UTF-8 "
            "without a BOM, CRLF. The hint line is row 1 (not a title, not the header); the header is row 2. Ids "
            "are as written: '2.10' follows '2.9' and is not '2.1'. The Domain column repeats on every row "
            "(grouping, section ANY). Four rows are answered; notes containing ';' are quoted. No drop-downs."
        ),
    )


# --- 10. withdrawn questions left visible, struck through ---------------------------------------------


def struck_through_withdrawn(folder: Path) -> Layout:
    sheet = "Questionnaire v3.2"
    wb = Workbook()
    ws = wb.active
    ws.title = sheet
    caption(ws, "A1", "Annual Supplier Security Questionnaire - version 3.2", "A1:E1")
    small_print(
        ws,
        "A2",
        "Column C shows what changed since version 3.1. Questions marked Withdrawn are struck through and need no answer.",
        "A2:E2",
    )
    heading_row(ws, 4, {"A": "ID", "B": "Question", "C": "Status", "D": "Answer", "E": "Comment"}, paint="slate")
    rows = [
        ("Do you maintain an approved list of cryptographic libraries that developers may use?", "Unchanged"),
        ("Is network traffic between your data centres encrypted?", "Unchanged"),
        ("Are DNS queries from your corporate network filtered against known malicious domains?", "Reworded"),
        ("Do you block unapproved file-sharing services on corporate devices?", "Unchanged"),
        ("Do you still run Windows 7 on any device that connects to our network?", "Withdrawn"),
        ("Are generative AI tools used by your staff covered by an acceptable-use policy?", "New"),
        ("Is our data excluded from the training of any machine-learning model you operate or use?", "New"),
        ("Are your e-mail domains protected with SPF, DKIM and a DMARC policy of quarantine or reject?", "Reworded"),
        ("Is wireless access in your offices kept apart from the network that hosts customer systems?", "Unchanged"),
        ("Are vendor default passwords changed before equipment is put into service?", "Unchanged"),
        ("Do you still send documents containing our information by fax?", "Withdrawn"),
        ("Do your executives take part in a tabletop exercise on a cyber-attack scenario each year?", "New"),
        ("Are firmware updates for network equipment applied within a defined period?", "Unchanged"),
        ("Do your staff store work files in personal cloud storage accounts?", "Withdrawn"),
        ("Is there a published way for customers to report a suspected vulnerability in your service?", "Unchanged"),
        ("Can each software release be traced to the source code commit it was built from?", "New"),
        ("Will you tell us before changing the list of countries where your support staff work?", "Reworded"),
    ]
    choices = ["Yes", "No", "Partial", "N/A"]
    items: list[ExpectedItem] = []
    decoys: dict[tuple[str, int], str] = {}
    answer_rows: list[int] = []
    row = 5
    for number, (question, status) in enumerate(rows, start=1):
        id_ = f"Q{number:02d}"
        body_row(ws, row, {"A": id_, "B": question, "C": status}, "ABCDE")
        if status == "Withdrawn":
            for letter in "AB":
                ws[f"{letter}{row}"].font = STRUCK
            for letter in "DE":
                ws[f"{letter}{row}"].fill = PAINT["mist"]
            decoys[(sheet, row)] = "withdrawn question, struck through"
        else:
            ws[f"D{row}"].fill = PAINT["input"]
            items.append(expect(sheet, row, question, "D", id_, comment="E", allowed=choices, section=[]))
            answer_rows.append(row)
        row += 1
    DECOYS["struck_through_withdrawn"] = decoys
    list_validation(ws, ["Unchanged", "New", "Reworded", "Withdrawn"], f"C5:C{row - 1}")
    list_validation(ws, choices, *[f"D{r}" for r in answer_rows])
    col_widths(ws, A=7, B=80, C=14, D=12, E=40)
    history = wb.create_sheet("Change History")
    heading_row(history, 1, {"A": "Version", "B": "Date", "C": "Changes"}, paint="slate")
    changes = [
        ("3.0", "2025-10-14", "Questionnaire restructured; numbering restarted at Q01."),
        ("3.1", "2026-03-02", "Q03 and Q08 clarified after supplier feedback."),
        ("3.2", "2026-11-02", "Q06, Q07, Q12 and Q16 added; Q05, Q11 and Q14 withdrawn; Q03, Q08 and Q17 reworded."),
    ]
    for offset, (version, date, change) in enumerate(changes, start=2):
        body_row(history, offset, {"A": version, "B": date, "C": change}, "ABC")
    col_widths(history, A=9, B=12, C=90)
    path = store(wb, folder, "supplier_questionnaire_v3_2.xlsx")
    return Layout(
        name="struck_through_withdrawn",
        path=path,
        format="xlsx",
        sheets=[
            sheet_of(sheet, 4, {"A": "id", "B": "question", "D": "answer", "E": "comment"}),
            ExpectedSheet("Change History", "ignored"),
        ],
        items=items,
        note=(
            "Seventeen numbered rows, three of them (Q05, Q11, Q14) withdrawn: still visible, struck through, Status "
            "'Withdrawn', answer and comment cells greyed with no drop-down; they are NOT items. The requester's "
            "'Status' column (C, with its own Unchanged/New/Reworded/Withdrawn drop-down) is not the answer; the "
            "answer is D (Yes, No, Partial, N/A). No section rows (section []). 'Change History' is ignored."
        ),
    )


HELDOUT5_LAYOUTS: list[Callable[[Path], Layout]] = [
    x14_list_other_sheet,
    comment_left_of_answer,
    lettered_sub_questions,
    outline_grouped_sections,
    symbol_headings,
    german_questionnaire,
    score_beside_yes_no,
    spaced_bullet_questions,
    sep_hint_semicolon_csv,
    struck_through_withdrawn,
]

#: The same builders by layout name (the form `bench/layout_bench.py` takes for a group).
HELDOUT5_BY_NAME: dict[str, Callable[[Path], Layout]] = {builder.__name__: builder for builder in HELDOUT5_LAYOUTS}


# --- self-check -----------------------------------------------------------------------------------

#: Layouts whose drop-downs live only in the x14 extension (openpyxl cannot see them).
X14_LAYOUTS = {"x14_list_other_sheet"}

#: Heading words, per layout written in another language, that give a column its role.
FOREIGN_HEADINGS: dict[str, dict[str, re.Pattern[str]]] = {
    "german_questionnaire": {
        "id": re.compile(r"^(nr\.?|lfd\. nr\.?)$", re.I),
        "question": re.compile(r"\bfrage\b", re.I),
        "answer": re.compile(r"\bantwort\b", re.I),
        "comment": re.compile(r"erläuterung|bemerkung|kommentar", re.I),
        "evidence": re.compile(r"\bnachweis", re.I),
    },
}

_HEADED = re.compile(r": column ([A-Z]{1,3}) \((\w+)\) is headed (['\"])(.*)\3$")


def _excused(layout: Layout, problem: str) -> bool:
    """An imported check's complaint that this file replaces with its own check of the same thing."""
    foreign = FOREIGN_HEADINGS.get(layout.name)
    if foreign is not None:
        match = _HEADED.search(problem)
        if match and match.group(2) in foreign and foreign[match.group(2)].search(match.group(4)):
            return True
    if layout.name == "sep_hint_semicolon_csv" and problem == "records of differing widths":
        return True
    return False


def _imported_view(layout: Layout) -> Layout:
    """The layout as the imported checks can see it: a sub-row's id is the text of its id cell, and
    the x14-only drop-downs are invisible to openpyxl (their allowed answers are checked here)."""
    view = copy.deepcopy(layout)
    for item in view.items:
        if isinstance(item.id, SubId):
            item.id = SUB_LABEL.format(item.id.sub)
        if layout.name in X14_LAYOUTS:
            item.allowed_answers = []
            item.allowed_answers_source = None
    return view


def _roles(layout: Layout, index: int = 0) -> dict[str, str]:
    return {role: letter for letter, role in layout.sheets[index].columns.items()}


def _load(layout: Layout) -> Any:
    import openpyxl

    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message=".*extension is not supported.*")
        return openpyxl.load_workbook(layout.path)


# --- one check per layout of the feature it exercises ---------------------------------------------


def _feature_x14(layout: Layout, wb: Any) -> list[str]:
    problems: list[str] = []
    sheet = layout.sheets[0]
    with zipfile.ZipFile(layout.path) as zf:
        if zf.testzip() is not None:
            problems.append("a damaged ZIP member")
        raw = zf.read(_sheet_part(zf, sheet.name)).decode("utf-8")
    try:
        root, lists = _x14_lists(layout.path, sheet.name)
    except ET.ParseError as error:
        return problems + [f"the sheet XML is not well-formed: {error}"]
    opening = re.search(r"<worksheet\b[^>]*>", raw)
    head = opening.group(0) if opening else ""
    declared = set(re.findall(r'xmlns:(\w+)="', head))
    ignorable = re.search(r'mc:Ignorable="([^"]*)"', head)
    if "mc" not in declared or ignorable is None or not set(ignorable.group(1).split()) <= declared:
        problems.append("mc:Ignorable missing or naming an undeclared prefix")
    if len(root) == 0 or root[-1].tag != f"{{{NS_MAIN}}}extLst":
        problems.append("<extLst> is not the worksheet's last child")
    else:
        uris = [ext.get("uri") for ext in root[-1]]
        if uris != [X14_VALIDATION_URI]:
            problems.append(f"extension uris {uris}")
    if list(root.iter(f"{{{NS_MAIN}}}dataValidations")):
        problems.append("the sheet also has classic data validations")
    if len(lists) != 1 or lists[0][0] != "list":
        return problems + [f"{len(lists)} x14 validations, expected one list"]
    _, formula, ranges = lists[0]
    if "!" not in formula or formula.split("!")[0].strip("'") == sheet.name:
        problems.append(f"the x14 list {formula!r} does not refer to another sheet")
    values = _resolve_list(wb, sheet.name, formula)
    covered = {(col, row) for r in ranges for col, row in CellRange(r).cells}
    answers = set()
    for item in layout.items:
        _, column, row = split_ref(item.answer_cell)
        answers.add((row, column_index_from_string(column)))
        if (row, column_index_from_string(column)) not in covered:
            problems.append(f"row {item.row}: answer cell {column}{row} is not under the x14 drop-down")
        if item.allowed_answers != values or item.allowed_answers_source != "validation":
            problems.append(f"row {item.row}: allowed answers {item.allowed_answers} != x14 list {values}")
        if _validations_over(wb[sheet.name], f"{column}{row}"):
            problems.append(f"row {item.row}: openpyxl sees a classic drop-down over {column}{row}")
    if covered != answers:
        problems.append("the x14 drop-down covers cells that are not answer cells")
    return problems


def _feature_comment_left(layout: Layout, wb: Any) -> list[str]:
    problems = []
    for item in layout.items:
        answer = column_index_from_string(split_ref(item.answer_cell)[1])
        comment = column_index_from_string(split_ref(item.comment_cell)[1]) if item.comment_cell else 0
        if not 0 < comment < answer:
            problems.append(f"row {item.row}: the comment cell is not left of the answer cell")
    if not any(item.existing_comment and item.existing_answer is None for item in layout.items):
        problems.append("no remark without an answer")
    if sum(item.existing_answer is not None for item in layout.items) < 3:
        problems.append("too few answered rows")
    return problems


def _feature_sub_questions(layout: Layout, wb: Any) -> list[str]:
    problems: list[str] = []
    sheet = layout.sheets[0]
    ws = wb[sheet.name]
    id_letter = _roles(layout)["id"]
    answer_letter = _roles(layout)["answer"]
    subs = [item for item in layout.items if isinstance(item.id, SubId)]
    if len(subs) < 8:
        problems.append(f"only {len(subs)} sub-question items")
    keys = [(item.id.base, item.id.sub) for item in subs]
    if len(keys) != len(set(keys)):
        problems.append("sub-question ids repeat")
    for item in subs:
        label = ws[f"{id_letter}{item.row}"].value
        if label != SUB_LABEL.format(item.id.sub):
            problems.append(f"row {item.row}: id cell {label!r} does not show the letter {item.id.sub!r}")
        parent = None
        for row in range(item.row - 1, sheet.header_row, -1):
            value = ws[f"{id_letter}{row}"].value
            if isinstance(value, str) and re.fullmatch(r"\d+\.\d+", value):
                parent = value
                break
        if parent != item.id.base:
            problems.append(f"row {item.row}: nearest parent id above is {parent!r}, not {item.id.base!r}")
    lead_ins = DECOYS.get(layout.name, {})
    if not lead_ins:
        problems.append("no lead-in parent")
    for _, row in lead_ins:
        if _validations_over(ws, f"{answer_letter}{row}"):
            problems.append(f"row {row}: the lead-in parent has a drop-down")
        if ws[f"{answer_letter}{row}"].fill.fgColor.rgb != PAINT["mist"].fgColor.rgb:
            problems.append(f"row {row}: the lead-in parent's answer cell is not greyed out")
    parents = [item for item in layout.items if isinstance(item.id, str) and str(item.question).endswith("If yes:")]
    if len(parents) < 2 or any(not item.allowed_answers for item in parents):
        problems.append("answerable parents missing or without a drop-down")
    if not any(not item.allowed_answers for item in subs) or all(not item.allowed_answers for item in subs):
        problems.append("sub-questions should mix drop-downs and free text")
    return problems


def _feature_outline(layout: Layout, wb: Any) -> list[str]:
    problems: list[str] = []
    sheet = layout.sheets[0]
    ws = wb[sheet.name]
    outline = ws.sheet_properties.outlinePr
    if outline is None or outline.summaryBelow:
        problems.append("summary rows are not above the detail")
    item_rows = {item.row for item in layout.items}
    headings: dict[int, str] = {}
    for item in layout.items:
        if ws.row_dimensions[item.row].outlineLevel != 2:
            problems.append(f"row {item.row}: outline level {ws.row_dimensions[item.row].outlineLevel}, not 2")
        if not isinstance(item.section, list) or len(item.section) != 2:
            problems.append(f"row {item.row}: section {item.section!r} is not [domain, sub-domain]")
            continue
        for level, title in enumerate(item.section):
            rows = [r for r in range(sheet.header_row + 1, item.row) if ws[f"A{r}"].value == title]
            if not rows:
                problems.append(f"row {item.row}: no heading row {title!r} above it")
            else:
                headings[rows[-1]] = title
                if (ws.row_dimensions[rows[-1]].outlineLevel or 0) != level:
                    problems.append(f"heading {title!r} is not at outline level {level}")
    for row in range(sheet.header_row + 1, ws.max_row + 1):
        if ws.row_dimensions[row].hidden:
            problems.append(f"row {row}: hidden (a collapsed group)")
        if row not in item_rows and row not in headings and any(c.value is not None for c in ws[row]):
            problems.append(f"row {row}: neither an item nor a heading")
    answer = _roles(layout)["answer"]
    for item in layout.items:
        over = _validations_over(ws, f"{answer}{item.row}")
        if len(over) != 1 or over[0].formula1 != "ResponseOptions":
            problems.append(f"row {item.row}: the drop-down does not use the defined name")
    if "ResponseOptions" not in wb.defined_names:
        problems.append("no defined name ResponseOptions")
    return problems


def _feature_symbols(layout: Layout, wb: Any) -> list[str]:
    problems: list[str] = []
    sheet = layout.sheets[0]
    ws = wb[sheet.name]
    for letter, role in sheet.columns.items():
        heading = str(ws[f"{letter}{sheet.header_row}"].value)
        if role != "id" and (heading[:1].isascii() or " " not in heading):
            problems.append(f"column {letter} heading {heading!r} is not a symbol plus a word")
    guidance_letter = next(
        (c.column_letter for c in ws[sheet.header_row] if isinstance(c.value, str) and "Guidance" in c.value), None
    )
    if guidance_letter is None or guidance_letter in sheet.columns:
        problems.append("no guidance column, or the guidance column is given a role")
    for item in layout.items:
        if guidance_letter and item.guidance != ws[f"{guidance_letter}{item.row}"].value:
            problems.append(f"row {item.row}: guidance is not the guidance column's text")
        if not all(any(not ch.isascii() for ch in answer) for answer in item.allowed_answers):
            problems.append(f"row {item.row}: drop-down values without a symbol")
    return problems


def _feature_german(layout: Layout, wb: Any) -> list[str]:
    problems: list[str] = []
    sheet = layout.sheets[0]
    ws = wb[sheet.name]
    patterns = FOREIGN_HEADINGS[layout.name]
    for letter, role in sheet.columns.items():
        heading = collapse(ws[f"{letter}{sheet.header_row}"].value) or ""
        if not patterns[role].search(heading):
            problems.append(f"column {letter} ({role}) is headed {heading!r}, not a German {role} heading")
        if role in ("answer", "comment", "evidence") and ROLE_HEADINGS[role].search(heading):
            problems.append(f"column {letter} ({role}) has an English heading {heading!r}")
        for other, pattern in patterns.items():
            if other != role and pattern.search(heading):
                problems.append(f"column {letter} ({role}) is headed like a {other} column ({heading!r})")
    if sum(bool(re.search(r"[äöüß]", item.question, re.I)) for item in layout.items) < 5:
        problems.append("too few questions with German letters")
    if any(item.allowed_answers != ["Ja", "Nein", "Teilweise", "Nicht zutreffend"] for item in layout.items):
        problems.append("allowed answers are not the German choices")
    return problems


def _feature_score(layout: Layout, wb: Any) -> list[str]:
    problems: list[str] = []
    sheet = layout.sheets[0]
    ws = wb[sheet.name]
    score_letters = [c.column_letter for c in ws[sheet.header_row] if isinstance(c.value, str) and "score" in c.value.lower()]
    if len(score_letters) != 1:
        return [f"{len(score_letters)} score columns"]
    letter = score_letters[0]
    if letter in sheet.columns:
        problems.append("the score column is given a role")
    answer = _roles(layout)["answer"]
    if abs(column_index_from_string(letter) - column_index_from_string(answer)) != 1:
        problems.append("the score column is not beside the answer column")
    whole = [dv for dv in ws.data_validations.dataValidation if dv.type == "whole"]
    if len(whole) != 1 or (whole[0].formula1, whole[0].formula2, whole[0].operator) != ("0", "5", "between"):
        problems.append("no whole-number 0-5 validation")
    else:
        for item in layout.items:
            if not any(f"{letter}{item.row}" in CellRange(str(r)) for r in whole[0].sqref.ranges):
                problems.append(f"row {item.row}: the score cell has no 0-5 validation")
    scored = [item for item in layout.items if ws[f"{letter}{item.row}"].value is not None]
    if len(scored) < 3 or any(item.existing_answer is None for item in scored):
        problems.append("scores should sit beside answered rows (at least three)")
    if any(item.allowed_answers != ["Yes", "No"] for item in layout.items):
        problems.append("the answer is not the Yes/No drop-down")
    return problems


def _feature_spacers(layout: Layout, wb: Any) -> list[str]:
    problems: list[str] = []
    ws = wb[layout.sheets[0].name]
    rows = [item.row for item in layout.items]
    for upper, lower in zip(rows, rows[1:]):
        if lower - upper != 2:
            problems.append(f"rows {upper} and {lower} are not one spacer row apart")
            continue
        spacer = upper + 1
        if any(c.value is not None for c in ws[spacer]) or (ws.row_dimensions[spacer].height or 15) > 8:
            problems.append(f"row {spacer}: not an empty, low spacer row")
    question = _roles(layout)["question"]
    for item in layout.items:
        text = ws[f"{question}{item.row}"].value
        if text.count("\n") < 3 or not re.search(r"\n(•|–|\d\))", text):
            problems.append(f"row {item.row}: the question holds no list")
    if sum(bool(item.allowed_answers) for item in layout.items) not in range(2, len(layout.items) - 1):
        problems.append("the set wants a mix of drop-downs and free text")
    return problems


def _feature_sep_csv(layout: Layout, wb: Any) -> list[str]:
    problems: list[str] = []
    raw = layout.path.read_bytes()
    if raw.startswith(b"\xef\xbb\xbf"):
        problems.append("a BOM (Excel ignores the sep= hint after one)")
    text = raw.decode("utf-8")
    if not text.startswith("sep=;\r\n"):
        problems.append("the first line is not exactly 'sep=;'")
    if text.count("\n") != text.count("\r\n"):
        problems.append("not every line ends in CRLF")
    records = list(csv.reader(io.StringIO(text, newline=""), delimiter=";", strict=True))
    if len({len(record) for record in records[1:]}) != 1:
        problems.append("records after the hint line differ in width")
    if records[0] != ["sep=", ""]:
        problems.append(f"the hint line reads {records[0]!r}")
    if layout.sheets[0].header_row != 2:
        problems.append("the header is not the row after the hint line")
    ids = [item.id for item in layout.items]
    if "2.10" not in ids or "2.1" not in ids:
        problems.append("no '2.10' beside '2.1'")
    if not re.search(r'"[^"\r\n]*;[^"\r\n]*"', text):
        problems.append("no quoted field holding the delimiter")
    return problems


def _feature_withdrawn(layout: Layout, wb: Any) -> list[str]:
    problems: list[str] = []
    sheet = layout.sheets[0]
    ws = wb[sheet.name]
    roles = _roles(layout)
    status = next((c.column_letter for c in ws[sheet.header_row] if c.value == "Status"), None)
    if status is None or status in sheet.columns:
        return ["no Status column, or it is given a role"]
    item_rows = {item.row for item in layout.items}
    decoys = DECOYS.get(layout.name, {})
    withdrawn = 0
    for row in range(sheet.header_row + 1, ws.max_row + 1):
        if ws[f"{roles['id']}{row}"].value is None:
            continue
        struck = bool(ws[f"{roles['question']}{row}"].font.strike)
        gone = ws[f"{status}{row}"].value == "Withdrawn"
        if gone:
            withdrawn += 1
            if not struck or row in item_rows or (sheet.name, row) not in decoys:
                problems.append(f"row {row}: a withdrawn row must be struck through, a decoy and not an item")
            if _validations_over(ws, f"{roles['answer']}{row}"):
                problems.append(f"row {row}: a withdrawn row keeps its answer drop-down")
        elif struck or row not in item_rows:
            problems.append(f"row {row}: a live question that is struck through or not an item")
    if withdrawn < 3:
        problems.append(f"only {withdrawn} withdrawn rows")
    if [s.status for s in layout.sheets] != ["questionnaire", "ignored"]:
        problems.append("the change history sheet is not ignored")
    return problems


FEATURES: dict[str, Callable[[Layout, Any], list[str]]] = {
    "x14_list_other_sheet": _feature_x14,
    "comment_left_of_answer": _feature_comment_left,
    "lettered_sub_questions": _feature_sub_questions,
    "outline_grouped_sections": _feature_outline,
    "symbol_headings": _feature_symbols,
    "german_questionnaire": _feature_german,
    "score_beside_yes_no": _feature_score,
    "spaced_bullet_questions": _feature_spacers,
    "sep_hint_semicolon_csv": _feature_sep_csv,
    "struck_through_withdrawn": _feature_withdrawn,
}


def check_layout(layout: Layout) -> list[str]:
    """Every check of one built layout against its file: the imported ones (on the view they can
    see, less the complaints this file replaces) and this file's feature check."""
    view = _imported_view(layout)
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message=".*extension is not supported.*")
        imported = _check_csv(view) if view.csv else _check_xlsx(view)
        imported += _generic_problems(view)
        imported += _csv_problems(view) if view.csv else _xlsx_problems(view)
    problems = [problem for problem in imported if not _excused(layout, problem)]
    feature = FEATURES.get(layout.name)
    if feature is None:
        problems.append("no feature check for this layout")
    else:
        try:
            problems += feature(layout, None if layout.csv else _load(layout))
        except (KeyError, AttributeError, TypeError, ValueError) as error:
            # a role the feature needs is missing (as in a shifted-column mistake) or a cell is odd
            problems.append(f"the feature check cannot read the layout ({type(error).__name__}: {error})")
    keys = [(item.sheet, item.row) for item in layout.items]
    if len(keys) != len(set(keys)):
        problems.append("two items on one row")
    order = {sheet.name: index for index, sheet in enumerate(layout.sheets)}
    if keys != sorted(keys, key=lambda key: (order.get(key[0], -1), key[1])):
        problems.append("items are not in sheet and row order")
    ids = [(item.sheet, str(item.id)) for item in layout.items if isinstance(item.id, (str, SubId))]
    if len(ids) != len(set(ids)):
        problems.append("ids repeat on a sheet")
    return problems


def _all_earlier(folder: Path) -> tuple[set[str], set[str], list[str]]:
    """Sheet names and questions of the four earlier held-out sets (built quietly, never printed)."""
    with contextlib.redirect_stdout(io.StringIO()):
        sheets, questions, notes = _earlier_sets(folder)
        got = _words_of(list(HELDOUT4_LAYOUTS), folder, "heldout4")
    if not got[1]:
        notes.append("heldout4: no questions found to compare")
    return sheets | got[0], questions | got[1], notes + got[2]


def _overlap_problems(layout: Layout, known: dict[str, tuple[set[str], set[str]]], seen: set[str]) -> list[str]:
    problems: list[str] = []
    if not layout.csv:
        for sheet in layout.sheets:
            for label, (sheets, _) in known.items():
                if sheet.name in sheets:
                    problems.append(f"sheet name {sheet.name!r} is also used by {label}")
    own: set[tuple[str, str]] = set()
    for item in layout.items:
        text = collapse(item.question)
        for label, (_, questions) in known.items():
            if _near_duplicate(text, questions) is not None:
                problems.append(f"question too close to one of {label}: {text!r}")
        if text in seen:
            problems.append(f"question repeated from another layout of this set: {text!r}")
        if (item.sheet, text) in own:
            problems.append(f"question repeated on sheet {item.sheet!r}: {text!r}")
        own.add((item.sheet, text))
    return problems


def self_check(verbose: bool = True) -> int:
    """Writes every file of this set into a temporary folder and checks its expectations; returns the
    number of problems (0 when every layout is described by its expectations, every deliberate
    mistake is caught and nothing repeats an earlier set)."""
    total = 0
    with tempfile.TemporaryDirectory(prefix="quire-heldout5-") as tmp:
        folder = Path(tmp)
        with contextlib.redirect_stdout(io.StringIO()):
            tuned_sheets, tuned_questions, notes = _tuned_words(folder / "tuned")
        earlier_sheets, earlier_questions, earlier_notes = _all_earlier(folder / "earlier")
        for note in notes + earlier_notes:
            print(f"note: {note}")
        known = {
            "a tuned layout": (tuned_sheets, tuned_questions),
            "an earlier held-out set": (earlier_sheets, earlier_questions),
        }
        seen_questions: set[str] = set()
        items_total = mutations_total = mutations_caught = 0
        for builder in HELDOUT5_LAYOUTS:
            name = builder.__name__
            sub = folder / "set5" / name
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
            if layout.format != ("csv" if layout.csv else "xlsx") or layout.path.suffix.lstrip(".") != layout.format:
                problems.append(f"format {layout.format!r} does not match the file {layout.path.name}")
            if not layout.note:
                problems.append("the layout states no note")
            problems += _overlap_problems(layout, known, seen_questions)
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
        if len(HELDOUT5_BY_NAME) != len(HELDOUT5_LAYOUTS):
            print("two builders share a name")
            total += 1
        print(f"deliberate mistakes caught: {mutations_caught}/{mutations_total}")
        print(f"self-check: {len(HELDOUT5_LAYOUTS)} held-out layouts (set 5), {items_total} items, {total} problem(s)")
    return total


if __name__ == "__main__":
    sys.exit(1 if self_check() else 0)
