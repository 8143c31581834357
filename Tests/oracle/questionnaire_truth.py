"""Ground truth for `quire inspect` on the corpus questionnaires, computed with openpyxl alone.

    .venv/bin/python Tests/oracle/questionnaire_truth.py [CORPUS]          # readable report
    .venv/bin/python Tests/oracle/questionnaire_truth.py [CORPUS] --json   # what the test compares

CORPUS is the corpus folder (default: $QUIRE_CORPUS, else ../shared/corpus from the repository root).
Needs only openpyxl (and the standard library: the x14 validations that openpyxl drops are read
from the sheet XML with zipfile and ElementTree).

For each workbook it prints the number of items, the sheets to read as questionnaires and the sheets
to ignore, and three items: the first, the middle one (index len // 2) and the last, each as

    id, question, sheet, row, answer_cell, allowed_answers, existing_answer

The rules that decide what an item is are in the docstring of each `truth_*` function, and the
reasons for them in test_questionnaire_corpus.py. The expectations written there as literals must
equal this script's --json output (test_truth_script_matches_literals checks it).

Conventions shared by all files
-------------------------------
- Values are cached formula results (`data_only=True`): a question made by VLOOKUP or INDEX is the
  text Excel last showed.
- Question text is the cell's text as stored (whitespace kept, ECMA-376 `_xHHHH_` escapes decoded);
  the test compares it after collapsing runs of whitespace and trimming.
- answer_cell is an absolute reference, `Sheet!$C$26`, with the sheet name in single quotes when it
  has anything but ASCII letters, digits and underscores (`'HECVAT - Full'!$C$26`); an embedded
  quote would be doubled. For a merged answer area the reference is its top-left cell. None when
  the questionnaire has no place for an answer.
- allowed_answers are the values of the answer cell's list validation, in order, blank entries left
  out: a literal list (`"Yes,No"`), a range, or a defined name resolved in the validation's sheet
  scope first and then at workbook scope (Excel's rule), including list validations stored in
  `x14:dataValidations` (which openpyxl does not load). [] when the cell has no list validation.
  For the CISO Assistant table, the answer definition named in the `answer` column.
- existing_answer is the answer cell's value as text: strings as they are, whole numbers without
  `.0`; a date as its cell's date format shows it when the format is made of day, month and year
  parts alone (`m/d/yyyy;@` shows 8/30/2022), else a date at midnight as `YYYY-MM-DD` (as
  `quire cat` renders it); None for an empty cell (or an empty / whitespace-only string) and when
  there is no answer cell.
"""

from __future__ import annotations

import datetime
import json
import os
import posixpath
import re
import sys
import warnings
import zipfile
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

import openpyxl
from openpyxl.utils.cell import column_index_from_string, range_boundaries

REPO = Path(__file__).resolve().parent.parent.parent

#: The corpus files, relative to the corpus folder, in report order.
FILES = (
    "questionnaires/hecvat/HECVAT3_OpenDSA_20220830.xlsx",
    "questionnaires/owasp-samm/SAMM_spreadsheet.xlsx",
    "questionnaires/ciso-assistant/example_questionnaire.xlsx",
    "questionnaires/scf/scf-2022.3.xlsx",
)

NS_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
NS_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
NS_PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
NS_X14 = "http://schemas.microsoft.com/office/spreadsheetml/2009/9/main"
NS_XM = "http://schemas.microsoft.com/office/excel/2006/main"

ESCAPE = re.compile(r"_x([0-9A-Fa-f]{4})_")


# --- helpers -----------------------------------------------------------------------------------


def load(path: Path) -> openpyxl.Workbook:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # "Data Validation extension is not supported" etc.
        return openpyxl.load_workbook(path, data_only=True, read_only=False, keep_links=False)


