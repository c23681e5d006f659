"""A list of people as Brazilians write it, read token by token: "eu, o zelador e os 2
porteiros" → 4, "3 coordenadores de enfermagem e 4 pessoas do RH" → 7, "o pessoal do caixa, que
são 2" → 2, "só nós duas" → 2. A list stops where something else starts; anything unclear
("os meninos", "2 lojas", "o pessoal e eu") makes it UNSURE, and the figure is left to the
other rules of ``people``."""

from __future__ import annotations

from collections.abc import Sequence

from pyloto_corp.domain.language.amounts import money
from pyloto_corp.domain.language.budgets import COUNTED
from pyloto_corp.domain.language.numbers import Number, numbers
from pyloto_corp.domain.language.people_words import (
    ARTICLES,
    BARE,
    BY,
    COMPLEMENT,
    GROUPS,
    LINKS,
    ME,
    PERSON,
    PLURAL,
    STOP,
    THINGS,
    TITLES,
    TOTAL,
)

UNSURE = -1
MAX_BARE = 200  # "1500 e os 7 funcionários": an address, a year, never a team said bare


def listed(words: Sequence[str], *, names: bool = False) -> tuple[int, int, int]:
    """(people counted, tokens read, items): stops where the list stops; 0 when unclear."""
    found = {n.start: n for n in numbers(words)}
    total, i, items, first = 0, 0, 0, 0
    while i < len(words):
        skipped = _skipped(words, found, i)
        if skipped == UNSURE:
            return 0, i, items
        if skipped is not None:
            i = skipped
            continue
        step = _item(words, found, i, total, names=names)
        if step == UNSURE and items and words[i - 1] not in LINKS and i not in found:
            break  # "só a recepcionista e eu, as meninas não vão mexer"
        if step == UNSURE:
            return 0, i, items
        if step is None:
            break
        said = i in found and not total and words[i - 1 : i] in (["nos"], ["somos"])
        (total, i), items = step, items + 1
        first = total if said else first  # "nós dois, eu e minha sócia": the two named
    if first and total == 2 * first:
        return first, i, items
    return (total if items else 0), i, items


def but_last(words: Sequence[str], read: int, items: int, *, names: bool = False) -> int:
    """The people of a list read whole without its last item: "eu, o Rodrigo e a Bia, o Caio
    não vai mexer" → 3."""
    for cut in range(read - 1, 0, -1):
        total, got, count = listed(words[:cut], names=names)
        if got == cut and count == items - 1:
            return total
    return 0


def _skipped(words: Sequence[str], found: dict[int, Number], i: int) -> int | None:
    """Where the list goes on past a word that counts nobody ("e", "nós" before a figure,
    "os outros", "a administração:"), UNSURE for a group of unsaid size, None for an item."""
    word = words[i]
    if (word in TOTAL or word in PLURAL) and i + 1 in found:
        return i + 1  # "nós 3", "os 2 porteiros"
    if word in PLURAL and words[i + 1 : i + 2] in (["outros"], ["outras"]):
        return i + 2 if i + 2 in found else UNSURE  # "os outros 3 dentistas"
    if i and _described(words, found, i):
        return complement(words, i + 4)  # "a Fernanda, que são as manicures, e a recepcionista"
    return i + 1 if word in LINKS else None


def _described(words: Sequence[str], found: dict[int, Number], i: int) -> bool:
    """ "que é a gerente", "que são as manicures": who the people before are, not more."""
    said = [*words[i : i + 4], "", "", "", ""]  # "que", the verb, the article and the noun
    article = said[2] in ARTICLES or said[2] in PLURAL
    return said[0] in ("que", "q") and said[1] in ("sao", "e") and article and (
        said[3].isalpha() and i + 3 not in found)  # fmt: skip


def _item(
    words: Sequence[str], found: dict[int, Number], i: int, total: int, *, names: bool
) -> object:
    """(new total, where the item ends), UNSURE, or None where the list stops."""
    word = words[i]
    if i in found:
        counted = _figure(words, found[i])
        if counted is None or (counted == found[i].end and counted in found) or (
                words[i - 1 : i] == ["entre"]):  # fmt: skip
            return UNSURE  # "2 lojas"; "umas 5, 6 pessoas": a range, read by other rules
        before = words[i - 1 : i]
        said = before in (["nos"], ["somos"]) or (total > 0 and (  # "só nós duas": the total
            (before in (["os"], ["as"]) and counted == found[i].end)  # "..., os 5 vão usar"
            or (before in (["uns"], ["umas"]) and words[counted - 1] == "pessoas")))  # fmt: skip
        return (found[i].value if said else total + found[i].value), counted
    after = words[i - 1 : i]  # "um sistema pra ele": for him, not by him
    him = word in ("ele", "ela") and bool(after) and after[0] in BY
    if (word in ME or word.startswith(BARE)) and after not in (["de"], ["do"]) and not him:
        return total + 1, i + 1
    if word in ARTICLES or word in PLURAL:
        person = _person(words, i, names=names)
        return UNSURE if person is None else (total + person[0], person[1])
    return _group(words, found, i, total) if word in GROUPS else None


