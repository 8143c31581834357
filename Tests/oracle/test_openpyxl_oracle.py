"""Compare `quire cat` with openpyxl (XLSX/XLSM) and Python's csv module (CSV), cell by cell.

Run from the repository root (see Tests/oracle/README.md):

    QUIRE_BIN=.build/debug/quire .venv/bin/python -m pytest Tests/oracle
    QUIRE_CORPUS=../shared/corpus QUIRE_BIN=.build/debug/quire .venv/bin/python -m pytest Tests/oracle -m corpus
    .venv/bin/python -m pytest Tests/oracle -m "not quire"      # the openpyxl side only

What is compared
----------------
For every .xlsx/.xlsm under Tests/Fixtures/ (and with QUIRE_CORPUS, every .xlsx under
$QUIRE_CORPUS/questionnaires/{scf,hecvat,ciso-assistant}, marked `corpus`):

- `quire cat FILE --format json` exits 0 and its output validates against Schemas/cat.schema.json
  (Draft 2020-12); `file` is the path exactly as passed, `format` the extension.
- The sheets (name, index, visibility, in order) equal openpyxl's `wb._sheets`.
- Cells in quire's output are in row-major order without duplicates.
- The set of cell refs, and each cell's type, value and formula, equal openpyxl_dump.py's dump.
- For every sheet, `quire cat FILE --sheet NAME --format csv` equals the text rendered from the
  dump (rules below).

For every CSV under Tests/Fixtures/csv/: `quire cat FILE --format json` equals Python's csv module
reading the file with the encoding and delimiter given in make_csv_fixtures.CSV_FIXTURES.

Normalisation rules (openpyxl value -> quire JSON); implemented in openpyxl_dump.py
---------------------------------------------------------------------------------
- Cells: `ws._cells` sorted by (row, column), from a `data_only=True` load (values) and a
  `data_only=False` load (formulas), both `read_only=False, keep_links=False`. A cell whose value
  is None is left out unless it has a formula; then quire must write `{"type": "empty"}` with the
  formula and no value. An empty string is a value (type "string", value "").
- Numbers: openpyxl int/float vs quire's JSON number, compared exactly as floats (quire writes the
  shortest round-trip form). A mismatch is reported with its distance in ulps; it is never hidden
  by a tolerance.
- Dates: datetime -> `YYYY-MM-DD` when the time is midnight, else `YYYY-MM-DDTHH:MM:SS[.fff]`;
  date -> `YYYY-MM-DD`; time -> `HH:MM:SS[.fff]`; timedelta -> `[-]PT{h}H{m}M{s}[.fff]S` with total
  hours (36 h -> `PT36H0M0S`). `.fff` is milliseconds with trailing zeros stripped, left out when
  zero; microseconds below a millisecond are truncated.
- Booleans: JSON true/false. Errors: openpyxl data_type 'e' (value such as `#N/A`) -> "error".
- Strings: exact, after decoding the ECMA-376 `_xHHHH_` escapes that openpyxl leaves in the text
  (`_x000D_` -> CR); newlines kept.
- Formulas: openpyxl's formula text without the leading `=`; for an ArrayFormula its `.text`
  without `=`. openpyxl translates a shared formula to each dependent cell and so must quire.
- Known, deliberate differences are listed in EXPECTED_DIFFERENCES, keyed by (file, sheet, ref)
  with the reason. A listed cell may differ in any way; a listed cell that no longer differs
  fails the test, so the list can't rot. The CSV test takes quire's own JSON cell for listed cells.
- Files openpyxl cannot read at all are listed in openpyxl_dump.OPENPYXL_UNREADABLE: quire's JSON is
  still checked against the schema, openpyxl must still fail on them (or the test fails), and their
  values are compared with python-calamine instead (test_files_openpyxl_cannot_read_match_calamine).

CSV text expected from `--format csv` for one sheet
---------------------------------------------------
One line per row from row 1 to the last row holding a value (not None), each with the fields of
columns A to the last column holding a value in any row, each line ending in CRLF; an empty sheet
is the empty text. Fields: strings as they are; numbers as quire's formatNumber (whole numbers
below 1e15 as integers, otherwise Swift's shortest round-trip `description`, see
openpyxl_dump.swift_description); booleans TRUE/FALSE; dates in ISO as above; errors as their code;
formula cells without a cached value as the empty field. A field is quoted when it contains a comma,
a double quote, CR or LF, or begins or ends with a space; quotes inside are doubled.

CSV fixtures
------------
Each record (1-based, blank records included) is a row and each field (1-based) a column; every
non-empty field is a cell `{"type": "string", "value": field}` at that A1 ref; empty fields and
records without a non-empty field produce no cells. The file is one sheet, index 0, visible, and
`format` is "csv"; the sheet's name is only checked by the schema (non-empty).
"""

