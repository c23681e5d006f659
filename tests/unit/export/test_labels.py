"""Small pieces of the export: odd stored values still render, deterministically."""

from __future__ import annotations

import dataclasses

import pytest

from pyloto_corp.domain.export import labels
from pyloto_corp.domain.export.model import ExportFormat, ExportOptions
from pyloto_corp.domain.export.render import render
from pyloto_corp.infra.timezone import bundled_zone
from tests.support.export_data import T0, snapshot

ZONE = bundled_zone("America/Sao_Paulo")


@pytest.mark.parametrize(
    ("stamp", "shown"),
    [("2026-11-23T12:00:00+00:00", "23/11/2026 09:00:00 -03:00"),
     ("2026-11-23T12:00:00", "2026-11-23T12:00:00"), ("editado à mão", "editado à mão")],
)  # fmt: skip
def test_audit_timestamps_that_do_not_parse_are_shown_as_stored(stamp, shown):
    """A tampered or naive timestamp is reproduced verbatim, never guessed."""
    assert labels.when_iso(stamp, ZONE) == shown


@pytest.mark.parametrize(
    ("value", "shown"),
    [(None, "—"), ("", "—"), ([], "—"), (["a", None], "a, —"), (True, "sim"), (False, "não"),
     ({"b": 1, "a": [2, 3]}, "a: 2, 3; b: 1"), (0.5, "0.5")],
)  # fmt: skip
def test_values_render_on_one_line_in_a_fixed_order(value, shown):
    """Lists joined, dicts by key, booleans in Portuguese, empties as a dash."""
    assert labels.value_text(value) == shown


def test_bsuid_and_session_ids_appear_only_where_allowed():
    """A lead known only by BSUID: hidden unless include_pii; a message's session is shown."""
    snap = snapshot()
    lead = dataclasses.replace(snap.lead, phone=None, user_id="BR.1234567890123")
    message = dataclasses.replace(snap.messages[0], session_id="s-1")
    snap = dataclasses.replace(snap, lead=lead, messages=(message,))
    masked = render(snap, ExportOptions(ExportFormat.TXT, False, T0, ZONE)).data.decode()
    full = render(snap, ExportOptions(ExportFormat.TXT, True, T0, ZONE)).data.decode()
    assert "BR.1234567890123" not in masked and "BSUID): [oculto]" in masked
    assert "BR.1234567890123" in full and "    Sessão: s-1" in masked


@pytest.mark.parametrize("name", ["", "../etc/passwd", "America//Sao_Paulo", "Nowhere/City"])
def test_only_real_zone_names_load(name):
    """The zone comes from the bundled tzdata package, by name, never by path."""
    with pytest.raises((ValueError, FileNotFoundError)):
        bundled_zone(name)
