"""`pyloto-corp lgpd access` and `lgpd erase` as real processes: the done-when of issue 10."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.e2e.test_cli_export import run
from tests.support.ops import PHONE, ops_settings, talk, user_key

REASON = "Pedido do titular"


@pytest.fixture
def settings(client_factory, tmp_path):
    built = ops_settings(tmp_path)
    talk(client_factory(built))
    return built


def test_erase_then_audit_verify_ends_in_the_erasure(settings):
    """No message, profile or media left; `audit verify` valid, its tail the erasure event."""
    media = Path(settings.media_local_dir) / "media" / user_key(settings)
    media.mkdir(parents=True)
    (media / "wamid.1.ogg").write_bytes(b"OggS")
    done = run(settings, "lgpd", "erase", "--phone", PHONE, "--reason", REASON)
    assert done.returncode == 0, done.stderr
    answer = json.loads(done.stdout)
    assert answer["erased"] is True and answer["counts"]["media"] == 1
    assert not list(media.iterdir())
    verified = json.loads(run(settings, "audit", "verify", "--phone", PHONE).stdout)
    assert verified["valid"] is True and verified["tail_hash"] == answer["audit_tail_hash"]
    assert PHONE not in done.stdout + done.stderr
    again = json.loads(run(settings, "lgpd", "erase", "--phone", PHONE, "--reason", REASON).stdout)
    assert again["erased"] is False and again["audit_tail_hash"] == answer["audit_tail_hash"]
    assert run(settings, "lgpd", "access", "--phone", PHONE, "--reason", REASON).returncode == 4


def test_access_prints_the_export_with_the_phone(settings, tmp_path):
    out = tmp_path / "titular.txt"
    done = run(settings, "lgpd", "access", "--phone", PHONE, "--reason", REASON, "--out", str(out))
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["chain_valid"] is True and PHONE in out.read_text()


def test_bad_input_exits_2(settings):
    done = run(settings, "lgpd", "erase", "--phone", PHONE, "--reason", " ")
    assert done.returncode == 2 and "reason" in done.stderr


@pytest.mark.parametrize("command", ["erase", "access"])
@pytest.mark.parametrize("reason", [f"ligar {PHONE}", "titular ana@padaria.com.br", "a\u2028b"])
def test_a_reason_with_personal_data_or_two_lines_exits_2(settings, command, reason):
    """The same rule as the API: nothing is erased or exported, the rule is named."""
    done = run(settings, "lgpd", command, "--phone", PHONE, "--reason", reason)
    assert done.returncode == 2 and "reason:" in done.stderr
    assert "dados pessoais" in done.stderr or "uma linha só" in done.stderr
    assert PHONE not in done.stderr
