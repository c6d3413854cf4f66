"""The list of registrations, its CSV and attendance by code."""

import csv
import io

import sqlalchemy as sa

from participa.extensions import db
from participa.meetings.models import Registration
from tests.support.factories import person
from tests.support.html import field_error
from tests.support.meetings import (
    register,
    url,
)
from tests.support.records import log_entries
from tests.support.web import login, post, sync, text


def test_registrations_page_lists_confirmed_and_waiting(client, process, facilitator, commit,
                                                        make_meeting):
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


def test_registrations_csv(client, process, facilitator, commit, make_meeting):
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


def test_attendance_by_code(client, process, facilitator, commit, make_meeting):
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
