"""Values the way the fourth corpus round wrote them: budgets corrected and capped, teams
counted per unit, call-back windows, hour ranges, business kinds and company names."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from pyloto_corp.adapters.language.resources import bundled_gazetteer
from pyloto_corp.domain.language.amounts import volume
from pyloto_corp.domain.language.budgets import budget
from pyloto_corp.domain.language.companies import company
from pyloto_corp.domain.language.corrections import self_corrected
from pyloto_corp.domain.language.dates import deadline
from pyloto_corp.domain.language.entities import extract
from pyloto_corp.domain.language.moments import window
from pyloto_corp.domain.language.normalize import fold, tokens
from pyloto_corp.domain.language.people import user_count
from pyloto_corp.domain.language.profile import Said, business_kind
from pyloto_corp.domain.language.usage import availability, channels, dropped_channels, vehicle

gazetteer = bundled_gazetteer()
NOW = datetime(2026, 12, 4, 10, 0)  # a Friday


@pytest.mark.parametrize(
    ("said", "later"),
    [("10 mil, não, 12", "12 mil"), ("15 mil... pensando bem, uns 18", "uns 18 mil"),
     ("Orçamento uns 150 mil, quer dizer, 200 mil com o app", "Orçamento uns 200 mil com o app"),
     ("são 10, não pera, 12", "são 12"), ("sou de Maringá, quer dizer, moro em Sarandi",
                                           "moro em Sarandi")],
)  # fmt: skip
def test_a_figure_said_again_keeps_the_words_and_scale_of_the_one_it_replaces(said, later):
    assert self_corrected(said)[1] == later


@pytest.mark.parametrize(
    ("answer", "value"),
    [("pensei em 30 mil mas se for bom pode chegar a 40", 40000),
     ("até uns 3 mil, 3.500 no máximo", 3500), ("olha o investidor liberou meio milhão", 500000),
     ("em 2025 gastei 40 mil num sistema ruim, dessa vez quero gastar no maximo 25", 25000),
     ("uns 200 pedidos por dia", None), ("preciso pra dia 20", None), ("é pra 3 lojas", None),
     ("ainda não", "unknown"), ("prefiro ver a proposta primeiro", "unknown"),
     ("vou ver com meu sócio e te falo", "unknown"), ("o mais barato possivel rs", "unknown"),
     ("uns 500 por mês", 500), ("uns 5 a 8 mil", 8000), ("uns 2 mil e 500 reais", 2000)],
)  # fmt: skip
def test_budget_answers(answer, value):
    assert budget(answer, answer=True) == value


def test_a_bare_figure_after_thousands_of_something_else_stays_a_count():
    assert budget("faturamos uns 80 mil por mês e queremos comandas pra 6 garçons") is None


@pytest.mark.parametrize(
    ("answer", "count"),
    [("cada loja tem 5, são 3 lojas", 15), ("2 por turno, 3 turnos", 6),
     ("dois turnos de 6 atendentes", 12), ("1 pessoa por filial, temos 9 filiais", 9),
     ("temos 3 unidades e em cada unidade 2 secretárias", 6), ("umas duas dúzias", 24),
     ("depende, no começo 5 depois uns 20", 20), ("bah, uma gurizada, uns trinta", 30),
     ("quero testar com 3 usuários primeiro e depois expandir pra 10", 10),
     ("só eu e os 4 professores vamos usar", 5)],
)  # fmt: skip
def test_teams_counted_per_unit_in_dozens_and_as_they_grow(answer, count):
    assert user_count(answer, answer=True) == count


def test_deliveries_per_store_are_no_people():
    assert user_count("cada loja faz 50 entregas por dia, são 3 lojas") is None


@pytest.mark.parametrize(
    ("said", "when"),
    [("amn depois das 10", "2026-12-05T10:00/18:00"),
     ("amanha a tardi", "2026-12-05T12:00/18:00"),
     ("semana que vem de manhã", "2026-12-07T08:00/12:00"),
     ("segunda ou terça de manhã", "2026-12-07T08:00/12:00"),
     ("segunda às 8 e meia", "2026-12-07T08:30/09:30"),
     ("07/12 às 16h", "2026-12-07T16:00/17:00"),
     ("terça de manhã depois das 10", "2026-12-08T10:00/12:00"),
     ("segunda-feira 10 da manhã", "2026-12-07T10:00/11:00"),
     ("pode ser agora, to livre", "2026-12-04T10:00/11:00"),
     ("amanhã às 8, não, às 9 que é melhor", "2026-12-05T09:00/10:00"),
     ("muda pra depois do almoço, de manha nao da", "2026-12-04T13:00/18:00"),
     ("me liga hoje à tarde, que de manhã tô no hospital", "2026-12-04T12:00/18:00"),
     ("me chama quinta 16h, umas 5 pessoas vão usar", "2026-12-10T16:00/17:00"),
     ("agora não posso", None)],
)  # fmt: skip
def test_call_back_windows(said, when):
    assert window(fold(said), NOW) == when


@pytest.mark.parametrize(
    ("said", "periods"),
    [("seg a sex das 18 as 23h", ("dias úteis", "noite")), ("18h-23h", ("noite",)),
     ("das 8 às 12", ("manhã",)), ("8h as 18h", ("manhã", "tarde")),
     ("das 22 as 2", ("noite", "madrugada")), ("de 10 a 12 pessoas", ()),
     ("temos de 15 a 20 mil", ())],
)  # fmt: skip
def test_hour_ranges_give_the_periods_they_cover(said, periods):
    assert availability(tokens(said), gazetteer) == periods


def test_a_vehicle_sold_is_no_longer_the_vehicle():
    assert vehicle(tokens("o veiculo é carro, vendi a moto mes passado"), gazetteer) == "carro"
    assert vehicle(tokens("troquei a moto por um carro"), gazetteer) == "carro"


@pytest.mark.parametrize(
    ("said", "kind"),
    [("trabalho numa farmácia e meu chefe quer automatizar", "farmácia"),
     ("Somos a Conecta Telecom, provedor de internet em Caruaru", "provedor de internet"),
     ("Drogaria Vida Mais, é uma rede de farmácias", "rede de farmácias"),
     ("sou supervisor de um call center em Recife", "call center"),
     ("tenho um restaurante japonês em Joinville", "restaurante japonês"),
     ("a gente é em 5 no escritório", None)],
)  # fmt: skip
def test_business_kinds(said, kind):
    found = business_kind(Said.of(said), gazetteer)
    assert (found[1] if found else None) == kind


@pytest.mark.parametrize(
    ("said", "name"),
    [("aqui é o Marcos, da M&K, lá de Campinas", "M&K"),
     ("Aqui é o Thiago, da TH Cell, de São Luís.", "TH Cell"),
     ("minha loja de roupas se chama Bella Moda, fica em Londrina", "Bella Moda"),
     ("a firma se chama Irmãos Lopes, somos uns 9", "Irmãos Lopes")],
)  # fmt: skip
def test_company_names(said, name):
    assert company(Said.of(said), gazetteer) == name


def test_para_is_the_state_only_when_named_as_one():
    assert extract("demoro pra responder", gazetteer).state is None
    assert extract("sou do Pará", gazetteer).state == "PA"


def test_what_one_can_pay_per_month_is_no_volume():
    assert volume("consigo 1.200 por mês. a gente recebe umas 100 ligação por dia") == "100/dia"
    assert volume("uns quinhentos por mes, é pouco?") is None


def test_channels_taken_out_are_no_channels():
    said = tokens("whats e insta, telefone nem precisa", gazetteer.abbreviations)
    assert channels(said, gazetteer) == ("whatsapp", "instagram")
    assert dropped_channels(tokens("telefone fixo não precisa, tira"), gazetteer) == ("telefone",)
    assert channels(tokens("so whatsapp, tira o email"), gazetteer) == ("whatsapp",)


def test_a_recurring_end_of_month_is_no_deadline():
    assert deadline("relatorio no fim do mes", date(2026, 12, 4)) is None
    assert deadline("ate o fim do mes", date(2026, 12, 4)) == "2026-12-31"


def test_people_listed_after_a_group_are_added():
    assert user_count("uns 12 motoristas + eu e minha esposa", answer=True) == 14
    assert user_count("usuarios sao 14 ne, 12 motoristas mais nós 2", answer=True) == 14
