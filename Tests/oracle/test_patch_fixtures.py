"""The in-place patcher on workbooks written by many other programs (Excel, LibreOffice, Google
Sheets, WPS, openpyxl, xlsxwriter, Apache POI, SheetJS, strict OOXML, prefixed namespaces, rows
without numbers): `quire debug patch` writes "Yes" into one column of every row of the first
sheet, and independent readers must find exactly those cells changed, formulas kept, every other
value and style as it was, and every other ZIP part byte for byte the same.

Three columns are patched in turn: A and B, where most cells exist (replaced in place, keeping
their style; formulas are left alone), and column AZ, beyond every fixture's used range (cells
inserted, and the sheet's dimension widened so that openpyxl's read-only mode sees them)."""
from __future__ import annotations

import os
import subprocess
import zipfile
from pathlib import Path

import openpyxl
import pytest
import python_calamine

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = sorted(
    path for path in (ROOT / "Tests" / "Fixtures" / "xlsx").iterdir() if path.suffix in {".xlsx", ".xlsm"}
) + [ROOT / "samples" / name for name in ["questionnaire.xlsx", "globex-vendor-assessment.xlsx"]]


def first_sheet_part(path: Path) -> str:
    """The ZIP entry of the first sheet, found the way a reader finds it: the package's
    relationships name the workbook part, whose relationships name the sheets."""
    import posixpath
    import xml.etree.ElementTree as ET

    with zipfile.ZipFile(path) as archive:
        # Some writers put backslashes in entry names; readers take them as slashes.
        names = {name.replace("\\", "/").lower(): name for name in archive.namelist()}

        def read(name: str) -> ET.Element:
            return ET.fromstring(archive.read(names[name.lower()]))

        def resolve(base: str, target: str) -> str:
            return target.lstrip("/") if target.startswith("/") else posixpath.normpath(posixpath.join(base, target))

        if "_rels/.rels" in names:
            package = read("_rels/.rels")
            document = next(r.attrib["Target"] for r in package if r.attrib["Type"].endswith("/officeDocument"))
            workbook_name = resolve("", document)
        else:  # a package without relationships: readers fall back to the usual place
            workbook_name = "xl/workbook.xml"
        folder, file = posixpath.split(workbook_name)
        workbook = read(workbook_name)
        rels = read(posixpath.join(folder, "_rels", file + ".rels"))
    sheet = next(e for e in workbook.iter() if e.tag.endswith("}sheet"))
    rid = next(v for k, v in sheet.attrib.items() if k.endswith("}id"))
    target = next(r.attrib["Target"] for r in rels if r.attrib["Id"] == rid)
    return names[resolve(folder, target).lower()]


def calamine_values(path: Path) -> dict[tuple[int, int], object] | None:
    """The first sheet's non-empty cells by 0-based (row, column), or None if calamine cannot read it."""
    try:
        sheet = python_calamine.CalamineWorkbook.from_path(str(path)).get_sheet_by_index(0)
        rows = sheet.to_python(skip_empty_area=False)
    except Exception:  # a few fixtures are beyond calamine (it is a reader under test too)
        return None
    return {(r, c): v for r, row in enumerate(rows) for c, v in enumerate(row) if v != ""}


def cells(worksheet) -> list:
    """The cells a sheet holds. Not `iter_rows()`: a sheet that declares the whole grid (one
    fixture declares A1:XFD1048576) would make openpyxl walk seventeen billion empty cells."""
    return list(worksheet._cells.values())


def openpyxl_sheet(path: Path, **options):
    """The first sheet as openpyxl reads it, or None if openpyxl cannot read the file."""
    try:
        workbook = openpyxl.load_workbook(path, **options)
        return workbook.worksheets[0] if workbook.worksheets else None
    except Exception:  # strict OOXML and some minimal packages are beyond openpyxl
        return None


