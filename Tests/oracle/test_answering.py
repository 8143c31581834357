"""`quire map` and `quire answer` on the sample questionnaires with the sample library: the
JSON fits its schema, and the answers keep the promises Quire makes, checked here against the
answer key written with the samples (samples/questionnaires-key.yaml), not against quire's own
output: nothing affirmative without a basis, no "Yes" to a risk-phrased question, no answer
that contradicts the key, "don't know" never written as N/A."""
from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import jsonschema
import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ["globex-vendor-assessment.xlsx", "initech-security-questionnaire.csv", "contoso-cloud-review.xlsx"]
KEY = yaml.safe_load((ROOT / "samples" / "questionnaires-key.yaml").read_text())
KEY_ITEMS = KEY["questions"]
VERDICTS = {"y": "Yes", "yes": "Yes", "n": "No", "no": "No", "n/a": "N/A", "na": "N/A", "not applicable": "N/A",
            "partial": "Partially", "partially": "Partially"}


def run(*args: str) -> dict:
    result = subprocess.run([os.environ["QUIRE_BIN"], *args], capture_output=True, cwd=ROOT, timeout=120)
    assert result.returncode == 0, result.stderr.decode("utf-8", "replace")
    return json.loads(result.stdout)


def answers(sample: str) -> dict:
    return run("answer", f"samples/{sample}", "--library", "samples/library", "--as-of", "2026-11-29", "--format", "json")


@pytest.mark.quire
@pytest.mark.parametrize("sample", SAMPLES)
def test_map_fits_its_schema(sample: str) -> None:
    document = run("map", f"samples/{sample}", "--library", "samples/library", "--format", "json")
    jsonschema.validate(document, json.loads((ROOT / "Schemas" / "map.schema.json").read_text()))
    assert document["items"], "no items"
    assert all(item["controls"] for item in document["items"]), "an item matched no control"


@pytest.mark.quire
@pytest.mark.parametrize("sample", SAMPLES)
def test_answers_keep_their_promises(sample: str) -> None:
    document = answers(sample)
    jsonschema.validate(document, json.loads((ROOT / "Schemas" / "answers.schema.json").read_text()))
    summary = document["summary"]
    assert summary["answered"] + summary["review"] + summary["unanswered"] == summary["items"] == len(document["answers"])
    by_row = {(a["sheet"], a["row"]): a for a in document["answers"]}
    for answer in document["answers"]:
        cited = [evidence["id"] for evidence in answer["evidence"]]
        assert len(cited) == len(set(cited)), f"evidence cited twice (two controls resting on it): {answer['id']}"
    contradictions = []
    for expected in (e for e in KEY_ITEMS if e["file"].endswith(sample)):
        sheet = expected.get("sheet")
        answer = next(a for (s, r), a in by_row.items() if r == expected["row"] and (sheet is None or s == sheet))
        value = VERDICTS.get((answer["value"] or "").strip().lower())
        if answer["value"] is not None and answer["basis"] in ("controls-implemented", "library") and value == "Yes":
            assert answer["controls"] or answer["library_entry"], f"Yes without a basis: {answer}"
        if expected.get("risk_phrased"):
            assert value != "Yes", f"Yes to a risk-phrased question: {answer['question']}"
        if value == "N/A":
            assert answer["basis"] in ("not-applicable", "library", "existing"), f"N/A without a basis: {answer}"
        if value is not None and expected["answer"] in ("Yes", "No", "N/A") and value in ("Yes", "No", "N/A"):
            if value != expected["answer"] and not answer["review"]:
                contradictions.append((expected["row"], expected["answer"], value, answer["question"]))
    assert not contradictions, f"answers written without review that contradict the key: {contradictions}"


@pytest.mark.quire
def test_answering_is_deterministic() -> None:
    assert answers(SAMPLES[0]) == answers(SAMPLES[0])


@pytest.mark.quire
def test_library_check_reports_conflicts(tmp_path: Path) -> None:
    library = tmp_path / "answers.yaml"
    library.write_text(
        "answers:\n"
        "  - {id: A1, question: Do you encrypt customer data at rest?, answer: 'Yes'}\n"
        "  - {id: A2, question: Is customer data encrypted at rest?, answer: 'No'}\n"
        "  - {id: A3, question: Do you run annual penetration tests?, answer: 'Yes', controls: [NOPE-1]}\n"
    )
    result = subprocess.run(
        [os.environ["QUIRE_BIN"], "library", "check", str(library), "--format", "json"], capture_output=True
    )
    assert result.returncode == 65, result.stderr
    findings = json.loads(result.stdout)["findings"]
    kinds = sorted(f["kind"] for f in findings)
    assert "conflict" in kinds and "unknown-reference" in kinds, findings
    conflict = next(f for f in findings if f["kind"] == "conflict")
    assert sorted(conflict["entries"]) == ["A1", "A2"]


@pytest.mark.quire
def test_a_previously_filled_questionnaire_is_a_source_of_answers(tmp_path: Path) -> None:
    import csv

    filled = tmp_path / "last-year.csv"
    with filled.open("w", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["ID", "Question", "Answer", "Comments"])
        writer.writerow(["1", "Do you sponsor the annual regional hackathon for students?", "Yes", "Every spring."])
    fresh = tmp_path / "this-year.csv"
    with fresh.open("w", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["ID", "Question", "Answer", "Comments"])
        writer.writerow(["Q1", "Do you sponsor an annual regional hackathon for students?", "", ""])
    without = run("answer", str(fresh), "--as-of", "2026-11-29", "--format", "json")
    assert without["answers"][0]["value"] is None
    document = run("answer", str(fresh), "--previous", str(filled), "--as-of", "2026-11-29", "--format", "json")
    answer = document["answers"][0]
    assert answer["basis"] == "previous-answer"
    assert answer["value"] == "Yes" and answer["comment"] == "Every spring."
    assert answer["library_entry"] == "last-year.csv#1"
    assert answer["review"], "answers from an earlier questionnaire are not approved library answers"


@pytest.mark.quire
@pytest.mark.parametrize("sample", SAMPLES)
def test_a_first_run_says_why_derived_answers_are_not_written(sample: str) -> None:
    result = subprocess.run([os.environ["QUIRE_BIN"], "answer", f"samples/{sample}", "--library", "samples/library",
                             "--as-of", "2026-11-29", "--format", "json"], capture_output=True, cwd=ROOT, timeout=120)
    assert result.returncode == 0, result.stderr.decode("utf-8", "replace")
    held = [a for a in json.loads(result.stdout)["answers"]
            if (a["review_reason"] or "").startswith("answers derived from controls are proposed, not written")]
    stderr = result.stderr.decode()
    if held:
        noun = "answer" if len(held) == 1 else "answers"
        assert f"{len(held)} {noun} derived from controls and otherwise ready" in stderr, stderr
    else:
        assert "otherwise ready" not in stderr, stderr
