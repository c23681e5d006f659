"""The machine answers what was said (SPEC §10): each act, in the states where it matters."""

from __future__ import annotations

from datetime import timedelta

from pyloto_corp.domain.engine.state import TurnKind
from pyloto_corp.domain.intents import Outcome
from tests.unit.engine.conftest import Chat

DRIVER = ["quero ser entregador", "Carlos Souza", "Castro", "moto", "de manhã"]


def test_a_person_asked_for_during_the_delivery_cooldown_is_called(chat: Chat) -> None:
    chat.send("preciso de um motoboy agora")
    step = chat.send("quero falar com o responsável", after=timedelta(minutes=3))
    assert chat.outcomes == [Outcome.ROUTE_EXTERNAL, Outcome.HANDOFF_HUMAN]
    assert "pyloto.com.br/entrega" not in chat.said(step)


def test_stop_during_the_delivery_cooldown_is_honoured(chat: Chat) -> None:
    chat.send("preciso de um motoboy agora")
    step = chat.send("parar", after=timedelta(minutes=3))
    assert step.replies == [] and chat.outcomes == [Outcome.ROUTE_EXTERNAL, Outcome.AWAITING_USER]


def test_a_complaint_about_a_delivery_goes_to_support_not_to_the_link(chat: Chat) -> None:
    step = chat.send("o entregador não apareceu e já paguei a entrega")
    assert chat.outcomes == [Outcome.HANDOFF_HUMAN] and step.handoff.routing == "entrega_support"
    assert step.handoff.intent_primary == "PYLOTO_ENTREGA_REQUEST"
    assert "entregador" in step.handoff.requirements["issue"]
    assert "pyloto.com.br/entrega" not in chat.said(step)


def test_thanks_after_a_close_gets_one_courtesy_and_no_new_session(chat: Chat) -> None:
    chat.send("qual o endereço de vcs?")
    chat.send(choose="more_no")
    thanks = chat.send("valeu!!")
    assert thanks.replies and "menu" not in [r.kind for r in thanks.replies]
    again = chat.send("kkkk")
    assert again.replies == [] and chat.outcomes == [Outcome.SELF_SERVE_INFO]
    assert chat.current is None


def test_after_a_handoff_the_team_has_the_person_and_the_bot_answers_once(chat: Chat) -> None:
    """What the person adds goes to the team (SPEC §11); one acknowledgement, then silence."""
    chat.send("quero falar com um atendente")
    steps = [chat.send(text) for text in ("cadê?", "alô??", "oi?", "???")]
    assert "equipe" in chat.said(steps[0]) and all(s.replies == [] for s in steps[1:])
    assert [s.team.seq for s in steps] == [2, 3, 4, 5]
    assert chat.outcomes == [Outcome.HANDOFF_HUMAN] and chat.current is None


def test_frustration_after_a_complaint_is_a_complaint_not_spam(chat: Chat) -> None:
    chat.send("o motoboy de vcs sumiu com a minha encomenda, ninguem atende")
    later = chat.send("que palhaçada")
    assert "suporte" in chat.said(later)
    assert Outcome.DUPLICATE_OR_SPAM not in chat.outcomes


def test_a_negated_change_of_mind_switches_the_need(chat: Chat) -> None:
    chat.send("quero um aplicativo pra minha hamburgueria")
    step = chat.send("pensando bem não quero mais o app, quero um chatbot no whatsapp")
    assert step.session.active_intent == "SAAS_COMMUNICATION"
    assert "CUSTOM_SOFTWARE" not in step.session.context["detected"]
    assert step.session.queued_intents == ()


def test_english_gets_one_reply_in_english_and_a_person(chat: Chat) -> None:
    step = chat.send("Hello, do you build mobile apps for restaurants?")
    assert "Hi!" in chat.said(step) and chat.outcomes == [Outcome.HANDOFF_HUMAN]
    assert step.handoff.requirements["language"] == "en"


def test_an_insult_with_a_product_word_is_not_a_lead(chat: Chat) -> None:
    step = chat.send("esse sistema de vcs é um lixo, bando de incompetente")
    assert step.replies == [] and chat.outcomes == [Outcome.DUPLICATE_OR_SPAM]


