"""Blind turn rounds X and Y and stranger round 23: the general rules they taught."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from pyloto_corp.adapters.language.resources import bundled_gazetteer, bundled_reader
from pyloto_corp.domain.engine.proxies import for_someone_else
from pyloto_corp.domain.language.entities import extract
from pyloto_corp.domain.understanding.acts import Pending, ReadingContext
from pyloto_corp.domain.understanding.fixes import unnamed
from pyloto_corp.domain.understanding.values import trimmed
from tests.support.turns import acts, asked
from tests.unit.engine.conftest import Chat

NOW = datetime(2026, 12, 5, 10, 0, tzinfo=timezone(timedelta(hours=-3)))


def test_the_answer_before_a_sentence_with_another_need_still_answers() -> None:
    name = asked("name", "PYLOTO_ENTREGA_REQUEST", "name")
    reading = bundled_reader().read("Sônia. mas olha, quero vcs fixo pra minha floricultura", name)
    assert {a.value for a in reading.acts} == {"ANSWER", "TOPIC_CHANGE"}
    assert reading.answer == "Sônia"
    kind = asked("business_type", "PYLOTO_ENTREGA_MERCHANT_SIGNUP", "business")
    assert acts("mercado. mas tbm queria um site pra vender online, vcs fazem?", kind) == {
        "ANSWER", "TOPIC_CHANGE"}  # fmt: skip
    goal = asked("automation_goal", "SAAS_COMMUNICATION")
    said = "olha, melhor eu ser direto: quero mesmo é um sistema completo de gestão, não só o bot"
    assert "ANSWER" not in acts(said, goal)  # what comes before a colon answers nothing


def test_the_answer_and_the_need_after_it_both_count(chat: Chat) -> None:
    chat.send("quero ser entregador")
    step = chat.send("Marcos. e minha mãe tem uma floricultura, queria saber se ela pode usar "
                     "os entregadores de vcs")  # fmt: skip
    assert step is not None and step.session.slots.get("name") == "Marcos"
    assert "Pyloto Entrega para empresas" in chat.said(step)


def test_a_need_named_after_a_short_word_keeps_its_cue(chat: Chat) -> None:
    chat.send("quero um sistema pra minha loja, controlar estoque e vendas")
    step = chat.send("cadastro e relatorio. ta, e o robo do whats?")
    assert step is not None and "atendimento automático" in chat.said(step)
    assert step.session.slots.get("problem") == "cadastro e relatorio"


def test_another_field_corrected_after_a_figure_is_a_correction() -> None:
    users = asked("user_count", "CUSTOM_SOFTWARE", "count")
    said = "30 pessoas. ah e a cidade na verdade é Castro, não Carambeí"
    assert acts(said, users) == {"ANSWER", "CORRECTION"}


def test_a_courier_signup_asked_for_a_relative_is_theirs_to_make() -> None:
    assert for_someone_else("meu sobrinho tem moto, como faz pra ele ser entregador de vcs?")
    assert for_someone_else("minha filha quer trabalhar de motoboy")
    assert not for_someone_else("quero ser entregador, meu filho ta doente e preciso de grana")
    assert not for_someone_else("eu e meu marido queremos ser entregadores")
    assert not for_someone_else("sou motoboy, meu irmao indicou vcs")


def test_a_relatives_courier_signup_is_sent_to_their_own_whatsapp(chat: Chat) -> None:
    step = chat.send("oi, meu filho tem 19 anos e tem moto, como faz pra ele ser entregador?")
    assert step is not None and "do WhatsApp dela" in chat.said(step)
    assert step.session.state != "collecting"  # no form with the relative's data


def test_a_relatives_courier_signup_during_a_complaint_is_answered(chat: Chat) -> None:
    chat.send("pedi uma entrega ontem e o motoboy so chegou de tarde, quase perdi o prazo")
    step = chat.send("e outra coisa, meu sobrinho tem moto e ta procurando servico, como faz "
                     "pra ele ser entregador de vcs?")  # fmt: skip
    assert step is not None and "do WhatsApp dela" in chat.said(step)
    assert step.team is not None  # the complaint's team still gets the message
    step = chat.send("ta bom. mas e sobre o meu sobrinho ser entregador?")
    assert step is not None and "do WhatsApp dela" not in chat.said(step)  # told once


def test_a_courier_job_with_courier_words_is_the_signup() -> None:
    closed = ReadingContext(state="closed", intent="SAAS_COMMUNICATION")
    said = "ah, vcs tem vaga de entregador em osasco? to desempregado e tenho moto"
    assert acts(said, closed) == {"TOPIC_CHANGE"}
    assert "SIDE_QUESTION" in acts("vcs estão contratando? tô desempregado")  # a job, not this


def test_portuguese_beside_an_english_phrase_is_portuguese() -> None:
    deadline = asked("deadline", "CUSTOM_SOFTWARE", "deadline")
    mixed = "before the semester starts... desculpa, antes do semestre, em fevereiro"
    assert "OTHER_LANGUAGE" not in acts(mixed, deadline)
    assert "OTHER_LANGUAGE" in acts("before the semester starts", deadline)


def test_an_english_question_about_a_line_hears_yes_in_english(chat: Chat) -> None:
    step = chat.send("Hi! Do you guys build mobile apps? I run a small language school")
    assert step is not None and "Yes, we build custom software" in chat.said(step)
    step = chat.send("I didn't get paid for last week's deliveries, I'm a courier")
    assert step is not None and "Great that you want to deliver" not in chat.said(step)


def test_back_in_portuguese_an_english_phrase_hands_nothing_over_again(chat: Chat) -> None:
    chat.send("Hi! Do you guys build mobile apps? I run a small language school")
    chat.send("oh wait, eu falo portugues um pouco. tenho uma escola de ingles em Ponta Grossa, "
              "quero app para alunos fazer exercicios e ver as aulas")  # fmt: skip
    chat.send("exercicios e aulas gravadas")
    step = chat.send("maybe ninety students")
    assert step is not None and step.session.state == "collecting"
    assert "I've passed your message" not in chat.said(step)


def test_already_said_before_a_list_stays_out_of_it(chat: Chat) -> None:
    chat.send("quero um app pra minha escola de ingles, pros alunos praticarem em casa")
    step = chat.send("eu disse, exercicios e aulas gravadas")
    assert step is not None
    assert step.session.slots.get("problem") == "exercicios e aulas gravadas"


def test_another_line_asked_about_in_a_form_hears_yes_and_is_noted(chat: Chat) -> None:
    chat.send("tenho uma loja de roupas e quero um robozinho pro whats e tbm alguem pra fazer "
              "as entregas dos pedidos")  # fmt: skip
    step = chat.send("umas 80 por dia. e as entregas? vcs fazem tbm?")
    assert step is not None and "Fazemos sim (Pyloto Entrega para empresas)" in chat.said(step)
    assert step.session.slots.get("message_volume") == "80/dia"
    step = chat.send("mas vcs fazem entrega ou nao?")
    assert step is not None and "Isso mesmo, fazemos sim" in chat.said(step)
    assert "Boa pergunta" not in chat.said(step)


def test_a_line_asked_about_out_of_the_blue_is_queued(chat: Chat) -> None:
    chat.send("quero um chatbot pro whatsapp da minha clinica")
    step = chat.send("vcs fazem site tambem?")
    assert step is not None
    assert "sistemas sob medida" in chat.said(step)
    assert "CUSTOM_SOFTWARE" in {q.intent for q in step.session.queued_intents}


def test_values_said_the_way_round_23_said_them() -> None:
    reader = bundled_reader()
    budget = asked("budget", "SAAS_COMMUNICATION", "budget")
    said = "nao sei quanto custa isso, uns 200 300 por mes da pra pagar"
    assert reader.read(said, budget).answer == 300  # the price unknown, the budget said
    deadline = ReadingContext(state="collecting", pending=Pending.SLOT, intent="CUSTOM_SOFTWARE",
                              slot="deadline", slot_kind="deadline", now=NOW)  # fmt: skip
    assert reader.read("sem pressa, mas se der pro inverno seria bom", deadline).answer == (
        "2027-06-21")  # fmt: skip
    times = asked("availability", "PYLOTO_ENTREGA_DRIVER_SIGNUP", "availability")
    assert reader.read("pô de tarde e noite, de manha to no cursinho", times).answer == [
        "tarde", "noite"]  # fmt: skip


def test_uns_corre_de_entrega_is_a_courier(chat: Chat) -> None:
    step = chat.send("to querendo fazer uns corre de entrega c vcs, tem como?")
    assert step is not None and step.session.active_intent == "PYLOTO_ENTREGA_DRIVER_SIGNUP"


def test_how_to_pay_is_no_price_question(chat: Chat) -> None:
    chat.send("tenho uma farmacia em Castro e queria as entregas de vcs pra minha loja")
    step = chat.send("O pagamento pode ser por pix?")
    assert step is not None and "forma de pagamento" in chat.said(step)
    assert not step.session.context.get("asked_price")


def test_a_payment_question_after_the_order_link_is_answered_each_time(chat: Chat) -> None:
    chat.send("queria mandar um bolo pra minha mae hj, ela mora do outro lado da cidade")
    step = chat.send("ah ta, e da pra pagar no pix?")
    assert step is not None and "As formas de pagamento aparecem" in chat.said(step)
    step = chat.send("sim mas aceita pix ou so cartao?")
    assert step is not None and "Como eu disse: as formas de pagamento" in chat.said(step)


def test_a_name_beside_oneself_and_a_kind_beside_a_figure_answer() -> None:
    reader = bundled_reader()
    name = asked("name", "PYLOTO_ENTREGA_DRIVER_SIGNUP", "name")
    assert reader.read("sou eu mesmo, Cláudio", name).answer == "Cláudio"
    segment = asked("segment", "PYLOTO_ENTREGA_MERCHANT_SIGNUP", "business")
    assert reader.read("pizzaria, faço umas 60 entregas no sábado", segment).answer == "pizzaria"
    assert "ANSWER" not in acts("umas 60 por noite", segment)


def test_a_field_put_right_after_the_form_is_a_correction() -> None:
    after = ReadingContext(state="closed", intent="SAAS_COMMUNICATION")
    said = "oi, só corrigindo, o orçamento que eu passei é 30 mil e não 3 mil kkk"
    assert "CORRECTION" in acts(said, after)
    assert "CORRECTION" not in acts("na verdade eu queria um chatbot pra minha clínica", after)
    assert "CORRECTION" not in acts("na verdade tenho uma reclamação, o motoboy riscou meu carro",
                                    after)  # fmt: skip


def test_a_new_city_after_the_handoff_is_noted_for_the_team(chat: Chat) -> None:
    chat.send("quero ser entregador, sou a Ana de Ponta Grossa, tenho moto e posso a noite")
    chat.send("Sim, está certo")
    step = chat.send("boa tarde, mudei de cidade, agora to em Castro")
    assert step is not None and "Anotado!" in chat.said(step)
    assert step.team is not None


def test_what_an_app_comes_with_is_its_features(chat: Chat) -> None:
    chat.send("oi! queria saber do chatbot pro whatsapp, tenho uma hamburgueria")
    chat.send("sexta e sabado umas 150, durante a semana umas 40")
    step = chat.send("na real o problema é que a gente paga 27% pro ifood e queria ter nosso "
                     "proprio app de pedido sabe, com cardapio, pagamento e tudo. pensando bem "
                     "acho que é isso que eu preciso, nao o chatbot")  # fmt: skip
    assert step is not None and step.session.active_intent == "CUSTOM_SOFTWARE"
    assert step.session.slots.get("features") == "cardapio, pagamento"
    assert "Quais funcionalidades" not in chat.said(step)


def test_already_said_there_stays_out_of_the_answer() -> None:
    assert unnamed("ue, falei ali, cardapio e pagamento", None, {}) == "cardapio e pagamento"


def test_a_relative_named_for_another_reason_is_no_courier_of_someone_else() -> None:
    assert not for_someone_else("oi desculpa sumi, meu filho passou mal. é moto, uma fan 160")
    assert for_someone_else(
        "oi, meu filho tem 19 anos e tem moto, como faz pra ele ser entregador?"
    )


def test_an_apology_for_being_away_is_met_kindly(chat: Chat) -> None:
    chat.send("quero ser entregador")
    chat.send("Jéssica Ferreira")
    step = chat.send("desculpa a demora, tava no trabalho. Ponta Grossa")
    assert step is not None and "sem problema" in chat.said(step).lower()
    assert step.session.slots.get("city") == "Ponta Grossa"


def test_a_customer_introducing_himself_complains_no_sale(chat: Chat) -> None:
    step = chat.send("Boa tarde. Aqui é o Marcos da Auto Peças Rodrigues. Vocês instalaram um "
                     "chatbot no nosso whatsapp mês passado e desde quinta ele tá respondendo "
                     "tudo errado, cliente pergunta preço de pastilha e ele manda horário de "
                     "funcionamento. Já perdi venda por causa disso")  # fmt: skip
    assert step is not None and "com tudo o que você contou" in chat.said(step)
    assert "me conta" not in chat.said(step) and "Qual é o seu tipo" not in chat.said(step)


def test_a_courier_one_hired_oneself_is_no_complaint() -> None:
    segment = asked("segment", "PYLOTO_ENTREGA_MERCHANT_SIGNUP", "business")
    said = "floricultura, e o ultimo motoboy que contratei sumiu com 2 buquês kkk"
    assert acts(said, segment) == {"ANSWER"}


def test_a_question_about_what_was_asked_for_goes_to_its_team(chat: Chat) -> None:
    chat.send("sou dentista aqui em Ponta Grossa e queria um sistema pra agendar os pacientes")
    for said in ("a agenda é toda no papel", "agenda e cadastro de pacientes", "somos 3",
                 "uns 2 meses", "ate uns 8 mil", "Sim, está certo"):  # fmt: skip
        chat.send(said)
    step = chat.send("ah, e da pra o sistema mandar lembrete da consulta pelo whatsapp?")
    assert step is not None and step.team is not None
    assert "A plataforma de atendimento" not in chat.said(step)
    step = chat.send("esquece isso de chatbot, eu nao quero chatbot. so anota pro pessoal do "
                     "sistema que eu quero lembrete por whatsapp")  # fmt: skip
    assert step is not None and "A plataforma de atendimento" not in chat.said(step)


def test_not_wanting_the_very_need_of_the_form_gives_it_up() -> None:
    form = asked("message_volume", "SAAS_COMMUNICATION", "volume")
    assert bundled_reader().read("esquece isso de chatbot, eu nao quero chatbot", form).withdraws
    driver = asked("name", "PYLOTO_ENTREGA_DRIVER_SIGNUP", "name")
    said = "n quero pedir entrega nao kkk, quero ser o motoboy"
    assert not bundled_reader().read(said, driver).withdraws


def test_a_price_asked_beside_an_answer_is_answered_too(chat: Chat) -> None:
    chat.send("sou dentista aqui em Ponta Grossa e queria um sistema pra agendar os pacientes")
    chat.send("a agenda é toda no papel")
    chat.send("agenda e cadastro de pacientes")
    step = chat.send("somos eu, outra dentista e a recepcionista. mas quanto custa mais ou menos?")
    assert step is not None and "Sobre valores" in chat.said(step)
    step = chat.send("nao tenho pressa, uns 2 meses ta bom. mas me da pelo menos uma faixa de "
                     "preço, tipo 5 mil? 20 mil? so pra eu ter ideia")  # fmt: skip
    assert step is not None and "o valor sai no orçamento" in chat.said(step)


def test_price_and_payment_asked_together_are_both_answered(chat: Chat) -> None:
    chat.send("sou o Valdir do Mercado Bom Preço aqui em Castro, queria que vcs fizessem as "
              "entregas do mercado, a gente faz umas 30 entregas por dia")  # fmt: skip
    step = chat.send("ta certo sim. mas quanto vcs cobram por entrega? e o motoboy leva "
                     "maquininha de cartao?")  # fmt: skip
    assert step is not None
    said = chat.said(step)
    assert "forma de pagamento" in said and "Sobre valores" in said


def test_just_said_it_stays_out_of_the_answer() -> None:
    assert unnamed("mano eu acabei d falar kkk carrinho, pix e cartao", None, {}) == (
        "carrinho, pix e cartao")  # fmt: skip


def test_an_order_solved_elsewhere_while_waiting_is_acknowledged(chat: Chat) -> None:
    chat.send("boa tarde preciso mandar uma encomenda do centro pra vila estrela hoje ainda")
    chat.send("moço eu nao sei mexer nesses link nao, tenho 67 anos. nao tem como falar com uma "
              "pessoa?")  # fmt: skip
    step = chat.send("segunda?? mas eu precisava hoje. é um bolo de aniversario pra minha neta")
    assert step is not None and step.team is not None and step.team.pressed  # not "Anotado"
    step = chat.send("ta bom, meu neto fez pelo link ja. obrigada moço, pode cancelar o pedido")
    assert step is not None and "já está resolvido" in chat.said(step)
    assert step.team is not None


def test_a_span_of_periods_and_loose_words_beside_them() -> None:
    times = asked("availability", "PYLOTO_ENTREGA_DRIVER_SIGNUP", "availability")
    said = "qualquer dia, to desempregado kkk. de seg a sab, de manha ate de noite"
    assert bundled_reader().read(said, times).answer == ["segunda a sábado", "manhã", "tarde",
                                                          "noite"]  # fmt: skip


def test_asking_whether_one_can_be_what_the_form_is_for_hears_yes(chat: Chat) -> None:
    chat.send("quero ser entregador")
    step = chat.send("ah da pra ser motoboy de vcs? entao quero sim. me chamo Rafael Souza")
    assert step is not None and "Sim, isso é com a gente" in chat.said(step)
    assert step.session.slots.get("name") == "Rafael Souza"


def test_a_question_of_ones_own_beside_an_answer_is_not_ignored(chat: Chat) -> None:
    chat.send("Olá! Falo da ONG Patas do Campo, recebemos muita mensagem no whatsapp perguntando "
              "de adoção e não damos conta de responder. Vcs fazem chatbot?")  # fmt: skip
    step = chat.send("umas 80 por dia. so que somos ONG e não temos verba nenhuma, vcs tem algum "
                     "plano gratuito ou desconto pra ONG?")  # fmt: skip
    assert step is not None and "Essa fica com o time" in chat.said(step)
    assert step.session.slots.get("message_volume") == "80/dia"


def test_as_i_said_closing_an_answer_stays_out_of_it() -> None:
    assert trimmed("as perguntas de adoção, como eu falei") == "as perguntas de adoção"


def test_the_full_name_a_courier_gives_the_support_updates_the_lead(chat: Chat) -> None:
    chat.send("opa, eu ja faço entrega pra pyloto faz uns 3 meses e o repasse da semana passada "
              "nao caiu ainda")  # fmt: skip
    step = chat.send("Anderson Luiz Ribeiro. era pra ter caido na sexta, da uns 640 reais")
    assert step is not None and step.team is not None
    assert step.team.told.get("name") == "Anderson Luiz Ribeiro"


def test_an_answer_sent_in_pieces_is_one_answer(chat: Chat) -> None:
    chat.send("queria um site")
    step = chat.send("pra minha")
    assert step is not None and "Pode continuar, estou lendo" in chat.said(step)
    step = chat.send("oficina mecanica")
    assert step is not None and step.session.slots.get("problem") == "pra minha oficina mecanica"
    assert acts("ah tipo um ifood só meu", asked("problem")) == {"ANSWER"}


def test_a_field_fixed_after_its_name_and_a_comma_is_the_value_after_it() -> None:
    kinds = {"user_count": "count", "deadline": "deadline", "city": "city"}
    summary = ReadingContext(state="confirming", pending=Pending.CONFIRM, intent="CUSTOM_SOFTWARE",
                             slots={"user_count": 6, "deadline": "2027-03-31"}, kinds=kinds,
                             now=NOW)  # fmt: skip
    said = ("são 8 profissionais, esqueci das duas que entram mês que vem. E o prazo mudou, a "
            "inauguração foi antecipada pra fevereiro.")  # fmt: skip
    assert bundled_reader().read(said, summary).fixes.get("deadline") == "2027-02-28"


def test_how_are_you_is_answered_before_the_question_beside_it(chat: Chat) -> None:
    step = chat.send("Bom dia, tudo bem? Meu neto é programador e eu queria saber se a empresa "
                     "de vocês esta contratando")  # fmt: skip
    assert step is not None
    said = chat.said(step)
    assert said.index("obrigado por perguntar") < said.index("vagas abertas")


def test_a_check_of_what_the_summary_holds_hears_it_is_there(chat: Chat) -> None:
    chat.send("Bom dia! Sou o Marcelo, sócio da Imobiliária Horizonte aqui em Ponta Grossa. "
              "Recebemos 120 mensagens por dia entre WhatsApp e Instagram e vira uma bagunça: "
              "lead se perde. Queria automatizar a triagem. Tenho uns R$ 500 por mês.")  # fmt: skip
    step = chat.send("Certinho. Só confirmando: o Instagram entra também, né? Não é só WhatsApp?")
    assert step is not None and "está anotado assim no resumo" in chat.said(step)
    assert step.session.outcome == "HANDOFF_HUMAN"


def test_a_field_said_wrong_at_the_summary_is_asked_not_filled_with_wrong(chat: Chat) -> None:
    chat.send("Bom dia! Sou o Marcelo, da Imobiliária Horizonte aqui em Ponta Grossa. Recebemos "
              "120 mensagens por dia no WhatsApp e vira uma bagunça: lead se perde. Queria "
              "automatizar a triagem. Tenho uns R$ 500 por mês.")  # fmt: skip
    step = chat.send("dificuldade ta errado")
    assert step is not None and "Qual é a maior dificuldade" in chat.said(step)
    assert step.session.slots.get("main_pain") != "ta errado"


def test_a_system_of_orders_pyloto_made_is_no_delivery_complaint(chat: Chat) -> None:
    step = chat.send("Bom dia. Sou o Marcos, dono do Restaurante Sabor da Serra. Vocês fizeram "
                     "nosso sistema de pedidos ano passado e desde ontem ele não abre, dá erro "
                     "500. Estamos perdendo pedidos.")  # fmt: skip
    assert step is not None and "time que cuida do seu sistema" in chat.said(step)


def test_a_courier_asking_whether_mei_is_needed_is_no_business() -> None:
    g = bundled_gazetteer()
    assert extract("ah e precisa ter MEI? eu nao tenho", g).is_business is None
    assert extract("sou MEI, tenho uma lojinha", g).is_business is True
