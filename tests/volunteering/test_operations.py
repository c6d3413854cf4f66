"""Volunteering operations without HTTP: who may post, bad input refused with nothing changed,
places and the waiting list, leaving (the first waiting moves up and is e-mailed in their
language), the organisers' message, and the ActionLog."""

from datetime import timedelta

import pytest
import sqlalchemy as sa
from flask_babel import force_locale

from participa.core.errors import DomainError
from participa.core.models import ActionLog
from participa.core.types import utcnow
from participa.extensions import db
from participa.volunteering import notifications, operations
from participa.volunteering.models import Opportunity, OpportunityStatus, Signup, SignupStatus
from participa.volunteering.permissions import PostRefusal, SignupRefusal
from tests.support import factories
from tests.volunteering.conftest import (
    add_representative,
    details,
    make_association,
    make_opportunity,
)


def count(model):
    return db.session.scalar(sa.select(sa.func.count()).select_from(model))


def verbs():
    return [entry.verb for entry in db.session.scalars(sa.select(ActionLog).order_by(
        ActionLog.id))]


# -- posting -------------------------------------------------------------------------------------


def test_the_council_posts_a_draft_and_publishes_it(council_member):
    opportunity = operations.create_opportunity(details(), actor=council_member)
    assert opportunity.status == OpportunityStatus.DRAFT
    assert opportunity.association_id is None
    assert (opportunity.signups_count, opportunity.waiting_count) == (0, 0)
    operations.publish_opportunity(opportunity, actor=council_member)
    assert opportunity.status == OpportunityStatus.PUBLISHED
    assert opportunity.published_at is not None
    assert verbs()[-2:] == ["create_opportunity", "publish_opportunity"]


def test_a_representative_of_a_verified_association_posts_for_it():
    association = make_association("verified")
    representative = add_representative(association)
    opportunity = make_opportunity(representative, association=association)
    assert opportunity.association_id == association.id
    assert opportunity.status == OpportunityStatus.PUBLISHED
    entry = db.session.scalar(sa.select(ActionLog).where(
        ActionLog.verb == "create_opportunity"))
    assert entry.actor_id == representative.id
    assert entry.data["association_id"] == association.id


def test_a_representative_of_an_unverified_association_is_refused():
    association = make_association("pending")
    representative = add_representative(association)
    with pytest.raises(DomainError) as refused:
        operations.create_opportunity(details(), actor=representative, association=association)
    assert refused.value.message == PostRefusal.UNVERIFIED.label
    assert count(Opportunity) == 0


def test_acting_for_an_association_one_does_not_represent_is_refused():
    association = make_association("verified")
    stranger = factories.person()
    with pytest.raises(DomainError) as refused:
        operations.create_opportunity(details(), actor=stranger, association=association)
    assert refused.value.message == PostRefusal.NOT_REPRESENTATIVE.label
    council = factories.person("council")  # the council does not act for associations either
    with pytest.raises(DomainError):
        operations.create_opportunity(details(), actor=council, association=association)
    assert count(Opportunity) == 0


def test_a_resident_cannot_post_in_the_councils_name():
    with pytest.raises(DomainError):
        operations.create_opportunity(details(), actor=factories.person())
    assert count(Opportunity) == 0


def test_a_stranger_cannot_publish_or_close_an_associations_opportunity():
    association = make_association("verified")
    opportunity = make_opportunity(add_representative(association), association=association,
                                   publish=False)
    stranger = factories.person()
    for action in (operations.publish_opportunity, operations.close_opportunity):
        with pytest.raises(DomainError):
            action(opportunity, actor=stranger)
    assert opportunity.status == OpportunityStatus.DRAFT


@pytest.mark.parametrize("values, field", [
    ({"places": 0}, "places"),
    ({"places": -3}, "places"),
    ({"places": None}, "places"),
    ({"places": 10_001}, "places"),
    ({"title": ""}, "title"),
    ({"title": "Muntatge\nde la festa"}, "title"),
    ({"title": "Muntatge\x00"}, "title"),
    ({"place": "Plaça\rdel Mercat"}, "place"),
    ({"contact": "festa@riuclar.example\nBcc: x@example.org"}, "contact"),
    ({"skills": "força\u2028humor"}, "skills"),
    ({"place": "", "facility_id": None}, "place"),
    ({"schedule": "recurring", "recurrence": ""}, "recurrence"),
    ({"schedule": "sometimes"}, "schedule"),
    ({"neighbourhood_id": 2**31 - 1}, "neighbourhood_id"),
    ({"area_ids": [2**31 - 1]}, "area_ids"),
])
def test_bad_input_is_refused_and_nothing_is_saved(council_member, values, field):
    with pytest.raises(DomainError) as refused:
        operations.create_opportunity(details(**values), actor=council_member)
    assert refused.value.field == field
    db.session.rollback()
    assert count(Opportunity) == 0


