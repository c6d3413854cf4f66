"""The register of associations: each association, its representatives and the areas of work
the council keeps.

Anyone signed in registers an association (``Association``): it is public at once, pending
verification, and becomes verified when the council approves it; a refused one leaves the
public register (its page is its administrators' and the council's). The person who registers
it is its first administrator. ``AssociationRepresentative`` is one person's link to one
association (one row per association and person: unique): asked for (requested), then accepted
or refused by its administrators or the council; an accepted representative acts for it, an
administrator also manages its representatives.

The database guards what must never happen: a tax id held by two associations, an association
that is not an informal group without a tax id, a refusal without its reason, a verified
association without the moment it was verified, two links of one person to one association."""

from datetime import datetime

import sqlalchemy as sa
from flask_babel import lazy_gettext as _l
from sqlalchemy.orm import Mapped, Session, mapped_column, relationship

from participa.accounts.models import User
from participa.associations import taxid
from participa.core.enums import LabelledEnum
from participa.core.models import TimestampMixin, WrittenInMixin, enum_column
from participa.core.translated import Translated
from participa.core.types import UTCDateTime
from participa.extensions import db

NAME_LIMIT = 200
DESCRIPTION_LIMIT = 10_000
REASON_LIMIT = 2_000
REGISTRY_LIMIT = 40
WEBSITE_LIMIT = 200
EMAIL_LIMIT = 254
PHONE_LIMIT = 30
AREA_LIMIT = 120


class LegalForm(LabelledEnum):
    ASSOCIATION = "association", _l("Association")
    FOUNDATION = "foundation", _l("Foundation")
    COOPERATIVE = "cooperative", _l("Cooperative")
    INFORMAL = "informal_group", _l("Informal group")


class AssociationStatus(LabelledEnum):
    PENDING = "pending", _l("Pending verification")
    VERIFIED = "verified", _l("Verified by the council")
    REFUSED = "refused", _l("Refused")


class RepresentativeRole(LabelledEnum):
    REPRESENTATIVE = "representative", _l("Representative")
    ADMINISTRATOR = "administrator", _l("Administrator")


class RepresentativeStatus(LabelledEnum):
    REQUESTED = "requested", _l("Asked to represent it")
    ACCEPTED = "accepted", _l("Accepted")
    REFUSED = "refused", _l("Refused")


association_neighbourhoods = sa.Table(
    "association_neighbourhoods",
    db.metadata,
    sa.Column("association_id", sa.ForeignKey("associations.id", ondelete="CASCADE"),
              primary_key=True),
    sa.Column("neighbourhood_id", sa.ForeignKey("neighbourhoods.id", ondelete="CASCADE"),
              primary_key=True, index=True),
)

association_areas = sa.Table(
    "association_areas",
    db.metadata,
    sa.Column("association_id", sa.ForeignKey("associations.id", ondelete="CASCADE"),
              primary_key=True),
    sa.Column("area_id", sa.ForeignKey("areas_of_work.id", ondelete="CASCADE"),
              primary_key=True, index=True),
)


class AreaOfWork(Translated, db.Model):
    """An area associations work in (elderly people, youth, culture, sport…): a list the
    council keeps, its name translated like a process's categories."""

    __tablename__ = "areas_of_work"
    TRANSLATED = ("name",)

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(sa.String(AREA_LIMIT), nullable=False, unique=True)
    position: Mapped[int] = mapped_column(sa.Integer, nullable=False, default=0)

    def __repr__(self):
        return f"<AreaOfWork {self.id}>"


