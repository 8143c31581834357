"""Deterministic questionnaire-like benchmark data: one XLSX (xlsxwriter) and one CSV per size.

Eight columns: ID (`IAM-02.3`), Section, Question (60-300 characters), Answer (Yes/No/N/A),
Comment, Last Reviewed (a date, number format yyyy-mm-dd), Risk Score (a number), Owner.
A header row, then N data rows. Every text cell goes to the shared-string table (xlsxwriter's
default mode; `constant_memory` would write inline strings instead). The CSV holds the same
values, with quoted commas, doubled quotes and quoted newlines.

Usage: python bench/gen_data.py [SIZE ...]     (SIZE is 1k, 20k, 200k or a plain number)
Files go to bench/data/ and are only generated when missing.
"""

from __future__ import annotations

import csv
import datetime as dt
import os
import random
import sys
from pathlib import Path

# Bump when the generated content changes, so stale files are not reused.
DATA_VERSION = 1
SEED = 20240601
SHEET_NAME = "Questions"
HEADER = ["ID", "Section", "Question", "Answer", "Comment", "Last Reviewed", "Risk Score", "Owner"]
DATA_DIR = Path(__file__).resolve().parent / "data"

SECTIONS = [
    ("A&A", "Audit & Assurance"),
    ("AIS", "Application & Interface Security"),
    ("BCR", "Business Continuity Management and Operational Resilience"),
    ("CCC", "Change Control and Configuration Management"),
    ("CEK", "Cryptography, Encryption & Key Management"),
    ("DCS", "Datacenter Security"),
    ("DSP", "Data Security and Privacy Lifecycle Management"),
    ("GRC", "Governance, Risk and Compliance"),
    ("HRS", "Human Resources"),
    ("IAM", "Identity & Access Management"),
    ("IPY", "Interoperability & Portability"),
    ("IVS", "Infrastructure & Virtualization Security"),
    ("LOG", "Logging and Monitoring"),
    ("SEF", "Security Incident Management, E-Discovery, & Cloud Forensics"),
    ("STA", "Supply Chain Management, Transparency, and Accountability"),
    ("TVM", "Threat & Vulnerability Management"),
    ("UEM", "Universal Endpoint Management"),
]

OPENERS = [
    "Do you", "Does your organization", "Is there a documented process to", "Are policies in place to",
    "Can you demonstrate that you", "Do you regularly", "Has management approved procedures to",
    "Is it possible for customers to", "Do your contracts require you to", "Are employees trained to",
]
VERBS = [
    "review", "enforce", "document", "monitor", "encrypt", "back up", "restrict", "test", "audit",
    "rotate", "revoke", "classify", "retain", "dispose of", "segregate", "approve", "log", "patch",
]
OBJECTS = [
    "privileged access to production systems", "customer data at rest and in transit",
    "cryptographic keys", "third-party service providers", "vulnerability scan results",
    "changes to the production environment", "user accounts of terminated employees",
    "audit logs", "incident response plans", "business continuity arrangements",
    "endpoint devices", "source code repositories", "data processing agreements",
    "multi-factor authentication for remote access", "network segmentation controls",
    "backups of tenant data", "security awareness training records", "the risk register",
]
QUALIFIERS = [
    "at least annually", "on a quarterly basis", "according to a documented schedule",
    "in line with ISO/IEC 27001:2022 Annex A", "as required by SOC 2 CC6.1",
    "within 24 hours of a change", "using an approved, centrally managed tool",
    "with evidence retained for 12 months", "for all regions (EU, US, APAC)",
    "including sub-processors", "and report exceptions to senior management",
    "under the \"least privilege\" principle", "— including contractors and interns",
    "for systems classified as ≥ \"Confidential\"",
]
FOLLOW_UPS = [
    " If so, describe the process, the frequency and who is accountable.",
    " Please provide evidence (e.g. a policy, a report, or a screenshot).",
    " If not, describe compensating controls, planned dates and owners.",
    "\nList: a) scope, b) frequency, c) tooling.",
    " Include the date of the most recent review, the reviewer and the outcome.",
    " Are exceptions tracked, approved, and time-limited?",
]
COMMENTS = [
    "See policy ISMS-POL-{n:03d}, section 4.2.",
    "Reviewed by the CISO; next review due in Q{q}.",
    "Applies to production only, not to staging or dev.",
    "Evidence: SOC 2 Type II report, page {n}.",
    "Yes, via SSO (Okta) with MFA enforced for all users.",
    "Partially: \"break-glass\" accounts are excluded, see ticket SEC-{n}.",
    "Handled by our cloud provider, AWS; see their SOC 2 report.",
    "Quarterly access reviews; exceptions are logged in Jira.\nOwner: IT Ops.",
    "Encryption: AES-256 at rest, TLS 1.2+ in transit.",
    "Not applicable: we do not operate our own datacenters.",
    "Planned for {y}, budget approved.",
    "Café staff badge access is out of scope — separate building.",
]
FIRST = ["Priya", "Jonas", "Amara", "Wei", "Lucía", "Tomasz", "Fatima", "Noah", "Ingrid", "Kenji"]
LAST = ["Natarajan", "Becker", "Okafor", "Zhang", "García", "Nowak", "Haddad", "Smith", "Larsen", "Sato"]


