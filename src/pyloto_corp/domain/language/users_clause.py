"""Who uses it, read from the clause that says so: "quem vai mexer sou eu e o pastor" → 2,
"vão usar 2 mestres cervejeiros, 4 operadores e eu" → 7, "usado pelos 3 coordenadores e pelas
4 pessoas do RH" → 7, "só a minha secretária vai mexer" → 1. Only lists read whole count:
anything unclear ("os meninos", "em cada loja", "não", "ano que vem") is left to the other
rules of ``people``."""

from __future__ import annotations

import re
from collections.abc import Sequence

from pyloto_corp.domain.language.amounts import money
from pyloto_corp.domain.language.numbers import Number, number_words, numbers
from pyloto_corp.domain.language.people_words import (
    ARTICLES,
    AUXILIARY,
    BARE,
    COMPLEMENT,
    COPULA,
    GROUPS,
    LINKS,
    ME,
    PERSON,
    PLURAL,
    STOP,
    TOTAL,
    UNCLEAR,
    USE,
)

_SENTENCE = re.compile(r"[.!?;]+(?:\s|$)|\n")
UNSURE = -1
MAX_BARE = 200  # "1500 e os 7 funcionários": an address, a year, never a team said bare


def clause_users(text: str) -> int | None:
    """The people listed as using it in the first sentence that says so, if read whole."""
    for sentence in _SENTENCE.split(text):
        words = number_words(sentence)
        if UNCLEAR & set(words):
            continue  # per unit, excluded or growing: the other rules read it
        for u, word in enumerate(words):
            if word in USE and "nao" not in words[max(0, u - 3) : u]:  # "elas não vão mexer"
                counted = _after(words, u) if _subject_after(words, u) else _before(words, u)
                if counted:
                    return counted
    return None


def _subject_after(words: Sequence[str], u: int) -> bool:
    """ "quem vai usar é ...", "usado pelos ...", "vão usar 2 mestres ..."."""
    near = words[u + 1 : u + 3]
    near = near[1:] if near[:1] == ["mais"] else near  # "vão usar mais 3 vendedores"
    return "quem" in words[max(0, u - 3) : u] or bool({"por", "pelo", "pela", "pelos", "pelas"} & (
        set(near))) or (bool(near) and (near[0][0].isdigit() or near[0] == "eu"))  # fmt: skip


def _after(words: Sequence[str], u: int) -> int | None:
    following = words[u + 1 : u + 2]
    if "quem" in words[max(0, u - 3) : u] and following and not _starts_item(following[0]):
        copula = next((i for i in range(u + 1, min(len(words), u + 9)) if words[i] in COPULA), None)
        if copula is None:
            return None
        u = copula
    total, end = _listed(words[u + 1 :])
    if words[u + 1 + end : u + 2 + end] == ["nao"]:  # "eu, a minha esposa e o motoboy não"
        last = len(words) - 1 - list(reversed(words)).index("nao")
        return _listed(words[last + 1 :])[0] or None  # "... não, só nós dois mesmo"
    beside = ["alem", "de", "mim"] in [list(words[i : i + 3]) for i in range(max(0, u - 5), u)]
    return total + beside if total else None  # "além de mim vão usar mais 3 vendedores"


def answered_users(text: str) -> int | None:
    """An answer that is a list of people and nothing else: "5 vendedores + eu + minha
    esposa" → 7, "a família toda, eu, marido e os 2 filhos" → 4, "3 e mais eu" → 4."""
    words = number_words(text)
    total, read = _listed(words)
    return total if words and read == len(words) and total else None


def _starts_item(word: str) -> bool:
    return word[0].isdigit() or word in ("eu", *TOTAL)


def _before(words: Sequence[str], u: int) -> int | None:
    """The longest list that ends right before the verb ("3 atendentes + a gerente, todas"),
    plus the writer when added after it ("os 38 usariam a plataforma + eu")."""
    end = u
    while end > 0 and words[end - 1] in AUXILIARY:
        end -= 1
    best = None
    for start in range(end - 1, -1, -1):
        total, read = _listed(words[start:end])
        if read == end - start and total:
            best = total
    pairs = zip(words[u : u + 5], words[u + 1 : u + 6], strict=False)
    me = any(p in (("+", "eu"), ("mais", "eu")) for p in pairs)
    return best + me if best else None


