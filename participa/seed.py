"""The demo town: Riuclar, a mid-sized Catalan town with its community plans.

``seed_demo()`` is idempotent: every record is looked up by its slug or e-mail first. Dates are
relative to today, so the processes are always in the phases described."""

from datetime import date, timedelta

from sqlalchemy import select

from participa.accounts.models import User
from participa.accounts.operations import get_user_by_email, register_user
from participa.accounts.passwords import hash_password
from participa.core.text import fold
from participa.core.types import utcnow
from participa.extensions import db
from participa.meetings import operations as meetings
from participa.meetings.models import Meeting
from participa.neighbourhoods.models import Neighbourhood
from participa.plans.models import CommunityPlan, PlanStatus
from participa.processes.models import Category, Phase, PhaseKind, Process, ProcessRole
from participa.proposals.models import Proposal, ProposalState, Support

DEMO_PASSWORD = "plans-comunitaris-2026"

# (email, name, role, password)
DEMO_ACCOUNTS = [
    ("consell@riuclar.example", "Montse Puigdollers (Ajuntament)", "council", DEMO_PASSWORD),
    ("dinamitzadora@riuclar.example", "Aina Vilaró (dinamitzadora)", "facilitator", DEMO_PASSWORD),
    ("marta@riuclar.example", "Marta Soler", "resident", DEMO_PASSWORD),
    ("jordi@riuclar.example", "Jordi Casals", "resident", DEMO_PASSWORD),
    ("fatima@riuclar.example", "Fàtima El Idrissi", "resident", DEMO_PASSWORD),
]

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

NEIGHBOURS = [
    "Núria Ferrer", "Pere Roca", "Laia Serra", "Ahmed Benali", "Rosa Vidal", "Joan Puig",
    "Carme Font", "Oriol Bosch", "Yolanda Martín", "Xavier Mas", "Mireia Pons", "Ibrahima Diallo",
    "Teresa Sala", "Marc Riera", "Lucía García", "Albert Prat", "Imma Coll", "Sergi Vila",
    "Elena Ruiz", "Pau Camps", "Dolors Bonet", "Wei Chen", "Montserrat Mir", "Gerard Soler",
]

# process slug → proposals: (title, body, category index, supporters, answer)
# answer: None, or (state, text, published)
PROPOSALS = {
    "pressupostos-participatius-barri-vell": [
        ("Ombra i bancs a la plaça de la Font",
         "La plaça de la Font és un forn a l'estiu. Proposem **plantar quatre arbres** i posar "
         "bancs amb respatller perquè la gent gran hi pugui seure.\n\n- Arbres de fulla caduca\n"
         "- Bancs amb reposabraços\n- Una font d'aigua potable", 0, 18,
         (ProposalState.ACCEPTED, "Acceptada. Els serveis tècnics l'han valorada en 38.000 € "
          "i passarà a la fase de votació.", True)),
        ("Casal de gent gran obert també els caps de setmana",
         "Moltes persones grans passen el cap de setmana soles. Obrir el casal dissabtes i "
         "diumenges al matí, amb voluntariat del barri, ajudaria a prevenir l'aïllament.", 1, 14,
         (ProposalState.EVALUATING, "L'estem estudiant amb els serveis socials del districte.",
          True)),
        ("Horts urbans al solar del carrer Nou",
         "El solar del carrer Nou fa anys que és buit. Hi podríem fer **horts comunitaris** "
         "gestionats per les entitats i l'escola.", 3, 11, None),
        ("Cicle de cinema a la fresca",
         "Quatre sessions de cinema a la fresca al pati de l'escola durant el juliol, amb "
         "pel·lícules triades pel veïnat.", 2, 9, None),
        ("Il·luminació del passatge del Rec",
         "El passatge del Rec és fosc i moltes veïnes l'eviten de nit. Cal millorar-ne "
         "l'enllumenat.", 0, 16,
         (ProposalState.ACCEPTED, "Acceptada: és una millora de seguretat prioritària.", False)),
        ("Pista de petanca al parc Vell",
         "Recuperar la pista de petanca que es va fer malbé amb les obres.", 1, 5,
         (ProposalState.REJECTED, "No es pot fer amb aquest pressupost: el parc és de "
          "titularitat comarcal. Ho traslladem al Consell Comarcal.", True)),
        ("Taller de reparació de bicicletes",
         "Un punt mensual d'autoreparació de bicicletes amb eines compartides.", 3, 7, None),
        ("Biblioteca de carrer a la plaça Major",
         "Una casetes per intercanviar llibres, cuidades pel casal de joves.", 2, 4, None),
        ("Mural col·lectiu a la paret de l'escola",
         "Pintar un mural amb l'alumnat i les famílies sobre la història del barri.", 2, 6, None),
        ("Més papereres i contenidors d'orgànica",
         "Al carrer de la Creu hi falten papereres i el contenidor marró queda molt lluny.", 3,
         3, None),
    ],
    "cooperacio-local-entitats": [
        ("Escola d'estiu de l'Associació Veïnal de Les Basses",
         "Activitats de lleure educatiu per a 60 infants durant el juliol.", 0, 12,
         (ProposalState.ACCEPTED, "Acceptada: compleix les bases del programa.", True)),
        ("Coral intergeneracional del Casal Cívic",
         "Una coral que uneix avis i nets, amb assajos setmanals i concert per la festa major.",
         1, 8, None),
        ("Acompanyament a persones soles",
         "Voluntariat social que visita persones grans que viuen soles, coordinat amb els "
         "serveis socials.", 2, 15,
         (ProposalState.ACCEPTED, "Acceptada i prioritzada.", True)),
        ("Torneig de futbol sala inclusiu", "Un torneig amb equips mixtos i adaptats.", 0, 6,
         None),
    ],
}

