"""Moderators' decisions, appeals, blocking people, the public figures and the record, without
HTTP."""

from datetime import timedelta

import pytest
import sqlalchemy as sa

from participa.comments.operations import delete_comment
from participa.comments.queries import count_visible
from participa.core.errors import DomainError
from participa.core.models import ActionLog
from participa.core.types import utcnow
from participa.extensions import db
from participa.moderation import operations
from participa.moderation.models import HideCause, Moderation, Report
from participa.moderation.queries import process_figures
from tests.support import factories
from tests.support.comments import counter_is_true, make_comment, stored_comments_count
from tests.support.debates import make_debate
from tests.support.moderation import (
    HIDDEN,
    IGNORED,
    PENDING,
    RESTORED,
    comment_rows,
    fresh,
    report,
    report_by,
    report_rows,
    target_of,
)
from tests.support.proposals import make_proposal
from tests.support.records import log_entries

# --- moderators' decisions --------------------------------------------------------------------


def _reported(item, n=1):
    _, (moderation, _, _) = report_by(item, n)
    return moderation


def test_a_moderator_hides_reported_content(comment, facilitator):
    moderation = _reported(comment)
    operations.hide_target(moderation, actor=facilitator)

    assert fresh(comment).hidden_at is not None
    assert (moderation.status, moderation.hide_cause) == (HIDDEN, HideCause.MODERATOR)
    assert moderation.decided_at is not None
    assert moderation.reports_count == 1  # the reports stay, as the reason
    assert counter_is_true(target_of(comment))
    (entry,) = log_entries("hide", moderation)
    assert entry.actor_id == facilitator.id

    with pytest.raises(DomainError, match="already hidden"):
        operations.hide_target(moderation, actor=facilitator)


def test_unhide_restores_and_dismisses_the_reports(comment, facilitator):
    moderation = _reported(comment, 3)
    reporters = [r.reporter for r in moderation.reports]
    assert fresh(comment).hidden_at is not None

    operations.unhide_target(moderation, actor=facilitator)

    assert fresh(comment).hidden_at is None
    assert (moderation.status, moderation.hide_cause, moderation.reports_count) == (
        RESTORED, None, 0)
    assert db.session.scalar(sa.select(sa.func.count()).select_from(Report)
                             .where(Report.dismissed_at.is_(None))) == 0
    assert counter_is_true(target_of(comment))
    assert stored_comments_count(target_of(comment)) == 1
    assert len(log_entries("unhide", moderation)) == 1
    # the same people cannot hide it again
    for person in reporters:
        with pytest.raises(DomainError):
            report(comment, person)
    assert fresh(comment).hidden_at is None
    assert fresh(moderation).reports_count == 0
    # new people start a new round of reports, which may hide it again
    _, (moderation, first, hidden_now) = report_by(comment, 1)
    assert (first, hidden_now, moderation.status, moderation.reports_count) == (
        True, False, PENDING, 1)
    _, (moderation, _, hidden_now) = report_by(comment, 2)
    assert hidden_now and moderation.status is HIDDEN


def test_unhide_needs_hidden_content(comment, facilitator):
    moderation = _reported(comment)
    with pytest.raises(DomainError, match="not hidden"):
        operations.unhide_target(moderation, actor=facilitator)
    assert moderation.status is PENDING
    assert log_entries("unhide") == []


def test_ignore_reports_keeps_it_visible_and_dismisses_them(comment, facilitator):
    moderation = _reported(comment, 2)
    operations.ignore_reports(moderation, actor=facilitator)

    assert fresh(comment).hidden_at is None
    assert (moderation.status, moderation.reports_count) == (IGNORED, 0)
    assert moderation.decided_at is not None
    assert len(log_entries("ignore_reports", moderation)) == 1
    with pytest.raises(DomainError, match="no reports"):
        operations.ignore_reports(moderation, actor=facilitator)
    # two new reports do not add up with the dismissed ones
    report_by(comment, 2)
    assert fresh(comment).hidden_at is None
    assert fresh(moderation).reports_count == 2


def test_hidden_content_is_restored_not_ignored(comment, facilitator):
    moderation = _reported(comment, 3)
    with pytest.raises(DomainError):
        operations.ignore_reports(moderation, actor=facilitator)
    assert moderation.status is HIDDEN
    assert fresh(comment).hidden_at is not None


def test_keep_hidden_answers_an_open_appeal(comment, author, facilitator):
    moderation = _reported(comment, 3)
    with pytest.raises(DomainError, match="no appeal"):
        operations.keep_hidden(moderation, actor=facilitator)

    operations.appeal(moderation, "No era un insult.", actor=author)
    assert moderation.open_appeal
    operations.keep_hidden(moderation, actor=facilitator)

    assert not moderation.open_appeal
    assert moderation.status is HIDDEN
    assert fresh(comment).hidden_at is not None
    assert moderation.decided_at is not None
    assert len(log_entries("reject_appeal", moderation)) == 1
    with pytest.raises(DomainError):
        operations.keep_hidden(moderation, actor=facilitator)


