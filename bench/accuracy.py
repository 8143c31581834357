#!/usr/bin/env python3
"""Accuracy of `quire map` and `quire answer` against labelled questionnaires.

Run from anywhere (paths are resolved from the repository root):
    .venv/bin/python bench/accuracy.py

The labelled set (bench/labelled/questions.yaml) is split once into a TUNING part and a HELD-OUT
part by bench/labelled/split.yaml (its header states the rule). A first fresh set
(bench/labelled/fresh.yaml, F-001 ...) was written later by someone who had not seen quire's
answering code or results; it was held out for one blind run (its figures are kept in
bench/README.md) and then moved into the TUNING part, so that its failures could be studied and the
confidence fitted on more data. A second, third and fourth fresh set (fresh2.yaml, G-001 ...;
fresh3.yaml, H-001 ...; fresh4.yaml, I-001 ...) went the same way after their runs as the fresh
part. The FRESH part is now bench/labelled/fresh5.yaml (J-001 ...), written the same way after
that; all of it is held out. Every labelled measurement is reported for
each part (and for all items); the goals are judged on the HELD-OUT and FRESH parts.
For held-out and fresh items only counts and rates are printed or written to the JSON, never
question texts or per-item results, so that those parts stay unseen by whoever tunes quire.

Three measurements:

The questionnaire quire reads is bench/out/labelled-all.csv: questions.csv, fresh.csv, fresh2.csv,
fresh3.csv, fresh4.csv and fresh5.csv (each generated from its YAML by bench/labelled/make_csv.py) under one header.

a) Mapping, labelled set. `quire map bench/out/labelled-all.csv --library samples/library
   --format json`; for each framework F in iso27001-2022, soc2-2017, gdpr, over the items whose
   labelled list for F is not empty: top-1 = share whose first predicted id is in the labelled
   list, top-3 = share with any of the first three predicted ids in it. Per part; the table by
   area and the worst-missed lists are for the tuning part only.
b) Answers, labelled set. `quire answer bench/out/labelled-all.csv --library samples/library
   -o OUT --format json`. Quire's value is normalised (Yes/Y/True, No/N/False, N/A/NA/Not applicable,
   Partial/Partially; a value starting with one of those words counts as it) and is "right" when it
   equals the label; a value is never right on an item labelled "review". Per part:
     - answerable items: label not "review";
     - written: a value and review false (what quire would put in the file without a person);
     - auto-written rate: written answerable items / answerable items;
     - precision of written answers: written items that are right / written items (written items
       labelled "review" count as wrong); the wrong ones are listed for the tuning part only;
     - proposals: items with a value, written or sent to review; share of them that are right;
     - calibration: quire's `confidence` over the proposals, in bands 0-0.2, 0.2-0.4, 0.4-0.6,
       0.6-0.8, 0.8-0.9, 0.9-1.0 (count, mean confidence, share right), and the Brier score
       (mean of (confidence - right)^2, right = 1 or 0);
     - a confidence threshold chosen on the TUNING part: the lowest t such that the tuning
       proposals with confidence >= t are >= 98% right; with it, for each part: proposals at or
       above t, precision, and recall = right proposals at or above t / answerable items;
     - as before: agreement among answerable items, sent to review with/without a value,
       affirmative answers (Yes or Partially) with an empty basis, "Yes" on the risk-phrased items (unless labelled Yes),
       and the label-against-value table.
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
    BENCH_MISSES    how many worst-missed tuning questions to list per framework (default 20)
    BENCH_TIMEOUT   seconds before a quire run is abandoned (default 600)
    BENCH_STRICT    1: exit 1 when a goal fails (default: always exit 0)

Goals, on the HELD-OUT and FRESH parts (each must meet it): precision of written answers >= 98%; >= 60% of answerable items
written without review; top-3 >= 0.90 for iso27001-2022 and soc2-2017, >= 0.80 for gdpr. On all
items: no affirmative answer without a basis; no "Yes" on a risk item whose label is not "Yes". Everything is printed as
plain text tables and written as JSON to bench/out/accuracy.json.
"""

import csv
import datetime as dt
import json
import os
import re
import shutil
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
# The earlier fresh sets (F-001 ..., G-001 ..., H-001 ..., I-001 ...): each held out for its blind runs, then
# moved into the tuning part (their blind figures are in bench/README.md).
PROMOTED = [
    (BENCH / "labelled" / "fresh.yaml", BENCH / "labelled" / "fresh.csv"),
    (BENCH / "labelled" / "fresh2.yaml", BENCH / "labelled" / "fresh2.csv"),
    (BENCH / "labelled" / "fresh3.yaml", BENCH / "labelled" / "fresh3.csv"),
    (BENCH / "labelled" / "fresh4.yaml", BENCH / "labelled" / "fresh4.csv"),
]
# The fresh set now held out (J-001 ...).
FRESH_YAML = BENCH / "labelled" / "fresh5.yaml"
FRESH_CSV = BENCH / "labelled" / "fresh5.csv"
FRESH_PREFIX = "J-"
# The three CSVs under one header: what quire reads.
COMBINED_CSV = OUT / "labelled-all.csv"
LIBRARY = ROOT / "samples" / "library"
SPLIT_YAML = BENCH / "labelled" / "split.yaml"
SCF_RELATIVE = Path("questionnaires") / "scf" / "scf-2022.3.xlsx"

