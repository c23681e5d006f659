"""Pieces of a message: clauses, a time phrase in the person's own words, a menu number,
the language it is written in."""

from __future__ import annotations

import re
from collections.abc import Mapping

from pyloto_corp.domain.language.normalize import fold

_WORD = re.compile(r"\w+(?::\d\d)?")
_CLAUSE_END = re.compile(r"(?:[!?;\n]|[.:](?!\d))+|,\s+(?=(?:e|mas|ai|entao|tipo)\b)")
_TIME_HEADS = frozenset((
    "amanha", "hoje", "segunda", "terca", "quarta", "quinta", "sexta", "sabado", "domingo",
    "manha", "tarde", "noite", "semana", "mes", "fim", "final", "inicio", "comeco", "dia",
    "depois", "antes", "cedo", "almoco", "tomorrow", "today", "tonight", "morning", "afternoon",
    "evening", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "weekend",
    "manana", "lunes", "martes", "miercoles", "jueves", "viernes", "noche",
))  # fmt: skip
_TIME_LINKS = frozenset((
    "de", "da", "do", "das", "dos", "a", "as", "ao", "na", "no", "nas", "nos", "pela", "pelo",
    "por", "la", "ou", "e", "que", "vem", "proxima", "proximo", "meio", "hora", "horas", "h",
    "hr", "hrs", "feira", "partir", "after", "before", "at", "in", "the", "next", "this", "pm",
    "am", "o", "en", "umas", "uns", "mais", "min", "minutos", "comercial", "apos", "antes",
))  # fmt: skip
_LEADS = frozenset(("a", "as", "de", "pela", "na", "no", "mais", "esta", "essa", "nesta",
                    "qualquer"))  # fmt: skip
_PAIRS = frozenset((("agora", "mesmo"), ("horario", "comercial"), ("daqui", "pouco"),
                    ("meio", "dia")))  # fmt: skip
_UNITS = frozenset(("h", "hora", "horas", "min", "minutos", "dias"))
_GREETING_OPENERS = frozenset(("bom", "boa", "buenos", "buenas", "good"))
_CLOCK = re.compile(r"^\d{1,2}(?:h\d{0,2}|hs|hrs?|:\d\d)?$")
_ORDINALS = {"primeira": 1, "primeiro": 1, "segunda": 2, "segundo": 2, "terceira": 3,
             "terceiro": 3, "quarta": 4, "quarto": 4, "quinta": 5, "quinto": 5, "sexta": 6,
             "sexto": 6, "setima": 7, "setimo": 7, "oitava": 8, "oitavo": 8, "um": 1, "dois": 2,
             "tres": 3, "quatro": 4, "cinco": 5, "seis": 6, "sete": 7, "oito": 8, "tercera": 3,
             "tercero": 3, "primera": 1, "primero": 1, "first": 1, "second": 2, "third": 3,
             "fourth": 4, "fifth": 5}  # fmt: skip
_LAST = frozenset(("ultima", "ultimo", "a ultima", "o ultimo", "ultima opcao", "a ultima opcao"))
_OPTION = re.compile(r"^(?:(?:bom dia|boa tarde|boa noite|oi|ola)\W*)?(?:a |o |la )?"
                     r"(?:(?:opcao|opcion|option|op|numero|n|item)\W*)?(\d{1,2})(?!\d)(?!\s*(?:h|hs|hrs|horas|mil|reais|"
                     r"por(?! favor)|pessoas|usuarios|entregas|mensagens|msgs)\b)")  # fmt: skip
# "quero a opção 1", "eu quero o 4, sou motoboy", "acho q é a 5", "na vdd a 1": said around it
_OPTION_SAID = re.compile(r"^(?:(?:eu )?(?:quero|escolho|vou de|fico com|prefiro)|acho (?:q|que) "
                          r"(?:e|eh)|na (?:vdd|verdade)|entao|pode ser)\W+(?:a |o |la )?"
                          r"(?:(?:opcao|numero|op)\W*)?(\d{1,2})(?=\s*(?:$|[,.!?;]))")  # fmt: skip
_ORDINAL_CHOICE = re.compile(
    r"^(?:(?:quero|vou querer|vou de|fico com|escolho) )?"
    r"(?:a |o |la |el |the |opcao )?(\w+)(?: opcao| one)?\W*$"
)
_NEXT_TO_LAST = frozenset(("penultima", "a penultima", "o penultimo", "penultimo"))


