"""The rules comments keep, without HTTP: soft deletes and hiding with true counters,
lengths, phases and closed targets, the first-hour limit, and sorting."""

from datetime import timedelta

import pytest
import sqlalchemy as sa

from participa.comments import operations
from participa.comments.models import Comment, CommentSort
from participa.comments.queries import count_visible, thread_for
from participa.core.content import kind_of
from participa.core.database import add_to_counters
from participa.core.errors import DomainError, TooMany
from participa.core.types import utcnow
from participa.debates import operations as debate_operations
from participa.extensions import db
from participa.meetings import operations as meeting_operations
from participa.processes.models import PhaseKind
from participa.proposals import operations as proposal_operations
from tests.support.comments import (
    TARGETS,
    assert_count_true,
    ids,
    make_target,
    stored_comments_count,
    veteran,
)
from tests.support.phases import process_in_phase

# --- delete and hide --------------------------------------------------------------------------


def test_delete_is_soft_and_the_thread_keeps_its_shape(proposal, make_comment):
    author = veteran()
    root = make_comment(proposal, author, "Ho esborraré.")
    reply = make_comment(proposal, veteran(), parent=root)
    operations.update_comment(root, {"body": "Ho esborraré aviat."}, actor=author)

    operations.delete_comment(root, actor=author)

    db.session.expire_all()
    root = db.session.get(Comment, root.id)
    assert root.deleted_at is not None
    assert root.body == ""
    assert not root.is_visible
    assert db.session.get(Comment, reply.id).parent_id == root.id
    (node,) = thread_for(proposal, None).roots
    assert node.comment.id == root.id and ids(node.replies) == [reply.id]
    assert stored_comments_count(proposal) == 1
    assert_count_true(proposal)


def test_only_the_author_deletes_and_only_once(proposal, make_comment):
    author = veteran()
    comment = make_comment(proposal, author)
    with pytest.raises(DomainError):
        operations.delete_comment(comment, actor=veteran())
    operations.delete_comment(comment, actor=author)
    with pytest.raises(DomainError):
        operations.delete_comment(comment, actor=author)
    assert stored_comments_count(proposal) == 0


@pytest.mark.parametrize("kind", TARGETS)
def test_the_counter_always_equals_the_visible_comments(process, kind, make_comment):
    target = make_target(kind, process)
    author = veteran()
    first, second, third = (make_comment(target, author) for _ in range(3))
    reply = make_comment(target, veteran(), parent=first)
    assert stored_comments_count(target) == 4
    assert_count_true(target)

    operations.delete_comment(second, actor=author)
    assert stored_comments_count(target) == 3
    assert_count_true(target)

    operations.set_comment_hidden(third, utcnow())
    operations.set_comment_hidden(third, utcnow())  # hiding twice counts once
    assert stored_comments_count(target) == 2
    assert_count_true(target)

    operations.set_comment_hidden(reply, utcnow())
    operations.delete_comment(reply, actor=reply.author)  # deleting a hidden one: no change
    assert stored_comments_count(target) == 1
    assert_count_true(target)

    operations.set_comment_hidden(third, None)  # shown again
    operations.set_comment_hidden(reply, None)  # still deleted: not counted again
    assert stored_comments_count(target) == 2
    assert_count_true(target)
    assert count_visible(kind_of(target).value, target.id) == 2


def test_hiding_reads_the_comment_afresh_not_as_last_loaded(proposal, make_comment):
    """A delete committed by another request after this one loaded the comment (the author
    deleting while a moderator hides it): the counter loses the comment once, not twice."""
    author = veteran()
    comment = make_comment(proposal, author)
    make_comment(proposal, veteran())
    assert comment.is_visible  # loaded here, visible
    # what the parallel delete_comment committed meanwhile, behind this session's back
    db.session.execute(sa.update(Comment).where(Comment.id == comment.id)
                       .values(deleted_at=utcnow(), body="")
                       .execution_options(synchronize_session=False))
    add_to_counters(proposal, comments_count=-1)

    operations.set_comment_hidden(comment, utcnow())

    assert stored_comments_count(proposal) == 1
    assert_count_true(proposal)


# --- length -----------------------------------------------------------------------------------


def test_the_length_limit_is_the_processs(process, proposal, make_comment):
    process.comment_body_limit = 20
    assert make_comment(proposal, veteran(), "x" * 20).body == "x" * 20
    assert make_comment(proposal, veteran(), "  " + "y" * 20 + "\n").body == "y" * 20
    with pytest.raises(DomainError) as error:
        make_comment(proposal, veteran(), "x" * 21)
    assert error.value.field == "body"
    for empty in ("", "   \n "):
        with pytest.raises(DomainError):
            make_comment(proposal, veteran(), empty)
    assert stored_comments_count(proposal) == 2


# --- phases and closed targets ----------------------------------------------------------------


@pytest.mark.parametrize("kind", TARGETS)
@pytest.mark.parametrize("phase", [PhaseKind.VOTING, None], ids=["voting", "no-phase"])
def test_no_comments_when_the_phase_does_not_take_them(kind, phase, make_comment):
    process = process_in_phase(phase)
    target = make_target(kind, process)
    with pytest.raises(DomainError):
        make_comment(target, veteran())
    assert stored_comments_count(target) == 0


@pytest.mark.parametrize("phase", [k for k in PhaseKind if k is not PhaseKind.VOTING],
                         ids=lambda k: k.value)
def test_comments_in_every_other_phase(phase, make_comment):
    process = process_in_phase(phase)
    make_comment(make_target("proposal", process), veteran())


