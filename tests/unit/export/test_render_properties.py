"""Properties over arbitrary texts: nothing a person writes can pass for the export's own lines."""

from __future__ import annotations

import dataclasses
import re

from hypothesis import given, settings
from hypothesis import strategies as st

from pyloto_corp.domain.conversation import Direction, StoredMessage
from pyloto_corp.domain.export import neutral
from pyloto_corp.domain.export.markdown import fence_for
from pyloto_corp.domain.export.masking import mask_contacts
from pyloto_corp.domain.export.model import ExportFormat, ExportOptions
from pyloto_corp.domain.export.render import footer_matches, render
from pyloto_corp.infra.timezone import bundled_zone
from tests.support.export_data import T0, USER_KEY, snapshot

ZONE = bundled_zone("America/Sao_Paulo")
TEXTS = st.text(st.characters(exclude_categories=("Cs",), exclude_characters="\r"), max_size=300)
TEXTS = st.one_of(TEXTS, st.lists(st.sampled_from(["`", "```", "|", "\n", "#", "SHA-256 do"]),
                                  max_size=30).map("".join))  # fmt: skip


def with_text(text: str):
    message = StoredMessage(USER_KEY, "wamid.P", Direction.IN, "text", T0, T0, text=text)
    return dataclasses.replace(snapshot(), messages=(message,))


@settings(max_examples=150, deadline=None)
@given(TEXTS)
def test_markdown_fence_holds_the_text_verbatim(text):
    """The text sits inside a fence longer than any backtick run it contains, unchanged but
    for line separators and bidi controls (``neutral``)."""
    data = render(with_text(text), ExportOptions(ExportFormat.MD, True, T0, ZONE)).data.decode()
    text = neutral.text(text)
    fence = fence_for(text)
    assert f"\n{fence}text\n{text}\n{fence}\n" in data
    assert all(len(run) < len(fence) for run in re.findall("`+", text))
    assert footer_matches(data.encode())


@settings(max_examples=150, deadline=None)
@given(TEXTS)
def test_plain_text_prefixes_every_line_of_the_text(text):
    """Each line of the text is reproduced after "    | ", so none can pose as a heading."""
    data = render(with_text(text), ExportOptions(ExportFormat.TXT, True, T0, ZONE)).data.decode()
    text = neutral.text(text)
    block = "\n".join(f"    | {line}" for line in text.split("\n"))
    assert f"    ID da mensagem: wamid.P\n{block}\n" in data
    assert footer_matches(data.encode())


PHONES = st.builds(
    lambda ddd, n, fmt: fmt.format(ddd=ddd, a=n[:5], b=n[5:]),
    st.integers(11, 99).map(str),
    st.text("0123456789", min_size=9, max_size=9),
    st.sampled_from(["+55 {ddd} {a}-{b}", "({ddd}) {a}-{b}", "55{ddd}{a}{b}", "{ddd}{a}{b}",
                     "+55 ({ddd}) {a}.{b}", "{ddd} {a} {b}"]),
)  # fmt: skip


@settings(max_examples=200, deadline=None)
@given(PHONES, st.sampled_from(["me liga ", "zap: ", "", "tel.", "fone="]))
def test_any_brazilian_phone_shape_is_masked(phone, prefix):
    """Whatever the separators, the number's digits do not survive masking."""
    masked = mask_contacts(f"{prefix}{phone} obrigado")
    digits = re.sub(r"\D", "", phone)
    assert digits[-8:] not in re.sub(r"\D", "", masked)
    assert masked.endswith(" obrigado")
