"""The engine: one turn in, the next session state and its effects out. Pure: no I/O, no clock.

Each inbound message is read once (``TurnReader``) relative to what the bot asked last;
the states decide from that reading and never re-read the raw text (SPEC §10).
"""

from __future__ import annotations

from datetime import datetime

from pyloto_corp.domain.engine.anytime import routed_help
from pyloto_corp.domain.engine.closed import for_another_team
from pyloto_corp.domain.engine.config import EngineConfig
from pyloto_corp.domain.engine.content import Content
from pyloto_corp.domain.engine.correction import Correction
from pyloto_corp.domain.engine.dialogue import Dialogue
from pyloto_corp.domain.engine.guards import Guards, step_on
from pyloto_corp.domain.engine.hours import tell_when_back
from pyloto_corp.domain.engine.opening import Opening
from pyloto_corp.domain.engine.policy import PolicyPack
from pyloto_corp.domain.engine.profile import remember_profile
from pyloto_corp.domain.engine.reading import joined, read_choice, reading_context
from pyloto_corp.domain.engine.state import Step, Turn, TurnKind
from pyloto_corp.domain.engine.states import States
from pyloto_corp.domain.engine.takeover import (
    LANGUAGE_SWITCH,
    asks_again,
    hand_again,
    stopped,
    stops,
    with_team,
)
from pyloto_corp.domain.engine.takeover_window import (
    back_in_portuguese,
    kept_case,
    still_stopped,
    taken_over,
    unanswered,
)
from pyloto_corp.domain.intents import Outcome
from pyloto_corp.domain.language.gazetteer import Gazetteer
from pyloto_corp.domain.records import SessionRecord
from pyloto_corp.domain.understanding.acts import TurnReading
from pyloto_corp.domain.understanding.reader import TurnReader


class Engine:
    def __init__(
        self, content: Content, gazetteer: Gazetteer, config: EngineConfig | None = None,
        policies: PolicyPack | None = None, *, reader: TurnReader,
    ) -> None:  # fmt: skip
        """``reader``: reads each message once (acts, values, needs) for every state."""
        self.content, self.reader, self.gazetteer = content, reader, gazetteer
        # Well-known cities first when a phone's DDD is read as a guess (once, not per turn).
        self._known_cities = list(dict.fromkeys(gazetteer.cities.values()))
        self.config = config or EngineConfig()
        self.policies = policies or PolicyPack()
        self.dialogue = Dialogue(gazetteer)
        self.guards = Guards(content, self.config, self.policies)
        self.states = States(self.dialogue, Correction(self.dialogue),
                             Opening(self.dialogue))  # fmt: skip

    def handle(
        self, current: SessionRecord | None, last_closed: SessionRecord | None,
        turn: Turn, *, user_key: str, new_session_id: str,
    ) -> Step | None:  # fmt: skip
        """None: nothing to change or say (a quiet period after spam)."""
        closed_before, decisions = None, []
        if current is not None and self.guards.idle(current, turn.at):
            ended = self.guards.timeout(current, turn.at)
            decisions = ended.decisions
            if not ended.session.is_open:
                closed_before = ended.session
                last_closed, current = closed_before, None
        reading, note = self.read(turn, current), None
        if current is None and taken_over(last_closed, turn.at, self.config.takeover):
            back = back_in_portuguese(last_closed, reading)  # type: ignore[arg-type]
            fresh = for_another_team(self.content, last_closed, reading)  # type: ignore[arg-type]
            if not ((stops(reading) and not kept_case(last_closed)) or back or fresh):
                step = step_on(last_closed, closed_before, decisions)  # type: ignore[arg-type]
                return with_team(step, self.guards.flow(step, turn), turn, reading)
            if not fresh:  # a stop, or Portuguese again: the takeover ends
                reason = LANGUAGE_SWITCH if back and not stops(reading) else "opt_out"
                closed_before, note = stopped(last_closed, turn.at, reason)  # type: ignore[arg-type]
                last_closed = closed_before
        again = current is None and unanswered(last_closed, turn.at, self.config.takeover)
        if current is None:
            early = self.guards.after_close(last_closed, turn, reading, closed_before, decisions)
            paused = still_stopped(last_closed, turn.at, reading, self.config.spam_quiet)
            if early is not None or paused or self.guards.quiet(last_closed, turn, reading):
                return early
            current = self.guards.opening(new_session_id, user_key, turn, last_closed)
            reading = self.read(turn, current) if current.active_intent else reading  # resumed
        step = Step(session=self.guards.track(current, turn), closed_before=closed_before,
                    decisions=decisions, team=note)  # fmt: skip
        flow = self.guards.flow(step, turn)
        flow.area_city = self._area_city(turn)
        if self.guards.spam_closed(flow, reading):  # flood, repetition, a promotion blast
            return step
        if again and asks_again(reading):  # the team never answered: hand it over again
            hand_again(flow, last_closed)  # type: ignore[arg-type]
        elif routed_help(flow, reading):  # "não sei mexer nisso de site", after the link
            pass
        elif note is not None and note.release == LANGUAGE_SWITCH:
            self.states.in_portuguese(flow, reading, last_closed)  # type: ignore[arg-type]
            remember_profile(flow, reading)
        elif not self.guards.repeated(flow.session):
            self.states.dispatch(flow, reading)
            remember_profile(flow, reading)
        flow.escalate()
        tell_when_back(flow, step, turn.at)  # a handoff at night: "a equipe volta às 8h"
        return step

    def _area_city(self, turn: Turn) -> str | None:
        """ "Ponta Grossa - PR" for a phone from DDD 42: offered, never stored without a yes."""
        places = self.gazetteer.places
        if turn.area_code is None or places is None:
            return None
        city = places.cities.by_area_code(turn.area_code, self._known_cities)
        return f"{city.name} - {city.uf}" if city else None

    def read(self, turn: Turn, session: SessionRecord | None) -> TurnReading | None:
        """The one reading of this turn (None for media, places and other kinds)."""
        context = reading_context(self.content, session, turn.written_at)
        if turn.kind is TurnKind.CHOICE:
            return read_choice(turn.choice_id or "", context)
        if turn.kind is not TurnKind.TEXT:
            return None
        return self.reader.read(joined(session, turn.text or "", turn.at), context)

    def timeout(self, session: SessionRecord, at: datetime) -> Step:
        """For the sweep: close an idle session with the outcome its state calls for."""
        return self.guards.timeout(session, at)

    def fail(
        self, current: SessionRecord | None, turn: Turn, *, user_key: str, new_session_id: str
    ) -> Step:
        """An internal error: apologise and close as FAILED_INTERNAL, decided like any effect."""
        session = current or SessionRecord(new_session_id, user_key, turn.at, turn.at)
        step = Step(session=session)
        flow = self.guards.flow(step, turn)
        flow.finish(Outcome.FAILED_INTERNAL, "internal_error", message="apology")
        return step
