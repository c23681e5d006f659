"""Where the cue phrases sit in a message: a phrase inside a stronger one does not count
("nao me mandem mais nada" is no goodbye), nor a call-me inside a when-question."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

from pyloto_corp.domain.language.normalize import is_laughter, tokens
from pyloto_corp.domain.understanding.cues import ActCues, covered
from pyloto_corp.domain.understanding.spans import clauses

Span = tuple[int, int]
SHORT_ASK = 2  # "atendente": a role alone asks for it
REQUEST_REACH = 5  # "quero tirar uma duvida com o gerente": the request may come a bit before
_SEGMENT = re.compile(r"[,.!?;:\n]+")
_PLEASE = frozenset(("por", "favor", "pf", "pfv", "pfvr", "porfavor", "please", "pls", "urgente"))
_OPENERS = frozenset(("e", "mas", "ok", "entao", "ta", "blz", "beleza", "certo"))
_DAYTIME = frozenset(("bom dia", "boa tarde", "boa noite", "bom", "boa"))
_SETS = ("switch", "greeting", "thanks", "goodbye", "opt_out", "human", "human_word",
         "request", "followup", "not_followup", "support", "abuse", "when_question",
         "lead_in", "mock")  # fmt: skip


@dataclass(frozen=True, slots=True)
class Found:
    """The cues of a message, already weighed against each other."""

    words: tuple[str, ...]  # without laughter
    asks: bool  # a clause opens with a question word, or "quero saber"
    greeting: bool
    thanks: bool
    human: bool
    followup: bool
    support: bool
    opt_out: tuple[Span, ...]
    affirm: bool
    deny: bool
    ack: bool  # the yes is only an acknowledgement ("blz entao")
    switch: bool = False  # "ta, e o site?", "quero também": another subject brought up


def _words_of(pieces: list[str], abbreviations: Mapping[str, str]) -> list[list[str]]:
    said = [" ".join(w for w in p.split() if not is_laughter(w)) for p in pieces]
    return [tokens(p, abbreviations) for p in said]


def _outside(spans: list[Span], stronger: list[Span]) -> list[Span]:
    return [s for s in spans if not any(a <= s[0] and s[1] <= b for a, b in stronger)]


def inside(spans: list[Span], outer: list[Span]) -> bool:
    """Every span is part of an outer one (an opt-out inside a goodbye: "nao quero mais nada")."""
    return bool(outer) and all(any(a <= s and e <= b for a, b in outer) for s, e in spans)


def _apart(spans: list[Span], stronger: list[Span]) -> list[Span]:
    return [s for s in spans if not any(a < s[1] and s[0] < b for a, b in stronger)]


def found_in(text: str, cues: ActCues) -> Found:
    pieces = clauses(text)
    worded = _words_of(pieces, cues.abbreviations)
    parts = [p for p in worded if p]
    asked_parts = [c.rstrip().endswith("?") for c, p in zip(pieces, worded, strict=True) if p]
    starts, at = [], 0
    for part in parts:
        starts.append(at)
        at += len(part)
    words = [w for part in parts for w in part]
    spans = {name: cues.phrases[name].spans(words) for name in _SETS}
    ends = (*starts[1:], len(words)) if starts else ()
    asked = [(s, e) for s, e in zip(starts, ends, strict=True)  # "e quanto tempo demora...?"
             if any(a == s or (a == s + 1 and words[s] in _OPENERS)
                    for a, _ in spans["when_question"])]  # fmt: skip
    requested = [w for w in spans["human_word"]
                 if any(r[0] < w[0] <= r[1] + REQUEST_REACH
                        and not any(r[0] < s <= w[0] for s in starts)
                        for r in spans["request"])]  # fmt: skip
    alone = spans["human_word"] if len(_besides_please(words)) <= SHORT_ASK else []
    liked = [h for h in spans["human"] if _liked(words, h[0])]  # "o cliente gosta de falar
    human = _outside([h for h in spans["human"] if h not in liked], asked) + _outside(
        requested + alone, asked)  # fmt: skip  # com gente": what others like, no request
    calls = _outside(
        spans["followup"], spans["opt_out"] + spans["human"] + spans["not_followup"] + asked
    )
    ends = {*starts[1:], len(words)}
    said_bye = [
        g for g in spans["goodbye"] if (g[1] - g[0] > 1 or g[1] in ends) and not spans["opt_out"]
    ]  # "nao quero mais nada com vcs, me exclui": no bye
    scorn = _scorned(words, starts, asked_parts, spans["mock"])
    farewell = _apart(spans["thanks"] + said_bye, spans["opt_out"] + scorn)
    affirm, deny, ack = _yes_no(text, cues)
    interjection = covered(words[:1], cues.lead_in) and (affirm or deny)
    greeting = (
        _greets(words, spans, set(starts))
        and not interjection
        and not (farewell and _only_courtesy(words, spans, cues))
    )
    asks = any(cues.question.starts(p) and not (_cleft(p) or cues.praise.find(p))
               for p in parts) or cues.ask.find(words)  # fmt: skip  # not "vcs sao uns anjos"
    return Found(
        tuple(words), bool(asks),
        greeting, bool(farewell), bool(human), bool(calls),
        bool(spans["support"]) or _about_service(words, cues),
        tuple(spans["opt_out"]), affirm, deny, ack,
        any(words[a:e] not in (["e", "o"], ["e", "a"]) or a in starts for a, e in spans["switch"]),
    )  # fmt: skip  # "o paciente e o fisio ver a agenda": "e o" mid-clause lists, not switches


def _scorned(
    words: list[str], starts: list[int], asked: list[bool], mock: list[Span]
) -> list[Span]:
    """ "obrigado nada, cadê meu pedido?", "valeu o quê?", "Tchau? e o meu cadastro?": thanks
    said in scorn, within one clause ("obrigado, nada mais" and "valeu, nada não" thank)."""
    ends = (*starts[1:], len(words)) if starts else ()
    said = [(a, b) for a, b in mock if not any(a < s < b for s in starts)
            and (b in starts or words[b : b + 1] not in (["mais"], ["nao"]))]  # fmt: skip
    return said + [(s, e) for s, e, q in zip(starts, ends, asked, strict=True) if q and e - s == 1]


_CLEFT_HEADS = (("o", "que"), ("o", "q"), ("quem",), ("onde",), ("quando",))
_CLEFT_VERBS = frozenset(("e", "eh", "sou", "foi", "era"))


def _cleft(part: list[str]) -> bool:
    """ "o que eu quero é um site", "quem vai falar é a minha mãe": a statement that opens
    like a question ("o que é isso", "quem é você" stay questions)."""
    head = next((h for h in _CLEFT_HEADS if tuple(part[: len(h)]) == h), None)
    rest = part[len(head) :] if head else []
    at = next((i for i, w in enumerate(rest[:6]) if w in _CLEFT_VERBS), None)
    return at is not None and at > 0 and len(rest) > at + 1


def _besides_please(words: list[str]) -> list[str]:
    """ "atendente por favor": a role alone, asked politely."""
    return [w for w in words if w not in _PLEASE]


def _about_service(words: list[str], cues: ActCues) -> bool:
    """An action on a delivery ("cancelar a coleta"), or a problem with something Pyloto
    already runs for the person ("o sistema que vcs fizeram parou", "o motoboy faltou")."""
    picked = cues.misclick.spans(words)  # "cliquei errado, quero pedir uma entrega"
    words = [w for i, w in enumerate(words) if not any(a <= i < b for a, b in picked)]
    delivery = cues.delivery_object.find(words)
    if delivery and cues.support_action.find(words):
        return True
    owned = delivery or cues.support_owner.find(words)
    wrong = [a for a, _ in cues.support_problem.spans(words) if words[a - 1 : a] != ["sem"]]
    return owned and bool(wrong)  # "to sem ninguem pra levar as pizza": no one to hire


def _yes_no(text: str, cues: ActCues) -> tuple[bool, bool, bool]:
    """A yes or no opening the message, after an interjection ("opa, tenho sim")."""
    segments = [s for s in _words_of(_SEGMENT.split(text), cues.abbreviations) if s]
    lead = 0
    while lead < len(segments) - 1 and covered(segments[lead], cues.lead_in, cues.thanks):
        lead += 1
    if not segments[lead:]:
        return False, False, False
    first = segments[lead]
    while len(first) > 1 and cues.lead_in.starts(first[:1]) and not cues.affirm.starts(first):
        first = first[1:]  # "ah blz pode ser": the interjection before the yes
    tail = [w for s in segments[lead:] for w in s]
    others = max(cues.dont_know.starts(tail), cues.opt_out.starts(tail))
    yes, no = cues.affirm.starts(first), cues.deny.starts(tail)
    portuguese = len(first) > 1 and first[1] not in _FOREIGN_AFTER_NO  # "no sábado tb"
    no = 0 if tail[:1] == ["no"] and no == 1 and portuguese else no  # not "no thanks"
    closed = covered(first[yes:], cues.filler, cues.thanks, cues.goodbye, cues.affirm, cues.abuse)
    affirm = yes > 0 and (yes == len(first) or closed) and yes >= others
    ack = affirm and cues.acknowledge.starts(first) >= yes
    return affirm, no > 0 and no >= others, ack


_FOREIGN_AFTER_NO = frozenset(("thanks", "thank", "gracias", "that", "thats", "bye", "way", "eso",
                               "i", "it", "more", "need", "sir", "senor", "problem"))  # fmt: skip


_LIKES = (("gosta", "de"), ("gostam", "de"), ("prefere",), ("preferem",), ("curte",),
          ("curtem",), ("gosta", "mais", "de"), ("gostam", "mais", "de"))  # fmt: skip


def _liked(words: list[str], at: int) -> bool:
    """The human words follow what someone likes ("meu cliente gosta de falar com gente")."""
    return any(tuple(words[max(0, at - len(lead)) : at]) == lead for lead in _LIKES)


def _greets(words: list[str], spans: Mapping[str, list[Span]], starts: set[int]) -> bool:
    """A greeting opens a clause ("..., e bom dia pra vc tb") and is not a come-on."""
    opens = starts | {s + 1 for s in starts if s < len(words) and words[s] == "e"}
    found = _outside([s for s in spans["greeting"] if s[0] in opens], spans["abuse"])
    return bool(found)


def _only_courtesy(words: list[str], spans: Mapping[str, list[Span]], cues: ActCues) -> bool:
    """ "boa noite, obrigado": the time of day says goodbye, beside a thank-you."""
    said = {" ".join(words[s:e]) for s, e in spans["greeting"]}
    return said <= _DAYTIME and covered(words, cues.greeting, cues.thanks, cues.goodbye,
                                        cues.filler)  # fmt: skip
