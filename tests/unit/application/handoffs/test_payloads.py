"""The body a handoff destination receives for a message forwarded during the takeover."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import jsonschema_rs
import pytest

from pyloto_corp.application.handoffs.payloads import event_body
from pyloto_corp.application.handoffs.ports import Contact, Notice
from pyloto_corp.domain.handoff_events import EventKind, HandoffEvent, HandoffRecord

SCHEMA = Path(__file__).parents[4] / "docs" / "handoff-event.schema.json"
USER = "Up9_" + "a" * 39
T0 = datetime(2026, 12, 4, 22, 0, tzinfo=UTC)


def message(data: dict) -> dict:
    record = HandoffRecord("s1-1", USER, "s1", "entrega_support", T0,
                           T0 + timedelta(hours=24), {"summary": "• Assunto: entrega"})  # fmt: skip
    event = HandoffEvent("s1-1", 3, EventKind.MESSAGE, USER, T0, T0, data)
    return event_body(Notice(event, record, Contact(name="Rafael", phone="+5542999990001")))


@pytest.mark.parametrize("escalated", [True, False])
def test_a_request_for_someone_in_charge_is_flagged_on_the_message(escalated: bool) -> None:
    data = {"message_id": "wamid.8", "kind": "text", "text": "quero falar com o gerente"}
    body = message({**data, "human_requested": True} if escalated else data)
    assert body["message"] == ({**data, "human_requested": True} if escalated else data)
    jsonschema_rs.validator_for(json.loads(SCHEMA.read_text(encoding="utf-8"))).validate(body)


def test_who_the_person_is_said_after_the_handoff_is_a_lead_update() -> None:
    data = {"message_id": "wamid.9", "kind": "text", "text": "ah meu nome é Everton",
            "lead_update": {"name": "Everton", "requirements": {"city": "Castro"}}}  # fmt: skip
    body = message(data)
    assert body["lead_update"] == data["lead_update"] and "lead_update" not in body["message"]
    jsonschema_rs.validator_for(json.loads(SCHEMA.read_text(encoding="utf-8"))).validate(body)
