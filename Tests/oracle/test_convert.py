"""`quire convert`: control libraries from one tool's format to another's, and the migration report.

The oracles are not quire's own readers:
- jsonschema: every report fits Schemas/migration-report.schema.json;
- the published OSCAL 1.2.2 JSON schema (NIST's complete schema as vendored by go-oscal, copied to
  Tests/Fixtures/exchange/oscal/schema/; `pattern` run with the `regex` package, see oscal_schema.py)
  and compliance-trestle's pydantic OSCAL models (trestle 5.2 targets OSCAL 1.2.1) for every OSCAL
  document quire writes;
- the Python in this file reading OSCAL catalogs, CISO Assistant libraries (PyYAML) and Drata CSVs
  (csv module) for the round trips;
- A→B→A': both ends read as Quire JSON and compared per category; every category that changed must
  be named by a note of the A→B report, and the B→A' report must not claim losses the data does not
  show.

Samples: samples/exchange (invented, written by samples/make_exchange_samples.py) and
samples/library. Third-party files: Tests/Fixtures/exchange (see its SOURCES.md); the AGPL CISO
Assistant libraries are read in place from $QUIRE_CORPUS/exchange/ciso-assistant (`-m corpus`).
"""
from __future__ import annotations

import csv
import errno
import hashlib
import io
import json
import os
import re
import subprocess
import sys
import time
import warnings
from pathlib import Path

import jsonschema
import pytest
import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))
import oscal_schema  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "samples" / "exchange"
LIBRARY = ROOT / "samples" / "library"
FIXTURES = ROOT / "Tests" / "Fixtures" / "exchange"
REPORT_SCHEMA = json.loads((ROOT / "Schemas" / "migration-report.schema.json").read_text(encoding="utf-8"))
CORPUS = os.environ.get("QUIRE_CORPUS")
pytestmark = pytest.mark.quire

USAGE, DATA, NO_INPUT = 64, 65, 66
LOSS_KINDS = {"dropped", "unresolved", "partial"}


# ---------------------------------------------------------------------------------------------
# Running quire


