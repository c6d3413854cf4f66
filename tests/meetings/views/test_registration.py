"""Registering for a meeting and cancelling through the test client: confirmations with a
calendar, the waiting list, terms, limits and the 302/400/404/429 answers."""

from datetime import timedelta

import pytest
from flask_babel import force_locale, gettext

from participa.core.types import utcnow
from participa.meetings import operations
from participa.meetings.models import RegistrationStatus
from participa.processes.models import PhaseKind
from tests.support.factories import person
from tests.support.html import field_error
from tests.support.meetings import (
    LINK,
    attached_calendar,
    attachment,
    register,
    rows,
    url,
)
from tests.support.web import CSRF_RE, login, post, refreshed, sync, text


def test_resident_registers_and_gets_the_confirmation_with_a_calendar_file(
        client, process, meeting, resident, outbox, commit):
    commit()
    login(client, resident)
    page = text(client.get(url(process, meeting)))
    assert 'action="' + url(process, meeting, "register") in page

    response = post(client, url(process, meeting, "register"))

    assert response.status_code == 302
    assert response.headers["Location"].endswith(url(process, meeting))
    sync()
    registration = operations.get_registration(meeting, resident)
    assert registration.status is RegistrationStatus.CONFIRMED
    assert refreshed(meeting).registrations_count == 1
    html = text(client.get(response.headers["Location"]))
    assert "You are registered. We have e-mailed you the details and your code." in html
    assert f'<strong class="door-code">{registration.code}</strong>' in html
    assert 'href="' + url(process, meeting, "unregister") in html  # through a confirmation

    (message,) = outbox()
    assert message["To"] == resident.email
    assert message["Subject"] == f'You are registered for "{meeting.title}"'
    assert registration.code in message.get_body().get_content()
    (event,) = attached_calendar(message).walk("VEVENT")
    assert str(event["UID"]) == f"meeting-{meeting.id}@participa.test"
    assert str(event["SUMMARY"]) == meeting.title
    assert event.decoded("DTSTART") == meeting.starts_at


def test_the_emailed_calendar_is_utf8_and_never_carries_the_online_link(
        client, process, facilitator, resident, outbox, commit, make_meeting):
    online = make_meeting(process, facilitator, title="Sessió en línia a la plaça",
                          kind="online", place="", online_url=LINK)
    commit()
    login(client, resident)
    assert post(client, url(process, online, "register")).status_code == 302

    (message,) = outbox()
    part = attachment(message)
    assert part.get_content_charset() == "utf-8"
    assert "Sessió en línia a la plaça" in part.get_content()
    assert LINK not in part.get_content()  # the page shows it, from shortly before the start


def test_registering_when_full_joins_the_waiting_list(client, process, facilitator, resident,
                                                      outbox, commit, make_meeting):
    meeting = make_meeting(process, facilitator, capacity=1)
    register(meeting, person())
    commit()
    login(client, resident)
    assert "Join the waiting list" in text(client.get(url(process, meeting)))

    response = post(client, url(process, meeting, "register"), follow_redirects=True)

    html = text(response)
    assert "The meeting is full, so you are on the waiting list." in html
    assert "You are on the waiting list." in html and "Your position: 1." in html
    sync()
    assert operations.get_registration(meeting, resident).status is RegistrationStatus.WAITING
    assert rows(meeting)[RegistrationStatus.CONFIRMED] == 1
    (message,) = outbox()
    assert message["Subject"] == f'You are on the waiting list for "{meeting.title}"'


def test_terms_must_be_accepted(client, process, facilitator, resident, outbox, commit,
                                make_meeting):
    meeting = make_meeting(process, facilitator,
                           registration_terms="Accepto que es facin **fotos**.")
    commit()
    login(client, resident)
    html = text(client.get(url(process, meeting)))
    assert "Accepto que es facin <strong>fotos</strong>." in html
    assert 'name="accept_terms"' in html

    response = post(client, url(process, meeting, "register"))

    assert response.status_code == 400
    assert field_error(text(response), "accept_terms") == (
        "Accept the registration terms to register.")
    sync()
    assert rows(meeting)[RegistrationStatus.CONFIRMED] == 0
    assert operations.get_registration(meeting, resident) is None
    assert outbox() == []

    response = post(client, url(process, meeting, "register"), {"accept_terms": "y"})
    assert response.status_code == 302
    sync()
    assert operations.get_registration(meeting, resident).status is RegistrationStatus.CONFIRMED


def test_registering_twice_is_refused(client, process, meeting, resident, outbox, commit):
    register(meeting, resident)
    commit()
    login(client, resident)
    response = post(client, url(process, meeting, "register"))
    assert response.status_code == 400
    assert "You are already registered for this meeting." in text(response)
    sync()
    assert rows(meeting)[RegistrationStatus.CONFIRMED] == 1
    assert outbox() == []


def test_register_without_csrf_token_is_400(client, process, meeting, resident, commit):
    commit()
    login(client, resident)
    for action in ("register", "unregister"):
        assert client.post(url(process, meeting, action)).status_code == 400
    sync()
    assert operations.get_registration(meeting, resident) is None


