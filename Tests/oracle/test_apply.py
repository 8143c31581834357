"""The review loop, end to end on the samples: `quire answer` proposes and writes a review list,
a reviewer decides (Accept, Change with a final answer, Reject), `quire apply` writes the decided
answers into the filled copy and learns them into the answer library, and the same questionnaire
answered again gets those answers from the library without review.

Checked with openpyxl and PyYAML, not with quire's own readers: exactly the decided cells change,
the library file keeps every earlier line, and a decision on a cell that changed since the list
was made is refused."""
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

import review_lists

ROOT = Path(__file__).resolve().parents[2]
QUESTIONNAIRE = "globex-vendor-assessment.xlsx"
pytestmark = pytest.mark.quire
CHANGED_COMMENT = "Reviewed with the platform team: not offered."


def quire(*arguments: str, cwd: Path) -> subprocess.CompletedProcess:
    binary = str(Path(os.environ["QUIRE_BIN"]).resolve())
    return subprocess.run([binary, *arguments], cwd=cwd, capture_output=True, timeout=300)


def cells(path: Path) -> dict[tuple[str, str], object]:
    book = openpyxl.load_workbook(path)
    return {(sheet.title, cell.coordinate): cell.value for sheet in book for row in sheet.iter_rows() for cell in row
            if cell.value is not None}


def split(reference: str) -> tuple[str, str]:
    sheet, _, cell = reference.rpartition("!")
    return sheet.strip("'").replace("''", "'"), cell.replace("$", "")


def decide(tmp_path: Path) -> dict:
    """The sample answered into filled.xlsx, and its review list decided: four accepted, one changed
    (with a final comment), one rejected."""
    shutil.copy(ROOT / "samples" / QUESTIONNAIRE, tmp_path / QUESTIONNAIRE)
    shutil.copytree(ROOT / "samples" / "library", tmp_path / "lib")
    first = quire("answer", QUESTIONNAIRE, "--library", "lib", "--as-of", "2026-11-29", "-o", "filled.xlsx",
                  "--answers", "first.json", cwd=tmp_path)
    assert first.returncode == 0, first.stderr.decode()
    review = tmp_path / "filled.review.csv"
    rows = list(csv.DictReader(io.StringIO(review.read_text(encoding="utf-8"), newline="")))
    header = list(rows[0].keys())
    decided: dict[str, tuple[str, str]] = {}  # id -> (decision, value written)
    proposable = [row for row in rows if row["proposed_value"] in ("Yes", "No", "N/A")]
    assert len(proposable) >= 6, "the sample has proposals to decide"
    for index, row in enumerate(proposable[:6]):
        if index == 4:
            row["decision"], row["final_answer"] = "Change", "No" if row["proposed_value"] != "No" else "Yes"
            row["final_comment"] = CHANGED_COMMENT
            decided[row["id"]] = ("change", row["final_answer"])
        elif index == 5:
            row["decision"] = "Reject"
        else:
            row["decision"] = "Accept"
            decided[row["id"]] = ("accept", row["proposed_value"])
    with review.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=header, lineterminator="\r\n")
        writer.writeheader()
        writer.writerows(rows)
    return {"folder": tmp_path, "rows": {row["id"]: row for row in rows}, "decided": decided}


@pytest.fixture()
def loop(tmp_path: Path) -> dict:
    decided = decide(tmp_path)
    before_library = (tmp_path / "lib" / "answers.yaml").read_text(encoding="utf-8")
    applied = quire("apply", "filled.review.csv", "--to", "filled.xlsx", "-o", "final.xlsx", "--learn",
                    "lib/answers.yaml", "--approved-by", "Dana Reviewer", "--library", "lib", "--as-of", "2026-12-06",
                    cwd=tmp_path)
    return {**decided, "applied": applied, "before_library": before_library}


