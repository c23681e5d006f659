"""Curse words aimed at someone here (abuse) or at nobody ("porra, tô fodido de pedido")."""

from __future__ import annotations

from pyloto_corp.domain.understanding.cues import ActCues

OWN_MIN_WORDS = 6  # "o sistema atual é uma merda, trava toda hora": about one's own things


def insulting(words: list[str] | tuple[str, ...], cues: ActCues) -> bool:
    """Abuse, unless it is only a curse about one's own things, aimed at nobody here ("o
    atendimento é uma merda pq é só eu", "a entrega aqui na cidade é um lixo")."""
    spans = cues.abuse.spans(words)
    if not spans:
        return False
    cursing = all(cues.swear.whole(words[a:b]) for a, b in spans)
    own = cues.own_words.find(words) and not cues.aimed_words.find(words)
    return not (cursing and own and len(words) >= OWN_MIN_WORDS)


def aimless_curse(words: list[str] | tuple[str, ...], cues: ActCues) -> bool:
    """ "porra, tô fodido de pedido", "ontem, né porra": only curse words, aimed at nobody
    here (no "vc", "robô", "Pyloto")."""
    spans = cues.abuse.spans(words)
    cursing = bool(spans) and all(cues.swear.whole(words[a:b]) for a, b in spans)
    return cursing and not cues.aimed_words.find(words) and not _AIMED & set(words)


# "vai a merda", "vacilão do caralho, tô falando contigo", "ta surdo?", "empresa de merda";
# a curse at having to say it again ("Osasco, porra, já disse", "quantas vezes") is aimed too
_AIMED = frozenset(("vai", "va", "vao", "contigo", "surdo", "surda", "empresa", "vacilao",
                    "babaca", "otario", "idiota", "burro", "burra", "disse", "dizer", "falei",
                    "responde", "respondo", "vez", "vezes", "repetir"))  # fmt: skip
