"""Fitted replies → the JSON bodies of ``POST /{version}/{phone_number_id}/messages``."""

from __future__ import annotations

from typing import Any

from pyloto_corp.domain.outbound import Recipient


def message_body(recipient: Recipient, reply: dict[str, Any]) -> dict[str, Any]:
    base = {"messaging_product": "whatsapp", "recipient_type": "individual"}
    base.update(recipient.address())
    if reply["kind"] == "text":
        return {**base, "type": "text", "text": {"body": reply["body"], "preview_url": False}}
    return {**base, "type": "interactive", "interactive": _interactive(reply)}


def _interactive(reply: dict[str, Any]) -> dict[str, Any]:
    body = {"text": reply["body"]}
    if reply["kind"] == "buttons":
        buttons = [
            {"type": "reply", "reply": {"id": o["id"], "title": o["title"]}}
            for o in reply["options"]
        ]
        return {"type": "button", "body": body, "action": {"buttons": buttons}}
    rows = []
    for option in reply["options"]:
        row = {"id": option["id"], "title": option["title"]}
        if option.get("description"):
            row["description"] = option["description"]
        rows.append(row)
    action = {"button": reply["list_button"], "sections": [{"rows": rows}]}
    return {"type": "list", "body": body, "action": action}


def read_body(message_id: str, *, typing: bool) -> dict[str, Any]:
    """Mark the person's message as read; with ``typing`` they also see "digitando…"."""
    body: dict[str, Any] = {"messaging_product": "whatsapp", "status": "read",
                            "message_id": message_id}  # fmt: skip
    if typing:
        body["typing_indicator"] = {"type": "text"}
    return body
