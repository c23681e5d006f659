"""The ``pyloto-corp`` command line: every command and its options (help in pt-BR)."""

from __future__ import annotations

import argparse

MAX_LEADS = 1000


def _subject(command: argparse.ArgumentParser) -> None:
    who = command.add_mutually_exclusive_group(required=True)
    who.add_argument("--phone", help="telefone em E.164, ex.: +5542999990001")
    who.add_argument("--user-key", dest="user_key", help="user_key (43 caracteres base64url)")


def _ops_commands(commands: argparse._SubParsersAction) -> None:
    export = commands.add_parser(
        "export", help="gera o export forense de uma conversa (guardado sem sobrescrever)"
    )
    _subject(export)
    export.add_argument("--format", choices=["md", "txt"], default="txt", help="padrão: txt")
    export.add_argument("--include-pii", dest="include_pii", action="store_true",
                        help="inclui o telefone (sem isto ele sai mascarado)")  # fmt: skip
    export.add_argument("--reason", required=True, help="motivo (vai para a auditoria)")
    export.add_argument("--out", metavar="FILE", help="também grava uma cópia neste arquivo")
    audit = commands.add_parser("audit", help="trilha de auditoria")
    audit_commands = audit.add_subparsers(dest="audit_command", required=True, metavar="AÇÃO")
    _subject(audit_commands.add_parser("verify", help="verifica a cadeia de hashes"))
    _lgpd_commands(commands)
    key = commands.add_parser("ops-key", help="cria uma chave para a API de operação")
    key.add_argument("--name", required=True, help="nome da chave (a-z, 0-9, '.', '_', '-')")


def _limit(text: str) -> int:
    value = int(text) if text.isdigit() else 0
    if not 1 <= value <= MAX_LEADS:
        raise argparse.ArgumentTypeError(f"use um número de 1 a {MAX_LEADS}")
    return value


def _handoff_commands(commands: argparse._SubParsersAction) -> None:
    leads = commands.add_parser("leads", help="lista os encaminhamentos (leads) para a equipe")
    leads.add_argument("--since", default="7d", help="desde: 7d, 24h, 30m ou data ISO (padrão 7d)")
    leads.add_argument("--routing", help="só desta equipe (ex.: sales_custom_software)")
    leads.add_argument(
        "--status",
        choices=["open", "released", "failed"],
        help="open: com a equipe; released: de volta ao bot; failed: não entregue",
    )
    leads.add_argument("--format", choices=["table", "json", "csv"], default="table")
    leads.add_argument("--limit", type=_limit, default=200, help="no máximo N, 1 a 1000 (200)")
    leads.add_argument("--include-pii", dest="include_pii", action="store_true",
                       help="contato completo (fica registrado na auditoria)")  # fmt: skip
    handoff = commands.add_parser("handoff", help="atendimento humano de um encaminhamento")
    actions = handoff.add_subparsers(dest="handoff_command", required=True, metavar="AÇÃO")
    release = actions.add_parser("release", help="devolve a pessoa ao bot")
    release.add_argument("handoff_id", metavar="HANDOFF_ID")
    release.add_argument("--reason", default="operator", help="motivo (vai para a auditoria)")
    retry = actions.add_parser("retry", help="tenta de novo as entregas que falharam")
    retry.add_argument("handoff_id", metavar="HANDOFF_ID")
    reply = actions.add_parser("reply", help="manda uma mensagem da equipe para a pessoa")
    reply.add_argument("handoff_id", metavar="HANDOFF_ID")
    reply.add_argument("--text", required=True, help="o texto da mensagem")


def _lgpd_commands(commands: argparse._SubParsersAction) -> None:
    lgpd = commands.add_parser("lgpd", help="pedidos do titular dos dados (LGPD)")
    requests = lgpd.add_subparsers(dest="lgpd_command", required=True, metavar="PEDIDO")
    access = requests.add_parser("access", help="cópia dos dados para o próprio titular")
    _subject(access)
    access.add_argument("--format", choices=["md", "txt"], default="txt", help="padrão: txt")
    access.add_argument("--reason", required=True, help="motivo (vai para a auditoria)")
    access.add_argument("--out", metavar="FILE", help="também grava uma cópia neste arquivo")
    erase = requests.add_parser("erase", help="apaga mensagens, sessões, perfil e mídias")
    _subject(erase)
    erase.add_argument("--reason", required=True, help="motivo (vai para a auditoria)")


def _simulation_commands(commands: argparse._SubParsersAction) -> None:
    chat = commands.add_parser("chat", help="conversa com o bot no terminal (sem a Meta)")
    chat.add_argument("--phone", default="+5542999990001", help="quem escreve (E.164)")
    chat.add_argument("--url", help="servidor já rodando (ex.: http://127.0.0.1:8080)")
    simulate = commands.add_parser("simulate", help="roda uma conversa roteirizada (JSONL)")
    simulate.add_argument("script", metavar="SCRIPT.jsonl")
    simulate.add_argument("--json", action="store_true", help="relatório em um objeto JSON")
    simulate.add_argument("--include-pii", dest="include_pii", action="store_true",
                          help="avisos à equipe com o contato completo")  # fmt: skip


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="pyloto-corp", description="Atendimento Pyloto")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMANDO")
    serve = commands.add_parser("serve", help="sobe o webhook HTTP (porta PORT, padrão 8080)")
    serve.add_argument("--host", help="endereço de escuta (padrão: HOST)")
    serve.add_argument("--port", type=int, help="porta (padrão: PORT)")
    classify = commands.add_parser(
        "classify", help="classifica mensagens (uma por linha na entrada) e escreve JSON por linha"
    )
    classify.add_argument(
        "--eval", metavar="FILE.jsonl", help="avalia um corpus rotulado ({text, intent} por linha)"
    )
    turns = commands.add_parser(
        "eval-turns", help="avalia a leitura de turnos (atos de diálogo) num corpus anotado"
    )
    turns.add_argument("file", metavar="FILE.jsonl", help="corpus de turnos (corpus/turns)")
    turns.add_argument("--table", action="store_true", help="tabela legível em vez de JSON")
    slots = commands.add_parser(
        "eval-slots", help="avalia a leitura dos valores (campos do lead) num corpus anotado"
    )
    slots.add_argument("file", metavar="FILE.jsonl", help="corpus de valores (corpus/slots)")
    slots.add_argument("--table", action="store_true", help="tabela legível em vez de JSON")
    commands.add_parser(
        "sweep", help="encerra sessões inativas (rode periodicamente) e imprime um resumo JSON"
    )
    retention = commands.add_parser("retention", help="prazos de guarda (LGPD)")
    retention_commands = retention.add_subparsers(
        dest="retention_command", required=True, metavar="AÇÃO"
    )
    apply = retention_commands.add_parser(
        "apply", help="apaga o que passou do prazo (mensagens, sessões, perfis, mídias, exports)"
    )
    apply.add_argument("--dry-run", dest="dry_run", action="store_true",
                       help="só lista o que seria apagado")  # fmt: skip
    _ops_commands(commands)
    _handoff_commands(commands)
    _simulation_commands(commands)
    return parser
