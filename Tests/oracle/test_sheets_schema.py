"""`quire sheets --format json` validates against Schemas/sheets.schema.json for every fixture,
and its merged ranges agree with openpyxl's (an independent reader of the same XML).

openpyxl drops the x14 extension validations and does not resolve list sources, so validations
are checked by the Swift tests (Tests/SpreadsheetTests/XLSX/ValidationTests.swift) instead.
"""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import jsonschema
import openpyxl
import pytest

import openpyxl_dump

REPO = Path(__file__).resolve().parent.parent.parent
FIXTURES = REPO / "Tests" / "Fixtures"
SCHEMA = json.loads((REPO / "Schemas" / "sheets.schema.json").read_text())
FILES = sorted(p for p in FIXTURES.rglob("*") if p.suffix.lower() in (".xlsx", ".xlsm", ".csv"))


@pytest.mark.quire
@pytest.mark.filterwarnings("ignore::UserWarning")  # openpyxl on extensions it drops
@pytest.mark.parametrize("path", FILES, ids=[p.relative_to(FIXTURES).as_posix() for p in FILES])
def test_sheets_json_is_valid_and_merges_match_openpyxl(path: Path, quire_bin: Path) -> None:
    run = subprocess.run(
        [str(quire_bin), "sheets", os.path.relpath(path, REPO), "--format", "json"],
        cwd=REPO, capture_output=True, text=True, timeout=600,
    )
    assert run.returncode == 0, run.stderr
    document = json.loads(run.stdout)
    errors = sorted(jsonschema.Draft202012Validator(SCHEMA).iter_errors(document), key=str)
    assert not errors, "\n".join(f"{list(e.absolute_path)}: {e.message}" for e in errors[:10])
    if path.suffix.lower() == ".csv" or path.name in openpyxl_dump.OPENPYXL_UNREADABLE:
        return
    source, _ = openpyxl_dump.open_for_openpyxl(path)
    workbook = openpyxl.load_workbook(source, read_only=False, keep_links=False)
    theirs = {ws.title: sorted(str(r) for r in ws.merged_cells.ranges) for ws in workbook.worksheets}
    ours = {sheet["name"]: sorted(sheet["merged"]) for sheet in document["sheets"]}
    # openpyxl writes a one-cell merge as "A1:A1"; quire as "A1".
    theirs = {name: sorted(r if ":" not in r or r.split(":")[0] != r.split(":")[1] else r.split(":")[0] for r in ranges)
              for name, ranges in theirs.items()}
    assert ours == theirs
