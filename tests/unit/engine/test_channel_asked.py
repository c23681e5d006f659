"""A channel named in a question in the chatbot's form is the person's; a product is not."""

from __future__ import annotations

from tests.unit.engine.conftest import Chat


def test_a_channel_asked_about_is_noted_and_the_question_left_for_the_team(chat: Chat) -> None:
    chat.send("queria aquele robo do whats pro meu salao")
    step = chat.send("isso funciona no instagram tb? pq metade das cliente me chama la")
    assert step is not None and step.session.state == "collecting"  # no call-back asked
    assert step.session.slots["channels"] == ["whatsapp", "instagram"]
    assert "time" in chat.said(step)


def test_a_site_asked_about_is_a_product_not_a_channel(chat: Chat) -> None:
    chat.send("queria aquele robo do whats pro meu salao")
    step = chat.send("ta, e o site? vcs fazem site?")
    assert step is not None and "site" not in step.session.slots.get("channels", [])


def test_the_price_asked_is_among_the_reasons_the_team_reads(chat: Chat) -> None:
    chat.send("quanto custa pra fazer um app tipo uber?")
    for text in ("pros taxi da cidade", "chamar taxi e ver o mapa", "uns 20", "Tibagi",
                 "sem pressa", "eu que pergunto ne, sei la uns 5 mil?"):  # fmt: skip
        step = chat.send(text)
    assert step is not None and "Orçamento: não informado" in chat.said(step)
    done = chat.send("sim")
    assert done is not None and done.handoff is not None
    assert "asked_price" in done.handoff.qualification_reasons
    assert done.handoff.requirements["budget"] == "unknown"
