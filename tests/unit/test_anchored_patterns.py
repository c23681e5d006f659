"""A value with a trailing line break is never taken as valid (``$`` would let it through)."""

from __future__ import annotations

import re

import pytest

from pyloto_corp.adapters.whatsapp.graph_media import MEDIA_ID
from pyloto_corp.api import signature
from pyloto_corp.api.whatsapp import senders
from pyloto_corp.application.records.ops_keys import KEY_HASH, KEY_NAME
from pyloto_corp.application.records.subjects import USER_KEY
from pyloto_corp.domain import identity, outbound
from pyloto_corp.domain.export import markdown, model

CASES = [
    (signature._SIGNATURE, "sha256=" + "a" * 64),
    (senders._WA_ID, "5542999990001"),
    (senders._BSUID, "BR.1234567890"),
    (KEY_NAME, "ops-team"),
    (KEY_HASH, "f" * 64),
    (USER_KEY, "A" * 43),
    (model._SAFE_KEY, "A" * 43),
    (identity._E164, "+5542999990001"),
    (outbound.WA_ID, "5542999990001"),
    (MEDIA_ID, "1234567890"),
]


@pytest.mark.parametrize(("pattern", "valid"), CASES)
def test_a_trailing_line_break_is_refused(pattern: re.Pattern[str], valid: str) -> None:
    assert pattern.match(valid)
    assert not pattern.match(valid + "\n")


def test_a_value_ending_in_a_line_break_stays_on_one_markdown_line() -> None:
    assert markdown.shown("abcdefgh") == "`abcdefgh`"
    assert "\n" not in markdown.shown("abcdefgh\n")
