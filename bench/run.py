#!/usr/bin/env python3
"""Quire read benchmark: whole-process timings of `quire cat` against Python peers and C floors.

Run with `make bench` (builds release, installs bench/requirements.txt into .venv), or directly:
    .venv/bin/python bench/run.py

Environment:
    QUIRE_BIN        quire binary (default .build/release/quire)
    BENCH_SIZES      comma list of sizes (default 1k,20k,200k; any "Nk"/"Nm"/number works)
    BENCH_RUNS       timed runs per tool and size (default 5)
    BENCH_SLOW_RUNS  timed runs for the slow peer openpyxl (default 5 / 3 / 1 for <=1k / <=20k / more)
    BENCH_TOOLS      comma list of tools to run (default all; names as in the table)
    BENCH_TIMEOUT    seconds before one run is killed (default 300)
    BENCH_STRICT     1: exit 1 when a goal is not met (default 0: report only)

See bench/README.md for what is measured and how to read the ratios.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import os
import platform
import re
import shlex
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import xml.etree.ElementTree as ET
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
OUT = BENCH / "out"
sys.path.insert(0, str(BENCH))
import gen_data  # noqa: E402

PY = sys.executable
XLSX_FLOOR = "floor-sax"
CSV_FLOOR = "floor-csv"
# Goals (issue text): measured on the 200k file.
GOAL_SIZE = 200_000
GOAL_FLOOR_RATIO = 1.3
GOAL_RSS_MB = 100.0
GOAL_CSV_FLOOR_RATIO = 3.0
LAUNCHER_OK = False  # set by build_floors()


def env_int(name: str, default: int) -> int:
    value = os.environ.get(name, "").strip()
    return int(value) if value else default


def log(msg: str) -> None:
    print(msg, file=sys.stderr, flush=True)


# --------------------------------------------------------------------------- tools


@dataclass
class Tool:
    name: str
    group: str  # "xlsx" or "csv"
    argv: list[str]
    runs: int
    stdout_devnull: bool = False  # output goes to /dev/null (timed); checked in an untimed run
    expect_rows: int = 0  # header + data rows
    what: str = ""
    # results
    times: list[float] = field(default_factory=list)
    cpu: list[float] = field(default_factory=list)
    rss_kb: list[int] = field(default_factory=list)
    status: str = "ok"
    note: str = ""
    rows_read: int | None = None

    @property
    def failed(self) -> bool:
        return self.status != "ok"

    def median(self) -> float | None:
        return statistics.median(self.times) if self.times and not self.failed else None


@dataclass
class RunResult:
    rc: int
    wall: float
    cpu: float
    rss_kb: int
    stdout: str
    stderr: str
    timed_out: bool = False
    signal: int = 0


def run_once(argv: list[str], stdout_path: str | None, timeout: float) -> RunResult:
    """One whole process, from spawn to exit, measured by bench/out/timeit (see timeit.c for
    why the launcher: a child spawned straight from Python inherits Python's RSS high-water
    mark). Falls back to os.wait4 from Python if the launcher could not be built.

    stdout goes to /dev/null when stdout_path is None, else to that file (read back after).
    """
    launcher = OUT / "timeit"
    use_launcher = launcher.exists() and LAUNCHER_OK
    fd, result_path = tempfile.mkstemp(prefix="quire-bench-", suffix=".rusage")
    os.close(fd)
    cmd = [str(launcher), str(max(1, int(timeout))), result_path, *argv] if use_launcher else argv
    try:
        with open(os.devnull, "wb") as devnull, tempfile.TemporaryFile() as err:
            out = open(stdout_path, "wb") if stdout_path else devnull
            try:
                t0 = time.perf_counter()
                try:
                    proc = subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=out, stderr=err, cwd=ROOT)
                except OSError as exc:
                    return RunResult(127, 0.0, 0.0, 0, "", f"{argv[0]}: {exc.strerror or exc}")
                killed = threading.Event()

                def kill() -> None:
                    killed.set()
                    try:
                        os.kill(proc.pid, signal.SIGKILL)
                    except ProcessLookupError:
                        pass

                # The launcher kills its child itself; this timer is the fallback's timeout
                # and a safety net should the launcher hang.
                timer = threading.Timer(timeout + (5 if use_launcher else 0), kill)
                timer.start()
                try:
                    _, status, ru = os.wait4(proc.pid, 0)
                    wall = time.perf_counter() - t0
                finally:
                    timer.cancel()
                proc.returncode = os.waitstatus_to_exitcode(status)  # keep Popen from waiting again
            finally:
                if stdout_path:
                    out.close()
            err.seek(0)
            stderr = err.read().decode("utf-8", "replace")
        stdout = ""
        if stdout_path:
            with open(stdout_path, "rb") as f:
                stdout = f.read(64 * 1024).decode("utf-8", "replace")
        if not use_launcher:
            return RunResult(proc.returncode, wall, ru.ru_utime + ru.ru_stime, ru.ru_maxrss, stdout, stderr,
                             killed.is_set(), -proc.returncode if proc.returncode < 0 else 0)
        fields = dict(kv.split("=", 1) for kv in Path(result_path).read_text().split())
        if proc.returncode != 0 or "rc" not in fields:
            return RunResult(proc.returncode or 1, wall, 0.0, 0, stdout,
                             f"launcher: {first_line(stderr)}", killed.is_set())
        return RunResult(int(fields["rc"]), float(fields["wall"]), float(fields["user"]) + float(fields["sys"]),
                         int(fields["maxrss_kb"]), stdout, stderr, fields["timeout"] == "1" or killed.is_set(),
                         int(fields["signal"]))
    finally:
        os.unlink(result_path)


def first_line(text: str) -> str:
    """The first non-empty line; for a Python traceback, the last one (the exception)."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    if not lines:
        return ""
    return (lines[-1] if lines[0].startswith("Traceback") else lines[0])[:160]


