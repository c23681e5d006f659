"""Stranger round 20 and turn rounds V and W: what they found, fixed."""

from __future__ import annotations

from pyloto_corp.adapters.language.resources import bundled_gazetteer, bundled_reader
from pyloto_corp.domain.language.budgets import budget
from pyloto_corp.domain.language.entities import extract
from pyloto_corp.domain.understanding.acts import ReadingContext
from pyloto_corp.domain.understanding.fixes import unnamed
from tests.support.turns import acts, asked
from tests.unit.engine.conftest import Chat

DRIVER = "PYLOTO_ENTREGA_DRIVER_SIGNUP"


def test_a_greeting_before_the_need_does_not_hide_it(chat: Chat) -> None:
    step = chat.send("oi tudo bem? quero um chatbot pra minha loja")
    assert step is not None and step.session.active_intent == "SAAS_COMMUNICATION"


def test_a_greeting_alone_names_no_need(chat: Chat) -> None:
    step = chat.send("oi de novo")
    assert step is not None and step.session.active_intent in (None, "ENTRY_UNKNOWN")


def test_an_answer_followed_by_how_are_you_is_an_answer() -> None:
    assert acts("loja de autopeças, tudo bem?", asked("business_type", "SAAS_COMMUNICATION")) == {
        "ANSWER"
    }


def test_a_would_be_courier_gets_no_delivery_link(chat: Chat) -> None:
    step = chat.send("to querendo trampa de motoboy com vcs, oq precisa de documento?")
    assert step is not None and step.session.active_intent == DRIVER
    assert "entrega/pedir" not in chat.said(step)


def test_saying_no_to_the_delivery_but_yes_to_the_offered_signup_keeps_the_signup(
    chat: Chat,
) -> None:
    chat.send("preciso mandar uma caixa pro centro hoje e tambem quero ser entregador")
    step = chat.send("n quero pedir entrega nao kkk, quero ser o motoboy")
    assert step is not None and step.session.active_intent == DRIVER
    assert "deixo isso de lado" not in chat.said(step)


def test_calling_the_bot_buggy_is_no_complaint_about_a_delivery() -> None:
    context = asked("name", DRIVER)
    assert "SUPPORT_ISSUE" not in acts("mano vc ta bugado kkkkk EU QUERO SER ENTREGADOR", context)


def test_thanks_with_a_compliment_is_small_talk_too() -> None:
    got = acts("obrigadinha viu, vcs são uns amores 🥰", ReadingContext(state="closed"))
    assert got == {"THANKS_GOODBYE", "SMALL_TALK"}
    assert acts("show de bola, vlw", ReadingContext(state="closed")) == {"THANKS_GOODBYE"}


def test_here_it_is_crazy_is_no_name() -> None:
    g = bundled_gazetteer()
    assert extract("opa desculpa sumi, sabado aqui é loucura 🐶🐶", g).name is None
    assert extract("oi aqui e Joana", g).name == "Joana"


def test_where_asked_inside_a_long_dictated_message_is_answered(chat: Chat) -> None:
    chat.send("o que é a pyloto?")
    step = chat.send("ah que bom entao é daqui mesmo e onde que fica o escritorio de vocês que "
                     "rua que é porque eu nao sei mexer nesse negocio de site não")  # fmt: skip
    assert step is not None and "endereço" in chat.said(step)
    assert chat.outcomes == []


def test_preferring_to_see_a_proposal_declines_the_budget() -> None:
    assert budget("nao, prefiro ver proposta primeiro", answer=True) == "unknown"
    assert budget("manda a proposta q eu vejo", answer=True) == "unknown"


def test_venting_before_the_features_stays_out_of_them() -> None:
    assert unnamed("ja falei ue, catalogo das pecas, carrinho", None, {}).startswith("catalogo")


def test_a_compliment_opening_with_you_are_asks_nothing() -> None:
    text = "aaah mt obrigada!!! vcs sao uns anjos 🙏🙏 fico no aguardo entao, bom fim de semana"
    assert "TOPIC_CHANGE" not in acts(text, ReadingContext(state="closed"))


def test_not_an_app_at_the_end_switches_the_need(chat: Chat) -> None:
    chat.send("quero um app pra minha loja de material de construção")
    step = chat.send("na vdd o q eu preciso é um robo pro whats q responda sozinho, nao um app")
    assert step is not None and step.session.active_intent == "SAAS_COMMUNICATION"


def test_a_city_said_at_the_summary_of_a_form_without_one_is_noted(chat: Chat) -> None:
    step = chat.send("quero um chatbot pra minha clinica, sou de Ponta Grossa")
    for _ in range(8):
        if step is None or step.session.state == "confirming":
            break
        step = chat.send({"business_type": "clínica", "message_volume": "umas 300 por mês",
                          "main_pain": "os pacientes faltam muito", "channels": "whatsapp",
                          "automation_goal": "lembrete de consulta"}.get(
            step.session.context.get("pending_slot"), "prefiro não dizer"))  # fmt: skip
    assert step is not None and step.session.state == "confirming"
    step = chat.send("quase, so q a clinica é em Carambeí viu")
    assert step is not None and "Anotado: cidade Carambeí" in chat.said(step)
    assert step.session.context["profile"]["city"] == "Carambeí"


def test_a_hesitant_figure_beats_the_old_one_mentioned_after_it() -> None:
    said = "nao sei certinho, umas 50 por dia? chuta isso. os 300 era de consulta por mes"
    context = asked("message_volume", "SAAS_COMMUNICATION", kind="volume")
    assert bundled_reader().read(said, context).answer == "50/dia"


def test_a_person_asked_for_right_after_a_complaint_is_promised(chat: Chat) -> None:
    chat.send("pedi uma entrega ontem as 15h pra levar remedio pra minha mae e ate agora NADA. o "
              "motoboy sumiu")  # fmt: skip
    step = chat.send("SEGUNDA??? é remedio cara, minha mae precisa disso hj. quero falar com uma "
                     "pessoa AGORA, nao com robo")  # fmt: skip
    assert step is not None and "responsável da equipe" in chat.said(step)


def test_an_english_message_keeps_the_city_and_the_name_for_the_team(chat: Chat) -> None:
    step = chat.send("Hi! My name is Mike Turner, I own a small burger place in Curitiba and I'm "
                     "looking for a delivery partner")  # fmt: skip
    assert step is not None
    assert step.session.context["profile"] == {"city": "Curitiba", "name": "Mike Turner"}


def test_a_name_said_after_the_handoff_joins_the_lead_and_reaches_the_team(chat: Chat) -> None:
    chat.send("quero falar com um atendente")
    step = chat.send("ah meu nome é Everton")
    assert step is not None and step.team is not None
    assert dict(step.team.told) == {"name": "Everton"}
    assert step.session.context["profile"]["name"] == "Everton"
    step = chat.send("obrigado")
    assert step is not None and step.team is not None and not step.team.told
