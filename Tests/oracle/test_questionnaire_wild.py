"""`quire inspect` and `quire answer` on the "wild" synthetic questionnaires of
questionnaire_layouts_wild.py (marks across choice columns, two id columns, framework mapping
columns, section-naming header rows, formula copies, coded sections with legends and footers,
reviewer blocks and scoring sheets, topic tabs with a change log, CSV exports with repeated headers,
free-text vendor details), each written into tmp_path with its ground truth known by construction.

- test_wild_ground_truth (no quire): reads each written file back with openpyxl / csv and checks
  that the expectations describe it: the question is in the item's question cell, the id in its id
  cell (or the merged cell over it), answer and comment cells on the item's row holding the existing
  answer and comment, mark cells on the row under the header naming their choice with at most one
  mark (the existing answer), drop-downs resolving to the allowed answers (none over free-text
  fields), section texts present above the item, repeated headers repeating the header, decoy rows
  (legends, footers, reviewer fields) holding text on no item's row, mapping ids present in the
  mapping columns, formula copies holding only formulas, and every questionnaire sheet small
  (10-40 rows). A slip in a builder can't pass itself off as a detector bug.
- test_wild_inspect (quire): `quire inspect FILE --format json` against the expectations, as
  test_questionnaire_layouts.py compares (its compare_item is reused for every item field it knows),
  plus: mark_cells (cell part only for CSV), writable, confidence in [0, 1] with reasons when below
  0.8 (items and sheets), column roles that may be one of several, mark columns holding no text
  role, mapping ids never in an item's id or section, and decoy rows named when read as items.
- test_wild_answer_writes_only_item_cells (quire): `quire answer FILE --library samples/library
  --as-of 2026-11-29 -o OUT` (cwd: the repository root) must exit 0, leave the input alone, and
  change only cells that are an expected item's answer, comment or mark cell: at most one mark per
  item and only when none was there, nothing on items already answered, never Yes/No/N/A in a
  free-text field, only allowed answers in a drop-down cell, nothing erased, and nothing at all on a
  sheet expected "ignored"; nor anything on a sheet or item that quire's own inspect calls not
  `writable`. XLSX is compared with openpyxl on every sheet, CSV with the csv module.
- test_wild_harness_accepts_the_truth_and_catches_slips (no quire): the comparison accepts a
  perfect reading built from the expectations and refuses readings with one slip each (a missing
  item, a wrong section, mark cells left out, a decoy row read as an item, a mapping id as an id,
  an ignored sheet read, a low confidence without reasons); the fill rules accept a careful fill and
  refuse writes outside items, two marks, a word in a mark cell, Yes in a free-text field, a change
  to an answered item, an erased cell, and writes on ignored sheets and decoy rows.

Every mismatch prints every difference, expected against actual.
"""

from __future__ import annotations

import csv
import dataclasses
import io
import json
import re
import subprocess
from collections import Counter
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from openpyxl.utils.cell import column_index_from_string, coordinate_from_string

from questionnaire_layouts import ANY, LAYOUTS, Layout
from questionnaire_layouts_wild import MARK_TEXTS, WILD_LAYOUTS, CodedSection, OneOf, WildItem, WildSheet
from test_questionnaire_layouts import (
    cell_part,
    collapse,
    compare_item,
    describe_actual_item,
    document_problems,
    index_items,
    list_validations_over,
    order_and_id_problems,
    resolve_list,
    run_inspect,
    skipped_row_problems,
    split_ref,
)

ROOT = Path(__file__).resolve().parents[2]
TIMEOUT = 120
PARAMS = [pytest.param(name, id=name) for name in WILD_LAYOUTS]

#: Roles that hold text of the questionnaire; a column may hold one only where the layout says so.
TEXT_ROLES = ("id", "section", "question", "answer", "comment", "evidence", "guidance")
#: Roles a choice (mark) column must not have.
NOT_MARK_ROLES = {"id", "section", "question", "comment", "evidence", "guidance", "owner"}
#: Keys the contract adds to every item and every sheet.
NEW_ITEM_KEYS = ("mark_cells", "confidence", "confidence_reasons", "writable")
NEW_SHEET_KEYS = ("confidence", "confidence_reasons", "writable")
#: What a free-text field must never receive (compared case-folded, stripped of a leading ').
CHOICE_WORDS = {"yes", "no", "n/a", "na", "not applicable", "y", "n", "partially", "partial", "true", "false"}


def letter_index(letter: str) -> int:
    return column_index_from_string(letter) - 1


def roles_of(sheet: WildSheet, role: str) -> list[str]:
    """Letters whose expected role is (or may be) `role`."""
    return sorted(
        letter for letter, want in sheet.columns.items() if want == role or (isinstance(want, tuple) and role in want)
    )


def only_role(sheet: WildSheet, role: str) -> str | None:
    letters = [letter for letter, want in sheet.columns.items() if want == role]
    return letters[0] if len(letters) == 1 else None


def header_rows(sheet: WildSheet) -> tuple[int, ...]:
    return sheet.header_row if isinstance(sheet.header_row, tuple) else (sheet.header_row,)


def csv_cell(reference: str) -> tuple[int, int]:
    """`$C$4` (or `Sheet!$C$4`) -> (row 4, column index 2)."""
    column, row = coordinate_from_string(cell_part(reference).replace("$", ""))
    return row, letter_index(column)


def load_csv(layout: Layout, path: Path | None = None) -> list[list[str]]:
    raw = (path or layout.path).read_bytes()
    return list(csv.reader(io.StringIO(raw.decode(layout.encoding), newline=""), delimiter=layout.delimiter, strict=True))


def field_of(records: list[list[str]], row: int, column: int) -> str:
    if row - 1 >= len(records):
        return ""
    record = records[row - 1]
    return record[column] if column < len(record) else ""


def is_mark(value: Any) -> bool:
    return value in MARK_TEXTS


# --- the builders' own check (no quire) ------------------------------------------------------------


def merged_top_left(ws: Any, coordinate: str) -> Any:
    """The value shown in a cell: the top-left value of the merged range covering it, if any."""
    for merged in ws.merged_cells.ranges:
        if coordinate in merged:
            return ws.cell(row=merged.min_row, column=merged.min_col).value
    return ws[coordinate].value


