"""What an association does on the platform, as its page shows it: a registry the features
that know (proposals, meetings, plans, volunteering… later) fill at start-up, so this package
imports none of them (they are above it in the layers).

    register_activity("meetings", _l("Meetings"), lambda association: [
        ActivityItem(title, url, when), ...])

Each section's ``items(association)`` reads its rows at once (one query, never one per row);
the page shows the sections that have something, or an empty state."""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True)
class ActivityItem:
    title: str
    url: str | None = None
    when: datetime | None = None  # shown as a date when given
    lang: str | None = None  # the title's language, when it may differ from the page's


@dataclass(frozen=True)
class ActivitySection:
    key: str
    title: object  # lazy: translated when shown
    items: Callable


_SECTIONS: dict[str, ActivitySection] = {}


def register_activity(key: str, title, items: Callable) -> None:
    """Add (or replace) the section ``key`` of every association's page."""
    _SECTIONS[key] = ActivitySection(key, title, items)


def unregister_activity(key: str) -> None:
    _SECTIONS.pop(key, None)


def activity_of(association) -> list[tuple[ActivitySection, list[ActivityItem]]]:
    """The sections that have something for ``association``, in the order they were
    registered, each with its items."""
    found = []
    for section in _SECTIONS.values():
        items = list(section.items(association) or ())
        if items:
            found.append((section, items))
    return found
