"""Every meetings route through the test client: the public pages, registering and cancelling,
the facilitators' management, and the 302/400/403/404/429 answers."""

import csv
import io
import re
from datetime import UTC, datetime, timedelta

import pytest
import sqlalchemy as sa
from flask_babel import force_locale, gettext
from icalendar import Calendar

from participa.core.timeutil import local_to_utc, utc_to_local
from participa.core.types import utcnow
from participa.extensions import db
from participa.meetings import operations
from participa.meetings.models import Meeting, MeetingStatus, Registration, RegistrationStatus
from participa.processes.models import PhaseKind
from tests.support import factories
from tests.support.html import HOSTILE_BODY, assert_inert, selected_option
from tests.support.meetings import make_meeting, registering_time, rows
from tests.support.proposals import make_proposal
from tests.support.records import log_entries
from tests.support.web import CSRF_RE, login, post, sync, text

LINK = "https://meet.example.org/assemblea-del-barri-vell"
LOCAL_FORMAT = "%Y-%m-%dT%H:%M"


def refreshed(meeting) -> Meeting:
    sync()
    return db.session.get(Meeting, meeting.id)


def count_meetings() -> int:
    return db.session.scalar(sa.select(sa.func.count()).select_from(Meeting))


def person(role="resident", **kwargs):
    return factories.make_user(role, locale="en", **kwargs)


def url(process, meeting=None, action=None) -> str:
    base = f"/processes/{process.slug}/meetings"
    if meeting is None:
        return base + "/" + (action or "")
    return f"{base}/{meeting.id}" + (f"/{action}" if action else "")


def when_text(html) -> str:
    """What the meeting page says about when it happens (the visible text, not the attribute)."""
    return re.search(r"<time datetime=\"[^\"]+\">([^<]+)</time>", html).group(1)


def register(meeting, who, *, seconds=0, accept_terms=False):
    """``who`` registers through the operation, ``seconds`` after registration could start
    (a clear waiting order)."""
    return operations.register(meeting, actor=who, accept_terms=accept_terms,
                               now=registering_time(meeting) + timedelta(seconds=seconds))


def form_values(**overrides) -> dict:
    """What a facilitator types in the new-meeting form: an in-person meeting next July,
    18:00–20:00 Madrid time, with 30 places (2 reserved)."""
    year = utcnow().year + 1
    data = {
        "title": "Assemblea del Barri Vell",
        "description": "Parlem de la **plaça**.",
        "kind": "in_person",
        "place": "Casal de barri",
        "address": "Carrer Major, 1",
        "online_url": "",
        "starts_at": f"{year}-07-15T18:00",
        "ends_at": f"{year}-07-15T20:00",
        "organizer": "Associació de veïns",
        "step_free_access": "y",
        "accessibility_notes": "Bucle magnètic",
        "registrations_enabled": "y",
        "capacity": "30",
        "reserved_places": "2",
        "registration_closes_at": "",
        "registration_terms": "",
    }
    data.update(overrides)
    return {k: v for k, v in data.items() if v is not None}


def edit_values(meeting, **overrides) -> dict:
    """What the edit form sends back for ``meeting`` unchanged, with ``overrides`` applied."""
    data = {
        "title": meeting.title,
        "description": meeting.description,
        "kind": meeting.kind.value,
        "place": meeting.place,
        "address": meeting.address,
        "online_url": meeting.online_url,
        "starts_at": utc_to_local(meeting.starts_at).strftime(LOCAL_FORMAT),
        "ends_at": utc_to_local(meeting.ends_at).strftime(LOCAL_FORMAT),
        "organizer": meeting.organizer,
        "registrations_enabled": "y" if meeting.registrations_enabled else None,
        "capacity": str(meeting.capacity),
        "reserved_places": str(meeting.reserved_places),
        "registration_terms": meeting.registration_terms,
    }
    data.update(overrides)
    return {k: v for k, v in data.items() if v is not None}


def field_error(html, name) -> str:
    match = re.search(rf'<p class="error" id="{name}-error">([^<]*)</p>', html)
    assert match, f"no error beside {name}"
    return match.group(1)


