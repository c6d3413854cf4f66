"""The demo town's places, plans and processes, and ``seed_demo()``, which makes whatever
part of the town is missing (the people, then proposals, meetings and conversations)."""

from datetime import date, timedelta

from sqlalchemy import select

from participa.accounts.operations import register_user
from participa.accounts.queries import get_user_by_email
from participa.core.types import utcnow
from participa.extensions import db
from participa.neighbourhoods.models import Neighbourhood
from participa.plans.models import CommunityPlan, PlanStatus
from participa.processes.models import Category, Phase, PhaseKind, Process, ProcessRole
from participa.seed.accounts import DEMO_ACCOUNTS
from participa.seed.agenda import seed_agenda
from participa.seed.associations import seed_associations
from participa.seed.branding import seed_branding
from participa.seed.budgets import seed_budgets
from participa.seed.census import seed_census
from participa.seed.conversation import seed_conversation
from participa.seed.evaluations import seed_evaluations
from participa.seed.facilities import seed_facilities
from participa.seed.goals import seed_goals
from participa.seed.legal import seed_legal
from participa.seed.meetings import seed_meetings
from participa.seed.photos import (
    seed_association_logos,
    seed_meeting_photos,
    seed_proposal_photos,
)
from participa.seed.plan_members import seed_plan_members
from participa.seed.polls import seed_polls
from participa.seed.proposals import seed_on_behalf, seed_proposals
from participa.seed.results import seed_results
from participa.seed.translations import seed_translations
from participa.seed.volunteering import seed_volunteering

NEIGHBOURHOODS = [
    ("Barri Vell", "barri-vell", "Centre", 6120),
    ("Sant Roc", "sant-roc", "Nord", 9480),
    ("Can Puig", "can-puig", "Nord", 7310),
    ("El Serrat", "el-serrat", "Llevant", 5260),
    ("La Florida", "la-florida", "Ponent", 11840),
    ("Les Basses", "les-basses", "Ponent", 4390),
]

PLANS = [
    {
        "slug": "pla-comunitari-barri-vell",
        "title": "Pla Comunitari del Barri Vell",
        "summary": "Veïnes, entitats i serveis públics treballant junts per un barri a la mida "
                   "de totes les persones que hi viuen.",
        "body": "El **Pla Comunitari del Barri Vell** és una plataforma de treball conjunt entre "
                "veïnat, teixit associatiu, entitats del tercer sector i serveis públics.\n\n"
                "## Objectius\n\n"
                "- Enfortir les relacions i els vincles entre les persones del barri.\n"
                "- Prevenir l'aïllament social de la gent gran.\n"
                "- Recuperar l'espai públic com a lloc de trobada.\n\n"
                "Més informació a la [Taula Comunitària](https://example.org/taula).",
        "neighbourhoods": ["barri-vell"],
        "status": PlanStatus.ACTIVE,
        "starts": -400, "ends": 700,
    },
    {
        "slug": "pla-comunitari-sant-roc-can-puig",
        "title": "Pla Comunitari de Sant Roc i Can Puig",
        "summary": "Un pla de plans: dos barris veïns que comparteixen equipaments, escoles i "
                   "reptes.",
        "body": "Sant Roc i Can Puig comparteixen el Casal Cívic del Nord, dues escoles i el "
                "mercat. Aquest pla aplega les dues taules comunitàries per **compartir "
                "recursos** i impulsar projectes propis amb una identitat comuna.\n\n"
                "## Línies de treball\n\n"
                "1. Convivència i espai públic.\n"
                "2. Joves i oci educatiu.\n"
                "3. Economia social i cooperativa.",
        "neighbourhoods": ["sant-roc", "can-puig"],
        "status": PlanStatus.ACTIVE,
        "starts": -200, "ends": 900,
    },
    {
        "slug": "pla-desenvolupament-comunitari-la-florida",
        "title": "Pla de Desenvolupament Comunitari de La Florida",
        "summary": "El primer pla comunitari de la ciutat (2019–2025): balanç i aprenentatges.",
        "body": "Durant sis anys, el pla va impulsar la xarxa de suport mutu, el banc del temps "
                "i la comissió de festes. Ara en fem l'avaluació compartida.",
        "neighbourhoods": ["la-florida"],
        "status": PlanStatus.CLOSED,
        "starts": -2500, "ends": -300,
    },
    {
        "slug": "pla-comunitari-el-serrat",
        "title": "Pla Comunitari d'El Serrat",
        "summary": "En preparació amb les entitats del barri.",
        "body": "Esborrany intern.",
        "neighbourhoods": ["el-serrat"],
        "status": PlanStatus.DRAFT,
        "starts": 60, "ends": None,
    },
]

