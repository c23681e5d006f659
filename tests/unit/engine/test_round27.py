"""Stranger rounds 27 and 28: what twenty more people who never read the code found."""

from __future__ import annotations

from datetime import date

from pyloto_corp.adapters.language.resources import bundled_gazetteer, bundled_reader
from pyloto_corp.domain.language.entities import extract
from pyloto_corp.domain.language.holidays import holiday
from pyloto_corp.domain.understanding.acts import Pending, ReadingContext
from tests.support.turns import acts, asked
from tests.unit.engine.conftest import Chat


def test_a_surname_that_is_also_a_city_is_no_city() -> None:
    city = asked("city", "PYLOTO_ENTREGA_DRIVER_SIGNUP", "city")
    name = asked("name", "PYLOTO_ENTREGA_DRIVER_SIGNUP", "name")
    assert bundled_reader().read("jeferson ribeiro dos santos", name).values.get("city") is None
    read = bundled_reader().read("q?? santos é meu sobrenome kkkk eu moro em PG", city)
    assert read.answer == "Ponta Grossa"
    assert bundled_reader().read("moro em santos", city).answer == "Santos"
    assert extract("sou de Santos", bundled_gazetteer(), None).city == "Santos"


def test_the_full_name_given_in_the_middle_of_the_form_corrects_the_name() -> None:
    city = asked("city", "PYLOTO_ENTREGA_DRIVER_SIGNUP", "city")
    read = bundled_reader().read("pera poe meu nome completo, Kauan Henrique dos Santos", city)
    assert "CORRECTION" in {a.value for a in read.acts}
    assert read.values.get("name") == "Kauan Henrique dos Santos"
    assert read.values.get("city") is None


def test_a_yes_with_a_fix_the_bot_could_not_read_asks_what_to_fix(chat: Chat) -> None:
    chat.send("quero um chatbot pro whats da escola, recebemos uns 200 por dia")
    for said in ("escola", "whatsapp", "cada um responde de um celular", "rematricula e boletos",
                 "uns 1500 por mes"):  # fmt: skip
        step = chat.send(said)
    assert step is not None and step.session.state == "confirming"
    step = chat.send("esta certo, so corrigindo o volume: 200 é so na matricula, no dia a dia "
                     "sao uns 50. pode encaminhar")  # fmt: skip
    assert step is not None and step.handoff is None
    assert "Qual informação você quer corrigir?" in chat.said(step)


def test_asking_the_bot_to_stop_in_a_complaint_leaves_the_case_with_the_team(chat: Chat) -> None:
    step = chat.send("contratei uma entrega de vcs ontem e o documento NAO chegou, era urgente")
    assert step is not None and step.handoff is not None
    step = chat.send("um absurdo. para de me mandar mensagem, vou resolver isso no procon")
    assert step is not None and not chat.said(step) and step.team is not None
    assert step.team.release is None and step.session.context.get("quiet_requested")
    step = chat.send("e tem mais, o documento era original")
    assert step is not None and not chat.said(step) and step.team is not None
    assert chat.outcomes == ["HANDOFF_HUMAN"]


def test_pointing_back_in_a_longer_complaint_is_no_new_answer(chat: Chat) -> None:
    chat.send("tenho uma pizzaria e queria um robo pro whats, recebo uns 200 pedidos por dia")
    step = chat.send("cara ja falei tudo ai em cima, le a mensagem")
    assert step is not None and "O time vai ler o que você já escreveu" in chat.said(step)
    assert "Anotei!" not in chat.said(step)


def test_a_person_named_at_the_summary_is_no_request_for_a_person() -> None:
    summary = "pensando bem deixa o robo pra la, meu cliente gosta de falar com gente"
    assert "HUMAN_REQUEST" not in acts(summary, asked("budget", "SAAS_COMMUNICATION", "budget"))
    assert "HUMAN_REQUEST" in acts("quero falar com gente de verdade")


