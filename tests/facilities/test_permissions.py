"""Who may manage facilities: the council only. The predicate, then every council page and
action through the client (visitors are sent to sign in; residents and facilitators get 403)."""

import pytest

from participa.facilities.permissions import can_manage_facilities
from tests.support import factories
from tests.support.web import login, post

ROLES = ("visitor", "resident", "facilitator", "council")


@pytest.mark.parametrize("role", ROLES)
def test_only_the_council_manages_facilities(role, process):
    user = factories.in_role(role, process)
    assert can_manage_facilities(user) is (role == "council")


def _pages(facility):
    room, base = facility.rooms[0], f"/admin/facilities/{facility.id}"
    return {
        "get": ["/admin/facilities/", "/admin/facilities/new", base, base + "/edit",
                f"{base}/rooms/{room.id}/edit"],
        "post": [("/admin/facilities/new", {"name": "Nova", "kind": "other", "address": "Riu"}),
                 (base + "/rooms", {"name": "Sala 9", "capacity": "9"}),
                 (base + "/hours", {"weekday": "1", "opens": "09:00", "closes": "10:00"}),
                 (base + "/exceptions", {"day": "2027-01-01", "is_closed": "y"}),
                 (f"{base}/rooms/{room.id}/edit", {"name": "Sala", "capacity": "5"})],
    }


@pytest.mark.parametrize("role", ROLES)
def test_the_council_pages_answer_by_role(role, client, process, commit, make_facility):
    facility = make_facility(hours=((0, "09:00", "14:00"),))
    user = None if role == "visitor" else factories.in_role(role, process)
    if user is not None:
        user.locale = "en"
    commit()
    pages = _pages(facility)
    if user is not None:
        login(client, user)
    expected = {"visitor": 302, "resident": 403, "facilitator": 403}.get(role)
    for url in pages["get"]:
        status = client.get(url).status_code
        assert status == (expected or 200), url
    for url, data in pages["post"]:
        status = post(client, url, data).status_code
        assert status == (expected or 302), url
    hours = facility.hours[0]
    status = post(client, f"/admin/facilities/{facility.id}/hours/{hours.id}/remove").status_code
    assert status == (expected or 302)
