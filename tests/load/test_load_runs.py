"""The load harness, small: each setup and each fault ends green (``make load`` runs it big).

Each run is ``python -m tests.load.run`` in a child process: real service processes
(uvicorn), the fake Meta, and for the cluster a real redis-server and the Firestore
emulator, all on loopback. The assertions read the run's figures.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys

import pytest

from tests.load.processes import ROOT
from tests.support.firestore_emulator import JAR
from tests.support.processes import unavailable

pytestmark = pytest.mark.timeout(400)
SMALL = ["--people", "24", "--messages", "6"]


def _needs_cluster() -> None:
    if shutil.which("redis-server") is None:
        unavailable("redis-server not installed (make test installs it)")
    if shutil.which("java") is None or not JAR.exists():
        unavailable("Firestore emulator not found")


def _run(tmp_path, *args: str, silent: bool = False) -> dict:
    """``silent``: Meta sends no status, so resends after the uncertain wait are allowed."""
    out = tmp_path / "figures.json"
    done = subprocess.run([sys.executable, "-m", "tests.load.run", *SMALL, *args,
                           "--keep", str(tmp_path / "run"), "--json", str(out)],
                          cwd=ROOT, capture_output=True, text=True, timeout=380,
                          check=False)  # fmt: skip
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    [figures] = json.loads(out.read_text())
    assert figures["green"] and figures["problems"] == []
    assert figures["inbound_stored"] == figures["inbound_sent"] > 0
    assert figures["sessions_closed"] == figures["sessions"] > 0
    assert figures["graph_doubled_within_wait"] == 0
    if not silent:
        assert figures["outbox_sent"] == figures["graph_sends"] and figures["graph_doubled"] == 0
    assert figures["outbox_pending"] == figures["outbox_failed"] == 0
    assert figures["chains_valid"] == figures["chains"] == 24
    return figures


def test_embedded_setup_under_duplicates_and_reordering(tmp_path):
    """One process, SQLite, memory dedupe: every message once, every session one outcome."""
    figures = _run(tmp_path, "--setup", "embedded")
    assert figures["answers"]["200"] > figures["inbound_sent"]  # the duplicates got 200 too


@pytest.mark.redis
@pytest.mark.firestore
def test_two_processes_on_firestore_and_redis(tmp_path):
    _needs_cluster()
    _run(tmp_path, "--setup", "cluster")


@pytest.mark.redis
@pytest.mark.firestore
def test_redis_down_fails_closed_with_503_and_nothing_is_lost(tmp_path):
    """Dedupe cannot tell new from done without Redis: 503 until it is back, then all once."""
    _needs_cluster()
    figures = _run(tmp_path, "--setup", "cluster", "--fault", "redis")
    assert figures["answers"].get("503", 0) > 0


@pytest.mark.redis
@pytest.mark.firestore
def test_firestore_restart_answers_503_then_catches_up(tmp_path):
    """The emulator stopped (data exported) and restarted from its export mid-run."""
    _needs_cluster()
    figures = _run(tmp_path, "--setup", "cluster", "--fault", "firestore")
    assert figures["answers"].get("503", 0) > 0
    assert "firestore: emulator restarted from its export" in figures["events"]


def test_graph_errors_and_timeouts_are_retried_never_doubled(tmp_path):
    """500, 429, 131056 bursts and answers that come too late: retried, settled, once each."""
    figures = _run(tmp_path, "--setup", "embedded", "--fault", "graph")
    faults = figures["graph_faults"]
    assert faults["answered_500"] > 0 and faults["answered_429"] > 0
    assert faults["answered_400"] > 0 and faults["answered_late"] > 0


@pytest.mark.redis
@pytest.mark.firestore
def test_a_killed_process_leaves_its_work_to_the_other(tmp_path):
    """SIGKILL mid-run: Meta's retries reach the survivor, which completes everything."""
    _needs_cluster()
    figures = _run(tmp_path, "--setup", "cluster", "--fault", "kill")
    cut = figures["answers"].get("ConnectError", 0) + figures["answers"].get(
        "RemoteProtocolError", 0)  # fmt: skip
    assert cut > 0


@pytest.mark.redis
@pytest.mark.firestore
def test_a_killed_process_with_meta_silent_resends_nothing_within_the_wait(tmp_path):
    """SIGKILL with every status withheld: what the dead process was sending waits the
    uncertain wait (15 s here) before a resend; a doubled send is possible only after it."""
    _needs_cluster()
    figures = _run(tmp_path, "--setup", "cluster", "--fault", "kill-silent", silent=True)
    assert figures["graph_faults"]["statuses_withheld"] == figures["graph_sends"] > 0
    assert figures["graph_sends"] == figures["outbox_sent"] + figures["graph_doubled"]