def test_apply_writes_exactly_the_decided_cells(loop: dict) -> None:
    applied = loop["applied"]
    assert applied.returncode == 0, applied.stderr.decode()
    folder, rows, decided = loop["folder"], loop["rows"], loop["decided"]
    before, after = cells(folder / "filled.xlsx"), cells(folder / "final.xlsx")
    expected: dict[tuple[str, str], object] = {}
    for item, (decision, value) in decided.items():
        expected[split(rows[item]["answer_cell"])] = value
        if decision == "accept" and rows[item]["proposed_comment"] and rows[item]["comment_cell"]:
            expected[split(rows[item]["comment_cell"])] = rows[item]["proposed_comment"]
        if decision == "change" and rows[item]["comment_cell"]:
            expected[split(rows[item]["comment_cell"])] = CHANGED_COMMENT
    changed = {key: after.get(key) for key in set(before) | set(after) if before.get(key) != after.get(key)}
    assert changed == expected
    assert f"{len(decided)} written into final.xlsx".encode() in applied.stderr, applied.stderr.decode()


def test_learned_answers_are_appended_and_answer_the_next_questionnaire(loop: dict) -> None:
    assert loop["applied"].returncode == 0, loop["applied"].stderr.decode()
    folder, decided = loop["folder"], loop["decided"]
    text = (folder / "lib" / "answers.yaml").read_text(encoding="utf-8")
    assert text.startswith(loop["before_library"].rstrip("\n")), "every earlier line is kept, in order"
    entries = yaml.safe_load(text)["answers"]
    learned = [entry for entry in entries if "learned" in (entry.get("tags") or [])]
    assert len(learned) == len(decided)
    assert all(entry["approved_by"] == "Dana Reviewer" and str(entry["approved_on"]) == "2026-12-06"
               for entry in learned)
    assert sum(entry.get("comment") == CHANGED_COMMENT for entry in learned) == 1, "the reviewer's comment is learned"
    again = quire("answer", QUESTIONNAIRE, "--library", "lib", "--as-of", "2026-11-29", "-o", "again.json",
                  cwd=folder)
    assert again.returncode == 0, again.stderr.decode()
    answers = {answer["id"]: answer for answer in json.loads((folder / "again.json").read_text())["answers"]}
    for item, (_, value) in decided.items():
        answer = answers[item]
        assert answer["basis"] == "library" and not answer["review"], (item, answer["review_reason"])
        assert answer["value"] == value, item
        if decided[item][0] == "change":
            assert answer["comment"] == CHANGED_COMMENT, item


def test_a_decision_on_a_cell_answered_since_is_refused(loop: dict) -> None:
    assert loop["applied"].returncode == 0
    folder, rows, decided = loop["folder"], loop["rows"], loop["decided"]
    # Someone answers one decided item otherwise in the filled copy after the list was made.
    item = next(iter(decided))
    sheet, cell = split(rows[item]["answer_cell"])
    book = openpyxl.load_workbook(folder / "filled.xlsx")
    other = next(value for value in ("Yes", "No", "N/A") if value != decided[item][1])
    book[sheet][cell] = other
    book.save(folder / "answered.xlsx")
    result = quire("apply", "filled.review.csv", "--to", "answered.xlsx", "-o", "since.xlsx", cwd=folder)
    stderr = result.stderr.decode()
    assert result.returncode == 0, stderr
    assert f'item {item}: its answer cell holds "{other}" now, not "" as when the review list was made; not written' \
        in stderr, stderr
    assert f"{len(decided) - 1} written into since.xlsx" in stderr and "1 refused" in stderr, stderr
    assert cells(folder / "since.xlsx")[(sheet, cell)] == other


def test_a_list_applied_again_writes_nothing_and_still_learns(tmp_path: Path) -> None:
    decided = decide(tmp_path)["decided"]
    first = quire("apply", "filled.review.csv", "--to", "filled.xlsx", cwd=tmp_path)
    assert first.returncode == 0, first.stderr.decode()
    assert f"{len(decided)} written into filled.xlsx".encode() in first.stderr
    applied = (tmp_path / "filled.xlsx").read_bytes()
    # Run again over its own result, now to learn the answers: the cells hold the decided answers.
    again = quire("apply", "filled.review.csv", "--to", "filled.xlsx", "--learn", "lib/answers.yaml",
                  "--approved-by", "Dana Reviewer", "--library", "lib", "--as-of", "2026-12-06", cwd=tmp_path)
    stderr = again.stderr.decode()
    assert again.returncode == 0, stderr
    assert f"0 written into filled.xlsx, {len(decided)} already there (applied before), 0 refused" in stderr, stderr
    assert f"learned {len(decided)} new" in stderr, stderr
    assert (tmp_path / "filled.xlsx").read_bytes() == applied, "nothing is written again"
    entries = yaml.safe_load((tmp_path / "lib" / "answers.yaml").read_text(encoding="utf-8"))["answers"]
    assert sum("learned" in (entry.get("tags") or []) for entry in entries) == len(decided)


