#!/usr/bin/env python3
"""Fit the confidence of answers derived from controls (Sources/Answering/ConfidenceModel.swift).

Usage (from anywhere; `make calibrate` runs it with the debug build):
    .venv/bin/python bench/calibrate.py            # fit, print, exit 1 if the Swift file differs
    .venv/bin/python bench/calibrate.py --write    # fit and write ConfidenceModel+Fitted.swift

What it does, on the TUNING part of the labelled set only (bench/labelled/split.yaml; the held-out
items are dropped before anything is computed, so nothing here is fitted to them):

1. `quire debug signals bench/out/labelled-all.csv --library samples/library` (every labelled set
   under one header, as bench/accuracy.py writes it; only the tuning items are used) gives, per item,
   the answer's value, basis, review reason codes and the signals of ``AnswerSignals`` (how well
   the controls cover the question). The signals do not depend on the fitted weights.
2. The examples are the tuning items whose answer was derived from controls and has a value; an
   example is right when the value, normalised as bench/accuracy.py does, equals the label (an
   item labelled "review" is never right).
3. A logistic regression over the signals, the verdict and the two flags (ConfidenceModel.inputs, same order),
   fitted by Newton's method with an L2 penalty of LAMBDA on the weights (not the intercept), from
   zero. Deterministic: same data, same weights. The inputs and LAMBDA were chosen by the 10-fold
   cross-validated Brier score on the tuning examples (`--cross-validate` prints it): the verdict
   (No, Partially, N/A against Yes) took it from 0.157 to 0.143, against 0.168 for a constant, on
   the tuning part before fresh3 joined it; from 0.173 to 0.160, against 0.181, with fresh3.
   Whether the match is direct and whether reading the controls found a problem to review (the
   review reasons other than a risk question, a loose match and the confidence) took it to 0.150;
   with fresh4 in the tuning part (531 items): constant 0.185, signals 0.178, with the verdict
   0.167, with the two flags 0.157.
   Without --write, the script also checks that quire's own confidences equal the model's, so the
   Swift and Python readings of the signals cannot drift apart.
4. The write threshold: among the examples quire would write if their confidence were high enough
   (no review reason but "low-confidence" or "no-write-threshold"), the lowest fitted confidence t
   such that, for every t' >= t, those with confidence >= t' are at least 98% right, and at least
   MIN_SUPPORT (150) of them are at or above t: fewer cannot show a 2% error rate (with none wrong,
   the 95% upper bound on the error rate is 3/n, the "rule of three"). Answers derived from
   controls are written from t up; when no t qualifies, none is written without review
   (`writeFrom` is nil, review reason "no-write-threshold"). bench/accuracy.py reports what that
   gives on the held-out and fresh parts.

The Swift file records the number of examples and the date of the labelled split, not the date of
the run, so that re-running it on unchanged inputs writes the same bytes.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import math
import os
import subprocess
import sys
from pathlib import Path

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
sys.path.insert(0, str(BENCH))

import accuracy  # noqa: E402  (the labelled set, its split and the answer normalisation)

SWIFT = ROOT / "Sources" / "Answering" / "ConfidenceModel+Fitted.swift"
INPUTS = ["strength", "coverage", "weakest_part", "rare_uncovered", "margin", "cited", "past_support", "several", "incomplete",
          "verdict no", "verdict partial", "verdict not applicable", "direct", "flagged"]
LAMBDA = 1.0
GOAL = 0.98
# The fewest writable tuning examples at or above a threshold that can show its error rate is at
# most 1 - GOAL with 95% confidence when none of them is wrong: 3 / (1 - GOAL) (the "rule of three").
MIN_SUPPORT = math.ceil(3 / (1 - GOAL) - 1e-9)
WRITABLE = {"low-confidence", "no-write-threshold"}
DERIVED = {"controls-implemented", "controls-incomplete", "not-applicable"}


def inputs(signals: dict) -> list[float]:
    return [
        float(signals.get("strength", 0)),
        float(signals.get("coverage", 0)),
        float(signals.get("weakest_part", 1)),
        float(signals.get("rare_uncovered", 0)),
        float(signals.get("margin", 1)),
        1.0 if signals.get("cited") else 0.0,
        float(signals.get("past_support", 0)),
        1.0 if int(signals.get("deciding", 0)) > 1 else 0.0,
        1.0 if signals.get("incomplete") else 0.0,
        1.0 if signals.get("verdict") == "no" else 0.0,
        1.0 if signals.get("verdict") == "partial" else 0.0,
        1.0 if signals.get("verdict") == "notApplicable" else 0.0,
        1.0 if signals.get("direct") else 0.0,
        1.0 if signals.get("flagged") else 0.0,
    ]


def solve(matrix: list[list[float]], vector: list[float]) -> list[float]:
    """Gaussian elimination with partial pivoting (the system is small and positive definite)."""
    n = len(vector)
    a = [row[:] + [vector[i]] for i, row in enumerate(matrix)]
    for column in range(n):
        pivot = max(range(column, n), key=lambda r: abs(a[r][column]))
        a[column], a[pivot] = a[pivot], a[column]
        for r in range(column + 1, n):
            factor = a[r][column] / a[column][column]
            for c in range(column, n + 1):
                a[r][c] -= factor * a[column][c]
    x = [0.0] * n
    for r in range(n - 1, -1, -1):
        x[r] = (a[r][n] - sum(a[r][c] * x[c] for c in range(r + 1, n))) / a[r][r]
    return x


def sigmoid(z: float) -> float:
    return 1 / (1 + math.exp(-z)) if z >= 0 else math.exp(z) / (1 + math.exp(z))


def fit(xs: list[list[float]], ys: list[int], penalty: float | None = None) -> list[float]:
    """Weights [intercept, w1..wk] of an L2-penalised logistic regression, by Newton's method."""
    penalty = LAMBDA if penalty is None else penalty
    k = len(xs[0]) + 1
    w = [0.0] * k
    rows = [[1.0] + x for x in xs]
    for _ in range(100):
        gradient = [0.0] * k
        hessian = [[0.0] * k for _ in range(k)]
        for row, y in zip(rows, ys):
            p = sigmoid(sum(a * b for a, b in zip(w, row)))
            for i in range(k):
                gradient[i] += (p - y) * row[i]
                for j in range(k):
                    hessian[i][j] += p * (1 - p) * row[i] * row[j]
        for i in range(1, k):
            gradient[i] += penalty * w[i]
            hessian[i][i] += penalty
        step = solve(hessian, gradient)
        w = [a - b for a, b in zip(w, step)]
        if max(abs(s) for s in step) < 1e-12:
            break
    return w


