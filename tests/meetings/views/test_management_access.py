"""Who may manage a meeting: every management route for facilitators, the council, residents
and visitors, and the 400/404 answers."""

import pytest
import sqlalchemy as sa

from participa.extensions import db
from participa.meetings.models import MeetingStatus, Registration
from tests.support.factories import person
from tests.support.meetings import count_meetings, form_values, make_meeting, register, url
from tests.support.web import login, post, refreshed

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
def test_who_may_manage(client, process, facilitator, council, resident, managed, commit, method,
                        action, manager_status, role, make_process):
    meeting, draft, data = managed
    if action == "publish":
        meeting = draft
    target = url(process, action="new") if action == "new" else url(process, meeting, action)
    who = {
        "facilitator": facilitator,
        "council": council,
        "resident": resident,
        "other facilitator": person("facilitator", process=make_process()),
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
