"""The IBGE municipalities shipped with the package, with a fast fuzzy matcher (rapidfuzz).

Source: ``resources/language/br_municipios.csv`` (see ``resources/language/NOTICE.md``).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator, Mapping, Sequence
from importlib import resources

from rapidfuzz import fuzz, process

from pyloto_corp.domain.language.cities import Cities, City
from pyloto_corp.domain.language.gazetteer import Gazetteer
from pyloto_corp.domain.language.places import Places

PACKAGE = "pyloto_corp.resources"
FILE = "language/br_municipios.csv"


def closest(query: str, choices: Sequence[str], cutoff: float) -> tuple[str, float] | None:
    """The choice closest to ``query`` by normalized edit similarity (0-100), if any."""
    hit = process.extractOne(query, choices, scorer=fuzz.ratio, score_cutoff=cutoff)
    return (hit[0], float(hit[1])) if hit else None


def municipalities() -> Iterator[City]:
    text = resources.files(PACKAGE).joinpath(FILE).read_text(encoding="utf-8")
    for row in csv.DictReader(io.StringIO(text)):
        yield City(row["nome"], row["uf"], row["ddd"], row["capital"] == "1")


def places_for(gazetteer: Gazetteer, aliases: Mapping[str, str]) -> Places:
    cities = Cities(municipalities(), aliases, preferred_state=gazetteer.preferred_state,
                    closest=closest)  # fmt: skip
    return Places(cities, gazetteer.state_names, frozenset(gazetteer.states))
