"""The Cloud Run kit (deploy/cloudrun) starts: rendered with sample values, the service and
the sweep job pass the same configuration check `pyloto-corp serve` runs (zero trust on)."""

from __future__ import annotations

import hashlib
import os
import re
import subprocess
from pathlib import Path
from typing import Any

import pytest
import yaml
from fastapi.testclient import TestClient
from pydantic import SecretStr

from pyloto_corp.bootstrap import build_app
from pyloto_corp.infra.settings import Settings
from tests.conftest import make_settings

ROOT = Path(__file__).resolve().parents[2]
CLOUDRUN = ROOT / "deploy" / "cloudrun"
SETTINGS = {name.upper() for name in Settings.model_fields}
ZERO_TRUST_SECRETS = {
    "WHATSAPP_ACCESS_TOKEN", "WHATSAPP_WEBHOOK_SECRET", "WHATSAPP_VERIFY_TOKEN", "PEPPER_SECRET",
}  # fmt: skip
SECRET_VALUE = hashlib.sha256(b"deploy-kit").hexdigest()  # as `openssl rand -hex 32` gives
OPS_KEYS = "juridico:" + hashlib.sha256(b"sample").hexdigest()  # `pyloto-corp ops-key` format
SAMPLE = {
    "PROJECT_ID": "pyloto-prod", "REGION": "southamerica-east1",
    "IMAGE": "southamerica-east1-docker.pkg.dev/pyloto-prod/pyloto/pyloto-corp:v1",
    "RUNTIME_SA": "pyloto-corp-run@pyloto-prod.iam.gserviceaccount.com",
    "BUCKET_MEDIA": "pyloto-prod-midia", "BUCKET_EXPORTS": "pyloto-prod-exports",
    "FIRESTORE_DATABASE": "(default)", "REDIS_HOST": "10.0.0.3", "VPC_NETWORK": "default",
    "VPC_SUBNET": "default", "WHATSAPP_PHONE_NUMBER_ID": "123456789012345",
}  # fmt: skip
DESTINATIONS = {
    "webhook": {"HANDOFF_WEBHOOK_URL": "https://n8n.pyloto.com.br/webhook/leads",
                "CHATWOOT_BASE_URL": "", "CHATWOOT_ACCOUNT_ID": "0", "CHATWOOT_INBOX_ID": "0"},
    "chatwoot": {"HANDOFF_WEBHOOK_URL": "", "CHATWOOT_BASE_URL": "https://chat.pyloto.com.br",
                 "CHATWOOT_ACCOUNT_ID": "7", "CHATWOOT_INBOX_ID": "3"},
}  # fmt: skip


def render(name: str, backend: str = "webhook") -> dict[str, Any]:
    """deploy/render.sh fills the placeholders exactly as the docs tell the operator to."""
    env = {"PATH": os.environ["PATH"], "HANDOFF_BACKEND": backend}
    env.update(SAMPLE, **DESTINATIONS[backend])
    result = subprocess.run(["bash", str(ROOT / "deploy" / "render.sh"), str(CLOUDRUN / name)],
                            env=env, capture_output=True, text=True, check=True)  # fmt: skip
    return yaml.safe_load(result.stdout)


def pod_spec(document: dict[str, Any]) -> dict[str, Any]:
    template = document["spec"]["template"]
    return template["spec"]["template"]["spec"] if document["kind"] == "Job" else template["spec"]


def container_env(document: dict[str, Any]) -> dict[str, dict[str, Any]]:
    (container,) = pod_spec(document)["containers"]
    return {item["name"]: item for item in container["env"]}


def dockerfile_env() -> dict[str, str]:
    block = re.search(r"^ENV (.*?)\n(?=\S)", (ROOT / "Dockerfile").read_text(), re.M | re.S)
    assert block is not None
    return {k: v for k, v in re.findall(r"(\w+)=(\S+)", block.group(1)) if k in SETTINGS}


@pytest.fixture
def clean_env(monkeypatch):
    """Settings are built from the YAML alone, never from this machine's environment."""
    for name in SETTINGS:
        monkeypatch.delenv(name, raising=False)


def test_render_refuses_an_unset_variable(tmp_path):
    template = tmp_path / "t.yaml"
    template.write_text('a: "${PROJECT_ID}"\nb: "${NOT_EXPORTED}"\n')
    env = {"PATH": os.environ["PATH"], "PROJECT_ID": "p"}
    result = subprocess.run(["bash", str(ROOT / "deploy" / "render.sh"), str(template)],
                            env=env, capture_output=True, text=True, check=False)  # fmt: skip
    assert result.returncode == 1 and "NOT_EXPORTED" in result.stderr