def attachment(message):
    """The message's one .ics attachment."""
    (part,) = [p for p in message.iter_attachments() if p.get_filename().endswith(".ics")]
    assert part.get_content_type() == "text/calendar"
    return part


def attached_calendar(message) -> Calendar:
    """The attached calendar, parsed (the part declares charset=utf-8)."""
    return Calendar.from_ical(attachment(message).get_content())


@pytest.fixture
def resident():
    return person()


@pytest.fixture
def facilitator(process):
    return person("facilitator", process=process)


@pytest.fixture
def council():
    return person("council")


@pytest.fixture
def meeting(process, facilitator):
    return make_meeting(process, facilitator, title="Assemblea a la plaça del Mercat",
                        description="Parlem de les **ombres**.")


# --- the town's agenda -------------------------------------------------------------------------


def test_index_lists_upcoming_meetings_only(client, process, facilitator, commit):
    now = utcnow()
    make_meeting(process, facilitator, title="Trobada de dilluns")
    cancelled = make_meeting(process, facilitator, title="Caminada suspesa")
    operations.cancel_meeting(cancelled, "Pluja", actor=facilitator)
    make_meeting(process, facilitator, title="Esborrany secret", publish=False)
    make_meeting(process, facilitator, title="Ja passada", starts_at=now - timedelta(days=3))
    hidden = factories.make_process(published=False)
    make_meeting(hidden, facilitator, title="D'un procés amagat")
    commit()

    response = client.get("/meetings/")

    assert response.status_code == 200
    html = text(response)
    assert "Trobada de dilluns" in html
    assert "Caminada suspesa" in html and "meeting-cancelled" in html
    assert "Esborrany secret" not in html
    assert "Ja passada" not in html
    assert "amagat" not in html


def test_index_filters_by_neighbourhood_plan_and_kind(client, facilitator, commit):
    barri = factories.make_neighbourhood("Sant Pere")
    other_barri = factories.make_neighbourhood("La Font")
    plan = factories.make_plan("Pla del Barri Vell", neighbourhoods=[barri])
    here = factories.make_process(plan=plan, neighbourhoods=[barri])
    there = factories.make_process(neighbourhoods=[other_barri])
    make_meeting(here, facilitator, title="Assemblea presencial")
    make_meeting(here, facilitator, title="Sessió en línia", kind="online", online_url=LINK)
    make_meeting(there, facilitator, title="Taller a la Font")
    commit()

    def titles(**query):
        html = text(client.get("/meetings/", query_string=query))
        return sorted(re.findall(r'<h3><a href="[^"]+">([^<]+)</a></h3>', html)), html

    found, html = titles(neighbourhood=barri.id)
    assert found == ["Assemblea presencial", "Sessió en línia"]
    assert selected_option(html, "neighbourhood") == str(barri.id)

    found, html = titles(plan=plan.id, kind="online")
    assert found == ["Sessió en línia"]
    assert selected_option(html, "plan") == str(plan.id)
    assert selected_option(html, "kind") == "online"
    assert selected_option(html, "neighbourhood") is None

    found, _html = titles(neighbourhood=other_barri.id, kind="in_person")
    assert found == ["Taller a la Font"]


def test_index_past_meetings_show_their_minutes(client, process, facilitator, commit):
    start = utcnow() - timedelta(days=10)
    held = make_meeting(process, facilitator, title="Assemblea de febrer", starts_at=start)
    operations.close_meeting(held, {"minutes": "Vam acordar **més bancs**.",
                                    "attendees_count": 23}, actor=facilitator)
    make_meeting(process, facilitator, title="Assemblea que ve")
    gone = make_meeting(process, facilitator, title="Suspesa", starts_at=start)
    operations.cancel_meeting(gone, "Pluja", actor=facilitator)
    commit()

    html = text(client.get("/meetings/", query_string={"when": "past"}))

    assert "<h1>Past meetings</h1>" in html
    assert "Assemblea de febrer" in html
    assert "Vam acordar <strong>més bancs</strong>." in html
    assert "23 people attended" in html
    assert "Assemblea que ve" not in html
    assert "Suspesa" not in html
    assert 'name="when" value="past"' in html