def row_texts(ws: Any, row: int) -> list[str]:
    return [collapse(str(c.value)) for c in ws[row] if c.value is not None]


def xlsx_level_rows(ws: Any, sheet: WildSheet, level: Any, below: int) -> list[int]:
    """Rows above `below` holding a section level: its text in any cell, or for a CodedSection its
    code in the id column and its title in the question column."""
    if isinstance(level, CodedSection):
        id_col, q_col = only_role(sheet, "id"), only_role(sheet, "question")
        return [
            r for r in range(1, below)
            if collapse(str(ws[f"{id_col}{r}"].value)) == level.code and collapse(str(ws[f"{q_col}{r}"].value)) == level.title
        ]
    return [r for r in range(1, below) if collapse(level) in row_texts(ws, r)]


def all_levels(items: list[WildItem]) -> list[Any]:
    levels: list[Any] = []
    for item in items:
        paths = item.section.options if isinstance(item.section, OneOf) else (item.section,)
        for path in paths:
            levels += [level for level in path if level not in levels]
    return levels


def section_is_nearest(rows_of: Any, item: WildItem, levels: list[Any]) -> bool:
    """Every level of the item's section path (or of one OneOf option) is found above the item, and
    its innermost level is the nearest of all the sheet's section levels above it."""
    paths = item.section.options if isinstance(item.section, OneOf) else (item.section,)
    for path in paths:
        if not path:
            return True
        if not all(rows_of(level) for level in path):
            continue
        nearest = max(max(rows_of(level), default=0) for level in levels)
        if max(rows_of(path[-1])) == nearest:
            return True
    return False


def check_xlsx_ground_truth(layout: Layout) -> list[str]:
    problems: list[str] = []
    wb = openpyxl.load_workbook(layout.path)
    cached = openpyxl.load_workbook(layout.path, data_only=True)
    names = [sheet.name for sheet in layout.sheets]
    if wb.sheetnames != names:
        problems.append(f"sheets {wb.sheetnames} != expected {names}")
        return problems
    order = {name: index for index, name in enumerate(names)}
    keys = [(order[i.sheet], i.row) for i in layout.items]
    if keys != sorted(keys) or len(set(keys)) != len(keys):
        problems.append("items are not in workbook order, or two share a row")
    for sheet in layout.sheets:
        ws = wb[sheet.name]
        here = [i for i in layout.items if i.sheet == sheet.name]
        item_rows = {i.row for i in here}
        if sheet.status == "ignored":
            if here:
                problems.append(f"{sheet.name}: ignored, but {len(here)} items expected on it")
            if sheet.formula_copy_rows:
                first, last = sheet.formula_copy_rows
                for row in range(first, last + 1):
                    cells = [c for c in ws[row] if c.value is not None]
                    if not cells:
                        problems.append(f"{sheet.name}!row {row}: empty, expected formula copies")
                    for c in cells:
                        if not (isinstance(c.value, str) and c.value.startswith("=")):
                            problems.append(f"{sheet.name}!{c.coordinate}: {c.value!r} is not a formula")
                        elif cached[sheet.name][c.coordinate].value is not None:
                            problems.append(f"{sheet.name}!{c.coordinate}: has a cached value")
            continue
        if not 10 <= ws.max_row <= 40:
            problems.append(f"{sheet.name}: {ws.max_row} rows; the layouts are meant to be 10-40 rows")
        problems += check_sheet_header(ws, sheet, here)
        id_col, q_col, a_col, c_col = (only_role(sheet, r) for r in ("id", "question", "answer", "comment"))
        ids = [i.id for i in here if isinstance(i.id, str)]
        if len(set(ids)) != len(ids):
            problems.append(f"{sheet.name}: ids repeat: {[k for k, n in Counter(ids).items() if n > 1]}")
        for row, reason in sheet.skipped.items():
            reasons = reason if isinstance(reason, tuple) else (reason,)
            if row in item_rows:
                problems.append(f"{sheet.name}!row {row}: skipped as {reasons} but an item is expected there")
            if not row_texts(ws, row):
                problems.append(f"{sheet.name}!row {row}: skipped as {reasons} but empty")
            if "repeated-header" in reasons:
                first = header_rows(sheet)[0]
                for letter in [x for x in (id_col, a_col, c_col) if x]:
                    if ws[f"{letter}{row}"].value != ws[f"{letter}{first}"].value:
                        problems.append(f"{sheet.name}!{letter}{row}: {ws[f'{letter}{row}'].value!r} does not repeat the header")
            coded = any(isinstance(level, CodedSection) for i in here if isinstance(i.section, list) for level in i.section)
            if "section" in reasons and coded and a_col and list_validations_over(ws, f"{a_col}{row}"):
                problems.append(f"{sheet.name}!row {row}: a coded section row has a drop-down over {a_col}{row}")
        for row, what in sheet.decoys.items():
            if row in item_rows:
                problems.append(f"{sheet.name}!row {row}: decoy ({what}) is an expected item's row")
            if not row_texts(ws, row):
                problems.append(f"{sheet.name}!row {row}: decoy ({what}) holds no text")
        if sheet.forbidden:
            other = roles_of(sheet, "other")
            texts = " | ".join(str(ws[f"{letter}{r}"].value) for letter in other for r in range(1, ws.max_row + 1))
            for token in sheet.forbidden:
                if token not in texts:
                    problems.append(f"{sheet.name}: mapping id {token!r} is in no 'other' column")
        if sheet.group_column:
            column = sheet.group_column
            spans = [m for m in ws.merged_cells.ranges if m.min_col == m.max_col == letter_index(column) + 1]
            if not spans:
                problems.append(f"{sheet.name}: no merged ranges in group column {column}")
            for item in here:
                group = merged_top_left(ws, f"{column}{item.row}")
                if not group or not str(item.id).startswith(f"{group}."):
                    problems.append(f"{sheet.name}!row {item.row}: id {item.id!r} is not under group {group!r}")
                if isinstance(item.section, OneOf) and [str(group)] not in item.section.options:
                    problems.append(f"{sheet.name}!row {item.row}: section options {item.section} lack [{group!r}]")
        for item in here:
            problems += check_xlsx_item(wb, ws, sheet, item, (id_col, q_col, a_col, c_col), layout.items)
    return problems


