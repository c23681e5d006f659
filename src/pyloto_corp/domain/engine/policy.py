"""Policy Pack v0: every externally visible effect is proposed, decided, then obeyed.

The engine builds a ``Proposal`` before each effect (a message, the menu, starting a
flow, a handoff, a route, a follow-up, a close, staying silent); the pack answers with a
``Verdict``: ``allow`` (go ahead), ``deny`` (block it and apply ``fallback``, or nothing)
or ``handoff`` (a person takes over instead). Confidence informs and never decides
alone; an undefined confidence counts as low; handing off to a human is a success state.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from pyloto_corp.domain.decision import DecisionOutcome, RiskLevel, VerificationType

POLICY_PACK_VERSION = "policy-pack-v0.2"
LOW_CONFIDENCE = 0.5
ALWAYS_STARTABLE = frozenset({"UNSUPPORTED"})  # saying "not here" needs no confidence
ROUTABLE = frozenset({"PYLOTO_ENTREGA_REQUEST"})
HANDOFF_MESSAGES = frozenset({"handoff", "handoff_requested", "handoff_policy", "handoff_again",
                              "handoff_waitlist", "impersonation_handoff"})  # fmt: skip


class Action(StrEnum):
    SEND_MESSAGE = "enviar_mensagem"
    SHOW_MENU = "mostrar_menu"
    START_INTENT = "iniciar_fluxo"
    HANDOFF = "escalar_humano"
    ROUTE_EXTERNAL = "rotear_canal_externo"
    SCHEDULE = "agendar_retorno"
    CLOSE = "encerrar_sessao"
    SILENCE = "silenciar"


SENDS = frozenset({Action.SEND_MESSAGE, Action.SHOW_MENU})


@dataclass(frozen=True, slots=True)
class Proposal:
    """An effect not yet carried out, with the facts the policies read.

    ``silenced``: the person opted out or the session was closed as abuse; ``escalated``:
    a policy already handed this turn to a person.
    """

    action: Action
    intent: str
    parameters: dict[str, Any] = field(default_factory=dict)
    confidence: float | None = None
    signals: tuple[str, ...] = ()
    silenced: bool = False
    escalated: bool = False


@dataclass(frozen=True, slots=True)
class Verdict:
    policy_id: str
    outcome: DecisionOutcome
    risk: RiskLevel
    reason: str
    verification: VerificationType = VerificationType.POLICY
    fallback: Action | None = None

    @property
    def allows(self) -> bool:
        return self.outcome is DecisionOutcome.ALLOW


@dataclass(frozen=True, slots=True)
class Decision:
    """A proposal and the verdict it got, for the session it concerns (one envelope)."""

    proposal: Proposal
    verdict: Verdict
    session_id: str


def _allow(policy: str, reason: str) -> Verdict:
    return Verdict(policy, DecisionOutcome.ALLOW, RiskLevel.LOW, reason)


def _deny(policy: str, reason: str, fallback: Action | None = None) -> Verdict:
    return Verdict(policy, DecisionOutcome.DENY, RiskLevel.LOW, reason, fallback=fallback)


def _to_human(policy: str, reason: str) -> Verdict:
    return Verdict(policy, DecisionOutcome.HANDOFF, RiskLevel.MEDIUM, reason,
                   VerificationType.HUMAN)  # fmt: skip


def _send(p: Proposal) -> Verdict:
    """P-07 before P-01: nothing more is said to a person who asked to stop or abused."""
    template = p.parameters.get("template")
    if p.silenced:
        return _deny("P-07", "sem novas mensagens (opt-out ou abuso)")
    if p.escalated and template not in HANDOFF_MESSAGES:
        return _deny("P-03", "a conversa já vai para uma pessoa do time")
    if not template or not p.parameters.get("chars"):
        return _deny("P-01", "mensagem fora do roteiro aprovado")
    if p.action is Action.SHOW_MENU:
        return _allow("P-01", "menu oferecido sem necessidade clara")
    return _allow("P-01", "resposta dentro do roteiro aprovado")


def _start_intent(p: Proposal) -> Verdict:
    """P-02: a flow the classifier guessed needs confidence or a concrete signal."""
    if p.intent in ALWAYS_STARTABLE or p.parameters.get("source") != "classifier":
        return _allow("P-02", "intenção escolhida ou informada pela pessoa")
    low = (p.confidence if p.confidence is not None else 0.0) < LOW_CONFIDENCE
    if low and not p.signals:
        return _deny("P-02", "confiança baixa e sem sinais", Action.SHOW_MENU)
    return _allow("P-02", "intenção sustentada por sinais")


def _route(p: Proposal) -> Verdict:
    """P-04: only a delivery request goes to the delivery channel; anything else to a person."""
    if p.intent in ROUTABLE:
        return _allow("P-04", "pedido de entrega vai ao canal próprio")
    return _to_human("P-04", "canal externo só atende pedidos de entrega")


def _silence(p: Proposal) -> Verdict:
    return _allow("P-07", "sem novas mensagens (opt-out ou abuso)")


def _close(p: Proposal) -> Verdict:
    return _allow("P-06", "sessão encerrada com desfecho canônico")


def _schedule(p: Proposal) -> Verdict:
    if p.silenced:
        return _deny("P-05", "a pessoa pediu para não ser mais contatada", Action.CLOSE)
    return _allow("P-05", "retorno agendado a pedido da pessoa ou com lead pendente")


def _handoff(p: Proposal) -> Verdict:
    return _to_human("P-03", "contato encaminhado a humano")


RULES: dict[Action, Callable[[Proposal], Verdict]] = {
    Action.SEND_MESSAGE: _send,
    Action.SHOW_MENU: _send,
    Action.START_INTENT: _start_intent,
    Action.HANDOFF: _handoff,
    Action.ROUTE_EXTERNAL: _route,
    Action.SCHEDULE: _schedule,
    Action.CLOSE: _close,
    Action.SILENCE: _silence,
}


class PolicyPack:
    """The versioned rules; a deployment (or a test) may replace any of them."""

    version = POLICY_PACK_VERSION

    def __init__(self, rules: dict[Action, Callable[[Proposal], Verdict]] | None = None) -> None:
        self._rules = {**RULES, **(rules or {})}

    def evaluate(self, proposal: Proposal) -> Verdict:
        return self._rules[proposal.action](proposal)
