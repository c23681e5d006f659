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
from pyloto_corp.domain.language.model import features, softmax
from pyloto_corp.domain.language.normalize import tokens
from pyloto_corp.domain.language.ports import Classification

UNKNOWN = Intent.ENTRY_UNKNOWN
WORD_CACHE = 50_000


class LexiconClassifier:
    def __init__(self, lexicon: Lexicon) -> None:
        self._lexicon = lexicon
        self._index = CueIndex(lexicon)
        self.version = lexicon.version
        self._patterns = list({id(p): p for r in lexicon.rules for p in r.requires}.values())
        slot = {id(p): k for k, p in enumerate(self._patterns)}
        self._rules = [
            (r.intent, r.weight, frozenset(slot[id(p)] for p in r.requires)) for r in lexicon.rules
        ]
        self._seen: dict[str, frozenset[int]] = {}

    def words(self, text: str) -> list[str]:
        """Normalized, typo-corrected tokens (shared with entity extraction)."""
        return self._index.correct(tokens(text, self._lexicon.abbreviations))

    def scores(self, words: list[str]) -> dict[Intent, float]:
        totals: dict[Intent, float] = defaultdict(float)
        for cue in self._index.matches(words):
            totals[cue.intent] += cue.weight
        hit: set[int] = set()
        for word in set(words):
            hit |= self._patterns_of(word)
        for intent, weight, needs in self._rules:
            if hit.issuperset(needs):
                totals[intent] += weight
        return {intent: score for intent, score in totals.items() if score > 0}

    def _patterns_of(self, word: str) -> frozenset[int]:
        """Which rule patterns a word matches, remembered (words repeat across messages)."""
        found = self._seen.get(word)
        if found is None:
            if len(self._seen) >= WORD_CACHE:
                self._seen.clear()
            found = frozenset(
                k for k, p in enumerate(self._patterns) if self._index.word_matches(p, word)
            )
            self._seen[word] = found
        return found

    def classify(self, text: str) -> Classification:
        words = self.words(text)
        scores = self.scores(words)
        model = self._lexicon.model
        if model is None:
            return self._by_cues(words, scores)
        found = features(words, scores)
        signal = max(scores.values(), default=0.0) >= self._lexicon.calibration.min_score
        if not signal and not model.knows(self._content_features(words)):
            return self._fallback(words, scores)
        probs = softmax(model.logits(found), model.temperature)
        k = max(range(len(probs)), key=probs.__getitem__)
        best = model.intents[k]
        confidence = min(probs[k], self._cue_view(scores, best))
        return Classification(best, round(confidence, 4), self._secondary(words, scores, best))

    def _cue_view(self, scores: dict[Intent, float], intent: Intent) -> float:
        """How sure the cues alone are of ``intent``; with no cue at all, a guess at most.

        The confidence is the lower of the two views: a message the learned layer reads
        one way and the cues another (or not at all) is never reported as a sure thing.
        """
        if not scores:
            return self._lexicon.calibration.fallback_confidence
        return self._softmax(scores).get(intent, 0.0)

    def _content_features(self, words: list[str]) -> list[str]:
        stop = self._lexicon.stopwords
        return ["w:" + w for w in words if w not in stop and len(w) > 2]

    def _by_cues(self, words: list[str], scores: dict[Intent, float]) -> Classification:
        """Without learned weights: the strongest cue score, softmax over cue scores."""
        calibration = self._lexicon.calibration
        best = max(scores, key=lambda i: (scores[i], i is not UNKNOWN), default=None)
        if best is None or scores[best] < calibration.min_score:
            return self._fallback(words, scores)
        confidence = self._softmax(scores)[best]
        return Classification(best, round(confidence, 4), self._secondary(words, scores, best))

    def _secondary(
        self, words: list[str], scores: dict[Intent, float], best: Intent
    ) -> tuple[Intent, ...]:
        floor = self._secondary_floor(words, max(scores.values(), default=0.0))
        return tuple(
            sorted(
                (i for i, s in scores.items() if i not in (best, UNKNOWN) and s >= floor),
                key=lambda i: -scores[i],
            )
        )

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
