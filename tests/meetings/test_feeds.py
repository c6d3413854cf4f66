"""The iCalendar feeds through the test client: one meeting, the town, a process and a plan.
Each answer is text/calendar that the ``icalendar`` package parses back, with stable UIDs, no
drafts, cancelled meetings marked as such, and never the online link."""

from datetime import timedelta

import pytest
from icalendar import Calendar

from participa.core.timeutil import LOCAL_TZ
from participa.core.types import utcnow
from participa.extensions import db
from participa.meetings import operations
from participa.plans.models import PlanStatus
from tests.support import factories
from tests.support.meetings import make_meeting, registering_time
from tests.support.web import login

LINK = "https://meet.example.org/sala-secreta-del-barri"


def uid(meeting) -> str:
    return f"meeting-{meeting.id}@participa.test"


def fetch(client, url):
    """GET a feed; check it is a calendar and return (response, parsed calendar)."""
    response = client.get(url)
    assert response.status_code == 200, url
    assert response.mimetype == "text/calendar"
    return response, Calendar.from_ical(response.get_data())


def uids(client, url) -> list[str]:
    _response, calendar = fetch(client, url)
    return [str(event["UID"]) for event in calendar.walk("VEVENT")]


def events_by_uid(calendar) -> dict:
    return {str(event["UID"]): event for event in calendar.walk("VEVENT")}


@pytest.fixture
def organizer():
    return factories.make_user("council", locale="en")


@pytest.fixture
def town(process, organizer):
    """A plan with two processes, a process outside it and an unpublished one, each with
    meetings of every kind of status."""
    plan = factories.make_plan("Pla del Barri Vell", slug="pla-barri-vell")
    in_plan = factories.make_process(plan=plan, slug="places-verdes")
    also_in_plan = factories.make_process(plan=plan, slug="casal-jove")
    hidden = factories.make_process(plan=plan, published=False, slug="proces-amagat")
    meetings = {
        "published": make_meeting(in_plan, organizer, title="Assemblea de la plaça"),
        "hybrid": make_meeting(also_in_plan, organizer, title="Sessió híbrida", kind="hybrid",
                               online_url=LINK),
        "online": make_meeting(in_plan, organizer, title="Sessió en línia", kind="online",
                               online_url=LINK),
        "cancelled": make_meeting(in_plan, organizer, title="Caminada suspesa"),
        "held": make_meeting(in_plan, organizer, title="Ja feta",
                             starts_at=utcnow() - timedelta(days=20)),
        "draft": make_meeting(in_plan, organizer, title="Esborrany", publish=False),
        "elsewhere": make_meeting(process, organizer, title="Fora del pla"),
        "hidden": make_meeting(hidden, organizer, title="D'un procés amagat"),
        "ancient": make_meeting(process, organizer, title="Fa dos anys",
                                starts_at=utcnow() - timedelta(days=800)),
    }
    operations.cancel_meeting(meetings["cancelled"], "Pluja intensa", actor=organizer)
    operations.close_meeting(meetings["held"], {"minutes": "Acta."}, actor=organizer)
    db.session.commit()
    return plan, in_plan, also_in_plan, meetings


# --- one meeting -------------------------------------------------------------------------------


def test_one_meeting(client, process, organizer, commit, make_meeting):
    meeting = make_meeting(process, organizer, title="Assemblea a la plaça del Mercat",
                           place="Casal de barri", address="Carrer Major, 1")
    commit()

    response, calendar = fetch(client, f"/meetings/{meeting.id}.ics")

    assert response.headers["Content-Disposition"] == (
        f'attachment; filename="meeting-{meeting.id}.ics"')
    assert str(calendar["VERSION"]) == "2.0"
    (event,) = calendar.walk("VEVENT")
    assert str(event["UID"]) == uid(meeting)
    assert str(event["SUMMARY"]) == "Assemblea a la plaça del Mercat"
    assert str(event["STATUS"]) == "CONFIRMED"
    assert str(event["LOCATION"]) == "Casal de barri, Carrer Major, 1"
    assert str(event["URL"]) == (
        f"http://participa.test/processes/{process.slug}/meetings/{meeting.id}")
    # written in Madrid time with its VTIMEZONE, the same instant as stored
    assert event["DTSTART"].params["TZID"] == str(LOCAL_TZ)
    assert event.decoded("DTSTART") == meeting.starts_at
    assert event.decoded("DTEND") == meeting.ends_at
    (timezone,) = calendar.walk("VTIMEZONE")
    assert str(timezone["TZID"]) == str(LOCAL_TZ)


def test_one_meeting_has_a_stable_uid_and_a_growing_sequence(
        client, process, organizer, commit, make_meeting):
    meeting = make_meeting(process, organizer)
    commit()
    url = f"/meetings/{meeting.id}.ics"
    first = fetch(client, url)[1].walk("VEVENT")[0]
    second = fetch(client, url)[1].walk("VEVENT")[0]
    assert str(first["UID"]) == str(second["UID"]) == uid(meeting)

    operations.cancel_meeting(meeting, "Vaga de transport", actor=organizer)
    commit()
    cancelled = fetch(client, url)[1].walk("VEVENT")[0]
    assert str(cancelled["UID"]) == uid(meeting)
    assert str(cancelled["STATUS"]) == "CANCELLED"
    assert int(cancelled["SEQUENCE"]) > int(first["SEQUENCE"])
    assert "Vaga de transport" in str(cancelled["DESCRIPTION"])


