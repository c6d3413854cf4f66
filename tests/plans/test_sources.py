"""Indicators computed from the platform: the registry the content packages fill, what each
source counts (by the end of a given day, in the plan's processes only), the refresh that keeps
one measurement a day, ``participa plans refresh-indicators`` and the worker's daily run."""

from datetime import datetime, time, timedelta
from decimal import Decimal

import pytest
import sqlalchemy as sa

from participa.budgets.models import BudgetVoter, PaperCount
from participa.comments.models import Comment
from participa.core.jobs import DailyRun, run_daily_tasks
from participa.core.models import ActionLog
from participa.core.timeutil import local_date, local_to_utc
from participa.core.types import utcnow
from participa.extensions import db
from participa.meetings.models import MeetingStatus, Registration, RegistrationStatus
from participa.plans import operations
from participa.plans.models import Measurement, PlanStatus
from participa.plans.sources import indicator_source, indicator_sources
from participa.polls.models import PollVoter
from participa.proposals.models import Support
from tests.support import factories
from tests.support.budgets import make_budget
from tests.support.meetings import make_meeting
from tests.support.plans import make_goal, make_indicator
from tests.support.polls import make_poll
from tests.support.proposals import make_proposal

TODAY = local_date()
YESTERDAY = TODAY - timedelta(days=1)
KEYS = {"proposals", "meetings_held", "meeting_attendance", "participants", "ballots_cast",
        "turnout"}


def at(day, hour=12):
    """Noon (or ``hour``) of the town's ``day``, in UTC."""
    return local_to_utc(datetime.combine(day, time(hour)))


def value(key, plan, on=TODAY):
    return indicator_source(key).compute(plan, on)


@pytest.fixture
def council():
    return factories.make_user("council")


@pytest.fixture
def town(council):
    """A plan (of a neighbourhood of 2,000 people) with two processes, and a process of another
    plan whose activity must never count."""
    barri = factories.make_neighbourhood(population=2000)
    plan = factories.make_plan(neighbourhoods=[barri])
    ours = factories.make_process(plan=plan)
    also_ours = factories.make_process(plan=plan)
    theirs = factories.make_process(plan=factories.make_plan())
    return plan, ours, also_ours, theirs


def test_the_content_packages_register_their_sources(app):
    assert KEYS <= {source.key for source in indicator_sources()}
    assert indicator_source(None) is None and indicator_source("nothing") is None


def test_an_empty_plan_counts_zero(town):
    plan = town[0]
    for key in KEYS - {"turnout"}:
        assert value(key, plan) == 0, key
    assert value("turnout", plan) == Decimal("0.00")
    assert value("turnout", factories.make_plan()) is None  # no population to count against


def test_proposals_count_by_day_in_the_plans_processes_only(town):
    plan, ours, also_ours, theirs = town
    author = factories.make_user()
    old = make_proposal(ours, author)
    old.created_at = at(YESTERDAY)
    make_proposal(also_ours, author)
    make_proposal(theirs, author)
    gone = make_proposal(ours, author)
    gone.deleted_at = utcnow()
    db.session.flush()
    assert value("proposals", plan) == 2
    assert value("proposals", plan, YESTERDAY) == 1
    assert value("proposals", plan, YESTERDAY - timedelta(days=1)) == 0


def test_meetings_held_and_their_attendance(town, council):
    plan, ours, _also, theirs = town

    def meeting(process, day, status, attendees=None):
        item = make_meeting(process, council)
        item.starts_at, item.ends_at = at(day, 18), at(day, 20)
        item.status, item.attendees_count = status, attendees
        return item

    meeting(ours, YESTERDAY, MeetingStatus.CLOSED, 23)
    meeting(ours, TODAY - timedelta(days=10), MeetingStatus.CLOSED, 12)
    meeting(ours, TODAY - timedelta(days=5), MeetingStatus.PUBLISHED)  # held, no minutes yet
    meeting(ours, TODAY - timedelta(days=3), MeetingStatus.CANCELLED, 40)
    meeting(ours, TODAY + timedelta(days=7), MeetingStatus.PUBLISHED)  # still to come
    meeting(theirs, YESTERDAY, MeetingStatus.CLOSED, 99)
    db.session.flush()
    assert value("meetings_held", plan) == 3
    assert value("meeting_attendance", plan) == 35
    assert value("meetings_held", plan, TODAY - timedelta(days=6)) == 1
    assert value("meeting_attendance", plan, TODAY - timedelta(days=6)) == 12


