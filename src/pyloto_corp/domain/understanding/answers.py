"""Whether a message answers the pending question: clause by clause, never a non-answer;
a clause that takes back a value given before is a correction, not an answer."""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from pyloto_corp.domain.language.corrections import self_corrected
from pyloto_corp.domain.language.dates import FLEXIBLE, URGENT, is_flexible
from pyloto_corp.domain.language.entities import Entities
from pyloto_corp.domain.language.gazetteer import Gazetteer
from pyloto_corp.domain.language.names import introduces
from pyloto_corp.domain.language.normalize import fold, tokens
from pyloto_corp.domain.language.numbers import figure_said, first_number
from pyloto_corp.domain.understanding.acts import Act, ReadingContext
from pyloto_corp.domain.understanding.asides import FIGURED, PAIN_SLOTS, told_in_story
from pyloto_corp.domain.understanding.chatter import social_tail
from pyloto_corp.domain.understanding.cues import ActCues, covered
from pyloto_corp.domain.understanding.curses import aimless_curse, insulting
from pyloto_corp.domain.understanding.figures import differs, named_part
from pyloto_corp.domain.understanding.fixes import unnamed
from pyloto_corp.domain.understanding.foreign import abroad
from pyloto_corp.domain.understanding.signals import Signals
from pyloto_corp.domain.understanding.spans import clauses
from pyloto_corp.domain.understanding.values import LABEL, SLOT_ENTITIES, WEB, fits, plain, trimmed

_ASKED = re.compile(r"[,.;!?]+\s*(?=(?:e\s+)?(?:quanto|qual|quais|como|onde|vcs|voces|da pra|"
                    r"dá pra|tem como|aceitam|fazem|parcel)\w*\b[^,.;!]*\?)",
                    re.IGNORECASE)  # where a question about something else starts  # fmt: skip
_CONTRAST = re.compile(r"(?:,|\be)\s*(?:e\s+)?nao\b")  # "a cidade e Itajai, nao Itapema"
_AND_THE = re.compile(r"e (?:o|a|os|as) ", re.IGNORECASE)
LIST_KINDS = frozenset({"availability", "channels"})
WHOLE_KINDS = frozenset({"count", "budget", "company"})
PUT_ASIDE_KINDS = frozenset({"text", "name", "city", "business", "budget", "company", "count"})
FIGURE_KINDS = frozenset({"budget", "count"})


