"""The facilities' pages load what they show in a fixed number of queries: the register with 3
or 12 facilities, and a facility's page with few or many rooms, hours and meetings."""

from datetime import timedelta

import pytest

from participa.core.types import utcnow
from participa.extensions import db
from tests.support import factories
from tests.support.queries import counting
from tests.support.web import login


def queries_for(app, client, url) -> int:
    client.get(url)  # warm: the session's first request loads what every request does
    with counting(app) as statements:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(statements)


@pytest.mark.parametrize("signed_in", [False, True], ids=["visitor", "signed-in"])
def test_the_register_costs_the_same_with_3_or_12_facilities(app, client, signed_in,
                                                            make_facility):
    def grow(n):
        for _ in range(n):
            make_facility(rooms=(("Sala 1", 10), ("Sala 2", 20)),
                          neighbourhood_id=factories.make_neighbourhood().id)
        db.session.commit()

    if signed_in:
        person = factories.make_user(locale="en")
        db.session.commit()
        login(client, person)
    grow(3)
    few = queries_for(app, client, "/facilities/")
    grow(9)
    assert queries_for(app, client, "/facilities/") == few


@pytest.mark.parametrize("signed_in", [False, True], ids=["visitor", "signed-in"])
def test_a_facility_page_costs_the_same_with_few_or_many_meetings(
        app, client, process, facilitator, signed_in, make_facility, make_meeting_in):
    rooms = [(f"Sala {n}", 30) for n in range(12)]
    facility = make_facility(rooms=rooms, hours=tuple((d, "09:00", "14:00") for d in range(7)))
    start = utcnow().replace(microsecond=0) + timedelta(days=3)

    def grow(first, last):
        for n in range(first, last):
            make_meeting_in(facility.rooms[n], process, facilitator, start=start)
        db.session.commit()

    if signed_in:
        person = factories.make_user(locale="en")
        db.session.commit()
        login(client, person)
    url = f"/facilities/{facility.slug}"
    grow(0, 2)
    few = queries_for(app, client, url)
    grow(2, 12)
    assert queries_for(app, client, url) == few