def openpyxl_values(sheet) -> dict[tuple[int, int], object]:
    def plain(value: object) -> object:
        # An array formula is an object without equality: compare its text and range.
        return repr(vars(value)) if type(value).__name__ in {"ArrayFormula", "DataTableFormula"} else value

    return {(c.row - 1, c.column - 1): plain(c.value) for c in cells(sheet) if c.value not in (None, "")}


@pytest.mark.quire
@pytest.mark.parametrize("column", ["A", "B", "AZ"])
@pytest.mark.parametrize("source", FIXTURES, ids=lambda p: p.name)
def test_only_the_patched_column_changes(source: Path, column: str, tmp_path: Path) -> None:
    patched = tmp_path / ("patched" + source.suffix)
    original_bytes = source.read_bytes()
    result = subprocess.run(
        [os.environ["QUIRE_BIN"], "debug", "patch", str(source), column, str(patched)],
        capture_output=True, timeout=120,
    )
    assert result.returncode == 0, result.stderr.decode("utf-8", "replace")
    assert source.read_bytes() == original_bytes, "the input was modified"
    written = int(result.stderr.decode().split("wrote ")[1].split()[0])

    # Every part but the first sheet is the same, byte for byte.
    part = first_sheet_part(source)
    with zipfile.ZipFile(source) as before, zipfile.ZipFile(patched) as after:
        assert before.namelist() == after.namelist()
        differ = {n for n in before.namelist() if before.read(n) != after.read(n)}
    assert differ <= {part}, differ
    assert (part in differ) == (written > 0)

    index = openpyxl.utils.column_index_from_string(column) - 1
    old_sheet, new_sheet = openpyxl_sheet(source), openpyxl_sheet(patched)
    oracles = []
    old_calamine = calamine_values(source)
    if old_calamine is not None:
        new_calamine = calamine_values(patched)
        assert new_calamine is not None, "calamine reads the original but not the patched copy"
        oracles.append(("calamine", old_calamine, new_calamine))
    if old_sheet is not None:
        assert new_sheet is not None, "openpyxl reads the original but not the patched copy"
        oracles.append(("openpyxl", openpyxl_values(old_sheet), openpyxl_values(new_sheet)))
    assert oracles, "neither calamine nor openpyxl reads this fixture"
    formulas = {(c.row - 1, c.column - 1) for c in cells(old_sheet)} if old_sheet is not None else set()
    formulas = {key for key in formulas if old_sheet.cell(key[0] + 1, key[1] + 1).data_type == "f"}

    for name, old, new in oracles:
        changed = {key for key in old.keys() | new.keys() if old.get(key) != new.get(key)}
        assert all(c == index and r >= 1 for r, c in changed), (name, sorted(changed)[:5])
        assert all(new[key] == "Yes" for key in changed), name
        assert not changed & formulas, (name, "a formula cell was overwritten")
        # Every cell reported written holds "Yes" (some may have held it already).
        yes = {r for (r, c), v in new.items() if c == index and r >= 1 and v == "Yes"}
        assert len(changed) <= written <= len(yes), name

    if old_sheet is not None:
        for cell in cells(old_sheet):
            if cell.has_style:
                assert new_sheet[cell.coordinate].style_id == cell.style_id, f"style of {cell.coordinate} changed"
        assert [str(v.sqref) for v in old_sheet.data_validations.dataValidation] == [
            str(v.sqref) for v in new_sheet.data_validations.dataValidation
        ]
        assert sorted(map(str, old_sheet.merged_cells.ranges)) == sorted(map(str, new_sheet.merged_cells.ranges))
        # openpyxl's read-only mode stops at the sheet's dimension: the written cells must be inside.
        if written:
            rows = {r + 1 for (r, c), v in openpyxl_values(new_sheet).items() if c == index and v == "Yes"}
            streaming = openpyxl_sheet(patched, read_only=True)
            seen = {
                cell.row
                for row in streaming.iter_rows(min_row=2, max_row=max(rows), min_col=index + 1, max_col=index + 1)
                for cell in row
                if getattr(cell, "value", None) == "Yes"
            }
            assert rows <= seen