def test_one_meeting_never_carries_the_online_link(client, process, organizer, resident, commit,
                                                   make_meeting):
    meeting = make_meeting(process, organizer, kind="hybrid", online_url=LINK,
                           starts_at=utcnow() + timedelta(minutes=10))
    operations.register(meeting, actor=resident, now=registering_time(meeting))
    commit()
    for who in (None, resident, organizer):  # even those who may see it on the page
        browser = client.another()
        if who is not None:
            login(browser, who)
        assert LINK not in browser.get(f"/meetings/{meeting.id}.ics").get_data(as_text=True)


def test_one_meeting_404s(client, process, organizer, resident, commit, make_process, make_meeting):
    draft = make_meeting(process, organizer, publish=False)
    hidden_process = make_process(published=False)
    hidden = make_meeting(hidden_process, organizer)
    commit()
    assert client.get("/meetings/999999.ics").status_code == 404
    assert client.get("/meetings/abc.ics").status_code == 404
    for url in (f"/meetings/{draft.id}.ics", f"/meetings/{hidden.id}.ics"):
        assert client.get(url).status_code == 404
    login(client, resident)
    assert client.get(f"/meetings/{draft.id}.ics").status_code == 404
    manager = client.another()
    login(manager, organizer)  # the council may see drafts, so may fetch them
    assert manager.get(f"/meetings/{draft.id}.ics").status_code == 200


# --- feeds -------------------------------------------------------------------------------------


def test_town_feed(client, town):
    _plan, _in_plan, _also, meetings = town

    response, calendar = fetch(client, "/meetings.ics")

    assert "inline" in response.headers["Content-Disposition"]
    found = events_by_uid(calendar)
    expected = ("published", "hybrid", "online", "cancelled", "held", "elsewhere")
    assert sorted(found) == sorted(uid(meetings[name]) for name in expected)
    assert str(found[uid(meetings["cancelled"])]["STATUS"]) == "CANCELLED"
    assert str(found[uid(meetings["held"])]["STATUS"]) == "CONFIRMED"
    assert str(found[uid(meetings["published"])]["STATUS"]) == "CONFIRMED"
    assert uid(meetings["ancient"]) not in found  # a year of history, not the whole archive
    assert calendar.walk("VTIMEZONE")


def test_process_feed(client, town):
    _plan, in_plan, also_in_plan, meetings = town
    _response, calendar = fetch(client, f"/processes/{in_plan.slug}/meetings.ics")
    found = events_by_uid(calendar)
    assert sorted(found) == sorted(
        uid(meetings[name]) for name in ("published", "online", "cancelled", "held"))
    assert str(found[uid(meetings["cancelled"])]["STATUS"]) == "CANCELLED"
    assert uids(client, f"/processes/{also_in_plan.slug}/meetings.ics") == [
        uid(meetings["hybrid"])]


def test_plan_feed_has_only_the_plans_processes(client, town, make_plan):
    plan, _in_plan, _also, meetings = town
    _response, calendar = fetch(client, f"/plans/{plan.slug}/meetings.ics")
    found = events_by_uid(calendar)
    assert sorted(found) == sorted(
        uid(meetings[name]) for name in ("published", "hybrid", "online", "cancelled", "held"))
    assert uid(meetings["elsewhere"]) not in found
    assert uid(meetings["hidden"]) not in found

    other = make_plan("Un altre pla")
    db.session.commit()
    assert uids(client, f"/plans/{other.slug}/meetings.ics") == []


def test_feeds_have_stable_uids_across_requests(client, town):
    plan, in_plan, _also, _meetings = town
    for url in ("/meetings.ics", f"/processes/{in_plan.slug}/meetings.ics",
                f"/plans/{plan.slug}/meetings.ics"):
        first, second = uids(client, url), uids(client, url)
        assert first and first == second
        assert uids(client.another(), url) == first


def test_no_public_feed_carries_the_online_link(client, town, organizer):
    plan, in_plan, also_in_plan, _meetings = town
    urls = ("/meetings.ics", f"/processes/{in_plan.slug}/meetings.ics",
            f"/processes/{also_in_plan.slug}/meetings.ics", f"/plans/{plan.slug}/meetings.ics")
    manager = client.another()
    login(manager, organizer)
    for browser in (client, manager):
        for url in urls:
            body = fetch(browser, url)[0].get_data(as_text=True)
            assert LINK not in body
            assert "meet.example.org" not in body


def test_feeds_never_carry_drafts_even_for_managers(client, town, organizer):
    plan, in_plan, _also, meetings = town
    login(client, organizer)
    for url in ("/meetings.ics", f"/processes/{in_plan.slug}/meetings.ics",
                f"/plans/{plan.slug}/meetings.ics"):
        assert uid(meetings["draft"]) not in uids(client, url)


def test_an_empty_feed_is_still_a_valid_calendar(client, process, commit):
    commit()
    _response, calendar = fetch(client, f"/processes/{process.slug}/meetings.ics")
    assert calendar.walk("VEVENT") == []
    assert calendar.walk("VTIMEZONE")
    _response, calendar = fetch(client, "/meetings.ics")
    assert calendar.walk("VEVENT") == []


def test_feeds_404(client, organizer, commit, make_process, make_plan):
    hidden = make_process(published=False, slug="encara-no")
    draft_plan = make_plan("Pla en preparació", slug="pla-en-preparacio",
                                     status=PlanStatus.DRAFT)
    commit()
    for url in ("/processes/no-such-process/meetings.ics", "/plans/no-such-plan/meetings.ics",
                f"/processes/{hidden.slug}/meetings.ics",
                f"/plans/{draft_plan.slug}/meetings.ics"):
        assert client.get(url).status_code == 404, url
    login(client, organizer)  # the council sees what is not public yet
    assert client.get(f"/processes/{hidden.slug}/meetings.ics").status_code == 200
    assert client.get(f"/plans/{draft_plan.slug}/meetings.ics").status_code == 200
