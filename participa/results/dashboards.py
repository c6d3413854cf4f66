"""The dashboards' figures: a plan's (its goals' indicators, its results by status and by
neighbourhood, budget planned and executed, participation in its processes by month) and the
town's "plan of plans" (every public plan side by side).

Every figure comes from aggregate SQL (GROUP BY, counts, sums, a window over each indicator's
series) in a fixed number of queries, whatever the number of goals, indicators, measurements
or results: nothing is loaded row by row. Only public things count: published results of
public plans (and of published processes), published processes, content that is neither
deleted nor hidden. The pages draw the figures (``charts`` gives every bar chart's
geometry) and keep each rendering a minute (``views``)."""

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from functools import cache

import sqlalchemy as sa
from flask_babel import lazy_gettext as _l
from sqlalchemy.orm import aliased, joinedload

from participa.budgets.models import Budget, BudgetVoter, PaperCount
from participa.comments.models import Comment
from participa.core.pagination import page_of
from participa.core.types import utcnow
from participa.extensions import db
from participa.meetings.models import Meeting, MeetingStatus, Registration, RegistrationStatus
from participa.neighbourhoods.models import Neighbourhood
from participa.plans.models import (
    CommunityPlan,
    Direction,
    Goal,
    Indicator,
    Measurement,
    PlanStatus,
    plan_neighbourhoods,
)
from participa.polls.models import Poll, PollVoter
from participa.processes.models import Process
from participa.proposals.models import Proposal, Support
from participa.results.models import DONE, Result, ResultStatus
from participa.results.queries import _public

SERIES_POINTS = 12  # the latest measurements an indicator's small chart draws
MONTHS = 12  # the latest months of participation shown


# --- the on-track rule --------------------------------------------------------------------------

def on_track(indicator) -> bool | None:
    """Whether an indicator is on track: its latest value has come at least as far from the
    baseline towards the target (in the target's direction) as the time elapsed from the
    baseline date to the date of that measurement, as a share of the time from the baseline
    date to the target date. Past the target date, it must have reached the target. None (not
    assessed) without a baseline, a target and a measurement."""
    latest = indicator.latest
    if latest is None or indicator.baseline_value is None or indicator.target_value is None:
        return None
    baseline, target = indicator.baseline_value, indicator.target_value
    span = target - baseline
    if span == 0:  # keep a level: at least as good as it, in the indicator's direction
        if indicator.direction == Direction.LOWER:
            return latest.value <= target
        return latest.value >= target
    days = (indicator.target_on - indicator.baseline_on).days
    elapsed = min(max((latest.measured_on - indicator.baseline_on).days, 0), days)
    achieved = (latest.value - baseline) / span  # a share of the way: 1 is the target
    if days == 0:
        return achieved >= 1
    return achieved * days >= elapsed


# --- a plan's goals and indicators --------------------------------------------------------------

@dataclass
class Point:
    measured_on: date
    value: Decimal
    source: str = ""
    note: str = ""


@dataclass
class IndicatorFigures:
    """What the dashboard shows of an indicator: its settings, how many measurements it has
    and its latest ones (``SERIES_POINTS`` at most, oldest first), which the plans' chart
    (``participa.plans.charts``) draws as it draws a whole series."""

    id: int
    goal_id: int
    name: str
    unit: str
    decimals: int
    direction: Direction
    source: str | None
    baseline_value: Decimal | None
    baseline_on: date | None
    target_value: Decimal | None
    target_on: date | None
    count: int = 0
    measurements: list = field(default_factory=list)

    @property
    def latest(self):
        return self.measurements[-1] if self.measurements else None

    @property
    def on_track(self) -> bool | None:
        return on_track(self)


@dataclass
class GoalFigures:
    id: int
    title: str
    indicators: list = field(default_factory=list)


