"""Stranger round 22 (scenarios/pendentes/rodada-estranhos-22): what it found, fixed."""

from __future__ import annotations

from pyloto_corp.adapters.language.resources import bundled_gazetteer
from pyloto_corp.domain.language.entities import extract
from pyloto_corp.domain.understanding.fixes import unnamed
from tests.support.turns import acts, asked
from tests.unit.engine.conftest import Chat, back_after_idle


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
    opening = ("oi, tenho uma loja de roupas em Castro e queria um sistema pra controlar estoque",
               "controle de estoque por tamanho e cor e registrar as vendas")  # fmt: skip
    back = "desculpa sumi, a loja encheu aqui. entao, somos eu e mais 2 vendedoras"
    step = back_after_idle(chat, opening, back, hours=5)
    assert "Pyloto Entrega" not in chat.said(step)


def test_already_said_this_morning_is_venting() -> None:
    assert unnamed("ja falei hj cedo 🙄 estoque por tamanho e cor", None, {}).startswith("estoque")


def test_yes_and_a_neighborhood_takes_the_offered_city(chat: Chat) -> None:
    chat.area_code = "42"  # Ponta Grossa's DDD: the city is offered
    chat.send("salve, vcs tao contratando motoboy?")
    step = chat.send("é o guilherme mano")
    assert step is not None and "É de Ponta Grossa - PR?" in chat.said(step)
    step = chat.send("isso, moro em uvaranas")
    assert step is not None and step.session.slots.get("city") == "Ponta Grossa"


def test_nothing_besides_that_brings_up_no_other_need() -> None:
    said = ("as páginas seriam: apresentação do escritório, áreas de atuação, equipe e um "
            "formulário de contato. Nada além disso.")  # fmt: skip
    assert acts(said, asked("features")) == {"ANSWER"}


def test_a_list_in_brackets_is_no_company() -> None:
    said = "páginas do meu escritório (quem somos, áreas de atuação, equipe) e formulário"
    assert extract(said, bundled_gazetteer()).business_name is None
    assert (
        extract("minha loja (Closet da Bia)", bundled_gazetteer()).business_name == "Closet da Bia"
    )
