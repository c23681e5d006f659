"""The team's handoff endpoints through the real app: auth, filters, PII, replies, release."""

from __future__ import annotations

import argparse
import asyncio
import io
import json

import pytest

from pyloto_corp.adapters.storage.sqlite.build import build_sqlite_storage
from pyloto_corp.cli import ops as ops_cli
from tests.support.handoff_flow import PHONE, TO_HANDOFF, handoff_settings, leads, ops, say
from tests.support.ops import OPS_KEY, OTHER_KEY

OTHER = "5541988887777"
UNKNOWN = "/v1/handoffs/nao-existe-1"


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


def audit_actions(settings, user_key: str) -> list[tuple[str, str]]:
    async def read():
        storage = build_sqlite_storage(settings.sqlite_path)
        try:
            return [(e.action, e.actor) for e in await storage.audit.list_events(user_key)]
        finally:
            await storage.close()

    return asyncio.run(read())


ENDPOINTS = [("GET", "/v1/handoffs"), ("POST", UNKNOWN + "/messages"),
             ("POST", UNKNOWN + "/release")]  # fmt: skip


@pytest.mark.parametrize("key", [None, "pyl_ops_wrong"])
@pytest.mark.parametrize(("method", "path"), ENDPOINTS)
def test_every_endpoint_needs_a_valid_key(client, method, path, key):
    """401 with a Bearer challenge before anything is looked up."""
    answer = ops(client, method, path, {"text": "oi"}, key=key)
    assert answer.status_code == 401 and answer.headers["www-authenticate"].startswith("Bearer")


def test_filters_by_routing_status_and_period(client, clock, ids):
    """routing and status narrow the list; since is relative to now (7d by default)."""
    assert set(ids) == {"sales_custom_software", "triage"}
    assert [r["handoff_id"] for r in leads(client, routing="triage")] == [ids["triage"]]
    assert len(leads(client, status="open")) == 2 and leads(client, status="failed") == []
    assert ops(client, "POST", f"/v1/handoffs/{ids['triage']}/release").status_code == 200
    assert [r["handoff_id"] for r in leads(client, status="released")] == [ids["triage"]]
    assert [r["handoff_id"] for r in leads(client, status="open")] == [ids["sales_custom_software"]]
    clock.advance(days=2)
    assert leads(client, since="1d") == [] and len(leads(client, since="3d")) == 2
    assert leads(client, since="47h") == [] and len(leads(client, since="2881m")) == 2
    assert sorted(r["takeover"] for r in leads(client, since="7d")) == ["expired", "released"]


def test_contact_is_masked_unless_include_pii_which_is_audited(client, settings):
    """Masked by default; include_pii=true shows phone and summary and writes LEAD_DISCLOSED."""
    [masked] = leads(client, routing="sales_custom_software")
    assert masked["contact"]["phone"] == "+55*******0001" and "summary" not in masked
    assert masked["contact"]["city"] is None and masked["contact"]["business_name"] is None
    assert not any(a == "LEAD_DISCLOSED" for a, _ in audit_actions(settings, masked["user_key"]))
    [full] = leads(client, routing="sales_custom_software", include_pii="true")
    assert full["contact"]["phone"] == PHONE and full["contact"]["city"] == "Curitiba"
    assert "Curitiba" in full["summary"] and full["requirements"]["city"] == "Curitiba"
    disclosed = [a for a in audit_actions(settings, full["user_key"]) if a[0] == "LEAD_DISCLOSED"]
    assert disclosed == [("LEAD_DISCLOSED", "juridico")]  # the key's name is the actor
    out = io.StringIO()
    args = argparse.Namespace(phone=None, user_key=full["user_key"])
    assert ops_cli.audit_verify(settings, args, out, io.StringIO()) == 0
    assert json.loads(out.getvalue())["valid"] is True


@pytest.mark.parametrize("query", [{"since": "ontem"}, {"since": "7x"}, {"since": ""},
                                   {"since": "2026-12-01"}, {"since": "99999999d"},
                                   {"status": "closed"}, {"limit": "0"}, {"limit": "1001"},
                                   {"include_pii": "talvez"}, {"sort": "name"}])  # fmt: skip
def test_bad_queries_are_422(client, query):
    """since not a period (7d/24h/30m: ISO dates are for the CLI only), an unknown status,
    a bad limit or flag, an unknown parameter: 422 naming it, never echoing the value."""
    answer = ops(client, "GET", "/v1/handoffs?" + "&".join(f"{k}={v}" for k, v in query.items()))
    assert answer.status_code == 422, answer.text
    error = answer.json()["error"]
    assert error["code"] == "invalid_request" and error["fields"] == list(query)
    assert all(len(v) < 3 or v not in error["message"] for v in query.values())


