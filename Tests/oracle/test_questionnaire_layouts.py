"""`quire inspect FILE --format json` on synthetic questionnaires whose layout is known by
construction (questionnaire_layouts.py writes them with openpyxl or Python's csv module into
tmp_path and returns the expected result).

- test_layout_ground_truth (no quire): reads each written file back with openpyxl / csv and checks
  that the expectations describe it (answer cells hold the existing answers, the drop-down over each
  answer cell resolves to the expected allowed answers, the question is in the item's row, …), so
  a slip in a builder can't pass itself off as a detector bug.
- test_inspect_layout (marked `quire`): runs quire, with a 60-second timeout, and compares
  - `file` (the path as given), `format`, `profile` (null: no profile fits these files);
  - the sheets, in workbook order, with status, header row, item count, the roles of the columns
    the layout names (and no other column holding those roles), and the skip reason of the rows
    that show the layout's feature (section rows, repeated headers, markers, continuation rows);
  - the items, in order, matched by sheet and row: id (or id_generated for a sheet without ids),
    question and guidance (whitespace collapsed), answer, comment and evidence cells, section path,
    answer type, allowed answers and their source, existing answer and comment;
  - ids are unique on each sheet.
  A mismatch prints every difference, expected against actual.

Layout 15 (question text only in a formula's cached value) is listed as a skip: openpyxl can't
write cached values.
"""

from __future__ import annotations

import json
import subprocess
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from openpyxl.utils.cell import coordinate_from_string, range_boundaries
from openpyxl.worksheet.cell_range import CellRange

from questionnaire_layouts import ANY, LAYOUTS, ExpectedItem, Layout, SubId

TIMEOUT = 60

# Layout 15 (question text only as a formula's cached value) cannot be written by openpyxl; the
# HECVAT and SAMM corpus workbooks (test_questionnaire_corpus.py) are read for it instead.
PARAMS = [pytest.param(name, id=name) for name in LAYOUTS]


def collapse(text: Any) -> Any:
    return " ".join(text.split()) if isinstance(text, str) else text


def split_ref(reference: str) -> tuple[str, str, int]:
    """`'Sheet''s'!$C$5` -> ("Sheet's", "C", 5)."""
    sheet_part, _, cell = reference.rpartition("!")
    if sheet_part.startswith("'") and sheet_part.endswith("'"):
        sheet_part = sheet_part[1:-1].replace("''", "'")
    column, row = coordinate_from_string(cell.replace("$", ""))
    return sheet_part, column, row


def cell_part(reference: Any) -> Any:
    return reference.rpartition("!")[2] if isinstance(reference, str) else reference


# --- the builders' own check (no quire) ------------------------------------------------------------


def resolve_list(wb: openpyxl.Workbook, formula: str) -> list[str]:
    formula = formula.lstrip("=")
    if formula.startswith('"'):
        return formula.strip('"').split(",")
    if "!" not in formula:
        destinations = list(wb.defined_names[formula].destinations)
        assert len(destinations) == 1, formula
        sheet, area = destinations[0]
    else:
        sheet, area = formula.rsplit("!", 1)
        sheet = sheet.strip("'")
    min_col, min_row, max_col, max_row = range_boundaries(area.replace("$", ""))
    ws = wb[sheet]
    return [
        str(ws.cell(row=r, column=c).value)
        for r in range(min_row, max_row + 1)
        for c in range(min_col, max_col + 1)
        if ws.cell(row=r, column=c).value is not None
    ]


def list_validations_over(ws: Any, coordinate: str) -> list[Any]:
    return [
        dv
        for dv in ws.data_validations.dataValidation
        if dv.type == "list" and any(coordinate in CellRange(str(r)) for r in dv.sqref.ranges)
    ]


