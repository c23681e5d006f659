"""Places, roles, vehicles and other vocabularies used by entity extraction (data, validated)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from pyloto_corp.domain.language.lexicon import LexiconError
from pyloto_corp.domain.language.normalize import tokens


@dataclass(frozen=True, slots=True)
class Gazetteer:
    version: str
    states: Mapping[str, str]
    cities: Mapping[tuple[str, ...], tuple[str, str]]
    roles: Mapping[str, str]
    vehicles: Mapping[str, str]
    availability: Mapping[tuple[str, ...], str]
    business_kinds: frozenset[str]
    channels: Mapping[str, str]
    months: Mapping[str, str]
    number_words: Mapping[str, int]
    not_names: frozenset[str]
    # Chat abbreviations ("q" → "que", "fds" → "fim de semana"): the lexicon's, shared.
    abbreviations: Mapping[str, str] = field(default_factory=dict)
    # The IBGE municipalities (``places.Places``), loaded by the adapter with its matcher.
    places: Any = field(default=None, repr=False)
    preferred_state: str = ""  # same-named cities: the one in the state Pyloto serves first
    # Derived once (extraction runs on every message): folded state names, longest city.
    state_names: Mapping[tuple[str, ...], str] = field(init=False, repr=False)
    city_span: int = field(init=False, repr=False)

    def __post_init__(self) -> None:
        names = {tuple(tokens(n)): uf.upper() for uf, n in self.states.items()}
        object.__setattr__(self, "state_names", names)
        object.__setattr__(self, "city_span", max((len(k) for k in self.cities), default=0))

    @classmethod
    def from_dict(cls, doc: Mapping[str, Any]) -> Gazetteer:
        try:
            return cls(
                version=str(doc["version"]),
                states={k: str(v) for k, v in doc["states"].items()},
                cities=_cities(doc["cities"], doc["city_aliases"]),
                roles=dict(doc["roles"]),
                vehicles=dict(doc["vehicles"]),
                availability={tuple(tokens(k)): str(v) for k, v in doc["availability"].items()},
                business_kinds=frozenset(doc["business_kinds"]),
                channels=dict(doc["channels"]),
                months={k: str(v) for k, v in doc["months"].items()},
                number_words={k: int(v) for k, v in doc["number_words"].items()},
                not_names=frozenset(doc["not_names"]),
                preferred_state=str(doc.get("preferred_state", "")),
            )
        except (KeyError, TypeError, AttributeError, ValueError) as exc:
            raise LexiconError(f"malformed gazetteer: {exc!r}") from exc


def _cities(cities: Mapping[str, str], aliases: Mapping[str, str]) -> dict:
    """Folded token sequences → (official name, state), aliases included ("pg")."""
    table = {tuple(tokens(name)): (name, str(uf)) for name, uf in cities.items()}
    for alias, name in aliases.items():
        if name not in cities:
            raise LexiconError(f"alias {alias!r} points to unknown city {name!r}")
        table[(alias,)] = (name, cities[name])
    return table


def find_sequence(
    words: list[str], table: Mapping[tuple[str, ...], Any], longest: int | None = None
) -> Any:
    """The value of the longest key sequence found in ``words`` (first occurrence), or None."""
    if longest is None:
        longest = max((len(k) for k in table), default=0)
    for i in range(len(words)):
        for size in range(min(longest, len(words) - i), 0, -1):
            hit = table.get(tuple(words[i : i + size]))
            if hit is not None:
                return hit
    return None
