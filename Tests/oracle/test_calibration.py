"""The confidence model (bench/calibrate.py, Sources/Answering/ConfidenceModel+Fitted.swift).

The fitted weights in the Swift file are what bench/calibrate.py gets from the tuning part of the
labelled set with the current quire (so a change to the signals or the catalog that is not re-fitted
fails here), and the fitter and the threshold rule do what they say on data with a known answer."""
import importlib.util
import math
import os
import random
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def load_calibrate():
    sys.path.insert(0, str(ROOT / "bench"))
    spec = importlib.util.spec_from_file_location("calibrate", ROOT / "bench" / "calibrate.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.quire
def test_the_swift_weights_are_the_fit_on_the_tuning_part() -> None:
    run = subprocess.run([sys.executable, str(ROOT / "bench" / "calibrate.py")], capture_output=True,
                         env={**os.environ, "QUIRE_BIN": str(Path(os.environ["QUIRE_BIN"]).resolve())}, timeout=300)
    assert run.returncode == 0, run.stdout.decode() + run.stderr.decode()


def test_the_fitter_recovers_known_weights() -> None:
    calibrate = load_calibrate()
    generator = random.Random(7)
    truth = [-1.0, 2.5, -1.5]
    xs, ys = [], []
    for _ in range(4000):
        x = [generator.random(), generator.random()]
        p = 1 / (1 + math.exp(-(truth[0] + truth[1] * x[0] + truth[2] * x[1])))
        xs.append(x)
        ys.append(1 if generator.random() < p else 0)
    fitted = calibrate.fit(xs, ys)
    for got, want in zip(fitted, truth):
        assert abs(got - want) < 0.35, (fitted, truth)


def test_the_threshold_is_the_lowest_that_keeps_every_higher_one_precise() -> None:
    calibrate = load_calibrate()
    examples = [{"p": p, "right": right, "reasons": []}
                for p, right in [(0.99, 1), (0.97, 1), (0.95, 1), (0.90, 0), (0.85, 1), (0.80, 1)]]
    examples.append({"p": 0.98, "right": 0, "reasons": ["stale-evidence"]})  # never written: not counted
    assert calibrate.choose_threshold(examples, 0.98) == 0.95
    assert calibrate.choose_threshold([{"p": 0.9, "right": 0, "reasons": []}], 0.98) is None
    # With a minimum support, a threshold backed by fewer writable examples is none at all.
    assert calibrate.choose_threshold(examples, 0.98, min_support=3) == 0.95
    assert calibrate.choose_threshold(examples, 0.98, min_support=4) is None
    assert calibrate.MIN_SUPPORT == 150, "3 / (1 - 0.98): the rule of three"


def test_cross_validation_scores_an_informative_input_above_a_constant() -> None:
    calibrate = load_calibrate()
    generator = random.Random(11)
    examples = []
    for index in range(400):
        informative, noise = generator.random(), generator.random()
        right = 1 if generator.random() < (0.95 if informative > 0.5 else 0.4) else 0
        examples.append({"id": f"X-{index}", "x": [informative, noise], "right": right})
    constant = calibrate.cross_validated_brier(examples, None, 0)
    noise_only = calibrate.cross_validated_brier([{**e, "x": e["x"][1:]} for e in examples], 1, 1.0)
    informed = calibrate.cross_validated_brier(examples, 2, 1.0)
    assert informed < constant - 0.03, (informed, constant)
    assert noise_only >= constant - 0.005, "an input that carries nothing does not beat a constant out of fold"
    assert calibrate.cross_validated_brier(examples, 2, 1.0) == informed, "the folds are fixed"
