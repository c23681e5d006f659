"""The processes of a load run: service instances (uvicorn) and the fake Meta, on loopback."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

import httpx

from tests.support.processes import free_port, stop_group, wait_until

SECRET = "load-app-secret-0123456789abcdef"
PNID = "106540352242922"
PEPPER = "load-pepper-0123456789abcdef0123456789"
ROOT = Path(__file__).resolve().parents[2]


def _ready(url: str) -> bool:
    try:
        return httpx.get(url, timeout=0.5).status_code == 200
    except httpx.HTTPError:
        return False


@dataclass
class Proc:
    """One child process in its own process group, started with ``args`` and ``env``."""

    args: list[str]
    env: dict[str, str]
    port: int = field(default_factory=free_port)
    log: Path | None = None
    proc: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self, ready_path: str, timeout: float = 60) -> float:
        """Start and wait until ``ready_path`` answers 200; returns the seconds it took."""
        began = time.monotonic()
        out = open(self.log, "ab") if self.log else subprocess.DEVNULL  # noqa: SIM115
        self.proc = subprocess.Popen(
            self.args,
            env={**os.environ, **self.env},
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
            cwd=ROOT,
        )
        wait_until(lambda: self._alive() and _ready(self.url + ready_path), timeout, self.args[-1])
        return time.monotonic() - began

    def _alive(self) -> bool:
        if self.proc is not None and self.proc.poll() is not None:
            raise RuntimeError(f"{self.args} exited with {self.proc.returncode} (log: {self.log})")
        return True

    def kill(self) -> None:
        """SIGKILL, as a crashed instance: nothing is flushed, in-flight requests are cut."""
        if self.proc is not None and self.proc.poll() is None:
            os.killpg(self.proc.pid, signal.SIGKILL)
            self.proc.wait(timeout=10)

    def stop(self) -> None:
        if self.proc is not None:
            stop_group(self.proc)


def service(env: dict[str, str], log: Path | None = None) -> Proc:
    base = {
        "ENVIRONMENT": "production", "LOG_FORMAT": "json", "LOG_LEVEL": "INFO",
        "WHATSAPP_WEBHOOK_SECRET": SECRET, "WHATSAPP_PHONE_NUMBER_ID": PNID,
        "WHATSAPP_VERIFY_TOKEN": "load-verify-token", "ZERO_TRUST_MODE": "false",
        "PEPPER_SECRET": PEPPER,
    }  # fmt: skip
    proc = Proc([sys.executable, "-m", "pyloto_corp.cli.main", "serve"], {**base, **env}, log=log)
    proc.env["PORT"] = str(proc.port)
    return proc


def fake_meta(webhooks: list[str], log: Path | None = None) -> Proc:
    proc = Proc([], {}, log=log)
    proc.args = [sys.executable, "-m", "tests.load.graph_app", "--port", str(proc.port),
                 "--secret", SECRET, "--webhooks", ",".join(webhooks),
                 "--phone-number-id", PNID]  # fmt: skip
    return proc
