"""The company's name: after its kind ("padaria Pão Quente"), after "se chama", or where the
person works ("sou sócia da Bela Pele"); and whether the person writes for a business at all."""

from __future__ import annotations

import re
from collections.abc import Sequence

from pyloto_corp.domain.language.gazetteer import Gazetteer
from pyloto_corp.domain.language.normalize import fold
from pyloto_corp.domain.language.profile import (
    AT,
    DEFINITE,
    GENERIC,
    LINKS,
    MAX_NAME,
    NAMED,
    STOP,
    WORD,
    WORKS_AT,
    Said,
    capital,
)

_PERSONAL = re.compile(
    r"\b(?:pessoa fisica|pra mim mesm[oa]|para mim mesm[oa]|uso pessoal|nao tenho empresa|"
    r"nao sou empresa|nao e empresa|particular)\b"
)


def personal(said: Said) -> bool:
    """ "é pra mim mesmo, pessoa física": not a business."""
    return _PERSONAL.search(" ".join(said.low)) is not None


def company(said: Said, gazetteer: Gazetteer) -> str | None:
    """The company's name: after its kind ("padaria Pão Quente"), after "se chama", or the
    place the person works at ("sou da Zetta")."""
    low = said.low
    for i, word in enumerate(low):
        if word in gazetteer.business_kinds:
            definite = i > 0 and low[i - 1] in DEFINITE
            loose = definite and said.lower_typed and word not in GENERIC
            name = _name_at(said, i + 1, gazetteer, cued=loose)
            if name is None and _named_at(low, i + 1) is not None:
                definite = False  # "a empresa se chama Rocha & Filhos": the name alone
                name = _name_at(said, _named_at(low, i + 1) or 0, gazetteer, cued=True)
            if name is not None:
                kept = definite or capital(said.raw[i])  # "a padaria X", "Drogaria Vida"
                return f"{_title(said.raw[i])} {name}" if kept else name
            if (apart := _apposed(said, i, gazetteer)) is not None:
                return apart
        if _works_at(said, i, gazetteer):
            return _name_at(said, i + 2, gazetteer, cued=said.lower_typed)
    return None


def _apposed(said: Said, i: int, gazetteer: Gazetteer) -> str | None:
    """ "tenho uma hamburgueria em Foz, a Smash Bros Burger": the name set apart."""
    for j in range(i + 1, min(i + 8, len(said.low) - 2)):
        if said.low[j] == "," and said.low[j + 1] in ("a", "o") and capital(said.raw[j + 2]):
            return _name_at(said, j + 2, gazetteer)
        if said.low[j] in (".", ";", "!", "?"):
            return None
    return None


def _works_at(said: Said, i: int, gazetteer: Gazetteer) -> bool:
    """ "sou da Zetta", "sócia da Bela Pele", "dev na Flux Pay", "a Socorro do Sabor do Pará"."""
    low = said.low
    if i + 2 >= len(low) or low[i + 1] not in AT or not capital(said.raw[i + 2]):
        return False
    if low[i + 2] in gazetteer.business_kinds or places_word(low[i + 2], gazetteer):
        return False
    named = capital(said.raw[i]) and i > 0 and low[i - 1] in ("o", "a", "eh", "e")
    return low[i] in WORKS_AT or low[i] in gazetteer.roles or named


def _named_at(low: Sequence[str], at: int) -> int | None:
    for phrase in NAMED:
        size = len(phrase.split())
        if tuple(low[at : at + size]) == tuple(phrase.split()):
            return at + size
    return None


def _name_at(said: Said, at: int, gazetteer: Gazetteer, *, cued: bool = False) -> str | None:
    """Up to five words of a name; lower-case ones only after a cue ("se chama")."""
    words: list[str] = []
    for raw, low in zip(said.raw[at : at + MAX_NAME], said.low[at : at + MAX_NAME], strict=True):
        if raw == "&" and words:  # "Rocha & Filhos"
            words.append(raw)
            continue
        following = said.raw[at + len(words) + 1 : at + len(words) + 2]
        if words and low in ("a", "o", "e") and following and capital(following[0]):
            words.append(raw)  # "Pizzaria Forno a Lenha"
            continue
        named = bool(words) and capital(raw)  # "Sabor do Pará", "Farmácia Popular Centro"
        if not raw[0].isalnum() or (low in STOP and not named and not (words and low in LINKS)):
            break
        if not words and (low in LINKS or low in gazetteer.business_kinds or not raw.isalpha()):
            break
        if not (cued or capital(raw) or (words and (low in LINKS or raw.isdigit()))):
            break
        if words and words[-1].lower() in LINKS and _place_at(said, gazetteer, at + len(words)):
            words.pop()  # "Pão Quente de Castro": the city is no part of the name
            break
        words.append(raw)
    while words and (fold(words[-1]) in LINKS or words[-1] in ("&", "a", "o", "e")):
        words.pop()
    return " ".join(_title(w) if w.islower() else w for w in words) or None


_COMPANY_LEAD = re.compile(
    r"^(?:(?:o |a )?nome (?:dela |dele |da empresa |da loja |e |é |eh )*(?:e|é|eh|:)?|"
    r"(?:a |o )?(?:minha |nossa )?(?:empresa|loja|firma) (?:se chama|chama|e|é|eh|:)|"
    r"se chama|chama|somos (?:a|o)|(?:é|e|eh) (?:a|o))\s*(?:(?:a|o)\s+)?",
    re.IGNORECASE,
)
_NOT_A_COMPANY = re.compile(r"\b(?:nao tenho|nao e|nao eh|pra mim|pessoa fisica|nao sei|"
                            r"autonom[oa]|sou eu mesm[oa])\b")  # fmt: skip
MAX_COMPANY_WORDS = 6


def company_answer(text: str, gazetteer: Gazetteer) -> str | None:
    """ "Qual é o nome da empresa?" "a empresa é a Vidraçaria Horizonte" → the name itself."""
    said = Said.of(text)
    if _NOT_A_COMPANY.search(" ".join(said.low)):
        return None
    found = company(said, gazetteer)
    if found is not None:
        return found
    rest = re.split(r"[,;(]| - ", _COMPANY_LEAD.sub("", " ".join(text.split()), count=1))[0]
    words = [w for w in WORD.findall(rest) if w[0].isalnum()]
    if not words or len(words) > MAX_COMPANY_WORDS or sum(c.isalpha() for c in rest) < 2:
        return None
    return " ".join(_title(w) if w.islower() or w.isupper() else w for w in words)


def _place_at(said: Said, gazetteer: Gazetteer, at: int) -> bool:
    """A well-known city, or a municipality of two words or more ("de ponta grossa"); not
    any word that names some town ("Padaria Trigo de Ouro")."""
    if places_word(said.low[at], gazetteer):
        return True
    hit = gazetteer.places.cities.longest_at(said.low, at) if gazetteer.places else None
    return hit is not None and hit[1] > 1


def places_word(low: str, gazetteer: Gazetteer) -> bool:
    return (low,) in gazetteer.cities or low in gazetteer.states


def _title(word: str) -> str:
    return word if fold(word) in LINKS | {"a", "o"} else word[:1].upper() + word[1:]
