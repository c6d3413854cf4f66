"""Nothing after the commit needs the database: when it drops right after a write committed,
the person still gets the redirect their write earned (not a 500 for a change that landed)."""

import pytest
import sqlalchemy as sa
from sqlalchemy import event

from participa.comments.models import Comment
from participa.extensions import db
from participa.meetings.models import Registration
from participa.proposals.models import Proposal, Support
from tests.support.web import csrf_token, login


@pytest.fixture
def drops_after_commit(app):
    """Once armed, the first commit makes every later statement fail as a lost database would."""
    state = {"armed": False, "dropped": False}

    def after_commit(connection):  # the database's own COMMIT, not a savepoint's release
        if state["armed"]:
            state["dropped"] = True

    def before_execute(conn, cursor, statement, parameters, context, executemany):
        if state["dropped"]:
            raise sa.exc.OperationalError(statement, parameters, Exception("database dropped"))

    with app.app_context():
        engine = db.engine
    event.listen(engine, "commit", after_commit)
    event.listen(engine, "before_cursor_execute", before_execute)
    yield state
    event.remove(engine, "commit", after_commit)
    event.remove(engine, "before_cursor_execute", before_execute)


def count(model) -> int:
    return db.session.scalar(sa.select(sa.func.count()).select_from(model))


def test_the_writes_people_make_most_answer_their_redirect(
        client, drops_after_commit, process, resident, commit, make_proposal, make_meeting,
        facilitator, make_comment):
    proposal = make_proposal(process, facilitator)
    meeting = make_meeting(process, facilitator)
    mine = make_comment(proposal, resident, "El meu comentari.")
    commit()
    login(client, resident)
    slug = process.slug
    writes = [
        (f"/processes/{slug}/proposals/{proposal.id}/comments",
         {"body": "Un comentari que arriba.", "alignment": "in_favour"}, Comment, 2),
        (f"/comments/{mine.id}/edit", {"body": "El meu comentari, corregit.",
                                       "alignment": "neutral"}, Comment, 2),
        (f"/processes/{slug}/proposals/{proposal.id}/support", {}, Support, 1),
        (f"/processes/{slug}/meetings/{meeting.id}/register", {"accept_terms": "y"},
         Registration, 1),
        (f"/processes/{slug}/proposals/new",
         {"title": "Un casal per al jovent", "body": "Amb biblioteca.",
          "category_id": process.categories[1].id, "action": "publish"}, Proposal, 2),
    ]
    for path, data, model, expected in writes:
        token = csrf_token(client, f"/processes/{slug}/proposals/{proposal.id}")
        drops_after_commit.update(armed=True, dropped=False)
        response = client.post(path, data={**data, "csrf_token": token})
        assert drops_after_commit["dropped"], path  # it committed, then the database went
        drops_after_commit.update(armed=False, dropped=False)
        assert response.status_code == 302, (path, response.get_data(as_text=True)[:300])
        assert count(model) == expected, path
