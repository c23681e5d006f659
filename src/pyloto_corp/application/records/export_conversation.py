"""ExportConversationUseCase: a person's full record, stored create-only, then audited.

Order matters for the evidence: read (audit trail first, so every audited contact has its
message in the file), verify the chain (and that it ends at its stored head), render,
store the file, and only then append the EXPORT_GENERATED event, which names the file's
SHA-256. A failure before the file is stored leaves no trace; a failure after it leaves a
file whose event is missing, which is logged as an error with the path so ops can see it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, tzinfo

import structlog

from pyloto_corp.application.errors import ConversationNotFound, InvalidRequest
from pyloto_corp.application.records.audit_trail import AuditTrail, read_chain
from pyloto_corp.application.records.export_result import ExportResult
from pyloto_corp.application.records.exports import ExportSink, StoredExport
from pyloto_corp.application.records.subjects import Subject, resolve_user_key
from pyloto_corp.application.replies.delivery_rules import history
from pyloto_corp.application.storage import Storage
from pyloto_corp.domain.audit import AuditAction, AuditEvent, verify_chain
from pyloto_corp.domain.export.model import (
    ConversationSnapshot,
    ExportFormat,
    ExportOptions,
    RenderedExport,
    export_path,
)
from pyloto_corp.domain.export.render import render
from pyloto_corp.domain.ops_reason import MAX_REASON, ReasonProblem, reason_problem

log = structlog.get_logger(__name__)

MAX_ACTOR = 80
LGPD_ACCESS = "lgpd_access"  # the purpose of a data subject's own copy


@dataclass(frozen=True, slots=True)
class ExportRequest:
    subject: Subject
    format: ExportFormat
    reason: str = field(repr=False)
    actor: str
    include_pii: bool = False
    correlation_id: str | None = None
    purpose: str | None = None  # "lgpd_access": the person's own copy (LGPD art. 18, II)

    def __post_init__(self) -> None:
        check_reason_and_actor(self.reason, self.actor)


REASON_MESSAGES = {
    ReasonProblem.LENGTH: f"informe o motivo (1 a {MAX_REASON} caracteres)",
    ReasonProblem.BLANK: f"informe o motivo (1 a {MAX_REASON} caracteres)",
    ReasonProblem.MULTILINE: "o motivo deve ter uma linha só, sem quebras de linha, "
    "separadores de linha ou caracteres de controle de direção do texto",
    ReasonProblem.PERSONAL_DATA: "o motivo não pode conter dados pessoais: telefone, e-mail, "
    "CPF ou CNPJ (nenhuma sequência de 8 a 15 dígitos); ele fica na auditoria, que não se apaga",
}


def check_reason_and_actor(reason: str, actor: str) -> None:
    """Every ops request says why (for the audit trail) and who asks."""
    problem = reason_problem(reason)  # the rule the OpenAPI document publishes
    if problem is not None:
        raise InvalidRequest("reason", REASON_MESSAGES[problem])
    if not actor.strip() or len(actor) > MAX_ACTOR:
        raise InvalidRequest("actor", f"o ator deve ter de 1 a {MAX_ACTOR} caracteres")


class ExportConversationUseCase:
    def __init__(
        self, storage: Storage, sink: ExportSink, *, pepper: bytes,
        clock: Callable[[], datetime], new_id: Callable[[], str], zone: tzinfo,
    ) -> None:  # fmt: skip
        self._storage, self._sink, self._pepper = storage, sink, pepper
        self._clock, self._new_id, self._zone = clock, new_id, zone
        self._audit = AuditTrail(storage.audit)

    async def execute(self, request: ExportRequest) -> ExportResult:
        user_key = resolve_user_key(self._pepper, request.subject)
        snapshot = await self.snapshot(user_key)
        generated_at = self._clock().astimezone(self._zone)
        options = ExportOptions(request.format, request.include_pii, generated_at, self._zone)
        rendered = render(snapshot, options)
        path = export_path(user_key, generated_at, request.format)
        stored = await self._sink.save(
            path, rendered.data, content_type=request.format.content_type, sha256=rendered.sha256
        )
        event = await self._record(request, snapshot, stored, rendered)
        log.info("export.generated", user_key=user_key, path=stored.path, sha256=rendered.sha256,
                 ops_key=request.actor, export_format=request.format.value,
                 include_pii=request.include_pii, chain_valid=snapshot.verification.valid,
                 audit_event_id=event.event_id)  # fmt: skip
        return ExportResult(user_key, request.format, generated_at, stored, rendered,
                            len(snapshot.messages), snapshot.verification, event)  # fmt: skip

    async def snapshot(self, user_key: str) -> ConversationSnapshot:
        """Everything stored about the person; ConversationNotFound when there is nothing."""
        header = await self._storage.conversations.get_header(user_key)
        if header is None:
            raise ConversationNotFound("nenhuma conversa registrada para esta pessoa")
        events, head = await read_chain(self._storage.audit, user_key)
        stored = await self._storage.conversations.list_messages(user_key)
        messages = history(stored, await self._storage.outbox.list_for_user(user_key))
        sessions = await self._storage.sessions.list_for_user(user_key)
        lead = await self._storage.leads.get(user_key)
        return ConversationSnapshot(user_key, header, tuple(sessions), lead, tuple(messages),
                                    tuple(events), verify_chain(events, head))  # fmt: skip

    async def _record(
        self, request: ExportRequest, snapshot: ConversationSnapshot, stored: StoredExport,
        rendered: RenderedExport,
    ) -> AuditEvent:  # fmt: skip
        details = {
            "path": stored.path,
            "sha256": rendered.sha256,
            "content_sha256": rendered.content_sha256,
            "format": request.format.value,
            "include_pii": request.include_pii,
            "message_count": len(snapshot.messages),
            "chain_valid": snapshot.verification.valid,
            "exported_tail_hash": snapshot.verification.tail_hash,
        }
        if request.purpose:
            details["purpose"] = request.purpose
        draft = AuditEvent(
            event_id=f"export:{self._new_id()}", user_key=snapshot.user_key,
            timestamp=self._clock().isoformat(), actor=request.actor,
            action=AuditAction.EXPORT_GENERATED.value, reason=request.reason,
            correlation_id=request.correlation_id, details=details,
        )  # fmt: skip
        try:
            return await self._audit.record(draft)
        except Exception as exc:
            log.error("export.audit_failed", user_key=snapshot.user_key, path=stored.path,
                      error=type(exc).__name__)  # fmt: skip
            raise
