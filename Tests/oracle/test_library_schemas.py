"""The user-library schemas (Schemas/library.schema.json and the four *-table.schema.json row
schemas) are valid Draft 2020-12 schemas, every library sample fits the schema for its format, and
the schemas reject what docs/library-format.md forbids.

- JSON and YAML documents (samples/library/*.json|yaml|yml, Catalogs/controls.yaml if present) are
  validated whole against library.schema.json. YAML is read with PyYAML's safe loader; the date
  and datetime objects it makes of unquoted dates are turned back into ISO strings first.
- CSV files and XLSX/XLSM sheets are read row by row. Headers are normalised (lowercase, spaces
  and '-' -> '_'), the table is told by which required columns the header has (as Quire does),
  and each non-blank row, as {column: cell text}, is validated against that table's row schema.
- samples/library/ must hold at least 3 sample files: a missing or empty folder fails, it never
  skips.

No quire binary is needed.
"""

from __future__ import annotations

import copy
import csv
import datetime as dt
import io
import json
import re
from pathlib import Path
from typing import Any

import jsonschema
import openpyxl
import pytest
import yaml

REPO = Path(__file__).resolve().parent.parent.parent
SCHEMAS = REPO / "Schemas"
SAMPLES = REPO / "samples" / "library"
DOC = REPO / "docs" / "library-format.md"
BUILTIN = REPO / "Catalogs" / "controls.yaml"
BUILTIN_SWIFT = REPO / "Sources" / "ControlModel" / "BuiltInLibraryData.swift"
SCHEMA_ID_BASE = "https://quire.invalid/schemas/"

SCHEMA_NAMES = [
    "library",
    "controls-table",
    "implementation-table",
    "evidence-table",
    "answers-table",
]


def load_schema(name: str) -> dict[str, Any]:
    return json.loads((SCHEMAS / f"{name}.schema.json").read_text(encoding="utf-8"))


def validator(name: str) -> jsonschema.Draft202012Validator:
    return jsonschema.Draft202012Validator(load_schema(name))


def error_text(errors: list[jsonschema.ValidationError], limit: int = 10) -> str:
    lines = []
    for e in errors[:limit]:
        where = "/".join(str(p) for p in e.absolute_path) or "(top)"
        lines.append(f"  {where}: {e.message}")
    if len(errors) > limit:
        lines.append(f"  … and {len(errors) - limit} more")
    return "\n".join(lines)


# --- reading the files ----------------------------------------------------------------------------

DOCUMENT_SUFFIXES = {".json", ".yaml", ".yml"}
TABLE_SUFFIXES = {".csv", ".xlsx", ".xlsm"}

# Which table a header is, by its required columns; evidence before controls (both have id, title).
TABLES = [
    ("evidence-table", {"id", "title", "controls", "collected_on"}),
    ("answers-table", {"question", "answer"}),
    ("implementation-table", {"control", "status"}),
    ("controls-table", {"id", "title"}),
]


def isoformat_dates(value: Any) -> Any:
    """PyYAML's date/datetime objects back to ISO strings, recursively."""
    if isinstance(value, dict):
        return {k: isoformat_dates(v) for k, v in value.items()}
    if isinstance(value, list):
        return [isoformat_dates(v) for v in value]
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    return value


def load_document(path: Path) -> Any:
    text = path.read_text(encoding="utf-8-sig")
    if path.suffix.lower() == ".json":
        return json.loads(text)
    return isoformat_dates(yaml.safe_load(text))


def normalise_header(cell: Any) -> str:
    text = "" if cell is None else str(cell)
    return re.sub(r"_+", "_", re.sub(r"[\s-]+", "_", text.strip().lower())).strip("_")


def cell_text(value: Any) -> str:
    """A spreadsheet cell as the text the row schemas expect."""
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time(0) else value.isoformat()
    if isinstance(value, (dt.date, dt.time)):
        return value.isoformat()
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def table_kind(header: list[str]) -> str | None:
    columns = set(header)
    for name, required in TABLES:
        if required <= columns:
            return name
    return None


