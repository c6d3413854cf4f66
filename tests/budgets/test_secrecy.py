"""The database alone cannot link a person to a ballot: read the schema, then the rows in the
order they are stored, as someone holding a copy of the database (but not the ballot key)
would."""

import hashlib
import itertools

import pytest
import sqlalchemy as sa
from flask import current_app

from participa.budgets import operations
from participa.budgets.models import BudgetBallot, BudgetVoter
from participa.extensions import db
from tests.support import factories
from tests.support.budgets import make_budget, vote, voting_process
from tests.support.databases import rows_in_stored_order

VOTERS = 12


@pytest.fixture
def voted(app):
    """A budget where twelve people voted, each for a different set of projects."""
    budget = make_budget(voting_process(), costs=(10, 20, 30, 40, 50))
    picks = [c for n in (1, 2, 3) for c in itertools.combinations(budget.projects, n)]
    people = [factories.make_user() for _ in range(VOTERS)]
    for person, projects in zip(people, picks, strict=False):
        vote(budget, person, projects)
    db.session.commit()
    return budget, people


def test_the_schema_has_nothing_that_joins_the_box_to_the_roll_or_to_people(app):
    inspector = sa.inspect(db.engine)
    box = {c["name"]: c for c in inspector.get_columns("budget_ballots")}
    assert set(box) == {"key", "budget_id", "choices", "receipt", "cast_on"}
    foreign = {fk["referred_table"] for fk in inspector.get_foreign_keys("budget_ballots")}
    assert foreign == {"budgets"}  # not users, not the roll
    # no time finer than the day, no sequential id
    assert str(box["cast_on"]["type"]).upper() == "DATE"
    assert not isinstance(box["key"]["type"], sa.Integer)
    assert inspector.get_pk_constraint("budget_ballots")["constrained_columns"] == ["key"]
    roll = {c["name"]: c for c in inspector.get_columns("budget_voters")}
    assert set(roll) == {"budget_id", "user_id", "neighbourhood_id", "voted_on"}
    assert str(roll["voted_on"]["type"]).upper() == "DATE"


def test_the_rows_cannot_be_matched_once_voting_closes(voted):
    budget, people = voted
    roll = [row.user_id for row in rows_in_stored_order("budget_voters", "user_id")]
    secret = current_app.config["BALLOT_KEY"]
    keys_of = {operations.ballot_key(secret, budget, p): p.id for p in people}

    def box_owners():
        return [keys_of[row.key] for row in rows_in_stored_order("budget_ballots", "key")]

    # while voting runs, the stored order still follows the order people voted in: this is
    # what closing must undo (and what this test would catch if it did not)
    assert box_owners() == roll
    operations.close_budget(budget, actor=factories.make_user("council"))
    db.session.commit()
    shuffled = box_owners()
    assert sorted(shuffled) == sorted(roll)
    assert shuffled != roll  # one chance in 12! (≈ 2e-9) of failing by luck
    # the days are all the same: nothing finer to match on
    assert len({row.cast_on for row in rows_in_stored_order("budget_ballots", "cast_on")}) == 1
    assert len({row.voted_on for row in rows_in_stored_order("budget_voters", "voted_on")}) == 1


def test_a_ballot_key_cannot_be_recomputed_without_the_ballot_key(voted):
    budget, people = voted
    keys = {row.key for row in db.session.execute(sa.select(BudgetBallot.key))}
    guesses = set()
    for person in people:
        for text in (f"{budget.id}:{person.id}", f"{person.id}:{budget.id}",
                     f"budget-ballot\x1f{budget.id}\x1f{person.id}"):
            guesses.add(hashlib.sha256(text.encode()).hexdigest())
        for wrong in ("", "dev-only-ballot-key-change-me", "participa"):
            if wrong:
                guesses.add(operations.ballot_key(wrong, budget, person))
    assert not keys & guesses
    assert db.session.scalar(sa.select(sa.func.count()).select_from(BudgetVoter)) == VOTERS


def test_the_receipt_mail_leaves_no_trace_of_the_receipt_in_the_database(app, client, outbox):
    """The receipt e-mail is queued with the ballot; once sent, no table holds the receipt
    beside the voter's address (only the box holds it, where nothing names a person)."""
    from participa.core.jobs import Job
    from tests.support.web import CSRF_RE, login, text

    budget = make_budget(voting_process())
    person = factories.make_user(locale="en")
    db.session.commit()
    login(client, person)
    page = f"/processes/{budget.process.slug}/budgets/{budget.id}"
    token = CSRF_RE.search(text(client.get(page))).group(1)
    client.post(page + "/ballot", data={"csrf_token": token, "action": "cast",
                                        "project": [str(budget.projects[0].id)]})
    [mail] = outbox()
    receipt = db.session.scalar(sa.select(BudgetBallot.receipt))
    assert receipt in mail.get_content()
    db.session.expire_all()
    [job] = db.session.scalars(sa.select(Job)).all()
    assert person.email in job.summary
    assert receipt not in repr((job.payload, job.summary, job.last_error))
