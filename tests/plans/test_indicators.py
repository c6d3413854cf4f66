"""Indicators and their measurements, without HTTP: what a value may be (the bad ones each get
a message and change nothing), baselines, targets and dates, the series, the ActionLog, and the
figures as each language writes them."""

from datetime import timedelta
from decimal import Decimal

import pytest
import sqlalchemy as sa
from flask_babel import force_locale

from participa.core.errors import DomainError
from participa.core.models import ActionLog
from participa.core.timeutil import local_date
from participa.extensions import db
from participa.plans import operations
from participa.plans.charts import chart, format_measure, progress, trend
from participa.plans.models import Direction, Indicator, Measurement
from participa.plans.operations import parse_value
from tests.support import factories
from tests.support.plans import make_goal, make_indicator, measure

TODAY = local_date()


def english(message) -> str:
    """A refusal's message as an English reader reads it."""
    from flask import current_app

    with current_app.test_request_context(), force_locale("en"):
        return str(message)


def verbs():
    return [entry.verb for entry in db.session.scalars(sa.select(ActionLog).order_by(ActionLog.id))]


def count(model):
    return db.session.scalar(sa.select(sa.func.count()).select_from(model))


@pytest.fixture
def council():
    return factories.make_user("council")


@pytest.fixture
def goal():
    return make_goal(factories.make_plan())


@pytest.fixture
def indicator(goal):
    """People (0 decimals), baseline 100 a year ago, target 150 in a year."""
    return make_indicator(goal)


@pytest.fixture
def share(goal):
    """A percentage with one decimal, lower is better."""
    return make_indicator(goal, name="Veïns que se senten sols", unit="%", decimals=1,
                          direction="lower", baseline_value="27,5", target_value="18")


# --- values ------------------------------------------------------------------------------------


@pytest.mark.parametrize("raw, decimals, expected", [
    ("3,5", 1, "3.5"), ("3.5", 1, "3.5"), (" 42 ", 0, "42"), ("-2,25", 2, "-2.25"),
    ("1.234,5", 1, "1234.5"), ("1,234.5", 1, "1234.5"), ("3,50", 1, "3.5"), ("0", 0, "0"),
    ("+7", 0, "7"), ("999999999,9999", 4, "999999999.9999"), ("12\u00a0345", 0, "12345"),
    (Decimal("2.5"), 1, "2.5"), (17, 0, "17"),
])
def test_values_are_read_as_people_write_them(raw, decimals, expected):
    assert parse_value(raw, decimals=decimals) == Decimal(expected)


@pytest.mark.parametrize("raw", [
    "", "  ", None, "tres", "NaN", "nan", "Infinity", "-inf", "1e5", "3,5,1", "1..2", "0x1A",
    "12%", "3,5\x00", "\x00", "1" * 41, "1000000000", "-1000000000", "99999999999999999999",
    True,
])
def test_what_is_not_a_number_is_refused(raw):
    with pytest.raises(DomainError) as refused:
        parse_value(raw, decimals=4)
    assert refused.value.field == "value"


def test_more_decimals_than_the_unit_has_are_refused():
    with pytest.raises(DomainError) as whole:
        parse_value("3,5", decimals=0)
    with pytest.raises(DomainError) as two:
        parse_value("3,555", decimals=2)
    assert "whole number" in english(whole.value.message)
    assert "2 decimals" in english(two.value.message)


# --- indicators --------------------------------------------------------------------------------


def test_an_indicator_is_created_with_its_figures(share, council):
    assert (share.name, share.unit, share.decimals, share.direction) == (
        "Veïns que se senten sols", "%", 1, Direction.LOWER)
    assert (share.baseline_value, share.target_value) == (Decimal("27.5"), Decimal("18"))
    assert share.source is None and not share.is_computed
    db.session.commit()
    db.session.expire_all()
    stored = db.session.get(Indicator, share.id)
    assert stored.baseline_value == Decimal("27.5")  # exact, on SQLite and PostgreSQL alike
    assert "create_indicator" in verbs()


