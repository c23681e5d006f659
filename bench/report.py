"""The table ``make bench`` prints: every figure with its goal and ✅/❌ (issue 24)."""

from __future__ import annotations

from bench.firestore_ops import OpsFigures
from bench.http_load import LoadResult

GOALS = {"throughput": 1000, "ratio_durable": 0.25, "p99_ms_at_200": 25.0, "firestore_ops": 6,
         "cold_start_s": 1.5, "read_turn_ms": 1.0, "classify": 20_000}  # fmt: skip


def ok(good: bool) -> str:
    return "✅" if good else "❌"


def _ms(result: LoadResult, share: float) -> str:
    return f"{result.percentile(share) * 1000:.1f} ms"


def _load_line(label: str, r: LoadResult, unit: str, goal: str) -> str:
    return f"| {label} | {r.rate:,.0f} {unit}, p50 {_ms(r, 0.5)}, p99 {_ms(r, 0.99)} | {goal} |"


def throughput_lines(f: dict) -> list[str]:
    bare, durable, mine = f["bare"], f["durable"], f["service"]
    to_durable, to_bare = mine.rate / durable.rate, mine.rate / bare.rate
    return [
        "| medida | valor | meta |",
        "|---|---|---|",
        _load_line("endpoint FastAPI puro (teto), mesmo uvicorn", bare, "req/s", "—"),
        _load_line(
            "webhook durável mínimo (HMAC + JSON + 1 transação SQLite WAL)", durable, "msg/s", "—"
        ),
        f"| webhook do serviço, backends embutidos, 1 processo | {mine.rate:,.0f} msg/s, p50 "
        f"{_ms(mine, 0.5)}, p99 {_ms(mine, 0.99)} ({mine.ok}/{f['requests']} com 200) "
        f"| ≥ {GOALS['throughput']:,} {ok(mine.rate >= GOALS['throughput'])} |",
        f"| razão serviço / webhook durável mínimo | {to_durable:.0%} "
        f"| ≥ 25% {ok(to_durable >= GOALS['ratio_durable'])} |",
        f"| razão serviço / endpoint puro | {to_bare:.0%} | — |",
        f"| CPU por mensagem recebida (serviço) | {mine.cpu_ms:.2f} ms "
        f"(durável {durable.cpu_ms:.2f} ms, puro {bare.cpu_ms:.2f} ms) | — |",
    ]


def baseline_lines(f: dict) -> list[str]:
    if "baseline" not in f:
        return []
    before, mine = f["baseline"], f["service"]
    return [f"| serviço, código de `--baseline-src` (antes), mesma rodada | {before.rate:,.0f} "
            f"msg/s, CPU {before.cpu_ms:.2f} ms/msg; agora {mine.rate / before.rate - 1:+.0%} "
            f"| — |"]  # fmt: skip


def report(f: dict) -> list[str]:
    lines = throughput_lines(f) + baseline_lines(f)
    if "steady" not in f:
        return lines
    steady, ops = f["steady"], f["ops"]
    p99 = steady.percentile(0.99) * 1000
    return [
        *lines,
        f"| latência a 200 msg/s constantes | p50 {_ms(steady, 0.5)}, p99 {_ms(steady, 0.99)} "
        f"| p99 ≤ 25 ms {ok(p99 <= GOALS['p99_ms_at_200'])} |",
        *(_ops_lines(ops) if ops is not None else []),
        f"| partida a frio (até o 1º 200 em /readyz), mediana de 5 | {f['cold_start']:.2f} s "
        f"| ≤ 1,5 s {ok(f['cold_start'] <= GOALS['cold_start_s'])} |",
        f"| memória parada (RSS) | {f['rss_kb'] / 1024:.0f} MiB | — |",
        f"| classificador | {f['classify']:,.0f} msg/s "
        f"| ≥ 20.000 {ok(f['classify'] >= GOALS['classify'])} |",
        f"| leitura de um turno (atos de diálogo), mediana | {f['read_turn_ms']:.3f} ms "
        f"| ≤ 1 ms {ok(f['read_turn_ms'] <= GOALS['read_turn_ms'])} |",
    ]


def _ops_lines(ops: OpsFigures) -> list[str]:
    total = [t + d for t, d in zip(ops.turn, ops.delivery, strict=True)]
    return [
        f"| Firestore por mensagem de texto: o turno (gravar, decidir, efeitos) | "
        f"{ops.describe(ops.turn)}; típico (texto no meio da conversa, 1 resposta) "
        f"{ops.typical()} | ≤ 6 {ok(ops.typical() <= GOALS['firestore_ops'])} |",
        f"| Firestore por mensagem: marcar as respostas como enviadas | "
        f"{ops.describe(ops.delivery)} | — |",
        f"| Firestore por mensagem: tudo (turno + envio) | {ops.describe(total)} | — |",
        f"| Firestore por mensagem: das quais leituras | {ops.describe(ops.reads)} | — |",
        f"| Firestore por aviso à equipe (cada evento de handoff, entregue depois do turno) | "
        f"{ops.describe(ops.notices) if ops.notices else '—'} ({len(ops.notices)} eventos) | — |",
    ]
