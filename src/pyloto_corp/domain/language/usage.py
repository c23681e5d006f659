"""What a courier or a business says about how it works: the vehicle ("tenho uma biz"), when
one can work ("seg a sex de noite"), the channels it answers on ("zap e insta")."""

from __future__ import annotations

from pyloto_corp.domain.language.clock import clock_periods, spanned
from pyloto_corp.domain.language.gazetteer import Gazetteer

CALL_BACK = ("lig", "chama", "retorn", "falar", "conversar", "contat", "melhor")
DAYS = frozenset(("amanha", "hoje", "depois", "fim", "final", "dia"))
WEEKDAYS = frozenset(("segunda", "terca", "quarta", "quinta", "sexta", "sabado", "domingo"))
# "vi no insta", "me indicaram pelo zap"
NOT_USED = frozenset(("vi", "anuncio", "propaganda", "achei", "conheci", "indicaram", "indicou",
                      "passaram", "amigo", "grupo"))  # fmt: skip
DROPPED = frozenset(
    (
        "deixou",
        "deixamos",
        "deixei",
        "larguei",
        "parou",
        "paramos",
        "parei",
        "abandonamos",
        "desativei",
        "desativamos",
    )
)  # "o insta a gente deixou de lado"
MODELS = frozenset(
    (
        "titan",
        "fan",
        "cg",
        "bros",
        "twister",
        "lander",
        "hornet",
        "crosser",
        "pop",
        "factor",
        "montana",
        "start",
    )
)  # names that are also words
OWNING = frozenset(("uma", "um", "minha", "meu", "tenho", "de", "com", "numa", "num", "a", "o",
                    "da", "do", "veiculo", "moto"))  # fmt: skip
OUT_OF_USE = frozenset(("conserto", "oficina", "quebrou", "quebrada", "quebrado", "roubada",
                        "roubado", "roubaram", "batida", "batido"))  # fmt: skip
SET_ASIDE = frozenset(("vez", "sem", "nao", "tira", "tirar", "menos", "exceto", "tirando",
                       "ninguem"))  # fmt: skip


def channels(words: list[str], gazetteer: Gazetteer) -> tuple[str, ...]:
    """Channels named, not one set aside ("em vez do site", "sem instagram", "tira o email")."""
    kept = []
    for i, word in enumerate(words):
        if word not in gazetteer.channels or _set_aside(words, i, gazetteer):
            continue
        following = words[i + 1 : i + 3]
        number = following[:1] if following[:1] not in (["e"], ["eh"]) else following[1:]
        phone = bool(number) and len(number[0]) >= 2 and number[0].isdigit()  # "telefone 42..."
        if words[i - 1 : i] in (["um"], ["uma"]) or phone:
            continue  # "quero um site" (the product), "meu telefone é 42..."
        kept.append(gazetteer.channels[word])
    return tuple(dict.fromkeys(kept))


def dropped_channels(words: list[str], gazetteer: Gazetteer) -> tuple[str, ...]:
    """Channels taken out ("telefone fixo não precisa, tira", "site nem precisa")."""
    found = (gazetteer.channels[w] for i, w in enumerate(words)
             if w in gazetteer.channels and _set_aside(words, i, gazetteer))  # fmt: skip
    return tuple(dict.fromkeys(found))


def _set_aside(words: list[str], i: int, gazetteer: Gazetteer) -> bool:
    before, after = set(words[max(0, i - 4) : i]), set(words[i + 1 : i + 6])
    near = []
    for w in words[i + 1 : i + 5]:
        if w in gazetteer.channels:
            break
        near.append(w)
    pairs = {tuple(near[j : j + 2]) for j in range(len(near))}
    at = i + 1 + near.index("tira") if "tira" in near else None  # "telefone não precisa, tira"
    theirs = at is not None and any(w in gazetteer.channels for w in words[at + 1 : at + 3])
    unwanted = (at is not None and not theirs) or bool(pairs & NOT_NEEDED)
    refused = words[i + 1 : i + 2] == ["nao"] and (  # "só whatsapp, email não"
        i + 2 >= len(words) or words[i + 2] in ("e", "mas", "so", "pq", "porque")
    )
    return bool((SET_ASIDE | NOT_USED) & before or DROPPED & after) or unwanted or refused


