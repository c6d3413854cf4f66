"""The line under a thread's heading: "no comments yet" only when there are none; the positions
in favour, neutral and against only where comments take one (not on a meeting)."""

from participa.comments import operations
from tests.support.comments import make_target, target_path
from tests.support.web import text

EMPTY = "No comments yet. Be the first."


def test_a_meeting_with_comments_never_says_it_has_none(client, process, author, commit):
    meeting = make_target("meeting", process)
    commit()
    assert EMPTY in text(client.get(target_path(meeting)))
    operations.create_comment(meeting, {"body": "Hi seré amb la meva filla."}, actor=author)
    commit()
    html = text(client.get(target_path(meeting)))
    assert "Hi seré amb la meva filla." in html
    assert EMPTY not in html and "in favour" not in html


def test_a_proposal_with_comments_sums_up_their_positions(client, process, author, commit):
    proposal = make_target("proposal", process)
    operations.create_comment(proposal, {"body": "Endavant!", "alignment": "in_favour"},
                              actor=author)
    commit()
    html = text(client.get(target_path(proposal)))
    assert EMPTY not in html
    assert "1 in favour, 0 neutral, 0 against" in html
