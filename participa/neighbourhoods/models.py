import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column

from participa.core.models import TimestampMixin
from participa.extensions import db


class Neighbourhood(TimestampMixin, db.Model):
    __tablename__ = "neighbourhoods"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(sa.String(120), nullable=False)
    slug: Mapped[str] = mapped_column(sa.String(80), nullable=False, unique=True)
    district: Mapped[str] = mapped_column(sa.String(120), nullable=False, default="")
    population: Mapped[int | None] = mapped_column(sa.Integer, nullable=True)

    __table_args__ = (
        sa.CheckConstraint("population IS NULL OR population >= 0", name="population_positive"),
    )

    def __repr__(self):
        return f"<Neighbourhood {self.id} {self.slug}>"