NOT_NEEDED = frozenset((("nem", "precisa"), ("nao", "precisa"), ("nao", "uso"), ("nao", "usa"),
                        ("nao", "usamos"), ("nao", "quero"), ("pode", "tirar")))  # fmt: skip
GONE = frozenset(
    (
        "vendi",
        "vendeu",
        "vendemos",
        "troquei",
        "trocar",
        "roubaram",
        "bateu",
        "bati",
        "perdi",
        "tinha",
        "quebrou",
    )
)  # "vendi a moto": no longer the vehicle


def vehicle(words: list[str], gazetteer: Gazetteer) -> str | None:
    """The last vehicle named ("vou de bike, agora tenho uma biz"); a model's name only as a
    vehicle ("tenho uma pop", never "Smash Bros Burger"), none set aside ("esquece a moto")."""
    found = None
    for i, word in enumerate(words):
        if word not in gazetteer.vehicles or (word == "pe" and words[i - 1 : i] != ["a"]):
            continue
        sized = words[i + 1 : i + 2] and words[i + 1].isdigit()  # "cg 150", "titan 160"
        if word in MODELS and not (set(words[max(0, i - 2) : i]) & OWNING or sized):
            continue
        before, after = set(words[max(0, i - 3) : i]), words[i + 1 : i + 5]
        after = after[: next((n for n, w in enumerate(after) if w in gazetteer.vehicles), 4)]
        out = bool(OUT_OF_USE & set(after))  # "a moto tá no conserto"; "de carro, a moto..."
        if not ((SET_ASIDE | GONE) & before or out) and words[i - 1 : i] != ["esquece"]:
            found = gazetteer.vehicles[word]
    return found


def availability(words: list[str], gazetteer: Gazetteer) -> tuple[str, ...]:
    """Periods of the day or week, in the order said; plurals count ("noites", "sábados")."""
    table = gazetteer.availability
    words = [w[:-1] if w.endswith("s") and (w[:-1],) in table and (w,) not in table else w
             for w in words]  # fmt: skip
    said: list[tuple[int, str]] = []
    calling = any(w.startswith(CALL_BACK) for w in words)
    i = 0
    while i < len(words):
        size = next((n for n in (4, 3, 2, 1) if tuple(words[i : i + n]) in table), 0)
        value = table.get(tuple(words[i : i + size])) if size else None
        if value and not _not_available(words, i, size, calling):
            said.append((i, value))
        i += size or 1
    if not calling:  # "das 18 às 23", "18h-23h": the periods those hours cover
        said += clock_periods(words)
    said = sorted(said, key=lambda s: s[0])
    return tuple(dict.fromkeys(value for _, value in spanned(said, words)))


def _not_available(words: list[str], i: int, size: int, calling: bool) -> bool:
    """ "60 por noite" (a volume), "me liga amanhã de manhã" (a call-back time), "de manhã
    não dá": no availability."""
    before, after = words[max(0, i - 3) : i], words[i + size : i + size + 3]
    when = (DAYS | WEEKDAYS) if calling else frozenset(("amanha", "hoje"))
    clock = before[-1:] in (["da"], ["das"]) and before[-2:-1] and before[-2].isdigit()
    clock = clock or (before[-1:] in (["no"], ["na"], ["por"]) and any(w.isdigit() for w in before))
    counted = (after[:1] in (["umas"], ["uns"]) or (after[:1] and after[0].isdigit())) and (
        "por" in words[i + size : i + size + 5]
    )  # "no fds umas 90 por noite": a volume's period
    aside = bool(SET_ASIDE & set(before[-2:])) or after[:1] == ["demais"]  # "tarde demais"
    per = words[i - 1 : i] in (["por"], ["cada"])
    busy = (bool({"pq", "porque"} & set(before[-3:])) or after[:1] in (["eu"], ["estou"])) and (
        bool(BUSY & set(after)))  # "pq de manhã eu estudo", "de manhã tô no cursinho"  # fmt: skip
    return per or busy or bool(set(before) & when) or clock or aside or counted or (
        after[:1] == ["nao"] or (calling and bool(set(after[:2]) & when)))  # fmt: skip


BUSY = frozenset(("estudo", "trabalho", "aula", "escola", "faculdade", "curso", "ocupado",
                  "ocupada", "fico", "cursinho", "colegio", "servico", "trampo", "emprego",
                  "trabalhando", "estudando"))  # fmt: skip
