"""When to call back: the window a person gave ("amanhã de manhã", "segunda depois das 14h"),
in local time, as ``AAAA-MM-DDTHH:MM/HH:MM`` (``corpus/slots/README.md``)."""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta

from pyloto_corp.domain.language.corrections import self_corrected
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
_NOT = re.compile(r"[\s,]*(?:nao|n)\b")  # "de manhã não dá"
_GREETING = re.compile(r"\b(?:bom dia|boa tarde|boa noite|mais tarde|tarde demais)\b")
_DAY = re.compile(r"\b(depois de amanha|amanha|hoje|" + "|".join(WEEKDAYS)
                  + r")(?:[ -]feira)?\b")  # fmt: skip
_MONTH_NAMES = "jan|fev|mar|abr|mai|jun|jul|ago|set|out|nov|dez"
_DAY_OF_MONTH = re.compile(r"\bdia ([1-9]|[12]\d|3[01])\b(?! de (?:" + _MONTH_NAMES + r"))")
_HOUR = r"(\d{1,2})(?:(?:h|:| horas?)(\d{2})?)?"
_AFTER = re.compile(r"\b(?:depois das?|a partir das?|apos as?|apos a?s?) " + _HOUR + r"\b")
_BEFORE = re.compile(r"\b(?:antes das?|ate as?) " + _HOUR + r"\b")
_BETWEEN = re.compile(r"\b(?:entre|das?) " + _HOUR + r" (?:e|as?|ate as?) " + _HOUR + r"\b")
_COUNTED = (
    r"(?!\s*(?:pessoas|usuarios|funcionarios|atendentes|entregas|pedidos|mensagens|mil|"
    r"reais|por)\b)"
)  # "umas 5 pessoas": no hour
_AT = re.compile(r"\b(?:as|la pelas?|umas|por volta das?|pelas?) " + _HOUR + r"\b" + _COUNTED
                 + r"|\b(\d{1,2})(?:h|:)(\d{2})?\b")  # fmt: skip


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
        part = _part(text)  # "terça de manhã depois das 10": until noon
        if part is not None and part[0] <= a < part[1]:
            return a, part[1]
        return a, max(DAY[1], min(a + 3, LATEST)) if a >= DAY[1] else DAY[1]
    if (found := _BEFORE.search(text)) and (b := _hour(*found.group(1, 2))) is not None:
        return min(DAY[0], b - 1), b
    if found := _AT.search(text):
        at = _hour(found.group(1), found.group(2)) if found.group(1) else _hour(*found.group(3, 4))
        return (at, at + 1) if at is not None else None
    return None


def _part(text: str) -> tuple[float, float] | None:
    plain = _GREETING.sub(" ", text)
    every = [m for m in _PART.finditer(plain) if not _NOT.match(plain, m.end())]
    if not every:
        return None
    days = {m.end() for m in _DAY.finditer(plain)}
    with_day = [m for m in every if any(m.start() - 3 <= end <= m.end() for end in days)]
    found = (with_day or every)[-1]  # "amanhã de manhã não dá... melhor segunda à tarde"
    key = next(g for g in found.groups()[1:] if g) if any(found.groups()[1:]) else found.group(1)
    key = "cedo" if key == "cedinho" else re.sub(r"^final", "fim", key)
    return PARTS.get(key, PARTS.get(key.replace("fim da dia", "fim do dia")))


def _day(text: str, today: date) -> date | None:
    if numbered := _DAY_OF_MONTH.search(text):  # "dia 10 à tarde": this month or the next
        year, month = divmod_month(today, 1 if int(numbered.group(1)) < today.day else 0)
        return date(year, month, min(int(numbered.group(1)), month_end(year, month).day))
    if slashed := _SLASHED.search(text):  # "07/12 às 16h"
        day, month = int(slashed.group(1)), int(slashed.group(2))
        year = today.year + (1 if (month, day) < (today.month, today.day) else 0)
        return date(year, month, min(day, month_end(year, month).day)) if month <= 12 else None
    plain = _GREETING.sub(" ", text)
    every = [m for m in _DAY.finditer(plain) if not _NOT.match(plain, m.end())]
    if not every:
        return _next_week(plain, today)
    found = every[-1]  # "hoje não dá, me liga quarta": the day that is meant comes last
    if len(every) > 1 and plain[every[-2].end() : found.start()].strip() == "ou":
        found = every[-2]  # "segunda ou terça de manhã": the first one
    word = found.group(1)
    if word in ("hoje", "amanha", "depois de amanha"):
        return today + timedelta({"hoje": 0, "amanha": 1}.get(word, 2))
    ahead = (WEEKDAYS.index(word) - today.weekday()) % 7 or 7
    return today + timedelta(ahead)


_NOW = re.compile(r"\b(?:agora|agorinha|ja pode|pode ligar ja)\b")
_SLASHED = re.compile(r"\b(0?[1-9]|[12]\d|3[01])/(0?[1-9]|1[0-2])\b")
_NEXT_WEEK = re.compile(r"\b(?:semana que vem|proxima semana)\b")


def _next_week(text: str, today: date) -> date | None:
    """ "semana que vem de manhã": the next Monday."""
    return today + timedelta(7 - today.weekday()) if _NEXT_WEEK.search(text) else None


_AFTERNOON = re.compile(r"\b(\d{1,2})(?:h|hs| horas?)? da (tarde|noite)\b")
_SPOKEN = ((re.compile(r"\bmeio[ -]dia\b"), "12h"), (re.compile(r"\b(\d{1,2})hs\b"), r"\1h"),
           (re.compile(r"\bmanhazinha\b"), "manha"), (re.compile(r"\bnoitinha\b"), "noite"),
           (re.compile(r"\btardezinha\b"), "tarde"),
           (re.compile(r"\bapos o almoco\b"), "depois do almoco"), (re.compile(r"\bhj\b"), "hoje"),
           (re.compile(r"\bamn?h?\b"), "amanha"), (re.compile(r"\bdps\b"), "depois"),
           (re.compile(r"\btardi\b"), "tarde"), (re.compile(r"\bmanhan\b"), "manha"),
           (re.compile(r"\b(\d{1,2})(?:h|hs| horas?)? e meia\b"), r"\1h30"),
           (re.compile(r"\b(\d{1,2})(?:h|hs| horas?)? da manha\b"), r"\1h"),
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
    split = self_corrected(text)  # "amanhã às 8, não, às 9": the later time, the day said
    later = split[1] if split else text
    hours = _hours(later) or _part(later) or _hours(text) or _part(text)
    day = _day(later, now.date()) or _day(text, now.date())
    if hours is None and day is None:
        return _now(text, now)
    start, end = hours or DAY
    if day is None:
        day = now.date() if end > now.hour + now.minute / 60 else now.date() + timedelta(1)
    return f"{day.isoformat()}T{_clock(start)}/{_clock(end)}"


def _now(text: str, now: datetime) -> str | None:
    """ "pode ser agora, tô livre": the next hour."""
    if not _NOW.search(text) or _NOT.search(text):
        return None
    start = now.hour + now.minute / 60
    return f"{now.date().isoformat()}T{_clock(start)}/{_clock(min(start + 1, 24))}"


def _clock(hour: float) -> str:
    whole = int(hour)
    return f"{whole:02d}:{round((hour - whole) * 60):02d}"