def check_sheet_header(ws: Any, sheet: WildSheet, here: list[WildItem]) -> list[str]:
    problems: list[str] = []
    rows = header_rows(sheet)
    for letter, role in sheet.columns.items():
        roles = role if isinstance(role, tuple) else (role,)
        if None in roles:
            continue
        if not any(merged_top_left(ws, f"{letter}{r}") for r in rows):
            problems.append(f"{sheet.name}: column {letter} ({role}) has no header in rows {rows}")
    if sheet.mark_columns:
        if sheet.mark_header_row not in rows:
            problems.append(f"{sheet.name}: mark header row {sheet.mark_header_row} is not a header row {rows}")
        choices = [ws[f"{letter}{sheet.mark_header_row}"].value for letter in sheet.mark_columns]
        for item in here:
            if item.allowed_answers != choices:
                problems.append(f"{sheet.name}!row {item.row}: allowed {item.allowed_answers} != choice headers {choices}")
    return problems


def check_xlsx_item(wb: Any, ws: Any, sheet: WildSheet, item: WildItem, letters: tuple[Any, ...],
                    layout_items: list[WildItem]) -> list[str]:
    id_col, q_col, a_col, c_col = letters
    where = f"{item.sheet}!row {item.row}"
    problems: list[str] = []
    if collapse(str(ws[f"{q_col}{item.row}"].value)) != collapse(item.question):
        problems.append(f"{where}: {q_col}{item.row} holds {ws[f'{q_col}{item.row}'].value!r}, not the question")
    if isinstance(item.id, str):
        shown = merged_top_left(ws, f"{id_col}{item.row}")
        if str(shown) != item.id:
            problems.append(f"{where}: id cell {id_col}{item.row} shows {shown!r}, expected {item.id!r}")
    elif item.id is None and id_col:
        problems.append(f"{where}: id None (generated) but the sheet has an id column {id_col}")
    if item.mark_cells is None:
        if item.answer_cell is None:
            problems.append(f"{where}: neither an answer cell nor mark cells")
        else:
            sheet_name, column, row = split_ref(item.answer_cell)
            if (sheet_name, column, row) != (item.sheet, a_col, item.row):
                problems.append(f"{where}: answer cell {item.answer_cell} is not {a_col}{item.row}")
            if ws[f"{column}{row}"].value != item.existing_answer:
                problems.append(f"{where}: {column}{row} holds {ws[f'{column}{row}'].value!r}, expected {item.existing_answer!r}")
            validations = list_validations_over(ws, f"{column}{row}")
            if item.allowed_answers_source == "validation":
                if len(validations) != 1:
                    problems.append(f"{where}: {len(validations)} list validations over {column}{row}")
                elif resolve_list(wb, validations[0].formula1) != item.allowed_answers:
                    problems.append(f"{where}: drop-down gives {resolve_list(wb, validations[0].formula1)}")
            elif validations:
                problems.append(f"{where}: {column}{row} has a list drop-down but the item expects none")
    else:
        if item.answer_cell is not None or item.allowed_answers_source != "marks":
            problems.append(f"{where}: a mark item has answer cell {item.answer_cell!r}, source {item.allowed_answers_source!r}")
        if list(item.mark_cells) != item.allowed_answers:
            problems.append(f"{where}: mark cells {list(item.mark_cells)} != allowed {item.allowed_answers}")
        marked = []
        for (choice, reference), letter in zip(item.mark_cells.items(), sheet.mark_columns):
            sheet_name, column, row = split_ref(reference)
            if (sheet_name, column, row) != (item.sheet, letter, item.row):
                problems.append(f"{where}: mark cell {reference} for {choice!r} is not {letter}{item.row}")
            if ws[f"{column}{sheet.mark_header_row}"].value != choice:
                problems.append(f"{where}: {column}{sheet.mark_header_row} is not the header {choice!r}")
            value = ws[f"{column}{row}"].value
            if value is not None:
                marked.append(choice)
                if not is_mark(value):
                    problems.append(f"{where}: {column}{row} holds {value!r}, not a mark")
        if len(marked) > 1 or (marked[0] if marked else None) != item.existing_answer:
            problems.append(f"{where}: marked {marked}, expected existing answer {item.existing_answer!r}")
    if item.comment_cell:
        sheet_name, column, row = split_ref(item.comment_cell)
        if (sheet_name, column, row) != (item.sheet, c_col, item.row):
            problems.append(f"{where}: comment cell {item.comment_cell} is not {c_col}{item.row}")
        if ws[f"{column}{row}"].value != item.existing_comment:
            problems.append(f"{where}: comment cell holds {ws[f'{column}{row}'].value!r}, expected {item.existing_comment!r}")
    if item.free_text and (item.allowed_answers or item.allowed_answers_source is not None):
        problems.append(f"{where}: free text with allowed answers {item.allowed_answers}")
    levels = all_levels([i for i in layout_items if i.sheet == item.sheet])
    if not section_is_nearest(lambda level: xlsx_level_rows(ws, sheet, level, item.row), item, levels):
        problems.append(f"{where}: section {item.section} is not the nearest section above the item")
    return problems


