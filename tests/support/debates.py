"""Builders for debates. They call the real operations and flush, never commit."""

import itertools

from participa.debates import operations
from participa.debates.models import Debate
from participa.processes.phases import Action
from tests.support import factories
from tests.support.phases import moment_allowing

_counter = itertools.count(1)


def make_debate(process, author=None, *, now=None, **data) -> Debate:
    """An open debate through ``create_debate`` (by a facilitator of the process unless
    ``author`` is given); made at a moment the phase allowed debates when it does not now."""
    n = next(_counter)
    if author is None:
        author = factories.make_user("facilitator", process=process, locale="en")
    data.setdefault("title", f"Què fem amb la plaça {n}?")
    data.setdefault("body", f"Parlem-ne, veïns ({n}).")
    if now is None:
        now = moment_allowing(process, Action.DEBATE)
    return operations.create_debate(process, data, actor=author, now=now)
