"""The export's opening: who, when, which sessions ended how, and what was collected."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from pyloto_corp.domain import labels as words
from pyloto_corp.domain.export import labels as lb
from pyloto_corp.domain.export.document import Entry, Fields, Note, Pairs, Section, Table
from pyloto_corp.domain.export.masking import HIDDEN, mask_contacts, mask_phone
from pyloto_corp.domain.export.model import ConversationSnapshot, ExportOptions
from pyloto_corp.domain.records import LeadProfile, SessionRecord

HANDOFF_FIELDS = (
    ("intent_primary", "Intenção principal", words.INTENTS),
    ("intents_detected", "Intenções detectadas", words.INTENTS),
    ("resolved_intents", "Intenções resolvidas", words.INTENTS),
    ("open_intents", "Intenções em aberto", words.INTENTS),
    ("routing", "Destino", words.ROUTING),
    ("deadline", "Prazo", None),
    ("qualification_level", "Qualificação", words.PRIORITIES),
    ("qualification_reasons", "Motivos da qualificação", words.REASONS),
    ("confidence", "Confiança do classificador", None),
)


def in_words(value: Any, table: Mapping[str, str] | None) -> Any:
    """A stored code (or list of codes) as people read it; other values untouched."""
    if table is None or value is None:
        return value
    if isinstance(value, list | tuple):
        return [in_words(item, table) for item in value]
    return words.reason(str(value)) if table is words.REASONS else words.label(table, value)


def overview(snap: ConversationSnapshot, opts: ExportOptions) -> Section:
    header, zone = snap.header, opts.zone
    inbound = sum(1 for m in snap.messages if m.direction.value == "in")
    chain = snap.verification
    pii = "incluídos (include_pii=true)" if opts.include_pii else (
        "mascarados: telefones e e-mails ocultos (include_pii=false)")  # fmt: skip
    broken = f"QUEBRADA no evento seq {chain.broken_seq} ({chain.broken_event_id or lb.NONE})"
    outbound = lb.count(len(snap.messages) - inbound, "enviada", "enviadas")
    pairs = (
        ("user_key", snap.user_key),
        ("Gerado em", lb.when(opts.generated_at, zone)),
        ("Fuso horário de todas as datas", opts.zone_name),
        ("Tenant", header.tenant_id or lb.NONE),
        ("Primeiro registro", lb.when(header.created_at, zone)),
        ("Última mensagem", lb.when(header.last_message_at, zone)),
        ("Sessões", str(len(snap.sessions))),
        (
            "Mensagens",
            f"{len(snap.messages)} ({lb.count(inbound, 'recebida', 'recebidas')}, {outbound})",
        ),
        ("Eventos de auditoria", str(len(snap.audit))),
        ("Cadeia de auditoria", "íntegra" if chain.valid else broken),
        ("Dados pessoais", pii),
    )
    return Section("Cabeçalho", (Fields(pairs), sessions_table(snap.sessions, opts)))


def sessions_table(sessions: tuple[SessionRecord, ...], opts: ExportOptions) -> Table | Note:
    if not sessions:
        return Note("Nenhuma sessão registrada.")
    ordered = sorted(sessions, key=lambda s: (s.opened_at, s.session_id))
    rows = tuple(
        (str(n), s.session_id, lb.when(s.opened_at, opts.zone), lb.when(s.closed_at, opts.zone),
         lb.outcome(s.outcome), in_words(s.active_intent, words.INTENTS) or lb.NONE)
        for n, s in enumerate(ordered, start=1)
    )  # fmt: skip
    columns = ("#", "Sessão", "Aberta em", "Encerrada em", "Desfecho", "Intenção ativa")
    return Table(columns, rows)


def collected(snap: ConversationSnapshot, opts: ExportOptions) -> Section:
    hide: Callable[[str], str] = (lambda v: v) if opts.include_pii else mask_contacts
    parts: list = [lead_fields(snap.lead, opts) if snap.lead else Note("Nenhum dado de lead.")]
    ordered = sorted(snap.sessions, key=lambda s: (s.opened_at, s.session_id))
    handoffs = [(s, s.context["handoff"]) for s in ordered if s.context.get("handoff")]
    parts.extend(handoff_entry(s, h, hide) for s, h in handoffs)
    if not handoffs:
        parts.append(Note("Nenhum encaminhamento (handoff) registrado."))
    return Section("Dados coletados", tuple(parts))


def lead_fields(lead: LeadProfile, opts: ExportOptions) -> Fields:
    pairs = []
    for name, label in lb.LEAD_FIELDS:
        value = getattr(lead, name)
        value = in_words(value, words.ROLES) if name == "role" else value
        if value is not None and not opts.include_pii and name == "phone":
            value = mask_phone(value)
        elif value is not None and not opts.include_pii and name == "user_id":
            value = HIDDEN
        elif isinstance(value, str) and not opts.include_pii:
            value = mask_contacts(value)
        pairs.append((label, lb.value_text(value)))
    pairs.append(("Atualizado em", lb.when(lead.updated_at, opts.zone)))
    return Fields(tuple(pairs))


def handoff_entry(
    session: SessionRecord, handoff: dict[str, Any], hide: Callable[[str], str]
) -> Entry:
    pairs: Pairs = tuple(
        (label, hide(lb.value_text(in_words(handoff.get(key), table))))
        for key, label, table in HANDOFF_FIELDS
    )
    requirements = handoff.get("requirements") or {}
    pairs += tuple(
        (f"Requisito: {words.label(words.SLOTS, key)}", hide(lb.value_text(value)))
        for key, value in sorted(requirements.items())
    )
    title = f"Encaminhamento da sessão {session.session_id} · {lb.outcome(session.outcome)}"
    summary = handoff.get("summary")
    return Entry(title, pairs, hide(summary) if isinstance(summary, str) else None)
