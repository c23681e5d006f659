"""Round T of the turn corpus (thanks, chat, other languages, non-answers): what it taught."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

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


def test_an_e_mail_is_no_name() -> None:
    context = asked("name", "PYLOTO_ENTREGA_DRIVER_SIGNUP", "name")
    reading = bundled_reader().read("meu e-mail é joao.silva@gmail.com", context)
    assert reading.answer is None and "ANSWER" not in {a.value for a in reading.acts}
    assert bundled_reader().read("Maria, maria@gmail.com", context).answer == "Maria"


def test_leaving_the_notebook_behind_is_the_problem_not_a_stop() -> None:
    found = acts("quero sair do caderno, anoto tudo a mão", asked("problem"))
    assert found == {"ANSWER"}
    assert "OPT_OUT" in acts("quero sair da lista", CLOSED)


@pytest.mark.parametrize(("text", "value"), [("ontem kkkk", "urgente"),
                                             ("Tenho pressa não", "sem prazo")])  # fmt: skip
def test_a_deadline_said_as_a_manner_of_speaking(text: str, value: str) -> None:
    context = replace(asked("deadline", kind="deadline"), now=datetime(2026, 12, 4, 10, tzinfo=UTC))
    reading = bundled_reader().read(text, context)
    assert reading.answer == value


@pytest.mark.parametrize(
    "text",
    ["meu sócio que sabe isso", "um minuto, vou pegar o endereço",
     "vou pedir pra minha filha te explicar depois, eu não sei mexer nisso direito",
     "nossa, são tantas que nem sei", "não tenho que te dar isso né"],
)  # fmt: skip
def test_putting_the_question_off_is_no_answer(text: str) -> None:
    assert acts(text, asked("problem")) == {"NON_ANSWER"}


@pytest.mark.parametrize(
    "text",
    ["to no trampo agora, mó correria hj", "aqui tá uma correria hoje, final de mês né",
     "meu avô trabalhou com entrega a vida toda, bonito isso"],
)  # fmt: skip
def test_telling_about_ones_day_is_chat_not_a_need(text: str) -> None:
    assert acts(text, CLOSED) == {"SMALL_TALK"}


def test_a_topic_is_read_in_the_sentences_that_ask() -> None:
    context = asked("automation_goal", "SAAS_COMMUNICATION")
    reading = bundled_reader().read(
        "responder preço, tamanho e se tem no estoque. e o instagram?? vc nao respondeu", context
    )
    assert reading.topic != "price"
    last = bundled_reader().read("uns 300 por dia. vcs emitem nota fiscal ne? qual o cnpj", context)
    assert last.topic == "cnpj"


@pytest.mark.parametrize(("text", "value"), [("queria pra comecar o ano, janeiro", "2027-01-31"),
                                             ("o Marco que sabe disso", None)])  # fmt: skip
def test_a_month_said_alone_is_the_deadline(text: str, value: str | None) -> None:
    context = replace(asked("deadline", kind="deadline"), now=datetime(2026, 12, 5, tzinfo=UTC))
    assert bundled_reader().read(text, context).answer == value


FOLLOWUP = ReadingContext(state="followup_time", pending=Pending.FOLLOWUP_TIME)


@pytest.mark.parametrize("text", ["qualquer hora tá bom", "qualquer horário, tanto faz"])
def test_any_time_is_the_time_asked_for(text: str) -> None:
    assert "FOLLOWUP_REQUEST" in acts(text, FOLLOWUP)


@pytest.mark.parametrize(
    "text", ["nossa, muito obrigado pela demora hein, 2 dias esperando", "valeu a pena, chegou"]
)
def test_thanks_for_the_delay_is_no_thanks(text: str) -> None:
    assert "THANKS_GOODBYE" not in acts(text, CLOSED)
