#!/usr/bin/env python3
"""The tuning / held-out split of the labelled set (bench/labelled/split.yaml).

Usage (from the repository root or anywhere):
    .venv/bin/python bench/labelled/split.py            # exit 1 unless split.yaml is what the rule gives
    .venv/bin/python bench/labelled/split.py --write    # write split.yaml; refuses when it exists

The split was made ONCE, on 2026-12-06, over L-001 ... L-216. The rule (also in split.yaml's header):

  1. Stratum of an item = (its label, whether it is risk-phrased, whether its GDPR list is non-empty).
     The label is one of Yes / No / N/A / Partially / review.
  2. Within each stratum, order the items by sha256(id as UTF-8).hexdigest(), ascending.
  3. The first round_half_up(0.35 x stratum size) = (35 * n + 50) // 100 items are held out;
     the rest are the tuning part.

ISO 27001 and SOC 2 lists are never empty, so both frameworks are in both parts; the GDPR key of
the stratum puts GDPR-labelled items in both parts; the label key puts every label value in both.

The rule is not re-run when questions are added: re-running it over a larger set would move
existing items between the parts. split.yaml's `covers` lists the ids it was applied to, and
Tests/oracle/test_labelled_set.py fails when questions.yaml holds an id the split does not cover,
so that a person decides (a new split is a new `format` version, said in bench/README.md).
"""

from __future__ import annotations

import argparse
import hashlib
import sys
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
QUESTIONS_YAML = HERE / "questions.yaml"
SPLIT_YAML = HERE / "split.yaml"
HELD_OUT_PERCENT = 35
FORMAT = "quire-labelled-split/1"


def stratum(item: dict) -> tuple[str, bool, bool]:
    return (str(item["answer"]), bool(item.get("risk")), bool((item.get("requirements") or {}).get("gdpr")))


def held_out_by_rule(questions: list[dict]) -> list[str]:
    """The held-out ids for these questions, in questions.yaml order."""
    strata: dict[tuple, list[str]] = {}
    for item in questions:
        strata.setdefault(stratum(item), []).append(str(item["id"]))
    held: set[str] = set()
    for ids in strata.values():
        ordered = sorted(ids, key=lambda i: hashlib.sha256(i.encode("utf-8")).hexdigest())
        held.update(ordered[: (HELD_OUT_PERCENT * len(ordered) + 50) // 100])
    return [str(item["id"]) for item in questions if str(item["id"]) in held]


HEADER = """\
# Tuning / held-out split of the labelled set (bench/labelled/questions.yaml).
#
# bench/accuracy.py reports every labelled measurement separately for the TUNING part (everything
# not listed below: work on quire's matching and answering may look at these items, their texts
# and their failures) and the HELD-OUT part (the ids listed below: only counts and rates are ever
# printed for them, never their question texts or per-item results; do not read them while tuning).
# The goals are judged on the held-out part.
#
# Chosen ONCE, on 2026-12-06, over the {count} items L-001 ... L-216 (`covers`), by this rule
# (bench/labelled/split.py implements it; Tests/oracle/test_labelled_set.py re-derives it):
#   1. stratum of an item = (label: Yes/No/N/A/Partially/review, risk-phrased or not,
#      GDPR list empty or not);
#   2. within each stratum, order by sha256(id as UTF-8).hexdigest(), ascending;
#   3. hold out the first (35 * n + 50) // 100 items of a stratum of n (35%, rounded half up).
# So both parts hold every label value, ISO 27001 and SOC 2 on every item, and GDPR-labelled items.
# The rule is not re-run when questions are added (that would move existing items between parts):
# new ids are outside `covers` and the test fails until a person makes a new split (new format).
#
# Sizes: {held} held out, {tuning} tuning.
# {strata}
"""


def render(questions: list[dict]) -> str:
    held = held_out_by_rule(questions)
    counts: dict[tuple, list[int]] = {}
    held_set = set(held)
    for item in questions:
        c = counts.setdefault(stratum(item), [0, 0])
        c[0] += 1
        c[1] += str(item["id"]) in held_set
    lines = ["Strata (label, risk, gdpr): items -> held out"]
    for key in sorted(counts):
        label, risk, gdpr = key
        lines.append(f"  {label:<9} risk={'yes' if risk else 'no ':<3} gdpr={'yes' if gdpr else 'no ':<3}"
                     f" {counts[key][0]:>3} -> {counts[key][1]:>2}")
    header = HEADER.format(count=len(questions), held=len(held), tuning=len(questions) - len(held),
                           strata="\n# ".join(lines))
    ids = [str(item["id"]) for item in questions]
    body = {
        "format": FORMAT,
        "questions": "bench/labelled/questions.yaml",
        "rule": "stratum (label, risk, gdpr non-empty); sha256(id) ascending; first (35*n+50)//100 held out",
        "covers": ids,
        "held_out": held,
    }
    text = yaml.safe_dump(body, sort_keys=False, default_flow_style=None, width=100)
    return header + text


def load_questions(path: Path = QUESTIONS_YAML) -> list[dict]:
    with open(path, encoding="utf-8") as handle:
        return yaml.safe_load(handle)["questions"]


def load_split(path: Path = SPLIT_YAML) -> dict:
    with open(path, encoding="utf-8") as handle:
        return yaml.safe_load(handle)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--write", action="store_true", help="write split.yaml (only when it does not exist)")
    args = parser.parse_args(argv)
    if args.write:
        if SPLIT_YAML.exists():
            print(f"{SPLIT_YAML} exists: the split is made once; remove it only to make a new split", file=sys.stderr)
            return 1
        SPLIT_YAML.write_text(render(load_questions()), encoding="utf-8")
        return 0
    split = load_split()
    covered = set(split["covers"])
    questions = [q for q in load_questions() if q["id"] in covered]
    if held_out_by_rule(questions) != list(split["held_out"]):
        print(f"{SPLIT_YAML}: held_out is not what the rule gives over `covers`", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
