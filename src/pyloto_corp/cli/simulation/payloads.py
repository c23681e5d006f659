"""Webhook documents exactly as Meta sends them, signed with the app secret."""

from __future__ import annotations

import hashlib
import hmac
import json
import unicodedata
from typing import Any

MEDIA_TYPES = {
    "image": "image/jpeg",
    "audio": "audio/ogg; codecs=opus",
    "video": "video/mp4",
    "document": "application/pdf",
    "sticker": "image/webp",
}
OTHER_TYPES = ("location",)
# The same types by their pt-BR names, written without accents ("áudio" is read as "audio").
PT_BR_TYPES = {"imagem": "image", "audio": "audio", "video": "video", "documento": "document",
               "figurinha": "sticker", "localizacao": "location"}  # fmt: skip
TYPE_NAMES = "imagem, áudio, vídeo, documento, figurinha ou localização"


def media_kind(name: str) -> str | None:
    """The webhook type for ``imagem``, ``Vídeo``, ``image``...; None when not a type."""
    plain = unicodedata.normalize("NFKD", name.strip().lower())
    plain = "".join(char for char in plain if not unicodedata.combining(char))
    kind = PT_BR_TYPES.get(plain, plain)
    return kind if kind in (*MEDIA_TYPES, *OTHER_TYPES) else None


def sign(body: bytes, secret: bytes) -> str:
    return "sha256=" + hmac.new(secret, body, hashlib.sha256).hexdigest()


def encode(document: dict[str, Any]) -> bytes:
    """Compact, non-ASCII escaped: the bytes Meta signs."""
    return json.dumps(document, separators=(",", ":"), ensure_ascii=True).encode()


def message(wamid: str, wa_id: str, timestamp: int, kind: str, part: dict[str, Any]):
    return {"from": wa_id, "id": wamid, "timestamp": str(timestamp), "type": kind, **part}


def text_part(text: str) -> dict[str, Any]:
    return {"text": {"body": text}}


def choice_part(option: dict[str, Any], from_list: bool) -> dict[str, Any]:
    """A tap on a list row or a reply button."""
    if from_list:
        row = {"id": option["id"], "title": option["title"]}
        if option.get("description"):
            row["description"] = option["description"]
        return {"interactive": {"type": "list_reply", "list_reply": row}}
    reply = {"id": option["id"], "title": option["title"]}
    return {"interactive": {"type": "button_reply", "button_reply": reply}}


def media_part(kind: str, media_id: str) -> dict[str, Any]:
    if kind == "location":
        return {"location": {"latitude": -25.0945, "longitude": -50.1633}}
    content: dict[str, Any] = {"id": media_id, "mime_type": MEDIA_TYPES[kind]}
    if kind == "document":
        content["filename"] = "arquivo.pdf"
    return {kind: content}


def envelope(phone_number_id: str, wa_id: str, msg: dict[str, Any]) -> dict[str, Any]:
    value = {
        "messaging_product": "whatsapp",
        "metadata": {"display_phone_number": "554230000000", "phone_number_id": phone_number_id},
        "contacts": [{"profile": {"name": "Pessoa simulada"}, "wa_id": wa_id}],
        "messages": [msg],
    }
    change = {"field": "messages", "value": value}
    return {"object": "whatsapp_business_account", "entry": [{"id": "SIM", "changes": [change]}]}
