"""Human takeover (SPEC §11): after a handoff the team has the person for a while."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta

from pyloto_corp.domain.engine.state import TurnKind
from pyloto_corp.domain.engine.takeover import released
from pyloto_corp.domain.engine.takeover_window import taken_over, takeover_end
from pyloto_corp.domain.intents import Outcome
from tests.unit.engine.conftest import START, Chat

WINDOW = timedelta(hours=24)


def test_a_new_need_during_the_takeover_goes_to_the_team_without_a_menu(chat: Chat) -> None:
    chat.send("quero falar com um atendente")
    step = chat.send("ah e também quero saber do sistema de atendimento", after=timedelta(hours=3))
    assert step.team is not None and step.team.release is None and step.handoff is None
    assert chat.current is None and chat.outcomes == [Outcome.HANDOFF_HUMAN]
    assert "menu" not in [r.kind for r in step.replies]


def test_a_photo_during_the_takeover_goes_to_the_team(chat: Chat) -> None:
    chat.send("quero falar com um atendente")
    step = chat.send(None, kind=TurnKind.MEDIA)
    assert step.team is not None and step.team.seq == 2


def test_a_stop_during_the_takeover_ends_it_and_is_honoured(chat: Chat) -> None:
    chat.send("quero falar com um atendente")
    step = chat.send("não quero mais receber mensagens")
    assert step.team is not None and step.team.release == "opt_out"
    assert step.closed_before.context["takeover_released"]
    assert chat.outcomes == [Outcome.HANDOFF_HUMAN, Outcome.AWAITING_USER]


def test_after_the_window_the_person_is_back_with_the_bot(chat: Chat) -> None:
    chat.send("quero falar com um atendente")
    chat.last = replace(chat.last, context={**chat.last.context, "team_replied": True})
    step = chat.send("oi", after=WINDOW + timedelta(minutes=1))
    assert step.team is None and chat.current is not None


def test_a_released_takeover_gives_the_next_message_to_the_bot(chat: Chat) -> None:
    chat.send("quero falar com um atendente")
    chat.last = released(chat.last, chat.now, "operator")
    assert not taken_over(chat.last, chat.now, WINDOW)
    step = chat.send("quero um orçamento de um aplicativo")
    assert step.team is None and chat.current is not None


def test_only_handed_off_sessions_are_taken_over(chat: Chat) -> None:
    chat.send("qual o endereço de vcs?")
    chat.send(choose="more_no")
    assert not taken_over(chat.last, chat.now, WINDOW)
    assert not taken_over(None, chat.now, WINDOW)
    no_handoff = replace(chat.last, outcome=Outcome.HANDOFF_HUMAN.value)
    assert not taken_over(no_handoff, chat.now, WINDOW)


def test_a_takeover_nobody_answered_is_handed_over_again(chat: Chat) -> None:
    chat.send("o entregador não apareceu e já paguei a entrega")
    step = chat.send("ninguem vai me responder nao?", after=WINDOW + timedelta(hours=2))
    assert step.handoff is not None and step.handoff.routing == "entrega_support"
    assert "Passei de novo para a nossa equipe" in chat.said(step)
    assert step.handoff.requirements["request"] == "ninguem vai me responder nao?"
    assert chat.outcomes == [Outcome.HANDOFF_HUMAN, Outcome.HANDOFF_HUMAN]


def test_an_answered_or_old_takeover_is_not_handed_over_again(chat: Chat) -> None:
    chat.send("quero falar com um atendente")
    chat.last = replace(chat.last, context={**chat.last.context, "team_replied": True})
    step = chat.send("oi", after=WINDOW + timedelta(hours=2))
    assert step.handoff is None and chat.current is not None
    week = Chat()
    week.send("quero falar com um atendente")
    assert week.send("oi", after=timedelta(days=8)).handoff is None


def test_a_stop_or_a_new_need_after_an_unanswered_takeover_is_handled_as_such(chat: Chat) -> None:
    chat.send("quero falar com um atendente")
    step = chat.send("quero ser entregador", after=WINDOW + timedelta(hours=1))
    assert step.handoff is None and "pyloto entrega" in chat.said(step).lower()
    other = Chat()
    other.send("quero falar com um atendente")
    other.send("não quero mais receber mensagens", after=WINDOW + timedelta(hours=1))
    assert other.outcomes == [Outcome.HANDOFF_HUMAN, Outcome.AWAITING_USER]


def test_someone_known_is_greeted_back_not_introduced_again(chat: Chat) -> None:
    first = chat.send("oi")
    assert "Otto" in chat.said(first)
    chat.send(choose="INSTITUTIONAL")
    chat.send(choose="more_no")
    again = chat.send("oi", after=timedelta(days=2))
    assert "Oi de novo" in chat.said(again) and "Otto" not in chat.said(again)


def test_back_after_an_idle_handoff_hears_what_the_team_still_lacks(chat: Chat) -> None:
    chat.send("quero um site")
    chat.send("vender meus produtos online")
    step = chat.send("voltei, desculpa", after=timedelta(hours=3))
    said = chat.said(step)
    assert "Ficou faltando: funcionalidades, usuários, cidade e prazo" in said
    assert "orçamento" not in said  # optional: never asked for again
    assert "Anotado" in chat.said(chat.send("uns 5 usuarios"))  # what was asked: heard
    assert "também" in chat.said(chat.send("e a cidade é Castro"))  # heard, in other words


def test_what_the_returning_message_says_is_not_asked_for(chat: Chat) -> None:
    chat.send("quero um site")
    chat.send("vender meus produtos online")
    step = chat.send("desculpa sumi, tava dirigindo. sao 8 pessoas", after=timedelta(hours=3))
    assert "Ficou faltando: funcionalidades, cidade e prazo" in chat.said(step)


def test_thanks_after_a_handoff_get_a_courtesy_not_the_team_notice(chat: Chat) -> None:
    chat.send("quero falar com um atendente")
    step = chat.send("obrigado!")
    assert "De nada" in chat.said(step) and "Já avisei a equipe" in chat.said(step)
    assert step.team is not None


def test_someone_handed_over_in_english_hears_the_notice_in_english(chat: Chat) -> None:
    chat.send("Hi there! Do you speak English? I need a website for my guesthouse")
    step = chat.send("Sorry, I don't speak Portuguese. Can someone help me?")
    assert "our team" in chat.said(step) and step.team is not None


def test_asking_for_someone_in_charge_while_waiting_is_answered_once_more(chat: Chat) -> None:
    chat.send("CADE MINHA ENTREGA????")
    pressed = chat.send("pedi ontem e ate agora nada")  # pressing: heard at once
    assert "sinto muito" in chat.said(pressed) and pressed.team and pressed.team.pressed
    angry = chat.send("vcs sao uns incompetentes")  # 20 s later: the same burst, to the team
    assert not chat.said(angry) and angry.team is not None and not angry.team.pressed
    step = chat.send("quero falar com um gerente ou responsavel por favor")
    assert "responsável" in chat.said(step) and step.team is not None and step.team.escalated
    again = chat.send("quero falar com o gerente!!")
    assert not chat.said(again) and again.team is not None and not again.team.escalated


def test_a_complaint_handed_over_reads_as_a_complaint(chat: Chat) -> None:
    step = chat.send("CADE MINHA ENTREGA????")
    assert step.handoff is not None and step.handoff.routing == "entrega_support"
    assert step.handoff.summary.startswith("• Assunto: reclamação ou problema")
    assert "• Problema relatado: CADE MINHA ENTREGA????" in step.handoff.summary


def test_back_in_portuguese_after_english_the_bot_serves_again(chat: Chat) -> None:
    first = chat.send("Hi, do you guys build mobile apps?")
    assert first.handoff is not None and first.handoff.requirements["language"] == "en"
    step = chat.send("ah pera, vcs sao brasileiros né kkk posso falar em portugues")
    assert step.team is not None and step.team.release == "language_switch"
    said = chat.said(step)
    assert "pode falar em português" in said and "Qual problema" in said
    assert chat.current is not None and chat.current.active_intent == "CUSTOM_SOFTWARE"


def test_a_word_in_portuguese_or_a_team_reply_keeps_the_foreign_takeover(chat: Chat) -> None:
    chat.send("Hi, do you guys build mobile apps?")
    assert chat.send("ok").team.release is None  # type: ignore[union-attr]
    chat.last = replace(chat.last, context={**chat.last.context, "team_replied": True})
    step = chat.send("posso falar em portugues com vcs?")
    assert step.team is not None and step.team.release is None


def test_a_delivery_to_send_now_during_a_takeover_gets_the_link_once(chat: Chat) -> None:
    chat.send("quero falar com um atendente sobre parceria de entregas pra minha loja")
    step = chat.send("ah e hj eu preciso mandar uma sacola pra uma cliente, consigo pedir agora?")
    assert "pyloto.com.br/entrega/pedir" in chat.said(step) and step.team is not None
    again = chat.send("e outra sacola amanhã, consigo pedir tb?")
    assert "pyloto.com.br/entrega/pedir" not in chat.said(again)


def test_a_refund_asked_in_a_complaint_is_noted_once(chat: Chat) -> None:
    chat.send("boa noite quero fazer uma reclamação do entregador")
    chat.send("jogou a encomenda no portao")  # the one acknowledgement
    step = chat.send("quero meu dinheiro de volta, paguei 25 reais na entrega")
    assert "Anotei o seu pedido de reembolso" in chat.said(step) and step.team is not None
    pressed = chat.said(chat.send("e ai? vao devolver ou nao? quero reembolso"))
    assert "reembolso" not in pressed and "suporte" in pressed  # heard, not noted twice
    assert not chat.said(chat.send("e ai?? vao devolver ou nao???"))  # then quiet a while


def test_the_call_back_moved_to_monday_is_said_as_monday_afterwards(chat: Chat) -> None:
    chat.send("quero um chatbot pra minha imobiliaria")
    chat.send("me liga sábado depois do almoço?")
    assert chat.last is not None and chat.last.context.get("followup_day")
    step = chat.send("Sergio")
    assert "segunda-feira" in chat.said(step)


def test_a_booked_call_keeps_the_person_with_the_team_until_after_the_call(chat: Chat) -> None:
    chat.send("quero automatizar o whats da minha loja")
    chat.send("agora nao posso falar, me liga quinta as 10h?")
    assert chat.outcomes == [Outcome.SCHEDULED_FOLLOWUP]
    step = chat.send("voltei, a gente recebe umas 100 msg por dia", after=timedelta(hours=30))
    assert step.team is not None and step.handoff is None and chat.current is None
    assert "quinta" in chat.said(step)  # the call stands, said in other words


def test_the_window_after_a_booked_day_and_without_one() -> None:
    since = START
    assert takeover_end({}, since, WINDOW) == since + WINDOW
    assert takeover_end({"followup_window": "oops"}, since, WINDOW) == since + WINDOW
    booked = {"followup_window": "2026-11-26T10:00/11:00"}
    assert takeover_end(booked, since, WINDOW) == datetime(2026, 11, 28, tzinfo=UTC)


def test_still_waiting_hours_later_hears_from_the_bot_again_once(chat: Chat) -> None:
    chat.send("o entregador sumiu com a minha encomenda")
    first = chat.send("cadê??")
    later = chat.send("e ai?? ninguem vai me responder???", after=timedelta(hours=3))
    again = chat.send("???", after=timedelta(minutes=5))
    assert chat.said(first) and chat.said(later) and chat.said(later) != chat.said(first)
    assert not chat.said(again)


def test_once_the_team_replied_the_bot_stays_quiet(chat: Chat) -> None:
    chat.send("o entregador sumiu com a minha encomenda")
    chat.send("cadê??")
    chat.last = replace(chat.last, context={**chat.last.context, "team_replied": True})
    assert not chat.said(chat.send("e ai??", after=timedelta(hours=3)))


MERCHANT = ["quero que vcs façam as entregas da minha padaria", "Padaria Pão da Vó", "padaria",
            "umas 30 por dia", "Castro", "isso mesmo"]  # fmt: skip


def test_a_need_for_another_team_during_the_takeover_gets_its_own_form(chat: Chat) -> None:
    for said in MERCHANT:
        chat.send(said)
    assert chat.outcomes == [Outcome.HANDOFF_HUMAN]
    chat.send("obrigada")
    step = chat.send("ah e outra coisa, vcs fazem site tb? queria um site pra encomenda de bolo")
    assert step.team is None and chat.current is not None
    assert chat.current.active_intent == "CUSTOM_SOFTWARE" and chat.said(step)


def test_the_same_teams_need_during_the_takeover_stays_with_that_team(chat: Chat) -> None:
    for said in MERCHANT:
        chat.send(said)
    step = chat.send("quero cadastrar minha outra loja pra vcs fazerem as entregas")
    assert step.team is not None and chat.current is None
