#!/usr/bin/env python3
"""Coverage-guided fuzzing of every reader with libFuzzer (`make fuzz`).

Runs the `quire-fuzz` binary built with `-sanitize=fuzzer,address` once per target for
FUZZ_SECONDS (default 180) each, FUZZ_JOBS targets at a time (default: one a core): the CSV
reader, the ZIP reader, whole workbooks, a lone worksheet part, the layout detector, the VSAQ
template parser, the library JSON and YAML readers, and the OSCAL and CISO Assistant readers. Seeds come from Tests/Fixtures, the samples and, when it is
beside the checkout, ../shared/corpus; each target's corpus grows in .build/fuzz-work/corpus and
is kept between runs.

A crash, an AddressSanitizer report, a leak, a hang (over 10 s on one input) or an input needing
over 2 GB is a finding: it is saved under .build/fuzz-work/findings/TARGET/ and the run fails.
Once fixed, the input goes into Tests/Fixtures/fuzz/TARGET/, which the regression test replays.

    QUIRE_FUZZ_BIN=.build/fuzz/release/quire-fuzz FUZZ_SECONDS=60 FUZZ_JOBS=2 python Tests/fuzz/run_fuzz.py [TARGET...]
"""
from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import zipfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CORPUS = Path(os.environ.get("QUIRE_CORPUS", ROOT.parent / "shared" / "corpus"))
BINARY = Path(os.environ.get("QUIRE_FUZZ_BIN", ROOT / ".build" / "fuzz" / "release" / "quire-fuzz"))
WORK = ROOT / ".build" / "fuzz-work"
SECONDS = int(os.environ.get("FUZZ_SECONDS", "180"))
TARGETS = ["csv", "zip", "xlsx", "sheet", "layout", "vsaq", "library-json", "library-yaml", "oscal", "ciso"]
LARGEST_SEED = 512 * 1024


def files(patterns: list[str], roots: list[Path]) -> list[Path]:
    found = []
    for root in roots:
        if root.exists():
            for pattern in patterns:
                found += [p for p in root.rglob(pattern) if p.is_file() and p.stat().st_size <= LARGEST_SEED]
    return sorted(set(found))


def seeds(target: str) -> list[tuple[str, bytes]]:
    """(name, bytes) of the seeds for a target."""
    everywhere = [ROOT / "Tests" / "Fixtures", ROOT / "samples", CORPUS]
    if target in ("csv", "layout"):
        chosen = files(["*.csv"], everywhere)
    elif target in ("zip", "xlsx"):
        chosen = files(["*.xlsx", "*.xlsm"], everywhere)
    elif target == "sheet":
        parts = []
        for workbook in files(["*.xlsx", "*.xlsm"], everywhere)[:200]:
            try:
                with zipfile.ZipFile(workbook) as archive:
                    for name in archive.namelist():
                        if re.fullmatch(r"xl/worksheets/sheet\d+\.xml", name):
                            data = archive.read(name)
                            if len(data) <= LARGEST_SEED:
                                parts.append((f"{workbook.stem}-{Path(name).stem}.xml", data))
            except (zipfile.BadZipFile, OSError, RuntimeError, NotImplementedError):
                continue
        return parts
    elif target == "vsaq":
        chosen = [p for p in files(["*.json"], everywhere) if "vsaq" in str(p).lower()]
    elif target == "library-json":
        chosen = [p for p in files(["*.json"], [ROOT / "samples", ROOT / "Tests" / "Fixtures" / "exchange"])]
    elif target == "library-yaml":
        chosen = files(["*.yaml", "*.yml"], [ROOT / "samples", ROOT / "Tests" / "Fixtures" / "exchange"])
    elif target == "oscal":
        chosen = [p for p in files(["*.json"], [ROOT / "samples" / "exchange", ROOT / "Tests" / "Fixtures" / "exchange",
                                                 CORPUS / "exchange"])]
    elif target == "ciso":
        chosen = [p for p in files(["*.yaml"], [ROOT / "samples" / "exchange", ROOT / "Tests" / "Fixtures" / "exchange",
                                                 CORPUS / "exchange" / "ciso-assistant"])]
    else:
        raise SystemExit(f"unknown target {target}")
    return [(f"{index:04d}-{path.name}", path.read_bytes()) for index, path in enumerate(chosen)]


