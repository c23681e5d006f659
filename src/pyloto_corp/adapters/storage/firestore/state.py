"""The conversation document ``conversations/{user_key}``: the header and the live state.

Besides the header's fields it holds what every turn needs, so that a turn reads one
document: the open session (``open_session``, with ``idle_since`` for the sweep), the
last closed session (``last_closed``) and the audit chain's head (``audit``). Closed
sessions are also written to ``sessions/{session_id}``; open ones live only here.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from pyloto_corp.adapters.storage import codec
from pyloto_corp.adapters.storage.firestore.client import Paths, Tx
from pyloto_corp.application.errors import VersionConflict
from pyloto_corp.application.inbound.turns import ConversationState
from pyloto_corp.domain.audit import AuditEvent, AuditHead, seal
from pyloto_corp.domain.records import SessionRecord

OPEN, LAST_CLOSED, IDLE_SINCE, AUDIT = "open_session", "last_closed", "idle_since", "audit"
Doc = dict[str, Any]


def _session(doc: Doc | None, name: str) -> SessionRecord | None:
    value = (doc or {}).get(name)
    return codec.session_from(value) if value else None


def audit_head(doc: Doc | None) -> AuditHead:
    """The chain's head as stored in the conversation document (moved by every append)."""
    head = (doc or {}).get(AUDIT)
    return AuditHead(head["hash"], head["seq"], head.get("event_id")) if head else AuditHead()


def audit_tail(doc: Doc | None) -> tuple[str, int]:
    head = audit_head(doc)
    return head.hash, head.seq


def state_from(user_key: str, doc: Doc | None) -> ConversationState:
    return ConversationState(
        user_key=user_key,
        header=codec.header_from(doc) if doc else None,
        open_session=_session(doc, OPEN),
        last_closed=_session(doc, LAST_CLOSED),
        audit_tail=audit_tail(doc),
    )


class SessionPlacement:
    """Saves sessions into the conversation document (open) or ``sessions/`` (closed).

    ``doc`` is the conversation document as read in this transaction; ``changes`` is what
    to merge back into it. ``stored`` gives the version of a session read elsewhere.
    """

    def __init__(self, paths: Paths, tx: Tx, doc: Doc | None) -> None:
        self._paths, self._tx = paths, tx
        self._open, self._last = _session(doc, OPEN), _session(doc, LAST_CLOSED)
        self.changes: Doc = {}

    def save(self, session: SessionRecord, stored: SessionRecord | None = None) -> SessionRecord:
        known = stored or next(
            (s for s in (self._open, self._last) if s and s.session_id == session.session_id),
            None,
        )
        if (known.version if known else 0) != session.version:
            raise VersionConflict(f"session {session.session_id} changed since read")
        saved = replace(session, version=session.version + 1)
        if saved.is_open:
            if self._open is not None and self._open.session_id != saved.session_id:
                raise VersionConflict("another session is open for this person")
            self._open = saved
            self.changes |= {OPEN: codec.session_doc(saved), IDLE_SINCE: saved.last_activity_at}
            return saved
        ref = self._paths.child(saved.user_key, "sessions", saved.session_id)
        self._tx.set(ref, self._paths.expiring(codec.session_doc(saved), saved.last_activity_at))
        if self._open is not None and self._open.session_id == saved.session_id:
            self._open = None
            self.changes |= {OPEN: None, IDLE_SINCE: None}
        if self._last is None or _closed_order(saved) >= _closed_order(self._last):
            self._last = saved
            self.changes[LAST_CLOSED] = codec.session_doc(saved)
        return saved


def _closed_order(session: SessionRecord) -> tuple[Any, ...]:
    return (session.closed_at, session.session_id)


def seal_after(
    paths: Paths, tx: Tx, drafts: tuple[AuditEvent, ...], doc: Doc | None
) -> tuple[list[AuditEvent], Doc]:
    """Create each draft sealed after the chain's head: (the events, the new head field)."""
    prev, seq = audit_tail(doc)
    sealed: list[AuditEvent] = []
    for draft in drafts:
        event = seal(draft, prev_hash=prev, seq=seq + 1)
        tx.create(paths.child(draft.user_key, "audit", event.event_id), codec.audit_doc(event))
        sealed.append(event)
        prev, seq = event.hash, event.seq
    if not sealed:
        return sealed, {}
    last = sealed[-1]
    return sealed, {AUDIT: {"hash": last.hash, "seq": last.seq, "event_id": last.event_id}}
