"""Pieces of a message: clauses, time phrases, menu numbers, language; slot value fallbacks."""

from __future__ import annotations

from datetime import date

import pytest

from pyloto_corp.adapters.language.resources import bundled_cues, bundled_gazetteer
from pyloto_corp.domain.understanding.fallbacks import first_part, loose
from pyloto_corp.domain.understanding.spans import (
    clauses,
    is_question,
    language,
    option_number,
    time_phrase,
)
from pyloto_corp.domain.understanding.values import fits


def test_clauses_cut_at_sentence_ends_and_keep_the_question_mark() -> None:
    assert clauses("Londrina. vcs ficam onde?") == ["Londrina", "vcs ficam onde?"]
    assert clauses("moto, mas me liga amanha") == ["moto", "mas me liga amanha"]
    assert clauses("as 14:30 ou 1.500") == ["as 14:30 ou 1.500"]
    assert clauses("?? ...") == []
    assert is_question("onde?", "x") and is_question("x", "onde fica?")
    assert not is_question("onde", "x")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("amanhã de manhã", "amanhã de manhã"),
        ("pode me ligar amanhã à tarde", "amanhã à tarde"),
        ("boa tarde", None),
        ("boa tarde, me liga amanha", "amanha"),
        ("me chama semana que vem", "semana que vem"),
        ("daqui 2 horas", "daqui 2 horas"),
        ("agora mesmo se puder", "agora mesmo"),
        ("qualquer horario comercial", "qualquer horario comercial"),
        ("depois das 14h", "depois das 14h"),
        ("depois eu vejo", None),
        ("as 15 de preferencia", "as 15"),
        ("dia 20", "dia 20"),
        ("um dia", None),
        ("me liga", None),
    ],
)
def test_time_phrases_in_the_persons_words(text: str, expected: str | None) -> None:
    assert time_phrase(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2", 2), ("opcao 4", 4), ("a quarta", 4), ("a ultima", 6), ("opcao seis", 6),
        ("la opcion 4", 4), ("option 2 please", 2), ("a 3, e urgente", 3),
        ("bom dia! opcao 1", 1), ("3 pessoas", None), ("9", None), ("terceira", 3),
        ("quero o sistema", None),
    ],
)  # fmt: skip
def test_menu_numbers(text: str, expected: int | None) -> None:
    assert option_number(text, 6) == expected


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        ("hello do you build mobile apps", "en"),
        ("quiero hablar con una persona", "es"),
        ("thanks", "en"),
        ("quero um sistema para a loja", None),
        ("ok", None),
        ("", None),
        ("no gracias", "es"),  # one word of its own, the rest shared
        ("manana por la tarde", "es"),
        ("me llamo pedro gomez", "es"),
        ("as soon as possible", "en"),
        ("ok thanks", "en"),
        ("delivery rapido", None),  # a loanword beside unknown words
        ("whatsapp and instagram", None),
        ("me llamo pedro gomez da silva", None),  # too long for one word to tell
        ("falou que ia me ligar e nada me liga hoje por favor", None),
        ("buenas tche", None),
        ("somos de campina grande", None),
    ],
)
def test_language(words: str, expected: str | None) -> None:
    assert language(words.split(), bundled_cues().languages) == expected


@pytest.mark.parametrize(
    ("kind", "text", "expected"),
    [
        ("vehicle", "tenho uma biz 125", "moto"),
        ("vehicle", "uma saveiro", "utilitario"),
        ("vehicle", "um gol 2010", "carro"),
        ("vehicle", "a pe nao", None),
        ("availability", "qualquer dia, menos quarta", "qualquer dia, menos quarta"),
        ("availability", "sempre", None),
        ("budget", "nada", None),
        ("text", "qualquer", None),
    ],
)
def test_loose_values(kind: str, text: str, expected: object) -> None:
    assert loose(kind, text) == expected


def test_first_part_of_a_place_or_a_name() -> None:
    assert first_part("em Sinop, no Mato Grosso", "place") == "Sinop"
    assert first_part("pode me chamar de Binho", "name") == "Binho"


def test_fits_reads_names_and_places_loosely() -> None:
    gazetteer = bundled_gazetteer()
    assert fits("name", "Francisco das Chagas da Silva", gazetteer)
    assert fits("name", "pode me chamar de Binho", gazetteer) == "Binho"
    assert fits("city", "Petrópolis, na serra", gazetteer) == "Petrópolis"
    assert fits("vehicle", "motoca", gazetteer) == "moto"
    assert fits("vehicle", "motoca", gazetteer, strict=True) == "moto"  # a known nickname


@pytest.mark.parametrize(
    ("kind", "text", "expected"),
    [
        ("text", "ok", None),
        ("text", "quero um app de estoque", "quero um app de estoque"),
        ("name", "sou o gerente da loja de sapatos no centro da cidade", None),
        ("count", "umas 20 pessoas", 20),
        ("volume", "uns 300", "300"),
        ("volume", "muitas", None),
        ("volume", "mais de mil por mes", "1000/mês"),
        ("count", "umas mil pessoas", 1000),
        ("availability", "a noite", ["noite"]),
        ("channels", "whatsapp e instagram", ["whatsapp", "instagram"]),
        ("business", "xy", None),
        ("business", "loja de roupas", "loja de roupas"),
        ("budget", "uns 5 mil", 5000),
        ("city", "123", None),
    ],
)
def test_fits_by_kind(kind: str, text: str, expected: object) -> None:
    value = fits(kind, text, bundled_gazetteer())
    assert (list(value) if isinstance(value, tuple) else value) == expected or (
        expected is not None and value
    )


def test_a_deadline_answer_is_read_from_the_day_it_was_sent() -> None:
    gazetteer, friday = bundled_gazetteer(), date(2026, 12, 4)
    assert fits("deadline", "até dezembro", gazetteer, today=friday) == "2026-12-31"
    assert fits("deadline", "julho no maximo", gazetteer, today=friday) == "2027-07-31"
    assert fits("deadline", "amanhã", gazetteer, today=friday) == "2026-12-05"
    assert fits("deadline", "logo", gazetteer, today=friday) is None
    assert fits("deadline", "até dezembro", gazetteer) is None  # no day, no date


def test_a_strict_reading_takes_only_recognised_values() -> None:
    gazetteer = bundled_gazetteer()
    assert fits("city", "Curitiba?", gazetteer, strict=True) == "Curitiba"
    assert fits("text", "qual o preco?", gazetteer, strict=True) is None
