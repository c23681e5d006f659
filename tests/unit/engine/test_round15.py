"""Stranger round 15 and turn round P (scenarios/pendentes/rodada-estranhos-15): fixed."""

from __future__ import annotations

from pyloto_corp.domain.intents import Outcome
from tests.unit.engine.conftest import Chat, at_summary


def test_confirming_and_telling_the_bot_to_go_away_still_sends_the_lead(chat: Chat) -> None:
    at_summary(chat)
    step = chat.send("ta certo, agora some daqui robo otario")
    assert step is not None and step.handoff is not None
    assert step.handoff.requirements["name"] == "Marcos Silva"
    assert chat.outcomes == [Outcome.HANDOFF_HUMAN]


def test_a_stop_at_the_summary_without_a_yes_stays_a_stop(chat: Chat) -> None:
    at_summary(chat)
    step = chat.send("para de me mandar mensagem")
    assert step is not None and step.replies == [] and step.handoff is None
    assert chat.outcomes == [Outcome.AWAITING_USER]


def test_chat_at_the_menu_is_answered_and_closes_nothing(chat: Chat) -> None:
    chat.send("oi")
    step = chat.send("desculpa a demora, farmácia cheia hoje")
    assert chat.outcomes == [] and "Infelizmente" not in chat.said(step)


def test_a_call_asked_while_waiting_is_noted_with_its_time(chat: Chat) -> None:
    at_summary(chat)
    chat.send(choose="confirm_yes")
    step = chat.send("podem me ligar segunda de manha? depois das 9 que eu volto da ordenha")
    said = chat.said(step)
    assert "ligar segunda de manha, depois das 9" in said and "Boa pergunta" not in said


def test_right_and_a_call_at_a_time_sends_the_lead_with_the_call(chat: Chat) -> None:
    at_summary(chat)
    step = chat.send("Agora está correto. Peço que alguém da equipe me ligue amanhã após as 14h")
    assert step is not None and step.handoff is not None
    assert step.handoff.requirements["followup_when"] == "amanhã após as 14h"
    assert step.handoff.requirements["name"] == "Marcos Silva"


def test_a_system_described_with_deliveries_in_it_is_no_delivery_request(chat: Chat) -> None:
    chat.send("queria um aplicativo pros cooperados lancar a producao de leite")
    step = chat.send("o cooperado lanca quantos litros entregou e as verdura, e a cooperativa ve "
                     "o total no fim do mes pra pagar eles")  # fmt: skip
    assert "entrega/pedir" not in chat.said(step)
    assert step.session.active_intent == "CUSTOM_SOFTWARE"


def test_anger_with_nothing_told_is_asked_what_happened(chat: Chat) -> None:
    step = chat.send("QUE PALHAÇADA É ESSA")
    assert "Me conta o que aconteceu" in chat.said(step) and chat.outcomes == []
    step = chat.send("vcs me cobraram DUAS VEZES a entrega no cartão")
    assert step is not None and step.handoff is not None
    assert step.handoff.routing == "entrega_support"


def test_a_vendor_pitching_to_pyloto_is_spam_not_a_lead(chat: Chat) -> None:
    step = chat.send("Olá! Sou a Camila da AgênciaTurbo Digital! Ajudamos empresas como a Pyloto a "
                     "TRIPLICAR o faturamento. Posso te mandar nosso portfólio?")  # fmt: skip
    assert step is not None and step.replies == [] and step.handoff is None
    assert chat.outcomes == [Outcome.DUPLICATE_OR_SPAM]


def test_no_budget_defined_yet_moves_on_at_once(chat: Chat) -> None:
    for line in ("quero um sistema de prazos pro escritorio", "controle de prazos e agenda",
                 "12 pessoas", "Ponta Grossa", "até março"):  # fmt: skip
        chat.send(line)
    step = chat.send("Ainda não temos um valor definido, preferimos receber uma proposta primeiro")
    assert "orçamento?" not in chat.said(step) and "Orçamento: não informado" in chat.said(step)


def test_a_free_trial_question_is_no_price_question(chat: Chat) -> None:
    chat.send("quero um chatbot pro meu salão")
    step = chat.send("ah e outra coisa tem teste gratis? pq eu nao vou pagar sem saber se funciona")
    assert "Sobre valores" not in chat.said(step)


def test_the_street_address_asked_is_answered_honestly(chat: Chat) -> None:
    chat.send("oi")
    step = chat.send("qual o endereço de vcs? rua, numero")
    assert "endereço completo" in chat.said(step)


def test_the_delivery_link_asked_in_spanish_while_waiting_comes_in_spanish(chat: Chat) -> None:
    chat.send("hola buenas tardes")
    step = chat.send("necesito enviar un paquete hoy mismo, es una caja pequeña para mi hermana")
    assert "Los envíos se piden" in chat.said(step)
    step = chat.send("disculpa no entendi bem. yo pido por ese link? tem motoboy hoje sabado?")
    assert "pode falar em português" not in chat.said(step)


def test_a_correction_the_bot_cannot_read_goes_to_the_team_as_said(chat: Chat) -> None:
    for line in ("oi", "quero ser entregador", "Biel", "pg", "bike",
                 "dps da escola, tipo das 14 as 20h. fds o dia todo"):  # fmt: skip
        chat.send(line)
    said = "integral nao mano kkkk de semana so das 14 as 20, fds q é o dia todo"
    step = chat.send(said)
    assert "Anotado" in chat.said(step) and "Observações" in chat.said(step)
    step = chat.send(choose="confirm_yes")
    assert step is not None and step.handoff is not None
    assert step.handoff.requirements["notes"] == [said]
