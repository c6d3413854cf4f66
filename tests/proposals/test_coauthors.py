"""Co-authoring a proposal: invitations to people (by e-mail address, answered the same
whether or not an account has it) and to verified associations (a representative answers for
it), each state change (invited → accepted or declined, removed by the author, left by the
co-author), the database's guards (one invitation per invitee, at most five places), who may
do what (a grid), what co-authors may do (edit as the author can, never withdraw), the pages
(200/302/400/403/404, CSRF), the e-mails, "my participation" and the open data."""

import json
import re
from datetime import timedelta

import pytest
import sqlalchemy as sa
from flask_babel import force_locale
from flask_login import AnonymousUserMixin
from sqlalchemy.exc import IntegrityError

from participa.core.errors import DomainError
from participa.core.models import ActionLog
from participa.core.types import utcnow
from participa.extensions import db
from participa.proposals import operations
from participa.proposals.models import (
    MAX_COAUTHORS,
    CoauthorStatus,
    ProposalCoauthor,
    ProposalState,
)
from participa.proposals.permissions import (
    can_answer_invitation,
    can_edit_proposal,
    can_leave_coauthorship,
    can_manage_coauthors,
    can_remove_coauthor,
    can_withdraw_proposal,
)
from tests.associations.conftest import make_association, make_link
from tests.support import factories
from tests.support.proposals import make_proposal, make_supporters, url
from tests.support.web import login, post, sync, text


@pytest.fixture
def marta():
    return factories.person(name="Marta Soler", email="marta@example.org")


@pytest.fixture
def jordi():
    return factories.person(name="Jordi Casals", email="jordi@example.org")


@pytest.fixture
def proposal(process, marta):
    return make_proposal(process, marta, title="Ombra i bancs a la plaça de la Font")


@pytest.fixture
def casal():
    """A verified association with its administrator (``casal.admin``)."""
    association = make_association("verified", name="Casal de la Gent Gran")
    association.admin = next(r.user for r in association.representatives)
    return association


def rows(proposal):
    db.session.expire_all()
    return list(db.session.scalars(sa.select(ProposalCoauthor).where(
        ProposalCoauthor.proposal_id == proposal.id).order_by(ProposalCoauthor.id)))


def english(error) -> str:
    with force_locale("en"):
        return str(error.value.message)


# --- operations: inviting ----------------------------------------------------------------------


def test_inviting_a_person_with_an_account(proposal, marta, jordi):
    invitation = operations.invite_person(proposal, " Jordi@Example.org ", actor=marta)
    assert (invitation.email, invitation.user_id) == ("jordi@example.org", jordi.id)
    assert invitation.status == CoauthorStatus.INVITED and invitation.place == 1
    assert invitation.invited_by_id == marta.id
    assert db.session.scalar(sa.select(ActionLog.verb).where(
        ActionLog.verb == "invite_coauthor")) == "invite_coauthor"


def test_an_address_without_an_account_is_kept_the_same_way(proposal, marta):
    invitation = operations.invite_person(proposal, "ningu@example.org", actor=marta)
    assert (invitation.email, invitation.user_id) == ("ningu@example.org", None)
    assert invitation.status == CoauthorStatus.INVITED and invitation.place == 1


def test_inviting_an_association(proposal, marta, casal):
    invitation = operations.invite_association(proposal, casal, actor=marta)
    assert invitation.association_id == casal.id and invitation.email is None


@pytest.mark.parametrize("state", ["pending", "refused"])
def test_only_verified_associations_are_invited(proposal, marta, state):
    association = make_association(state)
    with pytest.raises(DomainError) as refused:
        operations.invite_association(proposal, association, actor=marta)
    assert english(refused) == "Choose a verified association."
    assert rows(proposal) == []


def test_the_association_it_is_published_for_is_not_invited(process, marta):
    avv = make_association("verified", admin=marta)
    proposal = make_proposal(process, marta, association_id=avv.id)
    with pytest.raises(DomainError):
        operations.invite_association(proposal, avv, actor=marta)


def test_one_invitation_per_invitee(proposal, marta, jordi, casal):
    operations.invite_person(proposal, jordi.email, actor=marta)
    operations.invite_association(proposal, casal, actor=marta)
    with pytest.raises(DomainError) as again:
        operations.invite_person(proposal, "JORDI@example.org", actor=marta)
    assert english(again) == "This address has already been invited."
    with pytest.raises(DomainError):
        operations.invite_association(proposal, casal, actor=marta)
    assert len(rows(proposal)) == 2


