"""Column types and helpers shared by the models."""

from datetime import UTC, datetime
from decimal import Decimal

from sqlalchemy import DateTime, Numeric
from sqlalchemy.types import TypeDecorator


def utcnow() -> datetime:
    """The current time, timezone-aware, in UTC."""
    return datetime.now(UTC)


class UTCDateTime(TypeDecorator):
    """A timezone-aware UTC datetime on every database.

    PostgreSQL stores ``timestamptz``; SQLite has no time zones, so values are stored as naive UTC
    and come back aware. Naive datetimes are refused: they are a bug waiting to happen."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value, dialect):
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to a UTCDateTime column")
        value = value.astimezone(UTC)
        if dialect.name == "sqlite":
            return value.replace(tzinfo=None)
        return value

    def process_result_value(self, value, dialect):
        if value is None:
            return None
        if value.tzinfo is None:
            return value.replace(tzinfo=UTC)
        return value.astimezone(UTC)


class DecimalNumber(TypeDecorator):
    """An exact decimal (``decimal.Decimal``) of at most 12 whole digits and 4 decimals.

    PostgreSQL stores ``numeric(16, 4)``; SQLite has no decimals, so its values travel as floats
    (exact at this size) and come back as ``Decimal`` rounded to the column's 4 places."""

    impl = Numeric(16, 4)
    cache_ok = True
    PLACES = Decimal("0.0001")

    def load_dialect_impl(self, dialect):
        if dialect.name == "sqlite":
            return dialect.type_descriptor(Numeric(16, 4, asdecimal=False))
        return dialect.type_descriptor(Numeric(16, 4))

    def process_bind_param(self, value, dialect):
        if value is None:
            return None
        value = Decimal(value).quantize(self.PLACES)
        return float(value) if dialect.name == "sqlite" else value

    def process_result_value(self, value, dialect):
        if value is None:
            return None
        return Decimal(repr(value) if isinstance(value, float) else value).quantize(self.PLACES)
