"""Builders and checks for proposals. Builders call the real operations (so every rule they
enforce holds for the rows they make) and flush, never commit."""

import itertools

import sqlalchemy as sa

from participa.extensions import db
from participa.processes.phases import Action, phase_allows
from participa.proposals import operations
from participa.proposals.models import Proposal, Support
from tests.support import factories
from tests.support.phases import proposing_time
from tests.support.web import sync

_counter = itertools.count(1)


def make_proposal(process, author, *, now=None, **data) -> Proposal:
    """A published proposal by ``author`` through ``create_proposal``. When the process's
    current phase does not allow proposing, it is made at a moment of its proposals phase."""
    n = next(_counter)
    data.setdefault("title", f"Proposta número {n}")
    data.setdefault("body", f"El text de la proposta {n}.")
    if now is None and not phase_allows(process, Action.PROPOSE):
        now = proposing_time(process)
    return operations.create_proposal(process, data, actor=author, now=now)


def make_supporters(proposal, n):
    """``n`` new residents supporting ``proposal``; returns them."""
    people = [factories.make_user() for _ in range(n)]
    for person in people:
        operations.support_proposal(proposal, actor=person)
    return people


def answer(proposal, actor, state="accepted", text="La resposta oficial.", publish=True):
    return operations.answer_proposal(proposal, state=state, answer=text, publish=publish,
                                      actor=actor)


def support_rows(proposal) -> int:
    return db.session.scalar(
        sa.select(sa.func.count()).select_from(Support).where(Support.proposal_id == proposal.id)
    )


def stored_count(proposal) -> int:
    """The supports counter as the database holds it now."""
    return db.session.scalar(sa.select(Proposal.supports_count).where(Proposal.id == proposal.id))


def count_proposals() -> int:
    return db.session.scalar(sa.select(sa.func.count()).select_from(Proposal))


def url(process, proposal=None, action=None) -> str:
    base = f"/processes/{process.slug}/proposals"
    if proposal is None:
        return base + "/" + (action or "")
    return f"{base}/{proposal.id}" + (f"/{action}" if action else "")


def counted(proposal) -> int:
    """The supports counter after what the requests committed."""
    sync()
    return stored_count(proposal)