def test_a_shop_dropping_the_chatbot_for_couriers_gets_deliveries_for_the_company(
    chat: Chat,
) -> None:
    chat.send("tenho uma pizzaria e queria um robo pro whats, recebo uns 200 pedidos por dia")
    step = chat.send("pensando bem deixa o robo pra la, meu cliente gosta de falar com gente. o "
                     "q eu preciso msm é motoboy pra entregar as pizza, so tenho 1 e no fds nao "
                     "da conta")  # fmt: skip
    assert step is not None and step.handoff is None
    assert step.session.active_intent == "PYLOTO_ENTREGA_MERCHANT_SIGNUP"
    assert "pyloto.com.br/entrega/pedir" not in chat.said(step)


def test_an_emoji_opening_a_free_answer_stays_out_of_it() -> None:
    pain = asked("main_pain", "SAAS_COMMUNICATION")
    read = bundled_reader().read("🤦‍♂️ nao da conta de responder, o povo desiste", pain)
    assert read.answer == "nao da conta de responder, o povo desiste"


def test_a_delivery_beyond_the_area_hears_so_instead_of_the_order_link(chat: Chat) -> None:
    step = chat.send("Boa tarde! Meu filho mora em Curitiba, eu queria mandar um bolo pra ele, "
                     "vcs levam?? 🎂")  # fmt: skip
    assert step is not None and "Curitiba ainda fica fora da nossa área" in chat.said(step)
    step = chat.send("mas vcs vao ate curitiba? pq é longe ne")
    assert step is not None and "Até Curitiba a gente não chega" in chat.said(step)
    assert "não é algo que a Pyloto faz" not in chat.said(step)
    step = chat.send("preciso mandar uma caixa do centro pra oficinas agora")
    assert step is not None and "pyloto.com.br/entrega/pedir" in chat.said(step)
    assert "fora da nossa área" not in chat.said(step)


def test_taking_something_to_pyloto_oneself_is_no_delivery_order(chat: Chat) -> None:
    chat.send("boa tarde vcs arrumam notebook? a tela do meu quebrou")
    step = chat.send("entao posso levar o note ai ou nao?? conhece alguem q arruma")
    assert step is not None and "pyloto.com.br/entrega/pedir" not in chat.said(step)
    assert "TOPIC_CHANGE" not in acts("posso levar meu filho ai?")
    assert "TOPIC_CHANGE" in acts("preciso levar uma caixa ai pro centro")


def test_a_question_mark_right_after_stop_gets_no_reply_but_a_greeting_does(chat: Chat) -> None:
    chat.send("quero ser motoboy")
    step = chat.send("para de me mandar mensagem")
    assert step is not None and not chat.said(step)
    assert chat.send("?") is None
    step = chat.send("oi")
    assert step is not None and "Em que posso ajudar" in chat.said(step)


def test_a_relative_who_wants_to_be_a_courier_said_in_passing_hears_how(chat: Chat) -> None:
    chat.send("aqui é da Farmacia Vida Nova, em Palmeira. queremos terceirizar as entregas")
    step = chat.send("uns 30 por dia. e minha irma quer ser entregadora de vcs")
    assert step is not None and "do WhatsApp dela" in chat.said(step)
    assert not [q for q in step.session.queued_intents if q.intent.endswith("DRIVER_SIGNUP")]


def test_an_answer_cut_at_uns_waits_for_the_figure(chat: Chat) -> None:
    chat.send("tenho uma padaria e queria um robo pra responder os pedidos no whats")
    step = chat.send("nossa sei la uns")
    assert step is not None and "seguimos sem essa informação" not in chat.said(step)
    step = chat.send("umas cinquenta por dia mais ou menos")
    assert step is not None and step.session.slots.get("message_volume") == "50/dia"