def test_participants_are_distinct_people_doing_anything_in_the_plan(town, council):
    plan, ours, also_ours, theirs = town
    proposer, supporter, commenter, registered, voter, outsider = (
        factories.make_user() for _ in range(6))
    proposal = make_proposal(ours, proposer)
    db.session.add_all([
        Support(proposal_id=proposal.id, user_id=supporter.id, process_id=ours.id),
        Support(proposal_id=proposal.id, user_id=proposer.id, process_id=ours.id),  # again
        Comment(process_id=also_ours.id, target_kind="proposals", target_id=proposal.id,
                author_id=commenter.id, body="Hi estic d'acord."),
    ])
    gathering = make_meeting(also_ours, council)
    db.session.add(Registration(meeting_id=gathering.id, user_id=registered.id, code="ABC123",
                                queued_at=utcnow()))
    db.session.add(Registration(meeting_id=gathering.id, user_id=outsider.id, code="ABC124",
                                queued_at=utcnow(), status=RegistrationStatus.CANCELLED))
    budget = make_budget(ours, actor=council)
    db.session.add(BudgetVoter(budget_id=budget.id, user_id=voter.id, voted_on=TODAY))
    poll = make_poll(ours, actor=council)
    db.session.add(PollVoter(poll_id=poll.id, user_id=voter.id, voted_on=TODAY))  # the same
    other = make_proposal(theirs, outsider)
    db.session.add(Support(proposal_id=other.id, user_id=outsider.id, process_id=theirs.id))
    db.session.flush()
    assert value("participants", plan) == 5
    assert value("participants", plan, YESTERDAY) == 0


def test_ballots_cast_and_turnout(town, council):
    plan, ours, also_ours, theirs = town
    budget = make_budget(ours, actor=council)
    poll = make_poll(also_ours, actor=council)
    voters = [factories.make_user() for _ in range(4)]
    for person in voters[:3]:
        db.session.add(BudgetVoter(budget_id=budget.id, user_id=person.id, voted_on=TODAY))
    db.session.add(BudgetVoter(budget_id=budget.id, user_id=voters[3].id, voted_on=YESTERDAY))
    db.session.add(PollVoter(poll_id=poll.id, user_id=voters[0].id, voted_on=TODAY))
    db.session.add(PaperCount(budget_id=budget.id, place="Casal", ballots=30, votes={},
                              created_at=at(TODAY)))
    elsewhere = make_budget(theirs, actor=council)
    db.session.add(BudgetVoter(budget_id=elsewhere.id, user_id=voters[0].id, voted_on=TODAY))
    db.session.flush()
    assert value("ballots_cast", plan) == 4 + 1 + 30
    assert value("ballots_cast", plan, YESTERDAY) == 1
    assert value("turnout", plan) == Decimal("0.20")  # 4 people of 2,000
    assert value("turnout", plan, YESTERDAY) == Decimal("0.05")


def test_sources_cost_a_fixed_number_of_queries(app, town):
    from tests.support.queries import counting

    plan = town[0]
    author = factories.make_user()
    for process in town[1:3]:
        for _ in range(5):
            make_proposal(process, author)
    db.session.flush()
    for key in KEYS:
        with counting(app) as statements:
            value(key, plan)
        assert len(statements) <= 2, (key, statements)


# --- refreshing --------------------------------------------------------------------------------


def computed(plan, key="proposals"):
    return make_indicator(make_goal(plan), source=key, baseline_value=None, baseline_on=None,
                          target_value=None, target_on=None, name=f"Computed {key}")