def check_csv_ground_truth(layout: Layout) -> list[str]:
    problems: list[str] = []
    records = load_csv(layout)
    if not 10 <= len(records) <= 40:
        problems.append(f"{len(records)} records; the layouts are meant to be 10-40 rows")
    if len(layout.sheets) != 1:
        problems.append("a CSV layout has exactly one sheet")
        return problems
    sheet = layout.sheets[0]
    columns = {role: only_role(sheet, role) for role in ("id", "question", "answer", "comment")}
    index = {role: (letter_index(letter) if letter else None) for role, letter in columns.items()}
    header = records[sheet.header_row - 1]
    for letter, role in sheet.columns.items():
        if not field_of(records, sheet.header_row, letter_index(letter)):
            problems.append(f"row {sheet.header_row}: no header for column {letter} ({role})")
    choices = [field_of(records, sheet.header_row, letter_index(letter)) for letter in sheet.mark_columns]
    item_rows = {i.row for i in layout.items}
    for row, reason in sheet.skipped.items():
        if row in item_rows:
            problems.append(f"row {row}: skipped as {reason} but an item is expected there")
        if reason == "repeated-header":
            record = records[row - 1]
            for role in ("id", "answer", "comment"):
                if index[role] is not None and field_of(records, row, index[role]) != header[index[role]]:
                    problems.append(f"row {row}: {record!r} does not repeat the header {header!r}")
    rows = [i.row for i in layout.items]
    if rows != sorted(set(rows)):
        problems.append("items out of order or sharing a row")
    for item in layout.items:
        where = f"row {item.row}"
        if collapse(field_of(records, item.row, index["question"])) != collapse(item.question):
            problems.append(f"{where}: question field is {field_of(records, item.row, index['question'])!r}")
        if isinstance(item.id, str) and field_of(records, item.row, index["id"]) != item.id:
            problems.append(f"{where}: id field is {field_of(records, item.row, index['id'])!r}, expected {item.id!r}")
        if item.id is None and index["id"] is not None:
            problems.append(f"{where}: id None but the file has an id column")
        if item.mark_cells is None:
            row, column = csv_cell(item.answer_cell)
            if (row, column) != (item.row, index["answer"]):
                problems.append(f"{where}: answer cell {item.answer_cell} not on the row's answer column")
            if (field_of(records, row, column) or None) != item.existing_answer:
                problems.append(f"{where}: answer field {field_of(records, row, column)!r}, expected {item.existing_answer!r}")
        else:
            if item.answer_cell is not None or list(item.mark_cells) != item.allowed_answers or item.allowed_answers != choices:
                problems.append(f"{where}: mark cells {item.mark_cells} / allowed {item.allowed_answers} vs headers {choices}")
            marked = []
            for (choice, reference), letter in zip(item.mark_cells.items(), sheet.mark_columns):
                row, column = csv_cell(reference)
                if (row, column) != (item.row, letter_index(letter)):
                    problems.append(f"{where}: mark cell {reference} is not {letter}{item.row}")
                if field_of(records, sheet.header_row, column) != choice:
                    problems.append(f"{where}: header of {reference} is not {choice!r}")
                value = field_of(records, row, column)
                if value:
                    marked.append(choice)
                    if not is_mark(value):
                        problems.append(f"{where}: {reference} holds {value!r}, not a mark")
            if len(marked) > 1 or (marked[0] if marked else None) != item.existing_answer:
                problems.append(f"{where}: marked {marked}, expected {item.existing_answer!r}")
        if item.comment_cell:
            row, column = csv_cell(item.comment_cell)
            if (row, column) != (item.row, index["comment"]):
                problems.append(f"{where}: comment cell {item.comment_cell} not on the row's comment column")
            if (field_of(records, row, column) or None) != item.existing_comment:
                problems.append(f"{where}: comment field {field_of(records, row, column)!r}, expected {item.existing_comment!r}")
        if item.allowed_answers_source not in (None, "marks"):
            problems.append(f"{where}: a CSV file has no drop-downs, source {item.allowed_answers_source!r}")

        def rows_of(level: Any, below: int = item.row) -> list[int]:
            return [r for r in range(1, below) if collapse(level) in [collapse(f) for f in records[r - 1]]]

        if not section_is_nearest(rows_of, item, all_levels(layout.items)):
            problems.append(f"{where}: section {item.section} is not the nearest section above the item")
    return problems


@pytest.mark.parametrize("name", PARAMS)
def test_wild_ground_truth(name: str, tmp_path: Path) -> None:
    builder = WILD_LAYOUTS[name]
    layout = builder(tmp_path)
    problems = []
    if layout.name != name:
        problems.append(f"the builder names its layout {layout.name!r}")
    if name in LAYOUTS:
        problems.append("the name is also one of questionnaire_layouts.LAYOUTS")
    if not (builder.__doc__ or "").strip():
        problems.append("the builder has no docstring saying what it exercises")
    if not layout.items:
        problems.append("no items expected")
    if not all(isinstance(i, WildItem) for i in layout.items) or not all(isinstance(s, WildSheet) for s in layout.sheets):
        problems.append("expectations must be WildItem / WildSheet")
    problems += check_csv_ground_truth(layout) if layout.csv else check_xlsx_ground_truth(layout)
    if problems:
        pytest.fail(f"{name}: the builder's expectations don't describe its file:\n  " + "\n  ".join(problems), pytrace=False)


# --- quire inspect against the expectations --------------------------------------------------------


def confidence_problems(thing: dict[str, Any], skip: set[str]) -> list[str]:
    """The confidence contract: a number in [0, 1]; reasons a list of strings, non-empty below 0.8."""
    problems = []
    value, reasons = thing.get("confidence"), thing.get("confidence_reasons")
    if "confidence" not in skip:
        if "confidence" not in thing:
            problems.append("confidence: missing")
        elif isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 <= value <= 1:
            problems.append(f"confidence: {value!r} is not a number in [0, 1]")
    if "confidence_reasons" not in skip:
        if "confidence_reasons" not in thing:
            problems.append("confidence_reasons: missing")
        elif not isinstance(reasons, list) or not all(isinstance(r, str) and r for r in reasons):
            problems.append(f"confidence_reasons: {reasons!r} is not a list of non-empty strings")
        elif isinstance(value, (int, float)) and not isinstance(value, bool) and value < 0.8 and not reasons:
            problems.append(f"confidence_reasons: empty although confidence is {value} (< 0.8)")
    return problems


def header_row_matches(want: Any, got: Any) -> bool:
    if want is ANY:
        return True
    if isinstance(want, tuple):
        return got in want
    return got == want


def section_matches(want: Any, got: Any) -> bool:
    if isinstance(want, OneOf):
        return any(section_matches(option, got) for option in want.options)
    if not isinstance(got, list) or len(got) != len(want):
        return False
    for level, actual in zip(want, got):
        if isinstance(level, CodedSection):
            if not level.matches(actual):
                return False
        elif collapse(actual) != collapse(level):
            return False
    return True


def shown_section(want: Any) -> list[str]:
    if isinstance(want, OneOf):
        return [str(want)]
    return [str(level) if isinstance(level, CodedSection) else level for level in want]


def mentions(text: Any, token: str) -> bool:
    """`token` (a mapping id such as AC-2) appears in `text` as a whole token."""
    return isinstance(text, str) and re.search(r"(?<![\w.])" + re.escape(token) + r"(?![\w(])", text) is not None


