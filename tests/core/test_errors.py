"""Error pages: readable HTML in the visitor's language, for 400, 403, 404, 405, 429 and 500."""

import html

import pytest
from flask_babel import force_locale

from participa.core.errors import DomainError
from tests.support import factories
from tests.support.web import login, post, text


def assert_error_page(response, status, title, message):
    assert response.status_code == status
    assert response.mimetype == "text/html"
    page = text(response)
    assert page.startswith("<!doctype html>")
    assert f"<h1>{title}</h1>" in page
    assert message in page
    assert "<title>" + title in page
    assert 'href="/"' in page  # a way back
    assert '<main id="main"' in page  # the site's layout, skip link target included


def test_404(client):
    assert_error_page(client.get("/no/such/page"), 404, "Page not found",
                      "We could not find the page you were looking for.")


def test_405(client):
    assert_error_page(client.get("/accounts/logout"), 405, "Method not allowed",
                      "This address does not accept that kind of request.")


def test_400_for_a_missing_csrf_token(client):
    assert_error_page(client.post("/accounts/login", data={"email": "a@b.org"}), 400,
                      "Bad request", "Your form expired or was not sent from this site.")


def test_403(client, commit):
    resident = factories.make_user(locale="en")
    commit()
    login(client, resident)
    assert_error_page(client.get("/admin/"), 403, "Not allowed",
                      "You do not have permission to do this.")


def test_429(client):
    for _ in range(5):
        post(client, "/accounts/reset", {"email": "x@example.org"})
    assert_error_page(post(client, "/accounts/reset", {"email": "x@example.org"}), 429,
                      "Too many requests", "Please wait a minute and try again.")


@pytest.mark.parametrize("language, title", [("ca", "No s'ha trobat la pàgina"),
                                             ("es", "Página no encontrada")])
def test_error_pages_speak_the_visitors_language(client, language, title):
    response = client.get("/no/such/page", headers={"Accept-Language": language})
    assert response.status_code == 404
    page = text(response)
    assert f'<html lang="{language}">' in page
    assert f"<h1>{title}</h1>" in html.unescape(page)
    assert "Page not found" not in page


@pytest.fixture
def failing_app(tmp_path):
    """A separate app with a view that fails, and exceptions not propagated (as in production)."""
    from participa import create_app
    from participa.extensions import db

    app = create_app({"ENV": "testing", "DATABASE_URL": f"sqlite:///{tmp_path}/e.sqlite3",
                      "MAIL_OUTBOX_DIR": str(tmp_path / "outbox"),
                      "PROPAGATE_EXCEPTIONS": False})

    @app.get("/fails")
    def fails():
        raise RuntimeError("a secret detail")

    yield app
    with app.app_context():
        db.engine.dispose()


def test_500_is_a_readable_page(failing_app):
    client = failing_app.test_client()
    response = client.get("/fails", headers={"Accept-Language": "en"})
    assert_error_page(response, 500, "Something went wrong",
                      "An unexpected error happened.")
    assert "a secret detail" not in text(response)  # no details leak
    assert "Traceback" not in text(response)
    assert response.headers["X-Content-Type-Options"] == "nosniff"


def test_a_domain_error_keeps_its_field_and_lazy_message():
    from flask_babel import lazy_gettext as _l

    error = DomainError(_l("Page not found"), field="slug")
    assert error.field == "slug"
    with force_locale("en"):
        assert str(error.message) == "Page not found"
    with force_locale("es"):
        assert str(error.message) != "Page not found"
    assert DomainError("x").field is None
