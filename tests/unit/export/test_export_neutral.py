"""No text in an export can add a line or reverse what follows, in any format or field."""

from __future__ import annotations

import dataclasses
import hashlib
import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pyloto_corp.domain.audit import verify_chain
from pyloto_corp.domain.conversation import Direction, StoredMessage
from pyloto_corp.domain.export import neutral
from pyloto_corp.domain.export.model import ExportFormat, ExportOptions
from pyloto_corp.domain.export.render import footer_matches, render
from pyloto_corp.domain.sanitize import BIDI_CONTROLS, LINE_SEPARATORS
from pyloto_corp.infra.timezone import bundled_zone
from tests.support.export_data import T0, USER_KEY, chain, snapshot, stored_head

ZONE = bundled_zone("America/Sao_Paulo")
SPECIAL = LINE_SEPARATORS + BIDI_CONTROLS
FORBIDDEN = set(SPECIAL) | {"\r"}
OPTIONS = [ExportOptions(f, pii, T0, ZONE) for f in ExportFormat for pii in (True, False)]
TEXTS = st.lists(st.sampled_from([*SPECIAL, "a", "é", " ", "\n", "1", "|", "#", "`"]),
                 min_size=1, max_size=40).map("".join)  # fmt: skip


def everywhere(text: str):
    """The text as a message, the lead's name, a handoff summary and an audit reason."""
    snap = snapshot()
    message = StoredMessage(USER_KEY, "wamid.N", Direction.IN, "text", T0, T0, text=text)
    session = snap.sessions[1]
    handoff = {**session.context["handoff"], "summary": text}
    session = dataclasses.replace(session, context={"handoff": handoff})
    events = chain(("e1", "USER_CONTACT", text, {"note": text}))
    return dataclasses.replace(
        snap, messages=(message,), lead=dataclasses.replace(snap.lead, name=text),
        sessions=(snap.sessions[0], session), audit=events,
        verification=verify_chain(list(events), stored_head(events)),
    )  # fmt: skip


def plain(text: str) -> str:
    """The same text with each special character a letter: the lines it should make."""
    return "".join("x" if char in SPECIAL else char for char in text)


@settings(max_examples=120, deadline=None)
@given(TEXTS)
def test_special_characters_never_add_a_line_or_a_bidi_control(text):
    for options in OPTIONS:
        data = render(everywhere(text), options).data.decode()
        baseline = render(everywhere(plain(text)), options).data.decode()
        assert not FORBIDDEN & set(data)
        assert data.splitlines() == data.split("\n")[:-1]  # "\n" is the only line break
        assert len(data.split("\n")) == len(baseline.split("\n"))
        assert footer_matches(data.encode())


@pytest.mark.parametrize("options", OPTIONS, ids=str)
def test_bidi_controls_are_shown_and_separators_become_spaces(options):
    data = render(everywhere("abc\u202edef\u2028ghi\x85jkl"), options).data.decode()
    assert "abc[U+202E]def ghi jkl" in data


def test_the_canonical_content_still_verifies_the_hash():
    """Escaped as JSON (\\u2028), the canonical content is the same JSON: its hash checks."""
    snap = everywhere("motivo\u2028com\u202eseparador")
    data = render(snap, OPTIONS[0]).data.decode()
    event = snap.audit[0]
    [shown] = [line.removeprefix("    | ") for line in data.split("\n")
               if line.startswith("    | {") and '"e1"' in line]  # fmt: skip
    assert "\\u2028" in shown and "\\u202e" in shown
    canonical = json.dumps(json.loads(shown), sort_keys=True, separators=(",", ":"),
                           ensure_ascii=False)  # fmt: skip
    assert hashlib.sha256((canonical + event.prev_hash).encode()).hexdigest() == event.hash


def test_neutral_text_is_idempotent_and_keeps_newlines():
    once = neutral.text("a\r\nb\rc\u2029d\u2066e")
    assert once == "a\nb\nc d[U+2066]e" and neutral.text(once) == once


@pytest.mark.parametrize("fmt", list(ExportFormat))
def test_a_timestamp_in_a_message_survives_masking_and_contacts_do_not(fmt):
    """Without include_pii, "[2026-01-01 10:00:00]" stays; the phone and the CPF beside go."""
    text = "[2026-01-01 10:00:00] meu cpf 123.456.789-09\n[2026-01-01 10:00:05] zap 42999990001"
    snap = dataclasses.replace(snapshot(), messages=(
        StoredMessage(USER_KEY, "wamid.T", Direction.IN, "text", T0, T0, text=text),))  # fmt: skip
    data = render(snap, ExportOptions(fmt, False, T0, ZONE)).data.decode()
    assert "[2026-01-01 10:00:00]" in data.replace("\\", "")
    assert "[2026-01-01 10:00:05]" in data.replace("\\", "")
    assert "123.456.789-09" not in data and "42999990001" not in data
    assert "[documento oculto]" in data and "[telefone oculto]" in data