class Association(WrittenInMixin, TimestampMixin, db.Model):
    """``language``: the one its description was written in (its registrant's)."""

    __tablename__ = "associations"

    id: Mapped[int] = mapped_column(primary_key=True)
    slug: Mapped[str] = mapped_column(sa.String(80), nullable=False, unique=True)
    name: Mapped[str] = mapped_column(sa.String(NAME_LIMIT), nullable=False)
    legal_form: Mapped[LegalForm] = enum_column(LegalForm, "association_legal_form",
                                                nullable=False)
    # normalised (``taxid.normalise``); None only for an informal group
    tax_id: Mapped[str | None] = mapped_column(sa.String(9), nullable=True, unique=True)
    registry_number: Mapped[str] = mapped_column(sa.String(REGISTRY_LIMIT), nullable=False,
                                                 default="")
    description: Mapped[str] = mapped_column(sa.Text, nullable=False, default="")
    # the public contact: each shown only when the association makes it public
    website: Mapped[str] = mapped_column(sa.String(WEBSITE_LIMIT), nullable=False, default="")
    is_website_public: Mapped[bool] = mapped_column(sa.Boolean, nullable=False, default=False)
    email: Mapped[str] = mapped_column(sa.String(EMAIL_LIMIT), nullable=False, default="")
    is_email_public: Mapped[bool] = mapped_column(sa.Boolean, nullable=False, default=False)
    phone: Mapped[str] = mapped_column(sa.String(PHONE_LIMIT), nullable=False, default="")
    is_phone_public: Mapped[bool] = mapped_column(sa.Boolean, nullable=False, default=False)
    status: Mapped[AssociationStatus] = enum_column(
        AssociationStatus, "association_status", nullable=False,
        default=AssociationStatus.PENDING, index=True)
    refusal_reason: Mapped[str] = mapped_column(sa.Text, nullable=False, default="")
    verified_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    decided_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    decided_by_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("users.id", ondelete="SET NULL"), nullable=True, index=True)
    created_by_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("users.id", ondelete="SET NULL"), nullable=True, index=True)
    # the name and description folded (lowercase, no accents), for the register's search
    search_text: Mapped[str] = mapped_column(sa.Text, nullable=False, default="")

    neighbourhoods = relationship("Neighbourhood", secondary=association_neighbourhoods,
                                  order_by="Neighbourhood.name", lazy="select")
    areas = relationship("AreaOfWork", secondary=association_areas,
                         order_by="AreaOfWork.position, AreaOfWork.name", lazy="select")
    representatives = relationship(
        "AssociationRepresentative", back_populates="association",
        cascade="all, delete-orphan", passive_deletes=True, lazy="select",
        order_by="AssociationRepresentative.id")
    created_by = relationship("User", foreign_keys=[created_by_id], lazy="select")

    __table_args__ = (
        sa.CheckConstraint("tax_id IS NOT NULL OR legal_form = 'informal_group'",
                           name="tax_id_required"),
        sa.CheckConstraint("status != 'refused' OR refusal_reason != ''",
                           name="refusal_has_reason"),
        sa.CheckConstraint("status != 'verified' OR verified_at IS NOT NULL",
                           name="verified_has_date"),
        sa.Index("ix_associations_name", "name"),
    )

    @property
    def is_verified(self) -> bool:
        return self.status == AssociationStatus.VERIFIED

    @property
    def is_refused(self) -> bool:
        return self.status == AssociationStatus.REFUSED

    @property
    def is_pending(self) -> bool:
        return self.status == AssociationStatus.PENDING

    @property
    def public_tax_id(self) -> str | None:
        """The tax id when it is an organisation's (public by law); a person's DNI or NIE,
        which an informal group may give, is never shown."""
        return self.tax_id if taxid.kind_of(self.tax_id) == taxid.ORGANISATION else None

    def link_of(self, user):
        """``user``'s link to this association (any status), or None."""
        user_id = getattr(user, "id", None)
        if user_id is None:
            return None
        return next((r for r in self.representatives if r.user_id == user_id), None)

    def __repr__(self):
        return f"<Association {self.id} {self.slug}>"


class AssociationRepresentative(TimestampMixin, db.Model):
    """One person's link to one association: asked for, accepted or refused, with a role."""

    __tablename__ = "association_representatives"

    id: Mapped[int] = mapped_column(primary_key=True)
    association_id: Mapped[int] = mapped_column(
        sa.ForeignKey("associations.id", ondelete="CASCADE"), nullable=False)
    user_id: Mapped[int] = mapped_column(
        sa.ForeignKey("users.id", ondelete="CASCADE"), nullable=False, index=True)
    role: Mapped[RepresentativeRole] = enum_column(
        RepresentativeRole, "association_representative_role", nullable=False,
        default=RepresentativeRole.REPRESENTATIVE)
    status: Mapped[RepresentativeStatus] = enum_column(
        RepresentativeStatus, "association_representative_status", nullable=False,
        default=RepresentativeStatus.REQUESTED, index=True)
    decided_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    decided_by_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("users.id", ondelete="SET NULL"), nullable=True, index=True)

    association = relationship("Association", back_populates="representatives")
    user = relationship("User", foreign_keys=[user_id], lazy="joined")

    __table_args__ = (
        sa.UniqueConstraint("association_id", "user_id",
                            name="uq_association_representatives_person"),
        # only an accepted person administers: a request or a refusal is a plain one
        sa.CheckConstraint("role = 'representative' OR status = 'accepted'",
                           name="administrator_is_accepted"),
    )

    @property
    def is_accepted(self) -> bool:
        return self.status == RepresentativeStatus.ACCEPTED

    @property
    def is_administrator(self) -> bool:
        return self.is_accepted and self.role == RepresentativeRole.ADMINISTRATOR

    def __repr__(self):
        return f"<AssociationRepresentative {self.id} of association {self.association_id}>"


@sa.event.listens_for(Session, "before_flush")
def _note_representatives(session, flush_context, instances):
    """A person an association accepts as its representative is marked on their account
    (``User.represents_associations``), in the same flush, however the link was made."""
    for obj in (*session.new, *session.dirty):
        if isinstance(obj, AssociationRepresentative) and \
                obj.status == RepresentativeStatus.ACCEPTED:
            person = obj.user or (session.get(User, obj.user_id) if obj.user_id else None)
            if person is not None and not person.represents_associations:
                person.represents_associations = True
