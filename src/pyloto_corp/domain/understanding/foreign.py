"""A question in English or Spanish: the side question it asks, unless it says a need."""

from __future__ import annotations

from typing import Any

from pyloto_corp.domain.language.entities import Entities
from pyloto_corp.domain.understanding.acts import Act, ReadingContext
from pyloto_corp.domain.understanding.signals import Signals
from pyloto_corp.domain.understanding.values import SLOT_ENTITIES

# "I need an app for my gym, can you help?", "necesito trabajar, ¿contratan?": a need
SAYS_NEED = frozenset((
    "need", "needs", "want", "wanna", "help", "necesito", "necesitamos", "quiero", "queremos",
    "quisiera", "gustaria", "ayudar", "ayuda",
))  # fmt: skip
# what the question already does, or what it is not (an answer, a question about the question)
DOES_MORE = frozenset({Act.HUMAN_REQUEST, Act.SUPPORT_ISSUE, Act.FOLLOWUP_REQUEST, Act.OPT_OUT,
                       Act.ABUSE, Act.ANSWER, Act.NON_ANSWER, Act.MENU_CHOICE})  # fmt: skip


def foreign_question(acts: set[Act], s: Signals) -> set[Act]:
    """ "Which one is for couriers?", "¿hacen envíos a Foz?": asked, not a need said; the
    handoff in that language goes to the team the question names all the same."""
    if Act.OTHER_LANGUAGE not in acts or not s.question or acts & DOES_MORE:
        return acts
    if SAYS_NEED & set(s.words):
        return acts
    return (acts - {Act.TOPIC_CHANGE}) | {Act.SIDE_QUESTION}


def abroad(s: Signals, context: ReadingContext, entities: Entities) -> list[Any]:
    """ "I live in Florianópolis", "me llamo Carlos": the value read in another language."""
    value = entities.found().get(SLOT_ENTITIES.get(context.slot or "", ""))
    return [value] if s.language and value else []
