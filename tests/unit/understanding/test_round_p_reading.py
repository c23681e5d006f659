"""Round P of the turn corpus and the dev misses it explained: what they taught, in general."""

from __future__ import annotations

import pytest

from pyloto_corp.adapters.language.resources import bundled_gazetteer, bundled_reader
from pyloto_corp.domain.language.budgets import budget
from pyloto_corp.domain.language.entities import extract
from pyloto_corp.domain.language.people import user_count
from pyloto_corp.domain.understanding.acts import Pending, ReadingContext
from pyloto_corp.domain.understanding.spans import option_number
from tests.support.turns import NONE, acts

MENU = ReadingContext(state="menu", pending=Pending.MENU)
MORE = ReadingContext(state="info_given", pending=Pending.ANYTHING_ELSE,
                      intent="PYLOTO_ENTREGA_REQUEST")  # fmt: skip


@pytest.mark.parametrize(
    "text", ["to só olhando mesmo", "desculpa a demora, farmácia cheia hoje",
             "eh q eu sou meio timido"],
)  # fmt: skip
def test_chat_at_the_menu_is_small_talk_not_an_unsupported_request(text: str) -> None:
    assert acts(text, MENU) == {"SMALL_TALK"}


@pytest.mark.parametrize("text", ["quero um empréstimo consignado", "amanhã às 10h"])
def test_a_request_or_a_time_at_the_menu_is_no_chat(text: str) -> None:
    assert "SMALL_TALK" not in acts(text, MENU)


@pytest.mark.parametrize(
    "text", ["Which one is for couriers?", "¿Cuál es la opción para trabajar como repartidor?",
             "hi there, anyone here speaks english?"],
)  # fmt: skip
def test_a_question_in_another_language_asks(text: str) -> None:
    found = acts(text, MENU)
    assert {"OTHER_LANGUAGE", "SIDE_QUESTION"} <= found and "TOPIC_CHANGE" not in found


def test_a_need_said_in_another_language_is_no_side_question() -> None:
    found = acts("Hi, I need an app for my gym, can you help?")
    assert "SIDE_QUESTION" not in found and "OTHER_LANGUAGE" in found


@pytest.mark.parametrize(
    ("text", "context"),
    [
        ("tem como desmarcar a retirada que agendei pra hoje?", NONE),
        ("quero estornar a corrida, o entregador nem saiu do lugar", MORE),
        ("quero cancelar o plano do chatbot, nao to usando mais", NONE),
        ("mi paquete llegó roto, quiero una solución", NONE),
    ],
)
def test_undoing_or_refunding_what_was_ordered_is_support(text: str, context) -> None:
    assert "SUPPORT_ISSUE" in acts(text, context)


@pytest.mark.parametrize(
    "text",
    [
        "a gente perde um monte de pedido no whats pq ninguem responde a tempo, queria ver o "
        "chatbot de vcs",
        "o chatbot da outra empresa q a gente usa parou de responder, to pensando em trocar pro "
        "de vcs",
        "usava outra empresa de entrega e vivia chegando encomenda amassada, por isso quero "
        "mudar pra vcs",
    ],
)
def test_trouble_with_someone_else_told_to_ask_for_pyloto_is_a_need(text: str) -> None:
    found = acts(text)
    assert "TOPIC_CHANGE" in found and "SUPPORT_ISSUE" not in found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Seus lixos, cobraram minha entrega duas vezes no cartão", {"ABUSE", "SUPPORT_ISSUE"}),
        ("filhos da p***", {"ABUSE"}),
        ("nunca, some daqui seu robô desgraçado", {"ABUSE", "OPT_OUT"}),
    ],
)
def test_insults_aimed_at_pyloto_and_go_away(text: str, expected: set[str]) -> None:
    assert expected <= acts(text)


def test_a_total_then_its_breakdown_counts_the_total() -> None:
    text = "Somos em 12 pessoas no escritório, sendo 5 advogados, 4 estagiários e 3 no adm."
    assert user_count(text) == 12 and user_count(text, answer=True) == 12
    assert user_count("uns 40 produtor mais o pessoal da diretoria, uns 3", answer=True) == 43


def test_a_company_name_stops_where_the_story_goes_on() -> None:
    said = extract("tenho um salao no uvaranas ne o studio bella e tipo assim as menina nao da "
                   "conta", bundled_gazetteer())  # fmt: skip
    assert said.business_name == "Studio Bella"
    assert extract("e a cooperativa ve o total", bundled_gazetteer()).business_name is None


@pytest.mark.parametrize(
    "text",
    ["Oi! Vi o anúncio de vocês no Instagram 😍", "vi vcs no insta, mto massa o trampo de vcs"],
)
def test_where_one_saw_pyloto_is_small_talk_not_a_need(text: str) -> None:
    found = acts(text)
    assert "SMALL_TALK" in found and "TOPIC_CHANGE" not in found


def test_a_peak_of_a_count_is_no_budget() -> None:
    said = "Hoje sincronizamos umas 3 mil notas por mês, pico na safra chega a 10 mil."
    assert (
        budget(said) is None and budget("umas 150 conversas por dia. Tenho até 500 por mês") == 500
    )


def test_a_call_by_video_is_a_call_back() -> None:
    assert "FOLLOWUP_REQUEST" in acts("prefiro uma call pelo Meet na terça de manhã")


def test_a_list_of_roles_with_a_group_counts_each_person() -> None:
    said = "eu, a outra secretaria, a diretora, a coordenadora pedagogica e o financeiro que sao 2"
    assert user_count(said + " pessoas", answer=True) == 6
    school = extract("sao 6 da escola fora os pais", bundled_gazetteer())
    assert school.business_name is None


def test_a_statement_that_opens_like_a_question_is_no_question() -> None:
    reader = bundled_reader()
    assert not reader.read("o que eu quero é um site pra minha loja", NONE).question
    assert not reader.read("quem vai falar é a minha mae", NONE).question
    assert reader.read("o que é isso", NONE).question


@pytest.mark.parametrize(
    ("text", "number"),
    [("quero a opcao 1", 1), ("eu quero o 4, sou motoboy", 4), ("acho q e a 5, tenho um mercadinho",
     5), ("na vdd a 1", 1), ("quero 2 sistemas", None)],
)  # fmt: skip
def test_a_menu_number_said_in_a_sentence(text: str, number: int | None) -> None:
    assert option_number(text, 6) == number


@pytest.mark.parametrize(
    "text",
    ["minha esposa usa o atendimento automático de vcs no salão dela, ela ama",
     "meu cunhado é motoboy de vcs e fala super bem da empresa",
     "desculpa a demora, tava atendendo cliente"],
)  # fmt: skip
def test_praise_or_a_story_that_names_a_product_is_no_need(text: str) -> None:
    assert "TOPIC_CHANGE" not in acts(text, MENU)