def test_unhide_answers_an_open_appeal(comment, author, facilitator):
    moderation = _reported(comment, 3)
    operations.appeal(moderation, "No era un insult.", actor=author)
    operations.unhide_target(moderation, actor=facilitator)
    assert moderation.appeal_answered_at is not None
    assert not moderation.open_appeal


@pytest.mark.parametrize("decide", [
    lambda m, a: operations.hide_target(m, actor=a),
    lambda m, a: operations.ignore_reports(m, actor=a),
])
def test_only_moderators_of_the_process_decide(comment, resident, decide):
    other_facilitator = factories.make_user("facilitator", process=factories.make_process())
    moderation = _reported(comment)
    for actor in (resident, other_facilitator, comment.author):
        with pytest.raises(DomainError, match="do not moderate"):
            decide(moderation, actor)
    assert moderation.status is PENDING
    assert fresh(comment).hidden_at is None


def test_only_the_council_moderates_profiles(author, facilitator, council):
    moderation = _reported(author)
    with pytest.raises(DomainError):
        operations.hide_target(moderation, actor=facilitator)
    operations.hide_target(moderation, actor=council)
    assert fresh(author).hidden_at is not None


# --- appeals ----------------------------------------------------------------------------------


def test_the_author_appeals_hidden_content_once(comment, author):
    moderation = _reported(comment, 3)

    operations.appeal(moderation, "  Era una broma entre amics.  ", actor=author)

    assert moderation.appeal == "Era una broma entre amics."
    assert moderation.appealed_at is not None
    assert len(log_entries("appeal", moderation)) == 1
    with pytest.raises(DomainError, match="once"):
        operations.appeal(moderation, "Un altre cop.", actor=author)
    assert moderation.appeal == "Era una broma entre amics."


def test_only_the_author_appeals(comment, resident, facilitator):
    moderation = _reported(comment, 3)
    for actor in (resident, facilitator):
        with pytest.raises(DomainError):
            operations.appeal(moderation, "Deixeu-ho veure.", actor=actor)
    assert moderation.appealed_at is None


def test_visible_content_cannot_be_appealed(comment, author):
    moderation = _reported(comment, 1)
    with pytest.raises(DomainError):
        operations.appeal(moderation, "Per què?", actor=author)
    assert moderation.appealed_at is None


@pytest.mark.parametrize("text", ["", "   ", "x" * 2001])
def test_an_appeal_needs_an_explanation(comment, author, text):
    moderation = _reported(comment, 3)
    with pytest.raises(DomainError) as refused:
        operations.appeal(moderation, text, actor=author)
    assert refused.value.field == "appeal"
    assert moderation.appealed_at is None


def test_no_second_appeal_after_restore_and_hide_again(comment, author, facilitator):
    moderation = _reported(comment, 3)
    operations.appeal(moderation, "Mireu-ho bé.", actor=author)
    operations.keep_hidden(moderation, actor=facilitator)
    with pytest.raises(DomainError):
        operations.appeal(moderation, "Un altre cop.", actor=author)


# --- blocking people --------------------------------------------------------------------------


def test_block_hides_everything_the_person_wrote_and_ends_their_sessions(
        process, author, council):
    proposal = make_proposal(process, author)
    debate = make_debate(process, author)
    elsewhere = make_proposal(process, factories.make_user())
    comments = [make_comment(elsewhere, author), make_comment(debate, author),
                make_comment(proposal, factories.make_user())]
    token = author.session_token

    operations.block_user(author, actor=council)

    assert author.is_blocked
    assert author.session_token != token
    for item in (proposal, debate, comments[0], comments[1]):
        assert fresh(item).hidden_at == author.blocked_at
    assert fresh(comments[2]).hidden_at is None  # someone else's comment
    assert fresh(elsewhere).hidden_at is None
    for target in (proposal, debate, elsewhere):
        assert counter_is_true(target)
    assert stored_comments_count(elsewhere) == 0
    (entry,) = log_entries("block_user", author)
    assert (entry.actor_id, entry.data["hidden"]) == (council.id, 4)


def test_unblock_restores_exactly_what_the_block_hid(process, author, council, facilitator):
    proposal = make_proposal(process, factories.make_user())
    kept = make_comment(proposal, author, "Fora d'aquí!")
    restored = make_comment(proposal, author, "Bon dia.")
    deleted = make_comment(proposal, author, "Me'n penedeixo.")
    own_proposal = make_proposal(process, author)
    delete_comment(deleted, actor=author)
    moderation = _reported(kept)
    operations.hide_target(moderation, actor=facilitator)  # hidden for its own sake, before
    hidden_before = fresh(kept).hidden_at
    operations.block_user(author, actor=council)
    assert stored_comments_count(proposal) == 0

    operations.unblock_user(author, actor=council)

    assert not author.is_blocked
    assert fresh(restored).hidden_at is None
    assert fresh(own_proposal).hidden_at is None
    assert fresh(kept).hidden_at == hidden_before
    assert fresh(deleted).hidden_at is None and deleted.deleted_at is not None
    assert stored_comments_count(proposal) == 1 == count_visible("proposals",
                                                                 proposal.id)
    (entry,) = log_entries("unblock_user", author)
    assert entry.data["restored"] == 2
    assert moderation.status is HIDDEN


