"""What a simulated conversation produced: sessions (in order of creation) and the replies."""

from __future__ import annotations

from typing import Any

from pyloto_corp.adapters.whatsapp.console_sender import render
from pyloto_corp.cli.simulation.conversation import Conversation, Outbound
from pyloto_corp.domain import labels as words
from pyloto_corp.domain.conversation import Direction, StoredMessage
from pyloto_corp.domain.records import LeadProfile, SessionRecord

LEAD_FIELDS = ("name", "phone", "city", "is_business", "business_name", "role")


def lead_dict(lead: LeadProfile | None) -> dict[str, Any] | None:
    return None if lead is None else {name: getattr(lead, name) for name in LEAD_FIELDS}


def session_dict(phone: str, user_key: str, session: SessionRecord, lead) -> dict[str, Any]:
    """The issue's shape; qualification comes from the handoff, else the last resolved intent."""
    context = session.context
    handoff = context.get("handoff")
    resolved = (context.get("resolved") or [{}])[-1]
    if handoff:
        primary, detected = handoff["intent_primary"], handoff["intents_detected"]
        level, reasons = handoff["qualification_level"], handoff["qualification_reasons"]
    else:
        primary = session.active_intent or resolved.get("intent")
        detected = list(dict.fromkeys([*([primary] if primary else []),
                                       *context.get("detected", [])]))  # fmt: skip
        level, reasons = resolved.get("level"), list(resolved.get("reasons") or [])
    return {
        "phone": phone,
        "user_key": user_key,
        "session_id": session.session_id,
        "outcome": session.outcome,
        "close_reason": context.get("close_reason"),  # in the transcript only (opt-out)
        "intent_primary": primary,
        "intents_detected": list(detected),
        "qualification_level": level,
        "qualification_reasons": list(reasons),
        "handoff": handoff,
        "handoffs": context.get("handoffs") or ([handoff] if handoff else []),
        "lead": lead_dict(lead),
    }


def message_dict(message: StoredMessage) -> dict[str, str]:
    """``sent_at``: Meta's timestamp (when the person wrote); ``received_at``: the service's."""
    return {"provider_message_id": message.provider_message_id,
            "sent_at": message.sent_at.isoformat(),
            "received_at": message.stored_at.isoformat()}  # fmt: skip


def owner(message: StoredMessage, ordered: list[SessionRecord]) -> SessionRecord | None:
    """The session that applied the message, else the last one open when it arrived."""
    for session in ordered:
        if message.provider_message_id in session.context.get("applied", []):
            return session
    opened = [s for s in ordered if s.opened_at <= message.stored_at]
    return opened[-1] if opened else None


async def sessions(conversation: Conversation) -> list[dict[str, Any]]:
    storage = conversation.harness.storage
    rows = []
    for phone in conversation.phones:
        key = conversation.user_key(phone)
        lead = await storage.leads.get(key)
        ordered = sorted(await storage.sessions.list_for_user(key),
                         key=lambda s: (s.opened_at, s.session_id))  # fmt: skip
        mine: dict[str, list[dict[str, str]]] = {s.session_id: [] for s in ordered}
        for message in await storage.conversations.list_messages(key):
            session = owner(message, ordered) if message.direction is Direction.IN else None
            if session is not None:
                mine[session.session_id].append(message_dict(message))
        for session in ordered:
            row = session_dict(phone, key, session, lead)
            rows.append(((session.opened_at, session.session_id),
                         {**row, "messages": mine[session.session_id]}))  # fmt: skip
    return [row for _, row in sorted(rows, key=lambda pair: pair[0])]


def render_reply(reply: Outbound) -> str:
    """A reply as the person would see it: exactly what the console sender prints."""
    return render({"body": reply.text, "options": list(reply.options)})


def render_session(row: dict[str, Any]) -> str:
    """One session as the operator reads it: canonical codes in pt-BR words."""
    outcome = words.label(words.OUTCOMES, row["outcome"]) if row["outcome"] else (
        "aberta (sem desfecho ainda)")  # fmt: skip
    if row.get("close_reason") == "opt_out":
        outcome = "encerrada a pedido da pessoa (não quer mais mensagens)"
    parts = [f"sessão {row['session_id']} ({row['phone']}): {outcome}"]
    if row["intent_primary"]:
        parts.append(f"intenção: {words.label(words.INTENTS, row['intent_primary'])}")
    if row["qualification_level"]:
        parts.append(f"qualificação {words.label(words.PRIORITIES, row['qualification_level'])}")
    if row["handoff"]:
        parts.append(f"encaminhada para {words.label(words.ROUTING, row['handoff']['routing'])}")
    return " · ".join(parts)
