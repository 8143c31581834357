"""Writes three filled vendor security questionnaires: questionnaires that suppliers sent back,
already answered, for trying and testing `quire assess`.

samples/vendors/northwind-hosting-caiq-style.xlsx
        a CAIQ-style "Assessment" sheet: title rows, the header in row 5 (Question ID, Control
        Domain, Question, Answer, Notes/Comment), 35 items. The Answer column has a Yes,No,NA
        drop-down, but the supplier answered in varying case and typed some values over it
        (Y, a boolean TRUE, "1) Yes", "Not Applicable", "Partially"); some answers are blank.
samples/vendors/fabrikam-analytics-marks.xlsx
        a SIG-Lite-like "Questionnaire" sheet with one mark column per choice (Yes, No, N/A)
        where the supplier put an X, x or check mark; section rows merged across the row; 30
        items, including unmarked rows, a row with two marks and risk-phrased questions.
samples/vendors/tailspin-payroll-freetext.csv
        a customer's own template as UTF-8 CSV (#, Requirement, Supplier Response) answered in
        free text by the supplier; 32 items.

The hand-made key samples/vendors/key.yaml says how a careful person reads each answer. It is
written by hand, not by this script; `--check` re-reads every file written here and compares each
item's id, cell and raw answer with the key.

Everything is fictitious: Northwind Hosting, Fabrikam Analytics and Tailspin Payroll, all people,
addresses (*.example) and figures are invented, and the questions are written for Quire, not copied
from CAIQ, SIG, HECVAT or any other published questionnaire. Output is deterministic: fixed
document properties and zip entry dates, no randomness.

Usage:  .venv/bin/python samples/make_vendor_questionnaires.py           # write the files
        .venv/bin/python samples/make_vendor_questionnaires.py --check   # compare with key.yaml
Requires openpyxl (and PyYAML for --check).
"""
import collections
import csv
import datetime
import io
import pathlib
import sys
import zipfile

import openpyxl
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.writer.excel import ExcelWriter

HERE = pathlib.Path(__file__).parent
OUT = HERE / "vendors"
KEY = OUT / "key.yaml"
FIXED = datetime.datetime(2026, 11, 2, 9, 0, 0)

CAIQ_FILE = "northwind-hosting-caiq-style.xlsx"
MARKS_FILE = "fabrikam-analytics-marks.xlsx"
CSV_FILE = "tailspin-payroll-freetext.csv"

BOLD = Font(bold=True)
TITLE = Font(bold=True, size=14)
HEADER_FILL = PatternFill("solid", fgColor="1F3864")
HEADER_FONT = Font(bold=True, color="FFFFFF")
SECTION_FILL = PatternFill("solid", fgColor="D9E1F2")
WRAP = Alignment(wrap_text=True, vertical="top")
CENTRE = Alignment(horizontal="center", vertical="top")
THIN = Side(style="thin", color="A6A6A6")
BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)

