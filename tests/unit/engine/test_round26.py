"""Stranger round 26: what ten people who never read the code found, as general rules."""

from __future__ import annotations

from datetime import timedelta

from pyloto_corp.adapters.language.resources import bundled_gazetteer, bundled_reader
from pyloto_corp.domain.engine.reading import joined
from pyloto_corp.domain.language.entities import extract
from pyloto_corp.domain.understanding.acts import Pending, ReadingContext
from tests.support.turns import acts, asked
from tests.unit.engine.conftest import Chat


def test_a_field_named_in_a_correction_is_no_persons_name() -> None:
    said = extract("e o nome ta errado, é so Pizzaria Bella Napoli", bundled_gazetteer(), None)
    assert said.name is None and said.business_name == "Pizzaria Bella Napoli"
    for field in ("cidade", "prazo", "orcamento", "volume", "telefone"):
        assert extract(f"e o {field} ta errado", bundled_gazetteer(), None).name is None
    assert extract("aqui e o Valdir da pizzaria", bundled_gazetteer(), None).name == "Valdir"


def test_the_company_said_with_i_told_you_already_leaves_that_out() -> None:
    company = asked("company", "PYLOTO_ENTREGA_MERCHANT_SIGNUP", "company")
    assert bundled_reader().read("bella napoli pizzaria ja falei", company).answer == (
        "Bella Napoli Pizzaria")  # fmt: skip
    problem = asked("problem")
    assert bundled_reader().read("controlar o estoque, como eu ja disse", problem).answer == (
        "controlar o estoque")  # fmt: skip


def test_a_shop_without_a_courier_wants_couriers_it_does_not_complain() -> None:
    said = ("aqui e o seu Valdir da pizzaria o meu sobrinho falou que voces tem motoqueiro pra "
            "fazer entrega pros comercio eu queria saber como funciona porque o meu entregador "
            "saiu e eu to sem ninguem pra levar as pizza")  # fmt: skip
    assert "SUPPORT_ISSUE" not in acts(said)
    assert "SUPPORT_ISSUE" in acts("pedi uma entrega e ninguem apareceu ate agora")


def test_the_city_said_after_but_is_the_one_meant() -> None:
    city = asked("city", "PYLOTO_ENTREGA_DRIVER_SIGNUP", "city")
    read = bundled_reader().read("moro em carambei mas trampo em pg, pode ser pg", city)
    assert read.answer == "Ponta Grossa"
    assert bundled_reader().read("carambei mas nao sei o bairro", city).answer == "Carambeí"


def test_a_feature_with_a_figure_in_it_stays_in_the_features() -> None:
    features = asked("features")
    said = "agendamento online, lembrete no zap pro cliente, e eu ver a agenda dos 3 barbeiros"
    assert "agenda dos 3 barbeiros" in bundled_reader().read(said, features).answer


def test_a_question_of_ones_own_after_the_answer_is_kept(chat: Chat) -> None:
    chat.send("quero um app pra minha barbearia, pros clientes agendarem")
    chat.send("controlar os horarios, hj é tudo no caderno")
    step = chat.send("agendamento online e lembrete pro cliente. ah e vcs fazem site tbm?")
    assert step is not None and "Sim, isso é com a gente" in chat.said(step)
    assert step.session.slots.get("features") == "agendamento online e lembrete pro cliente"


def test_an_introduction_alone_is_asked_what_it_needs(chat: Chat) -> None:
    step = chat.send("Bom dia. Aqui é a Marlene do escritorio de contabilidade Ribas & Filhos.")
    assert step is not None and step.session.state == "menu"
    assert "A Pyloto é uma empresa de tecnologia" not in chat.said(step)
    step = chat.send("Voces fizeram o sistema de controle de clientes pra nos e desde ontem da "
                     "erro 500 no relatorio")  # fmt: skip
    assert step is not None and step.handoff is not None
    assert step.handoff.routing == "sales_custom_software"


def test_a_phone_to_call_is_answered_honestly(chat: Chat) -> None:
    step = chat.send("oi, vcs tem telefone fixo? prefiro ligar")
    assert step is not None and "Telefone para ligação eu não tenho" in chat.said(step)
    assert "me liga amanhã às 10h" in chat.said(step)


def test_a_loan_asked_for_hears_pyloto_is_no_bank(chat: Chat) -> None:
    chat.send("boa tarde")
    step = chat.send("meu neto disse que aqui faz emprestimo consignado, eu quero 5 mil")
    assert step is not None and "Aqui não é banco" in chat.said(step)
    step = chat.send("mas o senhor nao e do banco?")
    assert step is not None and "não é banco" in chat.said(step)
    step = chat.send("eu quero o emprestimo")
    assert step is not None and chat.said(step)  # never silence: the goodbye in other words


def test_why_a_field_is_asked_is_said_once_then_it_counts_as_a_miss(chat: Chat) -> None:
    chat.send("quero ser entregador")
    chat.send("Lucas")
    step = chat.send("pq?")
    assert step is not None and chat.said(step).startswith("Pergunto para o time")
    assert "Em qual cidade" in chat.said(step)
    step = chat.send("pra que vc quer saber?")
    assert step is not None and "Pergunto para o time" not in chat.said(step)


