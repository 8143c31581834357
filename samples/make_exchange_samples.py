"""Writes samples/exchange/: one small file for every format `quire convert` reads (run once; the
outputs are committed).

Everything in them is invented for Quire: Acme Corp, its "Acme Secure Baseline" (13 requirements
in 3 groups), its controls, owners and statuses. Only the ISO/IEC 27001:2022 Annex A and SOC 2
criterion *numbers* are real (as in Catalogs/); no text of either standard is used. No file is
copied or adapted from a third-party file.

The bytes are the same on every run: fixed dates, UUIDs derived by uuid5 from fixed names, keys
in a fixed order, and a fixed creation date in the workbook. Requires PyYAML and xlsxwriter
(both installed by `make test` into .venv). `--check` rewrites nothing and fails when a file
differs from what this script writes.
"""
from __future__ import annotations

import csv
import datetime
import io
import json
import sys
import tempfile
import uuid
from pathlib import Path

import xlsxwriter
import yaml

HERE = Path(__file__).resolve().parent
OUT = HERE / "exchange"
NAMESPACE = uuid.UUID("6f1c1f0e-6a59-4d55-9a3c-0b7e6d2f4a10")  # fixed, made up for these samples
STAMP = "2026-10-01T09:00:00Z"
OSCAL_VERSION = "1.2.2"
ISO = "urn:intuitem:risk:framework:iso27001-2022"


def uid(name: str) -> str:
    return str(uuid.uuid5(NAMESPACE, name))


# The Acme Secure Baseline: (group id, group title, [(control id, label, title, statement, guidance,
# [children])]). Ids are OSCAL tokens; labels are what people write.
BASELINE = [
    ("gov", "Governance", [
        ("gov-1", "GOV-1", "Security policy",
         "Acme maintains an information security policy approved by its leadership and reviewed every year.",
         "The policy names an owner and is published to every employee and contractor.", []),
        ("gov-2", "GOV-2", "Security roles",
         "Acme assigns security responsibilities to named roles and records them in one place.", None, []),
        ("gov-3", "GOV-3", "Risk assessment",
         "Acme assesses information security risks at least once a year and after major changes.",
         "Each risk has an owner, a rating and a treatment decision.", []),
        ("gov-4", "GOV-4", "Supplier security",
         "Acme reviews the security of suppliers that handle its data before contracting and every year after.",
         None, []),
    ]),
    ("iam", "Identity and access", [
        ("iam-1", "IAM-1", "Account lifecycle",
         "Accounts are created, changed and removed through a recorded request, and removed within one working day of a person leaving.",
         None, []),
        ("iam-2", "IAM-2", "Multi-factor authentication",
         "Every interactive sign-in to company systems requires a second factor.",
         "Prefer authenticator apps or security keys over text messages.",
         [("iam-2.1", "IAM-2.1", "Phishing-resistant factors for administrators",
           "Administrators sign in with a phishing-resistant factor such as a security key.", None, [])]),
        ("iam-3", "IAM-3", "Privileged access",
         "Administrative rights are granted only to named people, for a stated purpose, and logged.", None, []),
        ("iam-4", "IAM-4", "Access reviews",
         "Owners review who has access to each production system every quarter.", None, []),
    ]),
    ("ops", "Operations", [
        ("ops-1", "OPS-1", "Logging and monitoring",
         "Security events from production systems are collected centrally, kept for a year and reviewed.", None, []),
        ("ops-2", "OPS-2", "Vulnerability management",
         "Systems are scanned for known vulnerabilities and findings are fixed within set deadlines.",
         "Critical findings are fixed within 7 days, high within 30.", []),
        ("ops-3", "OPS-3", "Backup and restore",
         "Production data is backed up {{ insert: param, ops-3_prm_1 }} and a restore is tested every quarter.",
         None, []),
        ("ops-4", "OPS-4", "Incident response",
         "Acme keeps an incident response plan, assigns an incident lead for each incident and reviews every major incident.",
         None, []),
    ]),
]