def test_a_library_that_cannot_learn_stops_apply_before_anything_is_said_or_written(loop: dict) -> None:
    assert loop["applied"].returncode == 0
    folder = loop["folder"]
    flow = folder / "lib" / "flow.yaml"
    flow.write_text('format: quire-library/1\nanswers: [{id: X-1, question: "Is it?", answer: "Yes"}]\n',
                    encoding="utf-8")
    before = flow.read_bytes()
    # Every decision is already in final.xlsx, so only learning is left, and the library cannot take
    # entries.
    failed = quire("apply", "filled.review.csv", "--to", "final.xlsx", "-o", "other.xlsx", "--learn",
                   "lib/flow.yaml", "--approved-by", "D", "--library", "lib", cwd=folder)
    stderr = failed.stderr.decode()
    assert failed.returncode == 65, stderr
    assert "flow.yaml:2: error: the answers: list is written in brackets" in stderr, stderr
    assert "not written" not in stderr, "no decision is reported as decided when nothing was done"
    assert not (folder / "other.xlsx").exists() and flow.read_bytes() == before


def test_learning_needs_a_name_and_a_yaml_file(loop: dict) -> None:
    folder = loop["folder"]
    missing = quire("apply", "filled.review.csv", "--to", "filled.xlsx", "--learn", "lib/answers.yaml", cwd=folder)
    assert missing.returncode == 64 and b"--approved-by" in missing.stderr
    wrong = quire("apply", "filled.review.csv", "--to", "filled.xlsx", "--learn", "lib/evidence.csv",
                  "--approved-by", "D", cwd=folder)
    assert wrong.returncode == 64 and b"YAML library file" in wrong.stderr


def test_proposals_written_before_review_are_marked_and_can_be_accepted(tmp_path: Path) -> None:
    shutil.copy(ROOT / "samples" / QUESTIONNAIRE, tmp_path / QUESTIONNAIRE)
    shutil.copytree(ROOT / "samples" / "library", tmp_path / "lib")
    result = quire("answer", QUESTIONNAIRE, "--library", "lib", "--as-of", "2026-11-29", "-o", "filled.xlsx",
                   "--answers", "answers.json", "--write-proposals", cwd=tmp_path)
    assert result.returncode == 0, result.stderr.decode()
    answers = {a["id"]: a for a in json.loads((tmp_path / "answers.json").read_text())["answers"]}
    rows = list(csv.DictReader(io.StringIO((tmp_path / "filled.review.csv").read_text(encoding="utf-8"),
                                           newline="")))
    marked = [row for row in rows if row["proposal_in_file"] == "yes"]
    assert marked, "the sample has proposals that fit"
    before, after = cells(tmp_path / QUESTIONNAIRE), cells(tmp_path / "filled.xlsx")
    for row in marked:
        key = split(row["answer_cell"])
        assert after.get(key) == row["proposed_value"] == row["cell_value"], row["id"]
        assert before.get(key) is None
    for row in rows:
        if row["proposal_in_file"] != "yes":
            assert after.get(split(row["answer_cell"])) == before.get(split(row["answer_cell"])), row["id"]
    book = openpyxl.load_workbook(tmp_path / "filled.xlsx")
    for row in marked:
        sheet, cell = split(row["answer_cell"])
        rules = [rule for rule in book[sheet].data_validations.dataValidation if cell in rule.sqref]
        for rule in rules:
            assert row["proposed_value"] in rule.formula1.strip('"').split(",") or not rule.formula1.startswith('"')
    for item, answer in answers.items():
        if "risk-phrased" in (answer["review_reason"] or "") or "bad answer" in (answer["review_reason"] or ""):
            assert after.get(split(answer["answer_cell"])) != "Yes", item
    # Accepting a proposal already in the file writes it again, unchanged.
    header = list(rows[0].keys())
    marked[0]["decision"] = "Accept"
    with (tmp_path / "filled.review.csv").open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=header, lineterminator="\r\n")
        writer.writeheader()
        writer.writerows(rows)
    applied = quire("apply", "filled.review.csv", "--to", "filled.xlsx", "-o", "final.xlsx", cwd=tmp_path)
    assert applied.returncode == 0, applied.stderr.decode()
    assert b"1 written into final.xlsx, 0 refused" in applied.stderr, applied.stderr.decode()


