"""Content hidden by moderation is unreadable on every read path: lists, searches, open data,
every calendar feed, its own page (a placeholder), permalinks; and it takes no supports,
registrations, comments or votes."""

import pytest
import sqlalchemy as sa

from participa.extensions import db
from participa.meetings.models import Registration
from participa.meetings.operations import close_meeting
from participa.moderation.operations import hide_target
from participa.proposals.models import Support
from tests.support import factories
from tests.support.comments import make_comment
from tests.support.debates import make_debate
from tests.support.meetings import make_meeting
from tests.support.moderation import report_by
from tests.support.proposals import make_proposal
from tests.support.web import login, post, text

SECRET = "Text que la moderació ha amagat"


@pytest.fixture
def site(make_process):
    plan = factories.make_plan()
    process = make_process(plan=plan, categories=("Cultura",))
    facilitator = factories.make_user("facilitator", process=process, locale="en")
    resident = factories.make_user(locale="en")
    return {"plan": plan, "process": process, "facilitator": facilitator, "resident": resident}


def hide(target):
    """Reported, then hidden by the council (official content waits for a person)."""
    _, (moderation, _, _) = report_by(target, 1)
    hide_target(moderation, actor=factories.make_user("council"))
    db.session.commit()
    assert target.hidden_at is not None


def readable_everywhere(client, site, paths):
    for path in paths:
        response = client.get(path)
        assert SECRET not in text(response), path


def test_a_hidden_proposal(client, site):
    process = site["process"]
    proposal = make_proposal(process, factories.make_user(), title=SECRET, body=SECRET)
    db.session.commit()
    slug = process.slug
    hide(proposal)
    readable_everywhere(client, site, [
        f"/processes/{slug}/proposals/", f"/processes/{slug}/proposals/?q=amagat",
        f"/processes/{slug}/proposals.json", f"/processes/{slug}/proposals.csv",
        f"/processes/{slug}/proposals/{proposal.id}", f"/processes/{slug}",
    ])
    login(client, site["resident"])
    readable_everywhere(client, site, [f"/processes/{slug}/proposals/{proposal.id}"])
    post(client, f"/processes/{slug}/proposals/{proposal.id}/support")
    assert db.session.scalar(sa.select(sa.func.count()).select_from(Support)) == 0
    response = post(client, f"/processes/{slug}/proposals/{proposal.id}/comments",
                    {"body": "Un comentari", "alignment": "neutral"})
    assert response.status_code == 403


def test_a_hidden_debate(client, site):
    process = site["process"]
    debate = make_debate(process, site["facilitator"], title=SECRET, body=SECRET)
    db.session.commit()
    hide(debate)
    slug = process.slug
    readable_everywhere(client, site, [f"/processes/{slug}/debates/",
                                       f"/processes/{slug}/debates/{debate.id}"])
    login(client, site["resident"])
    response = post(client, f"/processes/{slug}/debates/{debate.id}/comments",
                    {"body": "Un comentari", "alignment": "neutral"})
    assert response.status_code == 403


def test_a_hidden_meeting_leaves_every_feed_and_takes_no_registration(client, site):
    process = site["process"]
    meeting = make_meeting(process, site["facilitator"], title=SECRET, description=SECRET,
                           registrations_enabled=True)
    db.session.commit()
    hide(meeting)
    slug = process.slug
    readable_everywhere(client, site, [
        "/meetings/", "/meetings.ics", f"/processes/{slug}/meetings/",
        f"/processes/{slug}/meetings.ics", f"/plans/{site['plan'].slug}/meetings.ics",
        f"/processes/{slug}/meetings/{meeting.id}", "/",
    ])
    assert client.get(f"/meetings/{meeting.id}.ics").status_code == 404
    login(client, site["resident"])
    readable_everywhere(client, site, [f"/processes/{slug}/meetings/{meeting.id}"])
    assert client.get(f"/meetings/{meeting.id}.ics").status_code == 404
    post(client, f"/processes/{slug}/meetings/{meeting.id}/register", {"accept_terms": "y"})
    assert db.session.scalar(sa.select(sa.func.count()).select_from(Registration)) == 0


def test_a_hidden_meeting_leaves_the_pages_of_the_proposals_it_discussed(client, site):
    process = site["process"]
    proposal = make_proposal(process, factories.make_user())
    meeting = make_meeting(process, site["facilitator"], title=SECRET)
    close_meeting(meeting, {"minutes": "Acta", "proposals": [proposal]},
                  actor=site["facilitator"])
    db.session.commit()
    page = f"/processes/{process.slug}/proposals/{proposal.id}"
    assert SECRET in text(client.get(page))  # held, it is linked from the proposal
    hide(meeting)
    readable_everywhere(client, site, [page])
    assert "Discussed in meetings" not in text(client.get(page))


def test_a_hidden_comment_keeps_its_text_for_moderators_even_once_deleted(client, site):
    process = site["process"]
    proposal = make_proposal(process, factories.make_user())
    author = factories.make_user(locale="en")
    comment = make_comment(proposal, author, SECRET)
    db.session.commit()
    hide(comment)
    readable_everywhere(client, site, [
        f"/processes/{process.slug}/proposals/{proposal.id}", f"/comments/{comment.id}",
    ])
    login(client, author)
    response = post(client, f"/comments/{comment.id}/delete")
    assert response.status_code == 302
    db.session.expire_all()
    assert comment.deleted_at is not None and comment.body == ""
    assert [version.body for version in comment.versions] == [SECRET]
    moderator = client.another()
    login(moderator, site["facilitator"])
    moderation_id = db.session.scalar(sa.text(
        "SELECT id FROM moderations WHERE target_kind = 'comments'"))
    assert SECRET in text(moderator.get(f"/moderation/{moderation_id}"))
