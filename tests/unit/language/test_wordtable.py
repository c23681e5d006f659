"""The classifier's per-word shortcuts give exactly what the plain definitions give."""

from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pyloto_corp.adapters.language.resources import bundled_classifier, bundled_lexicon
from pyloto_corp.domain.language.lexicon import TokenPattern
from pyloto_corp.domain.language.matching import CueIndex
from pyloto_corp.domain.language.model import features
from pyloto_corp.domain.language.normalize import tokens
from pyloto_corp.domain.language.patterns import PatternIndex
from pyloto_corp.domain.language.wordtable import WordTable, add_rule_scores, cue_scores

CORPUS = Path(__file__).resolve().parents[3] / "corpus" / "intents"
lexicon = bundled_lexicon()
classifier = bundled_classifier()
index = CueIndex(lexicon)
table = WordTable(lexicon, index)
PATTERNS = list(
    dict.fromkeys(
        [p for cue in lexicon.cues for p in cue.patterns]
        + [p for rule in lexicon.rules for p in rule.requires]
        + list(lexicon.multi_need_markers)
    )
)
pattern_index = PatternIndex(PATTERNS)
TEXTS = [
    json.loads(line)["text"]
    for name in ("train.jsonl", "dev.jsonl")
    for line in (CORPUS / name).read_text(encoding="utf-8").splitlines()
]
CHAT = ["nao", "quero", "ser", "entregador", "motoboy", "e", "tambem", "site", "app", "vcs"]
LETTERS = st.text(alphabet="abcdeilmnoprstuvz", min_size=1, max_size=12)


def _reference_scores(words: list[str]) -> dict:
    """Cue and rule scores straight from ``CueIndex.matches`` and ``TokenPattern.matches``."""
    totals: dict = defaultdict(float)
    for cue in index.matches(words):
        totals[cue.intent] += cue.weight
    for rule in lexicon.rules:
        if all(any(index.word_matches(p, w) for w in words) for p in rule.requires):
            totals[rule.intent] += rule.weight
    return {intent: score for intent, score in totals.items() if score > 0}


@settings(max_examples=300, deadline=None)
@given(LETTERS, st.booleans())
def test_pattern_index_matches_like_every_pattern(token: str, suffixes: bool) -> None:
    expected = {k for k, p in enumerate(PATTERNS) if p.matches(token, suffixes=suffixes)}
    assert pattern_index.matching(token, suffixes=suffixes) == expected


@pytest.mark.parametrize("token", ["motoboy", "moto", "pizzaria", "gostaria", "ria", "tambem"])
def test_pattern_index_on_lexicon_words(token: str) -> None:
    for suffixes in (True, False):
        expected = {k for k, p in enumerate(PATTERNS) if p.matches(token, suffixes=suffixes)}
        assert pattern_index.matching(token, suffixes=suffixes) == expected


def test_prefix_and_suffix_need_their_length() -> None:
    found = PatternIndex([TokenPattern.parse("moto*|*aria")])
    assert found.matching("moto") == {0}
    assert not found.matching("mot")
    assert found.matching("padaria") == {0}
    assert not found.matching("aria")  # a suffix needs a three-letter stem before it
    assert not found.matching("padaria", suffixes=False)


def test_scores_are_the_reference_scores_in_the_same_order() -> None:
    for text in TEXTS:
        words = classifier.words(text)
        expected = _reference_scores(words)
        found = cue_scores(table.read(words))
        add_rule_scores(table.read(words), table.rules, found)
        assert [(i, s) for i, s in found.items() if s > 0] == list(expected.items())
        assert list(classifier.scores(words).items()) == list(expected.items())


def test_words_are_the_corrected_tokens() -> None:
    for text in TEXTS[:300]:
        assert classifier.words(text) == index.correct(tokens(text, lexicon.abbreviations))


def test_logits_are_the_model_logits_bit_for_bit() -> None:
    model = lexicon.model
    assert model is not None
    for text in TEXTS:
        words = classifier.words(text)
        scores = classifier.scores(words)
        expected = model.logits(features(words, scores))
        found = classifier._logits([table.word(w) for w in words], scores, model.bias)
        assert found == expected


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(CHAT), max_size=9))
def test_repeated_and_negated_words_score_like_the_reference(words: list[str]) -> None:
    found = classifier.words(" ".join(words))
    assert list(classifier.scores(found).items()) == list(_reference_scores(found).items())
