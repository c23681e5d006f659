"""Per-intent dialogue: explain, fill slots (two re-asks at most), confirm, resolve."""

from __future__ import annotations

from pyloto_corp.domain.engine import form
from pyloto_corp.domain.engine.area import beyond_area
from pyloto_corp.domain.engine.asides import not_a_bank
from pyloto_corp.domain.engine.flow import Flow
from pyloto_corp.domain.engine.policy import Action
from pyloto_corp.domain.engine.profile import heard
from pyloto_corp.domain.engine.proxies import for_someone_else, not_me
from pyloto_corp.domain.engine.summary import qualification_of, summarize
from pyloto_corp.domain.intents import COMMERCIAL_INTENTS, Intent, Outcome
from pyloto_corp.domain.language.entities import Entities
from pyloto_corp.domain.language.gazetteer import Gazetteer
from pyloto_corp.domain.language.normalize import fold
from pyloto_corp.domain.qualification import QualificationLevel

MAX_REASKS = 2
REQUEST_MAX_CHARS = 300
PARTNERSHIP = ("parceria", "parcerias", "patrocinio", "convenio", "apoio institucional")


def explain_need(flow: Flow, intent: Intent) -> None:
    """What Pyloto does for this need, in one message (with its link)."""
    item, links = flow.content.intents[intent], flow.content.links
    values = {"link": links[item.info_link], "hours": flow.content.business_hours,
              "jobs": links["jobs"], "site": links["site"]}  # fmt: skip
    flow.say_text(item.explain.format(**values), f"explain:{intent.value}", **values)


def _partnership(flow: Flow) -> bool:
    """ "gostaríamos de conversar sobre uma parceria institucional com a Pyloto"."""
    return any(word in fold(flow.turn.text or "") for word in PARTNERSHIP)


