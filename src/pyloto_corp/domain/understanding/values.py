"""A slot's value in a direct answer: read by the slot's kind, or None when it does not fit."""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from pyloto_corp.domain.language import amounts, budgets, dates, people
from pyloto_corp.domain.language.company_answers import company_answer
from pyloto_corp.domain.language.corrections import self_corrected
from pyloto_corp.domain.language.entities import Entities, extract
from pyloto_corp.domain.language.entities import said as said_words
from pyloto_corp.domain.language.gazetteer import Gazetteer
from pyloto_corp.domain.language.names import FILLERS, surname
from pyloto_corp.domain.language.normalize import fold, is_laughter, tokens
from pyloto_corp.domain.language.profile import STOP
from pyloto_corp.domain.understanding.fallbacks import first_part, loose, no_text

MAX_NAME_WORDS = 4
LABEL = re.compile(r"^\s*(?:[-•*]\s*)?[^\W\d_]+(?: [^\W\d_]+){0,2}\s*:\s*(?=\S)")
NOT_A_KIND = STOP | {"aquele", "aquela", "isso", "q", "depois", "te", "explico", "sei", "falo",
                     "vejo", "responde", "quero", "queria", "preciso", "nao", "sim"}  # fmt: skip
_KIND_LEAD = re.compile(r"^(?:(?:é|e|eh|somos|sou|tenho|temos)\s+)?(?:(?:uma?|o|a)\s+)?",
                        re.IGNORECASE)  # fmt: skip
_NAME_LINKS = frozenset(("da", "das", "de", "do", "dos", "e"))
PLACE = re.compile(r"^[^\W\d_][^\W\d_ '.-]*(?:[ '.-][^\W\d_]+){0,4}$")
MIN_TEXT_LETTERS = 3
WEB = re.compile(r"\S+@\S+|\bhttps?://\S+|\bwww\.\S+", re.IGNORECASE)  # no name in it
MAX_FREE_TEXT = 300


_MYSELF = re.compile(r"^\s*(?:(?:sou|e|é)\s+)?eu\s+mesm[oa]\b[\s,.!:-]*", re.IGNORECASE)


# Slot name → the entity that fills it when the person mentions it unprompted.
SLOT_ENTITIES = {
    "name": "name", "city": "city", "user_count": "user_count", "deadline": "deadline",
    "vehicle": "vehicle", "availability": "availability", "channels": "channels",
    "message_volume": "volume", "delivery_volume": "volume", "segment": "business_kind",
    "business_type": "business_kind", "company": "business_name", "budget": "budget",
}  # fmt: skip
FREE_KINDS = frozenset({"text", "name", "city", "business", "company"})


def fits(
    kind: str, text: str, gazetteer: Gazetteer, *, strict: bool = False, today: date | None = None
) -> Any:
    """The slot's value in a direct answer, or None when the answer does not fit.

    ``strict``: only a value recognised as such (a known city, a number...), never the
    free text itself (for a clause that is a question).
    """
    split = self_corrected(text)  # "são 10, não pera, 12": the later value
    if kind == "count" and split and (fixed := people.corrected_count(text)) is not None:
        return fixed  # "4, não, 3, a Lu saiu": the figure opening the correction
    value = _fits(kind, split[1], gazetteer, strict=strict, today=today) if split else None
    if value is None:
        value = _fits(kind, split[0] if split else text, gazetteer, strict=strict, today=today)
    if value is None and not strict:
        clean = " ".join(text.split())[:MAX_FREE_TEXT]
        return loose(kind, clean)
    return value


