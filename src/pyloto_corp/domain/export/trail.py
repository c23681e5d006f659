"""The export's record: every message in order, the audit trail and its verification."""

from __future__ import annotations

from pyloto_corp.domain.audit import AuditEvent, canonical_json
from pyloto_corp.domain.conversation import StoredMessage, message_order
from pyloto_corp.domain.export import labels as lb
from pyloto_corp.domain.export import neutral
from pyloto_corp.domain.export.document import Entry, Fields, Note, Section
from pyloto_corp.domain.export.masking import mask_contacts
from pyloto_corp.domain.export.model import ConversationSnapshot, ExportOptions
from pyloto_corp.domain.labels import KINDS, label

HOW_TO_VERIFY = (
    "Cada evento guarda hash = SHA-256(conteúdo canônico + prev_hash), em hexadecimal; o "
    "conteúdo canônico (JSON com chaves ordenadas, sem espaços) está abaixo de cada evento e "
    "o primeiro prev_hash é 64 zeros. Qualquer alteração, remoção ou inserção quebra a cadeia. "
    "O último evento deve ser o topo que o serviço registra a cada evento (seq e hash em "
    "Verificação): eventos removidos do fim também quebram a cadeia."
)


def messages(snap: ConversationSnapshot, opts: ExportOptions) -> Section:
    ordered = sorted(snap.messages, key=message_order)
    entries = tuple(message_entry(n, m, opts) for n, m in enumerate(ordered, start=1))
    title = f"Mensagens ({len(ordered)})"
    return Section(title, entries or (Note("Nenhuma mensagem registrada."),))


def message_entry(number: int, message: StoredMessage, opts: ExportOptions) -> Entry:
    direction = lb.DIRECTIONS.get(message.direction.value, message.direction.value)
    kind = label(KINDS, message.kind)
    title = f"{number}. {lb.when(message.sent_at, opts.zone)} · {direction} · {kind}"
    pairs = [("ID da mensagem", message.provider_message_id)]
    if message.session_id:
        pairs.append(("Sessão", message.session_id))
    ref = message.payload_ref
    if ref is not None:
        pairs.append(
            (
                "Mídia",
                f"{ref.path} ({ref.mime_type or lb.NONE}, "
                f"{ref.size if ref.size is not None else lb.NONE} bytes)",
            )
        )
        pairs.append(("SHA-256 da mídia", ref.sha256 or lb.NONE))  # fmt: skip
    text = message.text
    if text is None:
        pairs.append(("Texto", lb.NO_TEXT))
    elif not opts.include_pii:
        text = mask_contacts(text)
    return Entry(title, tuple(pairs), text)


def audit_trail(snap: ConversationSnapshot, opts: ExportOptions) -> Section:
    ordered = sorted(snap.audit, key=lambda e: (e.seq, e.event_id))
    entries = tuple(audit_entry(e, opts) for e in ordered)
    title = f"Trilha de auditoria ({lb.count(len(ordered), 'evento', 'eventos')})"
    return Section(title, (Note(HOW_TO_VERIFY), *entries))


def audit_entry(event: AuditEvent, opts: ExportOptions) -> Entry:
    pairs = [
        ("Data/hora", lb.when_iso(event.timestamp, opts.zone)),
        ("Ator", event.actor),
        ("Motivo", event.reason),
        ("event_id", event.event_id),
    ]
    if event.correlation_id:
        pairs.append(("correlation_id", event.correlation_id))
    pairs += [("prev_hash", event.prev_hash), ("hash", event.hash)]
    canonical = neutral.json_text(canonical_json(event.content()))
    return Entry(f"#{event.seq} {event.action}", tuple(pairs), canonical)


def verification(snap: ConversationSnapshot) -> Section:
    chain = snap.verification
    head = chain.head
    pairs = [
        ("Resultado", "cadeia íntegra" if chain.valid else "CADEIA QUEBRADA"),
        ("Eventos verificados", str(chain.count)),
        ("Hash do último evento íntegro", chain.tail_hash),
        ("Topo registrado", f"seq {head.seq}" if head else "não conferido"),
    ]
    if head:
        pairs.append(("Hash do topo registrado", head.hash))
    if not chain.valid:
        where = f"seq {chain.broken_seq} ({chain.broken_event_id or lb.NONE})"
        pairs += [("Primeiro evento com problema", where), ("Problema", chain.reason or lb.NONE)]
    return Section("Verificação da cadeia de auditoria", (Fields(tuple(pairs)),))
