"""`pyloto-corp leads` and `pyloto-corp handoff`: real processes on the service's database.

The conversations run in-process through the signed webhook on a SQLite file; the
commands run as an operator runs them, on the same file, sending through the fake Graph API.
"""

from __future__ import annotations

import asyncio
import csv
import io
import json
import os
import subprocess
import sys
from datetime import UTC, datetime

import pytest

from pyloto_corp.adapters.storage.sqlite.build import build_sqlite_storage
from tests.support import meta
from tests.support.handoff_flow import TO_HANDOFF, TOKEN, Clock, handoff_settings, leads, say

CLI = [sys.executable, "-m", "pyloto_corp.cli.main"]
OTHER = "5541988887777"
MASKED = "+55*******0001"


def run(settings, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "ENVIRONMENT": "test", "SQLITE_PATH": settings.sqlite_path,
           "LOG_FORMAT": "json", "SENDER_BACKEND": "graph",
           "GRAPH_API_BASE_URL": settings.graph_api_base_url, "WHATSAPP_ACCESS_TOKEN": TOKEN,
           "WHATSAPP_PHONE_NUMBER_ID": meta.PHONE_NUMBER_ID}  # fmt: skip
    return subprocess.run([*CLI, *args], capture_output=True, text=True, timeout=60,
                          check=False, env=env)  # fmt: skip


@pytest.fixture
def clock() -> Clock:
    """Now: the CLI runs in its own process on the real clock (Meta's 24 h window)."""
    return Clock(datetime.now(UTC).replace(microsecond=0))


@pytest.fixture
def settings(tmp_path, fake_graph):
    return handoff_settings(tmp_path, fake_graph, outbox_retry_interval_seconds=0,
                            ops_rate_limit_per_minute=600)  # fmt: skip


@pytest.fixture
def client(client_factory, settings, clock):
    built = client_factory(settings, clock=clock)
    say(built, clock, *TO_HANDOFF)  # sales_custom_software
    say(built, clock, "quero falar com um atendente", sender=OTHER)  # triage
    return built


@pytest.fixture
def ids(client) -> dict[str, str]:
    return {row["routing"]: row["handoff_id"] for row in leads(client)}


def disclosures(settings, user_key: str) -> list[str]:
    async def read():
        storage = build_sqlite_storage(settings.sqlite_path)
        try:
            events = await storage.audit.list_events(user_key)
        finally:
            await storage.close()
        return [e.actor for e in events if e.action == "LEAD_DISCLOSED"]

    return asyncio.run(read())


def test_leads_as_a_table_json_and_csv(settings, ids):
    """The same two leads in each format, the contact masked; JSON like the endpoint's."""
    table = run(settings, "leads")
    assert table.returncode == 0, table.stderr
    lines = table.stdout.splitlines()
    assert lines[0].split() == ["Criado", "em", "Encaminhamento", "Destino", "Qualificação",
                                "Atendimento", "Entrega", "Nome", "Telefone"]  # fmt: skip
    assert "vendas — sistemas sob medida" in table.stdout and "triagem" in table.stdout
    assert "com a equipe" in table.stdout and "entregue" in table.stdout
    assert "sales_custom_software" not in table.stdout and "delivered" not in table.stdout
    assert lines[-1] == "2 encaminhamento(s)" and all(i in table.stdout for i in ids.values())
    assert MASKED in table.stdout and "5542999990001" not in table.stdout
    document = json.loads(run(settings, "leads", "--format", "json").stdout)
    assert document["count"] == 2 and {r["handoff_id"] for r in document["handoffs"]} == set(
        ids.values()
    )
    rows = list(csv.DictReader(io.StringIO(run(settings, "leads", "--format", "csv").stdout)))
    assert {r["routing"] for r in rows} == {"sales_custom_software", "triage"}
    assert {r["delivery"] for r in rows} == {"delivered"} and MASKED in {r["phone"] for r in rows}


