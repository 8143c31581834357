"""`quire crosswalk`, `quire soa` and `quire gaps` with the sample library, read back with openpyxl
and python-calamine and checked against quire's own listings computed another way (xref,
controls, frameworks) and against the sample status file read with PyYAML."""
from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import openpyxl
import pytest
import python_calamine
import yaml

ROOT = Path(__file__).resolve().parents[2]
LIBRARY = ["--library", str(ROOT / "samples" / "library"), "--as-of", "2026-11-29"]


def quire(*args: str) -> bytes:
    result = subprocess.run([os.environ["QUIRE_BIN"], *args], capture_output=True, timeout=300)
    assert result.returncode == 0, result.stderr.decode("utf-8", "replace")
    return result.stdout


def assessable(framework: str, *library: str) -> list[tuple[str, str]]:
    """The (id, title) of each requirement of a framework that is not a heading, as `quire requirements` lists them."""
    listed = json.loads(quire("requirements", framework, *library, "--format", "json"))["requirements"]
    return [(r["id"], r["title"]) for r in listed if not r["heading"]]


def xref_cells(framework: str, requirement: str, to: str, *library: str) -> dict[str, str]:
    """What a matrix row should hold by `quire xref`: target id -> `relationship: control, control`."""
    xref = json.loads(quire("xref", f"{framework}:{requirement}", "--to", to, *library, "--format", "json"))
    cells = {}
    for c in xref["correspondences"]:
        target = c["requirement"].split(":", 1)[1]
        controls = list(dict.fromkeys(link["control"] for link in c["controls"]))
        assert target not in cells, f"xref lists {target} twice"
        cells[target] = f"{c['relationship']}: {', '.join(controls)}"
    return cells


def matrix(workbook: openpyxl.Workbook, name: str) -> tuple[list[str], dict[str, tuple[str, dict[str, str]]]]:
    """A pair sheet as (column requirement ids, row id -> (title, column id -> non-empty cell))."""
    rows = list(workbook[name].iter_rows(values_only=True))
    header = list(rows[0])
    assert header[1] == "Title"
    columns = header[2:]
    body = {}
    for row in rows[1:]:
        assert row[0] not in body, f"{name}: row {row[0]} twice"
        body[row[0]] = (row[1], {columns[i]: v for i, v in enumerate(row[2:]) if v is not None})
    return columns, body


@pytest.mark.quire
def test_crosswalk_workbook(tmp_path: Path) -> None:
    path = tmp_path / "crosswalk.xlsx"
    quire("crosswalk", "--frameworks", "soc2-2017,iso27001-2022,gdpr", *LIBRARY, "-o", str(path))
    workbook = openpyxl.load_workbook(path)
    assert workbook.sheetnames == ["Controls", "soc2-2017 x iso27001-2022", "soc2-2017 x gdpr",
                                   "iso27001-2022 x gdpr", "Correspondences", "Coverage", "Gaps"]
    # Coverage adds up to each framework's requirement count as `quire frameworks` gives it.
    counts = {f["id"]: f["requirements"] for f in json.loads(quire("frameworks", "--format", "json"))["frameworks"]}
    rows = list(workbook["Coverage"].iter_rows(min_row=2, values_only=True))
    for framework, total, covered, partly, missing, percent in rows:
        assert total == counts[framework] == covered + partly + missing
        assert percent == pytest.approx(round(covered / total * 100, 1))
    # Gaps equal `quire gaps` for each framework.
    gaps = list(workbook["Gaps"].iter_rows(min_row=2, values_only=True))
    for framework in ["soc2-2017", "iso27001-2022", "gdpr"]:
        listed = json.loads(quire("gaps", "--framework", framework, *LIBRARY, "--format", "json"))["gaps"]
        assert [g["requirement"] for g in listed] == [row[1] for row in gaps if row[0] == framework]
    # The header is frozen, filtered and bold; another reader agrees on the values.
    controls = workbook["Controls"]
    assert controls.freeze_panes == "A2" and controls.auto_filter.ref
    assert controls["A1"].font.bold
    calamine = python_calamine.CalamineWorkbook.from_path(str(path))
    assert calamine.get_sheet_by_name("Controls").to_python()[1][0] == controls["A2"].value


