"""`pyloto-corp simulate` and `pyloto-corp chat` as a user runs them."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from datetime import datetime, timedelta

import httpx
import pytest

from pyloto_corp.cli import simulate as simulate_module
from pyloto_corp.cli.chat import chat
from pyloto_corp.cli.simulate import simulate
from tests.conftest import make_settings
from tests.support import meta
from tests.support.processes import free_port, stop_group, wait_until

CLI = [sys.executable, "-m", "pyloto_corp.cli.main"]
P = "+5541988887777"
MESSAGE_KEYS = {"provider_message_id", "sent_at", "received_at"}
SESSION_KEYS = {"phone", "user_key", "session_id", "outcome", "intent_primary", "intents_detected",
                "qualification_level", "qualification_reasons", "handoff", "handoffs", "lead",
                "messages"}  # fmt: skip


def script(tmp_path, *lines: dict | str) -> str:
    path = tmp_path / "roteiro.jsonl"
    rows = [
        line if isinstance(line, str) else json.dumps(line, ensure_ascii=False) for line in lines
    ]
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return str(path)


def test_json_report_has_the_documented_shape(tmp_path):
    """One object: sessions in order (the issue's keys) and each reply (to, kind, text, options)."""
    path = script(tmp_path, {"from": P, "text": "bom dia"}, {"from": P, "choose": "sobre a pyloto"},
                  {"from": P, "choose": "Não, obrigado"})  # fmt: skip
    done = subprocess.run([*CLI, "simulate", path, "--json"], capture_output=True, text=True,
                          timeout=120, check=False)  # fmt: skip
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    assert set(report) == {"sessions", "outbound", "errors", "notifications"}
    assert report["errors"] == [] and report["notifications"] == []
    [session] = report["sessions"]
    assert set(session) == SESSION_KEYS and session["outcome"] == "SELF_SERVE_INFO"
    assert session["phone"] == P and len(session["user_key"]) == 43
    menu = report["outbound"][1]
    assert set(menu) == {"to", "kind", "text", "options", "session_id"} and menu["kind"] == "list"
    assert menu["session_id"] == session["session_id"]
    assert menu["to"] == P and {"id", "title"} <= set(menu["options"][0])
    assert [set(m) for m in session["messages"]] == [MESSAGE_KEYS] * 3


def test_a_late_message_then_an_immediate_reply_is_one_session(tmp_path):
    """Meta delivers the first message 2h10 late: one session; sent_at and received_at show it."""
    path = script(tmp_path, {"from": P, "text": "quero um site pra minha loja", "late": "2h10m"},
                  {"from": P, "text": "vender roupas pela internet"})  # fmt: skip
    out, err = io.StringIO(), io.StringIO()
    assert simulate(path, True, out, err) == 0, err.getvalue()
    [session] = json.loads(out.getvalue())["sessions"]
    first, second = session["messages"]
    lag = datetime.fromisoformat(first["received_at"]) - datetime.fromisoformat(first["sent_at"])
    assert lag == timedelta(hours=2, minutes=10) and session["outcome"] is None
    assert second["sent_at"] == second["received_at"] and "+00:00" in second["sent_at"]


def test_an_opt_out_reads_as_such_in_the_transcript_and_keeps_the_json_shape(tmp_path):
    """The bot says nothing after "para de me mandar mensagem"; the operator reads why."""
    path = script(tmp_path, {"from": P, "text": "quero ser motoboy"},
                  {"from": P, "text": "para de me mandar mensagem"})  # fmt: skip
    out, err = io.StringIO(), io.StringIO()
    assert simulate(path, False, out, err) == 0, err.getvalue()
    assert "encerrada a pedido da pessoa (não quer mais mensagens)" in out.getvalue()
    out = io.StringIO()
    assert simulate(path, True, out, err) == 0, err.getvalue()
    [session] = json.loads(out.getvalue())["sessions"]
    assert set(session) == SESSION_KEYS and session["outcome"] == "AWAITING_USER"


def test_bad_lines_are_reported_and_the_rest_still_runs(tmp_path):
    """Bad JSON, a choice with no menu, a redelivery before any webhook: named by line, exit 2."""
    path = script(tmp_path, {"redeliver_last": True}, {"from": P, "choose": "Sim"}, "não é json",
                  {"from": P, "text": "preciso de um motoboy agora"},
                  {"from": P, "choose": "qualquer"})  # fmt: skip
    out, err = io.StringIO(), io.StringIO()
    assert simulate(path, True, out, err) == 2
    report = json.loads(out.getvalue())
    assert [e["line"] for e in report["errors"]] == [1, 2, 3, 5]
    assert [s["outcome"] for s in report["sessions"]] == ["ROUTE_EXTERNAL"]
    assert "linha 3: não é JSON válido" in err.getvalue()


def test_unmatched_choice_names_the_options(tmp_path):
    """A choice that matches no option id or title lists the options there were."""
    path = script(tmp_path, {"from": P, "text": "oi"}, {"from": P, "choose": "pizza"})
    out, err = io.StringIO(), io.StringIO()
    assert simulate(path, False, out, err) == 2
    assert "linha 2: opção 'pizza' não existe; opções: Sistemas sob medida" in err.getvalue()
    assert "🤖 Oi!" in out.getvalue() and "Sessões:" in out.getvalue()


def test_unreadable_script_and_internal_failures_exit_cleanly(tmp_path, monkeypatch):
    """A missing file is exit 2; a simulation that blows up is exit 3 with a message."""
    err = io.StringIO()
    assert simulate(str(tmp_path / "nada.jsonl"), True, io.StringIO(), err) == 2
    assert "não consegui ler" in err.getvalue()

    async def broken(*_args):
        raise RuntimeError("bug")

    monkeypatch.setattr(simulate_module, "run_steps", broken)
    err = io.StringIO()
    assert simulate(script(tmp_path, {"advance": "1h"}), True, io.StringIO(), err) == 3
    assert "RuntimeError" in err.getvalue()


def chat_settings(tmp_path, **extra):
    return make_settings(sqlite_path=str(tmp_path / "chat.sqlite3"), **extra)


def test_chat_numbers_commands_and_summary(tmp_path):
    """Numbered options, /ajuda, /midia, /tempo and unknown commands; the summary at the end."""
    typed = (
        "oi\n/midia áudio\n4\nCarlos\n\nPonta Grossa\nmoto\nnoites\n1\n"
        "/ajuda\n/midia gif\n/xyz\n/midia imagem\n/tempo 200h\noi\n/tempo 3h\n"
    )
    out, err = io.StringIO(), io.StringIO()
    code = chat(chat_settings(tmp_path), "+55 41 98888-7777", None, stdin=io.StringIO(typed),
                out=out, err=err)  # fmt: skip
    text = out.getvalue()
    assert code == 0 and "   4. Quero ser entregador" in text and "Qual é o seu nome?" in text
    assert "/tempo 2h" in text and "⚠ tipos:" in text and "comando desconhecido" in text
    assert "Recebi seu áudio" in text and "encerradas por inatividade: 1" in text
    told = ("Já avisei a equipe", "A equipe volta")  # in business hours or out of them
    assert any(t in text for t in told)  # a file after the handoff: someone is on the way
    assert "/midia TIPO   envia imagem, áudio, vídeo" in text and "⚠ tipos: imagem" in text
    assert "encaminhada a uma pessoa da equipe" in text and "HANDOFF_HUMAN" not in text
    assert "encaminhada para Pyloto Entrega — cadastro de entregadores" in text
    assert "qualificação baixa" in text and "encerrada por inatividade" in text
    assert '"routing": "entrega_driver_onboarding"' in text  # the handoff's data, as stored


def test_chat_refuses_a_bad_phone(tmp_path):
    """The person's phone must be E.164."""
    err = io.StringIO()
    assert chat(chat_settings(tmp_path), "42 9999", None, stdin=io.StringIO(""),
                out=io.StringIO(), err=err) == 2  # fmt: skip
    assert "E.164" in err.getvalue()


@pytest.mark.timeout(90)
def test_chat_against_a_running_server_sharing_the_storage(tmp_path):
    """--url: signed webhooks over real HTTP to `pyloto-corp serve`, replies read from storage."""
    port, db = free_port(), tmp_path / "shared.sqlite3"
    env = {**os.environ, "PORT": str(port), "SQLITE_PATH": str(db), "ENVIRONMENT": "test",
           "WHATSAPP_WEBHOOK_SECRET": meta.APP_SECRET,
           "OUTBOX_RETRY_INTERVAL_SECONDS": "0"}  # fmt: skip
    server = subprocess.Popen([*CLI, "serve"], env=env, cwd=tmp_path, stdout=subprocess.DEVNULL,
                              stderr=subprocess.DEVNULL, start_new_session=True)  # fmt: skip
    url = f"http://127.0.0.1:{port}"
    try:
        wait_until(lambda: _up(url), 30, "pyloto-corp serve")
        out = io.StringIO()
        settings = make_settings(sqlite_path=str(db), whatsapp_phone_number_id="")
        code = chat(settings, P, url, stdin=io.StringIO("preciso de um frete agora\n/tempo 1h\n"),
                    out=out, err=io.StringIO())  # fmt: skip
    finally:
        stop_group(server)
    assert code == 0 and "pyloto.com.br/entrega/pedir" in out.getvalue()
    assert "o do servidor não muda" in out.getvalue() and "enviada a outro canal" in out.getvalue()


def _up(url: str) -> bool:
    try:
        return httpx.get(url + "/healthz", timeout=0.5).status_code == 200
    except httpx.HTTPError:
        return False


def test_chat_reports_storage_it_cannot_use(tmp_path):
    """An unusable storage path ends the chat with a message and exit 3, not a traceback."""
    blocker = tmp_path / "arquivo"
    blocker.write_text("x")
    err = io.StringIO()
    settings = make_settings(sqlite_path=str(blocker / "db.sqlite3"))
    code = chat(settings, P, "http://127.0.0.1:9", stdin=io.StringIO("oi\n"), out=io.StringIO(),
                err=err)  # fmt: skip
    assert code == 3 and err.getvalue().startswith("pyloto-corp chat:")