def quire(*arguments: str, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    """Runs $QUIRE_BIN. While the binary is being rebuilt ("Text file busy", or briefly missing),
    waits and tries again for up to two minutes."""
    binary = str(Path(os.environ["QUIRE_BIN"]).resolve())
    deadline = time.monotonic() + 120
    while True:
        try:
            return subprocess.run([binary, *arguments], cwd=cwd, capture_output=True, timeout=300)
        except OSError as error:
            if error.errno not in (errno.ETXTBSY, errno.ENOENT) or time.monotonic() > deadline:
                raise
            time.sleep(5)


def report_paths(output: Path) -> tuple[Path, Path]:
    stem = output.with_suffix("")
    return stem.with_name(stem.name + ".migration.md"), stem.with_name(stem.name + ".migration.json")


def load_report(output: Path) -> dict:
    markdown, data = report_paths(output)
    assert markdown.is_file(), f"no {markdown.name} beside {output.name}"
    assert data.is_file(), f"no {data.name} beside {output.name}"
    report = json.loads(data.read_text(encoding="utf-8"))
    errors = sorted(jsonschema.Draft202012Validator(REPORT_SCHEMA).iter_errors(report), key=lambda e: list(e.path))
    assert not errors, "\n".join(f"{list(e.path)}: {e.message}" for e in errors[:10])
    return report


def convert(inputs, to: str, output: Path, *extra: str, expect: int = 0) -> tuple[subprocess.CompletedProcess, dict | None]:
    """`quire convert INPUTS --to TO -o OUTPUT EXTRA`; checks the exit status and, on success, that
    the output and a report that fits its schema were written. Returns the run and the report."""
    arguments = ["convert", *map(str, inputs), "--to", to, "-o", str(output), *extra]
    run = quire(*arguments)
    command = "quire " + " ".join(arguments)
    assert run.returncode == expect, (
        f"{command}\nexpected exit {expect}, got {run.returncode}\nstderr: {run.stderr.decode()[-2000:]}")
    if expect != 0:
        return run, None
    assert output.is_file(), f"{command}: exit 0 but {output} not written"
    return run, load_report(output)


def read_as_quire(inputs, tmp: Path, name: str, *extra: str) -> tuple[dict, dict]:
    """The inputs converted to Quire JSON: the library and the report."""
    output = tmp / f"{name}.json"
    _, report = convert(inputs, "quire", output, *extra)
    library = json.loads(output.read_text(encoding="utf-8"))
    assert library.get("format") == "quire-library/1", library.get("format")
    return library, report


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def note_names(note: dict, words) -> bool:
    """Whether a note names a category: one of the words in its field or subject."""
    text = f"{note.get('field') or ''} {note.get('subject') or ''}".lower().replace("_", " ").replace("-", " ")
    return any(word in text for word in words)


class KeepStrings(yaml.SafeLoader):
    """PyYAML without the timestamp resolver: dates stay the strings JSON would hold."""


KeepStrings.yaml_implicit_resolvers = {
    key: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for key, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def load_document(path: Path) -> dict:
    text = path.read_text(encoding="utf-8")
    return yaml.load(text, Loader=KeepStrings) if path.suffix in (".yaml", ".yml") else json.loads(text)


# ---------------------------------------------------------------------------------------------
# The inputs: every sample and fixture, how it is read, or why it is refused

S, F = SAMPLES, FIXTURES
# (test id, inputs): each is read with `--to quire`, exit 0.
READABLE = [
    ("sample-catalog-json", [S / "acme-baseline-catalog.json"]),
    ("sample-catalog-yaml", [S / "acme-baseline-catalog.yaml"]),
    ("sample-profile-with-catalog", [S / "acme-baseline-catalog.json", S / "acme-baseline-profile.json"]),
    ("sample-component-definition", [S / "acme-component-definition.json"]),
    ("sample-component-definition-with-catalog", [S / "acme-baseline-catalog.json", S / "acme-component-definition.json"]),
    ("sample-mapping-collection", [S / "acme-to-iso27001-mapping-collection.json"]),
    ("sample-mapping-collection-with-catalog", [S / "acme-baseline-catalog.json", S / "acme-to-iso27001-mapping-collection.json"]),
    ("sample-ciso-assistant", [S / "acme-ciso-assistant.yaml"]),
    ("sample-opencontrol-component", [S / "acme-opencontrol" / "component.yaml"]),
    ("sample-opencontrol-project", [S / "acme-opencontrol" / "opencontrol.yaml"]),
    ("sample-vanta", [S / "acme-vanta-controls.json"]),
    ("sample-drata", [S / "acme-drata-controls.csv"]),
    ("sample-sprinto", [S / "acme-controls-sprinto.csv"]),
    ("sample-xlsx", [S / "acme-controls.xlsx"]),
    ("nist-basic-catalog-json", [F / "oscal" / "nist-basic-catalog.json"]),
    ("nist-basic-catalog-yaml", [F / "oscal" / "nist-basic-catalog.yaml"]),
    ("nist-component-definition-json", [F / "oscal" / "nist-example-component-definition.json"]),
    ("nist-component-definition-yaml", [F / "oscal" / "nist-example-component-definition.yaml"]),
    ("nist-low-resolved-catalog", [F / "oscal" / "NIST_SP-800-53_rev5_LOW-baseline-resolved-profile_catalog-min.json"]),
    ("nist-low-profile-with-catalog", [F / "oscal" / "NIST_SP-800-53_rev5_LOW-baseline-resolved-profile_catalog-min.json",
                                       F / "oscal" / "NIST_SP-800-53_rev5_LOW-baseline_profile.json"]),
    ("fedramp-li-saas-profile-with-catalog", [F / "oscal" / "NIST_SP-800-53_rev5_LOW-baseline-resolved-profile_catalog-min.json",
                                              F / "oscal" / "FedRAMP_rev5_LI-SaaS-baseline_profile.json"]),
    ("bsi-mapping-collection", [F / "oscal-mapping" / "bsi-ISO27001-AnnexA-to-GS++-mapping_collection.json"]),
    ("trestle-mapping-collection-pci", [F / "trestle" / "mapping-collection.pci.json"]),
    ("trestle-comprehensive-mapping", [F / "trestle" / "comprehensive_mapping.json"]),
    ("trestle-component-definition-bp", [F / "trestle" / "component-definition.bp.json"]),
    ("trestle-component-definition-ocp4", [F / "trestle" / "component-definition.ocp4-sample.json"]),
    ("trestle-comp-def-a", [F / "trestle" / "comp_def_a.json"]),
    ("trestle-mc-csv-pci", [F / "trestle" / "crosswalks_mappings.pci.csv"]),
    ("trestle-mc-csv-soc2", [F / "trestle" / "crosswalks_mappings.soc2.csv"]),
    ("trestle-cd-csv-bp", [F / "trestle" / "bp.sample.v2.csv"]),
    ("trestle-cd-csv-ocp4", [F / "trestle" / "ocp4-sample-input.csv"]),
    ("freedonia-project", [F / "opencontrol" / "freedonia" / "opencontrol.yaml"]),
    ("freedonia-au-policy", [F / "opencontrol" / "freedonia" / "components" / "AU_policy" / "component.yaml"]),
    ("freedonia-aws-core", [F / "opencontrol" / "freedonia" / "components" / "AWS_core" / "component.yaml"]),
    ("freedonia-aws-implementation", [F / "opencontrol" / "freedonia" / "components" / "AWS_implementation" / "component.yaml"]),
    ("cloud-gov-jumpbox", [F / "opencontrol" / "cloud.gov" / "JumpBox" / "component.yaml"]),
    ("masonry-ec2-component", [F / "opencontrol" / "masonry-fixture-v3_1_0-EC2-component.yaml"]),
]
# Files refused on purpose (exit 65, the file named, nothing written): (test id, inputs, the file
# the message must name).
REFUSED = [
    ("json-of-no-format", [F / "oscal" / "schema" / "go-oscal-oscal_complete_schema-1-2-2.json"],
     F / "oscal" / "schema" / "go-oscal-oscal_complete_schema-1-2-2.json"),
    ("oscal-xml", [F / "oscal" / "nist-basic-catalog.xml"], F / "oscal" / "nist-basic-catalog.xml"),
    ("sample-profile-without-catalog", [S / "acme-baseline-profile.json"], S / "acme-baseline-profile.json"),
    ("nist-low-profile-without-catalog", [F / "oscal" / "NIST_SP-800-53_rev5_LOW-baseline_profile.json"],
     F / "oscal" / "NIST_SP-800-53_rev5_LOW-baseline_profile.json"),
    ("fedramp-profile-without-catalog", [F / "oscal" / "FedRAMP_rev5_LI-SaaS-baseline_profile.json"],
     F / "oscal" / "FedRAMP_rev5_LI-SaaS-baseline_profile.json"),
    # Only JumpBox of cloud.gov's 22 components was copied: the project names 21 files that are not
    # there, and quire refuses it rather than read a part of it.
    ("cloud-gov-project-with-missing-components", [F / "opencontrol" / "cloud.gov" / "opencontrol.yaml"],
     F / "opencontrol" / "cloud.gov" / "opencontrol.yaml"),
]
# Files that are parts of another input (an OpenControl project's standards and certifications).
PARTS = [
    F / "opencontrol" / "freedonia" / "standards" / "FRIST-800-53.yaml",
    F / "opencontrol" / "freedonia" / "certifications" / "FredRAMP-low.yaml",
    S / "acme-opencontrol" / "standards" / "acme.yaml",
]


def test_every_sample_and_fixture_is_covered():
    """No file in samples/exchange or Tests/Fixtures/exchange escapes the tests above."""
    covered = {path for _, inputs in READABLE for path in inputs} | {path for _, inputs, _ in REFUSED for path in inputs}
    covered |= set(PARTS)
    on_disk = {p for folder in (SAMPLES, FIXTURES) for p in folder.rglob("*")
               if p.is_file() and p.name not in ("README.md", "SOURCES.md")}
    assert sorted(map(str, on_disk - covered)) == []
    assert sorted(map(str, covered - on_disk)) == []


@pytest.mark.parametrize("inputs", [inputs for _, inputs in READABLE], ids=[name for name, _ in READABLE])
def test_read_to_quire(tmp_path, inputs):
    """a. Each sample and fixture is read: exit 0, Quire JSON, a report that fits its schema, naming
    the inputs and the output, and a read count for what the library holds."""
    library, report = read_as_quire(inputs, tmp_path, "out")
    assert [Path(entry["file"]).resolve() for entry in report["inputs"]] == [Path(p).resolve() for p in inputs]
    assert Path(report["output"]["file"]).resolve() == (tmp_path / "out.json").resolve()
    assert report["output"]["format"] == "quire"
    assert len(report["detection"]) == len(inputs)
    assert report["lossless"] == (not any(n["kind"] in LOSS_KINDS for n in report["notes"]))
    for kind in ("dropped", "merged", "transformed", "unresolved", "partial"):
        assert report["summary"][kind] == sum(n["kind"] == kind for n in report["notes"]), kind
    held = {key: len(library.get(key, [])) for key in ("frameworks", "controls", "implementation", "evidence", "answers", "mapping_sets")}
    assert any(held.values()), f"nothing read from {inputs}: {held}"
    assert report["read"]["frameworks"] == held["frameworks"]
    assert report["read"]["controls"] == held["controls"]
    assert report["read"]["mapping_sets"] == held["mapping_sets"]
    assert report["read"]["implementation_records"] == held["implementation"]


# ---------------------------------------------------------------------------------------------
# b. OSCAL written by quire against the OSCAL 1.2.2 schema and trestle's models

import trestle.oscal  # noqa: E402
from trestle.oscal.catalog import Catalog  # noqa: E402
from trestle.oscal.component import ComponentDefinition  # noqa: E402
from trestle.oscal.mapping import MappingCollection  # noqa: E402
from trestle.oscal.profile import Profile  # noqa: E402

TRESTLE_MODELS = {"catalog": Catalog, "profile": Profile, "component-definition": ComponentDefinition,
                  "mapping-collection": MappingCollection}
# trestle 5.2.0's models are generated from OSCAL 1.2.1 (trestle.oscal.OSCAL_VERSION). Its
# oscal-version check (OSCAL_VERSION_REGEX ^1\.2\.[0-1]$) is switched off (strict_version = False),
# and 1.2.2 changed nothing these four models use, so a valid 1.2.2 document is expected to load.
TRESTLE_OSCAL_VERSION = "1.2.1"


def trestle_load(document: dict) -> None:
    model = oscal_schema.root_model(document)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        TRESTLE_MODELS[model].model_validate(document[model])


def test_trestle_targets_oscal_1_2_1_and_loads_1_2_2():
    assert trestle.oscal.OSCAL_VERSION == TRESTLE_OSCAL_VERSION
    for name in ("acme-baseline-catalog.json", "acme-baseline-profile.json", "acme-component-definition.json",
                 "acme-to-iso27001-mapping-collection.json"):
        document = json.loads((SAMPLES / name).read_text(encoding="utf-8"))
        assert document[oscal_schema.root_model(document)]["metadata"]["oscal-version"] == "1.2.2"
        trestle_load(document)


def test_the_oscal_schema_oracle_can_fail():
    """The validator runs the schema's \\p{…} patterns (through `regex`) and finds the known faults
    of third-party files (Tests/Fixtures/exchange/SOURCES.md)."""
    catalog = json.loads((SAMPLES / "acme-baseline-catalog.json").read_text(encoding="utf-8"))
    assert oscal_schema.errors(catalog) == []
    catalog["catalog"]["groups"][0]["controls"][0]["id"] = "1-not-a-token"
    assert any("does not match" in e for e in oscal_schema.errors(catalog))
    catalog["catalog"]["groups"][0]["controls"][0]["id"] = "gouvernance-é"  # \p{L} accepts letters beyond ASCII
    assert oscal_schema.errors(catalog) == []
    bsi = json.loads((FIXTURES / "oscal-mapping" / "bsi-ISO27001-AnnexA-to-GS++-mapping_collection.json").read_text(encoding="utf-8"))
    assert any("qa-reviewed" in e for e in oscal_schema.errors(bsi))
    pci = json.loads((FIXTURES / "trestle" / "mapping-collection.pci.json").read_text(encoding="utf-8"))
    assert any("manual" in e for e in oscal_schema.errors(pci))


@pytest.mark.parametrize("path", sorted(p for p in SAMPLES.glob("acme-*") if p.suffix in (".json", ".yaml")
                                        and oscal_schema.root_model(load_document(p))), ids=lambda p: p.name)
def test_oscal_samples_fit_the_schema_and_trestle(path):
    document = load_document(path)
    assert oscal_schema.errors(document) == []
    assert document[oscal_schema.root_model(document)]["metadata"]["oscal-version"] == "1.2.2"
    trestle_load(document)


def test_yaml_catalog_sample_equals_the_json_one():
    assert load_document(SAMPLES / "acme-baseline-catalog.yaml") == load_document(SAMPLES / "acme-baseline-catalog.json")


def test_samples_are_what_their_generator_writes():
    run = subprocess.run([sys.executable, str(ROOT / "samples" / "make_exchange_samples.py"), "--check"],
                         capture_output=True, text=True)
    assert run.returncode == 0, run.stderr


CAT = SAMPLES / "acme-baseline-catalog.json"
# (test id, inputs, --to, output name, extra arguments)
OSCAL_OUTPUTS = [
    ("library-catalog-iso", [LIBRARY], "oscal-catalog", "iso.json", ["--framework", "iso27001-2022"]),
    ("library-catalog-gdpr", [LIBRARY], "oscal-catalog", "gdpr.json", ["--framework", "gdpr"]),
    ("library-catalog-csf-yaml", [LIBRARY], "oscal-catalog", "csf.yaml", ["--framework", "nist-csf-2.0"]),
    ("library-profile-soc2", [LIBRARY], "oscal-profile", "soc2-profile.json", ["--framework", "soc2-2017"]),
    ("library-component-definition", [LIBRARY], "oscal-component-definition", "cd.json", []),
    ("library-component-definition-yaml", [LIBRARY], "oscal-component-definition", "cd.yaml", []),
    ("library-mapping-collection", [LIBRARY], "oscal-mapping-collection", "mc.json", []),
    ("sample-catalog", [CAT], "oscal-catalog", "catalog.json", []),
    ("sample-catalog-from-yaml", [SAMPLES / "acme-baseline-catalog.yaml"], "oscal-catalog", "catalog.json", []),
    ("sample-profile", [CAT, SAMPLES / "acme-baseline-profile.json"], "oscal-profile", "profile.json",
     ["--catalog-href", "acme-baseline-catalog.json"]),
    ("sample-profile-resolved-as-catalog", [CAT, SAMPLES / "acme-baseline-profile.json"], "oscal-catalog", "resolved.json", []),
    ("sample-component-definition", [CAT, SAMPLES / "acme-component-definition.json"], "oscal-component-definition", "cd.json", []),
    ("sample-mapping-collection", [CAT, SAMPLES / "acme-to-iso27001-mapping-collection.json"], "oscal-mapping-collection", "mc.json", []),
    ("sample-ciso-to-mapping-collection", [SAMPLES / "acme-ciso-assistant.yaml"], "oscal-mapping-collection", "mc.json", []),
    ("sample-ciso-to-catalog", [SAMPLES / "acme-ciso-assistant.yaml"], "oscal-catalog", "catalog.json", ["--framework", "acme-baseline"]),
    ("sample-xlsx-to-component-definition", [SAMPLES / "acme-controls.xlsx"], "oscal-component-definition", "cd.json", []),
    ("sample-drata-to-mapping-collection", [SAMPLES / "acme-drata-controls.csv"], "oscal-mapping-collection", "mc.json", []),
    ("sample-opencontrol-to-component-definition", [SAMPLES / "acme-opencontrol" / "opencontrol.yaml"], "oscal-component-definition", "cd.json", []),
    ("nist-component-definition", [FIXTURES / "oscal" / "nist-example-component-definition.json"], "oscal-component-definition", "cd.json", []),
    ("bsi-mapping-collection", [FIXTURES / "oscal-mapping" / "bsi-ISO27001-AnnexA-to-GS++-mapping_collection.json"],
     "oscal-mapping-collection", "mc.json", []),
]
OSCAL_MODEL = {"oscal-catalog": "catalog", "oscal-profile": "profile", "oscal-component-definition": "component-definition",
               "oscal-mapping-collection": "mapping-collection"}


@pytest.mark.parametrize("inputs,to,name,extra", [case[1:] for case in OSCAL_OUTPUTS], ids=[case[0] for case in OSCAL_OUTPUTS])
def test_oscal_output_fits_the_schema_and_trestle(tmp_path, inputs, to, name, extra):
    """b. What quire writes as OSCAL is valid OSCAL 1.2.2 (published JSON schema) and loads with
    trestle's models. YAML output is read with PyYAML (timestamps kept as text) and validated the same."""
    output = tmp_path / name
    convert(inputs, to, output, *extra)
    document = load_document(output)
    assert oscal_schema.root_model(document) == OSCAL_MODEL[to]
    problems = oscal_schema.errors(document)
    assert problems == [], f"{output.name} does not fit the OSCAL 1.2.2 schema:\n" + "\n".join(problems)
    trestle_load(document)
    version = document[OSCAL_MODEL[to]]["metadata"]["oscal-version"]
    assert re.fullmatch(r"1\.2\.\d+", version), version
    uuids = re.findall(r'"uuid": "([^"]+)"', json.dumps(document))
    assert len(uuids) == len(set(uuids)), "a UUID is used twice"
    if to == "oscal-mapping-collection":
        relationships = {m["relationship"] for mapping in listify(document["mapping-collection"]["mappings"])
                         for m in mapping["maps"]}
        # The schema types relationship as a token only; the 1.2.2 metaschema lists the words.
        assert relationships <= {"equivalent-to", "equal-to", "subset-of", "superset-of", "intersects-with", "no-relationship"}, relationships


def listify(value):
    return value if isinstance(value, list) else [value]


def catalog_tree(document: dict) -> dict[str, tuple]:
    """Every group and control of an OSCAL catalog: id → (parent id, title, first label, all labels)."""
    tree: dict[str, tuple] = {}

    def labels(node):
        return [p["value"] for p in node.get("props", []) if p["name"] == "label"]

    def walk(node, parent):
        for key in ("groups", "controls"):
            for child in node.get(key, []):
                assert child["id"] not in tree, f"id {child['id']} twice"
                found = labels(child)
                tree[child["id"]] = (parent, child["title"], found[0] if found else None, found)
                walk(child, child["id"])

    walk(document["catalog"], None)
    return tree


def catalog_csv(name: str) -> dict[str, str]:
    with open(ROOT / "Catalogs" / name, encoding="utf-8", newline="") as handle:
        return {row["id"]: row["title"] for row in csv.DictReader(handle)}


TOKEN = __import__("regex").compile(r"^(\p{L}|_)(\p{L}|\p{N}|[.\-_])*$")


@pytest.mark.parametrize("framework,catalog", [("iso27001-2022", "iso27001-2022.csv"), ("soc2-2017", "soc2-tsc-2017.csv"),
                                               ("gdpr", "gdpr.csv"), ("nist-csf-2.0", "nist-csf-2.0.csv")])
def test_built_in_framework_as_catalog_keeps_ids_and_titles(tmp_path, framework, catalog):
    """A built-in framework written as an OSCAL catalog holds every requirement of Catalogs/ with its
    title, its id as the label, and as the OSCAL id the id itself wherever that is an OSCAL token
    (so that a component definition or mapping elsewhere naming `A.5.15` finds A.5.15)."""
    output = tmp_path / "catalog.json"
    convert([LIBRARY], "oscal-catalog", output, "--framework", framework)
    tree = catalog_tree(json.loads(output.read_text(encoding="utf-8")))
    expected = catalog_csv(catalog)
    # Ids are compared as Quire matches them: without regard to case and spacing (`Art. 5` is `Art.5`).
    controls = {norm(label): (oscal_id, title, label) for oscal_id, (_, title, label, _all) in tree.items() if label}
    missing = sorted(k for k in expected if norm(k) not in controls)
    assert missing == [], f"{len(missing)} requirements of Catalogs/{catalog} not in the catalog: {missing[:10]}"
    wrong_titles = {k: (controls[norm(k)][1], v) for k, v in expected.items() if controls[norm(k)][1] != v}
    assert wrong_titles == {}
    renamed = {label: oscal_id for oscal_id, _, label in controls.values() if TOKEN.match(label) and oscal_id != label}
    assert renamed == {}, f"{len(renamed)} requirements whose id is an OSCAL token written under another id, e.g. " + \
        ", ".join(f"{k} as {v}" for k, v in list(renamed.items())[:8])


def test_component_definition_control_ids_are_in_the_catalog(tmp_path):
    """Every implemented-requirement of the component definition written from samples/library names
    a control of the catalog quire writes for the same framework, and that control's label is the
    requirement the library maps the control to."""
    library, _ = read_as_quire([LIBRARY], tmp_path, "library")
    cd_path = tmp_path / "cd.json"
    convert([LIBRARY], "oscal-component-definition", cd_path)
    cd = json.loads(cd_path.read_text(encoding="utf-8"))["component-definition"]
    catalogs = {}
    problems = []
    for component in cd["components"]:
        for implementation in component["control-implementations"]:
            framework = next((p["value"] for p in implementation.get("props", []) if p["name"] == "quire-framework"), None)
            assert framework, implementation["source"]
            if framework not in catalogs:
                path = tmp_path / f"{framework}.json"
                convert([LIBRARY], "oscal-catalog", path, "--framework", framework)
                catalogs[framework] = catalog_tree(json.loads(path.read_text(encoding="utf-8")))
            for requirement in implementation["implemented-requirements"]:
                entry = catalogs[framework].get(requirement["control-id"])
                if entry is None:
                    problems.append(f"{framework}: control-id {requirement['control-id']} is not in the catalog")
    mapped = {f"{m['requirement']}" for c in library["controls"] for m in c["mappings"]}
    assert mapped, "the library has no mappings"
    assert problems == [], "\n".join(problems[:20])


# ---------------------------------------------------------------------------------------------
# c. Round trips


CATALOG_ROUND_TRIPS = [
    ("sample", SAMPLES / "acme-baseline-catalog.json"),
    ("sample-yaml", SAMPLES / "acme-baseline-catalog.yaml"),
    ("nist-basic", FIXTURES / "oscal" / "nist-basic-catalog.json"),
    ("nist-low-resolved", FIXTURES / "oscal" / "NIST_SP-800-53_rev5_LOW-baseline-resolved-profile_catalog-min.json"),
]


@pytest.mark.parametrize("source", [p for _, p in CATALOG_ROUND_TRIPS], ids=[n for n, _ in CATALOG_ROUND_TRIPS])
def test_oscal_catalog_round_trip_keeps_the_tree(tmp_path, source):
    """c. OSCAL catalog → quire → OSCAL catalog: the same groups and controls (ids), titles and
    parents, ordering aside."""
    convert([source], "quire", tmp_path / "lib.json")
    convert([tmp_path / "lib.json"], "oscal-catalog", tmp_path / "back.json")
    before = catalog_tree(load_document(source))
    after = catalog_tree(json.loads((tmp_path / "back.json").read_text(encoding="utf-8")))
    assert sorted(set(before) - set(after)) == [], "ids lost"
    assert sorted(set(after) - set(before)) == [], "ids added"
    titles = {k: (before[k][1], after[k][1]) for k in before if before[k][1] != after[k][1]}
    assert titles == {}
    parents = {k: (before[k][0], after[k][0]) for k in before if before[k][0] != after[k][0]}
    assert parents == {}
    # A control may have several labels (NIST: `AC-1`, and `AC-01` with a class); the one kept is one of them.
    labels = {k: (before[k][3], after[k][2]) for k in before if before[k][3] and after[k][2] not in before[k][3]}
    assert labels == {}


def urn_tail(urn: str) -> str:
    """`urn:intuitem:risk:req_node:iso27001-2022:a.5.1` → `iso27001-2022:a.5.1` (the packager and
    kind left out; lower case)."""
    parts = urn.lower().split(":")
    return ":".join(parts[4:]) if len(parts) > 4 else urn.lower()


def ciso_nodes(document: dict) -> dict[str, tuple[str | None, str | None]]:
    """Every requirement node of a CISO Assistant library's framework(s): key (ref_id, or the URN's
    tail) → (name, parent's key)."""
    objects = document.get("objects", {})
    frameworks = listify(objects.get("framework", [])) + list(objects.get("frameworks", []))
    nodes = [node for framework in frameworks for node in framework.get("requirement_nodes", [])]
    key_of = {node["urn"].lower(): (node.get("ref_id") or urn_tail(node["urn"])) for node in nodes}
    result = {}
    for node in nodes:
        key = key_of[node["urn"].lower()]
        assert key not in result, f"{key} twice"
        parent = node.get("parent_urn")
        name = node.get("name")
        # Surrounding spaces are not kept on purpose (a source's " Authentication" comes back trimmed).
        result[key] = (name.strip() if isinstance(name, str) else name, key_of.get(parent.lower(), parent) if parent else None)
    return result


def ciso_mappings(document: dict) -> set[tuple[str, str, str]]:
    objects = document.get("objects", {})
    sets = listify(objects.get("requirement_mapping_set", [])) + list(objects.get("requirement_mapping_sets", []))
    return {(urn_tail(m["source_requirement_urn"]), urn_tail(m["target_requirement_urn"]), m.get("relationship") or "not_related")
            for s in sets for m in s.get("requirement_mappings", [])}


def ciso_round_trip(tmp_path: Path, source: Path, *extra: str):
    _, report = convert([source], "quire", tmp_path / "lib.json")
    convert([tmp_path / "lib.json"], "ciso-assistant", tmp_path / "back.yaml", *extra)
    before = yaml.safe_load(source.read_text(encoding="utf-8"))
    after = yaml.safe_load((tmp_path / "back.yaml").read_text(encoding="utf-8"))
    assert isinstance(after, dict) and "objects" in after, f"not a CISO Assistant library: {str(after)[:200]}"
    nodes_before, nodes_after = ciso_nodes(before), ciso_nodes(after)
    assert sorted(set(nodes_before) - set(nodes_after)) == [], "requirement nodes lost"
    changed = {k: (v, nodes_after[k]) for k, v in nodes_before.items() if nodes_after[k] != v}
    # A change the reading reported (a node without a name takes its description) is no silent loss.
    reported = {k for k in changed
                if any(note["subject"].endswith(":" + k) and note["field"] in ("name", "parent_urn") for note in report["notes"])}
    unreported = {k: v for k, v in changed.items() if k not in reported}
    assert unreported == {}, f"{len(unreported)} nodes changed name or parent unreported (before, after): {list(unreported.items())[:5]}"
    maps_before, maps_after = ciso_mappings(before), ciso_mappings(after)
    assert sorted(maps_before - maps_after)[:20] == [], f"{len(maps_before - maps_after)} of {len(maps_before)} mappings lost or changed"
    return before, after


def test_ciso_assistant_sample_round_trip(tmp_path):
    """c. The invented CISO Assistant library → quire → CISO Assistant: every requirement node's
    ref_id, name and parent, every mapping's source, target and relationship, every reference
    control's ref_id and name."""
    before, after = ciso_round_trip(tmp_path, SAMPLES / "acme-ciso-assistant.yaml", "--packager", "acme")
    controls = lambda d: {c["ref_id"]: c.get("name") for c in d["objects"].get("reference_controls", [])}  # noqa: E731
    assert controls(after) == controls(before)


if CORPUS:
    CISO = Path(CORPUS) / "exchange" / "ciso-assistant"
    CISO_FILES = ["owasp-masvs-v2.1.0.yaml", "anssi-recommandations-securite-relatives-tls.yaml",
                  "mapping-iso27001-2013-to-iso27001-2022.yaml", "mapping-cis-controls-v8-and-iso27001-2022.yaml"]

    @pytest.mark.corpus
    @pytest.mark.parametrize("name", CISO_FILES)
    def test_ciso_assistant_corpus_round_trip(tmp_path, name):
        """c. A real CISO Assistant library (AGPL, read in place) → quire → CISO Assistant keeps every
        requirement node's ref_id, name and parent and every mapping's source, target and
        relationship (URNs compared after the packager: framework and node id)."""
        before, _ = ciso_round_trip(tmp_path, CISO / name, "--packager", "intuitem")
        assert ciso_nodes(before) or ciso_mappings(before)

    @pytest.mark.corpus
    def test_ciso_assistant_corpus_files_are_read(tmp_path):
        for name in CISO_FILES:
            library, report = read_as_quire([CISO / name], tmp_path, Path(name).stem)
            assert report["inputs"][0]["format"] == "ciso-assistant", name
            assert library.get("frameworks") or library.get("mapping_sets"), name


# ---------------------------------------------------------------------------------------------
# d. A → B → A'

# Category → (words a note names it by, kinds of difference). A note names a category when one of
# the words is in its field or subject.
CATEGORIES = {
    "frameworks": ("framework",),
    "controls": ("control",),
    "titles": ("title", "name"),
    "descriptions": ("description",),
    "domains": ("domain",),
    "keywords": ("keyword", "synonym"),
    "mappings": ("mapping", "requirement"),
    "relationships": ("relationship",),
    "mapping details": ("strength", "rationale", "source", "mapping"),
    "implementation": ("implementation",),
    "statuses": ("status",),
    "implementation details": ("owner", "notes", "justification", "reason", "target date", "implementation"),
    "evidence": ("evidence",),
    "answers": ("answer",),
    "mapping sets": ("mapping set", "mapping sets", "requirement mapping"),
}


def norm(text) -> str:
    return re.sub(r"\s+", "", str(text)).lower() if text is not None else ""


def mapping_list(control: dict) -> dict[str, dict]:
    result = {}
    for m in control.get("mappings", []):
        if isinstance(m, str):  # short form "framework:id (relationship)"
            found = re.fullmatch(r"\s*(.+?)\s*(?:\((\w[\w-]*)\))?\s*", m)
            m = {"requirement": found[1], "relationship": found[2] or "intersects"}
        result.setdefault(norm(m["requirement"]), m)
    return result


def differences(a: dict, b: dict) -> dict[str, list[str]]:
    """What of library `a` is not in library `b`, per category, with examples."""
    found: dict[str, list[str]] = {name: [] for name in CATEGORIES}
    fa = {norm(f["id"]): f for f in a.get("frameworks", [])}
    fb = {norm(f["id"]): f for f in b.get("frameworks", [])}
    for key, framework in fa.items():
        other = fb.get(key)
        if other is None:
            found["frameworks"].append(f"framework {framework['id']} missing")
            continue
        ra = {norm(r["id"]): r for r in framework.get("requirements", [])}
        rb = {norm(r["id"]): r for r in other.get("requirements", [])}
        for rid, requirement in ra.items():
            if rid not in rb:
                found["frameworks"].append(f"{framework['id']}:{requirement['id']} missing")
            elif norm(requirement.get("title")) != norm(rb[rid].get("title")):
                found["titles"].append(f"{framework['id']}:{requirement['id']} title")
            elif norm(requirement.get("parent")) != norm(rb[rid].get("parent")):
                found["frameworks"].append(f"{framework['id']}:{requirement['id']} parent")
    ca = {norm(c["id"]): c for c in a.get("controls", [])}
    cb = {norm(c["id"]): c for c in b.get("controls", [])}
    for key, control in ca.items():
        other = cb.get(key)
        if other is None:
            found["controls"].append(f"{control['id']} missing")
            continue
        cid = control["id"]
        for field, category in (("title", "titles"), ("description", "descriptions"), ("domain", "domains")):
            if norm(control.get(field)) != norm(other.get(field)):
                found[category].append(f"{cid} {field}: {str(control.get(field))[:40]!r} → {str(other.get(field))[:40]!r}")
        for field in ("keywords", "synonyms"):
            if sorted(map(norm, control.get(field) or [])) != sorted(map(norm, other.get(field) or [])):
                found["keywords"].append(f"{cid} {field}")
        ma, mb = mapping_list(control), mapping_list(other)
        for requirement, mapping in ma.items():
            there = mb.get(requirement)
            if there is None:
                found["mappings"].append(f"{cid} → {mapping['requirement']} missing")
            elif (mapping.get("relationship") or "intersects") != (there.get("relationship") or "intersects"):
                found["relationships"].append(f"{cid} → {mapping['requirement']}: {mapping.get('relationship')} → {there.get('relationship')}")
            else:
                for field in ("strength", "rationale", "source"):
                    if mapping.get(field) is not None and mapping.get(field) != there.get(field):
                        found["mapping details"].append(f"{cid} → {mapping['requirement']} {field}")
    ia = {norm(i["control"]): i for i in a.get("implementation", [])}
    ib = {norm(i["control"]): i for i in b.get("implementation", [])}
    for key, record in ia.items():
        other = ib.get(key)
        if other is None:
            found["implementation"].append(f"{record['control']} missing")
            continue
        if record.get("status") != other.get("status"):
            found["statuses"].append(f"{record['control']}: {record.get('status')} → {other.get('status')}")
        for field in ("owner", "notes", "justification", "reasons", "target_date"):
            if record.get(field) and norm(record.get(field)) != norm(other.get(field)):
                found["implementation details"].append(f"{record['control']} {field}")
    for section, category, key in (("evidence", "evidence", "id"), ("answers", "answers", "id")):
        ea = {norm(e.get(key)): e for e in a.get(section, [])}
        eb = {norm(e.get(key)): e for e in b.get(section, [])}
        for k, entry in ea.items():
            if k not in eb:
                found[category].append(f"{entry.get(key)} missing")
            elif json.dumps(entry, sort_keys=True) != json.dumps(eb[k], sort_keys=True):
                found[category].append(f"{entry.get(key)} changed")
    sa = {(norm(s["source"]), norm(s["target"]), norm(m["source"]), norm(m["target"])): m
          for s in a.get("mapping_sets", []) for m in s.get("mappings", [])}
    sb = {(norm(s["source"]), norm(s["target"]), norm(m["source"]), norm(m["target"])): m
          for s in b.get("mapping_sets", []) for m in s.get("mappings", [])}
    for k, mapping in sa.items():
        there = sb.get(k)
        if there is None:
            found["mapping sets"].append(f"{k[0]}:{k[2]} → {k[1]}:{k[3]} missing")
        elif any(mapping.get(f) != there.get(f) for f in ("relationship", "strength", "confidence", "coverage", "rationale", "note")):
            found["mapping sets"].append(f"{k[0]}:{k[2]} → {k[1]}:{k[3]} changed")
    return {name: items for name, items in found.items() if items}


# A category compared inside the records of another: equal there says nothing when records are missing.
WITHIN = {"titles": ("controls", "frameworks"), "descriptions": ("controls",), "domains": ("controls",),
          "keywords": ("controls",), "mappings": ("controls",), "relationships": ("controls", "mappings"),
          "statuses": ("implementation",)}


def holds(library: dict, category: str) -> bool:
    """Whether a library has anything of a category to lose."""
    controls = library.get("controls", [])
    implementation = library.get("implementation", [])
    return {
        "frameworks": bool(library.get("frameworks")),
        "controls": bool(controls),
        "titles": bool(controls) or bool(library.get("frameworks")),
        "descriptions": any(c.get("description") for c in controls),
        "domains": any(c.get("domain") for c in controls),
        "keywords": any(c.get("keywords") or c.get("synonyms") for c in controls),
        "mappings": any(c.get("mappings") for c in controls),
        "relationships": any(c.get("mappings") for c in controls),
        "mapping details": any(isinstance(m, dict) and any(m.get(f) is not None for f in ("strength", "rationale", "source"))
                               for c in controls for m in c.get("mappings", [])),
        "implementation": bool(implementation),
        "statuses": bool(implementation),
        "implementation details": any(i.get(f) for i in implementation for f in ("owner", "notes", "justification", "reasons", "target_date")),
        "evidence": bool(library.get("evidence")),
        "answers": bool(library.get("answers")),
        "mapping sets": bool(library.get("mapping_sets")),
    }[category]


def note_topic(note: dict) -> str:
    """What a note is about: its field when it has one, else its subject (for the B→A' check, where a
    note about `7 controls` with field `keywords` is about keywords, not about controls)."""
    return (note.get("field") or note.get("subject") or "").lower().replace("_", " ").replace("-", " ")


# (test id, A: inputs read as Quire, B format, B file name, extra arguments for A→B)
PAIRS = [
    ("mapping-collection", [LIBRARY], "oscal-mapping-collection", "b.json", []),
    ("component-definition", [LIBRARY], "oscal-component-definition", "b.json", []),
    ("ciso-assistant", [LIBRARY], "ciso-assistant", "b.yaml", []),
    ("table-csv", [LIBRARY], "table", "b.csv", []),
    ("table-xlsx", [LIBRARY], "table", "b.xlsx", []),
    ("vanta", [LIBRARY], "vanta", "b.json", []),
    ("drata", [LIBRARY], "drata", "b.csv", []),
    ("opencontrol", [LIBRARY], "opencontrol", "b.yaml", []),
    # A library with a framework and a mapping set (the invented CISO Assistant sample).
    ("ciso-sample/mapping-collection", [SAMPLES / "acme-ciso-assistant.yaml"], "oscal-mapping-collection", "b.json", []),
    ("ciso-sample/ciso-assistant", [SAMPLES / "acme-ciso-assistant.yaml"], "ciso-assistant", "b.yaml", []),
]
KEPT: dict[str, dict[str, str]] = {}


@pytest.mark.parametrize("source,to,name,extra", [p[1:] for p in PAIRS], ids=[p[0] for p in PAIRS])
def test_a_to_b_to_a(tmp_path, source, to, name, extra):
    """d. A → B → A': every category that differs between A and A' is named by a note of the A→B
    report; the B→A' report claims no loss in a category whose data came back whole."""
    a, _ = read_as_quire(source, tmp_path, "a")
    b = tmp_path / name
    _, report_ab = convert([tmp_path / "a.json"], to, b, *extra)
    back, report_ba = read_as_quire([b], tmp_path, "a2")
    diff = differences(a, back)
    row = {}
    unnamed = {}
    for category, words in CATEGORIES.items():
        if not holds(a, category):
            row[category] = "·"
        elif category not in diff:
            row[category] = "kept"
        elif any(note_names(n, words) for n in report_ab["notes"]):
            row[category] = "noted"
        else:
            row[category] = "LOST"
            unnamed[category] = diff[category][:5]
    KEPT[f"{Path(source[0]).name}→{to}({Path(name).suffix[1:]})"] = row
    problems = []
    if unnamed:
        problems.append(
            f"quire convert A --to {to} -o {name}: A' differs from A in categories no note of the A→B report names "
            f"(notes: {[(n['kind'], n['subject'], n['field']) for n in report_ab['notes']]}):\n"
            + "\n".join(f"  {k}: {v}" for k, v in unnamed.items()))
    false_claims = []
    for category, words in CATEGORIES.items():
        if category in diff or not holds(a, category) or category in ("controls", "mapping details", "implementation details"):
            continue  # (the last three share words with other categories; their losses are checked above)
        if any(parent in diff for parent in WITHIN.get(category, ())):
            continue  # compared only where the records it lives in came back, so "kept" says little
        for note in report_ba["notes"]:
            if note["subject"].lower().startswith("library"):
                continue  # the library's own metadata (name, description, version) is no category here
            if note["kind"] in LOSS_KINDS and any(w in note_topic(note) for w in words):
                false_claims.append((category, note["kind"], note["subject"], note["field"], note["detail"][:100]))
    if false_claims:
        problems.append(f"the B→A' report ({to} → quire) claims losses the data does not show: {false_claims}")
    assert problems == [], "\n".join(problems)


def test_zz_print_what_each_pair_keeps(capsys):
    """Prints the table of what each A→B→A' pair keeps (run after the pairs)."""
    if not KEPT:
        pytest.skip("no pair ran")
    columns = list(CATEGORIES)
    width = max(map(len, KEPT)) + 1
    lines = ["", "A→B→A' (kept: came back equal; noted: changed, and the A→B report says so; LOST: changed, unreported; ·: nothing to keep)",
             " " * width + " ".join(f"{c[:10]:>10}" for c in columns)]
    for pair, row in KEPT.items():
        lines.append(f"{pair:<{width}}" + " ".join(f"{row[c]:>10}" for c in columns))
    with capsys.disabled():
        print("\n".join(lines))


# ---------------------------------------------------------------------------------------------
# e. --strict, --verbose, Drata's rules, determinism, inputs untouched, bad input


def test_strict_lossy_conversion_writes_only_the_report(tmp_path):
    output = tmp_path / "vanta.json"
    run, _ = convert([LIBRARY], "vanta", output, "--strict", expect=DATA)
    assert not output.exists(), "--strict wrote the output of a lossy conversion"
    report = load_report(output)
    assert report["lossless"] is False
    assert any(n["kind"] in LOSS_KINDS for n in report["notes"])
    assert sorted(p.name for p in tmp_path.iterdir()) == ["vanta.migration.json", "vanta.migration.md"]
    assert b"vanta" in run.stderr.lower() or b"strict" in run.stderr.lower()


def test_strict_lossless_conversion_succeeds(tmp_path):
    output = tmp_path / "library.json"
    _, report = convert([LIBRARY], "quire", output, "--strict")
    assert report["lossless"] is True and not any(n["kind"] in LOSS_KINDS for n in report["notes"])
    # and the Quire JSON read again is the same library
    again, _ = read_as_quire([output], tmp_path, "again", "--strict")
    assert again == json.loads(output.read_text(encoding="utf-8"))


@pytest.mark.parametrize("inputs,fmt", [
    ([SAMPLES / "acme-baseline-catalog.json"], "oscal-catalog"),
    ([SAMPLES / "acme-ciso-assistant.yaml"], "ciso-assistant"),
    ([SAMPLES / "acme-vanta-controls.json"], "vanta"),
    ([SAMPLES / "acme-drata-controls.csv"], "drata"),
    ([SAMPLES / "acme-controls-sprinto.csv"], "table"),
    ([SAMPLES / "acme-opencontrol" / "component.yaml"], "opencontrol"),
    ([LIBRARY], "quire"),
], ids=lambda v: v if isinstance(v, str) else Path(v[0]).name)
def test_verbose_says_how_each_input_was_recognised(tmp_path, inputs, fmt):
    run, report = convert(inputs, "quire", tmp_path / "out.json", "--verbose")
    said = (run.stdout + run.stderr).decode()
    for path in inputs:
        line = next((l for l in said.splitlines() if str(path) in l), None)
        assert line is not None, f"--verbose does not name {path}:\n{said}"
        assert fmt in line, f"--verbose line for {path.name} does not say {fmt}: {line}"
        assert len(line) > len(str(path)) + len(fmt) + 10, f"--verbose gives no reason: {line}"
    assert report["inputs"][0]["format"] == fmt
    assert all(fmt in d for d in report["detection"])


DRATA_CODE = re.compile(r"^\S{1,20}$")


def test_drata_output_obeys_its_code_rules(tmp_path):
    """Drata's documented rules for a control code: 1 to 20 characters, no spaces, unique. Codes
    that break them in the input are changed, each change noted, and no control is lost."""
    source = tmp_path / "vanta.json"
    ids = ["AC 01", "Access Control Policy 01", "ACME-ACCESS-CONTROL-POLICY-000001", "ACME-ACCESS-CONTROL-POLICY-000002",
           "ac-7", "AC-7", "OK-1", "x" * 20, "  padded  "]
    source.write_text(json.dumps({"data": [{"externalId": i, "name": f"Control {n}", "description": f"Description {n}"}
                                           for n, i in enumerate(ids, start=1)]}), encoding="utf-8")
    output = tmp_path / "drata.csv"
    _, report = convert([source], "drata", output)
    rows = list(csv.DictReader(io.StringIO(output.read_text(encoding="utf-8"), newline="")))
    codes = [row["Code"] for row in rows]
    assert len(rows) == len(ids), codes
    bad = [c for c in codes if not DRATA_CODE.match(c)]
    assert bad == []
    assert len({c.lower() for c in codes}) == len(codes), f"codes not unique: {codes}"
    assert {row["Name"] for row in rows} == {f"Control {n}" for n in range(1, len(ids) + 1)}
    kept = {"OK-1", "x" * 20}
    assert kept <= set(codes), codes
    changed = [i for i in ids if i not in codes]
    noted = [i for i in changed if any(i.strip() in f"{n['subject']} {n['detail']}" for n in report["notes"])]
    assert sorted(changed) == sorted(noted), f"changed codes without a note: {sorted(set(changed) - set(noted))}"


def test_drata_output_from_the_library_obeys_its_code_rules(tmp_path):
    output = tmp_path / "drata.csv"
    convert([LIBRARY], "drata", output)
    rows = list(csv.DictReader(io.StringIO(output.read_text(encoding="utf-8"), newline="")))
    assert rows and list(rows[0])[:6] == ["Code", "Name", "Description", "Question", "Activities", "Owner"]
    codes = [row["Code"] for row in rows]
    assert all(DRATA_CODE.match(c) for c in codes) and len({c.lower() for c in codes}) == len(codes)


DETERMINISM = [
    ([LIBRARY], "oscal-component-definition", "out.json"),
    ([LIBRARY], "oscal-mapping-collection", "out.yaml"),
    ([LIBRARY], "ciso-assistant", "out.yaml"),
    ([LIBRARY], "table", "out.xlsx"),
    ([LIBRARY], "drata", "out.csv"),
    ([LIBRARY], "vanta", "out.json"),
    ([LIBRARY], "opencontrol", "out.yaml"),
    ([SAMPLES / "acme-baseline-catalog.json", SAMPLES / "acme-baseline-profile.json"], "oscal-profile", "out.json"),
    ([SAMPLES / "acme-ciso-assistant.yaml"], "oscal-mapping-collection", "out.json"),
    ([SAMPLES / "acme-controls.xlsx"], "quire", "out.json"),
]


@pytest.mark.parametrize("inputs,to,name", DETERMINISM, ids=lambda v: v if isinstance(v, str) else Path(v[0]).name)
def test_same_inputs_same_bytes(tmp_path, inputs, to, name):
    """Twice, into two folders, with the output named the same relative to the working folder: the
    output and both reports are byte for byte the same."""
    outputs = []
    for run in ("one", "two"):
        folder = tmp_path / run
        folder.mkdir()
        arguments = ["convert", *map(str, inputs), "--to", to, "-o", name]
        result = quire(*arguments, cwd=folder)
        assert result.returncode == 0, result.stderr.decode()
        outputs.append({p.name: p.read_bytes() for p in sorted(folder.iterdir())})
    assert sorted(outputs[0]) == sorted(outputs[1])
    assert len(outputs[0]) == 3, sorted(outputs[0])
    differ = [n for n in outputs[0] if outputs[0][n] != outputs[1][n]]
    assert differ == []


def test_inputs_are_untouched(tmp_path):
    inputs = [p for p in [*LIBRARY.iterdir(), *SAMPLES.rglob("*"), *FIXTURES.rglob("*")] if p.is_file()]
    before = {p: (sha(p), p.stat().st_mtime_ns) for p in inputs}
    for index, (_, files) in enumerate(READABLE[:16]):
        quire("convert", *map(str, files), "--to", "quire", "-o", str(tmp_path / f"{index}.json"))
    for to, name in (("ciso-assistant", "x.yaml"), ("oscal-catalog", "x.json"), ("table", "x.xlsx"), ("drata", "x.csv")):
        quire("convert", str(LIBRARY), "--to", to, "--framework", "iso27001-2022", "-o", str(tmp_path / name))
    after = {p: (sha(p), p.stat().st_mtime_ns) for p in inputs}
    assert [str(p) for p in inputs if before[p] != after[p]] == []
    assert sorted(p for p in LIBRARY.iterdir()) == sorted(p for p in before if p.parent == LIBRARY)


@pytest.mark.parametrize("inputs,named", [case[1:] for case in REFUSED], ids=[case[0] for case in REFUSED])
def test_bad_input_is_refused_naming_the_file(tmp_path, inputs, named):
    output = tmp_path / "out.json"
    run, _ = convert(inputs, "quire", output, expect=DATA)
    message = run.stderr.decode()
    assert str(named.relative_to(ROOT)) in message or str(named) in message, message
    assert list(tmp_path.iterdir()) == [], f"written: {[p.name for p in tmp_path.iterdir()]}"


def test_json_of_no_known_format_is_refused(tmp_path):
    odd = tmp_path / "inventory.json"
    odd.write_text(json.dumps({"servers": [{"host": "a", "os": "linux"}]}), encoding="utf-8")
    out = tmp_path / "out" / "x.json"
    out.parent.mkdir()
    run, _ = convert([odd], "quire", out, expect=DATA)
    assert str(odd) in run.stderr.decode()
    assert list(out.parent.iterdir()) == []


def test_a_missing_input_and_a_bad_format_name(tmp_path):
    out = tmp_path / "x.json"
    run, _ = convert([tmp_path / "nowhere.json"], "quire", out, expect=NO_INPUT)
    assert "nowhere.json" in run.stderr.decode()
    convert([LIBRARY], "excel-of-doom", out, expect=USAGE)
    assert list(tmp_path.iterdir()) == []


def test_fixture_sources_list_every_file_with_its_checksum():
    """Tests/Fixtures/exchange/SOURCES.md names every file there with the first 16 hex digits of its
    SHA-256, so a copy can be checked against the corpus."""
    text = (FIXTURES / "SOURCES.md").read_text(encoding="utf-8")
    rows = dict(re.findall(r"^\| `([^`]+)` \|.*?\| `([0-9a-f]{16})` \|", text, flags=re.M))
    files = {str(p.relative_to(FIXTURES)): sha(p)[:16] for p in FIXTURES.rglob("*") if p.is_file() and p.name != "SOURCES.md"}
    assert sorted(set(files) ^ set(rows)) == []
    assert {k: v for k, v in files.items() if rows[k] != v} == {}
