#!/usr/bin/env python3
"""Checks that every Swift target imports only the project targets DESIGN.md's table allows.

`make lint` runs it. The rules come from the "Targets" table of DESIGN.md (../shared/DESIGN.md);
when that file is not beside the checkout, the copy below is used, and when it is, the copy must
agree with it (so the copy cannot drift unnoticed). Only project targets and the C modules are
checked; system and package modules (Foundation, Yams, ArgumentParser, Testing ...) are not.

- A source target imports only the targets its row names ("all of the above" for Pipeline means
  every target listed before it).
- A test target `XTests` imports `X` and what `X` may import, directly or through the targets it
  may import (tests see the whole closure); `quireTests` runs the binary and imports none.
- Only Spreadsheet imports CZlib and CLibXML2, and Spreadsheet does not import Foundation: with
  both in one module, a clean build fails (libxml2's headers bring the system ICU's `UErrorCode`,
  Foundation brings its own).
"""
import os
import re
import sys
from pathlib import Path

# CHECK_IMPORTS_ROOT points the check at another tree (its own test does).
ROOT = Path(os.environ.get("CHECK_IMPORTS_ROOT", Path(__file__).resolve().parent.parent))
DESIGN = ROOT.parent / "shared" / "DESIGN.md"

# The table as DESIGN.md states it; `generate-builtin-library` is the `make catalog` tool, not a stage.
RULES = {
    "CZlib": set(),
    "CLibXML2": set(),
    "Spreadsheet": {"CZlib", "CLibXML2"},
    "ControlModel": set(),
    "Questionnaire": {"Spreadsheet"},
    "Answering": {"ControlModel", "Questionnaire"},
    "Reports": {"Spreadsheet", "ControlModel", "Questionnaire", "Answering"},
    "Exchange": {"Spreadsheet", "ControlModel"},
    "Pipeline": {"CZlib", "CLibXML2", "Spreadsheet", "ControlModel", "Questionnaire", "Answering", "Reports", "Exchange"},
    "quire": {"Pipeline"},
}
TOOLS = {
    "generate-builtin-library": {"ControlModel", "Exchange"},
    "quire-fuzz": {"Spreadsheet", "Questionnaire", "ControlModel", "Exchange"},
}
C_MODULES = {"CZlib", "CLibXML2"}
IMPORT = re.compile(r"^\s*(?:@\w+\s+)*(?:(?:public|internal|package|private|fileprivate)\s+)?import\s+(?:\w+\s+)?([A-Za-z_]\w*)")


def rules_from_design(text: str) -> dict[str, set[str]]:
    """The "depends on" column of DESIGN.md's targets table."""
    rules: dict[str, set[str]] = {}
    order: list[str] = []
    for line in text.splitlines():
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if len(cells) != 3 or not cells[0].startswith("`"):
            continue
        names = re.findall(r"`([^`]+)`", cells[0])
        depends = cells[2]
        if depends in ("—", "-", ""):
            allowed: set[str] = set()
        elif depends == "the two C targets":
            allowed = set(C_MODULES)
        elif depends == "all of the above":
            allowed = set(order) - set(names)
        else:
            allowed = {name.strip().strip("`") for name in depends.split(",")}
        for name in names:
            rules[name] = allowed
            order.append(name)
    return rules


def closure(target: str, rules: dict[str, set[str]]) -> set[str]:
    seen: set[str] = set()
    stack = [target]
    while stack:
        for dependency in rules.get(stack.pop(), set()):
            if dependency not in seen:
                seen.add(dependency)
                stack.append(dependency)
    return seen


def main() -> int:
    rules = RULES
    if DESIGN.is_file():
        from_design = rules_from_design(DESIGN.read_text(encoding="utf-8"))
        if from_design != RULES:
            changed = sorted(name for name in set(from_design) | set(RULES) if from_design.get(name) != RULES.get(name))
            print(f"check_imports: the rules in {Path(__file__).name} differ from {DESIGN} for: "
                  f"{', '.join(changed)}; update the copy to match DESIGN.md", file=sys.stderr)
            return 1
    project = set(rules) | set(TOOLS)
    problems: list[str] = []
    for folder, allowed_of in (("Sources", lambda t: rules.get(t, TOOLS.get(t))), ("Tests", None)):
        if not (ROOT / folder).is_dir():
            continue
        for target_dir in sorted((ROOT / folder).iterdir()):
            if not target_dir.is_dir():
                continue
            target = target_dir.name
            if folder == "Sources":
                allowed = allowed_of(target)
                if allowed is None:
                    problems.append(f"Sources/{target}: a target DESIGN.md's table does not list; add it there first")
                    continue
            else:
                if not target.endswith("Tests"):
                    continue
                tested = target[: -len("Tests")]
                allowed = set() if tested == "quire" else {tested} | closure(tested, {**rules, **TOOLS})
            for path in sorted(target_dir.rglob("*.swift")):
                for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
                    match = IMPORT.match(line)
                    if not match:
                        continue
                    module = match.group(1)
                    if target == "Spreadsheet" and module == "Foundation":
                        problems.append(
                            f"{path.relative_to(ROOT)}:{number}: Spreadsheet imports Foundation; beside CLibXML2 a clean "
                            "build fails (two definitions of ICU's UErrorCode): do without it, or put the code elsewhere"
                        )
                        continue
                    if module == target or module not in project:
                        continue
                    if module in C_MODULES and target != "Spreadsheet":
                        problems.append(f"{path.relative_to(ROOT)}:{number}: imports {module}; only Spreadsheet touches C")
                    elif module not in allowed:
                        problems.append(
                            f"{path.relative_to(ROOT)}:{number}: {target} imports {module}, which DESIGN.md's table "
                            f"does not allow (allowed: {', '.join(sorted(allowed)) or 'none'})"
                        )
    for problem in problems:
        print(problem, file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
