"""`pyloto-corp handoff retry`: a lead the destination refused is tried again once fixed."""

from __future__ import annotations

import json

from tests.e2e.test_handoff_cli import run
from tests.support.handoff_flow import TO_HANDOFF, Clock, handoff_settings, leads, say
from tests.support.team_receiver import Receiver
from tests.support.waiting import wait_for


def test_a_refused_lead_is_delivered_after_a_retry(tmp_path, fake_graph, client_factory,
                                                   monkeypatch):  # fmt: skip
    receiver = Receiver().start()
    try:
        receiver.then(404)  # a wrong path at the team's side: refused, not retried
        team = {"handoff_backend": "webhook", "handoff_webhook_url": receiver.url,
                "handoff_webhook_secret": receiver.secret}  # fmt: skip
        settings = handoff_settings(tmp_path, fake_graph, outbox_retry_interval_seconds=0,
                                    **team)  # fmt: skip
        for name, value in team.items():  # the command runs with the service's destination
            monkeypatch.setenv(name.upper(), value)
        clock = Clock()
        client = client_factory(settings, clock=clock)
        say(client, clock, *TO_HANDOFF)
        [row] = wait_for(lambda: leads(client, status="failed"), bool, "the refused lead")
        done = run(settings, "handoff", "retry", row["handoff_id"])
        assert done.returncode == 0, done.stderr
        assert json.loads(done.stdout) == {"handoff_id": row["handoff_id"], "requeued": 1}
        delivered = [b["handoff_id"] for b in receiver.accepted("handoff.created")]
        assert delivered == [row["handoff_id"]] and leads(client, status="failed") == []
        again = run(settings, "handoff", "retry", row["handoff_id"])
        assert json.loads(again.stdout)["requeued"] == 0
    finally:
        receiver.stop()
