#!/usr/bin/env python3
"""Write the hand-made CSV fixtures in Tests/Fixtures/csv/ from the byte strings below.

Usage:
    make_csv_fixtures.py           # (re)write the files
    make_csv_fixtures.py --check   # exit 1 if a file differs from what this script would write

Each file is named for what it exercises. CSV_FIXTURES also says how Python's `csv` module must
read each one (encoding and delimiter); the oracle test takes the dialect from here, so a new CSV
fixture must be added here or the test fails. The project's team wrote these files; they carry
no third-party content.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

CSV_DIR = Path(__file__).resolve().parent.parent / "Fixtures" / "csv"


@dataclass(frozen=True)
class CSVFixture:
    """A CSV fixture: its bytes and the dialect Python's csv module reads it with."""

    content: bytes
    #: A Python codec name; `utf-8-sig` and `utf-16` consume the byte order mark.
    encoding: str
    delimiter: str
    #: What the file exercises (also in Tests/Fixtures/SOURCES.md).
    purpose: str


def _records(*records: str, end: str = "\r\n", final: bool = True) -> str:
    """Join physical records with `end`; newlines inside a record (in quoted fields) stay as written."""
    return end.join(records) + (end if final else "")


CSV_FIXTURES: dict[str, CSVFixture] = {
    "comma-quoted-fields-crlf.csv": CSVFixture(
        content=_records(
            "id,question,answer,notes",
            '1,"Do you encrypt data at rest, and in transit?",Yes,"AES-256, TLS 1.2+"',
            '2,"Is the ""admin"" account disabled?",No,"Quote at the end """',
            '3,"Describe your backup process:\nline two of the question",Partial,"notes with a CRLF\r\ninside"',
            '4,"",N/A,',
            ",,,",
            '5,  leading and trailing spaces  ," quoted spaces ",Yes',
            "6,Ünïcödé – 日本語 ✓,Oui,",
        ).encode("utf-8"),
        encoding="utf-8",
        delimiter=",",
        purpose=(
            "UTF-8 without BOM, CRLF records; quoted commas, doubled quotes (also at the end of a field), "
            "LF and CRLF inside quoted fields, an empty quoted field, a record of empty fields (omitted, but it "
            "keeps its record number), unquoted and quoted leading/trailing spaces, non-ASCII text, ragged rows"
        ),
    ),
    "semicolon-delimiter-utf8-bom.csv": CSVFixture(
        content=b"\xef\xbb\xbf"
        + _records(
            "Frage;Antwort;Gewichtung",
            "Verschlüsselung im Ruhezustand?;Ja;1,5",
            '"Enthält; ein Semikolon";"Nein, nicht ""immer""";0,25',
            "Kommentar mit, Kommata;;",
            end="\n",
        ).encode("utf-8"),
        encoding="utf-8-sig",
        delimiter=";",
        purpose=(
            "Excel's European export: UTF-8 with BOM, `;` delimiter, LF records; decimal commas and commas in "
            "unquoted fields, a quoted `;`, doubled quotes, empty trailing fields"
        ),
    ),
    "utf16le-bom-comma.csv": CSVFixture(
        content=b"\xff\xfe"
        + _records(
            "control,text,owner",
            'AC-1,"Access control policy, reviewed yearly",Sécurité',
            "AC-2,Emoji outside the BMP 🔐 needs a surrogate pair,情報セキュリティ",
            '"AC-3","multi\r\nline",',
        ).encode("utf-16-le"),
        encoding="utf-16",
        delimiter=",",
        purpose=(
            "UTF-16 LE with BOM (as Excel's Unicode export), comma delimiter, CRLF records; a quoted comma, "
            "a non-BMP character (surrogate pair), CJK text, a quoted field with a newline"
        ),
    ),
    "windows-1252-smart-quotes-euro.csv": CSVFixture(
        content=_records(
            "item,price,comment",
            "Caf\xe9 cr\xe8me,\u20ac4,\u201cSmart quotes\u201d \u2013 and an ellipsis\u2026",
            "Na\xefve r\xe9sum\xe9,\u00a310,\u2018single\u2019 \u2022 bullet",
        ).encode("cp1252"),
        encoding="cp1252",
        delimiter=",",
        purpose=(
            "Windows-1252 bytes that are not valid UTF-8 (0x80 euro sign, 0x93/0x94 smart quotes, 0x96 en dash, "
            "0x85 ellipsis, Latin-1 accents), no BOM, CRLF records"
        ),
    ),
    "ragged-rows-blank-lines-lf-no-final-newline.csv": CSVFixture(
        content=_records(
            "a,b", "", "c", "d,e,f,g", "", "", ",,h", "   ,x", "last,row,without,newline", end="\n", final=False
        ).encode("utf-8"),
        encoding="utf-8",
        delimiter=",",
        purpose=(
            "LF records, blank lines between records (no cells, but they count as records for row numbers), "
            "rows of different lengths, a whitespace-only field (kept: it is not empty), no newline after the "
            "last record"
        ),
    ),
}


def main(argv: list[str]) -> int:
    check = "--check" in argv
    CSV_DIR.mkdir(parents=True, exist_ok=True)
    stale = []
    for name, fixture in CSV_FIXTURES.items():
        path = CSV_DIR / name
        if check:
            if not path.exists() or path.read_bytes() != fixture.content:
                stale.append(name)
        else:
            path.write_bytes(fixture.content)
    extra = sorted(p.name for p in CSV_DIR.glob("*.csv") if p.name not in CSV_FIXTURES)
    if stale or extra:
        print(f"differ from make_csv_fixtures.py: {stale}; not described there: {extra}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
