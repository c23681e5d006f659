"""Contact details hidden from an export made without ``include_pii``."""

from __future__ import annotations

import re

from pyloto_corp.domain.language.documents import valid_cnpj, valid_cpf

HIDDEN_PHONE = "[telefone oculto]"
HIDDEN_EMAIL = "[e-mail oculto]"
HIDDEN = "[oculto]"
HIDDEN_DOCUMENT = "[documento oculto]"

# CPF (000.000.000-00) and CNPJ (00.000.000/0000-00), punctuated or not, valid or not.
_DOCUMENT = re.compile(r"(?<![\w/.-])(?:\d{2}\.?\d{3}\.?\d{3}/?\d{4}-?\d{2}|"
                       r"\d{3}\.?\d{3}\.?\d{3}-?\d{2})(?![\w/])")  # fmt: skip
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
# A run of digits with the separators people type in phone numbers ("+55 (42) 99999-0001").
_PHONE_LIKE = re.compile(r"(?<![\w+])\+?\(?\d[\d \t().-]{5,22}\d(?![\w])")
_CEP = re.compile(r"^\d{5}-\d{3}$")  # a postal code (5-3), never a phone shape
# Dates (2026-01-01, 01/01/2026, 01-01-2026, 01.01.2026) and times (10:00, 10:00:00) are
# kept whole, so that "[2026-01-01 10:00:00]" never reads as a phone (issue "timestamps").
_DAY, _MONTH, _YEAR = r"(?:0[1-9]|[12]\d|3[01])", r"(?:0[1-9]|1[0-2])", r"(?:19|20)\d{2}"
_MOMENT = re.compile(
    rf"(?<!\d)(?:{_YEAR}-{_MONTH}-{_DAY}|{_DAY}([/.-]){_MONTH}\1{_YEAR}"
    r"|(?:[01]\d|2[0-3]):[0-5]\d(?::[0-5]\d)?)(?!\d)"
)
MIN_PHONE_DIGITS, MAX_PHONE_DIGITS = 8, 15
KEPT_DIGITS = 4


def _digit_count(value: str) -> int:
    return sum(char.isdigit() for char in value)


def _hide_phone(match: re.Match[str]) -> str:
    found = match.group(0)
    if _CEP.match(found) or not MIN_PHONE_DIGITS <= _digit_count(found) <= MAX_PHONE_DIGITS:
        return found
    return HIDDEN_PHONE


def _hide_document(match: re.Match[str]) -> str:
    """A punctuated CPF/CNPJ shape, or bare digits with valid check digits (else a phone)."""
    found = match.group(0)
    digits = "".join(ch for ch in found if ch.isdigit())
    if found.isdigit() and not (valid_cpf(digits) or valid_cnpj(digits)):
        return found
    return HIDDEN_DOCUMENT


def _mask_piece(text: str) -> str:
    text = _DOCUMENT.sub(_hide_document, text)
    return _PHONE_LIKE.sub(_hide_phone, _EMAIL.sub(HIDDEN_EMAIL, text))


def mask_contacts(text: str) -> str:
    """Free text with phone numbers, e-mail addresses, CPF and CNPJ replaced by markers.

    Dates and times are kept as written; only the text between them is masked.
    """
    pieces, start = [], 0
    for moment in _MOMENT.finditer(text):
        pieces += [_mask_piece(text[start : moment.start()]), moment.group(0)]
        start = moment.end()
    return "".join([*pieces, _mask_piece(text[start:])])


def mask_phone(phone: str) -> str:
    """``+5542999990001`` → ``+55*******0001``: country code and the last four digits."""
    digits = [char for char in phone if char.isdigit()]
    if len(digits) <= KEPT_DIGITS + 2:
        return HIDDEN_PHONE
    hidden = len(digits) - 2 - KEPT_DIGITS
    return "+" + "".join(digits[:2]) + "*" * hidden + "".join(digits[-KEPT_DIGITS:])
