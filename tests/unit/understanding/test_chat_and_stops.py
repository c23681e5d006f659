"""Chat with nothing pending, stops said many ways, chain messages and scams."""

from __future__ import annotations

import pytest

from pyloto_corp.adapters.language.resources import bundled_reader
from pyloto_corp.domain.understanding.acts import ReadingContext

NONE = ReadingContext()
CLOSED = ReadingContext(state="closed")


def acts(text: str, context: ReadingContext = NONE) -> set[str]:
    return {a.value for a in bundled_reader().read(text, context).acts}


@pytest.mark.parametrize(
    "text", ["que sufoco o jogo do timão hein", "hoje o trânsito tá um inferno aqui"]
)
def test_chat_with_no_need_nor_question_is_small_talk(text: str) -> None:
    assert acts(text, CLOSED) == {"SMALL_TALK"}


def test_something_out_of_scope_asked_for_is_still_a_topic_change() -> None:
    assert acts("me indica um bom contador aí") == {"TOPIC_CHANGE"}


@pytest.mark.parametrize(
    "text",
    [
        "por gentileza, retirem meu número da lista de vocês",
        "não quero mais ser contatada por essa empresa",
        "peço que apaguem minhas informações",
        "se chegar mais uma mensagem eu bloqueio e denuncio",
    ],
)
def test_a_stop_said_politely_or_angrily(text: str) -> None:
    assert "OPT_OUT" in acts(text)


@pytest.mark.parametrize(
    "text",
    [
        "REPASSE PARA 10 CONTATOS OU VAI TER AZAR",
        "faz um pix de 50 reais pra chave 4299999 que eu libero seu cadastro",
    ],
)
def test_chain_messages_and_scams_are_abuse_not_complaints(text: str) -> None:
    assert acts(text) == {"ABUSE"}


def test_the_home_city_is_no_complaint() -> None:
    """ "Ponta Grossa" holds "grossa" (rude): asking for deliveries there is no support case."""
    assert "SUPPORT_ISSUE" not in acts("vcs fazem entrega em Ponta Grossa?")
    assert "SUPPORT_ISSUE" in acts("o entregador foi muito grosso com a minha mãe")


def test_asking_how_long_until_someone_calls_is_a_question_not_a_request() -> None:
    assert acts("e quanto tempo demora pra alguém me ligar?") == {"SIDE_QUESTION"}
