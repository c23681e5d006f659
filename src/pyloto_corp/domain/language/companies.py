"""The company's name: after its kind ("padaria Pão Quente"), after "se chama", or where the
person works ("sou sócia da Bela Pele"); and whether the person writes for a business at all."""

from __future__ import annotations

import re
from collections.abc import Sequence

from pyloto_corp.domain.language.company_names import name_at, places_word, title
from pyloto_corp.domain.language.gazetteer import Gazetteer
from pyloto_corp.domain.language.profile import (
    AT,
    DEFINITE,
    GENERIC,
    NAMED,
    WORKS_AT,
    Said,
    capital,
)

_PERSONAL = re.compile(
    r"\b(?:pessoa fisica|pra mim mesm[oa]|para mim mesm[oa]|uso pessoal|nao tenho empresa|"
    r"nao sou empresa|nao e empresa|particular)\b"
)


OWN = frozenset(
    (
        "empresa",
        "loja",
        "firma",
        "negocio",
        "comercio",
        "marca",
        "estabelecimento",
        "lojinha",
        "restaurante",
        "clinica",
        "escritorio",
    )
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
            return name_at(said, i + 2, gazetteer, cued=said.lower_typed)
    return None


def _after_kind(said: Said, i: int, gazetteer: Gazetteer) -> str | None:
    """ "a padaria Pão Quente", "Bar do Zé", "a empresa é a Nexo Digital", "minha loja se
    chama Bicho Feliz", "uma hamburgueria em Foz, a Smash Bros Burger"."""
    low, word = said.low, said.low[i]
    definite = i > 0 and low[i - 1] in DEFINITE
    loose = definite and said.lower_typed and word not in GENERIC
    linked = capital(said.raw[i]) and low[i + 1 : i + 2] in (("do",), ("da",), ("de",))
    name = name_at(said, i + 1, gazetteer, cued=loose, lead_link=linked)
    start = _named_at(low, i + 1)
    if name is None and low[i + 1 : i + 3] in (("e", "a"), ("eh", "a"), ("e", "o"), ("eh", "o")):
        definite = False  # "a empresa é a Nexo Digital": the name alone
        name = name_at(said, i + 3, gazetteer)
    if name is None and start is not None:
        definite = False  # "a empresa se chama Rocha & Filhos": the name alone
        name = name_at(said, start, gazetteer, cued=True)
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
            return name_at(said, i + 2 + skip, gazetteer)
    for i in range(1, len(low) - 1):  # "minha loja de roupas se chama Bella Moda"
        size = next((len(p.split()) for p in ("se chama", "chama") if
                     tuple(low[i : i + len(p.split())]) == tuple(p.split())), 0)  # fmt: skip
        if (
            size
            and OWN & set(low[max(0, i - 5) : i])
            and capital(said.raw[i + size : i + size + 1][0] if i + size < len(low) else "")
        ):
            return name_at(said, i + size, gazetteer)
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
            return name_at(said, j + 2, gazetteer)
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
    named = named or (low[i] == "," and i > 1 and low[i - 2] in ("o", "a") and capital(raw[i - 1]))
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
