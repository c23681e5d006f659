"""Blind turn rounds X and Y and stranger round 23: the general rules they taught."""

from __future__ import annotations

from pyloto_corp.adapters.language.resources import bundled_reader
from pyloto_corp.domain.engine.proxies import for_someone_else
from pyloto_corp.domain.understanding.acts import ReadingContext
from tests.support.turns import acts, asked
from tests.unit.engine.conftest import Chat


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
