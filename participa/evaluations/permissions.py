"""Who may do what with evaluations. Pure predicates shared by views (403/404) and templates.

The council evaluates plans: it opens an evaluation of a public (active or closed) plan, writes
it, opens and closes its questionnaire and publishes it; a published evaluation is read-only
and public (as its plan is); a draft is the council's alone. Signed-in residents who are not
blocked answer the questionnaire while it is open. The questionnaire's comments are read by the
council, and by everyone once the evaluation is published (without names)."""

from flask_babel import lazy_gettext as _l

from participa.core.enums import LabelledEnum
from participa.core.permissions import is_council, is_signed_in
from participa.evaluations.models import EvaluationState
from participa.plans.permissions import can_view_plan


class AnswerRefusal(LabelledEnum):
    SIGN_IN = "sign_in", _l("Sign in to answer the questionnaire.")
    NOT_OPEN = "not_open", _l("This questionnaire is not open.")
    BLOCKED = "blocked", _l("Your account is blocked: you cannot answer.")


def can_manage_evaluations(user, plan) -> bool:
    """The council evaluates a plan (sees its evaluations, drafts included)."""
    return is_council(user)


def can_open_evaluation(user, plan) -> bool:
    """A plan is evaluated once it is public: active, or closed."""
    return can_manage_evaluations(user, plan) and plan.is_public


def can_view_evaluation(user, evaluation) -> bool:
    if can_manage_evaluations(user, evaluation.plan):
        return True
    return evaluation.state == EvaluationState.PUBLISHED and can_view_plan(user,
                                                                          evaluation.plan)


def can_edit_evaluation(user, evaluation) -> bool:
    """Its period, text, snapshot and assessments change until it is published."""
    return (can_manage_evaluations(user, evaluation.plan)
            and evaluation.state == EvaluationState.DRAFT)


def can_publish_evaluation(user, evaluation) -> bool:
    return can_edit_evaluation(user, evaluation) and evaluation.plan.is_public


def can_open_questionnaire(user, evaluation) -> bool:
    return (can_edit_evaluation(user, evaluation) and evaluation.plan.is_public
            and not evaluation.is_questionnaire_open)


def can_close_questionnaire(user, evaluation) -> bool:
    return can_edit_evaluation(user, evaluation) and evaluation.is_questionnaire_open


def why_not_answer(user, evaluation) -> AnswerRefusal | None:
    """Why ``user`` may not answer ``evaluation``'s questionnaire now (None: they may)."""
    if getattr(user, "is_blocked", False):
        return AnswerRefusal.BLOCKED
    if not is_signed_in(user):
        return AnswerRefusal.SIGN_IN
    if (evaluation.state != EvaluationState.DRAFT or not evaluation.is_questionnaire_open
            or not evaluation.plan.is_public):
        return AnswerRefusal.NOT_OPEN
    return None


def can_answer(user, evaluation) -> bool:
    return why_not_answer(user, evaluation) is None


def can_view_questionnaire(user, evaluation) -> bool:
    """The questionnaire's page exists while it is open, and after publication (closed), for
    whoever sees the plan; a draft's closed questionnaire is the council's alone."""
    if not can_view_plan(user, evaluation.plan):
        return False
    if can_manage_evaluations(user, evaluation.plan):
        return True
    return evaluation.is_questionnaire_open or evaluation.state == EvaluationState.PUBLISHED


def can_read_comments(user, evaluation) -> bool:
    """The council reads the comments as they come; everyone once the evaluation is published
    (without names, as the questionnaire says)."""
    return (can_manage_evaluations(user, evaluation.plan)
            or evaluation.state == EvaluationState.PUBLISHED and can_view_evaluation(
                user, evaluation))