def rows_of(grid: list[list[Any]]) -> tuple[list[str], list[tuple[int, dict[str, str]]]]:
    """The normalised header and the non-blank rows (with 1-based row numbers) of a grid."""
    first = 0
    while first < len(grid) and all(cell_text(c).strip() == "" for c in grid[first]):
        first += 1  # leading blank rows are not the header
    if first == len(grid):
        return [], []
    header = [normalise_header(c) for c in grid[first]]
    rows = []
    for number, raw in enumerate(grid[first + 1:], start=first + 2):
        cells = [cell_text(c) for c in raw]
        if all(c.strip() == "" for c in cells):
            continue
        row = {}
        for column, value in zip(header, cells + [""] * (len(header) - len(cells))):
            if column:
                row[column] = value
        rows.append((number, row))
    return header, rows


def read_csv(path: Path) -> list[list[str]]:
    text = path.read_text(encoding="utf-8-sig")
    return [list(r) for r in csv.reader(io.StringIO(text, newline=""))]


def read_workbook(path: Path) -> dict[str, list[list[Any]]]:
    workbook = openpyxl.load_workbook(path, data_only=True, read_only=True)
    try:
        return {ws.title: [list(r) for r in ws.iter_rows(values_only=True)] for ws in workbook.worksheets}
    finally:
        workbook.close()


def check_table(grid: list[list[Any]], where: str) -> list[str]:
    """Problems with one table (empty when it fits its row schema)."""
    header, rows = rows_of(grid)
    kind = table_kind(header)
    if kind is None:
        return [f"{where}: header {header} matches no table (controls, implementation, evidence, answers)"]
    duplicates = sorted({c for c in header if c and header.count(c) > 1})
    problems = [f"{where}: duplicate columns {duplicates}"] if duplicates else []
    if not rows:
        problems.append(f"{where}: {kind} has a header but no rows")
    v = validator(kind)
    for number, row in rows:
        errors = sorted(v.iter_errors(row), key=str)
        if errors:
            problems.append(f"{where} row {number} ({kind}):\n{error_text(errors)}")
    return problems


# --- which files -----------------------------------------------------------------------------------


def sample_files() -> list[Path]:
    if not SAMPLES.is_dir():
        return []
    return sorted(
        p for p in SAMPLES.rglob("*")
        if p.is_file() and p.suffix.lower() in DOCUMENT_SUFFIXES | TABLE_SUFFIXES and not p.name.startswith("~$")
    )


FILES = sample_files() + ([BUILTIN] if BUILTIN.is_file() else [])
NO_FILES = pytest.param(None, id="no-library-samples")


# --- (a) the schemas themselves ---------------------------------------------------------------------


@pytest.mark.parametrize("name", SCHEMA_NAMES)
def test_schema_is_valid_draft_2020_12(name: str) -> None:
    schema = load_schema(name)
    assert schema.get("$schema") == "https://json-schema.org/draft/2020-12/schema"
    assert schema.get("$id") == f"{SCHEMA_ID_BASE}{name}.schema.json"
    assert schema.get("title") and schema.get("description")
    jsonschema.Draft202012Validator.check_schema(schema)


# --- (b) the samples --------------------------------------------------------------------------------


def test_samples_exist() -> None:
    found = sample_files()
    assert SAMPLES.is_dir(), f"{SAMPLES.relative_to(REPO)}/ does not exist"
    assert len(found) >= 3, (
        f"{SAMPLES.relative_to(REPO)}/ holds {len(found)} sample file(s) "
        f"({', '.join(sorted(DOCUMENT_SUFFIXES | TABLE_SUFFIXES))}); at least 3 are expected"
    )


