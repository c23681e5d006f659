"""The writer's own role: "sou sócio", "trabalho como gerente", "Francisca Alves,
proprietária", "analista de TI"; owning a business is "owner"; never someone else's role
("quero falar com o gerente", "eu e meu sócio", "4 professores e a secretária")."""

from __future__ import annotations

from collections.abc import Sequence

from pyloto_corp.domain.language.gazetteer import Gazetteer
from pyloto_corp.domain.language.profile import OWNED, Said, business_kind, capital

ROLE_CUES = frozenset(("sou", "como", "cargo", "atuo", "trabalho", "sendo", "eh", "e", "eu",
                       "somos"))  # fmt: skip
NOT_ROLE_BEFORE = frozenset(("meu", "minha", "com", "o", "os", "pro", "pra", "ao", "seu", "sua",
                             "da", "na", "a", "as", "e"))  # fmt: skip
DEPARTMENTS = frozenset(("financeiro", "recepcao", "rh", "ti", "administrativo", "comercial",
                         "secretaria", "estoque", "caixa", "atendimento",
                         "escritorio"))  # fmt: skip
PARTNERS = frozenset(("socio", "socia"))


def role(
    said: Said, gazetteer: Gazetteer, kind: tuple[int, str | None] | None = None
) -> str | None:
    """The person's own role, or None."""
    low = said.low
    for i, word in enumerate(low):
        code = gazetteer.roles.get(word.split("-")[0])  # "sócio-administrador"
        if code is None or _someone_else(said, i):
            continue
        of_a_business = low[i + 1 : i + 2] in (("da",), ("do",), ("de",), ("na",), ("no",))
        apposed = low[i - 1 : i] in ((",",), ("(",)) and i > 1 and capital(said.raw[i - 2])
        if ROLE_CUES & set(low[max(0, i - 5) : i]) or i == 0 or of_a_business or apposed:
            return "it" if low[i + 1 : i + 3] == ("de", "ti") else code  # "analista de TI"
    if _with_partner(low):
        return "partner"  # "eu e minha sócia", "eu, meu sócio e 3 funcionários"
    kind = kind or business_kind(said, gazetteer)
    if kind is not None and _owns(low, kind[0]):
        return "owner"
    return "employee" if _employed(said, gazetteer) else None


def _someone_else(said: Said, i: int) -> bool:
    """ "com o gerente", "4 professores e a secretária", "1 funcionário": not the writer."""
    low = said.low
    before = low[i - 1] if i else ""
    counted = before.isdigit() or before in ("um", "uma", "dois", "duas", "tres")
    ours = low[i - 2 : i - 1] in (("sou",), ("somos",), ("trabalho",))  # "somos 4 sócios"
    return not ours and (counted or before in NOT_ROLE_BEFORE)


def _with_partner(low: Sequence[str]) -> bool:
    for i, word in enumerate(low):
        if word == "eu" and low[i + 1 : i + 2] in ((",",), ("e",)):
            following = low[i + 2 : i + 4]
            if following[:1] in (("meu",), ("minha",)) and following[1:] and (
                    following[1] in PARTNERS):  # fmt: skip
                return True
    return False


def _owns(low: Sequence[str], at: int) -> bool:
    """ "tenho uma clínica" ("minha loja" may be where one works); never "não tenho empresa"."""
    before = low[max(0, at - 6) : at]
    return "nao" not in before[-3:] and bool(OWNED & set(before))


def _employed(said: Said, gazetteer: Gazetteer) -> bool:
    """ "trabalho numa farmácia", "trabalho no financeiro", "a empresa onde eu trabalho"."""
    low = said.low
    for i, word in enumerate(low):
        if low[i : i + 2] in (("onde", "trabalho"), ("que", "trabalho")) or low[i : i + 3] == (
                "onde", "eu", "trabalho"):  # fmt: skip
            return True
        if word != "trabalho" or i + 2 >= len(low):
            continue
        at, place = low[i + 1], low[i + 2]
        if at in ("numa", "num") or (at in ("na", "no") and (
                capital(said.raw[i + 2]) or place in DEPARTMENTS
                or place in gazetteer.business_kinds)):  # fmt: skip
            return True
    return False
