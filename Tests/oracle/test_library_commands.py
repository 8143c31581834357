"""The library commands (`quire frameworks`, `requirements`, `controls`, `xref`, `validate`) against
their output schemas and against checks computed here, in Python, from the catalogs and from
quire's own JSON, never from hard-coded expectations about the built-in library.

- Schemas: every command's `--format json` output fits Schemas/<command>.schema.json.
- Catalogs: `frameworks` counts the non-heading rows of each Catalogs/*.csv table (which table
  belongs to which framework is read from Catalogs/frameworks.yaml); `requirements` lists the same
  ids in the same order; `--format csv` holds the same rows as the JSON.
- Consistency: `requirements`, `frameworks` and `xref` agree with the mappings `controls` prints
  (covering controls, covered counts, correspondences re-derived with the rules `quire help xref`
  and docs/library-format.md state), and `xref A --to B` is symmetric (subset <-> superset).
- Round trip: `controls --format csv` is a library table that validates and reads back unchanged.
- `validate` reports each problem of a broken library (YAML, JSON, CSV) with file, line and words
  that say what is wrong, and exits 65.
- `-o FILE` writes the bytes standard output would get; a missing --library file exits 66 and
  names the file, the same whatever its type.

Tests that run quire are marked `quire` (QUIRE_BIN is required, see conftest.py).
"""

from __future__ import annotations

import csv
import io
import json
import re
import subprocess
from collections import Counter
from pathlib import Path
from typing import Any

import jsonschema
import openpyxl
import pytest
import yaml

REPO = Path(__file__).resolve().parent.parent.parent
SCHEMAS = REPO / "Schemas"
CATALOGS = REPO / "Catalogs"
SAMPLES = REPO / "samples" / "library"
SCHEMA_ID_BASE = "https://quire.invalid/schemas/"

OUTPUT_SCHEMAS = ["frameworks", "requirements", "controls", "xref", "validate"]
RELATIONSHIPS = ["equal", "subset", "superset", "intersects", "not-related"]
SWAP = {"subset": "superset", "superset": "subset"}
EXIT_DATA = 65  # EX_DATAERR
EXIT_NO_INPUT = 66  # EX_NOINPUT
LIBRARY_SUFFIXES = {".json", ".yaml", ".yml", ".csv", ".xlsx", ".xlsm"}

QUIRE = pytest.mark.quire


# --- helpers ---------------------------------------------------------------------------------------


def load_schema(name: str) -> dict[str, Any]:
    return json.loads((SCHEMAS / f"{name}.schema.json").read_text(encoding="utf-8"))


_VALIDATORS: dict[str, jsonschema.Draft202012Validator] = {}


def assert_fits(name: str, document: Any, what: str = "") -> None:
    if name not in _VALIDATORS:
        _VALIDATORS[name] = jsonschema.Draft202012Validator(load_schema(name))
    errors = sorted(_VALIDATORS[name].iter_errors(document), key=lambda e: list(map(str, e.absolute_path)))
    if errors:
        lines = [f"  {'/'.join(map(str, e.absolute_path)) or '(top)'}: {e.message[:300]}" for e in errors[:10]]
        if len(errors) > 10:
            lines.append(f"  … and {len(errors) - 10} more")
        pytest.fail(f"{what or name} does not fit {name}.schema.json:\n" + "\n".join(lines), pytrace=False)


def run(quire_bin: Path, *args: Any, cwd: Path | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([str(quire_bin), *map(str, args)], capture_output=True, cwd=cwd, timeout=300)


def describe(result: subprocess.CompletedProcess[bytes]) -> str:
    command = " ".join(result.args[1:]) if isinstance(result.args, list) else str(result.args)
    stderr = result.stderr.decode("utf-8", "replace").strip()
    return f"quire {command}: exit {result.returncode}" + (f"\nstderr:\n{stderr[:3000]}" if stderr else "")


def run_json(quire_bin: Path, schema: str, *args: Any, cwd: Path | None = None, status: int = 0) -> dict[str, Any]:
    """Runs quire with --format json, checks the exit status and the schema, returns the document."""
    result = run(quire_bin, *args, "--format", "json", cwd=cwd)
    assert result.returncode == status, describe(result)
    document = json.loads(result.stdout)
    assert_fits(schema, document, f"quire {' '.join(map(str, args))} --format json")
    return document


def run_csv(quire_bin: Path, *args: Any) -> list[dict[str, str]]:
    result = run(quire_bin, *args, "--format", "csv")
    assert result.returncode == 0, describe(result)
    return list(csv.DictReader(io.StringIO(result.stdout.decode("utf-8"), newline=""), strict=True))


def catalog_tables() -> dict[str, Path]:
    """Framework id -> its requirements table, as Catalogs/frameworks.yaml says."""
    document = yaml.safe_load((CATALOGS / "frameworks.yaml").read_text(encoding="utf-8"))
    return {f["id"]: CATALOGS / f["table"] for f in document["frameworks"]}


def catalog_ids(path: Path) -> list[str]:
    """The requirement ids of one catalog table: every data row with an id (the header row is not
    one), with spaces removed as quire writes them (`Art. 32` -> `Art.32`)."""
    with path.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle, strict=True))
    return [re.sub(r"\s+", "", row["id"]) for row in rows if (row.get("id") or "").strip()]


def compose(first: str, second: str) -> str | None:
    """`a ∘ b` as `quire help xref` states it: equal passes the other through, two subsets (two
    supersets) chain, anything else intersects; not-related breaks the chain."""
    if "not-related" in (first, second):
        return None
    if first == "equal":
        return second
    if second == "equal":
        return first
    if first == second and first in SWAP:
        return first
    return "intersects"


def combine(relationships: list[str]) -> str:
    """What several derivations prove together: equal if one proves it or subset and superset are
    both proved, else subset or superset, else intersects."""
    found = set(relationships)
    if "equal" in found or {"subset", "superset"} <= found:
        return "equal"
    for relationship in ("subset", "superset"):
        if relationship in found:
            return relationship
    return "intersects"