FRAMEWORKS = ("iso27001-2022", "soc2-2017", "gdpr")
TUNING, HELD_OUT, FRESH, ALL = "tuning", "held-out", "fresh", "all"
PARTS = (TUNING, HELD_OUT, FRESH)
PARTS_ALL = (TUNING, HELD_OUT, FRESH, ALL)
# The parts nothing was tuned on: goals are judged on each of them.
UNSEEN = (HELD_OUT, FRESH)
# Goals, judged on the held-out and fresh parts.
GOAL_TOP3 = {"iso27001-2022": 0.90, "soc2-2017": 0.90, "gdpr": 0.80}
GOAL_PRECISION = 0.98
GOAL_AUTO_WRITTEN = 0.60
GOAL_SECOND_PASS = 0.95
# Calibration bands of quire's confidence; the last one includes 1.0.
BANDS = ((0.0, 0.2), (0.2, 0.4), (0.4, 0.6), (0.6, 0.8), (0.8, 0.9), (0.9, 1.0))
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


def run_quire(quire: Path, args: list[str], timeout: int,
              cwd: Path = ROOT) -> tuple[subprocess.CompletedProcess | None, float, str | None]:
    """Run quire (from the repository root unless told); (process, seconds, problem)."""
    command = [str(quire), *args]
    log("$ " + " ".join([rel(quire), *args]))
    started = time.monotonic()
    try:
        process = subprocess.run(command, cwd=cwd, capture_output=True, timeout=timeout)
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
# the labelled set and its split


def load_labelled() -> list[dict]:
    with open(LABELLED_YAML, encoding="utf-8") as handle:
        return yaml.safe_load(handle)["questions"]


def load_promoted() -> list[dict]:
    """The earlier fresh sets, now part of the tuning part."""
    questions = []
    for path, _ in PROMOTED:
        with open(path, encoding="utf-8") as handle:
            questions += yaml.safe_load(handle)["questions"]
    return questions


def load_fresh() -> list[dict]:
    with open(FRESH_YAML, encoding="utf-8") as handle:
        return yaml.safe_load(handle)["questions"]


def load_all() -> list[dict]:
    """Every labelled question: questions.yaml, the promoted fresh sets, the fresh set."""
    return load_labelled() + load_promoted() + load_fresh()


def write_combined_csv() -> Path:
    """questions.csv and the fresh sets' CSVs under one header, as bench/out/labelled-all.csv."""
    lines = LABELLED_CSV.read_text(encoding="utf-8").splitlines(keepends=True)
    for extra in [*(csv_path for _, csv_path in PROMOTED), FRESH_CSV]:
        more = extra.read_text(encoding="utf-8").splitlines(keepends=True)
        if not more or more[0] != lines[0]:
            raise SystemExit(f"{rel(extra)} must have the header of {rel(LABELLED_CSV)}; run bench/labelled/make_csv.py")
        lines += more[1:]
    OUT.mkdir(parents=True, exist_ok=True)
    COMBINED_CSV.write_text("".join(lines), encoding="utf-8")
    return COMBINED_CSV


def load_split(questions: list[dict]) -> tuple[dict[str, str], dict]:
    """Item id -> "tuning" or "held-out", and a description of the split for the JSON.

    Items of fresh5.yaml are "fresh"; those of fresh.yaml … fresh4.yaml (the earlier
    fresh sets, promoted after their blind runs) are tuning. Other items that split.yaml does not cover (added after the split) count
    as tuning and are reported.
    """
    with open(SPLIT_YAML, encoding="utf-8") as handle:
        split = yaml.safe_load(handle)
    held = set(split.get("held_out") or [])
    covered = set(split.get("covers") or [])
    ids = [q["id"] for q in questions]
    part_of = {i: (FRESH if i.startswith(FRESH_PREFIX) else HELD_OUT if i in held else TUNING) for i in ids}
    info = {
        "file": rel(SPLIT_YAML),
        "format": split.get("format"),
        "rule": split.get("rule"),
        "sizes": {part: sum(1 for p in part_of.values() if p == part) for part in PARTS},
        "not_covered": [i for i in ids if i not in covered and i.startswith("L-")],
        "held_out_ids_not_in_questions": sorted(held - set(ids)),
    }
    return part_of, info


def in_part(questions: list[dict], part_of: dict[str, str], part: str) -> list[dict]:
    return [q for q in questions if part == ALL or part_of[q["id"]] == part]


# ---------------------------------------------------------------------------------------------
# a) labelled set, mapping