class Dialogue:
    def __init__(self, gazetteer: Gazetteer) -> None:
        self.gazetteer = gazetteer

    confirm = staticmethod(form.confirm)
    ask_again = staticmethod(form.ask_again)

    def start(self, flow: Flow, intent: Intent, entities: Entities, *, source: str) -> None:
        """``source``: who named the need (choice, classifier, queue, fallback, side_question:
        a question about Pyloto already answered in a few words, so no long explanation)."""
        verdict = flow.decide(Action.START_INTENT, intent, source=source)
        if not verdict.allows:
            return self._not_started(flow, verdict.fallback)
        flow.update(active_intent=intent.value, slots={}, state="collecting")
        flow.remember(reasks=0, pending_slot=None)
        asked_how = flow.session.context.get("asked_how")  # "bom dia, tudo bem?": once
        if asked_how:
            flow.remember(asked_how=False)
        if intent is Intent.ENTRY_UNKNOWN:
            not_a_bank(flow)  # "o senhor não é do banco?"
            if entities.name:  # "sou a Fernanda, da clínica Sorriso Vivo": no need said yet
                flow.say("greeting_named", name=entities.name.split()[0])
            else:
                flow.say("greeting_well" if asked_how else _greeting(flow.session.context))
            return flow.menu()
        if asked_how and source != "queue":
            flow.say("how_reply")
        if intent is Intent.UNSUPPORTED:
            return self._unsupported(flow)
        if self._elsewhere(flow, intent, entities):  # the order link; a courier's own WhatsApp
            return None
        if intent is Intent.INSTITUTIONAL and source != "side_question" and _partnership(flow):
            return self._partnership(flow)
        if source != "side_question":
            self.explain(flow, intent)
        if intent is Intent.INSTITUTIONAL:
            return self.resolve(flow, Outcome.SELF_SERVE_INFO)
        form.learn(flow, heard(flow))  # "sou dentista aqui em guarapuava", said a turn before
        form.learn(flow, entities)
        if source in ("classifier", "switch"):  # the need in the person's own words
            form.learn_described(flow)
        form.ask_next(flow)

    @staticmethod
    def _partnership(flow: Flow) -> None:
        """A partnership with Pyloto is a conversation for people: handed over with the words."""
        said = " ".join((flow.turn.text or "").split())[:REQUEST_MAX_CHARS]
        flow.remember(human_requested=True)
        flow.finish(Outcome.HANDOFF_HUMAN, "partnership", requested=True,
                    message="partnership_handoff", details={"request": said})  # fmt: skip

    def _not_started(self, flow: Flow, fallback: Action | None) -> None:
        """A denied start shows the menu (the policy's fallback); an escalation waits."""
        if fallback is not Action.SHOW_MENU:
            return None
        if flow.session.state == "menu":
            return flow.menu("menu_again")
        return self.start(flow, Intent.ENTRY_UNKNOWN, Entities(), source="fallback")

    def _elsewhere(self, flow: Flow, intent: Intent, entities: Entities) -> bool:
        """A need served elsewhere: a delivery by its link (beyond the area, said so), a
        courier signup asked for someone else by the courier's own WhatsApp."""
        if intent is Intent.PYLOTO_ENTREGA_REQUEST:
            if beyond_area(flow, entities):  # "ele mora em Curitiba, vcs levam?"
                return self.resolve(flow, Outcome.SELF_SERVE_INFO) or True
            self._route(flow, intent)
            return True
        if intent is Intent.PYLOTO_ENTREGA_DRIVER_SIGNUP and for_someone_else(flow.turn.text or ""):
            flow.say("courier_for_other")
            self.resolve(flow, Outcome.SELF_SERVE_INFO)
            return True
        return False

    def _route(self, flow: Flow, intent: Intent) -> None:
        """The route is decided before the link is given; then the session resolves."""
        if flow.route(intent):
            self.explain(flow, intent)
            self.resolve(flow, Outcome.ROUTE_EXTERNAL)

    def explain(self, flow: Flow, intent: Intent) -> None:
        explain_need(flow, intent)

    def aside(self, flow: Flow, intent: Intent) -> None:
        """An immediate need (a delivery now) answered without leaving the current form."""
        if flow.route(intent, aside=True):
            self.explain(flow, intent)
            self._freeze(flow, intent, {}, Outcome.ROUTE_EXTERNAL)

    def _unsupported(self, flow: Flow) -> None:
        not_a_bank(flow)
        if flow.session.context.get("menu_offered"):
            return flow.finish(Outcome.UNSUPPORTED, "out_of_scope_after_menu",
                               message="unsupported_final")  # fmt: skip
        flow.menu("unsupported")

    def confirmed(self, flow: Flow) -> None:
        """The person said the summary is right: hand off, or send material to a cold lead."""
        intent = Intent(flow.session.active_intent)
        level = qualification_of(flow.session, intent).level
        noted = flow.session.context.get("region_noted")  # outside the region: noted for the team
        if intent in COMMERCIAL_INTENTS and level is QualificationLevel.LOW and not noted:
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
            flow.remember(queued_start=following.value)  # a "não pedi isso" drops it
            return self.start(flow, following, heard(flow), source="queue")
        self.close_resolved(flow)

    def _freeze(self, flow: Flow, intent: Intent, slots: dict, result: Outcome) -> None:
        q = qualification_of(flow.session, intent)
        frozen = {"intent": intent.value, "slots": dict(slots), "level": q.level.value,
                  "reasons": list(q.reasons), "result": result.value,
                  "handoff": result is Outcome.HANDOFF_HUMAN,
                  "summary": summarize(flow.content, intent, slots)}  # fmt: skip
        flow.remember(resolved=[*flow.session.context.get("resolved", []), frozen])

    def drop_queued(self, flow: Flow) -> None:
        """ "não, não pedi isso": the need offered next is dropped; what was resolved goes."""
        dropped = flow.session.active_intent
        detected = [i for i in flow.session.context.get("detected", []) if i != dropped]
        flow.remember(detected=detected, queued_start=None, pending_slot=None)
        others = dropped == Intent.PYLOTO_ENTREGA_DRIVER_SIGNUP and not_me(flow.turn.text or "")
        flow.say("courier_for_other" if others else "queued_dropped")  # "não sou eu, é ela"
        self.close_resolved(flow)

    def close_resolved(self, flow: Flow) -> None:
        results = [r["result"] for r in flow.session.context.get("resolved", [])]
        for outcome in (Outcome.HANDOFF_HUMAN, Outcome.ROUTE_EXTERNAL):
            if outcome.value in results:
                if outcome is Outcome.HANDOFF_HUMAN:
                    noted = flow.session.context.get("region_noted")  # "ainda não chegou em
                    key = "handoff_waitlist" if noted else "handoff"  # Curitiba", even when a
                    return flow.finish(outcome, "resolved", message=key, team=_teams(flow),
                                       city=str(noted))  # later need has no city  # fmt: skip
                return flow.finish(outcome, "resolved")
        form.anything_else(flow)


def _teams(flow: Flow) -> str:
    """Every team a resolved need was handed to ("time comercial e time de cadastro...")."""
    resolved = flow.session.context.get("resolved", [])
    teams = [flow.content.intents[Intent(r["intent"])].team for r in resolved if r["handoff"]]
    return " e ".join(dict.fromkeys(teams))


def _greeting(context: dict) -> str:
    """ "VCS SÃO UMA PIADA" and then "???": after an outburst, no cheerful "Oi de novo! 🙂"."""
    if context.get("after_outburst"):
        return "greeting_calm"
    return "greeting_back" if context.get("returning") else "greeting"