def expected_correspondences(
    controls: list[dict[str, Any]], requirement: str, targets: list[str]
) -> dict[str, tuple[str, list[tuple[str, str, str]]]]:
    """xref re-derived from the controls JSON: target requirement -> (relationship, sorted links),
    a link being (control, its relationship to `requirement`, its relationship to the target)."""
    links: dict[str, list[tuple[str, str, str, str]]] = {}
    for control in controls:
        for source in control["mappings"]:
            if source["requirement"] != requirement or source["relationship"] == "not-related":
                continue
            # The requirement relative to the control, then the control relative to the target.
            seen_from_requirement = SWAP.get(source["relationship"], source["relationship"])
            for target in control["mappings"]:
                framework = target["requirement"].split(":", 1)[0]
                if framework not in targets or target["requirement"] == requirement:
                    continue
                derived = compose(seen_from_requirement, target["relationship"])
                if derived is None:
                    continue
                links.setdefault(target["requirement"], []).append(
                    (control["id"], source["relationship"], target["relationship"], derived)
                )
    return {
        target: (combine([link[3] for link in found]), sorted(link[:3] for link in found))
        for target, found in links.items()
    }


def check_xref(document: dict[str, Any], controls: list[dict[str, Any]], titles: dict[str, str]) -> None:
    """An xref document agrees with the correspondences derived from `controls`."""
    control_titles = {c["id"]: c["title"] for c in controls}
    expected = expected_correspondences(controls, document["requirement"], document["to"])
    actual = {
        entry["requirement"]: (
            entry["relationship"],
            sorted((link["control"], link["from"], link["to"]) for link in entry["controls"]),
        )
        for entry in document["correspondences"]
    }
    assert len(actual) == len(document["correspondences"]), "a requirement is listed twice"
    missing = sorted(set(expected) - set(actual))
    extra = sorted(set(actual) - set(expected))
    assert not missing and not extra, f"{document['requirement']}: missing {missing}, unexpected {extra}"
    for target, (relationship, links) in sorted(expected.items()):
        assert actual[target] == (relationship, links), (
            f"{document['requirement']} -> {target}: quire says {actual[target]}, derived {(relationship, links)}"
        )
    # Grouped by target framework in the order of `to`; titles are the requirements' and controls'.
    order = [document["to"].index(e["requirement"].split(":", 1)[0]) for e in document["correspondences"]]
    assert order == sorted(order), f"correspondences not grouped in the order of to={document['to']}"
    for entry in document["correspondences"]:
        assert entry["title"] == titles[entry["requirement"]], entry["requirement"]
        for link in entry["controls"]:
            assert link["title"] == control_titles[link["control"]], link["control"]
    assert document["title"] == titles[document["requirement"]]


def line_of(text: str, needle: str, occurrence: int = 1) -> int:
    """The 1-based line of the n-th line containing `needle`."""
    hits = [number for number, line in enumerate(text.splitlines(), start=1) if needle in line]
    assert len(hits) >= occurrence, f"{needle!r} occurs {len(hits)} time(s) in the test's own file"
    return hits[occurrence - 1]


# --- session-wide outputs --------------------------------------------------------------------------


@pytest.fixture(scope="session")
def frameworks_doc(quire_bin: Path) -> dict[str, Any]:
    return run_json(quire_bin, "frameworks", "frameworks")


@pytest.fixture(scope="session")
def framework_ids(frameworks_doc: dict[str, Any]) -> list[str]:
    return [f["id"] for f in frameworks_doc["frameworks"]]


@pytest.fixture(scope="session")
def requirements_docs(quire_bin: Path, framework_ids: list[str]) -> dict[str, dict[str, Any]]:
    return {f: run_json(quire_bin, "requirements", "requirements", f) for f in framework_ids}


@pytest.fixture(scope="session")
def controls_doc(quire_bin: Path) -> dict[str, Any]:
    return run_json(quire_bin, "controls", "controls")


@pytest.fixture(scope="session")
def titles(requirements_docs: dict[str, dict[str, Any]]) -> dict[str, str]:
    """`framework:id` -> title, for every requirement and heading."""
    return {f"{f}:{r['id']}": r["title"] for f, doc in requirements_docs.items() for r in doc["requirements"]}


# --- the schemas themselves ------------------------------------------------------------------------


@pytest.mark.parametrize("name", OUTPUT_SCHEMAS)
def test_output_schema_is_valid_draft_2020_12(name: str) -> None:
    schema = load_schema(name)
    assert schema.get("$schema") == "https://json-schema.org/draft/2020-12/schema"
    assert schema.get("$id") == f"{SCHEMA_ID_BASE}{name}.schema.json"
    assert schema.get("title") and schema.get("description")
    assert schema.get("additionalProperties") is False
    jsonschema.Draft202012Validator.check_schema(schema)


@pytest.mark.parametrize("name", OUTPUT_SCHEMAS)
def test_output_schema_objects_are_closed(name: str) -> None:
    """Every object with properties in the schema says additionalProperties: false."""
    open_objects = []

    def walk(node: Any, where: str) -> None:
        if isinstance(node, dict):
            if "properties" in node and node.get("type") == "object" and node.get("additionalProperties") is not False:
                open_objects.append(where)
            for key, value in node.items():
                walk(value, f"{where}/{key}")
        elif isinstance(node, list):
            for index, value in enumerate(node):
                walk(value, f"{where}/{index}")

    walk(load_schema(name), "#")
    assert not open_objects, f"objects without additionalProperties: false: {open_objects}"


@pytest.mark.parametrize("name", ["requirements", "controls", "xref"])
def test_relationship_enum(name: str) -> None:
    enums = []

    def walk(node: Any) -> None:
        if isinstance(node, dict):
            if "enum" in node and "intersects" in node["enum"]:
                enums.append(node["enum"])
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(load_schema(name))
    assert enums and all(e == RELATIONSHIPS for e in enums), enums