# --------------------------------------------------------------------------------------------
# 1. Northwind Hosting: CAIQ-style. (id, domain, question, answer, comment)
# The answer is written exactly as given; True is a boolean cell (Excel turns a typed TRUE
# into one).
# --------------------------------------------------------------------------------------------
CAIQ_ITEMS = [
    ("A&A-01.1", "Audit & Assurance",
     "Is an independent audit of your security controls carried out at least once a year?",
     "Yes", "ISO/IEC 27001 surveillance audit, most recent in June 2026."),
    ("A&A-02.1", "Audit & Assurance",
     "Are independent audit reports shared with customers on request?",
     "YES", "Under NDA."),
    ("BCR-01.1", "Business Continuity & Resilience",
     "Is a business continuity plan documented and reviewed at least annually?",
     "Yes", None),
    ("BCR-02.1", "Business Continuity & Resilience",
     "Is the disaster recovery plan tested at least once a year?",
     "Partially", "Tabletop exercise only in 2026; a full failover test is scheduled for 2027."),
    ("BCR-03.1", "Business Continuity & Resilience",
     "Are backups of customer data kept in a different region from the primary copy?",
     "Y", "Replicated nightly to a second EU region."),
    ("BCR-04.1", "Business Continuity & Resilience",
     "Are restores from backup tested at least quarterly?",
     "No", "Restore tests are run twice a year."),
    ("CEK-01.1", "Cryptography, Encryption & Key Management",
     "Is customer data encrypted at rest on all storage?",
     "Yes", "AES-256 with provider-managed keys."),
    ("CEK-02.1", "Cryptography, Encryption & Key Management",
     "Is customer data encrypted with TLS 1.2 or later whenever it crosses a public network?",
     True, None),
    ("CEK-03.1", "Cryptography, Encryption & Key Management",
     "Can customers bring and manage their own encryption keys?",
     "NO", "Provider-managed keys only."),
    ("CEK-04.1", "Cryptography, Encryption & Key Management",
     "Are encryption keys rotated at least once a year?",
     "1) Yes", None),
    ("DSP-01.1", "Data Security & Privacy",
     "Is customer data securely deleted within an agreed period after the contract ends?",
     "Yes", "Within 30 days; a deletion certificate is available on request."),
    ("DSP-02.1", "Data Security & Privacy",
     "Is production customer data ever copied into development or test environments?",
     "No", "Test environments use synthetic data only."),
    ("DSP-03.1", "Data Security & Privacy",
     "Is cardholder data stored on the platform assessed against PCI DSS?",
     "NA", "We do not store or process cardholder data."),
    ("GRC-01.1", "Governance, Risk & Compliance",
     "Has management approved an information security policy that is reviewed at least annually?",
     "Yes", None),
    ("GRC-02.1", "Governance, Risk & Compliance",
     "Is a named person accountable for information security?",
     "yes", "The Head of Security, who reports to the CTO."),
    ("HRS-01.1", "Human Resources",
     "Are background checks completed on all new employees before they get access to customer data?",
     "Yes", "UK employees only; staff hired in other countries are not yet screened."),
    ("HRS-02.1", "Human Resources",
     "Do all personnel complete security awareness training when they join and every year after?",
     "YES", None),
    ("HRS-03.1", "Human Resources",
     "Is a leaver's access removed within 24 hours of their departure?",
     None, None),
    ("IAM-01.1", "Identity & Access Management",
     "Is multi-factor authentication required for all administrative access to production systems?",
     "Yes", "Hardware security keys for production administrators."),
    ("IAM-02.1", "Identity & Access Management",
     "Are user access rights reviewed at least quarterly?",
     "No", "Access reviews are done every six months."),
    ("IAM-03.1", "Identity & Access Management",
     "Are shared or generic administrator accounts in use?",
     "No", None),
    ("IAM-04.1", "Identity & Access Management",
     "Can customers sign in to the service through their own identity provider (SSO)?",
     "Yes", "SAML 2.0 and OpenID Connect."),
    ("IVS-01.1", "Infrastructure & Virtualization Security",
     "Are production networks segregated from the corporate network?",
     "Yes", None),
    ("IVS-02.1", "Infrastructure & Virtualization Security",
     "Is physical access to your data centres reviewed at least annually?",
     "N/A", "We run on a public cloud provider and have no data centres of our own; see the "
            "provider's SOC 2 report for physical controls."),
    ("LOG-01.1", "Logging & Monitoring",
     "Are security-relevant events collected in a central log platform?",
     "Yes", None),
    ("LOG-02.1", "Logging & Monitoring",
     "Are logs retained for at least 12 months?",
     "No", "90 days online; no longer-term archive."),
    ("LOG-03.1", "Logging & Monitoring",
     "Are security alerts monitored 24x7?",
     None, "To be confirmed by our managed SOC provider."),
    ("SEF-01.1", "Security Incident Management",
     "Is there a documented incident response plan, tested at least annually?",
     "Yes", None),
    ("SEF-02.1", "Security Incident Management",
     "Will customers be told of a security incident affecting their data within 72 hours?",
     "See comment", "Please refer to section 9 of our Data Processing Agreement."),
    ("SEF-03.1", "Security Incident Management",
     "Has a security breach affected customer data in the last three years?",
     "No", None),
    ("STA-01.1", "Supply Chain Management",
     "Do you keep an up-to-date list of sub-processors that handle customer data?",
     "Yes", "Published at https://northwind-hosting.example/legal/subprocessors"),
    ("STA-02.1", "Supply Chain Management",
     "Are sub-processors' security controls assessed before onboarding and yearly after that?",
     None, None),
    ("TVM-01.1", "Threat & Vulnerability Management",
     "Is an external penetration test carried out at least annually?",
     "Yes", "Most recent test August 2026 by an independent firm; summary available under NDA."),
    ("UEM-01.1", "Universal Endpoint Management",
     "Are all company laptops protected with full-disk encryption?",
     "Yes", None),
    ("UEM-02.1", "Universal Endpoint Management",
     "Is mobile device management applied to mobile devices that access customer data?",
     "Not Applicable", "Customer data cannot be accessed from mobile devices."),
]

