"""What the learned act model sees of a turn: words, the pending question and the rules' acts.

Sparse and cheap: the words as the intent model sees them (``word_features``), ``p:``/``k:``
the pending question and the slot's kind, ``pw:`` the first word against the question (a "sim" to a
slot is no yes), ``r:`` the acts the rules read (the model learns when to trust them).
"""

from __future__ import annotations

from collections.abc import Iterable

from pyloto_corp.domain.language.model import word_features
from pyloto_corp.domain.understanding.acts import Act, ReadingContext

_LENGTHS = ((1, "1"), (2, "2"), (5, "3-5"), (10, "6-10"))


def _length(count: int) -> str:
    return next((name for most, name in _LENGTHS if count <= most), "11+")


def act_features(
    words: tuple[str, ...] | list[str], context: ReadingContext, rules: Iterable[Act], *,
    question: bool,
) -> dict[str, float]:  # fmt: skip
    pending = context.pending.value
    found = word_features(words)
    found.update({f"p:{pending}": 1.0, f"k:{context.slot_kind}": 1.0,
                  f"n:{_length(len(words))}": 1.0})  # fmt: skip
    if words:
        found[f"pw:{pending}_{words[0]}"] = 1.0
    for act in rules:
        found["r:" + act.value] = 1.0
        found[f"rp:{pending}_{act.value}"] = 1.0
    if question:
        found["q"] = 1.0
    return found
