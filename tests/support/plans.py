"""Builders for a plan's goals, indicators and measurements: they call the real operations (so
every rule they enforce holds for the rows they make) and flush, never commit."""

from datetime import date, timedelta

from participa.core.timeutil import local_date
from participa.plans import operations
from tests.support import factories


def make_goal(plan, *, actor=None, **data):
    values = {"title": "Enfortir els vincles entre veïns", "description": "Més **trobades**."}
    values.update(data)
    return operations.create_goal(plan, values, actor=actor)


def make_indicator(goal, *, actor=None, **data):
    """An indicator of people (no decimals, higher is better), baseline 100 a year ago,
    target 150 in a year."""
    today = local_date()
    values = {"name": "Persones que participen en activitats del barri", "unit": "persones",
              "decimals": 0, "direction": "higher", "baseline_value": "100",
              "baseline_on": today - timedelta(days=365), "target_value": "150",
              "target_on": today + timedelta(days=365), "source": None}
    values.update(data)
    return operations.create_indicator(goal, values, actor=actor)


def measure(indicator, value, on: date | None = None, *, actor=None, **data):
    today = local_date()
    values = {"measured_on": on or today, "value": value, "source": "Recompte de la taula",
              "note": ""}
    values.update(data)
    return operations.record_measurement(indicator, values, actor=actor, today=today)


def plan_with_goals(*, status=None, goals=1, indicators=1, measurements=(110, 120), **kwargs):
    """A plan with ``goals`` goals of ``indicators`` indicators each, each measured
    ``measurements`` on consecutive past months."""
    extra = {"status": status} if status is not None else {}
    plan = factories.make_plan(**extra, **kwargs)
    today = local_date()
    for g in range(goals):
        goal = make_goal(plan, title=f"Objectiu {g + 1}")
        for i in range(indicators):
            indicator = make_indicator(goal, name=f"Indicador {g + 1}.{i + 1}")
            for n, value in enumerate(measurements):
                measure(indicator, str(value), today - timedelta(days=30 * (len(measurements) - n)))
    return plan