# --------------------------------------------------------------------------------------------
# 2. Fabrikam Analytics: per-choice mark columns. Sections of (ref, question, marks, comment);
# marks maps a choice column ("Yes", "No", "N/A") to the mark written in it.
# --------------------------------------------------------------------------------------------
MARK_CHOICES = ["Yes", "No", "N/A"]

MARKS_SECTIONS = [
    ("A. Security Governance", [
        ("A.1", "Is there a written information security policy approved by senior management?",
         {"Yes": "X"}, None),
        ("A.2", "Is the information security policy reviewed at least once a year?",
         {"Yes": "x"}, None),
        ("A.3", "Do you hold a current ISO/IEC 27001 certificate or SOC 2 Type II report?",
         {"No": "X"}, "SOC 2 Type II audit under way; report expected Q2 2027."),
    ]),
    ("B. People", [
        ("B.1", "Are new staff screened (identity, references, right to work) before they start?",
         {"Yes": "\u2713"}, None),
        ("B.2", "Do all staff sign a confidentiality agreement?",
         {"Yes": "X"}, None),
    ]),
    ("C. Access Control", [
        ("C.1", "Is multi-factor authentication enforced for remote access and for cloud "
                "administration consoles?",
         {"Yes": "X"}, None),
        ("C.2", "Do any employees share administrator accounts?",
         {"No": "X"}, None),
        ("C.3", "Are leavers' accounts disabled on their last working day?",
         {"Yes": "X"}, None),
        ("C.4", "Are privileged access rights reviewed at least quarterly?",
         {"No": "X"}, "Reviewed annually."),
        ("C.5", "Do passwords have to be at least 12 characters long?",
         {}, None),
    ]),
    ("D. Data Protection & Privacy", [
        ("D.1", "Is client data encrypted at rest?",
         {"Yes": "X"}, None),
        ("D.2", "Is client data encrypted in transit over public networks?",
         {"Yes": "\u2713"}, None),
        ("D.3", "Is client data used to train machine-learning models?",
         {"No": "X"}, "Never, under our standard terms."),
        ("D.4", "Have you appointed a Data Protection Officer or an equivalent privacy lead?",
         {"Yes": "x"}, None),
        ("D.5", "Are data subject requests (access, erasure) answered within one month?",
         {"Yes": "X"}, None),
    ]),
    ("E. Third Parties", [
        ("E.1", "Do you keep a register of sub-processors with access to client data?",
         {"Yes": "X"}, None),
        ("E.2", "Will you notify clients before engaging a new sub-processor?",
         {"Yes": "X", "No": "X"},
         "30 days' notice on Enterprise contracts; other plans are not notified in advance."),
        ("E.3", "Do sub-processor contracts include security and confidentiality obligations?",
         {"Yes": "X"}, None),
    ]),
    ("F. Operations", [
        ("F.1", "Is anti-malware protection installed on all servers and endpoints?",
         {"Yes": "X"}, None),
        ("F.2", "Are backups taken daily and kept for at least 30 days?",
         {"Yes": "X"}, None),
        ("F.3", "Are critical security patches applied within 30 days of release?",
         {"Yes": "X"}, None),
        ("F.4", "Is an independent penetration test carried out at least annually?",
         {"No": "X"}, "First external test booked for January 2027."),
        ("F.5", "Is your cardholder data environment validated as PCI DSS compliant?",
         {"N/A": "X"}, "We do not accept or store card payments."),
    ]),
    ("G. Incident Management", [
        ("G.1", "Is there an incident response plan with defined roles and escalation?",
         {"Yes": "X"}, None),
        ("G.2", "Have you had a data breach in the past 24 months?",
         {"Yes": "X"},
         "One personal data breach in March 2025 (an email sent to the wrong recipient); reported "
         "to the ICO and closed with no further action."),
        ("G.3", "Are security incidents reviewed afterwards to record lessons learned?",
         {"Yes": "X"}, None),
        ("G.4", "Will you notify clients of a confirmed breach affecting their data within 48 hours?",
         {}, None),
    ]),
    ("H. Continuity & Hosting", [
        ("H.1", "Is physical access to your data centre controlled by badge and logged?",
         {"N/A": "\u2713"}, "Hosted on AWS; we run no data centre of our own."),
        ("H.2", "Is there a business continuity plan, tested at least annually?",
         {"Yes": "X"}, None),
        ("H.3", "Is a recovery time objective defined for the service?",
         {"Yes": "x"}, "RTO 8 hours, RPO 1 hour."),
    ]),
]

