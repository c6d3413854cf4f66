"""The demo town's participatory budgets: the Barri Vell's 300,000 € in its voting phase, where
demo residents have already voted (Marta has not: she can try it), and the town's 2026 budget,
closed with its results published: three hundred ballots where the Method of Equal Shares and
greedy choose differently (a majority of the Barri Vell would take the whole budget with
greedy)."""

import random
from datetime import timedelta

from flask import current_app
from sqlalchemy import select

from participa.accounts.models import User
from participa.accounts.passwords import hash_password
from participa.accounts.queries import get_user_by_email
from participa.budgets import operations
from participa.budgets.models import Budget, BudgetBallot, BudgetVoter
from participa.census.queries import verification_of
from participa.core.secrecy import RECEIPT_ALPHABET, RECEIPT_LENGTH
from participa.extensions import db
from participa.neighbourhoods.models import Neighbourhood
from participa.processes.models import Process
from participa.proposals.models import Proposal
from participa.seed.accounts import DEMO_PASSWORD

OPEN_SLUG = "inversions-barri-vell-2027"
CLOSED_SLUG = "pressupostos-participatius-riuclar-2026"

# (title, description, cost, category index, proposal title it comes from)
OPEN_PROJECTS = [
    ("Horts comunitaris al solar del carrer Nou",
     "Vint parcel·les, un punt de compostatge i una caseta d'eines, gestionats per les entitats "
     "i l'escola.", 62_000, 3, "Horts comunitaris al solar del carrer Nou"),
    ("Fonts d'aigua potable al parc Vell", "Dues fonts accessibles, una al costat dels jocs.",
     18_000, 0, "Fonts d'aigua potable al parc Vell"),
    ("Zona de jocs inclusiva a la plaça Major",
     "Jocs per a tots els infants, amb paviment tou, ombra i bancs per a les famílies.",
     85_000, 0, "Zona de jocs inclusiva a la plaça Major"),
    ("Aparcament de bicicletes cobert a l'estació", "Quaranta places cobertes i vigilades.",
     24_000, 2, "Aparcament de bicicletes cobert a l'estació"),
    ("Rampa i ascensor al casal de gent gran",
     "Que tothom pugui arribar a la sala d'actes del primer pis.", 120_000, 1, None),
    ("Pati obert a l'escola del Rec",
     "Obrir el pati els caps de setmana, amb una nova tanca i lavabos accessibles des del "
     "carrer.", 95_000, 1, None),
    ("Camí escolar segur pel carrer de la Creu",
     "Voreres més amples, passos elevats i senyalització a l'entrada de les escoles.",
     70_000, 2, None),
    ("Arbrat al carrer Nou", "Trenta arbres nous i escocells drenants.", 55_000, 3, None),
    ("Il·luminació del passatge del Rec", "Enllumenat LED de baix consum al passatge.",
     45_000, 0, None),
    ("Punt de reparació i reutilització",
     "Un espai mensual per reparar petits aparells i bescanviar objectes.", 30_000, 1, None),
    ("Wi-Fi públic a la biblioteca i al casal", "Connexió oberta i gratuïta als dos "
     "equipaments.", 15_000, 1, None),
    ("Bancs amb respatller a la rambla", "Quinze bancs nous, amb reposabraços.", 21_000, 0,
     None),
]

# the residents who have already voted, and what they chose (indexes in OPEN_PROJECTS)
OPEN_BALLOTS = {
    "jordi@riuclar.example": [4, 1, 10, 11],
    "fatima@riuclar.example": [2, 0, 3, 6, 1],
}
NEIGHBOUR_BALLOTS = [[0, 1, 2, 3], [4, 6, 11], [2, 5, 1], [0, 7, 8, 9], [6, 2, 3, 10],
                     [4, 1, 0], [5, 2, 9, 11], [0, 1, 3, 7, 9]]

# the closed budget: (title, cost, neighbourhood slug, category index)
CLOSED_PROJECTS = [
    ("Nova coberta del pavelló del Barri Vell", 110_000, "barri-vell", 1),
    ("Reurbanització de la plaça de la Font", 90_000, "barri-vell", 0),
    ("Enllumenat del carrer Major", 50_000, "barri-vell", 0),
    ("Horts urbans del Rec", 40_000, "sant-roc", 0),
    ("Ludoteca de Can Puig", 60_000, "can-puig", 1),
    ("Sala d'assaig per al jovent al Serrat", 45_000, "el-serrat", 2),
    ("Parc de cal·listènia a La Florida", 25_000, "la-florida", 0),
    ("Biblioteca de carrer a Les Basses", 15_000, "les-basses", 2),
    ("Festival de músiques del món", 30_000, None, 2),
]
# who voted, by neighbourhood, and which projects each group tends to approve
CLOSED_GROUPS = [
    ("barri-vell", 170, [0, 1, 2], [8]),
    ("sant-roc", 40, [3], [6, 8]),
    ("can-puig", 35, [4], [3, 7]),
    ("el-serrat", 25, [5], [8]),
    ("la-florida", 20, [6], [3]),
    ("les-basses", 15, [7], [4]),
]
FIRST_NAMES = ["Anna", "Jordi", "Laia", "Pol", "Martina", "Joan", "Carla", "Marc", "Júlia",
               "Arnau", "Paula", "Biel", "Aina", "Nil", "Clara", "Hugo", "Ona", "Àlex", "Nora",
               "Iker", "Rita", "Oriol", "Mariona", "Adrià", "Fàtima", "Youssef", "Mei", "Amina"]
