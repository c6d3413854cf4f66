"""Visitors' public pages come from the page cache: none of them may put anything in a
visitor's session (a CSRF token, a flash), or it could never be cached (a proposal index that
made a token for support buttons visitors never see once fell to 5% of /healthz)."""


def test_every_public_page_is_cached_for_visitors(client, page_cache, process, facilitator,
                                                  resident, commit, make_proposal, make_debate,
                                                  make_meeting, make_comment):
    proposal = make_proposal(process, resident)
    make_comment(proposal, resident, "Un comentari.")
    debate = make_debate(process, facilitator)
    meeting = make_meeting(process, facilitator)
    commit()
    slug = process.slug
    pages = [
        "/", "/processes/", f"/processes/{slug}", f"/processes/{slug}/proposals/",
        f"/processes/{slug}/proposals/?sort=supports", f"/processes/{slug}/proposals/{proposal.id}",
        f"/processes/{slug}/debates/", f"/processes/{slug}/debates/{debate.id}",
        f"/processes/{slug}/meetings/", f"/processes/{slug}/meetings/{meeting.id}",
    ]
    for path in pages:
        first = client.get(path)
        assert first.status_code == 200, path
        assert "Set-Cookie" not in first.headers, path
        second = client.get(path)
        assert (first.headers.get("X-Page-Cache"), second.headers.get("X-Page-Cache")) == (
            "miss", "hit"), path