# --------------------------------------------------------------------------------------------
# 3. Tailspin Payroll: free-text CSV. (#, requirement, supplier response)
# --------------------------------------------------------------------------------------------
CSV_HEADER = ["#", "Requirement", "Supplier Response"]
CSV_ITEMS = [
    ("1", "Is all customer data encrypted at rest?",
     "Yes, all customer data is encrypted with AES-256 at rest."),
    ("2", "Is multi-factor authentication enforced for all staff access to the payroll platform?",
     "Y, via Okta"),
    ("3", "Are user access rights reviewed at least quarterly?",
     "Yes - quarterly."),
    ("4", "Can we enforce single sign-on (SAML) for our users?",
     "Depends on the customer's plan."),
    ("5", "Are employee laptops encrypted?",
     "All laptops are encrypted with FileVault."),
    ("6", "Are personal devices allowed to access customer payroll data?",
     "We do not permit personal devices to access customer data; staff use company-managed laptops."),
    ("7", "Do you hold ISO/IEC 27001 certification?",
     "No. We do not currently hold ISO 27001; our controls are covered by a SOC 2 Type II report."),
    ("8", "Do you have a current SOC 2 Type II report?",
     "Yes, covering October 2025 to September 2026."),
    ("9", "Describe your backup strategy.",
     "Nightly encrypted snapshots of the production database, kept for 35 days and copied to a "
     "second AWS region; restores are tested in staging every month."),
    ("10", "Are backups restored as a test at least once a year?",
     "Yes, restore tests run monthly."),
    ("11", "Is an independent penetration test carried out at least annually?",
     "See attached SOC 2 report."),
    ("12", "Do you have a documented and tested incident response plan?",
     "Please refer to our Trust Center."),
    ("13", "Who should we contact about a security incident?",
     "security@tailspin-payroll.example, or our 24/7 line +44 20 7946 0321"),
    ("14", "Will you notify us of a personal data breach within 48 hours of becoming aware of it?",
     "Yes, within 24 hours of confirmation."),
    ("15", "Have you had a security breach involving customer data in the last three years?",
     "No."),
    ("16", "What is the name of your Data Protection Officer?",
     "Priya Raman (dpo@tailspin-payroll.example)"),
    ("17", "How many employees do you have?",
     "142"),
    ("18", "Do you comply with the UK GDPR and the EU GDPR?",
     "Compliant"),
    ("19", "Is there a data processing agreement that meets Article 28 of the GDPR?",
     "In place"),
    ("20", "Is each customer's payroll data logically separated from other customers' data?",
     "Yes, except for the legacy reporting module, which is being migrated."),
    ("21", "Is a web application firewall deployed in front of all internet-facing services?",
     "Partially: production only, staging planned"),
    ("22", "Do all systems send security logs to a central platform?",
     "Partially compliant"),
    ("23", "Are security logs retained for at least one year?",
     "Non-compliant \u2013 logs are kept for 180 days."),
    ("24", "Are you compliant with PCI DSS?",
     "Not applicable \u2013 we do not process card data."),
    ("25", "Can we use our own encryption keys (BYOK)?",
     "Not at this time; planned for Q3 2027."),
    ("26", "List the sub-processors that will have access to our data.",
     "AWS (hosting), Okta (staff identity), Zendesk (support tickets)"),
    ("27", "Where will our data be hosted?",
     "AWS eu-west-2 (London), with backups in eu-west-1 (Dublin)."),
    ("28", "Are background checks carried out on staff with access to payroll data?",
     ""),
    ("29", "If support is provided from outside the UK, are offshore staff screened to the same "
           "standard?",
     "N/A - all support staff are based in the UK."),
    ("30", "Do you hold cyber liability insurance?",
     "TBD"),
    ("31", "Are critical security patches applied within 14 days?",
     ""),
    ("32", "Is the business continuity plan tested at least annually?",
     "Yes, last tested in May 2026 (tabletop exercise)."),
]


