"""The intent lexicon: weighted cues (words and phrases), context rules and calibration.

The lexicon is data (a versioned JSON document); this module validates it and compiles
it into an index so matching stays well under a millisecond per message.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from pyloto_corp.domain.errors import DomainError
from pyloto_corp.domain.intents import Intent
from pyloto_corp.domain.language.model import LinearModel, ModelError

MIN_PREFIX = 3


class LexiconError(DomainError):
    """The lexicon document is malformed; the message says where."""


@dataclass(frozen=True, slots=True)
class TokenPattern:
    """``"moto*|motoca|*aria"``: alternatives, each an exact word, a prefix or a suffix."""

    exact: frozenset[str]
    prefixes: tuple[str, ...]
    suffixes: tuple[str, ...] = ()

    @classmethod
    def parse(cls, spec: str) -> TokenPattern:
        exact, prefixes, suffixes = set(), [], []
        for alternative in spec.split("|"):
            word = alternative.strip()
            if word.endswith("*") and len(word) > MIN_PREFIX:
                prefixes.append(word[:-1])
            elif word.startswith("*") and len(word) > MIN_PREFIX:
                suffixes.append(word[1:])
            elif word and "*" not in word and word.isalnum() and word.islower():
                exact.add(word)
            else:
                raise LexiconError(f"bad token pattern {spec!r}")
        return cls(frozenset(exact), tuple(prefixes), tuple(suffixes))

    def matches(self, token: str, *, suffixes: bool = True) -> bool:
        """``suffixes=False`` for function words ("gostaria" is a verb, not a "-aria" shop)."""
        return (
            token in self.exact
            or any(token.startswith(p) for p in self.prefixes)
            or (suffixes and any(_has_suffix(token, s) for s in self.suffixes))
        )


def _has_suffix(token: str, suffix: str) -> bool:
    """A suffix pattern needs a stem of at least three letters before it."""
    return len(token) >= len(suffix) + MIN_PREFIX and token.endswith(suffix)


@dataclass(frozen=True, slots=True)
class Cue:
    """Words in order (at most ``gap`` other words between two of them) that hint an intent."""

    intent: Intent
    patterns: tuple[TokenPattern, ...]
    weight: float
    gap: int = 2


@dataclass(frozen=True, slots=True)
class Rule:
    """Context: when every pattern occurs anywhere in the message, add ``weight``."""

    intent: Intent
    requires: tuple[TokenPattern, ...]
    weight: float


@dataclass(frozen=True, slots=True)
class Calibration:
    temperature: float
    min_score: float
    unknown_score: float
    secondary_ratio: float
    secondary_min_score: float
    single_need_min_score: float
    fallback_min_words: int
    fallback_confidence: float


@dataclass(frozen=True, slots=True)
class Lexicon:
    version: str
    abbreviations: Mapping[str, str]
    negations: frozenset[str]
    stopwords: frozenset[str]
    cues: tuple[Cue, ...]
    rules: tuple[Rule, ...]
    multi_need_markers: tuple[TokenPattern, ...]
    calibration: Calibration
    model: LinearModel | None = None  # learned on the training split; None: cue scores only

    @classmethod
    def from_dict(cls, doc: Mapping[str, Any]) -> Lexicon:
        try:
            return cls(
                version=str(doc["version"]),
                abbreviations={str(k): str(v) for k, v in doc["abbreviations"].items()},
                negations=frozenset(doc["negations"]),
                stopwords=frozenset(doc["stopwords"]),
                cues=_cues(doc["intents"]),
                rules=tuple(_rule(r) for r in doc["rules"]),
                multi_need_markers=tuple(TokenPattern.parse(m) for m in doc["multi_need_markers"]),
                calibration=_calibration(doc["calibration"]),
                model=LinearModel.from_dict(doc["model"]) if doc.get("model") else None,
            )
        except (KeyError, TypeError, AttributeError, ValueError, ModelError) as exc:
            raise LexiconError(f"malformed lexicon: {exc!r}") from exc


def _intent(name: str) -> Intent:
    try:
        return Intent(name)
    except ValueError as exc:
        raise LexiconError(f"unknown intent {name!r}") from exc


def _cues(intents: Mapping[str, Mapping[str, float]]) -> tuple[Cue, ...]:
    cues = []
    for name, entries in intents.items():
        intent = _intent(name)
        for phrase, weight in entries.items():
            patterns = tuple(TokenPattern.parse(part) for part in phrase.split())
            if not patterns or not isinstance(weight, int | float):
                raise LexiconError(f"bad cue {phrase!r} for {name}")
            cues.append(Cue(intent, patterns, float(weight)))
    return tuple(cues)


def _rule(doc: Mapping[str, Any]) -> Rule:
    requires = tuple(TokenPattern.parse(p) for p in doc["all"])
    if not requires:
        raise LexiconError("a rule needs at least one pattern")
    return Rule(_intent(doc["intent"]), requires, float(doc["weight"]))


def _calibration(doc: Mapping[str, Any]) -> Calibration:
    calibration = Calibration(
        temperature=float(doc["temperature"]),
        min_score=float(doc["min_score"]),
        unknown_score=float(doc["unknown_score"]),
        secondary_ratio=float(doc["secondary_ratio"]),
        secondary_min_score=float(doc["secondary_min_score"]),
        single_need_min_score=float(doc["single_need_min_score"]),
        fallback_min_words=int(doc["fallback_min_words"]),
        fallback_confidence=float(doc["fallback_confidence"]),
    )
    if calibration.temperature <= 0 or not 0 < calibration.fallback_confidence < 1:
        raise LexiconError("temperature must be positive and fallback confidence in (0, 1)")
    return calibration
