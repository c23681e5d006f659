"""Deploy files say what the README promises (no Docker engine runs on CI machines)."""

import json
import re
from pathlib import Path

from pyloto_corp.infra.settings import Settings

ROOT = Path(__file__).resolve().parents[2]


def test_dockerfile_is_slim_non_root_and_production():
    """Slim base, non-root user, no dev extras, zero trust on, PORT honoured by `serve`."""
    text = (ROOT / "Dockerfile").read_text()
    assert all(line.endswith("-slim") or " AS " in line for line in re.findall(r"FROM .*", text))
    assert re.search(r"^USER (?!root)\w+", text, re.M)
    assert "[dev]" not in text and "ZERO_TRUST_MODE=true" in text
    assert "EXPORT_BACKEND=gcs" in text  # exports never land on Cloud Run's ephemeral disk
    assert "MEDIA_BACKEND=gcs" in text
    assert 'CMD ["pyloto-corp", "serve"]' in text


def test_env_example_documents_every_setting():
    """.env.exemplo lists every setting, each with a comment line above it."""
    lines = (ROOT / ".env.exemplo").read_text().splitlines()
    names = {line.split("=")[0] for line in lines if line and not line.startswith("#")}
    assert names == {field.upper() for field in Settings.model_fields}
    for i, line in enumerate(lines):
        if line and not line.startswith("#"):
            assert lines[i - 1].startswith("#"), line


def test_ci_runs_the_readme_test_command():
    """CI calls `make test`, the command the README gives."""
    assert "make test" in (ROOT / ".ci" / "run").read_text()
    assert "make test" in (ROOT / "README.md").read_text()


def test_bucket_lifecycle_rules_match_the_retention_defaults():
    """The media and export buckets delete at the same ages as `retention apply` by default."""
    defaults = Settings.model_fields
    media = json.loads((ROOT / "deploy" / "gcs-lifecycle-media.json").read_text())
    exports = json.loads((ROOT / "deploy" / "gcs-lifecycle-exports.json").read_text())
    ages = {r["condition"].get("age") for r in media["rule"]} - {None}
    assert ages == {defaults["media_retention_days"].default}
    ages = {r["condition"].get("age") for r in exports["rule"]} - {None}
    assert ages == {defaults["export_retention_days"].default}
    assert {"isLive": False} in [r["condition"] for r in media["rule"]]  # erasure is final


def test_firestore_ttl_covers_every_collection_with_expires_at():
    overrides = json.loads((ROOT / "firestore.indexes.json").read_text())["fieldOverrides"]
    ttl = {o["collectionGroup"] for o in overrides if o.get("ttl")}
    assert ttl == {
        "messages",
        "sessions",
        "outbox",
        "lead_profiles",
        "media_jobs",
        "handoffs",
        "handoff_events",
    }
