"""Slot filling: read a slot's value from an answer, and everything else said in passing."""

from __future__ import annotations

import re
from typing import Any

from pyloto_corp.domain.engine.content import Slot
from pyloto_corp.domain.language.entities import Entities
from pyloto_corp.domain.understanding.values import SLOT_ENTITIES, plain, untailed


def prefill(slots: tuple[Slot, ...], entities: Entities) -> dict[str, Any]:
    """Values for this intent's slots found in free text ("sou a Ana, de Curitiba")."""
    found = entities.found()
    values: dict[str, Any] = {}
    for slot in slots:
        key = SLOT_ENTITIES.get(slot.name)
        if key in found:
            values[slot.name] = plain(found[key])
    return values


DESCRIBED_WORDS = 20  # a first message this long describes the need in the person's words
MAX_DESCRIBED = 300
_FEATURES = re.compile(
    r"\b(?:precisa(?:ria)? ter|tem que ter|teria que ter|que tenha|precisa fazer)\s+(.{6,160}?)"
    r"(?=\s+(?:seriam|serao|sao|somos|e a gente|a gente|pra|para|umas?|uns|ate)\b|[.;!?]|$)",
    re.IGNORECASE,
)


_FOR = re.compile(
    r"\b(?:sistema|app|aplicativo|site|plataforma|programa|software)\s+(?:web\s+)?"
    r"(?:pra|para|que)\s+((?:control|gerenci|organiz|administr|cuid|fa[cz]|emit|agend|cadastr|"
    r"vend|acompanh)\w*\s.{3,160}?)(?=,|[.;!?]|$)",
    re.IGNORECASE,
)
_ETC = re.compile(
    r",?\s+(?:e\s+(?:tudo|mais|etc)|etc\.?)$", re.IGNORECASE
)  # "..., pagamento e tudo"
_WITH = re.compile(
    r"\b(?:app|aplicativo|sistema|site|plataforma|programa)\b[^.?!]{0,50}?[\s,]com\s+"
    r"((?:[^.?!,]{2,40},\s*)*[^.?!,]{2,40}?\s+e\s+[^.?!,]{2,40}?)(?=[.?!]|,|$)",
    re.IGNORECASE,
)  # "nosso próprio app de pedido, com cardápio, pagamento e tudo"
_GOAL = re.compile(
    r"\b(?:queria|quero|gostaria de|preciso de|precisamos de)\s+(?:(?:um|uma)?\s*(?:rob[oô]|"
    r"chatbot|bot|automa[cç][aã]o|atendimento autom[aá]tico)\s*(?:pra|para|que)?\s+|"
    r"(?=automatizar\s))(.{6,160}?)(?=[.;!?]|\s+(?:pq|porque|pois)\s|"
    r",\s*(?:tenho|temos|o or[cç]amento|meu or[cç]amento|posso|pago)\b|$)",
    re.IGNORECASE,
)  # "..., tenho uns 500 por mês": the goal ends where the budget starts
_PAIN = re.compile(
    r"\b(n[aã]o (?:d[aá]|dou|damos) conta de .{3,80}?|demor\w+ (?:pra|para) responder.{0,60}?|"
    r"perd\w+ (?:cliente|venda|pedido)\w*.{0,40}?|(?:o )?clientes? fica\w* sem resposta.{0,40}?|"
    r"vira (?:uma )?bagun[cç]a.{0,60}?|n[aã]o (?:consigo|conseguimos) responder.{0,60}?)"
    r"(?=[,.;!?]|$)",
    re.IGNORECASE,
)


_PAIN_SAID = re.compile(r"\b(?:(?:o|a) (?:maior |principal )?(?:problema|dificuldade) (?:hoje )?|"
                        r"o (?:que|q) mais me (?:enche|incomoda|atrapalha|irrita|cansa|mata) )"
                        r"(?:é|e|eh)(?: que)? (.{6,160}?)(?=[,.;!?]|$)", re.IGNORECASE)  # fmt: skip


def described(slots: tuple[Slot, ...], text: str) -> dict[str, str]:
    """A long first message ("a gente precisa de um sistema pra agenda... precisa ter agenda,
    lembrete e prontuário") answers what the need is, and often its features or its goal."""
    if len(text.split()) < DESCRIBED_WORDS:
        return {}
    names, found = {s.name for s in slots}, {}
    if "problem" in names:
        found["problem"] = need_said(text)
    for slot, pattern in (("features", _FEATURES), ("features", _FOR), ("features", _WITH),
                          ("automation_goal", _GOAL), ("main_pain", _PAIN_SAID),
                          ("main_pain", _PAIN)):  # fmt: skip
        if slot in names and slot not in found and (said := pattern.search(text)):
            found[slot] = _ETC.sub("", untailed(said.group(1).strip(" ,")))  # "... na chapa kkk"
    return found


_SENTENCES = re.compile(r"(?<=[.!?\n])\s+")
_GREETING = re.compile(r"^(?:(?:oi+|ol[aá]|opa|e a[ií]|eai|bom dia|boa tarde|boa noite|tudo bem|"
                       r"tudo bom|td bem|td bom|tudo certo|blz|beleza)\b[\s,.!?]*)+",
                       re.IGNORECASE)  # fmt: skip
_NEED = re.compile(r"\b(?:preciso|precisamos|precisa|precisam|precisava|precisaria|necessito|"
                   r"queria|quero|"
                   r"queremos|gostaria|gostar[ií]amos|procuro|procurando|buscando|to precisando|"
                   r"tô precisando|estou precisando|a gente precisa|to querendo|tô querendo|"
                   r"estou querendo|querendo)\b", re.IGNORECASE)  # fmt: skip
_WHEN = re.compile(r"\s+(?:pra|para|at[eé])\s+(?:antes|depois|o fim|o final|o come[cç]o|"
                   r"daqui|semana|m[eê]s|o m[eê]s|ontem|hoje|amanh[aã]|janeiro|fevereiro|"
                   r"mar[cç]o|abril|maio|junho|julho|agosto|setembro|outubro|novembro|"
                   r"dezembro)\b", re.IGNORECASE)  # fmt: skip
SHORT_NEED = 8  # a need said in fewer words keeps the next sentence ("Preciso de um app.")


def need_said(text: str) -> str:
    """The sentence that says the need, in the person's words, without the greeting and the
    introduction before it ("oi boa tarde, sou a Ana da padaria..., preciso de um sistema")."""
    plain = _GREETING.sub("", " ".join(text.split())).strip()
    sentences = _SENTENCES.split(plain)
    at = next((i for i, s in enumerate(sentences) if _cue(s)), None)
    if at is None:
        return _capitalized(plain[:MAX_DESCRIBED])
    cue = _cue(sentences[at])
    said = sentences[at][cue.start() if cue else 0 :]
    if len(said.split()) < SHORT_NEED and at + 1 < len(sentences):
        said = f"{said} {sentences[at + 1]}"
    return _capitalized(said[:MAX_DESCRIBED])


def _cue(sentence: str) -> re.Match[str] | None:
    """The first "preciso"/"queria" that says a need, not a time ("queria pra antes de março")."""
    return next((m for m in _NEED.finditer(sentence)
                 if not _WHEN.match(sentence, m.end())), None)  # fmt: skip


def _capitalized(text: str) -> str:
    return text[:1].upper() + text[1:]
