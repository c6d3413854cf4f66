"""Writing comments, without HTTP: one mechanism for every target, replies, alignments,
votes and edits."""

from datetime import timedelta

import pytest
import sqlalchemy as sa

from participa.comments import operations
from participa.comments.models import MAX_DEPTH, Alignment, CommentVersion
from participa.comments.queries import thread_for
from participa.core.content import kind_of
from participa.core.errors import DomainError
from participa.core.types import utcnow
from participa.extensions import db
from tests.support.comments import (
    TARGETS,
    assert_count_true,
    count_comments,
    ids,
    make_target,
    stored_comments_count,
    stored_votes,
    veteran,
    vote_rows,
)

# --- one mechanism for every target -----------------------------------------------------------


@pytest.mark.parametrize("kind", TARGETS)
def test_comment_on_each_kind_of_target(process, kind, make_comment):
    target = make_target(kind, process)
    author = veteran()

    comment = make_comment(target, author, "Hi estic **d'acord**.", alignment="in_favour")

    assert comment.id is not None
    assert comment.target_kind == kind_of(target).value
    assert comment.target_id == target.id
    assert comment.process_id == process.id
    assert comment.author_id == author.id
    assert comment.depth == 0 and comment.parent_id is None
    assert comment.body == "Hi estic **d'acord**."
    # a meeting's comments state no position: whatever is sent, they are neutral
    expected = Alignment.IN_FAVOUR if kind_of(target).comment_positions else Alignment.NEUTRAL
    assert comment.alignment is expected
    assert (comment.up_votes, comment.down_votes) == (0, 0)
    assert target.comments_count == 1
    assert_count_true(target)
    thread = thread_for(target, author)
    assert ids(thread.roots) == [comment.id]
    assert thread.kind is kind_of(target)


def test_targets_of_different_kinds_with_the_same_id_keep_their_own_threads(process, make_comment):
    proposal = make_target("proposal", process)
    debate = make_target("debate", process)
    meeting = make_target("meeting", process)
    # ids are per table: force the same id so only target_kind tells them apart
    same = max(proposal.id, debate.id, meeting.id) + 7
    for target in (proposal, debate, meeting):
        db.session.execute(sa.update(type(target)).where(type(target).id == target.id)
                           .values(id=same))
    db.session.expire_all()
    proposal, debate, meeting = (db.session.get(type(t), same) for t in (proposal, debate,
                                                                        meeting))
    on_proposal = make_comment(proposal, veteran())
    on_debate = make_comment(debate, veteran())

    assert ids(thread_for(proposal, None).roots) == [on_proposal.id]
    assert ids(thread_for(debate, None).roots) == [on_debate.id]
    assert thread_for(meeting, None).roots == []
    assert (proposal.comments_count, debate.comments_count, meeting.comments_count) == (1, 1, 0)


def test_a_comment_on_something_else_is_a_type_error(process):
    with pytest.raises(TypeError):
        kind_of(process)


# --- replies ----------------------------------------------------------------------------------


@pytest.mark.parametrize("kind", TARGETS)
def test_replies_go_three_levels_deep_and_no_further(process, kind, make_comment):
    target = make_target(kind, process)
    root = make_comment(target, veteran())
    reply = make_comment(target, veteran(), parent=root)
    deepest = make_comment(target, veteran(), parent=reply)

    assert (root.depth, reply.depth, deepest.depth) == (0, 1, MAX_DEPTH)
    assert reply.parent_id == root.id and deepest.parent_id == reply.id
    with pytest.raises(DomainError):
        make_comment(target, veteran(), parent=deepest)

    assert count_comments() == 3
    assert stored_comments_count(target) == 3
    (node,) = thread_for(target, None).roots
    assert node.comment.id == root.id
    assert ids(node.replies) == [reply.id]
    assert ids(node.replies[0].replies) == [deepest.id]


def test_a_reply_to_a_comment_of_another_target_is_refused(process, proposal, make_proposal,
                                                           make_comment):
    other_proposal = make_proposal(process, veteran())
    debate = make_target("debate", process)
    elsewhere = make_comment(other_proposal, veteran())
    on_debate = make_comment(debate, veteran())

    for parent in (elsewhere, on_debate):
        with pytest.raises(DomainError):
            make_comment(proposal, veteran(), parent=parent)
    assert stored_comments_count(proposal) == 0
    assert count_comments() == 2


def test_no_reply_to_a_deleted_or_hidden_comment(proposal, make_comment):
    author = veteran()
    deleted = make_comment(proposal, author)
    hidden = make_comment(proposal, veteran())
    operations.delete_comment(deleted, actor=author)
    operations.set_comment_hidden(hidden, utcnow())

    for parent in (deleted, hidden):
        with pytest.raises(DomainError):
            make_comment(proposal, veteran(), parent=parent)


# --- alignment --------------------------------------------------------------------------------


def test_alignments_count_the_visible_comments_of_each_target(process, proposal, make_comment):
    debate = make_target("debate", process)
    favour = [make_comment(proposal, veteran(), alignment="in_favour") for _ in range(2)]
    make_comment(proposal, veteran(), alignment="against")
    make_comment(proposal, veteran(), alignment="neutral", parent=favour[0])
    make_comment(debate, veteran(), alignment="against")
    hidden = make_comment(proposal, veteran(), alignment="against")
    operations.set_comment_hidden(hidden, utcnow())

    thread = thread_for(proposal, None)
    assert thread.alignments == {"in_favour": 2, "neutral": 1, "against": 1}
    assert thread.size == 5
    assert thread_for(debate, None).alignments == {"in_favour": 0, "neutral": 0, "against": 1}


