"""Participatory budgets: a budget, its projects, the voter roll and the ballot box.

Secrecy is in the schema. The roll (``budget_voters``: who voted, their neighbourhood, the day)
and the box (``budget_ballots``: what was chosen, with its receipt) share no column: a ballot's
key is a keyed hash of (person, budget) under ``PARTICIPA_BALLOT_KEY``, which lives in the
configuration and never in the database; ballots carry no time finer than the day and no
sequential id; and when voting closes the box is rewritten in random order
(``participa.core.secrecy.rewrite_in_random_order``), so the order rows were stored in cannot
be matched with the roll's either."""

from datetime import date, datetime

import sqlalchemy as sa
from flask_babel import lazy_gettext as _l
from sqlalchemy.orm import Mapped, mapped_column, relationship

from participa.core.enums import LabelledEnum
from participa.core.models import TimestampMixin, enum_column
from participa.core.types import UTCDateTime
from participa.extensions import db

TEXT_LIMIT = 10_000  # characters of a budget's or a project's description
MAX_AMOUNT = 1_000_000_000  # euros: a town's budget, with room to spare, within 32 bits


class BallotKind(LabelledEnum):
    KNAPSACK = "knapsack", _l("Projects within the budget")
    APPROVAL = "approval", _l("A number of projects")


class CountingRule(LabelledEnum):
    EQUAL_SHARES = "equal-shares", _l("Method of Equal Shares")
    GREEDY = "greedy", _l("Most votes first (greedy)")


class BudgetState(LabelledEnum):
    OPEN = "open", _l("Open")  # prepared, then voted while the process's phase allows it
    CLOSED = "closed", _l("Voting closed")
    PUBLISHED = "published", _l("Results published")


class Budget(TimestampMixin, db.Model):
    """An amount of money a process lets residents share out among projects by voting."""

    __tablename__ = "budgets"

    id: Mapped[int] = mapped_column(primary_key=True)
    process_id: Mapped[int] = mapped_column(
        sa.ForeignKey("processes.id", ondelete="CASCADE"), nullable=False, index=True
    )
    title: Mapped[str] = mapped_column(sa.String(150), nullable=False)
    description: Mapped[str] = mapped_column(sa.Text, nullable=False, default="")
    amount: Mapped[int] = mapped_column(sa.Integer, nullable=False)  # whole euros
    # the neighbourhood the budget is for; None: the whole town
    neighbourhood_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("neighbourhoods.id", ondelete="SET NULL"), nullable=True
    )
    ballot_kind: Mapped[BallotKind] = enum_column(BallotKind, "ballot_kind", nullable=False,
                                                  default=BallotKind.KNAPSACK)
    # knapsack: a ballot must spend at least this percentage of the amount (0: no minimum)
    minimum_share: Mapped[int] = mapped_column(sa.Integer, nullable=False, default=0)
    # approval: how many projects a ballot chooses
    min_choices: Mapped[int] = mapped_column(sa.Integer, nullable=False, default=1)
    max_choices: Mapped[int | None] = mapped_column(sa.Integer, nullable=True)
    rule: Mapped[CountingRule] = enum_column(CountingRule, "counting_rule", nullable=False,
                                             default=CountingRule.EQUAL_SHARES)
    # eligibility: signed in; census-verified residents of the neighbourhood; a minimum age
    census_required: Mapped[bool] = mapped_column(sa.Boolean, nullable=False, default=False)
    minimum_age: Mapped[int | None] = mapped_column(sa.Integer, nullable=True)
    state: Mapped[BudgetState] = enum_column(BudgetState, "budget_state", nullable=False,
                                             default=BudgetState.OPEN)
    # set by the first ballot, atomically: from then on the rules cannot change
    frozen_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    closed_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    published_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    # the outcome of each rule, fixed when the council publishes the results
    results: Mapped[dict | None] = mapped_column(sa.JSON, nullable=True)
    # an imported Pabulib file's META, as it came (its results page says where it is from)
    source: Mapped[dict | None] = mapped_column(sa.JSON, nullable=True)

    process = relationship("Process")
    neighbourhood = relationship("Neighbourhood")
    projects = relationship("BudgetProject", back_populates="budget",
                            order_by="(BudgetProject.position, BudgetProject.id)",
                            cascade="all, delete-orphan", passive_deletes=True)

    __table_args__ = (
        sa.CheckConstraint("amount > 0", name="amount_positive"),
        sa.CheckConstraint("minimum_share >= 0 AND minimum_share <= 100",
                           name="minimum_share_percent"),
        sa.CheckConstraint("min_choices >= 0", name="min_choices_positive"),
    )

    @property
    def is_frozen(self) -> bool:
        """The rules freeze when the first ballot is cast (or when voting has closed)."""
        return self.frozen_at is not None or self.state != BudgetState.OPEN

    @property
    def is_open(self) -> bool:
        return self.state == BudgetState.OPEN

    @property
    def is_published(self) -> bool:
        return self.state == BudgetState.PUBLISHED

    @property
    def minimum_spend(self) -> int:
        """Euros a knapsack ballot must reach (rounded up)."""
        return -(-self.amount * self.minimum_share // 100)

    def __repr__(self):
        return f"<Budget {self.id}>"


class BudgetProject(db.Model):
    """A project residents can choose, with its cost in euros."""

    __tablename__ = "budget_projects"

    id: Mapped[int] = mapped_column(primary_key=True)
    budget_id: Mapped[int] = mapped_column(
        sa.ForeignKey("budgets.id", ondelete="CASCADE"), nullable=False, index=True
    )
    title: Mapped[str] = mapped_column(sa.String(150), nullable=False)
    description: Mapped[str] = mapped_column(sa.Text, nullable=False, default="")
    cost: Mapped[int] = mapped_column(sa.Integer, nullable=False)
    category_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("categories.id", ondelete="SET NULL"), nullable=True
    )
    neighbourhood_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("neighbourhoods.id", ondelete="SET NULL"), nullable=True
    )
    position: Mapped[int] = mapped_column(sa.Integer, nullable=False, default=0)
    # the project's id in an imported Pabulib file (kept so a recount names the same ids)
    external_id: Mapped[str | None] = mapped_column(sa.String(64), nullable=True)

    budget = relationship("Budget", back_populates="projects")
    category = relationship("Category")
    neighbourhood = relationship("Neighbourhood")
    proposals = relationship("Proposal", secondary="budget_project_proposals",
                             order_by="Proposal.id")

    __table_args__ = (
        sa.CheckConstraint("cost > 0", name="cost_positive"),
    )

    @property
    def pabulib_id(self) -> str:
        return self.external_id or str(self.id)

    def __repr__(self):
        return f"<BudgetProject {self.id}>"


