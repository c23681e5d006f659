"""Lexicon classifier: weighted cues + context rules, softmax-calibrated, never a guess.

A message with no clear signal goes to ENTRY_UNKNOWN (the menu) when it is short or a
greeting, and to UNSUPPORTED when it says something substantial none of Pyloto's lines
recognise. Deterministic, offline and pure: the lexicon comes in as data.
"""

from __future__ import annotations

import math
from collections import defaultdict

from pyloto_corp.domain.intents import Intent
from pyloto_corp.domain.language.lexicon import Lexicon
from pyloto_corp.domain.language.matching import CueIndex
from pyloto_corp.domain.language.normalize import tokens
from pyloto_corp.domain.language.ports import Classification

UNKNOWN = Intent.ENTRY_UNKNOWN


class LexiconClassifier:
    def __init__(self, lexicon: Lexicon) -> None:
        self._lexicon = lexicon
        self._index = CueIndex(lexicon)
        self.version = lexicon.version

    def words(self, text: str) -> list[str]:
        """Normalized, typo-corrected tokens (shared with entity extraction)."""
        return self._index.correct(tokens(text, self._lexicon.abbreviations))

    def scores(self, words: list[str]) -> dict[Intent, float]:
        totals: dict[Intent, float] = defaultdict(float)
        for cue in self._index.matches(words):
            totals[cue.intent] += cue.weight
        present, seen = set(words), {}
        for rule in self._lexicon.rules:
            if all(self._present(p, present, seen) for p in rule.requires):
                totals[rule.intent] += rule.weight
        return {intent: score for intent, score in totals.items() if score > 0}

    def _present(self, pattern, present: set[str], seen: dict[int, bool]) -> bool:
        """Whether any word matches ``pattern`` (exact words by set, once per pattern)."""
        key = id(pattern)
        if key not in seen:
            seen[key] = not pattern.exact.isdisjoint(present) or any(
                self._index.word_matches(pattern, w) for w in present
            )
        return seen[key]

    def classify(self, text: str) -> Classification:
        words = self.words(text)
        scores = self.scores(words)
        calibration = self._lexicon.calibration
        best = max(scores, key=lambda i: (scores[i], i is not UNKNOWN), default=None)
        if best is None or scores[best] < calibration.min_score:
            return self._fallback(words, scores)
        confidence = self._softmax(scores)[best]
        floor = self._secondary_floor(words, scores[best])
        secondary = sorted(
            (i for i, s in scores.items() if i not in (best, UNKNOWN) and s >= floor),
            key=lambda i: -scores[i],
        )
        return Classification(best, round(confidence, 4), tuple(secondary))

    def _secondary_floor(self, words: list[str], best: float) -> float:
        """A second need counts when the person joins needs ("e também", "além disso")."""
        calibration = self._lexicon.calibration
        joined = any(p.matches(w) for p in self._lexicon.multi_need_markers for w in words)
        if not joined:
            return max(calibration.single_need_min_score, best)
        return max(calibration.secondary_min_score, calibration.secondary_ratio * best)

    def _softmax(self, scores: dict[Intent, float]) -> dict[Intent, float]:
        calibration = self._lexicon.calibration
        t = calibration.temperature
        exps = {i: math.exp(s / t) for i, s in scores.items()}
        total = sum(exps.values()) + math.exp(calibration.unknown_score / t)
        return {i: e / total for i, e in exps.items()}

    def _fallback(self, words: list[str], scores: dict[Intent, float]) -> Classification:
        calibration = self._lexicon.calibration
        content = [w for w in words if w not in self._lexicon.stopwords and len(w) > 2]
        if scores.get(UNKNOWN, 0.0) == 0 and len(content) >= calibration.fallback_min_words:
            return Classification(Intent.UNSUPPORTED, calibration.fallback_confidence)
        return Classification(UNKNOWN, round(1 - calibration.fallback_confidence, 4))
