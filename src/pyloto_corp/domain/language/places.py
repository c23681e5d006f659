"""Where the person is: a city in an answer ("moro em ponta grosa pr") or said in passing
("sou de Castro", "aqui em Itajaí/SC"), checked against the IBGE list (SPEC §10)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from pyloto_corp.domain.language.cities import Cities, City

# Words that lead into a place in an answer: "moro em", "sou de", "aqui é", "cidade de".
LEAD_INS = frozenset((
    "moro", "mora", "moramos", "em", "na", "no", "de", "da", "do", "sou", "somos", "aqui", "e",
    "cidade", "municipio", "fico", "fica", "ficamos", "trabalho", "atuo", "atendo", "eu", "to",
    "tou", "estou", "estamos", "aki", "la", "atualmente", "hoje", "a", "o", "minha", "nossa",
    "loja", "empresa", "nois", "nos", "gente", "sim", "oi", "ola", "bom", "boa", "dia", "tarde",
    "noite", "entao", "bem", "vivo", "resido", "regiao", "perto", "interior", "capital",
))  # fmt: skip
# In passing, a place needs a cue right before it ("em Castro", "sou de Castro").
CUES = frozenset(("em", "moro", "cidade", "municipio", "pra", "para", "aki", "aqui", "en"))
CUED_OF = frozenset(("sou", "somos", "aqui", "aki", "daqui", "la", "cidade", "natural", "falo",
                     "regiao", "perto", "lado", "vim", "venho", "fica", "ficamos"))  # fmt: skip
OF = frozenset(("de", "da", "do"))
# "em março", "de maio": a month, not the municipality of the same name (Marco/CE)
MONTHS = frozenset(("janeiro", "fevereiro", "marco", "abril", "maio", "junho", "julho",
                    "agosto", "setembro", "outubro", "novembro", "dezembro"))  # fmt: skip
ARTICLES = frozenset(("una", "uno", "unas", "unos"))
WHEN = frozenset(("antes", "depois", "ate", "apos", "desde", "pro", "pelo", "no", "passado"))
# State codes that are also everyday words ("se der", "to indo", "pa", "es"): no cue alone.
WORDLIKE_CODES = frozenset(("se", "to", "pa", "pi", "ma", "es", "go", "am", "al", "ac", "ce",
                            "pe", "ba", "rs", "ap"))  # fmt: skip
TRAILING = frozenset(("mesmo", "msm", "ne", "obrigado", "obrigada", "brigado", "valeu", "sim",
                      "estado", "centro", "cidade", "capital"))  # fmt: skip


def state_at(words: Sequence[str], at: int, states: Mapping[tuple[str, ...], str],
             codes: frozenset[str]) -> tuple[str, int] | None:  # fmt: skip
    """A state right at ``words[at]``: its code ("pr") or its name ("parana", "sao paulo")."""
    if at < len(words) and words[at] in codes:
        return words[at].upper(), 1
    for size in (3, 2, 1):
        uf = states.get(tuple(words[at : at + size]))
        if uf is not None and at + size <= len(words):
            return uf, size
    return None


class Places:
    def __init__(self, cities: Cities, states: Mapping[tuple[str, ...], str],
                 codes: frozenset[str]) -> None:  # fmt: skip
        self.cities, self.states, self.codes = cities, states, codes
        self._state_words = codes | {name[0] for name in states}

    def _with_state(self, words: Sequence[str], city: City, start: int, size: int) -> City:
        """ "São José - SC": the state said right after picks among same-named cities."""
        state = state_at(words, start + size, self.states, self.codes)
        if state is None:
            return city
        return self.cities.get(words[start : start + size], state[0]) or city

    def answer(self, words: Sequence[str]) -> City | None:
        """The city in an answer to "qual a sua cidade?": lead-ins and fillers set aside, a
        typo forgiven; None when the answer names no municipality."""
        rest, state = self._core(words)
        exact = self._exact(words)
        if exact is not None and (exact[1] == len(rest) or not rest):
            return exact[0]
        near = self.cities.near(rest, state) if 0 < len(rest) <= 4 else None
        return near or (exact[0] if exact else None)

    def _exact(self, words: Sequence[str]) -> tuple[City, int] | None:
        """The first city named after lead-ins only or right after a cue ("trabalho em X")."""
        for i in range(len(words)):
            hit = self.cities.longest_at(words, i)
            led = all(w in LEAD_INS for w in words[:i]) or (i and words[i - 1] in CUES | OF)
            dated = i > 1 and words[i - 2] in WHEN and words[i - 1] in OF | {"o", "a"}
            if hit is not None and led and not dated:  # "antes do Natal": a holiday
                later = (
                    self._in_city(words, i + hit[1])
                    if words[i - 1 : i] in (["no"], ["na"])
                    else None
                )  # "fica no Portão em Curitiba": the bairro first
                return later or (self._with_state(words, hit[0], i, hit[1]), hit[1])
        return None

    def _in_city(self, words: Sequence[str], start: int) -> tuple[City, int] | None:
        """A city right after "em" further on."""
        for j in range(max(start, 1), len(words)):
            hit = self.cities.longest_at(words, j) if words[j - 1] == "em" else None
            if hit is not None:
                return self._with_state(words, hit[0], j, hit[1]), hit[1]
        return None

    def _core(self, words: Sequence[str]) -> tuple[list[str], str | None]:
        """The answer without lead-ins, trailing fillers and the state (kept apart)."""
        start = next((i for i, w in enumerate(words) if w not in LEAD_INS), len(words))
        rest, state = list(words[start:]), None
        while rest:
            found = state_at(rest, len(rest) - 1, self.states, self.codes)
            if found is None and rest[-1] not in TRAILING:
                break
            state = state or (found[0] if found else None)
            rest.pop()
        return rest, state

    def in_passing(self, words: Sequence[str]) -> City | None:
        """A city named in free text, only behind a cue or followed by its state."""
        stated = bool(self._state_words & set(words))
        for i in range(1, len(words)):
            before = words[i - 1]
            cued = before in CUES or (before in OF and i > 1 and words[i - 2] in CUED_OF)
            if not (cued or stated or before in OF):
                continue  # cheap: most words follow no cue and no state is named
            hit = self.cities.longest_at(words, i)
            if hit is None:
                continue
            cued = cued or (before in OF and hit[1] > 1)  # "o Cícero, de Juazeiro do Norte"
            end = i + hit[1]
            state = state_at(words, end, self.states, self.codes)
            if hit[1] == 1 and (words[i] in MONTHS or words[i] in ARTICLES) and not state:
                continue  # "para una amiga" (Spanish): no Una, BA
            if cued or (state and words[end] not in WORDLIKE_CODES):
                return self._with_state(words, hit[0], i, hit[1])
        return None