def test_a_declined_invitation_is_not_sent_again(proposal, marta, jordi):
    invitation = operations.invite_person(proposal, jordi.email, actor=marta)
    operations.decline_invitation(invitation, actor=jordi)
    with pytest.raises(DomainError):
        operations.invite_person(proposal, jordi.email, actor=marta)


@pytest.mark.parametrize("email", ["marta@example.org", "no-address", ""])
def test_inviting_oneself_or_no_address_is_refused(proposal, marta, email):
    with pytest.raises(DomainError) as refused:
        operations.invite_person(proposal, email, actor=marta)
    assert refused.value.field == "email"
    assert rows(proposal) == []


def test_only_the_author_invites(proposal, jordi, casal):
    with pytest.raises(DomainError):
        operations.invite_person(proposal, "algu@example.org", actor=jordi)
    with pytest.raises(DomainError):
        operations.invite_association(proposal, casal, actor=jordi)
    assert rows(proposal) == []


def test_at_most_five_coauthors_invitations_included(proposal, marta, casal):
    for i in range(MAX_COAUTHORS - 1):
        operations.invite_person(proposal, f"persona{i}@example.org", actor=marta)
    operations.invite_association(proposal, casal, actor=marta)
    assert sorted(c.place for c in rows(proposal)) == [1, 2, 3, 4, 5]
    with pytest.raises(DomainError) as refused:
        operations.invite_person(proposal, "una-mes@example.org", actor=marta)
    assert english(refused) == ("A proposal can have at most 5 co-authors, invitations "
                                "waiting for an answer included.")
    assert len(rows(proposal)) == MAX_COAUTHORS


def test_a_declined_or_removed_place_is_free_again(proposal, marta, jordi):
    invitations = [operations.invite_person(proposal, f"p{i}@example.org", actor=marta)
                   for i in range(MAX_COAUTHORS - 1)]
    jordis = operations.invite_person(proposal, jordi.email, actor=marta)
    operations.decline_invitation(jordis, actor=jordi)
    assert operations.invite_person(proposal, "nova@example.org", actor=marta).place == 5
    operations.remove_coauthor(invitations[0], actor=marta)
    assert operations.invite_person(proposal, "altra@example.org", actor=marta).place == 1


# --- the database's guards ---------------------------------------------------------------------


def _row(proposal, **values):
    values.setdefault("status", CoauthorStatus.INVITED)
    row = ProposalCoauthor(proposal_id=proposal.id, **values)
    db.session.add(row)
    return row


@pytest.mark.parametrize("values", [
    {"email": "a@example.org", "place": 1},  # the same address twice
    {"email": "b@example.org", "place": 2, "association": True},  # both kinds at once
    {"place": 2},  # neither
    {"email": "c@example.org", "place": 6},  # a sixth place
    {"email": "d@example.org", "place": None},  # waiting without a place
    {"email": "e@example.org", "place": 1},  # a place taken
    {"email": "f@example.org", "place": 3, "status": CoauthorStatus.DECLINED},  # declined
    {"email": "g@example.org", "place": 4, "status": CoauthorStatus.ACCEPTED},  # no account
])
def test_the_database_refuses_what_must_never_happen(proposal, casal, values):
    _row(proposal, email="a@example.org", place=1)
    db.session.flush()
    values = dict(values)
    if values.pop("association", False):
        values["association_id"] = casal.id
    with pytest.raises(IntegrityError):
        with db.session.begin_nested():
            _row(proposal, **values)
            db.session.flush()


def test_the_database_refuses_a_second_invitation_to_an_association(proposal, casal):
    _row(proposal, association_id=casal.id, place=1)
    db.session.flush()
    with pytest.raises(IntegrityError):
        with db.session.begin_nested():
            _row(proposal, association_id=casal.id, place=2)
            db.session.flush()


# --- operations: answering, removing, leaving --------------------------------------------------


def test_a_person_accepts(proposal, marta, jordi):
    invitation = operations.invite_person(proposal, jordi.email, actor=marta)
    accepted = operations.accept_invitation(invitation, actor=jordi)
    assert accepted.status == CoauthorStatus.ACCEPTED and accepted.answered_by_id == jordi.id
    assert accepted.place == 1 and accepted.answered_at is not None
    db.session.expire_all()
    assert proposal.is_coauthor(jordi)
    assert [c.name for c in proposal.accepted_coauthors] == ["Jordi Casals"]