def test_the_loop_closes_on_a_csv_questionnaire(tmp_path: Path) -> None:
    """A CSV's one sheet is named after its file, so the filled copy's name differs from the
    questionnaire's the review list was made from; the decisions still apply by cell, and every
    accepted answer comes back from the library the next time, without review."""
    name = "initech-security-questionnaire.csv"
    shutil.copy(ROOT / "samples" / name, tmp_path / name)
    shutil.copytree(ROOT / "samples" / "library", tmp_path / "lib")
    first = quire("answer", name, "--library", "lib", "--as-of", "2026-11-29", "-o", "filled.csv", cwd=tmp_path)
    assert first.returncode == 0, first.stderr.decode()
    accepted = review_lists.accept(tmp_path / "filled.review.csv")
    assert accepted, "the sample has proposals"
    applied = quire("apply", "filled.review.csv", "--to", "filled.csv", "-o", "final.csv", "--learn",
                    "lib/answers.yaml", "--approved-by", "Dana Reviewer", "--library", "lib", cwd=tmp_path)
    assert applied.returncode == 0, applied.stderr.decode()
    assert b"0 refused" in applied.stderr, applied.stderr.decode()
    # The copy keeps the file's own encoding (Windows-1252) and separator (;).
    final = list(csv.reader(io.StringIO((tmp_path / "final.csv").read_text(encoding="cp1252"), newline=""),
                            delimiter=";"))
    for row in accepted:
        cell = row["answer_cell"].rpartition("!")[2].replace("$", "")
        column = ord(cell[0]) - ord("A")
        assert final[int(cell[1:]) - 1][column] == row["proposed_value"], row["id"]
    again = quire("answer", name, "--library", "lib", "--as-of", "2026-11-29", "-o", "again.json", cwd=tmp_path)
    assert again.returncode == 0, again.stderr.decode()
    answers = {answer["id"]: answer for answer in json.loads((tmp_path / "again.json").read_text())["answers"]}
    for row in accepted:
        answer = answers[row["id"]]
        assert answer["basis"] == "library" and not answer["review"], (row["id"], answer["review_reason"])