def test_an_end_before_the_start_is_refused(council_member):
    start = utcnow() + timedelta(days=3)
    for end in (start, start - timedelta(hours=1)):
        with pytest.raises(DomainError) as refused:
            operations.create_opportunity(details(starts_at=start, ends_at=end),
                                          actor=council_member)
        assert refused.value.field == "ends_at"
    assert count(Opportunity) == 0


def test_a_recurring_opportunity_keeps_its_rule(council_member):
    start = utcnow() + timedelta(days=2)
    opportunity = make_opportunity(council_member, schedule="recurring",
                                   recurrence="Dissabtes 10:00–13:00", starts_at=start,
                                   ends_at=start + timedelta(days=90))
    assert opportunity.recurrence == "Dissabtes 10:00–13:00"
    once = make_opportunity(council_member, recurrence="ignored when once")
    assert once.recurrence == ""


def test_an_ended_draft_cannot_be_published(council_member):
    start = utcnow() - timedelta(days=3)
    opportunity = make_opportunity(council_member, publish=False, starts_at=start,
                                   ends_at=start + timedelta(hours=2))
    with pytest.raises(DomainError):
        operations.publish_opportunity(opportunity, actor=council_member)


def test_the_database_refuses_no_places(council_member):
    opportunity = make_opportunity(council_member)
    db.session.commit()
    with pytest.raises(sa.exc.IntegrityError):
        db.session.execute(sa.update(Opportunity).where(Opportunity.id == opportunity.id)
                           .values(places=0))
    db.session.rollback()


# -- signing up and leaving ----------------------------------------------------------------------


def test_places_then_the_waiting_list(council_member):
    opportunity = make_opportunity(council_member, places=2)
    people = [factories.person() for _ in range(4)]
    now = utcnow()
    statuses = [operations.sign_up(opportunity, actor=p, now=now + timedelta(seconds=i)).status
                for i, p in enumerate(people)]
    assert statuses == [SignupStatus.CONFIRMED] * 2 + [SignupStatus.WAITING] * 2
    assert (opportunity.signups_count, opportunity.waiting_count) == (2, 2)
    assert opportunity.is_full and opportunity.places_left == 0


def test_signing_up_twice_is_refused(opportunity):
    person = factories.person()
    operations.sign_up(opportunity, actor=person)
    with pytest.raises(DomainError) as refused:
        operations.sign_up(opportunity, actor=person)
    assert refused.value.message == SignupRefusal.ALREADY.label
    assert count(Signup) == 1
    assert opportunity.signups_count == 1


@pytest.mark.parametrize("state", ["draft", "closed", "cancelled", "past"])
def test_signing_up_to_what_is_not_open_is_refused(council_member, state):
    start = utcnow() + timedelta(days=5)
    opportunity = make_opportunity(council_member, publish=state != "draft", starts_at=start,
                                   ends_at=start + timedelta(hours=2))
    now = None
    if state == "closed":
        operations.close_opportunity(opportunity, actor=council_member)
    elif state == "cancelled":
        operations.cancel_opportunity(opportunity, actor=council_member)
    elif state == "past":
        now = start + timedelta(hours=3)
    with pytest.raises(DomainError):
        operations.sign_up(opportunity, actor=factories.person(), now=now)
    assert count(Signup) == 0
    assert opportunity.signups_count == 0


def test_leaving_moves_up_the_first_waiting_and_emails_them_in_their_language(
        council_member, outbox):
    opportunity = make_opportunity(council_member, places=1, title="Banc d'aliments")
    first, second = factories.person(), factories.make_user(locale="es")
    third = factories.person()
    now = utcnow()
    operations.sign_up(opportunity, actor=first, now=now)
    operations.sign_up(opportunity, actor=second, now=now + timedelta(seconds=1))
    operations.sign_up(opportunity, actor=third, now=now + timedelta(seconds=2))

    promoted = notifications.send_promotions(operations.leave(opportunity, actor=first))
    db.session.commit()

    assert [s.user_id for s in promoted] == [second.id]
    assert (opportunity.signups_count, opportunity.waiting_count) == (1, 1)
    statuses = dict(db.session.execute(sa.select(Signup.user_id, Signup.status)).all())
    assert statuses == {first.id: SignupStatus.LEFT, second.id: SignupStatus.CONFIRMED,
                        third.id: SignupStatus.WAITING}
    sent = outbox()
    assert [m["To"] for m in sent] == [second.email]
    with force_locale("es"):
        from flask_babel import gettext
        expected = gettext("A place has freed up: you are now a volunteer for \"%(title)s\"",
                           title="Banc d'aliments")
    assert sent[0]["Subject"] == expected
    assert f"/volunteering/{opportunity.id}" in sent[0].get_body(("plain",)).get_content()


