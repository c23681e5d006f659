"""A vehicle said to be out of use is not the one the courier will use."""

from __future__ import annotations

import pytest

from pyloto_corp.adapters.language.resources import bundled_gazetteer
from pyloto_corp.domain.language.normalize import tokens
from pyloto_corp.domain.language.usage import vehicle


@pytest.mark.parametrize(
    ("said", "expected"),
    [
        ("na vdd é bike, a moto ta no conserto e nao sei quando volta", "bicicleta"),
        ("vou de carro, a moto foi roubada mes passado", "carro"),
        ("moto do meu pai mas eu uso", "moto"),
        ("tenho uma moto", "moto"),
    ],
)
def test_the_vehicle_in_use(said: str, expected: str) -> None:
    gazetteer = bundled_gazetteer()
    assert vehicle(tokens(said, gazetteer.abbreviations), gazetteer) == expected
