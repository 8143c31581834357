"""SIGKILL at many points of every command that writes files: what is left at each output path is
the previous file or none, or the whole new output (byte for byte what an uninterrupted run
writes), never a part of it; and no other file appears beside it but a hidden temporary name
holding a whole output.

Each command is first run to the end to record its outputs. Then, at each point (moments spread
over its running time, seeded so that a failure reproduces; and, where strace is installed, on
entry to writes spread over all it makes, to its fsync, its links and its rename, which strace's
fault injection kills exactly), the outputs are set back (to placeholder "previous" files at
every other point, to nothing at the others), the command is started and killed there, and every
file in the output folder is checked against those states. The
inputs are checked unchanged at the end (test_faults.py checks that of every command too)."""
from __future__ import annotations

import csv
import hashlib
import os
import random
import shutil
import signal
import subprocess
import time
from pathlib import Path

import pytest

import review_lists

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.quire
POINTS = int(os.environ.get("KILL_POINTS", "14"))
PREVIOUS = b"previous output, which a killed write must leave whole\n"


def binary() -> str:
    return str(Path(os.environ["QUIRE_BIN"]).resolve())


@pytest.fixture(scope="module")
def workspace(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("kill")
    shutil.copytree(ROOT / "samples", folder / "samples")
    with (folder / "big.csv").open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["ID", "Question", "Answer", "Comment"])
        for index in range(1, 120_001):
            writer.writerow([f"Q-{index}", f"Is customer data in system {index} encrypted at rest with AES-256?",
                             "Yes" if index % 3 else "No", f"See evidence item {index * 7 % 1009}"])
    answered = subprocess.run([binary(), "answer", "samples/globex-vendor-assessment.xlsx", "--library",
                               "samples/library", "--as-of", "2026-11-29", "-o", "filled.xlsx"], cwd=folder,
                              capture_output=True, timeout=300)
    assert answered.returncode == 0, answered.stderr.decode()
    review_lists.accept(folder / "filled.review.csv", lambda row: row["proposed_value"] in ("Yes", "No"))
    return folder


# name: (arguments, output folder); every output goes into its own folder, which holds nothing else.
COMMANDS = {
    "cat to JSON (120,000 rows)": (["cat", "big.csv", "--format", "json", "-o", "o/big.json"], "o"),
    "answer: filled copy and review list": (
        ["answer", "samples/globex-vendor-assessment.xlsx", "--library", "samples/library", "--as-of", "2026-11-29",
         "-o", "o/filled.xlsx", "--answers", "o/answers.json"], "o"),
    "apply: final copy": (["apply", "filled.review.csv", "--to", "filled.xlsx", "-o", "o/final.xlsx"], "o"),
    "assess: vendors workbook": (
        ["assess", "samples/vendors/northwind-hosting-caiq-style.xlsx", "samples/vendors/fabrikam-analytics-marks.xlsx",
         "--library", "samples/library", "-o", "o/vendors.xlsx"], "o"),
    "library import": (
        ["library", "import", "samples/vendors/northwind-hosting-caiq-style.xlsx", "--library", "samples/library",
         "-o", "o/imported.yaml"], "o"),
    "convert to OSCAL with its report": (
        ["convert", "samples/library", "--to", "oscal-component-definition", "-o", "o/component.json"], "o"),
    "crosswalk workbook": (["crosswalk", "--library", "samples/library", "--as-of", "2026-11-29", "-o",
                            "o/crosswalk.xlsx"], "o"),
    "statement of applicability": (["soa", "--library", "samples/library", "--as-of", "2026-11-29", "-o",
                                    "o/soa.xlsx"], "o"),
}


def snapshot(folder: Path) -> dict[str, bytes]:
    return {str(path.relative_to(folder)): path.read_bytes() for path in sorted(folder.rglob("*")) if path.is_file()}


def inputs_digest(folder: Path) -> dict[str, str]:
    return {str(path.relative_to(folder)): hashlib.sha256(path.read_bytes()).hexdigest()
            for path in sorted(folder.rglob("*")) if path.is_file() and path.parts[len(folder.parts)] != "o"}


def kill_points(arguments: list[str], cwd: Path, duration: float, seed: str) -> list[tuple[str, list[str], float]]:
    """Where to kill: POINTS moments spread over the running time, and, under strace, on entry to
    POINTS of the command's write calls (spread from the first to the last), its first fsync, its
    link calls and its rename: (label, command prefix, delay before SIGKILL)."""
    rng = random.Random(seed)
    points = [(f"at {delay:.3f} s", [], delay) for delay in (rng.uniform(0.0, duration * 1.1) for _ in range(POINTS))]
    if not shutil.which("strace"):
        return points
    log = cwd / "syscalls.log"
    traced = subprocess.run(["strace", "-f", "-qq", "-o", str(log), "-e", "trace=write,fsync,linkat,rename",
                             binary(), *arguments], cwd=cwd, capture_output=True, timeout=300)
    assert traced.returncode in (0, 1), traced.stderr.decode()
    counts: dict[tuple[str, str], int] = {}
    for line in log.read_text().splitlines():
        thread, _, call = line.partition(" ")
        name = call.split("(", 1)[0]
        counts[(thread, name)] = counts.get((thread, name), 0) + 1
    log.unlink()
    most = {name: max((count for (_, each), count in counts.items() if each == name), default=0)
            for name in ["write", "fsync", "linkat", "rename"]}
    writes = sorted({1 + round(index * (most["write"] - 1) / max(POINTS - 1, 1)) for index in range(POINTS)})
    chosen = [("write", when) for when in writes if most["write"]]
    chosen += [(name, when) for name in ["fsync", "linkat", "rename"] for when in range(1, min(most[name], 2) + 1)]
    for name, when in chosen:
        points.append((f"on entry to {name} #{when}", ["strace", "-f", "-qq", "-o", "/dev/null", "-e",
                                                      f"trace={name}", "-e", f"inject={name}:signal=KILL:when={when}"],
                       60.0))
    return points


