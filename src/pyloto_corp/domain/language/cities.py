"""Brazilian municipalities (IBGE list): a city as people type it, typos and nicknames too.

The fuzzy matcher is a port (``Closest``): the adapter brings a fast one (rapidfuzz); the
domain only decides what to look up and which of several same-named cities is meant.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass

from pyloto_corp.domain.language.normalize import tokens

# (query, choices, cutoff 0-100) → (the closest choice, its score) or None.
Closest = Callable[[str, Sequence[str], float], "tuple[str, float] | None"]
LONGEST = 6  # "Santa Bárbara d'Oeste", "São José dos Pinhais": token spans looked up
MIN_FUZZY = 5  # letters: shorter answers must match exactly ("Ipê" vs "Ipu")
FUZZY_CUTOFF = 88.0


@dataclass(frozen=True, slots=True)
class City:
    name: str
    uf: str
    ddd: str = ""
    capital: bool = False


class Cities:
    """Lookup by folded token sequence; same-named cities are told apart by the state."""

    def __init__(
        self, rows: Iterable[City], aliases: Mapping[str, str], *,
        preferred_state: str = "", closest: Closest | None = None,
    ) -> None:  # fmt: skip
        table: dict[tuple[str, ...], list[City]] = {}
        rows = list(rows)
        for city in rows:
            table.setdefault(tuple(tokens(city.name)), []).append(city)
        self.preferred, self.closest = preferred_state.upper(), closest
        self._by_ddd: dict[str, list[City]] = {}
        self._by_name = {k: tuple(self._ranked(v)) for k, v in table.items()}
        for city in rows:
            self._by_ddd.setdefault(city.ddd, []).append(city)
        self._folded = [" ".join(k) for k in self._by_name]
        for alias, name in aliases.items():
            target = self._by_name.get(tuple(tokens(name)))
            if target is None:
                raise ValueError(f"alias {alias!r} points to unknown city {name!r}")
            self._by_name.setdefault(tuple(tokens(alias)), target)

    def _ranked(self, same_name: list[City]) -> list[City]:
        """The served state first, then a capital, then the IBGE order."""
        return sorted(same_name, key=lambda c: (c.uf != self.preferred, not c.capital))

    def __len__(self) -> int:
        return len(self._folded)

    def get(self, words: Sequence[str], state: str | None = None) -> City | None:
        """The city named exactly by ``words`` (folded tokens), in ``state`` when given."""
        found = self._by_name.get(tuple(words))
        if not found:
            return None
        if state:
            return next((c for c in found if c.uf == state.upper()), None)
        return found[0]

    def longest_at(self, words: Sequence[str], start: int) -> tuple[City, int] | None:
        """The longest city name starting at ``words[start]`` and how many words it took."""
        for size in range(min(LONGEST, len(words) - start), 0, -1):
            city = self.get(words[start : start + size])
            if city is not None:
                return city, size
        return None

    def by_area_code(self, ddd: str, known: Sequence[tuple[str, str]] = ()) -> City | None:
        """The city a phone's DDD most likely means: a well-known one first ("42" → Ponta
        Grossa), then a capital ("85" → Fortaleza, never the Cascavel of Ceará); None for an
        unknown DDD. ``known``: (name, state) of the well-known cities."""
        found = self._by_ddd.get(ddd, [])
        rank = {place: i for i, place in enumerate(known)}
        ordered = sorted(found, key=lambda c: (rank.get((c.name, c.uf), len(rank)), not c.capital))
        best = ordered[0] if ordered else None
        return best if best and ((best.name, best.uf) in rank or best.capital) else None

    def near(self, words: Sequence[str], state: str | None = None) -> City | None:
        """A typo'd or unaccented name ("ponta grosa", "curitba"), when close enough."""
        query = " ".join(words)
        if self.closest is None or len(query.replace(" ", "")) < MIN_FUZZY:
            return None
        hit = self.closest(query, self._folded, FUZZY_CUTOFF)
        return self.get(hit[0].split(), state) if hit else None