# phases: (kind, start offset in days, end offset in days)
PROCESSES = [
    {
        "slug": "pressupostos-participatius-barri-vell",
        "title": "Pressupostos participatius del Barri Vell 2027",
        "plan": "pla-comunitari-barri-vell",
        "neighbourhoods": ["barri-vell"],
        "summary": "Decidim entre totes com invertir 250.000 € al barri.",
        "description": "Presenta propostes per millorar el barri, dona suport a les que més "
                       "t'agradin i, a la fase de votació, tria les que es faran.\n\n"
                       "Les propostes han de ser **d'interès general**, de competència "
                       "municipal i tenir un cost estimat inferior a 100.000 €.",
        "categories": ["Espai públic", "Gent gran", "Cultura i lleure", "Medi ambient"],
        "phases": [(PhaseKind.INFORMATION, -40, -20), (PhaseKind.PROPOSALS, -20, 25),
                   (PhaseKind.VOTING, 25, 45), (PhaseKind.IMPLEMENTATION, 45, 400)],
        "published": True,
    },
    {
        "slug": "places-i-espais-verds-sant-roc",
        "title": "Places i espais verds de Sant Roc i Can Puig",
        "plan": "pla-comunitari-sant-roc-can-puig",
        "neighbourhoods": ["sant-roc", "can-puig"],
        "summary": "Com volem que siguin la plaça del Mercat i els horts del Rec?",
        "description": "Debat obert sobre els usos de la plaça del Mercat, l'ombra, els jocs "
                       "infantils i els horts comunitaris del Rec.",
        "categories": ["Plaça del Mercat", "Horts del Rec", "Mobilitat"],
        "phases": [(PhaseKind.INFORMATION, -30, -10), (PhaseKind.DEBATE, -10, 30),
                   (PhaseKind.EVALUATION, 30, 90)],
        "published": True,
    },
    {
        "slug": "festa-major-compartida",
        "title": "Festa Major compartida del Nord",
        "plan": "pla-comunitari-sant-roc-can-puig",
        "neighbourhoods": ["sant-roc", "can-puig"],
        "summary": "Una sola festa major per als dos barris, organitzada amb les entitats.",
        "description": "Les comissions de festes de Sant Roc i de Can Puig proposen una festa "
                       "compartida. Comencem a recollir idees el mes que ve.",
        "categories": ["Activitats", "Voluntariat"],
        "phases": [(PhaseKind.INFORMATION, 10, 30), (PhaseKind.PROPOSALS, 30, 60)],
        "published": True,
    },
    {
        "slug": "xarxa-suport-mutu-la-florida",
        "title": "Xarxa de suport mutu de La Florida",
        "plan": "pla-desenvolupament-comunitari-la-florida",
        "neighbourhoods": ["la-florida"],
        "summary": "Avaluació compartida de la xarxa de suport mutu (2020–2025).",
        "description": "La xarxa va acompanyar més de 300 famílies. Aquest procés en va recollir "
                       "la valoració.",
        "categories": ["Acompanyament", "Banc del temps"],
        "phases": [(PhaseKind.IMPLEMENTATION, -700, -120), (PhaseKind.EVALUATION, -120, -30)],
        "published": True,
    },
    {
        "slug": "cooperacio-local-entitats",
        "title": "Programa de cooperació local amb les entitats",
        "plan": None,
        "neighbourhoods": ["barri-vell", "sant-roc", "can-puig", "el-serrat", "la-florida",
                           "les-basses"],
        "summary": "Tria quins projectes de les associacions rebran suport municipal enguany.",
        "description": "L'associacionisme és la forma natural de vertebració de la societat "
                       "civil. Vota els projectes d'entitats que vols que rebin suport.",
        "categories": ["Associacions veïnals", "Entitats culturals", "Voluntariat social"],
        "phases": [(PhaseKind.PROPOSALS, -60, -5), (PhaseKind.VOTING, -5, 20)],
        "published": True,
    },
    {
        "slug": "inversions-barri-vell-2027",
        "title": "Inversions del Barri Vell 2027: votació",
        "plan": "pla-comunitari-barri-vell",
        "neighbourhoods": ["barri-vell"],
        "summary": "Vota com s'inverteixen 300.000 € al Barri Vell: tria els projectes que "
                   "vols, fins a gastar el pressupost.",
        "description": "Els projectes surten de les propostes que el veïnat va presentar a la "
                       "primavera i que els serveis tècnics han valorat. Pot votar qui viu al "
                       "Barri Vell i té almenys 16 anys: verifica't amb el padró i tria.\n\n"
                       "Es compta amb el **Mètode de les Parts Iguals**: cada persona que vota "
                       "té la mateixa part del pressupost.",
        "categories": ["Espai públic", "Equipaments", "Mobilitat", "Medi ambient"],
        "phases": [(PhaseKind.PROPOSALS, -70, -12), (PhaseKind.VOTING, -12, 16),
                   (PhaseKind.IMPLEMENTATION, 16, 400)],
        "published": True,
    },
    {
        "slug": "pressupostos-participatius-riuclar-2026",
        "title": "Pressupostos participatius de Riuclar 2026",
        "plan": None,
        "neighbourhoods": ["barri-vell", "sant-roc", "can-puig", "el-serrat", "la-florida",
                           "les-basses"],
        "summary": "La primera votació de ciutat: 250.000 € per a projectes de tots els barris. "
                   "Ja en tens els resultats.",
        "description": "Van votar més de tres-centes persones. Els resultats es publiquen amb "
                       "les dues maneres de comptar, perquè tothom les pugui comparar, i amb "
                       "totes les paperetes (sense noms) per recomptar-les.",
        "categories": ["Espai públic", "Equipaments", "Cultura"],
        "phases": [(PhaseKind.PROPOSALS, -260, -200), (PhaseKind.VOTING, -200, -170),
                   (PhaseKind.IMPLEMENTATION, -170, 300)],
        "published": True,
    },
    {
        "slug": "camins-escolars-segurs",
        "title": "Camins escolars segurs",
        "plan": "pla-comunitari-sant-roc-can-puig",
        "neighbourhoods": ["sant-roc"],
        "summary": "En preparació amb les AFA de les escoles.",
        "description": "Esborrany del procés.",
        "categories": [],
        "phases": [(PhaseKind.INFORMATION, 40, 70)],
        "published": False,
    },
]

