"""Entity extraction from free text, for slot filling."""

from __future__ import annotations

from datetime import date

import pytest

from pyloto_corp.adapters.language.resources import bundled_gazetteer
from pyloto_corp.domain.language.entities import extract, person_name
from pyloto_corp.domain.language.numbers import first_number, number_words
from pyloto_corp.domain.language.people import people_listed

gazetteer = bundled_gazetteer()
TODAY = date(2026, 12, 4)  # a Friday, as in corpus/slots/README.md


def test_the_seed_sentence() -> None:
    found = extract("sou a Ana, da padaria Pão Quente em Curitiba", gazetteer)
    assert (found.name, found.city, found.state) == ("Ana", "Curitiba", "PR")
    assert (found.is_business, found.business_kind, found.business_name) == (
        True, "padaria", "Padaria Pão Quente")  # fmt: skip


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("meu nome é joão silva", "João Silva"),
        ("me chamo Maria", "Maria"),
        ("aqui é o Carlos", "Carlos"),
        ("sou o Pedro da oficina", "Pedro"),
        ("sou dono de uma pizzaria", None),
        ("sou a dona", None),
        ("sou entregador", None),
        ("sou a favor", None),
    ],
)
def test_person_names(text: str, name: str | None) -> None:
    assert person_name(text, gazetteer) == name


@pytest.mark.parametrize(
    ("text", "city", "state"),
    [
        ("moro em PG", "Ponta Grossa", "PR"),
        ("sou de ponta grossa", "Ponta Grossa", "PR"),
        ("Maringa", "Maringá", "PR"),
        ("atendo em São José dos Pinhais", "São José dos Pinhais", "PR"),
        ("sou de Santa Catarina", None, "SC"),
    ],
)
def test_places_with_and_without_accents(text: str, city: str | None, state: str) -> None:
    found = extract(text, gazetteer)
    assert (found.city, found.state) == (city, state)


@pytest.mark.parametrize(
    ("text", "deadline", "urgent"),
    [
        ("preciso pra ontem", "urgente", True),
        ("até março", "2027-03-31", False),
        ("em 2 semanas", "2026-12-18", True),
        ("em tres meses", "2027-03-04", False),
        ("até o fim do ano", "2026-12-31", False),
        ("mês que vem", "2027-01-31", False),
        ("pra 15/12", "2026-12-15", True),
        ("sem pressa", "sem prazo", False),
        ("quero um site", None, False),
    ],
)
def test_deadlines(text: str, deadline: str | None, urgent: bool) -> None:
    found = extract(text, gazetteer, TODAY)
    assert (found.deadline, found.urgent) == (deadline, urgent)


def test_no_date_is_read_without_the_day_of_the_message() -> None:
    assert extract("até março", gazetteer).deadline is None


def test_roles_counts_volumes_vehicles_and_availability() -> None:
    assert extract("sou sócio da empresa", gazetteer).role == "partner"
    assert extract("sou gerente", gazetteer).role == "manager"
    assert extract("quero um assistente virtual", gazetteer).role is None
    assert extract("uns 20 usuários", gazetteer).user_count == 20
    assert extract("vinte funcionarios", gazetteer).user_count == 20
    assert extract("faço uns 50 pedidos por dia", gazetteer).volume == "50/dia"
    assert extract("2 mil mensagens por mês", gazetteer).volume == "2000/mês"
    assert extract("tenho uma moto 160", gazetteer).vehicle == "moto"
    assert extract("faço a pé", gazetteer).vehicle == "a pe"
    found = extract("posso de manhã e nos fins de semana", gazetteer)
    assert set(found.availability) == {"manhã", "fim de semana"}
    assert extract("uso whatsapp e insta", gazetteer).channels == ("whatsapp", "instagram")


def test_budget_amounts_and_refusals() -> None:
    assert extract("uns R$ 10 mil", gazetteer).budget == 10000
    assert extract("15000 reais", gazetteer).budget == 15000
    assert extract("não sei o orçamento ainda", gazetteer).budget == "unknown"
    assert extract("prefiro não dizer", gazetteer).budget is None  # nobody asked
    assert extract("2 mil mensagens por mês", gazetteer).budget is None


@pytest.mark.parametrize(
    ("text", "value"),
    [("uns 20", 20), ("2 mil", 2000), ("2.500", 2500), ("1,5 mil", 1500), ("dez", 10),
     ("vinte e cinco", 25), ("dois mil e quinhentos", 2500), ("meia dúzia", 6),
     ("uma duzia", 12), ("30k", 30000), ("R$ 1.000.000,00", 1000000), ("nenhum", None)],
)  # fmt: skip
def test_numbers(text: str, value: int | None) -> None:
    assert first_number(text) == value


def test_found_lists_only_what_was_said() -> None:
    assert extract("ok", gazetteer).found() == {}


@pytest.mark.parametrize(
    ("answer", "count"),
    [("so eu", 1), ("somente eu", 1), ("eu e minha esposa", 2), ("eu e meu socio", 2),
     ("eu e mais 2", 3), ("eu e dois funcionarios", 3), ("eu e mais duas pessoas", 3),
     ("eu, meu sócio e 3 funcionários", 5), ("minha esposa", None), ("eu acho que 20", None)],
)  # fmt: skip
def test_people_counted_from_me_and_others(answer, count):
    """Answers to "how many people will use it" that count the speaker in."""
    assert people_listed(number_words(answer)) == count


@pytest.mark.parametrize(
    ("text", "field", "value"),
    [("semana q vem", "deadline", "2026-12-13"), ("n sei o orçamento", "budget", "unknown"),
     ("so de fds", "availability", ("fim de semana",)), ("pra hj", "deadline", "2026-12-04")],
)  # fmt: skip
def test_chat_abbreviations_are_read_like_the_classifier_reads_them(text, field, value):
    """ "q", "n", "fds", "hj": entities expand the lexicon's abbreviations too."""
    assert getattr(extract(text, gazetteer, TODAY), field) == value


def test_a_greeting_is_no_availability() -> None:
    """ "boa tarde" greets; only a time said as such is an availability (SPEC §10)."""
    gazetteer = bundled_gazetteer()
    assert extract("boa tarde, me chamo Carlos", gazetteer).availability == ()
    assert extract("bom dia! posso de manhã e à noite", gazetteer).availability == (
        "manhã", "noite")  # fmt: skip


def test_a_stray_today_is_no_deadline() -> None:
    """ "hoje é tudo em papel" says how things are, not when the person needs it."""
    gazetteer = bundled_gazetteer()
    assert extract("hoje é tudo em papel", gazetteer, TODAY).deadline is None
    assert extract("hoje é tudo em papel", gazetteer, TODAY).urgent is False
    assert extract("preciso pra amanhã", gazetteer, TODAY).deadline == "2026-12-05"


@pytest.mark.parametrize(
    ("text", "volume"),
    [("uns 60 por noite no fim de semana", "60/noite"), ("umas 200 por dia", "200/dia"),
     ("mais de 50 por dia", "50/dia"), ("recebemos uns 300 contatos por mês", "300/mês")],
)  # fmt: skip
def test_an_approximate_volume_keeps_its_figure(text: str, volume: str) -> None:
    assert extract(text, bundled_gazetteer()).volume == volume


def test_a_channel_set_aside_is_not_a_channel() -> None:
    gazetteer = bundled_gazetteer()
    assert extract("um chatbot no whats em vez do site", gazetteer).channels == ("whatsapp",)
    assert extract("so whatsapp, tira o email", gazetteer).channels == ("whatsapp",)
