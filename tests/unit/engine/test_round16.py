"""Stranger rounds 16 and 17 (scenarios/pendentes/rodada-estranhos-16 and -17): fixed."""

from __future__ import annotations

from tests.unit.engine.conftest import Chat, at_summary


def test_a_blocked_courier_app_goes_to_entrega_support_not_software_sales(chat: Chat) -> None:
    chat.send("opa")
    step = chat.send("meu app ta bloqueado")
    assert step is not None and step.handoff is not None
    assert step.handoff.routing == "entrega_support"
    step = chat.send("sabado é o dia q mais da corrida")
    assert "entrega/pedir" not in chat.said(step)


def test_before_confirming_a_question_is_no_yes(chat: Chat) -> None:
    at_summary(chat)
    step = chat.send("Tá ok. Antes de confirmar: vcs assinam NDA?")
    assert step is not None and step.handoff is None and chat.outcomes == []


def test_for_a_company_right_after_the_order_link_is_entrega_for_companies(chat: Chat) -> None:
    chat.send("entrega")
    step = chat.send("pra empresa")
    assert step is not None and step.session.active_intent == "PYLOTO_ENTREGA_MERCHANT_SIGNUP"


def test_a_case_s_facts_after_a_complaint_get_no_order_link(chat: Chat) -> None:
    chat.send("pedi uma entrega ontem pelo site de vcs e ate agora nao chegou nada")
    step = chat.send("pedido 4471 rua xv de novembro 300 paguei 18 reais")
    assert "entrega/pedir" not in chat.said(step)


def test_a_person_asked_with_c_for_com_is_a_person_asked(chat: Chat) -> None:
    chat.send("quero um sistema pra minha loja")
    step = chat.send("quero falar c alguem")
    assert step is not None and step.handoff is not None


def test_a_value_put_right_after_the_handoff_is_noted_for_the_team(chat: Chat) -> None:
    chat.send("sou dono da Pizzaria do Marcos aqui em Castro, umas 80 entregas por noite, quero "
              "cadastrar a pizzaria no pyloto entrega, segmento alimentação")  # fmt: skip
    chat.send(choose="confirm_yes")
    step = chat.send("eu moro em Castro mas a pizzaria é em Carambei")
    assert "Anotado" in chat.said(step) and "Boa pergunta" not in chat.said(step)
    price = chat.send("e qnto sai por entrega mais ou menos?")
    assert "entrega/pedir" not in chat.said(price)


def test_a_tourist_asking_in_english_for_a_delivery_gets_the_link_in_english(chat: Chat) -> None:
    chat.send("Hi! Do you speak english?")
    step = chat.send("I need to send a small package to my friend, I'm staying at a hotel")
    assert "Deliveries are booked through" in chat.said(step)


def test_the_price_asked_after_the_order_link_says_where_it_shows(chat: Chat) -> None:
    chat.send("quero mandar um pacote pro centro")
    step = chat.send("mas quanto custa mais ou menos?")
    assert "valor da entrega aparece no próprio link" in chat.said(step)


def test_the_pain_said_with_a_change_of_need_is_not_asked_again(chat: Chat) -> None:
    chat.send("to querendo um app pros alunos da minha academia marcar aula")
    step = chat.send("na verdade quero só o robô do whats, pq o q mais me enche é ficar "
                     "respondendo horario e preço de plano o dia todo")  # fmt: skip
    assert step is not None and step.session.active_intent == "SAAS_COMMUNICATION"
    assert "respondendo horario" in str(step.session.slots.get("main_pain"))


def test_how_did_you_get_my_number_is_answered_and_the_form_goes_on(chat: Chat) -> None:
    chat.send("quero um chatbot pra minha loja")
    step = chat.send("como vcs conseguiram meu numero")
    said = chat.said(step)
    assert "esta conversa começou pela sua mensagem" in said and "Voltando" in said