def _group(words: Sequence[str], found: dict[int, Number], i: int, total: int) -> object:
    """ "pela administração: eu, o zelador..." (nobody more), "o RH, que são 2"."""
    end = complement(words, i + 1)
    sized = sized_at(words, found, end)
    if sized is None and words[end : end + 1] in (["e"], ["mais"], ["com"]):
        return UNSURE  # "o pessoal do financeiro e eu": how many is not said
    return (total + sized[0], sized[1]) if sized else (total, end)


def sized_at(words: Sequence[str], found: dict[int, Number], end: int) -> tuple[int, int] | None:
    """ "o pessoal do caixa, que são 2" → (2, where it ends); "o escritório, que é eu e mais
    duas meninas" → (3, where the list ends)."""
    said = words[end : end + 2]
    if said[:1] not in (["que"], ["q"]) or said[1:] not in (["sao"], ["e"]):
        return None
    if end + 2 in found:
        after = found[end + 2].end
        after += after < len(words) and words[after].startswith(PERSON)  # "que são 4 pessoas"
        return found[end + 2].value, complement(words, after)
    if words[end + 2 : end + 3] != ["eu"]:
        return None
    total, read, _ = listed(words[end + 2 :])
    return (total, end + 2 + read) if total else None


def _figure(words: Sequence[str], n: Number) -> int | None:
    """Where a figure's people end ("3 coordenadores de enfermagem", "2 mestres cervejeiros");
    None when it counts things or money ("2 lojas", "5 mil", "um sistema", "desde 2015")."""
    noun = words[n.end] if n.end < len(words) else ""
    if money(words, n) or (noun in COMPLEMENT and n.value > MAX_BARE):
        return None
    if noun in COMPLEMENT:
        return complement(words, n.end)  # "2 no financeiro"
    if not noun.isalpha() or noun in STOP or noun in LINKS or noun in ("eu", "mim"):
        return None if n.value > MAX_BARE or words[n.start] in ("um", "uma") else n.end
    if not noun.startswith(PERSON):
        return None  # "40 caminhões", "um sistema", "2 lojas"
    j = n.end + 1
    second = words[j] if j < len(words) else ""
    if second.isalpha() and second[-1:] == noun[-1:] == "s" and second not in STOP | LINKS:
        j += 1  # "2 mestres cervejeiros"
    return complement(words, j)


def _person(words: Sequence[str], i: int, *, names: bool) -> tuple[int, int] | None:
    """ "o gerente", "a minha filha", "a recepção" (a group: nobody more), in an answer "a
    Jéssica", "a dona Cida": (count, end)."""
    j = i + 1 + (words[i + 1 : i + 2] in (["meu"], ["minha"], ["meus"], ["minhas"]))
    j += words[j : j + 1] in (["outro"], ["outra"])  # "pelo outro sócio"
    noun = words[j] if j < len(words) else ""
    if noun in GROUPS:
        end = complement(words, j + 1)
        sized = sized_at(words, {n.start: n for n in numbers(words)}, end)
        return sized or (None if words[end : end + 1] in (["e"], ["mais"], ["com"]) else (0, end))
    if words[i] in PLURAL or not (noun.startswith(PERSON) or (names and _named(noun))):
        return None
    j += 1
    if noun in TITLES and j < len(words) and _named(words[j]):
        j += 1  # "a dona Cida", "o seu Zé"
    end = complement(words, j)
    return sized_at(words, {n.start: n for n in numbers(words)}, end) or (1, end)  # "que são 4"


def _named(word: str) -> bool:
    """A word that may be a name in a list of people ("a Jéssica"), never a thing ("a loja")."""
    known = LINKS | STOP | ME | ARTICLES | PLURAL | COMPLEMENT | THINGS
    return word.isalpha() and word not in known and not word.startswith(COUNTED)


def complement(words: Sequence[str], j: int) -> int:
    """Past "do caixa", "de enfermagem", "do RH": who the people are, not more people."""
    if words[j : j + 1] and words[j] in COMPLEMENT and j + 1 < len(words):
        following = words[j + 1]
        if following.isalpha() and following not in ("eu", "mim", *ARTICLES, *PLURAL):
            return j + 2
    return j