def text(value: Any) -> str | None:
    """A cell value as text (see the module docstring); None for empty."""
    if value is None:
        return None
    if isinstance(value, str):
        value = ESCAPE.sub(lambda m: chr(int(m.group(1), 16)), value)
        return value if value.strip() else None
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, datetime.datetime):
        if value.time() == datetime.time(0, 0):
            return value.date().isoformat()
        return value.isoformat(timespec="seconds")
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


DATE_PARTS = re.compile(r"yyyy|yy|mmmm|mmm|mm|m|dd|d|[-/. ]")
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]


def shown(cell: Any) -> str | None:
    """An answer cell as its date format shows it (`m/d/yyyy;@`, `dd/mm/yyyy`, `d-mmm-yy`), when the
    format's first section is made of day, month and year parts and separators alone; else `text`."""
    value = cell.value
    code = (cell.number_format or "").split(";")[0].lower()
    if isinstance(value, datetime.datetime) and value.time() == datetime.time(0, 0) and code \
            and "".join(DATE_PARTS.findall(code)) == code and any(part in code for part in ("d", "y")):
        parts = {"yyyy": f"{value.year:04d}", "yy": f"{value.year % 100:02d}", "mmmm": MONTHS[value.month - 1],
                 "mmm": MONTHS[value.month - 1][:3], "mm": f"{value.month:02d}", "m": str(value.month),
                 "dd": f"{value.day:02d}", "d": str(value.day)}
        return "".join(parts.get(token, token) for token in DATE_PARTS.findall(code))
    return text(value)


def absolute_ref(sheet: str, column: str, row: int) -> str:
    name = sheet if re.fullmatch(r"[A-Za-z0-9_]+", sheet) else "'" + sheet.replace("'", "''") + "'"
    return f"{name}!${column}${row}"


def collapse(value: str | None) -> str | None:
    return None if value is None else " ".join(value.split())


def item(
    id: str, question: str, sheet: str, row: int, answer_cell: str | None, allowed: list[str], existing: str | None
) -> dict[str, Any]:
    return {
        "id": id,
        "question": question,
        "sheet": sheet,
        "row": row,
        "answer_cell": answer_cell,
        "allowed_answers": allowed,
        "existing_answer": existing,
    }


