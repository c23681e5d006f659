"""Entity extraction from free text, for slot filling."""

from __future__ import annotations

import pytest

from pyloto_corp.adapters.language.resources import bundled_gazetteer
from pyloto_corp.domain.language.entities import extract, person_name
from pyloto_corp.domain.language.entity_rules import parse_number, people_count

gazetteer = bundled_gazetteer()


def test_the_seed_sentence() -> None:
    found = extract("sou a Ana, da padaria Pão Quente em Curitiba", gazetteer)
    assert (found.name, found.city, found.state) == ("Ana", "Curitiba", "PR")
    assert (found.is_business, found.business_kind, found.business_name) == (
        True, "padaria", "Pão Quente")  # fmt: skip


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
        ("preciso pra ontem", "para ontem", True),
        ("até março", "até março", False),
        ("em 2 semanas", "em 2 semanas", True),
        ("em tres meses", "em 3 meses", False),
        ("até o fim do ano", "até o fim do ano", False),
        ("mês que vem", "mês que vem", False),
        ("pra 15/12", "até 15/12", False),
        ("sem pressa", "sem prazo definido", False),
        ("quero um site", None, False),
    ],
)
def test_deadlines(text: str, deadline: str | None, urgent: bool) -> None:
    found = extract(text, gazetteer)
    assert (found.deadline, found.urgent) == (deadline, urgent)


def test_roles_counts_volumes_vehicles_and_availability() -> None:
    assert extract("sou sócio da empresa", gazetteer).role == "partner"
    assert extract("sou gerente", gazetteer).role == "manager"
    assert extract("quero um assistente virtual", gazetteer).role is None
    assert extract("uns 20 usuários", gazetteer).user_count == 20
    assert extract("vinte funcionarios", gazetteer).user_count == 20
    assert extract("faço uns 50 pedidos por dia", gazetteer).volume == "50 pedidos/dia"
    assert extract("2 mil mensagens por mês", gazetteer).volume == "2000 mensagens/mês"
    assert extract("tenho uma moto 160", gazetteer).vehicle == "moto"
    assert extract("faço a pé", gazetteer).vehicle == "a pe"
    found = extract("posso de manhã e nos fins de semana", gazetteer)
    assert set(found.availability) == {"manhã", "fim de semana"}
    assert extract("uso whatsapp e insta", gazetteer).channels == ("whatsapp", "instagram")


def test_budget_amounts_and_refusals() -> None:
    assert extract("uns R$ 10 mil", gazetteer).budget == "R$ 10 mil"
    assert extract("15000 reais", gazetteer).budget == "R$ 15000"
    assert extract("não sei o orçamento ainda", gazetteer).budget == "unknown"
    assert extract("prefiro não dizer", gazetteer).budget == "unknown"
    assert extract("2 mil mensagens por mês", gazetteer).budget is None


def test_numbers() -> None:
    words = gazetteer.number_words
    assert parse_number("uns 20", words) == 20
    assert parse_number("2 mil", words) == 2000
    assert parse_number("2.500", words) == 2500
    assert parse_number("1,5 mil", words) == 1500
    assert parse_number("dez", words) == 10
    assert parse_number("nenhum", words) is None


def test_found_lists_only_what_was_said() -> None:
    assert extract("ok", gazetteer).found() == {}


@pytest.mark.parametrize(
    ("answer", "count"),
    [("so eu", 1), ("somente eu", 1), ("eu e minha esposa", 2), ("eu e meu socio", 2),
     ("eu e mais 2", 3), ("eu e dois funcionarios", 3), ("eu e mais duas pessoas", 3),
     ("eu e meus funcionarios", None), ("minha esposa", None), ("eu acho que 20", None)],
)  # fmt: skip
def test_people_counted_from_me_and_others(answer, count):
    """Answers to "how many people will use it" that count the speaker in."""
    assert people_count(answer, {"dois": 2, "duas": 2}) == count


@pytest.mark.parametrize(
    ("text", "field", "value"),
    [("semana q vem", "deadline", "semana que vem"), ("n sei", "budget", "unknown"),
     ("so de fds", "availability", ("fim de semana",)), ("pra hj", "deadline", "para hoje")],
)  # fmt: skip
def test_chat_abbreviations_are_read_like_the_classifier_reads_them(text, field, value):
    """ "q", "n", "fds", "hj": entities expand the lexicon's abbreviations too."""
    assert getattr(extract(text, gazetteer), field) == value


def test_a_greeting_is_no_availability() -> None:
    """ "boa tarde" greets; only a time said as such is an availability (SPEC §10)."""
    gazetteer = bundled_gazetteer()
    assert extract("boa tarde, me chamo Carlos", gazetteer).availability == ()
    assert extract("bom dia! posso de manhã e à noite", gazetteer).availability == (
        "manhã", "noite")  # fmt: skip


def test_a_stray_today_is_no_deadline() -> None:
    """ "hoje é tudo em papel" says how things are, not when the person needs it."""
    gazetteer = bundled_gazetteer()
    assert extract("hoje é tudo em papel", gazetteer).deadline is None
    assert extract("hoje é tudo em papel", gazetteer).urgent is False
    assert extract("amanhã", gazetteer).deadline == "amanha"


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
