"""Learning the linear layer from the training split (pure Python, deterministic).

Softmax regression with AdaGrad steps and L2 shrinkage; features seen fewer than
``min_count`` times are dropped. The temperature is fitted on out-of-fold logits (each
training message scored by a model that never saw it), never on the dev split.
"""

from __future__ import annotations

import math
import random
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

from pyloto_corp.domain.intents import Intent
from pyloto_corp.domain.language.model import CUE, LEXICON_SCALE, LinearModel, softmax

Sample = tuple[dict[str, float], Intent]
PRIOR = 1.0  # a point of cue score starts as a point of logit
TEMPERATURES = tuple(round(0.5 + 0.05 * i, 2) for i in range(91))  # 0.5 … 5.0


@dataclass(frozen=True, slots=True)
class Settings:
    epochs: int = 30
    rate: float = 0.3
    l2: float = 0.001
    min_count: int = 2
    folds: int = 5
    seed: int = 20


def fit(samples: Sequence[Sample], settings: Settings = Settings()) -> LinearModel:
    """Weights at temperature 1 (see ``calibrated`` for the fitted temperature)."""
    intents = tuple(Intent)
    index = {intent: k for k, intent in enumerate(intents)}
    counts = Counter(name for found, _ in samples for name in found)
    kept = [
        ({n: v for n, v in f.items() if counts[n] >= settings.min_count}, y) for f, y in samples
    ]
    width = len(intents)
    bias, bias_g = [0.0] * width, [1e-8] * width
    weights: dict[str, list[float]] = {}
    squares: dict[str, list[float]] = {}
    order = list(range(len(kept)))
    rng = random.Random(settings.seed)  # noqa: S311 - shuffling, not security
    for _ in range(settings.epochs):
        rng.shuffle(order)
        for i in order:
            found, gold = kept[i]
            model = LinearModel(intents, tuple(bias), weights, 1.0)  # type: ignore[arg-type]
            probs = softmax(model.logits(found))
            grads = [p - (k == index[gold]) for k, p in enumerate(probs)]
            _step(bias, bias_g, grads, settings.rate)
            for name, value in found.items():
                row = weights.get(name) or weights.setdefault(name, _initial(name, intents))
                sq = squares.setdefault(name, [1e-8] * width)
                l2 = 0.0 if name.startswith(CUE) else settings.l2
                step = [g * value + l2 * w for g, w in zip(grads, row, strict=True)]
                _step(row, sq, step, settings.rate)
    frozen = {name: tuple(row) for name, row in weights.items() if any(row)}
    return LinearModel(intents, tuple(bias), frozen, 1.0)


def _initial(name: str, intents: tuple[Intent, ...]) -> list[float]:
    """Cue scores start as the lexicon meant them (a point of score, a point of logit)."""
    if not name.startswith(CUE):
        return [0.0] * len(intents)
    own = name.removeprefix(CUE)
    return [PRIOR / LEXICON_SCALE if i.value == own else 0.0 for i in intents]


def _step(params: list[float], squares: list[float], grads: list[float], rate: float) -> None:
    for k, g in enumerate(grads):
        squares[k] += g * g
        params[k] -= rate * g / math.sqrt(squares[k])


def out_of_fold(
    samples: Sequence[Sample], settings: Settings = Settings()
) -> list[tuple[list[float], Intent]]:
    """Every sample's logits (in order) from a model trained on the other folds."""
    scored: list[tuple[list[float], Intent]] = [([], gold) for _, gold in samples]
    for fold in range(settings.folds):
        model = fit([s for i, s in enumerate(samples) if i % settings.folds != fold], settings)
        for i in range(fold, len(samples), settings.folds):
            scored[i] = (model.logits(samples[i][0]), samples[i][1])
    return scored


def fit_temperature(scored: Sequence[tuple[list[float], Intent]]) -> float:
    """The temperature that minimises the negative log-likelihood of the gold intents."""
    intents = list(Intent)

    def loss(t: float) -> float:
        return -sum(math.log(softmax(z, t)[intents.index(y)] + 1e-12) for z, y in scored)

    return min(TEMPERATURES, key=loss)


def calibrated(
    samples: Sequence[Sample],
    settings: Settings = Settings(),
    progress: Callable[[str], None] | None = None,
) -> LinearModel:
    """The final model: trained on every sample, temperature from out-of-fold logits."""
    scored = out_of_fold(samples, settings)
    temperature = fit_temperature(scored)
    if progress:
        right = sum(
            max(range(len(z)), key=z.__getitem__) == list(Intent).index(y) for z, y in scored
        )
        progress(f"out-of-fold accuracy {right / len(scored):.4f}, temperature {temperature}")
    return replace(fit(samples, settings), temperature=temperature)