def mapping_rows(part: str, scores: dict) -> list[list[object]]:
    rows = []
    for framework in FRAMEWORKS:
        s = scores["frameworks"][framework]
        rows.append([part, framework, s["items"], s["top1_count"], pct(s["top1"]), s["top3_count"], pct(s["top3"]),
                     s["not_in_output"]])
    return rows


MAPPING_HEADERS = ["part", "framework", "labelled items", "top-1 hits", "top-1", "top-3 hits", "top-3",
                   "missing from output"]


def labelled_mapping(quire: Path, questions: list[dict], part_of: dict[str, str], timeout: int, misses: int) -> dict:
    print(f"== a) quire map on the labelled set ({rel(COMBINED_CSV)}, "
          f"{len(questions)} questions, labelled by this project)")
    args = ["map", rel(COMBINED_CSV), "--library", rel(LIBRARY), "--format", "json"]
    process, seconds, problem = run_quire(quire, args, timeout)
    document = None
    if problem is None:
        document, problem = parse_json(process.stdout, "quire map output")
    if problem:
        print(f"quire map failed: {problem}\n")
        return {"ok": False, "error": problem, "command": ["quire", *args]}
    by_id, items = index_map_items(document)
    labels = {q["id"]: {f: list(q["requirements"].get(f) or []) for f in FRAMEWORKS} for q in questions}
    scores = {part: score_mapping({q["id"]: labels[q["id"]] for q in in_part(questions, part_of, part)}, by_id)
              for part in PARTS_ALL}
    print(f"quire map: {len(items)} items in {seconds:.2f} s")
    rows = []
    for part in PARTS_ALL:
        rows += mapping_rows(part, scores[part])
    print(table(MAPPING_HEADERS, rows, right={2, 3, 4, 5, 6, 7}))
    print()

    tuning = in_part(questions, part_of, TUNING)
    by_area = {}
    for q in tuning:
        detail = scores[TUNING]["items"].get(q["id"], {})
        area = by_area.setdefault(q.get("area", "?"), {"n": 0, "iso": 0, "soc": 0, "gdpr_n": 0, "gdpr": 0})
        area["n"] += 1
        for framework, key in (("iso27001-2022", "iso"), ("soc2-2017", "soc"), ("gdpr", "gdpr")):
            d = detail.get(framework)
            if framework == "gdpr" and d:
                area["gdpr_n"] += 1
            if d and d["first_hit_rank"] is not None and d["first_hit_rank"] <= 3:
                area[key] += 1
    rows = [[a, v["n"], pct(v["iso"] / v["n"]), pct(v["soc"] / v["n"]),
             f"{v['gdpr']}/{v['gdpr_n']}" if v["gdpr_n"] else "-"] for a, v in sorted(by_area.items())]
    print("top-3 by area, TUNING part only (held-out areas hold 1-8 items each; their rates would show single items)")
    print(table(["area", "items", "iso27001-2022", "soc2-2017", "gdpr hits"], rows, right={1, 2, 3, 4}))
    print()

    worst = {}
    question_by_id = {q["id"]: q for q in questions}
    for framework in FRAMEWORKS:
        missed = []
        for item_id, detail in scores[TUNING]["items"].items():
            d = detail.get(framework)
            if not d or (d["first_hit_rank"] is not None and d["first_hit_rank"] <= 1):
                continue
            missed.append((item_id, d))
        held_missed = sum(1 for part in UNSEEN for d in scores[part]["items"].values()
                          if framework in d and (d[framework]["first_hit_rank"] or 99) > 1)
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
        print(f"worst-missed for {framework}, TUNING part (first hit not at rank 1; {len(missed)} such items, "
              f"{len(rows)} shown; held-out and fresh: {held_missed} such items, not listed)")
        if rows:
            print(table(["id", "question", "labelled", "quire top-3", "hit at", "quire controls"], rows, right={4}))
        print()
    return {
        "ok": True,
        "command": ["quire", *args],
        "seconds": round(seconds, 3),
        "items_in_output": len(items),
        "frameworks": scores[ALL]["frameworks"],
        "parts": {part: {"frameworks": scores[part]["frameworks"]} for part in PARTS},
        "by_area_tuning": by_area,
        "worst_missed_tuning": worst,
        "items_tuning": scores[TUNING]["items"],
    }


# ---------------------------------------------------------------------------------------------
# b) labelled set, answers


def answer_records(questions: list[dict], answers: dict[str, dict]) -> list[dict]:
    """One record per labelled question: the label and what quire did with it."""
    records = []
    for q in questions:
        entry = answers.get(q["id"])
        value = None if entry is None else normalise_answer(entry.get("value"))
        review = True if entry is None else (bool(entry.get("review")) or value is None)
        try:
            confidence = float(entry.get("confidence") or 0.0) if entry is not None else 0.0
        except (TypeError, ValueError):
            confidence = 0.0
        records.append({
            "id": q["id"],
            "label": q["answer"],
            "risk": bool(q.get("risk")),
            "entry": entry,
            "value": value,
            "missing": entry is None,
            "review": review,
            "written": entry is not None and value is not None and not bool(entry.get("review")),
            "right": value is not None and value == q["answer"],
            "confidence": confidence,
        })
    return records