def check_xlsx_ground_truth(layout: Layout) -> list[str]:
    problems: list[str] = []
    wb = openpyxl.load_workbook(layout.path)
    names = [sheet.name for sheet in layout.sheets]
    if layout.only_sheet is None and wb.sheetnames != names:
        problems.append(f"sheets {wb.sheetnames} != expected {names}")
    for sheet in layout.sheets:
        if sheet.name not in wb.sheetnames:
            problems.append(f"no sheet {sheet.name!r}")
    for item in layout.items:
        where = f"{item.sheet}!row {item.row}"
        ws = wb[item.sheet]
        sheet_name, column, row = split_ref(item.answer_cell)
        if (sheet_name, row) != (item.sheet, item.row):
            problems.append(f"{where}: answer cell {item.answer_cell} is not on the item's row")
        coordinate = f"{column}{row}"
        if ws[coordinate].value != item.existing_answer:
            problems.append(f"{where}: {coordinate} holds {ws[coordinate].value!r}, expected {item.existing_answer!r}")
        if item.comment_cell:
            _, comment_column, comment_row = split_ref(item.comment_cell)
            value = ws[f"{comment_column}{comment_row}"].value
            if value != item.existing_comment:
                problems.append(f"{where}: comment cell holds {value!r}, expected {item.existing_comment!r}")
        texts = [collapse(c.value) for c in ws[item.row] if isinstance(c.value, str) and len(c.value) >= 15]
        if not any(collapse(item.question).startswith(t) for t in texts):
            problems.append(f"{where}: no cell in the row starts the question {item.question!r}")
        validations = list_validations_over(ws, coordinate)
        if item.allowed_answers_source == "validation":
            if len(validations) != 1:
                problems.append(f"{where}: {len(validations)} list validations over {coordinate}")
            elif resolve_list(wb, validations[0].formula1) != item.allowed_answers:
                problems.append(f"{where}: drop-down gives {resolve_list(wb, validations[0].formula1)}")
        elif validations:
            problems.append(f"{where}: {coordinate} has a drop-down but the item expects none")
        if item.allowed_answers_source == "header":
            expected_sheet = next(s for s in layout.sheets if s.name == item.sheet)
            heading = ws[f"{column}{expected_sheet.header_row}"].value or ""
            if not all(answer in heading for answer in item.allowed_answers):
                problems.append(f"{where}: header {heading!r} lacks {item.allowed_answers}")
        if isinstance(item.id, str):
            values = [str(c.value) for c in ws[item.row] if c.value is not None]
            if item.id not in values:
                problems.append(f"{where}: id {item.id!r} not in the row")
    return problems


def check_csv_ground_truth(layout: Layout) -> list[str]:
    import csv
    import io

    problems: list[str] = []
    raw = layout.path.read_bytes()
    if layout.encoding == "cp1252":
        try:
            raw.decode("utf-8")
            problems.append("the Windows-1252 file is also valid UTF-8, so it tests nothing")
        except UnicodeDecodeError:
            pass
    records = list(csv.reader(io.StringIO(raw.decode(layout.encoding), newline=""), delimiter=layout.delimiter, strict=True))
    header_row = layout.sheets[0].header_row
    if records[header_row - 1] != ["ID", "Question", "Answer", "Comments"]:
        problems.append(f"row {header_row} is {records[header_row - 1]!r}")
    for item in layout.items:
        record = records[item.row - 1]
        if record != [item.id, item.question, item.existing_answer or "", item.existing_comment or ""]:
            problems.append(f"row {item.row} is {record!r}")
    if len(records) != header_row + len(layout.items):
        problems.append(f"{len(records)} records")
    return problems


@pytest.mark.parametrize("name", PARAMS)
def test_layout_ground_truth(name: str, tmp_path: Path) -> None:
    layout = LAYOUTS[name](tmp_path)
    problems = check_csv_ground_truth(layout) if layout.csv else check_xlsx_ground_truth(layout)
    if problems:
        pytest.fail(f"{name}: the builder's expectations don't describe its file:\n  " + "\n  ".join(problems), pytrace=False)


# --- quire inspect against the expectations --------------------------------------------------------


