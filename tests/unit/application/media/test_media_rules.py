"""Which media is kept (domain rules), what survives an erasure, and retention dates."""

from __future__ import annotations

import base64
import hashlib
from datetime import UTC, datetime, timedelta

import pytest

from pyloto_corp.application.media.media_store import media_path
from pyloto_corp.domain.media import MB, MediaRefused, MediaRules, base_mime, same_digest
from pyloto_corp.domain.privacy import ErasureCounts, opted_out_at
from pyloto_corp.domain.records import SessionRecord
from pyloto_corp.domain.retention import RetentionPolicy

T0 = datetime(2026, 11, 23, 12, tzinfo=UTC)
RULES = MediaRules(max_bytes=16 * MB)


@pytest.mark.parametrize(
    ("mime", "extension"),
    [("image/jpeg", "jpg"), ("audio/ogg; codecs=opus", "ogg"), ("APPLICATION/PDF", "pdf"),
     ("video/mp4", "mp4"), ("image/webp", "webp")],
)  # fmt: skip
def test_allowed_types_get_their_extension(mime, extension):
    assert RULES.extension(mime) == extension


@pytest.mark.parametrize("mime", [None, "", "application/x-msdownload", "application/zip",
                                  "text/html", "image/svg+xml"])  # fmt: skip
def test_other_types_are_refused(mime):
    with pytest.raises(MediaRefused) as refused:
        RULES.extension(mime)
    assert refused.value.reason == "mime_not_allowed"


def test_sizes_follow_metas_limit_per_kind_and_the_setting():
    RULES.check_size("image", 5 * MB)
    for kind, size in (("image", 5 * MB + 1), ("sticker", 500 * 1024 + 1), ("audio", 16 * MB + 1)):
        with pytest.raises(MediaRefused, match="too_large"):
            RULES.check_size(kind, size)
    with pytest.raises(MediaRefused, match="empty"):
        RULES.check_size("image", 0)
    assert MediaRules(max_bytes=1 * MB).limit("document") == 1 * MB
    assert RULES.limit("document") == 16 * MB and base_mime(None) == ""


def test_digest_in_hex_or_base64():
    digest = hashlib.sha256(b"foto").digest()
    assert same_digest(digest.hex(), digest.hex()) and same_digest(None, digest.hex())
    assert same_digest(digest.hex().upper(), digest.hex())
    assert same_digest(base64.b64encode(digest).decode(), digest.hex())
    assert not same_digest(hashlib.sha256(b"x").hexdigest(), digest.hex())
    assert not same_digest("não é base64!", digest.hex())


def session(sid: str, closed_minutes: int | None, reason: str | None = None) -> SessionRecord:
    context = {"close_reason": reason} if reason else {}
    if closed_minutes is None:
        return SessionRecord(sid, "k", T0, T0)
    at = T0 + timedelta(minutes=closed_minutes)
    return SessionRecord(sid, "k", T0, at, state="closed", outcome="AWAITING_USER",
                         closed_at=at, context=context)  # fmt: skip


def test_opt_out_survives_until_a_later_conversation_ends_otherwise():
    stop = T0 + timedelta(minutes=5)
    assert opted_out_at([session("a", 5, "opt_out")], None) == stop
    assert opted_out_at([session("a", 5, "opt_out"), session("b", 9, "timeout")], None) is None
    assert opted_out_at([session("a", None)], stop) == stop  # only an open one since: kept
    assert opted_out_at([], None) is None
    assert opted_out_at([session("b", 1, "timeout")], stop) == stop  # older than the opt-out
    assert opted_out_at([session("b", 9, "timeout")], stop) is None


def test_counts_and_retention_dates():
    counts = ErasureCounts(messages=2, media=1)
    assert counts.total == 3 and counts.as_dict()["replies"] == 0
    cutoffs = RetentionPolicy().cutoffs(T0)
    assert cutoffs["media"] == T0 - timedelta(days=90)
    assert cutoffs["exports"] == T0 - timedelta(days=180)
    assert cutoffs["conversations"] == T0 - timedelta(days=365)
    with pytest.raises(ValueError, match="at least one day"):
        RetentionPolicy(media_days=0)


def test_a_wamid_with_a_slash_stays_one_object_in_the_persons_folder():
    assert (
        media_path("K" * 43, "wamid.HBg/x%y==", "jpg")
        == f"media/{'K' * 43}/wamid.HBg%2Fx%25y==.jpg"
    )
