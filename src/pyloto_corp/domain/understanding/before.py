"""What was said before, taken up again: the answer said before the sentence that brings up
another need ("Sônia. mas olha, quero vcs fixo pra minha floricultura") still answers the
question asked; a field put right after the form ("só corrigindo, o orçamento é 30 mil")."""

from __future__ import annotations

from typing import Any

from pyloto_corp.domain.understanding.acts import Act, Pending, ReadingContext
from pyloto_corp.domain.understanding.answers import Answers
from pyloto_corp.domain.understanding.cues import ActCues
from pyloto_corp.domain.understanding.signals import Signals


def answer_before(
    answers: Answers, s: Signals, context: ReadingContext, found: dict[str, Any], intent: str
) -> set[Act]:
    """``ANSWER`` (with ``found["answer"]``) when the sentences before the one naming
    ``intent`` answer the field asked; the whole message is never taken as the answer."""
    found.pop("answer", None)
    later = found.get("later")
    if found["negates"] or later is None or later[0].intent.value != intent:
        return set()
    if context.pending is not Pending.SLOT or later[1].rstrip().endswith(":"):
        return set()  # "olha, melhor eu ser direto: quero um sistema": no answer before
    head: dict[str, Any] = {"entities": found["entities"]}
    acts = answers.slot(later[1], s, context, head, found["entities"])
    if Act.ANSWER not in acts or "answer" not in head:
        return set()
    found["answer"] = head["answer"]
    return {Act.ANSWER}


AFTER = ("closed", "info_given")
CHANGED = frozenset(("mudou", "mudei", "mudamos", "corrigindo", "corrige", "corrija"))


def after_the_form(s: Signals, context: ReadingContext, entities: Any, cues: ActCues) -> bool:
    """After the form, a value of the lead put right: a correction cue ("na verdade",
    "mudei de cidade") and a field named or a value said, in no question."""
    if context.state not in AFTER or s.question or cues.wants.find(s.words):
        return False  # "na verdade eu queria um chatbot": the need said again, no field
    cued = s.correction or bool(CHANGED & set(s.words))
    named = any(p.find(s.words) for p in cues.fields.values())
    said = set(entities.found()) - {"is_business", "role"} if entities is not None else set()
    return cued and (named or bool(said))
