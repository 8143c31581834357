"""Faults a nightly run meets, and what it leaves behind.

- A full disk (the output folder on a small tmpfs, in a mount namespace of the test's own): a
  clear error naming the file, every output file whole (the previous one or the new one, never
  part of one), no temporary file left, the history without the failed run, inputs untouched.
- A full disk under the history alone (strace's fault injection): a clear error before any output
  is written, the history as it was.
- A read-only output folder (a read-only bind mount): a clear error, nothing changed.
- A history locked by another process, or damaged: a clear error before any output is written,
  saying what to do; outputs and history as they were.
- No command modifies an input: bytes and modification times of every input file are the same
  after each command.
- The same inputs give the same bytes whatever the time zone, the locale and the cores.
"""
from __future__ import annotations

import hashlib
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import textwrap
import zipfile
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.quire


def binary() -> str:
    return str(Path(os.environ["QUIRE_BIN"]).resolve())


def prepare(folder: Path, output: str = "../out") -> Path:
    shutil.copytree(ROOT / "samples", folder / "samples", ignore=shutil.ignore_patterns("*.py"))
    config = yaml.safe_load((ROOT / "samples" / "nightly.yaml").read_text(encoding="utf-8"))
    config["output"] = output
    (folder / "samples" / "nightly.yaml").write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    return folder


def snapshot(folder: Path) -> dict[str, tuple[str, int]]:
    """Every file's SHA-256 and modification time (ns)."""
    return {str(p.relative_to(folder)): (hashlib.sha256(p.read_bytes()).hexdigest(), p.stat().st_mtime_ns)
            for p in sorted(folder.rglob("*")) if p.is_file()}


def whole(path: Path) -> bool:
    """Whether an output file is complete in its own format."""
    data = path.read_bytes()
    if path.suffix == ".xlsx":
        try:
            with zipfile.ZipFile(path) as archive:
                return archive.testzip() is None
        except zipfile.BadZipFile:
            return False
    if path.suffix == ".json":
        try:
            json.loads(data)
            return True
        except ValueError:
            return False
    if path.suffix == ".html":
        return data.rstrip().endswith(b"</html>")
    return True


def namespaces_allowed() -> bool:
    return subprocess.run(["unshare", "-m", "true"], capture_output=True).returncode == 0


# The check that runs inside the mount namespace, where the tmpfs is visible.
INSIDE = textwrap.dedent("""
    import json, os, sqlite3, subprocess, sys, zipfile
    out, report = sys.argv[1], sys.argv[2]
    sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
    from test_faults import whole
    from pathlib import Path
    files = [p for p in Path(out).rglob("*") if p.is_file()]
    result = {
        "temporary": [str(p) for p in files if ".quire-" in p.name],
        "broken": [str(p) for p in files if p.name != "history.sqlite" and p.name != "filler" and not whole(p)],
        "runs": sqlite3.connect(os.path.join(out, "history.sqlite")).execute("SELECT count(*) FROM run").fetchone()[0],
    }
    Path(report).write_text(json.dumps(result))
""")


def test_a_full_disk_is_a_clear_error_and_leaves_whole_files_and_the_history_without_the_run(tmp_path):
    if not namespaces_allowed():
        pytest.skip("no mount namespace here: the SIGKILL test in test_run.py covers partial files")
    folder = prepare(tmp_path / "work", output="../out")
    (folder / "out").mkdir()
    inputs = snapshot(folder / "samples")
    checker = Path(__file__).resolve().parent / "faults_inside.py"
    checker.write_text(INSIDE, encoding="utf-8")
    try:
        script = textwrap.dedent(f"""
            set -u
            mount -t tmpfs -o size=4m tmpfs out || exit 90
            "{binary()}" run samples/nightly.yaml --quiet > first.log 2>&1; echo $? > first.status
            # Change one questionnaire, so that the next run writes new outputs, and fill the disk.
            printf '\\r\\n' >> samples/initech-security-questionnaire.csv
            head -c $(( $(df --output=avail -B1 out | tail -1) - 60000 )) /dev/zero > out/filler 2>/dev/null
            "{binary()}" run samples/nightly.yaml --quiet > second.log 2>&1; echo $? > second.status
            rm -f out/filler
            "{sys.executable}" "{checker}" out inside.json
        """)
        subprocess.run(["unshare", "-m", "sh", "-c", script], cwd=folder, timeout=600, check=True)
    finally:
        checker.unlink(missing_ok=True)
    assert (folder / "first.status").read_text().strip() == "1", (folder / "first.log").read_text()
    status = (folder / "second.status").read_text().strip()
    message = (folder / "second.log").read_text()
    assert status not in ("0", "1") and int(status) < 128, (status, message)  # an error exit, not a signal
    assert "No space left" in message and "error" in message.lower(), message
    result = json.loads((folder / "inside.json").read_text())
    assert result == {"temporary": [], "broken": [], "runs": 1}, result
    after = snapshot(folder / "samples")
    changed = {name for name in inputs if inputs[name] != after.get(name)}
    assert changed == {"initech-security-questionnaire.csv"}  # the test's own change, nothing else


