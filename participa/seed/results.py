"""The demo town's results: what Riuclar is doing about what its neighbours decided.

The Barri Vell's plan carries out the 2026 town budget's winning projects placed in the Barri
Vell or in no neighbourhood (``results_from_outcomes`` on the town-wide process), the accepted
proposals of its own process, and a "Pla de places amb ombra" made of three parts; Sant Roc and
Can Puig's plan takes the town budget's winners in its own neighbourhoods and three actions of
its own. Thirteen results in every status (not started, in progress, done, discarded), all
published, each with a timeline that reads like the council's notes.

``seed_results(users=None, now=None)`` is idempotent: it does nothing once the Barri Vell has
its "Pla de places amb ombra"."""

from datetime import date, timedelta

import sqlalchemy as sa

from participa.accounts.queries import get_user_by_email
from participa.core.types import utcnow
from participa.extensions import db
from participa.neighbourhoods.models import Neighbourhood
from participa.plans.models import CommunityPlan, Goal
from participa.processes.models import Process
from participa.results import operations
from participa.results.models import Result

COUNCIL_EMAIL = "consell@riuclar.example"
MARKER = "Pla de places amb ombra"  # once it exists, the demo has its results
BARRI_VELL = "pla-comunitari-barri-vell"
SANT_ROC = "pla-comunitari-sant-roc-can-puig"
TOWN_BUDGET = "pressupostos-participatius-riuclar-2026"
BARRI_VELL_PROPOSALS = "pressupostos-participatius-barri-vell"

# what happened to each result that comes from an outcome, by its title: (days ago, status key,
# progress or None, executed euros or None, text), oldest first
TIMELINES = {
    "Reurbanització de la plaça de la Font": [
        (140, "in_progress", 20, 15_000, "Acabat el procés participatiu del disseny amb "
                                         "l'escola i el casal."),
        (60, "done", None, 87_300, "Inaugurada la plaça amb una festa veïnal: quatre arbres, "
                                   "deu bancs i una font nova."),
    ],
    "Enllumenat del carrer Major": [
        (120, "in_progress", 30, 12_000, "Comencen els treballs de canalització."),
        (20, None, 70, 36_000, "Instal·lats els fanals LED del tram entre la plaça i "
                               "l'església."),
    ],
    "Horts urbans del Rec": [
        (100, "in_progress", 25, 8_000, "Neteja del solar i anàlisi de la terra."),
        (15, "done", None, 39_200, "Lliurades les vint parcel·les: la llista d'espera "
                                   "continua oberta al casal."),
    ],
    "Festival de músiques del món": [
        (90, "in_progress", 50, 9_000, "Tancat el cartell, amb grups de sis comunitats que "
                                       "viuen a Riuclar."),
    ],
    "Ombra i bancs a la plaça de la Font": [
        (60, "done", None, None, "Fet dins la reurbanització de la plaça de la Font, pagada "
                                 "pel pressupost de ciutat."),
    ],
}

# the plan's own results: (plan, title, description, responsible, planned, timeline);
# the first one is made of the parts in PARTS
OWN_RESULTS = [
    (BARRI_VELL, MARKER,
     "Guanyar ombra i llocs per seure a les places del barri, pensant en la gent gran i en "
     "les famílies amb infants.", "Àrea d'Espai Públic i Taula Comunitària", None,
     [(110, "in_progress", None, None, "Comencen les obres de la primera plaça.")]),
    (BARRI_VELL, "Xarxa de voluntariat contra la solitud",
     "Acompanyament setmanal de persones grans que viuen soles, amb el casal i Creu Roja.",
     "Serveis Socials i Casal de Gent Gran", 12_000,
     [(200, "in_progress", 30, 3_000, "Formades les primeres vint persones voluntàries."),
      (70, None, 60, 7_400, "Ja són 48 les persones grans acompanyades cada setmana.")]),
    (SANT_ROC, "Camí escolar segur de Sant Roc",
     "Passos elevats i senyalització a l'entrada de les dues escoles de Sant Roc.",
     "Mobilitat i les AMPA de Sant Roc", 64_000, []),
    (SANT_ROC, "Aparcament soterrat a la plaça de Can Puig",
     "Un aparcament de dues plantes sota la plaça.", "Àrea de Mobilitat", 400_000,
     [(150, "discarded", None, None, "Descartat: l'estudi geotècnic desaconsella excavar "
                                     "sota la plaça. Els diners reservats passen al camí "
                                     "escolar.")]),
    (SANT_ROC, "Festa major compartida de Sant Roc i Can Puig",
     "Una sola festa major per als dos barris, organitzada per les entitats.",
     "Comissió de festes", 18_000,
     [(120, "in_progress", 40, 5_000, "Constituïda la comissió amb onze entitats dels dos "
                                      "barris."),
      (40, "done", None, 17_650, "Tres dies de festa i més de quatre mil persones al carrer. "
                                 "La comissió ja prepara la de l'any vinent.")]),
]
PARTS = [
    ("Ombra a la plaça Major", "Pèrgola de fusta i quatre arbres de fulla caduca.", 36_000,
     [(110, "in_progress", 20, 5_000, "Plantats els arbres durant la setmana de l'arbre."),
      (35, None, 60, 21_000, "Muntada l'estructura de la pèrgola.")]),
    ("Bancs amb respatller al passeig del Rec", "Quinze bancs nous amb reposabraços.",
     14_000, [(50, "done", None, 13_200, "Col·locats els quinze bancs.")]),
    ("Font a la placeta de l'Església", "Una font accessible per a tothom.", 9_000, []),
]