ROWS_RE = [re.compile(r"(\d[\d,_]*)\s*rows?\b", re.I), re.compile(r"\brows?\s*[:=]?\s*(\d[\d,_]*)", re.I)]


def parse_rows(text: str) -> list[int]:
    """Row counts that a summary line states: '1,001 rows', 'rows 1001', 'rows: 1001', 'rows=1001'."""
    found = []
    for rx in ROWS_RE:
        for m in rx.finditer(text):
            digits = re.sub(r"[,_]", "", m.group(1))
            if digits:
                found.append(int(digits))
    return found


def count_csv_records(path: str) -> int:
    with open(path, newline="", encoding="utf-8", errors="replace") as f:
        return sum(1 for _ in csv.reader(f))


def check_output(tool: Tool, res: RunResult, data_rows: int) -> str | None:
    """None when the run is good, else the failure text."""
    if res.timed_out:
        return f"failed: timed out (BENCH_TIMEOUT={os.environ.get('BENCH_TIMEOUT', '300')} s)"
    if res.signal:
        name = signal.Signals(res.signal).name if res.signal in signal.valid_signals() else str(res.signal)
        line = first_line(res.stderr)
        return f"failed: killed by {name}" + (f": {line}" if line else "")
    if res.rc != 0:
        line = first_line(res.stderr) or first_line(res.stdout) or f"exit code {res.rc}"
        return f"failed: {line}"
    if tool.stdout_devnull:
        return None
    if not res.stdout.strip():
        return "failed: no output"
    found = parse_rows(res.stdout)
    tool.note = first_line(res.stdout)
    if not found:
        if tool.name.startswith("quire"):
            tool.note = f"row count not found in: {first_line(res.stdout)}"
            return None
        return f"failed: no row count in output: {first_line(res.stdout)}"
    # quire may or may not count the header row; the peers and floors do.
    ok = {tool.expect_rows, data_rows} if tool.name.startswith("quire") else {tool.expect_rows}
    good = [n for n in found if n in ok]
    tool.rows_read = good[0] if good else found[0]
    if not good:
        return f"failed: read {found[0]} rows, expected {tool.expect_rows} ({first_line(res.stdout)})"
    return None


