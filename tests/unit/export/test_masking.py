"""Masking keeps dates, prices and counts, and hides phones, documents and e-mails."""

import pytest

from pyloto_corp.domain.export.masking import (
    HIDDEN_DOCUMENT,
    HIDDEN_PHONE,
    mask_contacts,
    mask_phone,
)


@pytest.mark.parametrize(
    "kept",
    ["dia 23/11/2026 às 14:30", "R$ 1.500,00 por mês", "200 usuários e 5000 mensagens",
     "CEP 84010-000", "pedido 12345", "versão 2.0.1"],
)  # fmt: skip
def test_ordinary_numbers_are_kept(kept):
    """Dates, money, counts, CEPs and short codes are not phone numbers."""
    assert mask_contacts(kept) == kept


@pytest.mark.parametrize(
    "text",
    ["(42) 99999-0001", "+55 42 99999-0001", "5542999990001", "42 9 9999-0001", "42999990001"],
)  # fmt: skip
def test_phone_shaped_numbers_are_hidden(text):
    """Phones in every usual shape are hidden."""
    assert HIDDEN_PHONE in mask_contacts(text)


@pytest.mark.parametrize(
    "text",
    ["CPF 123.456.789-09", "cpf 529.982.247-25", "52998224725", "CNPJ 11.222.333/0001-81",
     "11222333000181"],
)  # fmt: skip
def test_cpf_and_cnpj_are_hidden(text):
    """Punctuated like a CPF or CNPJ, or bare digits with valid check digits (issue 21)."""
    assert HIDDEN_DOCUMENT in mask_contacts(text) and not any(
        c.isdigit() for c in mask_contacts(text)
    )


def test_email_is_hidden():
    """E-mail addresses become a marker."""
    assert mask_contacts("escreve pra ana.souza+pyloto@padaria.com.br!") == (
        "escreve pra [e-mail oculto]!"
    )


@pytest.mark.parametrize(
    ("phone", "masked"),
    [("+5542999990001", "+55*******0001"), ("+14155550100", "+14*****0100"),
     ("+123", HIDDEN_PHONE)],
)  # fmt: skip
def test_mask_phone_keeps_country_and_last_four(phone, masked):
    """Enough to recognize a number on a call, not enough to dial it."""
    assert mask_phone(phone) == masked


@pytest.mark.parametrize(
    "kept",
    ["[2026-01-01 10:00:00] oi", "[2026-01-01 10:00:00]", "em 01/01/2026 10:00:00 ok",
     "2026-12-31 23:59", "entre 10:00 e 11:30:15", "31.12.2026 08:00"],
)  # fmt: skip
def test_timestamps_are_not_phones(kept):
    """A date followed by a time has 10 to 14 digits, but it is a moment, never a phone."""
    assert mask_contacts(kept) == kept


def test_phones_and_documents_beside_timestamps_are_still_hidden():
    text = "[2026-01-01 10:00:00] cpf 123.456.789-09, fone (42) 99999-0001 [2026-01-01 10:05:00]"
    assert mask_contacts(text) == (
        f"[2026-01-01 10:00:00] cpf {HIDDEN_DOCUMENT}, fone {HIDDEN_PHONE} [2026-01-01 10:05:00]"
    )
    glued = "10:00 42999990001 e 52998224725 às 11:30"
    assert mask_contacts(glued) == f"10:00 {HIDDEN_PHONE} e {HIDDEN_DOCUMENT} às 11:30"
