"""Fields named at the confirmation, each with the value said after its name:
"o prazo é março de 2027, desculpe, e o orçamento uma faixa de 80 a 120 mil"."""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date
from typing import Any

from pyloto_corp.domain.language.gazetteer import Gazetteer
from pyloto_corp.domain.language.normalize import fold, tokens
from pyloto_corp.domain.language.numbers import first_number
from pyloto_corp.domain.understanding.acts import ReadingContext
from pyloto_corp.domain.understanding.cues import PhraseSet
from pyloto_corp.domain.understanding.values import fits, plain

_WORD = re.compile(r"\S+")
_SENTENCE = re.compile(r"(?<=[.!?])\s+")
FIGURES = frozenset({"count", "budget", "volume"})
_WRONG = re.compile(r"\b(?:errad[oa]s?|n[aã]o)\b", re.IGNORECASE)
_STILL = re.compile(r"^\s*(?:ainda\s+)?(?:est[aá]|t[aá]|ficou|aparece|continua)\b",
                    re.IGNORECASE)  # fmt: skip
# "não é site, é aplicativo", "nao eh um site e sim um app": one word for another.
_SWAP = re.compile(r"\bn[aã]o\s+(?:[eé]h?|era)\s+(?:(?:um|uma|o|a)\s+)?([^\W\d_]{3,})\s*[,.;!]?"
                   r"\s*(?:e sim|mas sim|[eé]h?|sim)\s+(?:(?:um|uma|o|a)\s+)?([^\W\d_]{3,})"
                   r"|\b(?:continua|ainda)\s+(?:escrito\s+|t[aá]\s+|est[aá]\s+)?([^\W\d_]{3,})"
                   r"\b[^.!?]{0,20}?\b[eé]h?\s+(?:(?:um|uma|o|a)\s+)?([^\W\d_]{3,})",
                   re.IGNORECASE)  # fmt: skip  # "continua escrito site aí, é APLICATIVO"
_DENIED = re.compile(r"\bn[aã]o\s+(?:[eé]h?|s[aã]o|era|eram|foi|foram)\s+(?:\S+\s+){0,3}\S+"
                     r"\s*[.!]*\s*$", re.IGNORECASE)  # fmt: skip  # "não são 3." (value next)
_OPENING = frozenset(("ta", "esta", "ficou", "isso", "isso ta", "ai", "aqui"))  # "tá errada"
_RIGHT = re.compile(r"[,.;]?\s+(?:é|eh|e|s[aã]o|seria|seriam|o certo é|a certa é|na verdade)\s+",
                    re.IGNORECASE)  # fmt: skip
# What says the right value after a wrong one ("70 não, são 35"); a bare "e" only joins.
_SURE_RIGHT = re.compile(r"[,.;]?\s*\b(?:é|eh|s[aã]o|seria|seriam|o certo é|a certa é|na verdade)"
                         r"\s+", re.IGNORECASE)  # fmt: skip
# "as funcionalidades são ...", "o prazo é ...": the field's own name before the answer.
_NAMED = re.compile(r"^\s*(?:(?:a|o|as|os|minhas?|meus?|nossas?|nossos?)\s+)?"
                    r"([^\W\d_]+(?:\s+[^\W\d_]+){0,2}?)\s*(?:\s(?:é|e|eh|são|sao|seria|seriam|"
                    r"vai ser)\s|:|=)\s*(?:(?:a|o|as|os)\s+)?(?=\S)",
                    re.IGNORECASE)  # fmt: skip
