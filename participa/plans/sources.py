"""Indicators computed from the platform itself: a registry of sources the content packages fill
at start-up (the frame never imports them).

A source has a key (stored in ``Indicator.source``), a label the council picks it by, and
``compute(plan, on) -> Decimal | None``: the figure for ``plan`` as it stood at the end of the
day ``on`` (None: no figure that day, say a turnout with no residents to count). Each compute is
a few aggregate queries, never rows loaded into Python."""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from decimal import Decimal

import sqlalchemy as sa

from participa.core.timeutil import local_to_utc
from participa.processes.models import Process


@dataclass(frozen=True)
class IndicatorSource:
    key: str
    label: object  # a lazy string, translated when shown
    compute: Callable[[object, date], Decimal | None]


_SOURCES: dict[str, IndicatorSource] = {}


def register_indicator_source(key: str, label, compute) -> None:
    """Offer ``compute`` to the council as the source of an indicator, under ``key``."""
    _SOURCES[key] = IndicatorSource(key, label, compute)


def indicator_source(key: str | None) -> IndicatorSource | None:
    return _SOURCES.get(key) if key else None


def indicator_sources() -> list[IndicatorSource]:
    return list(_SOURCES.values())


def end_of_day(on: date) -> datetime:
    """The first moment (UTC) after the town's day ``on``: what happened before it counts."""
    return local_to_utc(datetime.combine(on + timedelta(days=1), time()))


def process_ids_of(plan) -> sa.Select:
    """The ids of the plan's processes, as a subquery for the sources' counts
    (``Proposal.process_id.in_(process_ids_of(plan))``)."""
    return sa.select(Process.id).where(Process.plan_id == plan.id)
