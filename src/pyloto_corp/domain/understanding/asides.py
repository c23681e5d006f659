"""A question of one's own asked in the middle of a form, told apart from a question about
the question the bot asked; a complaint told apart from the trouble the bot asked about."""

from __future__ import annotations

from typing import Any

from pyloto_corp.domain.intents import Intent
from pyloto_corp.domain.language.normalize import tokens
from pyloto_corp.domain.language.numbers import figure_said
from pyloto_corp.domain.language.ports import Classification
from pyloto_corp.domain.understanding.acts import Act, Pending, ReadingContext
from pyloto_corp.domain.understanding.cues import ActCues
from pyloto_corp.domain.understanding.curses import aimless_curse
from pyloto_corp.domain.understanding.signals import Signals
from pyloto_corp.domain.understanding.spans import clauses

ASKING = (Pending.SLOT, Pending.CONFIRM, Pending.FOLLOWUP_TIME)
ASIDE_BESIDE = frozenset({Act.ANSWER, Act.AFFIRM, Act.DENY, Act.GREETING, Act.SMALL_TALK})
NAMING_WORDS = 5  # "preciso falar meu nome?": short, and names what was asked
ASIDE_WORDS = 4  # "cascavel?", "quais vcs tem?": about the question, not one of one's own
PAIN_SLOTS = ("problem", "main_pain")  # the person's own trouble is what is asked
FIGURED = ("count", "budget", "volume")  # a figure asked back is still the answer
SERVICE_TOPICS = ("how_it_works", "other")  # "vcs fazem app?": asks for another service
SERVICE_CONFIDENCE = 0.75
OFFERS = (Intent.CUSTOM_SOFTWARE.value, Intent.SAAS_COMMUNICATION.value,
          Intent.PYLOTO_ENTREGA_REQUEST.value, Intent.PYLOTO_ENTREGA_DRIVER_SIGNUP.value,
          Intent.PYLOTO_ENTREGA_MERCHANT_SIGNUP.value)  # fmt: skip


def asked_aside(
    text: str, acts: set[Act], s: Signals, context: ReadingContext, cues: ActCues
) -> set[Act]:
    """ "precisa ter mei pra ser entregador de vcs?", "Moro em Contagem. vcs pagam por
    semana?": a side question, noted for the team; "pra que vc quer meu nome?", "como
    assim?" are about the question and stay non-answers."""
    if context.pending not in ASKING or Act.SIDE_QUESTION in acts:
        return acts
    if not s.question or acts - ASIDE_BESIDE or s.spam or s.social:
        return acts
    field, parts = cues.fields.get(context.slot or ""), clauses(text)
    if Act.ANSWER in acts and len(parts) == 1:
        return acts  # "será que 3 pessoas tá bom?": the answer, asked
    for clause in parts:
        words = tokens(clause, cues.abbreviations)
        asked = clause.endswith("?") or cues.question.starts(words)
        named = field is not None and len(words) <= NAMING_WORDS and field.find(words)
        named = named or _about_summary(words, context, cues)
        hesitant = Act.ANSWER in acts and context.slot_kind in FIGURED and figure_said(clause)
        if asked and len(words) >= ASIDE_WORDS and not (cues.clarify.starts(words) or named
                                                        or hesitant):  # fmt: skip
            return acts | {Act.SIDE_QUESTION}
    return acts


def _about_summary(words: list[str], context: ReadingContext, cues: ActCues) -> bool:
    """At the summary, a question naming one of its fields is about it ("conseguiu registrar
    o prazo de março?"), not a question of one's own."""
    if context.pending is not Pending.CONFIRM:
        return False
    return any(cues.fields[name].find(words) for name in context.slots if name in cues.fields)


def own_trouble(acts: set[Act], s: Signals, context: ReadingContext, cues: ActCues) -> set[Act]:
    """Asked what the problem is, "o sistema atual trava toda hora" is the answer: a
    complaint about something of Pyloto's names it ("o app que vcs fizeram")."""
    if {Act.ANSWER, Act.ABUSE} <= acts and aimless_curse(s.words, cues):
        acts = acts - {Act.ABUSE}  # "porra, to fodido de pedido, uns 80 por dia": an answer
    if context.slot not in PAIN_SLOTS or not {Act.ANSWER, Act.SUPPORT_ISSUE} <= acts:
        return acts
    return acts if cues.aimed_words.find(s.words) else acts - {Act.SUPPORT_ISSUE}


