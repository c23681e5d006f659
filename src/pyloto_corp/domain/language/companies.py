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
    WORKS_AT,
    Said,
    capital,
)

_PERSONAL = re.compile(
    r"\b(?:pessoa fisica|pra mim mesm[oa]|para mim mesm[oa]|uso pessoal|nao tenho empresa|"
    r"nao sou empresa|nao e empresa|particular)\b"
)


SUFFIXES = frozenset(("ltda", "eireli", "s.a.", "epp"))  # not "ME": "me chamo"
COMPANYISH = frozenset(("grupo", "vendas", "comercial", "transportes", "sistemas", "tecnologia",
                        "tech", "digital", "engenharia", "ltda", "servicos", "solucoes",
                        "industria", "agro", "construcoes", "cia", "associados", "irmaos",
                        "materiais", "confeccoes", "logistica", "eireli", "advocacia",
                        "contabilidade", "imoveis", "moveis"))  # fmt: skip


def personal(said: Said) -> bool:
    """ "é pra mim mesmo, pessoa física": not a business."""
    return _PERSONAL.search(" ".join(said.low)) is not None


def company(said: Said, gazetteer: Gazetteer) -> str | None:
    """The company's name: after its kind ("padaria Pão Quente"), after "se chama", or the
    place the person works at ("sou da Zetta")."""
    low = said.low
    if (here := _introduced(said, gazetteer)) is not None:
        return here
    for i, word in enumerate(low):
        if word in gazetteer.business_kinds and (found := _after_kind(said, i, gazetteer)):
            return found
        if _works_at(said, i, gazetteer):
            return _name_at(said, i + 2, gazetteer, cued=said.lower_typed)
    return None


def _after_kind(said: Said, i: int, gazetteer: Gazetteer) -> str | None:
    """ "a padaria Pão Quente", "Bar do Zé", "a empresa é a Nexo Digital", "minha loja se
    chama Bicho Feliz", "uma hamburgueria em Foz, a Smash Bros Burger"."""
    low, word = said.low, said.low[i]
    definite = i > 0 and low[i - 1] in DEFINITE
    loose = definite and said.lower_typed and word not in GENERIC
    linked = capital(said.raw[i]) and low[i + 1 : i + 2] in (("do",), ("da",), ("de",))
    name = _name_at(said, i + 1, gazetteer, cued=loose, lead_link=linked)
    start = _named_at(low, i + 1)
    if name is None and low[i + 1 : i + 3] in (("e", "a"), ("eh", "a"), ("e", "o"), ("eh", "o")):
        definite = False  # "a empresa é a Nexo Digital": the name alone
        name = _name_at(said, i + 3, gazetteer)
    if name is None and start is not None:
        definite = False  # "a empresa se chama Rocha & Filhos": the name alone
        name = _name_at(said, start, gazetteer, cued=True)
    if name is not None:
        kept = definite or capital(said.raw[i])  # "a padaria X", "Drogaria Vida"
        return f"{title(said.raw[i])} {name}" if kept else name
    return _apposed(said, i, gazetteer)


