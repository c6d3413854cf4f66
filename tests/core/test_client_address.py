"""Rate limits count the real client: its address is read through the configured number of
proxies (never a header anyone can forge), and sign-in is limited per address and, separately,
per account; production says at start-up when its counters are not shared."""

import logging

import pytest

from participa import create_app
from participa.extensions import db
from tests.support.web import post

WRONG = "not the right password at all"


def attempt(client, email, address):
    return post(client, "/accounts/login", {"email": email, "password": WRONG},
                headers={"X-Forwarded-For": address})


@pytest.fixture
def behind_a_proxy(app, tmp_path):
    """The test database's app as deployed behind one proxy (nginx), with small limits."""
    proxied = create_app({
        "ENV": "testing", "DATABASE_URL": app.config["DATABASE_URL"],
        "MAIL_OUTBOX_DIR": str(tmp_path / "outbox"), "PROXY_COUNT": 1,
        "RATELIMIT_LOGIN": "3 per minute", "RATELIMIT_LOGIN_ACCOUNT": "5 per minute",
    })
    yield proxied
    with proxied.app_context():
        db.engine.dispose()


def test_behind_a_proxy_one_client_cannot_lock_out_the_others(behind_a_proxy):
    client = behind_a_proxy.test_client()
    for _ in range(3):
        assert attempt(client, "marta@example.org", "203.0.113.7").status_code == 400
    assert attempt(client, "jordi@example.org", "203.0.113.7").status_code == 429
    neighbour = behind_a_proxy.test_client()
    assert attempt(neighbour, "fatima@example.org", "198.51.100.2").status_code == 400


def test_one_account_is_limited_from_any_number_of_addresses(behind_a_proxy):
    client = behind_a_proxy.test_client()
    for n in range(5):
        assert attempt(client, "marta@example.org", f"203.0.113.{n}").status_code == 400
    assert attempt(client, "Marta@Example.org ", "203.0.113.99").status_code == 429
    assert attempt(client, "jordi@example.org", "203.0.113.98").status_code == 400


def test_without_a_proxy_a_forged_forwarded_for_changes_nothing(app, client, monkeypatch):
    monkeypatch.setitem(app.config, "RATELIMIT_LOGIN", "3 per minute")
    for n in range(3):
        assert attempt(client, f"person{n}@example.org", f"203.0.113.{n}").status_code == 400
    assert attempt(client, "person9@example.org", "198.51.100.9").status_code == 429


def test_a_proxy_fixed_address_reaches_the_views(behind_a_proxy):
    @behind_a_proxy.get("/whoami-test")
    def whoami():
        from flask import request

        return request.remote_addr

    client = behind_a_proxy.test_client()
    response = client.get("/whoami-test", headers={"X-Forwarded-For": "1.2.3.4, 203.0.113.5"})
    assert response.get_data(as_text=True) == "203.0.113.5"  # the last proxy's word only


def test_production_says_when_its_limits_are_not_shared(tmp_path, monkeypatch, caplog):
    monkeypatch.setenv("PARTICIPA_SECRET_KEY", "a-real-secret-for-this-test-only-123456")
    monkeypatch.setenv("PARTICIPA_BALLOT_KEY", "a-real-ballot-key-for-this-test-only-654321")
    config = {"ENV": "production", "DATABASE_URL": f"sqlite:///{tmp_path}/p.sqlite3",
              "PUBLIC_URL": "https://participa.example.cat",
              "MAIL_OUTBOX_DIR": str(tmp_path / "outbox")}
    with caplog.at_level(logging.WARNING):
        create_app(config)
    assert "PARTICIPA_RATELIMIT_STORAGE_URI" in caplog.text
    caplog.clear()
    with caplog.at_level(logging.WARNING):
        create_app({**config, "ENV": "development"})  # one process: nothing to share
    assert "PARTICIPA_RATELIMIT_STORAGE_URI" not in caplog.text
