"""Sanity checks on the labelled questionnaires bench/labelled/questions.yaml and fresh.yaml … fresh5.yaml (no quire needed).

The set is what bench/accuracy.py measures `quire map` and `quire answer` against, so it must be
well formed: enough questions, unique ids, requirement ids that exist in Catalogs/ for their
framework, answers from the allowed set, enough risk-phrased items, a questions.csv that is exactly
what make_csv.py writes, and questions that are independent of the texts quire matches against
(no run of 8 consecutive words shared with a control description in Catalogs/controls.yaml or a
question in samples/library/answers.yaml). The tuning / held-out split in bench/labelled/split.yaml
names only existing ids, covers every question, and is exactly what its stated rule gives.
fresh.yaml … fresh4.yaml (each written later, held out for its blind runs, then
tuning) and fresh5.yaml (written after those, all held out) pass the same checks, with their own
ids, and each is also independent of the sets written before it.
"""

from __future__ import annotations

import csv
import hashlib
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
LABELLED = ROOT / "bench" / "labelled"
QUESTIONS_YAML = LABELLED / "questions.yaml"
QUESTIONS_CSV = LABELLED / "questions.csv"
MAKE_CSV = LABELLED / "make_csv.py"
FRESH_YAML = LABELLED / "fresh.yaml"
FRESH_CSV = LABELLED / "fresh.csv"
FRESH2_YAML = LABELLED / "fresh2.yaml"
FRESH2_CSV = LABELLED / "fresh2.csv"
FRESH3_YAML = LABELLED / "fresh3.yaml"
FRESH3_CSV = LABELLED / "fresh3.csv"
FRESH4_YAML = LABELLED / "fresh4.yaml"
FRESH4_CSV = LABELLED / "fresh4.csv"
FRESH5_YAML = LABELLED / "fresh5.yaml"
FRESH5_CSV = LABELLED / "fresh5.csv"
SPLIT_YAML = LABELLED / "split.yaml"
SPLIT_PY = LABELLED / "split.py"
CATALOGS = ROOT / "Catalogs"

FRAMEWORKS = ("iso27001-2022", "soc2-2017", "gdpr")
ALLOWED_ANSWERS = {"Yes", "No", "N/A", "Partially", "review"}
SHARED_RUN = 8  # words


def load(path: Path) -> list[dict]:
    with open(path, encoding="utf-8") as handle:
        return yaml.safe_load(handle)["questions"]


@pytest.fixture(scope="module")
def questions() -> list[dict]:
    return load(QUESTIONS_YAML)


# name: (yaml, csv, id pattern, at least this many questions, risk items, reviews, honest Noes)
SETS = {
    "questions": (QUESTIONS_YAML, QUESTIONS_CSV, r"L-\d{3}", 150, 10, 5, 5),
    "fresh": (FRESH_YAML, FRESH_CSV, r"F-\d{3}", 80, 5, 5, 5),
    "fresh2": (FRESH2_YAML, FRESH2_CSV, r"G-\d{3}", 80, 5, 5, 5),
    "fresh3": (FRESH3_YAML, FRESH3_CSV, r"H-\d{3}", 80, 5, 5, 5),
    "fresh4": (FRESH4_YAML, FRESH4_CSV, r"I-\d{3}", 80, 5, 5, 5),
    "fresh5": (FRESH5_YAML, FRESH5_CSV, r"J-\d{3}", 80, 5, 5, 5),
}
# The sets in the order they were written: each must be independent of those before it.
ORDER = ("questions", "fresh", "fresh2", "fresh3", "fresh4", "fresh5")


@pytest.fixture(scope="module", params=sorted(SETS))
def labelled(request) -> tuple[str, list[dict]]:
    return request.param, load(SETS[request.param][0])


def catalog_ids(name: str, normalise=lambda s: s) -> set[str]:
    with open(CATALOGS / name, encoding="utf-8", newline="") as handle:
        return {normalise(row["id"].strip()) for row in csv.DictReader(handle)}


