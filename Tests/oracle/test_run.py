"""`quire run PIPELINE.yaml` on the samples, checked with independent readers: jsonschema for the
config and run.json, openpyxl for the filled copies, Python's html.parser for the report (one
self-contained page: no external reference, a table beside every chart), and byte comparison for
determinism across --jobs."""
from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import jsonschema
import openpyxl
import pytest
import yaml
from terminal import run_on_terminal

ROOT = Path(__file__).resolve().parents[2]
SCHEMAS = ROOT / "Schemas"
pytestmark = pytest.mark.quire


def quire(*arguments: str, cwd: Path) -> subprocess.CompletedProcess:
    binary = str(Path(os.environ["QUIRE_BIN"]).resolve())
    return subprocess.run([binary, *arguments], cwd=cwd, capture_output=True, timeout=600)


@pytest.fixture()
def workspace(tmp_path: Path) -> Path:
    """The samples copied, with the pipeline config writing into out/ beside it."""
    shutil.copytree(ROOT / "samples", tmp_path / "samples", ignore=shutil.ignore_patterns("*.py"))
    config = yaml.safe_load((ROOT / "samples" / "nightly.yaml").read_text(encoding="utf-8"))
    config["output"] = "../out"
    (tmp_path / "samples" / "nightly.yaml").write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    return tmp_path


def digests(folder: Path) -> dict[str, str]:
    """Every output's hash; the history (it records when each run started) is not an output."""
    return {str(path.relative_to(folder)): hashlib.sha256(path.read_bytes()).hexdigest()
            for path in sorted(folder.rglob("*")) if path.is_file() and path.name != "history.sqlite"}


