"""What comments are on: any kind of content registered as commentable (its ``ContentKind``
says whether it takes comments now, who may read it and where it is read)."""

from flask import abort
from flask_login import current_user

from participa.core.content import kind_named, kind_of


def target_url(target, anchor=None, external=False) -> str:
    """The page of a proposal, debate or meeting (at a comment, with ``anchor``)."""
    return kind_of(target).url(target, anchor=anchor, external=external)


def visible_target_or_404(kind_value: str, process, target_id: int):
    """The commentable target of this process, if this person may read it."""
    kind = kind_named(kind_value)
    if kind is None or not kind.commentable:
        abort(404)
    target = kind.get(target_id)
    if target is None or target.process_id != process.id:
        abort(404)
    if not kind.can_view(current_user, target):
        abort(404)
    return target