@pytest.mark.parametrize("query", [
    "page=abc", "page=-3", "page=0", "page=99999999999999999999999999", "kind=nonsense",
    "neighbourhood=x&plan=y", "when=tomorrow",
])
def test_index_tolerates_bad_parameters(client, meeting, commit, query):
    commit()
    response = client.get(f"/meetings/?{query}")
    assert response.status_code == 200
    html = text(response)
    assert selected_option(html, "kind") is None
    if "page=9999" not in query:
        assert meeting.title in html


def test_index_pagination(app, client, process, facilitator, commit, monkeypatch):
    monkeypatch.setitem(app.config, "PAGE_SIZE", 2)
    start = utcnow() + timedelta(days=3)
    for i in range(3):
        make_meeting(process, facilitator, title=f"Trobada {i}",
                     starts_at=start + timedelta(days=i))
    commit()
    html = text(client.get("/meetings/", query_string={"kind": "in_person"}))
    assert re.findall(r">(Trobada \d)<", html) == ["Trobada 0", "Trobada 1"]
    next_link = re.search(r'<a rel="next" href="([^"]+)"', html).group(1).replace("&amp;", "&")
    assert "kind=in_person" in next_link and "page=2" in next_link
    assert re.findall(r">(Trobada \d)<", text(client.get(next_link))) == ["Trobada 2"]


# --- a process's meetings ----------------------------------------------------------------------


def test_process_index_for_visitors_and_managers(client, process, facilitator, commit):
    make_meeting(process, facilitator, title="Trobada oberta")
    make_meeting(process, facilitator, title="Encara en esborrany", publish=False)
    held = make_meeting(process, facilitator, title="La del mes passat",
                        starts_at=utcnow() - timedelta(days=30))
    operations.close_meeting(held, {"minutes": "Acta de la *trobada*."}, actor=facilitator)
    commit()

    html = text(client.get(url(process)))
    assert "Trobada oberta" in html
    assert "Encara en esborrany" not in html
    assert "La del mes passat" in html and "Acta de la <em>trobada</em>." in html
    assert url(process, action="new") not in html
    assert f"/processes/{process.slug}/meetings.ics" in html

    login(client, facilitator)
    html = text(client.get(url(process)))
    assert "Encara en esborrany" in html
    assert url(process, action="new") in html


def test_process_index_404s(client, facilitator, commit):
    hidden = factories.make_process(published=False)
    commit()
    assert client.get("/processes/no-such-process/meetings/").status_code == 404
    assert client.get(url(hidden)).status_code == 404


# --- the meeting page --------------------------------------------------------------------------


def test_show_renders_the_meeting(client, process, meeting, commit):
    commit()
    response = client.get(url(process, meeting))
    assert response.status_code == 200
    html = text(response)
    assert "<h1>Assemblea a la plaça del Mercat</h1>" in html
    assert "Parlem de les <strong>ombres</strong>." in html
    assert "Casal de barri" in html and "Carrer Major, 1" in html
    assert "Associació de veïns" in html
    assert "Sign in to register for this meeting." in html
    assert f"/meetings/{meeting.id}.ics" in html
    assert "Manage this meeting" not in html


@pytest.mark.parametrize("language, start, end", [("ca", "18:00", "20:00"),
                                                  ("es", "18:00", "20:00"),
                                                  ("en", "6:00", "8:00")])
def test_show_gives_times_in_madrid(client, process, facilitator, commit, language, start, end):
    july = datetime(utcnow().year + 1, 7, 15, 16, 0, tzinfo=UTC)
    meeting = make_meeting(process, facilitator, starts_at=july)
    commit()
    client.environ_base["HTTP_ACCEPT_LANGUAGE"] = language
    html = text(client.get(url(process, meeting)))
    shown = when_text(html)
    assert start in shown and end in shown
    assert "16:00" not in shown and "4:00" not in shown
    assert f'<html lang="{language}"' in html


def test_show_of_a_meeting_across_the_dst_change(client, process, facilitator, commit):
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
        client, process, facilitator, council, commit):
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


def test_show_counts_places_full_and_waiting(client, process, facilitator, commit):
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


def test_show_404s(client, process, meeting, facilitator, resident, commit):
    elsewhere = factories.make_process()
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


