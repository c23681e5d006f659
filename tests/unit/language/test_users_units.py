"""Users by place and unit (users_units), lists with titles and descriptions, groups that are
excluded before the users are named, shifts with where people work, growth that adds to the
writer, and corrections with a reason ("ops", "não, peraí")."""

from __future__ import annotations

import pytest

from pyloto_corp.domain.language.corrections import self_corrected
from pyloto_corp.domain.language.people import user_count


def _both(text: str) -> tuple[int | None, int | None]:
    return user_count(text), user_count(text, answer=True)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("na loja 4 pessoas e no deposito 2", 6),
        ("no centro tem 3 funcionários e no shopping 5", 8),
        ("na cozinha 2, no salão 4 e no caixa 1", 7),
    ],
)
def test_the_people_of_each_place_are_added(text: str, expected: int) -> None:
    assert _both(text) == (expected, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("cada posto tem 2 frentistas por turno e são 3 turnos, temos 2 postos", 12),
        ("4 farmácias, cada farmácia com 1 balconista por turno, são 2 turnos", 8),
        (
            "2 mercados, cada mercado tem 3 caixas por turno e são 2 turnos, mais o "
            "escritório com 4 pessoas",
            16,
        ),
    ],
)
def test_shifts_are_counted_in_every_unit(text: str, expected: int) -> None:
    assert user_count(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("temos 8 instrutores e a recepcionista de cada unidade, são 3 unidades", 11),
        ("o gerente de cada filial vai usar, temos 5 filiais", 5),
        (
            "são 3 escolas. Os coordenadores (6 no total) veriam as notas e a secretaria de "
            "cada escola (1 em cada) faria o cadastro.",
            9,
        ),
    ],
)
def test_a_group_is_added_to_a_team_per_unit(text: str, expected: int) -> None:
    assert user_count(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("somos a dra Luciana, o sr Valter e eu", 3),
        ("quem mexe: eu, 2 instrutores e o rapaz da portaria", 4),
        ("eu, o Pedro e a Ju que são os barbeiros e a moça do caixa", 4),
        ("vai usar a diretoria: eu, o Caio e a Helena", 3),
    ],
)
def test_lists_with_titles_roles_and_groups_named_first(text: str, expected: int) -> None:
    assert user_count(text, answer=True) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("temos 25 entregadores mas eles não vão mexer, só o financeiro que é eu e mais três", 4),
        ("são 2 cozinheiras e 1 no caixa de manhã e 1 a noite", 2),
        ("2 no balcão de manhã e 2 à tarde", 4),
        ("4 de dia na recepção e 1 de madrugada", 5),
    ],
)
def test_excluded_groups_and_shifts_said_with_a_place(text: str, expected: int) -> None:
    assert user_count(text, answer=True) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("hoje sou eu e mais 3 vendedores, em março entram mais 2", 6),
        ("por enquanto só eu, depois quero colocar meus 3 técnicos", 4),
        ("só eu, tenho 2 ajudantes mas não vão mexer, depois vou colocar 1 estagiária", 2),
    ],
)
def test_people_who_join_the_writer_later_are_added(text: str, expected: int) -> None:
    assert user_count(text, answer=True) == expected


@pytest.mark.parametrize(
    ("text", "later"),
    [
        ("5. Ops, 6, esqueci do meu cunhado", "6, esqueci do meu cunhado"),
        ("somos 4 usando, não, peraí, 5", "somos 5 usando"),
    ],
)
def test_a_correction_with_a_reason_keeps_the_later_figure(text: str, later: str) -> None:
    split = self_corrected(text)
    assert split is not None and split[1] == later
