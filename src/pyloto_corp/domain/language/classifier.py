"""Lexicon classifier: weighted cues + context rules, softmax-calibrated, never a guess.

A message with no clear signal goes to ENTRY_UNKNOWN (the menu) when it is short or a
greeting, and to UNSUPPORTED when it says something substantial none of Pyloto's lines
recognise. Deterministic, offline and pure: the lexicon comes in as data.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from functools import reduce
from itertools import repeat
from operator import add

from pyloto_corp.domain.intents import Intent
from pyloto_corp.domain.language.lexicon import Lexicon
from pyloto_corp.domain.language.matching import CueIndex
from pyloto_corp.domain.language.model import CUE, LEXICON_SCALE, softmax
from pyloto_corp.domain.language.normalize import tokens
from pyloto_corp.domain.language.ports import Classification
from pyloto_corp.domain.language.wordtable import Word, WordTable, add_rule_scores, cue_scores

UNKNOWN = Intent.ENTRY_UNKNOWN


# A site used, not wanted: "fiz pelo link do site", "vou pelo site então", "pedi no site".
_CHANNEL_USE = re.compile(r"\b(?:pelo|no|do|pro|via)\s+(?:link\s+do\s+)?site\b(?:\s+de\s+"
                          r"(?:vcs|voc[eê]s))?", re.IGNORECASE)  # fmt: skip


class LexiconClassifier:
    def __init__(self, lexicon: Lexicon) -> None:
        self._lexicon = lexicon
        self._index = CueIndex(lexicon)
        self._table = WordTable(lexicon, self._index)
        self.version = lexicon.version
        weights = lexicon.model.weights if lexicon.model is not None else {}
        self._cue_rows = {i: weights[CUE + i.value] for i in Intent if CUE + i.value in weights}
        t = lexicon.calibration.temperature
        self._unknown_exp = math.exp(lexicon.calibration.unknown_score / t)

    def words(self, text: str) -> list[str]:
        """Normalized, typo-corrected tokens (shared with entity extraction)."""
        return [w.text for w in self._read(text)]

    def _read(self, text: str) -> list[Word]:
        return self._table.read(tokens(text, self._lexicon.abbreviations))

    def scores(self, words: list[str]) -> dict[Intent, float]:
        return self._scores([self._table.word(w) for w in words])

    def _scores(self, words: list[Word]) -> dict[Intent, float]:
        totals = cue_scores(words)
        add_rule_scores(words, self._table.rules, totals)
        return {intent: score for intent, score in totals.items() if score > 0}

    def classify(self, text: str) -> Classification:
        words = self._read(_CHANNEL_USE.sub(" ", text))  # "fiz pelo link do site": no site
        scores = self._scores(words)
        model = self._lexicon.model
        if model is None:
            return self._by_cues(words, scores)
        signal = max(scores.values(), default=0.0) >= self._lexicon.calibration.min_score
        if not signal and not any(w.evidence for w in words):
            return self._fallback(words, scores)
        probs = softmax(self._logits(words, scores, model.bias), model.temperature)
        k = probs.index(max(probs))  # the first of equals, as ``max`` over indices
        best = model.intents[k]
        confidence = min(probs[k], self._cue_view(scores, best))
        return Classification(best, round(confidence, 4), self._secondary(words, scores, best))

    def _logits(
        self, words: list[Word], scores: dict[Intent, float], bias: tuple[float, ...]
    ) -> list[float]:
        """``model.logits(features(words, scores))``: the same rows, added in the same order."""
        rows: list[Sequence[float]] = []
        seen: set[str] = set()
        previous: str | None = None
        weights = self._table.weights
        for word in words:
            for name, row in word.rows:
                if name not in seen:
                    seen.add(name)
                    rows.append(row)
            if previous is not None:
                name = f"b:{previous}_{word.text}"
                row = weights.get(name)
                if row is not None and name not in seen:
                    seen.add(name)
                    rows.append(row)
            previous = word.text
        for intent, score in scores.items():
            row, value = self._cue_rows.get(intent), score * LEXICON_SCALE
            if row is not None:
                rows.append([w * value for w in row])
        if not rows:
            return list(bias)
        return list(map(reduce, repeat(add), zip(*rows, strict=True), bias))

    def _cue_view(self, scores: dict[Intent, float], intent: Intent) -> float:
        """How sure the cues alone are of ``intent``; with no cue at all, a guess at most.

        The confidence is the lower of the two views: a message the learned layer reads
        one way and the cues another (or not at all) is never reported as a sure thing.
        """
        if not scores:
            return self._lexicon.calibration.fallback_confidence
        return self._softmax(scores).get(intent, 0.0)

    def _by_cues(self, words: list[Word], scores: dict[Intent, float]) -> Classification:
        """Without learned weights: the strongest cue score, softmax over cue scores."""
        calibration = self._lexicon.calibration
        best = max(scores, key=lambda i: (scores[i], i is not UNKNOWN), default=None)
        if best is None or scores[best] < calibration.min_score:
            return self._fallback(words, scores)
        confidence = self._softmax(scores)[best]
        return Classification(best, round(confidence, 4), self._secondary(words, scores, best))

    def _secondary(
        self, words: list[Word], scores: dict[Intent, float], best: Intent
    ) -> tuple[Intent, ...]:
        others = [i for i in scores if i is not best and i is not UNKNOWN]
        if not others:  # most messages name one need: no floor to work out
            return ()
        floor = self._secondary_floor(words, max(scores.values()))
        return tuple(sorted((i for i in others if scores[i] >= floor), key=lambda i: -scores[i]))

    def _secondary_floor(self, words: list[Word], best: float) -> float:
        """A second need counts when the person joins needs ("e também", "além disso")."""
        calibration = self._lexicon.calibration
        if not any(w.marker for w in words):
            return max(calibration.single_need_min_score, best)
        return max(calibration.secondary_min_score, calibration.secondary_ratio * best)

    def _softmax(self, scores: dict[Intent, float]) -> dict[Intent, float]:
        calibration = self._lexicon.calibration
        t = calibration.temperature
        exps = {i: math.exp(s / t) for i, s in scores.items()}
        total = sum(exps.values()) + self._unknown_exp
        return {i: e / total for i, e in exps.items()}

    def _fallback(self, words: list[Word], scores: dict[Intent, float]) -> Classification:
        calibration = self._lexicon.calibration
        content = sum(1 for w in words if w.content)
        if scores.get(UNKNOWN, 0.0) == 0 and content >= calibration.fallback_min_words:
            return Classification(Intent.UNSUPPORTED, calibration.fallback_confidence)
        return Classification(UNKNOWN, round(1 - calibration.fallback_confidence, 4))