def test_a_promotional_blast_is_spam_at_once(chat: Chat) -> None:
    blast = "Você foi selecionado! Clique no link e ganhe um cartão de crédito sem consulta"
    chat.send(blast)
    assert chat.send(blast) is None  # the quiet period after spam
    assert chat.outcomes == [Outcome.DUPLICATE_OR_SPAM]


def test_a_menu_number_is_the_option_it_names(chat: Chat) -> None:
    chat.send("oi")
    step = chat.send("2")
    assert step.session.active_intent == "SAAS_COMMUNICATION"


def test_an_old_menu_tap_mid_form_is_queued_not_stored_as_an_answer(chat: Chat) -> None:
    chat.send("quero ser entregador")
    step = chat.send(choose="CUSTOM_SOFTWARE")
    assert step.session.slots == {} and [q.intent for q in step.session.queued_intents] == [
        "CUSTOM_SOFTWARE"]  # fmt: skip


def test_two_needs_for_two_teams_give_two_handoffs(chat: Chat) -> None:
    chat.send("quero ser entregador e também cadastrar minha loja nas entregas")
    for line in ["Padaria Bom Pão", "Castro", "umas 30 por dia", "sim"]:  # the shop first
        chat.send(line)
    for line in ["Carlos Souza", "Castro", "moto", "de manhã"]:
        step = chat.send(line)
    done = chat.send("sim")
    assert chat.outcomes == [Outcome.HANDOFF_HUMAN], chat.said(step)
    assert [h.routing for h in done.handoffs] == ["entrega_commercial",
                                                  "entrega_driver_onboarding"]  # fmt: skip
    teams = done.session.context["handoffs"]
    assert teams[0]["requirements"]["company"] == "Padaria Bom Pão"
    assert teams[1]["requirements"]["name"] == "Carlos Souza"
    assert "time comercial do Pyloto Entrega e time de cadastro" in chat.said(done)


def test_two_files_in_a_row_offer_a_call(chat: Chat) -> None:
    chat.send(None, kind=TurnKind.MEDIA)
    second = chat.send(None, kind=TurnKind.MEDIA)
    assert "liga" in chat.said(second)


def test_a_side_question_is_answered_and_the_question_asked_in_other_words(chat: Chat) -> None:
    chat.send(DRIVER[0])
    step = chat.send("vcs são de onde?")
    assert "Ponta Grossa" in chat.said(step) and "Voltando" in chat.said(step)
    assert step.session.slots == {}
    assert chat.send("Carlos Souza").session.slots["name"] == "Carlos Souza"


def test_the_same_question_about_pyloto_twice_is_answered_in_other_words(chat: Chat) -> None:
    first = chat.said(chat.send("qual o horário de atendimento de vcs?"))
    second = chat.said(chat.send("que horas vcs atendem?"))
    assert first and second and first != second


def test_chatter_while_waiting_for_a_time_asks_once_more_then_records(chat: Chat) -> None:
    chat.send("quero um sistema")
    chat.send("me liga depois")
    again = chat.send("ok")
    assert "horário" in chat.said(again) and chat.current.state == "followup_time"
    done = chat.send("blz")
    assert done.handoff.requirements["followup_when"] == "em horário comercial"


def test_the_same_message_right_after_itself_is_not_answered_again(chat: Chat) -> None:
    chat.send("quero ser entregador")
    chat.send("Castro do Paraná, moto")
    assert chat.send("Castro do Paraná, moto").replies == []


def test_waiting_for_a_call_back_time_that_goes_idle_is_a_follow_up(chat: Chat) -> None:
    chat.send("oi")
    chat.send("me liga depois")
    chat.send("oi", after=timedelta(hours=3))
    assert chat.outcomes[0] == Outcome.SCHEDULED_FOLLOWUP


def test_a_change_of_mind_at_the_confirmation_starts_the_new_need(chat: Chat) -> None:
    for line in DRIVER:
        chat.send(line)
    step = chat.send("pensando bem não quero mais ser entregador, quero cadastrar minha loja")
    assert step.session.active_intent == "PYLOTO_ENTREGA_MERCHANT_SIGNUP"
    assert step.session.state == "collecting" and chat.outcomes == []