def oscal_control(entry) -> dict:
    cid, label, title, statement, guidance, children = entry
    control: dict = {"id": cid, "title": title}
    if cid == "ops-3":
        control["params"] = [{"id": "ops-3_prm_1", "label": "backup frequency", "values": ["daily"]}]
    control["props"] = [{"name": "label", "value": label}, {"name": "sort-id", "value": sort_id(cid)}]
    parts = [{"id": f"{cid}_smt", "name": "statement", "prose": statement}]
    if guidance:
        parts.append({"id": f"{cid}_gdn", "name": "guidance", "prose": guidance})
    control["parts"] = parts
    if children:
        control["controls"] = [oscal_control(child) for child in children]
    return control


def sort_id(cid: str) -> str:
    group, _, number = cid.partition("-")
    head, _, sub = number.partition(".")
    return f"{group}-{int(head):02d}" + (f".{int(sub):02d}" if sub else "")


def metadata(title: str, version: str = "1.0", **extra) -> dict:
    data = {"title": title, "last-modified": STAMP, "version": version, "oscal-version": OSCAL_VERSION}
    data.update(extra)
    return data


def catalog() -> dict:
    return {"catalog": {
        "uuid": uid("catalog"),
        "metadata": metadata(
            "Acme Secure Baseline",
            remarks="Fictitious sample framework written for Quire's tests; not a real standard.",
            parties=[{"uuid": uid("party-acme"), "type": "organization", "name": "Acme Corp (fictitious)"}],
        ),
        "groups": [
            {"id": gid, "title": gtitle, "props": [{"name": "label", "value": gid.upper()}],
             "controls": [oscal_control(entry) for entry in entries]}
            for gid, gtitle, entries in BASELINE
        ],
    }}


PROFILE_IDS = ["gov-1", "gov-2", "gov-3", "iam-1", "iam-2", "iam-3", "ops-1", "ops-2", "ops-3"]
PROFILE_EXCLUDED = "iam-2.1"


def profile() -> dict:
    return {"profile": {
        "uuid": uid("profile"),
        "metadata": metadata("Acme Secure Baseline: startup tier"),
        "imports": [{
            "href": "acme-baseline-catalog.json",
            "include-controls": [{"with-child-controls": "yes", "with-ids": PROFILE_IDS}],
            "exclude-controls": [{"with-ids": [PROFILE_EXCLUDED]}],
        }],
        "merge": {"as-is": True},
    }}


# Acme's own controls: (id, name, description, domain, owner, status, iso ids, soc2 ids, baseline ids)
CONTROLS = [
    ("AC-01", "Information security policy",
     "The CISO owns the information security policy; leadership approves it each January and every employee accepts it on joining.",
     "Governance", "CISO", "implemented", ["A.5.1", "A.5.4"], ["CC1.1", "CC5.3"], ["gov-1"]),
    ("AC-02", "Security roles matrix",
     "A RACI matrix in the wiki names who is responsible for each security activity.",
     "Governance", "CISO", "implemented", ["A.5.2"], ["CC1.3"], ["gov-2"]),
    ("AC-03", "Annual risk assessment",
     "Each March the security team rates risks with their owners and records treatment decisions in the risk register.",
     "Risk management", "Security team", "partial", ["A.5.7"], ["CC3.1", "CC3.2"], ["gov-3"]),
    ("AC-04", "Supplier due diligence",
     "Procurement sends a security questionnaire to new suppliers that will handle Acme data and reviews their reports every year.",
     "Supplier management", "Procurement", "planned", ["A.5.19", "A.5.20", "A.5.21"], ["CC9.2"], ["gov-4"]),
    ("AC-05", "Single sign-on with MFA",
     "All company applications sit behind the identity provider, which requires an authenticator app or a security key.",
     "Identity and access", "IT", "implemented", ["A.8.5", "A.5.17"], ["CC6.1"], ["iam-2"]),
    ("AC-06", "Joiner, mover and leaver process",
     "HR events open access tickets; leavers lose access on their last day.",
     "Identity and access", "IT", "implemented", ["A.5.15", "A.5.18"], ["CC6.2", "CC6.3"], ["iam-1"]),
    ("AC-07", "Quarterly access review",
     "System owners confirm every quarter who may use each production system; removals are tracked to closure.",
     "Identity and access", "Security team", "partial", ["A.5.18"], ["CC6.2"], ["iam-4"]),
    ("AC-08", "Central security logging",
     "Production logs go to a central store kept for 13 months; alerts page the on-call engineer.",
     "Operations", "Platform team", "implemented", ["A.8.15", "A.8.16"], ["CC7.2"], ["ops-1"]),
    ("AC-09", "Weekly vulnerability scanning",
     "Hosts and container images are scanned weekly; critical findings get a ticket due within 7 days.",
     "Operations", "Platform team", "implemented", ["A.8.8"], ["CC7.1"], ["ops-2"]),
    ("AC-10", "Nightly backups with restore tests",
     "Databases are backed up nightly to a second region, and a restore is tested each quarter.",
     "Operations", "Platform team", "not-applicable", ["A.8.13"], ["A1.2", "A1.3"], ["ops-3"]),
]

