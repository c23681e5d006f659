"""Which needs a message names: the classifier's reading, adjusted for what it misses."""

from __future__ import annotations

import re

from pyloto_corp.domain.intents import Intent
from pyloto_corp.domain.language.normalize import fold
from pyloto_corp.domain.language.ports import Classification
from pyloto_corp.domain.understanding.acts import Act, ReadingContext
from pyloto_corp.domain.understanding.cues import REFUSALS, ActCues, covered
from pyloto_corp.domain.understanding.signals import Signals

GUESS_WORDS = 3
COURIER = 0.8


def guessed(need: Classification, text: str) -> Classification:
    """A few words with no cue at all behind the need ("pra empresa": confidence 0); taking
    something to Pyloto oneself ("posso levar o note aí?") is a visit, not a delivery."""
    unsaid = need.confidence == 0 and need.intent is not Intent.UNSUPPORTED and (
        len(text.split()) <= GUESS_WORDS)  # fmt: skip
    visit = need.intent is Intent.PYLOTO_ENTREGA_REQUEST and bool(_VISIT.search(fold(text)))
    return Classification(Intent.ENTRY_UNKNOWN, 0.0, need.secondary) if unsaid or visit else need


_VISIT = re.compile(
    r"\b(?:posso|eu|vou|da pra|pra eu) (?:levar|levo|passar|passo)\b"
    r"(?: \w+){0,3} (?:ai|la)\b(?: (?:pra|p|e|ou)\b|\s*\?|\s*$)|\blevo ai\b"
)


def needs_of(need: Classification) -> tuple[str, ...]:
    """The main need, then others; a business telling how many deliveries it makes ("a gente
    faz umas 30 entregas por dia") or a courier ("trampar de motoboy") is signing up, not
    asking for a delivery besides."""
    signing = need.intent in (Intent.PYLOTO_ENTREGA_MERCHANT_SIGNUP,
                              Intent.PYLOTO_ENTREGA_DRIVER_SIGNUP)  # fmt: skip
    others = (i.value for i in need.secondary
              if not (signing and i is Intent.PYLOTO_ENTREGA_REQUEST))  # fmt: skip
    return (need.intent.value, *others)


def courier(s: Signals, need: Classification) -> bool:
    """ "como cadastrar entregador? meu sobrinho quer trabalhar com vcs": the courier signup,
    not a job at the company."""
    driver = need.intent is Intent.PYLOTO_ENTREGA_DRIVER_SIGNUP and need.confidence >= COURIER
    return driver and s.topics == ("jobs",) and bool(COURIER_WORDS & set(s.words))


COURIER_WORDS = frozenset(("entregador", "entregadora", "entregadores", "motoboy", "motoboys",
                           "motoca", "entrega", "entregas", "entregar", "motofrete"))  # fmt: skip


WANT = frozenset(("quero", "queria", "preciso", "precisava", "gostaria"))


def withdraws(
    cues: ActCues, s: Signals, context: ReadingContext, acts: set[Act], need: Classification
) -> bool:
    """Giving up the need being filled in, with no other need named instead."""
    busy = acts & {Act.TOPIC_CHANGE, Act.ANSWER, Act.AFFIRM, Act.CORRECTION, Act.OPT_OUT}
    named = cues.withdraw.find(s.words)
    said = named and covered(s.words, cues.withdraw, cues.filler, cues.thanks)
    quits = said or (not busy and named)  # "ah então não adianta né": even as an answer
    w = s.words  # "esquece isso de chatbot, não quero chatbot"; not "n quero pedir
    refused = [i for i in range(len(w) - 1) if tuple(w[i : i + 2]) in REFUSALS]  # entrega,
    wanted = [i for i, x in enumerate(w) if x in WANT and i - 1 not in refused]  # quero ser"
    own = need.intent.value == context.intent and bool(refused) and not (busy or wanted)
    return context.intent is not None and bool(quits or own)


_INTRODUCED = re.compile(r"^\W*(?:eu )?sou (?:o |a |um |uma )?[a-z]+(?: [a-z]+)?(?:,| e )\s*")


def introduced(text: str) -> str:
    """ "sou dentista e queria um aplicativo": what follows who one is (else "")."""
    found = _INTRODUCED.match(fold(text))
    return fold(text)[found.end() :] if found else ""
