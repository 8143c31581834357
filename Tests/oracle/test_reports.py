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


@pytest.mark.quire
def test_crosswalk_workbook(tmp_path: Path) -> None:
    path = tmp_path / "crosswalk.xlsx"
    quire("crosswalk", "--frameworks", "soc2-2017,iso27001-2022,gdpr", *LIBRARY, "-o", str(path))
    workbook = openpyxl.load_workbook(path)
    assert workbook.sheetnames == ["Controls", "soc2-2017 x iso27001-2022", "soc2-2017 x gdpr",
                                   "iso27001-2022 x gdpr", "Coverage", "Gaps"]
    # Coverage adds up to each framework's requirement count as `quire frameworks` gives it.
    counts = {f["id"]: f["requirements"] for f in json.loads(quire("frameworks", "--format", "json"))["frameworks"]}
    rows = list(workbook["Coverage"].iter_rows(min_row=2, values_only=True))
    for framework, total, covered, partly, missing, percent in rows:
        assert total == counts[framework] == covered + partly + missing
        assert percent == pytest.approx(round(covered / total * 100, 1))
    # The pair sheet holds what `quire xref` derives, requirement by requirement.
    pair = workbook["soc2-2017 x iso27001-2022"]
    derived: dict[str, set[tuple[str, str]]] = {}
    for soc2, _, iso, _, relationship, _ in pair.iter_rows(min_row=2, values_only=True):
        derived.setdefault(soc2, set()).add((iso, relationship))
    for criterion in ["CC6.1", "CC7.2", "A1.2", "P4.3"]:
        xref = json.loads(quire("xref", f"soc2-2017:{criterion}", "--to", "iso27001-2022", *LIBRARY[:2], "--format", "json"))
        expected = {(c["requirement"].split(":", 1)[1], c["relationship"]) for c in xref["correspondences"]}
        assert derived.get(criterion, set()) == expected, criterion
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
def test_statement_of_applicability(tmp_path: Path) -> None:
    path = tmp_path / "soa.xlsx"
    quire("soa", *LIBRARY, "-o", str(path))
    sheet = openpyxl.load_workbook(path)["Statement of Applicability"]
    rows = list(sheet.iter_rows(min_row=2, values_only=True))
    assert len(rows) == 93
    assert [r[0] for r in rows][:3] == ["A.5.1", "A.5.2", "A.5.3"] and rows[-1][0] == "A.8.34"
    statuses = {e["control"]: e for e in yaml.safe_load((ROOT / "samples/library/implementation.yaml").read_text())["implementation"]}
    controls = json.loads(quire("controls", "--framework", "iso27001-2022", *LIBRARY[:2], "--format", "json"))["controls"]
    implementing: dict[str, list[str]] = {}
    for control in controls:
        for mapping in control["mappings"]:
            implementing.setdefault(mapping["requirement"].split(":", 1)[1], []).append(control["id"])
    for annex, _, _, applicable, justification, by, _, _ in rows:
        ids = implementing.get(annex, [])
        assert sorted((by or "").split(", ")) == sorted(ids) or (not by and not ids)
        all_na = bool(ids) and all(statuses.get(c, {}).get("status") == "not-applicable" for c in ids)
        assert (applicable == "No") == all_na, annex
        if applicable == "No":
            assert justification.startswith("Excluded: ") and len(justification) > 20
    assert [v.formula1 for v in sheet.data_validations.dataValidation] == ['"Yes,No"']


@pytest.mark.quire
def test_written_workbooks_are_deterministic(tmp_path: Path) -> None:
    for name in ["a", "b"]:
        quire("soa", *LIBRARY, "-o", str(tmp_path / f"soa-{name}.xlsx"))
        quire("crosswalk", *LIBRARY, "-o", str(tmp_path / f"cw-{name}.xlsx"))
    assert (tmp_path / "soa-a.xlsx").read_bytes() == (tmp_path / "soa-b.xlsx").read_bytes()
    assert (tmp_path / "cw-a.xlsx").read_bytes() == (tmp_path / "cw-b.xlsx").read_bytes()
