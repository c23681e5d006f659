"""At the menu: an option referred to is a choice; a need told in one's own words is a topic
change (the engine opens it either way; the corpus and the metrics tell them apart)."""

from __future__ import annotations

import pytest

from pyloto_corp.adapters.language.resources import bundled_reader
from pyloto_corp.domain.understanding.acts import Pending, ReadingContext

MENU = ReadingContext(state="menu", pending=Pending.MENU,
                      options=(("CUSTOM_SOFTWARE", "Sistemas sob medida"),
                               ("SAAS_COMMUNICATION", "Atendimento automático"),
                               ("PYLOTO_ENTREGA_REQUEST", "Pedir uma entrega"),
                               ("PYLOTO_ENTREGA_DRIVER_SIGNUP", "Quero ser entregador"),
                               ("PYLOTO_ENTREGA_MERCHANT_SIGNUP", "Entregas p/ empresa"),
                               ("INSTITUTIONAL", "Sobre a Pyloto")))  # fmt: skip


def read(text: str) -> tuple[set[str], str | None]:
    reading = bundled_reader().read(text, MENU)
    return {a.value for a in reading.acts}, reading.intent


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("a de entregador", "PYLOTO_ENTREGA_DRIVER_SIGNUP"),
        ("quero a do atendimento automatico", "SAAS_COMMUNICATION"),
        ("pedir entrega pfv", "PYLOTO_ENTREGA_REQUEST"),
        ("quero cadastrar minha empresa pras entregas", "PYLOTO_ENTREGA_MERCHANT_SIGNUP"),
    ],
)
def test_an_option_referred_to_is_a_choice(text: str, intent: str) -> None:
    acts, chosen = read(text)
    assert "MENU_CHOICE" in acts and "TOPIC_CHANGE" not in acts
    assert chosen == intent


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("minha lanchonete precisa de entregador nos fins de semana à noite",
         "PYLOTO_ENTREGA_MERCHANT_SIGNUP"),
        ("dá pra fazer um sistema de ordem de serviço pra minha oficina mecanica?",
         "CUSTOM_SOFTWARE"),
        ("tenho carro e cnh, quero ganhar uma renda extra fazendo entrega",
         "PYLOTO_ENTREGA_DRIVER_SIGNUP"),
    ],
)  # fmt: skip
def test_a_need_told_in_ones_own_words_is_a_topic_change(text: str, intent: str) -> None:
    acts, named = read(text)
    assert "TOPIC_CHANGE" in acts and "MENU_CHOICE" not in acts
    assert named == intent