def goal_figures(plan, *, offset: int = 0, limit: int | None = None) -> list[GoalFigures]:
    """The plan's goals in order (``limit`` of them from ``offset``), each with its indicators
    and their latest measurements: three queries (goals; indicators with their count of
    measurements; the latest measurements of each, by a window), however many there are."""
    query = (sa.select(Goal.id, Goal.title).where(Goal.plan_id == plan.id)
             .order_by(Goal.position, Goal.id).offset(offset))
    if limit is not None:
        query = query.limit(limit)
    goals = [GoalFigures(id=gid, title=title) for gid, title in db.session.execute(query)]
    if not goals:
        return goals
    by_goal = {goal.id: goal for goal in goals}
    counts = (sa.select(Measurement.indicator_id, sa.func.count().label("n"))
              .join(Indicator, Indicator.id == Measurement.indicator_id)
              .where(Indicator.goal_id.in_(list(by_goal)))
              .group_by(Measurement.indicator_id).subquery())
    rows = db.session.execute(
        sa.select(Indicator, sa.func.coalesce(counts.c.n, 0))
        .outerjoin(counts, counts.c.indicator_id == Indicator.id)
        .where(Indicator.goal_id.in_(list(by_goal))).order_by(Indicator.position, Indicator.id))
    indicators = {}
    for indicator, count in rows:
        figures = IndicatorFigures(
            id=indicator.id, goal_id=indicator.goal_id, name=indicator.name,
            unit=indicator.unit, decimals=indicator.decimals, direction=indicator.direction,
            source=indicator.source, baseline_value=indicator.baseline_value,
            baseline_on=indicator.baseline_on, target_value=indicator.target_value,
            target_on=indicator.target_on, count=count)
        indicators[indicator.id] = figures
        by_goal[indicator.goal_id].indicators.append(figures)
    if indicators:
        for indicator_id, measured_on, value, source, note in _latest_measurements(
                list(by_goal), SERIES_POINTS):
            indicators[indicator_id].measurements.append(Point(measured_on, value, source, note))
    return goals


def _latest_measurements(goal_ids, points: int):
    """(indicator id, date, value, source, note) of the ``points`` latest measurements of each
    indicator of the goals, oldest first: one query."""
    rank = sa.func.row_number().over(partition_by=Measurement.indicator_id,
                                     order_by=Measurement.measured_on.desc()).label("rank")
    ranked = (sa.select(Measurement.indicator_id, Measurement.measured_on, Measurement.value,
                        Measurement.source, Measurement.note, rank)
              .join(Indicator, Indicator.id == Measurement.indicator_id)
              .where(Indicator.goal_id.in_(goal_ids)).subquery())
    value = sa.type_coerce(ranked.c.value, Measurement.value.type)
    return db.session.execute(
        sa.select(ranked.c.indicator_id, ranked.c.measured_on, value, ranked.c.source,
                  ranked.c.note)
        .where(ranked.c.rank <= points)
        .order_by(ranked.c.indicator_id, ranked.c.measured_on)).all()


@dataclass
class TrackCount:
    on_track: int = 0
    off_track: int = 0
    not_assessed: int = 0

    @property
    def assessed(self) -> int:
        return self.on_track + self.off_track

    def add(self, verdict: bool | None):
        if verdict is None:
            self.not_assessed += 1
        elif verdict:
            self.on_track += 1
        else:
            self.off_track += 1


def track_counts(plan_ids) -> dict:
    """plan id → ``TrackCount`` of its indicators: one query, a row per indicator with its
    latest measurement (the greatest date of its own series: one step down the (indicator,
    day) index per indicator, never a pass over every plan's measurements)."""
    counts = {plan_id: TrackCount() for plan_id in plan_ids}
    if not counts:
        return counts
    latest = aliased(Measurement)
    last_day = (sa.select(sa.func.max(Measurement.measured_on))
                .where(Measurement.indicator_id == Indicator.id)
                .correlate(Indicator).scalar_subquery())
    rows = db.session.connection().execute(  # plain rows: a town has thousands of indicators
        sa.select(Goal.plan_id, Indicator.direction, Indicator.baseline_value,
                  Indicator.baseline_on, Indicator.target_value, Indicator.target_on,
                  latest.measured_on, latest.value)
        .join(Goal, Goal.id == Indicator.goal_id)
        .outerjoin(latest, sa.and_(latest.indicator_id == Indicator.id,
                                   latest.measured_on == last_day))
        .where(Goal.plan_id.in_(list(counts))))
    for plan_id, direction, b_value, b_on, t_value, t_on, measured_on, value in rows:
        figures = IndicatorFigures(
            id=0, goal_id=0, name="", unit="", decimals=0, direction=direction, source=None,
            baseline_value=b_value, baseline_on=b_on, target_value=t_value, target_on=t_on,
            measurements=[Point(measured_on, value)] if measured_on is not None else [])
        counts[plan_id].add(figures.on_track)
    return counts


