"""Phrase sets found in a message, all of a cues document in one pass over its words.

A turn asks some forty phrase sets about the same few word lists (the message, its words
without laughter, a clause). Scanning each set on its own walked the words forty times; a
`Scanner` indexes every phrase of every set by its first word and walks them once, keeping
what it found for each set.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

Span = tuple[int, int]
Candidate = tuple[int, tuple[str, ...], bool]  # (set, phrase, whether a word has a "*")

KEY = 2  # prefix patterns are indexed by their first two letters ("a*": by one)
SEEN_KEPT = 64  # word lists already scanned: the turns being read right now
WORDS_KEPT = 20_000  # distinct words whose candidate phrases are kept


def _matches(pattern: str, word: str) -> bool:
    return word.startswith(pattern[:-1]) if pattern.endswith("*") else word == pattern


class PhraseSet:
    """Phrases of folded words, found in a message (indexed by first word).

    A pattern word ending in ``*`` matches any word starting with it ("reclama*"). A set
    scans alone until a `Scanner` joins it with the other sets of its document. A phrase
    overlapping one of the set's exceptions does not count ("sair" inside "sair do caderno").
    """

    def __init__(self, phrases: Iterable[str]) -> None:
        self.listed = [tuple(p.split()) for p in phrases if p.split()]
        self.entries = frozenset(self.listed)
        self._scanner, self._slot = Scanner((self,)), 0
        self._unless: PhraseSet | None = None

    def unless(self, exceptions: PhraseSet) -> None:
        """From now on, a phrase overlapping one of ``exceptions`` is not found."""
        self._unless = exceptions

    def _found(self, words: Sequence[str]) -> tuple[Span, ...]:
        found = self._scanner.found(words).get(self._slot, ())
        if found and self._unless is not None:
            stronger = self._unless._scanner.found(words).get(self._unless._slot, ())
            found = tuple(s for s in found if not any(a < s[1] and s[0] < b for a, b in stronger))
        return found

    def spans(self, words: Sequence[str]) -> list[Span]:
        """Every (start, end) where a phrase occurs, in the order of the words."""
        return list(self._found(words))

    def find(self, words: Sequence[str]) -> bool:
        return bool(self._found(words))

    def whole(self, words: Sequence[str]) -> bool:
        """The message is one of the phrases and nothing else."""
        return (0, len(words)) in self._found(words)

    def starts(self, words: Sequence[str]) -> int:
        """How many leading words one phrase covers (0: none)."""
        return max((end for start, end in self._found(words) if start == 0), default=0)


class Scanner:
    """Every phrase of several sets, found in one walk over a message's words."""

    def __init__(self, sets: Sequence[PhraseSet]) -> None:
        self._exact: dict[str, list[Candidate]] = {}
        self._prefixed: dict[str, list[Candidate]] = {}  # by the pattern's first letters
        for slot, phrases in enumerate(sets):
            phrases._scanner, phrases._slot = self, slot
            for entry in phrases.listed:
                starred = any(w.endswith("*") for w in entry)
                if entry[0].endswith("*"):
                    self._prefixed.setdefault(entry[0][:-1][:KEY], []).append(
                        (slot, entry, starred)
                    )
                else:
                    self._exact.setdefault(entry[0], []).append((slot, entry, starred))
        self._seen: dict[tuple[str, ...], dict[int, tuple[Span, ...]]] = {}
        self._by_word: dict[str, tuple[Candidate, ...]] = {}

    def found(self, words: Sequence[str]) -> dict[int, tuple[Span, ...]]:
        """Set → its spans in ``words``; a set found nowhere is absent."""
        key = tuple(words)
        found = self._seen.get(key)
        if found is None:
            found = self._scan(key)
            if len(self._seen) >= SEEN_KEPT:
                self._seen.clear()
            self._seen[key] = found
        return found

    def _scan(self, words: tuple[str, ...]) -> dict[int, tuple[Span, ...]]:
        found: dict[int, list[Span]] = {}
        size = len(words)
        for i, word in enumerate(words):
            candidates = self._by_word.get(word)
            if candidates is None:
                candidates = self._starting(word)
            for slot, entry, starred in candidates:  # the first word matches already
                end = i + len(entry)
                if end == i + 1 or (end <= size and (
                    all(map(_matches, entry, words[i:end])) if starred
                    else entry[1] == words[i + 1] and words[i:end] == entry
                )):  # fmt: skip
                    found.setdefault(slot, []).append((i, end))
        return {slot: tuple(spans) for slot, spans in found.items()}

    def _starting(self, word: str) -> tuple[Candidate, ...]:
        """The phrases that can start at ``word``, set by set in the order they were listed
        (worked out once per distinct word)."""
        groups = (self._exact.get(word), self._prefixed.get(word[:KEY]),
                  self._prefixed.get(word[:1]) if len(word) > 1 else None)  # fmt: skip
        found = sorted(
            (c for group in groups for c in group or () if _matches(c[1][0], word)),
            key=lambda c: c[0],
        )
        if len(self._by_word) >= WORDS_KEPT:
            self._by_word.clear()
        self._by_word[word] = found = tuple(found)
        return found
