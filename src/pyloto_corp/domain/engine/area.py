"""Where Pyloto Entrega delivers: a delivery asked for beyond it hears so plainly, instead of
the link to order one it cannot take."""

from __future__ import annotations

from dataclasses import replace

from pyloto_corp.domain.engine.flow import Flow
from pyloto_corp.domain.intents import Intent, Outcome
from pyloto_corp.domain.language.entities import Entities
from pyloto_corp.domain.language.normalize import fold
from pyloto_corp.domain.understanding.acts import Act, TurnReading


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


def foreign_link(flow: Flow, reading: TurnReading) -> bool:
    """ "necesito enviar un paquete hoy": the order link, in the person's language (a
    complaint about a delivery goes to a person instead)."""
    if reading.has(Act.SUPPORT_ISSUE) or not flow.route(Intent.PYLOTO_ENTREGA_REQUEST):
        return False
    link, key = flow.content.links["entrega_request"], f"delivery_link_{reading.language}"
    flow.finish(Outcome.ROUTE_EXTERNAL, "delivery_link", message=key, link=link)
    return True


DELIVERY_WORDS = ("entreg", "motoboy", "motoqueiro", "coleta", "pedido", "encomenda", "pacote",
                  "frete", "corrida", "package", "delivery", "paquete")  # fmt: skip
MADE = frozenset(("sistema", "app", "aplicativo", "site", "plataforma", "programa", "chatbot"))


def about_delivery(reading: TurnReading) -> bool:
    made = bool(MADE & set(reading.words))  # "o sistema de pedidos que vcs fizeram deu erro"
    return any(w.startswith(DELIVERY_WORDS) and not (made and w.startswith("pedido"))
               for w in reading.words)  # fmt: skip
