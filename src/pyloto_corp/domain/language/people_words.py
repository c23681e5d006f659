"""The words of a list of people ("eu, o zelador e os 2 porteiros"): verbs of use, links,
articles, nouns of people and of groups, and what stops a list."""

from __future__ import annotations

from collections.abc import Sequence

from pyloto_corp.domain.language.amounts import PEOPLE
from pyloto_corp.domain.language.numbers import Number
from pyloto_corp.domain.language.teams import GROWING, HIRING, ROLES

USE = frozenset(("usar", "usa", "usam", "usando", "usaria", "usariam", "usarem", "usarao", "usado",
                 "usada", "usados", "usadas", "mexer", "mexe", "mexem", "mexendo", "utilizar",
                 "utiliza", "acessar", "usariamos", "usamos", "usaremos", "utilizariam", "acessam",
                 "mexeriam"))  # fmt: skip
BY = frozenset(("por", "pelo", "pela", "pelos", "pelas", "pra", "para", "pro", "pros", "pras"))
COPULA = frozenset(("e", "sao", "sou", "seria", "seriam", "era", "eram", "ser", "somos", "fica"))
LINKS = frozenset(("e", "mais", "+", "com", "so", "somente", "apenas", "tambem", "uns", "umas",
                   "alem", "fora", "todo", "toda", "todos", "todas", *BY))  # fmt: skip
ARTICLES = frozenset(("o", "a", "meu", "minha", "seu", "sua", "outro", "outra"))
BARE = ("marido", "espos", "mulher", "patroa", "patrao", "mainha", "painho", "socio", "socia")
PLURAL = frozenset(("os", "as", "meus", "minhas", "nossos", "nossas"))
# "trabalho sozinha com uma estagiária", "ele e minha mãe vão usar"
ME = frozenset(("eu", "mim", "sozinho", "sozinha", "ele", "ela"))
TOTAL = frozenset(("nos", "somos"))  # "eu e minha mãe, só nós duas": the total, not more
PERSON = (*PEOPLE, *ROLES, "zelador", "porteir", "pastor", "genro", "nora", "neto", "neta",
          "filho", "filha", "irma", "mae", "pai", "menin", "moca", "rapaz", "primo", "prima",
          "tio", "tia", "sobrinh", "marido", "espos", "mulher", "cunhad", "mestre", "vistoriador",
          "encarregad", "lider", "pesso", "mainha", "painho", "estagiari", "sindic", "tatuador",
          "piercer", "voluntari", "editor", "socia", "guris", "gurias", "peao",
          "peoes", "coach", "instrutor", "treinador", "personal", "monitor", "vigia", "porteir",
          "ajudante", "cuidador", "motorist", "produtor", "cooperad", "agricultor",
          "lavrador")  # fmt: skip
GROUPS = frozenset(("pessoal", "equipe", "turma", "galera", "familia", "recepcao", "time", "rh",
                    "administracao", "administrativo", "financeiro", "escritorio", "diretoria",
                    "gerencia", "setor", "departamento", "matriz", "central", "comercial",
                    "gente", "coordenacao", "supervisao", "direcao", "gestao"))  # fmt: skip
STOP = frozenset(("mas", "que", "q", "pq", "porque", "se", "quando", "como", "aqui", "ali", "la",
                  "hoje", "ja", "no", "na", "nos", "nas", "so", "mesmo", "mesma", "msm", *COPULA,
                  *USE))  # fmt: skip
AUXILIARY = frozenset(("vai", "vao", "ia", "iam", "iriam", "vamos", "vou", "que", "quem", "tambem",
                       "todos", "todas", "ai", "so", "ja", "la", "mesmo", "mesma", "pudesse",
                       "pudessem", "possa", "possam", "consiga", "consigam", "podem", "poderiam",
                       "devem"))  # fmt: skip
COMPLEMENT = frozenset(("de", "do", "da", "dos", "das", "no", "na", "nos", "nas"))
UNCLEAR = frozenset(("cada", "depois", "talvez", *GROWING, *HIRING))
FILLERS = frozenset(("acho", "que", "e", "isso", "so", "ne", "mesmo", "msm", "tipo", "ai", "por",
                     "enquanto", "no", "total", "mais", "ou", "menos", "kkk", "entao"))  # fmt: skip