# --- results ------------------------------------------------------------------------------------

@dataclass
class Group:
    """Results sharing a status or a neighbourhood: how many, and the budget of those that
    are not a part of another result (a parent's budget already holds its parts')."""

    label: object
    key: object = None
    count: int = 0
    planned: int = 0
    executed: int = 0


@cache
def _parent():
    """The alias a result's parent is joined under (made once the models are all mapped)."""
    return aliased(Result, name="parent_result")


def _with_parent(query):
    """``query`` of results joined to their published parent, if any (``_budget_columns``)."""
    parent = _parent()
    return query.outerjoin(parent, sa.and_(parent.id == Result.parent_id,
                                           parent.published_at.is_not(None)))


def _budget_columns():
    """How many results, and their planned and executed budget counting only those without a
    published parent (whose budget already holds theirs): the query is ``_with_parent``."""
    top = _parent().id.is_(None)
    return (sa.func.count(Result.id),
            sa.func.coalesce(sa.func.sum(sa.case((top, Result.planned_budget), else_=0)), 0),
            sa.func.coalesce(sa.func.sum(sa.case((top, Result.executed_budget), else_=0)), 0))


def results_by_status(plan) -> list[Group]:
    """Every status in the council's order, with the plan's published results in it (two
    queries)."""
    statuses = db.session.scalars(sa.select(ResultStatus)
                                  .order_by(ResultStatus.position, ResultStatus.id)).all()
    rows = {status_id: (n, planned, executed) for status_id, n, planned, executed in
            db.session.execute(_with_parent(_public(sa.select(Result.status_id,
                                                              *_budget_columns())))
                               .where(Result.plan_id == plan.id).group_by(Result.status_id))}
    return [Group(status.label, status.key, *rows.get(status.id, (0, 0, 0)))
            for status in statuses]


def results_by_neighbourhood(plan) -> list[Group]:
    """The neighbourhoods the plan's published results are in, by name, and (last, key None)
    those in none: one query."""
    rows = db.session.execute(
        _with_parent(_public(sa.select(Neighbourhood.name, Neighbourhood.slug,
                                       *_budget_columns())))
        .outerjoin(Neighbourhood, Neighbourhood.id == Result.neighbourhood_id)
        .where(Result.plan_id == plan.id)
        .group_by(Neighbourhood.id, Neighbourhood.name, Neighbourhood.slug)
        .order_by(Neighbourhood.name))
    groups = [Group(name, slug, n, planned, executed)
              for name, slug, n, planned, executed in rows]
    return sorted(groups, key=lambda g: (g.key is None, g.label or ""))


# --- participation ------------------------------------------------------------------------------

@dataclass(frozen=True)
class Measure:
    key: str
    label: object  # a lazy string
    kind: str = "number"  # how its values read: "number" or "decimal"


MEASURES = (
    Measure("people", _l("People taking part")),
    Measure("proposals", _l("Proposals")),
    Measure("supports", _l("Supports")),
    Measure("comments", _l("Comments")),
    Measure("meetings", _l("Meetings held")),
    Measure("attendance", _l("Meeting attendance")),
    Measure("ballots", _l("Ballots cast")),
    Measure("turnout", _l("Turnout (per hundred residents)"), "decimal"),
)


