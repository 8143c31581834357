#!/usr/bin/env python3
"""Write bench/labelled/questions.csv from bench/labelled/questions.yaml.

Usage (from the repository root or anywhere):
    .venv/bin/python bench/labelled/make_csv.py                 # rewrite questions.csv next to this file
    .venv/bin/python bench/labelled/make_csv.py --out FILE      # write somewhere else
    .venv/bin/python bench/labelled/make_csv.py --check         # exit 1 if questions.csv is out of date

The CSV is the questionnaire quire reads: a header row `ID,Question,Answer`, then one row per
labelled question in the YAML's order, with the Answer column empty. The labels (requirements,
expected answers, risk flags) stay in the YAML and never reach quire. The output is deterministic:
UTF-8 without a byte order mark, `\\n` line ends, fields quoted only when the csv module needs to.
"""

from __future__ import annotations

import argparse
import csv
import io
import sys
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
DEFAULT_YAML = HERE / "questions.yaml"
DEFAULT_CSV = HERE / "questions.csv"


def load_questions(path: Path = DEFAULT_YAML) -> list[dict]:
    with open(path, encoding="utf-8") as handle:
        document = yaml.safe_load(handle)
    return document["questions"]


def render(questions: list[dict]) -> bytes:
    """The bytes of questions.csv for these questions."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow(["ID", "Question", "Answer"])
    for item in questions:
        question = " ".join(str(item["question"]).split())
        writer.writerow([item["id"], question, ""])
    return buffer.getvalue().encode("utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--yaml", type=Path, default=DEFAULT_YAML, help="the labelled questions (default: %(default)s)")
    parser.add_argument("--out", type=Path, default=DEFAULT_CSV, help="the CSV to write (default: %(default)s)")
    parser.add_argument("--check", action="store_true", help="compare with --out instead of writing it")
    args = parser.parse_args(argv)

    data = render(load_questions(args.yaml))
    if args.check:
        current = args.out.read_bytes() if args.out.exists() else b""
        if current != data:
            print(f"{args.out} is out of date; run {Path(__file__).name} to regenerate it", file=sys.stderr)
            return 1
        return 0
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_bytes(data)
    return 0


if __name__ == "__main__":
    sys.exit(main())
