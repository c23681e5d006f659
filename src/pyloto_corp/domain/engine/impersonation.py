"""Someone using Pyloto's name ("o número que me mandou mensagem é de vocês mesmo? me pediram
um pix de 500 reais"): the bot cannot vouch for another contact, so it says not to pay
anything before the team confirms and hands the report to a person at once, in any state."""

from __future__ import annotations

from pyloto_corp.domain.engine import form
from pyloto_corp.domain.engine.flow import Flow
from pyloto_corp.domain.intents import Intent, Outcome
from pyloto_corp.domain.understanding.acts import Act, TurnReading

REPORT_MAX_CHARS = 300


def reported(flow: Flow, reading: TurnReading) -> bool:
    """A doubt about a contact in Pyloto's name, beside money or a message received."""
    if reading.has(Act.OPT_OUT) or flow.session.context.get("impersonation_reported"):
        return False
    words = list(reading.words)
    doubt = flow.content.says("impersonation", words, anywhere=True)
    return doubt and flow.content.says("contact_or_money", words, anywhere=True)


def hand_over(flow: Flow) -> None:
    """ "Não faça nenhum pagamento…": a person of the team checks it with the person."""
    said = " ".join((flow.turn.text or "").split())[:REPORT_MAX_CHARS]
    if flow.session.active_intent in (None, Intent.ENTRY_UNKNOWN.value):
        flow.update(active_intent=Intent.INSTITUTIONAL.value)
    flow.remember(impersonation_reported=True, human_requested=True)
    flow.finish(Outcome.HANDOFF_HUMAN, "impersonation", requested=True,
                message="impersonation_handoff", routing="institutional",
                details={"report": said, "suspected_fraud": True},
                site=flow.content.links["site"])  # fmt: skip


def handled(flow: Flow, reading: TurnReading) -> bool:
    """A contact in Pyloto's name reported (handed over), or "como vc conseguiu meu número?"
    (answered: this number only replies; the pending question comes back)."""
    if reported(flow, reading):
        hand_over(flow)
        return True
    if reading.has(Act.OPT_OUT) or not flow.content.says("my_number", list(reading.words),
                                                          anywhere=True):  # fmt: skip
        return False
    flow.say("number_asked")
    if flow.session.state == "collecting":
        form.ask_again(flow)
    return True