@pytest.mark.filterwarnings("ignore::UserWarning")  # openpyxl on extensions it drops
@pytest.mark.parametrize(
    "path", FILES or [NO_FILES], ids=[p.relative_to(REPO).as_posix() for p in FILES] or None
)
def test_sample_fits_schema(path: Path | None) -> None:
    if path is None:
        pytest.fail(f"no library files found: {SAMPLES.relative_to(REPO)}/ is missing or empty", pytrace=False)
    suffix = path.suffix.lower()
    if suffix in DOCUMENT_SUFFIXES:
        document = load_document(path)
        assert isinstance(document, dict), f"{path.name}: the document is {type(document).__name__}, not a mapping"
        errors = sorted(validator("library").iter_errors(document), key=lambda e: list(e.absolute_path))
        assert not errors, f"{path.name} does not fit library.schema.json:\n{error_text(errors)}"
        return
    if suffix == ".csv":
        problems = check_table(read_csv(path), path.name)
    else:
        sheets = read_workbook(path)
        matched = {name: grid for name, grid in sheets.items() if table_kind(rows_of(grid)[0]) is not None}
        problems = [] if matched else [f"{path.name}: no sheet's header matches a table (sheets: {list(sheets)})"]
        for name, grid in matched.items():
            problems += check_table(grid, f"{path.name} [{name}]")
    assert not problems, "\n".join(problems)


def builtin_library_json() -> str:
    '''The JSON text of the built-in library embedded in BuiltInLibraryData.swift: the lines between
    `let builtInLibraryJSON = #"""` and the first closing `"""#` after it.'''
    lines = BUILTIN_SWIFT.read_text(encoding="utf-8").splitlines()
    opening = 'let builtInLibraryJSON = #"""'
    assert lines.count(opening) == 1, f"{BUILTIN_SWIFT.name}: expected one line {opening!r}"
    start = lines.index(opening) + 1
    ends = [i for i in range(start, len(lines)) if lines[i].strip() == '"""#']
    assert ends, f"{BUILTIN_SWIFT.name}: no closing \"\"\"# after {opening!r}"
    return "\n".join(lines[start:ends[0]])


def test_builtin_library_fits_schema() -> None:
    """The built-in library compiled into quire (generated from Catalogs/) fits library.schema.json."""
    document = json.loads(builtin_library_json())
    assert isinstance(document, dict)
    errors = sorted(validator("library").iter_errors(document), key=lambda e: list(e.absolute_path))
    assert not errors, f"the built-in library does not fit library.schema.json:\n{error_text(errors)}"
    frameworks = [f["id"] for f in document.get("frameworks", [])]
    assert len(frameworks) == 4, f"expected the 4 built-in frameworks, found {frameworks}"
    assert len(document.get("controls", [])) >= 110, f"only {len(document.get('controls', []))} built-in controls"


def test_doc_example_fits_schema() -> None:
    """The YAML example in docs/library-format.md is valid, in its list form and its map form."""
    text = DOC.read_text(encoding="utf-8")
    blocks = re.findall(r"```yaml\n(.*?)```", text, flags=re.S)
    assert len(blocks) == 1, "expected one ```yaml block in docs/library-format.md"
    document = isoformat_dates(yaml.safe_load(blocks[0]))
    v = validator("library")
    errors = sorted(v.iter_errors(document), key=str)
    assert not errors, error_text(errors)
    # The commented-out alternative: mappings as a map from framework to ids.
    document["controls"][0]["mappings"] = {"iso27001-2022": ["A.8.5 (subset)"], "soc2-2017": ["CC6.1"]}
    errors = sorted(v.iter_errors(document), key=str)
    assert not errors, error_text(errors)


# --- (c) what the schemas reject --------------------------------------------------------------------

