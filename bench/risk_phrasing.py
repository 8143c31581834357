#!/usr/bin/env python3
"""How well quire tells risk-phrased questions ("Yes" is the bad answer) from the others.

Seven sets written for this by helpers that had not seen quire's code, results or (for c to g)
the other sets: `bench/labelled/risk-phrasing-a.yaml` … `-g.yaml` (a–d on 2026-12-06, e–g on
2026-12-07), about 150 questions each, 60 risk-phrased. Parts **a**, **b**, **c**, **e** and
**g** are the tuning part: their misses were read and rules fitted to them (b, c, e and g were
each held out for their first runs, then promoted; blind runs: e 42 of 60 found with 2 false
alarms, g 31 of 60 with 6). Parts **d** and **f** (f and g written as sector customers ask:
hospitals, payment firms, federal contractors, public bodies, law firms, retailers, investors)
are held out: only their counts are ever printed. Quire's verdict is `risk_phrased` from `quire
debug signals` (the same test that keeps a risk question from an unreviewed "Yes").

    QUIRE_BIN=.build/debug/quire .venv/bin/python bench/risk_phrasing.py [--misses]

`--misses` lists the tuning parts' misclassified questions. Exit 1 when quire fails to run.

A second table is what a miss would cost: every set answered by `quire answer` from the sample
library (`samples/library`, as of 2026-11-29, answers Yes/No/N/A), counting the "Yes" answers to
risk-phrased questions written without review (the damaging error) and those only proposed for
review, beside all answers written without review.
"""

from __future__ import annotations

import csv
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

import yaml

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
PARTS = {
    "tuning (a)": BENCH / "labelled" / "risk-phrasing-a.yaml",
    "tuning (b)": BENCH / "labelled" / "risk-phrasing-b.yaml",
    "tuning (c)": BENCH / "labelled" / "risk-phrasing-c.yaml",
    "held-out (d)": BENCH / "labelled" / "risk-phrasing-d.yaml",
    "tuning (e)": BENCH / "labelled" / "risk-phrasing-e.yaml",
    "held-out (f)": BENCH / "labelled" / "risk-phrasing-f.yaml",
    "tuning (g)": BENCH / "labelled" / "risk-phrasing-g.yaml",
}
TUNING = ("tuning (a)", "tuning (b)", "tuning (c)", "tuning (e)", "tuning (g)")


def load(path: Path) -> list[dict]:
    document = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert document.get("format") == "quire-risk-phrasing/1", f"{path}: unknown format"
    return document["questions"]


def run_on(quire: str, questions: list[dict], command: list[str], *options: str) -> bytes:
    """quire's standard output for `command` on the questions as a CSV questionnaire, with `options`."""
    with tempfile.TemporaryDirectory(prefix="quire-risk-") as tmp:
        path = Path(tmp) / "questions.csv"
        with path.open("w", newline="", encoding="utf-8") as handle:
            writer = csv.writer(handle)
            writer.writerow(["ID", "Question", "Answer (Yes/No/N/A)"])
            for q in questions:
                writer.writerow([q["id"], q["question"], ""])
        process = subprocess.run([quire, *command, str(path), *options], capture_output=True, timeout=300, cwd=ROOT)
    if process.returncode != 0:
        sys.exit(f"quire {' '.join(command)} failed: {process.stderr.decode(errors='replace')}")
    return process.stdout


def verdicts(quire: str, questions: list[dict]) -> dict[str, bool]:
    """quire's risk_phrased per question id."""
    rows = json.loads(run_on(quire, questions, ["debug", "signals"]))
    return {row["id"]: bool(row["risk_phrased"]) for row in rows}


def answered(quire: str, questions: list[dict]) -> dict:
    """What `quire answer` does with the risk-phrased questions, from the sample library."""
    answers = json.loads(run_on(quire, questions, ["answer"], "--library", "samples/library", "--as-of", "2026-11-29",
                                "--format", "json"))["answers"]
    risk = {q["id"]: q["risk"] for q in questions}
    yes = [a for a in answers if risk[a["id"]] and a["value"] == "Yes"]
    return {"risk": sum(risk.values()), "written_yes_on_risk": sum(1 for a in yes if not a["review"]),
            "proposed_yes_on_risk": sum(1 for a in yes if a["review"]),
            "written": sum(1 for a in answers if a["value"] and not a["review"]), "items": len(answers)}


def score(questions: list[dict], said: dict[str, bool]) -> dict:
    tp = sum(1 for q in questions if q["risk"] and said[q["id"]])
    fp = sum(1 for q in questions if not q["risk"] and said[q["id"]])
    fn = sum(1 for q in questions if q["risk"] and not said[q["id"]])
    tn = len(questions) - tp - fp - fn
    return {"items": len(questions), "risk": tp + fn, "tp": tp, "fp": fp, "fn": fn, "tn": tn,
            "precision": tp / (tp + fp) if tp + fp else None, "recall": tp / (tp + fn) if tp + fn else None}


def pct(value: float | None) -> str:
    return "-" if value is None else f"{100 * value:.1f}%"


def main() -> int:
    quire = os.environ.get("QUIRE_BIN") or str(ROOT / ".build" / "release" / "quire")
    results = {}
    print("risk-phrased questions (\"Yes\" is the bad answer): quire's test against the labels")
    print(f"{'part':<14} {'items':>5} {'risk':>5} {'found':>6} {'missed':>6} {'false alarms':>12} {'recall':>7} {'precision':>9}")
    for name, path in PARTS.items():
        questions = load(path)
        said = verdicts(quire, questions)
        s = score(questions, said)
        results[name] = s
        print(f"{name:<14} {s['items']:>5} {s['risk']:>5} {s['tp']:>6} {s['fn']:>6} {s['fp']:>12} {pct(s['recall']):>7} {pct(s['precision']):>9}")
        if name in TUNING and "--misses" in sys.argv:
            for q in questions:
                if q["risk"] != said[q["id"]]:
                    print(f"   {'missed' if q['risk'] else 'false alarm'}: {q['id']} {q['question']}")
    print()
    print("answered from the sample library: \"Yes\" to risk-phrased questions")
    print(f"{'part':<14} {'items':>5} {'risk':>5} {'Yes written':>11} {'Yes in review':>13} {'all written':>11}")
    for name, path in PARTS.items():
        a = answered(quire, load(path))
        results[name]["answers"] = a
        print(f"{name:<14} {a['items']:>5} {a['risk']:>5} {a['written_yes_on_risk']:>11} "
              f"{a['proposed_yes_on_risk']:>13} {a['written']:>11}")
    out = ROOT / "bench" / "out"
    out.mkdir(parents=True, exist_ok=True)
    (out / "risk_phrasing.json").write_text(json.dumps(results, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