def test_a_person_declines(proposal, marta, jordi):
    invitation = operations.invite_person(proposal, jordi.email, actor=marta)
    declined = operations.decline_invitation(invitation, actor=jordi)
    assert declined.status == CoauthorStatus.DECLINED and declined.place is None
    assert not proposal.is_coauthor(jordi)


def test_a_representative_answers_for_the_association(proposal, marta, casal):
    representative = factories.person()
    make_link(casal, representative)
    invitation = operations.invite_association(proposal, casal, actor=marta)
    with pytest.raises(DomainError):
        operations.accept_invitation(invitation, actor=factories.person())
    accepted = operations.accept_invitation(invitation, actor=representative)
    assert accepted.is_accepted and accepted.answered_by_id == representative.id
    db.session.expire_all()
    assert not proposal.is_coauthor(representative)  # the association co-authors, not them
    assert [c.name for c in proposal.accepted_coauthors] == ["Casal de la Gent Gran"]


def test_an_invitation_is_answered_once(proposal, marta, jordi):
    invitation = operations.invite_person(proposal, jordi.email, actor=marta)
    operations.accept_invitation(invitation, actor=jordi)
    for answer in (operations.accept_invitation, operations.decline_invitation):
        with pytest.raises(DomainError):
            answer(invitation, actor=jordi)


def test_someone_else_cannot_answer(proposal, marta, jordi):
    invitation = operations.invite_person(proposal, jordi.email, actor=marta)
    for person in (marta, factories.person()):
        with pytest.raises(DomainError):
            operations.accept_invitation(invitation, actor=person)
    assert rows(proposal)[0].status == CoauthorStatus.INVITED


def test_an_account_made_with_the_address_later_does_not_answer(proposal, marta):
    invitation = operations.invite_person(proposal, "nou@example.org", actor=marta)
    newcomer = factories.person(email="nou@example.org")
    with pytest.raises(DomainError):
        operations.accept_invitation(invitation, actor=newcomer)


def test_the_author_removes_a_coauthor_and_takes_back_an_invitation(proposal, marta, jordi,
                                                                     casal):
    accepted = operations.accept_invitation(
        operations.invite_person(proposal, jordi.email, actor=marta), actor=jordi)
    waiting = operations.invite_association(proposal, casal, actor=marta)
    operations.remove_coauthor(accepted, actor=marta)
    operations.remove_coauthor(waiting, actor=marta)
    assert rows(proposal) == []
    verbs = list(db.session.scalars(sa.select(ActionLog.verb).where(
        ActionLog.verb == "remove_coauthor")))
    assert verbs == ["remove_coauthor", "remove_coauthor"]


def test_a_declined_invitation_is_not_removed(proposal, marta, jordi):
    invitation = operations.invite_person(proposal, jordi.email, actor=marta)
    operations.decline_invitation(invitation, actor=jordi)
    with pytest.raises(DomainError):
        operations.remove_coauthor(invitation, actor=marta)


def test_only_the_author_removes(proposal, marta, jordi):
    invitation = operations.invite_person(proposal, "x@example.org", actor=marta)
    with pytest.raises(DomainError):
        operations.remove_coauthor(invitation, actor=jordi)
    assert len(rows(proposal)) == 1


def test_a_coauthor_leaves(proposal, marta, jordi):
    invitation = operations.accept_invitation(
        operations.invite_person(proposal, jordi.email, actor=marta), actor=jordi)
    operations.leave_coauthorship(invitation, actor=jordi)
    assert rows(proposal) == []
    assert db.session.scalar(sa.select(ActionLog.actor_id).where(
        ActionLog.verb == "leave_coauthorship")) == jordi.id


def test_a_representative_takes_the_association_out(proposal, marta, casal):
    invitation = operations.accept_invitation(
        operations.invite_association(proposal, casal, actor=marta), actor=casal.admin)
    with pytest.raises(DomainError):
        operations.leave_coauthorship(invitation, actor=factories.person())
    operations.leave_coauthorship(invitation, actor=casal.admin)
    assert rows(proposal) == []


def test_a_waiting_invitation_cannot_be_left(proposal, marta, jordi):
    invitation = operations.invite_person(proposal, jordi.email, actor=marta)
    with pytest.raises(DomainError):
        operations.leave_coauthorship(invitation, actor=jordi)


# --- what co-authors may do --------------------------------------------------------------------


