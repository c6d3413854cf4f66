"""The demo town's plan goals: each active plan of Riuclar gets three or four goals (objectius)
with indicators measured by hand over its first year or two — people taking part in the
neighbourhood's activities, community gardens, how safe neighbours feel in the street — and one
indicator computed from the platform, whose series is filled from the plan's processes.

``seed_goals()`` is idempotent: a plan that already has goals is left alone."""

import random
from datetime import date, timedelta
from decimal import Decimal

from sqlalchemy import select

from participa.accounts.queries import get_user_by_email
from participa.core.timeutil import local_date
from participa.extensions import db
from participa.plans import operations
from participa.plans.models import CommunityPlan, PlanStatus
from participa.plans.sources import indicator_source

# indicator: (name, unit, decimals, direction, baseline, target, wobble) — measured by hand;
# or (name, source key) — computed from the platform
GOALS = {
    "pla-comunitari-barri-vell": [
        ("Enfortir les relacions i els vincles entre les persones del barri",
         "Que més veïnes i veïns es coneguin, es trobin i facin coses junts, i que les entitats "
         "treballin en xarxa a la **Taula Comunitària**.",
         [("Persones que participen en activitats del barri", "persones", 0, "higher",
           "240", "400", 18),
          ("Entitats que participen a la Taula Comunitària", "entitats", 0, "higher",
           "9", "15", 1),
          ("Persones que participen en els processos del pla", "participants")]),
        ("Prevenir l'aïllament social de la gent gran",
         "Detectar i acompanyar les persones grans que viuen soles, amb el programa de visites "
         "i els dinars compartits del casal.",
         [("Persones grans acompanyades pel programa de visites", "persones", 0, "higher",
           "35", "80", 4),
          ("Persones grans que diuen sentir-se soles", "%", 1, "lower", "27.5", "18.0", 1.2)]),
        ("Recuperar l'espai públic com a lloc de trobada",
         "Places, solars i carrers on estar-se, jugar i cultivar: un barri on la gent surt.",
         [("Horts comunitaris actius", "horts", 0, "higher", "2", "6", 0),
          ("Percentatge de veïns que se senten segurs al carrer", "%", 1, "higher",
           "61.0", "75.0", 1.5)]),
    ],
    "pla-comunitari-sant-roc-can-puig": [
        ("Convivència i espai públic",
         "Una plaça del Mercat i uns carrers compartits per totes les edats i orígens.",
         [("Percentatge de veïns que se senten segurs al carrer", "%", 1, "higher",
           "55.2", "70.0", 1.8),
          ("Queixes per soroll a la plaça del Mercat", "queixes al mes", 0, "lower",
           "38", "15", 3),
          ("Trobades fetes en els processos del pla", "meetings_held")]),
        ("Joves i oci educatiu",
         "Més activitats i espais per als joves dels dos barris, pensats amb ells.",
         [("Joves inscrits a activitats d'oci educatiu", "joves", 0, "higher", "120", "220", 9),
          ("Hores d'obertura setmanal de l'Espai Jove", "hores", 1, "higher",
           "12.5", "30.0", 0.5)]),
        ("Economia social i cooperativa",
         "Impulsar cooperatives, el banc del temps i el comerç de proximitat.",
         [("Projectes d'economia social actius", "projectes", 0, "higher", "4", "10", 0),
          ("Persones inscrites al banc del temps", "persones", 0, "higher", "85", "160", 5)]),
    ],
}
STEP_DAYS = {"pla-comunitari-barri-vell": 61, "pla-comunitari-sant-roc-can-puig": 30}


def _series(plan_slug, start: date, today: date, baseline, target, decimals, wobble, rng):
    """Dates from the baseline to today, every few weeks, with values that move from the
    baseline towards (not quite to) the target, with some noise: real shapes, not lines."""
    step = STEP_DAYS[plan_slug]
    days = [start + timedelta(days=step * k) for k in range(1, 40)
            if start + timedelta(days=step * k) <= today]
    low, high = Decimal(baseline), Decimal(target)
    places = Decimal(1).scaleb(-decimals)
    values = []
    for k, day in enumerate(days, start=1):
        share = Decimal(k) / Decimal(len(days) + 3)  # two thirds of the way by today
        noise = Decimal(str(round(rng.uniform(-wobble, wobble), decimals)))
        values.append((day, (low + (high - low) * share + noise).quantize(places)))
    return values


def seed_goals(today: date | None = None) -> int:
    """Give each active demo plan its goals, indicators and measurements; return how many
    records were added (0 when they are all there already)."""
    today = today or local_date()
    council = get_user_by_email("consell@riuclar.example")
    created = 0
    for slug, goals in GOALS.items():
        plan = db.session.scalar(select(CommunityPlan).where(CommunityPlan.slug == slug))
        if plan is None or plan.status != PlanStatus.ACTIVE or plan.goals:
            continue
        rng = random.Random(slug)
        start = plan.starts_on
        for title, description, indicators in goals:
            goal = operations.create_goal(plan, {"title": title, "description": description},
                                          actor=council)
            created += 1
            for spec in indicators:
                if len(spec) == 2:
                    created += _computed(goal, *spec, start=start, today=today, actor=council)
                    continue
                name, unit, decimals, direction, baseline, target, wobble = spec
                indicator = operations.create_indicator(goal, {
                    "name": name, "unit": unit, "decimals": decimals, "direction": direction,
                    "baseline_value": baseline, "baseline_on": start,
                    "target_value": target, "target_on": plan.ends_on or start + timedelta(
                        days=730),
                    "source": None}, actor=council)
                created += 1
                for day, value in _series(slug, start, today, baseline, target, decimals,
                                          wobble, rng):
                    operations.record_measurement(indicator, {
                        "measured_on": day, "value": value,
                        "source": "Recompte de la Taula Comunitària" if unit != "%"
                        else "Enquesta de veïnat", "note": ""}, actor=council, today=today)
                    created += 1
    db.session.flush()
    return created


def _computed(goal, name, source, *, start, today, actor) -> int:
    """An indicator computed from the platform, its series filled every month from the
    plan's start (the sources count what had happened by each day)."""
    indicator = operations.create_indicator(goal, {
        "name": name, "unit": "", "decimals": 0, "direction": "higher", "source": source},
        actor=actor)
    created = 1
    days = [start + timedelta(days=30 * k) for k in range((today - start).days // 30 + 1)]
    source = indicator_source(source)
    figures = [source.compute(goal.plan, day) for day in days]
    # from the last month with nothing yet: a flat line of zeros tells nobody anything
    first = max((i for i, figure in enumerate(figures) if not figure), default=0)
    for day in days[first:]:
        created += operations.refresh_indicator(indicator, on=day) is not None
    if days[-1] != today:
        created += operations.refresh_indicator(indicator, on=today) is not None
    db.session.flush()
    return created
