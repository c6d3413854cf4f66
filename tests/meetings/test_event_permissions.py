"""Who may publish events as an association: a grid of the person's role × their link to the
association × its verification state, for proposing an event in a process, publishing it as
the association and managing it afterwards."""

import pytest
from flask_babel import force_locale
from flask_login import AnonymousUserMixin

from participa.associations import operations as associations
from participa.associations.queries import represented_associations
from participa.core.errors import DomainError
from participa.core.types import utcnow
from participa.extensions import db
from participa.meetings import operations
from participa.meetings.permissions import can_create_meeting, can_manage_meeting
from participa.processes.models import ProcessRole
from participa.processes.phases import PhaseKind
from tests.agenda.builders import local, make_association, make_event
from tests.support import factories
from tests.support.meetings import meeting_values

LINKS = ("none", "asked", "representative", "administrator")
STATES = ("verified", "pending")


def _linked(association, link):
    """A person with ``link`` to ``association``."""
    if link == "administrator":
        return association.representatives[0].user
    person = factories.person()
    if link in ("asked", "representative"):
        request = associations.ask_to_represent(association, actor=person)
        if link == "representative":
            admin = association.representatives[0].user
            associations.accept_representative(request, actor=admin)
    return person


@pytest.mark.parametrize("state", STATES)
@pytest.mark.parametrize("link", LINKS)
@pytest.mark.parametrize("role", ("resident", "facilitator", "council"))
def test_publishing_as_an_association(process, role, link, state):
    association = make_association(state)
    person = _linked(association, link)
    if role == "facilitator":
        db.session.add(ProcessRole(process=process, user=person))
        db.session.flush()
    elif role == "council":
        person.is_council = True
    acts = state == "verified" and link in ("representative", "administrator")
    manager = role in ("facilitator", "council")

    assert can_create_meeting(person, process, represented_associations(person)) == (
        manager or acts)
    data = meeting_values(organised_by="association", association_id=association.id)
    if acts:
        meeting = operations.create_meeting(process, data, actor=person)
        assert meeting.association == association
        assert can_manage_meeting(person, meeting)
    else:
        with force_locale("en"), pytest.raises(DomainError) as refused:
            operations.create_meeting(process, data, actor=person)
        assert refused.value.field == "organiser"


def test_representatives_manage_their_association_events_only(process, facilitator):
    association = make_association()
    marta = factories.person()
    link = associations.ask_to_represent(association, actor=marta)
    associations.accept_representative(link, actor=association.representatives[0].user)
    theirs = make_event(process, marta, start=local(2027, 6, 24, 18), association=association)
    others = make_event(process, facilitator, start=local(2027, 6, 25, 18))
    assert can_manage_meeting(marta, theirs)
    assert not can_manage_meeting(marta, others)
    assert can_manage_meeting(facilitator, theirs)
    marta.blocked_at = utcnow()  # a blocked account acts for no one
    assert not can_manage_meeting(marta, theirs)


@pytest.mark.parametrize("case", ["finished", "unpublished", "visitor", "no association"])
def test_no_event_proposal_outside_an_open_published_process(make_process, case):
    association = make_association()
    marta = factories.person()
    link = associations.ask_to_represent(association, actor=marta)
    associations.accept_representative(link, actor=association.representatives[0].user)
    process = make_process(
        phases=((PhaseKind.PROPOSALS, -20, -10),) if case == "finished" else
        ((PhaseKind.PROPOSALS, -5, 5),), published=case != "unpublished")
    who = AnonymousUserMixin() if case == "visitor" else marta
    represented = [] if case in ("no association", "visitor") else [association]
    assert not can_create_meeting(who, process, represented)