def test_content_hidden_by_a_moderator_during_the_block_stays_hidden(
        process, author, council, facilitator):
    proposal = make_proposal(process, factories.make_user())
    comment = make_comment(proposal, author)
    moderation = _reported(comment)
    operations.block_user(author, actor=council)
    operations.hide_target(moderation, actor=facilitator)

    operations.unblock_user(author, actor=council)

    assert fresh(comment).hidden_at is not None
    assert counter_is_true(proposal)


def test_block_refusals(author, council, facilitator, resident):
    other_council = factories.make_user("council")
    for actor, target in ((facilitator, author), (resident, author), (council, council),
                          (council, other_council)):
        with pytest.raises(DomainError):
            operations.block_user(target, actor=actor)
    assert not author.is_blocked and not other_council.is_blocked
    operations.block_user(author, actor=council)
    with pytest.raises(DomainError, match="already blocked"):
        operations.block_user(author, actor=council)
    with pytest.raises(DomainError):
        operations.unblock_user(author, actor=facilitator)
    operations.unblock_user(author, actor=council)
    with pytest.raises(DomainError, match="not blocked"):
        operations.unblock_user(author, actor=council)
    assert len(log_entries("block_user")) == 1 and len(log_entries("unblock_user")) == 1


def test_a_blocked_person_cannot_comment(process, author, council):
    proposal = make_proposal(process, factories.make_user())
    operations.block_user(author, actor=council)
    with pytest.raises(DomainError):
        make_comment(proposal, author)
    assert comment_rows(author_id=author.id) == 0


# --- figures and the record -------------------------------------------------------------------


def test_process_figures(process, author, facilitator):
    now = utcnow()
    hours = timedelta(hours=1)
    assert process_figures(process) == {"reported": 0, "hidden": 0, "restored": 0,
                                         "median_hours": None}
    items = [make_proposal(process, author) for _ in range(4)]
    people = [factories.make_user() for _ in range(3)]
    moderations = [report(item, people[0], now=now - (2 * i + 2) * hours)[0]
                   for i, item in enumerate(items)]
    # 0: hidden by a moderator after 2 h; 1: restored after 4 h; 2: dismissed after 6 h;
    # 3: hidden by reports, nobody decided
    operations.hide_target(moderations[0], actor=facilitator)
    report(items[1], people[1])
    report(items[1], people[2])
    operations.unhide_target(moderations[1], actor=facilitator)
    operations.ignore_reports(moderations[2], actor=facilitator)
    report(items[3], people[1])
    report(items[3], people[2])
    # another process's moderation does not count
    other = factories.make_process()
    report(make_proposal(other, author), people[0])

    figures = process_figures(process)

    assert figures["reported"] == 4
    assert figures["hidden"] == 2
    assert figures["restored"] == 1
    assert figures["median_hours"] == pytest.approx(4, abs=0.05)


def test_every_decision_is_in_the_action_log(comment, author, facilitator, council):
    moderation = _reported(comment, 3)
    operations.appeal(moderation, "Si us plau.", actor=author)
    operations.keep_hidden(moderation, actor=facilitator)
    operations.unhide_target(moderation, actor=facilitator)
    report_by(comment, 1)
    operations.ignore_reports(moderation, actor=facilitator)
    operations.hide_target(moderation, actor=facilitator)
    operations.block_user(author, actor=council)
    operations.unblock_user(author, actor=council)

    entries = [(e.verb, e.actor_id, e.target_type) for e in db.session.scalars(
        sa.select(ActionLog).where(ActionLog.verb.in_(
            ("auto_hide", "hide", "unhide", "ignore_reports", "reject_appeal", "appeal",
             "block_user", "unblock_user"))).order_by(ActionLog.id))]
    assert entries == [
        ("auto_hide", None, "moderation"),
        ("appeal", author.id, "moderation"),
        ("reject_appeal", facilitator.id, "moderation"),
        ("unhide", facilitator.id, "moderation"),
        ("ignore_reports", facilitator.id, "moderation"),
        ("hide", facilitator.id, "moderation"),
        ("block_user", council.id, "user"),
        ("unblock_user", council.id, "user"),
    ]
    assert all(e.target_id == moderation.id for e in log_entries("hide"))


def test_the_moderation_row_is_unique_per_item(comment):
    report_by(comment, 2)
    assert db.session.scalar(sa.select(sa.func.count()).select_from(Moderation)) == 1


def test_a_report_is_undone_by_a_rollback(comment, resident):
    """Operations flush, never commit: the view's rollback leaves no trace of a report."""
    db.session.commit()
    report(comment, resident)
    db.session.rollback()
    assert db.session.scalar(sa.select(sa.func.count()).select_from(Moderation)) == 0
    assert report_rows() == 0
