"""A process killed between storing a handoff and delivering it: the restarted service
delivers it exactly once (real processes, SIGKILL, a signed webhook receiver on loopback)."""

from __future__ import annotations

import hashlib
import hmac
import time

import httpx

from tests.load import processes, traffic
from tests.support.team_receiver import Receiver
from tests.support.waiting import wait_for

TEAM_SECRET = "equipe-segredo-0123456789"


def _service(tmp_path, receiver: Receiver, name: str) -> processes.Proc:
    env = {"SQLITE_PATH": str(tmp_path / "pyloto.sqlite3"), "HANDOFF_BACKEND": "webhook",
           "HANDOFF_WEBHOOK_URL": receiver.url, "HANDOFF_WEBHOOK_SECRET": TEAM_SECRET,
           "HANDOFF_TIMEOUT_SECONDS": "20", "OUTBOX_RETRY_INTERVAL_SECONDS": "0.5",
           "OUTBOX_LEASE_SECONDS": "2", "EXPORT_LOCAL_DIR": str(tmp_path / "exports"),
           "MEDIA_LOCAL_DIR": str(tmp_path / "media")}  # fmt: skip
    return processes.service(env, tmp_path / f"{name}.log")


def _send(service: processes.Proc, text: str, wamid: str) -> None:
    body = traffic.body(1, wamid, text, int(time.time()))
    digest = hmac.new(processes.SECRET.encode(), body, hashlib.sha256).hexdigest()
    headers = {"X-Hub-Signature-256": f"sha256={digest}", "Content-Type": "application/json"}
    answer = httpx.post(service.url + "/webhooks/whatsapp", content=body, headers=headers)
    assert answer.status_code == 200


def test_a_handoff_cut_off_by_a_crash_is_delivered_once_after_restart(tmp_path):
    receiver = Receiver(TEAM_SECRET).start()
    receiver.hold(drop=True)  # the first delivery never gets its answer: the process dies
    first = _service(tmp_path, receiver, "first")
    second = _service(tmp_path, receiver, "second")
    try:
        first.start("/readyz")
        _send(first, "quero falar com um atendente", "wamid.crash.1")
        wait_for(lambda: len(receiver.seen), lambda n: n >= 1, "the delivery in flight")
        first.kill()
        receiver.let_go()
        second.start("/readyz")
        created = receiver.wait("handoff.created", within=30)
        time.sleep(1.5)  # a second delivery, if there were one, would land by now
        assert receiver.accepted("handoff.created") == created
        keys = {h["Idempotency-Key"] for h in receiver.seen}
        assert keys == {created[0]["event_id"]} and all(a.signed for a in receiver.attempts)
        assert created[0]["contact"]["phone"] == "+" + traffic.wa_id(1)
    finally:
        first.stop()
        second.stop()
        receiver.stop()
