"""The lock files (`make lock`) cover pyproject.toml, agree with each other and carry hashes."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PIN = re.compile(r"^([A-Za-z0-9_.-]+)==(\S+) \\$", re.M)


def pins(name: str) -> dict[str, str]:
    text = (ROOT / name).read_text(encoding="utf-8")
    return {_normal(package): version for package, version in PIN.findall(text)}


def _normal(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def _names(requirements: list[str]) -> set[str]:
    return {_normal(re.split(r"[\[<>=!~; ]", requirement, maxsplit=1)[0])
            for requirement in requirements}  # fmt: skip


def test_every_dependency_of_pyproject_is_pinned():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    runtime, dev = pins("requirements.lock"), pins("requirements-dev.lock")
    assert _names(project["dependencies"]) <= set(runtime)
    assert _names(project["optional-dependencies"]["dev"]) <= set(dev)
    assert not _names(project["optional-dependencies"]["dev"]) & set(runtime) - {"pyyaml"}


def test_the_dev_lock_holds_the_runtime_lock_with_the_same_versions():
    runtime, dev = pins("requirements.lock"), pins("requirements-dev.lock")
    assert {name: dev.get(name) for name in runtime} == runtime


def test_every_pin_has_a_hash_and_no_local_index_leaks():
    for name in ("requirements.lock", "requirements-dev.lock"):
        text = (ROOT / name).read_text(encoding="utf-8")
        lines = text.splitlines()
        pinned = [i for i, line in enumerate(lines) if re.match(r"^[A-Za-z0-9]\S*==", line)]
        assert len(pinned) == len(pins(name)) > 10, name
        assert all(lines[i + 1].startswith("    --hash=sha256:") for i in pinned), name
        assert "--index-url" not in text and "--find-links" not in text and "file://" not in text
