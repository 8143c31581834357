#!/usr/bin/env python3
"""Hostile inputs, generated here, each read by the release binary under a stated limit on time
and peak memory (`make test-hostile`).

Each case ends in the result it names (read whole, or refused with a message naming the place),
within its seconds and megabytes, measured here (wall clock, and the child's maximum resident set
as wait4 reports it).
The limits are the table below; HOSTILE_TIME_FACTOR and HOSTILE_MEMORY_FACTOR scale them all for
a slower machine. A case outside its limit, a crash, or another outcome fails the run.

    QUIRE_BIN=.build/release/quire python Tests/hostile/run_hostile.py [CASE...]
"""
from __future__ import annotations

import os
import random
import struct
import subprocess
import sys
import tempfile
import threading
import time
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

ROOT = Path(__file__).resolve().parents[2]
QUIRE = str(Path(os.environ.get("QUIRE_BIN", ROOT / ".build" / "release" / "quire")).resolve())
TIME_FACTOR = float(os.environ.get("HOSTILE_TIME_FACTOR", "1"))
MEMORY_FACTOR = float(os.environ.get("HOSTILE_MEMORY_FACTOR", "1"))

CONTENT_TYPES = ('<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
                 'content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
                 'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/'
                 'workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main'
                 '+xml"/>'
                 '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-'
                 'officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType='
                 '"application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>')
RELS = ('<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/'
        'relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
        'relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>')
WORKBOOK = ('<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/'
            '2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet '
            'name="Questions" sheetId="1" r:id="rId1"/></sheets></workbook>')
WORKBOOK_RELS = ('<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/'
                 'package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/'
                 'officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" '
                 'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" '
                 'Target="sharedStrings.xml"/></Relationships>')
SHEET_HEAD = ('<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/'
              'spreadsheetml/2006/main"><sheetData>')


def workbook(path: Path, sheet_body: str, tail: str = "", strings: list[str] | None = None,
             sheet_bytes: bytes | None = None) -> None:
    strings = strings or ["Question", "Answer"]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
        archive.writestr("[Content_Types].xml", CONTENT_TYPES)
        archive.writestr("_rels/.rels", RELS)
        archive.writestr("xl/workbook.xml", WORKBOOK)
        archive.writestr("xl/_rels/workbook.xml.rels", WORKBOOK_RELS)
        archive.writestr("xl/sharedStrings.xml", '<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://'
                         'schemas.openxmlformats.org/spreadsheetml/2006/main">'
                         + "".join(f"<si><t>{text}</t></si>" for text in strings) + "</sst>")
        archive.writestr("xl/worksheets/sheet1.xml",
                         sheet_bytes if sheet_bytes is not None else SHEET_HEAD + sheet_body + "</sheetData>" + tail
                         + "</worksheet>")


