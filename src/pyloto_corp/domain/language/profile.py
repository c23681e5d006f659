"""Who is writing: the business kind in the person's own words, the company's name and the
person's role ("sou sócio da Pizzaria Bella Massa", "tenho uma clínica" → owner)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from pyloto_corp.domain.language.gazetteer import Gazetteer
from pyloto_corp.domain.language.normalize import fold

WORD = re.compile(r"(?:[A-Z]\.){2,}|[^\W_]+(?:['’&-][^\W_]+)*|[,.;:!?()&]")  # "S.A."
OWNERSHIP = frozenset(("minha", "meu", "nossa", "nosso", "tenho", "temos", "uma", "um",
                       "somos", "dono", "dona", "socio", "socia", "abri", "montei", "toco",
                       "tocamos", "gerencio", "administro", "e", "eh", "numa", "num"))  # fmt: skip
PASSING = frozenset(("dps", "depois", "antes", "vou", "indo", "volto", "saio", "sai", "chego",
                     "perto", "frente", "lado", "porta", "saindo", "voltando", "fila", "to",
                     "tou", "estou", "estava", "fui", "fiquei"))  # fmt: skip
WORKPLACES = frozenset(("escritorio", "mercado", "rede"))
GENERIC = frozenset(("empresa", "loja", "negocio", "comercio", "firma", "lojinha"))
OWNED = frozenset(("tenho", "temos", "abri", "montei", "toco", "tocamos"))  # "minha loja": maybe
DEFINITE = frozenset(("da", "do", "na", "no", "a", "o"))
AT = frozenset(("da", "do", "na", "no"))  # "sou da Zetta"; "sou a Ana" is a name
WORKS_AT = frozenset(("sou", "somos", "trabalho", "falo", "aqui", "represento", "trabalhamos"))
NAMED = ("se chama", "chamada", "chamado", "chama", "de nome", "nome e", "nome dela e",
         "nome dele e")  # fmt: skip
LINKS = frozenset(("de", "da", "do", "das", "dos", "e", "di", "del", "della"))  # "Forno di Nonna"
STOP = frozenset(("em", "aqui", "que", "pra", "para", "preciso", "quero", "gostaria", "queria",
                  "tenho", "com", "sou", "somos", "no", "na", "ha", "faz", "ja", "a", "o", "tb",
                  "tambem", "mas", "porque", "pq", "estou", "to", "vendemos", "vendo", "atendo",
                  "atendemos", "trabalho", "trabalhamos", "fica", "localizada", "localizado",
                  "centro", "bairro", "gostariamos", "precisamos", "queremos", "oi",
                  "ola", "como", "falando", "onde", "tem", "vai", "vamos", "era",
                  "foi", "tipo", "assim", "ve", "nao", "entao", "q", "fora",
                  "tirando", "and", "from", "i"))  # fmt: skip
MAX_NAME = 7
SHOUT = 12  # letters, most of them capitals: a message typed in caps lock
ADJECTIVE_ENDINGS = ("ica", "ico", "aria", "ario", "ina", "al", "ar", "iva", "ivo", "eira",
                     "eiro", "ana", "ano", "ilo", "ila", "osa", "oso", "icas", "icos", "inas",
                     "inos", "ais", "ares", "ivas", "ivos", "eiras", "eiros", "online",
                     "virtual", "ola", "olas", "japones", "chines", "arabe", "portugues",
                     "frances", "mexicano", "mexicana")  # fmt: skip
COMPOUNDS = (("pet", "shop"), ("call", "center"), ("assistencia", "tecnica"),
             ("posto", "de", "combustivel"), ("posto", "de", "gasolina"), ("auto", "escola"),
             ("lava", "jato"), ("casa", "de", "racao"), ("food", "truck"))  # fmt: skip


@dataclass(frozen=True, slots=True)
class Said:
    """Words as typed (``raw``) and folded (``low``), punctuation kept as its own word."""

    raw: tuple[str, ...]
    low: tuple[str, ...]
    lower_typed: bool = False  # no capitals at all: a name may be typed in lower case

    @classmethod
    def of(cls, text: str) -> Said:
        letters = [ch for ch in text if ch.isalpha()]  # "O SITE DA MINHA LOJA TA FORA DO AR":
        if len(letters) >= SHOUT and sum(map(str.isupper, letters)) >= 0.8 * len(letters):
            text = text.lower()  # shouting, no capitals that mark a name
        raw = tuple(WORD.findall(text))
        lower = not any(ch.isupper() for ch in text.strip()[1:])
        return cls(raw, tuple(fold(w) for w in raw), lower)


def _owned(low: Sequence[str], i: int, gazetteer: Gazetteer) -> bool:
    """ "tenho uma clínica", "minha loja", "o whatsapp da hamburgueria"; not a place one
    goes to ("depois da escola")."""
    if OWNERSHIP & set(low[max(0, i - 3) : i]):
        return True
    at_work = low[i] not in WORKPLACES  # "a gente é em 5 no escritório": where, not what
    return at_work and i > 1 and low[i - 1] in AT and low[i - 2] not in PASSING


def business_kind(said: Said, gazetteer: Gazetteer) -> tuple[int, str | None] | None:
    """ "tenho uma loja de roupas femininas" → (index, "loja de roupas femininas"), in the
    person's spelling; a generic "minha empresa" says it is a business, not which kind."""
    low, named = said.low, None
    for i, word in enumerate(low):
        compound = next((c for c in COMPOUNDS if tuple(low[i : i + len(c)]) == c), None)
        known = word in gazetteer.business_kinds or compound is not None
        apposed = low[i - 1 : i] == (",",) and i > 1 and capital(said.raw[i - 2])  # "X, escritório"
        if not known or not (apposed or _owned(low, i, gazetteer)):
            continue
        end = i + (len(compound) if compound else 1)
        if capital(said.raw[i]):  # "Farmácia Popular": a name; a kind may be said later
            named = named or ((i, " ".join(said.raw[i:end]).lower()) if word != "rede" else None)
            continue
        end = _complement(said, end)
        if end == i + 1 and word in GENERIC:
            return named or (i, None)
        return i, " ".join(said.raw[i:end]).lower()
    return named


def _complement(said: Said, end: int) -> int:
    """ "de roupas", "de material de construção", then an adjective ("femininas")."""
    low = said.low
    for _ in range(2):
        counted = (
            end + 2 < len(low) and low[end + 1].isdigit() and low[end - 1] == "rede"
        )  # "rede de 3 óticas"
        at = end + 2 if counted else end + 1
        if at < len(low) and low[end] in ("de", "do", "da") and (
            low[at] not in STOP and low[at].isalpha() and not capital(said.raw[at])):  # fmt: skip
            end = at + 1
    return end + 1 if end < len(low) and _adjective(said, end) else end


def _adjective(said: Said, at: int) -> bool:
    word = said.low[at]
    return word.isalpha() and word not in STOP | LINKS and word.endswith(ADJECTIVE_ENDINGS)


def capital(word: str) -> bool:
    return word[:1].isupper()


_REQUIRED = re.compile(
    r"\b(?:precisa|preciso|precisaria|tem que|tenho que|exige|pede|nao tenho|"
    r"n tenho)(?:\s+\w+){0,2}\s+(mei|cnpj)\b"
)


def asked_for(flat: str) -> frozenset[str]:
    """ "precisa ter MEI?", "não tenho CNPJ": a requirement asked about, no business."""
    return frozenset(m.group(1) for m in _REQUIRED.finditer(flat))