def summary(
    items: list[dict[str, Any]], questionnaire: list[str], wb: openpyxl.Workbook, notes: list[str]
) -> dict[str, Any]:
    names = wb.sheetnames
    return {
        "count": len(items),
        "questionnaire_sheets": questionnaire,
        "ignored_sheets": [name for name in names if name not in questionnaire],
        "first": items[0],
        "middle": items[len(items) // 2],
        "last": items[-1],
        "notes": notes,
    }


# --- list validations: openpyxl's, and the x14 ones read from the XML ---------------------------


def sheet_xml_paths(path: Path) -> dict[str, str]:
    """Sheet name -> part name of its worksheet XML, from workbook.xml and its relationships."""
    with zipfile.ZipFile(path) as archive:
        workbook = ElementTree.fromstring(archive.read("xl/workbook.xml"))
        rels = ElementTree.fromstring(archive.read("xl/_rels/workbook.xml.rels"))
    targets = {rel.get("Id"): rel.get("Target") for rel in rels.iter(f"{{{NS_PKG_REL}}}Relationship")}
    result = {}
    for sheet in workbook.iter(f"{{{NS_MAIN}}}sheet"):
        target = targets[sheet.get(f"{{{NS_REL}}}id")]
        result[sheet.get("name")] = target.lstrip("/") if target.startswith("/") else posixpath.normpath("xl/" + target)
    return result


def list_validations(path: Path, wb: openpyxl.Workbook, sheet: str) -> list[tuple[str, str]]:
    """(sqref, formula1) of every list validation on a sheet: openpyxl's, then the x14 ones."""
    found = [
        (str(dv.sqref), dv.formula1 or "")
        for dv in wb[sheet].data_validations.dataValidation
        if dv.type == "list"
    ]
    with zipfile.ZipFile(path) as archive:
        root = ElementTree.fromstring(archive.read(sheet_xml_paths(path)[sheet]))
    for dv in root.iter(f"{{{NS_X14}}}dataValidation"):
        if dv.get("type") != "list":
            continue
        formula = dv.find(f"{{{NS_X14}}}formula1/{{{NS_XM}}}f")
        sqref = dv.find(f"{{{NS_XM}}}sqref")
        if formula is not None and sqref is not None:
            found.append((sqref.text or "", formula.text or ""))
    return found


def covers(sqref: str, column: str, row: int) -> bool:
    for part in sqref.split():
        min_col, min_row, max_col, max_row = range_boundaries(part)
        col = column_index_from_string(column)
        if min_col <= col <= max_col and min_row <= row <= max_row:
            return True
    return False


def range_values(wb: openpyxl.Workbook, reference: str, default_sheet: str) -> list[str]:
    """The non-blank values of a range `Sheet!$A$1:$A$5` (or `$A$1:$A$5` on default_sheet), row-major."""
    if "!" in reference:
        sheet, cells = reference.rsplit("!", 1)
        if sheet.startswith("'") and sheet.endswith("'"):
            sheet = sheet[1:-1].replace("''", "'")
    else:
        sheet, cells = default_sheet, reference
    min_col, min_row, max_col, max_row = range_boundaries(cells.replace("$", ""))
    values = []
    for row in wb[sheet].iter_rows(min_row=min_row, max_row=max_row, min_col=min_col, max_col=max_col):
        for cell in row:
            value = text(cell.value)
            if value is not None:
                values.append(value)
    return values


def resolve_list(wb: openpyxl.Workbook, sheet: str, formula: str) -> list[str]:
    """The values a list validation offers: literal list, range, or defined name (sheet scope first)."""
    formula = formula.strip().lstrip("=")
    if formula.startswith('"') and formula.endswith('"'):
        return [part for part in formula[1:-1].split(",") if part.strip()]
    local = wb[sheet].defined_names
    if formula in local:
        return range_values(wb, local[formula].attr_text, sheet)
    if formula in wb.defined_names:
        return range_values(wb, wb.defined_names[formula].attr_text, sheet)
    return range_values(wb, formula, sheet)


def allowed_for(
    validations: list[tuple[str, str]], wb: openpyxl.Workbook, sheet: str, column: str, row: int
) -> list[str]:
    for sqref, formula in validations:
        if covers(sqref, column, row):
            return resolve_list(wb, sheet, formula)
    return []


# --- the four files ----------------------------------------------------------------------------


def truth_hecvat(path: Path) -> dict[str, Any]:
    """HECVAT Full 3.00, completed by OpenDSA.

    Sheet "HECVAT - Full" only. A row is an item when column A holds a HECVAT question id
    (`^[A-Z]+-\\d+$`: DATE-01, GNRL-01 … GNRL-15, QUAL-01 …, IH-01 …, PCID-12) and column B
    holds text (the cached VLOOKUP result; `Date` for DATE-01). id = A, question = B,
    answer = C (top-left of C:E merges in the vendor block), notes D, guidance E.
    Skipped: the title rows 1-2, the "General Information" heading and its explanations
    (rows 4-6, 22-23, 25), and every section header row whose C says "Vendor Answers"
    (24, 33, 39, …, 273). Allowed answers: the list validations `yes` (Values!A4:A5) and
    `uptime`, and the x14 ones (Values!A50:A56 on C32, Values!C26:C29 on C93:C94,
    Values!A15:A19 on C172).
    """
    wb = load(path)
    sheet = "HECVAT - Full"
    ws = wb[sheet]
    validations = list_validations(path, wb, sheet)
    items = []
    for row in range(1, ws.max_row + 1):
        ident = ws.cell(row, 1).value
        label = text(ws.cell(row, 2).value)
        if isinstance(ident, str) and re.fullmatch(r"[A-Z]+-\d+", ident.strip()) and label is not None:
            items.append(
                item(
                    ident.strip(),
                    label,
                    sheet,
                    row,
                    absolute_ref(sheet, "C", row),
                    allowed_for(validations, wb, sheet, "C", row),
                    shown(ws.cell(row, 3)),
                )
            )
    bank = {wb["Questions"].cell(row, 2).value for row in range(3, 259)}
    ids = {entry["id"] for entry in items}
    notes = [
        f"{len(items)} items = {len(bank & ids)} ids of EDUCAUSE's question bank (hidden Questions!B3:B258) "
        f"+ {sorted(ids - bank)} (the completion date, in the title block)",
        f"in the bank but not on the sheet: {sorted(bank - ids)}",
    ]
    return summary(items, [sheet], wb, notes)


def truth_samm(path: Path) -> dict[str, Any]:
    """OWASP SAMM 2.0.10 assessment toolbox.

    Sheet "Interview" only. Header row 17 (Stream, Level, <practice>, Answer, Interview Notes,
    Rating), repeated for every practice; business-function rows (Governance, Design, …) in
    between. A row is an item when (hidden) column A holds a SAMM activity id
    (`G-SM-A-1-1`: function-practice-stream-level-question). question = D (cached INDEX
    result), guidance = D of the next row, answer = F, notes = I. Interview metadata above the
    header (Organization, Team/Application, Interview Date, Team Lead, Contributors; rows
    10-14) carry no id and no answer column and are not items. Allowed answers: each F cell's
    list validation names a defined name (`G_SM_A_1_1`); the workbook-scoped name points at
    the hidden DV-Lists sheet (`'DV-Lists'!$M$2:$M$6`, first cell blank, left out). The
    Benchmark sheet has its own sheet-scoped names of the same spelling that are `#REF!`;
    they do not apply to Interview.
    """
    wb = load(path)
    sheet = "Interview"
    ws = wb[sheet]
    validations = list_validations(path, wb, sheet)
    items = []
    for row in range(18, ws.max_row + 1):
        ident = ws.cell(row, 1).value
        question = text(ws.cell(row, 4).value)
        if isinstance(ident, str) and re.fullmatch(r"[A-Z]-[A-Z]{2}-[A-Z]-\d-\d", ident.strip()) and question:
            items.append(
                item(
                    ident.strip(),
                    question,
                    sheet,
                    row,
                    absolute_ref(sheet, "F", row),
                    allowed_for(validations, wb, sheet, "F", row),
                    shown(ws.cell(row, 6)),
                )
            )
    answered = sum(1 for entry in items if entry["existing_answer"] is not None)
    notes = [f"blank template: {answered} of {len(items)} answers filled in"]
    return summary(items, [sheet], wb, notes)


def truth_ciso(path: Path) -> dict[str, Any]:
    """CISO Assistant's example questionnaire (framework-authoring workbook).

    Sheet "fwk_content" only: a table with header row 1. Every row whose `questions` cell (K)
    is non-empty holds questions; the cell holds one question per line, and the `answer` cell
    (L) names the answer definition of each line (one code for all lines, or one per line),
    defined on answ_content (id -> question_choices, one choice per line; TEXT and DATE have
    none). Each line is an item, as CISO Assistant's own converter (tools/convert_library_v2.py,
    inject_questions_into_node) reads it. id = ref_id (C) when the row has one question;
    `<ref_id>:question:<n>` (CISO Assistant's own question URN suffix) when it has several.
    There is no cell for an answer (the table defines a questionnaire; answers are given in
    the application), so answer_cell and existing_answer are None.
    """
    wb = load(path)
    sheet = "fwk_content"
    ws = wb[sheet]
    header = {str(cell.value).strip(): cell.column for cell in ws[1] if cell.value is not None}
    answers_ws = wb["answ_content"]
    answer_header = {str(cell.value).strip(): cell.column for cell in answers_ws[1] if cell.value is not None}
    choices: dict[str, list[str]] = {}
    for row in range(2, answers_ws.max_row + 1):
        code = text(answers_ws.cell(row, answer_header["id"]).value)
        if code:
            raw = text(answers_ws.cell(row, answer_header["question_choices"]).value) or ""
            choices[code.strip()] = [line.strip() for line in raw.split("\n") if line.strip()]
    items = []
    rows_with_questions = 0
    for row in range(2, ws.max_row + 1):
        raw = text(ws.cell(row, header["questions"]).value)
        if raw is None:
            continue
        rows_with_questions += 1
        ref_id = text(ws.cell(row, header["ref_id"]).value)
        lines = [line.strip() for line in raw.split("\n") if line.strip()]
        answer = text(ws.cell(row, header["answer"]).value) or ""
        codes = [code.strip() for code in answer.split("\n") if code.strip()]
        for index, question in enumerate(lines):
            code = codes[0] if len(codes) == 1 else codes[index]
            ident = ref_id if len(lines) == 1 else f"{ref_id}:question:{index + 1}"
            items.append(item(ident, question, sheet, row, None, choices[code], None))
    notes = [f"{rows_with_questions} rows with a non-empty `questions` cell hold {len(items)} questions"]
    return summary(items, [sheet], wb, notes)


def truth_scf(path: Path) -> dict[str, Any]:
    """Secure Controls Framework 2022.3, read as a question bank.

    Sheet "SCF 2022.3" only (header row 1). One item per row whose "SCF Control Question"
    cell (G) is non-empty; id = "SCF #" (C). No answer column: answer_cell None, no allowed
    answers, no existing answer. The other sheets (domains, authoritative sources, evidence
    request list, privacy principles, risk and threat catalogues) hold no questions.
    """
    wb = load(path)
    sheet = "SCF 2022.3"
    ws = wb[sheet]
    header = {text(cell.value): cell.column for cell in ws[1] if cell.value is not None}
    id_column, question_column = header["SCF #"], header["SCF Control Question"]
    items = []
    for row in range(2, ws.max_row + 1):
        question = text(ws.cell(row, question_column).value)
        if question is not None:
            items.append(item(text(ws.cell(row, id_column).value), question, sheet, row, None, [], None))
    notes = [f"{sum(1 for e in items if e['question'] != e['question'].rstrip())} questions end with whitespace"]
    return summary(items, [sheet], wb, notes)


TRUTH = {
    FILES[0]: truth_hecvat,
    FILES[1]: truth_samm,
    FILES[2]: truth_ciso,
    FILES[3]: truth_scf,
}


def compute(corpus: Path) -> dict[str, dict[str, Any]]:
    return {name: TRUTH[name](corpus / name) for name in FILES}


def main(argv: list[str]) -> int:
    arguments = [a for a in argv if not a.startswith("--")]
    default = os.environ.get("QUIRE_CORPUS") or str(REPO.parent / "shared" / "corpus")
    corpus = Path(arguments[0] if arguments else default)
    truth = compute(corpus)
    if "--json" in argv:
        json.dump(truth, sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
        return 0
    for name, facts in truth.items():
        print(f"{name}\n  items: {facts['count']}")
        print(f"  questionnaire sheets: {facts['questionnaire_sheets']}")
        print(f"  ignored sheets: {facts['ignored_sheets']}")
        for note in facts["notes"]:
            print(f"  note: {note}")
        for position in ("first", "middle", "last"):
            entry = facts[position]
            print(f"  {position}: {entry['id']}  ({entry['sheet']} row {entry['row']})")
            print(f"      question: {collapse(entry['question'])}")
            print(f"      answer_cell: {entry['answer_cell']}  allowed: {entry['allowed_answers']}")
            print(f"      existing_answer: {entry['existing_answer']!r}")
        print()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