budget_project_proposals = sa.Table(
    "budget_project_proposals",
    db.metadata,
    sa.Column("project_id", sa.ForeignKey("budget_projects.id", ondelete="CASCADE"),
              primary_key=True),
    sa.Column("proposal_id", sa.ForeignKey("proposals.id", ondelete="CASCADE"),
              primary_key=True, index=True),
)


class BudgetVoter(db.Model):
    """The voter roll: who voted in which budget, from which neighbourhood, on which day.
    Nothing here leads to a ballot."""

    __tablename__ = "budget_voters"

    budget_id: Mapped[int] = mapped_column(
        sa.ForeignKey("budgets.id", ondelete="CASCADE"), primary_key=True
    )
    user_id: Mapped[int] = mapped_column(
        sa.ForeignKey("users.id", ondelete="CASCADE"), primary_key=True, index=True
    )
    neighbourhood_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("neighbourhoods.id", ondelete="SET NULL"), nullable=True
    )
    voted_on: Mapped[date] = mapped_column(sa.Date, nullable=False)


class BudgetBallot(db.Model):
    """The ballot box: what one voter chose, under a key nobody can recompute without the
    ballot key, with the receipt the voter was given. No person, no time finer than the day,
    no sequential id."""

    __tablename__ = "budget_ballots"

    key: Mapped[str] = mapped_column(sa.String(64), primary_key=True)
    budget_id: Mapped[int] = mapped_column(
        sa.ForeignKey("budgets.id", ondelete="CASCADE"), nullable=False, index=True
    )
    # the chosen projects' ids, ascending, comma-separated ("" for an empty ballot)
    choices: Mapped[str] = mapped_column(sa.Text, nullable=False, default="")
    receipt: Mapped[str] = mapped_column(sa.String(16), nullable=False)
    cast_on: Mapped[date] = mapped_column(sa.Date, nullable=False)

    __table_args__ = (
        sa.UniqueConstraint("budget_id", "receipt", name="uq_budget_ballots_receipt"),
    )

    @property
    def project_ids(self) -> list[int]:
        return [int(x) for x in self.choices.split(",") if x]


class PaperCount(db.Model):
    """The totals of a paper ballot box counted at an in-person voting point: they count in
    the result, marked as such (the Method of Equal Shares needs each ballot, so paper totals
    count in greedy and in the turnout only)."""

    __tablename__ = "budget_paper_counts"

    id: Mapped[int] = mapped_column(primary_key=True)
    budget_id: Mapped[int] = mapped_column(
        sa.ForeignKey("budgets.id", ondelete="CASCADE"), nullable=False, index=True
    )
    meeting_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("meetings.id", ondelete="SET NULL"), nullable=True
    )
    place: Mapped[str] = mapped_column(sa.String(150), nullable=False)
    ballots: Mapped[int] = mapped_column(sa.Integer, nullable=False)
    # project id → votes, as entered
    votes: Mapped[dict] = mapped_column(sa.JSON, nullable=False, default=dict)
    entered_by_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("users.id", ondelete="SET NULL"), nullable=True
    )
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), nullable=False)

    meeting = relationship("Meeting")

    __table_args__ = (sa.CheckConstraint("ballots >= 0", name="ballots_positive"),)
