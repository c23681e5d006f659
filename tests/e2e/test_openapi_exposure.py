"""/openapi.json maps every ops route: served in development and test, 404 in production."""

import pytest

from tests.conftest import make_settings


@pytest.mark.parametrize("environment", ["development", "test"])
def test_openapi_is_served_outside_production(client_factory, environment):
    client = client_factory(make_settings(environment=environment))
    response = client.get("/openapi.json")
    assert response.status_code == 200
    assert "/webhooks/whatsapp" in response.json()["paths"]


def test_openapi_is_not_public_in_production(client_factory):
    """No document, no Swagger UI, no ReDoc: 404 like any unknown path."""
    client = client_factory(make_settings(environment="production"))
    for path in ("/openapi.json", "/docs", "/redoc"):
        assert client.get(path).status_code == 404
    assert client.get("/healthz").status_code == 200
