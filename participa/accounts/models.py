"""The user account. Roles are data: ``is_council`` here, ``ProcessRole`` rows for facilitators."""

import secrets
from datetime import datetime

import sqlalchemy as sa
from flask_login import UserMixin
from sqlalchemy.orm import Mapped, mapped_column, relationship

from participa.core.models import TimestampMixin
from participa.core.types import UTCDateTime
from participa.extensions import db


def new_session_token() -> str:
    return secrets.token_urlsafe(16)


class User(UserMixin, TimestampMixin, db.Model):
    __tablename__ = "users"

    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str] = mapped_column(sa.String(254), nullable=False, unique=True)
    name: Mapped[str] = mapped_column(sa.String(80), nullable=False)
    password_hash: Mapped[str] = mapped_column(sa.String(255), nullable=False)
    locale: Mapped[str] = mapped_column(sa.String(5), nullable=False, default="ca")
    neighbourhood_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("neighbourhoods.id", ondelete="SET NULL"), nullable=True, index=True
    )
    is_council: Mapped[bool] = mapped_column(sa.Boolean, nullable=False, default=False)
    # Part of the login id: rotating it ends every session of this account (logout, new password).
    session_token: Mapped[str] = mapped_column(
        sa.String(32), nullable=False, default=new_session_token
    )
    last_login_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    # set when the person opens the link e-mailed at registration (or a password-reset link)
    confirmed_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    # blocked by the council: cannot sign in, and what they wrote is hidden from that moment
    blocked_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    # the public profile, hidden by moderation (reports or a moderator)
    hidden_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    # True once an association has accepted them as a representative (kept by the associations
    # package): a hint that spares everyone else the read of "which associations may they act
    # for" on every page with a form; who may act for which is always read from the links
    represents_associations: Mapped[bool] = mapped_column(
        sa.Boolean, nullable=False, default=False, server_default=sa.false())

    # read where shown (a profile): not joined into every load of a person (a page names many)
    neighbourhood = relationship("Neighbourhood", lazy="select")
    # read on first use: only the signed-in person's roles are ever asked for, so the authors
    # a page shows do not each cost (or share) a query for theirs
    process_roles = relationship(
        "ProcessRole", back_populates="user", cascade="all, delete-orphan", lazy="select"
    )

    def get_id(self) -> str:
        return f"{self.id}:{self.session_token}"

    def facilitates(self, process) -> bool:
        return any(role.process_id == process.id for role in self.process_roles)

    @property
    def is_confirmed(self) -> bool:
        return self.confirmed_at is not None

    @property
    def is_blocked(self) -> bool:
        return self.blocked_at is not None

    @property
    def is_active(self) -> bool:
        """Flask-Login refuses to sign in an inactive account: a blocked one."""
        return self.blocked_at is None

    @property
    def is_facilitator(self) -> bool:
        return bool(self.process_roles)

    def __repr__(self):
        return f"<User {self.id}>"