def honest_bomb(path: Path) -> None:
    """A sheet part of 1 GB of spaces: deflated to about 1 MB, a ratio near 1,000."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for name, text in [("[Content_Types].xml", CONTENT_TYPES), ("_rels/.rels", RELS), ("xl/workbook.xml", WORKBOOK),
                           ("xl/_rels/workbook.xml.rels", WORKBOOK_RELS)]:
            archive.writestr(name, text)
        with archive.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as part:
            part.write(SHEET_HEAD.encode())
            block = b" " * (1 << 20)
            for _ in range(1024):
                part.write(block)
            part.write(b"</sheetData></worksheet>")


def nested_zip(path: Path) -> None:
    """A workbook whose sheet part is itself a ZIP archive (of a bomb): not XML."""
    inner = path.with_suffix(".inner.zip")
    with zipfile.ZipFile(inner, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        archive.writestr("bomb.xml", b"<a>" + b" " * (50 << 20) + b"</a>")
    workbook(path, "", sheet_bytes=inner.read_bytes())
    inner.unlink()


def lying_entry_size(path: Path) -> None:
    """The central directory says the sheet inflates to 4 KB; it inflates to 100 MB."""
    workbook(path, "", sheet_bytes=(SHEET_HEAD + " " * (100 << 20) + "</sheetData></worksheet>").encode())
    data = bytearray(path.read_bytes())
    name = b"xl/worksheets/sheet1.xml"
    # Patch the uncompressed size in the local header and in the central directory entry.
    for signature, offset in ((b"PK\x03\x04", 22), (b"PK\x01\x02", 24)):
        position = 0
        while True:
            position = data.find(signature, position)
            if position < 0:
                break
            name_at = position + (30 if signature == b"PK\x03\x04" else 46)
            if data[name_at:name_at + len(name)] == name:
                data[position + offset:position + offset + 4] = (4096).to_bytes(4, "little")
            position += 4
    path.write_bytes(bytes(data))


def zip64_archive(entries: list[tuple[str, bytes]], declared: dict[str, int] | None = None,
                  listed_entries: int | None = None) -> bytes:
    """A ZIP archive whose central directory records are all ZIP64 (sizes and offsets in the extra
    field, 0xFFFFFFFF in the fixed fields, a ZIP64 end record and locator), deflated; `declared`
    overrides an entry's uncompressed size in both headers, and `listed_entries` the entry count
    in the ZIP64 end record: the lies a hostile file tells."""
    declared = declared or {}
    body, directory = bytearray(), bytearray()
    for name, data in entries:
        compressor = zlib.compressobj(6, zlib.DEFLATED, -15)
        packed = compressor.compress(data) + compressor.flush()
        size = declared.get(name, len(data))
        crc = zlib.crc32(data)
        raw = name.encode()
        extra = struct.pack("<HHQQ", 1, 16, size, len(packed))
        offset = len(body)
        body += struct.pack("<IHHHHHIIIHH", 0x04034B50, 45, 0, 8, 0, 0, crc, 0xFFFFFFFF, 0xFFFFFFFF, len(raw),
                            len(extra)) + raw + extra + packed
        central_extra = struct.pack("<HHQQQ", 1, 24, size, len(packed), offset)
        directory += struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 45, 45, 0, 8, 0, 0, crc, 0xFFFFFFFF, 0xFFFFFFFF,
                                 len(raw), len(central_extra), 0, 0, 0, 0, 0xFFFFFFFF) + raw + central_extra
    count = listed_entries if listed_entries is not None else len(entries)
    end64_at = len(body) + len(directory)
    end64 = struct.pack("<IQHHIIQQQQ", 0x06064B50, 44, 45, 45, 0, 0, count, count, len(directory), len(body))
    locator = struct.pack("<IIQI", 0x07064B50, 0, end64_at, 1)
    end = struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, 0xFFFF, 0xFFFF, 0xFFFFFFFF, 0xFFFFFFFF, 0)
    return bytes(body + directory + end64 + locator + end)


def workbook_parts(sheet: bytes) -> list[tuple[str, bytes]]:
    return [("[Content_Types].xml", CONTENT_TYPES.encode()), ("_rels/.rels", RELS.encode()),
            ("xl/workbook.xml", WORKBOOK.encode()), ("xl/_rels/workbook.xml.rels", WORKBOOK_RELS.encode()),
            ("xl/worksheets/sheet1.xml", sheet)]


def zip64_huge_declared(path: Path) -> None:
    """A ZIP64 entry whose extra field declares 2^62 bytes inflated."""
    sheet = (SHEET_HEAD + '<row r="1"><c r="A1"><v>1</v></c></row></sheetData></worksheet>').encode()
    path.write_bytes(zip64_archive(workbook_parts(sheet), declared={"xl/worksheets/sheet1.xml": 1 << 62}))


def zip64_small_declared(path: Path) -> None:
    """A ZIP64 entry that declares 4 KB and inflates to 100 MB (ratio kept under the limit by
    declaring little)."""
    sheet = (SHEET_HEAD + " " * (100 << 20) + "</sheetData></worksheet>").encode()
    path.write_bytes(zip64_archive(workbook_parts(sheet), declared={"xl/worksheets/sheet1.xml": 4096}))


def zip64_entry_count(path: Path) -> None:
    """A ZIP64 end record that lists 2^62 entries."""
    sheet = (SHEET_HEAD + '<row r="1"><c r="A1"><v>1</v></c></row></sheetData></worksheet>').encode()
    path.write_bytes(zip64_archive(workbook_parts(sheet), listed_entries=1 << 62))


def zip64_honest(path: Path) -> None:
    """The same ZIP64 layout telling the truth: it must read."""
    sheet = (SHEET_HEAD + '<row r="1"><c r="A1"><v>1</v></c></row></sheetData></worksheet>').encode()
    path.write_bytes(zip64_archive(workbook_parts(sheet)))


def overlapping_bomb(path: Path) -> None:
    """The overlapping-entry bomb: 1,000 central directory entries (the workbook's parts among
    them) whose data all start at the one deflated kernel of 10 MB of spaces, so that a reader
    that trusts the directory inflates 10 GB from 10 KB."""
    kernel = zlib.compressobj(9, zlib.DEFLATED, -15)
    data = b"<worksheet>" + b" " * (10 << 20)
    packed = kernel.compress(data) + kernel.flush()
    crc = zlib.crc32(data)
    body = bytearray()
    directory = bytearray()
    parts = [(name, text.encode()) for name, text in [("[Content_Types].xml", CONTENT_TYPES), ("_rels/.rels", RELS),
                                                       ("xl/workbook.xml", WORKBOOK),
                                                       ("xl/_rels/workbook.xml.rels", WORKBOOK_RELS)]]
    for name, text in parts:  # the small parts honest, each stored once
        raw = name.encode()
        offset = len(body)
        body += struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, 0, 0, 0, 0, zlib.crc32(text), len(text), len(text),
                            len(raw), 0) + raw + text
        directory += struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 20, 20, 0, 0, 0, 0, zlib.crc32(text), len(text),
                                 len(text), len(raw), 0, 0, 0, 0, 0, offset) + raw
    kernel_at = len(body)
    body += struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, 0, 8, 0, 0, crc, len(packed), len(data), 24, 0)
    body += b"xl/worksheets/sheet1.xml" + packed
    names = ["xl/worksheets/sheet1.xml"] + [f"xl/media/image{n}.bin" for n in range(999)]
    for name in names:
        raw = name.encode()
        directory += struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 20, 20, 0, 8, 0, 0, crc, len(packed), len(data),
                                 len(raw), 0, 0, 0, 0, 0, kernel_at) + raw
    count = len(parts) + len(names)
    end = struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, count, count, len(directory), len(body), 0)
    path.write_bytes(bytes(body + directory + end))


def wide_sheet(path: Path) -> None:
    cells = "".join(f'<c r="{column_name(c)}1"><v>{c}</v></c>' for c in range(1, 16385))
    workbook(path, f'<row r="1">{cells}</row>')


def column_name(number: int) -> str:
    name = ""
    while number:
        number, rest = divmod(number - 1, 26)
        name = chr(65 + rest) + name
    return name


def sparse_rows(path: Path) -> None:
    rng = random.Random(7)
    rows = "".join(f'<row r="{r}"><c r="{column_name(rng.randint(1, 200))}{r}"><v>{r}</v></c></row>'
                   for r in range(1, 1_000_001))
    workbook(path, rows)


def million_strings(path: Path) -> None:
    strings = [f"answer {index} {index * 7919 % 1000003}" for index in range(1_000_000)]
    rows = "".join(f'<row r="{r}"><c r="A{r}" t="s"><v>{(r * 31) % 1_000_000}</v></c></row>' for r in range(1, 2001))
    workbook(path, rows, strings=strings)


def deep_xml(path: Path) -> None:
    workbook(path, '<row r="1"><c r="A1"><v>1</v></c></row>' + "<a>" * 100_000 + "</a>" * 100_000)


def beyond_grid(path: Path) -> None:
    workbook(path, '<row r="1"><c r="A1"><v>1</v></c><c r="XFE1"><v>2</v></c></row>')


def validation_list(path: Path) -> None:
    values = ",".join(f"choice {index}" for index in range(100_000))
    rows = ('<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row>'
            + "".join(f'<row r="{r}"><c r="A{r}" t="inlineStr"><is><t>Do you encrypt data at rest {r}?</t></is>'
                      '</c></row>' for r in range(2, 50)))
    tail = (f'<dataValidations count="1"><dataValidation type="list" sqref="B2:B49"><formula1>"{values}"'
            '</formula1></dataValidation></dataValidations>')
    workbook(path, rows, tail=tail)


def huge_csv_field(path: Path) -> None:
    with path.open("wb") as handle:
        handle.write(b'ID,Question,Answer\r\n1,"')
        block = b"x" * (1 << 20)
        for _ in range(100):
            handle.write(block)
        handle.write(b'",\r\n')


def invalid_utf8(path: Path) -> None:
    """Bytes neither UTF-8 nor Windows-1252 (0x81 is unassigned there): no encoding fits."""
    path.write_bytes(b"ID,Question,Answer\r\n1,Do you encrypt \xc3\x28 data \x81?,Yes\r\n2,Valid?,No\r\n")


def invalid_utf16(path: Path) -> None:
    text = "ID,Question,Answer\r\n1,Do you encrypt data?,Yes\r\n".encode("utf-16-le")
    path.write_bytes(b"\xff\xfe" + text + b"\x00\xd8" + "x,y,z\r\n".encode("utf-16-le"))  # a lone high surrogate


def ten_million_rows(path: Path) -> None:
    with path.open("w", encoding="ascii", newline="") as handle:
        handle.write("ID,Question,Answer\r\n")
        line = "Q{},Is data encrypted at rest?,Yes\r\n"
        chunk = []
        for index in range(1, 10_000_001):
            chunk.append(line.format(index))
            if len(chunk) == 100_000:
                handle.write("".join(chunk))
                chunk.clear()
        handle.write("".join(chunk))


def yaml_alias_bomb(path: Path) -> None:
    lines = ['a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for level in range(1, 10):
        lines.append(f"a{level}: &a{level} [" + ",".join([f"*a{level - 1}"] * 9) + "]")
    lines.append("controls: *a9")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


@dataclass
class Case:
    name: str
    file: str
    make: Callable[[Path], None]
    outcome: str  # "read: " and what the output must contain, or a phrase the error must contain
    seconds: float
    megabytes: int
    command: tuple[str, ...] = ("cat", "{}", "--format", "count")


CASES = [
    Case("zip bomb (1 GB of spaces, ratio ~1,000)", "bomb.xlsx", honest_bomb, "as a zip bomb does", 5, 200),
    Case("overlapping zip bomb: 1,000 entries, 1 kernel", "overlap.xlsx", overlapping_bomb,
         "as in a zip bomb", 5, 200),
    Case("zip inside the sheet part (of a 50 MB bomb)", "nested.xlsx", nested_zip, "malformed XML", 5, 200),
    Case("entry that inflates past its declared size", "lying.xlsx", lying_entry_size,
         "xl/worksheets/sheet1.xml", 5, 300),
    Case("ZIP64 records, honest (the layout reads)", "zip64.xlsx", zip64_honest,
         "read: 1 row, 1 cell (1 number), used range A1", 5, 200),
    Case("ZIP64 entry declaring 2^62 bytes", "zip64-huge.xlsx", zip64_huge_declared,
         "it declares 4611686018427387904 bytes inflated, more than the limit", 5, 200),
    Case("ZIP64 entry declaring 4 KB, inflating to 100 MB", "zip64-small.xlsx", zip64_small_declared,
         "it inflates to more than the 4096 bytes its header declares", 5, 300),
    Case("ZIP64 end record listing 2^62 entries", "zip64-count.xlsx", zip64_entry_count,
         "entries, more than the limit of 65536", 5, 200),
    Case("cell reference beyond the grid", "grid.xlsx", beyond_grid,
         'cell r="XFE1": beyond the sheet\'s grid', 5, 200),
    Case("sheet with 16,384 columns", "wide.xlsx", wide_sheet,
         "read: 1 row, 16384 cells (16384 number), used range A1:XFD1", 5, 200),
    Case("a million sparse rows", "sparse.xlsx", sparse_rows,
         "read: 1000000 rows, 1000000 cells (1000000 number)", 20, 400),
    Case("a million shared strings", "strings.xlsx", million_strings,
         "read: 2000 rows, 2000 cells (2000 string)", 20, 600),
    Case("XML nested 100,000 deep", "deep.xlsx", deep_xml, "nested more than 1000 deep", 5, 200),
    Case("validation list of 100,000 values (1.3 MB)", "validation.xlsx", validation_list,
         "a data validation (its list or range) holds more than", 5, 200, ("inspect", "{}")),
    Case("100 MB CSV field", "field.csv", huge_csv_field, "line 2", 10, 300),
    Case("invalid UTF-8 in CSV", "utf8.csv", invalid_utf8, "line 2", 5, 200),
    Case("invalid UTF-16 in CSV", "utf16.csv", invalid_utf16, "line 3", 5, 200),
    Case("10-million-row CSV (a sheet holds 1,048,576)", "rows.csv", ten_million_rows,
         "line 1048577: record 1048577 is past the last row", 10, 200),
    Case("YAML alias bomb as a library", "bomb.yaml", yaml_alias_bomb,
         "more than 2000000 values", 10, 600, ("validate", "{}")),
]


def measure(command: list[str], cwd: Path, timeout: float) -> tuple[int, float, int, str]:
    """Exit status, wall seconds, peak resident megabytes (the child's own, from wait4) and its
    standard error followed by the end of its standard output."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        started = time.monotonic()
        child = subprocess.Popen(command, cwd=cwd, stdout=out, stderr=err)
        timer = threading.Timer(timeout, child.kill)
        timer.start()
        _, status, usage = os.wait4(child.pid, 0)
        seconds = time.monotonic() - started
        timed_out = not timer.is_alive()
        timer.cancel()
        child.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        text = err.read().decode(errors="replace") + out.read()[-2000:].decode(errors="replace")
    if timed_out:
        return -1, seconds, usage.ru_maxrss // 1024, "timed out"
    return child.returncode, seconds, usage.ru_maxrss // 1024, text


def main() -> int:
    if sys.argv[1:2] == ["--make"]:
        next(case for case in CASES if case.file == sys.argv[2]).make(Path(sys.argv[3]))
        return 0
    wanted = sys.argv[1:]
    failures = 0
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        print(f"{'case':<48}{'outcome':<10}{'s':>7}{'limit':>7}{'MB':>7}{'limit':>7}")
        for case in CASES:
            if wanted and not any(word in case.name or word == case.file for word in wanted):
                continue
            path = folder / case.file
            # Made in a child process, so that this one stays small: the measured child is forked
            # from it, and what it held before exec counts in the child's peak.
            subprocess.run([sys.executable, __file__, "--make", case.file, str(path)], check=True)
            seconds_limit = case.seconds * TIME_FACTOR
            megabytes_limit = int(case.megabytes * MEMORY_FACTOR)
            command = [QUIRE, *[part.format(str(path)) for part in case.command]]
            status, seconds, megabytes, output = measure(command, folder, seconds_limit * 3 + 30)
            if case.outcome.startswith("read: "):
                ok = status == 0 and case.outcome.removeprefix("read: ") in output
                outcome = "read" if ok else f"exit {status}"
            else:
                ok = status == 65 and case.outcome in output
                outcome = "refused" if ok else f"exit {status}"
            within = seconds <= seconds_limit and megabytes <= megabytes_limit
            print(f"{case.name:<48}{outcome:<10}{seconds:>7.2f}{seconds_limit:>7.0f}{megabytes:>7}{megabytes_limit:>7}"
                  + ("" if ok and within else "  FAILED"), flush=True)
            if not ok:
                print(f"    expected {case.outcome!r}; output: {output.strip()[:300]}")
            failures += 0 if ok and within else 1
            path.unlink(missing_ok=True)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
