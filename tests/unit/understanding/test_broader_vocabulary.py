"""Broader vocabularies (rules only, without the model): support with what Pyloto runs,
opt-outs and abuse said in other words, side questions, Spanish, small talk."""

from __future__ import annotations

from functools import cache

import pytest

from pyloto_corp.adapters.language.resources import (
    bundled_classifier,
    bundled_cues,
    bundled_gazetteer,
)
from pyloto_corp.domain.understanding.acts import ReadingContext
from pyloto_corp.domain.understanding.reader import TurnReader

NONE = ReadingContext()


@cache
def rules() -> TurnReader:
    """The rules alone: a reader of its own, never the shared one with its model."""
    return TurnReader(bundled_cues(), bundled_classifier(), bundled_gazetteer())


def acts(text: str) -> set[str]:
    return {a.value for a in rules().read(text, NONE).acts}


@pytest.mark.parametrize(
    ("text", "act"),
    [
        ("o sistema de estoque que vcs fizeram ta duplicando os produtos", "SUPPORT_ISSUE"),
        ("sou entregador e to ha 3 semanas sem receber os repasses", "SUPPORT_ISSUE"),
        ("o entregador chegou bebado aqui, que isso gente", "SUPPORT_ISSUE"),
        ("sai do meu whatsapp", "OPT_OUT"),
        ("tira eu dai", "OPT_OUT"),
        ("descadastra meu zap por favor", "OPT_OUT"),
        ("vcs sao uma piada, empresinha de fundo de quintal", "ABUSE"),
        ("🖕🖕🖕", "ABUSE"),
        ("vcs trabalham feriado?", "SIDE_QUESTION"),
        ("no entiendo nada, ¿hablan español?", "OTHER_LANGUAGE"),
        ("hmmm interessante", "SMALL_TALK"),
    ],
)
def test_broader_words_are_read(text: str, act: str) -> None:
    assert act in acts(text)


@pytest.mark.parametrize(
    ("text", "act"),
    [
        ("quero um sistema pra coleta de lixo do condominio", "ABUSE"),
        ("cadastro dos animais da clinica", "ABUSE"),
        ("o pedido sai do meu restaurante as 18h", "OPT_OUT"),
        ("opa, cliquei errado, quero cadastrar meu mercado", "SUPPORT_ISSUE"),
        ("🖕🖕🖕", "SMALL_TALK"),
    ],
)
def test_normal_requests_are_not_silenced(text: str, act: str) -> None:
    assert act not in acts(text)
