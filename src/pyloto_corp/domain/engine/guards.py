"""Rules around the sessions: timeouts, what follows a close, cooldowns, flood, repetition."""

from __future__ import annotations

import dataclasses
import hashlib
from datetime import datetime, timedelta

from pyloto_corp.domain.engine import closed as said
from pyloto_corp.domain.engine.asides import paying, say_again
from pyloto_corp.domain.engine.config import EngineConfig
from pyloto_corp.domain.engine.content import Content
from pyloto_corp.domain.engine.flow import Flow
from pyloto_corp.domain.engine.opening_session import new_session, resumable
from pyloto_corp.domain.engine.policy import Decision, PolicyPack
from pyloto_corp.domain.engine.profile import remember_profile
from pyloto_corp.domain.engine.state import Step, Turn, TurnKind
from pyloto_corp.domain.intents import COMMERCIAL_INTENTS, Intent, Outcome
from pyloto_corp.domain.language.normalize import fold, is_laughter, tokens
from pyloto_corp.domain.records import SessionRecord
from pyloto_corp.domain.understanding.acts import Act, TurnReading

FLOOD_MESSAGES, FLOOD_WINDOW = 8, timedelta(seconds=60)
IDENTICAL_IN_A_ROW, RECENT_KEPT = 4, 10
SILENT_OUTCOMES = (Outcome.DUPLICATE_OR_SPAM.value,)
WANTS_SOMETHING = (Act.TOPIC_CHANGE, Act.SIDE_QUESTION, Act.HUMAN_REQUEST, Act.SUPPORT_ISSUE,
                   Act.FOLLOWUP_REQUEST, Act.OPT_OUT)  # after spam, answered again  # fmt: skip
NEW_BUSINESS = (Act.HUMAN_REQUEST, Act.OPT_OUT, Act.SUPPORT_ISSUE, Act.OTHER_LANGUAGE,
                Act.FOLLOWUP_REQUEST)  # fmt: skip
SHORT_ANSWER_WORDS = 4


def _flooded(recent: list[dict], clock: str) -> bool:
    """Many messages within the window on this clock ("at": received; "sent": Meta's).

    A flood needs both: a backlog Meta redelivers at once after an outage arrives in a
    burst, but the person wrote it over minutes, so it is not spam.
    """
    stamps = [datetime.fromisoformat(r.get(clock) or r["at"]) for r in recent]
    last = max(stamps)
    return sum(1 for at in stamps if last - at <= FLOOD_WINDOW) >= FLOOD_MESSAGES


