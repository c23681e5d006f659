"""CPF and CNPJ numbers, kept only when their check digits are right (never logged)."""

from __future__ import annotations

import re

_CANDIDATE = re.compile(r"(?<![\d])(\d[\d.\-/ ]{9,19}\d)(?![\d])")
CPF_DIGITS, CNPJ_DIGITS = 11, 14
_CPF_WEIGHTS = (range(10, 1, -1), range(11, 1, -1))
_CNPJ_WEIGHTS = ((5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2), (6, 5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2))


def _check_digit(digits: str, weights) -> str:
    total = sum(int(d) * w for d, w in zip(digits, weights, strict=False))
    rest = total % 11
    return "0" if rest < 2 else str(11 - rest)


def valid_cpf(digits: str) -> bool:
    if len(digits) != CPF_DIGITS or len(set(digits)) == 1:
        return False
    first = _check_digit(digits[:9], _CPF_WEIGHTS[0])
    return digits[9:] == first + _check_digit(digits[:9] + first, _CPF_WEIGHTS[1])


def valid_cnpj(digits: str) -> bool:
    if len(digits) != CNPJ_DIGITS or len(set(digits)) == 1:
        return False
    first = _check_digit(digits[:12], _CNPJ_WEIGHTS[0])
    return digits[12:] == first + _check_digit(digits[:12] + first, _CNPJ_WEIGHTS[1])


def documents(text: str) -> tuple[str | None, str | None]:
    """(CPF, CNPJ) as digits, when a number in the text is one with the right check digits."""
    cpf = cnpj = None
    for found in _CANDIDATE.finditer(text):
        digits = re.sub(r"\D", "", found.group(1))
        if cpf is None and valid_cpf(digits):
            cpf = digits
        elif cnpj is None and valid_cnpj(digits):
            cnpj = digits
    return cpf, cnpj