def _month(column, dialect: str, zoned: bool):
    """'YYYY-MM' of a date or a UTC moment (PostgreSQL: in the town's time zone)."""
    if dialect == "postgresql":
        if zoned:
            column = sa.func.timezone("Europe/Madrid", column)
        return sa.func.to_char(column, "YYYY-MM")
    return sa.func.strftime("%Y-%m", column)


def _public_process_ids(plan_ids) -> list[int]:
    """The ids of the plans' published processes (one query): given to the counts as a list,
    so that the database plans each count with the statistics of those very processes."""
    return list(db.session.scalars(sa.select(Process.id).where(
        Process.plan_id.in_(list(plan_ids)), Process.is_published.is_(True))))


def _activities(process_ids, dialect):
    """Selects of (plan id, month, person) for everything people do in the processes:
    proposing, supporting, commenting, registering for a meeting, voting online."""
    return [
        sa.select(Process.plan_id, _month(Proposal.created_at, dialect, True),
                  Proposal.author_id).join(Process, Process.id == Proposal.process_id)
        .where(Proposal.process_id.in_(process_ids), Proposal.deleted_at.is_(None),
               Proposal.hidden_at.is_(None)),
        sa.select(Process.plan_id, _month(Support.created_at, dialect, True), Support.user_id)
        .join(Process, Process.id == Support.process_id)
        .where(Support.process_id.in_(process_ids)),
        sa.select(Process.plan_id, _month(Comment.created_at, dialect, True), Comment.author_id)
        .join(Process, Process.id == Comment.process_id)
        .where(Comment.process_id.in_(process_ids), Comment.deleted_at.is_(None),
               Comment.hidden_at.is_(None)),
        sa.select(Process.plan_id, _month(Registration.created_at, dialect, True),
                  Registration.user_id).join(Meeting, Meeting.id == Registration.meeting_id)
        .join(Process, Process.id == Meeting.process_id)
        .where(Meeting.process_id.in_(process_ids),
               Registration.status != RegistrationStatus.CANCELLED),
        *_votes(process_ids, dialect),
    ]


def _votes(process_ids, dialect):
    return [
        sa.select(Process.plan_id, _month(BudgetVoter.voted_on, dialect, False),
                  BudgetVoter.user_id)
        .join(Budget, Budget.id == BudgetVoter.budget_id)
        .join(Process, Process.id == Budget.process_id)
        .where(Budget.process_id.in_(process_ids)),
        sa.select(Process.plan_id, _month(PollVoter.voted_on, dialect, False), PollVoter.user_id)
        .join(Poll, Poll.id == PollVoter.poll_id).join(Process, Process.id == Poll.process_id)
        .where(Poll.process_id.in_(process_ids)),
    ]


def _dialect() -> str:
    return db.session.get_bind().dialect.name


@dataclass
class Month:
    month: str  # YYYY-MM
    people: int = 0
    proposals: int = 0
    supports: int = 0
    comments: int = 0
    meetings: int = 0
    attendance: int = 0
    ballots: int = 0
    turnout: Decimal | None = None

    @property
    def first_day(self) -> date:
        return date(int(self.month[:4]), int(self.month[5:]), 1)


