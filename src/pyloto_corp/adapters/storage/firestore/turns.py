"""TurnStore on Firestore: one transaction that reads one document.

The conversation document holds the header, the open and last closed sessions and the
audit head (see ``state``), so a turn costs one read, plus one write per document it
creates or changes: the message, the conversation document, each reply, the audit
event, the closed session, the lead profile (a blind merge: no read).
"""

from __future__ import annotations

from google.api_core import exceptions as gexc

from pyloto_corp.adapters.storage import codec
from pyloto_corp.adapters.storage.firestore.client import Paths, Tx, run_transaction
from pyloto_corp.adapters.storage.firestore.conversations import header_fields
from pyloto_corp.adapters.storage.firestore.handoffs import write_handoffs
from pyloto_corp.adapters.storage.firestore.state import SessionPlacement, seal_after, state_from
from pyloto_corp.application.inbound.turns import ConversationState, Plan, TurnStatus, TurnWrites


class FirestoreTurnStore:
    def __init__(self, paths: Paths) -> None:
        self._paths = paths

    async def run_turn(self, user_key: str, plan: Plan) -> TurnStatus:
        header_ref = self._paths.conversation(user_key)

        async def body(tx: Tx) -> TurnStatus:
            snap = await tx.get(header_ref)
            doc = snap.to_dict() if snap.exists else None
            state = state_from(user_key, doc)
            writes = plan(state)
            if writes is None:
                return TurnStatus.NOTHING
            fields = self._write(tx, state, doc, writes)
            if fields:
                fields = {"user_key": user_key, **fields}
                tx.set(header_ref, fields, merge=list(fields))
            return TurnStatus.COMMITTED

        try:
            return await run_transaction(self._paths, body)
        except gexc.AlreadyExists:  # the message (or one of its replies) is stored already
            return TurnStatus.ALREADY_STORED

    def _write(
        self, tx: Tx, state: ConversationState, doc: dict | None, writes: TurnWrites
    ) -> dict:
        """Queue every write of the turn; returns the fields of the conversation document."""
        paths, fields = self._paths, {}
        message = writes.message
        if message is not None:
            ref = paths.child(message.user_key, "messages", message.provider_message_id)
            tx.create(ref, paths.expiring(codec.message_doc(message), message.stored_at))
            fields |= header_fields(doc, message, writes.tenant_id)
        placement = SessionPlacement(paths, tx, doc)
        for session in writes.sessions:
            placement.save(session)
        for item in writes.outbox:
            ref = paths.child(item.user_key, "outbox", item.item_id)
            tx.create(ref, paths.expiring(codec.outbox_doc(item), item.created_at))
        write_handoffs(paths, tx, writes)
        _, head = seal_after(paths, tx, writes.audit, doc)
        if writes.lead:
            lead = paths.expiring({"user_key": state.user_key, **writes.lead},
                                  writes.lead["updated_at"])  # fmt: skip
            tx.set(paths.lead(state.user_key), lead, merge=list(lead))
        return fields | placement.changes | head
