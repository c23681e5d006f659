"""Round 22's food truck (d09), still open last session: what it said first is kept."""

from __future__ import annotations

from pyloto_corp.adapters.language.resources import bundled_gazetteer
from pyloto_corp.domain.language.entities import extract
from pyloto_corp.domain.understanding.values import trimmed, untailed
from tests.unit.engine.conftest import Chat

OPENING = ("eae boa tarde, tenho um food truck de lanche aqui em PG (o Brutos Burger) e queria "
           "automatizar o whats pq recebo mt pedido e nao consigo responder tudo enquanto to na "
           "chapa kkk")  # fmt: skip
SECOND = ("ate uns 200 conto por mes da pra pagar. e outra coisa, vcs tb tem entrega ne? queria "
          "cadastrar o truck pra vcs levarem os lanche pros meus clientes")  # fmt: skip


def test_a_name_in_brackets_after_what_one_has_is_the_company() -> None:
    found = extract(OPENING, bundled_gazetteer())
    assert (found.business_name, found.business_kind) == ("Brutos Burger", "food truck de lanche")
    assert extract("tenho uma padaria (Pão Quente) em Castro", bundled_gazetteer()).business_name
    assert extract("tenho uma loja (roupas femininas)", bundled_gazetteer()).business_name is None


def test_laughter_and_fillers_closing_an_answer_stay_out_of_it() -> None:
    assert untailed("food truck ue") == "food truck"
    assert untailed("padaria né?") == "padaria"
    assert untailed("kkk") == "kkk"  # nothing else said: left for the reader to refuse
    assert trimmed("a gente demora pra responder rsrs.") == "a gente demora pra responder"


def test_what_the_first_message_said_is_not_asked_again(chat: Chat) -> None:
    chat.send(OPENING)
    chat.send("umas 60 msg por dia")
    step = chat.send(SECOND)
    assert step is not None
    summary = chat.said(step)
    assert "• Tipo de negócio: food truck de lanche" in summary
    assert "• Objetivo: automatizar o whats\n" in summary
    assert "na chapa kkk" not in summary
    step = chat.send("Sim, está certo")
    assert step is not None
    said = chat.said(step)
    assert "Agora vamos ao outro assunto que você comentou: Pyloto Entrega para empresas" in said
    assert "Qual é o nome da empresa?" not in said
    assert step.session.slots.get("company") == "Brutos Burger"

    chat.send("umas 10 por dia, sexta e sabado umas 30")
    step = chat.send("Sim, está certo")
    assert step is not None
    teams = "time comercial do atendimento automático e time comercial do Pyloto Entrega"
    assert teams in chat.said(step)