def compare_wild_item(layout: Layout, sheet: WildSheet | None, expected: WildItem, actual: dict[str, Any],
                      csv_sheet_name: str, skip: set[str]) -> list[str]:
    diffs: list[str] = []

    def differ(field: str, want: Any, got: Any) -> None:
        diffs.append(
            f"    {field}:\n      expected: {json.dumps(want, ensure_ascii=False, default=str)}"
            f"\n      actual:   {json.dumps(got, ensure_ascii=False, default=str)}"
        )

    got_section = actual.get("section")
    section = got_section if section_matches(expected.section, got_section) else shown_section(expected.section)
    diffs += compare_item(layout, dataclasses.replace(expected, section=section), actual, csv_sheet_name)

    if "mark_cells" not in skip:
        want, got = expected.mark_cells, actual.get("mark_cells", "(missing)")
        if want is None:
            if got is not None:
                differ("mark_cells (not a mark item)", None, got)
        elif not isinstance(got, dict):
            differ("mark_cells", want, got)
        elif layout.csv:
            if {k: cell_part(v) for k, v in got.items()} != want or not all("!" in str(v) for v in got.values()):
                differ("mark_cells (cell parts; CSV sheet name not checked)", want, got)
        elif got != want:
            differ("mark_cells", want, got)
    if "writable" not in skip and expected.writable is not ANY and actual.get("writable", "(missing)") is not expected.writable:
        differ("writable", expected.writable, actual.get("writable", "(missing)"))
    for problem in confidence_problems(actual, skip):
        diffs.append(f"    {problem}")
    if sheet is not None and sheet.forbidden:
        bad = [t for t in sheet.forbidden if actual.get("id") == t or mentions(actual.get("id"), t)]
        bad += [t for t in sheet.forbidden for level in (got_section or []) if mentions(level, t)]
        if bad:
            differ("id / section hold framework mapping ids", "none of " + ", ".join(sheet.forbidden),
                   {"id": actual.get("id"), "section": got_section, "found": sorted(set(bad))})
    return diffs


def compare_wild(layout: Layout, doc: dict[str, Any]) -> list[str]:
    problems = document_problems(layout, doc)

    actual_sheets: list[dict[str, Any]] = doc.get("sheets") or []
    actual_items: list[dict[str, Any]] = doc.get("items") or []
    actual_names = [s.get("sheet") for s in actual_sheets]
    by_name = {s.get("sheet"): s for s in actual_sheets}
    csv_sheet_name = actual_names[0] if layout.csv and len(actual_names) == 1 else ""

    # Keys of the new contract missing everywhere are reported once, not on every item.
    sheet_skip = {k for k in NEW_SHEET_KEYS if actual_sheets and all(k not in s for s in actual_sheets)}
    item_skip = {k for k in NEW_ITEM_KEYS if actual_items and all(k not in i for i in actual_items)}
    for key in sorted(sheet_skip):
        problems.append(f"every sheet lacks the key {key!r}")
    for key in sorted(item_skip):
        problems.append(f"every item ({len(actual_items)}) lacks the key {key!r}")

    if layout.csv:
        if len(actual_sheets) != 1:
            problems.append(f"sheets: expected exactly one for a CSV file, actual {actual_names}")
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
        if not header_row_matches(expected_sheet.header_row, actual.get("header_row")):
            lines.append(f"header_row: expected {expected_sheet.header_row}, actual {actual.get('header_row')}")
        want_count = sum(1 for i in layout.items if layout.csv or i.sheet == expected_sheet.name)
        if actual.get("item_count") != want_count:
            lines.append(f"item_count: expected {want_count}, actual {actual.get('item_count')}")
        columns = {c.get("column"): c for c in actual.get("columns") or []}
        for letter, role in expected_sheet.columns.items():
            acceptable = role if isinstance(role, tuple) else (role,)
            got = columns.get(letter, {}).get("role")
            if got not in acceptable:
                because = columns.get(letter, {}).get("because")
                want = " or ".join(repr(r) for r in acceptable)
                lines.append(f"column {letter}: expected role {want}, actual {got!r}" + (f" ({because})" if because else ""))
        if expected_sheet.status == "questionnaire":
            for role in TEXT_ROLES:
                want = set(roles_of(expected_sheet, role)) | (set(expected_sheet.mark_columns) if role == "answer" else set())
                got = sorted(c.get("column") for c in actual.get("columns") or [] if c.get("role") == role)
                extra = [c for c in got if c not in want]
                if extra:
                    lines.append(f"role {role!r}: expected only on {sorted(want)}, also on {extra}")
            for letter in expected_sheet.mark_columns:
                got = columns.get(letter, {}).get("role")
                if got in NOT_MARK_ROLES:
                    lines.append(f"column {letter} (a choice column, marked with x): role {got!r}")
        lines += skipped_row_problems(expected_sheet.skipped, actual)
        lines += confidence_problems(actual, sheet_skip)
        if "writable" not in sheet_skip and expected_sheet.writable is not ANY:
            if actual.get("writable", "(missing)") is not expected_sheet.writable:
                lines.append(f"writable: expected {expected_sheet.writable}, actual {actual.get('writable', '(missing)')!r}")
        if lines:
            problems.append(f"{label}:\n  " + "\n  ".join(lines))

    # Items, matched by (sheet, row); for CSV by row.
    sheets_by_name = {"" if layout.csv else s.name: s for s in layout.sheets}

    def key_expected(item: WildItem) -> tuple[str, int]:
        return ("" if layout.csv else item.sheet, item.row)

    def key_actual(item: dict[str, Any]) -> tuple[str, Any]:
        return ("" if layout.csv else item.get("sheet"), item.get("row"))

    actual_by_key = index_items(len(layout.items), actual_items, key_actual, problems)
    expected_keys = [key_expected(i) for i in layout.items]
    for key, item in actual_by_key.items():
        if key in expected_keys:
            continue
        sheet = sheets_by_name.get(key[0])
        if sheet is not None and sheet.status == "ignored":
            what = f"item on sheet {key[0]!r} (expected ignored), row {key[1]}"
        elif sheet is not None and key[1] in sheet.decoys:
            what = f"not an item: row {key[1]} ({sheet.decoys[key[1]]}) read as an item"
        elif sheet is not None and key[1] in sheet.skipped:
            what = f"not an item: row {key[1]} (skipped as {sheet.skipped[key[1]]}) read as an item"
        else:
            what = f"unexpected item on sheet {key[0]!r} row {key[1]}"
        problems.append(f"{what}: {describe_actual_item(item)}")
    for expected in layout.items:
        actual = actual_by_key.get(key_expected(expected))
        label = f"item {expected.id if expected.id else '(generated id)'} ({'' if layout.csv else expected.sheet + ' '}row {expected.row})"
        if actual is None:
            problems.append(f"missing {label}: {collapse(expected.question)!r}")
            continue
        diffs = compare_wild_item(layout, sheets_by_name.get(key_expected(expected)[0]), expected, actual,
                                  csv_sheet_name, item_skip)
        if diffs:
            problems.append(f"{label}:\n" + "\n".join(diffs))
    return problems + order_and_id_problems(expected_keys, actual_items, actual_by_key, key_actual)


