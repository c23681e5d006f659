"""The turn reader: acts relative to what the bot asked last (SPEC §10)."""

from __future__ import annotations

import pytest

from pyloto_corp.adapters.language.resources import bundled_reader
from pyloto_corp.domain.understanding.acts import Act, Pending, ReadingContext

NONE = ReadingContext()
MENU = ReadingContext(state="menu", pending=Pending.MENU,
                      options=(("CUSTOM_SOFTWARE", "Sistemas sob medida"),
                               ("SAAS_COMMUNICATION", "Atendimento automático"),
                               ("PYLOTO_ENTREGA_REQUEST", "Pedir uma entrega")))  # fmt: skip
CITY = ReadingContext(state="collecting", pending=Pending.SLOT, intent="CUSTOM_SOFTWARE",
                      slot="city", slot_kind="city", slots={"problem": "estoque"})  # fmt: skip
PROBLEM = ReadingContext(state="collecting", pending=Pending.SLOT, intent="CUSTOM_SOFTWARE",
                         slot="problem", slot_kind="text")  # fmt: skip
CONFIRM = ReadingContext(state="confirming", pending=Pending.CONFIRM, intent="CUSTOM_SOFTWARE",
                         slots={"city": "Curitiba", "user_count": 5},
                         options=(("confirm_yes", "Sim, está certo"),
                                  ("confirm_no", "Quero corrigir")))  # fmt: skip
MORE = ReadingContext(state="info_given", pending=Pending.ANYTHING_ELSE, intent="INSTITUTIONAL")
FOLLOWUP = ReadingContext(state="followup_time", pending=Pending.FOLLOWUP_TIME)
MORE_BUTTONS = ReadingContext(state="info_given", pending=Pending.ANYTHING_ELSE,
                              intent="INSTITUTIONAL",
                              options=(("more_yes", "Sim, outra dúvida"),
                                       ("more_no", "Não, obrigado")))  # fmt: skip
CLOSED = ReadingContext(state="closed")
FEATURES = ReadingContext(state="collecting", pending=Pending.SLOT, intent="CUSTOM_SOFTWARE",
                          slot="features", slot_kind="text",
                          slots={"problem": "estoque"})  # fmt: skip
AVAILABILITY = ReadingContext(state="collecting", pending=Pending.SLOT,
                              intent="PYLOTO_ENTREGA_DRIVER_SIGNUP", slot="availability",
                              slot_kind="availability",
                              slots={"name": "Ana", "city": "Natal",
                                     "vehicle": "moto"})  # fmt: skip
NAME = ReadingContext(
    state="collecting",
    pending=Pending.SLOT,
    intent="PYLOTO_ENTREGA_DRIVER_SIGNUP",
    slot="name",
    slot_kind="name",
)
DRIVER_CONFIRM = ReadingContext(state="confirming", pending=Pending.CONFIRM,
                                intent="PYLOTO_ENTREGA_DRIVER_SIGNUP",
                                slots={"name": "Ana", "city": "Natal", "vehicle": "moto"},
                                options=(("confirm_yes", "Sim, está certo"),
                                         ("confirm_no", "Quero corrigir")))  # fmt: skip


def acts(text: str, context: ReadingContext) -> set[str]:
    return {a.value for a in bundled_reader().read(text, context).acts}


@pytest.mark.parametrize(
    ("text", "context", "expected"),
    [
        ("oi", NONE, {"GREETING"}),
        ("kkkkk", NONE, {"SMALL_TALK"}),
        ("obrigado!", NONE, {"THANKS_GOODBYE"}),
        ("quero falar com o gerente", CITY, {"HUMAN_REQUEST"}),
        ("parar", CITY, {"OPT_OUT"}),
        ("o entregador não apareceu até agora", NONE, {"SUPPORT_ISSUE"}),
        ("sim", CITY, {"NON_ANSWER"}),
        ("nao sei", PROBLEM, {"NON_ANSWER"}),
        ("Ponta Grossa", CITY, {"ANSWER"}),
        ("sim", CONFIRM, {"AFFIRM"}),
        ("não", MORE, {"DENY"}),
        ("nao, era so isso, valeu", MORE, {"DENY", "THANKS_GOODBYE"}),
        ("2", MENU, {"MENU_CHOICE"}),
        ("amanhã de manhã", FOLLOWUP, {"FOLLOWUP_REQUEST"}),
        ("vtnc pyloto", NONE, {"ABUSE"}),
    ],
)
def test_acts_in_context(text: str, context: ReadingContext, expected: set[str]) -> None:
    assert acts(text, context) == expected


