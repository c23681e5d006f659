"""A question of one's own asked in the middle of a form, told apart from a question about
the question the bot asked."""

from __future__ import annotations

from pyloto_corp.domain.language.normalize import tokens
from pyloto_corp.domain.understanding.acts import Act, Pending, ReadingContext
from pyloto_corp.domain.understanding.cues import ActCues
from pyloto_corp.domain.understanding.signals import Signals
from pyloto_corp.domain.understanding.spans import clauses

QUESTION_PENDING = (Pending.SLOT, Pending.CONFIRM, Pending.FOLLOWUP_TIME)
ASIDE_BESIDE = frozenset({Act.ANSWER, Act.AFFIRM, Act.DENY, Act.GREETING, Act.SMALL_TALK})
NAMING_WORDS = 5  # "preciso falar meu nome?": short, and names what was asked
ASIDE_WORDS = 4  # "cascavel?", "quais vcs tem?": about the question, not one of one's own


def asked_aside(
    text: str, acts: set[Act], s: Signals, context: ReadingContext, cues: ActCues
) -> set[Act]:
    """ "precisa ter mei pra ser entregador de vcs?", "Moro em Contagem. vcs pagam por
    semana?": a side question, noted for the team; "pra que vc quer meu nome?", "como
    assim?" are about the question and stay non-answers."""
    if context.pending not in QUESTION_PENDING or Act.SIDE_QUESTION in acts:
        return acts
    if not s.question or acts - ASIDE_BESIDE or s.spam or s.social:
        return acts
    field = cues.fields.get(context.slot or "")
    for clause in clauses(text):
        words = tokens(clause, cues.abbreviations)
        asked = clause.endswith("?") or cues.question.starts(words)
        named = field is not None and len(words) <= NAMING_WORDS and field.find(words)
        if asked and len(words) >= ASIDE_WORDS and not (cues.clarify.starts(words) or named):
            return acts | {Act.SIDE_QUESTION}
    return acts
