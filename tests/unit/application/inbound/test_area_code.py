"""The phone's DDD reaches the engine only as a hint for the city (issue 21)."""

from __future__ import annotations

from datetime import UTC, datetime

from pyloto_corp.application.inbound.converse import area_code
from pyloto_corp.domain.messages import InboundMessage, MessageKind, SenderIdKind, SenderRef


def _message(kind: SenderIdKind, value: str) -> InboundMessage:
    sent = datetime(2026, 12, 4, tzinfo=UTC)
    return InboundMessage("wamid.A", "pn", SenderRef(kind, value), sent, MessageKind.TEXT, "text",
                          text="oi")  # fmt: skip


def test_a_brazilian_number_gives_its_area_code() -> None:
    assert area_code(_message(SenderIdKind.WA_ID, "5542999990001")) == "42"


def test_other_senders_give_none() -> None:
    assert area_code(_message(SenderIdKind.WA_ID, "14155550100")) is None
    assert area_code(_message(SenderIdKind.USER_ID, "BR.123456789")) is None
