"""The demo town's evaluation: the Barri Vell's plan looks back at its last year. Its snapshot
holds the goals' indicators and the results as they stood yesterday; the council assesses each
goal and writes its conclusions; two dozen neighbours have answered the satisfaction
questionnaire, whose summary and comments are published with it.

``seed_evaluations(today=None, now=None)`` is idempotent: it does nothing once the plan has an
evaluation (or when the plan, its goals or the council's account are missing). Run it after
``seed_goals`` and ``seed_results``, so that there is something to look back at."""

import random
from datetime import date, timedelta

import sqlalchemy as sa

from participa.accounts.models import User
from participa.accounts.queries import get_user_by_email
from participa.core.timeutil import local_date
from participa.core.types import utcnow
from participa.evaluations import operations
from participa.evaluations.models import Evaluation
from participa.extensions import db
from participa.plans.models import CommunityPlan

BARRI_VELL = "pla-comunitari-barri-vell"
COUNCIL_EMAIL = "consell@riuclar.example"

# the council's word on each goal, by the start of its title: (rating, reasons)
ASSESSMENTS = {
    "Enfortir les relacions": (
        "achieved",
        "La **Taula Comunitària** s'ha reunit cada mes i hi han entrat entitats noves, com "
        "l'AMPA de l'escola del Rec i el grup de joves del casal. Les activitats del barri — "
        "la festa de la plaça de la Font, els sopars de carmanyola, el cinema a la fresca — han "
        "aplegat més gent que mai, i sobretot gent que abans no hi venia.\n\n"
        "Ens queda pendent arribar a les famílies nouvingudes dels carrers de dalt."),
    "Prevenir l'aïllament": (
        "partly",
        "El programa de trucades i visites de voluntariat ha arribat a una seixantena de "
        "persones grans que viuen soles, i la farmàcia i el mercat ja ens avisen quan algú "
        "deixa de baixar. Tot i així, a l'enquesta encara hi ha massa persones grans que diuen "
        "sentir-se soles, sobretot a l'hivern.\n\n"
        "Cal reforçar l'acompanyament a les persones que no surten de casa i coordinar-nos "
        "millor amb l'equip d'atenció primària."),
    "Recuperar l'espai públic": (
        "partly",
        "La reurbanització de la plaça de la Font i els horts del Rec han tornat a fer dels "
        "carrers un lloc de trobada: bancs, ombra i una font nova. L'enllumenat del carrer Major, "
        "però, encara no s'ha acabat, i al tram del pont la gent encara no s'hi sent segura de "
        "nit.\n\n"
        "El **Pla de places amb ombra** continua: hi ha dues places més en obres."),
}
FALLBACK = ("partly", "S'ha avançat, però cal continuar treballant-hi el proper any.")

CONCLUSIONS = (
    "Ha estat un any de molta feina compartida. Les accions que el veïnat va triar als "
    "pressupostos participatius s'han fet o estan en marxa, i la Taula Comunitària és més "
    "forta que fa un any.\n\n"
    "**Per a l'any vinent** ens proposem:\n\n"
    "- acabar l'enllumenat del carrer Major i el Pla de places amb ombra;\n"
    "- arribar a les persones grans que no surten de casa, amb l'equip d'atenció primària;\n"
    "- explicar millor què es fa i quan: moltes persones diuen al qüestionari que no se "
    "n'assabenten a temps.\n\n"
    "Gràcies a totes les persones que hi heu participat i que heu respost el qüestionari.")

COMMENTS = [
    "La plaça de la Font ha quedat molt bé, ara hi baixem cada tarda amb els nens.",
    "M'agradaria que les reunions no fossin sempre en horari laboral.",
    "No em vaig assabentar de la votació fins que ja s'havia acabat. Cal fer-ne més difusió.",
    "Els horts del Rec són una meravella. Gràcies!",
    "El carrer Major continua fosc al tram del pont.",
    "Estaria bé posar cartells al mercat i a la farmàcia, no tothom mira internet.",
    "La festa de la plaça va ser de les millors que recordo al barri.",
    "Trobo a faltar activitats per al jovent els caps de setmana.",
]


def seed_evaluations(today: date | None = None, now=None) -> int:
    """Give the Barri Vell's plan its published evaluation of the last year; return how many
    records were added (0 when it has one already)."""
    today = today or local_date()
    now = now or utcnow()
    plan = db.session.scalar(sa.select(CommunityPlan).where(CommunityPlan.slug == BARRI_VELL))
    council = get_user_by_email(COUNCIL_EMAIL)
    if plan is None or council is None or not plan.goals or db.session.scalar(
            sa.select(Evaluation.id).where(Evaluation.plan_id == plan.id).limit(1)):
        return 0
    ends = today - timedelta(days=1)
    starts = ends - timedelta(days=364)
    evaluation = operations.open_evaluation(plan, {
        "title": f"Avaluació del darrer any ({starts.year}–{ends.year})",
        "starts_on": starts, "ends_on": ends, "conclusions": CONCLUSIONS,
    }, actor=council, today=today, now=now - timedelta(days=21))
    created = 1 + len(evaluation.indicators) + len(evaluation.results)

    operations.open_questionnaire(evaluation, actor=council)
    neighbours = list(db.session.scalars(
        sa.select(User).where(User.email.like("vei%@riuclar.example")).order_by(User.email)))
    neighbours += [u for u in (get_user_by_email(e) for e in (
        "marta@riuclar.example", "jordi@riuclar.example", "fatima@riuclar.example")) if u]
    rng = random.Random(BARRI_VELL)
    comments = iter(COMMENTS)
    for n, person in enumerate(neighbours):
        if person.is_blocked:
            continue
        operations.answer_questionnaire(evaluation, {
            # most think the neighbourhood is better; fewer felt informed in time
            "improved": rng.choices((2, 3, 4, 5), weights=(1, 3, 6, 4))[0],
            "took_part": rng.choices((1, 2, 3, 4, 5), weights=(1, 2, 4, 5, 3))[0],
            "informed": rng.choices((1, 2, 3, 4, 5), weights=(2, 4, 5, 3, 1))[0],
            "comment": next(comments, "") if n % 3 == 0 else "",
        }, actor=person)
        created += 1

    for goal in plan.goals:
        rating, reasons = next((value for start, value in ASSESSMENTS.items()
                                if goal.title.startswith(start)), FALLBACK)
        operations.assess_goal(evaluation, goal, {"rating": rating, "reasons": reasons},
                               actor=council)
        created += 1
    operations.publish_evaluation(evaluation, actor=council, now=now - timedelta(days=2))
    return created
