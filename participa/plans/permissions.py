import enum

from participa.core.permissions import is_council, is_signed_in
from participa.plans.models import PlanStatus


class JoinRefusal(enum.Enum):
    SIGN_IN = "sign_in"
    NOT_ACTIVE = "not_active"
    ALREADY = "already"


def can_view_plan(user, plan) -> bool:
    return plan.status != PlanStatus.DRAFT or is_council(user)


def can_manage_plan_goals(user, plan) -> bool:
    """The council, and the facilitators of any of the plan's processes, keep its goals,
    indicators and measurements (whatever the plan's state)."""
    if not is_signed_in(user):
        return False
    if is_council(user):
        return True
    process_ids = {process.id for process in plan.processes}
    return any(role.process_id in process_ids for role in user.process_roles)


def can_manage_plan_members(user, plan) -> bool:
    """Who keeps a plan's table (adds associations and services, accepts residents): the same
    people who keep its goals."""
    return can_manage_plan_goals(user, plan)


def why_not_join_plan(user, plan, membership=None):
    """Why ``user`` may not ask to join ``plan`` (None: they may); ``membership`` is their
    row in it, if any."""
    if not is_signed_in(user):
        return JoinRefusal.SIGN_IN
    if plan.status != PlanStatus.ACTIVE:
        return JoinRefusal.NOT_ACTIVE
    if membership is not None:
        return JoinRefusal.ALREADY
    return None


def can_join_plan(user, plan, membership=None) -> bool:
    return why_not_join_plan(user, plan, membership) is None


def can_leave_plan(user, membership) -> bool:
    """A resident leaves a plan (or takes back a request to join) when they wish."""
    return is_signed_in(user) and membership is not None and membership.user_id == user.id
