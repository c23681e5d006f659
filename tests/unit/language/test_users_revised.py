"""Users when the message revises its own figure (users_revised), adds it up by parts
(users_summed), names someone who does not use it, or corrects a bare figure."""

from __future__ import annotations

import pytest

from pyloto_corp.domain.language.corrections import self_corrected
from pyloto_corp.domain.language.numbers import number_words
from pyloto_corp.domain.language.people import user_count
from pyloto_corp.domain.language.users_summed import summed_users


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("na oficina somos 14, mas os 5 borracheiros nao vao mexer", 9),
        ("temos 22 colaboradores, tirando os 4 da limpeza", 18),
        ("uns 50 funcionarios, menos o pessoal da obra que sao 35", 15),
        ("a transportadora tem 40 pessoas, mas 25 dirigem o dia todo e não vão acessar", 15),
        ("temos 13 funcionárias mas as costureiras não vão usar, que são 9", 4),
        ("são 16 pessoas no mercado, 6 delas são repositores e não mexem", 10),
        ("somos 10 contando comigo, sem contar os 2 estagiários", 8),
    ],
)
def test_the_people_who_do_not_use_it_are_taken_out(text: str, expected: int) -> None:
    assert user_count(text) == expected
    assert user_count(text, answer=True) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("o escritorio tem 16 pessoas mas no sistema acho que umas 4 ou 5", 5),
        ("das 35 funcionárias só 8 usam o computador, o resto fica na produção", 8),
        ("somos uns 20, mas no sistema mesmo uns 2 ou 3", 3),
        ("seriam uns 5 vendedores no app, talvez 6 no natal", 6),
    ],
)
def test_the_part_that_uses_it_is_read_upper_end_first(text: str, expected: int) -> None:
    assert user_count(text, answer=True) == expected


@pytest.mark.parametrize(
    "text",
    [
        "tenho 300 alunos, as 4 professoras vão usar, eu não",  # customers are no total
        "temos 180 funcionários, mas só os 9 supervisores e eu vamos usar",  # a list: other rules
        "somos 15 mais ou menos, 3 deles são sócios",
    ],
)
def test_no_part_is_taken_out_without_a_clear_cue(text: str) -> None:
    assert user_count(text) not in (296, 171, 12)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("hoje somos 3, mas ano que vem vao ser 8 usando", 8),
        ("agora somos 5, mas a equipe nova vai ter 12 pessoas em julho", 12),
        ("por enquanto 4, mas quando tivermos as 2 filiais vão ser 11", 11),
        ("agora 4 vendedores, em marco contratamos mais 2", 6),
        ("hoje trabalho sozinha mas vou contratar 3 atendentes", 4),
        ("tá 7 agora, semana que vem entra mais 1, aí fica 8", 8),
        ("por enquanto 2, mas quero crescer", 2),
    ],
)
def test_a_team_that_grows_counts_the_figure_it_grows_to(text: str, expected: int) -> None:
    assert user_count(text, answer=True) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("5 de manha e 3 de noite", 8),
        ("uma pessoa de manha e duas a tarde", 3),
        ("são 2 no turno da manhã e mais 2 no turno da tarde", 4),
        ("4 atendentes pela manhã, 4 pela tarde e 1 de madrugada", 9),
        ("10 vigilantes por noite, em 3 turmas que revezam", 30),
    ],
)
def test_the_people_of_each_shift_are_added(text: str, expected: int) -> None:
    assert user_count(text, answer=True) == expected


@pytest.mark.parametrize(
    "text",
    [
        "pode ser dia 10 de manhã ou dia 11 à tarde",
        "me liga às 3 da tarde",
        "umas 40 entregas de manhã e 30 à tarde",
    ],
)
def test_times_and_volumes_are_no_shifts(text: str) -> None:
    assert summed_users(number_words(text)) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("3 clinicas com 2 recepcionistas em cada, fora eu e minha socia", 8),
        ("5 lojas com 3 no balcão em cada, fora eu e meu irmão", 17),
        ("2 escritórios com 6 corretores cada, fora a gerente", 13),
        ("são 4 quiosques, cada um com 2 vendedoras, mais eu", 9),
    ],
)
def test_people_besides_a_team_per_unit_are_added(text: str, expected: int) -> None:
    assert user_count(text, answer=True) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("4 garçons atendendo no salão e outros 3 no delivery", 7),
        ("um app pros 18 entregadores e mais 2 pessoas na expedição", 20),
        ("bah, somos 2 guris no caixa e eu, o estoque é grande", 3),
        ("vamos ser 4 na produção e 1 no caixa mas os 2 entregadores nao precisam", 5),
    ],
)
def test_other_groups_and_the_team_listed_are_added(text: str, expected: int) -> None:
    assert user_count(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a Lu, o Fabio e eu, o Marcelo nao vai mexer", 3),
        ("eu e a Gabi, o Vitor não porque só faz entrega", 2),
        ("eu, a dona Neide e o Renan, menos a Sofia que só atende telefone", 3),
        ("vai ser o Caio, a Manu e a dona Rosa, o resto do pessoal não precisa", 3),
    ],
)
def test_a_name_said_not_to_use_it_is_left_out(text: str, expected: int) -> None:
    assert user_count(text, answer=True) == expected


def test_who_uses_it_may_be_named_in_a_free_message() -> None:
    text = "Quem vai mexer sou eu, a Sueli e o Tadeu; os 4 pedreiros não"
    assert user_count(text) == 3


def test_a_bare_figure_put_right_keeps_what_it_counts() -> None:
    assert self_corrected("são 8 vendedores, não, 9, esqueci do estoquista") == (
        "são 8 vendedores",
        "são 9 vendedores, esqueci do estoquista",
    )
    assert self_corrected("orçamento uns 20 mil, quer dizer, 25")[1] == "orçamento uns 25 mil"
