"""Shared fixtures: one migrated database per run (SQLite file, or PostgreSQL when
PARTICIPA_TEST_DATABASE_URL is set), emptied after every test; a client; users of every role."""

import os
import re

import pytest
import sqlalchemy as sa
from flask.testing import FlaskClient
from flask_migrate import upgrade

from participa import create_app
from participa.core.mail import read_outbox
from participa.extensions import db, limiter
from tests import factories

CSRF_RE = re.compile(r'name="csrf_token"(?: type="hidden")? value="([^"]+)"')


def database_url(tmp_path_factory) -> str:
    url = os.environ.get("PARTICIPA_TEST_DATABASE_URL")
    if url:
        return url
    return "sqlite:///" + str(tmp_path_factory.mktemp("db") / "test.sqlite3")


@pytest.fixture(scope="session")
def app(tmp_path_factory):
    outbox = tmp_path_factory.mktemp("outbox")
    app = create_app(
        {
            "ENV": "testing",
            "DATABASE_URL": database_url(tmp_path_factory),
            "MAIL_OUTBOX_DIR": str(outbox),
            "SERVER_NAME": "participa.test",
        }
    )
    with app.app_context():
        if db.engine.dialect.name == "postgresql":
            with db.engine.begin() as conn:
                conn.execute(sa.text("DROP SCHEMA public CASCADE; CREATE SCHEMA public"))
        upgrade()
    yield app
    with app.app_context():
        db.engine.dispose()


@pytest.fixture(autouse=True)
def _clean_state(app):
    """Each test starts with empty tables, an empty outbox and fresh rate limits."""
    with app.app_context():
        yield
        db.session.remove()
        with db.engine.begin() as conn:
            for table in reversed(db.metadata.sorted_tables):
                conn.execute(table.delete())
    for path in os.listdir(app.config["MAIL_OUTBOX_DIR"]):
        os.remove(os.path.join(app.config["MAIL_OUTBOX_DIR"], path))
    limiter.reset()


@pytest.fixture
def client(app):
    """A browser: each request in an app context of its own (see IsolatedClient), English
    unless a test asks for another language."""
    client = IsolatedClient(app, app.response_class, use_cookies=True)
    client.environ_base["HTTP_ACCEPT_LANGUAGE"] = "en"
    return client


@pytest.fixture
def outbox(app):
    """A callable returning the messages sent so far (oldest first)."""
    return lambda: read_outbox(app.config["MAIL_OUTBOX_DIR"])


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
    """End the test's transaction, so it reads what the requests committed since."""
    db.session.commit()


def post(client, url, data=None, *, token_from="/accounts/login", **kwargs):
    """POST with this session's CSRF token, as a browser would."""
    data = dict(data or {})
    data.setdefault("csrf_token", csrf_token(client, token_from))
    return client.post(url, data=data, **kwargs)


def login(client, user, password=factories.PASSWORD):
    response = post(client, "/accounts/login", {"email": user.email, "password": password})
    assert response.status_code == 302, response.get_data(as_text=True)[:500]
    return response


@pytest.fixture
def process():
    return factories.make_process(categories=("Espai públic", "Cultura"))


@pytest.fixture
def resident():
    return factories.make_user("resident")


@pytest.fixture
def facilitator(process):
    return factories.make_user("facilitator", process=process)


@pytest.fixture
def council():
    return factories.make_user("council")


@pytest.fixture
def commit():
    """Commit what a test built, so requests (other sessions) see it."""
    return db.session.commit


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




@pytest.fixture
def as_council(client, commit):
    """The client, signed in as a council member."""
    council = factories.make_user("council", locale="en")
    commit()
    login(client, council)
    return client