from __future__ import annotations

import contextlib
import csv
import functools
import io
import json
import math
import os
import re
import struct
import subprocess
import warnings
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any

import jsonschema
import openpyxl
import pytest

import make_csv_fixtures
import openpyxl_dump
from openpyxl_dump import OPENPYXL_UNREADABLE, OracleError

ORACLE_DIR = Path(__file__).resolve().parent
REPO = ORACLE_DIR.parent.parent
FIXTURES = REPO / "Tests" / "Fixtures"
SCHEMA_PATH = REPO / "Schemas" / "cat.schema.json"
CORPUS_SUBDIRS = ("scf", "hecvat", "ciso-assistant")
MAX_LISTED = 20
QUIRE_TIMEOUT_SECONDS = 600

#: Known, deliberate differences between quire and the openpyxl oracle:
#: (file, sheet, ref) -> reason. `file` is the path under Tests/Fixtures/ (`xlsx/foo.xlsx`) or, for
#: corpus files, under $QUIRE_CORPUS (`questionnaires/scf/scf-2022.3.xlsx`). Every entry must
#: still differ, or the test fails.
EXPECTED_DIFFERENCES: dict[tuple[str, str, str], str] = {}


# --- inputs ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Input:
    """A file the suite reads: its key (for ids and EXPECTED_DIFFERENCES) and where it is."""

    key: str
    path: Path
    corpus: bool = False

    @property
    def argument(self) -> str:
        """The path as passed to quire, relative to the repository root (quire runs there)."""
        return os.path.relpath(self.path, REPO)


def fixture_workbooks() -> list[Input]:
    paths = sorted(p for p in FIXTURES.rglob("*") if p.suffix.lower() in (".xlsx", ".xlsm") and p.is_file())
    return [Input(p.relative_to(FIXTURES).as_posix(), p) for p in paths]


def corpus_workbooks() -> list[Input]:
    """The corpus workbooks, or [] when QUIRE_CORPUS is unset; a wrong QUIRE_CORPUS is an error."""
    value = os.environ.get("QUIRE_CORPUS")
    if not value:
        return []
    root = Path(value).resolve()
    inputs = []
    for subdir in CORPUS_SUBDIRS:
        folder = root / "questionnaires" / subdir
        paths = sorted(folder.glob("*.xlsx"))
        if not paths:
            raise pytest.UsageError(f"QUIRE_CORPUS={value}: no .xlsx files in {folder}")
        inputs += [Input(p.relative_to(root).as_posix(), p, corpus=True) for p in paths]
    return inputs


WORKBOOKS = fixture_workbooks() + corpus_workbooks()
CSV_FILES = sorted(
    set(make_csv_fixtures.CSV_FIXTURES) | {p.name for p in (FIXTURES / "csv").glob("*.csv")}
)


def _marks(item: Input, *, quire: bool = True) -> list[pytest.MarkDecorator]:
    # One workbook's tests on one pytest-xdist worker (`--dist loadgroup`): its openpyxl dump and
    # quire's JSON are made once, not once a worker.
    return ([pytest.mark.quire] if quire else []) + ([pytest.mark.corpus] if item.corpus else []) + [
        pytest.mark.xdist_group(item.key)
    ]


def workbook_params(*, quire: bool = True) -> list[Any]:
    return [pytest.param(item, id=item.key, marks=_marks(item, quire=quire)) for item in WORKBOOKS]


def sheet_names(item: Input) -> list[str] | None:
    """The workbook's sheet names as openpyxl lists them, or None when openpyxl can't open it."""
    try:
        source, _ = openpyxl_dump.open_for_openpyxl(item.path)
        # openpyxl_dump reports warnings; not at collection time. openpyxl print()s on bad styles.
        with warnings.catch_warnings(), contextlib.redirect_stdout(io.StringIO()):
            warnings.simplefilter("ignore")
            workbook = openpyxl.load_workbook(source, read_only=True, keep_links=False)
    except Exception:
        return None
    try:
        return list(workbook.sheetnames)
    finally:
        workbook.close()


