"""Entity extraction for slot filling: what the person already told us, in free text."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, fields

from pyloto_corp.domain.language import entity_rules as rules
from pyloto_corp.domain.language.gazetteer import Gazetteer, find_sequence
from pyloto_corp.domain.language.normalize import fold, tokens

_NAME_INTRO = re.compile(
    r"\b(?:meu nome (?:é|e)|me chamo|aqui (?:é|e)(?: (?:o|a))?|(?:eu )?sou (?:o|a)|"
    r"(?:é|e) (?:o|a) (?=\w+ (?:aqui|falando)))\s+([^\W\d_]+(?:\s+[^\W\d_]+)?)",
    re.IGNORECASE,
)
_STRONG_INTRO = re.compile(r"\b(?:meu nome|me chamo)\b", re.IGNORECASE)
_OWNERSHIP = {
    "minha",
    "meu",
    "nossa",
    "nosso",
    "tenho",
    "uma",
    "um",
    "da",
    "do",
    "na",
    "no",
    "somos",
}
_OPENERS = frozenset(("bom", "boa", "buenos", "buenas", "good"))
_DAYTIMES = frozenset(("dia", "tarde", "noite", "tardes", "noches", "dias", "morning", "afternoon",
                       "evening"))  # fmt: skip
_SET_ASIDE = frozenset(("vez", "sem", "nao", "tira", "tirar", "menos", "exceto", "tirando"))
_ROLE_CONTEXT = {"sou", "como", "cargo", "o", "a"}
_AMBIGUOUS_ROLES = {"assistente", "secretaria", "analista", "colaborador", "colaboradora"}


@dataclass(frozen=True, slots=True)
class Entities:
    name: str | None = field(default=None, repr=False)
    city: str | None = field(default=None, repr=False)
    state: str | None = None
    is_business: bool | None = None
    business_name: str | None = field(default=None, repr=False)
    business_kind: str | None = None
    role: str | None = None
    deadline: str | None = None
    urgent: bool = False
    user_count: int | None = None
    volume: str | None = None
    vehicle: str | None = None
    availability: tuple[str, ...] = ()
    channels: tuple[str, ...] = ()
    budget: str | None = None

    def found(self) -> dict[str, object]:
        """Only what was actually said (no empty values)."""
        values = ((f.name, getattr(self, f.name)) for f in fields(self))
        return {k: v for k, v in values if v not in (None, (), False)}


def _without_greetings(words: list[str]) -> list[str]:
    """ "boa tarde" greets: it is no availability, deadline or time (SPEC §10)."""
    kept: list[str] = []
    for word in words:
        if word in _DAYTIMES and kept and kept[-1] in _OPENERS:
            kept.pop()
            continue
        kept.append(word)
    return kept


def extract(text: str, gazetteer: Gazetteer) -> Entities:
    words = _without_greetings(tokens(text, gazetteer.abbreviations))
    flat = " ".join(words)
    city = find_sequence(words, gazetteer.cities, gazetteer.city_span)
    kind = _business_kind(words, gazetteer)
    when, urgent = rules.deadline(flat, gazetteer.months)
    return Entities(
        name=person_name(text, gazetteer),
        city=city[0] if city else None,
        state=city[1] if city else _state(words, gazetteer),
        is_business=True if kind or "cnpj" in words else None,
        business_name=_business_name(text, gazetteer),
        business_kind=kind,
        role=_role(words, gazetteer),
        deadline=when,
        urgent=urgent,
        user_count=rules.user_count(flat, gazetteer.number_words),
        volume=rules.volume(flat, gazetteer.number_words),
        vehicle=_vehicle(words, gazetteer),
        availability=_availability(words, gazetteer),
        channels=_channels(words, gazetteer),
        budget=rules.budget(flat),
    )


def _channels(words: list[str], gazetteer: Gazetteer) -> tuple[str, ...]:
    """Channels named, not one set aside ("em vez do site", "sem instagram", "tira o email")."""
    kept = []
    for i, word in enumerate(words):
        if word in gazetteer.channels and not _SET_ASIDE & set(words[max(0, i - 3) : i]):
            kept.append(gazetteer.channels[word])
    return tuple(dict.fromkeys(kept))


def person_name(text: str, gazetteer: Gazetteer) -> str | None:
    """ "sou a Ana", "meu nome é joão silva" → "Ana", "João Silva"; never a role or a job."""
    found = _NAME_INTRO.search(text)
    if found is None:
        return None
    parts = []
    for word in found.group(1).split():
        if fold(word) in gazetteer.not_names or len(word) < 2:
            break
        parts.append(word)
    strong = _STRONG_INTRO.search(text) is not None
    if not parts or not (strong or parts[0][0].isupper()):
        return None
    return " ".join(p.capitalize() for p in parts)


def _state(words: list[str], gazetteer: Gazetteer) -> str | None:
    return find_sequence(words, gazetteer.state_names)


def _business_kind(words: list[str], gazetteer: Gazetteer) -> str | None:
    for i, word in enumerate(words):
        if word in gazetteer.business_kinds and _OWNERSHIP & set(words[max(0, i - 2) : i]):
            return word
    return None


def _business_name(text: str, gazetteer: Gazetteer) -> str | None:
    """The capitalised words right after a business kind ("padaria Pão Quente")."""
    for found in re.finditer(r"\b([^\W\d_]+)\s+((?:[A-ZÀ-Ý][\w'&-]*\s?){1,4})", text):
        if fold(found.group(1)) in gazetteer.business_kinds:
            return found.group(2).strip()
    return None


def _role(words: list[str], gazetteer: Gazetteer) -> str | None:
    for i, word in enumerate(words):
        role = gazetteer.roles.get(word)
        if role and (word not in _AMBIGUOUS_ROLES or _ROLE_CONTEXT & set(words[max(0, i - 2) : i])):
            return role
    return None


def _vehicle(words: list[str], gazetteer: Gazetteer) -> str | None:
    for i, word in enumerate(words):
        if word in gazetteer.vehicles and (word != "pe" or words[i - 1 : i] == ["a"]):
            return gazetteer.vehicles[word]
    return None


def _availability(words: list[str], gazetteer: Gazetteer) -> tuple[str, ...]:
    """Periods of the day or week; plurals count ("noites", "sábados", "tardes")."""
    table = gazetteer.availability
    words = [w[:-1] if (w[:-1],) in table and (w,) not in table else w for w in words]
    seen: list[str] = []
    for size in (3, 2, 1):
        for i in range(len(words) - size + 1):
            value = gazetteer.availability.get(tuple(words[i : i + size]))
            if value and value not in seen:
                seen.append(value)
    return tuple(seen)