def test_a_refresh_keeps_one_measurement_a_day(town, council):
    plan, ours = town[0], town[1]
    indicator = computed(plan)
    by_hand = make_indicator(indicator.goal, name="By hand")
    make_proposal(ours, factories.make_user())
    assert operations.refresh_plan_indicators(plan, on=TODAY, actor=council) == 1
    make_proposal(ours, factories.make_user())
    assert operations.refresh_plan_indicators(plan, on=TODAY, actor=council) == 1
    operations.refresh_plan_indicators(plan, on=YESTERDAY, actor=council)
    db.session.commit()
    db.session.expire_all()
    rows = db.session.execute(sa.select(Measurement.measured_on, Measurement.value,
                                        Measurement.source)
                              .where(Measurement.indicator_id == indicator.id)
                              .order_by(Measurement.measured_on)).all()
    assert [(day, int(v), source) for day, v, source in rows] == [
        (YESTERDAY, 0, "Participa"), (TODAY, 2, "Participa")]
    assert by_hand.measurements == []
    entries = list(db.session.scalars(sa.select(ActionLog).where(
        ActionLog.verb == "refresh_indicators").order_by(ActionLog.id)))
    assert len(entries) == 3 and entries[0].data == {"on": TODAY.isoformat(), "indicators": 1}


def test_a_source_with_no_figure_records_nothing(council):
    plan = factories.make_plan()  # no neighbourhood, so no population
    indicator = computed(plan, "turnout")
    assert operations.refresh_indicator(indicator, on=TODAY) is None
    assert operations.refresh_plan_indicators(plan, on=TODAY, actor=council) == 0


def test_refreshing_every_plan_skips_closed_ones(council):
    active, closed = factories.make_plan(), factories.make_plan(status=PlanStatus.CLOSED)
    draft = factories.make_plan(status=PlanStatus.DRAFT)
    for plan in (active, closed, draft):
        computed(plan)
    factories.make_plan()  # without computed indicators: not even logged
    assert operations.refresh_all_indicators(on=TODAY) == 2
    logged = {e.target_id for e in db.session.scalars(sa.select(ActionLog).where(
        ActionLog.verb == "refresh_indicators"))}
    assert logged == {active.id, draft.id}


def test_the_command_refreshes_every_plan(app, town, commit):
    plan = town[0]
    indicator = computed(plan)
    make_proposal(town[1], factories.make_user())
    commit()
    runner = app.test_cli_runner()
    result = runner.invoke(args=["plans", "refresh-indicators"])
    assert result.exit_code == 0, result.output
    assert f"Indicators refreshed for {TODAY.isoformat()}: 1." in result.output
    result = runner.invoke(args=["plans", "refresh-indicators", "--date",
                                 YESTERDAY.isoformat()])
    assert result.exit_code == 0, result.output
    db.session.expire_all()
    assert sorted((m.measured_on, int(m.value)) for m in db.session.scalars(
        sa.select(Measurement).where(Measurement.indicator_id == indicator.id))) == [
        (YESTERDAY, 0), (TODAY, 1)]


def test_the_worker_refreshes_the_indicators_once_a_day(app, town, commit):
    plan = town[0]
    indicator = computed(plan)
    make_proposal(town[1], factories.make_user())
    commit()
    now = utcnow()
    assert "plans.refresh_indicators" in run_daily_tasks(app.config, now=now)
    assert run_daily_tasks(app.config, now=now + timedelta(hours=23)) == []
    db.session.expire_all()
    assert len(db.session.scalars(sa.select(Measurement).where(
        Measurement.indicator_id == indicator.id)).all()) == 1
    assert "plans.refresh_indicators" in run_daily_tasks(app.config,
                                                         now=now + timedelta(hours=25))
    assert db.session.get(DailyRun, "plans.refresh_indicators").last_run_at == now + timedelta(
        hours=25)


def test_a_refresh_racing_another_updates_the_days_measurement(town, monkeypatch):
    """The worker and the button at once: the one that finds today's row written meanwhile
    (its insert refused by the database) updates it instead of failing."""
    plan, ours = town[0], town[1]
    indicator = computed(plan)
    operations.refresh_indicator(indicator, on=TODAY)
    make_proposal(ours, factories.make_user())
    db.session.flush()
    real = db.session.scalar
    calls = []

    def unlucky(statement, *args, **kwargs):  # the first look misses the other's row
        if "plan_measurements" in str(statement):
            calls.append(statement)
            if len(calls) == 1:
                return None
        return real(statement, *args, **kwargs)

    monkeypatch.setattr(db.session, "scalar", unlucky)
    measurement = operations.refresh_indicator(indicator, on=TODAY)
    monkeypatch.undo()
    db.session.flush()
    assert measurement.value == 1 and len(calls) == 2
    assert db.session.scalar(sa.select(sa.func.count()).select_from(Measurement)) == 1
