"""The demo town's proposals, with their supports and official answers; one published on
behalf of an association and one with co-authors (``seed_on_behalf``)."""

from datetime import timedelta

from sqlalchemy import select

from participa.accounts.models import User
from participa.accounts.passwords import hash_password
from participa.accounts.queries import get_user_by_email
from participa.associations.models import Association
from participa.core.text import fold
from participa.extensions import db
from participa.processes.models import PhaseKind, Process
from participa.proposals.models import (
    CoauthorStatus,
    Proposal,
    ProposalCoauthor,
    ProposalState,
    Support,
)
from participa.seed.accounts import DEMO_PASSWORD, NEIGHBOURS

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
    "inversions-barri-vell-2027": [
        ("Horts comunitaris al solar del carrer Nou",
         "El solar del carrer Nou fa anys que és buit. Hi proposem **horts comunitaris** "
         "gestionats per les entitats i l'escola, amb un punt de compostatge.", 3, 14,
         (ProposalState.ACCEPTED, "Acceptada: els serveis tècnics l'han valorada en 62.000 € "
          "i passa a la votació.", True)),
        ("Fonts d'aigua potable al parc Vell",
         "Al parc Vell no hi ha cap font. A l'estiu, la gent gran i la mainada ho passen "
         "malament.", 3, 11,
         (ProposalState.ACCEPTED, "Acceptada: dues fonts, 18.000 €. Passa a la votació.", True)),
        ("Zona de jocs inclusiva a la plaça Major",
         "Uns jocs on hi puguin jugar també infants amb mobilitat reduïda, amb paviment tou i "
         "ombra.", 0, 17,
         (ProposalState.ACCEPTED, "Acceptada: valorada en 85.000 €. Passa a la votació.", True)),
        ("Aparcament de bicicletes cobert a l'estació",
         "Cada matí hi ha bicicletes lligades als fanals. Un aparcament cobert i segur "
         "animaria més gent a venir-hi en bici.", 2, 8,
         (ProposalState.ACCEPTED, "Acceptada: 24.000 €. Passa a la votació.", True)),
        ("Piscina coberta al Barri Vell",
         "Una piscina coberta per a tot l'any.", 1, 6,
         (ProposalState.REJECTED, "No és viable amb aquest pressupost (més de 3 milions "
          "d'euros); la recollim per al pla d'equipaments de ciutat.", True)),
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


def seed_proposals(users, now) -> int:
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
        # a process past its proposals phase got its proposals before that phase ended
        ends = [phase.ends_at for phase in process.phases if phase.kind == PhaseKind.PROPOSALS]
        last_day = min([now, *(end - timedelta(days=1) for end in ends)])
        for i, (title, body, category, supporters, answer) in enumerate(specs):
            created_at = last_day - timedelta(days=len(specs) - i, hours=i)
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


BARRI_VELL_AVV = "Associació de Veïns del Barri Vell"
CASAL = "Casal de la Gent Gran del Barri Vell"
# published by Marta on behalf of the Barri Vell's neighbours' association
ON_BEHALF = ("pressupostos-participatius-barri-vell", (
    "Voreres amples i sense obstacles al carrer Major",
    "L'**Associació de Veïns del Barri Vell** ho va acordar a l'assemblea de novembre: les "
    "voreres del carrer Major fan menys d'un metre i les cadires de rodes, els cotxets i la "
    "gent gran han de baixar a la calçada.\n\n- Eixamplar les voreres del tram entre la "
    "plaça de la Font i l'església\n- Treure'n els pals i les jardineres que fan nosa\n"
    "- Guals rebaixats a cada cruïlla", 0))
# Marta's proposal with co-authors: Jordi and the elderly people's casal accepted, Fàtima is
# still to answer
COAUTHORED = "Ombra i bancs a la plaça de la Font"


def seed_on_behalf(users, now) -> int:
    """What representatives do for their associations (after the associations are made): a
    proposal Marta published on behalf of the Barri Vell's neighbours' association, and her
    proposal on the plaça de la Font co-authored by Jordi and by the elderly people's casal,
    with an invitation Fàtima has not answered yet."""
    if db.session.scalar(select(ProposalCoauthor.id).limit(1)) is not None:
        return 0
    associations = {a.name: a for a in db.session.scalars(select(Association).where(
        Association.name.in_((BARRI_VELL_AVV, CASAL))))}
    marta, jordi = get_user_by_email("marta@riuclar.example"), get_user_by_email(
        "jordi@riuclar.example")
    fatima = get_user_by_email("fatima@riuclar.example")
    avv, casal = associations.get(BARRI_VELL_AVV), associations.get(CASAL)
    if None in (marta, jordi, fatima, avv, casal):
        return 0
    created = 0
    slug, (title, body, category) = ON_BEHALF
    process = db.session.scalar(select(Process).where(Process.slug == slug))
    if process is not None:
        created_at = now - timedelta(days=3, hours=4)
        db.session.add(Proposal(
            process=process, author=marta, association_id=avv.id, title=title, body=body,
            category=process.categories[category] if process.categories else None,
            neighbourhood=process.neighbourhoods[0] if process.neighbourhoods else None,
            search_text=fold(f"{title}\n{body}"), created_at=created_at,
            updated_at=created_at, supports_count=0))
        created += 1
    proposal = db.session.scalar(select(Proposal).where(Proposal.title == COAUTHORED,
                                                        Proposal.author_id == marta.id))
    if proposal is not None:
        casal_admin = next((r.user for r in casal.representatives if r.is_administrator),
                           None)
        when = proposal.created_at + timedelta(hours=6)
        for place, (person, association, answered_by) in enumerate((
                (jordi, None, jordi), (None, casal, casal_admin), (fatima, None, None)),
                start=1):
            db.session.add(ProposalCoauthor(
                proposal_id=proposal.id, email=person.email if person else None,
                user_id=person.id if person else None,
                association_id=association.id if association else None, place=place,
                status=CoauthorStatus.ACCEPTED if answered_by else CoauthorStatus.INVITED,
                invited_by_id=marta.id, answered_at=when + timedelta(hours=place)
                if answered_by else None,
                answered_by_id=answered_by.id if answered_by else None,
                created_at=when, updated_at=when))
            created += 1
    db.session.flush()
    return created
