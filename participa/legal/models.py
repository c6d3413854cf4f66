"""The legal texts in numbered versions, and who accepted which version of the terms of use.

Every publication of a text is a new ``LegalVersion`` (its number counts up per kind), never an
edit of an old one: what a person accepted stays readable as they read it. The text is written
in the town's default language (Catalan, ``body``) and optionally in the others
(``translations``). ``TermsAcceptance`` is the history of acceptances of the terms of use; the
sign-in check reads one row of it by its unique (user, version) index."""

from datetime import datetime

import sqlalchemy as sa
from flask_babel import lazy_gettext as _l
from sqlalchemy.orm import Mapped, mapped_column

from participa.core.enums import LabelledEnum
from participa.core.models import enum_column
from participa.core.translated import Translated
from participa.core.types import UTCDateTime, utcnow
from participa.extensions import db

TEXT_LIMIT = 60_000  # a legal text, in each language
SUMMARY_LIMIT = 300  # "what changed", one line


class LegalKind(LabelledEnum):
    """The four texts; the value is the page's address (/legal/<value>)."""

    NOTICE = "notice", _l("Legal notice")
    PRIVACY = "privacy", _l("Privacy policy")
    TERMS = "terms", _l("Terms of use")
    ACCESSIBILITY = "accessibility", _l("Accessibility statement")


KIND_ORDER = (LegalKind.NOTICE, LegalKind.PRIVACY, LegalKind.TERMS, LegalKind.ACCESSIBILITY)


class LegalVersion(Translated, db.Model):
    """One published version of one legal text. Never changed once published."""

    __tablename__ = "legal_versions"
    TRANSLATED = ("body", "summary")
    TEXT_LIMIT = TEXT_LIMIT

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[LegalKind] = enum_column(LegalKind, "legal_kind", nullable=False)
    number: Mapped[int] = mapped_column(sa.Integer, nullable=False)
    body: Mapped[str] = mapped_column(sa.Text, nullable=False)
    summary: Mapped[str] = mapped_column(sa.String(SUMMARY_LIMIT), nullable=False, default="",
                                         server_default="")
    published_at: Mapped[datetime] = mapped_column(UTCDateTime(), nullable=False, default=utcnow)
    published_by_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("users.id", ondelete="SET NULL"), nullable=True, index=True)

    published_by = db.relationship("User", lazy="joined")

    __table_args__ = (
        sa.UniqueConstraint("kind", "number"),
        sa.CheckConstraint("number >= 1", name="number_positive"),
    )

    @property
    def label(self):
        return self.kind.label

    def __repr__(self):
        return f"<LegalVersion {self.id} {self.kind.value} v{self.number}>"


class TermsAcceptance(db.Model):
    """A person accepted this version of the terms of use, at this moment. Kept for good: a
    later version adds a row, it never replaces one."""

    __tablename__ = "terms_acceptances"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(
        sa.ForeignKey("users.id", ondelete="CASCADE"), nullable=False)
    version_id: Mapped[int] = mapped_column(
        sa.ForeignKey("legal_versions.id", ondelete="RESTRICT"), nullable=False, index=True)
    accepted_at: Mapped[datetime] = mapped_column(UTCDateTime(), nullable=False, default=utcnow)

    version = db.relationship(LegalVersion, lazy="joined")

    __table_args__ = (sa.UniqueConstraint("user_id", "version_id"),)

    def __repr__(self):
        return f"<TermsAcceptance {self.id} user {self.user_id} version {self.version_id}>"
