"""What moderation needs to know of each kind of reportable item, in one place."""

from participa.moderation.models import ReportableKind


def author_id_of(item) -> int | None:
    kind = ReportableKind.of(item)
    if kind is ReportableKind.USER:
        return item.id
    if kind is ReportableKind.MEETING:
        return item.created_by_id
    return item.author_id


def process_id_of(item) -> int | None:
    """The process whose facilitators moderate the item (None: a profile, the council's)."""
    return None if ReportableKind.of(item) is ReportableKind.USER else item.process_id


def title_of(item) -> str:
    """A short text naming the item in the queue and in e-mails."""
    kind = ReportableKind.of(item)
    if kind is ReportableKind.USER:
        return item.name
    if kind is ReportableKind.COMMENT:
        text = " ".join((item.body or "").split())
        return text[:80] + ("…" if len(text) > 80 else "")
    return item.title
