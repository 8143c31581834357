"""pytest setup for the oracle suite: the `quire` and `corpus` markers, QUIRE_BIN and QUIRE_CORPUS.

- Tests marked `quire` run the binary named by the environment variable QUIRE_BIN. If any such test
  is selected and QUIRE_BIN is unset or not an executable file, the run stops with a usage error
  before any test runs (exit status 4). `-m "not quire"` runs only the openpyxl-side tests.
- Tests marked `corpus` read third-party files in place from $QUIRE_CORPUS (../shared/corpus).
  They are only generated when QUIRE_CORPUS is set, so a default run has none to skip; asking for
  `-m corpus` without QUIRE_CORPUS is a usage error rather than an empty, passing run.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "quire: runs the quire binary named by $QUIRE_BIN (required)")
    config.addinivalue_line(
        "markers",
        "corpus: reads workbooks in place from $QUIRE_CORPUS/questionnaires/{scf,hecvat,ciso-assistant}; "
        "generated only when QUIRE_CORPUS is set",
    )
    config.addinivalue_line(
        "markers",
        "postgres: runs against the PostgreSQL server $QUIRE_TEST_POSTGRES names (make test-shards starts one); "
        "generated only when it is set",
    )


def quire_bin_problem() -> str | None:
    """Why $QUIRE_BIN can't be run, or None when it can."""
    value = os.environ.get("QUIRE_BIN")
    how = (
        "build quire (`make build`) and run `QUIRE_BIN=.build/debug/quire .venv/bin/python -m pytest Tests/oracle` "
        "from the repository root, or run only the openpyxl-side tests with -m 'not quire'"
    )
    if not value:
        return f"QUIRE_BIN is not set; {how}"
    path = Path(value)
    if not path.is_file():
        return f"QUIRE_BIN={value}: no such file (resolved: {path.resolve()}); {how}"
    if not os.access(path, os.X_OK):
        return f"QUIRE_BIN={value}: not executable; {how}"
    return None


def pytest_collection_finish(session: pytest.Session) -> None:
    markexpr = session.config.getoption("markexpr") or ""
    if "corpus" in markexpr and "not corpus" not in markexpr and not os.environ.get("QUIRE_CORPUS"):
        pytest.exit(
            "-m corpus selects tests that exist only when QUIRE_CORPUS is set; run `QUIRE_CORPUS=../shared/corpus "
            "QUIRE_BIN=.build/debug/quire .venv/bin/python -m pytest Tests/oracle -m corpus` (or `make test-corpus`)",
            returncode=pytest.ExitCode.USAGE_ERROR,
        )
    if "postgres" in markexpr and "not postgres" not in markexpr and not os.environ.get("QUIRE_TEST_POSTGRES"):
        pytest.exit(
            "-m postgres selects tests that exist only when QUIRE_TEST_POSTGRES names a server; run `make test-shards`",
            returncode=pytest.ExitCode.USAGE_ERROR,
        )
    if any(item.get_closest_marker("quire") for item in session.items):
        problem = quire_bin_problem()
        if problem:
            pytest.exit(problem, returncode=pytest.ExitCode.USAGE_ERROR)


@pytest.fixture(scope="session")
def quire_bin() -> Path:
    """The quire executable from $QUIRE_BIN, as an absolute path."""
    problem = quire_bin_problem()
    if problem:
        pytest.fail(problem, pytrace=False)
    return Path(os.environ["QUIRE_BIN"]).resolve()


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Under pytest-xdist (`--dist loadgroup`, as the Makefile runs the suite) a module's tests run
    on one worker, in their order: some use what an earlier test of the module made (the `quire
    history` test reads the history the `quire run` test wrote), and its module fixtures are built
    once. A module whose tests stand alone spreads them with marks of its own
    (test_openpyxl_oracle.py: one group a workbook)."""
    for item in items:
        if item.get_closest_marker("xdist_group") is None:
            item.add_marker(pytest.mark.xdist_group(item.module.__name__ if item.module else item.nodeid))
