"""Shared fixtures: one migrated database per run and xdist worker (a SQLite file, or with
PARTICIPA_TEST_DATABASE_URL=.../participa_test a PostgreSQL database per worker,
participa_test_gw0, ...), emptied after every test; a client; users of every role;
and the builders of tests/support as fixtures (``make_user``, ``make_proposal``, ...)."""

import os

import pytest
from flask_migrate import upgrade

from participa import create_app
from participa.core.jobs import run_due_jobs
from participa.core.mail import read_outbox
from participa.extensions import db, limiter
from tests.support import comments, debates, factories, meetings, proposals
from tests.support.databases import fresh_database_url
from tests.support.web import IsolatedClient, login


@pytest.fixture(scope="session")
def app(tmp_path_factory):
    outbox = tmp_path_factory.mktemp("outbox")  # the temporary folders are the worker's own
    database_url = fresh_database_url("PARTICIPA_TEST_DATABASE_URL", tmp_path_factory.mktemp("db"))
    app = create_app(
        {
            "ENV": "testing",
            "DATABASE_URL": database_url,
            "MAIL_OUTBOX_DIR": str(outbox),
            "FILE_DIR": str(tmp_path_factory.mktemp("files")),
            "PUBLIC_URL": "http://participa.test",
        }
    )
    with app.app_context():
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
    app.extensions.pop("town_look", None)  # the town's look kept in memory (participa/town)
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
    """A callable returning the messages sent so far (oldest first): the worker first runs the
    jobs that are due, as ``participa worker`` would have by then."""

    def sent():
        run_due_jobs(app.config)
        return read_outbox(app.config["MAIL_OUTBOX_DIR"])

    return sent


@pytest.fixture
def page_cache(app, monkeypatch):
    """The visitors' page cache, switched on and empty (the tests' config turns it off)."""
    monkeypatch.setitem(app.config, "PAGE_CACHE_SECONDS", 5)
    cache = app.extensions["page_cache"]
    cache.clear()
    yield cache
    cache.clear()


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


# --- the builders, as fixtures: the same functions tests/support exports --------------------


@pytest.fixture
def make_user():
    """``make_user(role="resident", *, name, email, locale, process)``: a confirmed person."""
    return factories.make_user


@pytest.fixture
def make_neighbourhood():
    """``make_neighbourhood(name=None, **columns)``."""
    return factories.make_neighbourhood


@pytest.fixture
def make_plan():
    """``make_plan(title=None, *, neighbourhoods, status, **columns)``: an active plan."""
    return factories.make_plan


@pytest.fixture
def make_process():
    """``make_process(title=None, *, phases, plan, published, categories, neighbourhoods)``:
    phases are (kind, start, end) in days from now."""
    return factories.make_process


@pytest.fixture
def make_proposal():
    """``make_proposal(process, author, *, now=None, **data)``: a published proposal."""
    return proposals.make_proposal


@pytest.fixture
def make_debate():
    """``make_debate(process, author=None, *, now=None, **data)``: an open debate."""
    return debates.make_debate


@pytest.fixture
def make_comment():
    """``make_comment(target, author, body=None, *, alignment, parent, now)``: a comment."""
    return comments.make_comment


@pytest.fixture
def make_meeting():
    """``make_meeting(process, actor, *, publish=True, **values)``: a published meeting."""
    return meetings.make_meeting