# process slug → meetings: (title, kind, days from now, hours long, capacity, registrations,
# extra); extra may say "closed" (with minutes), "cancelled" (with a reason) or "draft"
MEETINGS = {
    "pressupostos-participatius-barri-vell": [
        ("Assemblea de barri: presentació de propostes", "in_person", 6, 2, 40, 9, None),
        ("Taller d'ombres i arbrat per a la plaça de la Font", "hybrid", 12, 2, 3, 5, None),
        ("Sessió informativa en línia sobre els pressupostos", "online", 3, 1, 0, 4, None),
        ("Passejada exploratòria pel Barri Vell", "in_person", -15, 2, 30, 0, "closed"),
        ("Trobada de joves al casal", "in_person", 9, 2, 25, 2, "cancelled"),
    ],
    "places-i-espais-verds-sant-roc": [
        ("Debat obert a la plaça del Mercat", "in_person", 5, 2, 0, 6, None),
        ("Taller de disseny dels horts del Rec", "in_person", -6, 3, 20, 0, "closed"),
        ("Visita tècnica a la plaça (preparació)", "in_person", 20, 1, 10, 0, "draft"),
    ],
}
MEETING_PLACES = {
    "in_person": ("Casal de Barri Vell", "Carrer de la Font, 12"),
    "hybrid": ("Centre Cívic del Nord", "Plaça del Mercat, 3"),
    "online": ("", ""),
}

FACILITATED = ["pressupostos-participatius-barri-vell", "places-i-espais-verds-sant-roc",
               "camins-escolars-segurs"]


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
    created += _seed_proposals(users, now)
    created += _seed_meetings(users, now)
    created += _seed_conversation(users, now)
    return created


def _seed_meetings(users, now) -> int:
    """Upcoming meetings with registration open (one full, with a waiting list), past ones with
    minutes, a cancelled one and a draft — for the processes that have none."""
    created = 0
    facilitator = users["facilitator"]
    people = [users["resident"]] + list(db.session.scalars(
        select(User).where(User.email.like("vei%@riuclar.example")).order_by(User.email)))
    for slug, specs in MEETINGS.items():
        process = db.session.scalar(select(Process).where(Process.slug == slug))
        if process is None or db.session.scalar(
            select(Meeting.id).where(Meeting.process_id == process.id).limit(1)
        ):
            continue
        for title, kind, days, hours, capacity, registrations, extra in specs:
            place, address = MEETING_PLACES[kind]
            starts_at = (now + timedelta(days=days)).replace(hour=16)
            meeting = meetings.create_meeting(process, {
                "title": title, "kind": kind, "place": place, "address": address,
                "online_url": "https://meet.example.org/riuclar" if kind != "in_person" else "",
                "description": f"{title}. Obert a tot el veïnat; porteu idees i ganes de "
                               "parlar-ne.\n\n**Ordre del dia**\n\n1. Benvinguda\n"
                               "2. Presentació\n3. Torn obert de paraules",
                "starts_at": starts_at, "ends_at": starts_at + timedelta(hours=hours),
                "organizer": "Taula Comunitària i Servei de Dinamització",
                "step_free_access": True, "sign_language": kind == "in_person",
                "childcare": days % 2 == 0,
                "accessibility_notes": "Espai accessible amb cadira de rodes.",
                "registrations_enabled": True, "capacity": capacity,
                "registration_terms": "",
            }, actor=facilitator)
            created += 1
            if extra == "draft":
                continue
            meetings.publish_meeting(meeting, actor=facilitator)
            if days > 0:
                for person in people[:registrations]:
                    meetings.register(meeting, actor=person)
                    created += 1
            if extra == "closed":
                meetings.close_meeting(meeting, {
                    "minutes": "Hi van participar veïnes, entitats i l'equip tècnic.\n\n"
                               "## Acords\n\n- Prioritzar l'ombra a les places.\n"
                               "- Fer un seguiment trimestral amb la Taula Comunitària.",
                    "attendees_count": 23,
                    "attending_organizations": "AV Barri Vell, Casal de Joves, Escola Sant Jordi",
                    "proposals": list(db.session.scalars(
                        select(Proposal).where(Proposal.process_id == process.id)
                        .order_by(Proposal.id).limit(2))),
                }, actor=facilitator)
            elif extra == "cancelled":
                meetings.cancel_meeting(meeting, "La sala no està disponible; la tornarem a "
                                        "convocar ben aviat.", actor=facilitator)
    db.session.flush()
    return created


