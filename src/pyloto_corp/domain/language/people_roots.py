"""How a count of people is said: the roots of the words that name them ("uns 6 usuários",
"4 professores", "eu e mais 2 vendedoras")."""

PEOPLE = ("usuari", "pessoa", "funcionari", "colaborador", "atendente", "vendedor", "aluno",
          "motorista", "acesso", "user", "operador", "tecnic", "corretor", "professor",
          "entregador", "motoboy", "socio", "gerente", "medic", "dentista", "recepcionista",
          "secretari", "estagiari", "empregad", "login", "agente", "consultor",
          "representante", "caixa", "garco", "garcon", "cozinheir", "dev", "mecanic", "enfermeir",
          "psicolog", "fisioterapeut", "advogad", "contador", "vendedor", "promotor", "engenheir",
          "jogador", "frentista", "arquitet", "funcionar", "colega", "membro", "integrante",
          "aluna", "alunos", "mim", "cooperad", "associad", "barbeir", "cabeleireir", "veterinari",
          "balconist", "estoquist", "repositor", "auxiliar", "gente", "manicure", "supervis",
          "despachant", "coordenador", "orcamentist", "diretor", "assistente", "analista",
          "esteticist", "nutricionist", "veterinari", "farmaceutic", "profissiona")  # fmt: skip