LAST_NAMES = ["Garcia", "Puig", "Soler", "Vidal", "Ferrer", "Serra", "Pons", "Roca", "Font",
              "Casals", "Riera", "Vila", "Sala", "Camps", "Bosch", "Prat", "Mas", "Coll"]


def _receipt(rng) -> str:
    """A receipt code like the ones voters get, drawn from the seeded generator (the demo is
    the same every time it is loaded)."""
    raw = "".join(rng.choice(RECEIPT_ALPHABET) for _ in range(RECEIPT_LENGTH))
    return "-".join(raw[i:i + 4] for i in range(0, RECEIPT_LENGTH, 4))


def seed_budgets(users, now) -> int:
    created = 0
    council = users["council"]
    created += _open_budget(council, now)
    created += _closed_budget(council, now, resident=users.get("resident"))
    return created


def _process(slug):
    return db.session.scalar(select(Process).where(Process.slug == slug))


def _open_budget(council, now) -> int:
    process = _process(OPEN_SLUG)
    if process is None or db.session.scalar(
            select(Budget.id).where(Budget.process_id == process.id).limit(1)):
        return 0
    barri_vell = process.neighbourhoods[0]
    budget = operations.create_budget(process, {
        "title": "Inversions del Barri Vell 2027",
        "description": "Tria els projectes que vols per al barri. La suma dels que triïs no pot "
                       "passar de 300.000 €. Pots canviar el vot fins que es tanqui la votació.",
        "amount": 300_000, "neighbourhood_id": barri_vell.id, "ballot_kind": "knapsack",
        "rule": "equal-shares", "min_choices": 1, "census_required": True, "minimum_age": 16,
    }, actor=council)
    proposals = {p.title: p for p in db.session.scalars(
        select(Proposal).where(Proposal.process_id == process.id))}
    projects = []
    for title, description, cost, category, source in OPEN_PROJECTS:
        linked = [proposals[source].id] if source in proposals else []
        projects.append(operations.create_project(budget, {
            "title": title, "description": description, "cost": cost,
            "category_id": process.categories[category].id,
            "neighbourhood_id": barri_vell.id, "proposal_ids": linked}, actor=council))
    secret = current_app.config["BALLOT_KEY"]
    voters = [(get_user_by_email(email), picks) for email, picks in OPEN_BALLOTS.items()]
    voters += [(get_user_by_email(f"vei{i:02d}@riuclar.example"), picks)
               for i, picks in enumerate(NEIGHBOUR_BALLOTS, start=1)]
    created = 1 + len(projects)
    for user, picks in voters:
        if user is None:
            continue
        operations.cast_ballot(budget, [projects[i].id for i in picks], actor=user,
                               verification=verification_of(user.id), ballot_secret=secret,
                               now=now - timedelta(days=len(picks)))
        created += 2
    return created


def _closed_budget(council, now, resident=None) -> int:
    process = _process(CLOSED_SLUG)
    if process is None or db.session.scalar(
            select(Budget.id).where(Budget.process_id == process.id).limit(1)):
        return 0
    places = {n.slug: n for n in db.session.scalars(select(Neighbourhood))}
    budget = operations.create_budget(process, {
        "title": "Pressupost de ciutat 2026",
        "description": "250.000 € per a projectes de tots els barris. Es podien triar fins a "
                       "quatre projectes.",
        "amount": 250_000, "ballot_kind": "approval", "min_choices": 1, "max_choices": 4,
        "rule": "equal-shares",
    }, actor=council)
    projects = [operations.create_project(budget, {
        "title": title, "cost": cost, "category_id": process.categories[category].id,
        "neighbourhood_id": places[slug].id if slug else None}, actor=council)
        for title, cost, slug, category in CLOSED_PROJECTS]
    # the voters: generated residents of each neighbourhood (one password hash for all)
    rng = random.Random(2026)
    shared_hash = hash_password(DEMO_PASSWORD)
    secret = current_app.config["BALLOT_KEY"]
    voted_on = (now - timedelta(days=185)).date()
    number, created = 0, 1 + len(projects)
    for slug, count, core, sometimes in CLOSED_GROUPS:
        for _ in range(count):
            number += 1
            name = f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)} {rng.choice(LAST_NAMES)}"
            user = User(name=name, email=f"votant{number:03d}@riuclar.example",
                        password_hash=shared_hash, locale="ca", confirmed_at=now,
                        neighbourhood_id=places[slug].id, created_at=now - timedelta(days=230))
            db.session.add(user)
            db.session.flush()
            picks = [i for i in core if rng.random() < 0.9]
            picks += [i for i in sometimes if rng.random() < 0.35]
            picks = sorted(set(picks or core[:1]))[:4]
            if number == 1 and resident is not None:
                user = resident  # Marta (of the Barri Vell) cast the first ballot of the roll
            db.session.add(BudgetVoter(budget_id=budget.id, user_id=user.id,
                                       neighbourhood_id=places[slug].id, voted_on=voted_on))
            db.session.add(BudgetBallot(
                key=operations.ballot_key(secret, budget, user), budget_id=budget.id,
                choices=",".join(str(projects[i].id) for i in picks),
                receipt=_receipt(rng), cast_on=voted_on))
            created += 3
    db.session.flush()
    operations.close_budget(budget, actor=council, now=now - timedelta(days=170))
    operations.publish_results(budget, actor=council, now=now - timedelta(days=160))
    return created
