"""Hostile text in meetings is served inert."""

from datetime import timedelta

from participa.core.types import utcnow
from participa.meetings import operations
from tests.support.html import HOSTILE_BODY, assert_inert
from tests.support.meetings import url
from tests.support.web import login, text


def test_hostile_description_terms_and_title_are_inert(client, process, facilitator, resident,
                                                       commit, make_meeting):
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


def test_hostile_minutes_are_inert(client, process, facilitator, commit, make_meeting):
    meeting = make_meeting(process, facilitator, starts_at=utcnow() - timedelta(days=2))
    operations.close_meeting(meeting, {"minutes": HOSTILE_BODY,
                                       "attending_organizations": "<script>x()</script>"},
                             actor=facilitator)
    commit()
    for page in (url(process, meeting), url(process), "/meetings/?when=past"):
        html = text(client.get(page))
        assert_inert(html)
        assert "<strong>veïns</strong>" in html
