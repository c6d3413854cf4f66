"""Who may attach files to a proposal and who may read them: a grid of role × proposal
state, through the files registry (as the files' own views ask)."""

import pytest
from flask_login import AnonymousUserMixin

from participa.core.types import utcnow
from participa.files.models import Attachment
from participa.files.permissions import can_attach_to, can_read_file, can_remove_file
from participa.proposals import operations
from tests.support import factories
from tests.support.proposals import answer, make_proposal, make_supporters

ROLES = ("visitor", "author", "other", "facilitator", "council")
STATES = ("published", "supported", "answered", "withdrawn", "hidden", "deleted",
          "unpublished")


def person(role, process, proposal):
    if role == "visitor":
        return AnonymousUserMixin()
    if role == "author":
        return proposal.author
    if role == "other":
        return factories.make_user()
    return factories.make_user(role, process=process if role == "facilitator" else None)


def in_state(proposal, state, process):
    if state == "supported":
        make_supporters(proposal, 1)
    elif state == "answered":
        answer(proposal, factories.make_user("council"))
    elif state == "withdrawn":
        operations.withdraw_proposal(proposal, actor=proposal.author)
    elif state == "hidden":
        proposal.hidden_at = utcnow()
    elif state == "deleted":
        proposal.deleted_at = utcnow()
    elif state == "unpublished":
        process.is_published = False


# who may attach: only the author (or an accepted co-author), while the proposal may be edited
ATTACH = {("author", "published")}
# who may read: anyone may read a visible proposal's files; nobody those of a withdrawn,
# hidden or deleted one; of an unpublished process, those who may see the process
READ_ALL = {"published", "supported", "answered"}
READ_UNPUBLISHED = {"facilitator", "council"}


@pytest.mark.parametrize("state", STATES)
@pytest.mark.parametrize("role", ROLES)
def test_attach_and_read_grid(role, state):
    process = factories.make_process()
    proposal = make_proposal(process, factories.make_user())
    user = person(role, process, proposal)
    in_state(proposal, state, process)
    attachment = Attachment(owner_kind="proposal", owner_id=proposal.id, kind="image",
                            storage_key="x" * 32, content_type="image/png", byte_size=1)
    assert can_attach_to(user, "proposal", proposal.id) is ((role, state) in ATTACH)
    expected_read = state in READ_ALL or (state == "unpublished" and role in READ_UNPUBLISHED)
    assert can_read_file(user, attachment) is expected_read
    may_remove = (role, state) in ATTACH or (role == "council")
    assert can_remove_file(user, attachment) is may_remove


def test_an_accepted_coauthor_may_attach():
    process = factories.make_process()
    proposal = make_proposal(process, factories.make_user())
    coauthor = factories.make_user()
    invitation = operations.invite_person(proposal, coauthor.email, actor=proposal.author)
    operations.accept_invitation(invitation, actor=coauthor)
    assert can_attach_to(coauthor, "proposal", proposal.id)
