"""The company's name: after its kind ("padaria Pão Quente"), after "se chama", or where the
person works ("sou sócia da Bela Pele"); and whether the person writes for a business at all."""

from __future__ import annotations

import re
from collections.abc import Sequence

from pyloto_corp.domain.language.company_names import name_at, places_word, title
from pyloto_corp.domain.language.gazetteer import Gazetteer
from pyloto_corp.domain.language.profile import (
    AT,
    COMPOUNDS,
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
POSSESSIVE = frozenset(("minha", "meu", "nossa", "nosso"))
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
    if (here := _introduced(said, gazetteer) or _bracketed(said, gazetteer)) is not None:
        return here
    for i, word in enumerate(low):
        size = next((len(c) for c in COMPOUNDS if tuple(low[i : i + len(c)]) == c), 1)
        kind = word in gazetteer.business_kinds or size > 1  # "padaria", "pet shop"
        errand = bool(ERRAND & set(low[max(0, i - 4) : i]))  # "buscar um bolo na confeitaria X"
        if kind and not errand and (found := _after_kind(said, i + size - 1, gazetteer, first=i)):
            return found
        if _works_at(said, i, gazetteer):
            return name_at(said, i + 2, gazetteer, cued=said.lower_typed)
    return None


def _after_kind(said: Said, i: int, gazetteer: Gazetteer, *, first: int) -> str | None:
    """ "a padaria Pão Quente", "Bar do Zé", "a empresa é a Nexo Digital", "minha loja se
    chama Bicho Feliz", "uma hamburgueria em Foz, a Smash Bros Burger"."""
    low, word = said.low, said.low[i]
    definite = first > 0 and low[first - 1] in DEFINITE
    loose = definite and said.lower_typed and word not in GENERIC and first == i
    linked = capital(said.raw[i]) and low[i + 1 : i + 2] in (("do",), ("da",), ("de",))
    name = name_at(said, i + 1, gazetteer, cued=loose, lead_link=linked)
    start = _named_at(low, i + 1)
    if name is None and low[i + 1 : i + 3] in (("e", "a"), ("eh", "a"), ("e", "o"), ("eh", "o")):
        definite = False  # "a empresa é a Nexo Digital": the name alone
        name = name_at(said, i + 3, gazetteer)
    if name is None and low[i + 1 : i + 2] in (("o",), ("a",)) and low[i - 1 : i] in (
            ("um",), ("uma",)):  # "tenho um restaurante o Sabor Rondoniense"  # fmt: skip
        name = name_at(said, i + 2, gazetteer)
    if name is None and start is not None:
        definite = False  # "a empresa se chama Rocha & Filhos": the name alone
        name = name_at(said, start, gazetteer, cued=True)
    if name is not None:
        kept = definite or capital(said.raw[first])  # "a padaria X", "Casa de Ração X"
        kind = " ".join(title(w) for w in said.raw[first : i + 1])
        return f"{kind} {name}" if kept else name
    return _apposed(said, i, gazetteer)


def _bracketed(said: Said, gazetteer: Gazetteer) -> str | None:
    """ "meu escritório de contabilidade (Silveira Contábil)", "minha loja (Closet da Bia)":
    the name in brackets right after one's own business."""
    low = said.low
    for j in (j for j, w in enumerate(low) if w == "("):
        before = low[max(0, j - 10) : j]  # "tenho um food truck aqui em PG (o Brutos Burger)"
        mine = bool(POSSESSIVE & set(before))  # "minha loja (closet da bia)": typed lower
        owned = mine or bool(HAVE & set(before))
        inside = low[j + 1 : low.index(")", j) if ")" in low[j:] else len(low)]
        listed = "," in inside  # "(quem somos, áreas de atuação, equipe)": a list, no name
        kind = any(w in OWN or w in gazetteer.business_kinds for w in before) or any(
            c[-1] in before for c in COMPOUNDS)  # fmt: skip
        start = j + 2 if inside[:1] in (("o",), ("a",)) and len(inside) > 1 else j + 1
        if owned and not listed and kind:
            return name_at(said, start, gazetteer, cued=said.lower_typed and mine)
    return None


HAVE = frozenset(("tenho", "temos"))
ERRAND = frozenset(("buscar", "retirar", "pegar", "coletar", "levar", "entregar", "busca", "pega"))


def _introduced(said: Said, gazetteer: Gazetteer) -> str | None:
    """ "nome fantasia: Pão & Cia", "Grupo Almeida aqui", "Mecânica do Betão aqui"."""
    low = said.low
    for i in range(len(low) - 1):
        if low[i : i + 2] == ("nome", "fantasia"):  # "nome fantasia: X", "nome fantasia é X"
            skip = 1 if low[i + 2 : i + 3] in ((":",), ("e",), ("eh",)) else 0
            return name_at(said, i + 2 + skip, gazetteer)
    for i in range(1, len(low) - 1):  # "minha loja de roupas se chama Bella Moda"
        size = next((len(p.split()) for p in ("se chama", "chama", "chamada", "chamado") if
                     tuple(low[i : i + len(p.split())]) == tuple(p.split())), 0)  # fmt: skip
        if (
            size
            and (OWN | POSSESSIVE | gazetteer.business_kinds) & set(low[max(0, i - 5) : i])
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
    more = raw[i + 3 : i + 4] and capital(raw[i + 3])  # "da Gráfica A+", "da Mossoró Pneus"
    if (low[i + 2] in gazetteer.business_kinds or places_word(low[i + 2], gazetteer)) and not more:
        return False
    named = i > 0 and low[i - 1] in ("o", "a") and (capital(raw[i]) or low[i - 2 : i - 1] in (
        ("e",), ("eh",), ("sou",)))  # "aqui é o paulo da 2 Irmãos"  # fmt: skip
    here = low[i] in ("e", "eh") and low[i - 1 : i] == ("aqui",)  # "aqui é da Zetta"
    named = named or _introduced_name(said, i)
    at_work = low[i] in WORKS_AT | {"falo", "nome", "to", "tou", "estou"} or (
        low[i] in gazetteer.roles or (low[i - 1 : i] and low[i - 1] in gazetteer.roles)
    )
    return bool(at_work or named or here)


def _introduced_name(said: Said, i: int) -> bool:
    """ "sou o Ricardo Menezes, da X", "sou Larissa da X": the person, then the company."""
    low, raw = said.low, said.raw
    j = i - 1 if low[i] == "," else i
    while j > 0 and capital(raw[j]) and j > i - 4:
        j -= 1
    return j < i and capital(raw[j + 1]) and low[j] in ("o", "a", "sou")


def _named_at(low: Sequence[str], at: int) -> int | None:
    for phrase in NAMED:
        size = len(phrase.split())
        if tuple(low[at : at + size]) == tuple(phrase.split()):
            return at + size
    return None
