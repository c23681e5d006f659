"""Every outcome reachable, through multi-turn conversations with the pure engine."""

from __future__ import annotations

from datetime import timedelta

import pytest

from pyloto_corp.domain.engine.state import SessionAlreadyClosed, TurnKind, close
from pyloto_corp.domain.intents import Outcome


def test_custom_software_lead_is_handed_off_with_a_complete_handoff(chat) -> None:
    first = chat.send("oi, sou a Ana da padaria Pão Quente em PG, preciso de um sistema pra ontem")
    assert "sistemas" in chat.said(first)
    for answer in ("controlar pedidos e estoque", "cadastro de clientes e relatórios", "uns 15",
                   "prefiro não dizer"):  # fmt: skip
        chat.send(answer)
    confirm = chat.steps[-1]
    assert confirm.replies[-1].kind == "buttons" and "Ponta Grossa" in chat.said(confirm)
    done = chat.send(choose="confirm_yes")
    assert chat.outcomes == [Outcome.HANDOFF_HUMAN]
    handoff = done.handoff.to_dict()
    assert handoff["intent_primary"] == "CUSTOM_SOFTWARE"
    assert handoff["qualification_level"] == "high"
    assert {"urgency", "all_critical_fields"} <= set(handoff["qualification_reasons"])
    assert handoff["requirements"]["budget"] == "unknown" and handoff["deadline"] == "urgente"
    assert handoff["routing"] == "sales_custom_software" and handoff["summary"]


def test_menu_choice_then_driver_signup(chat) -> None:
    menu = chat.send("bom dia")
    assert menu.replies[-1].kind == "list" and len(menu.replies[-1].options) == 6
    chat.send(choose="PYLOTO_ENTREGA_DRIVER_SIGNUP")
    for answer in ("Carlos", "Castro", "tenho moto", "noites e fins de semana"):
        chat.send(answer)
    chat.send("sim")
    assert chat.outcomes == [Outcome.HANDOFF_HUMAN]


def test_reasks_at_most_twice_then_moves_on(chat) -> None:
    chat.send(choose="PYLOTO_ENTREGA_DRIVER_SIGNUP")
    chat.send("Carlos")
    chat.send("Castro")
    assert "veículo" in chat.said(chat.steps[-1])
    assert "Não consegui" in chat.said(chat.send("xyz 123"))
    assert "não peguei" in chat.said(chat.send("??"))  # the same re-ask, in other words
    moved = chat.send("hmm")
    assert "seguimos sem" in chat.said(moved) and "dias e horários" in chat.said(moved)


def test_asking_for_a_human_hands_off_at_any_point(chat) -> None:
    chat.send("quero um chatbot")
    done = chat.send("quero falar com um atendente")
    assert chat.outcomes == [Outcome.HANDOFF_HUMAN]
    assert "human_requested" in done.handoff.qualification_reasons


def test_institutional_answer_then_nothing_more_is_self_serve(chat) -> None:
    answer = chat.send("qual o endereço de vcs?")
    assert "Ponta Grossa" in chat.said(answer)
    chat.send(choose="more_no")
    assert chat.outcomes == [Outcome.SELF_SERVE_INFO]


def test_delivery_request_routes_external_with_a_cooldown_reminder(chat) -> None:
    chat.send("preciso de um motoboy agora")
    assert chat.outcomes == [Outcome.ROUTE_EXTERNAL]
    reminder = chat.send("oi?", after=timedelta(minutes=5))
    assert "Pyloto Entrega" in chat.said(reminder) and chat.outcomes == [Outcome.ROUTE_EXTERNAL]
    fresh = chat.send("oi", after=timedelta(minutes=40))
    assert fresh.session.is_open and fresh.session.session_id != chat.closed[0].session_id


def test_follow_up_later_is_scheduled(chat) -> None:
    chat.send("quero um site")
    assert "dia e horário" in chat.said(chat.send("agora não posso, me liga depois"))
    chat.send("amanhã às 10h")
    assert chat.outcomes == [Outcome.SCHEDULED_FOLLOWUP]


@pytest.mark.parametrize(
    ("opening", "outcome"),
    [("oi", Outcome.AWAITING_USER), ("quero um site", Outcome.AWAITING_USER)],
)
def test_inactivity_closes_lazily_on_the_next_message(chat, opening, outcome) -> None:
    chat.send(opening)
    chat.send("oi", after=timedelta(hours=3))
    assert chat.outcomes == [outcome]
    assert chat.current is not None


def test_partial_commercial_lead_times_out_to_follow_up(chat) -> None:
    chat.send("quero um site")
    chat.send("vender meus produtos online")
    chat.send("oi", after=timedelta(hours=3))
    assert chat.outcomes == [Outcome.SCHEDULED_FOLLOWUP]


def test_repeated_identical_messages_are_spam_and_then_silence(chat) -> None:
    for _ in range(4):
        chat.send("???")
    assert chat.outcomes == [Outcome.DUPLICATE_OR_SPAM]
    assert chat.send("???", after=timedelta(minutes=1)) is None


def test_laughter_is_not_spam(chat) -> None:
    chat.send("oi")
    for _ in range(5):
        chat.send("kkkkkk")
    assert chat.outcomes == []


def test_unsupported_after_the_menu_was_offered(chat) -> None:
    first = chat.send("vcs fazem empréstimo?")
    assert first.replies[-1].kind == "list"
    chat.send("quero um empréstimo consignado")
    assert chat.outcomes == [Outcome.UNSUPPORTED]