def test_a_full_disk_under_the_history_alone_is_a_clear_error_before_any_output_is_written(tmp_path):
    """The disk fills exactly when SQLite writes the history (strace fails each of its pwrite64
    calls with ENOSPC; quire's own outputs use write): the run stops with the history's message,
    the history keeps its earlier run, and no output of the failed run replaces an earlier one."""
    if not shutil.which("strace"):
        pytest.skip("strace is not installed (make test-oracle installs it)")
    folder = prepare(tmp_path / "work")
    assert subprocess.run([binary(), "run", "samples/nightly.yaml", "--quiet"], cwd=folder).returncode == 1
    with (folder / "samples" / "initech-security-questionnaire.csv").open("ab") as handle:
        handle.write(b"\r\n")  # a changed input, so that the next run has new outputs to write
    before = snapshot(folder / "out")
    run = subprocess.run(["strace", "-f", "-qq", "-o", "/dev/null", "-e", "trace=pwrite64", "-e",
                          "inject=pwrite64:error=ENOSPC", binary(), "run", "samples/nightly.yaml", "--quiet"],
                         cwd=folder, capture_output=True, timeout=300)
    message = run.stderr.decode()
    assert run.returncode == 74, message
    assert "history.sqlite" in message and "disk is full" in message and "previous runs are as they were" in message
    assert snapshot(folder / "out") == before
    assert sqlite3.connect(folder / "out" / "history.sqlite").execute("SELECT count(*) FROM run").fetchone()[0] == 1


def test_a_read_only_output_folder_is_a_clear_error_and_changes_nothing(tmp_path):
    if not namespaces_allowed():
        pytest.skip("no mount namespace here (as root, file modes alone do not stop writes)")
    folder = prepare(tmp_path / "work")
    assert subprocess.run([binary(), "run", "samples/nightly.yaml", "--quiet"], cwd=folder).returncode == 1
    before = snapshot(folder / "out")
    script = f"""mount --bind out out && mount -o remount,ro,bind out && \
        "{binary()}" run samples/nightly.yaml --quiet > ro.log 2>&1; echo $? > ro.status"""
    subprocess.run(["unshare", "-m", "sh", "-c", script], cwd=folder, timeout=300, check=True)
    status = int((folder / "ro.status").read_text())
    message = (folder / "ro.log").read_text()
    assert status not in (0, 1) and status < 128, message
    assert "Read-only file system" in message or "read-only" in message.lower(), message
    assert snapshot(folder / "out") == before


