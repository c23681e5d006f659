"""Text sanitization before storage."""

from hypothesis import given
from hypothesis import strategies as st

from pyloto_corp.domain.sanitize import TEXT_MAX_LEN, TRUNCATION_MARKER, sanitize_text


def test_whitespace_is_normalized_but_paragraphs_kept():
    """Runs of spaces/tabs collapse, lines are trimmed, at most one blank line survives."""
    assert sanitize_text(" Oi\t\t tudo  bem?\r\n\r\n\r\n\r\n  Sou a Ana \u00a0 ") == (
        "Oi tudo bem?\n\nSou a Ana"
    )


def test_control_characters_are_dropped_and_blank_is_none():
    """NULs and other controls go; nothing left means None."""
    assert sanitize_text("a\x00b\x1bc") == "abc"
    assert sanitize_text(" \n\t ") is None
    assert sanitize_text(None) is None


def test_long_text_is_cut_at_4000_with_marker():
    """The first 4000 characters are kept, then the marker."""
    text = "á" * 3999 + "bc"
    assert sanitize_text(text) == "á" * 3999 + "b" + TRUNCATION_MARKER
    assert sanitize_text("x" * 4000) == "x" * 4000


@given(st.text(max_size=6000))
def test_any_text_is_bounded_idempotent_and_untruncated_when_short(text):
    """Output is bounded; sanitizing twice changes nothing; short text is never marked."""
    once = sanitize_text(text)
    if once is None:
        return
    assert len(once) <= TEXT_MAX_LEN + len(TRUNCATION_MARKER)
    assert "  " not in once and "\n\n\n" not in once
    if len(text) <= TEXT_MAX_LEN:
        assert not once.endswith(TRUNCATION_MARKER) or text.strip().endswith(TRUNCATION_MARKER)
        assert sanitize_text(once) == once


def test_line_separators_become_spaces_and_bidi_controls_go():
    """U+2028, U+2029, NEL, VT and FF would break a line in some viewer; bidi ones reverse it."""
    text = "a\u2028b\u2029c\x85d\x0be\x0cf \u202eg\u2066h\u2069\u200e\u200f\u061ci"
    assert sanitize_text(text) == "a b c d e f ghi"


@given(st.text(st.sampled_from("ab \n\x0b\x0c\x85\u2028\u2029\u202a\u202e\u2066\u2069\u200f")))
def test_no_stored_text_holds_a_separator_or_a_bidi_control(text):
    once = sanitize_text(text) or "x"
    assert not set(once) & set("\x0b\x0c\x85\u2028\u2029\u202a\u202e\u2066\u2069\u200f")
    assert once.splitlines() == once.split("\n")