def validate_devnull_tool(tool: Tool, data_rows: int, timeout: float) -> None:
    """Untimed run of a tool whose timed runs print to /dev/null: its CSV output must parse
    (Python's csv module, so quoted newlines count right) to header + data rows."""
    with tempfile.NamedTemporaryFile(prefix="quire-bench-", suffix=".csv", delete=False) as tmp:
        path = tmp.name
    try:
        res = run_once(tool.argv, path, timeout)
        problem = check_output(tool, res, data_rows)
        if problem is None:
            size = os.path.getsize(path)
            if size == 0:
                problem = "failed: no output"
            else:
                n = count_csv_records(path)
                tool.rows_read = n
                tool.note = f"output {size / 1e6:.1f} MB, {n} CSV records"
                if n != tool.expect_rows:
                    problem = f"failed: wrote {n} CSV records, expected {tool.expect_rows}"
        if problem:
            tool.status = problem
    finally:
        os.unlink(path)


# --------------------------------------------------------------------------- setup


def build_floors() -> dict[str, str | None]:
    """Compiles the C floors and the timeit launcher into bench/out/ when missing or stale;
    name -> error text or None."""
    global LAUNCHER_OK
    OUT.mkdir(parents=True, exist_ok=True)
    flags = subprocess.run(["pkg-config", "--cflags", "--libs", "libxml-2.0", "zlib"],
                           capture_output=True, text=True)
    libs = shlex.split(flags.stdout) if flags.returncode == 0 else ["-I/usr/include/libxml2", "-lxml2", "-lz"]
    cc = os.environ.get("CC", "cc")
    errors: dict[str, str | None] = {}
    for name, deps, link in (("timeit", [], []), ("floor_csv", [], []),
                             ("floor_sax", ["floor_zip.h"], libs), ("floor_reader", ["floor_zip.h"], libs)):
        src, exe = BENCH / f"{name}.c", OUT / name
        sources = [src] + [BENCH / d for d in deps]
        if exe.exists() and all(exe.stat().st_mtime >= d.stat().st_mtime for d in sources):
            errors[name] = None
            continue
        cmd = [cc, "-O2", "-o", str(exe), str(src), *link]
        log("compiling " + " ".join(cmd))
        res = subprocess.run(cmd, capture_output=True, text=True)
        errors[name] = None if res.returncode == 0 else f"failed: compile: {first_line(res.stderr)}"
    LAUNCHER_OK = errors["timeit"] is None
    if not LAUNCHER_OK:
        log(f"timeit launcher: {errors['timeit']}; measuring from Python (peak RSS then includes "
            "the Python parent's ~20 MB high-water mark)")
    return errors


def xlsx_parts(path: Path, sheet: str) -> tuple[str, str | None, int, int]:
    """(sheet part, shared strings part, their uncompressed sizes) from the workbook's rels."""
    ns_rel = "{http://schemas.openxmlformats.org/package/2006/relationships}"
    ns_main = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
    ns_r = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
    with zipfile.ZipFile(path) as z:
        def rels(part: str) -> list[ET.Element]:
            folder, _, base = part.rpartition("/")
            rel_path = f"{folder}/_rels/{base}.rels" if folder else f"_rels/{base}.rels"
            return list(ET.fromstring(z.read(rel_path)).iter(f"{ns_rel}Relationship"))

        def resolve(base_part: str, target: str) -> str:
            if target.startswith("/"):
                return target[1:]
            parts = base_part.split("/")[:-1]
            for piece in target.split("/"):
                if piece == "..":
                    parts.pop()
                elif piece != ".":
                    parts.append(piece)
            return "/".join(parts)

        wb_part = next(resolve("", r.get("Target")) for r in rels("")
                       if r.get("Type", "").endswith("/officeDocument"))
        wb_rels = {r.get("Id"): r for r in rels(wb_part)}
        root = ET.fromstring(z.read(wb_part))
        rid = next(s.get(f"{ns_r}id") for s in root.iter(f"{ns_main}sheet") if s.get("name") == sheet)
        sheet_part = resolve(wb_part, wb_rels[rid].get("Target"))
        sst = next((resolve(wb_part, r.get("Target")) for r in wb_rels.values()
                    if r.get("Type", "").endswith("/sharedStrings")), None)
        sheet_size = z.getinfo(sheet_part).file_size
        sst_size = z.getinfo(sst).file_size if sst else 0
    return sheet_part, sst, sheet_size, sst_size


