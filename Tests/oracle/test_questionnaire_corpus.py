"""`quire inspect` on the corpus questionnaires against ground truth established by hand with openpyxl.

Run from the repository root:

    QUIRE_CORPUS=../shared/corpus QUIRE_BIN=.build/debug/quire \
        .venv/bin/python -m pytest -q Tests/oracle/test_questionnaire_corpus.py -m corpus
    QUIRE_CORPUS=../shared/corpus .venv/bin/python -m pytest Tests/oracle/test_questionnaire_corpus.py -m "not quire"
    .venv/bin/python Tests/oracle/questionnaire_truth.py ../shared/corpus     # the ground truth, readable

The workbooks are read in place from $QUIRE_CORPUS (some may not be copied into this repository:
the CISO Assistant file is AGPL, SCF is CC BY-ND, HECVAT carries EDUCAUSE's terms). Without
QUIRE_CORPUS this module defines no tests at all, so a default run has nothing to skip.

What is tested, per file
------------------------
- test_item_count: `quire inspect FILE --format json` exits 0 and lists exactly EXPECTED.count items.
- test_item[first|middle|last]: quire's items[0], items[len // 2] and items[-1] equal the expected
  item: `id`, `sheet`, `row`, `answer_cell`, `allowed_answers` and `existing_answer` exactly, and
  `question` after collapsing runs of whitespace and trimming (so a wrapped or trailing-space cell
  compares equal to its text). On a mismatch the message also says where (if anywhere) the expected
  item is in quire's list.
- test_questionnaire_sheets: the sheets quire gives status "questionnaire" are exactly the expected
  set, every other sheet of the workbook is listed with status "ignored", and nothing else is listed.
- test_truth_script_matches_literals (no quire needed): questionnaire_truth.py, which computes the
  truth with openpyxl, prints exactly the literals written below, so they are not hand-made guesses
  and can't drift from the files.

Every check fails (never skips) when quire's output differs.

How an item is defined (the same for every file)
-----------------------------------------------
An item is one question the questionnaire asks its respondent, at the row where it is asked. A row
counts as a question when the questionnaire gives it an id of its own scheme and a question text
(or, for the two question-bank tables, a non-empty question cell). Headings, repeated column
headers, instructions, guidance rows and form furniture without an id are not items. The answer cell
is where the respondent's answer goes (top-left cell of a merged answer area); allowed answers are
what the answer cell's list validation offers (blank list entries dropped), or [] for free text;
existing_answer is the answer cell's content as text, None when empty. Conventions for turning cell
values into text are in questionnaire_truth.py's docstring (a date as its date format shows it).
"""

from __future__ import annotations

import functools
import json
import os
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

ORACLE_DIR = Path(__file__).resolve().parent
REPO = ORACLE_DIR.parent.parent
TRUTH_SCRIPT = ORACLE_DIR / "questionnaire_truth.py"
QUIRE_TIMEOUT_SECONDS = 600
CORPUS = os.environ.get("QUIRE_CORPUS")
ITEM_FIELDS = ("id", "question", "sheet", "row", "answer_cell", "allowed_answers", "existing_answer")
POSITIONS = ("first", "middle", "last")


@dataclass(frozen=True)
class Expected:
    """The ground truth for one corpus workbook; `how` says how it was established."""

    file: str  # relative to $QUIRE_CORPUS
    how: str
    count: int
    questionnaire_sheets: list[str]
    ignored_sheets: list[str]
    first: dict[str, Any]
    middle: dict[str, Any]
    last: dict[str, Any]
    facts: dict[str, Any] = field(default_factory=dict)

    def item(self, position: str) -> dict[str, Any]:
        return {"first": self.first, "middle": self.middle, "last": self.last}[position]


# --- the ground truth ------------------------------------------------------------------------

