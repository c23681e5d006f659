"""The ops reason: what the OpenAPI document accepts, the service accepts, and the other way round.

The document is read three ways: by an ECMAScript engine (jsonschema_rs, which
schemathesis validates with, like any JavaScript client), as schemathesis draws values
(Python ``re`` with ASCII classes) and by Python's default ``re``. Each reading must agree
with the service (an export request and an erasure request) on every string.
"""

from __future__ import annotations

import re

import jsonschema_rs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from pyloto_corp.application.errors import InvalidRequest
from pyloto_corp.application.privacy.erase_subject import ErasureRequest
from pyloto_corp.application.records.export_conversation import ExportRequest
from pyloto_corp.application.records.subjects import Subject
from pyloto_corp.bootstrap import build_app
from pyloto_corp.domain.export.masking import mask_contacts
from pyloto_corp.domain.export.model import ExportFormat
from pyloto_corp.domain.ops_reason import REASON_PATTERN, ReasonProblem, reason_problem
from tests.conftest import make_settings

SUBJECT = Subject("+5542999990001")
OPERATIONS = ["/v1/exports/conversations", "/v1/lgpd/access", "/v1/lgpd/erasure"]
BLANKS = ["\x85", "\u2028", "\u2029", "\x0b", "\x0c", "\t", "\n", "\r\n", " ", "\xa0",
          "\ufeff", "\x1c", "\x1f", "\u3000", "\u2007"]  # fmt: skip
BIDI = [chr(c) for c in [*range(0x202A, 0x202F), *range(0x2066, 0x206A)]]
TEXT = "Pedido do jurídico, ação nº 123 — São João"
BREAKS = ["\x85", "\u2028", "\u2029", "\x0b", "\x0c", "\n", "\r\n", "\r", "\x1c", "\x1e"]
MARKS = ["\u200e", "\u200f", "\u061c"]
TRICKY = [*BLANKS, *BIDI, *MARKS, "\u200b", "\x00", "\r"]
PERSONAL = [
    "+55 (42) 99999-0001",
    "42999990001",
    "9999-0001",
    "123.456.789-09",
    "52998224725",
    "11.222.333/0001-81",
    "ana.souza@padaria.com.br",
    "a@b.co",
    "(42) 3025-1234",
]
KEPT = [
    "processo 0001234-56.2026.8.16.0001",
    "ofício de 23/11/2026",
    "protocolo 2026/0042",
    "processo 123",
    "1234567",
    "versão 2.0.1",
    "@juridico",
    "x@y",
    "R$ 1.500,00",
]
SAMPLES = [
    TEXT, "", "x" * 500, "x" * 501, "é" * 500, "😀" * 500, "😀" * 501,
    *TRICKY, *(c * 3 for c in TRICKY), *(f"{c}motivo{c}" for c in TRICKY),
    *(f"{TEXT}{c}linha 2" for c in TRICKY), *PERSONAL, *KEPT,
    *(f"motivo: {p}." for p in PERSONAL), *(f"{p}{c}" for p in PERSONAL for c in " .-)9"),
]  # fmt: skip


@pytest.fixture(scope="module")
def readings():
    """Every way a client may read the reason's schema, as published by the running app."""
    document = build_app(make_settings()).openapi()
    schemas = [document["paths"][path]["post"]["requestBody"]["content"]["application/json"]
               ["schema"]["properties"]["reason"] for path in OPERATIONS]  # fmt: skip
    return [reader for schema in schemas for reader in _readers(schema)]


def _readers(schema: dict) -> list:
    ecma = jsonschema_rs.validator_for(schema)
    lengths = (schema["minLength"], schema["maxLength"])
    ascii_classes = re.compile(schema["pattern"], re.ASCII)
    default = re.compile(schema["pattern"])

    def by(pattern: re.Pattern[str]):
        return lambda text: lengths[0] <= len(text) <= lengths[1] and bool(pattern.search(text))

    return [ecma.is_valid, by(ascii_classes), by(default)]


def accepted(reason: str) -> bool:
    """What the service says (an export and an erasure check reasons alike)."""
    verdicts = {_verdict(ExportRequest, SUBJECT, ExportFormat.TXT, reason, "juridico"),
                _verdict(ErasureRequest, SUBJECT, reason, "juridico")}  # fmt: skip
    [verdict] = verdicts
    return verdict


def _verdict(request: type, *values: object) -> bool:
    try:
        request(*values)
    except InvalidRequest as exc:
        assert exc.field == "reason"
        return False
    return True


@pytest.mark.parametrize("reason", SAMPLES, ids=ascii)
def test_the_document_and_the_service_agree_on_tricky_reasons(readings, reason):
    """NEL, line and paragraph separators, VT, FF, tabs, newlines, bidi controls, accents."""
    server = accepted(reason)
    assert [read(reason) for read in readings] == [server] * len(readings)


@given(st.lists(st.sampled_from([*TRICKY, "a", "é", "😀"]), max_size=6).map("".join))
def test_the_document_and_the_service_agree_on_mixtures(readings, reason):
    """Any mixture of those characters: one verdict for every reading and the service."""
    assert {read(reason) for read in readings} == {accepted(reason)}


DIGITY = st.sampled_from(["1", "2", "0", " ", ".", "-", "(", ")", "/", "@", "a", "\xa0", "\t"])


@given(st.lists(DIGITY, max_size=30).map("".join))
def test_the_document_and_the_service_agree_on_numbers_and_addresses(readings, reason):
    """Digits, separators and @: the personal-data part reads the same in every engine."""
    assert {read(reason) for read in readings} == {accepted(reason)}


@pytest.mark.parametrize("found", PERSONAL)
def test_what_the_export_masks_is_refused_as_a_reason(found):
    """The export's own detectors hide it; the reason rule refuses it, naming personal data."""
    assert mask_contacts(found) != found
    assert reason_problem(f"pedido de {found} hoje") is ReasonProblem.PERSONAL_DATA


@pytest.mark.parametrize("kept", KEPT)
def test_case_numbers_dates_and_short_numbers_are_accepted(kept):
    assert accepted(kept)


@pytest.mark.parametrize("brk", [*BREAKS, *BIDI, *MARKS])
def test_a_reason_has_one_line_and_no_bidi_control(brk):
    assert reason_problem(f"{TEXT}{brk}mais") is ReasonProblem.MULTILINE


def test_blank_is_refused_and_text_is_accepted():
    """Whitespace by either engine's definition says nothing; words do, whatever surrounds them."""
    assert not any(accepted(blank * 2) for blank in BLANKS)
    assert not accepted("".join(BLANKS))
    inline = [blank for blank in BLANKS if blank not in BREAKS]
    assert all(accepted(f"{blank}{TEXT}{blank}") for blank in inline)
    assert not any(accepted(f"{TEXT}{blank}") for blank in BLANKS if blank in BREAKS)


def test_the_pattern_names_its_characters():
    """No \\s, \\d, \\w, \\b or \\p: their meaning differs between regex engines."""
    assert re.search(r"\\[sSdDwWbBpP]", REASON_PATTERN) is None
