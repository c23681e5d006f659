"""Stranger round 22 (scenarios/pendentes/rodada-estranhos-22): what it found, fixed."""

from __future__ import annotations

from datetime import timedelta

from pyloto_corp.adapters.language.resources import bundled_gazetteer
from pyloto_corp.domain.language.entities import extract
from pyloto_corp.domain.understanding.fixes import unnamed
from tests.unit.engine.conftest import Chat


def test_who_is_spoken_to_and_what_follows_stay_out_of_the_name() -> None:
    g = bundled_gazetteer()
    assert extract("é o guilherme mano, gui pros chegado kkk", g).name == "Guilherme"
    assert extract("show, valeu! meu nome é Rodrigo se precisarem", g).name == "Rodrigo"
    assert extract("se llama Pedro, es mi hermano", g).name == "Pedro"


def test_a_surname_that_is_a_city_is_no_city() -> None:
    g = bundled_gazetteer()
    assert extract("kkkkk mano nao é sobrenome nao, é Guilherme Santos", g).city is None
    assert extract("meu nome é Ana Castro", g).city is None
    assert extract("moro em Santos", g).city == "Santos"
    assert extract("Em Santos, no litoral", g).city == "Santos"


def test_a_shops_question_about_couriers_starts_no_courier_signup(chat: Chat) -> None:
    chat.send("tenho uma floricultura aqui em PG e queria a entrega de vcs pra minha loja")
    chat.send("Floricultura Jardim da Vila")
    chat.send("umas 10 por dia")
    chat.send("Sim, está certo")
    step = chat.send("ah e vcs dao conta de 100 entregas num dia so? pq ano passado o motoboy q "
                     "eu contratei me deixou na mao 😩")  # fmt: skip
    assert step is not None and step.team is not None
    assert "fazer parte do Pyloto Entrega" not in chat.said(step)


def test_the_answer_sent_back_after_an_idle_stop_is_no_new_need(chat: Chat) -> None:
    chat.send("oi, tenho uma loja de roupas em Castro e queria um sistema pra controlar estoque")
    chat.send("controle de estoque por tamanho e cor e registrar as vendas")
    step = chat.send("desculpa sumi, a loja encheu aqui. entao, somos eu e mais 2 vendedoras",
                     after=timedelta(hours=5))  # fmt: skip
    assert step is not None and step.team is not None
    assert "Pyloto Entrega" not in chat.said(step)


def test_already_said_this_morning_is_venting() -> None:
    assert unnamed("ja falei hj cedo 🙄 estoque por tamanho e cor", None, {}).startswith("estoque")