VALID: dict[str, Any] = {
    "format": "quire-library/1",
    "name": "Test library",
    "mode": "merge",
    "frameworks": [
        {
            "id": "acme-policy",
            "name": "Acme security policy",
            "version": "2026",
            "requirements": [
                {"id": "1", "title": "Governance", "kind": "section"},
                {"id": "1.1", "title": "Policy ownership", "kind": "requirement", "parent": "1"},
            ],
            "aliases": {"1.01": "1.1", "1.02": ["1.1"]},
        }
    ],
    "controls": [
        {
            "id": "IAM-03",
            "title": "Multi-factor authentication",
            "keywords": ["mfa"],
            "mappings": [
                {"requirement": "iso27001-2022:A.8.5", "relationship": "subset", "strength": 8,
                 "rationale": "semantic", "source": "acme-grc"},
                "soc2-2017:CC6.1 (subset)",
                "gdpr:Art.6(1)(f)",
            ],
        }
    ],
    "implementation": [
        {"control": "IAM-03", "status": "implemented", "reasons": ["risk-treatment", "contractual"], "owner": "IT",
         "target_date": "2027-03-31"},
        {"control": "IAM-03", "status": "not-applicable", "justification": "No such systems."},
    ],
    "evidence": [
        {"id": "EV-014", "title": "Okta MFA policy export", "kind": "configuration", "controls": ["IAM-03"],
         "collected_on": "2026-09-01", "valid_until": "2027-09-01", "result": "pass"}
    ],
    "answers": [
        {"id": "ANS-0001", "question": "Do you enforce MFA?", "answer": "Yes", "controls": ["IAM-03"],
         "evidence": ["EV-014"], "approved_on": "2026-03-14", "tags": ["caiq"]}
    ],
}


def mutated(change) -> dict[str, Any]:
    document = copy.deepcopy(VALID)
    change(document)
    return document


def _set(path: list[Any], value: Any):
    def change(document: dict[str, Any]) -> None:
        target = document
        for key in path[:-1]:
            target = target[key]
        target[path[-1]] = value
    return change


def _delete(path: list[Any]):
    def change(document: dict[str, Any]) -> None:
        target = document
        for key in path[:-1]:
            target = target[key]
        del target[path[-1]]
    return change


