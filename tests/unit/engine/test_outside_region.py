"""A delivery lead outside the region Pyloto Entrega serves: interest noted for the team,
low priority, and no promise of a call "em breve"."""

from __future__ import annotations

from pyloto_corp.domain.intents import Intent
from pyloto_corp.domain.qualification import QualificationLevel, qualify
from tests.unit.engine.conftest import Chat

SHOP = ["quero que vcs façam as entregas do meu restaurante", "Sushi Batel", "restaurante"]


def test_a_shop_outside_the_region_is_a_noted_interest_not_a_hot_lead(chat: Chat) -> None:
    for said in [*SHOP, "Curitiba", "umas 80 por noite"]:
        chat.send(said)
    step = chat.send("sim")
    assert step.handoff.qualification_level == "low"
    assert "outside_service_area" in step.handoff.qualification_reasons
    said = chat.said(step)
    assert "ainda não chegou em Curitiba" in said and "em breve" not in said


def test_a_city_corrected_to_a_served_one_is_a_lead_again(chat: Chat) -> None:
    for said in [*SHOP, "Curitiba", "umas 80 por noite"]:
        chat.send(said)
    chat.send("a cidade na verdade é Castro")
    step = chat.send("sim")
    assert "outside_service_area" not in step.handoff.qualification_reasons
    assert "em breve" in chat.said(step)


def test_outside_the_area_is_always_low() -> None:
    slots = {"company": "X", "segment": "y", "delivery_volume": "30/dia", "city": "Curitiba"}
    merchant = Intent.PYLOTO_ENTREGA_MERCHANT_SIGNUP
    assert qualify(merchant, slots, urgent=True, outside_area=True).level is QualificationLevel.LOW


def test_a_shop_wanting_its_deliveries_now_is_noted_as_a_merchant_not_sent_the_link(
    chat: Chat,
) -> None:
    chat.send("Tenho um mercado em Palmeira e quero um sistema pra controlar o estoque")
    said = chat.said(chat.send("o estoque nao tem pressa. agora as entregas eu precisava pra ja"))
    assert "pyloto.com.br/entrega" not in said and "Pyloto Entrega para empresas" in said


def test_a_shop_sending_one_parcel_now_still_gets_the_link(chat: Chat) -> None:
    chat.send("Tenho um mercado em Palmeira e quero um sistema pra controlar o estoque")
    said = chat.said(
        chat.send("pera, preciso mandar uma encomenda pra uma cliente agora, vcs levam?")
    )
    assert "pyloto.com.br/entrega" in said