def test_the_sample_config_fits_its_schema():
    schema = json.loads((SCHEMAS / "pipeline.schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    jsonschema.validate(yaml.safe_load((ROOT / "samples" / "nightly.yaml").read_text(encoding="utf-8")), schema)


def test_a_run_writes_every_output_and_says_items_need_review(workspace):
    run = quire("run", "samples/nightly.yaml", "--quiet", cwd=workspace)
    assert run.returncode == 1, run.stderr.decode()  # done, items need review
    out = workspace / "out"
    for name in ["crosswalk.xlsx", "soa.xlsx", "vendors.xlsx", "vendors.json", "run.json", "run.md", "report.html",
                 "gaps-iso27001-2022.csv", "gaps-soc2-2017.csv"]:
        assert (out / name).is_file(), name
    summary = json.loads((out / "run.json").read_text(encoding="utf-8"))
    jsonschema.validate(summary, json.loads((SCHEMAS / "run.schema.json").read_text(encoding="utf-8")))
    questionnaires = [f for f in summary["files"] if f["kind"] == "questionnaire"]
    assert len(questionnaires) == 3 and all(f["error"] is None for f in questionnaires)
    assert summary["review"] == sum(f["review"] for f in questionnaires) > 0
    assert summary["exit"] == 1
    # Each filled copy opens, and holds answers where the review list says they were written.
    for entry in questionnaires:
        filled = out / entry["outputs"][0]
        assert filled.is_file()
        if filled.suffix == ".xlsx":
            book = openpyxl.load_workbook(filled)
            assert book.sheetnames
    # The vendors' assessment is the same as quire assess gives on the same files.
    vendors = json.loads((out / "vendors.json").read_text(encoding="utf-8"))
    assert len(vendors["vendors"]) == 3


class Page(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.references: list[str] = []
        self.tags: list[str] = []
        self.svg_titles = 0
        self.in_title = False

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        for name, value in attrs:
            if name in ("src", "href") and value and not value.startswith("#"):
                self.references.append(value)
        if tag == "title" and "svg" in self.tags:
            self.svg_titles += 1


def test_the_report_is_one_self_contained_page_with_tables_beside_its_charts(workspace):
    assert quire("run", "samples/nightly.yaml", "--quiet", cwd=workspace).returncode == 1
    page = Page()
    text = (workspace / "out" / "report.html").read_text(encoding="utf-8")
    page.feed(text)
    assert page.references == [], f"external references: {page.references}"
    assert "<script" not in text
    charts = page.tags.count("svg")
    assert charts >= 3 and page.svg_titles == charts, "every chart has a title a screen reader reads"
    assert page.tags.count("table") >= charts and page.tags.count("caption") == page.tags.count("table")
    assert page.tags.count("h1") == 1 and page.tags.count("h2") >= 4


def test_the_same_inputs_give_the_same_bytes_whatever_the_jobs(workspace):
    assert quire("run", "samples/nightly.yaml", "--quiet", "--jobs", "1", cwd=workspace).returncode == 1
    first = digests(workspace / "out")
    shutil.rmtree(workspace / "out")
    assert quire("run", "samples/nightly.yaml", "--quiet", "--jobs", "4", cwd=workspace).returncode == 1
    assert digests(workspace / "out") == first


def test_a_bad_file_is_reported_and_the_rest_still_run(workspace):
    (workspace / "samples" / "broken.xlsx").write_bytes(b"PK\x03\x04 not a workbook")
    config = yaml.safe_load((workspace / "samples" / "nightly.yaml").read_text(encoding="utf-8"))
    config["answer"]["questionnaires"].append("broken.xlsx")
    (workspace / "samples" / "nightly.yaml").write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    run = quire("run", "samples/nightly.yaml", "--quiet", cwd=workspace)
    assert run.returncode == 2, run.stderr.decode()
    assert "broken.xlsx" in run.stderr.decode()
    summary = json.loads((workspace / "out" / "run.json").read_text(encoding="utf-8"))
    failed = [f for f in summary["files"] if f["error"]]
    assert [Path(f["file"]).name for f in failed] == ["broken.xlsx"]
    assert sum(1 for f in summary["files"] if f["kind"] == "questionnaire" and not f["error"]) == 3


def test_check_names_every_problem_with_its_line_and_runs_nothing(tmp_path):
    (tmp_path / "bad.yaml").write_text(
        "format: quire-pipeline/1\nlibrary: [nope]\nanswer:\n  questionnaires: ['*.xlsx']\n  bogus: 1\n"
        "reports:\n  gaps: [iso27002]\nwhatever: 2\n",
        encoding="utf-8",
    )
    run = quire("run", "bad.yaml", "--check", cwd=tmp_path)
    assert run.returncode == 65
    errors = run.stderr.decode()
    for expected in ["bad.yaml:2:", "bad.yaml:4:", "bad.yaml:5:", "bad.yaml:7:", "bad.yaml:8:", "bogus", "iso27002"]:
        assert expected in errors, (expected, errors)
    assert not (tmp_path / "out").exists()
    ok = quire("run", str(ROOT / "samples" / "nightly.yaml"), "--check", cwd=tmp_path)
    assert ok.returncode == 0 and "stages answer, assess, crosswalk, soa, gaps" in ok.stderr.decode()


def test_write_from_is_checked_and_writes_derived_answers_from_that_confidence(workspace):
    config_path = workspace / "samples" / "nightly.yaml"
    config = yaml.safe_load(config_path.read_text(encoding="utf-8"))
    config["answer"]["write_from"] = "most"
    config_path.write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    bad = quire("run", "samples/nightly.yaml", "--check", cwd=workspace)
    assert bad.returncode == 65 and "answer.write_from \"most\" is not a confidence from 0 to 1" in bad.stderr.decode()

    def written(value):
        config["answer"].pop("write_from", None)
        if value is not None:
            config["answer"]["write_from"] = value
        config_path.write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
        shutil.rmtree(workspace / "out", ignore_errors=True)
        assert quire("run", "samples/nightly.yaml", "--quiet", cwd=workspace).returncode == 1
        summary = json.loads((workspace / "out" / "run.json").read_text(encoding="utf-8"))
        return summary

    calibrated = written(None)
    team = written(0.5)

    def to_review(summary):
        return sum(f["review"] for f in summary["files"] if f["kind"] == "questionnaire")

    # Derived answers at 0.5 and above leave review; the other review reasons still hold.
    assert 0 < to_review(team) < to_review(calibrated), (to_review(team), to_review(calibrated))


def test_history_records_each_run_and_the_diff_names_what_changed(workspace):
    """Two runs; between them one evidence item expires and one control becomes partial. The
    diff names exactly that evidence, no input change, and answers that changed cite the control
    or the evidence; the report and run.md say it too."""
    assert quire("run", "samples/nightly.yaml", "--quiet", cwd=workspace).returncode == 1
    library = workspace / "samples" / "library"
    evidence = (library / "evidence.csv").read_text(encoding="utf-8")
    line = next(row for row in evidence.splitlines() if row.startswith("EV-011,"))
    (library / "evidence.csv").write_text(evidence.replace(line, line.replace("2027-04-28", "2026-11-01")), encoding="utf-8")
    implementation = (library / "implementation.yaml").read_text(encoding="utf-8")
    old = "  - control: HR-04\n    status: implemented\n"
    assert old in implementation
    (library / "implementation.yaml").write_text(
        implementation.replace(old, "  - control: HR-04\n    status: partial\n    notes: rolling out the new course\n"),
        encoding="utf-8")
    assert quire("run", "samples/nightly.yaml", "--quiet", cwd=workspace).returncode == 1
    listed = quire("history", "samples/nightly.yaml", cwd=workspace)
    assert listed.returncode == 0 and len(listed.stdout.decode().strip().splitlines()) == 4  # header, rule, 2 runs
    diff = quire("history", "diff", "samples/nightly.yaml", cwd=workspace)
    assert diff.returncode == 0, diff.stderr.decode()
    text = diff.stdout.decode()
    sections = {}
    current = None
    for row in text.splitlines()[1:]:
        if not row.startswith("  "):
            current = row.split(" (")[0]
            sections[current] = []
        else:
            sections[current].append(row.strip())
    assert sections.get("Evidence newly expired or failing") == ["EV-011"], text
    assert "Inputs new or changed" not in sections and "Evidence live again" not in sections
    changed = sections.get("Answers changed", [])
    assert changed, text
    # Every changed answer now rests on HR-04 (or cites EV-011): found in its review list.
    cites = {}
    for review in (workspace / "out" / "answers").glob("*.review.csv"):
        import csv
        for row in csv.DictReader(review.read_text(encoding="utf-8").splitlines()):
            cites[(review.name.split(".review")[0], row["id"])] = row["cites"] + " " + row["reason"]
    for entry in changed:
        file_item = entry.split(":")[0]
        file, item = file_item.rsplit(" ", 1)
        stem = Path(file).stem
        assert any(word in cites.get((stem, item), "") for word in ("HR-04", "EV-011")), (entry, cites.get((stem, item)))
    report = (workspace / "out" / "report.html").read_text(encoding="utf-8")
    assert "Since the previous run" in report
    # Coverage over the recorded runs: one chart per framework, each with both runs in its table.
    trend = report.split("<h2>Coverage over the recorded runs</h2>")[1].split("<h2>")[0]
    assert trend.count("<svg") >= 1 and trend.count("<svg") == trend.count("<table")
    assert trend.count("<td>1</td>") == trend.count("<td>2</td>") == trend.count("<table")
    assert "EV-011" in (workspace / "out" / "run.md").read_text(encoding="utf-8")
    summary = json.loads((workspace / "out" / "run.json").read_text(encoding="utf-8"))
    jsonschema.validate(summary, json.loads((SCHEMAS / "run.schema.json").read_text(encoding="utf-8")))
    assert summary["changes"]["from"] == 1 and summary["changes"]["to"] == 2
    assert summary["changes"]["evidence_newly_expired_or_failing"] == ["EV-011"]
    assert summary["changes"]["answers_changed"] == changed
    assert summary["vendors"] and all(0 <= score <= 100 for vendor in summary["vendors"]
                                      for score in vendor["scores"].values() if score is not None)


def test_unchanged_questionnaires_are_reused_and_a_changed_one_is_answered_again(workspace):
    assert quire("run", "samples/nightly.yaml", "--quiet", cwd=workspace).returncode == 1
    first = digests(workspace / "out")
    again = quire("run", "samples/nightly.yaml", "--verbose", cwd=workspace)
    assert again.returncode == 1
    log = again.stderr.decode()
    assert "3 questionnaires unchanged since the last run: results reused" in log, log
    # The same outputs; only run.json, run.md and report.html differ, saying what changed since the
    # first run and what was reused.
    same = {name for name in first if name not in ("run.json", "run.md", "report.html")}
    reused = json.loads((workspace / "out" / "run.json").read_text(encoding="utf-8"))["files"]
    assert [entry["reused_from"] for entry in reused if entry["kind"] == "questionnaire"] == [1, 1, 1]
    assert {name: digests(workspace / "out")[name] for name in same} == {name: first[name] for name in same}
    # One questionnaire's bytes change: it alone is answered again.
    csv_file = workspace / "samples" / "initech-security-questionnaire.csv"
    csv_file.write_bytes(csv_file.read_bytes() + b"\r\n")
    third = quire("run", "samples/nightly.yaml", "--verbose", cwd=workspace).stderr.decode()
    assert "2 questionnaires unchanged" in third, third
    events = {pairs["file"]: event for _, event, pairs in log_lines(third.encode()) if "file" in pairs}
    assert events["samples/initech-security-questionnaire.csv"] == "answered", third
    assert events["samples/contoso-cloud-review.xlsx"] == "reused", third
    # The library changes: nothing is reused.
    answers = workspace / "samples" / "library" / "answers.yaml"
    answers.write_text(answers.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    implementation = workspace / "samples" / "library" / "implementation.yaml"
    implementation.write_text(implementation.read_text(encoding="utf-8").replace("owner: Security team", "owner: Security", 1),
                              encoding="utf-8")
    fourth = quire("run", "samples/nightly.yaml", "--verbose", cwd=workspace).stderr.decode()
    assert "unchanged since the last run" not in fourth, fourth


def test_a_run_killed_at_any_point_leaves_whole_outputs_and_no_half_run(workspace):
    """SIGKILL at several points of a run over 24 questionnaires: every output file left is whole
    (it opens), the history holds only finished runs, and the next run succeeds, removes the
    temporary files the killed ones left, and records exactly one more run."""
    import signal
    import time
    samples = workspace / "samples"
    names = []
    for copy in range(8):
        for source in ["globex-vendor-assessment.xlsx", "contoso-cloud-review.xlsx", "initech-security-questionnaire.csv"]:
            target = f"copy{copy}-{source}"
            shutil.copy(samples / source, samples / target)
            names.append(target)
    config = yaml.safe_load((samples / "nightly.yaml").read_text(encoding="utf-8"))
    config["answer"]["questionnaires"] = names
    (samples / "nightly.yaml").write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    binary = str(Path(os.environ["QUIRE_BIN"]).resolve())

    def runs() -> int:
        listed = quire("history", "samples/nightly.yaml", cwd=workspace)
        return len(listed.stdout.decode().strip().splitlines()) - 2 if listed.returncode == 0 else 0

    finished = 0
    for delay in [0.05, 0.15, 0.3, 0.5, 0.8, 1.2]:
        process = subprocess.Popen([binary, "run", "samples/nightly.yaml", "--quiet", "--jobs", "2"], cwd=workspace,
                                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(delay)
        process.send_signal(signal.SIGKILL)
        if process.wait() == 1:
            finished += 1  # it ended before the kill
        for path in (workspace / "out").rglob("*"):
            if path.is_file() and not path.name.startswith("."):
                if path.suffix == ".xlsx":
                    openpyxl.load_workbook(path)  # whole: a half-written workbook does not open
                elif path.suffix == ".json" and path.name != "history.sqlite":
                    json.loads(path.read_text(encoding="utf-8"))
        assert runs() == finished, "the history holds only finished runs"
    last = quire("run", "samples/nightly.yaml", "--quiet", cwd=workspace)
    assert last.returncode == 1, last.stderr.decode()
    assert runs() == finished + 1
    assert not [p for p in (workspace / "out").rglob(".*quire-*")], "temporary files swept"


LOG_LINE = __import__("re").compile(
    r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ (trace|debug|info|notice|warning|error|critical) quire\.run: "
    r"([a-z][a-z ]*?)((?: [a-z-]+=(?:\"[^\"]*\"|\S+))*)$")


def log_lines(stderr: bytes) -> list[tuple[str, str, dict[str, str]]]:
    """The swift-log lines on stderr as (level, event, pairs); other lines are the summary."""
    import shlex
    found = []
    for line in stderr.decode().splitlines():
        match = LOG_LINE.match(line)
        if match:
            pairs = dict(pair.split("=", 1) for pair in shlex.split(match.group(3)))
            found.append((match.group(1), match.group(2), pairs))
    return found


def test_without_a_terminal_a_run_logs_a_plain_line_per_file_and_quiet_silences_them(workspace):
    run = quire("run", "samples/nightly.yaml", cwd=workspace)
    assert run.returncode == 1, run.stderr.decode()
    lines = log_lines(run.stderr)
    events = [event for _, event, _ in lines]
    assert events[0] == "run started" and events[-1] == "run finished"
    answered = [pairs for _, event, pairs in lines if event == "answered"]
    summary = json.loads((workspace / "out" / "run.json").read_text(encoding="utf-8"))
    questionnaires = [entry for entry in summary["files"] if entry["kind"] == "questionnaire"]
    assert len(answered) == len(questionnaires) >= 2
    by_file = {entry["file"]: entry for entry in questionnaires}
    for pairs in answered:
        entry = by_file[pairs["file"]]
        assert int(pairs["items"]) == entry["items"] and int(pairs["written"]) == entry["answered"]
        assert float(pairs["seconds"]) >= 0
    assert all(level == "info" for level, _, _ in lines), "no debug lines without --verbose"
    finished = lines[-1][2]
    assert finished["exit"] == "1" and finished["reused"] == "0" and finished["run"] == "1"

    again = quire("run", "samples/nightly.yaml", "--verbose", cwd=workspace)
    lines = log_lines(again.stderr)
    assert sorted(pairs["file"] for _, event, pairs in lines if event == "reused") == sorted(by_file)
    assert {pairs["stage"] for level, event, pairs in lines if event == "stage done" and level == "debug"} >= {"answer", "reports"}

    quiet = quire("run", "samples/nightly.yaml", "--quiet", cwd=workspace)
    assert quiet.returncode == 1 and quiet.stderr == b""


def test_on_a_terminal_a_run_shows_a_progress_bar_and_no_log_lines(workspace):
    binary = str(Path(os.environ["QUIRE_BIN"]).resolve())
    status, output = run_on_terminal([binary, "run", "samples/nightly.yaml", "--jobs", "1"], cwd=workspace)
    assert status == 1
    text = output.decode()
    bars = [part for part in text.split("\r") if part.startswith("[")]
    assert len(bars) == 3, text  # one per questionnaire, the last full
    assert bars[-1].startswith("[" + "#" * 24 + "] 3/3 files, ")
    assert "items" in bars[-1] and "s left" in bars[-1]
    assert log_lines(output) == [] and "quire.run:" not in text


def test_a_later_day_reuses_only_what_no_expired_evidence_touched_and_equals_a_fresh_run(workspace, tmp_path_factory):
    """Answers depend on the day only through the evidence they consulted. A week on, nothing the
    answers consulted changed: all reused. Three weeks on, EV-079 has expired: the questionnaires
    that consulted it are answered again, the others reused. Either way the outputs are those of
    a fresh run on that day with no history, byte for byte."""
    assert quire("run", "samples/nightly.yaml", "--quiet", cwd=workspace).returncode == 1
    fresh = tmp_path_factory.mktemp("fresh")
    shutil.copytree(workspace / "samples", fresh / "samples")
    for day, expect_all_reused in (("2026-12-06", True), ("2026-12-21", False)):
        run = quire("run", "samples/nightly.yaml", "--as-of", day, cwd=workspace)
        assert run.returncode == 1, run.stderr.decode()
        events = {pairs["file"]: event for _, event, pairs in log_lines(run.stderr) if "file" in pairs and
                  event in ("answered", "reused")}
        assert len(events) == 3
        if expect_all_reused:
            assert set(events.values()) == {"reused"}, events
        else:
            assert "answered" in events.values() and "reused" in events.values(), events
        shutil.rmtree(fresh / "out", ignore_errors=True)
        again = quire("run", "samples/nightly.yaml", "--as-of", day, "--quiet", cwd=fresh)
        assert again.returncode == 1
        ours = {name: value for name, value in digests(workspace / "out").items() if name.startswith("answers/")}
        theirs = {name: value for name, value in digests(fresh / "out").items() if name.startswith("answers/")}
        assert ours == theirs and len(ours) == 6, day
    diff = quire("history", "diff", "samples/nightly.yaml", cwd=workspace).stdout.decode()
    assert "Evidence newly expired or failing (1):\n  EV-079" in diff, diff