def _seed_proposals(users, now) -> int:
    """Neighbours, proposals with supports and answers, for the processes that have none."""
    created = 0
    shared_hash = None
    neighbours = []
    for i, name in enumerate(NEIGHBOURS, start=1):
        email = f"vei{i:02d}@riuclar.example"
        user = get_user_by_email(email)
        if user is None:
            shared_hash = shared_hash or hash_password(DEMO_PASSWORD)
            user = User(name=name, email=email, password_hash=shared_hash, locale="ca",
                        confirmed_at=now, created_at=now - timedelta(days=60))
            db.session.add(user)
            created += 1
        neighbours.append(user)
    db.session.flush()
    voters = [users["resident"], *neighbours]
    authors = [users["resident"], *neighbours[:6]]

    for slug, specs in PROPOSALS.items():
        process = db.session.scalar(select(Process).where(Process.slug == slug))
        if process is None or db.session.scalar(
            select(Proposal.id).where(Proposal.process_id == process.id).limit(1)
        ):
            continue
        if slug == "pressupostos-participatius-barri-vell":
            process.supports_per_person = 10
            process.support_threshold = 15
        for i, (title, body, category, supporters, answer) in enumerate(specs):
            created_at = now - timedelta(days=len(specs) - i, hours=i)
            proposal = Proposal(
                process=process, author=authors[i % len(authors)], title=title, body=body,
                category=process.categories[category] if process.categories else None,
                neighbourhood=process.neighbourhoods[0] if process.neighbourhoods else None,
                search_text=fold(f"{title}\n{body}"), created_at=created_at,
                supports_count=supporters,
            )
            db.session.add(proposal)
            db.session.flush()
            for voter in voters[1:supporters + 1] if i % 2 else voters[:supporters]:
                db.session.add(Support(proposal_id=proposal.id, user_id=voter.id,
                                       process_id=process.id,
                                       created_at=created_at + timedelta(hours=2)))
            if answer:
                state, text, published = answer
                proposal.answer_state, proposal.answer = state, text
                proposal.answered_at = created_at + timedelta(days=1)
                proposal.answered_by = users["facilitator"]
                if published:
                    proposal.state = state
                    proposal.answer_published_at = proposal.answered_at
            created += 1 + supporters
    db.session.flush()
    return created




DEBATES = {
    "places-i-espais-verds-sant-roc": [
        ("Ombra o sol a la plaça del Mercat?",
         "Els veïns demanen més ombra a l'estiu, però a l'hivern la plaça és l'únic racó "
         "assolellat del barri. **Arbres de fulla caduca**, pèrgoles o veles?", None),
        ("Quins usos volem per als horts del Rec?",
         "Horts familiars, escolars o per a entitats? Com repartim les parcel·les?",
         "Després de tres setmanes de debat, la Taula Comunitària proposa repartir les "
         "parcel·les a parts iguals entre famílies, l'escola i les entitats del barri."),
    ],
    "pressupostos-participatius-barri-vell": [
        ("Com prioritzem les propostes de gent gran?",
         "Moltes propostes parlen de bancs, ombra i accessibilitat. Com les prioritzem?", None),
    ],
}

# (author index, alignment, text, replies [(author index, alignment, text)])
CONVERSATION = [
    (2, "in_favour", "Arbres, sense dubte: donen ombra a l'estiu i deixen passar el sol a "
     "l'hivern.", [(3, "against", "Els arbres triguen anys a créixer; una pèrgola és "
                   "immediata."), (4, "in_favour", "Es poden plantar arbres ja grans, com "
                   "a la rambla.")]),
    (5, "against", "Les veles s'espatllen amb el vent de tramuntana. Millor una pèrgola "
     "amb plantes enfiladisses.", []),
    (6, "neutral", "Podríem provar-ho un estiu amb veles i decidir després?",
     [(2, "neutral", "Bona idea: una prova pilot i una enquesta al setembre.")]),
]


