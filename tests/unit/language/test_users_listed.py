"""Who uses it, counted from the list that says so (users_clause), number words typed wrong,
per-unit teams with people added, and "não são 5, são 8"."""

from __future__ import annotations

import pytest

from pyloto_corp.domain.language.numbers import number_words, numbers, unit_of
from pyloto_corp.domain.language.people import user_count
from pyloto_corp.domain.language.people_names import named_people
from pyloto_corp.domain.language.users_clause import answered_users, clause_users


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("quem vai mexer no sistema sou eu e o pastor", 2),
        ("vão usar 2 mestres cervejeiros, 4 operadores e eu", 7),
        ("vai ser usado pelos 3 coordenadores de enfermagem e pelas 4 pessoas do RH", 7),
        ("Só a minha secretária vai mexer. Quanto custa?", 1),
        ("vai ser usado só pela administração: eu, o zelador e os 2 porteiros", 4),
        ("quem usa são os 5 vistoriadores e o gerente", 6),
        ("somos 3 atendentes + a gerente, todas vão usar", 4),
        ("eu e minha mãe, só nós duas vamos mexer no sistema", 2),
        ("os 38 usariam a plataforma + eu", 39),
        ("trabalho sozinha com uma estagiária que também usaria", 2),
        ("além de mim vão usar mais 3 vendedores", 4),
        ("quem ia usar era eu a minha esposa e o motoboy não o motoboy não só nós dois mesmo", 2),
        ("quem vai mexer é só a recepcionista e eu, as meninas não vão mexer", 2),
        ("usado por mim e pelo outro sócio, mais ninguém", 2),
        ("Vão usar eu, os outros 3 dentistas e as 2 recepcionistas", 6),
    ],
)
def test_the_people_listed_as_using_it_are_counted(text: str, expected: int) -> None:
    assert clause_users(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "quem vai usar é eu e os meninos",  # how many boys is not said
        "quem vai usar é o pessoal do financeiro e eu",
        "elas não vão mexer no sistema",
        "em cada loja 2 pessoas vão usar",  # per unit: the other rules multiply
        "temos 40 caminhões e eles usam o rastreador",
        "hoje 6 pessoas usam, ano que vem a gente espera chegar em 25",  # growing
        "desde 2015 a gente usa planilha",
    ],
)
def test_unclear_lists_are_left_to_the_other_rules(text: str) -> None:
    assert clause_users(text) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("5 vendedores + eu + minha esposa", 7),
        ("a família toda, eu, marido e os 2 filhos", 4),
        ("3 e mais eu", 4),
        ("as 4 secretárias e a coordenação, umas 6 pessoas", 6),
    ],
)
def test_an_answer_that_is_a_list_is_summed(text: str, expected: int) -> None:
    assert user_count(text, answer=True) == expected


def test_a_range_or_a_bare_text_is_no_list() -> None:
    assert answered_users("umas 5, 6 pessoas") is None
    assert answered_users("o pessoal do financeiro e eu") is None
    assert answered_users("") is None


@pytest.mark.parametrize(
    ("word", "value"),
    [("qinze", 15), ("desoito", 18), ("dezeseis", 16), ("sesenta", None), ("quinze", 15),
     ("tintas", None), ("quadro", None), ("centro", None), ("seus", None), ("dose", None)],
)  # fmt: skip
def test_number_words_typed_wrong_are_read(word: str, value: int | None) -> None:
    """One letter off one number word only: "sesenta" could be sessenta or setenta."""
    assert unit_of(word) == value


def test_a_typo_reads_as_the_number_in_an_answer() -> None:
    assert user_count("qinze pesoas mais ou menos", answer=True) == 15
    assert [n.value for n in numbers(number_words("loja de tintas e quadros"))] == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("14 postos. Pra começar vai pra 1 gerente por posto e 3 pessoas na matriz", 17),
        ("23 lojas. Cada loja teria 1 atendente no WhatsApp e a central teria mais 4", 27),
        ("dois em cada turno, são três turnos", 6),
        ("São 6 restaurantes e em cada um 2 pessoas vão usar o sistema, mais eu", 13),
    ],
)
def test_people_per_unit_count_the_people_added(text: str, expected: int) -> None:
    assert user_count(text, answer=True) == expected


