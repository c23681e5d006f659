"""Converse: store an inbound message and apply the engine to it, in one turn commit.

The turn (see ``turns``) reads the person's state, runs the engine and writes the
message, sessions, replies (outbox items keyed ``<inbound id>#<position>``, created
already leased to this process), the audit event and lead fields atomically. A retried
webhook of an applied message writes nothing and re-offers the replies it caused.
"""

from __future__ import annotations

import dataclasses
import functools
from collections.abc import Callable
from datetime import datetime

import structlog

from pyloto_corp.application.errors import VersionConflict
from pyloto_corp.application.inbound import turn_records as records
from pyloto_corp.application.inbound.turn_logs import log_step
from pyloto_corp.application.inbound.turns import ConversationState, TurnStatus, TurnWrites
from pyloto_corp.application.storage import Storage
from pyloto_corp.domain.audit import AuditAction
from pyloto_corp.domain.conversation import StoredMessage
from pyloto_corp.domain.engine.machine import Engine
from pyloto_corp.domain.engine.state import Step, Turn, TurnKind
from pyloto_corp.domain.handoff_events import HandoffEvent
from pyloto_corp.domain.handoff_plan import team_writes
from pyloto_corp.domain.messages import MEDIA_KINDS, InboundMessage, MessageKind, SenderIdKind
from pyloto_corp.domain.outbound import Recipient
from pyloto_corp.domain.records import OutboxItem, SessionRecord

log = structlog.get_logger(__name__)

MAX_ATTEMPTS = 5
LEASE_SECONDS = 30.0
SILENT_KINDS = frozenset({MessageKind.REACTION, MessageKind.SYSTEM})


def to_turn(message: InboundMessage, received_at: datetime) -> Turn | None:
    """What the engine sees; None for input that never gets an answer (reactions).

    The turn happens when the service receives it (``received_at``); Meta's timestamp is
    kept as ``sent_at``, so a message redelivered hours late does not age the session.
    """
    if message.kind in SILENT_KINDS:
        return None
    text = message.text or (message.interactive.title if message.interactive else None)
    kind, choice = _turn_kind(message), None
    if message.interactive is not None:
        choice = message.interactive.reply_id
    elif kind is TurnKind.LOCATION:
        text = None
    return Turn(message.provider_message_id, received_at, kind, text, choice, message.sent_at,
                area_code=area_code(message))  # fmt: skip


def area_code(message: InboundMessage) -> str | None:
    """The DDD of a Brazilian WhatsApp number ("5542999990001" → "42"), else None."""
    sender = message.sender
    digits = sender.value if sender.kind is SenderIdKind.WA_ID else ""
    return digits[2:4] if digits.startswith("55") and len(digits) >= 12 else None


def _turn_kind(message: InboundMessage) -> TurnKind:
    if message.interactive is not None:
        return TurnKind.CHOICE
    if message.kind in MEDIA_KINDS:
        return TurnKind.AUDIO if message.kind is MessageKind.AUDIO else TurnKind.MEDIA
    if message.kind is MessageKind.LOCATION:
        return TurnKind.LOCATION
    if message.kind in (MessageKind.TEXT, MessageKind.BUTTON):
        return TurnKind.TEXT
    return TurnKind.OTHER


@dataclasses.dataclass(slots=True)
class TurnResult:
    """What happened: replies to send now (leased with ``token``) or, on a retry, to offer."""

    status: TurnStatus = TurnStatus.NOTHING
    created: tuple[OutboxItem, ...] = ()
    token: str | None = None
    replay: SessionRecord | None = None
    step: Step | None = None
    closed: tuple[SessionRecord, ...] = ()
    events: tuple[HandoffEvent, ...] = ()  # for the team: delivered after the commit


