"""When to call back: the window a person gave ("amanhã de manhã", "segunda depois das 14h"),
in local time, as ``AAAA-MM-DDTHH:MM/HH:MM`` (``corpus/slots/README.md``)."""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta

from pyloto_corp.domain.language.dates import divmod_month, month_end

DAY = (8, 18)  # a day without a part of it: business hours
PARTS = {"manha": (8, 12), "cedo": (8, 12), "tarde": (12, 18), "noite": (18, 21),
         "almoco": (12, 13), "depois do almoco": (13, 18), "fim da tarde": (16, 18),
         "final da tarde": (16, 18), "fim do dia": (16, 18), "final do dia": (16, 18)}  # fmt: skip
WEEKDAYS = ("segunda", "terca", "quarta", "quinta", "sexta", "sabado", "domingo")
LATEST = 21
AFTERNOON_ONLY = 6  # hours 1 to 6 said alone are in the afternoon
_PART = re.compile(
    r"\b(depois do almoco|(?:fim|final) d[ao] (?:tarde|dia)|"
    r"(?:de|pela|na|a|no periodo da|durante a|essa|esta|hoje a|amanha a|amanha de) "
    r"(manha|tarde|noite)|(cedo|cedinho)|(?:hora do|no) (almoco)|(manha|tarde|noite)$)"
)
_GREETING = re.compile(r"\b(?:bom dia|boa tarde|boa noite|mais tarde|tarde demais)\b")
_DAY = re.compile(r"\b(depois de amanha|amanha|hoje|" + "|".join(WEEKDAYS)
                  + r")(?:[ -]feira)?\b")  # fmt: skip
_MONTH_NAMES = "jan|fev|mar|abr|mai|jun|jul|ago|set|out|nov|dez"
_DAY_OF_MONTH = re.compile(r"\bdia ([1-9]|[12]\d|3[01])\b(?! de (?:" + _MONTH_NAMES + r"))")
_HOUR = r"(\d{1,2})(?:(?:h|:| horas?)(\d{2})?)?"
_AFTER = re.compile(r"\b(?:depois das?|a partir das?|apos as?|apos a?s?) " + _HOUR + r"\b")
_BEFORE = re.compile(r"\b(?:antes das?|ate as?) " + _HOUR + r"\b")
_BETWEEN = re.compile(r"\b(?:entre|das?) " + _HOUR + r" (?:e|as?|ate as?) " + _HOUR + r"\b")
_AT = re.compile(r"\b(?:as|la pelas?|umas|por volta das?|pelas?) " + _HOUR + r"\b|\b"
                 + r"(\d{1,2})(?:h|:)(\d{2})?\b")  # fmt: skip


def _hour(raw: str | None, minutes: str | None = None) -> float | None:
    if raw is None:
        return None
    value = int(raw)
    if 1 <= value <= AFTERNOON_ONLY:  # "lá pelas 4", "às 3": nobody calls back at 4 a.m.
        value += 12
    return value + int(minutes or 0) / 60 if 0 <= value <= 23 else None


def _hours(text: str) -> tuple[float, float] | None:
    if (found := _BETWEEN.search(text)) and (a := _hour(*found.group(1, 2))) is not None:
        b = _hour(*found.group(3, 4))
        return (a, b) if b is not None and b > a else None
    if (found := _AFTER.search(text)) and (a := _hour(*found.group(1, 2))) is not None:
        return a, max(DAY[1], min(a + 3, LATEST)) if a >= DAY[1] else DAY[1]
    if (found := _BEFORE.search(text)) and (b := _hour(*found.group(1, 2))) is not None:
        return min(DAY[0], b - 1), b
    if found := _AT.search(text):
        at = _hour(found.group(1), found.group(2)) if found.group(1) else _hour(*found.group(3, 4))
        return (at, at + 1) if at is not None else None
    return None


def _part(text: str) -> tuple[float, float] | None:
    every = list(_PART.finditer(_GREETING.sub(" ", text)))
    if not every:
        return None
    found = every[-1]  # "amanhã de manhã não dá... melhor segunda à tarde"
    key = next(g for g in found.groups()[1:] if g) if any(found.groups()[1:]) else found.group(1)
    key = "cedo" if key == "cedinho" else re.sub(r"^final", "fim", key)
    return PARTS.get(key, PARTS.get(key.replace("fim da dia", "fim do dia")))


def _day(text: str, today: date) -> date | None:
    if numbered := _DAY_OF_MONTH.search(text):  # "dia 10 à tarde": this month or the next
        year, month = divmod_month(today, 1 if int(numbered.group(1)) < today.day else 0)
        return date(year, month, min(int(numbered.group(1)), month_end(year, month).day))
    every = list(_DAY.finditer(_GREETING.sub(" ", text)))
    if not every:
        return None
    found = every[-1]  # "hoje não dá, me liga quarta": the day that is meant comes last
    word = found.group(1)
    if word in ("hoje", "amanha", "depois de amanha"):
        return today + timedelta({"hoje": 0, "amanha": 1}.get(word, 2))
    ahead = (WEEKDAYS.index(word) - today.weekday()) % 7 or 7
    return today + timedelta(ahead)


_AFTERNOON = re.compile(r"\b(\d{1,2})(?:h|hs| horas?)? da (tarde|noite)\b")
_SPOKEN = ((re.compile(r"\bmeio[ -]dia\b"), "12h"), (re.compile(r"\b(\d{1,2})hs\b"), r"\1h"),
           (re.compile(r"\bmanhazinha\b"), "manha"), (re.compile(r"\bnoitinha\b"), "noite"),
           (re.compile(r"\btardezinha\b"), "tarde"),
           (re.compile(r"\bapos o almoco\b"), "depois do almoco"), (re.compile(r"\bhj\b"), "hoje"),
           (re.compile(r"\bamn?h\b"), "amanha"), (re.compile(r"\bdps\b"), "depois"),
           (re.compile(r"\bseg\b"), "segunda"), (re.compile(r"\bter\b"), "terca"),
           (re.compile(r"\bqua\b"), "quarta"), (re.compile(r"\bqui\b"), "quinta"),
           (re.compile(r"\bsex\b"), "sexta"), (re.compile(r"\bsab\b"), "sabado"))  # fmt: skip


def _spoken(text: str) -> str:
    """ "3 da tarde" → "15h", "meio dia" → "12h", "9hs" → "9h", "manhãzinha" → "manha"."""
    text = _AFTERNOON.sub(lambda m: f"{int(m.group(1)) % 12 + 12}h", text)
    for pattern, plain in _SPOKEN:
        text = pattern.sub(plain, text)
    return text


def window(text: str, now: datetime) -> str | None:
    """The call-back window in ``text`` (folded), or None when no time was given."""
    text = _spoken(text)
    hours, day = _hours(text) or _part(text), _day(text, now.date())
    if hours is None and day is None:
        return None
    start, end = hours or DAY
    if day is None:
        day = now.date() if end > now.hour + now.minute / 60 else now.date() + timedelta(1)
    return f"{day.isoformat()}T{_clock(start)}/{_clock(end)}"


def _clock(hour: float) -> str:
    whole = int(hour)
    return f"{whole:02d}:{round((hour - whole) * 60):02d}"
