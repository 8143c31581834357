#!/usr/bin/env python3
"""Dump openpyxl's view of an XLSX/XLSM workbook in the shape of `quire cat FILE --format json`.

Usage:
    openpyxl_dump.py FILE [--sheet NAME]

The output validates against Schemas/cat.schema.json. It is the reference ("oracle") side of
Tests/oracle/test_openpyxl_oracle.py; the rules that turn openpyxl's Python values into quire's
JSON values are listed in Tests/oracle/README.md and implemented here, so that the dump and the
test can never disagree about them:

- The workbook is loaded twice: `data_only=True` for values (cached results of formulas) and
  `data_only=False` for formula texts. Both with `read_only=False, keep_links=False`.
- Cells are taken from `ws._cells`, sorted by (row, column). A cell whose value is None is left out
  unless it has a formula; then it is `{"type": "empty", "formula": ...}`.
- int/float -> "number"; bool -> "boolean"; data_type 'e' -> "error" (the code, e.g. "#N/A");
  datetime -> "date" `YYYY-MM-DD` at midnight, else `YYYY-MM-DDTHH:MM:SS[.fff]`; date ->
  `YYYY-MM-DD`; time -> `HH:MM:SS[.fff]`; timedelta -> `[-]PT{h}H{m}M{s}[.fff]S` with total hours.
  Fractions are milliseconds with trailing zeros stripped (microseconds are truncated).
- Strings: openpyxl does not decode the ECMA-376 `_xHHHH_` escapes (ST_Xstring), so they are
  decoded here (`_x000D_` -> CR). openpyxl has already deleted every `x005F_` from shared
  strings, so text holding a literal escaped `_x005F_xHHHH_` cannot be reproduced; the dump
  warns on stderr when a package contains `_x005F_`.
- Formulas: openpyxl's text without the leading `=`; for an ArrayFormula its `.text` without `=`.
  Dependent cells of a shared formula get openpyxl's translated formula.
- openpyxl keeps only the top-left cell of a merged range; a value the file has in another cell of
  the range is lost. The dump records such cells (LoadResult.merged_drops) and notes them on stderr,
  so that a difference there can be recognised; they are not added back.

Package normalisations (printed to stderr as `note:` lines when applied): openpyxl cannot open
a package whose ZIP entry names use backslashes, and sees no sheets at all in a Strict OOXML
package (`purl.oclc.org` namespaces). Before openpyxl reads such a file, the dump rewrites a copy
in memory: entry names get `/`, and Strict namespaces and relationship types are replaced by their
Transitional equivalents. Nothing else in the package changes.

Files openpyxl cannot read even so are listed in OPENPYXL_UNREADABLE with the reason.

Exit status: 0 on success, 2 on a usage error, 1 when openpyxl fails to read the file.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import io
import json
import math
import re
import sys
import warnings
import zipfile
from pathlib import Path
from typing import Any

import openpyxl
from openpyxl.cell.cell import MergedCell
from openpyxl.chartsheet import Chartsheet
from openpyxl.worksheet.formula import ArrayFormula, DataTableFormula
from openpyxl.worksheet.worksheet import Worksheet

#: Fixture files (by file name) that openpyxl 3.1.5 cannot read at all, even after the package
#: normalisations above, with the reason. The oracle test skips the comparison for these with this
#: reason (quire's output is still validated against the schema).
OPENPYXL_UNREADABLE: dict[str, str] = {
    "calamine-minimal_package.xlsx": (
        "openpyxl looks for the stylesheet only at xl/styles.xml; this package keeps it at /styles.xml, so "
        "openpyxl falls back to its one default cell format and raises IndexError on the first cell with s=\"2\""
    ),
    "sheetjs-xlsx-stream-d-date-cell.xlsx": (
        "styles.xml has cellXfs with xfId=\"0\" but no cellStyleXfs; openpyxl raises IndexError while expanding "
        "the named styles"
    ),
}

STRICT_TO_TRANSITIONAL: list[tuple[str, str]] = [
    # Longest first: relationship types that are spelled differently in the two conformance classes.
    (
        "http://purl.oclc.org/ooxml/officeDocument/relationships/extendedProperties",
        "http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties",
    ),
    (
        "http://purl.oclc.org/ooxml/officeDocument/extendedProperties",
        "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties",
    ),
    (
        "http://purl.oclc.org/ooxml/officeDocument/customProperties",
        "http://schemas.openxmlformats.org/officeDocument/2006/custom-properties",
    ),
    (
        "http://purl.oclc.org/ooxml/officeDocument/relationships",
        "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    ),
    (
        "http://purl.oclc.org/ooxml/officeDocument/docPropsVTypes",
        "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes",
    ),
    ("http://purl.oclc.org/ooxml/spreadsheetml/main", "http://schemas.openxmlformats.org/spreadsheetml/2006/main"),
    ("http://purl.oclc.org/ooxml/drawingml/main", "http://schemas.openxmlformats.org/drawingml/2006/main"),
    (
        "http://purl.oclc.org/ooxml/drawingml/spreadsheetDrawing",
        "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing",
    ),
    ("http://purl.oclc.org/ooxml/drawingml/chart", "http://schemas.openxmlformats.org/drawingml/2006/chart"),
]
_STRICT_MARKER = b"http://purl.oclc.org/ooxml/"
_XSTRING_ESCAPE = re.compile(r"_x([0-9A-Fa-f]{4})_")
_TIMEDELTA_ZERO = dt.timedelta(0)


class OracleError(Exception):
    """openpyxl could not give a value the oracle can state (unreadable file, unknown value type)."""


# --- package normalisation -------------------------------------------------------------------


def open_for_openpyxl(path: str | Path) -> tuple[Any, list[str]]:
    """Return what to hand to openpyxl for `path` (the path, or a normalised in-memory copy) and notes.

    The notes say which normalisations were applied; they are empty for an ordinary package.
    """
    path = Path(path)
    notes: list[str] = []
    try:
        archive = zipfile.ZipFile(path)
    except zipfile.BadZipFile as error:
        raise OracleError(f"{path}: not a ZIP package: {error}") from error
    with archive:
        infos = archive.infolist()
        backslashes = any("\\" in info.filename for info in infos)
        contents = {info.filename: archive.read(info) for info in infos}
    strict = any(_STRICT_MARKER in data for name, data in contents.items() if _is_xml_part(name))
    if any(b"_x005F_" in data for name, data in contents.items() if _is_xml_part(name)):
        notes.append(
            "the package contains _x005F_ escapes, which openpyxl deletes from shared strings; "
            "strings holding them may be wrong in this dump"
        )
    if not backslashes and not strict:
        return path, notes
    if backslashes:
        notes.append("ZIP entry names use backslashes; renamed with '/' so that openpyxl can open the package")
    if strict:
        notes.append("Strict OOXML package; namespaces and relationship types rewritten to Transitional for openpyxl")
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as copy:
        for name, data in contents.items():
            if strict and _is_xml_part(name):
                for old, new in STRICT_TO_TRANSITIONAL:
                    data = data.replace(old.encode(), new.encode())
            copy.writestr(name.replace("\\", "/"), data)
    buffer.seek(0)
    return buffer, notes


def _is_xml_part(name: str) -> bool:
    return name.lower().endswith((".xml", ".rels", ".vml"))


class LoadResult:
    """Both workbooks, plus what the oracle noticed while openpyxl read them."""

    def __init__(self, values: Any, formulas: Any, notes: list[str], merged_drops: dict[tuple[str, str], str]):
        self.values = values
        self.formulas = formulas
        #: Normalisations applied and openpyxl's warnings, one line each.
        self.notes = notes
        #: (sheet, ref) -> what openpyxl threw away: the value or formula of a cell that the file
        #: has inside a merged range but not at its top-left corner (openpyxl keeps only the corner).
        self.merged_drops = merged_drops


def load_workbooks(path: str | Path) -> LoadResult:
    """Load `path` twice (values, then formulas) and collect notes, warnings and merged-cell drops."""
    source, notes = open_for_openpyxl(path)
    merged_drops: dict[tuple[str, str], str] = {}
    original = Worksheet._clean_merge_range

    def recording_clean_merge_range(worksheet: Any, merged_range: Any) -> None:
        for row, column in list(merged_range.cells)[1:]:
            cell = worksheet._cells.get((row, column))
            if cell is not None and cell.value is not None:
                key = (worksheet.title, cell.coordinate)
                merged_drops[key] = " / ".join(filter(None, [merged_drops.get(key), repr(cell.value)]))
        original(worksheet, merged_range)

    # openpyxl print()s "0 is out of range" to stdout on a bad style index; keep stdout for the JSON.
    with warnings.catch_warnings(record=True) as caught, contextlib.redirect_stdout(sys.stderr):
        warnings.simplefilter("always")
        Worksheet._clean_merge_range = recording_clean_merge_range  # observes only; then calls openpyxl's own
        try:
            values = openpyxl.load_workbook(source, data_only=True, read_only=False, keep_links=False)
            if isinstance(source, io.BytesIO):
                source.seek(0)
            formulas = openpyxl.load_workbook(source, data_only=False, read_only=False, keep_links=False)
        except Exception as error:  # openpyxl raises KeyError, IndexError, ... on packages it can't read
            reason = OPENPYXL_UNREADABLE.get(Path(path).name, "")
            raise OracleError(f"{path}: openpyxl cannot read it: {type(error).__name__}: {error}. {reason}") from error
        finally:
            Worksheet._clean_merge_range = original
    seen: set[str] = set()
    for warning in caught:
        text = f"openpyxl warning: {warning.message}"
        if text not in seen:  # each load warns once; report each message once
            seen.add(text)
            notes.append(text)
    if merged_drops:
        sample = ", ".join(f"{sheet}!{ref}={value}" for (sheet, ref), value in list(merged_drops.items())[:5])
        notes.append(
            f"openpyxl dropped {len(merged_drops)} cell(s) that the file has inside merged ranges (not the "
            f"top-left cell); they are missing from this dump: {sample}"
        )
    return LoadResult(values, formulas, notes, merged_drops)


# --- value rendering -------------------------------------------------------------------------


def decode_xstring(text: str) -> str:
    """Decode ECMA-376 ST_Xstring escapes (`_x000D_` -> CR), which openpyxl leaves in cell text."""
    if "_x" not in text:
        return text
    return _XSTRING_ESCAPE.sub(lambda match: chr(int(match.group(1), 16)), text)


def _fraction(microseconds: int) -> str:
    milliseconds = microseconds // 1000
    if milliseconds == 0:
        return ""
    return "." + f"{milliseconds:03d}".rstrip("0")


def _clock(hour: int, minute: int, second: int, microsecond: int) -> str:
    return f"{hour:02d}:{minute:02d}:{second:02d}{_fraction(microsecond)}"


def iso_date(value: dt.datetime | dt.date | dt.time | dt.timedelta) -> str:
    """Render a date-like openpyxl value the way quire writes it (see the module docstring)."""
    if isinstance(value, dt.datetime):  # before dt.date: datetime is a subclass of date
        date = f"{value.year:04d}-{value.month:02d}-{value.day:02d}"
        if (value.hour, value.minute, value.second, value.microsecond // 1000) == (0, 0, 0, 0):
            return date
        return date + "T" + _clock(value.hour, value.minute, value.second, value.microsecond)
    if isinstance(value, dt.date):
        return f"{value.year:04d}-{value.month:02d}-{value.day:02d}"
    if isinstance(value, dt.time):
        return _clock(value.hour, value.minute, value.second, value.microsecond)
    if isinstance(value, dt.timedelta):
        sign = "-" if value < _TIMEDELTA_ZERO else ""
        total = abs(value)
        seconds = total.days * 86_400 + total.seconds
        return f"{sign}PT{seconds // 3600}H{(seconds // 60) % 60}M{seconds % 60}{_fraction(total.microseconds)}S"
    raise TypeError(f"not a date-like value: {value!r}")


def json_number(value: int | float) -> int | float:
    """A number as quire's JSON writes it: whole numbers below 1e15 without a fraction."""
    number = float(value)
    if not math.isfinite(number):
        raise OracleError(f"non-finite number {value!r} has no JSON form")
    if number == math.trunc(number) and abs(number) < 1e15:
        return int(number)
    return number


