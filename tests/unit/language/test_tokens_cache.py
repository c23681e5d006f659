"""Tokens are kept per text and abbreviation table, and every caller gets its own list."""

from __future__ import annotations

import pytest

from pyloto_corp.domain.language import normalize
from pyloto_corp.domain.language.normalize import tokens


def test_a_kept_reading_is_a_fresh_list() -> None:
    first = tokens("Vcs fazem APP?", {"vcs": "voces"})
    first.append("changed")
    again = tokens("Vcs fazem APP?", {"vcs": "voces"})
    assert again == ["voces", "fazem", "app"]


def test_each_abbreviation_table_reads_its_own_way() -> None:
    table = {"vc": "voce"}
    assert tokens("vc ta ai", table) == ["voce", "ta", "ai"]
    assert tokens("vc ta ai", {"ta": "esta"}) == ["vc", "esta", "ai"]
    assert tokens("vc ta ai") == ["vc", "ta", "ai"]
    assert tokens("vc ta ai", table) == ["voce", "ta", "ai"]


def test_the_kept_readings_stay_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(normalize, "TOKENS_KEPT", 2)
    for text in ("um", "dois", "tres", "quatro"):
        assert tokens(text) == [text]
    assert len(normalize._TOKENS) <= 2