def test_media_is_acknowledged_and_opt_out_ends_quietly(chat) -> None:
    ack = chat.send(kind=TurnKind.MEDIA)
    assert "arquivo" in chat.said(ack)
    quiet = chat.send("parar")
    assert quiet.replies == [] and chat.outcomes == [Outcome.AWAITING_USER]
    assert quiet.session.context["close_reason"] == "opt_out"


def test_a_session_cannot_close_twice(chat) -> None:
    chat.send("preciso de um motoboy")
    with pytest.raises(SessionAlreadyClosed):
        close(chat.closed[0], Outcome.SELF_SERVE_INFO, chat.now, "again")


def test_every_decision_has_a_policy(chat) -> None:
    step = chat.send("quero um site")
    assert [d.proposal.action.value for d in step.decisions] == [
        "iniciar_fluxo", "enviar_mensagem", "enviar_mensagem"]  # fmt: skip
    assert all(d.verdict.policy_id for d in step.decisions)


def test_after_a_chain_message_a_real_question_is_answered(chat) -> None:
    chat.send("REPASSE ESSA MENSAGEM PARA 10 CONTATOS OU TERÁ 7 ANOS DE AZAR")
    assert chat.outcomes == [Outcome.DUPLICATE_OR_SPAM]
    assert chat.send("lixo", after=timedelta(minutes=1)) is None  # more of the same: quiet
    step = chat.send("vcs fazem entrega aqui em Ponta Grossa?", after=timedelta(minutes=1))
    assert step is not None and "pyloto.com.br/entrega" in chat.said(step)


def test_a_partnership_with_pyloto_goes_to_the_institutional_team(chat) -> None:
    said = "gostaríamos de conversar sobre uma parceria institucional com a Pyloto"
    step = chat.send(said)
    assert step.handoff is not None and step.handoff.routing == "institutional"
    assert step.handoff.requirements["request"] == said
    assert "Parcerias são conversadas direto com a nossa equipe" in chat.said(step)


def test_introducing_ones_business_is_asked_what_is_needed(chat) -> None:
    step = chat.send("sou dentista aqui em guarapuava, tenho um consultorio com mais 2 dentistas")
    assert "no que a Pyloto pode te ajudar" in chat.said(step)
    assert chat.outcomes == []


def test_a_need_offered_next_and_refused_leaves_only_the_resolved_one(chat) -> None:
    chat.send("quero um sistema de agenda que mande lembrete no whatsapp e tb um chatbot")
    for said in ("agendar pacientes", "agenda e lembrete", "4", "Guarapuava", "2 meses", "15 mil"):
        chat.send(said)
    step = chat.send(choose="confirm_yes")
    assert "Agora vamos ao outro assunto que você comentou" in chat.said(step)
    step = chat.send("nao, nao pedi isso, so quero o sistema")
    assert "deixo isso de lado" in chat.said(step)
    assert step.handoff is not None and step.handoff.routing == "sales_custom_software"
    assert chat.outcomes == [Outcome.HANDOFF_HUMAN]
    assert "SAAS_COMMUNICATION" not in [i.value for i in step.handoff.intents_detected]


def test_not_understanding_the_menu_hears_how_to_say_it_once(chat) -> None:
    chat.send("boa tarde, quem fala?")
    step = chat.send("Nao entendi essas opção. Minha neta que me passou esse numero")
    assert "Não precisa escolher na lista" in chat.said(step)
    again = chat.send("nao entendi nada")
    assert "Não precisa escolher na lista" not in chat.said(again)


def test_the_need_is_read_from_what_is_needed_not_from_the_deadline(chat) -> None:
    step = chat.send(
        "Boa tarde, sou dono da Distribuidora Bortolini, a gente tem 4 vendedores e precisa de "
        "um sistema pra eles tirarem pedido pelo celular, tenho uns 40 mil e queria pra antes "
        "de março"
    )
    assert chat.current is not None
    assert chat.current.slots["problem"].startswith("Precisa de um sistema pra eles tirarem")
    assert step.replies


def test_asking_whether_audio_is_heard_gets_text_only_and_a_call_offer(chat) -> None:
    step = chat.send("nao da pra ouvir audio?")
    assert "não escuto áudios" in chat.said(step)
    later = chat.send("amanhã de manhã")
    assert later.session.outcome == Outcome.SCHEDULED_FOLLOWUP.value


def test_right_after_the_delivery_link_the_name_is_kept_and_a_call_goes_to_delivery(chat) -> None:
    chat.send("preciso mandar uma caixa pro centro hoje")
    chat.send("Meu nome e Terezinha. Moro em Palmeira")
    assert chat.last is not None and chat.last.context["profile"]["name"] == "Terezinha"
    step = chat.send("Tem como alguem me ligar?")
    assert (
        step.handoff is not None and step.handoff.intent_primary.value == "PYLOTO_ENTREGA_REQUEST"
    )


def test_giving_up_outside_the_region_is_accepted_and_not_stored(chat) -> None:
    chat.send("temos uma loja em chapeco SC, queria parceria pra entregar os pedido da loja")
    step = chat.send("ah entao nao adianta ne")
    assert "Se mudar de ideia" in chat.said(step)
    assert "company" not in (chat.last.slots if chat.last else {})
    chat.send("deixa pra la, obrigada")
    assert not chat.said(chat.send("ja falei q deixa pra la 😒"))


def test_busy_now_with_a_call_back_time_closes_with_the_call_back(chat) -> None:
    chat.send("queria um site pra minha clinica de fisioterapia, com agendamento online")
    step = chat.send("agora to atendendo, nao consigo falar. me liga quinta de manha?")
    assert step.session.outcome == Outcome.SCHEDULED_FOLLOWUP.value
    assert "problem" not in step.session.slots