@pytest.mark.parametrize("name", list(COMMANDS))
def test_a_killed_write_leaves_the_previous_file_or_none_never_a_part(workspace: Path, name: str) -> None:
    arguments, output = COMMANDS[name]
    out = workspace / output
    shutil.rmtree(out, ignore_errors=True)
    out.mkdir()
    started = time.monotonic()
    whole = subprocess.run([binary(), *arguments], cwd=workspace, capture_output=True, timeout=300)
    duration = time.monotonic() - started
    assert whole.returncode in (0, 1), whole.stderr.decode()
    reference = snapshot(out)
    assert reference and not any(Path(key).name.startswith(".") for key in reference), reference.keys()
    before = inputs_digest(workspace)
    points = kill_points(arguments, workspace, duration, f"{name}-{POINTS}")

    outcomes = {"previous or none": 0, "whole new": 0, "mixed": 0}
    for number, (label, prefix, delay) in enumerate(points):
        shutil.rmtree(out)
        out.mkdir()
        with_previous = number % 2 == 0
        if with_previous:
            for key in reference:
                (out / key).parent.mkdir(parents=True, exist_ok=True)
                (out / key).write_bytes(PREVIOUS)
        process = subprocess.Popen([*prefix, binary(), *arguments], cwd=workspace, stdout=subprocess.DEVNULL,
                                   stderr=subprocess.DEVNULL)
        try:
            process.wait(timeout=delay)
        except subprocess.TimeoutExpired:
            process.send_signal(signal.SIGKILL)
            process.wait()
        left = snapshot(out)
        new = 0
        for key, data in left.items():
            path = Path(key)
            if path.name.startswith(".") and ".quire-" in path.name:
                target = str(path.parent / path.name[1:path.name.index(".quire-")])
                assert data == reference.get(target), f"{name}, killed {label}: {key} is not a whole {target}"
                continue
            assert key in reference, f"{name}, killed {label}: an unexpected file {key}"
            if data == reference[key]:
                new += 1
            else:
                assert with_previous and data == PREVIOUS, (
                    f"{name}, killed {label}: {key} is neither the previous file nor the whole new one "
                    f"({len(data)} bytes of {len(reference[key])})")
        outcomes["whole new" if new == len(reference) else "previous or none" if new == 0 else "mixed"] += 1
    assert inputs_digest(workspace) == before, "a killed command changed an input"
    # The points must have hit the command while it ran, not only after it ended: otherwise the
    # test proves nothing.
    assert outcomes["previous or none"] + outcomes["mixed"] >= len(points) // 3, outcomes
    print(f"{name}: {duration:.2f} s, {len(points)} points: {outcomes}")


def test_learning_into_the_library_killed_leaves_the_library_whole(workspace: Path, tmp_path: Path) -> None:
    """`apply --learn` rewrites the user's own answer library in place: killed, it is the old
    library or the new one, never a mix (the rewrite keeps comments and order, so a part would
    still parse; compare bytes)."""
    shutil.copytree(workspace / "samples" / "library", tmp_path / "lib")
    for name in ["filled.xlsx", "filled.review.csv"]:
        shutil.copy(workspace / name, tmp_path / name)
    original = (tmp_path / "lib" / "answers.yaml").read_bytes()
    arguments = [binary(), "apply", "filled.review.csv", "--to", "filled.xlsx", "-o", "final.xlsx", "--learn",
                 "lib/answers.yaml", "--approved-by", "Dana Reviewer", "--library", "lib", "--as-of", "2026-12-06"]
    started = time.monotonic()
    whole = subprocess.run(arguments, cwd=tmp_path, capture_output=True, timeout=300)
    duration = time.monotonic() - started
    assert whole.returncode in (0, 1), whole.stderr.decode()
    learned = (tmp_path / "lib" / "answers.yaml").read_bytes()
    assert learned != original and learned.startswith(original[:200])
    rng = random.Random(f"learn-{POINTS}")
    interrupted = 0
    for _ in range(POINTS):
        (tmp_path / "lib" / "answers.yaml").write_bytes(original)
        (tmp_path / "final.xlsx").unlink(missing_ok=True)
        process = subprocess.Popen(arguments, cwd=tmp_path, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(rng.uniform(0.0, duration * 1.1))
        process.send_signal(signal.SIGKILL)
        process.wait()
        now = (tmp_path / "lib" / "answers.yaml").read_bytes()
        assert now in (original, learned), f"the library is {len(now)} bytes, neither the old nor the new"
        interrupted += now == original
        strays = [path.name for path in (tmp_path / "lib").iterdir() if ".quire-" in path.name]
        for stray in strays:
            assert (tmp_path / "lib" / stray).read_bytes() == learned, stray
    assert interrupted >= POINTS // 4, f"only {interrupted} of {POINTS} kills landed before the library was written"
