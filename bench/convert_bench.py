#!/usr/bin/env python3
"""Convert benchmark: a 10,000-control library with 50,000 mappings, through `quire convert` and
through compliance-trestle's `csv-to-oscal-mc` task.

    .venv/bin/python bench/convert_bench.py                    # 10,000 controls, 5 interleaved runs
    .venv/bin/python bench/convert_bench.py --controls 2000 --runs 3

Environment: QUIRE_BIN (default .build/release/quire; build with `swift build -c release`).
trestle comes from compliance-trestle in the same virtual environment (requirements-test.txt).

The data (random.Random(SEED), so the same on every run): controls C-00001… each with a title,
description and domain, and 5 mappings split between ISO/IEC 27001:2022 Annex A and SOC 2 (2017)
ids taken from Catalogs/iso27001-2022.csv and Catalogs/soc2-tsc-2017.csv, each with a relationship
(equal, subset, superset or intersects). Written twice:

- controls.csv, Quire's controls table: id,title,description,domain,iso27001-2022,soc2-2017, several
  ids per cell separated by "; ", each with its relationship in parentheses unless intersects;
- mappings.csv, trestle's csv-to-oscal-mc input: `$$Source_Resource, $$Target_Resource,
  $$Map_Source_ID_Ref_list, $$Map_Target_ID_Ref_list, $$Map_Relationship` (row 2 the column
  descriptions), one row per control, framework and relationship with the target ids separated by
  spaces; trestle resolves both hrefs as catalogs, so a trestle workspace (`trestle init`) holds
  the three catalogs: the 10,000 controls, ISO Annex A and SOC 2, written here as minimal OSCAL.

Timed, interleaved, each a whole process from spawn to exit:
- quire csv→mc:   quire convert controls.csv --to oscal-mapping-collection -o mc.json
- quire mc→ciso:  quire convert mc.json --to ciso-assistant -o out.yaml
- trestle csv→mc: trestle task csv-to-oscal-mc -c mc.config (in the workspace)

Goals: each quire conversion below 1 s (on this 2-core machine), and quire's csv→mc at least 10×
faster than trestle's. Writes bench/out/convert.json. Before timing, both mapping collections are
checked to hold every one of the 50,000 control→requirement pairs.
"""
from __future__ import annotations

import argparse
import csv
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = 20261001
DOMAINS = ["Governance", "Identity and access", "Operations", "Cryptography", "Supplier management",
           "Asset management", "Incident response", "Business continuity", "Privacy", "Physical security"]
RELATIONSHIPS = [("intersects", 5), ("subset", 3), ("equal", 1), ("superset", 1)]
OSCAL_WORD = {"equal": "equal-to", "subset": "subset-of", "superset": "superset-of", "intersects": "intersects-with"}
FRAMEWORKS = {"iso27001-2022": "iso27001-2022.csv", "soc2-2017": "soc2-tsc-2017.csv"}
TRESTLE_HEADER = ["$$Source_Resource", "$$Target_Resource", "$$Map_Source_ID_Ref_list", "$$Map_Target_ID_Ref_list",
                  "$$Map_Relationship"]
TRESTLE_DESCRIPTIONS = ["A reference to a resource that has the source controls of a mapping.",
                        "A reference to a resource that has the target controls of a mapping.",
                        "A list of source reference IDs.", "A list of target reference IDs.",
                        "The relationship type for the mapping entry."]


def framework_ids() -> dict[str, list[tuple[str, str]]]:
    """(id, title) of ISO Annex A (the clauses' ids are no OSCAL tokens) and of SOC 2."""
    result = {}
    for framework, name in FRAMEWORKS.items():
        with open(ROOT / "Catalogs" / name, encoding="utf-8", newline="") as handle:
            rows = [(row["id"], row["title"]) for row in csv.DictReader(handle)]
        result[framework] = [(i, t) for i, t in rows if framework != "iso27001-2022" or i.startswith("A.")]
    return result


def generate(controls: int, per_control: int = 5):
    """The controls: (id, title, description, domain, {framework: [(requirement, relationship)]})."""
    rng = random.Random(SEED)
    ids = framework_ids()
    words = [r for r, _ in RELATIONSHIPS]
    weights = [w for _, w in RELATIONSHIPS]
    result = []
    for n in range(1, controls + 1):
        iso = rng.randint(1, per_control - 1)
        maps = {"iso27001-2022": rng.sample([i for i, _ in ids["iso27001-2022"]], iso),
                "soc2-2017": rng.sample([i for i, _ in ids["soc2-2017"]], per_control - iso)}
        mapped = {f: [(r, rng.choices(words, weights)[0]) for r in reqs] for f, reqs in maps.items()}
        domain = DOMAINS[rng.randrange(len(DOMAINS))]
        result.append((f"C-{n:05d}", f"{domain} control {n}",
                       f"Control {n} of the benchmark library: what the organisation does, in a sentence or two "
                       f"({rng.randrange(10**6):06d}).", domain, mapped))
    return result