def run_inspect(quire_bin: Path, layout: Layout) -> dict[str, Any]:
    command = [str(quire_bin), "inspect", str(layout.path), "--format", "json", *layout.args]
    shown = "quire inspect " + " ".join([layout.path.name, "--format", "json", *layout.args])
    try:
        result = subprocess.run(command, capture_output=True, timeout=TIMEOUT)
    except subprocess.TimeoutExpired:
        pytest.fail(f"{layout.name}: `{shown}` did not finish within {TIMEOUT} s", pytrace=False)
    stderr = result.stderr.decode("utf-8", "replace").strip()
    if result.returncode != 0:
        pytest.fail(f"{layout.name}: `{shown}` exited {result.returncode}\nstderr:\n{stderr[:3000]}", pytrace=False)
    try:
        return json.loads(result.stdout)
    except json.JSONDecodeError as error:
        pytest.fail(f"{layout.name}: `{shown}` printed no JSON ({error}):\n{result.stdout[:2000]!r}", pytrace=False)


def describe_actual_item(item: dict[str, Any]) -> str:
    keys = ["id", "id_generated", "section", "question", "answer_cell", "answer_type", "allowed_answers", "existing_answer"]
    return "{" + ", ".join(f"{k}: {json.dumps(item.get(k), ensure_ascii=False)}" for k in keys if k in item) + "}"


def compare_item(layout: Layout, expected: ExpectedItem, actual: dict[str, Any], sheet_name: str) -> list[str]:
    diffs: list[str] = []

    def differ(field: str, want: Any, got: Any) -> None:
        diffs.append(
            f"    {field}:\n      expected: {json.dumps(want, ensure_ascii=False, default=str)}"
            f"\n      actual:   {json.dumps(got, ensure_ascii=False)}"
        )

    got_id, generated = actual.get("id"), actual.get("id_generated")
    if expected.id is None:
        if generated is not True or not isinstance(got_id, str) or not got_id:
            differ("id (the sheet has no id column: id_generated true, any id)", {"id_generated": True},
                   {"id": got_id, "id_generated": generated})
    elif isinstance(expected.id, SubId):
        if generated is not False or not isinstance(got_id, str) or not expected.id.matches(got_id):
            differ("id (merged id cell + sub-item label)", {"id": str(expected.id), "id_generated": False},
                   {"id": got_id, "id_generated": generated})
    elif got_id != expected.id or generated is not False:
        differ("id", {"id": expected.id, "id_generated": False}, {"id": got_id, "id_generated": generated})

    if collapse(actual.get("question")) != collapse(expected.question):
        differ("question (whitespace collapsed)", collapse(expected.question), collapse(actual.get("question")))
    if layout.csv:
        if actual.get("sheet") != sheet_name:
            differ("sheet (the CSV's one sheet)", sheet_name, actual.get("sheet"))
    elif actual.get("sheet") != expected.sheet:
        differ("sheet", expected.sheet, actual.get("sheet"))
    if actual.get("row") != expected.row:
        differ("row", expected.row, actual.get("row"))
    for field in ("answer_cell", "comment_cell", "evidence_cell"):
        want, got = getattr(expected, field), actual.get(field)
        if layout.csv:
            if cell_part(got) != want or (got is not None and "!" not in got):
                differ(f"{field} (cell part; CSV sheet name not checked)", want, got)
        elif got != want:
            differ(field, want, got)
    section = actual.get("section")
    if not isinstance(section, list) or [collapse(s) for s in section] != [collapse(s) for s in expected.section]:
        differ("section", expected.section, section)
    if expected.guidance is not ANY and collapse(actual.get("guidance")) != collapse(expected.guidance):
        differ("guidance", expected.guidance, actual.get("guidance"))
    if actual.get("answer_type") != expected.answer_type:
        differ("answer_type", expected.answer_type, actual.get("answer_type"))
    if actual.get("allowed_answers") != expected.allowed_answers:
        differ("allowed_answers", expected.allowed_answers, actual.get("allowed_answers"))
    if actual.get("allowed_answers_source") != expected.allowed_answers_source:
        differ("allowed_answers_source", expected.allowed_answers_source, actual.get("allowed_answers_source"))
    for field in ("existing_answer", "existing_comment"):
        if actual.get(field) != getattr(expected, field):
            differ(field, getattr(expected, field), actual.get(field))
    return diffs