def participation(plan, *, months: int = MONTHS) -> list[Month]:
    """The latest ``months`` months with activity in the plan's public processes, oldest first:
    distinct people taking part, proposals, supports, comments, meetings held and their
    recorded attendance, ballots cast (online, on paper, in polls) and turnout (people voting
    online per hundred residents of the plan's neighbourhoods). Four queries."""
    dialect = _dialect()
    processes = _public_process_ids([plan.id])
    now = utcnow()
    counts = sa.union_all(
        sa.select(sa.literal("proposals"), _month(Proposal.created_at, dialect, True),
                  sa.func.count(), sa.literal(0))
        .where(Proposal.process_id.in_(processes), Proposal.deleted_at.is_(None),
               Proposal.hidden_at.is_(None)).group_by(sa.literal_column("2")),
        sa.select(sa.literal("supports"), _month(Support.created_at, dialect, True),
                  sa.func.count(), sa.literal(0))
        .where(Support.process_id.in_(processes)).group_by(sa.literal_column("2")),
        sa.select(sa.literal("comments"), _month(Comment.created_at, dialect, True),
                  sa.func.count(), sa.literal(0))
        .where(Comment.process_id.in_(processes), Comment.deleted_at.is_(None),
               Comment.hidden_at.is_(None)).group_by(sa.literal_column("2")),
        sa.select(sa.literal("meetings"), _month(Meeting.ends_at, dialect, True),
                  sa.func.count(), sa.func.coalesce(sa.func.sum(Meeting.attendees_count), 0))
        .where(Meeting.process_id.in_(processes),
               Meeting.status.in_([MeetingStatus.PUBLISHED, MeetingStatus.CLOSED]),
               Meeting.hidden_at.is_(None), Meeting.ends_at < now)
        .group_by(sa.literal_column("2")),
        sa.select(sa.literal("ballots"), _month(BudgetVoter.voted_on, dialect, False),
                  sa.func.count(), sa.literal(0))
        .join(Budget, Budget.id == BudgetVoter.budget_id)
        .where(Budget.process_id.in_(processes)).group_by(sa.literal_column("2")),
        sa.select(sa.literal("ballots"), _month(PaperCount.created_at, dialect, True),
                  sa.func.coalesce(sa.func.sum(PaperCount.ballots), 0), sa.literal(0))
        .join(Budget, Budget.id == PaperCount.budget_id)
        .where(Budget.process_id.in_(processes)).group_by(sa.literal_column("2")),
        sa.select(sa.literal("ballots"), _month(PollVoter.voted_on, dialect, False),
                  sa.func.count(), sa.literal(0))
        .join(Poll, Poll.id == PollVoter.poll_id)
        .where(Poll.process_id.in_(processes)).group_by(sa.literal_column("2")),
    )
    table: dict[str, Month] = {}

    def month(key):
        return table.setdefault(key, Month(key))

    for kind, key, n, attended in db.session.execute(counts):
        figures = month(key)
        setattr(figures, kind, getattr(figures, kind) + int(n))
        if kind == "meetings":
            figures.attendance += int(attended)
    people = sa.union(*_activities(processes, dialect)).subquery()
    for key, n in db.session.execute(
            sa.select(people.c[1], sa.func.count()).group_by(people.c[1])):
        month(key).people = n
    population = _population(plan)
    voters = sa.union(*_votes(processes, dialect)).subquery()
    for key, n in db.session.execute(
            sa.select(voters.c[1], sa.func.count()).group_by(voters.c[1])):
        if population:
            month(key).turnout = (Decimal(n) * 100 / Decimal(population)).quantize(
                Decimal("0.01"))
    return [table[key] for key in sorted(table)[-months:]]


def _population(plan) -> int | None:
    return db.session.scalar(
        sa.select(sa.func.sum(Neighbourhood.population))
        .join(plan_neighbourhoods, plan_neighbourhoods.c.neighbourhood_id == Neighbourhood.id)
        .where(plan_neighbourhoods.c.plan_id == plan.id))


# --- a plan's dashboard -------------------------------------------------------------------------

GOALS_PER_PAGE = 10  # goals (with their indicators' charts) on a page of a plan's dashboard


@dataclass
class PlanDashboard:
    plan: object
    goals: object  # a Page of GoalFigures
    track: TrackCount  # every indicator of the plan, not only the page's
    by_status: list
    by_neighbourhood: list
    months: list

    @property
    def results_count(self) -> int:
        return sum(g.count for g in self.by_status)

    @property
    def planned(self) -> int:
        return sum(g.planned for g in self.by_status)

    @property
    def executed(self) -> int:
        return sum(g.executed for g in self.by_status)


