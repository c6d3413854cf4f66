"""Reporting and automatic hiding, without HTTP: one report per person and item, the
threshold, counters and the Moderation row."""

import pytest
import sqlalchemy as sa
from flask_login import AnonymousUserMixin

from participa.comments.operations import delete_comment
from participa.comments.queries import count_visible
from participa.core.content import kind_of
from participa.core.errors import DomainError
from participa.extensions import db
from participa.moderation import operations
from participa.moderation.models import HideCause, Report, ReportReason
from participa.moderation.notifications import moderators_of
from participa.moderation.permissions import can_moderate
from participa.moderation.queries import moderation_of
from tests.support import factories
from tests.support.comments import counter_is_true, make_comment, stored_comments_count
from tests.support.debates import make_debate
from tests.support.moderation import (
    HIDDEN,
    KINDS,
    PENDING,
    fresh,
    item_of,
    report,
    report_by,
    report_rows,
    target_of,
)
from tests.support.proposals import make_proposal
from tests.support.records import log_entries

# --- reporting --------------------------------------------------------------------------------


@pytest.mark.parametrize("kind", KINDS)
def test_each_kind_can_be_reported(kind, process, author, facilitator, resident):
    item = item_of(kind, process, author, facilitator)

    moderation, first, hidden_now = report(item, resident, "offensive", "  Insults.  ")

    assert (first, hidden_now) == (True, False)
    assert moderation.target_kind == kind_of(item).value
    assert moderation.target_kind == {"proposal": "proposals", "debate": "debates",
                                            "comment": "comments", "meeting": "meetings",
                                            "user": "people"}[kind]
    assert moderation.target_id == item.id
    assert moderation.process_id == (None if kind == "user" else process.id)
    expected_author = facilitator if kind == "meeting" else author
    assert moderation.author_id == expected_author.id
    assert (moderation.status, moderation.reports_count) == (PENDING, 1)
    (row,) = db.session.scalars(sa.select(Report)).all()
    assert (row.reporter_id, row.reason, row.details) == (
        resident.id, ReportReason.OFFENSIVE, "Insults.")
    assert moderation_of(item) is moderation


@pytest.mark.parametrize("kind", KINDS)
def test_reporting_ones_own_content_is_refused(kind, process, author, facilitator):
    item = item_of(kind, process, author, facilitator)
    own = facilitator if kind == "meeting" else author

    with pytest.raises(DomainError):
        report(item, own)

    assert report_rows() == 0


def test_a_person_reports_an_item_once(comment, resident):
    report(comment, resident, "spam")

    with pytest.raises(DomainError, match="already reported"):
        report(comment, resident, "offensive")

    moderation = moderation_of(comment)
    assert report_rows(moderation.id) == 1
    assert fresh(moderation).reports_count == 1


def test_one_person_may_report_different_items(process, author, resident):
    proposal = make_proposal(process, author)
    debate = make_debate(process, author)
    report(proposal, resident)
    report(debate, resident)
    assert report_rows() == 2


@pytest.mark.parametrize("reason", ["", None, "rude", "SPAM"])
def test_a_reason_is_required(comment, resident, reason):
    with pytest.raises(DomainError) as refused:
        operations.report_target(comment, reason=reason, actor=resident)
    assert refused.value.field == "reason"
    assert report_rows() == 0


@pytest.mark.parametrize("reason", [r.value for r in ReportReason])
def test_every_reason_is_accepted(comment, resident, reason):
    moderation, _, _ = report(comment, resident, reason)
    assert moderation.reports[0].reason is ReportReason(reason)


def test_details_hold_at_most_1000_characters(comment, resident):
    with pytest.raises(DomainError) as refused:
        report(comment, resident, "other", "x" * 1001)
    assert refused.value.field == "details"
    assert report_rows() == 0

    moderation, _, _ = report(comment, resident, "other", "x" * 1000)
    assert len(moderation.reports[0].details) == 1000


def test_blocked_people_and_visitors_cannot_report(comment, resident, council):
    operations.block_user(resident, actor=council)
    with pytest.raises(DomainError):
        report(comment, resident)
    with pytest.raises(DomainError):
        report(comment, AnonymousUserMixin())
    assert report_rows() == 0


# --- automatic hiding -------------------------------------------------------------------------


