"""Health answers on paths Cloud Run lets through (/health, /ready) as well as /healthz, /readyz.

Cloud Run's Google Front End reserves some paths ending in "z" and answers them itself
(docs/implantacao.md); the probes in deploy/cloudrun/service.yaml use the aliases.
"""

import pytest

from tests.conftest import make_settings
from tests.support.processes import free_port


@pytest.mark.parametrize("path", ["/health", "/healthz"])
def test_liveness_answers_on_both_paths(client, path):
    response = client.get(path)
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}


@pytest.mark.parametrize("path", ["/ready", "/readyz"])
def test_readiness_answers_on_both_paths(client, path):
    response = client.get(path)
    assert response.status_code == 200
    assert response.json() == {"status": "ready", "checks": {"dedupe": "ok", "storage": "ok"}}


def test_ready_alias_reports_a_dead_backend_like_readyz(client_factory):
    """Both readiness paths run the same checks: Redis down is 503 on each."""
    dead = f"redis://127.0.0.1:{free_port()}/0"
    client = client_factory(make_settings(dedupe_backend="redis", redis_url=dead))
    answers = [client.get(path) for path in ("/ready", "/readyz")]
    assert [a.status_code for a in answers] == [503, 503]
    assert answers[0].json() == answers[1].json()
    assert answers[0].json()["checks"]["dedupe"] == "error"


def test_liveness_ignores_a_dead_backend(client_factory):
    """Liveness says only that the process answers: a Redis outage never restarts it."""
    dead = f"redis://127.0.0.1:{free_port()}/0"
    client = client_factory(make_settings(dedupe_backend="redis", redis_url=dead))
    assert client.get("/health").status_code == 200
