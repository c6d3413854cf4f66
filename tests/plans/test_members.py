"""A plan's table: associations and public services the council and facilitators seat, and
residents who ask to join and are accepted (operations, permissions, pages, e-mail)."""

import pytest
import sqlalchemy as sa

from participa.accounts.models import User
from participa.associations.models import Association
from participa.core.errors import DomainError
from participa.core.models import ActionLog
from participa.extensions import db
from participa.plans import operations
from participa.plans.models import (
    CommunityPlan,
    MemberKind,
    MemberStatus,
    PlanMember,
    PlanStatus,
)
from participa.plans.permissions import (
    JoinRefusal,
    can_leave_plan,
    can_manage_plan_members,
    why_not_join_plan,
)
from participa.plans.queries import list_plan_members, members_by_kind, plans_of_association
from participa.processes.models import PhaseKind
from tests.associations.conftest import make_association
from tests.support import factories
from tests.support.parallel import run_parallel
from tests.support.web import login, post, text

SERVICE = {"name": "CAP Riuclar", "service_kind": "health", "contact": "972 00 00 00"}


@pytest.fixture
def plan():
    return factories.make_plan(title="Pla del Barri Vell", slug="pla-barri-vell",
                               status=PlanStatus.ACTIVE)


def members(plan):
    return list(db.session.scalars(sa.select(PlanMember).where(PlanMember.plan_id == plan.id)))


# --- operations -------------------------------------------------------------------------------

def test_the_council_seats_a_verified_association_and_a_service(plan):
    council = factories.person("council")
    association = make_association("verified", name="AV Barri Vell")
    operations.add_association_member(plan, association, actor=council)
    operations.add_service_member(plan, SERVICE, actor=council)
    groups = members_by_kind(list_plan_members(plan))
    assert [m.association.name for m in groups[MemberKind.ASSOCIATION]] == ["AV Barri Vell"]
    assert [(m.name, m.contact) for m in groups[MemberKind.SERVICE]] == [
        ("CAP Riuclar", "972 00 00 00")]
    assert plans_of_association(association) == [plan]
    verbs = db.session.scalars(sa.select(ActionLog.verb).order_by(ActionLog.id)).all()
    assert verbs[-2:] == ["add_plan_member", "add_plan_member"]


@pytest.mark.parametrize("state", ["pending", "refused"])
def test_an_unverified_association_is_refused(plan, state):
    association = make_association(state)
    with pytest.raises(DomainError) as refused:
        operations.add_association_member(plan, association, actor=factories.person("council"))
    assert refused.value.field == "association_id"
    assert members(plan) == []


def test_an_association_sits_once_at_a_table(plan):
    council = factories.person("council")
    association = make_association("verified")
    operations.add_association_member(plan, association, actor=council)
    with pytest.raises(DomainError):
        operations.add_association_member(plan, association, actor=council)
    assert len(members(plan)) == 1


@pytest.mark.parametrize("data, field", [
    ({**SERVICE, "name": ""}, "name"),
    ({**SERVICE, "name": "CAP\u2028Riuclar"}, "name"),
    ({**SERVICE, "name": "x" * 201}, "name"),
    ({**SERVICE, "contact": "972\r\nBcc: x@example.org"}, "contact"),
    ({**SERVICE, "service_kind": "army"}, "service_kind"),
])
def test_a_service_with_bad_input_changes_nothing(plan, data, field):
    with pytest.raises(DomainError) as refused:
        operations.add_service_member(plan, data, actor=factories.person("council"))
    assert refused.value.field == field
    assert members(plan) == []


def test_a_resident_asks_a_facilitator_accepts_and_the_resident_leaves(plan):
    resident, council = factories.person(), factories.person("council")
    request = operations.ask_to_join_plan(plan, actor=resident)
    assert request.status == MemberStatus.REQUESTED
    assert members_by_kind(list_plan_members(plan))[MemberKind.RESIDENT] == []
    with pytest.raises(DomainError):  # twice
        operations.ask_to_join_plan(plan, actor=resident)
    operations.accept_member(request, actor=council)
    assert members_by_kind(list_plan_members(plan))[MemberKind.RESIDENT] == [request]
    with pytest.raises(DomainError):  # answered already
        operations.accept_member(request, actor=council)
    logged = db.session.scalar(sa.select(sa.func.count()).select_from(ActionLog))
    operations.remove_member(request, actor=resident)
    assert members(plan) == []
    # leaving on one's own is not a council decision: nothing more in the log
    assert db.session.scalar(sa.select(sa.func.count()).select_from(ActionLog)) == logged


