"""Who may comment, reply, vote, edit and delete: a grid of role × active phase × target; then
who may open, edit and close debates (role × phase × the process's setting)."""

import pytest
from flask_login import AnonymousUserMixin

from participa.comments import operations
from participa.comments.permissions import (
    CommentRefusal,
    can_comment,
    can_delete_comment,
    can_edit_comment,
    can_reply,
    can_vote_comment,
    why_not_comment,
)
from participa.core.errors import DomainError
from participa.core.types import utcnow
from participa.debates import operations as debate_operations
from participa.debates.permissions import (
    can_close_debate,
    can_edit_debate,
    can_open_debate,
    can_view_debate,
)
from participa.processes.models import PhaseKind
from tests.support import factories
from tests.support.comments import TARGETS, make_comment, make_target, veteran
from tests.support.debates import make_debate
from tests.support.phases import process_in_phase

ROLES = ("visitor", "resident", "author", "facilitator", "council", "blocked")
PHASES = (*PhaseKind, None)
COMMENT_PHASES = {PhaseKind.INFORMATION, PhaseKind.PROPOSALS, PhaseKind.DEBATE,
                  PhaseKind.IMPLEMENTATION, PhaseKind.EVALUATION}
DEBATE_PHASES = {PhaseKind.INFORMATION, PhaseKind.PROPOSALS, PhaseKind.DEBATE}


def _phase_id(kind):
    return kind.value if kind else "no-phase"


def person(role, process, author=None):
    if role == "visitor":
        return AnonymousUserMixin()
    if role == "author":
        return author
    if role == "facilitator":
        return factories.make_user("facilitator", process=process)
    user = factories.make_user("council" if role == "council" else "resident")
    if role == "blocked":
        user.blocked_at = utcnow()
    return user


def target_in(kind, phase, **settings):
    """A target of ``kind`` (by a resident, a debate too) in a process whose phase is
    ``phase``."""
    process = process_in_phase(phase, residents_open_debates=True, **settings)
    author = factories.make_user()
    return process, author, make_target(kind, process, author)


@pytest.mark.parametrize("target_kind", TARGETS)
@pytest.mark.parametrize("phase", PHASES, ids=_phase_id)
@pytest.mark.parametrize("role", ROLES)
def test_comment_grid(role, phase, target_kind):
    process, author, target = target_in(target_kind, phase)
    user = person(role, process, author)

    if phase not in COMMENT_PHASES:
        expected = CommentRefusal.PHASE
    elif role in ("visitor", "blocked"):
        expected = CommentRefusal.SIGN_IN
    else:
        expected = None
    assert why_not_comment(user, target) is expected
    assert can_comment(user, target) is (expected is None)


@pytest.mark.parametrize("target_kind", TARGETS)
@pytest.mark.parametrize("role", ROLES)
def test_a_closed_target_says_so_before_anything_else(role, target_kind):
    process, author, target = target_in(target_kind, PhaseKind.VOTING)
    target.hidden_at = utcnow()
    assert why_not_comment(person(role, process, author), target) is CommentRefusal.CLOSED


def test_the_phase_is_read_at_the_moment_given(make_user):
    process, _, target = target_in("proposal", PhaseKind.VOTING)
    resident = make_user()
    past = process.phases[0].starts_at + (process.phases[0].ends_at
                                          - process.phases[0].starts_at) / 2
    assert not can_comment(resident, target)
    assert can_comment(resident, target, now=past)


def test_an_unpublished_process_takes_no_comments(make_user):
    process, _, target = target_in("debate", PhaseKind.DEBATE)
    process.is_published = False
    assert why_not_comment(make_user("council"), target) is CommentRefusal.PHASE


# --- reply, vote, edit, delete ----------------------------------------------------------------


@pytest.fixture
def thread(process):
    """A proposal with a comment, a reply and a reply to the reply, each by someone else."""
    proposal = make_target("proposal", process)
    root = make_comment(proposal, veteran())
    reply = make_comment(proposal, veteran(), parent=root)
    deepest = make_comment(proposal, veteran(), parent=reply)
    return proposal, root, reply, deepest


def test_replies_to_the_first_two_levels_only(thread):
    proposal, root, reply, deepest = thread
    resident = veteran()
    assert can_reply(resident, root, proposal)
    assert can_reply(resident, reply, proposal)
    assert not can_reply(resident, deepest, proposal)
    assert not can_reply(AnonymousUserMixin(), root, proposal)
    # what the page already knows is trusted: one check for a whole thread
    assert not can_reply(resident, root, proposal, may_comment=False)
    assert can_reply(AnonymousUserMixin(), root, proposal, may_comment=True)


def test_no_reply_vote_or_edit_on_deleted_or_hidden_comments(thread):
    proposal, root, reply, _ = thread
    operations.delete_comment(root, actor=root.author)
    operations.set_comment_hidden(reply, utcnow())
    resident = veteran()
    for comment in (root, reply):
        assert not can_reply(resident, comment, proposal)
        assert not can_vote_comment(resident, comment, proposal)
        assert not can_edit_comment(comment.author, comment, proposal)
    assert not can_delete_comment(root.author, root, proposal)  # already deleted
    assert can_delete_comment(reply.author, reply, proposal)  # a hidden comment: its author may


