"""The language data is validated when loaded: a broken file never reaches production."""

from __future__ import annotations

import copy

import pytest

from pyloto_corp.adapters.language.resources import read_json
from pyloto_corp.domain.language.gazetteer import Gazetteer
from pyloto_corp.domain.language.lexicon import Lexicon, LexiconError, TokenPattern
from pyloto_corp.domain.language.normalize import fold, is_laughter, tokens

LEXICON = read_json("language/lexicon_pt_br.json")
GAZETTEER = read_json("language/gazetteer_pt_br.json")


def test_bundled_files_are_valid() -> None:
    assert Lexicon.from_dict(LEXICON).version.startswith("lexicon-pt-br")
    assert Gazetteer.from_dict(GAZETTEER).version.startswith("gazetteer-pt-br")


@pytest.mark.parametrize(
    "breakage",
    [
        lambda d: d.pop("intents"),
        lambda d: d["intents"].update({"NOT_AN_INTENT": {"x": 1}}),
        lambda d: d["intents"]["UNSUPPORTED"].update({"Mixed Case": 1}),
        lambda d: d["intents"]["UNSUPPORTED"].update({"word": "heavy"}),
        lambda d: d["rules"].append({"intent": "UNSUPPORTED", "all": [], "weight": 1}),
        lambda d: d["calibration"].update({"temperature": 0}),
        lambda d: d["calibration"].update({"fallback_confidence": 1.5}),
    ],
)
def test_malformed_lexicon_is_refused(breakage) -> None:
    doc = copy.deepcopy(LEXICON)
    breakage(doc)
    with pytest.raises(LexiconError):
        Lexicon.from_dict(doc)


def test_malformed_gazetteer_is_refused() -> None:
    doc = copy.deepcopy(GAZETTEER)
    doc["city_aliases"]["xyz"] = "Atlântida"
    with pytest.raises(LexiconError, match="unknown city"):
        Gazetteer.from_dict(doc)
    with pytest.raises(LexiconError):
        Gazetteer.from_dict({"version": "x"})


def test_token_patterns() -> None:
    pattern = TokenPattern.parse("moto*|motoca|*aria")
    assert pattern.matches("motoboy") and pattern.matches("motoca")
    assert pattern.matches("pizzaria") and not pattern.matches("pizzaria", suffixes=False)
    assert not pattern.matches("aria") and not pattern.matches("carro")
    with pytest.raises(LexiconError):
        TokenPattern.parse("a*")


def test_normalization() -> None:
    assert fold("Ôiii, MUUUITO obrigadaaa") == "oi, muito obrigada"
    assert tokens("vc faz app? pq qro", {"vc": "voce", "pq": "porque", "qro": "quero"}) == [
        "voce", "faz", "app", "porque", "quero"]  # fmt: skip
    assert tokens("Olá!!! 😀 tudo bem?") == ["ola", "tudo", "bem"]


@pytest.mark.parametrize("text", ["kkkkkk", "KKKK", "rsrs", "rsrsrs", "hahaha", "kkkk rsrs"])
def test_laughter(text: str) -> None:
    assert is_laughter(text)


@pytest.mark.parametrize("text", ["", "ok", "kk", "oi kkkk", "rsx"])
def test_not_laughter(text: str) -> None:
    assert not is_laughter(text)
