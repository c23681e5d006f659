"""The person's name, without the words around it ("eh o marcos", "aqui é a Jéssica",
"sou o joão silva" → "Marcos", "Jéssica", "João Silva"), accents as typed."""

from __future__ import annotations

import re

from pyloto_corp.domain.language.gazetteer import Gazetteer
from pyloto_corp.domain.language.normalize import fold
from pyloto_corp.domain.language.profile import STOP

_NAME = r"([^\W\d_]{2,}(?:\s+(?:d[aeo]s?\s+)?[^\W\d_]{2,}){0,2})"
_CAPITALIZED = r"([A-ZÀ-Ý][a-zà-ÿ]+(?:\s+(?:d[aeo]s?\s+)?[A-ZÀ-Ý][a-zà-ÿ]+){0,2})"
# "sou Ricardo Albuquerque", "Oi, Marcos aqui": a capitalized name with no article; "e o
# Caio" is "é o Caio" only opening a sentence ("eu e o Caio" lists people).
_BARE = re.compile(
    r"\b(?:[Ss]o[uy]|[Ee]u sou|[Nn]ome|[Aa]qui (?:é|e|eh)|"  # "aqui é Carlos", not "é loucura"
    r"(?:[Éé]|[Ee]h|(?:^|(?<=[,.!?] )|(?<=[,.!?]))[Ee]) [oa])\s+"
    + _CAPITALIZED
    + r"|^(?:(?:[Oo]i|[Oo]l[aá]|[Oo]pa|"
    r"[Bb]om dia|[Bb]oa tarde|[Bb]oa noite)[,!. ]+)?"
    + _CAPITALIZED
    + r"\s+aqui\b"
    + r"|^(?:[Dd]ra?|[Pp]rof[aª]?)\.?\s+(?=[A-ZÀ-Ý])"  # "Dra Patricia Kowalski, consultório..."
    + _CAPITALIZED
    + r"\b(?!\s*(?:,|\be\b)\s*(?:[Dd]ra?\b|[oa]s?\b|\d))"  # not "dr Paulo, dra Renata e"
    + r"|\b(?:[Aa]tt|[Aa]tenciosamente|[Aa]bs|[Aa]bra[cç]os?)[,.:]?\s+"
    + _CAPITALIZED
    + r"\s*\.?$"
    # "Bruna, de curitiba", "Rodrigo, sou o gerente", "Daniel Souza, empresa Rota Sul"; not
    # "Rota Sul, sou o dono" (a company)
    + r"|^"
    + _CAPITALIZED
    + r"(?=,\s*(?:de|da|do|sou|aqui|empresa)\b)(?!,\s*sou (?:[oa] )?(?:don[oa]|"
    r"s[oó]ci[oa]|propriet[aá]ri[oa])\b)"
)
_FROM = re.compile(
    r",\s*(?:de|da|do|empresa)\s+[^\W\d_]+(?:\s+[^\W\d_]+){0,3}"
    r"(?:,\s*[^\W\d_]+(?:\s+[^\W\d_]+){0,2})?\s*[.!]?"
)  # ", empresa X, curitiba"
_INTRO = re.compile(
    r"\b(?:meu nome (?:completo )?(?:é|e|eh)|(?:meu )?nome completo[:,]?|me chamo|"
    r"pode me chamar de|me chama de|aqui (?:é|e|eh) (?:o|a)|(?:eu )?sou (?:o|a)|"
    r"quem fala (?:é|e|eh)(?: (?:o|a))?|nome:|"
    r"(?:ele|ela) (?:se )?chama|my name is|me llamo|mi nombre es|se llama)"
    r"\s+(?:(?:dra?|sra?|prof[aª]?)\.\s*)?" + _NAME
    + r"|^(?:(?:oi|ol[aá]|opa|bom dia|boa tarde|boa noite|e a[ií])[,!. ]+)?(?:é|e|eh) (?:o|a)\s+"
    + _NAME + r"(?![^.!,\n]*\?)"  # "e a parceria das entrega?" asks, names nobody
    r"|\b(?:é|e|eh) (?:o|a) " + _NAME + r"(?= (?:aqui|falando))",
    re.IGNORECASE,
)  # fmt: skip
_LINKS = frozenset(("das", "de", "dos"))  # "da"/"do" more often start a company: "Ana da Zetta"
FILLERS = frozenset(
    (
        "viu",
        "ne",
        "ta",
        "blz",
        "beleza",
        "entao",
        "mesmo",
        "ok",
        "aqui",
        "moro",
        "tenho",
        "faco",
        "posso",
        "trabalho",
        "quero",
        "sou",
        "estou",
        "to",
        "mano",  # "é o guilherme mano": who is spoken to, no surname
        "mana",
        "cara",
        "vei",
        "brother",
        "parceiro",
        "irmao",
        "se",  # "meu nome é Rodrigo se precisarem"
        "caso",
        "qualquer",
        "pros",
    )
)


