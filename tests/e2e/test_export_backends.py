"""The export endpoint on Cloud Storage, with a tampered chain, an unavailable sink, no PII
in logs, and settings that must stop the service from starting."""

from __future__ import annotations

import json

import pytest
from google.api_core import exceptions as gexc
from google.auth.credentials import AnonymousCredentials
from google.cloud import storage
from structlog.testing import capture_logs

from pyloto_corp.bootstrap import ConfigurationError, build_app
from pyloto_corp.infra.logging import shared_processors
from tests.support.ops import PHONE, export, ops_settings, sha256, talk, user_key
from tests.support.tamper import tamper_sqlite

REASON = "Solicitação da equipe jurídica"
PII = ["5542999990001", "99999-0001", "ana.souza@padaria.com.br", "Pão Quente", "Curitiba"]


@pytest.mark.gcs
def test_export_lands_create_only_in_the_bucket(client_factory, tmp_path, fake_gcs):
    """EXPORT_BACKEND=gcs: the object is in the bucket, and it cannot be overwritten."""
    bucket = fake_gcs.new_bucket()
    settings = ops_settings(tmp_path, export_backend="gcs", gcs_bucket_export=bucket,
                            firestore_project_id="demo-test")  # fmt: skip
    client = client_factory(settings)
    talk(client)
    answer = export(client, {"phone": PHONE, "reason": REASON, "format": "md"}).json()
    path = answer["storage_path"]
    assert answer["storage_uri"] == f"gs://{bucket}/{path}"
    assert sha256(fake_gcs.object_bytes(bucket, path)) == answer["sha256"]
    gcs = storage.Client(project="demo-test", credentials=AnonymousCredentials())
    with pytest.raises(gexc.PreconditionFailed):
        gcs.bucket(bucket).blob(path).upload_from_string(b"forged", if_generation_match=0)
    assert sha256(fake_gcs.object_bytes(bucket, path)) == answer["sha256"]


def test_tampered_audit_event_is_reported_by_the_endpoint(client_factory, tmp_path):
    """An audit event edited in the database: chain_valid false, broken at that event."""
    settings = ops_settings(tmp_path)
    client = client_factory(settings)
    talk(client)
    first = export(client, {"phone": PHONE, "reason": REASON}).json()
    assert first["chain_valid"] is True
    tamper_sqlite(settings.sqlite_path, first["audit_event_id"], reason="outro motivo")
    second = export(client, {"user_key": user_key(settings), "reason": REASON})
    answer = second.json()
    assert second.status_code == 201 and answer["chain_valid"] is False
    assert answer["chain"]["broken_at"]["event_id"] == first["audit_event_id"]
    text = (tmp_path / "exports" / answer["storage_path"].removeprefix("exports/")).read_text()
    assert f"({first['audit_event_id']})" in text and "CADEIA QUEBRADA" in text


def test_unavailable_sink_is_503(client_factory, tmp_path):
    """A sink that cannot write answers 503 with Retry-After; the chain gets no event."""
    blocker = tmp_path / "blocker"
    blocker.write_text("x")
    client = client_factory(ops_settings(tmp_path, export_local_dir=str(blocker)))
    talk(client)
    response = export(client, {"phone": PHONE, "reason": REASON})
    assert response.status_code == 503 and response.headers["retry-after"]


@pytest.mark.pii_logs
@pytest.mark.parametrize("include_pii", [False, True])
def test_export_logs_carry_ids_only(client_factory, tmp_path, include_pii):
    """Even an export with PII logs only ids, hashes and the key's name."""
    client = client_factory(ops_settings(tmp_path))
    talk(client)
    with capture_logs(processors=shared_processors()) as entries:
        response = export(client, {"phone": PHONE, "reason": REASON, "include_pii": include_pii})
        export(client, {"phone": "+5542999990001x", "reason": REASON})
        export(client, {"phone": PHONE, "reason": REASON}, key="pyl_ops_wrong")
    assert response.status_code == 201
    generated = [e for e in entries if e["event"] == "export.generated"]
    assert generated and generated[0]["ops_key"] == "juridico"
    assert "ops.auth_failed" in [e["event"] for e in entries]
    flat = repr(entries)
    assert [v for v in [*PII, REASON, "pyl_ops_wrong"] if v in flat] == []


@pytest.mark.parametrize(
    ("overrides", "named"),
    [({"ops_api_keys": "juridico:plaintext-key"}, "OPS_API_KEYS"),
     ({"export_backend": "gcs", "gcs_bucket_export": ""}, "GCS_BUCKET_EXPORT")],
)  # fmt: skip
def test_unsafe_export_settings_stop_the_service(tmp_path, overrides, named):
    """A plaintext key or a missing bucket: the service refuses to start, naming the setting."""
    with pytest.raises(ConfigurationError) as caught:
        build_app(ops_settings(tmp_path, **overrides))
    assert named in str(caught.value) and "plaintext-key" not in str(caught.value)


def test_gcs_without_credentials_stops_the_service(tmp_path, monkeypatch):
    """EXPORT_BACKEND=gcs with no Google credentials: a clear refusal, not a traceback."""
    monkeypatch.delenv("STORAGE_EMULATOR_HOST", raising=False)
    monkeypatch.delenv("GOOGLE_APPLICATION_CREDENTIALS", raising=False)
    monkeypatch.setenv("GCE_METADATA_HOST", "127.0.0.1:9")
    monkeypatch.setenv("GCE_METADATA_IP", "127.0.0.1:9")
    monkeypatch.setenv("CLOUDSDK_CONFIG", str(tmp_path / "gcloud"))
    settings = ops_settings(tmp_path, export_backend="gcs", gcs_bucket_export="b")
    with pytest.raises(ConfigurationError) as caught:
        build_app(settings)
    assert "EXPORT_BACKEND=gcs" in str(caught.value)


def test_no_keys_configured_is_said_at_startup_and_answers_401(client_factory, tmp_path, capsys):
    """OPS_API_KEYS empty: a startup warning names the setting; every call is 401."""
    client = client_factory(ops_settings(tmp_path, ops_api_keys=""))
    started = [json.loads(line) for line in capsys.readouterr().out.splitlines() if line]
    warned = [e for e in started if e.get("message") == "ops.no_keys_configured"]
    assert warned and warned[0]["severity"] == "WARNING"
    assert export(client, {"phone": PHONE, "reason": REASON}).status_code == 401
