"""Conversation scripts: every line kind, and every bad line named by its number."""

from __future__ import annotations

from datetime import timedelta

import pytest

from pyloto_corp.cli.simulation.clock import BadDuration, SimClock, parse_duration
from pyloto_corp.cli.simulation.script import (
    Advance,
    Choose,
    Inject,
    Redeliver,
    Say,
    SendMedia,
    parse_script,
)

P = "+5541988887777"


def test_every_line_kind_parses():
    """text, choose, type, advance, redeliver_last and inject; blank lines are skipped."""
    lines = [f'{{"from": "{P}", "text": "oi"}}', "",
             '{"from": "+55 41 98888-7777", "choose": "Sim"}',
             f'{{"from": "{P}", "type": "audio"}}', '{"advance": "2h30m"}',
             '{"redeliver_last": true}', '{"inject": "engine_error"}']  # fmt: skip
    steps, errors = parse_script(lines)
    assert errors == []
    assert steps == [Say(1, P, "oi"), Choose(3, P, "Sim"), SendMedia(4, P, "audio"),
                     Advance(5, timedelta(hours=2, minutes=30)), Redeliver(6),
                     Inject(7, "engine_error")]  # fmt: skip


def test_a_person_line_may_arrive_late():
    """``late``: Meta's timestamp lies that far behind the simulated now (any person's line)."""
    lines = [f'{{"from": "{P}", "text": "oi", "late": "2h10m"}}',
             f'{{"from": "{P}", "choose": "Sim", "late": "90m"}}',
             f'{{"from": "{P}", "type": "audio", "late": "1d"}}']  # fmt: skip
    steps, errors = parse_script(lines)
    assert errors == []
    assert steps == [Say(1, P, "oi", timedelta(hours=2, minutes=10)),
                     Choose(2, P, "Sim", timedelta(minutes=90)),
                     SendMedia(3, P, "audio", timedelta(days=1))]  # fmt: skip


@pytest.mark.parametrize(
    ("line", "said"),
    [("oi", "JSON"), ("[1]", "objeto"), ('{"from": "42999", "text": "oi"}', "E.164"),
     ('{"from": 5542999990001, "text": "oi"}', "E.164"),
     (f'{{"from": "{P}"}}', "exatamente um"), (f'{{"from": "{P}", "text": "a", "type": "image"}}',
                                              "exatamente um"),
     (f'{{"from": "{P}", "text": ""}}', "'text'"), (f'{{"from": "{P}", "text": 7}}', "'text'"),
     (f'{{"from": "{P}", "type": "gif"}}', "'type'"), (f'{{"from": "{P}", "text": "a", "x": 1}}',
                                                     "campo desconhecido: x"),
     ('{"advance": "amanhã"}', "duração"), ('{"advance": "0m"}', "maior que zero"),
     ('{"advance": "2h", "x": 1}', "campo desconhecido"), ('{"redeliver_last": false}', "esperado"),
     ('{"inject": "disk_full"}', "esperado"), ("{}", "esperado"),
     (f'{{"from": "{P}", "text": "a", "late": "ontem"}}', "'late'"),
     (f'{{"from": "{P}", "text": "a", "late": "8d"}}', "até 7 dias")],
)  # fmt: skip
def test_bad_lines_are_reported_with_their_number(line, said):
    """A bad line becomes an error on its own line number; the lines around it still run."""
    steps, errors = parse_script([f'{{"from": "{P}", "text": "antes"}}', line, '{"advance": "1m"}'])
    assert [e.line for e in errors] == [2] and said in errors[0].message
    assert [s.line for s in steps] == [1, 3]
    assert P not in errors[0].message


@pytest.mark.parametrize(
    ("text", "delta"),
    [("2h", timedelta(hours=2)), ("2h30m", timedelta(hours=2, minutes=30)),
     ("45min", timedelta(minutes=45)), ("90s", timedelta(seconds=90)),
     ("1d 2h", timedelta(hours=26))],
)  # fmt: skip
def test_durations(text, delta):
    """The units people type for "advance the clock"."""
    assert parse_duration(text) == delta


@pytest.mark.parametrize("text", ["", "2", "h", "2x", "-1h", "400d"])
def test_bad_durations(text):
    """No unit, unknown unit, negative or over a year: refused."""
    with pytest.raises(BadDuration):
        parse_duration(text)


def test_clock_starts_on_a_whole_second_and_only_moves_forward():
    """Meta's timestamps are whole seconds."""
    clock = SimClock()
    assert clock().microsecond == 0
    before = clock()
    assert clock.advance(timedelta(minutes=5)) == before + timedelta(minutes=5) == clock()


@pytest.mark.parametrize(
    ("typed", "kind"),
    [("imagem", "image"), ("áudio", "audio"), ("audio", "audio"), ("Vídeo", "video"),
     ("video", "video"), ("documento", "document"), ("figurinha", "sticker"),
     ("localização", "location"), (" image ", "image"), ("sticker", "sticker")],
)  # fmt: skip
def test_media_types_by_their_portuguese_or_english_names(typed, kind):
    """/midia and script ``type`` take imagem, áudio, vídeo... besides the webhook names."""
    steps, errors = parse_script([f'{{"from": "{P}", "type": "{typed}"}}'])
    assert errors == [] and steps == [SendMedia(1, P, kind)]


@pytest.mark.parametrize("typed", ["gif", "", "imagens", "foto", "imágem2"])
def test_unknown_media_types_are_refused(typed):
    _, [error] = parse_script([f'{{"from": "{P}", "type": "{typed}"}}'])
    assert error.message.startswith("'type' deve ser um de: image, audio")