@pytest.mark.quire
def test_crosswalk_matrix_agrees_with_xref(tmp_path: Path) -> None:
    path = tmp_path / "crosswalk.xlsx"
    quire("crosswalk", "--frameworks", "soc2-2017,iso27001-2022,gdpr", *LIBRARY, "-o", str(path))
    workbook = openpyxl.load_workbook(path)
    soc2, iso, gdpr = (assessable(f, *LIBRARY[:2]) for f in ["soc2-2017", "iso27001-2022", "gdpr"])
    # The grid: a row per requirement of the first framework, a column per requirement of the second,
    # in catalog order, with titles; the header row and the id and title columns are frozen.
    columns, body = matrix(workbook, "soc2-2017 x iso27001-2022")
    assert columns == [i for i, _ in iso]
    assert [(r, body[r][0]) for r in body] == soc2
    sheet = workbook["soc2-2017 x iso27001-2022"]
    assert sheet.freeze_panes == "C2"
    assert sheet.auto_filter.ref == f"A1:{openpyxl.utils.get_column_letter(len(iso) + 2)}{len(soc2) + 1}"
    assert sheet["A1"].value == "soc2-2017 \u2193 iso27001-2022 \u2192" and sheet["C1"].font.bold
    assert 5 < sheet.column_dimensions["C"].width < 30 and sheet.column_dimensions["B"].width > 30
    filled = [cell for row in sheet.iter_rows(min_row=2, min_col=3) for cell in row if cell.value is not None]
    assert len(filled) > 100 and all(cell.alignment.wrap_text for cell in filled)
    # Every row, whole, is what `quire xref` derives for its requirement: each cell where xref finds a
    # correspondence holds its relationship and controls, and every other cell is empty.
    for requirement, (_, cells) in body.items():
        assert cells == xref_cells("soc2-2017", requirement, "iso27001-2022", *LIBRARY[:2]), requirement
    # The other pairs, sampled: rows with and without correspondences.
    for name, first, second, sample in [
        ("soc2-2017 x gdpr", "soc2-2017", "gdpr", ["CC6.1", "CC7.2", "P4.3", "P6.1", "A1.2"]),
        ("iso27001-2022 x gdpr", "iso27001-2022", "gdpr", ["A.5.34", "A.8.24", "A.5.1", "7.4", "A.7.4"]),
    ]:
        columns, body = matrix(workbook, name)
        assert columns == [i for i, _ in gdpr]
        assert list(body) == [i for i, _ in (soc2 if first == "soc2-2017" else iso)]
        assert sum(bool(body[r][1]) for r in sample) >= 3, f"{name}: the sample should mostly have correspondences"
        for requirement in sample:
            assert body[requirement][1] == xref_cells(first, requirement, second, *LIBRARY[:2]), (name, requirement)
    # The Correspondences sheet lists exactly the non-empty cells of the matrices, with titles.
    sheet = workbook["Correspondences"]
    assert [c.value for c in sheet[1]] == ["From framework", "From requirement", "From title", "To framework",
                                          "To requirement", "To title", "Relationship", "Via controls"]
    assert sheet.freeze_panes == "A2" and sheet.auto_filter.ref
    titles = {f: dict(reqs) for f, reqs in [("soc2-2017", soc2), ("iso27001-2022", iso), ("gdpr", gdpr)]}
    for source, requirement, title, target, other, other_title, _, _ in sheet.iter_rows(min_row=2, values_only=True):
        assert (title, other_title) == (titles[source][requirement], titles[target][other])
    in_matrices = set()
    for name in ["soc2-2017 x iso27001-2022", "soc2-2017 x gdpr", "iso27001-2022 x gdpr"]:
        source, target = name.split(" x ")
        for requirement, (_, cells) in matrix(workbook, name)[1].items():
            for other, text in cells.items():
                in_matrices.add(((source, requirement, target, other), text))
    rows = [((r[0], r[1], r[3], r[4]), f"{r[6]}: {r[7]}") for r in sheet.iter_rows(min_row=2, values_only=True)]
    assert len(set(rows)) == len(rows), "a correspondence is listed twice"
    assert set(rows) == in_matrices
    # The drop-down on Relationship offers the five relationships.
    assert [v.formula1 for v in sheet.data_validations.dataValidation] == ['"equal,subset,superset,intersects,not-related"']