class Converse:
    def __init__(
        self, storage: Storage, engine: Engine, *, clock: Callable[[], datetime],
        new_id: Callable[[], str], actor: str, lease_seconds: float = LEASE_SECONDS,
    ) -> None:  # fmt: skip
        self._storage, self._engine, self._new_id = storage, engine, new_id
        self._clock, self._actor, self._lease = clock, actor, lease_seconds

    async def handle(
        self, message: InboundMessage, stored: StoredMessage, contact: Recipient | None
    ) -> TurnResult:
        """Apply the message once (storing it in the same commit)."""
        turn, user_key = to_turn(message, stored.stored_at), stored.user_key
        for attempt in range(MAX_ATTEMPTS):
            result = TurnResult(token=self._new_id())
            try:
                result.status = await self._storage.turns.run_turn(
                    user_key, functools.partial(self._plan, turn=turn, stored=stored,
                                                contact=contact, result=result,
                                                profile=message.sender.profile_name),
                )  # fmt: skip
            except VersionConflict:
                log.info("conversation.version_conflict", user_key=user_key, attempt=attempt)
                continue
            if result.status is not TurnStatus.COMMITTED:
                result.created = result.events = ()  # planned, never written: nothing to send
            elif result.step is not None:
                log_step(result.closed)
            return result
        raise VersionConflict("the session kept changing; Meta will retry")

    async def replay(self, session: SessionRecord, message_id: str) -> list[str]:
        """A retried webhook: re-create this message's replies if they are the last ones."""
        last = session.context.get("last_replies") or {}
        items: tuple[OutboxItem, ...] = ()
        if last.get("message_id") == message_id:
            items = records.replies_of(session, message_id, list(last.get("replies", [])),
                                       self._clock(), None)  # fmt: skip
            await self._storage.outbox.enqueue(list(items))
        log.info("conversation.already_applied", user_key=session.user_key,
                 provider_message_id=message_id)  # fmt: skip
        return [item.item_id for item in items]

    def _plan(
        self, state: ConversationState, turn: Turn | None, stored: StoredMessage,
        contact: Recipient | None, result: TurnResult, *, profile: str | None = None,
    ) -> TurnWrites | None:  # fmt: skip
        result.created, result.replay, result.step, result.closed = (), None, None, ()
        result.events = ()
        if turn is None:
            return TurnWrites(message=stored)
        for session in (state.open_session, state.last_closed):
            if session is not None and turn.message_id in session.context.get("applied", []):
                result.replay = session
                return None
        step = self._step(state, turn)
        if step is None:
            return TurnWrites(message=stored)
        result.step = step
        now = self._clock()
        replies = [r.to_payload() for r in step.replies]
        sessions = [] if step.closed_before is None else [step.closed_before]
        if step.session is not state.last_closed:
            step.session = records.remember_turn(step.session, turn.message_id, replies)
            sessions.append(step.session)
        earlier = state.last_closed.session_id if state.last_closed is not None else None
        result.closed = tuple(s for s in sessions if not s.is_open and s.session_id != earlier)
        lease = records.lease_for(result.token or "", now, self._lease)
        result.created = records.replies_of(step.session, turn.message_id, replies, now, lease)
        before = state.open_session
        if before is not None and before.session_id != step.session.session_id:
            before = None
        lead = records.lead_fields(step, before, contact, state.header is None, profile)
        event = self._event(step, turn.message_id, sorted(lead), now)
        lead = {**lead, "updated_at": now} if lead else {}
        team = team_writes(result.closed, step.team, stored, now, self._engine.config.takeover)
        result.events, audit = team.events, (event,)
        if team.releases and step.team is not None:  # a stop ended the takeover
            ids = [r.handoff_id for r in team.releases]
            audit += (records.released_event(state.user_key, step.team.session.session_id, ids,
                                             team.releases[0].reason, now=now,
                                             actor=self._actor),)  # fmt: skip
        return TurnWrites(message=stored, sessions=tuple(sessions), outbox=result.created,
                          audit=audit, lead=lead, handoffs=team.handoffs,
                          events=team.events, releases=team.releases)  # fmt: skip

    def _event(self, step: Step, message_id: str, fields: list[str], now: datetime):
        """The turn's audit event holds the envelope of every decision taken in it."""
        decisions = records.envelopes(step.decisions, message_id, now, self._actor)
        details = {k: v for k, v in (("decisions", decisions), ("profile_fields", fields)) if v}
        return records.audit_event(step.session.user_key, f"{message_id}#contact",
                                   AuditAction.USER_CONTACT, "mensagem recebida", details,
                                   now=now, actor=self._actor)  # fmt: skip

    def _step(self, state: ConversationState, turn: Turn) -> Step | None:
        current, last = state.open_session, state.last_closed
        try:
            return self._engine.handle(current, last, turn, user_key=state.user_key,
                                       new_session_id=self._new_id())  # fmt: skip
        except Exception as exc:  # noqa: BLE001 - any engine bug must still end the session
            # Error type only: a traceback could carry the person's text into the logs.
            log.error("conversation.failed_internal", user_key=state.user_key,
                      error=type(exc).__name__)  # fmt: skip
            return self._engine.fail(current, turn, user_key=state.user_key,
                                     new_session_id=self._new_id())  # fmt: skip
