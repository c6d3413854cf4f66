"""Absolute addresses come from PUBLIC_URL, never from the Host header a request names: links
in e-mails, feeds and exports, calendar UIDs, and the visitors' page cache; production refuses
requests naming another host."""

import re

import pytest

from participa import create_app
from participa.extensions import db
from tests.support import factories
from tests.support.meetings import make_meeting
from tests.support.web import CSRF_RE, text

EVIL = {"Host": "evil.example"}


def test_a_reset_link_asked_for_under_a_forged_host_points_at_the_site(client, outbox):
    factories.make_user(email="marta@example.org")
    db.session.commit()
    form = text(client.get("/accounts/reset", headers=EVIL))  # its cookie is evil.example's
    token = CSRF_RE.search(form).group(1)
    assert client.post("/accounts/reset", data={"email": "marta@example.org",
                                                "csrf_token": token},
                       headers=EVIL).status_code == 302
    (message,) = outbox()
    body = message.get_body().get_content()
    assert "evil.example" not in body
    assert re.search(r"http://participa\.test/accounts/reset/\S+", body)


def test_feeds_and_exports_under_a_forged_host_link_to_the_site(client, process, facilitator):
    make_meeting(process, facilitator)
    db.session.commit()
    for url in ("/meetings.ics", f"/processes/{process.slug}/meetings.ics",
                f"/processes/{process.slug}/proposals.json"):
        page = text(client.get(url, headers=EVIL))
        assert "evil.example" not in page, url
    feed = text(client.get("/meetings.ics", headers=EVIL))
    assert "http://participa.test/processes/" in feed
    assert re.search(r"UID:meeting-\d+@participa\.test", feed)


def test_the_page_cache_never_keeps_a_page_asked_for_under_another_host(app, client, process,
                                                                         facilitator,
                                                                         monkeypatch):
    monkeypatch.setitem(app.config, "PAGE_CACHE_SECONDS", 60)
    app.extensions["page_cache"].clear()
    make_meeting(process, facilitator)
    db.session.commit()
    forged = client.get("/meetings.ics", headers=EVIL)
    assert "X-Page-Cache" not in forged.headers
    first = client.get("/meetings.ics")
    assert first.headers["X-Page-Cache"] == "miss"
    again = client.get("/meetings.ics")
    assert again.headers["X-Page-Cache"] == "hit"
    assert "evil.example" not in text(again)
    assert "X-Page-Cache" not in client.get("/meetings.ics", headers=EVIL).headers


@pytest.fixture
def production(tmp_path, monkeypatch):
    monkeypatch.setenv("PARTICIPA_SECRET_KEY", "a-real-secret-for-this-test-only-123456")
    monkeypatch.setenv("PARTICIPA_BALLOT_KEY", "a-real-ballot-key-for-this-test-only-654321")
    return {"ENV": "production", "DATABASE_URL": f"sqlite:///{tmp_path}/p.sqlite3",
            "MAIL_OUTBOX_DIR": str(tmp_path / "outbox")}


def test_production_refuses_to_start_without_a_public_url(production):
    with pytest.raises(RuntimeError, match="PARTICIPA_PUBLIC_URL"):
        create_app(production)
    with pytest.raises(RuntimeError, match="PARTICIPA_PUBLIC_URL"):
        create_app({**production, "PUBLIC_URL": "javascript:alert(1)"})


def test_production_refuses_unknown_hosts(production):
    app = create_app({**production, "PUBLIC_URL": "https://participa.example.cat"})
    client = app.test_client()
    with app.app_context():
        db.engine.dispose()  # no query is made; nothing stays open
    assert client.get("/healthz", headers={"Host": "participa.example.cat"}).status_code == 200
    assert client.get("/healthz", headers=EVIL).status_code == 400
    with app.test_request_context("/", headers={"Host": "participa.example.cat"}):
        from flask import url_for

        assert url_for("accounts.login", _external=True) == \
            "https://participa.example.cat/accounts/login"