# --- registering -------------------------------------------------------------------------------


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
    assert 'action="' + url(process, meeting, "unregister") in html

    (message,) = outbox()
    assert message["To"] == resident.email
    assert message["Subject"] == f'You are registered for "{meeting.title}"'
    assert registration.code in message.get_body().get_content()
    (event,) = attached_calendar(message).walk("VEVENT")
    assert str(event["UID"]) == f"meeting-{meeting.id}@participa.test"
    assert str(event["SUMMARY"]) == meeting.title
    assert event.decoded("DTSTART") == meeting.starts_at


def test_the_emailed_calendar_is_utf8_and_never_carries_the_online_link(
        client, process, facilitator, resident, outbox, commit):
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
                                                      outbox, commit):
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


def test_terms_must_be_accepted(client, process, facilitator, resident, outbox, commit):
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
                                                       commit):
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
        client, process, facilitator, resident, outbox, commit):
    meeting = make_meeting(process, facilitator, capacity=1, title="Taller de compostatge")
    register(meeting, resident)
    first = factories.make_user(name="Àngela", email="angela@example.org", locale="es")
    second = factories.make_user(locale="ca")
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
    ("no registrations", "This meeting does not take registrations: just come along."),
])
def test_registration_closed_says_why_and_refuses(client, resident, outbox, commit,
                                                  case, message):
    now = utcnow()
    if case == "phase":  # the only phase ended yesterday
        process = factories.make_process(phases=((PhaseKind.PROPOSALS, -10, -1),))
    else:
        process = factories.make_process()
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


# --- managing: who may -----------------------------------------------------------------------

MANAGE = [
    # (method, action, status for a manager)
    ("get", "new", 200),
    ("get", "edit", 200),
    ("post", "publish", 302),
    ("get", "cancel", 200),
    ("post", "cancel", 302),
    ("get", "close", 200),
    ("post", "close", 302),
    ("get", "registrations", 200),
    ("get", "registrations.csv", 200),
    ("post", "attendance", 302),
]


@pytest.fixture
def managed(process, facilitator):
    """A published meeting with one person registered, a draft, and the form data the actions
    need."""
    meeting = make_meeting(process, facilitator)
    draft = make_meeting(process, facilitator, publish=False)
    registration = register(meeting, person())
    return meeting, draft, {"reason": "Pluja", "minutes": "Acta.", "code": registration.code}


@pytest.mark.parametrize("method, action, manager_status", MANAGE)
@pytest.mark.parametrize("role", ["facilitator", "council", "resident", "other facilitator",
                                  "visitor"])
def test_who_may_manage(client, process, facilitator, council, resident, managed, commit,
                        method, action, manager_status, role):
    meeting, draft, data = managed
    if action == "publish":
        meeting = draft
    target = url(process, action="new") if action == "new" else url(process, meeting, action)
    who = {
        "facilitator": facilitator,
        "council": council,
        "resident": resident,
        "other facilitator": person("facilitator", process=factories.make_process()),
        "visitor": None,
    }[role]
    commit()
    if who is not None:
        login(client, who)

    response = client.get(target) if method == "get" else post(client, target, data)

    if role in ("facilitator", "council"):
        assert response.status_code == manager_status
    elif role == "visitor":
        assert response.status_code == 302
        assert "/accounts/login" in response.headers["Location"]
    else:
        assert response.status_code == 403
    if role not in ("facilitator", "council"):  # nothing changed
        expected = MeetingStatus.DRAFT if action == "publish" else MeetingStatus.PUBLISHED
        assert refreshed(meeting).status is expected
        assert db.session.scalar(sa.select(Registration.attended_at)) is None
        assert count_meetings() == 2


def test_manage_pages_of_an_unknown_meeting_are_404(client, process, facilitator, commit):
    commit()
    login(client, facilitator)
    for action in ("edit", "cancel", "close", "registrations", "registrations.csv"):
        assert client.get(url(process) + f"999999/{action}").status_code == 404
    assert post(client, url(process) + "999999/publish").status_code == 404
    assert client.get("/processes/no-such-process/meetings/new").status_code == 404


