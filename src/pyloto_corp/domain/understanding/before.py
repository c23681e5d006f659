"""The answer said before the sentence that brings up another need ("Sônia. mas olha, quero
vcs fixo pra minha floricultura"): it still answers the question asked."""

from __future__ import annotations

from typing import Any

from pyloto_corp.domain.understanding.acts import Act, Pending, ReadingContext
from pyloto_corp.domain.understanding.answers import Answers
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
