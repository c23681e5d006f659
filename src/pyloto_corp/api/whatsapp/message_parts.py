"""Turn one validated ``MessageIn`` into the content fields of a domain InboundMessage."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from pyloto_corp.api.whatsapp.message_models import InteractiveIn, MediaIn, MessageIn
from pyloto_corp.domain.messages import (
    InteractiveReply,
    Location,
    MediaRef,
    MessageKind,
    ProviderError,
    Reaction,
)

Content = dict[str, Any]


class MalformedMessage(ValueError):
    """The message's declared type does not match its content."""


def _require(value: Any, part: str) -> Any:
    if value is None:
        raise MalformedMessage(f"missing {part}")
    return value


def _text(msg: MessageIn) -> Content:
    return {"kind": MessageKind.TEXT, "text": _require(msg.text, "text").body}


def _interactive_reply(interactive: InteractiveIn) -> InteractiveReply:
    reply = interactive.button_reply or interactive.list_reply
    if reply is not None:
        return InteractiveReply(
            reply_type=interactive.type,
            reply_id=reply.id,
            title=reply.title,
            description=reply.description,
        )
    flow = _require(interactive.nfm_reply, interactive.type)
    return InteractiveReply(
        reply_type=interactive.type,
        reply_id=flow.name or "flow",
        title=flow.body,
        payload=flow.response_json,
    )


def _interactive(msg: MessageIn) -> Content:
    reply = _interactive_reply(_require(msg.interactive, "interactive"))
    return {"kind": MessageKind.INTERACTIVE, "interactive": reply}


def _button(msg: MessageIn) -> Content:
    button = _require(msg.button, "button")
    reply = InteractiveReply(reply_type="button", reply_id=button.payload or "", title=button.text)
    return {"kind": MessageKind.BUTTON, "interactive": reply}


def _media(kind: MessageKind) -> Callable[[MessageIn], Content]:
    def extract(msg: MessageIn) -> Content:
        media: MediaIn = _require(getattr(msg, kind.value), kind.value)
        ref = MediaRef(
            media_id=media.id,
            mime_type=media.mime_type,
            sha256=media.sha256,
            caption=media.caption,
            filename=media.filename,
        )
        return {"kind": kind, "media": ref}

    return extract


def _location(msg: MessageIn) -> Content:
    loc = _require(msg.location, "location")
    place = Location(loc.latitude, loc.longitude, name=loc.name, address=loc.address)
    return {"kind": MessageKind.LOCATION, "location": place}


def _contacts(msg: MessageIn) -> Content:
    return {"kind": MessageKind.CONTACTS, "item_count": len(_require(msg.contacts, "contacts"))}


def _reaction(msg: MessageIn) -> Content:
    reaction = _require(msg.reaction, "reaction")
    value = Reaction(message_id=reaction.message_id, emoji=reaction.emoji or None)
    return {"kind": MessageKind.REACTION, "reaction": value}


def _order(msg: MessageIn) -> Content:
    items = len(_require(msg.order, "order").product_items)
    return {"kind": MessageKind.ORDER, "item_count": items}


def _system(msg: MessageIn) -> Content:
    return {"kind": MessageKind.SYSTEM, "system_type": _require(msg.system, "system").type}


_EXTRACTORS: dict[str, Callable[[MessageIn], Content]] = {
    "text": _text,
    "interactive": _interactive,
    "button": _button,
    "location": _location,
    "contacts": _contacts,
    "reaction": _reaction,
    "order": _order,
    "system": _system,
    **{kind.value: _media(kind) for kind in MessageKind if kind.value in {
        "image", "audio", "video", "document", "sticker"}},
}  # fmt: skip


def message_content(msg: MessageIn) -> Content:
    """Content fields for the message's type; unknown types become UNSUPPORTED."""
    extract = _EXTRACTORS.get(msg.type)
    content = extract(msg) if extract else {"kind": MessageKind.UNSUPPORTED}
    content["errors"] = tuple(ProviderError(e.code, e.title) for e in msg.errors)
    content["context_message_id"] = msg.context.id if msg.context else None
    content["referral_source"] = msg.referral.source_type if msg.referral else None
    return content
