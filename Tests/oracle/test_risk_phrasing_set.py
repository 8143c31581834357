"""The risk-phrasing sets bench/labelled/risk-phrasing-a.yaml, -b, -c, -e and -g (tuning), and -d
and -f (held out).

a to d were written on 2026-12-06 and e to g on 2026-12-07, by helpers that had not seen quire's
code. The checks: the sets are well formed (format, ids RA- to RG- numbered from 001, a question
and a boolean label each, about 40% risk-phrased), they share no question with each other or with
the labelled questionnaires, and, on the parts the rules were fitted to (e and g after their
blind first runs), quire's test keeps at least 95% recall and precision on each (85% recall on g,
the newest, at 86.7%); a fall would be a regression. Parts d and f are only measured, by
bench/risk_phrasing.py, never asserted: an assertion on them would invite fitting to them.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "bench"))
import risk_phrasing  # noqa: E402  (bench/risk_phrasing.py: how quire's verdicts are read and scored)

LABELLED = ROOT / "bench" / "labelled"
PARTS = {
    "a": (LABELLED / "risk-phrasing-a.yaml", "RA"),
    "b": (LABELLED / "risk-phrasing-b.yaml", "RB"),
    "c": (LABELLED / "risk-phrasing-c.yaml", "RC"),
    "d": (LABELLED / "risk-phrasing-d.yaml", "RD"),
    "e": (LABELLED / "risk-phrasing-e.yaml", "RE"),
    "f": (LABELLED / "risk-phrasing-f.yaml", "RF"),
    "g": (LABELLED / "risk-phrasing-g.yaml", "RG"),
}
TUNING = ("a", "b", "c", "e", "g")
OTHER_SETS = ("questions.yaml", "fresh.yaml", "fresh2.yaml", "fresh3.yaml", "fresh4.yaml", "fresh5.yaml")


def load(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def normalised(text: str) -> str:
    return " ".join(re.findall(r"[a-z0-9]+", text.lower()))


@pytest.mark.parametrize("part", sorted(PARTS))
def test_set_is_well_formed(part):
    path, prefix = PARTS[part]
    document = load(path)
    assert document["format"] == "quire-risk-phrasing/1"
    assert "without seeing" in " ".join(document["note"].split()), "the note says how blind the set is"
    questions = document["questions"]
    assert len(questions) >= 120
    assert [q["id"] for q in questions] == [f"{prefix}-{n:03d}" for n in range(1, len(questions) + 1)]
    for q in questions:
        assert isinstance(q["question"], str) and len(q["question"].split()) >= 4, q["id"]
        assert isinstance(q["risk"], bool), q["id"]
    share = sum(q["risk"] for q in questions) / len(questions)
    assert 0.3 <= share <= 0.5, f"{part}: {share:.0%} risk-phrased"


def test_no_question_twice_across_the_sets():
    seen: dict[str, str] = {}
    for name in [*(str(path) for path, _ in PARTS.values()), *(str(LABELLED / n) for n in OTHER_SETS)]:
        for q in load(Path(name))["questions"]:
            key = normalised(q["question"])
            assert key not in seen, f"{q['id']} repeats {seen[key]}"
            seen[key] = q["id"]


@pytest.mark.quire
@pytest.mark.parametrize("part", TUNING)
def test_tuning_parts_stay_recognised(quire_bin, part):
    questions = load(PARTS[part][0])["questions"]
    said = risk_phrasing.verdicts(str(quire_bin), questions)
    assert set(said) == {q["id"] for q in questions}
    scored = risk_phrasing.score(questions, said)
    found, alarms, risky = scored["tp"], scored["fp"], scored["risk"]
    # g, the newest tuning part, is held to what its rules reached (52 of 60), the others to 95%.
    assert found / risky >= (0.85 if part == "g" else 0.95), f"recall {found}/{risky}"
    assert found / (found + alarms) >= 0.95, f"precision {found}/{found + alarms}"


@pytest.mark.quire
@pytest.mark.parametrize("part", TUNING)
def test_no_yes_is_written_to_a_risk_question(quire_bin, part):
    """Answered from the sample library, no risk-phrased question of a tuning part gets a "Yes"
    written without review, and some answers are written (the check is not vacuous)."""
    answered = risk_phrasing.answered(str(quire_bin), load(PARTS[part][0])["questions"])
    assert answered["items"] >= 140 and answered["risk"] == 60
    assert answered["written_yes_on_risk"] == 0, answered
    assert answered["written"] > 0, answered