# --- frameworks ------------------------------------------------------------------------------------


@QUIRE
def test_frameworks_match_the_catalogs(frameworks_doc: dict[str, Any]) -> None:
    tables = catalog_tables()
    listed = [f["id"] for f in frameworks_doc["frameworks"]]
    assert listed == list(tables), "the built-in frameworks, in Catalogs/frameworks.yaml order"
    for framework in frameworks_doc["frameworks"]:
        rows = catalog_ids(tables[framework["id"]])
        assert framework["requirements"] == len(rows), (
            f"{framework['id']}: {framework['requirements']} requirements, "
            f"{tables[framework['id']].name} has {len(rows)} rows"
        )
        assert sum(framework["kinds"].values()) == framework["requirements"], framework["id"]
        assert 0 <= framework["covered"] <= framework["requirements"], framework["id"]


@QUIRE
def test_frameworks_agree_with_requirements(
    frameworks_doc: dict[str, Any], requirements_docs: dict[str, dict[str, Any]]
) -> None:
    for framework in frameworks_doc["frameworks"]:
        doc = requirements_docs[framework["id"]]
        assessable = [r for r in doc["requirements"] if not r["heading"]]
        assert (doc["framework"], doc["name"], doc["version"]) == (
            framework["id"], framework["name"], framework["version"]
        )
        assert framework["requirements"] == len(assessable), framework["id"]
        assert framework["headings"] == len(doc["requirements"]) - len(assessable), framework["id"]
        assert framework["kinds"] == dict(Counter(r["kind"] for r in assessable)), framework["id"]
        covered = sum(1 for r in assessable if r["controls"])
        assert framework["covered"] == covered, f"{framework['id']}: covered {framework['covered']}, counted {covered}"


# --- requirements ----------------------------------------------------------------------------------


@QUIRE
@pytest.mark.parametrize("framework", list(catalog_tables()))
def test_requirements_match_the_catalog(framework: str, requirements_docs: dict[str, dict[str, Any]]) -> None:
    doc = requirements_docs[framework]
    assert doc["framework"] == framework
    ids = [r["id"] for r in doc["requirements"] if not r["heading"]]
    assert ids == catalog_ids(catalog_tables()[framework]), f"{framework}: requirement ids differ from the catalog"
    every = [r["id"] for r in doc["requirements"]]
    assert len(every) == len(set(every)), f"{framework}: an id is listed twice"
    seen: set[str] = set()
    for requirement in doc["requirements"]:
        if "parent" in requirement:
            assert requirement["parent"] in seen, f"{framework}:{requirement['id']}: parent not listed before it"
        seen.add(requirement["id"])


@QUIRE
@pytest.mark.parametrize("framework", list(catalog_tables()))
def test_requirements_csv_matches_json(
    quire_bin: Path, framework: str, requirements_docs: dict[str, dict[str, Any]]
) -> None:
    rows = run_csv(quire_bin, "requirements", framework)
    doc = requirements_docs[framework]
    assert [row["id"] for row in rows] == [r["id"] for r in doc["requirements"]]
    for row, requirement in zip(rows, doc["requirements"]):
        assert (row["kind"], row["title"]) == (requirement["kind"], requirement["title"]), requirement["id"]
        written = [
            c["id"] if c["relationship"] == "intersects" else f"{c['id']} ({c['relationship']})"
            for c in requirement["controls"]
        ]
        assert row["controls"] == ("" if requirement["heading"] else ", ".join(written)), requirement["id"]


@QUIRE
def test_requirements_agree_with_controls(
    requirements_docs: dict[str, dict[str, Any]], controls_doc: dict[str, Any]
) -> None:
    """A requirement's covering controls are exactly the mappings to it (not-related left out)."""
    covering: dict[str, Counter[tuple[str, str, str]]] = {}
    for control in controls_doc["controls"]:
        for mapping in control["mappings"]:
            if mapping["relationship"] != "not-related":
                covering.setdefault(mapping["requirement"], Counter())[
                    (control["id"], control["title"], mapping["relationship"])
                ] += 1
    listed = set()
    for framework, doc in requirements_docs.items():
        for requirement in doc["requirements"]:
            key = f"{framework}:{requirement['id']}"
            listed.add(key)
            actual = Counter((c["id"], c["title"], c["relationship"]) for c in requirement["controls"])
            assert actual == covering.get(key, Counter()), key
    assert not set(covering) - listed, f"mappings to unlisted requirements: {sorted(set(covering) - listed)[:10]}"


@QUIRE
def test_requirements_accepts_framework_aliases(
    quire_bin: Path, requirements_docs: dict[str, dict[str, Any]]
) -> None:
    for alias, framework in [("ISO 27001", "iso27001-2022"), ("soc2", "soc2-2017"), ("CSF 2.0", "nist-csf-2.0")]:
        assert run_json(quire_bin, "requirements", "requirements", alias) == requirements_docs[framework], alias


# --- controls --------------------------------------------------------------------------------------


@QUIRE
def test_controls_without_framework(controls_doc: dict[str, Any], framework_ids: list[str]) -> None:
    assert "framework" not in controls_doc
    ids = [c["id"] for c in controls_doc["controls"]]
    assert len(ids) >= 110 and len(ids) == len(set(ids)), "unique control ids, 110 or more"
    for control in controls_doc["controls"]:
        for mapping in control["mappings"]:
            assert mapping["requirement"].split(":", 1)[0] in framework_ids, (control["id"], mapping)


