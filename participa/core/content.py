"""The content-kind protocol: what every kind of content (a proposal, a debate, a meeting, a
comment, a person's profile, ...) tells the rest of Participa about itself.

Each feature describes its kinds with a ``ContentKind`` and registers it once, at start-up
(``register_kind``). Comments, moderation and every later feature ask the kind — and through it
the target itself — instead of switching on types: making ballots or associations commentable or
reportable is one registration. A kind's ``value`` is what is stored (``comments.target_kind``,
``moderations.target_kind``) and the segment of its addresses ("proposals", "people")."""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from operator import attrgetter
from typing import Any

import sqlalchemy as sa

from participa.extensions import db


def _hide(target, hidden_at: datetime | None) -> None:
    target.hidden_at = hidden_at
    db.session.flush()


@dataclass(frozen=True, eq=False)
class ContentKind:
    value: str  # stored in target_kind columns and used in addresses
    model: type
    label: Any  # "Proposal" (lazy: translated when shown)
    hidden_label: Any  # what readers see instead of hidden content
    title: Callable[[Any], str]  # a short text naming the target (the queue, e-mails)
    url: Callable[..., str]  # url(target, anchor=None, external=False): where it is read
    can_view: Callable[[Any, Any], bool]  # can_view(user, target)
    author_id: Callable[[Any], int | None] = attrgetter("author_id")
    # the process whose facilitators moderate it (None: the council's, as for a profile)
    process_id: Callable[[Any], int | None] = attrgetter("process_id")
    # whether the target itself takes comments now (whatever the phase); None: not commentable
    accepts_comments: Callable[[Any], bool] | None = None
    # whether its comments state a position (in favour, neutral, against): a proposal's do, a
    # meeting's do not (it is not for or against anything)
    comment_positions: bool = True
    reportable: bool = True
    # hide (a time) or show again (None); a kind with counters to keep true gives its own
    set_hidden: Callable[[Any, datetime | None], None] = _hide
    # what a person wrote of this kind (None: nobody authors it): blocks hide it, profiles count it
    author_column: str | None = "author_id"
    contribution_label: Any = None  # "Proposals" on a profile (None: not counted there)
    # its own address when it is read on another's page (a comment in its thread); actions on
    # it (reporting) live below this address
    permalink: Callable[..., str] | None = None  # permalink(target, external=False)
    # the URL rule of that address ("/comments/<int:id>"): reporting it is <rule>/report
    address_rule: str | None = None

    @property
    def commentable(self) -> bool:
        return self.accepts_comments is not None

    def address(self, target, external=False) -> str:
        """The address of the target itself (no anchor): ``<address>/report`` reports it."""
        if self.permalink is not None:
            return self.permalink(target, external=external)
        return self.url(target, external=external)

    def get(self, target_id: int):
        return db.session.get(self.model, target_id)

    def authored_by(self, user_id: int):
        """A SELECT of everything ``user_id`` wrote of this kind."""
        return sa.select(self.model).where(getattr(self.model, self.author_column) == user_id)

    def __repr__(self):
        return f"<ContentKind {self.value}>"


_KINDS: dict[str, ContentKind] = {}
_BY_MODEL: dict[type, ContentKind] = {}


def register_kind(kind: ContentKind) -> ContentKind:
    """Make a kind known (once per value; registering the same model again replaces it)."""
    _KINDS[kind.value] = kind
    _BY_MODEL[kind.model] = kind
    return kind


def kind_named(value: str) -> ContentKind | None:
    """The kind stored or addressed as ``value`` (None: no such kind)."""
    return _KINDS.get(value)


def kind_of(target) -> ContentKind:
    kind = _BY_MODEL.get(type(target))
    if kind is None:
        raise TypeError(f"{target!r} is not a registered kind of content")
    return kind


def content_kinds() -> list[ContentKind]:
    return list(_KINDS.values())