@pytest.fixture(scope="module")
def known_ids() -> dict[str, set[str]]:
    return {
        "iso27001-2022": catalog_ids("iso27001-2022.csv"),
        "soc2-2017": catalog_ids("soc2-tsc-2017.csv"),
        "gdpr": catalog_ids("gdpr.csv", lambda s: re.sub(r"^Art\.\s*", "Art.", s)),
    }


def test_enough_questions(labelled):
    name, questions = labelled
    assert len(questions) >= SETS[name][3]


def test_ids_unique_and_well_formed(labelled):
    name, questions = labelled
    ids = [item["id"] for item in questions]
    assert len(ids) == len(set(ids)), sorted({i for i in ids if ids.count(i) > 1})
    bad = [i for i in ids if not re.fullmatch(SETS[name][2], str(i))]
    assert not bad, bad


def test_questions_are_text(labelled):
    _, questions = labelled
    bad = [item["id"] for item in questions if not isinstance(item.get("question"), str) or len(item["question"].split()) < 5]
    assert not bad, bad


def test_requirements_exist_in_catalogs(labelled, known_ids):
    _, questions = labelled
    problems = []
    for item in questions:
        requirements = item.get("requirements") or {}
        if set(requirements) != set(FRAMEWORKS):
            problems.append(f"{item['id']}: requirement keys {sorted(requirements)}")
            continue
        for framework in FRAMEWORKS:
            ids = requirements[framework]
            if not isinstance(ids, list):
                problems.append(f"{item['id']}: {framework} is not a list")
                continue
            if framework != "gdpr" and not ids:
                problems.append(f"{item['id']}: {framework} is empty")
            if len(ids) > 3:
                problems.append(f"{item['id']}: {framework} has {len(ids)} ids (at most 3)")
            if len(ids) != len(set(ids)):
                problems.append(f"{item['id']}: {framework} repeats an id")
            for requirement in ids:
                if not isinstance(requirement, str) or requirement not in known_ids[framework]:
                    problems.append(f"{item['id']}: {framework} {requirement!r} is not in Catalogs/")
    assert not problems, "\n".join(problems)


def test_answers_in_allowed_set(labelled):
    _, questions = labelled
    bad = [(item["id"], item.get("answer")) for item in questions if item.get("answer") not in ALLOWED_ANSWERS]
    assert not bad, bad


def test_enough_risk_items_and_none_labelled_yes(labelled):
    name, questions = labelled
    risk = [item for item in questions if item.get("risk") is True]
    assert len(risk) >= SETS[name][4]
    assert all(item.get("risk") in (None, True) for item in questions), "risk is either true or absent"
    # A risk item is phrased so that "Yes" is the bad answer. Where the company's honest answer is
    # still "Yes" (the library admits the weakness), the label must say why, as for any other
    # answer that is not a plain good "Yes".
    assert not [item["id"] for item in risk if item["answer"] == "Yes" and not str(item.get("why") or "").strip()]


def test_some_items_need_review_or_an_honest_no(labelled):
    name, questions = labelled
    assert sum(1 for item in questions if item["answer"] == "review") >= SETS[name][5]
    assert sum(1 for item in questions if item["answer"] == "No" and not item.get("risk")) >= SETS[name][6]


def test_every_non_yes_label_says_why(labelled):
    _, questions = labelled
    bad = [item["id"] for item in questions if item["answer"] != "Yes" and not str(item.get("why") or "").strip()]
    assert not bad, bad


def test_questions_csv_is_generated_by_make_csv(labelled, tmp_path):
    name, _ = labelled
    source, target = SETS[name][0], SETS[name][1]
    out = tmp_path / target.name
    subprocess.run([sys.executable, str(MAKE_CSV), "--yaml", str(source), "--out", str(out)], check=True)
    assert target.read_bytes() == out.read_bytes(), (
        f"{target.relative_to(ROOT)} is out of date; run .venv/bin/python bench/labelled/make_csv.py"
        + ("" if name == "questions" else f" --yaml {source.relative_to(ROOT)} --out {target.relative_to(ROOT)}")
    )


def test_questions_csv_matches_yaml(labelled):
    name, questions = labelled
    with open(SETS[name][1], encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    assert rows[0] == ["ID", "Question", "Answer"]
    assert [row[0] for row in rows[1:]] == [item["id"] for item in questions]
    assert all(row[2] == "" for row in rows[1:])


def words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9]+", text.lower())


