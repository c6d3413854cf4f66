"""An online meeting has no venue: no address, no step-free entrance and no code to show at a
door — neither stored, nor on its page, in "My participation" or in the e-mail. A meeting with
a door (in person or hybrid) keeps them all."""

import pytest

from participa.meetings import operations
from tests.support.meetings import LINK, meeting_values, register, url
from tests.support.web import login, post, text


def online_meeting(process, facilitator, make_meeting):
    return make_meeting(process, facilitator, kind="online", online_url=LINK,
                        address="Carrer Major, 1", step_free_access=True,
                        accessibility_notes="Amb subtítols en directe.")


def test_an_online_meeting_keeps_no_address_nor_step_free_access(process, facilitator,
                                                                 make_meeting):
    online = online_meeting(process, facilitator, make_meeting)
    assert (online.place, online.address, online.step_free_access) == ("", "", False)
    assert online.accessibility_notes == "Amb subtítols en directe."  # notes about the call

    in_person = make_meeting(process, facilitator, step_free_access=True)
    operations.update_meeting(in_person, meeting_values(
        kind="online", online_url=LINK, step_free_access=True,
        starts_at=in_person.starts_at), actor=facilitator)
    assert (in_person.address, in_person.step_free_access) == ("", False)


@pytest.mark.parametrize("kind", ["in_person", "hybrid"])
def test_a_meeting_with_a_door_keeps_its_step_free_access(process, facilitator, make_meeting,
                                                          kind):
    meeting = make_meeting(process, facilitator, kind=kind, online_url=LINK,
                           step_free_access=True)
    assert meeting.step_free_access and meeting.address == "Carrer Major, 1"


def test_the_online_meetings_page_shows_no_door_code_nor_step_free_access(
        client, process, facilitator, resident, commit, make_meeting):
    online = online_meeting(process, facilitator, make_meeting)
    register(online, resident)
    commit()
    login(client, resident)
    html = text(client.get(url(process, online)))
    assert "You are registered." in html
    assert "door-code" not in html and "Your code for the door" not in html
    assert "Step-free access" not in html and "Carrer Major" not in html
    assert "Amb subtítols en directe." in html
    mine = text(client.get("/accounts/me/participation"))
    assert online.title in mine and "You are registered." in mine
    assert "door-code" not in mine


def test_an_in_person_meetings_page_shows_the_door_code_and_step_free_access(
        client, process, facilitator, resident, commit, make_meeting):
    meeting = make_meeting(process, facilitator, step_free_access=True)
    registration = register(meeting, resident)
    commit()
    login(client, resident)
    html = text(client.get(url(process, meeting)))
    assert f'<strong class="door-code">{registration.code}</strong>' in html
    assert "Step-free access" in html
    assert registration.code in text(client.get("/accounts/me/participation"))


def test_registering_online_says_and_mails_no_door_code(client, process, facilitator, resident,
                                                       outbox, commit, make_meeting):
    online = online_meeting(process, facilitator, make_meeting)
    commit()
    login(client, resident)
    response = post(client, url(process, online, "register"))
    assert response.status_code == 302
    html = text(client.get(response.headers["Location"]))
    assert "You are registered. We have e-mailed you the details." in html
    assert "and your code" not in html
    (message,) = outbox()
    body = message.get_body(("plain",)).get_content()
    registration = operations.get_registration(online, resident)
    assert registration.code not in body and "Show it at the door." not in body