def test_finding_it_dear_hears_the_quote_is_free_and_the_form_goes_on(chat: Chat) -> None:
    chat.send("quero fazer um aplicativo pra minha loja de roupas")
    chat.send("as clientes verem as pecas novas e fazer pedido")
    step = chat.send("hmm pensando bem acho q app é mt caro pra mim agora")
    assert step is not None and "sem compromisso" in chat.said(step)
    assert step.session.is_open and step.session.context.get("asked_price")


def test_i_dont_know_beside_a_side_question_skips_the_field(chat: Chat) -> None:
    chat.send("quero um chatbot pro whats da minha clinica")
    for said in ("clinica odontologica", "whatsapp", "80 por dia", "recepcao nao da conta",
                 "marcar consulta"):  # fmt: skip
        step = chat.send(said)
    step = chat.send("sei la, nao tenho ideia. vc é um robo ou é uma pessoa?")
    assert step is not None and "assistente virtual" in chat.said(step)
    assert step.session.slots.get("budget") == "unknown"


def test_the_teams_help_an_answer_offered_is_taken_up(chat: Chat) -> None:
    chat.send("oi")
    chat.send("qual o cnpj de vcs?")
    step = chat.send("preciso sim, pede pra eles me passarem pfv")
    assert step is not None and step.handoff is not None
    assert step.handoff.routing == "institutional"
    assert "não é algo que a Pyloto faz" not in chat.said(step)


def test_a_cv_goes_by_the_jobs_page_said_plainly(chat: Chat) -> None:
    chat.send("oi")
    step = chat.send("vcs tem vaga de estagio?")
    assert step is not None and "pela página de vagas" in chat.said(step)
    step = chat.send("posso mandar meu curriculo por aqui mesmo?")
    assert step is not None and "não consigo receber arquivos" in chat.said(step)


def test_a_delivery_price_asked_with_qnt_gets_the_link_answer(chat: Chat) -> None:
    chat.send("preciso mandar um documento pro centro agr")
    step = chat.send("qnt fica mais ou menos?")
    assert step is not None and "O valor da entrega aparece no próprio link" in chat.said(step)


def test_a_sentence_of_ones_own_instead_of_the_figure_is_noted_not_misunderstood(
    chat: Chat,
) -> None:
    chat.send("tenho uma clinica e minha recepcionista nao da conta de responder o whats")
    step = chat.send("queria ver esse robo de atendimento de vcs pra marcar consulta")
    assert step is not None and chat.said(step).startswith("Anotei!")
    assert "Não consegui entender" not in chat.said(step)
    notes = step.session.slots.get("notes") or []
    assert "queria ver esse robo de atendimento de vcs pra marcar consulta" in notes
    step = chat.send("sim")  # a slip is still asked again, not noted
    assert step is not None and "sim" not in (step.session.slots.get("notes") or [])


def test_no_opening_a_portuguese_phrase_is_no_refusal() -> None:
    summary = ReadingContext(state="confirming", pending=Pending.CONFIRM,
                             intent="PYLOTO_ENTREGA_MERCHANT_SIGNUP")  # fmt: skip
    for said in ("no sabado tb", "no fim de semana é mais umas 60", "no centro"):
        assert "DENY" not in acts(said, summary), said
    for said in ("no", "No!", "no thanks", "no gracias, eso es todo", "nope"):
        assert "DENY" in acts(said, summary), said


def test_a_need_sent_in_two_pieces_before_any_form_is_read_as_one(chat: Chat) -> None:
    chat.send("oi")
    step = chat.send("queria saber")
    assert step is not None and step.session.state == "menu"
    assert "Não consegui entender" not in chat.said(step) and chat.said(step)
    step = chat.send("sobre o chatbot")
    assert step is not None and step.session.active_intent == "SAAS_COMMUNICATION"
    assert not step.session.context.get("opening_fragment")


def test_a_piece_waits_only_a_few_minutes(chat: Chat) -> None:
    chat.send("oi")
    step = chat.send("preciso")
    assert step is not None
    at = step.session.last_activity_at
    assert joined(step.session, "de um motoboy", at + timedelta(minutes=1)) == (
        "preciso de um motoboy")  # fmt: skip
    assert joined(step.session, "de um motoboy", at + timedelta(minutes=10)) == "de um motoboy"
    assert joined(None, "oi", at) == "oi"


def test_how_are_you_after_the_menu_is_answered_as_asked(chat: Chat) -> None:
    chat.send("oi")
    step = chat.send("tudo bem?")
    assert step is not None and "Tudo ótimo por aqui" in chat.said(step)


def test_a_piece_read_with_a_request_for_a_person_is_not_read_again(chat: Chat) -> None:
    chat.send("oi")
    chat.send("eu queria")
    step = chat.send("falar com uma pessoa")
    assert step is not None and step.handoff is not None
    assert not step.session.context.get("opening_fragment")