def sheet_params() -> list[Any]:
    params = []
    for item in WORKBOOKS:
        names = sheet_names(item)
        for name in names if names is not None else [None]:
            params.append(pytest.param(item, name, id=f"{item.key}[{name}]", marks=_marks(item)))
    return params


# --- running quire and the oracle ------------------------------------------------------------


@dataclass(frozen=True)
class QuireRun:
    command: list[str]
    returncode: int
    stdout: bytes
    stderr: str

    def describe(self) -> str:
        return f"`{' '.join(self.command)}` exited {self.returncode}; stderr:\n{self.stderr[-4000:]}"


@functools.lru_cache(maxsize=None)
def run_quire(quire: Path, *arguments: str) -> QuireRun:
    command = [str(quire), *arguments]
    completed = subprocess.run(command, cwd=REPO, capture_output=True, timeout=QUIRE_TIMEOUT_SECONDS)
    return QuireRun(command, completed.returncode, completed.stdout, completed.stderr.decode("utf-8", "replace"))


@functools.lru_cache(maxsize=1)
def schema_validator() -> jsonschema.Draft202012Validator:
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def schema_problems(document: Any) -> list[str]:
    errors = sorted(schema_validator().iter_errors(document), key=lambda error: list(error.absolute_path))
    return [f"{'/'.join(map(str, error.absolute_path)) or '(root)'}: {error.message[:300]}" for error in errors]