def warm(path: Path) -> None:
    with open(path, "rb") as f:
        while f.read(1 << 20):
            pass


def default_runs(data_rows: int) -> tuple[int, int]:
    runs = env_int("BENCH_RUNS", 5)
    slow_default = runs if data_rows <= 1000 else min(runs, 3) if data_rows <= 20000 else 1
    return runs, env_int("BENCH_SLOW_RUNS", slow_default)


def make_tools(xlsx: Path, csvp: Path, data_rows: int, quire: str, sheet_part: str, sst: str | None,
               floor_err: dict[str, str | None]) -> list[Tool]:
    runs, slow = default_runs(data_rows)
    x, c, sh = str(xlsx), str(csvp), gen_data.SHEET_NAME
    peers = str(BENCH / "peers.py")
    parts = [sheet_part] + ([sst] if sst else [])
    tools = [
        Tool("quire count", "xlsx", [quire, "cat", x, "--sheet", sh, "--format", "count"], runs,
             what="quire cat --format count (reads and types every cell, prints a summary)"),
        Tool("quire csv", "xlsx", [quire, "cat", x, "--sheet", sh, "--format", "csv"], runs, stdout_devnull=True,
             what="quire cat --format csv > /dev/null"),
        Tool(XLSX_FLOOR, "xlsx", [str(OUT / "floor_sax"), x, *parts], runs,
             what="C: zlib raw inflate 64 KiB chunks -> libxml2 SAX2 push parser, counting callbacks"),
        Tool("floor-reader", "xlsx", [str(OUT / "floor_reader"), x, *parts], runs,
             what="C: same inflate -> libxml2 xmlTextReader over IO callbacks"),
        Tool("fastexcel", "xlsx", [PY, peers, "fastexcel", x, sh], runs,
             what="fastexcel load_sheet_by_name + Arrow conversion (PyCapsule)"),
        Tool("calamine", "xlsx", [PY, peers, "calamine", x, sh], runs,
             what="python-calamine get_sheet_by_name().to_python()"),
        Tool("openpyxl", "xlsx", [PY, peers, "openpyxl", x, sh], slow,
             what="openpyxl read_only=True, iter_rows(values_only=True), every value"),
        Tool("quire count (csv)", "csv", [quire, "cat", c, "--format", "count"], runs,
             what="quire cat FILE.csv --format count"),
        Tool("quire csv (csv)", "csv", [quire, "cat", c, "--format", "csv"], runs, stdout_devnull=True,
             what="quire cat FILE.csv --format csv > /dev/null"),
        Tool(CSV_FLOOR, "csv", [str(OUT / "floor_csv"), c], runs,
             what="C: 1 MiB reads, byte-at-a-time RFC 4180 state machine counting fields"),
        Tool("python csv", "csv", [PY, peers, "csv", c], runs,
             what="Python csv.reader, every field"),
    ]
    for t in tools:
        t.expect_rows = data_rows + 1
        exe = Path(t.argv[0])
        if exe.parent == OUT:
            err = floor_err.get(exe.name)
            if err:
                t.status = err
        elif t.name.startswith("quire") and not exe.exists():
            t.status = f"failed: quire binary not found: {quire}"
    wanted = [s.strip() for s in os.environ.get("BENCH_TOOLS", "").split(",") if s.strip()]
    if wanted:
        tools = [t for t in tools if t.name in wanted]
    return tools


# --------------------------------------------------------------------------- measuring