# "a dona Cida", "a dra Renata": a title, then the name
TITLES = frozenset(("dona", "seu", "dr", "dra", "doutor", "doutora", "tia", "tio", "sr", "sra",
                    "prof", "profa"))  # fmt: skip
NEGATION = frozenset(("nao", "nem", "ninguem"))
ONLY = frozenset(("so", "somente", "apenas"))
# "hoje somos 6, mas a equipe nova vai ser de 15": the figure now, and the one it grows to.
NOW = frozenset(("hoje", "hj", "agora", "agr", "atualmente", "enquanto", "comeco", "inicio",
                 "principio", "momento", "primeiro", "testar", "teste"))  # fmt: skip
FUTURE = frozenset(("vai", "vao", "vamos", "seremos", "serao", "sera", "estivermos", "tivermos",
                    "ficaremos", "teremos", "deve", "devem", "devemos", "ir"))  # fmt: skip
# "eu e o robô de vocês": a bot answers, but is no person
BOTS = frozenset(("robo", "robos", "robozinho", "bot", "bots", "chatbot", "ia", "assistente"))
THINGS = frozenset(("sistema", "app", "aplicativo", "site", "ferramenta", "agenda", "plataforma",
                    "programa", "limite", "resto", "dinheiro", "valor", "orcamento",
                    "preco", *BOTS))  # fmt: skip

YEAR_DIGITS = 4
OPENING = frozenset(("abre", "fecha", "abrimos", "fechamos", "abro", "fecho", "abrem", "fecham",
                     "funciona", "funcionamos", "comeca", "comecamos", "termina",
                     "ate"))  # fmt: skip
PLACE_WORDS = frozenset(("rua", "avenida", "av", "numero", "km", "br", "quadra",
                         "lote", "apto", "apartamento", "sala", "cep"))  # fmt: skip
MONTHS = frozenset(("janeiro", "fevereiro", "marco", "abril", "maio", "junho", "julho", "agosto",
                    "setembro", "outubro", "novembro", "dezembro"))  # fmt: skip


def no_people(words: Sequence[str], n: Number) -> bool:
    """An age, a year, a street number or a date: "67 anos", "em 2018", "rua 15 de novembro"."""
    before = words[n.start - 1] if n.start else ""
    after = words[n.end] if n.end < len(words) else ""
    year = words[n.start].isdigit() and len(words[n.start]) == YEAR_DIGITS
    hours = words[n.start].endswith("h") or after in ("horas", "h")  # "atendimento 24h"
    hours = hours or (
        before in ("das", "as")
        and words[n.start - 2 : n.start - 1] in (["depois"], ["antes"], ["partir"], ["apos"])
    )  # "quinta depois das 9"
    hours = hours or (before in ("as", "das") and _opening(words[n.start - 2 : n.start - 1]))
    day = before == "dia" and not after.startswith(PERSON)  # "começar dia 15"
    dated = after in ("anos", "ano") or before in PLACE_WORDS or after in MONTHS
    return dated or year or hours or day


def _opening(said: Sequence[str]) -> bool:
    """ "abre às 8", "fecha às 18", "das 8 às 18": a business's hours."""
    return bool(said) and (said[0] in OPENING or said[0].isdigit())


def in_a_team(words: Sequence[str], end: int) -> bool:
    """ "2 no financeiro", "3 na recepção": people by where they work."""
    return words[end : end + 1] in (["no"], ["na"], ["nos"], ["nas"], ["da"], ["do"], ["de"]) and (
        end + 1 < len(words))  # fmt: skip


# Words that let a message without a figure still count people: "eu e minha esposa", "só eu",
# "meia dúzia", "quem mexe é meu sobrinho".
COUNTING = frozenset(("eu", "mim", "euzinha", "euzinho", "comigo", "so", "somente", "apenas",
                      "sozinho", "sozinha", "mexe", "mexem", "duzia", "dupla", "casal",
                      *USE))  # fmt: skip


def may_count(words: Sequence[str], figures: bool) -> bool:
    """Cheap first look (most messages count nobody): a figure or one of ``COUNTING``."""
    return figures or bool(COUNTING & set(words))
