"""One turn in progress: every effect is proposed, decided by the Policy Pack, then obeyed.

Nothing reaches the step (a reply, the menu, a route, a close, a handoff) before its
decision is taken: ``allow`` carries it out, ``deny`` blocks it and applies the verdict's
fallback (or nothing), ``handoff`` blocks it and hands the conversation to a person.
"""

from __future__ import annotations

import dataclasses
import hashlib
from datetime import date, timedelta
from typing import Any

from pyloto_corp.domain.decision import DecisionOutcome
from pyloto_corp.domain.engine.content import Content
from pyloto_corp.domain.engine.policy import (
    HANDOFF_MESSAGES,
    Action,
    Decision,
    PolicyPack,
    Proposal,
    Verdict,
)
from pyloto_corp.domain.engine.ranges import ranged
from pyloto_corp.domain.engine.state import Option, Reply, Step, Turn, close
from pyloto_corp.domain.engine.summary import build_handoffs
from pyloto_corp.domain.intents import Intent, Outcome
from pyloto_corp.domain.records import SessionRecord

CLOSING_ACTIONS = {
    Outcome.HANDOFF_HUMAN: Action.HANDOFF,
    Outcome.SCHEDULED_FOLLOWUP: Action.SCHEDULE,
}
FALLBACK_OUTCOMES = {Action.HANDOFF: Outcome.HANDOFF_HUMAN, Action.CLOSE: Outcome.AWAITING_USER,
                     Action.SCHEDULE: Outcome.SCHEDULED_FOLLOWUP}  # fmt: skip
HANDED_OVER = (Outcome.HANDOFF_HUMAN, Outcome.SCHEDULED_FOLLOWUP)
SAID_KEPT = 40
WEEKEND = 5  # Saturday and Sunday: weekday() 5 and 6


def business_day(window: str | None) -> tuple[str | None, str | None]:
    """ "2026-12-05T14:00/18:00" (a Saturday) → the same hours on Monday, and "07/12"."""
    if not window:
        return window, None
    day = date.fromisoformat(window[:10])
    if day.weekday() < WEEKEND:
        return window, None
    monday = day + timedelta(7 - day.weekday())
    return monday.isoformat() + window[10:], monday.strftime("%d/%m")


def _digest(body: str) -> str:
    """What the bot said, remembered as a short digest (the session keeps no copy)."""
    return hashlib.sha256(" ".join(body.split()).encode()).hexdigest()[:12]


SILENCED_OUTCOMES = (Outcome.DUPLICATE_OR_SPAM.value,)