def measure(tools: list[Tool], data_rows: int, label: str, timeout: float) -> None:
    for t in tools:
        if t.stdout_devnull and not t.failed:
            log(f"[{label}] {t.name}: checking output")
            validate_devnull_tool(t, data_rows, timeout)
    # Runs are interleaved (run 1 of every tool, then run 2, ...) so that a noisy stretch
    # of time hurts every tool a little rather than one tool a lot.
    for r in range(max((t.runs for t in tools), default=0)):
        for t in tools:
            if t.failed or r >= t.runs:
                continue
            res = run_once(t.argv, None, timeout) if t.stdout_devnull else run_captured(t.argv, timeout)
            problem = check_output(t, res, data_rows)
            if problem:
                t.status = problem
                log(f"[{label}] {t.name}: {problem}")
                continue
            t.times.append(res.wall)
            t.cpu.append(res.cpu)
            t.rss_kb.append(res.rss_kb)
            log(f"[{label}] {t.name} run {r + 1}/{t.runs}: {res.wall:.3f} s, {res.rss_kb / 1024:.1f} MB")


def run_captured(argv: list[str], timeout: float) -> RunResult:
    fd, path = tempfile.mkstemp(prefix="quire-bench-")
    os.close(fd)
    try:
        return run_once(argv, path, timeout)
    finally:
        os.unlink(path)


# --------------------------------------------------------------------------- reporting


def fmt_ratio(a: float | None, b: float | None) -> str:
    if a is None or b is None or b == 0:
        return "–"
    return f"{a / b:.2f}×"


def table(tools: list[Tool], data_rows: int, mb: float, mb_what: str, refs: list[tuple[str, str]]) -> list[str]:
    by = {t.name: t.median() for t in tools}
    head = ["tool", "median s", "min s", "cpu s", "runs", "rows/s", f"MB/s ({mb_what})", "peak RSS MB"]
    head += [f"÷ {label}" for _, label in refs] + ["status"]
    rows = []
    for t in tools:
        med = t.median()
        if med is None:
            rows.append([t.name, "–", "–", "–", str(len(t.times)), "–", "–", "–"] + ["–"] * len(refs) + [t.status])
            continue
        rows.append([
            t.name, f"{med:.3f}", f"{min(t.times):.3f}", f"{statistics.median(t.cpu):.3f}", str(len(t.times)),
            f"{data_rows / med:,.0f}", f"{mb / med:,.1f}", f"{max(t.rss_kb) / 1024:.1f}",
        ] + [fmt_ratio(med, by.get(ref)) for ref, _ in refs] + ["ok" + (f" ({t.note})" if t.note else "")])
    widths = [max(len(r[i]) for r in rows + [head]) for i in range(len(head))]
    line = lambda cells: "| " + " | ".join(c.ljust(w) for c, w in zip(cells, widths)) + " |"  # noqa: E731
    return [line(head), "|" + "|".join("-" * (w + 2) for w in widths) + "|"] + [line(r) for r in rows]


