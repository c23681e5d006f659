"""A question of one's own is not stored as the answer; a service asked for is a need."""

from __future__ import annotations

import pytest

from pyloto_corp.adapters.language.resources import bundled_reader
from pyloto_corp.domain.understanding.acts import Pending, ReadingContext
from tests.support.turns import NONE, acts, asked


@pytest.mark.parametrize(
    "text",
    [
        "antes de explicar, qnto sai mais ou menos um sistema?? so pra eu ter uma ideia",
        "me tira uma duvida primeiro: vcs fazem app pra iphone tb ou so android?",
        "queria saber se vcs atendem em salvador",
    ],
)
def test_a_question_with_its_lead_in_is_no_problem_description(text: str) -> None:
    assert acts(text, asked("problem")) == {"SIDE_QUESTION"}


def test_asking_whether_it_is_a_robot_gives_no_name() -> None:
    reading = bundled_reader().read("ei isso aqui é robo? kkkk", asked("name", kind="name"))
    assert reading.answer is None and "ANSWER" not in {a.value for a in reading.acts}


def test_a_service_asked_for_ones_own_business_is_a_need() -> None:
    said = "Oi! Vocês fazem aquele robozinho que responde sozinho no WhatsApp? Quero um pra minha"
    assert acts(said + " loja") == {"GREETING", "TOPIC_CHANGE"}
    assert "SIDE_QUESTION" in acts("vcs ficam onde?")


def test_a_lost_match_is_no_lost_delivery() -> None:
    context = ReadingContext(state="info_given", intent="PYLOTO_ENTREGA_REQUEST")
    assert "SUPPORT_ISSUE" not in acts("eita q o flamengo perdeu ontem hein", context)
    assert "SUPPORT_ISSUE" in acts("vcs perderam minha encomenda")


def test_a_name_corrected_before_its_wrong_version_is_kept() -> None:
    slots = {"name": "Anderson Lima", "city": "Telêmaco Borba", "vehicle": "moto",
             "availability": ["noite"]}  # fmt: skip
    kinds = {"name": "name", "city": "city", "vehicle": "vehicle", "availability": "availability"}
    context = ReadingContext(state="confirming", pending=Pending.CONFIRM,
                      intent="PYLOTO_ENTREGA_DRIVER_SIGNUP", slots=slots, kinds=kinds)  # fmt: skip
    said = "pera ta errado, meu nome é Anderson Lemes, nao Lima. e eu posso de tarde tbm"
    assert bundled_reader().read(said, context).fixes["name"] == "Anderson Lemes"
    wrong_first = bundled_reader().read("o nome tá errado, é Anderson Lemes", context)
    assert wrong_first.fixes["name"] == "Anderson Lemes"


def test_booking_a_time_is_no_question_about_opening_hours() -> None:
    reading = bundled_reader().read("marcar horario sozinho da pra fazer?", NONE)
    assert reading.topic != "hours"
    assert bundled_reader().read("vcs abrem que horas?", NONE).topic == "hours"


def test_a_name_and_a_town_are_not_the_trouble_asked_about() -> None:
    context = asked("main_pain", "SAAS_COMMUNICATION")
    assert acts("Jessica, de irati", context) == {"NON_ANSWER"}


def test_a_correction_after_the_wrong_value_takes_the_right_one() -> None:
    slots = {"user_count": 70, "budget": 80000}
    kinds = {"user_count": "count", "budget": "budget"}
    context = ReadingContext(state="confirming", pending=Pending.CONFIRM, intent="CUSTOM_SOFTWARE",
                             slots=slots, kinds=kinds)  # fmt: skip
    reading = bundled_reader().read("70 usuarios nao, sao 35 no total", context)
    assert reading.fixes["user_count"] == 35
