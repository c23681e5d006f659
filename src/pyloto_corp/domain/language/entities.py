"""Entity extraction for slot filling: what the person already told us, in free text."""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from datetime import date

from pyloto_corp.domain.language import amounts, companies, dates, people, profile
from pyloto_corp.domain.language.corrections import self_corrected
from pyloto_corp.domain.language.documents import documents
from pyloto_corp.domain.language.gazetteer import Gazetteer, find_sequence
from pyloto_corp.domain.language.names import person_name
from pyloto_corp.domain.language.normalize import fold, tokens
from pyloto_corp.domain.language.profile import GENERIC

CALL_BACK = frozenset(("liga", "ligar", "ligue", "ligacao", "chama", "retorna", "retornar",
                       "retorno", "falar", "conversar", "contato"))  # fmt: skip
DAYS = frozenset(("amanha", "hoje", "depois"))
WEEKDAYS = frozenset(("segunda", "terca", "quarta", "quinta", "sexta", "sabado", "domingo"))
NOT_USED = frozenset(("vi", "anuncio", "propaganda", "achei", "conheci"))  # "vi no insta"
MODELS = frozenset(
    (
        "titan",
        "fan",
        "cg",
        "bros",
        "twister",
        "lander",
        "hornet",
        "crosser",
        "pop",
        "factor",
        "montana",
        "start",
    )
)  # names that are also words
OWNING = frozenset(("uma", "um", "minha", "meu", "tenho", "de", "com", "numa", "num", "a", "o",
                    "da", "do", "veiculo", "moto"))  # fmt: skip
_OPENERS = frozenset(("bom", "boa", "buenos", "buenas", "good"))
_DAYTIMES = frozenset(("dia", "tarde", "noite", "tardes", "noches", "dias", "morning", "afternoon",
                       "evening"))  # fmt: skip
_SET_ASIDE = frozenset(("vez", "sem", "nao", "tira", "tirar", "menos", "exceto", "tirando"))


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
    budget: int | str | None = None
    cpf: str | None = field(default=None, repr=False)
    cnpj: str | None = field(default=None, repr=False)

    def found(self) -> dict[str, object]:
        """Only what was actually said (no empty values; "não é empresa" is said)."""
        values = ((f.name, getattr(self, f.name)) for f in fields(self))
        return {
            k: v
            for k, v in values
            if v not in (None, ()) and (v is not False or k == "is_business")
        }

    def then(self, later: Entities, *, adding: bool) -> Entities:
        """A self-correction: the later values win; lists grow only when ``adding``."""
        merged = {}
        for f in fields(self):
            before, after = getattr(self, f.name), getattr(later, f.name)
            if isinstance(before, tuple) and adding:
                after = tuple(dict.fromkeys((*before, *after)))
            merged[f.name] = after if after not in (None, (), False) else before
        return Entities(**merged)


def _without_greetings(words: list[str]) -> list[str]:
    """ "boa tarde" greets: it is no availability, deadline or time (SPEC §10)."""
    kept: list[str] = []
    for word in words:
        if word in _DAYTIMES and kept and kept[-1] in _OPENERS:
            kept.pop()
            continue
        kept.append(word)
    return kept


def said(text: str, gazetteer: Gazetteer) -> list[str]:
    """The folded words, abbreviations expanded and greetings set aside."""
    return _without_greetings(tokens(text, gazetteer.abbreviations))


def extract(text: str, gazetteer: Gazetteer, today: date | None = None) -> Entities:
    """Everything the text says in passing; dates need ``today`` (the message's local date).
    After a self-correction ("não pera", "quer dizer") the later value wins."""
    split = self_corrected(text)
    if split is None:
        return _extract(text, gazetteer, today)
    earlier, later = (_extract(part, gazetteer, today) for part in split)
    return earlier.then(later, adding=" tambem" in f" {fold(split[1])}")


