"""Entity extraction for slot filling: what the person already told us, in free text."""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from datetime import date

from pyloto_corp.domain.language import (
    amounts,
    budgets,
    companies,
    dates,
    people,
    profile,
    roles,
    usage,  # fmt: skip
)
from pyloto_corp.domain.language.corrections import self_corrected
from pyloto_corp.domain.language.documents import documents
from pyloto_corp.domain.language.gazetteer import Gazetteer, find_sequence
from pyloto_corp.domain.language.names import person_name, surname
from pyloto_corp.domain.language.normalize import fold, tokens
from pyloto_corp.domain.language.profile import GENERIC, asked_for

_OPENERS = frozenset(("bom", "boa", "buenos", "buenas", "good"))
_DAYTIMES = frozenset(("dia", "tarde", "noite", "tardes", "noches", "dias", "morning", "afternoon",
                       "evening"))  # fmt: skip


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
    channels_dropped: tuple[str, ...] = ()  # "telefone não precisa, tira": out of the list
    cpf: str | None = field(default=None, repr=False)
    cnpj: str | None = field(default=None, repr=False)

    def found(self) -> dict[str, object]:
        """Only what was actually said (no empty values; "não é empresa" is said)."""
        values = ((f.name, getattr(self, f.name)) for f in fields(self))
        return {
            k: v
            for k, v in values
            if v not in (None, ())
            and (v is not False or k == "is_business")
            and k != "channels_dropped"
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
    key = (id(gazetteer), text, today)
    if (known := _READ.get(key)) is not None and known[0] is gazetteer:
        return known[1]  # a turn reads the same clause more than once (acts, answer, figures)
    split = self_corrected(text)
    if split is None:
        found = _extract(text, gazetteer, today)
    else:
        earlier, later = (_extract(part, gazetteer, today) for part in split)
        found = earlier.then(later, adding=" tambem" in f" {fold(split[1])}")
    if len(_READ) >= READ_KEPT:
        _READ.clear()
    _READ[key] = (gazetteer, found)
    return found


def _extract(text: str, gazetteer: Gazetteer, today: date | None) -> Entities:
    words = said(text, gazetteer)
    flat = " ".join(words)
    name = person_name(text, gazetteer)
    person = profile.Said.of(text)
    kind = profile.business_kind(person, gazetteer)
    company, role = companies.company(person, gazetteer), roles.role(person, gazetteer, kind)
    cued = _city(text, gazetteer)
    city = cued or _known_city(words, gazetteer, name)
    if city and not cued and surname(text, city[0]):
        city = None  # "é Guilherme Santos": a surname, not the city of Santos
    if city and company and fold(city[0]) in fold(company):
        city = None  # "Mercado Boa Vista": part of the company's name
    cpf, cnpj = documents(text)
    when = dates.deadline(flat, today) if today is not None else None
    return Entities(
        name=name,
        city=city[0] if city else None,
        state=city[1] if city else _state(words, gazetteer),
        is_business=_business(
            kind or company or role or cnpj or STAFF & set(words) - asked_for(flat),
            companies.personal(person),
        ),
        business_name=company,
        business_kind=(kind[1] if kind else None) or _kind_named(company, gazetteer),
        role=role,
        deadline=when,
        urgent=today is not None and dates.is_urgent(when, today),
        user_count=people.user_count(text),
        volume=amounts.volume(text),
        vehicle=usage.vehicle(words, gazetteer),
        availability=usage.availability(words, gazetteer),
        channels=usage.channels(words, gazetteer),
        channels_dropped=usage.dropped_channels(words, gazetteer),
        budget=budgets.budget(text),
        cpf=cpf,
        cnpj=cnpj,
    )


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


# Words of a business, not of a person: "nossa equipe", "somos 10 atendentes", "sou MEI".
STAFF = frozenset(("equipe", "funcionarios", "funcionarias", "atendentes", "colaboradores", "mei",
                   "cnpj", "corretores", "vendedores", "secretarias", "dentistas", "balcao",
                   "escritorio", "administrativo", "financeiro", "rh", "socia", "socio",
                   "socios", "socias", "clientes", "barbeiros", "garcons", "motoboys",
                   "entregadores", "empresa"))  # fmt: skip
READ_KEPT = 256  # the last texts read (a pure function of text, day and gazetteer)
_READ: dict[tuple[int, str, date | None], tuple[Gazetteer, Entities]] = {}
CHRISTMAS = ("o", "ate", "do", "no", "pro", "antes", "depois")


def _known_city(words: list[str], gazetteer: Gazetteer, name: str | None) -> tuple[str, str] | None:
    """A well-known city said anywhere, unless a longer municipality starts there ("Vitória
    da Conquista", "Rio Verde"), it is the person's name ("Salvador Pereira") or Christmas
    ("até o Natal")."""
    for i in range(len(words)):
        for size in range(min(gazetteer.city_span, len(words) - i), 0, -1):
            hit = gazetteer.cities.get(tuple(words[i : i + size]))
            if hit is None:
                continue
            longer = gazetteer.places.cities.longest_at(words, i) if gazetteer.places else None
            if longer is not None and longer[1] > size:
                return longer[0].name, longer[0].uf
            named = name is not None and words[i] in fold(name).split()  # "Ana Castro"
            christmas = hit[0] == "Natal" and words[i - 1 : i] and words[i - 1] in CHRISTMAS
            return None if named or christmas else hit
    return None


def _city(text: str, gazetteer: Gazetteer) -> tuple[str, str] | None:
    """Any IBGE municipality, when a cue says it is a place ("moro em", "sou de", "/SC")."""
    found = gazetteer.places.in_passing(tokens(text)) if gazetteer.places else None
    return (found.name, found.uf) if found else None


def _state(words: list[str], gazetteer: Gazetteer) -> str | None:
    """A state named ("no Paraná", "de Goiás"); "para" is the state only after "do"/"no"."""
    plain = [w if w != "para" or words[i - 1 : i] in (["do"], ["no"], ["estado"]) else ""
             for i, w in enumerate(words)]  # fmt: skip
    return find_sequence(plain, gazetteer.state_names)
