"""VerifyAuditChain: walk one person's audit trail, check it ends at the stored head, and
name the first broken position (an edited, removed or reordered event, or events missing
at the end)."""

from __future__ import annotations

from typing import Any

from pyloto_corp.application.errors import ConversationNotFound
from pyloto_corp.application.records.audit_trail import read_chain
from pyloto_corp.application.records.export_result import chain_dict
from pyloto_corp.application.records.subjects import Subject, resolve_user_key
from pyloto_corp.application.storage import Storage
from pyloto_corp.domain.audit import verify_chain


class VerifyAuditChain:
    def __init__(self, storage: Storage, *, pepper: bytes) -> None:
        self._storage, self._pepper = storage, pepper

    async def execute(self, subject: Subject) -> dict[str, Any]:
        """``{"user_key", "valid", "count", "tail_hash", "broken_at", "problem", "head"}``."""
        user_key = resolve_user_key(self._pepper, subject)
        events, head = await read_chain(self._storage.audit, user_key)
        unknown = not events and head.seq == 0
        if unknown and await self._storage.conversations.get_header(user_key) is None:
            raise ConversationNotFound("nenhuma conversa registrada para esta pessoa")
        return {"user_key": user_key, **chain_dict(verify_chain(events, head))}
