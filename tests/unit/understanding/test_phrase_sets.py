"""Phrase sets scanned together find exactly what each set finds alone."""

from __future__ import annotations

import random

import pytest

from pyloto_corp.adapters.language.resources import bundled_reader
from pyloto_corp.domain.understanding import phrase_sets
from pyloto_corp.domain.understanding.phrase_sets import PhraseSet, Scanner

GROUPS = (
    ["nao quero", "nao quero mais", "reclama*", "tira"],
    ["a*", "me tira da lista", "nao", "nao"],  # a phrase listed twice is found twice
    ["ab* cd", "x", "quero* mais*", "reclamacao"],
    [],
)
VOCABULARY = ["nao", "quero", "mais", "reclamacao", "reclamar", "a", "ab", "abc", "cd", "me",
              "tira", "da", "lista", "x", "queroo", "maisss", "b"]  # fmt: skip


def _joined() -> list[PhraseSet]:
    sets = [PhraseSet(g) for g in GROUPS]
    Scanner(sets)
    return sets


def test_sets_scanned_together_find_what_each_finds_alone() -> None:
    alone, joined = [PhraseSet(g) for g in GROUPS], _joined()
    rng = random.Random(11)
    for _ in range(1500):
        words = [rng.choice(VOCABULARY) for _ in range(rng.randint(0, 8))]
        for single, shared in zip(alone, joined, strict=True):
            assert shared.spans(words) == single.spans(words)
            assert shared.find(words) == bool(single.spans(words))
            assert shared.whole(words) == single.whole(words)
            assert shared.starts(words) == single.starts(words)


def test_a_phrase_listed_twice_is_found_twice() -> None:
    assert PhraseSet(["nao", "nao"]).spans(["nao"]) == [(0, 1), (0, 1)]


@pytest.mark.parametrize("kept", ["SEEN_KEPT", "WORDS_KEPT"])
def test_the_caches_stay_bounded_and_right(monkeypatch: pytest.MonkeyPatch, kept: str) -> None:
    monkeypatch.setattr(phrase_sets, kept, 2)
    sets = _joined()
    for words in (["nao", "quero"], ["x"], ["tira", "nao"], ["nao", "quero"], ["abc", "cd"]):
        assert sets[0].spans(words) == PhraseSet(GROUPS[0]).spans(words)
    cache = {"SEEN_KEPT": sets[0]._scanner._seen, "WORDS_KEPT": sets[0]._scanner._by_word}[kept]
    assert len(cache) <= 2


def _w(text: str) -> list[str]:
    return text.split()


def test_a_phrase_overlapping_an_exception_is_not_found() -> None:
    stops, leaving = _joined()[0], PhraseSet(["sair do caderno", "tira o"])
    Scanner([leaving])
    stops.unless(leaving)
    words = _w("quero sair do caderno nao quero mais")
    assert stops.spans(words) == [(4, 6), (4, 7)]
    assert not stops.find(_w("tira o pe")) and stops.whole(_w("tira"))
    assert stops.starts(_w("nao quero mais")) == 3


def test_the_document_declares_its_exceptions() -> None:
    cues = bundled_reader().cues
    assert cues.opt_out.find(["sair"]) and not cues.opt_out.find(_w("quero sair do caderno"))
    assert not cues.topics["where"].find(_w("do meu escritorio"))