def test_leaving_when_not_signed_up_is_refused(opportunity):
    with pytest.raises(DomainError):
        operations.leave(opportunity, actor=factories.person())


def test_one_can_sign_up_again_after_leaving(opportunity):
    person = factories.person()
    operations.sign_up(opportunity, actor=person)
    operations.leave(opportunity, actor=person)
    assert opportunity.signups_count == 0
    again = operations.sign_up(opportunity, actor=person)
    assert again.status == SignupStatus.CONFIRMED and again.left_at is None
    assert count(Signup) == 1


# -- editing, closing, cancelling, writing to volunteers -----------------------------------------


def test_places_cannot_drop_below_the_volunteers_and_more_places_move_people_up(
        council_member):
    opportunity = make_opportunity(council_member, places=2)
    people = [factories.person() for _ in range(3)]
    for person in people:
        operations.sign_up(opportunity, actor=person)
    db.session.commit()
    with pytest.raises(DomainError) as refused:
        operations.update_opportunity(opportunity, details(places=1), actor=council_member)
    assert refused.value.field == "places"
    db.session.rollback()
    opportunity = db.session.get(Opportunity, opportunity.id)
    saved, promoted = operations.update_opportunity(opportunity, details(places=3),
                                                    actor=council_member)
    assert [s.user_id for s in promoted] == [people[2].id]
    assert (saved.signups_count, saved.waiting_count) == (3, 0)
    assert "update_opportunity" in verbs()


def test_closing_stops_sign_ups_but_keeps_the_volunteers(opportunity, council_member):
    person = factories.person()
    operations.sign_up(opportunity, actor=person)
    operations.close_opportunity(opportunity, actor=council_member)
    assert opportunity.status == OpportunityStatus.CLOSED
    assert opportunity.signups_count == 1
    with pytest.raises(DomainError):
        operations.update_opportunity(opportunity, details(), actor=council_member)
    operations.leave(opportunity, actor=person)  # a volunteer may still step down
    assert opportunity.signups_count == 0


def test_cancelling_tells_everyone(council_member, outbox):
    opportunity = make_opportunity(council_member, places=1)
    people = [factories.person() for _ in range(2)]
    for person in people:
        operations.sign_up(opportunity, actor=person)
    told = operations.cancel_opportunity(opportunity, "Plou massa.", actor=council_member)
    notifications.send_cancellation(opportunity, told, "Plou massa.")
    db.session.commit()
    assert opportunity.status == OpportunityStatus.CANCELLED
    assert sorted(m["To"] for m in outbox()) == sorted(p.email for p in people)
    assert verbs()[-1] == "cancel_opportunity"


def test_the_organiser_writes_to_the_volunteers(council_member, outbox):
    opportunity = make_opportunity(council_member, places=1)
    volunteer, waiting = factories.person(), factories.person()
    operations.sign_up(opportunity, actor=volunteer)
    operations.sign_up(opportunity, actor=waiting)
    subject, body, recipients = operations.email_volunteers(
        opportunity, {"subject": "Quedem a les 9", "body": "Porteu guants."},
        actor=council_member)
    notifications.send_message(opportunity, subject, body, recipients, sender="Ajuntament")
    db.session.commit()
    sent = outbox()
    assert [m["To"] for m in sent] == [volunteer.email]
    assert sent[0]["Subject"] == "Quedem a les 9"
    assert "Porteu guants." in sent[0].get_body(("plain",)).get_content()
    assert verbs()[-1] == "email_volunteers"


@pytest.mark.parametrize("data", [
    {"subject": "Hola\nBcc: x@example.org", "body": "Text"},
    {"subject": "", "body": "Text"},
    {"subject": "Hola", "body": ""},
])
def test_a_bad_message_is_refused(opportunity, council_member, data):
    operations.sign_up(opportunity, actor=factories.person())
    with pytest.raises(DomainError):
        operations.email_volunteers(opportunity, data, actor=council_member)


def test_a_stranger_cannot_write_to_the_volunteers(opportunity):
    operations.sign_up(opportunity, actor=factories.person())
    with pytest.raises(DomainError):
        operations.email_volunteers(opportunity, {"subject": "Hola", "body": "Text"},
                                    actor=factories.person())
