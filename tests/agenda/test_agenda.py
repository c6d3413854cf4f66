"""/agenda/ and /agenda.ics through the test client: day, week, month and the month grid,
multi-day events on every day they cover, the filters (kept by every link), what never shows
(drafts, hidden processes, moderated meetings), bad parameters, the feed parsed back and the
association's page."""

import re
from datetime import date

import pytest
from icalendar import Calendar

from participa.core.types import utcnow
from participa.meetings import operations
from tests.agenda.builders import add_representative, local, make_association, make_event
from tests.facilities.builders import make_facility
from tests.support import factories
from tests.support.web import login, text

YEAR = utcnow().year + 1
JUNE = f"{YEAR}-06-15"


@pytest.fixture
def festa(process, facilitator, make_process, commit):
    """A June with a four-day festa, a one-evening concert, a draft, a meeting of a hidden
    process and a meeting hidden by moderation."""
    association = make_association(name="Comissió de Festes")
    marta = add_representative(association)
    events = {
        "festa": make_event(process, marta, start=local(YEAR, 6, 24, 18), hours=24 * 3 + 4,
                            title="Festa Major", association=association),
        "concert": make_event(process, facilitator, start=local(YEAR, 6, 10, 21),
                              title="Concert a la plaça", event_type="talk", price="5 €"),
        "draft": make_event(process, facilitator, start=local(YEAR, 6, 11, 18),
                            title="Esborrany secret", publish=False),
        "hidden": make_event(make_process(published=False), factories.make_user("council"),
                             start=local(YEAR, 6, 12, 18), title="Procés amagat"),
        "moderated": make_event(process, facilitator, start=local(YEAR, 6, 13, 18),
                                title="Amagada per moderació"),
    }
    events["moderated"].hidden_at = utcnow()
    commit()
    return events, association


def agenda(client, **query):
    response = client.get("/agenda/", query_string=query)
    assert response.status_code == 200
    return text(response)


def test_the_month_lists_every_public_event_under_each_day(client, festa):
    html = agenda(client, view="month", date=JUNE)
    assert "Festa Major" in html and "Concert a la plaça" in html
    for absent in ("Esborrany secret", "Procés amagat", "Amagada per moderació"):
        assert absent not in html
    days = re.findall(r'<h3 class="agenda-day" id="day-([0-9-]+)"', html)
    assert days == [f"{YEAR}-06-10", f"{YEAR}-06-24", f"{YEAR}-06-25", f"{YEAR}-06-26",
                    f"{YEAR}-06-27"]
    assert html.count(">Festa Major</a>") == 4
    assert "day 1 of 4" in html and "day 4 of 4" in html
    assert "From 6:00" in html and "Until 10:00" in html and "All day" in html
    assert "5 €" in html and "Free" in html
    assert "Comissió de Festes" in html


def test_the_day_and_week_show_their_period_only(client, festa):
    html = agenda(client, view="day", date=f"{YEAR}-06-25")
    assert "Festa Major" in html and "Concert" not in html
    html = agenda(client, view="week", date=f"{YEAR}-06-10")
    assert "Concert a la plaça" in html and "Festa Major" not in html
    html = agenda(client, view="day", date=f"{YEAR}-06-01")
    assert "Nothing on the agenda in this period." in html


def test_the_month_grid_is_a_table_with_the_events_as_links(client, festa):
    events, _association = festa
    html = agenda(client, view="grid", date=JUNE)
    assert "<table class=\"agenda-grid\">" in html and "<caption>" in html
    assert html.count('<th scope="col">') == 7
    festa_link = f'/processes/{events["festa"].process.slug}/meetings/{events["festa"].id}"'
    assert html.count(festa_link) == 4
    assert "Esborrany secret" not in html
    # every day is a link to the day's list
    assert f"view=day&amp;date={YEAR}-06-24" in html


def test_filters_select_and_are_kept_by_the_links(client, festa, process):
    events, association = festa
    html = agenda(client, view="grid", date=JUNE, organiser=association.id)
    assert "Festa Major" in html and "Concert a la plaça" not in html
    assert f"organiser={association.id}" in re.search(r'rel="next"[^>]*>|href="[^"]*" rel="next"',
                                                        html).group(0)
    html = agenda(client, view="month", date=JUNE, type="talk")
    assert "Concert a la plaça" in html and "Festa Major" not in html
    assert re.search(r'<option value="talk" selected>', html)
    html = agenda(client, view="month", date=JUNE, organiser="council")
    assert "Nothing on the agenda in this period." in html
    other = factories.make_neighbourhood()
    html = agenda(client, view="month", date=JUNE, neighbourhood=other.id)
    assert "Festa Major" not in html


