"""Deadlines as the last day the person accepts, from real temporal phrases only (SPEC §10):
folded text and the message's local date in, ``"AAAA-MM-DD"``, ``"urgente"`` or ``"sem
prazo"`` out (``corpus/slots/README.md``)."""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta

from pyloto_corp.domain.language.holidays import holiday

URGENT, FLEXIBLE = "urgente", "sem prazo"
SOON_DAYS = 14  # a deadline this close makes the lead urgent
MONTHS = ("janeiro", "fevereiro", "marco", "abril", "maio", "junho", "julho", "agosto",
          "setembro", "outubro", "novembro", "dezembro")  # fmt: skip
_M = "|".join(MONTHS)
_URGENT = re.compile(
    r"\b(?:pra ontem|para ontem|urgente|urgencia|o quanto antes|quanto antes|o mais rapido|"
    r"o mais breve|asap|imediat\w+|correndo|pra ja|para ja|as soon as possible|^ontem(?: k)?$)\b"
)
_FLEXIBLE = re.compile(
    r"\b(?:sem pressa|sem prazo|nao tenho prazo|nao tem prazo|tanto faz|sem data|quando der|"
    r"quando puder|nenhuma pressa|nao tenho pressa|nao tem pressa|prazo livre|sem urgencia|"
    r"pressa nao|pressa nenhuma)\b"
)
_DAY_WORD = re.compile(r"\b(?:pra|para|ate|chegar|entregar|pronto|pronta) (depois de amanha|"
                       r"amanha|hoje)\b|"
                       r"\b(depois de amanha|amanha|hoje) mesmo\b")  # fmt: skip
_ALONE = re.compile(r"^(?:e |so )?(?:pra |para |ate )?(depois de amanha|amanha|hoje)$")
_WEEK = re.compile(r"\b(?:essa|esta|nessa|nesta) semana|(semana que vem|proxima semana)\b")
_NUMBER = r"(\d+|um|uma|dois|duas|tres|quatro|cinco|seis|sete|oito|nove|dez|doze|quinze|vinte)"
_RELATIVE = re.compile(
    r"(?:^|\b(?:em|daqui|dentro de|uns|umas|mais ou menos|tipo|prazo de|prazo|ate|no maximo|"
    r"sao|seria|seriam|leva|levar|\d+ a|\d+ ou|\d+)"
    r"(?: a| uns| umas)? )" + _NUMBER + r" (dia|semana|mes|meses|ano)s?\b"
)
_WORDS = {"um": 1, "uma": 1, "dois": 2, "duas": 2, "tres": 3, "quatro": 4, "cinco": 5,
          "seis": 6, "sete": 7, "oito": 8, "nove": 9, "dez": 10, "doze": 12, "quinze": 15,
          "vinte": 20}  # fmt: skip
_MONTH = re.compile(r"(?:\b(inicio|comeco|meados|meio|fim|final|antes) (?:de |do mes de )?|"
                    r"\b(?:ate|em|pra|para|mes de|la pra|la por|por volta de|perto de|no maximo|"
                    r"prazo(?: ideal| final| e| seria)?) "
                    r"|^)(" + _M + r")\b")  # fmt: skip
_DATE = re.compile(
    r"\b(\d{1,2})\s*(?:/|-|de )\s*(\d{1,2}|" + _M + r")\b|"
    r"\b(?:ate|pra|para|dia|prazo) (\d{1,2}) (\d{1,2})\b"
)  # "pra 15/12", folded
_DAY_OF_MONTH = re.compile(r"\b(?:ate o|ate|pro|para o|pra|no) dia (\d{1,2})\b")
_NOT_ONCE = r"(?<!todo )(?<!toda )(?<!cada )(?<!orio no )(?<!ento no )(?<!anco no )"  # monthly
_THIS = re.compile(_NOT_ONCE + r"\b(inicio|comeco|meio|meados|fim|final) d[oe] (mes|ano)\b"
                   r"(?: que vem)?\b")  # fmt: skip
_HABIT = re.compile(r"\b(?:no|todo|toda) (?:fim|final|inicio|comeco) d[oe] (?:mes|semana)\b")
_NEXT = re.compile(r"\b(mes que vem|proximo mes|ano que vem|proximo ano)\b")
_YEAR = re.compile(r"\s*(?:de |do )?(20\d\d)\b")
_YEAR_SAID = re.compile(r"\b20\d\d\b")  # "até março de 2026": the year said stays
_WEEKDAY = re.compile(r"\b(?:ate|pra|para|antes de) (segunda|terca|quarta|quinta|sexta|sabado|"
                      r"domingo)(?:[ -]feira)?\b")  # fmt: skip
WEEKDAYS = ("segunda", "terca", "quarta", "quinta", "sexta", "sabado", "domingo")


def month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def add_months(day: date, months: int) -> date:
    year, month = divmod(day.month - 1 + months, 12)
    end = month_end(day.year + year, month + 1)
    return end.replace(day=min(day.day, end.day))


def _upcoming(today: date, month: int, day: int | None = None) -> date:
    """The next time that month (and day) comes, this year or the next."""
    year = today.year if (month, day or 31) >= (today.month, today.day) else today.year + 1
    if day is None:
        return month_end(year, month)
    return date(year, month, min(day, month_end(year, month).day))


