"""Writes about community plans: the plans (council), their goals, indicators and measurements
(council and the plan's facilitators: the views check ``can_manage_plan_goals``), and the
indicators computed from the platform. Flush, never commit; the clock comes in as ``today``."""

import re
from datetime import date
from decimal import Decimal, InvalidOperation

import sqlalchemy as sa
from flask_babel import lazy_gettext as _l
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from participa.core.errors import DomainError
from participa.core.models import assign_slug, log_action
from participa.core.text import text_value
from participa.core.translated import set_translations
from participa.extensions import db
from participa.neighbourhoods.models import Neighbourhood
from participa.plans.models import (
    MAX_DECIMALS,
    MAX_VALUE,
    SERVICE_CONTACT_LIMIT,
    SERVICE_NAME_LIMIT,
    CommunityPlan,
    Direction,
    Goal,
    Indicator,
    Measurement,
    MemberKind,
    MemberStatus,
    PlanMember,
    PlanStatus,
    ServiceKind,
)
from participa.plans.sources import indicator_source

FIELDS = ("title", "summary", "body", "starts_on", "ends_on")


# the ActionLog verbs written here, as the council's log reads them
VERBS = {
    "create_plan": _l("created a community plan"),
    "update_plan": _l("edited a community plan"),
    "create_goal": _l("added a goal to a community plan"),
    "update_goal": _l("edited a goal of a community plan"),
    "move_goal": _l("reordered the goals of a community plan"),
    "delete_goal": _l("deleted a goal of a community plan"),
    "create_indicator": _l("added an indicator to a plan goal"),
    "update_indicator": _l("edited an indicator of a plan goal"),
    "move_indicator": _l("reordered the indicators of a plan goal"),
    "delete_indicator": _l("deleted an indicator of a plan goal"),
    "record_measurement": _l("recorded a measurement of an indicator"),
    "update_measurement": _l("edited a measurement of an indicator"),
    "delete_measurement": _l("deleted a measurement of an indicator"),
    "refresh_indicators": _l("refreshed the indicators computed from the platform"),
    "add_plan_member": _l("added a member to a community plan"),
    "accept_plan_member": _l("accepted a resident into a community plan"),
    "remove_plan_member": _l("removed a member from a community plan"),
}


def create_plan(data: dict, *, actor, translations=None) -> CommunityPlan:
    return _save(CommunityPlan(), data, actor=actor, verb="create_plan",
                 translations=translations)


def update_plan(plan: CommunityPlan, data: dict, *, actor, translations=None) -> CommunityPlan:
    """``translations``: the texts in the other languages (``None`` keeps those it has)."""
    return _save(plan, data, actor=actor, verb="update_plan", translations=translations)


def _save(plan, data, *, actor, verb, translations=None):
    set_translations(plan, translations)
    for field in FIELDS:
        setattr(plan, field, data[field] if data[field] is not None or field == "ends_on" else "")
    plan.status = PlanStatus(data["status"])
    plan.neighbourhoods = list(
        db.session.scalars(select(Neighbourhood).where(Neighbourhood.id.in_(data["neighbourhood_ids"])))
    )
    assign_slug(plan, data.get("slug"), data["title"])
    db.session.add(plan)
    db.session.flush()
    log_action(verb, plan, actor=actor, slug=plan.slug, status=plan.status)
    return plan


# --- values people type ------------------------------------------------------------------------

NUMBER = re.compile(r"[+-]?[0-9]+(?:\.[0-9]+)?")
NOT_A_NUMBER = _l("Write a number, for example 12 or 3,5.")