@pytest.mark.quire
@pytest.mark.parametrize("name", PARAMS)
def test_wild_inspect(name: str, tmp_path: Path, quire_bin: Path) -> None:
    layout = WILD_LAYOUTS[name](tmp_path)
    doc = run_inspect(quire_bin, layout)
    problems = compare_wild(layout, doc)
    if problems:
        command = " ".join(["quire inspect", layout.path.name, "--format json", *layout.args])
        pytest.fail(
            f"{name}: `{command}` differs from the layout's ground truth in {len(problems)} place(s):\n" + "\n".join(problems),
            pytrace=False,
        )


# --- quire answer writes only where the items' answers go -----------------------------------------


@dataclasses.dataclass
class Target:
    item: WildItem
    kind: str  # "answer", "comment" or "mark"
    choice: str | None = None


def targets_of(layout: Layout) -> dict[tuple[str, int, int], Target]:
    """(sheet, row, column index) -> the item cell there; sheet "" for CSV."""
    targets: dict[tuple[str, int, int], Target] = {}

    def place(reference: str, target: Target) -> None:
        if layout.csv:
            row, column = csv_cell(reference)
            targets[("", row, column)] = target
        else:
            sheet, letter, row = split_ref(reference)
            targets[(sheet, row, letter_index(letter))] = target

    for item in layout.items:
        if item.answer_cell:
            place(item.answer_cell, Target(item, "answer"))
        if item.comment_cell:
            place(item.comment_cell, Target(item, "comment"))
        for choice, reference in (item.mark_cells or {}).items():
            place(reference, Target(item, "mark", choice))
    return targets


def blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and value == "")


def judge_changes(layout: Layout, changes: list[tuple[str, int, int, Any, Any]]) -> list[str]:
    """Every change (sheet, row, column index, old, new) against the rules; the problems found."""
    problems: list[str] = []
    targets = targets_of(layout)
    sheets = {"" if layout.csv else s.name: s for s in layout.sheets}
    marks_written: dict[int, list[str]] = {}
    for sheet_name, row, column, old, new in changes:
        where = f"{sheet_name + '!' if sheet_name else ''}{openpyxl.utils.get_column_letter(column + 1)}{row}"
        change = f"{where}: {old!r} -> {new!r}"
        sheet = sheets.get(sheet_name)
        if sheet is not None and sheet.status == "ignored":
            problems.append(f"{change}: written on a sheet that is not a questionnaire")
            continue
        target = targets.get((sheet_name, row, column))
        if target is None:
            what = ""
            if sheet is not None and row in sheet.decoys:
                what = f" (row {row}: {sheet.decoys[row]})"
            elif sheet is not None and row in sheet.skipped:
                what = f" (row {row}: skipped as {sheet.skipped[row]})"
            problems.append(f"{change}: no item's answer, comment or mark cell{what}")
            continue
        item = target.item
        label = f"{change} ({target.kind} of item {item.id or '(no id)'} row {item.row})"
        if blank(new) and not blank(old):
            problems.append(f"{label}: erased")
        if item.existing_answer is not None:
            problems.append(f"{label}: the item was already answered ({item.existing_answer!r}), nothing may change")
        if target.kind == "answer":
            text = str(new).lstrip("'").strip().casefold() if new is not None else ""
            if item.free_text and text in CHOICE_WORDS:
                problems.append(f"{label}: a free-text field got a choice word")
            if item.allowed_answers_source == "validation" and not blank(new) and str(new) not in item.allowed_answers:
                problems.append(f"{label}: not one of the drop-down's values {item.allowed_answers}")
        if target.kind == "mark":
            marks_written.setdefault(id(item), []).append(target.choice)
            text = str(new).strip() if new is not None else ""
            if not 0 < len(text) <= 2:
                problems.append(f"{label}: {new!r} is not a mark (x, X, \u2713, 1)")
    by_id = {id(i): i for i in layout.items}
    for key, choices in marks_written.items():
        item = by_id[key]
        if len(choices) > 1:
            problems.append(f"item {item.id} row {item.row}: {len(choices)} choices marked ({choices}); one at most")
    return problems


def unwritable_by_quire(layout: Layout, doc: dict[str, Any]) -> tuple[set[str], dict[tuple[str, int, int], str]]:
    """What quire's own `inspect` says may not be written: sheets with `writable` false, and the
    answer, comment and mark cells of items with `writable` false (keys absent: nothing)."""
    sheets = {"" if layout.csv else s.get("sheet") for s in doc.get("sheets") or [] if s.get("writable") is False}
    cells: dict[tuple[str, int, int], str] = {}
    for item in doc.get("items") or []:
        if item.get("writable") is not False:
            continue
        references = [item.get("answer_cell"), item.get("comment_cell"), *((item.get("mark_cells") or {}).values())]
        for reference in filter(None, references):
            if layout.csv:
                row, column = csv_cell(reference)
                cells[("", row, column)] = str(item.get("id"))
            else:
                sheet, letter, row = split_ref(reference)
                cells[(sheet, row, letter_index(letter))] = str(item.get("id"))
    return sheets, cells


