"""Talking to the app as a browser would, through the test client: the CSRF token, posting
forms, signing in, reading a response."""

import re

from flask.testing import FlaskClient

from participa.extensions import db
from tests.support import factories

CSRF_RE = re.compile(r'name="csrf_token"(?: type="hidden")? value="([^"]+)"')


def csrf_token(client, url="/accounts/login") -> str:
    """The CSRF token of this client's session, read from a page with a form (``url``, or the
    sign-out form every page has when signed in)."""
    for page in (url, "/processes/"):
        match = CSRF_RE.search(client.get(page).get_data(as_text=True))
        if match:
            return match.group(1)
    raise AssertionError(f"no CSRF token on {url}")


def text(response) -> str:
    return response.get_data(as_text=True)


def sync():
    """End the test's transaction, so it reads what the requests committed since (the session
    keeps what it loaded across commits: forget it)."""
    db.session.commit()
    db.session.expire_all()


def refreshed(obj):
    """``obj`` as the database holds it after what the requests committed (see ``sync``)."""
    sync()
    return db.session.get(type(obj), obj.id)


def post(client, url, data=None, *, token_from="/accounts/login", **kwargs):
    """POST with this session's CSRF token, as a browser would."""
    data = dict(data or {})
    data.setdefault("csrf_token", csrf_token(client, token_from))
    return client.post(url, data=data, **kwargs)


def login(client, user, password=factories.PASSWORD):
    response = post(client, "/accounts/login", {"email": user.email, "password": password})
    assert response.status_code == 302, response.get_data(as_text=True)[:500]
    return response


class IsolatedClient(FlaskClient):
    """A test client whose every request runs in an application context of its own, as in
    production: a fresh ``g`` (signed-in user, locale) and a fresh database session per request.

    The plain ``client`` runs its requests inside the test's app context (pushed by _clean_state),
    so the user and locale Flask-Login and Flask-Babel cache on ``g`` leak from one request (and
    one client) into the next. Commit what a request must see (``commit``); after a request,
    ``db.session.expire_all()`` before reading what it wrote."""

    def open(self, *args, **kwargs):
        with self.application.app_context():
            return super().open(*args, **kwargs)

    def another(self) -> "IsolatedClient":
        """A second browser: no cookies, the same headers."""
        other = type(self)(self.application, self.application.response_class, use_cookies=True)
        other.environ_base.update(self.environ_base)
        return other
