"""The official Firestore emulator, started on a free port in its own process group."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import httpx

from tests.support.processes import free_port, stop_group, unavailable, wait_until

JAR = Path(
    "/usr/lib/google-cloud-sdk/platform/cloud-firestore-emulator/cloud-firestore-emulator.jar"
)
PROJECT = "demo-test"
MAIN_CLASS = "com.google.cloud.datastore.emulator.firestore.CloudFirestore"


class FirestoreEmulator:
    def __init__(self) -> None:
        self.port = free_port()
        self.host = f"127.0.0.1:{self.port}"
        self.proc: subprocess.Popen[bytes] | None = None

    def start(self, seed: Path | None = None) -> None:
        """Start on this emulator's port, with the data of an ``export`` when ``seed`` is given."""
        jar = Path(os.environ.get("FIRESTORE_EMULATOR_JAR", JAR))
        java = shutil.which("java")
        if java is None or not jar.exists():
            unavailable(f"Firestore emulator not found (java={java}, jar={jar})")
        args = [java, "-cp", str(jar), MAIN_CLASS, "start", "--host=127.0.0.1",
                f"--port={self.port}", f"--project_id={PROJECT}"]  # fmt: skip
        if seed is not None:
            args.append(f"--seed_from_export={seed}")
        self.proc = subprocess.Popen(args, stdout=subprocess.DEVNULL,
                                     stderr=subprocess.DEVNULL, start_new_session=True)  # fmt: skip
        wait_until(self._answers, 60, "Firestore emulator")

    def _answers(self) -> bool:
        try:
            return httpx.get(f"http://{self.host}/", timeout=0.5).text.strip() == "Ok"
        except httpx.HTTPError:
            return False

    def export(self, directory: Path) -> Path:
        """Write every document to ``directory``; returns the export's metadata file."""
        directory.mkdir(parents=True, exist_ok=True)
        url = f"http://{self.host}/emulator/v1/projects/{PROJECT}:export"
        body = {"database": f"projects/{PROJECT}/databases/(default)",
                "export_directory": str(directory)}  # fmt: skip
        httpx.post(url, json=body, timeout=120).raise_for_status()
        return max(directory.rglob("*.overall_export_metadata"), key=lambda p: p.stat().st_mtime)

    def wipe(self) -> None:
        url = f"http://{self.host}/emulator/v1/projects/{PROJECT}/databases/(default)/documents"
        httpx.delete(url, timeout=10).raise_for_status()

    def stop(self) -> None:
        if self.proc is not None:
            stop_group(self.proc)