@functools.lru_cache(maxsize=None)
def quire_json(quire: Path, argument: str) -> dict[str, Any]:
    """quire's JSON for a file; fails the test on a non-zero exit, bad JSON or a schema violation."""
    run = run_quire(quire, "cat", argument, "--format", "json")
    if run.returncode != 0:
        pytest.fail(run.describe(), pytrace=False)
    try:
        document = json.loads(run.stdout.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        pytest.fail(f"{run.describe()}\nstdout is not UTF-8 JSON: {error}\n{run.stdout[:500]!r}", pytrace=False)
    problems = schema_problems(document)
    if problems:
        listed = "\n".join(problems[:MAX_LISTED])
        message = f"quire's JSON for {argument} breaks {SCHEMA_PATH.name} ({len(problems)} errors):\n{listed}"
        pytest.fail(message, pytrace=False)
    return document


@dataclass(frozen=True)
class Oracle:
    document: dict[str, Any]
    notes: tuple[str, ...]
    merged_drops: dict[tuple[str, str], str]


@functools.lru_cache(maxsize=None)
def oracle_for(item: Input) -> Oracle:
    """openpyxl's dump of a workbook (without the workbooks themselves, to keep memory down)."""
    document, loaded = openpyxl_dump.dump_workbook(str(item.path))
    return Oracle(document, tuple(loaded.notes), dict(loaded.merged_drops))


def expected_for(item: Input) -> dict[tuple[str, str], str]:
    """EXPECTED_DIFFERENCES entries for one file, as (sheet, ref) -> reason."""
    return {(sheet, ref): reason for (file, sheet, ref), reason in EXPECTED_DIFFERENCES.items() if file == item.key}


def openpyxl_cannot_read(item: Input) -> bool:
    """True for a file listed in OPENPYXL_UNREADABLE, after checking that openpyxl still fails on it.

    Such a file is compared with python-calamine instead (test_files_openpyxl_cannot_read_match_calamine);
    the caller then stops, having checked what it could (the schema). A listed file that openpyxl
    has learnt to read fails the test, so the list can't rot.
    """
    if OPENPYXL_UNREADABLE.get(item.path.name) is None:
        return False
    try:
        oracle_for(item)
    except OracleError:
        return True
    pytest.fail(f"openpyxl reads {item.key} now; remove it from OPENPYXL_UNREADABLE in openpyxl_dump.py", pytrace=False)


# --- comparing cells -------------------------------------------------------------------------

_REF = re.compile(r"^([A-Z]{1,3})([1-9][0-9]*)$")


def ref_key(ref: str) -> tuple[int, int]:
    """(row, column) of an A1 ref."""
    match = _REF.match(ref)
    if not match:
        raise ValueError(f"not an A1 ref: {ref!r}")
    return int(match.group(2)), openpyxl.utils.column_index_from_string(match.group(1))


def ref_for(row: int, column: int) -> str:
    return f"{openpyxl.utils.get_column_letter(column)}{row}"


def ulps_apart(a: float, b: float) -> int:
    def ordered(x: float) -> int:
        bits = struct.unpack("<q", struct.pack("<d", x))[0]
        return bits if bits >= 0 else -(bits & 0x7FFF_FFFF_FFFF_FFFF)

    return abs(ordered(a) - ordered(b))


def is_number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def cell_difference(ours: dict[str, Any] | None, theirs: dict[str, Any] | None) -> str | None:
    """What differs between quire's cell and openpyxl's (comma-separated kinds), or None when they agree."""
    if ours is None:
        return "missing from quire"
    if theirs is None:
        return "extra in quire"
    problems = []
    if ours["type"] != theirs["type"]:
        problems.append("type")
    if "value" in ours or "value" in theirs:
        a, b = ours.get("value"), theirs.get("value")
        if is_number(a) and is_number(b):
            if float(a) != float(b):
                distance = ulps_apart(float(a), float(b)) if math.isfinite(a) and math.isfinite(b) else None
                tiny = f" (tiny float mismatch: {distance} ulp)" if distance is not None and distance <= 4 else ""
                problems.append(f"value {float(a)!r} != {float(b)!r}{tiny}")
        elif type(a) is not type(b) or a != b:
            problems.append("value")
    if ours.get("formula") != theirs.get("formula"):
        problems.append("formula")
    return ", ".join(problems) or None


@dataclass(frozen=True)
class Difference:
    sheet: str
    ref: str
    what: str
    ours: dict[str, Any] | None
    theirs: dict[str, Any] | None
    hint: str = ""

    def __str__(self) -> str:
        def show(cell: dict[str, Any] | None) -> str:
            if cell is None:
                return "-"
            return json.dumps({k: v for k, v in cell.items() if k != "ref"}, ensure_ascii=False)

        hint = f"  [{self.hint}]" if self.hint else ""
        return (
            f"  {self.sheet}!{self.ref}: {self.what}\n"
            f"      quire:    {show(self.ours)}\n"
            f"      openpyxl: {show(self.theirs)}{hint}"
        )


def order_problems(sheet: str, cells: list[dict[str, Any]]) -> list[str]:
    """Cells out of row-major order or repeated in quire's output."""
    problems = []
    previous: tuple[int, int] | None = None
    for cell in cells:
        key = ref_key(cell["ref"])
        if previous is not None and key <= previous:
            kind = "repeated" if key == previous else "out of row-major order"
            problems.append(f"  {sheet}!{cell['ref']}: {kind} (after {ref_for(*previous)})")
        previous = key
    return problems


def diff_sheet(
    sheet: str, ours: list[dict[str, Any]], theirs: list[dict[str, Any]], oracle: Oracle
) -> list[Difference]:
    ours_by_ref = {cell["ref"]: cell for cell in ours}
    theirs_by_ref = {cell["ref"]: cell for cell in theirs}
    differences = []
    for ref in sorted(ours_by_ref.keys() | theirs_by_ref.keys(), key=ref_key):
        what = cell_difference(ours_by_ref.get(ref), theirs_by_ref.get(ref))
        if what is None:
            continue
        hint = ""
        if (sheet, ref) in oracle.merged_drops:
            hint = f"openpyxl drops cells inside merged ranges; the file has {oracle.merged_drops[(sheet, ref)]}"
        differences.append(Difference(sheet, ref, what, ours_by_ref.get(ref), theirs_by_ref.get(ref), hint))
    return differences


def describe_sheets(document: dict[str, Any]) -> list[tuple[str, int, str]]:
    return [(sheet["name"], sheet["index"], sheet["visibility"]) for sheet in document["sheets"]]


# --- CSV rendering ---------------------------------------------------------------------------


def cell_text(cell: dict[str, Any]) -> str:
    """A JSON cell as quire's CSV writes it (CellValue.text)."""
    kind, value = cell["type"], cell.get("value")
    if kind == "number":
        return openpyxl_dump.format_number(value)
    if kind == "boolean":
        return "TRUE" if value else "FALSE"
    if kind == "empty":
        return ""
    return value


def csv_field(text: str) -> str:
    if any(ch in text for ch in ',"\r\n') or text.startswith(" ") or text.endswith(" "):
        return '"' + text.replace('"', '""') + '"'
    return text


def render_csv(cells: list[dict[str, Any]]) -> str:
    """The RFC 4180 text quire must write for a sheet holding `cells` (see the module docstring)."""
    # A text cell a spreadsheet program would run as a formula gets a leading apostrophe (OWASP's
    # CSV-injection rule): `=`, `+`, `-`, `@`, tab or carriage return first.
    grid = {ref_key(cell["ref"]): ("'" if cell["type"] == "string" and cell_text(cell).startswith(("=", "+", "-", "@", "\t", "\r"))
                                   else "") + cell_text(cell)
            for cell in cells if cell["type"] != "empty"}
    if not grid:
        return ""
    last_row = max(row for row, _ in grid)
    last_column = max(column for _, column in grid)
    lines = []
    for row in range(1, last_row + 1):
        fields = (csv_field(grid.get((row, column), "")) for column in range(1, last_column + 1))
        lines.append(",".join(fields) + "\r\n")
    return "".join(lines)


def csv_grid(text: str) -> dict[tuple[int, int], str]:
    rows = csv.reader(io.StringIO(text, newline=""), strict=True)
    return {(r, c): field for r, row in enumerate(rows, 1) for c, field in enumerate(row, 1) if field != ""}


def first_text_difference(ours: str, expected: str) -> str:
    ours_lines = ours.splitlines(keepends=True)
    expected_lines = expected.splitlines(keepends=True)
    for number, (a, b) in enumerate(zip(ours_lines, expected_lines), 1):
        if a != b:
            return f"line {number}:\n      quire:    {a[:300]!r}\n      expected: {b[:300]!r}"
    return f"quire wrote {len(ours_lines)} lines, expected {len(expected_lines)}"


# --- tests: the oracle side alone ------------------------------------------------------------


@pytest.mark.parametrize("item", workbook_params(quire=False))
def test_openpyxl_dump_is_valid(item: Input) -> None:
    """openpyxl reads every workbook (except those listed unreadable) and the dump fits the schema."""
    if item.path.name in OPENPYXL_UNREADABLE:
        with pytest.raises(OracleError):
            oracle_for(item)
        return
    oracle = oracle_for(item)
    problems = schema_problems(oracle.document)
    assert not problems, "openpyxl_dump.py output breaks the schema:\n" + "\n".join(problems[:MAX_LISTED])


def test_unreadable_list_names_fixtures() -> None:
    names = {item.path.name for item in WORKBOOKS}
    unknown = set(OPENPYXL_UNREADABLE) - names
    assert not unknown, f"OPENPYXL_UNREADABLE names files that are not fixtures: {unknown}"


def test_expected_differences_name_known_files() -> None:
    fixture_keys = {item.key for item in fixture_workbooks()}
    corpus_prefixes = tuple(f"questionnaires/{subdir}/" for subdir in CORPUS_SUBDIRS)
    for (file, sheet, ref), reason in EXPECTED_DIFFERENCES.items():
        assert file in fixture_keys or file.startswith(corpus_prefixes), f"EXPECTED_DIFFERENCES: unknown file {file!r}"
        assert sheet and _REF.match(ref), f"EXPECTED_DIFFERENCES: bad sheet or ref in {(file, sheet, ref)!r}"
        assert reason.strip(), f"EXPECTED_DIFFERENCES{(file, sheet, ref)!r}: give the reason"


def test_csv_fixtures_are_generated_by_make_csv_fixtures() -> None:
    assert make_csv_fixtures.main(["--check"]) == 0, "run .venv/bin/python Tests/oracle/make_csv_fixtures.py"


@pytest.mark.parametrize(
    ("number", "swift"),
    [  # formatNumber's output, printed by Swift 6.3.1 (the sweep in the README checked 11,217 values)
        (0.0, "0"),
        (-0.0, "0"),
        (-3.0, "-3"),
        (1.5, "1.5"),
        (0.1, "0.1"),
        (1.0 / 3.0, "0.3333333333333333"),
        (0.30000000000000004, "0.30000000000000004"),
        (0.0001, "0.0001"),
        (1e-05, "1e-05"),
        (-2.5e-07, "-2.5e-07"),
        (999999999999999.0, "999999999999999"),
        (1e15, "1000000000000000.0"),
        (1234567890123456.5, "1234567890123456.5"),
        (9007199254740992.0, "9007199254740992.0"),
        (9.5e15, "9.5e+15"),
        (1e16, "1e+16"),
        (1e20, "1e+20"),
        (1.23456789e22, "1.23456789e+22"),
        (123456789012345680.0, "1.2345678901234568e+17"),
        (5e-324, "5e-324"),
        (1.7976931348623157e308, "1.7976931348623157e+308"),
        (44927.5, "44927.5"),
    ],
)
def test_format_number_matches_swift(number: float, swift: str) -> None:
    assert openpyxl_dump.format_number(number) == swift


@pytest.mark.parametrize(
    ("value", "iso"),
    [
        (datetime(2024, 1, 2), "2024-01-02"),
        (datetime(2024, 1, 2, 13, 45), "2024-01-02T13:45:00"),
        (datetime(1900, 1, 1, 0, 0, 0, 250000), "1900-01-01T00:00:00.25"),
        (datetime(2024, 1, 2, 0, 0, 0, 999), "2024-01-02"),
        (date(2024, 1, 2), "2024-01-02"),
        (time(13, 45, 0, 250000), "13:45:00.25"),
        (time(0, 0), "00:00:00"),
        (timedelta(hours=36), "PT36H0M0S"),
        (timedelta(hours=255, minutes=10, seconds=10), "PT255H10M10S"),
        (timedelta(seconds=-1.5), "-PT0H0M1.5S"),
        (timedelta(milliseconds=1001), "PT0H0M1.001S"),
    ],
    ids=str,
)
def test_iso_date_rendering(value: Any, iso: str) -> None:
    assert openpyxl_dump.iso_date(value) == iso


# --- tests: quire against the oracles --------------------------------------------------------


@pytest.mark.parametrize("item", workbook_params())
def test_cat_json_matches_openpyxl(item: Input, quire_bin: Path) -> None:
    ours = quire_json(quire_bin, item.argument)
    header = []
    if ours["file"] != item.argument:
        pytest.fail(f"`file` should be the path as given, {item.argument!r}, not {ours['file']!r}", pytrace=False)
    if ours["format"] != item.path.suffix.lower()[1:]:
        pytest.fail(f"{item.key}: `format` is {ours['format']!r}", pytrace=False)
    if openpyxl_cannot_read(item):
        return  # schema checked above; values compared with python-calamine
    oracle = oracle_for(item)
    header += [f"note: {note}" for note in oracle.notes]
    theirs = oracle.document

    if describe_sheets(ours) != describe_sheets(theirs):
        pytest.fail(
            f"{item.key}: sheets (name, index, visibility) differ:\n"
            f"  quire:    {describe_sheets(ours)}\n  openpyxl: {describe_sheets(theirs)}",
            pytrace=False,
        )
    order = [problem for sheet in ours["sheets"] for problem in order_problems(sheet["name"], sheet["cells"])]
    if order:
        listed_order = "\n".join(order[:MAX_LISTED])
        pytest.fail(f"{item.key}: quire's cells are not in row-major order:\n{listed_order}", pytrace=False)

    differences: list[Difference] = []
    for our_sheet, their_sheet in zip(ours["sheets"], theirs["sheets"]):
        differences += diff_sheet(our_sheet["name"], our_sheet["cells"], their_sheet["cells"], oracle)
    listed = expected_for(item)
    unexpected = [d for d in differences if (d.sheet, d.ref) not in listed]
    found = {(d.sheet, d.ref) for d in differences}
    vanished = [f"  {sheet}!{ref}: {reason}" for (sheet, ref), reason in listed.items() if (sheet, ref) not in found]

    report = []
    if unexpected:
        kinds: dict[str, int] = {}
        for difference in unexpected:
            for part in difference.what.split(", "):
                kind = part if part.endswith(" quire") else part.split(" ")[0]
                kinds[kind] = kinds.get(kind, 0) + 1
        counts = ", ".join(f"{kind}: {count}" for kind, count in sorted(kinds.items()))
        report.append(
            f"{len(unexpected)} cell(s) differ from openpyxl ({counts}); first {min(len(unexpected), MAX_LISTED)}:"
        )
        report += [str(difference) for difference in unexpected[:MAX_LISTED]]
    if vanished:
        report.append("listed in EXPECTED_DIFFERENCES but no longer different (remove them):")
        report += vanished
    if report:
        pytest.fail("\n".join([f"{item.key}:"] + header + report), pytrace=False)


@pytest.mark.parametrize(("item", "sheet"), sheet_params())
def test_cat_csv_sheet_matches_openpyxl(item: Input, sheet: str | None, quire_bin: Path) -> None:
    if openpyxl_cannot_read(item):
        return  # no openpyxl text to compare with; values compared with python-calamine
    assert sheet is not None, f"openpyxl lists no sheets for {item.key} but it is not in OPENPYXL_UNREADABLE"
    oracle = oracle_for(item)
    [their_sheet] = [s for s in oracle.document["sheets"] if s["name"] == sheet]
    cells = {cell["ref"]: cell for cell in their_sheet["cells"]}
    listed = [ref for (listed_sheet, ref) in expected_for(item) if listed_sheet == sheet]
    if listed:  # for a listed cell, take quire's own cell as the expectation
        [our_sheet] = [s for s in quire_json(quire_bin, item.argument)["sheets"] if s["name"] == sheet]
        ours_by_ref = {cell["ref"]: cell for cell in our_sheet["cells"]}
        for ref in listed:
            cells.pop(ref, None)
            if ref in ours_by_ref:
                cells[ref] = ours_by_ref[ref]
    expected = render_csv(list(cells.values()))

    run = run_quire(quire_bin, "cat", item.argument, "--sheet", sheet, "--format", "csv")
    if run.returncode != 0:
        pytest.fail(run.describe(), pytrace=False)
    try:
        ours = run.stdout.decode("utf-8")
    except UnicodeDecodeError as error:
        pytest.fail(f"{run.describe()}\nstdout is not UTF-8: {error}", pytrace=False)
    if ours == expected:
        return
    ours_grid, expected_grid = csv_grid(ours), csv_grid(expected)
    differing = [
        key for key in sorted(ours_grid.keys() | expected_grid.keys()) if ours_grid.get(key) != expected_grid.get(key)
    ]
    lines = [f"{item.key} [{sheet}]: `--format csv` differs from the text rendered from openpyxl"]
    if differing:
        lines.append(f"{len(differing)} field(s) differ; first {min(len(differing), MAX_LISTED)}:")
        for key in differing[:MAX_LISTED]:
            lines.append(f"  {ref_for(*key)}: quire={ours_grid.get(key)!r} expected={expected_grid.get(key)!r}")
    else:
        lines.append(
            "same fields, different text (quoting, padding or line ends); first difference at "
            + first_text_difference(ours, expected)
        )
    pytest.fail("\n".join(lines), pytrace=False)


def expected_csv_cells(name: str) -> list[dict[str, Any]]:
    fixture = make_csv_fixtures.CSV_FIXTURES[name]
    text = (FIXTURES / "csv" / name).read_bytes().decode(fixture.encoding)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=fixture.delimiter, strict=True)
    return [
        {"ref": ref_for(record, field), "type": "string", "value": value}
        for record, row in enumerate(reader, 1)
        for field, value in enumerate(row, 1)
        if value != ""
    ]