HECVAT = Expected(
    file="questionnaires/hecvat/HECVAT3_OpenDSA_20220830.xlsx",
    how="""
    HECVAT Full 3.00 completed by OpenDSA (Virginia Tech). Questionnaire sheet: "HECVAT - Full".

    Script logic (questionnaire_truth.truth_hecvat): openpyxl, data_only=True; walk rows 1..285 of
    "HECVAT - Full"; a row is an item when A matches ^[A-Z]+-\\d+$ and B has text (the cached value
    of `=VLOOKUP(A7,Questions!$B$3:$C$258,2,FALSE)`, or the literal "Date" on row 3). id = A,
    question = B, answer cell = C. That gives 257 rows: DATE-01, GNRL-01..15, QUAL-01..07,
    COMP-01..05, DOCU-01..11, ITAC-01..09, THRD-01..05, CONS-01..09, APPL-01..14, AAAI-01..19,
    BCPL-01..10, CHNG-01..16, DATA-01..24, DCTR-01..17, DRPL-01..11, FIDP-01..11, PPPR-01..17,
    IH-01..04, QLAS-01..05, VULN-01..06, HIPA-01..29, PCID-01..12. Cross-check: the 256 ids of
    EDUCAUSE's hidden question bank (Questions!B3:B258) are exactly these minus DATE-01.
    Not items: title rows 1-2, the "General Information" heading and notes (4-6), "Instructions"
    (22-23), the qualifier explanation (25) and the 20 section header rows whose C is "Vendor
    Answers" (24, 33, 39, 51, 61, 67, 77, 92, 112, 123, 140, 165, 183, 195, 207, 225, 230, 236,
    243, 273). Questions with no answer yet (THRD, CONS, HIPA, PCID, DATA-11, ...) are items.

    Decisions. (1) The vendor block GNRL-01..15 (rows 7-21: vendor name, product, contacts,
    hosting regions) is items: each has a HECVAT id, is in EDUCAUSE's question bank, and takes the
    vendor's answer in C (merged C:E) — a person filling in the HECVAT answers them. (2) DATE-01
    (row 3, "Date", answer C3 = 2022-08-30) is an item too, by the same rule: it has an id of the
    same scheme, a label in B and the vendor fills in C (merged C3:E3, like the GNRL rows); the
    Analyst Report shows it as "Date Prepared". It is the one item outside the question bank; a
    reading that follows the bank instead would give 256 items and start at GNRL-01. (3) A date
    answer is written YYYY-MM-DD (C3 is a datetime shown as m/d/yyyy), as `quire cat` writes it.

    Allowed answers: C's list validations, resolved to Values!: `yes` = Values!$A$4:$A$5 (218
    items: Yes, No), `uptime` (C178:C181), and three x14 validations openpyxl does not load (read
    from the sheet XML): Values!$A$50:$A$56 on C32, Values!$C$26:$C$29 on C93:C94 ("1) Yes" ...),
    Values!$A$15:$A$19 on C172. 31 items have none (the vendor block, free-text questions such as
    COMP-01, AAAI-18/19, and PCID-12). One answer is off-list only by case: APPL-04 "no".
    Middle item: index 257 // 2 = 128 -> DATA-08 (row 148, answer "Yes").
    """,
    count=257,
    questionnaire_sheets=["HECVAT - Full"],
    ignored_sheets=[
        "Introduction",
        "Instructions",
        "Standards Crosswalk",
        "Analyst Report",
        "Analyst Reference",
        "Summary Report",
        "Crosswalk Detail",
        "Questions",
        "Values",
        "High Risk Non-Compliant",
        "Acknowledgments",
        "ChangeLog",
    ],
    first={
        "id": "DATE-01",
        "question": "Date",
        "sheet": "HECVAT - Full",
        "row": 3,
        "answer_cell": "'HECVAT - Full'!$C$3",
        "allowed_answers": [],
        "existing_answer": "8/30/2022",  # the date as its format m/d/yyyy;@ shows it
    },
    middle={
        "id": "DATA-08",
        "question": "Can the Institution extract a full or partial backup of data?",
        "sheet": "HECVAT - Full",
        "row": 148,
        "answer_cell": "'HECVAT - Full'!$C$148",
        "allowed_answers": ["Yes", "No"],
        "existing_answer": "Yes",
    },
    last={
        "id": "PCID-12",
        "question": "Include documentation describing the systems' abilities to comply with the PCI DSS and any "
        "features or capabilities of the system that must be added or changed in order to operate in compliance "
        "with the standards. ",
        "sheet": "HECVAT - Full",
        "row": 285,
        "answer_cell": "'HECVAT - Full'!$C$285",
        "allowed_answers": [],
        "existing_answer": None,
    },
)