class Answers:
    def __init__(self, cues: ActCues, gazetteer: Gazetteer) -> None:
        self.cues, self.gazetteer = cues, gazetteer
        c = cues
        self._empty = (c.small_talk, c.greeting, c.thanks, c.goodbye, c.affirm, c.deny,
                       c.dont_know, c.filler, c.correction)  # fmt: skip
        self._elsewhere = (c.human, c.opt_out, c.support, c.negation)
        self._trouble_elsewhere = (c.human, c.opt_out, c.negation)  # "o sistema trava": the pain

    def slot(
        self, text: str, s: Signals, context: ReadingContext, found: dict[str, Any],
        entities: Entities,
    ) -> set[Act]:  # fmt: skip
        """ANSWER with the pending slot's value; CORRECTION of a slot already filled."""
        kind = context.slot_kind or "text"
        acts, values, doubted = set(), [], []
        asked = self.cues.fields.get(context.slot or "")
        text = social_tail(text, self.cues)  # "loja de autopeças, tudo bem?"
        text = LABEL.sub("", text, count=1)  # "Empresa: Vitória Materiais", "Nome: Raimundo"
        text = unnamed(text, asked, self.gazetteer.abbreviations)  # "já falei, ..."
        text = WEB.sub(" ", text) if kind == "name" else text  # "joao.silva@gmail.com"
        if kind in WHOLE_KINDS and (whole := self._whole(text, kind, s, context)) is not None:
            found["answer"] = whole  # "tenho 7 funcionários, mas só 4 vão mexer"
            # "30 pessoas. ah e a cidade na verdade é Castro": another field corrected after it
            other = self._corrects_other(s, context, entities) or any(
                self.takes_back(c, tokens(c), s, context) for c in clauses(text)[1:])  # fmt: skip
            return {Act.ANSWER, Act.CORRECTION} if other else {Act.ANSWER}
        trouble = context.slot in PAIN_SLOTS and not self.cues.aimed_words.find(s.words)
        for clause in clauses(text):
            if kind == "text" and introduces(clause) and not _AND_THE.match(clause):  # "me chamo
                # Patrícia": no pain, no goal; ", e o cadastro dos pets" lists one more thing
                continue
            words = tokens(clause, self.gazetteer.abbreviations)
            own = asked is not None and asked.find(words)
            if self.takes_back(clause, words, s, context) or (
                acts and kind == "text" and not own):  # fmt: skip
                acts.add(Act.CORRECTION)
                continue
            part = named_part(clause, context.slot, self.gazetteer, context.today)
            said = words if part == clause else tokens(part or "", self.gazetteer.abbreviations)
            value = None if part is None else self._clause(part, said, kind, s, context.today,
                                                           trouble=trouble)  # fmt: skip
            hesitant = kind in FIGURED and figure_said(clause)  # "umas 50 por dia?": an answer
            unsure = clause.rstrip().endswith("?") and not hesitant
            if value is not None:
                (doubted if unsure else values).append(value)
        if self._corrects_other(s, context, entities):
            acts.add(Act.CORRECTION)
        values = values or doubted or abroad(s, context, entities)
        if not values:  # "cascavel?? eu sou de fortaleza": what is said, not asked
            return acts
        found["answer"] = self._chosen(text, kind, values, s, context)
        return acts | {Act.ANSWER}

    def _whole(self, text: str, kind: str, s: Signals, context: ReadingContext) -> Any:
        """Figures and names read from the whole answer, not clause by clause."""
        if s.question:  # "uns 20, quanto custa?": the figure before the question
            text = _ASKED.split(text, maxsplit=1)[0]
        words = tokens(text, self.gazetteer.abbreviations)
        if not words or covered(words, *self._empty) or self.cues.question.starts(words):
            return None
        return self._clause(text, words, kind, s, context.today)

    def _chosen(
        self, text: str, kind: str, values: list[Any], s: Signals, context: ReadingContext
    ) -> Any:
        """The answer among the clauses' values: all of a list ("• manhã • tarde"), the one
        after a self-correction ("dois mil... não, melhor três mil"), else the first."""
        if kind == "text":
            return trimmed(" ".join(str(v) for v in values)) or None
        split = self_corrected(text)
        if kind in LIST_KINDS and split is not None:  # "email e whatsapp. não, tira o email"
            tail = self._clause(split[1], tokens(split[1], self.gazetteer.abbreviations), kind,
                                s, context.today)  # fmt: skip
            values = [tail] if tail else values
        if kind in LIST_KINDS:
            lists = [x for x in values if not isinstance(x, str)]  # the periods, not "qualquer
            values = lists or [[x] for x in values]  # dia, to desempregado kkk" beside them
            return list(dict.fromkeys(v for value in values for v in value))
        if split is None:  # "sem pressa. se ficar pronto até o fim do ano tá ótimo": the date
            return next((v for v in values if v not in (FLEXIBLE, URGENT)), values[0])
        tail = split[1]
        later = self._clause(tail, tokens(tail, self.gazetteer.abbreviations), kind, s,
                             context.today)  # fmt: skip
        return later if later is not None else values[-1]

    def _clause(
        self, clause: str, words: list[str], kind: str, s: Signals, today: date | None, *,
        trouble: bool = False,
    ) -> Any:  # fmt: skip
        """``trouble``: asked for the person's problem, a complaint of their own answers it."""
        if kind == "deadline" and is_flexible(" ".join(words)):  # "tanto faz", "sem pressa"
            return fits(kind, clause, self.gazetteer, today=today) or FLEXIBLE  # or a date
        unanswered = kind == "text" and self.cues.no_answer.find(words)  # "não sei o que é"
        if not words or covered(words, *self._empty) or unanswered:
            return None
        figure = kind in FIGURE_KINDS and first_number(clause) is not None  # "não sei, uns 500"
        if kind in PUT_ASIDE_KINDS and not figure and self.cues.deflect.starts(words):
            return None
        if s.followup and self.cues.followup.find(words):
            return None
        asks = self.cues.question.starts(words) > 0
        question = asks or (
            clause.rstrip().endswith("?") and not (kind in FIGURED and figure_said(clause))
        )  # "umas 100?": hesitant
        elsewhere = self._trouble_elsewhere if trouble else self._elsewhere
        if trouble and told_in_story(self.cues, words):  # "..., esquece o adicional de bacon"
            elsewhere = elsewhere[:2]
        strict = question or any(p.find(words) for p in elsewhere) or (insulting(
            words, self.cues) and not aimless_curse(words, self.cues))  # fmt: skip
        if strict and kind == "text":
            return None
        return plain(fits(kind, clause, self.gazetteer, strict=strict, today=today))

    def takes_back(
        self, clause: str, words: list[str], s: Signals, context: ReadingContext
    ) -> bool:
        """The clause names another slot and says it was wrong ("errei a cidade")."""
        names = {*context.slots, *SLOT_ENTITIES} - {context.slot}
        if not any(self.cues.fields[k].find(words) for k in names if k in self.cues.fields):
            return False
        return s.correction or bool(_CONTRAST.search(fold(clause)))

    def _corrects_other(self, s: Signals, context: ReadingContext, entities: Entities) -> bool:
        if not s.correction:
            return False
        others = {k: v for k, v in context.slots.items() if k != context.slot}
        return differs(others, entities)

    def corrects(
        self, text: str, s: Signals, context: ReadingContext, entities: Entities | None
    ) -> bool:
        """At the confirmation: a new value for a slot shown, or words that correct one
        (``entities``: None when the values said are about something else)."""
        if s.correction and not s.affirm:
            return True
        if entities is not None and differs(context.slots, entities):
            return True
        for clause in clauses(text):
            words = tokens(clause, self.gazetteer.abbreviations)
            question = clause.endswith("?") or self.cues.question.starts(words) > 0
            named = any(p.find(words) for k, p in self.cues.fields.items() if k in context.slots)
            if named and not question:
                return True
        return False
