"""Helpers for handoff e2e tests: a clock the test moves, a person writing, the team's API.

The person writes through the signed webhook exactly as Meta delivers it; what they
receive is read from the fake Graph API (the real ``GraphApiSender`` sends there).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any, TypeVar

from pyloto_corp.infra.settings import Settings
from tests.support import meta
from tests.support.fake_chatwoot import ACCOUNT_ID, INBOX_ID
from tests.support.fake_chatwoot import TOKEN as CHATWOOT_TOKEN
from tests.support.fake_graph import FakeGraph
from tests.support.ops import OPS_KEY, ops_settings

TOKEN = "EAAGm0PX4ZCpsBAtestonly"
PHONE = "+" + meta.WA_ID
ACK = "Já avisei a equipe"
CHATWOOT_SECRET = "chatwoot-callback-secret-0123456789"
TO_HANDOFF = ["oi", "quero um app pra minha padaria Pão Quente em Curitiba",
              "quero falar com um atendente"]  # fmt: skip
T = TypeVar("T")
CREATED_FIELDS = {"handoff_id", "session_id", "user_key", "routing", "intent_primary",
                  "intents_detected", "qualification_level", "qualification_reasons", "summary",
                  "requirements", "deadline", "occurred_at", "contact"}  # fmt: skip


LOOP_SECONDS = 0.05  # the retry loops run: an event held behind an earlier one follows it


def last_monday_morning(now: datetime | None = None) -> datetime:
    """The latest Monday 10h in Brasília (13h UTC) before ``now``: within Meta's week of
    late deliveries, and in business hours, so what the team hears does not depend on the
    day the tests run (out of hours the bot says when the team is back)."""
    now = (now or datetime.now(UTC)).replace(microsecond=0)
    monday = (now - timedelta(days=now.weekday())).replace(hour=13, minute=0, second=0)
    return monday if monday <= now else monday - timedelta(days=7)


class Clock:
    """The app's clock; the test moves it (message timestamps follow it)."""

    def __init__(self, start: datetime | None = None) -> None:
        self.now = start or last_monday_morning()

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: float) -> None:
        self.now += timedelta(**delta)


def ticking(clock: Clock, observe: Callable[[], T], seconds: float = 3) -> Callable[[], T]:
    """``observe`` after moving the clock on, so a waiting delivery comes due for the loop."""

    def look() -> T:
        clock.advance(seconds=seconds)
        return observe()

    return look


def handoff_settings(tmp_path: Path, graph: FakeGraph, **overrides: Any) -> Settings:
    """SQLite in ``tmp_path``, replies through the fake Graph API, the ops keys of ops.py."""
    values = {"sender_backend": "graph", "graph_api_base_url": graph.url,
              "whatsapp_access_token": TOKEN, "outbound_rate_per_second": 1000,
              "recipient_max_messages": 100, "recipient_window_seconds": 0.001}  # fmt: skip
    return ops_settings(tmp_path, **(values | overrides))


def chatwoot_settings(tmp_path: Path, graph: FakeGraph, chatwoot_url: str,
                      **overrides: Any) -> Settings:  # fmt: skip
    """HANDOFF_BACKEND=chatwoot against the fake Chatwoot (its account, inbox and token)."""
    values = {"handoff_backend": "chatwoot", "chatwoot_base_url": chatwoot_url,
              "chatwoot_account_id": ACCOUNT_ID, "chatwoot_inbox_id": INBOX_ID,
              "chatwoot_api_token": CHATWOOT_TOKEN, "chatwoot_webhook_secret": CHATWOOT_SECRET,
              "outbox_retry_interval_seconds": LOOP_SECONDS}  # fmt: skip
    return handoff_settings(tmp_path, graph, **(values | overrides))


def say(client: Any, clock: Clock, *lines: str, sender: str = meta.WA_ID) -> None:
    """The person writes each line (20 s apart), through the signed webhook."""
    for line in lines:
        msg = meta.message(ts=int(clock.now.timestamp()), sender=sender, text={"body": line})
        body = meta.meta_bytes(meta.envelope([msg], contacts=[meta.contact(sender)]))
        answer = client.post("/webhooks/whatsapp", content=body,
                             headers={"X-Hub-Signature-256": meta.sign(body)})  # fmt: skip
        assert answer.status_code == 200, answer.text
        clock.advance(seconds=20)


def ops(client: Any, method: str, path: str, body: Any = None, key: str | None = OPS_KEY):
    """An ops API call with the Bearer key (none when ``key`` is None)."""
    headers = {"Authorization": f"Bearer {key}"} if key is not None else {}
    content = body if isinstance(body, bytes | str) or body is None else json.dumps(body)
    return client.request(method, path, content=content, headers=headers)


def leads(client: Any, key: str = OPS_KEY, **params: str) -> list[dict[str, Any]]:
    """GET /v1/handoffs with these query parameters: the rows (asserting a 200)."""
    answer = client.get("/v1/handoffs", params=params, headers={"Authorization": f"Bearer {key}"})
    assert answer.status_code == 200, answer.text
    return answer.json()["handoffs"]


def text_of(body: dict[str, Any]) -> str:
    """The text a person sees in one Graph API send (text or interactive)."""
    if body.get("type") == "text":
        return body["text"]["body"]
    return body.get("interactive", {}).get("body", {}).get("text", "")


def received(graph: FakeGraph, since: int = 0) -> list[tuple[str, str]]:
    """(type, text) of each message the person got, from send number ``since`` on."""
    return [(body["type"], text_of(body)) for body in graph.sent[since:]]
