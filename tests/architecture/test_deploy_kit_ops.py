"""The rest of the deploy kit agrees with the code: monitoring filters match log events the
service really writes, deploy/firestore.sh covers firestore.indexes.json, IAM stays narrow,
the schedule runs the sweep only, and the step-by-step guide is where the README points."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
DEPLOY = ROOT / "deploy"
SOURCE = "\n".join(p.read_text() for p in (ROOT / "src" / "pyloto_corp").rglob("*.py"))
METRICS = sorted((DEPLOY / "monitoring" / "metrics").glob("*.yaml"))
ALERTS = sorted((DEPLOY / "monitoring" / "alerts").glob("*.json"))
EVENT = re.compile(r'jsonPayload\.message=(?:"([^"]+)"|\(([^)]*)\))')
FIELD = re.compile(r"jsonPayload\.(\w+)")


def _deploy_files(*suffixes: str) -> list[Path]:
    return sorted(p for p in DEPLOY.rglob("*") if p.suffix in suffixes)


@pytest.mark.parametrize("path", _deploy_files(".yaml", ".yml"), ids=lambda p: p.name)
def test_every_yaml_in_deploy_parses(path):
    assert isinstance(yaml.safe_load(path.read_text()), dict)


@pytest.mark.parametrize("path", _deploy_files(".json"), ids=lambda p: p.name)
def test_every_json_in_deploy_parses(path):
    assert isinstance(json.loads(path.read_text()), dict)


def _events(text: str) -> set[str]:
    """`message="a"` and `message=("a" OR "b")`."""
    found = set()
    for single, several in EVENT.findall(text):
        found |= {single} if single else set(re.findall(r'"([^"]+)"', several))
    return found


@pytest.mark.parametrize("path", METRICS, ids=lambda p: p.stem)
def test_metric_filters_match_events_the_service_logs(path):
    """Each event name is a string literal in src/, each field a keyword some log call uses."""
    metric = yaml.safe_load(path.read_text())
    text = metric["filter"] + " ".join(metric.get("labelExtractors", {}).values())
    assert _events(text), "a metric must name the log event it counts"
    for event in _events(text):
        assert f'"{event}"' in SOURCE, event
    for field in set(FIELD.findall(text)) - {"message"}:
        assert re.search(rf"\b{field}=", SOURCE), field


@pytest.mark.parametrize("path", ALERTS, ids=lambda p: p.stem)
def test_alerts_watch_metrics_of_the_kit(path):
    policy = json.loads(path.read_text())
    names = {p.stem for p in METRICS}
    for condition in policy["conditions"]:
        found = re.search(r"logging\.googleapis\.com/user/(\w+)", str(condition))
        assert found and found.group(1) in names
    assert policy["documentation"]["content"] and policy["severity"]


def _firestore_script() -> str:
    return (DEPLOY / "firestore.sh").read_text().replace("\\\n", " ")


def test_firestore_script_creates_every_composite_index():
    script = _firestore_script()
    for index in json.loads((ROOT / "firestore.indexes.json").read_text())["indexes"]:
        scope = index["queryScope"].lower().replace("_", "-")
        fields = [
            f"field-path={f['fieldPath']},order={f['order'].lower()}" for f in index["fields"]
        ]
        words = [f"composite {index['collectionGroup']} {scope}", *fields]
        assert re.search(r"\s+".join(map(re.escape, words)), script), words


def test_firestore_script_sets_every_ttl_and_exemption():
    script = _firestore_script()
    overrides = json.loads((ROOT / "firestore.indexes.json").read_text())["fieldOverrides"]
    ttl_loop = re.search(r"for group in ([\w ]+); do", script)
    assert ttl_loop is not None and "--enable-ttl" in script
    for override in overrides:
        group, field = override["collectionGroup"], override["fieldPath"]
        if override.get("ttl"):
            assert field == "expires_at" and group in ttl_loop.group(1).split()
        elif not override["indexes"]:
            assert f"no_index {group} {field}" in script
        else:  # collection-group scope: only the Admin API sets it
            assert f"collectionGroups/{group}/fields/{field}" in script
            assert script.count('"queryScope"') == len(override["indexes"])


def test_iam_grants_nothing_broad():
    script = (DEPLOY / "iam.sh").read_text()
    assert not re.search(r"roles/(editor|owner|storage\.admin|storage\.objectAdmin)\b", script)
    project_roles = re.search(r"for role in ([\w/. ]+); do", script)
    assert project_roles is not None
    assert set(project_roles.group(1).split()) == {"roles/datastore.user",
                                                   "roles/logging.logWriter"}  # fmt: skip
    assert "gcloud secrets add-iam-policy-binding" in script  # per secret, not per project
    assert script.count("gcloud storage buckets add-iam-policy-binding") == 3


def test_scheduler_runs_the_sweep_only():
    """`retention apply` refuses with Firestore (TTL and lifecycle rules do that job)."""
    script = (DEPLOY / "scheduler.sh").read_text()
    schedule = re.search(r'SCHEDULE="\*/(\d+) \* \* \* \*"', script)
    assert schedule and 5 <= int(schedule.group(1)) <= 15
    assert "TIME_ZONE=America/Sao_Paulo" in script and "--oauth-service-account-email" in script
    assert "jobs/$JOB:run" in script and "JOB=pyloto-sweep" in script
    assert "retention" not in (DEPLOY / "cloudrun" / "job-sweep.yaml").read_text()


def test_guide_exists_is_linked_and_covers_the_kit():
    guide = (ROOT / "docs" / "implantacao.md").read_text()
    assert "docs/implantacao.md" in (ROOT / "README.md").read_text()
    kit = [p.relative_to(ROOT).as_posix() for p in DEPLOY.rglob("*") if p.is_file()]
    shown = [path for path in kit if "/monitoring/" not in path]  # monitoring.sh lists those
    assert [path for path in shown if path not in guide] == []
    for reason in ("cpu-throttling", "minScale", "containerConcurrency", "allUsers", "/health"):
        assert reason in guide, reason