@pytest.mark.parametrize("status", [PlanStatus.DRAFT, PlanStatus.CLOSED])
def test_only_an_active_plan_takes_new_residents(status):
    plan = factories.make_plan(status=status)
    with pytest.raises(DomainError):
        operations.ask_to_join_plan(plan, actor=factories.person())
    assert members(plan) == []


def test_the_database_keeps_each_kind_to_its_own_columns(plan):
    db.session.add(PlanMember(plan_id=plan.id, kind=MemberKind.SERVICE, name="",
                              service_kind=None))
    with pytest.raises(sa.exc.IntegrityError):
        db.session.flush()
    db.session.rollback()


# --- permissions ------------------------------------------------------------------------------

ROLES = ["visitor", "resident", "blocked", "other_facilitator", "facilitator", "council"]


@pytest.mark.parametrize("role", ROLES)
def test_who_keeps_the_table(role, make_process):
    plan = factories.make_plan()
    process = make_process(plan=plan, phases=[(PhaseKind.PROPOSALS, -1, 10)])
    user = factories.in_role(role, process)
    assert can_manage_plan_members(user, plan) is (role in ("facilitator", "council"))


@pytest.mark.parametrize("status, expected", [
    (PlanStatus.ACTIVE, None), (PlanStatus.CLOSED, JoinRefusal.NOT_ACTIVE),
    (PlanStatus.DRAFT, JoinRefusal.NOT_ACTIVE)])
def test_who_may_ask_to_join(status, expected):
    plan = factories.make_plan(status=status)
    resident = factories.person()
    assert why_not_join_plan(resident, plan) is expected
    from flask_login import AnonymousUserMixin
    assert why_not_join_plan(AnonymousUserMixin(), plan) is JoinRefusal.SIGN_IN
    if status == PlanStatus.ACTIVE:
        mine = operations.ask_to_join_plan(plan, actor=resident)
        assert why_not_join_plan(resident, plan, mine) is JoinRefusal.ALREADY
        assert can_leave_plan(resident, mine)
        assert not can_leave_plan(factories.person(), mine)


# --- pages ------------------------------------------------------------------------------------

def test_the_plan_page_shows_its_table_by_kind(client, commit, plan):
    council = factories.person("council")
    operations.add_association_member(plan, make_association("verified", name="AV Barri Vell"),
                                      actor=council)
    operations.add_service_member(plan, SERVICE, actor=council)
    for _ in range(2):
        operations.accept_member(operations.ask_to_join_plan(plan, actor=factories.person()),
                                 actor=council)
    operations.ask_to_join_plan(plan, actor=factories.person())  # not answered: not counted
    commit()
    page = text(client.get("/plans/pla-barri-vell"))
    assert "Who takes part" in page
    assert "AV Barri Vell" in page and "CAP Riuclar" in page and "972 00 00 00" in page
    assert "2 residents take part in the plan." in page
    assert "Sign in to join the plan" in page


def test_a_resident_asks_to_join_and_withdraws(client, commit, plan):
    resident = factories.person()
    commit()
    login(client, resident)
    response = post(client, "/plans/pla-barri-vell/join")
    assert response.status_code == 302
    page = text(client.get("/plans/pla-barri-vell"))
    assert "You have asked to join" in page
    assert post(client, "/plans/pla-barri-vell/join").status_code == 302  # twice: refused
    db.session.expire_all()
    assert len(members(plan)) == 1
    assert post(client, "/plans/pla-barri-vell/leave").status_code == 302
    db.session.expire_all()
    assert members(plan) == []
    assert post(client, "/plans/pla-barri-vell/leave").status_code == 403  # nothing to leave