SAMM = Expected(
    file="questionnaires/owasp-samm/SAMM_spreadsheet.xlsx",
    how="""
    OWASP SAMM 2.0.10 toolbox (blank). Questionnaire sheet: "Interview".

    Script logic (questionnaire_truth.truth_samm): openpyxl, data_only=True; walk rows 18..230 of
    "Interview"; a row is an item when the hidden column A holds a SAMM activity id matching
    ^[A-Z]-[A-Z]{2}-[A-Z]-\\d-\\d$ and D has text (cached `=INDEX('imp-questions'!F:F, ...)`).
    15 practices x 2 streams x 3 levels = 90 items. id = A, question = D, answer cell = F; the row
    below each question holds its guidance in D, and notes go in I (merged over both rows).
    Not items: the title and instructions (rows 1-8), the interview metadata form (rows 10-14:
    Organization, Team/Application, Interview Date, Team Lead, Contributors — no id, no answer
    column, above the header), the header row 17 and its 14 repeats, one per practice (31, 45,
    60, 74, 88, 103, 117, 131, 146, 160, 174, 189, 203, 217; the practice name in B or D),
    business-function rows (16 Governance, 59 Design, 102 Implementation, 145 Verification,
    188 Operations), guidance rows and blank rows.

    Allowed answers: every F cell has its own list validation whose formula is a defined name
    spelled like the id (`G_SM_A_1_1`). Resolved the way Excel does: Interview has no sheet-scoped
    name of that spelling, so the workbook-scoped one applies: 'DV-Lists'!$M$2:$M$6 on the hidden
    DV-Lists sheet (the first cell of each range is blank and dropped, leaving 4 answers). The
    Benchmark sheet has sheet-scoped names of the same spelling that are #REF!; they do not apply.
    Cross-check: for all 90 items the lists equal the answer set that imp-questions!H names in
    imp-answers. No answers are filled in (existing_answer None everywhere).

    Sheets: Roadmap repeats the 90 questions with "Current" answers copied from Interview by
    formula (=IF(ISBLANK(Interview!F18),"",Interview!F18)) and planning columns per phase — a
    planning view of the same questions, not a second questionnaire, so ignored. Benchmark is an
    export form (assessment type, region, industry; scores copied by formula), ignored. Scorecard,
    Roadmap Chart, Lookups, imp-questions, DV-Lists, imp-answers, Background Images and the
    licence sheet hold no questions to answer.
    Middle item: index 90 // 2 = 45 -> I-SD-B-1-1 (row 125).
    """,
    count=90,
    questionnaire_sheets=["Interview"],
    ignored_sheets=[
        "Attribution and License",
        "Benchmark",
        "Scorecard",
        "Roadmap",
        "Roadmap Chart",
        "Lookups",
        "imp-questions",
        "DV-Lists",
        "imp-answers",
        "Background Images",
    ],
    first={
        "id": "G-SM-A-1-1",
        "question": "Do you understand the enterprise-wide risk appetite for your applications ?",
        "sheet": "Interview",
        "row": 18,
        "answer_cell": "Interview!$F$18",
        "allowed_answers": [
            "No",
            "Yes, it covers general risks",
            "Yes, it covers organization-specific risks",
            "Yes, it covers risks and opportunities",
        ],
        "existing_answer": None,
    },
    middle={
        "id": "I-SD-B-1-1",
        "question": "Do you limit access to application secrets according to the least privilege principle?",
        "sheet": "Interview",
        "row": 125,
        "answer_cell": "Interview!$F$125",
        "allowed_answers": [
            "No",
            "Yes, for some applications",
            "Yes, for at least half of the applications",
            "Yes, for most or all of the applications",
        ],
        "existing_answer": None,
    },
    last={
        "id": "O-OM-B-3-1",
        "question": "Do you regularly evaluate the lifecycle state and support status of every software asset and "
        "underlying infrastructure component, and estimate their end of life?",
        "sheet": "Interview",
        "row": 229,
        "answer_cell": "Interview!$F$229",
        "allowed_answers": [
            "No",
            "Yes, for some of the assets",
            "Yes, for at least half of the assets",
            "Yes, for most or all of the assets",
        ],
        "existing_answer": None,
    },
)

