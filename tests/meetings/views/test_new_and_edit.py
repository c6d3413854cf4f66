"""Creating, publishing and editing meetings through the test client, and refused input."""

import re
from datetime import UTC, datetime

import pytest
import sqlalchemy as sa

from participa.core.timeutil import local_to_utc, utc_to_local
from participa.core.types import utcnow
from participa.extensions import db
from participa.meetings import operations
from participa.meetings.models import Meeting, MeetingStatus, RegistrationStatus
from tests.support.factories import person
from tests.support.html import field_error
from tests.support.meetings import (
    LINK,
    LOCAL_FORMAT,
    count_meetings,
    edit_values,
    form_values,
    register,
    url,
)
from tests.support.records import log_entries
from tests.support.web import login, post, refreshed, sync, text


def test_facilitator_creates_a_draft_then_publishes_it(client, process, facilitator, resident,
                                                       commit):
    commit()
    login(client, facilitator)
    html = text(client.get(url(process, action="new")))
    assert 'name="title"' in html and 'name="starts_at"' in html

    response = post(client, url(process, action="new"), form_values())

    assert response.status_code == 302
    sync()
    meeting = db.session.scalar(sa.select(Meeting))
    assert response.headers["Location"].endswith(url(process, meeting))
    year = utcnow().year + 1
    assert meeting.status is MeetingStatus.DRAFT
    assert (meeting.title, meeting.place, meeting.capacity, meeting.reserved_places) == (
        "Assemblea del Barri Vell", "Casal de barri", 30, 2)
    # typed in Madrid (summer time, UTC+2), stored in UTC
    assert meeting.starts_at == datetime(year, 7, 15, 16, 0, tzinfo=UTC)
    assert meeting.ends_at == local_to_utc(datetime(year, 7, 15, 20, 0))
    assert meeting.step_free_access and not meeting.childcare
    assert meeting.registrations_enabled and meeting.registration_closes_at is None
    assert [e.actor_id for e in log_entries("create_meeting", meeting)] == [facilitator.id]
    html = text(client.get(response.headers["Location"]))
    assert "The meeting has been saved as a draft." in html
    assert "Parlem de la <strong>plaça</strong>." in html

    outsider = client.another()
    login(outsider, resident)
    assert outsider.get(url(process, meeting)).status_code == 404

    response = post(client, url(process, meeting, "publish"), follow_redirects=True)
    assert "The meeting is published." in text(response)
    assert refreshed(meeting).status is MeetingStatus.PUBLISHED
    assert [e.actor_id for e in log_entries("publish_meeting", meeting)] == [facilitator.id]
    assert outsider.get(url(process, meeting)).status_code == 200
    # publishing again is refused with a message
    response = post(client, url(process, meeting, "publish"), follow_redirects=True)
    assert "Only a draft meeting can be published." in text(response)
    assert len(log_entries("publish_meeting", meeting)) == 1


INVALID = [
    ({"ends_at": "{year}-07-15T17:00"}, "ends_at", "The end must come after the start."),
    ({"place": ""}, "place", "Say where the meeting takes place."),
    ({"kind": "online", "place": ""}, "online_url", "Give the link to join online."),
    ({"kind": "hybrid"}, "online_url", "Give the link to join online."),
    ({"kind": "online", "online_url": "javascript:alert(1)"}, "online_url",
     "Give a web address starting with https://."),
    ({"online_url": "data:text/html,hola", "kind": "hybrid"}, "online_url",
     "Give a web address starting with https://."),
    ({"capacity": "2", "reserved_places": "2"}, "reserved_places",
     "Reserve fewer places than the capacity."),
    ({"capacity": "-1"}, "capacity", None),
    ({"title": ""}, "title", None),
    ({"starts_at": "demà a les sis"}, "starts_at", None),
    ({"kind": "by_pigeon"}, "kind", None),
]


