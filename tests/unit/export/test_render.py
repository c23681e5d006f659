"""The export renderer: golden files, determinism, masking, the footer and broken chains."""

from __future__ import annotations

import dataclasses
import os
import random
import time
from pathlib import Path

import pytest

from pyloto_corp.domain.audit import verify_chain
from pyloto_corp.domain.errors import DomainError
from pyloto_corp.domain.export.model import ExportFormat, ExportOptions, export_path
from pyloto_corp.domain.export.render import footer_matches, render
from pyloto_corp.infra.timezone import bundled_zone
from tests.support.export_data import EMAIL, PHONE, T0, USER_KEY, snapshot, tampered

GOLDEN = Path(__file__).resolve().parents[2] / "golden"
ZONE = bundled_zone("America/Sao_Paulo")


def options(fmt: ExportFormat, include_pii: bool = False) -> ExportOptions:
    return ExportOptions(fmt, include_pii, T0, ZONE)


@pytest.mark.parametrize(
    ("name", "fmt", "pii"),
    [("export_masked.txt", ExportFormat.TXT, False), ("export_masked.md", ExportFormat.MD, False),
     ("export_pii.txt", ExportFormat.TXT, True), ("export_pii.md", ExportFormat.MD, True)],
)  # fmt: skip
def test_matches_golden_file(name, fmt, pii):
    """Byte for byte what Pyloto's lawyers receive (UPDATE_GOLDEN=1 rewrites the files)."""
    data = render(snapshot(), options(fmt, pii)).data
    golden = GOLDEN / name
    if os.environ.get("UPDATE_GOLDEN"):
        golden.write_bytes(data)
    assert data == golden.read_bytes()


@pytest.mark.parametrize("fmt", list(ExportFormat))
def test_same_data_same_bytes_whatever_the_order_or_server_zone(fmt, monkeypatch):
    """Lists are sorted by the renderer and no time depends on TZ or the server's zone."""
    first = render(snapshot(), options(fmt)).data
    snap = snapshot()
    shuffled = dataclasses.replace(
        snap,
        messages=tuple(random.sample(snap.messages, len(snap.messages))),
        sessions=tuple(reversed(snap.sessions)),
        audit=tuple(reversed(snap.audit)),
    )
    monkeypatch.setenv("TZ", "Asia/Tokyo")
    time.tzset()
    try:
        assert render(shuffled, options(fmt)).data == first
    finally:
        monkeypatch.delenv("TZ")
        time.tzset()


@pytest.mark.parametrize("fmt", list(ExportFormat))
def test_footer_is_the_sha256_of_every_line_above(fmt):
    """The last line names the content's hash; one changed byte no longer matches."""
    rendered = render(snapshot(), options(fmt))
    assert footer_matches(rendered.data)
    assert rendered.data.decode().splitlines()[-1].endswith(rendered.content_sha256)
    assert not footer_matches(rendered.data.replace(b"Ana", b"Ena", 1))


@pytest.mark.parametrize("fmt", list(ExportFormat))
def test_phone_and_email_only_with_include_pii(fmt):
    """Masked: no phone in any format nor e-mail anywhere; with include_pii: all of them."""
    masked = render(snapshot(), options(fmt)).data.decode()
    full = render(snapshot(), options(fmt, include_pii=True)).data.decode()
    for secret in (PHONE, "5542999990001", "99999-0001", EMAIL):
        assert secret not in masked
    assert "+55*******0001" in masked and "[telefone oculto]" in masked
    assert PHONE in full and "99999-0001" in full and EMAIL in full
    assert "Ana Souza" in masked  # names stay: the record must say who spoke


@pytest.mark.parametrize("fmt", list(ExportFormat))
def test_broken_chain_is_reported_at_the_edited_event(fmt):
    """An event edited after sealing: the header and the verification name it."""
    text = render(tampered(snapshot(), 2), options(fmt)).data.decode()
    assert "QUEBRADA no evento seq 2" in text and "wamid.IN1" in text
    assert "CADEIA QUEBRADA" in text and "evento alterado" in text


@pytest.mark.parametrize("fmt", list(ExportFormat))
def test_events_missing_at_the_end_are_reported_against_the_head(fmt):
    """The last event deleted: the walk is intact but stops before the stored head."""
    snap = snapshot()
    cut = snap.audit[:-1]
    verification = verify_chain(list(cut), snap.verification.head)
    text = render(dataclasses.replace(snap, audit=cut, verification=verification),
                  options(fmt)).data.decode()  # fmt: skip
    assert "QUEBRADA no evento seq 3" in text and "CADEIA QUEBRADA" in text
    assert "eventos ausentes no fim" in text and "seq 3" in text
    assert snap.verification.head.hash in text


def test_a_verification_without_the_head_says_so():
    """A walk that was not checked against a stored head is labelled as such."""
    snap = snapshot()
    unchecked = dataclasses.replace(snap, verification=verify_chain(list(snap.audit)))
    text = render(unchecked, options(ExportFormat.TXT)).data.decode()
    assert "Topo registrado: não conferido" in text and "Hash do topo" not in text


def test_empty_conversation_renders_notes():
    """No sessions, lead, messages or events: each section says so."""
    snap = dataclasses.replace(
        snapshot(), sessions=(), lead=None, messages=(), audit=(),
        verification=dataclasses.replace(snapshot().verification, count=0),
    )  # fmt: skip
    text = render(snap, options(ExportFormat.TXT)).data.decode()
    for note in ("Nenhuma sessão", "Nenhum dado de lead", "Nenhum encaminhamento",
                 "Nenhuma mensagem registrada"):  # fmt: skip
        assert note in text


def test_export_path_layout_and_refusals():
    """exports/conversations/<user_key>/<UTC stamp>_history.<ext>; no traversal, naive time."""
    path = export_path(USER_KEY, T0, ExportFormat.MD)
    assert path == f"exports/conversations/{USER_KEY}/20261123T120000.000000Z_history.md"
    with pytest.raises(DomainError):
        export_path("../etc", T0, ExportFormat.TXT)
    with pytest.raises(DomainError):
        ExportOptions(ExportFormat.TXT, False, T0.replace(tzinfo=None), ZONE)
