"""What the person can spend: reais, the upper end of a range, "no máximo 4k"; "unknown"
when they decline or do not know. Revenue, prices and salaries are never budgets."""

from __future__ import annotations

import re

from pyloto_corp.domain.language.amounts import is_phone, money_said, people_after, upper_of
from pyloto_corp.domain.language.normalize import fold
from pyloto_corp.domain.language.numbers import number_words, numbers

_REFUSAL = re.compile(
    r"\b((?:nao|n) sei|prefiro nao|nao tenho (?:ideia|orcamento|valor|nocao)|sem orcamento|"
    r"nao quero (?:dizer|informar|falar)|depende|nao faco ideia|a definir|nao sei dizer|"
    r"o que couber|nem sei quanto|nao sei quanto|prefiro nao passar|nao tenho ideia|"
    r"sem ideia)\b"
)
ASKED = ("orcamento", "investir", "investimento", "gastar", "pagar", "valor")


def budget(text: str, *, answer: bool = False) -> int | str | None:
    """Reais the person can spend, the upper end of a range; "unknown" when they decline or
    do not know; in an answer to "quanto pretende investir?", any figure but revenue, a
    price or a count of people."""
    words = number_words(text)
    found = [n for n in numbers(words) if not is_phone(words, n) and words[n.start] not in
             ("um", "uma")]  # fmt: skip
    capped = [n for n in found if {"maximo", "teto", "ate"} & set(words[max(0, n.start - 2) :
              n.start]) and money_said(words, n) in ("budget", "amount")]  # fmt: skip
    if capped:
        found = capped[-1:]  # "uns 3k, no máximo 4k"
    for i, n in enumerate(found):
        upper = upper_of(found, words, i)
        said = money_said(words, n) or money_said(words, upper)
        if said in ("budget", "amount") or (answer and said is None and
                                             not people_after(words, upper.end)):  # fmt: skip
            return upper.value
    folded = fold(text)
    asked = answer or any(cue in folded for cue in ASKED)
    return "unknown" if asked and _REFUSAL.search(folded) else None