def xlsx_changes(before_path: Path, after_path: Path) -> tuple[list[tuple[str, int, int, Any, Any]], list[str]]:
    before = openpyxl.load_workbook(before_path)
    after = openpyxl.load_workbook(after_path)
    problems = []
    if before.sheetnames != after.sheetnames:
        problems.append(f"sheets {after.sheetnames} != {before.sheetnames}")
    changes = []
    for ws in before.worksheets:
        if ws.title not in after.sheetnames:
            continue
        other = after[ws.title]
        for row in range(1, max(ws.max_row, other.max_row) + 1):
            for column in range(1, max(ws.max_column, other.max_column) + 1):
                old, new = ws.cell(row=row, column=column).value, other.cell(row=row, column=column).value
                if old != new:
                    changes.append((ws.title, row, column - 1, old, new))
    return changes, problems


def csv_changes(layout: Layout, out: Path) -> tuple[list[tuple[str, int, int, Any, Any]], list[str]]:
    problems = []
    before = load_csv(layout)
    try:
        after = load_csv(layout, out)
    except (UnicodeDecodeError, csv.Error) as error:
        return [], [f"the filled CSV is not readable as {layout.encoding} with {layout.delimiter!r}: {error}"]
    if len(after) != len(before):
        problems.append(f"{len(after)} records, the input has {len(before)}")
    changes = []
    for row in range(1, max(len(before), len(after)) + 1):
        width = max(len(before[row - 1]) if row <= len(before) else 0, len(after[row - 1]) if row <= len(after) else 0)
        for column in range(width):
            old, new = field_of(before, row, column), field_of(after, row, column)
            if old != new:
                changes.append(("", row, column, old or None, new or None))
    return changes, problems


@pytest.mark.quire
@pytest.mark.parametrize("name", PARAMS)
def test_wild_answer_writes_only_item_cells(name: str, tmp_path: Path, quire_bin: Path) -> None:
    source_folder = tmp_path / "in"
    source_folder.mkdir()
    layout = WILD_LAYOUTS[name](source_folder)
    original = layout.path.read_bytes()
    out = tmp_path / f"filled{layout.path.suffix}"
    command = [str(quire_bin), "answer", str(layout.path), "--library", "samples/library", "--as-of", "2026-11-29",
               "-o", str(out)]
    shown = f"quire answer {layout.path.name} --library samples/library --as-of 2026-11-29 -o {out.name}"
    try:
        result = subprocess.run(command, cwd=ROOT, capture_output=True, timeout=TIMEOUT)
    except subprocess.TimeoutExpired:
        pytest.fail(f"{name}: `{shown}` did not finish within {TIMEOUT} s", pytrace=False)
    stderr = result.stderr.decode("utf-8", "replace").strip()
    if result.returncode != 0:
        pytest.fail(f"{name}: `{shown}` exited {result.returncode} (a normal run must exit 0)\nstderr:\n{stderr[:3000]}",
                    pytrace=False)
    problems = []
    if layout.path.read_bytes() != original:
        problems.append("the input file was modified")
    if not out.is_file():
        pytest.fail(f"{name}: `{shown}` exited 0 but wrote no {out.name}\nstderr:\n{stderr[:3000]}", pytrace=False)
    changes, found = csv_changes(layout, out) if layout.csv else xlsx_changes(layout.path, out)
    problems += found
    problems += judge_changes(layout, changes)
    # quire must also keep its own word: nothing written where its inspect says `writable` is false.
    inspected = subprocess.run([str(quire_bin), "inspect", str(layout.path), "--format", "json"], cwd=ROOT,
                               capture_output=True, timeout=TIMEOUT)
    if inspected.returncode != 0:
        problems.append(f"`quire inspect {layout.path.name} --format json` exited {inspected.returncode}")
    else:
        closed_sheets, closed_cells = unwritable_by_quire(layout, json.loads(inspected.stdout))
        for sheet_name, row, column, old, new in changes:
            where = f"{sheet_name + '!' if sheet_name else ''}{openpyxl.utils.get_column_letter(column + 1)}{row}"
            if sheet_name in closed_sheets:
                problems.append(f"{where}: {old!r} -> {new!r} on a sheet quire's inspect calls not writable")
            elif (sheet_name, row, column) in closed_cells:
                problems.append(f"{where}: {old!r} -> {new!r}: a cell of item {closed_cells[(sheet_name, row, column)]}, "
                                "which quire's inspect calls not writable")
    if problems:
        written = "\n".join(
            f"  {s + '!' if s else ''}{openpyxl.utils.get_column_letter(c + 1)}{r}: {o!r} -> {n!r}" for s, r, c, o, n in changes
        )
        pytest.fail(
            f"{name}: `{shown}` wrote where it must not, in {len(problems)} place(s):\n" + "\n".join(problems)
            + f"\nall {len(changes)} changed cell(s):\n{written}\nstderr (summary):\n{stderr[-1500:]}",
            pytrace=False,
        )


# --- the harness's own check (no quire) ------------------------------------------------------------


def ideal_document(layout: Layout) -> dict[str, Any]:
    """What a quire that read every layout perfectly would print: the comparison must accept it."""
    csv_name = layout.path.stem

    def full(reference: str | None) -> str | None:
        return f"{csv_name}!{reference}" if layout.csv and reference else reference

    def first(value: Any) -> Any:
        return value[0] if isinstance(value, tuple) else value

    sheets = []
    for sheet in layout.sheets:
        columns = [
            {"column": letter, "header": "h", "role": next(r for r in (role if isinstance(role, tuple) else (role,)) if r),
             "because": "b"}
            for letter, role in sheet.columns.items()
            if any(role if isinstance(role, tuple) else (role,))
        ] + [{"column": letter, "header": "h", "role": "answer", "because": "b"} for letter in sheet.mark_columns]
        sheets.append({
            "sheet": csv_name if layout.csv else sheet.name, "status": sheet.status, "reason": "r",
            "header_row": first(sheet.header_row), "columns": columns,
            "item_count": sum(1 for i in layout.items if layout.csv or i.sheet == sheet.name),
            "skipped_rows": [{"first": row, "last": row, "reason": first(reason)} for row, reason in sorted(sheet.skipped.items())],
            "confidence": 0.9, "confidence_reasons": [], "writable": sheet.status == "questionnaire",
        })
    items = []
    for number, item in enumerate(layout.items, start=1):
        section = item.section.options[-1] if isinstance(item.section, OneOf) else item.section
        items.append({
            "id": item.id if isinstance(item.id, str) else f"gen-{number}", "id_generated": item.id is None,
            "section": [level.title if isinstance(level, CodedSection) else level for level in section],
            "question": item.question, "guidance": item.guidance, "sheet": csv_name if layout.csv else item.sheet,
            "row": item.row, "answer_cell": full(item.answer_cell), "comment_cell": full(item.comment_cell),
            "evidence_cell": full(item.evidence_cell), "answer_type": item.answer_type,
            "allowed_answers": item.allowed_answers, "allowed_answers_source": item.allowed_answers_source,
            "existing_answer": item.existing_answer, "existing_comment": item.existing_comment,
            "mark_cells": {k: full(v) for k, v in item.mark_cells.items()} if item.mark_cells else None,
            "confidence": 0.95, "confidence_reasons": [], "writable": True,
        })
    return {"file": str(layout.path), "format": layout.format, "profile": None, "sheets": sheets, "items": items}


