"""The engine asks the Policy Pack before every effect and obeys the verdict."""

from __future__ import annotations

from datetime import timedelta

from pyloto_corp.domain.decision import DecisionOutcome, RiskLevel
from pyloto_corp.domain.engine.policy import SENDS, Action, PolicyPack, Proposal, Verdict
from pyloto_corp.domain.engine.state import Step, Turn, TurnKind
from pyloto_corp.domain.intents import Outcome
from tests.unit.engine.conftest import CONTENT, Chat

LEAD = ["preciso de um sistema pra minha loja", "controlar o estoque", "relatórios de vendas",
        "uns 5", "Curitiba", "até março", "uns 20 mil"]  # fmt: skip


def deny(policy: str, fallback: Action | None = None, only: str | None = None):
    """A rule that denies (only a given template, when named) and allows the rest."""

    def rule(proposal: Proposal) -> Verdict:
        if only is not None and proposal.parameters.get("template") != only:
            return Verdict("T-00", DecisionOutcome.ALLOW, RiskLevel.LOW, "ok")
        return Verdict(policy, DecisionOutcome.DENY, RiskLevel.LOW, "negado", fallback=fallback)

    return rule


def to_human(proposal: Proposal) -> Verdict:
    return Verdict("T-09", DecisionOutcome.HANDOFF, RiskLevel.HIGH, "uma pessoa decide")


def sent_decisions(step: Step) -> list:
    return [step.decisions[r.decision] for r in step.replies]


def test_every_reply_names_the_send_decision_that_allowed_it(chat) -> None:
    """Across a whole lead, each reply points at an allowed message or menu decision."""
    steps = [chat.send(line) for line in LEAD] + [chat.send(choose="confirm_yes")]
    assert chat.outcomes == [Outcome.HANDOFF_HUMAN]
    for step in steps:
        assert step.replies and all(r.decision is not None for r in step.replies)
        assert all(d.verdict.allows and d.proposal.action in SENDS for d in sent_decisions(step))
    closing = [d for d in steps[-1].decisions if "outcome" in d.proposal.parameters]
    assert [(d.proposal.action, d.verdict.outcome) for d in closing] == [
        (Action.HANDOFF, DecisionOutcome.HANDOFF)]  # fmt: skip


def test_a_denied_message_is_not_sent() -> None:
    """A pack that denies the greeting: the menu still goes, the greeting never does."""
    chat = Chat(PolicyPack({Action.SEND_MESSAGE: deny("T-01", only="greeting")}))
    step = chat.send("oi")
    assert [r.kind for r in step.replies] == ["list"]
    assert "Otto" not in chat.said(step)  # the greeting introduces the persona
    [denied] = [d for d in step.decisions if not d.verdict.allows]
    assert (denied.verdict.policy_id, denied.proposal.parameters["template"]) == (
        "T-01",
        "greeting",
    )


def test_a_guess_without_confidence_falls_back_to_the_menu(chat) -> None:
    """P-02 denies starting a flow on a weak guess; its fallback, the menu, is what is shown."""
    first = chat.send("ok")
    assert first.decisions[0].verdict.outcome is DecisionOutcome.DENY
    assert first.decisions[0].verdict.fallback is Action.SHOW_MENU
    assert first.replies[-1].kind == "list" and first.session.state == "menu"
    again = chat.send("ok")
    assert [r.kind for r in again.replies] == ["text"]  # a nudge: no second greeting or menu
    assert again.session.is_open and again.session.state == "menu"


def test_a_handoff_verdict_turns_a_route_into_a_handoff() -> None:
    """The delivery link is never given: a person takes over, and the person is told so."""
    chat = Chat(PolicyPack({Action.ROUTE_EXTERNAL: to_human}))
    step = chat.send("preciso de um motoboy agora")
    assert chat.outcomes == [Outcome.HANDOFF_HUMAN] and step.handoff is not None
    assert step.session.context["close_reason"] == "policy:T-09"
    assert "pyloto.com.br/entrega" not in chat.said(step)
    assert chat.said(step) == CONTENT.text("handoff_policy", hours=CONTENT.business_hours)


def test_a_handoff_verdict_on_a_message_hands_the_turn_over() -> None:
    """An escalated question is not asked; the turn ends with the handoff message."""
    chat = Chat(PolicyPack({Action.SEND_MESSAGE: _human_for("ask:features")}))
    chat.send(LEAD[0])
    step = chat.send(LEAD[1])
    assert chat.outcomes == [Outcome.HANDOFF_HUMAN]
    assert chat.said(step) == CONTENT.text("handoff_policy", hours=CONTENT.business_hours)


def test_a_denied_handoff_applies_its_fallback() -> None:
    """Handoff denied with fallback SCHEDULE: the session closes as a follow-up, quietly."""
    chat = Chat(PolicyPack({Action.HANDOFF: deny("T-03", Action.SCHEDULE)}))
    step = chat.send("quero falar com um atendente")
    assert chat.outcomes == [Outcome.SCHEDULED_FOLLOWUP]
    assert step.replies == [] and step.session.context["close_reason"] == "human_requested:T-03"


def test_a_denied_close_without_fallback_leaves_the_session_open() -> None:
    """Nothing replaces a denied close; an idle session stays open for the person."""
    chat = Chat(PolicyPack({Action.CLOSE: deny("T-06")}))
    chat.send("oi")
    step = chat.send("bom dia", after=timedelta(hours=3))
    assert chat.closed == [] and step.closed_before is None and step.session.is_open
    assert chat.engine.timeout(step.session, chat.now + timedelta(hours=3)).session.is_open


def test_an_opt_out_is_a_silence_decision_then_a_close(chat) -> None:
    """ "parar": silence is decided, the close follows, and no message goes out."""
    chat.send(LEAD[0])
    step = chat.send("parar")
    assert [d.proposal.action for d in step.decisions] == [Action.SILENCE, Action.CLOSE]
    assert step.replies == [] and step.session.context["close_reason"] == "opt_out"


def test_a_silenced_session_says_nothing_more() -> None:
    """P-07 blocks a message proposed after the silence (a pack that forgets to close)."""
    chat = Chat(PolicyPack({Action.CLOSE: deny("T-06")}))
    chat.send(LEAD[0])
    chat.send("parar")
    step = chat.send("me liga depois")
    assert step.replies == [] and {d.verdict.policy_id for d in step.decisions} == {"P-07"}


def test_the_cooldown_reminder_and_the_apology_are_decided_too(chat) -> None:
    """Effects outside the dialogue (reminder, FAILED_INTERNAL apology) carry decisions."""
    chat.send("preciso de um motoboy")
    reminder = chat.send("oi?")
    assert [d.proposal.parameters["template"] for d in sent_decisions(reminder)] == [
        "route_reminder"]  # fmt: skip
    failed = chat.engine.fail(None, reminder_turn(chat), user_key="u", new_session_id="f1")
    assert failed.session.outcome == Outcome.FAILED_INTERNAL
    assert [d.proposal.action for d in failed.decisions] == [Action.CLOSE, Action.SEND_MESSAGE]
    assert sent_decisions(failed)[0].proposal.parameters["template"] == "apology"


def _human_for(template: str):
    def rule(proposal: Proposal) -> Verdict:
        if proposal.parameters.get("template") == template:
            return to_human(proposal)
        return PolicyPack().evaluate(proposal)

    return rule


def reminder_turn(chat: Chat) -> Turn:
    return Turn("m-fail", chat.now, TurnKind.TEXT, "qualquer coisa")