def test_after_a_holiday_is_a_month_past_it() -> None:
    today = date(2026, 12, 5)
    assert holiday("queria q ficasse pronto depois do carnaval", today) == date(2027, 3, 11)
    assert holiday("antes do carnaval", today) == date(2027, 2, 9)
    assert holiday("depois de amanha", today) is None


def test_how_so_is_explained_and_an_introduction_does_not_hide_the_need(chat: Chat) -> None:
    chat.send("sou dentista e queria um aplicativo pros pacientes marcarem consulta")
    step = chat.send("como assim?")
    assert step is not None and chat.said(step).startswith("Claro, explico melhor!")
    assert step.session.active_intent == "CUSTOM_SOFTWARE"


def test_what_for_beside_an_answer_is_answered_and_the_answer_kept(chat: Chat) -> None:
    chat.send("quero um chatbot pro whats do meu consultorio")
    step = None
    for said in ("consultorio odontologico", "whatsapp"):
        step = chat.send(said)
    assert step is not None and step.session.context.get("pending_slot") == "message_volume"
    step = chat.send("umas 40 por dia, mas pra que isso?")
    assert step is not None and "Pergunto para o time" in chat.said(step)
    assert step.session.slots.get("message_volume") == "40/dia"


def test_the_period_of_the_same_budget_said_at_the_summary_is_kept(chat: Chat) -> None:
    chat.send("quero um chatbot pro whats do meu consultorio")
    for said in ("consultorio", "whatsapp", "40 por dia", "as secretarias nao dao conta",
                 "marcar e lembrar consulta", "uns dois mil no maximo"):  # fmt: skip
        step = chat.send(said)
    step = chat.send("quase, os dois mil é por mes ta. o resto ok")
    assert step is not None and step.session.slots.get("budget_period") == "mês"
    assert "R$ 2.000 por mês" in chat.said(step)


def test_a_question_without_an_answer_beside_one_with_it_is_not_dropped(chat: Chat) -> None:
    chat.send("quero ser entregador")
    for said in ("Valdir Kluber", "Ponta Grossa", "tenho uma fiorino"):
        chat.send(said)
    step = chat.send("antes me fala uma coisa, precisa ter MEI? e quanto vcs pagam por entrega")
    assert step is not None and "o time de cadastro explica os valores" in chat.said(step)
    assert "A outra pergunta fica com o time" in chat.said(step)
    assert any("MEI" in n for n in step.session.slots.get("notes") or [])


def test_a_sigh_before_the_yes_still_confirms() -> None:
    summary = ReadingContext(state="confirming", pending=Pending.CONFIRM,
                             intent="SAAS_COMMUNICATION")  # fmt: skip
    assert "AFFIRM" in acts("ai ai. ta bom pode mandar assim mesmo", summary)


def test_a_delivery_asked_for_in_spanish_gets_the_link_in_spanish(chat: Chat) -> None:
    step = chat.send("hola buenas! necesito enviar un paquete para una amiga aqui en ponta "
                     "grossa, ustedes hacen entrega hoy?")  # fmt: skip
    assert step is not None and "Los envíos se piden en el enlace" in chat.said(step)
    assert step.handoff is None and chat.outcomes == ["ROUTE_EXTERNAL"]
    step = chat.send("lunes?? no puedo esperar. tem algum link o app pra pedir agora?")
    assert step is not None and "pyloto.com.br/entrega/pedir" in chat.said(step)
    assert "sob medida" not in chat.said(step)


def test_the_full_name_said_at_the_summary_replaces_the_short_one(chat: Chat) -> None:
    for said in ("quero ser entregadora", "Rosangela Aparecida", "ponta grossa", "biz 125",
                 "de noite"):  # fmt: skip
        step = chat.send(said)
    assert step is not None and step.session.state == "confirming"
    step = chat.send("o nome ta faltando o sobrenome, coloca Rosangela Aparecida de Carvalho")
    assert step is not None and "• Nome: Rosangela Aparecida de Carvalho" in chat.said(step)