def test_a_person_coauthor_edits_as_the_author_can(proposal, marta, jordi):
    operations.accept_invitation(operations.invite_person(proposal, jordi.email, actor=marta),
                                 actor=jordi)
    db.session.expire_all()
    assert can_edit_proposal(jordi, proposal)
    operations.update_proposal(proposal, {"title": "Ombra, bancs i una font", "body": "Text."},
                               actor=jordi)
    assert proposal.title == "Ombra, bancs i una font"
    # within the same window: not after it, nor once supported
    assert not can_edit_proposal(jordi, proposal, now=proposal.edit_deadline())
    make_supporters(proposal, 1)
    assert not can_edit_proposal(jordi, proposal)
    assert not can_withdraw_proposal(jordi, proposal)  # withdrawing stays the author's


def test_a_waiting_invitee_does_not_edit(proposal, marta, jordi):
    operations.invite_person(proposal, jordi.email, actor=marta)
    assert not can_edit_proposal(jordi, proposal)
    with pytest.raises(DomainError):
        operations.update_proposal(proposal, {"title": "No", "body": "No."}, actor=jordi)


# the grid: who may manage, answer and leave, by their role and the invitation's state
ROLES = ("visitor", "author", "invitee", "representative", "other", "blocked_invitee")


def _actor(role, marta, jordi, casal):
    if role == "visitor":
        return AnonymousUserMixin()
    if role == "author":
        return marta
    if role in ("invitee", "blocked_invitee"):
        if role == "blocked_invitee":
            jordi.blocked_at = utcnow()
        return jordi
    if role == "representative":
        return casal.admin
    return factories.person()


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("state", ["invited", "accepted", "declined"])
@pytest.mark.parametrize("kind", ["person", "association"])
def test_who_may_do_what_with_an_invitation(proposal, marta, jordi, casal, role, state, kind):
    invitation = (operations.invite_person(proposal, jordi.email, actor=marta)
                  if kind == "person" else
                  operations.invite_association(proposal, casal, actor=marta))
    answerer = jordi if kind == "person" else casal.admin
    if state == "accepted":
        operations.accept_invitation(invitation, actor=answerer)
    elif state == "declined":
        operations.decline_invitation(invitation, actor=answerer)
    db.session.expire_all()
    user = _actor(role, marta, jordi, casal)
    speaks = (role == "invitee" and kind == "person") or (
        role == "representative" and kind == "association")
    assert can_answer_invitation(user, invitation) is (speaks and state == "invited")
    assert can_leave_coauthorship(user, invitation) is (speaks and state == "accepted")
    assert can_remove_coauthor(user, invitation) is (role == "author" and state != "declined")
    assert can_manage_coauthors(user, proposal) is (role == "author")
    assert can_edit_proposal(user, proposal) is (
        role == "author" or (role == "invitee" and kind == "person" and state == "accepted"))


@pytest.mark.parametrize("closed", ["withdrawn", "hidden"])
def test_a_closed_proposal_takes_no_invitations_nor_answers(proposal, marta, jordi, closed):
    invitation = operations.invite_person(proposal, jordi.email, actor=marta)
    if closed == "withdrawn":
        operations.withdraw_proposal(proposal, actor=marta)
    else:
        proposal.hidden_at = utcnow()
    assert not can_manage_coauthors(marta, proposal)
    with pytest.raises(DomainError):
        operations.invite_person(proposal, "algu@example.org", actor=marta)
    with pytest.raises(DomainError):
        operations.accept_invitation(invitation, actor=jordi)
    assert proposal.state in (ProposalState.WITHDRAWN, ProposalState.PUBLISHED)


# --- the pages ---------------------------------------------------------------------------------


def coauthors_url(process, proposal, action=""):
    return url(process, proposal, "coauthors") + (f"/{action}" if action else "")


