"""Time zones from the bundled ``tzdata`` package, never from the server's database or TZ."""

from __future__ import annotations

from importlib import resources
from zoneinfo import ZoneInfo


def bundled_zone(name: str) -> ZoneInfo:
    """The zone as shipped with this release of ``tzdata``: the same on every machine."""
    parts = name.split("/")
    if not parts or any(not p or p in {".", ".."} for p in parts):
        raise ValueError("invalid zone name")
    with resources.files("tzdata.zoneinfo").joinpath(*parts).open("rb") as data:
        return ZoneInfo.from_file(data, key=name)
