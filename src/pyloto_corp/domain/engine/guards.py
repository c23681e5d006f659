"""Rules that apply in any state: timeouts, cooldowns, flood, opt-out, "falar com atendente"."""

from __future__ import annotations

import dataclasses
import hashlib
from datetime import datetime, timedelta

from pyloto_corp.domain.engine.config import EngineConfig
from pyloto_corp.domain.engine.content import Content
from pyloto_corp.domain.engine.flow import Flow
from pyloto_corp.domain.engine.policy import Decision, PolicyPack
from pyloto_corp.domain.engine.state import Step, Turn, TurnKind
from pyloto_corp.domain.intents import COMMERCIAL_INTENTS, Intent, Outcome
from pyloto_corp.domain.language.normalize import fold, is_laughter, tokens
from pyloto_corp.domain.records import SessionRecord

FLOOD_MESSAGES, FLOOD_WINDOW = 8, timedelta(seconds=60)
IDENTICAL_IN_A_ROW = 4
RECENT_KEPT = 10
OPT_OUT_MAX_WORDS = 6
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
        """Commercial lead data pending → follow-up; information given → self-serve; else wait.

        The close is decided like any effect: the step's session stays open if it is denied.
        """
        resolved = session.context.get("resolved", [])
        if any(r.get("handoff") for r in resolved):
            outcome = Outcome.HANDOFF_HUMAN
        elif session.active_intent in COMMERCIAL_INTENTS and session.slots:
            outcome = Outcome.SCHEDULED_FOLLOWUP
        elif resolved or session.state == "info_given":
            outcome = Outcome.SELF_SERVE_INFO
        else:
            outcome = Outcome.AWAITING_USER
        step = Step(session=session)
        self.flow(step, Turn(f"timeout:{session.session_id}", at, TurnKind.OTHER)).finish(
            outcome, "inactivity_timeout")  # fmt: skip
        return step

    def after_close(
        self, last: SessionRecord | None, turn: Turn, closed_now: SessionRecord | None,
        decisions: list[Decision],
    ) -> Step | None:  # fmt: skip
        """During the delivery cooldown a short reminder replaces a new session."""
        if last is None or last.outcome != Outcome.ROUTE_EXTERNAL or last.closed_at is None:
            return None
        if turn.at - last.closed_at >= self.config.route_cooldown:
            return None
        link = self.content.links[self.content.intents[Intent.PYLOTO_ENTREGA_REQUEST].info_link]
        step = Step(session=last, closed_before=closed_now, decisions=list(decisions))
        self.flow(step, turn).say("route_reminder", link=link)
        return step

    def quiet(self, last: SessionRecord | None, at: datetime) -> bool:
        return (
            last is not None
            and last.outcome == Outcome.DUPLICATE_OR_SPAM
            and last.closed_at is not None
            and at - last.closed_at < self.config.spam_quiet
        )

    def track(self, session: SessionRecord, turn: Turn) -> SessionRecord:
        """Remember when recent messages came and a digest of each (never their text)."""
        text = " ".join(fold(turn.text or "").split())
        digest = hashlib.sha256(text.encode()).hexdigest()[:16] if text else ""
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

    def handled_globally(self, flow: Flow, words: list[str], turn: Turn) -> bool:
        if len(words) <= OPT_OUT_MAX_WORDS and self.content.says("opt_out", words):
            flow.remember(opted_out=True)
            flow.silence()
            flow.finish(Outcome.AWAITING_USER, "opt_out")
            return True
        if self.content.says("human", words, anywhere=True):
            flow.finish(Outcome.HANDOFF_HUMAN, "human_requested", requested=True,
                        message="handoff_requested")  # fmt: skip
            return True
        if flow.session.state != "followup_time" and self.content.says("followup", words):
            flow.update(state="followup_time")
            flow.say("followup_ask")
            return True
        return False

    def limit_outcome(self, session: SessionRecord) -> Outcome:
        resolved = session.context.get("resolved", [])
        return Outcome.HANDOFF_HUMAN if any(r.get("handoff") for r in resolved) else (
            Outcome.SCHEDULED_FOLLOWUP)  # fmt: skip