def _seed_conversation(users, now) -> int:
    """Debates (one closed with its conclusion), threaded comments with alignments and votes
    on debates, proposals and a meeting, and moderation: an item waiting with two reports and
    a comment hidden by three reports whose author has appealed."""
    from participa.comments import operations as comments
    from participa.comments.models import Comment
    from participa.debates.models import Debate, DebateStatus
    from participa.moderation import operations as moderation
    from participa.moderation import queries as moderation_queries

    if db.session.scalar(select(Debate.id).limit(1)) is not None:
        return 0
    created = 0
    neighbours = list(db.session.scalars(
        select(User).where(User.email.like("vei%@riuclar.example")).order_by(User.email)))
    people = [users["council"], users["facilitator"], users["resident"], *neighbours]
    facilitator = users["facilitator"]
    first_debate = None
    for slug, specs in DEBATES.items():
        process = db.session.scalar(select(Process).where(Process.slug == slug))
        if process is None:
            continue
        process.residents_open_debates = slug == "places-i-espais-verds-sant-roc"
        for title, body, conclusion in specs:
            debate = Debate(process=process, author=facilitator, title=title, body=body,
                            status=DebateStatus.OPEN, comments_count=0,
                            created_at=now - timedelta(days=9))
            db.session.add(debate)
            db.session.flush()
            first_debate = first_debate or debate
            created += 1 + _seed_thread(comments, debate, people, now)
            if conclusion:
                debate.status, debate.conclusion = DebateStatus.CLOSED, conclusion
                debate.closed_at, debate.closed_by = now - timedelta(days=1), facilitator

    # proposals and a meeting get a short conversation too
    proposal = db.session.scalar(select(Proposal).where(
        Proposal.process.has(slug="pressupostos-participatius-barri-vell"),
        Proposal.answer_published_at.is_(None)).order_by(Proposal.supports_count.desc()))
    if proposal is not None:
        created += _seed_thread(comments, proposal, people, now)
    meeting = db.session.scalar(select(Meeting).where(
        Meeting.status == "closed").order_by(Meeting.id))
    if meeting is not None:
        created += _seed_thread(comments, meeting, people, now, limit=1)

    # moderation: one comment waits with two reports, another is hidden after three
    if first_debate is not None:
        thread = list(db.session.scalars(select(Comment).where(
            Comment.target_kind == "debates", Comment.target_id == first_debate.id,
            Comment.parent_id.is_(None)).order_by(Comment.id)))
        rude = comments.create_comment(first_debate, {
            "body": "Qui vol pèrgoles no ha vist mai un arbre. Quina colla d'ignorants!",
            "alignment": "against"}, actor=people[7], now=now - timedelta(hours=30))
        for reporter, reason in ((people[8], "offensive"), (people[9], "offensive"),
                                 (people[10], "does_not_belong")):
            moderation.report_item(rude, reason=reason, details="Insults a veïns.",
                                   actor=reporter, now=now - timedelta(hours=20))
        hidden = moderation_queries.moderation_of(rude)
        moderation.appeal(hidden, "Em vaig escalfar, però no volia insultar ningú. Ho "
                          "reescriuré.", actor=people[7])
        for reporter in (people[11], people[12]):
            moderation.report_item(thread[1], reason="spam", details="", actor=reporter,
                                   now=now - timedelta(hours=5))
        # one report the facilitator read and dismissed: the process's figures have a decision
        dismissed, _, _ = moderation.report_item(
            thread[2], reason="other", details="No sé si és el lloc per dir-ho.",
            actor=people[13], now=now - timedelta(hours=3))
        moderation.ignore_reports(dismissed, actor=facilitator)
        created += 8
    db.session.flush()
    return created


def _seed_thread(comments, target, people, now, limit=None) -> int:
    created = 0
    for i, (author, alignment, text, replies) in enumerate(CONVERSATION[:limit]):
        when = now - timedelta(days=3, hours=-i)
        parent = comments.create_comment(target, {"body": text, "alignment": alignment},
                                         actor=people[author], now=when)
        created += 1
        for j, (reply_author, reply_alignment, reply_text) in enumerate(replies):
            comments.create_comment(target, {"body": reply_text, "alignment": reply_alignment},
                                    actor=people[reply_author], parent=parent,
                                    now=when + timedelta(hours=j + 1))
            created += 1
        for voter in people[3 + i:8 + i]:
            if voter.id != parent.author_id:
                comments.vote_comment(parent, 1 if (voter.id + i) % 4 else -1, actor=voter,
                                      now=when)
    return created
