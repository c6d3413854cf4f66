"""What makes a ballot valid: pure, so "check my ballot" (which only explains) and casting
(which refuses) apply the very same rules."""

from dataclasses import dataclass

from flask_babel import lazy_gettext as _l
from flask_babel import lazy_ngettext

from participa.budgets.models import BallotKind
from participa.core.money import Euros


@dataclass
class Check:
    """A ballot as checked: the projects chosen (in the budget's order), what they cost, what is
    left, and every rule it breaks (empty: it may be cast)."""

    chosen: list
    total: int
    left: int
    problems: list

    @property
    def ok(self) -> bool:
        return not self.problems


def parse_choices(values) -> list[int] | None:
    """Form values to project ids; None when one is not a number (a forged form)."""
    ids = []
    for value in values:
        text = str(value).strip()
        if not text.isdigit() or len(text) > 12:
            return None
        ids.append(int(text))
    return ids


def check_ballot(budget, project_ids) -> Check:
    """Every rule ``project_ids`` breaks in ``budget``, worded for the voter."""
    projects = {p.id: p for p in budget.projects}
    problems = []
    if project_ids is None:
        problems.append(_l("One of the projects you chose is not in this budget."))
        project_ids = []
    if len(set(project_ids)) != len(project_ids):
        problems.append(_l("You chose the same project twice."))
    if any(pid not in projects for pid in project_ids):
        problems.append(_l("One of the projects you chose is not in this budget."))
    wanted = set(project_ids)
    chosen = [p for p in budget.projects if p.id in wanted]
    total = sum(p.cost for p in chosen)
    count = len(chosen)
    if budget.ballot_kind == BallotKind.KNAPSACK:
        if total > budget.amount:
            problems.append(_l("Your projects cost %(total)s: more than the budget's %(amount)s. "
                               "Leave some out.", total=Euros(total), amount=Euros(budget.amount)))
        if budget.minimum_share and total < budget.minimum_spend:
            problems.append(_l("Choose projects worth at least %(minimum)s (so far, %(total)s).",
                               minimum=Euros(budget.minimum_spend), total=Euros(total)))
    if budget.max_choices and count > budget.max_choices:
        problems.append(lazy_ngettext("Choose at most %(num)s project.",
                                      "Choose at most %(num)s projects.", budget.max_choices))
    if count < budget.min_choices:
        problems.append(lazy_ngettext("Choose at least %(num)s project.",
                                      "Choose at least %(num)s projects.", budget.min_choices))
    return Check(chosen=chosen, total=total, left=budget.amount - total, problems=problems)
