"""Domain message values: invariants, and no personal data in their repr."""

from datetime import UTC, datetime

import pytest

from pyloto_corp.api.dependencies import WebhookConfig
from pyloto_corp.api.whatsapp.senders import resolve_recipient
from pyloto_corp.domain.conversation import Direction, StoredMessage
from pyloto_corp.domain.errors import DomainError
from pyloto_corp.domain.messages import (
    DeliveryStatus,
    InboundMessage,
    MessageKind,
    SenderIdKind,
    SenderRef,
    StatusUpdate,
)
from pyloto_corp.domain.records import SessionRecord

NOW = datetime(2026, 11, 23, tzinfo=UTC)
SENDER = SenderRef(SenderIdKind.WA_ID, "5542999990001", profile_name="Ana")


def message(**overrides):
    values = {"provider_message_id": "wamid.1", "phone_number_id": "1", "sender": SENDER,
              "sent_at": NOW, "kind": MessageKind.TEXT, "original_type": "text",
              "text": "oi Ana"}  # fmt: skip
    return InboundMessage(**(values | overrides))


def test_repr_never_shows_phone_name_or_text():
    """An accidental repr in a log shows ids and kinds only."""
    shown = repr(message())
    assert "5542999990001" not in shown and "Ana" not in shown and "oi" not in shown
    assert "wamid.1" in shown


@pytest.mark.parametrize(
    "overrides", [{"provider_message_id": ""}, {"sent_at": datetime(2026, 1, 1)}]
)
def test_inbound_message_invariants(overrides):
    """An id is required and times must be timezone-aware."""
    with pytest.raises(DomainError):
        message(**overrides)


@pytest.mark.parametrize(
    "overrides", [{"provider_message_id": ""}, {"occurred_at": datetime(2026, 1, 1)}]
)
def test_status_update_invariants(overrides):
    """Status updates follow the same rules."""
    values = {"provider_message_id": "w", "phone_number_id": "1", "status": DeliveryStatus.READ,
              "occurred_at": NOW}  # fmt: skip
    with pytest.raises(DomainError):
        StatusUpdate(**(values | overrides))


def test_sender_needs_a_value():
    """A sender reference cannot be empty."""
    with pytest.raises(DomainError):
        SenderRef(SenderIdKind.USER_ID, "")


def test_status_recipient_by_business_scoped_id():
    """A status for a username user is keyed on recipient_user_id; garbage gives None."""
    assert resolve_recipient(None, "BR.123456").kind is SenderIdKind.USER_ID
    assert resolve_recipient("not-a-phone", "a b") is None


def test_webhook_config_refuses_an_empty_secret():
    """The HTTP layer refuses to run with an empty app secret, whatever built it."""
    with pytest.raises(ValueError, match="secret"):
        WebhookConfig(app_secret=b"", verify_token="t", phone_number_id="", max_body_bytes=1)


def test_stored_records_guard_their_invariants():
    """Stored messages need ids, aware times and sanitized text; closed ⇔ outcome."""
    base = {"user_key": "u", "provider_message_id": "w", "direction": Direction.IN,
            "kind": "text", "sent_at": NOW, "stored_at": NOW}  # fmt: skip
    for bad in ({"user_key": ""}, {"sent_at": datetime(2026, 1, 1)}, {"text": "x" * 5000}):
        with pytest.raises(DomainError):
            StoredMessage(**(base | bad))
    with pytest.raises(DomainError):
        SessionRecord("s", "u", NOW, NOW, outcome="UNSUPPORTED")
