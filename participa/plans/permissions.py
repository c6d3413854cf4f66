from participa.core.permissions import is_council, is_signed_in
from participa.plans.models import PlanStatus


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
