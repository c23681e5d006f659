"""A courier signup asked for someone else ("meu sobrinho tem moto, como faz pra ele ser
entregador?"): the signup is made with the courier, who writes from their own WhatsApp."""

from __future__ import annotations

import re

from pyloto_corp.domain.language.normalize import fold

_RELATIVE = re.compile(
    r"\b(?:meu|minha|o meu|a minha)\s+(?:filh[oa]|sobrinh[oa]|irma|irmao|prim[oa]|marido|"
    r"espos[oa]|namorad[oa]|net[oa]|amig[oa]|cunhad[oa]|genro|nora|tio|tia|pai|mae|"
    r"vizinh[oa]|conhecid[oa]|colega)s?\b(?:\W+\w+){0,12}?\W+(?:quer|queria|pode|procura|"
    r"procurando|ser|trabalhar|entregar|cadastr\w*|trampo|servico|emprego|bico|renda)\b"
)  # "meu sobrinho tem moto e tá procurando serviço"; not "meu filho passou mal. é moto"
_MYSELF = re.compile(
    r"\b(?:quero|queria|queremos|gostaria de|posso|podemos|vou|vamos|preciso)\s+"
    r"(?:ser|trabalhar|fazer|me cadastrar|entregar|rodar)\b"
    r"|\bsou\s+(?:motoboy|entregador|entregadora|motorista)\b"
)


def for_someone_else(text: str) -> bool:
    """The courier is a relative or a friend, and the person does not sign up themselves."""
    folded = fold(text)
    return bool(_RELATIVE.search(folded)) and not _MYSELF.search(folded)


_NOT_ME = re.compile(r"\bnao (?:sou|e) (?:eu|pra mim)\b.*\b(?:minha|meu)\s+\w+")


def not_me(text: str) -> bool:
    """ "nao sou eu, é minha irma!": the signup offered is someone else's."""
    return bool(_NOT_ME.search(fold(text)))
