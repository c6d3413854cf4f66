"""One page of a list, read with LIMIT n+1 and no COUNT: a deep archive costs what a small one
does."""

from dataclasses import dataclass

from flask import request

MAX_PAGE = 100_000  # deeper pages are empty; a bigger OFFSET overflows SQLite (a 500)


def requested_page() -> int:
    """The ``?page=`` asked for, kept between 1 and MAX_PAGE."""
    return min(max(request.args.get("page", 1, type=int), 1), MAX_PAGE)


@dataclass
class Page:
    items: list
    page: int
    per_page: int
    has_next: bool
    # how many items the whole list holds, when it counted them (None: it did not); a list
    # that stops counting at a cap says so (``total_capped``: more than ``total`` - 1)
    total: int | None = None
    total_capped: bool = False

    @property
    def has_prev(self) -> bool:
        return self.page > 1


def page_of(rows: list, page: int, per_page: int) -> Page:
    """A Page from the ``per_page + 1`` rows a query returned."""
    return Page(items=rows[:per_page], page=page, per_page=per_page, has_next=len(rows) > per_page)
