"""Cities from the IBGE list, numbers, documents and who is writing (issue 21 values)."""

from __future__ import annotations

import pytest

from pyloto_corp.adapters.language.municipalities import closest
from pyloto_corp.adapters.language.resources import bundled_gazetteer
from pyloto_corp.domain.language.amounts import volume
from pyloto_corp.domain.language.budgets import budget
from pyloto_corp.domain.language.cities import Cities, City
from pyloto_corp.domain.language.companies import company
from pyloto_corp.domain.language.documents import documents, valid_cnpj, valid_cpf
from pyloto_corp.domain.language.names import person_name
from pyloto_corp.domain.language.normalize import tokens
from pyloto_corp.domain.language.people import user_count
from pyloto_corp.domain.language.profile import Said, business_kind
from pyloto_corp.domain.language.roles import role

gazetteer = bundled_gazetteer()
places = gazetteer.places


@pytest.mark.parametrize(
    ("answer", "city"),
    [("ponta grosa", "Ponta Grossa"), ("moro em curitba", "Curitiba"), ("PG", "Ponta Grossa"),
     ("sou de sao jose dos pinhas pr", "São José dos Pinhais"), ("floripa", "Florianópolis"),
     ("em Sinop, no Mato Grosso", "Sinop"), ("curitiba mesmo", "Curitiba"), ("londrin", "Londrina"),
     ("Balneario camboriu", "Balneário Camboriú"), ("daqui mesmo", None), ("beleza entao", None),
     ("uvaranas", None), ("sim", None), ("", None)],
)  # fmt: skip
def test_a_city_answer_is_a_municipality_or_nothing(answer: str, city: str | None) -> None:
    found = places.answer(tokens(answer))
    assert (found.name if found else None) == city


def test_the_state_said_picks_among_same_named_cities() -> None:
    assert places.answer(tokens("Santa Maria RS")).uf == "RS"
    assert places.answer(tokens("Bom Jesus - PI")).uf == "PI"
    assert places.answer(tokens("moro em castro pr")).uf == "PR"


@pytest.mark.parametrize(
    ("text", "city"),
    [("oi sou de castro e quero entregar", "Castro"),
     ("aqui em Balneário Camboriú", "Balneário Camboriú"), ("a loja fica em Itajaí SC", "Itajaí"),
     ("trabalho em casa", None), ("tenho uma loja de flores", None), ("preciso em breve", None)],
)  # fmt: skip
def test_a_city_in_passing_needs_a_cue(text: str, city: str | None) -> None:
    found = places.in_passing(tokens(text))
    assert (found.name if found else None) == city


def test_the_city_list_refuses_an_alias_to_nowhere_and_works_without_a_matcher() -> None:
    with pytest.raises(ValueError, match="unknown city"):
        Cities([City("Castro", "PR")], {"xx": "Nowhere"})
    cities = Cities([City("Castro", "PR")], {})
    assert len(cities) == 1 and cities.near(["castru"]) is None
    assert closest("castru", ["castro"], 80.0) == ("castro", pytest.approx(83.33, abs=0.01))
    assert cities.get(["castro"], "SP") is None


@pytest.mark.parametrize(
    ("text", "count"),
    [("uns vinte", 20), ("10 a 15", 15), ("entre 10 e 15 pessoas", 15), ("mais de 50", 50),
     ("eu, meu sócio e 3 funcionários", 5), ("só eu", 1), ("2 mil? 10 mil?", 2000),
     ("R$ 30 mil", None), ("meu telefone é 42999990001", None), ("uns 200 por dia", None)],
)  # fmt: skip
def test_counts_in_an_answer(text: str, count: int | None) -> None:
    assert user_count(text, answer=True) == count


def test_counts_in_passing_say_what_they_count() -> None:
    assert user_count("somos 12 funcionarios") == 12
    assert user_count("2 mil? 10 mil?") is None
    assert user_count("uns R$ 30 mil de orçamento pra 8 pessoas") == 8


@pytest.mark.parametrize(
    ("text", "expected"),
    [("umas 200 por dia", "200/dia"), ("10 a 15 pedidos por dia", "10-15/dia"),
     ("uns 3 mil por mes", "3000/mês"), ("5k mensagens por mês", "5000/mês"),
     ("60 por noite no fds, 25 durante a semana", "60/noite; 25/semana"),
     ("umas 40 no fim de semana", "40/fim de semana"), ("uns 300", None)],
)  # fmt: skip
def test_volumes_keep_their_period(text: str, expected: str | None) -> None:
    assert volume(text) == expected


def test_a_volume_answer_without_period_keeps_the_figure() -> None:
    assert volume("uns 300", answer=True) == "300"
    assert volume("muitas", answer=True) is None


