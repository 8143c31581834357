"""Every input a fuzzer found (Tests/Fixtures/fuzz/TARGET/*) replayed through its reader by the
`quire-fuzz` binary beside quire (a plain build replays instead of fuzzing): each must be read to
an answer or an error, never a crash or a hang."""
from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
KEPT = ROOT / "Tests" / "Fixtures" / "fuzz"
pytestmark = pytest.mark.quire


def test_every_kept_fuzzer_input_is_read_without_a_crash_or_a_hang():
    binary = Path(os.environ["QUIRE_BIN"]).resolve().parent / "quire-fuzz"
    inputs = [path for path in KEPT.glob("*/*") if path.is_file()]
    assert inputs, "no kept inputs"
    result = subprocess.run([str(binary), "--replay", str(KEPT)], capture_output=True, timeout=300)
    assert result.returncode == 0, result.stderr.decode(errors="replace")[-2000:]
    assert result.stdout.decode().strip() == f"{len(inputs)} inputs replayed"


def test_the_replayer_refuses_an_unknown_target_with_its_usage():
    binary = Path(os.environ["QUIRE_BIN"]).resolve().parent / "quire-fuzz"
    result = subprocess.run([str(binary), "no-such-target", str(KEPT / "README.md")], capture_output=True, timeout=60)
    assert result.returncode == 64 and b"usage: quire-fuzz" in result.stderr