INVALID_DOCUMENTS = [
    pytest.param(_set(["controls", 0, "mappings", 0, "relationship"], "overlaps"), id="unknown-relationship"),
    pytest.param(_set(["controls", 0, "mappings", 1], "soc2-2017:CC6.1 (bogus)"), id="unknown-relationship-short-form"),
    pytest.param(_set(["controls", 0, "mappings"], {"soc2-2017": ["CC6.1 (bogus)"]}), id="unknown-relationship-map-form"),
    pytest.param(_set(["controls", 0, "mappings", 0, "strength"], 11), id="strength-11"),
    pytest.param(_set(["controls", 0, "mappings", 0, "strength"], 0), id="strength-0"),
    pytest.param(_set(["controls", 0, "mappings", 0, "strength"], 7.5), id="strength-not-integer"),
    pytest.param(_set(["controls", 0, "mappings", 0, "rationale"], "gut-feeling"), id="unknown-rationale"),
    pytest.param(_set(["controls", 0, "mappings", 1], "CC6.1"), id="short-form-without-framework"),
    pytest.param(_set(["controls", 0, "mappings", 0, "extra"], 1), id="unknown-mapping-key"),
    pytest.param(_delete(["controls", 0, "mappings", 0, "requirement"]), id="mapping-without-requirement"),
    pytest.param(_set(["controls", 0, "mappings"], {"ISO 27001": ["A.8.5"]}), id="map-form-bad-framework-id"),
    pytest.param(_set(["controls", 0, "id"], "IAM 03"), id="bad-control-id-space"),
    pytest.param(_set(["controls", 0, "id"], "-IAM"), id="bad-control-id-leading-dash"),
    pytest.param(_delete(["controls", 0, "title"]), id="control-without-title"),
    pytest.param(_set(["controls", 0, "owner"], "x"), id="unknown-control-key"),
    pytest.param(_set(["implementation", 0, "control"], "IAM/03"), id="bad-control-id-in-implementation"),
    pytest.param(_delete(["implementation", 1, "justification"]), id="not-applicable-without-justification"),
    pytest.param(_set(["implementation", 1, "justification"], "  "), id="not-applicable-blank-justification"),
    pytest.param(_set(["implementation", 0, "status"], "done"), id="unknown-status"),
    pytest.param(_set(["implementation", 0, "target_date"], "31/03/2027"), id="implementation-bad-date"),
    pytest.param(_set(["implementation", 0, "reasons"], ["risk-treatment", "best-guess"]), id="unknown-reason"),
    pytest.param(_set(["implementation", 0, "reasons"], "legal; riks-treatment"), id="unknown-reason-in-string"),
    pytest.param(_set(["implementation", 0, "reasons"], ["legal", "legal"]), id="reason-twice"),
    pytest.param(_set(["implementation", 0, "reasons"], {"legal": True}), id="reasons-not-a-list"),
    pytest.param(_set(["evidence", 0, "collected_on"], "2026-9-1"), id="evidence-bad-date"),
    pytest.param(_set(["evidence", 0, "valid_until"], "2027-09-01T00:00:00"), id="evidence-datetime-not-date"),
    pytest.param(_delete(["evidence", 0, "collected_on"]), id="evidence-without-collected-on"),
    pytest.param(_set(["evidence", 0, "kind"], "video"), id="unknown-evidence-kind"),
    pytest.param(_set(["evidence", 0, "result"], "passed"), id="unknown-evidence-result"),
    pytest.param(_set(["evidence", 0, "controls"], "IAM-03"), id="evidence-controls-not-a-list"),
    pytest.param(_set(["answers", 0, "answer"], True), id="answer-not-a-string"),
    pytest.param(_delete(["answers", 0, "question"]), id="answer-without-question"),
    pytest.param(_set(["answers", 0, "approved_on"], "March 2026"), id="answer-bad-date"),
    pytest.param(_set(["frameworks", 0, "id"], "Acme Policy"), id="bad-framework-id"),
    pytest.param(_set(["frameworks", 0, "requirements", 0, "id"], 1), id="requirement-id-not-a-string"),
    pytest.param(_set(["frameworks", 0, "aliases", "1.03"], []), id="empty-alias-list"),
    pytest.param(_set(["mode"], "append"), id="unknown-mode"),
    pytest.param(_set(["format"], "quire-library/2"), id="unknown-format-version"),
    pytest.param(_set(["controlz"], []), id="unknown-top-level-key"),
    pytest.param(_set(["implementation"], {"IAM-03": "implemented"}), id="section-not-a-list"),
]


def test_valid_document_is_valid() -> None:
    """The base of the negative tests is itself valid, so each of them fails for its own reason."""
    errors = sorted(validator("library").iter_errors(VALID), key=str)
    assert not errors, error_text(errors)


@pytest.mark.parametrize("reasons", [[], ["business"], "legal", "contractual; business", "risk-treatment, legal"])
def test_reasons_forms_are_valid(reasons: Any) -> None:
    """Reasons for inclusion as a list or as one string separated by `;` or `,`."""
    assert validator("library").is_valid(mutated(_set(["implementation", 0, "reasons"], reasons)))


@pytest.mark.parametrize("change", INVALID_DOCUMENTS)
def test_library_schema_rejects(change) -> None:
    assert not validator("library").is_valid(mutated(change))


VALID_ROWS = {
    "controls-table": {"id": "IAM-03", "title": "MFA", "description": "", "keywords": "mfa; 2fa",
                       "iso_27001": "A.8.5 (subset); A.5.17", "soc2_2017": "CC6.1", "nist_csf_2.0": ""},
    "implementation-table": {"control": "IAM-03", "status": "planned", "justification": "", "target_date": "",
                             "reasons": "risk-treatment; legal"},
    "evidence-table": {"id": "EV-014", "title": "Okta export", "controls": "IAM-03", "collected_on": "2026-09-01",
                       "kind": "", "valid_until": "", "result": ""},
    "answers-table": {"question": "Do you enforce MFA?", "answer": "Yes", "approved_on": "", "tags": ""},
}

