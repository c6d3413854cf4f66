"""The database alone cannot link a person to a ballot: read the schema, then the rows in the
order they are stored, as someone holding a copy of the database (but not the ballot key)
would."""

import hashlib
import itertools

import pytest
import sqlalchemy as sa
from flask import current_app

from participa.extensions import db
from participa.polls import operations
from participa.polls.models import PollBallot, PollVoter
from tests.support import factories
from tests.support.databases import rows_in_stored_order
from tests.support.polls import make_poll, vote

VOTERS = 12


@pytest.fixture
def voted(app):
    """A ranked poll where twelve people voted, each a different ranking."""
    council = factories.make_user("council")
    poll = make_poll(kind="ranked", actor=council)
    rankings = list(itertools.permutations(poll.options))[:6] + \
        [(o,) for o in poll.options] + list(itertools.permutations(poll.options, 2))[:3]
    people = [factories.make_user() for _ in range(VOTERS)]
    for person, ranking in zip(people, rankings, strict=True):
        vote(poll, person, list(ranking))
    db.session.commit()
    return poll, people, council


def test_the_schema_has_nothing_that_joins_the_box_to_the_roll_or_to_people(app):
    inspector = sa.inspect(db.engine)
    box = {c["name"]: c for c in inspector.get_columns("poll_ballots")}
    assert set(box) == {"key", "poll_id", "choice", "receipt", "cast_on"}
    foreign = {fk["referred_table"] for fk in inspector.get_foreign_keys("poll_ballots")}
    assert foreign == {"polls"}  # not users, not the roll
    # no time finer than the day, no sequential id
    assert str(box["cast_on"]["type"]).upper() == "DATE"
    assert not isinstance(box["key"]["type"], sa.Integer)
    assert inspector.get_pk_constraint("poll_ballots")["constrained_columns"] == ["key"]
    roll = {c["name"]: c for c in inspector.get_columns("poll_voters")}
    assert set(roll) == {"poll_id", "user_id", "voted_on"}
    assert str(roll["voted_on"]["type"]).upper() == "DATE"
    assert inspector.get_pk_constraint("poll_voters")["constrained_columns"] == [
        "poll_id", "user_id"]
    # nothing else in the database points at the box either
    for table in inspector.get_table_names():
        for fk in inspector.get_foreign_keys(table):
            assert fk["referred_table"] != "poll_ballots", table


def test_the_rows_cannot_be_matched_once_the_poll_closes(voted):
    poll, people, council = voted
    roll = [row.user_id for row in rows_in_stored_order("poll_voters", "user_id")]
    keys_of = {operations.box_key(current_app.config["BALLOT_KEY"], poll, p): p.id
               for p in people}

    def box_owners():
        return [keys_of[row.key] for row in rows_in_stored_order("poll_ballots", "key")]

    # while the poll is open, the stored order still follows the order people voted in: this
    # is what closing must undo (and what this test would catch if it did not)
    assert box_owners() == roll
    operations.close_poll(poll, actor=council)
    db.session.commit()
    shuffled = box_owners()
    assert sorted(shuffled) == sorted(roll)
    assert shuffled != roll  # one chance in 12! (≈ 2e-9) of failing by luck
    # the days are all the same: nothing finer to match on
    assert len({row.cast_on for row in rows_in_stored_order("poll_ballots", "cast_on")}) == 1
    assert len({row.voted_on for row in rows_in_stored_order("poll_voters", "voted_on")}) == 1


def test_a_ballot_key_cannot_be_recomputed_without_the_ballot_key(voted):
    poll, people, _council = voted
    keys = {row.key for row in db.session.execute(sa.select(PollBallot.key))}
    assert len(keys) == VOTERS
    guesses = set()
    for person in people:
        for text in (f"{poll.id}:{person.id}", f"{person.id}:{poll.id}",
                     f"poll-ballot\x1f{poll.id}\x1f{person.id}"):
            guesses.add(hashlib.sha256(text.encode()).hexdigest())
        for wrong in ("dev-only-ballot-key-change-me", "participa", "secret"):
            guesses.add(operations.box_key(wrong, poll, person))
    assert not keys & guesses
    assert db.session.scalar(sa.select(sa.func.count()).select_from(PollVoter)) == VOTERS


def test_no_other_table_holds_a_receipt_or_a_choice_next_to_a_person(voted):
    """Every text the database holds outside the box, read as a whole: no receipt appears in
    it (the ActionLog says who voted, never what nor which receipt)."""
    poll, _people, council = voted
    operations.close_poll(poll, actor=council)
    db.session.commit()
    receipts = {row.receipt for row in db.session.execute(sa.select(PollBallot.receipt))}
    inspector = sa.inspect(db.engine)
    for table in inspector.get_table_names():
        if table in ("poll_ballots", "alembic_version"):
            continue
        for row in db.session.execute(sa.text(f"SELECT * FROM {table}")):  # noqa: S608
            text = " ".join(str(value) for value in row)
            assert not any(receipt in text for receipt in receipts), table
