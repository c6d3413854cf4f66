"""The page cache never serves a stale meeting page."""

from tests.support.meetings import url
from tests.support.web import login, post, text


def test_page_cache_never_serves_a_stale_page_to_a_signed_in_person(
        client, page_cache, process, facilitator, resident, commit, make_meeting):
    meeting = make_meeting(process, facilitator, capacity=2)
    commit()
    visitor = client.another()
    first = visitor.get(url(process, meeting))
    second = visitor.get(url(process, meeting))
    assert first.headers.get("X-Page-Cache") == "miss"
    assert second.headers.get("X-Page-Cache") == "hit"
    assert text(second) == text(first)
    assert "2 places left" in text(second)

    login(client, resident)
    html = text(client.get(url(process, meeting)))
    assert 'action="' + url(process, meeting, "register") in html
    response = post(client, url(process, meeting, "register"), follow_redirects=True)
    html = text(response)
    assert "X-Page-Cache" not in response.headers
    assert "You are registered." in html and "1 place left" in html
    assert "Sign out" in html  # the signed-in page, not the visitor's copy
    fresh = client.get(url(process, meeting))
    assert "X-Page-Cache" not in fresh.headers
    assert "door-code" in text(fresh)