def parse_size(text: str) -> int:
    text = text.strip().lower()
    if text.endswith("k"):
        return int(float(text[:-1]) * 1000)
    if text.endswith("m"):
        return int(float(text[:-1]) * 1_000_000)
    return int(text)


def size_label(rows: int) -> str:
    if rows % 1_000_000 == 0:
        return f"{rows // 1_000_000}m"
    if rows % 1000 == 0:
        return f"{rows // 1000}k"
    return str(rows)


def paths(label: str) -> tuple[Path, Path]:
    stem = f"questionnaire-{label}.v{DATA_VERSION}"
    return DATA_DIR / f"{stem}.xlsx", DATA_DIR / f"{stem}.csv"


def make_question(rng: random.Random) -> str:
    target = rng.randint(60, 300)
    text = f"{rng.choice(OPENERS)} {rng.choice(VERBS)} {rng.choice(OBJECTS)} {rng.choice(QUALIFIERS)}?"
    while len(text) < target:
        text += rng.choice(FOLLOW_UPS)
    if len(text) > 300:
        cut = text.rfind(" ", 0, 299)
        text = text[:cut].rstrip(" ,") + "…"
    while len(text) < 60:
        text += rng.choice(FOLLOW_UPS)
    return text[:300]


def make_comment(rng: random.Random) -> str:
    if rng.random() < 0.35:
        return ""
    text = rng.choice(COMMENTS).format(n=rng.randint(1, 999), q=rng.randint(1, 4), y=rng.randint(2025, 2027))
    if rng.random() < 0.25:
        text += f" Ref: {rng.choice(['JIRA', 'SEC', 'GRC'])}-{rng.randint(1000, 99999)}, \"ack\"."
    return text


