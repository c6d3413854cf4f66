"""Meeting capacity under parallel requests, with real threads and one database connection each:
never more people than places, nobody twice, and exactly one promotion per freed place."""

from datetime import timedelta

import sqlalchemy as sa

from participa.accounts.models import User
from participa.core.types import utcnow
from participa.extensions import db
from participa.meetings import operations
from participa.meetings.models import Meeting, Registration, RegistrationStatus
from tests.support import factories
from tests.support.parallel import run_parallel

THREADS = 8


def _meeting(capacity):
    process = factories.make_process()
    facilitator = factories.make_user("facilitator", process=process)
    start = utcnow() + timedelta(days=7)
    meeting = operations.create_meeting(process, {
        "kind": "in_person", "title": "Assemblea de barri", "place": "Casal",
        "starts_at": start, "ends_at": start + timedelta(hours=2),
        "registrations_enabled": True, "capacity": capacity,
    }, actor=facilitator)
    operations.publish_meeting(meeting, actor=facilitator)
    return meeting


def _statuses(meeting_id):
    return dict(db.session.execute(
        sa.select(Registration.status, sa.func.count())
        .where(Registration.meeting_id == meeting_id).group_by(Registration.status)
    ).all())


def _register_job(meeting_id, user_id):
    def job():
        operations.register(db.session.get(Meeting, meeting_id),
                            actor=db.session.get(User, user_id))
    return job


def _counters_match(meeting_id):
    db.session.expire_all()
    meeting = db.session.get(Meeting, meeting_id)
    statuses = _statuses(meeting_id)
    return (meeting.registrations_count == statuses.get(RegistrationStatus.CONFIRMED, 0)
            and meeting.waiting_count == statuses.get(RegistrationStatus.WAITING, 0))


def test_capacity_is_never_exceeded(app, make_user):
    meeting = _meeting(capacity=3)
    people = [make_user() for _ in range(THREADS)]
    meeting_id, ids = meeting.id, [p.id for p in people]
    db.session.commit()

    ok, refused = run_parallel(app, [_register_job(meeting_id, i) for i in ids])

    assert (ok, refused) == (THREADS, 0)  # everyone gets a place or a place in the queue
    statuses = _statuses(meeting_id)
    assert statuses[RegistrationStatus.CONFIRMED] == 3
    assert statuses[RegistrationStatus.WAITING] == THREADS - 3
    assert _counters_match(meeting_id)


def test_nobody_is_registered_twice(app, make_user):
    meeting = _meeting(capacity=10)
    person = make_user()
    meeting_id, person_id = meeting.id, person.id
    db.session.commit()

    ok, refused = run_parallel(app, [_register_job(meeting_id, person_id)] * THREADS)

    assert (ok, refused) == (1, THREADS - 1)
    assert db.session.scalar(sa.select(sa.func.count()).select_from(Registration)) == 1
    assert _counters_match(meeting_id)


def test_one_promotion_per_freed_place(app, make_user):
    meeting = _meeting(capacity=4)
    people = [make_user() for _ in range(4 + THREADS)]
    now = utcnow()
    for i, person in enumerate(people):  # queued one second apart: a clear waiting order
        operations.register(meeting, actor=person, now=now + timedelta(seconds=i))
    meeting_id = meeting.id
    confirmed = [p.id for p in people[:4]]
    waiting = [p.id for p in people[4:]]
    db.session.commit()

    def cancel_job(user_id):
        def job():
            operations.cancel_registration(db.session.get(Meeting, meeting_id),
                                           actor=db.session.get(User, user_id))
        return job

    # the four confirmed people cancel while the first four waiting ones also try to register
    # again (refused: already in the queue)
    jobs = [cancel_job(i) for i in confirmed] + [_register_job(meeting_id, i) for i in waiting[:4]]
    ok, refused = run_parallel(app, jobs)

    assert (ok, refused) == (4, 4)
    promoted = set(db.session.scalars(sa.select(Registration.user_id).where(
        Registration.meeting_id == meeting_id,
        Registration.status == RegistrationStatus.CONFIRMED)))
    assert promoted == set(waiting[:4])  # exactly the four waiting longest, each once
    assert _counters_match(meeting_id)
    assert _statuses(meeting_id)[RegistrationStatus.WAITING] == THREADS - 4
