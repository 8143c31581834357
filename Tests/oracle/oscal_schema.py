"""The published OSCAL 1.2.2 JSON schema (NIST's complete schema as vendored by go-oscal, copied to
Tests/Fixtures/exchange/oscal/schema/) as a jsonschema validator.

The schema is draft-07 and its regular expressions use Unicode classes (`\\p{L}`, `\\p{N}`) that
Python's `re` cannot compile, so the `pattern` keyword is run with the `regex` package instead.
`python oscal_schema.py FILE...` validates files and prints the first errors of each.
"""
from __future__ import annotations

import json
import sys
from functools import lru_cache
from pathlib import Path

import regex
from jsonschema import Draft7Validator, ValidationError, validators

ROOT = Path(__file__).resolve().parents[2]
SCHEMA_PATH = ROOT / "Tests" / "Fixtures" / "exchange" / "oscal" / "schema" / "go-oscal-oscal_complete_schema-1-2-2.json"


@lru_cache(maxsize=None)
def _compiled(pattern: str):
    return regex.compile(pattern)


def _pattern(validator, pattern, instance, schema):
    if validator.is_type(instance, "string") and not _compiled(pattern).search(instance):
        yield ValidationError(f"{instance!r} does not match {pattern!r}")


OSCALValidator = validators.extend(Draft7Validator, {"pattern": _pattern})


@lru_cache(maxsize=1)
def schema() -> dict:
    return json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))


def root_model(document: dict) -> str | None:
    """The OSCAL model a document's single root member names."""
    known = {"catalog", "profile", "component-definition", "mapping-collection", "system-security-plan",
             "assessment-plan", "assessment-results", "plan-of-action-and-milestones"}
    keys = [key for key in document if key != "$schema"]
    return keys[0] if len(keys) == 1 and keys[0] in known else None


def errors(document: dict, limit: int = 20) -> list[str]:
    """Schema errors as `path: message`, the deepest first. The schema's root is a oneOf over the
    models, whose errors say only "not valid under any"; the model's own definition is validated
    instead, so that the messages point into the document."""
    whole = schema()
    model = root_model(document)
    if model is None:
        return [f"not an OSCAL document: root keys {sorted(document)}"]
    branch = next(b for b in whole["oneOf"] if model in b.get("required", []))
    sub = dict(branch)
    sub["definitions"] = whole["definitions"]
    validator = OSCALValidator(sub, format_checker=Draft7Validator.FORMAT_CHECKER)
    found = []
    for error in validator.iter_errors(document):
        leaves = [error]
        while leaves and leaves[0].context:
            leaves = sorted(leaves[0].context, key=lambda e: -len(e.absolute_path))
        leaf = leaves[0] if leaves else error
        found.append(f"{'/'.join(map(str, leaf.absolute_path)) or '(root)'}: {leaf.message[:300]}")
        if len(found) >= limit:
            break
    # The whole schema's oneOf must accept it too (the model branch alone could hide a second match).
    if not found and not OSCALValidator(whole).is_valid(document):
        found.append("(root): not valid under the schema's oneOf")
    return found


def main(paths: list[str]) -> int:
    bad = 0
    for path in paths:
        document = json.loads(Path(path).read_text(encoding="utf-8"))
        problems = errors(document)
        print(f"{path}: {'valid' if not problems else f'{len(problems)}+ errors'}")
        for problem in problems[:10]:
            print("   ", problem)
        bad += bool(problems)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