@pytest.mark.quire
def test_crosswalk_of_four_frameworks(tmp_path: Path) -> None:
    path = tmp_path / "crosswalk.xlsx"
    quire("crosswalk", "--frameworks", "soc2-2017,iso27001-2022,gdpr,nist-csf-2.0", *LIBRARY, "-o", str(path))
    workbook = openpyxl.load_workbook(path)
    assert workbook.sheetnames == [
        "Controls", "soc2-2017 x iso27001-2022", "soc2-2017 x gdpr", "soc2-2017 x nist-csf-2.0",
        "iso27001-2022 x gdpr", "iso27001-2022 x nist-csf-2.0", "gdpr x nist-csf-2.0",
        "Correspondences", "Coverage", "Gaps",
    ]
    assert [c.value for c in workbook["Controls"][1]][4:] == ["soc2-2017", "iso27001-2022", "gdpr", "nist-csf-2.0"]
    columns, body = matrix(workbook, "iso27001-2022 x nist-csf-2.0")
    assert columns == [i for i, _ in assessable("nist-csf-2.0")]
    assert workbook["iso27001-2022 x nist-csf-2.0"].freeze_panes == "C2"
    for requirement in ["A.5.15", "A.8.8", "A.5.24"]:
        assert body[requirement][1] == xref_cells("iso27001-2022", requirement, "nist-csf-2.0", *LIBRARY[:2])
        assert body[requirement][1], requirement
    pairs = {(r[0], r[3]) for r in workbook["Correspondences"].iter_rows(min_row=2, values_only=True)}
    assert len(pairs) == 6


LONG_IDS = """\
frameworks:
  - id: acme-information-security-policy-2026
    name: Acme information security policy
    requirements:
      - {id: "1.1", title: Policy ownership}
      - {id: "1.2", title: Access reviews}
  - id: acme-information-security-policy-2027
    name: Acme information security policy, next edition
    requirements:
      - {id: "1.1", title: Policy ownership}
      - {id: "1.2", title: Access reviews}
controls:
  - id: ACME-1
    title: Access reviews
    mappings:
      - "acme-information-security-policy-2026:1.2"
      - "acme-information-security-policy-2027:1.2 (subset)"
      - "soc2-2017:CC6.2"
"""


@pytest.mark.quire
def test_crosswalk_sheet_names_for_long_framework_ids(tmp_path: Path) -> None:
    library = tmp_path / "acme.yaml"
    library.write_text(LONG_IDS, encoding="utf-8")
    path = tmp_path / "crosswalk.xlsx"
    frameworks = "acme-information-security-policy-2026,acme-information-security-policy-2027,soc2-2017"
    quire("crosswalk", "--frameworks", frameworks, "--library", str(library), "-o", str(path))
    workbook = openpyxl.load_workbook(path)
    names = workbook.sheetnames
    assert len(names) == 7 and names[0] == "Controls" and names[-3:] == ["Correspondences", "Coverage", "Gaps"]
    assert len({n.lower() for n in names}) == len(names)
    for name in names:
        assert 1 <= len(name.encode("utf-16-le")) // 2 <= 31, name
        assert not set(name) & set("[]:*?/\\") and not name.startswith("'") and not name.endswith("'"), name
    # The cut ids still show which pair a sheet is, in order: the first column's corner names it in full.
    pairs = names[1:4]
    assert [workbook[n]["A1"].value for n in pairs] == [
        "acme-information-security-policy-2026 \u2193 acme-information-security-policy-2027 \u2192",
        "acme-information-security-policy-2026 \u2193 soc2-2017 \u2192",
        "acme-information-security-policy-2027 \u2193 soc2-2017 \u2192",
    ]
    # Ids are cut in the middle, so the editions that tell them apart stay in view.
    assert pairs[0].startswith("acme-") and pairs[0].index("2026") < pairs[0].index(" x ") < pairs[0].index("2027")
    assert [p.endswith("2026 x soc2-2017") for p in pairs[1:]] == [True, False] and pairs[2].endswith("2027 x soc2-2017")
    columns, body = matrix(workbook, pairs[0])
    assert columns == ["1.1", "1.2"]
    assert body == {"1.1": ("Policy ownership", {}), "1.2": ("Access reviews", {"1.2": "intersects: ACME-1"})}
    assert body["1.2"][1] == xref_cells(
        "acme-information-security-policy-2026", "1.2", "acme-information-security-policy-2027",
        "--library", str(library),
    )


