"""Stranger round 21 (scenarios/pendentes/rodada-estranhos-21): what it found, fixed."""

from __future__ import annotations

from pyloto_corp.adapters.language.resources import bundled_gazetteer, bundled_reader
from pyloto_corp.domain.language.entities import extract
from tests.support.turns import acts, asked
from tests.unit.engine.conftest import Chat, back_after_idle

DRIVER = "PYLOTO_ENTREGA_DRIVER_SIGNUP"
DICTATED = ("bom dia aqui quem fala é o Osvaldo eu tô mandando por áudio que o meu neto ensinou "
            "e ele escreve sozinho né eu queria saber se a Pyloto pega gente da minha idade pra "
            "fazer entrega de motorista com meu carro")  # fmt: skip


def test_a_dictated_message_that_mentions_audio_is_read_as_text(chat: Chat) -> None:
    step = chat.send(DICTATED)
    assert step is not None and "não escuto áudios" not in chat.said(step)
    assert step.session.active_intent == DRIVER


def test_telling_the_bot_it_is_not_reading_is_no_complaint() -> None:
    text = ("mas é escrito moço você não tá lendo aí eu perguntei se vocês aceitam motorista "
            "aposentado pra fazer entrega")  # fmt: skip
    assert "SUPPORT_ISSUE" not in acts(text, asked("city", DRIVER, kind="city"))


def test_monday_to_saturday_keeps_the_saturday() -> None:
    said = extract("posso trabalhar de segunda a sábado o dia todo", bundled_gazetteer())
    assert said.availability == ("segunda a sábado", "integral")


def test_it_is_crazy_some_days_is_no_volume_of_one() -> None:
    context = asked("message_volume", "SAAS_COMMUNICATION", kind="volume")
    reader = bundled_reader()
    assert reader.read("tem dia q é uma loucura", context).answer is None
    assert reader.read("uma por dia", context).answer == "1/dia"
    said = "bastante, tem dia q é uma loucura. talvez umas 50? 80? nunca contei"
    assert reader.read(said, context).answer == "50"


def test_yes_and_the_city_offered_is_the_city() -> None:
    context = asked("city", "CUSTOM_SOFTWARE", kind="city")
    assert bundled_reader().read("isso pg mesmo", context).answer == "Ponta Grossa"


def test_the_missing_fields_sent_after_the_idle_handoff_reach_the_team(chat: Chat) -> None:
    opening = ("tenho um restaurante e queria entregas pros meus clientes", "Cantina do Nono")
    back = "desculpa, voltei. é pg sim. a gente faz umas 30 entregas por dia"
    step = back_after_idle(chat, opening, back, hours=4)
    wanted = {"requirements": {"city": "Ponta Grossa", "delivery_volume": "30/dia"}}
    assert step.team is not None and dict(step.team.told) == wanted
    assert "Anotei o que faltava" in chat.said(step)
    step = chat.send("obrigado pela atencao!")
    assert step is not None and "Eu que agradeço" in chat.said(step)
    step = chat.send("valeu de novo")
    assert step is not None and chat.said(step) == ""


def test_how_are_you_in_the_first_message_is_answered(chat: Chat) -> None:
    step = chat.send("bom dia, tudo bem?")
    assert step is not None and chat.said(step).startswith("Oi! Tudo ótimo por aqui")
    other = Chat()
    step = other.send("boa tarde, tudo bem? preciso de um sistema pra minha oficina")
    assert step is not None and other.said(step).startswith("Tudo ótimo por aqui")
    assert step.session.active_intent == "CUSTOM_SOFTWARE"
    third = Chat()
    step = third.send("oi")
    assert step is not None and "Tudo ótimo" not in third.said(step)


def test_what_i_told_you_above_then_the_answer_is_the_answer() -> None:
    said = "o q te falei ali em cima, preço e estoque principalmente"
    reading = bundled_reader().read(said, asked("automation_goal", "SAAS_COMMUNICATION"))
    assert reading.answer == "preço e estoque principalmente"