@QUIRE
@pytest.mark.parametrize("framework", list(catalog_tables()))
def test_controls_with_framework(quire_bin: Path, framework: str, controls_doc: dict[str, Any]) -> None:
    doc = run_json(quire_bin, "controls", "controls", "--framework", framework)
    assert doc["framework"] == framework
    expected = []
    for control in controls_doc["controls"]:
        mappings = [m for m in control["mappings"] if m["requirement"].startswith(framework + ":")]
        if mappings:
            expected.append({**control, "mappings": mappings})
    assert doc["controls"] == expected, f"controls --framework {framework} is not the filtered full listing"


# --- xref ------------------------------------------------------------------------------------------

XREF_CASES = [
    pytest.param("gdpr:Art.32", [], id="gdpr:Art.32"),
    pytest.param("nist-csf-2.0:PR.AA-01", [], id="nist-csf-2.0:PR.AA-01"),
    pytest.param("soc2-2017:CC6.1", ["iso27001-2022"], id="soc2-2017:CC6.1-to-iso"),
    pytest.param("iso27001-2022:A.8.5", ["soc2-2017", "nist-csf-2.0"], id="iso27001-2022:A.8.5-to-soc2-nist"),
    pytest.param("iso27001-2022:6.1.2", [], id="iso27001-2022:6.1.2"),
]


@QUIRE
@pytest.mark.parametrize(("requirement", "targets"), XREF_CASES)
def test_xref(
    quire_bin: Path,
    requirement: str,
    targets: list[str],
    framework_ids: list[str],
    controls_doc: dict[str, Any],
    titles: dict[str, str],
) -> None:
    args = [a for t in targets for a in ("--to", t)]
    doc = run_json(quire_bin, "xref", "xref", requirement, *args)
    assert doc["requirement"] == requirement
    own = requirement.split(":", 1)[0]
    assert doc["to"] == (targets or [f for f in framework_ids if f != own])
    assert doc["correspondences"], f"{requirement}: no correspondences at all"
    check_xref(doc, controls_doc["controls"], titles)


@QUIRE
def test_xref_resolves_loose_names(quire_bin: Path) -> None:
    doc = run_json(quire_bin, "xref", "xref", "GDPR:art 32", "--to", "NIST CSF 2.0", "--to", "soc2")
    assert doc["requirement"] == "gdpr:Art.32"
    assert doc["to"] == ["nist-csf-2.0", "soc2-2017"]
    # A 2013 Annex A id resolves to its 2022 control.
    doc = run_json(quire_bin, "xref", "xref", "iso27001:A.9.4.2", "--to", "soc2-2017")
    assert doc["requirement"] == "iso27001-2022:A.8.5"


@QUIRE
def test_xref_is_symmetric(quire_bin: Path, requirements_docs: dict[str, dict[str, Any]]) -> None:
    """For a deterministic sample of SOC 2 criteria (every 4th), each ISO requirement listed lists the
    criterion back, with subset and superset swapped and equal and intersects kept."""
    criteria = [r["id"] for r in requirements_docs["soc2-2017"]["requirements"] if not r["heading"]][::4]
    assert len(criteria) >= 15
    back_cache: dict[str, dict[str, str]] = {}
    checked = 0
    for criterion in criteria:
        source = f"soc2-2017:{criterion}"
        doc = run_json(quire_bin, "xref", "xref", source, "--to", "iso27001-2022")
        for entry in doc["correspondences"]:
            target = entry["requirement"]
            if target not in back_cache:
                back = run_json(quire_bin, "xref", "xref", target, "--to", "soc2-2017")
                back_cache[target] = {e["requirement"]: e["relationship"] for e in back["correspondences"]}
            assert source in back_cache[target], f"{source} lists {target}, which does not list it back"
            expected = SWAP.get(entry["relationship"], entry["relationship"])
            assert back_cache[target][source] == expected, (
                f"{source} is {entry['relationship']} of {target}, but {target} is "
                f"{back_cache[target][source]} of {source} (expected {expected})"
            )
            checked += 1
    assert checked > 0


XREF_LIBRARY = """\
name: xref composition test
mode: replace
controls:
  - id: C1
    title: Equal to CC6.1, subset of A.8.5
    mappings: ["soc2-2017:CC6.1 (equal)", "iso27001-2022:A.8.5 (subset)"]
  - id: C2
    title: Subset of CC6.1, superset of A.8.5
    mappings: ["soc2-2017:CC6.1 (subset)", "iso27001-2022:A.8.5 (superset)"]
  - id: C3
    title: Superset of CC6.1, subset of A.5.15
    mappings: ["soc2-2017:CC6.1 (superset)", "iso27001-2022:A.5.15 (subset)"]
  - id: C4
    title: Intersects CC6.1, equal to A.5.16
    mappings: ["soc2-2017:CC6.1", "iso27001-2022:A.5.16 (equal)"]
  - id: C5
    title: Equal to CC6.1 and Art.32, not related to A.5.17
    mappings: ["soc2-2017:CC6.1 (equal)", "iso27001-2022:A.5.17 (not-related)", "gdpr:Art.32 (equal)"]
  - id: C6
    title: Not related to CC6.1, equal to A.5.18
    mappings: ["soc2-2017:CC6.1 (not-related)", "iso27001-2022:A.5.18 (equal)"]
"""


@QUIRE
def test_xref_composition_on_a_small_library(quire_bin: Path, tmp_path: Path, titles: dict[str, str]) -> None:
    """The relationship rules on a library made to exercise each of them."""
    library = tmp_path / "xref.yaml"
    library.write_text(XREF_LIBRARY, encoding="utf-8")
    controls = run_json(quire_bin, "controls", "controls", "--library", library)["controls"]
    assert [c["id"] for c in controls] == ["C1", "C2", "C3", "C4", "C5", "C6"], "mode: replace drops the built-in controls"
    doc = run_json(quire_bin, "xref", "xref", "soc2-2017:CC6.1", "--library", library)
    check_xref(doc, controls, titles)
    found = {e["requirement"]: e["relationship"] for e in doc["correspondences"]}
    # C1 proves subset and C2 superset: together equal. Not-related (C5, C6) links nothing.
    assert found == {
        "iso27001-2022:A.8.5": "equal",
        "iso27001-2022:A.5.15": "subset",
        "iso27001-2022:A.5.16": "intersects",
        "gdpr:Art.32": "equal",
    }
    for target, relationship in found.items():
        back = run_json(quire_bin, "xref", "xref", target, "--to", "soc2-2017", "--library", library)
        check_xref(back, controls, titles)
        assert {e["requirement"]: e["relationship"] for e in back["correspondences"]} == {
            "soc2-2017:CC6.1": SWAP.get(relationship, relationship)
        }