def goals(results: dict[int, dict], sizes: list[int]) -> tuple[list[str], list[dict]]:
    size = GOAL_SIZE if GOAL_SIZE in results else max(sizes)
    res = results[size]
    med = {t.name: t.median() for t in res["tools"]}
    cpu = {t.name: statistics.median(t.cpu) if t.cpu and not t.failed else None for t in res["tools"]}

    def versus(a: str, b: str) -> str:
        """'0.612 s vs 0.540 s (1.13×; CPU 1.10×)' or 'n/a'."""
        ta, tb = med.get(a), med.get(b)
        if ta is None or tb is None:
            return "n/a"
        text = f"{ta:.3f} s vs {tb:.3f} s ({ta / tb:.2f}×"
        ca, cb = cpu.get(a), cpu.get(b)
        if ca and cb:
            text += f"; CPU time {ca / cb:.2f}×"
        return text + ")"
    rss = {t.name: (max(t.rss_kb) / 1024 if t.rss_kb and not t.failed else None) for t in res["tools"]}
    out: list[dict] = []

    def goal(text: str, ok: bool | None, detail: str) -> None:
        out.append({"goal": text, "met": ok, "detail": detail})

    for q in ("quire count", "quire csv"):
        t = med.get(q)
        for peer in ("fastexcel", "calamine"):
            p = med.get(peer)
            goal(f"{q} faster than {peer}", None if t is None or p is None else t < p, versus(q, peer))
        f = med.get(XLSX_FLOOR)
        goal(f"{q} within {GOAL_FLOOR_RATIO}× of the C SAX2 floor",
             None if t is None or f is None else t <= GOAL_FLOOR_RATIO * f, versus(q, XLSX_FLOOR))
        r = rss.get(q)
        goal(f"{q} peak RSS under {GOAL_RSS_MB:.0f} MB", None if r is None else r < GOAL_RSS_MB,
             "n/a" if r is None else f"{r:.1f} MB")
    f = med.get(CSV_FLOOR)
    for q in ("quire count (csv)", "quire csv (csv)"):
        t = med.get(q)
        goal(f"{q} within {GOAL_CSV_FLOOR_RATIO:g}× of the C CSV scan floor",
             None if t is None or f is None else t <= GOAL_CSV_FLOOR_RATIO * f, versus(q, CSV_FLOOR))
    label = gen_data.size_label(size)
    lines = [f"## Goals ({label} rows" + ("" if size == GOAL_SIZE else "; the goals are set for 200k, "
                                             "shown here on the largest size run") + ")", ""]
    lines += ["Met or not is decided on median wall time, as the goals say; the CPU-time ratio is there "
              "because on a busy 2-core machine it is the steadier of the two.", ""]
    for g in out:
        mark = "n/a (tool failed or not run)" if g["met"] is None else "MET" if g["met"] else "NOT MET"
        lines.append(f"- [{'x' if g['met'] else ' '}] {g['goal']}: **{mark}** — {g['detail']}")
    return lines, out


def environment(quire: str) -> dict:
    def cmd(*argv: str) -> str:
        try:
            r = subprocess.run(argv, capture_output=True, text=True, timeout=10)
            return first_line(r.stdout) if r.returncode == 0 else "?"
        except Exception:
            return "?"

    from importlib import metadata

    def version(pkg: str) -> str:
        try:
            return metadata.version(pkg)
        except metadata.PackageNotFoundError:
            return "not installed"

    cpu = "?"
    try:
        cpu = next(line.split(":", 1)[1].strip() for line in open("/proc/cpuinfo") if line.startswith("model name"))
    except Exception:
        pass
    q = Path(quire)
    return {
        "date": dt.datetime.now().isoformat(timespec="seconds"),
        "cpu": cpu, "cores": os.cpu_count(), "load average at the start": " ".join(f"{x:.2f}" for x in os.getloadavg()),
        "platform": platform.platform(), "python": platform.python_version(),
        "quire": f"{quire} ({dt.datetime.fromtimestamp(q.stat().st_mtime).isoformat(timespec='seconds')})"
                 if q.exists() else f"{quire} (missing)",
        "git": cmd("git", "-C", str(ROOT), "describe", "--always", "--dirty"),
        "libxml2": cmd("pkg-config", "--modversion", "libxml-2.0"), "zlib": cmd("pkg-config", "--modversion", "zlib"),
        "cc": cmd(os.environ.get("CC", "cc"), "--version"),
        **{pkg: version(pkg) for pkg in ("openpyxl", "python-calamine", "fastexcel", "xlsxwriter")},
    }


