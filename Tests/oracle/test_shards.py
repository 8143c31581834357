"""Runs beyond one machine: `quire run --shard K/N --run-id ID` in concurrent processes, then
`--assemble ID`, against the SQLite history and (when QUIRE_TEST_POSTGRES names a server, as
`make test-shards` arranges) against PostgreSQL.

What a sharded run writes must be what one process writes: the filled files and review lists,
the crosswalk, SoA, gap lists and vendor workbooks byte for byte, and the summary and report with
only times and run numbers differing. A shard killed midway and run again, or run twice at once,
changes nothing (a shard is idempotent: it replaces what it recorded before); a run assembled
with shards missing says so, or names them with --allow-missing. PostgreSQL credentials come
from the environment only and are never printed.
"""
from __future__ import annotations

import json
import os
import re
import secrets
import shutil
import signal
import subprocess
import time
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.quire
POSTGRES = os.environ.get("QUIRE_TEST_POSTGRES")
BACKENDS = ["sqlite"] + ([pytest.param("postgres", marks=pytest.mark.postgres)] if POSTGRES else [])
COPIES = 4  # each sample questionnaire this many times, under other names: 12 questionnaires to share


def binary() -> str:
    return str(Path(os.environ["QUIRE_BIN"]).resolve())


def quire(*arguments: str, cwd: Path, env: dict | None = None, timeout: float = 600) -> subprocess.CompletedProcess:
    return subprocess.run([binary(), *arguments], cwd=cwd, capture_output=True, timeout=timeout,
                          env={**os.environ, **(env or {})})


def new_database() -> str:
    """A fresh PostgreSQL database on the test server; its URL (no password)."""
    name = "quire_" + secrets.token_hex(6)
    psql = Path(os.environ.get("QUIRE_TEST_POSTGRES_BIN", "/usr/bin")) / "psql"
    subprocess.run([str(psql), POSTGRES.split("?")[0], "-q", "-c", f"CREATE DATABASE {name}"], check=True,
                   capture_output=True)
    base, _, query = POSTGRES.partition("?")
    return base.rsplit("/", 1)[0] + "/" + name + ("?" + query if query else "")


def workspace(folder: Path, backend: str) -> Path:
    """The samples with each questionnaire copied COPIES times, the history on `backend`."""
    shutil.copytree(ROOT / "samples", folder / "samples", ignore=shutil.ignore_patterns("*.py"))
    config = yaml.safe_load((folder / "samples" / "nightly.yaml").read_text(encoding="utf-8"))
    names = []
    for source in config["answer"]["questionnaires"]:
        names.append(source)
        for copy in range(1, COPIES):
            target = f"copy{copy}-{Path(source).name}"
            shutil.copy(folder / "samples" / source, folder / "samples" / target)
            names.append(target)
    config["answer"]["questionnaires"] = names
    if backend == "postgres":
        config["history"] = new_database()
    (folder / "samples" / "nightly.yaml").write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    return folder