INVALID_ROWS = [
    pytest.param("controls-table", {"title": "x"}, id="controls-without-id"),
    pytest.param("controls-table", {"id": "IAM 03", "title": "x"}, id="controls-bad-id"),
    pytest.param("controls-table", {"id": "IAM-03", "title": ""}, id="controls-empty-title"),
    pytest.param("controls-table", {"id": "IAM-03", "title": "x", "iso_27001": 5}, id="controls-framework-cell-not-text"),
    pytest.param("implementation-table", {"control": "IAM-03", "status": "done"}, id="implementation-unknown-status"),
    pytest.param("implementation-table", {"control": "IAM-03", "status": ""}, id="implementation-empty-status"),
    pytest.param("implementation-table", {"control": "IAM-03", "status": "not-applicable"}, id="implementation-na-without-justification"),
    pytest.param("implementation-table", {"control": "IAM-03", "status": "not-applicable", "justification": ""}, id="implementation-na-empty-justification"),
    pytest.param("implementation-table", {"control": "IAM-03", "status": "planned", "target_date": "2027/03/31"}, id="implementation-bad-date"),
    pytest.param("implementation-table", {"control": "IAM-03", "status": "planned", "colour": "red"}, id="implementation-unknown-column"),
    pytest.param("implementation-table", {"control": "IAM-03", "status": "planned", "reasons": "legal; because"}, id="implementation-unknown-reason"),
    pytest.param("evidence-table", {"id": "EV-1", "title": "x", "controls": "IAM-03", "collected_on": ""}, id="evidence-empty-collected-on"),
    pytest.param("evidence-table", {"id": "EV-1", "title": "x", "controls": "IAM-03", "collected_on": "1.9.2026"}, id="evidence-bad-date"),
    pytest.param("evidence-table", {"id": "EV-1", "title": "x", "controls": "IAM-03", "collected_on": "2026-09-01", "kind": "video"}, id="evidence-unknown-kind"),
    pytest.param("evidence-table", {"id": "EV-1", "title": "x", "controls": "IAM-03", "collected_on": "2026-09-01", "result": "ok"}, id="evidence-unknown-result"),
    pytest.param("evidence-table", {"id": "EV-1", "title": "x", "collected_on": "2026-09-01"}, id="evidence-without-controls"),
    pytest.param("answers-table", {"question": "Q?"}, id="answers-without-answer"),
    pytest.param("answers-table", {"question": "Q?", "answer": "Yes", "approved_on": "yesterday"}, id="answers-bad-date"),
]


@pytest.mark.parametrize("name", list(VALID_ROWS))
def test_valid_row_is_valid(name: str) -> None:
    errors = sorted(validator(name).iter_errors(VALID_ROWS[name]), key=str)
    assert not errors, error_text(errors)


@pytest.mark.parametrize(("name", "row"), INVALID_ROWS)
def test_row_schema_rejects(name: str, row: dict[str, Any]) -> None:
    assert not validator(name).is_valid(row)


@pytest.mark.parametrize(
    ("header", "kind"),
    [
        (["ID", "Title", "ISO 27001"], "controls-table"),
        (["Control", "Status", "Target-Date"], "implementation-table"),
        (["id", "Title", "Controls", "Collected on", "Kind"], "evidence-table"),
        (["Question", "Answer", "Comment"], "answers-table"),
        (["Name", "Value"], None),
    ],
)
def test_table_is_told_by_its_header(header: list[str], kind: str | None) -> None:
    assert table_kind([normalise_header(h) for h in header]) == kind
