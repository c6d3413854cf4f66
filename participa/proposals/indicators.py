"""What proposals offer the plans' indicators (``participa.plans.sources``): how many proposals
the plan's processes have received. One aggregate query."""

from datetime import date
from decimal import Decimal

import sqlalchemy as sa
from flask_babel import lazy_gettext as _l

from participa.extensions import db
from participa.plans.sources import end_of_day, process_ids_of, register_indicator_source
from participa.proposals.models import Proposal


def proposals_made(plan, on: date) -> Decimal:
    """Proposals published in the plan's processes by the end of ``on`` (withdrawn ones
    included: they were made), not deleted nor hidden by moderation."""
    return Decimal(db.session.scalar(
        sa.select(sa.func.count()).select_from(Proposal).where(
            Proposal.process_id.in_(process_ids_of(plan)), Proposal.created_at < end_of_day(on),
            Proposal.deleted_at.is_(None), Proposal.hidden_at.is_(None))) or 0)


def register() -> None:
    register_indicator_source("proposals", _l("proposals made in the plan's processes"),
                              proposals_made)
