"""Meta-shaped payloads, signed, through the whole service: no 5xx, no crash, no PII in logs.

Hypothesis builds every message type Meta sends, then breaks it: truncated bytes, wrong
types, huge strings, deep nesting, unicode edge cases (lone surrogates, NUL, BOM,
bidi overrides, combining marks, ZWJ emoji). Every payload carries a phone, a name, an
e-mail and a phrase; none of them may reach a log line, whatever the service does.
"""

from __future__ import annotations

import json

import pytest
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from structlog.testing import capture_logs

from pyloto_corp.bootstrap import Overrides, build_app
from pyloto_corp.infra.logging import shared_processors
from tests.conftest import make_settings
from tests.support import meta

pytestmark = pytest.mark.pii_logs
NASTY = ["\x00", "\ufeff", "\u202e", "\u200d", "\ud800", "\udfff", "a\u0301" * 40,
         "👩‍👩‍👧‍👦", "𝕬𝖇𝖈", "مرحبا", "\r\n\t", "ﬁ", "İ", "\u2028", "%s%n{0}", "<script>",
         "' OR 1=1 --"]  # fmt: skip
NAME, EMAIL, PHRASE = "Zélia Sentinela", "zelia.sentinela@example.com", "meu segredo 7431"
texts = st.one_of(st.text(max_size=60), st.sampled_from(NASTY),
                  st.lists(st.sampled_from(NASTY), max_size=6).map("".join))  # fmt: skip
# Varied digits, so that a phone cannot match a run of zeros in a hash by chance.
wa_ids = st.from_regex(r"\A55\d{10,11}\Z").filter(lambda p: len(set(p[4:])) >= 5)


def _personal(text: str, phone: str) -> str:
    return f"{text} {PHRASE} {EMAIL} +{phone[:2]} {phone[2:4]} {phone[4:]}"


@st.composite
def meta_message(draw) -> tuple[dict, str]:
    phone, text = draw(wa_ids), draw(texts)
    kind = draw(st.sampled_from(["text", "interactive", "button", "image", "audio", "document",
                                 "sticker", "video", "location", "contacts", "reaction",
                                 "order", "system", "unsupported"]))  # fmt: skip
    body = _personal(text, phone)
    parts = {
        "text": {"text": {"body": body}},
        "interactive": {"interactive": {"type": "list_reply", "list_reply": {
            "id": draw(st.sampled_from(["CUSTOM_SOFTWARE", "confirm_yes", text])), "title": body,
            "description": body}}},
        "button": {"button": {"payload": body, "text": body}},
        "location": {"location": {"latitude": -25.4, "longitude": -49.2, "name": body,
                                  "address": body}},
        "contacts": {"contacts": [{"name": {"formatted_name": NAME},
                                   "phones": [{"phone": phone}]}]},
        "reaction": {"reaction": {"message_id": "wamid.X", "emoji": text}},
    }  # fmt: skip
    media = {"id": "M1", "mime_type": "image/jpeg", "sha256": "x", "caption": body}
    message = meta.message(kind, sender=phone, ts=draw(st.integers(1, 2_000_000_000)),
                           **parts.get(kind, {kind: media}))  # fmt: skip
    return meta.envelope([message], contacts=[meta.contact(phone, NAME)]), phone


def _wrong_types(document: dict, draw) -> dict:
    value = document["entry"][0]["changes"][0]["value"]
    target = draw(st.sampled_from(["messages", "metadata", "contacts", "message", "text"]))
    junk = draw(st.one_of(st.integers(), st.floats(allow_nan=False), st.booleans(), st.none(),
                          st.lists(st.integers(), max_size=3), st.text(max_size=5)))  # fmt: skip
    if target == "message":
        value["messages"][0] = junk
    elif target == "text":
        value["messages"][0]["timestamp"] = junk
    else:
        value[target] = junk
    return document


@st.composite
def broken_payload(draw) -> tuple[bytes, str]:
    document, phone = draw(meta_message())
    how = draw(st.sampled_from(["valid", "truncated", "wrong_types", "huge", "deep"]))
    if how == "wrong_types":
        document = _wrong_types(document, draw)
    if how == "huge":
        document["entry"][0]["changes"][0]["value"]["messages"][0]["text"] = {
            "body": _personal("x" * draw(st.integers(5_000, 400_000)), phone)}  # fmt: skip
    if how == "deep":  # written as bytes: Python's own json cannot build it this deep
        document["entry"][0]["changes"][0]["value"]["extra"] = "__DEEP__"
    raw = meta.meta_bytes(document)
    if how == "deep":
        depth = draw(st.integers(20, 5000))
        raw = raw.replace(b'"__DEEP__"', b"[" * depth + b"]" * depth)
    if how == "truncated":
        raw = raw[: draw(st.integers(0, len(raw) - 1))]
    return raw, phone


@pytest.fixture(scope="module")
def fuzz_client():
    with TestClient(build_app(make_settings(), Overrides()), raise_server_exceptions=True) as c:
        yield c


@settings(max_examples=250, deadline=None, suppress_health_check=list(HealthCheck))
@given(payload=broken_payload())
def test_signed_meta_payloads_never_crash_nor_leak(fuzz_client, payload):
    """200, 400 or 413 — never a 5xx; no log line holds the phone, name, e-mail or text."""
    raw, phone = payload
    with capture_logs(processors=shared_processors()) as entries:
        response = fuzz_client.post("/webhooks/whatsapp", content=raw,
                                    headers={"X-Hub-Signature-256": meta.sign(raw)})  # fmt: skip
    assert response.status_code in {200, 400, 413}, response.text
    logged = json.dumps(entries, ensure_ascii=False, default=str)
    for secret in (phone, phone[4:], NAME, EMAIL, PHRASE, "Sentinela"):
        assert secret not in logged


def test_a_lone_surrogate_is_kept_as_a_replacement_character(fuzz_client):
    """JSON may carry half a UTF-16 pair; the message is stored with U+FFFD, not dropped (500)."""
    raw = meta.meta_bytes(meta.envelope([meta.message(text={"body": "oi \ud800 tudo bem?"})]))
    response = fuzz_client.post("/webhooks/whatsapp", content=raw,
                                headers={"X-Hub-Signature-256": meta.sign(raw)})  # fmt: skip
    assert response.status_code == 200 and response.json()["processed"] == 1
