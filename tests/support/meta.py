"""Builders of real-looking Meta webhook payloads, signed like Meta signs them."""

from __future__ import annotations

import hashlib
import hmac
import itertools
import json
from typing import Any

APP_SECRET = "test-app-secret-0123456789abcdef"
VERIFY_TOKEN = "test-verify-token"
PHONE_NUMBER_ID = "106540352242922"
WA_ID = "5542999990001"
_ids = itertools.count(1)


def next_wamid() -> str:
    return f"wamid.TEST{next(_ids):012d}"


def sign(body: bytes, secret: str = APP_SECRET) -> str:
    return "sha256=" + hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()


def meta_bytes(document: dict[str, Any]) -> bytes:
    """Serialize like Meta: compact, non-ASCII escaped as \\uXXXX."""
    return json.dumps(document, separators=(",", ":"), ensure_ascii=True).encode()


def message(kind: str = "text", *, wamid: str | None = None, ts: int = 1_763_000_000,
            sender: str | None = WA_ID, **part: Any) -> dict[str, Any]:  # fmt: skip
    msg: dict[str, Any] = {"id": wamid or next_wamid(), "timestamp": str(ts), "type": kind}
    if sender is not None:
        msg["from"] = sender
    if kind == "text" and not part:
        part = {"text": {"body": "Olá, vocês fazem aplicativo? Meu número é +55 42 99999-0001 😀"}}
    msg.update(part)
    return msg


def contact(wa_id: str | None = WA_ID, name: str = "Ana Souza", user_id: str | None = None):
    entry: dict[str, Any] = {"profile": {"name": name}}
    if wa_id:
        entry["wa_id"] = wa_id
    if user_id:
        entry["user_id"] = user_id
    return entry


def envelope(messages: list[dict[str, Any]] | None = None,
             statuses: list[dict[str, Any]] | None = None, *,
             phone_number_id: str = PHONE_NUMBER_ID,
             contacts: list[dict[str, Any]] | None = None) -> dict[str, Any]:  # fmt: skip
    value: dict[str, Any] = {
        "messaging_product": "whatsapp",
        "metadata": {"display_phone_number": "554230000000", "phone_number_id": phone_number_id},
    }
    if messages is not None:
        value["contacts"] = contacts if contacts is not None else [contact()]
        value["messages"] = messages
    if statuses is not None:
        value["statuses"] = statuses
    change = {"field": "messages", "value": value}
    return {"object": "whatsapp_business_account", "entry": [{"id": "WABA1", "changes": [change]}]}


def status(wamid: str, state: str = "delivered", *, ts: int = 1_763_000_100,
           errors: list[dict[str, Any]] | None = None) -> dict[str, Any]:  # fmt: skip
    item: dict[str, Any] = {"id": wamid, "status": state, "timestamp": str(ts),
                            "recipient_id": WA_ID}  # fmt: skip
    if errors:
        item["errors"] = errors
    return item
