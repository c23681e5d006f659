"""Converse: apply the engine to a stored inbound message, with optimistic concurrency.

Order of effects: the session commit (version-checked) is the decision point; replies
go to the outbox keyed by ``<inbound id>#<position>`` so a retried webhook re-creates
nothing; decisions and audit events follow. A retry of an already applied message only
re-enqueues its replies (idempotent), so a crash between commit and outbox loses nothing.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from datetime import datetime

import structlog

from pyloto_corp.application.conversation_effects import Effects
from pyloto_corp.application.errors import VersionConflict
from pyloto_corp.application.storage import Storage
from pyloto_corp.domain.engine.machine import Engine
from pyloto_corp.domain.engine.state import Reply, Step, Turn, TurnKind, close
from pyloto_corp.domain.intents import Outcome
from pyloto_corp.domain.messages import MEDIA_KINDS, InboundMessage, MessageKind
from pyloto_corp.domain.outbound import Recipient
from pyloto_corp.domain.records import SessionRecord

log = structlog.get_logger(__name__)

MAX_ATTEMPTS = 5
APPLIED_KEPT = 20
SILENT_KINDS = frozenset({MessageKind.REACTION, MessageKind.SYSTEM})


def to_turn(message: InboundMessage, text: str | None) -> Turn | None:
    """What the engine sees; None for input that never gets an answer (reactions)."""
    if message.kind in SILENT_KINDS:
        return None
    at, mid = message.sent_at, message.provider_message_id
    if message.interactive is not None:
        return Turn(mid, at, TurnKind.CHOICE, text, message.interactive.reply_id)
    if message.kind in MEDIA_KINDS:
        return Turn(mid, at, TurnKind.MEDIA, text)
    if message.kind is MessageKind.LOCATION:
        return Turn(mid, at, TurnKind.LOCATION)
    if message.kind in (MessageKind.TEXT, MessageKind.BUTTON):
        return Turn(mid, at, TurnKind.TEXT, text)
    return Turn(mid, at, TurnKind.OTHER, text)


class Converse:
    def __init__(
        self,
        storage: Storage,
        engine: Engine,
        *,
        clock: Callable[[], datetime],
        new_id: Callable[[], str],
        actor: str,
    ) -> None:
        self._storage, self._engine, self._new_id = storage, engine, new_id
        self._effects = Effects(storage, clock=clock, actor=actor)

    async def handle(
        self, user_key: str, message: InboundMessage, contact: Recipient | None
    ) -> list[str]:
        """Apply the message once; returns the outbox item ids to deliver, in order."""
        turn = to_turn(message, message.text or _choice_title(message))
        if turn is None:
            return []
        for attempt in range(MAX_ATTEMPTS):
            current = await self._storage.sessions.get_open(user_key)
            if current is not None and turn.message_id in current.context.get("applied", []):
                return await self._effects.replay(current, turn.message_id)
            last = None if current is not None else await self._last_closed(user_key)
            if last is not None and turn.message_id in last.context.get("applied", []):
                return await self._effects.replay(last, turn.message_id)
            step = self._step(current, last, turn, user_key)
            if step is None:
                return []
            try:
                await self._commit(step, turn.message_id, last)
            except VersionConflict:
                log.info("conversation.version_conflict", user_key=user_key, attempt=attempt)
                continue
            return await self._effects.apply(step, turn.message_id, contact)
        raise VersionConflict("the session kept changing; Meta will retry")

    def _step(
        self, current: SessionRecord | None, last: SessionRecord | None, turn: Turn, user_key: str
    ) -> Step | None:
        try:
            return self._engine.handle(
                current, last, turn, user_key=user_key, new_session_id=self._new_id()
            )
        except Exception as exc:  # noqa: BLE001 - any engine bug must still end the session
            # Error type only: a traceback could carry the person's text into the logs.
            log.error("conversation.failed_internal", user_key=user_key, error=type(exc).__name__)
            session = current or SessionRecord(self._new_id(), user_key, turn.at, turn.at)
            failed = close(session, Outcome.FAILED_INTERNAL, turn.at, "internal_error")
            apology = Reply(self._engine.content.text("apology"))
            return Step(session=failed, replies=[apology])

    async def _commit(self, step: Step, message_id: str, last: SessionRecord | None) -> None:
        if step.closed_before is not None:
            await self._storage.sessions.save(step.closed_before)
        if step.session is last:
            return
        applied = [*step.session.context.get("applied", []), message_id][-APPLIED_KEPT:]
        replies = [r.to_payload() for r in step.replies]
        context = {**step.session.context, "applied": applied,
                   "last_replies": {"message_id": message_id, "replies": replies}}  # fmt: skip
        step.session = await self._storage.sessions.save(
            dataclasses.replace(step.session, context=context)
        )

    async def _last_closed(self, user_key: str) -> SessionRecord | None:
        closed = [s for s in await self._storage.sessions.list_for_user(user_key) if not s.is_open]
        return max(closed, key=lambda s: s.closed_at, default=None)  # type: ignore[arg-type, return-value]


def _choice_title(message: InboundMessage) -> str | None:
    return message.interactive.title if message.interactive is not None else None
