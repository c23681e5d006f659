"""Rules only (no learned model): a need in a later sentence, yes/no variety, corrections."""

from __future__ import annotations

import pytest

from pyloto_corp.adapters.language.resources import (
    bundled_classifier,
    bundled_cues,
    bundled_gazetteer,
)
from pyloto_corp.domain.understanding.acts import Pending, ReadingContext
from pyloto_corp.domain.understanding.reader import TurnReader

CITY = ReadingContext(state="collecting", pending=Pending.SLOT, intent="CUSTOM_SOFTWARE",
                      slot="city", slot_kind="city")  # fmt: skip
CHANNELS = ReadingContext(state="collecting", pending=Pending.SLOT, intent="SAAS_COMMUNICATION",
                          slot="channels", slot_kind="channels")  # fmt: skip
FEATURES = ReadingContext(state="collecting", pending=Pending.SLOT, intent="CUSTOM_SOFTWARE",
                          slot="features", slot_kind="text")  # fmt: skip
PROBLEM = ReadingContext(state="collecting", pending=Pending.SLOT, intent="CUSTOM_SOFTWARE",
                         slot="problem", slot_kind="text")  # fmt: skip
CONFIRM = ReadingContext(state="confirming", pending=Pending.CONFIRM, intent="CUSTOM_SOFTWARE",
                         slots={"city": "Curitiba", "name": "Ana"})  # fmt: skip
MORE = ReadingContext(state="info_given", pending=Pending.ANYTHING_ELSE, intent="INSTITUTIONAL")


@pytest.fixture(scope="module")
def rules() -> TurnReader:
    """The rules alone: a reader of its own, never the shared one with its model."""
    return TurnReader(bundled_cues(), bundled_classifier(), bundled_gazetteer())


@pytest.mark.parametrize(
    ("text", "context", "expected"),
    [
        ("Joinville. e outra coisa, vcs fazem site? quero um pra minha loja", CITY,
         {"ANSWER", "TOPIC_CHANGE"}),
        ("ta certo sim. e tb preciso de um motoboy pra levar uns documentos hoje", CONFIRM,
         {"AFFIRM", "TOPIC_CHANGE"}),
        ("Joinville. qual o cnpj de vcs?", CITY, {"ANSWER", "SIDE_QUESTION"}),
        ("Boa tarde. Tenho uma transportadora e o controle de fretes ainda é feito na mão",
         PROBLEM, {"ANSWER", "GREETING"}),
        ("ta certinho", CONFIRM, {"AFFIRM"}),
        ("uai, ta certim sim", CONFIRM, {"AFFIRM"}),
        ("show, ta tudo certo. vlw", CONFIRM, {"AFFIRM", "THANKS_GOODBYE"}),
        ("a cidade ta errada, é Londrina", CONFIRM, {"DENY", "CORRECTION"}),
        ("tem sim mano", MORE, {"AFFIRM"}),
        ("por enquanto é isso", MORE, {"DENY"}),
        ("agora nao, mas me procura depois do feriado", MORE, {"FOLLOWUP_REQUEST"}),
        ("pera, digitei meu nome errado, é Jaqueline", CITY, {"CORRECTION"}),
        ("os motoboys de vcs levam coisa pesada?", MORE, {"SIDE_QUESTION"}),
    ],
)  # fmt: skip
def test_rules_read(rules: TurnReader, text: str, context: ReadingContext, expected: set) -> None:
    assert {a.value for a in rules.read(text, context).acts} == expected


def test_a_later_need_said_after_answering_is_the_one_named(rules: TurnReader) -> None:
    text = "instagram so. e outra coisa, vcs fazem entrega? tenho uma caixa"
    reading = rules.read(text, CHANNELS)
    assert reading.intent == "PYLOTO_ENTREGA_REQUEST" and not reading.negates


def test_a_later_need_after_giving_up_the_current_one_replaces_it(rules: TurnReader) -> None:
    text = "olha, repensei e nao vou fazer o app agora. mas quero mandar uma entrega hoje"
    reading = rules.read(text, FEATURES)
    assert {a.value for a in reading.acts} == {"TOPIC_CHANGE"} and reading.negates