def runs(text: str, n: int = SHARED_RUN) -> set[tuple[str, ...]]:
    w = words(text)
    return {tuple(w[i : i + n]) for i in range(len(w) - n + 1)}


def test_the_sets_share_no_id():
    seen: set[str] = set()
    for name in ORDER:
        ids = {item["id"] for item in load(SETS[name][0])}
        assert not seen & ids, (name, sorted(seen & ids))
        seen |= ids


def test_questions_independent_of_controls_and_library(labelled):
    name, questions = labelled
    with open(CATALOGS / "controls.yaml", encoding="utf-8") as handle:
        controls = yaml.safe_load(handle)["controls"]
    with open(ROOT / "samples" / "library" / "answers.yaml", encoding="utf-8") as handle:
        answers = yaml.safe_load(handle)["answers"]
    sources: dict[tuple[str, ...], str] = {}
    for control in controls:
        for run in runs(control["description"]):
            sources.setdefault(run, f"{control['id']} description")
    for answer in answers:
        for run in runs(answer["question"]):
            sources.setdefault(run, f"{answer['id']} question")
    for earlier in ORDER[: ORDER.index(name)]:  # written later: not from the earlier sets either
        for item in load(SETS[earlier][0]):
            for run in runs(item["question"]):
                sources.setdefault(run, f"{item['id']} question")
    problems = []
    for item in questions:
        for run in sorted(runs(item["question"])):
            if run in sources:
                problems.append(f"{item['id']} shares {' '.join(run)!r} with {sources[run]}")
    assert not problems, "\n".join(problems)


@pytest.fixture(scope="module")
def split() -> dict:
    with open(SPLIT_YAML, encoding="utf-8") as handle:
        return yaml.safe_load(handle)


def test_split_names_only_existing_ids_and_covers_every_question(split, questions):
    ids = [item["id"] for item in questions]
    covers, held = list(split["covers"]), list(split["held_out"])
    assert split["format"] == "quire-labelled-split/1"
    assert len(covers) == len(set(covers)) and len(held) == len(set(held))
    assert not sorted(set(covers) - set(ids)), "split.yaml covers ids that are not in questions.yaml"
    assert not sorted(set(held) - set(covers)), "split.yaml holds out ids it does not cover"
    uncovered = [i for i in ids if i not in set(covers)]
    assert not uncovered, (
        f"questions added after the split: {uncovered}; the rule is not re-run over a larger set "
        "(it would move existing items between parts): a person makes a new split, see split.yaml"
    )


def test_split_is_reproduced_by_its_rule(split, questions):
    """Re-derives the rule stated in split.yaml's header, independently of split.py."""
    covered = set(split["covers"])
    strata: dict[tuple, list[str]] = {}
    for item in questions:
        if item["id"] in covered:
            key = (item["answer"], bool(item.get("risk")), bool(item["requirements"]["gdpr"]))
            strata.setdefault(key, []).append(item["id"])
    expected = set()
    for ids in strata.values():
        ordered = sorted(ids, key=lambda i: hashlib.sha256(i.encode("utf-8")).hexdigest())
        expected.update(ordered[: (35 * len(ordered) + 50) // 100])
    assert set(split["held_out"]) == expected
    assert list(split["held_out"]) == [item["id"] for item in questions if item["id"] in expected], "questions.yaml order"
    subprocess.run([sys.executable, str(SPLIT_PY)], check=True)


def test_split_parts_hold_every_label_and_framework(split, questions):
    held = set(split["held_out"])
    for part, items in (("held-out", [q for q in questions if q["id"] in held]),
                        ("tuning", [q for q in questions if q["id"] not in held])):
        assert {q["answer"] for q in items} == ALLOWED_ANSWERS, part
        assert any(q.get("risk") for q in items), part
        for framework in FRAMEWORKS:
            assert sum(1 for q in items if q["requirements"][framework]) >= 10, (part, framework)
    assert 0.30 <= len(held) / len(questions) <= 0.40
