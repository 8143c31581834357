"""Running a command on a pseudo-terminal, as a person at a terminal would (for what a command
does differently there: a progress bar, refusing to print a workbook)."""
from __future__ import annotations

import os
import pty
from pathlib import Path


def run_on_terminal(arguments: list[str], cwd: Path | None = None) -> tuple[int, bytes]:
    """The exit code and everything the command wrote to the terminal (stdout and stderr)."""
    pid, descriptor = pty.fork()
    if pid == 0:
        if cwd is not None:
            os.chdir(cwd)
        os.execv(arguments[0], arguments)
    output = b""
    while True:
        try:
            chunk = os.read(descriptor, 4096)
        except OSError:
            break
        if not chunk:
            break
        output += chunk
    _, status = os.waitpid(pid, 0)
    return os.waitstatus_to_exitcode(status), output