def parse_value(raw, *, decimals: int, field: str = "value") -> Decimal:
    """A number as a person types it: "3,5" and "3.5" alike (the comma is Catalan and Spanish
    for the decimal point), "1.234,5" and "1,234.5" with their thousands marks; never NaN,
    infinity, exponents, text, nor more than ``decimals`` decimals or a thousand million."""
    if isinstance(raw, int | Decimal) and not isinstance(raw, bool):
        text = str(raw)
    else:
        text = str(raw or "")
    text = text.strip().replace("\u00a0", "").replace("\u202f", "").replace(" ", "")
    if not text or len(text) > 40:
        raise DomainError(NOT_A_NUMBER, field=field)
    if "," in text and "." in text:  # the last mark is the decimal one, the other groups
        decimal_mark = "," if text.rfind(",") > text.rfind(".") else "."
        text = text.replace("." if decimal_mark == "," else ",", "")
    text = text.replace(",", ".")
    if not NUMBER.fullmatch(text):
        raise DomainError(NOT_A_NUMBER, field=field)
    try:
        value = Decimal(text)
    except InvalidOperation as error:  # pragma: no cover - the pattern keeps these out
        raise DomainError(NOT_A_NUMBER, field=field) from error
    if abs(value) >= MAX_VALUE:
        raise DomainError(_l("This number is too large: give one under a thousand million."),
                          field=field)
    places = -value.normalize().as_tuple().exponent
    if places > decimals:
        if decimals == 0:
            raise DomainError(_l("Give a whole number: this indicator has no decimals."),
                              field=field)
        raise DomainError(_l("Give at most %(n)s decimals: that is this indicator's precision.",
                             n=decimals), field=field)
    return value


def _text(data, name, limit, message, *, required=True, one_line=True):
    """``text_value``, one line unless told (a plan's texts are mostly names)."""
    return text_value(data, name, limit, message, required=required, one_line=one_line)


def _optional_value(data, name, decimals):
    raw = data.get(name)
    if raw is None or (isinstance(raw, str) and not raw.strip()):
        return None
    return parse_value(raw, decimals=decimals, field=name)


def _renumber(items) -> None:
    for position, item in enumerate(items):
        item.position = position


def _move(item, siblings, direction: str) -> None:
    """Swap ``item`` with its neighbour above ("up") or below ("down")."""
    order = sorted(siblings, key=lambda sibling: (sibling.position, sibling.id))
    i = order.index(item)
    j = i + (-1 if direction == "up" else 1)
    if direction not in ("up", "down") or not 0 <= j < len(order):
        raise DomainError(_l("It is already at that end of the list."))
    order[i], order[j] = order[j], order[i]
    _renumber(order)


# --- goals -------------------------------------------------------------------------------------

GOAL_TEXT_LIMIT = 5000


def _apply_goal(goal, data):
    goal.title = _text(data, "title", 200, _l("Write a title of at most 200 characters."))
    goal.description = _text(
        data, "description", GOAL_TEXT_LIMIT,
        _l("Write a text of at most %(n)s characters.", n=GOAL_TEXT_LIMIT),
        required=False, one_line=False)


def create_goal(plan: CommunityPlan, data: dict, *, actor, translations=None) -> Goal:
    goal = Goal(plan=plan, position=len(plan.goals))
    _apply_goal(goal, data)
    set_translations(goal, translations)
    db.session.add(goal)
    db.session.flush()
    log_action("create_goal", goal, actor=actor, plan_id=plan.id)
    return goal


def update_goal(goal: Goal, data: dict, *, actor, translations=None) -> Goal:
    _apply_goal(goal, data)
    set_translations(goal, translations)
    db.session.flush()
    log_action("update_goal", goal, actor=actor, plan_id=goal.plan_id)
    return goal


def move_goal(goal: Goal, direction: str, *, actor) -> Goal:
    _move(goal, goal.plan.goals, direction)
    db.session.flush()
    log_action("move_goal", goal, actor=actor, plan_id=goal.plan_id, direction=direction)
    return goal


def delete_goal(goal: Goal, *, actor) -> None:
    """A goal goes with its indicators and their measurements."""
    plan = goal.plan
    log_action("delete_goal", goal, actor=actor, plan_id=plan.id, title=goal.title)
    plan.goals.remove(goal)
    db.session.delete(goal)
    _renumber(sorted(plan.goals, key=lambda item: (item.position, item.id)))
    db.session.flush()


# --- indicators --------------------------------------------------------------------------------


def _whole(data, name, low, high, message):
    value = data.get(name)
    if isinstance(value, str) and value.strip().isdigit():
        value = int(value)
    if not isinstance(value, int) or isinstance(value, bool) or not low <= value <= high:
        raise DomainError(message, field=name)
    return value


