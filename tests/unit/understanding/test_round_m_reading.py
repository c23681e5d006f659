"""Round M of the turn corpus: what it taught the reading, in general terms."""

from __future__ import annotations

import pytest

from pyloto_corp.adapters.language.resources import bundled_reader
from pyloto_corp.domain.language.entities import extract
from pyloto_corp.domain.understanding.act_model import ACTS, ActModel
from pyloto_corp.domain.understanding.acts import Act, Pending, ReadingContext
from tests.support.turns import acts, asked

MENU = ReadingContext(state="menu", pending=Pending.MENU)


def test_a_model_that_drops_every_act_keeps_the_likeliest_of_the_rules() -> None:
    bias = {act: -4.0 for act in ACTS} | {Act.NON_ANSWER: -3.0}
    drops_all = ActModel(bias, {}, {}, {act: 0.5 for act in ACTS})
    kept = drops_all.adjust(frozenset({Act.NON_ANSWER, Act.SUPPORT_ISSUE}), {})
    assert kept == {Act.NON_ANSWER}
    assert drops_all.adjust(frozenset(), {}) == frozenset()


@pytest.mark.parametrize(
    ("text", "slot", "intent", "kind"),
    [
        ("vou ver com o meu marido e te falo", "availability", "PYLOTO_ENTREGA_DRIVER_SIGNUP",
         "availability"),
        ("pergunta pra minha gerente, ela que sabe", "user_count", "CUSTOM_SOFTWARE", "count"),
        ("vc que é o especialista, me diz vc", "features", "CUSTOM_SOFTWARE", "text"),
    ],
)  # fmt: skip
def test_putting_the_question_off_is_no_answer(text: str, slot: str, intent: str, kind: str):
    assert acts(text, asked(slot, intent, kind)) == {"NON_ANSWER"}


def test_a_figure_after_putting_it_off_still_answers() -> None:
    assert "ANSWER" in acts("pergunta pro meu sócio, mas acho que uns 6", asked(
        "user_count", "CUSTOM_SOFTWARE", "count"))  # fmt: skip


@pytest.mark.parametrize(
    "text",
    [
        "o sistema que a gente usa hoje vive travando e perdemos pedido",
        "perco mensagem de cliente, ja levei até reclamação no reclame aqui",
    ],
)
def test_asked_for_the_trouble_ones_own_complaint_is_the_answer(text: str) -> None:
    for slot, intent in (("problem", "CUSTOM_SOFTWARE"), ("main_pain", "SAAS_COMMUNICATION")):
        assert acts(text, asked(slot, intent)) == {"ANSWER"}


def test_a_wrong_option_tapped_is_no_complaint_about_a_delivery() -> None:
    said = acts("não, apertei errado, eu quero é pedir uma entrega", asked(
        "vehicle", "PYLOTO_ENTREGA_DRIVER_SIGNUP", "vehicle"))  # fmt: skip
    assert "SUPPORT_ISSUE" not in said and "TOPIC_CHANGE" in said


@pytest.mark.parametrize("text", ["tudo certo e contigo?", "que dia lindo hoje, né?"])
def test_chat_at_the_menu_is_small_talk(text: str) -> None:
    assert "SMALL_TALK" in acts(text, MENU)


def test_a_question_opened_with_e_a_names_nobody() -> None:
    reading = bundled_reader().read("e a parceria das entrega? vcs nao respondeu", asked(
        "main_pain", "SAAS_COMMUNICATION"))  # fmt: skip
    assert "name" not in reading.values


@pytest.mark.parametrize("text", ["ele q sabe disso", "quem sabe", "vc sabe onde fica?"])
def test_knowing_is_no_saturday(text: str) -> None:
    assert extract(text, bundled_reader().gazetteer, None).availability == ()


def test_saturdays_in_the_plural_are_still_the_weekend() -> None:
    said = extract("sabados e domingos", bundled_reader().gazetteer, None).availability
    assert said == ("fim de semana",)


CONFIRM = ReadingContext(state="confirming", pending=Pending.CONFIRM, intent="CUSTOM_SOFTWARE")


@pytest.mark.parametrize(
    "text", ["ah blz pode ser", "tá bom moço tá certo sim deus abençoe", "ta bom, pode mandar"]
)
def test_a_yes_said_the_everyday_way_confirms(text: str) -> None:
    assert "AFFIRM" in acts(text, CONFIRM) and "CORRECTION" not in acts(text, CONFIRM)


def test_ok_after_an_answer_is_still_only_an_acknowledgement() -> None:
    done = ReadingContext(state="info_given", pending=Pending.ANYTHING_ELSE, intent="INSTITUTIONAL")
    assert acts("ta bom", done) == {"SMALL_TALK"}


def test_a_trouble_told_to_ask_for_a_service_is_no_complaint() -> None:
    said = ("sou dono da pizzaria, o maior problema é que os pedidos se perdem e o cliente fica"
            " esperando resposta e desiste, queria um chatbot pra pegar os pedidos")  # fmt: skip
    assert "SUPPORT_ISSUE" not in acts(said) and "TOPIC_CHANGE" in acts(said)
    assert "SUPPORT_ISSUE" not in acts("nao é reclamação nao, quero contratar o chatbot")


@pytest.mark.parametrize(
    "text",
    [
        "preciso cancelar minha assinatura do chatbot",
        "o app de entregas cobrou a mais, quero estorno",
    ],
)
def test_a_service_wanted_with_a_complaint_is_still_a_complaint(text: str) -> None:
    assert "SUPPORT_ISSUE" in acts(text)


@pytest.mark.parametrize(
    "text",
    ["porra, minha moto ta na oficina, mas é uma titan 160",
     "que merda esse tempo, chove ha 3 dias",
     "puta merda o transito hj ta foda, ainda bem q pedi o motoboy"],
)  # fmt: skip
def test_a_curse_about_the_weather_or_ones_things_is_no_abuse(text: str) -> None:
    assert "ABUSE" not in acts(text)


@pytest.mark.parametrize(
    "text",
    ["meu cunhado fez um app com vcs e elogiou demais",
     "o app de entregas de vcs é bem facil de usar, ate minha vó conseguiu"],
)  # fmt: skip
def test_a_compliment_about_a_service_is_no_need(text: str) -> None:
    assert "TOPIC_CHANGE" not in acts(text)


def test_a_compliment_with_a_need_is_still_a_need() -> None:
    assert "TOPIC_CHANGE" in acts("adorei o app do meu cunhado, quero um igual pra minha loja")
