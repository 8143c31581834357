#!/usr/bin/env python3
"""Accuracy of `quire map` and `quire answer` against labelled questionnaires.

Run from anywhere (paths are resolved from the repository root):
    .venv/bin/python bench/accuracy.py

Three measurements:

a) Mapping, labelled set. `quire map bench/labelled/questions.csv --library samples/library
   --format json`; for each framework F in iso27001-2022, soc2-2017, gdpr, over the items whose
   labelled list for F is not empty: top-1 = share whose first predicted id is in the labelled
   list, top-3 = share with any of the first three predicted ids in it.
b) Answers, labelled set. `quire answer bench/labelled/questions.csv --library samples/library
   -o OUT --format json`; agreement = among items whose label is not "review", the share where
   quire's value (normalised: Yes/Y/True, No/N/False, N/A/NA/Not applicable, Partial/Partially)
   equals the label. Also: answered vs sent to review, affirmative answers (Yes or Partially) with
   an empty basis, and "Yes" on the risk-phrased items.
c) Mapping, SCF. The Secure Controls Framework workbook (read in place from
   $QUIRE_CORPUS/questionnaires/scf/scf-2022.3.xlsx, never copied or modified) is read by quire
   as a question bank (id = "SCF #"), and its own mapping columns are the labels:
     - SOC 2: the column whose header mentions AICPA / TSC ("AICPA TSC 2017 (SOC 2)"), ids as written
       (the workbook also has P1.0-style headings, kept: they can only fail to match).
     - ISO 27001:2022: the union of two columns. "ISO 27002 v2022" holds control numbers such as
       5.15; ISO 27002:2022 controls are ISO 27001:2022 Annex A one for one, so 5.15 -> A.5.15.
       "ISO 27001 v2022" holds clause references such as 9.3.2(a); the list items are dropped
       (9.3.2) and the parent clause is added too (9.3), because quire predicts at the level of
       Catalogs/iso27001-2022.csv, which lists both. The 2013 columns are not used.
     - GDPR: the "EMEA EU GDPR" column (not the UK GDPR one); "Art 32.1" -> "Art.32".
   Those mappings were made by the SCF authors, not by this project.

Environment:
    QUIRE_BIN       quire binary (default .build/release/quire, relative to the repository root)
    QUIRE_CORPUS    corpus folder (default ../shared/corpus, relative to the repository root)
    BENCH_MISSES    how many worst-missed labelled questions to list per framework (default 20)
    BENCH_TIMEOUT   seconds before a quire run is abandoned (default 600)
    BENCH_STRICT    1: exit 1 when a goal fails (default: always exit 0)

Goals (checked with BENCH_STRICT=1): top-3 >= 0.90 for iso27001-2022 and soc2-2017 on the labelled
set; no affirmative answer without a basis; no "Yes" on a risk item. Everything is printed as plain
text tables and written as JSON to bench/out/accuracy.json.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
OUT = BENCH / "out"
LABELLED_YAML = BENCH / "labelled" / "questions.yaml"
LABELLED_CSV = BENCH / "labelled" / "questions.csv"
LIBRARY = ROOT / "samples" / "library"
SCF_RELATIVE = Path("questionnaires") / "scf" / "scf-2022.3.xlsx"

FRAMEWORKS = ("iso27001-2022", "soc2-2017", "gdpr")
GOAL_TOP3 = {"iso27001-2022": 0.90, "soc2-2017": 0.90}
ANSWER_CLASSES = ("Yes", "No", "N/A", "Partially")


# ---------------------------------------------------------------------------------------------
# small helpers


def env_path(name: str, default: str) -> Path:
    value = os.environ.get(name, "").strip() or default
    path = Path(value)
    return path if path.is_absolute() else (ROOT / path)


def env_int(name: str, default: int) -> int:
    value = os.environ.get(name, "").strip()
    return int(value) if value else default


def rel(path: Path) -> str:
    """The path relative to the repository root when it is inside it (symbolic links kept)."""
    absolute = Path(os.path.normpath(os.path.abspath(path)))
    try:
        return str(absolute.relative_to(ROOT))
    except ValueError:
        return str(absolute)


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def table(headers: list[str], rows: list[list[object]], right: set[int] | None = None) -> str:
    """A plain text table; columns in `right` are right-aligned."""
    right = right or set()
    cells = [[str(h) for h in headers]] + [["" if c is None else str(c) for c in row] for row in rows]
    widths = [max(len(row[i]) for row in cells) for i in range(len(headers))]

    def line(row: list[str]) -> str:
        parts = [(c.rjust(w) if i in right else c.ljust(w)) for i, (c, w) in enumerate(zip(row, widths))]
        return "  ".join(parts).rstrip()

    out = [line(cells[0]), "  ".join("-" * w for w in widths)]
    out += [line(row) for row in cells[1:]]
    return "\n".join(out)


def pct(value: float | None) -> str:
    return "-" if value is None else f"{value * 100:.1f}%"


def shorten(text: str, width: int) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= width else text[: width - 1] + "…"


def normalise_requirement(framework: str, value: object) -> str:
    """Requirement ids as quire and the labels write them, compared loosely on spacing."""
    if isinstance(value, dict):
        value = value.get("id", "")
    text = re.sub(r"\s+", "", str(value))
    if framework == "gdpr":
        match = re.match(r"(?i)^art(?:icle)?\.?(\d+)", text)
        if match:
            return f"Art.{match.group(1)}"
    if framework == "soc2-2017":
        text = text.upper()
    return text


ANSWER_PREFIX = re.compile(
    r"(?i)^(not applicable|n/a|n\.a\.?|na|partially|partial|partly|yes|no|true|false|y|n)"
    r"(?=$|[\s.,;:!()\-\u2013\u2014])"
)
ANSWER_KEYS = {
    "yes": "Yes", "y": "Yes", "true": "Yes",
    "no": "No", "n": "No", "false": "No",
    "n/a": "N/A", "na": "N/A", "n.a": "N/A", "n.a.": "N/A", "not applicable": "N/A",
    "partial": "Partially", "partially": "Partially", "partly": "Partially",
}


def normalise_answer(value: object) -> str | None:
    """Quire's value as Yes/No/N/A/Partially, None for no answer, else the text itself.

    A value that starts with one of the answer words followed by punctuation or the end
    ("Yes. The organisation ...", "No - not yet", "N/A") counts as that answer.
    """
    if value is None:
        return None
    if isinstance(value, bool):
        return "Yes" if value else "No"
    text = " ".join(str(value).split())
    if not text:
        return None
    match = ANSWER_PREFIX.match(text)
    if match:
        return ANSWER_KEYS[match.group(1).lower()]
    return text


def is_empty(value: object) -> bool:
    """An empty basis: missing, blank, an empty collection, or the word "none"."""
    if value is None:
        return True
    if isinstance(value, str):
        return value.strip().lower() in ("", "none", "null")
    if isinstance(value, (list, tuple, dict, set)):
        return len(value) == 0
    return False


def run_quire(quire: Path, args: list[str], timeout: int) -> tuple[subprocess.CompletedProcess | None, float, str | None]:
    """Run quire from the repository root; (process, seconds, problem)."""
    command = [str(quire), *args]
    log("$ " + " ".join([rel(quire), *args]))
    started = time.monotonic()
    try:
        process = subprocess.run(command, cwd=ROOT, capture_output=True, timeout=timeout)
    except FileNotFoundError:
        return None, 0.0, f"{rel(quire)}: not found (build it: swift build -c release, or set QUIRE_BIN)"
    except PermissionError:
        return None, 0.0, f"{rel(quire)}: not executable"
    except subprocess.TimeoutExpired:
        return None, time.monotonic() - started, f"timed out after {timeout} s"
    seconds = time.monotonic() - started
    if process.returncode != 0:
        stderr = process.stderr.decode("utf-8", "replace").strip()
        return process, seconds, f"exit {process.returncode}: {shorten(stderr, 400)}"
    return process, seconds, None


def parse_json(data: bytes, what: str) -> tuple[object | None, str | None]:
    try:
        return json.loads(data.decode("utf-8")), None
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        return None, f"{what} is not JSON: {error}"


# ---------------------------------------------------------------------------------------------
# mapping scores


def predicted_lists(item: dict) -> dict[str, list[str]]:
    requirements = item.get("requirements") or {}
    out = {}
    for framework in FRAMEWORKS:
        seen, ordered = set(), []
        for value in requirements.get(framework) or []:
            rid = normalise_requirement(framework, value)
            if rid and rid not in seen:
                seen.add(rid)
                ordered.append(rid)
        out[framework] = ordered
    return out


def index_map_items(document: object) -> tuple[dict[str, dict], list[dict]]:
    items = document.get("items", []) if isinstance(document, dict) else []
    by_id: dict[str, dict] = {}
    for item in items:
        key = str(item.get("id", "")).strip()
        if key and key not in by_id:
            by_id[key] = item
    return by_id, items


def score_mapping(labels: dict[str, dict[str, list[str]]], by_id: dict[str, dict]) -> dict:
    """labels: item id -> framework -> labelled ids. Returns per-framework scores and per-item detail."""
    result = {"frameworks": {}, "items": {}}
    for framework in FRAMEWORKS:
        n = top1 = top3 = missing = 0
        for item_id, per_framework in labels.items():
            wanted = per_framework.get(framework) or []
            if not wanted:
                continue
            n += 1
            item = by_id.get(item_id)
            if item is None:
                missing += 1
                predicted = []
            else:
                predicted = predicted_lists(item)[framework]
            wanted_set = set(wanted)
            rank = next((i + 1 for i, rid in enumerate(predicted) if rid in wanted_set), None)
            if rank == 1:
                top1 += 1
            if rank is not None and rank <= 3:
                top3 += 1
            result["items"].setdefault(item_id, {})[framework] = {
                "labelled": wanted,
                "predicted": predicted[:10],
                "first_hit_rank": rank,
            }
        result["frameworks"][framework] = {
            "items": n,
            "top1": top1 / n if n else None,
            "top3": top3 / n if n else None,
            "top1_count": top1,
            "top3_count": top3,
            "not_in_output": missing,
        }
    return result


def mapping_table(scores: dict) -> str:
    rows = []
    for framework in FRAMEWORKS:
        s = scores["frameworks"][framework]
        rows.append([
            framework,
            s["items"],
            f"{s['top1_count']}",
            pct(s["top1"]),
            f"{s['top3_count']}",
            pct(s["top3"]),
            s["not_in_output"],
        ])
    return table(["framework", "labelled items", "top-1 hits", "top-1", "top-3 hits", "top-3", "missing from output"],
                 rows, right={1, 2, 3, 4, 5, 6})


# ---------------------------------------------------------------------------------------------
# a) labelled set, mapping


def load_labelled() -> list[dict]:
    with open(LABELLED_YAML, encoding="utf-8") as handle:
        return yaml.safe_load(handle)["questions"]


def labelled_mapping(quire: Path, questions: list[dict], timeout: int, misses: int) -> dict:
    print("== a) quire map on the labelled set (bench/labelled/questions.csv, "
          f"{len(questions)} questions, labelled by this project)")
    args = ["map", rel(LABELLED_CSV), "--library", rel(LIBRARY), "--format", "json"]
    process, seconds, problem = run_quire(quire, args, timeout)
    document = None
    if problem is None:
        document, problem = parse_json(process.stdout, "quire map output")
    if problem:
        print(f"quire map failed: {problem}\n")
        return {"ok": False, "error": problem, "command": ["quire", *args]}
    by_id, items = index_map_items(document)
    labels = {q["id"]: {f: list(q["requirements"].get(f) or []) for f in FRAMEWORKS} for q in questions}
    scores = score_mapping(labels, by_id)
    print(f"quire map: {len(items)} items in {seconds:.2f} s")
    print(mapping_table(scores))
    print()

    by_area = {}
    for q in questions:
        detail = scores["items"].get(q["id"], {})
        area = by_area.setdefault(q.get("area", "?"), {"n": 0, "iso": 0, "soc": 0})
        area["n"] += 1
        for framework, key in (("iso27001-2022", "iso"), ("soc2-2017", "soc")):
            rank = detail.get(framework, {}).get("first_hit_rank")
            if rank is not None and rank <= 3:
                area[key] += 1
    rows = [[a, v["n"], pct(v["iso"] / v["n"]), pct(v["soc"] / v["n"])] for a, v in sorted(by_area.items())]
    print("top-3 by area")
    print(table(["area", "items", "iso27001-2022", "soc2-2017"], rows, right={1, 2, 3}))
    print()

    worst = {}
    question_by_id = {q["id"]: q for q in questions}
    for framework in ("iso27001-2022", "soc2-2017"):
        missed = []
        for item_id, detail in scores["items"].items():
            d = detail.get(framework)
            if not d or (d["first_hit_rank"] is not None and d["first_hit_rank"] <= 1):
                continue
            missed.append((item_id, d))
        # Worst first: no correct id anywhere, then the correct id furthest down the list.
        missed.sort(key=lambda x: (x[1]["first_hit_rank"] is not None, -(x[1]["first_hit_rank"] or 0), x[0]))
        worst[framework] = []
        rows = []
        for item_id, d in missed[:misses]:
            controls = [str(c.get("id")) if isinstance(c, dict) else str(c) for c in (by_id.get(item_id, {}).get("controls") or [])][:3]
            worst[framework].append({
                "id": item_id,
                "question": question_by_id[item_id]["question"],
                "labelled": d["labelled"],
                "predicted": d["predicted"][:5],
                "first_hit_rank": d["first_hit_rank"],
                "controls": controls,
            })
            rows.append([
                item_id,
                shorten(question_by_id[item_id]["question"], 70),
                ", ".join(d["labelled"]),
                ", ".join(d["predicted"][:3]) or "(none)",
                d["first_hit_rank"] or "-",
                ", ".join(controls) or "-",
            ])
        print(f"worst-missed for {framework} (first hit not at rank 1; {len(missed)} such items, {len(rows)} shown)")
        if rows:
            print(table(["id", "question", "labelled", "quire top-3", "hit at", "quire controls"], rows, right={4}))
        print()
    return {
        "ok": True,
        "command": ["quire", *args],
        "seconds": round(seconds, 3),
        "items_in_output": len(items),
        "frameworks": scores["frameworks"],
        "worst_missed": worst,
        "items": scores["items"],
    }


# ---------------------------------------------------------------------------------------------
# b) labelled set, answers


def labelled_answers(quire: Path, questions: list[dict], timeout: int) -> dict:
    print("== b) quire answer on the labelled set (expected answers for samples/library, labelled by this project)")
    with tempfile.TemporaryDirectory(prefix="quire-accuracy-") as tmp:
        out_path = Path(tmp) / "answers.json"
        args = ["answer", rel(LABELLED_CSV), "--library", rel(LIBRARY), "-o", str(out_path), "--format", "json"]
        process, seconds, problem = run_quire(quire, args, timeout)
        document = None
        if problem is None:
            if out_path.exists():
                document, problem = parse_json(out_path.read_bytes(), f"{out_path.name}")
            else:
                document, problem = parse_json(process.stdout, "quire answer output")
            if problem is None and not (isinstance(document, dict) and isinstance(document.get("answers"), list)):
                # -o may hold something else (a filled-in questionnaire); fall back to stdout.
                alt, alt_problem = parse_json(process.stdout, "quire answer output")
                if alt_problem is None and isinstance(alt, dict) and isinstance(alt.get("answers"), list):
                    document = alt
                else:
                    problem = "no {\"answers\": [...]} document in the -o file or on stdout"
    if problem:
        print(f"quire answer failed: {problem}\n")
        return {"ok": False, "error": problem, "command": ["quire", *args[:4], "-o", "OUT.json", "--format", "json"]}

    answers = {}
    for entry in document["answers"]:
        key = str(entry.get("id", "")).strip()
        if key and key not in answers:
            answers[key] = entry

    counted = agree = 0  # labels other than "review"
    confident = confident_agree = 0  # of those, quire answered without asking for review
    answered = flagged = empty = missing = 0
    review_label_answered = []  # labelled "review" but answered without a review flag
    affirmative_without_basis, yes_on_risk = [], []
    confusion: dict[str, dict[str, int]] = {}
    disagreements = []
    for q in questions:
        entry = answers.get(q["id"])
        label = q["answer"]
        value = None
        needs_review = True
        if entry is None:
            missing += 1
            got = "(missing)"
        else:
            value = normalise_answer(entry.get("value"))
            needs_review = bool(entry.get("review")) or value is None
            if value is None:
                empty += 1
            elif needs_review:
                flagged += 1
            else:
                answered += 1
            got = "(empty)" if value is None else (value if value in ANSWER_CLASSES else "text")
            if value in ("Yes", "Partially") and is_empty(entry.get("basis")):
                affirmative_without_basis.append(q["id"])
            if q.get("risk") and value == "Yes":
                yes_on_risk.append(q["id"] + (" (flagged for review)" if needs_review else ""))
            if label == "review" and not needs_review:
                review_label_answered.append(q["id"])
        key = got if got in ("(missing)", "(empty)") else (got + (" ?" if needs_review else ""))
        confusion.setdefault(label, {}).setdefault(key, 0)
        confusion[label][key] += 1
        if label != "review":
            counted += 1
            if value == label:
                agree += 1
            if entry is not None and not needs_review:
                confident += 1
                if value == label:
                    confident_agree += 1
            if value != label:
                disagreements.append({
                    "id": q["id"],
                    "label": label,
                    "quire": None if entry is None else entry.get("value"),
                    "review": None if entry is None else entry.get("review"),
                    "review_reason": None if entry is None else entry.get("review_reason"),
                    "basis": None if entry is None else entry.get("basis"),
                    "controls": None if entry is None else entry.get("controls"),
                    "library_entry": None if entry is None else entry.get("library_entry"),
                })

    agreement = agree / counted if counted else None
    confident_agreement = confident_agree / confident if confident else None
    risk_items = sum(1 for q in questions if q.get("risk"))
    review_labels = sum(1 for q in questions if q["answer"] == "review")
    print(f"quire answer: {len(answers)} answers in {seconds:.2f} s")
    print(table(["measure", "value"], [
        ["labelled items (label not review)", counted],
        ["answer agreement: quire's value equals the label", f"{agree} ({pct(agreement)})"],
        ["  of items quire answered without a review flag", f"{confident_agree}/{confident} ({pct(confident_agreement)})"],
        ["items quire answered (value, no review flag)", answered],
        ["items quire sent to review with a value written", flagged],
        ["items quire sent to review with no value", empty],
        ["items missing from quire's output", missing],
        ["affirmative (Yes/Partially) with empty basis", len(affirmative_without_basis)],
        [f"Yes on the {risk_items} risk-phrased items", len(yes_on_risk)],
        [f"'review' labels ({review_labels}) answered without a review flag", len(review_label_answered)],
    ], right={1}))
    print()
    columns = ["Yes", "Yes ?", "No", "No ?", "N/A", "N/A ?", "Partially", "Partially ?", "text", "text ?", "(empty)", "(missing)"]
    rows = []
    for label in ("Yes", "No", "N/A", "Partially", "review"):
        counts = confusion.get(label, {})
        rows.append([label, sum(counts.values())] + [counts.get(c, 0) for c in columns])
    print("label (rows) against quire's value (columns; '?' = written but flagged for review, text = not Yes/No/N/A/Partially)")
    print(table(["label", "items"] + columns, rows, right=set(range(1, len(columns) + 2))))
    print()
    if affirmative_without_basis:
        print("affirmative without basis: " + ", ".join(affirmative_without_basis))
    if yes_on_risk:
        print("Yes on risk items: " + ", ".join(yes_on_risk))
    if review_label_answered:
        print("'review' labels answered without a flag: " + ", ".join(review_label_answered))
    if affirmative_without_basis or yes_on_risk or review_label_answered:
        print()
    return {
        "ok": True,
        "command": ["quire", *args[:4], "-o", "OUT.json", "--format", "json"],
        "seconds": round(seconds, 3),
        "labelled_items": counted,
        "agree": agree,
        "agreement": agreement,
        "confident_items": confident,
        "confident_agree": confident_agree,
        "confident_agreement": confident_agreement,
        "answered": answered,
        "sent_to_review_with_value": flagged,
        "sent_to_review_without_value": empty,
        "missing": missing,
        "affirmative_without_basis": affirmative_without_basis,
        "yes_on_risk_items": yes_on_risk,
        "risk_items": risk_items,
        "review_labels_answered_without_flag": review_label_answered,
        "confusion": confusion,
        "summary": document.get("summary"),
        "disagreements": disagreements,
    }


# ---------------------------------------------------------------------------------------------
# c) SCF


def header_text(value: object) -> str:
    return " ".join(str(value or "").split())


def pick_column(headers: list[str], test, what: str) -> int:
    matches = [i for i, h in enumerate(headers) if test(h)]
    if not matches:
        raise LookupError(f"no column for {what}")
    return matches[0]


def split_cell(value: object) -> list[str]:
    if value is None:
        return []
    return [t.strip() for t in re.split(r"[\n\r,;]+", str(value)) if t.strip()]


def scf_labels(path: Path) -> tuple[dict[str, dict[str, list[str]]], dict]:
    """SCF # -> framework -> ids, and a description of the columns used."""
    import openpyxl  # only needed here

    workbook = openpyxl.load_workbook(path, read_only=True, data_only=True)
    try:
        sheet, headers, header_row = None, None, None
        for candidate in workbook.worksheets:
            for r, row in enumerate(candidate.iter_rows(min_row=1, max_row=5, values_only=True), start=1):
                texts = [header_text(v) for v in row]
                if "SCF #" in texts:
                    sheet, headers, header_row = candidate, texts, r
                    break
            if sheet is not None:
                break
        if sheet is None:
            raise LookupError("no sheet with an 'SCF #' header")
        up = [h.upper() for h in headers]
        col_id = headers.index("SCF #")
        col_soc = pick_column(up, lambda h: "AICPA" in h or "TSC" in h, "SOC 2 (AICPA TSC)")
        col_27002 = pick_column(up, lambda h: "27002" in h and "2022" in h, "ISO 27002:2022")
        col_27001 = next((i for i, h in enumerate(up) if "27001" in h and "2022" in h), None)
        col_gdpr = pick_column(up, lambda h: "GDPR" in h and "EU" in h.split() and "UK" not in h.split(), "EU GDPR")
        columns = {
            "sheet": sheet.title,
            "id": headers[col_id],
            "soc2-2017": headers[col_soc],
            "iso27001-2022": [headers[col_27002]] + ([headers[col_27001]] if col_27001 is not None else []),
            "gdpr": headers[col_gdpr],
        }
        labels: dict[str, dict[str, list[str]]] = {}
        for row in sheet.iter_rows(min_row=header_row + 1, values_only=True):
            if row is None or col_id >= len(row) or row[col_id] is None:
                continue
            scf_id = str(row[col_id]).strip()
            if not scf_id:
                continue

            def cell(i: int | None) -> object:
                return row[i] if i is not None and i < len(row) else None

            iso: list[str] = []
            for token in split_cell(cell(col_27002)):
                match = re.match(r"^A?\.?(\d+\.\d+)", token)
                if match:
                    iso.append("A." + match.group(1))
            for token in split_cell(cell(col_27001)):
                if token.upper().startswith("A."):
                    match = re.match(r"^A\.(\d+\.\d+)", token, re.I)
                    if match:
                        iso.append("A." + match.group(1))
                    continue
                match = re.match(r"^(\d+(?:\.\d+)*)", token)
                if match:
                    clause = match.group(1)
                    iso.append(clause)
                    parts = clause.split(".")
                    if len(parts) > 2:  # 9.3.2 also counts as 9.3
                        iso.append(".".join(parts[:2]))
            soc = [normalise_requirement("soc2-2017", t) for t in split_cell(cell(col_soc))]
            gdpr = []
            for token in split_cell(cell(col_gdpr)):
                match = re.match(r"(?i)^art(?:icle)?\.?\s*(\d+)", token)
                if match:
                    gdpr.append(f"Art.{match.group(1)}")

            def dedupe(values: list[str]) -> list[str]:
                return list(dict.fromkeys(v for v in values if v))

            labels[scf_id] = {"iso27001-2022": dedupe(iso), "soc2-2017": dedupe(soc), "gdpr": dedupe(gdpr)}
        return labels, columns
    finally:
        workbook.close()