@pytest.mark.parametrize("change, field, message", INVALID)
@pytest.mark.parametrize("action", ["new", "edit"])
def test_invalid_input_is_refused_and_the_text_kept(client, process, facilitator, commit, action,
                                                    change, field, message, make_meeting):
    existing = make_meeting(process, facilitator, title="Tal com era")
    commit()
    login(client, facilitator)
    year = utcnow().year + 1
    change = {k: v.format(year=year) for k, v in change.items()}
    values = form_values(description="El meu text escrit amb cura", **change)
    target = url(process, action="new") if action == "new" else url(process, existing, "edit")

    response = post(client, target, values)

    assert response.status_code == 400
    html = text(response)
    error = field_error(html, field)
    if message:
        assert error == message
    assert re.search(rf'<[^>]+id="{field}"[^>]*aria-invalid="true"', html) or re.search(
        rf'<[^>]+aria-invalid="true"[^>]*id="{field}"', html)
    assert "El meu text escrit amb cura</textarea>" in html
    if field != "title":
        assert 'value="Assemblea del Barri Vell"' in html
    if field not in ("starts_at",):
        assert f'value="{values["starts_at"]}"' in html
    assert 'href="javascript' not in html
    assert count_meetings() == 1
    existing = refreshed(existing)
    assert (existing.title, existing.description, existing.sequence) == (
        "Tal com era", "Parlem del **pla comunitari**.", 0)


def test_edit_saves_the_changes(client, process, meeting, facilitator, commit):
    commit()
    login(client, facilitator)
    html = text(client.get(url(process, meeting, "edit")))
    assert 'value="Assemblea a la plaça del Mercat"' in html
    local_start = utc_to_local(meeting.starts_at).strftime(LOCAL_FORMAT)
    assert f'value="{local_start}"' in html

    response = post(client, url(process, meeting, "edit"),
                    edit_values(meeting, title="Assemblea al Casal", kind="hybrid",
                                online_url=LINK))

    assert response.status_code == 302
    meeting = refreshed(meeting)
    assert (meeting.title, meeting.online_url, meeting.sequence) == (
        "Assemblea al Casal", LINK, 1)
    assert [e.actor_id for e in log_entries("update_meeting", meeting)] == [facilitator.id]
    assert "The meeting has been saved." in text(client.get(response.headers["Location"]))


def test_edit_cannot_cut_places_below_the_registrations(client, process, facilitator, commit,
                                                        make_meeting):
    meeting = make_meeting(process, facilitator, capacity=5)
    for i in range(3):
        register(meeting, person(), seconds=i)
    commit()
    login(client, facilitator)

    response = post(client, url(process, meeting, "edit"),
                    edit_values(meeting, capacity="2", title="Menys places"))

    assert response.status_code == 400
    html = text(response)
    assert field_error(html, "capacity") == (
        "3 people are already registered: the places cannot be fewer.")
    assert 'value="Menys places"' in html and 'id="capacity"' in html
    assert re.search(r'<input[^>]*id="capacity"[^>]*value="2"', html) or re.search(
        r'<input[^>]*value="2"[^>]*id="capacity"', html)
    meeting = refreshed(meeting)
    assert (meeting.capacity, meeting.sequence) == (5, 0)
    assert meeting.title != "Menys places"


def test_edit_adding_places_promotes_the_waiting_list(client, process, facilitator, outbox, commit,
                                                      make_meeting):
    meeting = make_meeting(process, facilitator, capacity=1, title="Visita al mercat")
    register(meeting, person())
    waiting = person(name="Joana")
    register(meeting, waiting, seconds=1)
    commit()
    login(client, facilitator)

    response = post(client, url(process, meeting, "edit"), edit_values(meeting, capacity="2"))

    assert response.status_code == 302
    sync()
    assert operations.get_registration(meeting, waiting).status is RegistrationStatus.CONFIRMED
    (message,) = outbox()
    assert message["To"] == waiting.email
    assert message["Subject"] == 'A place has freed up: you are registered for "Visita al mercat"'


def test_a_cancelled_meeting_cannot_be_edited(client, process, meeting, facilitator, commit):
    operations.cancel_meeting(meeting, "Pluja", actor=facilitator)
    commit()
    login(client, facilitator)
    for response in (client.get(url(process, meeting, "edit")),
                     post(client, url(process, meeting, "edit"),
                          edit_values(meeting, title="Ressuscitada"))):
        assert response.status_code == 302
    html = text(client.get(url(process, meeting)))
    assert "A cancelled or held meeting cannot be edited." in html
    assert refreshed(meeting).title == "Assemblea a la plaça del Mercat"