CISO = Expected(
    file="questionnaires/ciso-assistant/example_questionnaire.xlsx",
    how="""
    CISO Assistant's example questionnaire: a framework-authoring workbook (AGPL; read in place).
    Questionnaire sheet: "fwk_content".

    Script logic (questionnaire_truth.truth_ciso): openpyxl, data_only=True; "fwk_content" has
    header row 1 (assessable, depth, ref_id, name, description, annotation, typical_evidence,
    importance, weight, implementation_groups, questions, answer, depends_on, condition, then
    [fr] translations). 15 rows have a non-empty `questions` cell (K): rows 4, 5, 6, 10, 11, 12,
    18, 19, 20, 22, 28, 29, 30, 31, 32. The cell holds one question per line, and `answer` (L)
    names the answer definition for each line (one code for all lines, or one per line). Rows 4
    (FUN.GOV.1) and 6 (FUN.GOV.3) hold 3 questions each, so there are 19 questions, one item each.
    Allowed answers: the code looked up in answ_content (id -> question_choices, one per line);
    TEXT and DATE have none ([]).

    Decisions. (1) An item is a question, not a row: row 4's three lines ("Do you have a formalized
    access control policy?" / "Is the policy reviewed annually?" / "What access control mechanisms
    are in place?") have three different answer definitions (Q1_FUN.GOV1 unique choice,
    Q2_FUN.GOV1 unique choice, Q3_FUN.GOV1 multiple choice), so one item per row can't carry its
    allowed answers; CISO Assistant's own converter (tools/convert_library_v2.py,
    inject_questions_into_node) makes one question per line too. Reading one item per row instead
    gives 15 items: first FUN.GOV.1 (its three lines), middle (index 7) 3.4 (row 19, "I can also
    show the special requirement of this section. Click "Yes""), last 5.5. (2) ids: the row's ref_id when
    the row has one question; `<ref_id>:question:<n>` (CISO Assistant's own question URN suffix)
    when it has several. (3) There is no cell to answer in (answers are given in the application
    once the framework is imported), so answer_cell and existing_answer are None. (4) Assessable
    rows without questions (FUN.GOV.4, ADV.4, 3.1, 4.2, ...), headings (depth 1-2 without
    `assessable`) and the Notes rows 34-44 are not items.

    Sheets: info (explanations), library_meta and fwk_meta (key/value metadata), imp_grp_meta /
    imp_grp_content (implementation groups), answ_meta / answ_content (answer definitions) are
    ignored.
    Middle item: index 19 // 2 = 9 -> ADV.3 (row 12).
    """,
    count=19,
    questionnaire_sheets=["fwk_content"],
    ignored_sheets=[
        "info",
        "library_meta",
        "fwk_meta",
        "imp_grp_meta",
        "imp_grp_content",
        "answ_meta",
        "answ_content",
    ],
    first={
        "id": "FUN.GOV.1:question:1",
        "question": "Do you have a formalized access control policy?",
        "sheet": "fwk_content",
        "row": 4,
        "answer_cell": None,
        "allowed_answers": ["Yes, documented and applied.", "Yes, but not formalized.", "No, no specific policy."],
        "existing_answer": None,
    },
    middle={
        "id": "ADV.3",
        "question": "Would you like to see even more advanced questions?",
        "sheet": "fwk_content",
        "row": 12,
        "answer_cell": None,
        "allowed_answers": ["Yes", "Yes!", "YES!!!"],
        "existing_answer": None,
    },
    last={
        "id": "5.5",
        "question": "Enter a date",
        "sheet": "fwk_content",
        "row": 32,
        "answer_cell": None,
        "allowed_answers": [],
        "existing_answer": None,
    },
)

