"""Text must be text: a one-line field (a title, a name, a place) refuses line breaks and
invisible control characters, any field refuses a NUL byte, and whatever was stored before is
written safely into e-mail headers and calendar lines."""

import pytest
import sqlalchemy as sa
from icalendar import Calendar

from participa.core.text import one_line, plain_lines, single_line_problem
from participa.extensions import db
from participa.proposals.models import Proposal
from tests.support import factories
from tests.support.meetings import make_meeting
from tests.support.web import login, post, text

BREAKERS = ["\r\n", "\n", "\r", "\x85", "\u2028", "\u2029", "\x00", "\x1b", "\u200b\u202e"]
ONE_LINE = "Write this on one line, without line breaks or invisible characters."


@pytest.mark.parametrize("breaker", BREAKERS)
def test_what_breaks_a_line(breaker):
    assert single_line_problem(f"Plaça{breaker}del Mercat")
    assert one_line(f"Plaça{breaker}del Mercat") == "Plaça del Mercat"
    assert "\r" not in plain_lines(f"Plaça{breaker}del Mercat")
    assert not single_line_problem("Plaça del Mercat — l'àgora, 2n pis")


@pytest.mark.parametrize("breaker", ["\r\n", "\u2028", "\x85", "\x00"])
def test_a_proposal_title_on_two_lines_is_refused_and_nothing_is_saved(client, breaker,
                                                                        make_process):
    process = make_process()
    resident = factories.make_user(locale="en")
    db.session.commit()
    login(client, resident)
    response = post(client, f"/processes/{process.slug}/proposals/new",
                    {"title": f"Ombra a la plaça{breaker}Bcc: tothom", "body": "Arbres.",
                     "action": "publish"})
    assert response.status_code == 400
    assert ONE_LINE in text(response) or "Remove the invisible characters" in text(response)
    assert db.session.scalar(sa.select(sa.func.count()).select_from(Proposal)) == 0


def test_a_nul_byte_in_a_long_text_is_refused(client, make_process):
    process = make_process()
    resident = factories.make_user(locale="en")
    db.session.commit()
    login(client, resident)
    response = post(client, f"/processes/{process.slug}/proposals/new",
                    {"title": "Ombra a la plaça", "body": "Arbres\x00 i bancs.",
                     "action": "publish"})
    assert response.status_code == 400
    assert "Remove the invisible characters from this text." in text(response)
    assert db.session.scalar(sa.select(sa.func.count()).select_from(Proposal)) == 0


def test_a_meeting_title_stored_with_line_breaks_keeps_its_calendar_whole(client,
                                                                           make_process):
    process = make_process()
    facilitator = factories.make_user("facilitator", process=process)
    meeting = make_meeting(process, facilitator, title="Assemblea\r\nDTSTART:19700101T000000",
                           place="Casal\u2028Sala 2", description="Ordre del dia:\r1. Obres")
    db.session.commit()
    body = client.get(f"/meetings/{meeting.id}.ics").get_data()
    [event] = Calendar.from_ical(body).walk("VEVENT")
    assert str(event["SUMMARY"]) == "Assemblea DTSTART:19700101T000000"
    assert str(event["LOCATION"]).startswith("Casal Sala 2")
    assert "Ordre del dia:\n1. Obres" in str(event["DESCRIPTION"])
    assert event.decoded("DTSTART").year != 1970
    assert b"\r\nDTSTART:19700101" not in body
