"""Broader rules: a problem with what Pyloto already runs, opt-outs said in passing, menu
choices said loosely, the need named after a negation (rules only, without the model)."""

from __future__ import annotations

from functools import cache

import pytest

from pyloto_corp.adapters.language.resources import (
    bundled_classifier,
    bundled_cues,
    bundled_gazetteer,
)
from pyloto_corp.domain.understanding.acts import Pending, ReadingContext
from pyloto_corp.domain.understanding.cues import PhraseSet
from pyloto_corp.domain.understanding.reader import TurnReader
from pyloto_corp.domain.understanding.spans import option_number

NONE = ReadingContext()
MORE = ReadingContext(state="info_given", pending=Pending.ANYTHING_ELSE, intent="INSTITUTIONAL")
VEHICLE = ReadingContext(state="collecting", pending=Pending.SLOT,
                         intent="PYLOTO_ENTREGA_DRIVER_SIGNUP", slot="vehicle",
                         slot_kind="vehicle")  # fmt: skip
MAIN_PAIN = ReadingContext(state="collecting", pending=Pending.SLOT, intent="SAAS_COMMUNICATION",
                           slot="main_pain", slot_kind="text")  # fmt: skip


@cache
def rules() -> TurnReader:
    """The rules alone: a reader of its own, never the shared one with its model."""
    return TurnReader(bundled_cues(), bundled_classifier(), bundled_gazetteer())


def acts(text: str, context: ReadingContext) -> set[str]:
    return {a.value for a in rules().read(text, context).acts}


@pytest.mark.parametrize(
    ("text", "context", "present", "absent"),
    [
        ("o sistema que vcs fizeram parou de emitir nota", NONE, "SUPPORT_ISSUE", None),
        ("o motoboy faltou hoje de novo", NONE, "SUPPORT_ISSUE", None),
        ("quero cancelar a coleta de amanha", NONE, "SUPPORT_ISSUE", None),
        ("de madrugada ninguem responde e perco venda", MAIN_PAIN, None, "SUPPORT_ISSUE"),
        ("me exclui dessa lista ai", NONE, "OPT_OUT", None),
        ("nao quero mais nada, obrigado", MORE, "THANKS_GOODBYE", "OPT_OUT"),
        ("so isso, e nao me mandem mais mensagens", MORE, "OPT_OUT", "THANKS_GOODBYE"),
        ("vcs tem vaga pra atendente?", NONE, "SIDE_QUESTION", "HUMAN_REQUEST"),
        ("quero falar com um analista", NONE, "HUMAN_REQUEST", None),
        ("seus caloteiros, cade meu repasse?", NONE, "ABUSE", None),
        ("moto. tem que ter bau?", VEHICLE, "SIDE_QUESTION", None),
        ("nao quero mais ser entregador, quero um sistema pra minha loja", VEHICLE,
         "TOPIC_CHANGE", None),
    ],
)  # fmt: skip
def test_broad_cues(text: str, context: ReadingContext, present: str | None,
                    absent: str | None) -> None:  # fmt: skip
    found = acts(text, context)
    assert present is None or present in found
    assert absent is None or absent not in found


def test_negation_without_a_new_need_keeps_the_reading() -> None:
    assert "TOPIC_CHANGE" not in acts("nao quero mais ser entregador", VEHICLE)
    assert "TOPIC_CHANGE" not in acts("nao quero mais ser entregador, tchau", VEHICLE)


@pytest.mark.parametrize(
    ("text", "expected"),
    [("6 por favor", 6), ("oi! 2 por favor", 2), ("a penultima", 5), ("vou querer a quarta", 4),
     ("la tercera", 3), ("the first one", 1), ("2 por dia", None)],
)  # fmt: skip
def test_loose_menu_numbers(text: str, expected: int | None) -> None:
    assert option_number(text, 6) == expected


def test_prefix_patterns_of_any_length() -> None:
    phrases = PhraseSet(["reclama*", "a*", "nao pago*", "x* y"])
    words = ["reclamacao", "abc", "nao", "pagou", "x", "y", "xz", "y", "a"]
    assert phrases.spans(words) == [(0, 1), (1, 2), (2, 4), (4, 6), (6, 8), (8, 9)]
