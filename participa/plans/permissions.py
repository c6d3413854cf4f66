from participa.core.permissions import is_council
from participa.plans.models import PlanStatus


def can_view_plan(user, plan) -> bool:
    return plan.status != PlanStatus.DRAFT or is_council(user)