def _extract(text: str, gazetteer: Gazetteer, today: date | None) -> Entities:
    words = said(text, gazetteer)
    flat = " ".join(words)
    city = find_sequence(words, gazetteer.cities, gazetteer.city_span) or _city(text, gazetteer)
    person = profile.Said.of(text)
    kind = profile.business_kind(person, gazetteer)
    company, role = companies.company(person, gazetteer), profile.role(person, gazetteer)
    cpf, cnpj = documents(text)
    when = dates.deadline(flat, today) if today is not None else None
    return Entities(
        name=person_name(text, gazetteer),
        city=city[0] if city else None,
        state=city[1] if city else _state(words, gazetteer),
        is_business=_business(kind or company or role or cnpj, companies.personal(person)),
        business_name=company,
        business_kind=(kind[1] if kind else None) or _kind_named(company, gazetteer),
        role=role,
        deadline=when,
        urgent=today is not None and dates.is_urgent(when, today),
        user_count=people.user_count(text),
        volume=amounts.volume(text),
        vehicle=_vehicle(words, gazetteer),
        availability=_availability(words, gazetteer),
        channels=_channels(words, gazetteer),
        budget=amounts.budget(text),
        cpf=cpf,
        cnpj=cnpj,
    )


def _channels(words: list[str], gazetteer: Gazetteer) -> tuple[str, ...]:
    """Channels named, not one set aside ("em vez do site", "sem instagram", "tira o email")."""
    kept = []
    for i, word in enumerate(words):
        before = set(words[max(0, i - 4) : i])
        if word not in gazetteer.channels or _SET_ASIDE & before or NOT_USED & before:
            continue
        following = words[i + 1 : i + 3]
        number = following[:1] if following[:1] not in (["e"], ["eh"]) else following[1:]
        if words[i - 1 : i] in (["um"], ["uma"]) or (number and number[0][:1].isdigit()):
            continue  # "quero um site" (the product), "meu telefone é 42..."
        kept.append(gazetteer.channels[word])
    return tuple(dict.fromkeys(kept))


def _kind_named(company: str | None, gazetteer: Gazetteer) -> str | None:
    """ "Padaria Bom Pão": the name says the kind of business."""
    first = company.split()[0] if company else ""
    low = fold(first)
    return first.lower() if low in gazetteer.business_kinds and low not in GENERIC else None


def _business(signs: object, personal: bool) -> bool | None:
    """For a business ("minha loja", a role, a CNPJ); not when "é pra mim, pessoa física"."""
    if personal:
        return False
    return True if signs else None


def _city(text: str, gazetteer: Gazetteer) -> tuple[str, str] | None:
    """Any IBGE municipality, when a cue says it is a place ("moro em", "sou de", "/SC")."""
    found = gazetteer.places.in_passing(tokens(text)) if gazetteer.places else None
    return (found.name, found.uf) if found else None


def _state(words: list[str], gazetteer: Gazetteer) -> str | None:
    return find_sequence(words, gazetteer.state_names)


def _vehicle(words: list[str], gazetteer: Gazetteer) -> str | None:
    """The last vehicle named ("vou de bike, agora tenho uma biz"); a model's name only as a
    vehicle ("tenho uma pop", never "Smash Bros Burger"), none set aside ("esquece a moto")."""
    found = None
    for i, word in enumerate(words):
        if word not in gazetteer.vehicles or (word == "pe" and words[i - 1 : i] != ["a"]):
            continue
        sized = words[i + 1 : i + 2] and words[i + 1].isdigit()  # "cg 150", "titan 160"
        if word in MODELS and not (set(words[max(0, i - 2) : i]) & OWNING or sized):
            continue
        if not _SET_ASIDE & set(words[max(0, i - 3) : i]) and words[i - 1 : i] != ["esquece"]:
            found = gazetteer.vehicles[word]
    return found


def _availability(words: list[str], gazetteer: Gazetteer) -> tuple[str, ...]:
    """Periods of the day or week, in the order said; plurals count ("noites", "sábados")."""
    table = gazetteer.availability
    words = [w[:-1] if (w[:-1],) in table and (w,) not in table else w for w in words]
    seen: list[str] = []
    calling = bool(CALL_BACK & set(words))
    i = 0
    while i < len(words):
        size = next((n for n in (4, 3, 2, 1) if tuple(words[i : i + n]) in table), 0)
        value = table.get(tuple(words[i : i + size])) if size else None
        if value and value not in seen and not _not_available(words, i, size, calling):
            seen.append(value)
        i += size or 1
    return tuple(seen)


def _not_available(words: list[str], i: int, size: int, calling: bool) -> bool:
    """ "60 por noite" (a volume), "me liga amanhã de manhã" (a call-back time), "de manhã
    não dá": no availability."""
    before = set(words[max(0, i - 3) : i])
    when = DAYS | (WEEKDAYS if calling else frozenset())
    return words[i - 1 : i] in (["por"], ["cada"]) or bool(before & when) or (
        words[i + size : i + size + 1] == ["nao"])  # fmt: skip
