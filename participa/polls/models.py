"""Polls: the question, its options, the voter roll and the ballot box.

The roll (``poll_voters``: who voted in which poll, and on which day) and the box
(``poll_ballots``: what was chosen, with its receipt) share no column: a ballot's key is a keyed
hash of (poll, person) under the ballot key, which lives in the configuration and never in the
database, so the person can replace their ballot while a reader of the database cannot tell
whose it is. Ballots carry no time finer than the day and no sequential id; closing a poll
rewrites its box in a random order (``participa.core.secrecy.rewrite_in_random_order``)."""

from datetime import date, datetime

import sqlalchemy as sa
from flask_babel import lazy_gettext as _l
from sqlalchemy.orm import Mapped, mapped_column, relationship

from participa.core.enums import LabelledEnum
from participa.core.models import TimestampMixin, enum_column
from participa.core.types import UTCDateTime
from participa.extensions import db

DESCRIPTION_LIMIT = 20_000  # characters of a poll's description
MAX_OPTIONS = 30


class PollKind(LabelledEnum):
    YES_NO = "yes_no", _l("Yes, no or abstain")
    APPROVAL = "approval", _l("Approval: pick up to a number of options")
    RANKED = "ranked", _l("Ranked: order the options")


class PollState(LabelledEnum):
    DRAFT = "draft", _l("Draft")
    OPEN = "open", _l("Open")
    CLOSED = "closed", _l("Closed")


poll_neighbourhoods = sa.Table(
    "poll_neighbourhoods",
    db.metadata,
    sa.Column("poll_id", sa.ForeignKey("polls.id", ondelete="CASCADE"), primary_key=True),
    sa.Column("neighbourhood_id", sa.ForeignKey("neighbourhoods.id", ondelete="CASCADE"),
              primary_key=True, index=True),
)


class Poll(TimestampMixin, db.Model):
    """A question put to a process's residents."""

    __tablename__ = "polls"

    id: Mapped[int] = mapped_column(primary_key=True)
    process_id: Mapped[int] = mapped_column(
        sa.ForeignKey("processes.id", ondelete="CASCADE"), nullable=False
    )
    created_by_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("users.id", ondelete="SET NULL"), nullable=True, index=True
    )
    title: Mapped[str] = mapped_column(sa.String(200), nullable=False)
    description: Mapped[str] = mapped_column(sa.Text, nullable=False, default="")
    kind: Mapped[PollKind] = enum_column(PollKind, "poll_kind", nullable=False,
                                         default=PollKind.YES_NO)
    max_choices: Mapped[int | None] = mapped_column(sa.Integer, nullable=True)  # approval: k
    state: Mapped[PollState] = enum_column(PollState, "poll_state", nullable=False,
                                           default=PollState.DRAFT)
    live_results: Mapped[bool] = mapped_column(sa.Boolean, nullable=False, default=False)
    # eligibility (beyond being signed in): census-verified residents, of these neighbourhoods
    # when some are given; a minimum age on the voting day
    census_required: Mapped[bool] = mapped_column(sa.Boolean, nullable=False, default=False)
    minimum_age: Mapped[int | None] = mapped_column(sa.Integer, nullable=True)
    # the roll's rows, kept in the same transaction: the rules freeze once it is above 0
    voters_count: Mapped[int] = mapped_column(sa.Integer, nullable=False, default=0)
    opened_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    closed_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    closed_by_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("users.id", ondelete="SET NULL"), nullable=True, index=True
    )

    process = relationship("Process")
    created_by = relationship("User", foreign_keys=[created_by_id])
    closed_by = relationship("User", foreign_keys=[closed_by_id])
    options = relationship("PollOption", back_populates="poll", order_by="PollOption.position",
                           cascade="all, delete-orphan")
    neighbourhoods = relationship("Neighbourhood", secondary=poll_neighbourhoods,
                                  order_by="Neighbourhood.name")

    __table_args__ = (
        sa.CheckConstraint("voters_count >= 0", name="voters_count_positive"),
        sa.CheckConstraint("max_choices IS NULL OR max_choices >= 1", name="max_choices_positive"),
        sa.CheckConstraint("minimum_age IS NULL OR (minimum_age >= 0 AND minimum_age <= 120)",
                           name="minimum_age_sane"),
        sa.Index("ix_polls_process_state", "process_id", "state", "id"),
    )

    @property
    def is_open(self) -> bool:
        return self.state == PollState.OPEN

    @property
    def is_closed(self) -> bool:
        return self.state == PollState.CLOSED

    @property
    def is_frozen(self) -> bool:
        """Options, kind, limits and eligibility cannot change once someone has voted."""
        return self.voters_count > 0

    @property
    def has_options(self) -> bool:
        return self.kind in (PollKind.APPROVAL, PollKind.RANKED)

    def __repr__(self):
        return f"<Poll {self.id}>"


class PollOption(db.Model):
    """One answer of an approval or ranked poll, in its listed order."""

    __tablename__ = "poll_options"

    id: Mapped[int] = mapped_column(primary_key=True)
    poll_id: Mapped[int] = mapped_column(
        sa.ForeignKey("polls.id", ondelete="CASCADE"), nullable=False
    )
    position: Mapped[int] = mapped_column(sa.Integer, nullable=False)
    title: Mapped[str] = mapped_column(sa.String(200), nullable=False)

    poll = relationship("Poll", back_populates="options")

    # ids are never reused (SQLite's AUTOINCREMENT; PostgreSQL's sequences never go back): a
    # ballot sent from a page loaded before the options were replaced names options that are
    # gone, and is refused, rather than counting for whatever option took the old id
    __table_args__ = (sa.UniqueConstraint("poll_id", "position"), {"sqlite_autoincrement": True})

    def __repr__(self):
        return f"<PollOption {self.id}>"


class PollVoter(db.Model):
    """The voter roll: this person has voted in this poll (the day of their last ballot, no
    finer time). Nothing here says what they chose."""

    __tablename__ = "poll_voters"

    poll_id: Mapped[int] = mapped_column(
        sa.ForeignKey("polls.id", ondelete="CASCADE"), primary_key=True
    )
    user_id: Mapped[int] = mapped_column(
        sa.ForeignKey("users.id", ondelete="CASCADE"), primary_key=True, index=True
    )
    voted_on: Mapped[date] = mapped_column(sa.Date, nullable=False)

    def __repr__(self):
        return f"<PollVoter {self.poll_id}>"


class PollBallot(db.Model):
    """The ballot box: what was chosen, with its receipt. No column names or points to a
    person or a roll row; ``key`` is HMAC(ballot key, poll, person), so only the application
    (holding the key) finds a voter's own ballot to replace it.

    ``choice``: "yes" / "no" / "abstain"; or the chosen option ids (approval); or the option
    ids in the voter's order (ranked)."""

    __tablename__ = "poll_ballots"

    key: Mapped[str] = mapped_column(sa.String(64), primary_key=True)
    poll_id: Mapped[int] = mapped_column(
        sa.ForeignKey("polls.id", ondelete="CASCADE"), nullable=False, index=True
    )
    choice: Mapped[object] = mapped_column(sa.JSON, nullable=False)
    receipt: Mapped[str] = mapped_column(sa.String(14), nullable=False)
    cast_on: Mapped[date] = mapped_column(sa.Date, nullable=False)

    __table_args__ = (sa.UniqueConstraint("poll_id", "receipt"),)

    def __repr__(self):
        return f"<PollBallot {self.poll_id}>"