def scf_mapping(quire: Path, corpus: Path, timeout: int) -> dict:
    path = corpus / SCF_RELATIVE
    print(f"== c) quire map on the SCF 2022.3 question bank ({rel(path)})")
    print("   NOTE: this set was labelled by the SCF authors (the workbook's own mapping columns), not by this project.")
    if not path.is_file():
        problem = f"{path}: not found (set QUIRE_CORPUS)"
        print(f"skipped: {problem}\n")
        return {"ok": False, "error": problem}
    try:
        labels, columns = scf_labels(path)
    except Exception as error:  # noqa: BLE001 - report and carry on
        print(f"could not read the SCF labels: {error}\n")
        return {"ok": False, "error": str(error)}
    print("   columns: SOC 2 = " + repr(columns["soc2-2017"]) + "; ISO 27001:2022 = "
          + " + ".join(repr(c) for c in columns["iso27001-2022"]) + "; GDPR = " + repr(columns["gdpr"]))
    args = ["map", str(path), "--format", "json"]
    process, seconds, problem = run_quire(quire, args, timeout)
    document = None
    if problem is None:
        document, problem = parse_json(process.stdout, "quire map output")
    if problem:
        print(f"quire map failed: {problem}\n")
        return {"ok": False, "error": problem, "rows": len(labels), "columns": columns}
    by_id, items = index_map_items(document)
    scores = score_mapping(labels, by_id)
    print(f"quire map: {len(items)} items in {seconds:.2f} s; {len(labels)} SCF rows read with openpyxl")
    print(mapping_table(scores))
    print()
    return {
        "ok": True,
        "command": ["quire", "map", "$QUIRE_CORPUS/" + str(SCF_RELATIVE), "--format", "json"],
        "labelled_by": "SCF authors (the workbook's mapping columns)",
        "columns": columns,
        "rows": len(labels),
        "items_in_output": len(items),
        "seconds": round(seconds, 3),
        "frameworks": scores["frameworks"],
    }


