"""The redaction processor: names that hold personal data, phones and e-mails anywhere."""

import pytest

from pyloto_corp.infra.redaction import REDACTED, redact_pii, scrub

pytestmark = pytest.mark.pii_logs


@pytest.mark.parametrize(
    "phone",
    ["+5542999990001", "+55 42 99999-0001", "(42) 99999-0001", "42 99999 0001", "5542999990001",
     "42999990001", "99999-0001", "3222-1234", "+1 650 555 1234", "+55 (11) 3333-4444"],
)  # fmt: skip
def test_phones_in_any_field_are_masked(phone):
    """E.164 and Brazilian formats are masked inside free strings."""
    out = scrub(f"ligar para {phone} amanhã")
    assert phone not in out and "[PHONE]" in out


@pytest.mark.parametrize("email", ["ana@padaria.com.br", "joao.silva+zap@gmail.com"])
def test_emails_are_masked(email):
    """E-mail addresses are masked."""
    assert scrub(f"meu email: {email}") == "meu email: [EMAIL]"


@pytest.mark.parametrize(
    "safe",
    ["2026-11-23T00:44:13.123456Z", "wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQzQTRBNjU5OUFFRTAzODEwMTQ0RgA",
     "550e8400-e29b-41d4-a716-446655440000", "duration 12.5 ms", "status=200", "v24.0",
     "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"],
)  # fmt: skip
def test_ids_times_and_hashes_survive(safe):
    """Timestamps, wamids, UUIDs and hashes are not mistaken for phones."""
    assert scrub(safe) == safe


def test_sensitive_keys_are_replaced_whole_even_nested():
    """Fields named text, name, phone, wa_id... are redacted at any depth."""
    event = {"event": "x", "text": "oi", "ctx": {"name": "Ana", "items": [{"wa_id": "55"}]},
             "profile_name": "Ana", "Authorization": "Bearer abc"}  # fmt: skip
    out = redact_pii(None, "info", event)
    assert out["text"] == out["profile_name"] == out["Authorization"] == REDACTED
    assert out["ctx"]["name"] == REDACTED and out["ctx"]["items"][0]["wa_id"] == REDACTED


def test_identifier_keys_and_small_numbers_are_kept():
    """user_key, provider_message_id and correlation_id pass untouched; counts stay numbers."""
    event = {"event": "e", "user_key": "5542999990001", "provider_message_id": "wamid.1",
             "correlation_id": "c-1", "count": 3, "ok": True, "big": 5542999990001}  # fmt: skip
    out = redact_pii(None, "info", dict(event))
    assert out["user_key"] == "5542999990001" and out["count"] == 3 and out["ok"] is True
    assert out["big"] == "[NUMBER]"


def test_event_text_is_scrubbed():
    """Even a badly written event string cannot carry a phone."""
    assert redact_pii(None, "info", {"event": "got +5542999990001"})["event"] == "got [PHONE]"
