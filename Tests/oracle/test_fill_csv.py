"""`quire answer FILE.csv -o FILLED.csv` writes a copy of a CSV questionnaire with the answers in it,
in the questionnaire's own dialect; `quire diff` proves what changed.

Checked here with Python's own readers, on the Initech sample (Windows-1252, `;`, CRLF, every row
padded to five fields): the copy has the same encoding, delimiter, line ends and number of records;
exactly the cells quire planned differ (for each answer that needs no review and is not the file's
own: the value in its answer cell, the comment in its comment cell, formula-like text after an
apostrophe); every other field keeps its bytes, and every other record is byte for byte the same;
`FILLED.review.csv` lists the answers that need review; and `quire diff` lists exactly the changed
cells, and nothing for a file compared with itself.
"""
from __future__ import annotations

import csv
import io
import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "samples" / "initech-security-questionnaire.csv"
REFERENCE = re.compile(r"^(?:'((?:[^']|'')+)'|([^!]+))!\$?([A-Z]+)\$?(\d+)$")
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")

pytestmark = pytest.mark.quire


def quire(*arguments: str) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([os.environ["QUIRE_BIN"], *arguments], capture_output=True, timeout=300)


def column_number(letters: str) -> int:
    number = 0
    for letter in letters:
        number = number * 26 + ord(letter) - ord("A") + 1
    return number


def cell(reference: str) -> tuple[str, int, int]:
    """('sheet', row, column) of `'sheet'!$D$7`, 1-based."""
    match = REFERENCE.match(reference)
    assert match, reference
    sheet = (match.group(1) or "").replace("''", "'") or match.group(2)
    return sheet, int(match.group(4)), column_number(match.group(3))


def defused(text: str) -> str:
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def split_records(data: bytes, delimiter: bytes) -> list[tuple[list[bytes], bytes]]:
    """The raw fields (quotes kept) and line end of every record, quote-aware, as quire splits them."""
    records, fields, field, index, in_quotes, at_start = [], [], bytearray(), 0, False, True
    while index < len(data):
        byte = data[index : index + 1]
        if in_quotes:
            field += byte
            if byte == b'"':
                if data[index + 1 : index + 2] == b'"':
                    field += b'"'
                    index += 1
                else:
                    in_quotes = False
        elif byte == b'"' and at_start:
            field += byte
            in_quotes, at_start = True, False
        elif byte == delimiter:
            fields.append(bytes(field))
            field, at_start = bytearray(), True
        elif byte in (b"\r", b"\n"):
            end = b"\r\n" if data[index : index + 2] == b"\r\n" else byte
            fields.append(bytes(field))
            records.append((fields, end))
            fields, field, at_start = [], bytearray(), True
            index += len(end)
            continue
        else:
            field += byte
            at_start = False
        index += 1
    if field or fields:
        fields.append(bytes(field))
        records.append((fields, b""))
    return records


def read_cells(path: Path, encoding: str, delimiter: str) -> list[list[str]]:
    text = path.read_bytes().decode(encoding)
    return list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))


# The patcher needs answers to write: the calibrated threshold writes none derived from controls
# today (README, "When a derived answer is written without review"), so these tests set their own.
WRITE_FROM = ("--write-from", "0.5")


@pytest.fixture(scope="module")
def filled(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict]:
    folder = tmp_path_factory.mktemp("fill-csv")
    output = folder / "OUT.csv"
    answers = folder / "answers.json"
    original = SAMPLE.read_bytes()
    result = quire(
        "answer", str(SAMPLE), "--library", str(ROOT / "samples" / "library"), "--as-of", "2026-11-29",
        *WRITE_FROM, "-o", str(output), "--answers", str(answers),
    )
    assert result.returncode == 0, result.stderr.decode("utf-8", "replace")
    assert SAMPLE.read_bytes() == original, "the input was modified"
    return output, json.loads(answers.read_text(encoding="utf-8"))


def planned(document: dict) -> dict[tuple[int, int], str]:
    """(row, column) -> text quire should have written: the cells the XLSX filler writes too."""
    sheet = SAMPLE.stem
    cells = {}
    for answer in document["answers"]:
        if answer["review"] or answer["basis"] == "existing":
            continue
        for text, reference in ((answer["value"], answer["answer_cell"]), (answer["comment"], answer["comment_cell"])):
            if text and reference:
                where = cell(reference)
                assert where[0] == sheet, reference
                cells[where[1:]] = defused(text)
    return cells