@pytest.mark.parametrize("data, field", [
    ({"name": ""}, "name"),
    ({"name": "x" * 201}, "name"),
    ({"name": "Dues\nlínies"}, "name"),
    ({"unit": "u" * 41}, "unit"),
    ({"decimals": 5}, "decimals"),
    ({"decimals": -1}, "decimals"),
    ({"decimals": "dos"}, "decimals"),
    ({"direction": "sideways"}, "direction"),
    ({"baseline_value": "molts"}, "baseline_value"),
    ({"baseline_value": "NaN"}, "baseline_value"),
    ({"baseline_value": "3,5"}, "baseline_value"),  # the unit has no decimals
    ({"baseline_value": None}, "baseline_value"),  # a date without its value
    ({"baseline_on": None}, "baseline_on"),  # a value without its date
    ({"target_value": "1e9"}, "target_value"),
    ({"target_on": TODAY - timedelta(days=400)}, "target_on"),  # before the baseline
    ({"target_on": "demà"}, "target_on"),
    ({"source": "no-such-source"}, "source"),
])
def test_a_bad_indicator_is_refused(goal, council, data, field):
    with pytest.raises(DomainError) as refused:
        make_indicator(goal, actor=council, **data)
    assert refused.value.field == field
    db.session.rollback()
    assert count(Indicator) == 0


def test_an_indicator_needs_no_baseline_nor_target(goal):
    indicator = make_indicator(goal, baseline_value="", baseline_on=None, target_value=None,
                               target_on=None)
    assert indicator.baseline_value is None and indicator.target_on is None
    assert progress(indicator) is None and trend(indicator) is None


def test_indicators_are_edited_reordered_and_deleted(goal, council):
    a = make_indicator(goal, name="A")
    b = make_indicator(goal, name="B")
    c = make_indicator(goal, name="C")
    operations.update_indicator(b, {"name": "B2", "unit": "horts", "decimals": 0,
                                    "direction": "lower"}, actor=council)
    assert (b.name, b.unit, b.direction, b.baseline_value) == ("B2", "horts", Direction.LOWER,
                                                               None)
    operations.move_indicator(c, "up", actor=council)
    assert [i.name for i in sorted(goal.indicators, key=lambda i: i.position)] == [
        "A", "C", "B2"]
    measure(a, "101")
    db.session.commit()
    operations.delete_indicator(a, actor=council)
    db.session.commit()
    db.session.expire_all()
    assert [i.name for i in db.session.scalars(
        sa.select(Indicator).order_by(Indicator.position))] == ["C", "B2"]
    assert count(Measurement) == 0
    assert {"update_indicator", "move_indicator", "delete_indicator"} <= set(verbs())


def test_a_baseline_cannot_move_after_measurements_it_would_leave_behind(indicator, council):
    measure(indicator, "105", TODAY - timedelta(days=100))
    with pytest.raises(DomainError) as refused:
        operations.update_indicator(indicator, {
            "name": indicator.name, "decimals": 0, "direction": "higher",
            "baseline_value": "100", "baseline_on": TODAY - timedelta(days=50)}, actor=council)
    assert refused.value.field == "baseline_on"


# --- measurements ------------------------------------------------------------------------------


def test_a_measurement_is_recorded_and_logged(share, council):
    recorded = measure(share, "24,3", TODAY - timedelta(days=10), actor=council,
                       note="Enquesta de primavera")
    assert (recorded.value, recorded.measured_on, recorded.note) == (
        Decimal("24.3"), TODAY - timedelta(days=10), "Enquesta de primavera")
    entry = db.session.scalar(sa.select(ActionLog).where(
        ActionLog.verb == "record_measurement"))
    assert (entry.actor_id, entry.data["value"]) == (council.id, "24.3")
    assert share.latest is recorded


