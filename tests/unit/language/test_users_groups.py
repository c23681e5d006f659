"""Users from groups named back after their size, several roles per unit, a head office with
its branches, a total said then named, "só eu, mas ...", a sized group added, and the figures
that count no one (a time, a sum of money, "nenhum de nós")."""

from __future__ import annotations

import pytest

from pyloto_corp.domain.language.people import user_count


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # groups sized, then named back by their article
        ("Temos 8 garçons e 3 na cozinha. Os garçons e a cozinha vão usar o app.", 11),
        ("Clínica com 6 dentistas e 2 na recepção. A recepção e os dentistas usariam.", 8),
        # several roles per unit
        ("são 4 farmácias, 2 balconistas em cada + 1 farmacêutico por loja", 12),
        ("temos 10 ônibus, cada ônibus tem 1 motorista e 1 cobrador que vão usar", 20),
        ("são 5 vans, cada van tem 1 motorista e 1 ajudante usando o app", 10),
        # a head office and its branches
        ("a sede e 3 filiais, 2 atendentes em cada loja mexendo no sistema", 8),
        # a total said first, then named
        ("nós três, eu, meu irmão e a Carla", 3),
        ("somos 4, eu, minha sócia e 2 vendedoras", 4),
        # "só eu, mas ...": nobody more counted
        ("por enquanto vai ser só eu, mas quem sabe chamo alguém depois", 1),
        ("Tenho uma papelaria com 3 funcionários, mas quero o sistema só pra mim por enquanto.", 1),
        # a sized group added to the people said by their use
        (
            "são 45 entregadores que vão marcar as entregas, e o escritório (3 pessoas) acompanha",
            48,
        ),
        # each of the people counted, and those besides
        ("associação com 30 artesãs, a ideia é que cada artesã tenha acesso, além de nós 2", 32),
        # a time is no team
        ("me liga depois das 4 da tarde, somos 6 na loja", 6),
        ("umas 80 vendas por dia, 4 pessoas atendem", 4),
    ],
)
def test_people_are_counted_from_how_groups_are_described(text: str, expected: int) -> None:
    assert user_count(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "uns 5 ou 6 mil de orçamento, quantos usuários ainda não sei",
        "somos 12 mas nenhum de nós vai mexer, é pros fornecedores",
    ],
)
def test_money_and_nobody_count_no_users(text: str) -> None:
    assert user_count(text) is None
    assert user_count(text, answer=True) is None


def test_the_clients_after_a_list_are_not_users() -> None:
    assert user_count("somos um escritório pequeno, eu e mais 2, e o cliente manda tudo") == 3


def test_the_people_of_a_group_are_not_one_more() -> None:
    assert user_count("metade dos 30 colaboradores, o pessoal da loja", answer=True) == 15
