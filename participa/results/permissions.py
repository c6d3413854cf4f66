"""Who may do what with results. Pure predicates: views (403/404) and templates share them.

As in Decidim's accountability module, the council keeps the results: it drafts them, records
their progress and publishes them. Everyone reads a published result of a public plan (and of a
visible process, when it has one); a draft, or anything of a draft plan, is the council's alone.
A closed plan's results stay public and can still move: the work goes on after the plan."""

from participa.core.permissions import is_council
from participa.plans.permissions import can_view_plan
from participa.processes.permissions import can_view_process


def can_manage_results(user) -> bool:
    """The council drafts, edits, records and publishes results, and keeps the statuses."""
    return is_council(user)


def can_view_result(user, result) -> bool:
    if is_council(user):
        return True
    if not result.is_published or not can_view_plan(user, result.plan):
        return False
    return result.process is None or can_view_process(user, result.process)


def can_edit_result(user, result) -> bool:
    return can_manage_results(user)


def can_record_update(user, result) -> bool:
    """Change a result's status, progress or budget (a timeline entry)."""
    return can_manage_results(user)


def can_publish_result(user, result) -> bool:
    return can_manage_results(user) and not result.is_published


def can_unpublish_result(user, result) -> bool:
    return can_manage_results(user) and result.is_published
