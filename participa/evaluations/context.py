"""What an evaluation's page shows, shared by the public page and the council's."""

from participa.evaluations import queries
from participa.evaluations.comparison import compare, result_counts
from participa.evaluations.models import Rating
from participa.evaluations.permissions import can_read_comments


def evaluation_context(evaluation, user) -> dict:
    """What an evaluation's page shows (the public page and the council's share it): the
    snapshot, the assessments, the questionnaire's summary and the comparison."""
    previous = queries.previous_evaluation(evaluation)
    return {
        "counts": result_counts(evaluation),
        "done": [r for r in evaluation.results if r.is_done],
        "pending": [r for r in evaluation.results if r.is_pending],
        "discarded": [r for r in evaluation.results if r.is_discarded],
        "summary": queries.questionnaire_summary(evaluation),
        "comments": (queries.list_comments(evaluation)
                     if can_read_comments(user, evaluation) else None),
        "previous": previous,
        "comparison": compare(evaluation, previous) if previous else None,
        "ratings": Rating,
    }