def swift_description(number: float) -> str:
    """Swift's `Double.description`: shortest round-trip digits, like Python's `repr`.

    The two differ only in when they switch to exponent notation: Swift for magnitudes below 1e-4
    or above 2**53, Python below 1e-4 or from 1e16 on. Both write the exponent with a sign and at
    least two digits (`1e-05`, `9.5e+15`). Checked against Swift 6.3 on 11,217 values.
    """
    if number == 0:
        return "-0.0" if math.copysign(1.0, number) < 0 else "0.0"
    sign, digits, exponent = _shortest_digits(number)
    point = len(digits) + exponent  # value = 0.DIGITS * 10**point
    if abs(number) < 1e-4 or abs(number) > 2.0**53:
        mantissa = digits[0] + ("." + digits[1:] if len(digits) > 1 else "")
        scientific = point - 1
        return f"{sign}{mantissa}e{'-' if scientific < 0 else '+'}{abs(scientific):02d}"
    if point <= 0:
        return f"{sign}0.{'0' * -point}{digits}"
    if len(digits) <= point:
        return f"{sign}{digits}{'0' * (point - len(digits))}.0"
    return f"{sign}{digits[:point]}.{digits[point:]}"


def _shortest_digits(number: float) -> tuple[str, str, int]:
    """(sign, significant digits without trailing zeros, exponent) with value = DIGITS * 10**exponent."""
    text = repr(number)
    sign = "-" if text.startswith("-") else ""
    mantissa, _, exponent_text = text.lstrip("-").partition("e")
    exponent = int(exponent_text) if exponent_text else 0
    whole, _, fraction = mantissa.partition(".")
    digits = whole + fraction
    exponent -= len(fraction)
    stripped = digits.lstrip("0")
    trailing = len(stripped) - len(stripped.rstrip("0"))
    return sign, stripped.rstrip("0"), exponent + trailing


