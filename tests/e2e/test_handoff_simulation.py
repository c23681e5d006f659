"""`pyloto-corp simulate` shows what the team hears: notifications, agent lines, releases."""

from __future__ import annotations

import io
import json
import subprocess
import sys

from pyloto_corp.cli.simulate import simulate

CLI = [sys.executable, "-m", "pyloto_corp.cli.main"]
P = "+5542999990001"
MASKED = "+55*******0001"
AGENT = "Oi! Aqui é o Pedro, da Pyloto."
TAKEOVER = [{"from": P, "text": "oi"},
            {"from": P, "text": "quero um app pra minha padaria Pão Quente em Curitiba"},
            {"from": P, "text": "quero falar com um atendente"},
            {"from": P, "text": "obrigado"}, {"from": P, "text": "cadê o atendente?"},
            {"agent": AGENT}, {"release": True}, {"from": P, "text": "oi"}]  # fmt: skip


def script(tmp_path, *lines: dict | str) -> str:
    path = tmp_path / "roteiro.jsonl"
    rows = [line if isinstance(line, str) else json.dumps(line, ensure_ascii=False)
            for line in lines]  # fmt: skip
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return str(path)


def report(path: str, *flags: str) -> tuple[int, dict, str]:
    out, err = io.StringIO(), io.StringIO()
    code = simulate(path, True, out, err, include_pii="--include-pii" in flags)
    return code, json.loads(out.getvalue()), err.getvalue()


def test_notifications_follow_the_takeover_with_the_contact_masked(tmp_path):
    """created, one message per line during the takeover, released; nothing after it."""
    code, document, err = report(script(tmp_path, *TAKEOVER))
    assert code == 0, err
    notices = document["notifications"]
    events = ["handoff.created", "conversation.message", "conversation.message",
              "handoff.released"]  # fmt: skip
    assert [n["event"] for n in notices] == events
    assert len({n["handoff_id"] for n in notices}) == 1
    assert {n["routing"] for n in notices} == {"sales_custom_software"}
    created, first, _, released = notices
    assert created["contact"]["phone"] == MASKED and first["contact"]["phone"] == MASKED
    assert first["message"]["text"] == "[oculto]" and released["reason"] == "operator"
    assert P not in json.dumps(notices) and "obrigado" not in json.dumps(notices)
    outcomes = [s["outcome"] for s in document["sessions"]]
    assert outcomes[0] == "HANDOFF_HUMAN" and len(outcomes) == 2  # the last "oi": a new session


def test_the_person_hears_one_acknowledgement_the_agent_and_then_the_bot(tmp_path):
    """During the takeover: one short acknowledgement and the agent's line; then the menu."""
    _, document, _ = report(script(tmp_path, *TAKEOVER))
    texts = [(o["kind"], o["text"]) for o in document["outbound"]]
    handed = next(n for n, (_, text) in enumerate(texts) if "chamar uma pessoa" in text)
    agent = texts.index(("equipe", AGENT))
    during = texts[handed + 1 : agent]
    told = ("Já avisei a equipe", "A equipe volta")  # the simulator runs on today's clock
    assert [k for k, _ in during] == ["text"] and any(t in during[0][1] for t in told)
    assert texts[agent + 1 :][-1][0] in {"list", "buttons"}  # the bot's menu again


def test_include_pii_shows_the_phone_and_the_texts(tmp_path):
    code, document, _ = report(script(tmp_path, *TAKEOVER), "--include-pii")
    created, first, second, _ = document["notifications"]
    assert code == 0 and created["contact"]["phone"] == P
    assert created["contact"]["city"] == "Curitiba" and "Curitiba" in created["summary"]
    said = (first["message"]["text"], second["message"]["text"])
    assert said == ("obrigado", "cadê o atendente?")


def test_bad_team_lines_are_reported_with_their_number(tmp_path):
    """{"release": 1}, an agent line with no text or no open handoff: exit 2, line numbers."""
    path = script(tmp_path, {"agent": "ninguém ainda"}, {"release": 1}, {"agent": ""},
                  {"release": True, "why": "x"}, {"from": P, "text": "oi"})  # fmt: skip
    code, document, err = report(path)
    assert code == 2 and [e["line"] for e in document["errors"]] == [1, 2, 3, 4]
    assert "linha 2:" in err and document["notifications"] == []
    assert len(document["sessions"]) == 1


def test_text_report_and_json_from_the_command_line(tmp_path):
    """As a user runs it: the text report lists the notices; --json has them on top."""
    path = script(tmp_path, *TAKEOVER)
    text = subprocess.run([*CLI, "simulate", path], capture_output=True, text=True,
                          timeout=120, check=False)  # fmt: skip
    assert text.returncode == 0, text.stderr
    assert "Avisos à equipe:" in text.stdout and "handoff.released" in text.stdout
    assert "👤 a equipe devolve ao bot: 1 atendimento(s)" in text.stdout
    done = subprocess.run([*CLI, "simulate", path, "--json", "--include-pii"],
                          capture_output=True, text=True, timeout=120, check=False)  # fmt: skip
    document = json.loads(done.stdout)
    assert done.returncode == 0 and document["notifications"][0]["contact"]["phone"] == P
    assert set(document) == {"sessions", "outbound", "errors", "notifications"}
