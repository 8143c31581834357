#!/usr/bin/env python3
"""How `quire map` maps questions written in German and French, against a held-out labelled set.

Run from anywhere (paths are resolved from the repository root):
    .venv/bin/python bench/multilingual.py [--compare OTHER_QUIRE_BIN]

The set is bench/labelled/multilingual.yaml: 40 German (DE-001 …) and 40 French (FR-001 …)
questions, each labelled with the ISO/IEC 27001:2022 and SOC 2 requirements a human auditor maps it
to (GDPR articles where relevant). It was written by a helper that saw neither quire's code nor its
thesaurus, and it is HELD OUT: no rule, weight or thesaurus entry is fitted to it, and this script
prints only counts and rates, never a question or a per-item result.

For each language and framework: top-1 = share of labelled items whose first predicted
requirement is labelled, top-3 = share with a labelled one among the first three (the scoring of
bench/accuracy.py, part a; `quire map --library samples/library`, as there). With --compare, the same for another quire binary (the build before
a change) in the same run, side by side.

Environment: QUIRE_BIN (default .build/release/quire), BENCH_TIMEOUT (seconds, default 600).
"""

import argparse
import csv
import json
import os
import sys
import tempfile
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))
import accuracy  # noqa: E402  (the same scoring and quire runner)

ROOT = Path(__file__).resolve().parent.parent
SET = ROOT / "bench" / "labelled" / "multilingual.yaml"
FRAMEWORKS = ("iso27001-2022", "soc2-2017", "gdpr")
LANGUAGES = ("de", "fr")


def load() -> list[dict]:
    document = yaml.safe_load(SET.read_text(encoding="utf-8"))
    return document["questions"]


def write_csv(questions: list[dict], folder: Path) -> Path:
    path = folder / "multilingual.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["ID", "Question", "Answer"])
        for question in questions:
            writer.writerow([question["id"], " ".join(str(question["question"]).split()), ""])
    return path


def measure(quire: Path, questions: list[dict], csv_path: Path, timeout: int) -> dict:
    process, seconds, problem = accuracy.run_quire(quire, ["map", str(csv_path), "--library", str(accuracy.LIBRARY), "--format", "json"], timeout)
    if problem:
        raise SystemExit(f"quire map failed: {problem}")
    document = json.loads(process.stdout)
    by_id, _ = accuracy.index_map_items(document)
    result = {"seconds": round(seconds, 2)}
    for language in LANGUAGES:
        labels = {}
        for question in questions:
            if question["language"] != language:
                continue
            labels[question["id"]] = {
                framework: [accuracy.normalise_requirement(framework, value)
                            for value in (question.get("requirements") or {}).get(framework) or []]
                for framework in FRAMEWORKS
            }
        scores = accuracy.score_mapping(labels, by_id)
        result[language] = scores["frameworks"]
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--compare", help="another quire binary, measured in the same run")
    arguments = parser.parse_args()
    quire = accuracy.env_path("QUIRE_BIN", ".build/release/quire")
    timeout = accuracy.env_int("BENCH_TIMEOUT", 600)
    questions = load()
    binaries = [("quire", quire)] + ([("compared", Path(arguments.compare).resolve())] if arguments.compare else [])
    with tempfile.TemporaryDirectory(prefix="quire-multilingual-") as folder:
        csv_path = write_csv(questions, Path(folder))
        results = {name: measure(binary, questions, csv_path, timeout) for name, binary in binaries}
    rows = []
    for language in LANGUAGES:
        for framework in FRAMEWORKS:
            row = [language, framework]
            for name, _ in binaries:
                scores = results[name][language][framework]
                if not scores["items"]:
                    row += ["-", "-", "-"]
                    continue
                row += [scores["items"], f"{scores['top1_count']} ({accuracy.pct(scores['top1'])})",
                        f"{scores['top3_count']} ({accuracy.pct(scores['top3'])})"]
            rows.append(row)
    headers = ["language", "framework"]
    for name, binary in binaries:
        headers += [f"{name} items", "top-1", "top-3"]
    print(f"held-out multilingual set: {accuracy.rel(SET)} ({len(questions)} questions; counts only)")
    for name, binary in binaries:
        print(f"  {name}: {accuracy.rel(binary)}")
    print(accuracy.table(headers, rows))
    out = ROOT / "bench" / "out" / "multilingual.json"
    out.parent.mkdir(exist_ok=True)
    out.write_text(json.dumps(results, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    print(f"numbers written to {accuracy.rel(out)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