def test_after_the_order_link_the_menu_asked_for_comes_back(chat: Chat) -> None:
    chat.send("oi")
    chat.send(choose="PYLOTO_ENTREGA_REQUEST")
    step = chat.send("nao quero entrega!! quero ver as opçoes de novo")
    assert "entrega/pedir" not in chat.said(step)
    step = chat.send("opção 2")
    assert step is not None and step.session.active_intent == "SAAS_COMMUNICATION"


def test_a_correction_at_the_summary_never_switches_to_out_of_scope(chat: Chat) -> None:
    for line in ("quero um site pra minha confeitaria", "cardapio e encomendas", "eu e minha irma",
                 "Castro", "pra pascoa", "uns 2 mil"):  # fmt: skip
        chat.send(line)
    chat.send(choose="confirm_no")
    chat.send("o prazo. tem q ficar pronto uns 15 dias antes da pascoa pra dar tempo de divulgar")
    assert chat.outcomes == [] and chat.current is not None
    assert chat.current.active_intent == "CUSTOM_SOFTWARE"


def test_info_first_then_a_form_then_a_person_with_a_call_hands_the_form_over(chat: Chat) -> None:
    chat.send("Bom dia, sou contador")
    chat.send(choose="INSTITUTIONAL")
    for line in ("Tenho interesse em um sistema para o escritório: hoje os prazos são em planilha",
                 "agenda de vencimentos e portal de documentos", "8 colaboradores",
                 "Ponta Grossa", "até o fim de fevereiro"):  # fmt: skip
        chat.send(line)
    step = chat.send("Prefiro discutir valores diretamente com o responsável. Aliás, gostaria que "
                     "me ligassem na quarta-feira pela manhã, entre 9h e 11h.")  # fmt: skip
    assert step is not None and step.handoff is not None
    assert step.handoff.routing == "sales_custom_software"
    assert step.handoff.requirements["user_count"] == 8
    assert "quarta" in step.handoff.requirements["followup_when"]


def test_a_site_pyloto_made_is_down_hears_its_team_not_entrega(chat: Chat) -> None:
    step = chat.send("OI O SITE DA MINHA LOJA TA FORA DO AR DESDE ONTEM")
    assert "time que cuida do seu sistema" in chat.said(step)
    assert step is not None and step.handoff is not None
    assert step.handoff.routing == "sales_custom_software"
    later = chat.send("foi vcs q fizeram, loja da Renata Modas")
    assert "Pyloto Entrega" not in chat.said(later)


def test_a_shop_asking_about_its_own_deliveries_at_the_summary_is_left_for_the_team(
    chat: Chat,
) -> None:
    for line in ("tenho uma floricultura em PG e quero entregas pro dia das maes", "Flor de Lis",
                 "floricultura", "uns 15 por dia, no dia das maes uns 50"):  # fmt: skip
        chat.send(line)
    step = chat.send("e os motoboy sabem levar coisa fragil? nao pode chegar tudo amassado kkk")
    said = chat.said(step)
    assert "Anotei que você também" not in said and "Sinto muito" not in said
    assert (
        step is not None and step.handoff is None and "fragil" in str(step.session.slots["notes"])
    )


def test_going_to_send_the_cv_there_is_a_goodbye_not_a_delivery(chat: Chat) -> None:
    chat.send("oi")
    chat.send(choose="INSTITUTIONAL")
    chat.send("vcs tem vaga?")
    step = chat.send("ah vlw entao, vou mandar la")
    assert "entrega/pedir" not in chat.said(step)


def test_a_side_question_at_the_name_is_no_name(chat: Chat) -> None:
    chat.send("quero ser entregador")
    step = chat.send("mas pera, precisa ter cnh com ear? a minha e B normal")
    assert step is not None and "name" not in step.session.slots


def test_an_apology_right_after_an_insult_is_greeted_again(chat: Chat) -> None:
    chat.send("vc é robo ne")
    chat.send("robo inutil, odeio falar com robo")
    step = chat.send("ta desculpa, dia dificil 😅 vamo la")
    said = chat.said(step)
    assert "acontece" in said and "Infelizmente" not in said