def _introduced(said: Said, gazetteer: Gazetteer) -> str | None:
    """ "nome fantasia: Pão & Cia", "Grupo Almeida aqui", "Mecânica do Betão aqui"."""
    low = said.low
    for i in range(len(low) - 1):
        if low[i : i + 2] == ("nome", "fantasia"):  # "nome fantasia: X", "nome fantasia é X"
            skip = 1 if low[i + 2 : i + 3] in ((":",), ("e",), ("eh",)) else 0
            return _name_at(said, i + 2 + skip, gazetteer)
    start = 2 if low[:1] in (("opa",), ("oi",), ("ola",)) and low[1:2] == (",",) else 0
    end = next((j for j in range(start, min(start + 5, len(low))) if low[j] == "aqui"), None)
    if end is None:  # "MEGA LOG TRANSPORTES EIRELI quer...", "Floricultura Bem-Me-Quer LTDA,"
        end = next((j + 1 for j in range(start, min(start + 8, len(low))) if low[j] in SUFFIXES),
                   None)  # fmt: skip
    named = said.raw[start:end] if end else ()
    cut = next((k for k, w in enumerate(named) if not (w[0].isalnum() or w == "&")), len(named))
    named = named[:cut]
    business = any(w in COMPANYISH or w in gazetteer.business_kinds for w in low[start : end or 0])
    if named and business and capital(named[0]):
        return " ".join(named)
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
    low, raw = said.low, said.raw
    if low[i] in ("represento", "somos") and low[i + 1 : i + 2] in (("a",), ("o",)):
        return i + 2 < len(low) and capital(raw[i + 2])  # "represento a Orbe Comercial"
    if i + 2 >= len(low) or low[i + 1] not in AT | {"pela", "pelo"}:
        return False
    first = raw[i + 2]
    numbered = first.isdigit() and i + 3 < len(raw) and capital(raw[i + 3])  # "da 2 Irmãos"
    if not (capital(first) or numbered) or low[i + 2] in gazetteer.roles:
        return False  # "sou do TI da Solaris": the company comes after the role
    if low[i + 2] in gazetteer.business_kinds or places_word(low[i + 2], gazetteer):
        return False
    named = i > 0 and low[i - 1] in ("o", "a") and (capital(raw[i]) or low[i - 2 : i - 1] in (
        ("e",), ("eh",), ("sou",)))  # "aqui é o paulo da 2 Irmãos"  # fmt: skip
    here = low[i] in ("e", "eh") and low[i - 1 : i] == ("aqui",)  # "aqui é da Zetta"
    at_work = (
        low[i] in WORKS_AT | {"falo", "nome", "to", "tou", "estou"} or low[i] in gazetteer.roles
    )
    return at_work or named or here


def _named_at(low: Sequence[str], at: int) -> int | None:
    for phrase in NAMED:
        size = len(phrase.split())
        if tuple(low[at : at + size]) == tuple(phrase.split()):
            return at + size
    return None


def _name_at(
    said: Said, at: int, gazetteer: Gazetteer, *, cued: bool = False, lead_link: bool = False
) -> str | None:
    """Up to seven words of a name; lower-case ones only after a cue ("se chama");
    ``lead_link``: the name starts with "do"/"da" ("Bar do Zé")."""
    words: list[str] = [said.raw[at]] if lead_link and at < len(said.raw) else []
    start = at + len(words)
    for j in range(start, min(start + MAX_NAME, len(said.raw))):
        raw, low = said.raw[j], said.low[j]
        if raw == "&" and words:  # "Rocha & Filhos"
            words.append(raw)
            continue
        following = said.raw[j + 1 : j + 2]
        if words and low in ("a", "o", "e") and following and capital(following[0]):
            words.append(raw)  # "Pizzaria Forno a Lenha"
            continue
        named = bool(words) and capital(raw)  # "Sabor do Pará", "Farmácia Popular Centro"
        if not raw[0].isalnum() or (low in STOP and not named and not (words and low in LINKS)):
            break
        if not words and (low in LINKS or low in gazetteer.business_kinds or not raw.isalnum()):
            break
        numbered = (
            raw.isdigit()
            and j > 0
            and ((j + 1 < len(said.raw) and capital(said.raw[j + 1])) or capital(said.raw[j - 1]))
        )  # "2 Irmãos", "Hamburgueria 041", "Forno a Lenha 051"
        if not (cued or capital(raw) or numbered or (words and low in LINKS)):
            break
        if words and words[-1].lower() in LINKS and _place_at(said, gazetteer, j):
            words.pop()  # "Pão Quente de Castro": the city is no part of the name
            break
        words.append(raw)
    while words and (fold(words[-1]) in LINKS or words[-1] in ("&", "a", "o", "e")):
        words.pop()
    return " ".join(title(w) if w.islower() else w for w in words) or None


def _place_at(said: Said, gazetteer: Gazetteer, at: int) -> bool:
    """A well-known city, or a municipality of two words or more ("de ponta grossa"); not
    any word that names some town ("Padaria Trigo de Ouro")."""
    if places_word(said.low[at], gazetteer):
        return True
    hit = gazetteer.places.cities.longest_at(said.low, at) if gazetteer.places else None
    return hit is not None and hit[1] > 1


def places_word(low: str, gazetteer: Gazetteer) -> bool:
    return (low,) in gazetteer.cities or low in gazetteer.states


def title(word: str) -> str:
    small = fold(word) in LINKS | {"a", "o", "em", "na", "no"}  # "Arte em Pão"
    return word if small else word[:1].upper() + word[1:]
