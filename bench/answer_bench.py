#!/usr/bin/env python3
"""Answering speed: `quire answer` on a generated 1,000-item questionnaire against a generated
5,000-entry answer library plus the built-in controls, next to `quire cat` merely reading the
same questionnaire (the ratio says what answering costs over reading). Goal: under 1 s.

Run by `make bench`, or `.venv/bin/python bench/answer_bench.py` after `make release`.
"""
from __future__ import annotations

import csv
import os
import statistics
import subprocess
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
QUIRE = os.environ.get("QUIRE_BIN", str(ROOT / ".build" / "release" / "quire"))
RUNS = int(os.environ.get("BENCH_RUNS", "5"))

SUBJECTS = [
    "multi-factor authentication for administrators", "encryption of customer data at rest", "TLS for data in transit",
    "quarterly user access reviews", "annual penetration tests", "vulnerability scanning of the perimeter",
    "security awareness training", "background checks for new staff", "a tested incident response plan",
    "a business continuity plan", "disaster recovery exercises", "daily backups with restore tests",
    "centralised audit logging", "a SIEM with alerting", "endpoint detection and response on laptops",
    "mobile device management", "a secure development lifecycle", "peer code review before merge",
    "change approval for production", "supplier security assessments", "data processing agreements",
    "a records of processing activities register", "data subject request handling", "breach notification within 72 hours",
    "data retention schedules", "secure disposal of media", "an asset inventory", "data classification labels",
    "network segmentation", "a web application firewall", "DDoS protection", "key rotation in a KMS",
]
FORMS = [
    "Do you have {s}?", "Is there {s} in place?", "Does your organisation maintain {s}?", "Please confirm you operate {s}.",
    "Have you implemented {s} across all systems?", "Can you evidence {s}?", "Describe {s} and how it is reviewed.",
    "Is {s} documented and approved by management?", "How often is {s} reviewed?", "Who owns {s}?",
]
QUALIFIERS = ["", " for production", " for all regions", " for the EU service", " for subsidiaries", " for contractors",
              " in the last year", " at least annually", " for the mobile app", " for the data platform",
              " for hosted services", " for internal tools", " for customer support", " for finance systems",
              " for the US service", " for legacy systems"]


def questions(count: int, offset: int) -> list[str]:
    out = []
    index = offset
    while len(out) < count:
        subject = SUBJECTS[index % len(SUBJECTS)]
        form = FORMS[(index // len(SUBJECTS)) % len(FORMS)]
        qualifier = QUALIFIERS[(index // (len(SUBJECTS) * len(FORMS))) % len(QUALIFIERS)]
        out.append(form.format(s=subject + qualifier))
        index += 1
    return out


def median(command: list[str]) -> float:
    times = []
    for _ in range(RUNS):
        start = time.perf_counter()
        subprocess.run(command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> int:
    with tempfile.TemporaryDirectory() as folder:
        questionnaire = Path(folder) / "thousand.csv"
        with questionnaire.open("w", newline="") as handle:
            writer = csv.writer(handle)
            writer.writerow(["ID", "Question", "Answer (Yes/No/N/A)", "Comments"])
            for number, question in enumerate(questions(1000, 7), start=1):
                writer.writerow([f"Q{number}", question, "", ""])
        library = Path(folder) / "answers.csv"
        with library.open("w", newline="") as handle:
            writer = csv.writer(handle)
            writer.writerow(["id", "question", "answer", "comment", "approved_on"])
            for number, question in enumerate(questions(5000, 3000), start=1):
                writer.writerow([f"A{number}", question, "Yes" if number % 7 else "No", "Generated.", "2026-01-15"])
        read = median([QUIRE, "cat", str(questionnaire), "--format", "count"])
        inspect = median([QUIRE, "inspect", str(questionnaire), "--format", "json"])
        answer = median([QUIRE, "answer", str(questionnaire), "--library", str(library), "--as-of", "2026-11-29",
                         "--format", "json", "-o", str(Path(folder) / "out.json")])
        print("1,000 items against 5,000 library answers and the built-in controls (medians of", RUNS, "runs)")
        print(f"  quire cat (read the file)     {read * 1000:8.0f} ms")
        print(f"  quire inspect (find the items) {inspect * 1000:7.0f} ms")
        print(f"  quire answer                  {answer * 1000:8.0f} ms   ratio to reading {answer / read:5.1f}   "
              f"goal < 1000 ms: {'met' if answer < 1 else 'NOT met'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