def seed_results(users=None, now=None) -> int:
    """Results for the demo plans; returns how many rows it made (0 once they exist)."""
    now = now or utcnow()
    council = (users or {}).get("council") or get_user_by_email(COUNCIL_EMAIL)
    plans = {p.slug: p for p in db.session.scalars(sa.select(CommunityPlan).where(
        CommunityPlan.slug.in_([BARRI_VELL, SANT_ROC])))}
    if council is None or len(plans) < 2 or db.session.scalar(
            sa.select(Result.id).where(Result.title == MARKER).limit(1)):
        return 0
    processes = {p.slug: p for p in db.session.scalars(sa.select(Process).where(
        Process.slug.in_([TOWN_BUDGET, BARRI_VELL_PROPOSALS])))}
    made = []
    start = now - timedelta(days=240)
    for slug, plan in plans.items():
        if TOWN_BUDGET in processes:
            made += operations.results_from_outcomes(processes[TOWN_BUDGET], plan,
                                                     actor=council, now=start)
        if slug == BARRI_VELL and BARRI_VELL_PROPOSALS in processes:
            made += operations.results_from_outcomes(processes[BARRI_VELL_PROPOSALS], plan,
                                                     actor=council, now=start)
    for result in made:
        result.responsible = "Àrea d'Obres i Espai Públic"
        result.starts_on = (start + timedelta(days=10)).date()
        _goals(result)
    places = {n.slug: n for n in db.session.scalars(sa.select(Neighbourhood))}
    own = []
    for plan_slug, title, description, responsible, planned, timeline in OWN_RESULTS:
        plan = plans[plan_slug]
        place = places.get("barri-vell" if plan_slug == BARRI_VELL else "sant-roc")
        result = operations.create_result(plan, {
            "title": title, "description": description, "responsible": responsible,
            "planned_budget": planned, "neighbourhood_id": place.id if place else None,
            "starts_on": (start + timedelta(days=20)).date(),
            "ends_on": date(now.year + 1, 6, 30),
            "goal_ids": [g.id for g in _plan_goals(plan)[:1]]}, actor=council, now=start)
        own.append((result, timeline))
    parent = own[0][0]
    for title, description, planned, timeline in PARTS:
        part = operations.create_result(parent.plan, {
            "title": title, "description": description, "responsible": parent.responsible,
            "planned_budget": planned, "neighbourhood_id": parent.neighbourhood_id,
            "parent_id": parent.id}, actor=council, now=start)
        own.append((part, timeline))
    for result in [*made, *(r for r, _t in own)]:
        operations.publish_result(result, actor=council, now=start + timedelta(days=5))
    for result in made:
        _live(result, TIMELINES.get(result.title, []), council, now)
    for result, timeline in own:
        _live(result, timeline, council, now)
    db.session.flush()
    return db.session.scalar(sa.select(sa.func.count()).select_from(Result))


def _plan_goals(plan) -> list:
    return list(db.session.scalars(sa.select(Goal).where(Goal.plan_id == plan.id)
                                   .order_by(Goal.position, Goal.id)))


def _goals(result) -> None:
    """The plan's first goal, when the plan has goals (the demo's goals may come later)."""
    goals = _plan_goals(result.plan)
    if goals:
        result.goals = goals[:1]


def _live(result, timeline, council, now) -> None:
    for days, status, progress, executed, text in timeline:
        data = {"text": text, "progress": progress, "executed_budget": executed}
        if status:
            data["status_id"] = _status(status).id
        operations.record_update(result, data, actor=council, now=now - timedelta(days=days))


def _status(key):
    return next(s for s in operations.ensure_default_statuses() if s.key == key)
