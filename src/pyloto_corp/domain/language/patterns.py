"""Which token patterns a word matches, by a few dictionary lookups instead of a scan.

``TokenPattern.matches`` tests one pattern; a message needs every pattern of the lexicon
tested against each of its words. Here each exact word, prefix and suffix points back to
the patterns that hold it, so a word is matched by looking up its own prefixes and
suffixes (at most its length in lookups), with exactly ``TokenPattern.matches`` semantics.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from pyloto_corp.domain.language.lexicon import MIN_PREFIX, TokenPattern


class PatternIndex:
    """Patterns numbered by their position in ``patterns``."""

    def __init__(self, patterns: Sequence[TokenPattern]) -> None:
        self._exact: dict[str, list[int]] = defaultdict(list)
        self._prefix: dict[str, list[int]] = defaultdict(list)
        self._suffix: dict[str, list[int]] = defaultdict(list)
        for k, pattern in enumerate(patterns):
            for word in pattern.exact:
                self._exact[word].append(k)
            for prefix in pattern.prefixes:
                self._prefix[prefix].append(k)
            for suffix in pattern.suffixes:
                self._suffix[suffix].append(k)
        self._prefix_sizes = sorted({len(p) for p in self._prefix})
        self._suffix_sizes = sorted({len(s) for s in self._suffix})

    def matching(self, token: str, *, suffixes: bool = True) -> frozenset[int]:
        """The patterns ``p`` with ``p.matches(token, suffixes=suffixes)``."""
        found = set(self._exact.get(token, ()))
        size = len(token)
        for n in self._prefix_sizes:
            if n > size:
                break
            found.update(self._prefix.get(token[:n], ()))
        if suffixes:
            for n in self._suffix_sizes:
                if n + MIN_PREFIX > size:
                    break
                found.update(self._suffix.get(token[-n:], ()))
        return frozenset(found)
