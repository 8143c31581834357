"""The Python peers that bench/run.py times, one whole process per run.

    python bench/peers.py TOOL FILE [SHEET]

TOOL is one of: openpyxl, calamine, fastexcel (XLSX, SHEET required) or csv (CSV).
Each reads every cell of the sheet (or every field of the CSV) and prints one line,
"rows N", with the number of rows it read (header row included), so the runner can
check that the whole sheet was read.
"""

from __future__ import annotations

import sys


def run_openpyxl(path: str, sheet: str) -> int:
    # read_only=True is openpyxl's streaming mode; every cell value is touched.
    from openpyxl import load_workbook

    wb = load_workbook(path, read_only=True, data_only=True)
    ws = wb[sheet]
    rows = cells = 0
    for row in ws.iter_rows(values_only=True):
        rows += 1
        for value in row:
            if value is not None:
                cells += 1
    wb.close()
    return rows


def run_calamine(path: str, sheet: str) -> int:
    # Loads the sheet and converts every cell to a Python object (str, float, date, ...).
    from python_calamine import CalamineWorkbook

    wb = CalamineWorkbook.from_path(path)
    data = wb.get_sheet_by_name(sheet).to_python()
    return len(data)


def run_fastexcel(path: str, sheet: str) -> int:
    # load_sheet reads every cell (calamine underneath) and infers a type per column from
    # the first 1000 rows; __arrow_c_array__ then builds the typed Arrow columns through the
    # Arrow PyCapsule interface, the step that to_arrow()/to_polars() start with, without
    # paying for importing pyarrow.
    import fastexcel

    reader = fastexcel.read_excel(path)
    loaded = reader.load_sheet_by_name(sheet)  # header_row=0: the header is row 1
    loaded.__arrow_c_array__()
    return loaded.height + 1


def run_csv(path: str) -> int:
    import csv

    rows = fields = 0
    with open(path, newline="", encoding="utf-8") as f:
        for row in csv.reader(f):
            rows += 1
            for _field in row:
                fields += 1
    return rows


def main(argv: list[str]) -> int:
    if len(argv) < 2:
        print(__doc__, file=sys.stderr)
        return 2
    tool, path = argv[0], argv[1]
    if tool == "csv":
        n = run_csv(path)
    else:
        if len(argv) < 3:
            print(f"{tool}: a sheet name is needed", file=sys.stderr)
            return 2
        fn = {"openpyxl": run_openpyxl, "calamine": run_calamine, "fastexcel": run_fastexcel}.get(tool)
        if fn is None:
            print(f"unknown tool {tool!r}", file=sys.stderr)
            return 2
        n = fn(path, argv[2])
    print(f"rows {n}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
