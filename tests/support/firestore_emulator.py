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

    def start(self) -> None:
        jar = Path(os.environ.get("FIRESTORE_EMULATOR_JAR", JAR))
        java = shutil.which("java")
        if java is None or not jar.exists():
            unavailable(f"Firestore emulator not found (java={java}, jar={jar})")
        args = [java, "-cp", str(jar), MAIN_CLASS, "start", "--host=127.0.0.1",
                f"--port={self.port}", f"--project_id={PROJECT}"]  # fmt: skip
        self.proc = subprocess.Popen(args, stdout=subprocess.DEVNULL,
                                     stderr=subprocess.DEVNULL, start_new_session=True)  # fmt: skip
        wait_until(self._answers, 60, "Firestore emulator")

    def _answers(self) -> bool:
        try:
            return httpx.get(f"http://{self.host}/", timeout=0.5).text.strip() == "Ok"
        except httpx.HTTPError:
            return False

    def wipe(self) -> None:
        url = f"http://{self.host}/emulator/v1/projects/{PROJECT}/databases/(default)/documents"
        httpx.delete(url, timeout=10).raise_for_status()

    def stop(self) -> None:
        if self.proc is not None:
            stop_group(self.proc)
