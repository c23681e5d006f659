"""Conversation scripts: one JSON object per line, checked before anything runs.

- ``{"from": "+55…", "text": "oi"}``: a text message; any person's line may carry
  ``"late": "2h10m"``: Meta's timestamp is that long before the simulated now (a webhook
  redelivered after an outage);
- ``{"from": "+55…", "choose": "Sistemas sob medida"}``: a tap on the last buttons/list;
- ``{"from": "+55…", "type": "audio"}``: media (image, audio, video, document, sticker,
  location, or their pt-BR names: imagem, áudio, vídeo, documento, figurinha, localização);
- ``{"advance": "2h30m"}``: the clock moves on, then the session sweep runs;
- ``{"redeliver_last": true}``: Meta delivers the previous webhook again;
- ``{"inject": "engine_error"}``: the next message meets an internal failure (tests
  FAILED_INTERNAL);
- ``{"agent": "Oi, aqui é a Ana"}``: the team answers on the newest open handoff;
- ``{"release": true}``: the team gives every open handoff back to the bot.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import timedelta

from pyloto_corp.cli.simulation.clock import BadDuration, parse_duration
from pyloto_corp.cli.simulation.payloads import MEDIA_TYPES, OTHER_TYPES, media_kind
from pyloto_corp.domain.identity import InvalidPhone, parse_e164

MAX_TEXT = 4096
FAULTS = ("engine_error",)
PERSON_KEYS = {"text", "choose", "type"}
MAX_LATE = timedelta(days=7)  # Meta stops redelivering after seven days


@dataclass(frozen=True, slots=True)
class Say:
    line: int
    phone: str
    text: str
    late: timedelta = timedelta()


@dataclass(frozen=True, slots=True)
class Choose:
    line: int
    phone: str
    choice: str
    late: timedelta = timedelta()


@dataclass(frozen=True, slots=True)
class SendMedia:
    line: int
    phone: str
    kind: str
    late: timedelta = timedelta()


@dataclass(frozen=True, slots=True)
class Advance:
    line: int
    delta: timedelta


@dataclass(frozen=True, slots=True)
class Redeliver:
    line: int


@dataclass(frozen=True, slots=True)
class Inject:
    line: int
    fault: str


@dataclass(frozen=True, slots=True)
class TeamRelease:
    line: int


@dataclass(frozen=True, slots=True)
class TeamReply:
    line: int
    text: str


Step = Say | Choose | SendMedia | Advance | Redeliver | Inject | TeamRelease | TeamReply


class BadLine(ValueError):
    """A script line that cannot run; the message is in pt-BR and names no personal data."""


@dataclass(frozen=True, slots=True)
class ScriptError:
    line: int
    message: str

    def to_dict(self) -> dict[str, object]:
        return {"line": self.line, "message": self.message}


def _only(row: dict, allowed: set[str]) -> None:
    extra = sorted(set(row) - allowed)
    if extra:
        raise BadLine("campo desconhecido: " + ", ".join(extra))


def _text(value: object, name: str) -> str:
    if not isinstance(value, str) or not value.strip() or len(value) > MAX_TEXT:
        raise BadLine(f"'{name}' deve ser um texto de 1 a {MAX_TEXT} caracteres")
    return value


def _late(row: dict) -> timedelta:
    if "late" not in row:
        return timedelta()
    try:
        late = parse_duration(str(row["late"]))
    except BadDuration as exc:
        raise BadLine(f"'late': {exc}") from None
    if late > MAX_LATE:
        raise BadLine("'late' deve ser de até 7 dias (a Meta não reenvia depois disso)")
    return late


def _person_step(number: int, row: dict) -> Step:
    _only(row, {"from", "late"} | PERSON_KEYS)
    try:
        phone = parse_e164(row["from"]) if isinstance(row["from"], str) else None
    except InvalidPhone:
        phone = None
    if phone is None:
        raise BadLine("'from' deve ser um telefone E.164, ex.: +5542999990001")
    given = PERSON_KEYS & set(row)
    if len(given) != 1:
        raise BadLine("use exatamente um entre 'text', 'choose' e 'type'")
    late = _late(row)
    if "text" in row:
        return Say(number, phone, _text(row["text"], "text"), late)
    if "choose" in row:
        return Choose(number, phone, _text(row["choose"], "choose"), late)
    kind = media_kind(row["type"]) if isinstance(row["type"], str) else None
    if kind is None:
        raise BadLine("'type' deve ser um de: " + ", ".join((*MEDIA_TYPES, *OTHER_TYPES)))
    return SendMedia(number, phone, kind, late)


def parse_line(number: int, raw: str) -> Step:
    try:
        row = json.loads(raw)
    except ValueError:
        raise BadLine("não é JSON válido") from None
    if not isinstance(row, dict):
        raise BadLine("cada linha deve ser um objeto JSON")
    if "from" in row:
        return _person_step(number, row)
    if "advance" in row:
        _only(row, {"advance"})
        try:
            return Advance(number, parse_duration(str(row["advance"])))
        except BadDuration as exc:
            raise BadLine(str(exc)) from None
    if row.get("redeliver_last") is True:
        _only(row, {"redeliver_last"})
        return Redeliver(number)
    if "inject" in row and row["inject"] in FAULTS:
        _only(row, {"inject"})
        return Inject(number, row["inject"])
    return _team_step(number, row)


def _team_step(number: int, row: dict) -> Step:
    if row.get("release") is True:
        _only(row, {"release"})
        return TeamRelease(number)
    if "agent" in row:
        _only(row, {"agent"})
        return TeamReply(number, _text(row["agent"], "agent"))
    raise BadLine("esperado 'from', 'advance', 'redeliver_last', 'inject', 'agent' ou 'release'")


def parse_script(lines: Iterable[str]) -> tuple[list[Step], list[ScriptError]]:
    """Every runnable step, and every bad line with its number (blank lines are skipped)."""
    steps: list[Step] = []
    errors: list[ScriptError] = []
    for number, raw in enumerate(lines, start=1):
        if not raw.strip():
            continue
        try:
            steps.append(parse_line(number, raw))
        except BadLine as exc:
            errors.append(ScriptError(number, str(exc)))
    return steps, errors