def test_dialect_is_kept(filled: tuple[Path, dict]) -> None:
    output, _ = filled
    before, after = SAMPLE.read_bytes(), output.read_bytes()
    # Windows-1252: not UTF-8 (the sample has 0x80 for the euro sign), no byte-order mark.
    with pytest.raises(UnicodeDecodeError):
        after.decode("utf-8")
    after.decode("cp1252")
    assert not after.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff"))
    # CRLF everywhere outside quotes, and after the last record as in the original.
    old_records, new_records = split_records(before, b";"), split_records(after, b";")
    assert {end for _, end in old_records} == {b"\r\n"}
    assert {end for _, end in new_records} == {b"\r\n"}
    assert len(new_records) == len(old_records)
    # Semicolon-delimited: every record still has the original's number of fields.
    assert [len(fields) for fields, _ in new_records] == [len(fields) for fields, _ in old_records]


def test_only_planned_cells_changed(filled: tuple[Path, dict]) -> None:
    output, document = filled
    plan = planned(document)
    assert plan, "quire planned no cells"
    before = read_cells(SAMPLE, "cp1252", ";")
    after = read_cells(output, "cp1252", ";")
    assert len(after) == len(before)
    changed = {}
    for row, (old, new) in enumerate(zip(before, after), start=1):
        for column in range(1, max(len(old), len(new)) + 1):
            old_value = old[column - 1] if column <= len(old) else ""
            new_value = new[column - 1] if column <= len(new) else ""
            if old_value != new_value:
                changed[(row, column)] = new_value
    expected = {
        place: text
        for place, text in plan.items()
        if (before[place[0] - 1][place[1] - 1] if place[1] <= len(before[place[0] - 1]) else "") != text
    }
    assert changed == expected
    # Every changed cell is an answer or comment cell of an answer quire did not flag for review.
    allowed = set()
    for answer in document["answers"]:
        if not answer["review"]:
            allowed |= {cell(ref)[1:] for ref in (answer["answer_cell"], answer["comment_cell"]) if ref}
    assert set(changed) <= allowed


def test_other_bytes_are_untouched(filled: tuple[Path, dict]) -> None:
    output, document = filled
    plan = planned(document)
    old_records = split_records(SAMPLE.read_bytes(), b";")
    new_records = split_records(output.read_bytes(), b";")
    for row, ((old_fields, old_end), (new_fields, new_end)) in enumerate(zip(old_records, new_records), start=1):
        assert old_end == new_end
        touched = {column for (r, column) in plan if r == row}
        if not touched:
            assert new_fields == old_fields, f"record {row} changed"
            continue
        for column, (old, new) in enumerate(zip(old_fields, new_fields), start=1):
            if column not in touched:
                assert new == old, f"record {row}, field {column} changed"


def test_formula_like_text_is_neutralised(filled: tuple[Path, dict]) -> None:
    output, _ = filled
    for row in read_cells(output, "cp1252", ";"):
        for value in row:
            assert not value.startswith(FORMULA_STARTS), value


def test_review_list_beside_the_copy(filled: tuple[Path, dict]) -> None:
    output, document = filled
    review = output.with_name("OUT.review.csv")
    rows = list(csv.reader(io.StringIO(review.read_bytes().decode("utf-8"), newline="")))
    assert rows[0] == ["id", "question", "product", "sheet", "row", "answer_cell", "proposed_value", "proposed_comment",
                       "confidence", "basis", "cites", "reason", "decision", "final_answer", "final_comment",
                       "comment_cell", "cell_value", "proposal_in_file"]
    flagged = [answer for answer in document["answers"] if answer["review"]]
    assert flagged, "the sample has answers to review"
    assert [row[0] for row in rows[1:]] == [answer["id"] for answer in flagged]
    for row, answer in zip(rows[1:], flagged):
        record = dict(zip(rows[0], row))
        assert record["question"] == defused(answer["question"])
        assert record["answer_cell"] == answer["answer_cell"]
        assert record["proposed_value"] == defused(answer["value"] or "")
        assert record["proposed_comment"] == defused(answer["comment"] or "")
        assert float(record["confidence"]) == pytest.approx(answer["confidence"], abs=0.005)
        assert record["basis"] == answer["basis"]
        cites = [f"control {c}" for c in answer["controls"]]
        cites += [f"answer {answer['library_entry']}"] if answer["library_entry"] else []
        cites += [f"evidence {e['id']}" for e in answer["evidence"]]
        assert record["cites"] == defused("; ".join(cites))
        assert record["reason"] == defused(answer["review_reason"] or "")
        assert record["decision"] == record["final_answer"] == record["final_comment"] == "", "left for the reviewer"
        assert record["comment_cell"] == (answer["comment_cell"] or "")
        assert record["proposal_in_file"] == "", "without --write-proposals no proposal is in the file"
        assert all(not value.startswith(FORMULA_STARTS) for value in row)


