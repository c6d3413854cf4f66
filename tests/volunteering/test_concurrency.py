"""Places under parallel requests, with real threads and one database connection each (as
gunicorn workers would): never more volunteers than places, nobody twice, and exactly one
move up the waiting list per freed place. Runs on SQLite and on PostgreSQL."""

import sqlalchemy as sa

from participa.accounts.models import User
from participa.extensions import db
from participa.volunteering import operations
from participa.volunteering.models import Opportunity, Signup, SignupStatus
from tests.support import factories
from tests.support.parallel import run_parallel
from tests.volunteering.conftest import make_opportunity

THREADS = 8


def _statuses(opportunity_id):
    return dict(db.session.execute(
        sa.select(Signup.status, sa.func.count())
        .where(Signup.opportunity_id == opportunity_id).group_by(Signup.status)).all())


def _counters_match(opportunity_id):
    db.session.expire_all()
    opportunity = db.session.get(Opportunity, opportunity_id)
    statuses = _statuses(opportunity_id)
    return (opportunity.signups_count == statuses.get(SignupStatus.CONFIRMED, 0)
            and opportunity.waiting_count == statuses.get(SignupStatus.WAITING, 0))


def _sign_up_job(opportunity_id, user_id):
    def job():
        operations.sign_up(db.session.get(Opportunity, opportunity_id),
                           actor=db.session.get(User, user_id))
    return job


def test_the_last_places_go_to_exactly_as_many_people(app):
    opportunity = make_opportunity(places=3)
    operations.sign_up(opportunity, actor=factories.person())  # two places left
    people = [factories.person() for _ in range(THREADS)]
    opportunity_id, ids = opportunity.id, [p.id for p in people]
    db.session.commit()

    ok, refused = run_parallel(app, [_sign_up_job(opportunity_id, i) for i in ids])

    assert (ok, refused) == (THREADS, 0)  # everyone gets a place or a place in the queue
    statuses = _statuses(opportunity_id)
    assert statuses[SignupStatus.CONFIRMED] == 3
    assert statuses[SignupStatus.WAITING] == THREADS - 2
    assert _counters_match(opportunity_id)


def test_nobody_signs_up_twice(app):
    opportunity = make_opportunity(places=10)
    person = factories.person()
    opportunity_id, person_id = opportunity.id, person.id
    db.session.commit()

    ok, refused = run_parallel(app, [_sign_up_job(opportunity_id, person_id)] * THREADS)

    assert (ok, refused) == (1, THREADS - 1)
    assert db.session.scalar(sa.select(sa.func.count()).select_from(Signup)) == 1
    assert _counters_match(opportunity_id)


def test_one_move_up_per_freed_place(app):
    opportunity = make_opportunity(places=2)
    people = [factories.person() for _ in range(2 + 4)]
    for person in people:
        operations.sign_up(opportunity, actor=person)
    opportunity_id = opportunity.id
    confirmed, waiting = [p.id for p in people[:2]], [p.id for p in people[2:]]
    db.session.commit()

    def leave_job(user_id):
        def job():
            operations.leave(db.session.get(Opportunity, opportunity_id),
                             actor=db.session.get(User, user_id))
        return job

    jobs = [leave_job(i) for i in confirmed] + [_sign_up_job(opportunity_id, i)
                                                for i in waiting[:2]]
    ok, refused = run_parallel(app, jobs)

    assert (ok, refused) == (2, 2)  # the two waiting who try again are already queued
    moved_up = set(db.session.scalars(sa.select(Signup.user_id).where(
        Signup.opportunity_id == opportunity_id, Signup.status == SignupStatus.CONFIRMED)))
    assert moved_up == set(waiting[:2])
    assert _counters_match(opportunity_id)
