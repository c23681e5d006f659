"""Stranger round 18 (scenarios/pendentes/rodada-estranhos-18): what it found, fixed."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from pyloto_corp.domain.engine.state import TurnKind
from pyloto_corp.domain.engine.summary import qualification_of
from pyloto_corp.domain.intents import Intent
from pyloto_corp.domain.records import SessionRecord
from tests.unit.engine.conftest import Chat

CLINIC = (
    "Olá, boa tarde! Me chamo Dra. Fernanda Kowalski, tenho uma clínica de fisioterapia em "
    "Castro (Clínica Movimentar). Vi que vcs fazem chatbot de whatsapp, queria entender como "
    "funciona pq minha recepcionista não dá conta das mensagens",
    "umas 80 a 100 por dia, a maioria é agendamento e remarcação",
)


def test_a_clinic_that_changes_its_mind_switches_to_the_system(chat: Chat) -> None:
    for line in CLINIC:
        chat.send(line)
    step = chat.send(
        "entao, pensando melhor... o problema mesmo é que a agenda é toda em planilha e papel. "
        "acho que o que eu preciso na verdade é um sistema proprio pra clinica, com agenda e "
        "prontuario. o chatbot pode ficar pra depois"
    )
    assert step is not None and step.session.active_intent == "CUSTOM_SOFTWARE"


def test_asking_for_a_proposal_at_the_budget_keeps_the_lead(chat: Chat) -> None:
    chat.send("quero um sistema pra minha clinica em Castro, agenda e prontuario")
    for line in ("a agenda é toda em papel", "agenda e prontuario", "6 pessoas",
                 "idealmente em 3 meses, antes de abrir a segunda unidade em março"):  # fmt: skip
        step = chat.send(line)
    assert step is not None and step.session.slots.get("city") != "Marco"
    step = chat.send("prefiro ver uma proposta primeiro")
    assert step is not None and step.session.active_intent == "CUSTOM_SOFTWARE"
    assert "Deixa eu confirmar" in chat.said(step)
    assert step.session.slots.get("budget") == "unknown"


def test_a_company_said_after_ja_falei_is_the_company(chat: Chat) -> None:
    chat.send("boa tarde, aqui é da padaria, queria cadastrar a padaria pra fazer entrega")
    step = chat.send("ue ja falei kkk padaria pao de queijo da ceci")
    assert step is not None and step.session.slots["company"] == "Padaria Pao de Queijo da Ceci"


def test_what_the_site_should_show_is_the_answer_not_a_question_about_pyloto(chat: Chat) -> None:
    chat.send("quero um site pra minha oficina mecanica aqui em Ponta Grossa")
    chat.send("os clientes nao acham a gente na internet")
    step = chat.send(
        "Olha, não entendo muito disso. Queria que aparecesse o endereço, o telefone, os "
        "serviços que a gente faz e se possível o cliente marcar horário."
    )
    assert "Anotei que você também" not in chat.said(step)


def test_after_an_outburst_the_next_hello_is_calm(chat: Chat) -> None:
    chat.send("VCS SÃO UMA PIADA")
    step = chat.send("???")
    assert "Oi de novo" not in chat.said(step) and "deu errado" in chat.said(step)


PHARMACY = (
    "Bom dia! Sou o Rodrigo, gerente da Farmácia Vida Nova. Temos interesse em usar o Pyloto "
    "Entrega pras entregas da farmácia",
    "isso, PG",
    "hj umas 14 por dia",
)


def test_two_fields_put_right_in_one_sentence_at_the_summary(chat: Chat) -> None:
    for line in PHARMACY:
        chat.send(line)
    step = chat.send("opa, na vdd me confundi: a loja que vai usar é a filial de Carambeí, e "
                     "lá são umas 40 entregas por dia, não 14")  # fmt: skip
    assert step is not None and step.session.state == "confirming"
    slots = step.session.slots
    assert slots["city"] == "Carambeí" and slots["delivery_volume"] == "40/dia"
    assert slots["company"] == "Farmácia Vida Nova"


def test_the_same_name_said_again_is_the_name(chat: Chat) -> None:
    for line in PHARMACY:
        chat.send(line)
    chat.send(choose="confirm_no")
    chat.send(choose="fix:company")
    step = chat.send("o nome é o mesmo, Farmácia Vida Nova")
    assert step is not None and step.session.slots["company"] == "Farmácia Vida Nova"


def test_a_voice_message_is_told_it_cannot_be_heard(chat: Chat) -> None:
    step = chat.send(None, kind=TurnKind.AUDIO)
    assert "não consigo ouvir" in chat.said(step) and "arquivo" not in chat.said(step)
    image = chat.send(None, kind=TurnKind.MEDIA, after=timedelta(hours=2))
    assert "não consigo ouvir" not in chat.said(image)


def test_documents_from_my_office_is_a_delivery_not_a_question_about_pyloto(chat: Chat) -> None:
    step = chat.send("Boa tarde, preciso mandar uns documentos do meu escritorio no centro pra um "
                     "cliente em uvaranas, amanha de manha, vcs fazem?")  # fmt: skip
    assert "entrega/pedir" in chat.said(step)


def test_two_side_questions_in_one_message_get_both_answers(chat: Chat) -> None:
    chat.send("oi")
    step = chat.send("e vcs ficam onde? qual o cnpj de vcs? quero ver se é empresa seria antes "
                     "de passar meus dados kkk")  # fmt: skip
    assert "CNPJ" in chat.said(step) and "Ponta Grossa" in chat.said(step)


def test_a_city_said_beside_tudo_bem_is_not_asked_again(chat: Chat) -> None:
    chat.send("boa tarde moço tudo bem? aqui é da padaria em Castro")
    step = chat.send("eu queria ver esse negocio de entrega pra minha padaria sabe, o povo pede "
                     "muito pelo whats e eu nao tenho motoboy")  # fmt: skip
    step = chat.send("padaria pao de queijo da ceci")
    assert step is not None and step.session.slots["city"] == "Castro"
    assert "cidade" not in chat.said(step)


def test_a_complaint_is_qualified_as_a_support_case(chat: Chat) -> None:
    step = chat.send("pedi uma entrega ontem e nao chegou ate agora")
    assert step is not None and step.handoff is not None
    assert "support_case" in step.handoff.qualification_reasons


def test_a_complaint_remembered_from_earlier_leaves_a_new_lead_alone() -> None:
    at = datetime(2026, 12, 5, 10, tzinfo=UTC)
    session = SessionRecord("s", "u", at, at, context={"support_case": True})
    reasons = qualification_of(session, Intent.CUSTOM_SOFTWARE).reasons
    assert "support_case" not in reasons and "commercial_intent" in reasons