def _listed(words: Sequence[str]) -> tuple[int, int]:
    """(people counted, tokens read): stops where the list stops; 0 when it is unclear."""
    found = {n.start: n for n in numbers(words)}
    total, i, items = 0, 0, 0
    while i < len(words):
        skipped = _skipped(words, found, i)
        if skipped == UNSURE:
            return 0, i
        if skipped is not None:
            i = skipped
            continue
        step = _item(words, found, i, total)
        if step == UNSURE and items and words[i - 1] not in LINKS and i not in found:
            break  # "só a recepcionista e eu, as meninas não vão mexer"
        if step == UNSURE:
            return 0, i
        if step is None:
            break
        (total, i), items = step, items + 1
    return (total if items else 0), i


def _skipped(words: Sequence[str], found: dict[int, Number], i: int) -> int | None:
    """Where the list goes on past a word that counts nobody ("e", "nós" before a figure,
    "os outros", "a administração:"), UNSURE for a group of unsaid size, None for an item."""
    word = words[i]
    if (word in TOTAL or word in PLURAL) and i + 1 in found:
        return i + 1  # "nós 3", "os 2 porteiros"
    if word in PLURAL and words[i + 1 : i + 2] in (["outros"], ["outras"]):
        return i + 2 if i + 2 in found else UNSURE  # "os outros 3 dentistas"
    if word in LINKS:
        return i + 1
    if word in GROUPS:
        end = _complement(words, i + 1)  # "pela administração: eu, o zelador..."
        return UNSURE if words[end : end + 1] in (["e"], ["mais"], ["com"]) else end
    return None


def _item(words: Sequence[str], found: dict[int, Number], i: int, total: int) -> object:
    """(new total, where the item ends), UNSURE, or None where the list stops."""
    word = words[i]
    if i in found:
        counted = _figure(words, found[i])
        if counted is None or (counted == found[i].end and counted in found):
            return UNSURE  # "2 lojas"; "umas 5, 6 pessoas": a range, read by other rules
        before = words[i - 1 : i]
        said = before in (["nos"], ["somos"]) or (total > 0 and (  # "só nós duas": the total
            (before in (["os"], ["as"]) and counted == found[i].end)  # "..., os 5 vão usar"
            or (before in (["uns"], ["umas"]) and words[counted - 1] == "pessoas")))  # fmt: skip
        return (found[i].value if said else total + found[i].value), counted
    if (word in ME or word.startswith(BARE)) and words[i - 1 : i] not in (["de"], ["do"]):
        return total + 1, i + 1
    if word in ARTICLES or word in PLURAL:
        person = _person(words, i)
        return UNSURE if person is None else (total + person[0], person[1])
    return None


def _figure(words: Sequence[str], n: Number) -> int | None:
    """Where a figure's people end ("3 coordenadores de enfermagem", "2 mestres cervejeiros");
    None when it counts things or money ("2 lojas", "5 mil", "um sistema", "desde 2015")."""
    noun = words[n.end] if n.end < len(words) else ""
    if money(words, n) or (noun in COMPLEMENT and n.value > MAX_BARE):
        return None
    if noun in COMPLEMENT:
        return _complement(words, n.end)  # "2 no financeiro"
    if not noun.isalpha() or noun in STOP or noun in LINKS or noun in ("eu", "mim"):
        return None if n.value > MAX_BARE or words[n.start] in ("um", "uma") else n.end
    if not noun.startswith(PERSON):
        return None  # "40 caminhões", "um sistema", "2 lojas"
    j = n.end + 1
    second = words[j] if j < len(words) else ""
    if second.isalpha() and second[-1:] == noun[-1:] == "s" and second not in STOP | LINKS:
        j += 1  # "2 mestres cervejeiros"
    return _complement(words, j)


def _person(words: Sequence[str], i: int) -> tuple[int, int] | None:
    """ "o gerente", "a minha filha", "a recepção" (a group: nobody more): (count, end)."""
    j = i + 1 + (words[i + 1 : i + 2] in (["meu"], ["minha"], ["meus"], ["minhas"]))
    j += words[j : j + 1] in (["outro"], ["outra"])  # "pelo outro sócio"
    noun = words[j] if j < len(words) else ""
    if noun in GROUPS:
        end = _complement(words, j + 1)
        return None if words[end : end + 1] in (["e"], ["mais"], ["com"]) else (0, end)
    if words[i] in PLURAL or not noun.startswith(PERSON):
        return None
    return 1, _complement(words, j + 1)


def _complement(words: Sequence[str], j: int) -> int:
    """Past "do caixa", "de enfermagem", "do RH": who the people are, not more people."""
    if words[j : j + 1] and words[j] in COMPLEMENT and j + 1 < len(words):
        following = words[j + 1]
        if following.isalpha() and following not in ("eu", "mim", *ARTICLES, *PLURAL):
            return j + 2
    return j
