"""Invariants over random conversations: whatever people send, in any order, at any pace."""

from __future__ import annotations

from datetime import timedelta

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pyloto_corp.domain.engine.state import TurnKind
from pyloto_corp.domain.intents import MAX_INTENTS_PER_SESSION, Intent, Outcome
from tests.unit.engine.conftest import Chat

TEXTS = [
    "oi", "bom dia", "quero ser entregador", "quero um sistema pra minha loja",
    "vcs fazem app?", "preciso de uma entrega urgente", "quero cadastrar meu restaurante",
    "quanto custa o saas de atendimento", "vocês têm vaga de programador?", "Carlos",
    "Ponta Grossa", "moto", "noites", "sim", "não", "kkkkkkk", "rsrs", "para", "sair",
    "quero falar com um atendente", "me chama amanhã", "amanhã de tarde", "50 pedidos por dia",
    "uns 10 usuários", "até março", "R$ 20 mil", "não sei", "quero comprar um carro",
    "e também preciso de um site", "", "🙂", "asdfgh",
]  # fmt: skip
CHOICES = [*(i.value for i in Intent), "confirm_yes", "confirm_no", "more_yes", "more_no", "x"]
GAPS = [timedelta(seconds=1), timedelta(seconds=30), timedelta(minutes=40), timedelta(hours=3)]
KINDS = [TurnKind.MEDIA, TurnKind.LOCATION, TurnKind.OTHER]

turns = st.one_of(
    st.tuples(st.just("text"), st.sampled_from(TEXTS)),
    st.tuples(st.just("choose"), st.sampled_from(CHOICES)),
    st.tuples(st.just("kind"), st.sampled_from(KINDS)),
    st.tuples(st.just("free"), st.text(max_size=60)),
)


def _send(chat: Chat, turn: tuple, gap: timedelta):
    what, value = turn
    if what == "choose":
        return chat.send(value.lower(), choose=value, after=gap)
    if what == "kind":
        return chat.send(None, kind=value, after=gap)
    return chat.send(value, after=gap)


@settings(max_examples=250, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(turns, st.sampled_from(GAPS)), min_size=1, max_size=25))
def test_any_conversation_keeps_every_invariant(script) -> None:
    chat = Chat()
    for turn, gap in script:
        step = _send(chat, turn, gap)
        if step is None:
            continue
        detected = step.session.context.get("detected", [])
        assert len(detected) <= MAX_INTENTS_PER_SESSION
        assert len(step.session.queued_intents) < MAX_INTENTS_PER_SESSION
        for reply in step.replies:
            _check_reply(reply)
    ids = [s.session_id for s in chat.closed]
    assert len(ids) == len(set(ids)), "a session closed twice"
    for session in chat.closed:
        assert Outcome(session.outcome) and session.closed_at is not None
        if session.outcome == Outcome.HANDOFF_HUMAN:
            _check_handoff(session.context["handoff"])
    if chat.current is not None:
        assert chat.current.session_id not in ids, "a closed session came back"


def _check_reply(reply) -> None:
    assert reply.body and len(reply.body) <= 4096
    if reply.kind == "buttons":
        assert 1 <= len(reply.options) <= 3
        assert all(len(o.title) <= 20 for o in reply.options)
    if reply.kind == "list":
        assert len(reply.options) <= 10 and len(reply.list_button) <= 20
        assert all(len(o.title) <= 24 for o in reply.options)


def _check_handoff(handoff: dict) -> None:
    required = {
        "intent_primary", "intents_detected", "resolved_intents", "open_intents", "summary",
        "requirements", "deadline", "routing", "confidence", "qualification_level",
        "qualification_reasons",
    }  # fmt: skip
    assert required <= set(handoff)
    assert handoff["routing"] and handoff["summary"] and handoff["qualification_level"]