def test_votes_by_others_who_may_comment(thread):
    proposal, root, _, _ = thread
    assert can_vote_comment(veteran(), root, proposal)
    assert not can_vote_comment(root.author, root, proposal)
    assert not can_vote_comment(AnonymousUserMixin(), root, proposal)
    blocked = veteran()
    blocked.blocked_at = utcnow()
    assert not can_vote_comment(blocked, root, proposal)


@pytest.mark.parametrize("phase", [PhaseKind.VOTING, None], ids=_phase_id)
def test_no_replies_or_votes_when_the_phase_takes_no_comments(phase, make_comment):
    process = process_in_phase(PhaseKind.PROPOSALS)
    proposal = make_target("proposal", process)
    root = make_comment(proposal, veteran())
    later = process_in_phase(phase)
    proposal.process, proposal.process_id = later, later.id
    assert not can_reply(veteran(), root, proposal)
    assert not can_vote_comment(veteran(), root, proposal)
    assert can_edit_comment(root.author, root, proposal)  # one's own words: still to mend
    assert can_delete_comment(root.author, root, proposal)


@pytest.mark.parametrize("role", ROLES)
def test_only_the_author_edits_and_deletes(role, thread):
    proposal, root, _, _ = thread
    user = person(role, proposal.process, root.author)
    expected = role == "author"
    assert can_edit_comment(user, root, proposal) is expected
    assert can_delete_comment(user, root, proposal) is expected


def test_a_closed_conversations_comments_stay_as_they_were(make_comment):
    """A closed debate (or a withdrawn proposal) keeps its comments as they were written."""
    process = process_in_phase(PhaseKind.DEBATE)
    debate = make_target("debate", process)
    comment = make_comment(debate, veteran())
    assert can_edit_comment(comment.author, comment, debate)
    debate_operations.close_debate(debate, "Conclusió.", actor=factories.make_user("council"))
    assert not can_edit_comment(comment.author, comment, debate)
    assert not can_delete_comment(comment.author, comment, debate)
    with pytest.raises(DomainError):
        operations.update_comment(comment, {"body": "Canviat", "alignment": "neutral"},
                                  actor=comment.author)
    with pytest.raises(DomainError):
        operations.delete_comment(comment, actor=comment.author)


# --- debates ----------------------------------------------------------------------------------

DEBATE_ROLES = ("visitor", "resident", "facilitator", "other-facilitator", "council", "blocked")


def debate_person(role, process):
    if role == "other-facilitator":
        return factories.make_user("facilitator", process=factories.make_process())
    return person(role, process)


@pytest.mark.parametrize("residents_open", [True, False], ids=["residents-open", "managers"])
@pytest.mark.parametrize("phase", PHASES, ids=_phase_id)
@pytest.mark.parametrize("role", DEBATE_ROLES)
def test_open_debate_grid(role, phase, residents_open):
    process = process_in_phase(phase, residents_open_debates=residents_open)
    user = debate_person(role, process)

    if role in ("visitor", "blocked") or phase not in DEBATE_PHASES:
        expected = False
    elif role in ("facilitator", "council"):
        expected = True
    else:
        expected = residents_open
    assert can_open_debate(user, process) is expected


def test_opening_a_debate_reads_the_phase_at_the_moment_given(make_user):
    process = process_in_phase(PhaseKind.VOTING)
    council = make_user("council")
    assert not can_open_debate(council, process)
    assert can_open_debate(council, process, now=process.phases[0].starts_at)


@pytest.fixture
def debate():
    process = process_in_phase(PhaseKind.DEBATE, residents_open_debates=True)
    return make_debate(process, factories.make_user())


@pytest.mark.parametrize("role", ("visitor", "resident", "author", "facilitator",
                                  "other-facilitator", "council"))
def test_edit_and_close_debate_while_open_without_comments(role, debate):
    user = debate.author if role == "author" else debate_person(role, debate.process)
    assert can_edit_debate(user, debate) is (role in ("author", "facilitator", "council"))
    assert can_close_debate(user, debate) is (role in ("facilitator", "council"))
    assert can_view_debate(user, debate)


def test_once_commented_only_managers_edit(debate, make_user, make_comment):
    make_comment(debate, veteran())
    facilitator = make_user("facilitator", process=debate.process)
    assert not can_edit_debate(debate.author, debate)
    assert can_edit_debate(facilitator, debate)


def test_a_closed_debate_is_edited_by_nobody_but_its_conclusion_is(debate, make_user):
    facilitator = make_user("facilitator", process=debate.process)
    debate_operations.close_debate(debate, "Conclusió.", actor=facilitator)
    for user in (debate.author, facilitator, make_user("council")):
        assert not can_edit_debate(user, debate)
    assert can_close_debate(facilitator, debate)  # to rewrite the conclusion


def test_a_hidden_or_deleted_debate(debate, make_user):
    council = make_user("council")
    debate.hidden_at = utcnow()
    assert not can_edit_debate(debate.author, debate)
    assert not can_edit_debate(council, debate)
    debate.hidden_at = None
    debate.deleted_at = utcnow()
    assert not can_close_debate(council, debate)
    assert not can_view_debate(council, debate)


def test_a_debate_of_an_unpublished_process_is_seen_by_its_managers_only(debate, make_user):
    debate.process.is_published = False
    assert not can_view_debate(AnonymousUserMixin(), debate)
    assert not can_view_debate(debate.author, debate)
    assert can_view_debate(make_user("council"), debate)