@pytest.mark.quire
@pytest.mark.parametrize("name", CSV_FILES)
def test_cat_json_csv_fixture_matches_python_csv(name: str, quire_bin: Path) -> None:
    assert name in make_csv_fixtures.CSV_FIXTURES, f"Tests/Fixtures/csv/{name}: describe it in make_csv_fixtures.py"
    argument = os.path.relpath(FIXTURES / "csv" / name, REPO)
    ours = quire_json(quire_bin, argument)
    if ours["file"] != argument or ours["format"] != "csv":
        pytest.fail(
            f"{name}: file/format should be {argument!r}/'csv', not {ours['file']!r}/{ours['format']!r}", pytrace=False
        )
    if [(sheet["index"], sheet["visibility"]) for sheet in ours["sheets"]] != [(0, "visible")]:
        pytest.fail(f"{name}: a CSV file is one visible sheet at index 0, not {describe_sheets(ours)}", pytrace=False)
    ours_cells = ours["sheets"][0]["cells"]
    order = order_problems(ours["sheets"][0]["name"], ours_cells)
    if order:
        listed_order = "\n".join(order[:MAX_LISTED])
        pytest.fail(f"{name}: quire's cells are not in row-major order:\n{listed_order}", pytrace=False)
    expected = {cell["ref"]: cell for cell in expected_csv_cells(name)}
    actual = {cell["ref"]: cell for cell in ours_cells}
    refs = sorted(expected.keys() | actual.keys(), key=ref_key)
    differing = [ref for ref in refs if expected.get(ref) != actual.get(ref)]
    if differing:
        lines = [
            f"{name}: {len(differing)} cell(s) differ from Python's csv module; "
            f"first {min(len(differing), MAX_LISTED)}:"
        ]
        for ref in differing[:MAX_LISTED]:
            quire_cell = json.dumps(actual.get(ref), ensure_ascii=False)
            csv_cell = json.dumps(expected.get(ref), ensure_ascii=False)
            lines.append(f"  {ref}: quire={quire_cell} csv={csv_cell}")
        pytest.fail("\n".join(lines), pytrace=False)