def format_number(value: int | float) -> str:
    """Quire's `formatNumber`: whole numbers below 1e15 as integers, otherwise Swift's description."""
    number = float(value)
    if number == math.trunc(number) and abs(number) < 1e15:
        return "0" if number == 0 else str(int(number))
    return swift_description(number)


# --- cells -----------------------------------------------------------------------------------


def typed_value(cell: Any) -> tuple[str, Any] | None:
    """(type, JSON value) for a cell of the data_only workbook, or None when openpyxl has no value."""
    if isinstance(cell, MergedCell):
        return None
    value = cell.value
    if value is None:
        return None
    if cell.data_type == "e":
        return "error", str(value)
    if isinstance(value, bool):
        return "boolean", value
    if isinstance(value, (int, float)):
        return "number", json_number(value)
    if isinstance(value, (dt.datetime, dt.date, dt.time, dt.timedelta)):
        return "date", iso_date(value)
    if isinstance(value, str):
        return "string", decode_xstring(value)
    raise OracleError(f"{cell.parent.title}!{cell.coordinate}: unexpected openpyxl value {value!r} ({type(value)})")


def formula_text(cell: Any) -> str | None:
    """The formula of a cell of the data_only=False workbook, without `=`, or None."""
    if cell is None or isinstance(cell, MergedCell):
        return None
    value = cell.value
    if isinstance(value, ArrayFormula):
        text = value.text or ""
        return text[1:] if text.startswith("=") else text
    if isinstance(value, DataTableFormula):
        raise OracleError(f"{cell.parent.title}!{cell.coordinate}: data-table formulas are not covered by the oracle")
    if cell.data_type == "f" and isinstance(value, str) and value.startswith("="):
        return value[1:]
    return None


