"""`make lint`'s dependency rule check (scripts/check_imports.py) passes on the tree and catches a
target that imports a target DESIGN.md's table does not allow, a test target reaching outside its
target's closure, and C imported outside Spreadsheet."""
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "scripts" / "check_imports.py"


def run(root: Path | None = None) -> subprocess.CompletedProcess:
    env = dict(os.environ)
    if root is not None:
        env["CHECK_IMPORTS_ROOT"] = str(root)
    return subprocess.run([sys.executable, str(SCRIPT)], capture_output=True, text=True, env=env, timeout=60)


def tree(tmp_path: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)
    return tmp_path


def test_the_tree_follows_the_rules() -> None:
    result = run()
    assert result.returncode == 0, result.stderr


def test_a_forbidden_import_is_named_with_its_place(tmp_path: Path) -> None:
    root = tree(tmp_path, {
        "Sources/Answering/Answerer.swift": "import ControlModel\nimport Reports\n",
        "Sources/Questionnaire/Reader.swift": "public import Spreadsheet\n",
    })
    result = run(root)
    assert result.returncode == 1
    assert "Sources/Answering/Answerer.swift:2: Answering imports Reports" in result.stderr
    assert "Questionnaire" not in result.stderr.replace("allowed: ControlModel, Questionnaire", "")


def test_tests_see_their_targets_closure_and_no_further(tmp_path: Path) -> None:
    root = tree(tmp_path, {
        "Tests/AnsweringTests/A.swift": "import Spreadsheet\n@testable import Answering\n",
        "Tests/QuestionnaireTests/Q.swift": "import Answering\n",
    })
    result = run(root)
    assert result.returncode == 1
    assert "AnsweringTests/A.swift" not in result.stderr
    assert "Tests/QuestionnaireTests/Q.swift:1: QuestionnaireTests imports Answering" in result.stderr


def test_c_stays_in_spreadsheet(tmp_path: Path) -> None:
    root = tree(tmp_path, {
        "Sources/Spreadsheet/Inflater.swift": "internal import CZlib\n",
        "Sources/Spreadsheet/JSON.swift": "import Foundation\n",
        "Sources/Pipeline/Failure.swift": "@preconcurrency internal import CLibXML2\n",
    })
    result = run(root)
    assert result.returncode == 1
    assert "Sources/Pipeline/Failure.swift:1: imports CLibXML2; only Spreadsheet touches C" in result.stderr
    assert "Spreadsheet/Inflater" not in result.stderr
    assert "Sources/Spreadsheet/JSON.swift:1: Spreadsheet imports Foundation" in result.stderr


def test_an_unlisted_target_is_refused(tmp_path: Path) -> None:
    root = tree(tmp_path, {"Sources/Helpers/Misc.swift": "import Foundation\n"})
    result = run(root)
    assert result.returncode == 1
    assert "Sources/Helpers: a target DESIGN.md's table does not list" in result.stderr