def probability(w: list[float], x: list[float]) -> float:
    return sigmoid(w[0] + sum(a * b for a, b in zip(w[1:], x)))


FOLDS = 10
# How many inputs come before the verdict's: the model as it was up to December 2026.
SIGNAL_INPUTS = INPUTS.index("verdict no")
# How many come before the direct-match and problem flags: the model with the verdict.
VERDICT_INPUTS = INPUTS.index("direct")


def cross_validated_brier(examples: list[dict], width: int | None, penalty: float) -> float:
    """The Brier score of predictions for each tuning example by a model fitted on the other
    folds (FOLDS folds by sha256 of the item id): how well a choice of inputs and penalty does on
    answers it was not fitted to, without touching the held-out part. width None: a constant."""
    def fold(example: dict) -> int:
        return int(hashlib.sha256(example["id"].encode()).hexdigest(), 16) % FOLDS
    squared = 0.0
    for k in range(FOLDS):
        train = [e for e in examples if fold(e) != k]
        test = [e for e in examples if fold(e) == k]
        if width is None:
            rate = sum(e["right"] for e in train) / len(train)
            squared += sum((rate - e["right"]) ** 2 for e in test)
            continue
        w = fit([e["x"][:width] for e in train], [e["right"] for e in train], penalty)
        squared += sum((probability(w, e["x"][:width]) - e["right"]) ** 2 for e in test)
    return squared / len(examples)


def choose_threshold(examples: list[dict], goal: float, min_support: int = 1) -> float | None:
    """The lowest t such that the writable examples at or above every t' >= t are >= goal right,
    with at least min_support of them at or above t; None when there is no such t."""
    writable = sorted((e for e in examples if set(e["reasons"]) <= WRITABLE), key=lambda e: -e["p"])
    chosen = None
    support = 0
    right = 0
    for count, example in enumerate(writable, start=1):
        right += example["right"]
        if right / count < goal:
            break
        # Ties: a threshold cannot split equal confidences.
        if count < len(writable) and writable[count]["p"] == example["p"]:
            continue
        chosen, support = example["p"], count
    return chosen if support >= min_support else None