def deadline(text: str, today: date, *, answer: bool = False) -> str | None:
    """The last day accepted, ``urgente``, ``sem prazo``, or None. ``answer`` (to "para
    quando?"): "amanhã" alone is one; elsewhere "hoje", "no fim do mês pra pagar" are not."""
    text = text if answer else _HABIT.sub(" ", text)  # "vê o total no fim do mês": a habit
    found = _calendar(text, today) or _relative(text, today) or _near(text, today)
    if found is not None and found < today and not _YEAR_SAID.search(text):
        found = found.replace(year=found.year + 1)  # "início do ano", said in December
    if _URGENT.search(text):  # "o quanto antes, uns 2 meses tá bom": the date said counts
        return found.isoformat() if found is not None else URGENT
    if _FLEXIBLE.search(text):  # "sem pressa, mas antes do natal": the date said counts
        return found.isoformat() if found is not None else FLEXIBLE
    if found is None and answer and (alone := _ALONE.match(text.strip())):
        found = today + timedelta({"hoje": 0, "amanha": 1}.get(alone.group(1), 2))
    return found.isoformat() if found else None


def is_flexible(text: str) -> bool:
    """ "tanto faz", "sem pressa": no deadline, which is an answer to "para quando?"."""
    return _FLEXIBLE.search(text) is not None


def is_urgent(value: object, today: date) -> bool:
    """ "urgente", or a last day at most two weeks away."""
    if value == URGENT:
        return True
    try:
        return date.fromisoformat(str(value)) - today <= timedelta(SOON_DAYS)
    except ValueError:
        return False  # "sem prazo", "unknown"


def _day_month(text: str, today: date) -> date | None:
    """ "até 15/01", "dia 10 de janeiro", "pra 15 12" (folded)."""
    found = _DATE.search(text)
    if found is None:
        return None
    day, raw = found.group(1, 2) if found.group(1) else found.group(3, 4)
    month = MONTHS.index(raw) + 1 if raw in MONTHS else int(raw)
    valid = 1 <= month <= 12 and 1 <= int(day) <= 31
    return _upcoming(today, month, int(day)) if valid else None


def _calendar(text: str, today: date) -> date | None:
    if found := _day_month(text, today) or holiday(text, today):
        return found
    if found := _THIS.search(text):
        return _part(today, found.group(1), found.group(2), found.group(0).endswith("vem"))
    if found := _MONTH.search(text):
        return _month(text, found, today)
    if found := _NEXT.search(text):
        if "mes" in found.group(1):
            return month_end(*divmod_month(today, 1))
        return date(today.year + 1, 12, 31)
    return None


def _month(text: str, found: re.Match[str], today: date) -> date:
    """ "até março", "início de março", "antes de fevereiro", "março de 2026"."""
    month = MONTHS.index(found.group(2)) + 1
    part = {"inicio": 10, "comeco": 10, "meados": 15, "meio": 15}.get(found.group(1) or "")
    before = timedelta(1) if found.group(1) == "antes" else timedelta(0)
    day = _upcoming(today, month, 1 if before else part) - before  # "antes de fevereiro"
    if (year := _YEAR.match(text[found.end() :])) and not before:  # "março de 2026"
        return _in_year(day, int(year.group(1)))
    return day


def _in_year(day: date, year: int) -> date:
    """The same day of the month in the year the person named (the end of the month kept)."""
    return month_end(year, day.month) if day == month_end(day.year, day.month) else date(
        year, day.month, min(day.day, month_end(year, day.month).day))  # fmt: skip


def divmod_month(today: date, ahead: int) -> tuple[int, int]:
    year, month = divmod(today.month - 1 + ahead, 12)
    return today.year + year, month + 1


def _part(today: date, part: str, unit: str, next_one: bool) -> date:
    """ "fim do mês", "começo do ano que vem", "meio do ano"."""
    if unit == "mes":
        year, month = divmod_month(today, 1 if next_one else 0)
        day = {"inicio": 10, "comeco": 10, "meio": 15, "meados": 15}.get(part)
        return month_end(year, month) if day is None else date(year, month, day)
    year = today.year + (1 if next_one else 0)
    if part in ("inicio", "comeco"):
        return date(year, 1, 31)
    if part in ("meio", "meados"):
        return _upcoming(today, 6) if not next_one else date(year, 6, 30)
    return date(year, 12, 31)


def _relative(text: str, today: date) -> date | None:
    every = [m for m in _RELATIVE.finditer(text) if not text[: m.start()].endswith("nao ")]
    if not every:
        return None
    found = every[-1]  # "2 a 3 meses": the last figure is the deadline
    raw, unit = found.group(1), found.group(2)
    amount = int(raw) if raw.isdigit() else _WORDS[raw]
    if unit.startswith("mes"):
        return add_months(today, amount)
    days = {"dia": 1, "semana": 7, "ano": 365}[unit]
    return add_months(today, 12 * amount) if unit == "ano" else today + timedelta(amount * days)


def _near(text: str, today: date) -> date | None:
    if found := _DAY_OF_MONTH.search(text):
        day = int(found.group(1))
        if 1 <= day <= 31:
            ahead = 0 if day >= today.day else 1
            year, month = divmod_month(today, ahead)
            return date(year, month, min(day, month_end(year, month).day))
    if found := _WEEKDAY.search(text):  # "até quarta": the next one
        return today + timedelta((WEEKDAYS.index(found.group(1)) - today.weekday()) % 7 or 7)
    if found := _WEEK.search(text):
        sunday = today + timedelta(6 - today.weekday())
        return sunday + timedelta(7) if found.group(1) else sunday
    if found := _DAY_WORD.search(text):
        said = found.group(1) or found.group(2)
        return today + timedelta({"hoje": 0, "amanha": 1}.get(said, 2))
    return None