# The mapping collection: (sources, targets, relationship, confidence, coverage, remarks)
MAPS = [
    (["gov-1"], ["A.5.1"], "equivalent-to", 0.95, None, None),
    (["gov-2"], ["A.5.2"], "equivalent-to", None, None, None),
    (["gov-3"], ["A.5.7"], "intersects-with", 0.5, None, "Risk assessment uses threat information but is wider."),
    (["gov-4"], ["A.5.19"], "subset-of", None, 0.7, None),
    (["iam-1", "iam-4"], ["A.5.15", "A.5.18"], "intersects-with", 0.8, None,
     "Lifecycle and reviews together overlap access control and access rights."),
    (["iam-2"], ["A.8.5"], "subset-of", 0.9, 0.6, None),
    (["iam-3"], ["A.8.2"], "equivalent-to", None, None, None),
    (["ops-1"], ["A.8.15"], "subset-of", None, 0.5, None),
    (["ops-1"], ["A.8.16"], "intersects-with", None, None, None),
    (["ops-2"], ["A.8.8"], "equivalent-to", 0.85, 1.0, None),
    (["ops-3"], ["A.8.13"], "subset-of", None, None, None),
    (["ops-4"], ["A.5.24", "A.5.26"], "subset-of", None, None, None),
]


def mapping_collection() -> dict:
    maps = []
    for index, (sources, targets, relationship, confidence, coverage, remarks) in enumerate(MAPS, start=1):
        entry: dict = {"uuid": uid(f"map-{index}"), "relationship": relationship,
                       "sources": [{"type": "control", "id-ref": s} for s in sources],
                       "targets": [{"type": "control", "id-ref": t} for t in targets]}
        if confidence is not None:
            entry["confidence-score"] = {"percentage": confidence}
        if coverage is not None:
            entry["coverage"] = {"target-coverage": coverage, "generation-method": "arbitrary"}
        if remarks:
            entry["remarks"] = remarks
        maps.append(entry)
    return {"mapping-collection": {
        "uuid": uid("mapping-collection"),
        "metadata": metadata(
            "Acme Secure Baseline to ISO/IEC 27001:2022 Annex A",
            parties=[{"uuid": uid("party-acme"), "type": "organization", "name": "Acme Corp (fictitious)"}],
        ),
        "provenance": {
            "method": "human",
            "matching-rationale": "semantic",
            "status": "complete",
            "mapping-description": "How each requirement of the (fictitious) Acme Secure Baseline relates to ISO/IEC 27001:2022 Annex A controls, by control number only.",
        },
        "mappings": [{
            "uuid": uid("mapping-1"),
            "source-resource": {"type": "catalog", "href": "acme-baseline-catalog.json"},
            "target-resource": {"type": "catalog", "href": "https://www.iso.org/standard/27001",
                                "remarks": "ISO/IEC 27001:2022 Annex A; no OSCAL catalog of it is public."},
            "maps": maps,
        }],
    }}


