"""Cancelling a meeting (a reason, everyone registered told) and closing it with its minutes."""

import re

from participa.meetings.models import MeetingStatus
from tests.support.factories import person
from tests.support.meetings import attached_calendar, register, url
from tests.support.records import log_entries
from tests.support.web import login, post, refreshed, text

# --- cancel ------------------------------------------------------------------------------------


def test_cancel_requires_a_reason_and_emails_everyone_registered(
        client, process, facilitator, resident, outbox, commit, make_user, make_meeting):
    meeting = make_meeting(process, facilitator, capacity=1, title="Caminada pel riu")
    register(meeting, resident)
    waiting = make_user(locale="es")
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


def test_close_stores_the_minutes_and_links_proposals(client, process, meeting, facilitator, commit,
                                                      make_process, make_proposal):
    author = person()
    discussed = make_proposal(process, author, title="Ombra a la plaça")
    undiscussed = make_proposal(process, author, title="Fonts d'aigua")
    foreign = make_proposal(make_process(), author, title="D'un altre procés")
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


def test_a_draft_cannot_be_closed(client, process, facilitator, commit, make_meeting):
    draft = make_meeting(process, facilitator, publish=False)
    commit()
    login(client, facilitator)
    response = post(client, url(process, draft, "close"), {"minutes": "Res."})
    assert response.status_code == 302
    assert "Only a published meeting can be closed." in text(client.get(url(process, draft)))
    assert refreshed(draft).status is MeetingStatus.DRAFT
