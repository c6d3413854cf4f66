from datetime import datetime

import sqlalchemy as sa
from flask_babel import lazy_gettext as _l
from sqlalchemy.orm import Mapped, Session, mapped_column, relationship

from participa.core.enums import LabelledEnum
from participa.core.models import TimestampMixin, enum_column
from participa.core.translated import Translated
from participa.core.types import UTCDateTime
from participa.extensions import db


class PhaseKind(LabelledEnum):
    INFORMATION = "information", _l("Information")
    PROPOSALS = "proposals", _l("Proposals")
    DEBATE = "debate", _l("Debate")
    VOTING = "voting", _l("Voting")
    IMPLEMENTATION = "implementation", _l("Implementation")
    EVALUATION = "evaluation", _l("Evaluation")


class ProcessRoleKind(LabelledEnum):
    FACILITATOR = "facilitator", _l("Facilitator")


process_neighbourhoods = sa.Table(
    "process_neighbourhoods",
    db.metadata,
    sa.Column("process_id", sa.ForeignKey("processes.id", ondelete="CASCADE"), primary_key=True),
    sa.Column(
        "neighbourhood_id",
        sa.ForeignKey("neighbourhoods.id", ondelete="CASCADE"),
        primary_key=True,
        index=True,
    ),
)


class Process(Translated, TimestampMixin, db.Model):
    __tablename__ = "processes"
    TRANSLATED = ("title", "summary", "description")

    id: Mapped[int] = mapped_column(primary_key=True)
    plan_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("community_plans.id", ondelete="SET NULL"), nullable=True, index=True
    )
    title: Mapped[str] = mapped_column(sa.String(200), nullable=False)
    slug: Mapped[str] = mapped_column(sa.String(80), nullable=False, unique=True)
    summary: Mapped[str] = mapped_column(sa.String(500), nullable=False, default="")
    description: Mapped[str] = mapped_column(sa.Text, nullable=False, default="")
    is_published: Mapped[bool] = mapped_column(
        sa.Boolean, nullable=False, default=False, index=True
    )
    # proposal settings (0 means "no limit")
    proposal_body_limit: Mapped[int] = mapped_column(sa.Integer, nullable=False, default=3000)
    proposal_edit_minutes: Mapped[int] = mapped_column(sa.Integer, nullable=False, default=15)
    proposals_per_person: Mapped[int] = mapped_column(sa.Integer, nullable=False, default=0)
    supports_enabled: Mapped[bool] = mapped_column(sa.Boolean, nullable=False, default=True)
    supports_per_person: Mapped[int] = mapped_column(sa.Integer, nullable=False, default=0)
    support_threshold: Mapped[int] = mapped_column(sa.Integer, nullable=False, default=0)
    supports_visible: Mapped[bool] = mapped_column(sa.Boolean, nullable=False, default=True)
    # debates, comments and moderation
    residents_open_debates: Mapped[bool] = mapped_column(sa.Boolean, nullable=False,
                                                         default=False)
    comment_body_limit: Mapped[int] = mapped_column(sa.Integer, nullable=False, default=1000)
    # content is hidden once this many different people report it (0: never automatically)
    hide_after_reports: Mapped[int] = mapped_column(sa.Integer, nullable=False, default=3)
    # one more whenever what a process page frames it with changes: the process, its phases,
    # categories, neighbourhoods or plan (``_count_frame_changes``); each worker keeps a
    # process's frame under it (``queries.get_process_by_slug``)
    version: Mapped[int] = mapped_column(sa.Integer, nullable=False, default=1,
                                         server_default="1")

    plan = relationship("CommunityPlan", back_populates="processes", lazy="joined")
    neighbourhoods = relationship(
        "Neighbourhood",
        secondary=process_neighbourhoods,
        lazy="selectin",
        order_by="Neighbourhood.name",
    )
    phases = relationship(
        "Phase",
        back_populates="process",
        order_by="(Phase.position, Phase.starts_at)",
        cascade="all, delete-orphan",
        lazy="selectin",
    )
    categories = relationship(
        "Category",
        back_populates="process",
        order_by="(Category.position, Category.name)",
        cascade="all, delete-orphan",
        lazy="selectin",
    )
    roles = relationship("ProcessRole", back_populates="process", cascade="all, delete-orphan")

    __table_args__ = (
        sa.CheckConstraint(
            "proposal_body_limit > 0 AND proposal_edit_minutes >= 0 AND proposals_per_person >= 0"
            " AND supports_per_person >= 0 AND support_threshold >= 0",
            name="proposal_settings",
        ),
        sa.CheckConstraint("comment_body_limit > 0 AND hide_after_reports >= 0",
                           name="comment_settings"),
    )

    def __repr__(self):
        return f"<Process {self.id} {self.slug}>"