def test_after_the_call_offer_a_time_schedules_the_call(chat: Chat) -> None:
    chat.send(None, kind=TurnKind.MEDIA)
    chat.send(None, kind=TurnKind.MEDIA)
    done = chat.send("amanhã às 10h")
    assert chat.outcomes == [Outcome.SCHEDULED_FOLLOWUP]
    assert done.handoff.requirements["followup_when"] == "amanhã às 10h"


def test_an_answer_said_rudely_still_counts(chat: Chat) -> None:
    for line in DRIVER:
        chat.send(line)
    done = chat.send("sim porra, confirma logo")
    assert chat.outcomes == [Outcome.HANDOFF_HUMAN] and done.handoff is not None


def test_a_fourth_need_by_a_menu_tap_ends_with_the_limit(chat: Chat) -> None:
    chat.send("quero um sistema e também ser entregador e cadastrar minha loja nas entregas")
    last = chat.send(choose="SAAS_COMMUNICATION")
    assert chat.outcomes == [Outcome.SCHEDULED_FOLLOWUP], chat.said(last)
    assert "vários assuntos" in chat.said(last)


def test_a_complaint_about_a_system_goes_to_its_team_not_to_delivery(chat: Chat) -> None:
    step = chat.send("vcs fizeram o site da minha empresa ano passado e agora ta fora do ar")
    assert step.handoff.routing == "sales_custom_software", chat.said(step)
    assert "Pyloto Entrega" not in chat.said(step)


def test_a_broken_phone_is_no_support_issue_of_pyloto(chat: Chat) -> None:
    chat.send("oi")
    step = chat.send("e conserto de celular? minha tela quebrou")
    assert step.handoff is None and "não" in chat.said(step).lower()


def test_after_a_scheduled_call_a_message_is_acknowledged_once(chat: Chat) -> None:
    chat.send("quero um sistema")
    chat.send("me liga depois das 18h")
    first = chat.send("isso, Anderson")
    assert "equipe" in chat.said(first) and chat.current is None
    assert chat.outcomes == [Outcome.SCHEDULED_FOLLOWUP]


def test_giving_up_mid_form_ends_politely(chat: Chat) -> None:
    chat.send("quero ser entregador")
    chat.send("Camila")
    step = chat.send("pensando bem deixa, nao quero mais. minha mae nao deixou")
    assert chat.outcomes == [Outcome.AWAITING_USER] and "mudar de ideia" in chat.said(step)
    assert step.session.context["close_reason"] == "need_withdrawn"


def test_a_call_back_time_said_with_an_answer_is_kept_and_the_form_goes_on(chat: Chat) -> None:
    chat.send("preciso de um sistema pra minha loja")
    chat.send("controlar o estoque")
    chat.send("cadastro de produto e relatório")
    step = chat.send("4 no escritório. Olha, me liga amanhã à tarde")
    assert step.session.slots["user_count"] == 4 and step.session.is_open
    assert step.session.context["followup_window"].endswith("T12:00/18:00")
    assert "amanhã à tarde" in chat.said(step)


def test_after_asking_for_a_person_a_need_is_told_to_that_person(chat: Chat) -> None:
    chat.send("quero falar com um atendente humano, não gosto de robô")
    step = chat.send("enquanto isso: preciso de um sistema de estoque pra minha distribuidora")
    assert chat.outcomes == [Outcome.HANDOFF_HUMAN] and "equipe" in chat.said(step)


def test_a_call_back_on_a_weekend_moves_to_monday(chat: Chat) -> None:
    """The team works Monday to Friday: Saturday morning is Monday morning, and the person
    is told so (the chat starts on Monday 23/11/2026)."""
    step = chat.send("me liga sábado de manhã")
    assert chat.outcomes == [Outcome.SCHEDULED_FOLLOWUP]
    assert step.session.context["followup_window"] == "2026-11-30T08:00/12:00"
    assert "segunda-feira, 30/11" in chat.said(step)
