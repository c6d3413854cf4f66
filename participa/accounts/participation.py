""""My participation": one page with everything of a person's — proposals, supports, meeting
places, comments, ballots cast, reports — each part written by the feature it belongs to.

Accounts imports none of them. The page sends ``participation_page`` (``accounts.signals``)
with the person and a ``Listing`` (the overview: each part's first few items; or one part,
page by page); every feature that has something to show connects a receiver at start-up that
reads its own rows in a fixed number of queries and returns ``section(...)``: its part, rendered
from its own partial template."""

from dataclasses import dataclass

from flask import render_template
from markupsafe import Markup

OVERVIEW_ITEMS = 5  # each part of the overview shows this many, then "see all"
PAGE_ITEMS = 20  # a part on its own page, per page


@dataclass(frozen=True)
class Listing:
    """What the page asks each feature for: ``section`` None is the overview (every part, its
    first ``per_page`` items); a name is that part alone, its page ``page``."""

    person: object
    section: str | None = None
    page: int = 1

    @property
    def per_page(self) -> int:
        return OVERVIEW_ITEMS if self.section is None else PAGE_ITEMS

    @property
    def limit(self) -> int:
        """Rows to read: one more than shown, so the part knows whether more follow."""
        return self.per_page + 1

    @property
    def offset(self) -> int:
        return (self.page - 1) * self.per_page

    def wants(self, name: str) -> bool:
        return self.section is None or self.section == name

    def shown(self, rows) -> tuple[list, bool]:
        """The rows to show and whether more follow (``rows`` read with ``limit``)."""
        rows = list(rows)
        return rows[:self.per_page], len(rows) > self.per_page


@dataclass(frozen=True)
class Section:
    name: str  # its anchor on the overview and the last segment of its own page's address
    order: int  # where it stands on the page
    title: str
    html: Markup
    more: bool  # more items than shown: "see all" (overview) or a next page


def section(listing: Listing, name: str, order: int, title, template: str, *, more=False,
            **context) -> dict:
    """A receiver's answer: its part, rendered from ``template`` (given ``listing`` and
    ``context``), keyed by name; nothing when the page asks for another part."""
    if not listing.wants(name):
        return {}
    html = Markup(render_template(template, listing=listing, **context))
    return {name: Section(name=name, order=order, title=str(title), html=html, more=more)}


def sections_of(context: dict) -> list[Section]:
    """The parts the receivers returned, in page order."""
    return sorted((s for s in context.values() if isinstance(s, Section)),
                  key=lambda s: (s.order, s.name))