# --- a second oracle for the files openpyxl cannot read ---------------------------------------

def calamine_cells(path: Path, sheet: str) -> dict[str, dict[str, Any]]:
    """python-calamine's view of one sheet as quire-shaped cells (values only: calamine has no formulas)."""
    from python_calamine import CalamineWorkbook

    rows = CalamineWorkbook.from_path(str(path)).get_sheet_by_name(sheet).to_python(skip_empty_area=False)
    cells: dict[str, dict[str, Any]] = {}
    for row_number, row in enumerate(rows, start=1):
        for column_number, value in enumerate(row, start=1):
            if value is None or value == "":
                continue
            ref = ref_for(row_number, column_number)
            if isinstance(value, bool):
                cells[ref] = {"type": "boolean", "value": value}
            elif isinstance(value, (int, float)):
                cells[ref] = {"type": "number", "value": value}
            elif isinstance(value, (datetime, date, time, timedelta)):
                cells[ref] = {"type": "date", "value": openpyxl_dump.iso_date(value)}
            elif str(value).strip():
                cells[ref] = {"type": "string", "value": str(value).strip()}
    return cells


@pytest.mark.quire
@pytest.mark.parametrize("name", sorted(OPENPYXL_UNREADABLE))
def test_files_openpyxl_cannot_read_match_calamine(name: str, quire_bin: Path) -> None:
    """The files openpyxl cannot open are still compared with an independent reader, python-calamine.

    Normalisation: calamine reports an empty string and an absent cell alike, so quire's empty-string
    cells are left out; calamine trims the spaces around inline strings written without
    xml:space="preserve" (openpyxl, the primary oracle, keeps them, and so does quire), so strings
    are compared trimmed and whitespace-only strings count as absent; calamine returns a `t="d"`
    ISO-date cell as its raw text, so such text is compared with quire's ISO rendering without the
    trailing `Z`. calamine has no formula text, so only values are compared.
    """
    path = next(p for p in FIXTURES.rglob(name))
    document = quire_json(quire_bin, os.path.relpath(path, REPO))
    problems = []
    for sheet in document["sheets"]:
        ours = {
            cell["ref"]: {"type": cell["type"], "value": cell["value"]}
            for cell in sheet["cells"]
            if "value" in cell and not (isinstance(cell["value"], str) and cell["value"].strip() == "")
        }
        for cell in ours.values():
            if cell["type"] == "string":
                cell["value"] = cell["value"].strip()
        theirs = calamine_cells(path, sheet["name"])
        for ref, cell in theirs.items():
            mine = ours.get(ref)
            if cell["type"] == "string" and mine is not None and mine["type"] == "date":
                if cell["value"].removesuffix("Z") == mine["value"]:
                    theirs[ref] = mine
        for ref in sorted(set(ours) | set(theirs), key=ref_key):
            a, b = ours.get(ref), theirs.get(ref)
            if a is not None and b is not None and a["type"] == b["type"] == "number":
                if float(a["value"]) == float(b["value"]):
                    continue
            if a != b:
                problems.append(f"  {sheet['name']}!{ref}: quire {a}, calamine {b}")
    assert not problems, f"{name}: {len(problems)} cell(s) differ from python-calamine:\n" + "\n".join(problems[:MAX_LISTED])