FACILITATED = ["pressupostos-participatius-barri-vell", "places-i-espais-verds-sant-roc",
               "camins-escolars-segurs", "inversions-barri-vell-2027"]


def seed_demo() -> int:
    """Create whatever part of the demo town is missing; return how many records were added."""
    created = 0
    today = date.today()
    now = utcnow().replace(minute=0, second=0, microsecond=0)

    neighbourhoods = {}
    for name, slug, district, population in NEIGHBOURHOODS:
        item = db.session.scalar(select(Neighbourhood).where(Neighbourhood.slug == slug))
        if item is None:
            item = Neighbourhood(name=name, slug=slug, district=district, population=population)
            db.session.add(item)
            created += 1
        neighbourhoods[slug] = item
    db.session.flush()

    users = {}
    for email, name, role, password in DEMO_ACCOUNTS:
        user = get_user_by_email(email)
        if user is None:
            user = register_user(
                name=name, email=email, password=password, is_council=(role == "council"),
                confirmed=True,
                neighbourhood_id=neighbourhoods["barri-vell"].id if role == "resident" else None,
            )
            user.created_at = now - timedelta(days=60)  # neighbours of long standing
            created += 1
        users[role] = users.get(role) or user

    plans = {}
    for spec in PLANS:
        plan = db.session.scalar(select(CommunityPlan).where(CommunityPlan.slug == spec["slug"]))
        if plan is None:
            plan = CommunityPlan(
                slug=spec["slug"], title=spec["title"], summary=spec["summary"],
                body=spec["body"], status=spec["status"],
                starts_on=today + timedelta(days=spec["starts"]),
                ends_on=today + timedelta(days=spec["ends"]) if spec["ends"] is not None else None,
                neighbourhoods=[neighbourhoods[s] for s in spec["neighbourhoods"]],
            )
            db.session.add(plan)
            created += 1
        plans[spec["slug"]] = plan
    db.session.flush()

    for spec in PROCESSES:
        process = db.session.scalar(select(Process).where(Process.slug == spec["slug"]))
        if process is not None:
            continue
        process = Process(
            slug=spec["slug"], title=spec["title"], summary=spec["summary"],
            description=spec["description"], is_published=spec["published"],
            plan=plans[spec["plan"]] if spec["plan"] else None,
            neighbourhoods=[neighbourhoods[s] for s in spec["neighbourhoods"]],
        )
        process.phases = [
            Phase(kind=kind, position=i, starts_at=now + timedelta(days=start),
                  ends_at=now + timedelta(days=end))
            for i, (kind, start, end) in enumerate(spec["phases"])
        ]
        process.categories = [
            Category(name=n, position=i) for i, n in enumerate(spec["categories"])
        ]
        db.session.add(process)
        db.session.flush()
        created += 1 + len(spec["phases"]) + len(spec["categories"])
        if spec["slug"] in FACILITATED:
            db.session.add(ProcessRole(process=process, user=users["facilitator"]))
            created += 1
    db.session.flush()
    created += seed_branding(users["council"])  # the town's name, colours and logo
    created += seed_proposals(users, now)
    created += seed_proposal_photos()  # photos on several proposals (participa/files)
    created += seed_associations(now)  # after the neighbours' accounts, its administrators
    created += seed_association_logos(users["council"])  # four of them show a logo
    created += seed_on_behalf(users, now)  # after the associations: published on their behalf
    created += seed_meetings(users, now)
    created += seed_meeting_photos(users["council"])  # photos of two held meetings
    created += seed_facilities(users, now)  # the facilities, and meetings placed in their rooms
    created += seed_conversation(users, now)
    created += seed_census()
    created += seed_budgets(users, now)
    created += seed_polls(users, now)
    created += seed_goals()
    created += seed_results(users, now)
    created += seed_volunteering(now)  # after the associations, who post them
    created += seed_plan_members()  # after the associations: they sit at the plans' tables
    created += seed_agenda(users, now)  # after the associations and facilities: events
    created += seed_legal(users["council"], now)  # after every account: all accept the terms
    # last: a snapshot of the plans as the rest left them, and the newest entries of the
    # council's log (its first page names an evaluation)
    created += seed_evaluations()
    seed_translations()  # the council's texts in Spanish and English
    return created