REASON_WORDS = {"risk-treatment": "risk treatment", "legal": "legal", "contractual": "contractual",
                "business": "best practice"}


def recorded_reasons(entry: dict) -> set[str]:
    """The reasons of a sample implementation entry, written as a list or as one `;`-separated string."""
    reasons = entry.get("reasons") or []
    if isinstance(reasons, str):
        reasons = [r.strip() for r in reasons.replace(",", ";").split(";") if r.strip()]
    assert set(reasons) <= set(REASON_WORDS), reasons
    return set(reasons)


@pytest.mark.quire
def test_statement_of_applicability(tmp_path: Path) -> None:
    path = tmp_path / "soa.xlsx"
    quire("soa", *LIBRARY, "-o", str(path))
    sheet = openpyxl.load_workbook(path)["Statement of Applicability"]
    assert [c.value for c in sheet[1]] == ["Annex A", "Control", "Theme", "Applicable", "Reason for inclusion",
                                          "Justification", "Implemented by", "Implementation status", "Evidence"]
    rows = list(sheet.iter_rows(min_row=2, values_only=True))
    assert len(rows) == 93
    assert [r[0] for r in rows][:3] == ["A.5.1", "A.5.2", "A.5.3"] and rows[-1][0] == "A.8.34"
    statuses = {e["control"]: e for e in yaml.safe_load((ROOT / "samples/library/implementation.yaml").read_text())["implementation"]}
    controls = json.loads(quire("controls", "--framework", "iso27001-2022", *LIBRARY[:2], "--format", "json"))["controls"]
    implementing: dict[str, list[str]] = {}
    for control in controls:
        for mapping in control["mappings"]:
            implementing.setdefault(mapping["requirement"].split(":", 1)[1], []).append(control["id"])
    # The GDPR articles each control maps to (not counting mappings recorded as not-related), in the
    # order of the regulation as `quire requirements gdpr` lists it.
    articles: dict[str, set[str]] = {}
    for control in json.loads(quire("controls", *LIBRARY[:2], "--format", "json"))["controls"]:
        for mapping in control["mappings"]:
            framework, article = mapping["requirement"].split(":", 1)
            if framework == "gdpr" and mapping["relationship"] != "not-related":
                articles.setdefault(control["id"], set()).add(article)
    gdpr_order = [r["id"] for r in json.loads(quire("requirements", "gdpr", "--format", "json"))["requirements"]]
    seen = {"recorded": set(), "derived": 0, "none": 0}
    tally = {"implemented": 0, "partly": 0, "not": 0, "weak": 0}
    for annex, _, _, applicable, reasons, justification, by, _, evidence in rows:
        ids = implementing.get(annex, [])
        tally["weak"] += bool(evidence and ("(expired)" in evidence or "(failing)" in evidence))
        assert sorted((by or "").split(", ")) == sorted(ids) or (not by and not ids)
        all_na = bool(ids) and all(statuses.get(c, {}).get("status") == "not-applicable" for c in ids)
        assert (applicable == "No") == all_na, annex
        if applicable == "No":
            assert justification.startswith("Excluded: ") and len(justification) > 20
            assert reasons is None, annex
            continue
        # Applicable: the reasons recorded for the implementing controls that apply, and legal where
        # one of them maps to a GDPR article; nothing else.
        counted = [c for c in dict.fromkeys(ids) if statuses.get(c, {}).get("status") != "not-applicable"]
        states = [statuses.get(c, {}).get("status") for c in counted]
        if states and all(s == "implemented" for s in states):
            tally["implemented"] += 1
        elif any(s in ("implemented", "partial") for s in states):
            tally["partly"] += 1
        else:
            tally["not"] += 1
        recorded = set().union(*(recorded_reasons(statuses.get(c, {})) for c in counted))
        laws = sorted(set().union(*(articles.get(c, set()) for c in counted)), key=gdpr_order.index)
        expected = []
        for reason, words in REASON_WORDS.items():
            if reason == "legal" and laws:
                expected.append(f"legal (GDPR {', '.join(laws)})")
            elif reason in recorded:
                expected.append(words)
        assert (reasons or "") == "; ".join(expected), annex
        seen["recorded"] |= recorded
        seen["derived"] += bool(laws and "legal" not in recorded)
        if expected:
            assert justification.startswith(f"Included for: {'; '.join(expected)}."), (annex, justification)
            assert "not recorded" not in justification
        else:
            seen["none"] += 1
            assert justification.startswith("Included: reason for inclusion not recorded."), (annex, justification)
    # The sample exercises every case: each reason recorded, legal found only through GDPR, and
    # applicable controls with no reason at all.
    assert seen["recorded"] == set(REASON_WORDS) and seen["derived"] > 0 and seen["none"] > 0, seen
    assert [v.formula1 for v in sheet.data_validations.dataValidation] == ['"Yes,No"']
    # The Summary sheet's counts, computed here from the rows and the status file.
    summary = dict(openpyxl.load_workbook(path)["Summary"].iter_rows(min_row=2, values_only=True))
    applicable = sum(r[3] == "Yes" for r in rows)
    assert summary["Annex A controls"] == 93 and summary["Applicable"] == applicable
    assert summary["Excluded"] == 93 - applicable
    assert summary["Applicable and implemented"] == tally["implemented"] > 0
    assert summary["Applicable and partly implemented"] == tally["partly"] > 0
    assert summary["Applicable and not yet implemented"] == tally["not"] > 0
    assert summary["Applicable without a recorded reason for inclusion"] == seen["none"]
    assert summary["With expired or failing evidence"] == tally["weak"] > 0
    assert summary["As of"].date().isoformat() == "2026-11-29"


