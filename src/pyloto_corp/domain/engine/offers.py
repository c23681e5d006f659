"""A need offered next ("Agora vamos ao outro assunto que você comentou: X"), refused."""

from __future__ import annotations

from pyloto_corp.domain.engine.flow import Flow
from pyloto_corp.domain.understanding.acts import TurnReading

WANTED = 0.6  # "n quero pedir entrega nao, quero ser o motoboy": the offered need, said


def declines_offered(flow: Flow, reading: TurnReading) -> bool:
    """The need offered after another one was resolved, refused before any answer to it."""
    session = flow.session
    offered = session.context.get("queued_start") == session.active_intent
    wanted = reading.needs[:1] == (session.active_intent,) and reading.confidence >= WANTED
    said_no = (
        reading.withdraws
        or (reading.words[:1] in (("nao",), ("n",), ("nem",)) and not wanted)
        or (flow.content.says("not_now", list(reading.words), anywhere=True))
    )  # "depois eu vejo"; not "n quero pedir entrega nao, quero ser o motoboy" (the offered)
    return offered and bool(session.context.get("resolved")) and said_no
