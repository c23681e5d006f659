"""argparse's own messages in Brazilian Portuguese (usage, help titles, usage errors).

argparse looks each message up through ``gettext`` (``argparse._`` and ``argparse.ngettext``);
``portuguese()`` swaps those two lookups while the parser is built and while it parses.
"""

from __future__ import annotations

import argparse
from collections.abc import Iterator
from contextlib import contextmanager

MESSAGES = {
    "usage: ": "uso: ",
    "positional arguments": "argumentos posicionais",
    "options": "opções",
    "show this help message and exit": "mostra esta ajuda e sai",
    "%(prog)s: error: %(message)s\n": "%(prog)s: erro: %(message)s\n",
    "argument %(argument_name)s: %(message)s": "argumento %(argument_name)s: %(message)s",
    "the following arguments are required: %s": "faltam os argumentos obrigatórios: %s",
    "one of the arguments %s is required": "é obrigatório um dos argumentos %s",
    "not allowed with argument %s": "não pode ser usado junto com %s",
    "unrecognized arguments: %s": "argumentos não reconhecidos: %s",
    "invalid choice: %(value)r (choose from %(choices)s)": (
        "opção inválida: %(value)r (escolha entre %(choices)s)"
    ),
    "invalid %(type)s value: %(value)r": "valor inválido (%(type)s): %(value)r",
    "expected one argument": "falta o valor deste argumento",
    "expected at most one argument": "no máximo um valor",
    "expected at least one argument": "pelo menos um valor",
    "ambiguous option: %(option)s could match %(matches)s": (
        "opção ambígua: %(option)s pode ser %(matches)s"
    ),
    "ignored explicit argument %r": "valor ignorado: %r",
    "unexpected option string: %s": "opção inesperada: %s",
    "can't open '%(filename)s': %(error)s": "não consegui abrir '%(filename)s': %(error)s",
    "unknown parser %(parser_name)r (choices: %(choices)s)": (
        "comando desconhecido %(parser_name)r (opções: %(choices)s)"
    ),
}
PLURALS = {"expected %s argument": ("esperado %s valor", "esperados %s valores")}


def translate(message: str) -> str:
    return MESSAGES.get(message, message)


def translate_plural(singular: str, plural: str, count: int) -> str:
    one, many = PLURALS.get(singular, (singular, plural))
    return one if count == 1 else many


@contextmanager
def portuguese() -> Iterator[None]:
    """argparse speaks pt-BR inside the block (the CLI builds and parses inside it)."""
    saved = argparse._, argparse.ngettext  # type: ignore[attr-defined]
    argparse._, argparse.ngettext = translate, translate_plural  # type: ignore[attr-defined]
    try:
        yield
    finally:
        argparse._, argparse.ngettext = saved  # type: ignore[attr-defined]
