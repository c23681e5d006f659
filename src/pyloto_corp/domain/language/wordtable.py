"""What the classifier needs to know about one word, worked out once per distinct word.

Messages differ but their words repeat: a word's typo correction, the cues it can start,
the patterns it matches and its learned weight rows are looked up once and kept (bounded),
so classifying a message is a walk over small records. ``cue_scores`` is the cue matching
of ``CueIndex.matches`` (same cues, same order) on those records.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from pyloto_corp.domain.intents import Intent
from pyloto_corp.domain.language.lexicon import Cue, Lexicon, TokenPattern
from pyloto_corp.domain.language.lexicon import Rule as LexiconRule
from pyloto_corp.domain.language.matching import CueIndex
from pyloto_corp.domain.language.model import STEM
from pyloto_corp.domain.language.patterns import PatternIndex

WORD_CACHE = 50_000
Row = tuple[float, ...]
Rule = tuple[Intent, float, frozenset[int]]  # intent, weight, the patterns it needs
CompiledCue = tuple[int, Intent, float, tuple[int, ...], int]  # key, intent, weight, rest, gap


@dataclass(frozen=True, slots=True)
class Word:
    text: str
    starts: tuple[CompiledCue, ...]  # cues that can start at this word
    patterns: frozenset[int]  # the (numbered) patterns this word matches
    rules: frozenset[int]  # the context rules needing one of those patterns
    negation: bool
    marker: bool  # joins two needs ("tambem", "alem")
    content: bool  # not a stopword, longer than two letters
    evidence: bool  # content with learned weights of its own
    rows: tuple[tuple[str, Row], ...]  # its ``w:``/``s:`` features that have learned weights


class WordTable:
    def __init__(self, lexicon: Lexicon, index: CueIndex) -> None:
        rests = [p for cue in lexicon.cues for p in cue.patterns[1:]]
        patterns = list(dict.fromkeys(rests + [p for r in lexicon.rules for p in r.requires]))
        self.slots: dict[TokenPattern, int] = {p: k for k, p in enumerate(patterns)}
        self._patterns = PatternIndex(patterns)
        self._cues = {id(cue): self._compile(k, cue) for k, cue in enumerate(lexicon.cues)}
        self.rules: list[Rule] = [(r.intent, r.weight, self._needs(r)) for r in lexicon.rules]
        self._lexicon, self._index = lexicon, index
        self.weights = lexicon.model.weights if lexicon.model is not None else {}
        self._read: dict[str, Word] = {}  # token as written -> record of its corrected form
        self._words: dict[str, Word] = {}  # corrected word -> record

    def _needs(self, rule: LexiconRule) -> frozenset[int]:
        return frozenset(self.slots[p] for p in rule.requires)

    def _compile(self, key: int, cue: Cue) -> CompiledCue:
        rest = tuple(self.slots[p] for p in cue.patterns[1:])
        return (key, cue.intent, cue.weight, rest, cue.gap)

    def read(self, tokens: Sequence[str]) -> list[Word]:
        """Typo-corrected records of ``tokens`` (``CueIndex.correct``, then ``word``)."""
        cache = self._read
        found = []
        for token in tokens:
            word = cache.get(token)
            if word is None:
                if len(cache) >= WORD_CACHE:
                    cache.clear()
                word = cache[token] = self.word(self._index.correct_one(token))
            found.append(word)
        return found

    def word(self, text: str) -> Word:
        """The record of an already corrected word."""
        word = self._words.get(text)
        if word is None:
            if len(self._words) >= WORD_CACHE:
                self._words.clear()
            word = self._words[text] = self._build(text)
        return word

    def _build(self, text: str) -> Word:
        lexicon, index = self._lexicon, self._index
        content = text not in lexicon.stopwords and len(text) > 2
        patterns = self._patterns.matching(text, suffixes=not index.is_known(text))
        names = ["w:" + text] + (["s:" + text[:STEM]] if len(text) > STEM else [])
        return Word(
            text=text,
            starts=tuple(self._cues[id(cue)] for cue in index.starting_at(text)),
            patterns=patterns,
            rules=frozenset(k for k, (_, _, needs) in enumerate(self.rules) if needs & patterns),
            negation=text in lexicon.negations,
            marker=any(p.matches(text) for p in lexicon.multi_need_markers),
            content=content,
            evidence=content and "w:" + text in self.weights,
            rows=tuple((n, self.weights[n]) for n in names if n in self.weights),
        )


def cue_scores(words: Sequence[Word]) -> dict[Intent, float]:
    """Summed weights of the cues found (each once), skipping negated ones."""
    seen: dict[int, CompiledCue] = {}
    negation = -4  # where the last negation was: it negates cues up to three words on
    for i, word in enumerate(words):
        if word.starts and i - negation > 3:
            for cue in word.starts:
                if cue[0] not in seen and (not cue[3] or _follows(cue[3], words, i + 1, cue[4])):
                    seen[cue[0]] = cue
        if word.negation:
            negation = i
    totals: dict[Intent, float] = {}
    for _, intent, weight, _, _ in seen.values():
        totals[intent] = totals.get(intent, 0.0) + weight
    return totals


def _follows(rest: tuple[int, ...], words: Sequence[Word], start: int, gap: int) -> bool:
    """Each pattern of ``rest`` within ``gap`` other words of the previous one."""
    position, size = start, len(words)
    for slot in rest:
        for k in range(position, min(position + gap + 1, size)):
            if slot in words[k].patterns:
                position = k + 1
                break
        else:
            return False
    return True


def add_rule_scores(
    words: Sequence[Word], rules: Sequence[Rule], totals: dict[Intent, float]
) -> None:
    """Add the weight of every rule whose patterns all occur in ``words`` (in rule order)."""
    touched: set[int] = set()
    hit: set[int] = set()  # a word that touches no rule matches no rule pattern either
    for word in words:
        if word.rules:
            touched |= word.rules
            hit |= word.patterns
    for k in sorted(touched):
        intent, weight, needs = rules[k]
        if needs <= hit:
            totals[intent] = totals.get(intent, 0.0) + weight