@pytest.mark.quire
def test_statement_of_applicability_never_invents_a_reason(tmp_path: Path) -> None:
    """With no reasons recorded and no GDPR mapping, the reason cell stays empty and the
    justification says so; a reason recorded on a not-applicable record does not count; an
    applicable record's own justification follows."""
    library = tmp_path / "lib.yaml"
    library.write_text(
        """\
mode: replace
controls:
  - id: X-1
    title: Policies
    mappings: ["iso27001-2022:A.5.1"]
  - id: X-2
    title: Contacts
    mappings: ["iso27001-2022:A.5.5", "gdpr:Art.33"]
  - id: X-3
    title: Screening
    mappings: ["iso27001-2022:A.6.1"]
  - id: X-4
    title: Screening abroad
    mappings: ["iso27001-2022:A.6.1"]
implementation:
  - {control: X-1, status: implemented}
  - {control: X-2, status: implemented}
  - {control: X-3, status: implemented, reasons: "contractual; business", justification: Customers ask for it.}
  - {control: X-4, status: not-applicable, justification: No staff abroad., reasons: [risk-treatment]}
""",
        encoding="utf-8",
    )
    path = tmp_path / "soa.xlsx"
    quire("soa", "--library", str(library), "--as-of", "2026-11-29", "-o", str(path))
    rows = {r[0]: r for r in openpyxl.load_workbook(path).active.iter_rows(min_row=2, values_only=True)}
    assert rows["A.5.1"][3:6] == ("Yes", None, "Included: reason for inclusion not recorded. Implemented through X-1.")
    assert rows["A.5.5"][3:6] == ("Yes", "legal (GDPR Art.33)", "Included for: legal (GDPR Art.33). Implemented through X-2.")
    assert rows["A.6.1"][3:6] == ("Yes", "contractual; best practice",
                                  "Included for: contractual; best practice. Implemented through X-3, X-4. "
                                  "Customers ask for it.")
    assert rows["A.5.2"][3:6] == ("Yes", None, "Included: reason for inclusion not recorded. No control implements it yet.")
    assert not any("risk treatment" in (r[4] or "") + r[5] for r in rows.values())


@pytest.mark.quire
def test_written_workbooks_are_deterministic(tmp_path: Path) -> None:
    for name in ["a", "b"]:
        quire("soa", *LIBRARY, "-o", str(tmp_path / f"soa-{name}.xlsx"))
        quire("crosswalk", *LIBRARY, "-o", str(tmp_path / f"cw-{name}.xlsx"))
    assert (tmp_path / "soa-a.xlsx").read_bytes() == (tmp_path / "soa-b.xlsx").read_bytes()
    assert (tmp_path / "cw-a.xlsx").read_bytes() == (tmp_path / "cw-b.xlsx").read_bytes()
