"""Who uses it, read from the clause that says so: "quem vai mexer sou eu e o pastor" → 2,
"vão usar 2 mestres cervejeiros, 4 operadores e eu" → 7, "usado pelos 3 coordenadores e pelas
4 pessoas do RH" → 7, "só a minha secretária vai mexer" → 1. Only lists read whole count:
anything unclear ("os meninos", "em cada loja", "não", "ano que vem") is left to the other
rules of ``people``."""

from __future__ import annotations

import re
from collections.abc import Sequence

from pyloto_corp.domain.language.numbers import number_words, numbers
from pyloto_corp.domain.language.people_lists import but_last, complement, listed, sized_at
from pyloto_corp.domain.language.people_words import (
    ARTICLES,
    AUXILIARY,
    BY,
    COPULA,
    FILLERS,
    GROUPS,
    TOTAL,
    UNCLEAR,
    USE,
)
from pyloto_corp.domain.language.users_referred import referred
from pyloto_corp.domain.language.users_revised import EXCEPT, REST, revised_users
from pyloto_corp.domain.language.users_said import added_single, same_one, who_works
from pyloto_corp.domain.language.users_summed import summed_users

_SENTENCE = re.compile(r"[.!?;]+(?:\s|$)|\n")
_SIZE = re.compile(r"\(\s*(\d+)(?:\s+pessoas?)?\s*\)", re.IGNORECASE)  # "a secretaria (2 pessoas)"
# "quem responde é a secretaria, 2 pessoas": the size of the group closing the sentence
_SIZE_AFTER = re.compile(r"(?<!\be )(\b(?:o|a)\s+[^\W\d_]+)\s*[,:]\s*(\d+)\s+pessoas\s*(?=[.!?]|$)",
                         re.IGNORECASE)  # fmt: skip


def _sizes_said(text: str) -> str:
    """ "o RH (2 pessoas)" → "o RH, que são 2": the size of a group said in parentheses."""
    return _SIZE_AFTER.sub(r"\1, que são \2 pessoas", _SIZE.sub(r", que são \1", text))


def clause_users(text: str) -> int | None:
    """The people listed as using it in the first sentence that says so, if read whole."""
    earlier: list[str] = []
    for sentence in _SENTENCE.split(_sizes_said(text)):
        said = number_words(sentence)
        words, earlier = referred(said, earlier), earlier + said  # "12 professores. Os professores"
        if (we := _we_are_listed(words)) is not None:
            return we  # "são 3 guris no balcão e eu", "vamos ser 6 na cozinha e 2 no caixa"
        if UNCLEAR & set(words):
            continue  # per unit, excluded or growing: the other rules read it
        if (only := _only_group(words)) is not None:
            return only  # "mas só a gerência vai usar, q são 3"
        for u, word in enumerate(words):
            using = word in USE or who_works(words, u)  # "quem responde é a Marli"
            if using and "nao" not in words[max(0, u - 3) : u]:  # "elas não vão mexer"
                counted = _after(words, u) if _subject_after(words, u) else _before(words, u)
                if counted:
                    return counted
    return None


def _we_are_listed(words: Sequence[str]) -> int | None:
    """A list said as who the team is: "somos 3 tatuadores e 1 piercer" → 4."""
    for u, word in enumerate(words):
        being = word in ("somos", "sao", "seremos") or words[u - 1 : u + 1] == ["vamos", "ser"]
        following = words[u + 1 : u + 2]
        if not being or not following or not _starts_item(following[0]) or following == ["nos"]:
            continue
        start = u + (word not in TOTAL)  # "somos 4, eu, ...": the four said, then named
        total, read, items = listed(words[start:])
        read -= start == u
        rest = words[u + 1 + read : u + 3 + read]
        if total and items > 1 and not {"em", "cada", "por"} & set(rest) and not UNCLEAR & set(
                words[u + 1 : u + 1 + read]):  # fmt: skip
            return total
    return None


