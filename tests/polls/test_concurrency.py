"""Ballots under parallel requests, with real threads and one database connection each (as
gunicorn workers would): one ballot per person, the counter equals the roll, and a rule change
and a first ballot never both get through. Run on SQLite and on PostgreSQL
(PARTICIPA_TEST_DATABASE_URL)."""

import sqlalchemy as sa

from participa.accounts.models import User
from participa.extensions import db
from participa.polls import operations
from participa.polls.models import Poll, PollBallot, PollOption, PollVoter
from tests.support.parallel import run_parallel
from tests.support.polls import SECRET, make_poll

THREADS = 8


def _count(model, *where):
    return db.session.scalar(sa.select(sa.func.count()).select_from(model).where(*where))


def _cast_job(poll_id, user_id, choice):
    def job():
        poll = db.session.get(Poll, poll_id)
        operations.cast_ballot(poll, choice, actor=db.session.get(User, user_id),
                               ballot_key=SECRET)
    return job


def _counter_matches(poll_id):
    db.session.expire_all()
    poll = db.session.get(Poll, poll_id)
    return poll.voters_count == _count(PollVoter, PollVoter.poll_id == poll_id) == _count(
        PollBallot, PollBallot.poll_id == poll_id)


def test_one_ballot_per_person_under_parallel_requests(app, make_user):
    poll = make_poll(kind="ranked")
    person = make_user()
    poll_id, person_id = poll.id, person.id
    orders = [[o.id for o in poll.options[i:] + poll.options[:i]] for i in range(3)]
    db.session.commit()

    jobs = [_cast_job(poll_id, person_id, orders[i % 3]) for i in range(THREADS)]
    ok, refused = run_parallel(app, jobs)

    assert (ok, refused) == (THREADS, 0)  # each one cast, then changed, in turn
    assert _count(PollVoter) == 1 and _count(PollBallot) == 1
    assert _counter_matches(poll_id)
    assert db.session.scalar(sa.select(PollBallot.choice)) in orders


def test_everyone_voting_at_once_is_counted_once(app, make_user):
    poll = make_poll()
    people = [make_user() for _ in range(THREADS)]
    poll_id, ids = poll.id, [p.id for p in people]
    db.session.commit()

    ok, refused = run_parallel(app, [_cast_job(poll_id, i, "yes") for i in ids])

    assert (ok, refused) == (THREADS, 0)
    assert _count(PollVoter) == THREADS and _counter_matches(poll_id)
    assert db.session.get(Poll, poll_id).voters_count == THREADS


def test_a_rule_change_and_a_first_ballot_never_both_get_through(app, make_user):
    council = make_user("council")
    poll = make_poll(kind="approval", actor=council)
    person = make_user()
    poll_id, person_id, council_id = poll.id, person.id, council.id
    first_option = poll.options[0].id
    db.session.commit()

    def change_rules():
        poll = db.session.get(Poll, poll_id)
        operations.update_poll(poll, {"title": poll.title, "kind": "approval",
                                      "options": "Una altra\nI una altra", "max_choices": 1},
                               actor=db.session.get(User, council_id))

    ok, refused = run_parallel(app, [change_rules,
                                     _cast_job(poll_id, person_id, [first_option])])

    assert (ok, refused) == (1, 1)
    db.session.expire_all()
    titles = list(db.session.scalars(sa.select(PollOption.title).where(
        PollOption.poll_id == poll_id).order_by(PollOption.position)))
    if _count(PollBallot):  # the ballot came first: the rules did not change
        assert titles[0] == "Plaça de la Font"
        assert db.session.scalar(sa.select(PollBallot.choice)) == [first_option]
    else:  # the rules changed first: the ballot for a removed option was refused
        assert titles == ["Una altra", "I una altra"]
        assert _count(PollVoter) == 0
    assert _counter_matches(poll_id)