def test_a_side_question_keeps_the_answer_given_with_it() -> None:
    reading = bundled_reader().read("Londrina. vcs ficam onde?", CITY)
    assert reading.has(Act.ANSWER, Act.SIDE_QUESTION)
    assert (reading.answer, reading.topic) == ("Londrina", "where")


def test_a_negated_topic_change_names_the_new_need() -> None:
    reading = bundled_reader().read("não quero mais o app, quero um chatbot no whatsapp", PROBLEM)
    assert Act.TOPIC_CHANGE in reading.acts
    assert (reading.intent, reading.negates) == ("SAAS_COMMUNICATION", True)


def test_a_menu_number_is_the_option_it_names() -> None:
    reading = bundled_reader().read("opção 3", MENU)
    assert (reading.choice, reading.intent) == ("PYLOTO_ENTREGA_REQUEST", "PYLOTO_ENTREGA_REQUEST")


def test_followup_time_is_kept_in_the_persons_words() -> None:
    reading = bundled_reader().read("pode me ligar amanhã à tarde", CITY)
    assert Act.FOLLOWUP_REQUEST in reading.acts and reading.when == "amanhã à tarde"


def test_english_is_recognised() -> None:
    reading = bundled_reader().read("Hello, do you build mobile apps?", NONE)
    assert Act.OTHER_LANGUAGE in reading.acts and reading.language == "en"


def test_a_correction_at_the_confirmation() -> None:
    assert "CORRECTION" in acts("na verdade a cidade é Londrina", CONFIRM)


