"""Volumes with their period and budgets, from the numbers in a message (counts of people:
``people``). Money is never a count ("R$ 30 mil", "30k de orçamento"); a range keeps its upper
end ("10 a 15" → 15); a volume keeps its period ("umas 200 por dia" → "200/dia").
"""

from __future__ import annotations

from collections.abc import Sequence

from pyloto_corp.domain.language.numbers import Number, number_words, numbers
from pyloto_corp.domain.language.people_roots import PEOPLE

MONEY_WORDS = frozenset(("reais", "conto", "contos", "pila", "pilas", "mangos"))  # "na real": no
REVENUE = frozenset(("faturamos", "faturo", "faturamento", "fatura", "faturam", "vendemos"))
# What the person can spend, before or after the figure ("tenho uns 5 mil pra investir").
BUDGET_CUES = frozenset(("orcamento", "investir", "investimento", "verba", "budget", "valor",
                         "pagar", "gastar", "pago", "pagaria", "teto", "separei", "separado",
                         "reservado", "disponivel", "limite", "guardado", "guardados", "guardei",
                         "juntei", "juntado"))  # fmt: skip
# What something costs: money, but no budget ("o sistema atual custa 1.800", "cobram 2 mil").
PRICE = frozenset(("custa", "custo", "preco", "cobra", "cobram", "cobrar", "mensalidade", "vendo",
                   "ganham", "ganha", "ganho", "salario", "salarios", "pagamos", "passou",
                   "vende", "cobro", "caro", "barato", "ticket", "comeca", "plano"))  # fmt: skip
SPENDING_AFTER = frozenset((("de", "orcamento"), ("pra", "investir"), ("para", "investir"),
                            ("de", "budget"), ("pra", "gastar"),
                            ("de", "investimento")))  # fmt: skip
ALONE_AFTER = frozenset(("e", "mas", "ta", "foi", "pra", "no", "ou", "tudo", "fechado", "mais"))
RANGE_LINKS = frozenset(("a", "e", "ate", "ou", "-", "/"))
PERIODS = {"dia": "dia", "semana": "semana", "mes": "mês", "noite": "noite", "hora": "hora",
           "fds": "fim de semana", "sabado": "sábado", "domingo": "domingo",
           "turno": "turno"}  # fmt: skip
ADJECTIVES = {"diario": "dia", "diarios": "dia", "diaria": "dia", "diarias": "dia",
              "semanais": "semana", "semanal": "semana", "mensal": "mês",
              "mensais": "mês"}  # fmt: skip
# "60 por noite", "200/dia", "40 no fim de semana"; never "em 3 meses" (a deadline).
BREAKS = frozenset(("e", "mas", "ah", "que", "preciso", "quero", "tenho", "vou"))  # "9 mil. ah,..."
PER = frozenset(("por", "/", "ao", "a", "p", "pra", "cada", "na", "no", "num", "numa", "todo",
                 "toda", "pro", "pela", "pelo"))  # fmt: skip
PHONE_DIGITS = 8
MODELS = frozenset(("pop", "cg", "fan", "titan", "biz", "factor", "bros", "xre", "nmax", "pcx",
                    "ybr", "lander", "twister", "hornet", "cb", "crf", "xtz", "cep", "celta", "uno",
                    "gol", "palio", "onix", "hb20"))  # fmt: skip
DURATIONS = frozenset(("ano", "anos", "meses", "mes", "semanas", "dias", "horas", "minutos"))


def money(words: Sequence[str], n: Number) -> bool:
    """An amount of money: "R$", "reais", "30k", after "orçamento", "custa", "faturo"..."""
    return money_said(words, n) is not None


_SPEND = frozenset(("gastar", "investir", "gasto", "investimento", "colocar", "separar"))


def money_said(words: Sequence[str], n: Number) -> str | None:
    """What kind of money: ``budget`` (what the person can spend), ``price`` (what something
    costs, revenue), ``amount`` (money, nothing said about whose), or None (no money)."""
    before = words[max(0, n.start - 6) : n.start]
    asked = "quanto" in before and not (_SPEND & set(before) or _hedged(before))
    counted = people_after(words, n.end)  # "emissão de ticket, uns 6 usuários": people
    priced = PRICE & set(before[-4:]) and not _hedged(before)
    if (REVENUE & set(before[-4:]) or priced or asked) and not counted:
        return "price"  # "faturo 50 mil", "o sistema atual custa 1.800", "quanto custa? 2 mil?"
    after = words[n.end : n.end + 3]
    spent = BUDGET_CUES & set(before + after[:2]) or _SPEND & set(words[n.end : n.end + 5])
    spending = tuple(after[:2]) in SPENDING_AFTER
    if before[-1:] in (["$"], ["r"]) or before[-2:] == ["$", "uns"] or MONEY_WORDS & set(after[:2]):
        return "budget" if spent or spending else "amount"
    people = people_after(words, n.end)
    if spent and not people:
        return "budget"  # "o orçamento é de uns 3 mil por mês"
    if period_after(words, n.end) or people:
        return None  # "5k por mês" is a volume, "sai uns 60 pedidos por noite" too
    if spending:
        return "budget"
    thousands = n.end > n.start + 1 and words[n.end - 1] in ("k", "mil")
    ends = n.end >= len(words) or words[n.end] in ALONE_AFTER
    return "amount" if thousands and (words[n.end - 1] == "k" or ends) else None


def _hedged(before: Sequence[str]) -> bool:
    """ "depende do preço né, uns 100 200 por mês": the price is what it depends on; "não sei
    quanto custa isso, uns 200 300 dá pra pagar": what the person does not know."""
    unknown = any({"sei", "ideia"} & set(before[max(0, i - 3) : i])
                  for i, w in enumerate(before) if w == "quanto")  # fmt: skip
    at = [i for i, w in enumerate(before) if w in PRICE]
    return unknown or (bool(at) and all(before[max(0, i - 2) : i - 1] == ["depende"] for i in at))


