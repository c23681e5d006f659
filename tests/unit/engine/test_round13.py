"""Stranger round 13 (scenarios/pendentes/rodada-estranhos-13): what it found, fixed."""

from __future__ import annotations

from datetime import timedelta

from tests.unit.engine.conftest import Chat


def test_a_person_asked_for_not_to_talk_to_a_robot_is_no_chatbot_lead(chat: Chat) -> None:
    step = chat.send("Quero falar com um atendente humano por favor. Não quero falar com robô.")
    assert step is not None and step.handoff is not None
    assert step.handoff.routing == "triage"


def test_a_person_asked_for_about_a_named_need_reaches_that_team(chat: Chat) -> None:
    step = chat.send("quero falar com alguém sobre entrega pra minha loja")
    assert step is not None and step.handoff is not None
    assert step.handoff.routing == "entrega_commercial"


def test_a_contact_using_pylotos_name_is_handed_over_with_a_warning(chat: Chat) -> None:
    chat.send("oi")
    step = chat.send("O numero que me mandou mensagem é de vocês mesmo? Me pediram um pix")
    assert step is not None and step.handoff is not None
    said = chat.said(step)
    assert "não faça nenhum pagamento" in said and "menu" not in [r.kind for r in step.replies]
    assert step.handoff.routing == "institutional"
    assert step.handoff.requirements["suspected_fraud"] is True


def test_is_it_a_scam_about_pyloto_itself_stays_a_side_question(chat: Chat) -> None:
    step = chat.send("vcs são confiáveis? é empresa de verdade?")
    assert step is not None and step.handoff is None


def test_while_waiting_a_question_the_bot_can_answer_is_answered(chat: Chat) -> None:
    chat.send("quero falar com um atendente")
    where = chat.send("vcs ficam onde?")
    assert "Ponta Grossa" in chat.said(where) and not where.team.pressed  # type: ignore[union-attr]
    other = chat.send("tem portfólio pra eu ver?", after=timedelta(minutes=1))
    assert "Boa pergunta" in chat.said(other) and "sinto muito" not in chat.said(other)


def test_the_team_reads_the_suspected_scam_first(chat: Chat) -> None:
    step = chat.send("estão usando o nome de vocês pra pedir pix, esse numero é de vcs?")
    assert step is not None and step.handoff is not None
    assert step.handoff.summary.startswith("• Assunto: possível golpe usando o nome da Pyloto")


def test_a_shop_telling_its_daily_deliveries_and_asking_the_price_signs_up(chat: Chat) -> None:
    step = chat.send("tenho uma farmacia em ponta grossa, faço umas 20 entregas por dia, "
                     "quanto vcs cobram?")  # fmt: skip
    assert step is not None and step.session.active_intent == "PYLOTO_ENTREGA_MERCHANT_SIGNUP"
    said = chat.said(step)
    assert "Sobre valores" in said and "pyloto.com.br/entrega/pedir" not in said


def test_it_does_not_serve_me_withdraws_and_a_story_with_forget_is_the_answer(chat: Chat) -> None:
    chat.send("quero o robo do whatsapp pra minha hamburgueria")
    for text in ("whats", "umas 150 por noite"):
        chat.send(text)
    step = chat.send("na correria o pessoal erra pedido, esquece o adicional de bacon etc")
    assert step is not None and step.session.active_intent == "SAAS_COMMUNICATION"
    assert step.session.slots["main_pain"].startswith("na correria o pessoal erra pedido")
    assert "pyloto.com.br/entrega/pedir" not in chat.said(step)


def test_it_does_not_serve_me_ends_the_form(chat: Chat) -> None:
    chat.send("quero contratar entregas pra minha loja em curitiba")
    step = chat.send("ah entao deixa, nao serve pra mim")
    assert step is not None and step.session.outcome == "AWAITING_USER"


def test_the_waiting_list_message_names_the_city_noted(chat: Chat) -> None:
    chat.send("quero contratar entregas pra minha hamburgueria")
    for text in ("Hamburgueria do Tchê", "curitiba", "uns 40 por dia"):
        chat.send(text)
    done = chat.send("sim")
    assert done is not None and "ainda não chegou em Curitiba" in chat.said(done)


def test_a_meeting_asked_while_waiting_gets_no_delivery_link(chat: Chat) -> None:
    chat.send("quero falar com um atendente sobre um sistema pra minha madeireira")
    step = chat.send("Seria possível uma reunião presencial aqui na madeireira? Estamos a uns "
                     "30 km de Ponta Grossa.")  # fmt: skip
    assert step is not None and "pyloto.com.br/entrega/pedir" not in chat.said(step)


