"""The turn reader: acts relative to what the bot asked last (SPEC §10)."""

from __future__ import annotations

import pytest

from pyloto_corp.adapters.language.resources import bundled_reader
from pyloto_corp.domain.understanding.acts import Act, Pending, ReadingContext

NONE = ReadingContext()
MENU = ReadingContext(state="menu", pending=Pending.MENU,
                      options=(("CUSTOM_SOFTWARE", "Sistemas sob medida"),
                               ("SAAS_COMMUNICATION", "Atendimento automático"),
                               ("PYLOTO_ENTREGA_REQUEST", "Pedir uma entrega")))  # fmt: skip
CITY = ReadingContext(state="collecting", pending=Pending.SLOT, intent="CUSTOM_SOFTWARE",
                      slot="city", slot_kind="city", slots={"problem": "estoque"})  # fmt: skip
PROBLEM = ReadingContext(state="collecting", pending=Pending.SLOT, intent="CUSTOM_SOFTWARE",
                         slot="problem", slot_kind="text")  # fmt: skip
CONFIRM = ReadingContext(state="confirming", pending=Pending.CONFIRM, intent="CUSTOM_SOFTWARE",
                         slots={"city": "Curitiba", "user_count": 5},
                         options=(("confirm_yes", "Sim, está certo"),
                                  ("confirm_no", "Quero corrigir")))  # fmt: skip
MORE = ReadingContext(state="info_given", pending=Pending.ANYTHING_ELSE, intent="INSTITUTIONAL")
FOLLOWUP = ReadingContext(state="followup_time", pending=Pending.FOLLOWUP_TIME)


def acts(text: str, context: ReadingContext) -> set[str]:
    return {a.value for a in bundled_reader().read(text, context).acts}


@pytest.mark.parametrize(
    ("text", "context", "expected"),
    [
        ("oi", NONE, {"GREETING"}),
        ("kkkkk", NONE, {"SMALL_TALK"}),
        ("obrigado!", NONE, {"THANKS_GOODBYE"}),
        ("quero falar com o gerente", CITY, {"HUMAN_REQUEST"}),
        ("parar", CITY, {"OPT_OUT"}),
        ("o entregador não apareceu até agora", NONE, {"SUPPORT_ISSUE"}),
        ("sim", CITY, {"NON_ANSWER"}),
        ("nao sei", PROBLEM, {"NON_ANSWER"}),
        ("Ponta Grossa", CITY, {"ANSWER"}),
        ("sim", CONFIRM, {"AFFIRM"}),
        ("não", MORE, {"DENY"}),
        ("nao, era so isso, valeu", MORE, {"DENY", "THANKS_GOODBYE"}),
        ("2", MENU, {"MENU_CHOICE"}),
        ("amanhã de manhã", FOLLOWUP, {"FOLLOWUP_REQUEST"}),
        ("vtnc pyloto", NONE, {"ABUSE"}),
    ],
)
def test_acts_in_context(text: str, context: ReadingContext, expected: set[str]) -> None:
    assert acts(text, context) == expected


def test_a_side_question_keeps_the_answer_given_with_it() -> None:
    reading = bundled_reader().read("Londrina. vcs ficam onde?", CITY)
    assert reading.has(Act.ANSWER, Act.SIDE_QUESTION)
    assert (reading.answer, reading.topic) == ("Londrina", "where")


def test_a_negated_topic_change_names_the_new_need() -> None:
    reading = bundled_reader().read("não quero mais o app, quero um chatbot no whatsapp", PROBLEM)
    assert Act.TOPIC_CHANGE in reading.acts
    assert (reading.intent, reading.negates) == ("SAAS_COMMUNICATION", True)


def test_a_menu_number_is_the_option_it_names() -> None:
    reading = bundled_reader().read("opção 3", MENU)
    assert (reading.choice, reading.intent) == ("PYLOTO_ENTREGA_REQUEST", "PYLOTO_ENTREGA_REQUEST")


def test_followup_time_is_kept_in_the_persons_words() -> None:
    reading = bundled_reader().read("pode me ligar amanhã à tarde", CITY)
    assert Act.FOLLOWUP_REQUEST in reading.acts and reading.when == "amanhã à tarde"


def test_english_is_recognised() -> None:
    reading = bundled_reader().read("Hello, do you build mobile apps?", NONE)
    assert Act.OTHER_LANGUAGE in reading.acts and reading.language == "en"


def test_a_correction_at_the_confirmation() -> None:
    assert "CORRECTION" in acts("na verdade a cidade é Londrina", CONFIRM)