def person_name(text: str, gazetteer: Gazetteer) -> str | None:
    """The name after an introduction; never a role, a job, a business or a filler."""
    for found in (*_INTRO.finditer(text), *_BARE.finditer(text)):
        name = _named(next(g for g in found.groups() if g), gazetteer)
        if name is not None:  # "aqui é da Floricultura X, meu nome é Helena": the second
            return name
    return None


def _named(said: str, gazetteer: Gazetteer) -> str | None:
    words = [fold(w) for w in said.split()]
    parts: list[str] = []
    for at, word in enumerate(said.split()):
        low = words[at]
        if (low in _LINKS or (low in ("da", "do") and _surname(said, word))) and parts:
            parts.append(word.lower())
            continue
        if low in TITLES and not parts:
            continue  # "Sou o Sr. Benedito"
        if low in FILLERS or not_a_name(low, gazetteer):
            break
        if parts and parts[-1] == "de" and ((low,) in gazetteer.cities or any(
                gazetteer.places.cities.get(words[at : at + k])
                for k in (2, 3) if at + k <= len(words))):  # fmt: skip
            break  # "o diego de londrina", "o Pedro de Mogi das Cruzes"
        parts.append(word)
    while parts and fold(parts[-1]) in _LINKS:
        parts.pop()
    return " ".join(p if p in ALL_LINKS else _capitalized(p) for p in parts) or None


ADDRESSING = frozenset(("prezados", "prezado", "prezada", "prezadas", "pessoal", "senhores",
                        "galera", "grupo", "vendas", "comercial", "equipe"))  # fmt: skip
ALL_LINKS = frozenset(("da", "das", "de", "do", "dos"))
SURNAMES = frozenset(("silva", "souza", "sousa", "costa", "cruz", "luz", "conceicao", "rosa",
                      "paz", "mata", "cunha", "fonseca", "penha", "graca", "gloria", "rocha",
                      "socorro", "carmo", "rosario", "nazare", "fatima", "lourdes",
                      "anjos"))  # fmt: skip
TITLES = frozenset(("sr", "sra", "dr", "dra", "seu", "senhor", "senhora", "prof", "profa",
                    "dona"))  # fmt: skip


def _surname(said: str, link: str) -> bool:
    """ "João Pedro da Silva": a link to a common surname, not to a company."""
    after = said.split(link, 1)[1].split()
    return bool(after) and fold(after[0]) in SURNAMES


def _capitalized(word: str) -> str:
    return word.capitalize() if word.isupper() else word[:1].upper() + word[1:]


def not_a_name(low: str, gazetteer: Gazetteer) -> bool:
    """A role, a business, a vehicle, a filler ("sou a favor"); a city's name may be a
    person's after an introduction ("aqui é a Vitória", "Rafaela dos Santos")."""
    return (
        low in gazetteer.not_names or low in STOP or low in gazetteer.business_kinds
        or low in ADDRESSING
        or low in gazetteer.roles or low in gazetteer.vehicles
    )  # fmt: skip


def introduces(clause: str) -> bool:
    """ "Me chamo Patrícia", "meu nome é João Silva", "Jessica, de Irati": the clause only
    says who is writing."""
    found = _INTRO.search(clause)
    if found is not None and not clause[found.end() :].strip(" .,!;:-"):
        return True
    bare = _BARE.match(clause.strip())  # "Jessica, de irati": a name and where one is from
    return bare is not None and bool(_FROM.fullmatch(clause.strip()[bare.end() :]))


_PLACE_LEAD = frozenset(("em", "de", "da", "do", "pra", "para", "no", "na", "sou", "moro", "e"))


def surname(text: str, city: str) -> bool:
    """ "é Guilherme Santos", "Ana Castro": the city's name right after a capitalized word
    is a person's surname ("Em Santos" and "moro em Santos" name the place), and so is
    one after "dos"/"das" ("jeferson ribeiro dos santos")."""
    named = re.escape(fold(city))  # "dos santos", "santos é meu sobrenome"
    linked = re.search(rf"\b(?:dos|das)\s+{named}\b|\b{named}\s+e\s+(?:o\s+)?(?:meu\s+)?sobrenome",
                       fold(text))  # fmt: skip
    found = re.search(rf"\b([A-ZÀ-Ý][a-zà-ÿ]+)\s+{re.escape(city)}\b", text)
    return linked is not None or (found is not None and fold(found.group(1)) not in _PLACE_LEAD)
