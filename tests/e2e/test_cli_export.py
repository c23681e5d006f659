"""`pyloto-corp export`, `audit verify` and `ops-key`: real processes, same content as the API."""

from __future__ import annotations

import argparse
import io
import json
import os
import sqlite3
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest

from pyloto_corp.cli import ops
from tests.support.ops import PHONE, export, ops_settings, sha256, talk
from tests.support.tamper import ChainTamper, tamper_sqlite

CLI = [sys.executable, "-m", "pyloto_corp.cli.main"]
FROZEN = datetime(2026, 11, 23, 15, 0, tzinfo=UTC)
REASON = "Pedido do jurídico"


def on_disk(folder: Path, answer: dict) -> bytes:
    """EXPORT_LOCAL_DIR is the exports folder: the path's "exports/" is not repeated on disk."""
    return (folder / answer["storage_path"].removeprefix("exports/")).read_bytes()


def run(settings, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "ENVIRONMENT": "development", "SQLITE_PATH": settings.sqlite_path,
           "EXPORT_LOCAL_DIR": settings.export_local_dir, "LOG_FORMAT": "json",
           "MEDIA_LOCAL_DIR": settings.media_local_dir}  # fmt: skip
    return subprocess.run([*CLI, *args], capture_output=True, text=True, timeout=60,
                          check=False, env=env)  # fmt: skip


@pytest.fixture
def settings(client_factory, tmp_path):
    built = ops_settings(tmp_path)
    talk(client_factory(built))
    return built


def test_export_and_verify_from_the_command_line(settings, tmp_path):
    """JSON like the endpoint's, --out holds the stored bytes, the chain verifies."""
    out = tmp_path / "copia.md"
    done = run(settings, "export", "--phone", PHONE, "--format", "md", "--reason", REASON,
               "--out", str(out))  # fmt: skip
    assert done.returncode == 0, done.stderr
    answer = json.loads(done.stdout)
    stored = on_disk(tmp_path / "exports", answer)
    assert out.read_bytes() == stored and sha256(stored) == answer["sha256"]
    assert answer["chain_valid"] is True and answer["format"] == "md"
    verified = run(settings, "audit", "verify", "--phone", PHONE)
    report = json.loads(verified.stdout)
    assert verified.returncode == 0 and report["valid"] is True
    assert report["tail_hash"] == answer["audit_tail_hash"] and report["broken_at"] is None
    assert report["problem"] is None and report["head"]["hash"] == answer["audit_tail_hash"]


def test_verify_reports_a_tampered_event_and_exits_1(settings):
    """After an edit in the database, `audit verify` exits 1 and names the event."""
    answer = json.loads(run(settings, "export", "--phone", PHONE, "--reason", REASON).stdout)
    tamper_sqlite(settings.sqlite_path, answer["audit_event_id"], actor="outra pessoa")
    verified = run(settings, "audit", "verify", "--user-key", answer["user_key"])
    assert verified.returncode == 1
    assert json.loads(verified.stdout)["broken_at"]["event_id"] == answer["audit_event_id"]


def test_verify_exits_1_when_the_last_event_is_deleted(settings):
    """Deleting the chain's last row leaves every link intact, but not the stored head."""
    answer = json.loads(run(settings, "export", "--phone", PHONE, "--reason", REASON).stdout)
    before = json.loads(run(settings, "audit", "verify", "--phone", PHONE).stdout)
    ChainTamper("sqlite", settings.sqlite_path, answer["user_key"]).delete(answer["audit_event_id"])
    verified = run(settings, "audit", "verify", "--phone", PHONE)
    assert verified.returncode == 1, verified.stderr
    report = json.loads(verified.stdout)
    assert report["valid"] is False and report["count"] == before["count"] - 1
    assert report["broken_at"] == {"event_id": answer["audit_event_id"],
                                   "seq": before["count"], "reason": report["problem"]}  # fmt: skip
    assert "ausentes no fim" in report["problem"]
    assert report["head"] == {"seq": before["count"], "hash": answer["audit_tail_hash"]}