CD_STATUS = {"implemented": "implemented", "partial": "partial", "planned": "planned", "not-applicable": "not-applicable"}


def component_definition() -> dict:
    requirements = []
    for cid, name, description, _domain, owner, status, _iso, _soc2, baseline in CONTROLS:
        for requirement in baseline:
            requirements.append({
                "uuid": uid(f"ir-{cid}-{requirement}"),
                "control-id": requirement,
                "description": f"{name}: {description}",
                "props": [
                    {"name": "implementation-status", "value": CD_STATUS[status]},
                    {"name": "responsible-role", "ns": "https://acme.example/ns/oscal", "value": owner},
                ],
            })
    return {"component-definition": {
        "uuid": uid("component-definition"),
        "metadata": metadata("Acme Cloud Platform: Acme Secure Baseline implementation"),
        "components": [{
            "uuid": uid("component-platform"),
            "type": "service",
            "title": "Acme Cloud Platform",
            "description": "Acme's hosted product and the company systems that support it (fictitious).",
            "control-implementations": [{
                "uuid": uid("ci-baseline"),
                "source": "acme-baseline-catalog.json",
                "description": "How the Acme Cloud Platform meets the Acme Secure Baseline.",
                "implemented-requirements": requirements,
            }],
        }],
    }}


def requirement_nodes() -> list[dict]:
    nodes = []

    def urn(ref: str) -> str:
        return f"urn:acme:risk:req_node:acme-baseline:{ref.lower()}"

    def add(entry, parent: str, depth: int) -> None:
        cid, label, title, statement, _guidance, children = entry
        nodes.append({"urn": urn(label), "assessable": True, "depth": depth, "parent_urn": parent,
                      "ref_id": label, "name": title,
                      "description": plain(statement),
                      **({"reference_controls": [f"urn:acme:risk:function:{c[0].lower()}"
                                                 for c in CONTROLS if cid in c[8]]}
                         if any(cid in c[8] for c in CONTROLS) else {})})
        for child in children:
            add(child, urn(label), depth + 1)

    for gid, gtitle, entries in BASELINE:
        nodes.append({"urn": urn(gid.upper()), "assessable": False, "depth": 1, "ref_id": gid.upper(), "name": gtitle})
        for entry in entries:
            add(entry, urn(gid.upper()), 2)
    return nodes


def flat_baseline():
    """(group id, control id, label, title, statement) of every requirement, children after parents."""
    def walk(gid, entry):
        yield gid, entry[0], entry[1], entry[2], entry[3]
        for child in entry[5]:
            yield from walk(gid, child)
    for gid, _title, entries in BASELINE:
        for entry in entries:
            yield from walk(gid, entry)


def plain(statement: str) -> str:
    return statement.replace("{{ insert: param, ops-3_prm_1 }}", "daily")


CISO_RELATIONSHIP = {"equivalent-to": "equal", "subset-of": "subset", "intersects-with": "intersect"}
LABELS = {cid: label for _gid, cid, label, _title, _statement in flat_baseline()}


