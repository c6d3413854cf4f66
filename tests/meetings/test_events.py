"""Events: their types, several days or whole days, free or priced, and who organises them —
the person, an association (through a representative of a verified one) or the council. Every
refusal is translated and changes nothing."""

from datetime import timedelta

import pytest
import sqlalchemy as sa
from flask_babel import force_locale

from participa.core.errors import DomainError
from participa.core.timeutil import utc_to_local
from participa.extensions import db
from participa.meetings import operations
from participa.meetings.days import days_covered, meeting_days
from participa.meetings.models import EventType, Meeting, Organiser
from tests.agenda.builders import add_representative, local, make_association, make_event
from tests.support import factories
from tests.support.meetings import meeting_data, meeting_values


@pytest.fixture(autouse=True)
def _in_english():
    """The refusals read in English here (lazy messages translate when read)."""
    with force_locale("en"):
        yield


def count():
    return db.session.scalar(sa.select(sa.func.count()).select_from(Meeting))


@pytest.mark.parametrize("event_type", [t.value for t in EventType])
def test_every_type_is_stored(process, facilitator, event_type):
    meeting = operations.create_meeting(process, meeting_values(event_type=event_type),
                                        actor=facilitator)
    assert meeting.event_type == EventType(event_type)
    assert meeting.is_cultural == (event_type in ("fair", "festival", "exhibition", "talk",
                                                  "sport"))


def test_a_meeting_without_a_type_is_a_meeting_free_and_organised_by_its_creator(
        process, facilitator):
    meeting = operations.create_meeting(process, meeting_values(), actor=facilitator)
    assert meeting.event_type == EventType.MEETING
    assert meeting.organised_by == Organiser.PERSON and meeting.association_id is None
    assert meeting.is_free and meeting.price == ""


def test_a_price_is_kept_trimmed(process, facilitator):
    meeting = operations.create_meeting(
        process, meeting_values(price="  5 € · gratuït per a menors de 12 anys "),
        actor=facilitator)
    assert meeting.price == "5 € · gratuït per a menors de 12 anys"
    assert not meeting.is_free


def test_an_event_lasts_several_days(process, facilitator):
    start = local(2027, 6, 24, 18)
    meeting = make_event(process, facilitator, start=start, hours=24 * 3 + 5)  # to the 27th
    assert meeting_days(meeting) == 4
    first = utc_to_local(meeting.starts_at).date()
    assert days_covered(meeting, first, first + timedelta(days=10))[-1].day == 27


def test_ending_at_midnight_does_not_cover_the_next_day(process, facilitator):
    meeting = make_event(process, facilitator, start=local(2027, 6, 24, 22), hours=2)
    assert meeting_days(meeting) == 1


def test_an_all_day_event_runs_from_the_first_midnight_to_the_last_evening(
        process, facilitator):
    meeting = make_event(process, facilitator, start=local(2027, 5, 3, 10), hours=24 * 13,
                         is_all_day=True)
    start, end = utc_to_local(meeting.starts_at), utc_to_local(meeting.ends_at)
    assert (start.day, start.hour, start.minute) == (3, 0, 0)
    assert (end.day, end.hour, end.minute) == (16, 23, 59)
    assert meeting_days(meeting) == 14
    # saving it again as the edit form shows it changes nothing
    operations.update_meeting(meeting, meeting_data(meeting), actor=facilitator)
    assert utc_to_local(meeting.ends_at).day == 16


def test_an_event_cannot_end_before_it_starts_or_last_over_a_year(process, facilitator):
    before = count()
    start = local(2027, 6, 24, 18)
    with pytest.raises(DomainError, match="The end must come after the start."):
        operations.create_meeting(process, meeting_values(
            starts_at=start, ends_at=start - timedelta(hours=1)), actor=facilitator)
    with pytest.raises(DomainError, match="An event can last a year at most."):
        operations.create_meeting(process, meeting_values(
            starts_at=start, ends_at=start + timedelta(days=400)), actor=facilitator)
    assert count() == before


# --- organisers ------------------------------------------------------------------------------


def test_a_representative_publishes_as_a_verified_association(process):
    association = make_association()
    marta = add_representative(association)
    meeting = make_event(process, marta, start=local(2027, 6, 24, 18), association=association)
    assert meeting.organised_by == Organiser.ASSOCIATION
    assert meeting.association == association and meeting.created_by_id == marta.id


@pytest.mark.parametrize("case, message", [
    ("stranger", "You do not represent this association, so you cannot act on its behalf."),
    ("pending", "This association has not been verified by the council yet, so it cannot "
                "publish on the platform."),
    ("asked only", "You do not represent this association, so you cannot act on its behalf."),
    ("unknown", "Choose the association that organizes it."),
])
def test_acting_for_an_association_one_may_not_is_refused(process, facilitator, case, message):
    from participa.associations import operations as associations

    association = make_association("pending" if case == "pending" else "verified")
    actor = facilitator
    if case == "pending":
        actor = association.representatives[0].user  # its administrator, not yet verified
    elif case == "asked only":
        actor = factories.person()
        associations.ask_to_represent(association, actor=actor)
    before = count()
    data = meeting_values(organised_by="association",
                          association_id=2**31 - 1 if case == "unknown" else association.id)
    with pytest.raises(DomainError) as refused:
        operations.create_meeting(process, data, actor=actor)
    assert str(refused.value.message) == message
    assert refused.value.field == "organiser"
    assert count() == before


def test_only_the_council_publishes_as_the_council(process, facilitator, council):
    with pytest.raises(DomainError, match="Only the council can publish in its own name."):
        operations.create_meeting(process, meeting_values(organised_by="council"),
                                  actor=facilitator)
    meeting = operations.create_meeting(process, meeting_values(organised_by="council"),
                                        actor=council)
    assert meeting.organised_by == Organiser.COUNCIL
    # a facilitator edits the council's event and it stays the council's
    operations.update_meeting(meeting, meeting_data(meeting, organised_by="council",
                                                    title="Fira d'entitats"),
                              actor=facilitator)
    assert meeting.organised_by == Organiser.COUNCIL and meeting.title == "Fira d'entitats"


def test_a_facilitator_edits_an_association_event_without_representing_it(
        process, facilitator):
    association = make_association()
    marta = add_representative(association)
    meeting = make_event(process, marta, start=local(2027, 6, 24, 18), association=association)
    operations.update_meeting(meeting, meeting_data(
        meeting, organised_by="association", association_id=association.id, price="3 €"),
        actor=facilitator)
    assert meeting.association == association and meeting.price == "3 €"
    other = make_association()
    with pytest.raises(DomainError, match="You do not represent this association"):
        operations.update_meeting(meeting, meeting_data(
            meeting, organised_by="association", association_id=other.id),
            actor=facilitator)


def test_the_database_refuses_an_association_organiser_without_an_association(
        process, facilitator):
    meeting = operations.create_meeting(process, meeting_values(), actor=facilitator)
    db.session.flush()
    meeting.organised_by = Organiser.ASSOCIATION
    with pytest.raises(sa.exc.IntegrityError):
        db.session.flush()
    db.session.rollback()