def band_of(confidence: float) -> int:
    for i, (low, high) in enumerate(BANDS):
        if low <= confidence < high or (i == len(BANDS) - 1 and confidence >= low):
            return i
    return 0


def ratio(numerator: int, denominator: int) -> float | None:
    return numerator / denominator if denominator else None


def answer_stats(records: list[dict]) -> dict:
    answerable = [r for r in records if r["label"] != "review"]
    written = [r for r in records if r["written"]]
    written_answerable = [r for r in written if r["label"] != "review"]
    written_right = [r for r in written if r["right"]]
    proposals = [r for r in records if r["value"] is not None]
    proposals_right = [r for r in proposals if r["right"]]
    agree = [r for r in answerable if r["right"]]

    confusion: dict[str, dict[str, int]] = {}
    affirmative_without_basis, yes_on_risk, review_label_written = [], [], []
    for r in records:
        entry = r["entry"]
        if r["missing"]:
            got = "(missing)"
        elif r["value"] is None:
            got = "(empty)"
        else:
            got = (r["value"] if r["value"] in ANSWER_CLASSES else "text") + (" ?" if r["review"] else "")
            if r["value"] in ("Yes", "Partially") and is_empty(entry.get("basis")):
                affirmative_without_basis.append(r["id"])
            # A risk item whose honest answer is "Yes" (the company admits the weakness) is labelled
            # so, with its reason; only a "Yes" the label does not say counts here.
            if r["risk"] and r["value"] == "Yes" and r["label"] != "Yes":
                yes_on_risk.append(r["id"] + (" (flagged for review)" if r["review"] else ""))
        if r["label"] == "review" and r["written"]:
            review_label_written.append(r["id"])
        confusion.setdefault(r["label"], {}).setdefault(got, 0)
        confusion[r["label"]][got] += 1

    bands = []
    for i, (low, high) in enumerate(BANDS):
        members = [r for r in proposals if band_of(r["confidence"]) == i]
        bands.append({
            "band": f"{low:.1f}-{high:.1f}",
            "count": len(members),
            "mean_confidence": (sum(r["confidence"] for r in members) / len(members)) if members else None,
            "right": sum(1 for r in members if r["right"]),
            "share_right": ratio(sum(1 for r in members if r["right"]), len(members)),
        })
    brier = (sum((r["confidence"] - (1.0 if r["right"] else 0.0)) ** 2 for r in proposals) / len(proposals)
             if proposals else None)
    return {
        "items": len(records),
        "answerable": len(answerable),
        "written": len(written),
        "written_answerable": len(written_answerable),
        "written_labelled_review": len(written) - len(written_answerable),
        "auto_written_rate": ratio(len(written_answerable), len(answerable)),
        "written_right": len(written_right),
        "precision_written": ratio(len(written_right), len(written)),
        "proposals": len(proposals),
        "proposals_labelled_review": sum(1 for r in proposals if r["label"] == "review"),
        "proposals_right": len(proposals_right),
        "proposals_agreement": ratio(len(proposals_right), len(proposals)),
        "agree": len(agree),
        "agreement": ratio(len(agree), len(answerable)),
        "sent_to_review_with_value": sum(1 for r in records if r["value"] is not None and r["review"]),
        "sent_to_review_without_value": sum(1 for r in records if not r["missing"] and r["value"] is None),
        "missing": sum(1 for r in records if r["missing"]),
        "risk_items": sum(1 for r in records if r["risk"]),
        "review_labels": len(records) - len(answerable),
        "affirmative_without_basis": affirmative_without_basis,
        "yes_on_risk_items": yes_on_risk,
        "review_labels_written": review_label_written,
        "confusion": confusion,
        "calibration": bands,
        "brier": brier,
    }


def choose_threshold(records: list[dict], goal: float) -> float | None:
    """The lowest confidence t at which the proposals with confidence >= t are at least `goal` right."""
    proposals = [r for r in records if r["value"] is not None]
    for t in sorted({r["confidence"] for r in proposals}):
        chosen = [r for r in proposals if r["confidence"] >= t]
        if chosen and sum(1 for r in chosen if r["right"]) / len(chosen) >= goal:
            return t
    return None


def at_threshold(records: list[dict], t: float | None) -> dict:
    answerable = sum(1 for r in records if r["label"] != "review")
    if t is None:
        return {"threshold": None, "written": 0, "right": 0, "precision": None, "recall": None, "answerable": answerable}
    chosen = [r for r in records if r["value"] is not None and r["confidence"] >= t]
    right = sum(1 for r in chosen if r["right"])
    return {
        "threshold": t,
        "written": len(chosen),
        "right": right,
        "precision": ratio(right, len(chosen)),
        "recall": ratio(right, answerable),
        "answerable": answerable,
    }