MADEIREIRA = (
    "Bom dia. Sou Renata, gerente da Madeireira Irmãos Kowalski, de Palmeira-PR. Precisamos de "
    "um sistema para controlar pedidos e estoque de madeira. Seriam cerca de 10 usuários. "
    "Prazo: fevereiro. Orçamento em torno de R$ 25 mil."
)


def test_two_fields_fixed_in_one_message_at_the_summary(chat: Chat) -> None:
    chat.send(MADEIREIRA)
    step = chat.send("Quase. Na verdade são 12 usuários, e o prazo ideal é março, fevereiro não "
                     "dá por causa do inventário.")  # fmt: skip
    assert step is not None and step.session.slots["user_count"] == 12
    assert step.session.slots["deadline"] == "2027-03-31"


def test_what_the_summary_still_shows_then_the_right_value(chat: Chat) -> None:
    chat.send(MADEIREIRA)
    step = chat.send("O prazo ainda está fevereiro aí, é março.")
    assert step is not None and step.session.slots["deadline"] == "2027-03-31"
    assert "Para quando você precisa?" not in chat.said(step)


PET_SHOP = ("quero um sistema", "Eu tenho um pet shop em Castro, o Bicho Mimado, e queria um "
            "site pros clientes agendarem banho e tosa", "agenda com horário, lembrete pro "
            "cliente no whats, e o cadastro dos pets", "eu e mais 2 meninas",
            "até o fim de janeiro", "nao sei")  # fmt: skip


def test_one_word_swapped_at_the_summary_changes_the_free_answer(chat: Chat) -> None:
    for text in PET_SHOP:
        step = chat.send(text)
    assert step is not None and "e o cadastro dos pets" in step.session.slots["features"]
    step = chat.send("não é site, é aplicativo!")
    assert step is not None and step.session.state == "confirming"
    assert "queria um aplicativo pros clientes" in step.session.slots["problem"]
    again = chat.send("continua escrito aplicativo aí, é APP")
    assert again is not None and "queria um app pros clientes" in again.session.slots["problem"]


def test_asking_if_pyloto_does_the_very_thing_being_asked_about_hears_yes(chat: Chat) -> None:
    chat.send("trabalho numa clinica odontologica e queria automatizar o whats")
    step = chat.send("vcs fazem aquele robozinho q responde sozinho?")
    said = chat.said(step)
    assert "Sim, isso é com a gente" in said and "atendimento automático" in said
    assert step is not None and step.session.state == "collecting"


def test_an_order_already_made_with_its_time_goes_to_support(chat: Chat) -> None:
    step = chat.send("pedi uma entrega pelo link de vcs as 15h pra levar um bolo")
    assert step is not None and step.handoff is not None
    assert step.handoff.routing == "entrega_support"
    assert "pyloto.com.br/entrega/pedir" not in chat.said(step)


def test_an_order_to_make_today_still_gets_the_link(chat: Chat) -> None:
    step = chat.send("quero pedir uma entrega hoje as 15h")
    assert step is not None and "pyloto.com.br/entrega/pedir" in chat.said(step)


def test_what_the_person_asks_to_note_goes_with_the_lead(chat: Chat) -> None:
    for text in ("quero ser motoboy", "Kauê", "ponta grossa", "moto"):
        chat.send(text)
    noted = chat.send("poe ai q ainda nao tenho cnh")
    assert noted is not None and "Anotado" in chat.said(noted)
    assert "Quais dias e horários" in chat.said(noted)  # the pending question again
    summary = chat.said(chat.send("a tarde e fds"))
    assert "• Observações: ainda nao tenho cnh" in summary
    done = chat.send("sim")
    assert done is not None and done.handoff is not None
    assert done.handoff.requirements["notes"] == ["ainda nao tenho cnh"]


def test_a_note_asked_while_waiting_is_acknowledged(chat: Chat) -> None:
    chat.send("quero falar com um atendente")
    step = chat.send("ah e anota ai o numero do escritorio 42 3227-1234 fala com o Marcos")
    assert step is not None and "Anotado" in chat.said(step) and step.team is not None


def test_the_price_of_sending_something_gets_the_order_link(chat: Chat) -> None:
    step = chat.send("eu queria saber quanto custa pra mandar uma caixa de bolo daqui do "
                     "uvaranas ate o centro")  # fmt: skip
    assert step is not None and "pyloto.com.br/entrega/pedir" in chat.said(step)
    helped = chat.send("link? nao sei abrir essas coisas nao. a moça nao pode anotar ai?")
    assert helped is not None and helped.handoff is not None  # a person takes the order
    person = chat.send("tem alguem de verdade ai pra eu falar? uma pessoa")
    assert "responsável" in chat.said(person)


def test_a_delivery_ordered_through_the_app_is_a_delivery_complaint(chat: Chat) -> None:
    step = chat.send("PEDI UMA ENTREGA ONTEM PELO APP DE VCS")
    assert step is not None and step.handoff is not None
    assert step.handoff.routing == "entrega_support"
    assert step.handoff.intent_primary.value == "PYLOTO_ENTREGA_REQUEST"