def swift_source(w: list[float], threshold: float | None, count: int, right: int, split_note: str) -> str:
    names = ", ".join(INPUTS)
    weights = ",\n".join(f"        {value!r}" for value in w[1:])
    return (
        "// Written by bench/calibrate.py (`make calibrate`); do not edit by hand.\n"
        f"// Fitted on the tuning part of bench/labelled/questions.yaml and fresh.yaml to fresh4.yaml ({split_note}):\n"
        f"// {count} answers derived from controls, {right} of them right; L2 penalty {LAMBDA}.\n"
        "extension ConfidenceModel {\n"
        "    /// The model's intercept.\n"
        f"    static let intercept = {w[0]!r}\n"
        f"    /// The weights of {names}.\n"
        "    static let weights: [Double] = [\n"
        f"{weights},\n"
        "    ]\n"
        "    /// Answers derived from controls are written without review from this confidence up: the\n"
        f"    /// lowest at which the tuning part's writable answers are >= {GOAL:.0%} right, with at least\n"
        f"    /// {MIN_SUPPORT} of them at or above it; nil when there is none, and then none is written.\n"
        f"    static let writeFrom: Double? = {'nil' if threshold is None else repr(threshold)}\n"
        "}\n"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--write", action="store_true", help="write the Swift file")
    parser.add_argument("--cross-validate", action="store_true",
                        help="also print the cross-validated Brier score of other inputs and penalties")
    args = parser.parse_args()
    quire = Path(os.environ.get("QUIRE_BIN", ".build/debug/quire"))
    quire = quire if quire.is_absolute() else ROOT / quire
    questions = accuracy.load_all()
    combined = accuracy.write_combined_csv()
    part_of, split = accuracy.load_split(questions)
    tuning = {q["id"]: q for q in questions if part_of[q["id"]] == accuracy.TUNING}
    run = subprocess.run(
        [str(quire), "debug", "signals", str(combined), "--library", "samples/library"],
        cwd=ROOT, capture_output=True, check=False,
    )
    if run.returncode != 0:
        sys.stderr.write(run.stderr.decode(errors="replace"))
        return 1
    examples = []
    for row in json.loads(run.stdout):
        question = tuning.get(row["id"])
        if question is None or row.get("value") is None or row.get("basis") not in DERIVED:
            continue
        examples.append({
            "id": row["id"],
            "x": inputs(row.get("signals") or {}),
            "right": int(accuracy.normalise_answer(row["value"]) == question["answer"]),
            "reasons": row.get("reasons", []),
            "swift": float(row.get("confidence", 0)),
        })
    w = fit([e["x"] for e in examples], [e["right"] for e in examples])
    for e in examples:
        e["p"] = probability(w, e["x"])
    threshold = choose_threshold(examples, GOAL, MIN_SUPPORT)
    if threshold is None:
        print(f"no threshold has {MIN_SUPPORT} writable tuning answers at or above it that are >= {GOAL:.0%} right: "
              "answers derived from controls are not written without review", file=sys.stderr)
    brier = sum((e["p"] - e["right"]) ** 2 for e in examples) / len(examples)
    right = sum(e["right"] for e in examples)
    writable = [e for e in examples if set(e["reasons"]) <= WRITABLE and threshold is not None and e["p"] >= threshold]
    print(f"tuning examples: {len(examples)} answers derived from controls, {right} right")
    print("weights: " + ", ".join(f"{n} {v:+.3f}" for n, v in zip(["intercept"] + INPUTS, w)))
    print(f"Brier score on the tuning examples (fitted on them): {brier:.4f}")
    if args.cross_validate:
        print(f"{FOLDS}-fold cross-validated Brier score on the tuning examples (the inputs and the penalty were "
              "chosen by it):")
        print(f"  a constant: {cross_validated_brier(examples, None, 0):.4f}")
        for width, what in ((SIGNAL_INPUTS, "the signals alone"), (VERDICT_INPUTS, "the signals and the verdict"),
                            (len(INPUTS), "those, a direct match and a problem found")):
            scores = ", ".join(f"{penalty:g}: {cross_validated_brier(examples, width, penalty):.4f}"
                               for penalty in (0.1, 0.3, 1.0, 3.0, 10.0))
            print(f"  {what}, by L2 penalty: {scores}")
    if threshold is not None:
        print(f"write threshold: {threshold:.4f} ({len(writable)} tuning answers at or above it, "
              f"{sum(e['right'] for e in writable)} right)")
    else:
        print("write threshold: none")
    split_note = f"split {split.get('format', '?')}, {len(tuning)} tuning items"
    source = swift_source(w, threshold, len(examples), right, split_note)
    if args.write:
        SWIFT.write_text(source)
        print(f"wrote {SWIFT.relative_to(ROOT)}")
        return 0
    if SWIFT.read_text() != source:
        print(f"{SWIFT.relative_to(ROOT)} differs from this fit: run `make calibrate`", file=sys.stderr)
        return 1
    # The same weights must give the same confidence in Swift: a check that both read the signals
    # in the same order (ConfidenceModel.inputs and inputs() here).
    worst = max(abs(e["swift"] - e["p"]) for e in examples)
    if worst > 1e-9:
        print(f"quire's confidence differs from this model's by up to {worst:.3g}: "
              "ConfidenceModel.inputs and calibrate.inputs read the signals differently", file=sys.stderr)
        return 1
    print(f"{SWIFT.relative_to(ROOT)} matches this fit, and quire computes the same confidences")
    return 0


if __name__ == "__main__":
    sys.exit(main())