def test_a_locked_history_is_a_clear_error_before_any_output_is_written(tmp_path):
    folder = prepare(tmp_path / "work")
    assert subprocess.run([binary(), "run", "samples/nightly.yaml", "--quiet"], cwd=folder).returncode == 1
    before = snapshot(folder / "out")
    holder = sqlite3.connect(folder / "out" / "history.sqlite", isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        # A minute unless told: two seconds here (QUIRE_HISTORY_WAIT), and a second run told 0 gives up at once.
        runs = [subprocess.run([binary(), "run", "samples/nightly.yaml", "--quiet"], cwd=folder, capture_output=True,
                               timeout=120, env={**os.environ, "QUIRE_HISTORY_WAIT": wait}) for wait in ["2", "0"]]
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    for run in runs:
        message = run.stderr.decode()
        assert run.returncode == 74 and "locked" in message and "try again" in message, message
    assert snapshot(folder / "out") == before


@pytest.mark.parametrize("wait", ["soon", "-1", "nan", "1e9", ""])
def test_a_history_wait_that_is_not_seconds_stops_the_run_before_anything_is_read(tmp_path, wait):
    folder = prepare(tmp_path / "work")
    run = subprocess.run([binary(), "run", "samples/nightly.yaml", "--quiet"], cwd=folder, capture_output=True,
                         env={**os.environ, "QUIRE_HISTORY_WAIT": wait})
    message = run.stderr.decode()
    assert run.returncode == 64 and f"QUIRE_HISTORY_WAIT={wait}:" in message and "0 to 86400" in message, message
    assert not (folder / "out").exists()


def test_a_damaged_history_is_a_clear_error_saying_what_to_do(tmp_path):
    folder = prepare(tmp_path / "work")
    assert subprocess.run([binary(), "run", "samples/nightly.yaml", "--quiet"], cwd=folder).returncode == 1
    history = folder / "out" / "history.sqlite"
    history.write_bytes(b"not a database " * 400)
    before = snapshot(folder / "out")
    run = subprocess.run([binary(), "run", "samples/nightly.yaml", "--quiet"], cwd=folder, capture_output=True)
    message = run.stderr.decode()
    assert run.returncode == 74 and "damaged" in message and "move it aside" in message, message
    assert snapshot(folder / "out") == before


COMMANDS = [
    ["run", "samples/nightly.yaml", "--quiet"],
    ["answer", "samples/globex-vendor-assessment.xlsx", "--library", "samples/library", "--as-of", "2026-11-29",
     "-o", "extra/filled.xlsx", "--review", "extra/review.csv"],
    ["answer", "samples/initech-security-questionnaire.csv", "--library", "samples/library", "--as-of", "2026-11-29",
     "-o", "extra/filled.csv", "--review", "extra/review-initech.csv"],
    ["apply", "extra/review.csv", "--to", "extra/filled.xlsx", "-o", "extra/applied.xlsx"],
    ["assess", "samples/vendors/northwind-hosting-caiq-style.xlsx", "--library", "samples/library",
     "-o", "extra/vendors.xlsx"],
    ["library", "import", "samples/vendors/northwind-hosting-caiq-style.xlsx", "--library", "samples/library",
     "-o", "extra/imported.yaml"],
    ["convert", "samples/exchange/acme-baseline-catalog.json", "--to", "ciso-assistant", "-o", "extra/ciso.yaml"],
    ["crosswalk", "--library", "samples/library", "--as-of", "2026-11-29", "-o", "extra/crosswalk.xlsx"],
    ["soa", "--library", "samples/library", "--as-of", "2026-11-29", "-o", "extra/soa.xlsx"],
    ["cat", "samples/contoso-cloud-review.xlsx", "--format", "json"],
    ["inspect", "samples/contoso-cloud-review.xlsx"],
    ["diff", "samples/globex-vendor-assessment.xlsx", "extra/filled.xlsx"],
    ["validate", "samples/library"],
]


def test_no_command_modifies_an_input(tmp_path):
    folder = prepare(tmp_path / "work")
    (folder / "extra").mkdir()
    for arguments in COMMANDS:
        before = snapshot(folder / "samples")
        run = subprocess.run([binary(), *arguments], cwd=folder, capture_output=True, timeout=600)
        # Done, or a clear refusal (apply with no decisions made); never a usage error or a crash.
        assert run.returncode in (0, 1, 65), (arguments, run.stderr.decode(errors="replace")[-1500:])
        assert snapshot(folder / "samples") == before, arguments


def outputs(folder: Path) -> dict[str, str]:
    return {name: digest for name, (digest, _) in snapshot(folder).items() if not name.endswith("history.sqlite")}


def test_the_same_inputs_give_the_same_bytes_whatever_the_time_zone_locale_and_cores(tmp_path):
    runs = [
        ({"TZ": "UTC", "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8"}, []),
        ({"TZ": "Pacific/Kiritimati", "LANG": "tr_TR.UTF-8", "LC_ALL": "tr_TR.UTF-8"}, ["--jobs", "3"]),
        ({"TZ": "America/St_Johns", "LANG": "de_DE.UTF-8", "LC_ALL": "de_DE.UTF-8"}, ["taskset"]),
    ]
    installed = subprocess.run(["locale", "-a"], capture_output=True, text=True).stdout.lower()
    assert "tr_tr.utf8" in installed and "de_de.utf8" in installed, "make test generates these locales"
    seen = []
    for index, (environment, extra) in enumerate(runs):
        folder = prepare(tmp_path / f"run{index}")
        command = [binary(), "run", "samples/nightly.yaml", "--quiet"]
        if extra == ["taskset"]:
            assert shutil.which("taskset"), "taskset (util-linux) is missing"
            command = ["taskset", "-c", "0", *command]  # one core: the default --jobs is 1
        else:
            command += extra
        run = subprocess.run(command, cwd=folder, env={**os.environ, **environment}, capture_output=True, timeout=600)
        assert run.returncode == 1, run.stderr.decode(errors="replace")
        seen.append(outputs(folder / "out"))
    assert len(seen[0]) > 10
    assert seen[1] == seen[0] and seen[2] == seen[0]