class Guards:
    def __init__(self, content: Content, config: EngineConfig, policies: PolicyPack) -> None:
        self.content, self.config, self.policies = content, config, policies

    def flow(self, step: Step, turn: Turn) -> Flow:
        return Flow(self.content, self.config.persona, step, turn, self.policies)

    def idle(self, session: SessionRecord, at: datetime) -> bool:
        return at - session.last_activity_at >= self.config.session_timeout

    def timeout(self, session: SessionRecord, at: datetime) -> Step:
        """Commercial lead data pending, or a call-back asked for → follow-up; information
        given → self-serve; else wait.

        The close is decided like any effect: the step's session stays open if it is denied.
        """
        resolved = session.context.get("resolved", [])
        if any(r.get("handoff") for r in resolved):
            outcome = Outcome.HANDOFF_HUMAN
        elif session.state == "followup_time" or (
                session.active_intent in COMMERCIAL_INTENTS and session.slots):  # fmt: skip
            outcome = Outcome.SCHEDULED_FOLLOWUP  # a call-back was asked for: the team calls
        elif resolved or session.state == "info_given":
            outcome = Outcome.SELF_SERVE_INFO
        else:
            outcome = Outcome.AWAITING_USER
        step = Step(session=session)
        self.flow(step, Turn(f"timeout:{session.session_id}", at, TurnKind.OTHER)).finish(
            outcome, "inactivity_timeout")  # fmt: skip
        return step

    def after_close(
        self, last: SessionRecord | None, turn: Turn, reading: TurnReading | None,
        closed_now: SessionRecord | None, decisions: list[Decision],
    ) -> Step | None:  # fmt: skip
        """Right after a close, a message may not open a new session: thanks or laughter
        get one courtesy reply; during the delivery cooldown, a short reminder. A new need,
        stop or a person opens one. (After a handoff the team has the person: ``takeover``.)"""
        if last is None or last.closed_at is None or last.outcome in SILENT_OUTCOMES:
            return None
        since = turn.at - last.closed_at
        recent = since < self.config.session_timeout
        asked = reading is not None and (
            reading.has(*NEW_BUSINESS) or said.other_need(reading) or said.link_trouble(reading)
            or said.for_a_business(reading) or said.wants_menu(reading))  # fmt: skip
        gave_up = last.context.get("close_reason") == "need_withdrawn" and not (
            asked or (reading is not None and reading.question)
        )  # "já falei, deixa pra lá"
        if reading is not None and ((said.courtesy(reading) and not asked) or gave_up) and recent:
            return self._once(last, turn, closed_now, decisions, "courtesy")
        if last.outcome != Outcome.ROUTE_EXTERNAL or since >= self.config.route_cooldown or asked:
            return None
        step = step_on(last, closed_now, decisions)
        link = self.content.links[self.content.intents[Intent.PYLOTO_ENTREGA_REQUEST].info_link]
        flow = self.flow(step, turn)
        priced = reading is not None and reading.topic == "price"  # "mas preço? quanto reais?"
        if reading is not None and paying(flow, reading):  # "aceita pix ou só cartão?"
            say_again(flow, "side_payment_PYLOTO_ENTREGA_REQUEST")
        else:
            flow.say("route_price" if priced else "route_reminder", link=link)
        remember_profile(flow, reading)  # "Meu nome é Terezinha. Moro em Palmeira": kept
        return step

    def _once(
        self, last: SessionRecord, turn: Turn, closed_now: SessionRecord | None,
        decisions: list[Decision], key: str,
    ) -> Step:  # fmt: skip
        """A short reply on the closed session, once; after that, silence."""
        step = step_on(last, closed_now, decisions)
        flow = self.flow(step, turn)
        if not last.context.get(f"{key}_sent"):
            flow.say(key)
            flow.remember(**{f"{key}_sent": True})
        return step

    def opening(
        self, session_id: str, user_key: str, turn: Turn, last: SessionRecord | None
    ) -> SessionRecord:
        return new_session(session_id, user_key, turn.at, last, self.config)

    def repeated(self, session: SessionRecord) -> bool:
        """The same message again, right after itself: it was already answered."""
        tail = session.context.get("recent", [])[-2:]
        return (len(tail) == 2 and tail[0]["digest"] == tail[1]["digest"] != ""
                and not tail[-1].get("exempt"))  # fmt: skip

    def quiet(self, last: SessionRecord | None, turn: Turn, reading: TurnReading | None) -> bool:
        """Right after a spam close, more of the same is ignored; a real message ("desculpa,
        mandei pro contato errado", "vcs entregam em Ponta Grossa?") is not."""
        if not (last is not None and last.outcome == Outcome.DUPLICATE_OR_SPAM
                and last.closed_at is not None
                and turn.at - last.closed_at < self.config.spam_quiet):  # fmt: skip
            return False
        if reading is None or reading.promotion or reading.has(Act.ABUSE):
            return True
        if resumable(last, turn.at):  # "foi mal, to estressado": the form goes on
            return False
        digest = self._digest(turn.text or "")
        if any(seen.get("digest") == digest for seen in last.context.get("recent", [])):
            return True
        return not (reading.question or reading.has(*WANTS_SOMETHING) or said.sorry(reading))

    @staticmethod
    def _digest(text: str) -> str:
        folded = " ".join(fold(text).split())
        return hashlib.sha256(folded.encode()).hexdigest()[:16] if folded else ""

    def track(self, session: SessionRecord, turn: Turn) -> SessionRecord:
        """Remember when recent messages came and a digest of each (never their text)."""
        digest = self._digest(turn.text or "")
        seen = {
            "at": turn.at.isoformat(),
            "sent": turn.written_at.isoformat(),
            "digest": digest,
            "exempt": self._short_answer(turn.text or ""),
        }
        recent = [*session.context.get("recent", []), seen][-RECENT_KEPT:]
        context = {**session.context, "recent": recent}
        return dataclasses.replace(session, last_activity_at=turn.at, context=context)

    def _short_answer(self, text: str) -> bool:
        """Laughter and stock answers ("sim", "não sei") repeat legitimately: never spam."""
        words = tokens(text)
        short = len(words) <= SHORT_ANSWER_WORDS
        stock = any(self.content.says(v, words) for v in ("yes", "no", "dont_know"))
        return is_laughter(text) or (short and stock)

    def spam_closed(self, flow: Flow, reading: TurnReading | None) -> bool:
        """Closes the session in silence when it is spam; True when it did."""
        spam = self.is_spam(flow.session) or (reading is not None and reading.promotion)
        if spam:
            flow.silence()
            flow.finish(Outcome.DUPLICATE_OR_SPAM, "flood_or_repetition")
        return spam

    def is_spam(self, session: SessionRecord) -> bool:
        recent = session.context.get("recent", [])
        if _flooded(recent, "at") and _flooded(recent, "sent"):
            return True
        tail = recent[-IDENTICAL_IN_A_ROW:]
        digests = {r["digest"] for r in tail}
        return (
            len(tail) == IDENTICAL_IN_A_ROW
            and len(digests) == 1
            and "" not in digests
            and not tail[-1].get("exempt")
        )


def step_on(
    last: SessionRecord, closed_now: SessionRecord | None, decisions: list[Decision]
) -> Step:
    """A step on the closed session (itself, when this very turn closed it by timeout)."""
    same = closed_now is not None and closed_now.session_id == last.session_id
    return Step(session=last, closed_before=None if same else closed_now, decisions=list(decisions))