def test_the_phase_is_read_at_the_moment_given(process, proposal, make_comment):
    phase = process.phases[0]
    make_comment(proposal, veteran(), now=phase.ends_at - timedelta(minutes=1))
    with pytest.raises(DomainError):
        make_comment(proposal, veteran(), now=phase.ends_at)


def test_an_unpublished_process_takes_no_comments(process, proposal, make_comment):
    process.is_published = False
    with pytest.raises(DomainError):
        make_comment(proposal, veteran())


def test_a_closed_debate_takes_no_comments(process, facilitator, make_comment):
    debate = make_target("debate", process)
    make_comment(debate, veteran())
    debate_operations.close_debate(debate, "Ho farem.", actor=facilitator)
    with pytest.raises(DomainError):
        make_comment(debate, veteran())
    assert stored_comments_count(debate) == 1


def test_a_withdrawn_proposal_takes_no_comments(process, make_proposal, make_comment):
    author = veteran()
    proposal = make_proposal(process, author)
    proposal_operations.withdraw_proposal(proposal, actor=author)
    with pytest.raises(DomainError):
        make_comment(proposal, veteran())


def test_a_cancelled_or_draft_meeting_takes_no_comments_a_closed_one_does(
        process, council, make_meeting, make_comment):
    cancelled = make_meeting(process, council)
    meeting_operations.cancel_meeting(cancelled, "Pluja.", actor=council)
    draft = make_meeting(process, council, publish=False)
    for meeting in (cancelled, draft):
        with pytest.raises(DomainError):
            make_comment(meeting, veteran())
    held = make_meeting(process, council)
    meeting_operations.close_meeting(held, {"minutes": "Vam parlar."}, actor=council)
    make_comment(held, veteran())
    assert stored_comments_count(held) == 1


def test_a_hidden_target_takes_no_comments(proposal, make_comment):
    proposal.hidden_at = utcnow()
    with pytest.raises(DomainError):
        make_comment(proposal, veteran())


def test_blocked_people_cannot_comment(proposal, make_comment):
    blocked = veteran()
    blocked.blocked_at = utcnow()
    with pytest.raises(DomainError):
        make_comment(proposal, blocked)


# --- the first hour of a new account ----------------------------------------------------------


def test_a_new_account_posts_at_most_five_comments_in_its_first_hour(
        app, process, proposal, make_user, make_comment):
    assert app.config["NEW_ACCOUNT_COMMENTS"] == 5
    newcomer = make_user()
    debate = make_target("debate", process)
    for target in (proposal, proposal, proposal, debate, debate):
        make_comment(target, newcomer)
    with pytest.raises(TooMany):
        make_comment(proposal, newcomer)
    with pytest.raises(TooMany):  # a reply counts as a comment too
        make_comment(debate, newcomer, parent=make_comment(debate, veteran()))
    assert stored_comments_count(proposal) == 3
    # an hour after the account was made, the limit is gone
    make_comment(proposal, newcomer, now=newcomer.created_at + timedelta(hours=1))
    assert stored_comments_count(proposal) == 4


def test_an_older_account_is_not_limited(proposal, make_comment):
    old = veteran()
    for _ in range(8):
        make_comment(proposal, old)
    assert stored_comments_count(proposal) == 8


def test_the_first_hour_limit_follows_the_configuration(app, proposal, monkeypatch, make_user,
                                                        make_comment):
    monkeypatch.setitem(app.config, "NEW_ACCOUNT_COMMENTS", 2)
    newcomer = make_user()
    make_comment(proposal, newcomer)
    make_comment(proposal, newcomer)
    with pytest.raises(TooMany) as error:
        make_comment(proposal, newcomer)
    assert " 2 " in str(error.value.message)

    monkeypatch.setitem(app.config, "NEW_ACCOUNT_COMMENTS", 0)  # 0: no limit
    for _ in range(6):
        make_comment(proposal, newcomer)
    assert stored_comments_count(proposal) == 8


# --- sorting ----------------------------------------------------------------------------------


def test_sorts_oldest_newest_and_best_with_replies_sorted_alike(proposal, make_comment):
    a, b, c = (make_comment(proposal, veteran()) for _ in range(3))
    a1, a2 = make_comment(proposal, veteran(), parent=a), make_comment(proposal, veteran(),
                                                                       parent=a)
    voters = [veteran() for _ in range(3)]
    for voter in voters:
        operations.vote_comment(b, 1, actor=voter)
        operations.vote_comment(a2, 1, actor=voter)
    operations.vote_comment(c, 1, actor=voters[0])
    operations.vote_comment(a, -1, actor=voters[0])

    oldest = thread_for(proposal, None, "oldest")
    assert oldest.sort is CommentSort.OLDEST
    assert ids(oldest.roots) == [a.id, b.id, c.id]
    assert ids(oldest.roots[0].replies) == [a1.id, a2.id]

    newest = thread_for(proposal, None, CommentSort.NEWEST)
    assert ids(newest.roots) == [c.id, b.id, a.id]
    assert ids(newest.roots[2].replies) == [a2.id, a1.id]

    best = thread_for(proposal, None, "best")
    assert ids(best.roots) == [b.id, c.id, a.id]
    assert ids(best.roots[2].replies) == [a2.id, a1.id]

    assert thread_for(proposal, None, "nonsense").sort is CommentSort.OLDEST
    assert thread_for(proposal, None).sort is CommentSort.OLDEST


def test_best_breaks_ties_by_age(proposal, make_comment):
    first, second = make_comment(proposal, veteran()), make_comment(proposal, veteran())
    up, down = veteran(), veteran()
    for comment in (first, second):
        operations.vote_comment(comment, 1, actor=up)
        operations.vote_comment(comment, -1, actor=down)
    assert ids(thread_for(proposal, None, "best").roots) == [first.id, second.id]
