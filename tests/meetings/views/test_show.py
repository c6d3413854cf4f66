"""The meeting page through the test client: times in Madrid, the online link, places and
the waiting list, cancelled meetings, and the 404s."""

from datetime import UTC, datetime, timedelta

import pytest

from participa.core.types import utcnow
from participa.meetings import operations
from participa.meetings.models import RegistrationStatus
from tests.support.factories import person
from tests.support.meetings import LINK, register, url, when_text
from tests.support.web import login, text


def test_show_renders_the_meeting(client, process, meeting, commit):
    commit()
    response = client.get(url(process, meeting))
    assert response.status_code == 200
    html = text(response)
    assert '<h1 lang="ca">Assemblea a la plaça del Mercat</h1>' in html
    assert "Parlem de les <strong>ombres</strong>." in html
    assert "Casal de barri" in html and "Carrer Major, 1" in html
    assert "Associació de veïns" in html
    assert "Sign in to register for this meeting." in html
    assert f"/meetings/{meeting.id}.ics" in html
    assert "Manage this meeting" not in html


@pytest.mark.parametrize("language, start, end", [("ca", "18:00", "20:00"),
                                                  ("es", "18:00", "20:00"),
                                                  ("en", "6:00", "8:00")])
def test_show_gives_times_in_madrid(client, process, facilitator, commit, language, start, end,
                                    make_meeting):
    july = datetime(utcnow().year + 1, 7, 15, 16, 0, tzinfo=UTC)
    meeting = make_meeting(process, facilitator, starts_at=july)
    commit()
    client.environ_base["HTTP_ACCEPT_LANGUAGE"] = language
    html = text(client.get(url(process, meeting)))
    shown = when_text(html)
    assert start in shown and end in shown
    assert "16:00" not in shown and "4:00" not in shown
    assert f'<html lang="{language}"' in html


def test_show_of_a_meeting_across_the_dst_change(client, process, facilitator, commit,
                                                 make_meeting):
    """The last Sunday of October: 00:30 UTC is 02:30 (summer time), 02:30 UTC is 03:30."""
    year = utcnow().year + 1
    sunday = next(datetime(year, 10, d, tzinfo=UTC) for d in range(25, 32)
                  if datetime(year, 10, d).weekday() == 6)
    meeting = make_meeting(process, facilitator, starts_at=sunday.replace(minute=30),
                           ends_at=sunday.replace(hour=2, minute=30))
    commit()
    client.environ_base["HTTP_ACCEPT_LANGUAGE"] = "ca"
    shown = when_text(text(client.get(url(process, meeting))))
    assert "2:30" in shown and "3:30" in shown


def test_online_link_is_for_managers_and_registered_people_shortly_before(
        client, process, facilitator, council, commit, make_meeting):
    soon = make_meeting(process, facilitator, title="Comença aviat", kind="hybrid",
                        online_url=LINK, capacity=1, starts_at=utcnow() + timedelta(minutes=20))
    later = make_meeting(process, facilitator, title="Comença d'aquí a dues hores",
                         kind="online", online_url=LINK, place="",
                         starts_at=utcnow() + timedelta(hours=2))
    registered, waiting, outsider = person(), person(), person()
    for meeting in (soon, later):
        register(meeting, registered)
    assert register(soon, waiting, seconds=1).status is RegistrationStatus.WAITING
    commit()

    def page(who, meeting):
        browser = client.another()
        if who is not None:
            login(browser, who)
        return text(browser.get(url(process, meeting)))

    for who in (None, outsider, waiting):
        html = page(who, soon)
        assert LINK not in html
        assert "The link to join appears here for registered people from 30 minutes" in html
    assert LINK not in page(registered, later)
    html = page(registered, soon)
    assert f'<a class="online-link" href="{LINK}"' in html
    for manager in (facilitator, council):
        assert f'href="{LINK}"' in page(manager, later)


def test_cancelled_meeting_shows_the_reason(client, process, meeting, facilitator, commit):
    operations.cancel_meeting(meeting, "Hi ha vaga de transport.", actor=facilitator)
    commit()
    html = text(client.get(url(process, meeting)))
    assert "This meeting has been cancelled." in html
    assert "Hi ha vaga de transport." in html
    assert 'action="' + url(process, meeting, "register") not in html


def test_show_counts_places_full_and_waiting(client, process, facilitator, commit, make_meeting):
    roomy = make_meeting(process, facilitator, title="Amb lloc", capacity=4, reserved_places=1)
    full = make_meeting(process, facilitator, title="Plena", capacity=1)
    open_ended = make_meeting(process, facilitator, title="Sense límit")
    register(roomy, person())
    for i in range(3):
        register(full, person(), seconds=i)
    register(open_ended, person())
    commit()

    html = text(client.get(url(process, roomy)))
    assert "2 places left" in html and "(3 places in all)" in html
    html = text(client.get(url(process, full)))
    assert '<strong class="full">Full</strong>' in html
    assert "2 people on the waiting list" in html
    html = text(client.get(url(process, open_ended)))
    assert "1 person registered · no limit on places" in html


def test_show_404s(client, process, meeting, facilitator, resident, commit, make_process,
                   make_meeting):
    elsewhere = make_process()
    foreign = make_meeting(elsewhere, facilitator)
    draft = make_meeting(process, facilitator, publish=False, title="Esborrany")
    commit()
    assert client.get(url(process) + "999999").status_code == 404
    assert client.get(url(process, foreign)).status_code == 404
    assert client.get(url(elsewhere, foreign)).status_code == 200
    assert client.get(url(process) + "abc").status_code == 404
    assert client.get(url(process, draft)).status_code == 404
    login(client, resident)
    assert client.get(url(process, draft)).status_code == 404
    manager = client.another()
    login(manager, facilitator)
    html = text(manager.get(url(process, draft)))
    assert "This meeting is a draft" in html


def test_show_of_an_unpublished_process_is_404_to_outsiders(client, process, meeting, resident,
                                                            facilitator, commit):
    process.is_published = False
    commit()
    assert client.get(url(process, meeting)).status_code == 404
    for who, status in ((resident, 404), (facilitator, 200)):
        browser = client.another()
        login(browser, who)
        assert browser.get(url(process, meeting)).status_code == status