def test_visitors_are_sent_to_sign_in(client, process, meeting, commit):
    commit()
    for action in ("register", "unregister"):
        response = post(client, url(process, meeting, action))
        assert response.status_code == 302
        assert "/accounts/login" in response.headers["Location"]
    sync()
    assert rows(meeting)[RegistrationStatus.CONFIRMED] == 0


def test_register_of_a_draft_or_unknown_meeting_is_404(client, process, facilitator, resident,
                                                       commit, make_meeting):
    draft = make_meeting(process, facilitator, publish=False)
    commit()
    login(client, resident)
    assert post(client, url(process, draft, "register")).status_code == 404
    assert post(client, url(process) + "999999/register").status_code == 404
    sync()
    assert operations.get_registration(draft, resident) is None


def test_registration_rate_limit(app, client, process, meeting, resident, commit, monkeypatch):
    monkeypatch.setitem(app.config, "RATELIMIT_REGISTER_MEETING", "3 per hour")
    commit()
    login(client, resident)
    token = CSRF_RE.search(text(client.get(url(process, meeting)))).group(1)
    # registering and cancelling draw on one allowance
    for action in ("register", "unregister", "register"):
        response = client.post(url(process, meeting, action), data={"csrf_token": token})
        assert response.status_code == 302
    for action in ("unregister", "register"):
        response = client.post(url(process, meeting, action), data={"csrf_token": token})
        assert response.status_code == 429
    assert "Too many requests" in text(response)
    sync()
    assert operations.get_registration(meeting, resident).status is RegistrationStatus.CONFIRMED


def test_unregister_promotes_the_first_waiting_person_and_emails_them_in_their_language(
        client, process, facilitator, resident, outbox, commit, make_user, make_meeting):
    meeting = make_meeting(process, facilitator, capacity=1, title="Taller de compostatge")
    register(meeting, resident)
    first = make_user(name="Àngela", email="angela@example.org", locale="es")
    second = make_user(locale="ca")
    register(meeting, first, seconds=1)
    register(meeting, second, seconds=2)
    commit()
    login(client, resident)

    response = post(client, url(process, meeting, "unregister"), follow_redirects=True)

    assert "Your registration has been cancelled." in text(response)
    sync()
    assert operations.get_registration(meeting, resident).status is RegistrationStatus.CANCELLED
    assert operations.get_registration(meeting, first).status is RegistrationStatus.CONFIRMED
    assert operations.get_registration(meeting, second).status is RegistrationStatus.WAITING
    assert (refreshed(meeting).registrations_count, meeting.waiting_count) == (1, 1)

    (message,) = outbox()
    assert message["To"] == "angela@example.org"
    with force_locale("es"):
        subject = gettext('A place has freed up: you are registered for "%(title)s"',
                          title="Taller de compostatge")
        hello = gettext("Hello %(name)s,", name="Àngela")
    assert subject != 'A place has freed up: you are registered for "Taller de compostatge"'
    assert message["Subject"] == subject
    body = message.get_body().get_content()
    assert hello in body
    assert operations.get_registration(meeting, first).code in body
    event = attached_calendar(message).walk("VEVENT")[0]
    assert str(event["UID"]) == f"meeting-{meeting.id}@participa.test"


@pytest.mark.parametrize("case, message", [
    ("deadline", "Registration for this meeting has closed."),
    ("started", "Registration for this meeting has closed."),
    ("phase", "The current phase of this process does not take registrations."),
    ("no registrations", "No registration needed: just come along."),
])
def test_registration_closed_says_why_and_refuses(client, resident, outbox, commit, case, message,
                                                  make_process, make_meeting):
    now = utcnow()
    if case == "phase":  # the only phase ended yesterday
        process = make_process(phases=((PhaseKind.PROPOSALS, -10, -1),))
    else:
        process = make_process()
    facilitator = person("facilitator", process=process)
    overrides = {
        "deadline": {"registration_closes_at": now - timedelta(minutes=5)},
        "started": {"starts_at": now - timedelta(minutes=10)},
        "phase": {},
        "no registrations": {"registrations_enabled": False},
    }[case]
    meeting = make_meeting(process, facilitator, **overrides)
    commit()
    login(client, resident)
    html = text(client.get(url(process, meeting)))
    assert message in html
    assert 'action="' + url(process, meeting, "register") not in html

    response = post(client, url(process, meeting, "register"))

    assert response.status_code == 400
    assert message in text(response)
    sync()
    assert operations.get_registration(meeting, resident) is None
    assert outbox() == []


def test_unregister_without_a_registration_is_refused_politely(client, process, meeting,
                                                               resident, commit):
    commit()
    login(client, resident)
    response = post(client, url(process, meeting, "unregister"), follow_redirects=True)
    assert "You are not registered for this meeting." in text(response)
    sync()
    assert operations.get_registration(meeting, resident) is None
