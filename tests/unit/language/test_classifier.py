"""The lexicon classifier: context rules, low-confidence path, properties and the corpus bar."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pyloto_corp.adapters.language.resources import bundled_classifier
from pyloto_corp.domain.intents import Intent
from pyloto_corp.domain.language.evaluation import Example, evaluate, render

CORPUS = Path(__file__).resolve().parents[3] / "corpus" / "intents"
classifier = bundled_classifier()


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("manda um motoboy aqui no escritorio levar um envelope", Intent.PYLOTO_ENTREGA_REQUEST),
        ("quais documentos preciso pra rodar de motoboy?", Intent.PYLOTO_ENTREGA_DRIVER_SIGNUP),
        ("me conta o que vcs fazem", Intent.INSTITUTIONAL),
        ("quero um aplicativo de delivery próprio", Intent.CUSTOM_SOFTWARE),
        ("quero terceirizar o delivery do meu restaurante", Intent.PYLOTO_ENTREGA_MERCHANT_SIGNUP),
        ("vcs tem vagas de programador?", Intent.INSTITUTIONAL),
        ("vcs tem vagas de motoboy?", Intent.PYLOTO_ENTREGA_DRIVER_SIGNUP),
        ("vcs fazem app?", Intent.CUSTOM_SOFTWARE),
        ("qro ser entregador", Intent.PYLOTO_ENTREGA_DRIVER_SIGNUP),
        (
            "tenho uma pizzaria e quero usar os motoboys de vcs",
            Intent.PYLOTO_ENTREGA_MERCHANT_SIGNUP,
        ),
        ("QUERO AUTOMATIZAR O ATENDIMENTO DO ZAP!!!", Intent.SAAS_COMMUNICATION),
        ("preciso d um motoby urgenteee 🏍️", Intent.PYLOTO_ENTREGA_REQUEST),
        ("não quero ser entregador, quero mandar uma encomenda", Intent.PYLOTO_ENTREGA_REQUEST),
        ("minha esfiharia precisa de entregadores à noite", Intent.PYLOTO_ENTREGA_MERCHANT_SIGNUP),
        ("qual o cnpj de vcs?", Intent.INSTITUTIONAL),
        ("vai chover amanhã?", Intent.UNSUPPORTED),
        ("bom diaaa", Intent.ENTRY_UNKNOWN),
    ],
)
def test_context_and_informal_spelling(text: str, intent: Intent) -> None:
    assert classifier.classify(text).intent is intent


def test_typos_one_letter_away_are_understood() -> None:
    assert classifier.classify("quero um aplicatvo").intent is Intent.CUSTOM_SOFTWARE
    assert classifier.classify("tem chatbott?").intent is Intent.SAAS_COMMUNICATION


def test_no_signal_goes_to_the_menu_not_a_guess() -> None:
    for text in ("", "   ", "?", "👍", "ok"):
        result = classifier.classify(text)
        assert result.intent is Intent.ENTRY_UNKNOWN
        assert result.confidence < 0.5


def test_substantive_message_outside_scope_is_unsupported() -> None:
    result = classifier.classify("quero adotar um gato")
    assert result.intent is Intent.UNSUPPORTED


def test_secondary_needs_only_when_the_person_joins_them() -> None:
    both = classifier.classify("quero um chatbot e também um site novo")
    assert both.intent is Intent.SAAS_COMMUNICATION
    assert both.secondary == (Intent.CUSTOM_SOFTWARE,)
    assert classifier.classify("preciso de um chatbot pro site").secondary == ()


def test_a_clear_message_is_more_confident_than_a_vague_one() -> None:
    clear = classifier.classify("quero terceirizar as entregas da minha pizzaria")
    vague = classifier.classify("queria saber das entregas")
    assert clear.confidence > vague.confidence


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=300))
def test_any_text_yields_a_valid_deterministic_answer(text: str) -> None:
    first = classifier.classify(text)
    assert 0.0 <= first.confidence <= 1.0
    assert first.intent not in first.secondary
    assert classifier.classify(text) == first


def _examples(name: str) -> list[Example]:
    lines = (CORPUS / name).read_text(encoding="utf-8").splitlines()
    return [Example(row["text"], Intent(row["intent"])) for row in map(json.loads, lines)]


def test_corpus_is_large_varied_and_split() -> None:
    train, dev = _examples("train.jsonl"), _examples("dev.jsonl")
    assert len(train) + len(dev) >= 1500
    assert all(sum(e.intent is i for e in dev) >= 40 for i in Intent)
    assert {e.intent for e in dev} == set(Intent) == {e.intent for e in train}
    assert not {e.text for e in train} & {e.text for e in dev}


def test_dev_split_reaches_the_bar() -> None:
    evaluation = evaluate(classifier, _examples("dev.jsonl"))
    report = render(evaluation)
    assert evaluation.accuracy >= 0.97, report
    assert all(evaluation.recall(i) >= 0.93 for i in Intent), report
    assert evaluation.wrong_sure_share <= 0.10, report
    assert "confusion" in report and "reliability" in report