def _date(data, name, message, *, required=False):
    value = data.get(name)
    if value is None and not required:
        return None
    if not isinstance(value, date):
        raise DomainError(message, field=name)
    return value


def _apply_indicator(indicator, data):
    indicator.name = _text(data, "name", 200, _l("Write a name of at most 200 characters."))
    indicator.unit = _text(data, "unit", 40, _l("Write a unit of at most 40 characters."),
                           required=False)
    decimals = data.get("decimals")
    indicator.decimals = 0 if decimals in (None, "") else _whole(
        data, "decimals", 0, MAX_DECIMALS,
        _l("Give a number of decimals between 0 and %(n)s.", n=MAX_DECIMALS))
    try:
        indicator.direction = Direction(data.get("direction") or Direction.HIGHER.value)
    except ValueError as error:
        raise DomainError(_l("Not a valid choice."), field="direction") from error
    places = indicator.decimals
    for kind, both in (("baseline", _l("Give both the baseline value and its date, or "
                                       "neither.")),
                       ("target", _l("Give both the target value and its date, or neither."))):
        value = _optional_value(data, f"{kind}_value", places)
        on = _date(data, f"{kind}_on", _l("Give a valid date."))
        if (value is None) != (on is None):
            raise DomainError(both, field=f"{kind}_value" if value is None else f"{kind}_on")
        setattr(indicator, f"{kind}_value", value)
        setattr(indicator, f"{kind}_on", on)
    if indicator.baseline_on and indicator.target_on and (
            indicator.target_on < indicator.baseline_on):
        raise DomainError(_l("The target date cannot come before the baseline date."),
                          field="target_on")
    source = data.get("source") or None
    if source is not None and indicator_source(source) is None:
        raise DomainError(_l("Not a valid choice."), field="source")
    indicator.source = source
    if indicator.id is not None and indicator.baseline_on is not None:
        earlier = db.session.scalar(sa.select(sa.func.count()).select_from(Measurement).where(
            Measurement.indicator_id == indicator.id,
            Measurement.measured_on < indicator.baseline_on))
        if earlier:
            raise DomainError(_l("Some measurements are dated before this baseline date: "
                                 "delete them or choose an earlier date."), field="baseline_on")


def create_indicator(goal: Goal, data: dict, *, actor) -> Indicator:
    indicator = Indicator(goal=goal, position=len(goal.indicators))
    _apply_indicator(indicator, data)
    db.session.add(indicator)
    db.session.flush()
    log_action("create_indicator", indicator, actor=actor, goal_id=goal.id,
               plan_id=goal.plan_id, source=indicator.source)
    return indicator


def update_indicator(indicator: Indicator, data: dict, *, actor) -> Indicator:
    _apply_indicator(indicator, data)
    db.session.flush()
    log_action("update_indicator", indicator, actor=actor, goal_id=indicator.goal_id,
               plan_id=indicator.goal.plan_id, source=indicator.source)
    return indicator


def move_indicator(indicator: Indicator, direction: str, *, actor) -> Indicator:
    _move(indicator, indicator.goal.indicators, direction)
    db.session.flush()
    log_action("move_indicator", indicator, actor=actor, goal_id=indicator.goal_id,
               direction=direction)
    return indicator


def delete_indicator(indicator: Indicator, *, actor) -> None:
    goal = indicator.goal
    log_action("delete_indicator", indicator, actor=actor, goal_id=goal.id,
               plan_id=goal.plan_id, name=indicator.name)
    goal.indicators.remove(indicator)
    db.session.delete(indicator)
    _renumber(sorted(goal.indicators, key=lambda item: (item.position, item.id)))
    db.session.flush()


# --- measurements ------------------------------------------------------------------------------

COMPUTED = _l("This indicator is computed from the platform: its measurements are recorded "
              "automatically, once a day and when you refresh it.")


