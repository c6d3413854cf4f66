"""Rules that must hold under parallel requests, proven with real threads, each with its own
database connection and transaction (as gunicorn workers would have): one support per person,
the per-person limits, and a supports counter that always equals the support rows."""


import pytest
import sqlalchemy as sa

from participa.accounts.models import User
from participa.extensions import db
from participa.processes.models import Process
from participa.proposals import operations
from participa.proposals.models import Proposal, Support
from tests.support import factories
from tests.support.parallel import run_parallel

THREADS = 8


def _proposals(process, author, n):
    return [
        operations.create_proposal(process, {"title": f"Proposta {i}", "body": "Text."},
                                   actor=author)
        for i in range(n)
    ]


def _support_job(proposal_id, user_id):
    def job():
        proposal = db.session.get(Proposal, proposal_id)
        user = db.session.get(User, user_id)
        operations.support_proposal(proposal, actor=user)
    return job


def _counts_match():
    """Every proposal's stored counter equals its support rows."""
    rows = db.session.execute(
        sa.select(Proposal.id, Proposal.supports_count,
                  sa.select(sa.func.count()).where(Support.proposal_id == Proposal.id)
                  .scalar_subquery())
    ).all()
    return all(stored == counted for _, stored, counted in rows), rows


@pytest.fixture
def setup(app):
    process = factories.make_process()
    author = factories.make_user()
    return process, author


def test_one_support_per_person_under_parallel_requests(app, setup, make_user):
    process, author = setup
    voter = make_user()
    (proposal,) = _proposals(process, author, 1)
    db.session.commit()

    ok, refused = run_parallel(app, [_support_job(proposal.id, voter.id)] * THREADS)

    assert (ok, refused) == (1, THREADS - 1)
    db.session.expire_all()
    assert db.session.scalar(sa.select(sa.func.count()).select_from(Support)) == 1
    assert db.session.get(Proposal, proposal.id).supports_count == 1


def test_support_limit_holds_across_different_proposals(app, setup, make_user):
    process, author = setup
    process.supports_per_person = 3
    voter = make_user()
    proposals = _proposals(process, author, THREADS)
    db.session.commit()

    ok, refused = run_parallel(app, [_support_job(p.id, voter.id) for p in proposals])

    assert (ok, refused) == (3, THREADS - 3)
    db.session.expire_all()
    assert db.session.scalar(
        sa.select(sa.func.count()).select_from(Support).where(Support.user_id == voter.id)
    ) == 3
    assert _counts_match()[0]


def test_counter_equals_rows_with_many_people_supporting_and_withdrawing(app, setup, make_user):
    process, author = setup
    (proposal,) = _proposals(process, author, 1)
    voters = [make_user() for _ in range(THREADS * 2)]
    # half already support it and will withdraw; the other half will support it
    for voter in voters[:THREADS]:
        operations.support_proposal(proposal, actor=voter)
    db.session.commit()

    proposal_id = proposal.id

    def unsupport_job(user_id):
        def job():
            operations.unsupport_proposal(db.session.get(Proposal, proposal_id),
                                          actor=db.session.get(User, user_id))
        return job

    jobs = [unsupport_job(v.id) for v in voters[:THREADS]]
    jobs += [_support_job(proposal.id, v.id) for v in voters[THREADS:]]
    ok, refused = run_parallel(app, jobs)

    assert (ok, refused) == (2 * THREADS, 0)
    db.session.expire_all()
    matches, rows = _counts_match()
    assert matches, rows
    assert db.session.get(Proposal, proposal.id).supports_count == THREADS


def test_proposals_per_person_limit_under_parallel_requests(app, setup):
    process, author = setup
    process.proposals_per_person = 2
    process_id, author_id = process.id, author.id  # threads must not touch this session
    db.session.commit()

    def create_job(i):
        def job():
            operations.create_proposal(
                db.session.get(Process, process_id),
                {"title": f"Paral·lela {i}", "body": "Text."},
                actor=db.session.get(User, author_id),
            )
        return job

    ok, refused = run_parallel(app, [create_job(i) for i in range(THREADS)])

    assert (ok, refused) == (2, THREADS - 2)
    assert db.session.scalar(
        sa.select(sa.func.count()).select_from(Proposal).where(Proposal.author_id == author_id)
    ) == 2