# --------------------------------------------------------------------------------------------
# Writing
# --------------------------------------------------------------------------------------------
def save_stable(wb, path, creator, title):
    """Saves the workbook with fixed document properties and fixed zip entry dates."""
    wb.properties.creator = creator
    wb.properties.lastModifiedBy = creator
    wb.properties.title = title
    wb.properties.created = FIXED
    wb.properties.modified = FIXED
    raw = io.BytesIO()
    ExcelWriter(wb, zipfile.ZipFile(raw, "w", zipfile.ZIP_DEFLATED, allowZip64=True)).save()
    out = io.BytesIO()
    with zipfile.ZipFile(raw) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            entry = zipfile.ZipInfo(info.filename, date_time=FIXED.timetuple()[:6])
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o600 << 16
            dst.writestr(entry, src.read(info.filename))
    path.write_bytes(out.getvalue())


def header_row(ws, row, names):
    for col, name in enumerate(names, start=1):
        c = ws.cell(row=row, column=col, value=name)
        c.font = HEADER_FONT
        c.fill = HEADER_FILL
        c.alignment = Alignment(wrap_text=True, vertical="center")
        c.border = BOX


def write_caiq(path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Assessment"
    ws["A1"] = "Northwind Hosting Ltd \u2013 Cloud Security Self-Assessment"
    ws["A1"].font = TITLE
    ws["A2"] = ("Completed by: Northwind Hosting Ltd, Information Security "
                "(security@northwind-hosting.example). Version 2.1.")
    ws["A3"] = ("Answer each question with Yes, No or NA from the drop-down list and add any "
                "detail in Notes/Comment.")
    ws["A3"].font = Font(italic=True)
    header = 5
    header_row(ws, header, ["Question ID", "Control Domain", "Question", "Answer", "Notes/Comment"])
    first = header + 1
    for i, (qid, domain, question, answer, comment) in enumerate(CAIQ_ITEMS):
        r = first + i
        for col, value in enumerate([qid, domain, question, answer, comment], start=1):
            c = ws.cell(row=r, column=col, value=value)
            c.alignment = CENTRE if col == 4 else WRAP
            c.border = BOX
    last = first + len(CAIQ_ITEMS) - 1
    dv = DataValidation(type="list", formula1='"Yes,No,NA"', allow_blank=True)
    dv.showErrorMessage = False  # the supplier typed over the list in places
    dv.add(f"D{first}:D{last}")
    ws.add_data_validation(dv)
    for col, width in zip("ABCDE", (13, 30, 62, 12, 55)):
        ws.column_dimensions[col].width = width
    ws.freeze_panes = f"A{first}"
    save_stable(wb, path, "Northwind Hosting Ltd", "Cloud Security Self-Assessment")


def write_marks(path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Questionnaire"
    ws["A1"] = "Supplier Security Assessment \u2013 Lite"
    ws["A1"].font = TITLE
    ws["A2"] = ("Supplier: Fabrikam Analytics Inc. Completed by: Security team "
                "(security@fabrikam-analytics.example).")
    ws["A3"] = ("Put an X in one of the Yes / No / N/A columns for each question and use Comments "
                "for any detail.")
    ws["A3"].font = Font(italic=True)
    names = ["Ref", "Question"] + MARK_CHOICES + ["Comments"]
    header = 5
    header_row(ws, header, names)
    ncols = len(names)
    r = header + 1
    for section, items in MARKS_SECTIONS:
        c = ws.cell(row=r, column=1, value=section)
        c.font = BOLD
        for col in range(1, ncols + 1):
            ws.cell(row=r, column=col).fill = SECTION_FILL
        ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=ncols)
        r += 1
        for ref, question, marks, comment in items:
            values = [ref, question] + [marks.get(ch) for ch in MARK_CHOICES] + [comment]
            for col, value in enumerate(values, start=1):
                c = ws.cell(row=r, column=col, value=value)
                c.alignment = CENTRE if 3 <= col <= 2 + len(MARK_CHOICES) else WRAP
                c.border = BOX
            r += 1
    for col, width in zip("ABCDEF", (7, 66, 7, 7, 7, 55)):
        ws.column_dimensions[col].width = width
    ws.freeze_panes = f"A{header + 1}"
    save_stable(wb, path, "Fabrikam Analytics Inc.", "Supplier Security Assessment - Lite")


def write_csv(path):
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n")
    w.writerow(CSV_HEADER)
    for row in CSV_ITEMS:
        w.writerow(row)
    path.write_bytes(buf.getvalue().encode("utf-8"))


def write_all():
    OUT.mkdir(exist_ok=True)
    write_caiq(OUT / CAIQ_FILE)
    write_marks(OUT / MARKS_FILE)
    write_csv(OUT / CSV_FILE)
    for name in (CAIQ_FILE, MARKS_FILE, CSV_FILE):
        print(f"wrote samples/vendors/{name}")


# --------------------------------------------------------------------------------------------
# Check: re-read the files and compare every item's id, cell and raw answer with key.yaml
# --------------------------------------------------------------------------------------------
VALUES = {"yes", "no", "partial", "not-applicable", "unanswered", "text", "unclear"}
ENTRY_FIELDS = {"id", "cell", "raw", "value", "risk", "note"}


def as_raw(value):
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    return str(value)


def find_header(ws, first_name):
    for row in ws.iter_rows():
        if row[0].value == first_name:
            return row[0].row, [as_raw(c.value) for c in row]
    raise SystemExit(f"{ws.title}: no header row starting with {first_name!r}")


def read_caiq(path, sheet):
    ws = openpyxl.load_workbook(path)[sheet]
    hrow, names = find_header(ws, "Question ID")
    col = names.index("Answer") + 1
    items = []
    for r in range(hrow + 1, ws.max_row + 1):
        qid = ws.cell(row=r, column=1).value
        if qid in (None, ""):
            continue
        c = ws.cell(row=r, column=col)
        items.append((str(qid), c.coordinate, as_raw(c.value)))
    if not ws.data_validations.dataValidation:
        raise SystemExit(f"{path.name}: the Answer drop-down is missing")
    return items


def read_marks(path, sheet):
    ws = openpyxl.load_workbook(path)[sheet]
    hrow, names = find_header(ws, "Ref")
    mark_cols = [i + 1 for i, n in enumerate(names) if n in MARK_CHOICES]
    merged_rows = {r for rng in ws.merged_cells.ranges for r in range(rng.min_row, rng.max_row + 1)}
    items = []
    for r in range(hrow + 1, ws.max_row + 1):
        ref = ws.cell(row=r, column=1).value
        if ref in (None, "") or r in merged_rows:
            continue
        marked = [c for c in mark_cols if as_raw(ws.cell(row=r, column=c).value).strip()]
        cell = f"{get_column_letter(marked[0] if marked else mark_cols[0])}{r}"
        raw = "+".join(names[c - 1] for c in marked)
        items.append((str(ref), cell, raw))
    return items


def read_csv(path):
    text = path.read_bytes().decode("utf-8")
    lines = text.splitlines()
    if len(list(csv.reader(io.StringIO(text)))) != len(lines):
        raise SystemExit(f"{path.name}: a field spans lines; line numbers would not be cells")
    names = next(csv.reader([lines[0]]))
    col = names.index("Supplier Response")
    items = []
    for number, line in enumerate(lines[1:], start=2):
        row = next(csv.reader([line]))
        if not row or row[0] == "":
            continue
        items.append((row[0], f"{get_column_letter(col + 1)}{number}", row[col]))
    return items


def check():
    import yaml

    key = yaml.safe_load(KEY.read_text(encoding="utf-8"))
    failures = []
    if key.get("format") != "quire-vendor-answer-key/1":
        failures.append(f"key format is {key.get('format')!r}")
    readers = {CAIQ_FILE: lambda p, s: read_caiq(p, s),
               MARKS_FILE: lambda p, s: read_marks(p, s),
               CSV_FILE: lambda p, s: read_csv(p)}
    seen = []
    totals = collections.Counter()
    risk_total = 0
    for entry in key["files"]:
        name = entry["file"]
        seen.append(name)
        found = readers[name](OUT / name, entry.get("sheet"))
        items = entry["items"]
        expected = [(str(i["id"]), i["cell"], i["raw"]) for i in items]
        counts = collections.Counter(i["value"] for i in items)
        totals.update(counts)
        risk_total += sum(1 for i in items if i.get("risk"))
        for i in items:
            extra = set(i) - ENTRY_FIELDS
            if extra:
                failures.append(f"{name} {i['id']}: unknown fields {sorted(extra)}")
            if i["value"] not in VALUES:
                failures.append(f"{name} {i['id']}: value {i['value']!r} is not a class")
            if "risk" in i and i["risk"] is not True:
                failures.append(f"{name} {i['id']}: risk must be true or absent")
            if (i["raw"] == "") != (i["value"] == "unanswered"):
                failures.append(f"{name} {i['id']}: raw {i['raw']!r} but value {i['value']}")
        if len(found) != len(expected):
            failures.append(f"{name}: {len(found)} items in the file, {len(expected)} in the key")
        for got, want in zip(found, expected):
            if got != want:
                failures.append(f"{name}: file has {got!r}, key has {want!r}")
        ok = found == expected
        summary = ", ".join(f"{v} {counts[v]}" for v in sorted(counts))
        print(f"{name}: {len(found)} items, {'match' if ok else 'MISMATCH'} ({summary})")
    if sorted(seen) != sorted(readers):
        failures.append(f"key covers {sorted(seen)}, expected {sorted(readers)}")
    order = ["yes", "no", "partial", "not-applicable", "unanswered", "text", "unclear"]
    print("total: " + ", ".join(f"{v} {totals[v]}" for v in order)
          + f" = {sum(totals.values())} items; {risk_total} risk-phrased")
    if failures:
        for f in failures:
            print("FAIL " + f)
        raise SystemExit(1)
    print("check passed: every item's id, cell and raw answer matches key.yaml")


if __name__ == "__main__":
    if sys.argv[1:] == ["--check"]:
        check()
    elif sys.argv[1:]:
        raise SystemExit(__doc__)
    else:
        write_all()
