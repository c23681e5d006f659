"""Act cues: phrase sets with prefix patterns, coverage, and a malformed document refused."""

from __future__ import annotations

import copy
import random

import pytest

from pyloto_corp.adapters.language.resources import bundled_lexicon, read_json
from pyloto_corp.domain.understanding.cues import ActCues, CuesError, PhraseSet, covered


def test_a_prefix_pattern_matches_any_word_starting_with_it() -> None:
    phrases = PhraseSet(["reclama*", "cobrad* errado", "nao chegou", ""])
    assert phrases.find(["quero", "reclamar"])
    assert phrases.spans(["fui", "cobrado", "errado"]) == [(1, 3)]
    assert not phrases.find(["cobrado", "certo"])
    assert phrases.whole(["nao", "chegou"]) and not phrases.whole(["nao", "chegou", "ainda"])
    assert phrases.starts(["nao", "chegou", "ainda"]) == 2
    assert phrases.starts(["ainda", "nao", "chegou"]) == 0
    assert ("reclama*",) in phrases.entries


def test_a_phrase_running_past_the_message_end_is_not_found() -> None:
    assert not PhraseSet(["nao chegou"]).find(["nao"])


def test_covered_needs_every_word_in_a_phrase() -> None:
    laughter, thanks = PhraseSet(["kkk"]), PhraseSet(["valeu", "tchau"])
    assert covered(["kkk", "valeu", "tchau"], laughter, thanks)
    assert not covered(["kkk", "valeu", "amanha"], laughter, thanks)
    assert not covered([], laughter)


def _doc() -> dict:
    return copy.deepcopy(read_json("language/acts_pt_br.json"))


def test_phrases_are_read_through_the_chat_abbreviations() -> None:
    cues = ActCues.from_dict(_doc(), bundled_lexicon().abbreviations)
    assert cues.small_talk.find(["esta", "bom"])  # "ta bom"
    assert cues.abbreviations["vc"] == "voce"
    assert cues.fields["city"].find(["a", "cidade"])
    with pytest.raises(AttributeError):
        _ = cues.not_a_phrase_set


def test_fields_are_optional() -> None:
    doc = _doc()
    del doc["fields"]
    assert ActCues.from_dict(doc, {}).fields == {}


@pytest.mark.parametrize(
    "breakage",
    [
        lambda d: d["phrases"].pop("greeting"),
        lambda d: d["topics"].pop("price"),
        lambda d: d.pop("languages"),
        lambda d: d.__setitem__("emoji_goodbye", None),
        lambda d: d.__setitem__("phrases", []),
    ],
)
def test_a_malformed_document_is_refused(breakage) -> None:
    doc = _doc()
    breakage(doc)
    with pytest.raises(CuesError, match="malformed act cues"):
        ActCues.from_dict(doc, {})


def _naive_spans(phrases: list[str], words: tuple[str, ...]) -> list[tuple[int, int]]:
    """Every phrase tried at every position: what the indexed scan must find, in order."""
    found = []
    for i in range(len(words)):
        for entry in (tuple(p.split()) for p in phrases):
            end = i + len(entry)
            fits = end <= len(words) and all(
                w.startswith(e[:-1]) if e.endswith("*") else w == e
                for e, w in zip(entry, words[i:end], strict=True)
            )
            if fits:
                found.append((i, end))
    return sorted(found)


def test_the_indexed_scan_finds_what_trying_every_phrase_finds() -> None:
    phrases = ["nao quero", "nao quero mais", "reclama*", "a*", "me tira da lista", "tira",
               "ab* cd", "x", "quero* mais*"]  # fmt: skip
    vocabulary = ["nao", "quero", "mais", "reclamacao", "reclamar", "a", "ab", "abc", "cd",
                  "me", "tira", "da", "lista", "x", "queroo", "maisss", "b"]  # fmt: skip
    rng = random.Random(7)
    phrase_set = PhraseSet(phrases)
    for _ in range(2000):
        words = tuple(rng.choice(vocabulary) for _ in range(rng.randint(0, 9)))
        assert sorted(phrase_set.spans(words)) == _naive_spans(phrases, words)
