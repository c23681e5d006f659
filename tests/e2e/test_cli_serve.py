"""`pyloto-corp serve` as a user runs it: a real process, a real port."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from contextlib import closing

import httpx

from tests.support import meta
from tests.support.processes import free_port, stop_group, wait_until

SECRET_VALUE = "definitely-not-in-output-0123456789"


def _env(**extra: str) -> dict[str, str]:
    keep = {k: v for k, v in os.environ.items() if not k.startswith(("WHATSAPP_", "PEPPER"))}
    return keep | {"ENVIRONMENT": "production", **extra}


def _cli() -> list[str]:
    return [sys.executable, "-m", "pyloto_corp.cli.main"]


def test_zero_trust_refuses_to_start_naming_settings_only(tmp_path):
    """ZERO_TRUST_MODE=true with placeholders: exit code 2, settings named, values never shown."""
    env = _env(ZERO_TRUST_MODE="true", WHATSAPP_WEBHOOK_SECRET=SECRET_VALUE,
               WHATSAPP_ACCESS_TOKEN="change-me")  # fmt: skip
    result = subprocess.run([*_cli(), "serve"], env=env, cwd=tmp_path, capture_output=True,
                            text=True, timeout=60, check=False)  # fmt: skip
    assert result.returncode == 2
    assert "WHATSAPP_ACCESS_TOKEN" in result.stderr and "PEPPER_SECRET" in result.stderr
    assert SECRET_VALUE not in result.stderr + result.stdout
    assert "change-me" not in result.stderr


def test_zero_trust_in_production_refuses_console_sender_and_memory_dedupe(tmp_path):
    """Strong secrets but SENDER_BACKEND=console / DEDUPE_BACKEND=memory: it would answer 200
    and send nothing, so it does not start; the settings are named, the secrets never."""
    secrets = {
        "WHATSAPP_WEBHOOK_SECRET": "9f8e7d6c5b4a39281706f5e4d3c2b1a0",
        "WHATSAPP_ACCESS_TOKEN": "EAAG" + "Zq7xK2mP9vR4tW8y" * 3,
        "WHATSAPP_VERIFY_TOKEN": "verificacao-Yq8vT2nW6zR0",
        "PEPPER_SECRET": SECRET_VALUE,
        "WHATSAPP_PHONE_NUMBER_ID": meta.PHONE_NUMBER_ID,
    }
    env = _env(ZERO_TRUST_MODE="true", SENDER_BACKEND="console", DEDUPE_BACKEND="memory",
               **secrets)  # fmt: skip
    result = subprocess.run([*_cli(), "serve"], env=env, cwd=tmp_path, capture_output=True,
                            text=True, timeout=60, check=False)  # fmt: skip
    assert result.returncode == 2
    assert "SENDER_BACKEND" in result.stderr and "DEDUPE_BACKEND" in result.stderr
    assert "PEPPER_SECRET" not in result.stderr and "WHATSAPP_" not in result.stderr
    assert not [v for v in secrets.values() if v in result.stderr + result.stdout]


def test_serve_answers_health_and_signed_webhook(tmp_path):
    """The served app answers /healthz, /readyz and a signed webhook, logging JSON lines."""
    port = free_port()
    env = _env(PORT=str(port), WHATSAPP_WEBHOOK_SECRET=meta.APP_SECRET, LOG_FORMAT="json")
    proc = subprocess.Popen([*_cli(), "serve"], env=env, cwd=tmp_path, stdout=subprocess.PIPE,
                            stderr=subprocess.STDOUT, start_new_session=True)  # fmt: skip
    base = f"http://127.0.0.1:{port}"
    try:
        wait_until(lambda: _answers(base + "/healthz"), 30, "pyloto-corp serve")
        checks = httpx.get(base + "/readyz").json()["checks"]
        assert checks == {"dedupe": "ok", "storage": "ok"}
        body = meta.meta_bytes(meta.envelope([meta.message()]))
        response = httpx.post(base + "/webhooks/whatsapp", content=body,
                              headers={"X-Hub-Signature-256": meta.sign(body)})  # fmt: skip
        assert response.status_code == 200 and response.json()["processed"] == 1
    finally:
        stop_group(proc)
    output = proc.stdout.read().decode()
    lines = [json.loads(line) for line in output.splitlines() if line.startswith("{")]
    assert {"message": "inbound.stored", "severity": "INFO"}.items() <= next(
        line for line in lines if line["message"] == "inbound.stored").items()  # fmt: skip
    assert meta.WA_ID not in output and "99999-0001" not in output
    assert not any("text" in line for line in lines)
    with closing(sqlite3.connect(tmp_path / "var" / "pyloto.sqlite3")) as db:
        tables = [row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type='table'")]
        dumps = {t: repr(db.execute(f"SELECT * FROM {t}").fetchall()) for t in tables}  # noqa: S608
    assert "vocês fazem aplicativo" in dumps["messages"]
    assert dumps["outbox"] != "[]", "the engine answered through the outbox"
    assert [t for t, dump in dumps.items() if meta.WA_ID in dump] == ["lead_profiles"]


def _answers(url: str) -> bool:
    try:
        return httpx.get(url, timeout=0.5).status_code == 200
    except httpx.HTTPError:
        return False


def test_make_run_shows_the_bots_replies_in_the_console(tmp_path):
    """In development the console sender prints what would go to WhatsApp, options numbered:
    on stderr, each line labelled [conversa]; stdout keeps only log lines (JSON here)."""
    port = free_port()
    env = _env(PORT=str(port), ENVIRONMENT="development", WHATSAPP_WEBHOOK_SECRET=meta.APP_SECRET,
               LOG_FORMAT="json")  # fmt: skip
    out, err = tmp_path / "stdout", tmp_path / "stderr"
    with out.open("wb") as stdout, err.open("wb") as stderr:
        proc = subprocess.Popen([*_cli(), "serve"], env=env, cwd=tmp_path, stdout=stdout,
                                stderr=stderr, start_new_session=True)  # fmt: skip
    base = f"http://127.0.0.1:{port}"
    try:
        wait_until(lambda: _answers(base + "/healthz"), 30, "pyloto-corp serve")
        body = meta.meta_bytes(meta.envelope([meta.message(text={"body": "oi"})]))
        httpx.post(base + "/webhooks/whatsapp", content=body,
                   headers={"X-Hub-Signature-256": meta.sign(body)})  # fmt: skip
        wait_until(lambda: "[conversa]    1." in err.read_text(), 30, "the bot's reply")
    finally:
        stop_group(proc)
    transcript, logs = err.read_text(), out.read_text()
    assert "[conversa] 🤖 Oi! Eu sou o Otto" in transcript
    assert "[conversa]    1. Sistemas sob medida" in transcript
    assert "🤖" not in logs and "[conversa]" not in logs
    assert [json.loads(line)["severity"] for line in logs.splitlines() if line.strip()]
    assert meta.WA_ID not in transcript + logs
