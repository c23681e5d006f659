"""Where Pyloto Entrega delivers: a delivery asked for beyond it hears so plainly, instead of
the link to order one it cannot take."""

from __future__ import annotations

from dataclasses import replace

from pyloto_corp.domain.engine.flow import Flow
from pyloto_corp.domain.language.entities import Entities
from pyloto_corp.domain.language.normalize import fold
from pyloto_corp.domain.understanding.acts import TurnReading


def beyond_area(flow: Flow, entities: Entities) -> bool:
    """ "meu filho mora em Curitiba, queria mandar um bolo pra ele": a city outside the
    served ones named with the delivery (True when the person was told)."""
    served, city = flow.content.served_cities, entities.city
    if not served or not city or fold(city) in {fold(c) for c in served}:
        return False
    cities = ", ".join(served[:-1]) + " e " + served[-1]
    flow.remember(area_told=city)
    link = flow.content.links["entrega_request"]
    return flow.say("delivery_outside", city=city, cities=cities, link=link)


def area_again(flow: Flow, reading: TurnReading) -> bool:
    """ "mas vcs vão até curitiba?" right after hearing they do not: said again, in other
    words (never "isso não é algo que a Pyloto faz")."""
    told = flow.session.context.get("area_told")
    entities = reading.entities if isinstance(reading.entities, Entities) else Entities()
    city = entities.city or (told if told and fold(told) in reading.words else None)
    if not told or not city:
        return False
    flow.remember(area_told=None)  # asked again: said once more, then as any other need
    return beyond_area(flow, replace(entities, city=city))
