"""Compiled lexicon index: which cues can start at a token, plus one-typo correction."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from pyloto_corp.domain.language.lexicon import Cue, Lexicon, TokenPattern

FUZZY_MIN_LENGTH = 6


def _deletes(word: str) -> set[str]:
    return {word[:i] + word[i + 1 :] for i in range(len(word))}


class CueIndex:
    """Find cue matches in a token list without testing every cue against every token."""

    def __init__(self, lexicon: Lexicon) -> None:
        self._exact: dict[str, list[Cue]] = defaultdict(list)
        self._prefix: dict[str, list[tuple[str, Cue]]] = defaultdict(list)
        self._suffixed = [c for c in lexicon.cues if c.patterns[0].suffixes]
        for cue in lexicon.cues:
            first = cue.patterns[0]
            for word in first.exact:
                self._exact[word].append(cue)
            for prefix in first.prefixes:
                self._prefix[prefix[:3]].append((prefix, cue))
        self._negations = lexicon.negations
        self._known = set(lexicon.stopwords) | set(lexicon.abbreviations.values())
        self._typos = _typo_table(_vocabulary(lexicon), self._known)

    def correct(self, tokens: list[str]) -> list[str]:
        """Replace unknown long words one typo away from a lexicon word ("motoby")."""
        return [self.correct_one(t) for t in tokens]

    def correct_one(self, token: str) -> str:
        return self._fix(token) if self._is_unknown(token) else token

    def starting_at(self, token: str) -> tuple[Cue, ...]:
        """Cues whose first pattern ``token`` matches, each once, in the order ``matches`` tries."""
        return tuple({id(cue): cue for cue in self._starting_at(token)}.values())

    def is_known(self, token: str) -> bool:
        """Stopwords and abbreviation expansions: never a suffix match, never a typo."""
        return token in self._known

    def _fix(self, token: str) -> str:
        if token in self._typos:
            return self._typos[token]
        candidates = {self._typos[d] for d in _deletes(token) if d in self._typos}
        return candidates.pop() if len(candidates) == 1 else token

    def _is_unknown(self, token: str) -> bool:
        return (
            len(token) >= FUZZY_MIN_LENGTH
            and token not in self._known
            and not (self._starting_at(token))
        )

    def _starting_at(self, token: str) -> list[Cue]:
        found = list(self._exact.get(token, ()))
        found += [cue for p, cue in self._prefix.get(token[:3], ()) if token.startswith(p)]
        if token in self._known:
            return found
        return found + [cue for cue in self._suffixed if cue.patterns[0].matches(token)]

    def matches(self, tokens: list[str]) -> list[Cue]:
        """Every cue found (once each), skipping cues negated by a word just before them."""
        seen: dict[int, Cue] = {}
        for i, token in enumerate(tokens):
            for cue in self._starting_at(token):
                if id(cue) in seen or self._negated(tokens, i):
                    continue
                if self._follows(cue.patterns[1:], tokens, i + 1, cue.gap):
                    seen[id(cue)] = cue
        return list(seen.values())

    def word_matches(self, pattern: TokenPattern, token: str) -> bool:
        return pattern.matches(token, suffixes=token not in self._known)

    def _follows(
        self, patterns: tuple[TokenPattern, ...], tokens: list[str], start: int, gap: int
    ) -> bool:
        position = start
        for pattern in patterns:
            window = tokens[position : position + gap + 1]
            hit = next((k for k, t in enumerate(window) if self.word_matches(pattern, t)), None)
            if hit is None:
                return False
            position += hit + 1
        return True

    def _negated(self, tokens: list[str], i: int) -> bool:
        return any(t in self._negations for t in tokens[max(0, i - 3) : i])


def _vocabulary(lexicon: Lexicon) -> Iterable[str]:
    for cue in lexicon.cues:
        for pattern in cue.patterns:
            yield from pattern.exact
            yield from pattern.prefixes


def _typo_table(vocabulary: Iterable[str], known: set[str]) -> dict[str, str]:
    """Map every deletion-variant of a lexicon word back to it (symmetric-delete lookup).

    A token is corrected when it equals a variant (one letter too many) or shares one
    (a swapped letter); ambiguous variants are dropped rather than guessed.
    """
    table: dict[str, str | None] = {}
    for word in {w for w in vocabulary if len(w) >= FUZZY_MIN_LENGTH - 1}:
        for variant in {word} | _deletes(word):
            if variant in known:
                continue
            previous = table.get(variant, word)
            table[variant] = word if previous == word else None
    return {k: v for k, v in table.items() if v is not None}