def ciso_assistant() -> dict:
    category = {"Governance": "policy", "Risk management": "process", "Supplier management": "process"}
    function = {"Governance": "govern", "Risk management": "identify", "Supplier management": "govern",
                "Identity and access": "protect", "Operations": "detect"}
    mappings = []
    for sources, targets, relationship, _confidence, _coverage, _remarks in MAPS:
        for s in sources:
            for t in targets:
                mappings.append({
                    "source_requirement_urn": f"urn:acme:risk:req_node:acme-baseline:{LABELS[s].lower()}",
                    "target_requirement_urn": f"urn:intuitem:risk:req_node:iso27001-2022:{t.lower()}",
                    "relationship": CISO_RELATIONSHIP[relationship],
                    "rationale": "semantic",
                    "strength_of_relationship": {"equal": 10, "subset": 7, "intersect": 4}[CISO_RELATIONSHIP[relationship]],
                })
    return {
        "urn": "urn:acme:risk:library:acme-baseline",
        "locale": "en",
        "ref_id": "acme-baseline",
        "name": "Acme Secure Baseline",
        "description": "Fictitious sample framework written for Quire's tests, with Acme's reference controls and a mapping to ISO/IEC 27001:2022.",
        "copyright": "Invented sample data for Quire; no rights reserved",
        "version": 1,
        "publication_date": datetime.date(2026, 10, 1),
        "provider": "Acme Corp",
        "packager": "acme",
        "dependencies": ["urn:intuitem:risk:library:iso27001-2022"],
        "objects": {
            "reference_controls": [
                {"urn": f"urn:acme:risk:function:{cid.lower()}", "ref_id": cid, "name": name,
                 "category": category.get(domain, "technical"), "csf_function": function[domain],
                 "description": description}
                for cid, name, description, domain, *_rest in CONTROLS
            ],
            "framework": {
                "urn": "urn:acme:risk:framework:acme-baseline",
                "ref_id": "acme-baseline",
                "name": "Acme Secure Baseline",
                "description": "Thirteen requirements in three groups (fictitious).",
                "requirement_nodes": requirement_nodes(),
            },
            "requirement_mapping_set": {
                "urn": "urn:acme:risk:req_mapping_set:acme-baseline-to-iso27001-2022",
                "ref_id": "acme-baseline-to-iso27001-2022",
                "name": "Acme Secure Baseline -> ISO/IEC 27001:2022",
                "description": "The Acme Secure Baseline's requirements against ISO/IEC 27001:2022 Annex A controls.",
                "source_framework_urn": "urn:acme:risk:framework:acme-baseline",
                "target_framework_urn": ISO,
                "requirement_mappings": mappings,
            },
        },
    }


def opencontrol_files() -> dict[str, dict]:
    project = {
        "schema_version": "1.0.0",
        "name": "acme-cloud-platform",
        "metadata": {"description": "Acme Cloud Platform compliance documentation (fictitious sample for Quire)",
                     "maintainers": ["grc@acme.example"]},
        "components": ["./"],
        "standards": ["./standards/acme.yaml"],
        "certifications": [],
    }
    standard: dict = {"name": "ACME-SB"}
    for gid, cid, label, title, statement in flat_baseline():
        standard[label] = {"family": gid.upper(), "name": title, "description": plain(statement)}
    status = {"implemented": "complete", "partial": "partial", "planned": "planned", "not-applicable": "none"}
    satisfies = []
    for cid, name, description, _domain, _owner, state, _iso, _soc2, baseline in CONTROLS:
        for requirement in baseline:
            satisfies.append({
                "control_key": LABELS[requirement],
                "standard_key": "ACME-SB",
                "covered_by": [],
                "implementation_status": status[state],
                "narrative": [{"text": f"{name} ({cid}). {description}\n"}],
            })
    component = {
        "schema_version": "3.0.0",
        "name": "Acme Cloud Platform",
        "documentation_complete": False,
        "references": [{"name": "Security overview", "path": "https://trust.acme.example/security", "type": "URL"}],
        "satisfies": satisfies,
    }
    return {"acme-opencontrol/opencontrol.yaml": project,
            "acme-opencontrol/standards/acme.yaml": standard,
            "acme-opencontrol/component.yaml": component}


