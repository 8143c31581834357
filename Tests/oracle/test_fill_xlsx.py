"""`quire answer FILE -o FILLED.xlsx` writes into a copy of the customer's workbook: openpyxl and
python-calamine read the copy, and exactly the cells quire planned (the answers it reports as not
needing review: value in the answer cell, comment in the comment cell) differ from the original;
every other cell value and style, every data validation and merged range, and every ZIP part
that holds no answered sheet are unchanged byte for byte."""
from __future__ import annotations

import csv
import json
import os
import re
import subprocess
import zipfile
from pathlib import Path

import openpyxl
import pytest
import python_calamine

ROOT = Path(__file__).resolve().parents[2]
CORPUS = Path(os.environ["QUIRE_CORPUS"]) if os.environ.get("QUIRE_CORPUS") else None
REFERENCE = re.compile(r"^(?:'((?:[^']|'')+)'|([^!]+))!\$([A-Z]+)\$(\d+)$")


def cell(reference: str) -> tuple[str, str]:
    match = REFERENCE.match(reference)
    assert match, reference
    sheet = (match.group(1) or "").replace("''", "'") or match.group(2)
    return sheet, f"{match.group(3)}{match.group(4)}"


# The patcher needs answers to write: the calibrated threshold writes none derived from controls
# today (README, "When a derived answer is written without review"), so these tests set their own.
WRITE_FROM = ("--write-from", "0.5")


def fill(source: Path, tmp_path: Path) -> tuple[Path, dict]:
    filled = tmp_path / ("filled" + source.suffix)
    report = tmp_path / "answers.json"
    result = subprocess.run(
        [os.environ["QUIRE_BIN"], "answer", str(source), "--library", str(ROOT / "samples" / "library"),
         "--as-of", "2026-11-29", *WRITE_FROM, "-o", str(filled), "--answers", str(report)],
        capture_output=True, timeout=300,
    )
    assert result.returncode == 0, result.stderr.decode("utf-8", "replace")
    return filled, json.loads(report.read_text())


def planned(document: dict) -> dict[tuple[str, str], str]:
    cells = {}
    for answer in document["answers"]:
        if answer["review"] or answer["basis"] == "existing":
            continue
        if answer["value"] is not None and answer["answer_cell"]:
            cells[cell(answer["answer_cell"])] = answer["value"]
        if answer["comment"] and answer["comment_cell"]:
            cells[cell(answer["comment_cell"])] = answer["comment"]
    return cells


def check_only_planned_cells_changed(source: Path, filled: Path, document: dict) -> None:
    plan = planned(document)
    assert plan, "quire planned no cells"
    before = openpyxl.load_workbook(source)
    after = openpyxl.load_workbook(filled)
    assert before.sheetnames == after.sheetnames
    changed = {}
    for sheet in before.worksheets:
        other = after[sheet.title]
        coordinates = {c.coordinate for row in sheet.iter_rows() for c in row}
        coordinates |= {c.coordinate for row in other.iter_rows() for c in row}
        for coordinate in coordinates:
            old, new = sheet[coordinate], other[coordinate]
            if old.value != new.value:
                changed[(sheet.title, coordinate)] = new.value
            if old.has_style and old.style_id != new.style_id:
                pytest.fail(f"style of {sheet.title}!{coordinate} changed")
        assert [str(v.sqref) for v in sheet.data_validations.dataValidation] == [
            str(v.sqref) for v in other.data_validations.dataValidation
        ]
        assert sorted(map(str, sheet.merged_cells.ranges)) == sorted(map(str, other.merged_cells.ranges))
    assert changed == plan
    # Every part without answers is byte-identical; the answered sheets are the only others.
    original, copy = zipfile.ZipFile(source), zipfile.ZipFile(filled)
    assert original.namelist() == copy.namelist()
    different = {name for name in original.namelist() if original.read(name) != copy.read(name)}
    assert all(name.startswith("xl/worksheets/") for name in different), different
    # An independent reader reads the answers back.
    workbook = python_calamine.CalamineWorkbook.from_path(str(filled))
    for (sheet, coordinate), value in list(plan.items())[:20]:
        rows = workbook.get_sheet_by_name(sheet).to_python(skip_empty_area=False)
        column = openpyxl.utils.column_index_from_string(re.match(r"[A-Z]+", coordinate).group(0)) - 1
        row = int(re.search(r"\d+", coordinate).group(0)) - 1
        assert rows[row][column] == value


@pytest.mark.quire
@pytest.mark.parametrize("name", ["globex-vendor-assessment.xlsx", "contoso-cloud-review.xlsx", "questionnaire.xlsx"])
def test_sample_questionnaires_are_filled_in_place(name: str, tmp_path: Path) -> None:
    source = ROOT / "samples" / name
    original = source.read_bytes()
    filled, document = fill(source, tmp_path)
    check_only_planned_cells_changed(source, filled, document)
    assert source.read_bytes() == original, "the input was modified"


