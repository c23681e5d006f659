"""Questions of one's own in the middle of a form, a change of mind, stop words in any
language, a role asked for politely."""

from __future__ import annotations

import pytest

from pyloto_corp.adapters.language.resources import bundled_reader
from pyloto_corp.domain.understanding.acts import Pending, ReadingContext

VEHICLE = ReadingContext(state="collecting", pending=Pending.SLOT,
                         intent="PYLOTO_ENTREGA_DRIVER_SIGNUP", slot="vehicle",
                         slot_kind="vehicle")  # fmt: skip
NAME = ReadingContext(
    state="collecting",
    pending=Pending.SLOT,
    intent="PYLOTO_ENTREGA_DRIVER_SIGNUP",
    slot="name",
    slot_kind="name",
)
CITY = ReadingContext(
    state="collecting",
    pending=Pending.SLOT,
    intent="PYLOTO_ENTREGA_MERCHANT_SIGNUP",
    slot="city",
    slot_kind="city",
)
NONE = ReadingContext()


def read(text: str, context: ReadingContext) -> tuple[set[str], str | None]:
    reading = bundled_reader().read(text, context)
    return {a.value for a in reading.acts}, reading.topic


@pytest.mark.parametrize(
    "text",
    ["o seguro é por conta de vcs ou minha?", "e vcs fornecem a bag térmica?"],
)
def test_a_question_of_ones_own_is_asked_aside(text: str) -> None:
    assert read(text, VEHICLE)[0] == {"SIDE_QUESTION"}


def test_a_question_with_no_topic_of_its_own_is_other() -> None:
    assert read("o seguro fica por conta de vcs?", VEHICLE) == ({"SIDE_QUESTION"}, "other")


def test_an_answer_and_a_question_aside() -> None:
    acts = read("tenho uma biz 125. o pagamento cai toda sexta?", VEHICLE)[0]
    assert acts == {"ANSWER", "SIDE_QUESTION"}


@pytest.mark.parametrize("text", ["pra q vc precisa do meu nome?", "como assim?", "quais?"])
def test_a_question_about_the_question_is_no_aside(text: str) -> None:
    assert read(text, NAME)[0] == {"NON_ANSWER"}


def test_a_change_of_mind_is_a_topic_change_not_a_correction() -> None:
    reading = bundled_reader().read("mudei de ideia, quero é fazer entregas de moto", CITY)
    assert act_values(reading) == {"TOPIC_CHANGE"}
    assert reading.intent == "PYLOTO_ENTREGA_DRIVER_SIGNUP"


@pytest.mark.parametrize("text", ["STOP", "unsubscribe please", "Stop!"])
def test_a_stop_word_is_a_stop_in_any_language(text: str) -> None:
    assert read(text, NONE)[0] == {"OPT_OUT"}


def test_a_stop_with_more_said_keeps_its_language() -> None:
    assert read("please stop sending me these messages", NONE)[0] == {"OPT_OUT", "OTHER_LANGUAGE"}


@pytest.mark.parametrize("text", ["atendente por favor", "gerente pfv"])
def test_a_role_asked_politely_is_a_human_request(text: str) -> None:
    assert read(text, NONE)[0] == {"HUMAN_REQUEST"}


def act_values(reading: object) -> set[str]:
    return {a.value for a in reading.acts}  # type: ignore[attr-defined]


PAIN = ReadingContext(state="collecting", pending=Pending.SLOT, intent="SAAS_COMMUNICATION",
                      slot="main_pain", slot_kind="text")  # fmt: skip


@pytest.mark.parametrize("text", ["ja expliquei acima", "te disse lá em cima", "já falei antes"])
def test_pointing_back_is_no_value(text: str) -> None:
    """ "já expliquei acima" never becomes the value "acima"."""
    reading = bundled_reader().read(text, PAIN)
    assert reading.answer is None and "ANSWER" not in {a.value for a in reading.acts}


def test_pointing_back_then_saying_it_keeps_what_was_said() -> None:
    reading = bundled_reader().read("já expliquei acima: o pessoal perde pedido no zap", PAIN)
    assert reading.answer == "o pessoal perde pedido no zap"


SUMMARY = ReadingContext(state="confirming", pending=Pending.CONFIRM, intent="CUSTOM_SOFTWARE",
                         slots={"problem": "estoque", "deadline": "2027-03-31"})  # fmt: skip
USERS = ReadingContext(state="collecting", pending=Pending.SLOT, intent="CUSTOM_SOFTWARE",
                       slot="user_count", slot_kind="count")  # fmt: skip


def test_a_question_about_the_summary_is_no_aside() -> None:
    assert "SIDE_QUESTION" not in read("vc conseguiu anotar o prazo de março certinho?", SUMMARY)[0]


def test_an_answer_asked_as_a_question_is_an_answer() -> None:
    assert read("será que 3 pessoas tá bom?", USERS)[0] == {"ANSWER"}


GOAL = ReadingContext(state="collecting", pending=Pending.SLOT, intent="SAAS_COMMUNICATION",
                      slot="automation_goal", slot_kind="text")  # fmt: skip


def test_wanting_both_adds_the_other_need() -> None:
    reading = bundled_reader().read(
        "pensando bem quero os dois, o robo e o sistema de estoque", GOAL
    )
    assert act_values(reading) == {"TOPIC_CHANGE"} and reading.intent == "CUSTOM_SOFTWARE"
    assert not reading.negates