def write_quire_csv(path: Path, data) -> None:
    with open(path, "w", encoding="utf-8", newline="") as handle:
        out = csv.writer(handle)
        out.writerow(["id", "title", "description", "domain", *FRAMEWORKS])
        for cid, title, description, domain, mapped in data:
            cells = ["; ".join(r if rel == "intersects" else f"{r} ({rel})" for r, rel in mapped[f]) for f in FRAMEWORKS]
            out.writerow([cid, title, description, domain, *cells])


def write_trestle_inputs(workspace: Path, data) -> None:
    """The csv-to-oscal-mc input, the three catalogs its hrefs name, and the task's config."""
    ids = framework_ids()

    def catalog(path: Path, title: str, controls: list[tuple[str, str]]) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        document = {"catalog": {
            "uuid": "5b5a2a3e-1d1c-4c5e-9a55-0c1f0b4a2e%02d" % (len(title) % 100),
            "metadata": {"title": title, "last-modified": "2026-10-01T00:00:00Z", "version": "1", "oscal-version": "1.2.1"},
            "controls": [{"id": cid, "title": ctitle} for cid, ctitle in controls]}}
        path.write_text(json.dumps(document), encoding="utf-8")

    catalog(workspace / "catalogs" / "controls" / "catalog.json", "Benchmark controls", [(c[0], c[1]) for c in data])
    catalog(workspace / "catalogs" / "iso27001-2022" / "catalog.json", "ISO/IEC 27001:2022 Annex A", ids["iso27001-2022"])
    catalog(workspace / "catalogs" / "soc2-2017" / "catalog.json", "SOC 2 (2017)", ids["soc2-2017"])
    with open(workspace / "mappings.csv", "w", encoding="utf-8", newline="") as handle:
        out = csv.writer(handle)
        out.writerow(TRESTLE_HEADER)
        out.writerow(TRESTLE_DESCRIPTIONS)
        for cid, _title, _description, _domain, mapped in data:
            for framework in FRAMEWORKS:
                by_relationship: dict[str, list[str]] = {}
                for requirement, relationship in mapped[framework]:
                    by_relationship.setdefault(relationship, []).append(requirement)
                for relationship, targets in by_relationship.items():
                    out.writerow(["catalogs/controls/catalog.json", f"catalogs/{framework}/catalog.json", cid,
                                  " ".join(targets), OSCAL_WORD[relationship]])
    (workspace / "mc.config").write_text(
        "[task.csv-to-oscal-mc]\ntitle = Benchmark mapping collection\nversion = 1.0\n"
        "csv-file = mappings.csv\noutput-dir = mapping-collections/bench\noutput-overwrite = true\n", encoding="utf-8")


def run_with_rss(command: list[str], cwd: Path) -> tuple[float, int]:
    start = time.perf_counter()
    process = subprocess.Popen(command, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - start
    stderr = process.stderr.read().decode() if process.stderr else ""
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"{' '.join(command)} exited {os.waitstatus_to_exitcode(status)}:\n{stderr[-3000:]}")
    return elapsed, usage.ru_maxrss


