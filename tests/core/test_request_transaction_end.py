"""How a request's transaction ends (participa/core/database.py): one that only read is
committed (psycopg keeps its prepared statements: a ROLLBACK would make PostgreSQL plan every
query again); one that wrote and did not commit is rolled back, its writes gone."""

import sqlalchemy as sa

from participa.core.database import _end_session
from participa.extensions import db
from participa.neighbourhoods.models import Neighbourhood
from tests.support import factories


def ends(app):
    """The ways each transaction ended while the block ran, in order."""
    seen = []

    def on_commit(conn):
        seen.append("commit")

    def on_rollback(conn):
        seen.append("rollback")

    with app.app_context():
        engine = db.engine
    sa.event.listen(engine, "commit", on_commit)
    sa.event.listen(engine, "rollback", on_rollback)
    return seen, lambda: (sa.event.remove(engine, "commit", on_commit),
                          sa.event.remove(engine, "rollback", on_rollback))


def test_a_page_that_only_read_commits(app, client, commit):
    factories.make_process(slug="llegit")
    commit()
    seen, stop = ends(app)
    try:
        assert client.get("/processes/llegit").status_code == 200
    finally:
        stop()
    assert seen == ["commit"]


def test_a_request_that_wrote_without_committing_rolls_back(app, commit):
    place = factories.make_neighbourhood(name="Abans")
    commit()
    seen, stop = ends(app)
    try:
        with app.test_request_context():
            db.session.execute(sa.update(Neighbourhood).where(Neighbourhood.id == place.id)
                               .values(name="Després"))
            _end_session()
        with app.test_request_context():
            db.session.get(Neighbourhood, place.id).name = "En memòria"  # pending, unflushed
            _end_session()
    finally:
        stop()
    assert seen == ["rollback", "rollback"]
    db.session.expire_all()
    assert db.session.get(Neighbourhood, place.id).name == "Abans"


def test_a_request_that_never_used_the_database_makes_no_session(app, client):
    seen, stop = ends(app)
    try:
        assert client.get("/healthz").status_code == 200
    finally:
        stop()
    assert seen == []