@pytest.mark.parametrize("name", PARAMS)
def test_wild_harness_accepts_the_truth_and_catches_slips(name: str, tmp_path: Path) -> None:
    """compare_wild passes a perfect reading and fails readings with one slip each; judge_changes
    passes a fill that writes one mark / one answer per open item and fails writes outside items."""
    layout = WILD_LAYOUTS[name](tmp_path)
    doc = ideal_document(layout)
    problems = [f"the perfect reading is refused: {p}" for p in compare_wild(layout, doc)]

    def slip(description: str, change: Any) -> None:
        copy = json.loads(json.dumps(doc))
        change(copy)
        if not compare_wild(layout, copy):
            problems.append(f"a reading with {description} is accepted")

    slip("a low confidence and no reasons", lambda d: d["items"][0].update(confidence=0.3))
    slip("a confidence above 1", lambda d: d["sheets"][0].update(confidence=1.5))
    slip("no writable key", lambda d: [i.pop("writable") for i in d["items"]])
    slip("an item unwritable", lambda d: d["items"][-1].update(writable=False))
    slip("a missing item", lambda d: d["items"].pop())
    slip("a wrong section", lambda d: d["items"][-1].update(section=["Something else"]))
    marks = [i for i, item in enumerate(layout.items) if item.mark_cells]
    if marks:
        slip("mark cells left out", lambda d: d["items"][marks[0]].update(mark_cells=None))
        slip("the marks read as an answer cell", lambda d: d["items"][marks[0]].update(
            answer_cell=d["items"][marks[0]]["mark_cells"]["Yes" if "Yes" in layout.items[marks[0]].mark_cells else
                                                            layout.items[marks[0]].allowed_answers[0]]))
    else:
        slip("mark cells on a plain item", lambda d: d["items"][0].update(mark_cells={"Yes": d["items"][0]["answer_cell"]}))
    for sheet in layout.sheets:
        for row, what in list(sheet.decoys.items())[:1]:
            slip(f"decoy row {row} ({what}) as an item", lambda d: d["items"].append(
                dict(d["items"][0], row=row, sheet=d["items"][0]["sheet"] if layout.csv else sheet.name, id=f"decoy-{row}")))
        if sheet.forbidden:
            slip("a mapping id as a section", lambda d: d["items"][0].update(section=[f"{sheet.forbidden[0]} Access"]))
            slip("a mapping id as the id", lambda d: d["items"][1].update(id=sheet.forbidden[1]))
        if sheet.status == "ignored":
            slip(f"sheet {sheet.name!r} read as a questionnaire", lambda d: next(
                s for s in d["sheets"] if s["sheet"] == sheet.name).update(status="questionnaire"))

    # judge_changes: a careful fill is accepted, careless ones are not.
    def change(reference: str, old: Any, new: Any) -> tuple[str, int, int, Any, Any]:
        if layout.csv:
            row, column = csv_cell(reference)
            return ("", row, column, old, new)
        sheet_name, letter, row = split_ref(reference)
        return (sheet_name, row, letter_index(letter), old, new)

    good = []
    for item in layout.items:
        if item.existing_answer is not None:
            continue
        if item.mark_cells:
            good.append(change(next(iter(item.mark_cells.values())), None, "x"))
        else:
            good.append(change(item.answer_cell, None, item.allowed_answers[0] if item.allowed_answers else "Example text"))
    problems += [f"a careful fill is refused: {p}" for p in judge_changes(layout, good)]
    some = good[0]
    bad = {
        "a cell 30 rows below the last item": [(some[0], max(i.row for i in layout.items) + 30, some[2], None, "Yes")],
        "a cell 12 columns right of an answer cell": [(some[0], some[1], some[2] + 12, None, "Yes")],
        "an erased cell": [(some[0], some[1], some[2], "x", None)],
    }
    answered = [i for i in layout.items if i.existing_answer is not None]
    if answered:
        item = answered[0]
        reference = list(item.mark_cells.values())[-1] if item.mark_cells else item.answer_cell
        bad["a change to an answered item"] = [change(reference, None, "x" if item.mark_cells else "No")]
    open_marks = [i for i in layout.items if i.mark_cells and i.existing_answer is None]
    if open_marks:
        references = list(open_marks[0].mark_cells.values())
        bad["two marks on one item"] = [change(references[0], None, "x"), change(references[1], None, "x")]
        bad["a word in a mark cell"] = [change(references[0], None, "Yes")]
    free = [i for i in layout.items if i.free_text and i.existing_answer is None]
    if free:
        bad["Yes in a free-text field"] = [change(free[0].answer_cell, None, "Yes")]
    for sheet in layout.sheets:
        if sheet.status == "ignored":
            bad[f"a write on {sheet.name!r}"] = [(sheet.name, 4, 2, None, "Yes")]
        for row, what in list(sheet.decoys.items())[:1]:
            bad[f"a write on decoy row {row} ({what})"] = [("" if layout.csv else sheet.name, row, 2, None, "Low")]
    for description, changes in bad.items():
        if not judge_changes(layout, changes):
            problems.append(f"a fill with {description} is accepted: {changes}")
    if problems:
        pytest.fail(f"{name}: the harness is wrong:\n  " + "\n  ".join(problems), pytrace=False)
