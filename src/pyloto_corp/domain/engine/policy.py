"""Policy Pack v0: every externally visible decision becomes a DecisionEnvelope_v0.

Confidence informs and never decides alone; an undefined confidence counts as low;
handing off to a human is a success state.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum

from pyloto_corp.domain.decision import (
    DecisionEnvelope,
    DecisionOutcome,
    RiskLevel,
    VerificationType,
)

POLICY_PACK_VERSION = "policy-pack-v0.1"
LOW_CONFIDENCE = 0.5


class Action(StrEnum):
    SEND_MESSAGE = "enviar_mensagem"
    SHOW_MENU = "mostrar_menu"
    START_INTENT = "iniciar_fluxo"
    HANDOFF = "escalar_humano"
    ROUTE_EXTERNAL = "rotear_canal_externo"
    SCHEDULE = "agendar_retorno"
    CLOSE = "encerrar_sessao"
    SILENCE = "silenciar"


@dataclass(frozen=True, slots=True)
class Proposal:
    action: Action
    intent: str
    parameters: dict
    confidence: float | None = None
    signals: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Verdict:
    policy_id: str
    outcome: DecisionOutcome
    risk: RiskLevel
    reason: str
    verification: VerificationType = VerificationType.POLICY


def _start_intent(p: Proposal) -> Verdict:
    low = (p.confidence if p.confidence is not None else 0.0) < LOW_CONFIDENCE
    if low and not p.signals:
        return Verdict("P-02", DecisionOutcome.DENY, RiskLevel.LOW, "confiança baixa e sem sinais")
    return Verdict("P-02", DecisionOutcome.ALLOW, RiskLevel.LOW, "intenção sustentada por sinais")


_RULES: dict[Action, Callable[[Proposal], Verdict]] = {
    Action.SEND_MESSAGE: lambda p: Verdict(
        "P-01", DecisionOutcome.ALLOW, RiskLevel.LOW, "resposta dentro do roteiro aprovado"),
    Action.SHOW_MENU: lambda p: Verdict(
        "P-01", DecisionOutcome.ALLOW, RiskLevel.LOW, "menu oferecido sem necessidade clara"),
    Action.START_INTENT: _start_intent,
    Action.HANDOFF: lambda p: Verdict(
        "P-03", DecisionOutcome.HANDOFF, RiskLevel.MEDIUM, "contato encaminhado a humano",
        VerificationType.HUMAN),
    Action.ROUTE_EXTERNAL: lambda p: Verdict(
        "P-04", DecisionOutcome.ALLOW, RiskLevel.LOW, "pedido de entrega vai ao canal próprio"),
    Action.SCHEDULE: lambda p: Verdict(
        "P-05", DecisionOutcome.ALLOW, RiskLevel.LOW, "retorno agendado a pedido da pessoa"),
    Action.CLOSE: lambda p: Verdict(
        "P-06", DecisionOutcome.ALLOW, RiskLevel.LOW, "sessão encerrada com desfecho canônico"),
    Action.SILENCE: lambda p: Verdict(
        "P-07", DecisionOutcome.DENY, RiskLevel.LOW, "sem novas mensagens (opt-out ou abuso)"),
}  # fmt: skip


def decide(
    proposal: Proposal, *, decision_id: str, timestamp: str, actor: str, session_id: str
) -> DecisionEnvelope:
    verdict = _RULES[proposal.action](proposal)
    return DecisionEnvelope(
        id=decision_id,
        timestamp=timestamp,
        actor_name=actor,
        intent=proposal.intent,
        action=proposal.action.value,
        parameters={**proposal.parameters, "policy_pack": POLICY_PACK_VERSION},
        conversation_id=session_id,
        confidence=proposal.confidence,
        signals=proposal.signals,
        risk_level=verdict.risk,
        verification_type=verdict.verification,
        verification_required=True,
        outcome=verdict.outcome,
        policy_id=verdict.policy_id,
        reason=verdict.reason,
    )