@pytest.mark.quire
def test_filling_is_deterministic(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    first, _ = fill(ROOT / "samples" / "globex-vendor-assessment.xlsx", tmp_path / "a")
    second, _ = fill(ROOT / "samples" / "globex-vendor-assessment.xlsx", tmp_path / "b")
    assert first.read_bytes() == second.read_bytes()


@pytest.mark.quire
def test_the_output_may_not_be_the_input(tmp_path: Path) -> None:
    source = tmp_path / "q.xlsx"
    source.write_bytes((ROOT / "samples" / "questionnaire.xlsx").read_bytes())
    original = source.read_bytes()
    result = subprocess.run(
        [os.environ["QUIRE_BIN"], "answer", str(source), "--library", str(ROOT / "samples" / "library"), "-o", str(source)],
        capture_output=True,
    )
    assert result.returncode == 64, result.stderr
    assert source.read_bytes() == original


if CORPUS is not None:  # corpus files are read in place; without QUIRE_CORPUS these tests do not exist

    @pytest.mark.quire
    @pytest.mark.corpus
    @pytest.mark.parametrize("name", ["hecvat/HECVAT3_OpenDSA_20220830.xlsx", "owasp-samm/SAMM_spreadsheet.xlsx",
                                      "ciso-assistant/example_questionnaire.xlsx", "scf/scf-2022.3.xlsx"])
    def test_corpus_questionnaires_are_filled_in_place(name: str, tmp_path: Path) -> None:
        source = CORPUS / "questionnaires" / name
        filled, document = fill(source, tmp_path)
        if not planned(document):
            # Nothing confident enough to write: the copy must then equal the original part by part.
            original, copy = zipfile.ZipFile(source), zipfile.ZipFile(filled)
            assert all(original.read(n) == copy.read(n) for n in original.namelist())
            return
        check_only_planned_cells_changed(source, filled, document)


@pytest.mark.quire
def test_review_list_as_a_workbook(tmp_path: Path) -> None:
    source = ROOT / "samples" / "globex-vendor-assessment.xlsx"
    filled, review = tmp_path / "filled.xlsx", tmp_path / "review.xlsx"
    report = tmp_path / "answers.json"
    result = subprocess.run(
        [os.environ["QUIRE_BIN"], "answer", str(source), "--library", str(ROOT / "samples" / "library"),
         "--as-of", "2026-11-29", "-o", str(filled), "--answers", str(report), "--review", str(review)],
        capture_output=True, timeout=300,
    )
    assert result.returncode == 0, result.stderr.decode("utf-8", "replace")
    assert not (tmp_path / "filled.review.csv").exists(), "--review replaces the default list"
    flagged = [a for a in json.loads(report.read_text())["answers"] if a["review"]]
    assert flagged
    sheet = openpyxl.load_workbook(review)["Review"]
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0] == ("ID", "Question", "Product", "Sheet", "Row", "Cell", "Proposed answer", "Proposed comment",
                       "Confidence", "Basis", "Cites", "Reason", "Decision", "Final answer", "Final comment",
                       "Comment cell", "Cell value when listed", "Proposal in file")
    assert len(rows) == len(flagged) + 1
    for row, answer in zip(rows[1:], flagged):
        assert row[0] == answer["id"] and row[1] == answer["question"] and row[5] == answer["answer_cell"]
        assert (row[2] or None) == answer["product"] and row[4] == answer["row"]
        assert (row[6] or None) == answer["value"]
        assert row[8] == pytest.approx(answer["confidence"], abs=0.005)
        assert row[9] == answer["basis"] and (row[11] or None) == answer["review_reason"]
        assert row[12] is None and row[13] is None and row[14] is None
        assert (row[15] or None) == answer["comment_cell"]
    rules = sheet.data_validations.dataValidation
    assert [(r.formula1, str(r.sqref)) for r in rules] == [('"Accept,Change,Reject"', f"M2:M{len(flagged) + 1}")]
    assert sheet.freeze_panes == "A2" and sheet.auto_filter.ref
    calamine = python_calamine.CalamineWorkbook.from_path(str(review)).get_sheet_by_name("Review").to_python()
    assert [r[0] for r in calamine[1:]] == [a["id"] for a in flagged]


@pytest.mark.quire
def test_review_list_without_a_filled_copy_and_never_over_the_input(tmp_path: Path) -> None:
    source = ROOT / "samples" / "questionnaire.xlsx"
    review = tmp_path / "review.csv"
    base = [os.environ["QUIRE_BIN"], "answer", str(source), "--library", str(ROOT / "samples" / "library")]
    result = subprocess.run([*base, "--review", str(review)], capture_output=True, timeout=300)
    assert result.returncode == 0, result.stderr.decode("utf-8", "replace")
    document = json.loads(result.stdout)
    with review.open(newline="", encoding="utf-8") as handle:
        records = list(csv.reader(handle))
    assert [r[0] for r in records[1:]] == [a["id"] for a in document["answers"] if a["review"]]
    copy = tmp_path / "q.xlsx"
    copy.write_bytes(source.read_bytes())
    result = subprocess.run([*base[:2], str(copy), *base[3:], "--review", str(copy)], capture_output=True, timeout=300)
    assert result.returncode == 64, result.stderr
    assert copy.read_bytes() == source.read_bytes()


@pytest.mark.quire
def test_no_output_is_left_when_another_cannot_be_created(tmp_path: Path) -> None:
    filled = tmp_path / "filled.xlsx"
    result = subprocess.run(
        [os.environ["QUIRE_BIN"], "answer", str(ROOT / "samples" / "globex-vendor-assessment.xlsx"),
         "--library", str(ROOT / "samples" / "library"), "-o", str(filled),
         "--review", str(tmp_path / "missing-folder" / "review.xlsx")],
        capture_output=True, timeout=300,
    )
    assert result.returncode == 73, result.stderr
    assert b"missing-folder/review.xlsx: cannot create the output" in result.stderr
    assert list(tmp_path.iterdir()) == [], "a filled copy was left behind"
