"""Whether a message answers the pending question: clause by clause, never a non-answer."""

from __future__ import annotations

from typing import Any

from pyloto_corp.domain.language.entities import Entities
from pyloto_corp.domain.language.gazetteer import Gazetteer
from pyloto_corp.domain.language.normalize import tokens
from pyloto_corp.domain.understanding.acts import Act, ReadingContext
from pyloto_corp.domain.understanding.cues import ActCues, covered
from pyloto_corp.domain.understanding.signals import Signals
from pyloto_corp.domain.understanding.spans import clauses
from pyloto_corp.domain.understanding.values import SLOT_ENTITIES, fits, plain


class Answers:
    def __init__(self, cues: ActCues, gazetteer: Gazetteer) -> None:
        self.cues, self.gazetteer = cues, gazetteer
        c = cues
        self._empty = (c.small_talk, c.greeting, c.thanks, c.goodbye, c.affirm, c.deny,
                       c.dont_know, c.filler)  # fmt: skip
        self._elsewhere = (c.human, c.opt_out, c.support, c.followup, c.abuse, c.negation)

    def slot(
        self, text: str, s: Signals, context: ReadingContext, found: dict[str, Any],
        entities: Entities,
    ) -> set[Act]:  # fmt: skip
        """ANSWER with the pending slot's value; CORRECTION of a slot already filled."""
        acts = {Act.CORRECTION} if self._corrects_other(s, context, entities) else set()
        kind = context.slot_kind or "text"
        values = [v for v in (self._clause(c, kind) for c in clauses(text)) if v is not None]
        if not values:
            return acts
        if kind == "text":
            found["answer"] = " ".join(str(v) for v in values)
        else:
            found["answer"] = values[0]
        return acts | {Act.ANSWER}

    def _clause(self, clause: str, kind: str) -> Any:
        words = tokens(clause, self.gazetteer.abbreviations)
        if not words or covered(words, *self._empty):
            return None
        question = clause.rstrip().endswith("?") or self.cues.question.starts(words) > 0
        strict = question or any(p.find(words) for p in self._elsewhere)
        if strict and kind == "text":
            return None
        return plain(fits(kind, clause, self.gazetteer, strict=strict))

    def _corrects_other(self, s: Signals, context: ReadingContext, entities: Entities) -> bool:
        if not s.correction:
            return False
        others = {k: v for k, v in context.slots.items() if k != context.slot}
        return _differs(others, entities)

    def corrects(self, s: Signals, context: ReadingContext, entities: Entities) -> bool:
        """At the confirmation: a new value for a slot shown, or words that correct one."""
        return _differs(context.slots, entities) or (s.correction and not s.affirm)


def _differs(slots: Any, entities: Entities) -> bool:
    said = entities.found()
    return any(
        name in slots and SLOT_ENTITIES[name] in said
        and plain(said[SLOT_ENTITIES[name]]) != slots[name]
        for name in SLOT_ENTITIES
    )  # fmt: skip