def service_asked(
    s: Signals, need: Classification, context: ReadingContext, acts: set[Act], *, own: bool
) -> set[Act]:
    """With nothing asked, "vcs fazem aquele robozinho do whats? quero um pra minha loja"
    names a need of one's own: no side question (what Pyloto is or does stays one)."""
    free = context.pending in (Pending.NONE, Pending.MENU, Pending.ANYTHING_ELSE)
    asking = context.pending in (Pending.SLOT, Pending.CONFIRM)  # "e meu filho, pode se
    # cadastrar?" in the middle of a form: the need of someone else counts too
    sure = need.intent.value in OFFERS and need.confidence >= SERVICE_CONFIDENCE
    asked = Act.SIDE_QUESTION in acts and s.topic in SERVICE_TOPICS
    asked = asked or (asking and s.question and s.topic in (None, *SERVICE_TOPICS))
    return {Act.SIDE_QUESTION} if sure and asked and ((free and own) or asking) else set()


PITCHED = (Intent.CUSTOM_SOFTWARE.value, Intent.SAAS_COMMUNICATION.value,
           Intent.PYLOTO_ENTREGA_MERCHANT_SIGNUP.value)  # fmt: skip
PITCH_CONFIDENCE = 0.4


def pitches(s: Signals, need: Classification, cues: ActCues) -> bool:
    """ "o maior problema é que os pedidos se perdem e o cliente desiste, queria um chatbot":
    a trouble of one's own told to ask for a service is no complaint about Pyloto (nor is
    anything said with "não é reclamação")."""
    if cues.not_complaint.find(s.words):
        return True
    if cues.support.find(s.words) or cues.support_action.find(s.words):
        return False  # "quero estorno", "preciso cancelar minha assinatura": a complaint
    wanted = need.intent.value in PITCHED and need.confidence >= PITCH_CONFIDENCE
    asks = [a for a, _ in cues.wants.spans(s.words)]  # "..., queria ver o chatbot de vcs":
    told = s.words[: min(asks)] if asks else s.words  # what is wanted names Pyloto, not
    return wanted and bool(asks) and not cues.aimed_words.find(told)  # the trouble told


STORY_WORDS = 4  # a "esquece" this far into the answer is part of the story


def told_in_story(cues: ActCues, words: list[str] | tuple[str, ...]) -> bool:
    """ "na correria o pessoal erra pedido, esquece o adicional de bacon": a negation well
    into the answer about one's trouble tells it, it drops nothing ("esquece o app", at the
    start, does)."""
    starts = [a for a, _ in cues.negation.spans(words)]
    return bool(starts) and min(starts) >= STORY_WORDS


JOINS = (["e", "o"], ["e", "a"])  # "..., e a cooperativa vê o total": a clause joined on
DESCRIBED = (None, "text")  # the trouble or the features, told in one's own words


def only_joined(cues: ActCues, words: tuple[str, ...], kind: str | None) -> bool:
    """Describing what the system should do, "e a cooperativa vê o total" goes on with the
    answer: only "também", "outra coisa", "quero"... say that another need starts."""
    spans = cues.switch.spans(words)
    return kind in DESCRIBED and all(list(words[a:b]) in JOINS for a, b in spans)


HOLDING = (
    ("antes", "de", "confirmar"),
    ("antes", "de", "eu", "confirmar"),
    ("antes", "de", "fechar"),
)


def held_back(acts: set[Act], words: tuple[str, ...], context: ReadingContext) -> set[Act]:
    """ "Tá ok. Antes de confirmar: vcs assinam NDA?": not yet a yes to the summary."""
    said = any(words[i : i + len(h)] == h for h in HOLDING for i in range(len(words)))
    return acts - {Act.AFFIRM} if said and context.pending is Pending.CONFIRM else acts


def asked_apart(text: str, acts: set[Act], cues: ActCues) -> bool:
    """ "agendamento online, lembrete pro cliente. ah e vcs fazem site tbm?": a question of
    one's own, in a sentence of its own after the answer, is kept beside it."""
    parts = clauses(text)
    if not {Act.ANSWER, Act.SIDE_QUESTION} <= acts or len(parts) < 2:
        return False
    words = tokens(parts[-1], cues.abbreviations)
    asked = parts[-1].rstrip().endswith("?") and len(words) >= ASIDE_WORDS
    return asked and not cues.clarify.starts(words)


def sure_later(acts: set[Act], later: Any, text: str, cues: ActCues) -> bool:
    """A need named plainly after the answer, with a cue ("e o robô do whats?") or wanted in
    so many words ("e outra coisa, ... queria cadastrar o truck"): kept."""
    beside = {Act.ANSWER, Act.TOPIC_CHANGE} <= acts and Act.SIDE_QUESTION not in acts
    if not beside or later is None or not later[2]:
        return False
    wanted = WANTED & set(tokens(text[len(later[1]) :], cues.abbreviations))
    return later[0].confidence >= SURE_LATER or bool(wanted)


SURE_LATER = 0.8
ASIDE_OR_FIX = frozenset((Act.SIDE_QUESTION, Act.CORRECTION))  # what the model read instead
WANTED = frozenset(("quero", "queria", "preciso", "precisava", "gostaria", "necessito"))