def plan_dashboard(plan, page: int = 1, per_page: int = GOALS_PER_PAGE) -> PlanDashboard:
    """Everything a page of ``/plans/<slug>/dashboard`` shows (``per_page`` goals with their
    indicators; the figures of the whole plan): a dozen queries, whatever the plan holds."""
    goals = goal_figures(plan, offset=(page - 1) * per_page, limit=per_page + 1)
    return PlanDashboard(plan=plan, goals=page_of(goals, page, per_page),
                         track=track_counts([plan.id])[plan.id],
                         by_status=results_by_status(plan),
                         by_neighbourhood=results_by_neighbourhood(plan),
                         months=participation(plan))


# --- the town: every public plan side by side ---------------------------------------------------

@dataclass
class PlanRow:
    plan: object
    track: TrackCount
    results: int = 0
    done: int = 0
    planned: int = 0
    executed: int = 0
    people: int = 0

    @property
    def executed_share(self) -> float | None:
        return self.executed / self.planned if self.planned else None


def town_rows(neighbourhood_id: int | None = None, plan_ids=None) -> list[PlanRow]:
    """Every public plan (in a neighbourhood, or among ``plan_ids``), most active first then
    by title, with its goals on track, results done, budget executed and people taking part:
    five queries, however many plans, indicators and results."""
    query = (sa.select(CommunityPlan).where(CommunityPlan.status != PlanStatus.DRAFT)
             .order_by(CommunityPlan.status, CommunityPlan.title))
    if neighbourhood_id is not None:
        query = query.where(CommunityPlan.neighbourhoods.any(id=neighbourhood_id))
    if plan_ids is not None:
        query = query.where(CommunityPlan.id.in_(list(plan_ids)))
    plans = list(db.session.scalars(query))
    if not plans:
        return []
    ids = [plan.id for plan in plans]
    tracks = track_counts(ids)
    rows = {plan.id: PlanRow(plan=plan, track=tracks[plan.id]) for plan in plans}
    done = sa.func.coalesce(sa.func.sum(sa.case((ResultStatus.key == DONE, 1), else_=0)), 0)
    for plan_id, n, planned, executed, n_done in db.session.execute(
            _with_parent(_public(sa.select(Result.plan_id, *_budget_columns(), done)))
            .join(ResultStatus, ResultStatus.id == Result.status_id)
            .where(Result.plan_id.in_(ids)).group_by(Result.plan_id)):
        row = rows[plan_id]
        row.results, row.planned, row.executed, row.done = n, planned, executed, n_done
    activity = sa.union(*[_plan_person(q) for q in _activities(_public_process_ids(ids),
                                                                _dialect())]).subquery()
    for plan_id, n in db.session.execute(
            sa.select(activity.c[0], sa.func.count()).group_by(activity.c[0])):
        if plan_id in rows:
            rows[plan_id].people = n
    return list(rows.values())


def _plan_person(select):
    """(plan id, person) of an activity select (its month left out), for counting people."""
    inner = select.subquery()
    return sa.select(inner.c[0], inner.c[2])


def results_in_neighbourhood(neighbourhood_id: int, *, limit: int = 10):
    """(how many, the ``limit`` latest) published results located in a neighbourhood, with their
    plan and status: two queries."""
    count = db.session.scalar(_public(sa.select(sa.func.count(Result.id)))
                              .where(Result.neighbourhood_id == neighbourhood_id)) or 0
    latest = list(db.session.scalars(
        _public(sa.select(Result)).where(Result.neighbourhood_id == neighbourhood_id)
        .options(joinedload(Result.status), joinedload(Result.plan))
        .order_by(Result.id.desc()).limit(limit)))
    return count, latest


def plans_touching(neighbourhood_id: int) -> list[int]:
    """The public plans of a neighbourhood or with a published result in it (one query)."""
    of_place = sa.select(plan_neighbourhoods.c.plan_id).where(
        plan_neighbourhoods.c.neighbourhood_id == neighbourhood_id)
    with_result = _public(sa.select(Result.plan_id)).where(
        Result.neighbourhood_id == neighbourhood_id)
    return list(db.session.scalars(sa.union(of_place, with_result)))
