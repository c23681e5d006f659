"""Act cues: phrase sets with prefix patterns, coverage, and a malformed document refused."""

from __future__ import annotations

import copy

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
