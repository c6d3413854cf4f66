"""A database that does not answer: /healthz stays instant (no database), /readyz says 503,
and every page — for visitors and signed-in people alike — is a quick, translated 503, never
a hang nor gunicorn's bare error page."""

import socket
import threading
import time

import pytest

from participa import create_app
from participa.extensions import db
from tests.support.web import text
from tests.support.workers import free_port


@pytest.fixture
def silent_server():
    """A TCP port that accepts connections and never says a word (a stuck database)."""
    listener = socket.socket()
    listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    listener.bind(("127.0.0.1", free_port()))
    listener.listen(64)
    held, stop = [], threading.Event()

    def accept():
        listener.settimeout(0.2)
        while not stop.is_set():
            try:
                held.append(listener.accept()[0])
            except TimeoutError:
                continue

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    yield listener.getsockname()[1]
    stop.set()
    thread.join()
    for connection in held:
        connection.close()
    listener.close()


@pytest.fixture
def stuck(silent_server, tmp_path):
    app = create_app({
        "ENV": "testing", "MAIL_OUTBOX_DIR": str(tmp_path / "outbox"),
        "DATABASE_URL": f"postgresql+psycopg://postgres@127.0.0.1:{silent_server}/participa",
        "DATABASE_CONNECT_TIMEOUT": 1,
    })
    yield app
    with app.app_context():
        db.engine.dispose()


def timed(client, url, **kwargs):
    started = time.monotonic()
    response = client.get(url, **kwargs)
    return response, time.monotonic() - started


def test_health_is_instant_and_readiness_says_unavailable(stuck):
    client = stuck.test_client()
    response, took = timed(client, "/healthz")
    assert response.status_code == 200 and took < 0.5
    response, took = timed(client, "/readyz")
    assert response.status_code == 503 and took < 5
    assert text(response) == "unavailable"


@pytest.mark.parametrize("language, title", [
    ("en", "Participa is not available right now"),
    ("ca", "Participa no està disponible ara mateix"),
])
def test_a_visitor_gets_a_quick_translated_503(stuck, language, title):
    response, took = timed(stuck.test_client(), "/processes/",
                           headers={"Accept-Language": language})
    assert response.status_code == 503
    assert took < 5
    assert title in text(response)


def test_a_signed_in_person_gets_the_503_page_too(stuck):
    client = stuck.test_client()
    with client.session_transaction() as session:
        session["_user_id"] = "1:a-session-token"
        session["_fresh"] = True
    response, took = timed(client, "/accounts/me", headers={"Accept-Language": "en"})
    assert response.status_code == 503
    assert took < 5
    assert "We cannot reach our database at the moment." in text(response)


def test_readiness_with_the_database_answering(client):
    response = client.get("/readyz")
    assert response.status_code == 200 and text(response) == "ok"