@pytest.mark.parametrize(
    ("text", "context", "expected"),
    [
        # yes/no: an interjection first, acknowledgements, buttons typed
        ("opa, tenho sim", MORE, {"AFFIRM"}),
        ("blz entao", MORE, {"SMALL_TALK"}),
        ("sim por favor", MORE, {"AFFIRM"}),
        ("Não, obrigado", MORE_BUTTONS, {"DENY", "MENU_CHOICE", "THANKS_GOODBYE"}),
        ("Sim, outra dúvida", MORE_BUTTONS, {"AFFIRM", "MENU_CHOICE"}),
        ("isso tudo é enrolação, vcs não servem pra nada", MORE, {"ABUSE"}),
        ("não quero mais receber essas mensagens", MORE, {"OPT_OUT"}),
        ("tchau", MORE, {"DENY", "THANKS_GOODBYE"}),
        ("sim, quero saber como faço pra ser entregador", MORE, {"AFFIRM", "TOPIC_CHANGE"}),
        # the confirmation
        ("Quero corrigir", CONFIRM, {"DENY", "MENU_CHOICE"}),
        ("Sim, está certo. Muito obrigada!", CONFIRM, {"AFFIRM", "MENU_CHOICE", "THANKS_GOODBYE"}),
        ("nao li direito", CONFIRM, {"NON_ANSWER"}),
        ("errado, a cidade é Ilhéus", CONFIRM, {"DENY", "CORRECTION"}),
        ("automatizar primeiro o agendamento, depois o resto", CONFIRM, {"CORRECTION"}),
        ("chama um atendente humano pf", CONFIRM, {"HUMAN_REQUEST"}),
        ("tudo certo, obrigado", CONFIRM, {"AFFIRM", "THANKS_GOODBYE"}),
        ("a cidade é São Gonçalo, não Niterói", DRIVER_CONFIRM, {"CORRECTION"}),
        # slots: corrections, non-answers, abuse, a need named instead
        ("errei a cidade, é Canoas", AVAILABILITY, {"CORRECTION"}),
        (
            "o veiculo é moto sim, nao carro. disponivel terça e quinta",
            AVAILABILITY,
            {"ANSWER", "CORRECTION"},
        ),
        ("ops, errei antes: nao sao 20 usuarios, sao 12", FEATURES, {"CORRECTION"}),
        ("depende do preço ne", FEATURES, {"NON_ANSWER"}),
        ("o que vc acha que precisa?", FEATURES, {"NON_ANSWER"}),
        ("que se foda a cidade", CITY, {"ABUSE", "NON_ANSWER"}),
        ("sua mae que é automatica kkkkk", PROBLEM, {"ABUSE"}),
        ("agora to na rua, me chama mais tarde", AVAILABILITY, {"FOLLOWUP_REQUEST"}),
        ("pode me chamar de Binho", NAME, {"ANSWER"}),
        (
            "pensando bem, nao quero mais sistema nenhum. quero é um chatbot pro meu whats",
            PROBLEM,
            {"TOPIC_CHANGE"},
        ),
        # the menu
        ("a ultima", MENU, {"MENU_CHOICE"}),
        ("quero pedir uma entrega agora", MENU, {"MENU_CHOICE"}),
        ("nenhuma, quero falar com atendente", MENU, {"HUMAN_REQUEST"}),
        ("atendente", MENU, {"HUMAN_REQUEST"}),
        ("queria uma landing page pro meu curso online", MENU, {"TOPIC_CHANGE"}),
        # nothing pending: small talk, greetings, strong acts over a need
        ("kkkk valeu", NONE, {"SMALL_TALK", "THANKS_GOODBYE"}),
        ("kkkkk oi", NONE, {"GREETING", "SMALL_TALK"}),
        ("Bom dia, tudo bom com vocês?", NONE, {"GREETING", "SMALL_TALK"}),
        ("legal, gostei do atendimento de vcs", CLOSED, {"SMALL_TALK"}),
        ("show, obrigado", CLOSED, {"THANKS_GOODBYE"}),
        ("👋", CLOSED, {"THANKS_GOODBYE"}),
        ("boa noite, obrigado", CLOSED, {"THANKS_GOODBYE"}),
        ("oi gata manda foto", NONE, {"ABUSE"}),
        ("nao me mandem mais nada", CLOSED, {"OPT_OUT"}),
        ("fui cobrado duas vezes pela mesma entrega", NONE, {"SUPPORT_ISSUE"}),
        ("me liga alguém pfv", NONE, {"HUMAN_REQUEST"}),
        ("sim. em quanto tempo alguem me liga?", CONFIRM, {"AFFIRM", "SIDE_QUESTION"}),
        ("vendem marmita?", NONE, {"TOPIC_CHANGE"}),
        ("quanto custa um app?", NONE, {"SIDE_QUESTION"}),
        ("CONHEÇA O MELHOR CURSO DE TRADER DO BRASIL!!! vagas limitadas", MENU, {"ABUSE"}),
        ("e ai, orçamento de frete. e bom dia pra vc tb rs", PROBLEM, {"ANSWER", "GREETING"}),
        ("", NONE, {"SMALL_TALK"}),
    ],
)
def test_acts_beside_each_other(text: str, context: ReadingContext, expected: set[str]) -> None:
    assert acts(text, context) == expected


def test_a_promotional_blast_is_flagged() -> None:
    reading = bundled_reader().read("compre já seguidores reais 👉 wa.me/000000", NONE)
    assert reading.promotion and Act.ABUSE in reading.acts
    assert not bundled_reader().read("vtnc pyloto", NONE).promotion


def test_a_figure_is_no_company_name() -> None:
    """ "uns 60 por noite" answers no company question: it is a volume, kept as such."""
    context = ReadingContext(state="collecting", pending=Pending.SLOT,
                             intent="PYLOTO_ENTREGA_MERCHANT_SIGNUP", slot="company",
                             slot_kind="text")  # fmt: skip
    reading = bundled_reader().read("uns 60 por noite no fim de semana", context)
    assert Act.ANSWER not in reading.acts and reading.values["volume"] == "60/noite"