@pytest.mark.parametrize("action", ["new", "edit", "publish", "cancel", "close", "attendance"])
def test_manage_posts_without_csrf_token_are_400(client, process, meeting, facilitator, commit,
                                                 action):
    commit()
    login(client, facilitator)
    target = url(process, action="new") if action == "new" else url(process, meeting, action)
    response = client.post(target, data={**form_values(title="Canviat"), "reason": "Pluja",
                                         "minutes": "Acta", "code": "ABCDEF"})
    assert response.status_code == 400
    meeting = refreshed(meeting)
    assert meeting.status is MeetingStatus.PUBLISHED
    assert meeting.title == "Assemblea a la plaça del Mercat"
    assert count_meetings() == 1


# --- new and edit ------------------------------------------------------------------------------


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
def test_invalid_input_is_refused_and_the_text_kept(client, process, facilitator, commit,
                                                    action, change, field, message):
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


def test_edit_cannot_cut_places_below_the_registrations(client, process, facilitator, commit):
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


def test_edit_adding_places_promotes_the_waiting_list(client, process, facilitator, outbox,
                                                      commit):
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


# --- cancel ------------------------------------------------------------------------------------


def test_cancel_requires_a_reason_and_emails_everyone_registered(client, process, facilitator,
                                                                 resident, outbox, commit):
    meeting = make_meeting(process, facilitator, capacity=1, title="Caminada pel riu")
    register(meeting, resident)
    waiting = factories.make_user(locale="es")
    register(meeting, waiting, seconds=1)
    commit()
    login(client, facilitator)
    html = text(client.get(url(process, meeting, "cancel")))
    assert "2 people registered or waiting will be e-mailed the reason." in html

    response = post(client, url(process, meeting, "cancel"), {"reason": "  "})
    assert response.status_code == 400
    assert 'id="reason-error"' in text(response)
    assert refreshed(meeting).status is MeetingStatus.PUBLISHED
    assert outbox() == []

    response = post(client, url(process, meeting, "cancel"),
                    {"reason": "Alerta per pluja intensa."})

    assert response.status_code == 302
    meeting = refreshed(meeting)
    assert meeting.status is MeetingStatus.CANCELLED
    assert meeting.cancellation_reason == "Alerta per pluja intensa."
    assert [e.actor_id for e in log_entries("cancel_meeting", meeting)] == [facilitator.id]
    messages = outbox()
    assert sorted(m["To"] for m in messages) == sorted([resident.email, waiting.email])
    for message in messages:
        assert "Alerta per pluja intensa." in message.get_body().get_content()
        event = attached_calendar(message).walk("VEVENT")[0]
        assert str(event["STATUS"]) == "CANCELLED"
    (english,) = [m for m in messages if m["To"] == resident.email]
    assert english["Subject"] == 'Cancelled: "Caminada pel riu"'
    (spanish,) = [m for m in messages if m["To"] == waiting.email]
    assert spanish["Subject"] != english["Subject"]

    html = text(client.get(url(process, meeting)))
    assert "The meeting is cancelled and everyone registered is being told." in html
    assert "Alerta per pluja intensa." in html
    # cancelling twice is refused
    response = post(client, url(process, meeting, "cancel"), {"reason": "Un altre cop"})
    assert response.status_code == 302
    assert len(log_entries("cancel_meeting", meeting)) == 1
    assert len(outbox()) == 2


# --- close: the minutes -----------------------------------------------------------------------


