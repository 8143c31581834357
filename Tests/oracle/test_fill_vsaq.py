"""`quire answer TEMPLATE.json -o ANSWERS.json` on the VSAQ templates writes VSAQ's own answer
format: a JSON object from answer keys to values. Every key is an id the template defines (found
in the template's text by a regular expression, independently of quire's reader), every value is
one VSAQ stores ("checked", "yes", "no", or text), and exactly the answers quire reports as not
needing review are there."""
from __future__ import annotations

import json
import os
import re
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
TEMPLATES = sorted((ROOT / "Tests" / "Fixtures" / "questionnaires" / "vsaq").glob("*.json"))


@pytest.mark.quire
@pytest.mark.parametrize("template", [t for t in TEMPLATES if "extension" not in t.name], ids=lambda p: p.name)
def test_vsaq_answers_use_the_templates_keys(template: Path, tmp_path: Path) -> None:
    out, report = tmp_path / "answers.json", tmp_path / "report.json"
    result = subprocess.run(
        [os.environ["QUIRE_BIN"], "answer", str(template), "--library", str(ROOT / "samples" / "library"),
         "--as-of", "2026-11-29", "-o", str(out), "--answers", str(report)],
        capture_output=True, timeout=120,
    )
    assert result.returncode == 0, result.stderr.decode("utf-8", "replace")
    answers = json.loads(out.read_text())
    assert isinstance(answers, dict)
    ids = set(re.findall(r'"?id"?\s*:\s*"([^"]+)"', template.read_text()))
    ids |= set(re.findall(r'\{\s*"([^"]+)"\s*:', template.read_text()))  # choice ids: [{"id": "label"}]
    assert set(answers) <= ids, set(answers) - ids
    for value in answers.values():
        assert isinstance(value, str) and value
    written = [a for a in json.loads(report.read_text())["answers"] if not a["review"] and a["value"] is not None]
    for answer in written:
        keys = set((answer["answer_cell"] or "").split(","))
        assert keys & set(answers), f"{answer['id']} was answered but not written"
    assert (tmp_path / "answers.review.csv").exists()
    # The same inputs give the same bytes.
    again = tmp_path / "again.json"
    subprocess.run(
        [os.environ["QUIRE_BIN"], "answer", str(template), "--library", str(ROOT / "samples" / "library"),
         "--as-of", "2026-11-29", "-o", str(again)],
        capture_output=True, check=True, timeout=120,
    )
    assert again.read_bytes() == out.read_bytes()