def _apply_measurement(measurement, indicator, data, *, today: date):
    on = _date(data, "measured_on", _l("Give the date of the measurement."), required=True)
    if on > today:
        raise DomainError(_l("A measurement cannot be dated in the future."),
                          field="measured_on")
    if indicator.baseline_on is not None and on < indicator.baseline_on:
        raise DomainError(_l("A measurement cannot be dated before the indicator's baseline "
                             "date."), field="measured_on")
    taken = sa.select(Measurement.id).where(Measurement.indicator_id == indicator.id,
                                            Measurement.measured_on == on)
    if measurement.id is not None:
        taken = taken.where(Measurement.id != measurement.id)
    if db.session.scalar(taken) is not None:
        raise DomainError(_l("This indicator already has a measurement on that day: edit it "
                             "instead."), field="measured_on")
    measurement.measured_on = on
    measurement.value = parse_value(data.get("value"), decimals=indicator.decimals)
    measurement.source = _text(data, "source", 200,
                               _l("Write a source of at most 200 characters."), required=False)
    measurement.note = _text(data, "note", 500, _l("Write a note of at most 500 characters."),
                             required=False)


def record_measurement(indicator: Indicator, data: dict, *, actor, today: date) -> Measurement:
    if indicator.is_computed:
        raise DomainError(COMPUTED)
    measurement = Measurement()
    with db.session.no_autoflush:
        _apply_measurement(measurement, indicator, data, today=today)
    indicator.measurements.append(measurement)
    db.session.flush()
    log_action("record_measurement", measurement, actor=actor, indicator_id=indicator.id,
               measured_on=measurement.measured_on, value=str(measurement.value))
    return measurement


def update_measurement(measurement: Measurement, data: dict, *, actor,
                       today: date) -> Measurement:
    _apply_measurement(measurement, measurement.indicator, data, today=today)
    db.session.flush()
    log_action("update_measurement", measurement, actor=actor,
               indicator_id=measurement.indicator_id, measured_on=measurement.measured_on,
               value=str(measurement.value))
    return measurement


def delete_measurement(measurement: Measurement, *, actor) -> None:
    indicator = measurement.indicator
    log_action("delete_measurement", measurement, actor=actor, indicator_id=indicator.id,
               measured_on=measurement.measured_on, value=str(measurement.value))
    indicator.measurements.remove(measurement)
    db.session.delete(measurement)
    db.session.flush()


# --- indicators computed from the platform -----------------------------------------------------

PLATFORM = "Participa"  # the source a computed measurement names


def refresh_indicator(indicator: Indicator, *, on: date) -> Measurement | None:
    """Record the figure of a computed indicator's source for the day ``on`` (today's
    measurement is updated if it exists: one per day). None when there is no figure."""
    source = indicator_source(indicator.source)
    if source is None:  # measured by hand, or a source no longer offered
        return None
    value = source.compute(indicator.goal.plan, on)
    if value is None:
        return None
    value = Decimal(value)
    today_s = sa.select(Measurement).where(Measurement.indicator_id == indicator.id,
                                           Measurement.measured_on == on)
    measurement = db.session.scalar(today_s)
    if measurement is None:
        try:
            with db.session.begin_nested():  # the worker and the button at the same moment:
                measurement = Measurement(indicator_id=indicator.id, measured_on=on,
                                          source=PLATFORM, note="", value=value)
                db.session.add(measurement)
            return measurement
        except IntegrityError:  # the other one wrote today's first: update it
            measurement = db.session.scalar(today_s)
    measurement.value = value
    return measurement


def refresh_plan_indicators(plan: CommunityPlan, *, on: date, actor) -> int:
    """Refresh every computed indicator of ``plan`` for the day ``on``; how many got a value."""
    indicators = db.session.scalars(
        sa.select(Indicator).join(Goal).where(Goal.plan_id == plan.id,
                                              Indicator.source.is_not(None))
        .order_by(Goal.position, Indicator.position, Indicator.id))
    refreshed = sum(1 for indicator in indicators if refresh_indicator(indicator, on=on))
    db.session.flush()
    log_action("refresh_indicators", plan, actor=actor, on=on, indicators=refreshed)
    return refreshed


