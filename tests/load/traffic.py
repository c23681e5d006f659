"""The traffic of a load run: simulated people, their messages, and how Meta delivers them.

Each person follows the texts of the scenarios in ``scenarios/`` (a menu choice becomes
its title, typed), continuing with the next scenario when one runs out, so sessions
close and reopen. Timestamps are hours in the past (Meta delivering late), 20 s apart (a
person typing); turns happen on the service's clock, so after the run the sweep runs with
its clock moved past the inactivity timeout: the final clock advance.
Meta's habits are injected: a share of deliveries duplicated (sent again later,
sometimes while the first is still in flight), a share of a person's consecutive
messages delivered in reverse order, and people arriving in bursts.
"""

from __future__ import annotations

import json
import random
import time
from dataclasses import dataclass, field

from tests.load.processes import PNID, ROOT

SCENARIOS = ROOT / "scenarios"
HOURS_AGO = 3


@dataclass(frozen=True, slots=True)
class Delivery:
    person: int
    wamid: str
    body: bytes
    duplicate: bool = False


@dataclass
class Traffic:
    """Per person, the deliveries in the order Meta will make them."""

    people: list[list[Delivery]] = field(default_factory=list)
    sent: dict[str, str] = field(default_factory=dict)  # wamid -> wa_id of who sent it
    duplicates: int = 0
    reordered: int = 0

    @property
    def deliveries(self) -> int:
        return sum(len(p) for p in self.people)


def scripts() -> list[list[str]]:
    found = []
    for path in sorted(SCENARIOS.glob("*.jsonl")):
        lines = [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines() if x]
        texts = [x.get("text") or x.get("choose") for x in lines]
        found.append([t for t in texts if isinstance(t, str)])
    return [s for s in found if s]


def wa_id(person: int) -> str:
    return f"55419{person:08d}"


def body(person: int, wamid: str, text: str, timestamp: int) -> bytes:
    message = {"from": wa_id(person), "id": wamid, "timestamp": str(timestamp), "type": "text",
               "text": {"body": text}}  # fmt: skip
    value = {"messaging_product": "whatsapp",
             "metadata": {"display_phone_number": "554230000000", "phone_number_id": PNID},
             "contacts": [{"profile": {"name": f"Pessoa {person}"}, "wa_id": wa_id(person)}],
             "messages": [message]}  # fmt: skip
    document = {
        "object": "whatsapp_business_account",
        "entry": [{"id": "WABA", "changes": [{"field": "messages", "value": value}]}],
    }
    return json.dumps(document, separators=(",", ":"), ensure_ascii=True).encode()


def plan(people: int, messages: int, *, duplicate: float = 0.2, reorder: float = 0.1,
         seed: int = 7) -> Traffic:  # fmt: skip
    """Every person's deliveries, duplicates and reorderings included (deterministic)."""
    rng, texts, traffic = random.Random(seed), scripts(), Traffic()
    start = int(time.time()) - HOURS_AGO * 3600
    for person in range(people):
        lines = [t for s in texts[person % len(texts) :] + texts for t in s][:messages]
        own = []
        for n, text in enumerate(lines):
            wamid = f"wamid.LOAD{person:05d}{n:03d}{seed:03d}"
            traffic.sent[wamid] = wa_id(person)
            own.append(Delivery(person, wamid, body(person, wamid, text, start + n * 20)))
        traffic.reordered += _swap_some(own, reorder, rng)
        for original in list(own):
            if rng.random() < duplicate:
                at = rng.randint(own.index(original), len(own))
                own.insert(at, Delivery(person, original.wamid, original.body, duplicate=True))
                traffic.duplicates += 1
        traffic.people.append(own)
    return traffic


def _swap_some(own: list[Delivery], share: float, rng: random.Random) -> int:
    swaps, n = 0, 0
    while n < len(own) - 1:
        if rng.random() < share:
            own[n], own[n + 1] = own[n + 1], own[n]
            swaps, n = swaps + 1, n + 2
        else:
            n += 1
    return swaps