def test_the_loop_closes_on_vsaq_answers(tmp_path: Path) -> None:
    """VSAQ's filled copy is its answer JSON: apply reads it against the template (--template),
    writes the accepted answers as VSAQ stores them (a radio group's chosen choice "checked"),
    keeps every answer stored before, and refuses a decision on an item answered since."""
    shutil.copy(ROOT / "Tests" / "Fixtures" / "questionnaires" / "vsaq" / "webapp.json", tmp_path / "webapp.json")
    first = quire("answer", "webapp.json", "--library", str(ROOT / "samples" / "library"), "--as-of", "2026-11-29",
                  "-o", "filled.json", cwd=tmp_path)
    assert first.returncode == 0, first.stderr.decode()
    stored = json.loads((tmp_path / "filled.json").read_text(encoding="utf-8"))
    stored["application_notes_from_vendor"] = "Answered by hand before the review."
    (tmp_path / "filled.json").write_text(json.dumps(stored), encoding="utf-8")
    accepted = review_lists.accept(tmp_path / "filled.review.csv")
    groups = [row for row in accepted if "," in row["answer_cell"]]
    assert len(accepted) >= 5 and groups, "the sample library proposes texts and a radio group's choice"
    missing = quire("apply", "filled.review.csv", "--to", "filled.json", "-o", "final.json", cwd=tmp_path)
    assert missing.returncode == 64 and b"--template" in missing.stderr, missing.stderr.decode()
    applied = quire("apply", "filled.review.csv", "--to", "filled.json", "--template", "webapp.json",
                    "-o", "final.json", cwd=tmp_path)
    assert applied.returncode == 0, applied.stderr.decode()
    final = json.loads((tmp_path / "final.json").read_text(encoding="utf-8"))
    assert all(final.get(key) == value for key, value in stored.items()), "every earlier answer is kept"
    expected = dict(stored)
    for row in accepted:
        keys = row["answer_cell"].split(",")
        if len(keys) == 1:
            expected[keys[0]] = row["proposed_value"]
        else:
            chosen = [key for key in keys if key.endswith("_" + row["proposed_value"].lower())]
            assert len(chosen) == 1, row
            expected[chosen[0]] = "checked"
    assert final == expected
    again = quire("apply", "filled.review.csv", "--to", "final.json", "--template", "webapp.json",
                  "-o", "twice.json", cwd=tmp_path)
    assert again.returncode == 0, again.stderr.decode()
    assert f"0 written into twice.json, {len(accepted)} already there (applied before), 0 refused" \
        in again.stderr.decode(), again.stderr.decode()
    assert not (tmp_path / "twice.json").exists(), "nothing to write, no file"
    # One text answered otherwise by hand since: that decision alone is refused.
    text = next(row for row in accepted if "," not in row["answer_cell"])
    final[text["answer_cell"]] = "Changed by hand."
    (tmp_path / "final.json").write_text(json.dumps(final), encoding="utf-8")
    since = quire("apply", "filled.review.csv", "--to", "final.json", "--template", "webapp.json",
                  "-o", "since.json", cwd=tmp_path)
    assert since.returncode == 0, since.stderr.decode()
    stderr = since.stderr.decode()
    assert stderr.count("as when the review list was made") == 1 and "1 refused" in stderr, stderr

CORPUS = os.environ.get("QUIRE_CORPUS")

# Generated only when QUIRE_CORPUS is set (make test-corpus), as the corpus suite's tests are.
if CORPUS:
    @pytest.mark.corpus
    def test_the_loop_closes_on_another_programs_workbook(tmp_path: Path) -> None:
        """HECVAT (read in place: its licence keeps it out of the repository), filled by its vendor in
        part: every proposal accepted is written into exactly its cells, with the workbook's data
        validations and the cells the vendor had answered left as they were."""
        source = Path(CORPUS) / "questionnaires" / "hecvat" / "HECVAT3_OpenDSA_20220830.xlsx"
        shutil.copy(source, tmp_path / "hecvat.xlsx")
        shutil.copytree(ROOT / "samples" / "library", tmp_path / "lib")
        first = quire("answer", "hecvat.xlsx", "--library", "lib", "--as-of", "2026-11-29", "-o", "filled.xlsx",
                      cwd=tmp_path)
        assert first.returncode == 0, first.stderr.decode()
        accepted = review_lists.accept(tmp_path / "filled.review.csv",
                                         lambda row: bool(row["proposed_value"] and row["answer_cell"]))
        assert len(accepted) >= 20, "the sample library proposes answers for part of HECVAT"
        applied = quire("apply", "filled.review.csv", "--to", "filled.xlsx", "-o", "final.xlsx", cwd=tmp_path)
        assert applied.returncode == 0, applied.stderr.decode()
        assert f"{len(accepted)} written into final.xlsx, 0 refused".encode() in applied.stderr, applied.stderr.decode()
        before, after = cells(tmp_path / "filled.xlsx"), cells(tmp_path / "final.xlsx")
        expected: dict[tuple[str, str], object] = {}
        kept = []
        for row in accepted:
            expected[split(row["answer_cell"])] = row["proposed_value"]
            if row["comment_cell"] and row["proposed_comment"]:
                if before.get(split(row["comment_cell"])) is None:
                    expected[split(row["comment_cell"])] = row["proposed_comment"]
                else:
                    kept.append(row["id"])
        changed = {key: after.get(key) for key in set(before) | set(after) if before.get(key) != after.get(key)}
        assert changed == expected, "exactly the decided cells; a note the vendor left in a comment cell is kept"
        assert all(before.get(key) is None for key in expected), "only cells the vendor left empty"
        assert kept, "the vendor left a note beside an unanswered question (DATA-11)"
        for item in kept:
            assert f"item {item}: comment".encode() in applied.stderr and b"holds other text" in applied.stderr
        validations = lambda path: sorted((v.formula1, str(v.sqref)) for sheet in openpyxl.load_workbook(path)
                                          for v in sheet.data_validations.dataValidation)
        assert validations(tmp_path / "final.xlsx") == validations(source)


