"""`quire inspect --format json` against Schemas/questionnaire.schema.json, on every workbook and
CSV file among the fixtures and samples: whatever the file, quire either reads it into a document
that fits the schema or refuses it with exit status 65, never a crash."""
from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import jsonschema
import pytest

ROOT = Path(__file__).resolve().parents[2]
SCHEMA = json.loads((ROOT / "Schemas" / "questionnaire.schema.json").read_text())
FILES = sorted(
    p for folder in (ROOT / "Tests" / "Fixtures", ROOT / "samples")
    for p in folder.rglob("*")
    if p.suffix.lower() in {".xlsx", ".xlsm", ".csv", ".json"}
)


def test_schema_is_valid() -> None:
    jsonschema.Draft202012Validator.check_schema(SCHEMA)


def test_there_are_files_to_inspect() -> None:
    assert len(FILES) >= 20


@pytest.mark.quire
@pytest.mark.parametrize("path", FILES, ids=lambda p: str(p.relative_to(ROOT)))
def test_inspect_output_fits_the_schema(path: Path) -> None:
    result = subprocess.run(
        [os.environ["QUIRE_BIN"], "inspect", str(path), "--format", "json"],
        capture_output=True, timeout=120,
    )
    if result.returncode == 65:
        assert result.stdout == b"" and result.stderr.startswith(b"error: "), result.stderr
        return
    assert result.returncode == 0, result.stderr.decode("utf-8", "replace")
    document = json.loads(result.stdout)
    jsonschema.validate(document, SCHEMA)
    counted = sum(sheet["item_count"] for sheet in document["sheets"])
    assert counted == len(document["items"])
    for item in document["items"]:
        if item["sheet"] is not None:
            assert any(s["sheet"] == item["sheet"] and s["status"] == "questionnaire" for s in document["sheets"])


@pytest.mark.quire
def test_the_sample_questionnaire_is_read_whole() -> None:
    result = subprocess.run(
        [os.environ["QUIRE_BIN"], "inspect", str(ROOT / "samples" / "questionnaire.xlsx"), "--format", "json"],
        capture_output=True, check=True,
    )
    document = json.loads(result.stdout)
    # 14 questions in four sections (samples/make_samples.py); the "Answered:" count row is no item.
    assert len(document["items"]) == 14
    assert all(item["allowed_answers"] == ["Yes", "No", "N/A", "Partially"] for item in document["items"])
    assert [s["status"] for s in document["sheets"]] == ["questionnaire", "ignored"]


@pytest.mark.quire
def test_a_profile_given_as_yaml_decides_the_layout(tmp_path: Path) -> None:
    """Two long-text columns make detection guess; a profile file says which is which."""
    import csv

    path = tmp_path / "review.csv"
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["Ref", "Background", "Ask", "Reply", "Why"])
        writer.writerow(["R1", "Is this background text a question?", "Do you rotate keys yearly?", "", ""])
        writer.writerow(["R2", "Is this background text a question too?", "Do you log admin actions?", "Yes", "SIEM"])
    profile = tmp_path / "review.yaml"
    profile.write_text(
        "name: acme-review\n"
        "match: {sheets: [review]}\n"
        "sheets:\n"
        "  - name: review\n"
        "    header_row: 1\n"
        "    columns: {id: Ref, question: Ask, answer: Reply, comment: Why}\n"
        "    allowed_answers: ['Yes', 'No']\n"
    )
    result = subprocess.run(
        [os.environ["QUIRE_BIN"], "inspect", str(path), "--profile", str(profile), "--format", "json"],
        capture_output=True, check=True,
    )
    document = json.loads(result.stdout)
    jsonschema.validate(document, SCHEMA)
    assert document["profile"] == "acme-review"
    assert [item["question"] for item in document["items"]] == ["Do you rotate keys yearly?", "Do you log admin actions?"]
    assert [item["answer_cell"].split("!")[1] for item in document["items"]] == ["$D$2", "$D$3"]
    assert document["items"][1]["existing_comment"] == "SIEM"
    assert all(item["allowed_answers"] == ["Yes", "No"] for item in document["items"])
    missing = subprocess.run(
        [os.environ["QUIRE_BIN"], "inspect", str(path), "--profile", str(tmp_path / "none.yaml")], capture_output=True
    )
    assert missing.returncode == 66 and b"none.yaml" in missing.stderr