USER_FRAMEWORK = """\
name: user framework test
frameworks:
  - id: acme-policy
    name: Acme security policy
    requirements:
      - {id: "1", title: Governance, kind: section, heading: true}
      - {id: "1.1", title: Policy ownership, kind: requirement, parent: "1"}
      - {id: "1.2", title: Policy review, kind: requirement, parent: "1"}
controls:
  - id: ACME-1
    title: Policy owner
    mappings: ["acme-policy:1.1 (equal)", "iso27001-2022:A.5.1 (subset)"]
"""


@QUIRE
def test_user_framework(quire_bin: Path, tmp_path: Path, framework_ids: list[str]) -> None:
    """A framework from a library file (no publisher, no version) in every command's output."""
    library = tmp_path / "acme.yaml"
    library.write_text(USER_FRAMEWORK, encoding="utf-8")
    frameworks = run_json(quire_bin, "frameworks", "frameworks", "--library", library)["frameworks"]
    assert [f["id"] for f in frameworks] == framework_ids + ["acme-policy"]
    acme = frameworks[-1]
    assert "publisher" not in acme and acme["version"] == ""
    assert (acme["requirements"], acme["headings"], acme["covered"], acme["kinds"]) == (2, 1, 1, {"requirement": 2})
    requirements = run_json(quire_bin, "requirements", "requirements", "acme-policy", "--library", library)
    assert [(r["id"], r["heading"], [c["id"] for c in r["controls"]]) for r in requirements["requirements"]] == [
        ("1", True, []), ("1.1", False, ["ACME-1"]), ("1.2", False, [])
    ]
    controls = run_json(quire_bin, "controls", "controls", "--framework", "acme-policy", "--library", library)
    assert [c["id"] for c in controls["controls"]] == ["ACME-1"]
    assert controls["controls"][0]["mappings"] == [
        {"requirement": "acme-policy:1.1", "relationship": "equal", "source": "user framework test"}
    ]
    xref = run_json(quire_bin, "xref", "xref", "iso27001-2022:A.5.1", "--to", "acme-policy", "--library", library)
    # A.5.1 is a superset of ACME-1, which equals 1.1: A.5.1 is a superset of 1.1.
    assert [(e["requirement"], e["relationship"]) for e in xref["correspondences"]] == [("acme-policy:1.1", "superset")]


# --- round trip ------------------------------------------------------------------------------------


def mapping_content(document: dict[str, Any]) -> list[dict[str, Any]]:
    """The controls with their mappings' `source` left out: a table has no library name to give."""
    return [
        {**c, "mappings": [{k: v for k, v in m.items() if k != "source"} for m in c["mappings"]]}
        for c in document["controls"]
    ]


@QUIRE
def test_controls_csv_round_trip(quire_bin: Path, tmp_path: Path, controls_doc: dict[str, Any]) -> None:
    out = tmp_path / "out.csv"
    result = run(quire_bin, "controls", "--format", "csv", "-o", out)
    assert result.returncode == 0 and result.stdout == b"", describe(result)
    report = run_json(quire_bin, "validate", "validate", out)
    assert report["valid"] and report["errors"] == 0, report["problems"][:10]
    assert report["warnings"] == 0, report["problems"][:10]
    assert report["read"]["controls"] == len(controls_doc["controls"])
    again = run_json(quire_bin, "controls", "controls", "--library", out)
    assert [c["id"] for c in again["controls"]] == [c["id"] for c in controls_doc["controls"]]
    assert mapping_content(again) == mapping_content(controls_doc), "the CSV does not read back as it was written"


# --- validate --------------------------------------------------------------------------------------


@QUIRE
def test_validate_samples(quire_bin: Path) -> None:
    files = sorted(p for p in SAMPLES.glob("*") if p.is_file() and p.suffix.lower() in LIBRARY_SUFFIXES) if SAMPLES.is_dir() else []
    if not files:
        pytest.skip(f"{SAMPLES.relative_to(REPO)}/ holds no library files yet")
    names = [p.relative_to(REPO).as_posix() for p in files]
    result = run(quire_bin, "validate", *names, "--format", "json", cwd=REPO)
    document = json.loads(result.stdout)
    assert_fits("validate", document, "quire validate samples/library/* --format json")
    assert document["files"] == names
    errors = [p for p in document["problems"] if p["severity"] == "error"]
    assert len(errors) == document["errors"]
    assert result.returncode == (0 if document["valid"] else EXIT_DATA)
    shown = "\n".join(f"  {p['file']}:{p.get('line', '')}: {p['message']}" for p in errors[:10])
    assert document["valid"], f"the samples have {document['errors']} error(s):\n{shown}"


WARNINGS_ONLY = """\
controls:
  - id: W-1
    title: Mapped to a heading
    mappings: ["soc2-2017:CC6"]
"""


@QUIRE
def test_validate_warnings_only(quire_bin: Path, tmp_path: Path) -> None:
    (tmp_path / "w.yaml").write_text(WARNINGS_ONLY, encoding="utf-8")
    document = run_json(quire_bin, "validate", "validate", "w.yaml", cwd=tmp_path, status=0)
    assert document["valid"] and document["errors"] == 0 and document["warnings"] >= 1
    assert all(p["severity"] == "warning" and p["file"] == "w.yaml" for p in document["problems"])