PRODUCT_QUESTIONS = [
    "Is multi-factor authentication enforced for administrator access?",
    "Is customer data encrypted at rest?",
    "Are penetration tests performed at least annually?",
    "Is there a documented incident response plan?",
]


def products_workbook(path: Path) -> None:
    """A sheet asking PRODUCT_QUESTIONS of two products side by side, answers by drop-down."""
    from openpyxl.worksheet.datavalidation import DataValidation

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Products"
    sheet.append(["Ref", "Question", "Response – Web portal", "Notes – Web portal", "Response – Mobile app",
                  "Notes – Mobile app"])
    for number, text in enumerate(PRODUCT_QUESTIONS, start=1):
        sheet.append([f"P-{number}", text, None, None, None, None])
    rule = DataValidation(type="list", formula1='"Yes,No,N/A"', allow_blank=True)
    rule.add("C2:C5")
    rule.add("E2:E5")
    sheet.add_data_validation(rule)
    book.save(path)


def test_each_product_learns_its_own_answer(tmp_path: Path) -> None:
    """The web portal encrypts at rest, the mobile app does not. The library's answer for the whole
    organisation ("Yes") is only proposed for each product; a reviewer accepts it for the web portal
    and changes it to "No" for the mobile app; `apply --learn` records two answers, each for its product (PyYAML reads them), neither
    replacing the other; the next questionnaire gets each product's own answer without review, one
    about a single product (`--product`) gets that product's, one about the organisation neither,
    and `library check` sees no conflict."""
    products_workbook(tmp_path / "products.xlsx")
    shutil.copytree(ROOT / "samples" / "library", tmp_path / "lib")
    first = quire("answer", "products.xlsx", "--library", "lib", "--as-of", "2026-11-29", "-o", "filled.xlsx",
                  cwd=tmp_path)
    assert first.returncode == 0, first.stderr.decode()
    review = tmp_path / "filled.review.csv"
    rows = list(csv.DictReader(io.StringIO(review.read_text(encoding="utf-8"), newline="")))
    product_of = {row["id"]: row["product"] for row in rows}
    assert product_of.get("P-2") == "Web portal" and product_of.get("P-2 [Mobile app]") == "Mobile app", product_of
    proposed = {row["id"]: row for row in rows}
    for item in ("P-2", "P-2 [Mobile app]"):
        row = proposed[item]
        assert row["proposed_value"] == "Yes" and \
            "approved for the whole organisation; check that it holds for " + row["product"] in row["reason"], row
        mobile = row["product"] == "Mobile app"
        row["decision"] = "Change" if mobile else "Accept"
        row["final_answer"] = "No" if mobile else ""
        row["final_comment"] = "The offline cache is not encrypted yet." if mobile else ""
    with review.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0].keys()), lineterminator="\r\n")
        writer.writeheader()
        writer.writerows(rows)
    learned_into = tmp_path / "lib" / "answers.yaml"
    before = yaml.safe_load(learned_into.read_text(encoding="utf-8"))["answers"]
    applied = quire("apply", "filled.review.csv", "--to", "filled.xlsx", "-o", "final.xlsx", "--learn",
                    str(learned_into), "--approved-by", "Dana Reviewer", "--library", "lib", cwd=tmp_path)
    assert applied.returncode == 0, applied.stderr.decode()
    assert b"replaces it" not in applied.stderr, applied.stderr.decode()
    after = yaml.safe_load(learned_into.read_text(encoding="utf-8"))["answers"]
    new = [entry for entry in after if entry["id"] not in {old["id"] for old in before}]
    assert sorted((entry["products"], entry["answer"]) for entry in new) == [(["Mobile app"], "No"),
                                                                           (["Web portal"], "Yes")], new
    assert all(entry["question"] == PRODUCT_QUESTIONS[1] for entry in new)
    assert not any(entry.get("products") for entry in before), "the sample library names no product"
    ids = {entry["products"][0]: entry["id"] for entry in new}

    products_workbook(tmp_path / "again.xlsx")
    second = quire("answer", "again.xlsx", "--library", "lib", "--as-of", "2026-11-29", "-o", "again-filled.xlsx",
                   "--answers", "again.json", cwd=tmp_path)
    assert second.returncode == 0, second.stderr.decode()
    answers = {a["id"]: a for a in json.loads((tmp_path / "again.json").read_text(encoding="utf-8"))["answers"]}
    web, mobile = answers["P-2"], answers["P-2 [Mobile app]"]
    assert (web["value"], web["library_entry"], web["review"], web["product"]) == (
        "Yes", ids["Web portal"], False, "Web portal"), web
    assert (mobile["value"], mobile["library_entry"], mobile["review"], mobile["product"]) == (
        "No", ids["Mobile app"], False, "Mobile app"), mobile
    written = cells(tmp_path / "again-filled.xlsx")
    assert written[("Products", "C3")] == "Yes" and written[("Products", "E3")] == "No"

    (tmp_path / "one.csv").write_text("ID,Question,Answer\nQ1," + PRODUCT_QUESTIONS[1] + ",\n", encoding="utf-8")
    for product, entry in (("Mobile app", ids["Mobile app"]), ("Web portal", ids["Web portal"]), (None, None)):
        chosen = ["--product", product] if product else []
        run = quire("answer", "one.csv", "--library", "lib", "--as-of", "2026-11-29", "--format", "json", *chosen,
                    cwd=tmp_path)
        assert run.returncode == 0, run.stderr.decode()
        (answer,) = json.loads(run.stdout)["answers"]
        assert answer["product"] == product and answer["library_entry"] not in (
            set(ids.values()) - {entry}), (product, answer)
        if entry:
            assert answer["library_entry"] == entry and answer["review"] is False, answer
    check = quire("library", "check", "lib", "--format", "json", cwd=tmp_path)
    findings = json.loads(check.stdout)["findings"]
    assert not [f for f in findings if set(f["entries"]) & set(ids.values())], findings


