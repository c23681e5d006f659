"""The words that signal each act, loaded from a versioned data file (no rules in data)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

from pyloto_corp.domain.errors import DomainError
from pyloto_corp.domain.language.normalize import tokens

PHRASE_SETS = (
    "greeting", "small_talk", "thanks", "goodbye", "affirm", "deny", "dont_know", "human",
    "opt_out", "support", "abuse", "spam", "followup", "when_words", "negation", "switch",
    "correction", "question", "filler", "human_word", "request", "not_followup", "when_question",
    "deflect", "lead_in", "acknowledge", "how_are_you", "reaction", "ask", "support_action",
    "delivery_object",
)  # fmt: skip
# a problem with what Pyloto already runs; "errado" at the confirmation
# "menu_words": what asking for an option says besides its name ("quero", "opção", "sobre")
# "clarify": asking what the bot meant ("como assim?"), not a question of one's own;
# "wants": asking for something ("me indica", "vcs vendem"), not chatting
# "stop_alone": a word that is a stop only as the whole message ("sai", "PARA");
# "swear", "own_words", "aimed_words": a curse about one's own things is no abuse;
# "not_hours": "marcar horário" is booking, not a question about opening hours;
# "misclick": "cliquei errado" is a wrong option picked, no problem with a delivery;
# "no_answer": a free answer that only says the question was not understood or answered;
# "not_complaint": "não é reclamação" said outright; "praise": a compliment, no need;
# "trial": a free test asked about is how it works, not its price
OPTIONAL_SETS = ("support_problem", "support_owner", "wrong", "withdraw", "menu_words", "clarify",
                 "wants", "both", "stop_alone", "swear", "own_words", "aimed_words", "not_hours",
                 "misclick", "no_answer", "not_complaint", "praise", "trial")  # fmt: skip
TOPICS = ("price", "where", "hours", "cnpj", "jobs", "robot", "how_it_works", "other")
LANGUAGES = ("pt", "en", "es")
KEY = 2  # prefix patterns are indexed by their first two letters ("a*": by one)


class CuesError(DomainError):
    """The act cues document is incomplete or malformed; names the place."""


def _matches(pattern: str, word: str) -> bool:
    return word.startswith(pattern[:-1]) if pattern.endswith("*") else word == pattern


SEEN_KEPT = 64  # words already scanned, per phrase set: the turns being read right now
WORDS_KEPT = 20_000  # distinct words whose candidate phrases are kept, per phrase set


class PhraseSet:
    """Phrases of folded words, found in a message in one pass (indexed by first word).

    A pattern word ending in ``*`` matches any word starting with it ("reclama*").
    """

    def __init__(self, phrases: Iterable[str]) -> None:
        entries = [tuple(p.split()) for p in phrases if p.split()]
        self.entries = frozenset(entries)
        self._exact: dict[str, list[tuple[str, ...]]] = {}
        self._prefixed: dict[str, list[tuple[str, ...]]] = {}  # by the pattern's first letters
        for entry in entries:
            if entry[0].endswith("*"):
                self._prefixed.setdefault(entry[0][:-1][:KEY], []).append(entry)
            else:
                self._exact.setdefault(entry[0], []).append(entry)

        self._seen: dict[tuple[str, ...], tuple[tuple[int, int], ...]] = {}
        self._by_word: dict[str, tuple[tuple[tuple[str, ...], bool], ...]] = {}

    def spans(self, words: list[str] | tuple[str, ...]) -> list[tuple[int, int]]:
        """Every (start, end) where a phrase occurs (a turn asks the same words many times)."""
        key = tuple(words)
        found = self._seen.get(key)
        if found is None:
            found = tuple(self._spans(key))
            if len(self._seen) >= SEEN_KEPT:
                self._seen.clear()
            self._seen[key] = found
        return list(found)

    def _spans(self, words: tuple[str, ...]) -> Iterator[tuple[int, int]]:
        size = len(words)
        for i, word in enumerate(words):
            found = self._by_word.get(word)
            for entry, starred in self._starting(word) if found is None else found:
                end = i + len(entry)
                if end > size:
                    continue
                if (all(map(_matches, entry, words[i:end])) if starred
                        else words[i:end] == entry):  # fmt: skip
                    yield i, end

    def _starting(self, word: str) -> tuple[tuple[tuple[str, ...], bool], ...]:
        """The phrases that can start at ``word``, each with whether it has a ``*`` (worked
        out once per distinct word: a turn scans the same words for every phrase set)."""
        groups = (self._exact.get(word), self._prefixed.get(word[:KEY]),
                  self._prefixed.get(word[:1]) if len(word) > 1 else None)  # fmt: skip
        found = tuple((entry, any(w.endswith("*") for w in entry))
                      for group in groups for entry in group or ()
                      if _matches(entry[0], word))  # fmt: skip
        if len(self._by_word) >= WORDS_KEPT:
            self._by_word.clear()
        self._by_word[word] = found
        return found

    def find(self, words: list[str] | tuple[str, ...]) -> bool:
        return bool(self.spans(words))

    def whole(self, words: list[str] | tuple[str, ...]) -> bool:
        """The message is one of the phrases and nothing else."""
        return any(s == (0, len(words)) for s in self.spans(words))

    def starts(self, words: list[str] | tuple[str, ...]) -> int:
        """How many leading words one phrase covers (0: none)."""
        return max((end for start, end in self.spans(words) if start == 0), default=0)


def covered(words: list[str] | tuple[str, ...], *sets: PhraseSet) -> bool:
    """Every word belongs to a phrase of one of the sets (e.g. "kkk valeu, tchau")."""
    marks = [False] * len(words)
    for phrases in sets:
        for start, end in phrases.spans(words):
            marks[start:end] = [True] * (end - start)
    return bool(words) and all(marks)


@dataclass(frozen=True, slots=True)
class ActCues:
    version: str
    phrases: Mapping[str, PhraseSet]
    topics: Mapping[str, PhraseSet]
    languages: Mapping[str, frozenset[str]]
    emoji_small_talk: frozenset[str]
    emoji_goodbye: frozenset[str]
    fields: Mapping[str, PhraseSet] = field(default_factory=dict)  # slot → the words naming it
    abbreviations: Mapping[str, str] = field(default_factory=dict)  # as messages are read

    def __getattr__(self, name: str) -> PhraseSet:
        try:
            return self.phrases[name]
        except KeyError as exc:
            raise AttributeError(name) from exc

    @classmethod
    def from_dict(cls, doc: Mapping[str, Any], abbreviations: Mapping[str, str]) -> ActCues:
        """``abbreviations``: the chat abbreviations messages are read with ("vc", "ta")."""
        try:
            phrases = {k: PhraseSet(_folded(doc["phrases"][k], abbreviations))
                       for k in PHRASE_SETS}  # fmt: skip
            phrases |= {k: PhraseSet(_folded(doc["phrases"].get(k, ()), abbreviations))
                        for k in OPTIONAL_SETS}  # fmt: skip
            topics = {k: PhraseSet(_folded(doc["topics"][k], abbreviations)) for k in TOPICS}
            languages = {k: frozenset(doc["languages"][k]) for k in LANGUAGES}
            emoji = frozenset(doc["emoji_small_talk"]), frozenset(doc["emoji_goodbye"])
            fields = {k: PhraseSet(_folded(v, abbreviations))
                      for k, v in doc.get("fields", {}).items()}  # fmt: skip
            return cls(
                str(doc["version"]), phrases, topics, languages, *emoji, fields, dict(abbreviations)
            )
        except (KeyError, TypeError, AttributeError) as exc:
            raise CuesError(f"malformed act cues: {exc!r}") from exc


def _folded(phrases: Iterable[str], abbreviations: Mapping[str, str]) -> list[str]:
    """Each phrase as a message's words; the ``*`` of a prefix pattern survives folding."""
    return [" ".join(w if w.endswith("*") else " ".join(tokens(w, abbreviations))
                     for w in p.split()) for p in phrases]  # fmt: skip