def test_the_third_different_person_hides_a_comment(comment):
    target = target_of(comment)
    assert stored_comments_count(target) == 1

    people, (moderation, first, hidden_now) = report_by(comment, 2)
    assert (first, hidden_now) == (False, False)
    assert comment.hidden_at is None
    assert stored_comments_count(target) == 1

    moderation, first, hidden_now = report(comment, factories.make_user())

    assert (first, hidden_now) == (False, True)
    assert fresh(comment).hidden_at is not None
    assert (moderation.status, moderation.hide_cause, moderation.reports_count) == (
        HIDDEN, HideCause.REPORTS, 3)
    assert moderation.decided_at is None  # nobody decided: it was automatic
    assert stored_comments_count(target) == 0 == count_visible("proposals", target.id)
    (entry,) = log_entries("auto_hide", moderation)
    assert entry.actor_id is None
    assert entry.data["reports"] == 3
    assert entry.data["process_id"] == comment.process_id


def test_reports_after_hiding_do_not_hide_twice(comment):
    report_by(comment, 3)
    _, (moderation, _, hidden_now) = report_by(comment, 2)
    assert hidden_now is False
    assert moderation.reports_count == 5
    assert len(log_entries("auto_hide")) == 1
    assert counter_is_true(target_of(comment))


@pytest.mark.parametrize("kind", ["proposal", "debate"])
def test_other_process_items_are_hidden_after_the_threshold(kind, process, author,
                                                            facilitator):
    item = item_of(kind, process, author, facilitator)
    report_by(item, 2)
    assert fresh(item).hidden_at is None
    _, (moderation, _, hidden_now) = report_by(item, 1)
    assert hidden_now
    assert fresh(item).hidden_at is not None
    assert moderation.status is HIDDEN


@pytest.mark.parametrize("kind", ["meeting", "debate"])
def test_official_content_waits_for_the_council_instead(kind, process, facilitator):
    """What the process's facilitators (or the council) published is never hidden by reports
    alone: it waits, reported, in the council's queue, and the council is told."""
    council = factories.make_user("council", locale="en")
    item = item_of(kind, process, facilitator, facilitator)
    _, (moderation, _, hidden_now) = report_by(item, 5)
    assert not hidden_now and fresh(item).hidden_at is None
    assert moderation.status is PENDING and moderation.reports_count == 5
    assert moderators_of(moderation) == [council]
    assert not can_moderate(facilitator, moderation)  # nobody decides about their own


@pytest.mark.parametrize("threshold, hidden_after", [(1, 1), (2, 2), (5, 5)])
def test_the_process_sets_the_threshold(process, comment, threshold, hidden_after):
    process.hide_after_reports = threshold
    db.session.flush()
    report_by(comment, hidden_after - 1)
    assert fresh(comment).hidden_at is None
    _, (_, _, hidden_now) = report_by(comment, 1)
    assert hidden_now and fresh(comment).hidden_at is not None


def test_threshold_zero_never_hides(process, comment):
    process.hide_after_reports = 0
    db.session.flush()
    _, (moderation, _, hidden_now) = report_by(comment, 10)
    assert not hidden_now
    assert fresh(comment).hidden_at is None
    assert (moderation.status, moderation.reports_count) == (PENDING, 10)
    assert log_entries("auto_hide") == []


def test_profiles_use_the_site_threshold(app, author, monkeypatch):
    monkeypatch.setitem(app.config, "MODERATION_HIDE_AFTER", 2)
    report_by(author, 1)
    assert fresh(author).hidden_at is None
    _, (moderation, _, hidden_now) = report_by(author, 1)
    assert hidden_now and fresh(author).hidden_at is not None
    assert moderation.process_id is None


def test_profiles_are_never_hidden_with_site_threshold_zero(app, author, monkeypatch):
    monkeypatch.setitem(app.config, "MODERATION_HIDE_AFTER", 0)
    report_by(author, 6)
    assert fresh(author).hidden_at is None


def test_a_process_threshold_does_not_apply_to_profiles(app, process, author, monkeypatch):
    monkeypatch.setitem(app.config, "MODERATION_HIDE_AFTER", 3)
    process.hide_after_reports = 1
    db.session.flush()
    report_by(author, 2)
    assert fresh(author).hidden_at is None


def test_hiding_a_reply_keeps_the_counter_true(process, author):
    proposal = make_proposal(process, factories.make_user())
    root = make_comment(proposal, factories.make_user())
    reply = make_comment(proposal, author, parent=root)
    make_comment(proposal, factories.make_user())
    assert stored_comments_count(proposal) == 3

    report_by(reply, 3)

    assert stored_comments_count(proposal) == 2 == count_visible("proposals",
                                                                 proposal.id)


def test_a_deleted_comment_hidden_later_is_not_counted_twice(comment, author):
    target = target_of(comment)
    report_by(comment, 2)
    delete_comment(comment, actor=author)
    assert stored_comments_count(target) == 0
    report_by(comment, 1)
    assert stored_comments_count(target) == 0 == count_visible("proposals", target.id)
