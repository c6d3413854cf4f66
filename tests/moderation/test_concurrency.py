"""Reports, votes and comments under parallel requests, proven with real threads, each with its
own database connection and transaction (as gunicorn workers would have): one report per person
and item, automatic hiding exactly once, one vote per person and comment, the first-hour limit
of new accounts, and comment counters that always equal the visible rows.

These fail without the locks. Without ``lock_row(Moderation, …)`` in ``report_target``, parallel
reporters on PostgreSQL each read the count of open reports before the others commit: no thread
sees the threshold reached (the item stays visible with 8 reports) or several see it (two
``auto_hide`` rows and a counter decremented twice, below the visible rows)."""

import threading
import time

import pytest
import sqlalchemy as sa

from participa.accounts.models import User
from participa.comments import operations as comment_ops
from participa.comments.models import Comment, CommentVote
from participa.comments.queries import count_visible
from participa.extensions import db
from participa.moderation import operations
from participa.moderation.models import Moderation, ModerationStatus, Report
from participa.proposals.models import Proposal
from tests.support import factories
from tests.support.comments import make_comment, stored_comments_count
from tests.support.moderation import comment_rows, moderation_process, report_rows
from tests.support.parallel import run_parallel
from tests.support.proposals import make_proposal
from tests.support.records import log_entries

THREADS = 8


@pytest.fixture
def proposal():
    return make_proposal(moderation_process(), factories.make_user())


@pytest.fixture
def comment(proposal):
    return make_comment(proposal, factories.make_user(), "Un comentari polèmic.")


def _report_job(comment_id, user_id, reason="offensive"):
    def job():
        operations.report_target(db.session.get(Comment, comment_id), reason=reason,
                               actor=db.session.get(User, user_id))
    return job


def _people(n):
    return [factories.make_user().id for _ in range(n)]


def _moderation_of(comment_id):
    return db.session.scalar(sa.select(Moderation).where(Moderation.target_id == comment_id))


def test_many_people_reporting_at_once_hide_the_comment_exactly_once(app, proposal, comment):
    people = _people(THREADS)
    comment_id, proposal_id = comment.id, proposal.id
    db.session.commit()

    ok, refused = run_parallel(app, [_report_job(comment_id, p) for p in people])

    assert (ok, refused) == (THREADS, 0)
    db.session.expire_all()
    assert db.session.scalar(sa.select(sa.func.count()).select_from(Moderation)) == 1
    moderation = _moderation_of(comment_id)
    assert db.session.scalar(sa.select(sa.func.count()).select_from(Report)) == THREADS
    assert moderation.reports_count == THREADS
    assert moderation.status is ModerationStatus.HIDDEN
    assert db.session.get(Comment, comment_id).hidden_at is not None
    assert len(log_entries("auto_hide")) == 1
    proposal = db.session.get(Proposal, proposal_id)
    assert stored_comments_count(proposal) == 0 == count_visible("proposals",
                                                                 proposal_id)


def test_parallel_reports_of_an_already_reported_comment(app, proposal, comment):
    """The row exists (one report): the next reports only lock it; the third hides."""
    operations.report_target(comment, reason="spam", actor=factories.make_user())
    people = _people(THREADS)
    comment_id, proposal_id = comment.id, proposal.id
    db.session.commit()

    ok, refused = run_parallel(app, [_report_job(comment_id, p) for p in people])

    assert (ok, refused) == (THREADS, 0)
    db.session.expire_all()
    moderation = _moderation_of(comment_id)
    assert moderation.reports_count == THREADS + 1
    assert len(log_entries("auto_hide")) == 1
    assert log_entries("auto_hide")[0].data["reports"] == 3
    assert stored_comments_count(db.session.get(Proposal, proposal_id)) == 0


def test_the_same_person_reporting_in_parallel_reports_once(app, comment):
    (person,) = _people(1)
    comment_id = comment.id
    db.session.commit()

    ok, refused = run_parallel(app, [_report_job(comment_id, person)] * THREADS)

    assert (ok, refused) == (1, THREADS - 1)
    db.session.expire_all()
    assert db.session.scalar(sa.select(sa.func.count()).select_from(Report)) == 1
    assert _moderation_of(comment_id).reports_count == 1
    assert db.session.get(Comment, comment_id).hidden_at is None


def test_the_same_person_voting_in_parallel_votes_once(app, comment):
    (person,) = _people(1)
    comment_id = comment.id
    db.session.commit()

    def job():
        comment_ops.vote_comment(db.session.get(Comment, comment_id), 1,
                                 actor=db.session.get(User, person))

    ok, refused = run_parallel(app, [job] * THREADS)

    assert (ok, refused) == (THREADS, 0)  # voting up again is no change, not an error
    db.session.expire_all()
    assert db.session.scalar(sa.select(sa.func.count()).select_from(CommentVote)) == 1
    comment = db.session.get(Comment, comment_id)
    assert (comment.up_votes, comment.down_votes) == (1, 0)


def test_many_people_commenting_at_once_keep_the_counter_true(app, proposal, comment):
    people = _people(THREADS)
    proposal_id = proposal.id
    db.session.commit()

    def job(user_id):
        def run():
            comment_ops.create_comment(db.session.get(Proposal, proposal_id),
                                       {"body": "Hi estic d'acord."},
                                       actor=db.session.get(User, user_id))
        return run

    ok, refused = run_parallel(app, [job(p) for p in people])

    assert (ok, refused) == (THREADS, 0)
    db.session.expire_all()
    assert comment_rows(target_id=proposal_id) == THREADS + 1
    assert stored_comments_count(db.session.get(Proposal, proposal_id)) == THREADS + 1 \
        == count_visible("proposals", proposal_id)