@pytest.mark.parametrize(
    ("args", "code", "said"),
    [(["export", "--phone", "+5511988887777", "--reason", REASON], 4, "nenhuma conversa"),
     (["audit", "verify", "--phone", "+5511988887777"], 4, "nenhuma conversa"),
     (["export", "--phone", "42 9999", "--reason", REASON], 2, "E.164"),
     (["export", "--user-key", "curta", "--reason", REASON], 2, "user_key"),
     (["export", "--phone", PHONE, "--reason", "  "], 2, "motivo"),
     (["export", "--phone", PHONE, "--reason", "CPF 123.456.789-09"], 2, "dados pessoais"),
     (["export", "--phone", PHONE, "--reason", "linha 1\nlinha 2"], 2, "uma linha só"),
     (["export", "--phone", PHONE], 2, "--reason"),
     (["export", "--phone", PHONE, "--format", "pdf", "--reason", REASON], 2, "pdf")],
)  # fmt: skip
def test_bad_requests_exit_with_their_code(settings, args, code, said):
    """Unknown person 4, bad input 2, each with a message on stderr and nothing on stdout."""
    done = run(settings, *args)
    assert (done.returncode, done.stdout) == (code, "") and said in done.stderr


def test_endpoint_and_command_line_produce_the_same_file(client_factory, settings, tmp_path):
    """Two copies of one database, one frozen clock: byte-identical exports."""
    copy = tmp_path / "copy"
    copy.mkdir()
    with (
        sqlite3.connect(settings.sqlite_path) as source,
        sqlite3.connect(copy / "pyloto.sqlite3") as target,
    ):
        source.backup(target)  # consistent, WAL included
    via_api = export(client_factory(settings, clock=lambda: FROZEN),
                     {"phone": PHONE, "reason": REASON, "format": "md"}).json()  # fmt: skip
    cli_settings = ops_settings(copy)
    args = argparse.Namespace(phone=PHONE, user_key=None, format="md", include_pii=False,
                              reason=REASON, out=None)  # fmt: skip
    stdout, stderr = io.StringIO(), io.StringIO()
    assert ops.export(cli_settings, args, stdout, stderr, clock=lambda: FROZEN) == 0
    via_cli = json.loads(stdout.getvalue())
    api_bytes = on_disk(tmp_path / "exports", via_api)
    cli_bytes = on_disk(copy / "exports", via_cli)
    assert api_bytes == cli_bytes and via_api["sha256"] == via_cli["sha256"]
    assert via_cli["storage_path"] == via_api["storage_path"]
    # Same instant again: the chain now holds the first export's event, so the bytes differ
    # and the path is taken: exit 5, the stored file untouched.
    assert ops.export(cli_settings, args, io.StringIO(), stderr, clock=lambda: FROZEN) == 5
    assert on_disk(copy / "exports", via_cli) == cli_bytes


def test_ops_key_makes_a_key_the_api_accepts(client_factory, tmp_path):
    """The printed entry goes into OPS_API_KEYS; the printed key then authenticates."""
    made = subprocess.run([*CLI, "ops-key", "--name", "auditoria"], capture_output=True,
                          text=True, timeout=60, check=True)  # fmt: skip
    key = json.loads(made.stdout)
    assert key["entry"] == f"auditoria:{key['sha256']}" and key["key"] not in key["entry"]
    client = client_factory(ops_settings(tmp_path, ops_api_keys=key["entry"]))
    talk(client)
    assert export(client, {"phone": PHONE, "reason": REASON}, key=key["key"]).status_code == 201
    bad = subprocess.run([*CLI, "ops-key", "--name", "Nome Com Espaço"], capture_output=True,
                         text=True, timeout=60, check=False)  # fmt: skip
    assert bad.returncode == 2 and bad.stdout == ""


def test_cli_actor_without_a_login_name(monkeypatch):
    """A container user with no passwd entry still gets an actor for the audit trail."""

    def no_login() -> str:
        raise OSError("no user")

    monkeypatch.setattr(ops.getpass, "getuser", no_login)
    assert ops.cli_actor() == "cli:desconhecido"


def test_cli_reports_an_out_file_it_cannot_write(settings, tmp_path):
    """--out into a missing folder: exit 2 with a message (the export itself is stored)."""
    missing = str(tmp_path / "nao" / "existe.txt")
    args = argparse.Namespace(phone=PHONE, user_key=None, format="txt", include_pii=False,
                              reason=REASON, out=missing)  # fmt: skip
    stdout, stderr = io.StringIO(), io.StringIO()
    assert ops.export(settings, args, stdout, stderr) == 2
    assert "--out" in stderr.getvalue() and '"storage_path"' in stdout.getvalue()