def test_joining_needs_a_session_and_a_token(client, commit, plan):
    resident = factories.person()
    commit()
    assert client.post("/plans/pla-barri-vell/join").status_code in (302, 400)
    login(client, resident)
    assert client.post("/plans/pla-barri-vell/join").status_code == 400  # no CSRF token
    assert members(plan) == []
    assert post(client, "/plans/no-such-plan/join").status_code == 404


def test_a_facilitator_accepts_a_resident_who_is_e_mailed(client, commit, plan, make_process,
                                                          outbox):
    process = make_process(plan=plan, phases=[(PhaseKind.PROPOSALS, -1, 10)])
    facilitator = factories.in_role("facilitator", process)
    resident = factories.person(name="Aina Puig")
    request = operations.ask_to_join_plan(plan, actor=resident)
    commit()
    login(client, facilitator)
    page = text(client.get(f"/admin/plans/{plan.id}/members/"))
    assert "Aina Puig" in page
    response = post(client, f"/admin/plans/{plan.id}/members/{request.id}/accept")
    assert response.status_code == 302
    db.session.expire_all()
    assert db.session.get(PlanMember, request.id).status == MemberStatus.MEMBER
    mail = [m for m in outbox() if m["To"] == resident.email]
    assert len(mail) == 1 and "Pla del Barri Vell" in mail[0]["Subject"]


def test_the_council_adds_members_and_bad_input_is_a_400(client, commit, plan):
    association = make_association("verified", name="Casal de Gent Gran")
    council = factories.person("council")
    commit()
    login(client, council)
    url = f"/admin/plans/{plan.id}/members"
    assert post(client, url + "/associations",
                {"association_id": association.id}).status_code == 302
    response = post(client, url + "/associations", {"association_id": association.id})
    assert response.status_code == 400  # seated already: no longer a choice
    response = post(client, url + "/services", {**SERVICE, "name": "CAP\nRiuclar"})
    assert response.status_code == 400
    assert post(client, url + "/services", SERVICE).status_code == 302
    db.session.expire_all()
    assert sorted(m.kind.value for m in members(plan)) == ["association", "service"]
    member = members(plan)[0]
    assert post(client, f"{url}/{member.id}/remove").status_code == 302
    assert post(client, f"{url}/{member.id}/remove").status_code == 404
    assert post(client, f"{url}/99999999999999999999/remove").status_code == 404


@pytest.mark.parametrize("role, status", [("visitor", 302), ("resident", 403),
                                          ("other_facilitator", 403)])
def test_others_cannot_keep_the_table(client, commit, plan, make_process, role, status):
    process = make_process(plan=plan, phases=[(PhaseKind.PROPOSALS, -1, 10)])
    user = factories.in_role(role, process)
    commit()
    if role != "visitor":
        login(client, user)
    assert client.get(f"/admin/plans/{plan.id}/members/").status_code == status
    assert post(client, f"/admin/plans/{plan.id}/members/services",
                SERVICE).status_code == status
    assert members(plan) == []


# --- under parallel requests ------------------------------------------------------------------

def test_one_row_per_person_and_association_under_parallel_requests(app, commit, plan):
    """Eight clicks of "Ask to join" at once, and eight council members seating the same
    association at once: the database keeps one row of each; the others are told, and nothing
    fails."""
    resident = factories.person()
    association = make_association("verified")
    council = [factories.person("council").id for _ in range(8)]
    commit()
    plan_id, person_id, association_id = plan.id, resident.id, association.id

    def ask():
        operations.ask_to_join_plan(db.session.get(CommunityPlan, plan_id),
                                    actor=db.session.get(User, person_id))

    def seat(actor_id):
        return lambda: operations.add_association_member(
            db.session.get(CommunityPlan, plan_id), db.session.get(Association, association_id),
            actor=db.session.get(User, actor_id))

    assert run_parallel(app, [ask] * 8) == (1, 7)
    assert run_parallel(app, [seat(actor) for actor in council]) == (1, 7)
    db.session.expire_all()
    assert sorted(m.kind.value for m in members(db.session.get(CommunityPlan, plan_id))) == [
        "association", "resident"]