# Each problem of the broken library: (name, words the message holds, words the hint holds, the text
# on the line of the item, the text on the line of the detail, expected start of the JSON path).
# The reported line must lie between the item's line and the detail's line.
BROKEN_YAML = """\
name: Broken library
controls:
  - id: BAD-01
    title: Maps to an Annex A control that does not exist
    mappings:
      iso27001-2022: [A.5.99]
  - id: BAD-02
    title: First of two
  - id: BAD-02
    title: Second of two
  - id: BAD-03
    title: Says how it relates in a word that is not a relationship
    mappings:
      - "soc2-2017:CC6.1 (sometimes)"
implementation:
  - control: BAD-03
    status: not-applicable
evidence:
  - id: EV-MISSING
    title: Points at a control that is not there
    controls: [NOPE-99]
    collected_on: 2026-01-05
  - id: EV-BADDATE
    title: Collected on a day that does not exist
    controls: [BAD-01]
    collected_on: 2026-13-45
"""

EXPECTED_PROBLEMS = [
    ("unknown requirement", ["A.5.99"], ["A.5.37"], ("- id: BAD-01", 1), ("A.5.99", 1), "controls[0].mappings"),
    ("duplicate id", ["duplicate control id", "BAD-02"], [], ("- id: BAD-02", 2), ("- id: BAD-02", 2), "controls[2]"),
    ("relationship", ["sometimes"], ["not-related"], ("- id: BAD-03", 1), ("(sometimes)", 1), "controls[3].mappings[0]"),
    ("justification", ["BAD-03", "justification"], [], ("- control: BAD-03", 1), ("not-applicable", 1), "implementation[0]"),
    ("missing control", ["NOPE-99", "not in the library"], [], ("- id: EV-MISSING", 1), ("NOPE-99", 1), "evidence[0]"),
    ("bad date", ["2026-13-45", "not a date"], ["YYYY-MM-DD"], ("- id: EV-BADDATE", 1), ("2026-13-45", 1), "evidence[1]"),
]


def find_problem(document: dict[str, Any], words: list[str], name: str) -> dict[str, Any]:
    hits = [p for p in document["problems"] if all(w.lower() in p["message"].lower() for w in words)]
    shown = "\n".join(f"  {p.get('line')}: {p['message']}" for p in document["problems"])
    assert len(hits) == 1, f"{name}: {len(hits)} problems whose message has {words}; all problems:\n{shown}"
    return hits[0]


def check_broken_report(document: dict[str, Any], file: str, text: str, check_paths: bool) -> None:
    assert not document["valid"]
    assert document["files"] == [file]
    assert document["errors"] == len(EXPECTED_PROBLEMS), [p["message"] for p in document["problems"]]
    for name, words, hint_words, item, detail, path in EXPECTED_PROBLEMS:
        problem = find_problem(document, words, name)
        assert problem["severity"] == "error", name
        assert problem["file"] == file, name
        assert "line" in problem, f"{name}: no line number"
        first, last = line_of(text, *item), line_of(text, *detail)
        assert first <= problem["line"] <= last, f"{name}: line {problem['line']}, expected {first}..{last}"
        for word in hint_words:
            assert word in (problem.get("hint") or ""), f"{name}: hint {problem.get('hint')!r} lacks {word!r}"
        if check_paths:
            assert (problem.get("path") or "").startswith(path), f"{name}: path {problem.get('path')!r}, expected {path}…"


@QUIRE
def test_validate_reports_yaml_problems(quire_bin: Path, tmp_path: Path) -> None:
    (tmp_path / "f.yaml").write_text(BROKEN_YAML, encoding="utf-8")
    document = run_json(quire_bin, "validate", "validate", "f.yaml", cwd=tmp_path, status=EXIT_DATA)
    check_broken_report(document, "f.yaml", BROKEN_YAML, check_paths=True)
    # The table form: one line per problem, each starting file:line.
    result = run(quire_bin, "validate", "f.yaml", cwd=tmp_path)
    assert result.returncode == EXIT_DATA, describe(result)
    lines = result.stdout.decode("utf-8").splitlines()
    for problem in document["problems"]:
        assert any(line.startswith(f"f.yaml:{problem['line']}") and problem["message"] in line for line in lines), problem


BROKEN_JSON = {
    "name": "Broken library",
    "controls": [
        {"id": "BAD-01", "title": "Maps to an Annex A control that does not exist",
         "mappings": [{"requirement": "iso27001-2022:A.5.99", "relationship": "subset"}]},
        {"id": "BAD-02", "title": "First of two"},
        {"id": "BAD-02", "title": "Second of two"},
        {"id": "BAD-03", "title": "Says how it relates in a word that is not a relationship",
         "mappings": ["soc2-2017:CC6.1 (sometimes)"]},
    ],
    "implementation": [{"control": "BAD-03", "status": "not-applicable"}],
    "evidence": [
        {"id": "EV-MISSING", "title": "Points at a control that is not there", "controls": ["NOPE-99"],
         "collected_on": "2026-01-05"},
        {"id": "EV-BADDATE", "title": "Collected on a day that does not exist", "controls": ["BAD-01"],
         "collected_on": "2026-13-45"},
    ],
}


def broken_json_text() -> str:
    """BROKEN_JSON (the broken YAML library, with the full mapping form for A.5.99) written one item
    per line, so that an item's line is known exactly."""
    lines = ["{", f'  "name": {json.dumps(BROKEN_JSON["name"])},']
    sections = ["controls", "implementation", "evidence"]
    for number, section in enumerate(sections):
        lines.append(f'  "{section}": [')
        lines.append(",\n".join(f"    {json.dumps(item)}" for item in BROKEN_JSON[section]))
        lines.append("  ]" + ("," if number < len(sections) - 1 else ""))
    lines.append("}")
    return "\n".join(lines) + "\n"


