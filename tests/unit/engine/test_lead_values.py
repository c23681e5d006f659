"""Values a lead carries to the team, read as people write them (issue 21)."""

from __future__ import annotations

from pyloto_corp.domain.intents import Outcome
from tests.unit.engine.conftest import Chat


def test_a_delivery_lead_outside_the_region_hears_so_once(chat: Chat) -> None:
    chat.send("quero ser entregador")
    chat.send("Marcos")
    step = chat.send("moro em curitba")
    assert "Por enquanto o Pyloto Entrega roda em Ponta Grossa, Carambeí, Castro e Palmeira" in (
        chat.said(step))  # fmt: skip
    assert step.session.slots["city"] == "Curitiba"
    step = chat.send("moto")
    assert "Por enquanto" not in chat.said(step)


def test_a_served_city_hears_nothing_about_the_region(chat: Chat) -> None:
    chat.send("quero ser entregador")
    chat.send("Marcos")
    assert "Por enquanto" not in chat.said(chat.send("castro"))


def test_no_city_is_stored_from_a_non_answer(chat: Chat) -> None:
    chat.send("quero ser entregador")
    chat.send("Marcos")
    step = chat.send("daqui mesmo")
    assert "city" not in step.session.slots


def test_a_long_first_message_is_asked_only_what_is_missing(chat: Chat) -> None:
    first = chat.send(
        "oi boa tarde meu nome é Patricia eu tenho uma clinica de fisioterapia aqui em Cascavel "
        "e a gente precisa de um sistema pra agenda dos pacientes porque hoje é tudo no caderno "
        "entao precisa ter agenda lembrete no whatsapp pro paciente e prontuario seriam umas 6 "
        "pessoas usando e a gente queria pra antes de fevereiro se der"
    )
    slots = first.session.slots
    assert slots["user_count"] == 6 and slots["city"] == "Cascavel"
    assert slots["deadline"] == "2027-01-31" and "prontuario" in slots["features"]
    assert "orçamento" in chat.said(first)  # the only question left
    assert first.session.context["profile"]["name"] == "Patricia"
    assert first.session.context["profile"]["role"] == "owner"


def test_a_close_deadline_makes_the_lead_urgent_and_a_stray_today_does_not(chat: Chat) -> None:
    chat.send("preciso de um sistema, hoje é tudo no papel")
    for line in ("controlar estoque", "cadastro e relatórios", "uns 5", "Castro"):
        step = chat.send(line)
    assert not step.session.context.get("urgent")
    step = chat.send("até sexta")  # the message is from a Monday
    assert step.session.slots["deadline"] == "2026-11-27" and step.session.context["urgent"]


def test_the_company_answer_is_the_name_itself(chat: Chat) -> None:
    chat.send("quero cadastrar minha loja nas entregas")
    step = chat.send("a empresa se chama Rocha & Filhos Materiais de Construção")
    assert step.session.slots["company"] == "Rocha & Filhos Materiais de Construção"
    chat.send("Castro")
    step = chat.send("materiais de construção")
    step = chat.send("umas 20 entregas por semana")
    assert step.session.slots["delivery_volume"] == "20/semana"
    done = chat.send("sim")
    assert chat.outcomes == [Outcome.HANDOFF_HUMAN]
    assert done.handoff.requirements["company"] == "Rocha & Filhos Materiais de Construção"


def test_the_phone_area_code_is_offered_as_a_guess_and_kept_only_with_a_yes(chat: Chat) -> None:
    chat.area_code = "42"
    chat.send("quero ser entregador")
    asked = chat.send("Marcos")
    assert "É de Ponta Grossa - PR?" in chat.said(asked) and "city" not in asked.session.slots
    step = chat.send("sim")
    assert step.session.slots["city"] == "Ponta Grossa"


def test_a_guess_turned_down_is_not_stored(chat: Chat) -> None:
    chat.area_code = "42"
    chat.send("quero ser entregador")
    chat.send("Marcos")
    step = chat.send("não, moro em Castro")
    assert step.session.slots["city"] == "Castro"


def test_an_unknown_area_code_asks_plainly(chat: Chat) -> None:
    chat.area_code = "99"
    chat.send("quero ser entregador")
    assert "É de" not in chat.said(chat.send("Marcos"))
