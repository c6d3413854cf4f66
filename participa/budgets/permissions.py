"""Who may do what with budgets. Pure predicates: views (403) and templates share them.

The reason helpers return *why* not, so a page can explain it instead of hiding a button."""

from flask_babel import lazy_gettext as _l

from participa.budgets.models import BudgetState
from participa.census.eligibility import Ineligibility, why_not_eligible
from participa.core.enums import LabelledEnum
from participa.core.permissions import is_council, is_signed_in
from participa.core.timeutil import local_date
from participa.processes.permissions import can_manage_process, can_view_process
from participa.processes.phases import Action, phase_allows


class VoteRefusal(LabelledEnum):
    SIGN_IN = "sign_in", _l("Sign in to vote.")
    BLOCKED = "blocked", _l("Your account is blocked: you cannot vote.")
    PHASE = "phase", _l("Voting is not open in the current phase of this process.")
    CLOSED = "closed", _l("Voting in this budget has closed.")
    NO_PROJECTS = "no_projects", _l("This budget has no projects to vote for yet.")


def can_view_budget(user, budget) -> bool:
    return can_view_process(user, budget.process)


def can_manage_budget(user, budget_or_process) -> bool:
    """The council and the process's facilitators prepare budgets and their projects."""
    process = getattr(budget_or_process, "process", budget_or_process)
    return can_manage_process(user, process)


def can_change_rules(user, budget) -> bool:
    """Amount, projects and costs, ballot kind, limits and rule: until the first ballot."""
    return can_manage_budget(user, budget) and not budget.is_frozen


def why_not_vote(user, budget, verification, *,
                 now=None) -> VoteRefusal | Ineligibility | None:
    """Why ``user`` may not vote in ``budget`` now (None: they may). ``verification`` is their
    census verification (``participa.census.queries.verification_of``), or None."""
    refusal = _why_not_open(user, budget, now)
    if refusal is not None:
        return refusal
    return why_not_eligible(
        user, verification, census_required=budget.census_required,
        neighbourhood_ids={budget.neighbourhood_id} if budget.neighbourhood_id else set(),
        minimum_age=budget.minimum_age, on=local_date(now))


def _why_not_open(user, budget, now) -> VoteRefusal | None:
    if budget.state != BudgetState.OPEN:
        return VoteRefusal.CLOSED
    if not phase_allows(budget.process, Action.VOTE, now):
        return VoteRefusal.PHASE
    if getattr(user, "is_blocked", False):  # before signing in: a blocked account is not active
        return VoteRefusal.BLOCKED
    if not is_signed_in(user):
        return VoteRefusal.SIGN_IN
    if not budget.projects:
        return VoteRefusal.NO_PROJECTS
    return None


def can_close_budget(user, budget) -> bool:
    """The council closes voting."""
    return is_council(user) and budget.state == BudgetState.OPEN


def can_publish_results(user, budget) -> bool:
    return is_council(user) and budget.state == BudgetState.CLOSED


def can_see_results(user, budget) -> bool:
    """Everyone once published; the process's managers as soon as voting has closed."""
    if budget.state == BudgetState.PUBLISHED:
        return can_view_budget(user, budget)
    return budget.state == BudgetState.CLOSED and can_manage_budget(user, budget)


def can_enter_paper_count(user, budget) -> bool:
    """Facilitators enter a paper ballot box's totals until the results are published."""
    return can_manage_budget(user, budget) and budget.state != BudgetState.PUBLISHED