def people_after(words: Sequence[str], end: int) -> bool:
    following = [w for w in words[end : end + 3] if w not in ("de", "mais", "no", "total")]
    return bool(following) and following[0].startswith(PEOPLE)


def period_after(words: Sequence[str], end: int) -> str | None:
    """ "pedidos por dia", "/mês", "no fim de semana", "por noite": the period, if any."""
    j, linked = end, False
    for _ in range(5):
        if j >= len(words):
            return None
        word = words[j]
        if word in ADJECTIVES:
            return ADJECTIVES[word]
        if linked and word in PERIODS:
            return PERIODS[word]
        if linked and word in ("fim", "final") and words[j + 1 : j + 3] == ["de", "semana"]:
            return "fim de semana"
        if (not word.isalpha() and word not in ("/", "-")) or word in BREAKS:
            return None
        linked = linked or word in PER
        j += 1
    return None


def is_phone(words: Sequence[str], n: Number) -> bool:
    """A phone number, a CEP, a model ("Pop 110", "CG 160"), a duration ("3 meses"): no count."""
    if words[n.start - 1 : n.start] and words[n.start - 1] in MODELS:
        return True
    joined = [w for w in words[max(0, n.start - 5) : n.start] if not w.isdigit() and w != "-"]
    if joined[-3:] and {"numero", "telefone", "fone", "celular", "cel"} & set(joined[-3:]) and (
        not people_after(words, n.end)) and (
        set(joined[-2:]) <= {"numero", "telefone", "fone", "celular", "cel", "e", "eh", "meu",
                             "o", "é"}):  # fmt: skip
        return True  # "meu número é 41 99876-5432"
    if words[n.end : n.end + 1] and words[n.end] in DURATIONS:
        return True
    year = words[n.start].isdigit() and 1950 <= int(words[n.start]) <= 2099
    if year and words[n.start - 1 : n.start] in (["de"], ["desde"], ["em"]):
        return True  # "a empresa é de 2015"
    digits = words[n.start].split(".")[0]
    return n.start + 1 == n.end and digits.isdigit() and len(digits) >= PHONE_DIGITS


def upper_of(found: list[Number], words: Sequence[str], i: int) -> Number:
    """ "10 a 15", "entre 10 e 15", "R$ 5.000 a R$ 7.000": the range's upper end."""
    if i + 1 >= len(found):
        return found[i]
    between = [w for w in words[found[i].end : found[i + 1].start] if w not in ("r", "$")]
    linked = not between or (len(between) == 1 and between[0] in RANGE_LINKS)  # "uns 7 8"
    if linked and found[i + 1].value > found[i].value:
        return found[i + 1]
    return found[i]


def volume(text: str, *, answer: bool = False) -> str | None:
    """ "umas 200 por dia" → "200/dia"; "10 a 15 por dia" → "10-15/dia"; two figures → "; "."""
    words = number_words(text)
    found = [n for n in numbers(words) if not money(words, n) and not is_phone(words, n)
             and (words[n.start] not in ("um", "uma") or (answer and _one(words, n)))]  # fmt: skip
    figures, i = [], 0
    while i < len(found):
        upper = upper_of(found, words, i)
        period = period_after(words, upper.end) or _period_before(words, found[i].start, upper)
        span = f"{found[i].value}-{upper.value}" if upper is not found[i] else str(upper.value)
        if period and not people_after(words, upper.end) and not _spent(words, found[i], upper):
            figures.append(f"{span}/{period}")
        i = found.index(upper) + 1
    if figures:
        return "; ".join(figures)
    return str(upper_of(found, words, 0).value) if answer and found else None


SPENDING = frozenset(("consigo", "posso", "pago", "pagaria", "pagar", "gastar", "gasto", "ate"))
COUNTED = ("mensage", "msg", "pedido", "entrega", "conversa", "atendimento", "corrida")


def _one(words: Sequence[str], n: Number) -> bool:
    """ "uma por dia", "só uma", "uma ou duas": one counted; "é uma loucura": an article."""
    after = words[n.end : n.end + 1]
    return not after or after[0] in PER | RANGE_LINKS or after[0] in PERIODS or after[
        0].startswith(COUNTED)  # fmt: skip


def _period_before(words: Sequence[str], start: int, upper: Number) -> str | None:
    """ "em noite de fim de semana chega umas 300 mensagens": the period said first, for a
    figure of messages, orders or deliveries."""
    if not words[upper.end : upper.end + 1] or not words[upper.end].startswith(COUNTED):
        return None
    for j in range(max(0, start - 7), start):
        period = PERIODS.get(words[j]) or ("fim de semana" if words[j : j + 3] == [
            "fim", "de", "semana"] else None)  # fmt: skip
        if period and words[j - 1 : j] and words[j - 1] in PER | {"em", "de"}:
            return period
    return None


def _spent(words: Sequence[str], first: Number, upper: Number) -> bool:
    """ "consigo 1.200 por mês", "até 400 por mês dá", "uns 500 por mês, é pouco?": what the
    person can pay, with nothing counted between the figure and its period."""
    counted = words[upper.end : upper.end + 1] not in (["por"], ["ao"], ["/"], ["no"], ["na"])
    cue = bool(SPENDING & set(words[max(0, first.start - 2) : first.start]))
    later = words[upper.end : upper.end + 6]  # "uns 500 por mês pra gastar com isso"
    pricey = any(w in ("pouco", "caro", "barato") or w in _SPEND for w in later)
    return not counted and (cue or pricey)