def rows(n: int):
    """Yields n data rows as Python values (str, datetime.date or None, float)."""
    rng = random.Random(SEED + n)
    # Questions repeat across rows (the same question asked for several products or regions),
    # so the shared-string table holds about a quarter as many questions as there are rows.
    pool = [make_question(rng) for _ in range(max(200, n // 4))]
    owners = [f"{f} {l}" for f in FIRST for l in LAST]
    base = dt.date(2019, 1, 1)
    produced = 0
    control = {code: 0 for code, _ in SECTIONS}
    while produced < n:
        code, section = SECTIONS[rng.randrange(len(SECTIONS))]
        control[code] += 1
        owner = rng.choice(owners)
        for sub in range(1, rng.randint(1, 8) + 1):
            if produced >= n:
                break
            question = rng.choice(pool) if rng.random() < 0.8 else make_question(rng)
            r = rng.random()
            answer = "Yes" if r < 0.6 else "No" if r < 0.8 else "N/A" if r < 0.95 else ""
            reviewed = None if rng.random() < 0.1 else base + dt.timedelta(days=rng.randint(0, 2400))
            score = round(rng.uniform(0, 10), 2)
            yield [f"{code}-{control[code]:02d}.{sub}", section, question, answer, make_comment(rng),
                   reviewed, score, owner]
            produced += 1


def write_xlsx(path: Path, n: int) -> None:
    import xlsxwriter  # only needed when generating

    tmp = path.with_suffix(".tmp.xlsx")
    # constant_memory must stay off: in that mode xlsxwriter writes inline strings, and the
    # benchmark wants a shared-string table like the questionnaires that Excel writes.
    wb = xlsxwriter.Workbook(str(tmp), {"constant_memory": False, "strings_to_formulas": False,
                                        "strings_to_urls": False, "strings_to_numbers": False})
    wb.set_properties({"title": "Quire benchmark questionnaire", "author": "quire bench",
                       "created": dt.datetime(2024, 6, 1)})
    ws = wb.add_worksheet(SHEET_NAME)
    head = wb.add_format({"bold": True, "bg_color": "#DDEBF7", "border": 1})
    wrap = wb.add_format({"text_wrap": True, "valign": "top"})
    date = wb.add_format({"num_format": "yyyy-mm-dd", "valign": "top"})
    num = wb.add_format({"num_format": "0.00", "valign": "top"})
    for col, (name, width) in enumerate(zip(HEADER, [10, 28, 70, 8, 50, 13, 10, 20])):
        ws.set_column(col, col, width)
        ws.write_string(0, col, name, head)
    ws.freeze_panes(1, 0)
    for i, row in enumerate(rows(n), start=1):
        ws.write_string(i, 0, row[0])
        ws.write_string(i, 1, row[1])
        ws.write_string(i, 2, row[2], wrap)
        if row[3]:
            ws.write_string(i, 3, row[3])
        if row[4]:
            ws.write_string(i, 4, row[4], wrap)
        if row[5] is not None:
            ws.write_datetime(i, 5, dt.datetime.combine(row[5], dt.time()), date)
        ws.write_number(i, 6, row[6], num)
        ws.write_string(i, 7, row[7])
    ws.autofilter(0, 0, n, len(HEADER) - 1)
    ws.data_validation(1, 3, n, 3, {"validate": "list", "source": ["Yes", "No", "N/A"]})
    wb.close()
    os.replace(tmp, path)


def write_csv(path: Path, n: int) -> None:
    tmp = path.with_suffix(".tmp.csv")
    with open(tmp, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)  # QUOTE_MINIMAL, CRLF line ends, like Excel's "CSV UTF-8"
        w.writerow(HEADER)
        for row in rows(n):
            reviewed = row[5].isoformat() if row[5] is not None else ""
            w.writerow([row[0], row[1], row[2], row[3], row[4], reviewed, f"{row[6]:.2f}", row[7]])
    os.replace(tmp, path)


def ensure(label: str) -> tuple[Path, Path, int]:
    """Generates the files for one size if missing; returns (xlsx, csv, data_rows)."""
    n = parse_size(label)
    label = size_label(n)
    DATA_DIR.mkdir(parents=True, exist_ok=True)
    xlsx, csvp = paths(label)
    if not xlsx.exists():
        print(f"generating {xlsx.relative_to(DATA_DIR.parent.parent)} ({n} rows)...", file=sys.stderr, flush=True)
        write_xlsx(xlsx, n)
    if not csvp.exists():
        print(f"generating {csvp.relative_to(DATA_DIR.parent.parent)} ({n} rows)...", file=sys.stderr, flush=True)
        write_csv(csvp, n)
    return xlsx, csvp, n


if __name__ == "__main__":
    for arg in sys.argv[1:] or ["1k", "20k", "200k"]:
        print(*ensure(arg))
