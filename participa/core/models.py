"""Model helpers (mixins, enum columns) and the append-only ActionLog."""

import enum
from datetime import datetime

import sqlalchemy as sa
from sqlalchemy import event
from sqlalchemy.orm import Mapped, mapped_column

from participa.core.types import UTCDateTime, utcnow
from participa.extensions import db


def enum_column(enum_cls: type[enum.Enum], name: str, **kwargs):
    """A string column that stores an enum's values, guarded by a CHECK constraint."""
    return mapped_column(
        sa.Enum(
            enum_cls,
            name=name,
            native_enum=False,
            create_constraint=True,
            length=32,
            values_callable=lambda cls: [member.value for member in cls],
            validate_strings=True,
        ),
        **kwargs,
    )


class WrittenInMixin:
    """What a person writes carries the language it was written in: the language of the page
    where they wrote it, which for a signed-in person is their account's (``written_in``).
    Pages mark it (``lang="…"``) when it differs from the reader's (WCAG 3.1.2)."""

    language: Mapped[str] = mapped_column(sa.String(5), nullable=False, default="ca",
                                          server_default="ca")


CONTENT_LANGUAGES = ("ca", "es", "en")  # config LANGUAGES; the first is the town's default


def written_in(actor) -> str:
    """The language a person writes in: their account's, or the town's default."""
    language = getattr(actor, "locale", None)
    return language if language in CONTENT_LANGUAGES else CONTENT_LANGUAGES[0]


class TimestampMixin:
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), nullable=False, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(
        UTCDateTime(), nullable=False, default=utcnow, onupdate=utcnow
    )


class ActionLog(db.Model):
    """Who did what, when. Append-only: rows are never updated nor deleted."""

    __tablename__ = "action_logs"

    id: Mapped[int] = mapped_column(primary_key=True)
    actor_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("users.id", ondelete="SET NULL"), nullable=True, index=True
    )
    verb: Mapped[str] = mapped_column(sa.String(64), nullable=False, index=True)
    target_type: Mapped[str] = mapped_column(sa.String(64), nullable=False)
    target_id: Mapped[int | None] = mapped_column(sa.Integer, nullable=True)
    data: Mapped[dict] = mapped_column(sa.JSON, nullable=False, default=dict)
    created_at: Mapped[datetime] = mapped_column(
        UTCDateTime(), nullable=False, default=utcnow, index=True
    )

    __table_args__ = (sa.Index("ix_action_logs_target", "target_type", "target_id"),)

    actor = db.relationship("User", lazy="joined")

    def __repr__(self):
        return f"<ActionLog {self.id} {self.verb} {self.target_type}:{self.target_id}>"


@event.listens_for(ActionLog, "before_update")
@event.listens_for(ActionLog, "before_delete")
def _action_log_is_append_only(mapper, connection, target):
    raise RuntimeError("ActionLog is append-only")


def log_action(verb: str, target, *, actor, **data) -> ActionLog:
    """Append one entry to the ActionLog for ``actor`` doing ``verb`` on ``target``."""
    entry = ActionLog(
        actor_id=getattr(actor, "id", None),
        verb=verb,
        target_type=type(target).__name__.lower(),
        target_id=getattr(target, "id", None),
        data={k: _plain(v) for k, v in data.items()},
    )
    db.session.add(entry)
    return entry


def last_action_id() -> int:
    """The newest ActionLog entry's id (0 when none): every change the council or a
    facilitator makes writes one, so a rendering kept under it is stale once it moves (one
    primary-key lookup)."""
    return db.session.scalar(sa.select(sa.func.max(ActionLog.id))) or 0


def _plain(value):
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return value


def assign_slug(obj, wanted: str | None, source: str) -> None:
    """Give ``obj`` a unique slug: the one ``wanted`` (DomainError if taken) or one made from
    ``source`` with a number added until it is free."""
    from flask_babel import lazy_gettext as _l

    from participa.core.errors import DomainError
    from participa.core.text import slugify

    model = type(obj)

    def taken(slug):
        query = sa.select(model.id).where(model.slug == slug)
        if obj.id is not None:
            query = query.where(model.id != obj.id)
        return db.session.scalar(query) is not None

    if wanted:
        if taken(wanted):
            raise DomainError(
                _l("This web address name is already used. Choose another one."), field="slug"
            )
        obj.slug = wanted
        return
    if obj.slug and not taken(obj.slug):
        return
    base = slugify(source)
    candidate, number = base, 2
    while taken(candidate):
        candidate, number = f"{base[:75]}-{number}", number + 1
    obj.slug = candidate


_VERB_LABELS: dict = {}


def register_verbs(labels: dict) -> None:
    """Each feature names the ActionLog verbs it writes (lazy strings, translated when shown)."""
    _VERB_LABELS.update(labels)


def verb_labels() -> dict:
    """Every registered verb and what it means (lazy strings)."""
    return dict(_VERB_LABELS)


def verb_label(verb: str):
    """What an ActionLog verb means, in the reader's language (the code itself if unknown)."""
    return _VERB_LABELS.get(verb, verb)
