"""fold/tokens: the fast paths (ASCII, per-character table, doubled-letter skip) equal the
general path, the whole text folded at once as the first version of ``fold`` did."""

from __future__ import annotations

import random
import re
import unicodedata

import pytest

from pyloto_corp.domain.language import normalize
from pyloto_corp.domain.language.normalize import fold, is_laughter, tokens

_STRETCHED = re.compile(r"([a-z])\1{2,}")
_DOUBLED_FINAL_VOWEL = re.compile(r"([aeiu])\1\b")
_NON_WORD = re.compile(r"[^a-z0-9]+")
_LAUGHTER = re.compile(r"^(?:k{3,}|(?:rs)+|(?:ha){2,}|(?:he){2,}|(?:hue){2,}|(?:ah){2,})$")

MIXED = [
    "",
    " ",
    "\x00",
    "a\x00b",
    "Oi, tudo bem?",
    "MUUUITO OBRIGADOOO!!!",
    "bom diaa",
    "vcs tão aí?",
    "ÁÉÍÓÚÇÃÕâêô",
    "São Paulo - SP",
    "ﬁm da ﬂor",
    "１２３ ＡＢＣ",
    "👍🏽 👨‍👩‍👧‍👦 ❤️ 🇧🇷",
    "e\u0301 a\u0303o",
    "\u0301\u0301x",
    "a\u0323\u0301 ạ́",
    "\u202eabc\u202c \u200f",
    "\ufffd abc",
    "Straße ΣΑΣ İı",
    "kkkkkk rsrs hahaha",
    "aa ee ii uu oo aaa",
    "uuu\u00e1\u00e1",
    "carro  passo..  voo",
    "Ⅻ ½ ² ℃ ™",
    "한국어 日本語",
    "ﾊﾟ ｶﾞ",
    "\t\n\r\x0b\x85\u2028",
    "x" * 3000,
    "Ôôô Êêê diaaa" * 50,
]


def _fold_general(text: str) -> str:
    """The first ``fold``: the whole text decomposed, then two passes for stretched letters."""
    plain = normalize._plain_general(text)
    return _DOUBLED_FINAL_VOWEL.sub(r"\1", _STRETCHED.sub(r"\1", plain))


def _mix() -> list[str]:
    rnd = random.Random(20)
    alphabet = "aAáÁãÃçÇéÊeEiIuUkrsh 0１9.!ﬁ👍\u200d\u0301\u0323\u0327\x00" + "".join(
        map(chr, range(0x20, 0x250))
    )
    randoms = ["".join(rnd.choices(alphabet, k=rnd.randint(0, 30))) for _ in range(3000)]
    singles = [chr(c) for c in range(0x3000)]
    return MIXED + randoms + singles + [c * 3 for c in singles] + [f"a{c}a " for c in singles]


def test_fold_equals_the_general_path() -> None:
    for text in _mix():
        assert fold.__wrapped__(text) == _fold_general(text), repr(text)


def test_plain_fast_paths_equal_the_general_path() -> None:
    for text in _mix():
        assert normalize._plain(text) == normalize._plain_general(text), repr(text)
        assert text.translate(normalize._PLAIN) == normalize._plain_general(text), repr(text)


@pytest.mark.parametrize("abbreviations", [None, {}, {"vcs": "voces", "ta": "esta", "q": "que"}])
def test_tokens_equal_the_general_path(abbreviations: dict[str, str] | None) -> None:
    for text in _mix():
        words = _NON_WORD.sub(" ", _fold_general(text)).split()
        if abbreviations:
            words = [w for word in words for w in abbreviations.get(word, word).split()]
        assert tokens(text, abbreviations) == words, repr(text)


def test_examples() -> None:
    assert fold("MUUUITO obrigadooo, bom diaa, voo") == "muito obrigado, bom dia, voo"
    assert fold("Ação é ﬁm") == "acao e fim"
    assert tokens("Vcs tão aí?", {"vcs": "voces", "tao": "estao"}) == ["voces", "estao", "ai"]
    assert unicodedata.combining(fold("a\u0301")[-1]) == 0


def test_is_laughter_equals_the_general_path() -> None:
    texts = [*_mix(), "KKK rsrs", "hahaha!", "kkk ok", "ahah huehue", "ſſ", "\u212akk", "ı"]
    for text in texts:
        words = _NON_WORD.sub(" ", text.casefold()).split()
        expected = bool(words) and all(_LAUGHTER.match(w) for w in words)
        assert is_laughter(text) == expected, repr(text)
