"""The words that signal each act, loaded from a versioned data file (no rules in data)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from pyloto_corp.domain.errors import DomainError
from pyloto_corp.domain.language.normalize import tokens
from pyloto_corp.domain.understanding.phrase_sets import PhraseSet, Scanner

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
# "trial": a free test asked about is how it works, not its price;
# "mock": thanks said in scorn ("obrigado nada", "valeu o quê?");
# "not_stop": leaving something else behind ("quero sair do caderno"), no stop;
# "not_negation": preferring to act ("prefiro ver uma proposta"), no other need chosen;
# "not_switch": a wish about the thing described ("queria que aparecesse o endereço");
# "own_place": the person's own place ("do meu escritório"), no question about Pyloto's;
# "any_time": any time is fine, said when the bot asked when to call;
# "bot_problem": the bot itself called buggy ("vc ta bugado"), no problem with a delivery
OPTIONAL_SETS = ("support_problem", "support_owner", "wrong", "withdraw", "menu_words", "clarify",
                 "wants", "both", "stop_alone", "swear", "own_words", "aimed_words", "not_hours",
                 "misclick", "no_answer", "not_complaint", "praise", "trial", "mock",
                 "not_stop", "not_negation", "not_switch", "own_place", "any_time",
                 "bot_problem")  # fmt: skip
# a phrase of the first set does not count where it overlaps one of the second
EXCEPTIONS = {
    "opt_out": "not_stop",
    "switch": "not_switch",
    "negation": "not_negation",
    "support_problem": "bot_problem",
}
TOPIC_EXCEPTIONS = {"where": "own_place"}
# a need refused by name: "n quero pedir entrega, quero ser o motoboy", "não sou entregadora"
REFUSALS = (("nao", "quero"), ("nao", "preciso"), ("nao", "sou"))
TOPICS = ("price", "where", "hours", "cnpj", "jobs", "robot", "how_it_works", "phone", "other")
LANGUAGES = ("pt", "en", "es")


class CuesError(DomainError):
    """The act cues document is incomplete or malformed; names the place."""


def covered(words: list[str] | tuple[str, ...], *sets: PhraseSet) -> bool:
    """Every word belongs to a phrase of one of the sets (e.g. "kkk valeu, tchau")."""
    marks = [False] * len(words)
    for phrases in sets:
        for start, end in phrases.spans(words):
            marks[start:end] = [True] * (end - start)
    return bool(words) and all(marks)


def courtesy_prefix(words: list[str] | tuple[str, ...], cues: ActCues) -> int:
    """How many leading words only greet ("oi, tudo bem? quero um chatbot": 3)."""
    marks = [False] * len(words)
    for phrases in (cues.greeting, cues.how_are_you):
        for start, end in phrases.spans(words):
            marks[start:end] = [True] * (end - start)
    return next((i for i, marked in enumerate(marks) if not marked), len(words))


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
            Scanner([*phrases.values(), *topics.values(), *fields.values()])
            for sets, exceptions in ((phrases, EXCEPTIONS), (topics, TOPIC_EXCEPTIONS)):
                for name, exception in exceptions.items():
                    sets[name].unless(phrases[exception])
            return cls(
                str(doc["version"]), phrases, topics, languages, *emoji, fields, dict(abbreviations)
            )
        except (KeyError, TypeError, AttributeError) as exc:
            raise CuesError(f"malformed act cues: {exc!r}") from exc


def _folded(phrases: Iterable[str], abbreviations: Mapping[str, str]) -> list[str]:
    """Each phrase as a message's words; the ``*`` of a prefix pattern survives folding."""
    return [" ".join(w if w.endswith("*") else " ".join(tokens(w, abbreviations))
                     for w in p.split()) for p in phrases]  # fmt: skip