def test_the_facility_filter(client, process, facilitator, commit):
    facility = make_facility(rooms=(("Sala gran", 80),))
    make_event(process, facilitator, start=local(YEAR, 6, 5, 18), title="Taller de cuina",
               event_type="workshop", room_id=facility.rooms[0].id)
    make_event(process, facilitator, start=local(YEAR, 6, 6, 18), title="Fora del casal")
    commit()
    html = agenda(client, view="month", date=JUNE, facility=facility.id)
    assert "Taller de cuina" in html and "Fora del casal" not in html


@pytest.mark.parametrize("query", [
    {"view": "year"}, {"date": "2026-02-30"}, {"date": "\x00"}, {"date": "99999-01-01"},
    {"date": "1066-10-14"}, {"neighbourhood": str(2**63)}, {"plan": "-1"},
    {"facility": "\x00"}, {"organiser": "9" * 40}, {"type": "party"}, {"type": "\x00"},
    {"view": "\x00", "organiser": "\x00"},
])
def test_bad_parameters_are_ignored(client, query):
    """Ignored (200); a NUL byte anywhere is refused before any view (400): never a 500."""
    expected = 400 if any("\x00" in value for value in query.values()) else 200
    assert client.get("/agenda/", query_string=query).status_code == expected
    assert client.get("/agenda.ics", query_string=query).status_code == expected


def test_the_feed_carries_the_filtered_agenda_parsed_back(client, festa):
    events, association = festa
    response = client.get("/agenda.ics", query_string={"organiser": association.id})
    assert response.status_code == 200 and response.mimetype == "text/calendar"
    calendar = Calendar.from_ical(response.data)
    vevents = calendar.walk("VEVENT")
    assert [str(e["SUMMARY"]) for e in vevents] == ["Festa Major"]
    assert str(vevents[0]["CATEGORIES"].cats[0]) in ("Festival", "Festa")
    assert vevents[0]["ORGANIZER"].params["CN"] == "Comissió de Festes"
    everything = Calendar.from_ical(client.get("/agenda.ics").data)
    titles = {str(e["SUMMARY"]) for e in everything.walk("VEVENT")}
    assert {"Festa Major", "Concert a la plaça"} <= titles
    assert not titles & {"Esborrany secret", "Procés amagat", "Amagada per moderació"}


def test_an_all_day_event_is_whole_days_in_the_feed_and_on_its_page(
        client, process, facilitator, commit):
    expo = make_event(process, facilitator, start=local(YEAR, 5, 3, 10), hours=24 * 13,
                      title="Exposició de fotografia", event_type="exhibition",
                      is_all_day=True)
    commit()
    [event] = Calendar.from_ical(client.get(f"/meetings/{expo.id}.ics").data).walk("VEVENT")
    assert event["DTSTART"].dt == date(YEAR, 5, 3)
    assert event["DTEND"].dt == date(YEAR, 5, 17)  # the day after the last
    html = text(client.get(f"/processes/{process.slug}/meetings/{expo.id}"))
    assert "14 days" in html and "Exhibition" in html and "Free" in html
    html = agenda(client, view="month", date=f"{YEAR}-05-01")
    assert html.count(">Exposició de fotografia</a>") == 14


def test_an_event_without_registration_reads_well(client, process, facilitator, commit):
    event = make_event(process, facilitator, start=local(YEAR, 6, 5, 18), title="Sardanes",
                       price="")
    commit()
    html = text(client.get(f"/processes/{process.slug}/meetings/{event.id}"))
    assert "No registration needed: just come along." in html
    assert "Sign me up" not in html and "Free" in html


def test_the_association_page_lists_its_events(client, festa):
    events, association = festa
    html = text(client.get(f"/associations/{association.slug}"))
    assert "Events and meetings" in html and "Festa Major" in html
    assert "Concert a la plaça" not in html


def test_the_header_links_the_agenda(client):
    assert 'href="/agenda/"' in text(client.get("/"))


def test_a_cancelled_event_stays_marked(client, festa, facilitator):
    events, _association = festa
    operations.cancel_meeting(events["concert"], "Pluja", actor=facilitator)
    from participa.extensions import db
    db.session.commit()
    html = agenda(client, view="month", date=JUNE)
    assert "is-cancelled" in html


def test_signed_in_people_see_the_same_agenda(client, festa, commit):
    reader = factories.person()
    commit()
    login(client, reader)
    html = agenda(client, view="month", date=JUNE)
    assert "Festa Major" in html and "Esborrany secret" not in html
