"""Shared fixtures: one migrated database per run (SQLite file, or PostgreSQL when
PARTICIPA_TEST_DATABASE_URL is set), emptied after every test; a client; users of every role."""

import os

import pytest
from flask_migrate import upgrade

from participa import create_app
from participa.core.mail import read_outbox
from participa.extensions import db, limiter
from tests.support import factories
from tests.support.databases import empty_postgresql, suite_database_url
from tests.support.web import IsolatedClient, login


@pytest.fixture(scope="session")
def app(tmp_path_factory):
    outbox = tmp_path_factory.mktemp("outbox")
    app = create_app(
        {
            "ENV": "testing",
            "DATABASE_URL": suite_database_url(tmp_path_factory),
            "MAIL_OUTBOX_DIR": str(outbox),
            "SERVER_NAME": "participa.test",
        }
    )
    with app.app_context():
        if db.engine.dialect.name == "postgresql":
            empty_postgresql(app.config["SQLALCHEMY_DATABASE_URI"])
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


@pytest.fixture
def as_council(client, commit):
    """The client, signed in as a council member."""
    council = factories.make_user("council", locale="en")
    commit()
    login(client, council)
    return client
