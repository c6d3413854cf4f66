"""The demo town makes sense (issue 13): each comment thread belongs to its item (no two items
share one), the demo residents' proposals are discussed, an online meeting has no venue (no
address, no step-free note, no door code on its page), and the demo residents are registered
for some meetings, on the waiting list of one and not registered for others."""

import sqlalchemy as sa
from flask_babel import force_locale, gettext

from participa.accounts.queries import get_user_by_email
from participa.comments.models import Comment
from participa.extensions import db
from participa.meetings.models import Meeting, MeetingKind, MeetingStatus, Registration
from participa.proposals.models import Proposal
from participa.seed import DEMO_PASSWORD, seed_demo
from tests.support.web import login, text


def test_each_thread_is_its_items_own(app):
    seed_demo()
    db.session.commit()
    threads = {}
    for comment in db.session.scalars(sa.select(Comment).where(Comment.deleted_at.is_(None))):
        threads.setdefault((comment.target_kind, comment.target_id), []).append(comment.body)
    assert {kind for kind, _ in threads} == {"proposals", "debates", "meetings"}
    assert len(threads) >= 15
    bodies = [body for thread in threads.values() for body in thread]
    assert len(bodies) == len(set(bodies)), "no comment is said twice"

    marta = get_user_by_email("marta@riuclar.example")
    hers = list(db.session.scalars(sa.select(Proposal).where(Proposal.author_id == marta.id)))
    assert hers and all(proposal.comments_count >= 3 for proposal in hers)
    replies_to_her = db.session.scalar(sa.select(sa.func.count()).select_from(Comment).where(
        Comment.author_id == marta.id, Comment.parent_id.is_not(None)))
    assert replies_to_her >= 3  # she answers the neighbours on her proposals


def test_an_online_meeting_has_no_venue(app, client):
    seed_demo()
    db.session.commit()
    [online] = db.session.scalars(sa.select(Meeting).where(Meeting.kind == MeetingKind.ONLINE))
    assert (online.place, online.address, online.step_free_access) == ("", "", False)
    jordi = get_user_by_email("jordi@riuclar.example")
    assert db.session.scalar(sa.select(Registration).where(
        Registration.meeting_id == online.id, Registration.user_id == jordi.id)) is not None
    login(client, jordi, DEMO_PASSWORD)
    html = text(client.get(f"/processes/{online.process.slug}/meetings/{online.id}"))
    with force_locale(jordi.locale):  # the page speaks his language
        assert gettext("You are registered.") in html
        assert gettext("Step-free access") not in html
    assert "door-code" not in html


def test_the_demo_residents_have_some_places_not_all(app):
    seed_demo()
    db.session.commit()
    published = list(db.session.scalars(sa.select(Meeting).where(
        Meeting.status.in_([MeetingStatus.PUBLISHED, MeetingStatus.CLOSED]))))
    assert any(m.status is MeetingStatus.CLOSED and m.registrations_count for m in published)
    assert any(m.status is MeetingStatus.PUBLISHED and m.registrations_enabled
               for m in published)
    for email in ("marta@riuclar.example", "jordi@riuclar.example", "fatima@riuclar.example"):
        person = get_user_by_email(email)
        places = {r.meeting_id: r.status.value for r in db.session.scalars(
            sa.select(Registration).where(Registration.user_id == person.id))}
        assert places, email
        assert len(places) < len(published), email
    marta = get_user_by_email("marta@riuclar.example")
    statuses = [r.status.value for r in db.session.scalars(
        sa.select(Registration).where(Registration.user_id == marta.id))]
    assert statuses.count("waiting") == 1 and "confirmed" in statuses