def _fits(kind: str, text: str, gazetteer: Gazetteer, *, strict: bool, today: date | None) -> Any:
    text = LABEL.sub("", text, count=1)  # "Nome: Raimundo Nonato", "Empresa: Vitória ..."
    entities = extract(text, gazetteer, today)
    clean = " ".join(text.split())[:MAX_FREE_TEXT]
    if strict and kind in FREE_KINDS:
        return {"name": entities.name, "city": entities.city, "company": entities.business_name,
                "business": entities.business_kind}.get(kind)  # fmt: skip
    if kind == "text":  # "pra minha" (the rest comes in the next message): not yet an answer
        cut = no_text([fold(w.strip(".,!")) for w in clean.split()])
        return clean if sum(ch.isalpha() for ch in clean) >= MIN_TEXT_LETTERS and not cut else None
    if kind == "name":  # "ah kkk é kauan", "é só Kauan", "sou eu mesmo, Cláudio": the name
        clean = _MYSELF.sub("", clean)
        return entities.name or _bare_name(_unled(first_part(clean, "name")), gazetteer)
    if kind in ("city", "company", "deadline"):
        return _place_or_time(kind, clean, entities, gazetteer, today)
    return _from_entities(kind, entities, clean, text, strict=strict)


def _place_or_time(
    kind: str, clean: str, entities: Entities, gazetteer: Gazetteer, today: date | None
) -> Any:
    if kind == "city":
        return _city(clean, entities, gazetteer)
    if kind == "company":
        if entities.business_name and entities.name:  # "aqui é o Joaquim, da farmácia X"
            return entities.business_name
        return company_answer(_SAID_TAIL.sub("", clean), gazetteer)
    flat = " ".join(said_words(clean, gazetteer))
    if today is None:
        return None
    found = dates.deadline(flat, today, answer=True)
    month = next((w for w in flat.split() if w in dates.MONTHS), None)
    named = any(w[:1].isupper() for w in clean.split()[1:])  # "o Marco que sabe": a person
    if found is None and month is not None and not named:  # "queria pra começar o ano, janeiro"
        found = dates.deadline(f"ate {month}", today, answer=True)
    return found


def _city(clean: str, entities: Entities, gazetteer: Gazetteer) -> str | None:
    """A municipality of the IBGE list, typos forgiven; anything else is refused."""
    if gazetteer.places is None:
        return entities.city
    later = _BUT.split(fold(clean))[-1]  # "moro em carambei mas trampo em pg, pode ser pg"
    city = gazetteer.places.answer(tokens(later)) or gazetteer.places.answer(tokens(clean))
    city = None if city and surname(clean, city.name) else city  # "santos é meu sobrenome"
    return city.name if city else entities.city  # "isso, pg mesmo": the city said in it


def _from_entities(kind: str, entities: Entities, clean: str, text: str, *, strict: bool) -> Any:
    """``strict`` (a question, "2 mil? 10 mil?"): a figure must say what it counts."""
    answer = not strict
    by_kind = {
        "count": lambda: people.user_count(text, answer=answer) or entities.user_count,
        "volume": lambda: amounts.volume(text, answer=answer),
        "vehicle": lambda: entities.vehicle,
        "availability": lambda: plain(entities.availability) or None,
        "channels": lambda: plain(entities.channels) or None,
        "budget": lambda: budgets.budget(text, answer=answer),
    }
    if kind in by_kind:
        return by_kind[kind]()
    letters = sum(ch.isalpha() for ch in clean) >= MIN_TEXT_LETTERS  # "business"
    first = clean.split(",", maxsplit=1)[0]  # "clínica odontológica, sou a dra Fernanda"
    kind = untailed(_KIND_LEAD.sub("", first)).strip(" .!").lower()
    described = any(fold(w) in NOT_A_KIND for w in kind.split())  # "aquele q responde sozinho"
    return entities.business_kind or (kind if letters and kind and not described else None)


