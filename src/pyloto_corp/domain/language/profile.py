"""Who is writing: the business kind in the person's own words, the company's name and the
person's role ("sou sócio da Pizzaria Bella Massa", "tenho uma clínica" → owner)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from pyloto_corp.domain.language.gazetteer import Gazetteer
from pyloto_corp.domain.language.normalize import fold

_WORD = re.compile(r"[^\W_]+(?:['’&-][^\W_]+)*|[,.;:!?()]")
OWNERSHIP = frozenset(("minha", "meu", "nossa", "nosso", "tenho", "temos", "uma", "um", "da",
                       "do", "na", "no", "somos", "dono", "dona", "socio", "socia", "abri",
                       "montei", "toco", "tocamos", "gerencio", "administro"))  # fmt: skip
OWNED = frozenset(("tenho", "temos", "abri", "montei", "toco", "tocamos"))  # "minha loja": maybe
DEFINITE = frozenset(("da", "do", "na", "no", "a", "o"))
AT = frozenset(("da", "do", "na", "no"))  # "sou da Zetta"; "sou a Ana" is a name
WORKS_AT = frozenset(("sou", "somos", "trabalho", "falo", "aqui", "represento", "trabalhamos"))
NAMED = ("se chama", "chamada", "chamado", "chama", "de nome", "nome e", "nome dela e",
         "nome dele e")  # fmt: skip
LINKS = frozenset(("de", "da", "do", "das", "dos", "e"))
STOP = frozenset(("em", "aqui", "que", "pra", "para", "preciso", "quero", "gostaria", "queria",
                  "tenho", "com", "sou", "somos", "no", "na", "ha", "faz", "ja", "a", "o", "tb",
                  "tambem", "mas", "porque", "pq", "estou", "to", "vendemos", "vendo", "atendo",
                  "atendemos", "trabalho", "trabalhamos", "fica", "localizada", "localizado",
                  "centro", "bairro", "gostariamos", "precisamos", "queremos", "oi",
                  "ola", "como", "falando"))  # fmt: skip
ROLE_CUES = frozenset(("sou", "como", "cargo", "atuo", "trabalho", "sendo", "eh", "e", "eu"))
NOT_ROLE_BEFORE = frozenset(("meu", "minha", "com", "o", "os", "pro", "pra", "ao", "seu", "sua"))
MAX_NAME = 5


@dataclass(frozen=True, slots=True)
class Said:
    """Words as typed (``raw``) and folded (``low``), punctuation kept as its own word."""

    raw: tuple[str, ...]
    low: tuple[str, ...]

    @classmethod
    def of(cls, text: str) -> Said:
        raw = tuple(_WORD.findall(text))
        return cls(raw, tuple(fold(w) for w in raw))


def business_kind(said: Said, gazetteer: Gazetteer) -> tuple[int, str] | None:
    """ "tenho uma loja de roupas" → (index, "loja de roupas"), in the person's spelling."""
    for i, word in enumerate(said.low):
        if word in gazetteer.business_kinds and OWNERSHIP & set(said.low[max(0, i - 3) : i]):
            end = i + 1
            if end + 1 < len(said.low) and said.low[end] in ("de", "do", "da") and (
                said.low[end + 1] not in STOP and said.low[end + 1].isalpha()
                and not _capital(said.raw[end + 1])):  # fmt: skip
                end += 2
                if end < len(said.low) and _adjective(said, end):
                    end += 1
            return i, " ".join(said.raw[i:end]).lower()
    return None


def _adjective(said: Said, at: int) -> bool:
    word = said.low[at]
    return (
        word.isalpha()
        and word not in STOP | LINKS
        and word.endswith(("a", "o", "as", "os", "ina", "il", "al"))
    )


def _capital(word: str) -> bool:
    return word[:1].isupper()


def company(said: Said, gazetteer: Gazetteer) -> str | None:
    """The company's name: after its kind ("padaria Pão Quente"), after "se chama", or the
    place the person works at ("sou da Zetta")."""
    low = said.low
    for i, word in enumerate(low):
        if word in gazetteer.business_kinds:
            definite = i > 0 and low[i - 1] in DEFINITE
            name = _name_at(said, i + 1, gazetteer, cued=definite)
            if name is None and _named_at(low, i + 1) is not None:
                name = _name_at(said, _named_at(low, i + 1) or 0, gazetteer, cued=True)
            if name is not None:
                return f"{_title(said.raw[i])} {name}" if definite else name
        at_work = word in WORKS_AT and i + 2 < len(low) and low[i + 1] in AT
        if at_work and low[i + 2] not in gazetteer.business_kinds and _capital(said.raw[i + 2]):
            return _name_at(said, i + 2, gazetteer, cued=True)
    return None


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
        if not raw[0].isalnum() or (low in STOP and not (words and low in LINKS)):
            break
        if not words and (low in LINKS or low in gazetteer.business_kinds):
            break
        if not (cued or _capital(raw) or (words and low in LINKS)):
            break
        if places_word(low, gazetteer) and words and words[-1].lower() in LINKS:
            words.pop()  # "Pão Quente de Castro": the city is no part of the name
            break
        words.append(raw)
    while words and fold(words[-1]) in LINKS:
        words.pop()
    return " ".join(_title(w) if w.islower() else w for w in words) or None


def places_word(low: str, gazetteer: Gazetteer) -> bool:
    return (low,) in gazetteer.cities or low in gazetteer.states


def _title(word: str) -> str:
    return word if fold(word) in LINKS else word[:1].upper() + word[1:]


def role(said: Said, gazetteer: Gazetteer) -> str | None:
    """The person's own role ("sou sócio", "trabalho como gerente"), never someone else's
    ("quero falar com o gerente", "eu e meu sócio"); owning a business is "owner"."""
    low = said.low
    for i, word in enumerate(low):
        code = gazetteer.roles.get(word)
        if code is None or (i and low[i - 1] in NOT_ROLE_BEFORE and low[i - 2 : i - 1] != ("sou",)):
            continue
        if ROLE_CUES & set(low[max(0, i - 3) : i]) or i == 0:
            return code
    kind = business_kind(said, gazetteer)
    if kind is not None and OWNED & set(low[max(0, kind[0] - 3) : kind[0]]):
        return "owner"
    return None