def vanta() -> dict:
    status = {"implemented": "Ok", "partial": "Needs evidence", "planned": "Needs evidence", "not-applicable": "Ok"}
    owners = {"CISO": ("Dana Whitfield", "dana.whitfield@acme.example"),  # invented people
              "Security team": ("Ravi Okafor", "ravi.okafor@acme.example"),
              "Procurement": ("Lena Brandt", "lena.brandt@acme.example"),
              "IT": ("Tomás Ferreira", "tomas.ferreira@acme.example"),
              "Platform team": ("Mei Hartono", "mei.hartono@acme.example")}
    data = []
    for index, (cid, name, description, domain, owner, state, *_rest) in enumerate(CONTROLS, start=1):
        display, email = owners[owner]
        data.append({
            "id": f"6650a1c0e4b0{index:012d}",
            "externalId": cid,
            "name": name,
            "description": description,
            "source": "Custom",
            "domains": [domain.upper().replace(" ", "_")],
            "owner": {"id": f"6650a0f0e4b0{index:012d}", "emailAddress": email, "displayName": display},
            "status": status[state],
        })
    return {"data": data}


def csv_text(rows: list[list[str]]) -> str:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\r\n").writerows(rows)
    return buffer.getvalue()


def drata() -> str:
    rows = [["Code", "Name", "Description", "Question", "Activities", "Owner", "ISO 27001", "SOC 2"]]
    for cid, name, description, _domain, owner, _state, iso, soc2, _baseline in CONTROLS:
        rows.append([f"ACME-{cid}", name, description, f"Does Acme have: {name.lower()}?",
                     "Review evidence quarterly", owner, "; ".join(iso), "; ".join(soc2)])
    return csv_text(rows)


def sprinto() -> str:
    rows = [["Control Number", "Control Name", "Description", "Control Owner", "Domain", "ISO 27001"]]
    for cid, name, description, domain, owner, _state, iso, _soc2, _baseline in CONTROLS:
        rows.append([cid, name, description, owner, domain, ", ".join(iso)])
    return csv_text(rows)


def workbook(path: Path) -> None:
    book = xlsxwriter.Workbook(str(path))
    book.set_properties({"created": datetime.datetime(2026, 10, 1, 9, 0, 0), "author": "Acme GRC (fictitious)"})
    bold = book.add_format({"bold": True})
    wrap = book.add_format({"text_wrap": True, "valign": "top"})
    sheet = book.add_worksheet("Controls")
    header = ["Control ID", "Control Name", "Description", "Domain", "SOC 2", "ISO 27001"]
    sheet.write_row(0, 0, header, bold)
    for row, (cid, name, description, domain, _owner, _state, iso, soc2, _baseline) in enumerate(CONTROLS, start=1):
        sheet.write_row(row, 0, [cid, name, description, domain, ";".join(soc2), ";".join(iso)], wrap)
    sheet.set_column(0, 0, 12)
    sheet.set_column(1, 2, 40)
    sheet.set_column(3, 5, 18)
    sheet.freeze_panes(1, 0)
    book.close()


def dump_json(data) -> str:
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def dump_yaml(data) -> str:
    return yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=100, default_flow_style=False)


def files() -> dict[str, bytes]:
    texts = {
        "acme-baseline-catalog.json": dump_json(catalog()),
        "acme-baseline-catalog.yaml": dump_yaml(catalog()),
        "acme-baseline-profile.json": dump_json(profile()),
        "acme-component-definition.json": dump_json(component_definition()),
        "acme-to-iso27001-mapping-collection.json": dump_json(mapping_collection()),
        "acme-ciso-assistant.yaml": dump_yaml(ciso_assistant()),
        "acme-vanta-controls.json": dump_json(vanta()),
        "acme-drata-controls.csv": drata(),
        "acme-controls-sprinto.csv": sprinto(),
    }
    for name, data in opencontrol_files().items():
        texts[name] = dump_yaml(data)
    result = {name: text.encode("utf-8") for name, text in texts.items()}
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "acme-controls.xlsx"
        workbook(path)
        result["acme-controls.xlsx"] = path.read_bytes()
    return result


def main() -> int:
    check = "--check" in sys.argv[1:]
    differ = []
    for name, data in files().items():
        path = OUT / name
        if check:
            if not path.is_file() or path.read_bytes() != data:
                differ.append(name)
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    if differ:
        print("differ from the generator: " + ", ".join(differ), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