class Flow:
    def __init__(
        self, content: Content, persona: str, step: Step, turn: Turn, policies: PolicyPack
    ) -> None:
        self.content, self.persona, self.step, self.turn, self.policies = (
            content, persona, step, turn, policies)  # fmt: skip
        session = step.session
        self.silenced = bool(session.context.get("opted_out")) or (
            session.outcome in SILENCED_OUTCOMES)  # fmt: skip
        self.escalation: Verdict | None = None
        self.area_city: str | None = None  # the phone's DDD as a guess ("Ponta Grossa - PR")

    @property
    def session(self) -> SessionRecord:
        return self.step.session

    def update(self, **changes: Any) -> None:
        ranged_changes = ranged(self.session, changes, self.turn.text)  # "entre 15 e 25 mil"
        self.step.session = dataclasses.replace(self.step.session, **ranged_changes)

    def remember(self, **values: Any) -> None:
        self.update(context={**self.session.context, **values})

    def text(self, key: str, **values: str) -> str:
        defaults = {"persona": self.persona, "hours": self.content.business_hours}
        return self.content.text(key, **{**defaults, **values})

    def decide(self, action: Action, intent: Intent | str | None = None, **params: Any) -> Verdict:
        """Ask the Policy Pack before an effect; the decision is kept for the audit trail."""
        context = self.session.context
        about = str(intent or self.session.active_intent or Intent.ENTRY_UNKNOWN)
        proposal = Proposal(action, about, params, context.get("confidence"),
                            tuple(context.get("signals", ())), self.silenced,
                            self.escalation is not None)  # fmt: skip
        verdict = self.policies.evaluate(proposal)
        self.step.decisions.append(Decision(proposal, verdict, self.session.session_id))
        if verdict.outcome is DecisionOutcome.HANDOFF and action is not Action.HANDOFF:
            self.escalation = self.escalation or verdict
        return verdict

    def send(self, reply: Reply, template: str, action: Action = Action.SEND_MESSAGE) -> bool:
        """A message goes out only if allowed; it names its decision (the outbox keeps it)."""
        verdict = self.decide(action, template=template, kind=reply.kind, chars=len(reply.body))
        if verdict.allows:
            self.step.say(dataclasses.replace(reply, decision=len(self.step.decisions) - 1))
            said = [*self.session.context.get("said", []), _digest(reply.body)]
            self.remember(said=said[-SAID_KEPT:])
        return verdict.allows

    def fresh(self, template: str, body: str, **values: str) -> str | None:
        """The body, or a variant of it not yet sent in this session (None: all were)."""
        said = set(self.session.context.get("said", ()))
        return next((w for w in self._wordings(template, body, values) if _digest(w) not in said),
                    None)  # fmt: skip

    def _wordings(self, template: str, body: str, values: dict[str, str]) -> tuple[str, ...]:
        filled = {"persona": self.persona, "hours": self.content.business_hours, **values}
        return (body, *(v.format(**filled) for v in self.content.variants.get(template, ())))

    def say(self, key: str, **values: str) -> bool:
        return self.say_text(self.text(key, **values), key, **values)

    def said_last(self, template: str, body: str, **values: str) -> bool:
        """The bot's last message was this one, in one of its wordings."""
        said = self.session.context.get("said") or [""]
        return said[-1] in {_digest(w) for w in self._wordings(template, body, values)}

    def say_text(self, body: str, template: str, **values: str) -> bool:
        """Nothing is sent twice word for word: a variant, or nothing when all were sent."""
        wording = self.fresh(template, body, **values)
        if wording is None and template in HANDOFF_MESSAGES:
            wording = body  # a new handoff is always announced, even in words said before
        return wording is not None and self.send(Reply(wording), template)

    def buttons(self, body: str, template: str, *choices: tuple[str, str], **values: str) -> bool:
        """Buttons whose every wording was sent already are not sent again: the person can
        still type the answer (the state waits for it all the same)."""
        wording = self.fresh(template, body, **values)
        options = tuple(Option(i, t) for i, t in choices)
        return wording is not None and self.send(Reply(wording, options), template)

    def menu(self, body_key: str = "menu_body") -> None:
        options = tuple(Option(o.intent.value, o.title, o.description) for o in self.content.menu)
        body = self.fresh(body_key, self.text(body_key))
        if body is None:  # the menu was shown in every wording: it still stands
            return self.update(state="menu") if self.session.context.get("menu_offered") else None
        reply = Reply(body, options, list_button=self.text("menu_button"))
        if self.send(reply, body_key, Action.SHOW_MENU):
            self.remember(menu_offered=True)
            self.update(state="menu")
        return None

    def callback(self, when: str, window: str | None) -> str:
        """Remember when to call back, on a business day (the team works Monday to Friday: a
        Saturday or Sunday moves to Monday); the words to confirm it to the person."""
        moved, monday = business_day(window)
        self.remember(followup_when=when, followup_window=moved, followup_day=monday)
        return when if monday is None else self.text("followup_monday", when=when, day=monday)

    def route(self, intent: Intent, **params: Any) -> bool:
        """Sending the person to another Pyloto channel is decided before the link is given."""
        return self.decide(Action.ROUTE_EXTERNAL, intent, **params).allows

    def silence(self) -> None:
        if self.decide(Action.SILENCE).allows:
            self.silenced = True

    def finish(
        self, outcome: Outcome, reason: str, *, requested: bool = False,
        message: str | None = None, routing: str | None = None,
        details: dict[str, Any] | None = None, **values: str,
    ) -> None:  # fmt: skip
        """Close with the one outcome, if allowed; the closing message follows the decision."""
        if self.escalation is not None and outcome is not Outcome.HANDOFF_HUMAN:
            return self.escalate()
        verdict = self.decide(CLOSING_ACTIONS.get(outcome, Action.CLOSE), outcome=outcome.value,
                              reason=reason)  # fmt: skip
        if self.escalation is not None and outcome is not Outcome.HANDOFF_HUMAN:
            return self.escalate()
        if verdict.outcome is DecisionOutcome.DENY:
            fallback = FALLBACK_OUTCOMES.get(verdict.fallback)  # type: ignore[arg-type]
            if fallback is not None and fallback is not outcome:
                self.finish(fallback, f"{reason}:{verdict.policy_id}")
            return None
        if message is not None:
            self.say(message, **values)
        if outcome in HANDED_OVER:
            handoffs = build_handoffs(self.content, self.session, requested=requested,
                                      routing=routing, details=details)  # fmt: skip
            self.step.handoff, self.step.handoffs = handoffs[0], handoffs
            self.remember(handoff=handoffs[0].to_dict(), handoffs=[h.to_dict() for h in handoffs])
        self.step.session = close(self.session, outcome, self.turn.at, reason)
        return None

    def escalate(self) -> None:
        """A policy asked for a person: the session is handed off, with a message saying so."""
        if self.escalation is not None and self.session.is_open:
            policy = self.escalation.policy_id
            self.finish(Outcome.HANDOFF_HUMAN, f"policy:{policy}", message="handoff_policy")
