"""Which needs a message names: the classifier's reading, adjusted for what it misses."""

from __future__ import annotations

from pyloto_corp.domain.intents import Intent
from pyloto_corp.domain.language.ports import Classification
from pyloto_corp.domain.understanding.signals import Signals

GUESS_WORDS = 3
COURIER = 0.8


def guessed(need: Classification, text: str) -> Classification:
    """A few words with no cue at all behind the need ("pra empresa": confidence 0)."""
    unsaid = need.confidence == 0 and need.intent is not Intent.UNSUPPORTED and (
        len(text.split()) <= GUESS_WORDS)  # fmt: skip
    return Classification(Intent.ENTRY_UNKNOWN, 0.0, need.secondary) if unsaid else need


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
