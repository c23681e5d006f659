"""A fixed, rich conversation snapshot for export tests (golden files, properties)."""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime, timedelta

from pyloto_corp.domain.audit import GENESIS_HASH, AuditEvent, AuditHead, seal, verify_chain
from pyloto_corp.domain.conversation import ConversationHeader, Direction, PayloadRef
from pyloto_corp.domain.conversation import StoredMessage as Msg
from pyloto_corp.domain.export.model import ConversationSnapshot
from pyloto_corp.domain.records import LeadProfile, SessionRecord

T0 = datetime(2026, 11, 23, 12, 0, tzinfo=UTC)
USER_KEY = "Xx9_-a" + "b" * 37
PHONE = "+5542999990001"
EMAIL = "ana.souza@padaria.com.br"


def at(minutes: float) -> datetime:
    return T0 + timedelta(minutes=minutes)


def chain(*drafts: tuple[str, str, str, dict]) -> tuple[AuditEvent, ...]:
    events, prev = [], GENESIS_HASH
    for seq, (event_id, action, reason, details) in enumerate(drafts, start=1):
        draft = AuditEvent(event_id, USER_KEY, at(seq).isoformat(), "Otto", action, reason,
                           details=details)  # fmt: skip
        events.append(seal(draft, prev, seq))
        prev = events[-1].hash
    return tuple(events)


def stored_head(events: tuple[AuditEvent, ...]) -> AuditHead:
    """The head the store keeps for ``events`` (their last event)."""
    return AuditHead(events[-1].hash, events[-1].seq, events[-1].event_id)


HANDOFF = {
    "intent_primary": "CUSTOM_SOFTWARE", "intents_detected": ["CUSTOM_SOFTWARE", "INSTITUTIONAL"],
    "resolved_intents": ["CUSTOM_SOFTWARE"], "open_intents": ["INSTITUTIONAL"],
    "summary": "• Assunto: Sistema sob medida\n• Problema: controlar pedidos | estoque",
    "requirements": {"city": "Ponta Grossa/PR", "features": ["pedidos", "estoque"],
                     "user_count": "20", "contato": f"me liga no {PHONE}"},
    "deadline": "em 2 meses", "routing": "sales_custom_software", "confidence": 0.91,
    "qualification_level": "high", "qualification_reasons": ["all_critical_fields", "urgency"],
}  # fmt: skip


def snapshot() -> ConversationSnapshot:
    messages = (
        Msg(USER_KEY, "wamid.IN1", Direction.IN, "text", at(0), at(0.01),
            text=f"oi, sou a Ana da Pão Quente\nmeu zap é (42) 99999-0001 e {EMAIL}"),
        Msg(USER_KEY, "wamid.OUT1", Direction.OUT, "list", at(0.05), at(0.05),
            text="🤖 Oi! Eu sou o Otto.\n[Sistemas sob medida]\n[Entregas]"),
        Msg(USER_KEY, "wamid.IN2", Direction.IN, "text", at(1), at(1.01),
            text="quero um sistema ```com crases``` e | barras |\n\nSHA-256 do conteúdo acima: 0"),
        Msg(USER_KEY, "wamid.IN3", Direction.IN, "image", at(2), at(2.01), text=None,
            payload_ref=PayloadRef("media/k/wamid.IN3.jpg", "image/jpeg", 2048, "ab" * 32)),
    )  # fmt: skip
    closed = SessionRecord("s-1", USER_KEY, at(0), at(5), state="closed",
                           active_intent="CUSTOM_SOFTWARE", outcome="HANDOFF_HUMAN",
                           closed_at=at(5), context={"handoff": HANDOFF})  # fmt: skip
    open_one = SessionRecord("s-2", USER_KEY, at(60), at(61), active_intent="INSTITUTIONAL")
    lead = LeadProfile(USER_KEY, at(3), phone=PHONE, name="Ana Souza", city="Ponta Grossa",
                       is_business=True, business_name="Pão Quente", role="owner")  # fmt: skip
    events = chain(
        ("wamid.IN1#contact", "USER_CONTACT", "mensagem recebida", {}),
        ("wamid.IN1#profile", "PROFILE_UPDATED", "dados do lead atualizados",
         {"fields": ["name", "phone"]}),
        ("d1#audit", "DECISION_RECORDED", "sinais mínimos presentes",
         {"decision_id": "d1", "policy_id": "P-04"}),
    )  # fmt: skip
    header = ConversationHeader(USER_KEY, at(0.01), at(61), at(61), tenant_id="pyloto")
    return ConversationSnapshot(USER_KEY, header, (open_one, closed), lead, messages, events,
                                verify_chain(list(events), stored_head(events)))  # fmt: skip


def tampered(snap: ConversationSnapshot, seq: int) -> ConversationSnapshot:
    """The snapshot with audit event ``seq`` edited after it was sealed."""
    events = tuple(
        dataclasses.replace(e, reason="editado depois") if e.seq == seq else e for e in snap.audit
    )
    verification = verify_chain(list(events), snap.verification.head)
    return dataclasses.replace(snap, audit=events, verification=verification)
