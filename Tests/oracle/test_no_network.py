"""Quire works offline: no command opens a socket of any kind. Each command runs under strace
(`-f`, every thread and child), which records every socket, connect, bind, sendto and sendmsg
call; there must be none. Then `quire run` runs again in a network namespace of its own (no
interface but a down loopback), where the machine allows one, and writes the same bytes."""
from __future__ import annotations

import hashlib
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.quire


@pytest.fixture(scope="module")
def workspace(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("offline")
    shutil.copytree(ROOT / "samples", folder / "samples", ignore=shutil.ignore_patterns("*.py"))
    config = yaml.safe_load((ROOT / "samples" / "nightly.yaml").read_text(encoding="utf-8"))
    config["output"] = "../out"
    (folder / "samples" / "nightly.yaml").write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    return folder


COMMANDS = [
    ["run", "samples/nightly.yaml", "--quiet"],
    ["history", "samples/nightly.yaml"],
    ["answer", "samples/globex-vendor-assessment.xlsx", "--library", "samples/library", "--as-of", "2026-11-29",
     "-o", "filled.xlsx", "--review", "review.xlsx"],
    ["assess", "samples/vendors/tailspin-payroll-freetext.csv", "--library", "samples/library", "-o", "vendors.json"],
    ["convert", "samples/library", "--to", "oscal-component-definition", "-o", "component.json"],
    ["convert", "samples/exchange/acme-ciso-assistant.yaml", "--to", "quire", "-o", "ciso.yaml"],
    ["crosswalk", "--library", "samples/library", "--as-of", "2026-11-29", "-o", "crosswalk.xlsx"],
    ["soa", "--library", "samples/library", "--as-of", "2026-11-29", "-o", "soa.xlsx"],
    ["inspect", "samples/contoso-cloud-review.xlsx"],
    ["validate", "samples/library"],
]


@pytest.mark.parametrize("arguments", COMMANDS, ids=lambda arguments: " ".join(arguments[:2]))
def test_no_command_opens_a_socket(workspace, arguments):
    strace = shutil.which("strace")
    assert strace, "strace is missing: `make test` installs it"
    log = workspace / f"strace-{arguments[0]}.log"
    binary = str(Path(os.environ["QUIRE_BIN"]).resolve())
    result = subprocess.run(
        [strace, "-f", "-qq", "-e", "trace=socket,socketpair,connect,bind,sendto,sendmsg,accept,accept4,listen",
         "-o", str(log), binary, *arguments],
        cwd=workspace, capture_output=True, timeout=600,
    )
    assert result.returncode in (0, 1), result.stderr.decode(errors="replace")[-2000:]
    assert log.exists()
    # strace writes "PID ???( <detached ...>" when a thread ends while it is being traced: no call
    # was recorded, so that line is not a socket call (seen once in CI on `quire history`).
    calls = [
        line for line in log.read_text().splitlines()
        if line.strip() and not re.fullmatch(r"\d+\s+\?\?\?\( <detached \.\.\.>", line.strip())
    ]
    assert calls == [], calls[:5]


def digests(folder: Path) -> dict[str, str]:
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file() and p.name != "history.sqlite"}


def test_a_run_in_a_network_namespace_of_its_own_writes_the_same_bytes(workspace, tmp_path):
    if subprocess.run(["unshare", "-n", "true"], capture_output=True).returncode != 0:
        pytest.skip("this machine does not allow a network namespace (the strace test above still holds)")
    binary = str(Path(os.environ["QUIRE_BIN"]).resolve())
    outside = tmp_path / "outside"
    inside = tmp_path / "inside"
    for folder in (outside, inside):
        shutil.copytree(workspace / "samples", folder / "samples")
        shutil.rmtree(folder / "out", ignore_errors=True)
    assert subprocess.run([binary, "run", "samples/nightly.yaml", "--quiet"], cwd=outside).returncode == 1
    run = subprocess.run(["unshare", "-n", binary, "run", "samples/nightly.yaml", "--quiet"], cwd=inside,
                         capture_output=True)
    assert run.returncode == 1, run.stderr.decode(errors="replace")
    assert digests(inside / "out") == digests(outside / "out")


def test_the_trace_sees_a_socket_when_one_is_opened(tmp_path):
    """The check above could fail: the same trace of a program that opens one records it."""
    log = tmp_path / "strace.log"
    subprocess.run([shutil.which("strace"), "-f", "-qq", "-e", "trace=socket,connect", "-o", str(log),
                    "python3", "-c", "import socket; socket.socket().close()"], check=True, timeout=60)
    assert "socket(AF_INET" in log.read_text()
