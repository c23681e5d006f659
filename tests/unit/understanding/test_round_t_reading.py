"""Round T of the turn corpus (thanks, chat, other languages, non-answers): what it taught."""

from __future__ import annotations

import pytest

from pyloto_corp.adapters.language.resources import bundled_reader
from pyloto_corp.domain.understanding.acts import Pending, ReadingContext
from tests.support.turns import acts, asked

CLOSED = ReadingContext(state="closed")
MORE = ReadingContext(state="info_given", pending=Pending.ANYTHING_ELSE, intent="INSTITUTIONAL")


@pytest.mark.parametrize(
    ("text", "slot", "kind", "value"),
    [
        ("I live in Florianópolis", "city", "city", "Florianópolis"),
        ("my name is John Smith", "name", "name", "John Smith"),
        ("Me llamo Carlos Pérez", "name", "name", "Carlos Pérez"),
        ("my name is Joe from Texas", "name", "name", "Joe"),
    ],
)
def test_an_answer_in_another_language_is_an_answer(
    text: str, slot: str, kind: str, value: str
) -> None:
    reading = bundled_reader().read(text, asked(slot, kind=kind))
    assert {a.value for a in reading.acts} >= {"ANSWER", "OTHER_LANGUAGE"}
    assert reading.answer == value


@pytest.mark.parametrize(
    "text",
    [
        "obrigado nada, cadê meu pedido?",
        "brigado é o caramba, o motoboy sumiu com minha encomenda",
        "obrigado? vcs são uma piada, bando de incompetente",
        "valeu o quê? não entendi nada do que vc falou",
        "valeu por nada, robô lesado",
        "Tchau? mas e o meu cadastro, foi feito ou não?",
    ],
)
def test_thanks_said_in_scorn_is_no_thanks(text: str) -> None:
    assert "THANKS_GOODBYE" not in acts(text, CLOSED)


@pytest.mark.parametrize(
    "text",
    ["obrigado, nada mais", "valeu, nada não", "obrigado nada mais", "Obrigado, não quero",
     "tchau pra vc tb", "não, tudo esclarecido, bom dia", "nops, já me ajudou bastante"],
)  # fmt: skip
def test_thanks_and_goodbyes_still_thank(text: str) -> None:
    assert "THANKS_GOODBYE" in acts(text, MORE)


def test_a_deadline_said_with_ate_mais_tardar_is_no_goodbye() -> None:
    found = acts("até mais tardar sexta que vem", asked("deadline", kind="deadline"))
    assert "THANKS_GOODBYE" not in found
