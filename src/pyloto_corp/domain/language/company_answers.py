"""The answer to "Qual é o nome da empresa?": the name itself, without "a empresa é a", "o
nome fantasia é", and never a kind of business ("é uma loja de roupas")."""

from __future__ import annotations

import re

from pyloto_corp.domain.language.companies import company, title
from pyloto_corp.domain.language.gazetteer import Gazetteer
from pyloto_corp.domain.language.normalize import fold
from pyloto_corp.domain.language.profile import Said

_COMPANY_LEAD = re.compile(
    r"^(?:(?:o |a )?nome(?: dela| dele| da empresa| da loja| fantasia| certo)*\s*(?:eh|é|e|:)?|"
    r"(?:a |o )?(?:minha |nossa )?(?:empresa|loja|firma)\s*(?:se chama|chama|eh|é|e|:)|"
    r"raz[aã]o social|pode colocar|pode botar|coloca|bota|se chama|chama|somos (?:a|o)|"
    r"(?:a gente|nós|nos) (?:é|e|eh|somos)(?= (?:a|o) )|"
    r"represento|trabalho (?:na|no)|falo (?:pela|pelo|em nome da|em nome do)|"
    r"d[ao](?= [A-ZÀ-Ý])|(?:eh|é|e)(?= ))\s*(?:(?:a|o)\s+)?",
    re.IGNORECASE,
)
_NOT_A_COMPANY = re.compile(r"\b(?:nao tenho|nao e|nao eh|pra mim|pessoa fisica|nao sei|"
                            r"autonom[oa]|sou eu mesm[oa]|mei|pensando no nome|"
                            r"ainda (?:nao|sem) (?:tem|tenho) nome|sem nome|"
                            r"ainda nao|so eu|nd ainda|nada ainda|vendo o nome|minha mesmo|"
                            r"vou abrir|nao tem nome|pra que|para que|por que|"
                            r"depois (?:te )?(?:falo|digo|passo))\b")  # fmt: skip
# What comes before the answer itself: "uai,", "Égua,", "Boa tarde, meu filho."
_OPENING = re.compile(
    r"^(?:(?:uai|oxe|oxente|egua|égua|eita|vixe|bom dia|boa tarde|boa noite|ola|olá|oi|opa|"
    r"entao|então|ah|so|sô|visse|meu filho|minha filha|meu querido|minha querida|pois|bah|"
    r"tche|tchê|ô|o moço|moço|moça|moco|moca|mano|cara|vei|véi|ue|ué|mas)"
    r"[\s,.!]+)+",
    re.IGNORECASE,
)
_NAME_CUE = re.compile(
    r"(?:\bnome(?: d[ao] (?:\w+ ){1,4}?| fantasia)?\s*(?:é|e|eh|vai ser|:)|\bse chama|\bchamad[ao]|"
    r"\bpode (?:colocar|usar|botar)(?: o nome fantasia)?|\b(?:ele|ela) (?:falou|disse) (?:q|que) "
    r"(?:é|e|eh)|\bo certo (?:é|e|eh))\s*(?:(?:a|o)\s+)?(?=\w)",
    re.IGNORECASE,
)
_RELATED = re.compile(r"\b(?:meu|minha|pai|mae|mesma|mesmo|nomes)\b")  # "a do meu pai, X"
_TRAILING = re.compile(r",?\s+(?:mano|tche|tchê|kkk+|rs+|né|uai|viu)\b.*$", re.IGNORECASE)
_ARTICLE = re.compile(r"^(?:a|o)\s+(?=[A-ZÀ-Ý0-9])")
MAX_COMPANY_WORDS = 6
ASKING = tuple(
    [w]
    for w in (
        "quero",
        "queria",
        "preciso",
        "precisamos",
        "to",
        "estou",
        "tô",
        "contratar",
        "cadastrar",
        "como",
        "quanto",
        "qual",
        "porque",
    )
)
REPLIES = frozenset(("sim", "nao", "ok", "isso", "claro", "beleza", "certo", "obrigado", "ue",
                     "obrigada", "entao", "bom", "pois", "olha", "veja"))  # fmt: skip


def company_answer(text: str, gazetteer: Gazetteer) -> str | None:
    """ "Qual é o nome da empresa?" "a empresa é a Vidraçaria Horizonte" → the name itself."""
    opened = fold(_OPENING.sub("", " ".join(text.split()))).split()
    asking = opened[:1] in ASKING or opened[:2] == ["e", "como"]  # "ue, mas e como funciona?"
    named = _named(text)  # "to ajudando meu pai, o nome é X": the cue wins
    if asking or named is not None:
        return named
    said = Said.of(text)
    if _NOT_A_COMPANY.search(" ".join(said.low)):
        return None
    text = _TRAILING.sub("", _OPENING.sub("", " ".join(text.split())))  # "..., tchê"
    text = _ARTICLE.sub("", text)  # "a Doce Encanto"
    leading = re.split(r"[,;(]| - ", text)[0]  # "Açaí da Terra, fica aqui na Pedreira"
    opener = fold(leading) in REPLIES
    if leading != text and leading[:1].isupper() and not (_COMPANY_LEAD.match(leading) or opener):
        return _words(leading)
    found = company(said, gazetteer)
    if found is not None:
        return found
    if said.lower_typed and _only_a_kind(said, gazetteer):
        return None  # "é uma loja de roupas": the kind, not the name
    return _words(re.split(r"[,;(]| - ", _COMPANY_LEAD.sub("", text, count=1))[0])


def _named(text: str) -> str | None:
    """The name after a cue ("o nome é X", "nome fantasia: X", "ele falou q é X", "pode
    colocar X"), or after a first part that says whose it is ("a do meu pai, Casa do Parafuso")."""
    for cue in reversed(list(_NAME_CUE.finditer(text))):
        rest = re.split(r"[,;(/|]| - |\. ", text[cue.end() :])[0]
        name = _words(_TRAILING.sub("", rest))
        if name is not None and "nome" not in fold(name):
            return name
    first, _, rest = text.partition(",")
    rest = _ARTICLE.sub("", rest.strip().split(",")[0])  # "minha loja, a Casa Bonita, fica..."
    if rest and _RELATED.search(fold(first)) and not _NOT_A_COMPANY.search(fold(rest)):
        return _words(_TRAILING.sub("", rest))
    return None


def _words(rest: str) -> str | None:
    rest = re.sub(r"(\w)([%+])", r"\1\2 ", rest)  # "Açaí 100% Natural", "Gráfica A+"
    words = [w for w in re.findall(r"[^\s,;.!?()]+", rest) if w[0].isalnum() or w == "&"]
    if [fold(w) for w in words] in (["rh"], ["ti"], ["dp"], ["sac"]):
        return None  # a department, not the company
    if not words or len(words) > MAX_COMPANY_WORDS or sum(c.isalpha() for c in rest) < 2:
        return None
    return " ".join(title(w) if w.islower() else w for w in words)


def _only_a_kind(said: Said, gazetteer: Gazetteer) -> bool:
    low = said.low
    return any(w in gazetteer.business_kinds and low[i - 1 : i] in (("uma",), ("um",))
               for i, w in enumerate(low))  # fmt: skip