class Phase(Translated, db.Model):
    __tablename__ = "phases"
    TRANSLATED = ("title",)

    id: Mapped[int] = mapped_column(primary_key=True)
    process_id: Mapped[int] = mapped_column(
        sa.ForeignKey("processes.id", ondelete="CASCADE"), nullable=False, index=True
    )
    kind: Mapped[PhaseKind] = enum_column(PhaseKind, "phase_kind", nullable=False)
    title: Mapped[str] = mapped_column(sa.String(200), nullable=False, default="")
    starts_at: Mapped[datetime] = mapped_column(UTCDateTime(), nullable=False, index=True)
    ends_at: Mapped[datetime] = mapped_column(UTCDateTime(), nullable=False, index=True)
    position: Mapped[int] = mapped_column(sa.Integer, nullable=False, default=0)

    process = relationship("Process", back_populates="phases")

    __table_args__ = (sa.CheckConstraint("ends_at > starts_at", name="dates_order"),)

    def __repr__(self):
        return f"<Phase {self.id} {self.kind.value}>"


class Category(Translated, db.Model):
    __tablename__ = "categories"
    TRANSLATED = ("name",)

    id: Mapped[int] = mapped_column(primary_key=True)
    process_id: Mapped[int] = mapped_column(
        sa.ForeignKey("processes.id", ondelete="CASCADE"), nullable=False, index=True
    )
    name: Mapped[str] = mapped_column(sa.String(120), nullable=False)
    position: Mapped[int] = mapped_column(sa.Integer, nullable=False, default=0)

    process = relationship("Process", back_populates="categories")

    __table_args__ = (sa.UniqueConstraint("process_id", "name"),)

    def __repr__(self):
        return f"<Category {self.id} {self.name}>"


class ProcessRole(db.Model):
    """A person's role in one process (a facilitator moderates and manages it)."""

    __tablename__ = "process_roles"

    id: Mapped[int] = mapped_column(primary_key=True)
    process_id: Mapped[int] = mapped_column(
        sa.ForeignKey("processes.id", ondelete="CASCADE"), nullable=False, index=True
    )
    user_id: Mapped[int] = mapped_column(
        sa.ForeignKey("users.id", ondelete="CASCADE"), nullable=False, index=True
    )
    role: Mapped[ProcessRoleKind] = enum_column(
        ProcessRoleKind, "process_role_kind", nullable=False, default=ProcessRoleKind.FACILITATOR
    )

    process = relationship("Process", back_populates="roles")
    user = relationship("User", back_populates="process_roles")

    __table_args__ = (sa.UniqueConstraint("process_id", "user_id"),)

    def __repr__(self):
        return f"<ProcessRole {self.id} {self.role.value}>"


@sa.event.listens_for(Session, "before_flush")
def _count_frame_changes(session, flush_context, instances):
    """Add one to ``version`` of every process whose frame this flush changes, in the flush's
    own transaction: a change to the process itself (its neighbourhoods included), to one of
    its phases or categories, to its plan, or to one of its neighbourhoods."""
    plan_class = Process.plan.property.mapper.class_
    place_class = Process.neighbourhoods.property.mapper.class_
    process_ids, plan_ids, place_ids = set(), set(), set()
    for obj in (*session.dirty, *session.deleted, *session.new):
        if isinstance(obj, Process):
            process_ids.add(obj.id)
        elif isinstance(obj, Phase | Category):
            process_ids.add(obj.process_id or (obj.process.id if obj.process else None))
        elif isinstance(obj, plan_class):
            plan_ids.add(obj.id)
        elif isinstance(obj, place_class):
            place_ids.add(obj.id)
    process_ids.discard(None)
    plan_ids.discard(None)
    place_ids.discard(None)
    if not (process_ids or plan_ids or place_ids):
        return
    placed = sa.select(process_neighbourhoods.c.process_id).where(
        process_neighbourhoods.c.neighbourhood_id.in_(place_ids))
    session.execute(
        sa.update(Process)
        .where(sa.or_(Process.id.in_(process_ids), Process.plan_id.in_(plan_ids),
                      Process.id.in_(placed)))
        .values(version=Process.version + 1)
        .execution_options(synchronize_session=False)
    )