@pytest.mark.parametrize("data, field", [
    ({"measured_on": TODAY + timedelta(days=1)}, "measured_on"),  # the future
    ({"measured_on": TODAY - timedelta(days=366)}, "measured_on"),  # before the baseline
    ({"measured_on": None}, "measured_on"),
    ({"measured_on": "ahir"}, "measured_on"),
    ({"value": "no ho sé"}, "value"),
    ({"value": "nan"}, "value"),
    ({"value": "Infinity"}, "value"),
    ({"value": "1e400"}, "value"),
    ({"value": "12345678901234567890"}, "value"),
    ({"value": "3\x005"}, "value"),
    ({"value": "3,55"}, "value"),  # two decimals where the unit has one
    ({"value": ""}, "value"),
    ({"source": "s" * 201}, "source"),
    ({"source": "dues\nlínies"}, "source"),
    ({"note": "n" * 501}, "note"),
])
def test_a_bad_measurement_is_refused_and_changes_nothing(share, council, data, field):
    values = {"measured_on": TODAY - timedelta(days=3), "value": "20,5", "source": "",
              "note": ""}
    values.update(data)
    with pytest.raises(DomainError) as refused:
        operations.record_measurement(share, values, actor=council, today=TODAY)
    assert refused.value.field == field
    assert str(refused.value.message)  # a message for the person, translated when shown
    db.session.rollback()
    assert count(Measurement) == 0 and "record_measurement" not in verbs()


def test_one_measurement_per_day(indicator, council):
    measure(indicator, "110", TODAY - timedelta(days=2))
    with pytest.raises(DomainError) as refused:
        measure(indicator, "111", TODAY - timedelta(days=2))
    assert "already" in english(refused.value.message)


def test_a_measurement_is_edited_and_deleted(indicator, council):
    first = measure(indicator, "110", TODAY - timedelta(days=20))
    second = measure(indicator, "115", TODAY - timedelta(days=10))
    db.session.commit()
    with pytest.raises(DomainError):  # onto the other one's day
        operations.update_measurement(second, {"measured_on": TODAY - timedelta(days=20),
                                               "value": "1"}, actor=council, today=TODAY)
    db.session.rollback()
    operations.update_measurement(second, {"measured_on": TODAY - timedelta(days=9),
                                           "value": "116", "source": "Taula", "note": "Revisat"},
                                  actor=council, today=TODAY)
    assert (second.value, second.note) == (Decimal("116"), "Revisat")
    operations.delete_measurement(first, actor=council)
    db.session.commit()
    assert count(Measurement) == 1
    assert {"update_measurement", "delete_measurement"} <= set(verbs())


def test_a_computed_indicator_takes_no_measurement_by_hand(goal, council):
    computed = make_indicator(goal, source="proposals", baseline_value=None, baseline_on=None)
    with pytest.raises(DomainError):
        measure(computed, "3")


# --- figures -----------------------------------------------------------------------------------


def test_values_are_shown_with_the_units_precision_in_each_language(app):
    with app.test_request_context():
        for locale, expected in (("ca", "1.234,5"), ("es", "1.234,5"), ("en", "1,234.5")):
            with force_locale(locale):
                assert format_measure(Decimal("1234.5"), 1) == expected
        with force_locale("ca"):
            assert format_measure(Decimal("3.0000"), 0) == "3"
            assert format_measure(Decimal("27.5"), 2) == "27,50"
            assert format_measure(None, 1) == ""


def test_progress_and_trend_follow_the_direction(indicator, share):
    measure(indicator, "120", TODAY - timedelta(days=5))
    assert (progress(indicator), trend(indicator)) == (40, "better")
    measure(share, "30", TODAY - timedelta(days=5))  # lower is better: it got worse
    assert trend(share) == "worse" and progress(share) < 0


def test_the_chart_holds_every_measurement_in_its_box(indicator):
    assert chart(indicator) is None
    for days, value in ((90, "100"), (60, "130"), (30, "90"), (1, "125")):
        measure(indicator, value, TODAY - timedelta(days=days))
    drawn = chart(indicator)
    assert len(drawn["points"]) == 4
    for point in drawn["points"]:
        assert drawn["x0"] <= point.x <= drawn["x1"] and drawn["y0"] <= point.y <= drawn["y1"]
    highest = max(drawn["points"], key=lambda p: p.measurement.value)
    assert highest.y == min(p.y for p in drawn["points"])  # higher values are drawn higher
    assert drawn["y0"] <= drawn["target_y"] <= drawn["y1"]
    assert (drawn["low"], drawn["high"]) == (Decimal("90"), Decimal("130"))