def test_the_loop_closes_on_two_products_answered_side_by_side(tmp_path: Path) -> None:
    """A sheet asking each question of two products ("Response – Web portal", "Notes – Web portal",
    then the same for "Mobile app"): one item per product, told apart by id, each proposal in its
    product's column, and every accepted decision written into the cell it was made for."""
    products_workbook(tmp_path / "products.xlsx")
    shutil.copytree(ROOT / "samples" / "library", tmp_path / "lib")

    described = json.loads(quire("inspect", "products.xlsx", "--format", "json", cwd=tmp_path).stdout)
    cells_of = {item["id"]: item["answer_cell"] for item in described["items"]}
    assert cells_of["P-1"] == "Products!$C$2" and cells_of["P-1 [Mobile app]"] == "Products!$E$2", cells_of
    assert len(cells_of) == 8
    comment = {item["id"]: item.get("comment_cell") for item in described["items"]}
    assert comment["P-2"] == "Products!$D$3" and comment["P-2 [Mobile app]"] == "Products!$F$3", comment

    first = quire("answer", "products.xlsx", "--library", "lib", "--as-of", "2026-11-29", "-o", "filled.xlsx",
                  cwd=tmp_path)
    assert first.returncode == 0, first.stderr.decode()
    accepted = review_lists.accept(tmp_path / "filled.review.csv", lambda row: row["proposed_value"] in ("Yes", "No"))
    assert {split(row["answer_cell"])[1][0] for row in accepted} >= {"C", "E"}, "proposals for both products"
    applied = quire("apply", "filled.review.csv", "--to", "filled.xlsx", "-o", "final.xlsx", cwd=tmp_path)
    assert applied.returncode == 0 and b"0 refused" in applied.stderr, applied.stderr.decode()
    before, after = cells(tmp_path / "filled.xlsx"), cells(tmp_path / "final.xlsx")
    written = {split(row["answer_cell"]): row["proposed_value"] for row in accepted}
    assert {key: after[key] for key in written} == written
    assert {key for key in after if after.get(key) != before.get(key)} <= set(written) | {
        split(row["comment_cell"]) for row in accepted if row["comment_cell"]}