def refresh_all_indicators(*, on: date, actor=None) -> int:
    """The daily refresh: every plan that is not closed and has a computed indicator."""
    plans = db.session.scalars(
        sa.select(CommunityPlan).where(
            CommunityPlan.status != PlanStatus.CLOSED,
            CommunityPlan.id.in_(sa.select(Goal.plan_id).join(Indicator)
                                 .where(Indicator.source.is_not(None))))
        .order_by(CommunityPlan.id))
    return sum(refresh_plan_indicators(plan, on=on, actor=actor) for plan in list(plans))


# --- the plan's table: its members ------------------------------------------------------------

NOT_ACTIVE = _l("Only an active plan takes new members.")


def _new_member(plan, member: PlanMember, taken_message) -> PlanMember:
    """Add ``member`` to ``plan``; the database refuses a second row for the same association
    or person (two clicks at once included): ``taken_message`` then, and nothing changes."""
    member.plan_id = plan.id
    try:
        with db.session.begin_nested():
            db.session.add(member)
            db.session.flush()
    except IntegrityError:
        raise DomainError(taken_message) from None
    return member


def add_association_member(plan, association, *, actor) -> PlanMember:
    """The council or a facilitator seats a verified association at the plan's table."""
    if association is None or not association.is_verified:
        raise DomainError(_l("Choose a verified association."), field="association_id")
    member = _new_member(plan, PlanMember(kind=MemberKind.ASSOCIATION, association=association,
                                          added_by_id=actor.id),
                         _l("This association is already a member of the plan."))
    log_action("add_plan_member", plan, actor=actor, member=association.name,
               kind=member.kind)
    return member


def add_service_member(plan, data: dict, *, actor) -> PlanMember:
    """A public service at the plan's table: a name, a kind and a contact (not an account)."""
    name = text_value(data, "name", SERVICE_NAME_LIMIT, _l(
        "Write the service's name on one line, in at most %(n)s characters.",
        n=SERVICE_NAME_LIMIT), one_line=True)
    contact = text_value(data, "contact", SERVICE_CONTACT_LIMIT, _l(
        "Write the contact on one line, in at most %(n)s characters.",
        n=SERVICE_CONTACT_LIMIT), required=False, one_line=True)
    try:
        kind = ServiceKind(data.get("service_kind"))
    except ValueError:
        raise DomainError(_l("Choose the kind of service."), field="service_kind") from None
    member = _new_member(plan, PlanMember(kind=MemberKind.SERVICE, name=name, service_kind=kind,
                                          contact=contact, added_by_id=actor.id),
                         _l("This service is already a member of the plan."))
    log_action("add_plan_member", plan, actor=actor, member=name, kind=member.kind)
    return member


def ask_to_join_plan(plan, *, actor) -> PlanMember:
    """A resident asks to join the plan's table; a facilitator accepts (``accept_member``)."""
    if plan.status != PlanStatus.ACTIVE:
        raise DomainError(NOT_ACTIVE)
    return _new_member(plan, PlanMember(kind=MemberKind.RESIDENT, user_id=actor.id,
                                        status=MemberStatus.REQUESTED),
                       _l("You have already asked to join this plan."))


def accept_member(member: PlanMember, *, actor) -> PlanMember:
    if member.status != MemberStatus.REQUESTED:
        raise DomainError(_l("This request has already been answered."))
    if member.plan.status != PlanStatus.ACTIVE:
        raise DomainError(NOT_ACTIVE)
    member.status = MemberStatus.MEMBER
    log_action("accept_plan_member", member.plan, actor=actor, member=member.user.name,
               kind=member.kind)
    return member


def remove_member(member: PlanMember, *, actor) -> None:
    """Take a member off the table (or refuse a resident's request); a resident leaving on
    their own leaves nothing in the council's log."""
    if member.user_id != actor.id:
        log_action("remove_plan_member", member.plan, actor=actor, member=member_name(member),
                   kind=member.kind, status=member.status)
    db.session.delete(member)
    db.session.flush()


def member_name(member: PlanMember) -> str:
    if member.kind == MemberKind.ASSOCIATION:
        return member.association.name
    if member.kind == MemberKind.RESIDENT:
        return member.user.name
    return member.name