SCF = Expected(
    file="questionnaires/scf/scf-2022.3.xlsx",
    how="""
    Secure Controls Framework 2022.3 (CC BY-ND: read in place, never modified), read as a question
    bank. Questionnaire sheet: "SCF 2022.3".

    Script logic (questionnaire_truth.truth_scf): openpyxl, data_only=True; header row 1 (277
    columns); find the columns headed exactly "SCF #" (C) and "SCF Control Question" (G); one item
    per row 2..1091 whose G is non-empty after trimming: 1,090 items, one per control, ids unique,
    none missing. id = C, question = G. There is no answer column: answer_cell None,
    allowed_answers [], existing_answer None. 324 questions end with whitespace (320 with a space) and 39
    hold line breaks (bulleted sub-questions, e.g. GOV-07), hence the whitespace-collapsing comparison.

    Sheets: Domains & Principles, Authoritative Sources, Evidence Request List 2022.3, Privacy
    Management 2022.3, Risk Catalog and Threat Catalog are reference tables without questions,
    ignored.
    Middle item: index 1090 // 2 = 545 -> IAC-15.6 (row 547).
    """,
    count=1090,
    questionnaire_sheets=["SCF 2022.3"],
    ignored_sheets=[
        "Domains & Principles",
        "Authoritative Sources",
        "Evidence Request List 2022.3",
        "Privacy Management 2022.3",
        "Risk Catalog",
        "Threat Catalog",
    ],
    first={
        "id": "GOV-01",
        "question": "Does the organization staff a function to centrally-govern cybersecurity and privacy controls?",
        "sheet": "SCF 2022.3",
        "row": 2,
        "answer_cell": None,
        "allowed_answers": [],
        "existing_answer": None,
    },
    middle={
        "id": "IAC-15.6",
        "question": "Does the organization disable accounts immediately upon notification for users posing a "
        "significant risk to the organization?",
        "sheet": "SCF 2022.3",
        "row": 547,
        "answer_cell": None,
        "allowed_answers": [],
        "existing_answer": None,
    },
    last={
        "id": "WEB-13",
        "question": "Does the organization detect and respond to Indicators of Compromise (IoC) for unauthorized "
        "alterations, additions, deletions or changes on websites that store, process and/or transmit sensitive "
        "/ regulated data? ",
        "sheet": "SCF 2022.3",
        "row": 1091,
        "answer_cell": None,
        "allowed_answers": [],
        "existing_answer": None,
    },
)

EXPECTED = (HECVAT, SAMM, CISO, SCF)


# --- helpers ---------------------------------------------------------------------------------


def collapse(value: Any) -> Any:
    """Runs of whitespace as one space, trimmed; anything but a string unchanged."""
    return " ".join(value.split()) if isinstance(value, str) else value


def argument_for(expected: Expected) -> str:
    """The path as passed to quire, relative to the repository root (quire runs there)."""
    return os.path.relpath(Path(CORPUS or "").resolve() / expected.file, REPO)


@dataclass(frozen=True)
class QuireRun:
    command: list[str]
    returncode: int
    stdout: bytes
    stderr: str