def test_include_pii_shows_the_phone_and_is_audited(settings, ids):
    """--include-pii: the E.164 phone; LEAD_DISCLOSED by cli:<login> for each person listed."""
    done = run(settings, "leads", "--format", "csv", "--include-pii", "--routing",
               "sales_custom_software")  # fmt: skip
    [row] = list(csv.DictReader(io.StringIO(done.stdout)))
    assert done.returncode == 0 and row["phone"] == "+" + meta.WA_ID
    assert row["city"] == "Curitiba" and row["business_name"] == "Pão Quente"
    [actor] = disclosures(settings, row["user_key"])
    assert actor.startswith("cli:")


def test_leads_filters_and_bad_input(settings, ids):
    """--status, --routing and --limit narrow the list; bad values exit 2 with nothing printed."""
    for args, count in ((["--status", "open"], 2), (["--status", "failed"], 0),
                        (["--routing", "triage"], 1), (["--limit", "1"], 1)):  # fmt: skip
        done = run(settings, "leads", "--format", "json", *args)
        assert done.returncode == 0, done.stderr
        assert json.loads(done.stdout)["count"] == count, args
    for args in (["--since", "ontem"], ["--status", "fechado"], ["--format", "xml"]):
        done = run(settings, "leads", *args)
        assert done.returncode == 2 and done.stdout == "" and done.stderr, args


def test_reply_reaches_the_person(settings, ids, fake_graph):
    """`handoff reply ID --text`: exit 0, the item queued and sent to WhatsApp."""
    done = run(settings, "handoff", "reply", ids["triage"], "--text", "Oi! Aqui é a Ana.")
    assert done.returncode == 0, done.stderr
    answer = json.loads(done.stdout)
    assert answer["handoff_id"] == ids["triage"] and answer["status"] == "queued"
    assert len(answer["items"]) == 1
    last = fake_graph.sent[-1]
    assert last["to"] == OTHER and last["text"]["body"] == "Oi! Aqui é a Ana."


def test_release_then_again_then_unknown(settings, ids, client, clock, fake_graph):
    """Exit 0, then 5 (already released), 4 for an unknown id; the person is back with the bot."""
    done = run(settings, "handoff", "release", ids["triage"], "--reason", "resolvido")
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == {"handoff_id": ids["triage"], "status": "released"}
    again = run(settings, "handoff", "release", ids["triage"])
    assert again.returncode == 5 and "already_released" in again.stderr and again.stdout == ""
    unknown = run(settings, "handoff", "release", "nao-existe-1")
    assert unknown.returncode == 4 and "handoff_not_found" in unknown.stderr
    late = run(settings, "handoff", "reply", ids["triage"], "--text", "Oi?")
    assert late.returncode == 5 and "already_released" in late.stderr
    [row] = json.loads(run(settings, "leads", "--status", "released", "--format", "json").stdout)[
        "handoffs"
    ]
    assert row["handoff_id"] == ids["triage"] and row["release_reason"] == "resolvido"
    before = len(fake_graph.sent)
    say(client, clock, "oi", sender=OTHER)
    assert fake_graph.sent[before:][-1]["type"] == "interactive"  # greeting and menu again


def test_reply_refused_after_an_opt_out_and_for_unknown_ids(settings, ids, client, clock):
    say(client, clock, "não quero mais receber mensagens", sender=OTHER)
    done = run(settings, "handoff", "reply", ids["triage"], "--text", "Oi?")
    assert done.returncode == 5 and "opted_out" in done.stderr
    unknown = run(settings, "handoff", "reply", "nao-existe-1", "--text", "Oi?")
    assert unknown.returncode == 4 and "handoff_not_found" in unknown.stderr
    missing = run(settings, "handoff", "reply", ids["triage"])
    assert missing.returncode == 2 and "--text" in missing.stderr


@pytest.mark.parametrize("args", [["--since", "99999999d"], ["--limit", "-1"], ["--limit", "0"],
                                  ["--limit", "1001"]])  # fmt: skip
def test_leads_out_of_range_input_exits_2(settings, ids, args):
    """A period too long for a date, a negative limit: exit 2 like other bad input."""
    done = run(settings, "leads", "--format", "json", *args)
    assert done.returncode == 2 and done.stdout == "" and "Traceback" not in done.stderr