def document_problems(layout: Layout, doc: dict[str, Any]) -> list[str]:
    """The file, format and profile `quire inspect` reports, against the layout's."""
    problems: list[str] = []
    if doc.get("file") != str(layout.path):
        problems.append(f"file: expected {str(layout.path)!r}, actual {doc.get('file')!r}")
    if doc.get("format") != layout.format:
        problems.append(f"format: expected {layout.format!r}, actual {doc.get('format')!r}")
    if doc.get("profile") is not None:
        problems.append(f"profile: expected null (no profile fits a synthetic file), actual {doc.get('profile')!r}")
    return problems


def skipped_row_problems(skipped: dict[int, Any], actual_sheet: dict[str, Any]) -> list[str]:
    """Each row the layout skips must lie in exactly one skipped run, with an acceptable reason."""
    lines: list[str] = []
    runs = actual_sheet.get("skipped_rows") or []
    for row, reason in sorted(skipped.items()):
        found = [r.get("reason") for r in runs if r.get("first", 0) <= row <= r.get("last", -1)]
        acceptable = reason if isinstance(reason, tuple) else (reason,)
        if len(found) != 1 or found[0] not in acceptable:
            want = " or ".join(repr(r) for r in acceptable)
            lines.append(f"skipped row {row}: expected reason {want}, actual {found or 'not in skipped_rows'}")
    return lines


def index_items(expected_count: int, actual_items: list, key_actual, problems: list[str]) -> dict:
    """The reported items by key; a wrong count and two items on one key are added to `problems`."""
    if len(actual_items) != expected_count:
        problems.append(f"item count: expected {expected_count}, actual {len(actual_items)}")
    actual_by_key: dict[Any, dict[str, Any]] = {}
    for item in actual_items:
        if key_actual(item) in actual_by_key:
            problems.append(f"two items on {key_actual(item)}")
        actual_by_key.setdefault(key_actual(item), item)
    return actual_by_key


