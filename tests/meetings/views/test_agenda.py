"""The town's agenda and a process's meetings through the test client: what is listed,
filters, pagination and the 404s."""

import re
from datetime import timedelta

import pytest

from participa.core.types import utcnow
from participa.meetings import operations
from tests.support.html import selected_option
from tests.support.meetings import LINK, url
from tests.support.web import login, text

# --- the town's agenda -------------------------------------------------------------------------


def test_index_lists_upcoming_meetings_only(client, process, facilitator, commit, make_process,
                                            make_meeting):
    now = utcnow()
    make_meeting(process, facilitator, title="Trobada de dilluns")
    cancelled = make_meeting(process, facilitator, title="Caminada suspesa")
    operations.cancel_meeting(cancelled, "Pluja", actor=facilitator)
    make_meeting(process, facilitator, title="Esborrany secret", publish=False)
    make_meeting(process, facilitator, title="Ja passada", starts_at=now - timedelta(days=3))
    hidden = make_process(published=False)
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


def test_index_filters_by_neighbourhood_plan_and_kind(client, facilitator, commit, make_process,
                                                      make_plan, make_neighbourhood, make_meeting):
    barri = make_neighbourhood("Sant Pere")
    other_barri = make_neighbourhood("La Font")
    plan = make_plan("Pla del Barri Vell", neighbourhoods=[barri])
    here = make_process(plan=plan, neighbourhoods=[barri])
    there = make_process(neighbourhoods=[other_barri])
    make_meeting(here, facilitator, title="Assemblea presencial")
    make_meeting(here, facilitator, title="Sessió en línia", kind="online", online_url=LINK)
    make_meeting(there, facilitator, title="Taller a la Font")
    commit()

    def titles(**query):
        html = text(client.get("/meetings/", query_string=query))
        return sorted(re.findall(r'<h3><a href="[^"]+"(?: lang="ca")?>([^<]+)</a></h3>',
                                 html)), html

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


def test_index_past_meetings_show_their_minutes(client, process, facilitator, commit, make_meeting):
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


def test_index_pagination(app, client, process, facilitator, commit, monkeypatch, make_meeting):
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


def test_process_index_for_visitors_and_managers(client, process, facilitator, commit,
                                                 make_meeting):
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


def test_process_index_404s(client, facilitator, commit, make_process):
    hidden = make_process(published=False)
    commit()
    assert client.get("/processes/no-such-process/meetings/").status_code == 404
    assert client.get(url(hidden)).status_code == 404
