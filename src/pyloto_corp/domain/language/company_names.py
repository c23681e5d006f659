"""A company's name read word by word: capitalized words, links ("Sabor do Pará"), "&"
("Rocha & Filhos"), numbers ("2 Irmãos"); never the city after it ("Pão Quente de Castro")."""

from __future__ import annotations

from pyloto_corp.domain.language.gazetteer import Gazetteer
from pyloto_corp.domain.language.normalize import fold
from pyloto_corp.domain.language.profile import LINKS, MAX_NAME, STOP, Said, capital

TAGS = frozenset(("ne", "neh", "viu", "tb", "tbm", "msm", "mesmo", "ai", "la", "sabe"))
WHEN_WORDS = frozenset(("todo", "toda", "todos", "todas", "cada", "sempre", "hoje", "ontem",
                        "agora", "amanha"))  # fmt: skip


def name_at(
    said: Said, at: int, gazetteer: Gazetteer, *, cued: bool = False, lead_link: bool = False
) -> str | None:
    """Up to seven words of a name; lower-case ones only after a cue ("se chama");
    ``lead_link``: the name starts with "do"/"da" ("Bar do Zé")."""
    words: list[str] = [said.raw[at]] if lead_link and at < len(said.raw) else []
    start = at + len(words)
    for j in range(start, min(start + MAX_NAME, len(said.raw))):
        raw, low = said.raw[j], said.low[j]
        if raw == "&" and words:  # "Rocha & Filhos"
            words.append(raw)
            continue
        following = said.raw[j + 1 : j + 2]
        if words and low in ("a", "o", "e") and following and capital(following[0]):
            words.append(raw)  # "Pizzaria Forno a Lenha"
            continue
        named = bool(words) and capital(raw)  # "Sabor do Pará", "Farmácia Popular Centro"
        if not raw[0].isalnum() or (low in STOP and not named and not (words and low in LINKS)):
            break
        if not words and low in WHEN_WORDS and not capital(raw):  # "do mercado todo dia"
            break
        plain = raw.replace("&", "").isalnum()  # "M&K", "R&S Engenharia"
        kind = low in gazetteer.business_kinds and not capital(
            raw
        )  # "da farmácia" / "da Gráfica A+"
        if not words and (low in LINKS or kind or not plain):
            break
        numbered = (
            raw.isdigit()
            and j > 0
            and ((j + 1 < len(said.raw) and capital(said.raw[j + 1])) or capital(said.raw[j - 1]))
        )  # "2 Irmãos", "Hamburgueria 041", "Forno a Lenha 051"
        if not (cued or capital(raw) or numbered or (words and low in LINKS)):
            break
        if words and words[-1].lower() in LINKS and place_at(said, gazetteer, j):
            words.pop()  # "Pão Quente de Castro": the city is no part of the name
            break
        words.append(raw)
    while words and (fold(words[-1]) in LINKS | TAGS or words[-1] in ("&", "a", "o", "e")):
        words.pop()  # "o app da academia ne": no "Academia Ne"
    return " ".join(title(w) if w.islower() else w for w in words) or None


def place_at(said: Said, gazetteer: Gazetteer, at: int) -> bool:
    """A well-known city, or a municipality of two words or more ("de ponta grossa"); not
    any word that names some town ("Padaria Trigo de Ouro")."""
    if places_word(said.low[at], gazetteer):
        return True
    hit = gazetteer.places.cities.longest_at(said.low, at) if gazetteer.places else None
    return hit is not None and hit[1] > 1


def places_word(low: str, gazetteer: Gazetteer) -> bool:
    return (low,) in gazetteer.cities or low in gazetteer.states


def title(word: str) -> str:
    small = fold(word) in LINKS | {"a", "o", "em", "na", "no"}  # "Arte em Pão"
    return word if small else word[:1].upper() + word[1:]