def test_the_author_invites_through_the_pages(client, process, proposal, marta, jordi, casal,
                                             commit, outbox):
    jordi.locale = "ca"
    commit()
    login(client, marta)
    page = coauthors_url(process, proposal)
    assert client.get(page).status_code == 200
    answers = []
    for email in ("jordi@example.org", "ningu@example.org"):
        response = post(client, coauthors_url(process, proposal, "person"), {"email": email},
                        token_from=page)
        assert response.status_code == 302
        html = text(client.get(response.location)).replace(email, "ADDRESS")
        answers.append(re.findall(r'<p class="flash[^>]*>[^<]*</p>', html))
    # the same answer whether or not an account has the address
    assert answers[0] == answers[1] == [
        '<p class="flash flash-success">Invitation saved. If ADDRESS belongs to someone on '
        'Participa, they will get an e-mail to accept or decline it.</p>']
    response = post(client, coauthors_url(process, proposal, "association"),
                    {"association_id": casal.id}, token_from=page)
    assert response.status_code == 302
    html = text(client.get(page))
    assert "ningu@example.org" in html and "Casal de la Gent Gran" in html
    sent = outbox()
    to_jordi = [m for m in sent if m["To"] == "jordi@example.org"]
    assert len(to_jordi) == 1
    assert to_jordi[0]["Subject"] == ("Marta Soler us convida a ser coautor/a de «Ombra i bancs "
                                      "a la plaça de la Font»")
    assert f"{url(process, proposal)}#coauthoring" in to_jordi[0].get_content()
    assert not [m for m in sent if m["To"] == "ningu@example.org"]
    # the association's representatives (its administrator) are asked too
    assert sorted(m["To"] for m in sent) == sorted(["jordi@example.org", casal.admin.email])


def test_bad_invitations_are_400_and_change_nothing(client, process, proposal, marta, commit):
    pending = make_association("pending")
    commit()
    login(client, marta)
    page = coauthors_url(process, proposal)
    for action, values in (("person", {"email": ""}), ("person", {"email": marta.email}),
                           ("association", {"association_id": pending.id}),
                           ("association", {"association_id": 999_999}),
                           ("association", {"association_id": ""})):
        response = post(client, coauthors_url(process, proposal, action), values,
                        token_from=page)
        assert response.status_code == 400, (action, values)
    sync()
    assert rows(proposal) == []


def test_the_fifth_is_the_last(client, process, proposal, marta, commit):
    for i in range(MAX_COAUTHORS):
        operations.invite_person(proposal, f"p{i}@example.org", actor=marta)
    commit()
    login(client, marta)
    page = coauthors_url(process, proposal)
    response = post(client, coauthors_url(process, proposal, "person"),
                    {"email": "sise@example.org"}, token_from=page)
    assert response.status_code == 400
    assert "A proposal can have at most 5 co-authors" in text(response)


def test_the_coauthor_pages_are_the_authors(client, process, proposal, marta, jordi, commit):
    invitation = operations.invite_person(proposal, "x@example.org", actor=marta)
    commit()
    page = coauthors_url(process, proposal)
    assert client.get(page).status_code == 302  # visitors sign in first
    login(client, jordi)
    assert client.get(page).status_code == 403
    token_page = url(process, proposal)
    for action, values in (("person", {"email": "y@example.org"}),
                           (f"{invitation.id}/remove", {})):
        assert post(client, coauthors_url(process, proposal, action), values,
                    token_from=token_page).status_code == 403
    assert client.get(url(process) + "999999/coauthors").status_code == 404
    assert post(client, coauthors_url(process, proposal, "999999/accept"),
                token_from=token_page).status_code == 404
    sync()
    assert len(rows(proposal)) == 1


def test_posting_without_the_csrf_token_is_400(client, process, proposal, marta, commit):
    commit()
    login(client, marta)
    response = client.post(coauthors_url(process, proposal, "person"),
                           data={"email": "x@example.org"})
    assert response.status_code == 400
    sync()
    assert rows(proposal) == []


def test_jordi_accepts_on_the_proposal_page_and_is_listed(client, process, proposal, marta,
                                                          jordi, casal, commit):
    mine = operations.invite_person(proposal, jordi.email, actor=marta)
    operations.accept_invitation(operations.invite_association(proposal, casal, actor=marta),
                                 actor=casal.admin)
    commit()
    page = url(process, proposal)
    assert "Co-authoring" not in text(client.get(page))  # nothing private for visitors
    login(client, jordi)
    html = text(client.get(page))
    assert 'id="coauthoring"' in html and "Marta Soler invites you to co-author" in html
    participation = text(client.get("/accounts/me/participation"))
    assert "Invitations to co-author" in participation and proposal.title in participation
    response = post(client, coauthors_url(process, proposal, f"{mine.id}/accept"),
                    token_from=page)
    assert response.status_code == 302 and response.location.endswith("#coauthoring")
    html = text(client.get(page))
    assert "You have accepted" in html
    assert ('Proposal by Marta Soler, with Jordi Casals and <a href="/associations/'
            f'{casal.slug}" class="association">Casal de la Gent Gran</a>') in html
    assert "Stop co-authoring it" in html and "A proposal you co-author" in html
    assert url(process, proposal, "edit") in html
    # answering twice: the button is gone, a replayed POST is 403
    assert post(client, coauthors_url(process, proposal, f"{mine.id}/accept"),
                token_from=page).status_code == 403
    response = post(client, coauthors_url(process, proposal, f"{mine.id}/leave"),
                    token_from=page)
    assert response.status_code == 302
    assert "Jordi Casals" not in text(client.get(page)).split("supports-heading")[0]