@QUIRE
def test_validate_reports_json_problems(quire_bin: Path, tmp_path: Path) -> None:
    text = broken_json_text()
    assert json.loads(text) == BROKEN_JSON
    (tmp_path / "f.json").write_text(text, encoding="utf-8")
    document = run_json(quire_bin, "validate", "validate", "f.json", cwd=tmp_path, status=EXIT_DATA)
    # In JSON the item markers are the items' own lines.
    json_text = text.replace('"id": "', "- id: ").replace('"control": "', "- control: ")
    check_broken_report(document, "f.json", json_text, check_paths=True)
    assert any(p.get("path", "").startswith("controls[0].mappings") for p in document["problems"])


def csv_text(rows: list[list[str]]) -> str:
    buffer = io.StringIO(newline="")
    csv.writer(buffer, lineterminator="\r\n").writerows(rows)
    return buffer.getvalue()


def row_of(rows: list[list[str]], needle: str, occurrence: int = 1) -> int:
    """The 1-based row (the header is row 1) of the n-th row with a cell containing `needle`."""
    hits = [number for number, row in enumerate(rows, start=1) if any(needle in cell for cell in row)]
    return hits[occurrence - 1]


@QUIRE
def test_validate_reports_csv_problems(quire_bin: Path, tmp_path: Path) -> None:
    tables = {
        "controls.csv": [
            ["id", "title", "ISO 27001", "SOC 2"],
            ["BAD-01", "Maps to an Annex A control that does not exist", "A.5.99", ""],
            ["BAD-02", "First of two", "", ""],
            ["BAD-02", "Second of two", "", ""],
            ["BAD-03", "Odd relationship", "", "CC6.1 (sometimes)"],
        ],
        "implementation.csv": [
            ["control", "status", "justification"],
            ["BAD-01", "implemented", ""],
            ["BAD-03", "not-applicable", ""],
        ],
        "evidence.csv": [
            ["id", "title", "controls", "collected_on"],
            ["EV-MISSING", "Points at a control that is not there", "NOPE-99", "2026-01-05"],
            ["EV-BADDATE", "Collected on a day that does not exist", "BAD-01", "2026-13-45"],
        ],
    }
    for name, rows in tables.items():
        (tmp_path / name).write_text(csv_text(rows), encoding="utf-8")
    expected = [
        # file, message words, hint words, row
        ("controls.csv", ["A.5.99"], ["A.5.37"], row_of(tables["controls.csv"], "A.5.99")),
        ("controls.csv", ["duplicate control id", "BAD-02"], [], row_of(tables["controls.csv"], "BAD-02", 2)),
        ("controls.csv", ["sometimes"], ["not-related"], row_of(tables["controls.csv"], "(sometimes)")),
        ("implementation.csv", ["BAD-03", "justification"], [], row_of(tables["implementation.csv"], "BAD-03")),
        ("evidence.csv", ["NOPE-99", "not in the library"], [], row_of(tables["evidence.csv"], "NOPE-99")),
        ("evidence.csv", ["2026-13-45", "not a date"], ["YYYY-MM-DD"], row_of(tables["evidence.csv"], "2026-13-45")),
    ]
    document = run_json(quire_bin, "validate", "validate", *tables, cwd=tmp_path, status=EXIT_DATA)
    assert document["files"] == list(tables)
    assert document["errors"] == len(expected), [p["message"] for p in document["problems"]]
    for file, words, hint_words, row in expected:
        problem = find_problem(document, words, f"{file} {words}")
        assert problem["severity"] == "error"
        assert problem["file"] == file, (words, problem)
        assert problem.get("line") == row, f"{file} {words}: line {problem.get('line')}, expected row {row}"
        for word in hint_words:
            assert word in (problem.get("hint") or ""), (words, problem.get("hint"))
        cell = re.fullmatch(r"(?:.+!)?\$?[A-Z]{1,3}\$?([1-9][0-9]*)", problem.get("path") or "")
        if problem.get("path"):
            assert cell and int(cell.group(1)) == row, f"{file} {words}: cell {problem['path']} is not in row {row}"


# Reasons for inclusion: a closed set, each unknown word an error at its place naming the allowed ones.
REASONS = ["risk-treatment", "legal", "contractual", "business"]

BAD_REASONS_YAML = """\
implementation:
  - control: IAM-01
    status: implemented
    reasons: [risk-treatment, legl]
  - control: IAM-02
    status: implemented
    reasons: "contractual; because"
  - control: IAM-03
    status: partial
    reasons: "legal/regulatory; Best practice"
  - control: PHY-03
    status: not-applicable
    justification: No premises of our own.
    reasons: [legal]
"""


def check_reason_error(problem: dict[str, Any], word: str, suggestion: str | None) -> None:
    assert problem["severity"] == "error", problem
    assert f'"{word}"' in problem["message"] and all(r in problem["message"] for r in REASONS), problem
    if suggestion:
        assert f"did you mean {suggestion}?" in (problem.get("hint") or ""), problem
    else:
        assert "did you mean" not in (problem.get("hint") or ""), problem