def pairs_in_mapping_collection(path: Path) -> set[tuple[str, str, str]]:
    """(source id, target id, relationship) of every source×target pair of every map."""
    collection = json.loads(path.read_text(encoding="utf-8"))["mapping-collection"]
    mappings = collection["mappings"] if isinstance(collection["mappings"], list) else [collection["mappings"]]
    # IR 8477's "equal" is OSCAL's equal-to; equivalent-to is taken as the same here.
    same = {"equivalent-to": "equal-to"}
    return {(s["id-ref"], t["id-ref"], same.get(m["relationship"], m["relationship"])) for mapping in mappings
            for m in mapping["maps"] for s in m["sources"] for t in m["targets"]}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--controls", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder and print it")
    args = parser.parse_args()
    quire = Path(os.environ.get("QUIRE_BIN", ROOT / ".build" / "release" / "quire")).resolve()
    trestle = Path(sys.executable).with_name("trestle")
    if not quire.is_file():
        sys.exit(f"no quire binary at {quire}: build it with `swift build -c release` or set QUIRE_BIN")
    if not trestle.is_file():
        sys.exit(f"no trestle beside {sys.executable}: pip install -r requirements-test.txt")

    folder = Path(tempfile.mkdtemp(prefix="convert-bench-"))
    try:
        data = generate(args.controls)
        expected = {(cid, r, OSCAL_WORD[rel]) for cid, *_rest, mapped in data for f in FRAMEWORKS for r, rel in mapped[f]}
        write_quire_csv(folder / "controls.csv", data)
        workspace = folder / "trestle"
        workspace.mkdir()
        subprocess.run([str(trestle), "init"], cwd=workspace, check=True, capture_output=True)
        write_trestle_inputs(workspace, data)
        print(f"{args.controls} controls, {len(expected)} mappings; quire {quire}; trestle "
              f"{subprocess.run([str(trestle), 'version'], capture_output=True, text=True).stdout.strip()}")

        commands = {
            "quire csv→mc": ([str(quire), "convert", "controls.csv", "--to", "oscal-mapping-collection", "-o", "mc.json"], folder),
            "quire mc→ciso": ([str(quire), "convert", "mc.json", "--to", "ciso-assistant", "-o", "out.yaml"], folder),
            "trestle csv→mc": ([str(trestle), "task", "csv-to-oscal-mc", "-c", "mc.config"], workspace),
        }
        # Check once before timing: both collections hold every pair.
        for name in ("quire csv→mc", "quire mc→ciso", "trestle csv→mc"):
            run_with_rss(*commands[name])
        ours = pairs_in_mapping_collection(folder / "mc.json")
        theirs = pairs_in_mapping_collection(workspace / "mapping-collections" / "bench" / "mapping-collection.json")
        checks = {
            "quire mc pairs": len(ours), "quire mc missing": len(expected - ours),
            "trestle mc pairs": len(theirs), "trestle mc missing": len(expected - theirs),
            "ciso-assistant bytes": (folder / "out.yaml").stat().st_size,
        }
        print("checks: " + ", ".join(f"{k} {v}" for k, v in checks.items()))

        times: dict[str, list[float]] = {name: [] for name in commands}
        rss: dict[str, int] = {name: 0 for name in commands}
        for run in range(args.runs):
            for name, (command, cwd) in commands.items():
                elapsed, peak = run_with_rss(command, cwd)
                times[name].append(elapsed)
                rss[name] = max(rss[name], peak)
            print(f"run {run + 1}/{args.runs}: " + ", ".join(f"{n} {t[-1]:.2f} s" for n, t in times.items()), flush=True)

        medians = {name: statistics.median(values) for name, values in times.items()}
        ratio = medians["trestle csv→mc"] / medians["quire csv→mc"]
        goals = {
            "quire csv→mc < 1 s": medians["quire csv→mc"] < 1.0,
            "quire mc→ciso < 1 s": medians["quire mc→ciso"] < 1.0,
            "quire ≥ 10× faster than trestle (csv→mc)": ratio >= 10.0,
            "both collections hold every mapping": checks["quire mc missing"] == 0 and checks["trestle mc missing"] == 0,
        }
        print()
        print(f"{'conversion':<16} {'median s':>9} {'min s':>7} {'max s':>7} {'peak RSS MiB':>13}")
        for name in commands:
            print(f"{name:<16} {medians[name]:>9.3f} {min(times[name]):>7.3f} {max(times[name]):>7.3f} {rss[name] / 1024:>13.1f}")
        print(f"\ntrestle/quire (csv→mc): {ratio:.1f}×")
        for goal, met in goals.items():
            print(f"  [{'met' if met else 'MISSED'}] {goal}")

        out = ROOT / "bench" / "out"
        out.mkdir(parents=True, exist_ok=True)
        (out / "convert.json").write_text(json.dumps({
            "controls": args.controls, "mappings": len(expected), "runs": args.runs, "seed": SEED,
            "quire": str(quire), "cores": os.cpu_count(),
            "seconds": times, "median_seconds": medians, "peak_rss_kib": rss,
            "ratio_trestle_over_quire": ratio, "checks": checks, "goals": goals,
        }, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
        print(f"wrote {out / 'convert.json'}")
        return 0 if all(goals.values()) else 1
    finally:
        if args.keep:
            print(f"kept {folder}")
        else:
            shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