@functools.lru_cache(maxsize=None)
def run_inspect(quire: Path, argument: str) -> QuireRun:
    command = [str(quire), "inspect", argument, "--format", "json"]
    try:
        completed = subprocess.run(command, cwd=REPO, capture_output=True, timeout=QUIRE_TIMEOUT_SECONDS)
    except subprocess.TimeoutExpired:
        return QuireRun(command, -1, b"", f"timed out after {QUIRE_TIMEOUT_SECONDS} s")
    return QuireRun(command, completed.returncode, completed.stdout, completed.stderr.decode("utf-8", "replace"))


def inspect_json(quire: Path, expected: Expected) -> dict[str, Any]:
    """quire's JSON for a corpus file; fails the test on a non-zero exit or output that isn't JSON."""
    run = run_inspect(quire, argument_for(expected))
    if run.returncode != 0:
        pytest.fail(f"`{' '.join(run.command)}` exited {run.returncode}; stderr:\n{run.stderr[-4000:]}", pytrace=False)
    try:
        document = json.loads(run.stdout.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        message = f"`{' '.join(run.command)}`: stdout is not UTF-8 JSON ({error}): {run.stdout[:500]!r}"
        pytest.fail(message, pytrace=False)
    if not isinstance(document, dict) or not isinstance(document.get("items"), list) or not isinstance(
        document.get("sheets"), list
    ):
        message = f"{expected.file}: quire's JSON has no `items` and `sheets` lists: {str(document)[:500]}"
        pytest.fail(message, pytrace=False)
    return document


def describe(entry: Any) -> str:
    if not isinstance(entry, dict):
        return repr(entry)
    return json.dumps({key: entry.get(key) for key in ITEM_FIELDS}, ensure_ascii=False)


def item_differences(ours: Any, theirs: dict[str, Any]) -> list[str]:
    """How quire's item differs from the expected one, field by field."""
    if not isinstance(ours, dict):
        return [f"not an object: {ours!r}"]
    problems = []
    for key in ITEM_FIELDS:
        if key not in ours:
            problems.append(f"{key}: missing (expected {theirs[key]!r})")
            continue
        got, want = ours[key], theirs[key]
        if key == "question":
            if collapse(got) != collapse(want):
                problems.append(
                    f"question (whitespace collapsed):\n      quire:    {collapse(got)!r}\n"
                    f"      expected: {collapse(want)!r}"
                )
        elif got != want:
            problems.append(f"{key}: quire {got!r}, expected {want!r}")
    return problems


def where_is(items: list[Any], theirs: dict[str, Any]) -> str:
    """Where quire put the expected item, found by id or else by question text."""
    for index, entry in enumerate(items):
        if isinstance(entry, dict) and entry.get("id") == theirs["id"]:
            return f"quire has id {theirs['id']!r} at index {index}: {describe(entry)}"
    for index, entry in enumerate(items):
        if isinstance(entry, dict) and collapse(entry.get("question")) == collapse(theirs["question"]):
            return f"quire has the expected question at index {index}: {describe(entry)}"
    return f"quire has no item with id {theirs['id']!r} or the expected question"


@functools.lru_cache(maxsize=1)
def truth_json() -> dict[str, Any]:
    """questionnaire_truth.py --json on $QUIRE_CORPUS, run with this interpreter."""
    command = [sys.executable, str(TRUTH_SCRIPT), str(Path(CORPUS or "").resolve()), "--json"]
    completed = subprocess.run(command, cwd=REPO, capture_output=True, timeout=QUIRE_TIMEOUT_SECONDS)
    if completed.returncode != 0:
        message = f"`{' '.join(command)}` exited {completed.returncode}:\n{completed.stderr.decode()[-4000:]}"
        pytest.fail(message, pytrace=False)
    return json.loads(completed.stdout.decode("utf-8"))


# --- tests (only with QUIRE_CORPUS) ----------------------------------------------------------

if CORPUS:
    if not (Path(CORPUS) / "questionnaires").is_dir():
        raise pytest.UsageError(f"QUIRE_CORPUS={CORPUS}: no questionnaires/ folder there")

    FILE_PARAMS = [pytest.param(expected, id=expected.file) for expected in EXPECTED]
    ITEM_PARAMS = [
        pytest.param(expected, position, id=f"{expected.file}[{position}]")
        for expected in EXPECTED
        for position in POSITIONS
    ]

    @pytest.mark.corpus
    @pytest.mark.parametrize("expected", FILE_PARAMS)
    def test_truth_script_matches_literals(expected: Expected) -> None:
        """The literals in this file are what questionnaire_truth.py computes with openpyxl."""
        computed = truth_json().get(expected.file)
        if computed is None:
            pytest.fail(f"questionnaire_truth.py prints nothing for {expected.file}", pytrace=False)
        problems = []
        for key in ("count", "questionnaire_sheets", "ignored_sheets", *POSITIONS):
            if computed[key] != getattr(expected, key):
                problems.append(f"  {key}:\n    script:   {computed[key]!r}\n    literals: {getattr(expected, key)!r}")
        if problems:
            message = f"{expected.file}: the literals differ from questionnaire_truth.py:\n" + "\n".join(problems)
            pytest.fail(message, pytrace=False)

    @pytest.mark.corpus
    @pytest.mark.quire
    @pytest.mark.parametrize("expected", FILE_PARAMS)
    def test_item_count(expected: Expected, quire_bin: Path) -> None:
        items = inspect_json(quire_bin, expected)["items"]
        if len(items) != expected.count:
            first_ids = [entry.get("id") if isinstance(entry, dict) else entry for entry in items[:5]]
            pytest.fail(
                f"{expected.file}: quire reads {len(items)} items, expected {expected.count} "
                f"(quire's first ids: {first_ids})",
                pytrace=False,
            )

    @pytest.mark.corpus
    @pytest.mark.quire
    @pytest.mark.parametrize(("expected", "position"), ITEM_PARAMS)
    def test_item(expected: Expected, position: str, quire_bin: Path) -> None:
        items = inspect_json(quire_bin, expected)["items"]
        theirs = expected.item(position)
        if not items:
            message = f"{expected.file}: quire reads no items; expected {position} item {describe(theirs)}"
            pytest.fail(message, pytrace=False)
        index = {"first": 0, "middle": len(items) // 2, "last": len(items) - 1}[position]
        ours = items[index]
        problems = item_differences(ours, theirs)
        if problems:
            lines = [f"{expected.file}: {position} item (quire's index {index} of {len(items)}) differs:"]
            lines += [f"  {problem}" for problem in problems]
            lines += [f"  quire:    {describe(ours)}", f"  expected: {describe(theirs)}"]
            lines.append(f"  {where_is(items, theirs)}")
            pytest.fail("\n".join(lines), pytrace=False)

    @pytest.mark.corpus
    @pytest.mark.quire
    @pytest.mark.parametrize("expected", FILE_PARAMS)
    def test_questionnaire_sheets(expected: Expected, quire_bin: Path) -> None:
        sheets = inspect_json(quire_bin, expected)["sheets"]
        statuses = [(entry.get("sheet"), entry.get("status")) for entry in sheets if isinstance(entry, dict)]
        read = sorted(name for name, status in statuses if status == "questionnaire")
        ignored = sorted(name for name, status in statuses if status == "ignored")
        problems = []
        if read != sorted(expected.questionnaire_sheets):
            want = sorted(expected.questionnaire_sheets)
            problems.append(f"sheets read as questionnaires: quire {read}, expected {want}")
        if ignored != sorted(expected.ignored_sheets):
            problems.append(f"sheets ignored: quire {ignored}, expected {sorted(expected.ignored_sheets)}")
        other = [(name, status) for name, status in statuses if status not in ("questionnaire", "ignored")]
        if other or len(statuses) != len(sheets):
            problems.append(f"entries with another status or not an object: {other or sheets}")
        if problems:
            pytest.fail(f"{expected.file}:\n  " + "\n  ".join(problems), pytrace=False)
