"""An answer that opens with the total: "4 pessoas, eu, os 2 dentistas e a secretaria" is 4,
whatever the list after it adds up to."""

from __future__ import annotations

from pyloto_corp.domain.language.numbers import Number, number_words, numbers

TOTAL_NOUNS = ("pessoa", "usuari", "colaborador", "login", "acesso")
BUT = frozenset(("mas", "so", "apenas", "somente", "tirando", "menos", "exceto", "nao", "fora"))


def opening_total(text: str) -> int | None:
    """An answer opening with "N pessoas" before a comma, a colon or a parenthesis ("uns 35
    usuários (30 motoristas e 5 do escritório)"): N, whatever follows."""
    cut = min((text.find(m) for m in ",:(" if m in text), default=-1)
    head, mark, rest = (text[:cut], text[cut], text[cut + 1 :]) if cut >= 0 else (text, "", "")
    words = [w for w in number_words(head) if w not in ("sao", "somos", "uns", "umas", "seriam")]
    found = numbers(words)
    whole = len(found) == 1 and found[0].start == 0 and found[0].end == len(words) - 1
    listing = not BUT & set(number_words(rest))  # "5 funcionários, mas só 3 vão usar": no
    total = bool(words) and words[-1].startswith(TOTAL_NOUNS)  # not "5 cabeleireiras, ..."
    return found[0].value if mark and listing and whole and total else None


def total_of_parts(found: list[Number]) -> int | None:
    """The first figure, when the others (two or more) add up to it: its breakdown."""
    first, parts = (found[0].value, [n.value for n in found[1:]]) if found else (0, [])
    return first if len(parts) > 1 and sum(parts) == first else None