def test_fixing_the_summary_is_no_complaint_and_a_channel_refused_leaves(chat: Chat) -> None:
    for text in ("quero automatizar o atendimento da minha academia", "whatsapp e email",
                 "umas 300 por semana", "responder sempre as mesmas perguntas",
                 "responder preço e horário sozinho", "uns 300 por mês"):  # fmt: skip
        chat.send(text)
    step = chat.send("Canal é só whatsapp, email nao. E faltou o contato do meu filho Eduardo.")
    assert step is not None and step.handoff is None and step.session.state == "confirming"
    assert step.session.slots["channels"] == ["whatsapp"]


def test_a_question_and_a_complaint_at_the_name_are_no_name(chat: Chat) -> None:
    chat.send("quero ser motoboy")
    step = chat.send("pera mas qnto paga? n quero perde tempo")
    assert step is not None and "name" not in step.session.slots
    named = chat.send("ah meu nome eh Wesley")
    assert named is not None and named.session.slots["name"] == "Wesley"


def test_a_site_used_to_do_something_is_no_site_wanted(chat: Chat) -> None:
    chat.send("fiz meu cadastro de entregador e ninguem me respondeu ainda")
    step = chat.send("fiz pelo link do site, coloquei moto e bike")
    assert step is not None and step.handoff is None  # the same case, no software lead
    assert "Qual problema você quer resolver" not in chat.said(step)


def test_a_question_left_for_the_team_goes_with_the_lead(chat: Chat) -> None:
    for text in ("quero ser motoboy", "Wesley", "castro"):
        chat.send(text)
    step = chat.send("moto. so q a cnh ta vencida faz uns 2 mes, to renovando. tem problema?")
    assert step is not None and any("cnh ta vencida" in n for n in step.session.slots["notes"])


def test_do_you_serve_this_city_hears_where_pyloto_entrega_runs(chat: Chat) -> None:
    step = chat.send("vcs fazem entrega em curitiba?")
    assert step is not None and "Ponta Grossa" in chat.said(step)


AGRO = ("Boa noite. Sou Rafael Kowalski, sócio da Kowalski Agro em Carambeí. Precisamos de um "
        "sistema web para controle de pesagem de caminhões, uns 6 usuários. Orçamento até R$ 60 "
        "mil, prazo ideal março/2027. Consegue me passar uma faixa de preço?")  # fmt: skip


def test_everything_in_one_message_goes_straight_to_the_summary(chat: Chat) -> None:
    step = chat.send(AGRO)
    said = chat.said(step)
    assert "Usuários: 6" in said and "até 31/03/2027" in said  # nothing asked again
    again = chat.send("Já escrevi ali: 6 usuários. E a faixa de preço?")
    assert "orçamento" in chat.said(again).lower()  # the price question answered again
    assert "Está lendo" not in chat.said(chat.send("Está lendo minha mensagem?"))


def test_the_waiting_list_city_follows_the_correction(chat: Chat) -> None:
    for text in ("quero contratar entregas pra minha doceria", "Doce Mel", "recife",
                 "umas 20 por dia"):  # fmt: skip
        chat.send(text)
    chat.send("a cidade é Curitiba")
    done = chat.send("sim")
    assert done is not None and "ainda não chegou em Curitiba" in chat.said(done)


def test_pass_me_to_someone_is_a_person_asked_for(chat: Chat) -> None:
    step = chat.send("ai gente complicado, pode passar pra alguém de vocês que a doutora explica")
    assert step is not None and step.handoff is not None


def test_the_need_itself_fixed_at_the_summary_starts_that_need(chat: Chat) -> None:
    for text in ("trabalho numa clinica e queria automatizar o whats", "whats e insta",
                 "umas 50 por dia", "ngm da conta de responder", "marcar consulta sozinho",
                 "nao sei"):  # fmt: skip
        chat.send(text)
    chat.send(None, choose="confirm_no")
    step = chat.send("o assunto tá errado, ela quer o aplicativo de agendamento feito sob "
                     "medida pra clínica")  # fmt: skip
    assert step is not None and step.session.active_intent == "CUSTOM_SOFTWARE"


def test_a_value_said_with_put_it_there_at_the_summary_fixes_the_field(chat: Chat) -> None:
    for text in ("quero contratar entregas pra minha pizzaria", "Pizzaria do Gil",
                 "ponta grossa", "umas 15 por noite"):  # fmt: skip
        chat.send(text)
    step = chat.send("ta errado. coloca ai: cerca de 200 por semana")
    assert step is not None and step.session.slots["delivery_volume"] == "200/semana"
    assert "notes" not in step.session.slots