# ---------------------------------------------------------------------------------------------


def main() -> int:
    quire = env_path("QUIRE_BIN", ".build/release/quire")
    corpus = env_path("QUIRE_CORPUS", "../shared/corpus")
    timeout = env_int("BENCH_TIMEOUT", 600)
    misses = env_int("BENCH_MISSES", 20)
    strict = os.environ.get("BENCH_STRICT", "").strip() == "1"

    questions = load_labelled()
    print(f"quire: {rel(quire)}    labelled set: {rel(LABELLED_YAML)} ({len(questions)} questions)")
    print()
    result = {
        "generated": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
        "quire_bin": rel(quire),
        "labelled_questions": len(questions),
    }
    result["labelled_map"] = labelled_mapping(quire, questions, timeout, misses)
    result["labelled_answer"] = labelled_answers(quire, questions, timeout)
    result["scf_map"] = scf_mapping(quire, corpus, timeout)

    goals = []
    lm = result["labelled_map"]
    for framework, goal in GOAL_TOP3.items():
        value = lm["frameworks"][framework]["top3"] if lm.get("ok") else None
        goals.append({"goal": f"top-3 {framework} >= {goal:.2f} (labelled set)", "value": value,
                      "met": value is not None and value >= goal})
    la = result["labelled_answer"]
    basis = len(la["affirmative_without_basis"]) if la.get("ok") else None
    risky = len(la["yes_on_risk_items"]) if la.get("ok") else None
    goals.append({"goal": "affirmative answers without basis == 0", "value": basis, "met": basis == 0})
    goals.append({"goal": "Yes on risk items == 0", "value": risky, "met": risky == 0})
    result["goals"] = goals

    print("== goals")
    rows = []
    for g in goals:
        value = g["value"]
        shown = "-" if value is None else (pct(value) if isinstance(value, float) else str(value))
        rows.append([g["goal"], shown, "met" if g["met"] else "NOT MET"])
    print(table(["goal", "value", ""], rows, right={1}))

    OUT.mkdir(parents=True, exist_ok=True)
    out_file = OUT / "accuracy.json"
    out_file.write_text(json.dumps(result, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"\nnumbers written to {rel(out_file)}")

    if strict and not all(g["met"] for g in goals):
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