def _only_group(words: Sequence[str]) -> int | None:
    """ "só o financeiro, que são 4 pessoas", "só a gerência vai usar, q são 3": its size."""
    for i, word in enumerate(words):
        if word not in ("so", "somente", "apenas"):
            continue
        j = i + 1
        while j < len(words) and words[j] in BY | ARTICLES:
            j += 1
        if j < len(words) and words[j] in GROUPS:
            end = complement(words, j + 1)
            while end < len(words) and words[end] in USE | {"vai", "vao", "ia", "iam", "seria"}:
                end += 1
            sized = sized_at(words, {n.start: n for n in numbers(words)}, end)
            if sized is not None:
                return sized[0]
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
        u = copula  # "quem vai usar sou eu, a Marina e o Tiago": names count here
    named = words[u] in COPULA
    total, end, items = listed(words[u + 1 :], names=named)
    if words[u + 1 + end : u + 2 + end] == ["nao"]:  # "eu, a minha esposa e o motoboy não"
        last = len(words) - 1 - list(reversed(words)).index("nao")
        said = listed(words[last + 1 :])[0]  # "... não, só nós dois mesmo"
        return said or but_last(words[u + 1 :], end, items, names=named) or None
    beside = ["alem", "de", "mim"] in [list(words[i : i + 3]) for i in range(max(0, u - 5), u)]
    return total + beside if total else None  # "além de mim vão usar mais 3 vendedores"


def answered_users(text: str) -> int | None:
    """An answer that is a list of people: "5 vendedores + eu + minha esposa" → 7, "a
    família toda, eu, marido e os 2 filhos" → 4, "oxe, aqui é eu, meu marido e mais 3 menina
    do balcão" → 5, "eu, a Jéssica, o Marcos e o Paulinho" → 4 (names count here)."""
    words = number_words(_sizes_said(text))
    for start in range(len(words)):
        if words[start - 1 : start] in (["entre"], ["dos"], ["das"]) or "entre" in words[:start]:
            continue  # "entre 10 e 15", "metade dos 40": a range, a share, read by other rules
        total, read, items = listed(words[start:], names=True)
        rest = words[start + read :]
        if total and items > 1 and rest[:1] in (["nao"], ["nem"]):  # "..., o Caio não"
            return but_last(words[start:], read, items, names=True) or None
        if total and ((start == 0 and not rest) or (items > 1 and _trailing(rest))):
            return 1 if same_one(words[start : start + read], rest) else total
    return None


def _trailing(rest: Sequence[str]) -> bool:
    """Nothing, a word about the last people ("... que ajudam no fim de semana"), or
    fillers ("acho que é isso") after a list."""
    if (rest[:1] and rest[0] in EXCEPT) or REST & set(rest[:2]):
        return True  # "..., menos o Julinho", "..., o resto da turma não precisa"
    when = rest[:1] == ["quando"] and not numbers(rest)  # "... e eu quando ela tá de folga"
    return not rest or rest[0] in ("que", "q") or when or all(w in FILLERS for w in rest)


def concluded_users(text: str) -> int | None:
    """ "eram 7, mas um saiu semana passada, então 6": the figure the message ends on; "somos
    15, mas os 6 motoboys não vão usar" (``users_revised``): the figure it comes to."""
    words = number_words(_sizes_said(text))  # "e o RH (2 pessoas)"
    found = numbers(words)
    last = found[-1] if found else None
    if last is None or words[last.start - 1 : last.start] != ["entao"] or len(words) > last.end + 1:
        return revised_users(words) or summed_users(words)
    return last.value


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
        total, read, _ = listed(words[start:end])
        if read == end - start and total and words[start - 1 : start] not in (["pra"], ["para"]):
            best = total
    pairs = zip(words[u : u + 5], words[u + 1 : u + 6], strict=False)
    me = any(p in (("+", "eu"), ("mais", "eu")) for p in pairs)
    return best + me + added_single(words, u) if best else None  # "..., mais a secretária"