def _bare_name(text: str, gazetteer: Gazetteer) -> str | None:
    words = text.split()
    joined = sum(fold(w) in _NAME_LINKS for w in words)
    if not 1 <= len(words) - joined <= MAX_NAME_WORDS or not PLACE.match(text):
        return None
    if any(fold(w) in gazetteer.not_names and fold(w) not in _NAME_LINKS for w in words) or any(
            fold(w) in NOT_IN_A_NAME for w in words):  # "n quero perde tempo"  # fmt: skip
        return None
    if fold(words[0]) in _NAME_LINKS:  # "(sou) de Curitiba": a place, never a name
        return None
    return " ".join(w if fold(w) in _NAME_LINKS else w.capitalize() for w in words)


NOT_IN_A_NAME = FILLERS | {
    "n", "nao", "tempo", "perde", "perder", "paga", "pagam", "quanto", "qnto", "preciso",
    "queria", "vou", "pode", "sei", "minha", "meu", "precisa", "tem",
}  # fmt: skip
_NAME_LEAD = re.compile(r"^(?:(?:ah+|oh|eh|opa|sim|ok|blz|ent[aã]o|[eé]|s[oó]|o|a)[\s,.!]+)+",
                        re.IGNORECASE)  # fmt: skip


def _unled(text: str) -> str:
    """The answer without laughter and the words leading into a name."""
    kept = " ".join(w for w in text.split() if not is_laughter(w))
    return _NAME_LEAD.sub("", kept)


def plain(value: Any) -> Any:
    return list(value) if isinstance(value, tuple) else value


_LEAD = re.compile(r"^(?:(?:ah|ahh|bom|olha|ent[aã]o|ok|blz|beleza|sim|hmm|pois)(?:\s+(?:ah|sim|"
                   r"bom|ent[aã]o|ok))*\s*[,.!:;]+\s*)+|^(?:eu\s+)?acho\s+(?:que|q)\s+"
                   r"|^(?:olha\s+)?o\s+(?:meu\s+|nosso\s+)?problema\s+(?:é|e|eh)\s+(?:que\s+)?",
                   re.IGNORECASE)  # fmt: skip
_SAID = (
    r"[\s,]+(?:como\s+(?:eu\s+)?(?:j[aá]\s+)?|(?:eu\s+)?j[aá]\s+(?:te\s+)?)(?:falei|disse|"
    r"expliquei)(?:\s+(?:isso|antes))?[\s.!]*$"
)  # "bella napoli pizzaria ja falei"
_SAID_TAIL, _BUT = re.compile(_SAID, re.IGNORECASE), re.compile(r"\b(?:mas|porem|so que)\b")
_SYMBOLS = re.compile(r"^[^\w\"'(]+")
_TAIL = re.compile(
    _SAID + "|"
    r"(?:[\s,.;:!-]+(?:mas|e|ah|ent[aã]o|s[oó] que|por[eé]m|antes|agora|tipo)){1,3}"
    r"[\s,.;:!-]*$|(?:\s+v[ií]rgula\s+|\s*[,;:!?.-]\s*)(?:entendeu|sabe|viu|n[eé])"
    r"[\s?!.]*$",
    re.IGNORECASE,
)  # "... o pedido vírgula entendeu"


def trimmed(answer: str) -> str:
    """A free answer without the words leading into it or out of it ("ah sim, a recepção não
    dá conta", "... sem atravessador. mas antes:"): what the team reads."""
    answer = _SYMBOLS.sub("", answer.strip())  # "🤦‍♂️ nao da conta de responder": no emoji
    return untailed(_TAIL.sub("", _LEAD.sub("", answer))).strip(" ,;:-")


_TAIL_FILLERS = frozenset({"ue", "uai", "ne", "mano", "so", "po", "pow", "tipo", "sabe"})


def untailed(text: str) -> str:
    """Without the laughter and fillers closing it ("food truck ué", "... na chapa kkk")."""
    words, cut = text.split(), False
    while len(words) > 1 and (is_laughter(words[-1]) or fold(words[-1].strip(",.!?;:")) in (
            _TAIL_FILLERS)):  # fmt: skip
        words, cut = words[:-1], True
    return " ".join(words).rstrip(" ,;:-") if cut else text
