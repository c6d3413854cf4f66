import pytest


@pytest.fixture
def client(isolated_client):
    """Each request in its own app context (see IsolatedClient), in English unless told."""
    isolated_client.environ_base["HTTP_ACCEPT_LANGUAGE"] = "en"
    return isolated_client
