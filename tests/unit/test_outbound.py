"""Meta's limits as pure rules: whatever the engine says, what goes out is accepted."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pyloto_corp.domain.outbound import Recipient, fit, problems, split_text

titles = st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), min_size=1, max_size=40)
options = st.lists(
    st.fixed_dictionaries(
        {"title": titles.filter(str.strip), "description": st.none() | st.text(max_size=100)}
    ),
    min_size=1,
    max_size=14,
)
bodies = st.text(min_size=1, max_size=9000).filter(str.strip)


@given(bodies, st.sampled_from(["text", "buttons", "list"]), options)
def test_every_fitted_reply_is_within_meta_limits(body, kind, opts) -> None:
    numbered = [{**o, "id": f"id{n}"} for n, o in enumerate(opts)]
    reply = {"kind": kind, "body": body, "options": [] if kind == "text" else numbered,
             "list_button": "Ver opções"}  # fmt: skip
    parts = fit(reply)
    assert parts and all(problems(p) == [] for p in parts)
    if kind == "text":
        assert "".join(p["body"] for p in parts).replace(" ", "").replace("\n", "") == (
            body.strip().replace(" ", "").replace("\n", "")
        )


def test_more_than_three_buttons_or_long_titles_become_a_list() -> None:
    four = [{"id": str(n), "title": f"Opção {n}"} for n in range(4)]
    [listing] = fit({"kind": "buttons", "body": "Escolha", "options": four})
    assert listing["kind"] == "list" and listing["list_button"] == "Ver opções"
    long = [{"id": "a", "title": "Um título muito comprido demais"}]
    [converted] = fit({"kind": "buttons", "body": "x", "options": long})
    [row] = converted["options"]
    assert len(row["title"]) <= 24 and row["title"].endswith("…")


def test_long_text_is_split_in_order_at_word_boundaries() -> None:
    words = " ".join(f"palavra{n}" for n in range(1500))
    parts = split_text(words)
    assert len(parts) == -(-len(words) // 4096) and all(len(p) <= 4096 for p in parts)
    assert " ".join(parts) == words


def test_a_long_interactive_body_sends_its_head_as_text_first() -> None:
    body = "Resumo. " * 300
    parts = fit({"kind": "buttons", "body": body, "options": [{"id": "y", "title": "Sim"}]})
    assert [p["kind"] for p in parts] == ["text", "buttons"]
    assert len(parts[-1]["body"]) <= 1024


@pytest.mark.parametrize(
    ("reply", "problem"),
    [
        ({"kind": "text", "body": " "}, "empty body"),
        ({"kind": "text", "body": "x" * 4097}, "text over 4096"),
        ({"kind": "buttons", "body": "x" * 1025, "options": [{"id": "a", "title": "a"}]},
         "interactive body over 1024"),
        ({"kind": "list", "body": "x", "options": [], "list_button": "b"}, "list: 1-10 rows"),
        ({"kind": "list", "body": "x", "options": [{"id": "a", "title": "a"}] * 2,
          "list_button": "b" * 21}, "list button over 20"),
        ({"kind": "list", "body": "x", "options": [{"id": "a", "title": "a" * 25}],
          "list_button": "b"}, "row title over 24"),
        ({"kind": "list", "body": "x", "options": [{"id": "a", "title": "a",
          "description": "d" * 73}], "list_button": "b"}, "row description over 72"),
        ({"kind": "list", "body": "x", "options": [{"id": "a", "title": "a"}] * 2,
          "list_button": "b"}, "duplicate row ids"),
        ({"kind": "video", "body": "x", "options": [{"id": "a", "title": "a"}]}, "unknown kind"),
    ],
)  # fmt: skip
def test_problems_name_each_broken_limit(reply, problem) -> None:
    assert any(p.startswith(problem) for p in problems(reply))


def test_a_recipient_needs_an_address() -> None:
    assert Recipient(phone="+5511999990000").address() == {"to": "5511999990000"}
    with pytest.raises(ValueError, match="recipient"):
        Recipient().address()