def main() -> int:
    quire = os.environ.get("QUIRE_BIN", str(ROOT / ".build" / "release" / "quire"))
    if not os.path.isabs(quire) and os.sep in quire:
        quire = str((ROOT / quire).resolve())
    labels = [s.strip() for s in os.environ.get("BENCH_SIZES", "1k,20k,200k").split(",") if s.strip()]
    timeout = float(os.environ.get("BENCH_TIMEOUT", "300"))
    env = environment(quire)
    floor_err = build_floors()

    results: dict[int, dict] = {}
    started = time.perf_counter()
    for label in labels:
        try:
            xlsx, csvp, n = gen_data.ensure(label)
        except ImportError as exc:
            log(f"cannot generate the {label} data: {exc}; run `make bench`, or install "
                "requirements-test.txt into the Python that runs bench/run.py")
            return 2
        label = gen_data.size_label(n)
        sheet_part, sst, sheet_size, sst_size = xlsx_parts(xlsx, gen_data.SHEET_NAME)
        warm(xlsx)
        warm(csvp)
        tools = make_tools(xlsx, csvp, n, quire, sheet_part, sst, floor_err)
        measure(tools, n, label, timeout)
        results[n] = {"label": label, "xlsx": xlsx, "csv": csvp, "tools": tools, "sheet_part": sheet_part,
                      "sst": sst, "sheet_size": sheet_size, "sst_size": sst_size, "csv_size": csvp.stat().st_size,
                      "xlsx_size": xlsx.stat().st_size}

    md = ["# Quire read benchmark", ""]
    md += [f"- {k}: {v}" for k, v in env.items()]
    md += [f"- benchmark time: {time.perf_counter() - started:.0f} s; load average at the end: "
           + " ".join(f"{x:.2f}" for x in os.getloadavg()), ""]
    md += ["Wall times are medians of whole-process runs (spawn to exit); cpu s is the median user+sys; "
           "peak RSS is the largest ru_maxrss over the runs. "
           "Ratios are median ÷ median: below 1× means faster than the reference.", ""]
    for n, res in results.items():
        xml_mb = (res["sheet_size"] + res["sst_size"]) / 1e6
        md += [f"## {res['label']} rows ({n:,} data rows + header, 8 columns)", ""]
        md += [f"XLSX `{res['xlsx'].relative_to(ROOT)}` ({res['xlsx_size'] / 1e6:.1f} MB on disk); "
               f"MB/s counts the uncompressed XML: {res['sheet_part']} ({res['sheet_size'] / 1e6:.1f} MB) + "
               f"{res['sst']} ({res['sst_size'] / 1e6:.1f} MB) = {xml_mb:.1f} MB.", ""]
        xt = [t for t in res["tools"] if t.group == "xlsx"]
        if xt:
            md += table(xt, n, xml_mb, "XML", [(XLSX_FLOOR, "SAX2 floor"), ("fastexcel", "fastexcel"),
                                              ("calamine", "calamine")]) + [""]
        ct = [t for t in res["tools"] if t.group == "csv"]
        if ct:
            md += [f"CSV `{res['csv'].relative_to(ROOT)}` ({res['csv_size'] / 1e6:.1f} MB); "
                   "MB/s counts the file bytes.", ""]
            md += table(ct, n, res["csv_size"] / 1e6, "file", [(CSV_FLOOR, "CSV floor"), ("python csv", "python csv")])
            md += [""]
    goal_lines, goal_data = goals(results, list(results))
    md += goal_lines + ["", "## What each tool runs", ""]
    any_tools = next(iter(results.values()))["tools"] if results else []
    md += [f"- **{t.name}**: {t.what}" for t in any_tools]
    text = "\n".join(md) + "\n"
    print(text)

    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "results.md").write_text(text, encoding="utf-8")
    data = {
        "environment": env,
        "goals": goal_data,
        "sizes": [{
            "label": res["label"], "data_rows": n, "xlsx": str(res["xlsx"].relative_to(ROOT)),
            "csv": str(res["csv"].relative_to(ROOT)), "sheet_part": res["sheet_part"], "sst_part": res["sst"],
            "xml_bytes": res["sheet_size"] + res["sst_size"], "csv_bytes": res["csv_size"],
            "tools": [{
                "tool": t.name, "group": t.group, "argv": t.argv, "status": t.status, "note": t.note,
                "rows_read": t.rows_read, "expected_rows": t.expect_rows, "times_s": t.times, "cpu_s": t.cpu,
                "median_s": t.median(), "peak_rss_mb": max(t.rss_kb) / 1024 if t.rss_kb else None,
            } for t in res["tools"]],
        } for n, res in results.items()],
    }
    (OUT / "results.json").write_text(json.dumps(data, indent=2), encoding="utf-8")
    log(f"wrote {OUT.relative_to(ROOT)}/results.md and results.json")
    if os.environ.get("BENCH_STRICT") == "1" and any(g["met"] is not True for g in goal_data):
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