_ONLY_WRONG = re.compile(
    r"(?:(?:ta|esta|ficou|tb|tbm|tambem|ai)\s+)*(?:errad[oa]s?|incorret[oa]s?|"
    r"trocad[oa]s?)(?:\s+(?:ai|ali|tambem|tb|tbm))*"
)
_SAME = re.compile(
    r"^\s*(?:(?:o|a)\s+nome\s+(?:é|e|eh)\s+)?(?:(?:o|a)\s+)?(?:mesm[oa]|igual)"
    r"\s*[,.;:!-]+\s*(?=\S)",
    re.IGNORECASE,
)  # "o nome é o mesmo, Farmácia X"
# "já falei, ...", "como eu disse: ...": the answer follows.
_ALREADY = re.compile(r"^\s*(?:(?:u[eé]h?|gente|poxa|oxe|nossa|a[ih]|mas|eu|mano|cara|p[oô])"
                      r"[\s,!?.]+)*"
                      r"(?:(?:j[aá]\s+)?(?:te\s+|lhe\s+)(?:falei|disse|"
                      r"expliquei)|(?:disse|falei)(?:\s+(?:ali|la|l[aá]|aqui))?(?=\s*[,.:;!])|j[aá]\s+(?:te\s+|lhe\s+)?(?:falei|disse|"
                      r"expliquei|mandei|respondi|coloquei)|como\s+(?:eu\s+)?(?:te\s+|j[aá]\s+)?"
                      r"(?:falei|disse|expliquei|mencionei)|conforme\s+(?:eu\s+)?(?:falei|disse|"
                      r"mencionado|mencionei|dito)|acabei d[e]? ?(?:falar|dizer|mandar|responder)|"
                      r"o\s+q(?:ue)?\s+(?:eu\s+)?(?:te\s+|lhe\s+)?(?:falei|disse|expliquei)|"
                      r"(?:(?:ta|tá|esta|está) )?(?:tudo )?(?:na|l[aá] na) (?:minha )?primeira "
                      r"(?:msg|mensagem)|(?:j[aá] )?falei (?:ali )?(?:em cima|acima|antes))"
                      r"(?:\s+(?:ali\s+|l[aá]\s+|aqui\s+)?(?:em\s+cima|acima|antes|atr[aá]s|"
                      r"(?:hoje|hj|mais)\s+cedo|"
                      r"no\s+in[ií]cio|na\s+(?:msg|mensagem)\s+anterior))?"  # "já expliquei acima"
                      r"(?:\s+(?:tudo\s+)?isso)?\b[\s,.:;!-]*(?:rs+\b|kk+\b|u[eé]h?\b|uai\b|"
                      r"[^\w\s,.]+)?"
                      r"[\s,.:;!-]*(?=\S|$)",
                      re.IGNORECASE)  # fmt: skip
_LEADS = frozenset({"e", "eh", "sao", "seria", "seriam", "sera", "serao", "ficou", "fica", "era",
                    "eram", "na", "verdade", "vdd", "certo", "certa", "correto", "correta",
                    "certos", "certas", "corretos", "corretas", "real", "mesmo", "mesma",
                    "coloca", "coloque", "bota", "poe", "muda", "mudar", "troca", "trocar", "ideal",
                    "de", "do", "da", "dos", "das", "pra", "para", "ta", "esta", "so", "o", "falta",
                    "estranho", "completo", "faltando", "sobrenome", "errado"})  # fmt: skip
# A field's name after a preposition is part of a phrase ("controle de prazo"), not a field.
_INSIDE = frozenset({"de", "do", "da", "dos", "das", "com", "sem", "em", "no", "na", "nos", "nas",
                     "por", "pelo", "pela", "pra", "para"})  # fmt: skip
# Words left before the next field's name ("..., e o orçamento é") or said as an apology.
_TAILS = frozenset({"e", "o", "a", "os", "as", "mas", "desculpe", "desculpa", "foi", "mal",
                    "pfv", "por", "favor", "tb", "tambem", "ah", "ai", "sorry", "ops"})  # fmt: skip


def unnamed(text: str, phrases: PhraseSet | None, abbreviations: Mapping[str, str]) -> str:
    """The answer without "já falei," or the field's own name before it ("o prazo é ...")."""
    text = _ALREADY.sub("", text, count=1)
    named = _NAMED.match(text)
    if named and phrases is not None and phrases.whole(tokens(named.group(1), abbreviations)):
        text = text[named.end() :]
    return _SAME.sub("", text, count=1)


def fixes(
    text: str, fields: Mapping[str, PhraseSet], context: ReadingContext, gazetteer: Gazetteer
) -> dict[str, Any]:
    """Slot → the value said after its name (None: named without a value, "a cidade"), or
    a word of a free answer swapped ("não é site, é aplicativo")."""
    named = _named_fixes(text, fields, context.kinds, gazetteer, context.today)
    return {**swapped(text, context.slots, context.kinds), **named}


def swapped(text: str, slots: Mapping[str, Any], kinds: Mapping[str, str]) -> dict[str, str]:
    """ "não é site, é aplicativo!": the free answers that say "site" say "aplicativo"."""
    said = _SWAP.search(text)
    if said is None:
        return {}
    wrong, right = said.group(1) or said.group(3), said.group(2) or said.group(4)
    right = right.lower() if right.isupper() else right  # "é APLICATIVO"
    pattern = re.compile(rf"\b{re.escape(wrong)}\b", re.IGNORECASE)
    return {name: pattern.sub(right, str(value)) for name, value in slots.items()
            if kinds.get(name) == "text" and pattern.search(str(value))}  # fmt: skip