def test_a_figure_put_right_replaces_the_first() -> None:
    assert user_count("correção: não são 5 usuários, são 8") == 8
    assert user_count("corrigindo: não são 8 usuários, são 12. e o orçamento é até 10 mil") == 12


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("oxe, aqui é eu, meu marido e mais 3 menina do balcão", 5),
        ("eu, a Jéssica, o Marcos, a dona Cida e o Paulinho", 5),
        ("tem eu o meu irmao o rapaz da pintura e os dois mecanico acho que é isso", 5),
        ("Somos eu e minha esposa, mais nossos dois filhos que ajudam no fim de semana", 4),
        ("Temos 35 professores e a coordenação, que são 4", 39),
        ("treis", 3),
        ("eram 7, mas um saiu semana passada, então 6", 6),
        ("1 motorista por caminhão, são 9 caminhão", 9),
        ("dois turno de 4", 8),
    ],
)
def test_answers_with_names_fillers_and_sizes_are_counted(text: str, expected: int) -> None:
    assert user_count(text, answer=True) == expected


@pytest.mark.parametrize(
    "text",
    [
        "5 mil reais é o meu limite",
        "kkk boa pergunta, deixa eu ver com meu sócio",
        "ainda tô vendo isso com meu sócio",
    ],
)
def test_one_person_named_in_passing_is_no_answer(text: str) -> None:
    assert user_count(text, answer=True) is None


def test_ranges_and_shares_are_not_summed() -> None:
    assert user_count("entre 10 e 15", answer=True) == 15
    assert user_count("uns 6, mas a loja tem 15 funcionários", answer=True) == 6


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("quem vai usar é a secretaria (2 pessoas) e a coordenação (1). Os 300 alunos não.", 3),
        ("somos 12 mas só a gerência vai usar, q são 3", 3),
        ("45 funcionários, mas o sistema seria só pro financeiro, que são 4 pessoas", 4),
        ("quero fazer um sistema pra ele, ele e minha mae vao usar", 2),
        ("sao 3 filiais, cada uma com uns 10 a 12 funcionario", 36),
    ],
)
def test_group_sizes_ranges_and_who_it_is_for(text: str, expected: int) -> None:
    assert user_count(text, answer=True) == expected


def test_heads_of_cattle_are_no_users() -> None:
    text = "fazenda com 2.000 cabeças, quem vai usar sou eu e meus 2 filhos"
    assert user_count(text) == 3


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Somos eu e mais 2. Umas 100 conversas por dia", 3),  # the volume is no one
        ("atendo pelo whats, insta e telefone, 4 recepcionistas", 4),  # no phone number
        ("Utilizarão o sistema eu e minhas duas costureiras.", 3),
        ("vão usar eu e meus 3 vendedores", 4),
    ],
)
def test_a_list_stops_at_a_volume_and_a_staff_figure_near_a_channel_counts(
    text: str, expected: int
) -> None:
    assert user_count(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ana, Bruno e eu", 3),
        ("eu, Carla, Paulo, Simone, Rita e o Beto", 6),
        ("Dr. Henrique, Dra. Paula e a estagiária Camila", 3),
        ("quem vai usar é a Dona Cida e a Márcia do financeiro, e eu claro", 3),
        (
            "Olha, minha filha, quem vai mexer é eu, a Dona Neide do caixa e o Seu Jorge",
            3,
        ),
        ("a Jéssica, o pastor e a secretária", 3),
        ("eu de manhã e minha irmã de noite", 2),
        ("somos eu de manhã e minha sócia de tarde", 2),
        ("Eu, 4 professores e a secretária", 6),
        ("Somos 3 veterinárias e 2 auxiliares", 5),
    ],
)
def test_people_named_one_by_one_or_by_shift_are_counted(text: str, expected: int) -> None:
    assert user_count(text, answer=True) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Não sei, Carlos e eu vamos ver",  # no list of users
        "a Ana e mais dois. E o site?",  # a second sentence: the other rules read it
        "Ana",  # one name is no list
    ],
)
def test_what_is_no_list_of_names_is_left_to_the_other_rules(text: str) -> None:
    assert named_people(text) is None


def test_a_price_word_before_people_counted_does_not_make_them_money() -> None:
    assert user_count("emissão de ticket, uns 6 usuários. Orçamento até R$ 60 mil") == 6
    assert user_count("preço? 3 atendentes, umas 400 mensagens por dia") == 3