def fraction(numerator: int, denominator: int) -> str:
    return f"{numerator}/{denominator} ({pct(ratio(numerator, denominator))})"


def labelled_answers(quire: Path, questions: list[dict], part_of: dict[str, str], timeout: int) -> dict:
    print("== b) quire answer on the labelled set (expected answers for samples/library, labelled by this project)")
    with tempfile.TemporaryDirectory(prefix="quire-accuracy-") as tmp:
        out_path = Path(tmp) / "answers.json"
        args = ["answer", rel(COMBINED_CSV), "--library", rel(LIBRARY), "-o", str(out_path), "--format", "json"]
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

    records = {part: answer_records(in_part(questions, part_of, part), answers) for part in PARTS_ALL}
    stats = {part: answer_stats(records[part]) for part in PARTS_ALL}
    print(f"quire answer: {len(answers)} answers in {seconds:.2f} s")

    def row(name: str, show) -> list[object]:
        return [name] + [show(stats[part]) for part in PARTS_ALL]

    print(table(["measure"] + list(PARTS_ALL), [
        row("items", lambda s: s["items"]),
        row("answerable items (label not review)", lambda s: s["answerable"]),
        row("auto-written: written without review / answerable", lambda s: fraction(s["written_answerable"], s["answerable"])),
        row("written items (value, review false)", lambda s: s["written"]),
        row("  of them labelled review", lambda s: s["written_labelled_review"]),
        row("precision of written answers: right / written", lambda s: fraction(s["written_right"], s["written"])),
        row("proposals (a value, written or in review)", lambda s: s["proposals"]),
        row("  of them labelled review (never right)", lambda s: s["proposals_labelled_review"]),
        row("proposals that agree with the label", lambda s: fraction(s["proposals_right"], s["proposals"])),
        row("agreement: value equals label / answerable", lambda s: fraction(s["agree"], s["answerable"])),
        row("sent to review with a value", lambda s: s["sent_to_review_with_value"]),
        row("sent to review with no value", lambda s: s["sent_to_review_without_value"]),
        row("missing from quire's output", lambda s: s["missing"]),
        row("affirmative (Yes/Partially) with empty basis", lambda s: len(s["affirmative_without_basis"])),
        row("Yes on risk-phrased items", lambda s: f"{len(s['yes_on_risk_items'])} of {s['risk_items']}"),
        row("'review' labels written without review", lambda s: f"{len(s['review_labels_written'])} of {s['review_labels']}"),
        row("Brier score over proposals (lower is better)", lambda s: "-" if s["brier"] is None else f"{s['brier']:.4f}"),
    ], right={1, 2, 3}))
    print()

    columns = ["Yes", "Yes ?", "No", "No ?", "N/A", "N/A ?", "Partially", "Partially ?", "text", "text ?", "(empty)", "(missing)"]
    for part in PARTS:
        rows = []
        for label in ("Yes", "No", "N/A", "Partially", "review"):
            counts = stats[part]["confusion"].get(label, {})
            rows.append([label, sum(counts.values())] + [counts.get(c, 0) for c in columns])
        print(f"{part.upper()}: label (rows) against quire's value (columns; '?' = sent to review with that value, "
              "text = not Yes/No/N/A/Partially)")
        print(table(["label", "items"] + columns, rows, right=set(range(1, len(columns) + 2))))
        print()

    print("calibration of quire's confidence over proposals (items with a value, written or in review)")
    rows = []
    for i, (low, high) in enumerate(BANDS):
        line = [f"{low:.1f}-{high:.1f}" + (" (incl. 1.0)" if i == len(BANDS) - 1 else "")]
        for part in PARTS:
            b = stats[part]["calibration"][i]
            line += [b["count"], "-" if b["mean_confidence"] is None else f"{b['mean_confidence']:.3f}",
                     "-" if b["share_right"] is None else f"{b['right']} ({pct(b['share_right'])})"]
        rows.append(line)
    rows.append(["Brier score"] + sum(([stats[p]["proposals"], "", "-" if stats[p]["brier"] is None else f"{stats[p]['brier']:.4f}"]
                                       for p in PARTS), []))
    headers = ["confidence band"] + sum(([f"{part} n", "mean conf", "right"] for part in PARTS), [])
    print(table(headers, rows, right=set(range(1, len(headers)))))
    print()

    threshold = choose_threshold(records[TUNING], GOAL_PRECISION)
    thresholds = {part: at_threshold(records[part], threshold) for part in PARTS_ALL}
    shown_t = "none reaches it" if threshold is None else f"t = {threshold:.3f}"
    if threshold is not None:
        below = [r["confidence"] for r in records[TUNING] if r["value"] is not None and r["confidence"] < threshold]
        support = sum(1 for r in records[TUNING] if r["value"] is not None and r["confidence"] >= threshold)
        shown_t += (f" (from {support} tuning proposals at or above it; any t in "
                    f"({max(below):.3f}, {threshold:.3f}] selects the same ones)" if below else
                    f" (from {support} tuning proposals at or above it)")
    print(f"confidence threshold CHOSEN ON THE TUNING PART: the lowest t at which tuning proposals with confidence >= t "
          f"are >= {GOAL_PRECISION:.0%} right: {shown_t}")
    print("if every proposal with confidence >= t were written (recall = right ones written / answerable items);"
          " quire's own write rule for comparison")
    rows = []
    for part in PARTS_ALL:
        a, s = thresholds[part], stats[part]
        rows.append([part + (" (chose t)" if part == TUNING else ""), a["written"], fraction(a["right"], a["written"]),
                     fraction(a["right"], a["answerable"]), s["written"], pct(s["precision_written"]),
                     fraction(s["written_right"], s["answerable"])])
    print(table(["part", "proposals >= t", "precision at t", "recall at t", "quire wrote", "quire precision",
                 "quire recall"], rows, right={1, 2, 3, 4, 5, 6}))
    print()

    wrong = []
    for r in records[TUNING]:
        if r["written"] and not r["right"]:
            e = r["entry"]
            wrong.append({
                "id": r["id"], "label": r["label"], "value": e.get("value"), "basis": e.get("basis"),
                "confidence": r["confidence"], "controls": e.get("controls"), "library_entry": e.get("library_entry"),
                "review_reason": e.get("review_reason"),
            })
    held_wrong = ", ".join(f"{p}: {stats[p]['written'] - stats[p]['written_right']}" for p in UNSEEN)
    print(f"written answers that are wrong, TUNING part: {len(wrong)} ({held_wrong}, not listed)")
    if wrong:
        print(table(["id", "label", "quire's value", "basis", "conf", "controls / library entry", "review reason"], [
            [w["id"], w["label"], shorten(w["value"], 50), w["basis"], f"{w['confidence']:.2f}",
             ", ".join(w["controls"] or []) or (w["library_entry"] or "-"), w["review_reason"] or "-"]
            for w in wrong], right={4}))
    print()
    tuning = stats[TUNING]
    for name, key in (("affirmative without basis", "affirmative_without_basis"), ("Yes on risk items", "yes_on_risk_items"),
                      ("'review' labels written without review", "review_labels_written")):
        if tuning[key] or any(stats[p][key] for p in UNSEEN):
            print(f"{name}: tuning {', '.join(tuning[key]) or 'none'}; "
                  + "; ".join(f"{p} {len(stats[p][key])}" for p in UNSEEN) + " (not listed)")

    disagreements = []
    for r in records[TUNING]:
        if r["label"] != "review" and not r["right"]:
            e = r["entry"] or {}
            disagreements.append({
                "id": r["id"], "label": r["label"], "quire": e.get("value"), "review": e.get("review"),
                "confidence": e.get("confidence"), "review_reason": e.get("review_reason"), "basis": e.get("basis"),
                "controls": e.get("controls"), "library_entry": e.get("library_entry"),
            })

    def public(part: str) -> dict:
        s = dict(stats[part])
        if part != TUNING:  # ids only for the tuning part; counts for held-out and all
            for key in ("affirmative_without_basis", "yes_on_risk_items", "review_labels_written"):
                s[key] = len(s[key])
        return s

    return {
        "ok": True,
        "command": ["quire", *args[:4], "-o", "OUT.json", "--format", "json"],
        "seconds": round(seconds, 3),
        "parts": {part: public(part) for part in PARTS_ALL},
        "threshold": {"chosen_on": TUNING, "goal_precision": GOAL_PRECISION, "t": threshold,
                      "at_t": thresholds},
        "wrong_written_tuning": wrong,
        "disagreements_tuning": disagreements,
        "summary": document.get("summary"),
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


def summary_lines(result: dict) -> list[str]:
    lines = []
    lm, la, scf = result["labelled_map"], result["labelled_answer"], result["scf_map"]
    for part in PARTS:
        bits = [f"{part:<8} ({result['split']['sizes'][part]} items)"]
        if lm.get("ok"):
            fw = lm["parts"][part]["frameworks"]
            bits.append("top-3 " + ", ".join(f"{f} {pct(fw[f]['top3'])}" for f in FRAMEWORKS))
        if la.get("ok"):
            s = la["parts"][part]
            a = la["threshold"]["at_t"][part]
            bits.append(f"auto-written {s['written_answerable']}/{s['answerable']} ({pct(s['auto_written_rate'])})")
            bits.append(f"precision {s['written_right']}/{s['written']} ({pct(s['precision_written'])})")
            bits.append(f"proposals right {s['proposals_right']}/{s['proposals']} ({pct(s['proposals_agreement'])})")
            bits.append("Brier " + ("-" if s["brier"] is None else f"{s['brier']:.3f}"))
            bits.append("at t " + ("-" if a["threshold"] is None else
                                   f"{a['threshold']:.3f}: precision {pct(a['precision'])}, recall {pct(a['recall'])}"))
        lines.append(" | ".join(bits))
    if scf.get("ok"):
        fw = scf["frameworks"]
        lines.append(f"{'SCF':<8} ({scf['rows']} rows) | top-3 " + ", ".join(f"{f} {pct(fw[f]['top3'])}" for f in FRAMEWORKS)
                     + " | top-1 " + ", ".join(f"{f} {pct(fw[f]['top1'])}" for f in FRAMEWORKS))
    else:
        lines.append(f"{'SCF':<8} not measured: {scf.get('error')}")
    return lines


def second_pass(quire: Path, questions: list[dict], part_of: dict[str, str], timeout: int) -> dict:
    """d) The loop closed: answer, let a reviewer decide every proposal by the label, apply and learn
    the decisions, and answer the same questionnaire again with the grown library.

    The reviewer: an item labelled "review" is rejected (and left for a person); any other item is
    accepted when quire's value equals its label, else changed to the label. `quire apply --learn`
    adds those answers to a copy of samples/library/answers.yaml; the second `quire answer` uses that
    copy. Reported per part: answerable items written without review, and their precision.
    """
    print("== d) the second time: answer, review by the labels, `quire apply --learn`, answer again")
    with tempfile.TemporaryDirectory(prefix="quire-second-pass-") as folder:
        work = Path(folder)
        shutil.copytree(ROOT / "samples" / "library", work / "lib")
        shutil.copy(COMBINED_CSV, work / "questions.csv")
        first, _, error = run_quire(quire, ["answer", "questions.csv", "--library", "lib", "-o", "filled.csv",
                                            "--answers", "first.json"], timeout, cwd=work)
        if error or first is None or first.returncode != 0:
            print(f"   first answer failed: {error or first.stderr.decode(errors='replace')}")
            return {"ok": False}
        label = {q["id"]: q["answer"] for q in questions}
        review = work / "filled.review.csv"
        with review.open(encoding="utf-8", newline="") as handle:
            rows = list(csv.DictReader(handle))
        header = list(rows[0].keys()) if rows else []
        for row in rows:
            wanted = label.get(row["id"])
            if wanted is None or wanted == "review":
                row["decision"] = "Reject"
            elif normalise_answer(row.get("proposed_value")) == wanted:
                row["decision"] = "Accept"
            else:
                row["decision"], row["final_answer"] = "Change", wanted
        with review.open("w", encoding="utf-8", newline="") as handle:
            writer = csv.DictWriter(handle, fieldnames=header, lineterminator="\r\n")
            writer.writeheader()
            writer.writerows(rows)
        applied, _, error = run_quire(quire, ["apply", "filled.review.csv", "--to", "filled.csv", "-o", "final.csv",
                                              "--learn", "lib/answers.yaml", "--approved-by", "bench reviewer",
                                              "--library", "lib"], timeout, cwd=work)
        if error or applied is None or applied.returncode != 0:
            print(f"   quire apply failed: {error or applied.stderr.decode(errors='replace')}")
            return {"ok": False}
        again, _, error = run_quire(quire, ["answer", "questions.csv", "--library", "lib", "--format", "json",
                                            "-o", "second.json"], timeout, cwd=work)
        if error or again is None or again.returncode != 0:
            print(f"   second answer failed: {error or again.stderr.decode(errors='replace')}")
            return {"ok": False}
        document = json.loads((work / "second.json").read_text(encoding="utf-8"))
    answers = {a["id"]: a for a in document.get("answers", [])}
    records = answer_records(questions, answers)
    result: dict = {"ok": True, "reviewed_rows": len(rows), "parts": {}}
    table_rows = []
    for part in PARTS_ALL:
        chosen = [r for r in records if part == ALL or part_of[r["id"]] == part]
        answerable = [r for r in chosen if r["label"] != "review"]
        written = [r for r in chosen if r["written"]]
        right = sum(1 for r in written if r["right"])
        auto = sum(1 for r in answerable if r["written"])
        result["parts"][part] = {"answerable": len(answerable), "written": len(written), "right": right,
                                 "auto_written_rate": ratio(auto, len(answerable)),
                                 "precision_written": ratio(right, len(written))}
        table_rows.append([part, fraction(auto, len(answerable)), fraction(right, len(written))])
    print(table(["part", "written without review / answerable", "precision of written"], table_rows))
    # Why answerable items were not written the second time: each tuning item with its reason; for
    # the other parts, only how many fell to each kind of reason.
    unwritten = [r for r in records if r["label"] != "review" and not r["written"]]
    for r in unwritten:
        if part_of[r["id"]] == TUNING:
            reason = (r["entry"] or {}).get("review_reason") or "(no answer)"
            print(f"   not written the second time, tuning {r['id']}: {shorten(reason, 150)}")
    for part in (HELD_OUT, FRESH):
        kinds: dict[str, int] = {}
        for r in unwritten:
            if part_of[r["id"]] == part:
                reason = (r["entry"] or {}).get("review_reason") or "(no answer)"
                kind = reason.split(":")[0].split(" (")[0][:60]
                kinds[kind] = kinds.get(kind, 0) + 1
        if kinds:
            print(f"   not written the second time, {part}: "
                  + "; ".join(f"{n} × {k}" for k, n in sorted(kinds.items(), key=lambda kv: (-kv[1], kv[0]))))
    result["not_written"] = {part: sum(1 for r in unwritten if part_of[r["id"]] == part) for part in PARTS}
    print()
    return result


def main() -> int:
    quire = env_path("QUIRE_BIN", ".build/release/quire")
    corpus = env_path("QUIRE_CORPUS", "../shared/corpus")
    timeout = env_int("BENCH_TIMEOUT", 600)
    misses = env_int("BENCH_MISSES", 20)
    strict = os.environ.get("BENCH_STRICT", "").strip() == "1"

    questions = load_all()
    part_of, split_info = load_split(questions)
    write_combined_csv()
    print(f"quire: {rel(quire)}    labelled set: {rel(LABELLED_YAML)} ({len(questions)} questions)")
    print(f"split: {split_info['file']} ({split_info['rule']}): {split_info['sizes'][TUNING]} tuning, "
          f"{split_info['sizes'][HELD_OUT]} held-out; {rel(FRESH_YAML)}: {split_info['sizes'][FRESH]} fresh; "
          "held-out and fresh items are reported as counts only")
    if split_info["not_covered"]:
        print(f"WARNING: {len(split_info['not_covered'])} questions are not covered by the split and count as tuning: "
              + ", ".join(split_info["not_covered"]))
    if split_info["held_out_ids_not_in_questions"]:
        print("WARNING: split.yaml holds out ids that are not in questions.yaml: "
              + ", ".join(split_info["held_out_ids_not_in_questions"]))
    print()
    result = {
        "generated": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
        "quire_bin": rel(quire),
        "labelled_questions": len(questions),
        "split": split_info,
    }
    result["labelled_map"] = labelled_mapping(quire, questions, part_of, timeout, misses)
    result["labelled_answer"] = labelled_answers(quire, questions, part_of, timeout)
    result["scf_map"] = scf_mapping(quire, corpus, timeout)
    result["second_pass"] = second_pass(quire, questions, part_of, timeout)

    lm, la = result["labelled_map"], result["labelled_answer"]
    goals = []

    def goal(name: str, key, minimum: float) -> None:
        values = {part: key(part) for part in UNSEEN}
        goals.append({"goal": name, "part": "+".join(UNSEEN), "value": values[HELD_OUT], "fresh_value": values[FRESH],
                      "tuning_value": key(TUNING),
                      "met": all(v is not None and v >= minimum for v in values.values())})

    goal(f"precision of written answers >= {GOAL_PRECISION:.0%}",
         lambda p: la["parts"][p]["precision_written"] if la.get("ok") else None, GOAL_PRECISION)
    goal(f"answerable items written without review >= {GOAL_AUTO_WRITTEN:.0%}",
         lambda p: la["parts"][p]["auto_written_rate"] if la.get("ok") else None, GOAL_AUTO_WRITTEN)
    for framework, minimum in GOAL_TOP3.items():
        goal(f"top-3 {framework} >= {minimum:.2f}",
             lambda p, f=framework: lm["parts"][p]["frameworks"][f]["top3"] if lm.get("ok") else None, minimum)
    second = result["second_pass"]
    goal(f"written on the second time, after apply --learn >= {GOAL_SECOND_PASS:.0%}",
         lambda p: second["parts"][p]["auto_written_rate"] if second.get("ok") else None, GOAL_SECOND_PASS)
    for name, key in (("affirmative answers without basis == 0", "affirmative_without_basis"),
                      ("Yes on risk items == 0", "yes_on_risk_items")):
        value = la["parts"][ALL][key] if la.get("ok") else None
        goals.append({"goal": name, "part": ALL, "value": value, "fresh_value": None, "tuning_value": None,
                      "met": value == 0})
    result["goals"] = goals

    print("== summary, one line per part")
    for line in summary_lines(result):
        print(line)
    print()

    print("== goals (judged on the held-out and the fresh part, each must meet it; the tuning value is for reference only)")
    rows = []
    for g in goals:
        def show(value):
            return "-" if value is None else (pct(value) if isinstance(value, float) else str(value))
        rows.append([g["goal"], g["part"], show(g["value"]), "" if g["part"] == ALL else show(g["fresh_value"]),
                     "met" if g["met"] else "NOT MET", "" if g["part"] == ALL else show(g["tuning_value"])])
    print(table(["goal", "judged on", "held-out / all", "fresh", "", "tuning (reference)"], rows, right={2, 3, 5}))

    OUT.mkdir(parents=True, exist_ok=True)
    out_file = OUT / "accuracy.json"
    out_file.write_text(json.dumps(result, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"\nnumbers written to {rel(out_file)}")

    if strict and not all(g["met"] for g in goals):
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