def compare(layout: Layout, doc: dict[str, Any]) -> list[str]:
    problems = document_problems(layout, doc)

    # Sheets.
    actual_sheets: list[dict[str, Any]] = doc.get("sheets") or []
    actual_names = [s.get("sheet") for s in actual_sheets]
    by_name = {s.get("sheet"): s for s in actual_sheets}
    csv_sheet_name = actual_names[0] if layout.csv and len(actual_names) == 1 else None
    if layout.csv:
        if len(actual_sheets) != 1:
            problems.append(f"sheets: expected exactly one for a CSV file, actual {actual_names}")
    elif layout.only_sheet is not None:
        for name, sheet in by_name.items():
            if name != layout.only_sheet and sheet.get("status") != "ignored":
                problems.append(f"sheet {name!r}: only {layout.only_sheet!r} was asked for, but its status is {sheet.get('status')!r}")
    elif actual_names != [s.name for s in layout.sheets]:
        problems.append(f"sheets: expected {[s.name for s in layout.sheets]}, actual {actual_names}")

    for expected_sheet in layout.sheets:
        actual = actual_sheets[0] if layout.csv and actual_sheets else by_name.get(expected_sheet.name)
        label = "the CSV sheet" if layout.csv else f"sheet {expected_sheet.name!r}"
        if actual is None:
            problems.append(f"{label}: missing")
            continue
        lines: list[str] = []
        if actual.get("status") != expected_sheet.status:
            lines.append(f"status: expected {expected_sheet.status!r}, actual {actual.get('status')!r} "
                         f"(reason: {actual.get('reason')!r})")
        if actual.get("header_row") != expected_sheet.header_row:
            lines.append(f"header_row: expected {expected_sheet.header_row}, actual {actual.get('header_row')}")
        want_count = sum(1 for i in layout.items if layout.csv or i.sheet == expected_sheet.name)
        if actual.get("item_count") != want_count:
            lines.append(f"item_count: expected {want_count}, actual {actual.get('item_count')}")
        columns = {c.get("column"): c for c in actual.get("columns") or []}
        for letter, role in expected_sheet.columns.items():
            got = columns.get(letter, {}).get("role")
            if got != role:
                because = columns.get(letter, {}).get("because")
                lines.append(f"column {letter}: expected role {role!r}, actual {got!r}" + (f" ({because})" if because else ""))
        for role in sorted(set(expected_sheet.columns.values()) | {"question", "answer"}):
            if expected_sheet.status != "questionnaire":
                break
            want = sorted(letter for letter, r in expected_sheet.columns.items() if r == role)
            got = sorted(c.get("column") for c in actual.get("columns") or [] if c.get("role") == role)
            extra = [c for c in got if c not in want]
            if extra:
                lines.append(f"role {role!r}: expected only on {want}, also on {extra}")
        lines += skipped_row_problems(expected_sheet.skipped, actual)
        if lines:
            problems.append(f"{label}:\n  " + "\n  ".join(lines))

    # Items: matched by (sheet, row); for CSV by row.
    def key_expected(item: ExpectedItem) -> tuple[str, int]:
        return ("" if layout.csv else item.sheet, item.row)

    def key_actual(item: dict[str, Any]) -> tuple[str, Any]:
        return ("" if layout.csv else item.get("sheet"), item.get("row"))

    actual_items: list[dict[str, Any]] = doc.get("items") or []
    actual_by_key = index_items(len(layout.items), actual_items, key_actual, problems)
    expected_keys = [key_expected(i) for i in layout.items]
    for key, item in actual_by_key.items():
        if key not in expected_keys:
            problems.append(f"unexpected item on sheet {key[0]!r} row {key[1]}: {describe_actual_item(item)}")
    for expected in layout.items:
        actual = actual_by_key.get(key_expected(expected))
        label = f"item {expected.id if expected.id else '(generated id)'} ({'' if layout.csv else expected.sheet + ' '}row {expected.row})"
        if actual is None:
            problems.append(f"missing {label}: {collapse(expected.question)!r}")
            continue
        diffs = compare_item(layout, expected, actual, csv_sheet_name or "")
        if diffs:
            problems.append(f"{label}:\n" + "\n".join(diffs))
    return problems + order_and_id_problems(expected_keys, actual_items, actual_by_key, key_actual)


def order_and_id_problems(expected_keys: list, actual_items: list, actual_by_key: dict, key_actual) -> list[str]:
    """The matched items in the expected order, and ids unique on each sheet."""
    problems: list[str] = []
    actual_order = [key_actual(i) for i in actual_items if key_actual(i) in set(expected_keys)]
    wanted_order = [k for k in expected_keys if k in actual_by_key]
    if actual_order != wanted_order:
        problems.append(f"items out of order: expected {wanted_order}, actual {actual_order}")
    seen: dict[tuple[Any, Any], Any] = {}
    for item in actual_items:
        key = (item.get("sheet"), item.get("id"))
        if key in seen:
            problems.append(f"id {item.get('id')!r} appears twice on sheet {item.get('sheet')!r} (rows {seen[key]} and {item.get('row')})")
        seen[key] = item.get("row")
    return problems


@pytest.mark.quire
@pytest.mark.parametrize("name", PARAMS)
def test_inspect_layout(name: str, tmp_path: Path, quire_bin: Path) -> None:
    layout = LAYOUTS[name](tmp_path)
    doc = run_inspect(quire_bin, layout)
    problems = compare(layout, doc)
    if problems:
        command = " ".join(["quire inspect", layout.path.name, "--format json", *layout.args])
        pytest.fail(
            f"{name}: `{command}` differs from the layout's ground truth in {len(problems)} place(s):\n"
            + "\n".join(problems),
            pytrace=False,
        )