def test_an_agent_message_is_queued_and_sent(client, ids, fake_graph, settings):
    """202 with the outbox items; the person gets the text; HUMAN_MESSAGE names the key."""
    handoff_id = ids["sales_custom_software"]
    answer = ops(client, "POST", f"/v1/handoffs/{handoff_id}/messages", {"text": "Olá, Ana!"})
    assert answer.status_code == 202, answer.text
    body = answer.json()
    assert body["handoff_id"] == handoff_id and body["status"] == "queued"
    assert fake_graph.sent[-1]["text"]["body"] == "Olá, Ana!"
    [row] = leads(client, routing="sales_custom_software")
    assert ("HUMAN_MESSAGE", "juridico") in audit_actions(settings, row["user_key"])
    other = ops(client, "POST", f"/v1/handoffs/{handoff_id}/messages", {"text": "Oi"}, OTHER_KEY)
    assert other.status_code == 202 and fake_graph.sent[-1]["text"]["body"] == "Oi"


@pytest.mark.parametrize("body", [{"text": ""}, {}, {"text": 5}, {"text": "oi", "cc": "x"},
                                  "{not json", "[]", {"text": "x" * 5000}])  # fmt: skip
def test_bad_message_bodies_are_422(client, ids, body, fake_graph):
    """Empty, missing, wrong type, extra fields, not JSON, too long: 422 and nothing sent."""
    before = len(fake_graph.sent)
    path = f"/v1/handoffs/{ids['triage']}/messages"
    assert ops(client, "POST", path, body).status_code == 422
    assert len(fake_graph.sent) == before


@pytest.mark.parametrize(("path", "body"), [(UNKNOWN + "/messages", {"text": "oi"}),
                                            (UNKNOWN + "/release", None)])  # fmt: skip
def test_unknown_handoffs_are_404(client, path, body):
    """A handoff id that does not exist: 404 handoff_not_found."""
    answer = ops(client, "POST", path, body)
    assert answer.status_code == 404 and answer.json()["error"]["code"] == "handoff_not_found"


def test_no_message_after_the_person_opted_out(client, clock, ids, fake_graph):
    """A stop during the takeover ends it: the team's message is refused with 409."""
    say(client, clock, "não quero mais receber mensagens", sender=OTHER)
    before = len(fake_graph.sent)
    answer = ops(client, "POST", f"/v1/handoffs/{ids['triage']}/messages", {"text": "Oi?"})
    assert answer.status_code == 409 and answer.json()["error"]["code"] == "opted_out"
    assert len(fake_graph.sent) == before
    [row] = leads(client, routing="triage")
    assert (row["takeover"], row["release_reason"]) == ("released", "opt_out")


def test_no_free_form_message_after_the_24h_window(client, clock, ids):
    """Meta's rule: 24 h after the person's last message the team's text is refused (409)."""
    clock.advance(hours=25)
    answer = ops(client, "POST", f"/v1/handoffs/{ids['triage']}/messages", {"text": "Oi?"})
    assert answer.status_code == 409 and answer.json()["error"]["code"] == "window_closed"


def test_release_once_then_409(client, ids):
    """200 with the reason kept; a second release is 409 already_released."""
    path = f"/v1/handoffs/{ids['triage']}/release"
    first = ops(client, "POST", path, {"reason": "resolvido por telefone"})
    assert first.status_code == 200 and first.json() == {"handoff_id": ids["triage"],
                                                         "status": "released"}  # fmt: skip
    again = ops(client, "POST", path)
    assert again.status_code == 409 and again.json()["error"]["code"] == "already_released"
    assert leads(client, routing="triage")[0]["release_reason"] == "resolvido por telefone"
    assert ops(client, "POST", path, {"reason": ""}).status_code == 422
    late = ops(client, "POST", f"/v1/handoffs/{ids['triage']}/messages", {"text": "Oi?"})
    assert late.status_code == 409 and late.json()["error"]["code"] == "already_released"


def test_a_retry_with_the_same_idempotency_key_sends_nothing_again(client, ids, fake_graph):
    """Idempotency-Key: the repeat answers 202 already_queued with no items; a bad key is 422."""
    path = f"/v1/handoffs/{ids['triage']}/messages"
    headers = {"Authorization": f"Bearer {OPS_KEY}", "Idempotency-Key": "retry-0001"}
    first = client.post(path, json={"text": "Oi, tudo bem?"}, headers=headers)
    assert first.status_code == 202 and first.json()["status"] == "queued"
    sent = len(fake_graph.sent)
    again = client.post(path, json={"text": "Oi, tudo bem?"}, headers=headers)
    assert again.status_code == 202 and again.json()["status"] == "already_queued"
    assert again.json()["items"] == [] and len(fake_graph.sent) == sent
    for bad in ("com espaco", "x" * 65, "a/b"):
        answer = client.post(path, json={"text": "Oi"}, headers={**headers, "Idempotency-Key": bad})
        assert answer.status_code == 422 and len(fake_graph.sent) == sent, bad