def dump_sheet(values_ws: Any, formulas_ws: Any, index: int) -> dict[str, Any]:
    """One sheet of the JSON document."""
    sheet: dict[str, Any] = {"name": values_ws.title, "index": index, "visibility": values_ws.sheet_state}
    cells: list[dict[str, Any]] = []
    if not isinstance(values_ws, Chartsheet):
        keys = sorted(set(values_ws._cells) | set(formulas_ws._cells))
        for row, column in keys:
            value_cell = values_ws._cells.get((row, column))
            typed = typed_value(value_cell) if value_cell is not None else None
            formula = formula_text(formulas_ws._cells.get((row, column)))
            if typed is None and formula is None:
                continue
            entry: dict[str, Any] = {"ref": f"{openpyxl.utils.get_column_letter(column)}{row}"}
            if typed is None:
                entry["type"] = "empty"
            else:
                entry["type"], entry["value"] = typed
            if formula is not None:
                entry["formula"] = formula
            cells.append(entry)
    sheet["cells"] = cells
    return sheet


def dump_workbook(path: str, sheet_name: str | None = None) -> tuple[dict[str, Any], LoadResult]:
    """The JSON document for `path` (as given; only `sheet_name` if given) and how it was loaded."""
    suffix = Path(path).suffix.lower()
    if suffix not in (".xlsx", ".xlsm"):
        raise OracleError(f"{path}: only .xlsx and .xlsm files are dumped, not {suffix or 'no extension'}")
    loaded = load_workbooks(path)
    names = [sheet.title for sheet in loaded.values._sheets]
    if sheet_name is not None and sheet_name not in names:
        raise OracleError(f"{path}: no sheet named {sheet_name!r}; sheets are {names}")
    sheets = []
    for index, values_ws in enumerate(loaded.values._sheets):
        if sheet_name is not None and values_ws.title != sheet_name:
            continue
        sheets.append(dump_sheet(values_ws, loaded.formulas._sheets[index], index))
    return {"file": path, "format": suffix[1:], "sheets": sheets}, loaded


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("file", help="an .xlsx or .xlsm workbook")
    parser.add_argument("--sheet", metavar="NAME", help="dump only this sheet (its index stays its tab position)")
    parser.add_argument("--quiet", action="store_true", help="do not print notes and openpyxl warnings to stderr")
    arguments = parser.parse_args(argv)
    try:
        document, loaded = dump_workbook(arguments.file, arguments.sheet)
    except OracleError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    if not arguments.quiet:
        for note in loaded.notes:
            print(f"note: {arguments.file}: {note}", file=sys.stderr)
    json.dump(document, sys.stdout, ensure_ascii=False, indent=1)
    sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