def test_comments_reports_and_votes_at_once_keep_every_counter_true(app, proposal, comment):
    """Comments being written while the first one is reported away and others vote on it."""
    writers, reporters, voters = _people(3), _people(3), _people(2)
    proposal_id, comment_id = proposal.id, comment.id
    db.session.commit()

    def write(user_id):
        def run():
            comment_ops.create_comment(db.session.get(Proposal, proposal_id),
                                       {"body": "Una opinió més."},
                                       actor=db.session.get(User, user_id))
        return run

    def vote(user_id):
        def run():
            comment_ops.vote_comment(db.session.get(Comment, comment_id), -1,
                                     actor=db.session.get(User, user_id))
        return run

    jobs = [write(p) for p in writers] + [_report_job(comment_id, p) for p in reporters]
    jobs += [vote(p) for p in voters]
    ok, refused = run_parallel(app, jobs)

    db.session.expire_all()
    assert ok + refused == len(jobs)
    assert db.session.get(Comment, comment_id).hidden_at is not None
    assert comment_rows(target_id=proposal_id) == 4
    assert stored_comments_count(db.session.get(Proposal, proposal_id)) == 3 \
        == count_visible("proposals", proposal_id)
    comment = db.session.get(Comment, comment_id)
    votes = db.session.scalar(sa.select(sa.func.count()).select_from(CommentVote))
    assert comment.down_votes == votes  # a vote after the hiding is refused, not counted


def test_a_delete_and_a_hiding_at_once_count_the_comment_off_once(app, proposal, comment):
    """The author deletes the comment while the third report hides it: the counter goes
    down by one, not two. The delete is made to wait before its commit, so the report reads
    the comment while the delete is still open (without the comment's row lock in
    ``set_hidden`` it reads it as visible and takes it off the counter a second time)."""
    for _ in range(2):
        operations.report_target(comment, reason="spam", actor=factories.make_user())
    (third,) = _people(1)
    proposal_id, comment_id, author_id = proposal.id, comment.id, comment.author_id
    db.session.commit()
    deleted = threading.Event()

    def delete():
        comment_ops.delete_comment(db.session.get(Comment, comment_id),
                                   actor=db.session.get(User, author_id))
        deleted.set()
        time.sleep(0.5)  # still uncommitted while the report runs

    def hide():
        assert deleted.wait(10)
        _report_job(comment_id, third)()

    ok, refused = run_parallel(app, [delete, hide])

    assert (ok, refused) == (2, 0)
    db.session.expire_all()
    comment = db.session.get(Comment, comment_id)
    assert comment.deleted_at is not None and comment.hidden_at is not None
    assert stored_comments_count(db.session.get(Proposal, proposal_id)) == 0 \
        == count_visible("proposals", proposal_id)


def test_a_new_account_never_posts_beyond_its_first_hour_limit(app, proposal, monkeypatch):
    monkeypatch.setitem(app.config, "NEW_ACCOUNT_COMMENTS", 3)
    (newcomer,) = _people(1)
    proposal_id = proposal.id
    db.session.commit()

    def job():
        comment_ops.create_comment(db.session.get(Proposal, proposal_id),
                                   {"body": "Primer dia aquí!"},
                                   actor=db.session.get(User, newcomer),
                                   first_hour_limit=app.config["NEW_ACCOUNT_COMMENTS"])

    ok, refused = run_parallel(app, [job] * THREADS)

    assert (ok, refused) == (3, THREADS - 3)
    db.session.expire_all()
    assert comment_rows(author_id=newcomer) == 3
    assert stored_comments_count(db.session.get(Proposal, proposal_id)) == 3


def test_comments_written_while_the_author_is_blocked_are_not_left_visible(app, proposal):
    """The council blocks someone while their comment is on its way: the comment waits for the
    block (both lock the person's row) and must then be refused, not stored visible."""
    person = factories.make_user()
    make_comment(proposal, person, "Abans del bloqueig.")
    council = factories.make_user("council")
    proposal_id, person_id, council_id = proposal.id, person.id, council.id
    db.session.commit()
    blocking = threading.Event()

    def block():
        operations.block_user(db.session.get(User, person_id),
                              actor=db.session.get(User, council_id))
        blocking.set()
        time.sleep(0.5)  # the block is not committed yet while the comment arrives

    def write():
        target = db.session.get(Proposal, proposal_id)
        author = db.session.get(User, person_id)  # read before the block commits
        assert blocking.wait(10)
        comment_ops.create_comment(target, {"body": "Durant el bloqueig."}, actor=author)

    ok, refused = run_parallel(app, [block, write])

    db.session.expire_all()
    assert (ok, refused) == (1, 1)
    assert count_visible("proposals", proposal_id) == 0
    assert comment_rows(author_id=person_id) == 1
    assert stored_comments_count(db.session.get(Proposal, proposal_id)) == 0


def test_a_report_sent_while_its_author_is_blocked_is_refused(app, comment):
    person = factories.make_user()
    council = factories.make_user("council")
    comment_id, person_id, council_id = comment.id, person.id, council.id
    db.session.commit()
    blocking = threading.Event()

    def block():
        operations.block_user(db.session.get(User, person_id),
                              actor=db.session.get(User, council_id))
        blocking.set()
        time.sleep(0.5)

    def send():
        item = db.session.get(Comment, comment_id)
        reporter = db.session.get(User, person_id)  # signed in a moment before the block
        assert blocking.wait(10)
        operations.report_target(item, reason="spam", actor=reporter)

    ok, refused = run_parallel(app, [block, send])

    assert (ok, refused) == (1, 1)
    assert report_rows() == 0
