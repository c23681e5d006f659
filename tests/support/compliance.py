"""The compliance measurements (scripts/compliance_rules.py), loaded for the tests."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

_PATH = Path(__file__).resolve().parents[2] / "scripts" / "compliance_rules.py"
_spec = importlib.util.spec_from_file_location("compliance_rules", _PATH)
assert _spec is not None and _spec.loader is not None
rules = sys.modules.setdefault("compliance_rules", importlib.util.module_from_spec(_spec))
_spec.loader.exec_module(rules)