def shards(folder: Path, key: str, count: int = 3, only: list[int] | None = None) -> list[subprocess.CompletedProcess]:
    """Runs shards (all, or `only`) at once, each its own process; waits for all."""
    processes = [subprocess.Popen([binary(), "run", "samples/nightly.yaml", "--shard", f"{k}/{count}", "--run-id", key,
                                   "--jobs", "1"], cwd=folder, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
                 for k in (only or range(1, count + 1))]
    results = []
    for process in processes:
        out, err = process.communicate(timeout=600)
        results.append(subprocess.CompletedProcess(process.args, process.returncode, out, err))
    return results


TIMES = re.compile(rb"\d+(\.\d+)? ?(s|seconds|ms)\b|\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ")


def outputs(folder: Path) -> dict[str, bytes]:
    found = {}
    for path in sorted((folder / "out").rglob("*")):
        if path.is_file() and path.name != "history.sqlite":
            data = path.read_bytes()
            if path.name in ("run.json", "run.md", "report.html"):
                data = TIMES.sub(b"<time>", data)
            found[str(path.relative_to(folder / "out"))] = data
    return found


@pytest.fixture(scope="module")
def single(tmp_path_factory) -> dict[str, bytes]:
    """One process, one machine: what the sharded runs must equal."""
    folder = workspace(tmp_path_factory.mktemp("single"), "sqlite")
    run = quire("run", "samples/nightly.yaml", "--quiet", cwd=folder)
    assert run.returncode == 1, run.stderr.decode()
    result = outputs(folder)
    assert sum(1 for name in result if name.endswith(".filled.xlsx") or name.endswith(".filled.csv")) == 3 * COPIES
    return result


def assert_same(single: dict[str, bytes], folder: Path) -> None:
    sharded = outputs(folder)
    assert sorted(sharded) == sorted(single)
    differing = [name for name in single if single[name] != sharded[name]]
    assert differing == [], differing


@pytest.mark.parametrize("backend", BACKENDS)
def test_three_concurrent_shards_and_the_assembly_equal_one_process(tmp_path, backend, single):
    folder = workspace(tmp_path, backend)
    results = shards(folder, "nightly-1")
    # A shard exits as a run does: 1 when some of its answers need review, 0 when none do.
    assert all(r.returncode in (0, 1) for r in results), [r.stderr.decode()[-500:] for r in results]
    answered = [int(re.search(rb"(\d+) questionnaires? \(", r.stderr).group(1)) for r in results]
    assert sum(answered) == 3 * COPIES and all(answered), answered
    assembled = quire("run", "samples/nightly.yaml", "--assemble", "nightly-1", cwd=folder)
    assert assembled.returncode == 1, assembled.stderr.decode()
    assert_same(single, folder)
    summary = json.loads((folder / "out" / "run.json").read_text(encoding="utf-8"))
    assert len([f for f in summary["files"] if f["kind"] == "questionnaire"]) == 3 * COPIES
    listed = quire("history", "samples/nightly.yaml", cwd=folder).stdout.decode().splitlines()
    assert len(listed) == 3, listed  # the header, its rule, and the one run: the shards are not runs


@pytest.mark.parametrize("backend", BACKENDS)
def test_a_shard_killed_midway_and_run_again_gives_the_same_result(tmp_path, backend, single):
    folder = workspace(tmp_path, backend)
    assert all(r.returncode in (0, 1) for r in shards(folder, "n", only=[1, 3]))
    # Killed at several points of its work: each time it is recorded whole (it finished first) or
    # not at all, and the run cannot be assembled without it.
    for delay in (0.05, 0.2, 0.4, 0.8):
        process = subprocess.Popen([binary(), "run", "samples/nightly.yaml", "--shard", "2/3", "--run-id", "n",
                                    "--quiet"], cwd=folder, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(delay)
        process.send_signal(signal.SIGKILL)
        process.wait()
        listed = quire("history", "shards", "samples/nightly.yaml", "n", cwd=folder)
        text = listed.stdout.decode()
        # Killed before its transaction committed, or after: never in between.
        assert (listed.returncode, "all 3 recorded" in text, "missing: 2 of 3" in text) in [(0, True, False),
                                                                                               (1, False, True)], text
        if listed.returncode == 1:
            refused = quire("run", "samples/nightly.yaml", "--assemble", "n", cwd=folder)
            assert refused.returncode == 64 and "shard 2 of 3 is not recorded" in refused.stderr.decode()
    again = shards(folder, "n", only=[2])
    assert again[0].returncode in (0, 1), again[0].stderr.decode()
    assembled = quire("run", "samples/nightly.yaml", "--assemble", "n", "--quiet", cwd=folder)
    assert assembled.returncode == 1, assembled.stderr.decode()
    assert_same(single, folder)


@pytest.mark.parametrize("backend", BACKENDS)
def test_two_shards_given_the_same_k_are_idempotent(tmp_path, backend, single):
    """Shard 1 run twice at once, and again after: each replaces what it recorded, so the run
    holds it once and assembles to what one process writes."""
    folder = workspace(tmp_path, backend)
    results = shards(folder, "twice", only=[1, 1, 2, 3])
    assert all(r.returncode in (0, 1) for r in results), [r.stderr.decode()[-400:] for r in results]
    assert shards(folder, "twice", only=[1])[0].returncode in (0, 1)
    assembled = quire("run", "samples/nightly.yaml", "--assemble", "twice", "--quiet", cwd=folder)
    assert assembled.returncode == 1, assembled.stderr.decode()
    assert_same(single, folder)
    summary = json.loads((folder / "out" / "run.json").read_text(encoding="utf-8"))
    files = [f["file"] for f in summary["files"] if f["kind"] == "questionnaire"]
    assert len(files) == len(set(files)) == 3 * COPIES
    # Once assembled, the run is closed: a late shard is refused, as is another N.
    late = quire("run", "samples/nightly.yaml", "--shard", "2/3", "--run-id", "twice", cwd=folder)
    assert late.returncode == 64 and "already assembled" in late.stderr.decode(), late.stderr.decode()
    other = quire("run", "samples/nightly.yaml", "--shard", "1/4", "--run-id", "other", "--quiet", cwd=folder)
    assert other.returncode in (0, 1), other.stderr.decode()
    wrong = quire("run", "samples/nightly.yaml", "--shard", "2/3", "--run-id", "other", cwd=folder)
    assert wrong.returncode == 64 and "started in 4 shards, not 3" in wrong.stderr.decode(), wrong.stderr.decode()


@pytest.mark.parametrize("backend", BACKENDS)
def test_missing_shards_stop_the_assembly_unless_allowed_and_are_named(tmp_path, backend):
    folder = workspace(tmp_path, backend)
    assert all(r.returncode in (0, 1) for r in shards(folder, "part", only=[1]))
    refused = quire("run", "samples/nightly.yaml", "--assemble", "part", cwd=folder)
    assert refused.returncode == 64, refused.stderr.decode()
    assert "shards 2, 3 of 3 are not recorded" in refused.stderr.decode()
    assert not (folder / "out" / "run.json").exists(), "a refused assembly writes nothing"
    started = time.monotonic()
    waited = quire("run", "samples/nightly.yaml", "--assemble", "part", "--wait", "1", cwd=folder)
    assert waited.returncode == 64 and time.monotonic() - started >= 1
    allowed = quire("run", "samples/nightly.yaml", "--assemble", "part", "--allow-missing", cwd=folder)
    assert allowed.returncode == 2, allowed.stderr.decode()  # some inputs not answered
    summary = json.loads((folder / "out" / "run.json").read_text(encoding="utf-8"))
    failed = [f for f in summary["files"] if f.get("error")]
    assert failed and all("its shard (" in f["error"] and "was not recorded" in f["error"] for f in failed)
    report = (folder / "out" / "run.md").read_text(encoding="utf-8")
    assert "was not recorded" in report
    nothing = quire("run", "samples/nightly.yaml", "--assemble", "never", cwd=folder)
    assert nothing.returncode == 64 and "no shard of run never is recorded" in nothing.stderr.decode()


def test_the_shard_comes_from_the_environment_of_an_indexed_job(tmp_path, single):
    """Kubernetes gives JOB_COMPLETION_INDEX from 0; QUIRE_RUN_ID stands for --run-id."""
    folder = workspace(tmp_path, "sqlite")
    for index in range(3):
        run = quire("run", "samples/nightly.yaml", "--shards", "3", "--quiet", cwd=folder,
                    env={"JOB_COMPLETION_INDEX": str(index), "QUIRE_RUN_ID": "k8s"})
        assert run.returncode in (0, 1), run.stderr.decode()
    assembled = quire("run", "samples/nightly.yaml", "--assemble", "k8s", "--quiet", cwd=folder)
    assert assembled.returncode == 1, assembled.stderr.decode()
    assert_same(single, folder)
    unset = quire("run", "samples/nightly.yaml", "--shards", "3", cwd=folder)
    assert unset.returncode == 64 and "JOB_COMPLETION_INDEX" in unset.stderr.decode()
    no_id = quire("run", "samples/nightly.yaml", "--shard", "1/3", cwd=folder)
    assert no_id.returncode == 64 and "--run-id" in no_id.stderr.decode()


def test_the_shares_follow_the_bytes_not_the_listing_order(tmp_path):
    """The same files listed in another order fall into the same shards."""
    folder = workspace(tmp_path, "sqlite")
    first = shards(folder, "a")
    config_path = folder / "samples" / "nightly.yaml"
    config = yaml.safe_load(config_path.read_text(encoding="utf-8"))
    config["answer"]["questionnaires"] = list(reversed(config["answer"]["questionnaires"]))
    config_path.write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    second = shards(folder, "b")

    def counts(results):
        return [int(re.search(rb"(\d+) questionnaires? \(", r.stderr).group(1)) for r in results]

    assert counts(first) == counts(second)


# Generated only when a server is given (make test-shards starts one; .ci/run runs it).
if POSTGRES:
    @pytest.mark.postgres
    def test_postgres_credentials_come_from_the_environment_only_and_are_never_printed(tmp_path):
        password = os.environ["PGPASSWORD"]
        folder = workspace(tmp_path, "postgres")
        config_path = folder / "samples" / "nightly.yaml"
        config = yaml.safe_load(config_path.read_text(encoding="utf-8"))
        url = config["history"]
        config["history"] = url.replace("quire@", f"quire:{password}@")
        config_path.write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
        in_config = quire("run", "samples/nightly.yaml", "--verbose", cwd=folder)
        assert in_config.returncode == 64
        assert "PGPASSWORD" in in_config.stderr.decode() and password not in in_config.stderr.decode()
        config["history"] = url
        config_path.write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
        wrong = quire("run", "samples/nightly.yaml", "--verbose", cwd=folder, env={"PGPASSWORD": "not-" + password})
        assert wrong.returncode == 74 and "password authentication failed" in wrong.stderr.decode()
        assert password not in (wrong.stderr + wrong.stdout).decode()
        right = quire("run", "samples/nightly.yaml", "--verbose", cwd=folder)
        assert right.returncode == 1, right.stderr.decode()
        for path in (folder / "out").rglob("*"):
            if path.is_file():
                assert password.encode() not in path.read_bytes(), path
        assert password not in (right.stderr + right.stdout).decode()


def deployment_outputs(folder: Path) -> dict[str, bytes]:
    """What the deployment writes, but what names its config and the paths relative to it (the
    deployment's config lives in deploy/, the samples' in samples/): the answers, the reports,
    and the vendors' assessment with the paths made alike (its workbook, which holds them
    compressed, is left out)."""
    found = {}
    for name, data in outputs(folder).items():
        if name in ("run.json", "run.md", "report.html", "vendors.xlsx"):
            continue
        found[name] = data.replace(b"deploy/../samples/", b"samples/") if name == "vendors.json" else data
    return found


def one_process_over_the_samples(folder: Path) -> dict[str, bytes]:
    shutil.copytree(ROOT / "samples", folder / "samples", ignore=shutil.ignore_patterns("*.py"))
    run = quire("run", "samples/nightly.yaml", "--quiet", cwd=folder)
    assert run.returncode == 1, run.stderr.decode()
    return deployment_outputs(folder)


def deployment_copy(folder: Path) -> Path:
    shutil.copytree(ROOT / "samples", folder / "samples", ignore=shutil.ignore_patterns("*.py"))
    shutil.copytree(ROOT / "deploy", folder / "deploy")
    return folder


if POSTGRES:
    @pytest.mark.postgres
    def test_the_kubernetes_cronjobs_run_the_samples_in_three_shards_and_assemble(tmp_path):
        """The manifests' own commands, run as Kubernetes would run them: three pods of an
        Indexed Job at once (JOB_COMPLETION_INDEX 0 to 2), and the assembly waiting for them."""
        manifests = list(yaml.safe_load_all((ROOT / "deploy" / "kubernetes" / "quire-nightly.yaml").read_text()))
        shards_job, assemble_job = [m["spec"]["jobTemplate"]["spec"] for m in manifests]
        assert shards_job["completionMode"] == "Indexed" and shards_job["completions"] == shards_job["parallelism"] == 3
        assert manifests[0]["spec"]["schedule"] == manifests[1]["spec"]["schedule"]

        def container(job):
            spec = job["template"]["spec"]["containers"][0]
            secrets = {e["name"]: e["valueFrom"]["secretKeyRef"]["key"] for e in spec["env"]}
            assert secrets == {"QUIRE_HISTORY": "url", "PGPASSWORD": "password"}  # from a Secret, not the manifest
            return spec["command"]

        folder = deployment_copy(tmp_path / "work")
        environment = {"QUIRE_HISTORY": new_database(), "PATH": f"{Path(binary()).parent}:{os.environ['PATH']}"}
        assembling = subprocess.Popen(container(assemble_job), cwd=folder, env={**os.environ, **environment},
                                      stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        pods = [subprocess.Popen(container(shards_job), cwd=folder,
                                 env={**os.environ, **environment, "JOB_COMPLETION_INDEX": str(index)},
                                 stdout=subprocess.PIPE, stderr=subprocess.PIPE) for index in range(3)]
        for pod in pods:
            _, err = pod.communicate(timeout=600)
            assert pod.returncode in (0, 1), err.decode()
        _, err = assembling.communicate(timeout=600)
        assert assembling.returncode == 1, err.decode()
        assert deployment_outputs(folder) == one_process_over_the_samples(tmp_path / "single")

    @pytest.mark.postgres
    def test_the_ci_matrix_workflow_runs_the_samples_in_three_shards_and_assembles(tmp_path):
        """The workflow's own steps, the matrix expanded: three shard jobs at once, each on a
        fresh copy of the repository (as runners are), their answers gathered, then the assembly."""
        workflow = yaml.safe_load((ROOT / "deploy" / "github-actions" / "quire-nightly.yml").read_text())
        jobs = workflow["jobs"]
        assert jobs["shard"]["strategy"]["matrix"]["shard"] == [1, 2, 3] and jobs["assemble"]["needs"] == "shard"
        assert "${{ secrets.PGPASSWORD }}" == workflow["env"]["PGPASSWORD"]

        def step(job, name):
            script = next(s["run"] for s in jobs[job]["steps"] if s.get("name") == name)
            return script.replace(".build/release/quire", binary())

        environment = {**os.environ, "QUIRE_HISTORY": new_database(), "QUIRE_RUN_ID": "nightly-42-1"}
        runners = [deployment_copy(tmp_path / f"runner-{shard}") for shard in (1, 2, 3)]
        running = [subprocess.Popen(["sh", "-e", "-c", step("shard", "answer this shard")
                                     .replace("${{ matrix.shard }}", str(shard))], cwd=runner, env=environment,
                                    stdout=subprocess.PIPE, stderr=subprocess.PIPE)
                   for shard, runner in zip((1, 2, 3), runners)]
        for process in running:
            _, err = process.communicate(timeout=600)
            assert process.returncode == 0, err.decode()
        assembler = deployment_copy(tmp_path / "assembler")
        for runner in runners:  # download-artifact, merge-multiple
            shutil.copytree(runner / "out" / "answers", assembler / "out" / "answers", dirs_exist_ok=True)
        assembled = subprocess.run(["sh", "-e", "-c", step("assemble", "assemble the run")], cwd=assembler,
                                   env=environment, capture_output=True, timeout=600)
        assert assembled.returncode == 0, assembled.stderr.decode()
        assert "not in " not in assembled.stderr.decode(), "every shard's answers were gathered"
        assert deployment_outputs(assembler) == one_process_over_the_samples(tmp_path / "single")
