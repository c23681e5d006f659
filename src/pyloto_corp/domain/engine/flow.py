"""One turn in progress: the session being changed, the replies and effects being gathered."""

from __future__ import annotations

import dataclasses
from typing import Any

from pyloto_corp.domain.engine.content import Content
from pyloto_corp.domain.engine.policy import Action, Proposal
from pyloto_corp.domain.engine.state import Option, Reply, Step, Turn, close
from pyloto_corp.domain.engine.summary import build_handoff
from pyloto_corp.domain.intents import Intent, Outcome
from pyloto_corp.domain.records import SessionRecord

CLOSING_ACTIONS = {
    Outcome.HANDOFF_HUMAN: Action.HANDOFF,
    Outcome.ROUTE_EXTERNAL: Action.ROUTE_EXTERNAL,
    Outcome.SCHEDULED_FOLLOWUP: Action.SCHEDULE,
}
HANDED_OVER = (Outcome.HANDOFF_HUMAN, Outcome.SCHEDULED_FOLLOWUP)


class Flow:
    def __init__(self, content: Content, persona: str, step: Step, turn: Turn) -> None:
        self.content, self.persona, self.step, self.turn = content, persona, step, turn

    @property
    def session(self) -> SessionRecord:
        return self.step.session

    def update(self, **changes: Any) -> None:
        self.step.session = dataclasses.replace(self.step.session, **changes)

    def remember(self, **values: Any) -> None:
        self.update(context={**self.session.context, **values})

    def text(self, key: str, **values: str) -> str:
        defaults = {"persona": self.persona, "hours": self.content.business_hours}
        return self.content.text(key, **{**defaults, **values})

    def say(self, key: str, **values: str) -> None:
        self.step.say(Reply(self.text(key, **values)))

    def say_text(self, body: str) -> None:
        self.step.say(Reply(body))

    def propose(self, action: Action, intent: Intent | str, **parameters: Any) -> None:
        confidence = self.session.context.get("confidence")
        signals = tuple(self.session.context.get("signals", ()))
        self.step.proposals.append(Proposal(action, str(intent), parameters, confidence, signals))

    def menu(self, body_key: str = "menu_body") -> None:
        options = tuple(Option(o.intent.value, o.title, o.description) for o in self.content.menu)
        button = self.text("menu_button")
        self.step.say(Reply(self.text(body_key), options, list_button=button))
        self.remember(menu_offered=True)
        self.update(state="menu")
        self.propose(Action.SHOW_MENU, Intent.ENTRY_UNKNOWN)

    def buttons(self, body: str, *choices: tuple[str, str]) -> None:
        self.step.say(Reply(body, tuple(Option(i, t) for i, t in choices)))

    def finish(self, outcome: Outcome, reason: str, *, requested: bool = False) -> None:
        """Close the session with its one outcome; a team takes over with the handoff."""
        if outcome in HANDED_OVER:
            self.step.handoff = build_handoff(self.content, self.session, requested=requested)
            self.remember(handoff=self.step.handoff.to_dict())
        intent = self.session.active_intent or Intent.ENTRY_UNKNOWN
        self.propose(CLOSING_ACTIONS.get(outcome, Action.CLOSE), intent, outcome=outcome.value)
        self.step.session = close(self.session, outcome, self.turn.at, reason)
