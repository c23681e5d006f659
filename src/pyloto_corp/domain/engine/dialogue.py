"""Per-intent dialogue: explain, fill slots (two re-asks at most), confirm, resolve."""

from __future__ import annotations

from pyloto_corp.domain.engine.content import Slot
from pyloto_corp.domain.engine.flow import Flow
from pyloto_corp.domain.engine.policy import Action
from pyloto_corp.domain.engine.slots import prefill, read_answer
from pyloto_corp.domain.engine.summary import qualification_of, summarize
from pyloto_corp.domain.intents import COMMERCIAL_INTENTS, Intent, Outcome
from pyloto_corp.domain.language.entities import Entities
from pyloto_corp.domain.language.gazetteer import Gazetteer
from pyloto_corp.domain.qualification import QualificationLevel

MAX_REASKS = 2
SHORT_ANSWER_WORDS = 4
CONFIRM_YES, CONFIRM_NO = "confirm_yes", "confirm_no"
MORE_YES, MORE_NO = "more_yes", "more_no"


class Dialogue:
    def __init__(self, gazetteer: Gazetteer) -> None:
        self.gazetteer = gazetteer

    def start(self, flow: Flow, intent: Intent, entities: Entities, *, source: str) -> None:
        """``source``: who named the need (choice, classifier, queue, fallback)."""
        verdict = flow.decide(Action.START_INTENT, intent, source=source)
        if not verdict.allows:
            return self._not_started(flow, verdict.fallback)
        flow.update(active_intent=intent.value, slots={}, state="collecting")
        flow.remember(reasks=0, pending_slot=None)
        if intent is Intent.ENTRY_UNKNOWN:
            flow.say("greeting")
            return flow.menu()
        if intent is Intent.UNSUPPORTED:
            return self._unsupported(flow)
        if intent is Intent.PYLOTO_ENTREGA_REQUEST:
            return self._route(flow, intent)
        self.explain(flow, intent)
        if intent is Intent.INSTITUTIONAL:
            return self.resolve(flow, Outcome.SELF_SERVE_INFO)
        self._learn(flow, entities)
        self.ask_next(flow)

    def _not_started(self, flow: Flow, fallback: Action | None) -> None:
        """A denied start shows the menu (the policy's fallback); an escalation waits."""
        if fallback is not Action.SHOW_MENU:
            return None
        if flow.session.state == "menu":
            return flow.menu("menu_again")
        return self.start(flow, Intent.ENTRY_UNKNOWN, Entities(), source="fallback")

    def _route(self, flow: Flow, intent: Intent) -> None:
        """The route is decided before the link is given; then the session resolves."""
        if flow.route(intent):
            self.explain(flow, intent)
            self.resolve(flow, Outcome.ROUTE_EXTERNAL)

    def explain(self, flow: Flow, intent: Intent) -> None:
        item, links = flow.content.intents[intent], flow.content.links
        flow.say_text(item.explain.format(link=links[item.info_link], hours=flow.content
                      .business_hours, jobs=links["jobs"], site=links["site"]),
                      f"explain:{intent.value}")  # fmt: skip

    def aside(self, flow: Flow, intent: Intent) -> None:
        """An immediate need (a delivery now) answered without leaving the current form."""
        if flow.route(intent, aside=True):
            self.explain(flow, intent)
            self._freeze(flow, intent, {}, Outcome.ROUTE_EXTERNAL)

    def ask_again(self, flow: Flow) -> None:
        """Back to the question that was pending."""
        slots = flow.content.intents[Intent(flow.session.active_intent)].slots
        pending = flow.session.context.get("pending_slot")
        slot = next((s for s in slots if s.name == pending), None)
        if slot is not None:
            flow.say_text(slot.ask, f"ask:{slot.name}")

    def _unsupported(self, flow: Flow) -> None:
        if flow.session.context.get("menu_offered"):
            return flow.finish(Outcome.UNSUPPORTED, "out_of_scope_after_menu",
                               message="unsupported_final")  # fmt: skip
        flow.menu("unsupported")

    def _learn(self, flow: Flow, entities: Entities) -> None:
        """Keep what was said in passing; lists grow ("e instagram também"), answers stay."""
        slots, known = (
            flow.content.intents[Intent(flow.session.active_intent)].slots,
            flow.session.slots,
        )
        found = {}
        for name, value in prefill(slots, entities).items():
            if name not in known:
                found[name] = value
            elif isinstance(known[name], list) and isinstance(value, list):
                found[name] = list(dict.fromkeys([*known[name], *value]))
        flow.update(slots={**known, **found})
        if entities.urgent:
            flow.remember(urgent=True)
        if entities.role:
            flow.remember(role=entities.role)

    def _missing(self, flow: Flow) -> Slot | None:
        slots = flow.content.intents[Intent(flow.session.active_intent)].slots
        return next((s for s in slots if s.name not in flow.session.slots), None)

    def ask_next(self, flow: Flow) -> None:
        slot = self._missing(flow)
        if slot is None:
            return self.confirm(flow)
        flow.remember(pending_slot=slot.name, reasks=0)
        flow.say_text(slot.ask, f"ask:{slot.name}")

    def confirm(self, flow: Flow) -> None:
        intent = Intent(flow.session.active_intent)
        summary = summarize(flow.content, intent, flow.session.slots)
        flow.update(state="confirming")
        flow.buttons(
            flow.text("confirm", summary=summary),
            "confirm",
            (CONFIRM_YES, flow.text("confirm_yes")),
            (CONFIRM_NO, flow.text("confirm_no")),
        )

    def answer(self, flow: Flow, text: str, entities: Entities, words: list[str]) -> None:
        """A reply while collecting: the pending slot first, then anything else said."""
        slots = flow.content.intents[Intent(flow.session.active_intent)].slots
        slot = next(s for s in slots if s.name == flow.session.context.get("pending_slot"))
        if len(words) <= SHORT_ANSWER_WORDS and flow.content.says("dont_know", words):
            return self._skip(flow, slot)
        value = read_answer(slot, text, self.gazetteer)
        self._learn(flow, entities)
        if value is not None:
            flow.update(slots={**flow.session.slots, slot.name: value})
            return self.ask_next(flow)
        reasks = int(flow.session.context.get("reasks", 0)) + 1
        if reasks <= MAX_REASKS:
            flow.remember(reasks=reasks)
            return flow.say("reask", hint=slot.hint)
        self._skip(flow, slot)

    def _skip(self, flow: Flow, slot: Slot) -> None:
        """Not known or not said: recorded as "unknown" (it never counts as an answer)."""
        flow.update(slots={**flow.session.slots, slot.name: "unknown"})
        flow.say("skip_slot")
        self.ask_next(flow)

    def confirmed(self, flow: Flow) -> None:
        """The person said the summary is right: hand off, or send material to a cold lead."""
        intent = Intent(flow.session.active_intent)
        level = qualification_of(flow.session, intent).level
        if intent in COMMERCIAL_INTENTS and level is QualificationLevel.LOW:
            link = flow.content.links[flow.content.intents[intent].info_link]
            flow.say("low_qualification", link=link)
            return self.resolve(flow, Outcome.SELF_SERVE_INFO)
        return self.resolve(flow, Outcome.HANDOFF_HUMAN)

    def resolve(self, flow: Flow, result: Outcome) -> None:
        """Freeze the active intent's summary; offer the next queued one or close."""
        self._freeze(flow, Intent(flow.session.active_intent), flow.session.slots, result)
        queue = list(flow.session.queued_intents)
        if queue:
            following = Intent(queue.pop(0).intent)
            flow.update(queued_intents=tuple(queue))
            flow.say("next_intent", label=flow.content.intents[following].label)
            return self.start(flow, following, Entities(), source="queue")
        self.close_resolved(flow)

    def _freeze(self, flow: Flow, intent: Intent, slots: dict, result: Outcome) -> None:
        q = qualification_of(flow.session, intent)
        frozen = {"intent": intent.value, "slots": dict(slots), "level": q.level.value,
                  "reasons": list(q.reasons), "result": result.value,
                  "handoff": result is Outcome.HANDOFF_HUMAN,
                  "summary": summarize(flow.content, intent, slots)}  # fmt: skip
        flow.remember(resolved=[*flow.session.context.get("resolved", []), frozen])

    def close_resolved(self, flow: Flow) -> None:
        results = [r["result"] for r in flow.session.context.get("resolved", [])]
        for outcome in (Outcome.HANDOFF_HUMAN, Outcome.ROUTE_EXTERNAL):
            if outcome.value in results:
                if outcome is Outcome.HANDOFF_HUMAN:
                    team = flow.content.intents[Intent(flow.session.active_intent)].team
                    return flow.finish(outcome, "resolved", message="handoff", team=team)
                return flow.finish(outcome, "resolved")
        flow.update(state="info_given")
        flow.buttons(
            flow.text("anything_else"),
            "anything_else",
            (MORE_YES, flow.text("anything_else_yes")),
            (MORE_NO, flow.text("anything_else_no")),
        )
