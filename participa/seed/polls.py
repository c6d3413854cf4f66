"""The demo town's polls: an open yes/no question in a process whose voting phase is running,
with some neighbours' ballots already in; and a closed ranked poll from last year's city budget,
with its result published — one where Schulze and instant runoff pick different winners, so
the results page shows why the official count is Schulze."""

import random
from datetime import timedelta

from flask import current_app
from sqlalchemy import select

from participa.accounts.models import User
from participa.accounts.queries import get_user_by_email
from participa.core.types import utcnow
from participa.extensions import db
from participa.polls import operations
from participa.polls.models import Poll
from participa.processes.models import PhaseKind, Process

OPEN_SLUG = "cooperacio-local-entitats"
OPEN_POLL = {
    "title": "Vols que la convocatòria reservi un 20 % dels diners per a entitats que no "
             "n'han rebut mai?",
    "description": "Cada any, les mateixes entitats grans s'emporten bona part del suport. La "
                   "Taula d'Entitats proposa **reservar un 20 %** de la convocatòria per a "
                   "associacions que es presenten per primera vegada.\n\n"
                   "- Si guanya el *sí*, la reserva s'aplicarà a la convocatòria de l'any "
                   "vinent.\n- La resta de criteris de valoració no canvien.",
    "kind": "yes_no",
}
# demo accounts and neighbours who have voted already (Marta has not: try it as her)
OPEN_BALLOTS = {
    "jordi@riuclar.example": "yes", "fatima@riuclar.example": "yes",
    "vei01@riuclar.example": "yes", "vei02@riuclar.example": "no",
    "vei03@riuclar.example": "yes", "vei04@riuclar.example": "abstain",
    "vei05@riuclar.example": "yes", "vei06@riuclar.example": "no",
    "vei07@riuclar.example": "yes", "vei08@riuclar.example": "yes",
    "vei09@riuclar.example": "no", "vei10@riuclar.example": "yes",
}

CLOSED_SLUG = "pressupostos-participatius-riuclar-2026"
CLOSED_POLL = {
    "title": "Quines prioritats ha de tenir el pressupost de ciutat de l'any vinent?",
    "description": "Ordena les prioritats de la que t'importa més a la que menys. No cal "
                   "ordenar-les totes: les que deixis sense ordenar compten per sota.\n\n"
                   "El resultat orientarà la propera convocatòria de propostes.",
    "kind": "ranked",
    "options": [
        "Ombra i arbres a places i carrers",
        "Equipaments i activitats per a la gent gran",
        "Espais i oci educatiu per a joves",
        "Camins escolars i mobilitat a peu",
        "Horts comunitaris i compostatge",
    ],
}
# (how many, ranking by option number): ombra is everyone's second choice and wins every
# pairwise contest (Schulze), but has few first preferences, so instant runoff drops it early
CLOSED_GROUPS = [
    (12, (2, 1, 4)), (10, (3, 4, 1)), (9, (4, 1, 3, 2)), (5, (1, 4, 2)), (4, (5, 1)),
]


def _process(slug):
    return db.session.scalar(select(Process).where(Process.slug == slug))


def _existing(process, title):
    return db.session.scalar(select(Poll).where(Poll.process_id == process.id,
                                                Poll.title == title))


def seed_polls(users=None, now=None) -> int:
    """Whatever of the demo polls is missing; returns how many records were added."""
    now = now or utcnow()
    council = (users or {}).get("council") or get_user_by_email("consell@riuclar.example")
    if council is None:
        return 0
    key = current_app.config["BALLOT_KEY"]
    return _open_poll(council, key, now) + _closed_poll(council, key, now)


def _open_poll(council, key, now) -> int:
    process = _process(OPEN_SLUG)
    if process is None or _existing(process, OPEN_POLL["title"]) is not None:
        return 0
    poll = operations.create_poll(process, OPEN_POLL, actor=council)
    operations.open_poll(poll, actor=council, now=now - timedelta(days=4))
    created = 1
    for i, (email, answer) in enumerate(OPEN_BALLOTS.items()):
        person = get_user_by_email(email)
        if person is None:
            continue
        operations.cast_ballot(poll, answer, actor=person, ballot_key=key,
                               now=now - timedelta(days=3, hours=i))
        created += 2
    db.session.flush()
    return created


def _closed_poll(council, key, now) -> int:
    process = _process(CLOSED_SLUG)
    if process is None or _existing(process, CLOSED_POLL["title"]) is not None:
        return 0
    voting = next((p for p in process.phases if p.kind is PhaseKind.VOTING), None)
    if voting is None:
        return 0
    poll = operations.create_poll(process, CLOSED_POLL, actor=council)
    operations.open_poll(poll, actor=council, now=voting.starts_at)
    voters = _voters(sum(count for count, _ranking in CLOSED_GROUPS))
    ballots = [ranking for count, ranking in CLOSED_GROUPS for _ in range(count)]
    random.Random(2026).shuffle(ballots)
    created = 1
    for i, (person, ranking) in enumerate(zip(voters, ballots, strict=False)):
        operations.cast_ballot(poll, [poll.options[n - 1].id for n in ranking], actor=person,
                               ballot_key=key,
                               now=voting.starts_at + timedelta(days=1 + i % 20, hours=2))
        created += 2
    operations.close_poll(poll, actor=council, now=voting.ends_at)
    db.session.flush()
    return created


def _voters(count) -> list:
    """The people who voted last year: the city budget's generated voters when there are
    enough, otherwise the demo neighbours."""
    voters = list(db.session.scalars(
        select(User).where(User.email.like("votant%@riuclar.example")).order_by(User.email)
        .limit(count)))
    if len(voters) < count:
        voters = list(db.session.scalars(
            select(User).where(User.email.like("vei%@riuclar.example")).order_by(User.email)))
    return voters