def test_close_stores_the_minutes_and_links_proposals(client, process, meeting, facilitator,
                                                      commit):
    author = person()
    discussed = make_proposal(process, author, title="Ombra a la plaça")
    undiscussed = make_proposal(process, author, title="Fonts d'aigua")
    foreign = make_proposal(factories.make_process(), author, title="D'un altre procés")
    commit()
    login(client, facilitator)
    html = text(client.get(url(process, meeting, "close")))
    assert "Ombra a la plaça" in html and "D&#39;un altre procés" not in html

    response = post(client, url(process, meeting, "close"), {"minutes": "", "proposal_ids": []})
    assert response.status_code == 400
    assert 'id="minutes-error"' in text(response)
    response = post(client, url(process, meeting, "close"),
                    {"minutes": "Hi havia gent.", "proposal_ids": [foreign.id]})
    assert response.status_code == 400
    assert refreshed(meeting).status is MeetingStatus.PUBLISHED

    response = post(client, url(process, meeting, "close"), {
        "minutes": "Vam parlar dels **arbres**.", "attendees_count": "31",
        "attending_organizations": "AVV Barri Vell\nEsplai", "proposal_ids": [discussed.id]})

    assert response.status_code == 302
    meeting = refreshed(meeting)
    assert meeting.status is MeetingStatus.CLOSED
    assert (meeting.minutes, meeting.attendees_count) == ("Vam parlar dels **arbres**.", 31)
    assert [p.id for p in meeting.proposals] == [discussed.id]
    assert [e.actor_id for e in log_entries("close_meeting", meeting)] == [facilitator.id]

    html = text(client.get(url(process, meeting)))
    assert "The minutes have been published." in html
    assert "Vam parlar dels <strong>arbres</strong>." in html
    assert "AVV Barri Vell" in html and ">31<" in html
    assert f'href="/processes/{process.slug}/proposals/{discussed.id}"' in html

    proposal_page = text(client.another().get(f"/processes/{process.slug}/proposals/"
                                              f"{discussed.id}"))
    assert "Discussed in meetings" in proposal_page
    assert f'href="{url(process, meeting)}"' in proposal_page
    other_page = text(client.get(f"/processes/{process.slug}/proposals/{undiscussed.id}"))
    assert "Discussed in meetings" not in other_page

    # the minutes can be edited; the form starts from what is stored
    html = text(client.get(url(process, meeting, "close")))
    assert "Edit the minutes" in html
    assert re.search(rf'<input[^>]*checked[^>]*value="{discussed.id}"', html) or re.search(
        rf'<input[^>]*value="{discussed.id}"[^>]*checked', html)


def test_a_draft_cannot_be_closed(client, process, facilitator, commit):
    draft = make_meeting(process, facilitator, publish=False)
    commit()
    login(client, facilitator)
    response = post(client, url(process, draft, "close"), {"minutes": "Res."})
    assert response.status_code == 302
    assert "Only a published meeting can be closed." in text(client.get(url(process, draft)))
    assert refreshed(draft).status is MeetingStatus.DRAFT


# --- registrations, CSV and attendance --------------------------------------------------------


def test_registrations_page_lists_confirmed_and_waiting(client, process, facilitator, commit):
    meeting = make_meeting(process, facilitator, capacity=1)
    confirmed = register(meeting, person(name="Marta Puig"))
    waiting = register(meeting, person(name="Pau Serra"), seconds=1)
    commit()
    login(client, facilitator)
    html = text(client.get(url(process, meeting, "registrations")))
    assert "Marta Puig" in html and f"<code>{confirmed.code}</code>" in html
    assert "Pau Serra" in html and f"<code>{waiting.code}</code>" in html
    assert html.index("Marta Puig") < html.index('id="waiting-heading"') < html.index("Pau Serra")
    assert url(process, meeting, "registrations.csv") in html


def test_registrations_csv(client, process, facilitator, commit):
    meeting = make_meeting(process, facilitator, capacity=5)
    names = ["=HYPERLINK(\"http://evil\")", "+34 600", "-2+3", "@SUM(A1)", "Marta Puig"]
    registrations = [register(meeting, person(name=name), seconds=i)
                     for i, name in enumerate(names)]
    commit()
    login(client, facilitator)

    response = client.get(url(process, meeting, "registrations.csv"))

    assert response.status_code == 200
    assert response.mimetype == "text/csv"
    assert "attachment" in response.headers["Content-Disposition"]
    assert "no-store" in response.headers["Cache-Control"]
    table = list(csv.DictReader(io.StringIO(text(response))))
    assert [row["code"] for row in table] == [r.code for r in registrations]
    assert [row["name"] for row in table] == [
        "'=HYPERLINK(\"http://evil\")", "'+34 600", "'-2+3", "'@SUM(A1)", "Marta Puig"]
    assert {row["status"] for row in table} == {"confirmed"}
    for row in table:
        assert row["registered_at"].endswith(("+01:00", "+02:00"))
        for value in row.values():
            assert value[:1] not in ("=", "+", "-", "@")