@pytest.mark.parametrize("name", ["service.yaml", "job-sweep.yaml"])
def test_every_env_var_is_a_real_setting(name):
    """A typo in a variable name would be ignored silently by the settings (extra=ignore)."""
    names = set(container_env(render(name)))
    assert names <= SETTINGS, names - SETTINGS
    assert "PORT" not in names  # reserved by Cloud Run: it sets PORT itself


@pytest.mark.parametrize("name", ["service.yaml", "job-sweep.yaml"])
def test_secrets_come_only_from_secret_manager(name):
    env = container_env(render(name))
    secret_fields = {n.upper() for n, f in Settings.model_fields.items()
                     if f.annotation is SecretStr} | {"OPS_API_KEYS"}  # fmt: skip
    from_manager = {n for n, item in env.items() if "secretKeyRef" in item.get("valueFrom", {})}
    assert from_manager >= ZERO_TRUST_SECRETS
    assert not {n for n, item in env.items() if "value" in item} & secret_fields
    for item in env.values():
        ref = item.get("valueFrom", {}).get("secretKeyRef")
        assert ref is None or (ref["key"] == "latest" and ref["name"].islower())


@pytest.mark.parametrize("backend", sorted(DESTINATIONS))
@pytest.mark.parametrize("name", ["service.yaml", "job-sweep.yaml"])
def test_rendered_configuration_passes_the_startup_check(clean_env, name, backend):
    """Image defaults + YAML env + a value for each secret: `serve`/`sweep` would start."""
    values: dict[str, str] = dockerfile_env()
    for var, item in container_env(render(name, backend)).items():
        secret = OPS_KEYS if var == "OPS_API_KEYS" else SECRET_VALUE
        values[var] = item.get("value", secret)
    settings = Settings(_env_file=None, **{k.lower(): v for k, v in values.items()})
    assert settings.configuration_problems() == []
    assert settings.environment == "production" and settings.zero_trust_mode
    assert settings.storage_backend == "firestore" and settings.sender_backend == "graph"


def test_service_keeps_cpu_for_the_background_loops():
    template = render("service.yaml")["spec"]["template"]
    notes = template["metadata"]["annotations"]
    assert notes["run.googleapis.com/cpu-throttling"] == "false"
    assert notes["run.googleapis.com/startup-cpu-boost"] == "true"
    assert int(notes["autoscaling.knative.dev/minScale"]) >= 1
    assert notes["run.googleapis.com/vpc-access-egress"] == "private-ranges-only"
    assert '"network"' in notes["run.googleapis.com/network-interfaces"]
    assert 1 <= template["spec"]["containerConcurrency"] <= 80
    assert container_env(render("service.yaml"))["DEDUPE_BACKEND"]["value"] == "redis"


def test_probes_hit_real_routes_that_cloud_run_lets_through():
    """The Google Front End answers some paths ending in "z" itself (/healthz)."""
    (container,) = pod_spec(render("service.yaml"))["containers"]
    probes = [container["startupProbe"], container["livenessProbe"]]
    paths = [probe["httpGet"]["path"] for probe in probes]
    assert not any(path.endswith("z") for path in paths)
    assert all(probe["httpGet"]["port"] == 8080 for probe in probes)
    with TestClient(build_app(make_settings())) as client:
        assert [client.get(path).status_code for path in paths] == [200, 200]


def test_job_runs_the_sweep_with_the_service_image_and_identity():
    job, service = render("job-sweep.yaml"), render("service.yaml")
    (task,), (web,) = pod_spec(job)["containers"], pod_spec(service)["containers"]
    assert task["image"] == web["image"] == SAMPLE["IMAGE"]
    assert pod_spec(job)["serviceAccountName"] == pod_spec(service)["serviceAccountName"]
    assert [*task["command"], *task["args"]] == ["pyloto-corp", "sweep"]
    assert pod_spec(job)["maxRetries"] >= 3


def test_image_runs_uvloop_and_the_production_backends():
    text = (ROOT / "Dockerfile").read_text()
    assert "--require-hashes -r requirements.lock" in text and "--no-deps ." in text
    assert "uvicorn[standard]" in (ROOT / "requirements-image.in").read_text()
    lock = (ROOT / "requirements.lock").read_text()
    assert all(f"\n{name}==" in lock for name in ("uvicorn", "uvloop", "httptools"))
    env = dockerfile_env()
    assert env["DEDUPE_BACKEND"] == "redis" and env["SENDER_BACKEND"] == "graph"
    ignored = (ROOT / ".dockerignore").read_text().split()
    assert {"var/", "scenarios/pendentes", ".pytest_cache", ".ruff_cache", ".env"} <= set(ignored)
