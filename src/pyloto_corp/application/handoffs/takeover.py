"""The team's side of a takeover: agent replies to the person, and the release.

Both run as turns (one transaction with the person's state): an agent reply becomes
outbox items (sent like any reply, within Meta's 24 h window) and a HUMAN_MESSAGE audit
event; a release marks the handed-off session, tells the destination (``handoff.released``)
and records HANDOFF_RELEASED. The next message of the person then goes to the bot.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from datetime import datetime, timedelta
from enum import StrEnum

from pyloto_corp.application.inbound.turn_records import audit_event, released_event
from pyloto_corp.application.inbound.turns import ConversationState, TurnStatus, TurnWrites
from pyloto_corp.application.replies.delivery_rules import AGENT_PREFIX
from pyloto_corp.application.storage import Storage
from pyloto_corp.domain import handoff_plan as planning
from pyloto_corp.domain.audit import AuditAction
from pyloto_corp.domain.engine.takeover import released
from pyloto_corp.domain.handoff_events import (
    HandoffEvent,
    HandoffRecord,
    HandoffStatus,
    Release,
)
from pyloto_corp.domain.outbound import fit
from pyloto_corp.domain.privacy import OPT_OUT_REASON
from pyloto_corp.domain.records import OutboxItem

WINDOW = timedelta(hours=24)  # Meta: free-form messages only within 24 h of the person's last


class Refusal(StrEnum):
    NOT_FOUND = "handoff_not_found"
    ALREADY_RELEASED = "already_released"
    OPTED_OUT = "opted_out"
    WINDOW_CLOSED = "window_closed"


@dataclasses.dataclass(slots=True)
class TakeoverResult:
    record: HandoffRecord | None = None
    refused: Refusal | None = None
    events: tuple[HandoffEvent, ...] = ()  # to deliver now
    items: tuple[OutboxItem, ...] = ()  # to send now
    repeated: bool = False  # this very reply was queued before (same ref)


@dataclasses.dataclass(frozen=True, slots=True)
class _Ask:
    record: HandoffRecord
    actor: str
    now: datetime
    result: TakeoverResult
    reason: str = ""
    text: str = ""
    ref: str = ""


class Takeovers:
    def __init__(self, storage: Storage, *, clock: Callable[[], datetime]) -> None:
        self._storage, self._clock = storage, clock

    async def release(self, handoff_id: str, reason: str, actor: str) -> TakeoverResult:
        record = await self._storage.handoffs.get(handoff_id)
        result = TakeoverResult(record=record)
        if record is None:
            result.refused = Refusal.NOT_FOUND
        elif record.status is HandoffStatus.RELEASED:
            result.refused = Refusal.ALREADY_RELEASED
        else:
            now = self._clock()
            ask = _Ask(record, actor, now, result, reason=reason)
            status = await self._storage.turns.run_turn(
                record.user_key, lambda state: self._release(state, ask)
            )
            if status is not TurnStatus.COMMITTED:
                result.refused, result.events = Refusal.ALREADY_RELEASED, ()
        return result

    @staticmethod
    def _release(state: ConversationState, ask: _Ask) -> TurnWrites | None:
        record, reason, now = ask.record, ask.reason, ask.now
        session = state.last_closed
        sessions: tuple = ()
        if session is not None and session.session_id == record.session_id:
            if session.context.get("takeover_released"):  # told already: only the record
                return TurnWrites(releases=(Release(record.handoff_id, now, reason),))
            sessions, key = (released(session, now, reason),), session.session_id
            team = planning.released(session, reason, now)
        else:  # the person moved on already: only this record and the team hear it
            key = record.handoff_id
            team = planning.released_ids((record.handoff_id,), record.user_key, reason, now)
        ask.result.events = team.events
        ids = [r.handoff_id for r in team.releases]
        event = released_event(record.user_key, key, ids, reason, now=now,
                               actor=ask.actor)  # fmt: skip
        return TurnWrites(sessions=sessions, events=team.events, releases=team.releases,
                          audit=(event,))  # fmt: skip

    async def expire(self, actor: str, limit: int = 100) -> list[TakeoverResult]:
        """Release every takeover whose window ended (reason ``expired``): the team hears
        it (``handoff.released``) and the record stops being open."""
        expired = await self._storage.handoffs.expired(self._clock(), limit)
        return [await self.release(record.handoff_id, "expired", actor) for record in expired]

    async def reply(self, handoff_id: str, text: str, actor: str, ref: str) -> TakeoverResult:
        """An agent's message to the person; ``ref`` names it (a retry re-creates nothing)."""
        record = await self._storage.handoffs.get(handoff_id)
        result = TakeoverResult(record=record)
        if record is None:
            result.refused = Refusal.NOT_FOUND
            return result
        if record.status is HandoffStatus.RELEASED:  # the person is back with the bot
            opted = record.release_reason == "opt_out"
            result.refused = Refusal.OPTED_OUT if opted else Refusal.ALREADY_RELEASED
            return result
        now = self._clock()
        ask = _Ask(record, actor, now, result, text=text, ref=ref)
        status = await self._storage.turns.run_turn(
            record.user_key, lambda state: self._reply(state, ask)
        )
        if status is not TurnStatus.COMMITTED:
            result.items = ()
            result.repeated = status is TurnStatus.ALREADY_STORED  # the same ref again
        return result

    @staticmethod
    def _reply(state: ConversationState, ask: _Ask) -> TurnWrites | None:
        record, result, now = ask.record, ask.result, ask.now
        result.refused, header, last = None, state.header, state.last_closed
        stopped = last is not None and last.context.get("close_reason") == OPT_OUT_REASON
        if stopped and state.open_session is None:
            result.refused = Refusal.OPTED_OUT  # asked to stop since (in a later session)
            return None
        if header is None or now - header.last_message_at > WINDOW:
            result.refused = Refusal.WINDOW_CLOSED
            return None
        sessions, session = (), state.last_closed
        if session is not None and session.session_id == record.session_id:
            context = {**session.context, "takeover_ack_sent": True, "team_replied": True}
            sessions = (dataclasses.replace(session, context=context),)  # no bot ack after
        message_id = f"{AGENT_PREFIX}{ask.ref}"
        result.items = tuple(
            OutboxItem(record.user_key, message_id, n, part["kind"], part, now,
                       session_id=record.session_id)
            for n, part in enumerate(fit({"kind": "text", "body": ask.text, "options": []}))
        )  # fmt: skip
        event = audit_event(record.user_key, f"{message_id}#human", AuditAction.HUMAN_MESSAGE,
                            "mensagem da equipe", {"handoff_id": record.handoff_id,
                            "items": [i.item_id for i in result.items]},
                            now=now, actor=ask.actor)  # fmt: skip
        return TurnWrites(outbox=result.items, audit=(event,), sessions=sessions)
