"""What Chatwoot's webhooks tell the bot: an agent answered, or the conversation was resolved.

Payloads follow Chatwoot's ``Message#webhook_data`` (``message_created``: ``id``,
``content``, ``message_type`` "outgoing", ``private``, ``content_attributes``,
``source_id``, ``sender`` with ``type`` "user" for an agent, ``conversation``) and
``Conversation#webhook_data`` (``conversation_status_changed`` / the older
``conversation_resolved``: the conversation itself at the top level, with ``status``).
The handoff is named by ``pyloto_handoff_id``, which the notifier writes both in the
conversation's ``custom_attributes`` and ``additional_attributes``: newer Chatwoot echoes
both in webhooks, older releases only ``additional_attributes``.

Every message the notifier posts (transcript, notes, forwarded messages) comes back as a
webhook too, and, posted with a user's access token, its ``sender`` looks exactly like an
agent's. So each post carries ``content_attributes: {"pyloto": true}`` and a ``source_id``
starting with ``pyloto:``; either one marks a message as ours and it is never an agent reply.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

HANDOFF_ATTRIBUTE = "pyloto_handoff_id"
MARK_ATTRIBUTE = "pyloto"
SOURCE_PREFIX = "pyloto:"
OUTGOING = "outgoing"
OUTGOING_CODE = 1  # message_type as an integer (Message#push_event_data)
RESOLVED_EVENTS = frozenset({"conversation_status_changed", "conversation_resolved"})
MAX_ID_LENGTH = 128


@dataclass(frozen=True, slots=True)
class ChatwootAgentReply:
    """A public answer written by an agent in Chatwoot: to be sent to the person."""

    handoff_id: str
    text: str = field(repr=False)
    chatwoot_message_id: str


@dataclass(frozen=True, slots=True)
class ChatwootResolved:
    """The team resolved the conversation in Chatwoot: the bot may take over again."""

    handoff_id: str


def our_mark(handoff_source: str) -> dict[str, Any]:
    """The fields that make a message we post recognisable when it comes back."""
    return {
        "content_attributes": {MARK_ATTRIBUTE: True},
        "source_id": SOURCE_PREFIX + handoff_source,
    }


def handoff_attributes(handoff_id: str) -> dict[str, Any]:
    return {"custom_attributes": {HANDOFF_ATTRIBUTE: handoff_id},
            "additional_attributes": {HANDOFF_ATTRIBUTE: handoff_id}}  # fmt: skip


def handoff_id_of(conversation: Any) -> str | None:
    """The handoff a Chatwoot conversation was opened for, or None."""
    if not isinstance(conversation, dict):
        return None
    for key in ("custom_attributes", "additional_attributes"):
        attributes = conversation.get(key)
        found = attributes.get(HANDOFF_ATTRIBUTE) if isinstance(attributes, dict) else None
        if isinstance(found, str) and 0 < len(found) <= MAX_ID_LENGTH and found.strip():
            return found
    return None


def parse_chatwoot_webhook(body: Any) -> ChatwootAgentReply | ChatwootResolved | None:
    """Never raises: anything that is not clearly one of the two answers is None."""
    if not isinstance(body, dict):
        return None
    event = body.get("event")
    if event == "message_created":
        return _agent_reply(body)
    if isinstance(event, str) and event in RESOLVED_EVENTS:
        return _resolved(body)
    return None


def _agent_reply(body: dict[str, Any]) -> ChatwootAgentReply | None:
    content = body.get("content")
    if not _is_outgoing(body.get("message_type")) or body.get("private") is not False:
        return None
    if not isinstance(content, str) or not content.strip() or is_ours(body):
        return None
    sender = body.get("sender")
    if not isinstance(sender, dict) or sender.get("type") != "user":
        return None  # agent bots, automations and contacts are not agent replies
    handoff_id, message_id = handoff_id_of(body.get("conversation")), _message_id(body.get("id"))
    if handoff_id is None or message_id is None:
        return None
    return ChatwootAgentReply(handoff_id=handoff_id, text=content, chatwoot_message_id=message_id)


def _resolved(body: dict[str, Any]) -> ChatwootResolved | None:
    if body.get("status") != "resolved":
        return None
    handoff_id = handoff_id_of(body)
    return ChatwootResolved(handoff_id) if handoff_id is not None else None


def is_ours(message: dict[str, Any]) -> bool:
    attributes = message.get("content_attributes")
    if isinstance(attributes, dict) and attributes.get(MARK_ATTRIBUTE) is True:
        return True
    source_id = message.get("source_id")
    return isinstance(source_id, str) and source_id.startswith(SOURCE_PREFIX)


def _is_outgoing(message_type: Any) -> bool:
    if isinstance(message_type, bool):
        return False
    return message_type == OUTGOING or (
        isinstance(message_type, int) and message_type == OUTGOING_CODE
    )


def _message_id(value: Any) -> str | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int) and value > 0:
        return str(value)
    if isinstance(value, str) and 0 < len(value) <= MAX_ID_LENGTH and value.strip():
        return value
    return None
