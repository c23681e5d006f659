"""A company's name in brackets right after one's own business (stranger round 18, c09)."""

from __future__ import annotations

import pytest

from pyloto_corp.adapters.language.resources import bundled_gazetteer
from pyloto_corp.domain.language.entities import extract


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("aproveitando, meu escritorio de contabilidade (Silveira Contábil) ta precisando de um "
         "sistema", "Silveira Contábil"),
        ("minha loja (Closet da Bia) precisa de um robô", "Closet da Bia"),
        ("tenho uma padaria (aberta em 2010)", None),  # not one's own by a possessive
        ("minha loja (na verdade um quiosque) no shopping", None),
    ],
)  # fmt: skip
def test_a_name_in_brackets_after_ones_business(text: str, name: str | None) -> None:
    assert extract(text, bundled_gazetteer(), None).business_name == name
