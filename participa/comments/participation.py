"""The person's comments on "My participation" (a ``participation_page`` receiver): each
linked to its place in its thread, with what it is on — one query for the comments, one per
kind of thing they are on."""

from flask_babel import lazy_gettext as _l

from participa.accounts.participation import section
from participa.comments import queries
from participa.core.content import kind_named


def my_comments(sender, person, listing, **kwargs) -> dict:
    """Their comments, newest first; one hidden by moderation is marked (they may appeal),
    deleted ones are left out. What a comment is on shows its title, unless it is hidden or
    deleted."""
    if not listing.wants("comments"):
        return {}
    comments, more = listing.shown(queries.list_comments_by(
        person, limit=listing.limit, offset=listing.offset))
    targets = queries.targets_of(comments)
    items = []
    for comment in comments:
        kind = kind_named(comment.target_kind)
        target = targets.get((comment.target_kind, comment.target_id))
        readable = (target is not None and target.hidden_at is None
                    and getattr(target, "deleted_at", None) is None)
        items.append((comment, kind, kind.title(target) if readable else None))
    return section(listing, "comments", 40, _l("My comments"), "comments/_my_participation.html",
                   more=more, items=items)