def test_diff_lists_exactly_the_changed_cells(filled: tuple[Path, dict]) -> None:
    output, _ = filled
    before = read_cells(SAMPLE, "cp1252", ";")
    after = read_cells(output, "cp1252", ";")
    changed = {
        (row, column)
        for row, (old, new) in enumerate(zip(before, after), start=1)
        for column in range(1, max(len(old), len(new)) + 1)
        if (old[column - 1] if column <= len(old) else "") != (new[column - 1] if column <= len(new) else "")
    }
    result = quire("diff", str(SAMPLE), str(output), "--format", "json")
    assert result.returncode == 0, result.stderr.decode("utf-8", "replace")
    document = json.loads(result.stdout)
    assert {(c["row"], c["column"]) for c in document["cells"]} == changed
    assert document["parts"] == [] and document["dialect"] == [] and document["records"] == []
    assert document["identical"] is False
    for change in document["cells"]:
        assert change["filled"]["value"] == after[change["row"] - 1][change["column"] - 1]
    text = quire("diff", str(SAMPLE), str(output))
    assert text.returncode == 0, text.stderr.decode("utf-8", "replace")
    lines = text.stdout.decode("utf-8").splitlines()
    rows = len({row for row, _ in changed})
    assert lines[-1] == (
        f"{len(changed)} cell{'s' if len(changed) != 1 else ''} differ{'s' if len(changed) == 1 else ''} "
        f"in {rows} row{'s' if rows != 1 else ''}; everything else is identical"
    )
    assert len(lines) == len(changed) + 1


def test_diff_of_a_file_with_itself_is_empty() -> None:
    result = quire("diff", str(SAMPLE), str(SAMPLE), "--format", "json")
    assert result.returncode == 0, result.stderr.decode("utf-8", "replace")
    document = json.loads(result.stdout)
    assert document["identical"] is True
    assert document["summary"] == "0 cells differ in 0 rows; everything else is identical"


def test_filling_is_deterministic(filled: tuple[Path, dict], tmp_path: Path) -> None:
    output, _ = filled
    again = tmp_path / "OUT.csv"
    result = quire(
        "answer", str(SAMPLE), "--library", str(ROOT / "samples" / "library"), "--as-of", "2026-11-29",
        *WRITE_FROM, "-o", str(again),
    )
    assert result.returncode == 0, result.stderr.decode("utf-8", "replace")
    assert again.read_bytes() == output.read_bytes()
    assert again.with_name("OUT.review.csv").read_bytes() == output.with_name("OUT.review.csv").read_bytes()


def test_the_output_may_not_be_the_input(tmp_path: Path) -> None:
    source = tmp_path / "q.csv"
    shutil.copyfile(SAMPLE, source)
    original = source.read_bytes()
    result = quire("answer", str(source), "--library", str(ROOT / "samples" / "library"), "-o", str(source))
    assert result.returncode == 64, result.stderr.decode("utf-8", "replace")
    assert source.read_bytes() == original
    assert sorted(path.name for path in tmp_path.iterdir()) == ["q.csv"]


def test_the_review_list_never_replaces_the_input(tmp_path: Path) -> None:
    # A questionnaire named like the review list of its own filled copy: x.csv's list is x.review.csv.
    source = tmp_path / "x.review.csv"
    source.write_bytes(SAMPLE.read_bytes())
    result = quire("answer", str(source), "--library", str(ROOT / "samples" / "library"), "-o", str(tmp_path / "x.csv"))
    assert result.returncode == 64, result.stderr
    assert b"would replace the questionnaire itself" in result.stderr
    assert source.read_bytes() == SAMPLE.read_bytes()
    assert not (tmp_path / "x.csv").exists()