def test_alignment_defaults_to_neutral_and_rejects_other_values(proposal, make_comment):
    comment = operations.create_comment(proposal, {"body": "Sense posició."}, actor=veteran())
    assert comment.alignment is Alignment.NEUTRAL
    with pytest.raises(DomainError) as error:
        make_comment(proposal, veteran(), alignment="maybe")
    assert error.value.field == "alignment"


# --- votes ------------------------------------------------------------------------------------


def test_votes_one_per_person_changeable_and_taken_back(proposal, make_comment):
    comment = make_comment(proposal, veteran())
    ada, bru, cai = veteran(), veteran(), veteran()

    operations.vote_comment(comment, 1, actor=ada)
    operations.vote_comment(comment, 1, actor=ada)  # twice is still one vote
    operations.vote_comment(comment, 1, actor=bru)
    operations.vote_comment(comment, -1, actor=cai)
    assert stored_votes(comment) == vote_rows(comment) == (2, 1)
    assert (comment.up_votes, comment.down_votes) == (2, 1)
    assert comment.score == 1

    operations.vote_comment(comment, -1, actor=ada)  # up → down moves both counters
    assert stored_votes(comment) == vote_rows(comment) == (1, 2)

    operations.vote_comment(comment, 0, actor=cai)  # taken back
    operations.vote_comment(comment, 0, actor=cai)  # nothing to take back: no change
    assert stored_votes(comment) == vote_rows(comment) == (1, 1)
    assert thread_for(proposal, ada).my_votes == {comment.id: -1}
    assert thread_for(proposal, cai).my_votes == {}
    assert thread_for(proposal, None).my_votes == {}


def test_votes_are_refused_on_ones_own_comment_and_bad_values(proposal, make_comment):
    author = veteran()
    comment = make_comment(proposal, author)
    with pytest.raises(DomainError):
        operations.vote_comment(comment, 1, actor=author)
    with pytest.raises(DomainError):
        operations.vote_comment(comment, 2, actor=veteran())
    assert stored_votes(comment) == vote_rows(comment) == (0, 0)


def test_votes_are_refused_on_deleted_or_hidden_comments_and_outside_the_phase(
        process, make_proposal, make_comment):
    proposal = make_proposal(process, veteran())
    author = veteran()
    deleted = make_comment(proposal, author)
    hidden = make_comment(proposal, veteran())
    fine = make_comment(proposal, veteran())
    operations.delete_comment(deleted, actor=author)
    operations.set_comment_hidden(hidden, utcnow())
    for comment in (deleted, hidden):
        with pytest.raises(DomainError):
            operations.vote_comment(comment, 1, actor=veteran())
    later = process.phases[0].ends_at + timedelta(days=1)  # no phase: no comments, no votes
    with pytest.raises(DomainError):
        operations.vote_comment(fine, 1, actor=veteran(), now=later)
    assert stored_votes(fine) == (0, 0)


# --- edit -------------------------------------------------------------------------------------


def test_edit_keeps_the_previous_text_and_marks_the_comment(proposal, make_comment):
    author = veteran()
    comment = make_comment(proposal, author, "Primer text.", alignment="against")
    assert comment.edited_at is None

    operations.update_comment(comment, {"body": " Segon text. ", "alignment": "in_favour"},
                              actor=author)
    operations.update_comment(comment, {"body": "Tercer text.", "alignment": "in_favour"},
                              actor=author)

    assert comment.body == "Tercer text."
    assert comment.alignment is Alignment.IN_FAVOUR
    assert comment.edited_at is not None
    versions = list(db.session.scalars(sa.select(CommentVersion).where(
        CommentVersion.comment_id == comment.id).order_by(CommentVersion.id)))
    assert [(v.body, v.alignment) for v in versions] == [
        ("Primer text.", Alignment.AGAINST), ("Segon text.", Alignment.IN_FAVOUR)]
    assert thread_for(proposal, None).alignments["in_favour"] == 1


def test_an_edit_that_changes_nothing_keeps_no_version(proposal, make_comment):
    author = veteran()
    comment = make_comment(proposal, author, "El mateix.", alignment="neutral")
    operations.update_comment(comment, {"body": "El mateix.", "alignment": "neutral"},
                              actor=author)
    assert comment.edited_at is None
    assert comment.versions == []


def test_only_the_author_edits_and_within_the_length(process, proposal, make_comment):
    author = veteran()
    comment = make_comment(proposal, author, "Original.")
    with pytest.raises(DomainError):
        operations.update_comment(comment, {"body": "Canviat."}, actor=veteran())
    process.comment_body_limit = 10
    with pytest.raises(DomainError) as error:
        operations.update_comment(comment, {"body": "x" * 11}, actor=author)
    assert error.value.field == "body"
    with pytest.raises(DomainError):
        operations.update_comment(comment, {"body": "   "}, actor=author)
    assert comment.body == "Original."
    assert comment.versions == []


def test_deleted_or_hidden_comments_cannot_be_edited(proposal, make_comment):
    author = veteran()
    deleted = make_comment(proposal, author)
    hidden = make_comment(proposal, author)
    operations.delete_comment(deleted, actor=author)
    operations.set_comment_hidden(hidden, utcnow())
    for comment in (deleted, hidden):
        with pytest.raises(DomainError):
            operations.update_comment(comment, {"body": "Torno a escriure."}, actor=author)