def test_declining_on_the_page(client, process, proposal, marta, jordi, commit):
    mine = operations.invite_person(proposal, jordi.email, actor=marta)
    commit()
    login(client, jordi)
    response = post(client, coauthors_url(process, proposal, f"{mine.id}/decline"),
                    token_from=url(process, proposal))
    assert response.status_code == 302
    sync()
    assert rows(proposal)[0].status == CoauthorStatus.DECLINED


def test_the_author_removes_on_the_coauthors_page(client, process, proposal, marta, jordi,
                                                  commit):
    accepted = operations.accept_invitation(
        operations.invite_person(proposal, jordi.email, actor=marta), actor=jordi)
    commit()
    login(client, marta)
    page = coauthors_url(process, proposal)
    assert "Remove" in text(client.get(page))
    response = post(client, coauthors_url(process, proposal, f"{accepted.id}/remove"),
                    token_from=page)
    assert response.status_code == 302 and response.location.endswith("/coauthors")
    sync()
    assert rows(proposal) == []


def test_a_coauthor_edits_through_the_page(client, process, proposal, marta, jordi, commit):
    operations.accept_invitation(operations.invite_person(proposal, jordi.email, actor=marta),
                                 actor=jordi)
    commit()
    login(client, jordi)
    edit = url(process, proposal, "edit")
    assert client.get(edit).status_code == 200
    response = post(client, edit, {"title": "Ombra, bancs i font", "body": "Text nou."},
                    token_from=edit)
    assert response.status_code == 302
    assert client.get(url(process, proposal, "withdraw")).status_code == 403


def test_the_association_page_lists_what_it_coauthors(client, process, proposal, marta,
                                                      casal, commit):
    invitation = operations.invite_association(proposal, casal, actor=marta)
    commit()
    assert url(process, proposal) not in text(client.get(f"/associations/{casal.slug}"))
    operations.accept_invitation(invitation, actor=casal.admin)
    commit()
    assert url(process, proposal) in text(client.get(f"/associations/{casal.slug}"))


def test_the_open_data_lists_accepted_coauthors(client, process, proposal, marta, jordi, casal,
                                               commit):
    operations.accept_invitation(operations.invite_person(proposal, jordi.email, actor=marta),
                                 actor=jordi)
    operations.invite_association(proposal, casal, actor=marta)  # waiting: not listed
    commit()
    [row] = json.loads(text(client.get(f"/processes/{process.slug}/proposals.json")))
    assert row["coauthors"] == "Jordi Casals" and row["author"] == "Marta Soler"


def test_the_invitations_stay_private(client, process, proposal, marta, commit):
    operations.invite_person(proposal, "secret@example.org", actor=marta)
    commit()
    for reader in (None, factories.person()):
        if reader is not None:
            db.session.commit()
            login(client, reader)
        assert "secret@example.org" not in text(client.get(url(process, proposal)))
    assert utcnow() - proposal.created_at < timedelta(hours=1)


# --- under parallel requests -------------------------------------------------------------------


def test_five_places_hold_under_parallel_invitations(app, process, marta, proposal):
    """Eight invitations at once, each in its own transaction: five get a place (each its
    own), three are refused with the limit's message; nothing else breaks."""
    from participa.accounts.models import User
    from participa.proposals.models import Proposal
    from tests.support.parallel import run_parallel

    db.session.commit()
    proposal_id, marta_id = proposal.id, marta.id

    def invite(i):
        def job():
            operations.invite_person(db.session.get(Proposal, proposal_id),
                                     f"veina{i}@example.org",
                                     actor=db.session.get(User, marta_id))
        return job

    ok, refused = run_parallel(app, [invite(i) for i in range(8)])
    assert (ok, refused) == (MAX_COAUTHORS, 8 - MAX_COAUTHORS)
    assert sorted(c.place for c in rows(proposal)) == [1, 2, 3, 4, 5]