def clauses(text: str) -> list[str]:
    """The message cut where a sentence or a question ends ("Londrina. vcs ficam onde?");
    a question keeps its question mark."""
    pieces, start = [], 0
    for end in _CLAUSE_END.finditer(text):
        pieces.append(text[start : end.start()] + ("?" if "?" in end.group() else ""))
        start = end.end()
    pieces.append(text[start:])
    return [c.strip(" ,-") for c in pieces if c.strip(" ,-?")]


def is_question(clause_text: str, original: str) -> bool:
    return original.rstrip().endswith("?") or clause_text.rstrip().endswith("?")


def time_phrase(text: str) -> str | None:
    """The longest run of time words, in the person's spelling ("amanhã de manhã")."""
    matches = list(_WORD.finditer(text))
    words = [fold(m.group()) for m in matches]
    best: tuple[int, int] | None = None
    i = 0
    while i < len(words):
        if not _is_head(words, i):
            i += 1
            continue
        j = i + 1
        while j < len(words) and (_is_head(words, j) or words[j] in _TIME_LINKS
                                  or _CLOCK.match(words[j])):  # fmt: skip
            j += 1
        while j > i + 1 and words[j - 1] in _TIME_LINKS and not _kept(words[j - 2], words[j - 1]):
            j -= 1
        start = i - 1 if i > 0 and words[i - 1] in _LEADS else i
        if best is None or (j - start) > (best[1] - best[0]):
            best = (start, j)
        i = j
    if best is None or not _meaningful(words[best[0] : best[1]]):
        return None
    said = text[matches[best[0]].start() : matches[best[1] - 1].end()]
    return re.sub(r"\s*[?!]+\s*", ", ", said)  # "segunda de manhã? depois das 9"


def _kept(before: str, last: str) -> bool:
    """A trailing link that ends the phrase: "semana que vem", "daqui 2 horas"."""
    pair = (before, last) == ("que", "vem") or (before, last) in _PAIRS
    return pair or (last in _UNITS and before.isdigit())


def _is_head(words: list[str], i: int) -> bool:
    word = words[i]
    following = words[i + 1] if i + 1 < len(words) else ""
    if (word, following) in _PAIRS or (i > 0 and (words[i - 1], word) in _PAIRS):
        return True
    if word == "daqui" and following.isdigit():
        return True
    if i > 0 and words[i - 1] in _GREETING_OPENERS:
        return False  # "boa tarde" greets; it is not a time
    if word in _TIME_HEADS:
        return word != "depois" or following in ("das", "do", "da", "de", "as")
    return bool(_CLOCK.match(word)) and ("h" in word or ":" in word or _after_as(words, i))


def _after_as(words: list[str], i: int) -> bool:
    return i > 0 and words[i - 1] in ("as", "a", "das", "dia", "at")


def _meaningful(words: list[str]) -> bool:
    """ "mais tarde" and "dia 10" are times; a bare "dia" or "fim" is not."""
    return len(words) > 1 or words[0] not in ("dia", "fim", "final", "inicio", "comeco", "mes")


def option_number(folded: str, count: int) -> int | None:
    """A menu option by its number ("2", "opção 4", "a quarta"), 1-based, within range."""
    match = _OPTION.match(folded) or _OPTION_SAID.match(folded)
    number = int(match.group(1)) if match else None
    if number is None:
        ordinal = _ORDINAL_CHOICE.match(folded)
        number = _ORDINALS.get(ordinal.group(1)) if ordinal else None
    if number is None and folded.strip(" .!") in _LAST:
        number = count
    if number is None and folded.strip(" .!") in _NEXT_TO_LAST:
        number = count - 1
    return number if number is not None and 1 <= number <= count else None


SHORT_FOREIGN = 5


def language(words: list[str], vocabularies: Mapping[str, frozenset[str]]) -> str | None:
    """English or Spanish when its own words outweigh Portuguese ones (else None).

    One word of its own is enough in a short message with no Portuguese word when the rest
    is names or numbers ("no gracias") or words both languages share ("mañana por la tarde",
    "me llamo Pedro Gómez"); beside unknown words alone it may be a loanword ("delivery top").
    """
    pt = vocabularies["pt"]
    own = {code: sum(1 for w in words if w in vocabularies[code] and w not in pt)
           for code in ("en", "es")}  # fmt: skip
    code = max(own, key=lambda c: own[c])
    native = sum(1 for w in words if w in pt and w not in vocabularies[code])
    if own[code] >= 2 and own[code] > native:
        return code
    if own[code] != 1 or native:
        return None
    shared = sum(1 for w in words if w in pt)
    return code if len(words) <= 2 or (shared and len(words) <= SHORT_FOREIGN) else None
