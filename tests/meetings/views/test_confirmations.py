"""Giving up a meeting place asks first, on a page of its own (issue 13): the GET page says what
will happen and posts to the action; nothing changes until it is confirmed."""

from participa.meetings import operations
from participa.meetings.models import RegistrationStatus
from tests.support.factories import person
from tests.support.meetings import register, url
from tests.support.web import CSRF_RE, login, post, refreshed, sync, text


def test_the_meeting_page_leads_to_the_confirmation_not_to_the_action(
        client, process, meeting, resident, commit):
    register(meeting, resident)
    commit()
    login(client, resident)
    html = text(client.get(url(process, meeting)))
    assert f'href="{url(process, meeting, "unregister")}"' in html
    assert f'action="{url(process, meeting, "unregister")}"' not in html


def test_the_confirmation_page_says_what_happens_and_changes_nothing(
        client, process, meeting, resident, commit):
    register(meeting, resident)
    commit()
    login(client, resident)

    response = client.get(url(process, meeting, "unregister"))

    assert response.status_code == 200
    assert response.headers["Cache-Control"] == "private, no-store"
    html = text(response)
    assert "<h1 id=\"confirm-heading\">Cancel your place?</h1>" in html
    assert meeting.title in html
    assert "Your place goes to the first person on the waiting list" in html
    assert f'<form method="post" action="{url(process, meeting, "unregister")}"' in html
    assert CSRF_RE.search(html)
    assert "Yes, cancel my registration" in html
    assert f'href="{url(process, meeting)}" class="confirm-back">No, keep my place</a>' in html
    sync()
    assert operations.get_registration(meeting, resident).status is RegistrationStatus.CONFIRMED


def test_confirming_cancels_the_place(client, process, meeting, resident, commit):
    register(meeting, resident)
    commit()
    login(client, resident)

    response = post(client, url(process, meeting, "unregister"),
                    token_from=url(process, meeting, "unregister"))

    assert response.status_code == 302
    assert response.headers["Location"].endswith(url(process, meeting))
    sync()
    assert operations.get_registration(meeting, resident).status is RegistrationStatus.CANCELLED
    assert refreshed(meeting).registrations_count == 0
    assert "Your registration has been cancelled." in text(client.get(url(process, meeting)))


def test_someone_on_the_waiting_list_is_asked_about_the_list(
        client, process, facilitator, resident, commit, make_meeting):
    small = make_meeting(process, facilitator, capacity=1)
    register(small, person())
    register(small, resident, seconds=1)
    commit()
    login(client, resident)
    html = text(client.get(url(process, small, "unregister")))
    assert "Leave the waiting list?" in html
    assert "You will lose your position on the waiting list." in html


def test_the_confirmation_is_403_without_a_place(client, process, meeting, resident, commit):
    commit()
    login(client, resident)
    assert client.get(url(process, meeting, "unregister")).status_code == 403


def test_the_confirmation_is_404_for_drafts_and_unknown_meetings(
        client, process, facilitator, resident, commit, make_meeting):
    draft = make_meeting(process, facilitator, publish=False)
    commit()
    login(client, resident)
    assert client.get(url(process, draft, "unregister")).status_code == 404
    assert client.get(url(process) + "999999/unregister").status_code == 404


def test_visitors_are_sent_to_sign_in_first(client, process, meeting, commit):
    commit()
    response = client.get(url(process, meeting, "unregister"))
    assert response.status_code == 302
    assert "/accounts/login" in response.headers["Location"]
