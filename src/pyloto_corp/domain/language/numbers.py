"""Numbers as people type them: digits ("2.500", "2,5 mil", "30k") and Portuguese words
("vinte e cinco", "duzentos e cinquenta", "dois mil e quinhentos", "meia dúzia")."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from pyloto_corp.domain.language.normalize import fold

UNITS = {"zero": 0, "um": 1, "uma": 1, "dois": 2, "duas": 2, "tres": 3, "quatro": 4,
         "cinco": 5, "treis": 3, "trez": 3, "sinco": 5, "doiz": 2, "qtro": 4, "seis": 6, "sete": 7,
         "oito": 8, "nove": 9, "dez": 10, "onze": 11,
         "doze": 12, "treze": 13, "quatorze": 14, "catorze": 14, "quinze": 15,
         "dezesseis": 16, "dezasseis": 16, "dezessete": 17, "dezoito": 18, "dezenove": 19,
         "vinte": 20, "trinta": 30, "quarenta": 40, "cinquenta": 50, "sessenta": 60,
         "setenta": 70, "oitenta": 80, "noventa": 90, "cem": 100, "cento": 100,
         "duzentos": 200, "duzentas": 200, "trezentos": 300, "trezentas": 300,
         "quatrocentos": 400, "quinhentos": 500, "quinhentas": 500, "seiscentos": 600,
         "setecentos": 700, "oitocentos": 800, "novecentos": 900}  # fmt: skip
SCALES = {
    "dezena": 10,
    "dezenas": 10,
    "mil": 1000,
    "k": 1000,
    "pau": 1000,
    "paus": 1000,
    "milhao": 1_000_000,
    "milhoes": 1_000_000,
}  # "uns 2 pau": two thousand reais
# Words one letter away from a number word that are no typo of it ("loja de tintas").
NOT_TYPOS = frozenset(("tinta", "tintas", "quadro", "quadros", "centro", "cinto", "trinca"))
TYPO_MIN = 5  # "qinze", "desoito": shorter words ("dose", "seus") are too close to others
_THOUSANDS = re.compile(r"(?<=\d)[.](?=\d{3}\b)")
_DECIMAL = re.compile(r"(?<=\d),(?=\d)")
_TOKEN = re.compile(r"\d+(?:\.\d+)?|[a-z]+|\$|%|/|\?|-|\+")
_SPLIT_UNIT = re.compile(r"(?<=\d)(?=[a-z])|(?<=[a-z])(?=\d)")


@dataclass(frozen=True, slots=True)
class Number:
    start: int  # token span in the words
    end: int
    value: int


_DOCUMENT = re.compile(r"\b\d{2}\.?\d{3}\.?\d{3}/?\d{4}-?\d{2}\b|\b\d{3}\.\d{3}\.\d{3}-\d{2}\b")
_LAUGHTER = re.compile(r"\b(?:[kK]{2,}|(?:rs){2,}|(?:ha){2,})\b")  # "zero kkk": no thousands


def number_words(text: str) -> list[str]:
    """Folded tokens that keep numbers whole ("R$ 2.500,00" → ["r", "$", "2500.00"])."""
    return list(_number_words(text))


@lru_cache(maxsize=1024)
def _number_words(text: str) -> tuple[str, ...]:
    """The tokens of ``number_words``, cached: a turn reads its numbers several times."""
    text = _DOCUMENT.sub(" ", _LAUGHTER.sub(" ", text))  # a CNPJ or CPF counts nothing
    plain = _DECIMAL.sub(".", _THOUSANDS.sub("", fold(text)))
    plain = _THOUSANDS.sub("", plain)  # "1.000.000"
    return tuple(_TOKEN.findall(_SPLIT_UNIT.sub(" ", plain)))


def _one_off(word: str, key: str) -> bool:
    """One letter typed wrong, missing or extra."""
    if len(word) == len(key):
        return sum(a != b for a, b in zip(word, key, strict=True)) == 1
    short, long = sorted((word, key), key=len)
    return len(long) - len(short) == 1 and any(
        long[:i] + long[i + 1 :] == short for i in range(len(long))
    )


@lru_cache(maxsize=4096)
def unit_of(word: str) -> int | None:
    """A number word's value, typos included ("qinze" → 15, "desoito" → 18)."""
    if word in UNITS:
        return UNITS[word]
    if len(word) < TYPO_MIN or word in NOT_TYPOS or not word.isalpha():
        return None
    typed = [k for k in UNITS if len(k) >= TYPO_MIN and k != "cento" and _one_off(word, k)]
    return UNITS[typed[0]] if len(typed) == 1 else None


def _scaled(words: Sequence[str], j: int, value: float) -> tuple[float, int]:
    if j < len(words) and words[j] in SCALES:
        return value * SCALES[words[j]], j + 1
    return value, j


def _spelled(words: Sequence[str], i: int) -> tuple[float, int] | None:
    """ "dois mil e quinhentos" → (2500, index after it); "trinta e quarenta" stops at 30."""
    total = current = last = 0.0
    j = end = i
    while j < len(words):
        word = words[j]
        if word in ("meia", "uma", "duas") and j + 1 < len(words) and words[j + 1] == "duzia":
            half = tuple(words[j + 2 : j + 4]) == ("e", "meia")  # "uma dúzia e meia": 18
            dozens = {"meia": 6.0, "uma": 12.0, "duas": 24.0}[word]
            return (dozens + 6.0, j + 4) if half else (dozens, j + 2)
        unit = unit_of(word)
        if unit is not None and end > i and last and unit >= last:
            break  # "trinta e quarenta": two numbers, not seventy
        if unit is not None:
            current, last, end = current + unit, unit, j + 1
        elif word in SCALES and (end > i or word == "mil"):  # "umas mil pessoas"
            total, current, last, end = total + (current or 1) * SCALES[word], 0.0, 0.0, j + 1
        elif word == "e" and end > i and tuple(words[j + 1 : j + 2]) in (("meio",), ("meia",)):
            current, end, j = current + 0.5, j + 2, j + 1  # "dois e meio mil"
        elif not (word == "e" and end > i and j + 1 < len(words) and unit_of(words[j + 1])):
            break
        j += 1
    return (total + current, end) if end > i else None


def numbers(words: Sequence[str]) -> tuple[Number, ...]:
    """Every number in ``words`` (from ``number_words``), in order."""
    return _numbers(tuple(words))


@lru_cache(maxsize=1024)
def _numbers(words: tuple[str, ...]) -> tuple[Number, ...]:
    """Every number in ``words`` (from ``number_words``), in order."""
    found: list[Number] = []
    i = 0
    while i < len(words):
        word = words[i]
        if word[0].isdigit():
            value, j = _scaled(words, i + 1, float(word))
        elif (spelled := _spelled(words, i)) is not None:
            value, j = spelled
        else:
            i += 1
            continue
        found.append(Number(i, j, round(value)))
        i = j
    return tuple(found)


def first_number(text: str) -> int | None:
    found = numbers(number_words(text))
    return found[0].value if found else None


def figure_said(text: str) -> bool:
    """A quantity is said ("umas 100", "dez", "8 mil"), not only "um"/"uma" nor "10x"."""
    words = number_words(text)
    return any(words[n.start] not in ("um", "uma") and words[n.end : n.end + 1] not in (
        ["x"], ["vezes"]) for n in numbers(words))  # fmt: skip
