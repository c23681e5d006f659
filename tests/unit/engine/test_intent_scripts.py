"""One scripted conversation per line of business: the outcome SPEC prescribes, a full handoff."""

from __future__ import annotations

import pytest

from pyloto_corp.domain.intents import Outcome

HANDOFF_FIELDS = {
    "intent_primary", "intents_detected", "resolved_intents", "open_intents", "summary",
    "requirements", "deadline", "routing", "confidence", "qualification_level",
    "qualification_reasons",
}  # fmt: skip

SCRIPTS = {
    "CUSTOM_SOFTWARE": (
        ["sou dono de uma clínica em Curitiba e preciso de um app pra agendar consultas",
         "os pacientes faltam e a agenda é no papel", "agenda online e lembrete por whatsapp",
         "uns 20", "até março", "uns R$ 30 mil", "sim"],
        Outcome.HANDOFF_HUMAN, "sales_custom_software", "high",
    ),
    "SAAS_COMMUNICATION": (
        ["tenho uma pizzaria e recebo muita mensagem no whatsapp, queria automatizar",
         "umas 200 mensagens por dia", "demoro pra responder e perco pedido",
         "responder cardápio e pedidos sozinho", "prefiro não dizer", "sim"],
        Outcome.HANDOFF_HUMAN, "sales_saas", "high",  # "tenho uma pizzaria": the owner
    ),
    "PYLOTO_ENTREGA_MERCHANT_SIGNUP": (
        ["quero cadastrar minha loja no pyloto entrega", "Loja Bela", "Castro",
         "loja de roupas", "uns 30 pedidos por semana", "sim"],  # "minha loja": which kind?
        Outcome.HANDOFF_HUMAN, "entrega_commercial", "medium",
    ),
    "PYLOTO_ENTREGA_DRIVER_SIGNUP": (
        ["qro ser entregador", "Carlos", "Ponta Grossa", "moto", "fins de semana", "sim"],
        Outcome.HANDOFF_HUMAN, "entrega_driver_onboarding", "low",
    ),
}  # fmt: skip


@pytest.mark.parametrize("intent", sorted(SCRIPTS))
def test_each_line_of_business_ends_in_a_complete_handoff(chat, intent) -> None:
    lines, outcome, routing, level = SCRIPTS[intent]
    for line in lines:
        step = chat.send(line)
    assert chat.outcomes == [outcome]
    handoff = step.handoff.to_dict()
    assert set(handoff) == HANDOFF_FIELDS
    assert handoff["intent_primary"] == intent and handoff["routing"] == routing
    assert handoff["qualification_level"] == level and handoff["qualification_reasons"]
    assert handoff["resolved_intents"] == [intent] and handoff["open_intents"] == []
    assert all(v not in (None, "") for k, v in handoff["requirements"].items())


def test_a_delivery_request_routes_outside(chat) -> None:
    step = chat.send("preciso de um motoboy pra levar um documento agora")
    assert chat.outcomes == [Outcome.ROUTE_EXTERNAL]
    assert "pyloto.com.br/entrega/pedir" in chat.said(step)


def test_an_institutional_question_is_self_serve(chat) -> None:
    chat.send("qual o endereço de vcs?")
    chat.send(choose="more_no")
    assert chat.outcomes == [Outcome.SELF_SERVE_INFO]


def test_a_cold_commercial_lead_gets_material_not_a_salesperson(chat) -> None:
    chat.send("quero um sistema")
    pending = []
    for line in ["sei lá", "não sei", "não sei", "não sei", "não sei"]:  # 4 alike: not spam
        asked = chat.send(line)
        assert "seguimos" in chat.said(asked) or pending  # the skip notice, then just the next
        pending.append(asked.session.context["pending_slot"])
    assert len(set(pending)) == len(pending)  # each "não sei" moves on to a new question
    assert chat.current.state == "collecting"
    confirm = chat.send("prefiro não dizer")
    assert confirm.session.state == "confirming"
    material = chat.send("sim")
    assert "pyloto.com.br/software" in chat.said(material)
    chat.send("não, obrigado")
    assert chat.outcomes == [Outcome.SELF_SERVE_INFO]