def stats(log: str) -> dict[str, int]:
    return {key: int(value) for key, value in re.findall(r"stat::(\w+):\s+(\d+)", log)}


def fuzz(target: str) -> dict:
    """Runs one target for SECONDS; its result, with a failure reason when it found something."""
    seed_folder = WORK / "seeds" / target
    shutil.rmtree(seed_folder, ignore_errors=True)
    seed_folder.mkdir(parents=True)
    kept = ROOT / "Tests" / "Fixtures" / "fuzz" / target
    for name, data in seeds(target) + ([(f"kept-{p.name}", p.read_bytes()) for p in sorted(kept.iterdir())]
                                       if kept.exists() else []):
        (seed_folder / name).write_bytes(data)
    corpus = WORK / "corpus" / target
    corpus.mkdir(parents=True, exist_ok=True)
    findings = WORK / "findings" / target
    findings.mkdir(parents=True, exist_ok=True)
    before = set(findings.iterdir())
    environment = dict(os.environ, QUIRE_FUZZ_TARGET=target, SWIFT_BACKTRACE="enable=no",
                       ASAN_OPTIONS="detect_leaks=1:allocator_may_return_null=1")
    run = subprocess.run(
        [str(BINARY), str(corpus), str(seed_folder), f"-max_total_time={SECONDS}", "-timeout=10",
         "-rss_limit_mb=2048", "-max_len=1048576", "-print_final_stats=1", f"-artifact_prefix={findings}/"],
        env=environment, capture_output=True, text=True, errors="replace", timeout=SECONDS + 600,
    )
    log = run.stdout + run.stderr
    (WORK / f"{target}.log").write_text(log, encoding="utf-8")
    new = sorted(set(findings.iterdir()) - before)
    numbers = stats(log)
    result = {
        "target": target, "seeds": len(list(seed_folder.iterdir())),
        "executions": numbers.get("number_of_executed_units", 0),
        "per_second": numbers.get("average_exec_per_sec", 0),
        "corpus": len(list(corpus.iterdir())), "peak_rss_mb": numbers.get("peak_rss_mb", 0),
        "findings": [str(path.relative_to(ROOT)) for path in new], "exit": run.returncode,
    }
    lines = []
    if new or run.returncode != 0:
        reason = re.findall(r"==\d+==ERROR: (.*)|SUMMARY: (.*)|(Fatal error: .*)", log)
        lines.append(f"{target}: FAILED (exit {run.returncode}) {reason[:3]}; see {WORK / (target + '.log')}")
    lines.append(f"{target:<14}{result['executions']:>10} runs {result['per_second']:>7}/s  seeds {result['seeds']:>4}  "
                 f"corpus {result['corpus']:>5}  peak {result['peak_rss_mb']:>5} MB  findings {len(new)}")
    print("\n".join(lines), flush=True)
    return result


def main() -> int:
    if not BINARY.exists():
        print(f"{BINARY} is missing: run `make fuzz`, which builds it with -sanitize=fuzzer,address")
        return 2
    targets = sys.argv[1:] or TARGETS
    # One libFuzzer process a core (FUZZ_JOBS to choose): each target still gets its SECONDS of a
    # whole core, and the targets share nothing but the binary.
    jobs = max(1, int(os.environ.get("FUZZ_JOBS", str(os.cpu_count() or 1))))
    with ThreadPoolExecutor(max_workers=min(jobs, len(targets))) as pool:
        results = list(pool.map(fuzz, targets))
    (WORK / "summary.json").write_text(json.dumps({"seconds": SECONDS, "targets": results}, indent=2) + "\n")
    return 1 if any(result["findings"] or result["exit"] != 0 for result in results) else 0


if __name__ == "__main__":
    sys.exit(main())
