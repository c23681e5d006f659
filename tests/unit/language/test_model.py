"""The learned layer: features, a deterministic fit that learns, the fitted temperature."""

from __future__ import annotations

import pytest

from pyloto_corp.domain.intents import Intent
from pyloto_corp.domain.language.model import LinearModel, ModelError, features, softmax
from pyloto_corp.domain.language.training import Settings, calibrated, fit, fit_temperature

SMALL = Settings(epochs=15, min_count=1, folds=2)


def _samples() -> list:
    rows = []
    for _ in range(4):
        rows.append(
            (features(["quero", "ser", "entregador"], {}), Intent.PYLOTO_ENTREGA_DRIVER_SIGNUP)
        )
        rows.append((features(["manda", "um", "entregador"], {}), Intent.PYLOTO_ENTREGA_REQUEST))
        rows.append((features(["oi"], {Intent.ENTRY_UNKNOWN: 1.2}), Intent.ENTRY_UNKNOWN))
    return rows


def test_features() -> None:
    found = features(["manda", "entregador"], {Intent.PYLOTO_ENTREGA_REQUEST: 5.0})
    assert found["w:manda"] == found["s:entre"] == found["b:manda_entregador"] == 1.0
    assert found["x:PYLOTO_ENTREGA_REQUEST"] == pytest.approx(1.0)
    assert "s:manda" not in found


def test_fit_learns_and_is_deterministic() -> None:
    model = fit(_samples(), SMALL)
    assert model == fit(_samples(), SMALL)
    intents = list(model.intents)
    for found, gold in _samples()[:3]:
        logits = model.logits(found)
        assert intents[max(range(len(logits)), key=logits.__getitem__)] is gold
    assert model.knows(["w:ser"]) and not model.knows(["w:xyz"])


def test_temperature_and_calibrated_model() -> None:
    sure = [([10.0] + [0.0] * 7, Intent.ENTRY_UNKNOWN), ([10.0] + [0.0] * 7, Intent.UNSUPPORTED)]
    assert fit_temperature(sure) > 1.0  # half wrong at a margin of 10: soften
    messages = []
    model = calibrated(_samples(), SMALL, progress=messages.append)
    assert model.temperature > 0 and "temperature" in messages[0]
    assert LinearModel.from_dict(model.to_dict()).intents == model.intents
    assert softmax([1.0, 1.0]) == [0.5, 0.5]


def test_malformed_model_is_refused() -> None:
    doc = fit(_samples(), SMALL).to_dict()
    with pytest.raises(ModelError):
        LinearModel.from_dict({**doc, "temperature": 0})
    with pytest.raises(ModelError):
        LinearModel.from_dict({**doc, "weights": {"w:x": [1.0]}})