@QUIRE
def test_validate_reports_unknown_reasons_in_yaml(quire_bin: Path, tmp_path: Path) -> None:
    (tmp_path / "r.yaml").write_text(BAD_REASONS_YAML, encoding="utf-8")
    document = run_json(quire_bin, "validate", "validate", "r.yaml", cwd=tmp_path, status=EXIT_DATA)
    assert document["errors"] == 2, [p["message"] for p in document["problems"]]
    legl = find_problem(document, ['"legl"'], "misspelt reason")
    check_reason_error(legl, "legl", "legal")
    assert (legl["line"], legl.get("path")) == (line_of(BAD_REASONS_YAML, "legl"), "implementation[0].reasons[1]")
    because = find_problem(document, ['"because"'], "unknown reason in a string")
    check_reason_error(because, "because", None)
    assert (because["line"], because.get("path")) == (line_of(BAD_REASONS_YAML, "because"), "implementation[1].reasons")
    # Reasons on a record that does not apply are a warning, not an error; other spellings read.
    warning = find_problem(document, ["PHY-03", "reasons for inclusion"], "reasons on not-applicable")
    assert warning["severity"] == "warning"
    assert line_of(BAD_REASONS_YAML, "- control: PHY-03") <= warning["line"] <= line_of(BAD_REASONS_YAML, "[legal]")
    assert not any("IAM-03" in p["message"] or "regulatory" in p["message"] for p in document["problems"])
    # Fixed, the file is valid (the warning stays).
    fixed = BAD_REASONS_YAML.replace("legl", "legal").replace("; because", "")
    (tmp_path / "r.yaml").write_text(fixed, encoding="utf-8")
    document = run_json(quire_bin, "validate", "validate", "r.yaml", cwd=tmp_path, status=0)
    assert (document["errors"], document["warnings"]) == (0, 1)


@QUIRE
def test_validate_reports_unknown_reasons_in_tables(quire_bin: Path, tmp_path: Path) -> None:
    rows = [
        ["Control", "Status", "Reason for inclusion"],
        ["IAM-01", "implemented", "risk-treatment; contractual"],
        ["IAM-02", "implemented", "riks-treatment"],
        ["IAM-03", "implemented", ""],
    ]
    (tmp_path / "status.csv").write_text(csv_text(rows), encoding="utf-8")
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "Status"
    for row in [["control", "status", "Inclusion reasons"], ["IAM-04", "planned", "legal"],
                ["IAM-05", "implemented", "contractuel, business"]]:
        sheet.append(row)
    workbook.save(tmp_path / "status.xlsx")
    document = run_json(quire_bin, "validate", "validate", "status.csv", "status.xlsx", cwd=tmp_path, status=EXIT_DATA)
    assert document["errors"] == 2, [p["message"] for p in document["problems"]]
    in_csv = find_problem(document, ['"riks-treatment"'], "csv")
    check_reason_error(in_csv, "riks-treatment", "risk-treatment")
    assert (in_csv["file"], in_csv["line"], in_csv.get("path")) == ("status.csv", 3, "C3")
    in_xlsx = find_problem(document, ['"contractuel"'], "xlsx")
    check_reason_error(in_xlsx, "contractuel", "contractual")
    assert (in_xlsx["file"], in_xlsx.get("path")) == ("status.xlsx", "Status!C3")


# --- -o and missing files --------------------------------------------------------------------------

OUTPUT_CASES = [
    pytest.param(["frameworks", "--format", "json"], 0, id="frameworks-json"),
    pytest.param(["frameworks"], 0, id="frameworks-table"),
    pytest.param(["requirements", "gdpr", "--format", "csv"], 0, id="requirements-csv"),
    pytest.param(["controls", "--framework", "soc2-2017"], 0, id="controls-table"),
    pytest.param(["controls", "--format", "csv"], 0, id="controls-csv"),
    pytest.param(["xref", "gdpr:Art.32", "--format", "json"], 0, id="xref-json"),
    pytest.param(["validate", "f.yaml", "--format", "json"], EXIT_DATA, id="validate-json"),
    pytest.param(["validate", "f.yaml", "--format", "csv"], EXIT_DATA, id="validate-csv"),
]


@QUIRE
@pytest.mark.parametrize(("args", "status"), OUTPUT_CASES)
def test_output_file_holds_stdout(quire_bin: Path, tmp_path: Path, args: list[str], status: int) -> None:
    (tmp_path / "f.yaml").write_text(BROKEN_YAML, encoding="utf-8")
    printed = run(quire_bin, *args, cwd=tmp_path)
    assert printed.returncode == status, describe(printed)
    assert printed.stdout, "nothing printed"
    written = run(quire_bin, *args, "-o", "out.txt", cwd=tmp_path)
    assert written.returncode == status, describe(written)
    assert written.stdout == b""
    assert (tmp_path / "out.txt").read_bytes() == printed.stdout


@QUIRE
@pytest.mark.parametrize("name", ["missing-library.yaml", "missing-library.json", "missing-library.csv"])
@pytest.mark.parametrize("command", [["frameworks"], ["controls", "--format", "json"], ["xref", "gdpr:Art.32"]])
def test_missing_library_file(quire_bin: Path, tmp_path: Path, name: str, command: list[str]) -> None:
    result = run(quire_bin, *command, "--library", name, cwd=tmp_path)
    assert result.returncode == EXIT_NO_INPUT, describe(result)
    assert result.stdout == b""
    assert result.stderr.decode("utf-8", "replace") == f"error: {name}: no such file; check the path\n"


@QUIRE
def test_validate_missing_file(quire_bin: Path, tmp_path: Path) -> None:
    document = run_json(quire_bin, "validate", "validate", "missing.yaml", cwd=tmp_path, status=EXIT_NO_INPUT)
    assert not document["valid"] and document["errors"] == 1
    assert document["problems"][0]["file"] == "missing.yaml"


@QUIRE
def test_xref_refuses_an_alias_that_stands_for_two_requirements(quire_bin: Path, tmp_path: Path) -> None:
    # ISO/IEC 27001:2013 A.18.2.3 became two 2022 controls; quire asks which one is meant.
    result = run(quire_bin, "xref", "iso27001-2022:A.18.2.3", "--to", "soc2", cwd=tmp_path)
    assert result.returncode == 64, describe(result)
    message = result.stderr.decode("utf-8", "replace")
    assert "iso27001-2022:A.5.36" in message and "iso27001-2022:A.8.8" in message, message
    single = run(quire_bin, "xref", "iso27001-2022:A.12.6.1", "--to", "soc2", "--format", "json", cwd=tmp_path)
    assert single.returncode == 0, describe(single)
    assert json.loads(single.stdout)["requirement"] == "iso27001-2022:A.8.8"
