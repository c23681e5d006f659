"""Users when a group is left out by name, a figure is decided or grows, each unit or person
has one more, a bot or a thing is named, or the figure counts no people at all."""

from __future__ import annotations

import pytest

from pyloto_corp.domain.language.people import user_count


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("somos 15 mas as costureiras nao usam, sao 9", 6),
        ("são 9 cozinheiros e 3 no salão, mas cozinheiro não mexe", 3),
        ("temos 6 vendedoras e 2 no estoque, só que vendedora não vai usar", 2),
        ("2, o resto dos 15 funcionários não precisa", 2),
        ("uns 4, os demais dos 30 colaboradores nem vão mexer", 4),
    ],
)
def test_a_group_named_as_not_using_it_is_taken_out(text: str, expected: int) -> None:
    assert user_count(text) == expected
    assert user_count(text, answer=True) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("trinta e poucos, põe 35", 35),
        ("uns 10 ou 12... bota 12 aí", 12),
        ("hoje somos 3, mas ano que vem deve ir pra 8", 8),
        ("primeiro 4 pra testar, depois vão ser os 15", 15),
        ("agora são 4 mas contratamos mais uma mês que vem", 5),
    ],
)
def test_the_figure_decided_or_grown_to_is_read(text: str, expected: int) -> None:
    assert user_count(text, answer=True) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("3 farmácias, em cada uma só a farmacêutica vai mexer", 3),
        ("são 6 unidades e em cada uma o gerente usa", 6),
        ("4 advogados, cada um com seu estagiário", 8),
        ("somos 3 veterinarios, cada um com sua assistente, todas usam", 6),
    ],
)
def test_one_person_in_each_unit_or_beside_each_person(text: str, expected: int) -> None:
    assert user_count(text, answer=True) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("12 motoristas vão usar no caminhão e mais 3 na portaria", 15),
        ("temos 5 consultoras e todas vão usar, mais a gerente", 6),
        ("temos 30 funcionarios mas quem atende o cliente é o financeiro, 3 pessoas", 3),
        ("somos uns 8 mecanicos mas quem responde no zap é só a Cida", 1),
        ("o colégio tem 900 alunos, quem vai cuidar é a coordenação: 4 pessoas", 4),
        ("4 postos com 2 frentistas por posto, e mais 3 no escritorio", 11),
    ],
)
def test_people_added_or_said_to_do_the_work(text: str, expected: int) -> None:
    assert user_count(text, answer=True) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("atendo umas 80 pacientes por semana mas só eu respondo", 1),
        ("a recepcionista e eu quando ela sai de férias", 2),
        ("tem 1 pessoa só aqui, eu mesma", 1),
        ("seria eu e o bot de vocês", 1),
        ("eu, meu sócio e o robozinho", 2),
    ],
)
def test_the_writer_alone_or_with_someone(text: str, expected: int) -> None:
    assert user_count(text, answer=True) == expected


@pytest.mark.parametrize(
    "text",
    [
        "dá pra começar dia 20 do mês que vem?",
        "o salão abre às 9 e fecha às 19",
        "te mandei um vídeo mostrando como funciona",
        "o colégio tem 450 alunos",
        "atendemos uns 200 pacientes",
    ],
)
def test_figures_that_count_no_users_are_left_out(text: str) -> None:
    assert user_count(text) is None
    assert user_count(text, answer=True) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("um", 1),
        ("uma pessoa só", 1),
        ("um rapaz que atende", 1),
        ("vai ser eu e a minha sócia", 2),
        ("2 pessoas, eu e a Rita", 2),
        ("um app pra 300 alunos", 300),
    ],
)
def test_the_counts_read_before_stay(text: str, expected: int) -> None:
    assert user_count(text, answer=True) == expected