def _named_fixes(
    text: str, fields: Mapping[str, PhraseSet], kinds: Mapping[str, str],
    gazetteer: Gazetteer, today: date | None,
) -> dict[str, Any]:  # fmt: skip
    spans = [(m.start(), m.end()) for m in _WORD.finditer(text)]
    words = [tokens(text[a:b], gazetteer.abbreviations) for a, b in spans]
    flat = [" ".join(w) for w in words]
    marks = _mentions(flat, fields, kinds)
    found: dict[str, Any] = {}
    for n, (slot, start, end) in enumerate(marks):
        stop = marks[n + 1][1] if n + 1 < len(marks) else len(words)
        after = _trimmed(flat, end, stop)
        value = None
        if after is not None and not _figure_before(flat, start, end, kinds[slot]):
            said = text[spans[after[0]][0] : spans[after[1] - 1][1]].strip(" ,;:.-=!")
            if kinds[slot] != "text":
                said = _righted(_stated(said))
            said = "" if _ONLY_WRONG.fullmatch(fold(said)) else said  # "dificuldade ta errado"
            whole = said  # "o prazo mudou, a inauguração foi antecipada pra fevereiro"
            if kinds[slot] not in ("text", "availability", "channels"):
                said = re.split(r"[,;]|\.\s", said)[0]  # "carro, a moto foi pra oficina"
            value = plain(fits(kinds[slot], said, gazetteer, today=today)) or plain(
                fits(kinds[slot], whole, gazetteer, strict=True, today=today))  # fmt: skip
        if value is None:  # "são 8 pessoas": the value came before the name
            begin = marks[n - 1][2] if n else 0
            said = text[spans[begin][0] : spans[end - 1][1]]
            value = plain(fits(kinds[slot], said, gazetteer, strict=True, today=today))
        found[slot] = value
    return found


def _figure_before(flat: list[str], start: int, end: int, kind: str) -> bool:
    """ "são 7 usuários, esqueci das 2 auxiliares": the figure said with the name (not
    "70 usuários não, são 35")."""
    denied = any(_WRONG.fullmatch(w) for w in flat[end : end + 2])  # "tá errado", "não"
    return kind in FIGURES and start > 0 and first_number(flat[start - 1]) is not None and (
        not denied)  # fmt: skip


def _stated(said: str) -> str:
    """The first sentence that states rather than asks ("de R$ 200?? É de 15 a 25 mil") or
    only denies ("tá errado, não são 3. são uns 43")."""
    sentences = [p for p in _SENTENCE.split(said) if p.strip()]
    return next((p for p in sentences if not p.rstrip().endswith("?") and not _DENIED.search(p)),
                said).strip(" .!")  # fmt: skip


def _righted(said: str) -> str:
    """ "tá errada, é Fortaleza": what follows; "Anderson Lemes, não Lima": what came first."""
    wrong = _WRONG.search(said)
    if wrong is None:  # "ainda está fevereiro aí, é março": what it shows, then the right one
        still = _STILL.match(said) and _SURE_RIGHT.search(said)
        return _SURE_RIGHT.split(said)[-1] if still else said
    before, after = said[: wrong.start()].strip(" ,;:.-"), said[wrong.end() :]
    if _SURE_RIGHT.search(after):  # "tá errada, é Fortaleza", "70 não, são 35"
        return _SURE_RIGHT.split(after)[-1]
    if before and fold(before) not in _OPENING:
        return before
    return _RIGHT.split(said)[-1]


def _mentions(
    flat: list[str], fields: Mapping[str, PhraseSet], kinds: Mapping[str, str]
) -> list[tuple[str, int, int]]:
    """(slot, first word, end) of each field named, the first time it is named, in order."""
    named: dict[str, tuple[int, int]] = {}
    for slot in kinds:
        phrases = fields.get(slot)
        spans = phrases.spans(flat) if phrases is not None else []
        spans = [(a, b) for a, b in spans if not a or flat[a - 1] not in _INSIDE]
        if spans:
            named[slot] = min(spans)
    marks = sorted((start, end, slot) for slot, (start, end) in named.items())
    kept: list[tuple[str, int, int]] = []
    for start, end, slot in marks:  # "problema" names two fields: the first one wins
        if not kept or start >= kept[-1][2]:
            kept.append((slot, start, end))
    return kept


def _trimmed(flat: list[str], start: int, stop: int) -> tuple[int, int] | None:
    """The words of the value between ``start`` and ``stop``, without leads and tails."""
    while start < stop and (not flat[start] or flat[start] in _LEADS):
        start += 1
    while stop > start and (not flat[stop - 1] or flat[stop - 1] in _TAILS):
        stop -= 1
    return (start, stop) if start < stop else None