@pytest.mark.parametrize(
    ("text", "answer", "expected"),
    [("30k", True, 30000), ("uns 5 a 8 mil", True, 8000), ("R$ 2.500,00", False, 2500),
     ("prefiro nao dizer", True, "unknown"), ("nao sei o orcamento", False, "unknown"),
     ("nao sei", False, None), ("uns 200 por dia", False, None), ("tenho 3 lojas", False, None)],
)  # fmt: skip
def test_budgets(text: str, answer: bool, expected: object) -> None:
    assert budget(text, answer=answer) == expected


def test_documents_are_kept_only_with_valid_check_digits() -> None:
    assert documents("cpf 529.982.247-25, cnpj 11.222.333/0001-81") == (
        "52998224725", "11222333000181")  # fmt: skip
    assert documents("cpf 529.982.247-24 e 111.111.111-11") == (None, None)
    assert not valid_cpf("123") and not valid_cnpj("11111111111111")
    assert not valid_cnpj("11222333000182")


@pytest.mark.parametrize(
    ("text", "name"),
    [("eh o marcos, quero ser entregador", "Marcos"),
     ("aqui é a Jéssica da Drogaria Vida", "Jéssica"),
     ("sou o joão silva quero saber", "João Silva"), ("pode me chamar de Binho", "Binho"),
     ("sou a Maria dos Anjos", "Maria dos Anjos"), ("sou a favor", None),
     ("é o Tião falando", "Tião"), ("sou o dono", None)],
)  # fmt: skip
def test_names_without_the_words_around_them(text: str, name: str | None) -> None:
    assert person_name(text, gazetteer) == name


@pytest.mark.parametrize(
    ("text", "kind", "name", "who"),
    [("oi sou a ana da padaria pão quente de pg", "padaria", "Padaria Pão Quente", None),
     ("sou sócio da pizzaria bella massa", "pizzaria", "Pizzaria Bella Massa", "partner"),
     ("tenho uma clínica e preciso de um sistema", "clínica", None, "owner"),
     ("tenho uma loja de roupa feminina em maringa", "loja de roupa feminina", None, "owner"),
     ("minha loja se chama Bicho Feliz", None, "Bicho Feliz", None),  # which kind: not said
     ("trabalho na Zetta Sistemas como gerente", None, "Zetta Sistemas", "manager"),
     ("quero falar com o gerente", None, None, None), ("eu e meu sócio", None, None, "partner"),
     ("gerente de loja aqui", None, None, "manager")],
)  # fmt: skip
def test_who_is_writing(text: str, kind: str | None, name: str | None, who: str | None) -> None:
    said = Said.of(text)
    found = business_kind(said, gazetteer)
    assert (found[1] if found else None, company(said, gazetteer), role(said, gazetteer)) == (
        kind, name, who)  # fmt: skip


def test_an_area_code_guesses_a_well_known_city_or_the_capital() -> None:
    known = list(dict.fromkeys(gazetteer.cities.values()))
    assert places.cities.by_area_code("42", known).name == "Ponta Grossa"
    assert places.cities.by_area_code("85", known).name == "Fortaleza"  # not Cascavel (CE)
    assert places.cities.by_area_code("99", known) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Boa tarde, aqui é da Floricultura Jardim Secreto, meu nome é Helena.", "Helena"),
        ("Bom dia!!! Aqui é a Dona Lourdes, sou dona da Marmitaria da Lourdes", "Lourdes"),
        ("Olá, meu nome é Dra. Camila Rezende, sou sócia de uma clínica", "Camila Rezende"),
        ("BOM DIA. SOU O SR. WALDEMAR. TENHO UMA PADARIA", "Waldemar"),
        (
            "meu marido quer ser entregador, ele chama Roberto Carlos Pereira",
            "Roberto Carlos Pereira",
        ),
        ("sou o Pedro de Mogi das Cruzes, queria um app", "Pedro"),
        ("sou a priscila de oliveira", "Priscila de Oliveira"),  # a surname, not the city
        ("sou a dona da loja", None),
    ],
)
def test_a_name_after_a_company_a_title_or_a_city_of_several_words(
    text: str, expected: str | None
) -> None:
    assert person_name(text, bundled_gazetteer()) == expected


@pytest.mark.parametrize(
    "text",
    ["eu que pergunto ne kkkk sei la uns 5 mil?", "vc que sabe, uns 10 mil?", "me diz vc, 20k?"],
)
def test_a_price_guess_asked_back_is_no_budget(text: str) -> None:
    assert budget(text, answer=True) == "unknown"
    assert budget("uns 10 mil", answer=True) == 10000


@pytest.mark.parametrize(
    ("text", "city"),
    [("fica no portao em curitiba", "Curitiba"), ("moro no boqueirao em curitiba", "Curitiba"),
     ("no portao", "Portão")],
)  # fmt: skip
def test_a_bairro_then_the_city_is_the_city(text: str, city: str) -> None:
    found = bundled_gazetteer().places.answer(tokens(text))
    assert found is not None and found.name == city
