"""How a message refers to one of the options shown: its title typed, or (at the menu) its
words said with few others ("o de entregador") rather than a need told in one's own words."""

from __future__ import annotations

from pyloto_corp.domain.understanding.cues import PhraseSet

STEM = 5  # "entregas" names the option "Pedir uma entrega"
MAX_OTHER_WORDS = 2  # beside an option's words, more than this is a need told, not a choice


def opens_with(typed: list[str], title: list[str]) -> bool:
    """The title typed, alone or opening the message (a one-word title only alone)."""
    if not title or typed[: len(title)] != title:
        return False
    return len(typed) == len(title) or len(title) > 1


def refers_to(typed: list[str], title: list[str], menu_words: PhraseSet) -> bool:
    """ "o do chatbot", "quero pedir uma entrega agora": the option; "meu restaurante precisa
    de motoboy pras entregas de noite": a need told (``menu_words``: "quero", "opção"...)."""
    plain = frozenset(e[0] for e in menu_words.entries if len(e) == 1)
    title = [w for w in title if w not in plain]
    said = others(typed, title, plain)
    return len(said) <= 1 or (len(said) <= MAX_OTHER_WORDS and shares_stem(typed, title))


def others(typed: list[str], title: list[str], plain: frozenset[str]) -> list[str]:
    """What a message says besides an option's words and the words of asking for one."""
    stems = {w[:STEM] for w in title}
    return [w for w in typed if len(w) >= STEM - 1 and w not in plain and w[:STEM] not in stems]


def shares_stem(typed: list[str], title: list[str]) -> bool:
    stems = {w[:STEM] for w in title if len(w) >= STEM - 1}
    return any(w[:STEM] in stems for w in typed if len(w) >= STEM - 1)
