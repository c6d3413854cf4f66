"""Publishing events through the meeting form: a representative of a verified association
proposes one as the association (and only as it), a facilitator picks a type, a price and
whole days, and refused organisers change nothing (400, translated)."""

import sqlalchemy as sa

from participa.extensions import db
from participa.meetings.models import EventType, Meeting, MeetingStatus, Organiser
from tests.agenda.builders import add_representative, make_association
from tests.support.factories import person
from tests.support.meetings import count_meetings, form_values, url
from tests.support.web import login, post, sync, text


def test_a_representative_proposes_and_publishes_an_event_as_the_association(
        client, process, commit):
    association = make_association(name="Comissió de Festes del Nord")
    marta = add_representative(association, person())
    commit()
    login(client, marta)
    index = text(client.get(url(process)))
    assert "Propose an event as your association" in index
    form = text(client.get(url(process, action="new")))
    assert f'value="association-{association.id}"' in form
    assert 'value="person"' not in form and 'value="council"' not in form

    response = post(client, url(process, action="new"), form_values(
        organiser=f"association-{association.id}", event_type="festival",
        price="5 € · gratuït per a menors de 12 anys", registrations_enabled=""))
    assert response.status_code == 302
    sync()
    meeting = db.session.scalar(sa.select(Meeting))
    assert (meeting.organised_by, meeting.association_id, meeting.event_type) == (
        Organiser.ASSOCIATION, association.id, EventType.FESTIVAL)
    response = post(client, url(process, meeting, "publish"))
    assert response.status_code == 302
    sync()
    assert db.session.get(Meeting, meeting.id).status == MeetingStatus.PUBLISHED
    html = text(client.get(url(process, meeting)))
    assert "Comissió de Festes del Nord" in html and "(published by" in html
    assert "5 € · gratuït per a menors de 12 anys" in html
    assert "Manage this meeting" in html


def test_a_representative_may_not_publish_in_their_own_name(client, process, commit):
    association = make_association()
    marta = add_representative(association, person())
    commit()
    login(client, marta)
    before = count_meetings()
    response = post(client, url(process, action="new"), form_values(organiser="person"))
    assert response.status_code == 400
    response = post(client, url(process, action="new"),
                    form_values(organiser=f"association-{make_association().id}"))
    assert response.status_code == 400
    assert count_meetings() == before


def test_people_who_represent_no_verified_association_may_not_propose_events(
        client, process, resident, commit):
    pending = make_association("pending")
    admin = pending.representatives[0].user
    commit()
    for who in (resident, admin):
        other = client.another()
        login(other, who)
        assert other.get(url(process, action="new")).status_code == 403
        assert "Propose an event as your association" not in text(other.get(url(process)))
    assert client.get(url(process, action="new")).status_code == 302  # sign in first


def test_a_facilitator_sees_the_new_fields_and_the_council_option_only_if_council(
        client, process, facilitator, council, commit):
    commit()
    login(client, facilitator)
    html = text(client.get(url(process, action="new")))
    for name in ("event_type", "organiser", "price", "is_all_day"):
        assert f'name="{name}"' in html
    assert 'value="council"' not in html
    response = post(client, url(process, action="new"), form_values(organiser="council"))
    assert response.status_code == 400
    other = client.another()
    login(other, council)
    assert 'value="council"' in text(other.get(url(process, action="new")))


def test_unknown_event_pages_are_404(client, process, commit):
    commit()
    assert client.get(url(process) + "2147483647").status_code == 404
    assert client.get(url(process) + "99999999999999999999").status_code == 404
