"""One room, many parallel requests (real threads, a database connection each, as gunicorn's
workers): of meetings at overlapping times in one room, exactly one is booked, whether they are
published at once or moved into the room at once. On PostgreSQL the room's row is locked with
SELECT … FOR UPDATE before the overlap is checked; on SQLite the write lock serialises them."""

from datetime import timedelta

import sqlalchemy as sa

from participa.accounts.models import User
from participa.core.types import utcnow
from participa.extensions import db
from participa.meetings import operations
from participa.meetings.models import Meeting, MeetingStatus
from participa.processes.models import Process
from tests.support.meetings import meeting_data
from tests.support.parallel import run_parallel

THREADS = 6
START = utcnow().replace(microsecond=0, second=0) + timedelta(days=14)


def _published_in(room_id) -> int:
    db.session.expire_all()
    return db.session.scalar(sa.select(sa.func.count()).select_from(Meeting).where(
        Meeting.room_id == room_id, Meeting.status == MeetingStatus.PUBLISHED))


def test_one_of_many_overlapping_drafts_is_published(app, process, facilitator, make_facility,
                                                     make_meeting_in):
    room = make_facility(rooms=(("Sala d'actes", 80),)).rooms[0]
    drafts = [make_meeting_in(room, process, facilitator, publish=False,
                              start=START + timedelta(minutes=15 * i)) for i in range(THREADS)]
    ids, room_id, actor_id = [m.id for m in drafts], room.id, facilitator.id
    db.session.commit()

    def publish(meeting_id):
        def job():
            operations.publish_meeting(db.session.get(Meeting, meeting_id),
                                       actor=db.session.get(User, actor_id))
        return job

    ok, refused = run_parallel(app, [publish(i) for i in ids])

    assert (ok, refused) == (1, THREADS - 1)
    assert _published_in(room_id) == 1


def test_one_of_many_meetings_moved_into_a_room_at_once_gets_it(
        app, process, facilitator, make_facility, make_meeting_in):
    facility = make_facility(rooms=[(f"Sala {n}", 30) for n in range(THREADS + 1)])
    target, others = facility.rooms[0], facility.rooms[1:]
    meetings = [make_meeting_in(room, process, facilitator, start=START) for room in others]
    data = {m.id: meeting_data(m, room_id=target.id) for m in meetings}
    room_id, actor_id = target.id, facilitator.id
    db.session.commit()

    def move(meeting_id):
        def job():
            operations.update_meeting(db.session.get(Meeting, meeting_id), data[meeting_id],
                                      actor=db.session.get(User, actor_id))
        return job

    ok, refused = run_parallel(app, [move(m.id) for m in meetings])

    assert (ok, refused) == (1, THREADS - 1)
    assert _published_in(room_id) == 1


def test_one_of_many_meetings_created_and_published_at_once_gets_the_room(
        app, process, facilitator, make_facility):
    """Each request writes a new meeting into the room and publishes it in one transaction
    (its foreign key and the room's row lock must not wait for each other)."""
    room = make_facility(rooms=(("Sala gran", 60),)).rooms[0]
    room_id, process_id, actor_id = room.id, process.id, facilitator.id
    db.session.commit()

    def create_and_publish(n):
        def job():
            actor = db.session.get(User, actor_id)
            start = START + timedelta(minutes=10 * n)
            meeting = operations.create_meeting(db.session.get(Process, process_id), {
                "kind": "in_person", "title": f"Trobada {n}", "place": "", "room_id": room_id,
                "starts_at": start, "ends_at": start + timedelta(hours=2)}, actor=actor)
            operations.publish_meeting(meeting, actor=actor)
        return job

    ok, refused = run_parallel(app, [create_and_publish(n) for n in range(THREADS)])

    assert (ok, refused) == (1, THREADS - 1)
    assert _published_in(room_id) == 1
