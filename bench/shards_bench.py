#!/usr/bin/env python3
"""Sharded runs: `quire run` over 1,000 generated questionnaires (20 to 80 items each, fixed seed,
CSV and XLSX) against samples/library, the history in one PostgreSQL server, as one process and as
4 shard processes started at once on the same machine plus the assembly. Reports each one's wall
time, the speed-up, and each shard's time in the database; checks that both wrote the same
filled files.

The shards run with --jobs 1 each and the single process with --jobs set to the cores, so both
use every core; on a machine with fewer cores than shards the speed-up is bounded by the cores,
and what the figure shows is the cost of sharding (the share, the database, the assembly).

Run by `make bench` (which starts a throwaway PostgreSQL with scripts/postgres.sh), or with
QUIRE_TEST_POSTGRES and PGPASSWORD set: `.venv/bin/python bench/shards_bench.py`.
BENCH_QUESTIONNAIRES (default 1000), BENCH_SHARDS (default 4) and BENCH_RUNS (default 2) change it.
"""
from __future__ import annotations

import hashlib
import json
import os
import re
import secrets
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from run_bench import generate as generate_questionnaires  # noqa: E402  (the same generator)

ROOT = Path(__file__).resolve().parents[1]
QUIRE = str(Path(os.environ.get("QUIRE_BIN", ROOT / ".build" / "release" / "quire")).resolve())
COUNT = int(os.environ.get("BENCH_QUESTIONNAIRES", "1000"))
SHARDS = int(os.environ.get("BENCH_SHARDS", "4"))
RUNS = int(os.environ.get("BENCH_RUNS", "2"))
CORES = os.cpu_count() or 1
OUT = ROOT / "bench" / "out"


def generate(folder: Path) -> list[str]:
    return [path.name for path in generate_questionnaires(folder, count=COUNT, items=(20, 80), seed=18, digits=4)]


def database(base: str) -> str:
    name = "quire_bench_" + secrets.token_hex(5)
    psql = Path(os.environ.get("QUIRE_TEST_POSTGRES_BIN", "/usr/bin")) / "psql"
    subprocess.run([str(psql), base.split("?")[0], "-q", "-c", f"CREATE DATABASE {name}"], check=True)
    head, _, query = base.partition("?")
    return head.rsplit("/", 1)[0] + "/" + name + ("?" + query if query else "")


def config(folder: Path, names: list[str], output: str) -> Path:
    path = folder / f"{output}.yaml"
    listing = "\n".join(f"    - questionnaires/{name}" for name in names)
    path.write_text(f"""format: quire-pipeline/1
as_of: "2026-11-29"
library: [{ROOT / 'samples' / 'library'}]
output: {output}
answer:
  questionnaires:
{listing}
reports:
  crosswalk: [soc2-2017, iso27001-2022]
  soa: true
  gaps: [iso27001-2022, soc2-2017]
""", encoding="utf-8")
    return path


def filled(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted((folder / "answers").glob("*"))}


def one_process(folder: Path, names: list[str], url: str) -> tuple[float, float]:
    cfg = config(folder, names, "single")
    shutil.rmtree(folder / "single", ignore_errors=True)
    env = {**os.environ, "QUIRE_HISTORY": url}
    started = time.monotonic()
    run = subprocess.run([QUIRE, "run", str(cfg), "--jobs", str(CORES)], env=env, capture_output=True, timeout=3600)
    seconds = time.monotonic() - started
    assert run.returncode in (0, 1), run.stderr.decode()[-2000:]
    database_seconds = float(re.search(rb"run finished database-seconds=([\d.]+)", run.stderr).group(1))
    return seconds, database_seconds


def sharded(folder: Path, names: list[str], url: str) -> tuple[float, float, list[float], list[float], float]:
    cfg = config(folder, names, "sharded")
    shutil.rmtree(folder / "sharded", ignore_errors=True)
    env = {**os.environ, "QUIRE_HISTORY": url}
    started = time.monotonic()
    processes = [subprocess.Popen([QUIRE, "run", str(cfg), "--shard", f"{k}/{SHARDS}", "--run-id", "bench",
                                   "--jobs", "1"], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
                 for k in range(1, SHARDS + 1)]
    shard_seconds, shard_database = [], []
    for process in processes:
        _, err = process.communicate(timeout=3600)
        assert process.returncode in (0, 1), err.decode()[-2000:]
        match = re.search(rb"shard recorded database-seconds=([\d.]+) .*seconds=([\d.]+)", err)
        shard_database.append(float(match.group(1)))
        shard_seconds.append(float(match.group(2)))
    shards_done = time.monotonic() - started
    assembled = subprocess.run([QUIRE, "run", str(cfg), "--assemble", "bench"], env=env, capture_output=True,
                               timeout=3600)
    assert assembled.returncode in (0, 1), assembled.stderr.decode()[-2000:]
    total = time.monotonic() - started
    assemble_database = float(re.search(rb"run finished database-seconds=([\d.]+)", assembled.stderr).group(1))
    return total, shards_done, shard_seconds, shard_database, assemble_database


def main() -> int:
    base = os.environ.get("QUIRE_TEST_POSTGRES")
    if not base:
        print("shards_bench: QUIRE_TEST_POSTGRES is not set; `make bench` starts a server", file=sys.stderr)
        return 64
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        (folder / "questionnaires").mkdir()
        print(f"generating {COUNT} questionnaires …", file=sys.stderr)
        names = generate(folder / "questionnaires")
        singles, shardeds = [], []
        for run in range(RUNS):
            print(f"run {run + 1} of {RUNS}: one process …", file=sys.stderr)
            singles.append(one_process(folder, names, database(base)))
            print(f"run {run + 1} of {RUNS}: {SHARDS} shards …", file=sys.stderr)
            shardeds.append(sharded(folder, names, database(base)))
        same = filled(folder / "single") == filled(folder / "sharded")
        assert same, "the sharded run wrote other filled files than one process"

    single = statistics.median(s[0] for s in singles)
    single_db = statistics.median(s[1] for s in singles)
    total = statistics.median(s[0] for s in shardeds)
    best = min(shardeds, key=lambda s: s[0])
    lines = [
        f"## Sharded runs: {COUNT} questionnaires, 1 process vs {SHARDS} shard processes ({CORES} cores, "
        f"PostgreSQL on the same machine; median of {RUNS})",
        "",
        "| | wall seconds | in the database |",
        "|---|---|---|",
        f"| 1 process, --jobs {CORES} | {single:.2f} | {single_db:.2f} s |",
        f"| {SHARDS} shards at once, --jobs 1 each, then --assemble | {total:.2f} | "
        f"{sum(best[3]):.2f} s in all (shards) + {best[4]:.2f} s (assembly) |",
        f"| of which the shards | {statistics.median(s[1] for s in shardeds):.2f} | |",
        "",
        f"Speed-up: **{single / total:.2f}×** (1 process ÷ shards and assembly). Filled files identical: {same}.",
        "",
        "| shard | seconds | in the database |",
        "|---|---|---|",
    ]
    lines += [f"| {k}/{SHARDS} | {best[2][k - 1]:.2f} | {best[3][k - 1]:.3f} s |" for k in range(1, SHARDS + 1)]
    text = "\n".join(lines) + "\n"
    print(text)
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "shards.md").write_text(text, encoding="utf-8")
    (OUT / "shards.json").write_text(json.dumps({"single": singles, "sharded": shardeds}, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