def test_attendance_by_code(client, process, facilitator, commit):
    meeting = make_meeting(process, facilitator, capacity=1)
    registration = register(meeting, person(name="Marta Puig"))
    waiting = register(meeting, person(), seconds=1)
    commit()
    login(client, facilitator)

    response = post(client, url(process, meeting, "attendance"), {"code": "NOPE99"})
    assert response.status_code == 400
    assert field_error(text(response), "code") == "No confirmed registration has this code."
    response = post(client, url(process, meeting, "attendance"), {"code": waiting.code})
    assert response.status_code == 400
    response = post(client, url(process, meeting, "attendance"), {"code": ""})
    assert response.status_code == 400
    sync()
    assert log_entries("mark_attendance", meeting) == []

    response = post(client, url(process, meeting, "attendance"),
                    {"code": f" {registration.code.lower()} "})

    assert response.status_code == 302
    assert response.headers["Location"].endswith(url(process, meeting, "registrations"))
    sync()
    assert db.session.scalar(sa.select(Registration.attended_at).where(
        Registration.id == registration.id)) is not None
    assert [e.actor_id for e in log_entries("mark_attendance", meeting)] == [facilitator.id]
    html = text(client.get(response.headers["Location"]))
    assert "Marta Puig is marked as present." in html
    assert "Arrived at" in html


# --- hostile content ---------------------------------------------------------------------------


def test_hostile_description_terms_and_title_are_inert(client, process, facilitator, resident,
                                                       commit):
    meeting = make_meeting(process, facilitator, title="<script>alert('t')</script>Títol",
                           description=HOSTILE_BODY, registration_terms=HOSTILE_BODY,
                           organizer="<img src=x onerror=alert(1)>")
    commit()
    for who in (None, resident, facilitator):
        browser = client.another()
        if who is not None:
            login(browser, who)
        html = text(browser.get(url(process, meeting)))
        assert_inert(html)
        assert "<strong>veïns</strong>" in html
        assert "fes clic" in html and "enllaç" in html
        assert "&lt;script&gt;alert(&#39;t&#39;)&lt;/script&gt;Títol" in html
    assert_inert(text(client.get("/meetings/")))
    assert_inert(text(client.get(url(process))))


def test_hostile_minutes_are_inert(client, process, facilitator, commit):
    meeting = make_meeting(process, facilitator, starts_at=utcnow() - timedelta(days=2))
    operations.close_meeting(meeting, {"minutes": HOSTILE_BODY,
                                       "attending_organizations": "<script>x()</script>"},
                             actor=facilitator)
    commit()
    for page in (url(process, meeting), url(process), "/meetings/?when=past"):
        html = text(client.get(page))
        assert_inert(html)
        assert "<strong>veïns</strong>" in html


# --- the page cache ------------------------------------------------------------------------------


@pytest.fixture
def page_cache(app, monkeypatch):
    monkeypatch.setitem(app.config, "PAGE_CACHE_SECONDS", 5)
    cache = app.extensions["page_cache"]
    cache.clear()
    yield cache
    cache.clear()


def test_page_cache_never_serves_a_stale_page_to_a_signed_in_person(
        client, page_cache, process, facilitator, resident, commit):
    meeting = make_meeting(process, facilitator, capacity=2)
    commit()
    visitor = client.another()
    first = visitor.get(url(process, meeting))
    second = visitor.get(url(process, meeting))
    assert first.headers.get("X-Page-Cache") == "miss"
    assert second.headers.get("X-Page-Cache") == "hit"
    assert text(second) == text(first)
    assert "2 places left" in text(second)

    login(client, resident)
    html = text(client.get(url(process, meeting)))
    assert 'action="' + url(process, meeting, "register") in html
    response = post(client, url(process, meeting, "register"), follow_redirects=True)
    html = text(response)
    assert "X-Page-Cache" not in response.headers
    assert "You are registered." in html and "1 place left" in html
    assert "Sign out" in html  # the signed-in page, not the visitor's copy
    fresh = client.get(url(process, meeting))
    assert "X-Page-Cache" not in fresh.headers
    assert "door-code" in text(fresh)
