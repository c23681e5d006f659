"""Learning the act model: logistic regression per act (AdaGrad), thresholds on held-out folds.

Pure and deterministic (a seeded shuffle). The thresholds are the honest part: each act's
add and drop thresholds are chosen on out-of-fold scores of the training split, and kept
only where they beat the rules alone; the dev split is never seen.
"""

from __future__ import annotations

import math
import random
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from pyloto_corp.domain.understanding.act_model import ACTS, ActModel, sigmoid
from pyloto_corp.domain.understanding.acts import Act

# Acts the model may add: not those that need what only the rules find (a value, an option,
# a need, a language); a stop, an insult, a complaint or a person only when very sure.
ADDABLE = frozenset(ACTS) - {Act.ANSWER, Act.MENU_CHOICE, Act.TOPIC_CHANGE, Act.OTHER_LANGUAGE}
STRICT = {Act.OPT_OUT: 0.85, Act.ABUSE: 0.85, Act.SUPPORT_ISSUE: 0.85, Act.HUMAN_REQUEST: 0.85}
# A need the rules read is dropped only when the model is very sure it is not one: a missed
# switch costs a lead, a kept one only a question more.
CAUTIOUS_DROP = {Act.TOPIC_CHANGE: 0.05}
DROPPABLE = frozenset(ACTS) - {Act.ANSWER, Act.MENU_CHOICE}
ADD_STEPS = tuple(x / 100 for x in range(50, 100, 5))
DROP_STEPS = tuple(x / 100 for x in (1, 2, 5, 10, 15, 20, 30))
FOLDS = 5
MIN_WEIGHT = 0.05  # smaller weights barely move a score; dropping them keeps the file small


@dataclass(frozen=True, slots=True)
class Sample:
    features: Mapping[str, float]
    rules: frozenset[Act]
    acts: frozenset[Act]


@dataclass(frozen=True, slots=True)
class Settings:
    epochs: int = 12
    rate: float = 0.3
    l2: float = 1e-4
    min_count: int = 2
    seed: int = 7


def fit(samples: Sequence[Sample], settings: Settings = Settings()) -> ActModel:
    counts = Counter(name for s in samples for name in s.features)
    width = len(ACTS)
    bias, bias_g = [0.0] * width, [1e-8] * width
    weights: dict[str, list[float]] = {}
    squares: dict[str, list[float]] = {}
    order = list(range(len(samples)))
    rng = random.Random(settings.seed)  # noqa: S311 - a reproducible shuffle, not a secret
    for _ in range(settings.epochs):
        rng.shuffle(order)
        for i in order:
            sample = samples[i]
            kept = {n: v for n, v in sample.features.items() if counts[n] >= settings.min_count}
            rows = [weights.setdefault(n, [0.0] * width) for n in kept]
            grads = [sigmoid(bias[k] + sum(r[k] * v for r, v in zip(rows, kept.values(),
                     strict=True))) - (ACTS[k] in sample.acts) for k in range(width)]  # fmt: skip
            _update(bias, bias_g, grads, settings.rate, 0.0)
            for name, row, value in zip(kept, rows, kept.values(), strict=True):
                grad_row = squares.setdefault(name, [1e-8] * width)
                _update(row, grad_row, [g * value for g in grads], settings.rate, settings.l2)
    return _model(bias, weights)


def _update(params: list[float], squares: list[float], grads: list[float], rate: float,
            l2: float) -> None:  # fmt: skip
    for k, raw in enumerate(grads):
        grad = raw + l2 * params[k]
        squares[k] += grad * grad
        params[k] -= rate * grad / math.sqrt(squares[k])


def _model(bias: list[float], weights: Mapping[str, list[float]]) -> ActModel:
    rows = {name: {ACTS[k]: w for k, w in enumerate(row) if abs(w) >= MIN_WEIGHT}
            for name, row in weights.items()}  # fmt: skip
    return ActModel(dict(zip(ACTS, bias, strict=True)), {n: r for n, r in rows.items() if r},
                    {}, {})  # fmt: skip


def out_of_fold(samples: Sequence[Sample], settings: Settings) -> list[dict[Act, float]]:
    scores: list[dict[Act, float]] = [{} for _ in samples]
    for fold in range(FOLDS):
        train = [s for i, s in enumerate(samples) if i % FOLDS != fold]
        model = fit(train, settings)
        for i in range(fold, len(samples), FOLDS):
            scores[i] = model.scores(samples[i].features)
    return scores


def _f1(samples: Sequence[Sample], act: Act, decide) -> float:
    hit = said = want = 0
    for i, sample in enumerate(samples):
        got, expected = decide(i, sample), act in sample.acts
        hit, said, want = hit + (got and expected), said + got, want + expected
    return 2 * hit / (said + want) if said + want else 0.0


def thresholds(samples: Sequence[Sample], scores: Sequence[Mapping[Act, float]]) -> tuple[
        dict[Act, float], dict[Act, float]]:  # fmt: skip
    """Per act, the add and the drop threshold that most improve F1 over the rules alone."""
    adds, drops = {}, {}
    for act in ACTS:
        rules = _f1(samples, act, lambda i, s, a=act: a in s.rules)
        best_add = max(((_f1(samples, act, lambda i, s, a=act, t=t: a in s.rules
                         or scores[i][a] >= t), t) for t in ADD_STEPS), default=(0, 0))  # fmt: skip
        if act in ADDABLE and best_add[0] > rules:
            adds[act], rules = max(best_add[1], STRICT.get(act, 0.0)), best_add[0]
        best_drop = max(((_f1(samples, act, lambda i, s, a=act, t=t: (a in s.rules or (
            a in adds and scores[i][a] >= adds[a])) and scores[i][a] > t), t)
            for t in DROP_STEPS), default=(0, 0))  # fmt: skip
        if act in DROPPABLE and best_drop[0] > rules:
            drops[act] = min(best_drop[1], CAUTIOUS_DROP.get(act, 1.0))
    return adds, drops


def train(samples: Sequence[Sample], settings: Settings = Settings()) -> ActModel:
    adds, drops = thresholds(samples, out_of_fold(samples, settings))
    model = fit(samples, settings)
    return ActModel(model.bias, model.weights, adds, drops)
